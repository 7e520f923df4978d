/*
 * Internal declarations of the analysis layer (lib/analysis/):
 * normalization, folding, tokens and the lexicons, one section per
 * source file. Never installed.
 */
#ifndef TRACUU_ANALYSIS_PRIVATE_H
#define TRACUU_ANALYSIS_PRIVATE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <unicode/utypes.h>

#include "tracuu/analysis.h"
#include "tracuu/status.h"
#include "util/util-private.h"

/* normalize.c -------------------------------------------------------- */

/* As tracuu_normalize(), and *u16_out (freed by the caller with free())
 * is the same text in UTF-16 for ICU's iterators. */
tracuu_status_t
tracuu_normalize__utf16 (const char *in, size_t len, char **u8_out,
                         size_t *u8_len, UChar **u16_out, int32_t *u16_len,
                         size_t *n_replaced);

/* fold.c ----------------------------------------------------------- */

/* Fold the code points cps[0..n) in place to the exact form (lower case,
 * canonical tone placement). */
void tracuu_fold__exact (int32_t *cps, size_t n);

/* The base letter of an exact-form code point without diacritics
 * (đ -> d), or the code point itself; 0 for a combining mark (dropped). */
int32_t tracuu_fold__ascii (int32_t cp);

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

/* lexicon.c ---------------------------------------------------------- */

/*
 * Lexicons: every word list of the library is a data file of
 * data/lexicon/, built into the library (scripts/embed.c) and read from
 * $TRACUU_DATA_DIR/lexicon/ instead when that file exists. One loader,
 * one file format, a matching mode per lexicon. Internal; never
 * installed.
 *
 * Format: one "label<TAB>phrase|phrase...<TAB>info" per line; '#'
 * starts a comment; a label may come back on several lines; a label
 * alone on a line (no blank, no '|') is registered without phrases. The
 * third column is free text kept per label (the first one given wins)
 * and, split on blanks, the tags of that line's phrases:
 * tracuu_lexicon__match_tagged() only tries the phrases of lines that
 * carry a tag, so that one file holds lists that overlap ("Công an"
 * starts an agency name for every reader, "Trung tâm" only for some).
 *
 * Modes, chosen by a line "#!match MODE" (the caller gives the default):
 *   exact    token's exact form (lower case, either tone placement:
 *            "hoá" is "hòa"); "#" matches any number, "*" any token.
 *   fold     accent-insensitive: folded forms, so "Bắc Giang", "BẮC
 *            GIANG" and "Bac Giang" all match "bắc giang"; the label is
 *            a phrase of its own. ("#!fold ascii" is the older spelling.)
 *   accents  accents optional: a token typed without diacritics matches
 *            any accents, a token with diacritics must match them
 *            ("phat" is "phạt", "phát" is not); phrases are tokenized by
 *            the analyzer, as the text they are matched against.
 * In every mode phrases are whole words; the longest phrase wins.
 */

/* Labelled phrase lists. A lexicon file has one "label<TAB>phrase|
 * phrase..." per line; '#' starts a comment line; a label may come
 * back on several lines. Phrases are words separated by spaces, folded
 * to the exact form when loaded, so "hoá" and "hòa" are one; the word
 * "#" matches any number token and "*" any token. */
typedef struct tracuu_lexicon tracuu_lexicon_t;

/* Parse lexicon text. *out belongs to the caller. Returns OK,
 * _OUT_OF_MEMORY, or _BAD_INPUT for a line without a TAB. */
tracuu_status_t
tracuu_lexicon__parse (const char *data, size_t len, tracuu_lexicon_t **out);

/* Load lexicon 'name' ("actions.txt") in the exact mode unless the file
 * says otherwise, as tracuu_lexicon__load_mode() below:
 * $TRACUU_DATA_DIR/lexicon/'name' when the variable is set, else the
 * installed copy when there is one, else the copy built into the library
 * (tracuu_data__lexicon()). Returns as tracuu_lexicon__parse(), or
 * _IO_ERROR when the file cannot be read. */
tracuu_status_t
tracuu_lexicon__load (const char *name, tracuu_lexicon_t **out);

/* Free 'lex'. NULL is a no-op. */
void
tracuu_lexicon__destroy (tracuu_lexicon_t *lex);

/* Label number 'i' (in order of first appearance), or NULL. */
const char *
tracuu_lexicon__label (const tracuu_lexicon_t *lex, size_t i);

/* The longest phrase spelled by tokens i, i + 1... (none at or past
 * 'end'; only blanks, commas and dashes between them): its label index
 * in *label_out and the number of tokens as the result; 0 if none. */
size_t
tracuu_lexicon__match (const tracuu_lexicon_t *lex, const tracuu_text_t *text,
                       size_t i, size_t end, size_t *label_out);

