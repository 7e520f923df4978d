/*
 * The cases an answer lists, read in full: the summary of each says
 * what the totals used, its records (one per report) give the lists and
 * every source. Everything is copied into the answer's arena.
 */
#include <stdlib.h>
#include <string.h>

#include "answer/answer-private.h"
#include "index/index-private.h"
#include "tracuu/decode.h"

/* Distinct strings in the order first seen. */
typedef struct names {
    const char **items;
    size_t n;
    tracuu_map_t seen;
} names_t;

static void
names_add (tracuu_status_t *rc, names_t *v, const char *s)
{
    size_t len = strlen (s);

    if (*rc || tracuu_map__get_str (&v->seen, s, len, NULL))
        return;
    tracuu_map__put_str (rc, &v->seen, s, len, v->n);
    if (!*rc)
        v->items[v->n++] = s;
}

/* Room for 'n' names in the arena. */
static void
names_init (tracuu_status_t *rc, names_t *v, tracuu_arena_t *arena, size_t n)
{
    memset (v, 0, sizeof *v);
    v->items = tracuu_arena__alloc (rc, arena, (n ? n : 1) * sizeof *v->items);
}

/* The union of the lists of every record, and every source. */
static tracuu_status_t
gather (tracuu_arena_t *arena, const tracuu_caserecs_t *recs,
        tracuu_answer_case_t *c)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t n_people = 0, n_platforms = 0, n_accounts = 0, k = 0;
    names_t people, platforms, accounts;
    tracuu_answer_account_t *acc;
    tracuu_answer_source_t *src;
    tracuu_buf_t b = { 0 };

    for (size_t i = 0; i < recs->n; i++) {
        n_people += recs->items[i].n_people;
        n_platforms += recs->items[i].n_platforms;
        n_accounts += recs->items[i].n_accounts;
    }
    names_init (&rc, &people, arena, n_people);
    names_init (&rc, &platforms, arena, n_platforms);
    names_init (&rc, &accounts, arena, n_accounts);
    acc = tracuu_arena__alloc (&rc, arena, (n_accounts + 1) * sizeof *acc);
    src = tracuu_arena__alloc (&rc, arena, (recs->n_sources + 1) * sizeof *src);
    for (size_t i = 0; i < recs->n && !rc; i++) {
        const tracuu_caserec_t *r = &recs->items[i];

        for (size_t j = 0; j < r->n_people; j++)
            names_add (&rc, &people, r->people[j]);
        for (size_t j = 0; j < r->n_platforms; j++)
            names_add (&rc, &platforms, r->platforms[j]);
        /* An account is the same when both its platform and name are. */
        for (size_t j = 0; j < r->n_accounts && !rc; j++) {
            size_t before = accounts.n;

            b.len = 0;
            tracuu_buf__printf (&rc, &b, "%s\x1f%s", r->accounts[j].platform,
                                r->accounts[j].name);
            if (!rc)
                names_add (&rc, &accounts,
                           tracuu_arena__strndup (&rc, arena, b.data, b.len));
            if (accounts.n > before) {
                acc[before].platform = r->accounts[j].platform;
                acc[before].name = r->accounts[j].name;
            }
        }
        for (size_t j = 0; j < r->n_sources; j++, k++) {
            src[k].path = r->report;
            src[k].line = r->sources[j].line;
            src[k].quote = r->sources[j].quote;
            src[k].ocr = 0;
            src[k].report = 0;
            src[k].page = 0;
        }
    }
    tracuu_buf__dispose (&b);
    tracuu_map__dispose (&people.seen);
    tracuu_map__dispose (&platforms.seen);
    tracuu_map__dispose (&accounts.seen);
    if (rc)
        return rc;
    c->people = people.items;
    c->n_people = people.n;
    c->platforms = platforms.items;
    c->n_platforms = platforms.n;
    c->accounts = acc;
    c->n_accounts = accounts.n;
    c->sources = src;
    c->n_sources = k;
    return TRACUU_STATUS_OK;
}

/* ------------------------------------------------------------------ */
/* Values of many documents in one match.                             */

/* Over shards, a document read is a round trip to each remote one;
 * a match sorted by a value slot carries each match's value as its
 * sort key, one reply per shard for all of them. */
typedef struct carried_value {
    xapc_docid_t docid;
    const char *v;              /* In the arena, NUL-terminated. */
    size_t len;
    size_t at;                  /* Rank in the match. */
} carried_value_t;

