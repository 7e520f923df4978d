/* Unique id terms for paths, and the hash they use when paths are long. */
#include <stdio.h>
#include <string.h>

#include "index/index-private.h"
#include "util/util-private.h"

uint64_t
tracuu_index__hash (const void *data, size_t len)
{
    return tracuu_hash__fnv64 (TRACUU_FNV64_INIT, data, len);
}

/* Paths longer than a term allows keep their first 200 bytes, so that a
 * folder's documents still share the folder's prefix, then a hash. */
size_t
tracuu_index__id_term (const char *path, char *out)
{
    size_t len = strlen (path);

    if (len + 1 <= XAPC_MAX_TERM_BYTES) {
        out[0] = TRACUU_PREFIX_ID[0];
        memcpy (out + 1, path, len + 1);
        return len + 1;
    }
    out[0] = TRACUU_PREFIX_ID[0];
    memcpy (out + 1, path, 200);
    return 201 + (size_t) snprintf (out + 201, XAPC_MAX_TERM_BYTES - 200,
                                    "#%016llx",
                                    (unsigned long long) tracuu_index__hash (path, len));
}
