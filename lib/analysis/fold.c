/*
 * Case and diacritic folding by table, and canonical tone placement.
 *
 * The table covers Latin (U+0000-U+024F) and Latin Extended Additional
 * (U+1E00-U+1EFF), where every Vietnamese letter lives. It is built once
 * from ICU's case mapping and NFD decomposition, so lookups afterwards
 * cost one array access; code points outside it go to ICU directly.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "tracuu/analysis.h"
#include "analysis/analysis-private.h"
#include "util/util-private.h"

#define TABLE_SIZE (0x250 + 0x100)
#define N_VOWELS 12
#define N_TONES 6

typedef struct fold_entry {
    int32_t lower;      /* Simple lower case, Ð -> đ. */
    int32_t base;       /* Lower case without any mark, đ -> d. */
    uint8_t vowel;      /* 1 + index in VOWELS, or 0. */
    uint8_t tone;       /* 0 none, 1 grave, 2 acute, 3 hook, 4 tilde, 5 dot. */
    uint8_t word;       /* Letter, digit or combining mark. */
    int32_t ascii;      /* What TRACUU_FOLD_ASCII makes of it; 0: dropped. */
} fold_entry_t;

/* Vowels with their quality marks but no tone, and the tone marks. */
static const int32_t VOWELS[N_VOWELS] = {
    'a', 0x103, 0xE2, 'e', 0xEA, 'i', 'o', 0xF4, 0x1A1, 'u', 0x1B0, 'y'
};
static const int32_t TONE_MARKS[N_TONES] = {
    0, 0x300, 0x301, 0x309, 0x303, 0x323
};

static fold_entry_t table[TABLE_SIZE];
static int32_t composed[N_VOWELS][N_TONES];
static pthread_once_t table_once = PTHREAD_ONCE_INIT;

static int
table_index (int32_t cp)
{
    if (cp >= 0 && cp < 0x250)
        return cp;
    if (cp >= 0x1E00 && cp < 0x1F00)
        return 0x250 + (cp - 0x1E00);
    return -1;
}

static int32_t
table_cp (int i)
{
    return i < 0x250 ? i : 0x1E00 + (i - 0x250);
}

/* First code point of the NFD of 'cp' when the rest are marks. */
static int32_t
strip_marks (const UNormalizer2 *nfd, int32_t cp)
{
    UChar buf[16];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = unorm2_getDecomposition (nfd, cp, buf, 16, &err);
    int32_t first, i = 0;

    if (U_FAILURE (err) || n <= 0)
        return cp;
    U16_NEXT (buf, i, n, first);
    return first;
}

static void
table_build (void)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance (&err);
    const UNormalizer2 *nfc = unorm2_getNFCInstance (&err);

    for (int i = 0; i < TABLE_SIZE; i++) {
        int32_t cp = table_cp (i);
        int32_t lower = u_tolower (cp);

        table[i].lower = lower;
        table[i].base = U_SUCCESS (err) ? strip_marks (nfd, lower) : lower;
        table[i].word = u_isalnum (cp) || u_getCombiningClass (cp) != 0
                        || u_charType (cp) == U_NON_SPACING_MARK;
    }
    /* Đ/đ and its look-alikes (Icelandic eth Ð/ð, African Ɖ/ɖ). */
    table[0xD0].lower = table[0xF0].lower = 0x111;
    table[0x110].lower = table[0x111].lower = 0x111;
    table[0x189].lower = 0x111;
    table[0xD0].base = table[0xF0].base = 'd';
    table[0x110].base = table[0x111].base = 'd';
    table[0x189].base = 'd';
    /* Lower case, then no mark, as tracuu_fold__ascii (lower_of (cp)). */
    for (int i = 0; i < TABLE_SIZE; i++) {
        int32_t lower = table[i].lower;
        int j = table_index (lower);

        if (j >= 0)
            table[i].ascii = table[j].base;
        else if (u_getCombiningClass (lower) != 0
                 || u_charType (lower) == U_NON_SPACING_MARK)
            table[i].ascii = 0;
        else
            table[i].ascii = lower;
    }
    for (int v = 0; v < N_VOWELS; v++) {
        for (int t = 0; t < N_TONES; t++) {
            int32_t c = VOWELS[v];
            int idx;

            if (t > 0 && U_SUCCESS (err))
                c = unorm2_composePair (nfc, VOWELS[v], TONE_MARKS[t]);
            composed[v][t] = c;
            idx = table_index (c);
            if (c > 0 && idx >= 0) {
                table[idx].vowel = (uint8_t) (v + 1);
                table[idx].tone = (uint8_t) t;
            }
        }
    }
}

