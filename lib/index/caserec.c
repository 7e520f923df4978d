/*
 * Case records and summaries (index-private.h): a small binary format
 * of unsigned LEB128 varints, zigzag varints for signed numbers, and
 * strings written as varint(len + 1), the bytes and a NUL (varint 0 is
 * an absent string), so that a decoded string is a pointer into the
 * blob. A record:
 *
 *     varint body_len, then the body:
 *     str report, str rid, str key,
 *     varint action, status, measures, categories, flags, violator_kinds,
 *     zigzag amount, violators, organizations, individuals,
 *            footnote, from, to,
 *     str agency, province, period, parent,
 *         report_number, report_period, report_province,
 *     varint n, str people[n],
 *     varint n, (str platform, str name) accounts[n],
 *     varint n, str platforms[n],
 *     varint n, (varint line, start, end, str quote) sources[n]
 *
 * A summary is "tcs1" and the fields of tracuu_casesum_t in the same
 * way (its parent as primary_parent and other_parent, from which
 * 'parent' is settled when read). Decoding checks that every length fits in what is left, that a
 * body is used up exactly, and that every value is in its range.
 */
#include <stdlib.h>
#include <string.h>

#include "index/index-private.h"

#define SUMMARY_MAGIC "tcs1"
#define FLAG_MASK (TRACUU_CASE_APPROXIMATE | TRACUU_CASE_AGGREGATE \
                   | TRACUU_CASE_HEADLINE | TRACUU_CASE_FOOTNOTE \
                   | TRACUU_CASE_PER_VIOLATOR)

/* ------------------------------------------------------------------ */
/* Writing.                                                           */

static void
put_varint (tracuu_status_t *rc, tracuu_buf_t *b, uint64_t v)
{
    char bytes[10];
    size_t n = 0;

    do {
        bytes[n++] = (char) ((v & 0x7F) | (v > 0x7F ? 0x80 : 0));
        v >>= 7;
    } while (v != 0);
    tracuu_buf__append (rc, b, bytes, n);
}

static void
put_signed (tracuu_status_t *rc, tracuu_buf_t *b, int64_t v)
{
    put_varint (rc, b, ((uint64_t) v << 1) ^ (uint64_t) (v >> 63));
}

static void
put_str (tracuu_status_t *rc, tracuu_buf_t *b, const char *s)
{
    size_t len = s ? strlen (s) : 0;

    put_varint (rc, b, s ? (uint64_t) len + 1 : 0);
    if (s != NULL)
        tracuu_buf__append (rc, b, s, len + 1);
}

void
tracuu_caserec__begin (tracuu_status_t *rc, tracuu_buf_t *b)
{
    tracuu_buf__append (rc, b, TRACUU_CASEREC_MAGIC, TRACUU_CASEREC_MAGIC_LEN);
}

static void
format_body (tracuu_status_t *rc, tracuu_buf_t *b, const tracuu_extraction_t *x,
             size_t i, const char *report, const char *rid)
{
    const tracuu_case_t *c = tracuu_extraction_case (x, i);
    const tracuu_report_meta_t *meta = tracuu_extraction_meta (x);
    const char *parent = NULL;

    if (c->parent >= 0 && (size_t) c->parent < tracuu_extraction_n_cases (x))
        parent = tracuu_extraction_case (x, (size_t) c->parent)->key;
    put_str (rc, b, report);
    put_str (rc, b, rid);
    put_str (rc, b, c->key);
    put_varint (rc, b, (uint64_t) c->action);
    put_varint (rc, b, (uint64_t) c->status);
    put_varint (rc, b, c->measures);
    put_varint (rc, b, c->categories);
    put_varint (rc, b, c->flags & FLAG_MASK);
    put_varint (rc, b, c->violator_kinds);
    put_signed (rc, b, c->amount_vnd);
    put_signed (rc, b, c->violators);
    put_signed (rc, b, c->organizations);
    put_signed (rc, b, c->individuals);
    put_signed (rc, b, c->footnote);
    put_signed (rc, b, c->from);
    put_signed (rc, b, c->to);
    put_str (rc, b, c->agency);
    put_str (rc, b, c->province);
    put_str (rc, b, c->period);
    put_str (rc, b, parent);
    put_str (rc, b, meta ? meta->number : NULL);
    put_str (rc, b, meta ? meta->period : NULL);
    put_str (rc, b, meta ? meta->province : NULL);
    put_varint (rc, b, c->n_people);
    for (size_t k = 0; k < c->n_people; k++)
        put_str (rc, b, c->people[k]);
    put_varint (rc, b, c->n_accounts);
    for (size_t k = 0; k < c->n_accounts; k++) {
        put_str (rc, b, c->accounts[k].platform ? c->accounts[k].platform : "");
        put_str (rc, b, c->accounts[k].name ? c->accounts[k].name : "");
    }
    put_varint (rc, b, c->n_platforms);
    for (size_t k = 0; k < c->n_platforms; k++)
        put_str (rc, b, c->platforms[k]);
    put_varint (rc, b, c->n_sources);
    for (size_t k = 0; k < c->n_sources; k++) {
        put_varint (rc, b, c->sources[k].line);
        put_varint (rc, b, c->sources[k].start);
        put_varint (rc, b, c->sources[k].end);
        put_str (rc, b, c->sources[k].sentence ? c->sources[k].sentence : "");
    }
}

