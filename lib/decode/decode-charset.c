/*
 * Character encodings of plain text: UTF-8, UTF-16 and the legacy
 * Vietnamese encodings, told apart by evidence. A candidate decoding is
 * scored by how many of its words are well-formed Vietnamese syllables
 * and how many of its characters are letters Vietnamese uses.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"

/* Bytes of the input scored for each candidate encoding. */
#define SAMPLE_BYTES 65536

/* Longest word (in UTF-16 units) the syllable check looks at. */
#define MAX_WORD 32

/* Names we accept for the encodings, and the static name recorded. */
static const struct {
    const char *alias;
    const char *name;
} encoding_aliases[] = {
    { "utf-8", "utf-8" }, { "utf8", "utf-8" },
    { "utf-8-bom", "utf-8-bom" },
    { "utf-16le", "utf-16le" }, { "utf-16be", "utf-16be" },
    { "windows-1258", "windows-1258" }, { "cp1258", "windows-1258" },
    { "tcvn3", "tcvn3" }, { "tcvn", "tcvn3" }, { "abc", "tcvn3" },
    { "vn3", "tcvn3" }, { "tcvn-5712", "tcvn3" },
    { "vni-windows", "vni-windows" }, { "vni", "vni-windows" },
    { "viscii", "viscii" },
};

/* Legacy candidates, in order of preference on a tie. */
static const char *const candidates[] = {
    "windows-1258", "tcvn3", "vni-windows", "viscii",
};

/* Toneless rimes of Vietnamese syllables (what follows the initial
 * consonant). */
static const char *const rimes[] = {
    "a", "ac", "ach", "ai", "am", "an", "ang", "anh", "ao", "ap", "at",
    "au", "ay", "ă", "ăc", "ăm", "ăn", "ăng", "ăp", "ăt", "â", "âc", "âm",
    "ân", "âng", "âp", "ât", "âu", "ây", "e", "ec", "em", "en", "eng",
    "eo", "ep", "et", "ê", "êch", "êm", "ên", "ênh", "êp", "êt", "êu",
    "i", "ia", "ich", "im", "in", "inh", "ip", "it", "iu", "iêc", "iêm",
    "iên", "iêng", "iêp", "iêt", "iêu", "o", "oa", "oac", "oach", "oai",
    "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay", "oăc",
    "oăm", "oăn", "oăng", "oăt", "oc", "oe", "oen", "oeo", "oet", "oi",
    "om", "on", "ong", "ooc", "oong", "op", "ot", "ô", "ôc", "ôi", "ôm",
    "ôn", "ông", "ôp", "ôt", "ơ", "ơi", "ơm", "ơn", "ơp", "ơt", "u", "ua",
    "uân", "uâng", "uât", "uây", "uc", "uê", "uêch", "uênh", "ui", "um",
    "un", "ung", "uôc", "uôi", "uôm", "uôn", "uông", "uôt", "up", "ut",
    "uơ", "uy", "uya", "uych", "uyên", "uyêt", "uyn", "uynh", "uyp",
    "uyt", "uyu", "ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ươc", "ươi",
    "ươm", "ươn", "ương", "ươp", "ươt", "ươu", "ưt", "ưu", "y", "yêm",
    "yên", "yêng", "yêt", "yêu",
};

/* Initial consonants, longest first so that "ngh" wins over "ng". */
static const char *const initials[] = {
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
    "v", "x",
};

int
tracuu_decode__is_utf8 (const char *bytes, size_t len)
{
    const unsigned char *s = (const unsigned char *) bytes;
    size_t i = 0;

    while (i < len) {
        unsigned char c = s[i];
        size_t n, k;
        uint32_t cp;

        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF)
            n = 1, cp = c & 0x1F;
        else if (c >= 0xE0 && c <= 0xEF)
            n = 2, cp = c & 0x0F;
        else if (c >= 0xF0 && c <= 0xF4)
            n = 3, cp = c & 0x07;
        else
            return 0;
        if (len - i <= n)
            return 0;
        for (k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)))
            || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += n + 1;
    }
    return 1;
}

const char *
tracuu_decode__sniff_utf16 (const char *bytes, size_t len)
{
    size_t i, n = len < 4096 ? len : 4096, zero_even = 0, zero_odd = 0;

    if (len < 4 || len % 2)
        return NULL;
    for (i = 0; i + 1 < n; i += 2) {
        zero_even += bytes[i] == 0;
        zero_odd += bytes[i + 1] == 0;
    }
    /* Over half the characters ASCII, as in Vietnamese text. */
    if (zero_even == 0 && zero_odd * 2 > n / 2)
        return "utf-16le";
    if (zero_odd == 0 && zero_even * 2 > n / 2)
        return "utf-16be";
    return NULL;
}

