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
#include <string.h>

#include "extract/extract-private.h"

#define MONEY_CUE_WINDOW 15     /* Tokens searched back for a money word. */
#define MAX_COLUMNS 64

static int
is (const tracuu_text_t *text, size_t i, const char *exact)
{
    return tracuu_extract__is (text, i, exact);
}

/* 10^k multiplier of token 'i', or 0. */
static int64_t
multiplier (const tracuu_text_t *text, size_t i)
{
    if (is (text, i, "nghìn") || is (text, i, "ngàn"))
        return 1000;
    if (is (text, i, "triệu"))
        return 1000000;
    if (is (text, i, "tỷ") || is (text, i, "tỉ"))
        return 1000000000;
    return 0;
}

/* Words after which "đồng" is not the currency: "đồng chí", "đồng bào". */
static int
dong_not_currency (const tracuu_text_t *text, size_t i)
{
    static const char *const next[] = {
        "chí", "bào", "hồ", "đội", "thời", "ý", "nghiệp", "bằng", "ruộng",
        "phục", "hương", "minh", "tình", "loạt", "hành", "bộ", "đẳng",
        "thuận", "lòng", "môn", "tâm", "cỏ", "dao", "xu", "trinh", "nát",
    };

    if (!tracuu_extract__gap_blank (text, i))
        return 0;
    for (size_t k = 0; k < sizeof next / sizeof next[0]; k++)
        if (is (text, i + 1, next[k]))
            return 1;
    return 0;
}

/* Token 'i' is a currency word; *strong when it is "đồng", "VNĐ". */
static int
currency (const tracuu_text_t *text, size_t i, int *strong)
{
    *strong = 1;
    if (is (text, i, "đồng"))
        return !dong_not_currency (text, i);
    if (is (text, i, "vnđ") || is (text, i, "vnd"))
        return 1;
    *strong = 0;
    return is (text, i, "đ");
}

/* A glued suffix of a number token: "500.000đ", "2tỷ". */
static int
glued_unit (const char *s, int64_t *mult, int *cur)
{
    *mult = 1;
    *cur = 1;
    if (strcmp (s, "đ") == 0 || strcmp (s, "vnđ") == 0 || strcmp (s, "vnd") == 0
        || strcmp (s, "đồng") == 0)
        return 1;
    *cur = 0;
    if (strcmp (s, "triệu") == 0)
        *mult = 1000000;
    else if (strcmp (s, "tỷ") == 0 || strcmp (s, "tỉ") == 0)
        *mult = 1000000000;
    else if (strcmp (s, "nghìn") == 0 || strcmp (s, "ngàn") == 0)
        *mult = 1000;
    else
        return 0;
    return 1;
}

/* A money word earlier in the sentence of token 'i'. */
static int
money_cue_before (const tracuu_text_t *text, size_t i)
{
    static const char *const cues[] = {
        "tiền", "phạt", "nộp", "phí", "giá", "vốn", "thuế", "lương", "thu",
        "chi", "nsnn", "trợ", "thưởng", "đoạt", "hại", "sách", "thường",
        "doanh", "nhuận", "lãi", "vay", "nợ", "quỹ", "hộ", "góp",
    };

    for (size_t k = i, steps = 0; k-- > 0 && steps < MONEY_CUE_WINDOW;
         steps++) {
        if (tracuu_extract__gap_ends_sentence (text, k))
            return 0;
        for (size_t c = 0; c < sizeof cues / sizeof cues[0]; c++)
            if (is (text, k, cues[c]))
                return 1;
    }
    return 0;
}

/* A word follows token 'i' in the same phrase: a noun being counted
 * ("1,2 triệu người"), unless it is a linking word. */
static int
noun_follows (const tracuu_text_t *text, size_t i)
{
    static const char *const links[] = {
        "và", "với", "cho", "để", "từ", "đến", "trong", "của", "là", "thì",
        "hoặc", "nhưng", "được", "so", "trở", "tại", "vào", "theo", "mà",
    };

    if (i + 1 >= text->n_tokens || !tracuu_extract__gap_blank (text, i)
        || text->tokens[i + 1].line != text->tokens[i].line)
        return 0;
    for (size_t k = 0; k < sizeof links / sizeof links[0]; k++)
        if (is (text, i + 1, links[k]))
            return 0;
    return 1;
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
    int has_currency;
    tracuu_extract_number_t num;
} amount_t;

/* Read the number at 'i' and the units after it. Returns 0 if token
 * 'i' is not a number. */
