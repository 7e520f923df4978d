/*
 * The structured printer (printer.h): a stack of open containers and,
 * per format, how items are separated and scalars written.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/printer.h"
#include "util/util-private.h"

typedef struct frame {
    int map;                    /* A map (else an array). */
    int lines;                  /* JSON: one item a line. */
    size_t n;                   /* Items so far. */
    int has_key;                /* A map: its next value has a key. */
} frame_t;

struct tracuu_printer {
    FILE *out;
    tracuu_printer_format_t format;
    unsigned flags;
    frame_t stack[TRACUU_PRINTER_MAX_DEPTH];
    size_t depth;
    int lines_next;             /* tracuu_printer_lines() was called. */
    int started;                /* Something was written (the CSV BOM). */
    size_t fields;              /* CSV: fields of the current row. */
    tracuu_buf_t field;         /* CSV: a field joined from a container. */
    size_t joined;              /* CSV: scalars in 'field'. */
    tracuu_status_t status;
    int saved_errno;            /* Of the failed write. */
    char error[128];
};

/* ------------------------------------------------------------------ */
/* Output and errors.                                                 */

static void
fail (tracuu_printer_t *p, tracuu_status_t status, const char *why)
{
    if (p->status != TRACUU_STATUS_OK)
        return;
    p->status = status;
    snprintf (p->error, sizeof p->error, "%s", why);
}

static void
put (tracuu_printer_t *p, const char *s, size_t len)
{
    if (p->status != TRACUU_STATUS_OK || len == 0)
        return;
    if (!p->started && p->format == TRACUU_PRINTER_CSV
        && (p->flags & TRACUU_PRINTER_BOM)) {
        p->started = 1;
        put (p, "\xEF\xBB\xBF", 3);
    }
    p->started = 1;
    if (fwrite (s, 1, len, p->out) != len || ferror (p->out)) {
        p->saved_errno = errno ? errno : EIO;
        fail (p, TRACUU_STATUS_IO_ERROR, strerror (p->saved_errno));
    }
}

static void
puts_ (tracuu_printer_t *p, const char *s)
{
    put (p, s, strlen (s));
}

static void
indent (tracuu_printer_t *p, size_t levels)
{
    static const char spaces[] = "                                ";

    put (p, "\n", 1);
    for (size_t i = 0; i < levels; i++)
        put (p, spaces, 2);
}

/* JSON string literal: escapes for quote, backslash and controls,
 * U+FFFD for invalid UTF-8. Runs of plain bytes go out in one write. */
static void
json_string (tracuu_printer_t *p, const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *) s;
    size_t i = 0, run = 0;

    put (p, "\"", 1);
    while (i < len) {
        int32_t cp;
        size_t step;
        char esc[8];
        const char *rep = NULL;

        if (u[i] >= 0x20 && u[i] < 0x7F && u[i] != '"' && u[i] != '\\') {
            i++;
            continue;
        }
        step = tracuu_utf8__decode (u + i, len - i, &cp);
        if (cp < 0)
            rep = "\xEF\xBF\xBD";
        else if (cp == '"')
            rep = "\\\"";
        else if (cp == '\\')
            rep = "\\\\";
        else if (cp == '\n')
            rep = "\\n";
        else if (cp == '\t')
            rep = "\\t";
        else if (cp == '\r')
            rep = "\\r";
        else if (cp < 0x20 || cp == 0x7F) {
            snprintf (esc, sizeof esc, "\\u%04x", (unsigned) cp);
            rep = esc;
        }
        if (rep != NULL) {
            put (p, s + run, i - run);
            puts_ (p, rep);
            run = i + step;
        }
        i += step;
    }
    put (p, s + run, len - run);
    put (p, "\"", 1);
}

/* ------------------------------------------------------------------ */
/* CSV.                                                               */

static void
csv_quoted (tracuu_printer_t *p, const char *s, size_t len)
{
    size_t run = 0;

    if (memchr (s, ',', len) == NULL && memchr (s, '"', len) == NULL
        && memchr (s, '\r', len) == NULL && memchr (s, '\n', len) == NULL) {
        put (p, s, len);
        return;
    }
    put (p, "\"", 1);
    for (size_t i = 0; i < len; i++)
        if (s[i] == '"') {
            put (p, s + run, i + 1 - run);
            run = i;            /* The quote goes out twice. */
        }
    put (p, s + run, len - run);
    put (p, "\"", 1);
}

/* A scalar in CSV: a field of the row, or a part of a joined field. */
static void
csv_scalar (tracuu_printer_t *p, const char *s, size_t len)
{
    if (p->depth == 0) {
        fail (p, TRACUU_STATUS_BAD_ARGUMENT, "a CSV value outside a row");
        return;
    }
    if (p->depth > 1) {
        if (p->joined++ > 0)
            tracuu_buf__append (&p->status, &p->field, "; ", 2);
        tracuu_buf__append (&p->status, &p->field, s, len);
        return;
    }
    if (p->fields++ > 0)
        put (p, ",", 1);
    csv_quoted (p, s, len);
}

/* ------------------------------------------------------------------ */
/* Structure.                                                         */

