/* Internal: cases and entities in the index (index-cases.c). */
#ifndef TRACUU_CASES_H
#define TRACUU_CASES_H

#include "tracuu/extract.h"
#include "tracuu/index.h"
#include "tracuu/xapian-c.h"

/* Add a report's metadata and entity filters to its document. */
xapc_status_t tracuu_document__add_extraction (xapc_doc_t *doc,
                                               const tracuu_extraction_t *x);

/* Take the records of report 'rid' out of every case document. */
tracuu_status_t tracuu_cases__remove_report (tracuu_index_t *index,
                                             const char *rid);

/* Merge the cases of 'x' (found in 'report', id 'rid') into the case
 * documents, one per case key. */
tracuu_status_t tracuu_cases__add_report (tracuu_index_t *index,
                                          const tracuu_extraction_t *x,
                                          const char *report, const char *rid);

/* The records of case document 'doc', uncompressed and NUL-terminated;
 * *out: free(). */
tracuu_status_t tracuu_cases__data (xapc_doc_t *doc, char **out,
                                    size_t *out_len);

#endif
