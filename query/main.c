/* tracuu-query: search reports, or answer questions about cases. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "tracuu/answer.h"
#include "tracuu/display.h"
#include "tracuu/field.h"
#include "tracuu/question.h"
#include "tracuu/search.h"
#include "tracuu/version.h"
#include "output.h"

static const char usage_head[] =
    "Usage: tracuu-query [OPTION]... QUERY...\n"
    "Search the reports of a tracuu database, or answer a question about\n"
    "the sanction cases in them.\n"
    "\n"
    "Full text: words are ANDed; \"quoted phrases\", OR, NOT word or -word,\n"
    "and parentheses. Diacritics are optional; with them, exact matches\n"
    "rank first. Questions in Vietnamese (with or without diacritics) or\n"
    "English, such as \"all fines for false information in 2024\", list\n"
    "the cases, with a total that counts each sanction once and a source\n"
    "for every figure.\n"
    "\n"
    "Fields (name:value, name:\"quoted value\"; -name:value or NOT\n"
    "name:value leaves out what has the value):\n";

static const char usage_tail[] =
    "\n"
    "  --db DIR          database (default: $TRACUU_DB, else ./tracuu.db);\n"
    "                    again for more shards: a folder, HOST:PORT of a\n"
    "                    xapian-tcpsrv, or a file listing shards\n"
    "                    (\"auto FOLDER\", \"remote HOST:PORT\" lines)\n"
    "  --shard-timeout MS\n"
    "                    give up on a remote shard after MS milliseconds\n"
    "                    (default 10000) and answer from the others\n"
    "  -n, --limit N     show at most N reports (default 10), or N cases\n"
    "                    (default: every case)\n"
    "  --offset N        skip the first N reports or cases\n"
    "  --format FORMAT   text (default), json, jsonl or csv\n"
    "  --bom             with --format csv: start with a byte order mark,\n"
    "                    for spreadsheets\n"
    "  -c, --count       print only the number of matching reports\n"
    "  -l, --files-with-matches\n"
    "                    print only the files of the results, one a line\n"
    "  -0, --null        with -l: end each file name with a NUL byte, as\n"
    "                    it is, instead of a newline (names are otherwise\n"
    "                    escaped like ls -b does)\n"
    "  --cases           answer with cases even for a plain search\n"
    "  --group-by FIELD  a table per %s\n"
    "  --sum amount      with --group-by: add the amounts\n"
    "  --facet FIELDS    counts per value of %s\n"
    "                    (comma-separated)\n"
    "  --today DATE      read \"năm nay\", \"last month\"... against DATE\n"
    "                    (YYYY-MM-DD) instead of the day of the run\n"
    "  --explain         print only how the query was understood\n"
    "  --color WHEN      bold matches: auto (on a terminal, unless NO_COLOR is\n"
    "                    set or TERM is dumb), always or never\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "Exit status: 0 with results, 1 with none, 2 on usage or database\n"
    "errors, 3 when some shards could not be reached (partial results).\n";

/* Longest query accepted: far more than any question, and what parsing
 * and matching (which grow faster than the number of words) do in
 * milliseconds. */
#define MAX_QUERY_BYTES 4096

/* The usage text, its fields from the fields table. */
static void
print_usage (void)
{
    char *group = tracuu_field_names (TRACUU_FIELD_GROUP, " or ");
    char *facet = tracuu_field_names (TRACUU_FIELD_FACET, ", ");

    fputs (usage_head, stdout);
    for (size_t i = 0; i < tracuu_field_count (); i++) {
        const tracuu_field_t *f = tracuu_field_at (i);

        if (f->flags & TRACUU_FIELD_FILTER) {
            const char *ex = f->example ? f->example : f->name;
            int width = 0;

            /* Pad by characters, not bytes: examples hold Vietnamese. */
            for (const char *p = ex; *p; p++)
                width += ((unsigned char) *p & 0xC0) != 0x80;
            printf ("  %s%*s %s\n", ex, width < 30 ? 30 - width : 0, "",
                    f->help);
        }
    }
    printf (usage_tail, group ? group : "field", facet ? facet : "field");
    free (group);
    free (facet);
}

/* Shards of one query: more is what one ministry asks of all the
 * provinces, and more than this is a list in a file. */
#define MAX_DB_ARGS 64

typedef struct args {
    const char *db;
    const char *dbs[MAX_DB_ARGS];
    size_t n_dbs;
    unsigned shard_timeout;
    tracuu_search_options_t search;
    output_options_t out;
    const char *group_by;
    const char *facets;
    int count_only, files_only, explain, cases, null, limit_given;
    int32_t today;
    tracuu_color_t color;       /* --color. */
    char *query;
} args_t;

