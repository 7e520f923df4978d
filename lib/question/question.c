/*
 * Questions: a plain-language query -> filters + leftover full text.
 *
 * The query is normalized, then cut into items the way the search
 * syntax reads it (words, "quoted phrases", parentheses, OR/AND/NOT,
 * signs, prefix:value fields). Runs of unquoted top-level words are
 * tokenized and matched, longest first, against the question lexicons;
 * whether the matches are applied depends on the rule in question.h.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/lexicon.h"
#include "question/question-private.h"
#include "util/tracuu-private.h"

typedef enum item_kind {
    I_WORD,                     /* A bare word: may be interpreted. */
    I_TEXT,                     /* "Quoted", -word, +word: full text. */
    I_OR,
    I_AND,
    I_NOT,
    I_SIGN,                     /* A lone '-' or '+' before an atom. */
    I_OPEN,
    I_CLOSE,
    I_FIELD                     /* name:value. */
} item_kind_t;

typedef struct item {
    item_kind_t kind;
    size_t start;               /* Span in the normalized query. */
    size_t end;
    size_t name_end;            /* FIELD: the name is [start, name_end). */
    size_t value_start;         /* FIELD: the value, without quotes. */
    size_t value_end;
    int interp;                 /* WORD: may be interpreted. */
} item_t;

typedef enum match_kind {
    M_KEEP,                     /* Wording that names nothing: kept. */
    M_STOP,
    M_TIME,
    M_INTENT,
    M_ACTION,
    M_CATEGORY,
    M_PROVINCE,
    M_PLATFORM,
    M_ACCOUNT
} match_kind_t;

typedef struct match {
    match_kind_t kind;
    size_t first;               /* First token. */
    size_t n;                   /* Number of tokens. */
    const char *label;          /* Canonical value; lexicon-owned. */
    int32_t from;               /* TIME: first day, or 0. */
    int32_t to;                 /* TIME: last day, or 0. */
} match_t;

/* Consecutive interpretable words. */
typedef struct run {
    size_t first_item;          /* Its items. */
    size_t end_item;
    size_t start;               /* Its span in the normalized query. */
    size_t end;
    tracuu_text_t *text;        /* The span, tokenized. */
    match_t *matches;           /* In token order, not overlapping. */
    size_t n_matches;
} run_t;

typedef struct lexicons {
    tracuu_qlex_t *actions;
    tracuu_qlex_t *categories;
    tracuu_qlex_t *intents;
    tracuu_qlex_t *stops;
    tracuu_qlex_t *time;
    const tracuu_lexicon_t *provinces;  /* lexicon.c's, shared. */
    const tracuu_lexicon_t *platforms;
} lexicons_t;

typedef struct parser {
    tracuu_status_t rc;
    char *error;                /* Message of the first error. */
    lexicons_t lex;
    char *s;                    /* Normalized query, NUL-terminated. */
    size_t len;
    item_t *items;
    size_t n_items;
    run_t *runs;
    size_t n_runs;
    int question;               /* Interpret the words. */
    int seen_action;            /* An action word was found. */
    int seen_other;             /* Another mapped word was found. */
    tracuu_question_t *q;
    tracuu_buf_t text;          /* q->text being built. */
    size_t text_end;            /* End of the last piece, in s. */
} parser_t;

static const char *const field_names =
    "province, year, period, date, amount, account, platform, category, "
    "action, person, number, kind";

/* ------------------------------------------------------------------ */
/* Errors and small helpers.                                          */

static void
fail (parser_t *p, tracuu_status_t status, const char *format, ...)
    __attribute__ ((format (printf, 3, 4)));

static void
fail (parser_t *p, tracuu_status_t status, const char *format, ...)
{
    va_list ap;

    if (p->rc != TRACUU_STATUS_OK)
        return;
    p->rc = status;
    va_start (ap, format);
    if (vasprintf (&p->error, format, ap) < 0)
        p->error = NULL;
    va_end (ap);
}

static void
oom (parser_t *p)
{
    if (p->rc == TRACUU_STATUS_OK)
        p->rc = TRACUU_STATUS_OUT_OF_MEMORY;
}

static char *
dup_range (parser_t *p, const char *s, size_t len)
{
    char *copy;

    if (p->rc)
        return NULL;
    copy = strndup (s, len);
    if (copy == NULL)
        oom (p);
    return copy;
}

