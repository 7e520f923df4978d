/*
 * xapian-c: a small, general C binding of the libxapian calls a search
 * program needs. It knows nothing of the program using it.
 *
 * Conventions
 * - Every fallible call returns an xapc_status_t; XAPC_OK is zero.
 * - On failure the reason is kept in thread-local storage and read with
 *   xapc_last_error(); it stays valid until the next failing call on the
 *   same thread.
 * - Objects passed back through an 'out' argument belong to the caller,
 *   who frees them with the matching _destroy()/_close() call. Every
 *   destroy function accepts NULL. On failure *out is set to NULL.
 * - Pointers returned as a value or through a 'const char **' argument
 *   are borrowed from the object they came from (see each function).
 * - Strings are (pointer, length) pairs and need not be NUL-terminated.
 *   Terms longer than XAPC_MAX_TERM_BYTES are refused with
 *   XAPC_ERR_INVALID_ARGUMENT.
 * - No C++ exception ever leaves this library.
 */
#ifndef TRACUU_XAPIAN_C_H
#define TRACUU_XAPIAN_C_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Longest term Xapian's glass backend accepts, in bytes. @since 0.1 */
#define XAPC_MAX_TERM_BYTES 245

/** Status of a binding call. @since 0.1 */
typedef enum xapc_status {
    XAPC_OK = 0,
    XAPC_ERR_NOMEM,            /* std::bad_alloc. */
    XAPC_ERR_INVALID_ARGUMENT, /* NULL handle, bad flags, InvalidArgumentError. */
    XAPC_ERR_NOT_FOUND,        /* No database, no such document or term. */
    XAPC_ERR_LOCKED,           /* DatabaseLockError: another writer has it. */
    XAPC_ERR_CORRUPT,          /* Corrupt, wrong version, or unopenable path. */
    XAPC_ERR_MODIFIED,         /* DatabaseModifiedError: reopen and retry. */
    XAPC_ERR_QUERY,            /* QueryParserError. */
    XAPC_ERR_READ_ONLY,        /* A write call on a database opened to read. */
    XAPC_ERR_ACCESS,           /* The database cannot be written: no
                                  permission, a read-only file system. */
    XAPC_ERR_OTHER,            /* Any other Xapian::Error or C++ exception. */
    XAPC_ERR_NETWORK,          /* NetworkError: a remote database cannot be
                                  reached, closed the connection or timed
                                  out. @since 0.3 */
    XAPC_ERR_TIMEOUT,          /* The deadline of xapc_enquire_set_deadline()
                                  passed during the match. @since 0.3 */
    XAPC_STATUS_LAST
} xapc_status_t;

typedef uint32_t xapc_docid_t;   /* 0 is never a valid document id. */
typedef uint32_t xapc_termpos_t;
typedef uint32_t xapc_slot_t;

typedef struct xapc_db xapc_db_t;           /* A database, readable or writable. */
typedef struct xapc_doc xapc_doc_t;         /* A document being built or read. */
typedef struct xapc_query xapc_query_t;     /* An immutable query tree. */
typedef struct xapc_enquire xapc_enquire_t; /* A search session over a db. */
typedef struct xapc_mset xapc_mset_t;       /* A page of ranked results. */

/** Static English name of 'status'. @since 0.1 */
const char *xapc_status_string (xapc_status_t status);

/**
 * Message of the last failing call on this thread ("" if none). Borrowed:
 * valid until the next failing call on this thread. @since 0.1
 */
const char *xapc_last_error (void);

/**
 * Called, with what is known of the failure, when libxapian ends the
 * process: Xapian 1.4 can let an exception out of a function that may
 * not throw, inside the library, when a write fails at some points (a
 * disk that fills during a commit), and C++ then aborts. The committed
 * revision of the database is intact (a commit switches revisions last);
 * 'fn' may say so and _exit(). NULL restores the abort alone. The
 * handler is process-wide. @since 0.3
 */
typedef void (*xapc_fatal_fn) (const char *reason);
void xapc_set_fatal_handler (xapc_fatal_fn fn);

/** Version of the libxapian linked in, e.g. "1.4.22". Static. @since 0.1 */
const char *xapc_xapian_version (void);

/** Free memory the binding handed out (strings from get_metadata...). */
void xapc_free (void *p);

/* ---------------------------------------------------------------- */
/* Databases                                                        */

