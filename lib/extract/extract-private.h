/*
 * Internal declarations of the extraction modules, one section per
 * source file; never installed. Every extractor appends the entities it
 * finds in 'text' to 'out' and uses the sticky status '*rc' (see
 * tracuu_entities_push()).
 */
#ifndef TRACUU_EXTRACT_PRIVATE_H
#define TRACUU_EXTRACT_PRIVATE_H

#include <string.h>
#include <stddef.h>
#include <stdint.h>

#include "tracuu/analysis.h"
#include "tracuu/entity.h"
#include "tracuu/status.h"
#include "analysis/analysis-private.h"
#include "util/util-private.h"

/* extract-util.c: helpers of the extractors. ----------------------- */

/* A number as written: integer part, decimal digits, how it was read. */
typedef struct tracuu_extract_number {
    int64_t integer;            /* Digits before the decimal mark. */
    int64_t frac;               /* Digits after it, as an integer. */
    int frac_digits;            /* How many; 0 = an integer. */
    int grouped;                /* Thousands separators were seen. */
} tracuu_extract_number_t;

/* Non-zero when token 'i' exists and its exact (lower-cased) form is
 * 'exact'. Inline: the rules ask it of nearly every token, and most
 * answers are decided by the first byte. */
static inline int
tracuu_extract__is (const tracuu_text_t *text, size_t i, const char *exact)
{
    return i < text->n_tokens && text->tokens[i].exact[0] == exact[0]
           && strcmp (text->tokens[i].exact, exact) == 0;
}

/* The text is typed without diacritics: of its first 2 000 words, at
 * least 30, fewer than one in twenty carries a diacritic. Its words
 * are then read by their folded forms ("xu phat 5 trieu dong"). */
int
tracuu_extract__unaccented (const tracuu_text_t *text);

/* Non-zero when token 'i' exists and its folded form is 'folded'. */
int
tracuu_extract__is_folded (const tracuu_text_t *text, size_t i,
                           const char *folded);

/* Tokens from 'i' on spell the space-separated folded 'phrase', with
 * only blanks between them. Returns how many tokens matched, or 0. */
size_t
tracuu_extract__match_folded (const tracuu_text_t *text, size_t i,
                              const char *phrase);

/* As tracuu_extract__match_folded(), on the exact (lower-cased) forms. */
size_t
tracuu_extract__match (const tracuu_text_t *text, size_t i,
                       const char *phrase);

/* A list of phrases tried at a token only when the token is the first
 * word of one of them (a bit set of first words, built on first use):
 * most tokens are turned away by one hash instead of one call per
 * phrase. Declare with TRACUU_PHRASE_SET (list, folded), static. */
#define TRACUU_PHRASE_SET_BITS 512
typedef struct tracuu_phrase_set {
    const char *const *phrases;
    size_t n;
    int folded;                 /* Phrases of folded forms, else exact. */
    int ready;                  /* The bits are built. */
    uint64_t bits[TRACUU_PHRASE_SET_BITS / 64];
} tracuu_phrase_set_t;

#define TRACUU_PHRASE_SET(list, folded) \
    { (list), sizeof (list) / sizeof (list)[0], (folded), 0, { 0 } }

/* The first phrase of 'set' that matches at token 'i', as
 * tracuu_extract__match(): its tokens, and its index in *which. */
size_t
tracuu_extract__match_set (tracuu_phrase_set_t *set, const tracuu_text_t *text,
                           size_t i, size_t *which);

/* The text between token 'i' and token 'i + 1' (to the end of the text
 * for the last token; from the start for i == SIZE_MAX). */
const char *
tracuu_extract__gap (const tracuu_text_t *text, size_t i, size_t *len_out);

/* The gap after token 'i' holds only spaces and tabs (not a line end). */
int
tracuu_extract__gap_blank (const tracuu_text_t *text, size_t i);

/* The gap after token 'i' is the punctuation 'punct' exactly, blanks
 * (not line ends) allowed around each of its characters: "/" matches
 * "/", " / " and "/ ". An empty 'punct' is tracuu_extract__gap_blank. */
int
tracuu_extract__gap_is (const tracuu_text_t *text, size_t i,
                        const char *punct);

