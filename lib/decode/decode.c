/*
 * Decoding: read a file, recognise its format, hand it to the right
 * decoder (text, HTML, docx, gzip, external converters) and give back
 * UTF-8. Plain text and the sniffing of binary formats live here.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#include "tracuu/decode.h"
#include <pthread.h>
#include <libxml/parser.h>

#include "decode/decode-private.h"
#include "util/util-private.h"

/* gzip inside gzip inside ... is refused past this depth. */
#define MAX_NESTING 3

/* Bytes read at a time from a file of unknown size. */
#define READ_CHUNK 65536

void
tracuu_decode__buf_init (tracuu_decode_buf_t *buf, size_t limit)
{
    buf->data = NULL;
    buf->len = 0;
    buf->alloc = 0;
    buf->limit = limit;
    buf->status = TRACUU_STATUS_OK;
}

void
tracuu_decode__buf_append (tracuu_decode_buf_t *buf, const char *p, size_t n)
{
    if (buf->status != TRACUU_STATUS_OK)
        return;
    if (buf->limit && (n > buf->limit || buf->len > buf->limit - n)) {
        buf->status = TRACUU_STATUS_LIMIT_EXCEEDED;
        return;
    }
    if (n > SIZE_MAX - buf->len - 1) {
        buf->status = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    if (buf->len + n + 1 > buf->alloc) {
        char *data = tracuu_array__grow (&buf->status, buf->data, &buf->alloc,
                                         buf->len + n + 1, 1);

        if (data == NULL)
            return;
        buf->data = data;
    }
    if (n)
        memcpy (buf->data + buf->len, p, n);
    buf->len += n;
    buf->data[buf->len] = '\0';
}

void
tracuu_decode__buf_putc (tracuu_decode_buf_t *buf, char c)
{
    tracuu_decode__buf_append (buf, &c, 1);
}

void
tracuu_decode__buf_put_cp (tracuu_decode_buf_t *buf, uint32_t cp)
{
    char u[4];

    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (cp < 0x80) {
        u[0] = (char) cp;
        tracuu_decode__buf_append (buf, u, 1);
    } else if (cp < 0x800) {
        u[0] = (char) (0xC0 | (cp >> 6));
        u[1] = (char) (0x80 | (cp & 0x3F));
        tracuu_decode__buf_append (buf, u, 2);
    } else if (cp < 0x10000) {
        u[0] = (char) (0xE0 | (cp >> 12));
        u[1] = (char) (0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char) (0x80 | (cp & 0x3F));
        tracuu_decode__buf_append (buf, u, 3);
    } else {
        u[0] = (char) (0xF0 | (cp >> 18));
        u[1] = (char) (0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char) (0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char) (0x80 | (cp & 0x3F));
        tracuu_decode__buf_append (buf, u, 4);
    }
}

tracuu_status_t
tracuu_decode__buf_finish (tracuu_decode_buf_t *buf, tracuu_decoded_t *out)
{
    if (buf->status == TRACUU_STATUS_OK && buf->data == NULL)
        tracuu_decode__buf_append (buf, "", 0);
    if (buf->status != TRACUU_STATUS_OK) {
        if (buf->status == TRACUU_STATUS_LIMIT_EXCEEDED) {
            tracuu_decode__set_error (out, "text longer than the limit of "
                                      "%.1f MB", buf->limit / 1048576.0);
            out->over_text_limit = 1;
        } else
            tracuu_decode__set_error (out, "out of memory");
        return buf->status;
    }
    out->text = buf->data;
    out->len = buf->len;
    tracuu_decode__buf_init (buf, buf->limit);
    return TRACUU_STATUS_OK;
}

void
tracuu_decode__buf_dispose (tracuu_decode_buf_t *buf)
{
    free (buf->data);
    tracuu_decode__buf_init (buf, buf->limit);
}

void
tracuu_decode__set_error (tracuu_decoded_t *out, const char *format, ...)
{
    va_list ap;

    va_start (ap, format);
    vsnprintf (out->error, sizeof out->error, format, ap);
    va_end (ap);
}

size_t
tracuu_decode__output_limit (const tracuu_decode_options_t *opts)
{
    return opts->max_output_bytes;
}

/* The extension of 'name' without the dot ("" if none), e.g. "gz". */
static const char *
name_extension (const char *name)
{
    const char *slash, *dot;

    if (name == NULL)
        return "";
    slash = strrchr (name, '/');
    if (slash)
        name = slash + 1;
    dot = strrchr (name, '.');
    if (dot == NULL || dot == name)
        return "";
    return dot + 1;
}

static int
has_extension (const char *name, const char *ext)
{
    return strcasecmp (name_extension (name), ext) == 0;
}

static int
starts_with (const char *bytes, size_t len, const char *magic, size_t n)
{
    return len >= n && memcmp (bytes, magic, n) == 0;
}

/* Name of a binary format recognised by its first bytes, or NULL. */
static const char *
sniff_binary (const char *b, size_t len)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *what;
    } magics[] = {
        { "\x7f" "ELF", 4, "ELF executable" },
        { "\x89PNG\r\n\x1a\n", 8, "PNG image" },
        { "\xff\xd8\xff", 3, "JPEG image" },
        { "GIF87a", 6, "GIF image" },
        { "GIF89a", 6, "GIF image" },
        { "II*\0", 4, "TIFF image" },
        { "MM\0*", 4, "TIFF image" },
        { "RIFF", 4, "RIFF media file" },
        { "OggS", 4, "Ogg media file" },
        { "ID3", 3, "MP3 audio" },
        { "fLaC", 4, "FLAC audio" },
        { "%!PS", 4, "PostScript document" },
        { "{\\rtf", 5, "RTF document" },
        { "Rar!\x1a\x07", 6, "RAR archive" },
        { "7z\xbc\xaf\x27\x1c", 6, "7-Zip archive" },
        { "\xfd" "7zXZ\0", 6, "xz archive" },
        { "\x28\xb5\x2f\xfd", 4, "zstd archive" },
        { "SQLite format 3\0", 16, "SQLite database" },
        { "\xca\xfe\xba\xbe", 4, "Java class or Mach-O binary" },
        { "\xcf\xfa\xed\xfe", 4, "Mach-O binary" },
        { "\0asm", 4, "WebAssembly module" },
        { "wOFF", 4, "WOFF font" },
        { "wOF2", 4, "WOFF font" },
        { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, "OLE2 compound document" },
        { "PK\x03\x04", 4, "zip archive" },
        { "PK\x05\x06", 4, "zip archive" },
    };
    size_t i;

    for (i = 0; i < sizeof magics / sizeof magics[0]; i++)
        if (starts_with (b, len, magics[i].magic, magics[i].len))
            return magics[i].what;
    if (starts_with (b, len, "BZh", 3) && len >= 10
        && memcmp (b + 4, "1AY&SY", 6) == 0)
        return "bzip2 archive";
    if (starts_with (b, len, "MZ", 2) && memchr (b, '\0', len < 64 ? len : 64))
        return "Windows executable";
    if (len >= 12 && memcmp (b + 4, "ftyp", 4) == 0)
        return "MP4 media file";
    return NULL;
}

