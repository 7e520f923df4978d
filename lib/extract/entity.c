/* Entity lists: append, sort, free. */
#include <stdlib.h>
#include <string.h>

#include "tracuu/entity.h"
#include "util/util-private.h"

static char *
dup_or_null (tracuu_status_t *rc, const char *s)
{
    char *copy;

    if (s == NULL)
        return NULL;
    copy = strdup (s);
    if (copy == NULL)
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
    return copy;
}

tracuu_entity_t *
tracuu_entities_push (tracuu_status_t *rc, tracuu_entities_t *list,
                      const tracuu_entity_t *e)
{
    tracuu_entity_t *slot;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    if (list == NULL || e == NULL) {
        *rc = TRACUU_STATUS_NULL_POINTER;
        return NULL;
    }
    if (list->count == list->alloc) {
        tracuu_entity_t *items = tracuu_array__grow (rc, list->items,
                                                     &list->alloc,
                                                     list->count + 1,
                                                     sizeof *items);

        if (items == NULL)
            return NULL;
        list->items = items;
    }
    slot = &list->items[list->count];
    *slot = *e;
    slot->value = dup_or_null (rc, e->value ? e->value : "");
    slot->extra = dup_or_null (rc, e->extra);
    if (*rc != TRACUU_STATUS_OK) {
        free (slot->value);
        free (slot->extra);
        return NULL;
    }
    list->count++;
    return slot;
}

static int
entity_cmp (const void *a, const void *b)
{
    const tracuu_entity_t *x = a, *y = b;

    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->kind != y->kind)
        return (int) x->kind - (int) y->kind;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return 0;
}

void
tracuu_entities_sort (tracuu_entities_t *list)
{
    if (list != NULL && list->count > 1)
        qsort (list->items, list->count, sizeof list->items[0], entity_cmp);
}

void
tracuu_entities_dispose (tracuu_entities_t *list)
{
    if (list == NULL)
        return;
    for (size_t i = 0; i < list->count; i++) {
        free (list->items[i].value);
        free (list->items[i].extra);
    }
    free (list->items);
    list->items = NULL;
    list->count = list->alloc = 0;
}

const char *
tracuu_entity_kind_name (tracuu_entity_kind_t kind)
{
    static const char *const names[TRACUU_ENTITY_KIND_LAST] = {
        "money", "date", "period", "account", "url", "email", "phone",
        "person", "province", "district", "agency", "docnumber",
        "reference", "count", "footnote",
    };

    if ((unsigned) kind < TRACUU_ENTITY_KIND_LAST)
        return names[kind];
    return "unknown";
}
