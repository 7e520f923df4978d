/* Internal: normalization that also hands back the UTF-16 form. */
#ifndef TRACUU_NORMALIZE_PRIVATE_H
#define TRACUU_NORMALIZE_PRIVATE_H

#include <stddef.h>
#include <unicode/utypes.h>

#include "tracuu/status.h"

/* As tracuu_normalize(), and *u16_out (freed by the caller with free())
 * is the same text in UTF-16 for ICU's iterators. */
tracuu_status_t
tracuu_normalize__utf16 (const char *in, size_t len, char **u8_out,
                         size_t *u8_len, UChar **u16_out, int32_t *u16_len,
                         size_t *n_replaced);

#endif