static int table_ready;          /* Set (release) once the table is built. */

static void
table_build_once (void)
{
    table_build ();
    __atomic_store_n (&table_ready, 1, __ATOMIC_RELEASE);
}

static const fold_entry_t *
entry (int32_t cp)
{
    int i = table_index (cp);

    if (!__atomic_load_n (&table_ready, __ATOMIC_ACQUIRE))
        pthread_once (&table_once, table_build_once);
    return i >= 0 ? &table[i] : NULL;
}

static int32_t
lower_of (int32_t cp)
{
    const fold_entry_t *e = entry (cp);

    return e ? e->lower : u_foldCase (cp, U_FOLD_CASE_DEFAULT);
}

int32_t
tracuu_fold__ascii (int32_t cp)
{
    const fold_entry_t *e = entry (cp);

    if (e != NULL)
        return e->base;
    if (u_getCombiningClass (cp) != 0 || u_charType (cp) == U_NON_SPACING_MARK)
        return 0;
    return cp;
}

static int
vowel_of (int32_t cp)
{
    const fold_entry_t *e = entry (cp);

    return e ? e->vowel : 0;
}

/*
 * Put the tone of a syllable where the traditional rule puts it for the
 * clusters that the two spelling conventions disagree on: oa, oe and uy
 * with no final consonant carry it on the first vowel (hòa, khỏe, thủy),
 * with a final consonant on the second (hoàn). Every other syllable is
 * spelled the same in both conventions and is left alone.
 */
static void
canonical_tone (int32_t *cps, size_t n)
{
    size_t i0 = 0, i1, k = 0, toned = 0;
    int v0, v1;

    while (i0 < n && !vowel_of (cps[i0]))
        i0++;
    if (i0 == n)
        return;
    for (i1 = i0; i1 < n && vowel_of (cps[i1]); i1++)
        ;
    for (size_t j = i1; j < n; j++)
        if (vowel_of (cps[j]) || cps[j] > 0x7F)
            return;             /* Not one Vietnamese syllable. */
    for (size_t j = i0; j < i1; j++) {
        if (entry (cps[j])->tone) {
            toned++;
            k = j;
        }
    }
    if (toned != 1)
        return;
    /* The u of "qu" and the i of "gi" before a vowel are consonants. */
    v0 = vowel_of (cps[i0]) - 1;
    if (i0 > 0 && cps[i0 - 1] == 'q' && VOWELS[v0] == 'u')
        i0++;
    else if (i0 > 0 && cps[i0 - 1] == 'g' && VOWELS[v0] == 'i' && i1 - i0 >= 2)
        i0++;
    if (i1 - i0 != 2)
        return;
    v0 = VOWELS[vowel_of (cps[i0]) - 1];
    v1 = VOWELS[vowel_of (cps[i0 + 1]) - 1];
    if ((v0 == 'o' && (v1 == 'a' || v1 == 'e')) || (v0 == 'u' && v1 == 'y')) {
        size_t target = i1 < n ? i0 + 1 : i0;
        int tone = entry (cps[k])->tone;

        cps[k] = composed[vowel_of (cps[k]) - 1][0];
        cps[target] = composed[vowel_of (cps[target]) - 1][tone];
    }
}

