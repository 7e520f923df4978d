/* Descriptions of tracuu_status_t values. */
#include "tracuu/status.h"

const char *
tracuu_status_to_string (tracuu_status_t status)
{
    switch (status) {
    case TRACUU_STATUS_OK:                 return "no error";
    case TRACUU_STATUS_OUT_OF_MEMORY:      return "out of memory";
    case TRACUU_STATUS_NULL_POINTER:       return "a required argument was NULL";
    case TRACUU_STATUS_BAD_ARGUMENT:       return "bad argument";
    case TRACUU_STATUS_IO_ERROR:           return "input/output error";
    case TRACUU_STATUS_BAD_UTF8:           return "invalid UTF-8";
    case TRACUU_STATUS_UNSUPPORTED_FORMAT: return "unsupported or binary format";
    case TRACUU_STATUS_BAD_INPUT:          return "malformed input";
    case TRACUU_STATUS_LIMIT_EXCEEDED:     return "input exceeds a safety limit";
    case TRACUU_STATUS_ICU_ERROR:          return "Unicode (ICU) error";
    case TRACUU_STATUS_DATABASE_ERROR:     return "database error";
    case TRACUU_STATUS_DATABASE_NOT_FOUND: return "no database at that path";
    case TRACUU_STATUS_DATABASE_LOCKED:    return "database is locked by another indexer";
    case TRACUU_STATUS_DATABASE_MODIFIED:  return "database was modified; reopen it";
    case TRACUU_STATUS_QUERY_SYNTAX:       return "query syntax error";
    case TRACUU_STATUS_EXTERNAL_TOOL:      return "external converter missing or failed";
    case TRACUU_STATUS_SHARD_UNAVAILABLE:  return "a shard of the index cannot be reached";
    case TRACUU_STATUS_TIMED_OUT:          return "the time limit ran out";
    case TRACUU_STATUS_LAST_STATUS:        break;
    }
    return "unknown status";
}
