/*
 * Answers: the case documents matching a question's filters and text,
 * arranged so that totals count each sanction once (see answer.h), with
 * --group-by tables computed from those cases and facets counted by
 * Xapian match spies.
 *
 * Every matching case is read as its summary (index/index-private.h), which
 * is what linking, totals and grouping need; only the cases listed (the
 * page the options ask for) are read in full, with their records. Cases
 * are found by key and aggregates by (action, province, agency) in hash
 * maps, so that an answer over n cases takes about n steps.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/answer.h"
#include "tracuu/field.h"
#include "answer/answer-private.h"
#include "index/index-private.h"
#include "search/search-private.h"

/* Every field with the FACET flag, once each. */
#define MAX_FACETS 12
/* Streaming the summaries of every case beats reading the documents of
 * the matches one by one when the matches are at least this fraction
 * (1 / N) of the cases. */
#define STREAM_FRACTION 16

/* The fields answers group and count by are those of the fields table
 * (include/tracuu/field.h) with the GROUP or FACET flag: facets are
 * counted on the field's value slot, groups read from each case's
 * summary what that slot holds. How a summary gives a field's values: */
typedef enum group_kind {
    G_PROVINCE, G_YEAR, G_QUARTER, G_MONTH, G_CATEGORY, G_PLATFORM, G_ACTION,
    G_STATUS, G_VIOLATOR
} group_kind_t;

static const struct {
    const char *field;
    group_kind_t kind;
} GROUPS[] = {
    { "province", G_PROVINCE }, { "year", G_YEAR }, { "quarter", G_QUARTER },
    { "month", G_MONTH }, { "category", G_CATEGORY },
    { "platform", G_PLATFORM }, { "action", G_ACTION },
    { "status", G_STATUS }, { "violator", G_VIOLATOR },
};

/* A matching case: its summary and where it goes. */
typedef struct item {
    xapc_docid_t docid;
    int read;                   /* The summary was read. */
    tracuu_casesum_t sum;
    long parent;                /* Item it is shown under, or -1. */
    int part;                   /* A part of a stated total that does not
                                 * match the question: listed under the
                                 * total's key, never summed. */
    size_t order;               /* Position in display order. */
    /* Over shards: the other documents of the same case (each shard
     * that has reports citing it holds one), merged into this one. */
    xapc_docid_t *copies;
    uint32_t n_copies;
    long group;                 /* Its copies_t, or -1. */
    int extra;                  /* A copy the question did not match. */
    tracuu_answer_apart_t apart; /* Its own reason not to be summed. */
} item_t;

/* A case matched in several shards: each copy's summary, and the one
 * they make together (what one index of all the reports would hold). */
typedef struct copies {
    tracuu_casesum_t *sums;
    unsigned char *counted;     /* The copy was matched, so counted by
                                 * the facets' spies. */
    size_t n;
    tracuu_casesum_t merged;
} copies_t;

typedef TRACUU_ARRAY (copies_t) copies_array_t;

typedef TRACUU_ARRAY (tracuu_answer_group_t) group_array_t;
typedef TRACUU_ARRAY (tracuu_answer_report_t) report_array_t;
typedef TRACUU_ARRAY (tracuu_answer_facet_value_t) value_array_t;

struct tracuu_answer {
    item_t *items;
    size_t n_items;             /* Read. */
    size_t n_matches;           /* Matching. */
    size_t *display;            /* Items in display order. */
    tracuu_answer_case_t *cases;        /* The cases listed. */
    size_t n_cases;
    size_t offset;
    tracuu_answer_total_t total;
    const char *how;
    const char *group_field;
    group_array_t groups;
    report_array_t reports;     /* Of the cases listed. */
    tracuu_answer_facet_t facets[MAX_FACETS];
    value_array_t facet_values[MAX_FACETS];
    size_t n_facets;
    copies_array_t copies;      /* Cases merged from several shards. */
    tracuu_shard_state_t shards; /* Over shards: those it came from. */
    tracuu_arena_t arena;       /* Every string and array handed out. */
    tracuu_strpool_t pool;      /* Strings many cases share, in 'arena'. */
};

/* ------------------------------------------------------------------ */
/* Reading the matches.                                               */

static tracuu_status_t
damaged (tracuu_index_t *index, tracuu_status_t rc)
{
    tracuu_index__set_error (index, "a case in the index cannot be read (%s); "
                             "index the reports again with --force",
                             tracuu_status_to_string (rc));
    return rc == TRACUU_STATUS_OUT_OF_MEMORY ? rc : TRACUU_STATUS_DATABASE_ERROR;
}

static tracuu_status_t
read_summary (tracuu_answer_t *a, item_t *it, const char *value, size_t len)
{
    tracuu_status_t rc = tracuu_casesum__decode (value, len, &a->arena, &a->pool,
                                                 &it->sum);

    it->read = rc == TRACUU_STATUS_OK;
    return rc;
}

/* The summaries of the matches, merged with the value stream: both are
 * in document order, so that each value is compared once. */
typedef struct stream {
    tracuu_answer_t *a;
    tracuu_index_t *index;      /* Its deadline is read every 4096 values. */
    const size_t *order;        /* Items by document id. */
    size_t next;                /* First of 'order' not yet passed. */
    size_t seen;
    tracuu_status_t rc;
} stream_t;

static int
on_summary (xapc_docid_t docid, const char *value, size_t len, void *payload)
{
    stream_t *s = payload;
    const item_t *items = s->a->items;

    if ((s->seen++ & 4095) == 0
        && (s->rc = tracuu_index__check_deadline (s->index, "reading the cases")))
        return 1;
    while (s->next < s->a->n_items && items[s->order[s->next]].docid < docid)
        s->next++;
    if (s->next == s->a->n_items)
        return 1;               /* Every match is read. */
    if (items[s->order[s->next]].docid != docid)
        return 0;
    s->rc = read_summary (s->a, &s->a->items[s->order[s->next++]], value, len);
    return s->rc != TRACUU_STATUS_OK;
}

static int
docid_cmp (const void *x, const void *y, void *payload)
{
    const item_t *items = payload;
    xapc_docid_t a = items[*(const size_t *) x].docid;
    xapc_docid_t b = items[*(const size_t *) y].docid;

    return a < b ? -1 : a > b;
}

/* Read the summaries of many matches from the slot's value stream:
 * the status of decoding them, the database's in *st. */
static tracuu_status_t
stream_summaries (tracuu_index_t *index, tracuu_answer_t *a, xapc_status_t *st)
{
    size_t *order = malloc ((a->n_items + 1) * sizeof *order);
    stream_t s = { a, index, order, 0, 0, TRACUU_STATUS_OK };
    int sorted = 1;

    if (order == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < a->n_items; i++) {
        order[i] = i;
        sorted &= i == 0 || a->items[i - 1].docid < a->items[i].docid;
    }
    if (!sorted)
        qsort_r (order, a->n_items, sizeof *order, docid_cmp, a->items);
    *st = xapc_db_values (index->db, TRACUU_SLOT_CASE, on_summary, &s);
    free (order);
    return s.rc;
}

/* The summaries that the matches of 'mset' carry as their sort keys
 * (the match was sorted by the summary). */
static tracuu_status_t
carried_summaries (tracuu_answer_t *a, xapc_mset_t *mset, xapc_status_t *st)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

    for (size_t i = 0; i < a->n_items && !*st && !rc; i++) {
        const char *v;
        size_t len;

        *st = xapc_mset_sort_key (mset, i, &v, &len);
        if (!*st && len > 0)
            rc = read_summary (a, &a->items[i], v, len);
    }
    return rc;
}

/* The summaries of the matches in 'mset': carried by the match over
 * shards (one reply per shard, where a document read is a round trip
 * to a remote one), streamed from the value slot when the matches are
 * many, else read from their documents. */
