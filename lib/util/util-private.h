/*
 * Internal declarations of lib/util/, the containers and helpers every
 * layer uses, one section per source file. Never installed.
 */
#ifndef TRACUU_UTIL_PRIVATE_H
#define TRACUU_UTIL_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/status.h"

/* utf8.c ----------------------------------------------------------- */

/* Decode one code point at s[0..len). Returns its length in bytes (>= 1);
 * an invalid or truncated sequence gives *cp = -1 and the length of its
 * maximal ill-formed prefix, as the Unicode "U+FFFD substitution of
 * maximal subparts" practice does. */
size_t tracuu_utf8__decode (const unsigned char *s, size_t len, int32_t *cp);

/* Encode 'cp' into 'out' (at least 4 bytes); returns the length. */
size_t tracuu_utf8__encode (int32_t cp, char *out);

/* Non-zero when s[0..len) is well-formed UTF-8. */
int tracuu_utf8__valid (const char *s, size_t len);

/* array.c ---------------------------------------------------------- */

/*
 * A typed growable array: declare one with
 *
 *     typedef TRACUU_ARRAY (tracuu_answer_case_t) case_array_t;
 *     case_array_t cases = { 0 };
 *     tracuu_status_t rc = TRACUU_STATUS_OK;
 *
 *     TRACUU_ARRAY_PUSH (&rc, &cases, c);
 *     ...
 *     if (rc) ...                 (one check after a run of pushes)
 *     free (cases.items);
 *
 * Room grows by doubling, from 8 items (or 256 bytes of smaller ones).
 * The status is sticky, as in
 * tracuu_entities_push(): once *rc holds an error, nothing is added.
 */
#define TRACUU_ARRAY(type) \
    struct { type *items; size_t n; size_t alloc; }

/* Room for at least 'need' items of 'size' bytes in 'items' ('*alloc'
 * held): the same or a new block (the old one is then freed), or NULL
 * with *rc set (and 'items' left as it was). Used by the macros. */
void *tracuu_array__grow (tracuu_status_t *rc, void *items, size_t *alloc,
                          size_t need, size_t size);

#define TRACUU_ARRAY_RESERVE(rc, arr, need)                                \
    do {                                                                  \
        if (*(rc) == TRACUU_STATUS_OK && (need) > (arr)->alloc) {         \
            void *grown_ = tracuu_array__grow ((rc), (arr)->items,        \
                                               &(arr)->alloc, (need),     \
                                               sizeof *(arr)->items);     \
            if (grown_ != NULL)                                           \
                (arr)->items = grown_;                                    \
        }                                                                 \
    } while (0)

#define TRACUU_ARRAY_PUSH(rc, arr, value)                                  \
    do {                                                                  \
        TRACUU_ARRAY_RESERVE ((rc), (arr), (arr)->n + 1);                 \
        if (*(rc) == TRACUU_STATUS_OK)                                    \
            (arr)->items[(arr)->n++] = (value);                           \
    } while (0)

/* Room for one more item of 'size' bytes in an array kept as a pointer
 * and a count only ('n' items held), as the public structs keep theirs
 * (tracuu_case_t's sources): its room is implied by the count (the
 * first room of tracuu_array__grow(), doubled as often as the count
 * needs), so that it too grows by doubling. Only for an array that
 * started as NULL and was never grown otherwise (not one from calloc()).
 * Returns the same or a new block (the old one is then freed), or NULL
 * with *rc set ('items' left as it was). Sticky. */
void *tracuu_array__grow_counted (tracuu_status_t *rc, void *items, size_t n,
                                  size_t size);

/* buf.c ------------------------------------------------------------ */

/* A growable byte buffer, always NUL-terminated once anything has been
 * appended. Free 'data' with free() (tracuu_buf__dispose()). */
typedef struct tracuu_buf {
    char *data;
    size_t len;
    size_t alloc;
} tracuu_buf_t;

/* Append; sticky *rc as in tracuu_entities_push(). */
void tracuu_buf__append (tracuu_status_t *rc, tracuu_buf_t *buf,
                         const char *data, size_t len);

/* Append a NUL-terminated string, or one byte. Sticky *rc. */
void tracuu_buf__puts (tracuu_status_t *rc, tracuu_buf_t *buf, const char *s);
void tracuu_buf__putc (tracuu_status_t *rc, tracuu_buf_t *buf, char c);

