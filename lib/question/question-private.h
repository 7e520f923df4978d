/* Internal declarations shared by the files of lib/question/; never
 * installed. */
#ifndef TRACUU_QUESTION_PRIVATE_H
#define TRACUU_QUESTION_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "analysis/analysis-private.h"
#include "tracuu/analysis.h"
#include "tracuu/field.h"
#include "tracuu/question.h"
#include "util/util-private.h"

/* question-lexicon.c ----------------------------------------------- */

/* A phrase list of questions: "label<TAB>phrase|phrase..." lines, '#'
 * comments, a label alone on a line registered without phrases. Each
 * phrase is tokenized by tracuu_text_analyze(), so that its words are
 * compared with a question's tokens in the same forms. */
typedef struct tracuu_qlex tracuu_qlex_t;

/* Load lexicon file 'name' from the data directory's "lexicon/". On
 * failure *out is NULL and *error_out (if not NULL) a malloc'ed message
 * naming the file. Returns OK, _IO_ERROR, _BAD_INPUT (a line without a
 * TAB), _OUT_OF_MEMORY or _ICU_ERROR. */
tracuu_status_t
tracuu_qlex__load (const char *name, tracuu_qlex_t **out, char **error_out);

/* Parse lexicon text 'data' ('len' bytes); 'name' is for messages. */
tracuu_status_t
tracuu_qlex__parse (const char *name, const char *data, size_t len,
                    tracuu_qlex_t **out, char **error_out);

/* Free 'lex'. NULL is a no-op. */
void
tracuu_qlex__destroy (tracuu_qlex_t *lex);

/* Number of labels, and label 'i' (NULL when out of range). */
size_t
tracuu_qlex__count (const tracuu_qlex_t *lex);
const char *
tracuu_qlex__label (const tracuu_qlex_t *lex, size_t i);

/* The longest phrase spelled by tokens i, i + 1... (none at or past
 * 'end'; only blanks or dashes between them): its label in *label_out
 * and the number of tokens as the result; 0 if none. A token without
 * diacritics matches a phrase word with the same folded form; a token
 * with diacritics must have the same exact form. */
size_t
tracuu_qlex__match (const tracuu_qlex_t *lex, const tracuu_text_t *text,
                    size_t i, size_t end, const char **label_out);

/* question-time.c -------------------------------------------------- */

/* A time expression at token i of 'text' (none at or past 'end'), read
 * with the symbols of question-time.txt, relative expressions ("năm
 * nay", "last month") against day 'today' (yyyymmdd): the number of
 * tokens it takes (0 if none), its first and last day (yyyymmdd, 0 =
 * open) and in *strong_out whether it makes the query a question
 * (everything but a bare year): 2 for months of no year given ("quý
 * 2"), read in the current year. */
size_t
tracuu_question__time (const tracuu_qlex_t *time_lex,
                       const tracuu_text_t *text, size_t i, size_t end,
                       int32_t today, int32_t *from_out, int32_t *to_out,
                       int *strong_out);

/* Read the value of "period:" ('len' bytes): YYYY, YYYY-H1, YYYY-H2,
 * YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD. Returns 1 and the first and last
 * day, or 0 when it is none of these. */
int
tracuu_question__period (const char *s, size_t len, int32_t *from_out,
                         int32_t *to_out);

/* Is 'ymd' (yyyymmdd) a day of the calendar? */
int
tracuu_question__valid_day (int32_t ymd);

/* question-amount.c ------------------------------------------------ */

/* An amount expression at token i of 'text' ("trên 10 triệu", "from 5
 * to 10 million đồng"), read with the symbols of question-amounts.txt:
 * the number of tokens it takes (0 if none) and its least and greatest
 * amount in đồng (-1 = open). */
size_t
tracuu_question__amount (const tracuu_qlex_t *amount_lex,
                         const tracuu_text_t *text, size_t i, size_t end,
                         int64_t *lo_out, int64_t *hi_out);

/* A number of đồng written with optional separators ("20.000.000",
 * "5_000_000"), or -1. */
int64_t
tracuu_question__amount_value (const char *s, size_t len);

/* question-province.c ---------------------------------------------- */

/* The provinces of 2025 (provinces-2025.txt) against the provinces of
 * the extraction: which former provinces make up each new one. */
typedef struct tracuu_qprov tracuu_qprov_t;

/* Build the table from lexicon 'units' (label = province of 2025,
 * phrases = former provinces) and the provinces lexicon 'provinces':
 * each province of 'provinces' goes to the province of 2025 one of
 * whose phrases spells it. A province of 'provinces' that none spells,
 * or a province of 2025 without any, is _BAD_INPUT with a message in
 * *error_out (if not NULL). */
tracuu_status_t
tracuu_qprov__build (const tracuu_qlex_t *units,
                     const tracuu_lexicon_t *provinces, char **error_out,
                     tracuu_qprov_t **out);

void
tracuu_qprov__destroy (tracuu_qprov_t *prov);

/* Number of provinces of 2025, and the name of province 'i'. */
size_t
tracuu_qprov__count (const tracuu_qprov_t *prov);
const char *
tracuu_qprov__name (const tracuu_qprov_t *prov, size_t i);

/* The former provinces of province 'i' of 2025 (canonical names of the
 * provinces lexicon), and how many there are. */
size_t
tracuu_qprov__n_formers (const tracuu_qprov_t *prov, size_t i);
const char *
tracuu_qprov__former (const tracuu_qprov_t *prov, size_t i, size_t k);

/* The province of 2025 that former province 'name' (canonical) belongs
 * to, or -1. */
long
tracuu_qprov__unit_of (const tracuu_qprov_t *prov, const char *name);

/* question.c, question-fields.c, question-explain.c: the parser ----- */

