/* Internal: building Xapian documents for reports (document.c). */
#ifndef TRACUU_DOCUMENT_H
#define TRACUU_DOCUMENT_H

#include "tracuu/analysis.h"
#include "tracuu/xapian-c.h"

/* What is known of a report file besides its text. */
typedef struct tracuu_report_info {
    const char *path;           /* Absolute path. */
    const char *fingerprint;    /* "size mtime_ns hash". */
    const char *format;         /* "text", "docx"... or NULL. */
    const char *encoding;       /* Encoding read, or NULL. */
    unsigned pages;             /* Pages of a paginated format, or 0. */
    unsigned ocr_pages;         /* Pages of them read by OCR. */
} tracuu_report_info_t;

/* Add the content terms of 'text' (positions from 1). */
xapc_status_t tracuu_document__add_text (xapc_doc_t *doc,
                                         const tracuu_text_t *text);

/* The same for a text that continues a document: positions after
 * *pos_inout, which is moved to the last one used. */
xapc_status_t tracuu_document__add_text_at (xapc_doc_t *doc,
                                            const tracuu_text_t *text,
                                            xapc_termpos_t *pos_inout);

/* Add the boolean term prefix + value[0..len) (nothing when empty or
 * too long). */
xapc_status_t tracuu_document__add_filter (xapc_doc_t *doc, const char *prefix,
                                           const char *value, size_t len);

/* A new report document; *out belongs to the caller. */
xapc_status_t tracuu_document__build_report (const tracuu_report_info_t *info,
                                             const tracuu_text_t *text,
                                             xapc_doc_t **out);

/* index-cases.c: fold 'value' to a filter term value: no diacritics,
 * lower case, no leading '@'; with 'slug', runs of other characters
 * become one '-' ("Bắc Giang" -> "bac-giang"). *out: free(). */
tracuu_status_t tracuu_document__fold_value (const char *value, size_t len,
                                             int slug, char **out,
                                             size_t *out_len);

/* index-cases.c: add folded filter term prefix + value. */
xapc_status_t tracuu_document__add_folded (xapc_doc_t *doc, const char *prefix,
                                           const char *value, size_t len,
                                           int slug);

/* index-cases.c: set the period values (FROM, TO, YEAR, QUARTER, MONTH,
 * PERIOD) of a document from its period and day span. */
xapc_status_t tracuu_document__set_period (xapc_doc_t *doc, const char *period,
                                           int32_t from, int32_t to);

#endif