/* Count bytes of 'bytes' that start valid multi-byte UTF-8 sequences
 * and bytes that are not part of any valid sequence. */
static void
utf8_evidence (const char *bytes, size_t len, size_t *good, size_t *bad)
{
    size_t i = 0;

    *good = *bad = 0;
    while (i < len) {
        unsigned char c = (unsigned char) bytes[i];
        size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 1;

        if (c < 0x80) {
            i++;
        } else if (n > 1 && i + n <= len
                   && tracuu_decode__is_utf8 (bytes + i, n)) {
            (*good)++;
            i += n;
        } else {
            (*bad)++;
            i++;
        }
    }
}

/* Decode with a legacy table into 'buf'. */
static void
table_decode (const tracuu_decode_table_t *t, const char *bytes, size_t len,
              tracuu_decode_buf_t *buf)
{
    const unsigned char *s = (const unsigned char *) bytes;
    size_t i = 0;

    while (i < len && buf->status == TRACUU_STATUS_OK) {
        if (t->n_pairs && i + 1 < len) {
            size_t lo = 0, hi = t->n_pairs;
            unsigned key = (unsigned) s[i] << 8 | s[i + 1];

            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                unsigned k = (unsigned) t->pairs[mid].first << 8
                             | t->pairs[mid].second;

                if (k == key) {
                    lo = mid;
                    break;
                }
                if (k < key)
                    lo = mid + 1;
                else
                    hi = mid;
            }
            if (lo < t->n_pairs && t->pairs[lo].first == s[i]
                && t->pairs[lo].second == s[i + 1]) {
                tracuu_decode__buf_put_cp (buf, t->pairs[lo].cp);
                i += 2;
                continue;
            }
        }
        if (s[i] < 0x80 && t->single[s[i]] == s[i])
            tracuu_decode__buf_putc (buf, (char) s[i]);
        else
            tracuu_decode__buf_put_cp (buf, t->single[s[i]]);
        i++;
    }
}

/* Convert with the ICU converter 'cnv' into 'buf' as UTF-8. */
static tracuu_status_t
icu_decode (UConverter *cnv, const char *bytes, size_t len,
            tracuu_decode_buf_t *buf)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *utf8 = ucnv_open ("UTF-8", &err);
    UChar pivot[1024], *pivot_source = pivot, *pivot_target = pivot;
    const char *source = bytes, *source_limit = bytes + len;
    char chunk[4096];
    UBool reset = 1;

    if (U_FAILURE (err))
        return TRACUU_STATUS_ICU_ERROR;
    for (;;) {
        char *target = chunk;

        err = U_ZERO_ERROR;
        ucnv_convertEx (utf8, cnv, &target, chunk + sizeof chunk, &source,
                        source_limit, pivot, &pivot_source, &pivot_target,
                        pivot + 1024, reset, 1, &err);
        reset = 0;
        tracuu_decode__buf_append (buf, chunk, (size_t) (target - chunk));
        if (err == U_BUFFER_OVERFLOW_ERROR && buf->status == TRACUU_STATUS_OK)
            continue;
        break;
    }
    ucnv_close (utf8);
    if (buf->status)
        return buf->status;
    return U_FAILURE (err) ? TRACUU_STATUS_ICU_ERROR : TRACUU_STATUS_OK;
}

static const char *
canonical_name (const char *name)
{
    size_t i;

    for (i = 0; i < sizeof encoding_aliases / sizeof encoding_aliases[0]; i++)
        if (strcasecmp (encoding_aliases[i].alias, name) == 0)
            return encoding_aliases[i].name;
    return NULL;
}

