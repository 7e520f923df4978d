/*
 * Keeping the index in step with folders of reports: what is known (a
 * hash of each path and of its fingerprint, 32 bytes a report) is
 * loaded once from two value streams (paths and fingerprints), files are
 * walked, unchanged ones skipped by size and mtime, the rest decoded,
 * analyzed and replaced by their unique id term, and documents of files
 * gone from a walked folder deleted. Commits happen by bytes of text, so
 * an interrupted run loses at most the work since its last commit.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>

#include "tracuu/analysis.h"
#include "tracuu/decode.h"
#include "tracuu/extract.h"
#include "tracuu/index.h"
#include "index/index-private.h"
#include "util/util-private.h"

#define DEFAULT_COMMIT_BYTES ((size_t) 64 << 20)
#define DEFAULT_MAX_FILE_BYTES ((size_t) 64 << 20)
#define DEFAULT_MAX_TEXT_BYTES ((size_t) 64 << 20)

/* Text analyzed and extracted as one (far more than any report), and
 * the pieces the rest of a longer text is read in (see prepare()). */
#define WHOLE_TEXT_BYTES ((size_t) 4 << 20)
#define PIECE_BYTES ((size_t) 1 << 20)

/* A document this large is written in a batch of its own, so that
 * running out of memory while writing it loses nothing else. */
#define LARGE_DOCUMENT_BYTES ((size_t) 8 << 20)

/* Bytes of text of prepared jobs waiting for the writer past which the
 * workers wait: what keeps memory bounded when files are large. */
#define READY_BYTES_BUDGET ((size_t) 256 << 20)

/* One document already in the index, as small as it can be: a run over
 * a million reports holds a million of these. A path is known by its
 * 64-bit hash, the one that already names its report (report_id()); its
 * fingerprint by the file's size and the hash of the rest of the part
 * that decides "unchanged" (see stat_key()). */
typedef struct known {
    uint64_t path_hash;
    uint64_t size;
    uint64_t mtime_hash;
    xapc_docid_t docid;
    unsigned char has_fingerprint;
    unsigned char seen;
} known_t;

typedef struct run {
    tracuu_index_t *index;
    const tracuu_index_options_t *opts;
    tracuu_index_stats_t *stats;
    known_t *known;             /* Sorted by the hash of the path. */
    size_t n_known;
    size_t alloc_known;
    size_t pending_bytes;       /* Text written since the last commit. */
    size_t pending_files;       /* Files written since the last commit. */
    size_t pending_removed;     /* Documents removed since then. */
    tracuu_status_t fatal;      /* A database failure ends the run. */
    struct pool *pool;          /* The queue of jobs and its workers. */
    struct retry *retry;        /* Files out of memory beside others. */
    size_t n_retry, alloc_retry;
} run_t;

/* A file that ran out of memory while other workers held theirs: read
 * again alone at the end of the run, so that one file's need for memory
 * does not fail the files read beside it. */
typedef struct retry {
    char *path;
    struct stat st;
    struct known *known;
} retry_t;

static void
report (run_t *run, const char *path, tracuu_outcome_t outcome,
        const char *reason)
{
    /* Indexed and removed files count once committed (see commit()). */
    switch (outcome) {
    case TRACUU_FILE_INDEXED:   run->pending_files++; break;
    case TRACUU_FILE_UNCHANGED: run->stats->unchanged++; break;
    case TRACUU_FILE_REMOVED:   run->pending_removed++; break;
    case TRACUU_FILE_FAILED:    run->stats->failed++; break;
    case TRACUU_FILE_SKIPPED:   run->stats->skipped++; break;
    }
    if (run->opts->on_file != NULL)
        run->opts->on_file (run->opts->payload, path, outcome, reason);
}

static int
collect_path (xapc_docid_t docid, const char *value, size_t len, void *payload)
{
    run_t *run = payload;
    known_t *k;

    if (!tracuu_index__valid_path (value, len)) {
        run->fatal = tracuu_index__damaged (run->index, "a report's path "
                                            "is not a path");
        return 1;
    }
    if (run->n_known == run->alloc_known) {
        known_t *p = tracuu_array__grow (&run->fatal, run->known,
                                         &run->alloc_known, run->n_known + 1,
                                         sizeof *p);

        if (p == NULL)
            return 1;
        run->known = p;
    }
    k = &run->known[run->n_known];
    memset (k, 0, sizeof *k);
    k->docid = docid;
    k->path_hash = tracuu_index__hash (value, len);
    run->n_known++;
    return 0;
}

/* The size and the hash of the mtime of a key "size mtime_ns", or of a
 * fingerprint that begins with one; 0 if it is not one. */
static int
parse_key (const char *s, size_t len, uint64_t *size, uint64_t *mtime_hash)
{
    size_t i = 0, j;

    *size = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++) {
        if (*size > (UINT64_MAX - 9) / 10)
            return 0;
        *size = *size * 10 + (uint64_t) (s[i] - '0');
    }
    if (i == 0 || i == len || s[i] != ' ')
        return 0;
    for (j = ++i; j < len && s[j] != ' '; j++)
        ;
    if (j == i)
        return 0;
    *mtime_hash = tracuu_index__hash (s + i, j - i);
    return 1;
}

