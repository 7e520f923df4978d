/* Lexicons: labelled phrase lists matched on a text's tokens. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/lexicon.h"
#include "util/tracuu-private.h"

/* One label and its optional third column. */
typedef struct label {
    char *name;                 /* The label. */
    char *info;                 /* Third column, or NULL. */
} label_t;

/* One phrase: its words one after another, each ending in NUL
 * ("bắc\0giang\0"). */
typedef struct phrase {
    char *words;                /* The words; the first one starts here. */
    size_t n_words;             /* How many. */
    size_t label;               /* Index of its label. */
} phrase_t;

struct tracuu_lexicon {
    label_t *labels;            /* In order of first appearance. */
    size_t n_labels;            /* How many. */
    size_t alloc_labels;        /* Allocated slots. */
    phrase_t *phrases;          /* Sorted by first word. */
    size_t n_phrases;           /* How many. */
    size_t alloc_phrases;       /* Allocated slots. */
    int ascii;                  /* "#!fold ascii": match folded forms. */
    size_t *first;              /* Hash of first words: index of the first
                                   phrase with it, or SIZE_MAX (empty). */
    size_t n_first;             /* Slots, a power of two. */
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
        lex->first[i] = SIZE_MAX;
    for (size_t i = 0; i < lex->n_phrases; i++) {
        const char *w = lex->phrases[i].words;
        size_t h;

        if (i > 0 && strcmp (lex->phrases[i - 1].words, w) == 0)
            continue;           /* Same first word as the previous one. */
        for (h = word_hash (w, strlen (w)) & (slots - 1);
             lex->first[h] != SIZE_MAX; h = (h + 1) & (slots - 1))
            ;
        lex->first[h] = i;
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

/* Index of label 's' ('len' bytes), added if new; SIZE_MAX on failure. */
static size_t
intern_label (tracuu_status_t *rc, tracuu_lexicon_t *lex, const char *s,
              size_t len)
{
    for (size_t i = 0; i < lex->n_labels; i++)
        if (strlen (lex->labels[i].name) == len
            && memcmp (lex->labels[i].name, s, len) == 0)
            return i;
    if (lex->n_labels == lex->alloc_labels) {
        size_t alloc = lex->alloc_labels ? 2 * lex->alloc_labels : 16;
        label_t *labels = realloc (lex->labels, alloc * sizeof *labels);

        if (labels == NULL) {
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return SIZE_MAX;
        }
        lex->labels = labels;
        lex->alloc_labels = alloc;
    }
    lex->labels[lex->n_labels].name = dup_range (rc, s, len);
    lex->labels[lex->n_labels].info = NULL;
    if (*rc != TRACUU_STATUS_OK)
        return SIZE_MAX;
    return lex->n_labels++;
}

/* Add phrase 's' ('len' bytes, any case) for 'label': folded, then
 * split on blanks. */
static void
add_phrase (tracuu_status_t *rc, tracuu_lexicon_t *lex, size_t label,
            const char *s, size_t len)
{
    char *folded = NULL, *words = NULL;
    size_t folded_len = 0, n = 0, w = 0;

    if (*rc != TRACUU_STATUS_OK)
        return;
    *rc = tracuu_fold (s, len, lex->ascii ? TRACUU_FOLD_ASCII
                                          : TRACUU_FOLD_EXACT,
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
    if (n == 0)
        goto DONE;
    if (lex->n_phrases == lex->alloc_phrases) {
        size_t alloc = lex->alloc_phrases ? 2 * lex->alloc_phrases : 64;
        phrase_t *p = realloc (lex->phrases, alloc * sizeof *p);

        if (p == NULL) {
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
            goto DONE;
        }
        lex->phrases = p;
        lex->alloc_phrases = alloc;
    }
    lex->phrases[lex->n_phrases++] = (phrase_t) { words, n, label };
    words = NULL;

  DONE:
    free (words);
    free (folded);
}

/* Parse one line (without its newline). */
static void
parse_line (tracuu_status_t *rc, tracuu_lexicon_t *lex, const char *line,
            size_t len)
{
    const char *tab1, *tab2, *phrases, *p, *end;
    size_t label;

    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' '))
        len--;
    if (*rc != TRACUU_STATUS_OK || len == 0)
        return;
    if (line[0] == '#') {
        if (len == 12 && memcmp (line, "#!fold ascii", 12) == 0)
            lex->ascii = 1;
        return;
    }
    tab1 = memchr (line, '\t', len);
    if (tab1 == NULL && lex->ascii)
        tab1 = line + len;      /* A label alone is its own phrase. */
    if (tab1 == NULL || tab1 == line) {
        *rc = TRACUU_STATUS_BAD_INPUT;
        return;
    }
    end = line + len;
    label = intern_label (rc, lex, line, (size_t) (tab1 - line));
    if (*rc != TRACUU_STATUS_OK)
        return;
    phrases = tab1 < end ? tab1 + 1 : end;
    tab2 = memchr (phrases, '\t', (size_t) (end - phrases));
    if (tab2 != NULL) {
        if (lex->labels[label].info == NULL)
            lex->labels[label].info = dup_range (rc, tab2 + 1,
                                                 (size_t) (end - tab2 - 1));
        end = tab2;
    }
    /* The label is also a phrase of its own where it is no identifier. */
    if (lex->ascii)
        add_phrase (rc, lex, label, line, (size_t) (tab1 - line));
    for (p = phrases; p < end;) {
        const char *bar = memchr (p, '|', (size_t) (end - p));
        size_t plen = bar ? (size_t) (bar - p) : (size_t) (end - p);

        add_phrase (rc, lex, label, p, plen);
        p += plen + 1;
    }
}

static int
phrase_cmp (const void *a, const void *b)
{
    const phrase_t *x = a, *y = b;
    int c = strcmp (x->words, y->words);

    if (c != 0)
        return c;
    return x->label < y->label ? -1 : x->label > y->label;
}

tracuu_status_t
tracuu_lexicon__parse (const char *data, size_t len, tracuu_lexicon_t **out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_lexicon_t *lex = NULL;
    size_t pos = 0;

    if (out == NULL || (data == NULL && len > 0))
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    lex = calloc (1, sizeof *lex);
    if (lex == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    while (pos < len && rc == TRACUU_STATUS_OK) {
        const char *nl = memchr (data + pos, '\n', len - pos);
        size_t line_len = nl ? (size_t) (nl - data - pos) : len - pos;

        parse_line (&rc, lex, data + pos, line_len);
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

/* Read the whole file 'f' into *data_out (free()). */
static tracuu_status_t
slurp (FILE *f, char **data_out, size_t *len_out)
{
    char *data = NULL;
    size_t len = 0, alloc = 0, n;

    do {
        if (len == alloc) {
            char *more = realloc (data, alloc = alloc ? 2 * alloc : 4096);

            if (more == NULL) {
                free (data);
                return TRACUU_STATUS_OUT_OF_MEMORY;
            }
            data = more;
        }
        n = fread (data + len, 1, alloc - len, f);
        len += n;
    } while (n > 0);
    if (ferror (f)) {
        free (data);
        return TRACUU_STATUS_IO_ERROR;
    }
    *data_out = data;
    *len_out = len;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_lexicon__load (const char *name, const char *builtin,
                      tracuu_lexicon_t **out)
{
    tracuu_status_t status;
    char *path = NULL, *data = NULL;
    size_t len = 0;
    FILE *f = NULL;

    if (out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (name == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    status = tracuu_data__lexicon (name, &path);
    if (status)
        return status;
    if (path != NULL)
        f = fopen (path, "rb");
    if (f == NULL) {
        status = builtin ? tracuu_lexicon__parse (builtin, strlen (builtin),
                                                  out)
                         : TRACUU_STATUS_IO_ERROR;
        goto DONE;
    }
    status = slurp (f, &data, &len);
    if (status)
        goto DONE;
    status = tracuu_lexicon__parse (data, len, out);

  DONE:
    if (f != NULL)
        fclose (f);
    free (data);
    free (path);
    return status;
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

/* First phrase whose first word is 'word' ('len' bytes), or n_phrases. */
static size_t
first_with (const tracuu_lexicon_t *lex, const char *word, size_t len)
{
    size_t mask = lex->n_first - 1;

    for (size_t h = word_hash (word, len) & mask; lex->first[h] != SIZE_MAX;
         h = (h + 1) & mask) {
        const char *w = lex->phrases[lex->first[h]].words;

        if (strncmp (w, word, len) == 0 && w[len] == '\0')
            return lex->first[h];
    }
    return lex->n_phrases;
}

static int
same_word (const char *w, const char *word, size_t len)
{
    return strncmp (w, word, len) == 0 && w[len] == '\0';
}

/* Phrase word 'w' matches token 't'. */
static int
word_matches (const tracuu_lexicon_t *lex, const char *w,
              const tracuu_token_t *t)
{
    if (w[0] == '*' && w[1] == '\0')
        return 1;
    if (w[0] == '#' && w[1] == '\0')
        return (t->flags & TRACUU_TOKEN_NUMBER) != 0;
    if (lex->ascii)
        return same_word (w, t->folded, t->folded_len);
    return same_word (w, t->exact, t->exact_len);
}

/* Only blanks, commas, dashes or '&' between tokens i and i + 1. */
static int
joinable (const tracuu_text_t *text, size_t i)
{
    const unsigned char *g = (const unsigned char *) text->text
                             + text->tokens[i].end;
    size_t len = text->tokens[i + 1].start - text->tokens[i].end;

    if (len > 8)
        return 0;
    for (size_t k = 0; k < len; k++) {
        unsigned char c = g[k];

        if (c == ' ' || c == '\t' || c == '-' || c == '&' || c == ',')
            continue;
        if (c == 0xE2 && k + 2 < len && g[k + 1] == 0x80
            && ((g[k + 2] >= 0x80 && g[k + 2] <= 0x8B) || g[k + 2] == 0x93
                || g[k + 2] == 0x94 || g[k + 2] == 0xAF)) {
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

/* Longest phrase among those whose first word is 'first'. */
static void
match_from (const tracuu_lexicon_t *lex, const tracuu_text_t *text,
            size_t i, size_t end, const char *first, size_t first_len,
            size_t *best, size_t *best_label)
{
    for (size_t v = first_with (lex, first, first_len);
         v < lex->n_phrases && same_word (lex->phrases[v].words, first,
                                          first_len);
         v++) {
        const phrase_t *p = &lex->phrases[v];
        const char *w = p->words;
        size_t k;

        if (p->n_words <= *best || i + p->n_words > end)
            continue;
        for (k = 1; k < p->n_words; k++) {
            w += strlen (w) + 1;
            if (!joinable (text, i + k - 1)
                || !word_matches (lex, w, &text->tokens[i + k]))
                break;
        }
        if (k == p->n_words) {
            *best = k;
            *best_label = p->label;
        }
    }
}

size_t
tracuu_lexicon__match (const tracuu_lexicon_t *lex, const tracuu_text_t *text,
                       size_t i, size_t end, size_t *label_out)
{
    size_t best = 0, best_label = 0;
    const tracuu_token_t *t;

    if (lex == NULL || text == NULL)
        return 0;
    if (end > text->n_tokens)
        end = text->n_tokens;
    if (i >= end)
        return 0;
    t = &text->tokens[i];
    if (lex->ascii)
        match_from (lex, text, i, end, t->folded, t->folded_len, &best,
                    &best_label);
    else
        match_from (lex, text, i, end, t->exact, t->exact_len, &best,
                    &best_label);
    if (t->flags & TRACUU_TOKEN_NUMBER)
        match_from (lex, text, i, end, "#", 1, &best, &best_label);
    match_from (lex, text, i, end, "*", 1, &best, &best_label);
    if (best > 0 && label_out != NULL)
        *label_out = best_label;
    return best;
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

static pthread_mutex_t once_lock = PTHREAD_MUTEX_INITIALIZER;

const tracuu_lexicon_t *
tracuu_lexicon__once (tracuu_lexicon_once_t *once, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *lex;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    pthread_mutex_lock (&once_lock);
    if (!once->done) {
        once->status = tracuu_lexicon__load (once->name, once->builtin,
                                             &once->lex);
        once->done = 1;
    }
    lex = once->lex;
    if (once->status != TRACUU_STATUS_OK)
        *rc = once->status;
    pthread_mutex_unlock (&once_lock);
    return lex;
}
