/* Helpers shared by the Criterion tests. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

char *
test_slurp (const char *path, size_t *len_out)
{
    FILE *f = fopen (path, "rb");
    char *data;
    long len;

    cr_assert_not_null (f, "cannot open %s", path);
    fseek (f, 0, SEEK_END);
    len = ftell (f);
    fseek (f, 0, SEEK_SET);
    data = malloc ((size_t) len + 1);
    cr_assert_not_null (data);
    cr_assert_eq (fread (data, 1, (size_t) len, f), (size_t) len);
    data[len] = '\0';
    fclose (f);
    if (len_out != NULL)
        *len_out = (size_t) len;
    return data;
}

const tracuu_entity_t *
test_find_entity (const tracuu_entities_t *l, tracuu_entity_kind_t kind,
                  const char *value, const char *extra)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i].kind == kind && strcmp (l->items[i].value, value) == 0
            && (extra == NULL || (l->items[i].extra
                                  && strcmp (l->items[i].extra, extra) == 0)))
            return &l->items[i];
    return NULL;
}

size_t
test_count_kind (const tracuu_entities_t *l, tracuu_entity_kind_t kind)
{
    size_t n = 0;

    for (size_t i = 0; i < l->count; i++)
        n += l->items[i].kind == kind;
    return n;
}
