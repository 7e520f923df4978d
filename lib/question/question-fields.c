/*
 * Fields of questions ("province:\"Bắc Giang\"", "-category:traffic"):
 * the value read by the kind of its row in the fields table, checked,
 * and added as a filter, a period or an amount range.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "question/question-private.h"

static int
is_space (char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
           || c == '\v';
}

const char *
tracuu_question__match_whole (parser_t *p, const tracuu_qlex_t *qlex,
                              const tracuu_lexicon_t *lex, const char *value,
                              size_t len)
{
    tracuu_text_t *text = NULL;
    const char *label = NULL;
    size_t id = 0;

    if (p->rc)
        return NULL;
    p->rc = tracuu_text_analyze (value, len, &text);
    if (p->rc || text->n_tokens == 0)
        goto DONE;
    if (qlex != NULL) {
        if (tracuu_qlex__match (qlex, text, 0, text->n_tokens, &label)
            != text->n_tokens)
            label = NULL;
    } else if (tracuu_lexicon__match (lex, text, 0, text->n_tokens, &id)
               == text->n_tokens) {
        label = tracuu_lexicon__label (lex, id);
    }

  DONE:
    tracuu_text_destroy (text);
    return label;
}

/* Is 'label' one of the values a field accepts (not a marker label of
 * its lexicon)? */
static int
value_label (const char *label)
{
    return strcmp (label, "none") != 0 && strcmp (label, "undecided") != 0;
}

/* A label of 'qlex' equal to 'value' (any case). */
static const char *
find_label (const tracuu_qlex_t *qlex, const char *value, size_t len)
{
    for (size_t i = 0; i < tracuu_qlex__count (qlex); i++) {
        const char *label = tracuu_qlex__label (qlex, i);

        if (strlen (label) == len && strncasecmp (label, value, len) == 0
            && value_label (label))
            return label;
    }
    return NULL;
}

/* "a, b, c" from the labels of 'qlex' or 'lex'. malloc; NULL on OOM. */
static char *
label_list (const tracuu_qlex_t *qlex, const tracuu_lexicon_t *lex)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t buf = { NULL, 0, 0 };
    size_t n = qlex ? tracuu_qlex__count (qlex) : tracuu_lexicon__count (lex);

    for (size_t i = 0; i < n; i++) {
        const char *label = qlex ? tracuu_qlex__label (qlex, i)
                                 : tracuu_lexicon__label (lex, i);

        if (!value_label (label))
            continue;
        if (buf.len)
            tracuu_buf__append (&rc, &buf, ", ", 2);
        tracuu_buf__append (&rc, &buf, label, strlen (label));
    }
    tracuu_buf__append (&rc, &buf, "", 0);
    if (rc) {
        free (buf.data);
        return NULL;
    }
    return buf.data;
}

/* The lexicon of a label field. */
static void
field_lexicon (const parser_t *p, const char *name, const tracuu_qlex_t **qlex,
               const tracuu_lexicon_t **lex)
{
    *lex = NULL;
    *qlex = NULL;
    if (strcmp (name, "platform") == 0)
        *lex = p->lex.platforms;
    else if (strcmp (name, "category") == 0)
        *qlex = p->lex.categories;
    else if (strcmp (name, "action") == 0)
        *qlex = p->lex.actions;
    else if (strcmp (name, "status") == 0)
        *qlex = p->lex.status;
    else if (strcmp (name, "violator") == 0)
        *qlex = p->lex.violators;
}

/* A value of a label field (action, category, platform, status...). */
static const char *
label_value (parser_t *p, const tracuu_field_t *f, const char *v, size_t len)
{
    const tracuu_qlex_t *qlex;
    const tracuu_lexicon_t *lex;
    const char *label;
    char *accepted;

    field_lexicon (p, f->name, &qlex, &lex);
    label = qlex ? find_label (qlex, v, len) : NULL;
    if (label == NULL)
        label = tracuu_question__match_whole (p, qlex, lex, v, len);
    if (label != NULL && value_label (label))
        return label;
    if (p->rc)
        return NULL;
    accepted = label_list (qlex, lex);
    tracuu_question__fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                           "bad value \"%.*s\" for %s: expected one of %s (or "
                           "one of their words, accents optional)", (int) len,
                           v, f->name, accepted ? accepted : "its values");
    free (accepted);
    return NULL;
}

