/*
 * Entities and cases in the index.
 *
 * A report document gets filter terms and values from its metadata and
 * entities (province, period, number, people, accounts, platforms). Each
 * case becomes one document per case key, shared by every report that
 * mentions it: it keeps one record per report (index/index-private.h), its
 * terms are the union of what the records say, and its values and
 * summary come from the record with the narrowest period. Facet counts
 * over case documents therefore count each case once. A report that
 * mentions a known case adds its record and its terms to the case
 * document in place; re-indexing or removing a report takes its records
 * out of the case documents first, and rebuilds them from the others.
 * Each other report citing a case adds an empty citation document, so
 * that the statistics Xapian ranks reports by are those of shards of the
 * same files added up (see "Citations" below).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/extract.h"
#include "index/index-private.h"

tracuu_status_t
tracuu_document__fold_value (const char *value, size_t len, int slug,
                             char **out, size_t *out_len)
{
    char *folded = NULL;
    size_t flen = 0, n = 0;
    tracuu_status_t rc;

    *out = NULL;
    rc = tracuu_fold (value, len, TRACUU_FOLD_ASCII, &folded, &flen, NULL);
    if (rc)
        return rc;
    for (size_t i = 0; i < flen; i++) {
        unsigned char c = (unsigned char) folded[i];
        int word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;

        if (i == 0 && c == '@')
            continue;
        if (slug && !word) {
            if (n > 0 && folded[n - 1] != '-')
                folded[n++] = '-';
            continue;
        }
        if (!slug && c == ' ' && (n == 0 || folded[n - 1] == ' '))
            continue;           /* Collapse spaces. */
        folded[n++] = (char) c;
    }
    while (n > 0 && (folded[n - 1] == '-' || folded[n - 1] == ' '))
        n--;
    folded[n] = '\0';
    *out = folded;
    *out_len = n;
    return TRACUU_STATUS_OK;
}

xapc_status_t
tracuu_document__add_folded (xapc_doc_t *doc, const char *prefix,
                             const char *value, size_t len, int slug)
{
    char *folded;
    size_t flen;
    xapc_status_t st;

    if (value == NULL || len == 0)
        return XAPC_OK;
    if (tracuu_document__fold_value (value, len, slug, &folded, &flen))
        return XAPC_ERR_NOMEM;
    st = tracuu_document__add_filter (doc, prefix, folded, flen);
    free (folded);
    return st;
}

static xapc_status_t
set_str (xapc_doc_t *doc, xapc_slot_t slot, const char *s)
{
    return s && *s ? xapc_doc_set_value (doc, slot, s, strlen (s)) : XAPC_OK;
}

xapc_status_t
tracuu_document__set_period (xapc_doc_t *doc, const char *period, int32_t from,
                             int32_t to)
{
    char buf[32];
    xapc_status_t st = XAPC_OK;

    if (from <= 0 || to <= 0 || to < from)
        return set_str (doc, TRACUU_SLOT_PERIOD, period);
    snprintf (buf, sizeof buf, "%08d", (int) from);
    st = set_str (doc, TRACUU_SLOT_FROM, buf);
    snprintf (buf, sizeof buf, "%08d", (int) to);
    if (!st)
        st = set_str (doc, TRACUU_SLOT_TO, buf);
    snprintf (buf, sizeof buf, "%04d", (int) (to / 10000));
    if (!st)
        st = set_str (doc, TRACUU_SLOT_YEAR, buf);
    tracuu_period__label (from, to, TRACUU_BUCKET_QUARTER, buf, sizeof buf);
    if (!st)
        st = set_str (doc, TRACUU_SLOT_QUARTER, buf);
    tracuu_period__label (from, to, TRACUU_BUCKET_MONTH, buf, sizeof buf);
    if (!st)
        st = set_str (doc, TRACUU_SLOT_MONTH, buf);
    if (!st)
        st = set_str (doc, TRACUU_SLOT_PERIOD, period);
    /* A term for each year the period overlaps: a year filter is then a
     * term look-up, not a range over every document's values. */
    for (int y = (int) (from / 10000); y <= (int) (to / 10000) && !st; y++) {
        if (y < TRACUU_YEAR_TERMS_FIRST || y > TRACUU_YEAR_TERMS_LAST)
            continue;
        snprintf (buf, sizeof buf, TRACUU_PREFIX_YEAR "%04d", y);
        st = xapc_doc_add_boolean_term (doc, buf, strlen (buf));
    }
    return st;
}

/* ------------------------------------------------------------------ */
/* Reports.                                                           */

