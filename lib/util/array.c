/* Growing the typed arrays of TRACUU_ARRAY (tracuu-private.h). */
#include <stdint.h>
#include <stdlib.h>

#include "util/tracuu-private.h"

void *
tracuu_array__grow (tracuu_status_t *rc, void *items, size_t *alloc,
                    size_t need, size_t size)
{
    size_t room = *alloc ? *alloc : 8;
    void *grown;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    if (need <= *alloc)
        return items;
    while (room < need) {
        if (room > SIZE_MAX / 2) {
            room = need;
            break;
        }
        room *= 2;
    }
    if (size != 0 && room > SIZE_MAX / size) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return NULL;
    }
    grown = realloc (items, room * size);
    if (grown == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return NULL;
    }
    *alloc = room;
    return grown;
}
