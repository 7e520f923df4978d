/*
 * tracuu fields: the one table of the query language's fields.
 *
 * A field is one row: its name as typed before ':' ("province:"), what
 * kind of value it takes, the Xapian term prefix and value slot behind
 * it, whether answers can group or count by it, and the help shown to
 * people. The question parser, the filters, the answers' --group-by
 * and --facet, tracuu-query's usage text and every "unknown field"
 * message read this table; adding a field is adding a row (and, for a
 * new prefix or slot, indexing it).
 *
 * The table is static: nothing here allocates except
 * tracuu_field_names(), and every pointer lives as long as the program.
 */
#ifndef TRACUU_FIELD_H
#define TRACUU_FIELD_H

#include <stddef.h>

#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a field's value is, and so how it is read and matched. @since 0.2 */
typedef enum tracuu_field_kind {
    TRACUU_FIELD_LABEL,     /* One of a lexicon's labels, or one of its
                               phrases ("category:\"tin giả\""). */
    TRACUU_FIELD_PROVINCE,  /* A province or city, accents optional. */
    TRACUU_FIELD_TEXT,      /* Any text, matched whole, accents folded. */
    TRACUU_FIELD_WORDS,     /* Words, every one of which must be there. */
    TRACUU_FIELD_YEAR,      /* YYYY. */
    TRACUU_FIELD_PERIOD,    /* YYYY, YYYY-H1, YYYY-Q2, YYYY-MM. */
    TRACUU_FIELD_DATE,      /* A..B of periods or days, either side open. */
    TRACUU_FIELD_AMOUNT,    /* N..M in đồng, either side open. */
    TRACUU_FIELD_KIND,      /* report or case. */
    TRACUU_FIELD_BUCKET     /* Only for grouping (quarter, month). */
} tracuu_field_kind_t;

/** How a filter value becomes a term (prefix + form). @since 0.2 */
typedef enum tracuu_field_term {
    TRACUU_TERM_NONE,       /* No term: a range or a grouping only. */
    TRACUU_TERM_RAW,        /* The canonical value as is ("Afine"). */
    TRACUU_TERM_FOLDED,     /* Folded, blanks collapsed ("Nnguyen van hai"). */
    TRACUU_TERM_SLUG,       /* Folded slug ("Pbac-giang"). */
    TRACUU_TERM_WORDS       /* One term per folded word, all required. */
} tracuu_field_term_t;

/** Field flags. @since 0.2 */
enum {
    TRACUU_FIELD_FILTER = 1 << 0,   /* Usable as "name:value". */
    TRACUU_FIELD_GROUP  = 1 << 1,   /* --group-by name. */
    TRACUU_FIELD_FACET  = 1 << 2,   /* --facet name. */
    TRACUU_FIELD_LIST   = 1 << 3,   /* Its slot holds a comma list. */
    TRACUU_FIELD_CASES  = 1 << 4    /* Only sanction cases have it: a
                                       filter on it asks about cases. */
};

/** One field. @since 0.2 */
typedef struct tracuu_field {
    const char *name;           /* "province". */
    tracuu_field_kind_t kind;   /* What its value is. */
    tracuu_field_term_t term;   /* How a value becomes a term. */
    const char *prefix;         /* Term prefix ("P"), or NULL. */
    int slot;                   /* Value slot, or -1. */
    unsigned flags;             /* TRACUU_FIELD_* flags. */
    const char *example;        /* "province:\"Bắc Giang\"", or NULL. */
    const char *help;           /* One line for people. */
} tracuu_field_t;

/** Number of fields. @since 0.2 */
size_t
tracuu_field_count (void);

/** Field 'i' in table order, or NULL past the end. @since 0.2 */
const tracuu_field_t *
tracuu_field_at (size_t i);

/**
 * The field named 'name' ('len' bytes, any case) having every flag of
 * 'flags' (0: any field), or NULL.
 * @since 0.2
 */
const tracuu_field_t *
tracuu_field_find (const char *name, size_t len, unsigned flags);

/**
 * The names of the fields having every flag of 'flags', in table order,
 * joined by ", " (the last by 'last', e.g. " or "; NULL: ", "), in a new
 * string freed with free(); NULL when memory runs out.
 * @since 0.2
 */
char *
tracuu_field_names (unsigned flags, const char *last);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_FIELD_H */
