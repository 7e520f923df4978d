/*
 * References to other documents, and this document's own number.
 *
 * REFERENCE: a kind of document ("Nghị định", "Thông tư", "Quyết định",
 * "Kế hoạch", "Công văn", "Văn bản"...; any case), then "số" and a code
 * ("91/2020/NĐ-CP", "48-CT/TW", "1257"), or the code right after the
 * kind when it holds a '/' or '-' ("Nghị định 91/2020/NĐ-CP"), then
 * optionally ", ngày 14/8/2020" (from = to = that day). The code is
 * rebuilt from the text without blanks and in its own case ("180 /BC
 * -STTTT" -> "180/BC-STTTT"): tokens joined by '/', '-' or '–', each a
 * number or holding a capital, or glued to the one before. extra is the
 * kind in lower case. Named laws without a number ("Luật An ninh mạng")
 * are left out. A blank number ("Báo cáo số /BC-STTTT") gives the value
 * "/BC-STTTT", unless it is the document's own blank number.
 *
 * DOCNUMBER: a line starting with "Số:" (anywhere), or with "Số" and a
 * code holding a '/' in the first lines of the header, gives the
 * document's number; only the first one counts. A number left blank in
 * a template ("Số: /BC-STTTT") gives the value "" and extra "BC-STTTT".
 */
#include <string.h>

#include "extract/extract-private.h"

#define HEADER_LINES 15         /* Where "Số 12/BC-X" without ':' counts. */
#define MAX_CODE 128

static int
is (const tracuu_text_t *text, size_t i, const char *exact)
{
    return tracuu_extract__is (text, i, exact);
}

/* The non-blank characters of the gap after token 'i', if they are a
 * single code joiner; 0 otherwise. Blanks on both sides of a dash make
 * it a phrase dash ("Phát thanh - Truyền hình"), not a joiner. */
static const char *
joiner (const tracuu_text_t *text, size_t i, int *spaced)
{
    size_t len;
    const char *g = tracuu_extract__gap (text, i, &len);

    *spaced = len > 1;
    if (tracuu_extract__gap_is (text, i, "/"))
        return "/";
    if (tracuu_extract__gap_is (text, i, "-")) {
        *spaced = len >= 3 && g[0] == ' ' && g[len - 1] == ' ';
        return "-";
    }
    if (tracuu_extract__gap_is (text, i, "\xe2\x80\x93")) {
        *spaced = len >= 5 && g[0] == ' ' && g[len - 1] == ' ';
        return "-";
    }
    return NULL;
}

static int
code_token (const tracuu_text_t *text, size_t i, int spaced)
{
    const tracuu_token_t *t = &text->tokens[i];

    if (t->flags & TRACUU_TOKEN_FOOTNOTE)
        return 0;
    if (t->flags & (TRACUU_TOKEN_NUMBER | TRACUU_TOKEN_ALLCAPS))
        return 1;
    return !spaced && (t->flags & TRACUU_TOKEN_CAPITAL);
}

/* Append 'n' bytes of 's' to buf (size MAX_CODE); 0 if it is full. */
static int
append (char *buf, size_t *len, const char *s, size_t n)
{
    if (*len + n + 1 > MAX_CODE)
        return 0;
    memcpy (buf + *len, s, n);
    *len += n;
    buf[*len] = '\0';
    return 1;
}

/* Read a code whose first token is 'j'; 'blank' when the number before
 * it was left blank (the code then starts with '/'). Returns the last
 * token, or SIZE_MAX when there is no code. *has_joiner tells whether
 * it holds a '/' or '-'. */
static size_t
read_code (const tracuu_text_t *text, size_t j, int blank, char *buf,
           int *has_joiner)
{
    size_t len = 0, k = j;
    const tracuu_token_t *t;

    buf[0] = '\0';
    *has_joiner = blank;
    if (j >= text->n_tokens)
        return SIZE_MAX;
    t = &text->tokens[j];
    if (blank ? !code_token (text, j, 0) : !(t->flags & TRACUU_TOKEN_NUMBER)
        || (t->flags & TRACUU_TOKEN_FOOTNOTE))
        return SIZE_MAX;
    if (blank)
        append (buf, &len, "/", 1);
    append (buf, &len, text->text + t->start, t->end - t->start);
    for (;;) {
        int spaced;
        const char *sep = joiner (text, k, &spaced);

        if (sep == NULL || k + 1 >= text->n_tokens
            || text->tokens[k + 1].line != t->line
            || !code_token (text, k + 1, spaced))
            break;
        /* "số 87/KH-BCĐ389 ngày 09/12/2022" ends before the date; so
         * does a spaced dash before a number ("12/BC - 2024"). */
        if (spaced && (text->tokens[k + 1].flags & TRACUU_TOKEN_NUMBER))
            break;
        k++;
        if (!append (buf, &len, sep, 1)
            || !append (buf, &len, text->text + text->tokens[k].start,
                        text->tokens[k].end - text->tokens[k].start))
            return SIZE_MAX;
        *has_joiner = 1;
    }
    return k;
}

