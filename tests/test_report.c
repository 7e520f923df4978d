/*
 * Reports read back by id (tracuu/report.h), and what search results and
 * answers say to find them: the id, province and period of a hit, the
 * order by period, the report id of every source of a case.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tracuu/answer.h"
#include "tracuu/index.h"
#include "tracuu/printer.h"
#include "tracuu/question.h"
#include "tracuu/report.h"
#include "tracuu/search.h"

static char tmpdir[64];
static char dbdir[96];

static void
write_file (const char *name, const char *text)
{
    char path[160];
    FILE *f;

    snprintf (path, sizeof path, "%s/reports/%s", tmpdir, name);
    f = fopen (path, "w");
    cr_assert_not_null (f, "%s: %s", path, strerror (errno));
    fputs (text, f);
    cr_assert_eq (fclose (f), 0);
}

/* Two monthly reports of one province, of April and of June 2024; the
 * June one fines an account for false information on line 10. */
static void
setup (void)
{
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    tracuu_index_t *index = NULL;
    char reports[96], *error = NULL;
    const char *paths[1];

    setenv ("TRACUU_DATA_DIR", "../data", 0);
    strcpy (tmpdir, "/tmp/tracuu-report-XXXXXX");
    cr_assert_not_null (mkdtemp (tmpdir), "mkdtemp: %s", strerror (errno));
    snprintf (reports, sizeof reports, "%s/reports", tmpdir);
    snprintf (dbdir, sizeof dbdir, "%s/db", tmpdir);
    cr_assert_eq (mkdir (reports, 0755), 0);
    write_file ("thang-4.txt",
                "UBND TỈNH QUẢNG TRỊ\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n\n"
                "Số: 41/BC-STTTT\n\nBÁO CÁO\n\nKết quả công tác tháng 4 năm 2024\n\n"
                "Tổ chức tuyên truyền về phòng chống tin giả trên mạng xã hội.\n");
    write_file ("thang-6.txt",
                "UBND TỈNH QUẢNG TRỊ\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n\n"
                "Số: 77/BC-STTTT\n\nBÁO CÁO\n\nKết quả công tác tháng 6 năm 2024\n\n"
                "Thanh tra Sở đã xử phạt vi phạm hành chính chủ tài khoản "
                "Facebook \"Lê Minh Tâm\" về hành vi đăng tải thông tin sai sự "
                "thật, số tiền 5 triệu đồng.\n\nNgoài ra, tuyên truyền về tin giả.\n");
    paths[0] = reports;
    cr_assert_eq (tracuu_index_open (dbdir, TRACUU_INDEX_WRITE, &index, &error),
                  TRACUU_STATUS_OK, "%s", error);
    cr_assert_eq (tracuu_index_update (index, paths, 1, &opts, &stats),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    cr_assert_eq (stats.indexed, 2);
    tracuu_index_close (index);
}

static int
remove_entry (const char *path, const struct stat *st, int flag,
              struct FTW *ftw)
{
    (void) st; (void) flag; (void) ftw;
    return remove (path);
}

static void
teardown (void)
{
    nftw (tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite (report, .init = setup, .fini = teardown);

static tracuu_index_t *
open_db (void)
{
    tracuu_index_t *index = NULL;
    char *error = NULL;

    cr_assert_eq (tracuu_index_open (dbdir, TRACUU_INDEX_READ, &index, &error),
                  TRACUU_STATUS_OK, "%s", error);
    return index;
}

static tracuu_results_t *
search (tracuu_index_t *index, const char *text, int sort)
{
    tracuu_search_options_t opts = TRACUU_SEARCH_OPTIONS_INIT;
    tracuu_results_t *r = NULL;

    opts.sort = sort;
    cr_assert_eq (tracuu_search (index, text, strlen (text), &opts, &r),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    return r;
}

static const char *
base (const char *path)
{
    return strrchr (path, '/') + 1;
}

Test (report, hits_say_id_province_period_and_sort_by_period)
{
    tracuu_index_t *index = open_db ();
    tracuu_results_t *r = search (index, "tin gia", TRACUU_SORT_NEWEST);
    const tracuu_hit_t *h;

    cr_assert_eq (tracuu_results_size (r), 2);
    h = tracuu_results_hit (r, 0);
    cr_assert_str_eq (base (h->path), "thang-6.txt");
    cr_assert_str_eq (h->province, "Quảng Trị");
    cr_assert_str_eq (h->period, "2024-06");
    cr_assert_gt (h->id, 0);
    cr_assert_str_eq (base (tracuu_results_hit (r, 1)->path), "thang-4.txt");
    cr_assert_str_eq (tracuu_results_hit (r, 1)->period, "2024-04");
    cr_assert_neq (tracuu_results_hit (r, 1)->id, h->id);
    tracuu_results_destroy (r);
    r = search (index, "tin gia", TRACUU_SORT_OLDEST);
    cr_assert_str_eq (base (tracuu_results_hit (r, 0)->path), "thang-4.txt");
    cr_assert_str_eq (base (tracuu_results_hit (r, 1)->path), "thang-6.txt");
    tracuu_results_destroy (r);
    tracuu_index_close (index);
}

Test (report, read_back_by_id_with_marks_meta_and_cases)
{
    tracuu_index_t *index = open_db ();
    tracuu_results_t *r = search (index, "\"thong tin sai su that\"", 0);
    const tracuu_hit_t *h = tracuu_results_hit (r, 0);
    const tracuu_report_mark_t *marks;
    const tracuu_extraction_t *x;
    tracuu_report_t *rep = NULL;
    const char *text, *q = "\"thong tin sai su that\" OR \"tuyen truyen\"";
    size_t len, n;

    cr_assert_not_null (h);
    cr_assert_eq (tracuu_report_get (index, h->id, q, strlen (q), &rep),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    cr_assert_eq (tracuu_report_id (rep), h->id);
    cr_assert_str_eq (tracuu_report_path (rep), h->path);
    text = tracuu_report_text (rep, &len);
    cr_assert_eq (strlen (text), len);
    cr_assert_not_null (strstr (text, "Số: 77/BC-STTTT"));
    cr_assert_eq (tracuu_report_n_lines (rep), 13);
    /* The five syllables of the phrase on line 10, the two of "tuyên
     * truyền" on line 12, each with its accents as written. */
    marks = tracuu_report_marks (rep, &n);
    cr_assert_eq (n, 7, "%zu marks", n);
    for (size_t i = 0; i < 5; i++)
        cr_assert_eq (marks[i].line, 10);
    cr_assert_eq (strncmp (text + marks[0].start, "thông", 6), 0);
    cr_assert_eq (marks[0].end - marks[0].start, 6);
    cr_assert_eq (strncmp (text + marks[4].start, "thật", marks[4].end - marks[4].start), 0);
    cr_assert_eq (marks[5].line, 12);
    cr_assert_eq (strncmp (text + marks[5].start, "tuyên", 6), 0);
    x = tracuu_report_extraction (rep);
    cr_assert_str_eq (tracuu_extraction_meta (x)->number, "77/BC-STTTT");
    cr_assert_str_eq (tracuu_extraction_meta (x)->province, "Quảng Trị");
    cr_assert_eq (tracuu_extraction_n_cases (x), 1);
    cr_assert_eq (tracuu_extraction_case (x, 0)->amount_vnd, 5000000);
    tracuu_report_destroy (rep);
    /* No query, no marks. */
    cr_assert_eq (tracuu_report_get (index, h->id, NULL, 0, &rep), TRACUU_STATUS_OK);
    tracuu_report_marks (rep, &n);
    cr_assert_eq (n, 0);
    tracuu_report_destroy (rep);
    tracuu_results_destroy (r);
    tracuu_index_close (index);
}

Test (report, unknown_ids_and_case_documents_are_no_reports)
{
    tracuu_index_t *index = open_db ();
    tracuu_report_t *rep = (tracuu_report_t *) 1;
    uint32_t reports = 0, seen = 0;

    cr_assert_eq (tracuu_report_get (index, 0, NULL, 0, &rep),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_assert_null (rep);
    cr_assert_eq (tracuu_report_get (index, 999999, NULL, 0, &rep),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_assert_str_eq (tracuu_index_last_error (index), "no report has id 999999");
    /* Ids 1..n hold two reports and their case: exactly two are reports. */
    cr_assert_eq (tracuu_index_count_reports (index, &reports), TRACUU_STATUS_OK);
    for (uint32_t id = 1; id <= 10; id++)
        if (tracuu_report_get (index, id, NULL, 0, &rep) == TRACUU_STATUS_OK) {
            seen++;
            tracuu_report_destroy (rep);
        }
    cr_assert_eq (seen, 2);
    cr_assert_eq (reports, 2);
    cr_assert_eq (tracuu_report_get (NULL, 1, NULL, 0, &rep),
                  TRACUU_STATUS_NULL_POINTER);
    tracuu_index_close (index);
}

Test (report, answer_sources_carry_the_report_id)
{
    tracuu_answer_options_t opts = TRACUU_ANSWER_OPTIONS_INIT;
    tracuu_index_t *index = open_db ();
    tracuu_results_t *r = search (index, "xu phat", 0);
    tracuu_question_t *q = NULL;
    tracuu_answer_t *a = NULL;
    const char *text = "phat thong tin sai su that nam 2024";
    char *buf = NULL, *error = NULL;
    size_t size = 0;
    tracuu_printer_t *p = NULL;
    tracuu_report_t *rep = NULL;
    FILE *f;

    cr_assert_eq (tracuu_question_parse (text, strlen (text), &q, &error),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_answer_run (index, q, &opts, &a), TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_answer_n_cases (a), 1);
    cr_assert_eq (tracuu_answer_case (a, 0)->n_sources, 1);
    cr_assert_eq (tracuu_answer_case (a, 0)->sources[0].report,
                  tracuu_results_hit (r, 0)->id);
    /* Both writers say the id; the report's writer says it back. */
    f = open_memstream (&buf, &size);
    cr_assert_eq (tracuu_printer_new (f, TRACUU_PRINTER_JSON, 0, &p), 0);
    tracuu_answer_write (a, q, text, p);
    cr_assert_eq (tracuu_printer_finish (p), TRACUU_STATUS_OK);
    tracuu_printer_destroy (p);
    fclose (f);
    {
        char want[64];

        snprintf (want, sizeof want, "\"report_id\":%u",
                  (unsigned) tracuu_results_hit (r, 0)->id);
        cr_assert_not_null (strstr (buf, want), "%s", buf);
    }
    free (buf);
    buf = NULL;
    f = open_memstream (&buf, &size);
    cr_assert_eq (tracuu_printer_new (f, TRACUU_PRINTER_JSON, 0, &p), 0);
    cr_assert_eq (tracuu_report_get (index, tracuu_results_hit (r, 0)->id,
                                     "xu phat", 7, &rep), TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_report_write (rep, p), TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_printer_finish (p), TRACUU_STATUS_OK);
    tracuu_printer_destroy (p);
    fclose (f);
    cr_assert_not_null (strstr (buf, "\"marks\":[["), "%s", buf);
    cr_assert_not_null (strstr (buf, "\"number\":\"77/BC-STTTT\""), "%s", buf);
    cr_assert_not_null (strstr (buf, "\"amount_vnd\":5000000"), "%s", buf);
    free (buf);
    tracuu_report_destroy (rep);
    tracuu_answer_destroy (a);
    tracuu_question_destroy (q);
    tracuu_results_destroy (r);
    tracuu_index_close (index);
}

Test (report, a_reader_reopened_sees_what_a_writer_committed)
{
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    tracuu_index_t *reader = open_db (), *writer = NULL;
    uint32_t n = 0;
    int changed = -1;
    char reports[96], *error = NULL;
    const char *paths[1];

    cr_assert_eq (tracuu_index_reopen (reader, &changed), TRACUU_STATUS_OK);
    cr_assert_eq (changed, 0);
    write_file ("thang-7.txt", "UBND TỈNH QUẢNG TRỊ\n\nBÁO CÁO\n\nKết quả tháng 7 năm 2024.\n");
    snprintf (reports, sizeof reports, "%s/reports", tmpdir);
    paths[0] = reports;
    cr_assert_eq (tracuu_index_open (dbdir, TRACUU_INDEX_WRITE, &writer, &error),
                  TRACUU_STATUS_OK, "%s", error);
    cr_assert_eq (tracuu_index_update (writer, paths, 1, &opts, &stats), 0);
    tracuu_index_close (writer);
    cr_assert_eq (tracuu_index_count_reports (reader, &n), TRACUU_STATUS_OK);
    cr_assert_eq (n, 2);        /* The revision it was opened at. */
    cr_assert_eq (tracuu_index_reopen (reader, &changed), TRACUU_STATUS_OK);
    cr_assert_eq (changed, 1);
    cr_assert_eq (tracuu_index_count_reports (reader, &n), TRACUU_STATUS_OK);
    cr_assert_eq (n, 3);
    cr_assert_eq (tracuu_index_reopen (NULL, NULL), TRACUU_STATUS_NULL_POINTER);
    tracuu_index_close (reader);
}
