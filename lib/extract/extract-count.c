/*
 * Counts: a number written in digits followed by a counted noun ("149
 * cuộc thanh tra, kiểm tra", "98 đối tượng", "72 số thuê bao").
 *
 * The counted nouns are a small vocabulary of the genre, kept as data
 * (data/lexicon/counted-nouns.txt, exact forms); the longest one
 * matching after the number wins. The
 * noun phrase extends over coordinated nouns joined by a comma, "và" or
 * "hoặc" ("21 tổ chức, cá nhân", "100 tin, bài, phóng sự"), where the
 * second noun may drop the classifier ("cuộc thanh tra, kiểm tra").
 *
 * Not counts: a number after "năm", "Điều", "khoản", "mục", "số"...
 * (years, legal and section numbers), a number joined to another by
 * '/', '-' or '.' (dates, codes, ranges such as "03-04 lần"), decimals,
 * and numbers in words. "gần", "khoảng", "hơn", "trên" before the
 * number set APPROXIMATE. number is the count, value its digits, extra
 * the counted noun phrase as written, lower-cased.
 */
#include <stdio.h>
#include <string.h>

#include "extract/extract-private.h"

#define MAX_COORDINATED 4       /* Nouns joined in one phrase. */

static int
is (const tracuu_text_t *text, size_t i, const char *exact)
{
    return tracuu_extract__is (text, i, exact);
}

/* Token 'i' is a word of counted-nouns.txt tagged 'tag', as a phrase of
 * 'n' tokens with only blanks between them; returns n or 0. */
static size_t
tagged_at (const tracuu_text_t *text, size_t i, const char *tag)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const tracuu_lexicon_t *lex = tracuu_lexicon__counted_nouns (&rc);
    size_t end = i;

    /* Up to the first gap that is not blank ("tin, bài" is a list of two
     * nouns, not the noun "tin bài"). */
    while (end < text->n_tokens && (end == i || tracuu_extract__gap_blank (text, end - 1)))
        end++;
    return tracuu_lexicon__match_tagged (lex, text, i, end, tag, NULL);
}

/* Longest counted noun at token 'i'; 'tails' also accepts an entry
 * without its first word when two or more words remain. */
static size_t
noun_at (const tracuu_text_t *text, size_t i, int tails)
{
    size_t best = tagged_at (text, i, "noun"), n;

    if (tails && (n = tagged_at (text, i, "tail")) > best)
        best = n;
    return best;
}

/* Extend a noun phrase ending at token 'last' over coordinated nouns;
 * returns the new last token. */
static size_t
coordinated (const tracuu_text_t *text, size_t last)
{
    for (int k = 0; k < MAX_COORDINATED; k++) {
        size_t next = last + 1, n;

        if (tracuu_extract__gap_is (text, last, ",")) {
            /* "tổ chức, cá nhân" */
        } else if (tracuu_extract__gap_blank (text, last)
                   && (is (text, next, "và") || is (text, next, "hoặc"))
                   && tracuu_extract__gap_blank (text, next)) {
            next++;
        } else {
            break;
        }
        if (next >= text->n_tokens
            || text->tokens[next].line != text->tokens[last].line
            || (n = noun_at (text, next, 1)) == 0)
            break;
        last = next + n - 1;
    }
    return last;
}

/* The number token 'i' stands alone: not part of a date, code, range,
 * decimal or label. */
static int
plain_number (const tracuu_text_t *text, size_t i, int64_t *value)
{
    const tracuu_token_t *t = &text->tokens[i];
    tracuu_extract_number_t num;

    if (!(t->flags & TRACUU_TOKEN_NUMBER) || (t->flags & TRACUU_TOKEN_FOOTNOTE))
        return 0;
    if (tracuu_extract__parse_number (text->text + t->start, t->end - t->start,
                                      &num) != t->end - t->start
        || num.frac_digits > 0)
        return 0;
    if (!tracuu_extract__gap_blank (text, i))
        return 0;
    /* "(14 tổ chức", ", 07 cá nhân", "đó: 02 cơ sở" are fine; "03-04",
     * "1/2", "17:01" not. */
    if (t->start > 0 && strchr ("/-.:%,", text->text[t->start - 1]) != NULL)
        return 0;
    if (i > 0 && tracuu_extract__gap_blank (text, i - 1)
        && tagged_at (text, i - 1, "label") == 1
        && !(is (text, i - 1, "số") && is (text, i - 2, "tổng")))
        return 0;
    *value = num.integer;
    return 1;
}

/* The noun phrase of tokens [first, last] as written, lower-cased, with
 * blanks collapsed. */
static void
phrase (const tracuu_text_t *text, size_t first, size_t last, char *buf,
        size_t size)
{
    size_t len = 0;

    buf[0] = '\0';
    for (size_t k = first; k <= last; k++) {
        const tracuu_token_t *t = &text->tokens[k];
        int n;

        if (k > first) {
            size_t glen;
            const char *g = tracuu_extract__gap (text, k - 1, &glen);
            int comma = memchr (g, ',', glen) != NULL;

            n = snprintf (buf + len, size - len, "%s ", comma ? "," : "");
            if (n < 0 || (size_t) n >= size - len)
                return;
            len += (size_t) n;
        }
        n = snprintf (buf + len, size - len, "%s", t->exact);
        if (n < 0 || (size_t) n >= size - len) {
            buf[len] = '\0';
            return;
        }
        len += (size_t) n;
    }
}

void
tracuu_extract__counts (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc)
{
    if (*rc != TRACUU_STATUS_OK || text == NULL
        || tracuu_lexicon__counted_nouns (rc) == NULL)
        return;
    for (size_t i = 0; i + 1 < text->n_tokens && *rc == TRACUU_STATUS_OK; i++) {
        int64_t count;
        size_t n, last, first = i;
        uint32_t flags = 0;
        char value[24], extra[256];

        if (!plain_number (text, i, &count)
            || (n = noun_at (text, i + 1, 0)) == 0)
            continue;
        last = coordinated (text, i + n);
        if (i > 0 && tracuu_extract__gap_blank (text, i - 1)
            && tagged_at (text, i - 1, "approx") == 1) {
            flags |= TRACUU_ENTITY_APPROXIMATE;
            first = i - 1;
        }
        snprintf (value, sizeof value, "%lld", (long long) count);
        phrase (text, i + 1, last, extra, sizeof extra);
        tracuu_extract__push (rc, out, text, TRACUU_ENTITY_COUNT,
                              text->tokens[first].start, text->tokens[last].end,
                              flags, count, 0, 0, value, extra);
        i = last;
    }
}