static tracuu_status_t
read_summaries (tracuu_index_t *index, tracuu_answer_t *a, xapc_mset_t *mset,
                int carried)
{
    const char *kcase = TRACUU_PREFIX_KIND "case";
    tracuu_status_t rc = TRACUU_STATUS_OK;
    uint32_t cases = 0;
    xapc_status_t st = XAPC_OK;

    if (carried)
        rc = carried_summaries (a, mset, &st);
    else
        st = xapc_db_termfreq (index->db, kcase, strlen (kcase), &cases);
    if (!st && !rc && !carried && a->n_items > 0
        && a->n_items * STREAM_FRACTION >= cases)
        rc = stream_summaries (index, a, &st);
    for (size_t i = 0; i < a->n_items && !st && !rc; i++) {
        xapc_doc_t *doc = NULL;
        const char *v;
        size_t len;

        if (a->items[i].read)
            continue;
        if ((i & 255) == 0
            && (rc = tracuu_index__check_deadline (index, "reading the cases")))
            return rc;
        st = xapc_mset_document (mset, i, &doc);
        if (!st)
            st = xapc_doc_get_value (doc, TRACUU_SLOT_CASE, &v, &len);
        if (!st)
            rc = read_summary (a, &a->items[i], v, len);
        xapc_doc_destroy (doc);
    }
    if (st)
        return tracuu_index__fail (index, st, "reading a case");
    if (rc == TRACUU_STATUS_TIMED_OUT)
        return rc;              /* The index is fine: time ran out. */
    return rc ? damaged (index, rc) : TRACUU_STATUS_OK;
}

/* ------------------------------------------------------------------ */
/* Shards: one case, one item.                                        */

/* Append 'v' to the n values of the arena array *arr (copies are few:
 * at most one per shard). */
static void *
arena_append (tracuu_status_t *rc, tracuu_arena_t *arena, void *arr, size_t n,
              const void *v, size_t size)
{
    char *grown = tracuu_arena__alloc (rc, arena, (n + 1) * size);

    if (grown == NULL)
        return arr;
    if (n > 0)
        memcpy (grown, arr, n * size);
    memcpy (grown + n * size, v, size);
    return grown;
}

static int
docid_less (const void *x, const void *y)
{
    xapc_docid_t a = *(const xapc_docid_t *) x, b = *(const xapc_docid_t *) y;

    return a < b ? -1 : a > b;
}

/* A shard's copy of a case holds the terms of that shard's reports
 * only, so that a question may match one copy and not another which
 * one index would have merged into the document it matched. Every copy
 * of the matched cases is found by their id terms, in one more match
 * that carries their summaries as sort keys, and added as an extra item
 * (read, never counted by facets). When the matches are many, that
 * match is of every case instead, the copies kept by their keys: one
 * term's postings rather than thousands of terms' (a tenth of the CPU
 * for 2 000 matches). */
static tracuu_status_t
add_other_copies (tracuu_index_t *index, tracuu_answer_t *a)
{
    const char *kcase = TRACUU_PREFIX_KIND "case";
    size_t n = a->n_items, n_terms = 0;
    xapc_query_t **terms = calloc (n + 1, sizeof *terms), *any = NULL;
    xapc_docid_t *have = malloc ((n + 1) * sizeof *have);
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    tracuu_map_t keys = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    xapc_status_t st = XAPC_OK;
    uint32_t doccount = 0, cases = 0;
    char id[XAPC_MAX_TERM_BYTES + 1];
    int every;

    if (terms == NULL || have == NULL) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    st = xapc_db_termfreq (index->db, kcase, strlen (kcase), &cases);
    every = n * STREAM_FRACTION >= cases;
    if (!st && every && n > 0)
        st = xapc_query_term (kcase, strlen (kcase), 1, 0, &terms[n_terms++]);
    for (size_t i = 0; i < n && !st && !rc; i++) {
        const char *key = a->items[i].sum.key;
        int len = snprintf (id, sizeof id, "%s%s%s", TRACUU_PREFIX_ID,
                            TRACUU_CASE_ID, key);

        have[i] = a->items[i].docid;
        if (every)
            tracuu_map__put_str (&rc, &keys, key, strlen (key), i);
        else if (len > 0 && (size_t) len < sizeof id)
            st = xapc_query_term (id, (size_t) len, 1, 0, &terms[n_terms++]);
    }
    if (rc)
        goto DONE;
    qsort (have, n, sizeof *have, docid_less);
    if (!st && n_terms > 0)
        st = xapc_query_combine (XAPC_OP_OR, terms, n_terms, 0, &any);
    if (!st && any != NULL)
        st = xapc_enquire_new (index->db, &enq);
    if (!st && enq != NULL)
        st = xapc_enquire_set_query (enq, any);
    if (!st && enq != NULL)
        st = xapc_enquire_set_weighting (enq, XAPC_WEIGHT_BOOL);
    if (!st && enq != NULL)
        st = xapc_enquire_sort_by_value (enq, TRACUU_SLOT_CASE, 0);
    if (!st && enq != NULL)
        st = xapc_db_doccount (index->db, &doccount);
    if (!st && enq != NULL)
        st = xapc_enquire_get_mset (enq, 0, doccount, doccount, &mset);
    /* Room for every copy at once, to the exact count, in the one
     * realloc of an answer: not a grower, so no doubling. */
    if (!st && mset != NULL) {
        item_t *grown = realloc (a->items, (a->n_items + xapc_mset_size (mset) + 1)
                                           * sizeof *grown);

        if (grown == NULL)
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
        else
            a->items = grown;
    }
    for (size_t i = 0; !st && !rc && mset != NULL && i < xapc_mset_size (mset); i++) {
        xapc_docid_t docid = xapc_mset_docid (mset, i);
        item_t it = { 0 };
        xapc_doc_t *doc = NULL;
        const char *v;
        size_t len;

        if (bsearch (&docid, have, n, sizeof *have, docid_less) != NULL)
            continue;
        st = xapc_mset_sort_key (mset, i, &v, &len);
        if (!st && len == 0)
            st = xapc_mset_document (mset, i, &doc);
        if (!st && len == 0)
            st = xapc_doc_get_value (doc, TRACUU_SLOT_CASE, &v, &len);
        it.docid = docid;
        it.extra = 1;
        if (!st)
            rc = read_summary (a, &it, v, len);
        xapc_doc_destroy (doc);
        if (!st && !rc && every
            && !tracuu_map__get_str (&keys, it.sum.key, strlen (it.sum.key), NULL))
            continue;           /* A case the question did not match. */
        if (!st && !rc) {
            a->items[a->n_items++] = it;
            a->n_matches++;
        }
    }
    if (st)
        rc = tracuu_index__fail (index, st, "reading the shards' copies of a case");

  DONE:
    for (size_t i = 0; terms != NULL && i < n_terms; i++)
        xapc_query_destroy (terms[i]);
    free (terms);
    free (have);
    tracuu_map__dispose (&keys);
    xapc_query_destroy (any);
    xapc_mset_destroy (mset);
    xapc_enquire_destroy (enq);
    return rc;
}

/* Each shard holds its own document of a case that reports of several
 * shards cite: the matches with one key become one item, its summary
 * merged as the one document of a single index would be. Facets are
 * corrected from 'copies' afterwards. */
static tracuu_status_t
merge_copies (tracuu_answer_t *a)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_map_t by_key = { 0 };
    size_t w = 0;

    for (size_t i = 0; i < a->n_items && !rc; i++) {
        item_t *it = &a->items[i];
        size_t len = strlen (it->sum.key), j;

        if (!tracuu_map__get_str (&by_key, it->sum.key, len, &j)) {
            a->items[w] = *it;
            a->items[w].group = -1;
            tracuu_map__put_str (&rc, &by_key, it->sum.key, len, w++);
            continue;
        }
        item_t *owner = &a->items[j];

        if (owner->group < 0) {
            copies_t g = { NULL, NULL, 0, { 0 } };
            unsigned char counted = !owner->extra;

            g.sums = arena_append (&rc, &a->arena, NULL, 0, &owner->sum,
                                   sizeof owner->sum);
            g.counted = arena_append (&rc, &a->arena, NULL, 0, &counted, 1);
            g.n = 1;
            owner->group = (long) a->copies.n;
            TRACUU_ARRAY_PUSH (&rc, &a->copies, g);
            if (rc)
                break;
        }
        copies_t *g = &a->copies.items[owner->group];
        unsigned char counted = !it->extra;

        g->sums = arena_append (&rc, &a->arena, g->sums, g->n, &it->sum,
                                sizeof it->sum);
        g->counted = arena_append (&rc, &a->arena, g->counted, g->n, &counted, 1);
        g->n++;
        owner->copies = arena_append (&rc, &a->arena, owner->copies,
                                      owner->n_copies, &it->docid,
                                      sizeof it->docid);
        owner->n_copies++;
        tracuu_casesum__merge (&owner->sum, &it->sum);
    }
    tracuu_map__dispose (&by_key);
    if (rc)
        return rc;
    for (size_t i = 0; i < w; i++)
        if (a->items[i].group >= 0)
            a->copies.items[a->items[i].group].merged = a->items[i].sum;
    if (a->n_matches >= a->n_items - w)
        a->n_matches -= a->n_items - w;
    a->n_items = w;
    return TRACUU_STATUS_OK;
}

