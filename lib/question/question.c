/*
 * Questions: a plain-language query -> filters + leftover full text.
 *
 * The query is normalized and cut into tokens by the lexer of the query
 * language (lib/search/lexer.c); fields become filters
 * (question-fields.c). Runs of unquoted top-level words are tokenized
 * and matched, longest first, against the question lexicons; whether
 * the matches are applied depends on the rule in question.h. Every
 * word ends up in the question's word list with what it was read as
 * (question-explain.c builds the leftover text and the explanation from
 * that list).
 */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "question/question-private.h"
#include "search/search-private.h"

/* ------------------------------------------------------------------ */
/* Errors and small helpers.                                          */

void
tracuu_question__fail (parser_t *p, tracuu_status_t status,
                       const char *format, ...)
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

char *
tracuu_question__dup (parser_t *p, const char *s, size_t len)
{
    char *copy;

    if (p->rc)
        return NULL;
    copy = strndup (s, len);
    if (copy == NULL)
        oom (p);
    return copy;
}

/* Grow '*array' of '*n' elements of 'size' bytes by one; NULL on OOM. */
static void *
grow (parser_t *p, void **array, size_t n, size_t size)
{
    void *more;

    if (p->rc)
        return NULL;
    more = tracuu_array__grow_counted (&p->rc, *array, n, size);
    if (more == NULL) {
        oom (p);
        return NULL;
    }
    *array = more;
    return (char *) *array + n * size;
}

static int
same_filter (const tracuu_question_filter_t *f, const char *field,
             const char *value, size_t len, int exclude)
{
    return strcmp (f->field, field) == 0 && f->exclude == exclude
           && strlen (f->value) == len && memcmp (f->value, value, len) == 0;
}

void
tracuu_question__add_filter (parser_t *p, const char *field,
                             const char *value, size_t len, int exclude,
                             const char *why)
{
    tracuu_question_t *q = p->q;
    tracuu_question_filter_t *f;

    for (size_t i = 0; i < q->n_filters; i++)
        if (same_filter (&q->filters[i], field, value, len, exclude))
            return;
    f = grow (p, (void **) &q->filters, q->n_filters, sizeof *f);
    if (f == NULL)
        return;
    *f = (tracuu_question_filter_t) { field, NULL, exclude != 0, -1, -1, NULL };
    f->value = tracuu_question__dup (p, value, len);
    if (why != NULL)
        f->why = tracuu_question__dup (p, why, strlen (why));
    if (f->value != NULL)
        q->n_filters++;
    else
        free (f->why);
}

void
tracuu_question__add_excluded_range (parser_t *p, const char *field,
                                     int64_t lo, int64_t hi)
{
    char value[64] = "", a[24] = "", b[24] = "";

    if (lo >= 0)
        snprintf (a, sizeof a, "%lld", (long long) lo);
    if (hi >= 0)
        snprintf (b, sizeof b, "%lld", (long long) hi);
    snprintf (value, sizeof value, "%s..%s", a, b);
    tracuu_question__add_filter (p, field, value, strlen (value), 1, NULL);
    if (!p->rc) {
        p->q->filters[p->q->n_filters - 1].lo = lo;
        p->q->filters[p->q->n_filters - 1].hi = hi;
    }
}

void
tracuu_question__note (parser_t *p, const char *format, ...)
{
    tracuu_question_t *q = p->q;
    char **slot, *note = NULL;
    va_list ap;

    if (p->rc)
        return;
    va_start (ap, format);
    if (vasprintf (&note, format, ap) < 0)
        note = NULL;
    va_end (ap);
    if (note == NULL) {
        oom (p);
        return;
    }
    for (size_t i = 0; i < q->n_notes; i++)
        if (strcmp (q->notes[i], note) == 0) {
            free (note);
            return;
        }
    slot = grow (p, (void **) &q->notes, q->n_notes, sizeof *slot);
    if (slot == NULL) {
        free (note);
        return;
    }
    *slot = note;
    q->n_notes++;
}

void
tracuu_question__add_period (tracuu_question_t *q, int32_t from, int32_t to)
{
    if (from != 0 && (q->date_from == 0 || from < q->date_from))
        q->date_from = from;
    if (to != 0 && to > q->date_to)
        q->date_to = to;
}

void
tracuu_question__add_amount (tracuu_question_t *q, int64_t lo, int64_t hi)
{
    if (lo >= 0 && lo > q->amount_min)
        q->amount_min = lo;
    if (hi >= 0 && (q->amount_max < 0 || hi < q->amount_max))
        q->amount_max = hi;
}

static void
set_once (parser_t *p, char **field, const char *value)
{
    if (*field == NULL)
        *field = tracuu_question__dup (p, value, strlen (value));
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
    tracuu_qlex__destroy (lex->amounts);
    tracuu_qlex__destroy (lex->status);
    tracuu_qlex__destroy (lex->agencies);
    tracuu_qlex__destroy (lex->violators);
    tracuu_qlex__destroy (lex->exclusions);
    tracuu_qlex__destroy (lex->units);
    tracuu_qprov__destroy (lex->prov);
}

/* Load the lexicons on first use; a failure is not remembered, so a
 * fixed data directory is picked up by the next call. */