xapc_status_t
tracuu_document__add_extraction (xapc_doc_t *doc, const tracuu_extraction_t *x)
{
    const tracuu_report_meta_t *meta = tracuu_extraction_meta (x);
    const tracuu_entities_t *ents = tracuu_extraction_entities (x);
    xapc_status_t st = XAPC_OK;

    if (meta != NULL) {
        if (meta->province) {
            st = tracuu_document__add_folded (doc, TRACUU_PREFIX_PROVINCE,
                                              meta->province,
                                              strlen (meta->province), 1);
            if (!st)
                st = set_str (doc, TRACUU_SLOT_PROVINCE, meta->province);
        }
        if (!st && meta->number && *meta->number)
            st = tracuu_document__add_folded (doc, TRACUU_PREFIX_NUMBER,
                                              meta->number,
                                              strlen (meta->number), 0);
        if (!st)
            st = tracuu_document__set_period (doc, meta->period,
                                              meta->period_from, meta->period_to);
    }
    for (size_t i = 0; ents != NULL && i < ents->count && !st; i++) {
        const tracuu_entity_t *e = &ents->items[i];

        switch (e->kind) {
        case TRACUU_ENTITY_PERSON:
            st = tracuu_document__add_folded (doc, TRACUU_PREFIX_PERSON,
                                              e->value, strlen (e->value), 0);
            break;
        case TRACUU_ENTITY_ACCOUNT:
            st = tracuu_document__add_folded (doc, TRACUU_PREFIX_ACCOUNT,
                                              e->value, strlen (e->value), 0);
            if (!st && e->extra)
                st = tracuu_document__add_folded (doc, TRACUU_PREFIX_PLATFORM,
                                                  e->extra, strlen (e->extra), 1);
            break;
        default:
            break;
        }
    }
    return st;
}

/* ------------------------------------------------------------------ */
/* Case documents.                                                    */

/* The values a case document takes from its records. */
static const xapc_slot_t CASE_SLOTS[] = {
    TRACUU_SLOT_AMOUNT, TRACUU_SLOT_FROM, TRACUU_SLOT_TO, TRACUU_SLOT_YEAR,
    TRACUU_SLOT_QUARTER, TRACUU_SLOT_MONTH, TRACUU_SLOT_PERIOD,
    TRACUU_SLOT_PROVINCE, TRACUU_SLOT_ACTION, TRACUU_SLOT_CATEGORIES,
    TRACUU_SLOT_PLATFORMS, TRACUU_SLOT_KEY, TRACUU_SLOT_PARENT,
    TRACUU_SLOT_STATUS,
};

