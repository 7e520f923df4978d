/*
 * Amounts of money, as integer VND.
 *
 * An amount is a number ("7,5", "20.000.000"; see
 * tracuu_extract__parse_number() for the separators), then multipliers
 * ("nghìn"/"ngàn" 10^3, "triệu" 10^6, "tỷ"/"tỉ" 10^9, stacked: "nghìn
 * tỷ" 10^12; "trăm" only before another one), then a currency ("đồng",
 * "VNĐ", "VND", "đ", also glued: "500.000đ"). "đ" alone needs a grouped
 * number or a multiplier ("điểm đ khoản 2" is a legal reference), and
 * "đồng" is not a currency before "chí", "bào", "hồ"... ("02 đồng chí").
 * A multiplier without a currency ("phạt 1,5 triệu") is money when a
 * money word ("tiền", "phạt", "nộp", "giá", "kinh phí"...) comes earlier
 * in the sentence and no noun follows ("1,5 triệu người" is not money).
 * Words without a digit ("vụ đánh bạc nghìn tỷ", "hàng trăm triệu") and
 * numbers in words ("hai tỷ") are not amounts; other currencies are
 * left out.
 *
 * "gần", "khoảng", "trên", "hơn", "xấp xỉ", "ước tính"... before, or
 * "trở lên" after, set APPROXIMATE and are part of the span. In "từ 5
 * đến 10 triệu đồng" (or "5 - 10 triệu đồng") the first number shares
 * the unit of the second; both get RANGE.
 *
 * Tables (lines of tab- or '|'-separated cells): a header cell naming a
 * currency ("Thu nộp NSNN (triệu đồng)") makes each later cell of that
 * column holding just a non-zero number an amount in that unit, with
 * IN_TABLE, until the table ends.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"

#define MONEY_CUE_WINDOW 15     /* Tokens searched back for a money word. */
#define MAX_COLUMNS 64

/* The words of amounts (money-words.txt), in the forms of the text: exact,
 * or folded for a text typed without diacritics. */
typedef struct words {
    const tracuu_text_t *text;
    const tracuu_lexicon_t *lex;
    int folded;                 /* The text has no diacritics. */
} words_t;

static int
is (const tracuu_text_t *text, size_t i, const char *exact)
{
    return tracuu_extract__is (text, i, exact);
}

/* Token 'i' is a word tagged 'tag'; its label in *label_out. */
static int
word_tagged (const words_t *w, size_t i, const char *tag,
             const char **label_out)
{
    size_t label = 0;

    if (i >= w->text->n_tokens
        || tracuu_lexicon__match_tagged (w->lex, w->text, i, i + 1, tag,
                                         &label) != 1)
        return 0;
    if (label_out != NULL)
        *label_out = tracuu_lexicon__label (w->lex, label);
    return 1;
}

/* 10^k multiplier of token 'i', or 0. */
static int64_t
multiplier (const words_t *w, size_t i)
{
    const char *label;

    return word_tagged (w, i, "multiplier", &label) ? atoll (label) : 0;
}

/* Words after which "đồng" is not the currency: "đồng chí", "đồng bào". */
static int
dong_not_currency (const words_t *w, size_t i)
{
    return tracuu_extract__gap_blank (w->text, i)
           && word_tagged (w, i + 1, "after_dong", NULL);
}

/* Token 'i' is a currency word; *strong when it is "đồng", "VNĐ". */
static int
currency (const words_t *w, size_t i, int *strong)
{
    *strong = 1;
    if (word_tagged (w, i, "currency", NULL))
        return !dong_not_currency (w, i);
    *strong = 0;
    return word_tagged (w, i, "weak", NULL);
}

/* A glued suffix of a number token: "500.000đ", "2tỷ". */
static int
glued_unit (const words_t *w, const char *s, int64_t *mult, int *cur)
{
    long label = tracuu_lexicon__lookup (w->lex, s, strlen (s));

    *mult = 1;
    *cur = 0;
    if (label < 0)
        return 0;
    if (tracuu_lexicon__has_tag (w->lex, (size_t) label, "currency")
        || tracuu_lexicon__has_tag (w->lex, (size_t) label, "weak")) {
        *cur = 1;
        return 1;
    }
    if (!tracuu_lexicon__has_tag (w->lex, (size_t) label, "multiplier"))
        return 0;
    *mult = atoll (tracuu_lexicon__label (w->lex, (size_t) label));
    return 1;
}

