/*
 * The provinces of 1 July 2025 (provinces-2025.txt) against the
 * provinces of the extraction: each of these belongs to one province of
 * 2025, whose phrases spell it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "question/question-private.h"

struct tracuu_qprov {
    size_t n_units;             /* Provinces of 2025. */
    const char **names;         /* Their names (the lexicon's labels). */
    size_t *first;              /* Their first former, in 'formers'. */
    size_t *n_formers;          /* How many formers each has. */
    const char **formers;       /* Canonical names of former provinces,
                                   grouped by unit: the namesake first,
                                   then in the provinces lexicon's order. */
    size_t n_all;               /* Number of former provinces. */
    long *unit_of;              /* For province label i of the provinces
                                   lexicon: its unit. */
    const tracuu_lexicon_t *provinces;
};

void
tracuu_qprov__destroy (tracuu_qprov_t *prov)
{
    if (prov == NULL)
        return;
    free (prov->names);
    free (prov->first);
    free (prov->n_formers);
    free (prov->formers);
    free (prov->unit_of);
    free (prov);
}

/* The province of 2025 one of whose phrases spells province 'name'
 * whole, or -1. */
static long
spelled_by (const tracuu_qlex_t *units, const char *name, tracuu_status_t *rc)
{
    tracuu_text_t *text = NULL;
    const char *label = NULL;
    long u = -1;

    *rc = tracuu_text_analyze (name, strlen (name), &text);
    if (*rc)
        return -1;
    if (text->n_tokens > 0
        && tracuu_qlex__match (units, text, 0, text->n_tokens, &label)
           == text->n_tokens)
        for (size_t i = 0; i < tracuu_qlex__count (units); i++)
            if (strcmp (tracuu_qlex__label (units, i), label) == 0)
                u = (long) i;
    tracuu_text_destroy (text);
    return u;
}

/* "provinces-2025.txt: <name> <problem>" in *error_out. */
static int
fail (char **error_out, const char *name, const char *problem)
{
    if (error_out != NULL
        && asprintf (error_out, "provinces-2025.txt: %s %s", name, problem) < 0)
        *error_out = NULL;
    return TRACUU_STATUS_BAD_INPUT;
}

tracuu_status_t
tracuu_qprov__build (const tracuu_qlex_t *units,
                     const tracuu_lexicon_t *provinces, char **error_out,
                     tracuu_qprov_t **out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_qprov_t *p = calloc (1, sizeof *p);
    size_t n = tracuu_lexicon__count (provinces), k = 0;

    *out = NULL;
    if (p == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    p->provinces = provinces;
    p->n_units = tracuu_qlex__count (units);
    p->names = calloc (p->n_units + 1, sizeof *p->names);
    p->first = calloc (p->n_units + 1, sizeof *p->first);
    p->n_formers = calloc (p->n_units + 1, sizeof *p->n_formers);
    p->formers = calloc (n + 1, sizeof *p->formers);
    p->unit_of = calloc (n + 1, sizeof *p->unit_of);
    if (!p->names || !p->first || !p->n_formers || !p->formers || !p->unit_of) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    for (size_t i = 0; i < n && !rc; i++) {
        p->unit_of[i] = spelled_by (units, tracuu_lexicon__label (provinces, i),
                                    &rc);
        if (!rc && p->unit_of[i] < 0)
            rc = fail (error_out, tracuu_lexicon__label (provinces, i),
                       "is in no province of 2025");
    }
    /* Formers grouped by unit; the namesake (same name) first. */
    for (size_t u = 0; u < p->n_units && !rc; u++) {
        const char *name = tracuu_qlex__label (units, u);

        p->names[u] = name;
        p->first[u] = k;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < n; i++) {
                const char *label = tracuu_lexicon__label (provinces, i);

                if (p->unit_of[i] == (long) u
                    && (strcmp (label, name) == 0) == (pass == 0))
                    p->formers[k++] = label;
            }
        p->n_formers[u] = k - p->first[u];
        if (p->n_formers[u] == 0)
            rc = fail (error_out, name, "has no former province of "
                       "provinces.txt");
    }
    p->n_all = k;

  DONE:
    if (rc) {
        tracuu_qprov__destroy (p);
        return rc;
    }
    *out = p;
    return TRACUU_STATUS_OK;
}

size_t
tracuu_qprov__count (const tracuu_qprov_t *prov)
{
    return prov ? prov->n_units : 0;
}

const char *
tracuu_qprov__name (const tracuu_qprov_t *prov, size_t i)
{
    return prov && i < prov->n_units ? prov->names[i] : NULL;
}

size_t
tracuu_qprov__n_formers (const tracuu_qprov_t *prov, size_t i)
{
    return prov && i < prov->n_units ? prov->n_formers[i] : 0;
}

const char *
tracuu_qprov__former (const tracuu_qprov_t *prov, size_t i, size_t k)
{
    if (prov == NULL || i >= prov->n_units || k >= prov->n_formers[i])
        return NULL;
    return prov->formers[prov->first[i] + k];
}

long
tracuu_qprov__unit_of (const tracuu_qprov_t *prov, const char *name)
{
    if (prov == NULL || name == NULL)
        return -1;
    for (size_t i = 0; i < tracuu_lexicon__count (prov->provinces); i++)
        if (strcmp (tracuu_lexicon__label (prov->provinces, i), name) == 0)
            return prov->unit_of[i];
    return -1;
}
