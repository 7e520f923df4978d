/*
 * Content words no case holds: a question's words that stay text are
 * required in the sentences of the cases it finds, so one word that no
 * such case contains ("floods", "January" misspelled, a name) would
 * empty the answer. tracuu_question_prune() drops such words and says
 * so. It only counts matches of term queries; it reads no document.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/question.h"
#include "index/index-private.h"
#include "question/question-private.h"
#include "search/search-private.h"

typedef struct pruner {
    tracuu_index_t *index;
    tracuu_status_t rc;
} pruner_t;

static tracuu_status_t
nomem (pruner_t *pr)
{
    if (!pr->rc)
        pr->rc = TRACUU_STATUS_OUT_OF_MEMORY;
    return pr->rc;
}

/* Does 'q' match at least one document? */
static int
matches (pruner_t *pr, const xapc_query_t *q)
{
    xapc_status_t st = XAPC_OK;
    size_t n = 0;

    for (int attempt = 0; attempt < 3 && !pr->rc; attempt++) {
        xapc_enquire_t *enq = NULL;
        xapc_mset_t *mset = NULL;

        st = xapc_enquire_new (pr->index->db, &enq);
        if (!st)
            st = xapc_enquire_set_query (enq, q);
        if (!st)
            st = xapc_enquire_set_weighting (enq, XAPC_WEIGHT_BOOL);
        if (!st)
            st = xapc_enquire_get_mset (enq, 0, 1, 1, &mset);
        n = st ? 0 : xapc_mset_size (mset);
        xapc_mset_destroy (mset);
        xapc_enquire_destroy (enq);
        if (st != XAPC_ERR_MODIFIED)
            break;
        xapc_db_reopen (pr->index->db, NULL);
    }
    if (st && !pr->rc)
        pr->rc = tracuu_index__fail (pr->index, st, "checking the words of "
                                     "a question");
    return n > 0;
}

/* 'a' AND 'b' (both kept by the caller); NULL on failure. */
static xapc_query_t *
both (pruner_t *pr, const xapc_query_t *a, const xapc_query_t *b)
{
    xapc_query_t *subs[2] = { (xapc_query_t *) a, (xapc_query_t *) b }, *q = NULL;

    if (xapc_query_combine (XAPC_OP_AND, subs, 2, 0, &q))
        nomem (pr);
    return q;
}

/* The words of case sentences that 'text' holds, ANDed; NULL when it
 * holds none (or on failure, with pr->rc set). */
static xapc_query_t *
word_query (pruner_t *pr, const char *text)
{
    tracuu_text_t *t = NULL;
    xapc_query_t **terms = NULL, *q = NULL;
    size_t n = 0;

    pr->rc = tracuu_text_analyze (text, strlen (text), &t);
    if (pr->rc)
        return NULL;
    terms = calloc (t->n_tokens + 1, sizeof *terms);
    if (terms == NULL) {
        nomem (pr);
        goto DONE;
    }
    for (size_t i = 0; i < t->n_tokens && !pr->rc; i++) {
        char term[TRACUU_MAX_TERM + sizeof TRACUU_PREFIX_WORD];
        const tracuu_token_t *tok = &t->tokens[i];
        size_t plen = sizeof TRACUU_PREFIX_WORD - 1;

        if ((tok->flags & TRACUU_TOKEN_FOOTNOTE)
            || tok->folded_len > TRACUU_MAX_TERM)
            continue;
        memcpy (term, TRACUU_PREFIX_WORD, plen);
        memcpy (term + plen, tok->folded, tok->folded_len);
        if (xapc_query_term (term, plen + tok->folded_len, 1, 0, &terms[n]))
            nomem (pr);
        else
            n++;
    }
    if (!pr->rc && n == 1) {
        q = terms[0];
        terms[0] = NULL;
    } else if (!pr->rc && n > 1
               && xapc_query_combine (XAPC_OP_AND, terms, n, 0, &q)) {
        nomem (pr);
    }

  DONE:
    for (size_t i = 0; terms != NULL && i < n; i++)
        xapc_query_destroy (terms[i]);
    free (terms);
    tracuu_text_destroy (t);
    return q;
}

/* The cases the question's filters let through, news headlines out. */
static xapc_query_t *
cases_query (pruner_t *pr, const tracuu_question_t *q)
{
    const char *headline = TRACUU_PREFIX_FLAG "headline";
    xapc_query_t *filter = NULL, *flag = NULL, *out = NULL, *subs[2];

    pr->rc = tracuu_filters__build (q, "case", &filter);
    if (pr->rc)
        return NULL;
    if (xapc_query_term (headline, strlen (headline), 1, 0, &flag)) {
        nomem (pr);
    } else {
        subs[0] = filter;
        subs[1] = flag;
        if (xapc_query_combine (XAPC_OP_AND_NOT, subs, 2, 0, &out))
            nomem (pr);
    }
    xapc_query_destroy (filter);
    xapc_query_destroy (flag);
    return out;
}