/* A money word earlier in the sentence of token 'i'. */
static int
money_cue_before (const words_t *w, size_t i)
{
    for (size_t k = i, steps = 0; k-- > 0 && steps < MONEY_CUE_WINDOW;
         steps++) {
        if (tracuu_extract__gap_ends_sentence (w->text, k))
            return 0;
        if (word_tagged (w, k, "cue", NULL))
            return 1;
    }
    return 0;
}

/* A word follows token 'i' in the same phrase: a noun being counted
 * ("1,2 triệu người"), unless it is a linking word. */
static int
noun_follows (const words_t *w, size_t i)
{
    const tracuu_text_t *text = w->text;

    if (i + 1 >= text->n_tokens || !tracuu_extract__gap_blank (text, i)
        || text->tokens[i + 1].line != text->tokens[i].line)
        return 0;
    return !word_tagged (w, i + 1, "link", NULL);
}

/* amount = number * mult, exactly; -1 on overflow. */
static int64_t
scale (const tracuu_extract_number_t *num, int64_t mult)
{
    int64_t frac = num->frac, div = 1;

    if (num->integer > INT64_MAX / mult)
        return -1;
    for (int k = 0; k < num->frac_digits; k++)
        div *= 10;
    /* Decimals finer than the unit are dropped: 1,2345 nghìn = 1234. */
    while (div > mult) {
        frac /= 10;
        div /= 10;
    }
    return num->integer * mult + frac * (mult / div);
}

/* The amount starting at number token 'i'. */
typedef struct amount {
    size_t first, last;         /* Tokens of the number .. unit. */
    int64_t mult;               /* 0: no unit. */
    int64_t extra;              /* Added: "263 triệu" of "4 tỷ 263 triệu". */
    int has_currency;
    tracuu_extract_number_t num;
} amount_t;

/* Read the number at 'i' and the units after it. Returns 0 if token
 * 'i' is not a number. */
static int
read_amount (const words_t *w, size_t i, amount_t *a)
{
    const tracuu_text_t *text = w->text;
    const tracuu_token_t *t = &text->tokens[i];
    size_t used, k = i;
    int strong = 0;

    memset (a, 0, sizeof *a);
    if (!(t->flags & TRACUU_TOKEN_NUMBER) || (t->flags & TRACUU_TOKEN_FOOTNOTE))
        return 0;
    used = tracuu_extract__parse_number (text->text + t->start,
                                         t->end - t->start, &a->num);
    if (used == 0)
        return 0;
    a->first = a->last = i;
    if (used < t->end - t->start) {
        int64_t m;
        int cur;
        const char *suffix = (w->folded ? t->folded : t->exact) + used;

        if (used > (w->folded ? t->folded_len : t->exact_len) || !glued_unit (w, suffix, &m, &cur))
            return 0;
        a->mult = m;
        a->has_currency = cur;
        if (cur)
            return 1;
    }
    for (;;) {
        int64_t m = 0;

        if (!tracuu_extract__gap_blank (text, k))
            break;
        if (word_tagged (w, k + 1, "hundred", NULL)
            && tracuu_extract__gap_blank (text, k + 1) && multiplier (w, k + 2))
            m = 100;
        else
            m = multiplier (w, k + 1);
        if (m == 0 || (a->mult && a->mult > INT64_MAX / m))
            break;
        a->mult = a->mult ? a->mult * m : m;
        k++;
    }
    /* "4 tỷ 263 triệu đồng": a smaller unit goes on with its own number. */
    for (int64_t unit = a->mult; unit >= 1000000 && a->num.frac_digits == 0;) {
        tracuu_extract_number_t n2;
        const tracuu_token_t *t2 = k + 2 < text->n_tokens ? &text->tokens[k + 1]
                                                          : NULL;
        int64_t m2;

        if (t2 == NULL || !tracuu_extract__gap_blank (text, k)
            || !tracuu_extract__gap_blank (text, k + 1)
            || !(t2->flags & TRACUU_TOKEN_NUMBER)
            || tracuu_extract__parse_number (text->text + t2->start,
                                             t2->end - t2->start, &n2)
               != t2->end - t2->start
            || n2.frac_digits != 0 || n2.grouped
            || (m2 = multiplier (w, k + 2)) == 0 || m2 >= unit
            || n2.integer >= unit / m2)
            break;
        a->extra += n2.integer * m2;
        unit = m2;
        k += 2;
    }
    if (tracuu_extract__gap_blank (text, k) && currency (w, k + 1, &strong)
        && (strong || a->mult || a->num.grouped)) {
        a->has_currency = 1;
        k++;
    }
    a->last = k;
    return 1;
}

