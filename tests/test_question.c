/* Questions: plain language and prefixes -> filters + leftover text. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/question.h"

/* The tests run from tests/; the Makefile exports TRACUU_DATA_DIR. */
static void
data_dir (void)
{
    setenv ("TRACUU_DATA_DIR", "../data", 0);
}

TestSuite (question, .init = data_dir);

static const struct {
    const char *question;
    const char *explain;
} cases[] = {
    /* One interpretation in three spellings. */
    { "all fines for false information in 2024",
      "action=fine category=false_information "
      "period=2024-01-01..2024-12-31 text=\"\"" },
    { "tất cả các khoản phạt về thông tin sai sự thật năm 2024",
      "action=fine category=false_information "
      "period=2024-01-01..2024-12-31 text=\"\"" },
    { "phat thong tin sai su that nam 2024",
      "action=fine category=false_information "
      "period=2024-01-01..2024-12-31 text=\"\"" },
    { "TẤT CẢ CÁC KHOẢN PHẠT VỀ THÔNG TIN SAI SỰ THẬT NĂM 2024?",
      "action=fine category=false_information "
      "period=2024-01-01..2024-12-31 text=\"\"" },
    /* Provinces, platforms, intents. */
    { "how much did Bắc Giang fine in 2024",
      "action=fine province=\"Bắc Giang\" period=2024-01-01..2024-12-31 "
      "wants_total=1 text=\"\"" },
    { "how much did bac giang fine in 2024",
      "action=fine province=\"Bắc Giang\" period=2024-01-01..2024-12-31 "
      "wants_total=1 text=\"\"" },
    { "Bắc Giang phạt bao nhiêu năm 2024",
      "action=fine province=\"Bắc Giang\" period=2024-01-01..2024-12-31 "
      "wants_total=1 text=\"\"" },
    { "phạt ở tỉnh Bắc Giang năm 2024",
      "action=fine province=\"Bắc Giang\" period=2024-01-01..2024-12-31 "
      "text=\"\"" },
    { "what fines did Hà Nội impose for defamation in the first half of "
      "2024?", "action=fine category=defamation province=\"Hà Nội\" "
      "period=2024-01-01..2024-06-30 text=\"\"" },
    /* Since 1 July 2025 the city includes Bình Dương and Bà Rịa - Vũng Tàu. */
    { "TP.HCM phạt năm 2024", "action=fine province=\"Hồ Chí Minh\" "
      "province=\"Bà Rịa - Vũng Tàu\" province=\"Bình Dương\" "
      "period=2024-01-01..2024-12-31 text=\"\"" },
    { "gỡ bỏ bài viết tin giả trên Facebook 6 tháng đầu năm 2024",
      "action=takedown category=false_information platform=facebook "
      "period=2024-01-01..2024-06-30 text=\"bài viết\"" },
    { "fines on TikTok accounts", "action=fine platform=tiktok text=\"\"" },
    { "các khoản phạt tài khoản TikTok",
      "action=fine platform=tiktok text=\"\"" },
    { "which accounts were fined for false information",
      "action=fine category=false_information wants=accounts text=\"\"" },
    { "tài khoản nào bị phạt vì thông tin sai sự thật",
      "action=fine category=false_information wants=accounts "
      "text=\"\"" },
    { "tổng số tiền xử phạt năm 2023",
      "action=fine period=2023-01-01..2023-12-31 wants_total=1 text=\"\"" },
    { "tong so tien xu phat nam 2023",
      "action=fine period=2023-01-01..2023-12-31 wants_total=1 text=\"\"" },
    { "total fines in 2023",
      "action=fine period=2023-01-01..2023-12-31 wants_total=1 text=\"\"" },
    { "reports from An Giang in 2024",
      "province=\"An Giang\" province=\"Kiên Giang\" kind=report "
      "period=2024-01-01..2024-12-31 text=\"\"" },
    { "báo cáo của An Giang năm 2024",
      "province=\"An Giang\" province=\"Kiên Giang\" kind=report "
      "period=2024-01-01..2024-12-31 text=\"\"" },
    { "bao cao an giang nam 2024",
      "province=\"An Giang\" province=\"Kiên Giang\" kind=report "
      "period=2024-01-01..2024-12-31 text=\"\"" },
    { "bao nhiêu vụ việc lừa đảo năm 2024",
      "category=fraud kind=case period=2024-01-01..2024-12-31 "
      "wants_total=1 count=cases text=\"\"" },
    { "cases of spam calls in Q1 2024",
      "category=telecom kind=case period=2024-01-01..2024-03-31 "
      "text=\"\"" },
    /* Leftover words stay as typed. */
    { "fines for fake news about floods in Hà Tĩnh",
      "action=fine category=false_information province=\"Hà Tĩnh\" "
      "text=\"floods\"" },
    { "phạt Nguyễn Văn Hải năm 2024",
      "action=fine period=2024-01-01..2024-12-31 "
      "text=\"Nguyễn Văn Hải\"" },
    { "phạt tin giả về bão lũ, sạt lở năm 2024",
      "action=fine category=false_information "
      "period=2024-01-01..2024-12-31 text=\"bão lũ, sạt lở\"" },
    { "fines @nhathaibiettuot", "action=fine account=@nhathaibiettuot "
      "text=\"\"" },
    { "fines 12/2024/NĐ-CP", "action=fine text=\"12/2024/NĐ-CP\"" },
    /* Accents: either tone placement; accents typed must match. */
    { "Khánh Hoà khoá thuê bao 2024",
      "action=subscriber_lock province=\"Khánh Hòa\" "
      "province=\"Ninh Thuận\" period=2024-01-01..2024-12-31 text=\"\"" },
    { "khanh hoa khoa thue bao 2024",
      "action=subscriber_lock province=\"Khánh Hòa\" "
      "province=\"Ninh Thuận\" period=2024-01-01..2024-12-31 text=\"\"" },
    { "phát hiện tin giả năm 2024",
      "category=false_information period=2024-01-01..2024-12-31 "
      "text=\"phát hiện\"" },
    { "Tổng cục Thuế năm 2024",
      "agency=\"Tổng cục Thuế\" period=2024-01-01..2024-12-31 text=\"\"" },
    { "ngăn chặn tin giả năm 2024",
      "category=false_information period=2024-01-01..2024-12-31 "
      "text=\"ngăn chặn\"" },
    { "Hà Nam phạt năm 2024",
      "action=fine province=\"Hà Nam\" period=2024-01-01..2024-12-31 "
      "text=\"\"" },
    { "nam dinh phat nam 2024",
      "action=fine province=\"Nam Định\" period=2024-01-01..2024-12-31 "
      "text=\"\"" },
    /* Time expressions. */
    { "6 tháng đầu năm 2024", "period=2024-01-01..2024-06-30 text=\"\"" },
    { "6 thang dau nam 2024", "period=2024-01-01..2024-06-30 text=\"\"" },
    { "first half of 2024", "period=2024-01-01..2024-06-30 text=\"\"" },
    { "phạt 6 tháng cuối năm 2023",
      "action=fine period=2023-07-01..2023-12-31 text=\"\"" },
    { "second half of 2023 takedowns",
      "action=takedown period=2023-07-01..2023-12-31 text=\"\"" },
    { "fines H2 2024", "action=fine period=2024-07-01..2024-12-31 text=\"\"" },
    { "tháng 4/2024", "period=2024-04-01..2024-04-30 text=\"\"" },
    { "tháng 4 năm 2024", "period=2024-04-01..2024-04-30 text=\"\"" },
    { "April 2024", "period=2024-04-01..2024-04-30 text=\"\"" },
    { "fines in February 2024",
      "action=fine period=2024-02-01..2024-02-29 text=\"\"" },
    { "tháng 2/2023", "period=2023-02-01..2023-02-28 text=\"\"" },
    { "Q1 2024", "period=2024-01-01..2024-03-31 text=\"\"" },
    { "quý I/2024", "period=2024-01-01..2024-03-31 text=\"\"" },
    { "quy IV nam 2023", "period=2023-10-01..2023-12-31 text=\"\"" },
    { "first quarter of 2024", "period=2024-01-01..2024-03-31 text=\"\"" },
    { "from 2020 to 2024", "period=2020-01-01..2024-12-31 text=\"\"" },
    { "từ năm 2020 đến 2024", "period=2020-01-01..2024-12-31 text=\"\"" },
    { "tu nam 2020 den nam 2024", "period=2020-01-01..2024-12-31 text=\"\"" },
    { "between 2020 and 2022 warnings",
      "action=warning period=2020-01-01..2022-12-31 text=\"\"" },
    { "2023-2024", "period=2023-01-01..2024-12-31 text=\"\"" },
    { "từ tháng 1/2024 đến tháng 6/2024 phạt",
      "action=fine period=2024-01-01..2024-06-30 text=\"\"" },
    { "since 2020", "period=2020-01-01.. text=\"\"" },
    { "phạt từ năm 2020", "action=fine period=2020-01-01.. text=\"\"" },
    { "trước năm 2024", "period=..2023-12-31 text=\"\"" },
    { "fines before 2024", "action=fine period=..2023-12-31 text=\"\"" },
    { "fines after 2022", "action=fine period=2023-01-01.. text=\"\"" },
    { "fines before 2024 since 2020",
      "action=fine period=2020-01-01..2023-12-31 text=\"\"" },
    { "fines in 2023 and 2024",
      "action=fine period=2023-01-01..2024-12-31 text=\"\"" },
    { "tháng 13/2024 phạt", "action=fine text=\"tháng 13/2024\"" },
    /* Not a question: the query stays full text as typed. */
    { "tin giả", "text=\"tin giả\"" },
    { "fake news tiktok", "text=\"fake news tiktok\"" },
    { "lũ lụt 2024", "text=\"lũ lụt 2024\"" },
    { "báo cáo tình hình", "text=\"báo cáo tình hình\"" },
    { "Tổng cục Thuế", "text=\"Tổng cục Thuế\"" },
    { "\"thông tin sai sự thật\" OR tiktok",
      "text=\"\\\"thông tin sai sự thật\\\" OR tiktok\"" },
    /* Operators and quotes keep their words as full text. */
    { "fines \"tin giả\" -tiktok",
      "action=fine text=\"\\\"tin giả\\\" -tiktok\"" },
    { "phạt tiktok OR facebook 2024",
      "action=fine period=2024-01-01..2024-12-31 "
      "text=\"tiktok OR facebook\"" },
    { "phạt (tin giả OR tiktok) 2024",
      "action=fine period=2024-01-01..2024-12-31 "
      "text=\"(tin giả OR tiktok)\"" },
    { "phạt NOT tiktok 2024",
      "action=fine period=2024-01-01..2024-12-31 text=\"NOT tiktok\"" },
    { "phạt -\"tin giả\" 2024",
      "action=fine period=2024-01-01..2024-12-31 text=\"-\\\"tin giả\\\"\"" },
    { "phạt AND 2024", "action=fine period=2024-01-01..2024-12-31 text=\"\"" },
    { "https://tiktok.com/@abc phạt",
      "action=fine text=\"https://tiktok.com/@abc\"" },
    /* Fielded prefixes. */
    { "province:\"Bắc Giang\"", "province=\"Bắc Giang\" text=\"\"" },
    { "province:\"bac giang\" year:2024",
      "province=\"Bắc Giang\" period=2024-01-01..2024-12-31 text=\"\"" },
    { "Year:2024", "period=2024-01-01..2024-12-31 text=\"\"" },
    { "period:2024-H1", "period=2024-01-01..2024-06-30 text=\"\"" },
    { "period:2024-h2", "period=2024-07-01..2024-12-31 text=\"\"" },
    { "period:2024-04", "period=2024-04-01..2024-04-30 text=\"\"" },
    { "period:2024-Q1", "period=2024-01-01..2024-03-31 text=\"\"" },
    { "date:2024-01-01..2024-06-30",
      "period=2024-01-01..2024-06-30 text=\"\"" },
    { "date:2024-03-15..", "period=2024-03-15.. text=\"\"" },
    { "date:..2024-03-15", "period=..2024-03-15 text=\"\"" },
    { "date:2024..2025-06", "period=2024-01-01..2025-06-30 text=\"\"" },
    { "amount:5000000..", "amount=5000000.. text=\"\"" },
    { "amount:..5000000", "amount=..5000000 text=\"\"" },
    { "amount:1000000..5000000", "amount=1000000..5000000 text=\"\"" },
    { "amount:1.000.000..5.000.000 phạt",
      "action=fine amount=1000000..5000000 text=\"\"" },
    { "account:@nhathaibiettuot",
      "account=@nhathaibiettuot text=\"\"" },
    { "platform:tiktok", "platform=tiktok text=\"\"" },
    { "platform:\"tik tok\" platform:fb",
      "platform=tiktok platform=facebook text=\"\"" },
    { "platform:tiktok OR platform:facebook",
      "platform=tiktok platform=facebook text=\"\"" },
    { "category:false_information", "category=false_information text=\"\"" },
    { "category:\"tin giả\"", "category=false_information text=\"\"" },
    { "action:fine", "action=fine text=\"\"" },
    { "action:takedown fines", "action=takedown text=\"\"" },
    { "person:\"Nguyễn Văn Hải\"", "person=\"Nguyễn Văn Hải\" text=\"\"" },
    { "number:180/BC-STTTT", "number=180/BC-STTTT text=\"\"" },
    { "kind:report", "kind=report text=\"\"" },
    { "kind:case", "kind=case text=\"\"" },
    /* Excluded fields. */
    { "NOT platform:tiktok", "platform!=tiktok text=\"\"" },
    { "-province:\"Bắc Giang\" phạt",
      "action=fine province!=\"Bắc Giang\" text=\"\"" },
    { "phạt -category:\"tin giả\" -year:2023",
      "action=fine category!=false_information "
      "period!=2023-01-01..2023-12-31 text=\"\"" },
    { "-amount:..1000000 action:fine",
      "action=fine amount!=..1000000 text=\"\"" },
    { "-kind:report", "kind=case text=\"\"" },
    { "status:recorded", "status=recorded text=\"\"" },
    { "status:proposed status:recorded",
      "status=proposed status=recorded text=\"\"" },
    { "violator:company -violator:press",
      "violator=company violator!=press text=\"\"" },
    { "agency:\"Công an tỉnh\"", "agency=\"Công an tỉnh\" text=\"\"" },
    /* Prefixes and words mix. */
    { "province:\"bac giang\" tin giả",
      "category=false_information province=\"Bắc Giang\" text=\"\"" },
    { "platform:tiktok phạt \"xúc phạm\" 2024",
      "action=fine platform=tiktok period=2024-01-01..2024-12-31 "
      "text=\"\\\"xúc phạm\\\"\"" },
    /* Malformed input is read, not refused. */
    { "province:\"Bắc Giang", "province=\"Bắc Giang\" text=\"\"" },
    { "fines \"tin giả", "action=fine text=\"\\\"tin giả\"" },
    { "note: phạt 2024",
      "action=fine period=2024-01-01..2024-12-31 text=\"note\"" },
    { "", "text=\"\"" },
    { "   \t\n ", "text=\"\"" },
    { "\"", "text=\"\\\"\"" },
    { ")))(", "text=\")))(\"" },
    { "OR", "text=\"OR\"" },
    { "phạt -", "text=\"phạt -\"" },     /* A dash alone is no sign. */
};

