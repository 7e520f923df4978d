/* FNV-1a hashes (Fowler, Noll, Vo): one home for every table and key
 * that hashes bytes. */
#include "util/util-private.h"

uint32_t
tracuu_hash__fnv32 (uint32_t h, const void *data, size_t len)
{
    const unsigned char *p = data;

    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 16777619u;
    return h;
}

uint64_t
tracuu_hash__fnv64 (uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;

    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}