/* ------------------------------------------------------------------ */
/* Arranging: members under their aggregates, in display order.       */

static const char *
or_empty (const char *s)
{
    return s ? s : "";
}

static int
item_cmp (const void *x, const void *y)
{
    const tracuu_casesum_t *a = &((const item_t *) x)->sum;
    const tracuu_casesum_t *b = &((const item_t *) y)->sum;
    int c;

    if (a->from != b->from)
        return a->from < b->from ? -1 : 1;
    if (a->to != b->to)
        return a->to < b->to ? -1 : 1;
    c = strcmp (or_empty (a->province), or_empty (b->province));
    return c ? c : strcmp (a->key, b->key);
}

/* The key of the aggregates a case may fall inside: action, province
 * and agency. NULL when the case cannot be inside one (no province or
 * no agency), or when memory runs out. */
static const char *
triple (const tracuu_casesum_t *s, tracuu_buf_t *b, tracuu_status_t *rc)
{
    char action = (char) ('0' + (int) s->action);

    if (s->province == NULL || *s->province == '\0' || s->agency == NULL
        || *s->agency == '\0')
        return NULL;
    b->len = 0;
    tracuu_buf__putc (rc, b, action);
    tracuu_buf__putc (rc, b, '\x1f');
    tracuu_buf__puts (rc, b, s->province);
    tracuu_buf__putc (rc, b, '\x1f');
    tracuu_buf__puts (rc, b, s->agency);
    return *rc ? NULL : b->data;
}

/* An aggregate as the rule of inside() needs it, kept apart from the
 * items so that the cases of a province scan a small dense array. */
typedef struct agg {
    int32_t from, to;
    uint32_t categories;
    tracuu_case_status_t status;
    size_t item;
} agg_t;

/* The aggregates of each (action, province, agency), in item order (so
 * by first day): run r is aggs[start[r] .. start[r + 1]). */
typedef struct aggregates {
    tracuu_map_t by_triple;     /* Triple -> run. */
    tracuu_arena_t keys;        /* The triples (the map borrows them). */
    size_t *start;
    agg_t *aggs;
} aggregates_t;

static tracuu_status_t
index_aggregates (tracuu_answer_t *a, aggregates_t *g)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };
    size_t n = a->n_items, runs = 0, n_aggs = 0;
    long *run_of = malloc ((n + 1) * sizeof *run_of);

    if (run_of == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < n && !rc; i++) {
        const tracuu_casesum_t *s = &a->items[i].sum;
        const char *t;
        size_t r;

        run_of[i] = -1;
        if (!(s->flags & TRACUU_CASE_AGGREGATE) || (t = triple (s, &b, &rc)) == NULL)
            continue;
        if (!tracuu_map__get_str (&g->by_triple, t, b.len, &r)) {
            r = runs++;
            tracuu_map__put_str (&rc, &g->by_triple,
                                 tracuu_arena__strndup (&rc, &g->keys, t, b.len),
                                 b.len, r);
        }
        run_of[i] = (long) r;
        n_aggs++;
    }
    g->start = calloc (runs + 2, sizeof *g->start);
    g->aggs = malloc ((n_aggs + 1) * sizeof *g->aggs);
    if (!rc && (g->start == NULL || g->aggs == NULL))
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
    if (!rc) {
        /* Counting sort of the aggregates by run, in item order. */
        for (size_t i = 0; i < n; i++)
            if (run_of[i] >= 0)
                g->start[run_of[i] + 2]++;
        for (size_t r = 2; r < runs + 2; r++)
            g->start[r] += g->start[r - 1];
        for (size_t i = 0; i < n; i++)
            if (run_of[i] >= 0) {
                const tracuu_casesum_t *s = &a->items[i].sum;

                g->aggs[g->start[run_of[i] + 1]++] = (agg_t) {
                    s->from, s->to, s->categories, s->status, i
                };
            }
    }
    free (run_of);
    tracuu_buf__dispose (&b);
    return rc;
}

static void
aggregates_dispose (aggregates_t *g)
{
    free (g->start);
    free (g->aggs);
    tracuu_map__dispose (&g->by_triple);
    tracuu_arena__dispose (&g->keys);
}

/* Is case 'c' inside aggregate 'agg' by the second rule of answer.h
 * (same action, province and agency, found by the caller): a wider
 * period that holds its own, and a category in common when both name
 * some? */
static int
inside (const tracuu_casesum_t *c, const agg_t *agg)
{
    return c->from && agg->from && agg->from <= c->from && c->to <= agg->to
           && c->status == agg->status
           && (agg->to - agg->from) > (c->to - c->from)
           && (c->categories == 0 || agg->categories == 0
               || (c->categories & agg->categories) != 0);
}

/* Can case 'c' be shown under 'p' and not summed? Not when one of the
 * two is summed and the other lies outside the question's period (the
 * April case of a half-year total asked about April is summed), nor
 * when the aggregate is not summed for its status and the case is. */
static int
may_hold (const item_t *p, const item_t *c)
{
    return (p->apart == TRACUU_ANSWER_LONGER_PERIOD)
               == (c->apart == TRACUU_ANSWER_LONGER_PERIOD)
           && !(p->apart == TRACUU_ANSWER_STATUS && c->apart == TRACUU_ANSWER_SUMMED);
}

/* Each case's parent: the aggregate its key names, else the first
 * aggregate it lies inside. */
static tracuu_status_t
link_parents (tracuu_answer_t *a)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_map_t by_key = { 0 };
    aggregates_t g = { { 0 }, { 0 }, NULL, NULL };
    tracuu_buf_t b = { 0 };
    size_t n = a->n_items;

    for (size_t i = 0; i < n && !rc; i++)
        tracuu_map__put_str (&rc, &by_key, a->items[i].sum.key,
                             strlen (a->items[i].sum.key), i);
    if (!rc)
        rc = index_aggregates (a, &g);
    for (size_t i = 0; i < n && !rc; i++) {
        item_t *it = &a->items[i];
        const char *t;
        size_t j;

        it->parent = -1;
        it->part = 0;
        if (it->sum.parent != NULL
            && tracuu_map__get_str (&by_key, it->sum.parent,
                                    strlen (it->sum.parent), &j) && j != i
            && may_hold (&a->items[j], it))
            it->parent = (long) j;
        /* "Hoàng bị phạt 350.000 đồng", one of the fines of a total "hơn
         * 15 triệu" the report states: asked for fines under a million,
         * the report's figure for it is still its total. */
        else if (it->sum.parent != NULL
                 && !tracuu_map__get_str (&by_key, it->sum.parent,
                                          strlen (it->sum.parent), &j))
            it->part = 1;
        if (it->parent >= 0 || (it->sum.flags & TRACUU_CASE_AGGREGATE)
            || (t = triple (&it->sum, &b, &rc)) == NULL
            || !tracuu_map__get_str (&g.by_triple, t, b.len, &j))
            continue;
        /* The run is in order of first day: none after this case's holds it. */
        for (size_t k = g.start[j]; k < g.start[j + 1]; k++) {
            if (g.aggs[k].from > it->sum.from)
                break;
            if (inside (&it->sum, &g.aggs[k])
                && may_hold (&a->items[g.aggs[k].item], it)) {
                it->parent = (long) g.aggs[k].item;
                it->part = 0;
                break;
            }
        }
    }
    tracuu_buf__dispose (&b);
    aggregates_dispose (&g);
    tracuu_map__dispose (&by_key);
    return rc;
}

/* What a case adds to a total: its amount, times its violators when
 * the amount is each one's ("mỗi người bị phạt 7 triệu đồng"). */
