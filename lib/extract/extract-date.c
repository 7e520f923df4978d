/*
 * Dates and periods.
 *
 * DATE: "ngày 11 tháng 6 năm 2024", "11/6/2024", "ngày 05-6-2024",
 * "16.03.2020"; a template's blank day "ngày   tháng 3 năm 2023" gives
 * "2023-03" with BLANK_DAY (blank day and month: "2023"). "ngày 16/3"
 * without a year takes the year of the nearest full date before it;
 * with none before, it is skipped.
 *
 * PERIOD: "tháng 4/2024", "tháng 4 năm 2024" -> "2024-04"; "quý I/2024"
 * -> "2024-Q1"; "6 tháng đầu năm 2024" -> "2024-H1" ("cuối" -> H2; "3
 * tháng đầu năm" -> Q1, "9 tháng đầu năm" -> "2024-01..2024-09"); "năm
 * 2024" -> "2024"; ranges of two dates or two years joined by a dash,
 * "đến" or "tới" -> "a..b" with RANGE ("giai đoạn 2021-2025"). A month,
 * quarter or "N tháng đầu năm" written without its year takes the year
 * written next in the same sentence ("6 tháng đầu năm; chương trình 6
 * tháng cuối năm 2024"), else the one written just before in it; else
 * it is skipped. Bare years ("Quý Mão 2023") are not periods.
 */
#include <stdio.h>
#include <string.h>

#include "extract/extract-private.h"

#define MAX_ITEMS 64         /* Items in one sentence. */
#define YEAR_LOOKAHEAD 30       /* Tokens searched for a missing year. */

typedef enum span_type {
    SPAN_DAY,                   /* a: day, b: month. */
    SPAN_BLANK_DAY,             /* b: month, or 0 when blank too. */
    SPAN_MONTH,                 /* a: month. */
    SPAN_QUARTER,               /* a: quarter. */
    SPAN_FIRST,                 /* a: the first 'a' months of the year. */
    SPAN_LAST,                  /* a: the last 'a' months. */
    SPAN_YEAR,
    SPAN_RANGE                  /* Merged from two items. */
} span_type_t;

typedef struct item {
    span_type_t type;
    int a, b, year;             /* year 0: not written. */
    size_t ti, tj;              /* Tokens [ti, tj). */
    size_t start, end;          /* Bytes. */
    int32_t from, to;
    char value[48];
    int dead;                   /* Merged into another, or unresolved. */
} item_t;

static int
is (const tracuu_text_t *text, size_t i, const char *exact)
{
    return tracuu_extract__is (text, i, exact);
}

/* A four-digit year in 1900..2100 at token 'i'. */
static int
year_at (const tracuu_text_t *text, size_t i, int *y)
{
    return text != NULL && i < text->n_tokens
           && text->tokens[i].exact_len == 4
           && tracuu_extract__token_int (text, i, 4, y)
           && *y >= 1900 && *y <= 2100;
}

static int
month_token (const tracuu_text_t *text, size_t i, int *m)
{
    return tracuu_extract__token_int (text, i, 2, m) && *m >= 1 && *m <= 12;
}

/* The gap after token 'i' joins it to the next as in a document code:
 * a slash, or a dash without blanks ("91/2020/NĐ-CP"); a spaced dash
 * rather joins a range ("07/5/1954 - 07/5/2024"). */
static int
code_gap (const tracuu_text_t *text, size_t i)
{
    size_t len;
    const char *g;

    if (i + 1 >= text->n_tokens)
        return 0;
    g = tracuu_extract__gap (text, i, &len);
    return tracuu_extract__gap_is (text, i, "/") || (len == 1 && *g == '-');
}

static int
code_continues (const tracuu_text_t *text, size_t i)
{
    return code_gap (text, i);
}

static int
code_precedes (const tracuu_text_t *text, size_t i)
{
    return i > 0 && code_gap (text, i - 1);
}