/* The gap after token 'i' ends a sentence: a line end, or '.', '!', '?'
 * followed by a blank. */
int
tracuu_extract__gap_ends_sentence (const tracuu_text_t *text, size_t i);

/* Token 'i' starts its line (only blanks and list marks before it). */
int
tracuu_extract__starts_line (const tracuu_text_t *text, size_t i);

/* Read a number written the Vietnamese way ("7,5", "20.000.000"), see
 * extract-util.c for how ambiguous separators are read. Returns the
 * bytes used (0 when 's' does not start with a digit, or the number is
 * out of range). */
size_t
tracuu_extract__parse_number (const char *s, size_t len,
                              tracuu_extract_number_t *out);

/* Token 'i' is a plain integer of at most 'max_digits' digits (leading
 * zeros allowed): stores it in *out and returns 1, otherwise 0. */
int
tracuu_extract__token_int (const tracuu_text_t *text, size_t i,
                           int max_digits, int *out);

/* 1..12 for a Roman numeral "i".."xii" (any case), else 0. */
int
tracuu_extract__roman (const char *s, size_t len);

/* Days in month 'm' of year 'y', 0 if 'm' is not 1..12. */
int
tracuu_extract__days_in_month (int y, int m);

/* Non-zero for a real calendar day in 1900..2100. */
int
tracuu_extract__valid_date (int y, int m, int d);

/* Append an entity of 'kind' spanning [start, end), computing its line
 * and the HEADLINE flag. Sticky *rc as in tracuu_entities_push(). */
tracuu_entity_t *
tracuu_extract__push (tracuu_status_t *rc, tracuu_entities_t *out,
                      const tracuu_text_t *text, tracuu_entity_kind_t kind,
                      size_t start, size_t end, uint32_t flags,
                      int64_t number, int32_t from, int32_t to,
                      const char *value, const char *extra);

/* extract-money.c: MONEY. ------------------------------------------ */

void
tracuu_extract__money (const tracuu_text_t *text, tracuu_entities_t *out,
                       tracuu_status_t *rc);

/* extract-date.c: DATE, PERIOD. ------------------------------------ */

void
tracuu_extract__dates (const tracuu_text_t *text, tracuu_entities_t *out,
                       tracuu_status_t *rc);

/* A full date starting at token 'i' ("ngày 14/8/2020", "14/8/2020",
 * "ngày 14 tháng 8 năm 2020"): stores yyyymmdd in *ymd_out and returns
 * the number of tokens it spans, or 0. */
size_t
tracuu_extract__date_at (const tracuu_text_t *text, size_t i,
                         int32_t *ymd_out);

/* extract-count.c: COUNT. ------------------------------------------ */

void
tracuu_extract__counts (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc);

/* extract-reference.c: REFERENCE, DOCNUMBER. ----------------------- */

void
tracuu_extract__references (const tracuu_text_t *text,
                            tracuu_entities_t *out, tracuu_status_t *rc);

/* extract-footnote.c: FOOTNOTE. ------------------------------------ */

void
tracuu_extract__footnotes (const tracuu_text_t *text,
                           tracuu_entities_t *out, tracuu_status_t *rc);

/* extract-social.c: ACCOUNT, URL, EMAIL, PHONE. -------------------- */

void
tracuu_extract__social (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc);

/* extract-person.c: PERSON. ---------------------------------------- */

void
tracuu_extract__people (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc);

/* A personal name of 2-5 capitalized syllables at token 'i' (starting
 * with a family name when 'need_surname'), not a province: the number of
 * tokens, or 0. Sticky *rc. */
size_t
tracuu_extract__person_name (const tracuu_text_t *text, size_t i,
                             int need_surname, tracuu_status_t *rc);

/* extract-place.c: PROVINCE, DISTRICT. ----------------------------- */

void
tracuu_extract__places (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc);

/* Tokens [i, j) joined by single spaces, each word with its first letter
 * as written and the rest lower case ("LỤC NAM" -> "Lục Nam"). malloc;
 * NULL, with *rc set, on failure. */
char *
tracuu_extract__title_case (tracuu_status_t *rc, const tracuu_text_t *text,
                            size_t i, size_t j);

/* extract-agency.c: AGENCY. ---------------------------------------- */