void
tracuu_caserec__format (tracuu_status_t *rc, tracuu_buf_t *b,
                        const tracuu_extraction_t *x, size_t i,
                        const char *report, const char *rid)
{
    tracuu_buf_t body = { 0 };

    format_body (rc, &body, x, i, report, rid);
    put_varint (rc, b, body.len);
    tracuu_buf__append (rc, b, body.data, body.len);
    tracuu_buf__dispose (&body);
}

/* ------------------------------------------------------------------ */
/* Reading.                                                           */

typedef struct reader {
    const unsigned char *p;
    size_t left;
    int bad;                    /* Sticky: something did not fit. */
} reader_t;

static uint64_t
get_varint (reader_t *r)
{
    uint64_t v = 0;

    for (unsigned shift = 0; !r->bad; shift += 7) {
        unsigned char c;

        if (r->left == 0 || shift > 63) {
            r->bad = 1;
            break;
        }
        c = *r->p++;
        r->left--;
        if (shift == 63 && (c & 0x7E) != 0) {
            r->bad = 1;         /* More than 64 bits. */
            break;
        }
        v |= (uint64_t) (c & 0x7F) << shift;
        if ((c & 0x80) == 0)
            return v;
    }
    return 0;
}

/* A varint no larger than 'max'. */
static uint64_t
get_bounded (reader_t *r, uint64_t max)
{
    uint64_t v = get_varint (r);

    if (v > max)
        r->bad = 1;
    return r->bad ? 0 : v;
}

/* A length of what follows: no more than what is left after it. */
static size_t
get_length (reader_t *r)
{
    uint64_t v = get_varint (r);

    if (v > r->left)
        r->bad = 1;
    return r->bad ? 0 : (size_t) v;
}

static int64_t
get_signed (reader_t *r, int64_t min, int64_t max)
{
    uint64_t u = get_varint (r);
    int64_t v = (int64_t) (u >> 1) ^ -(int64_t) (u & 1);

    if (v < min || v > max)
        r->bad = 1;
    return r->bad ? 0 : v;
}

/* A string as a pointer into the data (NULL when absent). */
static const char *
get_str (reader_t *r)
{
    uint64_t n = get_varint (r);
    const char *s = (const char *) r->p;

    if (r->bad || n == 0)
        return NULL;
    if (n > r->left || s[n - 1] != '\0' || memchr (s, '\0', n - 1) != NULL) {
        r->bad = 1;
        return NULL;
    }
    r->p += n;
    r->left -= n;
    return s;
}

/* A string that must be there. */
static const char *
get_required (reader_t *r)
{
    const char *s = get_str (r);

    if (s == NULL)
        r->bad = 1;
    return s;
}

static int32_t
get_day (reader_t *r)
{
    int32_t d = (int32_t) get_signed (r, 0, 99991231);

    if (d != 0 && !tracuu_day__valid (d))
        r->bad = 1;
    return d;
}

