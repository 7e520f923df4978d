/*
 * Answers: the case documents matching a question's filters and text,
 * arranged so that totals count each sanction once (see answer.h), with
 * --group-by tables computed from those cases and facets counted by
 * Xapian match spies.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/answer.h"
#include "tracuu/field.h"
#include "index/tracuu-caserec.h"
#include "index/tracuu-cases.h"
#include "search/tracuu-filters.h"
#include "index/tracuu-index.h"
#include "search/tracuu-query.h"
#include "index/schema.h"

#define DEFAULT_MAX_CASES 100000
#define MAX_RECORDS 1024
#define MAX_FACETS 5

/* Answers group and count by the fields of the fields table that have
 * a value slot (include/tracuu/field.h); field i of the table is index
 * i of item_t.group. */
#define MAX_FIELDS 32

static const tracuu_field_t *
field_at (size_t i)
{
    return tracuu_field_at (i);
}

static int
field_list (int i)
{
    return (field_at ((size_t) i)->flags & TRACUU_FIELD_LIST) != 0;
}

/* A case being gathered: its answer form and what grouping needs. */
typedef struct item {
    tracuu_answer_case_t c;
    char *parent_key;
    char *group[MAX_FIELDS];    /* Values of each field (comma lists). */
    size_t order;               /* Position in display order. */
} item_t;

struct tracuu_answer {
    item_t *items;
    size_t n_items;
    tracuu_answer_case_t *cases;        /* Display order. */
    tracuu_answer_total_t total;
    char *how;
    tracuu_answer_group_t *groups;
    size_t n_groups;
    tracuu_answer_facet_t facets[MAX_FACETS];
    size_t n_facets;
    char **strings;                     /* Everything else allocated. */
    size_t n_strings;
    size_t alloc_strings;
};

/* Keep 's' (malloc'ed, may be NULL) until the answer is destroyed. */
static const char *
keep (tracuu_status_t *rc, tracuu_answer_t *a, char *s)
{
    if (*rc || s == NULL) {
        if (s == NULL && !*rc)
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        free (s);
        return "";
    }
    if (a->n_strings == a->alloc_strings) {
        size_t alloc = a->alloc_strings ? 2 * a->alloc_strings : 256;
        char **p = realloc (a->strings, alloc * sizeof *p);

        if (p == NULL) {
            free (s);
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return "";
        }
        a->strings = p;
        a->alloc_strings = alloc;
    }
    a->strings[a->n_strings++] = s;
    return s;
}

static const char *
keep_span (tracuu_status_t *rc, tracuu_answer_t *a, const char *s, size_t len)
{
    return keep (rc, a, strndup (s, len));
}

/* Field of a record as a kept string ("" when absent). */
static const char *
rec_str (tracuu_status_t *rc, tracuu_answer_t *a, const tracuu_caserec_t *r,
         const char *name)
{
    const char *v;
    size_t len;

    if (!tracuu_caserec__get (r, name, 0, &v, &len))
        return "";
    return keep_span (rc, a, v, len);
}

/* Every value of 'name' over all records, distinct, joined by 'sep';
 * accounts "platform:name" are shown "platform name". */
static const char *
rec_union (tracuu_status_t *rc, tracuu_answer_t *a, const tracuu_caserec_t *recs,
           size_t n, const char *name, const char *sep, int account)
{
    tracuu_buf_t out = { 0 };

    tracuu_buf__append (rc, &out, "", 0);
    for (size_t i = 0; i < n && !*rc; i++) {
        const char *v;
        size_t len;

        for (size_t k = 0; tracuu_caserec__get (&recs[i], name, k, &v, &len); k++) {
            char item[512];
            size_t ilen = len < sizeof item - 1 ? len : sizeof item - 1;
            const char *hit;

            memcpy (item, v, ilen);
            item[ilen] = '\0';
            if (account) {
                char *colon = strchr (item, ':');

                if (colon == item)
                    memmove (item, item + 1, ilen--);
                else if (colon != NULL)
                    *colon = ' ';
            }
            hit = out.data ? strstr (out.data, item) : NULL;
            if (hit != NULL && (hit == out.data || hit[-1] == ' ' || hit[-1] == ',')
                && (hit[ilen] == '\0' || hit[ilen] == ';' || hit[ilen] == ','))
                continue;
            if (out.len > 0)
                tracuu_buf__append (rc, &out, sep, strlen (sep));
            tracuu_buf__append (rc, &out, item, ilen);
        }
    }
    return keep (rc, a, out.data);
}

