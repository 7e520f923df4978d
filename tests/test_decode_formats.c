/* Tests of the format decoders: HTML, docx, PDF and external tools. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "tracuu/decode.h"
#include "support.h"

#define DATA "data/decode/"

static void
decode_ok (const char *path, const tracuu_decode_options_t *opts,
           tracuu_decoded_t *d)
{
    tracuu_status_t st = tracuu_decode_file (path, opts, d);

    cr_assert_eq (st, TRACUU_STATUS_OK, "%s: %s (%s)", path,
                  tracuu_status_to_string (st), d->error);
    cr_assert_not_null (d->text);
}

Test (decode_formats, html_windows_1258)
{
    tracuu_decoded_t d;
    char *text;

    decode_ok (DATA "page.html", NULL, &d);
    cr_expect_str_eq (d.format, "html");
    cr_expect_str_eq (d.encoding, "windows-1258");
    /* Windows-1258 keeps tones as combining marks (NFC comes later). */
    cr_expect_not_null (strstr (d.text, "sai sư\xcc\xa3 thâ\xcc\xa3t"));
    text = test_nfc (d.text);
    cr_expect_str_eq (text,
                      "BÁO CÁO\n"
                      "Đăng tải thông tin sai sự thật;\u00a0xử phạt "
                      "7,5\u00a0triệu đồng.\n"
                      "Mã ự ự à & <b>\n"
                      "dòng hai\n"
                      "STT\tNội dung\n"
                      "1\tKiểm tra\n"
                      "một\n"
                      "hai\n");
    free (text);
    cr_expect_null (strstr (d.text, "Trang chủ"));
    cr_expect_null (strstr (d.text, "color"));
    tracuu_decoded_dispose (&d);
}

Test (decode_formats, html_in_memory_utf8)
{
    const char *html = "<html><body><p>Hà&nbsp;Nội</p>"
                       "<div>thông tin <b>sai</b> sự thật</div></body></html>";
    tracuu_decoded_t d;

    cr_assert_eq (tracuu_decode_buffer ("a.htm", html, strlen (html), NULL, &d),
                  TRACUU_STATUS_OK, "%s", d.error);
    cr_expect_str_eq (d.text, "Hà\xc2\xa0Nội\nthông tin sai sự thật\n");
    cr_expect_str_eq (d.encoding, "utf-8");
    tracuu_decoded_dispose (&d);

    /* Sniffed without an extension. */
    cr_assert_eq (tracuu_decode_buffer (NULL, html, strlen (html), NULL, &d),
                  TRACUU_STATUS_OK);
    cr_expect_str_eq (d.format, "html");
    tracuu_decoded_dispose (&d);
}

Test (decode_formats, docx_table_and_footnotes)
{
    tracuu_decoded_t d;

    decode_ok (DATA "report.docx", NULL, &d);
    cr_expect_str_eq (d.format, "docx");
    cr_expect_str_eq (d.text,
                      "BÁO CÁO\n"
                      "Đăng tải thông tin sai sự thật¹ bị xử phạt.\n"
                      "STT\tNội dung\n"
                      "1\tKiểm tra\n"
                      "Hết\ttrang²\n"
                      "¹ Theo Nghị định số 15/2020/NĐ-CP.\n"
                      "² Ghi chú hai.\n");
    tracuu_decoded_dispose (&d);
}

Test (decode_formats, docx_gzipped)
{
    tracuu_decoded_t d;

    decode_ok (DATA "report.docx.gz", NULL, &d);
    cr_expect_str_eq (d.format, "docx");
    cr_expect_eq (d.compressed, 1);
    cr_expect_not_null (strstr (d.text, "sai sự thật¹"));
    tracuu_decoded_dispose (&d);
}

