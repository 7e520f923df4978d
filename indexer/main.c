/* tracuu-index: index report files and folders into a tracuu database. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tracuu/decode.h"
#include "tracuu/display.h"
#include "tracuu/extract.h"
#include "tracuu/index.h"
#include "tracuu/version.h"

static const char usage[] =
    "Usage: tracuu-index [OPTION]... PATH...\n"
    "  or:  tracuu-index --extract [--format json|jsonl] FILE...\n"
    "  or:  tracuu-index --check [--db DIR]\n"
    "Index report files and folders (recursively) into a tracuu database.\n"
    "New and changed files are indexed, unchanged ones skipped, and files\n"
    "gone from an indexed folder removed.\n"
    "\n"
    "  --db DIR          database (default: $TRACUU_DB, else ./tracuu.db)\n"
    "  --encoding NAME   read text files in NAME (utf-8, windows-1258, tcvn3,\n"
    "                    vni-windows, viscii, utf-16le, utf-16be)\n"
    "  --force           re-index files even when unchanged\n"
    "  -L, --follow      follow symbolic links out of the folders given\n"
    "                    (not followed by default)\n"
    "  --max-size MB     files larger than this fail (default 64)\n"
    "  --max-text MB     files whose text is longer once decoded (gzip, docx,\n"
    "                    HTML...) fail (default 64)\n"
    "  --batch-size MB   commit after this much text (default 64)\n"
    "  --wait            wait for another indexer instead of failing\n"
    "  --compact         rewrite the index compactly when done (smaller after\n"
    "                    large runs)\n"
    "  -j, --jobs N      threads reading and analyzing files (default: one\n"
    "                    per core)\n"
    "  -q, --quiet       no progress line and no summary\n"
    "  --extract         print what is extracted from FILEs (metadata,\n"
    "                    entities, cases) instead of indexing them\n"
    "  --format FORMAT   with --extract: json (default) or jsonl\n"
    "  --check           check the database (Xapian's check of its tables,\n"
    "                    then every stored path and text) and say what is\n"
    "                    damaged; exit 2 if anything is\n"
    "  -h, --help        show this help\n"
    "  -V, --version     show the version\n"
    "\n"
    "Exit status: 0 when every file was indexed or unchanged, 1 when some\n"
    "file failed, 2 on usage or database errors.\n";

typedef struct progress {
    int tty;                    /* Progress line on stderr. */
    int quiet;
    size_t done;
    struct timespec last;
    int shown;                  /* A progress line is on screen. */
} progress_t;

static void
clear_progress (progress_t *p)
{
    if (p->shown) {
        fputs ("\r\033[K", stderr);
        p->shown = 0;
    }
}

static void
on_file (void *payload, const char *path, tracuu_outcome_t outcome,
         const char *reason)
{
    progress_t *p = payload;
    struct timespec now;

    p->done++;
    if (reason != NULL) {
        const char *tag = outcome == TRACUU_FILE_SKIPPED ? " (skipped)"
                          : outcome == TRACUU_FILE_INDEXED ? " (indexed)" : "";


        clear_progress (p);
        fprintf (stderr, "tracuu-index: %s: %s%s\n", tracuu_display_path (path),
                 reason, tag);
    }
    if (!p->tty || p->quiet)
        return;
    clock_gettime (CLOCK_MONOTONIC, &now);
    if (now.tv_sec * 1000000000L + now.tv_nsec
        - (p->last.tv_sec * 1000000000L + p->last.tv_nsec) < 100000000L)
        return;
    p->last = now;
    fprintf (stderr, "\r\033[K%zu files  %.60s", p->done, tracuu_display_path (path));
    p->shown = 1;
}

/* --extract: print each file's extraction; 1 if any file failed. */
static int
extract_files (char **files, int n, const char *encoding, int jsonl)
{
    int failed = 0;

    for (int i = 0; i < n; i++) {
        tracuu_extraction_t *x = NULL;
        char *error = NULL;

        if (tracuu_extract_file (files[i], encoding, &x, &error)) {
            fprintf (stderr, "tracuu-index: %s: %s\n", files[i],
                     error ? error : "cannot extract");
            failed = 1;
        } else if (tracuu_extraction_write_json (x, files[i], jsonl, stdout)) {
            fprintf (stderr, "tracuu-index: %s: cannot write output\n",
                     files[i]);
            failed = 1;
        }
        free (error);
        tracuu_extraction_destroy (x);
    }
    return failed;
}

/* Each line of 'notes' on stderr, as the program's. */
static void
print_notes (const char *notes)
{
    while (*notes) {
        size_t n = strcspn (notes, "\n");

        fprintf (stderr, "tracuu-index: %.*s\n", (int) n, notes);
        notes += n + (notes[n] == '\n');
    }
}

/* --check: 0 when no error is found, 2 otherwise. */
static int
check_index (const char *db)
{
    char *report = NULL;
    size_t errors = 0;
    tracuu_status_t status = tracuu_index_check (db, &report, &errors);

    if (status == TRACUU_STATUS_OK && errors == 0)
        printf ("%s\n", report ? report : "no errors found");
    else
        fprintf (stderr, "tracuu-index: %s\n",
                 report ? report : tracuu_status_to_string (status));
    free (report);
    return status == TRACUU_STATUS_OK && errors == 0 ? 0 : 2;
}

