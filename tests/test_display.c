/* Terminal widths of text, and whether output gets terminal escapes:
 * --color and its environment. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracuu/display.h"

static size_t
width (const char *s)
{
    return tracuu_display_width (s, strlen (s));
}

Test (display, width)
{
    /* Vietnamese: precomposed (NFC) and decomposed (NFD) alike. */
    cr_expect_eq (width ("Nguyễn"), 6);
    cr_expect_eq (width ("Nguye\xcc\x82\xcc\x83n"), 6, "NFD");
    cr_expect_eq (width ("Bắc Giang"), 9);
    cr_expect_eq (width ("đồng"), 4);
    /* Wide and full-width characters take two columns. */
    cr_expect_eq (width ("中文"), 4);
    cr_expect_eq (width ("ＡＢ"), 4);
    cr_expect_eq (width ("한국"), 4);
    /* Hangul written as jamo: the vowel and final join the initial. */
    cr_expect_eq (width ("\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"), 2);
    /* Format characters, controls and C1 controls take none. */
    cr_expect_eq (width ("a\xe2\x80\x8b" "b"), 2, "zero width space");
    cr_expect_eq (width ("a\tb\x7f"), 2);
    cr_expect_eq (width ("a\xc2\x85" "b"), 2, "NEL");
    cr_expect_eq (width ("…"), 1);
    /* An invalid byte is one replacement character. */
    cr_expect_eq (width ("a\xff" "b"), 3);
}

Test (display, fit)
{
    const char *nfd = "Nguye\xcc\x82\xcc\x83n Va\xcc\x86n";
    const char *wide = "ab中文";

    /* A cut keeps a letter's combining marks with it. */
    cr_expect_eq (tracuu_display_fit (nfd, strlen (nfd), 5), 9);
    cr_expect_eq (tracuu_display_fit (nfd, strlen (nfd), 4), 4);
    cr_expect_eq (tracuu_display_fit ("Nguyễn", strlen ("Nguyễn"), 5), 7);
    /* A wide character that does not fit whole is left out. */
    cr_expect_eq (tracuu_display_fit (wide, strlen (wide), 3), 2);
    cr_expect_eq (tracuu_display_fit (wide, strlen (wide), 4), 5);
    cr_expect_eq (tracuu_display_fit (wide, strlen (wide), 100), strlen (wide));
    cr_expect_eq (tracuu_display_fit (wide, strlen (wide), 0), 0);
}

Test (display, color_parse)
{
    tracuu_color_t mode = TRACUU_COLOR_NEVER;

    cr_expect_eq (tracuu_display_color_parse ("auto", &mode), 0);
    cr_expect_eq (mode, TRACUU_COLOR_AUTO);
    cr_expect_eq (tracuu_display_color_parse ("always", &mode), 0);
    cr_expect_eq (mode, TRACUU_COLOR_ALWAYS);
    cr_expect_eq (tracuu_display_color_parse ("never", &mode), 0);
    cr_expect_eq (mode, TRACUU_COLOR_NEVER);
    cr_expect_eq (tracuu_display_color_parse ("yes", &mode), -1);
    cr_expect_eq (tracuu_display_color_parse ("", &mode), -1);
    cr_expect_eq (tracuu_display_color_parse ("Always", &mode), -1);
    cr_expect_eq (tracuu_display_color_parse (NULL, &mode), -1);
    cr_expect_eq (mode, TRACUU_COLOR_NEVER, "left alone on failure");
}

Test (display, color_pipe)
{
    int fds[2];

    cr_assert_eq (pipe (fds), 0);
    setenv ("TERM", "xterm", 1);
    unsetenv ("NO_COLOR");
    cr_expect_eq (tracuu_display_use_color (fds[1], TRACUU_COLOR_AUTO), 0);
    cr_expect_eq (tracuu_display_use_color (fds[1], TRACUU_COLOR_ALWAYS), 1);
    cr_expect_eq (tracuu_display_use_color (fds[1], TRACUU_COLOR_NEVER), 0);
    close (fds[0]);
    close (fds[1]);
}

/* The terminal end of a new pseudo-terminal. */
static int
open_terminal (int *master)
{
    int fd;

    *master = posix_openpt (O_RDWR | O_NOCTTY);
    cr_assert (*master >= 0);
    cr_assert_eq (grantpt (*master), 0);
    cr_assert_eq (unlockpt (*master), 0);
    fd = open (ptsname (*master), O_RDWR | O_NOCTTY);
    cr_assert (fd >= 0 && isatty (fd));
    return fd;
}

Test (display, color_terminal)
{
    int master, fd = open_terminal (&master);

    setenv ("TERM", "xterm-256color", 1);
    unsetenv ("NO_COLOR");
    cr_expect_eq (tracuu_display_use_color (fd, TRACUU_COLOR_AUTO), 1);
    cr_expect_eq (tracuu_display_use_color (fd, TRACUU_COLOR_NEVER), 0);
    /* https://no-color.org: any value but an empty one. */
    setenv ("NO_COLOR", "", 1);
    cr_expect_eq (tracuu_display_use_color (fd, TRACUU_COLOR_AUTO), 1);
    setenv ("NO_COLOR", "0", 1);
    cr_expect_eq (tracuu_display_use_color (fd, TRACUU_COLOR_AUTO), 0);
    cr_expect_eq (tracuu_display_use_color (fd, TRACUU_COLOR_ALWAYS), 1,
                  "the command line wins over NO_COLOR");
    unsetenv ("NO_COLOR");
    setenv ("TERM", "dumb", 1);
    cr_expect_eq (tracuu_display_use_color (fd, TRACUU_COLOR_AUTO), 0);
    unsetenv ("TERM");
    cr_expect_eq (tracuu_display_use_color (fd, TRACUU_COLOR_AUTO), 0);
    setenv ("TERM", "", 1);
    cr_expect_eq (tracuu_display_use_color (fd, TRACUU_COLOR_AUTO), 0);
    close (fd);
    close (master);
}
