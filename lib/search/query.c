/*
 * Query parsing: user syntax -> a small tree -> two Xapian queries.
 *
 * The match query uses the folded form of every syllable, so that a
 * query with or without diacritics finds the same documents. The boost
 * query repeats the words and two-syllable phrases that had diacritics
 * with their exact forms (a phrase as the AND of its words: exact forms
 * have no positions); the boost adds weight where it matches (see
 * with_boost()), so exact-accent matches rank higher without changing
 * what matches. The query is cut into tokens by the one lexer of the
 * query language (lexer.c). Malformed input (unbalanced quotes or
 * parentheses, lone operators) is read in the most useful way rather
 * than refused.
 */
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "index/index-private.h"
#include "search/search-private.h"
#include "util/util-private.h"

#define MAX_DEPTH 64
#define MAX_BOOSTED_WORDS 2     /* Longest phrase boosted by exact forms. */

typedef enum node_kind { N_TERMS, N_AND, N_OR, N_NOT } node_kind_t;

typedef struct node {
    node_kind_t kind;
    struct node **kids;         /* AND, OR: children; NOT: one child. */
    size_t n_kids;
    tracuu_text_t *text;        /* TERMS: the analyzed word or phrase. */
} node_t;

typedef struct parser {
    const char *s;
    const tracuu_lex_token_t *t;    /* The tokens of 's'. */
    size_t n;
    size_t pos;                 /* Next token. */
    int depth;
    int too_deep;               /* Parentheses nested past MAX_DEPTH. */
    tracuu_status_t rc;
} parser_t;

static void
node_free (node_t *n)
{
    if (n == NULL)
        return;
    for (size_t i = 0; i < n->n_kids; i++)
        node_free (n->kids[i]);
    free (n->kids);
    tracuu_text_destroy (n->text);
    free (n);
}

static node_t *
node_new (parser_t *p, node_kind_t kind)
{
    node_t *n;

    if (p->rc)
        return NULL;
    n = calloc (1, sizeof *n);
    if (n == NULL)
        p->rc = TRACUU_STATUS_OUT_OF_MEMORY;
    else
        n->kind = kind;
    return n;
}

static void
node_add (parser_t *p, node_t *parent, node_t *kid)
{
    node_t **kids;

    if (kid == NULL)
        return;
    if (p->rc || parent == NULL) {
        node_free (kid);
        return;
    }
    kids = tracuu_array__grow_counted (&p->rc, parent->kids, parent->n_kids,
                                       sizeof *kids);
    if (kids == NULL) {
        node_free (kid);
        return;
    }
    parent->kids = kids;
    parent->kids[parent->n_kids++] = kid;
}

/* A word or phrase; NULL when it holds no searchable token. */
static node_t *
terms_node (parser_t *p, const char *s, size_t len)
{
    tracuu_text_t *text = NULL;
    node_t *n;
    size_t words = 0;

    if (p->rc)
        return NULL;
    p->rc = tracuu_text_analyze (s, len, &text);
    if (p->rc)
        return NULL;
    for (size_t i = 0; i < text->n_tokens; i++)
        words += !(text->tokens[i].flags & TRACUU_TOKEN_FOOTNOTE);
    if (words == 0) {
        tracuu_text_destroy (text);
        return NULL;
    }
    n = node_new (p, N_TERMS);
    if (n == NULL)
        tracuu_text_destroy (text);
    else
        n->text = text;
    return n;
}

/* The kind of the next token, or -1 at the end. */
static int
peek (const parser_t *p)
{
    return p->pos < p->n ? (int) p->t[p->pos].kind : -1;
}

static node_t *parse_or (parser_t *p);

static node_t *
parse_atom (parser_t *p)
{
    const tracuu_lex_token_t *t;

    if (p->pos >= p->n || p->rc)
        return NULL;
    t = &p->t[p->pos++];
    switch (t->kind) {
    case TRACUU_LEX_OPEN: {
        node_t *n;

        if (++p->depth > MAX_DEPTH) {
            p->rc = TRACUU_STATUS_QUERY_SYNTAX;
            p->too_deep = 1;
            return NULL;
        }
        n = parse_or (p);
        p->depth--;
        if (peek (p) == TRACUU_LEX_CLOSE)
            p->pos++;           /* A missing ')' closes at the end. */
        return n;
    }
    case TRACUU_LEX_PHRASE:
        return terms_node (p, p->s + t->text_start, t->text_end - t->text_start);
    case TRACUU_LEX_WORD:
    case TRACUU_LEX_FIELD:
        /* A field reaching a search is searched as the words it holds. */
        return terms_node (p, p->s + t->start, t->end - t->start);
    default:
        return NULL;            /* An operator where a word should be. */
    }
}

