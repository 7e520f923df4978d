/* Internal declarations shared by question.c, question-lexicon.c and
 * question-time.c; never installed. */
#ifndef TRACUU_QUESTION_PRIVATE_H
#define TRACUU_QUESTION_PRIVATE_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/analysis.h"
#include "tracuu/question.h"

/* question-lexicon.c ----------------------------------------------- */

/* A phrase list of questions: "label<TAB>phrase|phrase..." lines, '#'
 * comments, a label alone on a line registered without phrases. Each
 * phrase is tokenized by tracuu_text_analyze(), so that its words are
 * compared with a question's tokens in the same forms. */
typedef struct tracuu_qlex tracuu_qlex_t;

/* Load lexicon file 'name' from the data directory's "lexicon/". On
 * failure *out is NULL and *error_out (if not NULL) a malloc'ed message
 * naming the file. Returns OK, _IO_ERROR, _BAD_INPUT (a line without a
 * TAB), _OUT_OF_MEMORY or _ICU_ERROR. */
tracuu_status_t
tracuu_qlex__load (const char *name, tracuu_qlex_t **out, char **error_out);

/* Parse lexicon text 'data' ('len' bytes); 'name' is for messages. */
tracuu_status_t
tracuu_qlex__parse (const char *name, const char *data, size_t len,
                    tracuu_qlex_t **out, char **error_out);

/* Free 'lex'. NULL is a no-op. */
void
tracuu_qlex__destroy (tracuu_qlex_t *lex);

/* Number of labels, and label 'i' (NULL when out of range). */
size_t
tracuu_qlex__count (const tracuu_qlex_t *lex);
const char *
tracuu_qlex__label (const tracuu_qlex_t *lex, size_t i);

/* The longest phrase spelled by tokens i, i + 1... (none at or past
 * 'end'; only blanks or dashes between them): its label in *label_out
 * and the number of tokens as the result; 0 if none. A token without
 * diacritics matches a phrase word with the same folded form; a token
 * with diacritics must have the same exact form. */
size_t
tracuu_qlex__match (const tracuu_qlex_t *lex, const tracuu_text_t *text,
                    size_t i, size_t end, const char **label_out);

/* question-time.c -------------------------------------------------- */

/* A time expression at token i of 'text' (none at or past 'end'), read
 * with the symbols of question-time.txt: the number of tokens it takes
 * (0 if none), its first and last day (yyyymmdd, 0 = open) and in
 * *strong_out whether it makes the query a question (everything but a
 * bare year). */
size_t
tracuu_question__time (const tracuu_qlex_t *time_lex,
                       const tracuu_text_t *text, size_t i, size_t end,
                       int32_t *from_out, int32_t *to_out, int *strong_out);

/* Read the value of "period:" ('len' bytes): YYYY, YYYY-H1, YYYY-H2,
 * YYYY-Q1..Q4, YYYY-MM or YYYY-MM-DD. Returns 1 and the first and last
 * day, or 0 when it is none of these. */
int
tracuu_question__period (const char *s, size_t len, int32_t *from_out,
                         int32_t *to_out);

#endif /* TRACUU_QUESTION_PRIVATE_H */