/** Flags of xapc_db_open(). One of the first four, OR-ed with others. */
enum {
    XAPC_DB_READ = 0,             /* Read only; must exist. */
    XAPC_DB_CREATE_OR_OPEN = 1,   /* Writable; created if missing. */
    XAPC_DB_CREATE_OR_OVERWRITE = 2, /* Writable; emptied if it exists. */
    XAPC_DB_OPEN = 3,             /* Writable; must exist. */
    XAPC_DB_RETRY_LOCK = 0x100,   /* Writable: wait for the lock, don't fail. */
    XAPC_DB_NO_SYNC = 0x200,      /* Writable: don't fsync on commit. */
    XAPC_DB_FULL_SYNC = 0x400     /* Writable: fsync directories too. */
};

/**
 * Open the database at 'path' as 'flags' says.
 *
 * Returns XAPC_OK; XAPC_ERR_NOT_FOUND when a read or XAPC_DB_OPEN finds
 * no database; XAPC_ERR_LOCKED when another writer holds the lock and
 * XAPC_DB_RETRY_LOCK is not set; XAPC_ERR_CORRUPT when the path is not a
 * usable database; XAPC_ERR_INVALID_ARGUMENT for NULLs or bad flags.
 * On success *out belongs to the caller: free it with xapc_db_close().
 * @since 0.1
 */
xapc_status_t xapc_db_open (const char *path, int flags, xapc_db_t **out);

/**
 * Close and free 'db'. As in Xapian, a writable database outside a
 * transaction commits its pending changes first; a transaction in
 * progress is cancelled. Errors while closing are ignored (call
 * xapc_db_commit() first to see them). NULL is a no-op. @since 0.1
 */
void xapc_db_close (xapc_db_t *db);

/**
 * Open the database a remote server (xapian-tcpsrv) serves on
 * 'host':'port', to read. 'timeout_ms' bounds both connecting and every
 * later exchange with it (0: Xapian's defaults, 10 s); past it calls
 * fail with XAPC_ERR_NETWORK, as they do when the server cannot be
 * reached or goes away. *out: xapc_db_close(). @since 0.3
 */
xapc_status_t xapc_db_open_remote (const char *host, unsigned port,
                                   unsigned timeout_ms, xapc_db_t **out);

/**
 * A database made of no shard yet, to read: xapc_db_add_shard() adds
 * them. Searches over it rank and count as over one database holding
 * every shard's documents; document ids interleave (shard i of n holds
 * ids i+1, i+1+n...). *out: xapc_db_close(). @since 0.3
 */
xapc_status_t xapc_db_new_sharded (xapc_db_t **out);

/**
 * Add the shards of 'shard' (itself a database, local or remote, or
 * several) to 'db', which takes it: on success 'shard' is freed and
 * must not be used again (closing it would close the shard inside
 * 'db'); on failure the caller still owns it. Neither may be writable.
 * @since 0.3
 */
xapc_status_t xapc_db_add_shard (xapc_db_t *db, xapc_db_t *shard);

/** Number of shards of 'db' (1 for a plain database). @since 0.3 */
size_t xapc_db_shard_count (const xapc_db_t *db);

/** Non-zero if 'db' was opened for writing. @since 0.1 */
int xapc_db_is_writable (const xapc_db_t *db);

/**
 * Bring a reader up to the latest committed revision (after
 * XAPC_ERR_MODIFIED). *changed_out (may be NULL) is set non-zero if the
 * revision moved. @since 0.1
 */
xapc_status_t xapc_db_reopen (xapc_db_t *db, int *changed_out);

/**
 * What a reader of one local database reads now, as a string into
 * 'buf' ('size' bytes; 128 are enough): the directory opened, the
 * database's UUID and the revision it was last (re)opened at. It
 * changes at every commit a reopen brings in, and when another database
 * is put at the path (compaction). XAPC_ERR_INVALID_ARGUMENT for a
 * database of several shards or a remote one, whose revisions Xapian
 * does not give. @since 0.3
 */
xapc_status_t xapc_db_revision (xapc_db_t *db, char *buf, size_t size);

/** Commit pending changes of a writable database. @since 0.1 */
xapc_status_t xapc_db_commit (xapc_db_t *db);

/**
 * Check the database at 'path' with Xapian's consistency check of its
 * tables (Xapian::Database::check). *errors_out is the number of errors
 * found; *report_out (free with xapc_free()) what the check said about
 * them, or "". A database too damaged to be checked gives XAPC_ERR_CORRUPT
 * with the reason in xapc_last_error(). @since 0.2
 */