static void
load_lexicons (parser_t *p)
{
    static const struct {
        const char *file;
        size_t offset;
    } files[] = {
        { "question-actions.txt", offsetof (lexicons_t, actions) },
        { "question-categories.txt", offsetof (lexicons_t, categories) },
        { "question-intents.txt", offsetof (lexicons_t, intents) },
        { "question-stopwords.txt", offsetof (lexicons_t, stops) },
        { "question-time.txt", offsetof (lexicons_t, time) },
        { "question-amounts.txt", offsetof (lexicons_t, amounts) },
        { "question-status.txt", offsetof (lexicons_t, status) },
        { "question-agencies.txt", offsetof (lexicons_t, agencies) },
        { "question-violators.txt", offsetof (lexicons_t, violators) },
        { "question-exclusions.txt", offsetof (lexicons_t, exclusions) },
        { "provinces-2025.txt", offsetof (lexicons_t, units) },
    };
    lexicons_t lex = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;

    pthread_mutex_lock (&lexicons_lock);
    if (lexicons_done)
        goto DONE;
    for (size_t i = 0; i < sizeof files / sizeof files[0] && !rc; i++)
        rc = tracuu_qlex__load (files[i].file, (tracuu_qlex_t **)
                                ((char *) &lex + files[i].offset), &p->error);
    lex.provinces = tracuu_lexicon__provinces (&rc);
    lex.platforms = tracuu_lexicon__platforms (&rc);
    if (!rc)
        rc = tracuu_qprov__build (lex.units, lex.provinces, &p->error,
                                  &lex.prov);
    if (rc) {
        lexicons_dispose (&lex);
        if (p->error == NULL)
            tracuu_question__fail (p, rc, "cannot load the provinces or "
                                   "platforms lexicon: %s",
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
/* Items: the lexer's tokens as the question reads them.              */

static void
push_item (parser_t *p, item_t item)
{
    item_t *slot = grow (p, (void **) &p->items, p->n_items, sizeof *slot);

    if (slot != NULL) {
        *slot = item;
        p->n_items++;
    }
}

static void
scan (parser_t *p)
{
    tracuu_lex_t lex = { NULL, 0 };

    p->rc = tracuu_lex__scan (p->s, p->len, &lex);
    for (size_t k = 0; k < lex.n && !p->rc; k++) {
        const tracuu_lex_token_t *t = &lex.tokens[k];
        item_t item = { I_WORD, t->start, t->end, 0, 0, 0, 0, t->glued, 0 };

        switch (t->kind) {
        case TRACUU_LEX_WORD:
            if (memmem (p->s + t->start, t->end - t->start, "://", 3) != NULL)
                item.kind = I_TEXT;     /* An address is searched as is. */
            else
                item.interp = t->depth == 0
                              && !tracuu_lex__is_operand (&lex, k);
            break;
        case TRACUU_LEX_PHRASE: item.kind = I_TEXT; break;
        case TRACUU_LEX_OPEN: item.kind = I_OPEN; break;
        case TRACUU_LEX_CLOSE: item.kind = I_CLOSE; break;
        case TRACUU_LEX_OR: item.kind = I_OR; break;
        case TRACUU_LEX_AND: item.kind = I_AND; break;
        case TRACUU_LEX_NOT: item.kind = I_NOT; break;
        case TRACUU_LEX_MINUS:
        case TRACUU_LEX_PLUS: item.kind = I_SIGN; break;
        case TRACUU_LEX_FIELD:
            item.kind = I_FIELD;
            item.name_end = t->name_end;
            item.value_start = t->text_start;
            item.value_end = t->text_end;
            item.exclude = k > 0 && (lex.tokens[k - 1].kind == TRACUU_LEX_NOT
                                     || lex.tokens[k - 1].kind
                                        == TRACUU_LEX_MINUS);
            break;
        }
        push_item (p, item);
    }
    tracuu_lex__dispose (&lex);
}

/* Words next to OR are operands: full text. */
static void
mark_operands (parser_t *p)
{
    for (size_t k = 0; k < p->n_items; k++) {
        if (p->items[k].kind != I_OR)
            continue;
        if (k > 0)
            p->items[k - 1].interp = 0;
        if (k + 1 < p->n_items)
            p->items[k + 1].interp = 0;
    }
}

/* Is item k a NOT or sign that negates the field after it? */
static int
negates_field (const parser_t *p, size_t k)
{
    return (p->items[k].kind == I_NOT || p->items[k].kind == I_SIGN)
           && k + 1 < p->n_items && p->items[k + 1].kind == I_FIELD;
}

static void
apply_fields (parser_t *p)
{
    for (size_t k = 0; k < p->n_items && !p->rc; k++) {
        if (p->items[k].kind != I_FIELD)
            continue;
        p->question = 1;
        tracuu_question__apply_field (p, &p->items[k]);
    }
}

/* ------------------------------------------------------------------ */
/* Words: matching.                                                   */

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
    else if (label != NULL && kind == M_EXCLUDE && strcmp (label, "filler") == 0)
        best->kind = M_STOP;
}

static void
push_match (parser_t *p, run_t *run, match_t m)
{
    match_t *slot = grow (p, (void **) &run->matches, run->n_matches,
                          sizeof *slot);

    if (slot != NULL) {
        *slot = m;
        run->n_matches++;
    }
}

static void
match_run (parser_t *p, run_t *run)
{
    const tracuu_text_t *t = run->text;
    const lexicons_t *lex = &p->lex;
    size_t i = 0, n = t->n_tokens, id = 0, k;

    while (i < n && !p->rc) {
        match_t best = { M_KEEP, i, 0, NULL, -1, -1, 0, 0 };
        int32_t from = 0, to = 0;
        int64_t lo = -1, hi = -1;
        int strong = 0;
        const char *label = NULL;
        size_t nt, na;

        nt = tracuu_question__time (lex->time, t, i, n, p->today, &from, &to,
                                    &strong);
        na = tracuu_question__amount (lex->amounts, t, i, n, &lo, &hi);
        if (nt >= na)
            consider (&best, M_TIME, nt, NULL);
        else
            consider (&best, M_AMOUNT, na, NULL);
        k = tracuu_qlex__match (lex->intents, t, i, n, &label);
        consider (&best, M_INTENT, k, label);
        k = tracuu_qlex__match (lex->exclusions, t, i, n, &label);
        consider (&best, M_EXCLUDE, k, label);
        k = tracuu_qlex__match (lex->actions, t, i, n, &label);
        consider (&best, M_ACTION, k, label);
        k = tracuu_qlex__match (lex->categories, t, i, n, &label);
        consider (&best, M_CATEGORY, k, label);
        k = tracuu_qlex__match (lex->status, t, i, n, &label);
        consider (&best, M_STATUS, k, label);
        k = tracuu_qlex__match (lex->agencies, t, i, n, &label);
        consider (&best, M_AGENCY, k, label);
        k = tracuu_qlex__match (lex->violators, t, i, n, &label);
        consider (&best, M_VIOLATOR, k, label);
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
            i++;
            continue;
        }
        if (best.kind == M_TIME) {
            best.lo = from;
            best.hi = to;
            best.strong = strong;
        } else if (best.kind == M_AMOUNT) {
            best.lo = lo;
            best.hi = hi;
        }
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
            k++;
            continue;
        }
        run = grow (p, (void **) &p->runs, p->n_runs, sizeof *run);
        if (run == NULL)
            return;
        p->n_runs++;
        *run = (run_t) { k, e, p->items[k].start, p->items[e - 1].end,
                         NULL, NULL, 0 };
        p->rc = tracuu_text_analyze (p->s + run->start,
                                     run->end - run->start, &run->text);
        if (!p->rc)
            match_run (p, run);
        k = e;
    }
}