/* A count of items that each take at least one byte: no more than what
 * is left, so that a damaged count cannot make a huge allocation. */
static size_t
get_count (reader_t *r)
{
    return (size_t) get_bounded (r, r->left < TRACUU_CASE_MAX_SOURCES
                                    ? r->left : TRACUU_CASE_MAX_SOURCES);
}

static const char **
get_strings (tracuu_status_t *rc, reader_t *r, tracuu_arena_t *arena,
             size_t *n_out)
{
    size_t n = get_count (r);
    const char **v = NULL;

    *n_out = 0;
    if (n == 0 || r->bad)
        return NULL;
    v = tracuu_arena__alloc (rc, arena, n * sizeof *v);
    for (size_t i = 0; v != NULL && i < n; i++)
        v[i] = get_required (r);
    if (v != NULL && !r->bad)
        *n_out = n;
    return v;
}

static void
read_lists (tracuu_status_t *rc, reader_t *r, tracuu_arena_t *arena,
            tracuu_caserec_t *c)
{
    tracuu_caserec_account_t *acc = NULL;
    tracuu_caserec_source_t *src = NULL;
    size_t n;

    c->people = get_strings (rc, r, arena, &c->n_people);
    n = get_count (r);
    if (n > 0 && !r->bad)
        acc = tracuu_arena__alloc (rc, arena, n * sizeof *acc);
    for (size_t k = 0; acc != NULL && k < n && !r->bad; k++) {
        acc[k].platform = get_required (r);
        acc[k].name = get_required (r);
    }
    c->accounts = acc;
    c->n_accounts = acc ? n : 0;
    c->platforms = get_strings (rc, r, arena, &c->n_platforms);
    n = get_count (r);
    if (n > 0 && !r->bad)
        src = tracuu_arena__alloc (rc, arena, n * sizeof *src);
    for (size_t k = 0; src != NULL && k < n && !r->bad; k++) {
        src[k].line = (uint32_t) get_bounded (r, UINT32_MAX);
        src[k].start = get_varint (r);
        src[k].end = get_varint (r);
        src[k].quote = get_required (r);
        if (src[k].end < src[k].start)
            r->bad = 1;
    }
    c->sources = src;
    c->n_sources = src ? n : 0;
}

static void
read_body (tracuu_status_t *rc, reader_t *r, tracuu_arena_t *arena,
           tracuu_caserec_t *c)
{
    c->report = get_required (r);
    c->rid = get_required (r);
    c->key = get_required (r);
    c->action = (tracuu_case_action_t) get_bounded (r, TRACUU_CASE_ACTION_LAST - 1);
    c->status = (tracuu_case_status_t) get_bounded (r, TRACUU_CASE_STATUS_LAST - 1);
    c->measures = (uint32_t) get_bounded (r, (1u << TRACUU_CASE_ACTION_LAST) - 1);
    c->categories = (uint32_t) get_bounded (r, UINT32_MAX);
    c->flags = (uint32_t) get_bounded (r, FLAG_MASK);
    c->violator_kinds = (uint32_t) get_bounded (r, (1u << TRACUU_VIOLATOR_KIND_COUNT) - 1);
    c->amount = get_signed (r, -1, INT64_MAX);
    c->violators = get_signed (r, -1, INT64_MAX);
    c->organizations = get_signed (r, -1, INT64_MAX);
    c->individuals = get_signed (r, -1, INT64_MAX);
    c->footnote = (int32_t) get_signed (r, 0, INT32_MAX);
    c->from = get_day (r);
    c->to = get_day (r);
    c->agency = get_str (r);
    c->province = get_str (r);
    c->period = get_str (r);
    c->parent = get_str (r);
    c->report_number = get_str (r);
    c->report_period = get_str (r);
    c->report_province = get_str (r);
    if (c->key == NULL || *c->key == '\0')
        r->bad = 1;
    read_lists (rc, r, arena, c);
}

