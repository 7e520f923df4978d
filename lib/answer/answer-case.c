/*
 * The cases an answer lists, read in full: the summary of each says
 * what the totals used, its records (one per report) give the lists and
 * every source. Everything is copied into the answer's arena.
 */
#include <stdlib.h>
#include <string.h>

#include "answer/tracuu-answer.h"
#include "index/tracuu-cases.h"
#include "index/tracuu-index.h"
#include "index/schema.h"
#include "index/tracuu-store.h"
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

/* The records of document 'docid', decoded into *recs; the blob they
 * point into is copied into 'arena', to live as long as the answer. */
static tracuu_status_t
read_records (tracuu_index_t *index, tracuu_arena_t *arena, xapc_docid_t docid,
              tracuu_caserecs_t *recs)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    xapc_doc_t *doc = NULL;
    const char *v;
    char *blob;
    size_t len;
    xapc_status_t st = xapc_db_get_document (index->db, docid, &doc);

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
read_case (tracuu_index_t *index, tracuu_answer_t *a, size_t k,
           tracuu_answer_case_t *c)
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
        rc = read_records (index, arena, i == 0 ? docid : copies[i - 1],
                           &parts[i]);
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

tracuu_status_t
tracuu_answer__list (tracuu_index_t *index, tracuu_answer_t *a, size_t offset,
                     size_t limit)
{
    size_t n = 0, count;
    tracuu_answer_case_t *cases;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    tracuu_answer_n_matches (a, &n);
    if (offset > n)
        offset = n;
    count = limit && limit < n - offset ? limit : n - offset;
    cases = calloc (count + 1, sizeof *cases);
    if (cases == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < count && !rc; i++) {
        rc = tracuu_index__check_deadline (index, "listing the cases");
        if (!rc)
            rc = read_case (index, a, offset + i, &cases[i]);
    }
    if (!rc)
        rc = find_reports (index, cases, count);
    tracuu_answer__set_cases (a, cases, rc ? 0 : count, offset);
    return rc;
}
