/*
 * Case records: the flat text form in which a case document keeps what
 * each report says of the case ("name=value" fields, see schema.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index/tracuu-caserec.h"
#include "index/schema.h"

/* Append 's' with the separators replaced by spaces. */
static void
put_clean (tracuu_status_t *rc, tracuu_buf_t *b, const char *s)
{
    for (const char *p = s; *rc == TRACUU_STATUS_OK && p && *p; ) {
        size_t n = strcspn (p, "\x1d\x1e\x1f");

        tracuu_buf__append (rc, b, p, n);
        p += n;
        if (*p) {
            tracuu_buf__append (rc, b, " ", 1);
            p++;
        }
    }
}

static void
put_field (tracuu_status_t *rc, tracuu_buf_t *b, const char *name,
           const char *value)
{
    char sep = TRACUU_FIELD_SEP;

    if (value == NULL)
        return;
    if (b->len > 0 && b->data[b->len - 1] != TRACUU_RECORD_SEP)
        tracuu_buf__append (rc, b, &sep, 1);
    tracuu_buf__append (rc, b, name, strlen (name));
    tracuu_buf__append (rc, b, "=", 1);
    put_clean (rc, b, value);
}

static void
put_int (tracuu_status_t *rc, tracuu_buf_t *b, const char *name, long long v)
{
    char num[32];

    if (v < 0)
        return;
    snprintf (num, sizeof num, "%lld", v);
    put_field (rc, b, name, num);
}

/* One field with several values separated by VALUE_SEP. */
static void
put_list (tracuu_status_t *rc, tracuu_buf_t *b, const char *name,
          const char *const *values, size_t n)
{
    char sep = TRACUU_VALUE_SEP;

    if (n == 0)
        return;
    put_field (rc, b, name, values[0]);
    for (size_t i = 1; i < n; i++) {
        tracuu_buf__append (rc, b, &sep, 1);
        put_clean (rc, b, values[i]);
    }
}

static void
put_bits (tracuu_status_t *rc, tracuu_buf_t *b, const char *name,
          uint32_t bits, const char *(*namer) (unsigned), unsigned n_bits)

{
    const char *names[32];
    size_t n = 0;

    for (unsigned i = 0; i < n_bits && n < 32; i++)
        if (bits & (1u << i))
            names[n++] = namer (i);
    put_list (rc, b, name, names, n);
}

static const char *
action_of_bit (unsigned bit)
{
    return tracuu_case_action_name ((tracuu_case_action_t) bit);
}

static void
put_day (tracuu_status_t *rc, tracuu_buf_t *b, const char *name, int32_t day)
{
    if (day > 0)
        put_int (rc, b, name, day);
}

void
tracuu_caserec__format (tracuu_status_t *rc, tracuu_buf_t *b,
                        const tracuu_extraction_t *x, size_t i,
                        const char *report, const char *report_id)
{
    const tracuu_case_t *c = tracuu_extraction_case (x, i);
    const tracuu_report_meta_t *meta = tracuu_extraction_meta (x);
    char sep = TRACUU_RECORD_SEP;

    if (b->len > 0)
        tracuu_buf__append (rc, b, &sep, 1);
    put_field (rc, b, "report", report);
    put_field (rc, b, "rid", report_id);
    put_field (rc, b, "key", c->key);
    put_field (rc, b, "action", tracuu_case_action_name (c->action));
    put_bits (rc, b, "measures", c->measures, action_of_bit,
              TRACUU_CASE_ACTION_LAST);
    put_bits (rc, b, "categories", c->categories, tracuu_case_category_name,
              TRACUU_CATEGORY_COUNT);
    put_field (rc, b, "status", tracuu_case_status_name (c->status));
    put_bits (rc, b, "violator_kinds", c->violator_kinds,
              tracuu_case_violator_kind_name, TRACUU_VIOLATOR_KIND_COUNT);
    put_int (rc, b, "amount", c->amount_vnd);
    put_int (rc, b, "approximate", (c->flags & TRACUU_CASE_APPROXIMATE) != 0);
    put_int (rc, b, "aggregate", (c->flags & TRACUU_CASE_AGGREGATE) != 0);
    put_int (rc, b, "headline", (c->flags & TRACUU_CASE_HEADLINE) != 0);
    put_int (rc, b, "footnote", c->footnote);
    put_int (rc, b, "violators", c->violators);
    put_int (rc, b, "organizations", c->organizations);
    put_int (rc, b, "individuals", c->individuals);
    put_list (rc, b, "person", c->people, c->n_people);
    for (size_t k = 0; k < c->n_accounts; k++) {
        char *acc = NULL;

        if (asprintf (&acc, "%s:%s", c->accounts[k].platform
                                     ? c->accounts[k].platform : "",
                      c->accounts[k].name) < 0) {
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return;
        }
        if (k == 0) {
            put_field (rc, b, "account", acc);
        } else {
            tracuu_buf__append (rc, b, "\x1d", 1);
            put_clean (rc, b, acc);
        }
        free (acc);
    }
    put_list (rc, b, "platform", c->platforms, c->n_platforms);
    put_field (rc, b, "agency", c->agency);
    put_field (rc, b, "province", c->province);
    put_field (rc, b, "period", c->period);
    put_day (rc, b, "from", c->from);
    put_day (rc, b, "to", c->to);
    if (c->parent >= 0 && (size_t) c->parent < tracuu_extraction_n_cases (x))
        put_field (rc, b, "parent",
                   tracuu_extraction_case (x, (size_t) c->parent)->key);
    if (meta != NULL) {
        put_field (rc, b, "report_number", meta->number);
        put_field (rc, b, "report_period", meta->period);
        put_field (rc, b, "report_province", meta->province);
    }
    for (size_t k = 0; k < c->n_sources; k++) {
        char head[64];

        snprintf (head, sizeof head, "%u:%zu:%zu:", c->sources[k].line,
                  c->sources[k].start, c->sources[k].end);
        if (k == 0) {
            put_field (rc, b, "source", head);
        } else {
            tracuu_buf__append (rc, b, "\x1d", 1);
            tracuu_buf__append (rc, b, head, strlen (head));
        }
        put_clean (rc, b, c->sources[k].sentence);
    }
}

