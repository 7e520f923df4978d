/*
 * Answers: the case documents matching a question's filters and text,
 * arranged so that totals count each sanction once (see answer.h), with
 * --group-by tables computed from those cases and facets counted by
 * Xapian match spies.
 *
 * Every matching case is read as its summary (tracuu-caserec.h), which
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
#include "answer/tracuu-answer.h"
#include "index/tracuu-caserec.h"
#include "index/tracuu-cases.h"
#include "index/tracuu-index.h"
#include "index/schema.h"
#include "search/tracuu-filters.h"
#include "search/tracuu-query.h"

#define MAX_FACETS 8             /* More than the facet fields. */
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
    size_t order;               /* Position in display order. */
} item_t;

typedef TRACUU_ARRAY (tracuu_answer_group_t) group_array_t;
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
    tracuu_answer_facet_t facets[MAX_FACETS];
    value_array_t facet_values[MAX_FACETS];
    size_t n_facets;
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
    const size_t *order;        /* Items by document id. */
    size_t next;                /* First of 'order' not yet passed. */
    tracuu_status_t rc;
} stream_t;

static int
on_summary (xapc_docid_t docid, const char *value, size_t len, void *payload)
{
    stream_t *s = payload;
    const item_t *items = s->a->items;

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
    stream_t s = { a, order, 0, TRACUU_STATUS_OK };
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

/* The summaries of the matches in 'mset': streamed from the value slot
 * when the matches are many, else read from their documents. */
static tracuu_status_t
read_summaries (tracuu_index_t *index, tracuu_answer_t *a, xapc_mset_t *mset)
{
    const char *kcase = TRACUU_PREFIX_KIND "case";
    tracuu_status_t rc = TRACUU_STATUS_OK;
    uint32_t cases = 0;
    xapc_status_t st;

    st = xapc_db_termfreq (index->db, kcase, strlen (kcase), &cases);
    if (!st && a->n_items > 0 && a->n_items * STREAM_FRACTION >= cases)
        rc = stream_summaries (index, a, &st);
    for (size_t i = 0; i < a->n_items && !st && !rc; i++) {
        xapc_doc_t *doc = NULL;
        const char *v;
        size_t len;

        if (a->items[i].read)
            continue;
        st = xapc_mset_document (mset, i, &doc);
        if (!st)
            st = xapc_doc_get_value (doc, TRACUU_SLOT_CASE, &v, &len);
        if (!st)
            rc = read_summary (a, &a->items[i], v, len);
        xapc_doc_destroy (doc);
    }
    if (st)
        return tracuu_index__fail (index, st, "reading a case");
    return rc ? damaged (index, rc) : TRACUU_STATUS_OK;
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
                    s->from, s->to, s->categories, i
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
           && (agg->to - agg->from) > (c->to - c->from)
           && (c->categories == 0 || agg->categories == 0
               || (c->categories & agg->categories) != 0);
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
        if (it->sum.parent != NULL
            && tracuu_map__get_str (&by_key, it->sum.parent,
                                    strlen (it->sum.parent), &j) && j != i)
            it->parent = (long) j;
        if (it->parent >= 0 || (it->sum.flags & TRACUU_CASE_AGGREGATE)
            || (t = triple (&it->sum, &b, &rc)) == NULL
            || !tracuu_map__get_str (&g.by_triple, t, b.len, &j))
            continue;
        /* The run is in order of first day: none after this case's holds it. */
        for (size_t k = g.start[j]; k < g.start[j + 1]; k++) {
            if (g.aggs[k].from > it->sum.from)
                break;
            if (inside (&it->sum, &g.aggs[k])) {
                it->parent = (long) g.aggs[k].item;
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
add_to_total (tracuu_answer_total_t *t, const tracuu_casesum_t *c, int member)
{
    if (member) {
        t->members++;
        return;
    }
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

/* Link members to aggregates, then lay cases out in display order: each
 * top-level case followed by its members, in the order of the sort. */
static tracuu_status_t
arrange (tracuu_answer_t *a)
{
    size_t n = a->n_items, k = 0, *first = NULL, *count = NULL, *members = NULL;
    tracuu_status_t rc;

    if (n > 1)
        qsort (a->items, n, sizeof *a->items, item_cmp);
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
    for (size_t i = 0; i < n; i++) {
        if (a->items[i].parent >= 0)
            continue;
        a->items[i].order = k;
        a->display[k++] = i;
        for (size_t m = 0; m < count[i]; m++) {
            a->items[members[first[i] + m]].order = k;
            a->display[k++] = members[first[i] + m];
        }
    }
    for (size_t i = 0; i < n; i++)
        add_to_total (&a->total, &a->items[i].sum, a->items[i].parent >= 0);

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

static int
group_cmp (const void *x, const void *y)
{
    return strcmp (((const tracuu_answer_group_t *) x)->value,
                   ((const tracuu_answer_group_t *) y)->value);
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
        add_to_total (&a->groups.items[i].total, &it->sum, it->parent >= 0);
}

/* The values of 'field' for a case, as its case document's values give
 * them (from its primary record); a case with two categories is in
 * both groups. */
static void
group_item (grouping_t *g, int field, const item_t *it)
{
    const tracuu_casesum_t *s = &it->sum;
    static const tracuu_bucket_t buckets[] = {
        [G_YEAR] = TRACUU_BUCKET_YEAR, [G_QUARTER] = TRACUU_BUCKET_QUARTER,
        [G_MONTH] = TRACUU_BUCKET_MONTH,
    };
    char label[32];
    int any = 0;

    switch (field) {
    case G_PROVINCE:
        if (s->province && *s->province) {
            add_group (g, s->province, it);
            any = 1;
        }
        break;
    case G_YEAR:
    case G_QUARTER:
    case G_MONTH:
        tracuu_period__label (s->from, s->to, buckets[field], label, sizeof label);
        if (*label) {
            add_group (g, label, it);
            any = 1;
        }
        break;
    case G_CATEGORY:
        for (unsigned b = 0; b < TRACUU_CATEGORY_COUNT; b++)
            if (s->primary_categories & (1u << b)) {
                add_group (g, tracuu_case_category_name (b), it);
                any = 1;
            }
        break;
    case G_PLATFORM:
        for (size_t k = 0; k < s->n_platforms; k++)
            if (*s->platforms[k]) {
                add_group (g, s->platforms[k], it);
                any = 1;
            }
        break;
    case G_STATUS:
        add_group (g, tracuu_case_status_name (s->status), it);
        any = 1;
        break;
    case G_VIOLATOR:
        for (unsigned b = 0; b < TRACUU_VIOLATOR_KIND_COUNT; b++)
            if (s->violator_kinds & (1u << b)) {
                add_group (g, tracuu_case_violator_kind_name (b), it);
                any = 1;
            }
        break;
    default:
        add_group (g, tracuu_case_action_name (s->action), it);
        any = 1;
        break;
    }
    if (!any)
        add_group (g, "(unknown)", it);
}

static tracuu_status_t
group_by (tracuu_answer_t *a, int field)
{
    grouping_t g = { a, { 0 }, TRACUU_STATUS_OK };

    for (size_t i = 0; i < a->n_items && !g.rc; i++)
        group_item (&g, field, &a->items[i]);
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

static void
describe_how (tracuu_answer_t *a)
{
    const tracuu_answer_total_t *t = &a->total;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };

    tracuu_buf__printf (&rc, &b, "%s%zu sanction%s summed (%zu with an amount%s), ",
                        t->approximate ? "approximate: " : "",
                        t->sanctions, t->sanctions == 1 ? "" : "s", t->with_amount,
                        t->sanctions > t->with_amount ? ", the others counted only"
                                                      : "");
    if (t->per_violator > 0)
        tracuu_buf__printf (&rc, &b, "%zu amount%s of each violator multiplied "
                            "by the violators, ", t->per_violator,
                            t->per_violator == 1 ? "" : "s");
    tracuu_buf__printf (&rc, &b, "%zu member case%s shown under their aggregate "
                        "and not added again; cases reported in several reports "
                        "counted once; news headlines left out.",
                        t->members, t->members == 1 ? "" : "s");
    a->how = rc ? "" : tracuu_arena__strndup (&rc, &a->arena, b.data, b.len);
    tracuu_buf__dispose (&b);
}

/* Run the query: the matches, with every facet counted over them. */
static tracuu_status_t
match (tracuu_index_t *index, xapc_query_t *xq,
       const tracuu_field_t *const *facet_fields, size_t n_facets, int *spies, unsigned max, xapc_enquire_t **enq_out,
       xapc_mset_t **mset_out)
{
    xapc_enquire_t *enq = NULL;
    xapc_status_t st = xapc_enquire_new (index->db, &enq);
    uint32_t doccount = 0;

    *mset_out = NULL;
    if (!st)
        st = xapc_enquire_set_query (enq, xq);
    if (!st)
        st = xapc_enquire_set_weighting (enq, XAPC_WEIGHT_BOOL);
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
        return tracuu_index__fail (index, st, "answering");
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
                    &enq, &mset);
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
    rc = read_summaries (index, a, mset);
    /* The matches are known now; their list is the largest thing held. */
    xapc_mset_destroy (mset);
    mset = NULL;
    if (!rc)
        rc = arrange (a);
    if (!rc && group >= 0)
        rc = group_by (a, group);
    if (!rc)
        rc = read_facets (index, a, enq, facet_fields, spies, n_facets);
    if (!rc && !opts->totals_only)
        rc = tracuu_answer__list (index, a, opts->offset, opts->limit);
    if (!rc)
        describe_how (a);

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
        if (rc != TRACUU_STATUS_DATABASE_MODIFIED)
            break;
    }
    return rc;
}

/* ------------------------------------------------------------------ */
/* Accessors (the listed cases are read in answer-case.c).            */

size_t
tracuu_answer__display (const tracuu_answer_t *a, size_t k, xapc_docid_t *docid,
                        const tracuu_casesum_t **sum, const char **member_of)
{
    const item_t *it = &a->items[a->display[k]];

    *docid = it->docid;
    *sum = &it->sum;
    *member_of = it->parent >= 0 ? a->items[it->parent].sum.key : NULL;
    return a->n_items;
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
    tracuu_strpool__dispose (&a->pool);
    tracuu_arena__dispose (&a->arena);
    free (a);
}
