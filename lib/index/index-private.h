/*
 * Internal declarations of the index layer (lib/index/): the database
 * layout, the index handle and its shards, stored text, the walk over
 * files, report and case documents and case records, one section per
 * concern. Never installed.
 */
#ifndef TRACUU_INDEX_PRIVATE_H
#define TRACUU_INDEX_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>
#include <zlib.h>

#include "tracuu/analysis.h"
#include "tracuu/extract.h"
#include "tracuu/index.h"
#include "tracuu/status.h"
#include "tracuu/xapian-c.h"
#include "util/util-private.h"

/* ------------------------------------------------------------------ */

/*
 * Schema: how reports and cases are laid out in the Xapian database.
 * Changing anything here needs TRACUU_SCHEMA_VERSION raised. The fields
 * of the query language that use these prefixes and slots are one table,
 * in fields.c (declared in include/tracuu/field.h).
 */

#define TRACUU_SCHEMA_VERSION "8"
#define TRACUU_META_SCHEMA "tracuu.schema"
#define TRACUU_META_CASES "tracuu.cases:" /* + a report's R id: the keys of
                                             its cases, one a line. */

/* Boolean term prefixes. Content terms (exact and folded syllables) have
 * no prefix: they are lower case, and every prefix is upper case. */
#define TRACUU_PREFIX_ID "Q"       /* Unique id: Q + absolute path. */
#define TRACUU_PREFIX_KIND "K"     /* Kreport, Kcase. */
#define TRACUU_PREFIX_FORMAT "F"   /* Ftext, Fhtml, Fdocx... */
#define TRACUU_PREFIX_ACTION "A"   /* Case action: Afine. */
#define TRACUU_PREFIX_CATEGORY "C" /* Case category: Cfalse_information. */
#define TRACUU_PREFIX_PLATFORM "L" /* Platform named: Ltiktok. */
#define TRACUU_PREFIX_ACCOUNT "U"  /* Account, folded, no '@': Unhathaibiettuot. */
#define TRACUU_PREFIX_PERSON "N"   /* Person, folded: Nnguyen van hai. */
#define TRACUU_PREFIX_PROVINCE "P" /* Province slug: Pbac-giang. */
#define TRACUU_PREFIX_NUMBER "D"   /* Document number, folded: D180/bc-stttt. */
#define TRACUU_PREFIX_FLAG "X"     /* Xheadline: every mention is a headline;
                                      Xocr: a report with text read by OCR. */
#define TRACUU_PREFIX_WORD "W"     /* Word of a case's quotes, folded: Wthong. */
#define TRACUU_PREFIX_YEAR "Y"     /* Y2024: a year the period overlaps. */
#define TRACUU_PREFIX_STATUS "S"   /* Case status: Sdecided, Srecorded... */
#define TRACUU_PREFIX_VIOLATOR "V" /* Violator kind: Vcompany, Vpress... */
#define TRACUU_PREFIX_AGENCY "G"   /* Word of the agency, folded: Gcong. */

/* Years that get a Y term; a filter on other years uses the values. */
#define TRACUU_YEAR_TERMS_FIRST 1900
#define TRACUU_YEAR_TERMS_LAST 2199
#define TRACUU_CASE_ID "case:"     /* A case's id term is Q + case: + key. */
#define TRACUU_CITATION_ID "cite:" /* A citation's: Q + cite: + report id + : + key. */
#define TRACUU_CITED_ID "cited:"   /* Every citation of a case: Q + cited: + key. */

/* Value slots. */
enum {
    TRACUU_SLOT_PATH = 0,          /* Absolute path, as bytes. */
    TRACUU_SLOT_FINGERPRINT = 1,   /* "size mtime_ns hash" of the file. */
    TRACUU_SLOT_KIND = 2,          /* "report" or "case". */
    TRACUU_SLOT_ENCODING = 3,      /* Encoding the file was read in. */
    TRACUU_SLOT_LINES = 4,         /* Number of lines of the text. */
    TRACUU_SLOT_FROM = 5,          /* First day of the period, yyyymmdd. */
    TRACUU_SLOT_TO = 6,            /* Last day of the period, yyyymmdd. */
    TRACUU_SLOT_AMOUNT = 7,        /* Case amount in đồng, 15 digits. */
    TRACUU_SLOT_PROVINCE = 8,      /* Canonical province name. */
    TRACUU_SLOT_YEAR = 9,          /* "2024": year of the period's end. */
    TRACUU_SLOT_QUARTER = 10,      /* "2024-Q1", or a wider period label. */
    TRACUU_SLOT_MONTH = 11,        /* "2024-04", or a wider period label. */
    TRACUU_SLOT_ACTION = 12,       /* Case action name. */
    TRACUU_SLOT_CATEGORIES = 13,   /* Category names, sorted, comma-joined. */
    TRACUU_SLOT_PLATFORMS = 14,    /* Platform names, sorted, comma-joined. */
    TRACUU_SLOT_KEY = 15,          /* Case key. */
    TRACUU_SLOT_PARENT = 16,       /* Key of the aggregate it belongs to. */
    TRACUU_SLOT_PERIOD = 17,       /* Canonical period. */
    TRACUU_SLOT_STORED = 18,       /* Stored text (packed) or case records. */
    TRACUU_SLOT_CASE = 19,         /* Summary of a case for answers. */
    TRACUU_SLOT_STATUS = 20,       /* Case status name ("decided"), of the
                                      primary record: facets by status. */
    TRACUU_SLOT_VIOLATORS = 21,    /* Violator kinds of every record, in bit
                                      order, comma-joined: facets by kind. */
    TRACUU_SLOT_PAGES = 22,        /* Pages of a paginated report (PDF,
                                      image), absent for others. */
    TRACUU_SLOT_OCR = 23           /* Pages of it read by OCR, absent if none. */
};

