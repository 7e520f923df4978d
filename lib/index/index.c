/*
 * Opening, checking, compacting and closing the index; errors kept on
 * the handle.
 *
 * The index is a directory. Compaction writes a compact copy next to it
 * (PATH.compacting) and swaps the two with one rename(2) that exchanges
 * them (RENAME_EXCHANGE), so that PATH is a whole database at every
 * instant; the writer lock is held on both until the swap is done. What
 * an interrupted compaction leaves (PATH.compacting, or PATH.old from
 * versions that swapped with two renames) is removed or put back by the
 * next writer, which says so.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tracuu/index.h"
#include "index/index-private.h"

/* Times an open is tried again when the index was swapped under it. */
#define OPEN_TRIES 5

void
tracuu_index__set_error (tracuu_index_t *index, const char *format, ...)
{
    va_list ap;

    va_start (ap, format);
    vsnprintf (index->error, sizeof index->error, format, ap);
    va_end (ap);
}

/* Add a line to the notes of the index. */
static void __attribute__ ((format (printf, 2, 3)))
add_note (tracuu_index_t *index, const char *format, ...)
{
    size_t used = strlen (index->notes);
    va_list ap;

    if (used + 2 >= sizeof index->notes)
        return;
    if (used > 0)
        index->notes[used++] = '\n';
    va_start (ap, format);
    vsnprintf (index->notes + used, sizeof index->notes - used, format, ap);
    va_end (ap);
}

tracuu_status_t
tracuu_index__status (xapc_status_t st)
{
    switch (st) {
    case XAPC_OK:        return TRACUU_STATUS_OK;
    case XAPC_ERR_NOMEM: return TRACUU_STATUS_OUT_OF_MEMORY;
    case XAPC_ERR_NOT_FOUND: return TRACUU_STATUS_DATABASE_NOT_FOUND;
    case XAPC_ERR_LOCKED: return TRACUU_STATUS_DATABASE_LOCKED;
    case XAPC_ERR_MODIFIED: return TRACUU_STATUS_DATABASE_MODIFIED;
    case XAPC_ERR_QUERY: return TRACUU_STATUS_QUERY_SYNTAX;
    case XAPC_ERR_NETWORK: return TRACUU_STATUS_SHARD_UNAVAILABLE;
    case XAPC_ERR_TIMEOUT: return TRACUU_STATUS_TIMED_OUT;
    default:             return TRACUU_STATUS_DATABASE_ERROR;
    }
}

tracuu_status_t
tracuu_index__fail (tracuu_index_t *index, xapc_status_t st, const char *what)
{
    if (st == XAPC_ERR_CORRUPT)
        return tracuu_index__damaged (index, xapc_last_error ());
    if (st == XAPC_ERR_TIMEOUT) {
        tracuu_index__set_error (index, "the time limit ran out while %s", what);
        return TRACUU_STATUS_TIMED_OUT;
    }
    tracuu_index__set_error (index, "%s: %s", what, xapc_last_error ());
    return tracuu_index__status (st);
}

tracuu_status_t
tracuu_index__damaged (tracuu_index_t *index, const char *detail)
{
    tracuu_index__set_error (index, "index '%s' is damaged (%s): check it "
                             "with tracuu-index --check, then delete it and "
                             "index again", index->path ? index->path : "",
                             detail);
    return TRACUU_STATUS_DATABASE_ERROR;
}

/* The reason Xapian gave, past its "cannot open database 'PATH': ". */
static const char *
reason_of (const char *message)
{
    const char *p = strstr (message, "': ");

    return p ? p + 3 : message;
}

