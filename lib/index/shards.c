/*
 * An index made of shards: index folders and remote databases served by
 * xapian-tcpsrv, searched as one Xapian database (Xapian merges the
 * statistics and the matches of its sub-databases). A shard that cannot
 * be reached is left out, and the index says so, so that an answer can
 * say it is partial; a shard of another layout is refused, since its
 * terms and values would be misread.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tracuu/index.h"
#include "tracuu/printer.h"
#include "index/index-private.h"
#include "util/util-private.h"

#define DEFAULT_TIMEOUT_MS 10000
#define MAX_SHARDS 1024
#define MAX_STUB_BYTES (1 << 20)

typedef struct shard_list {
    tracuu_shard_t *items;
    size_t n, alloc;
} shard_list_t;

/* "host:port" with a port of digits only: a remote shard; 'host' may
 * be NULL to only ask. */
static int
split_remote (const char *spec, char **host, unsigned *port)
{
    const char *colon = strrchr (spec, ':');
    unsigned long v;
    char *end;

    if (colon == NULL || colon == spec || colon[1] == '\0')
        return 0;
    for (const char *p = colon + 1; *p; p++)
        if (!isdigit ((unsigned char) *p))
            return 0;
    errno = 0;
    v = strtoul (colon + 1, &end, 10);
    if (errno || v == 0 || v > 65535)
        return 0;
    if (host != NULL)
        *host = strndup (spec, (size_t) (colon - spec));
    if (port != NULL)
        *port = (unsigned) v;
    return 1;
}