tracuu_status_t
tracuu_cases__data (xapc_doc_t *doc, char **out, size_t *out_len)
{
    const char *data;
    size_t len;

    *out = NULL;
    *out_len = 0;
    if (xapc_doc_get_value (doc, TRACUU_SLOT_STORED, &data, &len))
        return TRACUU_STATUS_DATABASE_ERROR;
    *out = malloc (len + 1);
    if (*out == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    if (len > 0)
        memcpy (*out, data, len);
    (*out)[len] = '\0';
    *out_len = len;
    return TRACUU_STATUS_OK;
}

static xapc_status_t
add_name (xapc_doc_t *doc, const char *prefix, const char *name)
{
    return name && *name ? tracuu_document__add_filter (doc, prefix, name,
                                                        strlen (name))
                         : XAPC_OK;
}

static xapc_status_t
add_folded_str (xapc_doc_t *doc, const char *prefix, const char *s, int slug)
{
    return s ? tracuu_document__add_folded (doc, prefix, s, strlen (s), slug)
             : XAPC_OK;
}

/* The words of an agency's name, folded, as terms (an agency is found
 * by the words of its name). */
static xapc_status_t
add_agency_terms (xapc_doc_t *doc, const char *agency)
{
    tracuu_text_t *text = NULL;
    xapc_status_t st = XAPC_OK;

    if (agency == NULL || *agency == '\0')
        return XAPC_OK;
    if (tracuu_text_analyze (agency, strlen (agency), &text))
        return XAPC_ERR_NOMEM;
    for (size_t i = 0; i < text->n_tokens && !st; i++)
        if (text->tokens[i].folded_len <= TRACUU_MAX_TERM)
            st = tracuu_document__add_filter (doc, TRACUU_PREFIX_AGENCY,
                                              text->tokens[i].folded,
                                              text->tokens[i].folded_len);
    tracuu_text_destroy (text);
    return st;
}

/* The quotes of a record as content terms, so that words find cases. */
static xapc_status_t
add_quote_terms (xapc_doc_t *doc, const tracuu_caserec_t *rec,
                 xapc_termpos_t *pos)
{
    for (size_t k = 0; k < rec->n_sources; k++) {
        const char *quote = rec->sources[k].quote;
        tracuu_text_t *text = NULL;
        xapc_status_t st = XAPC_OK;

        if (tracuu_text_analyze (quote, strlen (quote), &text))
            return XAPC_ERR_NOMEM;
        for (size_t i = 0; i < text->n_tokens && !st; i++) {
            const tracuu_token_t *t = &text->tokens[i];

            if (t->flags & TRACUU_TOKEN_FOOTNOTE)
                continue;
            /* Words, not phrases, find cases: folded forms, no positions
             * (cases are filtered, not ranked), under their own prefix so
             * that a search of reports needs no filter to leave cases out. */
            (*pos)++;
            if (t->folded_len <= TRACUU_MAX_TERM) {
                char word[TRACUU_MAX_TERM + sizeof TRACUU_PREFIX_WORD];

                memcpy (word, TRACUU_PREFIX_WORD, sizeof TRACUU_PREFIX_WORD - 1);
                memcpy (word + sizeof TRACUU_PREFIX_WORD - 1, t->folded,
                        t->folded_len);
                st = xapc_doc_add_term (doc, word, sizeof TRACUU_PREFIX_WORD - 1
                                                   + t->folded_len, 1);
            }
        }
        tracuu_text_destroy (text);
        *pos += 10;             /* No phrase across two quotes. */
        if (st)
            return st;
    }
    return XAPC_OK;
}

/* The filter terms of what one record says, and the words of its quotes. */
static xapc_status_t
add_record_terms (xapc_doc_t *doc, const tracuu_caserec_t *r,
                  xapc_termpos_t *pos)
{
    xapc_status_t st = add_name (doc, TRACUU_PREFIX_ACTION,
                                 tracuu_case_action_name (r->action));

    for (unsigned b = 0; b < TRACUU_CATEGORY_COUNT && !st; b++)
        if (r->categories & (1u << b))
            st = add_name (doc, TRACUU_PREFIX_CATEGORY,
                           tracuu_case_category_name (b));
    if (!st)
        st = add_name (doc, TRACUU_PREFIX_STATUS,
                       tracuu_case_status_name (r->status));
    for (unsigned b = 0; b < TRACUU_VIOLATOR_KIND_COUNT && !st; b++)
        if (r->violator_kinds & (1u << b))
            st = add_name (doc, TRACUU_PREFIX_VIOLATOR,
                           tracuu_case_violator_kind_name (b));
    if (!st)
        st = add_agency_terms (doc, r->agency);
    for (size_t k = 0; k < r->n_platforms && !st; k++)
        st = add_folded_str (doc, TRACUU_PREFIX_PLATFORM, r->platforms[k], 1);
    for (size_t k = 0; k < r->n_people && !st; k++)
        st = add_folded_str (doc, TRACUU_PREFIX_PERSON, r->people[k], 0);
    if (!st)
        st = add_folded_str (doc, TRACUU_PREFIX_PROVINCE, r->province, 1);
    if (!st)
        st = add_folded_str (doc, TRACUU_PREFIX_NUMBER, r->report_number, 0);
    /* The account's name is the filter; its platform a platform named. */
    for (size_t k = 0; k < r->n_accounts && !st; k++) {
        st = add_folded_str (doc, TRACUU_PREFIX_ACCOUNT, r->accounts[k].name, 0);
        if (!st && *r->accounts[k].platform)
            st = add_folded_str (doc, TRACUU_PREFIX_PLATFORM,
                                 r->accounts[k].platform, 1);
    }
    if (!st)
        st = add_quote_terms (doc, r, pos);
    return st;
}

/* Names joined by commas as a value (categories and platforms are
 * listed sorted by the extraction already). */
static xapc_status_t
set_list_value (xapc_doc_t *doc, xapc_slot_t slot, const char *const *names,
                size_t n)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };
    xapc_status_t st = XAPC_OK;

    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            tracuu_buf__putc (&rc, &b, ',');
        tracuu_buf__puts (&rc, &b, names[i]);
    }
    if (rc)
        st = XAPC_ERR_NOMEM;
    else if (b.len > 0)
        st = xapc_doc_set_value (doc, slot, b.data, b.len);
    tracuu_buf__dispose (&b);
    return st;
}

static xapc_status_t
set_categories_value (xapc_doc_t *doc, uint32_t categories)
{
    const char *names[TRACUU_CATEGORY_COUNT];
    size_t n = 0;

    for (unsigned b = 0; b < TRACUU_CATEGORY_COUNT; b++)
        if (categories & (1u << b))
            names[n++] = tracuu_case_category_name (b);
    return set_list_value (doc, TRACUU_SLOT_CATEGORIES, names, n);
}

static xapc_status_t
set_violators_value (xapc_doc_t *doc, uint32_t kinds)
{
    const char *names[TRACUU_VIOLATOR_KIND_COUNT];
    size_t n = 0;

    for (unsigned b = 0; b < TRACUU_VIOLATOR_KIND_COUNT; b++)
        if (kinds & (1u << b))
            names[n++] = tracuu_case_violator_kind_name (b);
    return set_list_value (doc, TRACUU_SLOT_VIOLATORS, names, n);
}

/* The values and period terms a case document takes from its primary
 * record, replacing those of the one before. */
