/*
 * The middle layer through the public API, on temporary indexes:
 * indexing reports written here, answering questions about their cases
 * (the aggregate rule, totals, paging, a case cited by 5 000 reports),
 * searching them (the exact-accent boost, exact totals) and each error
 * path of opening and reading an index.
 */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tracuu/answer.h"
#include "tracuu/index.h"
#include "tracuu/printer.h"
#include "tracuu/question.h"
#include "tracuu/search.h"
#include "tracuu/xapian-c.h"
#include "support.h"

static void
setup (void)
{
    setenv ("TRACUU_DATA_DIR", "../data", 0);
    test_tmp_make ("tracuu-answer");
}

static void
teardown (void)
{
    test_tmp_remove ();
}

TestSuite (answer, .init = setup, .fini = teardown);

/* A monthly or other report of a provincial department, with one
 * paragraph of results. */
static void
write_report (const char *name, const char *province, const char *period,
              const char *paragraph)
{
    char text[4096];

    snprintf (text, sizeof text,
              "UBND TỈNH %s\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n\nBÁO CÁO\n\n"
              "Kết quả công tác thanh tra, kiểm tra %s\n\nI. KẾT QUẢ\n\n%s\n\n"
              "Sở Thông tin và Truyền thông báo cáo./.\n", province, period,
              paragraph);
    test_write_file (test_tmp_path (name), text);
}

