/* Lexicons: labelled phrase lists matched on a text's tokens, read from
 * data/lexicon/ (see analysis-private.h). */
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis-private.h"
#include "tracuu/question.h"
#include "util/util-private.h"

/* One label and its optional third column. */
typedef struct label {
    char *name;                 /* The label. */
    char *info;                 /* Third column of its first line, or NULL. */
} label_t;

/* One phrase: its words one after another, each ending in NUL
 * ("bắc\0giang\0"), in the form the mode matches (exact, or folded);
 * in the accents mode the exact forms follow ('alt'). */
typedef struct phrase {
    char *words;                /* The words; the first one starts here. */
    const char *alt;            /* Exact forms (accents mode), or NULL. */
    size_t n_words;             /* How many. */
    size_t label;               /* Index of its label. */
    const char *tags;           /* Third column of its line, or NULL. */
} phrase_t;

/* A slot of the hash of first words: the first phrase with that word
 * (SIZE_MAX: a free slot), and the word's hash and length, compared
 * before its bytes: most tokens are the first word of no phrase. */
typedef struct first {
    size_t phrase;
    uint32_t hash;
    uint32_t len;
} first_t;

struct tracuu_lexicon {
    label_t *labels;            /* In order of first appearance. */
    size_t n_labels;            /* How many. */
    size_t alloc_labels;        /* Allocated slots. */
    phrase_t *phrases;          /* Sorted by first word. */
    size_t n_phrases;           /* How many. */
    size_t alloc_phrases;       /* Allocated slots. */
    char **lines_info;          /* Third columns, owned (phrases point in). */
    size_t n_info;              /* How many. */
    tracuu_lexicon_mode_t mode; /* How tokens are compared. */
    first_t *first;             /* Hash of first words (see first_t). */
    size_t n_first;             /* Slots, a power of two. */
    size_t first_star;          /* First phrase starting with "*", or
                                   n_phrases; */
    size_t first_number;        /* with "#". */
    size_t max_words;           /* Words of the longest phrase. */
};

void
tracuu_lexicon__destroy (tracuu_lexicon_t *lex)
{
    if (lex == NULL)
        return;
    for (size_t i = 0; i < lex->n_labels; i++) {
        free (lex->labels[i].name);
        free (lex->labels[i].info);
    }
    for (size_t i = 0; i < lex->n_phrases; i++)
        free (lex->phrases[i].words);
    for (size_t i = 0; i < lex->n_info; i++)
        free (lex->lines_info[i]);
    free (lex->lines_info);
    free (lex->labels);
    free (lex->phrases);
    free (lex->first);
    free (lex);
}

static size_t
word_hash (const char *w, size_t len)
{
    size_t h = 2166136261u;

    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char) w[i]) * 16777619u;
    return h;
}

/* Index every distinct first word of the sorted phrases, so that looking
 * up a token costs one hash probe instead of a binary search. */
