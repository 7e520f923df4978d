/*
 * Internal declarations of the search layer (lib/search/): the lexer of
 * the query language, parsed queries and snippets, and filters as
 * Xapian queries, one section per concern. Never installed.
 */
#ifndef TRACUU_SEARCH_PRIVATE_H
#define TRACUU_SEARCH_PRIVATE_H

#include <stddef.h>

#include "tracuu/analysis.h"
#include "tracuu/question.h"
#include "tracuu/search.h"
#include "tracuu/status.h"
#include "tracuu/xapian-c.h"
#include "index/index-private.h"

/* ------------------------------------------------------------------ */

/*
 * The one lexer of the query language (lexer.c). The search
 * parser (query.c) and the question parser (lib/question/) both read its
 * tokens, so that a query is cut the same way whichever reads it.
 *
 *     word  "quoted phrase"  (  )  OR  AND  NOT  -x  +x
 *     name:value  name:"quoted value"  name:A..B
 *
 * Operators are OR, AND and NOT in capitals, as whole words. A '-' or
 * '+' that starts a word and touches what follows is a sign of its own
 * before the rest, which is then read as a word (never as a sign
 * again), a field, a phrase or a parenthesis; a '-' or '+' alone is a
 * word ("Bà Rịa - Vũng Tàu"). A word "name:value" is a field when the
 * name is ASCII letters or '_' and the value is not empty and does not
 * start with '/' ("https://..." is a word); "name:" followed directly by
 * a quote takes the quoted text as its value. A word holding "://" is
 * always a word. A missing closing quote closes at the end. Nothing is
 * refused: every byte of the input belongs to a token or a blank.
 */

typedef enum tracuu_lex_kind {
    TRACUU_LEX_WORD,            /* A bare word. */
    TRACUU_LEX_PHRASE,          /* "A quoted phrase". */
    TRACUU_LEX_OPEN,            /* ( */
    TRACUU_LEX_CLOSE,           /* ) */
    TRACUU_LEX_OR,              /* OR */
    TRACUU_LEX_AND,             /* AND */
    TRACUU_LEX_NOT,             /* NOT */
    TRACUU_LEX_MINUS,           /* A '-' starting a word. */
    TRACUU_LEX_PLUS,            /* A '+' starting a word. */
    TRACUU_LEX_FIELD            /* name:value. */
} tracuu_lex_kind_t;

typedef struct tracuu_lex_token {
    tracuu_lex_kind_t kind;     /* What it is. */
    size_t start;               /* Its bytes in the input: [start, end). */
    size_t end;
    size_t text_start;          /* PHRASE: inside the quotes; FIELD: the
                                   value, without quotes; else = start. */
    size_t text_end;            /* Likewise: = end for others. */
    size_t name_end;            /* FIELD: the name is [start, name_end). */
    size_t range;               /* FIELD: offset of ".." in the input
                                   inside the value, or SIZE_MAX. */
    int quoted;                 /* FIELD: the value was quoted. */
    int glued;                  /* No blank between it and the token
                                   before (a sign's operand). */
    int depth;                  /* Parentheses open around it (an OPEN
                                   counts those outside it). */
} tracuu_lex_token_t;

typedef struct tracuu_lex {
    tracuu_lex_token_t *tokens; /* In input order. */
    size_t n;                   /* How many. */
} tracuu_lex_t;

/* Cut 's' ('len' bytes, need not end in NUL) into tokens. *out is
 * filled (empty on failure) and released with tracuu_lex__dispose().
 * Returns OK or _OUT_OF_MEMORY. */
tracuu_status_t
tracuu_lex__scan (const char *s, size_t len, tracuu_lex_t *out);

/* Release the tokens of 'lex' (NULL is a no-op); it is left empty. */
void
tracuu_lex__dispose (tracuu_lex_t *lex);

/* Is token 'k' of 'lex' the operand of a sign or NOT before it? */
int
tracuu_lex__is_operand (const tracuu_lex_t *lex, size_t k);

/* ------------------------------------------------------------------ */

/* query.c and snippet.c: parsed queries and snippets. */

/* What a snippet looks for: one word, or a phrase's words in order,
 * as folded forms. */
typedef struct tracuu_unit {
    char **words;
    size_t n_words;
} tracuu_unit_t;

/* A parsed query: the Xapian query and its positive words and phrases
 * (for highlighting). */
typedef struct tracuu_query {
    xapc_query_t *xq;
    int all_documents;          /* Uses a match-all query (as "-word" does). */
    tracuu_unit_t *units;
    size_t n_units;
} tracuu_query_t;

/* Parse user syntax. TRACUU_STATUS_QUERY_SYNTAX when nothing in it can
 * be searched. *out: tracuu_query__destroy(). */
tracuu_status_t tracuu_query__parse (const char *s, size_t len,
                                     tracuu_query_t **out);
/* The same for the words of case documents (prefixed folded forms, no
 * positions: a phrase is the AND of its words, and nothing is boosted). */
tracuu_status_t tracuu_query__parse_cases (const char *s, size_t len,
                                           tracuu_query_t **out);
void tracuu_query__destroy (tracuu_query_t *q);

/* A query matching every document, with nothing to highlight. */
tracuu_status_t tracuu_query__match_all (tracuu_query_t **out);

/* A snippet: the best line of 'text' for the query terms, cut to at
 * most 'max_bytes' around its matches. Strings and spans are malloc'ed
 * and owned by the caller (tracuu_snippet__dispose). */
typedef struct tracuu_snippet {
    uint32_t line;
    char *text;
    tracuu_span_t *spans;
    size_t n_spans;
} tracuu_snippet_t;

tracuu_status_t tracuu_snippet__make (const tracuu_text_t *text,
                                      const tracuu_unit_t *units,
                                      size_t n_units,
                                      size_t max_bytes,
                                      tracuu_snippet_t *out);
void tracuu_snippet__dispose (tracuu_snippet_t *s);

/* Every token of 'text' a unit matches (as in snippets: whole phrases,
 * footnote marks passed over), in text order: *out (free()) holds *n_out
 * token indexes. */
tracuu_status_t tracuu_snippet__matches (const tracuu_text_t *text,
                                         const tracuu_unit_t *units,
                                         size_t n_units, size_t **out,
                                         size_t *n_out);

/* The same from stored text, cheaply: the best line is chosen on the
 * folded text, and only that line is analyzed. */
tracuu_status_t tracuu_snippet__from_text (const char *text, size_t len,
                                           const tracuu_unit_t *units,
                                           size_t n_units, size_t max_bytes,
                                           tracuu_snippet_t *out);

/* search.c: the shards 'results' came from (see index/index-private.h). */
const tracuu_shard_state_t *tracuu_results__shards (const tracuu_results_t *results);

/* The snippet of a search by filters alone (question 'q' with no text):
 * the first line holding the most of its values that a report shows as
 * typed (persons, accounts, numbers, provinces, platforms, agencies,
 * the years of its period), those values highlighted. */
struct tracuu_question;
tracuu_status_t tracuu_snippet__from_filters (const char *text, size_t len,
                                              const struct tracuu_question *q,
                                              size_t max_bytes,
                                              tracuu_snippet_t *out);

/* ------------------------------------------------------------------ */

/* filters.c: a question's filters as a Xapian query. */

/* The filters of 'q' for documents of 'kind' ("report" or "case"),
 * always including the kind. *out: xapc_query_destroy(). */
tracuu_status_t tracuu_filters__build (const tracuu_question_t *q,
                                       const char *kind, xapc_query_t **out);

#endif /* TRACUU_SEARCH_PRIVATE_H */
