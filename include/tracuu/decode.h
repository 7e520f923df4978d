/*
 * tracuu decoding: a file of any supported format and encoding -> UTF-8.
 *
 * Formats: plain text and Markdown, HTML, .docx, .odt, .rtf, .pdf
 * (pdftotext; pages without text through OCR), images (.png, .jpg, .tif:
 * OCR with Tesseract's Vietnamese model), spreadsheets (.xlsx, .ods,
 * .csv: one line per row, cells separated by tabs, each sheet after a
 * line with its name), .doc (antiword/catdoc; an RTF file named .doc is
 * read as RTF), and any of them gzip-compressed (.gz). Encodings of
 * text: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, Windows-1258,
 * TCVN3 (ABC), VNI-Windows, VISCII; detected by evidence unless forced.
 * The output is UTF-8 that tracuu_text_analyze() then normalizes (NFC,
 * line ends); it may still hold invalid sequences when the input was
 * mostly-valid UTF-8 (those are replaced and counted by the analysis).
 *
 * Paginated formats (PDF, multi-page TIFF) separate pages by a line
 * holding only a form feed ("\f"), so that line numbers count the same
 * with or without it and tracuu_page_of_line() can tell a line's page.
 */
#ifndef TRACUU_DECODE_H
#define TRACUU_DECODE_H

#include <stddef.h>

#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** When text is read by OCR (tracuu_decode_options_t.ocr). */
typedef enum tracuu_ocr_mode {
    TRACUU_OCR_AUTO = 0,     /* PDF pages without text, and images. */
    TRACUU_OCR_NEVER,        /* None: images are skipped as binary. */
    TRACUU_OCR_ALWAYS        /* Every PDF page, even with a text layer. */
} tracuu_ocr_mode_t;

/** Options of the decoders. Initialize with TRACUU_DECODE_OPTIONS_INIT. */
typedef struct tracuu_decode_options {
    unsigned version;        /* TRACUU_DECODE_OPTIONS_VERSION. */
    const char *encoding;    /* Force an encoding by name ("tcvn3"...); NULL: detect. */
    size_t max_input_bytes;  /* Refuse larger files (0: no limit). */
    size_t max_output_bytes; /* Refuse to produce more text, or to inflate
                                more gzip data (bombs); checked as the
                                text grows (0: no limit). */
    unsigned timeout_seconds;/* Limit for external converters, and for
                                the OCR of one page. */
    tracuu_ocr_mode_t ocr;   /* TRACUU_OCR_AUTO by default. */
} tracuu_decode_options_t;

#define TRACUU_DECODE_OPTIONS_VERSION 1
#define TRACUU_DECODE_OPTIONS_INIT \
    { TRACUU_DECODE_OPTIONS_VERSION, NULL, 0, (size_t) 512 << 20, 60, \
      TRACUU_OCR_AUTO }

/**
 * A decoded file. The caller owns the struct; tracuu_decoded_dispose()
 * frees what it holds.
 */
typedef struct tracuu_decoded {
    char *text;              /* UTF-8, NUL-terminated; NULL on failure. */
    size_t len;              /* Its length in bytes. */
    const char *format;      /* Static: "text", "html", "docx", "odt",
                                "rtf", "pdf", "doc", "image", "xlsx",
                                "ods", "csv". */
    const char *encoding;    /* Static: "utf-8", "utf-8-bom", "utf-16le",
                                "utf-16be", "windows-1258", "tcvn3",
                                "vni-windows", "viscii", or NULL if n/a;
                                for HTML whose <meta> names another
                                charset, ICU's IANA name of it. */
    int compressed;          /* Non-zero if the file was gzip-compressed. */
    unsigned pages;          /* Pages of a paginated format (PDF, image),
                                0 for others. */
    unsigned ocr_pages;      /* Pages of them whose text came from OCR. */
    unsigned unread_pages;   /* Pages without text that OCR could not
                                read (the others were decoded)... */
    const char *unread_reason; /* ...and why (static), or NULL. */
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
 * ("binary file (ELF executable), skipped"; images too with
 * TRACUU_OCR_NEVER). A file that needs OCR when Tesseract's Vietnamese
 * model is missing gives _EXTERNAL_TOOL ("OCR unavailable: ... install
 * tesseract-ocr-vie"), except a PDF with other pages of text, which is
 * decoded with out->unread_pages set. An empty file is OK, with "".
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

/**
 * The page (1-based) holding 1-based line 'line' of a decoded text:
 * one more than the page-break lines ("\f") before it. 1 for a text
 * without page breaks.
 * @since 0.2
 */
unsigned
tracuu_page_of_line (const char *text, size_t len, size_t line);

/**
 * Release the OCR engine of the calling thread, if it made one (each
 * thread that decodes with OCR makes its own, on first use, since a
 * Tesseract engine serves one thread at a time; threads that exit
 * release theirs). Call it from a long-lived thread that is done
 * decoding.
 * @since 0.2
 */
void
tracuu_decode_thread_done (void);

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