/* Add 's' to a list unless it is there already. */
static void
list_add (parser_t *p, char ***list, size_t *n, const char *s, size_t len)
{
    char **more;

    if (p->rc)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strlen ((*list)[i]) == len && memcmp ((*list)[i], s, len) == 0)
            return;
    more = realloc (*list, (*n + 1) * sizeof *more);
    if (more == NULL) {
        oom (p);
        return;
    }
    *list = more;
    more[*n] = dup_range (p, s, len);
    if (more[*n] != NULL)
        (*n)++;
}

static void
set_once (parser_t *p, char **field, const char *value)
{
    if (*field == NULL)
        *field = dup_range (p, value, strlen (value));
}

/* Widen the question's period: earliest start, latest end. */
static void
add_period (tracuu_question_t *q, int32_t from, int32_t to)
{
    if (from != 0 && (q->date_from == 0 || from < q->date_from))
        q->date_from = from;
    if (to != 0 && to > q->date_to)
        q->date_to = to;
}

static int
is_space (char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
           || c == '\v';
}

/* ------------------------------------------------------------------ */
/* Lexicons, loaded once.                                             */

static pthread_mutex_t lexicons_lock = PTHREAD_MUTEX_INITIALIZER;
static lexicons_t lexicons;
static int lexicons_done;

static void
lexicons_dispose (lexicons_t *lex)
{
    tracuu_qlex__destroy (lex->actions);
    tracuu_qlex__destroy (lex->categories);
    tracuu_qlex__destroy (lex->intents);
    tracuu_qlex__destroy (lex->stops);
    tracuu_qlex__destroy (lex->time);
}

/* Load the lexicons on first use; a failure is not remembered, so a
 * fixed data directory is picked up by the next call. */
static void
load_lexicons (parser_t *p)
{
    lexicons_t lex = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;

    pthread_mutex_lock (&lexicons_lock);
    if (lexicons_done)
        goto DONE;
    rc = tracuu_qlex__load ("question-actions.txt", &lex.actions, &p->error);
    if (!rc)
        rc = tracuu_qlex__load ("question-categories.txt", &lex.categories,
                                &p->error);
    if (!rc)
        rc = tracuu_qlex__load ("question-intents.txt", &lex.intents,
                                &p->error);
    if (!rc)
        rc = tracuu_qlex__load ("question-stopwords.txt", &lex.stops,
                                &p->error);
    if (!rc)
        rc = tracuu_qlex__load ("question-time.txt", &lex.time, &p->error);
    lex.provinces = tracuu_lexicon__provinces (&rc);
    lex.platforms = tracuu_lexicon__platforms (&rc);
    if (rc) {
        lexicons_dispose (&lex);
        if (p->error == NULL)
            fail (p, rc, "cannot load the provinces or platforms lexicon: %s",
                  tracuu_status_to_string (rc));
        p->rc = rc;
        goto DONE;
    }
    lexicons = lex;
    lexicons_done = 1;

  DONE:
    if (lexicons_done)
        p->lex = lexicons;
    pthread_mutex_unlock (&lexicons_lock);
}

/* ------------------------------------------------------------------ */
/* Items.                                                             */

static void
push_item (parser_t *p, item_t item)
{
    if (p->rc)
        return;
    if (p->n_items % 64 == 0) {
        item_t *more = realloc (p->items, (p->n_items + 64) * sizeof *more);

        if (more == NULL) {
            oom (p);
            return;
        }
        p->items = more;
    }
    p->items[p->n_items++] = item;
}

/* Length of the bare word at 'pos' (up to space, quote or paren). */
static size_t
word_len (const parser_t *p, size_t pos)
{
    size_t i = pos;

    while (i < p->len && !is_space (p->s[i]) && p->s[i] != '"'
           && p->s[i] != '(' && p->s[i] != ')')
        i++;
    return i - pos;
}

/* Is the word [pos, pos + n) a field "name:value" or "name:" before a
 * quote? Fills the item; returns the end of the field, or 0. */
static size_t
scan_field (const parser_t *p, size_t pos, size_t n, item_t *item)
{
    size_t colon = pos, vend;

    while (colon < pos + n && (isalpha ((unsigned char) p->s[colon])
                               || p->s[colon] == '_'))
        colon++;
    if (colon == pos || colon == pos + n || p->s[colon] != ':')
        return 0;
    item->name_end = colon;
    item->value_start = colon + 1;
    if (colon + 1 < pos + n) {
        if (p->s[colon + 1] == '/')
            return 0;           /* "https://...". */
        item->value_end = pos + n;
        return pos + n;
    }
    if (pos + n >= p->len || p->s[pos + n] != '"')
        return 0;               /* "note:" followed by a blank. */
    item->value_start = pos + n + 1;
    vend = item->value_start;
    while (vend < p->len && p->s[vend] != '"')
        vend++;
    item->value_end = vend;     /* A missing quote closes at the end. */
    return vend < p->len ? vend + 1 : vend;
}

