/*
 * Walking files and folders: regular files are passed on, folders are
 * entered in name order, hidden entries inside folders are skipped, and
 * symbolic-link loops, special files and unreadable folders are reported
 * instead of followed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "index/tracuu-walk.h"

typedef struct ancestor {
    dev_t dev;
    ino_t ino;
    const struct ancestor *up;
} ancestor_t;

static int
name_cmp (const void *a, const void *b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

static int walk_path (const char *path, const ancestor_t *up,
                      tracuu_walk_cb cb, void *payload);

static int
walk_dir (const char *path, const struct stat *st, const ancestor_t *up,
          tracuu_walk_cb cb, void *payload)
{
    ancestor_t self = { st->st_dev, st->st_ino, up };
    DIR *dir;
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, alloc = 0;
    int stop = 0;

    for (const ancestor_t *a = up; a != NULL; a = a->up)
        if (a->dev == st->st_dev && a->ino == st->st_ino)
            return cb (payload, path, NULL, "symbolic link loop; not followed");
    dir = opendir (path);
    if (dir == NULL)
        return cb (payload, path, NULL, strerror (errno));
    while ((de = readdir (dir)) != NULL) {
        if (de->d_name[0] == '.')
            continue;           /* ., .., and hidden entries. */
        if (n == alloc) {
            size_t na = alloc ? 2 * alloc : 64;
            char **p = realloc (names, na * sizeof *p);

            if (p == NULL)
                break;
            names = p;
            alloc = na;
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
                stop = walk_path (child, &self, cb, payload);
                free (child);
            }
        }
        free (names[i]);
    }
    free (names);
    return stop;
}

static int
walk_path (const char *path, const ancestor_t *up, tracuu_walk_cb cb,
           void *payload)
{
    struct stat st;

    if (stat (path, &st) != 0) {
        if (errno == ELOOP)
            return cb (payload, path, NULL, "symbolic link loop; not followed");
        if (errno == ENOENT && lstat (path, &st) == 0)
            return cb (payload, path, NULL, "broken symbolic link");
        return cb (payload, path, NULL, strerror (errno));
    }
    if (S_ISDIR (st.st_mode))
        return walk_dir (path, &st, up, cb, payload);
    if (!S_ISREG (st.st_mode))
        return cb (payload, path, &st, "not a regular file (fifo, socket or "
                   "device)");
    return cb (payload, path, &st, NULL);
}

int
tracuu_walk__run (const char *path, tracuu_walk_cb cb, void *payload)
{
    return walk_path (path, NULL, cb, payload);
}
