/* Phrase lists of questions, matched on tokens with optional accents. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "question/question-private.h"
#include "util/tracuu-private.h"

/* One phrase: its words in exact and folded form. */
typedef struct qphrase {
    char **exact;               /* Exact forms, one per word. */
    char **folded;              /* Folded forms, one per word. */
    size_t n_words;             /* How many. */
    size_t label;               /* Index of its label. */
} qphrase_t;

/* The words of the phrases live in a chain of blocks freed together. */
typedef struct qblock {
    struct qblock *next;
    size_t used;                /* Bytes of 'data' taken. */
    size_t size;                /* Bytes of 'data'. */
    char *data[];               /* Room for pointers and strings. */
} qblock_t;

struct tracuu_qlex {
    char **labels;              /* In order of first appearance. */
    size_t n_labels;            /* How many. */
    qphrase_t *phrases;         /* Sorted by first folded word. */
    size_t n_phrases;           /* How many. */
    size_t alloc_phrases;       /* Allocated slots. */
    qblock_t *blocks;           /* What the phrases point to. */
};

void
tracuu_qlex__destroy (tracuu_qlex_t *lex)
{
    if (lex == NULL)
        return;
    for (size_t i = 0; i < lex->n_labels; i++)
        free (lex->labels[i]);
    while (lex->blocks != NULL) {
        qblock_t *next = lex->blocks->next;

        free (lex->blocks);
        lex->blocks = next;
    }
    free (lex->labels);
    free (lex->phrases);
    free (lex);
}

size_t
tracuu_qlex__count (const tracuu_qlex_t *lex)
{
    return lex ? lex->n_labels : 0;
}

const char *
tracuu_qlex__label (const tracuu_qlex_t *lex, size_t i)
{
    if (lex == NULL || i >= lex->n_labels)
        return NULL;
    return lex->labels[i];
}

/* Index of label 's' ('len' bytes), added if new; SIZE_MAX on failure. */
static size_t
intern_label (tracuu_status_t *rc, tracuu_qlex_t *lex, const char *s,
              size_t len)
{
    char **labels;

    if (*rc != TRACUU_STATUS_OK)
        return SIZE_MAX;
    for (size_t i = 0; i < lex->n_labels; i++)
        if (strlen (lex->labels[i]) == len
            && memcmp (lex->labels[i], s, len) == 0)
            return i;
    labels = realloc (lex->labels, (lex->n_labels + 1) * sizeof *labels);
    if (labels == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return SIZE_MAX;
    }
    lex->labels = labels;
    lex->labels[lex->n_labels] = strndup (s, len);
    if (lex->labels[lex->n_labels] == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return SIZE_MAX;
    }
    return lex->n_labels++;
}

/* 'n' bytes in the blocks of 'lex', aligned for pointers; NULL when
 * memory runs out. */
static void *
block_alloc (tracuu_status_t *rc, tracuu_qlex_t *lex, size_t n)
{
    qblock_t *b = lex->blocks;
    void *p;

    n = (n + sizeof (char *) - 1) / sizeof (char *) * sizeof (char *);
    if (b == NULL || b->used + n > b->size) {
        size_t size = n > 16384 ? n : 16384;

        b = malloc (sizeof *b + size);
        if (b == NULL) {
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return NULL;
        }
        b->next = lex->blocks;
        b->used = 0;
        b->size = size;
        lex->blocks = b;
    }
    p = (char *) b->data + b->used;
    b->used += n;
    return p;
}

/* Add phrase 's' ('len' bytes) for 'label', tokenized; 'forms' is
 * scratch space. A phrase without any token is ignored. */
static void
add_phrase (tracuu_status_t *rc, tracuu_qlex_t *lex, tracuu_buf_t *forms,
            size_t label, const char *s, size_t len)
{
    tracuu_text_t *text = NULL;
    qphrase_t p = { NULL, NULL, 0, label };
    size_t n;
    char *f;

    if (*rc != TRACUU_STATUS_OK)
        return;
    /* Most phrases are plain words, read without the analyzer. */
    forms->len = 0;
    n = tracuu_text__plain_words (rc, forms, s, len);
    if (n == SIZE_MAX && *rc == TRACUU_STATUS_OK) {
        *rc = tracuu_text_analyze (s, len, &text);
        for (n = 0; *rc == TRACUU_STATUS_OK && n < text->n_tokens; n++) {
            const tracuu_token_t *t = &text->tokens[n];

            tracuu_buf__append (rc, forms, t->exact, t->exact_len + 1);
            tracuu_buf__append (rc, forms, t->folded, t->folded_len + 1);
        }
    }
    if (*rc != TRACUU_STATUS_OK || n == 0)
        goto DONE;
    if (lex->n_phrases == lex->alloc_phrases) {
        size_t alloc = lex->alloc_phrases ? 2 * lex->alloc_phrases : 64;
        qphrase_t *more = realloc (lex->phrases, alloc * sizeof *more);

        if (more == NULL) {
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
            goto DONE;
        }
        lex->phrases = more;
        lex->alloc_phrases = alloc;
    }
    /* The pointers, then the forms they point to. */
    p.exact = block_alloc (rc, lex, 2 * n * sizeof *p.exact + forms->len);
    if (p.exact == NULL)
        goto DONE;
    p.folded = p.exact + n;
    f = memcpy (p.folded + n, forms->data, forms->len);
    for (; p.n_words < n; p.n_words++) {
        p.exact[p.n_words] = f;
        f += strlen (f) + 1;
        p.folded[p.n_words] = f;
        f += strlen (f) + 1;
    }
    lex->phrases[lex->n_phrases++] = p;

  DONE:
    tracuu_text_destroy (text);
}