static void
scan (parser_t *p)
{
    size_t pos = 0;
    int depth = 0;

    while (!p->rc) {
        item_t item = { I_WORD, 0, 0, 0, 0, 0, 0 };
        size_t n, end;

        while (pos < p->len && is_space (p->s[pos]))
            pos++;
        if (pos >= p->len)
            break;
        item.start = pos;
        if (p->s[pos] == '(') {
            item.kind = I_OPEN;
            depth++;
            pos++;
        } else if (p->s[pos] == ')') {
            item.kind = I_CLOSE;
            depth -= depth > 0;
            pos++;
        } else if (p->s[pos] == '"') {
            const char *q = memchr (p->s + pos + 1, '"', p->len - pos - 1);

            item.kind = I_TEXT;
            pos = q ? (size_t) (q - p->s) + 1 : p->len;
        } else {
            n = word_len (p, pos);
            if ((n == 2 && memcmp (p->s + pos, "OR", 2) == 0))
                item.kind = I_OR;
            else if (n == 3 && memcmp (p->s + pos, "AND", 3) == 0)
                item.kind = I_AND;
            else if (n == 3 && memcmp (p->s + pos, "NOT", 3) == 0)
                item.kind = I_NOT;
            else if (p->s[pos] == '-' || p->s[pos] == '+')
                item.kind = n == 1 ? I_SIGN : I_TEXT;
            else if (memmem (p->s + pos, n, "://", 3) != NULL)
                item.kind = I_TEXT;     /* An address is searched as is. */
            else if ((end = scan_field (p, pos, n, &item)) != 0) {
                item.kind = I_FIELD;
                n = end - pos;
            } else
                item.interp = depth == 0;
            pos += n;
        }
        item.end = pos;
        push_item (p, item);
    }
}

/* Words next to OR or after NOT or a sign are operands: full text. */
static void
mark_operands (parser_t *p)
{
    for (size_t k = 0; k < p->n_items; k++) {
        item_kind_t kind = p->items[k].kind;

        if (kind == I_OR && k > 0)
            p->items[k - 1].interp = 0;
        if ((kind == I_OR || kind == I_NOT || kind == I_SIGN)
            && k + 1 < p->n_items)
            p->items[k + 1].interp = 0;
    }
}

/* ------------------------------------------------------------------ */
/* Fields.                                                            */

/* 'value' analyzed; the label of a phrase covering all of it, or NULL.
 * 'qlex' or 'lex' is the lexicon. */
static const char *
match_whole (parser_t *p, const tracuu_qlex_t *qlex,
             const tracuu_lexicon_t *lex, const char *value, size_t len)
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

