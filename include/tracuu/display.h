/* tracuu display: terminal widths of UTF-8 text, for aligned tables, and
 * file names made safe to print, and whether a terminal gets escapes. */
#ifndef TRACUU_DISPLAY_H
#define TRACUU_DISPLAY_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Columns that 'len' bytes of UTF-8 take on a terminal, as wcwidth()
 * counts them: combining marks, format characters, controls and Hangul
 * medial vowels and finals 0, East Asian wide and full-width characters
 * 2, others 1 (invalid bytes count 1 each). "Nguyễn" in NFD is 6, as in
 * NFC; "中文" is 4.
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

/** When to write terminal escapes (bold, line erasing): --color=WHEN. */
typedef enum tracuu_color {
    TRACUU_COLOR_AUTO,          /* On a terminal that takes them. */
    TRACUU_COLOR_ALWAYS,
    TRACUU_COLOR_NEVER
} tracuu_color_t;

/**
 * Parse "auto", "always" or "never" into *out.
 * Returns 0, or -1 (and leaves *out) for anything else.
 * @since 0.1
 */
int
tracuu_display_color_parse (const char *s, tracuu_color_t *out);

/**
 * Whether output to file descriptor 'fd' gets terminal escapes: always
 * for TRACUU_COLOR_ALWAYS, never for _NEVER; for _AUTO only when 'fd' is
 * a terminal, $NO_COLOR is unset or empty (https://no-color.org) and
 * $TERM is set and not "dumb" (as GNU grep decides).
 * @since 0.1
 */
int
tracuu_display_use_color (int fd, tracuu_color_t mode);

/**
 * 'len' bytes of a file name as text output shows it, so that no name
 * can move the cursor, change colours or split a line: control
 * characters are written \a \b \t \n \v \f \r or \ooo in octal (ESC is
 * \033), bytes that are not UTF-8 \ooo too, and a backslash \\, as
 * "ls -b" does. Other characters, Vietnamese included, are kept. A new
 * NUL-terminated string, to be freed with free(); NULL when memory ran
 * out.
 * @since 0.2
 */
char *
tracuu_display_escape (const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_DISPLAY_H */