Test (question, table)
{
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tracuu_question_t *q = NULL;
        char *error = NULL;
        tracuu_status_t st = tracuu_question_parse (cases[i].question,
                                                    strlen (cases[i].question),
                                                    &q, &error);

        cr_assert_eq (st, TRACUU_STATUS_OK, "case %zu (%s): %s", i,
                      cases[i].question, error ? error : "?");
        cr_assert_null (error);
        cr_expect_str_eq (q->explain, cases[i].explain, "case %zu: %s", i,
                          cases[i].question);
        tracuu_question_destroy (q);
    }
}

static const struct {
    const char *question;
    const char *message;        /* A part of the message. */
} errors[] = {
    { "foo:bar", "unknown field 'foo'; fields are: province, year, period" },
    { "tin giả provice:\"Bắc Giang\"", "unknown field 'provice'" },
    { "period:2024-Q5", "bad value \"2024-Q5\" for period: expected YYYY" },
    { "period:24", "for period" },
    { "year:24", "bad value \"24\" for year" },
    { "year:2024-04", "for year" },
    { "province:\"Hà Nộii\"", "bad value \"Hà Nộii\" for province" },
    { "platform:myspace", "for platform: expected one of facebook, tiktok" },
    { "category:xyz", "expected one of false_information, defamation" },
    { "action:hug", "for action: expected one of fine, takedown" },
    { "action:none", "for action" },
    { "kind:blog", "for kind: expected report or case" },
    { "amount:abc", "bad value \"abc\" for amount" },
    { "amount:5..1", "for amount" },
    { "amount:..", "for amount" },
    { "amount:99999999999999999999", "for amount" },
    { "date:2024-02-30", "bad value \"2024-02-30\" for date" },
    { "date:2024-13", "for date" },
    { "date:..", "for date" },
    { "date:2025..2024", "for date" },
    { "person:\"\"", "empty value for person:" },
    { "phạt -province:\"An Giang\" year:2024x", "for year" },
};