xapc_status_t xapc_db_check (const char *path, size_t *errors_out,
                             char **report_out);

/**
 * Discard the changes of a writable database since its last commit (to
 * recover from a failed write, e.g. XAPC_ERR_NOMEM). @since 0.2
 */
xapc_status_t xapc_db_cancel (xapc_db_t *db);

/**
 * Write a compact copy of 'db' (its committed state) to the new
 * directory 'dest', which must not exist. Free space left by updates is
 * not copied. @since 0.1
 */
xapc_status_t xapc_db_compact (xapc_db_t *db, const char *dest);

/** Start, commit or cancel a transaction on a writable db. @since 0.1 */
xapc_status_t xapc_db_begin_transaction (xapc_db_t *db, int flushed);
xapc_status_t xapc_db_commit_transaction (xapc_db_t *db);
xapc_status_t xapc_db_cancel_transaction (xapc_db_t *db);

/** Number of documents. @since 0.1 */
xapc_status_t xapc_db_doccount (xapc_db_t *db, uint32_t *out);

/** Number of documents indexed by 'term' (0 if none). @since 0.1 */
xapc_status_t xapc_db_termfreq (xapc_db_t *db, const char *term, size_t len,
                                uint32_t *out);

/**
 * The first document indexed by 'term' (typically a unique id term).
 * Returns XAPC_ERR_NOT_FOUND, with *out = 0, if there is none.
 * @since 0.1
 */
xapc_status_t xapc_db_find_by_term (xapc_db_t *db, const char *term,
                                    size_t len, xapc_docid_t *out);

/** Callback for term listings: return non-zero to stop early. */
typedef int (*xapc_term_cb) (const char *term, size_t len, uint32_t count,
                             void *payload);

/**
 * Call 'cb' for every term in the database starting with 'prefix'
 * (plen 0: every term), in byte order; 'count' is the term frequency.
 * The term is valid only during the call. @since 0.1
 */
xapc_status_t xapc_db_allterms (xapc_db_t *db, const char *prefix,
                                size_t plen, xapc_term_cb cb, void *payload);

/** Callback for posting lists: return non-zero to stop early. */
typedef int (*xapc_docid_cb) (xapc_docid_t docid, void *payload);

/** Call 'cb' for each document indexed by 'term', ascending. @since 0.1 */
xapc_status_t xapc_db_postlist (xapc_db_t *db, const char *term, size_t len,
                                xapc_docid_cb cb, void *payload);

/** Callback for value streams: return non-zero to stop early. */
typedef int (*xapc_value_cb) (xapc_docid_t docid, const char *value,
                              size_t len, void *payload);

/**
 * Call 'cb' for every document having a value in 'slot', ascending by
 * document id. Much faster than reading documents one by one.
 * @since 0.1
 */
xapc_status_t xapc_db_values (xapc_db_t *db, xapc_slot_t slot,
                              xapc_value_cb cb, void *payload);

/**
 * User metadata under 'key'. On success *out is a NUL-terminated copy
 * (length in *out_len) that the caller frees with xapc_free(); a missing
 * key gives XAPC_OK with an empty string. @since 0.1
 */
xapc_status_t xapc_db_get_metadata (xapc_db_t *db, const char *key,
                                    size_t klen, char **out, size_t *out_len);

/** Set user metadata (writable db); an empty value deletes. @since 0.1 */
xapc_status_t xapc_db_set_metadata (xapc_db_t *db, const char *key,
                                    size_t klen, const char *value,
                                    size_t vlen);

/**
 * Read document 'docid'. XAPC_ERR_NOT_FOUND if it does not exist. *out
 * belongs to the caller (xapc_doc_destroy()). @since 0.1
 */
xapc_status_t xapc_db_get_document (xapc_db_t *db, xapc_docid_t docid,
                                    xapc_doc_t **out);

/**
 * Replace every document indexed by 'unique_term' with 'doc' (adding it
 * if there is none). 'doc' should itself carry 'unique_term'.
 * *docid_out (may be NULL) receives its id. @since 0.1
 */
xapc_status_t xapc_db_replace_by_term (xapc_db_t *db, const char *unique_term,
                                       size_t len, const xapc_doc_t *doc,
                                       xapc_docid_t *docid_out);