static int
parse_count (const char *s, unsigned *out)
{
    char *end;
    unsigned long v = strtoul (s, &end, 10);

    if (*s == '\0' || *end != '\0' || *s == '-' || v > 100000)
        return -1;
    *out = (unsigned) v;
    return 0;
}

/* "2024-05-31" as 20240531; -1 if it is not a day. */
static int
parse_day (const char *s, int32_t *out)
{
    static const int days[] = { 31, 29, 31, 30, 31, 30,
                                31, 31, 30, 31, 30, 31 };
    int y, m, d, n = 0;

    if (sscanf (s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || s[n] != '\0'
        || strlen (s) != 10 || y < 1900 || y > 2199 || m < 1 || m > 12
        || d < 1 || d > days[m - 1]
        || (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))))
        return -1;
    *out = (int32_t) (y * 10000 + m * 100 + d);
    return 0;
}

static int
parse_format (const char *s, output_format_t *out)
{
    static const char *const names[] = { "text", "json", "jsonl", "csv" };

    for (int i = 0; i < 4; i++)
        if (strcmp (s, names[i]) == 0) {
            *out = (output_format_t) i;
            return 0;
        }
    return -1;
}

/* Parse the command line; returns -1 to exit 0, 2 on error, 0 to go on. */
static int
parse_args (int argc, char **argv, args_t *a)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },
        { "shard-timeout", required_argument, NULL, 'T' },
        { "limit", required_argument, NULL, 'n' },
        { "offset", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "count", no_argument, NULL, 'c' },
        { "files-with-matches", no_argument, NULL, 'l' },
        { "null", no_argument, NULL, '0' },
        { "bom", no_argument, NULL, 'B' },
        { "cases", no_argument, NULL, 'C' },
        { "group-by", required_argument, NULL, 'g' },
        { "sum", required_argument, NULL, 's' },
        { "facet", required_argument, NULL, 'F' },
        { "explain", no_argument, NULL, 'x' },
        { "today", required_argument, NULL, 't' },
        { "color", required_argument, NULL, 'K' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 }
    };
    size_t qlen = 0;
    int c;

    while ((c = getopt_long (argc, argv, "n:cl0hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (a->n_dbs == MAX_DB_ARGS) {
                fprintf (stderr, "tracuu-query: more than %d --db; list the "
                         "shards in a file and give --db FILE\n", MAX_DB_ARGS);
                return 2;
            }
            a->dbs[a->n_dbs++] = a->db = optarg;
            break;
        case 'T':
            if (parse_count (optarg, &a->shard_timeout) || a->shard_timeout == 0) {
                fprintf (stderr, "tracuu-query: --shard-timeout takes "
                         "milliseconds, from 1 to 100000, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'n':
            if (parse_count (optarg, &a->search.limit) || a->search.limit == 0) {
                fprintf (stderr, "tracuu-query: --limit takes a number from 1 "
                         "to 100000, not '%s'\n", optarg);
                return 2;
            }
            a->limit_given = 1;
            break;
        case 'o':
            if (parse_count (optarg, &a->search.offset)) {
                fprintf (stderr, "tracuu-query: --offset takes a number, "
                         "not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'f':
            if (parse_format (optarg, &a->out.format)) {
                fprintf (stderr, "tracuu-query: unknown --format '%s'; use "
                         "text, json, jsonl or csv\n", optarg);
                return 2;
            }
            break;
        case 'c': a->count_only = 1; break;
        case 'l': a->files_only = 1; break;
        case '0': a->null = 1; break;
        case 'B': a->out.bom = 1; break;
        case 'C': a->cases = 1; break;
        case 'g': a->group_by = optarg; a->cases = 1; break;
        case 's':
            if (strcmp (optarg, "amount") != 0) {
                fprintf (stderr, "tracuu-query: --sum takes 'amount', not "
                         "'%s'\n", optarg);
                return 2;
            }
            a->out.sum = 1;
            break;
        case 'F': a->facets = optarg; a->cases = 1; break;
        case 'x': a->explain = 1; break;
        case 't':
            if (parse_day (optarg, &a->today)) {
                fprintf (stderr, "tracuu-query: --today takes a day as "
                         "YYYY-MM-DD, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'K':
            if (tracuu_display_color_parse (optarg, &a->color)) {
                fprintf (stderr, "tracuu-query: --color takes auto, always "
                         "or never, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'h': print_usage (); return -1;
        case 'V': printf ("tracuu-query %s\n", TRACUU_VERSION); return -1;
        default:
            fputs ("Try 'tracuu-query --help'.\n", stderr);
            return 2;
        }
    }
    if (optind >= argc && !a->cases) {
        fputs ("tracuu-query: no query given\nTry 'tracuu-query --help'.\n",
               stderr);
        return 2;
    }
    for (int i = optind; i < argc; i++)
        qlen += strlen (argv[i]) + 1;
    if (qlen > MAX_QUERY_BYTES + 1) {
        fprintf (stderr, "tracuu-query: the query is %zu bytes long; the "
                 "limit is %d bytes\n", qlen - 1, MAX_QUERY_BYTES);
        return 2;
    }
    a->query = calloc (1, qlen + 1);
    if (a->query == NULL) {
        fputs ("tracuu-query: out of memory\n", stderr);
        return 2;
    }
    for (int i = optind; i < argc; i++) {
        if (i > optind)
            strcat (a->query, " ");
        strcat (a->query, argv[i]);
    }
    return 0;
}

static int
has_filters (const tracuu_question_t *q)
{
    return q->n_filters || q->date_from || q->date_to || q->kind != NULL;
}

/* The width text output fits: the terminal's, else $COLUMNS, else 80 on
 * a terminal that does not say; 0 (no limit) into a pipe or a file
 * without $COLUMNS, so that scripts get whole lines. */
static size_t
terminal_columns (void)
{
    struct winsize ws;
    const char *env = getenv ("COLUMNS");
    int tty = isatty (STDOUT_FILENO);

    if (tty && ioctl (STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col < 20 ? 20 : ws.ws_col;
    if (env != NULL && atoi (env) > 0)
        return atoi (env) < 20 ? 20 : (size_t) atoi (env);
    return tty ? 80 : 0;
}

static int
path_cmp (const void *x, const void *y)
{
    return strcmp (*(const char *const *) x, *(const char *const *) y);
}

/* One file name of -l: escaped on a line, or as it is before a NUL. */
static void
print_name (const char *path, int null)
{
    char *name;

    if (null) {
        fputs (tracuu_display_path (path), stdout);
        putchar ('\0');
        return;
    }
    name = output_name (path);
    puts (name ? name : "?");
    free (name);
}

/* -l on an answer: the reports its cases come from, each once, sorted. */
static int
print_sources (const tracuu_answer_t *answer, int null)
{
    size_t n = 0, k = 0;
    const char **paths;

    for (size_t i = 0; i < tracuu_answer_n_cases (answer); i++)
        n += tracuu_answer_case (answer, i)->n_sources;
    paths = malloc ((n ? n : 1) * sizeof *paths);
    if (paths == NULL) {
        fprintf (stderr, "tracuu-query: out of memory listing %zu sources\n", n);
        return 2;
    }
    for (size_t i = 0; i < tracuu_answer_n_cases (answer); i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (answer, i);

        for (size_t j = 0; j < c->n_sources; j++)
            paths[k++] = c->sources[j].path;
    }
    qsort (paths, n, sizeof *paths, path_cmp);
    for (size_t i = 0; i < n; i++)
        if (i == 0 || strcmp (paths[i], paths[i - 1]) != 0)
            print_name (paths[i], null);
    free (paths);
    return output_finish ();
}

static int
run_answer (tracuu_index_t *index, const tracuu_question_t *q, args_t *a)
{
    tracuu_answer_options_t opts = TRACUU_ANSWER_OPTIONS_INIT;
    output_format_t f = a->out.format;
    tracuu_answer_t *answer = NULL;
    tracuu_status_t status;
    int rc;

    opts.group_by = a->group_by;
    opts.facets = a->facets;
    opts.offset = a->search.offset;
    opts.limit = a->limit_given ? a->search.limit : 0;
    /* Formats that print no case read none in full. */
    opts.totals_only = !a->files_only
                       && (a->count_only
                           || (a->group_by && (f == OUTPUT_TEXT || f == OUTPUT_JSONL))
                           || (f == OUTPUT_CSV && (a->group_by || a->facets)));
    status = tracuu_answer_run (index, q, &opts, &answer);
    if (status) {
        fprintf (stderr, "tracuu-query: %s\n", tracuu_index_last_error (index));
        return 2;
    }
    rc = tracuu_answer_n_matches (answer, NULL) > 0 ? 0 : 1;
    if (a->count_only) {
        printf ("%zu\n", tracuu_answer_n_matches (answer, NULL));
        rc = output_finish () ? 2 : rc;
    } else if (a->files_only) {
        rc = print_sources (answer, a->null) ? 2 : rc;
    } else {
        rc = output_answer (answer, q, a->query, &a->out) ? 2 : rc;
    }
    tracuu_answer_destroy (answer);
    return rc;
}

static int
run_search (tracuu_index_t *index, const tracuu_question_t *q, args_t *a)
{
    tracuu_results_t *results = NULL;
    tracuu_status_t status;
    const char *text = q->text ? q->text : a->query;
    int rc;

    a->search.filters = has_filters (q) ? q : NULL;
    /* Count every match only where the total is printed: an estimate of
     * a phrase's matches can be far off, and counting them all is what
     * makes a common phrase slow. */
    a->search.count_exactly = a->count_only || a->out.format == OUTPUT_JSON
                              || (a->out.format == OUTPUT_TEXT && !a->files_only
                                  && a->out.tty);
    if (a->count_only)
        a->search.limit = 1;
    status = tracuu_search (index, text, strlen (text), &a->search, &results);
    if (status) {
        fprintf (stderr, "tracuu-query: %s\n", tracuu_index_last_error (index));
        return 2;
    }
    rc = tracuu_results_size (results) > 0 ? 0 : 1;
    if (a->count_only) {
        printf ("%u\n", tracuu_results_total (results));
        rc = output_finish () ? 2 : rc;
    } else if (a->files_only) {
        for (size_t i = 0; i < tracuu_results_size (results); i++)
            print_name (tracuu_results_hit (results, i)->path, a->null);
        rc = output_finish () ? 2 : rc;
    } else {
        rc = output_reports (results, q, a->query, &a->out) ? 2 : rc;
    }
    tracuu_results_destroy (results);
    return rc;
}

/* --explain: the line, then every word and what it was read as, then
 * the notes. */
static void
print_explain (const tracuu_question_t *q)
{
    printf ("%s\n", q->explain);
    for (size_t i = 0; i < q->n_words; i++) {
        const tracuu_question_word_t *w = &q->words[i];

        printf ("  \"%s\" %s%s%s\n", w->text, tracuu_question_role_name (w->role),
                *w->meaning ? ": " : "", w->meaning);
    }
    for (size_t i = 0; i < q->n_notes; i++)
        printf ("note: %s\n", q->notes[i]);
}

/* The --db options, or the default when none was given. */
static tracuu_status_t
open_index (const args_t *a, tracuu_index_t **index, char **error)
{
    if (a->n_dbs == 0)
        return tracuu_index_open_read (&a->db, 1, a->shard_timeout, index, error);
    return tracuu_index_open_read (a->dbs, a->n_dbs, a->shard_timeout, index,
                                   error);
}

/* Shards that could not be reached, on stderr: non-zero if any. */
static int
say_missing_shards (const tracuu_index_t *index)
{
    size_t n = tracuu_index_n_shards (index);
    size_t down = tracuu_index_n_shards_down (index);

    for (size_t i = 0; i < n && down > 0; i++) {
        int is_down;
        const char *spec = tracuu_index_shard (index, i, &is_down);

        if (is_down)
            fprintf (stderr, "tracuu-query: shard '%s' cannot be reached; "
                     "the results are from %zu of %zu shards\n", spec,
                     n - down, n);
    }
    return down > 0;
}

int
main (int argc, char **argv)
{
    tracuu_question_options_t qopts = TRACUU_QUESTION_OPTIONS_INIT;
    tracuu_search_options_t search = TRACUU_SEARCH_OPTIONS_INIT;
    args_t a = { 0 };
    tracuu_index_t *index = NULL;
    tracuu_question_t *q = NULL;
    char *error = NULL;
    tracuu_status_t status;
    int rc, cases;

    a.search = search;
    a.db = getenv ("TRACUU_DB");
    if (a.db == NULL || *a.db == '\0')
        a.db = "tracuu.db";
    rc = parse_args (argc, argv, &a);
    if (rc != 0) {
        free (a.query);
        return rc < 0 ? 0 : rc;
    }
    a.out.columns = terminal_columns ();
    a.out.tty = isatty (STDOUT_FILENO);
    a.out.color = tracuu_display_use_color (STDOUT_FILENO, a.color);
    rc = 2;
    qopts.today = a.today;
    status = tracuu_question_parse_with (a.query, strlen (a.query), &qopts, &q,
                                         &error);
    if (status) {
        fprintf (stderr, "tracuu-query: %s\n",
                 error ? error : tracuu_status_to_string (status));
        goto DONE;
    }
    status = open_index (&a, &index, &error);
    if (status && a.explain) {
        print_explain (q);      /* Without the index: words not checked. */
        rc = output_finish ();
        goto DONE;
    }
    if (status) {
        fprintf (stderr, "tracuu-query: %s\n",
                 error ? error : tracuu_status_to_string (status));
        goto DONE;
    }
    cases = tracuu_question_wants_cases (q, a.cases);
    if (cases && tracuu_question_prune (q, index)) {
        fprintf (stderr, "tracuu-query: %s\n", tracuu_index_last_error (index));
        goto DONE;
    }
    if (a.explain) {
        print_explain (q);
        rc = output_finish ();
        goto DONE;
    }
    rc = cases ? run_answer (index, q, &a) : run_search (index, q, &a);
    if (rc != 2 && say_missing_shards (index))
        rc = 3;

  DONE:
    tracuu_question_destroy (q);
    tracuu_index_close (index);
    free (error);
    free (a.query);
    return rc;
}