static node_t *
parse_unary (parser_t *p)
{
    int negate = 0;
    node_t *atom, *n;

    if (peek (p) == TRACUU_LEX_NOT || peek (p) == TRACUU_LEX_MINUS) {
        p->pos++;
        negate = 1;
    } else if (peek (p) == TRACUU_LEX_PLUS) {
        p->pos++;
    }
    atom = parse_atom (p);
    if (!negate || atom == NULL)
        return atom;
    n = node_new (p, N_NOT);
    node_add (p, n, atom);      /* Frees 'atom' when it cannot add it. */
    return n;
}

static node_t *
parse_and (parser_t *p)
{
    node_t *n = node_new (p, N_AND);

    while (!p->rc && p->pos < p->n && peek (p) != TRACUU_LEX_CLOSE
           && peek (p) != TRACUU_LEX_OR) {
        if (peek (p) == TRACUU_LEX_AND) {
            p->pos++;
            continue;
        }
        node_add (p, n, parse_unary (p));
    }
    return n;
}

static node_t *
parse_or (parser_t *p)
{
    node_t *n = node_new (p, N_OR);

    node_add (p, n, parse_and (p));
    while (!p->rc && peek (p) == TRACUU_LEX_OR) {
        p->pos++;
        node_add (p, n, parse_and (p));
    }
    return n;
}

/* The whole query: a ')' with no '(' before it is skipped, and what
 * follows it still counts. */