/* ------------------------------------------------------------------ */
/* Words: reading the matches together.                               */

/* Could folded 'w' ('len' bytes of ASCII letters) be a Vietnamese
 * syllable? Initial consonants, one to three vowels, a final. */
static int
vietnamese_syllable (const char *w, size_t len)
{
    static const char *const initials[] = {
        "ngh", "ng", "gh", "gi", "kh", "nh", "ph", "qu", "th", "tr", "ch",
        "b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t",
        "v", "x", ""
    };
    static const char *const finals[] = { "ch", "ng", "nh", "c", "m", "n",
                                          "p", "t", "" };
    size_t i = 0, v = 0;

    for (size_t k = 0; k < sizeof initials / sizeof initials[0]; k++) {
        size_t n = strlen (initials[k]);

        if (n <= len && strncmp (w, initials[k], n) == 0) {
            i = n;
            break;
        }
    }
    while (i + v < len && strchr ("aeiouy", w[i + v]) != NULL)
        v++;
    if (v == 0 || v > 3)
        return 0;
    for (size_t k = 0; k < sizeof finals / sizeof finals[0]; k++)
        if (len - i - v == strlen (finals[k])
            && strncmp (w + i + v, finals[k], len - i - v) == 0)
            return 1;
    return 0;
}

/* Is the question English? It is when at least a third of its words
 * (of letters) cannot be Vietnamese syllables. */
static int
is_english (const parser_t *p)
{
    size_t words = 0, foreign = 0;

    for (size_t r = 0; r < p->n_runs; r++) {
        const tracuu_text_t *t = p->runs[r].text;

        for (size_t i = 0; i < t->n_tokens; i++) {
            const tracuu_token_t *tok = &t->tokens[i];
            int letters = tok->folded_len > 0;

            for (size_t c = 0; c < tok->folded_len && letters; c++)
                letters = tok->folded[c] >= 'a' && tok->folded[c] <= 'z';
            if (!letters)
                continue;
            words++;
            foreign += !(tok->flags & TRACUU_TOKEN_ACCENTED)
                       && !vietnamese_syllable (tok->folded, tok->folded_len);
        }
    }
    return words > 0 && 3 * foreign >= words;
}

/* The match covering token i of 'run', or NULL. */
static match_t *
match_at (run_t *run, size_t i)
{
    for (size_t m = 0; m < run->n_matches; m++)
        if (run->matches[m].first <= i
            && i < run->matches[m].first + run->matches[m].n)
            return &run->matches[m];
    return NULL;
}

/* Only blanks between tokens i and i + 1. */
static int
blank_gap (const tracuu_text_t *t, size_t i)
{
    for (size_t c = t->tokens[i].end; c < t->tokens[i + 1].start; c++)
        if (t->text[c] != ' ' && t->text[c] != '\t' && t->text[c] != '\n')
            return 0;
    return 1;
}

/* A stop word of one unaccented syllable that a content word follows
 * may be the first syllable of a compound ("co so kinh doanh" for "cơ
 * sở kinh doanh", "an toan"): in a Vietnamese question it stays content,
 * as it would have had it been typed with its accents. From the right,
 * so that "co so" before a content word keeps both. */
static void
keep_weak_stops (parser_t *p, run_t *run)
{
    const tracuu_text_t *t = run->text;

    if (p->english)
        return;
    for (size_t m = run->n_matches; m-- > 0;) {
        match_t *mt = &run->matches[m];
        const tracuu_token_t *tok = &t->tokens[mt->first];
        size_t next = mt->first + 1;
        const match_t *after;

        if (mt->kind != M_STOP || mt->n != 1
            || (tok->flags & TRACUU_TOKEN_ACCENTED) || next >= t->n_tokens
            || !blank_gap (t, mt->first)
            || !vietnamese_syllable (tok->folded, tok->folded_len))
            continue;
        after = match_at (run, next);
        if (after == NULL || after->kind == M_KEEP)
            mt->kind = M_KEEP;
    }
}

static int
is_noun (const match_t *m)
{
    return (m->kind == M_INTENT && (strncmp (m->label, "noun_", 5) == 0
                                    || strcmp (m->label, "report") == 0))
           || m->kind == M_VIOLATOR;
}

/* Can a match stand between a question word and its noun? */
static int
passes (const match_t *m)
{
    return m->kind == M_STOP || m->kind == M_PLATFORM || m->kind == M_PROVINCE
           || m->kind == M_CATEGORY || m->kind == M_TIME;
}

/* "những tài khoản Facebook nào", "which Facebook accounts": a question
 * word asks for the nearest noun before it (Vietnamese) or after it
 * (English) with only filters and wording between. */
