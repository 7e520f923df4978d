/*
 * Snippets: the line with the most distinct query terms (then the most
 * matches; the earliest on a tie), cut around its matches at syllable
 * boundaries, with the matched syllables as spans. A search by filters
 * alone looks for the filters' values instead (the person, the account,
 * the number, the year), so that its passage says why the report
 * matched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/question.h"
#include "search/search-private.h"

static int
same (const tracuu_token_t *tok, const char *word)
{
    return strlen (word) == tok->folded_len
           && memcmp (word, tok->folded, tok->folded_len) == 0;
}

/* match[i] = the unit whose occurrence covers token i, or -1. A phrase
 * marks only whole occurrences of its words in order (footnote marks
 * between them are passed over, as in the index). */
static void
mark_matches (const tracuu_text_t *text, const tracuu_unit_t *units,
              size_t n_units, const size_t *words, size_t n_words, int *match)
{
    for (size_t i = 0; i < text->n_tokens; i++)
        match[i] = -1;
    for (size_t u = 0; u < n_units; u++) {
        size_t n = units[u].n_words;

        for (size_t w = 0; n > 0 && w + n <= n_words; w++) {
            size_t k = 0;

            while (k < n && same (&text->tokens[words[w + k]], units[u].words[k]))
                k++;
            if (k < n)
                continue;
            for (k = 0; k < n; k++)
                if (match[words[w + k]] < 0)
                    match[words[w + k]] = (int) u;
        }
    }
}

/* The line with the most distinct units, then the most matches. */
static uint32_t
best_line (const tracuu_text_t *text, const int *match, size_t n_units)
{
    uint32_t best = 0;
    long best_score = 0;
    unsigned char *seen = calloc (n_units + 1, 1);
    size_t i = 0;

    if (seen == NULL)
        return 0;
    while (i < text->n_tokens) {
        uint32_t line = text->tokens[i].line;
        long distinct = 0, hits = 0;

        memset (seen, 0, n_units + 1);
        for (; i < text->n_tokens && text->tokens[i].line == line; i++) {
            if (match[i] < 0)
                continue;
            hits++;
            if (!seen[match[i]]) {
                seen[match[i]] = 1;
                distinct++;
            }
        }
        if (distinct * 1000 + hits > best_score) {
            best_score = distinct * 1000 + hits;
            best = line;
        }
    }
    free (seen);
    return best;
}

/* Step back from 'off' to the start of a UTF-8 character. */
static size_t
char_start (const char *s, size_t off)
{
    while (off > 0 && ((unsigned char) s[off] & 0xC0) == 0x80)
        off--;
    return off;
}

