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

/* 'head' then 'text', its words wrapped to 'columns' (0: one line),
 * the lines after the first indented by 'indent' blanks. */
static void
print_wrapped (const char *head, const char *text, size_t columns,
               size_t indent)
{
    size_t col = tracuu_display_width (head, strlen (head)), at = 0;
    size_t len = strlen (text), start = col;

    fputs (head, stdout);
    if (columns == 0) {
        puts (text);
        return;
    }
    while (at < len) {
        size_t end, gap = 0, w;

        while (at < len && text[at] == ' ') {
            at++;
            gap++;
        }
        for (end = at; end < len && text[end] != ' '; end++)
            ;
        if (end == at)
            break;
        w = tracuu_display_width (text + at, end - at);
        if (col > start && col + gap + w > columns) {
            printf ("\n%*s", (int) indent, "");
            col = start = indent;
            gap = 0;
        }
        printf ("%*s%.*s", (int) gap, "", (int) (end - at), text + at);
        col += gap + w;
        at = end;
    }
    putchar ('\n');
}

/* ------------------------------------------------------------------ */
/* Reports.                                                           */

/* Write snippet bytes [from, to), the highlighted syllables between
 * 'open' and 'close'; *span is the first span not yet closed. Spans do
 * not overlap, and none starts inside a word. */
static void
put_marked (const tracuu_hit_t *hit, size_t from, size_t to, size_t *span,
            const char *open, const char *close)
{
    size_t at = from;

    while (at < to) {
        const tracuu_span_t *s = *span < hit->n_spans ? &hit->spans[*span]
                                                      : NULL;
        size_t next = to;

        if (s != NULL && s->start == at)
            fputs (open, stdout);
        if (s != NULL && s->start > at && s->start < next)
            next = s->start;
        else if (s != NULL && s->start <= at && s->end < next)
            next = s->end;
        fwrite (hit->snippet + at, 1, next - at, stdout);
        at = next;
        if (s != NULL && at == s->end) {
            fputs (close, stdout);
            (*span)++;
        }
    }
}

/* The passage after an indent of 3, its words wrapped to 'columns'
 * (0: one line, as it is). A word wider than the line is not cut. */
