/* Stored text: zlib-compressed normalized text, kept in a value slot. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "index/tracuu-store.h"

/* Layout: 'Z', 8-byte little-endian uncompressed length, zlib stream. */
tracuu_status_t
tracuu_store__pack (const char *text, size_t len, char **out, size_t *out_len)
{
    uLongf clen = compressBound ((uLong) len);
    char *buf = malloc (9 + clen);

    *out = NULL;
    if (buf == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    buf[0] = 'Z';
    for (int i = 0; i < 8; i++)
        buf[1 + i] = (char) (((uint64_t) len >> (8 * i)) & 0xFF);
    if (compress2 ((Bytef *) buf + 9, &clen, (const Bytef *) text, (uLong) len,
                   6) != Z_OK) {
        free (buf);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    *out = buf;
    *out_len = 9 + clen;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_store__unpack (const char *data, size_t len, char **out, size_t *out_len)
{
    uint64_t n = 0;
    uLongf dlen;
    char *text;

    *out = NULL;
    if (len < 9 || data[0] != 'Z')
        return TRACUU_STATUS_BAD_INPUT;
    for (int i = 0; i < 8; i++)
        n |= (uint64_t) (unsigned char) data[1 + i] << (8 * i);
    if (n > ((uint64_t) 1 << 34))
        return TRACUU_STATUS_BAD_INPUT;
    text = malloc ((size_t) n + 1);
    if (text == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    dlen = (uLongf) n;
    if (uncompress ((Bytef *) text, &dlen, (const Bytef *) data + 9,
                    (uLong) (len - 9)) != Z_OK || dlen != n) {
        free (text);
        return TRACUU_STATUS_BAD_INPUT;
    }
    text[n] = '\0';
    *out = text;
    *out_len = (size_t) n;
    return TRACUU_STATUS_OK;
}
