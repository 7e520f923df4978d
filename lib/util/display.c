/* Terminal widths of UTF-8 text, file names escaped for printing;
 * whether to write terminal escapes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unicode/uchar.h>

#include "tracuu/display.h"
#include "util/util-private.h"

/* Columns of one character, as wcwidth() gives them on a UTF-8
 * terminal: controls (C0, DEL, C1), combining marks, format characters
 * and Hangul medial vowels and final consonants (which join the syllable
 * before them) 0; East Asian wide and full-width characters 2; others,
 * and an invalid byte (shown as one replacement character), 1. */
static size_t
cp_width (int32_t cp)
{
    int8_t type;
    int ea;

    if (cp < 0)
        return 1;
    if (cp < 0x300)
        return (cp >= 0x20 && cp < 0x7F) || cp >= 0xA0 ? 1 : 0;
    if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF))
        return 0;
    type = u_charType (cp);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK
        || type == U_FORMAT_CHAR)
        return 0;
    ea = u_getIntPropertyValue (cp, UCHAR_EAST_ASIAN_WIDTH);
    return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

size_t
tracuu_display_width (const char *s, size_t len)
{
    size_t i = 0, w = 0;

    while (i < len) {
        int32_t cp;

        i += tracuu_utf8__decode ((const unsigned char *) s + i, len - i, &cp);
        w += cp_width (cp);
    }
    return w;
}

size_t
tracuu_display_fit (const char *s, size_t len, size_t columns)
{
    size_t i = 0, w = 0;

    while (i < len) {
        int32_t cp;
        size_t step = tracuu_utf8__decode ((const unsigned char *) s + i,
                                           len - i, &cp);
        size_t cw = cp_width (cp);

        if (w + cw > columns)
            break;
        w += cw;
        i += step;
    }
    return i;
}

const char *
tracuu_display_path (const char *path)
{
    static char cwd[4096];
    static size_t cwd_len;

    if (cwd_len == 0 && getcwd (cwd, sizeof cwd) != NULL)
        cwd_len = strlen (cwd);
    if (cwd_len > 1 && strncmp (path, cwd, cwd_len) == 0 && path[cwd_len] == '/')
        return path + cwd_len + 1;
    return path;
}

int
tracuu_display_color_parse (const char *s, tracuu_color_t *out)
{
    static const char *const names[] = { "auto", "always", "never" };

    for (int i = 0; s != NULL && i < 3; i++)
        if (strcmp (s, names[i]) == 0) {
            *out = (tracuu_color_t) i;
            return 0;
        }
    return -1;
}

int
tracuu_display_use_color (int fd, tracuu_color_t mode)
{
    const char *no_color = getenv ("NO_COLOR"), *term = getenv ("TERM");

    if (mode != TRACUU_COLOR_AUTO)
        return mode == TRACUU_COLOR_ALWAYS;
    if (no_color != NULL && *no_color != '\0')
        return 0;
    if (term == NULL || *term == '\0' || strcmp (term, "dumb") == 0)
        return 0;
    return isatty (fd);
}

char *
tracuu_display_escape (const char *s, size_t len)
{
    static const char letters[] = "abtnvfr";   /* \a (7) to \r (13). */
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };
    size_t i = 0;

    tracuu_buf__reserve (&rc, &b, len);
    while (i < len && rc == TRACUU_STATUS_OK) {
        const unsigned char *u = (const unsigned char *) s + i;
        int32_t cp;
        size_t step = tracuu_utf8__decode (u, len - i, &cp);

        if (cp == '\\') {
            tracuu_buf__puts (&rc, &b, "\\\\");
        } else if (cp >= 7 && cp <= 13) {
            tracuu_buf__putc (&rc, &b, '\\');
            tracuu_buf__putc (&rc, &b, letters[cp - 7]);
        } else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
            /* Controls, C1 controls and invalid bytes, byte by byte. */
            for (size_t k = 0; k < step; k++)
                tracuu_buf__printf (&rc, &b, "\\%03o", u[k]);
        } else {
            tracuu_buf__append (&rc, &b, s + i, step);
        }
        i += step;
    }
    if (rc) {
        tracuu_buf__dispose (&b);
        return NULL;
    }
    return tracuu_buf__detach (&b);
}