/* Which matches of a match of every document of a kind to keep. */
typedef int (*keep_fn) (xapc_docid_t docid, const char *v, size_t len,
                        const void *payload);

/* Thousands of terms in one OR cost Xapian more than the postings of a
 * kind: when the terms are at least 1 / EVERY_FRACTION of the
 * documents of the kind (EVERY_RECORDS_FRACTION for the records, which
 * are large to carry), match the kind and keep what was asked for. */
#define EVERY_FRACTION 16
#define EVERY_RECORDS_FRACTION 2

/* The kind term 'kind' ("case" or "report") if 'n' documents asked for
 * are at least 1 / 'fraction' of its documents, else NULL. */
static const char *
every_of (tracuu_index_t *index, const char *kind, size_t n, size_t fraction)
{
    uint32_t count = 0;

    if (xapc_db_termfreq (index->db, kind, strlen (kind), &count) != XAPC_OK)
        return NULL;
    return n * fraction >= count ? kind : NULL;
}

typedef struct carried {
    carried_value_t *items;     /* By document id. */
    size_t n;
} carried_t;

static int
carried_cmp (const void *x, const void *y)
{
    xapc_docid_t a = ((const carried_value_t *) x)->docid;
    xapc_docid_t b = ((const carried_value_t *) y)->docid;

    return a < b ? -1 : a > b;
}

static const carried_value_t *
carried_find (const carried_t *c, xapc_docid_t docid)
{
    carried_value_t k = { docid, NULL, 0, 0 };

    return c->n ? bsearch (&k, c->items, c->n, sizeof k, carried_cmp) : NULL;
}

/* Id terms, each once, copied into the answer's arena. */
typedef struct terms {
    TRACUU_ARRAY (const char *) list;
    tracuu_map_t seen;
} terms_t;

static void
terms_add (tracuu_status_t *rc, tracuu_arena_t *arena, terms_t *t,
           const char *term, size_t len)
{
    const char *copy;

    if (*rc || tracuu_map__get_str (&t->seen, term, len, NULL))
        return;
    copy = tracuu_arena__strndup (rc, arena, term, len);
    tracuu_map__put_str (rc, &t->seen, copy, len, t->list.n);
    TRACUU_ARRAY_PUSH (rc, &t->list, copy);
}

static void
terms_dispose (terms_t *t)
{
    free (t->list.items);
    tracuu_map__dispose (&t->seen);
}

/* The documents indexed by any of the terms 't' (or, 'every' not
 * NULL, by that term, those 'keep' says), and by 'filter' if not NULL,
 * matched once: their ids, and the value of 'slot' of each copied into
 * 'arena'. *mset_out, if not NULL, gets the match. */
