/*
 * bench/truth.c: parse the benchmark queries and count, by an exact
 * scan, the reports each one matches. See truth.h.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "truth.h"
#include "vn.h"

enum { N_PHRASE, N_AND, N_OR, N_NOT, N_PROVINCE, N_YEAR };

typedef struct node {
    int kind;                   /* N_*. */
    struct node *a, *b;         /* Operands. */
    uint64_t *hash;             /* N_PHRASE: token hashes. */
    uint64_t *hash_folded;      /* N_PHRASE: the same, folded. */
    size_t n;                   /* N_PHRASE: how many. */
    int folded;                 /* N_PHRASE: compare without diacritics. */
    char *province;             /* N_PROVINCE: folded name. */
    int year;                   /* N_YEAR. */
} node_t;

typedef struct query {
    char id[32];                /* "q01". */
    char *text;                 /* tracuu syntax. */
    node_t *root;               /* Parsed. */
    char fines_cat[32];         /* "fines:" category, or "". */
    int fines_year;             /* "fines:" year, or 0. */
    unsigned long count;        /* Reports matched. */
    unsigned long count_folded; /* The same, every term folded. */
    unsigned long fine_count;   /* Reports holding such a fine. */
} query_t;

struct truth_set {
    query_t *q;                 /* The queries. */
    size_t n;                   /* How many. */
    uint64_t *exact, *folded;   /* Scratch: the current report's tokens. */
    size_t n_tok, alloc;        /* Their count and allocation. */
};

/* One token of text: exact (lower case, canonical tone) and folded
 * hashes; returns 1 when the two differ. */
static int
token_hash (const uint32_t *cp, size_t n, uint64_t *exact, uint64_t *folded)
{
    uint32_t lw[64];
    uint64_t he = 1469598103934665603ULL, hf = he;
    size_t i, k;
    int accented = 0;
    char enc[4];

    if (n > 64)
        n = 64;
    for (i = 0; i < n; i++)
        lw[i] = vn_lower (cp[i]);
    /* Canonical tone placement in a final oa/oe/uy: on the first vowel
     * ("hoá" -> "hòa", "thuỷ" -> "thủy"), but not after q ("quý"). */
    if (n >= 2) {
        uint32_t f1 = vn_fold (lw[n - 2]), f2 = vn_fold (lw[n - 1]);
        int pair = (f1 == 'o' && (f2 == 'a' || f2 == 'e'))
                   || (f1 == 'u' && f2 == 'y');
        int after_q = n >= 3 && lw[n - 3] == 'q';

        if (pair && !after_q && vn_tone_of (lw[n - 2]) == 0
            && vn_tone_of (lw[n - 1]) != 0) {
            lw[n - 2] = vn_with_tone (lw[n - 2], vn_tone_of (lw[n - 1]));
            lw[n - 1] = vn_with_tone (lw[n - 1], 0);
        }
    }
    for (i = 0; i < n; i++) {
        uint32_t f = vn_fold (lw[i]);
        size_t len = vn_utf8_encode (lw[i], enc);

        if (f != lw[i])
            accented = 1;
        for (k = 0; k < len; k++) {
            he ^= (unsigned char) enc[k];
            he *= 1099511628211ULL;
        }
        len = vn_utf8_encode (f, enc);
        for (k = 0; k < len; k++) {
            hf ^= (unsigned char) enc[k];
            hf *= 1099511628211ULL;
        }
    }
    *exact = he;
    *folded = hf;
    return accented;
}

/* Split 'text' into tokens; calls back with each token's hashes. */
typedef void (*token_cb) (void *ctx, uint64_t exact, uint64_t folded,
                          int accented);

static void
tokenize (const char *text, size_t len, token_cb cb, void *ctx)
{
    uint32_t buf[64];
    size_t n = 0, i = 0;

    while (i <= len) {
        uint32_t cp = 0;

        if (i < len)
            i += vn_utf8_decode (text + i, len - i, &cp);
        else
            i++;
        if (cp != 0 && vn_is_word (cp)) {
            if (n < 64)
                buf[n++] = cp;
            continue;
        }
        if (n > 0) {
            uint64_t e, f;
            int acc = token_hash (buf, n, &e, &f);

            cb (ctx, e, f, acc);
            n = 0;
        }
    }
}

