/* Normalization, folding and tokenization. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "support.h"

static tracuu_text_t *
analyze (const char *s)
{
    tracuu_text_t *t = NULL;

    cr_assert_eq (tracuu_text_analyze (s, strlen (s), &t), TRACUU_STATUS_OK);
    return t;
}

/* "exact/folded exact/folded ..." of every token. */
static char *
forms (const char *s)
{
    tracuu_text_t *t = analyze (s);
    char *out = calloc (1, 4096);

    for (size_t i = 0; i < t->n_tokens; i++) {
        if (i)
            strcat (out, " ");
        strcat (out, t->tokens[i].exact);
        strcat (out, "/");
        strcat (out, t->tokens[i].folded);
    }
    tracuu_text_destroy (t);
    return out;
}

static const struct {
    const char *input;
    const char *expected;
} form_cases[] = {
    { "BÁO CÁO", "báo/bao cáo/cao" },
    { "báo cáo", "báo/bao cáo/cao" },
    { "Đồng", "đồng/dong" },
    { "\xC3\x90\xE1\xBB\x93ng", "đồng/dong" },           /* Ð U+00D0 look-alike. */
    { "Ho\xCC\x80" "a", "hòa/hoa" },                       /* NFD input. */
    { "hoá hóa", "hóa/hoa hóa/hoa" },                      /* Tone placement. */
    { "khoá khóa", "khóa/khoa khóa/khoa" },
    { "thuỷ thủy", "thủy/thuy thủy/thuy" },
    { "Uỷ ban", "ủy/uy ban/ban" },
    { "hoàng hòang", "hoàng/hoang hoàng/hoang" },          /* Final consonant. */
    { "quý QUÝ", "quý/quy quý/quy" },                      /* qu + y unchanged. */
    { "sự thật", "sự/su thật/that" },
    { "7,5 triệu", "7,5/7,5 triệu/trieu" },
    { "20.000.000 đồng", "20.000.000/20.000.000 đồng/dong" },
    { "@nhathaibiettuot", "@nhathaibiettuot/nhathaibiettuot" },
    { "TP.HCM", "tp.hcm/tp.hcm" },
    { "BCĐ389", "bcđ389/bcd389" },
    { "180/BC-STTTT", "180/180 bc/bc stttt/stttt" },
    { "thật.⁽²⁾ Châu²", "thật/that 2/2 châu/chau 2/2" },
    { "¹²", "12/12" },
    { "Đắk Lắk", "đắk/dak lắk/lak" },
    { "", "" },
    { "   ...  ", "" },
};

Test (analysis, forms_table)
{
    for (size_t i = 0; i < sizeof form_cases / sizeof form_cases[0]; i++) {
        char *got = forms (form_cases[i].input);

        cr_expect_str_eq (got, form_cases[i].expected, "case %zu: %s", i,
                          form_cases[i].input);
        free (got);
    }
}

Test (analysis, nfd_equals_nfc)
{
    /* "thông tin sai sự thật" with every mark decomposed. */
    const char *nfd = "tho\xCC\x82ng tin sai su\xCC\x9B\xCC\xA3 tha\xCC\xA3\xCC\x82t";
    const char *nfc = "thông tin sai sự thật";
    char *a = NULL, *b = NULL;
    size_t alen, blen;

    cr_assert_eq (tracuu_normalize (nfd, strlen (nfd), &a, &alen, NULL), 0);
    cr_assert_eq (tracuu_normalize (nfc, strlen (nfc), &b, &blen, NULL), 0);
    cr_expect_str_eq (a, b);
    cr_expect_str_eq (a, nfc);
    free (a);
    free (b);
}

Test (analysis, bom_crlf_and_invalid_bytes)
{
    const char in[] = "\xEF\xBB\xBFmột\r\nhai\rba\xFF\xFE bốn";
    tracuu_text_t *t = NULL;

    cr_assert_eq (tracuu_text_analyze (in, sizeof in - 1, &t), 0);
    cr_expect_str_eq (t->text, "một\nhai\nba\xEF\xBF\xBD\xEF\xBF\xBD bốn");
    cr_expect_eq (t->n_replaced, 2);
    cr_expect_eq (t->n_lines, 3);
    cr_assert_eq (t->n_tokens, 4);
    cr_expect_eq (t->tokens[0].line, 1);
    cr_expect_eq (t->tokens[1].line, 2);
    cr_expect_eq (t->tokens[2].line, 3);
    cr_expect_str_eq (t->tokens[3].exact, "bốn");
    tracuu_text_destroy (t);
}

