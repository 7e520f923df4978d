/* tracuu-query output: reports and answers as text, JSON, JSONL or CSV. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/display.h"
#include "tracuu/json.h"
#include "output.h"

static void
json_str (const char *s)
{
    if (s == NULL || *s == '\0')
        fputs ("null", stdout);
    else
        tracuu_json_write_string (stdout, s, strlen (s));
}

/* A JSON array of the parts of 's' split at 'sep'. */
static void
json_list (const char *s, const char *sep)
{
    size_t slen = strlen (sep);

    putchar ('[');
    for (int first = 1; s && *s; first = 0) {
        const char *end = strstr (s, sep);
        size_t n = end ? (size_t) (end - s) : strlen (s);

        if (!first)
            putchar (',');
        tracuu_json_write_string (stdout, s, n);
        s += n + (end ? slen : 0);
    }
    putchar (']');
}

static void
json_strings (char *const *v, size_t n)
{
    putchar ('[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            putchar (',');
        json_str (v[i]);
    }
    putchar (']');
}

static void
json_int (long long v)
{
    if (v < 0)
        fputs ("null", stdout);
    else
        printf ("%lld", v);
}

static void
json_day (int32_t day)
{
    if (day <= 0)
        fputs ("null", stdout);
    else
        printf ("\"%04d-%02d-%02d\"", (int) (day / 10000), (int) (day / 100 % 100),
                (int) (day % 100));
}

/* RFC 4180: quote when needed, double the quotes. */
static void
csv_field (const char *s, int last)
{
    if (s == NULL)
        s = "";
    if (strpbrk (s, ",\"\r\n") != NULL) {
        putchar ('"');
        for (const char *p = s; *p; p++) {
            if (*p == '"')
                putchar ('"');
            putchar (*p);
        }
        putchar ('"');
    } else {
        fputs (s, stdout);
    }
    fputs (last ? "\r\n" : ",", stdout);
}

static void
csv_int (long long v, int last)
{
    char buf[32] = "";

    if (v >= 0)
        snprintf (buf, sizeof buf, "%lld", v);
    csv_field (buf, last);
}

/* 19500000 -> "19.500.000". */
static const char *
money (long long v, char *buf, size_t size)
{
    char digits[32];
    size_t n, k = 0;

    if (v < 0) {
        snprintf (buf, size, "?");
        return buf;
    }
    n = (size_t) snprintf (digits, sizeof digits, "%lld", v);
    for (size_t i = 0; i < n && k + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[k++] = '.';
        buf[k++] = digits[i];
    }
    buf[k] = '\0';
    return buf;
}

/* ------------------------------------------------------------------ */
/* Reports.                                                           */

static void
print_snippet (const tracuu_hit_t *hit, int color)
{
    const char *open = color ? "\033[1m" : "[", *close = color ? "\033[0m" : "]";
    size_t at = 0;

    for (size_t i = 0; i < hit->n_spans; i++) {
        const tracuu_span_t *s = &hit->spans[i];

        fwrite (hit->snippet + at, 1, s->start - at, stdout);
        fputs (open, stdout);
        fwrite (hit->snippet + s->start, 1, s->end - s->start, stdout);
        fputs (close, stdout);
        at = s->end;
    }
    fputs (hit->snippet + at, stdout);
}

/* The parts of the interpretation added in 0.2: every filter, every
 * word and what it was read as, the notes, what is asked. */
static void
json_question_more (const tracuu_question_t *q)
{
    fputs (",\"filters\":[", stdout);
    for (size_t i = 0; i < q->n_filters; i++) {
        const tracuu_question_filter_t *f = &q->filters[i];

        printf ("%s{\"field\":", i ? "," : "");
        json_str (f->field);
        fputs (",\"value\":", stdout);
        json_str (f->value);
        printf (",\"exclude\":%s,\"why\":", f->exclude ? "true" : "false");
        json_str (f->why);
        putchar ('}');
    }
    fputs ("],\"words\":[", stdout);
    for (size_t i = 0; i < q->n_words; i++) {
        printf ("%s{\"text\":", i ? "," : "");
        json_str (q->words[i].text);
        fputs (",\"role\":", stdout);
        json_str (tracuu_question_role_name (q->words[i].role));
        fputs (",\"meaning\":", stdout);
        json_str (q->words[i].meaning);
        putchar ('}');
    }
    fputs ("],\"notes\":", stdout);
    json_strings (q->notes, q->n_notes);
    fputs (",\"wants_total\":", stdout);
    fputs (q->wants_total ? "true" : "false", stdout);
    fputs (",\"count_of\":", stdout);
    json_str (q->count_of);
    fputs (",\"wants\":", stdout);
    json_str (q->wants);
    fputs (",\"wants_kind\":", stdout);
    json_str (q->wants_kind);
}