/* Parsing. */

typedef struct parser {
    const char *s;              /* Query text. */
    size_t pos;                 /* Cursor. */
    int error;                  /* Set on a syntax error. */
} parser_t;

typedef struct phrase_acc {
    uint64_t h_exact[32], h_folded[32];
    size_t n;
    int accented;
} phrase_acc_t;

static void
phrase_token (void *ctx, uint64_t exact, uint64_t folded, int accented)
{
    phrase_acc_t *p = ctx;

    if (p->n < 32) {
        p->h_exact[p->n] = exact;
        p->h_folded[p->n] = folded;
        p->n++;
    }
    p->accented |= accented;
}

static node_t *
new_node (int kind, node_t *a, node_t *b)
{
    node_t *nd = calloc (1, sizeof *nd);

    if (nd == NULL) {
        perror ("truth");
        exit (2);
    }
    nd->kind = kind;
    nd->a = a;
    nd->b = b;
    return nd;
}

static node_t *
phrase_node (const char *s, size_t len)
{
    phrase_acc_t acc;
    node_t *nd;

    memset (&acc, 0, sizeof acc);
    tokenize (s, len, phrase_token, &acc);
    if (acc.n == 0)
        return NULL;
    nd = new_node (N_PHRASE, NULL, NULL);
    nd->n = acc.n;
    nd->folded = !acc.accented;
    nd->hash = malloc (acc.n * sizeof *nd->hash);
    if (nd->hash == NULL) {
        perror ("truth");
        exit (2);
    }
    memcpy (nd->hash, nd->folded ? acc.h_folded : acc.h_exact,
            acc.n * sizeof *nd->hash);
    nd->hash_folded = malloc (acc.n * sizeof *nd->hash);
    if (nd->hash_folded == NULL) {
        perror ("truth");
        exit (2);
    }
    memcpy (nd->hash_folded, acc.h_folded, acc.n * sizeof *nd->hash);
    return nd;
}

static char *
fold_string (const char *s, size_t len)
{
    char *out = malloc (4 * len + 1);
    size_t i = 0, o = 0;

    if (out == NULL) {
        perror ("truth");
        exit (2);
    }
    while (i < len) {
        uint32_t cp;

        i += vn_utf8_decode (s + i, len - i, &cp);
        if (vn_is_word (cp))
            o += vn_utf8_encode (vn_fold (cp), out + o);
        else if (o > 0 && out[o - 1] != ' ')
            out[o++] = ' ';
    }
    while (o > 0 && out[o - 1] == ' ')
        o--;
    out[o] = '\0';
    return out;
}

static void
skip_space (parser_t *p)
{
    while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t')
        p->pos++;
}

static int
at_keyword (parser_t *p, const char *kw)
{
    size_t n = strlen (kw);
    char c;

    if (strncmp (p->s + p->pos, kw, n) != 0)
        return 0;
    c = p->s[p->pos + n];
    return c == ' ' || c == '\t' || c == '\0' || c == '(' || c == '"';
}

/* A quoted string or a bare word; returns its span. */
static void
read_value (parser_t *p, const char **start, size_t *len)
{
    if (p->s[p->pos] == '"') {
        const char *end = strchr (p->s + p->pos + 1, '"');

        *start = p->s + p->pos + 1;
        if (end == NULL) {
            *len = strlen (*start);
            p->pos += 1 + *len;
        } else {
            *len = (size_t) (end - *start);
            p->pos += *len + 2;
        }
        return;
    }
    *start = p->s + p->pos;
    while (p->s[p->pos] && !strchr (" \t()\"", p->s[p->pos]))
        p->pos++;
    *len = (size_t) (p->s + p->pos - *start);
}

static node_t *parse_or (parser_t *p);