Test (analysis, nul_and_truncated_sequences)
{
    const char in[] = { 'a', '\0', 'b', ' ', (char) 0xE1, (char) 0xBB };
    tracuu_text_t *t = NULL;

    cr_assert_eq (tracuu_text_analyze (in, sizeof in, &t), 0);
    cr_expect_eq (t->n_replaced, 2);
    cr_expect_eq (strlen (t->text), t->len);    /* No NUL inside. */
    tracuu_text_destroy (t);
}

Test (analysis, offsets_and_flags)
{
    tracuu_text_t *t = analyze ("Phạt 7,5 triệu đồng\nBÁO CÁO");

    cr_assert_eq (t->n_tokens, 6);
    cr_expect_eq (t->tokens[0].start, 0);
    cr_expect_eq (t->tokens[0].end, 6);
    cr_expect_eq (t->tokens[1].start, 7);
    cr_expect_eq (t->tokens[1].end, 10);
    cr_expect (t->tokens[1].flags & TRACUU_TOKEN_NUMBER);
    cr_expect (t->tokens[0].flags & TRACUU_TOKEN_CAPITAL);
    cr_expect (t->tokens[0].flags & TRACUU_TOKEN_ACCENTED);
    cr_expect (!(t->tokens[1].flags & TRACUU_TOKEN_ACCENTED));
    cr_expect (t->tokens[4].flags & TRACUU_TOKEN_ALLCAPS);
    cr_expect_eq (t->tokens[4].line, 2);
    cr_expect_eq (tracuu_text_line_at (t, t->tokens[4].start), 2);
    tracuu_text_destroy (t);
}

Test (analysis, fold_with_map)
{
    const char *in = "Xử PHẠT thuỷ";
    char *out = NULL;
    size_t len = 0, *map = NULL;

    cr_assert_eq (tracuu_fold (in, strlen (in), TRACUU_FOLD_ASCII, &out, &len,
                               &map), 0);
    cr_expect_str_eq (out, "xu phat thuy");
    cr_expect_eq (map[3], 5);           /* 'p' comes from "PHẠT" at byte 5. */
    cr_expect_eq (map[len], strlen (in));
    free (out);
    free (map);
    cr_assert_eq (tracuu_fold (in, strlen (in), TRACUU_FOLD_EXACT, &out, &len,
                               NULL), 0);
    cr_expect_str_eq (out, "xử phạt thủy");
    free (out);
}

/* Invalid bytes fold to U+FFFD, three bytes for one: the map keeps a
 * slot for every byte of the longer text (ASan checks the writes). */
Test (analysis, fold_map_of_a_text_that_grows)
{
    char in[200];
    char *out = NULL;
    size_t len = 0, *map = NULL;

    memset (in, 0xFF, sizeof in);
    cr_assert_eq (tracuu_fold (in, sizeof in, TRACUU_FOLD_EXACT, &out, &len,
                               &map), 0);
    cr_expect_eq (len, 3 * sizeof in);
    for (size_t i = 0; i < len; i++)
        cr_assert_eq (map[i], i / 3, "byte %zu", i);
    cr_expect_eq (map[len], sizeof in);
    free (out);
    free (map);
}

Test (analysis, null_arguments)
{
    tracuu_text_t *t = (tracuu_text_t *) 1;

    cr_expect_eq (tracuu_text_analyze (NULL, 3, &t), TRACUU_STATUS_NULL_POINTER);
    cr_expect_null (t);
    cr_expect_eq (tracuu_text_analyze ("a", 1, NULL), TRACUU_STATUS_NULL_POINTER);
    tracuu_text_destroy (NULL);
}

static const char *const corpus[] = {
    "../corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt",
    "../corpus/ha-tinh-2023-03-ke-hoach-87-bcd389.txt",
    "../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt",
    "../corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt",
    "../corpus/long-an-2020-03-so-ket-phoi-hop.txt",
};

/* On every seed report: each token's span, folded again, gives its
 * exact form; tokens ascend without overlap; lines agree. */
