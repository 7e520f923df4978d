/*
 * tracuu printer: one structured writer for every machine format of the
 * programs (JSON, JSON Lines, CSV), so that a search result or an answer
 * is written by one library function whatever the format, and a server
 * gives the same bytes as the command line.
 *
 * A document is written as calls that open and close maps and arrays,
 * name keys and give scalar values:
 *
 *     tracuu_printer_map_open (p);
 *     tracuu_printer_key (p, "total");
 *     tracuu_printer_integer (p, 5);
 *     tracuu_printer_key (p, "results");
 *     tracuu_printer_array_open (p);
 *     tracuu_printer_string (p, "Bắc Giang");
 *     tracuu_printer_null (p);
 *     tracuu_printer_close (p);
 *     tracuu_printer_close (p);
 *
 * gives, in JSON and JSON Lines, {"total":5,"results":["Bắc Giang",null]}
 * and a newline. Each value at the top level ends with a newline, so
 * JSON Lines is a run of top-level maps.
 *
 * In CSV, each top-level map (or array) is one row: its values are the
 * fields in the order written, keys are ignored, and a container inside
 * a row becomes one field of its scalars joined by "; ". Null is an
 * empty field, booleans are 1 and 0. Fields holding a comma, a quote or
 * a line break are quoted, quotes doubled (RFC 4180); rows end in CRLF.
 * tracuu_printer_columns() writes the header row.
 *
 * Errors are sticky: after the first failed write or misuse (a key
 * outside a map, a value where a key is expected, a close with nothing
 * open, nesting deeper than TRACUU_PRINTER_MAX_DEPTH) every later call
 * does nothing, and tracuu_printer_status() and tracuu_printer_finish()
 * report it. Writers of documents can therefore make a run of calls and
 * check once.
 */
#ifndef TRACUU_PRINTER_H
#define TRACUU_PRINTER_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Output formats. @since 0.2 */
typedef enum tracuu_printer_format {
    TRACUU_PRINTER_JSON,        /* JSON; tracuu_printer_lines() honoured. */
    TRACUU_PRINTER_JSONL,       /* JSON Lines: every value on one line. */
    TRACUU_PRINTER_CSV          /* CSV (RFC 4180), see above. */
} tracuu_printer_format_t;

/** Flags of tracuu_printer_new(). @since 0.2 */
enum {
    TRACUU_PRINTER_SPACED = 1 << 0, /* JSON: ", " and ": " between items. */
    TRACUU_PRINTER_BOM = 1 << 1     /* CSV: a UTF-8 byte order mark first,
                                       for spreadsheets. */
};

/** Deepest nesting of maps and arrays. @since 0.2 */
#define TRACUU_PRINTER_MAX_DEPTH 32

/** A printer. Opaque. @since 0.2 */
typedef struct tracuu_printer tracuu_printer_t;

/**
 * A printer writing to 'out' (not closed by the printer) in 'format'
 * with 'flags' (TRACUU_PRINTER_*).
 *
 * Returns TRACUU_STATUS_OK, _NULL_POINTER, _BAD_ARGUMENT (an unknown
 * format) or _OUT_OF_MEMORY. *printer_out belongs to the caller: free it
 * with tracuu_printer_destroy(); NULL on failure.
 * @since 0.2
 */
tracuu_status_t
tracuu_printer_new (FILE *out, tracuu_printer_format_t format, unsigned flags,
                    tracuu_printer_t **printer_out);

/** The format 'p' writes. @since 0.2 */
tracuu_printer_format_t
tracuu_printer_format (const tracuu_printer_t *p);

/**
 * JSON only: the next map or array opened puts each of its items on a
 * line of its own, indented by two spaces a level (an empty one stays
 * "[]"). Ignored by the other formats. @since 0.2
 */
void
tracuu_printer_lines (tracuu_printer_t *p);

/** Open a map (JSON object) or an array. @since 0.2 */
void
tracuu_printer_map_open (tracuu_printer_t *p);
void
tracuu_printer_array_open (tracuu_printer_t *p);

/** Close the innermost open map or array. @since 0.2 */
void
tracuu_printer_close (tracuu_printer_t *p);

/** The key of the next value of the open map (UTF-8). @since 0.2 */
void
tracuu_printer_key (tracuu_printer_t *p, const char *key);

/**
 * A string value: 'len' bytes of 's', or the NUL-terminated 's'. NULL is
 * null. In JSON, control characters are escaped and invalid UTF-8
 * becomes U+FFFD, so that the output is always valid JSON; CSV writes
 * the bytes as they are. @since 0.2
 */
void
tracuu_printer_string (tracuu_printer_t *p, const char *s);
void
tracuu_printer_string_len (tracuu_printer_t *p, const char *s, size_t len);

/** 'len' bytes as a string of their base64 (RFC 4648, padded). @since 0.2 */
void
tracuu_printer_base64 (tracuu_printer_t *p, const void *data, size_t len);

/** An integer. @since 0.2 */
void
tracuu_printer_integer (tracuu_printer_t *p, int64_t value);

/** A number with 'decimals' digits after the point (null when not
 * finite). @since 0.2 */
void
tracuu_printer_number (tracuu_printer_t *p, double value, int decimals);

/** true or false (CSV: 1 or 0). @since 0.2 */
void
tracuu_printer_bool (tracuu_printer_t *p, int value);

/** null (CSV: an empty field). @since 0.2 */
void
tracuu_printer_null (tracuu_printer_t *p);

/**
 * CSV only: the header row, 'n' column names; write it before the rows
 * (it is written even when no row follows). Ignored by the other
 * formats. @since 0.2
 */
void
tracuu_printer_columns (tracuu_printer_t *p, const char *const *names,
                        size_t n);

/**
 * TRACUU_STATUS_OK, or the first error: _IO_ERROR (a write failed;
 * tracuu_printer_last_error() gives the system's reason, such as "No
 * space left on device"), _BAD_ARGUMENT (the calls did not make a
 * document), _OUT_OF_MEMORY. @since 0.2
 */
tracuu_status_t
tracuu_printer_status (const tracuu_printer_t *p);

/** What went wrong ("" if nothing). Borrowed from 'p'. @since 0.2 */
const char *
tracuu_printer_last_error (const tracuu_printer_t *p);

/**
 * Flush the output and return tracuu_printer_status(); a map or array
 * still open is _BAD_ARGUMENT. After _IO_ERROR, errno is that of the
 * write that failed. @since 0.2
 */
tracuu_status_t
tracuu_printer_finish (tracuu_printer_t *p);

/** Free 'p' (without flushing or closing its output). NULL is a no-op.
 * @since 0.2 */
void
tracuu_printer_destroy (tracuu_printer_t *p);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_PRINTER_H */
