/*
 * Fuzz the HTML decoder's nesting: each input byte opens an element (of
 * a list of tags that keep their text), closes one, or writes a word
 * "wN" (N counting up), making pages nested as deep and as badly as the
 * input says, with tags left open and closed in the wrong order. Every
 * word must come out, in order: no depth or misnesting loses text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/decode.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const tags[] = {
    "div", "span", "b", "i", "p", "li", "ul", "ol", "td", "tr", "table",
    "section", "article", "em", "strong", "font", "a", "blockquote", "pre",
    "h1", "h2", "dd", "dl", "center", "small", "u",
};
#define N_TAGS (sizeof tags / sizeof tags[0])

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t out;
    size_t cap = 64 + size * 24, n = 0, words = 0, *open = NULL, depth = 0;
    char *html = malloc (cap);
    const char *p;

    open = malloc ((size + 1) * sizeof *open);
    FUZZ_CHECK (html != NULL && open != NULL);
    n += (size_t) sprintf (html, "<html><body>");
    for (size_t i = 0; i < size; i++) {
        unsigned b = data[i];

        if (b < 128) {
            size_t t = b % N_TAGS;

            n += (size_t) sprintf (html + n, "<%s>", tags[t]);
            open[depth++] = t;
        } else if (b < 192) {
            if (depth > 0) {
                /* Close the one opened last, or another (misnesting). */
                size_t t = b & 1 ? open[depth - 1] : open[(b >> 1) % depth];

                n += (size_t) sprintf (html + n, "</%s>", tags[t]);
                depth--;
            }
        } else {
            n += (size_t) sprintf (html + n, " w%zu ", words++);
        }
    }
    n += (size_t) sprintf (html + n, "</body></html>");
    opts.max_output_bytes = 1 << 20;
    FUZZ_CHECK (tracuu_decode_buffer ("x.html", html, n, &opts, &out)
                == TRACUU_STATUS_OK);
    p = out.text;
    for (size_t w = 0; w < words; w++) {
        char word[32];
        const char *at;

        snprintf (word, sizeof word, "w%zu", w);
        at = strstr (p, word);
        if (at == NULL) {
            fprintf (stderr, "invariant failed: word %s lost from a page "
                     "nested %zu deep\n", word, depth);
            abort ();
        }
        p = at + strlen (word);
    }
    tracuu_decoded_dispose (&out);
    free (open);
    free (html);
    return 0;
}