typedef struct fp_cursor {
    run_t *run;
    size_t i;                   /* Both streams ascend by docid. */
} fp_cursor_t;

static int
collect_fingerprint (xapc_docid_t docid, const char *value, size_t len,
                     void *payload)
{
    fp_cursor_t *c = payload;
    run_t *run = c->run;

    while (c->i < run->n_known && run->known[c->i].docid < docid)
        c->i++;
    if (c->i < run->n_known && run->known[c->i].docid == docid) {
        known_t *k = &run->known[c->i];

        k->has_fingerprint = (unsigned char) parse_key (value, len, &k->size,
                                                        &k->mtime_hash);
    }
    return 0;
}

static int
known_cmp (const void *a, const void *b)
{
    uint64_t x = ((const known_t *) a)->path_hash;
    uint64_t y = ((const known_t *) b)->path_hash;

    return x < y ? -1 : x > y;
}

static tracuu_status_t
load_known (run_t *run)
{
    fp_cursor_t cursor = { run, 0 };
    xapc_status_t st;

    st = xapc_db_values (run->index->db, TRACUU_SLOT_PATH, collect_path, run);
    if (!st && !run->fatal)
        st = xapc_db_values (run->index->db, TRACUU_SLOT_FINGERPRINT,
                             collect_fingerprint, &cursor);
    if (st)
        return tracuu_index__fail (run->index, st, "reading the index");
    if (run->fatal)
        return run->fatal;
    if (run->n_known > 1)
        qsort (run->known, run->n_known, sizeof *run->known, known_cmp);
    return TRACUU_STATUS_OK;
}

static known_t *
find_known_hash (run_t *run, uint64_t hash)
{
    known_t key;

    if (run->n_known == 0)
        return NULL;
    key.path_hash = hash;
    return bsearch (&key, run->known, run->n_known, sizeof key, known_cmp);
}

static known_t *
find_known (run_t *run, const char *path)
{
    return find_known_hash (run, tracuu_index__hash (path, strlen (path)));
}

static void
free_known (run_t *run)
{
    free (run->known);
}

/* Commit; what was written since the last commit is then stored and
 * counted. When the commit fails it is lost, and the message says how
 * much. */
static tracuu_status_t
commit (run_t *run)
{
    xapc_status_t st = xapc_db_commit (run->index->db);

    if (st) {
        tracuu_status_t status = tracuu_index__status (st);

        tracuu_index__set_error (run->index, "committing: %s; the %zu "
                                 "file%s indexed since the last commit %s "
                                 "not stored: the next run indexes them",
                                 xapc_last_error (), run->pending_files,
                                 run->pending_files == 1 ? "" : "s",
                                 run->pending_files == 1 ? "is" : "are");
        return status ? status : TRACUU_STATUS_DATABASE_ERROR;
    }
    run->stats->indexed += run->pending_files;
    run->stats->removed += run->pending_removed;
    run->pending_files = run->pending_removed = run->pending_bytes = 0;
    return TRACUU_STATUS_OK;
}

static tracuu_status_t
maybe_commit (run_t *run, size_t bytes)
{
    size_t limit = run->opts->commit_bytes ? run->opts->commit_bytes
                                           : DEFAULT_COMMIT_BYTES;

    run->pending_bytes += bytes;
    return run->pending_bytes < limit ? TRACUU_STATUS_OK : commit (run);
}

/* "size mtime_ns": the part of a fingerprint that decides "unchanged". */
static int
stat_key (const struct stat *st, char *out, size_t size)
{
    return snprintf (out, size, "%lld %lld%09ld", (long long) st->st_size,
                     (long long) st->st_mtim.tv_sec, (long) st->st_mtim.tv_nsec);
}

static int
unchanged (const known_t *k, const char *key)
{
    uint64_t size, mtime_hash;

    return k != NULL && k->has_fingerprint
           && parse_key (key, strlen (key), &size, &mtime_hash)
           && size == k->size && mtime_hash == k->mtime_hash;
}

/* The R term value linking cases to the report at 'path'. */
static void
report_id (const char *path, char out[17])
{
    snprintf (out, 17, "%016llx",
              (unsigned long long) tracuu_index__hash (path, strlen (path)));
}

/* ------------------------------------------------------------------ */
/* Jobs: a file to (re)index, prepared by a worker, written in order. */

typedef struct job {
    char *path;
    struct stat st;
    known_t *known;             /* Its document already in the index, or NULL. */
    /* Outputs of prepare(). */
    tracuu_outcome_t outcome;   /* INDEXED (to write), FAILED or SKIPPED. */
    char reason[256];           /* Why it failed, or a note, or "". */
    xapc_doc_t *doc;            /* The report document. */
    tracuu_case_docs_t cases;   /* Its case documents. */
    size_t text_bytes;          /* Decoded text, for commit batching. */
    int oom;                    /* Failed for want of memory. */
    int ready;
    /* Documents of the job written last from this slot, freed by the
     * worker that takes the slot next: memory is freed best by the
     * thread that allocated it, and worst under the writer, where
     * waiting for another thread's allocator would stall the run. */
    xapc_doc_t *spent_doc;
    tracuu_case_docs_t spent_cases;
} job_t;

