/*
 * Walking files and folders: regular files are passed on, folders are
 * entered in name order, hidden entries inside folders are skipped, and
 * symbolic-link loops, special files and unreadable folders are reported
 * instead of followed.
 *
 * What stays inside the folder given: a symbolic link is followed only
 * when it leads to something the walk would not reach by its own path
 * (outside the folder, which needs 'follow', or into a hidden entry);
 * a link to a file inside is not followed, that file being indexed under
 * its own path. A file reached by two paths (hard links, links, folders
 * given twice) is passed on once, known by its device and inode. Xapian
 * databases (the index itself among them) are not entered.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "index/index-private.h"
#include "util/util-private.h"

typedef struct ancestor {
    dev_t dev;
    ino_t ino;
    const struct ancestor *up;
} ancestor_t;

/* A file or folder met, by device and inode, and the path it was met by. */
typedef struct seen {
    dev_t dev;
    ino_t ino;
    char *path;                 /* NULL: a free slot. */
} seen_t;

static int
name_cmp (const void *a, const void *b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

static size_t
seen_hash (dev_t dev, ino_t ino)
{
    uint64_t h = (uint64_t) ino * 0x9E3779B97F4A7C15ull ^ (uint64_t) dev;

    return (size_t) (h ^ (h >> 29));
}

static int
seen_grow (tracuu_walk_t *w)
{
    size_t alloc = w->alloc_seen ? 2 * w->alloc_seen : 1024;
    seen_t *table = calloc (alloc, sizeof *table);

    if (table == NULL)
        return -1;
    for (size_t i = 0; i < w->alloc_seen; i++) {
        seen_t *s = &((seen_t *) w->seen)[i];
        size_t k;

        if (s->path == NULL)
            continue;
        for (k = seen_hash (s->dev, s->ino) % alloc; table[k].path != NULL;
             k = (k + 1) % alloc)
            ;
        table[k] = *s;
    }
    free (w->seen);
    w->seen = table;
    w->alloc_seen = alloc;
    return 0;
}

/* The path 'st' was first met by, or NULL; nothing is recorded. */
static const char *
seen_lookup (tracuu_walk_t *w, const struct stat *st)
{
    const seen_t *table = w->seen;

    for (size_t k = seen_hash (st->st_dev, st->st_ino) % w->alloc_seen;
         table[k].path != NULL; k = (k + 1) % w->alloc_seen)
        if (table[k].dev == st->st_dev && table[k].ino == st->st_ino)
            return table[k].path;
    return NULL;
}

/* The path 'st' was first met by, or NULL, after which it is recorded as
 * met by 'path'. Out of memory, nothing is recorded: a file may then be
 * passed on twice, never lost. */
static const char *
seen_before (tracuu_walk_t *w, const struct stat *st, const char *path)
{
    seen_t *table;
    size_t k;

    if (2 * (w->n_seen + 1) > w->alloc_seen && seen_grow (w) != 0)
        return NULL;
    table = w->seen;
    for (k = seen_hash (st->st_dev, st->st_ino) % w->alloc_seen;
         table[k].path != NULL; k = (k + 1) % w->alloc_seen)
        if (table[k].dev == st->st_dev && table[k].ino == st->st_ino)
            return table[k].path;
    table[k].path = strdup (path);
    if (table[k].path != NULL) {
        table[k].dev = st->st_dev;
        table[k].ino = st->st_ino;
        w->n_seen++;
    }
    return NULL;
}

/* A file with one link, met by its own path, can be met again only
 * through a symbolic link or as a path given again, and those look it up
 * here. So only its inode is kept, not the path it was met by: 8 bytes a
 * slot, which is what lets a walk over millions of files stay small.
 * The table holds the files of one device (the first met); those of
 * other devices, and inode 0 (a free slot), go to the table of paths. */
static size_t
ino_hash (ino_t ino)
{
    uint64_t h = (uint64_t) ino * 0x9E3779B97F4A7C15ull;

    return (size_t) (h ^ (h >> 29));
}

static int
plain_grow (tracuu_walk_t *w)
{
    size_t alloc = w->alloc_plain ? 2 * w->alloc_plain : 4096;
    ino_t *table = calloc (alloc, sizeof *table);
    ino_t *old = w->plain;

    if (table == NULL)
        return -1;
    for (size_t i = 0; i < w->alloc_plain; i++) {
        size_t k;

        if (old[i] == 0)
            continue;
        for (k = ino_hash (old[i]) % alloc; table[k] != 0; k = (k + 1) % alloc)
            ;
        table[k] = old[i];
    }
    free (old);
    w->plain = table;
    w->alloc_plain = alloc;
    return 0;
}

/* Non-zero if 'st' can be kept in the table of plain files. */
static int
plain_fits (tracuu_walk_t *w, const struct stat *st)
{
    if (st->st_ino == 0)
        return 0;
    if (w->n_plain == 0 && w->alloc_plain == 0)
        w->plain_dev = st->st_dev;
    return st->st_dev == w->plain_dev;
}

/* Non-zero if 'st' was met as a plain file; with 'add', it is recorded
 * when it was not (out of memory, not recorded: see seen_before()). */
static int
plain_met (tracuu_walk_t *w, const struct stat *st, int add)
{
    ino_t *table;
    size_t k;

    if (w->alloc_plain == 0 && !add)
        return 0;
    if (add && 4 * (w->n_plain + 1) > 3 * w->alloc_plain
        && plain_grow (w) != 0)
        return 0;
    table = w->plain;
    for (k = ino_hash (st->st_ino) % w->alloc_plain; table[k] != 0;
         k = (k + 1) % w->alloc_plain)
        if (table[k] == st->st_ino)
            return 1;
    if (add) {
        table[k] = st->st_ino;
        w->n_plain++;
    }
    return 0;
}

/* Like seen_before() for a regular file: "" if it was met as a plain
 * file, whose path is not kept. 'direct': met by its own path below a
 * folder given, not through a link. */
static const char *
file_seen_before (tracuu_walk_t *w, const struct stat *st, const char *path,
                  int direct)
{
    int fits = plain_fits (w, st);

    if (direct && fits && st->st_nlink == 1) {
        const char *first = w->alloc_seen ? seen_lookup (w, st) : NULL;

        if (first == NULL && plain_met (w, st, 1))
            return "";
        return first;
    }
    if (fits && plain_met (w, st, 0))
        return "";
    return seen_before (w, st, path);
}

void
tracuu_walk__dispose (tracuu_walk_t *w)
{
    seen_t *table = w->seen;

    for (size_t i = 0; i < w->alloc_seen; i++)
        free (table[i].path);
    free (table);
    free (w->plain);
    w->seen = NULL;
    w->plain = NULL;
    w->n_seen = w->alloc_seen = 0;
    w->n_plain = w->alloc_plain = 0;
}

/* Non-zero if the folder 'path' holds a Xapian database. */
static int
is_database (const char *path)
{
    static const char *const markers[] = {
        "iamglass", "iamchert", "iamflint", "iamhoney", "flintlock",
        "postlist.glass",       /* A copy being written, e.g. compacted. */
    };
    char *file = NULL;

    for (size_t i = 0; i < sizeof markers / sizeof markers[0]; i++) {
        int found;

        if (asprintf (&file, "%s/%s", path, markers[i]) < 0)
            return 0;
        found = access (file, F_OK) == 0;
        free (file);
        if (found)
            return 1;
    }
    return 0;
}

/* Non-zero if 'path' is 'dir' or lies below it. */
static int
is_below (const char *path, const char *dir)
{
    size_t n = strlen (dir);

    if (n > 0 && dir[n - 1] == '/')
        n--;
    return strncmp (path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* Non-zero if some component of 'path' below 'dir' is hidden. */
static int
hidden_below (const char *path, const char *dir)
{
    const char *p = path + strlen (dir);

    for (; *p; p++)
        if (*p == '/' && p[1] == '.')
            return 1;
    return 0;
}

static int walk_path (tracuu_walk_t *w, const char *path,
                      const ancestor_t *up, int via_link);

static int
walk_dir (tracuu_walk_t *w, const char *path, const struct stat *st,
          const ancestor_t *up)
{
    ancestor_t self = { st->st_dev, st->st_ino, up };
    DIR *dir;
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, alloc = 0;
    int stop = 0;

    for (const ancestor_t *a = up; a != NULL; a = a->up)
        if (a->dev == st->st_dev && a->ino == st->st_ino)
            return w->cb (w->payload, path, NULL,
                          "symbolic link loop; not followed");
    if (w->db != NULL && w->db_st.st_ino != 0 && w->db_st.st_dev == st->st_dev
        && w->db_st.st_ino == st->st_ino)
        /* The index itself: said when asked for, else passed over. */
        return up != NULL ? 0 : w->cb (w->payload, path, st,
                                       "the index itself; not indexed");
    if (is_database (path))
        return w->cb (w->payload, path, st, "Xapian database; not indexed");
    dir = opendir (path);
    if (dir == NULL)
        return w->cb (w->payload, path, NULL, strerror (errno));
    while ((de = readdir (dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;           /* ., .., and hidden entries. */
        if (n == alloc) {
            tracuu_status_t rc = TRACUU_STATUS_OK;
            char **p = tracuu_array__grow (&rc, names, &alloc, n + 1,
                                           sizeof *p);

            if (p == NULL)
                break;
            names = p;
        }
        names[n] = strdup (de->d_name);
        if (names[n] != NULL)
            n++;
    }
    closedir (dir);
    if (n > 1)
        qsort (names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
        char *child = NULL;

        if (!stop) {
            size_t plen = strlen (path);
            int sep = plen > 0 && path[plen - 1] != '/';

            if (asprintf (&child, "%s%s%s", path, sep ? "/" : "", names[i]) >= 0) {
                stop = walk_path (w, child, &self, 0);
                free (child);
            }
        }
        free (names[i]);
    }
    free (names);
    return stop;
}

/* A symbolic link met inside a folder: follow it (1), pass it over
 * silently (0), or stop with what the callback said (-1 - result). */
static int
link_target (tracuu_walk_t *w, const char *path, int *stop)
{
    char *target = realpath (path, NULL);
    int follow;
    struct stat st;

    *stop = 0;
    if (target == NULL) {
        if (errno == ELOOP)
            *stop = w->cb (w->payload, path, NULL,
                           "symbolic link loop; not followed");
        else if (errno == ENOENT)
            *stop = w->cb (w->payload, path, NULL, "broken symbolic link");
        else
            *stop = w->cb (w->payload, path, NULL, strerror (errno));
        return 0;
    }
    if (is_below (path, target) && stat (target, &st) == 0
        && S_ISDIR (st.st_mode)) {
        free (target);
        *stop = w->cb (w->payload, path, NULL,
                       "symbolic link loop; not followed");
        return 0;
    }
    if (is_below (target, w->root))
        /* Reached by its own path, unless that path is hidden. */
        follow = hidden_below (target, w->root);
    else if (w->follow)
        follow = 1;
    else {
        follow = 0;
        *stop = w->cb (w->payload, path, stat (target, &st) == 0 ? &st : NULL,
                       "symbolic link out of the folder; not followed "
                       "(--follow follows it)");
    }
    free (target);
    return follow;
}

static int
walk_path (tracuu_walk_t *w, const char *path, const ancestor_t *up,
           int via_link)
{
    struct stat st;
    const char *first;

    if (up != NULL && !via_link && lstat (path, &st) == 0
        && S_ISLNK (st.st_mode)) {
        int stop;

        if (!link_target (w, path, &stop))
            return stop;
        via_link = 1;
    }
    if (stat (path, &st) != 0) {
        if (errno == ELOOP)
            return w->cb (w->payload, path, NULL,
                          "symbolic link loop; not followed");
        if (errno == ENOENT && lstat (path, &st) == 0)
            return w->cb (w->payload, path, NULL, "broken symbolic link");
        return w->cb (w->payload, path, NULL, strerror (errno));
    }
    if (S_ISDIR (st.st_mode)) {
        first = seen_before (w, &st, path);
        if (first != NULL) {
            char reason[512];

            snprintf (reason, sizeof reason, "same folder as %s; walked once",
                      first);
            return w->cb (w->payload, path, &st, reason);
        }
        return walk_dir (w, path, &st, up);
    }
    if (!S_ISREG (st.st_mode))
        return w->cb (w->payload, path, &st, "not a regular file (fifo, socket or "
                      "device)");
    first = file_seen_before (w, &st, path, up != NULL && !via_link);
    if (first != NULL) {
        char reason[512];

        if (*first == '\0')
            snprintf (reason, sizeof reason, "same file as one indexed by "
                      "another path; indexed once");
        else
            snprintf (reason, sizeof reason, "same file as %s; indexed once",
                      first);
        return w->cb (w->payload, path, &st, reason);
    }
    return w->cb (w->payload, path, &st, NULL);
}

int
tracuu_walk__run (tracuu_walk_t *w, const char *root)
{
    w->root = root;
    if (w->db != NULL && stat (w->db, &w->db_st) != 0)
        memset (&w->db_st, 0, sizeof w->db_st);
    return walk_path (w, root, NULL, 0);
}
