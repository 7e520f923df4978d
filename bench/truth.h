/*
 * bench/truth.h: true document counts of the benchmark queries, by an
 * exact scan of each generated report's text.
 *
 * The queries come from bench/queries.txt (the "tracuu:" line of each
 * block), in tracuu-query's syntax: words (ANDed), "phrases", OR,
 * NOT / -word, parentheses, province:"Name" and year:N. A term with a
 * diacritic matches the lower-cased text exactly (with one canonical
 * tone placement, hoá = hòa); a term without one matches the text with
 * its diacritics removed (đ -> d), so "dak lak" matches "Đắk Lắk".
 */
#ifndef BENCH_TRUTH_H
#define BENCH_TRUTH_H

#include <stddef.h>
#include <stdio.h>

/* What the scan knows about one report. */
typedef struct truth_doc {
    const char *text;           /* Logical text: UTF-8, NFC. */
    size_t len;                 /* Its length in bytes. */
    const char *province;       /* Canonical province name. */
    int year;                   /* Year of the report. */
    const char *fine_cats;      /* " cat1 cat2 ": categories of its fines. */
} truth_doc_t;

typedef struct truth_set truth_set_t;

/* Load the queries of 'path'. Returns NULL and prints why on failure. */
truth_set_t *
truth_load (const char *path);

/* Count 'doc' for every query it matches. */
void
truth_add (truth_set_t *set, const truth_doc_t *doc);

/* Write "id<TAB>true_docs<TAB>true_fine_docs<TAB>query<TAB>
 * true_docs_folded" lines: true_fine_docs is "-" for queries without a
 * "fines:" line; true_docs_folded counts with every term folded, as an
 * engine that treats diacritics as optional would. */
void
truth_write (const truth_set_t *set, FILE *out);

/* Free 'set'. NULL is a no-op. */
void
truth_free (truth_set_t *set);

#endif /* BENCH_TRUTH_H */
