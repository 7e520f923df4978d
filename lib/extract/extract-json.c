/* JSON and JSON Lines output of an extraction (docs/EXTRACT.md). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/json.h"

/* A JSON object being written on one line: commas between members. */
typedef struct obj {
    FILE *out;
    int n;                    /* Members written so far. */
} obj_t;

static void
key (obj_t *o, const char *name)
{
    fputs (o->n++ ? ", " : "", o->out);
    tracuu_json_write_string (o->out, name, strlen (name));
    fputs (": ", o->out);
}

static void
put_str (obj_t *o, const char *name, const char *value)
{
    key (o, name);
    if (value == NULL)
        fputs ("null", o->out);
    else
        tracuu_json_write_string (o->out, value, strlen (value));
}

static void
put_int (obj_t *o, const char *name, int64_t value)
{
    key (o, name);
    fprintf (o->out, "%" PRId64, value);
}

/* A count that is -1 when unknown: null. */
static void
put_count (obj_t *o, const char *name, int64_t value)
{
    key (o, name);
    if (value < 0)
        fputs ("null", o->out);
    else
        fprintf (o->out, "%" PRId64, value);
}

static void
put_bool (obj_t *o, const char *name, int value)
{
    key (o, name);
    fputs (value ? "true" : "false", o->out);
}

/* yyyymmdd as "yyyy-mm-dd", 0 as null. */
static void
put_day (obj_t *o, const char *name, int32_t ymd)
{
    key (o, name);
    if (ymd <= 0)
        fputs ("null", o->out);
    else
        fprintf (o->out, "\"%04d-%02d-%02d\"", (int) (ymd / 10000),
                 (int) (ymd / 100 % 100), (int) (ymd % 100));
}

static void
put_strings (obj_t *o, const char *name, const char *const *items, size_t n)
{
    key (o, name);
    fputc ('[', o->out);
    for (size_t i = 0; i < n; i++) {
        fputs (i ? ", " : "", o->out);
        tracuu_json_write_string (o->out, items[i], strlen (items[i]));
    }
    fputc (']', o->out);
}

static void
put_period (obj_t *o, const char *value, int32_t from, int32_t to)
{
    obj_t p = { o->out, 0 };

    key (o, "period");
    if (value == NULL) {
        fputs ("null", o->out);
        return;
    }
    fputc ('{', o->out);
    put_str (&p, "value", value);
    put_day (&p, "from", from);
    put_day (&p, "to", to);
    fputc ('}', o->out);
}

static void
write_report_members (obj_t *o, const tracuu_report_meta_t *m)
{
    put_str (o, "number", m->number);
    put_str (o, "kind", m->kind);
    put_str (o, "title", m->title);
    put_str (o, "place", m->place);
    put_str (o, "date", m->date_text);
    put_period (o, m->period, m->period_from, m->period_to);
    put_str (o, "province", m->province);
    put_str (o, "agency", m->agency);
    key (o, "signer");
    if (m->signer == NULL) {
        fputs ("null", o->out);
    } else {
        obj_t s = { o->out, 0 };

        fputc ('{', o->out);
        put_str (&s, "name", m->signer);
        put_str (&s, "role", m->signer_role);
        fputc ('}', o->out);
    }
}

static void
write_entity_members (obj_t *o, const tracuu_entity_t *e)
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
    put_str (o, "kind", tracuu_entity_kind_name (e->kind));
    put_int (o, "start", (int64_t) e->start);
    put_int (o, "end", (int64_t) e->end);
    put_int (o, "line", e->line);
    put_str (o, "value", e->value);
    put_str (o, "extra", e->extra);
    put_int (o, "number", e->number);
    put_day (o, "from", e->from);
    put_day (o, "to", e->to);
    put_strings (o, "flags", flags, n);
}