/* Non-zero if 'b' is mostly not text: more than one byte in 20 of its
 * first 64 KiB is a NUL or another control byte. Tab, line ends, form
 * feed, ESC and ^Z (old DOS end of file) are text; so are the six C0
 * bytes VISCII uses for capital letters. A run of NULs counts once, so
 * that a report padded with zeros (a file cut short by a crash) is still
 * read. Fewer control bytes are text with a few stray bytes, which the
 * decoder reads as spaces and counts (tracuu_decoded_t.n_control). */
static int
looks_binary (const char *b, size_t len)
{
    size_t i, n = len < 65536 ? len : 65536, bad = 0;

    for (i = 0; i < n; i++) {
        unsigned char c = (unsigned char) b[i];

        if (c == 0) {
            bad += i == 0 || b[i - 1] != 0;
            continue;
        }
        if ((c < 0x20 && !strchr ("\t\n\r\f\v\x1a\x1b\x02\x05\x06\x14\x19\x1e", c))
            || c == 0x7f)
            bad++;
    }
    return bad > 4 && bad * 20 > n;
}

/* Replace NUL and control bytes of the decoded text by spaces, so that
 * no NUL hides the rest of the text from code reading C strings and no
 * terminal control reaches a snippet; count them. Tab, line ends and
 * form feed stay. Control bytes are never part of a multi-byte UTF-8
 * sequence, so the replacement keeps the text's offsets. */
