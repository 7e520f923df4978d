/* Internal: recursive walk of files and folders (walk.c). */
#ifndef TRACUU_WALK_H
#define TRACUU_WALK_H

#include <sys/stat.h>

/* Called for each regular file (problem NULL), and for each entry that
 * cannot be used (problem says why; st is NULL when it could not be
 * stat'ed). Return non-zero to stop the walk. */
typedef int (*tracuu_walk_cb) (void *payload, const char *path,
                               const struct stat *st, const char *problem);

/* Walk 'path' (a file or a folder). Returns what the callback stopped
 * with, or 0. */
int tracuu_walk__run (const char *path, tracuu_walk_cb cb, void *payload);

#endif
