/*
 * A hash map with open addressing: linear probing in a power-of-two
 * table kept at most three quarters full. Keys are borrowed (string
 * keys) or stored (integer keys); values are size_t, usually an index
 * into an array the caller keeps.
 */
#include <stdlib.h>
#include <string.h>

#include "util/util-private.h"

struct tracuu_map_slot {
    const char *key;            /* String key, or NULL for an integer key. */
    uint64_t len;               /* Its length; the integer key otherwise. */
    uint64_t hash;              /* 0 marks an empty slot. */
    size_t value;
};

static uint64_t
hash_str (const char *key, size_t len)
{
    uint64_t h = tracuu_hash__fnv64 (TRACUU_FNV64_INIT, key, len);

    return h ? h : 1;
}

/* Integers are mixed (splitmix64's finalizer) so that runs of document
 * ids do not fill neighbouring slots. */
static uint64_t
hash_int (uint64_t k)
{
    k ^= k >> 30;
    k *= 0xbf58476d1ce4e5b9ULL;
    k ^= k >> 27;
    k *= 0x94d049bb133111ebULL;
    k ^= k >> 31;
    return k ? k : 1;
}

static int
same (const tracuu_map_slot_t *s, uint64_t hash, const char *key, uint64_t len)
{
    if (s->hash != hash || s->len != len)
        return 0;
    if (key == NULL)
        return s->key == NULL;
    return s->key != NULL && memcmp (s->key, key, (size_t) len) == 0;
}

static tracuu_map_slot_t *
find (const tracuu_map_t *map, uint64_t hash, const char *key, uint64_t len)
{
    if (map->slots == NULL)
        return NULL;
    for (size_t i = (size_t) hash & map->mask;; i = (i + 1) & map->mask) {
        tracuu_map_slot_t *s = &map->slots[i];

        if (s->hash == 0 || same (s, hash, key, len))
            return s;
    }
}

static void
grow (tracuu_status_t *rc, tracuu_map_t *map)
{
    size_t size = map->slots ? 2 * (map->mask + 1) : 16;
    tracuu_map_slot_t *old = map->slots, *slots;
    size_t old_size = old ? map->mask + 1 : 0;

    if (size > SIZE_MAX / sizeof *slots
        || (slots = calloc (size, sizeof *slots)) == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    map->slots = slots;
    map->mask = size - 1;
    for (size_t i = 0; i < old_size; i++)
        if (old[i].hash != 0)
            *find (map, old[i].hash, old[i].key, old[i].len) = old[i];
    free (old);
}

static void
put (tracuu_status_t *rc, tracuu_map_t *map, uint64_t hash, const char *key,
     uint64_t len, size_t value)
{
    tracuu_map_slot_t *s;

    if (*rc != TRACUU_STATUS_OK)
        return;
    if (map->slots == NULL || 4 * (map->n + 1) > 3 * (map->mask + 1)) {
        grow (rc, map);
        if (*rc != TRACUU_STATUS_OK)
            return;
    }
    s = find (map, hash, key, len);
    if (s->hash == 0) {
        s->hash = hash;
        s->key = key;
        s->len = len;
        map->n++;
    }
    s->value = value;
}

void
tracuu_map__put_str (tracuu_status_t *rc, tracuu_map_t *map, const char *key,
                     size_t len, size_t value)
{
    /* A string key is never NULL, even when empty. */
    put (rc, map, hash_str (key, len), key ? key : "", len, value);
}

void
tracuu_map__put_int (tracuu_status_t *rc, tracuu_map_t *map, uint64_t key,
                     size_t value)
{
    put (rc, map, hash_int (key), NULL, key, value);
}

int
tracuu_map__get_str (const tracuu_map_t *map, const char *key, size_t len,
                     size_t *value)
{
    tracuu_map_slot_t *s = find (map, hash_str (key, len), key ? key : "", len);

    if (s == NULL || s->hash == 0)
        return 0;
    if (value != NULL)
        *value = s->value;
    return 1;
}

int
tracuu_map__get_int (const tracuu_map_t *map, uint64_t key, size_t *value)
{
    tracuu_map_slot_t *s = find (map, hash_int (key), NULL, key);

    if (s == NULL || s->hash == 0)
        return 0;
    if (value != NULL)
        *value = s->value;
    return 1;
}

void
tracuu_map__dispose (tracuu_map_t *map)
{
    free (map->slots);
    memset (map, 0, sizeof *map);
}

const char *
tracuu_strpool__intern (tracuu_status_t *rc, tracuu_strpool_t *pool,
                        const char *s, size_t len)
{
    tracuu_map_slot_t *slot;
    const char *copy;

    if (*rc != TRACUU_STATUS_OK)
        return "";
    slot = find (&pool->seen, hash_str (s, len), s, len);
    if (slot != NULL && slot->hash != 0)
        return slot->key;
    copy = tracuu_arena__strndup (rc, pool->arena, s, len);
    tracuu_map__put_str (rc, &pool->seen, copy, len, 0);
    return copy;
}

void
tracuu_strpool__dispose (tracuu_strpool_t *pool)
{
    tracuu_map__dispose (&pool->seen);
}
