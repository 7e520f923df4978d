/*
 * tracuu index: a Xapian database of reports (and, later, cases), kept
 * in step with folders of report files.
 */
#ifndef TRACUU_INDEX_H
#define TRACUU_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** An open index. Opaque. */
typedef struct tracuu_index tracuu_index_t;

/** Flags of tracuu_index_open(). */
enum {
    TRACUU_INDEX_READ = 0,      /* Search only; the database must exist. */
    TRACUU_INDEX_WRITE = 1,     /* Update; created when missing. */
    TRACUU_INDEX_WAIT = 2       /* With WRITE: wait for another writer. */
};

/**
 * Open the index at 'path' ('flags' as above).
 *
 * Returns TRACUU_STATUS_OK, _DATABASE_NOT_FOUND (reading a missing
 * index), _DATABASE_LOCKED (another indexer is writing and
 * TRACUU_INDEX_WAIT is not set) or _DATABASE_ERROR. On failure, when
 * 'error_out' is not NULL, *error_out is a one-line reason naming the
 * path (free() it); *out is NULL. On success *out belongs to the
 * caller: tracuu_index_close().
 * @since 0.1
 */
tracuu_status_t
tracuu_index_open (const char *path, int flags, tracuu_index_t **out,
                   char **error_out);

/**
 * Open, to read, an index made of shards, searched and answered as one
 * index holding all their reports. Each of the 'n' 'specs' is an index
 * folder, "HOST:PORT" of a xapian-tcpsrv serving one, or a file listing
 * shards one a line as Xapian's stub files do ("auto FOLDER", relative to
 * the file, or "remote HOST:PORT"; '#' starts a comment).
 *
 * Every call to a remote shard gives up after 'timeout_ms' (0: 10 000).
 * A shard that cannot be reached (refused, closed, timed out) is left
 * out: the index answers from the others, and tracuu_index_shard() says
 * which are down, so that an answer can say it is partial; searches and
 * answers that lose a shard midway open the shards again and answer
 * from those left. A shard that is not a tracuu index, or of another
 * layout, is refused: the call fails naming it.
 *
 * Returns TRACUU_STATUS_OK, _SHARD_UNAVAILABLE when no shard can be
 * reached, _BAD_ARGUMENT for a list that names none or a malformed
 * line, _DATABASE_NOT_FOUND / _DATABASE_ERROR for a shard that is
 * missing or refused; *error_out (free() it) then says why.
 * @since 0.3
 */
tracuu_status_t
tracuu_index_open_shards (const char *const *specs, size_t n,
                          unsigned timeout_ms, tracuu_index_t **out,
                          char **error_out);

/**
 * Open to read what a program's --db options name: one folder opens as
 * tracuu_index_open() does; several, a "HOST:PORT" or a file listing
 * shards open as tracuu_index_open_shards() does. Returns as they do.
 * @since 0.3
 */
tracuu_status_t
tracuu_index_open_read (const char *const *specs, size_t n,
                        unsigned timeout_ms, tracuu_index_t **out,
                        char **error_out);

/** Number of shards of 'index' (1 for an index in one folder). @since 0.3 */
size_t
tracuu_index_n_shards (const tracuu_index_t *index);

/**
 * Shard 'i' of 'index' as it was given (a folder or "HOST:PORT"), or
 * NULL past the last; *down_out (may be NULL) is non-zero when it could
 * not be reached the last time it was tried. @since 0.3
 */
const char *
tracuu_index_shard (const tracuu_index_t *index, size_t i, int *down_out);

/** Number of shards of 'index' that are down (0 for one folder). @since 0.3 */
size_t
tracuu_index_n_shards_down (const tracuu_index_t *index);

/**
 * Close 'index', committing what a writer has pending. NULL is a no-op.
 * @since 0.1
 */
void
tracuu_index_close (tracuu_index_t *index);

/**
 * The reason for the last failure on 'index' ("" if none). Borrowed:
 * valid until the next call on 'index'. @since 0.1
 */
const char *
tracuu_index_last_error (const tracuu_index_t *index);

/**
 * What tracuu_index_open() did besides opening, for the user: leftovers
 * of an interrupted compaction removed or put back, one line each ("" if
 * nothing). Borrowed from 'index'. @since 0.2
 */
const char *
tracuu_index_notes (const tracuu_index_t *index);

/**
 * Check the index at 'path' without opening it for writing: Xapian's
 * own check of its tables (Xapian::Database::check), then every path and
 * stored text read back. *report_out (free() it) says what was found in
 * one or more lines; *errors_out is the number of errors (0: none).
 * Returns TRACUU_STATUS_OK when the check ran (whatever it found),
 * _DATABASE_NOT_FOUND when there is no index. @since 0.2
 */
tracuu_status_t
tracuu_index_check (const char *path, char **report_out, size_t *errors_out);

/**
 * Bring 'index' up to the last revision a writer committed, so that a
 * reader open for long (a server) sees what was indexed since; cheap
 * when nothing changed. *changed_out (may be NULL) is non-zero when the
 * revision moved. Returns TRACUU_STATUS_OK or a database status
 * (tracuu_index_last_error() says why). @since 0.2
 */
tracuu_status_t
tracuu_index_reopen (tracuu_index_t *index, int *changed_out);

/**
 * Stop searches, answers and reports on 'index' that run past
 * '*deadline' (CLOCK_MONOTONIC; NULL: no deadline, as opened): they
 * return TRACUU_STATUS_TIMED_OUT with no result, never a partial count,
 * and tracuu_index_last_error() says what was under way. The clock is
 * read between their steps and every few matches of the match itself,
 * so that a call stops soon after the deadline instead of running on.
 * Over remote shards their servers match, and only the shard timeout
 * bounds that part. A server sets it before each request. @since 0.3
 */
