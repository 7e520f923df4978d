/*
 * Filters of a question as boolean Xapian queries, driven by the fields
 * table: each field an OR of its included values, the fields ANDed,
 * excluded values and ranges taken out, periods matched by overlap of
 * day spans (so year:2024 matches a case of 2024-H1 or of April 2024),
 * excluded periods by containment.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/field.h"
#include "index/index-private.h"
#include "search/search-private.h"
#include "util/util-private.h"

typedef struct parts {
    xapc_query_t **q;
    size_t n;
    size_t alloc;
    tracuu_status_t rc;
} parts_t;

static void
fail (parts_t *p, xapc_status_t st)
{
    if (st && !p->rc)
        p->rc = st == XAPC_ERR_NOMEM ? TRACUU_STATUS_OUT_OF_MEMORY
                                     : TRACUU_STATUS_QUERY_SYNTAX;
}

/* Keep 'q' (NULL is left out). */
static void
push (parts_t *p, xapc_query_t *q)
{
    if (q == NULL)
        return;
    if (p->rc == TRACUU_STATUS_OK && p->n == p->alloc) {
        xapc_query_t **more = tracuu_array__grow (&p->rc, p->q, &p->alloc,
                                                  p->n + 1, sizeof *more);

        if (more != NULL)
            p->q = more;
    }
    if (p->rc) {
        xapc_query_destroy (q);
        return;
    }
    p->q[p->n++] = q;
}

static void
parts_dispose (parts_t *p)
{
    for (size_t i = 0; i < p->n; i++)
        xapc_query_destroy (p->q[i]);
    free (p->q);
    p->q = NULL;
    p->n = p->alloc = 0;
}

/* Combine the parts with 'op' and free them; NULL when there are none. */
static xapc_query_t *
combine (parts_t *p, xapc_op_t op)
{
    xapc_query_t *q = NULL;

    if (p->n == 1 && !p->rc) {
        q = p->q[0];
        p->n = 0;
    } else if (p->n > 1 && !p->rc) {
        fail (p, xapc_query_combine (op, p->q, p->n, 0, &q));
    }
    parts_dispose (p);
    return q;
}

static xapc_query_t *
term (parts_t *p, const char *prefix, const char *value, size_t len)
{
    char t[XAPC_MAX_TERM_BYTES + 1];
    size_t plen = strlen (prefix);
    xapc_query_t *q = NULL;

    if (plen + len > XAPC_MAX_TERM_BYTES)
        len = XAPC_MAX_TERM_BYTES - plen;
    memcpy (t, prefix, plen);
    memcpy (t + plen, value, len);
    fail (p, xapc_query_term (t, plen + len, 1, 0, &q));
    return q;
}

/* Every folded word of 'value' as a term, ANDed. */
static xapc_query_t *
words (parts_t *p, const char *prefix, const char *value)
{
    parts_t all = { NULL, 0, 0, TRACUU_STATUS_OK };
    tracuu_text_t *text = NULL;
    xapc_query_t *q;

    if (tracuu_text_analyze (value, strlen (value), &text)) {
        p->rc = p->rc ? p->rc : TRACUU_STATUS_OUT_OF_MEMORY;
        return NULL;
    }
    for (size_t i = 0; i < text->n_tokens; i++)
        if (!(text->tokens[i].flags & TRACUU_TOKEN_FOOTNOTE))
            push (&all, term (&all, prefix, text->tokens[i].folded,
                              text->tokens[i].folded_len));
    tracuu_text_destroy (text);
    q = combine (&all, XAPC_OP_AND);
    if (all.rc && !p->rc)
        p->rc = all.rc;
    return q;
}

/* The query of one value of field 'f'. */
static xapc_query_t *
value_query (parts_t *p, const tracuu_field_t *f, const char *value)
{
    char *folded = NULL;
    size_t flen = strlen (value);
    xapc_query_t *q;

    switch (f->term) {
    case TRACUU_TERM_RAW:
        return term (p, f->prefix, value, flen);
    case TRACUU_TERM_FOLDED:
    case TRACUU_TERM_SLUG:
        if (tracuu_document__fold_value (value, flen, f->term == TRACUU_TERM_SLUG,
                                         &folded, &flen)) {
            p->rc = p->rc ? p->rc : TRACUU_STATUS_OUT_OF_MEMORY;
            return NULL;
        }
        q = term (p, f->prefix, folded, flen);
        free (folded);
        return q;
    case TRACUU_TERM_WORDS:
        return words (p, f->prefix, value);
    case TRACUU_TERM_NONE:
        break;
    }
    return NULL;
}

static xapc_query_t *
value_bound (parts_t *p, xapc_slot_t slot, const char *lo, const char *hi)
{
    xapc_query_t *q = NULL;

    fail (p, xapc_query_value_range (slot, lo, lo ? strlen (lo) : 0,
                                     hi, hi ? strlen (hi) : 0, &q));
    return q;
}

/* The range [from, to] is whole years, each of which has its Y term. */
static int
whole_years (int64_t from, int64_t to)
{
    int64_t y0 = from / 10000, y1 = to / 10000;

    return from > 0 && to > 0 && from % 10000 == 101 && to % 10000 == 1231
           && y0 >= TRACUU_YEAR_TERMS_FIRST && y1 <= TRACUU_YEAR_TERMS_LAST
           && y1 >= y0 && y1 - y0 < 64;
}

