/*
 * Fuzz tracuu_extract() over analyzed text, then check the entities,
 * metadata and cases it returns and write them as JSON, which must be
 * well-formed UTF-8.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/entity.h"
#include "tracuu/extract.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_string (const char *what, const char *s)
{
    if (s != NULL)
        fuzz_check_utf8 (what, s, strlen (s));
}

static void
check_entities (const tracuu_text_t *t, const tracuu_entities_t *list)
{
    FUZZ_CHECK (list != NULL);
    for (size_t i = 0; i < list->count; i++) {
        const tracuu_entity_t *e = &list->items[i];

        FUZZ_CHECK (e->start <= e->end && e->end <= t->len);
        FUZZ_CHECK (i == 0 || e->start >= list->items[i - 1].start);
        FUZZ_CHECK (e->value != NULL);
        FUZZ_CHECK (tracuu_entity_kind_name (e->kind) != NULL);
        check_string ("entity value", e->value);
        check_string ("entity extra", e->extra);
    }
}

static void
check_cases (const tracuu_text_t *t, const tracuu_extraction_t *x)
{
    size_t n = tracuu_extraction_n_cases (x);

    FUZZ_CHECK (tracuu_extraction_case (x, n) == NULL);
    for (size_t i = 0; i < n; i++) {
        const tracuu_case_t *c = tracuu_extraction_case (x, i);

        FUZZ_CHECK (c != NULL);
        FUZZ_CHECK (c->action < TRACUU_CASE_ACTION_LAST);
        FUZZ_CHECK (c->n_sources >= 1 && c->sources != NULL);
        FUZZ_CHECK (c->parent < (long) n);
        check_string ("case key", c->key);
        for (size_t s = 0; s < c->n_sources; s++) {
            const tracuu_case_source_t *src = &c->sources[s];

            FUZZ_CHECK (src->start <= src->end && src->end <= t->len);
            FUZZ_CHECK (src->line == tracuu_text_line_at (t, src->start));
            check_string ("case sentence", src->sentence);
        }
        for (size_t k = 0; k < c->n_people; k++)
            check_string ("case person", c->people[k]);
        for (size_t k = 0; k < c->n_accounts; k++)
            check_string ("case account", c->accounts[k].name);
    }
}

static void
check_json (const tracuu_extraction_t *x, int jsonl)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream (&buf, &len);

    if (f == NULL)
        return;
    FUZZ_CHECK (tracuu_extraction_write_json (x, "x.txt", jsonl, f)
                == TRACUU_STATUS_OK);
    fclose (f);
    fuzz_check_utf8 ("JSON output", buf, len);
    free (buf);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    tracuu_text_t *t = NULL;
    tracuu_extraction_t *x = NULL;
    const tracuu_report_meta_t *meta;

    if (tracuu_text_analyze ((const char *) data, size, &t))
        return 0;
    if (tracuu_extract (t, &x) == TRACUU_STATUS_OK) {
        check_entities (t, tracuu_extraction_entities (x));
        meta = tracuu_extraction_meta (x);
        FUZZ_CHECK (meta != NULL && meta->kind != NULL);
        check_string ("meta number", meta->number);
        check_string ("meta title", meta->title);
        check_string ("meta signer", meta->signer);
        check_cases (t, x);
        FUZZ_CHECK (tracuu_extraction_set_file (x, "x.txt")
                    == TRACUU_STATUS_OK);
        check_json (x, size & 1);
    } else {
        FUZZ_CHECK (x == NULL);
    }
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (t);
    return 0;
}
