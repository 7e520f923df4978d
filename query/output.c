/* tracuu-query output: reports and answers as text for people; JSON,
 * JSON Lines and CSV come from the library's writers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/display.h"
#include "tracuu/printer.h"
#include "output.h"

char *
output_name (const char *path)
{
    const char *shown = tracuu_display_path (path);

    return tracuu_display_escape (shown, strlen (shown));
}

int
output_finish (void)
{
    errno = 0;
    if (fflush (stdout) != 0 || ferror (stdout)) {
        fprintf (stderr, "tracuu-query: cannot write the output: %s\n",
                 strerror (errno ? errno : EIO));
        return 2;
    }
    return 0;
}

/* The machine formats: one printer over standard output. */
static int
print_with (const output_options_t *opts, const tracuu_results_t *r,
            const tracuu_answer_t *a, const tracuu_question_t *q,
            const char *query)
{
    static const tracuu_printer_format_t formats[] = {
        [OUTPUT_JSON] = TRACUU_PRINTER_JSON,
        [OUTPUT_JSONL] = TRACUU_PRINTER_JSONL,
        [OUTPUT_CSV] = TRACUU_PRINTER_CSV,
    };
    tracuu_printer_t *p = NULL;
    tracuu_status_t st;

    st = tracuu_printer_new (stdout, formats[opts->format],
                             opts->bom ? TRACUU_PRINTER_BOM : 0, &p);
    if (st) {
        fprintf (stderr, "tracuu-query: %s\n", tracuu_status_to_string (st));
        return 2;
    }
    if (a != NULL)
        tracuu_answer_write (a, q, query, p);
    else
        tracuu_results_write (r, q, query, p);
    st = tracuu_printer_finish (p);
    if (st)
        fprintf (stderr, "tracuu-query: cannot write the output: %s\n",
                 st == TRACUU_STATUS_IO_ERROR ? tracuu_printer_last_error (p)
                                              : tracuu_status_to_string (st));
    tracuu_printer_destroy (p);
    return st ? 2 : 0;
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

int
output_reports (const tracuu_results_t *r, const tracuu_question_t *q,
                const char *query, const output_options_t *opts)
{
    size_t n = tracuu_results_size (r);

    if (opts->format != OUTPUT_TEXT)
        return print_with (opts, r, NULL, q, query);
    for (size_t i = 0; i < n; i++) {
        const tracuu_hit_t *hit = tracuu_results_hit (r, i);
        char *name = output_name (hit->path);

        printf ("%u. %s:%u", hit->rank, name ? name : "?", hit->line);
        if (hit->page || hit->ocr)
            printf (" (%s%.0u%s%s)", hit->page ? "page " : "", hit->page,
                    hit->page && hit->ocr ? ", " : "", hit->ocr ? "OCR" : "");
        fputs ("\n   ", stdout);
        print_snippet (hit, opts->color);
        putchar ('\n');
        free (name);
    }
    if (opts->tty)
        printf ("(%u matching report%s)\n", tracuu_results_total (r),
                tracuu_results_total (r) == 1 ? "" : "s");
    return output_finish ();
}

/* ------------------------------------------------------------------ */
/* Answers.                                                           */

/* Append 's' to 'buf' (of 'size' bytes), cut on a character boundary
 * when full. */
static void
add (char *buf, size_t size, const char *s)
{
    size_t at = strlen (buf), n = strlen (s);

    if (at + 1 >= size)
        return;
    if (n > size - at - 1) {
        n = size - at - 1;
        while (n > 0 && ((unsigned char) s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy (buf + at, s, n);
    buf[at + n] = '\0';
}

static const char *
joined (const char *const *v, size_t n, const char *sep, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            add (buf, size, sep);
        add (buf, size, v[i]);
    }
    return buf;
}

static const char *
categories_text (const tracuu_answer_case_t *c, char *buf, size_t size)
{
    buf[0] = '\0';
    for (unsigned b = 0; b < TRACUU_CATEGORY_COUNT; b++)
        if (c->categories & (1u << b)) {
            if (buf[0])
                add (buf, size, ",");
            add (buf, size, tracuu_case_category_name (b));
        }
    return buf;
}

static const char *
accounts_text (const tracuu_answer_case_t *c, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < c->n_accounts; i++) {
        if (i > 0)
            add (buf, size, "; ");
        if (*c->accounts[i].platform) {
            add (buf, size, c->accounts[i].platform);
            add (buf, size, " ");
        }
        add (buf, size, c->accounts[i].name);
    }
    return buf;
}

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

#define CELL 512

static const char *const HEADERS[N_COLS] = {
    "PERIOD", "PROVINCE", "ACTION", "CATEGORIES", "AMOUNT (đồng)",
    "VIOLATORS", "WHO", "SOURCE"
};
static const size_t MAX_WIDTH[N_COLS] = { 14, 18, 16, 36, 22, 20, 48, 72 };

static void
case_cells (const tracuu_answer_case_t *c, char cells[N_COLS][CELL])
{
    char amount[40], accounts[CELL], people[CELL];
    char *source = c->n_sources ? output_name (c->sources[0].path) : NULL;

    cells[C_PERIOD][0] = '\0';
    add (cells[C_PERIOD], CELL, c->member_of ? "└ " : "");
    add (cells[C_PERIOD], CELL, *c->period ? c->period : "?");
    snprintf (cells[C_PROVINCE], CELL, "%s", c->province);
    snprintf (cells[C_ACTION], CELL, "%s", tracuu_case_action_name (c->action));
    categories_text (c, cells[C_CATEGORIES], CELL);
    snprintf (cells[C_AMOUNT], CELL, "%s%s%s", c->approximate ? "~" : "",
              c->amount >= 0 ? money (c->amount, amount, sizeof amount) : "",
              c->amount >= 0 && c->per_violator && c->violators > 1 ? " each"
                                                                   : "");
    /* A sanction not decided says so beside its amount. */
    if (c->status != TRACUU_CASE_DECIDED) {
        add (cells[C_AMOUNT], CELL, *cells[C_AMOUNT] ? " " : "");
        add (cells[C_AMOUNT], CELL, tracuu_case_status_name (c->status));
    }
    violators_text (c, cells[C_VIOLATORS], CELL);
    /* Accounts and people; the platforms when nobody is named. */
    accounts_text (c, accounts, sizeof accounts);
    joined (c->people, c->n_people, "; ", people, sizeof people);
    cells[C_ACCOUNTS][0] = '\0';
    if (*accounts || *people) {
        add (cells[C_ACCOUNTS], CELL, accounts);
        add (cells[C_ACCOUNTS], CELL, *accounts && *people ? " (" : "");
        add (cells[C_ACCOUNTS], CELL, people);
        add (cells[C_ACCOUNTS], CELL, *accounts && *people ? ")" : "");
    } else
        joined (c->platforms, c->n_platforms, ",", cells[C_ACCOUNTS], CELL);
    if (c->n_sources > 1)
        snprintf (cells[C_SOURCE], CELL, "%s:%u (+%zu)", source ? source : "?",
                  c->sources[0].line, c->n_sources - 1);
    else
        snprintf (cells[C_SOURCE], CELL, "%s:%u", source ? source : "",
                  c->n_sources ? c->sources[0].line : 0);
    free (source);
}

static void
text_cases (const tracuu_answer_t *a, size_t columns)
{
    size_t n = tracuu_answer_n_cases (a), width[N_COLS];
    char cells[N_COLS][CELL];

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
        const char *indent = c->member_of ? "      " : "    ";

        /* The cases not summed are listed apart, each kind under a line
         * saying why. */
        if (c->apart != (i > 0 ? tracuu_answer_case (a, i - 1)->apart
                               : TRACUU_ANSWER_SUMMED))
            puts (c->apart == TRACUU_ANSWER_STATUS
                      ? "-- not summed: not decided (only recorded, proposed, "
                        "withdrawn or handed to criminal proceedings) --"
                      : "-- not summed: of a longer period than the question's, "
                        "which overlaps it --");
        case_cells (c, cells);
        for (int k = 0; k < N_COLS; k++)
            cell (cells[k], width[k], k == N_COLS - 1);
        putchar ('\n');
        for (size_t s = 0; s < c->n_sources; s++) {
            const tracuu_answer_source_t *src = &c->sources[s];
            char head[600], *name = output_name (src->path);
            size_t hw, qlen = strlen (src->quote), fit;

            snprintf (head, sizeof head, "%s%s:%u%s: ", indent,
                      name ? name : "?", src->line, src->ocr ? " (OCR)" : "");
            free (name);
            hw = tracuu_display_width (head, strlen (head));
            fit = columns > hw + 10 ? tracuu_display_fit (src->quote, qlen,
                                                          columns - hw - 1)
                                    : qlen;
            printf ("%s\"%.*s%s\n", head, (int) fit, src->quote,
                    fit < qlen ? "…" : "\"");
        }
    }
}

/* When a page of the cases is shown: which ones. */
static void
text_page (const tracuu_answer_t *a)
{
    size_t all = tracuu_answer_n_matches (a, NULL), n = tracuu_answer_n_cases (a);
    size_t first = tracuu_answer_offset (a);

    if (n < all)
        printf ("\nCases %zu to %zu of %zu shown (--offset, --limit).\n",
                n ? first + 1 : first, first + n, all);
}

/* How a status is said in a sentence. */
static const char *
status_words (tracuu_case_status_t s)
{
    switch (s) {
    case TRACUU_CASE_RECORDED: return "only recorded";
    case TRACUU_CASE_PROPOSED: return "proposed";
    case TRACUU_CASE_WITHDRAWN: return "withdrawn";
    case TRACUU_CASE_CRIMINAL: return "handed to criminal proceedings";
    default: return "decided";
    }
}

/* What a count counts, for people. */
static const char *
count_words (const char *of, int64_t n)
{
    static const struct { const char *of, *one, *many; } words[] = {
        { "cases", "case", "cases" }, { "violators", "violator", "violators" },
        { "individuals", "individual", "individuals" },
        { "organizations", "organization", "organizations" },
        { "subscribers", "subscriber number", "subscriber numbers" },
        { "accounts", "account", "accounts" },
    };

    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp (of, words[i].of) == 0)
            return n == 1 ? words[i].one : words[i].many;
    return of;
}