int64_t
tracuu_question__amount_value (const char *s, size_t len)
{
    int64_t v = 0;
    size_t n_digits = 0;

    for (size_t k = 0; k < len; k++) {
        if (s[k] >= '0' && s[k] <= '9') {
            if (++n_digits > 18)
                return -1;
            v = v * 10 + (s[k] - '0');
        } else if (!(k > 0 && (s[k] == '.' || s[k] == ',' || s[k] == '_'))) {
            return -1;
        }
    }
    return n_digits ? v : -1;
}

/* "A..B", "A..", "..B" or "A": the two sides ('b' is NULL for "A"). */
static void
split_range (const char *v, size_t len, const char **a, size_t *a_len,
             const char **b, size_t *b_len)
{
    const char *dots = memmem (v, len, "..", 2);

    *a = v;
    *a_len = dots ? (size_t) (dots - v) : len;
    *b = dots ? dots + 2 : NULL;
    *b_len = dots ? len - *a_len - 2 : 0;
}

static void
field_amount (parser_t *p, const char *v, size_t len, int exclude)
{
    const char *a, *b;
    size_t a_len, b_len;
    int64_t lo = -1, hi = -1;

    split_range (v, len, &a, &a_len, &b, &b_len);
    if (a_len)
        lo = tracuu_question__amount_value (a, a_len);
    if (b == NULL)
        hi = lo;
    else if (b_len)
        hi = tracuu_question__amount_value (b, b_len);
    if ((a_len && lo < 0) || (b_len && hi < 0) || (!a_len && !b_len)
        || (lo >= 0 && hi >= 0 && lo > hi)) {
        tracuu_question__fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                               "bad value \"%.*s\" for amount: expected N..M, "
                               "N.., ..M or N in đồng, N <= M (digits; '.', "
                               "',' or '_' may separate thousands)", (int) len,
                               v);
        return;
    }
    if (exclude)
        tracuu_question__add_excluded_range (p, "amount", lo, hi);
    else if (p->q->amount_min < 0 && p->q->amount_max < 0) {
        p->q->amount_min = lo;
        p->q->amount_max = hi;
    } else {
        tracuu_question__add_amount (p->q, lo, hi);
    }
}

/* The days of a "date:", "period:" or "year:" value; 0 on error (the
 * message already given). */
static int
field_days (parser_t *p, const tracuu_field_t *f, const char *v, size_t len,
            int32_t *from, int32_t *to)
{
    const char *a, *b;
    size_t a_len, b_len;
    int32_t ignore;
    int ok = 1;

    *from = *to = 0;
    if (f->kind == TRACUU_FIELD_YEAR || f->kind == TRACUU_FIELD_PERIOD) {
        if ((f->kind == TRACUU_FIELD_YEAR && len != 4)
            || !tracuu_question__period (v, len, from, to)
            || (f->kind == TRACUU_FIELD_PERIOD && len == 10)) {
            tracuu_question__fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                                   f->kind == TRACUU_FIELD_YEAR
                                   ? "bad value \"%.*s\" for year: expected a "
                                     "year such as 2024"
                                   : "bad value \"%.*s\" for period: expected "
                                     "YYYY, YYYY-H1, YYYY-H2, YYYY-Q1..YYYY-Q4 "
                                     "or YYYY-MM", (int) len, v);
            return 0;
        }
        return 1;
    }
    split_range (v, len, &a, &a_len, &b, &b_len);
    if (a_len)
        ok = tracuu_question__period (a, a_len, from, b ? &ignore : to);
    if (ok && b_len)
        ok = tracuu_question__period (b, b_len, &ignore, to);
    if (!ok || (!a_len && !b_len) || (*from && *to && *from > *to)) {
        tracuu_question__fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                               "bad value \"%.*s\" for date: expected A..B, "
                               "A.. or ..B, with A <= B each YYYY-MM-DD (or "
                               "YYYY, YYYY-MM, YYYY-Q1..Q4, YYYY-H1, YYYY-H2)",
                               (int) len, v);
        return 0;
    }
    return 1;
}