/* "16.03.2020" kept as one token. */
static int
dotted_date (const tracuu_text_t *text, size_t i, int *d, int *m, int *y)
{
    const char *s = text->tokens[i].exact;

    if (text->tokens[i].exact_len > 10 || s[0] < '0' || s[0] > '9'
        || strchr (s, '.') == NULL)
        return 0;               /* Most tokens, without calling sscanf(). */
    if (sscanf (s, "%2d.%2d.%4d", d, m, y) != 3)
        return 0;
    return strlen (s) >= 8 && s[strlen (s) - 5] == '.';
}

/* Numeric date "D/M/Y" (or '-', '.') at token 'i'; returns its tokens. */
static size_t
numeric_date (const tracuu_text_t *text, size_t i, int *d, int *m, int *y)
{
    static const char *const seps[] = { "/", "-", "." };

    if (i >= text->n_tokens)
        return 0;
    if (dotted_date (text, i, d, m, y))
        return tracuu_extract__valid_date (*y, *m, *d) ? 1 : 0;
    if (!tracuu_extract__token_int (text, i, 2, d)
        || !month_token (text, i + 1, m) || !year_at (text, i + 2, y))
        return 0;
    for (size_t k = 0; k < 3; k++)
        if (tracuu_extract__gap_is (text, i, seps[k])
            && tracuu_extract__gap_is (text, i + 1, seps[k]))
            break;
        else if (k == 2)
            return 0;
    if (!tracuu_extract__valid_date (*y, *m, *d) || code_precedes (text, i)
        || (tracuu_extract__gap_is (text, i + 2, "/")
            && i + 3 < text->n_tokens))
        return 0;
    return 3;
}

/* "D tháng M năm Y" at token 'i'; returns its tokens. */
static size_t
worded_date (const tracuu_text_t *text, size_t i, int *d, int *m, int *y)
{
    if (!tracuu_extract__token_int (text, i, 2, d) || !is (text, i + 1, "tháng")
        || !month_token (text, i + 2, m))
        return 0;
    if (is (text, i + 3, "năm") && year_at (text, i + 4, y)
        && (tracuu_extract__gap_blank (text, i + 2)
            || tracuu_extract__gap_is (text, i + 2, ",")))
        return tracuu_extract__valid_date (*y, *m, *d) ? 5 : 0;
    return 0;
}

size_t
tracuu_extract__date_at (const tracuu_text_t *text, size_t i,
                         int32_t *ymd_out)
{
    size_t skip = 0, n;
    int d = 0, m = 0, y = 0;

    if (is (text, i, "ngày") && tracuu_extract__gap_blank (text, i))
        skip = 1;
    n = numeric_date (text, i + skip, &d, &m, &y);
    if (n == 0)
        n = worded_date (text, i + skip, &d, &m, &y);
    if (n == 0)
        return 0;
    *ymd_out = y * 10000 + m * 100 + d;
    return skip + n;
}

/* The gap after token 'i' holds only blanks and the marks of a blank to
 * be filled in ("ngày ..... tháng", "ngày ___ tháng"). */
static int
gap_blank_field (const tracuu_text_t *text, size_t i)
{
    size_t len;
    const char *g = tracuu_extract__gap (text, i, &len);

    for (size_t k = 0; k < len; k++)
        if (strchr (" \t._", g[k]) == NULL && (unsigned char) g[k] < 0x80)
            return 0;
        else if (g[k] == '\n')
            return 0;
    return 1;
}

