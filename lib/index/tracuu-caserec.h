/*
 * Internal: case records (caserec.c), the one home of the format in
 * which a case document keeps what each report says of the case, and of
 * the summary of a case that answers read.
 *
 * A case document holds, in TRACUU_SLOT_STORED, a blob: a four-byte
 * magic ("tcr1") and then one record per report mentioning the case,
 * each a length and a body of typed fields (varints, zigzag varints and
 * strings; see caserec.c). Records are appended when a report mentions
 * the case again, and a report's record taken out when it is indexed
 * again or removed. TRACUU_SLOT_CASE holds the case's summary: the
 * fields of its primary record plus the unions that totals, grouping
 * and linking to aggregates need, so that an answer over a hundred
 * thousand cases reads a hundred bytes of each, not its records.
 *
 * Readers validate every length, count and value against the data they
 * were given: a damaged database gives TRACUU_STATUS_BAD_INPUT, never a
 * read out of bounds.
 */
#ifndef TRACUU_CASEREC_H
#define TRACUU_CASEREC_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/extract.h"
#include "util/tracuu-private.h"

/* The most records of one case, and the most sources (mentions) of one
 * case over all its records. A report past it is indexed without its
 * mention of that case, and the indexer says so. */
#define TRACUU_CASE_MAX_SOURCES 100000

/* The magic at the start of a blob of records. */
#define TRACUU_CASEREC_MAGIC "tcr1"
#define TRACUU_CASEREC_MAGIC_LEN 4

typedef struct tracuu_caserec_account {
    const char *platform;       /* "tiktok"..., "" when unknown. */
    const char *name;           /* "@nhathaibiettuot", "Nguyenkim Oanh". */
} tracuu_caserec_account_t;

typedef struct tracuu_caserec_source {
    uint32_t line;              /* 1-based line in the report. */
    uint64_t start, end;        /* Byte offsets of the quote in its text. */
    const char *quote;          /* The sentence. */
} tracuu_caserec_source_t;

/* One record, decoded. Strings and arrays point into the blob and the
 * records' arena: valid while both are. Optional strings are NULL when
 * absent. */
typedef struct tracuu_caserec {
    const char *raw;            /* The record as stored (length included). */
    size_t raw_len;
    const char *report;         /* Absolute path of the report. */
    const char *rid;            /* Its R term value. */
    const char *key;            /* The case key. */
    tracuu_case_action_t action;
    tracuu_case_status_t status;
    uint32_t measures;          /* Bits (1 << action). */
    uint32_t categories;        /* TRACUU_CATEGORY_* bits. */
    uint32_t flags;             /* TRACUU_CASE_* flags. */
    uint32_t violator_kinds;    /* TRACUU_VIOLATOR_* bits. */
    int64_t amount;             /* Đồng, or -1. */
    int64_t violators, organizations, individuals; /* Or -1. */
    int32_t footnote;           /* Or 0. */
    int32_t from, to;           /* yyyymmdd, or 0. */
    const char *agency, *province, *period;
    const char *parent;         /* Key of its aggregate in that report. */
    const char *report_number, *report_period, *report_province;
    const char **people;
    size_t n_people;
    const tracuu_caserec_account_t *accounts;
    size_t n_accounts;
    const char **platforms;
    size_t n_platforms;
    const tracuu_caserec_source_t *sources;
    size_t n_sources;
} tracuu_caserec_t;

/* The records of one blob. */
typedef struct tracuu_caserecs {
    tracuu_caserec_t *items;
    size_t n;
    size_t n_sources;           /* Sources over all records. */
    tracuu_arena_t arena;       /* Arrays of the records. */
} tracuu_caserecs_t;

/* Append the magic that starts a blob. Sticky *rc. */
void tracuu_caserec__begin (tracuu_status_t *rc, tracuu_buf_t *b);

/* Append the record of case 'i' of 'x', found in 'report' (an absolute
 * path; 'rid' is its R term value), to 'b'. Sticky *rc. */
void tracuu_caserec__format (tracuu_status_t *rc, tracuu_buf_t *b,
                             const tracuu_extraction_t *x, size_t i,
                             const char *report, const char *rid);

/* Decode the blob data[0..len) into *out (which must be zeroed or
 * disposed). Returns TRACUU_STATUS_OK, _BAD_INPUT when anything in it
 * is out of place or out of range, _LIMIT_EXCEEDED past
 * TRACUU_CASE_MAX_SOURCES, or _OUT_OF_MEMORY. 'data' must outlive *out. */
tracuu_status_t tracuu_caserec__decode (const char *data, size_t len,
                                        tracuu_caserecs_t *out);

/* Free what *recs holds (not the blob). */
void tracuu_caserec__dispose (tracuu_caserecs_t *recs);

/* The record that speaks for the case: the one with the narrowest
 * period, then the earliest, then the first. */
size_t tracuu_caserec__primary (const tracuu_caserec_t *recs, size_t n);

/* ------------------------------------------------------------------ */
/* Summaries.                                                         */

/* What answers read of every matching case. Strings and arrays point
 * into the records it was made from, or into the arena it was decoded
 * into. */
typedef struct tracuu_casesum {
    const char *key;
    const char *parent;         /* Key of its aggregate, or NULL: the
                                 * primary record's, else other_parent. */
    const char *primary_parent; /* Named by the primary record, or NULL. */
    const char *other_parent;   /* Least named by another record, or NULL. */
    tracuu_case_action_t action;
    tracuu_case_status_t status;
    uint32_t flags;             /* Of the primary record. */
    uint32_t categories;        /* Union over the records. */
    uint32_t primary_categories; /* Of the primary record (grouping). */
    uint32_t violator_kinds;    /* Union over the records. */
    int64_t amount, violators, organizations, individuals;
    int32_t from, to;
    const char *province, *agency, *period; /* NULL when absent. */
    const char **platforms;     /* Of the primary record (grouping). */
    size_t n_platforms;
    int headline;               /* Every record is of a news headline. */
    uint32_t n_records, n_sources;
} tracuu_casesum_t;

/* Start a summary from a case's first record. */
void tracuu_casesum__init (tracuu_casesum_t *sum, const tracuu_caserec_t *rec);

/* Add a further record to 'sum'; returns non-zero when the record is
 * the new primary (its values are then the case's). */
int tracuu_casesum__add (tracuu_casesum_t *sum, const tracuu_caserec_t *rec);

/* Merge into 'sum' the summary 'other' of another document of the same
 * case (a shard's copy), as if its records had been added: returns
 * non-zero when 'other' holds the new primary record. */
int tracuu_casesum__merge (tracuu_casesum_t *sum, const tracuu_casesum_t *other);

/* The summary of 'recs' (at least one record). */
void tracuu_casesum__of (tracuu_casesum_t *sum, const tracuu_caserecs_t *recs);

/* Append 'sum' in its stored form to 'b'. Sticky *rc. */
void tracuu_casesum__format (tracuu_status_t *rc, tracuu_buf_t *b,
                             const tracuu_casesum_t *sum);

/* Decode a summary; its strings and arrays are copied into 'arena', the
 * province, agency, period and platforms through 'pool' when it is not
 * NULL (so that many summaries share one copy of each). Returns
 * TRACUU_STATUS_OK, _BAD_INPUT or _OUT_OF_MEMORY. */
tracuu_status_t tracuu_casesum__decode (const char *data, size_t len,
                                        tracuu_arena_t *arena,
                                        tracuu_strpool_t *pool,
                                        tracuu_casesum_t *out);

#endif
