/* How a question was understood, through the structured printer. */
#include <string.h>

#include "tracuu/printer.h"
#include "tracuu/question.h"
#include "util/tracuu-private.h"

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
    tracuu_printer_close (p);
    return tracuu_printer_status (p);
}