/* Case documents keep in TRACUU_SLOT_STORED one record per report
 * mentioning the case, and in TRACUU_SLOT_CASE a summary: see
 * caserec.c below. Values, not the document data, which Xapian would
 * try to compress. */

/* Longest content term indexed; longer tokens are not searchable. */
#define TRACUU_MAX_TERM 200

/* ------------------------------------------------------------------ */

/* index.c, shards.c, idterm.c: the index handle, its shards, id terms. */

/* One shard of an index opened with tracuu_index_open_shards(). */
typedef struct tracuu_shard {
    char *spec;                 /* A folder, or "host:port" of a server. */
    char *host;                 /* Remote: into 'spec'; NULL if local. */
    unsigned port;
    int down;                   /* Could not be reached when last tried. */
} tracuu_shard_t;

struct tracuu_index {
    xapc_db_t *db;              /* The database (all reachable shards). */
    tracuu_shard_t *shards;     /* Of a sharded index, else NULL. */
    size_t n_shards;
    unsigned timeout_ms;        /* Bound of every remote call. */
    int writable;               /* Opened with TRACUU_INDEX_WRITE. */
    char *path;                 /* As given to tracuu_index_open(). */
    char error[512];            /* Last failure, for tracuu_index_last_error(). */
    char notes[1024];           /* What opening did, for tracuu_index_notes(). */
    int has_deadline;           /* tracuu_index_set_deadline() gave one: */
    struct timespec deadline;   /* CLOCK_MONOTONIC. */
};

/* serving.c: TRACUU_STATUS_TIMED_OUT, the error saying that 'doing'
 * was under way ("counting the matches"), once the deadline has
 * passed; else OK. */
tracuu_status_t tracuu_index__check_deadline (tracuu_index_t *index,
                                              const char *doing);

/* serving.c: the deadline for xapc_enquire_set_deadline() (NULL: none). */
const struct timespec *tracuu_index__deadline (const tracuu_index_t *index);

/* index.c: record a reason on the handle. */
void tracuu_index__set_error (tracuu_index_t *index, const char *format, ...)
    __attribute__ ((format (printf, 2, 3)));

/* index.c: record that the index is damaged ('detail' says how, e.g. a
 * value that cannot be read) with what to do; DATABASE_ERROR. */
tracuu_status_t tracuu_index__damaged (tracuu_index_t *index,
                                       const char *detail);

/* index.c: non-zero if a path value read back is an absolute path. */
int tracuu_index__valid_path (const char *value, size_t len);

/* index.c: open a database to read or write, retrying when the path
 * was swapped for a compacted copy meanwhile. */
xapc_status_t tracuu_index__open_db (const char *path, int xflags,
                                     xapc_db_t **out);

/* index.c: the one-line message for a database that did not open. */
char *tracuu_index__open_error (const char *path, xapc_status_t st,
                                const char *detail);

/* index.c: refuse a database of another layout or program. */
tracuu_status_t tracuu_index__check_schema (tracuu_index_t *index,
                                            const char *path, char **error_out);

/* shards.c: after a failure reaching a shard, open the shards again,
 * leaving out those that do not answer. OK when the index still has a
 * shard that answers and one fewer than before; the status of the
 * failure otherwise. */
tracuu_status_t tracuu_index__reshard (tracuu_index_t *index);

/* shards.c: the shards up that are remote (a document read from one is
 * a network round trip). */
size_t tracuu_index__n_remote (const tracuu_index_t *index);

/* What an index of shards answered from, kept by results and answers:
 * the number of shards (0 for an index in one folder) and the specs of
 * those down, in one allocation ('missing' and its strings: free()). */
typedef struct tracuu_shard_state {
    size_t total;
    char **missing;
    size_t n_missing;
} tracuu_shard_state_t;