/* Parse one line (without its newline); 0 when it has no TAB. */
static int
parse_line (tracuu_status_t *rc, tracuu_qlex_t *lex, tracuu_buf_t *forms,
            const char *line, size_t len)
{
    const char *tab, *end, *p;
    size_t label;

    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' '
                       || line[len - 1] == '\t'))
        len--;
    if (*rc != TRACUU_STATUS_OK || len == 0 || line[0] == '#')
        return 1;
    tab = memchr (line, '\t', len);
    end = line + len;
    if (tab == line)
        return 0;
    if (tab == NULL) {
        if (memchr (line, ' ', len) != NULL || memchr (line, '|', len))
            return 0;
        tab = end;              /* A label without phrases. */
    }
    label = intern_label (rc, lex, line, (size_t) (tab - line));
    if (tab < end) {
        const char *tab2 = memchr (tab + 1, '\t', (size_t) (end - tab - 1));

        if (tab2 != NULL)
            end = tab2;         /* A third column is ignored. */
    }
    for (p = tab < end ? tab + 1 : end; p < end;) {
        const char *bar = memchr (p, '|', (size_t) (end - p));
        size_t plen = bar ? (size_t) (bar - p) : (size_t) (end - p);

        add_phrase (rc, lex, forms, label, p, plen);
        p += plen + 1;
    }
    return 1;
}

/* By first folded word, then longer phrases first; 'a' and 'b' point to
 * pointers to phrases. */
static int
phrase_cmp (const void *a, const void *b)
{
    const qphrase_t *x = *(qphrase_t *const *) a, *y = *(qphrase_t *const *) b;
    const unsigned char *u = (const unsigned char *) x->folded[0];
    const unsigned char *v = (const unsigned char *) y->folded[0];
    /* The first bytes decide most comparisons, as strcmp() would. */
    int c = u[0] != v[0] ? u[0] - v[0] : strcmp (x->folded[0], y->folded[0]);

    if (c != 0)
        return c;
    if (x->n_words != y->n_words)
        return x->n_words > y->n_words ? -1 : 1;
    return x->label < y->label ? -1 : x->label > y->label;
}

/* Sort the phrases by phrase_cmp(). Pointers are sorted, then the
 * phrases put in their order: much cheaper than moving the phrases. */