/* The count asked for ("how many people..."), each number with its
 * source. */
static void
text_count (const tracuu_answer_t *a, const tracuu_question_t *q)
{
    const tracuu_answer_total_t *t = tracuu_answer_total (a);

    printf ("\nCount: %lld %s", (long long) t->count,
            count_words (q->count_of, t->count));
    if (strcmp (q->count_of, "cases") == 0)
        puts (" (a stated total counts once).");
    else
        printf (", the sum of the numbers stated in %zu case%s:\n",
                t->count_cases, t->count_cases == 1 ? "" : "s");
    for (size_t i = 0; i < tracuu_answer_n_cases (a); i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (a, i);
        char *name;

        if (c->counted < 0)
            continue;
        name = c->n_sources ? output_name (c->sources[0].path) : NULL;
        printf ("  %6lld  %s %s  %s:%u\n", (long long) c->counted,
                *c->period ? c->period : "?", c->province, name ? name : "",
                c->n_sources ? c->sources[0].line : 0);
        free (name);
    }
    if (t->count_unstated > 0)
        printf ("  %zu more case%s counted do%s not say how many.\n",
                t->count_unstated, t->count_unstated == 1 ? "" : "s",
                t->count_unstated == 1 ? "es" : "");
    if (t->count_apart_cases > 0)
        printf ("  %lld more stated in %zu case%s not decided (listed below the "
                "others), not counted.\n", (long long) t->count_apart,
                t->count_apart_cases, t->count_apart_cases == 1 ? "" : "s");
}