/* Fill from/to/value of 'it' for year 'y'. */
static void
resolve (item_t *it, int y)
{
    int m0 = 1, m1 = 12;

    it->year = y;
    switch (it->type) {
    case SPAN_DAY:
        it->from = it->to = y * 10000 + it->b * 100 + it->a;
        snprintf (it->value, sizeof it->value, "%04d-%02d-%02d", y, it->b,
                  it->a);
        return;
    case SPAN_BLANK_DAY:
    case SPAN_MONTH:
        m0 = m1 = it->type == SPAN_MONTH ? it->a : it->b;
        if (m0 == 0) {
            m0 = 1;
            m1 = 12;
            snprintf (it->value, sizeof it->value, "%04d", y);
        } else {
            snprintf (it->value, sizeof it->value, "%04d-%02d", y, m0);
        }
        break;
    case SPAN_QUARTER:
        m0 = 3 * it->a - 2;
        m1 = 3 * it->a;
        snprintf (it->value, sizeof it->value, "%04d-Q%d", y, it->a);
        break;
    case SPAN_FIRST:
    case SPAN_LAST:
        m0 = it->type == SPAN_FIRST ? 1 : 13 - it->a;
        m1 = it->type == SPAN_FIRST ? it->a : 12;
        if (it->a == 12)
            snprintf (it->value, sizeof it->value, "%04d", y);
        else if (it->a == 6)
            snprintf (it->value, sizeof it->value, "%04d-H%d", y,
                      it->type == SPAN_FIRST ? 1 : 2);
        else if (it->a == 3)
            snprintf (it->value, sizeof it->value, "%04d-Q%d", y,
                      it->type == SPAN_FIRST ? 1 : 4);
        else
            snprintf (it->value, sizeof it->value, "%04d-%02d..%04d-%02d",
                      y, m0, y, m1);
        break;
    case SPAN_YEAR:
        snprintf (it->value, sizeof it->value, "%04d", y);
        break;
    case SPAN_RANGE:
        return;
    }
    it->from = y * 10000 + m0 * 100 + 1;
    it->to = y * 10000 + m1 * 100 + tracuu_extract__days_in_month (y, m1);
}

/* Number of months in "N tháng đầu năm", written in digits or words. */
static int
months_count (const tracuu_text_t *text, size_t i)
{
    static const struct {
        const char *word;
        int n;
    } words[] = {
        { "ba", 3 }, { "sáu", 6 }, { "chín", 9 }, { "mười hai", 12 },
        { "hai", 2 }, { "bốn", 4 }, { "năm", 5 }, { "bảy", 7 }, { "tám", 8 },
    };
    int n;

    if (tracuu_extract__token_int (text, i, 2, &n))
        return n >= 1 && n <= 12 ? n : 0;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (is (text, i, words[k].word))
            return words[k].n;
    return 0;
}

/* "/2024", " năm 2024", "-2024" after token 'i': the year and its
 * token, or 0. */
static int
year_after (const tracuu_text_t *text, size_t i, size_t *yi)
{
    int y;

    if ((tracuu_extract__gap_is (text, i, "/")
         || tracuu_extract__gap_is (text, i, "-"))
        && year_at (text, i + 1, &y) && !code_continues (text, i + 1)) {
        *yi = i + 1;
        return y;
    }
    if (tracuu_extract__gap_blank (text, i) && is (text, i + 1, "năm")
        && year_at (text, i + 2, &y)) {
        *yi = i + 2;
        return y;
    }
    return 0;
}

