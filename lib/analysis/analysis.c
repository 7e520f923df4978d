/*
 * Analysis: normalized text -> syllable tokens with exact and folded
 * forms, byte offsets and line numbers.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include "tracuu/analysis.h"
#include "analysis/analysis-private.h"
#include "util/util-private.h"

/* Token strings live in a chain of blocks freed together. */
typedef struct arena_block {
    struct arena_block *next;
    size_t used;
    size_t size;
    char data[];
} arena_block_t;

static char *
arena_alloc (tracuu_status_t *rc, arena_block_t **head, size_t n)
{
    arena_block_t *b = *head;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    if (b == NULL || b->used + n > b->size) {
        size_t size = n > 65536 ? n : 65536;

        b = malloc (sizeof *b + size);
        if (b == NULL) {
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return NULL;
        }
        b->next = *head;
        b->used = 0;
        b->size = size;
        *head = b;
    }
    b->used += n;
    return b->data + b->used - n;
}

static void
arena_free (arena_block_t *b)
{
    while (b != NULL) {
        arena_block_t *next = b->next;

        free (b);
        b = next;
    }
}

/* Walks a UTF-16 buffer forward, tracking the matching UTF-8 offset. */
typedef struct cursor {
    const UChar *u16;
    int32_t i16;
    size_t off8;
} cursor_t;

static size_t
cursor_seek (cursor_t *c, int32_t target)
{
    while (c->i16 < target) {
        UChar u = c->u16[c->i16];

        if (U16_IS_LEAD (u) && c->i16 + 1 < target
            && U16_IS_TRAIL (c->u16[c->i16 + 1])) {
            c->off8 += 4;
            c->i16 += 2;
        } else {
            c->off8 += u < 0x80 ? 1 : u < 0x800 ? 2 : 3;
            c->i16++;
        }
    }
    return c->off8;
}

static int
superscript_digit (int32_t cp)
{
    switch (cp) {
    case 0x2070: return '0';
    case 0x00B9: return '1';
    case 0x00B2: return '2';
    case 0x00B3: return '3';
    default:
        return cp >= 0x2074 && cp <= 0x2079 ? '4' + (cp - 0x2074) : 0;
    }
}

typedef struct builder {
    tracuu_text_t *text;
    size_t alloc;
    arena_block_t *arena;
    int32_t *cps;
    size_t cps_alloc;
} builder_t;

static tracuu_token_t *
push_token (tracuu_status_t *rc, builder_t *b)
{
    tracuu_text_t *t = b->text;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    if (t->n_tokens == b->alloc) {
        /* A report has thousands of tokens: room for 1024 at first. */
        tracuu_token_t *tokens = tracuu_array__grow (rc, t->tokens, &b->alloc,
                                                     b->alloc ? t->n_tokens + 1
                                                              : 1024,
                                                     sizeof *tokens);

        if (tokens == NULL)
            return NULL;
        t->tokens = tokens;
    }
    memset (&t->tokens[t->n_tokens], 0, sizeof t->tokens[0]);
    return &t->tokens[t->n_tokens++];
}

/* Store the code points as UTF-8 in the arena, dropping zeros and, when
 * 'skip_at' is set, a leading '@'. */
static const char *
store (tracuu_status_t *rc, builder_t *b, const int32_t *cps, size_t n,
       int skip_at, size_t *len_out)
{
    char *s = arena_alloc (rc, &b->arena, 4 * n + 1);
    size_t len = 0;

    if (s == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (cps[i] == 0 || (skip_at && i == 0 && cps[i] == '@'))
            continue;
        len += tracuu_utf8__encode (cps[i], s + len);
    }
    s[len] = '\0';
    *len_out = len;
    return s;
}

