/* Tests of lib/decode*.c: reading files, sniffing, encodings. */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"
#include "support.h"

#define DATA "data/decode/"

/* Decode 'path' with default options, expecting success. */
static void
decode_ok (const char *path, tracuu_decoded_t *d)
{
    tracuu_status_t st = tracuu_decode_file (path, NULL, d);

    cr_assert_eq (st, TRACUU_STATUS_OK, "%s: %s (%s)", path,
                  tracuu_status_to_string (st), d->error);
    cr_assert_not_null (d->text);
    cr_assert_eq (strlen (d->text), d->len);
}

Test (decode, utf8_passes_through)
{
    tracuu_decoded_t d;
    size_t len;
    char *want = test_slurp (DATA "para.utf8.txt", &len);

    decode_ok (DATA "para.utf8.txt", &d);
    cr_expect_eq (d.len, len);
    cr_expect (memcmp (d.text, want, len) == 0);
    cr_expect_str_eq (d.format, "text");
    cr_expect_str_eq (d.encoding, "utf-8");
    cr_expect_eq (d.compressed, 0);
    cr_expect_str_eq (d.error, "");
    tracuu_decoded_dispose (&d);
    free (want);
}

Test (decode, corpus_files_are_utf8)
{
    static const char *const files[] = {
        "../corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt",
        "../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt",
    };

    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        tracuu_decoded_t d;
        size_t len;
        char *want = test_slurp (files[i], &len);

        decode_ok (files[i], &d);
        cr_expect_str_eq (d.encoding, "utf-8");
        cr_expect_eq (d.len, len);
        cr_expect (memcmp (d.text, want, len) == 0, "%s", files[i]);
        tracuu_decoded_dispose (&d);
        free (want);
    }
}

Test (decode, utf8_bom_is_dropped)
{
    tracuu_decoded_t d;
    char *want = test_slurp (DATA "para.utf8.txt", NULL);

    decode_ok (DATA "para.bom.txt", &d);
    cr_expect_str_eq (d.encoding, "utf-8-bom");
    cr_expect_str_eq (d.text, want);
    tracuu_decoded_dispose (&d);
    free (want);
}

Test (decode, nfd_is_kept_as_is)
{
    tracuu_decoded_t d;
    char *want = test_slurp (DATA "para.nfd.txt", NULL);

    decode_ok (DATA "para.nfd.txt", &d);
    cr_expect_str_eq (d.encoding, "utf-8");
    cr_expect_str_eq (d.text, want);
    tracuu_decoded_dispose (&d);
    free (want);
}

/* Every encoding of the seed paragraph decodes to it (after NFC). */
Test (decode, encodings_are_detected)
{
    static const struct {
        const char *file;
        const char *encoding;
    } cases[] = {
        { "para.utf16le.txt", "utf-16le" },
        { "para.utf16be.txt", "utf-16be" },
        { "para.utf16le-nobom.txt", "utf-16le" },
        { "para.cp1258.txt", "windows-1258" },
        { "para.tcvn3.txt", "tcvn3" },
        { "para.vni.txt", "vni-windows" },
        { "para.viscii.txt", "viscii" },
    };
    char *want = test_slurp (DATA "para.utf8.txt", NULL);

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[256];
        tracuu_decoded_t d;
        char *got;

        snprintf (path, sizeof path, DATA "%s", cases[i].file);
        decode_ok (path, &d);
        cr_expect_str_eq (d.encoding, cases[i].encoding, "%s", path);
        got = test_nfc (d.text);
        cr_expect_str_eq (got, want, "%s", path);
        cr_expect_not_null (strstr (got, "thông tin sai sự thật"), "%s", path);
        free (got);
        tracuu_decoded_dispose (&d);
    }
    free (want);
}

Test (decode, vni_capitals)
{
    tracuu_decoded_t d;

    decode_ok (DATA "upper.vni.txt", &d);
    cr_expect_str_eq (d.encoding, "vni-windows");
    cr_expect_str_eq (d.text, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                      "Độc lập - Tự do - Hạnh phúc\n");
    tracuu_decoded_dispose (&d);
}

