/*
 * Stored text: zlib-compressed normalized text, kept in a value slot.
 *
 * Layout: 'Z', the uncompressed length as 8 bytes little-endian, then a
 * zlib stream (whose Adler-32 checks the text). What is read back from
 * a database may be damaged: the length is checked against what a zlib
 * stream of that size can hold before anything is allocated for it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "index/index-private.h"
#include "util/util-private.h"

#define HEADER 9

/* Deflate expands at most 1032:1; a longer claim is damage. */
#define MAX_RATIO 1032

static void
put_length (char *buf, uint64_t len)
{
    buf[0] = 'Z';
    for (int i = 0; i < 8; i++)
        buf[1 + i] = (char) ((len >> (8 * i)) & 0xFF);
}

tracuu_status_t
tracuu_store__pack (const char *text, size_t len, char **out, size_t *out_len)
{
    uLongf clen = compressBound ((uLong) len);
    char *buf = malloc (HEADER + clen);

    *out = NULL;
    if (buf == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    put_length (buf, len);
    if (compress2 ((Bytef *) buf + HEADER, &clen, (const Bytef *) text,
                   (uLong) len, 6) != Z_OK) {
        free (buf);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    *out = buf;
    *out_len = HEADER + clen;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_store__packer_init (tracuu_store_packer_t *p)
{
    memset (p, 0, sizeof *p);
    if (deflateInit (&p->zs, 6) != Z_OK) {
        p->status = TRACUU_STATUS_OUT_OF_MEMORY;
        return p->status;
    }
    p->started = 1;
    return TRACUU_STATUS_OK;
}

/* Deflate what is in p->zs with 'flush' into the output. */
static void
deflate_some (tracuu_store_packer_t *p, int flush)
{
    int zr;

    do {
        if (p->alloc - p->len < 65536) {
            size_t start = p->len ? p->len : HEADER;
            char *out = tracuu_array__grow (&p->status, p->out, &p->alloc,
                                            start + 65536, 1);

            if (out == NULL)
                return;
            p->out = out;
            p->len = start;
        }
        p->zs.next_out = (Bytef *) p->out + p->len;
        p->zs.avail_out = (uInt) (p->alloc - p->len);
        zr = deflate (&p->zs, flush);
        p->len = (size_t) ((char *) p->zs.next_out - p->out);
        if (zr == Z_STREAM_ERROR) {
            p->status = TRACUU_STATUS_OUT_OF_MEMORY;
            return;
        }
    } while (p->zs.avail_out == 0 || (flush == Z_FINISH && zr != Z_STREAM_END));
}

void
tracuu_store__packer_add (tracuu_store_packer_t *p, const char *text,
                          size_t len)
{
    while (len > 0 && p->status == TRACUU_STATUS_OK) {
        uInt take = len > (1u << 30) ? (1u << 30) : (uInt) len;

        p->zs.next_in = (Bytef *) text;
        p->zs.avail_in = take;
        deflate_some (p, Z_NO_FLUSH);
        p->total += take;
        text += take;
        len -= take;
    }
}

tracuu_status_t
tracuu_store__packer_finish (tracuu_store_packer_t *p, char **out,
                             size_t *out_len)
{
    *out = NULL;
    if (p->status == TRACUU_STATUS_OK) {
        p->zs.next_in = NULL;
        p->zs.avail_in = 0;
        deflate_some (p, Z_FINISH);
    }
    if (p->status != TRACUU_STATUS_OK)
        return p->status;
    put_length (p->out, p->total);
    *out = p->out;
    *out_len = p->len;
    p->out = NULL;
    p->len = p->alloc = 0;
    return TRACUU_STATUS_OK;
}

void
tracuu_store__packer_dispose (tracuu_store_packer_t *p)
{
    if (p->started)
        deflateEnd (&p->zs);
    free (p->out);
    memset (p, 0, sizeof *p);
}

tracuu_status_t
tracuu_store__unpack (const char *data, size_t len, char **out, size_t *out_len)
{
    uint64_t n = 0;
    uLongf dlen;
    char *text;

    *out = NULL;
    if (data == NULL || len < HEADER + 8 || data[0] != 'Z')
        return TRACUU_STATUS_BAD_INPUT;
    for (int i = 0; i < 8; i++)
        n |= (uint64_t) (unsigned char) data[1 + i] << (8 * i);
    if (n > (uint64_t) (len - HEADER) * MAX_RATIO || n >= SIZE_MAX
        || n > (uLong) -1)
        return TRACUU_STATUS_BAD_INPUT;
    text = malloc ((size_t) n + 1);
    if (text == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    dlen = (uLongf) n;
    if (uncompress ((Bytef *) text, &dlen, (const Bytef *) data + HEADER,
                    (uLong) (len - HEADER)) != Z_OK || dlen != n) {
        free (text);
        return TRACUU_STATUS_BAD_INPUT;
    }
    text[n] = '\0';
    *out = text;
    *out_len = (size_t) n;
    return TRACUU_STATUS_OK;
}
