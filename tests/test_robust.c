/* Tests of hostile and damaged input: stray bytes, nesting, limits. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>
#include <zip.h>

#include "tracuu/decode.h"
#include "index/index-private.h"

/* Decode 'len' bytes named 'name' with default options. */
static tracuu_status_t
decode (const char *name, const char *bytes, size_t len, tracuu_decoded_t *d)
{
    return tracuu_decode_buffer (name, bytes, len, NULL, d);
}

/* A report with a NUL and two other control bytes is text: they are
 * read as spaces, counted, and the rest of the text is kept. */
Test (robust, few_control_bytes_are_text)
{
    static const char text[] = "Thông tin sai sự thật\0 về xử phạt\x01 hành "
                               "chính\x1b[31m năm 2024.\n";
    tracuu_decoded_t d;

    cr_assert_eq (decode ("a.txt", text, sizeof text - 1, &d),
                  TRACUU_STATUS_OK, "%s", d.error);
    cr_expect_str_eq (d.text, "Thông tin sai sự thật  về xử phạt  hành "
                      "chính [31m năm 2024.\n");
    cr_expect_eq (d.len, sizeof text - 1);
    cr_expect_eq (d.n_control, 3);
    cr_expect_str_eq (d.encoding, "utf-8");
    tracuu_decoded_dispose (&d);
}

/* A report padded with zeros (a file cut short by a crash) is text. */
Test (robust, zero_padding_is_text)
{
    static const char line[] = "Báo cáo công tác thanh tra tháng 4.\n";
    size_t n = 4096;
    char *buf = calloc (1, n);
    tracuu_decoded_t d;

    memcpy (buf, line, sizeof line - 1);
    cr_assert_eq (decode ("a.txt", buf, n, &d), TRACUU_STATUS_OK, "%s",
                  d.error);
    cr_expect_eq (d.n_control, n - (sizeof line - 1));
    cr_expect (strncmp (d.text, line, sizeof line - 1) == 0);
    tracuu_decoded_dispose (&d);
    free (buf);
}

/* Mostly control bytes is binary, named so. */
Test (robust, mostly_control_bytes_is_binary)
{
    char buf[1000];
    tracuu_decoded_t d;

    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = i % 10 == 0 ? (char) (1 + i % 7) : 'a';
    cr_expect_eq (decode ("a.txt", buf, sizeof buf, &d),
                  TRACUU_STATUS_UNSUPPORTED_FORMAT);
    cr_expect_str_eq (d.error, "binary file (control bytes)");
    cr_expect_null (d.text);
    /* Half as many (one byte in 20) is still text. */
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = i % 20 == 0 ? (char) (1 + i % 7) : 'a';
    cr_expect_eq (decode ("a.txt", buf, sizeof buf, &d), TRACUU_STATUS_OK);
    cr_expect_eq (d.n_control, 50);
    tracuu_decoded_dispose (&d);
}

/* An even-sized UTF-8 report with a NUL is not UTF-16. */
Test (robust, one_nul_is_not_utf16)
{
    static const char text[] = "Xử phạt 7,5 triệu đồng\0 .";
    tracuu_decoded_t d;

    cr_assert_eq ((sizeof text - 1) % 2, 0);
    cr_assert_eq (decode ("a.txt", text, sizeof text - 1, &d),
                  TRACUU_STATUS_OK, "%s", d.error);
    cr_expect_str_eq (d.encoding, "utf-8");
    cr_expect_str_eq (d.text, "Xử phạt 7,5 triệu đồng  .");
    tracuu_decoded_dispose (&d);
}

/* A short UTF-8 text with a few bad bytes is damaged UTF-8, not a
 * legacy encoding: its words stay. */