static xapc_status_t
set_primary_values (xapc_doc_t *doc, const tracuu_caserec_t *p)
{
    xapc_status_t st = XAPC_OK;
    char buf[32];

    for (size_t i = 0; i < sizeof CASE_SLOTS / sizeof CASE_SLOTS[0] && !st; i++)
        if (CASE_SLOTS[i] != TRACUU_SLOT_PARENT)
            st = xapc_doc_set_value (doc, CASE_SLOTS[i], "", 0);
    if (!st && p->amount >= 0) {
        snprintf (buf, sizeof buf, "%015lld", (long long) p->amount);
        st = xapc_doc_set_value (doc, TRACUU_SLOT_AMOUNT, buf, 15);
    }
    if (!st)
        st = tracuu_document__set_period (doc, p->period, p->from, p->to);
    if (!st)
        st = set_str (doc, TRACUU_SLOT_PROVINCE, p->province);
    if (!st)
        st = set_str (doc, TRACUU_SLOT_ACTION, tracuu_case_action_name (p->action));
    if (!st)
        st = set_str (doc, TRACUU_SLOT_STATUS, tracuu_case_status_name (p->status));
    if (!st)
        st = set_categories_value (doc, p->categories);
    if (!st)
        st = set_list_value (doc, TRACUU_SLOT_PLATFORMS, p->platforms,
                             p->n_platforms);
    if (!st)
        st = set_str (doc, TRACUU_SLOT_KEY, p->key);
    return st;
}

/* The summary and the records of a case document; membership in an
 * aggregate is known from whichever report lists the case under it,
 * and a case only ever quoted in headlines is news, not a sanction. */
static xapc_status_t
set_summary (xapc_doc_t *doc, const tracuu_casesum_t *sum, const char *blob,
             size_t blob_len)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t summary = { 0 };
    xapc_status_t st = xapc_doc_set_value (doc, TRACUU_SLOT_KIND, "case", 4);

    if (!st)
        st = set_str (doc, TRACUU_SLOT_PARENT, sum->parent);
    /* Violator kinds are those every report says (as their terms are),
     * so that a facet and a group by violator count the same cases. */
    if (!st)
        st = set_violators_value (doc, sum->violator_kinds);
    if (!st && sum->headline)
        st = tracuu_document__add_filter (doc, TRACUU_PREFIX_FLAG, "headline", 8);
    tracuu_casesum__format (&rc, &summary, sum);
    if (!st && rc)
        st = XAPC_ERR_NOMEM;
    if (!st)
        st = xapc_doc_set_value (doc, TRACUU_SLOT_CASE, summary.data, summary.len);
    if (!st)
        st = xapc_doc_set_value (doc, TRACUU_SLOT_STORED, blob, blob_len);
    tracuu_buf__dispose (&summary);
    return st;
}

static size_t
case_id (const char *key, char *id)
{
    int n = snprintf (id, XAPC_MAX_TERM_BYTES + 1, "%s%s%s", TRACUU_PREFIX_ID,
                      TRACUU_CASE_ID, key);

    return n < 0 || n > XAPC_MAX_TERM_BYTES ? XAPC_MAX_TERM_BYTES : (size_t) n;
}

/*
 * Citations. Xapian weighs report matches by statistics over every
 * document, case documents included: the number of documents and their
 * mean length. An index holds one case document per case, and each
 * shard of a sharded index one per case its own reports cite, so that
 * shards would count a case cited in several of them more than once.
 * So that a sharded index counts as one index of the same files, each
 * database holds as many documents of a case as it has reports citing
 * it: the case document, and an empty citation document for every
 * other report (no values, and only boolean terms, so of length 0: the
 * lengths of the case documents add up already, each record adding its
 * words). The citation of report 'rid' has the unique term
 * Q cite: rid : key, and every citation of the case Q cited: key.
 */
static size_t
citation_id (const char *key, const char *rid, char *id)
{
    int n = snprintf (id, XAPC_MAX_TERM_BYTES + 1, "%s%s%s:%s",
                      TRACUU_PREFIX_ID, TRACUU_CITATION_ID, rid, key);

    return n < 0 || n > XAPC_MAX_TERM_BYTES ? XAPC_MAX_TERM_BYTES : (size_t) n;
}

static size_t
cited_id (const char *key, char *id)
{
    int n = snprintf (id, XAPC_MAX_TERM_BYTES + 1, "%s%s%s", TRACUU_PREFIX_ID,
                      TRACUU_CITED_ID, key);

    return n < 0 || n > XAPC_MAX_TERM_BYTES ? XAPC_MAX_TERM_BYTES : (size_t) n;
}