/* Decide each content word: ignored[i] says whether word i goes,
 * alone[i] whether it matched no case even without the other words. */
static void
decide (pruner_t *pr, const tracuu_question_t *q, int *ignored, int *alone)
{
    xapc_query_t *kept = cases_query (pr, q);

    for (size_t i = 0; i < q->n_words && kept != NULL && !pr->rc; i++) {
        xapc_query_t *word, *with;

        if (q->words[i].role != TRACUU_ROLE_CONTENT)
            continue;
        word = word_query (pr, q->words[i].text);
        if (word == NULL)
            continue;           /* Punctuation only: nothing to check. */
        with = both (pr, kept, word);
        if (with != NULL && matches (pr, with)) {
            xapc_query_destroy (kept);
            kept = with;
        } else if (with != NULL) {
            xapc_query_t *base = cases_query (pr, q), *one = NULL;

            ignored[i] = 1;
            if (base != NULL)
                one = both (pr, base, word);
            alone[i] = one != NULL && !matches (pr, one);
            xapc_query_destroy (one);
            xapc_query_destroy (base);
            xapc_query_destroy (with);
        }
        xapc_query_destroy (word);
    }
    xapc_query_destroy (kept);
}

static tracuu_status_t
add_note (tracuu_question_t *q, char *note)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    char **more;

    if (note == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    more = tracuu_array__grow_counted (&rc, q->notes, q->n_notes, sizeof *more);
    if (more == NULL) {
        free (note);
        return rc;
    }
    q->notes = more;
    q->notes[q->n_notes++] = note;
    return TRACUU_STATUS_OK;
}

/* The words kept, quoted and joined, for a note: "'a', 'b'". */
static char *
kept_words (const tracuu_question_t *q, const int *ignored)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t buf = { NULL, 0, 0 };

    for (size_t i = 0; i < q->n_words; i++) {
        if (q->words[i].role != TRACUU_ROLE_CONTENT || ignored[i])
            continue;
        tracuu_buf__append (&rc, &buf, buf.len ? ", '" : "'", buf.len ? 3 : 1);
        tracuu_buf__append (&rc, &buf, q->words[i].text,
                            strlen (q->words[i].text));
        tracuu_buf__append (&rc, &buf, "'", 1);
    }
    tracuu_buf__append (&rc, &buf, "", 0);
    if (rc) {
        free (buf.data);
        return NULL;
    }
    return buf.data;
}

/* Mark word i ignored and say why. */
static tracuu_status_t
ignore (tracuu_question_t *q, size_t i, int alone, const char *others)
{
    tracuu_question_word_t *w = &q->words[i];
    const char *why = alone || *others == '\0'
                      ? "no matching case mentions it"
                      : "no matching case mentions it with the other words";
    char *meaning = strdup (why), *note = NULL;

    if (meaning == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    free (w->meaning);
    w->meaning = meaning;
    w->role = TRACUU_ROLE_IGNORED;
    if (alone || *others == '\0') {
        if (asprintf (&note, "no matching case mentions '%s'; the answer "
                      "below ignores it", w->text) < 0)
            note = NULL;
    } else if (asprintf (&note, "no matching case mentions '%s' together "
                         "with %s; the answer below ignores it", w->text,
                         others) < 0) {
        note = NULL;
    }
    return add_note (q, note);
}

tracuu_status_t
tracuu_question_prune (tracuu_question_t *q, tracuu_index_t *index)
{
    pruner_t pr = { index, TRACUU_STATUS_OK };
    int *ignored, *alone;
    size_t n_ignored = 0;
    char *others = NULL;

    if (q == NULL || index == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    ignored = calloc (q->n_words + 1, sizeof *ignored);
    alone = calloc (q->n_words + 1, sizeof *alone);
    if (ignored == NULL || alone == NULL) {
        nomem (&pr);
        goto DONE;
    }
    decide (&pr, q, ignored, alone);
    for (size_t i = 0; i < q->n_words; i++)
        n_ignored += ignored[i];
    if (pr.rc || n_ignored == 0)
        goto DONE;
    others = kept_words (q, ignored);
    if (others == NULL) {
        nomem (&pr);
        goto DONE;
    }
    for (size_t i = 0; i < q->n_words && !pr.rc; i++)
        if (ignored[i])
            pr.rc = ignore (q, i, alone[i], others);
    if (!pr.rc)
        pr.rc = tracuu_question__finish (q);

  DONE:
    free (others);
    free (ignored);
    free (alone);
    return pr.rc;
}
