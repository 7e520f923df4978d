/* The data directory: lexicons and other files read at run time.
 *
 * A data file is looked for, in order:
 *   1. in $TRACUU_DATA_DIR, when it is set and not empty (whether or not
 *      the file is there: the user asked for that folder);
 *   2. in the installed data directory, the macro TRACUU_DATA_DIR_DEFAULT
 *      ($(PREFIX)/share/tracuu, set by the Makefile), when the file is
 *      there;
 *   3. in the copies built into the library (see scripts/embed.c), which
 *      the callers fall back to when no path is given.
 * An installed copy can so be edited without rebuilding, and a program
 * still works when nothing was installed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracuu/question.h"
#include "util/util-private.h"

#ifdef TRACUU_DATA_DIR_DEFAULT
#define DEFAULT_DIR TRACUU_DATA_DIR_DEFAULT
#else
#define DEFAULT_DIR "./data"
#endif

static const char *
env_dir (void)
{
    const char *dir = getenv ("TRACUU_DATA_DIR");

    return dir != NULL && *dir != '\0' ? dir : NULL;
}

tracuu_status_t
tracuu_data_path (const char *name, char **out)
{
    const char *dir = env_dir ();
    int n;

    if (out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (dir == NULL)
        dir = DEFAULT_DIR;
    if (name == NULL || *name == '\0')
        n = asprintf (out, "%s", dir);
    else
        n = asprintf (out, "%s/%s", dir, name);
    if (n < 0) {
        *out = NULL;
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_data__lexicon (const char *name, char **out)
{
    const char *env = env_dir (), *dir = env;
    int n;

    if (out == NULL || name == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
#ifdef TRACUU_DATA_DIR_DEFAULT
    if (dir == NULL)
        dir = TRACUU_DATA_DIR_DEFAULT;
#endif
    if (dir == NULL)
        return TRACUU_STATUS_OK;
    n = asprintf (out, "%s/lexicon/%s", dir, name);
    if (n < 0) {
        *out = NULL;
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    /* The installed copy only when it is there; $TRACUU_DATA_DIR always. */
    if (env == NULL && access (*out, R_OK) != 0) {
        free (*out);
        *out = NULL;
    }
    return TRACUU_STATUS_OK;
}