static tracuu_status_t
carry_values (tracuu_index_t *index, tracuu_arena_t *arena, const terms_t *t,
              const char *every, keep_fn keep, const void *payload,
              xapc_query_t *filter, xapc_slot_t slot, carried_t *out,
              xapc_mset_t **mset_out)
{
    xapc_query_t **subs = calloc (t->list.n + 1, sizeof *subs), *any = NULL;
    xapc_query_t *q = NULL;
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    xapc_status_t st = XAPC_OK;
    uint32_t doccount = 0;
    size_t n = 0;

    memset (out, 0, sizeof *out);
    if (mset_out != NULL)
        *mset_out = NULL;
    if (subs == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    if (every != NULL && t->list.n > 0)
        st = xapc_query_term (every, strlen (every), 1, 0, &subs[n++]);
    for (size_t i = 0; every == NULL && i < t->list.n && !st; i++)
        st = xapc_query_term (t->list.items[i], strlen (t->list.items[i]), 1, 0,
                              &subs[n++]);
    if (!st && n > 0)
        st = xapc_query_combine (XAPC_OP_OR, subs, n, 0, &any);
    if (!st && any != NULL && filter != NULL) {
        xapc_query_t *both[2] = { any, filter };

        st = xapc_query_combine (XAPC_OP_FILTER, both, 2, 0, &q);
    }
    if (!st && any != NULL)
        st = xapc_enquire_new (index->db, &enq);
    if (!st && enq != NULL)
        st = xapc_enquire_set_query (enq, q ? q : any);
    if (!st && enq != NULL)
        st = xapc_enquire_set_weighting (enq, XAPC_WEIGHT_BOOL);
    if (!st && enq != NULL)
        st = xapc_enquire_sort_by_value (enq, slot, 0);
    if (!st && enq != NULL)
        st = xapc_db_doccount (index->db, &doccount);
    if (!st && enq != NULL)
        st = xapc_enquire_get_mset (enq, 0, doccount, doccount, &mset);
    if (!st && mset != NULL && xapc_mset_size (mset) > 0) {
        out->items = tracuu_arena__alloc (&rc, arena, xapc_mset_size (mset)
                                                      * sizeof *out->items);
        for (size_t i = 0; !rc && !st && i < xapc_mset_size (mset); i++) {
            carried_value_t *c = &out->items[out->n];
            const char *v;
            size_t len;

            st = xapc_mset_sort_key (mset, i, &v, &len);
            if (st)
                break;
            c->docid = xapc_mset_docid (mset, i);
            if (every != NULL && !keep (c->docid, v, len, payload))
                continue;
            c->v = tracuu_arena__strndup (&rc, arena, v, len);
            c->len = len;
            c->at = i;
            out->n++;
        }
        if (!rc && !st)
            qsort (out->items, out->n, sizeof *out->items, carried_cmp);
    }
    if (st)
        rc = tracuu_index__fail (index, st, "reading the cases listed");
    for (size_t i = 0; i < n; i++)
        xapc_query_destroy (subs[i]);
    free (subs);
    xapc_query_destroy (any);
    xapc_query_destroy (q);
    xapc_enquire_destroy (enq);
    if (!rc && mset_out != NULL)
        *mset_out = mset;
    else
        xapc_mset_destroy (mset);
    if (rc)
        memset (out, 0, sizeof *out);
    return rc;
}

/* The records of document 'docid', decoded into *recs; the blob they
 * point into is copied into 'arena', to live as long as the answer
 * (or is there already, carried by the match of the cases listed). */
static tracuu_status_t
read_records (tracuu_index_t *index, tracuu_arena_t *arena,
              const carried_t *carried, xapc_docid_t docid,
              tracuu_caserecs_t *recs)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const carried_value_t *c = carried_find (carried, docid);
    xapc_doc_t *doc = NULL;
    const char *v;
    char *blob;
    size_t len;
    xapc_status_t st;

    if (c != NULL && c->len > 0) {
        rc = tracuu_caserec__decode (c->v, c->len, recs);
        if (!rc && recs->n == 0)
            rc = TRACUU_STATUS_BAD_INPUT;
        return rc;
    }
    st = xapc_db_get_document (index->db, docid, &doc);
    if (!st)
        st = xapc_doc_get_value (doc, TRACUU_SLOT_STORED, &v, &len);
    if (st) {
        xapc_doc_destroy (doc);
        return tracuu_index__fail (index, st, "reading a case");
    }
    blob = tracuu_arena__alloc (&rc, arena, len + 1);
    if (blob != NULL) {
        memcpy (blob, v, len);
        blob[len] = '\0';
    }
    xapc_doc_destroy (doc);
    if (!rc)
        rc = tracuu_caserec__decode (blob, len, recs);
    if (!rc && recs->n == 0)
        rc = TRACUU_STATUS_BAD_INPUT;
    return rc;
}

/* Case 'k' of the display order, from its document (and, over shards,
 * those of its copies: their records together, in document order). */
