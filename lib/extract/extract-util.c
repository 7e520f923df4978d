/* Helpers shared by the extractors: token tests, gaps, numbers, days. */
#include <pthread.h>
#include <string.h>

#include "extract/extract-private.h"
#include "util/util-private.h"

int
tracuu_extract__is_folded (const tracuu_text_t *text, size_t i,
                           const char *folded)
{
    return i < text->n_tokens && text->tokens[i].folded[0] == folded[0]
           && strcmp (text->tokens[i].folded, folded) == 0;
}

static size_t
match_phrase (const tracuu_text_t *text, size_t i, const char *phrase,
              int folded)
{
    size_t n = 0;
    const char *p = phrase;

    if (i >= text->n_tokens
        || (folded ? text->tokens[i].folded[0] : text->tokens[i].exact[0]) != *p)
        return 0;               /* The common case, decided cheaply. */
    while (*p) {
        const tracuu_token_t *t;
        const char *w;
        size_t wlen;

        if (i + n >= text->n_tokens)
            return 0;
        if (n > 0 && !tracuu_extract__gap_blank (text, i + n - 1))
            return 0;
        t = &text->tokens[i + n];
        w = folded ? t->folded : t->exact;
        wlen = folded ? t->folded_len : t->exact_len;
        /* The token, then a space or the end of the phrase: strncmp()
         * stops at the end of a shorter phrase. */
        if (strncmp (w, p, wlen) != 0 || (p[wlen] != ' ' && p[wlen] != '\0'))
            return 0;
        n++;
        p += wlen;
        while (*p == ' ')
            p++;
    }
    return n;
}

size_t
tracuu_extract__match_folded (const tracuu_text_t *text, size_t i,
                              const char *phrase)
{
    return match_phrase (text, i, phrase, 1);
}

size_t
tracuu_extract__match (const tracuu_text_t *text, size_t i,
                       const char *phrase)
{
    return match_phrase (text, i, phrase, 0);
}

static pthread_mutex_t set_lock = PTHREAD_MUTEX_INITIALIZER;

static uint32_t
word_bit (const char *w, size_t len)
{
    return tracuu_hash__fnv32 (TRACUU_FNV32_INIT, w, len) % TRACUU_PHRASE_SET_BITS;
}

size_t
tracuu_extract__match_set (tracuu_phrase_set_t *set, const tracuu_text_t *text,
                           size_t i, size_t *which)
{
    const tracuu_token_t *t;
    uint32_t b;

    if (!__atomic_load_n (&set->ready, __ATOMIC_ACQUIRE)) {
        pthread_mutex_lock (&set_lock);
        if (!__atomic_load_n (&set->ready, __ATOMIC_RELAXED)) {
            for (size_t k = 0; k < set->n; k++) {
                const char *p = set->phrases[k];

                b = word_bit (p, strcspn (p, " "));
                set->bits[b / 64] |= (uint64_t) 1 << (b % 64);
            }
            __atomic_store_n (&set->ready, 1, __ATOMIC_RELEASE);
        }
        pthread_mutex_unlock (&set_lock);
    }
    if (i >= text->n_tokens)
        return 0;
    t = &text->tokens[i];
    b = set->folded ? word_bit (t->folded, t->folded_len)
                    : word_bit (t->exact, t->exact_len);
    if (!((set->bits[b / 64] >> (b % 64)) & 1))
        return 0;
    for (size_t k = 0; k < set->n; k++) {
        size_t n = match_phrase (text, i, set->phrases[k], set->folded);

        if (n > 0) {
            if (which != NULL)
                *which = k;
            return n;
        }
    }
    return 0;
}

const char *
tracuu_extract__gap (const tracuu_text_t *text, size_t i, size_t *len_out)
{
    size_t from = i == SIZE_MAX ? 0 : text->tokens[i].end;
    size_t to = i + 1 < text->n_tokens ? text->tokens[i + 1].start : text->len;

    if (i != SIZE_MAX && i >= text->n_tokens) {
        *len_out = 0;
        return text->text + text->len;
    }
    *len_out = to > from ? to - from : 0;
    return text->text + from;
}

/* Length of a blank (space, tab, no-break or thin space) at 's', or 0. */
static size_t
blank_len (const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *) s;

    if (len >= 1 && (u[0] == ' ' || u[0] == '\t'))
        return 1;
    if (len >= 2 && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (len >= 3 && u[0] == 0xE2 && u[1] == 0x80
        && ((u[2] >= 0x80 && u[2] <= 0x8B) || u[2] == 0xAF))
        return 3;
    return 0;
}