static frame_t *
top (tracuu_printer_t *p)
{
    return p->depth ? &p->stack[p->depth - 1] : NULL;
}

/* Separators before an item of the innermost container (JSON). */
static void
json_separate (tracuu_printer_t *p, frame_t *f)
{
    if (f->n++ > 0)
        put (p, f->lines || !(p->flags & TRACUU_PRINTER_SPACED) ? "," : ", ",
             f->lines || !(p->flags & TRACUU_PRINTER_SPACED) ? 1 : 2);
    if (f->lines)
        indent (p, p->depth);
}

/* Before a value: checks that one may come, and separates it. */
static int
begin_value (tracuu_printer_t *p)
{
    frame_t *f = top (p);

    if (p->status != TRACUU_STATUS_OK)
        return 0;
    if (f != NULL && f->map) {
        if (!f->has_key) {
            fail (p, TRACUU_STATUS_BAD_ARGUMENT, "a value without a key");
            return 0;
        }
        f->has_key = 0;
        return 1;
    }
    if (f != NULL && p->format != TRACUU_PRINTER_CSV)
        json_separate (p, f);
    return 1;
}

/* After a value: a top-level value ends its line. */
static void
end_value (tracuu_printer_t *p)
{
    if (p->depth == 0 && p->format != TRACUU_PRINTER_CSV)
        put (p, "\n", 1);
}

static void
scalar (tracuu_printer_t *p, const char *json, const char *csv, size_t csv_len)
{
    if (!begin_value (p))
        return;
    if (p->format == TRACUU_PRINTER_CSV)
        csv_scalar (p, csv, csv_len);
    else
        puts_ (p, json);
    end_value (p);
}

static void
open_container (tracuu_printer_t *p, int map)
{
    int lines = p->lines_next && p->format == TRACUU_PRINTER_JSON;

    p->lines_next = 0;
    if (!begin_value (p))
        return;
    if (p->depth == TRACUU_PRINTER_MAX_DEPTH) {
        fail (p, TRACUU_STATUS_BAD_ARGUMENT, "maps and arrays nested too deep");
        return;
    }
    p->stack[p->depth++] = (frame_t) { map, lines, 0, 0 };
    if (p->format != TRACUU_PRINTER_CSV) {
        put (p, map ? "{" : "[", 1);
    } else if (p->depth == 1) {
        p->fields = 0;
    } else if (p->depth == 2) {
        p->field.len = 0;
        p->joined = 0;
    }
}

void
tracuu_printer_map_open (tracuu_printer_t *p)
{
    if (p != NULL)
        open_container (p, 1);
}

void
tracuu_printer_array_open (tracuu_printer_t *p)
{
    if (p != NULL)
        open_container (p, 0);
}

void
tracuu_printer_close (tracuu_printer_t *p)
{
    frame_t *f;

    if (p == NULL || p->status != TRACUU_STATUS_OK)
        return;
    f = top (p);
    if (f == NULL || (f->map && f->has_key)) {
        fail (p, TRACUU_STATUS_BAD_ARGUMENT,
              f ? "a key without a value" : "a close with nothing open");
        return;
    }
    p->depth--;
    if (p->format != TRACUU_PRINTER_CSV) {
        if (f->lines && f->n > 0)
            indent (p, p->depth);
        put (p, f->map ? "}" : "]", 1);
    } else if (p->depth == 0) {
        put (p, "\r\n", 2);
    } else if (p->depth == 1) {
        /* The joined field, as one field of the row. */
        p->depth = 1;
        if (p->fields++ > 0)
            put (p, ",", 1);
        csv_quoted (p, p->field.data ? p->field.data : "", p->field.len);
    }
    end_value (p);
}

void
tracuu_printer_lines (tracuu_printer_t *p)
{
    if (p != NULL)
        p->lines_next = 1;
}

void
tracuu_printer_key (tracuu_printer_t *p, const char *key)
{
    frame_t *f;

    if (p == NULL || p->status != TRACUU_STATUS_OK)
        return;
    f = top (p);
    if (f == NULL || !f->map || f->has_key || key == NULL) {
        fail (p, TRACUU_STATUS_BAD_ARGUMENT,
              f && f->map ? "two keys in a row" : "a key outside a map");
        return;
    }
    f->has_key = 1;
    if (p->format == TRACUU_PRINTER_CSV)
        return;
    json_separate (p, f);
    json_string (p, key, strlen (key));
    puts_ (p, p->flags & TRACUU_PRINTER_SPACED ? ": " : ":");
}

/* ------------------------------------------------------------------ */
/* Scalars.                                                           */

void
tracuu_printer_string_len (tracuu_printer_t *p, const char *s, size_t len)
{
    if (p == NULL)
        return;
    if (s == NULL) {
        tracuu_printer_null (p);
        return;
    }
    if (!begin_value (p))
        return;
    if (p->format == TRACUU_PRINTER_CSV)
        csv_scalar (p, s, len);
    else
        json_string (p, s, len);
    end_value (p);
}

void
tracuu_printer_string (tracuu_printer_t *p, const char *s)
{
    tracuu_printer_string_len (p, s, s ? strlen (s) : 0);
}

