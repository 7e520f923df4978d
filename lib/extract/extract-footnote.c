/*
 * Footnotes. A run of superscript digits (a TRACUU_TOKEN_FOOTNOTE token)
 * is the footnote's own text when it starts a line ("¹ Kế hoạch...";
 * the entity spans that line, without FOOTNOTE_REF), and otherwise a
 * mark in running text (FOOTNOTE_REF, spanning the mark and its
 * superscript parentheses, "⁽¹⁾"). A plain "(1)" glued to the word or
 * punctuation before it is a mark too, but only when the document has
 * the footnote text of that number. number is the footnote's number.
 */
#include <stdio.h>
#include <string.h>

#include "extract/extract-private.h"

#define MAX_FOOTNOTE 999
#define SUP_OPEN "\xe2\x81\xbd"         /* U+207D superscript '('. */
#define SUP_CLOSE "\xe2\x81\xbe"        /* U+207E superscript ')'. */

static int
footnote_number (const tracuu_token_t *t)
{
    int n = 0;

    if (t->exact_len == 0 || t->exact_len > 3)
        return 0;
    for (size_t k = 0; k < t->exact_len; k++) {
        if (t->exact[k] < '0' || t->exact[k] > '9')
            return 0;
        n = n * 10 + (t->exact[k] - '0');
    }
    return n;
}

/* Footnote text: from token 'i' to the end of its line. */
static void
push_body (const tracuu_text_t *text, size_t i, int n, tracuu_entities_t *out,
           tracuu_status_t *rc)
{
    const tracuu_token_t *t = &text->tokens[i];
    size_t len, end;
    const char *line = tracuu_text_line (text, t->line, &len);
    char value[12];

    end = line ? (size_t) (line - text->text) + len : t->end;
    while (end > t->end && (text->text[end - 1] == ' '
                            || text->text[end - 1] == '\t'))
        end--;
    snprintf (value, sizeof value, "%d", n);
    tracuu_extract__push (rc, out, text, TRACUU_ENTITY_FOOTNOTE, t->start,
                          end, 0, n, 0, 0, value, NULL);
}

static void
push_mark (const tracuu_text_t *text, size_t start, size_t end, int n,
           tracuu_entities_t *out, tracuu_status_t *rc)
{
    char value[12];

    snprintf (value, sizeof value, "%d", n);
    tracuu_extract__push (rc, out, text, TRACUU_ENTITY_FOOTNOTE, start, end,
                          TRACUU_ENTITY_FOOTNOTE_REF, n, 0, 0, value, NULL);
}

/* "(1)" glued to what precedes it: the number token 'i' and its span. */
static int
plain_mark (const tracuu_text_t *text, size_t i, size_t *start, size_t *end)
{
    const tracuu_token_t *t = &text->tokens[i];
    const char *s = text->text;

    if (t->start < 2 || t->end >= text->len || s[t->start - 1] != '('
        || s[t->end] != ')')
        return 0;
    if (strchr (" \t\n", s[t->start - 2]) != NULL
        || tracuu_extract__starts_line (text, i))
        return 0;
    *start = t->start - 1;
    *end = t->end + 1;
    return 1;
}

void
tracuu_extract__footnotes (const tracuu_text_t *text,
                           tracuu_entities_t *out, tracuu_status_t *rc)
{
    unsigned char has_body[MAX_FOOTNOTE + 1];

    if (*rc != TRACUU_STATUS_OK || text == NULL)
        return;
    memset (has_body, 0, sizeof has_body);
    for (size_t i = 0; i < text->n_tokens; i++) {
        const tracuu_token_t *t = &text->tokens[i];
        int n;

        if ((t->flags & TRACUU_TOKEN_FOOTNOTE) && (n = footnote_number (t)) > 0
            && tracuu_extract__starts_line (text, i))
            has_body[n] = 1;
    }
    for (size_t i = 0; i < text->n_tokens && *rc == TRACUU_STATUS_OK; i++) {
        const tracuu_token_t *t = &text->tokens[i];
        size_t start = t->start, end = t->end;
        int n = footnote_number (t);

        if (n <= 0)
            continue;
        if (t->flags & TRACUU_TOKEN_FOOTNOTE) {
            if (tracuu_extract__starts_line (text, i)) {
                push_body (text, i, n, out, rc);
                continue;
            }
            if (start >= 3 && memcmp (text->text + start - 3, SUP_OPEN, 3) == 0)
                start -= 3;
            if (end + 3 <= text->len
                && memcmp (text->text + end, SUP_CLOSE, 3) == 0)
                end += 3;
            push_mark (text, start, end, n, out, rc);
        } else if (has_body[n] && plain_mark (text, i, &start, &end)) {
            push_mark (text, start, end, n, out, rc);
        }
    }
}
