/*
 * Each public header compiles on its own, twice in a row (its include
 * guard), as strict C99 and as C++, with every warning an error: a
 * program can include any one of them first. The private header of each
 * layer of lib/ compiles alone too, and there is one a layer.
 */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The tests run in tests/: the headers are in ../include/tracuu/. */
#define HEADERS "../include/tracuu"

/* Compile a file that includes 'header' with 'compiler' and 'flags';
 * the compiler's exit status, its messages in 'log'. */
static int
compile (const char *dir, const char *header, const char *compiler,
         const char *flags, const char *ext, char *log, size_t size)
{
    char src[512], cmd[2048];
    FILE *f, *p;
    size_t n;
    int status;

    snprintf (src, sizeof src, "%s/t.%s", dir, ext);
    f = fopen (src, "w");
    cr_assert_not_null (f);
    fprintf (f, "#include \"tracuu/%s\"\n#include \"tracuu/%s\"\n"
             "typedef int header_test_t;\n", header, header);
    fclose (f);
    snprintf (cmd, sizeof cmd, "%s %s -fsyntax-only -I../include %s 2>&1",
              compiler, flags, src);
    p = popen (cmd, "r");
    cr_assert_not_null (p, "%s", cmd);
    n = fread (log, 1, size - 1, p);
    log[n] = '\0';
    status = pclose (p);
    return status;
}

Test (headers, compile_alone_in_c_and_cpp)
{
    static const struct { const char *cc, *flags, *ext; } langs[] = {
        { "cc", "-std=c99 -pedantic -Wall -Wextra -Wstrict-prototypes -Werror",
          "c" },
        { "c++", "-std=c++11 -pedantic -Wall -Wextra -Werror", "cc" },
    };
    char dir[] = "/tmp/tracuu-headers.XXXXXX", log[4096];
    DIR *d = opendir (HEADERS);
    struct dirent *de;
    size_t headers = 0;

    cr_assert_not_null (d, "%s: %s", HEADERS, strerror (errno));
    cr_assert_not_null (mkdtemp (dir));
    while ((de = readdir (d)) != NULL) {
        size_t len = strlen (de->d_name);

        if (len < 3 || strcmp (de->d_name + len - 2, ".h") != 0)
            continue;
        headers++;
        for (size_t i = 0; i < sizeof langs / sizeof langs[0]; i++)
            cr_expect_eq (compile (dir, de->d_name, langs[i].cc, langs[i].flags,
                                   langs[i].ext, log, sizeof log), 0,
                          "%s as %s: %s", de->d_name, langs[i].ext, log);
    }
    closedir (d);
    cr_expect_geq (headers, 10, "found %zu headers", headers);
    snprintf (log, sizeof log, "%s/t.c", dir);
    unlink (log);
    snprintf (log, sizeof log, "%s/t.cc", dir);
    unlink (log);
    rmdir (dir);
}

/* The same for the private header of each layer (the .h of lib/LAYER/), as
 * C11 with the library's own definitions: a file of the library can
 * include any one of them first. */
Test (headers, private_headers_compile_alone)
{
    static const char *const layers[] = {
        "util", "decode", "analysis", "extract", "index", "search",
        "question", "answer", "xapian",
    };
    char dir[] = "/tmp/tracuu-headers.XXXXXX", src[512], cmd[2048];
    char log[4096];
    size_t headers = 0;

    cr_assert_not_null (mkdtemp (dir));
    snprintf (src, sizeof src, "%s/t.c", dir);
    for (size_t i = 0; i < sizeof layers / sizeof layers[0]; i++) {
        char path[256];
        DIR *d;
        struct dirent *de;

        snprintf (path, sizeof path, "../lib/%s", layers[i]);
        d = opendir (path);
        cr_assert_not_null (d, "%s: %s", path, strerror (errno));
        while ((de = readdir (d)) != NULL) {
            size_t len = strlen (de->d_name), n;
            FILE *f, *p;
            int status;

            if (len < 3 || strcmp (de->d_name + len - 2, ".h") != 0)
                continue;
            headers++;
            f = fopen (src, "w");
            cr_assert_not_null (f);
            fprintf (f, "#include \"%s/%s\"\n#include \"%s/%s\"\n"
                     "typedef int header_test_t;\n", layers[i], de->d_name,
                     layers[i], de->d_name);
            fclose (f);
            snprintf (cmd, sizeof cmd, "cc -std=c11 -D_GNU_SOURCE -Wall -Wextra "
                      "-Wstrict-prototypes -Werror -fsyntax-only -I../include "
                      "-I../lib %s 2>&1", src);
            p = popen (cmd, "r");
            cr_assert_not_null (p, "%s", cmd);
            n = fread (log, 1, sizeof log - 1, p);
            log[n] = '\0';
            status = pclose (p);
            cr_expect_eq (status, 0, "%s/%s: %s", layers[i], de->d_name, log);
        }
        closedir (d);
    }
    /* One a layer but the binding, which has none. */
    cr_expect_eq (headers, 8, "found %zu private headers", headers);
    unlink (src);
    rmdir (dir);
}