Test (decode, forced_encoding)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t d;
    tracuu_status_t st;

    /* "Hµ Néi" is "Hà Nội" in TCVN3. */
    opts.encoding = "tcvn3";
    st = tracuu_decode_buffer ("x.txt", "H\xb5 N\xe9i", 6, &opts, &d);
    cr_assert_eq (st, TRACUU_STATUS_OK, "%s", d.error);
    cr_expect_str_eq (d.text, "Hà Nội");
    cr_expect_str_eq (d.encoding, "tcvn3");
    tracuu_decoded_dispose (&d);

    opts.encoding = "VNI";
    st = tracuu_decode_buffer ("x.txt", "Ha\xf8 No\xe4i", 8, &opts, &d);
    cr_assert_eq (st, TRACUU_STATUS_OK, "%s", d.error);
    cr_expect_str_eq (d.text, "Hà Nội");
    cr_expect_str_eq (d.encoding, "vni-windows");
    tracuu_decoded_dispose (&d);

    opts.encoding = "klingon-8";
    st = tracuu_decode_buffer ("x.txt", "abc", 3, &opts, &d);
    cr_expect_eq (st, TRACUU_STATUS_BAD_ARGUMENT);
    cr_expect_null (d.text);
    cr_expect_not_null (strstr (d.error, "klingon-8"), "%s", d.error);
}

Test (decode, mostly_utf8_stays_utf8)
{
    tracuu_decoded_t d;
    const char *text = "Báo cáo tháng tư về thông tin sai sự thật \xff ở tỉnh";
    tracuu_status_t st = tracuu_decode_buffer (NULL, text, strlen (text),
                                               NULL, &d);

    cr_assert_eq (st, TRACUU_STATUS_OK);
    cr_expect_str_eq (d.encoding, "utf-8");
    cr_expect_str_eq (d.text, text);
    tracuu_decoded_dispose (&d);
}

Test (decode, empty_file)
{
    tracuu_decoded_t d;

    decode_ok (DATA "empty.txt", &d);
    cr_expect_eq (d.len, 0);
    cr_expect_str_eq (d.text, "");
    tracuu_decoded_dispose (&d);
}

/* Binary files are refused, named by their magic bytes. */
Test (decode, binary_files)
{
    static const struct {
        const char *file;
        const char *reason;
    } cases[] = {
        { "image.png", "binary file (PNG image)" },
        { "program.bin", "binary file (ELF executable)" },
        { "archive.zip", "binary file (zip archive)" },
    };
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;

    opts.ocr = TRACUU_OCR_NEVER;        /* Images are read by OCR otherwise. */
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[256];
        tracuu_decoded_t d;
        tracuu_status_t st;

        snprintf (path, sizeof path, DATA "%s", cases[i].file);
        st = tracuu_decode_file (path, &opts, &d);
        cr_expect_eq (st, TRACUU_STATUS_UNSUPPORTED_FORMAT, "%s", path);
        cr_expect_str_eq (d.error, cases[i].reason);
        cr_expect_null (d.text);
        tracuu_decoded_dispose (&d);
    }
}

Test (decode, missing_file)
{
    tracuu_decoded_t d;

    cr_assert_eq (tracuu_decode_file (DATA "no-such-file.txt", NULL, &d),
                  TRACUU_STATUS_IO_ERROR);
    cr_expect_eq (errno, ENOENT);
    cr_expect_str_eq (d.error, "cannot open: No such file or directory");
    cr_expect_null (d.text);
}

Test (decode, directory)
{
    tracuu_decoded_t d;

    cr_assert_eq (tracuu_decode_file (DATA, NULL, &d), TRACUU_STATUS_IO_ERROR);
    cr_expect_eq (errno, EISDIR);
    cr_expect_str_eq (d.error, "cannot read: Is a directory");
}

Test (decode, fifo_does_not_block)
{
    char dir[] = "/tmp/tracuu-decode-XXXXXX";
    char path[64];
    tracuu_decoded_t d;

    cr_assert_not_null (mkdtemp (dir));
    snprintf (path, sizeof path, "%s/fifo", dir);
    cr_assert_eq (mkfifo (path, 0600), 0);
    cr_expect_eq (tracuu_decode_file (path, NULL, &d),
                  TRACUU_STATUS_UNSUPPORTED_FORMAT);
    cr_expect_str_eq (d.error, "not a regular file (fifo)");
    unlink (path);
    rmdir (dir);
}

Test (decode, device)
{
    tracuu_decoded_t d;

    cr_expect_eq (tracuu_decode_file ("/dev/zero", NULL, &d),
                  TRACUU_STATUS_UNSUPPORTED_FORMAT);
    cr_expect_str_eq (d.error, "not a regular file (character device)");
}