static tracuu_status_t
read_case (tracuu_index_t *index, tracuu_answer_t *a, const carried_t *carried,
           size_t k, tracuu_answer_case_t *c)
{
    tracuu_arena_t *arena = tracuu_answer__arena (a);
    const tracuu_casesum_t *s;
    const xapc_docid_t *copies;
    tracuu_caserecs_t *parts = NULL, all = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    xapc_docid_t docid;
    const char *member_of;
    size_t n_copies, n_parts = 0, n = 0;

    tracuu_answer__display (a, k, &docid, &copies, &n_copies, &s, &member_of);
    parts = calloc (n_copies + 1, sizeof *parts);
    if (parts == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i <= n_copies && !rc; i++, n_parts++)
        rc = read_records (index, arena, carried,
                           i == 0 ? docid : copies[i - 1], &parts[i]);
    if (rc == TRACUU_STATUS_DATABASE_ERROR || rc == TRACUU_STATUS_SHARD_UNAVAILABLE
        || rc == TRACUU_STATUS_DATABASE_MODIFIED) {
        for (size_t i = 0; i < n_parts; i++)
            tracuu_caserec__dispose (&parts[i]);
        free (parts);
        return rc;
    }
    for (size_t i = 0; i < n_parts; i++) {
        n += parts[i].n;
        all.n_sources += parts[i].n_sources;
    }
    if (!rc && n_parts == 1)
        all = parts[0];
    else if (!rc && (all.items = calloc (n + 1, sizeof *all.items)) == NULL)
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
    else if (!rc)
        for (size_t i = 0; i < n_parts; i++) {
            memcpy (all.items + all.n, parts[i].items,
                    parts[i].n * sizeof *all.items);
            all.n += parts[i].n;
        }
    if (!rc) {
        c->key = s->key;
        c->member_of = member_of;
        c->period = s->period ? s->period : "";
        c->from = s->from;
        c->to = s->to;
        c->province = s->province ? s->province : "";
        c->agency = s->agency ? s->agency : "";
        c->action = s->action;
        c->status = s->status;
        c->categories = s->categories;
        c->violator_kinds = s->violator_kinds;
        c->amount = s->amount;
        c->approximate = (s->flags & TRACUU_CASE_APPROXIMATE) != 0;
        c->aggregate = (s->flags & TRACUU_CASE_AGGREGATE) != 0;
        c->per_violator = (s->flags & TRACUU_CASE_PER_VIOLATOR) != 0;
        c->violators = s->violators;
        c->organizations = s->organizations;
        c->individuals = s->individuals;
        rc = gather (arena, &all, c);
    }
    if (n_parts > 1)
        free (all.items);
    for (size_t i = 0; i < n_parts; i++)
        tracuu_caserec__dispose (&parts[i]);
    free (parts);
    if (rc && rc != TRACUU_STATUS_OUT_OF_MEMORY) {
        tracuu_index__set_error (index, "a case in the index cannot be read "
                                 "(%s); index the reports again with --force",
                                 tracuu_status_to_string (rc));
        rc = TRACUU_STATUS_DATABASE_ERROR;
    }
    return rc;
}

/* The stored text of the paginated report last asked for: a case's
 * sources are often several lines of one report. */
typedef struct paged {
    xapc_docid_t id;
    char *text;
    size_t len;
} paged_t;

/* The page of 'line' in the stored text of report document 'doc' (id
 * 'id', one with pages); 0 when it cannot be told. */
static uint32_t
page_of (paged_t *last, xapc_docid_t id, xapc_doc_t *doc, uint32_t line)
{
    const char *data;
    size_t dlen;

    if (last->id != id) {
        free (last->text);
        last->text = NULL;
        last->id = id;
        if (xapc_doc_get_value (doc, TRACUU_SLOT_STORED, &data, &dlen) != XAPC_OK
            || dlen == 0
            || tracuu_store__unpack (data, dlen, &last->text, &last->len))
            last->text = NULL;
    }
    return last->text ? (uint32_t) tracuu_page_of_line (last->text, last->len,
                                                        line)
                      : 0;
}

/* Each source's report, found by its path: its document id, so that a
 * citation can be opened by id, whether its text was read by OCR, and
 * the page of the line in a paginated report. A report removed
 * meanwhile keeps id 0. */