static void
text_total (const tracuu_answer_t *a, const tracuu_question_t *q)
{
    const tracuu_answer_total_t *t = tracuu_answer_total (a);
    char amount[40];
    size_t others = 0;

    if (t->count >= 0 && q->count_of != NULL)
        text_count (a, q);
    printf ("\nTotal: %s%s đồng over %zu sanction total%s, %lld violator%s.\n",
            t->approximate ? "about " : "", money (t->amount, amount, sizeof amount),
            t->sanctions, t->sanctions == 1 ? "" : "s",
            (long long) t->violators, t->violators == 1 ? "" : "s");
    for (int s = 1; s < TRACUU_CASE_STATUS_LAST; s++)
        others += t->by_status[s];
    if (others > 0) {
        fputs ("Not summed:", stdout);
        for (int s = 1, k = 0; s < TRACUU_CASE_STATUS_LAST; s++) {
            if (t->by_status[s] == 0)
                continue;
            printf ("%s %zu %scase%s %s", k ? "," : "", t->by_status[s],
                    k == 0 ? "more " : "", t->by_status[s] == 1 ? "" : "s",
                    status_words ((tracuu_case_status_t) s));
            k++;
            if (t->status_amount[s] > 0)
                printf (" (%s đồng stated)",
                        money (t->status_amount[s], amount, sizeof amount));
        }
        puts (": only decided sanctions are summed.");
    }
    if (t->longer_periods > 0) {
        printf ("Not summed: %zu case%s of a longer period than the question's "
                "(such as a half-year total asked about one month)", t->longer_periods,
                t->longer_periods == 1 ? "" : "s");
        if (t->longer_amount > 0)
            printf (", %s đồng stated",
                    money (t->longer_amount, amount, sizeof amount));
        puts ("; the cases inside the question's period are summed instead.");
    }
    printf ("How: %s\n", tracuu_answer_how (a));
}