static void
json_interpretation (const tracuu_question_t *q)
{
    fputs ("{\"explain\":", stdout);
    json_str (q->explain);
    fputs (",\"kind\":", stdout);
    json_str (q->kind);
    fputs (",\"action\":", stdout);
    json_str (q->action);
    fputs (",\"categories\":", stdout);
    json_strings (q->categories, q->n_categories);
    fputs (",\"platforms\":", stdout);
    json_strings (q->platforms, q->n_platforms);
    fputs (",\"provinces\":", stdout);
    json_strings (q->provinces, q->n_provinces);
    fputs (",\"accounts\":", stdout);
    json_strings (q->accounts, q->n_accounts);
    fputs (",\"persons\":", stdout);
    json_strings (q->persons, q->n_persons);
    fputs (",\"numbers\":", stdout);
    json_strings (q->numbers, q->n_numbers);
    fputs (",\"from\":", stdout);
    json_day (q->date_from);
    fputs (",\"to\":", stdout);
    json_day (q->date_to);
    fputs (",\"amount_min\":", stdout);
    json_int (q->amount_min);
    fputs (",\"amount_max\":", stdout);
    json_int (q->amount_max);
    fputs (",\"text\":", stdout);
    tracuu_json_write_string (stdout, q->text ? q->text : "",
                              q->text ? strlen (q->text) : 0);
    json_question_more (q);
    putchar ('}');
}

static void
json_hit (const tracuu_hit_t *hit, const char *type)
{
    const char *file = tracuu_display_path (hit->path);

    putchar ('{');
    if (type != NULL)
        printf ("\"type\":\"%s\",", type);
    printf ("\"rank\":%u,\"file\":", hit->rank);
    tracuu_json_write_string (stdout, file, strlen (file));
    fputs (",\"path\":", stdout);
    tracuu_json_write_string (stdout, hit->path, strlen (hit->path));
    printf (",\"line\":%u,\"score\":%.6f,\"snippet\":", hit->line, hit->score);
    tracuu_json_write_string (stdout, hit->snippet, strlen (hit->snippet));
    fputs (",\"highlights\":[", stdout);
    for (size_t k = 0; k < hit->n_spans; k++)
        printf ("%s[%zu,%zu]", k ? "," : "", hit->spans[k].start,
                hit->spans[k].end);
    fputs ("]", stdout);
    if (hit->page)
        printf (",\"page\":%u", hit->page);
    else
        fputs (",\"page\":null", stdout);
    printf (",\"ocr\":%s}", hit->ocr ? "true" : "false");
}

void
output_reports (const tracuu_results_t *r, const tracuu_question_t *q,
                const char *query, output_format_t format, int tty, int color)
{
    size_t n = tracuu_results_size (r);

    switch (format) {
    case OUTPUT_TEXT:
        for (size_t i = 0; i < n; i++) {
            const tracuu_hit_t *hit = tracuu_results_hit (r, i);

            printf ("%u. %s:%u", hit->rank, tracuu_display_path (hit->path), hit->line);
            if (hit->page || hit->ocr)
                printf (" (%s%.0u%s%s)", hit->page ? "page " : "", hit->page,
                        hit->page && hit->ocr ? ", " : "", hit->ocr ? "OCR" : "");
            fputs ("\n   ", stdout);
            print_snippet (hit, color);
            putchar ('\n');
        }
        if (tty)
            printf ("(%u matching report%s)\n", tracuu_results_total (r),
                    tracuu_results_total (r) == 1 ? "" : "s");
        break;
    case OUTPUT_JSON:
        fputs ("{\"query\":", stdout);
        tracuu_json_write_string (stdout, query, strlen (query));
        fputs (",\"interpretation\":", stdout);
        json_interpretation (q);
        printf (",\"total\":%u,\"results\":[", tracuu_results_total (r));
        for (size_t i = 0; i < n; i++) {
            if (i)
                putchar (',');
            json_hit (tracuu_results_hit (r, i), NULL);
        }
        fputs ("]}\n", stdout);
        break;
    case OUTPUT_JSONL:
        for (size_t i = 0; i < n; i++) {
            json_hit (tracuu_results_hit (r, i), "report");
            putchar ('\n');
        }
        break;
    case OUTPUT_CSV:
        fputs ("rank,file,line,score,snippet\r\n", stdout);
        for (size_t i = 0; i < n; i++) {
            const tracuu_hit_t *hit = tracuu_results_hit (r, i);
            char score[32];

            snprintf (score, sizeof score, "%.6f", hit->score);
            csv_int (hit->rank, 0);
            csv_field (tracuu_display_path (hit->path), 0);
            csv_int (hit->line, 0);
            csv_field (score, 0);
            csv_field (hit->snippet, 1);
        }
        break;
    }
}