/* Index the folder 'dir' of the temporary directory into its "db". */
static void
index_folder (const char *dir)
{
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    tracuu_index_t *index = NULL;
    const char *paths[1];
    char *error = NULL;

    paths[0] = dir;
    cr_assert_eq (tracuu_index_open (test_tmp_path ("db"), TRACUU_INDEX_WRITE, &index,
                                     &error), TRACUU_STATUS_OK, "%s", error);
    cr_assert_eq (tracuu_index_update (index, paths, 1, &opts, &stats),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    cr_assert_eq (stats.failed, 0);
    tracuu_index_close (index);
}

static tracuu_index_t *
open_db (void)
{
    tracuu_index_t *index = NULL;
    char *error = NULL;

    cr_assert_eq (tracuu_index_open (test_tmp_path ("db"), TRACUU_INDEX_READ, &index,
                                     &error), TRACUU_STATUS_OK, "%s", error);
    return index;
}

/* The answer to 'text' with 'opts' (NULL: the defaults). */
static tracuu_answer_t *
ask (tracuu_index_t *index, const char *text, const tracuu_answer_options_t *opts)
{
    tracuu_question_t *q = test_parse_question (text);
    tracuu_answer_t *a = NULL;

    cr_assert_eq (tracuu_answer_run (index, q, opts, &a), TRACUU_STATUS_OK,
                  "%s", tracuu_index_last_error (index));
    tracuu_question_destroy (q);
    return a;
}

/* Five reports of two provinces: an aggregate of a half-year, a case of
 * April inside it (cited again by the quarter's report), a case of May
 * of another category, and a case of another province. */
static void
write_province_reports (void)
{
    mkdir (test_tmp_path ("reports"), 0755);
    write_report ("reports/thai-binh-2024-h1.txt", "THÁI BÌNH",
                  "6 tháng đầu năm 2024",
                  "Thanh tra Sở đã xử phạt vi phạm hành chính đối với 05 cá nhân "
                  "với tổng số tiền là 30 triệu đồng về hành vi cung cấp, chia sẻ "
                  "thông tin sai sự thật trên mạng xã hội.");
    write_report ("reports/thai-binh-2024-04.txt", "THÁI BÌNH", "tháng 4 năm 2024",
                  "Thanh tra Sở đã xử phạt vi phạm hành chính đối với bà Lê Thị "
                  "Mai, chủ tài khoản tiktok @maile.tb về hành vi cung cấp, chia "
                  "sẻ thông tin sai sự thật số tiền là 6 triệu đồng.");
    write_report ("reports/thai-binh-2024-q2.txt", "THÁI BÌNH", "quý II năm 2024",
                  "Trong quý, Thanh tra Sở đã xử phạt vi phạm hành chính đối với "
                  "bà Lê Thị Mai, chủ tài khoản tiktok @maile.tb về hành vi cung "
                  "cấp, chia sẻ thông tin sai sự thật số tiền là 6 triệu đồng.");
    write_report ("reports/thai-binh-2024-05.txt", "THÁI BÌNH", "tháng 5 năm 2024",
                  "Thanh tra Sở đã xử phạt vi phạm hành chính đối với 01 điểm "
                  "cung cấp dịch vụ trò chơi điện tử công cộng số tiền là 2 triệu "
                  "đồng.");
    write_report ("reports/nam-dinh-2024-04.txt", "NAM ĐỊNH", "tháng 4 năm 2024",
                  "Thanh tra Sở đã xử phạt vi phạm hành chính đối với ông Phạm "
                  "Văn Nam, chủ tài khoản facebook \"Nam Phạm\" về hành vi cung "
                  "cấp, chia sẻ thông tin sai sự thật số tiền là 4 triệu đồng.");
    index_folder (test_tmp_path ("reports"));
}

Test (answer, aggregate_rule)
{
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_total_t *t;
    const tracuu_answer_case_t *c;
    static const char *const order[] = {
        "thai-binh/2024-h1/fine/30000000", "thai-binh/maile-tb/6000000",
        "nam-dinh/nam-pham/4000000", "thai-binh/2024-05/fine/2000000",
    };

    write_province_reports ();
    index = open_db ();
    a = ask (index, "action:fine year:2024", NULL);
    cr_assert_eq (tracuu_answer_n_matches (a, NULL), 4);
    cr_assert_eq (tracuu_answer_n_cases (a), 4);
    for (size_t i = 0; i < 4; i++)
        cr_expect_str_eq (tracuu_answer_case (a, i)->key, order[i], "case %zu", i);
    /* The April case is inside the half-year aggregate: shown under it,
     * not added. The May case is of another category, the Nam Định case
     * of another province: both are counted. */
    c = tracuu_answer_case (a, 1);
    cr_expect_str_eq (c->member_of, "thai-binh/2024-h1/fine/30000000");
    cr_expect_null (tracuu_answer_case (a, 0)->member_of);
    cr_expect_null (tracuu_answer_case (a, 2)->member_of);
    cr_expect_null (tracuu_answer_case (a, 3)->member_of);
    /* Cited by two reports: one case, two sources, the narrowest period. */
    cr_expect_eq (c->n_sources, 2);
    cr_expect_str_eq (c->period, "2024-04");
    cr_expect_eq (c->from, 20240401);
    cr_expect_eq (c->n_accounts, 1);
    cr_expect_str_eq (c->accounts[0].platform, "tiktok");
    cr_expect_str_eq (c->accounts[0].name, "@maile.tb");
    cr_expect_eq (c->n_people, 1);
    cr_expect_str_eq (c->people[0], "Lê Thị Mai");
    cr_expect_eq (c->categories,
                  tracuu_case_category_from_name ("false_information"));
    t = tracuu_answer_total (a);
    cr_expect_eq (t->amount, 36000000);
    cr_expect_eq (t->sanctions, 3);
    cr_expect_eq (t->with_amount, 3);
    cr_expect_eq (t->members, 1);
    cr_expect_eq (t->violators, 6, "5 of the aggregate, 1 gaming shop");
    cr_expect_not (t->approximate);
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}

Test (answer, groups_facets_and_paging)
{
    tracuu_answer_options_t opts = TRACUU_ANSWER_OPTIONS_INIT;
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_group_t *g;

    write_province_reports ();
    index = open_db ();
    opts.group_by = "province";
    opts.facets = "province,category";
    opts.totals_only = 1;
    a = ask (index, "action:fine", &opts);
    cr_expect_eq (tracuu_answer_n_cases (a), 0, "totals only list no case");
    cr_expect_eq (tracuu_answer_n_matches (a, NULL), 4);
    cr_assert_eq (tracuu_answer_n_groups (a), 2);
    g = tracuu_answer_group (a, 0);
    cr_expect_str_eq (g->value, "Nam Định");
    cr_expect_eq (g->total.amount, 4000000);
    g = tracuu_answer_group (a, 1);
    cr_expect_str_eq (g->value, "Thái Bình");
    cr_expect_eq (g->total.amount, 32000000, "the member is not added again");
    cr_expect_eq (g->total.sanctions, 2);
    cr_expect_eq (g->total.members, 1);
    cr_assert_eq (tracuu_answer_n_facets (a), 2);
    cr_expect_str_eq (tracuu_answer_facet (a, 0)->values[0].value, "Thái Bình");
    cr_expect_eq (tracuu_answer_facet (a, 0)->values[0].count, 3);
    cr_expect_str_eq (tracuu_answer_facet (a, 1)->values[0].value,
                      "false_information");
    cr_expect_eq (tracuu_answer_facet (a, 1)->values[0].count, 3);
    tracuu_answer_destroy (a);

    /* A page: the second and third case of the display order. */
    opts = (tracuu_answer_options_t) TRACUU_ANSWER_OPTIONS_INIT;
    opts.offset = 1;
    opts.limit = 2;
    a = ask (index, "action:fine", &opts);
    cr_expect_eq (tracuu_answer_n_matches (a, NULL), 4);
    cr_expect_eq (tracuu_answer_offset (a), 1);
    cr_assert_eq (tracuu_answer_n_cases (a), 2);
    cr_expect_str_eq (tracuu_answer_case (a, 0)->key, "thai-binh/maile-tb/6000000");
    cr_expect_str_eq (tracuu_answer_case (a, 0)->member_of,
                      "thai-binh/2024-h1/fine/30000000",
                      "a member keeps its aggregate when paged away from it");
    cr_expect_str_eq (tracuu_answer_case (a, 1)->key, "nam-dinh/nam-pham/4000000");
    cr_expect_eq (tracuu_answer_total (a)->amount, 36000000,
                  "the total is over every case, not the page");
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}

/* The seed corpus: the answer the README shows. */
Test (answer, exact_totals_of_the_corpus)
{
    tracuu_answer_options_t opts = TRACUU_ANSWER_OPTIONS_INIT;
    /* The Long An report's two years are longer than a year: a line of
     * their own, never in 2020. */
    static const struct { const char *year; int64_t amount; size_t n, members; }
    years[] = {
        { "2023", 16500000, 2, 0 }, { "2024", 54250000, 4, 3 },
        { TRACUU_ANSWER_LONGER_PERIODS, 300000000, 1, 0 },
    };
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_total_t *t;

    index_folder ("../corpus");
    index = open_db ();
    a = ask (index, "all fines for false information in 2024", NULL);
    t = tracuu_answer_total (a);
    cr_expect_eq (t->amount, 39500000);
    cr_expect_eq (t->sanctions, 2);
    cr_expect_eq (t->members, 2);
    cr_expect_eq (t->violators, 10);
    cr_expect_str_eq (tracuu_answer_how (a), "2 sanctions summed (2 with an "
                      "amount), 2 member cases shown under their aggregate and "
                      "not added again; cases reported in several reports "
                      "counted once; news headlines left out.");
    tracuu_answer_destroy (a);
    opts.group_by = "year";
    a = ask (index, "action:fine", &opts);
    cr_assert_eq (tracuu_answer_n_groups (a), 3);
    for (size_t i = 0; i < 3; i++) {
        const tracuu_answer_group_t *g = tracuu_answer_group (a, i);

        cr_expect_str_eq (g->value, years[i].year);
        cr_expect_eq (g->total.amount, years[i].amount, "%s", years[i].year);
        cr_expect_eq (g->total.sanctions, years[i].n, "%s", years[i].year);
        cr_expect_eq (g->total.members, years[i].members, "%s", years[i].year);
    }
    cr_expect (tracuu_answer_group (a, 2)->total.approximate);
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}

/* Five thousand reports cite one case: it is answered with every one
 * of them as a source. */
Test (answer, five_thousand_sources, .timeout = 600)
{
    const size_t n = 5000;
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_case_t *c;
    char name[64], *seen;

    mkdir (test_tmp_path ("many"), 0755);
    for (size_t i = 0; i < n; i++) {
        snprintf (name, sizeof name, "many/thai-binh-%05zu.txt", i);
        write_report (name, "THÁI BÌNH", "tháng 4 năm 2024",
                      "Thanh tra Sở đã xử phạt vi phạm hành chính đối với bà Lê "
                      "Thị Mai, chủ tài khoản tiktok @maile.tb về hành vi cung "
                      "cấp, chia sẻ thông tin sai sự thật số tiền là 6 triệu "
                      "đồng.");
    }
    index_folder (test_tmp_path ("many"));
    index = open_db ();
    a = ask (index, "account:@maile.tb", NULL);
    cr_assert_eq (tracuu_answer_n_cases (a), 1);
    c = tracuu_answer_case (a, 0);
    cr_assert_eq (c->n_sources, n, "%zu sources", c->n_sources);
    seen = calloc (n, 1);
    for (size_t i = 0; i < n; i++) {
        const char *base = strrchr (c->sources[i].path, '/');
        unsigned k;

        cr_assert (base && sscanf (base, "/thai-binh-%05u.txt", &k) == 1);
        cr_assert (k < n && !seen[k], "source %u twice", k);
        seen[k] = 1;
        cr_assert_eq (c->sources[i].line, 10);
    }
    free (seen);
    cr_expect_eq (tracuu_answer_total (a)->amount, 6000000, "one case, once");
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}

/* ------------------------------------------------------------------ */
/* Searching.                                                         */

static tracuu_results_t *
search (tracuu_index_t *index, const char *text, unsigned limit)
{
    tracuu_search_options_t opts = TRACUU_SEARCH_OPTIONS_INIT;
    tracuu_results_t *r = NULL;

    opts.limit = limit;
    opts.count_exactly = 1;
    cr_assert_eq (tracuu_search (index, text, strlen (text), &opts, &r),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    return r;
}

static const char *
base (const char *path)
{
    const char *slash = strrchr (path, '/');

    return slash ? slash + 1 : path;
}

Test (answer, exact_accent_boost)
{
    tracuu_index_t *index;
    tracuu_results_t *r;

    /* Both fold to "tin gia"; only one has the accents of the query, and
     * the other has the words more often, so ranks first without them. */
    mkdir (test_tmp_path ("accents"), 0755);
    write_report ("accents/gia.txt", "HÀ NAM", "tháng 3 năm 2024",
                  "Người cao tuổi nhận tin già yếu; tin già cả, tin già nua và "
                  "tin già đi được chuyển đến các xã trong tháng.");
    write_report ("accents/gia-sac.txt", "HÀ NAM", "tháng 3 năm 2024",
                  "Sở đã phát hiện một tin giả trên mạng xã hội và đề nghị gỡ "
                  "bỏ, đồng thời hướng dẫn người dân nhận biết thông tin.");
    index_folder (test_tmp_path ("accents"));
    index = open_db ();
    r = search (index, "tin gia", 10);
    cr_assert_eq (tracuu_results_size (r), 2);
    cr_expect_str_eq (base (tracuu_results_hit (r, 0)->path), "gia.txt",
                      "without accents the more frequent words rank first");
    tracuu_results_destroy (r);
    r = search (index, "tin giả", 10);
    cr_assert_eq (tracuu_results_size (r), 2, "folded matches are kept");
    cr_expect_str_eq (base (tracuu_results_hit (r, 0)->path), "gia-sac.txt",
                      "the exact accents rank first");
    cr_expect_gt (tracuu_results_hit (r, 0)->score, tracuu_results_hit (r, 1)->score);
    tracuu_results_destroy (r);
    tracuu_index_close (index);
}

Test (answer, exact_totals_of_a_search)
{
    tracuu_index_t *index;
    tracuu_results_t *r;
    char name[64];

    mkdir (test_tmp_path ("many"), 0755);
    for (int i = 0; i < 40; i++) {
        snprintf (name, sizeof name, "many/r%02d.txt", i);
        write_report (name, "HÀ NAM", "tháng 3 năm 2024",
                      i % 4 ? "Tổ chức hội nghị tập huấn nghiệp vụ cho cán bộ."
                            : "Kiểm tra 03 cơ sở kinh doanh dịch vụ viễn thông.");
    }
    index_folder (test_tmp_path ("many"));
    index = open_db ();
    r = search (index, "\"dịch vụ viễn thông\"", 3);
    cr_expect_eq (tracuu_results_size (r), 3);
    cr_expect_eq (tracuu_results_total (r), 10, "every match counted, not "
                  "estimated");
    tracuu_results_destroy (r);
    tracuu_index_close (index);
}

/* ------------------------------------------------------------------ */
/* Errors.                                                            */

Test (answer, missing_database)
{
    tracuu_index_t *index = NULL;
    char *error = NULL;

    cr_expect_eq (tracuu_index_open (test_tmp_path ("none.db"), TRACUU_INDEX_READ,
                                     &index, &error),
                  TRACUU_STATUS_DATABASE_NOT_FOUND);
    cr_expect_null (index);
    cr_assert_not_null (error);
    cr_expect (strstr (error, "no index at") && strstr (error, "none.db"), "%s",
               error);
    free (error);
}

Test (answer, other_layout)
{
    xapc_db_t *db = NULL;
    tracuu_index_t *index = NULL;
    char *error = NULL;

    index_folder ("../corpus");
    cr_assert_eq (xapc_db_open (test_tmp_path ("db"), XAPC_DB_OPEN, &db), XAPC_OK);
    cr_assert_eq (xapc_db_set_metadata (db, "tracuu.schema", 13, "3", 1), XAPC_OK);
    xapc_db_close (db);
    for (int flags = TRACUU_INDEX_READ; flags <= TRACUU_INDEX_WRITE; flags++) {
        cr_expect_eq (tracuu_index_open (test_tmp_path ("db"), flags, &index, &error),
                      TRACUU_STATUS_DATABASE_ERROR);
        cr_expect_null (index);
        cr_assert_not_null (error);
        cr_expect (strstr (error, "another version of tracuu (layout 3, this "
                           "one reads layout ") && strstr (error, "index again"),
                   "%s", error);
        free (error);
        error = NULL;
    }
}

Test (answer, read_only)
{
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    tracuu_index_t *index;
    const char *paths[] = { "../corpus" };

    index_folder ("../corpus");
    index = open_db ();
    cr_expect_eq (tracuu_index_update (index, paths, 1, &opts, &stats),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_expect_str_eq (tracuu_index_last_error (index), "index opened read-only");
    cr_expect_eq (tracuu_index_compact (index), TRACUU_STATUS_BAD_ARGUMENT);
    tracuu_index_close (index);
}

Test (answer, bad_options)
{
    tracuu_answer_options_t opts = TRACUU_ANSWER_OPTIONS_INIT;
    tracuu_index_t *index;
    tracuu_question_t *q;
    tracuu_answer_t *a = (tracuu_answer_t *) 1;

    index_folder ("../corpus");
    index = open_db ();
    q = test_parse_question ("action:fine");
    opts.group_by = "colour";
    cr_expect_eq (tracuu_answer_run (index, q, &opts, &a),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_expect_null (a);
    cr_expect (strstr (tracuu_index_last_error (index), "cannot group by 'colour'"));
    opts.group_by = NULL;
    opts.facets = "province,size";
    cr_expect_eq (tracuu_answer_run (index, q, &opts, &a),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_expect (strstr (tracuu_index_last_error (index), "unknown field 'size'"));
    cr_expect_eq (tracuu_answer_run (NULL, q, NULL, &a), TRACUU_STATUS_NULL_POINTER);
    cr_expect_eq (tracuu_answer_run (index, NULL, NULL, &a),
                  TRACUU_STATUS_NULL_POINTER);
    tracuu_question_destroy (q);
    tracuu_index_close (index);
}

/* Damaged case records are refused with what to do, never read past. */
static int
first_case (xapc_docid_t docid, void *payload)
{
    *(xapc_docid_t *) payload = docid;
    return 1;
}

Test (answer, damaged_records)
{
    static const struct { int slot; const char *value; size_t len; } damage[] = {
        { 18, "", 0 },                  /* No records at all. */
        { 18, "tcr1\x7f", 5 },          /* A length past the end. */
        { 18, "tcr1\x01", 5 },          /* One past: counts its own byte. */
        { 18, "tcr1\x03\x02" "ab", 7 }, /* A string without its NUL. */
        { 18, "xyz", 3 },               /* No magic. */
        { 19, "tcs1\xff", 5 },          /* A summary cut short. */
        { 19, "", 0 },                  /* No summary. */
    };
    xapc_db_t *db = NULL;
    xapc_doc_t *doc = NULL;
    xapc_docid_t docid = 0;
    tracuu_index_t *index;
    tracuu_question_t *q;
    tracuu_answer_t *a = NULL;

    index_folder ("../corpus");
    q = test_parse_question ("action:fine");
    for (size_t i = 0; i < sizeof damage / sizeof damage[0]; i++) {
        cr_assert_eq (xapc_db_open (test_tmp_path ("db"), XAPC_DB_OPEN, &db), XAPC_OK);
        cr_assert_eq (xapc_db_postlist (db, "Afine", 5, first_case, &docid), XAPC_OK);
        cr_assert_eq (xapc_db_get_document (db, docid, &doc), XAPC_OK);
        cr_assert_eq (xapc_doc_set_value (doc, (xapc_slot_t) damage[i].slot,
                                          damage[i].value, damage[i].len), XAPC_OK);
        cr_assert_eq (xapc_db_add_document (db, doc, NULL), XAPC_OK);
        cr_assert_eq (xapc_db_delete_document (db, docid), XAPC_OK);
        xapc_doc_destroy (doc);
        xapc_db_close (db);
        index = open_db ();
        cr_expect_eq (tracuu_answer_run (index, q, NULL, &a),
                      TRACUU_STATUS_DATABASE_ERROR, "damage %zu", i);
        cr_expect_null (a);
        cr_expect (strstr (tracuu_index_last_error (index), "cannot be read")
                   && strstr (tracuu_index_last_error (index), "--force"),
                   "%s", tracuu_index_last_error (index));
        tracuu_index_close (index);
    }
    tracuu_question_destroy (q);
}

Test (answer, cases_or_reports)
{
    static const struct { const char *text; int prefer, cases; } rows[] = {
        { "tin giả", 0, 0 },
        { "phạt tin giả", 0, 1 },
        { "all fines in 2024", 0, 1 },
        { "reports from An Giang in 2024", 0, 0 },
        { "tin giả", 1, 1 },
        { "kind:report action:fine", 1, 0 },
        { "kind:case tin giả", 0, 1 },
        { "amount:5000000..", 0, 1 },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tracuu_question_t *q = test_parse_question (rows[i].text);

        cr_expect_eq (tracuu_question_wants_cases (q, rows[i].prefer),
                      rows[i].cases, "%s", rows[i].text);
        tracuu_question_destroy (q);
    }
    /* No question: what the caller asked for. */
    cr_expect_eq (tracuu_question_wants_cases (NULL, 1), 1);
    cr_expect_eq (tracuu_question_wants_cases (NULL, 0), 0);
}

/* The JSON of an answer comes from the library: what the command line
 * prints, a server prints. */
Test (answer, written_by_the_library)
{
    tracuu_index_t *index;
    tracuu_answer_t *a;
    tracuu_question_t *q;
    tracuu_printer_t *p = NULL;
    char *out = NULL;
    size_t len = 0;
    FILE *f;

    write_province_reports ();
    index = open_db ();
    q = test_parse_question ("account:@maile.tb");
    cr_assert_eq (tracuu_answer_run (index, q, NULL, &a), TRACUU_STATUS_OK);
    f = open_memstream (&out, &len);
    cr_assert_eq (tracuu_printer_new (f, TRACUU_PRINTER_JSONL, 0, &p), 0);
    cr_expect_eq (tracuu_answer_write (a, q, "account:@maile.tb", p), 0);
    cr_expect_eq (tracuu_printer_finish (p), 0);
    tracuu_printer_destroy (p);
    fclose (f);
    cr_expect (strstr (out, "{\"type\":\"case\",\"key\":\"thai-binh/maile-tb/"
                       "6000000\",\"member_of\":null,\"period\":\"2024-04\","
                       "\"from\":\"2024-04-01\",\"to\":\"2024-04-30\","
                       "\"province\":\"Thái Bình\",\"agency\":\"Thanh tra Sở\","
                       "\"action\":\"fine\",\"status\":\"decided\","
                       "\"violator_kinds\":[") == out, "%s", out);
    cr_expect (strstr (out, "\"accounts\":[\"tiktok @maile.tb\"],\"people\":"
                       "[\"Lê Thị Mai\"],\"amount_vnd\":6000000"), "%s", out);
    cr_expect (strstr (out, "\n{\"type\":\"total\",\"amount_vnd\":6000000,"), "%s",
               out);
    free (out);
    tracuu_answer_destroy (a);
    tracuu_question_destroy (q);
    tracuu_index_close (index);
}

/* ------------------------------------------------------------------ */
/* The rules of totals: status, amounts of each violator, periods,     */
/* counts, reports, calendar buckets.                                  */

/* One report of March with a fine decided, one only recorded and one
 * proposed; two of May with three violators, an amount each and a sum. */
static void
write_status_reports (void)
{
    mkdir (test_tmp_path ("status"), 0755);
    write_report ("status/thanh-hoa-2024-03.txt", "THANH HÓA", "tháng 3 năm 2024",
                  "Thanh tra Sở đã ban hành quyết định xử phạt vi phạm hành chính "
                  "đối với ông Trần Văn Bình, chủ tài khoản facebook \"Bình An\" về "
                  "hành vi chia sẻ thông tin sai sự thật số tiền là 8 triệu đồng. "
                  "Thanh tra Sở đã lập biên bản vi phạm hành chính đối với bà "
                  "Hoàng Thị Lan, chủ tài khoản tiktok @lanhoang.nb về hành vi đăng "
                  "tải thông tin sai sự thật, mức phạt 3 triệu đồng. "
                  "Thanh tra Sở đã đề nghị Chủ tịch UBND tỉnh xử phạt vi phạm hành "
                  "chính đối với Công ty TNHH Quảng cáo Sao Mai về hành vi quảng "
                  "cáo sai quy định số tiền 12 triệu đồng.");
    write_report ("status/ha-nam-2024-05.txt", "HÀ NAM", "tháng 5 năm 2024",
                  "Thanh tra Sở đã xử phạt vi phạm hành chính đối với 03 cá nhân "
                  "về hành vi đăng tải thông tin sai sự thật trên mạng xã hội, mỗi "
                  "người bị phạt 5 triệu đồng.");
    write_report ("status/hung-yen-2024-05.txt", "HƯNG YÊN", "tháng 5 năm 2024",
                  "Thanh tra Sở đã xử phạt vi phạm hành chính đối với 03 cá nhân "
                  "về hành vi đăng tải thông tin sai sự thật trên mạng xã hội với "
                  "tổng số tiền là 5 triệu đồng.");
    index_folder (test_tmp_path ("status"));
}

/* The answer to 'text' as JSON, written by the library; free() it. */
static char *
ask_json (tracuu_index_t *index, const char *text)
{
    tracuu_question_t *q = test_parse_question (text);
    tracuu_answer_t *a = NULL;
    tracuu_printer_t *p = NULL;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream (&out, &len);

    cr_assert_eq (tracuu_answer_run (index, q, NULL, &a), TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_printer_new (f, TRACUU_PRINTER_JSON, 0, &p), 0);
    cr_expect_eq (tracuu_answer_write (a, q, text, p), 0);
    cr_expect_eq (tracuu_printer_finish (p), 0);
    tracuu_printer_destroy (p);
    fclose (f);
    tracuu_answer_destroy (a);
    tracuu_question_destroy (q);
    return out;
}

Test (answer, only_decided_sanctions_are_summed)
{
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_total_t *t;
    char *json;

    write_status_reports ();
    index = open_db ();
    a = ask (index, "action:fine province:\"Thanh Hóa\"", NULL);
    t = tracuu_answer_total (a);
    cr_assert_eq (tracuu_answer_n_cases (a), 3);
    cr_expect_eq (t->amount, 8000000, "the recorded and proposed fines are not added");
    cr_expect_eq (t->sanctions, 1);
    cr_expect_eq (t->by_status[TRACUU_CASE_DECIDED], 1);
    cr_expect_eq (t->by_status[TRACUU_CASE_RECORDED], 1);
    cr_expect_eq (t->by_status[TRACUU_CASE_PROPOSED], 1);
    cr_expect_eq (t->status_amount[TRACUU_CASE_RECORDED], 3000000);
    cr_expect_eq (t->status_amount[TRACUU_CASE_PROPOSED], 12000000);
    /* Listed apart: the decided case first, then the others. */
    cr_expect_eq (tracuu_answer_case (a, 0)->status, TRACUU_CASE_DECIDED);
    cr_expect_eq (tracuu_answer_case (a, 0)->apart, TRACUU_ANSWER_SUMMED);
    cr_expect_eq (tracuu_answer_case (a, 1)->apart, TRACUU_ANSWER_STATUS);
    cr_expect_eq (tracuu_answer_case (a, 2)->apart, TRACUU_ANSWER_STATUS);
    cr_expect (strstr (tracuu_answer_how (a), "1 more case only recorded, 1 "
                       "proposed, not summed (only decided sanctions are)"),
               "%s", tracuu_answer_how (a));
    tracuu_answer_destroy (a);

    /* Asked for the recorded ones: listed and counted, still not summed. */
    a = ask (index, "status:recorded", NULL);
    t = tracuu_answer_total (a);
    cr_assert_eq (tracuu_answer_n_cases (a), 1);
    cr_expect_str_eq (tracuu_answer_case (a, 0)->key, "thanh-hoa/lanhoang-nb/3000000");
    cr_expect_eq (t->amount, 0);
    cr_expect_eq (t->sanctions, 0);
    cr_expect_eq (t->by_status[TRACUU_CASE_RECORDED], 1);
    tracuu_answer_destroy (a);

    /* Counted when the question names their status, not otherwise. */
    a = ask (index, "bao nhiêu vụ chỉ lập biên bản", NULL);
    cr_expect_eq (tracuu_answer_total (a)->count, 1);
    tracuu_answer_destroy (a);
    a = ask (index, "bao nhiêu vụ bị phạt tháng 3 năm 2024", NULL);
    cr_expect_eq (tracuu_answer_total (a)->count, 1, "the decided one only");
    tracuu_answer_destroy (a);

    /* Every status in the JSON total, each with its cases and amounts. */
    json = ask_json (index, "action:fine province:\"Thanh Hóa\"");
    cr_expect (strstr (json, "\"statuses\":{\"decided\":{\"cases\":1,\"amount_vnd\":"
                       "8000000},\"recorded\":{\"cases\":1,\"amount_vnd\":3000000},"
                       "\"proposed\":{\"cases\":1,\"amount_vnd\":12000000},"
                       "\"withdrawn\":{\"cases\":0,\"amount_vnd\":0},\"criminal\":"
                       "{\"cases\":0,\"amount_vnd\":0}}"), "%s", json);
    cr_expect (strstr (json, "\"apart\":\"status\""), "%s", json);
    free (json);
    tracuu_index_close (index);
}

Test (answer, amounts_of_each_violator)
{
    tracuu_index_t *index;
    tracuu_answer_t *a;

    write_status_reports ();
    index = open_db ();
    a = ask (index, "action:fine province:\"Hà Nam\"", NULL);
    cr_assert_eq (tracuu_answer_n_cases (a), 1);
    cr_expect (tracuu_answer_case (a, 0)->per_violator);
    cr_expect_eq (tracuu_answer_total (a)->amount, 15000000, "5 million times 3");
    cr_expect_eq (tracuu_answer_total (a)->per_violator, 1);
    cr_expect (strstr (tracuu_answer_how (a), "1 amount of each violator "
                       "multiplied by the violators"), "%s", tracuu_answer_how (a));
    tracuu_answer_destroy (a);
    /* The same three violators with one sum: added once. */
    a = ask (index, "action:fine province:\"Hưng Yên\"", NULL);
    cr_assert_eq (tracuu_answer_n_cases (a), 1);
    cr_expect_not (tracuu_answer_case (a, 0)->per_violator);
    cr_expect_eq (tracuu_answer_total (a)->amount, 5000000);
    cr_expect_eq (tracuu_answer_total (a)->per_violator, 0);
    cr_expect_null (strstr (tracuu_answer_how (a), "each violator"));
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}

Test (answer, a_period_sums_the_cases_inside_it)
{
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_total_t *t;
    size_t longer = 0;

    write_province_reports ();
    index = open_db ();
    /* April: the April cases are summed, the half-year total that holds
     * one of them is listed apart. */
    a = ask (index, "phạt tháng 4 năm 2024", NULL);
    t = tracuu_answer_total (a);
    cr_expect_eq (t->amount, 10000000, "6 + 4 million, not the half-year's 30");
    cr_expect_eq (t->sanctions, 2);
    cr_expect_eq (t->members, 0);
    cr_expect_eq (t->longer_periods, 1);
    cr_expect_eq (t->longer_amount, 30000000);
    cr_assert_eq (tracuu_answer_n_cases (a), 3);
    for (size_t i = 0; i < tracuu_answer_n_cases (a); i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (a, i);

        cr_expect_null (c->member_of, "%s", c->key);
        if (c->apart == TRACUU_ANSWER_LONGER_PERIOD) {
            longer++;
            cr_expect_str_eq (c->key, "thai-binh/2024-h1/fine/30000000");
            cr_expect_eq (i, 2, "listed after the cases summed");
        }
    }
    cr_expect_eq (longer, 1);
    cr_expect (strstr (tracuu_answer_how (a), "1 case of a period reaching "
                       "outside the question's listed apart, not summed"), "%s",
               tracuu_answer_how (a));
    tracuu_answer_destroy (a);

    /* The half-year: the April case is inside the total again. */
    a = ask (index, "phạt 6 tháng đầu năm 2024", NULL);
    t = tracuu_answer_total (a);
    cr_expect_eq (t->amount, 36000000);
    cr_expect_eq (t->longer_periods, 0);
    cr_expect_eq (t->members, 1);
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}

Test (answer, counts_with_their_sources)
{
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_total_t *t;
    int64_t listed = 0;

    write_province_reports ();
    index = open_db ();
    a = ask (index, "how many people were fined in Thái Bình", NULL);
    t = tracuu_answer_total (a);
    /* 5 of the half-year, 1 gaming shop; the April member is in the 5. */
    cr_expect_eq (t->count, 6);
    cr_expect_eq (t->count_cases, 2);
    cr_expect_eq (t->count_unstated, 0);
    for (size_t i = 0; i < tracuu_answer_n_cases (a); i++) {
        const tracuu_answer_case_t *c = tracuu_answer_case (a, i);

        if (c->member_of != NULL)
            cr_expect_eq (c->counted, -1, "a member is not counted again");
        if (c->counted > 0)
            listed += c->counted;
    }
    cr_expect_eq (listed, 6, "each number with its case");
    cr_expect (strstr (tracuu_answer_how (a), "violators counted: 6, the sum of "
                       "the numbers stated in 2 cases"), "%s", tracuu_answer_how (a));
    tracuu_answer_destroy (a);

    /* No count asked: none made. */
    a = ask (index, "phạt ở Thái Bình", NULL);
    cr_expect_eq (tracuu_answer_total (a)->count, -1);
    cr_expect_eq (tracuu_answer_case (a, 0)->counted, -1);
    tracuu_answer_destroy (a);

    /* Cases that state no number are said, not guessed. */
    a = ask (index, "how many people were fined in April 2024", NULL);
    t = tracuu_answer_total (a);
    cr_expect_eq (t->count, 0);
    cr_expect_eq (t->count_unstated, 2);
    tracuu_answer_destroy (a);
    a = ask (index, "bao nhiêu vụ bị phạt ở Thái Bình", NULL);
    cr_expect_eq (tracuu_answer_total (a)->count, 2, "a stated total counts once");
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}

Test (answer, which_reports)
{
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_report_t *r;
    char *json;

    write_province_reports ();
    index = open_db ();
    a = ask (index, "những báo cáo nào có xử phạt ở Thái Bình", NULL);
    cr_assert_eq (tracuu_answer_n_reports (a), 4, "each report once");
    r = tracuu_answer_report (a, 0);
    cr_expect (strstr (r->path, "/thai-binh-2024-04.txt"), "%s", r->path);
    cr_assert_eq (r->n_cases, 1);
    cr_expect_str_eq (tracuu_answer_case (a, r->cases[0])->key,
                      "thai-binh/maile-tb/6000000");
    /* The quarter's report names the same case: it is under both. */
    r = tracuu_answer_report (a, 3);
    cr_expect (strstr (r->path, "/thai-binh-2024-q2.txt"), "%s", r->path);
    cr_assert_eq (r->n_cases, 1);
    cr_expect_str_eq (tracuu_answer_case (a, r->cases[0])->key,
                      "thai-binh/maile-tb/6000000");
    tracuu_answer_destroy (a);

    json = ask_json (index, "những báo cáo nào có xử phạt ở Nam Định");
    cr_expect (strstr (json, "\"reports\":[{\"file\":"), "%s", json);
    cr_expect (strstr (json, "nam-dinh-2024-04.txt\",\"cases\":[\"nam-dinh/nam-pham/"
                       "4000000\"]}]"), "%s", json);
    free (json);
    tracuu_index_close (index);
}

Test (answer, calendar_buckets)
{
    tracuu_answer_options_t opts = TRACUU_ANSWER_OPTIONS_INIT;
    static const struct { const char *value; size_t n, members; int64_t amount; }
    months[] = {
        { "2024-01", 1, 0, 7000000 }, { "2024-02", 0, 0, 0 },
        { "2024-03", 0, 0, 0 }, { "2024-04", 1, 1, 4000000 },
        { "2024-05", 1, 0, 2000000 },
        { TRACUU_ANSWER_LONGER_PERIODS, 1, 0, 30000000 },
    };
    tracuu_index_t *index;
    tracuu_answer_t *a;
    int64_t sum = 0;

    write_report ("nam-dinh-2024-01.txt", "NAM ĐỊNH", "tháng 1 năm 2024",
                  "Thanh tra Sở đã xử phạt vi phạm hành chính đối với 02 cá nhân "
                  "về hành vi chia sẻ thông tin sai sự thật với tổng số tiền là 7 "
                  "triệu đồng.");
    rename (test_tmp_path ("nam-dinh-2024-01.txt"), test_tmp_path ("jan.txt"));
    write_province_reports ();
    rename (test_tmp_path ("jan.txt"), test_tmp_path ("reports/nam-dinh-2024-01.txt"));
    index_folder (test_tmp_path ("reports"));
    index = open_db ();
    opts.group_by = "month";
    opts.totals_only = 1;
    a = ask (index, "action:fine", &opts);
    cr_assert_eq (tracuu_answer_n_groups (a), 6);
    for (size_t i = 0; i < 6; i++) {
        const tracuu_answer_group_t *g = tracuu_answer_group (a, i);

        cr_expect_str_eq (g->value, months[i].value);
        cr_expect_eq (g->total.sanctions, months[i].n, "%s", g->value);
        cr_expect_eq (g->total.members, months[i].members, "%s", g->value);
        cr_expect_eq (g->total.amount, months[i].amount, "%s", g->value);
        sum += g->total.amount;
    }
    cr_expect_eq (sum, tracuu_answer_total (a)->amount, "the groups add up");
    tracuu_answer_destroy (a);

    /* The half-year fits a year: no line of longer periods by year. */
    opts.group_by = "year";
    a = ask (index, "action:fine", &opts);
    cr_assert_eq (tracuu_answer_n_groups (a), 1);
    cr_expect_str_eq (tracuu_answer_group (a, 0)->value, "2024");
    cr_expect_eq (tracuu_answer_group (a, 0)->total.amount, 43000000);
    tracuu_answer_destroy (a);

    /* Quarters: the April and May cases in Q2, the half-year apart. */
    opts.group_by = "quarter";
    a = ask (index, "action:fine", &opts);
    cr_assert_eq (tracuu_answer_n_groups (a), 3);
    cr_expect_str_eq (tracuu_answer_group (a, 0)->value, "2024-Q1");
    cr_expect_str_eq (tracuu_answer_group (a, 1)->value, "2024-Q2");
    cr_expect_eq (tracuu_answer_group (a, 1)->total.amount, 6000000);
    cr_expect_str_eq (tracuu_answer_group (a, 2)->value, TRACUU_ANSWER_LONGER_PERIODS);
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}

/* A part of a stated total that the question does not match is listed
 * under the total's key, not added: the report's figure is the total. */
Test (answer, part_of_a_total_not_asked)
{
    tracuu_index_t *index;
    tracuu_answer_t *a;
    const tracuu_answer_total_t *t;

    mkdir (test_tmp_path ("reports"), 0755);
    write_report ("reports/thai-binh-2024-03.txt", "THÁI BÌNH", "tháng 3 năm 2024",
                  "Thanh tra Sở đã xử phạt vi phạm hành chính 03 cá nhân với tổng "
                  "số tiền 15,5 triệu đồng về hành vi chia sẻ thông tin sai sự "
                  "thật. Trong đó, ông Trần Văn An bị phạt 7,5 triệu đồng, bà Lê "
                  "Thị Bình bị phạt 7,5 triệu đồng và ông Đỗ Văn Cường bị phạt "
                  "500.000 đồng.");
    index_folder (test_tmp_path ("reports"));
    index = open_db ();
    a = ask (index, "các khoản phạt dưới 1 triệu đồng", NULL);
    cr_assert_eq (tracuu_answer_n_cases (a), 1);
    cr_expect_str_eq (tracuu_answer_case (a, 0)->key, "thai-binh/do-van-cuong/500000");
    cr_expect_str_eq (tracuu_answer_case (a, 0)->member_of,
                      "thai-binh/2024-03/fine/15500000");
    t = tracuu_answer_total (a);
    cr_expect_eq (t->amount, 0);
    cr_expect_eq (t->sanctions, 0);
    cr_expect_eq (t->members, 1);
    cr_expect (strstr (tracuu_answer_how (a), "1 part of a stated total") != NULL,
               "%s", tracuu_answer_how (a));
    tracuu_answer_destroy (a);
    /* Asked about the whole, the part is under its total again. */
    a = ask (index, "action:fine year:2024", NULL);
    cr_assert_eq (tracuu_answer_n_cases (a), 4);
    t = tracuu_answer_total (a);
    cr_expect_eq (t->amount, 15500000);
    cr_expect_eq (t->members, 3);
    cr_expect (strstr (tracuu_answer_how (a), "part of a stated") == NULL);
    tracuu_answer_destroy (a);
    tracuu_index_close (index);
}