size_t
tracuu_caserec__split (const char *data, size_t len, tracuu_caserec_t *out,
                       size_t max)
{
    size_t n = 0, at = 0;

    while (at < len && n < max) {
        const char *end = memchr (data + at, TRACUU_RECORD_SEP, len - at);
        size_t rlen = end ? (size_t) (end - (data + at)) : len - at;

        out[n].text = data + at;
        out[n].len = rlen;
        n++;
        at += rlen + 1;
    }
    return n;
}

int
tracuu_caserec__get (const tracuu_caserec_t *rec, const char *name,
                     size_t nth, const char **value, size_t *vlen)
{
    size_t nlen = strlen (name), at = 0;

    while (at < rec->len) {
        const char *f = rec->text + at;
        const char *end = memchr (f, TRACUU_FIELD_SEP, rec->len - at);
        size_t flen = end ? (size_t) (end - f) : rec->len - at;

        if (flen > nlen && memcmp (f, name, nlen) == 0 && f[nlen] == '=') {
            const char *v = f + nlen + 1, *vend = f + flen;

            for (size_t k = 0; v <= vend; k++) {
                const char *sep = memchr (v, TRACUU_VALUE_SEP, (size_t) (vend - v));
                const char *stop = sep ? sep : vend;

                if (k == nth) {
                    *value = v;
                    *vlen = (size_t) (stop - v);
                    return 1;
                }
                if (sep == NULL)
                    break;
                v = sep + 1;
            }
            return 0;
        }
        at += flen + 1;
    }
    return 0;
}

long long
tracuu_caserec__int (const tracuu_caserec_t *rec, const char *name)
{
    const char *v;
    size_t len;
    char num[32];

    if (!tracuu_caserec__get (rec, name, 0, &v, &len) || len == 0
        || len >= sizeof num)
        return -1;
    memcpy (num, v, len);
    num[len] = '\0';
    return strtoll (num, NULL, 10);
}

int
tracuu_caserec__is (const tracuu_caserec_t *rec, const char *name,
                    const char *value)
{
    const char *v;
    size_t len;

    return tracuu_caserec__get (rec, name, 0, &v, &len)
           && len == strlen (value) && memcmp (v, value, len) == 0;
}

size_t
tracuu_caserec__primary (const tracuu_caserec_t *recs, size_t n)
{
    size_t best = 0;
    long long best_span = -1, best_from = 0;

    for (size_t i = 0; i < n; i++) {
        long long from = tracuu_caserec__int (&recs[i], "from");
        long long to = tracuu_caserec__int (&recs[i], "to");
        long long span = from > 0 && to >= from ? to - from : 99999999;

        if (best_span < 0 || span < best_span
            || (span == best_span && from < best_from)) {
            best = i;
            best_span = span;
            best_from = from;
        }
    }
    return best;
}

int
tracuu_caserec__source (const tracuu_caserec_t *rec, size_t k, uint32_t *line,
                        const char **quote, size_t *quote_len)
{
    const char *v, *q;
    size_t len;

    if (!tracuu_caserec__get (rec, "source", k, &v, &len))
        return 0;
    /* "line:start:end:quote" */
    q = v;
    for (int colons = 0; colons < 3 && q < v + len; q++)
        colons += *q == ':';
    *line = (uint32_t) strtoul (v, NULL, 10);
    *quote = q;
    *quote_len = len - (size_t) (q - v);
    return 1;
}
