/* How a question was understood, through the structured printer. */
#include <string.h>

#include "tracuu/printer.h"
#include "tracuu/question.h"
#include "util/util-private.h"

/* A string, or null when it is NULL or empty. */
static void
put_str (tracuu_printer_t *p, const char *key, const char *s)
{
    tracuu_printer_key (p, key);
    tracuu_printer_string (p, s && *s ? s : NULL);
}

static void
put_strings (tracuu_printer_t *p, const char *key, char *const *v, size_t n)
{
    tracuu_printer_key (p, key);
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < n; i++)
        tracuu_printer_string (p, v[i] && *v[i] ? v[i] : NULL);
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
put_count (tracuu_printer_t *p, const char *key, int64_t v)
{
    tracuu_printer_key (p, key);
    if (v < 0)
        tracuu_printer_null (p);
    else
        tracuu_printer_integer (p, v);
}

tracuu_status_t
tracuu_question_write (const tracuu_question_t *q, tracuu_printer_t *p)
{
    if (q == NULL || p == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    tracuu_printer_map_open (p);
    put_str (p, "explain", q->explain);
    put_str (p, "kind", q->kind);
    put_str (p, "action", q->action);
    put_strings (p, "categories", q->categories, q->n_categories);
    put_strings (p, "platforms", q->platforms, q->n_platforms);
    put_strings (p, "provinces", q->provinces, q->n_provinces);
    put_strings (p, "accounts", q->accounts, q->n_accounts);
    put_strings (p, "persons", q->persons, q->n_persons);
    put_strings (p, "numbers", q->numbers, q->n_numbers);
    put_day (p, "from", q->date_from);
    put_day (p, "to", q->date_to);
    put_count (p, "amount_min", q->amount_min);
    put_count (p, "amount_max", q->amount_max);
    tracuu_printer_key (p, "text");
    tracuu_printer_string (p, q->text ? q->text : "");
    /* What the interpretation gained in 0.2: every filter, every word
     * and what it was read as, the notes, what is asked. */
    tracuu_printer_key (p, "filters");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < q->n_filters; i++) {
        const tracuu_question_filter_t *f = &q->filters[i];

        tracuu_printer_map_open (p);
        put_str (p, "field", f->field);
        put_str (p, "value", f->value);
        tracuu_printer_key (p, "exclude");
        tracuu_printer_bool (p, f->exclude);
        put_str (p, "why", f->why);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    tracuu_printer_key (p, "words");
    tracuu_printer_array_open (p);
    for (size_t i = 0; i < q->n_words; i++) {
        const tracuu_question_word_t *w = &q->words[i];

        tracuu_printer_map_open (p);
        put_str (p, "text", w->text);
        put_str (p, "role", tracuu_question_role_name (w->role));
        put_str (p, "meaning", w->meaning);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    put_strings (p, "notes", q->notes, q->n_notes);
    tracuu_printer_key (p, "wants_total");
    tracuu_printer_bool (p, q->wants_total);
    put_str (p, "count_of", q->count_of);
    put_str (p, "wants", q->wants);
    put_str (p, "wants_kind", q->wants_kind);
    tracuu_printer_close (p);
    return tracuu_printer_status (p);
}
