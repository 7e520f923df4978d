/* The one lexicon loader: modes, tags, labels alone, errors, and the
 * data directory replacing the built-in lexicons. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "extract/extract-private.h"
#include "tracuu/analysis.h"

static tracuu_lexicon_t *
parse (const char *data, tracuu_lexicon_mode_t mode)
{
    tracuu_lexicon_t *lex = NULL;
    char *error = NULL;

    cr_assert_eq (tracuu_lexicon__parse_mode ("t.txt", data, strlen (data),
                                              mode, &lex, &error),
                  TRACUU_STATUS_OK, "%s", error ? error : "");
    return lex;
}

/* Tokens of 's' matched from token 0: the label, or NULL. */
static const char *
match (const tracuu_lexicon_t *lex, const char *s, const char *tag,
       size_t *n_out)
{
    static char label[128];
    tracuu_text_t *t = NULL;
    size_t id = 0, n;

    cr_assert_eq (tracuu_text_analyze (s, strlen (s), &t), TRACUU_STATUS_OK);
    n = tracuu_lexicon__match_tagged (lex, t, 0, t->n_tokens, tag, &id);
    tracuu_text_destroy (t);
    if (n_out != NULL)
        *n_out = n;
    if (n == 0)
        return NULL;
    snprintf (label, sizeof label, "%s", tracuu_lexicon__label (lex, id));
    return label;
}

Test (extract_lexicon, exact_mode_keeps_accents)
{
    tracuu_lexicon_t *lex = parse ("fine\txử phạt|phạt tiền\n"
                                   "lock\tkhóa # chiều\n", TRACUU_LEXICON_EXACT);
    size_t n = 0;

    cr_expect_str_eq (match (lex, "Xử phạt 5 người", NULL, &n), "fine");
    cr_expect_eq (n, 2);
    cr_expect_null (match (lex, "xu phat 5 nguoi", NULL, NULL));
    /* Either tone placement; "#" is any number. */
    cr_expect_str_eq (match (lex, "khoá 02 chiều", NULL, &n), "lock");
    cr_expect_eq (n, 3);
    tracuu_lexicon__destroy (lex);
}

Test (extract_lexicon, fold_mode_ignores_accents)
{
    tracuu_lexicon_t *lex = parse ("#!match fold\nBắc Giang\tbg\tcity x\n",
                                   TRACUU_LEXICON_EXACT);

    cr_expect_str_eq (match (lex, "BAC GIANG", NULL, NULL), "Bắc Giang");
    cr_expect_str_eq (match (lex, "tỉnh", NULL, NULL) ? "?" : "none", "none");
    cr_expect_str_eq (match (lex, "bg", NULL, NULL), "Bắc Giang");
    cr_expect_str_eq (tracuu_lexicon__info (lex, 0), "city x");
    cr_expect (tracuu_lexicon__has_tag (lex, 0, "x"));
    cr_expect (!tracuu_lexicon__has_tag (lex, 0, "cit"));
    tracuu_lexicon__destroy (lex);
}

Test (extract_lexicon, accents_mode_is_optional_accents)
{
    tracuu_lexicon_t *lex = parse ("fine\tphạt\nissue\tphát hành\nother\n",
                                   TRACUU_LEXICON_ACCENTS);

    cr_expect_str_eq (match (lex, "phat", NULL, NULL), "fine");
    cr_expect_str_eq (match (lex, "phạt", NULL, NULL), "fine");
    cr_expect_null (match (lex, "phát", NULL, NULL));
    cr_expect_str_eq (match (lex, "phat hanh", NULL, NULL), "issue");
    /* A label alone is registered without phrases. */
    cr_expect_eq (tracuu_lexicon__count (lex), 3);
    cr_expect_null (match (lex, "other", NULL, NULL));
    tracuu_lexicon__destroy (lex);
}

Test (extract_lexicon, tags_select_lines)
{
    tracuu_lexicon_t *lex = parse ("Sở\tsở\tname head subject\n"
                                   "Trung tâm\ttrung tâm\tname head\n"
                                   "Đồn\tđồn\tsubject\n",
                                   TRACUU_LEXICON_EXACT);

    cr_expect_str_eq (match (lex, "Trung tâm Y tế", "head", NULL), "Trung tâm");
    cr_expect_null (match (lex, "Trung tâm Y tế", "subject", NULL));
    cr_expect_str_eq (match (lex, "Đồn Biên phòng", "subject", NULL), "Đồn");
    cr_expect_null (match (lex, "Đồn Biên phòng", "head", NULL));
    cr_expect_str_eq (match (lex, "Đồn Biên phòng", NULL, NULL), "Đồn");
    cr_expect (tracuu_lexicon__has_tag (lex, 0, "head"));
    cr_expect (!tracuu_lexicon__has_tag (lex, 2, "head"));
    tracuu_lexicon__destroy (lex);
}

