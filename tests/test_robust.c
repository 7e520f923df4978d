/* Tests of hostile and damaged input: stray bytes, nesting, limits. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/decode.h"

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
