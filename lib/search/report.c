/*
 * One report read back by id: its stored text, the matches of a query
 * in it, and its extraction made again from that text.
 */
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/display.h"
#include "tracuu/report.h"
#include "index/index-private.h"
#include "search/search-private.h"
#include "util/util-private.h"

struct tracuu_report {
    uint32_t id;
    char *path;
    char *encoding;
    char *text;
    size_t len;
    size_t n_lines;
    tracuu_report_mark_t *marks;
    size_t n_marks;
    tracuu_extraction_t *extraction;
};

static int
blank (const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return 0;
    return 1;
}

/* The path, encoding and stored text of document 'id'; only this reads
 * the database. */
static tracuu_status_t
read_document (tracuu_index_t *index, uint32_t id, tracuu_report_t *r)
{
    xapc_doc_t *doc = NULL;
    const char *v;
    size_t vlen;
    xapc_status_t st;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    st = xapc_db_get_document (index->db, id, &doc);
    if (st == XAPC_ERR_NOT_FOUND) {
        tracuu_index__set_error (index, "no report has id %u", (unsigned) id);
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    if (!st)
        st = xapc_doc_get_value (doc, TRACUU_SLOT_KIND, &v, &vlen);
    if (!st && (vlen != 6 || memcmp (v, "report", 6) != 0)) {
        xapc_doc_destroy (doc);
        tracuu_index__set_error (index, "no report has id %u", (unsigned) id);
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    if (!st)
        st = xapc_doc_get_value (doc, TRACUU_SLOT_PATH, &v, &vlen);
    if (!st && !tracuu_index__valid_path (v, vlen)) {
        xapc_doc_destroy (doc);
        return tracuu_index__damaged (index, "a report's path is not a path");
    }
    if (!st && (r->path = strndup (v, vlen)) == NULL)
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
    if (!st && !rc) {
        if (xapc_doc_get_value (doc, TRACUU_SLOT_ENCODING, &v, &vlen) != XAPC_OK)
            vlen = 0;
        if ((r->encoding = strndup (vlen ? v : "", vlen)) == NULL)
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
    }
    if (!st && !rc)
        st = xapc_doc_get_value (doc, TRACUU_SLOT_STORED, &v, &vlen);
    if (st) {
        xapc_doc_destroy (doc);
        return tracuu_index__fail (index, st, "reading a report");
    }
    if (!rc && vlen > 0)
        rc = tracuu_store__unpack (v, vlen, &r->text, &r->len);
    else if (!rc && (r->text = strdup ("")) == NULL)
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
    xapc_doc_destroy (doc);
    if (rc == TRACUU_STATUS_BAD_INPUT)
        rc = tracuu_index__damaged (index, "a report's stored text cannot be "
                                    "read");
    return rc;
}

/* The query's matches in the analyzed text. */
static tracuu_status_t
mark (tracuu_report_t *r, const tracuu_text_t *text, const char *query,
      size_t len)
{
    tracuu_query_t *q = NULL;
    size_t *tokens = NULL, n = 0;
    tracuu_status_t rc;

    if (query == NULL || blank (query, len))
        return TRACUU_STATUS_OK;
    rc = tracuu_query__parse (query, len, &q);
    if (rc == TRACUU_STATUS_QUERY_SYNTAX || rc == TRACUU_STATUS_LIMIT_EXCEEDED)
        return TRACUU_STATUS_OK;        /* Nothing to mark. */
    if (!rc)
        rc = tracuu_snippet__matches (text, q->units, q->n_units, &tokens, &n);
    if (!rc) {
        r->marks = calloc (n + 1, sizeof *r->marks);
        if (r->marks == NULL)
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
    }
    for (size_t i = 0; !rc && i < n; i++) {
        const tracuu_token_t *t = &text->tokens[tokens[i]];

        r->marks[i].start = t->start;
        r->marks[i].end = t->end;
        r->marks[i].line = t->line;
    }
    if (!rc)
        r->n_marks = n;
    free (tokens);
    tracuu_query__destroy (q);
    return rc;
}

tracuu_status_t
tracuu_report_get (tracuu_index_t *index, uint32_t id, const char *query,
                   size_t len, tracuu_report_t **out)
{
    tracuu_report_t *r = NULL;
    tracuu_text_t *text = NULL;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    if (out != NULL)
        *out = NULL;
    if (index == NULL || out == NULL || (query == NULL && len > 0))
        return TRACUU_STATUS_NULL_POINTER;
    if (id == 0) {
        tracuu_index__set_error (index, "no report has id 0");
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    /* A writer may commit while we read: reopen and read again. */
    for (int attempt = 0; attempt < 20; attempt++) {
        if (attempt > 0)
            xapc_db_reopen (index->db, NULL);
        tracuu_report_destroy (r);
        r = calloc (1, sizeof *r);
        if (r == NULL)
            return TRACUU_STATUS_OUT_OF_MEMORY;
        r->id = id;
        rc = read_document (index, id, r);
        if (rc != TRACUU_STATUS_DATABASE_MODIFIED)
            break;
    }
    if (!rc)
        rc = tracuu_text_analyze (r->text, r->len, &text);
    if (!rc) {
        r->n_lines = text->n_lines;
        rc = mark (r, text, query, len);
    }
    if (!rc)
        rc = tracuu_extract (text, &r->extraction);
    if (!rc)
        rc = tracuu_extraction_set_file (r->extraction, r->path);
    tracuu_text_destroy (text);
    if (rc) {
        if (rc == TRACUU_STATUS_OUT_OF_MEMORY)
            tracuu_index__set_error (index, "out of memory reading report %u",
                                     (unsigned) id);
        else if (rc != TRACUU_STATUS_BAD_ARGUMENT
                 && rc != TRACUU_STATUS_DATABASE_ERROR
                 && *tracuu_index_last_error (index) == '\0')
            tracuu_index__set_error (index, "report %u: %s", (unsigned) id,
                                     tracuu_status_to_string (rc));
        tracuu_report_destroy (r);
        return rc;
    }
    *out = r;
    return TRACUU_STATUS_OK;
}

uint32_t
tracuu_report_id (const tracuu_report_t *r)
{
    return r ? r->id : 0;
}

const char *
tracuu_report_path (const tracuu_report_t *r)
{
    return r ? r->path : "";
}

const char *
tracuu_report_text (const tracuu_report_t *r, size_t *len_out)
{
    if (len_out != NULL)
        *len_out = r ? r->len : 0;
    return r ? r->text : "";
}

size_t
tracuu_report_n_lines (const tracuu_report_t *r)
{
    return r ? r->n_lines : 0;
}

const char *
tracuu_report_encoding (const tracuu_report_t *r)
{
    return r ? r->encoding : "";
}

const tracuu_report_mark_t *
tracuu_report_marks (const tracuu_report_t *r, size_t *n_out)
{
    if (n_out != NULL)
        *n_out = r ? r->n_marks : 0;
    return r ? r->marks : NULL;
}

const tracuu_extraction_t *
tracuu_report_extraction (const tracuu_report_t *r)
{
    return r ? r->extraction : NULL;
}

tracuu_status_t
tracuu_report_write (const tracuu_report_t *r, tracuu_printer_t *p)
{
    if (r == NULL || p == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    tracuu_printer_map_open (p);
    tracuu_printer_key (p, "id");
    tracuu_printer_integer (p, r->id);
    tracuu_printer_key (p, "file");
    tracuu_printer_string (p, tracuu_display_path (r->path));
    tracuu_printer_key (p, "path");
    tracuu_printer_string (p, r->path);
    tracuu_printer__path_bytes (p, r->path);
    tracuu_printer_key (p, "lines");
    tracuu_printer_integer (p, (int64_t) r->n_lines);
    tracuu_printer_key (p, "encoding");
    tracuu_printer_string (p, *r->encoding ? r->encoding : NULL);
    tracuu_printer_key (p, "marks");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < r->n_marks; i++) {
        tracuu_printer_array_open (p);
        tracuu_printer_integer (p, (int64_t) r->marks[i].start);
        tracuu_printer_integer (p, (int64_t) r->marks[i].end);
        tracuu_printer_integer (p, r->marks[i].line);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    tracuu_printer_key (p, "extraction");
    tracuu_extraction_write (r->extraction, tracuu_display_path (r->path), p);
    tracuu_printer_key (p, "text");
    tracuu_printer_string_len (p, r->text, r->len);
    tracuu_printer_close (p);
    return tracuu_printer_status (p);
}

void
tracuu_report_destroy (tracuu_report_t *r)
{
    if (r == NULL)
        return;
    free (r->path);
    free (r->encoding);
    free (r->text);
    free (r->marks);
    tracuu_extraction_destroy (r->extraction);
    free (r);
}
