/*
 * bench/vn.h: the Vietnamese letters the benchmark tools need to know
 * (lower/upper case, diacritic folding, decomposition, Windows-1258),
 * without ICU, so that the generator gives the same bytes everywhere.
 */
#ifndef BENCH_VN_H
#define BENCH_VN_H

#include <stddef.h>
#include <stdint.h>

/* Decode one UTF-8 sequence at s[0..len). Returns its length (1 for an
 * invalid byte, with *cp set to 0xFFFD). */
size_t
vn_utf8_decode (const char *s, size_t len, uint32_t *cp);

/* Encode 'cp' into out (at least 4 bytes). Returns the length. */
size_t
vn_utf8_encode (uint32_t cp, char *out);

/* Lower case of 'cp' (ASCII, Latin-1 and Vietnamese letters). */
uint32_t
vn_lower (uint32_t cp);

/* Upper case of 'cp'. */
uint32_t
vn_upper (uint32_t cp);

/* Base letter of 'cp' without any diacritic, đ -> d, lower case;
 * 'cp' itself when it is not a Vietnamese letter. */
uint32_t
vn_fold (uint32_t cp);

/* Non-zero when 'cp' is a letter or digit of a word. */
int
vn_is_word (uint32_t cp);

/*
 * Vietnamese letter decomposition. Returns 0 when 'cp' is not a
 * Vietnamese vowel with a diacritic; otherwise sets *base (plain or,
 * with 'keep_shape', the letter with its circumflex, breve or horn),
 * *shape (U+0302, U+0306, U+031B or 0) and *tone (U+0300, U+0301,
 * U+0309, U+0303, U+0323 or 0) and returns 1.
 */
int
vn_decompose (uint32_t cp, int keep_shape, uint32_t *base, uint32_t *shape,
              uint32_t *tone);

/* Tone index 0..5 of a Vietnamese vowel (0 none), and the same vowel
 * with tone 't'. Returns 'cp' unchanged when it is not a vowel. */
int
vn_tone_of (uint32_t cp);
uint32_t
vn_with_tone (uint32_t cp, int t);

/* Windows-1258 byte of 'cp' (after decomposition of tones), or -1. */
int
vn_cp1258 (uint32_t cp);

#endif /* BENCH_VN_H */
