/* Internal: compressed storage of report text (store.c). */
#ifndef TRACUU_STORE_H
#define TRACUU_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

#include "tracuu/status.h"

/* Compress 'text'; *out is freed by the caller with free(). */
tracuu_status_t tracuu_store__pack (const char *text, size_t len,
                                    char **out, size_t *out_len);

/* The same, for text that comes in pieces: init, add each piece, finish
 * (or dispose on failure). Memory is the compressed text. */
typedef struct tracuu_store_packer {
    z_stream zs;
    char *out;                  /* Header and stream so far. */
    size_t len, alloc;
    uint64_t total;             /* Bytes of text added. */
    tracuu_status_t status;     /* Sticky: the first failure. */
    int started;                /* zs is initialized. */
} tracuu_store_packer_t;

tracuu_status_t tracuu_store__packer_init (tracuu_store_packer_t *p);
void tracuu_store__packer_add (tracuu_store_packer_t *p, const char *text,
                               size_t len);
/* *out (freed with free()) as tracuu_store__pack() makes it. */
tracuu_status_t tracuu_store__packer_finish (tracuu_store_packer_t *p,
                                             char **out, size_t *out_len);
void tracuu_store__packer_dispose (tracuu_store_packer_t *p);

/* Uncompress data made by tracuu_store__pack(); *out is NUL-terminated
 * and freed with free(). TRACUU_STATUS_BAD_INPUT if damaged: a short or
 * unknown header, a length no zlib stream of that size holds, or a
 * stream that does not inflate to exactly that length. */
tracuu_status_t tracuu_store__unpack (const char *data, size_t len,
                                      char **out, size_t *out_len);

#endif
