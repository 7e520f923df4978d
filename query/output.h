/* tracuu-query output formats (output.c). */
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
    const char *group_by;       /* NULL or the --group-by field. */
    int sum;                    /* --sum amount. */
    size_t columns;             /* Terminal width for text. */
} output_options_t;

void output_reports (const tracuu_results_t *r, const tracuu_question_t *q,
                     const char *query, output_format_t format, int tty,
                     int color);

void output_answer (const tracuu_answer_t *a, const tracuu_question_t *q,
                    const char *query, const output_options_t *opts);

#endif
