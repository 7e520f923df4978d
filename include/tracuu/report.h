/*
 * tracuu reports: one indexed report read back by its document id, for
 * a reader that shows it whole: its stored text (the text the line
 * numbers of results and answers refer to, also for .docx, .pdf and
 * .html), where a query matches in it, and what extraction finds in it
 * (its number, date, agency, signer, and its cases).
 */
#ifndef TRACUU_REPORT_H
#define TRACUU_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/extract.h"
#include "tracuu/index.h"
#include "tracuu/printer.h"
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A match of the query in the report's text. @since 0.2 */
typedef struct tracuu_report_mark {
    size_t start;               /* Byte offsets into the text. */
    size_t end;
    uint32_t line;              /* 1-based line holding it. */
} tracuu_report_mark_t;

/** A report read back. Opaque; free with tracuu_report_destroy(). */
typedef struct tracuu_report tracuu_report_t;

/**
 * Read the report with document id 'id' (tracuu_hit_t.id,
 * tracuu_answer_source_t.report) from 'index', and mark every match of
 * 'query' ('len' bytes in tracuu_search() syntax; NULL or blank marks
 * nothing) in its text, with or without diacritics as a search matches.
 * A query that cannot be searched marks nothing. The text is analyzed
 * and extracted again, as the indexer did.
 *
 * Returns TRACUU_STATUS_OK, _NULL_POINTER, _BAD_ARGUMENT when no report
 * has that id (a case document is no report), _DATABASE_ERROR when its
 * stored text cannot be read (a damaged database), _OUT_OF_MEMORY or
 * another database status; the reason is in tracuu_index_last_error().
 * A database changed by a writer meanwhile is reopened and read again.
 * *out belongs to the caller (tracuu_report_destroy()); NULL on failure.
 * @since 0.2
 */
tracuu_status_t
tracuu_report_get (tracuu_index_t *index, uint32_t id, const char *query,
                   size_t len, tracuu_report_t **out);

/** Its document id. @since 0.2 */
uint32_t tracuu_report_id (const tracuu_report_t *r);

/** Its absolute path. Borrowed from 'r'. @since 0.2 */
const char *tracuu_report_path (const tracuu_report_t *r);

/** Its text, NUL-terminated, 'len_out' (may be NULL) its bytes.
 * Borrowed from 'r'. @since 0.2 */
const char *tracuu_report_text (const tracuu_report_t *r, size_t *len_out);

/** Number of lines of the text. @since 0.2 */
size_t tracuu_report_n_lines (const tracuu_report_t *r);

/** The encoding the file was read in, "" if not recorded. Borrowed. */
const char *tracuu_report_encoding (const tracuu_report_t *r);

/** The matches of the query, in text order. Borrowed. @since 0.2 */
const tracuu_report_mark_t *tracuu_report_marks (const tracuu_report_t *r,
                                                 size_t *n_out);

/** What extraction finds in the text. Borrowed from 'r'. @since 0.2 */
const tracuu_extraction_t *tracuu_report_extraction (const tracuu_report_t *r);

/**
 * Write 'r' to 'p' as one map: id, file (tracuu_display_path()), path
 * (path_bytes too when it is not UTF-8), lines, encoding, marks
 * [[start, end, line]...], extraction ({file, report, entities, cases}
 * as tracuu_extraction_write() gives them) and text last. Returns the
 * printer's status, or _NULL_POINTER. @since 0.2
 */
tracuu_status_t
tracuu_report_write (const tracuu_report_t *r, tracuu_printer_t *p);

/** Free 'r'. NULL is a no-op. @since 0.2 */
void tracuu_report_destroy (tracuu_report_t *r);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_REPORT_H */
