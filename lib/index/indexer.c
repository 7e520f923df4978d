/*
 * Keeping the index in step with folders of reports: what is known is
 * loaded once from two value streams (paths and fingerprints), files are
 * walked, unchanged ones skipped by size and mtime, the rest decoded,
 * analyzed and replaced by their unique id term, and documents of files
 * gone from a walked folder deleted. Commits happen by bytes of text, so
 * an interrupted run loses at most the work since its last commit.
 */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
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
#include "index/tracuu-cases.h"
#include "index/tracuu-document.h"
#include "index/tracuu-index.h"
#include "util/tracuu-private.h"
#include "index/tracuu-walk.h"
#include "index/schema.h"

#define DEFAULT_COMMIT_BYTES ((size_t) 64 << 20)
#define DEFAULT_MAX_FILE_BYTES ((size_t) 64 << 20)

/* One document already in the index. */
typedef struct known {
    xapc_docid_t docid;
    char *path;
    char *fingerprint;
    int seen;
} known_t;

typedef struct run {
    tracuu_index_t *index;
    const tracuu_index_options_t *opts;
    tracuu_index_stats_t *stats;
    known_t *known;             /* Sorted by path. */
    size_t n_known;
    size_t alloc_known;
    size_t pending_bytes;
    tracuu_status_t fatal;      /* A database failure ends the run. */
    struct pool *pool;          /* The queue of jobs and its workers. */
} run_t;

static void
report (run_t *run, const char *path, tracuu_outcome_t outcome,
        const char *reason)
{
    switch (outcome) {
    case TRACUU_FILE_INDEXED:   run->stats->indexed++; break;
    case TRACUU_FILE_UNCHANGED: run->stats->unchanged++; break;
    case TRACUU_FILE_REMOVED:   run->stats->removed++; break;
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

    if (run->n_known == run->alloc_known) {
        size_t alloc = run->alloc_known ? 2 * run->alloc_known : 1024;
        known_t *p = realloc (run->known, alloc * sizeof *p);

        if (p == NULL) {
            run->fatal = TRACUU_STATUS_OUT_OF_MEMORY;
            return 1;
        }
        run->known = p;
        run->alloc_known = alloc;
    }
    k = &run->known[run->n_known];
    k->docid = docid;
    k->path = strndup (value, len);
    k->fingerprint = NULL;
    k->seen = 0;
    if (k->path == NULL) {
        run->fatal = TRACUU_STATUS_OUT_OF_MEMORY;
        return 1;
    }
    run->n_known++;
    return 0;
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
        run->known[c->i].fingerprint = strndup (value, len);
        if (run->known[c->i].fingerprint == NULL) {
            run->fatal = TRACUU_STATUS_OUT_OF_MEMORY;
            return 1;
        }
    }
    return 0;
}

