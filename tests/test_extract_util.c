/* Helpers of the extractors: phrase sets. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/analysis.h"

static const char *const kinds[] = {
    "thông tư liên tịch", "thông tư", "nghị định", "luật", "quyết định",
};

static const char *const folded_kinds[] = {
    "thong tu", "nghi dinh",
};

/* "n@which" for every token of 'input' where 'set' matches. */
static void
matches (tracuu_phrase_set_t *set, const char *input, char *buf, size_t size)
{
    tracuu_text_t *text = NULL;
    size_t used = 0;

    cr_assert_eq (tracuu_text_analyze (input, strlen (input), &text), 0);
    buf[0] = '\0';
    for (size_t i = 0; i < text->n_tokens; i++) {
        size_t which = 99, n = tracuu_extract__match_set (set, text, i, &which);

        if (n > 0)
            used += (size_t) snprintf (buf + used, size - used, "%s%zu:%zu@%zu",
                                       used ? " " : "", i, n, which);
    }
    tracuu_text_destroy (text);
}

Test (extract_util, phrase_set_exact)
{
    static tracuu_phrase_set_t set = TRACUU_PHRASE_SET (kinds, 0);
    char got[256];

    /* The longest phrase listed first wins; a word that only starts a
     * phrase ("thông" of "thông tin") matches nothing. */
    matches (&set, "Theo Thông tư liên tịch số 5, thông tư 12 và thông tin", got,
             sizeof got);
    cr_expect_str_eq (got, "1:4@0 7:2@1");
    matches (&set, "Luật An ninh mạng; Nghị  định 15; quyết\ndinh", got, sizeof got);
    cr_expect_str_eq (got, "0:1@3 4:2@2");
    /* Exact forms: without accents nothing matches. */
    matches (&set, "nghi dinh 15, thong tu 12", got, sizeof got);
    cr_expect_str_eq (got, "");
    /* Between words only blanks: a comma breaks the phrase. */
    matches (&set, "nghị, định", got, sizeof got);
    cr_expect_str_eq (got, "");
}

Test (extract_util, phrase_set_folded)
{
    static tracuu_phrase_set_t set = TRACUU_PHRASE_SET (folded_kinds, 1);
    char got[256];

    matches (&set, "Nghị định 15 và THÔNG TƯ 12, nghi dinh", got, sizeof got);
    cr_expect_str_eq (got, "0:2@1 4:2@0 7:2@1");
    /* The token past the end of the text matches nothing. */
    {
        tracuu_text_t *text = NULL;

        cr_assert_eq (tracuu_text_analyze ("thông", strlen ("thông"), &text), 0);
        cr_expect_eq (tracuu_extract__match_set (&set, text, text->n_tokens,
                                                 NULL), 0);
        tracuu_text_destroy (text);
    }
}
