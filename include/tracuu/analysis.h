/*
 * tracuu analysis: bytes -> normalized Vietnamese text -> syllable tokens.
 *
 * Normalization: invalid UTF-8 becomes U+FFFD (counted), a UTF-8 BOM is
 * dropped, CRLF and lone CR become LF, then ICU NFC. Tokens come from
 * ICU's word break iterator (one token per syllable, number, handle,
 * e-mail or domain), plus one token per run of superscript digits
 * (footnote marks, e.g. "²" -> "2").
 *
 * Each token has two forms:
 *   exact   lower-cased (full case folding), NFC, with one canonical
 *           tone placement: "hoá" and "hòa" are both "hòa", "thuỷ" and
 *           "thủy" are both "thủy"; a leading '@' is kept.
 *   folded  the exact form without diacritics, đ -> d, no leading '@':
 *           "sự" -> "su", "Đồng" -> "dong", "@abc" -> "abc".
 * Folding uses a table built once (not an ICU transliterator).
 */
#ifndef TRACUU_ANALYSIS_H
#define TRACUU_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Flags of a token. @since 0.1 */
enum {
    TRACUU_TOKEN_NUMBER   = 1 << 0, /* Starts with a digit: "7,5", "2024", "bcđ389" is not. */
    TRACUU_TOKEN_ACCENTED = 1 << 1, /* exact differs from folded. */
    TRACUU_TOKEN_FOOTNOTE = 1 << 2, /* Superscript digits: a footnote mark. */
    TRACUU_TOKEN_CAPITAL  = 1 << 3, /* First letter is upper case in the text. */
    TRACUU_TOKEN_ALLCAPS  = 1 << 4, /* Every letter is upper case (2+ letters). */
    TRACUU_TOKEN_COMPOUND = 1 << 5  /* Holds '.', '@' or '_' between letters:
                                       handles, e-mails, domains, "tp.hcm". */
};

/**
 * One token. Strings are NUL-terminated and belong to the tracuu_text_t
 * they came from. The token's position is its index in the array.
 */
typedef struct tracuu_token {
    const char *exact;    /* Lower-cased canonical form. */
    size_t exact_len;     /* Its length in bytes. */
    const char *folded;   /* Without diacritics. */
    size_t folded_len;    /* Its length in bytes. */
    size_t start;         /* Byte offset of the token in text->text. */
    size_t end;           /* Byte offset just past it. */
    uint32_t line;        /* 1-based line number. */
    uint32_t flags;       /* TRACUU_TOKEN_*. */
} tracuu_token_t;

/** An analyzed text. Free with tracuu_text_destroy(). */
typedef struct tracuu_text {
    char *text;           /* Normalized UTF-8 (NFC, LF), NUL-terminated, original case. */
    size_t len;           /* Its length in bytes. */
    size_t n_replaced;    /* Invalid byte sequences replaced by U+FFFD. */
    tracuu_token_t *tokens; /* Tokens in text order. */
    size_t n_tokens;      /* Number of tokens. */
    size_t *line_starts;  /* Byte offset where each line starts; [0] = 0. */
    size_t n_lines;       /* Number of lines. */
    void *arena;          /* Private: storage of the token strings. */
} tracuu_text_t;

/**
 * Normalize and tokenize 'len' bytes of (possibly invalid) UTF-8.
 *
 * On success *out belongs to the caller (tracuu_text_destroy()). Returns
 * TRACUU_STATUS_OK, _NULL_POINTER, _OUT_OF_MEMORY or _ICU_ERROR.
 *
 * For "Phạt 7,5 triệu đồng" the tokens are:
 *     "phạt"/"phat" [0,6)   "7,5"/"7,5" [7,10)
 *     "triệu"/"trieu" [11,18)   "đồng"/"dong" [19,25)
 * @since 0.1
 */
tracuu_status_t
tracuu_text_analyze (const char *bytes, size_t len, tracuu_text_t **out);

/** Free 'text' and every token. NULL is a no-op. @since 0.1 */
void
tracuu_text_destroy (tracuu_text_t *text);

/** 1-based line holding byte 'offset' (binary search). @since 0.1 */
uint32_t
tracuu_text_line_at (const tracuu_text_t *text, size_t offset);

/**
 * Line 'line' (1-based) without its newline; *len_out its length.
 * Borrowed from 'text'. NULL if out of range. @since 0.1
 */
const char *
tracuu_text_line (const tracuu_text_t *text, uint32_t line, size_t *len_out);

/**
 * Normalize without tokenizing: invalid UTF-8 -> U+FFFD, no BOM, LF line
 * ends, NFC. *out is NUL-terminated, freed by the caller with free().
 * *n_replaced_out (may be NULL) counts replacements.
 * @since 0.1
 */
tracuu_status_t
tracuu_normalize (const char *in, size_t len, char **out, size_t *out_len,
                  size_t *n_replaced_out);

/** Modes of tracuu_fold(). */
typedef enum tracuu_fold_mode {
    TRACUU_FOLD_EXACT,  /* Lower case + canonical tone placement. */
    TRACUU_FOLD_ASCII   /* As EXACT, then diacritics removed, đ -> d. */
} tracuu_fold_mode_t;

/**
 * Fold any UTF-8 text (normalized or not) character by character;
 * characters other than letters are kept. When 'map_out' is not NULL it
 * receives an array of (*out_len + 1) offsets: map[i] is the offset in
 * 'in' of the character that produced output byte i, and map[*out_len]
 * is 'len', so a match found in the folded text maps back to the
 * original. *out (NUL-terminated) and *map_out are freed with free().
 *
 * "Xử PHẠT" -> "xử phạt" (EXACT), "xu phat" (ASCII).
 * @since 0.1
 */
tracuu_status_t
tracuu_fold (const char *in, size_t len, tracuu_fold_mode_t mode,
             char **out, size_t *out_len, size_t **map_out);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_ANALYSIS_H */