static void
read_question_words (run_t *run)
{
    for (size_t m = 0; m < run->n_matches; m++) {
        match_t *wh = &run->matches[m], *noun = NULL;

        if (wh->kind != M_INTENT || strcmp (wh->label, "wh") != 0)
            continue;
        for (size_t k = m; k-- > 0 && noun == NULL;) {
            if (is_noun (&run->matches[k]))
                noun = &run->matches[k];
            else if (!passes (&run->matches[k]))
                break;
        }
        for (size_t k = m + 1; k < run->n_matches && noun == NULL; k++) {
            if (is_noun (&run->matches[k]))
                noun = &run->matches[k];
            else if (!passes (&run->matches[k]))
                break;
        }
        if (noun == NULL)
            continue;
        if (noun->kind == M_VIOLATOR) {
            noun->kind = M_INTENT;
            noun->lo = 1;       /* A kind asked about: see apply_intent. */
        } else if (strcmp (noun->label, "report") == 0) {
            noun->label = "reports";
        } else {
            noun->label += 5;   /* "noun_accounts" -> "accounts". */
        }
        wh->label = "which";
    }
    /* A person no question word asks about is a word like any other. */
    for (size_t m = 0; m < run->n_matches; m++)
        if (run->matches[m].kind == M_INTENT
            && strcmp (run->matches[m].label, "noun_violators") == 0)
            run->matches[m].kind = M_KEEP;
}

/* Does match 'm' make the query a question? */
static int
triggers (const match_t *m)
{
    switch (m->kind) {
    case M_TIME:
        return m->strong;
    case M_AMOUNT:
    case M_STATUS:
        return 1;
    case M_INTENT:
        return strcmp (m->label, "total") == 0
               || strncmp (m->label, "count_", 6) == 0
               || strcmp (m->label, "accounts") == 0
               || strncmp (m->label, "violators", 9) == 0
               || strcmp (m->label, "reports") == 0;
    default:
        return 0;
    }
}

/* Is match 'm' a filter an exclusion word can apply to? */
static int
excludable (const match_t *m)
{
    switch (m->kind) {
    case M_TIME:
    case M_AMOUNT:
    case M_ACTION:
    case M_CATEGORY:
    case M_STATUS:
    case M_AGENCY:
    case M_VIOLATOR:
    case M_PROVINCE:
    case M_PLATFORM:
    case M_ACCOUNT:
        return 1;
    default:
        return 0;
    }
}

/* Index of the first match from k on that is not a stop word, when
 * the matches from 'prev' to it touch; SIZE_MAX otherwise. */
static size_t
next_filter (const run_t *run, size_t prev, size_t k)
{
    const match_t *m = run->matches;

    for (; k < run->n_matches; prev = k++) {
        if (m[k].first != m[prev].first + m[prev].n)
            return SIZE_MAX;
        if (m[k].kind != M_STOP)
            return k;
    }
    return SIZE_MAX;
}

/* Mark the filters that exclusion words apply to: the filter after the
 * word (stop words may stand between: "ngoài tỉnh Bắc Giang"), and more
 * of the same kind joined by "và", "and", "or" (the conjunctions of
 * question-exclusions.txt). */
static void
read_exclusions (parser_t *p, run_t *run)
{
    for (size_t m = 0; m < run->n_matches; m++) {
        match_t *ex = &run->matches[m];
        match_kind_t kind;
        size_t k = next_filter (run, m, m + 1), conj;

        if (ex->kind != M_EXCLUDE || strcmp (ex->label, "exclude") != 0)
            continue;
        if (k == SIZE_MAX || !excludable (&run->matches[k]))
            continue;           /* Nothing to exclude: a filler. */
        ex->exclude = 1;
        kind = run->matches[k].kind;
        for (;;) {
            run->matches[k].exclude = 1;
            conj = next_filter (run, k, k + 1);
            if (conj != SIZE_MAX && run->matches[conj].kind == kind) {
                k = conj;       /* "ngoài Bắc Giang, Lạng Sơn". */
                continue;
            }
            if (conj == SIZE_MAX || run->matches[conj].kind != M_EXCLUDE
                || strcmp (run->matches[conj].label, "and") != 0)
                break;
            m = next_filter (run, conj, conj + 1);
            if (m == SIZE_MAX || run->matches[m].kind != kind)
                break;
            run->matches[conj].exclude = 1;
            k = m;
        }
        m = k;
        p->question = 1;
    }
}

static void
scan_signs (parser_t *p)
{
    for (size_t r = 0; r < p->n_runs; r++) {
        run_t *run = &p->runs[r];

        keep_weak_stops (p, run);
        read_question_words (run);
        read_exclusions (p, run);
        for (size_t m = 0; m < run->n_matches; m++) {
            const match_t *mt = &run->matches[m];

            if (triggers (mt))
                p->question = 1;
            if (mt->kind == M_ACTION)
                p->seen_action = 1;
            else
                p->seen_other = 1;
        }
        /* Words that stay text count as "anything else". */
        if (run->n_matches == 0 || run->matches[0].first > 0)
            p->seen_other = 1;
        for (size_t m = 0; m + 1 < run->n_matches && !p->seen_other; m++)
            if (run->matches[m].first + run->matches[m].n
                < run->matches[m + 1].first)
                p->seen_other = 1;
        if (run->n_matches > 0) {
            const match_t *last = &run->matches[run->n_matches - 1];

            if (last->first + last->n < run->text->n_tokens)
                p->seen_other = 1;
        }
    }
    for (size_t k = 0; k < p->n_items; k++)
        if (p->items[k].kind != I_WORD || !p->items[k].interp)
            p->seen_other = 1;  /* A phrase, an operator, a field... */
}

/* ------------------------------------------------------------------ */
/* Words: applying the matches.                                       */

