/* Content words no case holds are dropped from a question, and it says
 * so (tracuu_question_prune()), on a temporary index of two reports
 * written for the test. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tracuu/index.h"
#include "tracuu/question.h"

static char dir[] = "/tmp/tracuu-prune.XXXXXX";
static tracuu_index_t *index_;

static void
write_file (const char *name, const char *text)
{
    char path[256];
    FILE *f;

    snprintf (path, sizeof path, "%s/%s", dir, name);
    f = fopen (path, "w");
    cr_assert_not_null (f, "%s", path);
    fputs (text, f);
    fclose (f);
}

static void
setup (void)
{
    char db[256], docs[256];
    const char *paths[1] = { docs };
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    tracuu_index_t *w = NULL;

    setenv ("TRACUU_DATA_DIR", "../data", 0);
    cr_assert_not_null (mkdtemp (dir));
    snprintf (docs, sizeof docs, "%s/docs", dir);
    cr_assert_eq (mkdir (docs, 0700), 0);
    write_file ("docs/ha-nam-2024.txt",
                "BÁO CÁO\nKết quả công tác thanh tra 6 tháng đầu năm 2024\n"
                "Trong 6 tháng đầu năm 2024, Thanh tra Sở đã xử phạt vi phạm "
                "hành chính đối với 03 đối tượng đăng tải thông tin sai sự "
                "thật về dịch bệnh trên mạng xã hội Facebook, tổng số tiền "
                "xử phạt là 15.000.000 đồng.\n");
    write_file ("docs/lang-son-2024.txt",
                "BÁO CÁO\nCông tác quản lý nhà nước quý III năm 2024\n"
                "Trong quý III năm 2024, Sở Thông tin và Truyền thông đã xử "
                "phạt vi phạm hành chính 01 cá nhân đăng tải thông tin sai sự "
                "thật về giá xăng trên Zalo với số tiền 5.000.000 đồng.\n");
    snprintf (db, sizeof db, "%s/db", dir);
    opts.workers = 1;
    cr_assert_eq (tracuu_index_open (db, TRACUU_INDEX_WRITE, &w, NULL),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_index_update (w, paths, 1, &opts, &stats),
                  TRACUU_STATUS_OK);
    cr_assert_eq (stats.indexed, 2);
    tracuu_index_close (w);
    cr_assert_eq (tracuu_index_open (db, TRACUU_INDEX_READ, &index_, NULL),
                  TRACUU_STATUS_OK);
}

static void
teardown (void)
{
    char cmd[300];

    tracuu_index_close (index_);
    snprintf (cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system (cmd) != 0)
        cr_log_warn ("could not remove %s", dir);
}

TestSuite (prune, .init = setup, .fini = teardown);

static tracuu_question_t *
pruned (const char *s)
{
    tracuu_question_t *q = NULL;

    cr_assert_eq (tracuu_question_parse (s, strlen (s), &q, NULL),
                  TRACUU_STATUS_OK, "%s", s);
    cr_assert_eq (tracuu_question_prune (q, index_), TRACUU_STATUS_OK, "%s: %s",
                  s, tracuu_index_last_error (index_));
    return q;
}

static size_t
ignored (const tracuu_question_t *q)
{
    size_t n = 0;

    for (size_t i = 0; i < q->n_words; i++)
        n += q->words[i].role == TRACUU_ROLE_IGNORED;
    return n;
}

Test (prune, words_no_case_holds)
{
    tracuu_question_t *q = pruned ("phạt tin giả về lũ lụt năm 2024");

    cr_expect_str_eq (q->text, "");
    cr_expect_eq (ignored (q), 2);
    cr_assert_eq (q->n_notes, 2);
    cr_expect_str_eq (q->notes[0], "no matching case mentions 'lũ'; the answer "
                      "below ignores it");
    cr_expect (strstr (q->explain, "ignored=\"lũ\" ignored=\"lụt\"") != NULL,
               "%s", q->explain);
    tracuu_question_destroy (q);
}

Test (prune, words_a_case_holds)
{
    tracuu_question_t *q = pruned ("phạt tin giả về dịch bệnh năm 2024");

    cr_expect_str_eq (q->text, "dịch bệnh");
    cr_expect_eq (ignored (q), 0);
    cr_expect_eq (q->n_notes, 0);
    tracuu_question_destroy (q);
    /* Without accents, as the cases' words are matched ("ve" may be
     * "vé" before a word: it stays, and the case holds "về"). */
    q = pruned ("phat tin gia ve gia xang nam 2024");
    cr_expect_str_eq (q->text, "ve gia xang");
    cr_expect_eq (ignored (q), 0);
    tracuu_question_destroy (q);
}

/* A word some case holds, but not one of those the filters and the
 * other words leave, goes too. */
Test (prune, words_together)
{
    tracuu_question_t *q = pruned ("phạt tin giả dịch bệnh giá xăng năm 2024");

    cr_expect_str_eq (q->text, "dịch bệnh");
    cr_expect_eq (ignored (q), 2);
    cr_assert_eq (q->n_notes, 2);
    cr_expect (strstr (q->notes[0], "together with 'dịch', 'bệnh'") != NULL,
               "%s", q->notes[0]);
    tracuu_question_destroy (q);
    /* The filters count: Zalo's case has no "dịch". */
    q = pruned ("phạt tin giả trên Zalo về dịch bệnh năm 2024");
    cr_expect_str_eq (q->text, "");
    cr_expect_eq (ignored (q), 2);
    tracuu_question_destroy (q);
}

/* Phrases and operators are as typed: never dropped. */
Test (prune, phrases_stay)
{
    tracuu_question_t *q = pruned ("phạt \"lũ lụt\" năm 2024");

    cr_expect_str_eq (q->text, "\"lũ lụt\"");
    cr_expect_eq (ignored (q), 0);
    tracuu_question_destroy (q);
    q = pruned ("phạt lũ OR lụt năm 2024");
    cr_expect_str_eq (q->text, "lũ OR lụt");
    tracuu_question_destroy (q);
}

Test (prune, null_arguments)
{
    tracuu_question_t *q = NULL;

    cr_assert_eq (tracuu_question_parse ("x", 1, &q, NULL), TRACUU_STATUS_OK);
    cr_expect_eq (tracuu_question_prune (NULL, index_), TRACUU_STATUS_NULL_POINTER);
    cr_expect_eq (tracuu_question_prune (q, NULL), TRACUU_STATUS_NULL_POINTER);
    tracuu_question_destroy (q);
}
