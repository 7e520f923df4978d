/*
 * Deadlines: a match that passes its deadline stops inside Xapian's
 * matcher (the binding's spy), and searches and answers on a handle
 * whose deadline has passed fail with TRACUU_STATUS_TIMED_OUT and give
 * nothing back, while a deadline still ahead changes nothing.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "tracuu/answer.h"
#include "tracuu/index.h"
#include "tracuu/question.h"
#include "tracuu/search.h"
#include "tracuu/xapian-c.h"
#include "support.h"

static void
setup (void)
{
    setenv ("TRACUU_DATA_DIR", "../data", 0);
    test_tmp_make ("tracuu-deadline");
}

static void
teardown (void)
{
    test_tmp_remove ();
}

TestSuite (deadline, .init = setup, .fini = teardown);

/* Now plus 'seconds' (negative: in the past) on CLOCK_MONOTONIC. */
static struct timespec
from_now (long seconds)
{
    struct timespec t;

    clock_gettime (CLOCK_MONOTONIC, &t);
    t.tv_sec += seconds;
    return t;
}

/* Forty monthly reports of fines, indexed into "db". */
static void
index_reports (void)
{
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    tracuu_index_t *index = NULL;
    const char *paths[1];
    char *error = NULL, name[64], text[1024];

    mkdir (test_tmp_path ("reports"), 0755);
    for (int i = 0; i < 40; i++) {
        snprintf (name, sizeof name, "reports/ha-tinh-%d.txt", i);
        snprintf (text, sizeof text,
                  "UBND TỈNH HÀ TĨNH\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n\nBÁO CÁO\n\n"
                  "Kết quả thanh tra tháng %d năm %d\n\nThanh tra Sở đã xử phạt "
                  "vi phạm hành chính đối với %d cá nhân về hành vi chia sẻ "
                  "thông tin sai sự thật số tiền là %d triệu đồng.\n",
                  i % 12 + 1, 2020 + i / 12, i % 5 + 1, i + 1);
        test_write_file (test_tmp_path (name), text);
    }
    paths[0] = test_tmp_path ("reports");
    cr_assert_eq (tracuu_index_open (test_tmp_path ("db"), TRACUU_INDEX_WRITE,
                                     &index, &error), TRACUU_STATUS_OK, "%s", error);
    cr_assert_eq (tracuu_index_update (index, paths, 1, &opts, &stats),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    cr_assert_eq (stats.indexed, 40);
    tracuu_index_close (index);
}

/* Every document through the binding, with 'deadline'; the status. */
static xapc_status_t
match_all (xapc_db_t *db, const struct timespec *deadline, size_t *n_out)
{
    xapc_enquire_t *enq = NULL;
    xapc_query_t *q = NULL;
    xapc_mset_t *mset = NULL;
    xapc_status_t st;
    uint32_t count = 0;

    cr_assert_eq (xapc_query_match_all (&q), XAPC_OK);
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_deadline (enq, deadline), XAPC_OK);
    cr_assert_eq (xapc_db_doccount (db, &count), XAPC_OK);
    st = xapc_enquire_get_mset (enq, 0, count, count, &mset);
    *n_out = st ? 0 : xapc_mset_size (mset);
    if (st)
        cr_expect_null (mset);
    xapc_mset_destroy (mset);
    xapc_enquire_destroy (enq);
    xapc_query_destroy (q);
    return st;
}

Test (deadline, the_match_stops_inside_xapian)
{
    struct timespec past = from_now (-1), ahead = from_now (3600);
    xapc_db_t *db = NULL;
    size_t n = 0, all = 0;

    index_reports ();
    cr_assert_eq (xapc_db_open (test_tmp_path ("db"), XAPC_DB_READ, &db), XAPC_OK,
                  "%s", xapc_last_error ());
    cr_assert_eq (match_all (db, NULL, &all), XAPC_OK, "%s", xapc_last_error ());
    cr_assert_gt (all, 40, "40 reports and their cases");
    /* Nothing checks the clock before the match: only the spy can stop
     * it, at the first document. */
    cr_expect_eq (match_all (db, &past, &n), XAPC_ERR_TIMEOUT);
    cr_expect_neq (strstr (xapc_last_error (), "the time limit ran out"), NULL,
                   "%s", xapc_last_error ());
    cr_expect_eq (n, 0);
    cr_expect_eq (match_all (db, &ahead, &n), XAPC_OK, "%s", xapc_last_error ());
    cr_expect_eq (n, all, "a deadline ahead leaves every match");
    xapc_db_close (db);
}