static tracuu_status_t
index_first_words (tracuu_lexicon_t *lex)
{
    size_t slots = 16;

    while (slots < 2 * lex->n_phrases)
        slots *= 2;
    lex->first = malloc (slots * sizeof *lex->first);
    if (lex->first == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    lex->n_first = slots;
    for (size_t i = 0; i < slots; i++)
        lex->first[i].phrase = SIZE_MAX;
    lex->first_star = lex->first_number = lex->n_phrases;
    lex->max_words = 0;
    for (size_t i = 0; i < lex->n_phrases; i++) {
        const char *w = lex->phrases[i].words;
        size_t len = strlen (w), h;
        uint32_t hash = (uint32_t) word_hash (w, len);

        if (lex->phrases[i].n_words > lex->max_words)
            lex->max_words = lex->phrases[i].n_words;
        if (i > 0 && strcmp (lex->phrases[i - 1].words, w) == 0)
            continue;           /* Same first word as the previous one. */
        if (strcmp (w, "*") == 0)
            lex->first_star = i;
        else if (strcmp (w, "#") == 0)
            lex->first_number = i;
        for (h = hash & (slots - 1); lex->first[h].phrase != SIZE_MAX;
             h = (h + 1) & (slots - 1))
            ;
        lex->first[h].phrase = i;
        lex->first[h].hash = hash;
        lex->first[h].len = (uint32_t) len;
    }
    return TRACUU_STATUS_OK;
}

static char *
dup_range (tracuu_status_t *rc, const char *s, size_t len)
{
    char *copy;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    copy = malloc (len + 1);
    if (copy == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return NULL;
    }
    memcpy (copy, s, len);
    copy[len] = '\0';
    return copy;
}

long
tracuu_lexicon__find_label (const tracuu_lexicon_t *lex, const char *s,
                            size_t len)
{
    for (size_t i = 0; lex != NULL && s != NULL && i < lex->n_labels; i++)
        if (strlen (lex->labels[i].name) == len
            && memcmp (lex->labels[i].name, s, len) == 0)
            return (long) i;
    return -1;
}

/* Index of label 's' ('len' bytes), added if new; SIZE_MAX on failure. */
static size_t
intern_label (tracuu_status_t *rc, tracuu_lexicon_t *lex, const char *s,
              size_t len)
{
    long found = tracuu_lexicon__find_label (lex, s, len);

    if (*rc != TRACUU_STATUS_OK)
        return SIZE_MAX;
    if (found >= 0)
        return (size_t) found;
    if (lex->n_labels == lex->alloc_labels) {
        label_t *labels = tracuu_array__grow (rc, lex->labels,
                                              &lex->alloc_labels,
                                              lex->n_labels + 1,
                                              sizeof *labels);

        if (labels == NULL)
            return SIZE_MAX;
        lex->labels = labels;
    }
    lex->labels[lex->n_labels].name = dup_range (rc, s, len);
    lex->labels[lex->n_labels].info = NULL;
    if (*rc != TRACUU_STATUS_OK)
        return SIZE_MAX;
    return lex->n_labels++;
}

/* The words of phrase 's' in the exact or fold mode: folded, then split
 * on blanks, into *words_out (malloc) and *n_out. */
static void
split_folded (tracuu_status_t *rc, const tracuu_lexicon_t *lex,
              const char *s, size_t len, char **words_out, size_t *n_out)
{
    char *folded = NULL, *words = NULL;
    size_t folded_len = 0, n = 0, w = 0;

    *rc = tracuu_fold (s, len, lex->mode == TRACUU_LEXICON_FOLD
                               ? TRACUU_FOLD_ASCII : TRACUU_FOLD_EXACT,
                       &folded, &folded_len, NULL);
    if (*rc != TRACUU_STATUS_OK)
        return;
    words = malloc (folded_len + 2);
    if (words == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    for (size_t k = 0; k < folded_len; k++) {
        if (folded[k] == ' ' || folded[k] == '\t') {
            if (w > 0 && words[w - 1] != '\0')
                words[w++] = '\0';
            continue;
        }
        if (w == 0 || words[w - 1] == '\0')
            n++;
        words[w++] = folded[k];
    }
    if (w > 0 && words[w - 1] != '\0')
        words[w++] = '\0';
    *words_out = words;
    *n_out = n;
    words = NULL;

  DONE:
    free (words);
    free (folded);
}

/* The words of phrase 's' in the accents mode: the tokens the analyzer
 * makes of it, folded forms first, then exact forms. */
static void
split_tokens (tracuu_status_t *rc, const char *s, size_t len,
              char **words_out, const char **alt_out, size_t *n_out)
{
    tracuu_buf_t forms = { 0 }, out = { 0 };
    tracuu_text_t *text = NULL;
    size_t n;
    const char *f;

    /* Most phrases are plain words, read without the analyzer. */
    n = tracuu_text__plain_words (rc, &forms, s, len);
    if (n == SIZE_MAX && *rc == TRACUU_STATUS_OK) {
        *rc = tracuu_text_analyze (s, len, &text);
        for (n = 0; *rc == TRACUU_STATUS_OK && n < text->n_tokens; n++) {
            const tracuu_token_t *t = &text->tokens[n];

            tracuu_buf__append (rc, &forms, t->exact, t->exact_len + 1);
            tracuu_buf__append (rc, &forms, t->folded, t->folded_len + 1);
        }
    }
    if (*rc != TRACUU_STATUS_OK || n == 0)
        goto DONE;
    /* forms: exact\0folded\0 per word; out: folded words, exact words. */
    for (int pass = 0; pass < 2; pass++) {
        f = forms.data;
        for (size_t k = 0; k < n; k++) {
            const char *exact = f, *folded = f + strlen (f) + 1;
            const char *w = pass == 0 ? folded : exact;

            tracuu_buf__append (rc, &out, w, strlen (w) + 1);
            f = folded + strlen (folded) + 1;
        }
    }
    if (*rc != TRACUU_STATUS_OK)
        goto DONE;
    f = out.data;
    for (size_t k = 0; k < n; k++)
        f += strlen (f) + 1;
    *words_out = out.data;
    *alt_out = f;
    *n_out = n;
    out.data = NULL;

  DONE:
    free (out.data);
    free (forms.data);
    tracuu_text_destroy (text);
}

/* Add phrase 's' ('len' bytes, any case) for 'label', with the tags of
 * its line. A phrase without any word is ignored. */
static void
add_phrase (tracuu_status_t *rc, tracuu_lexicon_t *lex, size_t label,
            const char *tags, const char *s, size_t len)
{
    char *words = NULL;
    const char *alt = NULL;
    size_t n = 0;

    if (*rc != TRACUU_STATUS_OK)
        return;
    if (lex->mode == TRACUU_LEXICON_ACCENTS)
        split_tokens (rc, s, len, &words, &alt, &n);
    else
        split_folded (rc, lex, s, len, &words, &n);
    if (*rc != TRACUU_STATUS_OK || n == 0)
        goto DONE;
    if (lex->n_phrases == lex->alloc_phrases) {
        phrase_t *p = tracuu_array__grow (rc, lex->phrases,
                                          &lex->alloc_phrases,
                                          lex->n_phrases + 1, sizeof *p);

        if (p == NULL)
            goto DONE;
        lex->phrases = p;
    }
    lex->phrases[lex->n_phrases++] = (phrase_t) { words, alt, n, label, tags };
    words = NULL;

  DONE:
    free (words);
}

/* The third column 's' ('len' bytes) kept for the phrases of its line. */
static const char *
keep_info (tracuu_status_t *rc, tracuu_lexicon_t *lex, const char *s,
           size_t len)
{
    char **grown;
    char *copy = dup_range (rc, s, len);

    if (copy == NULL)
        return NULL;
    grown = tracuu_array__grow_counted (rc, lex->lines_info, lex->n_info,
                                        sizeof *grown);
    if (grown == NULL) {
        free (copy);
        return NULL;
    }
    lex->lines_info = grown;
    lex->lines_info[lex->n_info++] = copy;
    return copy;
}

/* A "#!" line: the mode. Returns 0 when it names no known mode. */
static int
parse_directive (tracuu_lexicon_t *lex, const char *line, size_t len)
{
    static const struct {
        const char *text;
        tracuu_lexicon_mode_t mode;
    } modes[] = {
        { "#!fold ascii", TRACUU_LEXICON_FOLD },
        { "#!match fold", TRACUU_LEXICON_FOLD },
        { "#!match exact", TRACUU_LEXICON_EXACT },
        { "#!match accents", TRACUU_LEXICON_ACCENTS },
    };

    for (size_t k = 0; k < sizeof modes / sizeof modes[0]; k++)
        if (strlen (modes[k].text) == len
            && memcmp (line, modes[k].text, len) == 0) {
            lex->mode = modes[k].mode;
            return 1;
        }
    return 0;
}

/* Parse one line (without its newline): 1, or 0 when it is malformed,
 * -1 for an unknown "#!" line. */
static int
parse_line (tracuu_status_t *rc, tracuu_lexicon_t *lex, const char *line,
            size_t len)
{
    const char *tab1, *tab2, *phrases, *p, *end, *tags = NULL;
    size_t label;

    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' '
                       || line[len - 1] == '\t'))
        len--;
    if (*rc != TRACUU_STATUS_OK || len == 0)
        return 1;
    if (line[0] == '#')
        return len < 2 || line[1] != '!' || parse_directive (lex, line, len)
               ? 1 : -1;
    end = line + len;
    tab1 = memchr (line, '\t', len);
    if (tab1 == line)
        return 0;
    if (tab1 == NULL) {
        /* A label alone: no blank (unless the mode makes it a phrase). */
        if (memchr (line, '|', len) != NULL
            || (lex->mode != TRACUU_LEXICON_FOLD && memchr (line, ' ', len)))
            return 0;
        tab1 = end;
    }
    label = intern_label (rc, lex, line, (size_t) (tab1 - line));
    if (*rc != TRACUU_STATUS_OK)
        return 1;
    phrases = tab1 < end ? tab1 + 1 : end;
    tab2 = memchr (phrases, '\t', (size_t) (end - phrases));
    if (tab2 != NULL) {
        size_t ilen = (size_t) (end - tab2 - 1);

        if (lex->labels[label].info == NULL)
            lex->labels[label].info = dup_range (rc, tab2 + 1, ilen);
        if (ilen > 0)
            tags = keep_info (rc, lex, tab2 + 1, ilen);
        end = tab2;
    }
    /* The label is also a phrase of its own where it is no identifier. */
    if (lex->mode == TRACUU_LEXICON_FOLD)
        add_phrase (rc, lex, label, tags, line, (size_t) (tab1 - line));
    for (p = phrases; p < end;) {
        const char *bar = memchr (p, '|', (size_t) (end - p));
        size_t plen = bar ? (size_t) (bar - p) : (size_t) (end - p);

        add_phrase (rc, lex, label, tags, p, plen);
        p += plen + 1;
    }
    return 1;
}

