/*
 * Fuzz the query parser, and snippets for what it finds. The input is
 * a query, optionally followed by a NUL byte and a text to cut a
 * snippet from (the query itself when there is none).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/xapian-c.h"
#include "search/search-private.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_snippet (const tracuu_query_t *q, const char *s, size_t len)
{
    tracuu_text_t *t = NULL;
    tracuu_snippet_t snip;

    if (tracuu_text_analyze (s, len, &t))
        return;
    memset (&snip, 0, sizeof snip);
    if (tracuu_snippet__make (t, q->units, q->n_units, 80, &snip)
        == TRACUU_STATUS_OK && snip.text != NULL) {
        size_t n = strlen (snip.text);

        FUZZ_CHECK (fuzz_utf8_valid (snip.text, n));
        FUZZ_CHECK (snip.line >= 1 && snip.line <= t->n_lines);
        for (size_t i = 0; i < snip.n_spans; i++) {
            FUZZ_CHECK (snip.spans[i].start < snip.spans[i].end);
            FUZZ_CHECK (snip.spans[i].end <= n);
            FUZZ_CHECK (i == 0 || snip.spans[i].start
                                      >= snip.spans[i - 1].end);
        }
    }
    tracuu_snippet__dispose (&snip);
    tracuu_text_destroy (t);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    const char *s = (const char *) data;
    const char *nul = memchr (s, '\0', size);
    size_t qlen = nul ? (size_t) (nul - s) : size;
    char *query = malloc (qlen ? qlen : 1), *desc = NULL;
    tracuu_query_t *q = NULL;

    /* An exact-size copy: ASan then sees any read past the query. */
    if (query == NULL)
        return 0;
    memcpy (query, s, qlen);
    if (tracuu_query__parse (query, qlen, &q) == TRACUU_STATUS_OK) {
        FUZZ_CHECK (q != NULL && q->xq != NULL);
        for (size_t u = 0; u < q->n_units; u++) {
            FUZZ_CHECK (q->units[u].n_words > 0);
            for (size_t w = 0; w < q->units[u].n_words; w++)
                FUZZ_CHECK (fuzz_utf8_valid (q->units[u].words[w],
                                             strlen (q->units[u].words[w])));
        }
        if (xapc_query_describe (q->xq, &desc) == XAPC_OK)
            xapc_free (desc);
        if (nul)
            check_snippet (q, nul + 1, size - qlen - 1);
        else
            check_snippet (q, query, qlen);
    } else {
        FUZZ_CHECK (q == NULL);
    }
    tracuu_query__destroy (q);
    free (query);
    return 0;
}