static tracuu_status_t
add_shard (shard_list_t *list, const char *spec, int remote, char **error_out)
{
    tracuu_shard_t s = { 0 };

    if (list->n == MAX_SHARDS) {
        if (asprintf (error_out, "more than %d shards: join some of them into "
                      "one index", MAX_SHARDS) < 0)
            *error_out = NULL;
        return TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    if (list->n == list->alloc) {
        tracuu_status_t rc = TRACUU_STATUS_OK;
        tracuu_shard_t *items = tracuu_array__grow (&rc, list->items,
                                                    &list->alloc, list->n + 1,
                                                    sizeof *items);

        if (items == NULL)
            return rc;
        list->items = items;
    }
    s.spec = strdup (spec);
    if (s.spec == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    if (remote && !split_remote (spec, &s.host, &s.port)) {
        free (s.spec);
        if (asprintf (error_out, "shard '%s': a remote shard is HOST:PORT, "
                      "the port a number from 1 to 65535", spec) < 0)
            *error_out = NULL;
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    if (remote && s.host == NULL) {
        free (s.spec);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    list->items[list->n++] = s;
    return TRACUU_STATUS_OK;
}

/* A stub file as Xapian writes them: "auto PATH" (or "glass PATH"),
 * relative to the file's folder, and "remote HOST:PORT", one a line;
 * blank lines and '#' comments are skipped. */
static tracuu_status_t
read_stub (shard_list_t *list, const char *file, char **error_out)
{
    FILE *f = fopen (file, "r");
    char line[4096], *dir = NULL;
    const char *slash = strrchr (file, '/');
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t lineno = 0, total = 0;
    int n = 0;

    if (f == NULL) {
        if (asprintf (error_out, "cannot read the shard list '%s': %s", file,
                      strerror (errno)) < 0)
            *error_out = NULL;
        return TRACUU_STATUS_IO_ERROR;
    }
    dir = slash ? strndup (file, (size_t) (slash - file)) : strdup (".");
    if (dir == NULL)
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
    while (!rc && fgets (line, sizeof line, f) != NULL) {
        char *p = line, *word, *arg, *path = NULL;
        size_t len = strlen (line);

        lineno++;
        total += len;
        if (total > MAX_STUB_BYTES || (len == sizeof line - 1
                                       && line[len - 1] != '\n')) {
            n = asprintf (error_out, "%s:%zu: the shard list is too long or "
                          "has a line longer than %zu bytes", file, lineno,
                          sizeof line - 2);
            rc = TRACUU_STATUS_LIMIT_EXCEEDED;
            break;
        }
        while (len > 0 && isspace ((unsigned char) line[len - 1]))
            line[--len] = '\0';
        while (isspace ((unsigned char) *p))
            p++;
        if (*p == '\0' || *p == '#')
            continue;
        word = p;
        while (*p && !isspace ((unsigned char) *p))
            p++;
        if (*p)
            *p++ = '\0';
        while (isspace ((unsigned char) *p))
            p++;
        arg = p;
        if ((strcmp (word, "auto") == 0 || strcmp (word, "glass") == 0)
            && *arg) {
            if (*arg == '/')
                path = strdup (arg);
            else if (asprintf (&path, "%s/%s", dir, arg) < 0)
                path = NULL;
            rc = path ? add_shard (list, path, 0, error_out)
                      : TRACUU_STATUS_OUT_OF_MEMORY;
            free (path);
        } else if (strcmp (word, "remote") == 0 && *arg && *arg != ':'
                   && strchr (arg, ' ') == NULL) {
            rc = add_shard (list, arg, 1, error_out);
        } else {
            n = asprintf (error_out, "%s:%zu: not a shard: write 'auto FOLDER' "
                          "or 'remote HOST:PORT'", file, lineno);
            rc = TRACUU_STATUS_BAD_ARGUMENT;
        }
    }
    if (!rc && ferror (f)) {
        n = asprintf (error_out, "cannot read the shard list '%s': %s", file,
                      strerror (errno));
        rc = TRACUU_STATUS_IO_ERROR;
    }
    if (n < 0)
        *error_out = NULL;
    fclose (f);
    free (dir);
    return rc;
}

/* Open shard 's' and check it is an index of this layout. A shard
 * that cannot be reached is only marked down. */
static tracuu_status_t
open_shard (tracuu_index_t *index, tracuu_shard_t *s, xapc_db_t **out,
            char **error_out)
{
    tracuu_index_t probe = { 0 };
    const char *kreport = TRACUU_PREFIX_KIND "report";
    uint32_t reports;
    xapc_status_t st;
    tracuu_status_t rc;

    *out = NULL;
    if (s->host != NULL)
        st = xapc_db_open_remote (s->host, s->port, index->timeout_ms, &probe.db);
    else
        st = tracuu_index__open_db (s->spec, XAPC_DB_READ, &probe.db);
    /* A server that accepts and then does not answer is down too. */
    if (!st)
        st = xapc_db_termfreq (probe.db, kreport, strlen (kreport), &reports);
    if (st == XAPC_ERR_NETWORK) {
        s->down = 1;
        tracuu_index__set_error (index, "shard '%s' cannot be reached: %s",
                                 s->spec, xapc_last_error ());
        xapc_db_close (probe.db);
        return TRACUU_STATUS_OK;
    }
    if (st) {
        *error_out = tracuu_index__open_error (s->spec, st, xapc_last_error ());
        xapc_db_close (probe.db);
        rc = tracuu_index__status (st);
        return rc == TRACUU_STATUS_OK ? TRACUU_STATUS_DATABASE_ERROR : rc;
    }
    rc = tracuu_index__check_schema (&probe, s->spec, error_out);
    if (rc) {
        xapc_db_close (probe.db);
        return rc;
    }
    s->down = 0;
    *out = probe.db;
    return TRACUU_STATUS_OK;
}

/* Open every shard into a new database in *out. */
static tracuu_status_t
open_all (tracuu_index_t *index, xapc_db_t **out, size_t *up_out,
          char **error_out)
{
    xapc_db_t *all = NULL;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    xapc_status_t st = xapc_db_new_sharded (&all);
    size_t up = 0;

    for (size_t i = 0; i < index->n_shards && !st && !rc; i++) {
        xapc_db_t *db = NULL;

        rc = open_shard (index, &index->shards[i], &db, error_out);
        if (!rc && db != NULL) {
            st = xapc_db_add_shard (all, db);
            if (st)
                xapc_db_close (db);
            up++;
        }
    }
    if (!rc && st) {
        *error_out = tracuu_index__open_error ("shards", st, xapc_last_error ());
        rc = tracuu_index__status (st);
    }
    if (!rc && up == 0) {
        if (asprintf (error_out, "no shard of the index can be reached (%s); "
                      "start their servers or give other shards",
                      index->error) < 0)
            *error_out = NULL;
        rc = TRACUU_STATUS_SHARD_UNAVAILABLE;
    }
    if (rc) {
        xapc_db_close (all);
        return rc;
    }
    *out = all;
    *up_out = up;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_index_open_shards (const char *const *specs, size_t n,
                          unsigned timeout_ms, tracuu_index_t **out,
                          char **error_out)
{
    shard_list_t list = { 0 };
    tracuu_index_t *index = NULL;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    char *scratch = NULL, **error = error_out ? error_out : &scratch;
    size_t up = 0, len = 0;

    if (error_out != NULL)
        *error_out = NULL;
    if (out == NULL || (specs == NULL && n > 0))
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (n == 0)
        return TRACUU_STATUS_BAD_ARGUMENT;
    for (size_t i = 0; i < n && !rc; i++) {
        struct stat sb;
        int exists = specs[i] != NULL && stat (specs[i], &sb) == 0;

        if (specs[i] == NULL)
            rc = TRACUU_STATUS_NULL_POINTER;
        else if (exists && S_ISREG (sb.st_mode))
            rc = read_stub (&list, specs[i], error);
        else
            rc = add_shard (&list, specs[i],
                            !exists && split_remote (specs[i], NULL, NULL), error);
        if (specs[i] != NULL)
            len += strlen (specs[i]) + 2;
    }
    if (!rc && list.n == 0) {
        if (asprintf (error, "the shard list names no shard") < 0)
            *error = NULL;
        rc = TRACUU_STATUS_BAD_ARGUMENT;
    }
    if (!rc && ((index = calloc (1, sizeof *index)) == NULL
                || (index->path = malloc (len + 1)) == NULL))
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
    if (rc)
        goto FAILED;
    index->path[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            strcat (index->path, ", ");
        strcat (index->path, specs[i]);
    }
    index->shards = list.items;
    index->n_shards = list.n;
    list.items = NULL;
    list.n = 0;
    index->timeout_ms = timeout_ms ? timeout_ms : DEFAULT_TIMEOUT_MS;
    rc = open_all (index, &index->db, &up, error);
    if (rc)
        goto FAILED;
    index->error[0] = '\0';
    free (scratch);
    *out = index;
    return TRACUU_STATUS_OK;

  FAILED:
    for (size_t i = 0; i < list.n; i++) {
        free (list.items[i].spec);
        free (list.items[i].host);
    }
    free (list.items);
    tracuu_index_close (index);
    free (scratch);
    return rc;
}

tracuu_status_t
tracuu_index__reshard (tracuu_index_t *index)
{
    size_t was_down = 0, up = 0;
    xapc_db_t *db = NULL;
    char *error = NULL;
    tracuu_status_t rc;

    if (index->n_shards == 0)
        return TRACUU_STATUS_SHARD_UNAVAILABLE;
    for (size_t i = 0; i < index->n_shards; i++)
        was_down += index->shards[i].down;
    rc = open_all (index, &db, &up, &error);
    if (rc) {
        tracuu_index__set_error (index, "%s", error ? error : "out of memory");
        free (error);
        return rc;
    }
    xapc_db_close (index->db);
    index->db = db;
    /* The same shards up as before: the failure was not a shard that
     * went away, and trying again would fail again. */
    return index->n_shards - up > was_down ? TRACUU_STATUS_OK
                                           : TRACUU_STATUS_SHARD_UNAVAILABLE;
}

size_t
tracuu_index_n_shards (const tracuu_index_t *index)
{
    if (index == NULL)
        return 0;
    return index->n_shards ? index->n_shards : 1;
}

const char *
tracuu_index_shard (const tracuu_index_t *index, size_t i, int *down_out)
{
    if (down_out != NULL)
        *down_out = 0;
    if (index == NULL)
        return NULL;
    if (index->n_shards == 0)
        return i == 0 ? index->path : NULL;
    if (i >= index->n_shards)
        return NULL;
    if (down_out != NULL)
        *down_out = index->shards[i].down;
    return index->shards[i].spec;
}

size_t
tracuu_index__n_remote (const tracuu_index_t *index)
{
    size_t n = 0;

    for (size_t i = 0; index != NULL && i < index->n_shards; i++)
        n += index->shards[i].host != NULL && !index->shards[i].down;
    return n;
}

size_t
tracuu_index_n_shards_down (const tracuu_index_t *index)
{
    size_t n = 0;

    for (size_t i = 0; index != NULL && i < index->n_shards; i++)
        n += index->shards[i].down != 0;
    return n;
}

tracuu_status_t
tracuu_index__shard_state (const tracuu_index_t *index, tracuu_shard_state_t *out)
{
    size_t n = 0, bytes = 0;
    char *at;

    memset (out, 0, sizeof *out);
    if (index == NULL || index->n_shards == 0)
        return TRACUU_STATUS_OK;
    out->total = index->n_shards;
    for (size_t i = 0; i < index->n_shards; i++)
        if (index->shards[i].down) {
            n++;
            bytes += strlen (index->shards[i].spec) + 1;
        }
    if (n == 0)
        return TRACUU_STATUS_OK;
    out->missing = malloc (n * sizeof *out->missing + bytes);
    if (out->missing == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    at = (char *) (out->missing + n);
    for (size_t i = 0; i < index->n_shards; i++)
        if (index->shards[i].down) {
            size_t len = strlen (index->shards[i].spec) + 1;

            memcpy (at, index->shards[i].spec, len);
            out->missing[out->n_missing++] = at;
            at += len;
        }
    return TRACUU_STATUS_OK;
}

void
tracuu_index__write_shards (tracuu_printer_t *p, const tracuu_shard_state_t *s,
                            const char *type)
{
    if (s->total == 0)
        return;
    if (type != NULL) {
        tracuu_printer_map_open (p);
        tracuu_printer_key (p, "type");
        tracuu_printer_string (p, type);
    } else {
        tracuu_printer_key (p, "shards");
        tracuu_printer_map_open (p);
    }
    tracuu_printer_key (p, "total");
    tracuu_printer_integer (p, (int64_t) s->total);
    tracuu_printer_key (p, "missing");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < s->n_missing; i++)
        tracuu_printer_string (p, s->missing[i]);
    tracuu_printer_close (p);
    tracuu_printer_key (p, "partial");
    tracuu_printer_bool (p, s->n_missing > 0);
    tracuu_printer_close (p);
}

tracuu_status_t
tracuu_index_open_read (const char *const *specs, size_t n,
                        unsigned timeout_ms, tracuu_index_t **out,
                        char **error_out)
{
    struct stat st;
    int folder;

    if (error_out != NULL)
        *error_out = NULL;
    if (out == NULL || specs == NULL || n == 0 || specs[0] == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    /* A folder, or a path that names nothing and is no HOST:PORT (which
     * then says there is no index there). */
    folder = n == 1 && (stat (specs[0], &st) == 0
                        ? S_ISDIR (st.st_mode)
                        : !split_remote (specs[0], NULL, NULL));
    if (folder)
        return tracuu_index_open (specs[0], TRACUU_INDEX_READ, out, error_out);
    return tracuu_index_open_shards (specs, n, timeout_ms, out, error_out);
}