void
tracuu_extract__agencies (const tracuu_text_t *text, tracuu_entities_t *out,
                          tracuu_status_t *rc);

/* The token just past the agency name that starts at token 'i' ("Sở
 * Thông tin và Truyền thông tỉnh Bắc Giang"), or 'i' if none starts
 * there. Sticky *rc. */
size_t
tracuu_extract__agency_end (const tracuu_text_t *text, size_t i,
                            tracuu_status_t *rc);

/* Tokens [i, j) as written, with the gaps between them normalized to
 * " ", ", ", "&" or " - ". malloc; NULL, with *rc set, on failure. */
char *
tracuu_extract__span_text (tracuu_status_t *rc, const tracuu_text_t *text,
                           size_t i, size_t j);

/* extract-sentence.c, extract-meta.c, extract-case.c: reports. ----- */

#include "tracuu/extract.h"

/* extract-sentence.c: clauses. */

/* Clause flags. */
enum {
    TRACUU_CLAUSE_HEADLINE = 1 << 0, /* Inside *italics* or curly quotes. */
    TRACUU_CLAUSE_TABLE    = 1 << 1, /* On a table row (tab-separated). */
    TRACUU_CLAUSE_FOOTNOTE = 1 << 2  /* In the text of a footnote. */
};

/* A clause: a piece of a sentence between '.', ';', ':' or a line end,
 * never split inside numbers ("7,5", "20.000.000"), abbreviations
 * ("TP.", "TP.HCM"), list numbers ("1.", "II.") or parentheses. */
typedef struct tracuu_clause {
    size_t start;             /* First byte (blanks, dashes, '*' trimmed). */
    size_t end;               /* Byte just past it. */
    size_t tok;               /* First token. */
    size_t tok_end;           /* Token just past it. */
    uint32_t line;            /* 1-based line. */
    size_t sentence;          /* Index of its sentence (0-based). */
    uint32_t flags;           /* TRACUU_CLAUSE_*. */
    int footnote;             /* Number of the footnote it is in, or 0. */
} tracuu_clause_t;

/* Split 'text' into clauses. *out (free()) holds *n_out clauses in text
 * order; clauses without a token are left out. Returns OK or
 * _OUT_OF_MEMORY. */
tracuu_status_t
tracuu_extract__clauses (const tracuu_text_t *text, tracuu_clause_t **out,
                         size_t *n_out);

/* extract.c: the extraction object, shared with -meta, -case, -json. */

struct tracuu_extraction {
    char *file;                   /* tracuu_extraction_set_file(), or NULL. */
    tracuu_entities_t entities;   /* Every entity, sorted. */
    tracuu_report_meta_t meta;    /* Strings owned (except 'kind'). */
    tracuu_case_t *cases;         /* Cases in text order; strings owned. */
    size_t n_cases;               /* How many. */
    size_t alloc_cases;           /* Allocated slots. */
};

/* strndup that sets *rc on failure; NULL once *rc holds an error. */
char *
tracuu_extract__strndup (tracuu_status_t *rc, const char *s, size_t len);

/* extract-meta.c */

/* Fill x->meta from 'text' and x->entities. Sticky *rc. */
void
tracuu_extract__meta (const tracuu_text_t *text, tracuu_extraction_t *x,
                      tracuu_status_t *rc);

/* Free the strings of 'meta' and zero it. */
void
tracuu_extract__meta_dispose (tracuu_report_meta_t *meta);

/* Canonical period of a year-month-day span: "2024", "2024-H1",
 * "2024-Q2", "2024-04" or "2018-03-16..2020-03-16", written to 'buf'
 * (at least 32 bytes). */
void
tracuu_extract__period_name (int32_t from, int32_t to, char *buf);

/* extract-case.c */

/* Append the cases of 'text' to x->cases, using x->entities and
 * x->meta. Sticky *rc. */
void
tracuu_extract__cases (const tracuu_text_t *text, tracuu_extraction_t *x,
                       tracuu_status_t *rc);

/* Free the strings and arrays of one case. */
void
tracuu_extract__case_dispose (tracuu_case_t *c);

#endif /* TRACUU_EXTRACT_PRIVATE_H */