void
tracuu_fold__exact (int32_t *cps, size_t n)
{
    for (size_t i = 0; i < n; i++)
        cps[i] = lower_of (cps[i]);
    canonical_tone (cps, n);
}

static int
is_word_cp (int32_t cp)
{
    const fold_entry_t *e;

    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')
               || (cp >= '0' && cp <= '9');
    if ((e = entry (cp)) != NULL)
        return e->word;
    return u_isalnum (cp) || u_getCombiningClass (cp) != 0
           || u_charType (cp) == U_NON_SPACING_MARK;
}

/* Output of tracuu_fold(): bytes and, when asked for, their sources. */
typedef struct fold_out {
    char *data;
    size_t len;
    size_t alloc;
    size_t *map;                /* Input offset of each output byte. */
    int want_map;
} fold_out_t;

/* Room for 'more' bytes and the final NUL; -1 when memory runs out. */
static int
reserve (fold_out_t *o, size_t more)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t alloc = o->alloc, map_alloc = o->alloc;
    char *data;

    if (o->len + more + 1 <= o->alloc)
        return 0;
    data = tracuu_array__grow (&rc, o->data, &alloc, o->len + more + 1, 1);
    if (data == NULL)
        return -1;
    o->data = data;
    /* The map has a slot for every byte of room of the data (a first
     * block of bytes holds more items than one of size_t would): at
     * least 'alloc' of them. */
    if (o->want_map) {
        size_t *map = tracuu_array__grow (&rc, o->map, &map_alloc, alloc,
                                          sizeof *map);

        if (map == NULL)
            return -1;
        o->map = map;
    }
    o->alloc = alloc;
    return 0;
}

static int
is_ascii_alnum (unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
           || (c >= '0' && c <= '9');
}

/* Code points of one run: a stack buffer, on the heap past it. */
typedef struct run {
    int32_t small_cps[64];
    size_t small_offs[64];
    int32_t *cps;
    size_t *offs;
    size_t alloc;
} run_t;

/* Not the shared array: a run starts in the stack buffer, which
 * realloc() cannot grow, and its two arrays grow together. */
static int
run_grow (run_t *r)
{
    size_t alloc = 2 * r->alloc;
    int32_t *cps = malloc (alloc * sizeof *cps);
    size_t *offs = malloc (alloc * sizeof *offs);

    if (cps == NULL || offs == NULL) {
        free (cps);
        free (offs);
        return -1;
    }
    memcpy (cps, r->cps, r->alloc * sizeof *cps);
    memcpy (offs, r->offs, r->alloc * sizeof *offs);
    if (r->cps != r->small_cps) {
        free (r->cps);
        free (r->offs);
    }
    r->cps = cps;
    r->offs = offs;
    r->alloc = alloc;
    return 0;
}

/*
 * Fold the run that starts at 'pos': a word (folded together, for tone
 * placement) or a single other character. Returns the position after
 * it, or 0 when memory runs out.
 */
static size_t
fold_run (const char *in, size_t len, size_t pos, tracuu_fold_mode_t mode,
          run_t *r, fold_out_t *o)
{
    size_t n = 0;

    do {
        int32_t cp;
        size_t step = tracuu_utf8__decode ((const unsigned char *) in + pos,
                                           len - pos, &cp);

        if (cp < 0)
            cp = 0xFFFD;
        if (n > 0 && !is_word_cp (cp))
            break;
        if (n == r->alloc && run_grow (r))
            return 0;
        r->offs[n] = pos;
        r->cps[n++] = cp;
        pos += step;
        if (!is_word_cp (cp))
            break;
    } while (pos < len);
    tracuu_fold__exact (r->cps, n);
    for (size_t i = 0; i < n; i++) {
        int32_t cp = mode == TRACUU_FOLD_ASCII ? tracuu_fold__ascii (r->cps[i])
                                               : r->cps[i];
        size_t elen;

        if (cp == 0)
            continue;
        if (reserve (o, 4))
            return 0;
        elen = tracuu_utf8__encode (cp, o->data + o->len);
        for (size_t b = 0; o->want_map && b < elen; b++)
            o->map[o->len + b] = r->offs[i];
        o->len += elen;
    }
    return pos;
}

