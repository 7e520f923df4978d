/* tracuu-query output: text for people, the library's writers for the
 * machine formats (output.c). */
#ifndef TRACUU_QUERY_OUTPUT_H
#define TRACUU_QUERY_OUTPUT_H

#include <stddef.h>

#include "tracuu/answer.h"
#include "tracuu/question.h"
#include "tracuu/search.h"

typedef enum output_format {
    OUTPUT_TEXT,
    OUTPUT_JSON,
    OUTPUT_JSONL,
    OUTPUT_CSV
} output_format_t;

typedef struct output_options {
    output_format_t format;
    int sum;                    /* --sum amount. */
    int bom;                    /* --bom: CSV for spreadsheets. */
    int tty;                    /* Standard output is a terminal. */
    int color;                  /* Bold highlights. */
    size_t columns;             /* Terminal width for text. */
} output_options_t;

/* Print search results or an answer. Returns 0, or 2 after printing why
 * writing failed. */
int output_reports (const tracuu_results_t *r, const tracuu_question_t *q,
                    const char *query, const output_options_t *opts);
int output_answer (const tracuu_answer_t *a, const tracuu_question_t *q,
                   const char *query, const output_options_t *opts);

/* A file name as text output shows it (escaped, see display.h), or NULL
 * when memory ran out; free() it. */
char *output_name (const char *path);

/* Flush standard output: 0, or 2 after saying why writing failed. */
int output_finish (void);

#endif