/* Try every pattern at token 'i'; fill 'it' and return non-zero. */
static int
scan_at (const tracuu_text_t *text, size_t i, int last_year, item_t *it)
{
    int d, m, y, n;
    size_t yi = 0, k;

    memset (it, 0, sizeof *it);
    it->ti = i;
    if ((k = tracuu_extract__date_at (text, i, &it->from)) > 0) {
        it->type = SPAN_DAY;
        it->a = it->from % 100;
        it->b = it->from / 100 % 100;
        it->year = it->from / 10000;
        it->tj = i + k;
        return 1;
    }
    if (is (text, i, "ngày") && gap_blank_field (text, i)
        && is (text, i + 1, "tháng")) {
        it->type = SPAN_BLANK_DAY;
        if (month_token (text, i + 2, &m) && is (text, i + 3, "năm")
            && year_at (text, i + 4, &y)) {
            it->b = m;
            it->year = y;
            it->tj = i + 5;
            return 1;
        }
        if (gap_blank_field (text, i + 1) && is (text, i + 2, "năm")
            && year_at (text, i + 3, &y)) {
            it->year = y;
            it->tj = i + 4;
            return 1;
        }
        return 0;
    }
    if (is (text, i, "ngày") && tracuu_extract__token_int (text, i + 1, 2, &d)
        && month_token (text, i + 2, &m)
        && tracuu_extract__gap_is (text, i + 1, "/")
        && !code_continues (text, i + 2) && last_year
        && tracuu_extract__valid_date (last_year, m, d)) {
        it->type = SPAN_DAY;
        it->a = d;
        it->b = m;
        it->year = last_year;
        it->tj = i + 3;
        return 1;
    }
    if (is (text, i, "tháng") && month_token (text, i + 1, &m)) {
        it->type = SPAN_MONTH;
        it->a = m;
        it->year = year_after (text, i + 1, &yi);
        if (!it->year && code_continues (text, i + 1))
            return 0;
        it->tj = it->year ? yi + 1 : i + 2;
        return 1;
    }
    if (is (text, i, "quý") && i + 1 < text->n_tokens) {
        const tracuu_token_t *q = &text->tokens[i + 1];

        n = tracuu_extract__roman (q->exact, q->exact_len);
        if (n == 0 && tracuu_extract__token_int (text, i + 1, 1, &d))
            n = d;
        if (n < 1 || n > 4 || !tracuu_extract__gap_blank (text, i))
            return 0;
        it->type = SPAN_QUARTER;
        it->a = n;
        it->year = year_after (text, i + 1, &yi);
        it->tj = it->year ? yi + 1 : i + 2;
        return 1;
    }
    if ((n = months_count (text, i)) > 0 && is (text, i + 1, "tháng")
        && (is (text, i + 2, "đầu") || is (text, i + 2, "cuối"))
        && is (text, i + 3, "năm")) {
        it->type = is (text, i + 2, "đầu") ? SPAN_FIRST : SPAN_LAST;
        it->a = n;
        if (tracuu_extract__gap_blank (text, i + 3)
            && year_at (text, i + 4, &y)) {
            it->year = y;
            it->tj = i + 5;
        } else {
            it->tj = i + 4;
        }
        return 1;
    }
    if (is (text, i, "năm") && tracuu_extract__gap_blank (text, i)
        && year_at (text, i + 1, &y) && !code_continues (text, i + 1)) {
        it->type = SPAN_YEAR;
        it->year = y;
        it->tj = i + 2;
        return 1;
    }
    if (year_at (text, i, &y) && (tracuu_extract__gap_is (text, i, "-")
        || tracuu_extract__gap_is (text, i, "\xe2\x80\x93"))
        && year_at (text, i + 1, &d) && d > y && d - y <= 100
        && !code_precedes (text, i) && !code_continues (text, i + 1)
        && !(i > 0 && is (text, i - 1, "số"))) {
        it->type = SPAN_RANGE;
        snprintf (it->value, sizeof it->value, "%04d..%04d", y, d);
        it->from = y * 10000 + 101;
        it->to = d * 10000 + 1231;
        it->year = d;
        it->tj = i + 2;
        return 1;
    }
    return 0;
}

/* Joiners of a range between two items: a dash, "đến", "tới". */
static int
joined (const tracuu_text_t *text, const item_t *a, const item_t *b)
{
    size_t last = a->tj - 1;

    if (b->ti == a->tj)
        return tracuu_extract__gap_is (text, last, "-")
               || tracuu_extract__gap_is (text, last, "\xe2\x80\x93")
               || tracuu_extract__gap_is (text, last, "\xe2\x80\x94");
    if (b->ti == a->tj + 1 && tracuu_extract__gap_blank (text, last)
        && tracuu_extract__gap_blank (text, a->tj))
        return is (text, a->tj, "đến") || is (text, a->tj, "tới");
    return 0;
}

/* Items in the same sentence between tokens a < b. */
static int
same_sentence (const tracuu_text_t *text, size_t a, size_t b)
{
    if (b - a > YEAR_LOOKAHEAD)
        return 0;
    for (size_t k = a; k < b; k++)
        if (tracuu_extract__gap_ends_sentence (text, k))
            return 0;
    return 1;
}