static int64_t
case_amount (const tracuu_casesum_t *c)
{
    int64_t amount;

    if (!(c->flags & TRACUU_CASE_PER_VIOLATOR) || c->violators <= 1)
        return c->amount;
    if (__builtin_mul_overflow (c->amount, c->violators, &amount))
        return INT64_MAX;
    return amount;
}

static void
add_amount (int64_t *sum, int64_t amount)
{
    if (amount >= 0 && __builtin_add_overflow (*sum, amount, sum))
        *sum = INT64_MAX;
}

/* Add case 'c' to 't': a member is counted, a case listed apart is
 * counted by why, the others are summed. */
static void
add_to_total (tracuu_answer_total_t *t, const tracuu_casesum_t *c, int member,
              tracuu_answer_apart_t apart)
{
    if (member) {
        t->members++;
        return;
    }
    if (apart == TRACUU_ANSWER_LONGER_PERIOD) {
        t->longer_periods++;
        if (c->amount >= 0)
            add_amount (&t->longer_amount, case_amount (c));
        return;
    }
    if ((unsigned) c->status < TRACUU_CASE_STATUS_LAST) {
        t->by_status[c->status]++;
        if (c->amount >= 0)
            add_amount (&t->status_amount[c->status], case_amount (c));
    }
    if (apart != TRACUU_ANSWER_SUMMED)
        return;
    t->sanctions++;
    if (c->amount >= 0) {
        if (__builtin_add_overflow (t->amount, case_amount (c), &t->amount))
            t->amount = INT64_MAX;
        t->with_amount++;
        t->approximate |= (c->flags & TRACUU_CASE_APPROXIMATE) != 0;
        t->per_violator += (c->flags & TRACUU_CASE_PER_VIOLATOR)
                           && c->violators > 1;
    }
    if (c->violators > 0)
        t->violators += c->violators;
}

/* Does the question name a status to include ("chỉ lập biên bản",
 * status:recorded)? */
static int
asks_status (const tracuu_question_t *q)
{
    for (size_t i = 0; i < q->n_filters; i++)
        if (!q->filters[i].exclude && strcmp (q->filters[i].field, "status") == 0)
            return 1;
    return 0;
}

/* Why each case is not summed, if it is not: a status other than
 * decided, or a period reaching outside the question's (a half-year
 * total, asked about April, overlaps April but does not lie in it). */
static void
mark_apart (tracuu_answer_t *a, const tracuu_question_t *q)
{
    int32_t lo = q->date_from, hi = q->date_to;

    for (size_t i = 0; i < a->n_items; i++) {
        item_t *it = &a->items[i];
        const tracuu_casesum_t *s = &it->sum;

        it->apart = TRACUU_ANSWER_SUMMED;
        if ((lo || hi) && s->from && s->to
            && ((lo && s->from < lo) || (hi && s->to > hi)))
            it->apart = TRACUU_ANSWER_LONGER_PERIOD;
        else if (s->status != TRACUU_CASE_DECIDED)
            it->apart = TRACUU_ANSWER_STATUS;
    }
}

/* The number case 's' states of what 'of' counts, or -1. */
static int64_t
count_value (const tracuu_casesum_t *s, const char *of)
{
    const uint32_t orgs = TRACUU_VIOLATOR_COMPANY | TRACUU_VIOLATOR_PRESS
                          | TRACUU_VIOLATOR_ORGANIZATION;

    if (strcmp (of, "cases") == 0)
        return 1;
    if (strcmp (of, "individuals") == 0)
        return s->individuals >= 0 ? s->individuals
               : s->violator_kinds == TRACUU_VIOLATOR_INDIVIDUAL ? s->violators : -1;
    if (strcmp (of, "organizations") == 0)
        return s->organizations >= 0 ? s->organizations
               : s->violator_kinds && !(s->violator_kinds & ~orgs) ? s->violators
                                                                   : -1;
    /* Violators, subscribers, accounts: the number of them stated. */
    return s->violators;
}

/* Does top-level case 'it' add to a count? When it is summed, or when
 * the question names its status; never when its period is longer. */
static int
counted (const item_t *it, int any_status)
{
    return it->parent < 0 && !it->part && it->apart != TRACUU_ANSWER_LONGER_PERIOD
           && (it->apart == TRACUU_ANSWER_SUMMED || any_status);
}

/* The count the question asks for: over the summed cases, or the cases
 * of the status it names. */
static void
count_asked (tracuu_answer_t *a, const tracuu_question_t *q)
{
    tracuu_answer_total_t *t = &a->total;
    int any_status = asks_status (q);

    t->count = -1;
    if (!q->wants_total || q->count_of == NULL)
        return;
    t->count = 0;
    for (size_t i = 0; i < a->n_items; i++) {
        const item_t *it = &a->items[i];
        int64_t v;

        if (it->parent < 0 && it->apart == TRACUU_ANSWER_STATUS && !any_status
            && (v = count_value (&it->sum, q->count_of)) >= 0) {
            if (__builtin_add_overflow (t->count_apart, v, &t->count_apart))
                t->count_apart = INT64_MAX;
            t->count_apart_cases++;
        }
        if (!counted (it, any_status))
            continue;
        v = count_value (&it->sum, q->count_of);
        if (v < 0) {
            t->count_unstated++;
            continue;
        }
        if (__builtin_add_overflow (t->count, v, &t->count))
            t->count = INT64_MAX;
        t->count_cases++;
    }
}

/* Link members to aggregates, then lay cases out in display order: each
 * top-level case followed by its members, in the order of the sort. */