tracuu_status_t
tracuu_caserec__decode (const char *data, size_t len, tracuu_caserecs_t *out)
{
    typedef TRACUU_ARRAY (tracuu_caserec_t) rec_array_t;
    rec_array_t recs = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    reader_t r = { (const unsigned char *) data, len, 0 };

    memset (out, 0, sizeof *out);
    if (data == NULL || len < TRACUU_CASEREC_MAGIC_LEN
        || memcmp (data, TRACUU_CASEREC_MAGIC, TRACUU_CASEREC_MAGIC_LEN) != 0)
        return TRACUU_STATUS_BAD_INPUT;
    r.p += TRACUU_CASEREC_MAGIC_LEN;
    r.left -= TRACUU_CASEREC_MAGIC_LEN;
    while (r.left > 0 && !r.bad && rc == TRACUU_STATUS_OK) {
        const unsigned char *start = r.p;
        size_t body = get_length (&r);
        reader_t br = { r.p, body, r.bad };
        tracuu_caserec_t c = { 0 };

        if (r.bad)
            break;
        read_body (&rc, &br, &out->arena, &c);
        if (br.bad || br.left != 0) {
            r.bad = 1;
            break;
        }
        r.p += body;
        r.left -= body;
        c.raw = (const char *) start;
        c.raw_len = (size_t) (r.p - start);
        out->n_sources += c.n_sources;
        if (recs.n >= TRACUU_CASE_MAX_SOURCES
            || out->n_sources > TRACUU_CASE_MAX_SOURCES)
            rc = TRACUU_STATUS_LIMIT_EXCEEDED;
        TRACUU_ARRAY_PUSH (&rc, &recs, c);
    }
    out->items = recs.items;
    out->n = recs.n;
    if (rc == TRACUU_STATUS_OK && r.bad)
        rc = TRACUU_STATUS_BAD_INPUT;
    if (rc)
        tracuu_caserec__dispose (out);
    return rc;
}

void
tracuu_caserec__dispose (tracuu_caserecs_t *recs)
{
    if (recs == NULL)
        return;
    free (recs->items);
    tracuu_arena__dispose (&recs->arena);
    memset (recs, 0, sizeof *recs);
}

/* The span of a record's period for choosing the primary one: its
 * length in yyyymmdd units, and its first day (-1 when unknown). */
static void
span_of (int32_t from, int32_t to, long long *span, long long *first)
{
    long long f = from > 0 ? from : -1, t = to > 0 ? to : -1;

    *span = f > 0 && t >= f ? t - f : 99999999;
    *first = f;
}

/* Does a record of [from, to] speak for the case rather than one of
 * [pfrom, pto] before it: a narrower period, or as wide and earlier? */
static int
narrower (int32_t from, int32_t to, int32_t pfrom, int32_t pto)
{
    long long span, first, pspan, pfirst;

    span_of (from, to, &span, &first);
    span_of (pfrom, pto, &pspan, &pfirst);
    return span < pspan || (span == pspan && first < pfirst);
}

size_t
tracuu_caserec__primary (const tracuu_caserec_t *recs, size_t n)
{
    size_t best = 0;

    for (size_t i = 1; i < n; i++)
        if (narrower (recs[i].from, recs[i].to, recs[best].from, recs[best].to))
            best = i;
    return best;
}

/* ------------------------------------------------------------------ */
/* Summaries.                                                         */

/* The primary record's part of a summary. */
static void
take_primary (tracuu_casesum_t *sum, const tracuu_caserec_t *p)
{
    sum->key = p->key;
    sum->action = p->action;
    sum->status = p->status;
    sum->flags = p->flags;
    sum->primary_categories = p->categories;
    sum->amount = p->amount;
    sum->violators = p->violators;
    sum->organizations = p->organizations;
    sum->individuals = p->individuals;
    sum->from = p->from;
    sum->to = p->to;
    sum->province = p->province;
    sum->agency = p->agency;
    sum->period = p->period;
    sum->platforms = p->platforms;
    sum->n_platforms = p->n_platforms;
}

/* The aggregate a case belongs to is the one its primary record names
 * (the report that speaks for the case), else the least key among those
 * the other records name: the same whatever order the reports were
 * indexed in, or the shards merged in. */
static const char *
least (const char *a, const char *b)
{
    if (a == NULL || *a == '\0')
        return b && *b ? b : NULL;
    if (b == NULL || *b == '\0')
        return a;
    return strcmp (a, b) <= 0 ? a : b;
}

