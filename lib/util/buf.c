/* The byte buffer of the library (util-private.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util-private.h"

void
tracuu_buf__reserve (tracuu_status_t *rc, tracuu_buf_t *buf, size_t more)
{
    size_t need, alloc;
    char *p;

    if (*rc != TRACUU_STATUS_OK)
        return;
    if (more > SIZE_MAX - buf->len - 1) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    need = buf->len + more + 1;
    if (need <= buf->alloc)
        return;
    alloc = buf->alloc ? buf->alloc : 256;
    while (alloc < need)
        alloc = alloc > SIZE_MAX / 2 ? need : 2 * alloc;
    p = realloc (buf->data, alloc);
    if (p == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    buf->data = p;
    buf->alloc = alloc;
}

void
tracuu_buf__append (tracuu_status_t *rc, tracuu_buf_t *buf, const char *data,
                    size_t len)
{
    tracuu_buf__reserve (rc, buf, len);
    if (*rc != TRACUU_STATUS_OK)
        return;
    if (len > 0)
        memcpy (buf->data + buf->len, data, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
}

void
tracuu_buf__puts (tracuu_status_t *rc, tracuu_buf_t *buf, const char *s)
{
    tracuu_buf__append (rc, buf, s, strlen (s));
}

void
tracuu_buf__putc (tracuu_status_t *rc, tracuu_buf_t *buf, char c)
{
    tracuu_buf__append (rc, buf, &c, 1);
}

void
tracuu_buf__printf (tracuu_status_t *rc, tracuu_buf_t *buf, const char *format,
                    ...)
{
    va_list ap;
    int n;

    if (*rc != TRACUU_STATUS_OK)
        return;
    va_start (ap, format);
    n = vsnprintf (NULL, 0, format, ap);
    va_end (ap);
    if (n < 0) {
        *rc = TRACUU_STATUS_BAD_ARGUMENT;
        return;
    }
    tracuu_buf__reserve (rc, buf, (size_t) n);
    if (*rc != TRACUU_STATUS_OK)
        return;
    va_start (ap, format);
    vsnprintf (buf->data + buf->len, (size_t) n + 1, format, ap);
    va_end (ap);
    buf->len += (size_t) n;
}

char *
tracuu_buf__detach (tracuu_buf_t *buf)
{
    char *data = buf->data;

    if (data == NULL)
        data = calloc (1, 1);
    memset (buf, 0, sizeof *buf);
    return data;
}

void
tracuu_buf__dispose (tracuu_buf_t *buf)
{
    free (buf->data);
    memset (buf, 0, sizeof *buf);
}
