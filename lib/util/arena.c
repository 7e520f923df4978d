/* An arena: blocks carved from chunks that are freed together. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/util-private.h"

#define CHUNK_BYTES 65536

struct tracuu_arena_chunk {
    tracuu_arena_chunk_t *next;
    alignas (max_align_t) unsigned char data[];
};

static void *
carve (tracuu_status_t *rc, tracuu_arena_t *arena, size_t size, size_t align)
{
    size_t at = (arena->used + align - 1) / align * align;
    tracuu_arena_chunk_t *chunk;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    if (arena->chunks != NULL && at <= arena->size && size <= arena->size - at) {
        arena->used = at + size;
        return arena->chunks->data + at;
    }
    /* A block larger than a chunk gets a chunk of its own, behind the
     * newest so that the newest keeps its free space. */
    if (size > SIZE_MAX - sizeof *chunk - align) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return NULL;
    }
    chunk = malloc (sizeof *chunk + (size > CHUNK_BYTES / 4 ? size : CHUNK_BYTES));
    if (chunk == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return NULL;
    }
    if (size > CHUNK_BYTES / 4 && arena->chunks != NULL) {
        chunk->next = arena->chunks->next;
        arena->chunks->next = chunk;
        return chunk->data;
    }
    chunk->next = arena->chunks;
    arena->chunks = chunk;
    arena->size = size > CHUNK_BYTES / 4 ? size : CHUNK_BYTES;
    arena->used = size;
    return chunk->data;
}

void *
tracuu_arena__alloc (tracuu_status_t *rc, tracuu_arena_t *arena, size_t size)
{
    return carve (rc, arena, size, alignof (max_align_t));
}

const char *
tracuu_arena__strndup (tracuu_status_t *rc, tracuu_arena_t *arena,
                       const char *s, size_t len)
{
    char *copy;

    if (len == SIZE_MAX && *rc == TRACUU_STATUS_OK)
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
    copy = carve (rc, arena, len + 1, 1);
    if (copy == NULL)
        return "";
    if (len > 0)
        memcpy (copy, s, len);
    copy[len] = '\0';
    return copy;
}

void
tracuu_arena__dispose (tracuu_arena_t *arena)
{
    tracuu_arena_chunk_t *chunk = arena->chunks;

    while (chunk != NULL) {
        tracuu_arena_chunk_t *next = chunk->next;

        free (chunk);
        chunk = next;
    }
    memset (arena, 0, sizeof *arena);
}