static int
known_cmp (const void *a, const void *b)
{
    return strcmp (((const known_t *) a)->path, ((const known_t *) b)->path);
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
find_known (run_t *run, const char *path)
{
    known_t key = { 0, (char *) path, NULL, 0 };

    if (run->n_known == 0)
        return NULL;
    return bsearch (&key, run->known, run->n_known, sizeof key, known_cmp);
}

static void
free_known (run_t *run)
{
    for (size_t i = 0; i < run->n_known; i++) {
        free (run->known[i].path);
        free (run->known[i].fingerprint);
    }
    free (run->known);
}

static tracuu_status_t
maybe_commit (run_t *run, size_t bytes)
{
    size_t limit = run->opts->commit_bytes ? run->opts->commit_bytes
                                           : DEFAULT_COMMIT_BYTES;
    xapc_status_t st;

    run->pending_bytes += bytes;
    if (run->pending_bytes < limit)
        return TRACUU_STATUS_OK;
    run->pending_bytes = 0;
    st = xapc_db_commit (run->index->db);
    return st ? tracuu_index__fail (run->index, st, "committing") : 0;
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
    size_t n = strlen (key);

    return k != NULL && k->fingerprint != NULL
           && strncmp (k->fingerprint, key, n) == 0
           && (k->fingerprint[n] == ' ' || k->fingerprint[n] == '\0');
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
    tracuu_status_t fatal;      /* Out of memory while preparing. */
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

/* Decode, analyze, extract and build the document of one file. Runs on
 * any thread: it touches nothing but the job. */
static void
prepare (const tracuu_index_options_t *opts, job_t *job)
{
    tracuu_decode_options_t dopts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t dec = { 0 };
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = NULL;
    tracuu_report_info_t info;
    char key[64], fingerprint[96], rid[17];
    tracuu_status_t status;
    size_t size = (size_t) job->st.st_size;

    job->outcome = TRACUU_FILE_FAILED;
    dopts.encoding = opts->encoding;
    dopts.max_input_bytes = opts->max_file_bytes ? opts->max_file_bytes
                                                 : DEFAULT_MAX_FILE_BYTES;
    status = tracuu_decode_file (job->path, &dopts, &dec);
    if (status == TRACUU_STATUS_LIMIT_EXCEEDED && size > dopts.max_input_bytes) {
        snprintf (job->reason, sizeof job->reason, "file is %.1f MB, over the "
                  "%.1f MB limit; raise it with --max-size to index it",
                  (double) size / 1048576.0,
                  (double) dopts.max_input_bytes / 1048576.0);
        goto DONE;
    }
    if (status != TRACUU_STATUS_OK) {
        if (status == TRACUU_STATUS_UNSUPPORTED_FORMAT)
            job->outcome = TRACUU_FILE_SKIPPED;
        snprintf (job->reason, sizeof job->reason, "%s",
                  dec.error[0] ? dec.error : tracuu_status_to_string (status));
        goto DONE;
    }
    status = tracuu_text_analyze (dec.text, dec.len, &text);
    if (status == TRACUU_STATUS_OK)
        status = tracuu_extract (text, &x);
    if (status != TRACUU_STATUS_OK) {
        snprintf (job->reason, sizeof job->reason, "%s",
                  tracuu_status_to_string (status));
        if (status == TRACUU_STATUS_OUT_OF_MEMORY)
            job->fatal = status;
        goto DONE;
    }
    stat_key (&job->st, key, sizeof key);
    snprintf (fingerprint, sizeof fingerprint, "%s %016llx", key,
              (unsigned long long) tracuu_index__hash (dec.text, dec.len));
    info.path = job->path;
    info.fingerprint = fingerprint;
    info.format = dec.format;
    info.encoding = dec.encoding;
    report_id (job->path, rid);
    if (tracuu_document__build_report (&info, text, &job->doc)
        || tracuu_document__add_extraction (job->doc, x)
        || tracuu_cases__prepare (x, job->path, rid, &job->cases)) {
        snprintf (job->reason, sizeof job->reason, "%s", xapc_last_error ());
        job->fatal = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    job->outcome = TRACUU_FILE_INDEXED;
    job->text_bytes = dec.len;
    if (text->n_tokens == 0)
        snprintf (job->reason, sizeof job->reason, "no words in it");
    if (text->n_replaced > 0)
        snprintf (job->reason, sizeof job->reason, "%zu invalid byte "
                  "sequence%s replaced by U+FFFD", text->n_replaced,
                  text->n_replaced == 1 ? "" : "s");
    if (!tracuu_utf8__valid (job->path, strlen (job->path)))
        snprintf (job->reason + strlen (job->reason),
                  sizeof job->reason - strlen (job->reason),
                  "%sfile name is not valid UTF-8", job->reason[0] ? "; " : "");

  DONE:
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
    tracuu_decoded_dispose (&dec);
}

/* Write a prepared job into the index; on the calling thread only. */
static void
write_job (run_t *run, job_t *job)
{
    char id[XAPC_MAX_TERM_BYTES + 1], rid[17];
    xapc_status_t xst;

    if (job->fatal) {
        run->fatal = job->fatal;
        tracuu_index__set_error (run->index, "%s: %s", job->path, job->reason);
        return;
    }
    if (job->outcome != TRACUU_FILE_INDEXED) {
        report (run, job->path, job->outcome, job->reason);
        return;
    }
    run->stats->bytes += (size_t) job->st.st_size;
    xst = xapc_db_replace_by_term (run->index->db, id,
                                   tracuu_index__id_term (job->path, id),
                                   job->doc, NULL);
    if (xst) {
        run->fatal = tracuu_index__fail (run->index, xst, job->path);
        return;
    }
    report_id (job->path, rid);
    if (job->known != NULL)
        run->fatal = tracuu_cases__remove_report (run->index, rid);
    if (!run->fatal)
        run->fatal = tracuu_cases__write (run->index, &job->cases, job->reason,
                                          sizeof job->reason);
    if (run->fatal)
        return;
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

        while (!pool->stop && pool->claim >= pool->tail)
            pthread_cond_wait (&pool->work, &pool->lock);
        if (pool->stop)
            break;
        job = &pool->ring[pool->claim++ % QUEUE];
        pthread_mutex_unlock (&pool->lock);
        job_free_spent (job);
        prepare (pool->opts, job);
        pthread_mutex_lock (&pool->lock);
        job->ready = 1;
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
    if (!run->fatal)
        write_job (run, job);
    if (pool->n_threads > 0) {
        job->spent_doc = job->doc;
        job->spent_cases = job->cases;
        job->doc = NULL;
        memset (&job->cases, 0, sizeof job->cases);
    }
    job_dispose (job);
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

/* A folder that cannot be read now keeps its documents: only a folder
 * read in full tells which files are gone. */
static void
keep_below (run_t *run, const char *dir)
{
    size_t dlen = strlen (dir);

    for (size_t i = 0; i < run->n_known; i++)
        if (strncmp (run->known[i].path, dir, dlen) == 0
            && run->known[i].path[dlen] == '/')
            run->known[i].seen = 1;
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
        keep_below (run, path);
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

/* Delete documents of files under 'dir' that the walk did not see. */
static void
remove_vanished (run_t *run, const char *dir)
{
    size_t dlen = strlen (dir);

    for (size_t i = 0; i < run->n_known && !run->fatal; i++) {
        known_t *k = &run->known[i];
        char id[XAPC_MAX_TERM_BYTES + 1];
        xapc_status_t st;

        if (k->seen || strncmp (k->path, dir, dlen) != 0
            || (k->path[dlen] != '/' && dir[dlen - 1] != '/'))
            continue;
        char rid[17];

        st = xapc_db_delete_by_term (run->index->db, id,
                                     tracuu_index__id_term (k->path, id));
        if (st) {
            run->fatal = tracuu_index__fail (run->index, st, "removing");
            return;
        }
        report_id (k->path, rid);
        run->fatal = tracuu_cases__remove_report (run->index, rid);
        k->seen = 1;
        report (run, k->path, TRACUU_FILE_REMOVED, NULL);
    }
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
    for (size_t i = 0; i < n_paths && status == TRACUU_STATUS_OK; i++) {
        char *abs = realpath (paths[i], NULL);
        struct stat st;

        if (abs == NULL) {
            report (&run, paths[i], TRACUU_FILE_FAILED, strerror (errno));
            continue;
        }
        tracuu_walk__run (abs, on_walk, &run);
        drain (&run);
        if (!run.fatal && stat (abs, &st) == 0 && S_ISDIR (st.st_mode))
            remove_vanished (&run, abs);
        free (abs);
        status = run.fatal;
    }
    drain (&run);
    pool_stop (&pool);
    if (status == TRACUU_STATUS_OK) {
        xapc_status_t st = xapc_db_commit (index->db);

        if (st)
            status = tracuu_index__fail (index, st, "committing");
    }
    free_known (&run);
    stats->seconds = now_seconds () - t0;
    return status;
}