Test (robust, damaged_short_utf8_stays_utf8)
{
    static const struct {
        const char *text;
        const char *words;
    } cases[] = {
        { "xử phạt \xff\xfe thông tin sai sự thật", "thông tin sai sự thật" },
        { "Phạt \xc0 người đăng tin giả\n", "người đăng tin giả" },
        { "\x93Thông tin\x94 sai sự thật", "sai sự thật" },
    };

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tracuu_decoded_t d;

        cr_assert_eq (decode ("a.txt", cases[i].text, strlen (cases[i].text),
                              &d), TRACUU_STATUS_OK, "%s", d.error);
        cr_expect_str_eq (d.encoding, "utf-8", "%s", cases[i].text);
        cr_expect_not_null (strstr (d.text, cases[i].words), "%s", d.text);
        tracuu_decoded_dispose (&d);
    }
}

/* HTML nested 'depth' elements deep around a sentence, with text after
 * the nesting. */
static char *
deep_html (const char *tag, size_t depth, size_t *len_out)
{
    size_t tlen = strlen (tag), cap = depth * (2 * tlen + 5) + 256, n = 0;
    char *s = malloc (cap);

    n += (size_t) sprintf (s + n, "<html><body><p>Mở đầu.</p>");
    for (size_t i = 0; i < depth; i++)
        n += (size_t) sprintf (s + n, "<%s>", tag);
    n += (size_t) sprintf (s + n, "Thông tin sai sự thật");
    for (size_t i = 0; i < depth; i++)
        n += (size_t) sprintf (s + n, "</%s>", tag);
    n += (size_t) sprintf (s + n, "<p>Kết thúc.</p></body></html>");
    *len_out = n;
    return s;
}

/* libxml2 builds no tree past 256 levels: every word must still be
 * there, inside and after the nesting, with inline and block tags and
 * tags left open. */
Test (robust, deep_html_keeps_all_text)
{
    static const char *const tags[] = { "span", "div", "b" };
    static const size_t depths[] = { 255, 256, 300, 5000, 100000 };

    for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
        for (size_t k = 0; k < sizeof depths / sizeof depths[0]; k++) {
            size_t len;
            char *html = deep_html (tags[i], depths[k], &len);
            tracuu_decoded_t d;

            cr_assert_eq (decode ("a.html", html, len, &d), TRACUU_STATUS_OK,
                          "%s", d.error);
            cr_expect_not_null (strstr (d.text, "Mở đầu."), "%s x %zu",
                                tags[i], depths[k]);
            cr_expect_not_null (strstr (d.text, "Thông tin sai sự thật"),
                                "%s x %zu", tags[i], depths[k]);
            cr_expect_not_null (strstr (d.text, "Kết thúc."), "%s x %zu",
                                tags[i], depths[k]);
            tracuu_decoded_dispose (&d);
            free (html);
        }
    }
    {
        /* Never closed. */
        size_t len;
        char *html = deep_html ("div", 3000, &len);
        tracuu_decoded_t d;

        strcpy (strstr (html, "Thông tin sai sự thật")
                + strlen ("Thông tin sai sự thật"), " cuối");
        cr_assert_eq (decode ("a.html", html, strlen (html), &d),
                      TRACUU_STATUS_OK, "%s", d.error);
        cr_expect_not_null (strstr (d.text, "Thông tin sai sự thật cuối"));
        tracuu_decoded_dispose (&d);
        free (html);
    }
}

/* A NUL in an HTML page does not end it. */
Test (robust, html_nul_byte)
{
    static const char html[] = "<html><body><p>Một\0hai</p><p>ba</p></body>"
                               "</html>";
    tracuu_decoded_t d;

    cr_assert_eq (decode ("a.html", html, sizeof html - 1, &d),
                  TRACUU_STATUS_OK, "%s", d.error);
    cr_expect_str_eq (d.text, "Một hai\nba\n");
    cr_expect_eq (d.n_control, 1);
    tracuu_decoded_dispose (&d);
}

/* Write a .docx holding 'xml' as word/document.xml (and 'notes' as
 * word/footnotes.xml unless NULL) to a new temporary file; its path in
 * 'path'. */