/* A "số" at token 'i' followed by a code (blank or not): the code's
 * first token and whether the number was blank, or SIZE_MAX. */
static size_t
after_so (const tracuu_text_t *text, size_t i, int *blank)
{
    size_t len, k = 0;
    const char *g;

    *blank = 0;
    if (!is (text, i, "số") || i + 1 >= text->n_tokens)
        return SIZE_MAX;
    if (tracuu_extract__gap_blank (text, i)
        || tracuu_extract__gap_is (text, i, ":"))
        return i + 1;
    /* A blank number: "Số: /BC-X", "Số:....../BC-X", "Số: …/BC-X". */
    g = tracuu_extract__gap (text, i, &len);
    while (k < len && g[k] != '/' && g[k] != '\n'
           && (strchr (" \t:._", g[k]) != NULL || (unsigned char) g[k] >= 0x80))
        k++;
    if (k + 1 < len || k >= len || g[k] != '/')
        return SIZE_MAX;
    *blank = 1;
    return i + 1;
}

/* The document's own number; returns its blank code in 'own' (or ""). */
static void
docnumber (const tracuu_text_t *text, tracuu_entities_t *out,
           tracuu_status_t *rc, char *own)
{
    own[0] = '\0';
    for (size_t i = 0; i < text->n_tokens; i++) {
        char code[MAX_CODE];
        int blank, joined, colon = tracuu_extract__gap_is (text, i, ":")
                                   || tracuu_extract__gap_is (text, i, ":/");
        size_t j, last;

        if (!is (text, i, "số") || !tracuu_extract__starts_line (text, i))
            continue;
        if (!colon && text->tokens[i].line > HEADER_LINES)
            continue;
        if ((j = after_so (text, i, &blank)) == SIZE_MAX
            || (last = read_code (text, j, blank, code, &joined)) == SIZE_MAX
            || (!colon && !joined))
            continue;
        if (blank) {
            strcpy (own, code);
            tracuu_extract__push (rc, out, text, TRACUU_ENTITY_DOCNUMBER,
                                  text->tokens[i].start, text->tokens[last].end,
                                  0, 0, 0, 0, "", code + 1);
        } else {
            tracuu_extract__push (rc, out, text, TRACUU_ENTITY_DOCNUMBER,
                                  text->tokens[j].start, text->tokens[last].end,
                                  0, 0, 0, 0, code, NULL);
        }
        return;
    }
}

/* The kind of document at token 'i': its length in tokens and name. */
static size_t
kind_at (const tracuu_text_t *text, size_t i, const char **name)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const tracuu_lexicon_t *lex = tracuu_lexicon__document_kinds (&rc);
    size_t label = 0, end = i, n, most = i + tracuu_lexicon__max_words (lex);

    /* Words with only blanks between them. */
    while (end < text->n_tokens && end < most
           && (end == i || tracuu_extract__gap_blank (text, end - 1)))
        end++;
    n = tracuu_lexicon__match (lex, text, i, end, &label);
    if (n > 0)
        *name = tracuu_lexicon__label (lex, label);
    return n;
}

void
tracuu_extract__references (const tracuu_text_t *text,
                            tracuu_entities_t *out, tracuu_status_t *rc)
{
    char own[MAX_CODE];

    if (*rc != TRACUU_STATUS_OK || text == NULL
        || tracuu_lexicon__document_kinds (rc) == NULL)
        return;
    docnumber (text, out, rc, own);
    for (size_t i = 0; i < text->n_tokens && *rc == TRACUU_STATUS_OK; i++) {
        char code[MAX_CODE];
        const char *name = NULL;
        size_t n = kind_at (text, i, &name), j, last, end, d;
        int blank = 0, joined, with_so = 0;
        int32_t ymd = 0;

        if (n == 0 || !tracuu_extract__gap_blank (text, i + n - 1))
            continue;
        j = after_so (text, i + n, &blank);
        if (j != SIZE_MAX)
            with_so = 1;
        else
            j = i + n;
        if ((last = read_code (text, j, blank, code, &joined)) == SIZE_MAX
            || (!with_so && !joined))
            continue;
        if (blank && strcmp (code, own) == 0)
            continue;           /* The document citing itself. */
        end = last;
        if ((tracuu_extract__gap_blank (text, last)
             || tracuu_extract__gap_is (text, last, ","))
            && is (text, last + 1, "ngày")
            && (d = tracuu_extract__date_at (text, last + 1, &ymd)) > 0)
            end = last + d;
        tracuu_extract__push (rc, out, text, TRACUU_ENTITY_REFERENCE,
                              text->tokens[i].start, text->tokens[end].end,
                              0, 0, ymd, ymd, code, name);
        i = end;
    }
}
