/* Growing the typed arrays of TRACUU_ARRAY (util-private.h). */
#include <stdint.h>
#include <stdlib.h>

#include "util/util-private.h"

/* The room of a first block: 8 items, or as many more small ones as
 * 256 bytes hold, so that short strings and lists of bytes or pointers
 * seldom grow again. */
static size_t
first_room (size_t size)
{
    return size > 0 && size < 256 / 8 ? 256 / size : 8;
}

void *
tracuu_array__grow (tracuu_status_t *rc, void *items, size_t *alloc,
                    size_t need, size_t size)
{
    size_t room = *alloc ? *alloc : first_room (size);
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

/* The room of an array of 'n' items of 'size' bytes grown only by
 * tracuu_array__grow_counted(): none for 0 items, else the first room
 * doubled as often as it takes to hold them, as tracuu_array__grow()
 * gives it. */
static size_t
counted_room (size_t n, size_t size)
{
    size_t room = first_room (size);

    if (n == 0)
        return 0;
    while (room < n && room <= SIZE_MAX / 2)
        room *= 2;
    return room < n ? n : room;
}

void *
tracuu_array__grow_counted (tracuu_status_t *rc, void *items, size_t n,
                            size_t size)
{
    size_t alloc = counted_room (n, size);

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    if (n < alloc)
        return items;
    /* Doubling from that room gives the next one, the room that the next
     * call infers from the count. */
    return tracuu_array__grow (rc, items, &alloc, n + 1, size);
}
