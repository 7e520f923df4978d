/* The extraction object: entities, then metadata, then cases. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"

char *
tracuu_extract__strndup (tracuu_status_t *rc, const char *s, size_t len)
{
    char *copy;

    if (*rc != TRACUU_STATUS_OK)
        return NULL;
    copy = strndup (s, len);
    if (copy == NULL)
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
    return copy;
}

const char *
tracuu_case_action_name (tracuu_case_action_t action)
{
    static const char *const names[TRACUU_CASE_ACTION_LAST] = {
        "fine", "takedown", "subscriber_lock", "warning", "prosecution",
        "other",
    };

    if ((unsigned) action < TRACUU_CASE_ACTION_LAST)
        return names[action];
    return "unknown";
}

const char *
tracuu_case_status_name (tracuu_case_status_t status)
{
    static const char *const names[TRACUU_CASE_STATUS_LAST] = {
        "decided", "recorded", "proposed", "withdrawn", "criminal",
    };

    if ((unsigned) status < TRACUU_CASE_STATUS_LAST)
        return names[status];
    return "unknown";
}

int
tracuu_case_status_from_name (const char *name)
{
    for (int s = 0; name != NULL && s < TRACUU_CASE_STATUS_LAST; s++)
        if (strcmp (name, tracuu_case_status_name ((tracuu_case_status_t) s)) == 0)
            return s;
    return -1;
}

const char *
tracuu_case_violator_kind_name (unsigned bit)
{
    static const char *const names[TRACUU_VIOLATOR_KIND_COUNT] = {
        "individual", "company", "press", "organization",
    };

    return bit < TRACUU_VIOLATOR_KIND_COUNT ? names[bit] : NULL;
}

unsigned
tracuu_case_category_count (void)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t n = tracuu_lexicon__count (tracuu_lexicon__categories (&rc));

    return n > TRACUU_CATEGORY_COUNT ? TRACUU_CATEGORY_COUNT : (unsigned) n;
}

const char *
tracuu_case_category_name (unsigned bit)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

    if (bit >= tracuu_case_category_count ())
        return NULL;
    return tracuu_lexicon__label (tracuu_lexicon__categories (&rc), bit);
}

uint32_t
tracuu_case_category_from_name (const char *name)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    long i;

    if (name == NULL)
        return 0;
    i = tracuu_lexicon__find_label (tracuu_lexicon__categories (&rc), name,
                                    strlen (name));
    return i >= 0 && i < (long) tracuu_case_category_count ()
           ? (uint32_t) 1 << i : 0;
}

void
tracuu_extraction_destroy (tracuu_extraction_t *x)
{
    if (x == NULL)
        return;
    for (size_t i = 0; i < x->n_cases; i++)
        tracuu_extract__case_dispose (&x->cases[i]);
    free (x->cases);
    tracuu_extract__meta_dispose (&x->meta);
    tracuu_entities_dispose (&x->entities);
    free (x->file);
    free (x);
}

tracuu_status_t
tracuu_extract (const tracuu_text_t *text, tracuu_extraction_t **out)
{
    tracuu_status_t status = TRACUU_STATUS_OK;
    tracuu_extraction_t *x = NULL;

    if (out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (text == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    /* Every lexicon, so that a bad one fails here, not half-way. */
    tracuu_lexicon__actions (&status);
    tracuu_lexicon__categories (&status);
    tracuu_lexicon__case_nouns (&status);
    tracuu_lexicon__platforms (&status);
    tracuu_lexicon__agencies (&status);
    tracuu_lexicon__agency_codes (&status);
    tracuu_lexicon__provinces (&status);
    tracuu_lexicon__surnames (&status);
    tracuu_lexicon__roles (&status);
    if (status)
        return status;
    x = calloc (1, sizeof *x);
    if (x == NULL) {
        status = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    x->meta.kind = "khac";
    tracuu_extract__money (text, &x->entities, &status);
    tracuu_extract__dates (text, &x->entities, &status);
    tracuu_extract__counts (text, &x->entities, &status);
    tracuu_extract__references (text, &x->entities, &status);
    tracuu_extract__footnotes (text, &x->entities, &status);
    tracuu_extract__social (text, &x->entities, &status);
    tracuu_extract__people (text, &x->entities, &status);
    tracuu_extract__places (text, &x->entities, &status);
    tracuu_extract__agencies (text, &x->entities, &status);
    if (status)
        goto DONE;
    tracuu_entities_sort (&x->entities);
    tracuu_extract__meta (text, x, &status);
    tracuu_extract__cases (text, x, &status);
    if (status)
        goto DONE;
    *out = x;
    x = NULL;

  DONE:
    tracuu_extraction_destroy (x);
    return status;
}

tracuu_status_t
tracuu_extraction_set_file (tracuu_extraction_t *x, const char *file)
{
    char *copy;

    if (x == NULL || file == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    copy = strdup (file);
    if (copy == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    free (x->file);
    x->file = copy;
    for (size_t i = 0; i < x->n_cases; i++)
        for (size_t s = 0; s < x->cases[i].n_sources; s++)
            ((tracuu_case_source_t *) x->cases[i].sources)[s].file = copy;
    return TRACUU_STATUS_OK;
}

const char *
tracuu_extraction_file (const tracuu_extraction_t *x)
{
    return x ? x->file : NULL;
}

const tracuu_entities_t *
tracuu_extraction_entities (const tracuu_extraction_t *x)
{
    return x ? &x->entities : NULL;
}

const tracuu_report_meta_t *
tracuu_extraction_meta (const tracuu_extraction_t *x)
{
    return x ? &x->meta : NULL;
}

size_t
tracuu_extraction_n_cases (const tracuu_extraction_t *x)
{
    return x ? x->n_cases : 0;
}

const tracuu_case_t *
tracuu_extraction_case (const tracuu_extraction_t *x, size_t i)
{
    return x != NULL && i < x->n_cases ? &x->cases[i] : NULL;
}