int
tracuu_extract__gap_blank (const tracuu_text_t *text, size_t i)
{
    size_t len;
    const char *g = tracuu_extract__gap (text, i, &len);

    if (len == 1)               /* The common case: one space. */
        return g[0] == ' ' || g[0] == '\t';
    return tracuu_extract__gap_is (text, i, "");
}

int
tracuu_extract__gap_is (const tracuu_text_t *text, size_t i,
                        const char *punct)
{
    size_t len, pos = 0, plen = strlen (punct), k = 0;
    const char *g = tracuu_extract__gap (text, i, &len);

    while (pos < len) {
        size_t b = blank_len (g + pos, len - pos);

        if (b) {
            pos += b;
            continue;
        }
        if (k >= plen || g[pos] != punct[k])
            return 0;
        pos++;
        k++;
    }
    return k == plen;
}

int
tracuu_extract__gap_ends_sentence (const tracuu_text_t *text, size_t i)
{
    size_t len;
    const char *g = tracuu_extract__gap (text, i, &len);

    for (size_t k = 0; k < len; k++) {
        if (g[k] == '\n')
            return 1;
        if ((g[k] == '.' || g[k] == '!' || g[k] == '?')
            && (k + 1 == len || blank_len (g + k + 1, len - k - 1)))
            return 1;
    }
    return i + 1 >= text->n_tokens;
}

int
tracuu_extract__starts_line (const tracuu_text_t *text, size_t i)
{
    const tracuu_token_t *t = &text->tokens[i];
    size_t pos = text->line_starts[t->line - 1];

    while (pos < t->start) {
        size_t b = blank_len (text->text + pos, t->start - pos);

        if (b) {
            pos += b;
            continue;
        }
        if (strchr ("-+*#>|", text->text[pos]) == NULL
            && strncmp (text->text + pos, "\xe2\x80\x93", 3) != 0
            && strncmp (text->text + pos, "\xe2\x80\xa2", 3) != 0)
            return 0;
        pos += (unsigned char) text->text[pos] < 0x80 ? 1 : 3;
    }
    return 1;
}

#define MAX_GROUPS 8
#define MAX_DIGITS 15

/*
 * Vietnamese writes "20.000.000" (dots group thousands) and "7,5" (comma
 * marks decimals). Writers also slip into the English habit, so:
 *  - both marks present: the last one is the decimal mark if it occurs
 *    once ("1.234,5"; "1,234.5"), the other one groups;
 *  - only commas: one comma is decimal ("7,5", "1,500" = 1.5), several
 *    group ("1,500,000");
 *  - only dots: several group ("1.500.000"); a single dot groups when
 *    exactly three digits follow ("1.500"), else it is decimal ("1.5").
 * Groups after a grouping mark must have three digits, or the token is
 * not a number ("1.2.3" is a section number). Returns 0 then.
 */
size_t
tracuu_extract__parse_number (const char *s, size_t len,
                              tracuu_extract_number_t *out)
{
    size_t glen[MAX_GROUPS], gstart[MAX_GROUPS], pos = 0;
    char sep[MAX_GROUPS];
    int ng = 0, n_dot = 0, n_comma = 0, dec = -1;
    int64_t ip = 0, frac = 0;
    int idigits = 0, fdigits = 0;

    memset (out, 0, sizeof *out);
    while (ng < MAX_GROUPS) {
        size_t st = pos;

        while (pos < len && s[pos] >= '0' && s[pos] <= '9')
            pos++;
        if (pos == st) {
            if (ng == 0)
                return 0;
            pos--;              /* The separator was not followed by a digit. */
            break;
        }
        gstart[ng] = st;
        glen[ng++] = pos - st;
        if (pos + 1 < len && (s[pos] == '.' || s[pos] == ',')
            && s[pos + 1] >= '0' && s[pos + 1] <= '9' && ng < MAX_GROUPS) {
            sep[ng - 1] = s[pos];
            if (s[pos] == '.')
                n_dot++;
            else
                n_comma++;
            pos++;
            continue;
        }
        break;
    }
    if (n_dot && n_comma) {
        char last = sep[ng - 2];

        if ((last == '.' ? n_dot : n_comma) != 1)
            return 0;
        dec = ng - 1;
    } else if (n_comma == 1) {
        dec = ng - 1;
    } else if (n_dot == 1 && glen[1] != 3) {
        dec = ng - 1;
    }
    for (int g = 0; g < ng; g++) {
        int decimal = g == dec && g > 0;

        if (g > 0 && !decimal && glen[g] != 3)
            return 0;
        if (g == 1 && !decimal && glen[0] > 3)
            return 0;
        for (size_t k = 0; k < glen[g]; k++) {
            int d = s[gstart[g] + k] - '0';

            if (decimal) {
                if (fdigits < 9) {
                    frac = frac * 10 + d;
                    fdigits++;
                }
            } else {
                if (idigits >= MAX_DIGITS)
                    return 0;
                ip = ip * 10 + d;
                if (ip)
                    idigits++;
            }
        }
    }
    out->integer = ip;
    out->frac = frac;
    out->frac_digits = fdigits;
    out->grouped = ng > 1 && !(ng == 2 && dec == 1);
    return pos;
}