/** Add 'doc' as a new document. @since 0.1 */
xapc_status_t xapc_db_add_document (xapc_db_t *db, const xapc_doc_t *doc,
                                    xapc_docid_t *docid_out);

/** Delete every document indexed by 'term' (none: XAPC_OK). @since 0.1 */
xapc_status_t xapc_db_delete_by_term (xapc_db_t *db, const char *term,
                                      size_t len);

/** Delete document 'docid'; XAPC_ERR_NOT_FOUND if absent. @since 0.1 */
xapc_status_t xapc_db_delete_document (xapc_db_t *db, xapc_docid_t docid);

/* ---------------------------------------------------------------- */
/* Documents                                                        */

/** A new empty document; free with xapc_doc_destroy(). @since 0.1 */
xapc_status_t xapc_doc_new (xapc_doc_t **out);

/** Free 'doc'. NULL is a no-op. @since 0.1 */
void xapc_doc_destroy (xapc_doc_t *doc);

/** Id of a document read from a database (0 for a new one). @since 0.1 */
xapc_docid_t xapc_doc_id (const xapc_doc_t *doc);

/** Add 'term' at position 'pos', raising its wdf by 'wdfinc'. @since 0.1 */
xapc_status_t xapc_doc_add_posting (xapc_doc_t *doc, const char *term,
                                    size_t len, xapc_termpos_t pos,
                                    uint32_t wdfinc);

/** Add 'term' without a position. @since 0.1 */
xapc_status_t xapc_doc_add_term (xapc_doc_t *doc, const char *term,
                                 size_t len, uint32_t wdfinc);

/** Add a filtering term (wdf 0, no position). @since 0.1 */
xapc_status_t xapc_doc_add_boolean_term (xapc_doc_t *doc, const char *term,
                                         size_t len);

/** Remove 'term' (and its positions) from 'doc'; XAPC_ERR_NOT_FOUND when
 * the document does not have it. @since 0.2 */
xapc_status_t xapc_doc_remove_term (xapc_doc_t *doc, const char *term,
                                    size_t len);

/** Set value 'slot' (an empty value removes it). @since 0.1 */
xapc_status_t xapc_doc_set_value (xapc_doc_t *doc, xapc_slot_t slot,
                                  const char *value, size_t len);

/** Set the opaque data blob. @since 0.1 */
xapc_status_t xapc_doc_set_data (xapc_doc_t *doc, const char *data,
                                 size_t len);

/**
 * The data blob. *out is borrowed from 'doc': valid until the next
 * xapc_doc_get_data() on it or its destruction. @since 0.1
 */
xapc_status_t xapc_doc_get_data (xapc_doc_t *doc, const char **out,
                                 size_t *out_len);

/**
 * Value 'slot' ("" if unset). *out is borrowed from 'doc': valid until
 * the next xapc_doc_get_value() on it or its destruction. @since 0.1
 */
xapc_status_t xapc_doc_get_value (xapc_doc_t *doc, xapc_slot_t slot,
                                  const char **out, size_t *out_len);

/**
 * Call 'cb' for each term of 'doc' starting with 'prefix', in byte
 * order; 'count' is the term's wdf. @since 0.1
 */
xapc_status_t xapc_doc_terms (xapc_doc_t *doc, const char *prefix,
                              size_t plen, xapc_term_cb cb, void *payload);

/* ---------------------------------------------------------------- */
/* Queries                                                          */

/** Operators of xapc_query_combine(), as Xapian::Query::op. */
typedef enum xapc_op {
    XAPC_OP_AND,
    XAPC_OP_OR,
    XAPC_OP_AND_NOT,   /* First subquery minus the others. */
    XAPC_OP_XOR,
    XAPC_OP_AND_MAYBE, /* First subquery; the others only add weight. */
    XAPC_OP_FILTER,    /* First subquery, restricted by the others (no weight). */
    XAPC_OP_NEAR,      /* Within 'window' positions, any order. */
    XAPC_OP_PHRASE,    /* In order within 'window' (0: as many as subqueries). */
    XAPC_OP_SYNONYM,   /* Weighted as one term. */
    XAPC_OP_MAX
} xapc_op_t;

/** A term query. 'pos' is its position in the query (0: none). @since 0.1 */
xapc_status_t xapc_query_term (const char *term, size_t len, uint32_t wqf,
                               xapc_termpos_t pos, xapc_query_t **out);

