/*
 * bench/vn.c: Vietnamese letter tables for the benchmark tools.
 *
 * Written apart from lib/ on purpose (UTF-8 included): the true counts
 * the benchmark holds tracuu to must not come from tracuu's own code.
 */
#include <string.h>

#include "vn.h"

/* Twelve vowels, each in six tones (none, grave, acute, hook, tilde,
 * dot below), then đ. */
static const char VN_LOWER[] =
    "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợ"
    "uùúủũụưừứửữựyỳýỷỹỵđ";
static const char VN_UPPER[] =
    "AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"
    "UÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴĐ";
static const char VN_BASE[] = "aaaeeiooouuy";
static const uint32_t VN_SHAPE[12] = {
    0, 0x306, 0x302, 0, 0x302, 0, 0, 0x302, 0x31B, 0, 0x31B, 0
};
static const uint32_t VN_TONE[6] = { 0, 0x300, 0x301, 0x309, 0x303, 0x323 };

#define N_LETTERS 73
#define TABLE_MAX 0x1F00

static uint32_t lower_cp[N_LETTERS];
static uint32_t upper_cp[N_LETTERS];
static short index_of[TABLE_MAX];       /* cp -> letter index + 1, 0 none. */
static short upper_of[TABLE_MAX];       /* cp -> 1 when upper case. */
static int ready;

/* Windows-1258, bytes 0x80..0xFF (0 = undefined). */
static const uint16_t CP1258_HIGH[128] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0, 0x2039, 0x0152, 0, 0, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0, 0x203A, 0x0153, 0, 0, 0x0178,
    0xA0, 0xA1, 0xA2, 0xA3, 0xA4, 0xA5, 0xA6, 0xA7,
    0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, 0xAF,
    0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7,
    0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF,
    0xC0, 0xC1, 0xC2, 0x0102, 0xC4, 0xC5, 0xC6, 0xC7,
    0xC8, 0xC9, 0xCA, 0xCB, 0x0300, 0xCD, 0xCE, 0xCF,
    0x0110, 0xD1, 0x0309, 0xD3, 0xD4, 0x01A0, 0xD6, 0xD7,
    0xD8, 0xD9, 0xDA, 0xDB, 0xDC, 0x01AF, 0x0303, 0xDF,
    0xE0, 0xE1, 0xE2, 0x0103, 0xE4, 0xE5, 0xE6, 0xE7,
    0xE8, 0xE9, 0xEA, 0xEB, 0x0301, 0xED, 0xEE, 0xEF,
    0x0111, 0xF1, 0x0323, 0xF3, 0xF4, 0x01A1, 0xF6, 0xF7,
    0xF8, 0xF9, 0xFA, 0xFB, 0xFC, 0x01B0, 0x20AB, 0xFF
};

size_t
vn_utf8_decode (const char *s, size_t len, uint32_t *cp)
{
    const unsigned char *u = (const unsigned char *) s;
    size_t n, i;
    uint32_t c;

    if (u[0] < 0x80) {
        *cp = u[0];
        return 1;
    }
    if (u[0] >= 0xC2 && u[0] <= 0xDF) {
        n = 2;
        c = u[0] & 0x1F;
    } else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
        n = 3;
        c = u[0] & 0x0F;
    } else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
        n = 4;
        c = u[0] & 0x07;
    } else {
        *cp = 0xFFFD;
        return 1;
    }
    if (n > len) {
        *cp = 0xFFFD;
        return 1;
    }
    for (i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *cp = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (u[i] & 0x3F);
    }
    if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF))
        || (c >= 0xD800 && c <= 0xDFFF)) {
        *cp = 0xFFFD;
        return 1;
    }
    *cp = c;
    return n;
}

size_t
vn_utf8_encode (uint32_t cp, char *out)
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

static void
load_list (const char *s, uint32_t *out)
{
    size_t len = strlen (s), i = 0, k = 0;

    while (i < len && k < N_LETTERS)
        i += vn_utf8_decode (s + i, len - i, &out[k++]);
}

static void
init (void)
{
    int i;

    if (ready)
        return;
    load_list (VN_LOWER, lower_cp);
    load_list (VN_UPPER, upper_cp);
    for (i = 0; i < N_LETTERS; i++) {
        if (lower_cp[i] < TABLE_MAX)
            index_of[lower_cp[i]] = (short) (i + 1);
        if (upper_cp[i] < TABLE_MAX) {
            index_of[upper_cp[i]] = (short) (i + 1);
            upper_of[upper_cp[i]] = 1;
        }
    }
    ready = 1;
}

static int
letter (uint32_t cp)
{
    init ();
    return cp < TABLE_MAX ? index_of[cp] - 1 : -1;
}

uint32_t
vn_lower (uint32_t cp)
{
    int i = letter (cp);

    if (i >= 0)
        return lower_cp[i];
    if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7))
        return cp + 32;
    return cp;
}

uint32_t
vn_upper (uint32_t cp)
{
    int i = letter (cp);

    if (i >= 0)
        return upper_cp[i];
    if ((cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7))
        return cp - 32;
    return cp;
}

uint32_t
vn_fold (uint32_t cp)
{
    int i = letter (cp);

    if (i == N_LETTERS - 1)
        return 'd';
    if (i >= 0)
        return (uint32_t) VN_BASE[i / 6];
    if (cp >= 'A' && cp <= 'Z')
        return cp + 32;
    return cp;
}

int
vn_is_word (uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z')
               || (cp >= 'A' && cp <= 'Z');
    if (letter (cp) >= 0)
        return 1;
    return cp >= 0xC0 && cp < 0x250 && cp != 0xD7 && cp != 0xF7;
}

int
vn_decompose (uint32_t cp, int keep_shape, uint32_t *base, uint32_t *shape,
              uint32_t *tone)
{
    int i = letter (cp), v, t, up;

    if (i < 0 || i == N_LETTERS - 1)
        return 0;
    v = i / 6;
    t = i % 6;
    up = cp < TABLE_MAX && upper_of[cp];
    if (t == 0 && (VN_SHAPE[v] == 0 || keep_shape))
        return 0;
    if (keep_shape)
        *base = up ? upper_cp[v * 6] : lower_cp[v * 6];
    else
        *base = up ? (uint32_t) VN_BASE[v] - 32 : (uint32_t) VN_BASE[v];
    *shape = keep_shape ? 0 : VN_SHAPE[v];
    *tone = VN_TONE[t];
    return 1;
}

int
vn_tone_of (uint32_t cp)
{
    int i = letter (cp);

    return i < 0 || i == N_LETTERS - 1 ? 0 : i % 6;
}

uint32_t
vn_with_tone (uint32_t cp, int t)
{
    int i = letter (cp);

    if (i < 0 || i == N_LETTERS - 1)
        return cp;
    i = i / 6 * 6 + t;
    return cp < TABLE_MAX && upper_of[cp] ? upper_cp[i] : lower_cp[i];
}

int
vn_cp1258 (uint32_t cp)
{
    int b;

    if (cp < 0x80)
        return (int) cp;
    for (b = 0; b < 128; b++)
        if (CP1258_HIGH[b] == cp)
            return 0x80 + b;
    return -1;
}