struct timespec;                /* <time.h> (POSIX). */
void
tracuu_index_set_deadline (tracuu_index_t *index, const struct timespec *deadline);

/** Bytes tracuu_index_revision() needs at most, its NUL included. */
#define TRACUU_INDEX_REVISION_MAX 128

/**
 * What 'index' reads now, as a string into 'buf' ('size' bytes; see
 * TRACUU_INDEX_REVISION_MAX): equal strings mean the same committed
 * data, so that a cache of answers keyed on it is never stale; it
 * changes when tracuu_index_reopen() brings in a commit, and when a
 * compaction puts another database in place. Returns TRACUU_STATUS_OK,
 * or _BAD_ARGUMENT for an index of shards (their revisions are not
 * known) or a buffer too small. @since 0.3
 */
tracuu_status_t
tracuu_index_revision (tracuu_index_t *index, char *buf, size_t size);

/** Number of report documents in the index. @since 0.1 */
tracuu_status_t
tracuu_index_count_reports (tracuu_index_t *index, uint32_t *out);

/**
 * Rewrite a writable index compactly, in place: updates leave free space
 * behind (case documents are rewritten as reports mention them), which a
 * compact copy does not keep. The copy is made next to the index and
 * swapped in when complete with one rename exchanging the two, so that
 * the index is whole at every instant and an interruption leaves either
 * the index or its copy in place (the next writer removes the other).
 * Readers keep working and see the copy when they reopen. The handle is
 * then read-only.
 *
 * Returns TRACUU_STATUS_OK, _BAD_ARGUMENT for a read-only index, or
 * _DATABASE_ERROR / _IO_ERROR (tracuu_index_last_error() says why).
 * @since 0.1
 */
tracuu_status_t
tracuu_index_compact (tracuu_index_t *index);

/** What happened to one file during tracuu_index_update(). */
typedef enum tracuu_outcome {
    TRACUU_FILE_INDEXED,        /* New or changed, now indexed. */
    TRACUU_FILE_UNCHANGED,      /* Same size and mtime as indexed. */
    TRACUU_FILE_REMOVED,        /* Gone from an indexed folder: removed. */
    TRACUU_FILE_FAILED,         /* Could not be read or decoded. */
    TRACUU_FILE_SKIPPED         /* Not a report (binary, fifo...). */
} tracuu_outcome_t;

/**
 * Called once per file, from the calling thread: in walk order, except
 * that files being indexed are reported when written, up to a batch of
 * 256 files later. 'reason' is
 * NULL for INDEXED, UNCHANGED and REMOVED, or a one-line reason that
 * does not repeat the path. For INDEXED, 'note' may say what was
 * noticed (e.g. "encoding tcvn3", "3 invalid bytes replaced"), or NULL.
 */
typedef void (*tracuu_file_cb) (void *payload, const char *path,
                                tracuu_outcome_t outcome, const char *reason);

/** Options of tracuu_index_update(). Use TRACUU_INDEX_OPTIONS_INIT. */
typedef struct tracuu_index_options {
    unsigned version;           /* TRACUU_INDEX_OPTIONS_VERSION. */
    const char *encoding;       /* Force an encoding; NULL: detect. */
    tracuu_file_cb on_file;     /* May be NULL. */
    void *payload;              /* Passed to on_file. */
    size_t commit_bytes;        /* Commit after this much text (0: 64 MB). */
    int force;                  /* Re-index files even when unchanged. */
    size_t max_file_bytes;      /* Larger files fail (0: 64 MB). */
    unsigned workers;           /* Threads preparing files (0: one per
                                   core; 1: none, all on the caller). */
    int ocr;                    /* A tracuu_ocr_mode_t (tracuu/decode.h):
                                   0, TRACUU_OCR_AUTO, by default. */
    size_t max_text_bytes;      /* Files whose decoded text (after gzip,
                                   docx, HTML) is longer fail; checked
                                   while decoding (0: 64 MB). */
    int follow_symlinks;        /* Follow symbolic links that leave the
                                   folder being indexed. */
} tracuu_index_options_t;

#define TRACUU_INDEX_OPTIONS_VERSION 1
#define TRACUU_INDEX_OPTIONS_INIT \
    { TRACUU_INDEX_OPTIONS_VERSION, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0 }

/** Counts of one tracuu_index_update() run. */
typedef struct tracuu_index_stats {
    size_t indexed;             /* Files (re-)indexed and committed. */
    size_t unchanged;           /* Files skipped as unchanged. */
    size_t removed;             /* Documents of vanished files removed. */
    size_t failed;              /* Files that could not be indexed. */
    size_t skipped;             /* Files that are not reports. */
    size_t bytes;               /* Bytes of files read. */
    double seconds;             /* Wall time of the run. */
} tracuu_index_stats_t;

/**
 * Bring the index in step with 'paths' (files and folders, walked
 * recursively; hidden entries are skipped inside folders). New and
 * changed files are indexed, unchanged ones skipped, and files that have
 * disappeared from a given folder are removed. Per-file problems are
 * reported through opts->on_file and counted; they do not stop the run.
 * Work is committed as it goes, so an interrupted run keeps everything
 * up to its last commit.
 *
 * Returns TRACUU_STATUS_OK unless the database itself failed
 * (tracuu_index_last_error() says why); *stats is filled either way.
 * @since 0.1
 */
tracuu_status_t
tracuu_index_update (tracuu_index_t *index, const char *const *paths,
                     size_t n_paths, const tracuu_index_options_t *opts,
                     tracuu_index_stats_t *stats);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_INDEX_H */
