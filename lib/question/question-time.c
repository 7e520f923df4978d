/* Time expressions of questions: the grammar over the symbols of
 * question-time.txt and numbers, and the values of "period:". */
#include <string.h>

#include "question/question-private.h"
#include "util/util-private.h"

/* A period read at some token: tokens used, first and last day. */
typedef struct period {
    size_t n;                   /* Tokens used; 0 if none. */
    int32_t from;               /* yyyymmdd. */
    int32_t to;                 /* yyyymmdd. */
    int bare;                   /* A bare year ("2024"), nothing else. */
    int yearless;               /* Months m1..m2 of a year not given. */
    int m1, m2;
} period_t;

/* What the grammar reads. */
typedef struct reader {
    const tracuu_qlex_t *lex;
    const tracuu_text_t *text;
    size_t end;
    int32_t today;              /* yyyymmdd. */
} reader_t;

static int
days_in_month (int y, int m)
{
    return tracuu_day__days_in_month (y, m);
}

static int32_t
ymd (int y, int m, int d)
{
    return (int32_t) (y * 10000 + m * 100 + d);
}

int
tracuu_question__valid_day (int32_t d)
{
    int y = d / 10000, m = d / 100 % 100, day = d % 100;

    return y >= 1900 && y <= 2199 && m >= 1 && m <= 12 && day >= 1
           && day <= days_in_month (y, m);
}

/* Months 'm1'..'m2' of year 'y'. */
static period_t
months (size_t n, int y, int m1, int m2)
{
    return (period_t) { n, ymd (y, m1, 1), ymd (y, m2, days_in_month (y, m2)),
                        0, 0, m1, m2 };
}

/* Months m1..m2 of a year to be given later. */
static period_t
yearless (size_t n, int m1, int m2)
{
    return (period_t) { n, 0, 0, 0, 1, m1, m2 };
}

/* 'p' with the year 'y' it lacked. */
static period_t
with_year (period_t p, int y)
{
    return p.yearless ? months (p.n, y, p.m1, p.m2) : p;
}

static int32_t
day_before (int32_t d)
{
    return tracuu_day__add (d, -1);
}

static int32_t
day_after (int32_t d)
{
    return tracuu_day__add (d, 1);
}

/* Day 'd' moved back by 'n' months (the day kept within the month). */
static int32_t
months_back (int32_t d, int n)
{
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    int k = y * 12 + (m - 1) - n;

    y = k / 12;
    m = k % 12 + 1;
    if (day > days_in_month (y, m))
        day = days_in_month (y, m);
    return ymd (y, m, day);
}

/* The symbol at token i ("month", "q1"...) and its length, or NULL. */
static const char *
sym (const reader_t *r, size_t i, size_t *n_out)
{
    const char *label = NULL;

    *n_out = tracuu_qlex__match (r->lex, r->text, i, r->end, &label);
    return *n_out ? label : NULL;
}

static int
is_sym (const reader_t *r, size_t i, const char *name, size_t *n_out)
{
    const char *s = sym (r, i, n_out);

    return s != NULL && strcmp (s, name) == 0;
}

/* Digits only, at most 'max' of them: their value, or -1. */
static int
number_at (const reader_t *r, size_t i, size_t max)
{
    const tracuu_token_t *t;
    int v = 0;

    if (i >= r->end)
        return -1;
    t = &r->text->tokens[i];
    if (t->folded_len == 0 || t->folded_len > max)
        return -1;
    for (size_t k = 0; k < t->folded_len; k++) {
        if (t->folded[k] < '0' || t->folded[k] > '9')
            return -1;
        v = v * 10 + (t->folded[k] - '0');
    }
    return v;
}