static void
apply_intent (parser_t *p, const match_t *m)
{
    tracuu_question_t *q = p->q;
    const char *l = m->label;

    if (m->kind == M_INTENT && m->lo == 1) {        /* "doanh nghiệp nào". */
        set_once (p, &q->wants, "violators");
        set_once (p, &q->wants_kind, l);
    } else if (strcmp (l, "total") == 0) {
        q->wants_total = 1;
    } else if (strncmp (l, "count_", 6) == 0) {
        q->wants_total = 1;
        set_once (p, &q->count_of, l + 6);
        if (strcmp (l + 6, "cases") == 0)
            set_once (p, &q->kind, "case");
    } else if (strcmp (l, "accounts") == 0 || strcmp (l, "reports") == 0
               || strcmp (l, "violators") == 0) {
        set_once (p, &q->wants, l);
    } else if (strncmp (l, "violators_", 10) == 0) {
        set_once (p, &q->wants, "violators");
        set_once (p, &q->wants_kind, l + 10);
    } else if (strcmp (l, "report") == 0 || strcmp (l, "case") == 0) {
        set_once (p, &q->kind, l);
    }
}

/* Months read in the current year moved to the one year the question
 * asks about, if it does. */
static void
in_year_asked (const tracuu_question_t *q, match_t *m)
{
    int64_t y = q->date_from / 10000, now = m->lo / 10000;

    if (q->date_from == 0 || q->date_to == 0 || q->date_to / 10000 != y
        || y == now || m->lo <= 0 || m->hi <= 0 || m->hi / 10000 != now)
        return;
    m->lo += (y - now) * 10000;
    m->hi += (y - now) * 10000;
    if (m->hi % 10000 == 229 || m->hi % 10000 == 228)   /* February. */
        m->hi = y * 10000 + 200 + ((y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
                                   ? 29 : 28);
}

static void
apply_time (parser_t *p, const match_t *m)
{
    if (m->exclude)
        tracuu_question__add_excluded_range (p, "date", m->lo ? m->lo : -1,
                                             m->hi ? m->hi : -1);
    else
        tracuu_question__add_period (p->q, (int32_t) m->lo, (int32_t) m->hi);
}

static void
apply_amount (parser_t *p, const match_t *m)
{
    if (m->exclude)
        tracuu_question__add_excluded_range (p, "amount", m->lo, m->hi);
    else
        tracuu_question__add_amount (p->q, m->lo, m->hi);
}

static void
apply_status (parser_t *p, const match_t *m)
{
    /* Recorded, proposed, decided or withdrawn are what becomes of a
     * fine; a case sent to criminal proceedings may be of any action. */
    if (!m->exclude && strcmp (m->label, "criminal") != 0)
        p->status_words = 1;
    if (strcmp (m->label, "undecided") != 0) {
        tracuu_question__add_filter (p, "status", m->label, strlen (m->label),
                                     m->exclude, NULL);
    } else if (m->exclude) {
        tracuu_question__add_filter (p, "status", "decided", 7, 0, NULL);
    } else {
        p->undecided = 1;       /* Resolved at the end: see statuses(). */
    }
}

static void
apply_match (parser_t *p, const run_t *run, const match_t *m)
{
    tracuu_question_t *q = p->q;
    const tracuu_token_t *t = &run->text->tokens[m->first];

    switch (m->kind) {
    case M_TIME: apply_time (p, m); break;
    case M_AMOUNT: apply_amount (p, m); break;
    case M_INTENT: apply_intent (p, m); break;
    case M_STATUS: apply_status (p, m); break;
    case M_ACTION:
        if (m->exclude)
            tracuu_question__add_filter (p, "action", m->label,
                                         strlen (m->label), 1, NULL);
        else if (q->action == NULL)
            set_once (p, &q->action, m->label);
        break;
    case M_CATEGORY:
    case M_AGENCY:
    case M_VIOLATOR:
    case M_PROVINCE:
    case M_PLATFORM: {
        static const char *const fields[] = {
            [M_CATEGORY] = "category", [M_AGENCY] = "agency",
            [M_VIOLATOR] = "violator", [M_PROVINCE] = "province",
            [M_PLATFORM] = "platform",
        };

        tracuu_question__add_filter (p, fields[m->kind], m->label,
                                     strlen (m->label), m->exclude, NULL);
        break;
    }
    case M_ACCOUNT:
        tracuu_question__add_filter (p, "account", run->text->text + t->start,
                                     t->end - t->start, m->exclude, NULL);
        break;
    case M_KEEP:
    case M_STOP:
    case M_EXCLUDE:
        break;
    }
}

/* "chưa ra quyết định" is recorded or proposed, unless one of them is
 * named too. A status named in words asks about fines when no action is
 * named or excluded ("mới lập biên bản" are fines not yet decided). A
 * count of subscribers is of locked subscribers. */
static void
settle (parser_t *p)
{
    tracuu_question_t *q = p->q;
    int named = 0;

    for (size_t i = 0; i < q->n_filters; i++)
        named |= strcmp (q->filters[i].field, "status") == 0
                 && !q->filters[i].exclude
                 && (strcmp (q->filters[i].value, "recorded") == 0
                     || strcmp (q->filters[i].value, "proposed") == 0);
    if (p->undecided && !named) {
        tracuu_question__add_filter (p, "status", "recorded", 8, 0, NULL);
        tracuu_question__add_filter (p, "status", "proposed", 8, 0, NULL);
    }
    if (q->count_of != NULL && strcmp (q->count_of, "subscribers") == 0
        && q->action == NULL)
        set_once (p, &q->action, "subscriber_lock");
    for (size_t i = 0; i < q->n_filters && p->status_words; i++)
        if (strcmp (q->filters[i].field, "action") == 0)
            p->status_words = 0;
    if (p->status_words && q->action == NULL)
        set_once (p, &q->action, "fine");
}

/* ------------------------------------------------------------------ */
/* Provinces of 2025.                                                 */

/* Is there a filter on province 'name' that excludes it? */
static int
excluded_province (const tracuu_question_t *q, const char *name)
{
    for (size_t i = 0; i < q->n_filters; i++)
        if (q->filters[i].exclude && strcmp (q->filters[i].field, "province") == 0
            && strcmp (q->filters[i].value, name) == 0)
            return 1;
    return 0;
}

/* "Tây Ninh has included the former Long An since...": the former
 * provinces 'formers' (n of them) that were added. */
static void
merged_note (parser_t *p, const char *unit, const char *const *formers,
             size_t n, int exclude)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t list = { NULL, 0, 0 };

    if (n == 0)
        return;
    for (size_t k = 0; k < n; k++) {
        const char *sep = k == 0 ? "" : k + 1 == n ? " and " : ", ";

        tracuu_buf__append (&rc, &list, sep, strlen (sep));
        tracuu_buf__append (&rc, &list, formers[k], strlen (formers[k]));
    }
    tracuu_buf__append (&rc, &list, "", 0);
    if (rc)
        oom (p);
    else
        tracuu_question__note (p, "%s has included the former %s since 1 July "
                               "2025 (Resolution 202/2025/QH15): %s cases are "
                               "%s too", unit, list.data, n > 1 ? "their" : "its",
                               exclude ? "left out" : "included");
    free (list.data);
}

