/*
 * What a server needs of a handle: the deadline (each request has a
 * time limit, and searches and answers on the handle check it between
 * their steps and, through the binding, every few matches of the match
 * itself, so that a request past its limit stops using the processor),
 * and the revision read, the key of a cache of answers.
 */
#include <time.h>

#include "tracuu/index.h"
#include "index/index-private.h"

void
tracuu_index_set_deadline (tracuu_index_t *index, const struct timespec *deadline)
{
    if (index == NULL)
        return;
    index->has_deadline = deadline != NULL;
    if (deadline != NULL)
        index->deadline = *deadline;
}

const struct timespec *
tracuu_index__deadline (const tracuu_index_t *index)
{
    return index->has_deadline ? &index->deadline : NULL;
}

tracuu_status_t
tracuu_index__check_deadline (tracuu_index_t *index, const char *doing)
{
    struct timespec now;

    if (!index->has_deadline)
        return TRACUU_STATUS_OK;
    clock_gettime (CLOCK_MONOTONIC, &now);
    if (now.tv_sec < index->deadline.tv_sec
        || (now.tv_sec == index->deadline.tv_sec
            && now.tv_nsec < index->deadline.tv_nsec))
        return TRACUU_STATUS_OK;
    tracuu_index__set_error (index, "the time limit ran out while %s", doing);
    return TRACUU_STATUS_TIMED_OUT;
}

/* The revision is the binding's: only an index in one folder has one. */
tracuu_status_t
tracuu_index_revision (tracuu_index_t *index, char *buf, size_t size)
{
    xapc_status_t st;

    if (index == NULL || buf == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    if (size == 0)
        return TRACUU_STATUS_BAD_ARGUMENT;
    *buf = '\0';
    if (index->shards != NULL) {
        tracuu_index__set_error (index, "an index of shards has no one "
                                 "revision");
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    st = xapc_db_revision (index->db, buf, size);
    if (st == XAPC_ERR_INVALID_ARGUMENT) {
        tracuu_index__set_error (index, "%s", xapc_last_error ());
        return TRACUU_STATUS_BAD_ARGUMENT;
    }
    return st ? tracuu_index__fail (index, st, "reading the revision") : 0;
}