Test (question, errors)
{
    for (size_t i = 0; i < sizeof errors / sizeof errors[0]; i++) {
        tracuu_question_t *q = (tracuu_question_t *) 1;
        char *error = NULL;
        tracuu_status_t st = tracuu_question_parse (errors[i].question,
                                                    strlen (errors[i].question),
                                                    &q, &error);

        cr_expect_eq (st, TRACUU_STATUS_QUERY_SYNTAX, "case %zu (%s): %s", i,
                      errors[i].question, tracuu_status_to_string (st));
        cr_expect_null (q, "case %zu", i);
        cr_assert_not_null (error, "case %zu", i);
        cr_expect (strstr (error, errors[i].message) != NULL,
                   "case %zu: \"%s\" lacks \"%s\"", i, error,
                   errors[i].message);
        free (error);
    }
}

Test (question, fields_of_the_struct)
{
    const char *s = "how much did Bắc Giang fine on TikTok in 2024 "
                    "amount:1000000.. person:\"Nguyễn Văn Hải\" kind:case";
    tracuu_question_t *q = NULL;

    cr_assert_eq (tracuu_question_parse (s, strlen (s), &q, NULL),
                  TRACUU_STATUS_OK);
    cr_expect_str_eq (q->action, "fine");
    cr_assert_eq (q->n_provinces, 1);
    cr_expect_str_eq (q->provinces[0], "Bắc Giang");
    cr_assert_eq (q->n_platforms, 1);
    cr_expect_str_eq (q->platforms[0], "tiktok");
    cr_assert_eq (q->n_persons, 1);
    cr_expect_str_eq (q->persons[0], "Nguyễn Văn Hải");
    cr_expect_eq (q->n_categories, 0);
    cr_expect_null (q->categories);
    cr_expect_str_eq (q->kind, "case");
    cr_expect_eq (q->date_from, 20240101);
    cr_expect_eq (q->date_to, 20241231);
    cr_expect_eq (q->amount_min, 1000000);
    cr_expect_eq (q->amount_max, -1);
    cr_expect_eq (q->wants_total, 1);
    cr_expect_null (q->wants);
    cr_expect_str_eq (q->text, "");
    tracuu_question_destroy (q);
}