/* A province of 2025 named by its namesake former province finds all
 * its former provinces (but those excluded: "Tây Ninh ngoài Long An" is
 * the Tây Ninh of before); a former province that merged into another
 * is said to have done so. */
static void
expand_provinces (parser_t *p)
{
    tracuu_question_t *q = p->q;
    const tracuu_qprov_t *prov = p->lex.prov;
    size_t n = q->n_filters;

    for (size_t i = 0; i < n && !p->rc; i++) {
        const char *value = q->filters[i].value, *unit, *added[8];
        int exclude = q->filters[i].exclude;
        long u;
        size_t nf, n_added = 0;

        if (strcmp (q->filters[i].field, "province") != 0
            || q->filters[i].why != NULL
            || (u = tracuu_qprov__unit_of (prov, value)) < 0)
            continue;
        unit = tracuu_qprov__name (prov, (size_t) u);
        nf = tracuu_qprov__n_formers (prov, (size_t) u);
        if (nf < 2)
            continue;
        if (strcmp (tracuu_qprov__former (prov, (size_t) u, 0), value) != 0) {
            if (!exclude)
                tracuu_question__note (p, "%s has been part of %s since 1 "
                                       "July 2025 (Resolution 202/2025/QH15); "
                                       "cases reported under %s are not "
                                       "included", value, unit, unit);
            continue;
        }
        for (size_t k = 1; k < nf && !p->rc; k++) {
            const char *former = tracuu_qprov__former (prov, (size_t) u, k);
            char *why = NULL;

            if (!exclude && excluded_province (q, former))
                continue;
            if (asprintf (&why, "former province of %s", unit) < 0) {
                oom (p);
                return;
            }
            tracuu_question__add_filter (p, "province", former,
                                         strlen (former), exclude, why);
            free (why);
            if (n_added < sizeof added / sizeof added[0])
                added[n_added++] = former;
        }
        merged_note (p, unit, added, n_added, exclude);
    }
}

/* ------------------------------------------------------------------ */
/* Words of the query and what they were read as.                     */

static const char *
filter_meaning (char *buf, size_t size, const char *field, const char *value,
                int exclude)
{
    snprintf (buf, size, "%s%s%s", field, exclude ? "!=" : "=", value);
    return buf;
}

/* What match 'm' was read as. */
static const char *
meaning (const run_t *run, const match_t *m, char *buf, size_t size,
         tracuu_question_role_t *role)
{
    static const char *const fields[] = {
        [M_ACTION] = "action", [M_CATEGORY] = "category",
        [M_STATUS] = "status", [M_AGENCY] = "agency",
        [M_VIOLATOR] = "violator", [M_PROVINCE] = "province",
        [M_PLATFORM] = "platform",
    };
    const tracuu_token_t *t = &run->text->tokens[m->first];

    *role = TRACUU_ROLE_FILTER;
    switch (m->kind) {
    case M_TIME:
    case M_AMOUNT: {
        char a[24] = "", b[24] = "";

        if (m->kind == M_TIME) {
            if (m->lo > 0)
                snprintf (a, sizeof a, "%04d-%02d-%02d", (int) (m->lo / 10000),
                          (int) (m->lo / 100 % 100), (int) (m->lo % 100));
            if (m->hi > 0)
                snprintf (b, sizeof b, "%04d-%02d-%02d", (int) (m->hi / 10000),
                          (int) (m->hi / 100 % 100), (int) (m->hi % 100));
        } else {
            if (m->lo >= 0)
                snprintf (a, sizeof a, "%lld", (long long) m->lo);
            if (m->hi >= 0)
                snprintf (b, sizeof b, "%lld", (long long) m->hi);
        }
        snprintf (buf, size, "%s%s%s..%s", m->kind == M_TIME ? "period"
                                                             : "amount",
                  m->exclude ? "!=" : "=", a, b);
        return buf;
    }
    case M_STATUS:
        if (strcmp (m->label, "undecided") == 0)
            return m->exclude ? "status=decided" : "status=recorded or proposed";
        return filter_meaning (buf, size, "status", m->label, m->exclude);
    case M_ACCOUNT:
        snprintf (buf, size, "account%s%.*s", m->exclude ? "!=" : "=",
                  (int) (t->end - t->start), run->text->text + t->start);
        return buf;
    case M_EXCLUDE:
        if (m->exclude)
            return strcmp (m->label, "and") == 0 ? "joins what it excludes"
                                                  : "excludes what follows";
        *role = TRACUU_ROLE_FILLER;
        return strcmp (m->label, "and") == 0 ? "question wording"
                                              : "excludes nothing";
    case M_INTENT:
        *role = TRACUU_ROLE_INTENT;
        if (m->lo == 1) {
            snprintf (buf, size, "which violators (%s)", m->label);
            return buf;
        }
        if (strncmp (m->label, "noun_", 5) == 0 || strcmp (m->label, "wh") == 0) {
            *role = TRACUU_ROLE_FILLER;
            return "question wording";
        }
        if (strcmp (m->label, "which") == 0)
            return "asks which";
        if (strncmp (m->label, "count_", 6) == 0) {
            snprintf (buf, size, "count of %s", m->label + 6);
            return buf;
        }
        if (strcmp (m->label, "report") == 0 || strcmp (m->label, "case") == 0) {
            snprintf (buf, size, "kind=%s", m->label);
            return buf;
        }
        if (strncmp (m->label, "violators_", 10) == 0) {
            snprintf (buf, size, "which violators (%s)", m->label + 10);
            return buf;
        }
        return m->label;        /* total, accounts, violators, reports. */
    case M_STOP:
        *role = TRACUU_ROLE_FILLER;
        return "question wording";
    case M_KEEP:
        *role = TRACUU_ROLE_CONTENT;
        return "";
    default:
        return filter_meaning (buf, size, fields[m->kind], m->label,
                               m->exclude);
    }
}

