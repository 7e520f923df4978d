/*
 * Fuzz the readers of case records and case summaries, which see what a
 * database holds, damaged or not: whatever the bytes, they must answer
 * BAD_INPUT (or LIMIT_EXCEEDED) or give records whose every string lies
 * inside the input, ends with its NUL there, and whose spans tile the
 * input; a summary made of decoded records must read back the same.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "index/index-private.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *base;
static size_t base_len;

/* A decoded string: NULL, or inside the input with its NUL there. */
static void
check_str (const char *s)
{
    if (s == NULL)
        return;
    FUZZ_CHECK (s >= base && s < base + base_len);
    FUZZ_CHECK (memchr (s, '\0', (size_t) (base + base_len - s)) != NULL);
}

static void
check_record (const tracuu_caserec_t *r)
{
    FUZZ_CHECK (r->report && r->rid && r->key && *r->key);
    check_str (r->report);
    check_str (r->rid);
    check_str (r->key);
    check_str (r->agency);
    check_str (r->province);
    check_str (r->period);
    check_str (r->parent);
    check_str (r->report_number);
    FUZZ_CHECK ((unsigned) r->action < TRACUU_CASE_ACTION_LAST);
    FUZZ_CHECK ((unsigned) r->status < TRACUU_CASE_STATUS_LAST);
    FUZZ_CHECK (r->amount >= -1 && r->violators >= -1);
    FUZZ_CHECK (r->from == 0 || tracuu_day__valid (r->from));
    FUZZ_CHECK (r->to == 0 || tracuu_day__valid (r->to));
    for (size_t k = 0; k < r->n_people; k++)
        check_str (r->people[k]);
    for (size_t k = 0; k < r->n_platforms; k++)
        check_str (r->platforms[k]);
    for (size_t k = 0; k < r->n_accounts; k++) {
        check_str (r->accounts[k].platform);
        check_str (r->accounts[k].name);
    }
    for (size_t k = 0; k < r->n_sources; k++) {
        check_str (r->sources[k].quote);
        FUZZ_CHECK (r->sources[k].start <= r->sources[k].end);
    }
}

static void
check_records (const char *in, size_t len)
{
    tracuu_caserecs_t recs = { 0 };
    tracuu_status_t rc = tracuu_caserec__decode (in, len, &recs);
    size_t at = TRACUU_CASEREC_MAGIC_LEN, sources = 0;

    if (rc) {
        FUZZ_CHECK (rc == TRACUU_STATUS_BAD_INPUT
                    || rc == TRACUU_STATUS_LIMIT_EXCEEDED
                    || rc == TRACUU_STATUS_OUT_OF_MEMORY);
        FUZZ_CHECK (recs.items == NULL && recs.n == 0);
        return;
    }
    for (size_t i = 0; i < recs.n; i++) {
        /* Records follow each other to the end of the input. */
        FUZZ_CHECK (recs.items[i].raw == in + at);
        at += recs.items[i].raw_len;
        sources += recs.items[i].n_sources;
        check_record (&recs.items[i]);
    }
    FUZZ_CHECK (at == len);
    FUZZ_CHECK (sources == recs.n_sources);
    FUZZ_CHECK (recs.n == 0 || tracuu_caserec__primary (recs.items, recs.n) < recs.n);
    if (recs.n > 0) {
        tracuu_casesum_t sum, back;
        tracuu_status_t st = TRACUU_STATUS_OK;
        tracuu_buf_t b = { 0 };
        tracuu_arena_t arena = { 0 };

        tracuu_casesum__of (&sum, &recs);
        tracuu_casesum__format (&st, &b, &sum);
        if (st == TRACUU_STATUS_OK) {
            FUZZ_CHECK (tracuu_casesum__decode (b.data, b.len, &arena, NULL, &back)
                        == TRACUU_STATUS_OK);
            FUZZ_CHECK (strcmp (back.key, sum.key) == 0);
            FUZZ_CHECK (back.n_records == recs.n);
            FUZZ_CHECK (back.from == sum.from && back.to == sum.to);
            FUZZ_CHECK (back.amount == sum.amount);
            FUZZ_CHECK (back.n_platforms == sum.n_platforms);
        }
        tracuu_arena__dispose (&arena);
        tracuu_buf__dispose (&b);
    }
    tracuu_caserec__dispose (&recs);
}

static void
check_summary (const char *in, size_t len)
{
    tracuu_arena_t arena = { 0 };
    tracuu_strpool_t pool = { &arena, { 0 } };
    tracuu_casesum_t s;
    tracuu_status_t rc = tracuu_casesum__decode (in, len, &arena, &pool, &s);

    FUZZ_CHECK (rc == TRACUU_STATUS_OK || rc == TRACUU_STATUS_BAD_INPUT
                || rc == TRACUU_STATUS_OUT_OF_MEMORY);
    if (rc == TRACUU_STATUS_OK) {
        FUZZ_CHECK (s.key != NULL && *s.key);
        FUZZ_CHECK (s.from == 0 || tracuu_day__valid (s.from));
        for (size_t k = 0; k < s.n_platforms; k++)
            FUZZ_CHECK (s.platforms[k] != NULL);
    }
    tracuu_strpool__dispose (&pool);
    tracuu_arena__dispose (&arena);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    /* An exact-size copy: ASan then sees any read past the end. */
    char *in = malloc (size ? size : 1);

    if (in == NULL)
        return 0;
    memcpy (in, data, size);
    base = in;
    base_len = size;
    check_records (in, size);
    check_summary (in, size);
    /* The same bytes after each magic, so that both readers get past it. */
    if (size >= 4) {
        memcpy (in, TRACUU_CASEREC_MAGIC, 4);
        check_records (in, size);
        memcpy (in, "tcs1", 4);
        check_summary (in, size);
    }
    free (in);
    return 0;
}