/* Free what the job holds, but keep its spent documents. */
static void
job_dispose (job_t *job)
{
    xapc_doc_t *spent_doc = job->spent_doc;
    tracuu_case_docs_t spent_cases = job->spent_cases;

    free (job->path);
    xapc_doc_destroy (job->doc);
    tracuu_cases__dispose (&job->cases);
    memset (job, 0, sizeof *job);
    job->spent_doc = spent_doc;
    job->spent_cases = spent_cases;
}

/* Free the spent documents of a job. */
static void
job_free_spent (job_t *job)
{
    xapc_doc_destroy (job->spent_doc);
    tracuu_cases__dispose (&job->spent_cases);
    job->spent_doc = NULL;
}

/* Add a note to what is said about the job ("; " between notes). */
static void __attribute__ ((format (printf, 2, 3)))
add_note (job_t *job, const char *format, ...)
{
    size_t used = strlen (job->reason);
    va_list ap;

    if (used + 3 >= sizeof job->reason)
        return;
    if (used > 0) {
        memcpy (job->reason + used, "; ", 3);
        used += 2;
    }
    va_start (ap, format);
    vsnprintf (job->reason + used, sizeof job->reason - used, format, ap);
    va_end (ap);
}

static double
mb (size_t bytes)
{
    return (double) bytes / 1048576.0;
}

/* "11 KB", "40.0 MB": a size for a message. */
static const char *
size_text (size_t bytes, char buf[32])
{
    if (bytes < 1048576)
        snprintf (buf, 32, "%zu KB", (bytes + 1023) / 1024);
    else
        snprintf (buf, 32, "%.1f MB", mb (bytes));
    return buf;
}

/* Where to end a piece of at most 'max' of the 'len' bytes at 's': after
 * a line end in its second half, else after a space, else before a
 * UTF-8 lead byte. A line end is a boundary for NFC, the word break and
 * footnote marks, so the pieces analyze as the whole would. */
static size_t
cut_piece (const char *s, size_t len, size_t max)
{
    size_t n;

    if (len <= max)
        return len;
    for (n = max; n > max / 2; n--)
        if (s[n - 1] == '\n')
            return n;
    for (n = max; n > max / 2; n--)
        if (s[n - 1] == ' ')
            return n;
    for (n = max; n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80; n--)
        ;
    return n > 0 ? n : max;
}

/* Word positions a text takes in its document (footnote marks take
 * none; see tracuu_document__add_text()). */
static xapc_termpos_t
positions (const tracuu_text_t *text)
{
    xapc_termpos_t n = 0;

    for (size_t i = 0; i < text->n_tokens; i++)
        n += !(text->tokens[i].flags & TRACUU_TOKEN_FOOTNOTE);
    return n;
}

static size_t
count_lines (const char *s, size_t len)
{
    size_t n = 0;

    for (size_t i = 0; i < len; i++)
        n += s[i] == '\n';
    return n;
}

/* What a text adds up to, read whole or in pieces. */
typedef struct rest {
    size_t n_tokens;
    size_t n_replaced;
} rest_t;

/*
 * The text of 'dec' after its first 'done' bytes (already analyzed as
 * *first, which is freed here first), piece by piece: each piece is
 * analyzed, its words added to the document after those before it and
 * its normalized text to the stored copy, then freed, so that memory
 * holds one piece's tokens at a time. The stored text and line count of
 * the document are replaced by those of the whole.
 */
static tracuu_status_t
add_rest (job_t *job, const tracuu_decoded_t *dec, size_t done,
          tracuu_text_t **first, rest_t *rest)
{
    tracuu_store_packer_t packer;
    tracuu_status_t status;
    xapc_termpos_t pos = positions (*first);
    size_t lines = count_lines ((*first)->text, (*first)->len);
    char *packed = NULL, count[32];
    size_t packed_len = 0;

    memset (rest, 0, sizeof *rest);
    rest->n_tokens = (*first)->n_tokens;
    rest->n_replaced = (*first)->n_replaced;
    status = tracuu_store__packer_init (&packer);
    tracuu_store__packer_add (&packer, (*first)->text, (*first)->len);
    tracuu_text_destroy (*first);
    *first = NULL;
    while (status == TRACUU_STATUS_OK && done < dec->len) {
        size_t n = cut_piece (dec->text + done, dec->len - done,
                              PIECE_BYTES);
        tracuu_text_t *piece = NULL;

        status = tracuu_text_analyze (dec->text + done, n, &piece);
        if (status == TRACUU_STATUS_OK
            && tracuu_document__add_text_at (job->doc, piece, &pos))
            status = TRACUU_STATUS_OUT_OF_MEMORY;
        if (status == TRACUU_STATUS_OK) {
            tracuu_store__packer_add (&packer, piece->text, piece->len);
            lines += count_lines (piece->text, piece->len);
            rest->n_tokens += piece->n_tokens;
            rest->n_replaced += piece->n_replaced;
        }
        tracuu_text_destroy (piece);
        done += n;
    }
    if (status == TRACUU_STATUS_OK)
        status = tracuu_store__packer_finish (&packer, &packed, &packed_len);
    snprintf (count, sizeof count, "%zu", lines + 1);
    if (status == TRACUU_STATUS_OK
        && (xapc_doc_set_value (job->doc, TRACUU_SLOT_STORED, packed,
                                packed_len)
            || xapc_doc_set_value (job->doc, TRACUU_SLOT_LINES, count,
                                   strlen (count))))
        status = TRACUU_STATUS_OUT_OF_MEMORY;
    free (packed);
    tracuu_store__packer_dispose (&packer);
    return status;
}