static int
read_amount (const tracuu_text_t *text, size_t i, amount_t *a)
{
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
        const char *suffix = t->exact + used;

        if (used > t->exact_len || !glued_unit (suffix, &m, &cur))
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
        if (is (text, k + 1, "trăm") && tracuu_extract__gap_blank (text, k + 1)
            && multiplier (text, k + 2))
            m = 100;
        else
            m = multiplier (text, k + 1);
        if (m == 0 || (a->mult && a->mult > INT64_MAX / m))
            break;
        a->mult = a->mult ? a->mult * m : m;
        k++;
    }
    if (tracuu_extract__gap_blank (text, k) && currency (text, k + 1, &strong)
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
approx_before (const tracuu_text_t *text, size_t i)
{
    static const char *const one[] = {
        "gần", "khoảng", "trên", "hơn", "chừng", "ước", "tầm",
    };

    if (i >= 2 && tracuu_extract__gap_blank (text, i - 2)
        && tracuu_extract__gap_blank (text, i - 1)
        && ((is (text, i - 2, "xấp") && is (text, i - 1, "xỉ"))
            || (is (text, i - 2, "ước") && (is (text, i - 1, "tính")
                                             || is (text, i - 1, "khoảng")))))
        return 2;
    if (i >= 1 && tracuu_extract__gap_blank (text, i - 1))
        for (size_t k = 0; k < sizeof one / sizeof one[0]; k++)
            if (is (text, i - 1, one[k]))
                return 1;
    return 0;
}

static void
push_amount (const tracuu_text_t *text, const amount_t *a, int64_t mult,
             uint32_t flags, tracuu_entities_t *out, tracuu_status_t *rc)
{
    char value[32];
    size_t first = a->first, last = a->last, n;
    int64_t vnd = scale (&a->num, mult ? mult : 1);

    if (vnd <= 0)
        return;
    if ((n = approx_before (text, first)) > 0) {
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

static void
money_in_text (const tracuu_text_t *text, tracuu_entities_t *out,
               tracuu_status_t *rc)
{
    for (size_t i = 0; i < text->n_tokens && *rc == TRACUU_STATUS_OK; i++) {
        amount_t a, lo;
        size_t r;

        if (!read_amount (text, i, &a))
            continue;
        if (i > 0 && tracuu_extract__gap_is (text, i - 1, "/"))
            continue;           /* A code or a date: "91/2020". */
        if (!a.has_currency
            && (a.mult == 0 || !money_cue_before (text, i)
                || noun_follows (text, a.last)))
            continue;
        r = range_start (text, i);
        if (r != SIZE_MAX && read_amount (text, r, &lo) && lo.last == r
            && lo.mult == 0
            && !(r > 0 && tracuu_extract__gap_is (text, r - 1, "/"))) {
            push_amount (text, &lo, a.mult, TRACUU_ENTITY_RANGE, out, rc);
            push_amount (text, &a, a.mult, TRACUU_ENTITY_RANGE, out, rc);
        } else {
            push_amount (text, &a, a.mult, 0, out, rc);
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
header_unit (const tracuu_text_t *text, size_t i)
{
    int strong;
    int64_t m = 1;

    if (is (text, i, "tr.đ") || is (text, i, "trđ")
        || is (text, i, "tr.đồng"))
        return 1000000;
    if (!currency (text, i, &strong) || !strong)
        return 0;
    for (size_t k = i; k-- > 0 && (tracuu_extract__gap_blank (text, k)
                                   || tracuu_extract__gap_is (text, k, "."));) {
        int64_t mk = is (text, k, "tr") ? 1000000 : multiplier (text, k);

        if (mk == 0)
            break;
        m *= mk;
    }
    return m;
}

static void
money_in_tables (const tracuu_text_t *text, tracuu_entities_t *out,
                 tracuu_status_t *rc)
{
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
        if ((u = header_unit (text, i)) > 0) {
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
            if (read_amount (text, i, &a) && a.mult == 0 && !a.has_currency)
                push_amount (text, &a, unit[col], TRACUU_ENTITY_IN_TABLE, out,
                             rc);
        }
    }
}

void
tracuu_extract__money (const tracuu_text_t *text, tracuu_entities_t *out,
                       tracuu_status_t *rc)
{
    if (*rc != TRACUU_STATUS_OK || text == NULL)
        return;
    money_in_text (text, out, rc);
    money_in_tables (text, out, rc);
}
