/*
 * The server's cache of answers: what the API answered (status 200),
 * by request and database revision, as Elasticsearch's request cache
 * keeps the results of a shard until its next refresh. The key holds
 * the revision the handle read (tracuu_index_revision()), so that after
 * an indexer commits no request finds the answers of before: each
 * thread reopens its handle first, and the new revision makes new keys.
 * Older entries are evicted as the least recently used, within a bound
 * in bytes. One lock; what is done under it is a look-up and a copy.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"

typedef struct entry {
    struct entry *next_in_bucket;
    struct entry *newer, *older;    /* The recency list. */
    uint64_t hash;
    char *key;
    size_t key_len;
    char *body;
    size_t len;
    unsigned status;
    const char *type, *download;    /* Static strings. */
} entry_t;

struct web_cache {
    pthread_mutex_t lock;
    entry_t **buckets;
    size_t n_buckets;               /* A power of two. */
    size_t n_entries;
    size_t bytes, max_bytes;
    entry_t *newest, *oldest;
};

/* 64-bit FNV-1a. */
static uint64_t
hash_of (const char *s, size_t len)
{
    uint64_t h = 14695981039346656037ULL;

    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char) s[i];
        h *= 1099511628211ULL;
    }
    return h;
}

static size_t
entry_bytes (const entry_t *e)
{
    return sizeof *e + e->key_len + e->len;
}

int
web_cache_new (size_t max_bytes, web_cache_t **out)
{
    web_cache_t *c = calloc (1, sizeof *c);

    *out = NULL;
    if (c == NULL)
        return -1;
    c->n_buckets = 1024;
    c->buckets = calloc (c->n_buckets, sizeof *c->buckets);
    if (c->buckets == NULL) {
        free (c);
        return -1;
    }
    c->max_bytes = max_bytes;
    pthread_mutex_init (&c->lock, NULL);
    *out = c;
    return 0;
}

static void
entry_free (entry_t *e)
{
    free (e->key);
    free (e->body);
    free (e);
}

void
web_cache_free (web_cache_t *c)
{
    entry_t *e, *older;

    if (c == NULL)
        return;
    for (e = c->newest; e != NULL; e = older) {
        older = e->older;
        entry_free (e);
    }
    free (c->buckets);
    pthread_mutex_destroy (&c->lock);
    free (c);
}

static void
unlink_recency (web_cache_t *c, entry_t *e)
{
    if (e->newer != NULL)
        e->newer->older = e->older;
    else
        c->newest = e->older;
    if (e->older != NULL)
        e->older->newer = e->newer;
    else
        c->oldest = e->newer;
    e->newer = e->older = NULL;
}

static void
push_newest (web_cache_t *c, entry_t *e)
{
    e->older = c->newest;
    e->newer = NULL;
    if (c->newest != NULL)
        c->newest->newer = e;
    c->newest = e;
    if (c->oldest == NULL)
        c->oldest = e;
}

static entry_t **
slot_of (web_cache_t *c, uint64_t hash, const char *key, size_t key_len)
{
    entry_t **p = &c->buckets[hash & (c->n_buckets - 1)];

    while (*p != NULL && ((*p)->hash != hash || (*p)->key_len != key_len
                          || memcmp ((*p)->key, key, key_len) != 0))
        p = &(*p)->next_in_bucket;
    return p;
}

static void
remove_entry (web_cache_t *c, entry_t *e)
{
    entry_t **p = slot_of (c, e->hash, e->key, e->key_len);

    *p = e->next_in_bucket;
    unlink_recency (c, e);
    c->bytes -= entry_bytes (e);
    c->n_entries--;
    entry_free (e);
}

/* Twice the buckets when the entries outnumber them; kept as it is when
 * memory is short (chains grow longer, nothing breaks). */
static void
grow (web_cache_t *c)
{
    size_t n = c->n_buckets * 2;
    entry_t **b = calloc (n, sizeof *b);

    if (b == NULL)
        return;
    for (size_t i = 0; i < c->n_buckets; i++) {
        entry_t *e = c->buckets[i], *next;

        for (; e != NULL; e = next) {
            next = e->next_in_bucket;
            e->next_in_bucket = b[e->hash & (n - 1)];
            b[e->hash & (n - 1)] = e;
        }
    }
    free (c->buckets);
    c->buckets = b;
    c->n_buckets = n;
}

int
web_cache_get (web_cache_t *c, const char *key, size_t key_len,
               web_reply_t *out)
{
    uint64_t hash = hash_of (key, key_len);
    entry_t *e;
    int found = 0;

    pthread_mutex_lock (&c->lock);
    e = *slot_of (c, hash, key, key_len);
    if (e != NULL) {
        out->body = malloc (e->len ? e->len : 1);
        if (out->body != NULL) {
            memcpy (out->body, e->body, e->len);
            out->len = e->len;
            out->status = e->status;
            out->type = e->type;
            out->download = e->download;
            out->cache = 0;
            unlink_recency (c, e);
            push_newest (c, e);
            found = 1;
        }
    }
    pthread_mutex_unlock (&c->lock);
    return found;
}

void
web_cache_put (web_cache_t *c, const char *key, size_t key_len,
               const web_reply_t *reply)
{
    uint64_t hash = hash_of (key, key_len);
    entry_t *e, **p;

    /* One answer may take an eighth of the cache at most, so that a
     * page of 1000 cases does not push out hundreds of small ones. */
    if (reply->body == NULL
        || sizeof *e + key_len + reply->len > c->max_bytes / 8)
        return;
    e = calloc (1, sizeof *e);
    if (e == NULL)
        return;
    e->key = malloc (key_len ? key_len : 1);
    e->body = malloc (reply->len ? reply->len : 1);
    if (e->key == NULL || e->body == NULL) {
        entry_free (e);
        return;
    }
    memcpy (e->key, key, key_len);
    e->key_len = key_len;
    e->hash = hash;
    memcpy (e->body, reply->body, reply->len);
    e->len = reply->len;
    e->status = reply->status;
    e->type = reply->type;
    e->download = reply->download;
    pthread_mutex_lock (&c->lock);
    p = slot_of (c, hash, key, key_len);
    if (*p != NULL) {
        /* Another thread answered the same request meanwhile. */
        pthread_mutex_unlock (&c->lock);
        entry_free (e);
        return;
    }
    *p = e;
    push_newest (c, e);
    c->bytes += entry_bytes (e);
    c->n_entries++;
    while (c->bytes > c->max_bytes && c->oldest != NULL && c->oldest != e)
        remove_entry (c, c->oldest);
    if (c->n_entries > c->n_buckets)
        grow (c);
    pthread_mutex_unlock (&c->lock);
}
