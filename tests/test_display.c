/* Whether output gets terminal escapes: --color and its environment. */
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "tracuu/display.h"

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
