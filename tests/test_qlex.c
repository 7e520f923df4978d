/* Question lexicons: phrases read without the analyzer
 * (tracuu_text__plain_words()) give the words tracuu_text_analyze()
 * gives. */
#include <criterion/criterion.h>
#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "question/question-private.h"
#include "tracuu/analysis.h"
#include "util/util-private.h"

/* "exact/folded exact/folded ..." of every token tracuu_text_analyze()
 * finds in 's' ('len' bytes). free() it. */
static char *
analyzed (const char *s, size_t len)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_text_t *t = NULL;
    tracuu_buf_t out = { 0 };

    cr_assert_eq (tracuu_text_analyze (s, len, &t), TRACUU_STATUS_OK);
    tracuu_buf__append (&rc, &out, "", 0);
    for (size_t i = 0; i < t->n_tokens; i++) {
        if (i)
            tracuu_buf__append (&rc, &out, " ", 1);
        tracuu_buf__append (&rc, &out, t->tokens[i].exact,
                            t->tokens[i].exact_len);
        tracuu_buf__append (&rc, &out, "/", 1);
        tracuu_buf__append (&rc, &out, t->tokens[i].folded,
                            t->tokens[i].folded_len);
    }
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    tracuu_text_destroy (t);
    return out.data;
}

/* The same by tracuu_text__plain_words(), or NULL when it declines the
 * phrase (and then it must have appended nothing). free() it. */
static char *
plain (const char *s, size_t len)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t buf = { 0 }, out = { 0 };
    const char *f;
    size_t n;

    tracuu_buf__append (&rc, &buf, "#", 1);     /* Must stay as it is. */
    n = tracuu_text__plain_words (&rc, &buf, s, len);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    cr_assert (buf.len >= 1 && buf.data[0] == '#');
    if (n == SIZE_MAX) {
        cr_assert_eq (buf.len, 1, "declined \"%.*s\" but appended to the "
                      "buffer", (int) len, s);
        free (buf.data);
        return NULL;
    }
    tracuu_buf__append (&rc, &out, "", 0);
    f = buf.data + 1;
    for (size_t i = 0; i < n; i++) {
        if (i)
            tracuu_buf__append (&rc, &out, " ", 1);
        tracuu_buf__append (&rc, &out, f, strlen (f));
        f += strlen (f) + 1;
        tracuu_buf__append (&rc, &out, "/", 1);
        tracuu_buf__append (&rc, &out, f, strlen (f));
        f += strlen (f) + 1;
    }
    cr_assert_eq ((size_t) (f - buf.data), buf.len,
                  "\"%.*s\": %zu words but more forms", (int) len, s, n);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    free (buf.data);
    return out.data;
}

/* Whether the plain reading of 's' ('len' bytes) is taken; fails the test
 * when it is and differs from the analyzer's. */
static int
check_same (const char *s, size_t len)
{
    char *a = analyzed (s, len), *p = plain (s, len);
    int taken = p != NULL;

    if (p != NULL)
        cr_assert_str_eq (p, a, "\"%.*s\": plain words \"%s\", analyzer "
                          "\"%s\"", (int) len, s, p, a);
    free (a);
    free (p);
    return taken;
}

/* Every phrase of the built-in copy of lexicon 'base' ("question-time.txt"),
 * split as tracuu_qlex__parse() splits it; adds to *n_phrases and
 * *n_plain. */
static void
check_lexicon (const char *base, size_t *n_phrases, size_t *n_plain)
{
    char name[256];
    const char *data;
    size_t len = 0, pos = 0;

    snprintf (name, sizeof name, "lexicon/%s", base);
    data = tracuu_data__embedded (name, &len);
    cr_assert_not_null (data, "%s is not built in", name);
    while (pos < len) {
        const char *line = data + pos, *nl = memchr (line, '\n', len - pos);
        size_t line_len = nl ? (size_t) (nl - line) : len - pos;
        const char *tab, *end, *p;

        pos += line_len + 1;
        while (line_len > 0 && (line[line_len - 1] == '\r'
                                || line[line_len - 1] == ' '
                                || line[line_len - 1] == '\t'))
            line_len--;
        if (line_len == 0 || line[0] == '#')
            continue;
        tab = memchr (line, '\t', line_len);
        if (tab == NULL)
            continue;           /* A label without phrases. */
        end = line + line_len;
        p = memchr (tab + 1, '\t', (size_t) (end - tab - 1));
        if (p != NULL)
            end = p;
        for (p = tab + 1; p < end;) {
            const char *bar = memchr (p, '|', (size_t) (end - p));
            size_t plen = bar ? (size_t) (bar - p) : (size_t) (end - p);

            (*n_phrases)++;
            *n_plain += check_same (p, plen);
            p += plen + 1;
        }
    }
}

Test (qlex, every_builtin_phrase)
{
    glob_t g;
    size_t n_phrases = 0, n_plain = 0;

    /* The tests run from tests/. */
    cr_assert_eq (glob ("../data/lexicon/question-*.txt", 0, NULL, &g), 0);
    cr_assert_geq (g.gl_pathc, 5);
    for (size_t i = 0; i < g.gl_pathc; i++)
        check_lexicon (strrchr (g.gl_pathv[i], '/') + 1, &n_phrases,
                       &n_plain);
    globfree (&g);
    cr_assert_gt (n_phrases, 400);
    /* Nearly all of them are plain: that is what makes loading cheap. */
    cr_assert_geq (n_plain * 10, n_phrases * 9, "only %zu of %zu phrases "
                   "are read as plain words", n_plain, n_phrases);
}

