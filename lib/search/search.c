/* Running a search and gathering hits with their best passages. */
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/decode.h"
#include "tracuu/question.h"
#include "tracuu/search.h"
#include "search/search-private.h"
#include "index/index-private.h"
#include "util/util-private.h"

struct tracuu_results {
    tracuu_hit_t *hits;
    size_t n_hits;
    uint32_t total;
    char *explain;
    tracuu_snippet_t *snippets; /* Own the hits' snippet strings. */
    char **paths;               /* Own the hits' paths. */
    tracuu_shard_state_t shards; /* Over shards: those it came from. */
    char **places;              /* Own the hits' "province\0period". */
};

/* "province\0period\0" of a report document into *out (malloc'ed). */
static tracuu_status_t
read_place (xapc_doc_t *doc, char **out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t buf = { 0 };
    const char *v = "";
    size_t len = 0;

    /* A value is borrowed until the next read: copy each at once. The
     * buffer's own NUL ends the period. */
    if (xapc_doc_get_value (doc, TRACUU_SLOT_PROVINCE, &v, &len) != XAPC_OK)
        len = 0;
    tracuu_buf__append (&rc, &buf, v, len);
    tracuu_buf__putc (&rc, &buf, '\0');
    if (xapc_doc_get_value (doc, TRACUU_SLOT_PERIOD, &v, &len) != XAPC_OK)
        len = 0;
    tracuu_buf__append (&rc, &buf, v, len);
    if (rc != TRACUU_STATUS_OK) {
        tracuu_buf__dispose (&buf);
        return rc;
    }
    *out = tracuu_buf__detach (&buf);
    return TRACUU_STATUS_OK;
}

/* Read hit 'i' from the database: its path, and its stored text into
 * *stored (NULL when there is none). Only this touches the database, so
 * that a writer committing meanwhile rarely forces a retry. */
static tracuu_status_t
read_hit (tracuu_index_t *index, xapc_mset_t *mset, size_t i,
          const tracuu_search_options_t *opts, tracuu_results_t *r,
          char **stored, size_t *stored_len)
{
    xapc_doc_t *doc = NULL;
    const char *value, *data;
    size_t vlen, dlen;
    tracuu_status_t status = TRACUU_STATUS_OK;
    xapc_status_t st;
    tracuu_hit_t *hit = &r->hits[i];

    *stored = NULL;
    hit->rank = opts->offset + (unsigned) i + 1;
    hit->score = xapc_mset_weight (mset, i);
    hit->snippet = "";
    st = xapc_mset_document (mset, i, &doc);
    if (!st)
        st = xapc_doc_get_value (doc, TRACUU_SLOT_PATH, &value, &vlen);
    if (!st && !tracuu_index__valid_path (value, vlen)) {
        xapc_doc_destroy (doc);
        return tracuu_index__damaged (index, "a result's path is not a path");
    }
    if (!st) {
        r->paths[i] = strndup (value, vlen);
        if (r->paths[i] == NULL)
            status = TRACUU_STATUS_OUT_OF_MEMORY;
        hit->path = r->paths[i] ? r->paths[i] : "";
        hit->id = xapc_mset_docid (mset, i);
        if (!status)
            status = read_place (doc, &r->places[i]);
        hit->province = r->places[i] ? r->places[i] : "";
        hit->period = r->places[i] ? r->places[i] + strlen (r->places[i]) + 1
                                   : "";
        /* Paginated: the page is found with the snippet. */
        if (xapc_doc_get_value (doc, TRACUU_SLOT_PAGES, &value, &vlen) == XAPC_OK)
            hit->page = vlen > 0;
        if (xapc_doc_get_value (doc, TRACUU_SLOT_OCR, &value, &vlen) == XAPC_OK)
            hit->ocr = vlen > 0;
        st = xapc_doc_get_value (doc, TRACUU_SLOT_STORED, &data, &dlen);
    }
    if (st)
        status = tracuu_index__fail (index, st, "reading a result");
    else if (!status && dlen > 0)
        status = tracuu_store__unpack (data, dlen, stored, stored_len);
    if (status == TRACUU_STATUS_BAD_INPUT)
        status = tracuu_index__damaged (index, "a result's stored text "
                                        "cannot be read");
    xapc_doc_destroy (doc);
    return status;
}

