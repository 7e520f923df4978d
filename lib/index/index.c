/* Opening and closing the index; errors kept on the handle. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracuu/index.h"
#include "index/tracuu-index.h"
#include "index/schema.h"

void
tracuu_index__set_error (tracuu_index_t *index, const char *format, ...)
{
    va_list ap;

    va_start (ap, format);
    vsnprintf (index->error, sizeof index->error, format, ap);
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
    default:             return TRACUU_STATUS_DATABASE_ERROR;
    }
}

tracuu_status_t
tracuu_index__fail (tracuu_index_t *index, xapc_status_t st, const char *what)
{
    tracuu_index__set_error (index, "%s: %s", what, xapc_last_error ());
    return tracuu_index__status (st);
}

static char *
open_error (const char *path, tracuu_status_t status, const char *detail)
{
    char *msg = NULL;
    int n;

    switch (status) {
    case TRACUU_STATUS_DATABASE_NOT_FOUND:
        n = asprintf (&msg, "no index at '%s': create it with tracuu-index, "
                      "or give --db or TRACUU_DB", path);
        break;
    case TRACUU_STATUS_DATABASE_LOCKED:
        n = asprintf (&msg, "index '%s' is locked by another indexer; wait "
                      "for it to finish", path);
        break;
    default:
        n = asprintf (&msg, "cannot open index '%s': %s", path, detail);
        break;
    }
    return n < 0 ? NULL : msg;
}

/* An index made with another layout cannot be read or updated in place. */
static tracuu_status_t
check_schema (tracuu_index_t *index, const char *path, char **error_out)
{
    char *version = NULL;
    size_t len = 0;
    uint32_t docs = 0;
    tracuu_status_t status = TRACUU_STATUS_OK;

    if (xapc_db_get_metadata (index->db, TRACUU_META_SCHEMA,
                              strlen (TRACUU_META_SCHEMA), &version, &len)
        || xapc_db_doccount (index->db, &docs))
        return TRACUU_STATUS_DATABASE_ERROR;
    if (docs > 0 && strcmp (version, TRACUU_SCHEMA_VERSION) != 0) {
        status = TRACUU_STATUS_DATABASE_ERROR;
        if (error_out != NULL
            && asprintf (error_out, "index '%s' was made by another version "
                         "of tracuu (layout %s, this one reads layout %s); "
                         "delete it and index again", path,
                         len ? version : "unknown", TRACUU_SCHEMA_VERSION) < 0)
            *error_out = NULL;
    }
    xapc_free (version);
    return status;
}

/* Is 'path' a folder holding files but no database? Creating an index
 * there would scatter Xapian's files among the user's (--db ~/Documents).
 * Xapian recognises a database folder by its version file, "iamglass"
 * (or "iamchert" for the older format); so does this. A path that is no
 * readable folder is left to Xapian, whose error says why. */
static int
foreign_folder (const char *path)
{
    DIR *dir = opendir (path);
    struct dirent *e;
    int entries = 0, database = 0;

    if (dir == NULL)
        return 0;
    while ((e = readdir (dir)) != NULL) {
        if (strcmp (e->d_name, ".") == 0 || strcmp (e->d_name, "..") == 0)
            continue;
        entries++;
        if (strcmp (e->d_name, "iamglass") == 0
            || strcmp (e->d_name, "iamchert") == 0)
            database = 1;
    }
    closedir (dir);
    return entries > 0 && !database;
}