static void
add_word (tracuu_status_t *rc, builder_t *b, const UChar *u16, int32_t s,
          int32_t e, size_t start, size_t end)
{
    tracuu_token_t *tok;
    size_t n = 0, upper = 0, lower = 0;
    int32_t i = s, cp;
    uint32_t flags = 0;

    if (*rc != TRACUU_STATUS_OK)
        return;
    if ((size_t) (e - s) + 1 > b->cps_alloc) {
        int32_t *cps = tracuu_array__grow (rc, b->cps, &b->cps_alloc,
                                           (size_t) (e - s) + 1, sizeof *cps);

        if (cps == NULL)
            return;
        b->cps = cps;
    }
    while (i < e) {
        U16_NEXT (u16, i, e, cp);
        if (u_isupper (cp))
            upper++;
        else if (u_islower (cp))
            lower++;
        if (n == 0 && upper == 1)
            flags |= TRACUU_TOKEN_CAPITAL;
        if (n > 0 && (cp == '.' || cp == '_' || cp == '@'))
            flags |= TRACUU_TOKEN_COMPOUND;
        b->cps[n++] = cp;
    }
    if (n == 0)
        return;
    if (u_isdigit (b->cps[0]))
        flags |= TRACUU_TOKEN_NUMBER;
    if (upper >= 2 && lower == 0)
        flags |= TRACUU_TOKEN_ALLCAPS;
    tok = push_token (rc, b);
    if (tok == NULL)
        return;
    tracuu_fold__exact (b->cps, n);
    tok->exact = store (rc, b, b->cps, n, 0, &tok->exact_len);
    for (size_t k = 0; k < n; k++)
        b->cps[k] = tracuu_fold__ascii (b->cps[k]);
    tok->folded = store (rc, b, b->cps, n, 1, &tok->folded_len);
    if (*rc != TRACUU_STATUS_OK)
        return;
    if (tok->folded_len == 0) {  /* A lone "@": keep it findable as is. */
        tok->folded = tok->exact;
        tok->folded_len = tok->exact_len;
    }
    if (tok->exact_len != tok->folded_len
        || memcmp (tok->exact, tok->folded, tok->exact_len) != 0)
        flags |= TRACUU_TOKEN_ACCENTED;
    tok->start = start;
    tok->end = end;
    tok->flags = flags;
}

/* Superscript digits in a non-word segment become footnote tokens,
 * merged with a footnote token that ends where this one starts. */
static void
add_superscripts (tracuu_status_t *rc, builder_t *b, const UChar *u16,
                  int32_t s, int32_t e, cursor_t *cur)
{
    int32_t i = s, cp;

    while (i < e && *rc == TRACUU_STATUS_OK) {
        int32_t at = i;
        int digit;
        tracuu_text_t *t = b->text;
        tracuu_token_t *prev = t->n_tokens ? &t->tokens[t->n_tokens - 1] : NULL;
        size_t start, end;
        char *s8;

        U16_NEXT (u16, i, e, cp);
        digit = superscript_digit (cp);
        if (!digit)
            continue;
        start = cursor_seek (cur, at);
        end = cursor_seek (cur, i);
        if (prev && (prev->flags & TRACUU_TOKEN_FOOTNOTE) && prev->end == start
            && prev->exact_len < 8) {
            s8 = arena_alloc (rc, &b->arena, prev->exact_len + 2);
            if (s8 == NULL)
                return;
            memcpy (s8, prev->exact, prev->exact_len);
            s8[prev->exact_len] = (char) digit;
            s8[prev->exact_len + 1] = '\0';
            prev->exact = prev->folded = s8;
            prev->exact_len = prev->folded_len = prev->exact_len + 1;
            prev->end = end;
            continue;
        }
        prev = push_token (rc, b);
        s8 = arena_alloc (rc, &b->arena, 2);
        if (prev == NULL || s8 == NULL)
            return;
        s8[0] = (char) digit;
        s8[1] = '\0';
        prev->exact = prev->folded = s8;
        prev->exact_len = prev->folded_len = 1;
        prev->start = start;
        prev->end = end;
        prev->flags = TRACUU_TOKEN_FOOTNOTE | TRACUU_TOKEN_NUMBER;
    }
}

/* Opening a word break iterator loads and compiles its rules (about as
 * much work as analyzing a report), so each thread keeps one and only
 * gives it new text. */
static pthread_key_t breaker_key;
static pthread_once_t breaker_once = PTHREAD_ONCE_INIT;

static void
breaker_free (void *bi)
{
    ubrk_close (bi);
}

static void
breaker_key_create (void)
{
    pthread_key_create (&breaker_key, breaker_free);
}

