/*
 * Internal declarations shared by the decoders (lib/decode*.c), one
 * section per source file. Never installed.
 */
#ifndef TRACUU_DECODE_PRIVATE_H
#define TRACUU_DECODE_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/decode.h"

/* A growing UTF-8 output buffer with a size limit. Appends are sticky:
 * once 'status' holds an error every append is a no-op, so callers make
 * a run of appends and check 'status' once. */
typedef struct tracuu_decode_buf {
    char *data;              /* Owned; NUL-terminated when non-NULL. */
    size_t len;              /* Bytes used, without the NUL. */
    size_t alloc;            /* Bytes allocated. */
    size_t limit;            /* Largest allowed 'len' (0: no limit). */
    tracuu_status_t status;  /* First error of an append, or OK. */
} tracuu_decode_buf_t;

/* decode.c */

void
tracuu_decode__buf_init (tracuu_decode_buf_t *buf, size_t limit);

void
tracuu_decode__buf_append (tracuu_decode_buf_t *buf, const char *p, size_t n);

void
tracuu_decode__buf_putc (tracuu_decode_buf_t *buf, char c);

/* Append code point 'cp' as UTF-8; invalid code points become U+FFFD. */
void
tracuu_decode__buf_put_cp (tracuu_decode_buf_t *buf, uint32_t cp);

/* Move the buffer's text into 'out' (text, len); the buffer is emptied. */
tracuu_status_t
tracuu_decode__buf_finish (tracuu_decode_buf_t *buf, tracuu_decoded_t *out);

void
tracuu_decode__buf_dispose (tracuu_decode_buf_t *buf);

/* Write a one-line reason into out->error. */
void
tracuu_decode__set_error (tracuu_decoded_t *out, const char *format, ...)
    __attribute__ ((format (printf, 2, 3)));

/* Largest output allowed by 'opts' (0: no limit). */
size_t
tracuu_decode__output_limit (const tracuu_decode_options_t *opts);

/* decode-tables.c */

/* A two-byte sequence of an encoding and the code point it stands for. */
typedef struct tracuu_decode_pair {
    uint8_t first;           /* First byte. */
    uint8_t second;          /* Second byte. */
    uint16_t cp;             /* Code point. */
} tracuu_decode_pair_t;

/* A legacy encoding ICU lacks, from data/encodings/NAME.txt. */
typedef struct tracuu_decode_table {
    const char *name;                  /* "tcvn3", "vni-windows", "viscii". */
    const uint16_t *single;            /* Code point of each byte. */
    const tracuu_decode_pair_t *pairs; /* Sorted by bytes; tried first. */
    size_t n_pairs;                    /* Entries in 'pairs'. */
} tracuu_decode_table_t;

/* The table named 'name', or NULL. */
const tracuu_decode_table_t *
tracuu_decode__table (const char *name);

/* decode-charset.c */

/* Which UTF-16 a text without BOM seems to be: NULs in every other
 * byte (ASCII letters, spaces, digits) and never in the others. Returns
 * "utf-16le", "utf-16be" or NULL. */
const char *
tracuu_decode__sniff_utf16 (const char *bytes, size_t len);

/* Non-zero if bytes [0, len) are valid UTF-8. */
int
tracuu_decode__is_utf8 (const char *bytes, size_t len);

/* Convert text 'bytes' to UTF-8 into 'buf', detecting the encoding
 * unless 'forced' names one. *encoding_out is a static name. Returns
 * BAD_ARGUMENT for an unknown forced name (reason in out->error). */
tracuu_status_t
tracuu_decode__charset (const char *bytes, size_t len, const char *forced,
                        tracuu_decode_buf_t *buf, const char **encoding_out,
                        tracuu_decoded_t *out);

/* Convert with one named encoding: one of ours ("tcvn3"...) or any ICU
 * converter name. *encoding_out is a static name. Unknown names give
 * BAD_ARGUMENT. */
tracuu_status_t
tracuu_decode__convert (const char *bytes, size_t len, const char *name,
                        tracuu_decode_buf_t *buf, const char **encoding_out,
                        tracuu_decoded_t *out);

/* decode-html.c */

/* Non-zero if the text looks like an HTML document. */
int
tracuu_decode__sniff_html (const char *bytes, size_t len);

tracuu_status_t
tracuu_decode__html (const char *bytes, size_t len,
                     const tracuu_decode_options_t *opts,
                     tracuu_decoded_t *out);

/* decode-docx.c */

/* Non-zero if the zip archive in 'bytes' holds word/document.xml. */
int
tracuu_decode__zip_is_docx (const char *bytes, size_t len);

tracuu_status_t
tracuu_decode__docx (const char *bytes, size_t len,
                     const tracuu_decode_options_t *opts,
                     tracuu_decoded_t *out);

/* decode-external.c */

/* Decode .pdf or .doc bytes ('format' is "pdf" or "doc"); 'path' is the
 * file they came from, or NULL when they exist only in memory. */
tracuu_status_t
tracuu_decode__external (const char *format, const char *path,
                         const char *bytes, size_t len,
                         const tracuu_decode_options_t *opts,
                         tracuu_decoded_t *out);

/* decode.c: initialize libxml2 once, before any thread parses. */
void tracuu_decode__xml_init (void);

#endif /* TRACUU_DECODE_PRIVATE_H */