char *
tracuu_index__open_error (const char *path, xapc_status_t st,
                          const char *detail)
{
    char *msg = NULL;
    int n;

    switch (st) {
    case XAPC_ERR_NOT_FOUND:
        n = asprintf (&msg, "no index at '%s': create it with tracuu-index, "
                      "or give --db or TRACUU_DB", path);
        break;
    case XAPC_ERR_LOCKED:
        n = asprintf (&msg, "index '%s' is locked by another indexer; wait "
                      "for it to finish (or give --wait)", path);
        break;
    case XAPC_ERR_ACCESS:
        n = asprintf (&msg, "cannot write to index '%s' (%s): run as a user "
                      "that may write there, or give --db another folder",
                      path, reason_of (detail));
        break;
    case XAPC_ERR_CORRUPT:
        n = asprintf (&msg, "index '%s' is damaged or not an index (%s): "
                      "check it with tracuu-index --check, or delete it and "
                      "index again", path, reason_of (detail));
        break;
    default:
        n = asprintf (&msg, "cannot open index '%s': %s", path,
                      reason_of (detail));
        break;
    }
    return n < 0 ? NULL : msg;
}

/* "path" + suffix, malloc'd, or NULL. */
static char *
sibling (const char *path, const char *suffix)
{
    char *s = NULL;

    return asprintf (&s, "%s%s", path, suffix) < 0 ? NULL : s;
}

/* Non-zero if the folder 'path' holds a glass database. */
static int
has_database (const char *path)
{
    char *version = sibling (path, "/iamglass");
    int found = version != NULL && access (version, F_OK) == 0;

    free (version);
    return found;
}

/* Remove a directory of database files (no subdirectories). */
static void
remove_dir (const char *dir)
{
    DIR *d = opendir (dir);
    struct dirent *de;

    if (d == NULL)
        return;
    while ((de = readdir (d)) != NULL) {
        char *file = NULL;

        if (strcmp (de->d_name, ".") == 0 || strcmp (de->d_name, "..") == 0)
            continue;
        if (asprintf (&file, "%s/%s", dir, de->d_name) >= 0) {
            unlink (file);
            free (file);
        }
    }
    closedir (d);
    rmdir (dir);
}

/* Documents in the database at 'path', or -1 if it cannot be read. */
static long
count_documents (const char *path)
{
    xapc_db_t *db = NULL;
    uint32_t n = 0;
    long count = -1;

    if (xapc_db_open (path, XAPC_DB_READ, &db) == XAPC_OK
        && xapc_db_doccount (db, &n) == XAPC_OK)
        count = (long) n;
    xapc_db_close (db);
    return count;
}

/* Before a writer opens: an index missing but for PATH.old, left by a
 * compaction of an older version killed between its two renames, is
 * put back rather than created empty beside it. */
static void
recover_missing (tracuu_index_t *index, const char *path)
{
    char *old = sibling (path, ".old");
    struct stat st;

    if (old != NULL && lstat (path, &st) != 0 && errno == ENOENT
        && has_database (old) && rename (old, path) == 0)
        add_note (index, "put back the index from '%s', left by an "
                  "interrupted compaction", old);
    free (old);
}

/* With the writer lock held, no compaction is running: what one left
 * beside the index goes. PATH.compacting is a copy never swapped in or,
 * after the swap, the index it replaced: either way not the index.
 * PATH.old (older versions) is the index a compaction replaced, unless
 * an indexer created an empty one while it was out of place: then the
 * two are exchanged, and *reopen_out says the index must be opened
 * again. */
static tracuu_status_t
clean_leftovers (tracuu_index_t *index, int *reopen_out)
{
    char *tmp = sibling (index->path, ".compacting");
    char *old = sibling (index->path, ".old");
    struct stat st;
    uint32_t docs = 0;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    *reopen_out = 0;
    if (tmp == NULL || old == NULL) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    if (lstat (tmp, &st) == 0) {
        remove_dir (tmp);
        add_note (index, "removed '%s', left by an interrupted compaction",
                  tmp);
    }
    if (lstat (old, &st) != 0 || !S_ISDIR (st.st_mode) || !has_database (old))
        goto DONE;
    if (xapc_db_doccount (index->db, &docs) == XAPC_OK && docs == 0
        && count_documents (old) > 0) {
        xapc_db_close (index->db);
        index->db = NULL;
        *reopen_out = 1;
        if (renameat2 (AT_FDCWD, old, AT_FDCWD, index->path,
                       RENAME_EXCHANGE) != 0)
            goto DONE;
        add_note (index, "put back the index from '%s', left by an "
                  "interrupted compaction", old);
    } else {
        add_note (index, "removed '%s', left by an interrupted compaction",
                  old);
    }
    remove_dir (old);

  DONE:
    free (tmp);
    free (old);
    return rc;
}