static tracuu_status_t
arrange (tracuu_answer_t *a, const tracuu_question_t *q)
{
    size_t n = a->n_items, k = 0, *first = NULL, *count = NULL, *members = NULL;
    tracuu_status_t rc;

    if (n > 1)
        qsort (a->items, n, sizeof *a->items, item_cmp);
    mark_apart (a, q);
    rc = link_parents (a);
    if (rc)
        return rc;
    /* A parent that is itself a member: attach to the top. */
    for (size_t i = 0; i < n; i++) {
        size_t hops = 0;

        while (a->items[i].parent >= 0 && hops++ < n
               && a->items[a->items[i].parent].parent >= 0)
            a->items[i].parent = a->items[a->items[i].parent].parent;
        if (hops >= n)
            a->items[i].parent = -1;          /* A cycle: leave it alone. */
    }
    a->display = malloc ((n + 1) * sizeof *a->display);
    first = calloc (n + 1, sizeof *first);
    count = calloc (n + 1, sizeof *count);
    members = malloc ((n + 1) * sizeof *members);
    if (a->display == NULL || first == NULL || count == NULL || members == NULL) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    /* Members grouped by parent, in item order (a counting sort). */
    for (size_t i = 0; i < n; i++)
        if (a->items[i].parent >= 0)
            count[a->items[i].parent]++;
    for (size_t i = 0, at = 0; i < n; i++) {
        first[i] = at;
        at += count[i];
        count[i] = 0;
    }
    for (size_t i = 0; i < n; i++)
        if (a->items[i].parent >= 0) {
            size_t p = (size_t) a->items[i].parent;

            members[first[p] + count[p]++] = i;
        }
    /* The summed cases first, then those not decided, then those of a
     * longer period: each with its members. */
    for (int section = TRACUU_ANSWER_SUMMED; section <= TRACUU_ANSWER_LONGER_PERIOD;
         section++)
        for (size_t i = 0; i < n; i++) {
            if (a->items[i].parent >= 0 || (int) a->items[i].apart != section)
                continue;
            a->items[i].order = k;
            a->display[k++] = i;
            for (size_t m = 0; m < count[i]; m++) {
                a->items[members[first[i] + m]].order = k;
                a->display[k++] = members[first[i] + m];
            }
        }
    for (size_t i = 0; i < n; i++)
        add_to_total (&a->total, &a->items[i].sum,
                      a->items[i].parent >= 0 || a->items[i].part,
                      a->items[i].apart);

  DONE:
    free (first);
    free (count);
    free (members);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Groups.                                                            */

/* The field of the fields table named 'name' having 'flag', or NULL. */
static const tracuu_field_t *
answer_field (const char *name, size_t len, unsigned flag)
{
    const tracuu_field_t *f = tracuu_field_find (name, len, flag);

    return f != NULL && f->slot >= 0 ? f : NULL;
}

/* How a summary gives the values of group field 'f', or -1. */
static int
group_kind (const tracuu_field_t *f)
{
    for (size_t i = 0; f != NULL && i < sizeof GROUPS / sizeof GROUPS[0]; i++)
        if (strcmp (GROUPS[i].field, f->name) == 0)
            return (int) GROUPS[i].kind;
    return -1;
}

/* Values in order, the groups of no value ("(longer periods)",
 * "(unknown)") last. */
static int
group_cmp (const void *x, const void *y)
{
    const char *a = ((const tracuu_answer_group_t *) x)->value;
    const char *b = ((const tracuu_answer_group_t *) y)->value;

    if ((*a == '(') != (*b == '('))
        return *a == '(' ? 1 : -1;
    return strcmp (a, b);
}

typedef struct grouping {
    tracuu_answer_t *a;
    tracuu_map_t by_value;
    tracuu_status_t rc;
} grouping_t;

static void
add_group (grouping_t *g, const char *value, const item_t *it)
{
    tracuu_answer_t *a = g->a;
    size_t i, len = strlen (value);

    if (!tracuu_map__get_str (&g->by_value, value, len, &i)) {
        tracuu_answer_group_t row = { NULL, { 0 } };

        row.value = tracuu_arena__strndup (&g->rc, &a->arena, value, len);
        i = a->groups.n;
        TRACUU_ARRAY_PUSH (&g->rc, &a->groups, row);
        if (g->rc)
            return;
        tracuu_map__put_str (&g->rc, &g->by_value, a->groups.items[i].value,
                             len, i);
    }
    if (!g->rc)
        add_to_total (&a->groups.items[i].total, &it->sum,
                      it->parent >= 0 || it->part,
                      it->apart);
}

/* The calendar bucket of [from, to] in 'field' (G_YEAR, G_QUARTER,
 * G_MONTH) into 'label': 1 when the span lies in one bucket, 0 when it
 * is longer, -1 when it is not a valid span. */
static int
calendar_bucket (int32_t from, int32_t to, int field, char *label, size_t size)
{
    int y0 = (int) (from / 10000), y1 = (int) (to / 10000);
    int m0 = (int) (from / 100 % 100), m1 = (int) (to / 100 % 100);

    if (!tracuu_period__valid (from, to))
        return -1;
    if (y0 != y1)
        return 0;
    if (field == G_YEAR)
        snprintf (label, size, "%04d", y0);
    else if (field == G_QUARTER && (m0 - 1) / 3 == (m1 - 1) / 3)
        snprintf (label, size, "%04d-Q%d", y0, (m0 - 1) / 3 + 1);
    else if (field == G_MONTH && m0 == m1)
        snprintf (label, size, "%04d-%02d", y0, m0);
    else
        return 0;
    return 1;
}

/* A calendar label as a count of buckets since year 0, or -1. */
static long
bucket_number (const char *label, int field)
{
    int y, k;

    if (field == G_YEAR && sscanf (label, "%4d", &y) == 1 && strlen (label) == 4)
        return y;
    if (field == G_QUARTER && sscanf (label, "%4d-Q%1d", &y, &k) == 2)
        return (long) y * 4 + (k - 1);
    if (field == G_MONTH && sscanf (label, "%4d-%2d", &y, &k) == 2)
        return (long) y * 12 + (k - 1);
    return -1;
}

/* The most empty buckets put between the first and the last. */
#define MAX_EMPTY_BUCKETS 1200

/* Every bucket from the first to the last, the empty ones with zeros,
 * so that a trend table has no gaps. */
static void
fill_buckets (grouping_t *g, int field)
{
    tracuu_answer_t *a = g->a;
    long lo = -1, hi = -1;

    for (size_t i = 0; i < a->groups.n; i++) {
        long b = bucket_number (a->groups.items[i].value, field);

        if (b >= 0 && (lo < 0 || b < lo))
            lo = b;
        if (b > hi)
            hi = b;
    }
    if (lo < 0 || hi - lo > MAX_EMPTY_BUCKETS)
        return;
    for (long b = lo + 1; b < hi && !g->rc; b++) {
        char label[32];
        size_t len, i;

        if (field == G_YEAR)
            snprintf (label, sizeof label, "%04ld", b);
        else if (field == G_QUARTER)
            snprintf (label, sizeof label, "%04ld-Q%ld", b / 4, b % 4 + 1);
        else
            snprintf (label, sizeof label, "%04ld-%02ld", b / 12, b % 12 + 1);
        len = strlen (label);
        if (!tracuu_map__get_str (&g->by_value, label, len, &i)) {
            tracuu_answer_group_t row = { NULL, { 0 } };

            row.value = tracuu_arena__strndup (&g->rc, &a->arena, label, len);
            TRACUU_ARRAY_PUSH (&g->rc, &a->groups, row);
        }
    }
}

/* The values of 'field' for a case, as its case document's values give
 * them (from its primary record), each passed to 'fn'; a case with two
 * categories has both. Returns how many. */
typedef void (*value_fn_t) (void *payload, const char *value);

static size_t
each_value (int field, const tracuu_casesum_t *s, value_fn_t fn, void *payload)
{
    static const tracuu_bucket_t buckets[] = {
        [G_YEAR] = TRACUU_BUCKET_YEAR, [G_QUARTER] = TRACUU_BUCKET_QUARTER,
        [G_MONTH] = TRACUU_BUCKET_MONTH,
    };
    char label[32];
    size_t n = 0;

    switch (field) {
    case G_PROVINCE:
        if (s->province && *s->province) {
            fn (payload, s->province);
            n++;
        }
        break;
    case G_YEAR:
    case G_QUARTER:
    case G_MONTH:
        tracuu_period__label (s->from, s->to, buckets[field], label, sizeof label);
        if (*label) {
            fn (payload, label);
            n++;
        }
        break;
    case G_CATEGORY:
        for (unsigned b = 0; b < TRACUU_CATEGORY_COUNT; b++)
            if (s->primary_categories & (1u << b)) {
                fn (payload, tracuu_case_category_name (b));
                n++;
            }
        break;
    case G_PLATFORM:
        for (size_t k = 0; k < s->n_platforms; k++)
            if (*s->platforms[k]) {
                fn (payload, s->platforms[k]);
                n++;
            }
        break;
    case G_STATUS:
        fn (payload, tracuu_case_status_name (s->status));
        n++;
        break;
    case G_VIOLATOR:
        for (unsigned b = 0; b < TRACUU_VIOLATOR_KIND_COUNT; b++)
            if (s->violator_kinds & (1u << b)) {
                fn (payload, tracuu_case_violator_kind_name (b));
                n++;
            }
        break;
    default:
        fn (payload, tracuu_case_action_name (s->action));
        n++;
        break;
    }
    return n;
}

typedef struct group_ctx {
    grouping_t *g;
    const item_t *it;
} group_ctx_t;

static void
group_value (void *payload, const char *value)
{
    group_ctx_t *c = payload;

    add_group (c->g, value, c->it);
}

static void
group_item (grouping_t *g, int field, const item_t *it)
{
    group_ctx_t c = { g, it };
    char label[32];

    if (field == G_YEAR || field == G_QUARTER || field == G_MONTH) {
        /* Calendar buckets: never a half-year total in one of its months. */
        switch (calendar_bucket (it->sum.from, it->sum.to, field, label,
                                 sizeof label)) {
        case 1:
            add_group (g, label, it);
            return;
        case 0:
            add_group (g, TRACUU_ANSWER_LONGER_PERIODS, it);
            return;
        default:
            add_group (g, "(unknown)", it);
            return;
        }
    }
    if (each_value (field, &it->sum, group_value, &c) == 0)
        add_group (g, "(unknown)", it);
}

static tracuu_status_t
group_by (tracuu_answer_t *a, int field)
{
    grouping_t g = { a, { 0 }, TRACUU_STATUS_OK };

    for (size_t i = 0; i < a->n_items && !g.rc; i++)
        group_item (&g, field, &a->items[i]);
    if (!g.rc && (field == G_YEAR || field == G_QUARTER || field == G_MONTH))
        fill_buckets (&g, field);
    tracuu_map__dispose (&g.by_value);
    if (a->groups.n > 1)
        qsort (a->groups.items, a->groups.n, sizeof *a->groups.items, group_cmp);
    return g.rc;
}

/* ------------------------------------------------------------------ */
/* Facets.                                                            */

typedef struct spy_read {
    tracuu_answer_t *a;
    value_array_t *values;
    tracuu_map_t by_value;
    int list;
    tracuu_status_t rc;
} spy_read_t;

static void
facet_add (spy_read_t *s, const char *v, size_t len, uint32_t count)
{
    size_t i;
    tracuu_answer_facet_value_t fv;

    if (tracuu_map__get_str (&s->by_value, v, len, &i)) {
        s->values->items[i].count += count;
        return;
    }
    fv.value = tracuu_arena__strndup (&s->rc, &s->a->arena, v, len);
    fv.count = count;
    i = s->values->n;
    TRACUU_ARRAY_PUSH (&s->rc, s->values, fv);
    if (!s->rc)
        tracuu_map__put_str (&s->rc, &s->by_value, s->values->items[i].value,
                             len, i);
}

static int
on_spy_value (const char *value, size_t len, uint32_t count, void *payload)
{
    spy_read_t *s = payload;
    size_t at = 0;

    if (!s->list) {
        facet_add (s, value, len, count);
        return s->rc != TRACUU_STATUS_OK;
    }
    /* "a,b" counts once for a and once for b. */
    while (at < len && !s->rc) {
        const char *comma = memchr (value + at, ',', len - at);
        size_t n = comma ? (size_t) (comma - (value + at)) : len - at;

        facet_add (s, value + at, n, count);
        at += n + 1;
    }
    return s->rc != TRACUU_STATUS_OK;
}

/* Over shards, the spies counted each shard's copy of a case: count
 * instead the case as one index holds it. */
typedef struct facet_fix {
    spy_read_t *s;
    int delta;
} facet_fix_t;

static void
facet_adjust (void *payload, const char *v)
{
    facet_fix_t *f = payload;
    size_t i, len = strlen (v);
    uint32_t *count;

    if (!tracuu_map__get_str (&f->s->by_value, v, len, &i)) {
        if (f->delta > 0)
            facet_add (f->s, v, len, 1);
        return;
    }
    count = &f->s->values->items[i].count;
    if (f->delta > 0)
        (*count)++;
    else if (*count > 0)
        (*count)--;
}

static void
facet_fix_copies (tracuu_answer_t *a, spy_read_t *s, int kind)
{
    facet_fix_t sub = { s, -1 }, add = { s, 1 };
    size_t w = 0;

    for (size_t g = 0; g < a->copies.n && !s->rc; g++) {
        const copies_t *c = &a->copies.items[g];

        for (size_t k = 0; k < c->n; k++)
            if (c->counted[k])
                each_value (kind, &c->sums[k], facet_adjust, &sub);
        each_value (kind, &c->merged, facet_adjust, &add);
    }
    for (size_t i = 0; i < s->values->n; i++)
        if (s->values->items[i].count > 0)
            s->values->items[w++] = s->values->items[i];
    s->values->n = w;
}

static int
facet_cmp (const void *x, const void *y)
{
    const tracuu_answer_facet_value_t *a = x, *b = y;

    if (a->count != b->count)
        return a->count > b->count ? -1 : 1;
    return strcmp (a->value, b->value);
}

static tracuu_status_t
read_facets (tracuu_index_t *index, tracuu_answer_t *a, xapc_enquire_t *enq,
             const tracuu_field_t *const *fields, const int *spies, size_t n)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

    for (size_t i = 0; i < n && !rc; i++) {
        spy_read_t s = { a, &a->facet_values[i], { 0 },
                         (fields[i]->flags & TRACUU_FIELD_LIST) != 0,
                         TRACUU_STATUS_OK };
        xapc_status_t st = xapc_enquire_spy_values (enq, spies[i], on_spy_value, &s);

        rc = st ? tracuu_index__fail (index, st, "counting facets") : s.rc;
        if (!rc && a->copies.n > 0 && group_kind (fields[i]) >= 0) {
            facet_fix_copies (a, &s, group_kind (fields[i]));
            rc = s.rc;
        }
        tracuu_map__dispose (&s.by_value);
        if (s.values->n > 1)
            qsort (s.values->items, s.values->n, sizeof *s.values->items,
                   facet_cmp);
        a->facets[i].field = fields[i]->name;
        a->facets[i].values = s.values->items;
        a->facets[i].n_values = s.values->n;
        a->n_facets = i + 1;
    }
    return rc;
}