Test (decode, permission_denied)
{
    char path[] = "/tmp/tracuu-decode-XXXXXX";
    tracuu_decoded_t d;
    int fd;

    if (geteuid () == 0)
        cr_skip_test ("root ignores file permissions");
    fd = mkstemp (path);
    cr_assert_geq (fd, 0);
    close (fd);
    chmod (path, 0);
    cr_expect_eq (tracuu_decode_file (path, NULL, &d), TRACUU_STATUS_IO_ERROR);
    cr_expect_eq (errno, EACCES);
    cr_expect_str_eq (d.error, "cannot open: Permission denied");
    unlink (path);
}

Test (decode, input_limit)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t d;

    opts.max_input_bytes = 100;
    cr_expect_eq (tracuu_decode_file (DATA "para.utf8.txt", &opts, &d),
                  TRACUU_STATUS_LIMIT_EXCEEDED);
    cr_expect_null (d.text);
    cr_expect_eq (tracuu_decode_buffer ("a.txt", "0123456789", 10, &opts, &d),
                  TRACUU_STATUS_OK);
    tracuu_decoded_dispose (&d);
}

Test (decode, bad_arguments)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t d;

    cr_expect_eq (tracuu_decode_file (NULL, NULL, &d),
                  TRACUU_STATUS_NULL_POINTER);
    cr_expect_eq (tracuu_decode_file ("x", NULL, NULL),
                  TRACUU_STATUS_NULL_POINTER);
    cr_expect_eq (tracuu_decode_buffer ("x", NULL, 3, NULL, &d),
                  TRACUU_STATUS_NULL_POINTER);
    opts.version = 99;
    cr_expect_eq (tracuu_decode_buffer ("x", "a", 1, &opts, &d),
                  TRACUU_STATUS_BAD_ARGUMENT);
    tracuu_decoded_dispose (NULL);
}

Test (decode, gzip)
{
    tracuu_decoded_t d;
    char *want = test_slurp (DATA "para.utf8.txt", NULL);

    decode_ok (DATA "para.txt.gz", &d);
    cr_expect_str_eq (d.text, want);
    cr_expect_eq (d.compressed, 1);
    cr_expect_str_eq (d.format, "text");
    tracuu_decoded_dispose (&d);
    free (want);
}

Test (decode, gzip_bomb_and_corruption)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t d;

    opts.max_output_bytes = 100000;
    cr_expect_eq (tracuu_decode_file (DATA "bomb.txt.gz", &opts, &d),
                  TRACUU_STATUS_LIMIT_EXCEEDED);
    cr_expect_not_null (strstr (d.error, "bomb"), "%s", d.error);
    cr_expect_null (d.text);
    cr_expect_eq (tracuu_decode_file (DATA "truncated.txt.gz", NULL, &d),
                  TRACUU_STATUS_BAD_INPUT);
    cr_expect_null (d.text);
}

/* The tables built into the library are those of data/encodings/. */
Test (decode, tables_match_data_files)
{
    static const struct {
        const char *name;
        const char *file;
    } tables[] = {
        { "tcvn3", "tcvn3.txt" },
        { "vni-windows", "vni.txt" },
        { "viscii", "viscii.txt" },
    };
    const char *dir = getenv ("TRACUU_DATA_DIR");

    if (dir == NULL)
        cr_skip_test ("TRACUU_DATA_DIR is not set");
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        const tracuu_decode_table_t *t = tracuu_decode__table (tables[i].name);
        char path[512], line[256];
        size_t n_single = 0, n_pairs = 0;
        FILE *f;

        cr_assert_not_null (t);
        snprintf (path, sizeof path, "%s/encodings/%s", dir, tables[i].file);
        f = fopen (path, "r");
        cr_assert_not_null (f, "%s", path);
        while (fgets (line, sizeof line, f)) {
            unsigned a, b, cp;

            if (sscanf (line, "0x%x 0x%x U+%x", &a, &b, &cp) == 3) {
                int found = 0;

                for (size_t k = 0; k < t->n_pairs; k++)
                    found |= t->pairs[k].first == a && t->pairs[k].second == b
                             && t->pairs[k].cp == cp;
                cr_expect (found, "%s: %s", path, line);
                n_pairs++;
            } else if (sscanf (line, "0x%x U+%x", &a, &cp) == 2) {
                cr_expect_eq (t->single[a], cp, "%s: %s", path, line);
                n_single++;
            }
        }
        fclose (f);
        cr_expect_eq (n_pairs, t->n_pairs, "%s", path);
        cr_expect_gt (n_single, 100, "%s", path);
    }
}
