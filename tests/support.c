/* Helpers shared by the Criterion tests. */
#include <criterion/criterion.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "support.h"
#include "util/util-private.h"

char *
test_slurp (const char *path, size_t *len_out)
{
    char *data = NULL;
    size_t len = 0;

    cr_assert_eq (tracuu_file__read (path, 0, &data, &len), TRACUU_STATUS_OK,
                  "cannot read %s: %s", path, strerror (errno));
    if (len_out != NULL)
        *len_out = len;
    return data;
}

const tracuu_entity_t *
test_find_entity (const tracuu_entities_t *l, tracuu_entity_kind_t kind,
                  const char *value, const char *extra)
{
    for (size_t i = 0; i < l->count; i++)
        if (l->items[i].kind == kind && strcmp (l->items[i].value, value) == 0
            && (extra == NULL || (l->items[i].extra
                                  && strcmp (l->items[i].extra, extra) == 0)))
            return &l->items[i];
    return NULL;
}

size_t
test_count_kind (const tracuu_entities_t *l, tracuu_entity_kind_t kind)
{
    size_t n = 0;

    for (size_t i = 0; i < l->count; i++)
        n += l->items[i].kind == kind;
    return n;
}

void
test_entity_cases (test_run_fn run, const test_entity_case_t *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tracuu_entities_t l = { 0 };
        tracuu_text_t *text = run (cases[i].input, &l);

        if (cases[i].value == NULL)
            cr_expect_eq (test_count_kind (&l, cases[i].kind), 0, "case %zu: %s",
                          i, cases[i].input);
        else
            cr_expect_not_null (test_find_entity (&l, cases[i].kind,
                                                  cases[i].value, cases[i].extra),
                                "case %zu: %s", i, cases[i].input);
        tracuu_entities_dispose (&l);
        tracuu_text_destroy (text);
    }
}

tracuu_text_t *
test_run_file (test_run_fn run, const char *path, tracuu_entities_t *out)
{
    char *buf = test_slurp (path, NULL);
    tracuu_text_t *text = run (buf, out);

    free (buf);
    return text;
}

char *
test_nfc (const char *text)
{
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = unorm2_getNFCInstance (&err);
    int32_t len = (int32_t) strlen (text), u_len, c_len, out_len;
    UChar *u = malloc ((size_t) (len + 1) * sizeof *u);
    UChar *c = malloc ((size_t) (3 * len + 1) * sizeof *c);
    char *out = malloc ((size_t) (4 * len + 1));

    u_strFromUTF8 (u, len + 1, &u_len, text, len, &err);
    c_len = unorm2_normalize (n, u, u_len, c, 3 * len + 1, &err);
    u_strToUTF8 (out, 4 * len + 1, &out_len, c, c_len, &err);
    cr_assert (U_SUCCESS (err), "%s", u_errorName (err));
    out[out_len] = '\0';
    free (u);
    free (c);
    return out;
}

static char tmp_dir[64];

void
test_tmp_make (const char *prefix)
{
    snprintf (tmp_dir, sizeof tmp_dir, "/tmp/%s-XXXXXX", prefix);
    cr_assert_not_null (mkdtemp (tmp_dir), "mkdtemp: %s", strerror (errno));
}

static int
remove_entry (const char *path, const struct stat *st, int flag,
              struct FTW *ftw)
{
    (void) st;
    (void) flag;
    (void) ftw;
    return remove (path);
}

void
test_tmp_remove (void)
{
    if (tmp_dir[0] != '\0')
        nftw (tmp_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
    tmp_dir[0] = '\0';
}

const char *
test_tmp_path (const char *name)
{
    static char buf[4][512];
    static int which;

    which = (which + 1) % 4;
    snprintf (buf[which], sizeof buf[which], "%s/%s", tmp_dir, name);
    return buf[which];
}

void
test_write_file (const char *path, const char *text)
{
    FILE *f = fopen (path, "w");

    cr_assert_not_null (f, "%s: %s", path, strerror (errno));
    fputs (text, f);
    cr_assert_eq (fclose (f), 0);
}

tracuu_question_t *
test_parse_question (const char *text)
{
    tracuu_question_t *q = NULL;
    char *error = NULL;

    cr_assert_eq (tracuu_question_parse (text, strlen (text), &q, &error),
                  TRACUU_STATUS_OK, "%s: %s", text, error ? error : "?");
    return q;
}