static tracuu_status_t
add_citation (tracuu_index_t *index, const char *key, const char *rid)
{
    char id[XAPC_MAX_TERM_BYTES + 1], cited[XAPC_MAX_TERM_BYTES + 1];
    size_t id_len = citation_id (key, rid, id);
    xapc_doc_t *doc = NULL;
    xapc_status_t st = xapc_doc_new (&doc);

    if (!st)
        st = xapc_doc_add_boolean_term (doc, id, id_len);
    if (!st)
        st = xapc_doc_add_boolean_term (doc, cited, cited_id (key, cited));
    if (!st)
        st = xapc_db_replace_by_term (index->db, id, id_len, doc, NULL);
    xapc_doc_destroy (doc);
    return st ? tracuu_index__fail (index, st, "writing a citation") : 0;
}

/* One citation fewer of 'key', the records of 'rid' gone: its own, or
 * (when its record was the one the case document stands for) another's. */
static tracuu_status_t
drop_citation (tracuu_index_t *index, const char *key, const char *rid)
{
    char id[XAPC_MAX_TERM_BYTES + 1];
    size_t id_len = citation_id (key, rid, id);
    xapc_docid_t docid = 0;
    xapc_status_t st = xapc_db_find_by_term (index->db, id, id_len, &docid);

    if (st == XAPC_ERR_NOT_FOUND)
        st = xapc_db_find_by_term (index->db, id, cited_id (key, id), &docid);
    if (!st)
        st = xapc_db_delete_document (index->db, docid);
    if (st == XAPC_ERR_NOT_FOUND)
        return TRACUU_STATUS_OK;
    return st ? tracuu_index__fail (index, st, "deleting a citation") : 0;
}

/* A case gone, or rebuilt from one report's record: no citation left. */
static tracuu_status_t
drop_citations (tracuu_index_t *index, const char *key)
{
    char id[XAPC_MAX_TERM_BYTES + 1];
    xapc_status_t st = xapc_db_delete_by_term (index->db, id, cited_id (key, id));

    return st && st != XAPC_ERR_NOT_FOUND
           ? tracuu_index__fail (index, st, "deleting citations") : 0;
}

/* A new case document from its records and their blob. */
static xapc_status_t
build_case_doc (const char *key, const tracuu_caserecs_t *recs,
                const char *blob, size_t blob_len, xapc_doc_t **out)
{
    xapc_doc_t *doc = NULL;
    xapc_termpos_t pos = 0;
    char id[XAPC_MAX_TERM_BYTES + 1];
    xapc_status_t st = xapc_doc_new (&doc);

    *out = NULL;
    if (!st)
        st = xapc_doc_add_boolean_term (doc, id, case_id (key, id));
    if (!st)
        st = tracuu_document__add_filter (doc, TRACUU_PREFIX_KIND, "case", 4);
    for (size_t i = 0; i < recs->n && !st; i++)
        st = add_record_terms (doc, &recs->items[i], &pos);
    if (!st) {
        tracuu_casesum_t sum;

        tracuu_casesum__of (&sum, recs);
        st = set_primary_values (doc, &recs->items[tracuu_caserec__primary
                                                   (recs->items, recs->n)]);
        if (!st)
            st = set_summary (doc, &sum, blob, blob_len);
    }
    if (st) {
        xapc_doc_destroy (doc);
        return st;
    }
    *out = doc;
    return XAPC_OK;
}

/* Write the case 'key' with the records of 'blob', or delete it when
 * there is none left (a blob of the magic alone). */
static tracuu_status_t
store_case (tracuu_index_t *index, const char *key, const char *blob,
            size_t len)
{
    char id[XAPC_MAX_TERM_BYTES + 1];
    size_t id_len = case_id (key, id);
    tracuu_caserecs_t recs = { 0 };
    xapc_doc_t *doc = NULL;
    tracuu_status_t rc;
    xapc_status_t st;

    if (len <= TRACUU_CASEREC_MAGIC_LEN) {
        st = xapc_db_delete_by_term (index->db, id, id_len);
        return st ? tracuu_index__fail (index, st, "deleting a case") : 0;
    }
    rc = tracuu_caserec__decode (blob, len, &recs);
    if (rc)
        return rc;
    st = build_case_doc (key, &recs, blob, len, &doc);
    if (!st)
        st = xapc_db_replace_by_term (index->db, id, id_len, doc, NULL);
    xapc_doc_destroy (doc);
    tracuu_caserec__dispose (&recs);
    return st ? tracuu_index__fail (index, st, "writing a case") : 0;
}

/* Rewrite case document 'docid' without the records of 'rid'. A case
 * whose records cannot be read (a damaged database) is deleted: nothing
 * of it could be answered. */