static void
find_years (const tracuu_text_t *text, item_t *items, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        item_t *it = &items[k];

        if (it->year || it->dead)
            continue;
        for (size_t j = k + 1; j < n && !it->year; j++)
            if (!items[j].dead && items[j].year && items[j].type != SPAN_RANGE
                && same_sentence (text, it->tj - 1, items[j].ti))
                it->year = items[j].year;
            else if (!same_sentence (text, it->tj - 1, items[j].ti))
                break;
        for (size_t j = k; j-- > 0 && !it->year;)
            if (!items[j].dead && items[j].year && items[j].type != SPAN_RANGE
                && same_sentence (text, items[j].tj - 1, it->ti))
                it->year = items[j].year;
            else if (!same_sentence (text, items[j].tj - 1, it->ti))
                break;
        if (!it->year)
            it->dead = 1;
    }
}

static void
merge_ranges (const tracuu_text_t *text, item_t *items, size_t n)
{
    for (size_t k = 0; k + 1 < n; k++) {
        item_t *a = &items[k], *b = &items[k + 1];

        char value[sizeof a->value];

        if (a->dead || b->dead || a->type != b->type || !a->year || !b->year
            || (a->type != SPAN_DAY && a->type != SPAN_YEAR
                && a->type != SPAN_MONTH)
            || a->from > b->to || !joined (text, a, b))
            continue;
        if (snprintf (value, sizeof value, "%.20s..%.20s", a->value,
                      b->value) < 0)
            continue;
        memcpy (a->value, value, sizeof value);
        a->type = SPAN_RANGE;
        a->to = b->to;
        a->tj = b->tj;
        a->end = b->end;
        b->dead = 1;
        k++;
    }
}

static void
emit (const tracuu_text_t *text, const item_t *it, tracuu_entities_t *out,
      tracuu_status_t *rc)
{
    tracuu_entity_kind_t kind = TRACUU_ENTITY_PERIOD;
    uint32_t flags = 0;

    if (it->type == SPAN_DAY)
        kind = TRACUU_ENTITY_DATE;
    if (it->type == SPAN_BLANK_DAY) {
        kind = TRACUU_ENTITY_DATE;
        flags |= TRACUU_ENTITY_BLANK_DAY;
    }
    if (it->type == SPAN_RANGE)
        flags |= TRACUU_ENTITY_RANGE;
    tracuu_extract__push (rc, out, text, kind, it->start, it->end, flags, 0,
                          it->from, it->to, it->value, NULL);
}

/* Settle the items of one sentence and push them. */
static void
flush (const tracuu_text_t *text, item_t *items, size_t n,
       tracuu_entities_t *out, tracuu_status_t *rc)
{
    find_years (text, items, n);
    for (size_t k = 0; k < n; k++)
        if (!items[k].dead && items[k].value[0] == '\0')
            resolve (&items[k], items[k].year);
    merge_ranges (text, items, n);
    for (size_t k = 0; k < n; k++)
        if (!items[k].dead)
            emit (text, &items[k], out, rc);
}

void
tracuu_extract__dates (const tracuu_text_t *text, tracuu_entities_t *out,
                       tracuu_status_t *rc)
{
    item_t items[MAX_ITEMS];
    size_t n = 0, i = 0;
    int last_year = 0;

    if (*rc != TRACUU_STATUS_OK || text == NULL)
        return;
    /* Items are settled sentence by sentence: no range or missing year
     * reaches past a sentence end. */
    while (i < text->n_tokens) {
        item_t *it = &items[n];

        if (scan_at (text, i, last_year, it)) {
            it->start = text->tokens[it->ti].start;
            it->end = text->tokens[it->tj - 1].end;
            if (it->type == SPAN_DAY)
                last_year = it->year;
            if (it->year && it->type != SPAN_RANGE)
                resolve (it, it->year);
            i = it->tj;
            n++;
        } else {
            i++;
        }
        if (n == MAX_ITEMS || i >= text->n_tokens
            || tracuu_extract__gap_ends_sentence (text, i - 1)) {
            flush (text, items, n, out, rc);
            n = 0;
        }
    }
}
