/* Inputs that once crashed or misbehaved, found by the fuzz targets. */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/decode.h"
#include "tracuu/extract.h"
#include "tracuu/question.h"
#include "search/search-private.h"

/* A 39-letter word in text that is not UTF-8 overflowed the scorer of
 * legacy encodings. */
Test (regressions, legacy_long_word)
{
    char in[41];
    tracuu_decoded_t out = { 0 };

    in[0] = 'a';
    in[1] = (char) 0xB8;
    memset (in + 2, 'a', 38);
    in[40] = '\n';
    cr_expect_eq (tracuu_decode_buffer ("x.txt", in, sizeof in, NULL, &out), 0);
    cr_expect_not_null (out.text);
    tracuu_decoded_dispose (&out);
}

/* A very long "Số:" line was cut inside a character. */
Test (regressions, number_cut_on_character)
{
    char in[256];
    size_t n = 0;
    tracuu_text_t *t = NULL;
    tracuu_extraction_t *x = NULL;
    const char *num;

    memcpy (in, "S\xE1\xBB\x91: ", 6);
    n = 6;
    memset (in + n, 'a', 126);
    n += 126;
    memcpy (in + n, "\xC4\x91\n", 3);
    n += 3;
    cr_assert_eq (tracuu_text_analyze (in, n, &t), 0);
    cr_assert_eq (tracuu_extract (t, &x), 0);
    num = tracuu_extraction_meta (x)->number;
    if (num != NULL) {
        char *norm = NULL;
        size_t len, replaced = 0;

        cr_assert_eq (tracuu_normalize (num, strlen (num), &norm, &len,
                                        &replaced), 0);
        cr_expect_eq (replaced, 0, "number is not valid UTF-8");
        free (norm);
    }
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (t);
}

/* "-" before parentheses nested too deep freed a node twice. */
Test (regressions, negated_deep_group)
{
    char in[67];
    tracuu_query_t *q = NULL;

    in[0] = '-';
    memset (in + 1, '(', 65);
    in[66] = '\0';
    cr_expect_eq (tracuu_query__parse (in, 66, &q), TRACUU_STATUS_LIMIT_EXCEEDED);
    cr_expect_null (q);
}

/* A period ending before it starts is refused, not inverted. */
Test (regressions, inverted_period)
{
    const char *in = "phạt since 2024 before 2020";
    tracuu_question_t *q = NULL;
    char *error = NULL;

    cr_expect_eq (tracuu_question_parse (in, strlen (in), &q, &error),
                  TRACUU_STATUS_QUERY_SYNTAX);
    cr_expect_null (q);
    cr_expect_not_null (error);
    free (error);
}