/* "Which reports": each report once, its cases under it. */
static void
text_reports (const tracuu_answer_t *a)
{
    char amount[40];

    printf ("Reports (%zu):\n", tracuu_answer_n_reports (a));
    for (size_t i = 0; i < tracuu_answer_n_reports (a); i++) {
        const tracuu_answer_report_t *r = tracuu_answer_report (a, i);
        char *name = output_name (r->path);

        printf ("%s\n", name ? name : "?");
        free (name);
        for (size_t k = 0; k < r->n_cases; k++) {
            const tracuu_answer_case_t *c = tracuu_answer_case (a, r->cases[k]);
            unsigned line = 0;

            for (size_t s = 0; s < c->n_sources && !line; s++)
                if (strcmp (c->sources[s].path, r->path) == 0)
                    line = c->sources[s].line;
            printf ("  %s%s  %s  %s  %s%s%s  line %u\n", c->member_of ? "└ " : "",
                    *c->period ? c->period : "?", c->province,
                    tracuu_case_action_name (c->action),
                    c->amount >= 0 ? money (c->amount, amount, sizeof amount)
                                   : "amount not stated",
                    c->status != TRACUU_CASE_DECIDED ? " " : "",
                    c->status != TRACUU_CASE_DECIDED
                        ? tracuu_case_status_name (c->status) : "", line);
        }
    }
}

