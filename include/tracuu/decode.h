/*
 * tracuu decoding: a file of any supported format and encoding -> UTF-8.
 *
 * Formats: plain text and Markdown, HTML, .docx, .pdf (pdftotext), .doc
 * (antiword/catdoc), and any of them gzip-compressed (.gz). Encodings of
 * text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, Windows-1258,
 * TCVN3 (ABC), VNI-Windows, VISCII; detected by evidence unless forced.
 * The output is UTF-8 that tracuu_text_analyze() then normalizes (NFC,
 * line ends); it may still hold invalid sequences when the input was
 * mostly-valid UTF-8 (those are replaced and counted by the analysis).
 */
#ifndef TRACUU_DECODE_H
#define TRACUU_DECODE_H

#include <stddef.h>

#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options of the decoders. Initialize with TRACUU_DECODE_OPTIONS_INIT. */
typedef struct tracuu_decode_options {
    unsigned version;        /* TRACUU_DECODE_OPTIONS_VERSION. */
    const char *encoding;    /* Force an encoding by name ("tcvn3"...); NULL: detect. */
    size_t max_input_bytes;  /* Refuse larger files (0: no limit). */
    size_t max_output_bytes; /* Refuse to produce more text, or to inflate
                                more gzip data (bombs); checked as the
                                text grows (0: no limit). */
    unsigned timeout_seconds;/* Limit for external converters. */
} tracuu_decode_options_t;

#define TRACUU_DECODE_OPTIONS_VERSION 1
#define TRACUU_DECODE_OPTIONS_INIT \
    { TRACUU_DECODE_OPTIONS_VERSION, NULL, 0, (size_t) 512 << 20, 60 }

/**
 * A decoded file. The caller owns the struct; tracuu_decoded_dispose()
 * frees what it holds.
 */
typedef struct tracuu_decoded {
    char *text;              /* UTF-8, NUL-terminated; NULL on failure. */
    size_t len;              /* Its length in bytes. */
    const char *format;      /* Static: "text", "html", "docx", "pdf", "doc". */
    const char *encoding;    /* Static: "utf-8", "utf-8-bom", "utf-16le",
                                "utf-16be", "windows-1258", "tcvn3",
                                "vni-windows", "viscii", or NULL if n/a;
                                for HTML whose <meta> names another
                                charset, ICU's IANA name of it. */
    int compressed;          /* Non-zero if the file was gzip-compressed. */
    char error[256];         /* On failure: the reason, for the user. */
    size_t n_control;        /* NUL and other control bytes (not tab, line
                                ends, form feed) found in the text and
                                replaced by spaces. */
    int over_text_limit;     /* On failure: non-zero when the text was
                                longer than max_output_bytes. */
} tracuu_decoded_t;

/**
 * Read and decode the file at 'path' ('opts' may be NULL for defaults).
 *
 * Returns TRACUU_STATUS_OK; _IO_ERROR (errno kept); _UNSUPPORTED_FORMAT
 * for binary or unknown content; _BAD_INPUT for a malformed file;
 * _LIMIT_EXCEEDED past a limit; _EXTERNAL_TOOL when a needed converter
 * is missing, fails or times out. On failure out->error says why, in
 * one line that does not repeat the path, and out->text is NULL.
 *
 * A directory gives _IO_ERROR with errno EISDIR; a fifo, device or
 * socket gives _UNSUPPORTED_FORMAT ("not a regular file (fifo),
 * skipped") without blocking; binary files give _UNSUPPORTED_FORMAT
 * ("binary file (PNG image), skipped"). An empty file is OK, with "".
 * A forced encoding name that is not one of those listed for
 * tracuu_decoded_t.encoding (or an alias: "cp1258", "abc", "vni")
 * gives _BAD_ARGUMENT.
 * @since 0.1
 */
tracuu_status_t
tracuu_decode_file (const char *path, const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out);

/**
 * Decode bytes already in memory; 'name' (may be NULL) is used only for
 * its extension. Same results as tracuu_decode_file().
 * @since 0.1
 */
tracuu_status_t
tracuu_decode_buffer (const char *name, const char *bytes, size_t len,
                      const tracuu_decode_options_t *opts,
                      tracuu_decoded_t *out);

/** Free what 'decoded' holds (not the struct). NULL is a no-op. */
void
tracuu_decoded_dispose (tracuu_decoded_t *decoded);

/**
 * Non-zero if 'name' is an encoding tracuu_decode_options_t.encoding
 * accepts (names and aliases as tracuu_decode_file() takes them).
 * @since 0.1
 */
int
tracuu_decode_encoding_known (const char *name);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_DECODE_H */