void
tracuu_printer_base64 (tracuu_printer_t *p, const void *data, size_t len)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const unsigned char *u = data;
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };

    if (p == NULL)
        return;
    tracuu_buf__reserve (&rc, &b, (len + 2) / 3 * 4);
    for (size_t i = 0; i < len && rc == TRACUU_STATUS_OK; i += 3) {
        uint32_t v = (uint32_t) u[i] << 16;
        char q[4];

        if (i + 1 < len)
            v |= (uint32_t) u[i + 1] << 8;
        if (i + 2 < len)
            v |= u[i + 2];
        q[0] = digits[v >> 18 & 63];
        q[1] = digits[v >> 12 & 63];
        q[2] = i + 1 < len ? digits[v >> 6 & 63] : '=';
        q[3] = i + 2 < len ? digits[v & 63] : '=';
        tracuu_buf__append (&rc, &b, q, 4);
    }
    if (rc)
        fail (p, rc, "out of memory");
    else
        tracuu_printer_string_len (p, b.data ? b.data : "", b.len);
    tracuu_buf__dispose (&b);
}

void
tracuu_printer__path_bytes (tracuu_printer_t *p, const char *path)
{
    if (p == NULL || path == NULL || p->format == TRACUU_PRINTER_CSV
        || tracuu_utf8__valid (path, strlen (path)))
        return;
    tracuu_printer_key (p, "path_bytes");
    tracuu_printer_base64 (p, path, strlen (path));
}

void
tracuu_printer_integer (tracuu_printer_t *p, int64_t value)
{
    char num[32];

    if (p == NULL)
        return;
    snprintf (num, sizeof num, "%" PRId64, value);
    scalar (p, num, num, strlen (num));
}

void
tracuu_printer_number (tracuu_printer_t *p, double value, int decimals)
{
    char num[400];

    if (p == NULL)
        return;
    if (!isfinite (value)) {
        tracuu_printer_null (p);
        return;
    }
    snprintf (num, sizeof num, "%.*f", decimals < 0 ? 0 : decimals > 17 ? 17
                                       : decimals, value);
    scalar (p, num, num, strlen (num));
}

void
tracuu_printer_bool (tracuu_printer_t *p, int value)
{
    if (p != NULL)
        scalar (p, value ? "true" : "false", value ? "1" : "0", 1);
}

void
tracuu_printer_null (tracuu_printer_t *p)
{
    if (p != NULL)
        scalar (p, "null", "", 0);
}

void
tracuu_printer_columns (tracuu_printer_t *p, const char *const *names, size_t n)
{
    if (p == NULL || p->format != TRACUU_PRINTER_CSV
        || p->status != TRACUU_STATUS_OK)
        return;
    if (p->depth != 0) {
        fail (p, TRACUU_STATUS_BAD_ARGUMENT, "a CSV header inside a row");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            put (p, ",", 1);
        csv_quoted (p, names[i], strlen (names[i]));
    }
    put (p, "\r\n", 2);
}

/* ------------------------------------------------------------------ */
/* The printer.                                                       */

tracuu_status_t
tracuu_printer_new (FILE *out, tracuu_printer_format_t format, unsigned flags,
                    tracuu_printer_t **printer_out)
{
    tracuu_printer_t *p;

    if (printer_out != NULL)
        *printer_out = NULL;
    if (out == NULL || printer_out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (format != TRACUU_PRINTER_JSON && format != TRACUU_PRINTER_JSONL
        && format != TRACUU_PRINTER_CSV)
        return TRACUU_STATUS_BAD_ARGUMENT;
    p = calloc (1, sizeof *p);
    if (p == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    p->out = out;
    p->format = format;
    p->flags = flags;
    *printer_out = p;
    return TRACUU_STATUS_OK;
}

tracuu_printer_format_t
tracuu_printer_format (const tracuu_printer_t *p)
{
    return p ? p->format : TRACUU_PRINTER_JSON;
}

tracuu_status_t
tracuu_printer_status (const tracuu_printer_t *p)
{
    return p ? p->status : TRACUU_STATUS_NULL_POINTER;
}

const char *
tracuu_printer_last_error (const tracuu_printer_t *p)
{
    return p && p->status ? p->error : "";
}

tracuu_status_t
tracuu_printer_finish (tracuu_printer_t *p)
{
    if (p == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (p->depth > 0)
        fail (p, TRACUU_STATUS_BAD_ARGUMENT, "a map or array left open");
    errno = 0;
    if (p->status == TRACUU_STATUS_OK
        && (fflush (p->out) != 0 || ferror (p->out))) {
        p->saved_errno = errno ? errno : EIO;
        fail (p, TRACUU_STATUS_IO_ERROR, strerror (p->saved_errno));
    }
    if (p->status == TRACUU_STATUS_IO_ERROR)
        errno = p->saved_errno;
    return p->status;
}

void
tracuu_printer_destroy (tracuu_printer_t *p)
{
    if (p == NULL)
        return;
    tracuu_buf__dispose (&p->field);
    free (p);
}
