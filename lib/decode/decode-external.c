/*
 * Formats read through external converters: .pdf with pdftotext
 * (poppler-utils), .doc with antiword or else catdoc. The converter runs
 * with posix_spawnp (arguments as argv, never through a shell), stdin
 * and stderr on /dev/null, under a time limit; its stdout is the text.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"

extern char **environ;

/* Milliseconds since some fixed point. */
static long long
now_ms (void)
{
    struct timespec ts;

    clock_gettime (CLOCK_MONOTONIC, &ts);
    return (long long) ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Run argv[0] (searched in PATH) and collect its stdout into 'buf'.
 * Returns EXTERNAL_TOOL with *missing set when the tool is not found. */
static tracuu_status_t
run_tool (char *const argv[], unsigned timeout_seconds,
          tracuu_decode_buf_t *buf, int *missing, tracuu_decoded_t *out)
{
    posix_spawn_file_actions_t actions;
    tracuu_status_t status = TRACUU_STATUS_OK;
    int pipefd[2] = { -1, -1 }, rc, wstatus = 0, timed_out = 0;
    long long deadline = now_ms () + (long long) timeout_seconds * 1000;
    pid_t pid = -1;
    char chunk[65536];

    *missing = 0;
    if (pipe2 (pipefd, O_CLOEXEC) < 0) {
        tracuu_decode__set_error (out, "cannot create a pipe: %s",
                                  strerror (errno));
        return TRACUU_STATUS_IO_ERROR;
    }
    posix_spawn_file_actions_init (&actions);
    posix_spawn_file_actions_addopen (&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2 (&actions, pipefd[1], 1);
    posix_spawn_file_actions_addopen (&actions, 2, "/dev/null", O_WRONLY, 0);
    rc = posix_spawnp (&pid, argv[0], &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy (&actions);
    close (pipefd[1]);
    if (rc != 0) {
        *missing = rc == ENOENT;
        tracuu_decode__set_error (out, "cannot run %s: %s", argv[0],
                                  strerror (rc));
        status = TRACUU_STATUS_EXTERNAL_TOOL;
        goto DONE;
    }
    for (;;) {
        struct pollfd pfd = { pipefd[0], POLLIN, 0 };
        long long left = deadline - now_ms ();
        ssize_t n;

        if (timeout_seconds && left <= 0) {
            timed_out = 1;
            break;
        }
        rc = poll (&pfd, 1, timeout_seconds ? (int) (left > 60000 ? 60000 : left)
                                            : -1);
        if (rc < 0 && errno == EINTR)
            continue;
        if (rc == 0)
            continue;
        n = read (pipefd[0], chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        tracuu_decode__buf_append (buf, chunk, (size_t) n);
        if (buf->status)
            break;
    }
    if (timed_out || buf->status)
        kill (pid, SIGKILL);
    while (waitpid (pid, &wstatus, 0) < 0 && errno == EINTR)
        ;
    if (timed_out) {
        tracuu_decode__set_error (out, "%s timed out after %u s", argv[0],
                                  timeout_seconds);
        status = TRACUU_STATUS_EXTERNAL_TOOL;
    } else if (buf->status == TRACUU_STATUS_LIMIT_EXCEEDED) {
        tracuu_decode__set_error (out, "%s output exceeds the limit of %.1f "
                                  "MB", argv[0], buf->limit / 1048576.0);
        out->over_text_limit = 1;
        status = buf->status;
    } else if (buf->status) {
        status = buf->status;
    } else if (!WIFEXITED (wstatus) || WEXITSTATUS (wstatus) != 0) {
        *missing = WIFEXITED (wstatus) && WEXITSTATUS (wstatus) == 127;
        if (WIFEXITED (wstatus))
            tracuu_decode__set_error (out, "%s failed (exit status %d)",
                                      argv[0], WEXITSTATUS (wstatus));
        else
            tracuu_decode__set_error (out, "%s killed by signal %d", argv[0],
                                      WTERMSIG (wstatus));
        status = TRACUU_STATUS_EXTERNAL_TOOL;
    }

  DONE:
    close (pipefd[0]);
    return status;
}

/* Write 'bytes' to a new temporary file; its name goes to 'path'. */
static tracuu_status_t
write_temp (const char *bytes, size_t len, char *path, size_t size,
            tracuu_decoded_t *out)
{
    const char *dir = getenv ("TMPDIR");
    int fd;

    snprintf (path, size, "%s/tracuu-XXXXXX", dir && *dir ? dir : "/tmp");
    fd = mkstemp (path);
    if (fd < 0) {
        tracuu_decode__set_error (out, "cannot create a temporary file: %s",
                                  strerror (errno));
        path[0] = '\0';
        return TRACUU_STATUS_IO_ERROR;
    }
    while (len > 0) {
        ssize_t n = write (fd, bytes, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            tracuu_decode__set_error (out, "cannot write a temporary file: %s",
                                      strerror (errno));
            close (fd);
            return TRACUU_STATUS_IO_ERROR;
        }
        bytes += n;
        len -= (size_t) n;
    }
    close (fd);
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_decode__external (const char *format, const char *path,
                         const char *bytes, size_t len,
                         const tracuu_decode_options_t *opts,
                         tracuu_decoded_t *out)
{
    tracuu_status_t status = TRACUU_STATUS_OK;
    tracuu_decode_buf_t buf;
    char temp[4096] = "", *dashed = NULL;
    int missing = 0, is_pdf = strcmp (format, "pdf") == 0;
    size_t i;

    tracuu_decode__buf_init (&buf, tracuu_decode__output_limit (opts));
    out->format = is_pdf ? "pdf" : "doc";
    out->encoding = "utf-8";
    if (path == NULL) {
        status = write_temp (bytes, len, temp, sizeof temp, out);
        if (status)
            goto DONE;
        path = temp;
    }
    if (path[0] == '-') {
        /* The converters take no "--": keep the name from looking like
         * an option. */
        if (asprintf (&dashed, "./%s", path) < 0) {
            dashed = NULL;
            status = TRACUU_STATUS_OUT_OF_MEMORY;
            goto DONE;
        }
        path = dashed;
    }
    if (is_pdf) {
        char *argv[] = { (char *) "pdftotext", (char *) "-q", (char *) "-enc",
                         (char *) "UTF-8", (char *) path,
                         (char *) "-", NULL };

        status = run_tool (argv, opts->timeout_seconds, &buf, &missing, out);
        if (missing)
            tracuu_decode__set_error (out, "pdftotext not found; install "
                                      "poppler-utils");
    } else {
        char *antiword[] = { (char *) "antiword", (char *) "-m",
                             (char *) "UTF-8.txt", (char *) path,
                             NULL };
        char *catdoc[] = { (char *) "catdoc", (char *) "-d", (char *) "utf-8",
                           (char *) path, NULL };

        status = run_tool (antiword, opts->timeout_seconds, &buf, &missing,
                           out);
        if (missing) {
            tracuu_decode__buf_dispose (&buf);
            status = run_tool (catdoc, opts->timeout_seconds, &buf, &missing,
                               out);
        }
        if (missing)
            tracuu_decode__set_error (out, "antiword or catdoc not found; "
                                      "install antiword");
    }
    if (status)
        goto DONE;
    /* Page breaks become line breaks, except in PDF text, where
     * tracuu_decode__pdf() keeps them. */
    for (i = 0; i < buf.len && !is_pdf; i++)
        if (buf.data[i] == '\f')
            buf.data[i] = '\n';
    status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    if (temp[0])
        unlink (temp);
    free (dashed);
    tracuu_decode__buf_dispose (&buf);
    return status;
}

tracuu_status_t
tracuu_decode__run_tool (char *const argv[], unsigned timeout_seconds,
                         tracuu_decode_buf_t *buf, int *missing,
                         tracuu_decoded_t *out)
{
    return run_tool (argv, timeout_seconds, buf, missing, out);
}

tracuu_status_t
tracuu_decode__write_temp (const char *bytes, size_t len, char *path,
                           size_t size, tracuu_decoded_t *out)
{
    return write_temp (bytes, len, path, size, out);
}