/* ------------------------------------------------------------------ */
/* Answers.                                                           */

static const char *
violators_text (const tracuu_answer_case_t *c, char *buf, size_t size)
{
    int n;

    buf[0] = '\0';
    if (c->violators < 0)
        return buf;
    n = snprintf (buf, size, "%lld", (long long) c->violators);
    if (c->organizations >= 0 && c->individuals >= 0)
        snprintf (buf + n, size - (size_t) n, " (%lld org., %lld ind.)",
                  (long long) c->organizations, (long long) c->individuals);
    return buf;
}

/* Print 's' padded (or cut) to 'width' columns. */
static void
cell (const char *s, size_t width, int last)
{
    size_t len = strlen (s), fit = tracuu_display_fit (s, len, width);
    size_t w = tracuu_display_width (s, fit);

    fwrite (s, 1, fit, stdout);
    if (!last)
        for (size_t i = w; i < width + 2; i++)
            putchar (' ');
}

enum { C_PERIOD, C_PROVINCE, C_ACTION, C_CATEGORIES, C_AMOUNT, C_VIOLATORS,
       C_ACCOUNTS, C_SOURCE, N_COLS };

static const char *const HEADERS[N_COLS] = {
    "PERIOD", "PROVINCE", "ACTION", "CATEGORIES", "AMOUNT (đồng)",
    "VIOLATORS", "WHO", "SOURCE"
};
static const size_t MAX_WIDTH[N_COLS] = { 14, 18, 16, 36, 16, 20, 48, 72 };

static void
case_cells (const tracuu_answer_case_t *c, char cells[N_COLS][512])
{
    char amount[40];

    snprintf (cells[C_PERIOD], 512, "%s%s", c->parent >= 0 ? "└ " : "",
              *c->period ? c->period : "?");
    snprintf (cells[C_PROVINCE], 512, "%s", c->province);
    snprintf (cells[C_ACTION], 512, "%s", c->action);
    snprintf (cells[C_CATEGORIES], 512, "%s", c->categories);
    snprintf (cells[C_AMOUNT], 512, "%s%s", c->approximate ? "~" : "",
              c->amount >= 0 ? money (c->amount, amount, sizeof amount) : "");
    violators_text (c, cells[C_VIOLATORS], 512);
    /* Accounts and people; the platforms when nobody is named. */
    if (*c->accounts || *c->people)
        snprintf (cells[C_ACCOUNTS], 512, "%s%s%s%s%s", c->accounts,
                  *c->accounts && *c->people ? " (" : "", c->people,
                  *c->accounts && *c->people ? ")" : "", "");
    else
        snprintf (cells[C_ACCOUNTS], 512, "%s", c->platforms);
    if (c->n_sources > 1)
        snprintf (cells[C_SOURCE], 512, "%s:%u (+%zu)",
                  tracuu_display_path (c->sources[0].path), c->sources[0].line,
                  c->n_sources - 1);
    else
        snprintf (cells[C_SOURCE], 512, "%s:%u",
                  c->n_sources ? tracuu_display_path (c->sources[0].path) : "",
                  c->n_sources ? c->sources[0].line : 0);
}