Test (decode_formats, docx_errors)
{
    static const struct {
        const char *file;
        tracuu_status_t status;
        const char *reason;
    } cases[] = {
        { "broken.docx", TRACUU_STATUS_BAD_INPUT, "broken zip archive" },
        { "bomb.docx", TRACUU_STATUS_LIMIT_EXCEEDED, "zip bomb" },
    };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[256];
        tracuu_decoded_t d;

        snprintf (path, sizeof path, DATA "%s", cases[i].file);
        cr_expect_eq (tracuu_decode_file (path, NULL, &d), cases[i].status,
                      "%s: %s", path, d.error);
        cr_expect_not_null (strstr (d.error, cases[i].reason), "%s: %s", path,
                            d.error);
        cr_expect_null (d.text);
    }
}

Test (decode_formats, docx_output_limit)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t d;

    opts.max_output_bytes = 20;
    cr_expect_eq (tracuu_decode_file (DATA "report.docx", &opts, &d),
                  TRACUU_STATUS_LIMIT_EXCEEDED);
    cr_expect_null (d.text);
}

Test (decode_formats, pdf)
{
    tracuu_decoded_t d;
    char *bytes;
    size_t len;
    FILE *f;

    decode_ok (DATA "report.pdf", NULL, &d);
    cr_expect_str_eq (d.format, "pdf");
    cr_expect_not_null (strstr (d.text, "BAO CAO\nThong tin sai su that"),
                        "%s", d.text);
    tracuu_decoded_dispose (&d);

    /* The same bytes from memory go through a temporary file. */
    f = fopen (DATA "report.pdf", "rb");
    cr_assert_not_null (f);
    bytes = malloc (65536);
    len = fread (bytes, 1, 65536, f);
    fclose (f);
    cr_assert_eq (tracuu_decode_buffer ("x.pdf", bytes, len, NULL, &d),
                  TRACUU_STATUS_OK, "%s", d.error);
    cr_expect_not_null (strstr (d.text, "Thong tin sai su that"));
    tracuu_decoded_dispose (&d);
    free (bytes);
}

Test (decode_formats, pdf_odd_file_name)
{
    char dir[] = "/tmp/tracuu-decode-XXXXXX";
    char path[128], cmd[256];
    tracuu_decoded_t d;

    cr_assert_not_null (mkdtemp (dir));
    snprintf (path, sizeof path, "%s/-báo cáo; $(rm -rf x) 'q'.pdf", dir);
    snprintf (cmd, sizeof cmd, "cp " DATA "report.pdf \"%s/-báo cáo; \\$(rm -rf x) 'q'.pdf\"", dir);
    cr_assert_eq (system (cmd), 0);
    cr_expect_eq (tracuu_decode_file (path, NULL, &d), TRACUU_STATUS_OK,
                  "%s", d.error);
    tracuu_decoded_dispose (&d);
    unlink (path);
    rmdir (dir);
}

Test (decode_formats, missing_tool)
{
    tracuu_decoded_t d;

    setenv ("PATH", "/nonexistent", 1);
    cr_expect_eq (tracuu_decode_file (DATA "report.pdf", NULL, &d),
                  TRACUU_STATUS_EXTERNAL_TOOL);
    cr_expect_str_eq (d.error, "pdftotext not found; install poppler-utils");
    cr_expect_null (d.text);
}

/* A converter that hangs is killed after timeout_seconds. */
Test (decode_formats, tool_timeout)
{
    char dir[] = "/tmp/tracuu-decode-XXXXXX";
    char path[128];
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t d;
    FILE *f;

    cr_assert_not_null (mkdtemp (dir));
    snprintf (path, sizeof path, "%s/pdftotext", dir);
    f = fopen (path, "w");
    cr_assert_not_null (f);
    fputs ("#!/bin/sh\nexec /bin/sleep 30\n", f);
    fclose (f);
    chmod (path, 0755);
    setenv ("PATH", dir, 1);
    opts.timeout_seconds = 1;
    cr_expect_eq (tracuu_decode_file (DATA "report.pdf", &opts, &d),
                  TRACUU_STATUS_EXTERNAL_TOOL);
    cr_expect_str_eq (d.error, "pdftotext timed out after 1 s");
    unlink (path);
    rmdir (dir);
}
