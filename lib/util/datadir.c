/* The data directory: lexicons and other files read at run time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/question.h"

#ifdef TRACUU_DATA_DIR_DEFAULT
#define DEFAULT_DIR TRACUU_DATA_DIR_DEFAULT
#else
#define DEFAULT_DIR "./data"
#endif

tracuu_status_t
tracuu_data_path (const char *name, char **out)
{
    const char *dir = getenv ("TRACUU_DATA_DIR");
    int n;

    if (out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (dir == NULL || *dir == '\0')
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