/* Words before an amount that make it approximate; returns how many
 * tokens they take before token 'i'. */
static size_t
approx_before (const words_t *w, size_t i)
{
    for (size_t n = 2; n >= 1; n--) {
        size_t label;

        if (i < n || !tracuu_extract__gap_blank (w->text, i - 1)
            || (n == 2 && !tracuu_extract__gap_blank (w->text, i - 2)))
            continue;
        if (tracuu_lexicon__match_tagged (w->lex, w->text, i - n, i, "approx",
                                          &label) == n)
            return n;
    }
    return 0;
}

static void
push_amount (const words_t *w, const amount_t *a, int64_t mult,
             uint32_t flags, tracuu_entities_t *out, tracuu_status_t *rc)
{
    const tracuu_text_t *text = w->text;
    char value[32];
    size_t first = a->first, last = a->last, n;
    int64_t vnd = scale (&a->num, mult ? mult : 1);

    if (vnd <= 0 || (a->extra > 0 && vnd > INT64_MAX - a->extra))
        return;
    vnd += a->extra;
    if ((n = approx_before (w, first)) > 0) {
        flags |= TRACUU_ENTITY_APPROXIMATE;
        first -= n;
    }
    if (tracuu_extract__gap_blank (text, last) && is (text, last + 1, "trở")
        && tracuu_extract__gap_blank (text, last + 1)
        && is (text, last + 2, "lên")) {
        flags |= TRACUU_ENTITY_APPROXIMATE;
        last += 2;
    }
    snprintf (value, sizeof value, "%lld", (long long) vnd);
    tracuu_extract__push (rc, out, text, TRACUU_ENTITY_MONEY,
                          text->tokens[first].start, text->tokens[last].end,
                          flags, vnd, 0, 0, value, NULL);
}

/* "5 - 10 triệu đồng", "từ 5 đến 10 triệu đồng": the number before a
 * range joiner ending at token 'i', or SIZE_MAX. */
static size_t
range_start (const tracuu_text_t *text, size_t i)
{
    if (i >= 1 && (tracuu_extract__gap_is (text, i - 1, "-")
                   || tracuu_extract__gap_is (text, i - 1, "\xe2\x80\x93")))
        return i - 1;
    if (i >= 2 && (is (text, i - 1, "đến") || is (text, i - 1, "tới"))
        && tracuu_extract__gap_blank (text, i - 1)
        && tracuu_extract__gap_blank (text, i - 2))
        return i - 2;
    return SIZE_MAX;
}

/* "một triệu đồng": a number in words, a multiplier and the currency. */
static int
read_words_amount (const words_t *w, size_t i, amount_t *a)
{
    const char *label;
    int strong = 0;

    memset (a, 0, sizeof *a);
    if (!word_tagged (w, i, "number", &label)
        || !tracuu_extract__gap_blank (w->text, i)
        || (a->mult = multiplier (w, i + 1)) == 0
        || !tracuu_extract__gap_blank (w->text, i + 1)
        || !currency (w, i + 2, &strong) || !strong)
        return 0;
    a->num.integer = atoll (label);
    a->first = i;
    a->last = i + 2;
    a->has_currency = 1;
    return 1;
}

static void
money_in_text (const words_t *w, tracuu_entities_t *out, tracuu_status_t *rc)
{
    const tracuu_text_t *text = w->text;

    for (size_t i = 0; i < text->n_tokens && *rc == TRACUU_STATUS_OK; i++) {
        amount_t a, lo;
        size_t r;

        if (!read_amount (w, i, &a)) {
            if (read_words_amount (w, i, &a)) {
                push_amount (w, &a, a.mult, 0, out, rc);
                i = a.last;
            }
            continue;
        }
        if (i > 0 && tracuu_extract__gap_is (text, i - 1, "/"))
            continue;           /* A code or a date: "91/2020". */
        if (!a.has_currency
            && (a.mult == 0 || !money_cue_before (w, i)
                || noun_follows (w, a.last)))
            continue;
        r = range_start (text, i);
        if (r != SIZE_MAX && read_amount (w, r, &lo) && lo.last == r
            && lo.mult == 0
            && !(r > 0 && tracuu_extract__gap_is (text, r - 1, "/"))) {
            push_amount (w, &lo, a.mult, TRACUU_ENTITY_RANGE, out, rc);
            push_amount (w, &a, a.mult, TRACUU_ENTITY_RANGE, out, rc);
        } else {
            push_amount (w, &a, a.mult, 0, out, rc);
        }
        i = a.last;
    }
}