/* Parse "province,year" into facet fields. */
static tracuu_status_t
parse_fields (tracuu_index_t *index, const char *list,
              const tracuu_field_t **out, size_t *n, size_t max)
{
    const char *p = list;

    *n = 0;
    while (p && *p) {
        size_t len = strcspn (p, ", ");
        const tracuu_field_t *f = answer_field (p, len, TRACUU_FIELD_FACET);

        if (len > 0 && f != NULL && *n == max) {
            tracuu_index__set_error (index, "at most %zu facets at once", max);
            return TRACUU_STATUS_BAD_ARGUMENT;
        }
        if (len > 0) {
            if (f == NULL) {
                char *names = tracuu_field_names (TRACUU_FIELD_FACET, " or ");

                tracuu_index__set_error (index, "unknown field '%.*s'; use %s",
                                         (int) len, p, names ? names : "?");
                free (names);
                return TRACUU_STATUS_BAD_ARGUMENT;
            }
            for (size_t i = 0; i < *n; i++)
                if (out[i] == f) {
                    tracuu_index__set_error (index, "field '%s' is given twice "
                                             "to --facet", f->name);
                    return TRACUU_STATUS_BAD_ARGUMENT;
                }
            if (*n == max) {
                tracuu_index__set_error (index, "at most %zu fields in --facet",
                                         max);
                return TRACUU_STATUS_BAD_ARGUMENT;
            }
            out[(*n)++] = f;
        }
        p += len;
        while (*p == ',' || *p == ' ')
            p++;
    }
    return TRACUU_STATUS_OK;
}

/* ------------------------------------------------------------------ */
/* The answer.                                                        */

static tracuu_status_t
build_query (tracuu_index_t *index, const tracuu_question_t *q, xapc_query_t **out)
{
    xapc_query_t *filter = NULL, *flag = NULL, *subs[2], *with_text = NULL;
    tracuu_query_t *text = NULL;
    tracuu_status_t rc;
    const char *headline = TRACUU_PREFIX_FLAG "headline";

    *out = NULL;
    rc = tracuu_filters__build (q, "case", &filter);
    if (rc)
        return rc;
    if (q->text != NULL && strspn (q->text, " \t\n") < strlen (q->text)) {
        rc = tracuu_query__parse_cases (q->text, strlen (q->text), &text);
        if (rc) {
            tracuu_index__set_error (index, "nothing to search for in '%s'",
                                     q->text);
            xapc_query_destroy (filter);
            return rc;
        }
        subs[0] = text->xq;
        subs[1] = filter;
        if (xapc_query_combine (XAPC_OP_FILTER, subs, 2, 0, &with_text))
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
        xapc_query_destroy (filter);
        tracuu_query__destroy (text);
        filter = with_text;
    }
    if (!rc && xapc_query_term (headline, strlen (headline), 1, 0, &flag))
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
    if (!rc) {
        subs[0] = filter;
        subs[1] = flag;
        if (xapc_query_combine (XAPC_OP_AND_NOT, subs, 2, 0, out))
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
    }
    xapc_query_destroy (filter);
    xapc_query_destroy (flag);
    return rc;
}

/* How a status is said in an answer. */
static const char *
status_words (tracuu_case_status_t s)
{
    switch (s) {
    case TRACUU_CASE_RECORDED: return "only recorded";
    case TRACUU_CASE_PROPOSED: return "proposed";
    case TRACUU_CASE_WITHDRAWN: return "withdrawn";
    case TRACUU_CASE_CRIMINAL: return "handed to criminal proceedings";
    default: return "decided";
    }
}

size_t
tracuu_answer__apart (const tracuu_answer_total_t *t)
{
    size_t n = t->longer_periods;

    for (int s = 1; s < TRACUU_CASE_STATUS_LAST; s++)
        n += t->by_status[s];
    return n;
}