/* A label of 'qlex' equal to 'value' (any case), other than "none". */
static const char *
find_label (const tracuu_qlex_t *qlex, const char *value, size_t len)
{
    for (size_t i = 0; i < tracuu_qlex__count (qlex); i++) {
        const char *label = tracuu_qlex__label (qlex, i);

        if (strlen (label) == len && strncasecmp (label, value, len) == 0
            && strcmp (label, "none") != 0)
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

        if (strcmp (label, "none") == 0)
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

/* A value of a lexicon field (action, category, platform). */
static const char *
lexicon_value (parser_t *p, const char *name, const tracuu_qlex_t *qlex,
               const tracuu_lexicon_t *lex, const char *v, size_t len)
{
    const char *label = qlex ? find_label (qlex, v, len) : NULL;
    char *accepted;

    if (label == NULL)
        label = match_whole (p, qlex, lex, v, len);
    if (label != NULL && strcmp (label, "none") != 0)
        return label;
    if (p->rc)
        return NULL;
    accepted = label_list (qlex, lex);
    fail (p, TRACUU_STATUS_QUERY_SYNTAX,
          "bad value \"%.*s\" for %s: expected one of %s (or one of their "
          "words, accents optional)", (int) len, v, name,
          accepted ? accepted : "its values");
    free (accepted);
    return NULL;
}

/* A number of đồng with optional separators; -1 if none. */
static int64_t
amount_value (const char *s, size_t len)
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
field_amount (parser_t *p, const char *v, size_t len)
{
    const char *a, *b;
    size_t a_len, b_len;
    int64_t lo = -1, hi = -1;

    split_range (v, len, &a, &a_len, &b, &b_len);
    if (a_len)
        lo = amount_value (a, a_len);
    if (b == NULL)
        hi = lo;
    else if (b_len)
        hi = amount_value (b, b_len);
    if ((a_len && lo < 0) || (b_len && hi < 0) || (!a_len && !b_len)
        || (lo >= 0 && hi >= 0 && lo > hi)) {
        fail (p, TRACUU_STATUS_QUERY_SYNTAX,
              "bad value \"%.*s\" for amount: expected N..M, N.., ..M or N "
              "in đồng, N <= M (digits; '.', ',' or '_' may separate "
              "thousands)", (int) len, v);
        return;
    }
    p->q->amount_min = lo;
    p->q->amount_max = hi;
}

static void
field_date (parser_t *p, const char *v, size_t len)
{
    const char *a, *b;
    size_t a_len, b_len;
    int32_t from = 0, to = 0, ignore;
    int ok = 1;

    split_range (v, len, &a, &a_len, &b, &b_len);
    if (a_len)
        ok = tracuu_question__period (a, a_len, &from, b ? &ignore : &to);
    if (ok && b_len)
        ok = tracuu_question__period (b, b_len, &ignore, &to);
    if (!ok || (!a_len && !b_len) || (from && to && from > to)) {
        fail (p, TRACUU_STATUS_QUERY_SYNTAX,
              "bad value \"%.*s\" for date: expected A..B, A.. or ..B, "
              "with A <= B each YYYY-MM-DD (or YYYY, YYYY-MM, YYYY-Q1..Q4, "
              "YYYY-H1, YYYY-H2)", (int) len, v);
        return;
    }
    add_period (p->q, from, to);
}

static void
apply_field (parser_t *p, const item_t *item)
{
    const char *name = p->s + item->start;
    size_t name_len = item->name_end - item->start;
    const char *v = p->s + item->value_start;
    size_t len = item->value_end - item->value_start;
    tracuu_question_t *q = p->q;
    const char *label;
    int32_t from = 0, to = 0;

#define IS(s) (name_len == strlen (s) && strncasecmp (name, s, name_len) == 0)
    while (len > 0 && is_space (v[0])) {
        v++;
        len--;
    }
    while (len > 0 && is_space (v[len - 1]))
        len--;
    if (!IS ("province") && !IS ("year") && !IS ("period") && !IS ("date")
        && !IS ("amount") && !IS ("account") && !IS ("platform")
        && !IS ("category") && !IS ("action") && !IS ("person")
        && !IS ("number") && !IS ("kind")) {
        fail (p, TRACUU_STATUS_QUERY_SYNTAX,
              "unknown prefix \"%.*s:\"; known prefixes: %s",
              (int) name_len, name, field_names);
        return;
    }
    if (len == 0) {
        fail (p, TRACUU_STATUS_QUERY_SYNTAX, "empty value for %.*s:",
              (int) name_len, name);
        return;
    }
    if (IS ("province")) {
        label = match_whole (p, NULL, p->lex.provinces, v, len);
        if (label != NULL)
            list_add (p, &q->provinces, &q->n_provinces, label,
                      strlen (label));
        else
            fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                  "bad value \"%.*s\" for province: expected the name of "
                  "one of the 63 provinces, e.g. province:\"Bắc Giang\" "
                  "(accents optional)", (int) len, v);
    } else if (IS ("platform")) {
        label = lexicon_value (p, "platform", NULL, p->lex.platforms, v, len);
        if (label != NULL)
            list_add (p, &q->platforms, &q->n_platforms, label,
                      strlen (label));
    } else if (IS ("category")) {
        label = lexicon_value (p, "category", p->lex.categories, NULL, v, len);
        if (label != NULL)
            list_add (p, &q->categories, &q->n_categories, label,
                      strlen (label));
    } else if (IS ("action")) {
        label = lexicon_value (p, "action", p->lex.actions, NULL, v, len);
        if (label != NULL)
            set_once (p, &q->action, label);
    } else if (IS ("kind")) {
        if ((len == 6 || len == 7) && strncasecmp (v, "reports", len) == 0)
            set_once (p, &q->kind, "report");
        else if ((len == 4 || len == 5) && strncasecmp (v, "cases", len) == 0)
            set_once (p, &q->kind, "case");
        else
            fail (p, TRACUU_STATUS_QUERY_SYNTAX, "bad value \"%.*s\" for "
                  "kind: expected report or case", (int) len, v);
    } else if (IS ("year") || IS ("period")) {
        if ((IS ("year") && len != 4)
            || !tracuu_question__period (v, len, &from, &to)
            || (IS ("period") && len == 10))
            fail (p, TRACUU_STATUS_QUERY_SYNTAX, IS ("year")
                  ? "bad value \"%.*s\" for year: expected a year such as "
                    "2024"
                  : "bad value \"%.*s\" for period: expected YYYY, "
                    "YYYY-H1, YYYY-H2, YYYY-Q1..YYYY-Q4 or YYYY-MM",
                  (int) len, v);
        else
            add_period (q, from, to);
    } else if (IS ("date")) {
        field_date (p, v, len);
    } else if (IS ("amount")) {
        field_amount (p, v, len);
    } else if (IS ("account")) {
        list_add (p, &q->accounts, &q->n_accounts, v, len);
    } else if (IS ("person")) {
        list_add (p, &q->persons, &q->n_persons, v, len);
    } else {
        list_add (p, &q->numbers, &q->n_numbers, v, len);
    }
#undef IS
}

/* Apply every field; NOT or a sign before a field is an error. */
static void
apply_fields (parser_t *p)
{
    for (size_t k = 0; k < p->n_items && !p->rc; k++) {
        const item_t *item = &p->items[k];

        if (item->kind != I_FIELD)
            continue;
        p->question = 1;
        if (k > 0 && (item[-1].kind == I_NOT || item[-1].kind == I_SIGN)) {
            fail (p, TRACUU_STATUS_QUERY_SYNTAX,
                  "%.*s cannot be negated: prefixes are filters, and only "
                  "words and phrases take NOT or '-'",
                  (int) (item->name_end - item->start + 1),
                  p->s + item->start);
            return;
        }
        apply_field (p, item);
    }
}

/* ------------------------------------------------------------------ */
/* Words.                                                             */

/* Keep 'm' if it is longer than the best so far. */
static void
consider (match_t *best, match_kind_t kind, size_t n, const char *label)
{
    if (n <= best->n)
        return;
    best->kind = kind;
    best->n = n;
    best->label = label;
    if (label != NULL && strcmp (label, "none") == 0)
        best->kind = M_KEEP;
}

static void
push_match (parser_t *p, run_t *run, match_t m)
{
    if (p->rc)
        return;
    if (run->n_matches % 16 == 0) {
        match_t *more = realloc (run->matches,
                                 (run->n_matches + 16) * sizeof *more);

        if (more == NULL) {
            oom (p);
            return;
        }
        run->matches = more;
    }
    run->matches[run->n_matches++] = m;
}

/* Does match 'm' make the query a question? */
static int
triggers (const match_t *m, int strong_time)
{
    switch (m->kind) {
    case M_TIME:
        return strong_time;
    case M_ACTION:
        return 0;               /* Only with another sign: see find_runs. */
    case M_INTENT:
        return strcmp (m->label, "total") == 0
               || strcmp (m->label, "accounts") == 0;
    default:
        return 0;
    }
}

static void
match_run (parser_t *p, run_t *run)
{
    const tracuu_text_t *t = run->text;
    const lexicons_t *lex = &p->lex;
    size_t i = 0, n = t->n_tokens, id = 0, k;

    while (i < n && !p->rc) {
        match_t best = { M_KEEP, i, 0, NULL, 0, 0 };
        int strong = 0;
        const char *label = NULL;

        best.n = tracuu_question__time (lex->time, t, i, n, &best.from,
                                        &best.to, &strong);
        if (best.n)
            best.kind = M_TIME;
        k = tracuu_qlex__match (lex->intents, t, i, n, &label);
        consider (&best, M_INTENT, k, label);
        k = tracuu_qlex__match (lex->actions, t, i, n, &label);
        consider (&best, M_ACTION, k, label);
        k = tracuu_qlex__match (lex->categories, t, i, n, &label);
        consider (&best, M_CATEGORY, k, label);
        k = tracuu_lexicon__match (lex->provinces, t, i, n, &id);
        consider (&best, M_PROVINCE, k, tracuu_lexicon__label (lex->provinces,
                                                               id));
        k = tracuu_lexicon__match (lex->platforms, t, i, n, &id);
        consider (&best, M_PLATFORM, k, tracuu_lexicon__label (lex->platforms,
                                                               id));
        if (t->tokens[i].exact[0] == '@' && t->tokens[i].exact_len > 1)
            consider (&best, M_ACCOUNT, 1, NULL);
        k = tracuu_qlex__match (lex->stops, t, i, n, &label);
        consider (&best, M_STOP, k, label);
        if (best.n == 0) {
            p->seen_other = 1;  /* A word that stays text. */
            i++;
            continue;
        }
        if (triggers (&best, strong))
            p->question = 1;
        if (best.kind == M_ACTION)
            p->seen_action = 1;
        else
            p->seen_other = 1;
        push_match (p, run, best);
        i += best.n;
    }
}

static void
find_runs (parser_t *p)
{
    for (size_t k = 0; k < p->n_items && !p->rc;) {
        run_t *run;
        size_t e = k;

        while (e < p->n_items && p->items[e].kind == I_WORD
               && p->items[e].interp)
            e++;
        if (e == k) {
            p->seen_other = 1;  /* A phrase, an operator, a field... */
            k++;
            continue;
        }
        if (p->n_runs % 16 == 0) {
            run_t *more = realloc (p->runs, (p->n_runs + 16) * sizeof *more);

            if (more == NULL) {
                oom (p);
                return;
            }
            p->runs = more;
        }
        run = &p->runs[p->n_runs++];
        *run = (run_t) { k, e, p->items[k].start, p->items[e - 1].end,
                         NULL, NULL, 0 };
        p->rc = tracuu_text_analyze (p->s + run->start,
                                     run->end - run->start, &run->text);
        if (!p->rc)
            match_run (p, run);
        k = e;
    }
}

static void
apply_match (parser_t *p, const run_t *run, const match_t *m)
{
    tracuu_question_t *q = p->q;
    const tracuu_token_t *t = &run->text->tokens[m->first];

    switch (m->kind) {
    case M_TIME:
        add_period (q, m->from, m->to);
        break;
    case M_INTENT:
        if (strcmp (m->label, "total") == 0)
            q->wants_total = 1;
        else if (strcmp (m->label, "accounts") == 0)
            set_once (p, &q->wants, "accounts");
        else
            set_once (p, &q->kind, m->label);
        break;
    case M_ACTION:
        set_once (p, &q->action, m->label);
        break;
    case M_CATEGORY:
        list_add (p, &q->categories, &q->n_categories, m->label,
                  strlen (m->label));
        break;
    case M_PROVINCE:
        list_add (p, &q->provinces, &q->n_provinces, m->label,
                  strlen (m->label));
        break;
    case M_PLATFORM:
        list_add (p, &q->platforms, &q->n_platforms, m->label,
                  strlen (m->label));
        break;
    case M_ACCOUNT:
        list_add (p, &q->accounts, &q->n_accounts, run->text->text + t->start,
                  t->end - t->start);
        break;
    case M_KEEP:
    case M_STOP:
        break;
    }
}

/* ------------------------------------------------------------------ */
/* The leftover text and the explanation.                             */

/* Append 'len' bytes at 'data', which stand at [start, end) of the
 * normalized query (start == SIZE_MAX: unknown), after a blank unless
 * they touch the previous piece. */
static void
append_piece (parser_t *p, const char *data, size_t len, size_t start,
              size_t end)
{
    if (len == 0)
        return;
    if (p->text.len > 0 && (start == SIZE_MAX || start != p->text_end))
        tracuu_buf__append (&p->rc, &p->text, " ", 1);
    tracuu_buf__append (&p->rc, &p->text, data, len);
    p->text_end = start == SIZE_MAX ? SIZE_MAX : end;
}

/* The tokens of 'run' that no match consumed, as typed. */
static void
append_run (parser_t *p, const run_t *run)
{
    const tracuu_text_t *t = run->text;
    int same = t->len == run->end - run->start;
    size_t m = 0, i = 0;

    while (i < t->n_tokens) {
        size_t j = i;

        while (m < run->n_matches
               && run->matches[m].first + run->matches[m].n <= i)
            m++;
        if (m < run->n_matches && run->matches[m].first <= i
            && run->matches[m].kind != M_KEEP) {
            i = run->matches[m].first + run->matches[m].n;
            continue;
        }
        /* Kept tokens from i up to the next consuming match. */
        for (size_t mm = m; j < t->n_tokens; j++) {
            while (mm < run->n_matches
                   && run->matches[mm].first + run->matches[mm].n <= j)
                mm++;
            if (mm < run->n_matches && run->matches[mm].first <= j
                && run->matches[mm].kind != M_KEEP)
                break;
        }
        append_piece (p, t->text + t->tokens[i].start,
                      t->tokens[j - 1].end - t->tokens[i].start,
                      same ? run->start + t->tokens[i].start : SIZE_MAX,
                      run->start + t->tokens[j - 1].end);
        i = j;
    }
}

/* Is item k an OR or AND to drop in a question? AND is implied; an OR
 * next to a field would join a filter with text. */
static int
dropped_operator (const parser_t *p, size_t k)
{
    if (p->items[k].kind == I_AND)
        return 1;
    if (p->items[k].kind != I_OR)
        return 0;
    return (k > 0 && p->items[k - 1].kind == I_FIELD)
           || (k + 1 < p->n_items && p->items[k + 1].kind == I_FIELD);
}

static void
build_text (parser_t *p)
{
    size_t r = 0;

    for (size_t k = 0; k < p->n_items && !p->rc; k++) {
        const item_t *item = &p->items[k];

        if (r < p->n_runs && p->runs[r].first_item == k) {
            if (p->question)
                append_run (p, &p->runs[r]);
            else
                append_piece (p, p->s + p->runs[r].start,
                              p->runs[r].end - p->runs[r].start,
                              p->runs[r].start, p->runs[r].end);
            k = p->runs[r++].end_item - 1;
            continue;
        }
        if (item->kind == I_FIELD || (p->question && dropped_operator (p, k)))
            continue;
        append_piece (p, p->s + item->start, item->end - item->start,
                      item->start, item->end);
    }
    tracuu_buf__append (&p->rc, &p->text, "", 0);
    if (!p->rc) {
        p->q->text = p->text.data;
        p->text.data = NULL;
    }
}

/* " key=value", the value quoted when it holds a blank, a quote or
 * nothing (always for text). */
static void
explain_kv (tracuu_status_t *rc, tracuu_buf_t *buf, const char *key,
            const char *value, int force_quotes)
{
    int quote = force_quotes || *value == '\0'
                || strpbrk (value, " \t\n\"\\=") != NULL;

    if (buf->len)
        tracuu_buf__append (rc, buf, " ", 1);
    tracuu_buf__append (rc, buf, key, strlen (key));
    tracuu_buf__append (rc, buf, "=", 1);
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

static void
explain_list (tracuu_status_t *rc, tracuu_buf_t *buf, const char *key,
              char **values, size_t n)
{
    for (size_t i = 0; i < n; i++)
        explain_kv (rc, buf, key, values[i], 0);
}

static void
build_explain (parser_t *p)
{
    const tracuu_question_t *q = p->q;
    tracuu_buf_t buf = { NULL, 0, 0 };
    char value[64];

    if (q->action)
        explain_kv (&p->rc, &buf, "action", q->action, 0);
    explain_list (&p->rc, &buf, "category", q->categories, q->n_categories);
    explain_list (&p->rc, &buf, "platform", q->platforms, q->n_platforms);
    explain_list (&p->rc, &buf, "province", q->provinces, q->n_provinces);
    explain_list (&p->rc, &buf, "account", q->accounts, q->n_accounts);
    explain_list (&p->rc, &buf, "person", q->persons, q->n_persons);
    explain_list (&p->rc, &buf, "number", q->numbers, q->n_numbers);
    if (q->kind)
        explain_kv (&p->rc, &buf, "kind", q->kind, 0);
    if (q->date_from || q->date_to) {
        char from[16] = "", to[16] = "";

        if (q->date_from)
            snprintf (from, sizeof from, "%04d-%02d-%02d",
                      (int) (q->date_from / 10000),
                      (int) (q->date_from / 100 % 100),
                      (int) (q->date_from % 100));
        if (q->date_to)
            snprintf (to, sizeof to, "%04d-%02d-%02d",
                      (int) (q->date_to / 10000),
                      (int) (q->date_to / 100 % 100),
                      (int) (q->date_to % 100));
        snprintf (value, sizeof value, "%s..%s", from, to);
        explain_kv (&p->rc, &buf, "period", value, 0);
    }
    if (q->amount_min >= 0 || q->amount_max >= 0) {
        char lo[24] = "", hi[24] = "";

        if (q->amount_min >= 0)
            snprintf (lo, sizeof lo, "%lld", (long long) q->amount_min);
        if (q->amount_max >= 0)
            snprintf (hi, sizeof hi, "%lld", (long long) q->amount_max);
        snprintf (value, sizeof value, "%s..%s", lo, hi);
        explain_kv (&p->rc, &buf, "amount", value, 0);
    }
    if (q->wants_total)
        explain_kv (&p->rc, &buf, "wants_total", "1", 0);
    if (q->wants)
        explain_kv (&p->rc, &buf, "wants", q->wants, 0);
    explain_kv (&p->rc, &buf, "text", q->text, 1);
    if (p->rc) {
        free (buf.data);
        return;
    }
    p->q->explain = buf.data;
}

/* ------------------------------------------------------------------ */
/* Entry points.                                                      */

static void
free_list (char **list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free (list[i]);
    free (list);
}

void
tracuu_question_destroy (tracuu_question_t *question)
{
    if (question == NULL)
        return;
    free (question->action);
    free_list (question->categories, question->n_categories);
    free_list (question->platforms, question->n_platforms);
    free_list (question->provinces, question->n_provinces);
    free_list (question->accounts, question->n_accounts);
    free_list (question->persons, question->n_persons);
    free_list (question->numbers, question->n_numbers);
    free (question->kind);
    free (question->wants);
    free (question->text);
    free (question->explain);
    free (question);
}

static void
parser_dispose (parser_t *p)
{
    for (size_t r = 0; r < p->n_runs; r++) {
        tracuu_text_destroy (p->runs[r].text);
        free (p->runs[r].matches);
    }
    free (p->runs);
    free (p->items);
    free (p->s);
    free (p->text.data);
    tracuu_question_destroy (p->q);
    free (p->error);
}

tracuu_status_t
tracuu_question_parse (const char *q, size_t len, tracuu_question_t **out,
                       char **error_out)
{
    parser_t p = { 0 };
    tracuu_status_t status;

    if (error_out != NULL)
        *error_out = NULL;
    if (out == NULL || (q == NULL && len > 0))
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    if (len > TRACUU_QUESTION_MAX_BYTES) {
        fail (&p, TRACUU_STATUS_LIMIT_EXCEEDED, "question too long: %zu "
              "bytes, at most %d", len, TRACUU_QUESTION_MAX_BYTES);
        goto DONE;
    }
    load_lexicons (&p);
    if (p.rc)
        goto DONE;
    p.rc = tracuu_normalize (q ? q : "", len, &p.s, &p.len, NULL);
    if (p.rc)
        goto DONE;
    for (size_t i = 0; i < p.len; i++)
        if (p.s[i] == '\0')
            p.s[i] = ' ';
    p.q = calloc (1, sizeof *p.q);
    if (p.q == NULL) {
        oom (&p);
        goto DONE;
    }
    p.q->amount_min = p.q->amount_max = -1;
    scan (&p);
    mark_operands (&p);
    apply_fields (&p);
    find_runs (&p);
    /* An action word alone ("xử phạt", "fines") is a search; with
     * anything else ("xử phạt tin giả", "all fines", "fines on TikTok")
     * the query is a question. */
    if (p.seen_action && p.seen_other)
        p.question = 1;
    for (size_t r = 0; r < p.n_runs && p.question; r++)
        for (size_t m = 0; m < p.runs[r].n_matches; m++)
            apply_match (&p, &p.runs[r], &p.runs[r].matches[m]);
    build_text (&p);
    if (!p.rc && p.q->date_from && p.q->date_to && p.q->date_from > p.q->date_to)
        fail (&p, TRACUU_STATUS_QUERY_SYNTAX, "the period asked for ends "
              "(%d) before it starts (%d); check the years", (int) p.q->date_to,
              (int) p.q->date_from);
    if (p.rc)
        goto DONE;
    build_explain (&p);
    if (p.rc)
        goto DONE;
    *out = p.q;
    p.q = NULL;

  DONE:
    status = p.rc;
    if (status && error_out != NULL) {
        if (p.error == NULL)
            p.error = strdup (tracuu_status_to_string (status));
        *error_out = p.error;
        p.error = NULL;
    }
    parser_dispose (&p);
    return status;
}
