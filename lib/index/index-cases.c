/*
 * Entities and cases in the index.
 *
 * A report document gets filter terms and values from its metadata and
 * entities (province, period, number, people, accounts, platforms). Each
 * case becomes one document per case key, shared by every report that
 * mentions it: its data keeps one record per report, its terms are the
 * union of what the records say, and its values come from the record
 * with the narrowest period. Facet counts over case documents therefore
 * count each case once. Re-indexing or removing a report takes its
 * records out of the case documents first.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/extract.h"
#include "index/tracuu-caserec.h"
#include "index/tracuu-cases.h"
#include "index/tracuu-document.h"
#include "index/tracuu-index.h"
#include "index/tracuu-store.h"
#include "index/schema.h"

#define MAX_RECORDS 4096

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

/* Labels of a day span: the quarter or month it fits in, or else the
 * half-year, year or span of years it fits in. */
static void
span_label (int32_t from, int32_t to, int unit_months, char *out, size_t size)
{
    int y0 = from / 10000, y1 = to / 10000;
    int m0 = (from / 100) % 100, m1 = (to / 100) % 100;

    if (y0 != y1)
        snprintf (out, size, "%04d..%04d", y0, y1);
    else if (unit_months == 1 && m0 == m1)
        snprintf (out, size, "%04d-%02d", y0, m0);
    else if ((m0 - 1) / 3 == (m1 - 1) / 3)
        snprintf (out, size, "%04d-Q%d", y0, (m0 - 1) / 3 + 1);
    else if ((m0 - 1) / 6 == (m1 - 1) / 6)
        snprintf (out, size, "%04d-H%d", y0, (m0 - 1) / 6 + 1);
    else
        snprintf (out, size, "%04d", y0);
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
    span_label (from, to, 3, buf, sizeof buf);
    if (!st)
        st = set_str (doc, TRACUU_SLOT_QUARTER, buf);
    span_label (from, to, 1, buf, sizeof buf);
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

tracuu_status_t
tracuu_cases__data (xapc_doc_t *doc, char **out, size_t *out_len)
{
    const char *data;
    size_t len;

    *out = NULL;
    if (xapc_doc_get_value (doc, TRACUU_SLOT_STORED, &data, &len))
        return TRACUU_STATUS_DATABASE_ERROR;
    if (len == 0) {
        *out = calloc (1, 1);
        *out_len = 0;
        return *out ? TRACUU_STATUS_OK : TRACUU_STATUS_OUT_OF_MEMORY;
    }
    return tracuu_store__unpack (data, len, out, out_len);
}

/* Add prefix + each value of a field (folded). */
static xapc_status_t
add_field_terms (xapc_doc_t *doc, const tracuu_caserec_t *rec,
                 const char *field, const char *prefix, int slug, int raw)
{
    const char *v;
    size_t len;
    xapc_status_t st = XAPC_OK;

    for (size_t k = 0; !st && tracuu_caserec__get (rec, field, k, &v, &len); k++) {
        if (raw)
            st = tracuu_document__add_filter (doc, prefix, v, len);
        else
            st = tracuu_document__add_folded (doc, prefix, v, len, slug);
    }
    return st;
}

/* Accounts are stored "platform:name": the name is the filter. */
static xapc_status_t
add_account_terms (xapc_doc_t *doc, const tracuu_caserec_t *rec)
{
    const char *v;
    size_t len;
    xapc_status_t st = XAPC_OK;

    for (size_t k = 0; !st && tracuu_caserec__get (rec, "account", k, &v, &len); k++) {
        const char *colon = memchr (v, ':', len);
        size_t skip = colon ? (size_t) (colon - v) + 1 : 0;

        st = tracuu_document__add_folded (doc, TRACUU_PREFIX_ACCOUNT, v + skip,
                                          len - skip, 0);
        if (!st && skip > 1)
            st = tracuu_document__add_folded (doc, TRACUU_PREFIX_PLATFORM, v,
                                              skip - 1, 1);
    }
    return st;
}

/* The words of field 'field' of a record, folded, as terms under
 * 'prefix' (an agency is found by the words of its name). */
static xapc_status_t
add_word_terms (xapc_doc_t *doc, const tracuu_caserec_t *rec,
                const char *field, const char *prefix)
{
    const char *v;
    size_t len;
    tracuu_text_t *text = NULL;
    xapc_status_t st = XAPC_OK;

    if (!tracuu_caserec__get (rec, field, 0, &v, &len) || len == 0)
        return XAPC_OK;
    if (tracuu_text_analyze (v, len, &text))
        return XAPC_ERR_NOMEM;
    for (size_t i = 0; i < text->n_tokens && !st; i++)
        if (text->tokens[i].folded_len <= TRACUU_MAX_TERM)
            st = tracuu_document__add_filter (doc, prefix, text->tokens[i].folded,
                                              text->tokens[i].folded_len);
    tracuu_text_destroy (text);
    return st;
}

/* The quotes of a record as content terms, so that words find cases. */
static xapc_status_t
add_quote_terms (xapc_doc_t *doc, const tracuu_caserec_t *rec,
                 xapc_termpos_t *pos)
{
    const char *quote;
    size_t len;
    uint32_t line;

    for (size_t k = 0; tracuu_caserec__source (rec, k, &line, &quote, &len); k++) {
        tracuu_text_t *text = NULL;
        xapc_status_t st = XAPC_OK;

        if (tracuu_text_analyze (quote, len, &text))
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

static xapc_status_t
set_field_value (xapc_doc_t *doc, const tracuu_caserec_t *rec,
                 const char *field, xapc_slot_t slot)
{
    const char *v;
    size_t len;

    if (!tracuu_caserec__get (rec, field, 0, &v, &len) || len == 0)
        return XAPC_OK;
    return xapc_doc_set_value (doc, slot, v, len);
}

/* "a\x1db" -> "a,b" as a value (categories and platforms are listed
 * sorted by the extraction already). */
static xapc_status_t
set_list_value (xapc_doc_t *doc, const tracuu_caserec_t *rec,
                const char *field, xapc_slot_t slot)
{
    const char *v;
    size_t len;
    char buf[512];

    if (!tracuu_caserec__get (rec, field, 0, &v, &len) || len == 0
        || len >= sizeof buf)
        return XAPC_OK;
    memcpy (buf, v, len);
    for (size_t i = 0; i < len; i++)
        if (buf[i] == TRACUU_VALUE_SEP)
            buf[i] = ',';
    return xapc_doc_set_value (doc, slot, buf, len);
}

static xapc_status_t
build_case_doc (const char *key, const char *data, size_t len,
                xapc_doc_t **out)
{
    tracuu_caserec_t *recs = malloc (MAX_RECORDS * sizeof *recs);
    size_t n, p;
    xapc_doc_t *doc = NULL;
    xapc_status_t st;
    xapc_termpos_t pos = 0;
    char id[XAPC_MAX_TERM_BYTES + 1];
    int idn;

    *out = NULL;
    if (recs == NULL)
        return XAPC_ERR_NOMEM;
    n = tracuu_caserec__split (data, len, recs, MAX_RECORDS);
    st = xapc_doc_new (&doc);
    idn = snprintf (id, sizeof id, "%s%s%s", TRACUU_PREFIX_ID, TRACUU_CASE_ID, key);
    if (!st && idn > 0 && (size_t) idn < sizeof id)
        st = xapc_doc_add_boolean_term (doc, id, (size_t) idn);
    if (!st)
        st = tracuu_document__add_filter (doc, TRACUU_PREFIX_KIND, "case", 4);
    for (size_t i = 0; i < n && !st; i++) {
        const tracuu_caserec_t *r = &recs[i];

        st = add_field_terms (doc, r, "action", TRACUU_PREFIX_ACTION, 0, 1);
        if (!st)
            st = add_field_terms (doc, r, "categories", TRACUU_PREFIX_CATEGORY, 0, 1);
        if (!st)
            st = add_field_terms (doc, r, "platform", TRACUU_PREFIX_PLATFORM, 1, 0);
        if (!st)
            st = add_field_terms (doc, r, "person", TRACUU_PREFIX_PERSON, 0, 0);
        if (!st)
            st = add_field_terms (doc, r, "province", TRACUU_PREFIX_PROVINCE, 1, 0);
        if (!st)
            st = add_field_terms (doc, r, "report_number", TRACUU_PREFIX_NUMBER, 0, 0);
        if (!st)
            st = add_field_terms (doc, r, "rid", TRACUU_PREFIX_REPORT, 0, 1);
        if (!st)
            st = add_field_terms (doc, r, "status", TRACUU_PREFIX_STATUS, 0, 1);
        if (!st)
            st = add_field_terms (doc, r, "violator_kinds",
                                  TRACUU_PREFIX_VIOLATOR, 0, 1);
        if (!st)
            st = add_word_terms (doc, r, "agency", TRACUU_PREFIX_AGENCY);
        if (!st)
            st = add_account_terms (doc, r);
        if (!st)
            st = add_quote_terms (doc, r, &pos);
    }
    /* A case only ever quoted in headlines is news, not a sanction. */
    {
        size_t headlines = 0;

        for (size_t i = 0; i < n; i++)
            headlines += tracuu_caserec__int (&recs[i], "headline") == 1;
        if (!st && n > 0 && headlines == n)
            st = tracuu_document__add_filter (doc, TRACUU_PREFIX_FLAG,
                                              "headline", 8);
    }
    p = tracuu_caserec__primary (recs, n);
    if (!st && n > 0) {
        const tracuu_caserec_t *r = &recs[p];
        long long amount = tracuu_caserec__int (r, "amount");
        const char *period = NULL;
        size_t plen = 0;
        char buf[64];

        if (amount >= 0) {
            snprintf (buf, sizeof buf, "%015lld", amount);
            st = xapc_doc_set_value (doc, TRACUU_SLOT_AMOUNT, buf, 15);
        }
        if (!st && tracuu_caserec__get (r, "period", 0, &period, &plen)
            && plen < sizeof buf) {
            memcpy (buf, period, plen);
            buf[plen] = '\0';
            period = buf;
        } else {
            period = NULL;
        }
        if (!st)
            st = tracuu_document__set_period (doc, period,
                                              (int32_t) tracuu_caserec__int (r, "from"),
                                              (int32_t) tracuu_caserec__int (r, "to"));
        if (!st)
            st = set_field_value (doc, r, "province", TRACUU_SLOT_PROVINCE);
        if (!st)
            st = set_field_value (doc, r, "action", TRACUU_SLOT_ACTION);
        if (!st)
            st = set_list_value (doc, r, "categories", TRACUU_SLOT_CATEGORIES);
        if (!st)
            st = set_list_value (doc, r, "platform", TRACUU_SLOT_PLATFORMS);
        if (!st)
            st = set_field_value (doc, r, "status", TRACUU_SLOT_STATUS);
        if (!st)
            st = set_list_value (doc, r, "violator_kinds", TRACUU_SLOT_VIOLATORS);
        if (!st)
            st = set_field_value (doc, r, "key", TRACUU_SLOT_KEY);
        /* Membership in an aggregate is known from whichever report
         * lists the case under it. */
        for (size_t i = 0; i < n && !st; i++) {
            const char *v;
            size_t vlen;

            if (tracuu_caserec__get (&recs[i], "parent", 0, &v, &vlen) && vlen) {
                st = xapc_doc_set_value (doc, TRACUU_SLOT_PARENT, v, vlen);
                break;
            }
        }
        if (!st)
            st = xapc_doc_set_value (doc, TRACUU_SLOT_KIND, "case", 4);
    }
    if (!st) {
        char *packed = NULL;
        size_t plen = 0;

        if (tracuu_store__pack (data, len, &packed, &plen))
            st = XAPC_ERR_NOMEM;
        else
            st = xapc_doc_set_value (doc, TRACUU_SLOT_STORED, packed, plen);
        free (packed);
    }
    free (recs);
    if (st) {
        xapc_doc_destroy (doc);
        return st;
    }
    *out = doc;
    return XAPC_OK;
}

static size_t
case_id (const char *key, char *id)
{
    int n = snprintf (id, XAPC_MAX_TERM_BYTES + 1, "%s%s%s", TRACUU_PREFIX_ID,
                      TRACUU_CASE_ID, key);

    return n < 0 || n > XAPC_MAX_TERM_BYTES ? XAPC_MAX_TERM_BYTES : (size_t) n;
}

/* Write the case 'key' with 'data' (its records), or delete it when
 * there is no record left. */
static tracuu_status_t
store_case (tracuu_index_t *index, const char *key, const char *data,
            size_t len)
{
    char id[XAPC_MAX_TERM_BYTES + 1];
    size_t id_len = case_id (key, id);
    xapc_doc_t *doc = NULL;
    xapc_status_t st;

    if (len == 0) {
        st = xapc_db_delete_by_term (index->db, id, id_len);
    } else {
        st = build_case_doc (key, data, len, &doc);
        if (!st)
            st = xapc_db_replace_by_term (index->db, id, id_len, doc, NULL);
        xapc_doc_destroy (doc);
    }
    return st ? tracuu_index__fail (index, st, "writing a case") : 0;
}

typedef struct docids {
    xapc_docid_t *ids;
    size_t n;
    size_t alloc;
} docids_t;

static int
collect_docid (xapc_docid_t docid, void *payload)
{
    docids_t *d = payload;

    if (d->n == d->alloc) {
        size_t alloc = d->alloc ? 2 * d->alloc : 16;
        xapc_docid_t *ids = realloc (d->ids, alloc * sizeof *ids);

        if (ids == NULL)
            return 1;
        d->ids = ids;
        d->alloc = alloc;
    }
    d->ids[d->n++] = docid;
    return 0;
}

/* Rewrite case document 'docid' without the records of 'rid'. */
static tracuu_status_t
drop_records (tracuu_index_t *index, xapc_docid_t docid, const char *rid)
{
    xapc_doc_t *doc = NULL;
    const char *key;
    char *data = NULL;
    size_t len, klen, n;
    tracuu_caserec_t *recs = NULL;
    tracuu_buf_t kept = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    char *key_copy = NULL;
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
    if (rc)
        goto DONE;
    recs = malloc (MAX_RECORDS * sizeof *recs);
    if (recs == NULL) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    n = tracuu_caserec__split (data, len, recs, MAX_RECORDS);
    for (size_t i = 0; i < n; i++) {
        if (tracuu_caserec__is (&recs[i], "rid", rid))
            continue;
        if (kept.len > 0)
            tracuu_buf__append (&rc, &kept, "\x1e", 1);
        tracuu_buf__append (&rc, &kept, recs[i].text, recs[i].len);
    }
    if (rc == TRACUU_STATUS_OK)
        rc = store_case (index, key_copy, kept.data ? kept.data : "", kept.len);

  DONE:
    free (recs);
    free (data);
    free (kept.data);
    free (key_copy);
    xapc_doc_destroy (doc);
    return rc;
}

tracuu_status_t
tracuu_cases__remove_report (tracuu_index_t *index, const char *rid)
{
    char term[64];
    docids_t d = { 0 };
    xapc_status_t st;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    snprintf (term, sizeof term, "%s%s", TRACUU_PREFIX_REPORT, rid);
    st = xapc_db_postlist (index->db, term, strlen (term), collect_docid, &d);
    if (st)
        rc = tracuu_index__fail (index, st, "finding cases");
    for (size_t i = 0; i < d.n && !rc; i++)
        rc = drop_records (index, d.ids[i], rid);
    free (d.ids);
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

tracuu_status_t
tracuu_cases__prepare (const tracuu_extraction_t *x, const char *report,
                       const char *rid, tracuu_case_docs_t *out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t n = tracuu_extraction_n_cases (x);

    memset (out, 0, sizeof *out);
    out->items = calloc (n + 1, sizeof *out->items);
    if (out->items == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    for (size_t i = 0; i < n && !rc; i++) {
        const tracuu_case_t *c = tracuu_extraction_case (x, i);
        tracuu_case_doc_t *item = &out->items[out->n++];
        tracuu_buf_t data = { 0 };

        tracuu_caserec__format (&rc, &data, x, i, report, rid);
        item->key = strdup (c->key);
        item->record = data.data;
        item->len = data.len;
        if (!rc && (item->key == NULL || item->record == NULL))
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
        if (!rc && build_case_doc (c->key, data.data, data.len, &item->doc))
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
    }
    if (rc)
        tracuu_cases__dispose (out);
    return rc;
}

tracuu_status_t
tracuu_cases__write (tracuu_index_t *index, const tracuu_case_docs_t *docs)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

    for (size_t i = 0; i < docs->n && !rc; i++) {
        const tracuu_case_doc_t *item = &docs->items[i];
        char id[XAPC_MAX_TERM_BYTES + 1];
        size_t id_len = case_id (item->key, id);
        tracuu_buf_t data = { 0 };
        xapc_docid_t docid = 0;
        xapc_doc_t *doc = NULL;
        char *old = NULL;
        size_t olen = 0;
        xapc_status_t st;

        /* A key new to the index takes the document as prepared; one
         * that other reports mention already gets their records too. */
        st = xapc_db_find_by_term (index->db, id, id_len, &docid);
        if (st == XAPC_ERR_NOT_FOUND) {
            st = xapc_db_replace_by_term (index->db, id, id_len, item->doc, NULL);
            if (st)
                rc = tracuu_index__fail (index, st, "writing a case");
            continue;
        }
        if (!st)
            st = xapc_db_get_document (index->db, docid, &doc);
        if (st)
            rc = tracuu_index__fail (index, st, "reading a case");
        if (!rc)
            rc = tracuu_cases__data (doc, &old, &olen);
        tracuu_buf__append (&rc, &data, old, olen);
        if (data.len > 0)
            tracuu_buf__append (&rc, &data, "\x1e", 1);
        tracuu_buf__append (&rc, &data, item->record, item->len);
        if (!rc)
            rc = store_case (index, item->key, data.data, data.len);
        free (old);
        free (data.data);
        xapc_doc_destroy (doc);
    }
    return rc;
}