tracuu_status_t
tracuu_decode__convert (const char *bytes, size_t len, const char *name,
                        tracuu_decode_buf_t *buf, const char **encoding_out,
                        tracuu_decoded_t *out)
{
    const char *canon = canonical_name (name);
    const tracuu_decode_table_t *table;
    const char *icu_name = name;
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv;
    tracuu_status_t status;

    if (canon && (table = tracuu_decode__table (canon)) != NULL) {
        table_decode (table, bytes, len, buf);
        *encoding_out = canon;
        return buf->status;
    }
    if (canon && strcmp (canon, "utf-8-bom") == 0) {
        if (len >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0)
            bytes += 3, len -= 3;
        icu_name = "utf-8";
    } else if (canon) {
        icu_name = canon;
    }
    if (canon && strncmp (canon, "utf-8", 5) == 0) {
        /* UTF-8 passes through untouched, invalid sequences included. */
        tracuu_decode__buf_append (buf, bytes, len);
        *encoding_out = canon;
        return buf->status;
    }
    cnv = ucnv_open (icu_name, &err);
    if (U_FAILURE (err)) {
        if (cnv)
            ucnv_close (cnv);
        tracuu_decode__set_error (out, "unknown encoding \"%s\"", name);
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    /* A UTF-16 BOM is not text: ICU drops it for "UTF-16" only. */
    if (canon && strncmp (canon, "utf-16", 6) == 0 && len >= 2
        && ((canon[6] == 'l' && memcmp (bytes, "\xff\xfe", 2) == 0)
            || (canon[6] == 'b' && memcmp (bytes, "\xfe\xff", 2) == 0)))
        bytes += 2, len -= 2;
    status = icu_decode (cnv, bytes, len, buf);
    if (canon) {
        *encoding_out = canon;
    } else {
        /* Names from ICU's alias table stay valid for the process. */
        err = U_ZERO_ERROR;
        *encoding_out = ucnv_getStandardName (ucnv_getName (cnv, &err),
                                              "IANA", &err);
        if (*encoding_out == NULL || U_FAILURE (err)) {
            err = U_ZERO_ERROR;
            *encoding_out = ucnv_getName (cnv, &err);
        }
    }
    ucnv_close (cnv);
    if (status == TRACUU_STATUS_ICU_ERROR)
        tracuu_decode__set_error (out, "cannot convert from %s", name);
    return status;
}

/* Non-zero if the lower-case, toneless NFC word 'w' is a Vietnamese
 * syllable: an optional initial consonant and a rime. */
static int
is_syllable (const char *w)
{
    size_t i, j, n;

    for (i = 0; i <= sizeof initials / sizeof initials[0]; i++) {
        const char *rest = w;

        if (i < sizeof initials / sizeof initials[0]) {
            n = strlen (initials[i]);
            if (strncmp (w, initials[i], n) != 0)
                continue;
            rest = w + n;
            /* "gì", "giếng": the i of gi may be the rime's too. */
            if (strcmp (initials[i], "gi") == 0 && (*rest == '\0'
                                                    || strncmp (rest, "ê", 2) == 0))
                rest = w + 1;
        }
        for (j = 0; j < sizeof rimes / sizeof rimes[0]; j++)
            if (strcmp (rest, rimes[j]) == 0)
                return 1;
        if (i < sizeof initials / sizeof initials[0])
            break;                 /* Longest matching initial only. */
    }
    return 0;
}

static int
is_tone_mark (UChar c)
{
    return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309
           || c == 0x0323;
}

/* Non-zero if 'c' (NFD) may appear in Vietnamese text. */
static int
is_vietnamese_char (UChar c)
{
    if (c < 0x80 || c == 0x0110 || c == 0x0111 || is_tone_mark (c)
        || c == 0x0302 || c == 0x0306 || c == 0x031B)
        return 1;
    /* Typographic punctuation and spaces: quotes, dashes, ellipsis. */
    return (c >= 0x2010 && c <= 0x2026) || c == 0x00A0 || c == 0x00AB
           || c == 0x00BB || c == 0x00B0;
}

/* Score one word (NFD, UTF-16): +2 for a Vietnamese syllable, -1 for a
 * word with non-ASCII letters that is not one, 0 for plain ASCII. */
static int
score_word (const UNormalizer2 *nfc, const UChar *w, int32_t n)
{
    UChar plain[MAX_WORD];
    UChar composed[MAX_WORD];
    char utf8[4 * MAX_WORD];
    int32_t i, m = 0, tones = 0, non_ascii = 0, clen, ulen;
    UErrorCode err = U_ZERO_ERROR;

    for (i = 0; i < n; i++)
        non_ascii += w[i] >= 0x80;
    if (non_ascii == 0)
        return 0;
    if (n >= MAX_WORD)
        return -1;              /* Longer than any syllable. */
    for (i = 0; i < n; i++) {
        if (is_tone_mark (w[i]))
            tones++;
        else
            plain[m++] = (UChar) u_tolower (w[i]);
    }
    if (tones > 1 || m == 0)
        return -1;
    clen = unorm2_normalize (nfc, plain, m, composed, MAX_WORD, &err);
    if (U_FAILURE (err))
        return -1;
    u_strToUTF8 (utf8, sizeof utf8 - 1, &ulen, composed, clen, &err);
    if (U_FAILURE (err))
        return -1;
    utf8[ulen] = '\0';
    return is_syllable (utf8) ? 2 : -1;
}

/* Score decoded UTF-8 text: higher is more Vietnamese. */
static long
score_text (const char *text, size_t len)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfd = unorm2_getNFDInstance (&err);
    const UNormalizer2 *nfc = unorm2_getNFCInstance (&err);
    UChar *u16 = NULL, *d = NULL;
    int32_t n16 = 0, nd, i, start = -1;
    long score = 0;

    if (U_FAILURE (err) || len > INT32_MAX / 4)
        return -1000000;
    u16 = malloc ((len + 1) * sizeof *u16);
    d = malloc ((3 * len + 1) * sizeof *d);
    if (u16 == NULL || d == NULL)
        goto DONE;
    u_strFromUTF8WithSub (u16, (int32_t) len + 1, &n16, text, (int32_t) len,
                          0xFFFD, NULL, &err);
    nd = unorm2_normalize (nfd, u16, n16, d, (int32_t) (3 * len + 1), &err);
    if (U_FAILURE (err)) {
        score = -1000000;
        goto DONE;
    }
    for (i = 0; i <= nd; i++) {
        UChar c = i < nd ? d[i] : ' ';
        int letter = u_isalpha (c) || (u_getCombiningClass (c) > 0
                                       && start >= 0);

        if (!is_vietnamese_char (c))
            score -= 1;
        if (letter && start < 0)
            start = i;
        else if (!letter && start >= 0) {
            score += score_word (nfc, d + start, i - start);
            start = -1;
        }
    }

  DONE:
    free (u16);
    free (d);
    return score;
}

