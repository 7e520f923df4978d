/*
 * Phrase lists of questions: the question-side view of the one lexicon
 * loader (analysis/analysis-private.h), in its "accents" mode, where a word typed
 * without diacritics matches any accents and a word typed with them
 * must match them.
 */
#include <stdlib.h>

#include "analysis/analysis-private.h"
#include "question/question-private.h"

struct tracuu_qlex {
    tracuu_lexicon_t *lex;
};

/* Wrap the lexicon 'lex' just made (or not: 'status') into *out. */
static tracuu_status_t
wrap (tracuu_status_t status, tracuu_lexicon_t *lex, tracuu_qlex_t **out)
{
    if (status != TRACUU_STATUS_OK)
        return status;
    *out = malloc (sizeof **out);
    if (*out == NULL) {
        tracuu_lexicon__destroy (lex);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    (*out)->lex = lex;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_qlex__load (const char *name, tracuu_qlex_t **out, char **error_out)
{
    tracuu_lexicon_t *lex = NULL;
    tracuu_status_t status;

    if (out == NULL || name == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    status = tracuu_lexicon__load_mode (name, TRACUU_LEXICON_ACCENTS, &lex,
                                        error_out);
    return wrap (status, lex, out);
}

tracuu_status_t
tracuu_qlex__parse (const char *name, const char *data, size_t len,
                    tracuu_qlex_t **out, char **error_out)
{
    tracuu_lexicon_t *lex = NULL;
    tracuu_status_t status;

    if (out == NULL || name == NULL || (data == NULL && len > 0))
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    status = tracuu_lexicon__parse_mode (name, data, len,
                                         TRACUU_LEXICON_ACCENTS, &lex,
                                         error_out);
    return wrap (status, lex, out);
}

void
tracuu_qlex__destroy (tracuu_qlex_t *lex)
{
    if (lex == NULL)
        return;
    tracuu_lexicon__destroy (lex->lex);
    free (lex);
}

size_t
tracuu_qlex__count (const tracuu_qlex_t *lex)
{
    return lex ? tracuu_lexicon__count (lex->lex) : 0;
}

const char *
tracuu_qlex__label (const tracuu_qlex_t *lex, size_t i)
{
    return lex ? tracuu_lexicon__label (lex->lex, i) : NULL;
}

size_t
tracuu_qlex__match (const tracuu_qlex_t *lex, const tracuu_text_t *text,
                    size_t i, size_t end, const char **label_out)
{
    size_t label = 0, n;

    if (lex == NULL)
        return 0;
    n = tracuu_lexicon__match (lex->lex, text, i, end, &label);
    if (n > 0 && label_out != NULL)
        *label_out = tracuu_lexicon__label (lex->lex, label);
    return n;
}