Test (analysis, seed_offsets)
{
    for (size_t f = 0; f < sizeof corpus / sizeof corpus[0]; f++) {
        size_t len;
        char *raw = test_slurp (corpus[f], &len);
        tracuu_text_t *t = NULL;
        size_t prev_end = 0;

        cr_assert_eq (tracuu_text_analyze (raw, len, &t), 0);
        cr_expect_gt (t->n_tokens, 300, "%s", corpus[f]);
        cr_expect_eq (t->n_replaced, 0);
        for (size_t i = 0; i < t->n_tokens; i++) {
            const tracuu_token_t *k = &t->tokens[i];
            char *exact = NULL;
            size_t elen;

            cr_assert_geq (k->start, prev_end, "%s token %zu", corpus[f], i);
            cr_assert_gt (k->end, k->start);
            cr_assert_eq (k->line, tracuu_text_line_at (t, k->start));
            prev_end = k->end;
            if (k->flags & TRACUU_TOKEN_FOOTNOTE)
                continue;
            cr_assert_eq (tracuu_fold (t->text + k->start, k->end - k->start,
                                       TRACUU_FOLD_EXACT, &exact, &elen, NULL), 0);
            cr_assert_str_eq (exact, k->exact, "%s token %zu", corpus[f], i);
            free (exact);
        }
        tracuu_text_destroy (t);
        free (raw);
    }
}

/* Checks one text: ASCII folding (character by character) equals the
 * exact folding (by words, with tone placement) folded again; the map
 * points at the start of a character of the input and never goes back. */
static void
check_fold_modes (const char *in, size_t len, const char *what)
{
    char *ascii = NULL, *exact = NULL, *again = NULL;
    size_t alen, elen, glen, *map = NULL;

    cr_assert_eq (tracuu_fold (in, len, TRACUU_FOLD_ASCII, &ascii, &alen, &map), 0);
    cr_assert_eq (tracuu_fold (in, len, TRACUU_FOLD_EXACT, &exact, &elen, NULL), 0);
    cr_assert_eq (tracuu_fold (exact, elen, TRACUU_FOLD_ASCII, &again, &glen,
                               NULL), 0);
    cr_assert_eq (alen, glen, "%s", what);
    cr_assert_eq (memcmp (ascii, again, alen), 0, "%s", what);
    cr_assert_eq (ascii[alen], '\0');
    cr_assert_eq (map[alen], len);
    for (size_t i = 0; i < alen; i++) {
        cr_assert_lt (map[i], len, "%s byte %zu", what, i);
        cr_assert ((in[map[i]] & 0xC0) != 0x80, "%s byte %zu", what, i);
        if (i > 0)
            cr_assert_geq (map[i], map[i - 1], "%s byte %zu", what, i);
    }
    free (ascii);
    free (exact);
    free (again);
    free (map);
}

Test (analysis, fold_modes_agree)
{
    static const char mixed[] =
        "ĐẮK LẮK Ðà Nẵng HÒA hoà KHOẺ thuỶ quý GIÀ ŨY "
        "Xu\xcc\x9b\xcc\x89 (NFD) \xff\xfe bad \xe1\xbb torn 7,5 TP.HCM "
        "ΣΊΣΥΦΟΣ Привет 東京 Ⱥ İ ẞ Kelvin\xe2\x84\xaa \0NUL "
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        "Nguyễnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn";

    check_fold_modes (mixed, sizeof mixed - 1, "mixed");
    for (size_t f = 0; f < sizeof corpus / sizeof corpus[0]; f++) {
        size_t len;
        char *raw = test_slurp (corpus[f], &len);

        check_fold_modes (raw, len, corpus[f]);
        free (raw);
    }
}

/* The seed that cites footnotes gets footnote tokens for ⁽¹⁾ and ¹. */
Test (analysis, seed_footnotes)
{
    size_t len, marks = 0;
    char *raw = test_slurp (corpus[2], &len);
    tracuu_text_t *t = NULL;

    cr_assert_eq (tracuu_text_analyze (raw, len, &t), 0);
    for (size_t i = 0; i < t->n_tokens; i++)
        marks += (t->tokens[i].flags & TRACUU_TOKEN_FOOTNOTE) != 0;
    cr_expect_geq (marks, 4);
    tracuu_text_destroy (t);
    free (raw);
}