static void
settle_parent (tracuu_casesum_t *sum)
{
    sum->parent = sum->primary_parent ? sum->primary_parent : sum->other_parent;
}

void
tracuu_casesum__init (tracuu_casesum_t *sum, const tracuu_caserec_t *rec)
{
    memset (sum, 0, sizeof *sum);
    take_primary (sum, rec);
    sum->primary_parent = least (rec->parent, NULL);
    settle_parent (sum);
    sum->categories = rec->categories;
    sum->violator_kinds = rec->violator_kinds;
    sum->headline = (rec->flags & TRACUU_CASE_HEADLINE) != 0;
    sum->n_records = 1;
    sum->n_sources = (uint32_t) rec->n_sources;
}

int
tracuu_casesum__add (tracuu_casesum_t *sum, const tracuu_caserec_t *rec)
{
    int primary = narrower (rec->from, rec->to, sum->from, sum->to);

    if (primary) {
        take_primary (sum, rec);
        sum->other_parent = least (sum->other_parent, sum->primary_parent);
        sum->primary_parent = least (rec->parent, NULL);
    } else {
        sum->other_parent = least (sum->other_parent, rec->parent);
    }
    settle_parent (sum);
    sum->categories |= rec->categories;
    sum->violator_kinds |= rec->violator_kinds;
    sum->headline &= (rec->flags & TRACUU_CASE_HEADLINE) != 0;
    sum->n_records++;
    sum->n_sources += (uint32_t) rec->n_sources;
    return primary;
}

int
tracuu_casesum__merge (tracuu_casesum_t *sum, const tracuu_casesum_t *o)
{
    int primary = narrower (o->from, o->to, sum->from, sum->to);

    if (primary) {
        sum->action = o->action;
        sum->status = o->status;
        sum->flags = o->flags;
        sum->primary_categories = o->primary_categories;
        sum->amount = o->amount;
        sum->violators = o->violators;
        sum->organizations = o->organizations;
        sum->individuals = o->individuals;
        sum->from = o->from;
        sum->to = o->to;
        sum->province = o->province;
        sum->agency = o->agency;
        sum->period = o->period;
        sum->platforms = o->platforms;
        sum->n_platforms = o->n_platforms;
    }
    if (primary) {
        sum->other_parent = least (least (sum->other_parent, sum->primary_parent),
                                   o->other_parent);
        sum->primary_parent = o->primary_parent;
    } else {
        sum->other_parent = least (least (sum->other_parent, o->other_parent),
                                   o->primary_parent);
    }
    settle_parent (sum);
    sum->categories |= o->categories;
    sum->violator_kinds |= o->violator_kinds;
    sum->headline &= o->headline;
    sum->n_records += o->n_records;
    sum->n_sources += o->n_sources;
    return primary;
}

void
tracuu_casesum__of (tracuu_casesum_t *sum, const tracuu_caserecs_t *recs)
{
    tracuu_casesum__init (sum, &recs->items[0]);
    for (size_t i = 1; i < recs->n; i++)
        tracuu_casesum__add (sum, &recs->items[i]);
}

void
tracuu_casesum__format (tracuu_status_t *rc, tracuu_buf_t *b,
                        const tracuu_casesum_t *s)
{
    tracuu_buf__append (rc, b, SUMMARY_MAGIC, 4);
    put_str (rc, b, s->key);
    put_str (rc, b, s->primary_parent);
    put_str (rc, b, s->other_parent);
    put_varint (rc, b, (uint64_t) s->action);
    put_varint (rc, b, (uint64_t) s->status);
    put_varint (rc, b, s->flags);
    put_varint (rc, b, s->categories);
    put_varint (rc, b, s->primary_categories);
    put_varint (rc, b, s->violator_kinds);
    put_signed (rc, b, s->amount);
    put_signed (rc, b, s->violators);
    put_signed (rc, b, s->organizations);
    put_signed (rc, b, s->individuals);
    put_signed (rc, b, s->from);
    put_signed (rc, b, s->to);
    put_str (rc, b, s->province);
    put_str (rc, b, s->agency);
    put_str (rc, b, s->period);
    put_varint (rc, b, s->n_platforms);
    for (size_t k = 0; k < s->n_platforms; k++)
        put_str (rc, b, s->platforms[k]);
    put_varint (rc, b, s->headline != 0);
    put_varint (rc, b, s->n_records);
    put_varint (rc, b, s->n_sources);
}

