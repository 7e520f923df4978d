/* Internal: a question's filters as a Xapian query (filters.c). */
#ifndef TRACUU_FILTERS_H
#define TRACUU_FILTERS_H

#include "tracuu/question.h"
#include "tracuu/xapian-c.h"

/* The filters of 'q' for documents of 'kind' ("report" or "case"),
 * always including the kind. *out: xapc_query_destroy(). */
tracuu_status_t tracuu_filters__build (const tracuu_question_t *q,
                                       const char *kind, xapc_query_t **out);


#endif