Test (question, open_fields)
{
    tracuu_question_t *q = NULL;

    cr_assert_eq (tracuu_question_parse ("floods", 6, &q, NULL),
                  TRACUU_STATUS_OK);
    cr_expect_null (q->action);
    cr_expect_null (q->kind);
    cr_expect_eq (q->date_from, 0);
    cr_expect_eq (q->date_to, 0);
    cr_expect_eq (q->amount_min, -1);
    cr_expect_eq (q->amount_max, -1);
    cr_expect_eq (q->wants_total, 0);
    cr_expect_str_eq (q->text, "floods");
    tracuu_question_destroy (q);
}

/* The length is honoured: no NUL needed, and bytes after it are unread. */
Test (question, length_not_nul)
{
    const char buf[] = "phạt năm 2024 năm 2025";
    tracuu_question_t *q = NULL;

    cr_assert_eq (tracuu_question_parse (buf, strlen ("phạt năm 2024"), &q,
                                         NULL), TRACUU_STATUS_OK);
    cr_expect_str_eq (q->explain,
                      "action=fine period=2024-01-01..2024-12-31 text=\"\"");
    tracuu_question_destroy (q);
}

Test (question, null_arguments)
{
    tracuu_question_t *q = NULL;
    char *error = NULL;

    cr_expect_eq (tracuu_question_parse ("x", 1, NULL, &error),
                  TRACUU_STATUS_NULL_POINTER);
    cr_expect_null (error);
    cr_expect_eq (tracuu_question_parse (NULL, 3, &q, NULL),
                  TRACUU_STATUS_NULL_POINTER);
    cr_expect_null (q);
    cr_assert_eq (tracuu_question_parse (NULL, 0, &q, NULL),
                  TRACUU_STATUS_OK);
    cr_expect_str_eq (q->explain, "text=\"\"");
    tracuu_question_destroy (q);
    tracuu_question_destroy (NULL);
}