/* A string of the summary, copied into the arena, or into the pool
 * when there is one and the string is one of the few values of a field
 * that many cases share (a province, an agency, a period). */
static const char *
copy_str (tracuu_status_t *rc, reader_t *r, tracuu_arena_t *arena,
          tracuu_strpool_t *pool, int required)
{
    const char *s = required ? get_required (r) : get_str (r);

    if (s == NULL)
        return NULL;
    return pool ? tracuu_strpool__intern (rc, pool, s, strlen (s))
                : tracuu_arena__strndup (rc, arena, s, strlen (s));
}

tracuu_status_t
tracuu_casesum__decode (const char *data, size_t len, tracuu_arena_t *arena,
                        tracuu_strpool_t *pool, tracuu_casesum_t *out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    reader_t r = { NULL, 0, 0 };
    tracuu_casesum_t s = { 0 };

    memset (out, 0, sizeof *out);
    if (data == NULL || len < 4 || memcmp (data, SUMMARY_MAGIC, 4) != 0)
        return TRACUU_STATUS_BAD_INPUT;
    r.p = (const unsigned char *) data + 4;
    r.left = len - 4;
    s.key = copy_str (&rc, &r, arena, NULL, 1);
    s.primary_parent = copy_str (&rc, &r, arena, NULL, 0);
    s.other_parent = copy_str (&rc, &r, arena, NULL, 0);
    if (s.primary_parent && *s.primary_parent == '\0')
        s.primary_parent = NULL;
    if (s.other_parent && *s.other_parent == '\0')
        s.other_parent = NULL;
    settle_parent (&s);
    s.action = (tracuu_case_action_t) get_bounded (&r, TRACUU_CASE_ACTION_LAST - 1);
    s.status = (tracuu_case_status_t) get_bounded (&r, TRACUU_CASE_STATUS_LAST - 1);
    s.flags = (uint32_t) get_bounded (&r, FLAG_MASK);
    s.categories = (uint32_t) get_bounded (&r, UINT32_MAX);
    s.primary_categories = (uint32_t) get_bounded (&r, UINT32_MAX);
    s.violator_kinds = (uint32_t) get_bounded (&r, (1u << TRACUU_VIOLATOR_KIND_COUNT) - 1);
    s.amount = get_signed (&r, -1, INT64_MAX);
    s.violators = get_signed (&r, -1, INT64_MAX);
    s.organizations = get_signed (&r, -1, INT64_MAX);
    s.individuals = get_signed (&r, -1, INT64_MAX);
    s.from = get_day (&r);
    s.to = get_day (&r);
    s.province = copy_str (&rc, &r, arena, pool, 0);
    s.agency = copy_str (&rc, &r, arena, pool, 0);
    s.period = copy_str (&rc, &r, arena, pool, 0);
    s.n_platforms = get_count (&r);
    if (s.n_platforms > 0 && !r.bad)
        s.platforms = tracuu_arena__alloc (&rc, arena,
                                           s.n_platforms * sizeof *s.platforms);
    for (size_t k = 0; s.platforms != NULL && k < s.n_platforms && !r.bad; k++)
        s.platforms[k] = copy_str (&rc, &r, arena, pool, 1);
    s.headline = (int) get_bounded (&r, 1);
    s.n_records = (uint32_t) get_bounded (&r, TRACUU_CASE_MAX_SOURCES);
    s.n_sources = (uint32_t) get_bounded (&r, TRACUU_CASE_MAX_SOURCES);
    if (rc)
        return rc;
    if (r.bad || r.left != 0 || s.key == NULL || *s.key == '\0'
        || (s.n_platforms > 0 && s.platforms == NULL))
        return TRACUU_STATUS_BAD_INPUT;
    *out = s;
    return TRACUU_STATUS_OK;
}
