/* Internal: parsed queries (query.c) and snippets (snippet.c). */
#ifndef TRACUU_QUERY_H
#define TRACUU_QUERY_H

#include <stddef.h>

#include "tracuu/analysis.h"
#include "tracuu/search.h"
#include "tracuu/xapian-c.h"
#include "index/tracuu-index.h"

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

/* search.c: the shards 'results' came from (see tracuu-index.h). */
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

#endif