static void
field_kind (parser_t *p, const char *v, size_t len, int exclude)
{
    const char *kind = NULL;

    if ((len == 6 || len == 7) && strncasecmp (v, "reports", len) == 0)
        kind = "report";
    else if ((len == 4 || len == 5) && strncasecmp (v, "cases", len) == 0)
        kind = "case";
    if (kind == NULL) {
        tracuu_question__fail (p, TRACUU_STATUS_QUERY_SYNTAX, "bad value "
                               "\"%.*s\" for kind: expected report or case",
                               (int) len, v);
        return;
    }
    /* Every document is a report or a case: not one is the other. */
    if (exclude)
        kind = strcmp (kind, "report") == 0 ? "case" : "report";
    if (p->q->kind == NULL)
        p->q->kind = tracuu_question__dup (p, kind, strlen (kind));
}

static void
field_province (parser_t *p, const char *v, size_t len, int exclude)
{
    const char *label = tracuu_question__match_whole (p, NULL, p->lex.provinces,
                                                      v, len);

    if (label != NULL)
        tracuu_question__add_filter (p, "province", label, strlen (label),
                                     exclude, NULL);
    else if (!p->rc)
        tracuu_question__fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                               "bad value \"%.*s\" for province: expected the "
                               "name of a province or city, e.g. "
                               "province:\"Bắc Giang\" (accents optional)",
                               (int) len, v);
}

static void
unknown_field (parser_t *p, const char *name, size_t len)
{
    char *names = tracuu_field_names (TRACUU_FIELD_FILTER, NULL);

    tracuu_question__fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                           "unknown field '%.*s'; fields are: %s", (int) len,
                           name, names ? names : "?");
    free (names);
}

void
tracuu_question__apply_field (parser_t *p, const item_t *item)
{
    const char *name = p->s + item->start;
    size_t name_len = item->name_end - item->start;
    const char *v = p->s + item->value_start;
    size_t len = item->value_end - item->value_start;
    const tracuu_field_t *f = tracuu_field_find (name, name_len,
                                                 TRACUU_FIELD_FILTER);
    const char *label;
    int32_t from, to;

    while (len > 0 && is_space (v[0])) {
        v++;
        len--;
    }
    while (len > 0 && is_space (v[len - 1]))
        len--;
    if (f == NULL) {
        unknown_field (p, name, name_len);
        return;
    }
    if (len == 0) {
        tracuu_question__fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                               "empty value for %s:", f->name);
        return;
    }
    switch (f->kind) {
    case TRACUU_FIELD_PROVINCE:
        field_province (p, v, len, item->exclude);
        break;
    case TRACUU_FIELD_LABEL:
        label = label_value (p, f, v, len);
        if (label == NULL)
            break;
        if (strcmp (f->name, "action") == 0 && !item->exclude) {
            if (p->q->action == NULL)
                p->q->action = tracuu_question__dup (p, label, strlen (label));
        } else {
            tracuu_question__add_filter (p, f->name, label, strlen (label),
                                         item->exclude, NULL);
        }
        break;
    case TRACUU_FIELD_TEXT:
    case TRACUU_FIELD_WORDS:
        tracuu_question__add_filter (p, f->name, v, len, item->exclude, NULL);
        break;
    case TRACUU_FIELD_YEAR:
    case TRACUU_FIELD_PERIOD:
    case TRACUU_FIELD_DATE:
        if (!field_days (p, f, v, len, &from, &to))
            break;
        if (item->exclude)
            tracuu_question__add_excluded_range (p, "date", from ? from : -1,
                                                 to ? to : -1);
        else
            tracuu_question__add_period (p->q, from, to);
        break;
    case TRACUU_FIELD_AMOUNT:
        field_amount (p, v, len, item->exclude);
        break;
    case TRACUU_FIELD_KIND:
        field_kind (p, v, len, item->exclude);
        break;
    case TRACUU_FIELD_BUCKET:
        break;                  /* Not a filter: never found above. */
    }
}
