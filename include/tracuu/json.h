/* tracuu JSON: writing strings for the programs' JSON output. */
#ifndef TRACUU_JSON_H
#define TRACUU_JSON_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Write 'len' bytes of 's' to 'out' as a JSON string literal, quotes
 * included: control characters escaped, invalid UTF-8 written as U+FFFD,
 * so the output is always valid JSON. @since 0.1
 */
void
tracuu_json_write_string (FILE *out, const char *s, size_t len);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_JSON_H */
