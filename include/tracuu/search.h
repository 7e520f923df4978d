/*
 * tracuu search: full-text queries over an index, with ranked results,
 * the line of the best passage and a highlighted snippet.
 *
 * Query syntax: words are ANDed; "quoted phrases"; OR; AND; NOT word or
 * -word; parentheses. A word that analysis splits into several tokens
 * ("180/BC-STTTT", "11/6/2024") is searched as a phrase. Every word
 * matches with or without diacritics; where the query has diacritics,
 * documents with the same diacritics rank higher.
 */
#ifndef TRACUU_SEARCH_H
#define TRACUU_SEARCH_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/index.h"
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A highlighted span of a snippet, as byte offsets into it. */
typedef struct tracuu_span {
    size_t start;
    size_t end;
} tracuu_span_t;

/** One result. Strings belong to the results holding it. */
typedef struct tracuu_hit {
    unsigned rank;              /* 1-based. */
    double score;               /* Relevance weight (BM25). */
    const char *path;           /* Absolute path of the report. */
    uint32_t line;              /* 1-based line of the best passage, 0 if none. */
    const char *snippet;        /* Text of that passage (one line, cut). */
    const tracuu_span_t *spans; /* Matched syllables in 'snippet'. */
    size_t n_spans;             /* Number of spans. */
    uint32_t page;              /* 1-based page of 'line' in a paginated
                                   report (PDF, image), 0 for others. */
    int ocr;                    /* Non-zero when some of the report's text
                                   was read by OCR (worth a second look). */
    uint32_t id;                /* The report's document id, for
                                   tracuu_report_get() (report.h); stable
                                   while the file stays indexed. @since 0.2 */
    const char *province;       /* Canonical province of the report, "" if
                                   unknown. @since 0.2 */
    const char *period;         /* Its reporting period ("2024-H1"), "" if
                                   unknown. @since 0.2 */
} tracuu_hit_t;

/** Results of a search. Opaque; free with tracuu_results_destroy(). */
typedef struct tracuu_results tracuu_results_t;

struct tracuu_question;

/** Options of tracuu_search(). Use TRACUU_SEARCH_OPTIONS_INIT. */
typedef struct tracuu_search_options {
    unsigned version;           /* TRACUU_SEARCH_OPTIONS_VERSION. */
    unsigned offset;            /* Skip this many results. */
    unsigned limit;             /* At most this many (0: 10). */
    unsigned snippet_bytes;     /* Longest snippet (0: 240). */
    int count_exactly;          /* Count every match, not an estimate. */
    const struct tracuu_question *filters; /* Reports must also match its
                                   province, period, people, accounts,
                                   platforms and numbers (NULL: none). */
    int sort;                   /* A tracuu_sort_t: relevance (0) or the
                                   end of the reporting period. @since 0.2 */
} tracuu_search_options_t;

/** Orders of tracuu_search_options_t.sort. @since 0.2 */
typedef enum tracuu_sort {
    TRACUU_SORT_RELEVANCE = 0,  /* Best match first. */
    TRACUU_SORT_NEWEST = 1,     /* Latest period first, relevance on ties;
                                   reports without a period last. */
    TRACUU_SORT_OLDEST = 2      /* Earliest period first; reports without
                                   one first. */
} tracuu_sort_t;

#define TRACUU_SEARCH_OPTIONS_VERSION 2
#define TRACUU_SEARCH_OPTIONS_INIT \
    { TRACUU_SEARCH_OPTIONS_VERSION, 0, 10, 240, 0, NULL, 0 }

/**
 * Run 'query' (UTF-8, 'len' bytes) against 'index'. An empty query
 * with filters lists every report the filters match.
 *
 * Returns TRACUU_STATUS_OK (possibly with no hit), _QUERY_SYNTAX for a
 * query that cannot be understood, or a database status; the reason is
 * in tracuu_index_last_error(). A database changed by a writer meanwhile
 * is reopened and the search retried. *out belongs to the caller.
 * @since 0.1
 */
tracuu_status_t
tracuu_search (tracuu_index_t *index, const char *query, size_t len,
               const tracuu_search_options_t *opts, tracuu_results_t **out);

/** Number of hits held. @since 0.1 */
size_t
tracuu_results_size (const tracuu_results_t *results);

/** Estimated number of matching documents (exact with count_exactly). */
uint32_t
tracuu_results_total (const tracuu_results_t *results);

/** Hit 'i', or NULL if out of range. Borrowed from 'results'. */
const tracuu_hit_t *
tracuu_results_hit (const tracuu_results_t *results, size_t i);

/**
 * How the query was understood (Xapian's description of the final
 * query). Borrowed from 'results'. @since 0.1
 */
const char *
tracuu_results_explain (const tracuu_results_t *results);

struct tracuu_printer;

/**
 * Write 'results' of 'query' (as typed; 'question' is how it was
 * understood, or NULL) to printer 'p' in its format: the JSON, JSON
 * Lines and CSV of tracuu-query --format (README "Output formats"), so
 * that every program gives the same bytes. JSON: one object {query,
 * interpretation, total, results: [{rank, file, path, line, score,
 * snippet, highlights, page, ocr, id, province, period}]}; JSON Lines: one {"type":"report",
 * ...} line per hit; CSV: a header rank,file,line,score,snippet and a
 * row per hit.
 * 'file' is the path relative to the current directory when the report
 * lies below it; a path that is not valid UTF-8 also gets "path_bytes",
 * its bytes in base64.
 *
 * Returns the printer's status after writing (_IO_ERROR when the
 * output failed), or _NULL_POINTER. @since 0.2
 */
tracuu_status_t
tracuu_results_write (const tracuu_results_t *results,
                      const struct tracuu_question *question,
                      const char *query, struct tracuu_printer *p);

/** Free 'results'. NULL is a no-op. @since 0.1 */
void
tracuu_results_destroy (tracuu_results_t *results);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_SEARCH_H */