/* Why a file could not be decoded, in job->reason. */
static void
decode_failure (const tracuu_index_options_t *opts, job_t *job,
                const tracuu_decode_options_t *dopts,
                const tracuu_decoded_t *dec, tracuu_status_t status)
{
    size_t size = (size_t) job->st.st_size;
    char sz[32];

    job->oom = status == TRACUU_STATUS_OUT_OF_MEMORY;
    if (status == TRACUU_STATUS_OUT_OF_MEMORY)
        add_note (job, "out of memory decoding it (a %s file); raise the "
                  "memory limit, or lower --max-size or --max-text to skip "
                  "such files", size_text (size, sz));
    else if (status == TRACUU_STATUS_LIMIT_EXCEEDED && size > dopts->max_input_bytes)
        add_note (job, "file is %.1f MB, over the %.1f MB limit; raise it "
                  "with --max-size to index it", mb (size),
                  mb (dopts->max_input_bytes));
    else if (status == TRACUU_STATUS_LIMIT_EXCEEDED && dec->over_text_limit)
        add_note (job, "%s; raise the limit with --max-text to index it",
                  dec->error);
    else
        add_note (job, "%s", dec->error[0] ? dec->error
                                           : tracuu_status_to_string (status));
    if (status == TRACUU_STATUS_UNSUPPORTED_FORMAT)
        job->outcome = TRACUU_FILE_SKIPPED;
    (void) opts;
}

/*
 * Decode, analyze, extract and build the document of one file. Runs on
 * any thread: it touches nothing but the job. Any failure, out of
 * memory included, is the file's: it fails with a reason and the run
 * goes on.
 *
 * A text longer than WHOLE_TEXT_BYTES is read in pieces: its first
 * WHOLE_TEXT_BYTES are analyzed and extracted as a report is, the rest
 * piece by piece for its words only (see add_rest()), so that memory is
 * bounded by the text and not by its tokens.
 */