/*
 * TRACUU_FOLD_ASCII, character by character: without marks, where the
 * tone of a syllable sits makes no difference, so no runs are needed.
 * Returns -1 when memory runs out.
 */
static int
fold_ascii (const char *in, size_t len, fold_out_t *o)
{
    size_t pos = 0;

    if (reserve (o, len))
        return -1;
    while (pos < len) {
        unsigned char c = (unsigned char) in[pos];
        const fold_entry_t *e;
        int32_t cp;
        size_t step;

        if (c < 0x80) {
            if (c != 0) {
                if (reserve (o, 1))
                    return -1;
                if (o->want_map)
                    o->map[o->len] = pos;
                o->data[o->len++] = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            pos++;
            continue;
        }
        step = tracuu_utf8__decode ((const unsigned char *) in + pos,
                                    len - pos, &cp);
        if (cp < 0)
            cp = 0xFFFD;
        e = entry (cp);
        cp = e != NULL ? e->ascii : tracuu_fold__ascii (lower_of (cp));
        if (cp != 0) {
            size_t elen;

            if (reserve (o, 4))
                return -1;
            elen = tracuu_utf8__encode (cp, o->data + o->len);
            for (size_t b = 0; o->want_map && b < elen; b++)
                o->map[o->len + b] = pos;
            o->len += elen;
        }
        pos += step;
    }
    return 0;
}

tracuu_status_t
tracuu_fold (const char *in, size_t len, tracuu_fold_mode_t mode,
             char **out, size_t *out_len, size_t **map_out)
{
    fold_out_t o = { NULL, 0, 0, NULL, map_out != NULL };
    run_t r;
    size_t pos = 0;
    int failed = 0;

    if (out != NULL)
        *out = NULL;
    if (map_out != NULL)
        *map_out = NULL;
    if ((in == NULL && len) || out == NULL || out_len == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    r.cps = r.small_cps;
    r.offs = r.small_offs;
    r.alloc = 64;
    if (mode == TRACUU_FOLD_ASCII) {
        failed = fold_ascii (in, len, &o);
        pos = len;
    } else {
        failed = reserve (&o, len);
    }
    while (pos < len && !failed) {
        unsigned char c = (unsigned char) in[pos];
        size_t end = pos;

        /* Fast path: a word of ASCII letters and digits only (no tone
         * to place) is lower-cased byte by byte; other ASCII characters
         * stay as they are, except NUL, which is dropped. */
        while (end < len && is_ascii_alnum ((unsigned char) in[end]))
            end++;
        if (end > pos && (end == len || (unsigned char) in[end] < 0x80)) {
            failed = reserve (&o, end - pos);
            for (; pos < end && !failed; pos++) {
                c = (unsigned char) in[pos];
                if (o.want_map)
                    o.map[o.len] = pos;
                o.data[o.len++] = (char) (c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
        } else if (end == pos && c < 0x80) {
            if (c != 0 && !(failed = reserve (&o, 1))) {
                if (o.want_map)
                    o.map[o.len] = pos;
                o.data[o.len++] = (char) c;
            }
            pos++;
        } else {
            pos = fold_run (in, len, pos, mode, &r, &o);
            failed = pos == 0;
        }
    }
    if (r.cps != r.small_cps) {
        free (r.cps);
        free (r.offs);
    }
    if (failed) {
        free (o.data);
        free (o.map);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    o.data[o.len] = '\0';
    if (o.want_map)
        o.map[o.len] = len;
    *out = o.data;
    *out_len = o.len;
    if (map_out != NULL)
        *map_out = o.map;
    return TRACUU_STATUS_OK;
}
