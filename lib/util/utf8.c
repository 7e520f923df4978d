/* UTF-8 decoding and encoding, with maximal-subpart error recovery. */
#include <stdlib.h>
#include <string.h>

#include "util/util-private.h"

size_t
tracuu_utf8__decode (const unsigned char *s, size_t len, int32_t *cp)
{
    unsigned char c = s[0];
    size_t need, i;
    int32_t value;
    unsigned char lo = 0x80, hi = 0xBF;

    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        need = 1;
        value = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        need = 2;
        value = c & 0x0F;
        if (c == 0xE0)
            lo = 0xA0;          /* No overlong forms. */
        else if (c == 0xED)
            hi = 0x9F;          /* No surrogates. */
    } else if (c >= 0xF0 && c <= 0xF4) {
        need = 3;
        value = c & 0x07;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;          /* Nothing above U+10FFFF. */
    } else {
        *cp = -1;
        return 1;
    }
    for (i = 1; i <= need; i++) {
        if (i >= len || s[i] < lo || s[i] > hi) {
            *cp = -1;
            return i;
        }
        value = (value << 6) | (s[i] & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = value;
    return need + 1;
}

size_t
tracuu_utf8__encode (int32_t cp, char *out)
{
    unsigned char *o = (unsigned char *) out;

    if (cp < 0x80) {
        o[0] = (unsigned char) cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char) (0xC0 | (cp >> 6));
        o[1] = (unsigned char) (0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char) (0xE0 | (cp >> 12));
        o[1] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char) (0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char) (0xF0 | (cp >> 18));
    o[1] = (unsigned char) (0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char) (0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char) (0x80 | (cp & 0x3F));
    return 4;
}

int
tracuu_utf8__valid (const char *s, size_t len)
{
    size_t i = 0;

    while (i < len) {
        int32_t cp;

        if ((unsigned char) s[i] < 0x80) {
            i++;
            continue;
        }
        i += tracuu_utf8__decode ((const unsigned char *) s + i, len - i, &cp);
        if (cp < 0)
            return 0;
    }
    return 1;
}