static tracuu_status_t
drop_records (tracuu_index_t *index, xapc_docid_t docid, const char *rid)
{
    xapc_doc_t *doc = NULL;
    const char *key;
    char *data = NULL, *key_copy = NULL;
    size_t len, klen, dropped = 0;
    tracuu_caserecs_t recs = { 0 };
    tracuu_buf_t kept = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    xapc_status_t st = xapc_db_get_document (index->db, docid, &doc);

    if (!st)
        st = xapc_doc_get_value (doc, TRACUU_SLOT_KEY, &key, &klen);
    if (!st && (key_copy = strndup (key, klen)) == NULL)
        st = XAPC_ERR_NOMEM;
    if (st) {
        rc = tracuu_index__fail (index, st, "reading a case");
        goto DONE;
    }
    rc = tracuu_cases__data (doc, &data, &len);
    if (!rc && tracuu_caserec__decode (data, len, &recs) != TRACUU_STATUS_OK) {
        st = xapc_db_delete_document (index->db, docid);
        rc = st ? tracuu_index__fail (index, st, "deleting a damaged case") : 0;
        if (!rc)
            rc = drop_citations (index, key_copy);
        goto DONE;
    }
    tracuu_caserec__begin (&rc, &kept);
    for (size_t i = 0; i < recs.n; i++)
        if (strcmp (recs.items[i].rid, rid) != 0)
            tracuu_buf__append (&rc, &kept, recs.items[i].raw, recs.items[i].raw_len);
        else
            dropped++;
    if (rc == TRACUU_STATUS_OK)
        rc = store_case (index, key_copy, kept.data, kept.len);
    if (rc == TRACUU_STATUS_OK && kept.len <= TRACUU_CASEREC_MAGIC_LEN)
        rc = drop_citations (index, key_copy);
    else if (rc == TRACUU_STATUS_OK && dropped > 0)
        rc = drop_citation (index, key_copy, rid);

  DONE:
    tracuu_caserec__dispose (&recs);
    tracuu_buf__dispose (&kept);
    free (data);
    free (key_copy);
    xapc_doc_destroy (doc);
    return rc;
}

/* The metadata key listing the cases of report 'rid'. */
static size_t
cases_key (const char *rid, char *out, size_t size)
{
    int n = snprintf (out, size, "%s%s", TRACUU_META_CASES, rid);

    return n < 0 || (size_t) n >= size ? size - 1 : (size_t) n;
}

/* A report's cases are listed in the metadata rather than as a term of
 * each case document: a case cited by thousands of reports would
 * otherwise carry thousands of terms, rewritten with every citation. */
tracuu_status_t
tracuu_cases__remove_report (tracuu_index_t *index, const char *rid)
{
    char key[64], *list = NULL;
    size_t klen = cases_key (rid, key, sizeof key), len = 0;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    xapc_status_t st = xapc_db_get_metadata (index->db, key, klen, &list, &len);

    if (st)
        return tracuu_index__fail (index, st, "finding cases");
    for (char *line = list, *end; !rc && line < list + len; line = end + 1) {
        char id[XAPC_MAX_TERM_BYTES + 1];
        xapc_docid_t docid = 0;

        end = memchr (line, '\n', (size_t) (list + len - line));
        if (end == NULL)
            end = list + len;
        *end = '\0';
        if (*line == '\0')
            continue;
        st = xapc_db_find_by_term (index->db, id, case_id (line, id), &docid);
        if (st == XAPC_ERR_NOT_FOUND)
            continue;
        rc = st ? tracuu_index__fail (index, st, "finding a case")
                : drop_records (index, docid, rid);
    }
    xapc_free (list);
    if (!rc && len > 0) {
        st = xapc_db_set_metadata (index->db, key, klen, "", 0);
        rc = st ? tracuu_index__fail (index, st, "forgetting cases") : 0;
    }
    return rc;
}

void
tracuu_cases__dispose (tracuu_case_docs_t *docs)
{
    if (docs == NULL)
        return;
    for (size_t i = 0; i < docs->n; i++) {
        free (docs->items[i].key);
        free (docs->items[i].record);
        xapc_doc_destroy (docs->items[i].doc);
    }
    free (docs->items);
    memset (docs, 0, sizeof *docs);
}