typedef enum tracuu_lexicon_mode {
    TRACUU_LEXICON_EXACT,
    TRACUU_LEXICON_FOLD,
    TRACUU_LEXICON_ACCENTS
} tracuu_lexicon_mode_t;

/* Parse lexicon text 'data' ('len' bytes) in 'mode' (a "#!match" line
 * overrides it); 'name' is for messages. *out belongs to the caller. On
 * failure *out is NULL and *error_out (when not NULL) a malloc'ed
 * message "name:line: ...". Returns OK, _OUT_OF_MEMORY, _ICU_ERROR, or
 * _BAD_INPUT for a line that is no "label<TAB>phrases" nor a label
 * alone, or an unknown mode. */
tracuu_status_t
tracuu_lexicon__parse_mode (const char *name, const char *data, size_t len,
                            tracuu_lexicon_mode_t mode,
                            tracuu_lexicon_t **out, char **error_out);

/* Load lexicon 'name' ("provinces.txt"): $TRACUU_DATA_DIR/lexicon/name
 * when the variable is set and the file exists, else the built-in copy.
 * Returns as tracuu_lexicon__parse_mode(), or _IO_ERROR (with a message)
 * when the file exists but cannot be read or there is no such lexicon. */
tracuu_status_t
tracuu_lexicon__load_mode (const char *name, tracuu_lexicon_mode_t mode,
                           tracuu_lexicon_t **out, char **error_out);

/* Number of labels. */
size_t
tracuu_lexicon__count (const tracuu_lexicon_t *lex);

/* The third column given for label 'i', or "" (never NULL). */
const char *
tracuu_lexicon__info (const tracuu_lexicon_t *lex, size_t i);

/* The third column of label 'i' holds the blank-separated word 'tag'. */
int
tracuu_lexicon__has_tag (const tracuu_lexicon_t *lex, size_t i,
                         const char *tag);

/* Words of the longest phrase: a match starting at token i never reads
 * past i + this. */
size_t
tracuu_lexicon__max_words (const tracuu_lexicon_t *lex);

/* As tracuu_lexicon__match(), trying only the phrases of lines whose
 * third column holds 'tag' (all phrases when 'tag' is NULL). */
size_t
tracuu_lexicon__match_tagged (const tracuu_lexicon_t *lex,
                              const tracuu_text_t *text, size_t i,
                              size_t end, const char *tag,
                              size_t *label_out);

/* The label of the one-word phrase 'word' ('len' bytes, in the form the
 * lexicon matches: exact, or folded for the fold and accents modes), or
 * -1. */
long
tracuu_lexicon__lookup (const tracuu_lexicon_t *lex, const char *word,
                        size_t len);

/* A one-word phrase equal to 'word' ('len' bytes, in the form the
 * lexicon matches) is on a line tagged 'tag'. */
int
tracuu_lexicon__word_tagged (const tracuu_lexicon_t *lex, const char *word,
                             size_t len, const char *tag);

/* As tracuu_lexicon__word_tagged() for any text 'word': folded to the
 * lexicon's form first ("TP" is "tp"). */
int
tracuu_lexicon__text_tagged (const tracuu_lexicon_t *lex, const char *word,
                             size_t len, const char *tag);

/* The label named 's' ('len' bytes), or -1. */
long
tracuu_lexicon__find_label (const tracuu_lexicon_t *lex, const char *s,
                            size_t len);

/* A lexicon loaded once per process, shared by every thread and never
 * freed. */
typedef struct tracuu_lexicon_once {
    const char *name;           /* File name under lexicon/. */
    tracuu_lexicon_mode_t mode; /* Default mode. */
    tracuu_lexicon_t *lex;      /* Loaded on first use. */
    tracuu_status_t status;     /* Result of loading it. */
    atomic_int done;            /* Loaded (or failed) already: read
                                 * without the lock, set after the rest. */
} tracuu_lexicon_once_t;

#define TRACUU_LEXICON_ONCE_INIT(name, mode) \
    { (name), (mode), NULL, TRACUU_STATUS_OK, 0 }

/* The lexicon of 'once', loaded on first use. NULL, with *rc set, on
 * failure; does nothing and returns NULL once *rc holds an error. */
const tracuu_lexicon_t *
tracuu_lexicon__once (tracuu_lexicon_once_t *once, tracuu_status_t *rc);

/* The message of the first lexicon that failed to load in this process
 * ("cannot read lexicon /srv/data/lexicon/provinces.txt: No such file or
 * directory ..."), or NULL. */
const char *
tracuu_lexicon__failure (void);

/* The lexicons of the library, each loaded once (sticky *rc; NULL on
 * failure). One function per data file of data/lexicon/. */

/* "provinces.txt": the 63 provinces; info "city" for the five
 * centrally-run cities. Fold. */
const tracuu_lexicon_t *
tracuu_lexicon__provinces (tracuu_status_t *rc);

/* "places.txt": towns and landmarks of one province each, and
 * "districts.txt": districts of one province each after their level
 * word; info: the province's name as in provinces.txt. Fold. */
