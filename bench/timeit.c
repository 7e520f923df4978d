/*
 * bench/timeit.c: run a command N times, each as a new process, and
 * print its wall times with a monotonic nanosecond clock.
 *
 *   timeit [-n N] [-w W] [-o FILE] [-r FILE] -- COMMAND [ARG...]
 *
 * -w W: warm-up runs, not timed (default 0). -n N: timed runs (default
 * 1). -o FILE: standard output of the last run goes to FILE (the others
 * to /dev/null). -r FILE: each timed run's milliseconds are appended to
 * FILE, one a line, so that a caller can pool the runs of several
 * commands (the percentiles of a whole query set). Prints one line: "median_ms p95_ms p99_ms min_ms
 * max_ms exit_code" (nearest-rank percentiles) and exits 0, or exits 2
 * when the command cannot be run or is killed by a signal.
 */
#define _POSIX_C_SOURCE 200809L

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double
now_ms (void)
{
    struct timespec ts;

    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (double) ts.tv_sec * 1e3 + (double) ts.tv_nsec / 1e6;
}

/* Run argv once; returns its exit code, or -1. */
static int
run (char **argv, const char *out_path)
{
    pid_t pid = fork ();
    int status;

    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open (out_path ? out_path : "/dev/null",
                       O_WRONLY | O_CREAT | O_TRUNC, 0666);

        if (fd >= 0) {
            dup2 (fd, 1);
            close (fd);
        }
        execvp (argv[0], argv);
        perror (argv[0]);
        _exit (127);
    }
    if (waitpid (pid, &status, 0) < 0 || !WIFEXITED (status))
        return -1;
    return WEXITSTATUS (status);
}

static int
cmp_double (const void *a, const void *b)
{
    double x = *(const double *) a, y = *(const double *) b;

    return (x > y) - (x < y);
}

static double
rank (const double *v, int n, double p)
{
    int k = (int) (p * n + 0.999999);

    if (k < 1)
        k = 1;
    if (k > n)
        k = n;
    return v[k - 1];
}

int
main (int argc, char **argv)
{
    int n = 1, w = 0, i, code = 0;
    const char *out = NULL, *raw = NULL;
    double *t;

    for (i = 1; i < argc && strcmp (argv[i], "--") != 0; i++) {
        if (strcmp (argv[i], "-n") == 0 && i + 1 < argc)
            n = atoi (argv[++i]);
        else if (strcmp (argv[i], "-w") == 0 && i + 1 < argc)
            w = atoi (argv[++i]);
        else if (strcmp (argv[i], "-o") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (strcmp (argv[i], "-r") == 0 && i + 1 < argc)
            raw = argv[++i];
        else {
            fprintf (stderr, "usage: timeit [-n N] [-w W] [-o FILE] [-r FILE] -- CMD...\n");
            return 2;
        }
    }
    if (i + 1 >= argc || n < 1) {
        fprintf (stderr, "usage: timeit [-n N] [-w W] [-o FILE] [-r FILE] -- CMD...\n");
        return 2;
    }
    argv += i + 1;
    t = malloc ((size_t) n * sizeof *t);
    if (t == NULL)
        return 2;
    for (i = 0; i < w; i++)
        if (run (argv, NULL) < 0)
            return 2;
    for (i = 0; i < n; i++) {
        double t0 = now_ms ();

        code = run (argv, i == n - 1 ? out : NULL);
        t[i] = now_ms () - t0;
        if (code < 0 || code == 127)
            return 2;
    }
    if (raw != NULL) {
        FILE *f = fopen (raw, "a");

        if (f == NULL) {
            perror (raw);
            free (t);
            return 2;
        }
        for (i = 0; i < n; i++)
            fprintf (f, "%.2f\n", t[i]);
        if (fclose (f) != 0) {
            perror (raw);
            free (t);
            return 2;
        }
    }
    qsort (t, (size_t) n, sizeof *t, cmp_double);
    printf ("%.2f %.2f %.2f %.2f %.2f %d\n", rank (t, n, 0.5), rank (t, n, 0.95),
            rank (t, n, 0.99), t[0], t[n - 1], code);
    free (t);
    return 0;
}