/* Add a note for the file being indexed ("; " between notes). */
static void
add_note (char *note, size_t size, const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

static void
add_note (char *note, size_t size, const char *format, ...)
{
    size_t at;
    va_list ap;

    if (note == NULL || (at = strlen (note)) + 3 >= size)
        return;
    if (at > 0) {
        memcpy (note + at, "; ", 3);
        at += 2;
    }
    va_start (ap, format);
    vsnprintf (note + at, size - at, format, ap);
    va_end (ap);
}

tracuu_status_t
tracuu_cases__prepare (const tracuu_extraction_t *x, const char *report,
                       const char *rid, tracuu_case_docs_t *out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t n = tracuu_extraction_n_cases (x);

    memset (out, 0, sizeof *out);
    snprintf (out->rid, sizeof out->rid, "%s", rid);
    out->items = calloc (n + 1, sizeof *out->items);
    if (out->items == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < n && !rc; i++) {
        const tracuu_case_t *c = tracuu_extraction_case (x, i);
        tracuu_case_doc_t *item = &out->items[out->n];
        tracuu_caserecs_t recs = { 0 };
        tracuu_buf_t blob = { 0 };
        tracuu_status_t dec;

        if (c->n_sources > TRACUU_CASE_MAX_SOURCES) {
            add_note (out->note, sizeof out->note, "case %s not recorded: "
                      "%zu mentions in one report", c->key, c->n_sources);
            continue;
        }
        tracuu_caserec__begin (&rc, &blob);
        tracuu_caserec__format (&rc, &blob, x, i, report, rid);
        dec = rc ? rc : tracuu_caserec__decode (blob.data, blob.len, &recs);
        if (dec && !rc)
            rc = dec;           /* What we wrote we must read back. */
        item->key = strdup (c->key);
        item->record = blob.data;
        item->len = blob.len;
        item->n_sources = c->n_sources;
        out->n++;
        if (!rc && item->key == NULL)
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
        if (!rc && build_case_doc (c->key, &recs, blob.data, blob.len,
                                   &item->doc))
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
        tracuu_caserec__dispose (&recs);
    }
    if (rc)
        tracuu_cases__dispose (out);
    return rc;
}

/* Terms of a prepared document copied into a case document, except
 * those that depend on the case's primary record. */
typedef struct copy_terms {
    xapc_doc_t *to;
    xapc_status_t st;
} copy_terms_t;

static int
copy_term (const char *term, size_t len, uint32_t wdf, void *payload)
{
    copy_terms_t *c = payload;

    if (term[0] == TRACUU_PREFIX_YEAR[0] || term[0] == TRACUU_PREFIX_FLAG[0])
        return 0;
    c->st = wdf ? xapc_doc_add_term (c->to, term, len, wdf)
                : xapc_doc_add_boolean_term (c->to, term, len);
    return c->st != XAPC_OK;
}

/* Terms of a primary record (period years), or the headline flag, to
 * be taken out before they are set again. */
static int
collect_term (const char *term, size_t len, uint32_t wdf, void *payload)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

    (void) wdf;
    tracuu_buf__append (&rc, payload, term, len);
    tracuu_buf__putc (&rc, payload, '\0');
    return rc != TRACUU_STATUS_OK;
}

static xapc_status_t
remove_terms (xapc_doc_t *doc, const char *prefix)
{
    tracuu_buf_t terms = { 0 };
    xapc_status_t st = xapc_doc_terms (doc, prefix, strlen (prefix), collect_term,
                                       &terms);

    for (size_t at = 0; !st && at < terms.len; at += strlen (terms.data + at) + 1)
        st = xapc_doc_remove_term (doc, terms.data + at, strlen (terms.data + at));
    tracuu_buf__dispose (&terms);
    return st;
}

/* Add the record of 'item' to case document 'docid', which other
 * reports mention: its record is appended, its terms added, and the
 * values set from it if it becomes the primary record. Only the new
 * record is read, analyzed and decoded (the others are known from the
 * summary), so that a case cited by thousands of reports is updated in
 * time proportional to the size of its records, not to their number
 * times their words. */