static UBreakIterator *
word_breaker (const UChar *u16, int32_t n16)
{
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi;

    pthread_once (&breaker_once, breaker_key_create);
    bi = pthread_getspecific (breaker_key);
    if (bi == NULL) {
        bi = ubrk_open (UBRK_WORD, "vi", NULL, 0, &err);
        if (U_FAILURE (err))
            return NULL;
        if (pthread_setspecific (breaker_key, bi) != 0) {
            ubrk_close (bi);
            return NULL;
        }
    }
    ubrk_setText (bi, u16, n16, &err);
    return U_SUCCESS (err) ? bi : NULL;
}

static tracuu_status_t
find_lines (tracuu_text_t *t)
{
    size_t n = 1;

    for (size_t i = 0; i < t->len; i++)
        n += t->text[i] == '\n';
    t->line_starts = malloc (n * sizeof *t->line_starts);
    if (t->line_starts == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    t->line_starts[0] = 0;
    t->n_lines = 1;
    for (size_t i = 0; i < t->len; i++)
        if (t->text[i] == '\n')
            t->line_starts[t->n_lines++] = i + 1;
    return TRACUU_STATUS_OK;
}

static tracuu_status_t
tokenize (builder_t *b, const UChar *u16, int32_t n16)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    UErrorCode err = U_ZERO_ERROR;
    UBreakIterator *bi;
    cursor_t cur = { u16, 0, 0 };
    size_t line = 0;
    tracuu_text_t *t = b->text;

    if (n16 == 0)
        return TRACUU_STATUS_OK;
    bi = word_breaker (u16, n16);
    if (bi == NULL)
        return TRACUU_STATUS_ICU_ERROR;
    for (int32_t s = ubrk_first (bi), e = ubrk_next (bi);
         e != UBRK_DONE && rc == TRACUU_STATUS_OK; s = e, e = ubrk_next (bi)) {
        size_t before = t->n_tokens;

        if (ubrk_getRuleStatus (bi) >= UBRK_WORD_NONE_LIMIT) {
            size_t start = cursor_seek (&cur, s);
            size_t end = cursor_seek (&cur, e);

            add_word (&rc, b, u16, s, e, start, end);
        } else {
            add_superscripts (&rc, b, u16, s, e, &cur);
        }
        for (size_t k = before; k < t->n_tokens; k++) {
            while (line + 1 < t->n_lines
                   && t->line_starts[line + 1] <= t->tokens[k].start)
                line++;
            t->tokens[k].line = (uint32_t) line + 1;
        }
    }
    ubrk_setText (bi, NULL, 0, &err);      /* Let go of the caller's text. */
    return rc;
}