/* "2 more cases only recorded, 1 proposed, not summed" into 'b', or
 * nothing when every case counted is decided. */
void
tracuu_answer__not_summed (tracuu_status_t *rc, tracuu_buf_t *b,
                           const tracuu_answer_total_t *t)
{
    size_t n = 0;

    for (int s = 1; s < TRACUU_CASE_STATUS_LAST; s++) {
        if (t->by_status[s] == 0)
            continue;
        if (n == 0)
            tracuu_buf__printf (rc, b, "%zu more case%s %s", t->by_status[s],
                                t->by_status[s] == 1 ? "" : "s",
                                status_words ((tracuu_case_status_t) s));
        else
            tracuu_buf__printf (rc, b, ", %zu %s", t->by_status[s],
                                status_words ((tracuu_case_status_t) s));
        n += t->by_status[s];
    }
    if (n > 0)
        tracuu_buf__puts (rc, b, ", not summed");
}

/* A (report, listed case) pair, to gather the reports. */
typedef struct mention {
    const char *path;
    size_t ci;
} mention_t;

static int
mention_cmp (const void *x, const void *y)
{
    const mention_t *a = x, *b = y;
    int c = strcmp (a->path, b->path);

    return c ? c : (a->ci > b->ci) - (a->ci < b->ci);
}

/* The reports of the listed cases, each once, with its cases. */
static tracuu_status_t
gather_reports (tracuu_answer_t *a)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t n = 0, k = 0;
    mention_t *m;

    for (size_t i = 0; i < a->n_cases; i++)
        n += a->cases[i].n_sources;
    m = malloc ((n + 1) * sizeof *m);
    if (m == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < a->n_cases; i++)
        for (size_t s = 0; s < a->cases[i].n_sources; s++)
            m[k++] = (mention_t) { a->cases[i].sources[s].path, i };
    if (n > 1)
        qsort (m, n, sizeof *m, mention_cmp);
    for (size_t i = 0; i < n && !rc;) {
        size_t j = i, d = 0, *cases;
        tracuu_answer_report_t r;

        while (j < n && strcmp (m[j].path, m[i].path) == 0)
            j++;
        cases = tracuu_arena__alloc (&rc, &a->arena, (j - i) * sizeof *cases);
        for (size_t x = i; x < j && !rc; x++)
            if (d == 0 || cases[d - 1] != m[x].ci)
                cases[d++] = m[x].ci;
        r.path = m[i].path;
        r.cases = cases;
        r.n_cases = d;
        if (!rc)
            TRACUU_ARRAY_PUSH (&rc, &a->reports, r);
        i = j;
    }
    free (m);
    return rc;
}

/* What the listed cases need of their place in the answer: why they
 * are not summed, what they add to the count; then their reports. */
static tracuu_status_t
mark_listed (tracuu_answer_t *a, const tracuu_question_t *q)
{
    int any_status = asks_status (q);

    for (size_t i = 0; i < a->n_cases; i++) {
        const item_t *it = &a->items[a->display[a->offset + i]];
        tracuu_answer_case_t *c = &a->cases[i];

        c->apart = it->parent >= 0 ? a->items[it->parent].apart : it->apart;
        c->counted = -1;
        if (a->total.count >= 0 && counted (it, any_status))
            c->counted = count_value (&it->sum, q->count_of);
    }
    return gather_reports (a);
}

static void
describe_how (tracuu_answer_t *a, const tracuu_question_t *q)
{
    const tracuu_answer_total_t *t = &a->total;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };
    size_t before, parts = 0;

    tracuu_buf__printf (&rc, &b, "%s%zu sanction%s summed (%zu with an amount%s), ",
                        t->approximate ? "approximate: " : "",
                        t->sanctions, t->sanctions == 1 ? "" : "s", t->with_amount,
                        t->sanctions > t->with_amount ? ", the others counted only"
                                                      : "");
    if (t->per_violator > 0)
        tracuu_buf__printf (&rc, &b, "%zu amount%s of each violator multiplied "
                            "by the violators, ", t->per_violator,
                            t->per_violator == 1 ? "" : "s");
    before = b.len;
    tracuu_answer__not_summed (&rc, &b, t);
    if (b.len > before)
        tracuu_buf__puts (&rc, &b, " (only decided sanctions are), ");
    if (t->longer_periods > 0)
        tracuu_buf__printf (&rc, &b, "%zu case%s of a period reaching outside "
                            "the question's listed apart, not summed (the cases "
                            "inside the question's period are), ",
                            t->longer_periods, t->longer_periods == 1 ? "" : "s");
    if (t->count >= 0 && strcmp (q->count_of, "cases") == 0)
        tracuu_buf__printf (&rc, &b, "cases counted: %lld (a stated total "
                            "counts once), ", (long long) t->count);
    else if (t->count >= 0) {
        tracuu_buf__printf (&rc, &b, "%s counted: %lld, the sum of the numbers "
                            "stated in %zu case%s", q->count_of,
                            (long long) t->count, t->count_cases,
                            t->count_cases == 1 ? "" : "s");
        if (t->count_unstated > 0)
            tracuu_buf__printf (&rc, &b, " (%zu more do%s not say how many)",
                                t->count_unstated,
                                t->count_unstated == 1 ? "es" : "");
        if (t->count_apart_cases > 0)
            tracuu_buf__printf (&rc, &b, "; %lld more stated in %zu case%s not "
                                "decided, not counted", (long long) t->count_apart,
                                t->count_apart_cases,
                                t->count_apart_cases == 1 ? "" : "s");
        tracuu_buf__puts (&rc, &b, ", ");
    }
    for (size_t i = 0; i < a->n_items; i++)
        parts += a->items[i].part;
    tracuu_buf__printf (&rc, &b, "%zu member case%s shown under their aggregate "
                        "and not added again; ", t->members - parts,
                        t->members - parts == 1 ? "" : "s");
    if (parts > 0)
        tracuu_buf__printf (&rc, &b, "%zu part%s of a stated total that the "
                            "question does not match listed, not added (the "
                            "report's figure is the total); ", parts,
                            parts == 1 ? "" : "s");
    tracuu_buf__puts (&rc, &b, "cases reported in several reports counted "
                      "once; news headlines left out.");
    a->how = rc ? "" : tracuu_arena__strndup (&rc, &a->arena, b.data, b.len);
    tracuu_buf__dispose (&b);
}

/* Run the query: the matches, with every facet counted over them. */
static tracuu_status_t
match (tracuu_index_t *index, xapc_query_t *xq,
       const tracuu_field_t *const *facet_fields, size_t n_facets, int *spies,
       unsigned max, int carry, xapc_enquire_t **enq_out, xapc_mset_t **mset_out)
{
    xapc_enquire_t *enq = NULL;
    xapc_status_t st = xapc_enquire_new (index->db, &enq);
    uint32_t doccount = 0;

    *mset_out = NULL;
    if (!st)
        st = xapc_enquire_set_query (enq, xq);
    if (!st)
        st = xapc_enquire_set_weighting (enq, XAPC_WEIGHT_BOOL);
    /* Sorted by summary, the match carries each one (see read_summaries). */
    if (!st && carry)
        st = xapc_enquire_sort_by_value (enq, TRACUU_SLOT_CASE, 0);
    if (!st)
        st = xapc_enquire_set_deadline (enq, tracuu_index__deadline (index));
    for (size_t i = 0; i < n_facets && !st; i++)
        st = xapc_enquire_add_value_spy (enq, (xapc_slot_t) facet_fields[i]->slot,
                                         &spies[i]);
    if (!st)
        st = xapc_db_doccount (index->db, &doccount);
    if (!st)
        st = xapc_enquire_get_mset (enq, 0, max && max < doccount ? max : doccount,
                                    doccount, mset_out);
    if (st) {
        xapc_enquire_destroy (enq);
        return tracuu_index__fail (index, st, "finding the cases");
    }
    *enq_out = enq;
    return TRACUU_STATUS_OK;
}