static void
text_cases (const tracuu_answer_t *a, size_t columns)
{
    size_t n = tracuu_answer_n_cases (a), width[N_COLS];
    char cells[N_COLS][512];

    for (int k = 0; k < N_COLS; k++)
        width[k] = tracuu_display_width (HEADERS[k], strlen (HEADERS[k]));
    for (size_t i = 0; i < n; i++) {
        case_cells (tracuu_answer_case (a, i), cells);
        for (int k = 0; k < N_COLS; k++) {
            size_t w = tracuu_display_width (cells[k], strlen (cells[k]));

            if (w > width[k])
                width[k] = w < MAX_WIDTH[k] ? w : MAX_WIDTH[k];
        }
    }
    for (int k = 0; k < N_COLS; k++)
        cell (HEADERS[k], width[k], k == N_COLS - 1);
    putchar ('\n');
    for (size_t i = 0; i < n; i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (a, i);
        const char *indent = c->parent >= 0 ? "      " : "    ";

        case_cells (c, cells);
        for (int k = 0; k < N_COLS; k++)
            cell (cells[k], width[k], k == N_COLS - 1);
        putchar ('\n');
        for (size_t s = 0; s < c->n_sources; s++) {
            const tracuu_answer_source_t *src = &c->sources[s];
            char head[600];
            size_t hw, qlen = strlen (src->quote), fit;

            snprintf (head, sizeof head, "%s%s:%u%s: ", indent,
                      tracuu_display_path (src->path), src->line,
                      src->ocr ? " (OCR)" : "");
            hw = tracuu_display_width (head, strlen (head));
            fit = columns > hw + 10 ? tracuu_display_fit (src->quote, qlen,
                                                          columns - hw - 1)
                                    : qlen;
            printf ("%s\"%.*s%s\n", head, (int) fit, src->quote,
                    fit < qlen ? "…" : "\"");
        }
    }
}

static void
text_total (const tracuu_answer_t *a)
{
    const tracuu_answer_total_t *t = tracuu_answer_total (a);
    char amount[40];

    printf ("\nTotal: %s%s đồng over %zu sanction total%s, %lld violator%s.\n",
            t->approximate ? "about " : "", money (t->amount, amount, sizeof amount),
            t->sanctions, t->sanctions == 1 ? "" : "s",
            (long long) t->violators, t->violators == 1 ? "" : "s");
    printf ("How: %s\n", tracuu_answer_how (a));
}

/* "Which accounts...": each case's accounts with its amount and source. */
static void
text_accounts (const tracuu_answer_t *a)
{
    char amount[40];

    puts ("\nAccounts:");
    for (size_t i = 0; i < tracuu_answer_n_cases (a); i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (a, i);

        if (*c->accounts == '\0')
            continue;
        printf ("  %s%s%s%s  %s  %s:%u\n", c->accounts, *c->people ? " (" : "",
                c->people, *c->people ? ")" : "",
                c->amount >= 0 ? money (c->amount, amount, sizeof amount)
                               : "amount not stated",
                c->n_sources ? tracuu_display_path (c->sources[0].path) : "",
                c->n_sources ? c->sources[0].line : 0);
    }
}

static void
text_groups (const tracuu_answer_t *a, const char *field, int sum)
{
    size_t n = tracuu_answer_n_groups (a), w = strlen (field);
    char amount[40];

    for (size_t i = 0; i < n; i++) {
        const char *v = tracuu_answer_group (a, i)->value;
        size_t vw = tracuu_display_width (v, strlen (v));

        w = vw > w ? vw : w;
    }
    cell (field, w, 0);
    printf ("%-10s%-10s%s\n", "CASES", "MEMBERS", sum ? "AMOUNT (đồng)" : "");
    for (size_t i = 0; i < n; i++) {
        const tracuu_answer_group_t *g = tracuu_answer_group (a, i);

        cell (g->value, w, 0);
        printf ("%-10zu%-10zu", g->total.sanctions, g->total.members);
        if (sum)
            printf ("%s%s", g->total.approximate ? "~" : "",
                    money (g->total.amount, amount, sizeof amount));
        putchar ('\n');
    }
}

static void
text_facets (const tracuu_answer_t *a)
{
    for (size_t i = 0; i < tracuu_answer_n_facets (a); i++) {
        const tracuu_answer_facet_t *f = tracuu_answer_facet (a, i);

        printf ("%s:", f->field);
        for (size_t k = 0; k < f->n_values; k++)
            printf ("%s %s (%u)", k ? "," : "", f->values[k].value,
                    f->values[k].count);
        putchar ('\n');
    }
}