static tracuu_status_t
merge_case (tracuu_index_t *index, const tracuu_case_doc_t *item,
            xapc_docid_t docid, int *recorded, char *note, size_t note_size)
{
    char id[XAPC_MAX_TERM_BYTES + 1];
    size_t id_len = case_id (item->key, id);
    tracuu_caserecs_t rec = { 0 };
    tracuu_arena_t arena = { 0 };
    tracuu_casesum_t sum;
    tracuu_buf_t blob = { 0 };
    xapc_doc_t *doc = NULL;
    const char *v;
    size_t len = 0;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    copy_terms_t copy = { NULL, XAPC_OK };
    int was_headline, primary;
    xapc_status_t st = xapc_db_get_document (index->db, docid, &doc);

    if (!st)
        st = xapc_doc_get_value (doc, TRACUU_SLOT_CASE, &v, &len);
    if (st) {
        rc = tracuu_index__fail (index, st, "reading a case");
        goto DONE;
    }
    rc = tracuu_casesum__decode (v, len, &arena, NULL, &sum);
    if (!rc)
        st = xapc_doc_get_value (doc, TRACUU_SLOT_STORED, &v, &len);
    if (rc == TRACUU_STATUS_BAD_INPUT || (!rc && !st
        && (len < TRACUU_CASEREC_MAGIC_LEN
            || memcmp (v, TRACUU_CASEREC_MAGIC, TRACUU_CASEREC_MAGIC_LEN) != 0))) {
        /* Damaged: this report's record takes its place. */
        add_note (note, note_size, "the damaged records of case %s were "
                  "replaced", item->key);
        st = xapc_db_replace_by_term (index->db, id, id_len, item->doc, NULL);
        rc = st ? tracuu_index__fail (index, st, "writing a case") : 0;
        if (!rc)
            rc = drop_citations (index, item->key);
        goto DONE;
    }
    if (rc || st) {
        rc = rc ? rc : tracuu_index__fail (index, st, "reading a case");
        goto DONE;
    }
    if (sum.n_records >= TRACUU_CASE_MAX_SOURCES
        || sum.n_sources + item->n_sources > TRACUU_CASE_MAX_SOURCES) {
        add_note (note, note_size, "case %s has %u sources already; this "
                  "report's mention is not recorded", item->key,
                  (unsigned) sum.n_sources);
        goto DONE;
    }
    /* One copy of the records so far, then this report's. */
    tracuu_buf__reserve (&rc, &blob, len + item->len);
    tracuu_buf__append (&rc, &blob, v, len);
    tracuu_buf__append (&rc, &blob, item->record + TRACUU_CASEREC_MAGIC_LEN,
                        item->len - TRACUU_CASEREC_MAGIC_LEN);
    if (!rc)
        rc = tracuu_caserec__decode (item->record, item->len, &rec);
    if (!rc && rec.n != 1)
        rc = TRACUU_STATUS_BAD_INPUT;
    if (rc)
        goto DONE;
    was_headline = sum.headline;
    primary = tracuu_casesum__add (&sum, &rec.items[0]);
    copy.to = doc;
    st = xapc_doc_terms (item->doc, "", 0, copy_term, &copy);
    if (!st)
        st = copy.st;
    if (!st && primary)
        st = remove_terms (doc, TRACUU_PREFIX_YEAR);
    if (!st && primary)
        st = set_primary_values (doc, &rec.items[0]);
    if (!st && was_headline && !sum.headline)
        st = remove_terms (doc, TRACUU_PREFIX_FLAG "headline");
    if (!st)
        st = set_summary (doc, &sum, blob.data, blob.len);
    if (!st)
        st = xapc_db_replace_by_term (index->db, id, id_len, doc, NULL);
    if (st)
        rc = tracuu_index__fail (index, st, "writing a case");
    else
        *recorded = 1;

  DONE:
    tracuu_caserec__dispose (&rec);
    tracuu_arena__dispose (&arena);
    tracuu_buf__dispose (&blob);
    xapc_doc_destroy (doc);
    return rc;
}

tracuu_status_t
tracuu_cases__write (tracuu_index_t *index, const tracuu_case_docs_t *docs,
                     char *note, size_t note_size)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t keys = { 0 };
    tracuu_map_t seen = { 0 }, counted = { 0 };
    char key[64];
    size_t klen = cases_key (docs->rid, key, sizeof key);
    xapc_status_t st;

    if (docs->note[0] && note != NULL)
        add_note (note, note_size, "%s", docs->note);
    for (size_t i = 0; i < docs->n && !rc; i++) {
        const tracuu_case_doc_t *item = &docs->items[i];
        char id[XAPC_MAX_TERM_BYTES + 1];
        size_t id_len = case_id (item->key, id);
        size_t klen_i = strlen (item->key);
        xapc_docid_t docid = 0;
        int recorded = 0;

        /* A key new to the index takes the document as prepared; one
         * that other reports mention already gets this record added,
         * and the report a citation (once, however often it cites it). */
        st = xapc_db_find_by_term (index->db, id, id_len, &docid);
        if (st == XAPC_ERR_NOT_FOUND) {
            st = xapc_db_replace_by_term (index->db, id, id_len, item->doc, NULL);
            if (st)
                rc = tracuu_index__fail (index, st, "writing a case");
            else
                tracuu_map__put_str (&rc, &counted, item->key, klen_i, i);
        } else if (st) {
            rc = tracuu_index__fail (index, st, "finding a case");
        } else {
            rc = merge_case (index, item, docid, &recorded, note, note_size);
        }
        if (!rc && recorded
            && !tracuu_map__get_str (&counted, item->key, klen_i, NULL)) {
            rc = add_citation (index, item->key, docs->rid);
            tracuu_map__put_str (&rc, &counted, item->key, klen_i, i);
        }
        if (!rc && !tracuu_map__get_str (&seen, item->key, strlen (item->key),
                                         NULL)) {
            tracuu_map__put_str (&rc, &seen, item->key, strlen (item->key), i);
            tracuu_buf__puts (&rc, &keys, item->key);
            tracuu_buf__putc (&rc, &keys, '\n');
        }
    }
    if (!rc && keys.len > 0) {
        st = xapc_db_set_metadata (index->db, key, klen, keys.data, keys.len);
        rc = st ? tracuu_index__fail (index, st, "listing cases") : 0;
    }
    tracuu_map__dispose (&seen);
    tracuu_map__dispose (&counted);
    tracuu_buf__dispose (&keys);
    return rc;
}