static void
prepare (const tracuu_index_options_t *opts, job_t *job)
{
    tracuu_decode_options_t dopts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t dec = { 0 };
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = NULL;
    tracuu_report_info_t info;
    char key[64], fingerprint[96], rid[17], sz[32];
    tracuu_status_t status;
    size_t whole;
    rest_t rest = { 0, 0 };
    xapc_status_t xst;
    const char *why = NULL;     /* What failed, when the status says too
                                   little. */

    job->outcome = TRACUU_FILE_FAILED;
    dopts.encoding = opts->encoding;
    dopts.ocr = (tracuu_ocr_mode_t) opts->ocr;
    dopts.max_input_bytes = opts->max_file_bytes ? opts->max_file_bytes
                                                 : DEFAULT_MAX_FILE_BYTES;
    dopts.max_output_bytes = opts->max_text_bytes ? opts->max_text_bytes
                                                  : DEFAULT_MAX_TEXT_BYTES;
    status = tracuu_decode_file (job->path, &dopts, &dec);
    if (status != TRACUU_STATUS_OK) {
        decode_failure (opts, job, &dopts, &dec, status);
        goto DONE;
    }
    whole = cut_piece (dec.text, dec.len, WHOLE_TEXT_BYTES);
    status = tracuu_text_analyze (dec.text, whole, &text);
    if (status == TRACUU_STATUS_OK)
        status = tracuu_extract (text, &x);
    if (status != TRACUU_STATUS_OK)
        goto FAILED;
    stat_key (&job->st, key, sizeof key);
    snprintf (fingerprint, sizeof fingerprint, "%s %016llx", key,
              (unsigned long long) tracuu_index__hash (dec.text, dec.len));
    info.path = job->path;
    info.fingerprint = fingerprint;
    info.format = dec.format;
    info.encoding = dec.encoding;
    info.pages = dec.pages;
    info.ocr_pages = dec.ocr_pages;
    report_id (job->path, rid);
    xst = tracuu_document__build_report (&info, text, &job->doc);
    if (xst == XAPC_OK)
        xst = tracuu_document__add_extraction (job->doc, x);
    if (xst != XAPC_OK) {
        status = xst == XAPC_ERR_NOMEM ? TRACUU_STATUS_OUT_OF_MEMORY
                                       : TRACUU_STATUS_DATABASE_ERROR;
        why = xapc_last_error ();
        goto FAILED;
    }
    status = tracuu_cases__prepare (x, job->path, rid, &job->cases);
    tracuu_extraction_destroy (x);
    x = NULL;
    if (status == TRACUU_STATUS_OK && whole < dec.len)
        status = add_rest (job, &dec, whole, &text, &rest);
    else if (status == TRACUU_STATUS_OK) {
        rest.n_tokens = text->n_tokens;
        rest.n_replaced = text->n_replaced;
    }
    if (status != TRACUU_STATUS_OK)
        goto FAILED;
    job->outcome = TRACUU_FILE_INDEXED;
    job->text_bytes = dec.len;
    if (rest.n_tokens == 0)
        add_note (job, "no words in it");
    if (whole < dec.len)
        add_note (job, "%.1f MB of text: metadata and cases read from its "
                  "first %.1f MB", mb (dec.len), mb (whole));
    if (rest.n_replaced > 0)
        add_note (job, "%zu invalid byte sequence%s replaced by U+FFFD",
                  rest.n_replaced, rest.n_replaced == 1 ? "" : "s");
    if (dec.n_control > 0)
        add_note (job, "%zu NUL or control byte%s read as %s",
                  dec.n_control, dec.n_control == 1 ? "" : "s",
                  dec.n_control == 1 ? "a space" : "spaces");
    if (dec.unread_pages > 0)
        add_note (job, "%u page%s without text not read: %s",
                  dec.unread_pages, dec.unread_pages == 1 ? "" : "s",
                  dec.unread_reason);
    if (!tracuu_utf8__valid (job->path, strlen (job->path)))
        add_note (job, "file name is not valid UTF-8");
    goto DONE;

  FAILED:
    xapc_doc_destroy (job->doc);
    job->doc = NULL;
    tracuu_cases__dispose (&job->cases);
    job->oom = status == TRACUU_STATUS_OUT_OF_MEMORY;
    if (status == TRACUU_STATUS_OUT_OF_MEMORY)
        add_note (job, "out of memory reading %s of text; raise the memory "
                  "limit, or lower --max-text to skip such files",
                  size_text (dec.len, sz));
    else
        add_note (job, "%s", why ? why : tracuu_status_to_string (status));

  DONE:
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
    tracuu_decoded_dispose (&dec);
}

/* Xapian ran out of memory writing 'job': the changes since the last
 * commit are cancelled (a failed write may be half done) and the file
 * fails; the files written since that commit, which go with them, are
 * counted as failed too, and the next run indexes them all. A large
 * document is written in a batch of its own (see write_job()), so that
 * it is usually the only one. */
static void
write_failed (run_t *run, job_t *job)
{
    size_t lost = run->pending_files;
    xapc_status_t st = xapc_db_cancel (run->index->db);
    char note[256], sz[32];

    if (st) {
        run->fatal = tracuu_index__fail (run->index, st, "cancelling a "
                                         "failed write");
        return;
    }
    snprintf (note, sizeof note, "out of memory writing it to the index "
              "(%s of text)", size_text (job->text_bytes, sz));
    if (lost > 0)
        snprintf (note + strlen (note), sizeof note - strlen (note),
                  "; the %zu file%s indexed since the last commit went with "
                  "it: the next run indexes them", lost, lost == 1 ? "" : "s");
    run->stats->failed += lost;
    run->pending_files = run->pending_removed = run->pending_bytes = 0;
    report (run, job->path, TRACUU_FILE_FAILED, note);
}

/* Write a prepared job into the index; on the calling thread only. */
static void
write_job (run_t *run, job_t *job)
{
    char id[XAPC_MAX_TERM_BYTES + 1], rid[17];
    xapc_status_t xst;
    tracuu_status_t status = TRACUU_STATUS_OK;

    if (job->outcome != TRACUU_FILE_INDEXED) {
        report (run, job->path, job->outcome, job->reason);
        return;
    }
    if (job->text_bytes >= LARGE_DOCUMENT_BYTES
        && run->pending_files + run->pending_removed > 0
        && (run->fatal = commit (run)) != TRACUU_STATUS_OK)
        return;
    run->stats->bytes += (size_t) job->st.st_size;
    xst = xapc_db_replace_by_term (run->index->db, id,
                                   tracuu_index__id_term (job->path, id),
                                   job->doc, NULL);
    if (xst)
        status = tracuu_index__fail (run->index, xst, job->path);
    report_id (job->path, rid);
    if (status == TRACUU_STATUS_OK && job->known != NULL)
        status = tracuu_cases__remove_report (run->index, rid);
    if (status == TRACUU_STATUS_OK)
        status = tracuu_cases__write (run->index, &job->cases, job->reason,
                                      sizeof job->reason);
    if (status == TRACUU_STATUS_OUT_OF_MEMORY) {
        write_failed (run, job);
        return;
    }
    if (status != TRACUU_STATUS_OK) {
        run->fatal = status;
        return;
    }
    report (run, job->path, TRACUU_FILE_INDEXED,
            job->reason[0] ? job->reason : NULL);
    run->fatal = maybe_commit (run, job->text_bytes);
}