static void
json_case (const tracuu_answer_t *a, const tracuu_answer_case_t *c,
           const char *type)
{
    putchar ('{');
    if (type != NULL)
        printf ("\"type\":\"%s\",", type);
    fputs ("\"key\":", stdout);
    json_str (c->key);
    fputs (",\"member_of\":", stdout);
    json_str (c->parent >= 0 ? tracuu_answer_case (a, (size_t) c->parent)->key
                             : NULL);
    fputs (",\"period\":", stdout);
    json_str (c->period);
    fputs (",\"from\":", stdout);
    json_day (c->from);
    fputs (",\"to\":", stdout);
    json_day (c->to);
    fputs (",\"province\":", stdout);
    json_str (c->province);
    fputs (",\"agency\":", stdout);
    json_str (c->agency);
    fputs (",\"action\":", stdout);
    json_str (c->action);
    fputs (",\"categories\":", stdout);
    json_list (c->categories, ",");
    fputs (",\"platforms\":", stdout);
    json_list (c->platforms, ",");
    fputs (",\"accounts\":", stdout);
    json_list (c->accounts, "; ");
    fputs (",\"people\":", stdout);
    json_list (c->people, "; ");
    fputs (",\"amount_vnd\":", stdout);
    json_int (c->amount);
    printf (",\"approximate\":%s,\"aggregate\":%s,\"violators\":",
            c->approximate ? "true" : "false", c->aggregate ? "true" : "false");
    json_int (c->violators);
    fputs (",\"organizations\":", stdout);
    json_int (c->organizations);
    fputs (",\"individuals\":", stdout);
    json_int (c->individuals);
    fputs (",\"sources\":[", stdout);
    for (size_t s = 0; s < c->n_sources; s++) {
        const char *file = tracuu_display_path (c->sources[s].path);

        printf ("%s{\"file\":", s ? "," : "");
        tracuu_json_write_string (stdout, file, strlen (file));
        printf (",\"line\":%u,\"quote\":", c->sources[s].line);
        json_str (c->sources[s].quote);
        printf (",\"ocr\":%s}", c->sources[s].ocr ? "true" : "false");
    }
    fputs ("]}", stdout);
}

static void
json_total (const tracuu_answer_total_t *t, const char *how, const char *type)
{
    putchar ('{');
    if (type != NULL)
        printf ("\"type\":\"%s\",", type);
    printf ("\"amount_vnd\":%lld,\"approximate\":%s,\"sanctions\":%zu,"
            "\"with_amount\":%zu,\"members\":%zu,\"violators\":%lld",
            (long long) t->amount, t->approximate ? "true" : "false",
            t->sanctions, t->with_amount, t->members, (long long) t->violators);
    if (how != NULL) {
        fputs (",\"how\":", stdout);
        json_str (how);
    }
    putchar ('}');
}

static void
json_group (const tracuu_answer_group_t *g, const char *field, const char *type)
{
    putchar ('{');
    if (type != NULL)
        printf ("\"type\":\"%s\",", type);
    printf ("\"field\":\"%s\",\"value\":", field);
    json_str (g->value);
    fputs (",\"total\":", stdout);
    json_total (&g->total, NULL, NULL);
    putchar ('}');
}

static void
json_facets (const tracuu_answer_t *a)
{
    putchar ('{');
    for (size_t i = 0; i < tracuu_answer_n_facets (a); i++) {
        const tracuu_answer_facet_t *f = tracuu_answer_facet (a, i);

        printf ("%s\"%s\":[", i ? "," : "", f->field);
        for (size_t k = 0; k < f->n_values; k++) {
            printf ("%s{\"value\":", k ? "," : "");
            json_str (f->values[k].value);
            printf (",\"count\":%u}", f->values[k].count);
        }
        putchar (']');
    }
    putchar ('}');
}