/* Score 'bytes' decoded as 'name'. */
static long
score_candidate (const char *bytes, size_t len, const char *name)
{
    tracuu_decode_buf_t buf;
    tracuu_decoded_t scratch;
    const char *enc;
    long score = -1000000;

    tracuu_decode__buf_init (&buf, 0);
    if (tracuu_decode__convert (bytes, len, name, &buf, &enc, &scratch) == 0
        && buf.status == TRACUU_STATUS_OK)
        score = score_text (buf.data ? buf.data : "", buf.len);
    tracuu_decode__buf_dispose (&buf);
    return score;
}

/* The sample of 'bytes' scored: the first SAMPLE_BYTES, cut after a
 * space so that no pair of a legacy encoding is split. */
static size_t
sample_length (const char *bytes, size_t len)
{
    size_t n = len < SAMPLE_BYTES ? len : SAMPLE_BYTES;

    while (n < len && n > 0 && bytes[n - 1] != ' ' && bytes[n - 1] != '\n'
           && len - n < SAMPLE_BYTES)
        n--;
    return n;
}

/* The legacy encoding 'bytes' most likely use; its score in *score_out. */
static const char *
detect_legacy (const char *bytes, size_t n, long *score_out)
{
    const char *best = candidates[0];
    long best_score = 0;
    size_t i;

    for (i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        long score = score_candidate (bytes, n, candidates[i]);

        if (i == 0 || score > best_score) {
            best = candidates[i];
            best_score = score;
        }
    }
    *score_out = best_score;
    return best;
}

tracuu_status_t
tracuu_decode__charset (const char *bytes, size_t len, const char *forced,
                        tracuu_decode_buf_t *buf, const char **encoding_out,
                        tracuu_decoded_t *out)
{
    size_t good, bad, n;
    const char *utf16, *legacy;
    long legacy_score;

    if (forced) {
        if (canonical_name (forced) == NULL) {
            tracuu_decode__set_error (out, "unknown encoding \"%s\"", forced);
            return TRACUU_STATUS_BAD_ARGUMENT;
        }
        return tracuu_decode__convert (bytes, len, forced, buf, encoding_out,
                                       out);
    }
    if (len >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0)
        return tracuu_decode__convert (bytes, len, "utf-8-bom", buf,
                                       encoding_out, out);
    if (len >= 2 && memcmp (bytes, "\xff\xfe", 2) == 0)
        return tracuu_decode__convert (bytes, len, "utf-16le", buf,
                                       encoding_out, out);
    if (len >= 2 && memcmp (bytes, "\xfe\xff", 2) == 0)
        return tracuu_decode__convert (bytes, len, "utf-16be", buf,
                                       encoding_out, out);
    if ((utf16 = tracuu_decode__sniff_utf16 (bytes, len)) != NULL)
        return tracuu_decode__convert (bytes, len, utf16, buf, encoding_out,
                                       out);
    utf8_evidence (bytes, len, &good, &bad);
    /* Valid UTF-8, or nearly: a few bad bytes in much good UTF-8 are
     * damage, replaced later by the analysis. */
    if (bad == 0 || (good >= 4 && bad * 4 <= good))
        return tracuu_decode__convert (bytes, len, "utf-8", buf, encoding_out,
                                       out);
    n = sample_length (bytes, len);
    legacy = detect_legacy (bytes, n, &legacy_score);
    /* Some valid UTF-8 among bad bytes: a short text may be damaged
     * UTF-8 ("xử phạt \xff\xfe thông tin"), or a legacy text in which
     * a pair of letters happens to form a UTF-8 sequence. Whichever
     * reading gives more Vietnamese syllables wins; a tie goes to
     * UTF-8, as its valid sequences are rarely an accident. */
    if (good > 0 && score_candidate (bytes, n, "utf-8") >= legacy_score)
        legacy = "utf-8";
    return tracuu_decode__convert (bytes, len, legacy, buf, encoding_out, out);
}
