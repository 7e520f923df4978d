/* The fields table: one row per field, read by the parser, the filters,
 * the answers and the usage text. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/field.h"
#include "tracuu/question.h"

static void
data_dir (void)
{
    setenv ("TRACUU_DATA_DIR", "../data", 0);
}

TestSuite (fields, .init = data_dir);

Test (fields, rows)
{
    size_t n = tracuu_field_count ();

    cr_assert_gt (n, 10);
    cr_expect_null (tracuu_field_at (n));
    for (size_t i = 0; i < n; i++) {
        const tracuu_field_t *f = tracuu_field_at (i);

        cr_assert_not_null (f);
        cr_expect_not_null (f->help, "%s", f->name);
        /* Each name once. */
        cr_expect_eq (tracuu_field_find (f->name, strlen (f->name), 0), f);
        /* What groups or counts has a slot; what is a term has a prefix. */
        if (f->flags & (TRACUU_FIELD_GROUP | TRACUU_FIELD_FACET))
            cr_expect_geq (f->slot, 0, "%s", f->name);
        if (f->term != TRACUU_TERM_NONE)
            cr_expect_not_null (f->prefix, "%s", f->name);
        /* Every filter's example is a query the parser takes. */
        if (f->flags & TRACUU_FIELD_FILTER) {
            tracuu_question_t *q = NULL;
            char *error = NULL;

            cr_assert_not_null (f->example, "%s", f->name);
            cr_expect_eq (strncmp (f->example, f->name, strlen (f->name)), 0);
            cr_expect_eq (tracuu_question_parse (f->example, strlen (f->example),
                                                 &q, &error), TRACUU_STATUS_OK,
                          "%s: %s", f->example, error ? error : "");
            free (error);
            tracuu_question_destroy (q);
        } else {
            cr_expect_eq (f->kind, TRACUU_FIELD_BUCKET, "%s", f->name);
        }
    }
}

Test (fields, find)
{
    cr_expect_not_null (tracuu_field_find ("Province", 8, TRACUU_FIELD_FILTER));
    cr_expect_not_null (tracuu_field_find ("provincex", 8, 0));
    cr_expect_null (tracuu_field_find ("provinc", 7, 0));
    cr_expect_null (tracuu_field_find ("quarter", 7, TRACUU_FIELD_FILTER));
    cr_expect_not_null (tracuu_field_find ("quarter", 7, TRACUU_FIELD_GROUP));
    cr_expect_null (tracuu_field_find ("amount", 6, TRACUU_FIELD_GROUP));
    cr_expect_null (tracuu_field_find (NULL, 0, 0));
}

Test (fields, names)
{
    char *all = tracuu_field_names (TRACUU_FIELD_FILTER, NULL);
    char *group = tracuu_field_names (TRACUU_FIELD_GROUP, " or ");
    char *none = tracuu_field_names (1u << 30, " or ");

    cr_expect_str_eq (all, "province, year, period, date, amount, account, "
                      "platform, category, action, status, violator, agency, "
                      "person, number, kind");
    cr_expect_str_eq (group, "province, year, quarter, month, platform, "
                      "category, action, status or violator");
    cr_expect_str_eq (none, "");
    free (all);
    free (group);
    free (none);
}

/* An unknown field's message lists the fields of the table. */
Test (fields, message)
{
    tracuu_question_t *q = NULL;
    char *error = NULL, *names = tracuu_field_names (TRACUU_FIELD_FILTER, NULL);
    char want[512];

    cr_expect_eq (tracuu_question_parse ("colour:red", 10, &q, &error),
                  TRACUU_STATUS_QUERY_SYNTAX);
    snprintf (want, sizeof want, "unknown field 'colour'; fields are: %s", names);
    cr_expect_str_eq (error, want);
    free (error);
    free (names);
}
