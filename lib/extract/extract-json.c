/* JSON and JSON Lines output of an extraction (docs/EXTRACT.md), through
 * the structured printer. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/printer.h"
#include "util/util-private.h"

static void
put_str (tracuu_printer_t *p, const char *name, const char *value)
{
    tracuu_printer_key (p, name);
    tracuu_printer_string (p, value);
}

static void
put_int (tracuu_printer_t *p, const char *name, int64_t value)
{
    tracuu_printer_key (p, name);
    tracuu_printer_integer (p, value);
}

/* A count that is -1 when unknown: null. */
static void
put_count (tracuu_printer_t *p, const char *name, int64_t value)
{
    tracuu_printer_key (p, name);
    if (value < 0)
        tracuu_printer_null (p);
    else
        tracuu_printer_integer (p, value);
}

static void
put_bool (tracuu_printer_t *p, const char *name, int value)
{
    tracuu_printer_key (p, name);
    tracuu_printer_bool (p, value);
}

/* yyyymmdd as "yyyy-mm-dd", 0 as null. */
static void
put_day (tracuu_printer_t *p, const char *name, int32_t ymd)
{
    char iso[11];

    tracuu_printer_key (p, name);
    tracuu_printer_string (p, ymd > 0 ? tracuu_day__iso (ymd, iso) : NULL);
}

static void
put_strings (tracuu_printer_t *p, const char *name, const char *const *items,
             size_t n)
{
    tracuu_printer_key (p, name);
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < n; i++)
        tracuu_printer_string (p, items[i]);
    tracuu_printer_close (p);
}

static void
put_period (tracuu_printer_t *p, const char *value, int32_t from, int32_t to)
{
    tracuu_printer_key (p, "period");
    if (value == NULL) {
        tracuu_printer_null (p);
        return;
    }
    tracuu_printer_map_open (p);
    put_str (p, "value", value);
    put_day (p, "from", from);
    put_day (p, "to", to);
    tracuu_printer_close (p);
}

static void
write_report_members (tracuu_printer_t *p, const tracuu_report_meta_t *m)
{
    put_str (p, "number", m->number);
    put_str (p, "kind", m->kind);
    put_str (p, "title", m->title);
    put_str (p, "place", m->place);
    put_str (p, "date", m->date_text);
    put_period (p, m->period, m->period_from, m->period_to);
    put_str (p, "province", m->province);
    put_str (p, "agency", m->agency);
    tracuu_printer_key (p, "signer");
    if (m->signer == NULL) {
        tracuu_printer_null (p);
    } else {
        tracuu_printer_map_open (p);
        put_str (p, "name", m->signer);
        put_str (p, "role", m->signer_role);
        tracuu_printer_close (p);
    }
}

static void
write_entity_members (tracuu_printer_t *p, const tracuu_entity_t *e)
{
    static const char *const flag_names[] = {
        "approximate", "blank_day", "range", "footnote_ref", "in_table",
        "headline",
    };
    const char *flags[8];
    size_t n = 0;

    for (size_t b = 0; b < sizeof flag_names / sizeof flag_names[0]; b++)
        if (e->flags & (1u << b))
            flags[n++] = flag_names[b];
    put_str (p, "kind", tracuu_entity_kind_name (e->kind));
    put_int (p, "start", (int64_t) e->start);
    put_int (p, "end", (int64_t) e->end);
    put_int (p, "line", e->line);
    put_str (p, "value", e->value);
    put_str (p, "extra", e->extra);
    put_int (p, "number", e->number);
    put_day (p, "from", e->from);
    put_day (p, "to", e->to);
    put_strings (p, "flags", flags, n);
}