typedef enum item_kind {
    I_WORD,                     /* A bare word: may be interpreted. */
    I_TEXT,                     /* "Quoted", an operand, an address. */
    I_OR,
    I_AND,
    I_NOT,
    I_SIGN,                     /* '-' or '+' before an atom. */
    I_OPEN,
    I_CLOSE,
    I_FIELD                     /* name:value. */
} item_kind_t;

typedef struct item {
    item_kind_t kind;
    size_t start;               /* Span in the normalized query. */
    size_t end;
    size_t name_end;            /* FIELD: the name is [start, name_end). */
    size_t value_start;         /* FIELD: the value, without quotes. */
    size_t value_end;
    int interp;                 /* WORD: may be interpreted. */
    int glued;                  /* No blank before it. */
    int exclude;                /* FIELD: after NOT or '-'. */
} item_t;

typedef enum match_kind {
    M_KEEP,                     /* Wording that names nothing: kept. */
    M_STOP,
    M_TIME,
    M_AMOUNT,
    M_INTENT,
    M_EXCLUDE,
    M_ACTION,
    M_CATEGORY,
    M_STATUS,
    M_AGENCY,
    M_VIOLATOR,
    M_PROVINCE,
    M_PLATFORM,
    M_ACCOUNT
} match_kind_t;

typedef struct match {
    match_kind_t kind;
    size_t first;               /* First token. */
    size_t n;                   /* Number of tokens. */
    const char *label;          /* Canonical value; lexicon-owned. */
    int64_t lo;                 /* TIME: first day; AMOUNT: least (-1). */
    int64_t hi;                 /* TIME: last day; AMOUNT: most (-1). */
    int exclude;                /* A filter after an exclusion word. */
    int strong;                 /* TIME: makes a question. */
} match_t;

/* Consecutive interpretable words. */
typedef struct run {
    size_t first_item;          /* Its items. */
    size_t end_item;
    size_t start;               /* Its span in the normalized query. */
    size_t end;
    tracuu_text_t *text;        /* The span, tokenized. */
    match_t *matches;           /* In token order, not overlapping. */
    size_t n_matches;
} run_t;

typedef struct lexicons {
    tracuu_qlex_t *actions;
    tracuu_qlex_t *categories;
    tracuu_qlex_t *intents;
    tracuu_qlex_t *stops;
    tracuu_qlex_t *time;
    tracuu_qlex_t *amounts;
    tracuu_qlex_t *status;
    tracuu_qlex_t *agencies;
    tracuu_qlex_t *violators;
    tracuu_qlex_t *exclusions;
    tracuu_qlex_t *units;       /* provinces-2025.txt. */
    tracuu_qprov_t *prov;       /* The same against provinces.txt. */
    const tracuu_lexicon_t *provinces;  /* lexicon.c's, shared. */
    const tracuu_lexicon_t *platforms;
} lexicons_t;

typedef struct parser {
    tracuu_status_t rc;
    char *error;                /* Message of the first error. */
    lexicons_t lex;
    int32_t today;              /* yyyymmdd. */
    char *s;                    /* Normalized query, NUL-terminated. */
    size_t len;
    item_t *items;
    size_t n_items;
    run_t *runs;
    size_t n_runs;
    int question;               /* Interpret the words. */
    int seen_action;            /* An action word was found. */
    int seen_other;             /* Another mapped word was found. */
    int english;                /* Most words cannot be Vietnamese. */
    int undecided;              /* "chưa ra quyết định" was read. */
    int status_words;           /* A status of fines was named in words. */
    tracuu_question_t *q;
} parser_t;

/* question.c: record the first error. */
void
tracuu_question__fail (parser_t *p, tracuu_status_t status,
                       const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

/* question.c: a copy of s[0..len), or NULL (and p->rc) on OOM. */
char *
tracuu_question__dup (parser_t *p, const char *s, size_t len);

/* question.c: add a filter (a copy of 'value') unless the same one is
 * there; 'why' may be NULL. */
void
tracuu_question__add_filter (parser_t *p, const char *field,
                             const char *value, size_t len, int exclude,
                             const char *why);

/* question.c: add an excluded range of field 'field' ("date" or
 * "amount"); -1 = open. */
void
tracuu_question__add_excluded_range (parser_t *p, const char *field,
                                     int64_t lo, int64_t hi);

/* question.c: add a note (printf format). */
void
tracuu_question__note (parser_t *p, const char *format, ...)
    __attribute__ ((format (printf, 2, 3)));

/* question.c: widen the question's period. */
void
tracuu_question__add_period (tracuu_question_t *q, int32_t from, int32_t to);

/* question.c: narrow the question's amounts. */
void
tracuu_question__add_amount (tracuu_question_t *q, int64_t lo, int64_t hi);

/* question-fields.c: apply field item 'item'. */
void
tracuu_question__apply_field (parser_t *p, const item_t *item);

/* question-fields.c: the label of 'qlex' or 'lex' that 'value' spells
 * whole (or, for 'qlex', names), or NULL. */
const char *
tracuu_question__match_whole (parser_t *p, const tracuu_qlex_t *qlex,
                              const tracuu_lexicon_t *lex, const char *value,
                              size_t len);

/* question-explain.c: add a word of the query (a copy of s[0..len)). */
void
tracuu_question__add_word (parser_t *p, const char *s, size_t len,
                           tracuu_question_role_t role, const char *meaning,
                           int glued);

/* question-explain.c: q->text from the words that are content or text,
 * and q->explain; both replaced. Returns OK or _OUT_OF_MEMORY. */
tracuu_status_t
tracuu_question__finish (tracuu_question_t *q);

#endif /* TRACUU_QUESTION_PRIVATE_H */