static const char *
value_str (tracuu_status_t *rc, tracuu_answer_t *a, xapc_doc_t *doc,
           xapc_slot_t slot)
{
    const char *v;
    size_t len;

    if (xapc_doc_get_value (doc, slot, &v, &len) || len == 0)
        return "";
    return keep_span (rc, a, v, len);
}

typedef struct docids {
    xapc_docid_t *ids;
    size_t n, alloc;
} docids_t;

static int
collect_docid (xapc_docid_t docid, void *payload)
{
    docids_t *d = payload;

    if (d->n == d->alloc) {
        size_t alloc = d->alloc ? 2 * d->alloc : 64;
        xapc_docid_t *ids = realloc (d->ids, alloc * sizeof *ids);

        if (ids == NULL)
            return 1;
        d->ids = ids;
        d->alloc = alloc;
    }
    d->ids[d->n++] = docid;
    return 0;
}

/* Mark the sources found in reports read by OCR (those with the Xocr
 * term; the postlist ascends, so a binary search finds a report). */
static tracuu_status_t
mark_ocr (tracuu_index_t *index, tracuu_answer_t *a)
{
    docids_t ocr = { 0 };
    char term[] = TRACUU_PREFIX_FLAG "ocr";
    xapc_status_t st = xapc_db_postlist (index->db, term, strlen (term),
                                         collect_docid, &ocr);

    for (size_t i = 0; i < a->n_items && !st && ocr.n > 0; i++) {
        tracuu_answer_case_t *c = &a->items[i].c;

        for (size_t k = 0; k < c->n_sources; k++) {
            tracuu_answer_source_t *src = (tracuu_answer_source_t *) &c->sources[k];
            char id[XAPC_MAX_TERM_BYTES + 1];
            xapc_docid_t docid = 0;
            size_t lo = 0, hi = ocr.n;

            if (xapc_db_find_by_term (index->db, id,
                                      tracuu_index__id_term (src->path, id),
                                      &docid) != XAPC_OK)
                continue;
            while (lo < hi) {
                size_t mid = lo + (hi - lo) / 2;

                if (ocr.ids[mid] < docid)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            src->ocr = lo < ocr.n && ocr.ids[lo] == docid;
        }
    }
    free (ocr.ids);
    return st ? tracuu_index__fail (index, st, "answering") : TRACUU_STATUS_OK;
}

/* Fill item 'it' from case document 'doc'. */
static tracuu_status_t
read_case (tracuu_answer_t *a, item_t *it, xapc_doc_t *doc)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_caserec_t recs[MAX_RECORDS];
    tracuu_answer_source_t *src;
    const char *v;
    char *data = NULL;
    size_t len, n, p, n_src = 0, vlen;
    tracuu_answer_case_t *c = &it->c;

    rc = tracuu_cases__data (doc, &data, &len);
    if (rc)
        return rc;
    keep (&rc, a, data);        /* Records point into it. */
    n = tracuu_caserec__split (data, len, recs, MAX_RECORDS);
    if (n == 0)                 /* Every case document has a record. */
        return rc ? rc : TRACUU_STATUS_DATABASE_ERROR;
    p = tracuu_caserec__primary (recs, n);
    c->key = value_str (&rc, a, doc, TRACUU_SLOT_KEY);
    c->period = rec_str (&rc, a, &recs[p], "period");
    c->from = (int32_t) tracuu_caserec__int (&recs[p], "from");
    c->to = (int32_t) tracuu_caserec__int (&recs[p], "to");
    c->from = c->from < 0 ? 0 : c->from;
    c->to = c->to < 0 ? 0 : c->to;
    c->province = rec_str (&rc, a, &recs[p], "province");
    c->agency = rec_str (&rc, a, &recs[p], "agency");
    c->action = rec_str (&rc, a, &recs[p], "action");
    c->categories = rec_union (&rc, a, recs, n, "categories", ",", 0);
    c->platforms = rec_union (&rc, a, recs, n, "platform", ",", 0);
    c->accounts = rec_union (&rc, a, recs, n, "account", "; ", 1);
    c->people = rec_union (&rc, a, recs, n, "person", "; ", 0);
    c->amount = tracuu_caserec__int (&recs[p], "amount");
    c->approximate = tracuu_caserec__int (&recs[p], "approximate") == 1;
    c->aggregate = tracuu_caserec__int (&recs[p], "aggregate") == 1;
    c->violators = tracuu_caserec__int (&recs[p], "violators");
    c->organizations = tracuu_caserec__int (&recs[p], "organizations");
    c->individuals = tracuu_caserec__int (&recs[p], "individuals");
    c->parent = -1;
    if (xapc_doc_get_value (doc, TRACUU_SLOT_PARENT, &v, &vlen) == XAPC_OK && vlen)
        it->parent_key = strndup (v, vlen);
    for (size_t i = 0; i < tracuu_field_count () && i < MAX_FIELDS; i++)
        if (field_at (i)->slot >= 0
            && (field_at (i)->flags & (TRACUU_FIELD_GROUP | TRACUU_FIELD_FACET))
            && xapc_doc_get_value (doc, (xapc_slot_t) field_at (i)->slot, &v,
                                   &vlen) == XAPC_OK && vlen)
            it->group[i] = strndup (v, vlen);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; tracuu_caserec__get (&recs[i], "source", k, &v, &vlen); k++)
            n_src++;
    src = calloc (n_src + 1, sizeof *src);
    if (src == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    keep (&rc, a, (char *) src);
    n_src = 0;
    for (size_t i = 0; i < n && !rc; i++) {
        const char *report = rec_str (&rc, a, &recs[i], "report");

        const char *quote;
        size_t qlen;

        for (size_t k = 0; tracuu_caserec__source (&recs[i], k, &src[n_src].line,
                                                   &quote, &qlen); k++) {
            src[n_src].path = report;
            src[n_src].quote = keep_span (&rc, a, quote, qlen);
            n_src++;
        }
    }
    c->sources = src;
    c->n_sources = n_src;
    return rc;
}