static void
write_case_members (obj_t *o, const tracuu_case_t *k, size_t index)
{
    const char *names[TRACUU_CASE_ACTION_LAST + TRACUU_CATEGORY_COUNT];
    size_t n = 0;
    obj_t v = { o->out, 0 };

    put_int (o, "index", (int64_t) index);
    put_str (o, "key", k->key);
    put_str (o, "action", tracuu_case_action_name (k->action));
    for (int a = 0; a < TRACUU_CASE_ACTION_LAST; a++)
        if (k->measures & (1u << a))
            names[n++] = tracuu_case_action_name (a);
    put_strings (o, "measures", names, n);
    n = 0;
    for (unsigned b = 0; b < TRACUU_CATEGORY_COUNT; b++)
        if (k->categories & (1u << b))
            names[n++] = tracuu_case_category_name (b);
    put_strings (o, "categories", names, n);
    put_count (o, "amount_vnd", k->amount_vnd);
    put_bool (o, "approximate", k->flags & TRACUU_CASE_APPROXIMATE);
    put_bool (o, "aggregate", k->flags & TRACUU_CASE_AGGREGATE);
    put_bool (o, "headline", k->flags & TRACUU_CASE_HEADLINE);
    put_str (o, "status", tracuu_case_status_name (k->status));
    put_bool (o, "per_violator", k->flags & TRACUU_CASE_PER_VIOLATOR);
    n = 0;
    for (unsigned b = 0; b < TRACUU_VIOLATOR_KIND_COUNT; b++)
        if (k->violator_kinds & (1u << b))
            names[n++] = tracuu_case_violator_kind_name (b);
    put_strings (o, "violator_kinds", names, n);
    key (o, "footnote");
    if (k->footnote)
        fprintf (o->out, "%d", k->footnote);
    else
        fputs ("null", o->out);
    put_count (o, "parent", k->parent);
    key (o, "violators");
    fputc ('{', o->out);
    put_count (&v, "total", k->violators);
    put_count (&v, "organizations", k->organizations);
    put_count (&v, "individuals", k->individuals);
    fputc ('}', o->out);
    put_strings (o, "people", k->people, k->n_people);
    key (o, "accounts");
    fputc ('[', o->out);
    for (size_t i = 0; i < k->n_accounts; i++) {
        obj_t a = { o->out, 0 };

        fputs (i ? ", {" : "{", o->out);
        put_str (&a, "platform", k->accounts[i].platform);
        put_str (&a, "name", k->accounts[i].name);
        fputc ('}', o->out);
    }
    fputc (']', o->out);
    put_strings (o, "platforms", k->platforms, k->n_platforms);
    put_str (o, "agency", k->agency);
    put_str (o, "province", k->province);
    put_period (o, k->period, k->from, k->to);
    key (o, "sources");
    fputc ('[', o->out);
    for (size_t i = 0; i < k->n_sources; i++) {
        const tracuu_case_source_t *s = &k->sources[i];
        obj_t so = { o->out, 0 };

        fputs (i ? ", {" : "{", o->out);
        put_str (&so, "file", s->file);
        put_int (&so, "line", s->line);
        put_int (&so, "start", (int64_t) s->start);
        put_int (&so, "end", (int64_t) s->end);
        put_str (&so, "sentence", s->sentence);
        fputc ('}', o->out);
    }
    fputc (']', o->out);
}

/* One JSON Lines record: {"type": ..., "file": ..., members}. */
static obj_t
line_start (FILE *out, const char *type, const char *file)
{
    obj_t o = { out, 0 };

    fputc ('{', out);
    put_str (&o, "type", type);
    put_str (&o, "file", file);
    return o;
}

tracuu_status_t
tracuu_extraction_write_json (const tracuu_extraction_t *x, const char *file,
                              int jsonl, FILE *out)
{
    obj_t o;

    if (x == NULL || out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (file == NULL)
        file = x->file;
    if (jsonl) {
        o = line_start (out, "report", file);
        write_report_members (&o, &x->meta);
        fputs ("}\n", out);
        for (size_t i = 0; i < x->entities.count; i++) {
            o = line_start (out, "entity", file);
            write_entity_members (&o, &x->entities.items[i]);
            fputs ("}\n", out);
        }
        for (size_t i = 0; i < x->n_cases; i++) {
            o = line_start (out, "case", file);
            write_case_members (&o, &x->cases[i], i);
            fputs ("}\n", out);
        }
    } else {
        o = (obj_t) { out, 0 };
        fputs ("{\n  ", out);
        put_str (&o, "file", file);
        fputs (",\n  \"report\": {", out);
        o = (obj_t) { out, 0 };
        write_report_members (&o, &x->meta);
        fputs ("},\n  \"entities\": [", out);
        for (size_t i = 0; i < x->entities.count; i++) {
            o = (obj_t) { out, 0 };
            fputs (i ? ",\n    {" : "\n    {", out);
            write_entity_members (&o, &x->entities.items[i]);
            fputc ('}', out);
        }
        fputs (x->entities.count ? "\n  ],\n  \"cases\": [" : "],\n  \"cases\": [",
               out);
        for (size_t i = 0; i < x->n_cases; i++) {
            o = (obj_t) { out, 0 };
            fputs (i ? ",\n    {" : "\n    {", out);
            write_case_members (&o, &x->cases[i], i);
            fputc ('}', out);
        }
        fputs (x->n_cases ? "\n  ]\n}\n" : "]\n}\n", out);
    }
    if (fflush (out) != 0 || ferror (out))
        return TRACUU_STATUS_IO_ERROR;
    return TRACUU_STATUS_OK;
}
