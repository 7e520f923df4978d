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

/* decode-external.c: run argv[0] (searched in PATH, never through a
 * shell) under a time limit, its stdout into 'buf'; *missing is set when
 * the tool is not installed. */
tracuu_status_t
tracuu_decode__run_tool (char *const argv[], unsigned timeout_seconds,
                         tracuu_decode_buf_t *buf, int *missing,
                         tracuu_decoded_t *out);

/* decode-external.c: write 'bytes' to a new temporary file named into
 * 'path' (size bytes); the caller unlinks it. */
tracuu_status_t
tracuu_decode__write_temp (const char *bytes, size_t len, char *path,
                           size_t size, tracuu_decoded_t *out);

/* decode-docx.c: the zip archive in 'bytes' (NULL if it is not one). */
struct zip;
struct zip *
tracuu_decode__zip_open (const char *bytes, size_t len);

/* decode-docx.c: entry 'name' of 'zip' into *data_out (malloc'd,
 * NUL-terminated), refusing entries past 'limit' or compressed too well
 * (zip bombs); a missing entry gives OK with *data_out NULL. */
tracuu_status_t
tracuu_decode__zip_read (struct zip *zip, const char *name, size_t limit,
                         char **data_out, size_t *len_out,
                         tracuu_decoded_t *out);

/* decode-docx.c: parse XML without network access or entity expansion.
 * *doc_out: xmlFreeDoc(). */
struct _xmlDoc;
tracuu_status_t
tracuu_decode__xml_parse (const char *data, size_t len, const char *name,
                          struct _xmlDoc **doc_out, tracuu_decoded_t *out);

/* decode-ocr.c: PDF, its pages without text read by OCR (by opts->ocr);
 * 'path' may be NULL when the bytes exist only in memory. */
tracuu_status_t
tracuu_decode__pdf (const char *path, const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out);

/* decode-ocr.c: an image (PNG, JPEG, TIFF: every page) read by OCR. */
tracuu_status_t
tracuu_decode__image (const char *bytes, size_t len,
                      const tracuu_decode_options_t *opts,
                      tracuu_decoded_t *out);

/* decode-sheet.c: XML part 'name' of an office document, parsed
 * (refused when it declares a DTD); a missing part is an error when
 * 'required', else OK with *doc_out NULL. */
tracuu_status_t
tracuu_decode__office_xml (struct zip *zip, const char *name, int required,
                           struct _xmlDoc **doc_out, tracuu_decoded_t *out);

/* decode-sheet.c: the archive of an OpenDocument file (.odt, .ods) in
 * *zip_out (zip_discard() it) and its content.xml parsed in *doc_out;
 * on failure both are NULL and 'out' says why. */
tracuu_status_t
tracuu_decode__odf_content (const char *bytes, size_t len,
                            struct zip **zip_out, struct _xmlDoc **doc_out,
                            tracuu_decoded_t *out);

/* decode-sheet.c: append the text of OpenDocument paragraph content
 * (spaces <text:s/>, tabs and breaks as spaces, no notes). */
struct _xmlNode;
void
tracuu_decode__odf_text (tracuu_decode_buf_t *buf, const struct _xmlNode *node,
                         int depth, int *too_deep);

/* decode-sheet.c: which office document a zip archive is: "docx",
 * "xlsx", "odt", "ods", or NULL. */
const char *
tracuu_decode__zip_kind (const char *bytes, size_t len);

/* decode-sheet.c: spreadsheets, one line per row, cells tab-separated,
 * each sheet after a line with its name. */
tracuu_status_t
tracuu_decode__xlsx (const char *bytes, size_t len,
                     const tracuu_decode_options_t *opts,
                     tracuu_decoded_t *out);

tracuu_status_t
tracuu_decode__ods (const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out);

tracuu_status_t
tracuu_decode__csv (const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out);

/* decode-odt.c: append 'number' in superscript digits (a footnote mark). */
void
tracuu_decode__put_superscript (tracuu_decode_buf_t *buf, int number);

/* decode-odt.c: OpenDocument text. */
tracuu_status_t
tracuu_decode__odt (const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out);

/* decode-rtf.c: Rich Text Format. */
tracuu_status_t
tracuu_decode__rtf (const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out);

/* decode.c: initialize libxml2 once, before any thread parses. */
void tracuu_decode__xml_init (void);

#endif /* TRACUU_DECODE_PRIVATE_H */