static const struct {
    const char *phrase;
    const char *words;          /* NULL: not plain, for the analyzer. */
} cases[] = {
    { "xử phạt", "xử/xu phạt/phat" },
    { "ĐẮK LẮK", "đắk/dak lắk/lak" },
    { "Đắk Lắk", "đắk/dak lắk/lak" },
    { "  thông   tin  sai ", "thông/thong tin/tin sai/sai" },
    { "hoà bình", "hòa/hoa bình/binh" },           /* Tone placement. */
    { "KHOẺ", "khỏe/khoe" },
    { "quý 1", "quý/quy 1/1" },
    { "1st half", "1st/1st half/half" },
    { "h2", "h2/h2" },
    { "", "" },
    { "   ", "" },
    { "tp.hcm", NULL },
    { "e-mail", NULL },
    { "7,5 triệu", NULL },
    { "phạt\ttiền", NULL },
    { "a_b", NULL },
    { "@abc", NULL },
    { "pha\xcc\xa3t", NULL },                    /* Not NFC: a + U+0323. */
    { "phạt\xc2\xb2", NULL },                    /* A superscript two. */
    { "\xef\xac\x81le", NULL },                  /* The "fi" ligature. */
    { "ph\xff", NULL },                          /* Invalid UTF-8. */
};

Test (qlex, direct_cases)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *s = cases[i].phrase;
        char *a = analyzed (s, strlen (s)), *p = plain (s, strlen (s));

        if (cases[i].words == NULL) {
            cr_assert_null (p, "\"%s\" read as plain words \"%s\"", s, p);
        } else {
            cr_assert_not_null (p, "\"%s\" not read as plain words", s);
            cr_assert_str_eq (p, cases[i].words, "\"%s\"", s);
            cr_assert_str_eq (a, cases[i].words, "\"%s\" (analyzer)", s);
        }
        free (a);
        free (p);
    }
}

Test (qlex, nul_and_long_words)
{
    char long_word[200];

    cr_assert_null (plain ("ab\0cd", 5));
    /* Past 64 code points a word is left to the analyzer. */
    memset (long_word, 'a', 65);
    cr_assert_null (plain (long_word, 65));
    cr_assert (check_same (long_word, 64));
    for (int i = 0; i < 64; i++)
        memcpy (long_word + 2 * i, "\xc4\x91", 2);     /* đ */
    cr_assert (check_same (long_word, 128));
}

/* Every code point of Latin and Latin Extended Additional that the plain
 * reading takes, alone and among other letters and digits. */
Test (qlex, every_plain_code_point)
{
    static const char *const around[][2] = {
        { "", "" }, { "a", "" }, { "", "b" }, { "\xc6\xaf", "1" },
        { "qu", "y" }, { "9", "\xe1\xbb\x87" }
    };
    size_t n_taken = 0;

    for (int32_t cp = 0x80; cp < 0x1F00; cp++) {
        char enc[5];

        if (cp == 0x250)
            cp = 0x1E00;
        enc[tracuu_utf8__encode (cp, enc)] = '\0';
        if (!check_same (enc, strlen (enc)))
            continue;
        n_taken++;
        for (size_t k = 0; k < sizeof around / sizeof around[0]; k++) {
            char s[64];

            snprintf (s, sizeof s, "%s%s%s %s%s", around[k][0], enc,
                      around[k][1], enc, enc);
            cr_assert (check_same (s, strlen (s)), "\"%s\" not plain", s);
        }
    }
    /* At least the 134 Vietnamese letters outside ASCII. */
    cr_assert_geq (n_taken, 134);
}

/* A lexicon of plain phrases and phrases left to the analyzer, as
 * tracuu_qlex__parse() keeps them. */
Test (qlex, parse_and_match)
{
    static const char data[] =
        "# Comment.\n"
        "fine\tphạt|xử phạt|tp.hcm|phạt 7,5 triệu\n"
        "none\tngăn chặn|  |XỬ PHẠT HÀNH CHÍNH\tignored\n"
        "alone\n";
    static const struct {
        const char *text;
        size_t i;
        size_t words;           /* 0: no phrase. */
        const char *label;
    } matches[] = {
        { "TP.HCM xử phạt", 0, 1, "fine" },
        { "TP.HCM xử phạt", 1, 2, "fine" },
        { "xu phat hanh chinh", 0, 4, "none" },
        { "xử phát", 0, 0, NULL },
        { "phạt 7,5 triệu đồng", 0, 3, "fine" },
        { "ngăn chặn", 0, 2, "none" },
    };
    tracuu_qlex_t *lex = NULL;
    char *error = NULL;

    cr_assert_eq (tracuu_qlex__parse ("test", data, sizeof data - 1, &lex,
                                      &error), TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_qlex__count (lex), 3);
    cr_assert_str_eq (tracuu_qlex__label (lex, 2), "alone");
    for (size_t k = 0; k < sizeof matches / sizeof matches[0]; k++) {
        tracuu_text_t *t = NULL;
        const char *label = NULL;
        size_t n;

        cr_assert_eq (tracuu_text_analyze (matches[k].text,
                                           strlen (matches[k].text), &t),
                      TRACUU_STATUS_OK);
        n = tracuu_qlex__match (lex, t, matches[k].i, t->n_tokens, &label);
        cr_assert_eq (n, matches[k].words, "\"%s\" at %zu: %zu words",
                      matches[k].text, matches[k].i, n);
        if (n > 0)
            cr_assert_str_eq (label, matches[k].label);
        tracuu_text_destroy (t);
    }
    tracuu_qlex__destroy (lex);
    cr_assert_eq (tracuu_qlex__parse ("test", "fine phạt\n",
                                      strlen ("fine phạt\n"), &lex, &error),
                  TRACUU_STATUS_BAD_INPUT);
    cr_assert_null (lex);
    cr_assert_str_eq (error, "test:1: expected label<TAB>phrase|phrase...");
    free (error);
}
