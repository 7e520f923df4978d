/* Internal: compressed storage of report text (store.c). */
#ifndef TRACUU_STORE_H
#define TRACUU_STORE_H

#include <stddef.h>

#include "tracuu/status.h"

/* Compress 'text'; *out is freed by the caller with free(). */
tracuu_status_t tracuu_store__pack (const char *text, size_t len,
                                    char **out, size_t *out_len);

/* Uncompress data made by tracuu_store__pack(); *out is NUL-terminated
 * and freed with free(). TRACUU_STATUS_BAD_INPUT if damaged. */
tracuu_status_t tracuu_store__unpack (const char *data, size_t len,
                                      char **out, size_t *out_len);

#endif
