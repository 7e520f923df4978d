/*
 * An index of shards: local folders and databases served by
 * xapian-tcpsrv searched and answered as one index, a case cited in two
 * shards counted once, a shard that goes away left out and named, a
 * shard of another layout refused.
 */
#include <criterion/criterion.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "tracuu/answer.h"
#include "tracuu/index.h"
#include "tracuu/question.h"
#include "tracuu/search.h"
#include "tracuu/xapian-c.h"
#include "index/index-private.h"
#include "support.h"

static pid_t servers[4];
static size_t n_servers;

static void
setup (void)
{
    setenv ("TRACUU_DATA_DIR", "../data", 0);
    test_tmp_make ("tracuu-shards");
}

static void
teardown (void)
{
    for (size_t i = 0; i < n_servers; i++)
        if (servers[i] > 0) {
            kill (-servers[i], SIGKILL);
            waitpid (servers[i], NULL, 0);
        }
    n_servers = 0;
    test_tmp_remove ();
}

TestSuite (shards, .init = setup, .fini = teardown);


/* A report of a provincial department with one paragraph of results,
 * in folder 'dir' of the temporary directory. */
static void
write_report (const char *dir, const char *name, const char *province,
              const char *period, const char *paragraph)
{
    char text[4096], path[600];

    mkdir (test_tmp_path (dir), 0755);
    snprintf (text, sizeof text,
              "UBND TỈNH %s\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n\nBÁO CÁO\n\n"
              "Kết quả công tác thanh tra, kiểm tra %s\n\nI. KẾT QUẢ\n\n%s\n\n"
              "Sở Thông tin và Truyền thông báo cáo./.\n", province, period,
              paragraph);
    snprintf (path, sizeof path, "%s/%s", test_tmp_path (dir), name);
    test_write_file (path, text);
}