tracuu_status_t
tracuu_index_open (const char *path, int flags, tracuu_index_t **out,
                   char **error_out)
{
    tracuu_index_t *index;
    xapc_status_t st;
    int xflags = XAPC_DB_READ;
    tracuu_status_t status;

    if (error_out != NULL)
        *error_out = NULL;
    if (out == NULL || path == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    index = calloc (1, sizeof *index);
    if (index == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    if ((flags & TRACUU_INDEX_WRITE) && foreign_folder (path)) {
        if (error_out != NULL
            && asprintf (error_out, "%s: not a tracuu database and not empty; "
                         "give --db a new or empty folder", path) < 0)
            *error_out = NULL;
        free (index);
        return TRACUU_STATUS_DATABASE_ERROR;
    }
    if (flags & TRACUU_INDEX_WRITE) {
        xflags = XAPC_DB_CREATE_OR_OPEN;
        if (flags & TRACUU_INDEX_WAIT)
            xflags |= XAPC_DB_RETRY_LOCK;
    }
    st = xapc_db_open (path, xflags, &index->db);
    if (st != XAPC_OK) {
        status = tracuu_index__status (st);
        if (status == TRACUU_STATUS_OK || status == TRACUU_STATUS_DATABASE_MODIFIED)
            status = TRACUU_STATUS_DATABASE_ERROR;
        if (error_out != NULL)
            *error_out = open_error (path, status, xapc_last_error ());
        free (index);
        return status;
    }
    index->writable = (flags & TRACUU_INDEX_WRITE) != 0;
    index->path = strdup (path);
    status = index->path ? check_schema (index, path, error_out)
                         : TRACUU_STATUS_OUT_OF_MEMORY;
    if (status) {
        xapc_db_close (index->db);
        free (index->path);
        free (index);
        return status;
    }
    if (index->writable) {
        st = xapc_db_set_metadata (index->db, TRACUU_META_SCHEMA,
                                   strlen (TRACUU_META_SCHEMA),
                                   TRACUU_SCHEMA_VERSION,
                                   strlen (TRACUU_SCHEMA_VERSION));
        if (st != XAPC_OK) {
            if (error_out != NULL)
                *error_out = open_error (path, TRACUU_STATUS_DATABASE_ERROR,
                                         xapc_last_error ());
            xapc_db_close (index->db);
            free (index->path);
            free (index);
            return TRACUU_STATUS_DATABASE_ERROR;
        }
    }
    *out = index;
    return TRACUU_STATUS_OK;
}

void
tracuu_index_close (tracuu_index_t *index)
{
    if (index == NULL)
        return;
    xapc_db_close (index->db);
    free (index->path);
    free (index);
}

const char *
tracuu_index_last_error (const tracuu_index_t *index)
{
    return index ? index->error : "";
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

tracuu_status_t
tracuu_index_compact (tracuu_index_t *index)
{
    char *tmp = NULL, *old = NULL;
    xapc_db_t *fresh = NULL;
    xapc_status_t st;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    if (index == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (!index->writable) {
        tracuu_index__set_error (index, "index opened read-only");
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    if (asprintf (&tmp, "%s.compacting", index->path) < 0
        || asprintf (&old, "%s.old", index->path) < 0) {
        free (tmp);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    remove_dir (tmp);           /* Left by an interrupted run. */
    remove_dir (old);
    st = xapc_db_commit (index->db);
    if (!st)
        st = xapc_db_compact (index->db, tmp);
    if (st) {
        rc = tracuu_index__fail (index, st, "compacting");
        remove_dir (tmp);
        goto DONE;
    }
    /* Swap the directories, then hold the new one before letting go of
     * the old one. */
    if (rename (index->path, old) != 0 || rename (tmp, index->path) != 0) {
        tracuu_index__set_error (index, "cannot put the compact index in "
                                 "place of '%s': %s", index->path,
                                 strerror (errno));
        rc = TRACUU_STATUS_IO_ERROR;
        if (access (index->path, F_OK) != 0)
            rename (old, index->path);
        remove_dir (tmp);
        goto DONE;
    }
    st = xapc_db_open (index->path, XAPC_DB_OPEN, &fresh);
    if (st) {
        rc = tracuu_index__fail (index, st, "reopening the compact index");
        goto DONE;
    }
    xapc_db_close (index->db);
    index->db = fresh;
    remove_dir (old);

  DONE:
    free (tmp);
    free (old);
    return rc;
}
