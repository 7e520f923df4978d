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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "tracuu/analysis.h"
#include "tracuu/decode.h"
#include "tracuu/extract.h"
#include "tracuu/index.h"
#include "tracuu-cases.h"
#include "tracuu-document.h"
#include "tracuu-index.h"
#include "tracuu-private.h"
#include "tracuu-walk.h"
#include "schema.h"

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

static int
valid_utf8 (const char *s)
{
    size_t len = strlen (s), i = 0;

    while (i < len) {
        int32_t cp;

        i += tracuu_utf8__decode ((const unsigned char *) s + i, len - i, &cp);
        if (cp < 0)
            return 0;
    }
    return 1;
}

/* The R term value linking cases to the report at 'path'. */
static void
report_id (const char *path, char out[17])
{
    snprintf (out, 17, "%016llx",
              (unsigned long long) tracuu_index__hash (path, strlen (path)));
}

static void
index_file (run_t *run, const char *path, const struct stat *st)
{
    tracuu_decode_options_t dopts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t dec = { 0 };
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = NULL;
    tracuu_report_info_t info;
    xapc_doc_t *doc = NULL;
    known_t *k = find_known (run, path);
    char key[64], fingerprint[96], id[XAPC_MAX_TERM_BYTES + 1], note[160];
    char rid[17];
    tracuu_status_t status;
    xapc_status_t xst;

    stat_key (st, key, sizeof key);
    if (k != NULL)
        k->seen = 1;
    if (!run->opts->force && unchanged (k, key)) {
        report (run, path, TRACUU_FILE_UNCHANGED, NULL);
        return;
    }
    dopts.encoding = run->opts->encoding;
    dopts.max_input_bytes = run->opts->max_file_bytes ? run->opts->max_file_bytes
                                                      : DEFAULT_MAX_FILE_BYTES;
    status = tracuu_decode_file (path, &dopts, &dec);
    if (status == TRACUU_STATUS_LIMIT_EXCEEDED
        && (size_t) st->st_size > dopts.max_input_bytes) {
        snprintf (note, sizeof note, "file is %.1f MB, over the %.1f MB limit; "
                  "raise it with --max-size to index it",
                  (double) st->st_size / 1048576.0,
                  (double) dopts.max_input_bytes / 1048576.0);
        report (run, path, TRACUU_FILE_FAILED, note);
        goto DONE;
    }
    if (status != TRACUU_STATUS_OK) {
        report (run, path, status == TRACUU_STATUS_UNSUPPORTED_FORMAT
                           ? TRACUU_FILE_SKIPPED : TRACUU_FILE_FAILED,
                dec.error[0] ? dec.error : tracuu_status_to_string (status));
        goto DONE;
    }
    run->stats->bytes += (size_t) st->st_size;
    status = tracuu_text_analyze (dec.text, dec.len, &text);
    if (status != TRACUU_STATUS_OK) {
        report (run, path, TRACUU_FILE_FAILED, tracuu_status_to_string (status));
        goto DONE;
    }
    snprintf (fingerprint, sizeof fingerprint, "%s %016llx", key,
              (unsigned long long) tracuu_index__hash (dec.text, dec.len));
    info.path = path;
    info.fingerprint = fingerprint;
    info.format = dec.format;
    info.encoding = dec.encoding;
    status = tracuu_extract (text, &x);
    if (status != TRACUU_STATUS_OK) {
        report (run, path, TRACUU_FILE_FAILED, tracuu_status_to_string (status));
        goto DONE;
    }
    xst = tracuu_document__build_report (&info, text, &doc);
    if (!xst)
        xst = tracuu_document__add_extraction (doc, x);
    if (!xst) {
        size_t id_len = tracuu_index__id_term (path, id);

        xst = xapc_db_replace_by_term (run->index->db, id, id_len, doc, NULL);
    }
    if (xst) {
        run->fatal = tracuu_index__fail (run->index, xst, path);
        goto DONE;
    }
    report_id (path, rid);
    if (k != NULL)
        run->fatal = tracuu_cases__remove_report (run->index, rid);
    if (!run->fatal)
        run->fatal = tracuu_cases__add_report (run->index, x, path, rid);
    if (run->fatal)
        goto DONE;
    note[0] = '\0';
    if (text->n_replaced > 0)
        snprintf (note, sizeof note, "%zu invalid byte sequence%s replaced "
                  "by U+FFFD", text->n_replaced, text->n_replaced == 1 ? "" : "s");
    if (!valid_utf8 (path))
        snprintf (note + strlen (note), sizeof note - strlen (note),
                  "%sfile name is not valid UTF-8", note[0] ? "; " : "");
    report (run, path, TRACUU_FILE_INDEXED, note[0] ? note : NULL);
    run->fatal = maybe_commit (run, dec.len);

  DONE:
    tracuu_extraction_destroy (x);
    xapc_doc_destroy (doc);
    tracuu_text_destroy (text);
    tracuu_decoded_dispose (&dec);
}

static int
on_walk (void *payload, const char *path, const struct stat *st,
         const char *problem)
{
    run_t *run = payload;

    if (problem != NULL) {
        known_t *k = find_known (run, path);

        if (k != NULL)
            k->seen = 1;        /* Unreadable now is not deleted. */
        report (run, path, st ? TRACUU_FILE_SKIPPED : TRACUU_FILE_FAILED,
                problem);
    } else {
        index_file (run, path, st);
    }
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
    status = load_known (&run);
    for (size_t i = 0; i < n_paths && status == TRACUU_STATUS_OK; i++) {
        char *abs = realpath (paths[i], NULL);
        struct stat st;

        if (abs == NULL) {
            report (&run, paths[i], TRACUU_FILE_FAILED, strerror (errno));
            continue;
        }
        tracuu_walk__run (abs, on_walk, &run);
        if (!run.fatal && stat (abs, &st) == 0 && S_ISDIR (st.st_mode))
            remove_vanished (&run, abs);
        free (abs);
        status = run.fatal;
    }
    if (status == TRACUU_STATUS_OK) {
        xapc_status_t st = xapc_db_commit (index->db);

        if (st)
            status = tracuu_index__fail (index, st, "committing");
    }
    free_known (&run);
    stats->seconds = now_seconds () - t0;
    return status;
}