int
main (int argc, char **argv)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },
        { "encoding", required_argument, NULL, 'e' },
        { "force", no_argument, NULL, 'f' },
        { "follow", no_argument, NULL, 'L' },
        { "max-size", required_argument, NULL, 'm' },
        { "max-text", required_argument, NULL, 't' },
        { "batch-size", required_argument, NULL, 'b' },
        { "wait", no_argument, NULL, 'w' },
        { "jobs", required_argument, NULL, 'j' },
        { "compact", no_argument, NULL, 'k' },
        { "quiet", no_argument, NULL, 'q' },
        { "extract", no_argument, NULL, 'x' },
        { "check", no_argument, NULL, 'c' },
        { "format", required_argument, NULL, 'F' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 }
    };
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    progress_t progress = { 0 };
    const char *db = getenv ("TRACUU_DB");
    tracuu_index_t *index = NULL;
    char *error = NULL;
    int c, flags = TRACUU_INDEX_WRITE, extract = 0, compact = 0, check = 0;
    const char *format = "json";
    tracuu_status_t status;

    if (db == NULL || *db == '\0')
        db = "tracuu.db";
    while ((c = getopt_long (argc, argv, "qj:LhV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': db = optarg; break;
        case 'e': opts.encoding = optarg; break;
        case 'f': opts.force = 1; break;
        case 'L': opts.follow_symlinks = 1; break;
        case 'm':
        case 't':
        case 'b': {
            char *end;
            double mb = strtod (optarg, &end);

            if (*optarg == '\0' || *end != '\0' || !(mb > 0 && mb <= 1e6)) {
                fprintf (stderr, "tracuu-index: --%s takes a size in MB, "
                         "not '%s'\n", c == 'm' ? "max-size"
                         : c == 't' ? "max-text" : "batch-size", optarg);
                return 2;
            }
            if (c == 'm')
                opts.max_file_bytes = (size_t) (mb * 1048576.0);
            else if (c == 't')
                opts.max_text_bytes = (size_t) (mb * 1048576.0);
            else
                opts.commit_bytes = (size_t) (mb * 1048576.0);
            break;
        }
        case 'w': flags |= TRACUU_INDEX_WAIT; break;
        case 'j': {
            char *end;
            long n = strtol (optarg, &end, 10);

            if (*optarg == '\0' || *end != '\0' || n < 1 || n > 8) {
                fprintf (stderr, "tracuu-index: --jobs takes a number from 1 "
                         "to 8, not '%s'\n", optarg);
                return 2;
            }
            opts.workers = (unsigned) n;
            break;
        }
        case 'q': progress.quiet = 1; break;
        case 'x': extract = 1; break;
        case 'c': check = 1; break;
        case 'k': compact = 1; break;
        case 'F': format = optarg; break;
        case 'h': fputs (usage, stdout); return 0;
        case 'V': printf ("tracuu-index %s\n", TRACUU_VERSION); return 0;
        default:
            fputs ("Try 'tracuu-index --help'.\n", stderr);
            return 2;
        }
    }
    if (check) {
        if (optind < argc) {
            fputs ("tracuu-index: --check takes no file or folder; it checks "
                   "the database\n", stderr);
            return 2;
        }
        return check_index (db);
    }
    if (optind >= argc) {
        fputs ("tracuu-index: no file or folder given\n"
               "Try 'tracuu-index --help'.\n", stderr);
        return 2;
    }
    if (strcmp (format, "json") != 0 && strcmp (format, "jsonl") != 0) {
        fprintf (stderr, "tracuu-index: unknown --format '%s'; use json or "
                 "jsonl\n", format);
        return 2;
    }
    if (opts.encoding != NULL && !tracuu_decode_encoding_known (opts.encoding)) {
        fprintf (stderr, "tracuu-index: unknown --encoding '%s'; use utf-8, "
                 "utf-16le, utf-16be, windows-1258, tcvn3, vni-windows or "
                 "viscii\n", opts.encoding);
        return 2;
    }
    if (extract)
        return extract_files (argv + optind, argc - optind, opts.encoding,
                              strcmp (format, "jsonl") == 0);
    status = tracuu_index_open (db, flags, &index, &error);
    if (status) {
        fprintf (stderr, "tracuu-index: %s\n",
                 error ? error : tracuu_status_to_string (status));
        free (error);
        return 2;
    }
    if (*tracuu_index_notes (index))
        print_notes (tracuu_index_notes (index));
    progress.tty = isatty (STDERR_FILENO);
    opts.on_file = on_file;
    opts.payload = &progress;
    status = tracuu_index_update (index, (const char *const *) argv + optind,
                                  (size_t) (argc - optind), &opts, &stats);
    clear_progress (&progress);
    if (status == TRACUU_STATUS_OK && compact)
        status = tracuu_index_compact (index);
    if (status)
        fprintf (stderr, "tracuu-index: %s\n", tracuu_index_last_error (index));
    tracuu_index_close (index);
    if (!progress.quiet)
        printf ("indexed %zu, unchanged %zu, removed %zu, failed %zu, "
                "skipped %zu in %.2f s\n", stats.indexed, stats.unchanged,
                stats.removed, stats.failed, stats.skipped, stats.seconds);
    if (status)
        return 2;
    return stats.failed ? 1 : 0;
}
