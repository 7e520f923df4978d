/* Internal: the answer layer (answer.c, answer-case.c, answer-write.c). */
#ifndef TRACUU_ANSWER_PRIVATE_H
#define TRACUU_ANSWER_PRIVATE_H

#include "tracuu/answer.h"
#include "tracuu/xapian-c.h"
#include "index/index-private.h"
#include "util/util-private.h"

/* answer.c: case 'k' in display order: its document, the other
 * documents of the case (shards' copies, *n_copies of them), summary and
 * the key of its aggregate (or NULL). Returns the number of cases. */
size_t tracuu_answer__display (const tracuu_answer_t *a, size_t k,
                               xapc_docid_t *docid,
                               const xapc_docid_t **copies, size_t *n_copies,
                               const tracuu_casesum_t **sum,
                               const char **member_of);

/* answer.c: the shards the answer came from (see index/index-private.h). */
const tracuu_shard_state_t *tracuu_answer__shards (const tracuu_answer_t *a);

/* answer.c: the arena that owns what the answer hands out. */
tracuu_arena_t *tracuu_answer__arena (tracuu_answer_t *a);

/* answer.c: the cases listed (owned by the answer from now on). */
void tracuu_answer__set_cases (tracuu_answer_t *a, tracuu_answer_case_t *cases,
                               size_t n, size_t offset);

/* answer.c: "2 more cases only recorded, 1 proposed, not summed" (of
 * the statuses 't' counts apart) appended to 'b'; nothing when none. */
void tracuu_answer__not_summed (tracuu_status_t *rc, tracuu_buf_t *b,
                                const tracuu_answer_total_t *t);

/* answer.c: the top-level cases 't' counts and does not sum (another
 * status, a longer period). */
size_t tracuu_answer__apart (const tracuu_answer_total_t *t);

/* answer-case.c: read in full the cases from 'offset' in display order,
 * at most 'limit' of them (0: all). */
tracuu_status_t tracuu_answer__list (tracuu_index_t *index, tracuu_answer_t *a,
                                     size_t offset, size_t limit);

#endif