static void
blank_controls (tracuu_decoded_t *out)
{
    for (size_t i = 0; i < out->len; i++) {
        unsigned char c = (unsigned char) out->text[i];

        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
             && c != '\v') || c == 0x7f) {
            out->text[i] = ' ';
            out->n_control++;
        }
    }
}

/* Plain text in any supported encoding. */
static tracuu_status_t
decode_text (const char *bytes, size_t len, const tracuu_decode_options_t *opts,
             tracuu_decoded_t *out)
{
    tracuu_status_t status;
    tracuu_decode_buf_t buf;
    const char *what, *utf16 = NULL;

    tracuu_decode__buf_init (&buf, tracuu_decode__output_limit (opts));
    out->format = "text";
    if (opts->encoding == NULL) {
        if (starts_with (bytes, len, "\xff\xfe", 2)
            || starts_with (bytes, len, "\xfe\xff", 2))
            utf16 = "bom";
        else
            utf16 = tracuu_decode__sniff_utf16 (bytes, len);
    }
    if (utf16 == NULL && opts->encoding == NULL && looks_binary (bytes, len)) {
        what = sniff_binary (bytes, len);
        tracuu_decode__set_error (out, "binary file (%s)",
                                  what ? what : "control bytes");
        status = TRACUU_STATUS_UNSUPPORTED_FORMAT;
        goto DONE;
    }
    status = tracuu_decode__charset (bytes, len, opts->encoding, &buf,
                                     &out->encoding, out);
    /* A full buffer stopped the conversion: finishing it says why. */
    if (status == TRACUU_STATUS_OK || buf.status != TRACUU_STATUS_OK)
        status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    tracuu_decode__buf_dispose (&buf);
    return status;
}

