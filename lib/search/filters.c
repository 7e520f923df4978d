/*
 * Filters of a question as boolean Xapian queries: each field an OR of
 * its values, the fields ANDed, periods matched by overlap of day spans
 * (so year:2024 matches a case of 2024-H1 or of April 2024).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/tracuu-document.h"
#include "search/tracuu-filters.h"
#include "index/schema.h"

typedef struct parts {
    xapc_query_t *q[64];
    size_t n;
    tracuu_status_t rc;
} parts_t;

static void
push (parts_t *p, xapc_status_t st, xapc_query_t *q)
{
    if (st && !p->rc)
        p->rc = st == XAPC_ERR_NOMEM ? TRACUU_STATUS_OUT_OF_MEMORY
                                     : TRACUU_STATUS_QUERY_SYNTAX;
    if (q == NULL)
        return;
    if (p->n == sizeof p->q / sizeof p->q[0] || p->rc) {
        xapc_query_destroy (q);
        return;
    }
    p->q[p->n++] = q;
}

/* Combine and free. */
static xapc_query_t *
combine (parts_t *p, xapc_op_t op, xapc_query_t **subs, size_t n)
{
    xapc_query_t *q = NULL;

    if (n == 1)
        return subs[0];
    if (n > 1 && xapc_query_combine (op, subs, n, 0, &q) && !p->rc)
        p->rc = TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < n; i++)
        xapc_query_destroy (subs[i]);
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
    if (xapc_query_term (t, plen + len, 1, 0, &q) && !p->rc)
        p->rc = TRACUU_STATUS_OUT_OF_MEMORY;
    return q;
}

/* OR of prefix + each value (folded as the index folds them). */
static void
field (parts_t *p, const char *prefix, char *const *values, size_t n,
       int fold, int slug)
{
    xapc_query_t *subs[64];
    size_t k = 0;

    for (size_t i = 0; i < n && k < 64 && !p->rc; i++) {
        char *folded = NULL;
        size_t flen = strlen (values[i]);
        const char *v = values[i];

        if (fold) {
            if (tracuu_document__fold_value (values[i], flen, slug, &folded,
                                             &flen)) {
                p->rc = TRACUU_STATUS_OUT_OF_MEMORY;
                break;
            }
            v = folded;
        }
        subs[k] = term (p, prefix, v, flen);
        k += subs[k] != NULL;
        free (folded);
    }
    if (k > 0)
        push (p, XAPC_OK, combine (p, XAPC_OP_OR, subs, k));
}

static void
value_bound (parts_t *p, xapc_slot_t slot, const char *lo, const char *hi)
{
    xapc_query_t *q = NULL;
    xapc_status_t st = xapc_query_value_range (slot, lo, lo ? strlen (lo) : 0,
                                               hi, hi ? strlen (hi) : 0, &q);

    push (p, st, q);
}

/* The date range is whole years, each of which has its Y term. */
static int
whole_years (const tracuu_question_t *q)
{
    int y0 = (int) (q->date_from / 10000), y1 = (int) (q->date_to / 10000);

    return q->date_from > 0 && q->date_to > 0
           && q->date_from % 10000 == 101 && q->date_to % 10000 == 1231
           && y0 >= TRACUU_YEAR_TERMS_FIRST && y1 <= TRACUU_YEAR_TERMS_LAST
           && y1 >= y0 && y1 - y0 < 64;
}

/* A period overlapping the question's dates: it starts before they end
 * and ends after they start. Whole years are terms; any other range
 * compares values. */
static void
date_filter (parts_t *p, const tracuu_question_t *q)
{
    char buf[32];

    if (whole_years (q)) {
        xapc_query_t *subs[64];
        size_t k = 0;

        for (int y = (int) (q->date_from / 10000);
             y <= (int) (q->date_to / 10000) && !p->rc; y++) {
            snprintf (buf, sizeof buf, "%04d", y);
            subs[k] = term (p, TRACUU_PREFIX_YEAR, buf, strlen (buf));
            k += subs[k] != NULL;
        }
        push (p, XAPC_OK, combine (p, XAPC_OP_OR, subs, k));
        return;
    }
    if (q->date_to > 0) {
        snprintf (buf, sizeof buf, "%08d", (int) q->date_to);
        value_bound (p, TRACUU_SLOT_FROM, NULL, buf);
    }
    if (q->date_from > 0) {
        snprintf (buf, sizeof buf, "%08d", (int) q->date_from);
        value_bound (p, TRACUU_SLOT_TO, buf, NULL);
    }
}

tracuu_status_t
tracuu_filters__build (const tracuu_question_t *q, const char *kind,
                       xapc_query_t **out)
{
    parts_t p = { .n = 0, .rc = TRACUU_STATUS_OK };
    char *kinds[1] = { (char *) kind };

    *out = NULL;
    field (&p, TRACUU_PREFIX_KIND, kinds, 1, 0, 0);
    if (q != NULL) {
        char *action[1] = { q->action };

        if (q->action)
            field (&p, TRACUU_PREFIX_ACTION, action, 1, 0, 0);
        field (&p, TRACUU_PREFIX_CATEGORY, q->categories, q->n_categories, 0, 0);
        field (&p, TRACUU_PREFIX_PLATFORM, q->platforms, q->n_platforms, 1, 1);
        field (&p, TRACUU_PREFIX_PROVINCE, q->provinces, q->n_provinces, 1, 1);
        field (&p, TRACUU_PREFIX_ACCOUNT, q->accounts, q->n_accounts, 1, 0);
        field (&p, TRACUU_PREFIX_PERSON, q->persons, q->n_persons, 1, 0);
        field (&p, TRACUU_PREFIX_NUMBER, q->numbers, q->n_numbers, 1, 0);
        date_filter (&p, q);
        if (q->amount_min >= 0 || q->amount_max >= 0) {
            char lo[32], hi[32];

            snprintf (lo, sizeof lo, "%015lld",
                      (long long) (q->amount_min >= 0 ? q->amount_min : 0));
            snprintf (hi, sizeof hi, "%015lld", (long long) q->amount_max);
            value_bound (&p, TRACUU_SLOT_AMOUNT, lo,
                         q->amount_max >= 0 ? hi : NULL);
        }
    }
    if (p.rc) {
        for (size_t i = 0; i < p.n; i++)
            xapc_query_destroy (p.q[i]);
        return p.rc;
    }
    *out = combine (&p, XAPC_OP_AND, p.q, p.n);
    return p.rc;
}