static node_t *
parse_primary (parser_t *p)
{
    const char *v;
    size_t len;
    node_t *nd;

    skip_space (p);
    if (p->s[p->pos] == '(') {
        p->pos++;
        nd = parse_or (p);
        skip_space (p);
        if (p->s[p->pos] == ')')
            p->pos++;
        else
            p->error = 1;
        return nd;
    }
    if (strncmp (p->s + p->pos, "province:", 9) == 0) {
        p->pos += 9;
        read_value (p, &v, &len);
        nd = new_node (N_PROVINCE, NULL, NULL);
        nd->province = fold_string (v, len);
        return nd;
    }
    if (strncmp (p->s + p->pos, "year:", 5) == 0) {
        p->pos += 5;
        read_value (p, &v, &len);
        nd = new_node (N_YEAR, NULL, NULL);
        nd->year = atoi (v);
        return nd;
    }
    read_value (p, &v, &len);
    if (len == 0) {
        p->error = 1;
        return NULL;
    }
    return phrase_node (v, len);
}

static node_t *
parse_unary (parser_t *p)
{
    skip_space (p);
    if (at_keyword (p, "NOT")) {
        p->pos += 3;
        return new_node (N_NOT, parse_unary (p), NULL);
    }
    if (p->s[p->pos] == '-') {
        p->pos++;
        return new_node (N_NOT, parse_primary (p), NULL);
    }
    return parse_primary (p);
}

static node_t *
parse_and (parser_t *p)
{
    node_t *left = NULL;

    for (;;) {
        node_t *right;

        skip_space (p);
        if (p->s[p->pos] == '\0' || p->s[p->pos] == ')' || at_keyword (p, "OR"))
            break;
        if (at_keyword (p, "AND")) {
            p->pos += 3;
            continue;
        }
        right = parse_unary (p);
        if (p->error)
            break;
        if (right == NULL)
            continue;
        left = left ? new_node (N_AND, left, right) : right;
    }
    return left;
}

static node_t *
parse_or (parser_t *p)
{
    node_t *left = parse_and (p);

    for (;;) {
        skip_space (p);
        if (!at_keyword (p, "OR"))
            return left;
        p->pos += 2;
        left = new_node (N_OR, left, parse_and (p));
    }
}

/* Evaluation. */

static int
has_phrase (const truth_set_t *set, const node_t *nd, int all_folded)
{
    const uint64_t *tok = nd->folded || all_folded ? set->folded : set->exact;
    const uint64_t *hash = all_folded ? nd->hash_folded : nd->hash;
    size_t i, k;

    if (nd->n > set->n_tok)
        return 0;
    for (i = 0; i + nd->n <= set->n_tok; i++) {
        for (k = 0; k < nd->n && tok[i + k] == hash[k]; k++)
            ;
        if (k == nd->n)
            return 1;
    }
    return 0;
}

static int
eval (const truth_set_t *set, const node_t *nd, const truth_doc_t *doc,
      const char *prov_folded, int all_folded)
{
    if (nd == NULL)
        return 1;
    switch (nd->kind) {
    case N_PHRASE:
        return has_phrase (set, nd, all_folded);
    case N_AND:
        return eval (set, nd->a, doc, prov_folded, all_folded)
               && eval (set, nd->b, doc, prov_folded, all_folded);
    case N_OR:
        return eval (set, nd->a, doc, prov_folded, all_folded)
               || eval (set, nd->b, doc, prov_folded, all_folded);
    case N_NOT:
        return !eval (set, nd->a, doc, prov_folded, all_folded);
    case N_PROVINCE:
        return strcmp (nd->province, prov_folded) == 0;
    case N_YEAR:
        return nd->year == doc->year;
    }
    return 0;
}

static void
doc_token (void *ctx, uint64_t exact, uint64_t folded, int accented)
{
    truth_set_t *set = ctx;

    (void) accented;
    if (set->n_tok == set->alloc) {
        size_t alloc = set->alloc ? 2 * set->alloc : 4096;
        uint64_t *e = realloc (set->exact, alloc * sizeof *e);
        uint64_t *f = e ? realloc (set->folded, alloc * sizeof *f) : NULL;

        if (e == NULL || f == NULL) {
            perror ("truth");
            exit (2);
        }
        set->exact = e;
        set->folded = f;
        set->alloc = alloc;
    }
    set->exact[set->n_tok] = exact;
    set->folded[set->n_tok] = folded;
    set->n_tok++;
}