/* Inflate gzip data (every member) into 'buf'. */
static tracuu_status_t
gunzip (const char *bytes, size_t len, tracuu_decode_buf_t *buf,
        tracuu_decoded_t *out)
{
    tracuu_status_t status = TRACUU_STATUS_OK;
    z_stream zs;
    unsigned char chunk[READ_CHUNK];
    int zr = Z_OK;

    memset (&zs, 0, sizeof zs);
    if (inflateInit2 (&zs, 16 + MAX_WBITS) != Z_OK) {
        tracuu_decode__set_error (out, "out of memory");
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    zs.next_in = (unsigned char *) bytes;
    while (len > 0) {
        uInt take = len > (1u << 30) ? (1u << 30) : (uInt) len;

        zs.avail_in = take;
        zs.next_in = (unsigned char *) bytes;
        do {
            zs.next_out = chunk;
            zs.avail_out = sizeof chunk;
            zr = inflate (&zs, Z_NO_FLUSH);
            if (zr != Z_OK && zr != Z_STREAM_END && zr != Z_BUF_ERROR)
                break;
            tracuu_decode__buf_append (buf, (char *) chunk,
                                       sizeof chunk - zs.avail_out);
            if (buf->status)
                break;
            if (zr == Z_STREAM_END) {
                /* Another member may follow; trailing zeros do not count. */
                if (zs.avail_in == 0 || zs.next_in[0] != 0x1f)
                    break;
                inflateReset (&zs);
                zr = Z_OK;
            }
        } while (zs.avail_out == 0 || (zs.avail_in > 0 && zr == Z_OK));
        if (buf->status || (zr != Z_OK && zr != Z_BUF_ERROR))
            break;
        bytes += take - zs.avail_in;
        len -= take - zs.avail_in;
        if (zs.avail_in == take)
            break;                  /* No progress: truncated. */
    }
    if (buf->status == TRACUU_STATUS_LIMIT_EXCEEDED) {
        tracuu_decode__set_error (out, "gzip data expands past the limit of "
                                  "%.1f MB (compression bomb?)",
                                  buf->limit / 1048576.0);
        out->over_text_limit = 1;
        status = TRACUU_STATUS_LIMIT_EXCEEDED;
    } else if (buf->status) {
        tracuu_decode__set_error (out, "out of memory");
        status = buf->status;
    } else if (zr != Z_STREAM_END) {
        tracuu_decode__set_error (out, "corrupt or truncated gzip data%s%s",
                                  zs.msg ? ": " : "", zs.msg ? zs.msg : "");
        status = TRACUU_STATUS_BAD_INPUT;
    }
    inflateEnd (&zs);
    return status;
}

static tracuu_status_t
decode_bytes (const char *name, const char *path, const char *bytes,
              size_t len, const tracuu_decode_options_t *opts,
              tracuu_decoded_t *out, int depth);

/* A .gz file: inflate and decode what is inside, named without ".gz". */
static tracuu_status_t
decode_gzip (const char *name, const char *bytes, size_t len,
             const tracuu_decode_options_t *opts, tracuu_decoded_t *out,
             int depth)
{
    tracuu_status_t status;
    tracuu_decode_buf_t inner;
    char *inner_name = NULL;

    tracuu_decode__buf_init (&inner, tracuu_decode__output_limit (opts));
    if (depth >= MAX_NESTING) {
        tracuu_decode__set_error (out, "gzip nested too deeply");
        status = TRACUU_STATUS_LIMIT_EXCEEDED;
        goto DONE;
    }
    status = gunzip (bytes, len, &inner, out);
    if (status)
        goto DONE;
    if (name && has_extension (name, "gz")) {
        inner_name = strndup (name, strlen (name) - 3);
        if (inner_name == NULL) {
            status = TRACUU_STATUS_OUT_OF_MEMORY;
            goto DONE;
        }
    }
    status = decode_bytes (inner_name, NULL, inner.data ? inner.data : "",
                           inner.len, opts, out, depth + 1);
    out->compressed = 1;

  DONE:
    free (inner_name);
    tracuu_decode__buf_dispose (&inner);
    return status;
}

static tracuu_status_t
decode_bytes (const char *name, const char *path, const char *bytes,
              size_t len, const tracuu_decode_options_t *opts,
              tracuu_decoded_t *out, int depth)
{
    const char *what;
    size_t head = len < 1024 ? len : 1024;

    if (starts_with (bytes, len, "\x1f\x8b", 2)
        || (len == 0 && has_extension (name, "gz")))
        return decode_gzip (name, bytes, len, opts, out, depth);
    if (len == 0) {
        /* An empty file is empty text; the caller decides what to do. */
        out->format = "text";
        out->encoding = "utf-8";
        out->text = strdup ("");
        return out->text ? TRACUU_STATUS_OK : TRACUU_STATUS_OUT_OF_MEMORY;
    }
    if (memmem (bytes, head, "%PDF-", 5) && (starts_with (bytes, len, "%PDF-", 5)
                                             || has_extension (name, "pdf")))
        return tracuu_decode__pdf (path, bytes, len, opts, out);
    if (starts_with (bytes, len, "{\\rtf", 5))
        return tracuu_decode__rtf (bytes, len, opts, out);
    if (has_extension (name, "docx"))
        return tracuu_decode__docx (bytes, len, opts, out);
    if (has_extension (name, "xlsx"))
        return tracuu_decode__xlsx (bytes, len, opts, out);
    if (has_extension (name, "ods"))
        return tracuu_decode__ods (bytes, len, opts, out);
    if (has_extension (name, "odt"))
        return tracuu_decode__odt (bytes, len, opts, out);
    what = sniff_binary (bytes, len);
    if (what && strcmp (what, "zip archive") == 0) {
        const char *kind = tracuu_decode__zip_kind (bytes, len);

        if (kind && strcmp (kind, "docx") == 0)
            return tracuu_decode__docx (bytes, len, opts, out);
        if (kind && strcmp (kind, "xlsx") == 0)
            return tracuu_decode__xlsx (bytes, len, opts, out);
        if (kind && strcmp (kind, "ods") == 0)
            return tracuu_decode__ods (bytes, len, opts, out);
        if (kind && strcmp (kind, "odt") == 0)
            return tracuu_decode__odt (bytes, len, opts, out);
    }
    if (what && opts->ocr != TRACUU_OCR_NEVER
        && (strcmp (what, "PNG image") == 0 || strcmp (what, "JPEG image") == 0
            || strcmp (what, "TIFF image") == 0))
        return tracuu_decode__image (bytes, len, opts, out);
    if (what && strcmp (what, "OLE2 compound document") == 0
        && (has_extension (name, "doc") || has_extension (name, "dot")
            || *name_extension (name) == '\0'))
        return tracuu_decode__external ("doc", path, bytes, len, opts, out);
    if (what) {
        tracuu_decode__set_error (out, "binary file (%s)", what);
        return TRACUU_STATUS_UNSUPPORTED_FORMAT;
    }
    if (has_extension (name, "csv") || has_extension (name, "tsv"))
        return tracuu_decode__csv (bytes, len, opts, out);
    if (has_extension (name, "html") || has_extension (name, "htm")
        || has_extension (name, "xhtml")
        || (!has_extension (name, "txt") && !has_extension (name, "md")
            && tracuu_decode__sniff_html (bytes, len))) {
        /* Named .html is not enough to be text. */
        if (opts->encoding == NULL && !starts_with (bytes, len, "\xff\xfe", 2)
            && !starts_with (bytes, len, "\xfe\xff", 2)
            && tracuu_decode__sniff_utf16 (bytes, len) == NULL
            && looks_binary (bytes, len)) {
            tracuu_decode__set_error (out, "binary file (control bytes)");
            return TRACUU_STATUS_UNSUPPORTED_FORMAT;
        }
        return tracuu_decode__html (bytes, len, opts, out);
    }
    return decode_text (bytes, len, opts, out);
}

static void
decoded_reset (tracuu_decoded_t *out)
{
    out->text = NULL;
    out->len = 0;
    out->format = NULL;
    out->encoding = NULL;
    out->compressed = 0;
    out->pages = 0;
    out->ocr_pages = 0;
    out->unread_pages = 0;
    out->unread_reason = NULL;
    out->n_control = 0;
    out->over_text_limit = 0;
    out->error[0] = '\0';
}

static tracuu_status_t
check_options (const tracuu_decode_options_t *opts, tracuu_decoded_t *out)
{
    if (opts->version != TRACUU_DECODE_OPTIONS_VERSION) {
        tracuu_decode__set_error (out, "unknown options version %u",
                                  opts->version);
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    return TRACUU_STATUS_OK;
}

/* Decode, and on failure leave nothing in 'out' but the reason. */
static tracuu_status_t
decode_checked (const char *name, const char *path, const char *bytes,
                size_t len, const tracuu_decode_options_t *opts,
                tracuu_decoded_t *out)
{
    tracuu_status_t status = decode_bytes (name, path, bytes, len, opts, out, 0);

    if (status) {
        free (out->text);
        out->text = NULL;
        out->len = 0;
        if (out->error[0] == '\0')
            tracuu_decode__set_error (out, "%s",
                                      tracuu_status_to_string (status));
    } else {
        out->error[0] = '\0';
        blank_controls (out);
    }
    return status;
}

tracuu_status_t
tracuu_decode_buffer (const char *name, const char *bytes, size_t len,
                      const tracuu_decode_options_t *opts,
                      tracuu_decoded_t *out)
{
    static const tracuu_decode_options_t defaults = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_status_t status;

    if (out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    decoded_reset (out);
    if (bytes == NULL && len > 0)
        return TRACUU_STATUS_NULL_POINTER;
    if (opts == NULL)
        opts = &defaults;
    status = check_options (opts, out);
    if (status)
        return status;
    if (opts->max_input_bytes && len > opts->max_input_bytes) {
        tracuu_decode__set_error (out, "input of %zu bytes exceeds the limit "
                                  "of %zu", len, opts->max_input_bytes);
        return TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    return decode_checked (name, NULL, bytes ? bytes : "", len, opts, out);
}

static const char *
file_kind (mode_t mode)
{
    if (S_ISFIFO (mode))
        return "fifo";
    if (S_ISCHR (mode))
        return "character device";
    if (S_ISBLK (mode))
        return "block device";
    if (S_ISSOCK (mode))
        return "socket";
    return "special file";
}

/* Read all of the regular file open on 'fd' into *out (owned by the
 * caller), at most 'limit' bytes (0: no limit). */
static tracuu_status_t
read_fd (int fd, const struct stat *st, size_t limit, char **bytes_out,
         size_t *len_out, tracuu_decoded_t *out)
{
    tracuu_decode_buf_t buf;
    tracuu_status_t status = TRACUU_STATUS_OK;
    char chunk[READ_CHUNK];

    tracuu_decode__buf_init (&buf, limit);
    if (limit && st->st_size > 0 && (unsigned long long) st->st_size > limit) {
        tracuu_decode__set_error (out, "file of %lld bytes exceeds the limit "
                                  "of %zu", (long long) st->st_size, limit);
        return TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    for (;;) {
        ssize_t n = read (fd, chunk, sizeof chunk);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int saved = errno;

            tracuu_decode__set_error (out, "cannot read: %s", strerror (saved));
            status = TRACUU_STATUS_IO_ERROR;
            errno = saved;
            goto DONE;
        }
        if (n == 0)
            break;
        tracuu_decode__buf_append (&buf, chunk, (size_t) n);
        if (buf.status == TRACUU_STATUS_LIMIT_EXCEEDED) {
            tracuu_decode__set_error (out, "file exceeds the limit of %zu "
                                      "bytes", limit);
            status = buf.status;
            goto DONE;
        }
        if (buf.status) {
            tracuu_decode__set_error (out, "out of memory");
            status = buf.status;
            goto DONE;
        }
    }
    *bytes_out = buf.data;
    *len_out = buf.len;
    tracuu_decode__buf_init (&buf, limit);

  DONE:
    tracuu_decode__buf_dispose (&buf);
    return status;
}

tracuu_status_t
tracuu_decode_file (const char *path, const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out)
{
    static const tracuu_decode_options_t defaults = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_status_t status;
    struct stat st;
    char *bytes = NULL;
    size_t len = 0;
    int fd = -1, saved = 0;

    if (out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    decoded_reset (out);
    if (path == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (opts == NULL)
        opts = &defaults;
    status = check_options (opts, out);
    if (status)
        return status;

    /* O_NONBLOCK: opening a fifo with no writer must not hang. */
    fd = open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0 || fstat (fd, &st) < 0) {
        saved = errno;
        tracuu_decode__set_error (out, "cannot open: %s", strerror (saved));
        status = TRACUU_STATUS_IO_ERROR;
        goto DONE;
    }
    if (S_ISDIR (st.st_mode)) {
        saved = EISDIR;
        tracuu_decode__set_error (out, "cannot read: %s", strerror (EISDIR));
        status = TRACUU_STATUS_IO_ERROR;
        goto DONE;
    }
    if (!S_ISREG (st.st_mode)) {
        saved = 0;
        tracuu_decode__set_error (out, "not a regular file (%s)",
                                  file_kind (st.st_mode));
        status = TRACUU_STATUS_UNSUPPORTED_FORMAT;
        goto DONE;
    }
    status = read_fd (fd, &st, opts->max_input_bytes, &bytes, &len, out);
    saved = errno;
    if (status)
        goto DONE;
    status = decode_checked (path, path, bytes ? bytes : "", len, opts, out);
    saved = errno;

  DONE:
    if (fd >= 0)
        close (fd);
    free (bytes);
    errno = saved;
    return status;
}

void
tracuu_decoded_dispose (tracuu_decoded_t *decoded)
{
    if (decoded == NULL)
        return;
    free (decoded->text);
    decoded->text = NULL;
    decoded->len = 0;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void
xml_init (void)
{
    xmlInitParser ();
}

void
tracuu_decode__xml_init (void)
{
    pthread_once (&xml_once, xml_init);
}

int
tracuu_decode_encoding_known (const char *name)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t out = { 0 };
    tracuu_status_t status;

    if (name == NULL)
        return 0;
    opts.encoding = name;
    status = tracuu_decode_buffer ("x.txt", "a", 1, &opts, &out);
    tracuu_decoded_dispose (&out);
    return status != TRACUU_STATUS_BAD_ARGUMENT;
}