static void
write_case_members (tracuu_printer_t *p, const tracuu_case_t *k, size_t index)
{
    const char *names[TRACUU_CASE_ACTION_LAST + TRACUU_CATEGORY_COUNT];
    size_t n = 0;

    put_int (p, "index", (int64_t) index);
    put_str (p, "key", k->key);
    put_str (p, "action", tracuu_case_action_name (k->action));
    for (int a = 0; a < TRACUU_CASE_ACTION_LAST; a++)
        if (k->measures & (1u << a))
            names[n++] = tracuu_case_action_name (a);
    put_strings (p, "measures", names, n);
    n = 0;
    for (unsigned b = 0; b < TRACUU_CATEGORY_COUNT; b++)
        if (k->categories & (1u << b))
            names[n++] = tracuu_case_category_name (b);
    put_strings (p, "categories", names, n);
    put_count (p, "amount_vnd", k->amount_vnd);
    put_bool (p, "approximate", k->flags & TRACUU_CASE_APPROXIMATE);
    put_bool (p, "aggregate", k->flags & TRACUU_CASE_AGGREGATE);
    put_bool (p, "headline", k->flags & TRACUU_CASE_HEADLINE);
    put_str (p, "status", tracuu_case_status_name (k->status));
    put_bool (p, "per_violator", k->flags & TRACUU_CASE_PER_VIOLATOR);
    n = 0;
    for (unsigned b = 0; b < TRACUU_VIOLATOR_KIND_COUNT; b++)
        if (k->violator_kinds & (1u << b))
            names[n++] = tracuu_case_violator_kind_name (b);
    put_strings (p, "violator_kinds", names, n);
    tracuu_printer_key (p, "footnote");
    if (k->footnote)
        tracuu_printer_integer (p, k->footnote);
    else
        tracuu_printer_null (p);
    put_count (p, "parent", k->parent);
    tracuu_printer_key (p, "violators");
    tracuu_printer_map_open (p);
    put_count (p, "total", k->violators);
    put_count (p, "organizations", k->organizations);
    put_count (p, "individuals", k->individuals);
    tracuu_printer_close (p);
    put_strings (p, "people", k->people, k->n_people);
    tracuu_printer_key (p, "accounts");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < k->n_accounts; i++) {
        tracuu_printer_map_open (p);
        put_str (p, "platform", k->accounts[i].platform);
        put_str (p, "name", k->accounts[i].name);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    put_strings (p, "platforms", k->platforms, k->n_platforms);
    put_str (p, "agency", k->agency);
    put_str (p, "province", k->province);
    put_period (p, k->period, k->from, k->to);
    tracuu_printer_key (p, "sources");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < k->n_sources; i++) {
        const tracuu_case_source_t *s = &k->sources[i];

        tracuu_printer_map_open (p);
        put_str (p, "file", s->file);
        put_int (p, "line", s->line);
        put_int (p, "start", (int64_t) s->start);
        put_int (p, "end", (int64_t) s->end);
        put_str (p, "sentence", s->sentence);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
}

/* One JSON Lines record: {"type": ..., "file": ..., members}. */
static void
line_start (tracuu_printer_t *p, const char *type, const char *file)
{
    tracuu_printer_map_open (p);
    put_str (p, "type", type);
    put_str (p, "file", file);
}

/* The whole document: one object, its members and its two lists one a
 * line, each entity and case on a line of its own. */
static void
write_document (tracuu_printer_t *p, const tracuu_extraction_t *x,
                const char *file)
{
    tracuu_printer_lines (p);
    tracuu_printer_map_open (p);
    put_str (p, "file", file);
    tracuu_printer_key (p, "report");
    tracuu_printer_map_open (p);
    write_report_members (p, &x->meta);
    tracuu_printer_close (p);
    tracuu_printer_key (p, "entities");
    tracuu_printer_lines (p);
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < x->entities.count; i++) {
        tracuu_printer_map_open (p);
        write_entity_members (p, &x->entities.items[i]);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    tracuu_printer_key (p, "cases");
    tracuu_printer_lines (p);
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < x->n_cases; i++) {
        tracuu_printer_map_open (p);
        write_case_members (p, &x->cases[i], i);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    tracuu_printer_close (p);
}

tracuu_status_t
tracuu_extraction_write (const tracuu_extraction_t *x, const char *file,
                         tracuu_printer_t *p)
{
    if (x == NULL || p == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    write_document (p, x, file ? file : x->file);
    return tracuu_printer_status (p);
}

tracuu_status_t
tracuu_extraction_write_json (const tracuu_extraction_t *x, const char *file,
                              int jsonl, FILE *out)
{
    tracuu_printer_t *p = NULL;
    tracuu_status_t rc;

    if (x == NULL || out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (file == NULL)
        file = x->file;
    rc = tracuu_printer_new (out, jsonl ? TRACUU_PRINTER_JSONL
                                        : TRACUU_PRINTER_JSON,
                             TRACUU_PRINTER_SPACED, &p);
    if (rc)
        return rc;
    if (jsonl) {
        line_start (p, "report", file);
        write_report_members (p, &x->meta);
        tracuu_printer_close (p);
        for (size_t i = 0; i < x->entities.count; i++) {
            line_start (p, "entity", file);
            write_entity_members (p, &x->entities.items[i]);
            tracuu_printer_close (p);
        }
        for (size_t i = 0; i < x->n_cases; i++) {
            line_start (p, "case", file);
            write_case_members (p, &x->cases[i], i);
            tracuu_printer_close (p);
        }
    } else {
        write_document (p, x, file);
    }
    rc = tracuu_printer_finish (p);
    tracuu_printer_destroy (p);
    return rc == TRACUU_STATUS_OK ? rc : TRACUU_STATUS_IO_ERROR;
}
