/*
 * Answers as JSON, JSON Lines or CSV, through the printer: the one
 * writer of tracuu-query --format and of any server (README "Output
 * formats").
 */
#include <string.h>

#include "tracuu/display.h"
#include "answer/answer-private.h"

static void
put_str (tracuu_printer_t *p, const char *key, const char *s)
{
    tracuu_printer_key (p, key);
    tracuu_printer_string (p, s && *s ? s : NULL);
}

static void
put_count (tracuu_printer_t *p, const char *key, int64_t v)
{
    tracuu_printer_key (p, key);
    if (v < 0)
        tracuu_printer_null (p);
    else
        tracuu_printer_integer (p, v);
}

static void
put_int (tracuu_printer_t *p, const char *key, int64_t v)
{
    tracuu_printer_key (p, key);
    tracuu_printer_integer (p, v);
}

/* {"cases": n, "amount_vnd": amount} under 'key'. */
static void
put_tally (tracuu_printer_t *p, const char *key, size_t cases, int64_t amount)
{
    tracuu_printer_key (p, key);
    tracuu_printer_map_open (p);
    put_int (p, "cases", (int64_t) cases);
    put_int (p, "amount_vnd", amount);
    tracuu_printer_close (p);
}

static void
put_day (tracuu_printer_t *p, const char *key, int32_t day)
{
    char iso[11];

    tracuu_printer_key (p, key);
    tracuu_printer_string (p, day > 0 ? tracuu_day__iso (day, iso) : NULL);
}

static void
put_bool (tracuu_printer_t *p, const char *key, int v)
{
    tracuu_printer_key (p, key);
    tracuu_printer_bool (p, v);
}

static void
put_names (tracuu_printer_t *p, const char *key, const char *const *v, size_t n)
{
    tracuu_printer_key (p, key);
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < n; i++)
        tracuu_printer_string (p, v[i]);
    tracuu_printer_close (p);
}

/* Names of the bits set in 'bits', in bit order. */
static size_t
bit_names (uint32_t bits, const char *(*namer) (unsigned), unsigned count,
           const char **out)
{
    size_t n = 0;

    for (unsigned b = 0; b < count && b < 32; b++)
        if (bits & (1u << b))
            out[n++] = namer (b);
    return n;
}

static size_t
categories (const tracuu_answer_case_t *c, const char **out)
{
    return bit_names (c->categories, tracuu_case_category_name,
                      TRACUU_CATEGORY_COUNT, out);
}

static size_t
violator_kinds (const tracuu_answer_case_t *c, const char **out)
{
    return bit_names (c->violator_kinds, tracuu_case_violator_kind_name,
                      TRACUU_VIOLATOR_KIND_COUNT, out);
}

/* An account as people read it: "tiktok @name", or the name alone. */
static void
account_text (tracuu_status_t *rc, tracuu_buf_t *b,
              const tracuu_answer_account_t *acc)
{
    if (*acc->platform) {
        tracuu_buf__puts (rc, b, acc->platform);
        tracuu_buf__putc (rc, b, ' ');
    }
    tracuu_buf__puts (rc, b, acc->name);
}

/* Why a case is not summed: null, "status" or "longer_period". */
static const char *
apart_name (tracuu_answer_apart_t apart)
{
    switch (apart) {
    case TRACUU_ANSWER_STATUS: return "status";
    case TRACUU_ANSWER_LONGER_PERIOD: return "longer_period";
    default: return NULL;
    }
}

static void
write_case (tracuu_printer_t *p, const tracuu_answer_case_t *c, const char *type)
{
    const char *names[32];
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };
    size_t n;

    tracuu_printer_map_open (p);
    if (type != NULL)
        put_str (p, "type", type);
    put_str (p, "key", c->key);
    put_str (p, "member_of", c->member_of);
    put_str (p, "period", c->period);
    put_day (p, "from", c->from);
    put_day (p, "to", c->to);
    put_str (p, "province", c->province);
    put_str (p, "agency", c->agency);
    put_str (p, "action", tracuu_case_action_name (c->action));
    put_str (p, "status", tracuu_case_status_name (c->status));
    n = violator_kinds (c, names);
    put_names (p, "violator_kinds", names, n);
    n = categories (c, names);
    put_names (p, "categories", names, n);
    put_names (p, "platforms", c->platforms, c->n_platforms);
    tracuu_printer_key (p, "accounts");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < c->n_accounts; i++) {
        b.len = 0;
        account_text (&rc, &b, &c->accounts[i]);
        tracuu_printer_string_len (p, rc ? "" : b.data, rc ? 0 : b.len);
    }
    tracuu_printer_close (p);
    put_names (p, "people", c->people, c->n_people);
    put_count (p, "amount_vnd", c->amount);
    put_bool (p, "approximate", c->approximate);
    put_bool (p, "aggregate", c->aggregate);
    put_bool (p, "per_violator", c->per_violator);
    put_count (p, "violators", c->violators);
    put_count (p, "organizations", c->organizations);
    put_count (p, "individuals", c->individuals);
    tracuu_printer_key (p, "sources");
    tracuu_printer_array_open (p);
    for (size_t s = 0; s < c->n_sources; s++) {
        tracuu_printer_map_open (p);
        tracuu_printer_key (p, "file");
        tracuu_printer_string (p, tracuu_display_path (c->sources[s].path));
        tracuu_printer__path_bytes (p, c->sources[s].path);
        tracuu_printer_key (p, "line");
        tracuu_printer_integer (p, c->sources[s].line);
        put_str (p, "quote", c->sources[s].quote);
        put_bool (p, "ocr", c->sources[s].ocr);
        put_count (p, "page", c->sources[s].page > 0
                              ? (int64_t) c->sources[s].page : -1);
        tracuu_printer_key (p, "report_id");
        tracuu_printer_integer (p, c->sources[s].report);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    put_str (p, "apart", apart_name (c->apart));
    put_count (p, "counted", c->counted);
    tracuu_printer_close (p);
    tracuu_buf__dispose (&b);
}

