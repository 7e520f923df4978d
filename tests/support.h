/* Helpers shared by the Criterion tests (support.c). */
#ifndef TRACUU_TEST_SUPPORT_H
#define TRACUU_TEST_SUPPORT_H

#include <stddef.h>

#include "tracuu/analysis.h"
#include "tracuu/entity.h"
#include "tracuu/question.h"

/* The whole file at 'path' (tests run in tests/), NUL-terminated; fails
 * the test when it cannot be read. *len_out may be NULL. free() it. */
char *test_slurp (const char *path, size_t *len_out);

/* NFC of UTF-8 'text', malloc'd; fails the test if ICU fails. */
char *test_nfc (const char *text);

/* The entity of 'kind' with 'value' (and 'extra' unless NULL), or NULL. */
const tracuu_entity_t *test_find_entity (const tracuu_entities_t *l,
                                         tracuu_entity_kind_t kind,
                                         const char *value, const char *extra);

/* How many entities of 'kind' 'l' holds. */
size_t test_count_kind (const tracuu_entities_t *l, tracuu_entity_kind_t kind);

/* Runs the extractors a test file is about on 'input'. */
typedef tracuu_text_t *(*test_run_fn) (const char *input, tracuu_entities_t *out);

/* One row of an extractor's table: 'input' yields an entity of 'kind'
 * with 'value' (and 'extra' unless NULL); value NULL: none of 'kind'. */
typedef struct test_entity_case {
    const char *input;
    tracuu_entity_kind_t kind;
    const char *value;
    const char *extra;
} test_entity_case_t;

/* Check every row of 'cases' with 'run'. */
void test_entity_cases (test_run_fn run, const test_entity_case_t *cases,
                        size_t n);

/* A temporary folder for a test, made by test_tmp_make() in a suite's
 * .init (its name under /tmp starts with 'prefix') and removed with all
 * it holds by test_tmp_remove() in its .fini. */
void test_tmp_make (const char *prefix);
void test_tmp_remove (void);

/* 'name' inside the temporary folder, in one of four static buffers. */
const char *test_tmp_path (const char *name);

/* Write 'text' to the file at 'path'; fails the test if it cannot. */
void test_write_file (const char *path, const char *text);

/* 'run' on the file at 'path' (tests run in tests/). */
tracuu_text_t *test_run_file (test_run_fn run, const char *path,
                              tracuu_entities_t *out);

/* The question 'text' parsed; fails the test with the parser's message
 * if it cannot be. tracuu_question_destroy() it. */
tracuu_question_t *test_parse_question (const char *text);

#endif
