/* tracuu: status codes shared by every part of the library. */
#ifndef TRACUU_STATUS_H
#define TRACUU_STATUS_H

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Result of every fallible library call. Zero is success; the
 * readable reason, where there is one, is kept on the handle the call
 * was made with (or given back through an error string argument).
 *
 * @since 0.1
 */
typedef enum tracuu_status {
    TRACUU_STATUS_OK = 0,
    TRACUU_STATUS_OUT_OF_MEMORY,      /* An allocation failed. */
    TRACUU_STATUS_NULL_POINTER,       /* A required argument was NULL. */
    TRACUU_STATUS_BAD_ARGUMENT,       /* An argument was out of range or malformed. */
    TRACUU_STATUS_IO_ERROR,           /* Reading or writing a file failed (errno set). */
    TRACUU_STATUS_BAD_UTF8,           /* Text was not valid UTF-8 where it had to be. */
    TRACUU_STATUS_UNSUPPORTED_FORMAT, /* A file's format is binary or unknown. */
    TRACUU_STATUS_BAD_INPUT,          /* A file is malformed (broken zip, bad XML...). */
    TRACUU_STATUS_LIMIT_EXCEEDED,     /* Input exceeds a safety limit (size, depth, ratio). */
    TRACUU_STATUS_ICU_ERROR,          /* ICU reported a failure. */
    TRACUU_STATUS_DATABASE_ERROR,     /* Any other database failure. */
    TRACUU_STATUS_DATABASE_NOT_FOUND, /* No database at the given path. */
    TRACUU_STATUS_DATABASE_LOCKED,    /* Another writer holds the database lock. */
    TRACUU_STATUS_DATABASE_MODIFIED,  /* The database changed under a reader: reopen. */
    TRACUU_STATUS_QUERY_SYNTAX,       /* A query could not be understood. */
    TRACUU_STATUS_EXTERNAL_TOOL,      /* An external converter is missing or failed. */
    TRACUU_STATUS_SHARD_UNAVAILABLE,  /* A remote shard cannot be reached (since 0.3). */
    TRACUU_STATUS_TIMED_OUT,          /* The handle's deadline passed (since 0.3). */
    TRACUU_STATUS_LAST_STATUS
} tracuu_status_t;

/**
 * A short English description of 'status'. The string is static.
 *
 * @since 0.1
 */
const char *
tracuu_status_to_string (tracuu_status_t status);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_STATUS_H */