static void
write_total (tracuu_printer_t *p, const tracuu_answer_total_t *t,
             const char *how, const char *count_of, const char *type)
{
    tracuu_printer_map_open (p);
    if (type != NULL)
        put_str (p, "type", type);
    put_int (p, "amount_vnd", t->amount);
    put_bool (p, "approximate", t->approximate);
    put_int (p, "sanctions", (int64_t) t->sanctions);
    put_int (p, "with_amount", (int64_t) t->with_amount);
    put_int (p, "members", (int64_t) t->members);
    put_int (p, "violators", t->violators);
    if (how != NULL)
        put_str (p, "how", how);
    put_int (p, "per_violator", (int64_t) t->per_violator);
    /* Every status, summed or not: {"decided": {"cases", "amount_vnd"}...}. */
    tracuu_printer_key (p, "statuses");
    tracuu_printer_map_open (p);
    for (int s = 0; s < TRACUU_CASE_STATUS_LAST; s++)
        put_tally (p, tracuu_case_status_name ((tracuu_case_status_t) s),
                   t->by_status[s], t->status_amount[s]);
    tracuu_printer_close (p);
    put_tally (p, "longer_periods", t->longer_periods, t->longer_amount);
    if (how != NULL) {
        /* The count asked for, in the answer's total only. */
        put_str (p, "count_of", t->count >= 0 ? count_of : NULL);
        put_count (p, "count", t->count);
        put_int (p, "count_cases", (int64_t) t->count_cases);
        put_int (p, "count_unstated", (int64_t) t->count_unstated);
        put_int (p, "count_apart", t->count_apart);
        put_int (p, "count_apart_cases", (int64_t) t->count_apart_cases);
    }
    tracuu_printer_close (p);
}

/* A report of "which reports": {"file", "path_bytes"?, "cases": [key...]}. */
static void
write_report (tracuu_printer_t *p, const tracuu_answer_t *a,
              const tracuu_answer_report_t *r, const char *type)
{
    tracuu_printer_map_open (p);
    if (type != NULL)
        put_str (p, "type", type);
    tracuu_printer_key (p, "file");
    tracuu_printer_string (p, tracuu_display_path (r->path));
    tracuu_printer__path_bytes (p, r->path);
    tracuu_printer_key (p, "cases");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < r->n_cases; i++)
        tracuu_printer_string (p, tracuu_answer_case (a, r->cases[i])->key);
    tracuu_printer_close (p);
    tracuu_printer_close (p);
}

static int
wants_reports (const tracuu_question_t *q)
{
    return q != NULL && q->wants != NULL && strcmp (q->wants, "reports") == 0;
}

static void
write_group (tracuu_printer_t *p, const tracuu_answer_group_t *g,
             const char *field, const char *type)
{
    tracuu_printer_map_open (p);
    if (type != NULL)
        put_str (p, "type", type);
    put_str (p, "field", field);
    put_str (p, "value", g->value);
    tracuu_printer_key (p, "total");
    write_total (p, &g->total, NULL, NULL, NULL);
    tracuu_printer_close (p);
}