/* A period overlapping days [from, to] (0: open): it starts before they
 * end and ends after they start. Whole years are terms; any other range
 * compares values. NULL when both sides are open. */
static xapc_query_t *
date_query (parts_t *p, int64_t from, int64_t to)
{
    parts_t sub = { NULL, 0, 0, TRACUU_STATUS_OK };
    char buf[32];
    xapc_query_t *q;

    if (whole_years (from, to)) {
        for (int64_t y = from / 10000; y <= to / 10000; y++) {
            snprintf (buf, sizeof buf, "%04d", (int) y);
            push (&sub, term (&sub, TRACUU_PREFIX_YEAR, buf, strlen (buf)));
        }
        q = combine (&sub, XAPC_OP_OR);
    } else {
        if (to > 0) {
            snprintf (buf, sizeof buf, "%08d", (int) to);
            push (&sub, value_bound (&sub, TRACUU_SLOT_FROM, NULL, buf));
        }
        if (from > 0) {
            snprintf (buf, sizeof buf, "%08d", (int) from);
            push (&sub, value_bound (&sub, TRACUU_SLOT_TO, buf, NULL));
        }
        q = combine (&sub, XAPC_OP_AND);
    }
    if (sub.rc && !p->rc)
        p->rc = sub.rc;
    return q;
}

/* A period inside days [from, to] (0: open): an excluded period takes
 * out what lies in it, not what overlaps it ("năm 2024 ngoài quý 1"
 * keeps the half-year total of 2024-H1). NULL when both are open. */
static xapc_query_t *
inside_query (parts_t *p, int64_t from, int64_t to)
{
    parts_t sub = { NULL, 0, 0, TRACUU_STATUS_OK };
    char buf[32];
    xapc_query_t *q;

    if (from > 0) {
        snprintf (buf, sizeof buf, "%08d", (int) from);
        push (&sub, value_bound (&sub, TRACUU_SLOT_FROM, buf, NULL));
    }
    if (to > 0) {
        snprintf (buf, sizeof buf, "%08d", (int) to);
        push (&sub, value_bound (&sub, TRACUU_SLOT_TO, NULL, buf));
    }
    q = combine (&sub, XAPC_OP_AND);
    if (sub.rc && !p->rc)
        p->rc = sub.rc;
    return q;
}

/* Amounts in [lo, hi] (-1: open); NULL when both sides are open. */
static xapc_query_t *
amount_query (parts_t *p, int64_t lo, int64_t hi)
{
    char a[32], b[32];

    if (lo < 0 && hi < 0)
        return NULL;
    snprintf (a, sizeof a, "%015lld", (long long) (lo >= 0 ? lo : 0));
    snprintf (b, sizeof b, "%015lld", (long long) hi);
    return value_bound (p, TRACUU_SLOT_AMOUNT, a, hi >= 0 ? b : NULL);
}

/* The included values of field 'f' (ORed) into 'keep', its excluded
 * ones into 'drop'. */
static void
field_filters (parts_t *keep, parts_t *drop, const tracuu_question_t *q,
               const tracuu_field_t *f)
{
    parts_t any = { NULL, 0, 0, TRACUU_STATUS_OK };

    for (size_t i = 0; i < q->n_filters; i++) {
        const tracuu_question_filter_t *qf = &q->filters[i];
        xapc_query_t *one;

        if (strcmp (qf->field, f->name) != 0)
            continue;
        if (f->kind == TRACUU_FIELD_DATE)
            one = inside_query (drop, qf->lo > 0 ? qf->lo : 0,
                                qf->hi > 0 ? qf->hi : 0);
        else if (f->kind == TRACUU_FIELD_AMOUNT)
            one = amount_query (drop, qf->lo, qf->hi);
        else
            one = value_query (qf->exclude ? drop : &any, f, qf->value);
        push (qf->exclude ? drop : &any, one);
    }
    if (any.rc && !keep->rc)
        keep->rc = any.rc;
    push (keep, combine (&any, XAPC_OP_OR));
}

tracuu_status_t
tracuu_filters__build (const tracuu_question_t *q, const char *kind,
                       xapc_query_t **out)
{
    parts_t keep = { NULL, 0, 0, TRACUU_STATUS_OK };
    parts_t drop = { NULL, 0, 0, TRACUU_STATUS_OK };
    xapc_query_t *subs[2];

    *out = NULL;
    push (&keep, term (&keep, TRACUU_PREFIX_KIND, kind, strlen (kind)));
    if (q != NULL) {
        for (size_t i = 0; i < tracuu_field_count (); i++)
            field_filters (&keep, &drop, q, tracuu_field_at (i));
        push (&keep, date_query (&keep, q->date_from, q->date_to));
        push (&keep, amount_query (&keep, q->amount_min, q->amount_max));
    }
    subs[0] = combine (&keep, XAPC_OP_AND);
    subs[1] = combine (&drop, XAPC_OP_OR);
    if (keep.rc || drop.rc) {
        xapc_query_destroy (subs[0]);
        xapc_query_destroy (subs[1]);
        return keep.rc ? keep.rc : drop.rc;
    }
    if (subs[1] == NULL) {
        *out = subs[0];
        return TRACUU_STATUS_OK;
    }
    if (xapc_query_combine (XAPC_OP_AND_NOT, subs, 2, 0, out))
        keep.rc = TRACUU_STATUS_OUT_OF_MEMORY;
    xapc_query_destroy (subs[0]);
    xapc_query_destroy (subs[1]);
    return keep.rc;
}