static tracuu_status_t
sort_phrases (tracuu_qlex_t *lex)
{
    qphrase_t **order, *sorted;

    if (lex->n_phrases == 0)
        return TRACUU_STATUS_OK;
    order = malloc (lex->n_phrases * sizeof *order);
    sorted = malloc (lex->n_phrases * sizeof *sorted);
    if (order == NULL || sorted == NULL) {
        free (order);
        free (sorted);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    for (size_t i = 0; i < lex->n_phrases; i++)
        order[i] = &lex->phrases[i];
    qsort (order, lex->n_phrases, sizeof *order, phrase_cmp);
    for (size_t i = 0; i < lex->n_phrases; i++)
        sorted[i] = *order[i];
    free (order);
    free (lex->phrases);
    lex->phrases = sorted;
    lex->alloc_phrases = lex->n_phrases;
    return TRACUU_STATUS_OK;
}

static void
set_error (char **error_out, const char *name, size_t line)
{
    if (error_out != NULL
        && asprintf (error_out, "%s:%zu: expected label<TAB>phrase|phrase...",
                     name, line) < 0)
        *error_out = NULL;
}

tracuu_status_t
tracuu_qlex__parse (const char *name, const char *data, size_t len,
                    tracuu_qlex_t **out, char **error_out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_qlex_t *lex = NULL;
    tracuu_buf_t forms = { 0 };
    size_t pos = 0, line = 0;

    if (out == NULL || name == NULL || (data == NULL && len > 0))
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    lex = calloc (1, sizeof *lex);
    if (lex == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    while (pos < len && rc == TRACUU_STATUS_OK) {
        const char *nl = memchr (data + pos, '\n', len - pos);
        size_t line_len = nl ? (size_t) (nl - data - pos) : len - pos;

        line++;
        if (!parse_line (&rc, lex, &forms, data + pos, line_len)) {
            rc = TRACUU_STATUS_BAD_INPUT;
            set_error (error_out, name, line);
        }
        pos += line_len + 1;
    }
    if (rc != TRACUU_STATUS_OK)
        goto DONE;
    if (lex->n_phrases > 1)
        rc = sort_phrases (lex);
    if (rc != TRACUU_STATUS_OK)
        goto DONE;
    *out = lex;
    lex = NULL;

  DONE:
    free (forms.data);
    tracuu_qlex__destroy (lex);
    return rc;
}

/* Read all of 'path' into *data_out (free()). */
static tracuu_status_t
slurp (const char *path, char **data_out, size_t *len_out)
{
    tracuu_status_t status = TRACUU_STATUS_OK;
    FILE *f = fopen (path, "rb");
    char *data = NULL;
    size_t len = 0, alloc = 0, n;

    if (f == NULL)
        return TRACUU_STATUS_IO_ERROR;
    do {
        if (len == alloc) {
            char *more = realloc (data, alloc = alloc ? 2 * alloc : 4096);

            if (more == NULL) {
                status = TRACUU_STATUS_OUT_OF_MEMORY;
                goto DONE;
            }
            data = more;
        }
        n = fread (data + len, 1, alloc - len, f);
        len += n;
    } while (n > 0);
    if (ferror (f))
        status = TRACUU_STATUS_IO_ERROR;

  DONE:
    fclose (f);
    if (status) {
        free (data);
        return status;
    }
    *data_out = data;
    *len_out = len;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_qlex__load (const char *name, tracuu_qlex_t **out, char **error_out)
{
    tracuu_status_t status;
    char *rel = NULL, *path = NULL, *data = NULL;
    size_t len = 0;

    if (out == NULL || name == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (asprintf (&rel, "lexicon/%s", name) < 0) {
        rel = NULL;
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    status = tracuu_data__lexicon (name, &path);
    if (status)
        goto DONE;
    /* Without a data directory, the lexicons built into the program. */
    if (path == NULL) {
        const char *builtin = tracuu_data__embedded (rel, &len);

        if (builtin != NULL) {
            status = tracuu_qlex__parse (rel, builtin, len, out, error_out);
            goto DONE;
        }
        status = tracuu_data_path (rel, &path);
        if (status)
            goto DONE;
    }
    status = slurp (path, &data, &len);
    if (status == TRACUU_STATUS_IO_ERROR && error_out != NULL
        && asprintf (error_out, "cannot read lexicon %s: %s (set "
                     "TRACUU_DATA_DIR to the data directory)", path,
                     strerror (errno)) < 0)
        *error_out = NULL;
    if (status)
        goto DONE;
    status = tracuu_qlex__parse (path, data, len, out, error_out);

  DONE:
    free (data);
    free (path);
    free (rel);
    return status;
}

/* Only blanks or dashes between tokens i and i + 1. */
static int
joinable (const tracuu_text_t *text, size_t i)
{
    const unsigned char *g = (const unsigned char *) text->text
                             + text->tokens[i].end;
    size_t len = text->tokens[i + 1].start - text->tokens[i].end;

    if (len > 8)
        return 0;
    for (size_t k = 0; k < len; k++) {
        if (g[k] == ' ' || g[k] == '\t' || g[k] == '-')
            continue;
        if (g[k] == 0xC2 && k + 1 < len && g[k + 1] == 0xA0) {
            k++;                /* No-break space. */
            continue;
        }
        if (g[k] == 0xE2 && k + 2 < len && g[k + 1] == 0x80
            && (g[k + 2] == 0x93 || g[k + 2] == 0x94)) {
            k += 2;             /* En and em dashes. */
            continue;
        }
        return 0;
    }
    return 1;
}

static int
word_matches (const tracuu_token_t *t, const char *exact, const char *folded)
{
    if (strcmp (t->folded, folded) != 0)
        return 0;
    if (!(t->flags & TRACUU_TOKEN_ACCENTED) || t->exact[0] == '@')
        return 1;
    return strcmp (t->exact, exact) == 0;
}

/* First phrase whose first folded word is 'word', or n_phrases. */
static size_t
first_with (const tracuu_qlex_t *lex, const char *word)
{
    size_t lo = 0, hi = lex->n_phrases;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (strcmp (lex->phrases[mid].folded[0], word) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

size_t
tracuu_qlex__match (const tracuu_qlex_t *lex, const tracuu_text_t *text,
                    size_t i, size_t end, const char **label_out)
{
    const tracuu_token_t *t;

    if (lex == NULL || text == NULL)
        return 0;
    if (end > text->n_tokens)
        end = text->n_tokens;
    if (i >= end)
        return 0;
    t = &text->tokens[i];
    /* Longer phrases come first, so the first full match is the longest. */
    for (size_t v = first_with (lex, t->folded);
         v < lex->n_phrases && strcmp (lex->phrases[v].folded[0],
                                       t->folded) == 0;
         v++) {
        const qphrase_t *p = &lex->phrases[v];
        size_t k;

        if (i + p->n_words > end)
            continue;
        for (k = 0; k < p->n_words; k++)
            if ((k > 0 && !joinable (text, i + k - 1))
                || !word_matches (&text->tokens[i + k], p->exact[k],
                                  p->folded[k]))
                break;
        if (k == p->n_words) {
            if (label_out != NULL)
                *label_out = lex->labels[p->label];
            return k;
        }
    }
    return 0;
}