static tracuu_status_t
find_reports (tracuu_index_t *index, tracuu_answer_case_t *cases, size_t n)
{
    paged_t last = { 0, NULL, 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;

    for (size_t i = 0; i < n && !rc; i++)
        for (size_t k = 0; k < cases[i].n_sources; k++) {
            tracuu_answer_source_t *src =
                (tracuu_answer_source_t *) &cases[i].sources[k];
            char term[XAPC_MAX_TERM_BYTES + 1];
            size_t tlen = tracuu_index__id_term (src->path, term);
            xapc_docid_t id = 0;
            xapc_doc_t *doc = NULL;
            const char *v;
            size_t len;
            xapc_status_t st = xapc_db_find_by_term (index->db, term, tlen, &id);

            if (st == XAPC_ERR_NOT_FOUND)
                continue;
            if (!st)
                st = xapc_db_get_document (index->db, id, &doc);
            if (st) {
                rc = tracuu_index__fail (index, st, "finding a case's report");
                break;
            }
            if (xapc_doc_get_value (doc, TRACUU_SLOT_OCR, &v, &len) == XAPC_OK)
                src->ocr = len > 0;
            if (xapc_doc_get_value (doc, TRACUU_SLOT_PAGES, &v, &len) == XAPC_OK
                && len > 0)
                src->page = page_of (&last, id, doc, src->line);
            xapc_doc_destroy (doc);
            src->report = id;
        }
    free (last.text);
    return rc;
}

static int
keep_path (xapc_docid_t docid, const char *v, size_t len, const void *payload)
{
    (void) docid;
    return tracuu_map__get_str (payload, v, len, NULL);
}

static int
keep_docid (xapc_docid_t docid, const char *v, size_t len, const void *payload)
{
    (void) v;
    (void) len;
    return tracuu_map__get_int (payload, docid, NULL);
}

/* Over remote shards, find_reports() in three matches however many the
 * sources: each report's id by its path (the match carries the paths),
 * then the documents of those with pages or text read by OCR, asked
 * for all at once. */
static tracuu_status_t
find_reports_at_once (tracuu_index_t *index, tracuu_arena_t *arena,
                      tracuu_answer_case_t *cases, size_t n)
{
    paged_t last = { 0, NULL, 0 };
    terms_t t = { { NULL, 0, 0 }, { 0 } };
    carried_t paths, special = { NULL, 0 };
    tracuu_map_t by_path = { 0 }, docs_at = { 0 }, paths_asked = { 0 };
    const char *kreport = TRACUU_PREFIX_KIND "report", *every;
    xapc_query_t *flag = NULL, *pages = NULL, *either = NULL, *sub[2];
    xapc_mset_t *mset = NULL;
    xapc_doc_t **docs = NULL;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const char *xocr = TRACUU_PREFIX_FLAG "ocr";
    xapc_status_t st;
    size_t n_docs = 0;

    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < cases[i].n_sources; k++) {
            char term[XAPC_MAX_TERM_BYTES + 1];

            terms_add (&rc, arena, &t, term,
                       tracuu_index__id_term (cases[i].sources[k].path, term));
            tracuu_map__put_str (&rc, &paths_asked, cases[i].sources[k].path,
                                 strlen (cases[i].sources[k].path), 0);
        }
    if (rc || t.list.n == 0)
        goto DONE;
    every = every_of (index, kreport, t.list.n, EVERY_FRACTION);
    rc = carry_values (index, arena, &t, every, keep_path, &paths_asked, NULL,
                       TRACUU_SLOT_PATH, &paths, NULL);
    for (size_t i = 0; !rc && i < paths.n; i++)
        tracuu_map__put_str (&rc, &by_path, paths.items[i].v, paths.items[i].len,
                             paths.items[i].docid);
    st = xapc_query_term (xocr, strlen (xocr), 1, 0, &flag);
    if (!st)
        st = xapc_query_value_range (TRACUU_SLOT_PAGES, NULL, 0, NULL, 0, &pages);
    sub[0] = flag;
    sub[1] = pages;
    if (!st)
        st = xapc_query_combine (XAPC_OP_OR, sub, 2, 0, &either);
    if (st && !rc)
        rc = tracuu_index__fail (index, st, "finding a case's report");
    if (!rc)
        rc = carry_values (index, arena, &t, every, keep_path, &paths_asked,
                           either, TRACUU_SLOT_PATH, &special, &mset);
    if (!rc && special.n > 0) {
        n_docs = special.n;
        docs = calloc (n_docs, sizeof *docs);
        if (docs == NULL)
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
        st = XAPC_OK;
        for (size_t i = 0; !rc && !st && i < n_docs; i++)
            st = xapc_mset_fetch_one (mset, special.items[i].at);
        for (size_t i = 0; !rc && !st && i < n_docs; i++) {
            st = xapc_mset_document (mset, special.items[i].at, &docs[i]);
            tracuu_map__put_int (&rc, &docs_at, special.items[i].docid, i);
        }
        if (st && !rc)
            rc = tracuu_index__fail (index, st, "finding a case's report");
    }
    for (size_t i = 0; i < n && !rc; i++)
        for (size_t k = 0; k < cases[i].n_sources; k++) {
            tracuu_answer_source_t *src =
                (tracuu_answer_source_t *) &cases[i].sources[k];
            size_t id = 0, at;
            const char *v;
            size_t len;

            if (!tracuu_map__get_str (&by_path, src->path, strlen (src->path), &id))
                continue;       /* Removed meanwhile. */
            src->report = (xapc_docid_t) id;
            if (!tracuu_map__get_int (&docs_at, id, &at))
                continue;
            if (xapc_doc_get_value (docs[at], TRACUU_SLOT_OCR, &v, &len) == XAPC_OK)
                src->ocr = len > 0;
            if (xapc_doc_get_value (docs[at], TRACUU_SLOT_PAGES, &v, &len) == XAPC_OK
                && len > 0)
                src->page = page_of (&last, src->report, docs[at], src->line);
        }

  DONE:
    for (size_t i = 0; i < n_docs && docs != NULL; i++)
        xapc_doc_destroy (docs[i]);
    free (docs);
    free (last.text);
    xapc_mset_destroy (mset);
    xapc_query_destroy (flag);
    xapc_query_destroy (pages);
    xapc_query_destroy (either);
    tracuu_map__dispose (&by_path);
    tracuu_map__dispose (&docs_at);
    tracuu_map__dispose (&paths_asked);
    terms_dispose (&t);
    return rc;
}