/* The snippet of hit 'i' from its stored text; no database access. */
static tracuu_status_t
snippet_hit (size_t i, const char *stored, size_t len, const tracuu_query_t *q,
             const tracuu_search_options_t *opts, tracuu_results_t *r)
{
    tracuu_hit_t *hit = &r->hits[i];
    tracuu_status_t status;

    if (stored == NULL)
        return TRACUU_STATUS_OK;
    /* By filters alone: the passage that shows a filter's value. */
    if (q->n_units == 0 && opts->filters != NULL)
        status = tracuu_snippet__from_filters (stored, len, opts->filters,
                                               opts->snippet_bytes
                                                   ? opts->snippet_bytes : 240,
                                               &r->snippets[i]);
    else
        status = tracuu_snippet__from_text (stored, len, q->units, q->n_units,
                                            opts->snippet_bytes
                                                ? opts->snippet_bytes : 240,
                                            &r->snippets[i]);
    if (!status) {
        hit->line = r->snippets[i].line;
        hit->snippet = r->snippets[i].text;
        hit->spans = r->snippets[i].spans;
        hit->n_spans = r->snippets[i].n_spans;
        if (hit->page)
            hit->page = tracuu_page_of_line (stored, len, hit->line);
    }
    return status;
}

/* Full-text search returns reports (case documents are for answers),
 * restricted by the filters of a question when there is one. Words of
 * cases have their own prefix, so a text without filters needs none. */
static tracuu_status_t
restrict_query (tracuu_query_t *q, const tracuu_question_t *filters)
{
    xapc_query_t *filter = NULL, *subs[2], *combined = NULL;
    tracuu_status_t rc = tracuu_filters__build (filters, "report", &filter);
    xapc_status_t st;

    if (rc)
        return rc;
    subs[0] = q->xq;
    subs[1] = filter;
    st = xapc_query_combine (XAPC_OP_FILTER, subs, 2, 0, &combined);
    xapc_query_destroy (filter);
    if (st)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    xapc_query_destroy (q->xq);
    q->xq = combined;
    return TRACUU_STATUS_OK;
}

static int
blank (const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n')
            return 0;
    return 1;
}

static tracuu_status_t
collect_hits (tracuu_index_t *index, xapc_mset_t *mset, const tracuu_query_t *q,
              const tracuu_search_options_t *opts, tracuu_results_t **out)
{
    tracuu_results_t *r = calloc (1, sizeof *r);
    size_t n = xapc_mset_size (mset), *lens = NULL;
    char **texts = NULL;
    tracuu_status_t status = TRACUU_STATUS_OK;

    *out = NULL;
    if (r != NULL) {
        r->hits = calloc (n + 1, sizeof *r->hits);
        r->snippets = calloc (n + 1, sizeof *r->snippets);
        r->paths = calloc (n + 1, sizeof *r->paths);
        r->places = calloc (n + 1, sizeof *r->places);
    }
    if (r == NULL || r->hits == NULL || r->snippets == NULL || r->paths == NULL
        || r->places == NULL) {
        tracuu_results_destroy (r);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    r->n_hits = n;
    xapc_mset_counts (mset, NULL, &r->total, NULL);
    if (xapc_query_describe (q->xq, &r->explain) != XAPC_OK)
        r->explain = NULL;
    texts = calloc (n + 1, sizeof *texts);
    lens = calloc (n + 1, sizeof *lens);
    if (texts == NULL || lens == NULL)
        status = TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < n && !status; i++)
        status = read_hit (index, mset, i, opts, r, &texts[i], &lens[i]);
    for (size_t i = 0; i < n && !status; i++) {
        status = tracuu_index__check_deadline (index, "making the snippets");
        if (!status)
            status = snippet_hit (i, texts[i], lens[i], q, opts, r);
    }
    for (size_t i = 0; texts != NULL && i < n; i++)
        free (texts[i]);
    free (texts);
    free (lens);
    if (status) {
        tracuu_results_destroy (r);
        return status;
    }
    *out = r;
    return TRACUU_STATUS_OK;
}