Test (question, bad_utf8_and_nul_bytes)
{
    const char s[] = "ph\xff" "t\0 fines \xe1\xbb in 2024 \"\xc3";
    tracuu_question_t *q = NULL;

    cr_assert_eq (tracuu_question_parse (s, sizeof s - 1, &q, NULL),
                  TRACUU_STATUS_OK);
    cr_expect_eq (q->date_from, 20240101);
    cr_expect_str_eq (q->action, "fine");
    cr_expect (strstr (q->text, "\xef\xbf\xbd") != NULL, "%s", q->text);
    tracuu_question_destroy (q);
}

/* A 100 KB question: words, quotes, operators, prefixes and time. */
Test (question, huge_question)
{
    static const char *const parts[] = {
        "phạt ", "tin giả ", "\"xúc phạm ", "OR ", "(", ") ", "năm 2024 ",
        "Bắc Giang ", "-tiktok ", "quý I/2024 ", "@abc ", "từ năm ",
        "2020-", "lũ lụt ", "NOT ", "\xe1\xbb", "how much ",
    };
    size_t len = 100 * 1024, n = 0, k = 0;
    char *s = malloc (len + 1);
    tracuu_question_t *q = NULL;
    char *error = NULL;
    tracuu_status_t st;

    cr_assert_not_null (s);
    while (n < len) {
        const char *part = parts[(k * 7 + k / 3) % (sizeof parts
                                                    / sizeof parts[0])];
        size_t m = strlen (part);

        if (m > len - n)
            m = len - n;
        memcpy (s + n, part, m);
        n += m;
        k++;
    }
    s[len] = '\0';
    st = tracuu_question_parse (s, len, &q, &error);
    cr_assert_eq (st, TRACUU_STATUS_OK, "%s", error ? error : "?");
    cr_expect_str_eq (q->action, "fine");
    cr_expect_not_null (q->explain);
    cr_expect (strlen (q->text) > 1000);
    tracuu_question_destroy (q);

    /* The same bytes as one long word, and as one unclosed quote. */
    memset (s, 'a', len);
    cr_assert_eq (tracuu_question_parse (s, len, &q, NULL), TRACUU_STATUS_OK);
    cr_expect_eq (strlen (q->text), len);
    tracuu_question_destroy (q);
    s[0] = '"';
    cr_assert_eq (tracuu_question_parse (s, len, &q, NULL), TRACUU_STATUS_OK);
    tracuu_question_destroy (q);
    free (s);
}

