/*
 * The API and the page's files. Every answer of the API is written by
 * the library's writers (tracuu_results_write(), tracuu_answer_write(),
 * tracuu_report_write()) through a printer, so that it is the JSON,
 * JSON Lines or CSV of tracuu-query --format for the same query; what
 * this file adds is reading the parameters and choosing the call, as
 * query/main.c does for the command line.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/answer.h"
#include "tracuu/field.h"
#include "tracuu/printer.h"
#include "tracuu/question.h"
#include "tracuu/report.h"
#include "tracuu/search.h"
#include "tracuu/version.h"
#include "web.h"

/* A printer over a growing buffer, handed to the reply when done. */
typedef struct sink {
    FILE *f;
    char *buf;
    size_t len;
    tracuu_printer_t *p;
} sink_t;

static int
sink_open (sink_t *s, tracuu_printer_format_t format, unsigned flags)
{
    memset (s, 0, sizeof *s);
    s->f = open_memstream (&s->buf, &s->len);
    if (s->f == NULL)
        return -1;
    if (tracuu_printer_new (s->f, format, flags, &s->p)) {
        fclose (s->f);
        free (s->buf);
        return -1;
    }
    return 0;
}

/* Finish the document into 'out' with 'status'; -1 if it failed. */
static int
sink_close (sink_t *s, web_reply_t *out, unsigned status, const char *type)
{
    tracuu_status_t st = tracuu_printer_finish (s->p);

    tracuu_printer_destroy (s->p);
    if (fclose (s->f) != 0 || st) {
        free (s->buf);
        return -1;
    }
    free (out->body);
    out->status = status;
    out->body = s->buf;
    out->len = s->len;
    out->type = type;
    return 0;
}

void
web_error (web_reply_t *out, unsigned status, const char *format, ...)
{
    char message[1024];
    sink_t s;
    va_list ap;

    va_start (ap, format);
    vsnprintf (message, sizeof message, format, ap);
    va_end (ap);
    out->download = NULL;
    out->cache = 0;
    if (sink_open (&s, TRACUU_PRINTER_JSON, 0) == 0) {
        tracuu_printer_map_open (s.p);
        tracuu_printer_key (s.p, "error");
        tracuu_printer_map_open (s.p);
        tracuu_printer_key (s.p, "status");
        tracuu_printer_integer (s.p, status);
        tracuu_printer_key (s.p, "message");
        tracuu_printer_string (s.p, message);
        tracuu_printer_close (s.p);
        tracuu_printer_close (s.p);
        if (sink_close (&s, out, status, "application/json; charset=utf-8") == 0)
            return;
    }
    free (out->body);
    out->body = NULL;           /* The server answers 500 without a body. */
    out->len = 0;
    out->status = 500;
}

/* ------------------------------------------------------------------ */
/* Parameters.                                                        */

typedef struct request {
    web_param_fn param;
    void *conn;
    web_reply_t *out;
    tracuu_index_t *index;
    const char *q;              /* The query, "" when absent. */
    unsigned offset, limit;
    int limit_given;
    tracuu_printer_format_t format;
    int download;
    int32_t today;
    unsigned timeout_ms;        /* The server's --timeout. */
} request_t;

static const char *
param (const request_t *r, const char *name)
{
    return r->param (r->conn, name);
}

/* A count parameter within [lo, hi]; absent keeps *out. -1 after
 * answering 400. */
static int
count_param (request_t *r, const char *name, unsigned lo, unsigned hi,
             unsigned *out, int *given)
{
    const char *s = param (r, name);
    char *end;
    unsigned long v;

    if (s == NULL || *s == '\0')
        return 0;
    v = strtoul (s, &end, 10);
    if (*s == '-' || *end != '\0' || v < lo || v > hi) {
        web_error (r->out, 400, "%s takes a number from %u to %u, not '%.40s'",
                   name, lo, hi, s);
        return -1;
    }
    *out = (unsigned) v;
    if (given != NULL)
        *given = 1;
    return 0;
}