static void
write_facets (tracuu_printer_t *p, const tracuu_answer_t *a)
{
    tracuu_printer_map_open (p);
    for (size_t i = 0; i < tracuu_answer_n_facets (a); i++) {
        const tracuu_answer_facet_t *f = tracuu_answer_facet (a, i);

        tracuu_printer_key (p, f->field);
        tracuu_printer_array_open (p);
        for (size_t k = 0; k < f->n_values; k++) {
            tracuu_printer_map_open (p);
            put_str (p, "value", f->values[k].value);
            tracuu_printer_key (p, "count");
            tracuu_printer_integer (p, f->values[k].count);
            tracuu_printer_close (p);
        }
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
}

/* JSON Lines: {"type":"facet","field":...,"value":...,"count":...}. */
static void
write_facet_lines (tracuu_printer_t *p, const tracuu_answer_t *a)
{
    for (size_t i = 0; i < tracuu_answer_n_facets (a); i++) {
        const tracuu_answer_facet_t *f = tracuu_answer_facet (a, i);

        for (size_t k = 0; k < f->n_values; k++) {
            tracuu_printer_map_open (p);
            put_str (p, "type", "facet");
            put_str (p, "field", f->field);
            put_str (p, "value", f->values[k].value);
            tracuu_printer_key (p, "count");
            tracuu_printer_integer (p, f->values[k].count);
            tracuu_printer_close (p);
        }
    }
}

/* ------------------------------------------------------------------ */
/* CSV.                                                               */

static void
csv_str (tracuu_printer_t *p, const char *key, const char *s)
{
    tracuu_printer_key (p, key);
    tracuu_printer_string (p, s ? s : "");
}

/* Names joined by 'sep' as one field. */
static void
csv_joined (tracuu_printer_t *p, const char *key, const char *const *v,
            size_t n, const char *sep)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };

    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            tracuu_buf__puts (&rc, &b, sep);
        tracuu_buf__puts (&rc, &b, v[i]);
    }
    tracuu_printer_key (p, key);
    tracuu_printer_string_len (p, b.data && !rc ? b.data : "", rc ? 0 : b.len);
    tracuu_buf__dispose (&b);
}

static void
csv_case (tracuu_printer_t *p, const tracuu_answer_case_t *c)
{
    const tracuu_answer_source_t *first = c->n_sources ? &c->sources[0] : NULL;
    const char *names[32];
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };
    char iso[11];
    size_t n;

    tracuu_printer_map_open (p);
    csv_str (p, "key", c->key);
    csv_str (p, "member_of", c->member_of);
    csv_str (p, "period", c->period);
    csv_str (p, "from", tracuu_day__iso (c->from, iso));
    csv_str (p, "to", tracuu_day__iso (c->to, iso));
    csv_str (p, "province", c->province);
    csv_str (p, "agency", c->agency);
    csv_str (p, "action", tracuu_case_action_name (c->action));
    n = categories (c, names);
    csv_joined (p, "categories", names, n, ",");
    csv_joined (p, "platforms", c->platforms, c->n_platforms, ",");
    for (size_t i = 0; i < c->n_accounts; i++) {
        if (i > 0)
            tracuu_buf__puts (&rc, &b, "; ");
        account_text (&rc, &b, &c->accounts[i]);
    }
    tracuu_printer_key (p, "accounts");
    tracuu_printer_string_len (p, b.data && !rc ? b.data : "", rc ? 0 : b.len);
    csv_joined (p, "people", c->people, c->n_people, "; ");
    put_count (p, "amount_vnd", c->amount);
    put_bool (p, "approximate", c->approximate);
    put_bool (p, "aggregate", c->aggregate);
    put_count (p, "violators", c->violators);
    put_count (p, "organizations", c->organizations);
    put_count (p, "individuals", c->individuals);
    csv_str (p, "file", first ? tracuu_display_path (first->path) : "");
    put_count (p, "line", first ? (int64_t) first->line : -1);
    csv_str (p, "quote", first ? first->quote : "");
    b.len = 0;
    for (size_t s = 1; s < c->n_sources; s++)
        tracuu_buf__printf (&rc, &b, "%s%s:%u", s > 1 ? "; " : "",
                            tracuu_display_path (c->sources[s].path),
                            c->sources[s].line);
    tracuu_printer_key (p, "other_sources");
    tracuu_printer_string_len (p, b.data && !rc ? b.data : "",
                               rc || b.data == NULL ? 0 : b.len);
    csv_str (p, "status", tracuu_case_status_name (c->status));
    n = violator_kinds (c, names);
    csv_joined (p, "violator_kinds", names, n, ",");
    put_bool (p, "per_violator", c->per_violator);
    csv_str (p, "apart", apart_name (c->apart));
    tracuu_printer_close (p);
    tracuu_buf__dispose (&b);
}

static void
csv_cases (tracuu_printer_t *p, const tracuu_answer_t *a)
{
    static const char *const columns[] = {
        "key", "member_of", "period", "from", "to", "province", "agency",
        "action", "categories", "platforms", "accounts", "people",
        "amount_vnd", "approximate", "aggregate", "violators",
        "organizations", "individuals", "file", "line", "quote",
        "other_sources", "status", "violator_kinds", "per_violator", "apart",
    };

    tracuu_printer_columns (p, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < tracuu_answer_n_cases (a); i++)
        csv_case (p, tracuu_answer_case (a, i));
}