static int
shares_category (const char *a, const char *b)
{
    char buf[512];
    char *save = NULL;

    if (*a == '\0' || *b == '\0')
        return 1;
    snprintf (buf, sizeof buf, "%s", a);
    for (char *t = strtok_r (buf, ",", &save); t; t = strtok_r (NULL, ",", &save)) {
        const char *hit = strstr (b, t);
        size_t tl = strlen (t);

        while (hit != NULL) {
            if ((hit == b || hit[-1] == ',') && (hit[tl] == '\0' || hit[tl] == ','))
                return 1;
            hit = strstr (hit + 1, t);
        }
    }
    return 0;
}

/* Is 'c' inside aggregate 'agg' by the second rule of answer.h? */
static int
inside (const tracuu_answer_case_t *c, const tracuu_answer_case_t *agg)
{
    return agg->aggregate && c != agg && !c->aggregate
           && strcmp (c->action, agg->action) == 0
           && *c->province && strcmp (c->province, agg->province) == 0
           && *c->agency && strcmp (c->agency, agg->agency) == 0
           && c->from && agg->from && agg->from <= c->from && c->to <= agg->to
           && (agg->to - agg->from) > (c->to - c->from)
           && shares_category (c->categories, agg->categories);
}

static int
item_cmp (const void *x, const void *y)
{
    const item_t *a = x, *b = y;

    if (a->c.from != b->c.from)
        return a->c.from < b->c.from ? -1 : 1;
    if (a->c.to != b->c.to)
        return a->c.to < b->c.to ? -1 : 1;
    if (strcmp (a->c.province, b->c.province) != 0)
        return strcmp (a->c.province, b->c.province);
    return strcmp (a->c.key, b->c.key);
}

