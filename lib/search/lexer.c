/* The lexer of the query language (see search-private.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search/search-private.h"
#include "util/util-private.h"

typedef struct scanner {
    const char *s;
    size_t len;
    size_t pos;
    int depth;
    tracuu_lex_t *out;
    size_t alloc;
    tracuu_status_t rc;
} scanner_t;

static int
is_blank (char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
           || c == '\v';
}

static int
is_name_char (char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static void
push (scanner_t *sc, tracuu_lex_token_t t)
{
    if (sc->rc)
        return;
    if (sc->out->n == sc->alloc) {
        tracuu_lex_token_t *more = tracuu_array__grow (&sc->rc, sc->out->tokens,
                                                       &sc->alloc,
                                                       sc->out->n + 1,
                                                       sizeof *more);

        if (more == NULL)
            return;
        sc->out->tokens = more;
    }
    if (t.kind != TRACUU_LEX_PHRASE && t.kind != TRACUU_LEX_FIELD) {
        t.text_start = t.start;
        t.text_end = t.end;
    }
    t.depth = t.kind == TRACUU_LEX_CLOSE ? sc->depth : t.depth;
    sc->out->tokens[sc->out->n++] = t;
}

/* Length of the bare word at 'pos' (up to a blank, quote or paren). */
static size_t
word_len (const scanner_t *sc, size_t pos)
{
    size_t i = pos;

    while (i < sc->len && !is_blank (sc->s[i]) && sc->s[i] != '"'
           && sc->s[i] != '(' && sc->s[i] != ')')
        i++;
    return i - pos;
}

/* Is the word [pos, pos + n) a field? Fills 't' and returns the end of
 * the field (past a closing quote), or 0. */
static size_t
scan_field (const scanner_t *sc, size_t pos, size_t n, tracuu_lex_token_t *t)
{
    size_t colon = pos, vend;
    const char *dots;

    while (colon < pos + n && is_name_char (sc->s[colon]))
        colon++;
    if (colon == pos || colon == pos + n || sc->s[colon] != ':')
        return 0;
    t->name_end = colon;
    t->text_start = colon + 1;
    if (colon + 1 < pos + n) {
        if (sc->s[colon + 1] == '/')
            return 0;           /* "https://...". */
        vend = pos + n;
    } else {
        if (pos + n >= sc->len || sc->s[pos + n] != '"')
            return 0;           /* "note:" followed by a blank. */
        t->quoted = 1;
        t->text_start = pos + n + 1;
        vend = t->text_start;
        while (vend < sc->len && sc->s[vend] != '"')
            vend++;
    }
    t->text_end = vend;
    dots = t->text_end - t->text_start >= 2
           ? memmem (sc->s + t->text_start, t->text_end - t->text_start, "..", 2)
           : NULL;
    t->range = dots ? (size_t) (dots - sc->s) : SIZE_MAX;
    if (t->quoted)
        return vend < sc->len ? vend + 1 : vend;   /* Past the quote. */
    return vend;
}

static int
is_keyword (const scanner_t *sc, size_t pos, size_t n, const char *kw)
{
    return n == strlen (kw) && memcmp (sc->s + pos, kw, n) == 0;
}

/* One token at sc->pos (not a blank); 'glued' says whether it touches
 * the token before; 'signs' whether a '-' or '+' may start it. */
static void
scan_one (scanner_t *sc, int glued, int signs)
{
    tracuu_lex_token_t t = { TRACUU_LEX_WORD, sc->pos, 0, 0, 0, 0, SIZE_MAX,
                             0, glued, sc->depth };
    char c = sc->s[sc->pos];
    size_t n, end;

    if (c == '(') {
        t.kind = TRACUU_LEX_OPEN;
        t.end = ++sc->pos;
        sc->depth++;
    } else if (c == ')') {
        t.kind = TRACUU_LEX_CLOSE;
        sc->depth -= sc->depth > 0;
        t.end = ++sc->pos;
    } else if (c == '"') {
        const char *q = memchr (sc->s + sc->pos + 1, '"', sc->len - sc->pos - 1);

        t.kind = TRACUU_LEX_PHRASE;
        t.text_start = sc->pos + 1;
        t.text_end = q ? (size_t) (q - sc->s) : sc->len;
        t.end = sc->pos = q ? t.text_end + 1 : sc->len;
    } else {
        n = word_len (sc, sc->pos);
        /* A sign touches what it applies to: "Bà Rịa - Vũng Tàu" and a
         * '-' alone are words. */
        if (signs && (c == '-' || c == '+') && sc->pos + 1 < sc->len
            && !is_blank (sc->s[sc->pos + 1])) {
            t.kind = c == '-' ? TRACUU_LEX_MINUS : TRACUU_LEX_PLUS;
            t.end = ++sc->pos;
            push (sc, t);
            if (n > 1)
                scan_one (sc, 1, 0);
            return;
        }
        if (is_keyword (sc, sc->pos, n, "OR"))
            t.kind = TRACUU_LEX_OR;
        else if (is_keyword (sc, sc->pos, n, "AND"))
            t.kind = TRACUU_LEX_AND;
        else if (is_keyword (sc, sc->pos, n, "NOT"))
            t.kind = TRACUU_LEX_NOT;
        else if (memmem (sc->s + sc->pos, n, "://", 3) == NULL
                 && (end = scan_field (sc, sc->pos, n, &t)) != 0) {
            t.kind = TRACUU_LEX_FIELD;
            n = end - sc->pos;
        }
        sc->pos += n;
        t.end = sc->pos;
    }
    push (sc, t);
}

tracuu_status_t
tracuu_lex__scan (const char *s, size_t len, tracuu_lex_t *out)
{
    scanner_t sc = { s, len, 0, 0, out, 0, TRACUU_STATUS_OK };

    out->tokens = NULL;
    out->n = 0;
    if (s == NULL)
        return TRACUU_STATUS_OK;
    while (!sc.rc) {
        size_t before = sc.pos;

        while (sc.pos < len && is_blank (s[sc.pos]))
            sc.pos++;
        if (sc.pos >= len)
            break;
        scan_one (&sc, sc.pos == before && out->n > 0, 1);
    }
    if (sc.rc)
        tracuu_lex__dispose (out);
    return sc.rc;
}

void
tracuu_lex__dispose (tracuu_lex_t *lex)
{
    if (lex == NULL)
        return;
    free (lex->tokens);
    lex->tokens = NULL;
    lex->n = 0;
}

int
tracuu_lex__is_operand (const tracuu_lex_t *lex, size_t k)
{
    tracuu_lex_kind_t before;

    if (k == 0 || k >= lex->n)
        return 0;
    before = lex->tokens[k - 1].kind;
    return before == TRACUU_LEX_NOT || before == TRACUU_LEX_MINUS
           || before == TRACUU_LEX_PLUS;
}