/* ------------------------------------------------------------------ */
/* A queue of jobs: the caller walks and writes, workers prepare ahead.  */

#define QUEUE 256               /* Jobs walked and not yet written. */
#define MAX_WORKERS 8
#define WORKER_NICE 10          /* Priority of workers below the writer's. */

/*
 * Jobs are numbered as they are walked; job i lives in ring[i % QUEUE].
 * head <= claim <= tail: jobs before head are written, jobs before claim
 * are taken by a worker, jobs before tail are walked. Workers never wait
 * for the writer while there is a walked job to prepare, so they keep
 * working across what used to be batch ends.
 */
typedef struct pool {
    pthread_t threads[MAX_WORKERS];
    size_t n_threads;
    pthread_mutex_t lock;
    pthread_cond_t work;        /* A job to take, or stop. */
    pthread_cond_t done;        /* A job became ready. */
    job_t *ring;
    size_t head;                /* Next job to write (the caller's). */
    size_t claim;               /* Next job to prepare. */
    size_t tail;                /* Next job to walk. */
    size_t ready_bytes;         /* Text of prepared jobs not yet written. */
    int stop;
    const tracuu_index_options_t *opts;
} pool_t;

static void *
worker (void *arg)
{
    pool_t *pool = arg;

#ifdef __linux__
    /* The writer is the one thread every job goes through: workers run
     * at a lower priority (Linux sets it per thread), so that they use
     * the CPU time it leaves rather than take turns with it. They have
     * QUEUE jobs of slack. */
    (void) setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), WORKER_NICE);
#endif
    pthread_mutex_lock (&pool->lock);
    for (;;) {
        job_t *job;

        /* Large files waiting for the writer hold memory: past the
         * budget, only the writer's next job is prepared. */
        while (!pool->stop
               && (pool->claim >= pool->tail
                   || (pool->claim > pool->head
                       && pool->ready_bytes > READY_BYTES_BUDGET)))
            pthread_cond_wait (&pool->work, &pool->lock);
        if (pool->stop)
            break;
        job = &pool->ring[pool->claim++ % QUEUE];
        pthread_mutex_unlock (&pool->lock);
        job_free_spent (job);
        prepare (pool->opts, job);
        pthread_mutex_lock (&pool->lock);
        job->ready = 1;
        pool->ready_bytes += job->text_bytes;
        pthread_cond_broadcast (&pool->done);
    }
    pthread_mutex_unlock (&pool->lock);
    return NULL;
}

static size_t
default_workers (void)
{
    long n = sysconf (_SC_NPROCESSORS_ONLN);

    return n < 1 ? 1 : n > MAX_WORKERS ? MAX_WORKERS : (size_t) n;
}

