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

/* The case documents of one report, built where the report was
 * analyzed (any thread), written by tracuu_cases__write(). */
typedef struct tracuu_case_doc {
    char *key;                  /* Case key. */
    char *record;               /* This report's record of the case. */
    size_t len;                 /* Its length. */
    xapc_doc_t *doc;            /* The document if no other report has it. */
} tracuu_case_doc_t;

typedef struct tracuu_case_docs {
    tracuu_case_doc_t *items;
    size_t n;
} tracuu_case_docs_t;

/* Build the case documents of 'x' (found in 'report', id 'rid'). */
tracuu_status_t tracuu_cases__prepare (const tracuu_extraction_t *x,
                                       const char *report, const char *rid,
                                       tracuu_case_docs_t *out);

/* Write them: a new key as prepared, a known one merged with the
 * records of the other reports. */
tracuu_status_t tracuu_cases__write (tracuu_index_t *index,
                                     const tracuu_case_docs_t *docs);

/* Free what 'docs' holds. */
void tracuu_cases__dispose (tracuu_case_docs_t *docs);

/* The records of case document 'doc', uncompressed and NUL-terminated;
 * *out: free(). */
tracuu_status_t tracuu_cases__data (xapc_doc_t *doc, char **out,
                                    size_t *out_len);

#endif
