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
    char *record;               /* A blob of this report's record of the
                                   case (tracuu-caserec.h). */
    size_t len;                 /* Its length. */
    size_t n_sources;           /* Mentions of the case in the report. */
    xapc_doc_t *doc;            /* The document if no other report has it. */
} tracuu_case_doc_t;

typedef struct tracuu_case_docs {
    tracuu_case_doc_t *items;
    size_t n;
    char rid[24];               /* The report's id (R term value). */
    char note[256];             /* What could not be recorded, or "". */
} tracuu_case_docs_t;

/* Build the case documents of 'x' (found in 'report', id 'rid'). */
tracuu_status_t tracuu_cases__prepare (const tracuu_extraction_t *x,
                                       const char *report, const char *rid,
                                       tracuu_case_docs_t *out);

/* Write them: a new key as prepared, a known one merged with the
 * records of the other reports. What could not be recorded (a case past
 * TRACUU_CASE_MAX_SOURCES, damaged records replaced) is added to 'note'
 * ('note_size' bytes, NUL-terminated, may hold a note already; NULL for
 * none), for the file's report line. */
tracuu_status_t tracuu_cases__write (tracuu_index_t *index,
                                     const tracuu_case_docs_t *docs,
                                     char *note, size_t note_size);

/* Free what 'docs' holds. */
void tracuu_cases__dispose (tracuu_case_docs_t *docs);

/* The records of case document 'doc' (a blob, tracuu-caserec.h), with a
 * NUL after them; *out: free(). */
tracuu_status_t tracuu_cases__data (xapc_doc_t *doc, char **out,
                                    size_t *out_len);

#endif
