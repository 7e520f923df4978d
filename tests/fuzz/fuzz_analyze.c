/*
 * Fuzz tracuu_text_analyze() and check the structure it returns: tokens
 * in order inside the text, line tables that agree with the text and
 * with tracuu_text_line_at() and tracuu_text_line(), and the same text
 * as tracuu_normalize() gives.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_lines (const tracuu_text_t *t)
{
    size_t newlines = 0;

    FUZZ_CHECK (t->n_lines >= 1 && t->line_starts != NULL);
    FUZZ_CHECK (t->line_starts[0] == 0);
    for (size_t i = 0; i < t->len; i++)
        newlines += t->text[i] == '\n';
    FUZZ_CHECK (t->n_lines == newlines + 1);
    for (size_t k = 1; k < t->n_lines; k++) {
        FUZZ_CHECK (t->line_starts[k] > t->line_starts[k - 1]);
        FUZZ_CHECK (t->line_starts[k] <= t->len);
        FUZZ_CHECK (t->text[t->line_starts[k] - 1] == '\n');
    }
    for (size_t k = 0; k < t->n_lines; k++) {
        size_t line_len = (size_t) -1;
        const char *line = tracuu_text_line (t, (uint32_t) (k + 1), &line_len);

        FUZZ_CHECK (line == t->text + t->line_starts[k]);
        FUZZ_CHECK (line_len <= t->len - t->line_starts[k]);
        FUZZ_CHECK (memchr (line, '\n', line_len) == NULL);
        FUZZ_CHECK (t->line_starts[k] + line_len == t->len
                    || line[line_len] == '\n');
        FUZZ_CHECK (tracuu_text_line_at (t, t->line_starts[k])
                    == (uint32_t) (k + 1));
    }
    FUZZ_CHECK (tracuu_text_line (t, 0, NULL) == NULL);
    FUZZ_CHECK (tracuu_text_line (t, (uint32_t) (t->n_lines + 1), NULL)
                == NULL);
}

static void
check_tokens (const tracuu_text_t *t)
{
    for (size_t i = 0; i < t->n_tokens; i++) {
        const tracuu_token_t *tok = &t->tokens[i];

        FUZZ_CHECK (tok->start < tok->end && tok->end <= t->len);
        FUZZ_CHECK (i == 0 || tok->start >= t->tokens[i - 1].end);
        FUZZ_CHECK (tok->line == tracuu_text_line_at (t, tok->start));
        FUZZ_CHECK (memchr (t->text + tok->start, '\n',
                            tok->end - tok->start) == NULL);
        FUZZ_CHECK (tok->exact != NULL && tok->folded != NULL);
        FUZZ_CHECK (tok->exact_len > 0);
        FUZZ_CHECK (tok->exact[tok->exact_len] == '\0');
        FUZZ_CHECK (tok->folded[tok->folded_len] == '\0');
        FUZZ_CHECK (fuzz_utf8_valid (tok->exact, tok->exact_len));
        FUZZ_CHECK (fuzz_utf8_valid (tok->folded, tok->folded_len));
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    char *in = malloc (size ? size : 1), *norm = NULL;
    size_t norm_len = 0, n_replaced = 0;
    tracuu_text_t *t = NULL;

    if (in == NULL)
        return 0;
    memcpy (in, data, size);
    if (tracuu_text_analyze (in, size, &t) == TRACUU_STATUS_OK) {
        FUZZ_CHECK (t != NULL && t->text != NULL);
        FUZZ_CHECK (t->text[t->len] == '\0');
        FUZZ_CHECK (fuzz_utf8_valid (t->text, t->len));
        check_lines (t);
        check_tokens (t);
        if (tracuu_normalize (in, size, &norm, &norm_len, &n_replaced)
            == TRACUU_STATUS_OK) {
            FUZZ_CHECK (norm_len == t->len);
            FUZZ_CHECK (memcmp (norm, t->text, norm_len) == 0);
            FUZZ_CHECK (n_replaced == t->n_replaced);
            free (norm);
        }
    } else {
        FUZZ_CHECK (t == NULL);
    }
    tracuu_text_destroy (t);
    free (in);
    return 0;
}