static void
write_docx (char path[64], const char *xml, size_t len, const char *notes)
{
    zip_t *zip;
    zip_source_t *src;
    int fd, err = 0;

    strcpy (path, "/tmp/tracuu-test-XXXXXX.docx");
    fd = mkstemps (path, 5);
    cr_assert (fd >= 0);
    close (fd);
    zip = zip_open (path, ZIP_TRUNCATE, &err);
    cr_assert_not_null (zip, "zip_open: %d", err);
    /* Stored, not deflated: repeated markup would look like a zip bomb. */
    src = zip_source_buffer (zip, xml, len, 0);
    cr_assert (zip_file_add (zip, "word/document.xml", src, 0) == 0);
    cr_assert (zip_set_file_compression (zip, 0, ZIP_CM_STORE, 0) == 0);
    if (notes != NULL) {
        src = zip_source_buffer (zip, notes, strlen (notes), 0);
        cr_assert (zip_file_add (zip, "word/footnotes.xml", src, 0) == 1);
    }
    cr_assert (zip_close (zip) == 0);
}

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

/* A Word document nested deeper than libxml2 builds trees keeps its
 * text, footnotes included. */
Test (robust, deep_docx_keeps_all_text)
{
    size_t depth = 2000, cap = depth * 50 + 1024, n = 0;
    char *xml = malloc (cap), path[64];
    tracuu_decoded_t d;

    n += (size_t) sprintf (xml + n, "<w:document " W_NS "><w:body>");
    for (size_t i = 0; i < depth; i++)
        n += (size_t) sprintf (xml + n, "<w:sdt><w:sdtContent>");
    n += (size_t) sprintf (xml + n, "<w:p><w:r><w:t>Thông tin sai sự thật"
                           "</w:t></w:r><w:r><w:footnoteReference w:id=\"3\"/>"
                           "</w:r></w:p>");
    for (size_t i = 0; i < depth; i++)
        n += (size_t) sprintf (xml + n, "</w:sdtContent></w:sdt>");
    n += (size_t) sprintf (xml + n, "<w:p><w:r><w:t>Kết thúc.</w:t></w:r>"
                           "</w:p></w:body></w:document>");
    write_docx (path, xml, n, "<w:footnotes " W_NS "><w:footnote w:id=\"3\">"
                "<w:p><w:r><w:t>Ghi chú.</w:t></w:r></w:p></w:footnote>"
                "</w:footnotes>");
    cr_assert_eq (tracuu_decode_file (path, NULL, &d), TRACUU_STATUS_OK, "%s",
                  d.error);
    cr_expect_str_eq (d.text, "Thông tin sai sự thật\u00b9\nKết thúc.\n"
                      "\u00b9 Ghi chú.\n");
    tracuu_decoded_dispose (&d);
    unlink (path);
    free (xml);
}

/* Entities expand a few hundred bytes of XML to any size: a DTD is
 * refused before any of it is read. */