static void
print_snippet (const tracuu_hit_t *hit, int color, size_t columns)
{
    const char *open = color ? "\033[1m" : "[", *close = color ? "\033[0m" : "]";
    size_t mark = color ? 0 : 2;    /* Columns that the marks take. */
    size_t len = strlen (hit->snippet), at = 0, col = 3, span = 0;

    fputs ("   ", stdout);
    if (columns == 0) {
        put_marked (hit, 0, len, &span, open, close);
        return;
    }
    while (at < len) {
        size_t end = at, w, gap = 0;

        while (at < len && hit->snippet[at] == ' ') {
            at++;
            gap++;
        }
        end = at;
        while (end < len && hit->snippet[end] != ' ')
            end++;
        if (end == at)
            break;
        w = tracuu_display_width (hit->snippet + at, end - at);
        for (size_t k = span; k < hit->n_spans; k++)
            if (hit->spans[k].start >= at && hit->spans[k].start < end)
                w += mark;
        if (col > 3 && col + gap + w > columns) {
            fputs ("\n   ", stdout);
            col = 3;
            gap = 0;
        }
        printf ("%*s", (int) gap, "");
        put_marked (hit, at, end, &span, open, close);
        col += gap + w;
        at = end;
    }
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
        putchar ('\n');
        print_snippet (hit, opts->color, opts->columns);
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

/* Print 's' in 'width' columns: cut to end with "…" when wider, then
 * padded with blanks to the next column unless it is the last. */
static void
cell (const char *s, size_t width, int last)
{
    size_t len = strlen (s), w = tracuu_display_width (s, len), fit = len;

    if (w > width) {
        fit = width > 0 ? tracuu_display_fit (s, len, width - 1) : 0;
        fwrite (s, 1, fit, stdout);
        if (width > 0)
            fputs ("…", stdout);
        w = tracuu_display_width (s, fit) + (width > 0);
    } else {
        fputs (s, stdout);
    }
    if (!last)
        for (size_t i = w; i < width + 2; i++)
            putchar (' ');
}

enum { C_PERIOD, C_PROVINCE, C_ACTION, C_STATUS, C_CATEGORIES, C_AMOUNT,
       C_VIOLATORS, C_ACCOUNTS, C_SOURCE, N_COLS };

#define CELL 512

static const char *const HEADERS[N_COLS] = {
    "PERIOD", "PROVINCE", "ACTION", "STATUS", "CATEGORIES", "AMOUNT (đồng)",
    "VIOLATORS", "WHO", "SOURCE"
};
static const size_t MAX_WIDTH[N_COLS] = { 14, 18, 16, 10, 36, 22, 20, 48, 72 };
/* The columns that give way when the table is too wide, and how far:
 * on one line, only the lists; on two, the province and violators too,
 * rather than run past the edge. */
static const size_t WIDE_MIN[N_COLS] = {
    [C_CATEGORIES] = 16, [C_ACCOUNTS] = 16
};
static const size_t NARROW_MIN[N_COLS] = {
    [C_PROVINCE] = 10, [C_VIOLATORS] = 8, [C_CATEGORIES] = 16,
    [C_ACCOUNTS] = 16
};

/* The two lines of a case on a narrow terminal (-1 ends a line). */
static const int LINE1[] = { C_PERIOD, C_PROVINCE, C_ACTION, C_STATUS,
                             C_AMOUNT, C_VIOLATORS, -1 };
static const int LINE2[] = { C_ACCOUNTS, C_CATEGORIES, C_SOURCE, -1 };
static const int LINE2_NO_SOURCE[] = { C_ACCOUNTS, C_CATEGORIES, -1 };
#define LINE2_INDENT 2

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
    snprintf (cells[C_STATUS], CELL, "%s", tracuu_case_status_name (c->status));
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

/* Columns of a line of 'cols' (ending at -1) with two blanks between
 * them, and 'indent' before. */
static size_t
line_width (const int *cols, const size_t *width, size_t indent)
{
    size_t w = indent;

    for (int k = 0; cols[k] >= 0; k++)
        w += width[cols[k]] + (k > 0 ? 2 : 0);
    return w;
}

/* Narrow the columns of 'cols' that give way (the widest first, down to
 * their width in 'min', 0 for a column that does not) until the line
 * fits 'columns'. Returns whether it does. */
static int
fit_line (const int *cols, size_t *width, size_t indent, size_t columns,
          const size_t *min)
{
    while (line_width (cols, width, indent) > columns) {
        int widest = -1;

        for (int k = 0; cols[k] >= 0; k++) {
            int c = cols[k];

            if (min[c] > 0 && width[c] > min[c]
                && (widest < 0 || width[c] > width[widest]))
                widest = c;
        }
        if (widest < 0)
            return 0;
        width[widest]--;
    }
    return 1;
}

static void
print_line (const int *cols, char cells[N_COLS][CELL], const size_t *width,
            size_t indent)
{
    int last = 0;

    while (cols[last + 1] >= 0)
        last++;
    /* Trailing empty cells leave no trailing blanks. */
    while (last > 0 && cells[cols[last]][0] == '\0')
        last--;
    printf ("%*s", (int) indent, "");
    for (int k = 0; k <= last; k++)
        cell (cells[cols[k]], width[cols[k]], k == last);
    putchar ('\n');
}

/* One source's sentence after 'head', cut with "…" to end within
 * 'columns' (0: whole); 'at' columns are already written on the line. */
static void
print_quote (const char *head, size_t at, const char *quote, size_t columns)
{
    size_t hw = at + tracuu_display_width (head, strlen (head));
    size_t qlen = strlen (quote);
    size_t fit = qlen;

    /* The quote marks take 2 columns; at least 20 of the sentence. */
    if (columns > 0 && hw + 2 + tracuu_display_width (quote, qlen) > columns)
        fit = tracuu_display_fit (quote, qlen,
                                  columns > hw + 22 ? columns - hw - 2 : 20);
    printf ("%s\"%.*s%s\n", head, (int) fit, quote, fit < qlen ? "…" : "\"");
}

/*
 * The cases as a table. One line per case when the table fits
 * 'columns' (0: no limit, into a pipe) once CATEGORIES and WHO have
 * given way; else two lines per case, the second indented: WHO,
 * CATEGORIES and the first source when it fits there whole. The quoted
 * sentence of each source follows, cut to the width, after the source's
 * name (above it on two lines) unless line 2 named it. File names are
 * never cut.
 */
static void
text_cases (const tracuu_answer_t *a, size_t columns)
{
    static const int ALL[] = { C_PERIOD, C_PROVINCE, C_ACTION, C_STATUS,
                               C_CATEGORIES, C_AMOUNT, C_VIOLATORS, C_ACCOUNTS,
                               C_SOURCE, -1 };
    size_t n = tracuu_answer_n_cases (a), width[N_COLS], wide[N_COLS];
    char cells[N_COLS][CELL], headers[N_COLS][CELL];
    int two_lines, source_on_2 = 0;
    const int *line2 = LINE2_NO_SOURCE;

    for (int k = 0; k < N_COLS; k++) {
        snprintf (headers[k], CELL, "%s", HEADERS[k]);
        width[k] = tracuu_display_width (HEADERS[k], strlen (HEADERS[k]));
    }
    for (size_t i = 0; i < n; i++) {
        case_cells (tracuu_answer_case (a, i), cells);
        for (int k = 0; k < N_COLS; k++) {
            size_t w = tracuu_display_width (cells[k], strlen (cells[k]));

            if (w > width[k])
                width[k] = w < MAX_WIDTH[k] ? w : MAX_WIDTH[k];
        }
    }
    memcpy (wide, width, sizeof wide);
    two_lines = columns > 0 && !fit_line (ALL, wide, 0, columns, WIDE_MIN);
    if (!two_lines) {
        memcpy (width, wide, sizeof width);
        print_line (ALL, headers, width, 0);
    } else {
        /* The source is written whole: its widest value, uncapped. */
        width[C_SOURCE] = 0;
        for (size_t i = 0; i < n; i++) {
            size_t w;

            case_cells (tracuu_answer_case (a, i), cells);
            w = tracuu_display_width (cells[C_SOURCE],
                                      strlen (cells[C_SOURCE]));
            width[C_SOURCE] = w > width[C_SOURCE] ? w : width[C_SOURCE];
        }
        fit_line (LINE1, width, 0, columns, NARROW_MIN);
        memcpy (wide, width, sizeof wide);
        source_on_2 = fit_line (LINE2, wide, LINE2_INDENT, columns,
                                NARROW_MIN);
        if (source_on_2) {
            memcpy (width, wide, sizeof width);
            line2 = LINE2;
        } else {
            fit_line (LINE2_NO_SOURCE, width, LINE2_INDENT, columns,
                      NARROW_MIN);
        }
        print_line (LINE1, headers, width, 0);
        print_line (line2, headers, width, LINE2_INDENT);
    }
    for (size_t i = 0; i < n; i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (a, i);
        const char *indent = !two_lines && c->member_of ? "      " : "    ";

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
        if (two_lines) {
            print_line (LINE1, cells, width, 0);
            print_line (line2, cells, width, LINE2_INDENT);
        } else {
            print_line (ALL, cells, width, 0);
        }
        for (size_t s = 0; s < c->n_sources; s++) {
            const tracuu_answer_source_t *src = &c->sources[s];
            char *head = NULL, *name, mark[48] = "";

            /* Where a figure read by OCR or on a page comes from, as
             * search results say it: "(page 2, OCR)". */
            if (src->page > 0)
                snprintf (mark, sizeof mark, "(page %u%s)", src->page,
                          src->ocr ? ", OCR" : "");
            else if (src->ocr)
                snprintf (mark, sizeof mark, "(OCR)");
            /* Line 2 named the first source. */
            if (source_on_2 && s == 0) {
                char lead[52];

                snprintf (lead, sizeof lead, "%s%s", mark, *mark ? " " : "");
                printf ("%s", indent);
                print_quote (lead, strlen (indent), src->quote, columns);
                continue;
            }
            name = output_name (src->path);
            if (asprintf (&head, "%s%s:%u%s%s%s", indent, name ? name : "?",
                          src->line, *mark ? " " : "", mark,
                          two_lines ? "" : ": ") < 0)
                head = NULL;
            free (name);
            if (two_lines) {
                /* The name whole on its line, the sentence below it. */
                printf ("%s\n%s", head ? head : "", indent);
                print_quote ("", strlen (indent), src->quote, columns);
            } else {
                print_quote (head ? head : "", 0, src->quote, columns);
            }
            free (head);
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
text_total (const tracuu_answer_t *a, const tracuu_question_t *q, size_t columns)
{
    const tracuu_answer_total_t *t = tracuu_answer_total (a);
    char amount[40], line[200];
    size_t others = 0;

    if (t->count >= 0 && q->count_of != NULL)
        text_count (a, q);
    snprintf (line, sizeof line, "%s%s đồng over %zu sanction total%s, %lld "
              "violator%s.", t->approximate ? "about " : "",
              money (t->amount, amount, sizeof amount), t->sanctions,
              t->sanctions == 1 ? "" : "s", (long long) t->violators,
              t->violators == 1 ? "" : "s");
    print_wrapped ("\nTotal: ", line, columns, 7);
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
    print_wrapped ("How: ", tracuu_answer_how (a), columns, 5);
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

/* "field: value (count), ..." wrapped between values, the lines after
 * the first indented by 2. */
static void
text_facets (const tracuu_answer_t *a, size_t columns)
{
    for (size_t i = 0; i < tracuu_answer_n_facets (a); i++) {
        const tracuu_answer_facet_t *f = tracuu_answer_facet (a, i);
        size_t col = strlen (f->field) + 1;

        printf ("%s:", f->field);
        for (size_t k = 0; k < f->n_values; k++) {
            char item[CELL];
            size_t w;

            snprintf (item, sizeof item, "%s (%u)%s", f->values[k].value,
                      f->values[k].count, k + 1 < f->n_values ? "," : "");
            w = tracuu_display_width (item, strlen (item));
            if (columns > 0 && k > 0 && col + 1 + w > columns) {
                fputs ("\n ", stdout);
                col = 1;
            }
            printf (" %s", item);
            col += 1 + w;
        }
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
    print_wrapped ("Understood: ", q->explain ? q->explain : "", opts->columns,
                   4);
    for (size_t i = 0; i < q->n_notes; i++)
        print_wrapped ("Note: ", q->notes[i], opts->columns, 6);
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
        text_total (a, q, opts->columns);
    if (read < all)
        printf ("Only the first %zu of %zu matching cases were read.\n", read,
                all);
    if (tracuu_answer_n_facets (a) > 0) {
        putchar ('\n');
        text_facets (a, opts->columns);
    }
    return output_finish ();
}