/* Table cells: the column of token 'i' (separators before it on its
 * line), or -1 when the line is not a table row. */
static int
column_of (const tracuu_text_t *text, size_t i, char sep)
{
    const tracuu_token_t *t = &text->tokens[i];
    int col = 0;

    for (size_t p = text->line_starts[t->line - 1]; p < t->start; p++)
        if (text->text[p] == sep)
            col++;
    return col;
}

/* The separator of table rows on 'line': '\t', '|', or 0. */
static char
table_sep (const tracuu_text_t *text, uint32_t line)
{
    size_t len;
    const char *s = tracuu_text_line (text, line, &len);

    if (s == NULL)
        return 0;
    if (memchr (s, '\t', len))
        return '\t';
    while (len > 0 && (*s == ' ' || *s == '\t')) {
        s++;
        len--;
    }
    if (len > 0 && *s == '|' && memchr (s + 1, '|', len - 1))
        return '|';
    return 0;
}

/* A header cell's unit: "(triệu đồng)", "(đồng)", "(Tr.đ)" at token 'i'. */
static int64_t
header_unit (const words_t *w, size_t i)
{
    const tracuu_text_t *text = w->text;
    int strong;
    int64_t m = 1;

    if (is (text, i, "tr.đ") || is (text, i, "trđ")
        || is (text, i, "tr.đồng"))
        return 1000000;
    if (!currency (w, i, &strong) || !strong)
        return 0;
    for (size_t k = i; k-- > 0 && (tracuu_extract__gap_blank (text, k)
                                   || tracuu_extract__gap_is (text, k, "."));) {
        int64_t mk = is (text, k, "tr") ? 1000000 : multiplier (w, k);

        if (mk == 0)
            break;
        m *= mk;
    }
    return m;
}

static void
money_in_tables (const words_t *w, tracuu_entities_t *out,
                 tracuu_status_t *rc)
{
    const tracuu_text_t *text = w->text;
    int64_t unit[MAX_COLUMNS] = { 0 };
    uint32_t line = 0;
    char sep = 0;

    for (size_t i = 0; i < text->n_tokens && *rc == TRACUU_STATUS_OK; i++) {
        const tracuu_token_t *t = &text->tokens[i];
        int col;
        int64_t u;

        if (t->line != line) {
            line = t->line;
            sep = table_sep (text, line);
            if (!sep)
                memset (unit, 0, sizeof unit);     /* The table ended. */
        }
        if (!sep || (col = column_of (text, i, sep)) >= MAX_COLUMNS)
            continue;
        if ((u = header_unit (w, i)) > 0) {
            unit[col] = u;
            continue;
        }
        if (unit[col] > 0 && (t->flags & TRACUU_TOKEN_NUMBER)
            && (i == 0 || text->tokens[i - 1].line != line
                || column_of (text, i - 1, sep) != col)
            && (i + 1 >= text->n_tokens || text->tokens[i + 1].line != line
                || column_of (text, i + 1, sep) != col)) {
            amount_t a;
            size_t glen;
            const char *g = tracuu_extract__gap (text, i, &glen);

            if (glen > 0 && *g == '%')
                continue;
            if (read_amount (w, i, &a) && a.mult == 0 && !a.has_currency)
                push_amount (w, &a, unit[col], TRACUU_ENTITY_IN_TABLE, out,
                             rc);
        }
    }
}

void
tracuu_extract__money (const tracuu_text_t *text, tracuu_entities_t *out,
                       tracuu_status_t *rc)
{
    words_t w;

    if (*rc != TRACUU_STATUS_OK || text == NULL)
        return;
    w.text = text;
    w.folded = tracuu_extract__unaccented (text);
    w.lex = w.folded ? tracuu_lexicon__money_words_folded (rc)
                     : tracuu_lexicon__money_words (rc);
    if (*rc != TRACUU_STATUS_OK)
        return;
    money_in_text (&w, out, rc);
    money_in_tables (&w, out, rc);
}
