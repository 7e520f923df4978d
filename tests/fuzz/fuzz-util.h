/* Helpers shared by the fuzz targets. */
#ifndef TRACUU_FUZZ_UTIL_H
#define TRACUU_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* Report a broken invariant and abort, so that libFuzzer saves the input. */
#define FUZZ_CHECK(cond)                                                  \
    do {                                                                  \
        if (!(cond)) {                                                    \
            fprintf (stderr, "%s:%d: invariant failed: %s\n", __FILE__,   \
                     __LINE__, #cond);                                    \
            abort ();                                                     \
        }                                                                 \
    } while (0)

/* Non-zero if s[0..len) is well-formed UTF-8: no overlong forms, no
 * surrogates, nothing above U+10FFFF (RFC 3629, Unicode table 3-7). */
static inline int
fuzz_utf8_valid (const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *) s;
    size_t i = 0;

    while (i < len) {
        unsigned char c = p[i];
        unsigned char lo = 0x80, hi = 0xBF;
        size_t need;

        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else
            return 0;
        if (len - i <= need)
            return 0;
        for (size_t k = 1; k <= need; k++) {
            if (p[i + k] < lo || p[i + k] > hi)
                return 0;
            lo = 0x80;
            hi = 0xBF;
        }
        i += need + 1;
    }
    return 1;
}

/* Abort, naming 'what' and showing its bytes (the first and last 32
 * when it is longer), unless s[0..len) is well-formed UTF-8. */
static inline void
fuzz_check_utf8 (const char *what, const char *s, size_t len)
{
    if (fuzz_utf8_valid (s, len))
        return;
    fprintf (stderr, "invariant failed: %s (%zu bytes) is not UTF-8:", what,
             len);
    for (size_t i = 0; i < len; i++) {
        if (len > 64 && i == 32) {
            fprintf (stderr, " ...");
            i = len - 32;
        }
        fprintf (stderr, " %02x", (unsigned char) s[i]);
    }
    fprintf (stderr, "\n");
    abort ();
}

#endif
