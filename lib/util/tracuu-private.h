/* Internal declarations shared between lib/ files; never installed. */
#ifndef TRACUU_PRIVATE_H
#define TRACUU_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/status.h"

/* utf8.c ----------------------------------------------------------- */

/* Decode one code point at s[0..len). Returns its length in bytes (>= 1);
 * an invalid or truncated sequence gives *cp = -1 and the length of its
 * maximal ill-formed prefix, as the Unicode "U+FFFD substitution of
 * maximal subparts" practice does. */
size_t tracuu_utf8__decode (const unsigned char *s, size_t len, int32_t *cp);

/* Encode 'cp' into 'out' (at least 4 bytes); returns the length. */
size_t tracuu_utf8__encode (int32_t cp, char *out);

/* fold.c ----------------------------------------------------------- */

/* Fold the code points cps[0..n) in place to the exact form (lower case,
 * canonical tone placement). */
void tracuu_fold__exact (int32_t *cps, size_t n);

/* The base letter of an exact-form code point without diacritics
 * (đ -> d), or the code point itself; 0 for a combining mark (dropped). */
int32_t tracuu_fold__ascii (int32_t cp);

/* A growable byte buffer. */
typedef struct tracuu_buf {
    char *data;
    size_t len;
    size_t alloc;
} tracuu_buf_t;

/* Append; sticky *rc as in tracuu_entities_push(). */
void tracuu_buf__append (tracuu_status_t *rc, tracuu_buf_t *buf,
                         const char *data, size_t len);

/* analysis.c ------------------------------------------------------- */

/* The words of phrase 's' ('len' bytes) as tracuu_text_analyze() gives
 * them, found without ICU's normalizer and word break iterator: appends
 * the exact and the folded form of each word, each with its NUL, to
 * 'buf' and returns the number of words. Only for a phrase of ASCII
 * spaces, ASCII digits and Latin letters (Vietnamese included) that NFC
 * leaves as they are and the word break never splits, in words of at
 * most 64 code points; for anything else it appends nothing and returns
 * SIZE_MAX, and the caller analyzes the phrase. Sticky *rc as in
 * tracuu_buf__append(). */
size_t tracuu_text__plain_words (tracuu_status_t *rc, tracuu_buf_t *buf,
                                 const char *s, size_t len);

/* datadir.c -------------------------------------------------------- */

/* Where lexicon 'name' ("actions.txt") is read from: *out gets a new
 * string, "$TRACUU_DATA_DIR/lexicon/<name>" when the variable is set and
 * not empty, else the installed copy when it is readable; *out is NULL
 * when neither applies and the caller uses the built-in copy. Returns
 * OK, _NULL_POINTER or _OUT_OF_MEMORY. */
tracuu_status_t tracuu_data__lexicon (const char *name, char **out);

/* gen/embedded.c (made from data/ at build time) ---------------------- */

/* The built-in copy of data file 'name' ("lexicon/platforms.txt"), or
 * NULL; *len gets its length. */
const char *tracuu_data__embedded (const char *name, size_t *len);

#endif /* TRACUU_PRIVATE_H */