/* A folder that holds something other than an index is not made one. */
static xapc_status_t
check_target (const char *path, char **error_out)
{
    struct stat st;
    DIR *d;
    struct dirent *de;
    int other = 0;

    if (stat (path, &st) != 0)
        return XAPC_OK;         /* Created. */
    if (!S_ISDIR (st.st_mode)) {
        if (error_out != NULL
            && asprintf (error_out, "'%s' is a file, not an index folder: "
                         "give --db a new or an index folder", path) < 0)
            *error_out = NULL;
        return XAPC_ERR_INVALID_ARGUMENT;
    }
    if (has_database (path) || (d = opendir (path)) == NULL)
        return XAPC_OK;         /* Xapian says what is wrong. */
    while ((de = readdir (d)) != NULL && !other)
        other = strcmp (de->d_name, ".") != 0 && strcmp (de->d_name, "..") != 0
                && strcmp (de->d_name, "flintlock") != 0;
    closedir (d);
    if (other && error_out != NULL
        && asprintf (error_out, "%s: not a tracuu database and not empty; "
                     "give --db a new or empty folder", path) < 0)
        *error_out = NULL;
    return other ? XAPC_ERR_INVALID_ARGUMENT : XAPC_OK;
}

static int
same_inode (const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/*
 * Open the database at 'path'. A writer waiting for the lock may get the
 * lock of an index a compaction has swapped out meanwhile (Xapian locks
 * a file inside the directory): when the directory at 'path' is not the
 * one there before the open, the open is made again. A reader opening
 * during a swap may read parts of both: it tries again too.
 */
xapc_status_t
tracuu_index__open_db (const char *path, int xflags, xapc_db_t **out)
{
    xapc_status_t st = XAPC_OK;

    for (int i = 0; i < OPEN_TRIES; i++) {
        struct stat before, after;
        int had = stat (path, &before) == 0;

        st = xapc_db_open (path, xflags, out);
        if ((st != XAPC_OK && st != XAPC_ERR_CORRUPT
             && st != XAPC_ERR_NOT_FOUND)
            || !had || stat (path, &after) != 0 || same_inode (&before, &after))
            return st;
        xapc_db_close (*out);
        *out = NULL;
    }
    return st;
}

/* An index made with another layout, or by another program, cannot be
 * read or updated in place. */
tracuu_status_t
tracuu_index__check_schema (tracuu_index_t *index, const char *path,
                            char **error_out)
{
    char *version = NULL;
    size_t len = 0;
    uint32_t docs = 0;
    tracuu_status_t status = TRACUU_STATUS_OK;
    int n = 0;

    if (xapc_db_get_metadata (index->db, TRACUU_META_SCHEMA,
                              strlen (TRACUU_META_SCHEMA), &version, &len)
        || xapc_db_doccount (index->db, &docs)) {
        if (error_out != NULL)
            *error_out = tracuu_index__open_error (path, XAPC_ERR_CORRUPT,
                                     xapc_last_error ());
        return TRACUU_STATUS_DATABASE_ERROR;
    }
    if (docs > 0 && len == 0)
        n = asprintf (error_out, "'%s' is a Xapian database made by another "
                      "program (it has no tracuu layout), not a tracuu index: "
                      "give --db another folder", path);
    else if (docs > 0 && strcmp (version, TRACUU_SCHEMA_VERSION) != 0)
        n = asprintf (error_out, "index '%s' was made by another version "
                      "of tracuu (layout %.16s, this one reads layout %s); "
                      "delete it and index again", path, version,
                      TRACUU_SCHEMA_VERSION);
    else
        error_out = NULL;
    if (error_out != NULL) {
        status = TRACUU_STATUS_DATABASE_ERROR;
        if (n < 0)
            *error_out = NULL;
    }
    xapc_free (version);
    return status;
}

tracuu_status_t
tracuu_index_open (const char *path, int flags, tracuu_index_t **out,
                   char **error_out)
{
    tracuu_index_t *index;
    xapc_status_t st;
    int xflags = XAPC_DB_READ;
    tracuu_status_t status;
    char **error = error_out;
    char *scratch = NULL;

    if (error_out != NULL)
        *error_out = NULL;
    else
        error = &scratch;
    if (out == NULL || path == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    index = calloc (1, sizeof *index);
    if (index == NULL || (index->path = strdup (path)) == NULL) {
        free (index);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    if (flags & TRACUU_INDEX_WRITE) {
        xflags = XAPC_DB_CREATE_OR_OPEN;
        if (flags & TRACUU_INDEX_WAIT)
            xflags |= XAPC_DB_RETRY_LOCK;
        recover_missing (index, path);
        st = check_target (path, error);
        if (st == XAPC_OK)
            st = tracuu_index__open_db (path, xflags, &index->db);
    } else {
        st = tracuu_index__open_db (path, xflags, &index->db);
    }
    if (st != XAPC_OK) {
        if (*error == NULL)
            *error = tracuu_index__open_error (path, st, xapc_last_error ());
        status = tracuu_index__status (st);
        if (status == TRACUU_STATUS_OK || status == TRACUU_STATUS_DATABASE_MODIFIED)
            status = TRACUU_STATUS_DATABASE_ERROR;
        goto FAILED;
    }
    index->writable = (flags & TRACUU_INDEX_WRITE) != 0;
    status = tracuu_index__check_schema (index, path, error);
    if (status == TRACUU_STATUS_OK && index->writable) {
        int reopen;

        status = clean_leftovers (index, &reopen);
        if (status == TRACUU_STATUS_OK && reopen
            && (st = tracuu_index__open_db (path, xflags, &index->db)) != XAPC_OK) {
            *error = tracuu_index__open_error (path, st, xapc_last_error ());
            status = tracuu_index__status (st);
            if (status == TRACUU_STATUS_OK)
                status = TRACUU_STATUS_DATABASE_ERROR;
        }
    }
    if (status)
        goto FAILED;
    if (index->writable) {
        st = xapc_db_set_metadata (index->db, TRACUU_META_SCHEMA,
                                   strlen (TRACUU_META_SCHEMA),
                                   TRACUU_SCHEMA_VERSION,
                                   strlen (TRACUU_SCHEMA_VERSION));
        if (st != XAPC_OK) {
            *error = tracuu_index__open_error (path, st, xapc_last_error ());
            status = TRACUU_STATUS_DATABASE_ERROR;
            goto FAILED;
        }
    }
    free (scratch);
    *out = index;
    return TRACUU_STATUS_OK;

  FAILED:
    xapc_db_close (index->db);
    free (index->path);
    free (index);
    free (scratch);
    return status;
}

void
tracuu_index_close (tracuu_index_t *index)
{
    if (index == NULL)
        return;
    xapc_db_close (index->db);
    for (size_t i = 0; i < index->n_shards; i++) {
        free (index->shards[i].spec);
        free (index->shards[i].host);
    }
    free (index->shards);
    free (index->path);
    free (index);
}

const char *
tracuu_index_last_error (const tracuu_index_t *index)
{
    return index ? index->error : "";
}

const char *
tracuu_index_notes (const tracuu_index_t *index)
{
    return index ? index->notes : "";
}

tracuu_status_t
tracuu_index_count_reports (tracuu_index_t *index, uint32_t *out)
{
    xapc_status_t st;
    const char *term = TRACUU_PREFIX_KIND "report";

    if (index == NULL || out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    st = xapc_db_termfreq (index->db, term, strlen (term), out);
    return st ? tracuu_index__fail (index, st, "counting reports") : 0;
}

tracuu_status_t
tracuu_index_reopen (tracuu_index_t *index, int *changed_out)
{
    xapc_status_t st;
    int changed = 0;

    if (changed_out != NULL)
        *changed_out = 0;
    if (index == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    st = xapc_db_reopen (index->db, &changed);
    if (st)
        return tracuu_index__fail (index, st, "reopening the database");
    if (changed_out != NULL)
        *changed_out = changed;
    return TRACUU_STATUS_OK;
}

/* Put the compact copy 'tmp' in place of the index at 'path'; *gone_out
 * is where the old index is then. One rename exchanging them where the
 * file system can (Linux: ext4, xfs, btrfs, tmpfs...); else two renames,
 * with a moment in which 'path' is missing, which a writer that comes
 * then repairs (recover_missing()). */
static int
swap_in (const char *tmp, const char *path, const char *old,
         const char **gone_out)
{
    *gone_out = tmp;
    if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, path, RENAME_EXCHANGE) == 0)
        return 0;
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return -1;
    *gone_out = old;
    if (rename (path, old) != 0)
        return -1;
    if (rename (tmp, path) != 0) {
        int saved = errno;

        rename (old, path);
        errno = saved;
        return -1;
    }
    return 0;
}

tracuu_status_t
tracuu_index_compact (tracuu_index_t *index)
{
    char *tmp = NULL, *old = NULL;
    xapc_db_t *fresh = NULL, *reader = NULL;
    const char *gone = NULL;
    xapc_status_t st;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    if (index == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (!index->writable) {
        tracuu_index__set_error (index, "index opened read-only");
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    tmp = sibling (index->path, ".compacting");
    old = sibling (index->path, ".old");
    if (tmp == NULL || old == NULL) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    remove_dir (tmp);           /* We hold the lock: nobody compacts. */
    st = xapc_db_commit (index->db);
    if (!st)
        st = xapc_db_compact (index->db, tmp);
    /* The copy is locked too before it takes the index's place, so that
     * no writer starts on it before the old one is let go. */
    if (!st)
        st = xapc_db_open (tmp, XAPC_DB_OPEN, &fresh);
    if (st) {
        rc = tracuu_index__fail (index, st, "compacting");
        remove_dir (tmp);
        goto DONE;
    }
    if (swap_in (tmp, index->path, old, &gone) != 0) {
        tracuu_index__set_error (index, "cannot put the compact index in "
                                 "place of '%s': %s", index->path,
                                 strerror (errno));
        rc = TRACUU_STATUS_IO_ERROR;
        xapc_db_close (fresh);
        remove_dir (tmp);
        goto DONE;
    }
    /* Neither handle has changes to write, and each now names the other
     * directory: they are only closed. The old index goes, and the
     * index handle reads the compact one. */
    xapc_db_close (index->db);
    index->db = NULL;
    remove_dir (gone);
    xapc_db_close (fresh);
    st = xapc_db_open (index->path, XAPC_DB_READ, &reader);
    if (st)
        rc = tracuu_index__fail (index, st, "reopening the compact index");
    index->db = reader;
    index->writable = 0;

  DONE:
    free (tmp);
    free (old);
    return rc;
}

/* Value checks of tracuu_index_check(). */
typedef struct check {
    tracuu_index_t *index;
    size_t bad;                 /* Values that fail their check. */
    char first[256];            /* What the first one is. */
} check_t;

static void __attribute__ ((format (printf, 2, 3)))
check_fail (check_t *c, const char *format, ...)
{
    va_list ap;

    if (c->bad++ > 0)
        return;
    va_start (ap, format);
    vsnprintf (c->first, sizeof c->first, format, ap);
    va_end (ap);
}

static int
check_path (xapc_docid_t docid, const char *value, size_t len, void *payload)
{
    if (!tracuu_index__valid_path (value, len))
        check_fail (payload, "document %u: its path is not an absolute path",
                    (unsigned) docid);
    return 0;
}

static int
check_stored (xapc_docid_t docid, const char *value, size_t len,
              void *payload)
{
    char *text = NULL;
    size_t n;

    /* A case document keeps its records there, a report its text. */
    if (len >= TRACUU_CASEREC_MAGIC_LEN
        && memcmp (value, TRACUU_CASEREC_MAGIC, TRACUU_CASEREC_MAGIC_LEN) == 0) {
        tracuu_caserecs_t recs = { 0 };
        tracuu_status_t rc = tracuu_caserec__decode (value, len, &recs);

        tracuu_caserec__dispose (&recs);
        if (rc == TRACUU_STATUS_OUT_OF_MEMORY)
            check_fail (payload, "document %u: out of memory reading its "
                        "case records", (unsigned) docid);
        else if (rc != TRACUU_STATUS_OK)
            check_fail (payload, "document %u: its case records cannot be "
                        "read", (unsigned) docid);
        return 0;
    }
    if (len > 0 && tracuu_store__unpack (value, len, &text, &n))
        check_fail (payload, "document %u: its stored text does not "
                    "uncompress", (unsigned) docid);
    free (text);
    return 0;
}

tracuu_status_t
tracuu_index_check (const char *path, char **report_out, size_t *errors_out)
{
    xapc_db_t *db = NULL;
    char *xreport = NULL;
    size_t xerrors = 0;
    tracuu_index_t index = { 0 };
    check_t c;
    xapc_status_t st;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    int n;

    if (path == NULL || report_out == NULL || errors_out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *report_out = NULL;
    *errors_out = 0;
    st = xapc_db_check (path, &xerrors, &xreport);
    if (st == XAPC_ERR_NOT_FOUND) {
        n = asprintf (report_out, "no index at '%s'", path);
        rc = TRACUU_STATUS_DATABASE_NOT_FOUND;
        goto DONE;
    }
    memset (&c, 0, sizeof c);
    index.path = (char *) path;
    c.index = &index;
    if (st == XAPC_OK && xerrors == 0)
        st = xapc_db_open (path, XAPC_DB_READ, &db);
    if (st == XAPC_OK && xerrors == 0)
        st = xapc_db_values (db, TRACUU_SLOT_PATH, check_path, &c);
    if (st == XAPC_OK && xerrors == 0)
        st = xapc_db_values (db, TRACUU_SLOT_STORED, check_stored, &c);
    if (st != XAPC_OK) {
        xerrors++;
        n = asprintf (report_out, "index '%s' is damaged: %s", path,
                      reason_of (xapc_last_error ()));
    } else if (xerrors > 0) {
        n = asprintf (report_out, "index '%s' is damaged: Xapian found %zu "
                      "error%s in its tables%s%s", path, xerrors,
                      xerrors == 1 ? "" : "s", xreport && *xreport ? ":\n" : "",
                      xreport ? xreport : "");
    } else if (c.bad > 0) {
        n = asprintf (report_out, "index '%s' is damaged: %zu value%s cannot "
                      "be read (%s)", path, c.bad, c.bad == 1 ? "" : "s",
                      c.first);
    } else {
        n = asprintf (report_out, "index '%s': no errors found", path);
    }
    *errors_out = xerrors + c.bad;

  DONE:
    if (n < 0)
        *report_out = NULL;
    xapc_free (xreport);
    xapc_db_close (db);
    return rc;
}

int
tracuu_index__valid_path (const char *value, size_t len)
{
    return len > 1 && len < 4096 && value[0] == '/'
           && memchr (value, '\0', len) == NULL;
}