static void
add_to_total (tracuu_answer_total_t *t, const tracuu_answer_case_t *c)
{
    if (c->parent >= 0) {
        t->members++;
        return;
    }
    t->sanctions++;
    if (c->amount >= 0) {
        t->amount += c->amount;
        t->with_amount++;
        t->approximate |= c->approximate;
    }
    if (c->violators > 0)
        t->violators += c->violators;
}

/* Link members to aggregates, then lay cases out in display order. */
static tracuu_status_t
arrange (tracuu_answer_t *a)
{
    size_t n = a->n_items, k = 0;
    long *index_of;

    if (n > 1)
        qsort (a->items, n, sizeof *a->items, item_cmp);
    for (size_t i = 0; i < n; i++) {
        item_t *it = &a->items[i];

        it->c.parent = -1;
        for (size_t j = 0; it->parent_key && j < n; j++)
            if (j != i && strcmp (a->items[j].c.key, it->parent_key) == 0)
                it->c.parent = (long) j;
        for (size_t j = 0; it->c.parent < 0 && j < n; j++)
            if (inside (&it->c, &a->items[j].c))
                it->c.parent = (long) j;
    }
    /* A parent that is itself a member: attach to the top. */
    for (size_t i = 0; i < n; i++) {
        size_t hops = 0;

        while (a->items[i].c.parent >= 0 && hops++ < n
               && a->items[a->items[i].c.parent].c.parent >= 0)
            a->items[i].c.parent = a->items[a->items[i].c.parent].c.parent;
        if (hops >= n)
            a->items[i].c.parent = -1;          /* A cycle: leave it alone. */
    }
    a->cases = calloc (n + 1, sizeof *a->cases);
    index_of = calloc (n + 1, sizeof *index_of);
    if (a->cases == NULL || index_of == NULL) {
        free (index_of);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    for (size_t i = 0; i < n; i++) {
        if (a->items[i].c.parent >= 0)
            continue;
        index_of[i] = (long) k;
        a->cases[k++] = a->items[i].c;
        for (size_t j = 0; j < n; j++)
            if (a->items[j].c.parent == (long) i) {
                index_of[j] = (long) k;
                a->cases[k] = a->items[j].c;
                a->cases[k++].parent = index_of[i];
            }
    }
    for (size_t i = 0; i < n; i++) {
        a->items[i].order = (size_t) index_of[i];
        add_to_total (&a->total, &a->cases[index_of[i]]);
    }
    free (index_of);
    return TRACUU_STATUS_OK;
}

/* The index of field 'name' having 'flags', or -1. */
static int
field_index (const char *name, size_t len, unsigned flags)
{
    const tracuu_field_t *f = tracuu_field_find (name, len, flags);

    for (size_t i = 0; f != NULL && i < tracuu_field_count (); i++)
        if (field_at (i) == f && i < MAX_FIELDS)
            return (int) i;
    return -1;
}

static int
group_cmp (const void *x, const void *y)
{
    return strcmp (((const tracuu_answer_group_t *) x)->value,
                   ((const tracuu_answer_group_t *) y)->value);
}

static tracuu_status_t
add_group (tracuu_answer_t *a, const char *value, size_t len,
           const tracuu_answer_case_t *c)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t i;

    for (i = 0; i < a->n_groups; i++)
        if (strlen (a->groups[i].value) == len
            && memcmp (a->groups[i].value, value, len) == 0)
            break;
    if (i == a->n_groups) {
        tracuu_answer_group_t *g = realloc (a->groups, (i + 1) * sizeof *g);

        if (g == NULL)
            return TRACUU_STATUS_OUT_OF_MEMORY;
        a->groups = g;
        memset (&g[i], 0, sizeof g[i]);
        g[i].value = keep_span (&rc, a, value, len);
        a->n_groups++;
    }
    add_to_total (&a->groups[i].total, c);
    return rc;
}

