/* Internal: recursive walk of files and folders (walk.c). */
#ifndef TRACUU_WALK_H
#define TRACUU_WALK_H

#include <stddef.h>
#include <sys/stat.h>

/* Called for each regular file (problem NULL), and for each entry that
 * cannot be used (problem says why; st is NULL when it could not be
 * stat'ed or read, set when it is passed over on purpose). Return
 * non-zero to stop the walk. */
typedef int (*tracuu_walk_cb) (void *payload, const char *path,
                               const struct stat *st, const char *problem);

/* A walk over one or more roots. Set the first four fields, zero the
 * rest; tracuu_walk__dispose() when done. */
typedef struct tracuu_walk {
    tracuu_walk_cb cb;
    void *payload;
    int follow;                 /* Follow links out of the root. */
    const char *db;             /* The index, never walked (or NULL). */
    /* Private. */
    const char *root;           /* The root being walked (a real path). */
    struct stat db_st;
    void *seen;                 /* Files and folders met, over all roots. */
    size_t n_seen, alloc_seen;
} tracuu_walk_t;

/* Walk 'root' (a file or a folder, as an absolute real path). Returns
 * what the callback stopped with, or 0. Files met in an earlier root of
 * the same walk are passed on once. */
int tracuu_walk__run (tracuu_walk_t *w, const char *root);

void tracuu_walk__dispose (tracuu_walk_t *w);

#endif
