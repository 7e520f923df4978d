/*
 * Lexicons, beyond the base API declared in extract-private.h: an
 * accent-insensitive mode, a third column, and the built-in lexicons of
 * the entity extractors. Internal; never installed.
 *
 * A lexicon whose text holds the line "#!fold ascii" matches on the
 * tokens' folded forms instead of their exact forms: its phrases are
 * folded without diacritics when loaded, so "Bắc Giang", "BẮC GIANG"
 * and "Bac Giang" all match the phrase "bắc giang". A line may carry a
 * third column after its phrases, "label<TAB>phrases<TAB>info", kept
 * per label (the first one given wins). In that mode a label is also a
 * phrase of its own, and a line may hold a label alone.
 */
#ifndef TRACUU_LEXICON_H
#define TRACUU_LEXICON_H

#include "extract/extract-private.h"

/* Number of labels. */
size_t
tracuu_lexicon__count (const tracuu_lexicon_t *lex);

/* The third column given for label 'i', or "" (never NULL). */
const char *
tracuu_lexicon__info (const tracuu_lexicon_t *lex, size_t i);

/* The label of the one-word phrase 'word' ('len' bytes, in the form the
 * lexicon matches: exact, or folded for "#!fold ascii"), or -1. */
long
tracuu_lexicon__lookup (const tracuu_lexicon_t *lex, const char *word,
                        size_t len);

/* A lexicon loaded once per process by tracuu_lexicon__load(), shared by
 * every thread and never freed. */
typedef struct tracuu_lexicon_once {
    const char *name;           /* File name under $TRACUU_DATA_DIR/lexicon/. */
    const char *builtin;        /* Used when there is no such file. */
    tracuu_lexicon_t *lex;      /* Loaded on first use. */
    tracuu_status_t status;     /* Result of loading it. */
    int done;                   /* Loaded (or failed) already. */
} tracuu_lexicon_once_t;

#define TRACUU_LEXICON_ONCE_INIT(name, builtin) \
    { (name), (builtin), NULL, TRACUU_STATUS_OK, 0 }

/* The lexicon of 'once', loaded on first use. NULL, with *rc set, on
 * failure; does nothing and returns NULL once *rc holds an error. */
const tracuu_lexicon_t *
tracuu_lexicon__once (tracuu_lexicon_once_t *once, tracuu_status_t *rc);

/* Built-in lexicons of the entity extractors, defined beside the
 * extractor that owns each one. Sticky *rc; NULL on failure. */

/* extract-place.c: "provinces.txt", the 63 provinces; info "city" for
 * the five centrally-run cities. Folded (accent-insensitive). */
const tracuu_lexicon_t *
tracuu_lexicon__provinces (tracuu_status_t *rc);

/* extract-person.c: "surnames.txt", Vietnamese family names, matched
 * with their accents (exact forms). */
const tracuu_lexicon_t *
tracuu_lexicon__surnames (tracuu_status_t *rc);

/* extract-person.c: "agency-heads.txt", titles of office, ranks and
 * roles ("Phó Giám đốc", "Đại tá", "đối tượng"); info "title", "rank"
 * or "subject". Folded. */
const tracuu_lexicon_t *
tracuu_lexicon__roles (tracuu_status_t *rc);

/* extract-social.c: "platforms.txt", platform names and domains
 * ("facebook", "tiktok", "website"...). Folded. */
const tracuu_lexicon_t *
tracuu_lexicon__platforms (tracuu_status_t *rc);

#endif /* TRACUU_LEXICON_H */
