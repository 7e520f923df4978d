/* tracuu-query: search a tracuu database. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracuu/json.h"
#include "tracuu/search.h"
#include "tracuu/version.h"

static const char usage[] =
    "Usage: tracuu-query [OPTION]... QUERY...\n"
    "Search a tracuu database. Words are ANDed; use \"quoted phrases\", OR,\n"
    "NOT word or -word, and parentheses. Diacritics are optional: a query\n"
    "without them finds the accented text too; with them, exact matches\n"
    "rank first.\n"
    "\n"
    "  --db DIR          database (default: $TRACUU_DB, else ./tracuu.db)\n"
    "  -n, --limit N     show at most N results (default 10)\n"
    "  --offset N        skip the first N results\n"
    "  --format FORMAT   text (default) or json\n"
    "  -c, --count       print only the number of matching reports\n"
    "  -l, --files-with-matches\n"
    "                    print only the files of the results, one a line\n"
    "  --explain         print how the query was understood\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "Exit status: 0 with results, 1 with none, 2 on usage or database\n"
    "errors.\n";

static const char *
display_path (const char *path)
{
    static char cwd[4096];
    static size_t cwd_len;

    if (cwd_len == 0 && getcwd (cwd, sizeof cwd) != NULL)
        cwd_len = strlen (cwd);
    if (cwd_len > 0 && strncmp (path, cwd, cwd_len) == 0 && path[cwd_len] == '/')
        return path + cwd_len + 1;
    return path;
}

/* The snippet with its matches marked: bold on a terminal, [..] else. */
static void
print_snippet (const tracuu_hit_t *hit, int tty)
{
    const char *open = tty ? "\033[1m" : "[", *close = tty ? "\033[0m" : "]";
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

static void
print_text (const tracuu_results_t *r, int tty)
{
    for (size_t i = 0; i < tracuu_results_size (r); i++) {
        const tracuu_hit_t *hit = tracuu_results_hit (r, i);

        printf ("%u. %s:%u\n   ", hit->rank, display_path (hit->path), hit->line);
        print_snippet (hit, tty);
        putchar ('\n');
    }
    if (tty)
        printf ("(%u matching report%s)\n", tracuu_results_total (r),
                tracuu_results_total (r) == 1 ? "" : "s");
}

static void
print_json (const tracuu_results_t *r, const char *query)
{
    fputs ("{\"query\":", stdout);
    tracuu_json_write_string (stdout, query, strlen (query));
    printf (",\"total\":%u,\"results\":[", tracuu_results_total (r));
    for (size_t i = 0; i < tracuu_results_size (r); i++) {
        const tracuu_hit_t *hit = tracuu_results_hit (r, i);
        const char *file = display_path (hit->path);

        printf ("%s{\"rank\":%u,\"file\":", i ? "," : "", hit->rank);
        tracuu_json_write_string (stdout, file, strlen (file));
        fputs (",\"path\":", stdout);
        tracuu_json_write_string (stdout, hit->path, strlen (hit->path));
        printf (",\"line\":%u,\"score\":%.6f,\"snippet\":", hit->line, hit->score);
        tracuu_json_write_string (stdout, hit->snippet, strlen (hit->snippet));
        fputs (",\"highlights\":[", stdout);
        for (size_t k = 0; k < hit->n_spans; k++)
            printf ("%s[%zu,%zu]", k ? "," : "", hit->spans[k].start,
                    hit->spans[k].end);
        fputs ("]}", stdout);
    }
    fputs ("]}\n", stdout);
}

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

int
main (int argc, char **argv)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },
        { "limit", required_argument, NULL, 'n' },
        { "offset", required_argument, NULL, 'o' },
        { "format", required_argument, NULL, 'f' },
        { "count", no_argument, NULL, 'c' },
        { "files-with-matches", no_argument, NULL, 'l' },
        { "explain", no_argument, NULL, 'x' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 }
    };
    tracuu_search_options_t opts = TRACUU_SEARCH_OPTIONS_INIT;
    const char *db = getenv ("TRACUU_DB"), *format = "text";
    int c, count_only = 0, files_only = 0, explain = 0, rc = 2;
    tracuu_index_t *index = NULL;
    tracuu_results_t *results = NULL;
    char *query = NULL, *error = NULL;
    size_t qlen = 0;
    tracuu_status_t status;

    if (db == NULL || *db == '\0')
        db = "tracuu.db";
    while ((c = getopt_long (argc, argv, "n:clhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'n':
            if (parse_count (optarg, &opts.limit) || opts.limit == 0) {
                fprintf (stderr, "tracuu-query: --limit takes a number from 1 "
                         "to 100000, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'o':
            if (parse_count (optarg, &opts.offset)) {
                fprintf (stderr, "tracuu-query: --offset takes a number, "
                         "not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'f': format = optarg; break;
        case 'c': count_only = 1; break;
        case 'l': files_only = 1; break;
        case 'x': explain = 1; break;
        case 'h': fputs (usage, stdout); return 0;
        case 'V': printf ("tracuu-query %s\n", TRACUU_VERSION); return 0;
        default:
            fputs ("Try 'tracuu-query --help'.\n", stderr);
            return 2;
        }
    }
    if (strcmp (format, "text") != 0 && strcmp (format, "json") != 0) {
        fprintf (stderr, "tracuu-query: unknown --format '%s'; use text or "
                 "json\n", format);
        return 2;
    }
    if (optind >= argc) {
        fputs ("tracuu-query: no query given\nTry 'tracuu-query --help'.\n",
               stderr);
        return 2;
    }
    for (int i = optind; i < argc; i++)
        qlen += strlen (argv[i]) + 1;
    query = malloc (qlen + 1);
    if (query == NULL) {
        fputs ("tracuu-query: out of memory\n", stderr);
        return 2;
    }
    query[0] = '\0';
    for (int i = optind; i < argc; i++) {
        if (i > optind)
            strcat (query, " ");
        strcat (query, argv[i]);
    }
    status = tracuu_index_open (db, TRACUU_INDEX_READ, &index, &error);
    if (status) {
        fprintf (stderr, "tracuu-query: %s\n",
                 error ? error : tracuu_status_to_string (status));
        goto DONE;
    }
    opts.count_exactly = count_only;
    if (count_only)
        opts.limit = 1;
    status = tracuu_search (index, query, strlen (query), &opts, &results);
    if (status) {
        fprintf (stderr, "tracuu-query: %s\n", tracuu_index_last_error (index));
        goto DONE;
    }
    if (explain)
        printf ("query: %s\n", tracuu_results_explain (results));
    if (count_only)
        printf ("%u\n", tracuu_results_total (results));
    else if (files_only)
        for (size_t i = 0; i < tracuu_results_size (results); i++)
            puts (display_path (tracuu_results_hit (results, i)->path));
    else if (strcmp (format, "json") == 0)
        print_json (results, query);
    else
        print_text (results, isatty (STDOUT_FILENO) && getenv ("NO_COLOR") == NULL);
    rc = tracuu_results_size (results) > 0 ? 0 : 1;

  DONE:
    tracuu_results_destroy (results);
    tracuu_index_close (index);
    free (error);
    free (query);
    return rc;
}
