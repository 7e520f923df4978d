/* tracuu-index: index report files and folders into a tracuu database. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tracuu/analysis.h"
#include "tracuu/decode.h"
#include "tracuu/display.h"
#include "tracuu/extract.h"
#include "tracuu/index.h"
#include "tracuu/version.h"
#include "tracuu/xapian-c.h"

static const char usage[] =
    "Usage: tracuu-index [OPTION]... PATH...\n"
    "  or:  tracuu-index --extract [--format json|jsonl] FILE...\n"
    "  or:  tracuu-index --text [--ocr=MODE] FILE...\n"
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
    "  --ocr=MODE        read text by OCR (Tesseract, Vietnamese): auto (the\n"
    "                    default: PDF pages without text, and images), never,\n"
    "                    or always (every PDF page)\n"
    "  -q, --quiet       no progress line and no summary\n"
    "  --color WHEN      terminal escapes (progress line, file names in bold):\n"
    "                    auto (on a terminal, unless NO_COLOR is set or TERM\n"
    "                    is dumb), always or never\n"
    "  --extract         print what is extracted from FILEs (metadata,\n"
    "                    entities, cases) instead of indexing them\n"
    "  --format FORMAT   with --extract: json (default) or jsonl\n"
    "  --text            print the text of FILEs as it is indexed (pages\n"
    "                    separated by form feeds)\n"
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
    int color;                  /* Escapes on stderr (--color). */
    int quiet;
    size_t done;
    struct timespec last;
    size_t shown;               /* Columns of the progress line on screen. */
} progress_t;

/* A file name as messages show it: relative to the current directory,
 * escaped (see tracuu_display_escape()); free() it. */
static char *
shown (const char *path)
{
    const char *rel = tracuu_display_path (path);

    return tracuu_display_escape (rel, strlen (rel));
}

/* Without escapes, a line is erased by writing blanks over it. */
static void
clear_progress (progress_t *p)
{
    if (p->shown == 0)
        return;
    if (p->color)
        fputs ("\r\033[K", stderr);
    else
        fprintf (stderr, "\r%*s\r", (int) p->shown, "");
    p->shown = 0;
}

/* "tracuu-index: FILE: REASON", the file in bold under --color. */
static void
file_message (int color, const char *file, const char *reason,
              const char *tag)
{
    fprintf (stderr, "tracuu-index: %s%s%s: %s%s\n", color ? "\033[1m" : "",
             file, color ? "\033[0m" : "", reason, tag);
}

/* "N files  PATH", the path cut to 60 columns on a character boundary. */
static void
show_progress (progress_t *p, const char *path)
{
    size_t len = tracuu_display_fit (path, strlen (path), 60);
    size_t width = (size_t) snprintf (NULL, 0, "%zu files  ", p->done)
                   + tracuu_display_width (path, len);

    if (p->color)
        fprintf (stderr, "\r\033[K%zu files  %.*s", p->done, (int) len, path);
    else
        fprintf (stderr, "\r%zu files  %.*s%*s", p->done, (int) len, path,
                 p->shown > width ? (int) (p->shown - width) : 0, "");
    p->shown = width;
}

static void
on_file (void *payload, const char *path, tracuu_outcome_t outcome,
         const char *reason)
{
    progress_t *p = payload;
    struct timespec now;
    char *name;

    p->done++;
    if (reason != NULL) {
        const char *tag = outcome == TRACUU_FILE_SKIPPED ? " (skipped)"
                          : outcome == TRACUU_FILE_INDEXED ? " (indexed)" : "";

        name = shown (path);
        clear_progress (p);
        file_message (p->color, name ? name : path, reason, tag);
        free (name);
    }
    if (!p->tty || p->quiet)
        return;
    clock_gettime (CLOCK_MONOTONIC, &now);
    if (now.tv_sec * 1000000000L + now.tv_nsec
        - (p->last.tv_sec * 1000000000L + p->last.tv_nsec) < 100000000L)
        return;
    p->last = now;
    name = shown (path);
    show_progress (p, name ? name : "");
    free (name);
}

/* Flush standard output: 0, or 2 after saying why writing failed. */
static int
finish_output (void)
{
    errno = 0;
    if (fflush (stdout) != 0 || ferror (stdout)) {
        fprintf (stderr, "tracuu-index: cannot write the output: %s\n",
                 strerror (errno ? errno : EIO));
        return 2;
    }
    return 0;
}