static tracuu_status_t
run_once (tracuu_index_t *index, const tracuu_query_t *q,
          const tracuu_search_options_t *opts, xapc_mset_t **mset_out)
{
    xapc_enquire_t *enq = NULL;
    xapc_status_t st;
    uint32_t doccount = 0, check = 0;
    unsigned limit = opts->limit ? opts->limit : 10;

    *mset_out = NULL;
    st = xapc_enquire_new (index->db, &enq);
    if (!st)
        st = xapc_enquire_set_query (enq, q->xq);
    if (!st)
        st = xapc_enquire_set_deadline (enq, tracuu_index__deadline (index));
    /* Periods are stored as yyyymmdd, so byte order is day order. */
    if (!st && opts->version >= 2
        && (opts->sort == TRACUU_SORT_NEWEST || opts->sort == TRACUU_SORT_OLDEST))
        st = xapc_enquire_sort_by_value (enq, TRACUU_SLOT_TO,
                                         opts->sort == TRACUU_SORT_NEWEST);
    else if (!st)
        st = xapc_enquire_sort_by_relevance_then_value (enq, TRACUU_SLOT_PATH, 0);
    if (!st && opts->count_exactly)
        st = xapc_db_doccount (index->db, &doccount);
    check = opts->count_exactly ? doccount : 0;
    if (!st)
        st = xapc_enquire_get_mset (enq, opts->offset, limit, check, mset_out);
    xapc_enquire_destroy (enq);
    return st ? tracuu_index__fail (index, st, opts->count_exactly
                                               ? "counting the matches"
                                               : "searching") : 0;
}

tracuu_status_t
tracuu_search (tracuu_index_t *index, const char *query, size_t len,
               const tracuu_search_options_t *opts, tracuu_results_t **out)
{
    tracuu_search_options_t defaults = TRACUU_SEARCH_OPTIONS_INIT;
    tracuu_query_t *q = NULL;
    xapc_mset_t *mset = NULL;
    tracuu_results_t *r = NULL;
    tracuu_status_t status;

    if (out != NULL)
        *out = NULL;
    if (index == NULL || query == NULL || out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (opts == NULL)
        opts = &defaults;
    if (opts->filters != NULL && blank (query, len))
        status = tracuu_query__match_all (&q);
    else
        status = tracuu_query__parse (query, len, &q);
    if (status == TRACUU_STATUS_QUERY_SYNTAX)
        tracuu_index__set_error (index, "nothing to search for in the query");
    else if (status == TRACUU_STATUS_LIMIT_EXCEEDED)
        tracuu_index__set_error (index, "the query nests parentheses more "
                                 "than 64 deep");
    if (status)
        return status;
    if (opts->filters != NULL || q->all_documents)
        status = restrict_query (q, opts->filters);
    if (status) {
        tracuu_query__destroy (q);
        return status;
    }
    /* A writer may commit while we read: reopen and start again. */
    for (int attempt = 0; attempt < 20; attempt++) {
        if (attempt > 0) {
            tracuu_results_destroy (r);
            r = NULL;
            xapc_mset_destroy (mset);
            mset = NULL;
            xapc_db_reopen (index->db, NULL);
        }
        status = tracuu_index__check_deadline (index, "searching");
        if (status == TRACUU_STATUS_OK)
            status = run_once (index, q, opts, &mset);
        if (status == TRACUU_STATUS_OK)
            status = collect_hits (index, mset, q, opts, &r);
        /* A shard went away: search those left, if any. */
        if (status == TRACUU_STATUS_SHARD_UNAVAILABLE) {
            tracuu_results_destroy (r);
            r = NULL;
            xapc_mset_destroy (mset);
            mset = NULL;
            if (tracuu_index__reshard (index) == TRACUU_STATUS_OK)
                continue;
        }
        if (status != TRACUU_STATUS_DATABASE_MODIFIED)
            break;
    }
    xapc_mset_destroy (mset);
    tracuu_query__destroy (q);
    if (!status)
        status = tracuu_index__shard_state (index, &r->shards);
    if (status) {
        tracuu_results_destroy (r);
        return status;
    }
    *out = r;
    return TRACUU_STATUS_OK;
}

const tracuu_shard_state_t *
tracuu_results__shards (const tracuu_results_t *results)
{
    return &results->shards;
}

size_t
tracuu_results_size (const tracuu_results_t *results)
{
    return results ? results->n_hits : 0;
}

uint32_t
tracuu_results_total (const tracuu_results_t *results)
{
    return results ? results->total : 0;
}

const tracuu_hit_t *
tracuu_results_hit (const tracuu_results_t *results, size_t i)
{
    return results && i < results->n_hits ? &results->hits[i] : NULL;
}

const char *
tracuu_results_explain (const tracuu_results_t *results)
{
    return results && results->explain ? results->explain : "";
}

void
tracuu_results_destroy (tracuu_results_t *results)
{
    if (results == NULL)
        return;
    for (size_t i = 0; i < results->n_hits; i++) {
        tracuu_snippet__dispose (&results->snippets[i]);
        free (results->paths[i]);
        free (results->places[i]);
    }
    free (results->snippets);
    free (results->paths);
    free (results->places);
    free (results->hits);
    free (results->shards.missing);
    xapc_free (results->explain);
    free (results);
}