/* Index the folders 'dirs' (NULL-terminated) into index 'db'. */
static void
index_into (const char *db, const char *const *dirs)
{
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    tracuu_index_t *index = NULL;
    const char *paths[8];
    char *error = NULL;
    size_t n = 0;
    char dbpath[512];

    snprintf (dbpath, sizeof dbpath, "%s", test_tmp_path (db));
    for (; dirs[n] != NULL; n++)
        paths[n] = strdup (test_tmp_path (dirs[n]));
    cr_assert_eq (tracuu_index_open (dbpath, TRACUU_INDEX_WRITE, &index,
                                     &error), TRACUU_STATUS_OK, "%s", error);
    cr_assert_eq (tracuu_index_update (index, paths, n, &opts, &stats),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    cr_assert_eq (stats.failed, 0);
    tracuu_index_close (index);
    for (size_t i = 0; i < n; i++)
        free ((char *) paths[i]);
}

/* Two provinces' archives, and one index of both. The April case of
 * Thái Bình is also cited by its half-year report, which is in the
 * other shard. */
static void
make_archives (void)
{
    static const char *const a[] = { "a", NULL }, *const b[] = { "b", NULL };
    static const char *const ab[] = { "a", "b", NULL };

    write_report ("a", "tb-2024-04.txt", "THÁI BÌNH", "tháng 4 năm 2024",
                  "Ngày 12/4/2024, Sở Thông tin và Truyền thông xử phạt vi "
                  "phạm hành chính bà Lê Thị Mai số tiền 7.500.000 đồng do "
                  "đăng tải thông tin sai sự thật trên tài khoản TikTok.");
    write_report ("a", "nd-2024-05.txt", "NAM ĐỊNH", "tháng 5 năm 2024",
                  "Ngày 20/5/2024, Sở Thông tin và Truyền thông xử phạt ông "
                  "Trần Văn Hùng số tiền 5.000.000 đồng do cung cấp thông tin "
                  "sai sự thật trên mạng xã hội Facebook.");
    write_report ("b", "tb-2024-h1.txt", "THÁI BÌNH", "6 tháng đầu năm 2024",
                  "Ngày 12/4/2024, Sở Thông tin và Truyền thông xử phạt vi "
                  "phạm hành chính bà Lê Thị Mai số tiền 7.500.000 đồng do "
                  "đăng tải thông tin sai sự thật trên tài khoản TikTok.\n\n"
                  "Ngày 3/6/2024, Sở xử phạt Công ty TNHH Quảng cáo Minh Long "
                  "số tiền 20.000.000 đồng do quảng cáo sai sự thật trên "
                  "trang thông tin điện tử.");
    index_into ("a.db", a);
    index_into ("b.db", b);
    index_into ("all.db", ab);
}

static tracuu_index_t *
open_shards (const char *const *specs, size_t n, tracuu_status_t want)
{
    tracuu_index_t *index = NULL;
    char *error = NULL;
    tracuu_status_t st = tracuu_index_open_shards (specs, n, 2000, &index, &error);

    cr_assert_eq (st, want, "%s", error ? error : "");
    free (error);
    return index;
}

static tracuu_index_t *
open_one (const char *db)
{
    tracuu_index_t *index = NULL;
    char *error = NULL;

    cr_assert_eq (tracuu_index_open (test_tmp_path (db), TRACUU_INDEX_READ, &index,
                                     &error), TRACUU_STATUS_OK, "%s", error);
    return index;
}

/* The files of a search, in rank order, joined with spaces. */
static void
search_files (tracuu_index_t *index, const char *text, char *out, size_t size,
              uint32_t *total)
{
    tracuu_search_options_t opts = TRACUU_SEARCH_OPTIONS_INIT;
    tracuu_results_t *r = NULL;

    opts.count_exactly = 1;
    cr_assert_eq (tracuu_search (index, text, strlen (text), &opts, &r),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (index));
    *out = '\0';
    for (size_t i = 0; i < tracuu_results_size (r); i++) {
        const char *slash = strrchr (tracuu_results_hit (r, i)->path, '/');

        strncat (out, slash + 1, size - strlen (out) - 2);
        strcat (out, " ");
    }
    *total = tracuu_results_total (r);
    tracuu_results_destroy (r);
}

static tracuu_answer_t *
ask (tracuu_index_t *index, const char *text)
{
    tracuu_answer_options_t opts = TRACUU_ANSWER_OPTIONS_INIT;
    tracuu_question_t *q = NULL;
    tracuu_answer_t *a = NULL;
    char *error = NULL;

    opts.facets = "province,year,category";
    cr_assert_eq (tracuu_question_parse (text, strlen (text), &q, &error),
                  TRACUU_STATUS_OK, "%s", error);
    cr_assert_eq (tracuu_answer_run (index, q, &opts, &a), TRACUU_STATUS_OK,
                  "%s", tracuu_index_last_error (index));
    tracuu_question_destroy (q);
    return a;
}

static uint32_t
facet_count (const tracuu_answer_t *a, const char *field, const char *value)
{
    for (size_t i = 0; i < tracuu_answer_n_facets (a); i++) {
        const tracuu_answer_facet_t *f = tracuu_answer_facet (a, i);

        for (size_t k = 0; strcmp (f->field, field) == 0 && k < f->n_values; k++)
            if (strcmp (f->values[k].value, value) == 0)
                return f->values[k].count;
    }
    return 0;
}

/* What the answer over 'index' says, to compare with one index's. */
static void
check_answer_like_one_index (tracuu_index_t *shards, tracuu_index_t *one)
{
    const char *question = "phạt thông tin sai sự thật năm 2024";
    tracuu_answer_t *a = ask (shards, question), *b = ask (one, question);
    const tracuu_answer_total_t *ta = tracuu_answer_total (a);
    const tracuu_answer_total_t *tb = tracuu_answer_total (b);

    cr_expect_eq (tb->amount, 12500000);
    cr_expect_eq (ta->amount, tb->amount);
    cr_expect_eq (ta->sanctions, tb->sanctions);
    cr_expect_eq (tracuu_answer_n_cases (a), tracuu_answer_n_cases (b));
    cr_expect_eq (tracuu_answer_n_matches (a, NULL), tracuu_answer_n_matches (b, NULL));
    for (size_t i = 0; i < tracuu_answer_n_cases (a) && i < tracuu_answer_n_cases (b); i++) {
        const tracuu_answer_case_t *x = tracuu_answer_case (a, i);
        const tracuu_answer_case_t *y = tracuu_answer_case (b, i);

        cr_expect_str_eq (x->key, y->key);
        cr_expect_str_eq (x->period, y->period);
        cr_expect_eq (x->n_sources, y->n_sources, "%s", x->key);
    }
    cr_expect_eq (facet_count (a, "province", "Thái Bình"),
                  facet_count (b, "province", "Thái Bình"));
    cr_expect_eq (facet_count (b, "province", "Thái Bình"), 1);
    cr_expect_eq (facet_count (a, "category", "false_information"),
                  facet_count (b, "category", "false_information"));
    cr_expect_eq (facet_count (b, "category", "false_information"), 2);
    cr_expect_eq (facet_count (a, "year", "2024"), facet_count (b, "year", "2024"));
    tracuu_answer_destroy (a);
    tracuu_answer_destroy (b);
}

Test (shards, local_folders_answer_as_one_index)
{
    const char *specs[2];
    tracuu_index_t *shards, *one;
    char fa[1024], fb[1024];
    uint32_t na, nb;

    make_archives ();
    specs[0] = strdup (test_tmp_path ("a.db"));
    specs[1] = strdup (test_tmp_path ("b.db"));
    shards = open_shards (specs, 2, TRACUU_STATUS_OK);
    one = open_one ("all.db");
    cr_expect_eq (tracuu_index_n_shards (shards), 2);
    cr_expect_eq (tracuu_index_n_shards (one), 1);
    cr_expect_eq (tracuu_index_n_shards_down (shards), 0);
    search_files (shards, "sai sự thật", fa, sizeof fa, &na);
    search_files (one, "sai sự thật", fb, sizeof fb, &nb);
    cr_expect_eq (na, 3);
    cr_expect_eq (na, nb);
    cr_expect_str_eq (fa, fb);
    check_answer_like_one_index (shards, one);
    tracuu_index_close (shards);
    tracuu_index_close (one);
    free ((char *) specs[0]);
    free ((char *) specs[1]);
}

Test (shards, a_list_in_a_file)
{
    const char *spec[1];
    tracuu_index_t *index, *one;
    char *error = NULL;

    make_archives ();
    test_write_file (test_tmp_path ("all.shards"),
                "# two provinces\nauto a.db\n\n   auto b.db  \n");
    spec[0] = test_tmp_path ("all.shards");
    index = open_shards (spec, 1, TRACUU_STATUS_OK);
    cr_expect_eq (tracuu_index_n_shards (index), 2);
    cr_expect_str_eq (tracuu_index_shard (index, 1, NULL), test_tmp_path ("b.db"));
    one = open_one ("all.db");
    check_answer_like_one_index (index, one);
    tracuu_index_close (index);
    tracuu_index_close (one);

    test_write_file (test_tmp_path ("bad.shards"), "auto a.db\nflint b.db\n");
    spec[0] = test_tmp_path ("bad.shards");
    cr_expect_eq (tracuu_index_open_shards (spec, 1, 0, &index, &error),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_expect_null (index);
    cr_assert_not_null (error);
    cr_expect_not_null (strstr (error, "bad.shards:2: not a shard"), "%s", error);
    free (error);

    test_write_file (test_tmp_path ("empty.shards"), "# none yet\n");
    spec[0] = test_tmp_path ("empty.shards");
    cr_expect_eq (tracuu_index_open_shards (spec, 1, 0, &index, &error),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_expect_str_eq (error, "the shard list names no shard");
    free (error);
}

Test (shards, another_layout_is_refused)
{
    xapc_db_t *db = NULL;
    xapc_doc_t *doc = NULL;
    xapc_docid_t id;
    const char *specs[2];
    tracuu_index_t *index = NULL;
    char *error = NULL;

    make_archives ();
    cr_assert_eq (xapc_db_open (test_tmp_path ("old.db"), XAPC_DB_CREATE_OR_OPEN, &db),
                  XAPC_OK);
    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_assert_eq (xapc_db_add_document (db, doc, &id), XAPC_OK);
    cr_assert_eq (xapc_db_set_metadata (db, TRACUU_META_SCHEMA,
                                        strlen (TRACUU_META_SCHEMA), "1", 1),
                  XAPC_OK);
    xapc_doc_destroy (doc);
    xapc_db_close (db);
    specs[0] = strdup (test_tmp_path ("a.db"));
    specs[1] = strdup (test_tmp_path ("old.db"));
    cr_expect_eq (tracuu_index_open_shards (specs, 2, 0, &index, &error),
                  TRACUU_STATUS_DATABASE_ERROR);
    cr_expect_null (index);
    cr_assert_not_null (error);
    cr_expect_not_null (strstr (error, "old.db' was made by another version "
                                "of tracuu (layout 1"), "%s", error);
    free (error);
    free ((char *) specs[0]);
    free ((char *) specs[1]);
}

/* A free loopback port (free when asked: the server binds it next). */
static unsigned
free_port (void)
{
    struct sockaddr_in sa = { 0 };
    socklen_t len = sizeof sa;
    int fd = socket (AF_INET, SOCK_STREAM, 0);

    cr_assert_geq (fd, 0);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
    cr_assert_eq (bind (fd, (struct sockaddr *) &sa, sizeof sa), 0);
    cr_assert_eq (getsockname (fd, (struct sockaddr *) &sa, &len), 0);
    close (fd);
    return ntohs (sa.sin_port);
}

static int
accepts (unsigned port)
{
    struct sockaddr_in sa = { 0 };
    int fd = socket (AF_INET, SOCK_STREAM, 0), ok;

    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
    sa.sin_port = htons ((uint16_t) port);
    ok = connect (fd, (struct sockaddr *) &sa, sizeof sa) == 0;
    close (fd);
    return ok;
}

/* xapian-tcpsrv serving 'db' on a free port, in a process group of its
 * own (it forks a child per connection: killing the group kills both);
 * 0 when the program is not installed. */
static unsigned
serve (const char *db, pid_t *pid_out)
{
    unsigned port = free_port ();
    char arg[16];
    pid_t pid;

    if (system ("command -v xapian-tcpsrv >/dev/null 2>&1") != 0)
        return 0;
    snprintf (arg, sizeof arg, "%u", port);
    pid = fork ();
    cr_assert_geq (pid, 0);
    if (pid == 0) {
        setpgid (0, 0);
        freopen ("/dev/null", "w", stdout);
        freopen ("/dev/null", "w", stderr);
        execlp ("xapian-tcpsrv", "xapian-tcpsrv", "--quiet", "--interface",
                "127.0.0.1", "--port", arg, db, (char *) NULL);
        _exit (127);
    }
    setpgid (pid, pid);
    servers[n_servers++] = pid;
    for (int i = 0; i < 500 && !accepts (port); i++) {
        struct timespec ms10 = { 0, 10 * 1000 * 1000 };

        nanosleep (&ms10, NULL);
    }
    cr_assert (accepts (port), "xapian-tcpsrv did not start on port %u", port);
    *pid_out = pid;
    return port;
}

Test (shards, a_remote_shard_that_goes_away_is_left_out)
{
    char remote[32], files[1024], *local;
    const char *specs[2];
    tracuu_index_t *index, *one;
    tracuu_answer_t *a;
    uint32_t total;
    pid_t pid;
    unsigned port;
    int down;

    make_archives ();
    port = serve (test_tmp_path ("b.db"), &pid);
    if (port == 0)
        cr_skip_test ("xapian-tcpsrv is not installed (Debian: xapian-tools)");
    snprintf (remote, sizeof remote, "127.0.0.1:%u", port);
    specs[0] = local = strdup (test_tmp_path ("a.db"));
    specs[1] = remote;
    index = open_shards (specs, 2, TRACUU_STATUS_OK);
    one = open_one ("all.db");
    search_files (index, "sai sự thật", files, sizeof files, &total);
    cr_expect_eq (total, 3);
    check_answer_like_one_index (index, one);

    /* The server dies between two questions of the same reader. */
    kill (-pid, SIGKILL);
    waitpid (pid, NULL, 0);
    servers[--n_servers] = 0;
    search_files (index, "sai sự thật", files, sizeof files, &total);
    cr_expect_eq (total, 2);
    cr_expect_str_eq (files, "nd-2024-05.txt tb-2024-04.txt ");
    cr_expect_eq (tracuu_index_n_shards_down (index), 1);
    cr_expect_str_eq (tracuu_index_shard (index, 1, &down), remote);
    cr_expect_eq (down, 1);
    a = ask (index, "phạt thông tin sai sự thật năm 2024");
    cr_expect_eq (tracuu_answer_total (a)->amount, 12500000);
    tracuu_answer_destroy (a);
    tracuu_index_close (index);

    /* Opened while it is down: left out from the start. */
    index = open_shards (specs, 2, TRACUU_STATUS_OK);
    cr_expect_eq (tracuu_index_n_shards_down (index), 1);
    tracuu_index_close (index);
    /* No shard at all: an error. */
    specs[0] = remote;
    cr_expect_null (open_shards (specs, 1, TRACUU_STATUS_SHARD_UNAVAILABLE));
    tracuu_index_close (one);
    free (local);
}

/* Documents in index 'db' (reports, cases and citations). */
static uint32_t
doccount (const char *db)
{
    xapc_db_t *x = NULL;
    uint32_t n = 0;

    cr_assert_eq (xapc_db_open (test_tmp_path (db), XAPC_DB_READ, &x), XAPC_OK);
    cr_assert_eq (xapc_db_doccount (x, &n), XAPC_OK);
    xapc_db_close (x);
    return n;
}

/* The same reports in the same order with the very same scores (the
 * doubles, not their printed form) from 'x' and 'y'. */
static void
expect_same_ranking (tracuu_index_t *x, tracuu_index_t *y, const char *text)
{
    tracuu_search_options_t opts = TRACUU_SEARCH_OPTIONS_INIT;
    tracuu_results_t *r = NULL, *s = NULL;

    opts.count_exactly = 1;
    opts.limit = 100;
    cr_assert_eq (tracuu_search (x, text, strlen (text), &opts, &r),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (x));
    cr_assert_eq (tracuu_search (y, text, strlen (text), &opts, &s),
                  TRACUU_STATUS_OK, "%s", tracuu_index_last_error (y));
    cr_expect_gt (tracuu_results_size (r), 1, "%s", text);
    cr_expect_eq (tracuu_results_total (r), tracuu_results_total (s), "%s", text);
    cr_assert_eq (tracuu_results_size (r), tracuu_results_size (s), "%s", text);
    for (size_t i = 0; i < tracuu_results_size (r); i++) {
        const tracuu_hit_t *a = tracuu_results_hit (r, i);
        const tracuu_hit_t *b = tracuu_results_hit (s, i);

        cr_expect_str_eq (a->path, b->path, "%s: rank %zu", text, i + 1);
        cr_expect (a->score == b->score, "%s: %s scores %.17g and %.17g", text,
                   a->path, a->score, b->score);
    }
    tracuu_results_destroy (r);
    tracuu_results_destroy (s);
}

/* Shards 'c.db' and 'd.db' against 'one', and 'one' against an index
 * made afresh of the same folders: as many documents, the same ranks
 * and scores. */
static void
expect_one_index (const char *one, const char *fresh)
{
    static const char *const cd[] = { "c", "d", NULL };
    const char *specs[2];
    tracuu_index_t *shards, *x, *y;

    index_into (fresh, cd);
    cr_expect_eq (doccount (one), doccount (fresh));
    cr_expect_eq (doccount ("c.db") + doccount ("d.db"), doccount (one));
    specs[0] = strdup (test_tmp_path ("c.db"));
    specs[1] = strdup (test_tmp_path ("d.db"));
    shards = open_shards (specs, 2, TRACUU_STATUS_OK);
    x = open_one (one);
    y = open_one (fresh);
    expect_same_ranking (shards, x, "sai sự thật");
    expect_same_ranking (shards, x, "xử phạt TikTok");
    expect_same_ranking (x, y, "sai sự thật");
    tracuu_index_close (shards);
    tracuu_index_close (x);
    tracuu_index_close (y);
    free ((char *) specs[0]);
    free ((char *) specs[1]);
}

/* A case cited by three reports, two in one shard: each database holds
 * a document per report citing it (the case's, and a citation for each
 * other), so that the shards' statistics add up to one index's, and
 * stay so when a report citing it is indexed again or deleted. */
Test (shards, scores_exactly_as_one_index)
{
    static const char *const c[] = { "c", NULL }, *const d[] = { "d", NULL };
    static const char *const cd[] = { "c", "d", NULL };
    const char *fine = "Ngày 9/3/2024, Sở Thông tin và Truyền thông xử phạt ông "
        "Phạm Quốc Bảo số tiền 6.000.000 đồng do chia sẻ thông tin sai sự "
        "thật trên tài khoản TikTok.";
    char text[2048];

    write_report ("c", "hy-2024-03.txt", "HƯNG YÊN", "tháng 3 năm 2024", fine);
    snprintf (text, sizeof text, "%s\n\nNgày 28/4/2024, Sở xử phạt bà Vũ Thị "
              "Hoa số tiền 4.000.000 đồng do đăng tin sai sự thật trên "
              "Facebook.", fine);
    write_report ("c", "hy-2024-q2.txt", "HƯNG YÊN", "quý II năm 2024", text);
    write_report ("d", "hy-2024-h1.txt", "HƯNG YÊN", "6 tháng đầu năm 2024", fine);
    write_report ("d", "hd-2024-05.txt", "HẢI DƯƠNG", "tháng 5 năm 2024",
                  "Ngày 14/5/2024, Sở xử phạt ông Đỗ Văn Tú số tiền 3.000.000 "
                  "đồng do đưa tin sai sự thật về dịch bệnh trên TikTok.");
    index_into ("c.db", c);
    index_into ("d.db", d);
    index_into ("one.db", cd);
    expect_one_index ("one.db", "fresh1.db");

    /* The first report citing the case, gone; another says more. */
    cr_assert_eq (unlink (test_tmp_path ("c/hy-2024-03.txt")), 0);
    write_report ("d", "hy-2024-h1.txt", "HƯNG YÊN", "6 tháng đầu năm 2024",
                  text);
    index_into ("c.db", c);
    index_into ("d.db", d);
    index_into ("one.db", cd);
    expect_one_index ("one.db", "fresh2.db");

    /* Cited by one report left: no citation. */
    cr_assert_eq (unlink (test_tmp_path ("d/hy-2024-h1.txt")), 0);
    index_into ("c.db", c);
    index_into ("d.db", d);
    index_into ("one.db", cd);
    expect_one_index ("one.db", "fresh3.db");
}