static tracuu_status_t
group_by (tracuu_answer_t *a, int field)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

    for (size_t i = 0; i < a->n_items && !rc; i++) {
        const char *v = a->items[i].group[field];
        const tracuu_answer_case_t *c = &a->cases[a->items[i].order];

        if (v == NULL || *v == '\0') {
            rc = add_group (a, "(unknown)", 9, c);
            continue;
        }
        while (*v && !rc) {
            size_t len = field_list (field) ? strcspn (v, ",") : strlen (v);

            rc = add_group (a, v, len, c);
            v += len + (v[len] == ',');
        }
    }
    if (a->n_groups > 1)
        qsort (a->groups, a->n_groups, sizeof *a->groups, group_cmp);
    return rc;
}

typedef struct spy_read {
    tracuu_answer_t *a;
    tracuu_answer_facet_value_t *values;
    size_t n;
    size_t alloc;
    int list;
    tracuu_status_t rc;
} spy_read_t;

static void
facet_add (spy_read_t *s, const char *v, size_t len, uint32_t count)
{
    for (size_t i = 0; i < s->n; i++)
        if (strlen (s->values[i].value) == len
            && memcmp (s->values[i].value, v, len) == 0) {
            s->values[i].count += count;
            return;
        }
    if (s->n == s->alloc) {
        size_t alloc = s->alloc ? 2 * s->alloc : 16;
        tracuu_answer_facet_value_t *p = realloc (s->values, alloc * sizeof *p);

        if (p == NULL) {
            s->rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return;
        }
        s->values = p;
        s->alloc = alloc;
    }
    s->values[s->n].value = keep_span (&s->rc, s->a, v, len);
    s->values[s->n++].count = count;
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

/* Parse "province,year" into field indexes. */
static tracuu_status_t
parse_fields (tracuu_index_t *index, const char *list, int *out, size_t *n,
              size_t max)
{
    const char *p = list;

    *n = 0;
    while (p && *p) {
        size_t len = strcspn (p, ", ");
        int f = field_index (p, len, TRACUU_FIELD_FACET);

        if (len > 0) {
            if (f < 0 || *n == max) {
                char *names = tracuu_field_names (TRACUU_FIELD_FACET, " or ");

                tracuu_index__set_error (index, "unknown field '%.*s'; use "
                                         "%s", (int) len, p,
                                         names ? names : "?");
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
    char *how = NULL;

    if (asprintf (&how, "%s%zu sanction%s summed (%zu with an amount%s), "
                  "%zu member case%s shown under their aggregate and not "
                  "added again; cases reported in several reports counted "
                  "once; news headlines left out.",
                  t->approximate ? "approximate: " : "",
                  t->sanctions, t->sanctions == 1 ? "" : "s", t->with_amount,
                  t->sanctions > t->with_amount ? ", the others counted only"
                                                : "",
                  t->members, t->members == 1 ? "" : "s") < 0)
        how = NULL;
    a->how = (char *) keep (&rc, a, how);
}

static tracuu_status_t
answer_once (tracuu_index_t *index, const tracuu_question_t *question,
             const tracuu_answer_options_t *opts, tracuu_answer_t **out)
{
    tracuu_answer_options_t defaults = TRACUU_ANSWER_OPTIONS_INIT;
    tracuu_answer_t *a = NULL;
    xapc_query_t *xq = NULL;
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    tracuu_status_t rc;
    xapc_status_t st = XAPC_OK;
    int facet_fields[MAX_FACETS], spies[MAX_FACETS], group = -1;
    size_t n_facets = 0, n;
    uint32_t doccount = 0;

    if (out != NULL)
        *out = NULL;
    if (index == NULL || question == NULL || out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (opts == NULL)
        opts = &defaults;
    rc = parse_fields (index, opts->facets, facet_fields, &n_facets, MAX_FACETS);
    if (!rc && opts->group_by != NULL) {
        group = field_index (opts->group_by, strlen (opts->group_by),
                             TRACUU_FIELD_GROUP);
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
    if (rc)
        return rc;
    a = calloc (1, sizeof *a);
    if (a == NULL) {
        xapc_query_destroy (xq);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    for (int attempt = 0; attempt < 3; attempt++) {
        xapc_enquire_destroy (enq);
        enq = NULL;
        st = xapc_enquire_new (index->db, &enq);
        if (!st)
            st = xapc_enquire_set_query (enq, xq);
        if (!st)
            st = xapc_enquire_set_weighting (enq, XAPC_WEIGHT_BOOL);
        if (!st)
            st = xapc_enquire_sort_by_value (enq, TRACUU_SLOT_FROM, 0);
        for (size_t i = 0; i < n_facets && !st; i++)
            st = xapc_enquire_add_value_spy (enq, (xapc_slot_t)
                                             field_at ((size_t) facet_fields[i])->slot,
                                             &spies[i]);
        if (!st)
            st = xapc_db_doccount (index->db, &doccount);
        if (!st)
            st = xapc_enquire_get_mset (enq, 0, opts->max_cases ? opts->max_cases
                                                                : DEFAULT_MAX_CASES,
                                        doccount, &mset);
        if (st != XAPC_ERR_MODIFIED)
            break;
        xapc_db_reopen (index->db, NULL);
    }
    xapc_query_destroy (xq);
    if (st) {
        rc = tracuu_index__fail (index, st, "answering");
        goto DONE;
    }
    n = xapc_mset_size (mset);
    a->items = calloc (n + 1, sizeof *a->items);
    if (a->items == NULL) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    for (size_t i = 0; i < n && !rc; i++) {
        xapc_doc_t *doc = NULL;

        st = xapc_mset_document (mset, i, &doc);
        if (st)
            rc = tracuu_index__fail (index, st, "reading a case");
        else if ((rc = read_case (a, &a->items[a->n_items++], doc)) != 0)
            tracuu_index__set_error (index, "a case in the index cannot be "
                                     "read (%s); index the reports again "
                                     "with --force", tracuu_status_to_string (rc));
        xapc_doc_destroy (doc);
    }
    if (!rc)
        rc = mark_ocr (index, a);
    if (!rc)
        rc = arrange (a);
    if (!rc && group >= 0)
        rc = group_by (a, group);
    for (size_t i = 0; i < n_facets && !rc; i++) {
        spy_read_t s = { a, NULL, 0, 0, field_list (facet_fields[i]), 0 };

        st = xapc_enquire_spy_values (enq, spies[i], on_spy_value, &s);
        rc = st ? tracuu_index__fail (index, st, "counting facets") : s.rc;
        if (s.n > 1)
            qsort (s.values, s.n, sizeof *s.values, facet_cmp);
        a->facets[a->n_facets].field = field_at ((size_t) facet_fields[i])->name;
        a->facets[a->n_facets].values = s.values;
        a->facets[a->n_facets++].n_values = s.n;
    }
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

size_t
tracuu_answer_n_cases (const tracuu_answer_t *a)
{
    return a ? a->n_items : 0;
}

const tracuu_answer_case_t *
tracuu_answer_case (const tracuu_answer_t *a, size_t i)
{
    return a && i < a->n_items ? &a->cases[i] : NULL;
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
    return a ? a->n_groups : 0;
}

const tracuu_answer_group_t *
tracuu_answer_group (const tracuu_answer_t *a, size_t i)
{
    return a && i < a->n_groups ? &a->groups[i] : NULL;
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
    for (size_t i = 0; i < a->n_items; i++) {
        free (a->items[i].parent_key);
        for (size_t k = 0; k < MAX_FIELDS; k++)
            free (a->items[i].group[k]);
    }
    for (size_t i = 0; i < a->n_facets; i++)
        free ((void *) a->facets[i].values);
    for (size_t i = 0; i < a->n_strings; i++)
        free (a->strings[i]);
    free (a->strings);
    free (a->items);
    free (a->cases);
    free (a->groups);
    free (a);
}

tracuu_status_t
tracuu_answer_run (tracuu_index_t *index, const tracuu_question_t *question,
                   const tracuu_answer_options_t *opts, tracuu_answer_t **out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

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
