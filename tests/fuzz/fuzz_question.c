/*
 * Fuzz tracuu_question_parse() and check what its contract promises:
 * well-formed UTF-8 strings, lists without duplicates, filters on
 * fields of the table, words that are not empty, ordered ranges, a
 * message on failure and none on success.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/field.h"
#include "tracuu/question.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_string (const char *what, const char *s)
{
    if (s != NULL)
        fuzz_check_utf8 (what, s, strlen (s));
}

static void
check_list (const char *what, char *const *items, size_t n)
{
    FUZZ_CHECK (n == 0 || items != NULL);
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK (items[i] != NULL);
        check_string (what, items[i]);
        for (size_t k = 0; k < i; k++)
            FUZZ_CHECK (strcmp (items[i], items[k]) != 0);
    }
}

static void
check_question (const tracuu_question_t *q)
{
    FUZZ_CHECK (q->text != NULL && q->explain != NULL);
    check_string ("text", q->text);
    check_string ("explain", q->explain);
    check_string ("action", q->action);
    check_string ("kind", q->kind);
    check_string ("wants", q->wants);
    check_list ("categories", q->categories, q->n_categories);
    check_list ("platforms", q->platforms, q->n_platforms);
    check_list ("provinces", q->provinces, q->n_provinces);
    check_list ("accounts", q->accounts, q->n_accounts);
    check_list ("persons", q->persons, q->n_persons);
    check_list ("numbers", q->numbers, q->n_numbers);
    for (size_t i = 0; i < q->n_filters; i++) {
        FUZZ_CHECK (tracuu_field_find (q->filters[i].field,
                                       strlen (q->filters[i].field), 0) != NULL);
        FUZZ_CHECK (q->filters[i].value != NULL);
        check_string ("filter", q->filters[i].value);
    }
    for (size_t i = 0; i < q->n_words; i++) {
        FUZZ_CHECK (q->words[i].text != NULL && *q->words[i].text != '\0');
        FUZZ_CHECK (q->words[i].meaning != NULL);
        check_string ("word", q->words[i].text);
    }
    check_list ("notes", q->notes, q->n_notes);
    FUZZ_CHECK (q->date_from == 0 || q->date_to == 0
                || q->date_from <= q->date_to);
    FUZZ_CHECK (q->amount_min >= -1 && q->amount_max >= -1);
    FUZZ_CHECK (q->amount_min < 0 || q->amount_max < 0
                || q->amount_min <= q->amount_max);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    /* An exact-size copy: the question need not end in NUL. */
    char *in = malloc (size ? size : 1), *error = NULL;
    tracuu_question_t *q = NULL;
    tracuu_status_t st;

    if (in == NULL)
        return 0;
    memcpy (in, data, size);
    st = tracuu_question_parse (in, size, &q, &error);
    if (st == TRACUU_STATUS_OK) {
        FUZZ_CHECK (q != NULL && error == NULL);
        check_question (q);
    } else {
        FUZZ_CHECK (q == NULL);
        FUZZ_CHECK (st == TRACUU_STATUS_OUT_OF_MEMORY || error != NULL);
        check_string ("error message", error);
    }
    tracuu_question_destroy (q);
    free (error);
    free (in);
    return 0;
}
