/*
 * Amounts in words: "trên 10 triệu", "over 10 million", "từ 5 đến 10
 * triệu đồng", "dưới 1 tỷ", "10 triệu trở lên", over the symbols of
 * question-amounts.txt (see there for the grammar) and numbers.
 */
#include <string.h>

#include "question/question-private.h"

typedef struct reader {
    const tracuu_qlex_t *lex;
    const tracuu_text_t *text;
    size_t end;
} reader_t;

/* A number read at a token: digits grouped by '.' or ',' in threes, or
 * with a decimal part ("7,5", "1.5"). */
typedef struct number {
    int64_t units;              /* The digits as an integer. */
    int decimals;               /* Digits after a decimal mark. */
} number_t;

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

/* The number at token i, with an optional unit glued to it ("500k",
 * "10tr"): 1 and the number, 0 if none. *glued_unit gets the unit's
 * multiplier, or 0. */
static int
number_at (const reader_t *r, size_t i, number_t *out, int64_t *glued_unit)
{
    const tracuu_token_t *t;
    const char *s, *last_mark = NULL;
    size_t len, k, digits = 0, marks = 0;
    int64_t v = 0;

    *glued_unit = 0;
    if (i >= r->end)
        return 0;
    t = &r->text->tokens[i];
    s = t->folded;
    len = t->folded_len;
    if (len >= 2 && s[len - 1] == 'k')
        *glued_unit = 1000, len--;
    else if (len >= 3 && strcmp (s + len - 2, "tr") == 0)
        *glued_unit = 1000000, len -= 2;
    for (k = 0; k < len; k++) {
        if (s[k] >= '0' && s[k] <= '9') {
            if (++digits > 15)
                return 0;
            v = v * 10 + (s[k] - '0');
        } else if ((s[k] == '.' || s[k] == ',') && k > 0 && k + 1 < len) {
            last_mark = s + k;
            marks++;
        } else {
            return 0;
        }
    }
    if (digits == 0)
        return 0;
    out->units = v;
    out->decimals = 0;
    /* One mark followed by other than three digits is a decimal mark. */
    if (marks == 1 && (size_t) (s + len - last_mark - 1) != 3)
        out->decimals = (int) (s + len - last_mark - 1);
    return 1;
}

/* The multiplier of a unit symbol, or 0. */
static int64_t
unit_of (const char *s)
{
    if (s == NULL)
        return 0;
    if (strcmp (s, "thousand") == 0)
        return 1000;
    if (strcmp (s, "million") == 0)
        return 1000000;
    if (strcmp (s, "billion") == 0)
        return 1000000000;
    return 0;
}

/* 'n' times 'unit' in đồng, or -1 past 10^18. */
static int64_t
value (number_t n, int64_t unit)
{
    int64_t v = n.units;

    if (unit <= 0)
        unit = 1;
    for (int d = 0; d < n.decimals; d++) {
        if (unit % 10 == 0)
            unit /= 10;
        else
            v /= 10;            /* "1,25 nghìn": đồng have no decimals. */
    }
    if (v > 0 && unit > INT64_C (1000000000000000000) / v)
        return -1;
    return v * unit;
}

/* A number, its unit and currency from token i: tokens used (0 if no
 * number), the number, its unit (0 if none) and whether a currency
 * follows. */
static size_t
quantity (const reader_t *r, size_t i, number_t *num, int64_t *unit,
          int *currency)
{
    size_t n = 0, k;
    int64_t glued;

    *currency = 0;
    if (!number_at (r, i, num, &glued))
        return 0;
    n = 1;
    *unit = glued ? glued : unit_of (sym (r, i + n, &k));
    if (*unit && !glued)
        n += k;
    if (is_sym (r, i + n, "currency", &k)) {
        *currency = 1;
        n += k;
    }
    return n;
}

/* A gap of only a dash between tokens i and i + 1 ("10-50 triệu"). */
static int
dash_gap (const reader_t *r, size_t i)
{
    const tracuu_text_t *t = r->text;
    size_t a = t->tokens[i].end, b = t->tokens[i + 1].start;
    int dashes = 0;

    for (size_t c = a; c < b; c++) {
        if (t->text[c] == '-')
            dashes++;
        else if (t->text[c] != ' ')
            return 0;
    }
    return dashes == 1;
}

size_t
tracuu_question__amount (const tracuu_qlex_t *amount_lex,
                         const tracuu_text_t *text, size_t i, size_t end,
                         int64_t *lo_out, int64_t *hi_out)
{
    reader_t r = { amount_lex, text, end };
    const char *op = NULL;
    size_t n = 0, k, q1, q2 = 0;
    number_t a, b;
    int64_t ua = 0, ub = 0, va, vb = -1;
    int ca = 0, cb = 0;


    *lo_out = *hi_out = -1;
    if (amount_lex == NULL || text == NULL)
        return 0;
    if (r.end > text->n_tokens)
        r.end = text->n_tokens;
    if (i >= r.end)
        return 0;
    op = sym (&r, i, &k);
    if (op != NULL && (strcmp (op, "over") == 0 || strcmp (op, "atleast") == 0
                       || strcmp (op, "under") == 0 || strcmp (op, "atmost") == 0
                       || strcmp (op, "from") == 0))
        n = k;
    else
        op = NULL;
    q1 = quantity (&r, i + n, &a, &ua, &ca);
    if (q1 == 0)
        return 0;
    n += q1;
    /* "from A to B", "A to B", "A-B": a range. */
    if ((op == NULL || strcmp (op, "from") == 0) && i + n < r.end) {
        size_t to = 0;

        if (is_sym (&r, i + n, "to", &k))
            to = k;
        else if (ua == 0 && dash_gap (&r, i + n - 1))
            to = 0;
        else
            to = SIZE_MAX;
        if (to != SIZE_MAX)
            q2 = quantity (&r, i + n + to, &b, &ub, &cb);
        if (q2 > 0 && (ub || cb)) {
            n += to + q2;
            if (ua == 0)
                ua = ub;        /* "từ 5 đến 10 triệu": 5 triệu. */
            vb = value (b, ub);
        } else {
            q2 = 0;
        }
    }
    if (!ua && !ca && !(q2 && (ub || cb)))
        return 0;               /* A bare number is no amount. */
    va = value (a, ua);
    if (va < 0 || (q2 && vb < 0))
        return 0;
    if (q2) {
        *lo_out = va < vb ? va : vb;
        *hi_out = va < vb ? vb : va;
        return n;
    }
    if (is_sym (&r, i + n, "orabove", &k)) {
        *lo_out = va;
        return n + k;
    }
    if (is_sym (&r, i + n, "orbelow", &k)) {
        *hi_out = va;
        return n + k;
    }
    if (op == NULL) {
        *lo_out = *hi_out = va;         /* "7,5 triệu đồng": exactly. */
    } else if (strcmp (op, "over") == 0) {
        *lo_out = va + 1;
    } else if (strcmp (op, "atleast") == 0 || strcmp (op, "from") == 0) {
        *lo_out = va;
    } else if (strcmp (op, "under") == 0) {
        *hi_out = va > 0 ? va - 1 : 0;
    } else {
        *hi_out = va;
    }
    return n;
}