/**
 * Combine 'n' subqueries with 'op'. The subqueries are not consumed:
 * the caller still destroys them. 'window' is for NEAR and PHRASE.
 * Phrase and near subqueries may be terms or ORs/SYNONYMs of terms.
 * @since 0.1
 */
xapc_status_t xapc_query_combine (xapc_op_t op, xapc_query_t *const *subs,
                                  size_t n, uint32_t window,
                                  xapc_query_t **out);

/**
 * Documents whose value in 'slot' lies in [lo, hi] by byte comparison.
 * lo == NULL: no lower bound; hi == NULL: no upper bound. @since 0.1
 */
xapc_status_t xapc_query_value_range (xapc_slot_t slot, const char *lo,
                                      size_t lolen, const char *hi,
                                      size_t hilen, xapc_query_t **out);

/** 'q' with its weight multiplied by 'factor' (>= 0). @since 0.1 */
xapc_status_t xapc_query_scale (const xapc_query_t *q, double factor,
                                xapc_query_t **out);

/** Every term starting with 'prefix' (OP_WILDCARD). @since 0.1 */
xapc_status_t xapc_query_wildcard (const char *prefix, size_t len,
                                   xapc_query_t **out);

/** Matches every document / no document. @since 0.1 */
xapc_status_t xapc_query_match_all (xapc_query_t **out);
xapc_status_t xapc_query_match_nothing (xapc_query_t **out);

/** Non-zero if 'q' matches nothing (an empty query). @since 0.1 */
int xapc_query_is_empty (const xapc_query_t *q);

/** One field prefix for xapc_query_parse(). */
typedef struct xapc_prefix {
    const char *field;   /* As typed by users, e.g. "title". */
    const char *prefix;  /* Term prefix, e.g. "S". */
    int boolean;         /* Non-zero: a filter (add_boolean_prefix). */
} xapc_prefix_t;

/** Flags of xapc_query_parse(), as Xapian::QueryParser's. */
enum {
    XAPC_PARSE_BOOLEAN = 1,
    XAPC_PARSE_PHRASE = 2,
    XAPC_PARSE_LOVEHATE = 4,
    XAPC_PARSE_BOOLEAN_ANY_CASE = 8,
    XAPC_PARSE_WILDCARD = 16,
    XAPC_PARSE_DEFAULT = 7  /* BOOLEAN | PHRASE | LOVEHATE */
};

/**
 * Parse 'text' with Xapian's QueryParser (no stemming, default operator
 * 'default_op', AND or OR), with the given field prefixes. 'db' may be
 * NULL (it is only used for wildcards). XAPC_ERR_QUERY with a message
 * on a syntax error. @since 0.1
 */
xapc_status_t xapc_query_parse (xapc_db_t *db, const char *text, size_t len,
                                const xapc_prefix_t *prefixes,
                                size_t n_prefixes, unsigned flags,
                                xapc_op_t default_op, xapc_query_t **out);

/**
 * Xapian's description of 'q', NUL-terminated; free with xapc_free().
 * @since 0.1
 */
xapc_status_t xapc_query_describe (const xapc_query_t *q, char **out);

/** Free 'q'. NULL is a no-op. @since 0.1 */
void xapc_query_destroy (xapc_query_t *q);

/* ---------------------------------------------------------------- */
/* Searching                                                        */

/** A search session over 'db'; 'db' must outlive it. @since 0.1 */
xapc_status_t xapc_enquire_new (xapc_db_t *db, xapc_enquire_t **out);

/** Free 'enq'. NULL is a no-op. @since 0.1 */
void xapc_enquire_destroy (xapc_enquire_t *enq);

/** Set the query ('q' is copied; the caller keeps it). @since 0.1 */
xapc_status_t xapc_enquire_set_query (xapc_enquire_t *enq,
                                      const xapc_query_t *q);

/** Weighting schemes. */
typedef enum xapc_weight {
    XAPC_WEIGHT_BM25,
    XAPC_WEIGHT_BOOL    /* Every match weighs 0: order by docid or sort key. */
} xapc_weight_t;

xapc_status_t xapc_enquire_set_weighting (xapc_enquire_t *enq,
                                          xapc_weight_t w);

/**
 * Order by the value in 'slot' (byte order; 'reverse' non-zero for
 * descending), relevance breaking ties. @since 0.1
 */
xapc_status_t xapc_enquire_sort_by_value (xapc_enquire_t *enq,
                                          xapc_slot_t slot, int reverse);