/* "Which accounts...": each case's accounts with its amount and source. */
static void
text_accounts (const tracuu_answer_t *a)
{
    char amount[40], accounts[CELL], people[CELL];

    puts ("\nAccounts:");
    for (size_t i = 0; i < tracuu_answer_n_cases (a); i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (a, i);
        char *name;

        if (c->n_accounts == 0)
            continue;
        accounts_text (c, accounts, sizeof accounts);
        joined (c->people, c->n_people, "; ", people, sizeof people);
        name = c->n_sources ? output_name (c->sources[0].path) : NULL;
        printf ("  %s%s%s%s  %s  %s:%u\n", accounts, *people ? " (" : "",
                people, *people ? ")" : "",
                c->amount >= 0 ? money (c->amount, amount, sizeof amount)
                               : "amount not stated",
                name ? name : "", c->n_sources ? c->sources[0].line : 0);
        free (name);
    }
}

/* Top-level cases of a group counted and not summed. */
static size_t
group_apart (const tracuu_answer_total_t *t)
{
    size_t n = t->longer_periods;

    for (int s = 1; s < TRACUU_CASE_STATUS_LAST; s++)
        n += t->by_status[s];
    return n;
}

static void
text_groups (const tracuu_answer_t *a, const char *field, int sum)
{
    size_t n = tracuu_answer_n_groups (a), w = strlen (field);
    char amount[40];
    int apart = 0, longer = 0;

    for (size_t i = 0; i < n; i++) {
        const char *v = tracuu_answer_group (a, i)->value;
        size_t vw = tracuu_display_width (v, strlen (v));

        w = vw > w ? vw : w;
    }
    for (size_t i = 0; i < n; i++) {
        const tracuu_answer_group_t *g = tracuu_answer_group (a, i);

        apart |= group_apart (&g->total) > 0;
        longer |= strcmp (g->value, TRACUU_ANSWER_LONGER_PERIODS) == 0;
    }
    cell (field, w, 0);
    printf ("%-10s%-10s", "CASES", "MEMBERS");
    if (apart)
        printf ("%-12s", "NOT SUMMED");
    printf ("%s\n", sum ? "AMOUNT (đồng)" : "");
    for (size_t i = 0; i < n; i++) {
        const tracuu_answer_group_t *g = tracuu_answer_group (a, i);

        cell (g->value, w, 0);
        printf ("%-10zu%-10zu", g->total.sanctions, g->total.members);
        if (apart)
            printf ("%-12zu", group_apart (&g->total));
        if (sum)
            printf ("%s%s", g->total.approximate ? "~" : "",
                    money (g->total.amount, amount, sizeof amount));
        putchar ('\n');
    }
    if (longer)
        printf ("\n%s: cases whose period is longer than a %s, never put in "
                "one.\n", TRACUU_ANSWER_LONGER_PERIODS, field);
    if (apart)
        puts ("NOT SUMMED: cases not decided, or of a longer period than the "
              "question's, counted and not summed.");
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

int
output_answer (const tracuu_answer_t *a, const tracuu_question_t *q,
               const char *query, const output_options_t *opts)
{
    size_t read = 0, all = tracuu_answer_n_matches (a, &read);
    const char *field = tracuu_answer_group_field (a);

    if (opts->format != OUTPUT_TEXT)
        return print_with (opts, NULL, a, q, query);
    printf ("Understood: %s\n", q->explain ? q->explain : "");
    for (size_t i = 0; i < q->n_notes; i++)
        printf ("Note: %s\n", q->notes[i]);
    putchar ('\n');
    if (field != NULL) {
        text_groups (a, field, opts->sum);
    } else if (all == 0) {
        puts ("No case matches.");
    } else if (q->wants != NULL && strcmp (q->wants, "reports") == 0) {
        text_reports (a);
        text_page (a);
    } else {
        text_cases (a, opts->columns);
        text_page (a);
    }
    if (all > 0 && q->wants != NULL && strcmp (q->wants, "accounts") == 0)
        text_accounts (a);
    if (all > 0)
        text_total (a, q);
    if (read < all)
        printf ("Only the first %zu of %zu matching cases were read.\n", read,
                all);
    if (tracuu_answer_n_facets (a) > 0) {
        putchar ('\n');
        text_facets (a);
    }
    return output_finish ();
}