/* Over remote shards, the records of every document of the cases listed
 * (theirs and their copies'), in one match that carries them. */
static tracuu_status_t
carry_records (tracuu_index_t *index, tracuu_answer_t *a, size_t offset,
               size_t count, carried_t *out)
{
    terms_t t = { { NULL, 0, 0 }, { 0 } };
    tracuu_map_t docids = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const char *every;
    size_t n_docs = 0;

    memset (out, 0, sizeof *out);
    for (size_t i = 0; i < count && !rc; i++) {
        const tracuu_casesum_t *s;
        const xapc_docid_t *copies;
        const char *member_of;
        xapc_docid_t docid;
        size_t n_copies;
        char id[XAPC_MAX_TERM_BYTES + 1];
        int len;

        tracuu_answer__display (a, offset + i, &docid, &copies, &n_copies, &s,
                                &member_of);
        tracuu_map__put_int (&rc, &docids, docid, 0);
        for (size_t k = 0; k < n_copies; k++)
            tracuu_map__put_int (&rc, &docids, copies[k], 0);
        n_docs += 1 + n_copies;
        len = snprintf (id, sizeof id, "%s%s%s", TRACUU_PREFIX_ID, TRACUU_CASE_ID,
                        s->key);
        if (len > 0 && (size_t) len < sizeof id)
            terms_add (&rc, tracuu_answer__arena (a), &t, id, (size_t) len);
    }
    every = every_of (index, TRACUU_PREFIX_KIND "case", n_docs,
                      EVERY_RECORDS_FRACTION);
    if (!rc && t.list.n > 0)
        rc = carry_values (index, tracuu_answer__arena (a), &t, every,
                           keep_docid, &docids, NULL, TRACUU_SLOT_STORED, out,
                           NULL);
    tracuu_map__dispose (&docids);
    terms_dispose (&t);
    return rc;
}

tracuu_status_t
tracuu_answer__list (tracuu_index_t *index, tracuu_answer_t *a, size_t offset,
                     size_t limit)
{
    size_t n = 0, count;
    tracuu_answer_case_t *cases;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    carried_t carried = { NULL, 0 };
    /* Local documents are read faster one by one than by a match of
     * thousands of terms; remote ones are a round trip each. */
    int shards = tracuu_index__n_remote (index) > 0;

    tracuu_answer_n_matches (a, &n);
    if (offset > n)
        offset = n;
    count = limit && limit < n - offset ? limit : n - offset;
    cases = calloc (count + 1, sizeof *cases);
    if (cases == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    if (shards && count > 0)
        rc = carry_records (index, a, offset, count, &carried);
    for (size_t i = 0; i < count && !rc; i++) {
        rc = tracuu_index__check_deadline (index, "listing the cases");
        if (!rc)
            rc = read_case (index, a, &carried, offset + i, &cases[i]);
    }
    if (!rc && shards)
        rc = find_reports_at_once (index, tracuu_answer__arena (a), cases, count);
    else if (!rc)
        rc = find_reports (index, cases, count);
    tracuu_answer__set_cases (a, cases, rc ? 0 : count, offset);
    return rc;
}