Test (question, too_long)
{
    size_t len = TRACUU_QUESTION_MAX_BYTES + 1;
    char *s = calloc (len, 1);
    tracuu_question_t *q = NULL;
    char *error = NULL;

    cr_assert_not_null (s);
    cr_expect_eq (tracuu_question_parse (s, len, &q, &error),
                  TRACUU_STATUS_LIMIT_EXCEEDED);
    cr_expect_null (q);
    cr_assert_not_null (error);
    cr_expect (strstr (error, "too long") != NULL, "%s", error);
    free (error);
    free (s);
}

Test (question, missing_lexicons)
{
    tracuu_question_t *q = NULL;
    char *error = NULL;

    setenv ("TRACUU_DATA_DIR", "/nonexistent/tracuu-data", 1);
    cr_expect_eq (tracuu_question_parse ("phạt", 5, &q, &error),
                  TRACUU_STATUS_IO_ERROR);
    cr_expect_null (q);
    cr_assert_not_null (error);
    cr_expect (strstr (error, "/nonexistent/tracuu-data/lexicon/question-")
               != NULL, "%s", error);
    free (error);
}

Test (question, data_path)
{
    char *path = NULL;

    setenv ("TRACUU_DATA_DIR", "/srv/tracuu/data", 1);
    cr_assert_eq (tracuu_data_path ("lexicon/question-time.txt", &path),
                  TRACUU_STATUS_OK);
    cr_expect_str_eq (path, "/srv/tracuu/data/lexicon/question-time.txt");
    free (path);
    cr_assert_eq (tracuu_data_path (NULL, &path), TRACUU_STATUS_OK);
    cr_expect_str_eq (path, "/srv/tracuu/data");
    free (path);
    unsetenv ("TRACUU_DATA_DIR");
    cr_assert_eq (tracuu_data_path ("x", &path), TRACUU_STATUS_OK);
    cr_expect (strlen (path) > 2 && strcmp (path + strlen (path) - 2, "/x")
               == 0, "%s", path);
    free (path);
    cr_expect_eq (tracuu_data_path ("x", NULL), TRACUU_STATUS_NULL_POINTER);
}

/* An action word alone is a search; with anything else, a question. */
Test (question, action_alone_is_text)
{
    static const struct {
        const char *in;
        const char *explain;
    } rows[] = {
        { "xử phạt", "text=\"xử phạt\"" },
        { "fines", "text=\"fines\"" },
        { "xử phạt tin giả", "action=fine category=false_information text=\"\"" },
        { "all fines", "action=fine text=\"\"" },
        { "xử phạt lũ lụt", "action=fine text=\"lũ lụt\"" },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tracuu_question_t *q = NULL;
        char *error = NULL;

        cr_assert_eq (tracuu_question_parse (rows[i].in, strlen (rows[i].in),
                                             &q, &error), 0, "%s", rows[i].in);
        cr_expect_str_eq (q->explain, rows[i].explain, "%s", rows[i].in);
        tracuu_question_destroy (q);
    }
}
