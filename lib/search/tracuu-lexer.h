/*
 * Internal: the one lexer of the query language (lexer.c). The search
 * parser (query.c) and the question parser (lib/question/) both read its
 * tokens, so that a query is cut the same way whichever reads it.
 *
 *     word  "quoted phrase"  (  )  OR  AND  NOT  -x  +x
 *     name:value  name:"quoted value"  name:A..B
 *
 * Operators are OR, AND and NOT in capitals, as whole words. A '-' or
 * '+' that starts a word and touches what follows is a sign of its own
 * before the rest, which is then read as a word (never as a sign
 * again), a field, a phrase or a parenthesis; a '-' or '+' alone is a
 * word ("Bà Rịa - Vũng Tàu"). A word "name:value" is a field when the
 * name is ASCII letters or '_' and the value is not empty and does not
 * start with '/' ("https://..." is a word); "name:" followed directly by
 * a quote takes the quoted text as its value. A word holding "://" is
 * always a word. A missing closing quote closes at the end. Nothing is
 * refused: every byte of the input belongs to a token or a blank.
 */
#ifndef TRACUU_LEXER_H
#define TRACUU_LEXER_H

#include <stddef.h>

#include "tracuu/status.h"

typedef enum tracuu_lex_kind {
    TRACUU_LEX_WORD,            /* A bare word. */
    TRACUU_LEX_PHRASE,          /* "A quoted phrase". */
    TRACUU_LEX_OPEN,            /* ( */
    TRACUU_LEX_CLOSE,           /* ) */
    TRACUU_LEX_OR,              /* OR */
    TRACUU_LEX_AND,             /* AND */
    TRACUU_LEX_NOT,             /* NOT */
    TRACUU_LEX_MINUS,           /* A '-' starting a word. */
    TRACUU_LEX_PLUS,            /* A '+' starting a word. */
    TRACUU_LEX_FIELD            /* name:value. */
} tracuu_lex_kind_t;

typedef struct tracuu_lex_token {
    tracuu_lex_kind_t kind;     /* What it is. */
    size_t start;               /* Its bytes in the input: [start, end). */
    size_t end;
    size_t text_start;          /* PHRASE: inside the quotes; FIELD: the
                                   value, without quotes; else = start. */
    size_t text_end;            /* Likewise: = end for others. */
    size_t name_end;            /* FIELD: the name is [start, name_end). */
    size_t range;               /* FIELD: offset of ".." in the input
                                   inside the value, or SIZE_MAX. */
    int quoted;                 /* FIELD: the value was quoted. */
    int glued;                  /* No blank between it and the token
                                   before (a sign's operand). */
    int depth;                  /* Parentheses open around it (an OPEN
                                   counts those outside it). */
} tracuu_lex_token_t;

typedef struct tracuu_lex {
    tracuu_lex_token_t *tokens; /* In input order. */
    size_t n;                   /* How many. */
} tracuu_lex_t;

/* Cut 's' ('len' bytes, need not end in NUL) into tokens. *out is
 * filled (empty on failure) and released with tracuu_lex__dispose().
 * Returns OK or _OUT_OF_MEMORY. */
tracuu_status_t
tracuu_lex__scan (const char *s, size_t len, tracuu_lex_t *out);

/* Release the tokens of 'lex' (NULL is a no-op); it is left empty. */
void
tracuu_lex__dispose (tracuu_lex_t *lex);

/* Is token 'k' of 'lex' the operand of a sign or NOT before it? */
int
tracuu_lex__is_operand (const tracuu_lex_t *lex, size_t k);

#endif /* TRACUU_LEXER_H */