/* shards.c: the state of 'index' now, into *out. */
tracuu_status_t tracuu_index__shard_state (const tracuu_index_t *index,
                                           tracuu_shard_state_t *out);

struct tracuu_printer;

/* shards.c: for an index of shards, the key "shards" and {total,
 * missing [], partial} in the map the printer is in (JSON), or a line
 * {"type": "shards", ...} (JSON Lines, 'type' non-NULL). Nothing for an
 * index in one folder. */
void tracuu_index__write_shards (struct tracuu_printer *p,
                                 const tracuu_shard_state_t *s,
                                 const char *type);

/* index.c: map a binding status to ours. */
tracuu_status_t tracuu_index__status (xapc_status_t st);

/* index.c: record "what: binding message" and map the status. */
tracuu_status_t tracuu_index__fail (tracuu_index_t *index, xapc_status_t st,
                                    const char *what);

/* idterm.c: the unique id term of a path (Q + path, hashed when long);
 * 'out' must hold XAPC_MAX_TERM_BYTES + 1 bytes. Returns its length. */
size_t tracuu_index__id_term (const char *path, char *out);

/* idterm.c: 64-bit FNV-1a hash. */
uint64_t tracuu_index__hash (const void *data, size_t len);

/* ------------------------------------------------------------------ */

/* store.c: compressed storage of report text. */

/* Compress 'text'; *out is freed by the caller with free(). */
tracuu_status_t tracuu_store__pack (const char *text, size_t len,
                                    char **out, size_t *out_len);

/* The same, for text that comes in pieces: init, add each piece, finish
 * (or dispose on failure). Memory is the compressed text. */
typedef struct tracuu_store_packer {
    z_stream zs;
    char *out;                  /* Header and stream so far. */
    size_t len, alloc;
    uint64_t total;             /* Bytes of text added. */
    tracuu_status_t status;     /* Sticky: the first failure. */
    int started;                /* zs is initialized. */
} tracuu_store_packer_t;

tracuu_status_t tracuu_store__packer_init (tracuu_store_packer_t *p);
void tracuu_store__packer_add (tracuu_store_packer_t *p, const char *text,
                               size_t len);
/* *out (freed with free()) as tracuu_store__pack() makes it. */
tracuu_status_t tracuu_store__packer_finish (tracuu_store_packer_t *p,
                                             char **out, size_t *out_len);
void tracuu_store__packer_dispose (tracuu_store_packer_t *p);

/* Uncompress data made by tracuu_store__pack(); *out is NUL-terminated
 * and freed with free(). TRACUU_STATUS_BAD_INPUT if damaged: a short or
 * unknown header, a length no zlib stream of that size holds, or a
 * stream that does not inflate to exactly that length. */
tracuu_status_t tracuu_store__unpack (const char *data, size_t len,
                                      char **out, size_t *out_len);

/* ------------------------------------------------------------------ */

/* walk.c: recursive walk of files and folders. */

/* Called for each regular file (problem NULL), and for each entry that
 * cannot be used (problem says why; st is NULL when it could not be
 * stat'ed or read, set when it is passed over on purpose). Return
 * non-zero to stop the walk. */
typedef int (*tracuu_walk_cb) (void *payload, const char *path,
                               const struct stat *st, const char *problem);

/* A walk over one or more roots. Set the first four fields, zero the
 * rest; tracuu_walk__dispose() when done. */
typedef struct tracuu_walk {
    tracuu_walk_cb cb;
    void *payload;
    int follow;                 /* Follow links out of the root. */
    const char *db;             /* The index, never walked (or NULL). */
    /* Private. */
    const char *root;           /* The root being walked (a real path). */
    struct stat db_st;
    void *seen;                 /* Files and folders met, over all roots,
                                 * and the paths they were met by. */
    size_t n_seen, alloc_seen;
    void *plain;                /* Files of one link met by their own
                                 * path: inodes only, of one device. */
    dev_t plain_dev;
    size_t n_plain, alloc_plain;
} tracuu_walk_t;

/* Walk 'root' (a file or a folder, as an absolute real path). Returns
 * what the callback stopped with, or 0. Files met in an earlier root of
 * the same walk are passed on once. */
int tracuu_walk__run (tracuu_walk_t *w, const char *root);

void tracuu_walk__dispose (tracuu_walk_t *w);

/* ------------------------------------------------------------------ */

/* document.c: building Xapian documents for reports. */

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

/* ------------------------------------------------------------------ */

/*
 * Case records (caserec.c), the one home of the format in
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

/* ------------------------------------------------------------------ */

/* index-cases.c: cases and entities in the index. */

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
                                   case (caserec.c). */
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

/* The records of case document 'doc' (a blob, caserec.c), with a
 * NUL after them; *out: free(). */
tracuu_status_t tracuu_cases__data (xapc_doc_t *doc, char **out,
                                    size_t *out_len);

#endif /* TRACUU_INDEX_PRIVATE_H */