/* --text: print each file's decoded, normalized text; 1 if any failed. */
static int
text_files (char **files, int n, const char *encoding, int ocr)
{
    tracuu_decode_options_t dopts = TRACUU_DECODE_OPTIONS_INIT;
    int failed = 0;

    dopts.encoding = encoding;
    dopts.ocr = (tracuu_ocr_mode_t) ocr;
    for (int i = 0; i < n; i++) {
        tracuu_decoded_t dec = { 0 };
        char *text = NULL, *name = shown (files[i]);
        size_t len = 0;

        if (tracuu_decode_file (files[i], &dopts, &dec)) {
            fprintf (stderr, "tracuu-index: %s: %s\n", name ? name : files[i],
                     dec.error);
            failed = 1;
        } else if (tracuu_normalize (dec.text, dec.len, &text, &len, NULL)) {
            fprintf (stderr, "tracuu-index: %s: cannot normalize\n",
                     name ? name : files[i]);
            failed = 1;
        } else {
            if (dec.unread_pages)
                fprintf (stderr, "tracuu-index: %s: %u page%s without text "
                         "not read: %s\n", name ? name : files[i],
                         dec.unread_pages, dec.unread_pages == 1 ? "" : "s",
                         dec.unread_reason);
            fwrite (text, 1, len, stdout);
            if (len > 0 && text[len - 1] != '\n')
                putchar ('\n');
        }
        free (name);
        free (text);
        tracuu_decoded_dispose (&dec);
    }
    return finish_output () ? 2 : failed;
}

/* --extract: print each file's extraction; 1 if any file failed, 2 if
 * the output could not be written (then the run stops). */
static int
extract_files (char **files, int n, const char *encoding, int jsonl,
               int color)
{
    int failed = 0;

    for (int i = 0; i < n; i++) {
        tracuu_extraction_t *x = NULL;
        char *error = NULL;
        tracuu_status_t st;

        if (tracuu_extract_file (files[i], encoding, &x, &error)) {
            char *name = shown (files[i]);

            file_message (color, name ? name : files[i],
                          error ? error : "cannot extract", "");
            free (name);
            failed = 1;
        } else if ((st = tracuu_extraction_write_json (x, files[i], jsonl,
                                                       stdout)) != 0) {
            int e = errno;

            fprintf (stderr, "tracuu-index: cannot write the output: %s\n",
                     st == TRACUU_STATUS_IO_ERROR && e ? strerror (e)
                                                       : tracuu_status_to_string (st));
            free (error);
            tracuu_extraction_destroy (x);
            return 2;
        }
        free (error);
        tracuu_extraction_destroy (x);
    }
    return finish_output () ? 2 : failed;
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

/* What the run has committed so far, for a fatal failure in Xapian. */
static const tracuu_index_stats_t *fatal_stats;
static const char *fatal_db;
static int fatal_quiet;

/* The disk filled at a point of a commit where libxapian aborts the
 * process: say so in one line, and what is stored, as a failed commit
 * would. */
static void
on_fatal (const char *reason)
{
    fprintf (stderr, "tracuu-index: cannot write to index '%s': %s; what was "
             "committed before is kept, the next run indexes the rest\n",
             fatal_db, reason);
    if (!fatal_quiet && fatal_stats != NULL)
        printf ("indexed %zu, unchanged %zu, removed %zu, failed %zu, "
                "skipped %zu\n", fatal_stats->indexed, fatal_stats->unchanged,
                fatal_stats->removed, fatal_stats->failed, fatal_stats->skipped);
    fflush (stdout);
    fflush (stderr);
    _exit (2);
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
        { "color", required_argument, NULL, 'K' },
        { "ocr", required_argument, NULL, 'o' },
        { "text", no_argument, NULL, 'T' },
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
    int c, flags = TRACUU_INDEX_WRITE, extract = 0, compact = 0, text = 0;
    int check = 0;
    const char *format = "json";
    tracuu_color_t color = TRACUU_COLOR_AUTO;
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
        case 'K':
            if (tracuu_display_color_parse (optarg, &color)) {
                fprintf (stderr, "tracuu-index: --color takes auto, always or "
                         "never, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'T': text = 1; break;
        case 'o':
            if (strcmp (optarg, "auto") == 0)
                opts.ocr = TRACUU_OCR_AUTO;
            else if (strcmp (optarg, "never") == 0)
                opts.ocr = TRACUU_OCR_NEVER;
            else if (strcmp (optarg, "always") == 0)
                opts.ocr = TRACUU_OCR_ALWAYS;
            else {
                fprintf (stderr, "tracuu-index: unknown --ocr '%s'; use auto, "
                         "never or always\n", optarg);
                return 2;
            }
            break;
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
    progress.color = tracuu_display_use_color (STDERR_FILENO, color);
    if (text) {
        int failed = text_files (argv + optind, argc - optind, opts.encoding,
                                 opts.ocr);

        tracuu_decode_thread_done ();
        return failed;
    }
    if (extract)
        return extract_files (argv + optind, argc - optind, opts.encoding,
                              strcmp (format, "jsonl") == 0, progress.color);
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
    memset (&stats, 0, sizeof stats);
    fatal_stats = &stats;
    fatal_db = db;
    fatal_quiet = progress.quiet;
    xapc_set_fatal_handler (on_fatal);
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
    if (finish_output () || status)
        return 2;
    return stats.failed ? 1 : 0;
}
