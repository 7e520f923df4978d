/* Internal: the index handle and helpers shared by index*.c and search*.c. */
#ifndef TRACUU_INDEX_PRIVATE_H
#define TRACUU_INDEX_PRIVATE_H

#include <time.h>

#include "tracuu/index.h"
#include "tracuu/xapian-c.h"

/* One shard of an index opened with tracuu_index_open_shards(). */
typedef struct tracuu_shard {
    char *spec;                 /* A folder, or "host:port" of a server. */
    char *host;                 /* Remote: into 'spec'; NULL if local. */
    unsigned port;
    int down;                   /* Could not be reached when last tried. */
} tracuu_shard_t;

struct tracuu_index {
    xapc_db_t *db;              /* The database (all reachable shards). */
    tracuu_shard_t *shards;     /* Of a sharded index, else NULL. */
    size_t n_shards;
    unsigned timeout_ms;        /* Bound of every remote call. */
    int writable;               /* Opened with TRACUU_INDEX_WRITE. */
    char *path;                 /* As given to tracuu_index_open(). */
    char error[512];            /* Last failure, for tracuu_index_last_error(). */
    char notes[1024];           /* What opening did, for tracuu_index_notes(). */
    int has_deadline;           /* tracuu_index_set_deadline() gave one: */
    struct timespec deadline;   /* CLOCK_MONOTONIC. */
};

/* serving.c: TRACUU_STATUS_TIMED_OUT, the error saying that 'doing'
 * was under way ("counting the matches"), once the deadline has
 * passed; else OK. */
tracuu_status_t tracuu_index__check_deadline (tracuu_index_t *index,
                                              const char *doing);

/* serving.c: the deadline for xapc_enquire_set_deadline() (NULL: none). */
const struct timespec *tracuu_index__deadline (const tracuu_index_t *index);

/* index.c: record a reason on the handle. */
void tracuu_index__set_error (tracuu_index_t *index, const char *format, ...)
    __attribute__ ((format (printf, 2, 3)));

/* index.c: record that the index is damaged ('detail' says how, e.g. a
 * value that cannot be read) with what to do; DATABASE_ERROR. */
tracuu_status_t tracuu_index__damaged (tracuu_index_t *index,
                                       const char *detail);

/* index.c: non-zero if a path value read back is an absolute path. */
int tracuu_index__valid_path (const char *value, size_t len);

/* index.c: open a database to read or write, retrying when the path
 * was swapped for a compacted copy meanwhile. */
xapc_status_t tracuu_index__open_db (const char *path, int xflags,
                                     xapc_db_t **out);

/* index.c: the one-line message for a database that did not open. */
char *tracuu_index__open_error (const char *path, xapc_status_t st,
                                const char *detail);

/* index.c: refuse a database of another layout or program. */
tracuu_status_t tracuu_index__check_schema (tracuu_index_t *index,
                                            const char *path, char **error_out);

/* shards.c: after a failure reaching a shard, open the shards again,
 * leaving out those that do not answer. OK when the index still has a
 * shard that answers and one fewer than before; the status of the
 * failure otherwise. */
tracuu_status_t tracuu_index__reshard (tracuu_index_t *index);

/* What an index of shards answered from, kept by results and answers:
 * the number of shards (0 for an index in one folder) and the specs of
 * those down, in one allocation ('missing' and its strings: free()). */
typedef struct tracuu_shard_state {
    size_t total;
    char **missing;
    size_t n_missing;
} tracuu_shard_state_t;

/* shards.c: the state of 'index' now, into *out. */
tracuu_status_t tracuu_index__shard_state (const tracuu_index_t *index,
                                           tracuu_shard_state_t *out);

struct tracuu_printer;

/* shards.c: for an index of shards, the key "shards" and {total,
 * missing [], partial} in the map the printer is in (JSON), or a line
 * {"type": "shards", ...} (JSON Lines, 'type' non-NULL). Nothing for an
 * index in one folder. */
void tracuu_index__write_shards (struct tracuu_printer *p,
                                 const tracuu_shard_state_t *s,
                                 const char *type);

/* index.c: map a binding status to ours. */
tracuu_status_t tracuu_index__status (xapc_status_t st);

/* index.c: record "what: binding message" and map the status. */
tracuu_status_t tracuu_index__fail (tracuu_index_t *index, xapc_status_t st,
                                    const char *what);

/* idterm.c: the unique id term of a path (Q + path, hashed when long);
 * 'out' must hold XAPC_MAX_TERM_BYTES + 1 bytes. Returns its length. */
size_t tracuu_index__id_term (const char *path, char *out);

/* idterm.c: 64-bit FNV-1a hash. */
uint64_t tracuu_index__hash (const void *data, size_t len);

#endif
