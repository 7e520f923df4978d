/* Search results as JSON, JSON Lines or CSV, through the printer: the
 * one writer of tracuu-query --format and of any server. */
#include <string.h>

#include "tracuu/display.h"
#include "tracuu/printer.h"
#include "tracuu/question.h"
#include "tracuu/search.h"
#include "util/util-private.h"
#include "index/index-private.h"
#include "search/search-private.h"

static void
write_hit (tracuu_printer_t *p, const tracuu_hit_t *hit, const char *type)
{
    tracuu_printer_map_open (p);
    if (type != NULL) {
        tracuu_printer_key (p, "type");
        tracuu_printer_string (p, type);
    }
    tracuu_printer_key (p, "rank");
    tracuu_printer_integer (p, hit->rank);
    tracuu_printer_key (p, "file");
    tracuu_printer_string (p, tracuu_display_path (hit->path));
    tracuu_printer_key (p, "path");
    tracuu_printer_string (p, hit->path);
    tracuu_printer__path_bytes (p, hit->path);
    tracuu_printer_key (p, "line");
    tracuu_printer_integer (p, hit->line);
    tracuu_printer_key (p, "score");
    tracuu_printer_number (p, hit->score, 6);
    tracuu_printer_key (p, "snippet");
    tracuu_printer_string (p, hit->snippet);
    tracuu_printer_key (p, "highlights");
    tracuu_printer_array_open (p);
    for (size_t k = 0; k < hit->n_spans; k++) {
        tracuu_printer_array_open (p);
        tracuu_printer_integer (p, (int64_t) hit->spans[k].start);
        tracuu_printer_integer (p, (int64_t) hit->spans[k].end);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    /* The page of the line in a PDF or image (null for other formats),
     * and whether the text was read by OCR. */
    tracuu_printer_key (p, "page");
    if (hit->page)
        tracuu_printer_integer (p, hit->page);
    else
        tracuu_printer_null (p);
    tracuu_printer_key (p, "ocr");
    tracuu_printer_bool (p, hit->ocr);
    /* The report's id (what a server addresses it by) and where and
     * when it reports on. */
    tracuu_printer_key (p, "id");
    tracuu_printer_integer (p, hit->id);
    tracuu_printer_key (p, "province");
    tracuu_printer_string (p, hit->province && *hit->province ? hit->province
                                                              : NULL);
    tracuu_printer_key (p, "period");
    tracuu_printer_string (p, hit->period && *hit->period ? hit->period : NULL);
    tracuu_printer_close (p);
}

static void
write_csv_hit (tracuu_printer_t *p, const tracuu_hit_t *hit)
{
    tracuu_printer_map_open (p);
    tracuu_printer_key (p, "rank");
    tracuu_printer_integer (p, hit->rank);
    tracuu_printer_key (p, "file");
    tracuu_printer_string (p, tracuu_display_path (hit->path));
    tracuu_printer_key (p, "line");
    tracuu_printer_integer (p, hit->line);
    tracuu_printer_key (p, "score");
    tracuu_printer_number (p, hit->score, 6);
    tracuu_printer_key (p, "snippet");
    tracuu_printer_string (p, hit->snippet);
    tracuu_printer_close (p);
}

tracuu_status_t
tracuu_results_write (const tracuu_results_t *r, const tracuu_question_t *q,
                      const char *query, tracuu_printer_t *p)
{
    static const char *const columns[] = { "rank", "file", "line", "score",
                                           "snippet" };
    size_t n = tracuu_results_size (r);

    if (r == NULL || p == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    switch (tracuu_printer_format (p)) {
    case TRACUU_PRINTER_JSON:
        tracuu_printer_map_open (p);
        tracuu_printer_key (p, "query");
        tracuu_printer_string (p, query ? query : "");
        if (q != NULL) {
            tracuu_printer_key (p, "interpretation");
            tracuu_question_write (q, p);
        }
        tracuu_printer_key (p, "total");
        tracuu_printer_integer (p, tracuu_results_total (r));
        tracuu_printer_key (p, "results");
        tracuu_printer_array_open (p);
        for (size_t i = 0; i < n; i++)
            write_hit (p, tracuu_results_hit (r, i), NULL);
        tracuu_printer_close (p);
        tracuu_index__write_shards (p, tracuu_results__shards (r), NULL);
        tracuu_printer_close (p);
        break;
    case TRACUU_PRINTER_JSONL:
        for (size_t i = 0; i < n; i++)
            write_hit (p, tracuu_results_hit (r, i), "report");
        tracuu_index__write_shards (p, tracuu_results__shards (r), "shards");
        break;
    case TRACUU_PRINTER_CSV:
        tracuu_printer_columns (p, columns, sizeof columns / sizeof columns[0]);
        for (size_t i = 0; i < n; i++)
            write_csv_hit (p, tracuu_results_hit (r, i));
        break;
    }
    return tracuu_printer_status (p);
}