Test (deadline, an_enquire_can_drop_its_deadline)
{
    struct timespec past = from_now (-1);
    xapc_enquire_t *enq = NULL;
    xapc_query_t *q = NULL;
    xapc_mset_t *mset = NULL;
    xapc_db_t *db = NULL;

    index_reports ();
    cr_assert_eq (xapc_db_open (test_tmp_path ("db"), XAPC_DB_READ, &db), XAPC_OK);
    cr_assert_eq (xapc_query_match_all (&q), XAPC_OK);
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_deadline (enq, &past), XAPC_OK);
    cr_expect_eq (xapc_enquire_get_mset (enq, 0, 10, 1000, &mset), XAPC_ERR_TIMEOUT);
    cr_assert_eq (xapc_enquire_set_deadline (enq, NULL), XAPC_OK);
    cr_expect_eq (xapc_enquire_get_mset (enq, 0, 10, 1000, &mset), XAPC_OK,
                  "%s", xapc_last_error ());
    cr_expect_eq (xapc_mset_size (mset), 10);
    xapc_mset_destroy (mset);
    xapc_enquire_destroy (enq);
    xapc_query_destroy (q);
    xapc_db_close (db);
}

Test (deadline, searches_and_answers_past_it_give_nothing)
{
    tracuu_search_options_t sopts = TRACUU_SEARCH_OPTIONS_INIT;
    struct timespec past = from_now (-1), ahead = from_now (3600);
    tracuu_index_t *index = NULL;
    tracuu_results_t *results = NULL;
    tracuu_answer_t *answer = NULL;
    tracuu_question_t *q;
    char *error = NULL;
    const char *words = "\"thông tin sai sự thật\"";

    index_reports ();
    cr_assert_eq (tracuu_index_open (test_tmp_path ("db"), TRACUU_INDEX_READ,
                                     &index, &error), TRACUU_STATUS_OK, "%s", error);
    sopts.count_exactly = 1;
    q = test_parse_question ("phạt thông tin sai sự thật");

    tracuu_index_set_deadline (index, &past);
    cr_expect_eq (tracuu_search (index, words, strlen (words), &sopts, &results),
                  TRACUU_STATUS_TIMED_OUT);
    cr_expect_null (results);
    cr_expect_str_eq (tracuu_index_last_error (index),
                      "the time limit ran out while searching");
    cr_expect_eq (tracuu_answer_run (index, q, NULL, &answer),
                  TRACUU_STATUS_TIMED_OUT);
    cr_expect_null (answer);
    cr_expect_str_eq (tracuu_index_last_error (index),
                      "the time limit ran out while finding the cases");
    cr_expect_str_eq (tracuu_status_to_string (TRACUU_STATUS_TIMED_OUT),
                      "the time limit ran out");

    /* A deadline ahead, then none: the same exact answers. */
    tracuu_index_set_deadline (index, &ahead);
    cr_assert_eq (tracuu_search (index, words, strlen (words), &sopts, &results),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    cr_expect_eq (tracuu_results_total (results), 40);
    tracuu_results_destroy (results);
    cr_assert_eq (tracuu_answer_run (index, q, NULL, &answer), TRACUU_STATUS_OK,
                  "%s", tracuu_index_last_error (index));
    cr_expect_eq (tracuu_answer_total (answer)->amount, 820000000,
                  "1 + 2 + ... + 40 million");
    tracuu_answer_destroy (answer);
    tracuu_index_set_deadline (index, NULL);
    cr_assert_eq (tracuu_answer_run (index, q, NULL, &answer), TRACUU_STATUS_OK,
                  "%s", tracuu_index_last_error (index));
    cr_expect_eq (tracuu_answer_total (answer)->sanctions, 40);
    tracuu_answer_destroy (answer);
    tracuu_question_destroy (q);
    tracuu_index_close (index);
}