/* "2024-05-31" as 20240531; -1 if it is not a day. */
static int
parse_day (const char *s, int32_t *out)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int y, m, d, n = 0;

    if (sscanf (s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n] != '\0'
        || strlen (s) != 10 || y < 1900 || y > 2199 || m < 1 || m > 12
        || d < 1 || d > days[m - 1]
        || (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
        return -1;
    *out = (int32_t) (y * 10000 + m * 100 + d);
    return 0;
}

/* The parameters every query takes. -1 after answering 400 or 413. */
static int
common_params (request_t *r)
{
    const char *format = param (r, "format"), *today = param (r, "today");
    const char *download = param (r, "download");

    r->q = param (r, "q");
    if (r->q == NULL)
        r->q = "";
    if (strlen (r->q) > WEB_MAX_QUERY_BYTES) {
        web_error (r->out, 413, "the query is %zu bytes long; the limit is %d "
                   "bytes", strlen (r->q), WEB_MAX_QUERY_BYTES);
        return -1;
    }
    if (count_param (r, "offset", 0, WEB_MAX_OFFSET, &r->offset, NULL)
        || count_param (r, "limit", 1, WEB_MAX_LIMIT, &r->limit, &r->limit_given))
        return -1;
    r->format = TRACUU_PRINTER_JSON;
    if (format != NULL && strcmp (format, "csv") == 0)
        r->format = TRACUU_PRINTER_CSV;
    else if (format != NULL && strcmp (format, "jsonl") == 0)
        r->format = TRACUU_PRINTER_JSONL;
    else if (format != NULL && *format && strcmp (format, "json") != 0) {
        web_error (r->out, 400, "unknown format '%.40s'; use json, jsonl or csv",
                   format);
        return -1;
    }
    if (today != NULL && *today && parse_day (today, &r->today)) {
        web_error (r->out, 400, "today takes a day as YYYY-MM-DD, not '%.40s'",
                   today);
        return -1;
    }
    r->download = download != NULL && strcmp (download, "1") == 0;
    return 0;
}

static const char *
type_of (tracuu_printer_format_t f)
{
    switch (f) {
    case TRACUU_PRINTER_CSV: return "text/csv; charset=utf-8";
    case TRACUU_PRINTER_JSONL: return "application/jsonl; charset=utf-8";
    default: return "application/json; charset=utf-8";
    }
}

/* The HTTP status of a library failure. */
static unsigned
status_of (tracuu_status_t st)
{
    switch (st) {
    case TRACUU_STATUS_QUERY_SYNTAX:
    case TRACUU_STATUS_BAD_ARGUMENT:
        return 400;
    case TRACUU_STATUS_LIMIT_EXCEEDED:
        return 413;
    case TRACUU_STATUS_DATABASE_LOCKED:
    case TRACUU_STATUS_DATABASE_MODIFIED:
    case TRACUU_STATUS_DATABASE_NOT_FOUND:
    case TRACUU_STATUS_TIMED_OUT:
        return 503;
    default:
        return 500;
    }
}

/* The error of a library call that failed with 'st' on the index. A
 * request stopped at the time limit says which limit, and what to do:
 * the server never hands out what it had counted so far. */
static void
library_error (request_t *r, tracuu_status_t st)
{
    if (st == TRACUU_STATUS_TIMED_OUT)
        web_error (r->out, 503, "the request took longer than this server's "
                   "limit of %u ms (tracuu-web --timeout) and was stopped: %s; "
                   "narrow the query (a year, a province, a phrase) or start "
                   "the server with a longer --timeout", r->timeout_ms,
                   tracuu_index_last_error (r->index));
    else
        web_error (r->out, status_of (st), "%s",
                   tracuu_index_last_error (r->index));
}

static tracuu_question_t *
parse_question (request_t *r)
{
    tracuu_question_options_t qopts = TRACUU_QUESTION_OPTIONS_INIT;
    tracuu_question_t *q = NULL;
    char *error = NULL;
    tracuu_status_t st;

    qopts.today = r->today;
    st = tracuu_question_parse_with (r->q, strlen (r->q), &qopts, &q, &error);
    if (st)
        web_error (r->out, status_of (st), "%s",
                   error ? error : tracuu_status_to_string (st));
    free (error);
    return q;
}

/* Write with 'write' into the reply; the name is for downloads. */
static void
finish (request_t *r, sink_t *s, const char *name_json, const char *name_csv)
{
    if (sink_close (s, r->out, 200, type_of (r->format))) {
        web_error (r->out, 500, "out of memory writing the answer");
        return;
    }
    if (r->download)
        r->out->download = r->format == TRACUU_PRINTER_CSV ? name_csv : name_json;
}

static int
open_sink (request_t *r, sink_t *s)
{
    /* CSV carries a byte order mark: spreadsheets then read UTF-8. */
    if (sink_open (s, r->format, r->format == TRACUU_PRINTER_CSV
                                     ? TRACUU_PRINTER_BOM : 0) == 0)
        return 0;
    web_error (r->out, 500, "out of memory");
    return -1;
}

static int
has_filters (const tracuu_question_t *q)
{
    return q->n_filters || q->date_from || q->date_to || q->kind != NULL;
}

/* Reports, as tracuu-query prints them with --format. */
static void
run_search (request_t *r, const tracuu_question_t *q)
{
    tracuu_search_options_t opts = TRACUU_SEARCH_OPTIONS_INIT;
    const char *text = q->text ? q->text : r->q, *sort = param (r, "sort");
    tracuu_results_t *results = NULL;
    tracuu_status_t st;
    sink_t s;

    if (sort == NULL || *sort == '\0' || strcmp (sort, "relevance") == 0)
        opts.sort = TRACUU_SORT_RELEVANCE;
    else if (strcmp (sort, "newest") == 0)
        opts.sort = TRACUU_SORT_NEWEST;
    else if (strcmp (sort, "oldest") == 0)
        opts.sort = TRACUU_SORT_OLDEST;
    else {
        web_error (r->out, 400, "sort takes relevance, newest or oldest, not "
                   "'%.40s'", sort);
        return;
    }
    opts.offset = r->offset;
    opts.limit = r->limit_given ? r->limit : 10;
    opts.filters = has_filters (q) ? q : NULL;
    /* JSON says the total: count it exactly, as tracuu-query does. */
    opts.count_exactly = r->format == TRACUU_PRINTER_JSON;
    st = tracuu_search (r->index, text, strlen (text), &opts, &results);
    if (st) {
        library_error (r, st);
        return;
    }
    if (open_sink (r, &s) == 0) {
        tracuu_results_write (results, q, r->q, s.p);
        finish (r, &s, "tracuu-reports.json", "tracuu-reports.csv");
    }
    tracuu_results_destroy (results);
}

/* Cases, with groups and facets when asked. */
static void
run_answer (request_t *r, tracuu_question_t *q, const char *group_by,
            const char *facets, int totals_only)
{
    tracuu_answer_options_t opts = TRACUU_ANSWER_OPTIONS_INIT;
    tracuu_answer_t *answer = NULL;
    tracuu_status_t st;
    sink_t s;

    if (tracuu_question_prune (q, r->index)) {
        web_error (r->out, 500, "%s", tracuu_index_last_error (r->index));
        return;
    }
    opts.group_by = group_by && *group_by ? group_by : NULL;
    opts.facets = facets && *facets ? facets : NULL;
    opts.offset = r->offset;
    /* 100 cases a page unless asked (tracuu-query: all of them). */
    opts.limit = r->limit_given ? r->limit : 100;
    opts.totals_only = totals_only;
    st = tracuu_answer_run (r->index, q, &opts, &answer);
    if (st) {
        library_error (r, st);
        return;
    }
    if (open_sink (r, &s) == 0) {
        tracuu_answer_write (answer, q, r->q, s.p);
        finish (r, &s, "tracuu-answer.json", "tracuu-answer.csv");
    }
    tracuu_answer_destroy (answer);
}

/* /api/query: what tracuu-query does with the query, reports or cases.
 * /api/search: reports. /api/answer: cases. */
enum { ASK_QUERY, ASK_SEARCH, ASK_ANSWER, ASK_FACETS, ASK_GROUPS };

static void
ask (request_t *r, int what)
{
    tracuu_question_t *q;
    const char *group_by = param (r, "group_by"), *facets = param (r, "facets");
    int cases;

    if (common_params (r))
        return;
    if (what == ASK_FACETS) {
        facets = param (r, "fields");
        if (facets == NULL || *facets == '\0')
            facets = "province,year,category,platform,action,status";
        group_by = NULL;
    } else if (what == ASK_GROUPS) {
        group_by = param (r, "by");
        if (group_by == NULL || *group_by == '\0') {
            web_error (r->out, 400, "groups need by=year, quarter, month, "
                       "province, category, platform or action");
            return;
        }
        facets = NULL;
    }
    if (*r->q == '\0' && what != ASK_ANSWER && what != ASK_FACETS
        && what != ASK_GROUPS && group_by == NULL && facets == NULL) {
        web_error (r->out, 400, "no query given: add q=words or a question");
        return;
    }
    q = parse_question (r);
    if (q == NULL)
        return;
    cases = what == ASK_SEARCH ? 0
            : tracuu_question_wants_cases (q, what != ASK_QUERY
                                              || group_by || facets);
    if (what == ASK_QUERY && !cases && (group_by || facets))
        cases = 1;
    if (cases)
        run_answer (r, q, group_by, facets,
                    what == ASK_FACETS || what == ASK_GROUPS);
    else
        run_search (r, q);
    tracuu_question_destroy (q);
}

static void
report (request_t *r)
{
    const char *id = param (r, "id"), *q;
    tracuu_report_t *rep = NULL;
    tracuu_status_t st;
    unsigned long v;
    char *end;
    sink_t s;

    if (common_params (r))
        return;
    q = r->q;
    if (id == NULL || *id == '\0' || *id == '-'
        || (v = strtoul (id, &end, 10), *end != '\0') || v == 0 || v > UINT32_MAX) {
        web_error (r->out, 400, "a report is asked for by its id (id=N, as "
                   "results and sources give it)");
        return;
    }
    /* Marks are of the query's full text, as a search matches it. */
    {
        tracuu_question_t *question = parse_question (r);
        const char *text;

        if (question == NULL)
            return;
        text = question->text ? question->text : q;
        st = tracuu_report_get (r->index, (uint32_t) v, text, strlen (text), &rep);
        tracuu_question_destroy (question);
    }
    if (st) {
        web_error (r->out, st == TRACUU_STATUS_BAD_ARGUMENT ? 404 : status_of (st),
                   "%s", tracuu_index_last_error (r->index));
        return;
    }
    r->format = TRACUU_PRINTER_JSON;
    if (open_sink (r, &s) == 0) {
        tracuu_report_write (rep, s.p);
        finish (r, &s, "tracuu-report.json", NULL);
    }
    tracuu_report_destroy (rep);
}

/* /api/status: the version and the reports indexed. */
static void
status (request_t *r)
{
    uint32_t n = 0;
    tracuu_status_t st = tracuu_index_count_reports (r->index, &n);
    sink_t s;

    if (st) {
        library_error (r, st);
        return;
    }
    if (sink_open (&s, TRACUU_PRINTER_JSON, 0)) {
        web_error (r->out, 500, "out of memory");
        return;
    }
    tracuu_printer_map_open (s.p);
    tracuu_printer_key (s.p, "version");
    tracuu_printer_string (s.p, TRACUU_VERSION);
    tracuu_printer_key (s.p, "reports");
    tracuu_printer_integer (s.p, n);
    tracuu_printer_close (s.p);
    r->format = TRACUU_PRINTER_JSON;
    finish (r, &s, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* The page.                                                          */

static const struct {
    const char *url, *name, *type;
} ASSETS[] = {
    { "/", "index.html", "text/html; charset=utf-8" },
    { "/index.html", "index.html", "text/html; charset=utf-8" },
    { "/app.js", "app.js", "text/javascript; charset=utf-8" },
    { "/app.css", "app.css", "text/css; charset=utf-8" },
    { "/favicon.svg", "favicon.svg", "image/svg+xml" },
};

static int
asset (const char *url, web_reply_t *out)
{
    for (size_t i = 0; i < sizeof ASSETS / sizeof ASSETS[0]; i++)
        if (strcmp (url, ASSETS[i].url) == 0) {
            size_t len = 0;
            const char *data = tracuu_web__asset (ASSETS[i].name, &len);

            if (data == NULL)
                return 0;
            out->body = malloc (len ? len : 1);
            if (out->body == NULL) {
                web_error (out, 500, "out of memory");
                return 1;
            }
            memcpy (out->body, data, len);
            out->len = len;
            out->status = 200;
            out->type = ASSETS[i].type;
            out->cache = 1;
            return 1;
        }
    return 0;
}

void
web_route (const char *url, web_param_fn param_fn, void *conn,
           tracuu_index_t *index, const char *db_error, unsigned timeout_ms,
           web_reply_t *out)
{
    static const struct {
        const char *url;
        int what;
    } API[] = {
        { "/api/query", ASK_QUERY }, { "/api/search", ASK_SEARCH },
        { "/api/answer", ASK_ANSWER }, { "/api/facets", ASK_FACETS },
        { "/api/groups", ASK_GROUPS }, { "/api/report", -1 },
        { "/api/status", -2 },
    };
    request_t r = { 0 };

    memset (out, 0, sizeof *out);
    if (asset (url, out))
        return;
    r.param = param_fn;
    r.conn = conn;
    r.out = out;
    r.index = index;
    r.timeout_ms = timeout_ms;
    for (size_t i = 0; i < sizeof API / sizeof API[0]; i++) {
        if (strcmp (url, API[i].url) != 0)
            continue;
        if (index == NULL) {
            web_error (out, 503, "%s", db_error ? db_error : "no database");
            return;
        }
        if (API[i].what == -1)
            report (&r);
        else if (API[i].what == -2)
            status (&r);
        else
            ask (&r, API[i].what);
        return;
    }
    web_error (out, 404, "no such page: %.200s (the API is /api/query, "
               "/api/search, /api/answer, /api/facets, /api/groups, "
               "/api/report and /api/status)", url);
}