static tracuu_status_t
answer_once (tracuu_index_t *index, const tracuu_question_t *question,
             const tracuu_answer_options_t *opts, tracuu_answer_t **out)
{
    tracuu_answer_t *a = NULL;
    xapc_query_t *xq = NULL;
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    tracuu_status_t rc;
    const tracuu_field_t *facet_fields[MAX_FACETS], *group_field = NULL;
    int spies[MAX_FACETS], group = -1;
    size_t n_facets = 0;
    uint32_t estimated = 0;
    /* Over shards, with every match read: no sort order is asked for
     * otherwise (document order, the first 'max_cases' of it). */
    int carry = tracuu_index_n_shards (index) > 1 && opts->max_cases == 0;

    rc = parse_fields (index, opts->facets, facet_fields, &n_facets, MAX_FACETS);
    if (!rc && opts->group_by != NULL) {
        group_field = answer_field (opts->group_by, strlen (opts->group_by),
                                    TRACUU_FIELD_GROUP);
        group = group_kind (group_field);
        if (group < 0) {
            char *names = tracuu_field_names (TRACUU_FIELD_GROUP, " or ");

            tracuu_index__set_error (index, "cannot group by '%s'; use %s",
                                     opts->group_by, names ? names : "?");
            free (names);
            rc = TRACUU_STATUS_BAD_ARGUMENT;
        }
    }
    if (!rc)
        rc = build_query (index, question, &xq);
    if (!rc)
        rc = match (index, xq, facet_fields, n_facets, spies, opts->max_cases,
                    carry, &enq, &mset);
    xapc_query_destroy (xq);
    if (rc)
        return rc;
    a = calloc (1, sizeof *a);
    if (a != NULL) {
        a->pool.arena = &a->arena;
        a->items = calloc (xapc_mset_size (mset) + 1, sizeof *a->items);
    }
    if (a == NULL || a->items == NULL) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    a->n_items = xapc_mset_size (mset);
    xapc_mset_counts (mset, NULL, &estimated, NULL);
    a->n_matches = estimated > a->n_items ? estimated : a->n_items;
    a->group_field = group >= 0 ? group_field->name : NULL;
    for (size_t i = 0; i < a->n_items; i++)
        a->items[i].docid = xapc_mset_docid (mset, i);
    rc = read_summaries (index, a, mset, carry);
    if (!rc && tracuu_index_n_shards (index) > 1)
        rc = add_other_copies (index, a);
    if (!rc && tracuu_index_n_shards (index) > 1)
        rc = merge_copies (a);
    /* The matches are known now; their list is the largest thing held. */
    xapc_mset_destroy (mset);
    mset = NULL;
    if (!rc)
        rc = tracuu_index__check_deadline (index, "reading the cases");
    if (!rc)
        rc = arrange (a, question);
    if (!rc)
        count_asked (a, question);
    if (!rc && group >= 0)
        rc = group_by (a, group);
    if (!rc)
        rc = read_facets (index, a, enq, facet_fields, spies, n_facets);
    if (!rc)
        rc = tracuu_index__check_deadline (index, "summing the cases");
    if (!rc && !opts->totals_only)
        rc = tracuu_answer__list (index, a, opts->offset, opts->limit);
    if (!rc)
        rc = mark_listed (a, question);
    if (!rc)
        describe_how (a, question);
    if (!rc)
        rc = tracuu_index__shard_state (index, &a->shards);

  DONE:
    xapc_mset_destroy (mset);
    xapc_enquire_destroy (enq);
    if (rc) {
        tracuu_answer_destroy (a);
        return rc;
    }
    *out = a;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_answer_run (tracuu_index_t *index, const tracuu_question_t *question,
                   const tracuu_answer_options_t *opts, tracuu_answer_t **out)
{
    tracuu_answer_options_t defaults = TRACUU_ANSWER_OPTIONS_INIT;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    if (out != NULL)
        *out = NULL;
    if (index == NULL || question == NULL || out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (opts == NULL)
        opts = &defaults;
    if (opts->version < 2) {
        /* The first options had no paging: list every case. */
        defaults.group_by = opts->group_by;
        defaults.facets = opts->facets;
        defaults.max_cases = opts->max_cases;
        opts = &defaults;
    }
    /* A writer may commit while we read: reopen and start again. */
    for (int attempt = 0; attempt < 20; attempt++) {
        if (attempt > 0)
            xapc_db_reopen (index->db, NULL);
        rc = answer_once (index, question, opts, out);
        /* A shard went away: answer from those left, if any. */
        if (rc == TRACUU_STATUS_SHARD_UNAVAILABLE
            && tracuu_index__reshard (index) == TRACUU_STATUS_OK)
            continue;
        if (rc != TRACUU_STATUS_DATABASE_MODIFIED)
            break;
    }
    return rc;
}

/* ------------------------------------------------------------------ */
/* Accessors (the listed cases are read in answer-case.c).            */

size_t
tracuu_answer__display (const tracuu_answer_t *a, size_t k, xapc_docid_t *docid,
                        const xapc_docid_t **copies, size_t *n_copies,
                        const tracuu_casesum_t **sum, const char **member_of)
{
    const item_t *it = &a->items[a->display[k]];

    *docid = it->docid;
    *copies = it->copies;
    *n_copies = it->n_copies;
    *sum = &it->sum;
    *member_of = it->parent >= 0 ? a->items[it->parent].sum.key
                 : it->part ? it->sum.parent : NULL;
    return a->n_items;
}

const tracuu_shard_state_t *
tracuu_answer__shards (const tracuu_answer_t *a)
{
    return &a->shards;
}

tracuu_arena_t *
tracuu_answer__arena (tracuu_answer_t *a)
{
    return &a->arena;
}

void
tracuu_answer__set_cases (tracuu_answer_t *a, tracuu_answer_case_t *cases,
                          size_t n, size_t offset)
{
    a->cases = cases;
    a->n_cases = n;
    a->offset = offset;
}

size_t
tracuu_answer_n_cases (const tracuu_answer_t *a)
{
    return a ? a->n_cases : 0;
}

const tracuu_answer_case_t *
tracuu_answer_case (const tracuu_answer_t *a, size_t i)
{
    return a && i < a->n_cases ? &a->cases[i] : NULL;
}

size_t
tracuu_answer_n_matches (const tracuu_answer_t *a, size_t *read_out)
{
    if (read_out != NULL)
        *read_out = a ? a->n_items : 0;
    return a ? a->n_matches : 0;
}

size_t
tracuu_answer_offset (const tracuu_answer_t *a)
{
    return a ? a->offset : 0;
}

const char *
tracuu_answer_group_field (const tracuu_answer_t *a)
{
    return a ? a->group_field : NULL;
}

const tracuu_answer_total_t *
tracuu_answer_total (const tracuu_answer_t *a)
{
    return a ? &a->total : NULL;
}

const char *
tracuu_answer_how (const tracuu_answer_t *a)
{
    return a && a->how ? a->how : "";
}

size_t
tracuu_answer_n_groups (const tracuu_answer_t *a)
{
    return a ? a->groups.n : 0;
}

const tracuu_answer_group_t *
tracuu_answer_group (const tracuu_answer_t *a, size_t i)
{
    return a && i < a->groups.n ? &a->groups.items[i] : NULL;
}

size_t
tracuu_answer_n_reports (const tracuu_answer_t *a)
{
    return a ? a->reports.n : 0;
}

const tracuu_answer_report_t *
tracuu_answer_report (const tracuu_answer_t *a, size_t i)
{
    return a && i < a->reports.n ? &a->reports.items[i] : NULL;
}

size_t
tracuu_answer_n_facets (const tracuu_answer_t *a)
{
    return a ? a->n_facets : 0;
}

const tracuu_answer_facet_t *
tracuu_answer_facet (const tracuu_answer_t *a, size_t i)
{
    return a && i < a->n_facets ? &a->facets[i] : NULL;
}

void
tracuu_answer_destroy (tracuu_answer_t *a)
{
    if (a == NULL)
        return;
    for (size_t i = 0; i < MAX_FACETS; i++)
        free (a->facet_values[i].items);
    free (a->items);
    free (a->display);
    free (a->cases);
    free (a->groups.items);
    free (a->copies.items);
    free (a->shards.missing);
    free (a->reports.items);
    tracuu_strpool__dispose (&a->pool);
    tracuu_arena__dispose (&a->arena);
    free (a);
}