void
truth_add (truth_set_t *set, const truth_doc_t *doc)
{
    char *prov = fold_string (doc->province, strlen (doc->province));
    size_t i;

    set->n_tok = 0;
    tokenize (doc->text, doc->len, doc_token, set);
    for (i = 0; i < set->n; i++) {
        query_t *q = &set->q[i];

        if (eval (set, q->root, doc, prov, 0))
            q->count++;
        if (eval (set, q->root, doc, prov, 1))
            q->count_folded++;
        if (q->fines_cat[0] && doc->year == q->fines_year) {
            char key[40];

            snprintf (key, sizeof key, " %s ", q->fines_cat);
            if (strstr (doc->fine_cats, key))
                q->fine_count++;
        }
    }
    free (prov);
}

static char *
trim (char *s)
{
    size_t n;

    while (*s == ' ' || *s == '\t')
        s++;
    n = strlen (s);
    while (n > 0 && strchr (" \t\r\n", s[n - 1]))
        s[--n] = '\0';
    return s;
}

truth_set_t *
truth_load (const char *path)
{
    FILE *f = fopen (path, "r");
    truth_set_t *set;
    char line[2048];
    query_t *cur = NULL;

    if (f == NULL) {
        perror (path);
        return NULL;
    }
    set = calloc (1, sizeof *set);
    if (set == NULL || (set->q = calloc (256, sizeof *set->q)) == NULL) {
        perror ("truth");
        exit (2);
    }
    while (fgets (line, sizeof line, f)) {
        char *colon, *val, *t = trim (line);

        if (*t == '#' || *t == '\0')
            continue;
        colon = strchr (t, ':');
        if (colon == NULL)
            continue;
        *colon = '\0';
        val = trim (colon + 1);
        if (strcmp (t, "id") == 0) {
            if (set->n == 256)
                break;
            cur = &set->q[set->n++];
            snprintf (cur->id, sizeof cur->id, "%s", val);
        } else if (cur && strcmp (t, "tracuu") == 0) {
            parser_t p = { val, 0, 0 };

            cur->text = strdup (val);
            cur->root = parse_or (&p);
            if (p.error) {
                fprintf (stderr, "%s: %s: cannot parse: %s\n", path,
                         cur->id, val);
                fclose (f);
                truth_free (set);
                return NULL;
            }
        } else if (cur && strcmp (t, "fines") == 0) {
            if (sscanf (val, "%31s %d", cur->fines_cat, &cur->fines_year) != 2)
                cur->fines_cat[0] = '\0';
        }
    }
    fclose (f);
    return set;
}

void
truth_write (const truth_set_t *set, FILE *out)
{
    size_t i;

    fprintf (out, "# id\ttrue_docs\ttrue_fine_docs\tquery\ttrue_docs_folded\n");
    for (i = 0; i < set->n; i++) {
        const query_t *q = &set->q[i];

        if (q->fines_cat[0])
            fprintf (out, "%s\t%lu\t%lu\t%s\t%lu\n", q->id, q->count,
                     q->fine_count, q->text ? q->text : "", q->count_folded);
        else
            fprintf (out, "%s\t%lu\t-\t%s\t%lu\n", q->id, q->count,
                     q->text ? q->text : "", q->count_folded);
    }
}

static void
node_free (node_t *nd)
{
    if (nd == NULL)
        return;
    node_free (nd->a);
    node_free (nd->b);
    free (nd->hash);
    free (nd->hash_folded);
    free (nd->province);
    free (nd);
}

void
truth_free (truth_set_t *set)
{
    size_t i;

    if (set == NULL)
        return;
    for (i = 0; i < set->n; i++) {
        node_free (set->q[i].root);
        free (set->q[i].text);
    }
    free (set->q);
    free (set->exact);
    free (set->folded);
    free (set);
}