tracuu_status_t
tracuu_snippet__make (const tracuu_text_t *text, const tracuu_unit_t *units,
                      size_t n_units, size_t max_bytes, tracuu_snippet_t *out)
{
    int *match;
    size_t *words;
    size_t line_len, from, to, first = (size_t) -1, n = 0, n_words = 0;
    const char *line_text;
    uint32_t line;

    memset (out, 0, sizeof *out);
    match = malloc ((text->n_tokens + 1) * sizeof *match);
    words = calloc (text->n_tokens + 1, sizeof *words);
    if (match == NULL || words == NULL) {
        free (match);
        free (words);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    for (size_t i = 0; i < text->n_tokens; i++)
        if (!(text->tokens[i].flags & TRACUU_TOKEN_FOOTNOTE))
            words[n_words++] = i;
    mark_matches (text, units, n_units, words, n_words, match);
    free (words);
    line = best_line (text, match, n_units);
    if (line == 0)
        line = 1;
    line_text = tracuu_text_line (text, line, &line_len);
    if (line_text == NULL) {
        free (match);
        return TRACUU_STATUS_OK;
    }
    from = (size_t) (line_text - text->text);
    for (size_t i = 0; i < text->n_tokens; i++)
        if (text->tokens[i].line == line && match[i] >= 0) {
            first = text->tokens[i].start;
            break;
        }
    /* Start a little before the first match, at a space. */
    if (first != (size_t) -1 && first > from + max_bytes / 4) {
        size_t s = first - max_bytes / 4;

        while (s < first && text->text[s] != ' ')
            s++;
        from = s < first ? s + 1 : char_start (text->text, first);
    }
    to = from + max_bytes < (size_t) (line_text - text->text) + line_len
             ? from + max_bytes
             : (size_t) (line_text - text->text) + line_len;
    if (to < (size_t) (line_text - text->text) + line_len) {
        size_t s = to;

        while (s > from && text->text[s] != ' ')
            s--;
        to = s > from ? s : char_start (text->text, to);
    }
    out->line = line;
    out->text = strndup (text->text + from, to - from);
    out->spans = malloc (text->n_tokens ? text->n_tokens * sizeof *out->spans : 1);
    if (out->text == NULL || out->spans == NULL) {
        free (match);
        tracuu_snippet__dispose (out);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    for (size_t i = 0; i < text->n_tokens; i++) {
        const tracuu_token_t *t = &text->tokens[i];

        if (match[i] >= 0 && t->start >= from && t->end <= to) {
            out->spans[n].start = t->start - from;
            out->spans[n].end = t->end - from;
            n++;
        }
    }
    out->n_spans = n;
    free (match);
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_snippet__matches (const tracuu_text_t *text, const tracuu_unit_t *units,
                         size_t n_units, size_t **out, size_t *n_out)
{
    int *match = malloc ((text->n_tokens + 1) * sizeof *match);
    size_t *words = calloc (text->n_tokens + 1, sizeof *words);
    size_t n_words = 0, n = 0;

    *out = NULL;
    *n_out = 0;
    if (match == NULL || words == NULL) {
        free (match);
        free (words);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    for (size_t i = 0; i < text->n_tokens; i++)
        if (!(text->tokens[i].flags & TRACUU_TOKEN_FOOTNOTE))
            words[n_words++] = i;
    mark_matches (text, units, n_units, words, n_words, match);
    /* 'words' is reused for the result: never more than the tokens. */
    for (size_t i = 0; i < text->n_tokens; i++)
        if (match[i] >= 0)
            words[n++] = i;
    free (match);
    *out = words;
    *n_out = n;
    return TRACUU_STATUS_OK;
}

void
tracuu_snippet__dispose (tracuu_snippet_t *s)
{
    if (s == NULL)
        return;
    free (s->text);
    free (s->spans);
    memset (s, 0, sizeof *s);
}

/* Is 'w' (len bytes) at 'at' a whole word of 's'? */
static int
whole_word (const char *s, size_t slen, size_t at, size_t len)
{
    unsigned char before = at > 0 ? (unsigned char) s[at - 1] : ' ';
    unsigned char after = at + len < slen ? (unsigned char) s[at + len] : ' ';

    return !(before >= 'a' && before <= 'z') && !(before >= '0' && before <= '9')
           && before < 0x80
           && !(after >= 'a' && after <= 'z') && !(after >= '0' && after <= '9')
           && after < 0x80;
}

/* 'folded' with every run of ASCII punctuation and blanks made one
 * space, as the index sees it: "so: 180 /bc -stttt" is "so 180 bc
 * stttt", so that a phrase matches across the marks between its words
 * as it does in Xapian. Returns the new length; 'out' holds flen bytes. */
static size_t
words_only (const char *folded, size_t flen, char *out)
{
    size_t n = 0;

    for (size_t i = 0; i < flen; i++) {
        unsigned char c = (unsigned char) folded[i];
        int word = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                   || (c >= '0' && c <= '9');

        if (word)
            out[n++] = (char) c;
        else if (n > 0 && out[n - 1] != ' ')
            out[n++] = ' ';
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    return n;
}

/* Occurrences of 'w' as a whole word in line [s, s + len). */
static size_t
count_word (const char *s, size_t len, const char *w, size_t wlen)
{
    size_t n = 0;

    for (const char *p = s; wlen > 0 && p + wlen <= s + len; p++) {
        p = memmem (p, (size_t) (s + len - p), w, wlen);
        if (p == NULL)
            break;
        n += whole_word (s, len, (size_t) (p - s), wlen);
    }
    return n;
}

/* Score of a folded line (punctuation made blanks): distinct words or
 * phrases first, then their occurrences unless 'distinct_only'. A blank
 * line scores -1, so that a report whose first line is empty shows its
 * first line of text when nothing matches. */
static long
line_score (const char *folded, size_t flen, const tracuu_unit_t *units,
            size_t n_units, int distinct_only)
{
    long score = 0;

    if (flen == 0)
        return -1;
    for (size_t u = 0; u < n_units; u++) {
        char phrase[512];
        size_t plen = 0, hits;

        for (size_t k = 0; k < units[u].n_words; k++) {
            size_t wl = strlen (units[u].words[k]);

            if (plen + wl + 1 >= sizeof phrase)
                break;
            if (k > 0)
                phrase[plen++] = ' ';
            memcpy (phrase + plen, units[u].words[k], wl);
            plen += wl;
        }
        plen = words_only (phrase, plen, phrase);
        hits = count_word (folded, flen, phrase, plen);
        if (hits > 0)
            score += 1000 + (distinct_only ? 0 : (long) hits);
    }
    return score;
}

static tracuu_status_t
from_text (const char *text, size_t len, const tracuu_unit_t *units,
           size_t n_units, size_t max_bytes, int distinct_only,
           tracuu_snippet_t *out)
{
    size_t best_start = 0, best_end = 0, best_line = 1, line = 1;
    long best_score = -1;
    tracuu_text_t *t = NULL;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    memset (out, 0, sizeof *out);
    /* Pick the line cheaply, each line folded on its own (folding keeps
     * line ends): only the chosen line is analyzed. */
    for (size_t at = 0; at <= len; line++) {
        const char *nl = memchr (text + at, '\n', len - at);
        size_t end = nl ? (size_t) (nl - text) : len, flen = 0;
        char *folded = NULL;
        long score;

        rc = tracuu_fold (text + at, end - at, TRACUU_FOLD_ASCII, &folded,
                          &flen, NULL);
        if (rc)
            return rc;
        flen = words_only (folded, flen, folded);
        score = line_score (folded, flen, units, n_units, distinct_only);
        free (folded);
        if (score > best_score) {
            best_score = score;
            best_start = at;
            best_end = end;
            best_line = line;
        }
        if (nl == NULL)
            break;
        at = end + 1;
    }
    rc = tracuu_text_analyze (text + best_start, best_end - best_start, &t);
    if (!rc)
        rc = tracuu_snippet__make (t, units, n_units, max_bytes, out);
    if (!rc)
        out->line = (uint32_t) best_line;
    tracuu_text_destroy (t);
    return rc;
}

tracuu_status_t
tracuu_snippet__from_text (const char *text, size_t len,
                           const tracuu_unit_t *units, size_t n_units,
                           size_t max_bytes, tracuu_snippet_t *out)
{
    return from_text (text, len, units, n_units, max_bytes, 0, out);
}

/* Append the analyzed words of 'value' to 'units' as one phrase. */
static tracuu_status_t
add_value (tracuu_unit_t *units, size_t *n, const char *value)
{
    tracuu_text_t *t = NULL;
    tracuu_unit_t *u = &units[*n];
    tracuu_status_t rc = tracuu_text_analyze (value, strlen (value), &t);

    if (rc)
        return rc;
    u->n_words = 0;
    u->words = calloc (t->n_tokens + 1, sizeof *u->words);
    if (u->words == NULL)
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; !rc && i < t->n_tokens; i++) {
        u->words[u->n_words] = strndup (t->tokens[i].folded,
                                        t->tokens[i].folded_len);
        if (u->words[u->n_words] == NULL)
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
        else
            u->n_words++;
    }
    tracuu_text_destroy (t);
    if (u->n_words > 0 || rc)
        (*n)++;                 /* Freed by the caller either way. */
    else
        free (u->words);
    return rc;
}

/* Filters whose value is written in a report as it is typed. */
static int
shown_in_text (const char *field)
{
    static const char *const fields[] = {
        "person", "account", "number", "province", "platform", "agency"
    };

    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (strcmp (field, fields[i]) == 0)
            return 1;
    return 0;
}

/* At most this many years of a period are looked for. */
#define MAX_YEARS 12

tracuu_status_t
tracuu_snippet__from_filters (const char *text, size_t len,
                              const tracuu_question_t *q, size_t max_bytes,
                              tracuu_snippet_t *out)
{
    tracuu_unit_t *units;
    size_t n = 0;
    int from = q->date_from / 10000, to = q->date_to / 10000;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    /* An open end: the year that is given. */
    if (from == 0)
        from = to;
    if (to == 0)
        to = from;
    if (to - from >= MAX_YEARS)
        to = from + MAX_YEARS - 1;
    units = calloc (q->n_filters + MAX_YEARS + 1, sizeof *units);
    if (units == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; !rc && i < q->n_filters; i++)
        if (!q->filters[i].exclude && shown_in_text (q->filters[i].field))
            rc = add_value (units, &n, q->filters[i].value);
    for (int y = from; !rc && y > 0 && y <= to; y++) {
        char year[16];

        snprintf (year, sizeof year, "%d", y);
        rc = add_value (units, &n, year);
    }
    if (!rc)
        rc = from_text (text, len, units, n, max_bytes, 1, out);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < units[i].n_words; k++)
            free (units[i].words[k]);
        free (units[i].words);
    }
    free (units);
    return rc;
}
