/*
 * The words of a question, and what is built from them: the leftover
 * full text (its content and text words, as typed) and the one-line
 * explanation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "question/question-private.h"

void
tracuu_question__add_word (parser_t *p, const char *s, size_t len,
                           tracuu_question_role_t role, const char *meaning,
                           int glued)
{
    tracuu_question_t *q = p->q;
    tracuu_question_word_t *w, *more;

    if (p->rc || len == 0)
        return;
    more = tracuu_array__grow_counted (&p->rc, q->words, q->n_words,
                                       sizeof *more);
    if (more == NULL)
        return;
    q->words = more;
    w = &q->words[q->n_words];
    w->text = tracuu_question__dup (p, s, len);
    w->meaning = tracuu_question__dup (p, meaning, strlen (meaning));
    w->role = role;
    w->glued = glued;
    if (w->text == NULL || w->meaning == NULL) {
        free (w->text);
        free (w->meaning);
        return;
    }
    q->n_words++;
}

/* The words that are content or text, each after a blank unless it
 * touches the word before and that one is kept too. */
static char *
build_text (const tracuu_question_t *q)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t buf = { NULL, 0, 0 };
    int prev_kept = 0;

    for (size_t i = 0; i < q->n_words; i++) {
        const tracuu_question_word_t *w = &q->words[i];
        int keep = w->role == TRACUU_ROLE_CONTENT || w->role == TRACUU_ROLE_TEXT;

        if (keep) {
            if (buf.len > 0 && !(w->glued && prev_kept))
                tracuu_buf__append (&rc, &buf, " ", 1);
            tracuu_buf__append (&rc, &buf, w->text, strlen (w->text));
        }
        prev_kept = keep;
    }
    tracuu_buf__append (&rc, &buf, "", 0);
    if (rc) {
        free (buf.data);
        return NULL;
    }
    return buf.data;
}

/* " key=value", the value quoted when it holds a blank, a quote or
 * nothing (always for text). */
static void
explain_kv (tracuu_status_t *rc, tracuu_buf_t *buf, const char *key,
            const char *op, const char *value, int force_quotes)
{
    int quote = force_quotes || *value == '\0'
                || strpbrk (value, " \t\n\"\\=") != NULL;

    if (buf->len)
        tracuu_buf__append (rc, buf, " ", 1);
    tracuu_buf__append (rc, buf, key, strlen (key));
    tracuu_buf__append (rc, buf, op, strlen (op));
    if (!quote) {
        tracuu_buf__append (rc, buf, value, strlen (value));
        return;
    }
    tracuu_buf__append (rc, buf, "\"", 1);
    for (const char *s = value; *s; s++) {
        if (*s == '"' || *s == '\\')
            tracuu_buf__append (rc, buf, "\\", 1);
        tracuu_buf__append (rc, buf, *s == '\n' ? " " : s, 1);
    }
    tracuu_buf__append (rc, buf, "\"", 1);
}

/* Every filter on 'field' (included first, then excluded), for the
 * fields that have no named list. */
static void
explain_filters (tracuu_status_t *rc, tracuu_buf_t *buf,
                 const tracuu_question_t *q, const char *field, int exclude)
{
    for (size_t i = 0; i < q->n_filters; i++) {
        const tracuu_question_filter_t *f = &q->filters[i];

        if (strcmp (f->field, field) == 0 && f->exclude == exclude)
            explain_kv (rc, buf, strcmp (field, "date") == 0 ? "period" : field,
                        exclude ? "!=" : "=", f->value, 0);
    }
}

static void
explain_day (char *out, size_t size, int32_t d)
{
    if (d)
        snprintf (out, size, "%04d-%02d-%02d", (int) (d / 10000),
                  (int) (d / 100 % 100), (int) (d % 100));
    else
        out[0] = '\0';
}

/* Excluded ranges show as days, like the included period. */
static void
explain_excluded_dates (tracuu_status_t *rc, tracuu_buf_t *buf,
                        const tracuu_question_t *q)
{
    for (size_t i = 0; i < q->n_filters; i++) {
        const tracuu_question_filter_t *f = &q->filters[i];
        char from[16], to[16], value[40];

        if (strcmp (f->field, "date") != 0 || !f->exclude)
            continue;
        explain_day (from, sizeof from, f->lo > 0 ? (int32_t) f->lo : 0);
        explain_day (to, sizeof to, f->hi > 0 ? (int32_t) f->hi : 0);
        snprintf (value, sizeof value, "%s..%s", from, to);
        explain_kv (rc, buf, "period", "!=", value, 0);
    }
}

static char *
build_explain (const tracuu_question_t *q)
{
    static const char *const listed[] = {
        "action", "category", "platform", "province", "account", "person",
        "number", "status", "violator", "agency",
    };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t buf = { NULL, 0, 0 };
    char value[64];

    for (size_t i = 0; i < sizeof listed / sizeof listed[0]; i++) {
        explain_filters (&rc, &buf, q, listed[i], 0);
        explain_filters (&rc, &buf, q, listed[i], 1);
    }
    if (q->kind)
        explain_kv (&rc, &buf, "kind", "=", q->kind, 0);
    if (q->date_from || q->date_to) {
        char from[16], to[16];

        explain_day (from, sizeof from, q->date_from);
        explain_day (to, sizeof to, q->date_to);
        snprintf (value, sizeof value, "%s..%s", from, to);
        explain_kv (&rc, &buf, "period", "=", value, 0);
    }
    explain_excluded_dates (&rc, &buf, q);
    if (q->amount_min >= 0 || q->amount_max >= 0) {
        char lo[24] = "", hi[24] = "";

        if (q->amount_min >= 0)
            snprintf (lo, sizeof lo, "%lld", (long long) q->amount_min);
        if (q->amount_max >= 0)
            snprintf (hi, sizeof hi, "%lld", (long long) q->amount_max);
        snprintf (value, sizeof value, "%s..%s", lo, hi);
        explain_kv (&rc, &buf, "amount", "=", value, 0);
    }
    explain_filters (&rc, &buf, q, "amount", 1);
    if (q->wants_total)
        explain_kv (&rc, &buf, "wants_total", "=", "1", 0);
    if (q->count_of)
        explain_kv (&rc, &buf, "count", "=", q->count_of, 0);
    if (q->wants)
        explain_kv (&rc, &buf, "wants", "=", q->wants, 0);
    if (q->wants_kind)
        explain_kv (&rc, &buf, "wants_kind", "=", q->wants_kind, 0);
    explain_kv (&rc, &buf, "text", "=", q->text, 1);
    for (size_t i = 0; i < q->n_words; i++)
        if (q->words[i].role == TRACUU_ROLE_IGNORED)
            explain_kv (&rc, &buf, "ignored", "=", q->words[i].text, 1);
    if (rc) {
        free (buf.data);
        return NULL;
    }
    return buf.data;
}

tracuu_status_t
tracuu_question__finish (tracuu_question_t *q)
{
    char *text = build_text (q), *explain;

    if (text == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    free (q->text);
    q->text = text;
    explain = build_explain (q);
    if (explain == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    free (q->explain);
    q->explain = explain;
    return TRACUU_STATUS_OK;
}