static int
phrase_cmp (const void *a, const void *b)
{
    const phrase_t *x = a, *y = b;
    int c = strcmp (x->words, y->words);

    if (c != 0)
        return c;
    if (x->label != y->label)
        return x->label < y->label ? -1 : 1;
    return x->n_words < y->n_words ? -1 : x->n_words > y->n_words;
}

static void say (char **error_out, const char *fmt, ...)
    __attribute__ ((format (printf, 2, 3)));

static void
say (char **error_out, const char *fmt, ...)
{
    va_list ap;

    if (error_out == NULL)
        return;
    va_start (ap, fmt);
    if (vasprintf (error_out, fmt, ap) < 0)
        *error_out = NULL;
    va_end (ap);
}

tracuu_status_t
tracuu_lexicon__parse_mode (const char *name, const char *data, size_t len,
                            tracuu_lexicon_mode_t mode,
                            tracuu_lexicon_t **out, char **error_out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_lexicon_t *lex = NULL;
    size_t pos = 0, line = 0;

    if (out == NULL || (data == NULL && len > 0))
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (name == NULL)
        name = "lexicon";
    lex = calloc (1, sizeof *lex);
    if (lex == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    lex->mode = mode;
    while (pos < len && rc == TRACUU_STATUS_OK) {
        const char *nl = memchr (data + pos, '\n', len - pos);
        size_t line_len = nl ? (size_t) (nl - data - pos) : len - pos;

        int ok;

        line++;
        ok = parse_line (&rc, lex, data + pos, line_len);
        if (ok <= 0) {
            rc = TRACUU_STATUS_BAD_INPUT;
            say (error_out, "%s:%zu: %s", name, line,
                 ok == 0 ? "expected label<TAB>phrase|phrase..."
                         : "expected \"#!match exact\", \"fold\" or "
                           "\"accents\"");
        }
        pos += line_len + 1;
    }
    if (rc != TRACUU_STATUS_OK)
        goto DONE;
    if (lex->n_phrases > 1)
        qsort (lex->phrases, lex->n_phrases, sizeof *lex->phrases,
               phrase_cmp);
    rc = index_first_words (lex);
    if (rc != TRACUU_STATUS_OK)
        goto DONE;
    *out = lex;
    lex = NULL;

  DONE:
    tracuu_lexicon__destroy (lex);
    return rc;
}

tracuu_status_t
tracuu_lexicon__parse (const char *data, size_t len, tracuu_lexicon_t **out)
{
    return tracuu_lexicon__parse_mode (NULL, data, len, TRACUU_LEXICON_EXACT,
                                       out, NULL);
}

tracuu_status_t
tracuu_lexicon__load_mode (const char *name, tracuu_lexicon_mode_t mode,
                           tracuu_lexicon_t **out, char **error_out)
{
    tracuu_status_t status;
    char *rel = NULL, *path = NULL, *data = NULL;
    size_t len = 0;

    if (out == NULL || name == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (asprintf (&rel, "lexicon/%s", name) < 0)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    /* $TRACUU_DATA_DIR, else the installed copy when there is one. */
    status = tracuu_data__lexicon (name, &path);
    if (status)
        goto DONE;
    /* Otherwise the lexicons built into the library. */
    if (path == NULL) {
        const char *builtin = tracuu_data__embedded (rel, &len);

        if (builtin != NULL)
            status = tracuu_lexicon__parse_mode (rel, builtin, len, mode, out,
                                                 error_out);
        else {
            status = TRACUU_STATUS_IO_ERROR;
            say (error_out, "no lexicon %s is built in (set TRACUU_DATA_DIR "
                 "to a data directory holding %s)", name, rel);
        }
        goto DONE;
    }
    status = tracuu_file__read (path, 0, &data, &len);
    if (status == TRACUU_STATUS_IO_ERROR)
        say (error_out, "cannot read lexicon %s: %s (set TRACUU_DATA_DIR to "
             "the data directory, or unset it to use the built-in lexicons)",
             path, strerror (errno));
    if (status)
        goto DONE;
    status = tracuu_lexicon__parse_mode (path, data, len, mode, out,
                                         error_out);

  DONE:
    free (data);
    free (path);
    free (rel);
    return status;
}

tracuu_status_t
tracuu_lexicon__load (const char *name, tracuu_lexicon_t **out)
{
    return tracuu_lexicon__load_mode (name, TRACUU_LEXICON_EXACT, out, NULL);
}

const char *
tracuu_lexicon__label (const tracuu_lexicon_t *lex, size_t i)
{
    if (lex == NULL || i >= lex->n_labels)
        return NULL;
    return lex->labels[i].name;
}

size_t
tracuu_lexicon__count (const tracuu_lexicon_t *lex)
{
    return lex ? lex->n_labels : 0;
}

const char *
tracuu_lexicon__info (const tracuu_lexicon_t *lex, size_t i)
{
    if (lex == NULL || i >= lex->n_labels || lex->labels[i].info == NULL)
        return "";
    return lex->labels[i].info;
}

/* 'tags' (blank-separated words) holds 'tag'. */
static int
tags_have (const char *tags, const char *tag)
{
    size_t n = strlen (tag);

    for (const char *p = tags; p != NULL && *p;) {
        size_t w;

        while (*p == ' ')
            p++;
        w = strcspn (p, " ");
        if (w == n && memcmp (p, tag, n) == 0)
            return 1;
        p += w;
    }
    return 0;
}

int
tracuu_lexicon__has_tag (const tracuu_lexicon_t *lex, size_t i,
                         const char *tag)
{
    return tag != NULL && tags_have (tracuu_lexicon__info (lex, i), tag);
}

/* First phrase whose first word is 'word' ('len' bytes), or n_phrases. */
static size_t
first_with (const tracuu_lexicon_t *lex, const char *word, size_t len)
{
    size_t mask = lex->n_first - 1;
    uint32_t hash = (uint32_t) word_hash (word, len);

    for (size_t h = hash & mask; lex->first[h].phrase != SIZE_MAX;
         h = (h + 1) & mask) {
        const first_t *f = &lex->first[h];

        if (f->hash == hash && f->len == len
            && memcmp (lex->phrases[f->phrase].words, word, len) == 0)
            return f->phrase;
    }
    return lex->n_phrases;
}

size_t
tracuu_lexicon__max_words (const tracuu_lexicon_t *lex)
{
    return lex == NULL ? 0 : lex->max_words;
}

static int
same_word (const char *w, const char *word, size_t len)
{
    return strncmp (w, word, len) == 0 && w[len] == '\0';
}

/* Phrase word 'w' (exact form 'alt' in the accents mode) matches token
 * 't'. */
static int
word_matches (const tracuu_lexicon_t *lex, const char *w, const char *alt,
              const tracuu_token_t *t)
{
    switch (lex->mode) {
    case TRACUU_LEXICON_ACCENTS:
        if (!same_word (w, t->folded, t->folded_len))
            return 0;
        if (!(t->flags & TRACUU_TOKEN_ACCENTED) || t->exact[0] == '@')
            return 1;
        return same_word (alt, t->exact, t->exact_len);
    case TRACUU_LEXICON_FOLD:
    case TRACUU_LEXICON_EXACT:
    default:
        if (w[0] == '*' && w[1] == '\0')
            return 1;
        if (w[0] == '#' && w[1] == '\0')
            return (t->flags & TRACUU_TOKEN_NUMBER) != 0;
        if (lex->mode == TRACUU_LEXICON_FOLD)
            return same_word (w, t->folded, t->folded_len);
        return same_word (w, t->exact, t->exact_len);
    }
}

/* Only blanks, dashes (and, but in the accents mode, commas and '&')
 * between tokens i and i + 1: "Bà Rịa - Vũng Tàu", "tổ chức, cá nhân". */
static int
joinable (const tracuu_lexicon_t *lex, const tracuu_text_t *text, size_t i)
{
    const unsigned char *g = (const unsigned char *) text->text
                             + text->tokens[i].end;
    size_t len = text->tokens[i + 1].start - text->tokens[i].end;
    int strict = lex->mode == TRACUU_LEXICON_ACCENTS;

    if (len > 8)
        return 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = g[k];

        if (c == ' ' || c == '\t' || c == '-'
            || (!strict && (c == '&' || c == ',')))
            continue;
        if (c == 0xE2 && k + 2 < len && g[k + 1] == 0x80
            && (g[k + 2] == 0x93 || g[k + 2] == 0x94
                || (!strict && ((g[k + 2] >= 0x80 && g[k + 2] <= 0x8B)
                                || g[k + 2] == 0xAF)))) {
            k += 2;
            continue;
        }
        if (c == 0xC2 && k + 1 < len && g[k + 1] == 0xA0) {
            k++;
            continue;
        }
        return 0;
    }
    return 1;
}

/* Longest phrase among those whose first word is 'first' (and whose
 * line carries 'tag', when not NULL). */
static void
match_from (const tracuu_lexicon_t *lex, const tracuu_text_t *text,
            size_t i, size_t end, size_t v, const char *first,
            size_t first_len, const char *tag, size_t *best,
            size_t *best_label)
{
    for (; v < lex->n_phrases && same_word (lex->phrases[v].words, first,
                                            first_len);
         v++) {
        const phrase_t *p = &lex->phrases[v];
        const char *w = p->words, *alt = p->alt;
        size_t k;

        if (p->n_words <= *best || i + p->n_words > end
            || (tag != NULL && !tags_have (p->tags, tag)))
            continue;
        if (alt != NULL && !word_matches (lex, w, alt, &text->tokens[i]))
            continue;
        for (k = 1; k < p->n_words; k++) {
            w += strlen (w) + 1;
            if (alt != NULL)
                alt += strlen (alt) + 1;
            if (!joinable (lex, text, i + k - 1)
                || !word_matches (lex, w, alt, &text->tokens[i + k]))
                break;
        }
        if (k == p->n_words) {
            *best = k;
            *best_label = p->label;
        }
    }
}

size_t
tracuu_lexicon__match_tagged (const tracuu_lexicon_t *lex,
                              const tracuu_text_t *text, size_t i,
                              size_t end, const char *tag,
                              size_t *label_out)
{
    size_t best = 0, best_label = 0, first_len, v;
    const tracuu_token_t *t;
    const char *first;

    if (lex == NULL || text == NULL)
        return 0;
    if (end > text->n_tokens)
        end = text->n_tokens;
    if (i >= end)
        return 0;
    t = &text->tokens[i];
    /* Most tokens start no phrase: no call then. */
    if (lex->mode == TRACUU_LEXICON_EXACT)
        first = t->exact, first_len = t->exact_len;
    else
        first = t->folded, first_len = t->folded_len;
    v = first_with (lex, first, first_len);
    if (v < lex->n_phrases)
        match_from (lex, text, i, end, v, first, first_len, tag, &best,
                    &best_label);
    if (lex->mode != TRACUU_LEXICON_ACCENTS) {
        if ((t->flags & TRACUU_TOKEN_NUMBER)
            && lex->first_number < lex->n_phrases)
            match_from (lex, text, i, end, lex->first_number, "#", 1, tag,
                        &best, &best_label);
        if (lex->first_star < lex->n_phrases)
            match_from (lex, text, i, end, lex->first_star, "*", 1, tag,
                        &best, &best_label);
    }
    if (best > 0 && label_out != NULL)
        *label_out = best_label;
    return best;
}

size_t
tracuu_lexicon__match (const tracuu_lexicon_t *lex, const tracuu_text_t *text,
                       size_t i, size_t end, size_t *label_out)
{
    return tracuu_lexicon__match_tagged (lex, text, i, end, NULL, label_out);
}

long
tracuu_lexicon__lookup (const tracuu_lexicon_t *lex, const char *word,
                        size_t len)
{
    if (lex == NULL || word == NULL)
        return -1;
    for (size_t v = first_with (lex, word, len);
         v < lex->n_phrases && same_word (lex->phrases[v].words, word, len);
         v++)
        if (lex->phrases[v].n_words == 1)
            return (long) lex->phrases[v].label;
    return -1;
}

int
tracuu_lexicon__word_tagged (const tracuu_lexicon_t *lex, const char *word,
                             size_t len, const char *tag)
{
    if (lex == NULL || word == NULL)
        return 0;
    for (size_t v = first_with (lex, word, len);
         v < lex->n_phrases && same_word (lex->phrases[v].words, word, len);
         v++)
        if (lex->phrases[v].n_words == 1
            && (tag == NULL || tags_have (lex->phrases[v].tags, tag)))
            return 1;
    return 0;
}

int
tracuu_lexicon__text_tagged (const tracuu_lexicon_t *lex, const char *word,
                             size_t len, const char *tag)
{
    char *folded = NULL;
    size_t folded_len = 0;
    int yes;

    if (lex == NULL || word == NULL
        || tracuu_fold (word, len, lex->mode == TRACUU_LEXICON_EXACT
                                   ? TRACUU_FOLD_EXACT : TRACUU_FOLD_ASCII,
                        &folded, &folded_len, NULL) != TRACUU_STATUS_OK)
        return 0;
    yes = tracuu_lexicon__word_tagged (lex, folded, folded_len, tag);
    free (folded);
    return yes;
}

static pthread_mutex_t once_lock = PTHREAD_MUTEX_INITIALIZER;
static char *first_failure;     /* Message of the first lexicon that failed. */

const char *
tracuu_lexicon__failure (void)
{
    const char *msg;

    pthread_mutex_lock (&once_lock);
    msg = first_failure;
    pthread_mutex_unlock (&once_lock);
    return msg;
}

const tracuu_lexicon_t *
tracuu_lexicon__once (tracuu_lexicon_once_t *once, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *lex;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    /* Every look-up of every extractor comes here: once loaded, no lock
     * (the store of 'done' releases what was written before it). */
    if (!atomic_load_explicit (&once->done, memory_order_acquire)) {
        pthread_mutex_lock (&once_lock);
        if (!atomic_load_explicit (&once->done, memory_order_relaxed)) {
            char *error = NULL;

            once->status = tracuu_lexicon__load_mode (once->name, once->mode,
                                                      &once->lex, &error);
            if (first_failure == NULL && error != NULL)
                first_failure = error;      /* Kept for the process. */
            else
                free (error);
            atomic_store_explicit (&once->done, 1, memory_order_release);
        }
        pthread_mutex_unlock (&once_lock);
    }
    lex = once->lex;
    if (once->status != TRACUU_STATUS_OK)
        *rc = once->status;
    return lex;
}

/* The lexicons of the library. */
#define LEXICON(fn, file, mode)                                         \
    const tracuu_lexicon_t *                                            \
    fn (tracuu_status_t *rc)                                            \
    {                                                                   \
        static tracuu_lexicon_once_t once =                             \
            TRACUU_LEXICON_ONCE_INIT (file, mode);                      \
        return tracuu_lexicon__once (&once, rc);                        \
    }

LEXICON (tracuu_lexicon__provinces, "provinces.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__places, "places.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__districts, "districts.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__surnames, "surnames.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__roles, "roles.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__platforms, "platforms.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__agencies, "agencies.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__agency_codes, "agency-codes.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__actions, "actions.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__categories, "categories.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__case_nouns, "case-nouns.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__money_kinds, "money-kinds.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__money_words, "money-words.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__money_words_folded, "money-words.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__statuses, "statuses.txt", TRACUU_LEXICON_EXACT)
/* The same lexicons read by the folded forms, for texts typed without
 * diacritics (tracuu_extract__unaccented()). */
LEXICON (tracuu_lexicon__actions_folded, "actions.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__categories_folded, "categories.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__case_nouns_folded, "case-nouns.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__money_kinds_folded, "money-kinds.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__statuses_folded, "statuses.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__violator_kinds, "violator-kinds.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__counted_nouns, "counted-nouns.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__document_kinds, "document-kinds.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__decree_categories, "decree-categories.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__account_words, "account-words.txt", TRACUU_LEXICON_FOLD)
LEXICON (tracuu_lexicon__name_words, "name-words.txt", TRACUU_LEXICON_EXACT)
LEXICON (tracuu_lexicon__agency_verbs, "agency-verbs.txt", TRACUU_LEXICON_FOLD)