tracuu_status_t
tracuu_text_analyze (const char *bytes, size_t len, tracuu_text_t **out)
{
    tracuu_status_t rc;
    tracuu_text_t *t;
    builder_t b = { 0 };
    UChar *u16 = NULL;
    int32_t n16 = 0;

    if (out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (bytes == NULL && len)
        return TRACUU_STATUS_NULL_POINTER;
    t = calloc (1, sizeof *t);
    if (t == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    b.text = t;
    rc = tracuu_normalize__utf16 (bytes ? bytes : "", len, &t->text, &t->len,
                                  &u16, &n16, &t->n_replaced);
    if (rc == TRACUU_STATUS_OK)
        rc = find_lines (t);
    if (rc == TRACUU_STATUS_OK)
        rc = tokenize (&b, u16, n16);
    free (u16);
    free (b.cps);
    t->arena = b.arena;
    if (rc != TRACUU_STATUS_OK) {
        tracuu_text_destroy (t);
        return rc;
    }
    *out = t;
    return TRACUU_STATUS_OK;
}

/* Whether the non-ASCII code points of Latin (U+0080-U+024F) and Latin
 * Extended Additional (U+1E00-U+1EFF) are plain_cp(), found on first
 * use: 0 not known yet, 1 yes, 2 no. */
static uint8_t plain_known[0x1D0 + 0x100];

/* A code point that NFC leaves as it is whatever comes before it and that
 * the word break keeps together with the letters and digits around it:
 * an ASCII letter or digit, or a Latin letter (Vietnamese included),
 * never a combining mark. */
static int
plain_cp (int32_t cp)
{
    int i;
    uint8_t known;

    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
               || (cp >= '0' && cp <= '9');
    if (cp < 0x250)
        i = cp - 0x80;
    else if (cp >= 0x1E00 && cp < 0x1F00)
        i = 0x1D0 + (cp - 0x1E00);
    else
        return 0;
    known = __atomic_load_n (&plain_known[i], __ATOMIC_RELAXED);
    if (known == 0) {
        int yes = u_isalpha (cp) && u_getCombiningClass (cp) == 0
                  && u_getIntPropertyValue (cp, UCHAR_WORD_BREAK)
                     == U_WB_ALETTER
                  && u_getIntPropertyValue (cp, UCHAR_NFC_QUICK_CHECK)
                     == UNORM_YES;

        known = yes ? 1 : 2;
        __atomic_store_n (&plain_known[i], known, __ATOMIC_RELAXED);
    }
    return known == 1;
}

/* Longest word read by tracuu_text__plain_words(), in code points. */
#define PLAIN_MAX 64

/* Write the code points to 's' as UTF-8 with a NUL, dropping zeros as
 * store() does; returns the bytes written, the NUL included. */
static size_t
encode_cps (char *s, const int32_t *cps, size_t n)
{
    size_t len = 0;

    for (size_t i = 0; i < n; i++) {
        if (cps[i] == 0)
            continue;
        if (cps[i] < 0x80)
            s[len++] = (char) cps[i];
        else
            len += tracuu_utf8__encode (cps[i], s + len);
    }
    s[len++] = '\0';
    return len;
}

size_t
tracuu_text__plain_words (tracuu_status_t *rc, tracuu_buf_t *buf,
                          const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *) s;
    int32_t cps[PLAIN_MAX], folded[PLAIN_MAX];
    char forms[2 * (4 * PLAIN_MAX + 1)];
    size_t mark = buf->len, n_words = 0, i = 0;

    if (*rc != TRACUU_STATUS_OK)
        return SIZE_MAX;
    while (i < len) {
        size_t n = 0, flen;
        int any = 0;

        if (u[i] == ' ') {
            i++;
            continue;
        }
        /* One word: everything up to the next space, read as add_word()
         * reads a word of the break iterator. */
        while (i < len && u[i] != ' ') {
            int32_t cp = u[i];

            if (cp < 0x80)
                i++;
            else
                i += tracuu_utf8__decode (u + i, len - i, &cp);
            if (n == PLAIN_MAX || !plain_cp (cp))
                goto NOT_PLAIN;
            cps[n++] = cp;
        }
        tracuu_fold__exact (cps, n);
        for (size_t k = 0; k < n; k++) {
            folded[k] = tracuu_fold__ascii (cps[k]);
            any |= folded[k] != 0;
        }
        flen = encode_cps (forms, cps, n);
        /* A word that folds to nothing keeps its exact form, as in
         * add_word() (which also drops a leading '@', never plain). */
        flen += encode_cps (forms + flen, any ? folded : cps, n);
        tracuu_buf__append (rc, buf, forms, flen);
        n_words++;
    }
    return *rc == TRACUU_STATUS_OK ? n_words : SIZE_MAX;

  NOT_PLAIN:
    if (buf->data != NULL) {
        buf->len = mark;
        buf->data[mark] = '\0';
    }
    return SIZE_MAX;
}

void
tracuu_text_destroy (tracuu_text_t *text)
{
    if (text == NULL)
        return;
    arena_free (text->arena);
    free (text->tokens);
    free (text->line_starts);
    free (text->text);
    free (text);
}

uint32_t
tracuu_text_line_at (const tracuu_text_t *text, size_t offset)
{
    size_t lo = 0, hi;

    if (text == NULL || text->n_lines == 0)
        return 0;
    hi = text->n_lines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;

        if (text->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return (uint32_t) lo + 1;
}

const char *
tracuu_text_line (const tracuu_text_t *text, uint32_t line, size_t *len_out)
{
    size_t start, end;

    if (text == NULL || line == 0 || line > text->n_lines)
        return NULL;
    start = text->line_starts[line - 1];
    end = line < text->n_lines ? text->line_starts[line] - 1 : text->len;
    if (len_out != NULL)
        *len_out = end - start;
    return text->text + start;
}
