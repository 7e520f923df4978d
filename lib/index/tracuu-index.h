/* Internal: the index handle and helpers shared by index*.c and search*.c. */
#ifndef TRACUU_INDEX_PRIVATE_H
#define TRACUU_INDEX_PRIVATE_H

#include "tracuu/index.h"
#include "tracuu/xapian-c.h"

struct tracuu_index {
    xapc_db_t *db;              /* The database. */
    int writable;               /* Opened with TRACUU_INDEX_WRITE. */
    char *path;                 /* As given to tracuu_index_open(). */
    char error[512];            /* Last failure, for tracuu_index_last_error(). */
    char notes[1024];           /* What opening did, for tracuu_index_notes(). */
};

/* index.c: record a reason on the handle. */
void tracuu_index__set_error (tracuu_index_t *index, const char *format, ...)
    __attribute__ ((format (printf, 2, 3)));

/* index.c: record that the index is damaged ('detail' says how, e.g. a
 * value that cannot be read) with what to do; DATABASE_ERROR. */
tracuu_status_t tracuu_index__damaged (tracuu_index_t *index,
                                       const char *detail);

/* index.c: non-zero if a path value read back is an absolute path. */
int tracuu_index__valid_path (const char *value, size_t len);

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