Test (robust, docx_entity_bomb_refused)
{
    static const char xml[] =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE w:document [\n"
        "<!ENTITY a \"thông tin sai sự thật thông tin sai sự thật \">\n"
        "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
        "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
        "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
        "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
        "]>\n<w:document " W_NS "><w:body><w:p><w:r><w:t>&e;&e;&e;&e;&e;&e;"
        "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</w:t></w:r></w:p>"
        "</w:body></w:document>";
    char path[64];
    tracuu_decoded_t d;

    write_docx (path, xml, sizeof xml - 1, NULL);
    cr_expect_eq (tracuu_decode_file (path, NULL, &d), TRACUU_STATUS_BAD_INPUT);
    cr_expect_str_eq (d.error, "word/document.xml declares a DTD, which Word "
                      "never writes; refused (entity bomb?)");
    cr_expect_null (d.text);
    unlink (path);
}

/* The text limit is checked while the XML streams: 64 MB of XML under a
 * limit of 1 MB of text fails with the limit named. */
Test (robust, docx_text_limit_while_streaming)
{
    static const char para[] = "<w:p><w:r><w:t>Xử phạt %u vi phạm hành chính "
                               "%x về thông tin %o sai sự thật.</w:t></w:r></w:p>";
    size_t n = 0, cap = (size_t) 8 << 20;
    char *xml = malloc (cap + 1024), path[64];
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t d;

    n += (size_t) sprintf (xml, "<w:document " W_NS "><w:body>");
    for (unsigned i = 0; n + sizeof para + 32 < cap; i++)
        n += (size_t) sprintf (xml + n, para, i * 2654435761u, i * 40503u,
                               i ^ 0x5bd1e995u);
    n += (size_t) sprintf (xml + n, "</w:body></w:document>");
    write_docx (path, xml, n, NULL);
    opts.max_output_bytes = 1 << 20;
    cr_expect_eq (tracuu_decode_file (path, &opts, &d),
                  TRACUU_STATUS_LIMIT_EXCEEDED);
    cr_expect_str_eq (d.error, "text longer than the limit of 1.0 MB");
    cr_expect_null (d.text);
    opts.max_output_bytes = 8 << 20;
    cr_expect_eq (tracuu_decode_file (path, &opts, &d), TRACUU_STATUS_OK,
                  "%s", d.error);
    cr_expect_gt (d.len, (size_t) 4 << 20);
    tracuu_decoded_dispose (&d);
    unlink (path);
    free (xml);
}

/* Stored text read back from a damaged database: a length no zlib
 * stream of that size holds is refused before anything is allocated,
 * and damaged streams are refused. */
Test (robust, stored_text_read_back_is_checked)
{
    static const char text[] = "Thông tin sai sự thật, xử phạt 7,5 triệu.";
    char *packed = NULL, *back = NULL;
    size_t plen = 0, blen = 0;

    cr_assert_eq (tracuu_store__pack (text, sizeof text - 1, &packed, &plen),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_store__unpack (packed, plen, &back, &blen),
                  TRACUU_STATUS_OK);
    cr_expect_str_eq (back, text);
    free (back);
    /* A length of 1 TB in the header. */
    packed[6] = 1;
    cr_expect_eq (tracuu_store__unpack (packed, plen, &back, &blen),
                  TRACUU_STATUS_BAD_INPUT);
    cr_expect_null (back);
    packed[6] = 0;
    /* A flipped bit in the stream: Adler-32 or inflate says so. */
    packed[plen - 5] ^= 0x10;
    cr_expect_eq (tracuu_store__unpack (packed, plen, &back, &blen),
                  TRACUU_STATUS_BAD_INPUT);
    /* Too short, unknown header. */
    cr_expect_eq (tracuu_store__unpack (packed, 9, &back, &blen),
                  TRACUU_STATUS_BAD_INPUT);
    cr_expect_eq (tracuu_store__unpack ("X", 1, &back, &blen),
                  TRACUU_STATUS_BAD_INPUT);
    free (packed);
}

/* Text packed in pieces is what packing it whole gives back. */
Test (robust, stored_text_packed_in_pieces)
{
    size_t len = 3 << 20;
    char *text = malloc (len), *packed = NULL, *back = NULL;
    size_t plen = 0, blen = 0;
    tracuu_store_packer_t p;

    for (size_t i = 0; i < len; i++)
        text[i] = "thông tin sai sự thật\n"[i % 24];
    cr_assert_eq (tracuu_store__packer_init (&p), TRACUU_STATUS_OK);
    for (size_t i = 0; i < len; i += 100000)
        tracuu_store__packer_add (&p, text + i, i + 100000 > len ? len - i
                                                                 : 100000);
    cr_assert_eq (tracuu_store__packer_finish (&p, &packed, &plen),
                  TRACUU_STATUS_OK);
    tracuu_store__packer_dispose (&p);
    cr_assert_eq (tracuu_store__unpack (packed, plen, &back, &blen),
                  TRACUU_STATUS_OK);
    cr_expect_eq (blen, len);
    cr_expect (memcmp (back, text, len) == 0);
    free (back);
    free (packed);
    free (text);
}