static tracuu_status_t
pool_start (pool_t *pool, const tracuu_index_options_t *opts, size_t workers)
{
    memset (pool, 0, sizeof *pool);
    pool->ring = calloc (QUEUE, sizeof *pool->ring);
    if (pool->ring == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    pthread_mutex_init (&pool->lock, NULL);
    pthread_cond_init (&pool->work, NULL);
    pthread_cond_init (&pool->done, NULL);
    pool->opts = opts;
    for (size_t i = 0; i < workers && workers > 1; i++)
        if (pthread_create (&pool->threads[pool->n_threads], NULL, worker,
                            pool) == 0)
            pool->n_threads++;
    return TRACUU_STATUS_OK;
}

/* Stop the workers; every walked job must be written first. */
static void
pool_stop (pool_t *pool)
{
    pthread_mutex_lock (&pool->lock);
    pool->stop = 1;
    pthread_cond_broadcast (&pool->work);
    pthread_mutex_unlock (&pool->lock);
    for (size_t i = 0; i < pool->n_threads; i++)
        pthread_join (pool->threads[i], NULL);
    for (size_t i = 0; i < QUEUE; i++)
        job_free_spent (&pool->ring[i]);
    pthread_mutex_destroy (&pool->lock);
    pthread_cond_destroy (&pool->work);
    pthread_cond_destroy (&pool->done);
    free (pool->ring);
}

/* Keep 'job' to read again alone (see retry_t); 0 if it cannot be kept. */
static int
retry_later (run_t *run, const job_t *job)
{
    retry_t *r;

    if (run->n_retry == run->alloc_retry) {
        tracuu_status_t rc = TRACUU_STATUS_OK;

        r = tracuu_array__grow (&rc, run->retry, &run->alloc_retry,
                                run->n_retry + 1, sizeof *r);
        if (r == NULL)
            return 0;
        run->retry = r;
    }
    r = &run->retry[run->n_retry];
    r->path = strdup (job->path);
    if (r->path == NULL)
        return 0;
    r->st = job->st;
    r->known = job->known;
    run->n_retry++;
    return 1;
}

/* Read again, one at a time on this thread, the files kept by
 * retry_later(); what still does not fit fails as it did. */
static void
retry_alone (run_t *run)
{
    for (size_t i = 0; i < run->n_retry; i++) {
        job_t job;

        memset (&job, 0, sizeof job);
        job.path = run->retry[i].path;
        job.st = run->retry[i].st;
        job.known = run->retry[i].known;
        if (!run->fatal) {
            prepare (run->opts, &job);
            write_job (run, &job);
        }
        job_dispose (&job);     /* Frees the path. */
    }
    free (run->retry);
    run->retry = NULL;
    run->n_retry = run->alloc_retry = 0;
}

/* Write the oldest walked job once it is prepared (here, without
 * workers); after a fatal error it is only disposed of. */
static void
write_oldest (run_t *run)
{
    pool_t *pool = run->pool;
    job_t *job = &pool->ring[pool->head % QUEUE];

    if (pool->n_threads > 0) {
        pthread_mutex_lock (&pool->lock);
        while (!job->ready)
            pthread_cond_wait (&pool->done, &pool->lock);
        pthread_mutex_unlock (&pool->lock);
    } else {
        prepare (run->opts, job);
    }
    if (!run->fatal && !(job->oom && pool->n_threads > 1
                         && retry_later (run, job)))
        write_job (run, job);
    if (pool->n_threads > 0) {
        /* The slot is reused only once the walk (this thread) fills it
         * again, so head moves on before the job is disposed of. */
        pthread_mutex_lock (&pool->lock);
        pool->ready_bytes -= job->text_bytes;
        pool->head++;
        pthread_cond_broadcast (&pool->work);
        pthread_mutex_unlock (&pool->lock);
        job->spent_doc = job->doc;
        job->spent_cases = job->cases;
        job->doc = NULL;
        memset (&job->cases, 0, sizeof job->cases);
    }
    job_dispose (job);
    if (pool->n_threads == 0)
        pool->head++;
}

/* Write every walked job. */
static void
drain (run_t *run)
{
    while (run->pool->head < run->pool->tail)
        write_oldest (run);
}

/* A free slot for the next walked job. The walk runs ahead of the
 * writer so that the workers always have jobs: the oldest job is written
 * only when the queue is full. */
static job_t *
queue_slot (run_t *run)
{
    pool_t *pool = run->pool;

    while (pool->tail - pool->head >= QUEUE)
        write_oldest (run);
    return &pool->ring[pool->tail % QUEUE];
}

/* Hand the job just filled in to the workers (or write it now). */
static void
queue_push (run_t *run)
{
    pool_t *pool = run->pool;

    pthread_mutex_lock (&pool->lock);
    pool->tail++;
    pthread_cond_signal (&pool->work);
    pthread_mutex_unlock (&pool->lock);
    if (pool->n_threads == 0)
        drain (run);
}

/* The documents under a folder, read from the stream of paths (what is
 * known holds no paths): marked as seen, or those not seen collected. */
typedef struct below {
    run_t *run;
    const char *dir;
    size_t dlen;
    int collect;                /* Collect the unseen instead of marking. */
    char **paths;
    size_t n_paths, alloc_paths;
} below_t;

static int
is_below (const char *path, size_t len, const char *dir, size_t dlen)
{
    return len > dlen && memcmp (path, dir, dlen) == 0
           && (path[dlen] == '/' || dir[dlen - 1] == '/');
}

static int
visit_below (xapc_docid_t docid, const char *value, size_t len, void *payload)
{
    below_t *b = payload;
    known_t *k;

    (void) docid;
    if (!is_below (value, len, b->dir, b->dlen))
        return 0;
    k = find_known_hash (b->run, tracuu_index__hash (value, len));
    if (k == NULL || k->seen)
        return 0;               /* New in this run, or seen. */
    if (!b->collect) {
        k->seen = 1;
        return 0;
    }
    if (b->n_paths == b->alloc_paths) {
        char **p = tracuu_array__grow (&b->run->fatal, b->paths,
                                       &b->alloc_paths, b->n_paths + 1,
                                       sizeof *p);

        if (p == NULL)
            return 1;
        b->paths = p;
    }
    if ((b->paths[b->n_paths] = strndup (value, len)) == NULL) {
        b->run->fatal = TRACUU_STATUS_OUT_OF_MEMORY;
        return 1;
    }
    b->n_paths++;
    return 0;
}

static void
read_below (run_t *run, below_t *b)
{
    xapc_status_t st;

    if (run->n_known == 0)
        return;
    st = xapc_db_values (run->index->db, TRACUU_SLOT_PATH, visit_below, b);
    if (st && !run->fatal)
        run->fatal = tracuu_index__fail (run->index, st, "reading the index");
}

/* A folder that cannot be read now keeps its documents: only a folder
 * read in full tells which files are gone. */
static void
keep_below (run_t *run, const char *dir)
{
    below_t b = { run, dir, strlen (dir), 0, NULL, 0, 0 };

    read_below (run, &b);
}

static int
on_walk (void *payload, const char *path, const struct stat *st,
         const char *problem)
{
    run_t *run = payload;
    known_t *k = find_known (run, path);
    char key[64];
    job_t *job;

    if (k != NULL)
        k->seen = 1;            /* Unreadable now is not deleted. */
    if (problem != NULL) {
        /* A folder that cannot be read keeps its documents; one passed
         * over on purpose (a database, a link out of the folder, a path
         * met before) loses those it had. */
        if (st == NULL)
            keep_below (run, path);
        else if (k != NULL)
            k->seen = 0;
        report (run, path, st ? TRACUU_FILE_SKIPPED : TRACUU_FILE_FAILED,
                problem);
        return run->fatal != TRACUU_STATUS_OK;
    }
    stat_key (st, key, sizeof key);
    if (!run->opts->force && unchanged (k, key)) {
        report (run, path, TRACUU_FILE_UNCHANGED, NULL);
        return 0;
    }
    job = queue_slot (run);
    job->path = strdup (path);
    if (job->path == NULL) {
        run->fatal = TRACUU_STATUS_OUT_OF_MEMORY;
        return 1;
    }
    job->st = *st;
    job->known = k;
    queue_push (run);
    return run->fatal != TRACUU_STATUS_OK;
}

static int
path_cmp (const void *a, const void *b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

/* Delete documents of files under 'dir' that the walk did not see, in
 * the order of their paths. */
static void
remove_vanished (run_t *run, const char *dir)
{
    below_t b = { run, dir, strlen (dir), 1, NULL, 0, 0 };

    read_below (run, &b);
    if (b.n_paths > 1)
        qsort (b.paths, b.n_paths, sizeof *b.paths, path_cmp);
    for (size_t i = 0; i < b.n_paths && !run->fatal; i++) {
        const char *path = b.paths[i];
        known_t *k = find_known (run, path);
        char id[XAPC_MAX_TERM_BYTES + 1], rid[17];
        xapc_status_t st;

        st = xapc_db_delete_by_term (run->index->db, id,
                                     tracuu_index__id_term (path, id));
        if (st) {
            run->fatal = tracuu_index__fail (run->index, st, "removing");
            break;
        }
        report_id (path, rid);
        run->fatal = tracuu_cases__remove_report (run->index, rid);
        if (k != NULL)
            k->seen = 1;
        report (run, path, TRACUU_FILE_REMOVED, NULL);
    }
    for (size_t i = 0; i < b.n_paths; i++)
        free (b.paths[i]);
    free (b.paths);
}

static double
now_seconds (void)
{
    struct timespec ts;

    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

tracuu_status_t
tracuu_index_update (tracuu_index_t *index, const char *const *paths,
                     size_t n_paths, const tracuu_index_options_t *opts,
                     tracuu_index_stats_t *stats)
{
    tracuu_index_options_t defaults = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t local;
    run_t run = { 0 };
    tracuu_walk_t walk;
    pool_t pool;
    double t0 = now_seconds ();
    tracuu_status_t status;

    if (stats == NULL)
        stats = &local;
    memset (stats, 0, sizeof *stats);
    if (index == NULL || (paths == NULL && n_paths))
        return TRACUU_STATUS_NULL_POINTER;
    if (!index->writable) {
        tracuu_index__set_error (index, "index opened read-only");
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    run.index = index;
    run.opts = opts ? opts : &defaults;
    run.stats = stats;
    if (pool_start (&pool, run.opts, run.opts->workers ? run.opts->workers
                                                       : default_workers ()))
        return TRACUU_STATUS_OUT_OF_MEMORY;
    run.pool = &pool;
    status = load_known (&run);
    memset (&walk, 0, sizeof walk);
    walk.cb = on_walk;
    walk.payload = &run;
    walk.follow = run.opts->follow_symlinks;
    walk.db = index->path;
    for (size_t i = 0; i < n_paths && status == TRACUU_STATUS_OK; i++) {
        char *abs = realpath (paths[i], NULL);
        struct stat st;

        if (abs == NULL) {
            report (&run, paths[i], TRACUU_FILE_FAILED, strerror (errno));
            continue;
        }
        tracuu_walk__run (&walk, abs);
        drain (&run);
        if (!run.fatal && stat (abs, &st) == 0 && S_ISDIR (st.st_mode))
            remove_vanished (&run, abs);
        free (abs);
        status = run.fatal;
    }
    drain (&run);
    pool_stop (&pool);
    retry_alone (&run);
    status = status ? status : run.fatal;
    tracuu_decode_thread_done ();   /* The OCR engine of this thread. */
    tracuu_walk__dispose (&walk);
    if (status == TRACUU_STATUS_OK)
        status = commit (&run);
    else
        /* What was not committed is not counted: it must not be stored
         * when the index closes either. The next run indexes it. */
        (void) xapc_db_cancel (index->db);
    free_known (&run);
    stats->seconds = now_seconds () - t0;
    return status;
}