/* Append printf-style. Sticky *rc. */
void tracuu_buf__printf (tracuu_status_t *rc, tracuu_buf_t *buf,
                         const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

/* Room for 'more' bytes past 'len' (and the NUL). Sticky *rc. */
void tracuu_buf__reserve (tracuu_status_t *rc, tracuu_buf_t *buf, size_t more);

/* Take the data (NUL-terminated, "" when empty, NULL when memory ran
 * out); the buffer is left empty. free() the result. */
char *tracuu_buf__detach (tracuu_buf_t *buf);

/* Free the data and empty the buffer. */
void tracuu_buf__dispose (tracuu_buf_t *buf);

/* arena.c ---------------------------------------------------------- */

/* Many small blocks freed together (strings of an answer): blocks never
 * move, so pointers into them stay valid until tracuu_arena__dispose(). */
typedef struct tracuu_arena_chunk tracuu_arena_chunk_t;
typedef struct tracuu_arena {
    tracuu_arena_chunk_t *chunks;   /* Newest first. */
    size_t used;                    /* Bytes used in the newest. */
    size_t size;                    /* Its size. */
} tracuu_arena_t;

/* 'size' bytes aligned for any type, or NULL with *rc set. Sticky. */
void *tracuu_arena__alloc (tracuu_status_t *rc, tracuu_arena_t *arena,
                           size_t size);

/* A NUL-terminated copy of s[0..len), or "" with *rc set. Sticky. */
const char *tracuu_arena__strndup (tracuu_status_t *rc, tracuu_arena_t *arena,
                                   const char *s, size_t len);

void tracuu_arena__dispose (tracuu_arena_t *arena);

/* hash.c ----------------------------------------------------------- */

/* FNV-1a, 32 and 64 bits. Start from the _INIT value; feeding two spans
 * one after the other gives the hash of their concatenation. */
#define TRACUU_FNV32_INIT 2166136261u
#define TRACUU_FNV64_INIT 0xcbf29ce484222325ULL
uint32_t tracuu_hash__fnv32 (uint32_t h, const void *data, size_t len);
uint64_t tracuu_hash__fnv64 (uint64_t h, const void *data, size_t len);

/* map.c ------------------------------------------------------------ */

/*
 * A hash map with open addressing (linear probing, at most 3/4 full),
 * from keys to size_t values. A map holds either string keys (bytes and
 * a length; borrowed: they must outlive the map) or integer keys, never
 * both. Nothing is ever removed.
 *
 *     tracuu_map_t by_key = { 0 };
 *
 *     tracuu_map__put_str (&rc, &by_key, c->key, strlen (c->key), i);
 *     if (tracuu_map__get_str (&by_key, key, len, &i)) ...
 *     tracuu_map__dispose (&by_key);
 */
typedef struct tracuu_map_slot tracuu_map_slot_t;
typedef struct tracuu_map {
    tracuu_map_slot_t *slots;
    size_t n;                   /* Keys held. */
    size_t mask;                /* Slots - 1 (a power of two), or 0. */
} tracuu_map_t;

/* Set the value of a key (replacing it when present). Sticky *rc. */
void tracuu_map__put_str (tracuu_status_t *rc, tracuu_map_t *map,
                          const char *key, size_t len, size_t value);
void tracuu_map__put_int (tracuu_status_t *rc, tracuu_map_t *map,
                          uint64_t key, size_t value);

/* Non-zero when the key is present, its value in *value (may be NULL). */
int tracuu_map__get_str (const tracuu_map_t *map, const char *key,
                         size_t len, size_t *value);
int tracuu_map__get_int (const tracuu_map_t *map, uint64_t key,
                         size_t *value);

void tracuu_map__dispose (tracuu_map_t *map);

/* Strings kept once (map.c): equal strings share one copy, made in
 * 'arena' (which the pool does not own). */
typedef struct tracuu_strpool {
    tracuu_arena_t *arena;
    tracuu_map_t seen;
} tracuu_strpool_t;

/* The pool's copy of s[0..len), NUL-terminated; "" with *rc set when
 * memory runs out. Sticky. */
const char *tracuu_strpool__intern (tracuu_status_t *rc, tracuu_strpool_t *pool,
                                    const char *s, size_t len);

/* Free the pool's index (not the strings, which belong to the arena). */
void tracuu_strpool__dispose (tracuu_strpool_t *pool);

/* day.c ------------------------------------------------------------ */

/* Days are yyyymmdd integers (20240415), 0 when unknown. */

/* Days in month 'm' (1-12) of year 'y' (Gregorian), 0 if 'm' is out of
 * range. */
int tracuu_day__days_in_month (int y, int m);

/* Non-zero when 'ymd' is a real day (years 1..9999). */
int tracuu_day__valid (int32_t ymd);

/* Days since 1970-01-01 of a valid day, and back. */
int32_t tracuu_day__to_days (int32_t ymd);
int32_t tracuu_day__from_days (int32_t days);

/* The day 'n' days after 'ymd' (before it when 'n' < 0). */
int32_t tracuu_day__add (int32_t ymd, int32_t n);

/* "yyyy-mm-dd" into 'out' (11 bytes); "" for 0. Returns 'out'. */
char *tracuu_day__iso (int32_t ymd, char out[11]);

/* A span of days [from, to], both valid and in order. */
int tracuu_period__valid (int32_t from, int32_t to);

/* Non-zero when [from, to] lies inside [outer_from, outer_to]; when the
 * two spans share a day. All four must be valid days. */
int tracuu_period__contains (int32_t outer_from, int32_t outer_to,
                             int32_t from, int32_t to);
int tracuu_period__overlaps (int32_t a_from, int32_t a_to, int32_t b_from,
                             int32_t b_to);

/* Buckets of a span for grouping. */
typedef enum tracuu_bucket {
    TRACUU_BUCKET_YEAR,         /* "2024": the year of its last day. */
    TRACUU_BUCKET_HALF,         /* "2024-H1", or wider (see below). */
    TRACUU_BUCKET_QUARTER,      /* "2024-Q2", or wider. */
    TRACUU_BUCKET_MONTH         /* "2024-04", or wider. */
} tracuu_bucket_t;

/* The label of span [from, to] in 'bucket' into 'out' (at least 16
 * bytes): the bucket it fits in, else the smallest wider one it fits in
 * (a span of two months is "2024-Q2" by month when it fits the quarter,
 * else "2024-H1", else "2024"; one across years is "2023..2024"). ""
 * when the span is not valid. Returns 'out'. */
char *tracuu_period__label (int32_t from, int32_t to, tracuu_bucket_t bucket,
                            char *out, size_t size);

/* file.c ----------------------------------------------------------- */

/* The whole file at 'path', NUL-terminated, in *out (free()), its length
 * in *out_len (may be NULL). Returns TRACUU_STATUS_OK,
 * _LIMIT_EXCEEDED when it holds more than 'max' bytes (0: no limit),
 * _OUT_OF_MEMORY, or _IO_ERROR with errno set. */
tracuu_status_t tracuu_file__read (const char *path, size_t max, char **out,
                                   size_t *out_len);

/* printer.c -------------------------------------------------------- */

struct tracuu_printer;

/* When 'path' is not valid UTF-8 (a file name as the file system gave
 * it), a "path_bytes" member with its bytes in base64, so that JSON
 * keeps a lossless form of it; nothing otherwise. */
void tracuu_printer__path_bytes (struct tracuu_printer *p, const char *path);

/* datadir.c -------------------------------------------------------- */

/* Where lexicon 'name' ("actions.txt") is read from: *out gets a new
 * string, "$TRACUU_DATA_DIR/lexicon/<name>" when the variable is set and
 * not empty, else the installed copy when it is readable; *out is NULL
 * when neither applies and the caller uses the built-in copy. Returns
 * OK, _NULL_POINTER or _OUT_OF_MEMORY. */
tracuu_status_t tracuu_data__lexicon (const char *name, char **out);

/* gen/embedded.c (made from data/ at build time) ---------------------- */

/* The built-in copy of data file 'name' ("lexicon/platforms.txt"), or
 * NULL; *len gets its length. */
const char *tracuu_data__embedded (const char *name, size_t *len);

#endif /* TRACUU_UTIL_PRIVATE_H */
