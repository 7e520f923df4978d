/* tracuu display: terminal widths of UTF-8 text, for aligned tables. */
#ifndef TRACUU_DISPLAY_H
#define TRACUU_DISPLAY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Columns that 'len' bytes of UTF-8 take on a terminal: combining marks
 * and format characters 0, East Asian wide and full-width characters 2,
 * others 1 (invalid bytes count 1 each). "Nguyễn" in NFD is 6, as in NFC.
 * @since 0.1
 */
size_t
tracuu_display_width (const char *s, size_t len);

/**
 * The longest prefix of 's' (in bytes, on a character boundary, with
 * its combining marks) that fits in 'columns'.
 * @since 0.1
 */
size_t
tracuu_display_fit (const char *s, size_t len, size_t columns);

/**
 * 'path' relative to the current directory when it lies below it, else
 * 'path' itself; a pointer into 'path' (no copy). The current directory
 * is read once per process.
 * @since 0.1
 */
const char *
tracuu_display_path (const char *path);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_DISPLAY_H */