/**
 * Order by relevance, the value in 'slot' (byte order; 'reverse'
 * non-zero for descending) breaking ties, where Xapian would break them
 * by document id: ids differ between one database and shards of the
 * same documents, values do not. The remote backend carries it.
 * @since 0.3
 */
xapc_status_t xapc_enquire_sort_by_relevance_then_value (xapc_enquire_t *enq,
                                                         xapc_slot_t slot,
                                                         int reverse);

/** Keep at most one match per distinct value in 'slot'. @since 0.1 */
xapc_status_t xapc_enquire_collapse (xapc_enquire_t *enq, xapc_slot_t slot);

/**
 * Count, over every match of the next get_mset(), how many matches have
 * each value of 'slot' (a ValueCountMatchSpy). *spy_out identifies the
 * spy for xapc_enquire_spy_values(). @since 0.1
 */
xapc_status_t xapc_enquire_add_value_spy (xapc_enquire_t *enq,
                                          xapc_slot_t slot, int *spy_out);

/**
 * Call 'cb' for every value the spy counted (by decreasing count,
 * ties by value), 'count' being its number of matches. @since 0.1
 */
xapc_status_t xapc_enquire_spy_values (xapc_enquire_t *enq, int spy,
                                       xapc_term_cb cb, void *payload);

/**
 * Stop every following get_mset() still matching once CLOCK_MONOTONIC
 * passes '*deadline' (NULL: no deadline): it fails with
 * XAPC_ERR_TIMEOUT and gives nothing back. The clock is read every few
 * matches, so the match stops soon after the deadline rather than
 * counting on. A database with remote shards matches them in their
 * servers, where the clock is not read: there, only their timeout
 * bounds a match. @since 0.3
 */
struct timespec;                /* <time.h> (POSIX). */
xapc_status_t xapc_enquire_set_deadline (xapc_enquire_t *enq,
                                         const struct timespec *deadline);

/**
 * Run the search: up to 'maxitems' matches starting at rank 'first',
 * counting at least 'check_at_least' matches exactly. XAPC_ERR_MODIFIED
 * means: xapc_db_reopen() and try again. *out: xapc_mset_destroy().
 * @since 0.1
 */
xapc_status_t xapc_enquire_get_mset (xapc_enquire_t *enq, uint32_t first,
                                     uint32_t maxitems,
                                     uint32_t check_at_least,
                                     xapc_mset_t **out);

/** Call 'cb' for each query term indexing 'docid'. @since 0.1 */
xapc_status_t xapc_enquire_matching_terms (xapc_enquire_t *enq,
                                           xapc_docid_t docid,
                                           xapc_term_cb cb, void *payload);

/** Number of matches on this page. @since 0.1 */
size_t xapc_mset_size (const xapc_mset_t *mset);

/** Bounds and estimate of the total number of matches. @since 0.1 */
void xapc_mset_counts (const xapc_mset_t *mset, uint32_t *lower,
                       uint32_t *estimated, uint32_t *upper);

/** Document id and weight of match 'i' (0 / 0.0 if out of range). */
xapc_docid_t xapc_mset_docid (const xapc_mset_t *mset, size_t i);
double xapc_mset_weight (const xapc_mset_t *mset, size_t i);

/** The document of match 'i'; *out belongs to the caller. @since 0.1 */
xapc_status_t xapc_mset_document (xapc_mset_t *mset, size_t i,
                                  xapc_doc_t **out);

/**
 * Ask for the document of match 'i' ahead: from a remote database, the
 * requests of several matches are sent together, and xapc_mset_document()
 * then waits for replies already on their way, not a round trip each.
 * @since 0.3
 */
xapc_status_t xapc_mset_fetch_one (xapc_mset_t *mset, size_t i);

/**
 * The sort key of match 'i': under xapc_enquire_sort_by_value() or
 * xapc_enquire_sort_by_relevance_then_value(), the value of the sort
 * slot, which the match read and, from a remote database, carried in
 * its reply: a value of many matches without a request per document.
 * *out (not NUL-terminated) stays valid until the next call on 'mset'
 * or its destruction. @since 0.3
 */
xapc_status_t xapc_mset_sort_key (xapc_mset_t *mset, size_t i,
                                  const char **out, size_t *out_len);

/** Free 'mset'. NULL is a no-op. @since 0.1 */
void xapc_mset_destroy (xapc_mset_t *mset);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_XAPIAN_C_H */