static int
year_at (const reader_t *r, size_t i)
{
    int y;

    if (i >= r->end || r->text->tokens[i].folded_len != 4)
        return 0;
    y = number_at (r, i, 4);
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* The gap between tokens i and i + 1 holds only blanks and characters
 * of 'allowed' ("-" also allows en and em dashes). */
static int
gap_is (const reader_t *r, size_t i, const char *allowed)
{
    const unsigned char *g;
    size_t len;

    if (i + 1 >= r->end)
        return 0;
    g = (const unsigned char *) r->text->text + r->text->tokens[i].end;
    len = r->text->tokens[i + 1].start - r->text->tokens[i].end;
    for (size_t k = 0; k < len; k++) {
        if (g[k] == ' ' || g[k] == '\t' || g[k] == '\n')
            continue;
        if (g[k] == 0xC2 && k + 1 < len && g[k + 1] == 0xA0) {
            k++;
            continue;
        }
        if (g[k] == 0xE2 && k + 2 < len && g[k + 1] == 0x80
            && (g[k + 2] == 0x93 || g[k + 2] == 0x94)
            && strchr (allowed, '-') != NULL) {
            k += 2;
            continue;
        }
        if (g[k] == '\0' || strchr (allowed, g[k]) == NULL)
            return 0;
    }
    return 1;
}

static int
gap_has (const reader_t *r, size_t i, char c)
{
    size_t start = r->text->tokens[i].end;
    size_t len = r->text->tokens[i + 1].start - start;

    return memchr (r->text->text + start, c, len) != NULL;
}

/* Skip connectors ("of", "năm") before a year at j; the year's index,
 * or SIZE_MAX. */
static size_t
year_after (const reader_t *r, size_t j)
{
    for (int hops = 0; hops < 3 && j < r->end; hops++) {
        size_t n;

        if (!gap_is (r, j - 1, "/,-"))
            return SIZE_MAX;
        if (year_at (r, j))
            return j;
        if (!is_sym (r, j, "of", &n) && !is_sym (r, j, "year", &n))
            return SIZE_MAX;
        j += n;
    }
    return SIZE_MAX;
}

/* A half or quarter symbol: its first and last month, or 0. */
static int
part_months (const char *s, int *m1, int *m2)
{
    if (s == NULL)
        return 0;
    if (strcmp (s, "h1") == 0 || strcmp (s, "h2") == 0) {
        *m1 = s[1] == '1' ? 1 : 7;
        *m2 = *m1 + 5;
        return 1;
    }
    if (s[0] == 'q' && s[1] >= '1' && s[1] <= '4' && s[2] == '\0') {
        *m1 = 3 * (s[1] - '1') + 1;
        *m2 = *m1 + 2;
        return 1;
    }
    return 0;
}

static int
month_symbol (const char *s)
{
    int m = 0;

    if (s == NULL || s[0] != 'm' || s[1] < '1' || s[1] > '9')
        return 0;
    for (const char *p = s + 1; *p; p++) {
        if (*p < '0' || *p > '9')
            return 0;
        m = m * 10 + (*p - '0');
    }
    return m <= 12 ? m : 0;
}

/* A bare year may not be part of a number ("12/2024/NĐ-CP", "1.2024"). */
static int
bare_year_ok (const reader_t *r, size_t i)
{
    if (i > 0 && (gap_has (r, i - 1, '/') || gap_has (r, i - 1, '.')))
        return 0;
    if (i + 1 < r->end && (gap_has (r, i, '/') || gap_has (r, i, '.')))
        return 0;
    return 1;
}

/* "năm nay", "last month", "quý trước": the period, or n = 0. */
static period_t
relative (const reader_t *r, const char *s, size_t n)
{
    period_t none = { 0, 0, 0, 0, 0, 0, 0 };
    int y = r->today / 10000, m = r->today / 100 % 100;
    int q = (m - 1) / 3;

    if (strcmp (s, "this_year") == 0)
        return months (n, y, 1, 12);
    if (strcmp (s, "last_year") == 0)
        return months (n, y - 1, 1, 12);
    if (strcmp (s, "this_month") == 0)
        return months (n, y, m, m);
    if (strcmp (s, "last_month") == 0)
        return m > 1 ? months (n, y, m - 1, m - 1) : months (n, y - 1, 12, 12);
    if (strcmp (s, "this_quarter") == 0)
        return months (n, y, 3 * q + 1, 3 * q + 3);
    if (strcmp (s, "last_quarter") == 0)
        return q > 0 ? months (n, y, 3 * q - 2, 3 * q)
                     : months (n, y - 1, 10, 12);
    return none;
}

/* The 'count' years or months up to today. */
static period_t
past (const reader_t *r, size_t n, int count, int years)
{
    int32_t from = months_back (r->today, years ? 12 * count : count);

    return (period_t) { n, day_after (from), r->today, 0, 0, 0, 0 };
}

/* "3 năm qua", "6 tháng gần đây", "the past 3 years", "last 6 months". */
static period_t
past_period (const reader_t *r, size_t i)
{
    period_t none = { 0, 0, 0, 0, 0, 0, 0 };
    size_t n, k, lead = 0;
    int count, years;

    if (is_sym (r, i, "past", &n)) {
        lead = n;               /* English: the word comes first. */
        i += n;
    }
    count = number_at (r, i, 3);
    if (count < 1 || count > 200)
        return none;
    if (!lead && (is_sym (r, i + 1, "last_year", &n)
                  || is_sym (r, i + 1, "last_month", &n)))
        /* "3 năm qua": "năm qua" alone would be last year. */
        return past (r, 1 + n, count, is_sym (r, i + 1, "last_year", &k));
    if (is_sym (r, i + 1, "year", &n))
        years = 1;
    else if (is_sym (r, i + 1, "month", &n))
        years = 0;
    else
        return none;
    if (lead)
        return past (r, lead + 1 + n, count, years);
    if (!is_sym (r, i + 1 + n, "past", &k))
        return none;
    return past (r, 1 + n + k, count, years);
}

/* One period at token i: a year, month, quarter or half, or a relative
 * one; 'names' allows an English month name without a year ("from
 * January to March 2024", "in April": "may" alone is a verb). */
static period_t
simple_period (const reader_t *r, size_t i, int names)
{
    period_t none = { 0, 0, 0, 0, 0, 0, 0 }, p;
    size_t n, j;
    const char *s;
    int y, m, m1, m2, named;

    if (i >= r->end)
        return none;
    p = past_period (r, i);
    if (p.n)
        return p;
    s = sym (r, i, &n);
    if (s != NULL && (p = relative (r, s, n)).n)
        return p;
    m1 = m2 = month_symbol (s);
    named = m1 > 0;
    if (m1 > 0 || part_months (s, &m1, &m2)) {
        j = year_after (r, i + n);
        if (j != SIZE_MAX)
            return months (j + 1 - i, year_at (r, j), m1, m2);
        /* "tháng tư" and "quý 2" are months of their own; "april" is
         * one only where a month is expected ("may" is also a verb). */
        if (named && !names && n == 1)
            return none;
        return yearless (n, m1, m2);
    }
    if (s != NULL && strcmp (s, "month") == 0) {
        m = number_at (r, i + n, 2);
        if (m < 1 || m > 12 || !gap_is (r, i + n - 1, ""))
            return none;
        j = year_after (r, i + n + 1);
        if (j == SIZE_MAX)
            return yearless (n + 1, m, m);
        return months (j + 1 - i, year_at (r, j), m, m);
    }
    if (s != NULL && strcmp (s, "year") == 0) {
        y = year_at (r, i + n);
        if (y == 0 || !gap_is (r, i + n - 1, ""))
            return none;
        return months (n + 1, y, 1, 12);
    }
    y = year_at (r, i);
    if (y == 0)
        return none;
    /* "2024-H1", "2024 Q1", "2024/Q1". */
    if (gap_is (r, i, "-/") && part_months (sym (r, i + 1, &n), &m1, &m2))
        return months (n + 1, y, m1, m2);
    if (!bare_year_ok (r, i))
        return none;
    return (period_t) { 1, ymd (y, 1, 1), ymd (y, 12, 31), 1, 0, 1, 12 };
}

/* The two ends of a range, a year given to the one that lacks it: the
 * other's (a year earlier or later when the months go backwards: "from
 * November to February 2024" starts in 2023), else the current year. */
static void
settle_years (const reader_t *r, period_t *p1, period_t *p2)
{
    int y;

    if (p1->yearless && !p2->yearless) {
        y = p2->from / 10000;
        *p1 = with_year (*p1, p1->m1 > p2->from / 100 % 100 ? y - 1 : y);
    } else if (p2->yearless && !p1->yearless) {
        y = p1->to / 10000;
        *p2 = with_year (*p2, p2->m2 < p1->to / 100 % 100 ? y + 1 : y);
    } else if (p1->yearless) {
        y = r->today / 10000;
        *p1 = with_year (*p1, y);
        *p2 = with_year (*p2, p2->m2 < p1->m1 ? y + 1 : y);
    }
}

/* "from P1 to P2", "P1 to P2", "P1-P2": the range, or n = 0. */
static period_t
range_after (const reader_t *r, period_t p1, size_t k)
{
    period_t none = { 0, 0, 0, 0, 0, 0, 0 }, p2;
    size_t n;

    if (k >= r->end)
        return none;
    if (p1.bare && year_at (r, k) && gap_is (r, k - 1, "-")
        && gap_has (r, k - 1, '-')) {
        p2 = simple_period (r, k, 1);
    } else if (gap_is (r, k - 1, "") && is_sym (r, k, "to", &n)
               && gap_is (r, k + n - 1, "")) {
        p2 = simple_period (r, k + n, 1);
        p2.n += p2.n ? n : 0;
    } else {
        return none;
    }
    if (p2.n == 0)
        return none;
    settle_years (r, &p1, &p2);
    if (p2.to < p1.from)
        return (period_t) { p1.n + p2.n, p2.from, p1.to, 0, 0, 0, 0 };
    return (period_t) { p1.n + p2.n, p1.from, p2.to, 0, 0, 0, 0 };
}

/* "from", "before", "after" or "to" and a period at i + n. */
static size_t
bounded (const reader_t *r, const char *s, size_t i, size_t n,
         int32_t *from_out, int32_t *to_out)
{
    period_t p, range;
    size_t k;

    if (!gap_is (r, i + n - 1, ""))
        return 0;
    p = simple_period (r, i + n, 1);
    if (p.n == 0)
        return 0;
    *from_out = *to_out = 0;
    if (s[0] == 'f') {
        range = range_after (r, p, i + n + p.n);
        if (range.n) {
            *from_out = range.from;
            *to_out = range.to;
            return n + range.n;
        }
        p = with_year (p, r->today / 10000);
        *from_out = p.from;
        if (is_sym (r, i + n + p.n, "onward", &k))
            return n + p.n + k;         /* "từ năm 2021 trở đi". */
        return n + p.n;
    }
    p = with_year (p, r->today / 10000);
    if (s[0] == 'b')
        *to_out = day_before (p.from);
    else if (s[0] == 'a')
        *from_out = day_after (p.to);
    else
        *to_out = p.to;
    return n + p.n;
}

size_t
tracuu_question__time (const tracuu_qlex_t *time_lex,
                       const tracuu_text_t *text, size_t i, size_t end,
                       int32_t today, int32_t *from_out, int32_t *to_out,
                       int *strong_out)
{
    reader_t r = { time_lex, text, end, today };
    size_t n = 0, lead = 0, k;
    const char *s;
    period_t p, range;

    if (time_lex == NULL || text == NULL)
        return 0;
    if (r.end > text->n_tokens)
        r.end = text->n_tokens;
    if (i >= r.end)
        return 0;
    if (is_sym (&r, i, "of", &n) && gap_is (&r, i + n - 1, "")) {
        lead = n;               /* "in 2024", "trong năm 2024". */
        i += n;
    }
    s = sym (&r, i, &n);
    if (s != NULL && (strcmp (s, "from") == 0 || strcmp (s, "before") == 0
                      || strcmp (s, "after") == 0 || strcmp (s, "to") == 0)) {
        k = bounded (&r, s, i, n, from_out, to_out);
        if (k == 0)
            return 0;
        *strong_out = 1;
        return lead + k;
    }
    p = simple_period (&r, i, lead > 0);
    if (p.n == 0)
        return 0;
    range = range_after (&r, p, i + p.n);
    if (range.n)
        p = range;
    *strong_out = p.yearless ? 2 : !p.bare || lead > 0;
    p = with_year (p, today / 10000);
    *from_out = p.from;
    *to_out = p.to;
    return lead + p.n;
}

/* Digits s[0..n) as a number, or -1. */
static int
digits (const char *s, size_t n)
{
    int v = 0;

    if (n == 0)
        return -1;
    for (size_t k = 0; k < n; k++) {
        if (s[k] < '0' || s[k] > '9')
            return -1;
        v = v * 10 + (s[k] - '0');
    }
    return v;
}

int
tracuu_question__period (const char *s, size_t len, int32_t *from_out,
                         int32_t *to_out)
{
    int y, m, d, m1, m2;
    char part[3] = { 0, 0, 0 };

    if (len < 4 || (y = digits (s, 4)) < 1900 || y > 2100)
        return 0;
    if (len == 4) {
        *from_out = ymd (y, 1, 1);
        *to_out = ymd (y, 12, 31);
        return 1;
    }
    if (s[4] != '-')
        return 0;
    if (len == 7) {
        part[0] = (char) (s[5] | 0x20);
        part[1] = s[6];
        if (part_months (part, &m1, &m2)) {
            *from_out = ymd (y, m1, 1);
            *to_out = ymd (y, m2, days_in_month (y, m2));
            return 1;
        }
    }
    {
        const char *dash = memchr (s + 5, '-', len - 5);
        size_t mlen = dash ? (size_t) (dash - s - 5) : len - 5;

        m = mlen <= 2 ? digits (s + 5, mlen) : -1;
        if (m < 1 || m > 12)
            return 0;
        if (dash == NULL) {
            *from_out = ymd (y, m, 1);
            *to_out = ymd (y, m, days_in_month (y, m));
            return 1;
        }
        mlen = len - (size_t) (dash + 1 - s);
        d = mlen <= 2 ? digits (dash + 1, mlen) : -1;
        if (d < 1 || d > days_in_month (y, m))
            return 0;
        *from_out = *to_out = ymd (y, m, d);
        return 1;
    }
}