static void
csv_groups (tracuu_printer_t *p, const tracuu_answer_t *a)
{
    static const char *const columns[] = {
        "group", "sanctions", "members", "amount_vnd", "approximate",
        "with_amount", "violators", "not_summed",
    };

    tracuu_printer_columns (p, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < tracuu_answer_n_groups (a); i++) {
        const tracuu_answer_group_t *g = tracuu_answer_group (a, i);

        tracuu_printer_map_open (p);
        csv_str (p, "group", g->value);
        put_count (p, "sanctions", (int64_t) g->total.sanctions);
        put_count (p, "members", (int64_t) g->total.members);
        put_count (p, "amount_vnd", g->total.amount);
        put_bool (p, "approximate", g->total.approximate);
        put_count (p, "with_amount", (int64_t) g->total.with_amount);
        put_count (p, "violators", g->total.violators);
        put_count (p, "not_summed", (int64_t) tracuu_answer__apart (&g->total));
        tracuu_printer_close (p);
    }
}

static void
csv_facets (tracuu_printer_t *p, const tracuu_answer_t *a)
{
    static const char *const columns[] = { "facet", "value", "count" };

    tracuu_printer_columns (p, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < tracuu_answer_n_facets (a); i++) {
        const tracuu_answer_facet_t *f = tracuu_answer_facet (a, i);

        for (size_t k = 0; k < f->n_values; k++) {
            tracuu_printer_map_open (p);
            csv_str (p, "facet", f->field);
            csv_str (p, "value", f->values[k].value);
            put_count (p, "count", f->values[k].count);
            tracuu_printer_close (p);
        }
    }
}

/* ------------------------------------------------------------------ */

static void
write_json (tracuu_printer_t *p, const tracuu_answer_t *a,
            const tracuu_question_t *q, const char *text)
{
    const char *field = tracuu_answer_group_field (a);

    tracuu_printer_map_open (p);
    tracuu_printer_key (p, "question");
    tracuu_printer_string (p, text ? text : "");
    if (q != NULL) {
        tracuu_printer_key (p, "interpretation");
        tracuu_question_write (q, p);
    }
    tracuu_printer_key (p, "cases");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < tracuu_answer_n_cases (a); i++)
        write_case (p, tracuu_answer_case (a, i), NULL);
    tracuu_printer_close (p);
    tracuu_printer_key (p, "total");
    write_total (p, tracuu_answer_total (a), tracuu_answer_how (a),
                 q ? q->count_of : NULL, NULL);
    tracuu_printer_key (p, "reports");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < tracuu_answer_n_reports (a); i++)
        write_report (p, a, tracuu_answer_report (a, i), NULL);
    tracuu_printer_close (p);
    if (field != NULL) {
        tracuu_printer_key (p, "groups");
        tracuu_printer_array_open (p);
        for (size_t i = 0; i < tracuu_answer_n_groups (a); i++)
            write_group (p, tracuu_answer_group (a, i), field, NULL);
        tracuu_printer_close (p);
    }
    tracuu_printer_key (p, "facets");
    write_facets (p, a);
    tracuu_index__write_shards (p, tracuu_answer__shards (a), NULL);
    tracuu_printer_close (p);
}

tracuu_status_t
tracuu_answer_write (const tracuu_answer_t *a, const tracuu_question_t *q,
                     const char *text, tracuu_printer_t *p)
{
    const char *field;

    if (a == NULL || p == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    field = tracuu_answer_group_field (a);
    switch (tracuu_printer_format (p)) {
    case TRACUU_PRINTER_JSON:
        write_json (p, a, q, text);
        break;
    case TRACUU_PRINTER_JSONL:
        if (field != NULL)
            for (size_t i = 0; i < tracuu_answer_n_groups (a); i++)
                write_group (p, tracuu_answer_group (a, i), field, "group");
        else
            for (size_t i = 0; i < tracuu_answer_n_cases (a); i++)
                write_case (p, tracuu_answer_case (a, i), "case");
        write_facet_lines (p, a);
        if (wants_reports (q))
            for (size_t i = 0; i < tracuu_answer_n_reports (a); i++)
                write_report (p, a, tracuu_answer_report (a, i), "report");
        write_total (p, tracuu_answer_total (a), tracuu_answer_how (a),
                     q ? q->count_of : NULL, "total");
        tracuu_index__write_shards (p, tracuu_answer__shards (a), "shards");
        break;
    case TRACUU_PRINTER_CSV:
        if (tracuu_answer_n_facets (a) > 0)
            csv_facets (p, a);
        else if (field != NULL)
            csv_groups (p, a);
        else
            csv_cases (p, a);
        break;
    }
    return tracuu_printer_status (p);
}