/* The gap after token i holds a blank. */
static int
gap_has_blank (const tracuu_text_t *t, size_t i)
{
    for (size_t c = t->tokens[i].end; c < t->tokens[i + 1].start; c++)
        if (t->text[c] == ' ' || t->text[c] == '\t' || t->text[c] == '\n')
            return 1;
    return 0;
}

/* Length of the gap after token i up to its first blank. */
static size_t
gap_before_blank (const tracuu_text_t *t, size_t i)
{
    size_t c = t->tokens[i].end;

    while (c < t->tokens[i + 1].start && t->text[c] != ' '
           && t->text[c] != '\t' && t->text[c] != '\n')
        c++;
    return c - t->tokens[i].end;
}

/* The words of a run of a question: each match one word, the tokens
 * left between them one word per blank-separated piece (with the
 * punctuation that touches it when the next token is also left). */
static void
words_of_run (parser_t *p, const run_t *run, int glued)
{
    const tracuu_text_t *t = run->text;
    size_t i = 0;

    while (i < t->n_tokens && !p->rc) {
        const match_t *m = match_at ((run_t *) run, i);
        int g = i == 0 ? glued : !gap_has_blank (t, i - 1);
        char buf[160];
        tracuu_question_role_t role;
        const char *what;
        size_t j, end;

        if (m != NULL && m->kind != M_KEEP) {
            what = meaning (run, m, buf, sizeof buf, &role);
            j = m->first + m->n;
            tracuu_question__add_word (p, t->text + t->tokens[i].start,
                                       t->tokens[j - 1].end - t->tokens[i].start,
                                       role, what, g);
            i = j;
            continue;
        }
        /* Left tokens up to a blank or a match. */
        for (j = i + 1; j < t->n_tokens && !gap_has_blank (t, j - 1); j++) {
            const match_t *mm = match_at ((run_t *) run, j);

            if (mm != NULL && mm->kind != M_KEEP)
                break;
        }
        end = t->tokens[j - 1].end;
        if (j < t->n_tokens && gap_has_blank (t, j - 1)) {
            const match_t *mm = match_at ((run_t *) run, j);

            if (mm == NULL || mm->kind == M_KEEP)
                end += gap_before_blank (t, j - 1);
        }
        tracuu_question__add_word (p, t->text + t->tokens[i].start,
                                   end - t->tokens[i].start,
                                   TRACUU_ROLE_CONTENT, "", g);
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
field_word (parser_t *p, const item_t *item)
{
    char buf[160];
    const char *name = p->s + item->start;
    int n = (int) (item->name_end - item->start);

    snprintf (buf, sizeof buf, "%s%.*s:", item->exclude ? "excluded " : "", n,
              name);
    tracuu_question__add_word (p, p->s + item->start, item->end - item->start,
                               TRACUU_ROLE_FILTER, buf, item->glued);
}

static void
build_words (parser_t *p)
{
    size_t r = 0;

    for (size_t k = 0; k < p->n_items && !p->rc; k++) {
        const item_t *item = &p->items[k];

        if (r < p->n_runs && p->runs[r].first_item == k) {
            const run_t *run = &p->runs[r++];

            if (p->question)
                words_of_run (p, run, item->glued);
            else
                for (size_t w = run->first_item; w < run->end_item; w++)
                    tracuu_question__add_word (p, p->s + p->items[w].start,
                                               p->items[w].end
                                               - p->items[w].start,
                                               TRACUU_ROLE_CONTENT, "",
                                               p->items[w].glued);
            k = run->end_item - 1;
        } else if (item->kind == I_FIELD) {
            field_word (p, item);
        } else if (negates_field (p, k)) {
            tracuu_question__add_word (p, p->s + item->start,
                                       item->end - item->start,
                                       TRACUU_ROLE_FILTER,
                                       "excludes the field after it",
                                       item->glued);
        } else if (p->question && dropped_operator (p, k)) {
            tracuu_question__add_word (p, p->s + item->start,
                                       item->end - item->start,
                                       TRACUU_ROLE_FILLER, "operator, implied",
                                       item->glued);
        } else {
            tracuu_question__add_word (p, p->s + item->start,
                                       item->end - item->start,
                                       TRACUU_ROLE_TEXT, "searched as typed",
                                       item->glued);
        }
    }
}

/* The included values of 'field' as a list of q. */
static void
derive_list (parser_t *p, const char *field, char ***list, size_t *n)
{
    tracuu_question_t *q = p->q;

    for (size_t i = 0; i < q->n_filters && !p->rc; i++) {
        char **slot;

        if (q->filters[i].exclude || strcmp (q->filters[i].field, field) != 0)
            continue;
        slot = grow (p, (void **) list, *n, sizeof *slot);
        if (slot == NULL)
            return;
        *slot = tracuu_question__dup (p, q->filters[i].value,
                                      strlen (q->filters[i].value));
        if (*slot != NULL)
            (*n)++;
    }
}

static void
derive_lists (parser_t *p)
{
    tracuu_question_t *q = p->q;

    if (q->action != NULL)
        tracuu_question__add_filter (p, "action", q->action, strlen (q->action),
                                     0, NULL);
    derive_list (p, "category", &q->categories, &q->n_categories);
    derive_list (p, "platform", &q->platforms, &q->n_platforms);
    derive_list (p, "province", &q->provinces, &q->n_provinces);
    derive_list (p, "account", &q->accounts, &q->n_accounts);
    derive_list (p, "person", &q->persons, &q->n_persons);
    derive_list (p, "number", &q->numbers, &q->n_numbers);
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
    for (size_t i = 0; i < question->n_filters; i++) {
        free (question->filters[i].value);
        free (question->filters[i].why);
    }
    free (question->filters);
    for (size_t i = 0; i < question->n_words; i++) {
        free (question->words[i].text);
        free (question->words[i].meaning);
    }
    free (question->words);
    free_list (question->notes, question->n_notes);
    free (question->kind);
    free (question->wants);
    free (question->wants_kind);
    free (question->count_of);
    free (question->text);
    free (question->explain);
    free (question);
}

const char *
tracuu_question_role_name (tracuu_question_role_t role)
{
    static const char *const names[] = {
        "content", "text", "filter", "intent", "filler", "ignored"
    };

    return (unsigned) role < sizeof names / sizeof names[0] ? names[role]
                                                            : "unknown";
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
    tracuu_question_destroy (p->q);
    free (p->error);
}

/* Today, yyyymmdd, in local time. */
static int32_t
today (void)
{
    time_t now = time (NULL);
    struct tm tm;

    if (localtime_r (&now, &tm) == NULL)
        return 20000101;
    return (int32_t) ((tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100
                      + tm.tm_mday);
}

static void
interpret (parser_t *p)
{
    scan (p);
    mark_operands (p);
    apply_fields (p);
    find_runs (p);
    if (p->rc)
        return;
    p->english = is_english (p);
    scan_signs (p);
    /* An action word alone ("xử phạt", "fines") is a search; with
     * anything else ("xử phạt tin giả", "all fines", "fines on TikTok")
     * the query is a question. */
    if (p->seen_action && p->seen_other)
        p->question = 1;
    /* Months of no year ("ngoài quý 1") last: they take the year of
     * the rest of the question. */
    for (int pass = 0; pass < 2; pass++)
        for (size_t r = 0; r < p->n_runs && p->question; r++)
            for (size_t m = 0; m < p->runs[r].n_matches; m++) {
                match_t *mt = &p->runs[r].matches[m];
                int late = mt->kind == M_TIME && mt->strong == 2;

                if (late != pass)
                    continue;
                if (late)
                    in_year_asked (p->q, mt);
                apply_match (p, &p->runs[r], mt);
            }
    settle (p);
    expand_provinces (p);
    build_words (p);
    derive_lists (p);
}

tracuu_status_t
tracuu_question_parse_with (const char *q, size_t len,
                            const tracuu_question_options_t *opts,
                            tracuu_question_t **out, char **error_out)
{
    parser_t p = { 0 };
    tracuu_status_t status;

    if (error_out != NULL)
        *error_out = NULL;
    if (out == NULL || (q == NULL && len > 0))
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    p.today = opts && opts->today ? opts->today : today ();
    if (!tracuu_question__valid_day (p.today)) {
        tracuu_question__fail (&p, TRACUU_STATUS_BAD_ARGUMENT, "bad day "
                               "%d for today: expected yyyymmdd",
                               (int) p.today);
        goto DONE;
    }
    if (len > TRACUU_QUESTION_MAX_BYTES) {
        tracuu_question__fail (&p, TRACUU_STATUS_LIMIT_EXCEEDED, "question "
                               "too long: %zu bytes, at most %d", len,
                               TRACUU_QUESTION_MAX_BYTES);
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
    p.q->today = p.today;
    interpret (&p);
    if (!p.rc && p.q->date_from && p.q->date_to && p.q->date_from > p.q->date_to)
        tracuu_question__fail (&p, TRACUU_STATUS_QUERY_SYNTAX, "the period "
                               "asked for ends (%d) before it starts (%d); "
                               "check the years", (int) p.q->date_to,
                               (int) p.q->date_from);
    if (!p.rc && p.q->amount_min >= 0 && p.q->amount_max >= 0
        && p.q->amount_min > p.q->amount_max)
        tracuu_question__fail (&p, TRACUU_STATUS_QUERY_SYNTAX, "the amounts "
                               "asked for leave nothing: at least %lld and at "
                               "most %lld đồng; check the amounts",
                               (long long) p.q->amount_min,
                               (long long) p.q->amount_max);
    if (!p.rc)
        p.rc = tracuu_question__finish (p.q);
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

tracuu_status_t
tracuu_question_parse (const char *q, size_t len, tracuu_question_t **out,
                       char **error_out)
{
    return tracuu_question_parse_with (q, len, NULL, out, error_out);
}

int
tracuu_question_wants_cases (const tracuu_question_t *q, int cases)
{
    if (q == NULL)
        return cases != 0;
    if (q->kind != NULL)
        return strcmp (q->kind, "case") == 0;
    if (cases || q->action != NULL || q->wants_total || q->amount_min >= 0
        || q->amount_max >= 0)
        return 1;
    if (q->wants != NULL && strcmp (q->wants, "reports") != 0)
        return 1;
    for (size_t i = 0; i < q->n_filters; i++) {
        const tracuu_field_t *f = tracuu_field_find (q->filters[i].field,
                                                     strlen (q->filters[i].field),
                                                     0);

        if (f != NULL && (f->flags & TRACUU_FIELD_CASES))
            return 1;
    }
    return 0;
}
