/* Helpers shared by the Criterion tests (support.c). */
#ifndef TRACUU_TEST_SUPPORT_H
#define TRACUU_TEST_SUPPORT_H

#include <stddef.h>

#include "tracuu/entity.h"

/* The whole file at 'path' (tests run in tests/), NUL-terminated; fails
 * the test when it cannot be read. *len_out may be NULL. free() it. */
char *test_slurp (const char *path, size_t *len_out);

/* The entity of 'kind' with 'value' (and 'extra' unless NULL), or NULL. */
const tracuu_entity_t *test_find_entity (const tracuu_entities_t *l,
                                         tracuu_entity_kind_t kind,
                                         const char *value, const char *extra);

/* How many entities of 'kind' 'l' holds. */
size_t test_count_kind (const tracuu_entities_t *l, tracuu_entity_kind_t kind);

#endif