static void
csv_cases (const tracuu_answer_t *a)
{
    fputs ("key,member_of,period,from,to,province,agency,action,categories,"
           "platforms,accounts,people,amount_vnd,approximate,aggregate,"
           "violators,organizations,individuals,file,line,quote,"
           "other_sources\r\n", stdout);
    for (size_t i = 0; i < tracuu_answer_n_cases (a); i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (a, i);
        char buf[32], *others = NULL;
        size_t olen = 0;
        FILE *o = open_memstream (&others, &olen);

        csv_field (c->key, 0);
        csv_field (c->parent >= 0 ? tracuu_answer_case (a, (size_t) c->parent)->key
                                  : "", 0);
        csv_field (c->period, 0);
        snprintf (buf, sizeof buf, "%d", (int) c->from);
        csv_field (c->from ? buf : "", 0);
        snprintf (buf, sizeof buf, "%d", (int) c->to);
        csv_field (c->to ? buf : "", 0);
        csv_field (c->province, 0);
        csv_field (c->agency, 0);
        csv_field (c->action, 0);
        csv_field (c->categories, 0);
        csv_field (c->platforms, 0);
        csv_field (c->accounts, 0);
        csv_field (c->people, 0);
        csv_int (c->amount, 0);
        csv_field (c->approximate ? "1" : "0", 0);
        csv_field (c->aggregate ? "1" : "0", 0);
        csv_int (c->violators, 0);
        csv_int (c->organizations, 0);
        csv_int (c->individuals, 0);
        csv_field (c->n_sources ? tracuu_display_path (c->sources[0].path) : "", 0);
        csv_int (c->n_sources ? (long long) c->sources[0].line : -1, 0);
        csv_field (c->n_sources ? c->sources[0].quote : "", 0);
        for (size_t s = 1; o != NULL && s < c->n_sources; s++)
            fprintf (o, "%s%s:%u", s > 1 ? "; " : "",
                     tracuu_display_path (c->sources[s].path), c->sources[s].line);
        if (o != NULL)
            fclose (o);
        csv_field (others ? others : "", 1);
        free (others);
    }
}

void
output_answer (const tracuu_answer_t *a, const tracuu_question_t *q,
               const char *query, const output_options_t *opts)
{
    size_t n = tracuu_answer_n_cases (a), ng = tracuu_answer_n_groups (a);
    const char *field = opts->group_by;

    switch (opts->format) {
    case OUTPUT_TEXT:
        printf ("Understood: %s\n", q->explain ? q->explain : "");
        for (size_t i = 0; i < q->n_notes; i++)
            printf ("Note: %s\n", q->notes[i]);
        putchar ('\n');
        if (field != NULL) {
            text_groups (a, field, opts->sum);
        } else if (n == 0) {
            puts ("No case matches.");
        } else {
            text_cases (a, opts->columns);
        }
        if (n > 0 && q->wants != NULL && strcmp (q->wants, "accounts") == 0)
            text_accounts (a);
        if (n > 0)
            text_total (a);
        if (tracuu_answer_n_facets (a) > 0) {
            putchar ('\n');
            text_facets (a);
        }
        break;
    case OUTPUT_JSON:
        fputs ("{\"question\":", stdout);
        tracuu_json_write_string (stdout, query, strlen (query));
        fputs (",\"interpretation\":", stdout);
        json_interpretation (q);
        fputs (",\"cases\":[", stdout);
        for (size_t i = 0; i < n; i++) {
            if (i)
                putchar (',');
            json_case (a, tracuu_answer_case (a, i), NULL);
        }
        fputs ("],\"total\":", stdout);
        json_total (tracuu_answer_total (a), tracuu_answer_how (a), NULL);
        if (field != NULL) {
            fputs (",\"groups\":[", stdout);
            for (size_t i = 0; i < ng; i++) {
                if (i)
                    putchar (',');
                json_group (tracuu_answer_group (a, i), field, NULL);
            }
            putchar (']');
        }
        fputs (",\"facets\":", stdout);
        json_facets (a);
        fputs ("}\n", stdout);
        break;
    case OUTPUT_JSONL:
        if (field != NULL) {
            for (size_t i = 0; i < ng; i++) {
                json_group (tracuu_answer_group (a, i), field, "group");
                putchar ('\n');
            }
        } else {
            for (size_t i = 0; i < n; i++) {
                json_case (a, tracuu_answer_case (a, i), "case");
                putchar ('\n');
            }
        }
        json_total (tracuu_answer_total (a), tracuu_answer_how (a), "total");
        putchar ('\n');
        break;
    case OUTPUT_CSV:
        if (field != NULL) {
            fputs ("group,sanctions,members,amount_vnd,approximate,"
                   "with_amount,violators\r\n", stdout);
            for (size_t i = 0; i < ng; i++) {
                const tracuu_answer_group_t *g = tracuu_answer_group (a, i);

                csv_field (g->value, 0);
                csv_int ((long long) g->total.sanctions, 0);
                csv_int ((long long) g->total.members, 0);
                csv_int (g->total.amount, 0);
                csv_field (g->total.approximate ? "1" : "0", 0);
                csv_int ((long long) g->total.with_amount, 0);
                csv_int (g->total.violators, 1);
            }
        } else {
            csv_cases (a);
        }
        break;
    }
}