static node_t *
parse_query (parser_t *p)
{
    node_t *n = node_new (p, N_AND);

    while (!p->rc && p->pos < p->n) {
        node_add (p, n, parse_or (p));
        if (peek (p) == TRACUU_LEX_CLOSE)
            p->pos++;
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Building Xapian queries.                                           */

typedef struct builder {
    tracuu_status_t rc;
    tracuu_query_t *out;
    const char *prefix;         /* Words of cases: prefix, folded, no positions. */
} builder_t;

static xapc_query_t *
fail (builder_t *b, xapc_status_t st)
{
    if (st && !b->rc)
        b->rc = st == XAPC_ERR_NOMEM ? TRACUU_STATUS_OUT_OF_MEMORY
                                     : TRACUU_STATUS_QUERY_SYNTAX;
    return NULL;
}

static xapc_query_t *
term (builder_t *b, const char *s, size_t len)
{
    xapc_query_t *q = NULL;

    if (b->rc)
        return NULL;
    if (len > XAPC_MAX_TERM_BYTES)
        len = XAPC_MAX_TERM_BYTES;
    return fail (b, xapc_query_term (s, len, 1, 0, &q)) ? NULL : q;
}

/* A match-all query, noted: it matches cases as well as reports. */
static xapc_status_t
all_documents (builder_t *b, xapc_query_t **out)
{
    b->out->all_documents = 1;
    return xapc_query_match_all (out);
}

/* The term of a case's word: the prefix, then the folded form. */
static xapc_query_t *
case_term (builder_t *b, const char *s, size_t len)
{
    char buf[XAPC_MAX_TERM_BYTES];
    size_t plen = strlen (b->prefix);

    if (len > sizeof buf - plen)
        len = sizeof buf - plen;
    memcpy (buf, b->prefix, plen);
    memcpy (buf + plen, s, len);
    return term (b, buf, plen + len);
}

/* Combine and free the subqueries; NULL subqueries are left out. */
static xapc_query_t *
combine (builder_t *b, xapc_op_t op, xapc_query_t **subs, size_t n)
{
    xapc_query_t *q = NULL;
    size_t m = 0;

    for (size_t i = 0; i < n; i++)
        if (subs[i] != NULL)
            subs[m++] = subs[i];
    if (m == 1 && op != XAPC_OP_PHRASE)
        return subs[0];
    if (m > 0 && !b->rc)
        fail (b, xapc_query_combine (op, subs, m, 0, &q));
    for (size_t i = 0; i < m; i++)
        xapc_query_destroy (subs[i]);
    return q;
}

/* Keep the folded words of a positive word or phrase for snippets. */
static void
remember (builder_t *b, const tracuu_text_t *t)
{
    tracuu_query_t *q = b->out;
    tracuu_unit_t *unit, *units;

    if (b->rc)
        return;
    units = tracuu_array__grow_counted (&b->rc, q->units, q->n_units,
                                        sizeof *units);
    if (units == NULL)
        return;
    q->units = units;
    unit = &q->units[q->n_units++];
    unit->n_words = 0;
    unit->words = calloc (t->n_tokens + 1, sizeof *unit->words);
    if (unit->words == NULL) {
        b->rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    for (size_t i = 0; i < t->n_tokens; i++) {
        const tracuu_token_t *tok = &t->tokens[i];
        char *w;

        if (tok->flags & TRACUU_TOKEN_FOOTNOTE)
            continue;
        w = strndup (tok->folded, tok->folded_len);
        if (w == NULL) {
            b->rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return;
        }
        unit->words[unit->n_words++] = w;
    }
}

/* Match query of a word or phrase (folded forms); *boost_out gets the
 * exact-form version when any of its syllables had diacritics. */
static xapc_query_t *
build_terms (builder_t *b, const node_t *n, int positive,
             xapc_query_t **boost_out)
{
    const tracuu_text_t *t = n->text;
    xapc_query_t **f = calloc (t->n_tokens + 1, sizeof *f);
    xapc_query_t **e = calloc (t->n_tokens + 1, sizeof *e);
    size_t k = 0;
    int accented = 0;
    xapc_query_t *match;

    *boost_out = NULL;
    if (f == NULL || e == NULL) {
        free (f);
        free (e);
        b->rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return NULL;
    }
    for (size_t i = 0; i < t->n_tokens; i++) {
        const tracuu_token_t *tok = &t->tokens[i];

        if (tok->flags & TRACUU_TOKEN_FOOTNOTE)
            continue;
        if (b->prefix != NULL) {
            f[k] = case_term (b, tok->folded, tok->folded_len);
        } else {
            f[k] = term (b, tok->folded, tok->folded_len);
            e[k] = term (b, tok->exact, tok->exact_len);
        }
        accented |= (tok->flags & TRACUU_TOKEN_ACCENTED) != 0;
        k++;
    }
    if (positive)
        remember (b, t);
    if (!positive && k == 1 && b->prefix == NULL) {
        /* An excluded word is excluded as typed: "-giả" must not drop
         * every document with "gia". */
        xapc_query_t **swap = f;

        f = e;
        e = swap;
    }
    /* Words of cases have no positions: a phrase finds them by its words. */
    match = k == 1 ? f[0] : combine (b, b->prefix ? XAPC_OP_AND : XAPC_OP_PHRASE,
                                     f, k);
    /* Exact forms carry no positions: a phrase boosts by its words. A
     * phrase of three syllables or more is not boosted: once folded it
     * almost never stands for another phrase, and the boost would be
     * evaluated for every one of its matches (about three times the
     * cost of a common phrase). */
    if (accented && positive && k <= MAX_BOOSTED_WORDS && b->prefix == NULL)
        *boost_out = k == 1 ? e[0] : combine (b, XAPC_OP_AND, e, k);
    else
        for (size_t i = 0; i < k; i++)
            xapc_query_destroy (e[i]);
    free (f);
    free (e);
    return match;
}

static xapc_query_t *
build (builder_t *b, const node_t *n, int positive, xapc_query_t **boost_out)
{
    xapc_query_t **pos = NULL, **neg = NULL, **boosts = NULL;
    size_t np = 0, nn = 0, nb = 0;
    xapc_query_t *q = NULL;

    *boost_out = NULL;
    if (n == NULL || b->rc)
        return NULL;
    if (n->kind == N_TERMS)
        return build_terms (b, n, positive, boost_out);
    if (n->kind == N_NOT) {
        xapc_query_t *ignored = NULL, *all = NULL, *subs[2];

        q = build (b, n->kids[0], !positive, &ignored);
        xapc_query_destroy (ignored);
        if (q == NULL || fail (b, all_documents (b, &all)) || b->rc) {
            xapc_query_destroy (q);
            return NULL;
        }
        subs[0] = all;
        subs[1] = q;
        return combine (b, XAPC_OP_AND_NOT, subs, 2);
    }
    pos = calloc (n->n_kids + 1, sizeof *pos);
    neg = calloc (n->n_kids + 1, sizeof *neg);
    boosts = calloc (n->n_kids + 1, sizeof *boosts);
    if (pos == NULL || neg == NULL || boosts == NULL) {
        b->rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    for (size_t i = 0; i < n->n_kids; i++) {
        const node_t *kid = n->kids[i];

        if (n->kind == N_AND && kid->kind == N_NOT) {
            xapc_query_t *ignored = NULL;

            neg[nn++] = build (b, kid->kids[0], !positive, &ignored);
            xapc_query_destroy (ignored);
        } else {
            pos[np++] = build (b, kid, positive, &boosts[nb]);
            nb += boosts[nb] != NULL;
        }
    }
    if (n->kind == N_OR) {
        q = combine (b, XAPC_OP_OR, pos, np);
    } else if (np > 0) {
        q = combine (b, XAPC_OP_AND, pos, np);
    } else if (nn > 0) {
        fail (b, all_documents (b, &q));
    }
    if (nn > 0 && q != NULL) {
        xapc_query_t *subs[2] = { q, combine (b, XAPC_OP_OR, neg, nn) };

        q = subs[1] ? combine (b, XAPC_OP_AND_NOT, subs, 2) : q;
    } else {
        for (size_t i = 0; i < nn; i++)
            xapc_query_destroy (neg[i]);
    }
    *boost_out = combine (b, XAPC_OP_OR, boosts, nb);

  DONE:
    free (pos);
    free (neg);
    free (boosts);
    return q;
}

/*
 * 'match', where 'boost' adds its weight: match AND (boost OR every
 * document at weight 0). The same documents and weights as match
 * AND_MAYBE boost, but under an AND Xapian checks the positions of a
 * phrase only for the documents that could still rank, where AND_MAYBE
 * had it check every one (3.5 times the time of "xử phạt" on 100 000
 * reports). Takes both queries.
 */
static xapc_query_t *
with_boost (builder_t *b, xapc_query_t *match, xapc_query_t *boost)
{
    xapc_query_t *all = NULL, *zero = NULL, *either[2], *both[2];

    if (xapc_query_match_all (&all) != XAPC_OK)
        b->rc = TRACUU_STATUS_OUT_OF_MEMORY;
    else
        fail (b, xapc_query_scale (all, 0.0, &zero));
    xapc_query_destroy (all);
    if (zero == NULL) {
        xapc_query_destroy (match);
        xapc_query_destroy (boost);
        return NULL;
    }
    either[0] = boost;
    either[1] = zero;
    both[0] = match;
    both[1] = combine (b, XAPC_OP_OR, either, 2);
    return combine (b, XAPC_OP_AND, both, 2);
}

static tracuu_status_t
parse (const char *s, size_t len, const char *prefix, tracuu_query_t **out)
{
    parser_t p = { s, NULL, 0, 0, 0, 0, TRACUU_STATUS_OK };
    builder_t b = { TRACUU_STATUS_OK, NULL, prefix };
    tracuu_lex_t lex = { NULL, 0 };
    node_t *root;
    xapc_query_t *match = NULL, *boost = NULL;

    *out = NULL;
    p.rc = tracuu_lex__scan (s, len, &lex);
    p.t = lex.tokens;
    p.n = lex.n;
    root = parse_query (&p);
    tracuu_lex__dispose (&lex);
    if (p.rc) {
        node_free (root);
        return p.too_deep ? TRACUU_STATUS_LIMIT_EXCEEDED : p.rc;
    }
    b.out = calloc (1, sizeof *b.out);
    if (b.out == NULL) {
        node_free (root);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    match = build (&b, root, 1, &boost);
    node_free (root);
    if (b.rc == TRACUU_STATUS_OK && match == NULL)
        b.rc = TRACUU_STATUS_QUERY_SYNTAX;     /* Nothing searchable. */
    if (b.rc == TRACUU_STATUS_OK && boost != NULL) {
        match = with_boost (&b, match, boost);
        boost = NULL;
    }
    xapc_query_destroy (boost);
    if (b.rc) {
        xapc_query_destroy (match);
        tracuu_query__destroy (b.out);
        return b.rc;
    }
    b.out->xq = match;
    *out = b.out;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_query__parse (const char *s, size_t len, tracuu_query_t **out)
{
    return parse (s, len, NULL, out);
}

tracuu_status_t
tracuu_query__parse_cases (const char *s, size_t len, tracuu_query_t **out)
{
    return parse (s, len, TRACUU_PREFIX_WORD, out);
}

void
tracuu_query__destroy (tracuu_query_t *q)
{
    if (q == NULL)
        return;
    for (size_t i = 0; i < q->n_units; i++) {
        for (size_t k = 0; k < q->units[i].n_words; k++)
            free (q->units[i].words[k]);
        free (q->units[i].words);
    }
    free (q->units);
    xapc_query_destroy (q->xq);
    free (q);
}

tracuu_status_t
tracuu_query__match_all (tracuu_query_t **out)
{
    tracuu_query_t *q = calloc (1, sizeof *q);

    *out = NULL;
    if (q == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    if (xapc_query_match_all (&q->xq)) {
        free (q);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    q->all_documents = 1;
    *out = q;
    return TRACUU_STATUS_OK;
}
