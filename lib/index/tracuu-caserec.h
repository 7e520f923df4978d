/* Internal: case records kept in case documents (caserec.c). */
#ifndef TRACUU_CASEREC_H
#define TRACUU_CASEREC_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/extract.h"
#include "util/tracuu-private.h"

/* One record: a span of a case document's data. */
typedef struct tracuu_caserec {
    const char *text;
    size_t len;
} tracuu_caserec_t;

/* Append the record of case 'i' of 'x', found in 'report' (an absolute
 * path; 'report_id' is its R term value), to 'b'. Sticky *rc. */
void tracuu_caserec__format (tracuu_status_t *rc, tracuu_buf_t *b,
                             const tracuu_extraction_t *x, size_t i,
                             const char *report, const char *report_id);

/* Split data into at most 'max' records; returns how many. */
size_t tracuu_caserec__split (const char *data, size_t len,
                              tracuu_caserec_t *out, size_t max);

/* The nth value of field 'name' (borrowed, not NUL-terminated). Returns
 * 0 when absent. */
int tracuu_caserec__get (const tracuu_caserec_t *rec, const char *name,
                         size_t nth, const char **value, size_t *vlen);

/* The field as an integer, or -1 when absent. */
long long tracuu_caserec__int (const tracuu_caserec_t *rec, const char *name);

/* Non-zero when the field equals 'value'. */
int tracuu_caserec__is (const tracuu_caserec_t *rec, const char *name,
                        const char *value);

/* The record that speaks for the case: the one with the narrowest
 * period, then the earliest, then the first. */
size_t tracuu_caserec__primary (const tracuu_caserec_t *recs, size_t n);

/* Source 'k' of a record: its line and quote (borrowed). Returns 0 when
 * there is no such source. */
int tracuu_caserec__source (const tracuu_caserec_t *rec, size_t k,
                            uint32_t *line, const char **quote,
                            size_t *quote_len);

#endif
