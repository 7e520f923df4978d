/* Reading a whole file into memory. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util-private.h"

tracuu_status_t
tracuu_file__read (const char *path, size_t max, char **out, size_t *out_len)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t buf = { 0 };
    struct stat st;
    int fd, saved;

    *out = NULL;
    if (out_len != NULL)
        *out_len = 0;
    fd = open (path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return TRACUU_STATUS_IO_ERROR;
    /* The size is a hint only: files grow, and pipes have none. */
    if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > 0)
        tracuu_buf__reserve (&rc, &buf, (size_t) st.st_size);
    while (rc == TRACUU_STATUS_OK) {
        ssize_t n;

        tracuu_buf__reserve (&rc, &buf, 65536);
        if (rc)
            break;
        n = read (fd, buf.data + buf.len, buf.alloc - buf.len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = TRACUU_STATUS_IO_ERROR;
            break;
        }
        if (n == 0)
            break;
        buf.len += (size_t) n;
        buf.data[buf.len] = '\0';
        if (max > 0 && buf.len > max)
            rc = TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    saved = errno;
    close (fd);
    if (rc) {
        tracuu_buf__dispose (&buf);
        errno = saved;
        return rc;
    }
    if (out_len != NULL)
        *out_len = buf.len;
    *out = tracuu_buf__detach (&buf);
    return *out ? TRACUU_STATUS_OK : TRACUU_STATUS_OUT_OF_MEMORY;
}