Test (extract_lexicon, bad_lines_are_named)
{
    static const char *const bad[] = {
        "no tab here\n", "\tphrase\n", "a|b\n", "#!match sideways\n",
    };

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tracuu_lexicon_t *lex = NULL;
        char *error = NULL;

        cr_expect_eq (tracuu_lexicon__parse_mode ("x.txt", bad[i],
                                                  strlen (bad[i]),
                                                  TRACUU_LEXICON_EXACT, &lex,
                                                  &error),
                      TRACUU_STATUS_BAD_INPUT, "%s", bad[i]);
        cr_expect_null (lex);
        cr_assert_not_null (error);
        cr_expect (strncmp (error, "x.txt:1: ", 9) == 0, "%s", error);
        free (error);
    }
}

/* Every lexicon of the library is built in and loads. */
Test (extract_lexicon, builtin_lexicons_load)
{
    const tracuu_lexicon_t *(*const fns[]) (tracuu_status_t *) = {
        tracuu_lexicon__provinces, tracuu_lexicon__surnames,
        tracuu_lexicon__roles, tracuu_lexicon__platforms,
        tracuu_lexicon__agencies, tracuu_lexicon__agency_codes,
        tracuu_lexicon__actions, tracuu_lexicon__categories,
        tracuu_lexicon__case_nouns,
    };

    unsetenv ("TRACUU_DATA_DIR");
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++) {
        tracuu_status_t rc = TRACUU_STATUS_OK;
        const tracuu_lexicon_t *lex = fns[i] (&rc);

        cr_expect_eq (rc, TRACUU_STATUS_OK, "lexicon %zu", i);
        cr_expect_gt (tracuu_lexicon__count (lex), 3, "lexicon %zu", i);
    }
    cr_expect_eq (tracuu_lexicon__count (tracuu_lexicon__provinces (
                      &(tracuu_status_t) { 0 })), 63);
}

/* A data directory replaces the built-in copies; a lexicon missing there
 * is an error naming the path. */
Test (extract_lexicon, data_dir_replaces_builtin)
{
    char dir[] = "/tmp/tracuu-lexXXXXXX", path[512];
    tracuu_lexicon_t *lex = NULL;
    char *error = NULL;
    FILE *f;

    cr_assert_not_null (mkdtemp (dir));
    snprintf (path, sizeof path, "%s/lexicon", dir);
    cr_assert_eq (mkdir (path, 0700), 0);
    snprintf (path, sizeof path, "%s/lexicon/provinces.txt", dir);
    f = fopen (path, "w");
    cr_assert_not_null (f);
    fputs ("#!match fold\nXứ Đoài\n", f);
    fclose (f);
    setenv ("TRACUU_DATA_DIR", dir, 1);
    cr_assert_eq (tracuu_lexicon__load_mode ("provinces.txt",
                                             TRACUU_LEXICON_EXACT, &lex,
                                             &error), TRACUU_STATUS_OK);
    cr_expect_eq (tracuu_lexicon__count (lex), 1);
    cr_expect_str_eq (match (lex, "xu doai", NULL, NULL), "Xứ Đoài");
    tracuu_lexicon__destroy (lex);
    lex = NULL;
    cr_expect_eq (tracuu_lexicon__load_mode ("surnames.txt",
                                             TRACUU_LEXICON_EXACT, &lex,
                                             &error), TRACUU_STATUS_IO_ERROR);
    cr_expect_null (lex);
    cr_assert_not_null (error);
    cr_expect (strstr (error, "/lexicon/surnames.txt") != NULL, "%s", error);
    free (error);
    unsetenv ("TRACUU_DATA_DIR");
    cr_expect_eq (tracuu_lexicon__load_mode ("surnames.txt",
                                             TRACUU_LEXICON_EXACT, &lex, NULL),
                  TRACUU_STATUS_OK);
    tracuu_lexicon__destroy (lex);
    unlink (path);
    snprintf (path, sizeof path, "%s/lexicon", dir);
    rmdir (path);
    rmdir (dir);
}