const tracuu_lexicon_t *
tracuu_lexicon__places (tracuu_status_t *rc);
const tracuu_lexicon_t *
tracuu_lexicon__districts (tracuu_status_t *rc);

/* "surnames.txt": Vietnamese family names, exact forms. */
const tracuu_lexicon_t *
tracuu_lexicon__surnames (tracuu_status_t *rc);

/* "roles.txt": titles of office, ranks and roles ("Phó Giám đốc", "Đại
 * tá", "đối tượng"); info "title", "rank" or "subject". Fold. */
const tracuu_lexicon_t *
tracuu_lexicon__roles (tracuu_status_t *rc);

/* "platforms.txt": platform names and domains; tag "account" for the
 * words that name an account's platform, "case" for those that place a
 * sanction case on a platform. Fold. */
const tracuu_lexicon_t *
tracuu_lexicon__platforms (tracuu_status_t *rc);

/* "agencies.txt": words that start the name of a state body; tags
 * "head" (with "name", "level" or "whole", for the agency extractor),
 * "subject" (the agency that took a measure) and "issuer" (the agency
 * that issued a report). Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__agencies (tracuu_status_t *rc);

/* "agency-codes.txt": short codes of agencies by their names. Fold. */
const tracuu_lexicon_t *
tracuu_lexicon__agency_codes (tracuu_status_t *rc);

/* "actions.txt", "categories.txt": the wording of measures and of
 * categories of violation. Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__actions (tracuu_status_t *rc);
const tracuu_lexicon_t *
tracuu_lexicon__categories (tracuu_status_t *rc);

/* "case-nouns.txt": counted nouns of sanction cases ("tổ chức", "cá
 * nhân", "thuê bao"...), labels organization, individual, mixed, other,
 * content. Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__case_nouns (tracuu_status_t *rc);

/* "money-kinds.txt": words that say what an amount is: labels fine,
 * other (no fine: back taxes, rewards, prices...), maximum (a statutory
 * bound). Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__money_kinds (tracuu_status_t *rc);

/* "money-words.txt": units, currencies, number words and cues of amounts
 * (tags multiplier, hundred, currency, weak, number, after_dong, cue,
 * link, approx). Exact; the second in the fold mode, for texts typed
 * without diacritics. */
const tracuu_lexicon_t *
tracuu_lexicon__money_words (tracuu_status_t *rc);
const tracuu_lexicon_t *
tracuu_lexicon__money_words_folded (tracuu_status_t *rc);

/* "statuses.txt": wording of where a sanction stands (withdrawn,
 * proposed, recorded, decided). Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__statuses (tracuu_status_t *rc);

/* actions.txt, categories.txt, case-nouns.txt, money-kinds.txt and
 * statuses.txt in the fold mode: for a text typed without diacritics
 * ("xu phat 5 trieu dong"). */
const tracuu_lexicon_t *
tracuu_lexicon__actions_folded (tracuu_status_t *rc);
const tracuu_lexicon_t *
tracuu_lexicon__categories_folded (tracuu_status_t *rc);
const tracuu_lexicon_t *
tracuu_lexicon__case_nouns_folded (tracuu_status_t *rc);
const tracuu_lexicon_t *
tracuu_lexicon__money_kinds_folded (tracuu_status_t *rc);
const tracuu_lexicon_t *
tracuu_lexicon__statuses_folded (tracuu_status_t *rc);

/* "violator-kinds.txt": nouns naming who was sanctioned (individual,
 * company, press, organization). Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__violator_kinds (tracuu_status_t *rc);

/* "counted-nouns.txt": counted nouns of COUNT entities (tags noun, tail,
 * label, approx). Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__counted_nouns (tracuu_status_t *rc);

/* "document-kinds.txt": kinds of cited documents ("nghị định", "thông
 * tư"...). Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__document_kinds (tracuu_status_t *rc);

/* "decree-categories.txt": the category of a sanction decree of one
 * field, by its number folded ("100/2019/nd-cp"). */
const tracuu_lexicon_t *
tracuu_lexicon__decree_categories (tracuu_status_t *rc);

/* "account-words.txt": account nouns and connecting words (tags noun,
 * facebook, connector). Fold. */
const tracuu_lexicon_t *
tracuu_lexicon__account_words (tracuu_status_t *rc);

/* "name-words.txt": words that tell names apart (tags agency_word,
 * not_in_name, names_a_thing, honorific, strong, signature, not_a_place,
 * abbreviation). Exact. */
const tracuu_lexicon_t *
tracuu_lexicon__name_words (tracuu_status_t *rc);

/* "agency-verbs.txt": lower-case phrases that end an agency's name.
 * Fold. */
const tracuu_lexicon_t *
tracuu_lexicon__agency_verbs (tracuu_status_t *rc);

#endif /* TRACUU_ANALYSIS_PRIVATE_H */
