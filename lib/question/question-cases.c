/* Whether a query asks about cases or reports: one rule, for every
 * program that answers queries. */
#include <string.h>

#include "tracuu/question.h"

int
tracuu_question_wants_cases (const tracuu_question_t *q, int prefer_cases)
{
    if (q == NULL)
        return 0;
    if (q->kind != NULL)
        return strcmp (q->kind, "case") == 0;
    return prefer_cases || q->action != NULL || q->n_categories > 0
           || q->wants_total || q->wants != NULL || q->amount_min >= 0
           || q->amount_max >= 0;
}
