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
} tracuu_report_info_t;

/* Add the content terms of 'text' (positions from 1). */
xapc_status_t tracuu_document__add_text (xapc_doc_t *doc,
                                         const tracuu_text_t *text);

/* A new report document; *out belongs to the caller. */
xapc_status_t tracuu_document__build_report (const tracuu_report_info_t *info,
                                             const tracuu_text_t *text,
                                             xapc_doc_t **out);

#endif
