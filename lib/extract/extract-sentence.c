/* Sentence and clause splitting of report text. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract-private.h"
#include "util/util-private.h"

/* Words that end in '.' without ending a sentence ("TP. Long Xuyên"). */

typedef struct splitter {
    const tracuu_text_t *text;
    tracuu_clause_t *items;
    size_t count;
    size_t alloc;
    size_t sentence;          /* Index of the current sentence. */
    int sentence_used;        /* It has at least one clause. */
    tracuu_status_t status;
} splitter_t;

/* First token starting at or after 'offset'. */
static size_t
token_at (const tracuu_text_t *text, size_t offset)
{
    size_t lo = 0, hi = text->n_tokens;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (text->tokens[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int
is_trim_byte (char c)
{
    return c == ' ' || c == '\t' || c == '-' || c == '*' || c == '+'
        || c == '\r';
}

static int
in_headline (const char *s, size_t line_start, size_t line_end, size_t pos);

/* Emit the clause [start, end) of the line [line_start, line_end). */
static void
emit (splitter_t *sp, size_t line_start, size_t line_end, size_t start,
      size_t end, uint32_t flags, int footnote)
{
    const tracuu_text_t *text = sp->text;
    tracuu_clause_t *c;
    size_t tok, tok_end;

    if (sp->status)
        return;
    while (start < end && is_trim_byte (text->text[start]))
        start++;
    while (end > start && is_trim_byte (text->text[end - 1]))
        end--;
    tok = token_at (text, start);
    tok_end = tok;
    while (tok_end < text->n_tokens && text->tokens[tok_end].end <= end)
        tok_end++;
    if (tok_end == tok)
        return;
    if (sp->count == sp->alloc) {
        tracuu_clause_t *items = tracuu_array__grow (&sp->status, sp->items,
                                                     &sp->alloc, sp->count + 1,
                                                     sizeof *items);

        if (items == NULL)
            return;
        sp->items = items;
    }
    c = &sp->items[sp->count++];
    c->start = start;
    c->end = end;
    c->tok = tok;
    c->tok_end = tok_end;
    c->line = text->tokens[tok].line;
    c->sentence = sp->sentence;
    c->flags = flags;
    if (in_headline (text->text, line_start, line_end, text->tokens[tok].start))
        c->flags |= TRACUU_CLAUSE_HEADLINE;
    c->footnote = footnote;
    sp->sentence_used = 1;
}

static void
end_sentence (splitter_t *sp)
{
    if (sp->sentence_used)
        sp->sentence++;
    sp->sentence_used = 0;
}

/* s[0..n) is a person's initials: two letters or more, each one
 * letter (a Vietnamese capital may take several bytes) and a '.'
 * between them ("D.T.T", "P.H.Đ"). */
static int
initials (const char *s, size_t n)
{
    size_t i = 0, letters = 0;

    while (i < n) {
        size_t len = (unsigned char) s[i] < 0x80 ? 1
                     : ((unsigned char) s[i] & 0xE0) == 0xC0 ? 2 : 3;

        if (len == 1 && !isupper ((unsigned char) s[i]))
            return 0;
        if (len > 1 && (i + len > n))
            return 0;
        i += len;
        letters++;
        if (i == n)
            break;
        if (s[i] != '.')
            return 0;
        i++;
    }
    return letters >= 2 && i == n;
}

/* The word just before s[i] (letters, digits, '.', '/'), lower-cased,
 * is an abbreviation, a single letter, or a list number alone at the
 * start of its line ("1.", "II.", "1.2."). */
static int
dot_is_not_an_end (const char *s, size_t line_start, size_t i)
{
    size_t w = i;
    char word[16];
    size_t n;

    while (w > line_start && (isalnum ((unsigned char) s[w - 1])
                              || s[w - 1] == '.' || s[w - 1] == '/'
                              || (unsigned char) s[w - 1] >= 0x80))
        w--;
    n = i - w;
    if (n == 0)
        return 0;
    if (n == 1 && isalpha ((unsigned char) s[w]))
        return 1;               /* An initial: "Nguyễn V. A". */
    if (initials (s + w, n)) {
        /* "chị D.T.T. (trú tại ...)", "anh N.V.A. và ...". */
        size_t k = i + 1;

        while (s[k] == ' ')
            k++;
        if (s[k] == '(' || s[k] == ',' || islower ((unsigned char) s[k]))
            return 1;
    }
    if (n < sizeof word) {
        int all_digits_or_roman = 1;
        size_t k;
        tracuu_status_t rc = TRACUU_STATUS_OK;

        memcpy (word, s + w, n);
        word[n] = '\0';

        if (tracuu_lexicon__text_tagged (tracuu_lexicon__name_words (&rc),
                                         word, n, "abbreviation"))
            return 1;
        for (k = 0; k < n; k++)
            if (!isdigit ((unsigned char) word[k]) && word[k] != '.'
                && !strchr ("IVXivx", word[k]))
                all_digits_or_roman = 0;
        if (all_digits_or_roman) {
            size_t b = line_start;

            while (b < w && (s[b] == ' ' || s[b] == '\t' || s[b] == '-'))
                b++;
            if (b == w)
                return 1;       /* "1. Kết quả", "II. Phương hướng". */
        }
    }
    return 0;
}

/* Byte ranges of the headline spans of one line: *italics* (single
 * stars) and “curly quotes”. Returns non-zero if 'pos' is inside one. */
static int
in_headline (const char *s, size_t line_start, size_t line_end, size_t pos)
{
    int italic = 0, quote = 0;

    for (size_t i = line_start; i < pos && i < line_end; i++) {
        if (s[i] == '*') {
            if (i + 1 < line_end && s[i + 1] == '*') {
                i++;            /* "**" is bold, not a headline. */
                continue;
            }
            italic = !italic;
        } else if (i + 3 <= line_end && memcmp (s + i, "\xe2\x80\x9c", 3) == 0) {
            quote = 1;
        } else if (i + 3 <= line_end && memcmp (s + i, "\xe2\x80\x9d", 3) == 0) {
            quote = 0;
        }
    }
    return italic || quote;
}

/* The number of the footnote whose text starts this line ("² Tiêu
 * biểu..."), or 0. */
static int
footnote_line (const tracuu_text_t *text, size_t line_start, size_t line_end)
{
    size_t t = token_at (text, line_start);
    size_t k;

    if (t >= text->n_tokens || text->tokens[t].start >= line_end
        || !(text->tokens[t].flags & TRACUU_TOKEN_FOOTNOTE))
        return 0;
    for (k = line_start; k < text->tokens[t].start; k++) {
        unsigned char c = (unsigned char) text->text[k];

        /* Blanks and the superscript parenthesis "⁽" (E2 81 BD). */
        if (c != ' ' && c != '\t' && c != 0xE2 && c != 0x81 && c != 0xBD)
            return 0;
    }
    return atoi (text->tokens[t].exact);
}

static void
split_line (splitter_t *sp, size_t line_start, size_t line_end)
{
    const char *s = sp->text->text;
    uint32_t base = 0;
    int footnote = footnote_line (sp->text, line_start, line_end);
    int tabs = 0, depth = 0;
    size_t start = line_start;

    for (size_t i = line_start; i < line_end; i++)
        tabs += s[i] == '\t';
    if (tabs >= 2)
        base |= TRACUU_CLAUSE_TABLE;
    if (footnote)
        base |= TRACUU_CLAUSE_FOOTNOTE;
    for (size_t i = line_start; i < line_end; i++) {
        char c = s[i];
        int clause_end = 0, sentence_end = 0;

        if (c == '(' && memchr (s + i, ')', line_end - i) != NULL)
            depth++;
        else if (c == ')' && depth > 0)
            depth--;
        if (depth > 0)
            continue;
        if (c == ';') {
            clause_end = 1;
        } else if (c == ':') {
            clause_end = !(i > line_start && isdigit ((unsigned char) s[i - 1])
                           && i + 1 < line_end
                           && isdigit ((unsigned char) s[i + 1]));
        } else if (c == '.' || c == '!' || c == '?') {
            size_t j = i;

            while (j + 1 < line_end && s[j + 1] == c)
                j++;            /* "..." ends once. */
            if (j + 1 < line_end && s[j + 1] == '[') {
                /* A citation mark glued to the full stop: "năm 2019.[12]
                 * Do đó ..." ends the sentence; the mark is in none. */
                size_t k = j + 2;

                while (k < line_end && isdigit ((unsigned char) s[k]))
                    k++;
                if (k > j + 2 && k < line_end && s[k] == ']'
                    && (k + 1 == line_end || isspace ((unsigned char) s[k + 1]))) {
                    emit (sp, line_start, line_end, start, j, base, footnote);
                    end_sentence (sp);
                    start = k + 1;
                    i = k;
                    continue;
                }
            }
            if (j + 1 < line_end && !isspace ((unsigned char) s[j + 1])
                && s[j + 1] != '*' && s[j + 1] != '/' && s[j + 1] != '"'
                && (unsigned char) s[j + 1] != 0xE2)
                continue;       /* "20.000.000", "TP.HCM", "v.v". */
            if (c == '.' && j == i && dot_is_not_an_end (s, line_start, i))
                continue;
            i = j;
            clause_end = sentence_end = 1;
        }
        if (clause_end) {
            emit (sp, line_start, line_end, start, i, base, footnote);
            start = i + 1;
            if (sentence_end)
                end_sentence (sp);
        }
    }
    emit (sp, line_start, line_end, start, line_end, base, footnote);
    end_sentence (sp);
}

tracuu_status_t
tracuu_extract__clauses (const tracuu_text_t *text, tracuu_clause_t **out,
                         size_t *n_out)
{
    splitter_t sp = { text, NULL, 0, 0, 0, 0, TRACUU_STATUS_OK };
    size_t line_start = 0;

    *out = NULL;
    *n_out = 0;
    while (line_start < text->len && sp.status == TRACUU_STATUS_OK) {
        const char *nl = memchr (text->text + line_start, '\n',
                                 text->len - line_start);
        size_t line_end = nl ? (size_t) (nl - text->text) : text->len;

        split_line (&sp, line_start, line_end);
        line_start = line_end + 1;
    }
    if (sp.status) {
        free (sp.items);
        return sp.status;
    }
    *out = sp.items;
    *n_out = sp.count;
    return TRACUU_STATUS_OK;
}