int
tracuu_extract__token_int (const tracuu_text_t *text, size_t i,
                           int max_digits, int *out)
{
    const tracuu_token_t *t;
    int v = 0;

    if (i >= text->n_tokens)
        return 0;
    t = &text->tokens[i];
    if (t->exact_len == 0 || t->exact_len > (size_t) max_digits
        || max_digits > 9)
        return 0;
    for (size_t k = 0; k < t->exact_len; k++) {
        if (t->exact[k] < '0' || t->exact[k] > '9')
            return 0;
        v = v * 10 + (t->exact[k] - '0');
    }
    *out = v;
    return 1;
}

int
tracuu_extract__roman (const char *s, size_t len)
{
    static const char *const numerals[] = {
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi",
        "xii",
    };
    char low[8];

    if (len == 0 || len >= sizeof low)
        return 0;
    for (size_t k = 0; k < len; k++)
        low[k] = (char) (s[k] >= 'A' && s[k] <= 'Z' ? s[k] + 32 : s[k]);
    low[len] = '\0';
    for (int k = 0; k < 12; k++)
        if (strcmp (low, numerals[k]) == 0)
            return k + 1;
    return 0;
}

int
tracuu_extract__days_in_month (int y, int m)
{
    return tracuu_day__days_in_month (y, m);
}

int
tracuu_extract__valid_date (int y, int m, int d)
{
    return y >= 1900 && y <= 2100 && d >= 1
           && d <= tracuu_extract__days_in_month (y, m);
}

/* Inside an italic run ("*...*") or a quotation on the line of 'start':
 * the report is quoting a headline or a title. */
static int
in_headline (const tracuu_text_t *text, size_t start)
{
    uint32_t line = tracuu_text_line_at (text, start);
    size_t pos = text->line_starts[line - 1];
    int italic = 0, quoted = 0, straight = 0;

    while (pos < start) {
        const char *p = text->text + pos;

        if (*p == '*') {
            size_t run = 0;

            while (pos + run < start && p[run] == '*')
                run++;
            if (run % 2 == 1)
                italic = !italic;
            pos += run;
            continue;
        }
        if (*p == '"')
            straight = !straight;
        else if (strncmp (p, "\xe2\x80\x9c", 3) == 0)      /* Opening quote. */
            quoted++;
        else if (strncmp (p, "\xe2\x80\x9d", 3) == 0 && quoted > 0)
            quoted--;
        pos++;
    }
    return italic || quoted > 0 || straight;
}

tracuu_entity_t *
tracuu_extract__push (tracuu_status_t *rc, tracuu_entities_t *out,
                      const tracuu_text_t *text, tracuu_entity_kind_t kind,
                      size_t start, size_t end, uint32_t flags,
                      int64_t number, int32_t from, int32_t to,
                      const char *value, const char *extra)
{
    tracuu_entity_t e;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    memset (&e, 0, sizeof e);
    e.kind = kind;
    e.flags = flags;
    if (in_headline (text, start))
        e.flags |= TRACUU_ENTITY_HEADLINE;
    e.start = start;
    e.end = end;
    e.line = tracuu_text_line_at (text, start);
    e.number = number;
    e.from = from;
    e.to = to;
    e.value = (char *) value;
    e.extra = (char *) extra;
    return tracuu_entities_push (rc, out, &e);
}

int
tracuu_extract__unaccented (const tracuu_text_t *text)
{
    size_t words = 0, accented = 0;

    for (size_t i = 0; text != NULL && i < text->n_tokens && words < 2000;
         i++) {
        const tracuu_token_t *t = &text->tokens[i];

        if (t->flags & (TRACUU_TOKEN_NUMBER | TRACUU_TOKEN_COMPOUND))
            continue;
        words++;
        accented += (t->flags & TRACUU_TOKEN_ACCENTED) != 0;
    }
    return words >= 30 && accented * 20 < words;
}
