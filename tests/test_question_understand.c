/* Questions that understand: each family of expressions in positive
 * and negative forms, read against a fixed day (20 May 2025). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/question.h"

static void
data_dir (void)
{
    setenv ("TRACUU_DATA_DIR", "../data", 0);
}

TestSuite (understand, .init = data_dir);

typedef struct row {
    const char *in;
    const char *explain;
} row_t;

static tracuu_question_t *
parse (const char *s)
{
    tracuu_question_options_t opts = TRACUU_QUESTION_OPTIONS_INIT;
    tracuu_question_t *q = NULL;
    char *error = NULL;

    opts.today = 20250520;
    cr_assert_eq (tracuu_question_parse_with (s, strlen (s), &opts, &q, &error),
                  TRACUU_STATUS_OK, "%s: %s", s, error ? error : "?");
    return q;
}

static void
check_rows (const row_t *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tracuu_question_t *q = parse (rows[i].in);

        cr_expect_str_eq (q->explain, rows[i].explain, "%s", rows[i].in);
        tracuu_question_destroy (q);
    }
}

#define CHECK(rows) check_rows (rows, sizeof rows / sizeof rows[0])

Test (understand, time_ranges)
{
    static const row_t rows[] = {
        { "phạt từ tháng 1 đến tháng 3 năm 2024",
          "action=fine period=2024-01-01..2024-03-31 text=\"\"" },
        { "phat tu thang 1 den thang 3 nam 2024",
          "action=fine period=2024-01-01..2024-03-31 text=\"\"" },
        { "fines from January to March 2024",
          "action=fine period=2024-01-01..2024-03-31 text=\"\"" },
        { "phạt từ tháng 11 đến tháng 2 năm 2024",
          "action=fine period=2023-11-01..2024-02-29 text=\"\"" },
        { "phạt từ tháng 10/2023 đến tháng 2",
          "action=fine period=2023-10-01..2024-02-29 text=\"\"" },
        { "phạt kể từ năm 2021", "action=fine period=2021-01-01.. text=\"\"" },
        { "phạt từ năm 2021 trở đi", "action=fine period=2021-01-01.. text=\"\"" },
        { "fines since 2021 onwards", "action=fine period=2021-01-01.. text=\"\"" },
        { "fines after 2022", "action=fine period=2023-01-01.. text=\"\"" },
        { "fines before 2023", "action=fine period=..2022-12-31 text=\"\"" },
        { "phạt trước năm 2023", "action=fine period=..2022-12-31 text=\"\"" },
        { "phạt nửa đầu năm 2024",
          "action=fine period=2024-01-01..2024-06-30 text=\"\"" },
        { "phạt quý 2 năm 2024",
          "action=fine period=2024-04-01..2024-06-30 text=\"\"" },
        { "fines in April 2024",
          "action=fine period=2024-04-01..2024-04-30 text=\"\"" },
        /* No year: the current one, or the one the question asks. */
        { "phạt nửa đầu năm", "action=fine period=2025-01-01..2025-06-30 text=\"\"" },
        { "phạt quý 2", "action=fine period=2025-04-01..2025-06-30 text=\"\"" },
        { "phạt tháng 4", "action=fine period=2025-04-01..2025-04-30 text=\"\"" },
        { "fines in April", "action=fine period=2025-04-01..2025-04-30 text=\"\"" },
        { "phạt năm 2024 ngoài quý 1",
          "action=fine period=2024-01-01..2024-12-31 "
          "period!=2024-01-01..2024-03-31 text=\"\"" },
        /* Negative: not times. */
        { "fines that may apply", "action=fine text=\"may apply\"" },
        { "phạt 12/2024/NĐ-CP", "action=fine text=\"12/2024/NĐ-CP\"" },
        { "tháng 13/2024 phạt", "action=fine text=\"tháng 13/2024\"" },
        { "phạt từ 10 người", "action=fine text=\"từ 10 người\"" },
        { "march", "text=\"march\"" },
    };

    CHECK (rows);
}

Test (understand, relative_time)
{
    static const row_t rows[] = {
        { "phạt năm nay", "action=fine period=2025-01-01..2025-12-31 text=\"\"" },
        { "phat nam nay", "action=fine period=2025-01-01..2025-12-31 text=\"\"" },
        { "fines this year", "action=fine period=2025-01-01..2025-12-31 text=\"\"" },
        { "phạt năm ngoái", "action=fine period=2024-01-01..2024-12-31 text=\"\"" },
        { "fines last year", "action=fine period=2024-01-01..2024-12-31 text=\"\"" },
        { "phạt tháng trước", "action=fine period=2025-04-01..2025-04-30 text=\"\"" },
        { "fines last month", "action=fine period=2025-04-01..2025-04-30 text=\"\"" },
        { "phạt tháng này", "action=fine period=2025-05-01..2025-05-31 text=\"\"" },
        { "phạt quý trước", "action=fine period=2025-01-01..2025-03-31 text=\"\"" },
        { "fines this quarter", "action=fine period=2025-04-01..2025-06-30 text=\"\"" },
        { "phạt 3 năm qua", "action=fine period=2022-05-21..2025-05-20 text=\"\"" },
        { "phạt 6 tháng gần đây",
          "action=fine period=2024-11-21..2025-05-20 text=\"\"" },
        { "fines in the past 6 months",
          "action=fine period=2024-11-21..2025-05-20 text=\"\"" },
        { "fines over the last 2 years",
          "action=fine period=2023-05-21..2025-05-20 text=\"\"" },
        /* Negative: "năm" and "qua" apart name no time. */
        { "phạt qua mạng", "action=fine text=\"qua mạng\"" },
        { "năm người bị phạt", "action=fine text=\"năm người\"" },
    };

    CHECK (rows);
}

Test (understand, relative_time_of_the_run)
{
    tracuu_question_t *q = NULL;

    cr_assert_eq (tracuu_question_parse ("phạt năm nay", strlen ("phạt năm nay"),
                                         &q, NULL), TRACUU_STATUS_OK);
    cr_expect_eq (q->date_from, q->today / 10000 * 10000 + 101);
    cr_expect_eq (q->date_to, q->today / 10000 * 10000 + 1231);
    tracuu_question_destroy (q);
}

Test (understand, bad_today)
{
    tracuu_question_options_t opts = TRACUU_QUESTION_OPTIONS_INIT;
    tracuu_question_t *q = NULL;
    char *error = NULL;

    opts.today = 20250230;
    cr_expect_eq (tracuu_question_parse_with ("x", 1, &opts, &q, &error),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_expect_null (q);
    cr_assert_not_null (error);
    cr_expect (strstr (error, "20250230") != NULL, "%s", error);
    free (error);
}

Test (understand, amounts)
{
    static const row_t rows[] = {
        { "phạt trên 10 triệu", "action=fine amount=10000001.. text=\"\"" },
        { "phat tren 10 trieu", "action=fine amount=10000001.. text=\"\"" },
        { "fines over 10 million", "action=fine amount=10000001.. text=\"\"" },
        { "fines of more than 100 million đồng",
          "action=fine amount=100000001.. text=\"\"" },
        { "phạt từ 5 đến 10 triệu đồng",
          "action=fine amount=5000000..10000000 text=\"\"" },
        { "phạt từ 5 triệu đồng đến 10 triệu đồng",
          "action=fine amount=5000000..10000000 text=\"\"" },
        { "fines between 5 and 10 million",
          "action=fine amount=5000000..10000000 text=\"\"" },
        { "phạt 10-50 triệu", "action=fine amount=10000000..50000000 text=\"\"" },
        { "phạt dưới 1 tỷ", "action=fine amount=..999999999 text=\"\"" },
        { "phat duoi 1 ty", "action=fine amount=..999999999 text=\"\"" },
        { "fines below 1 million đồng", "action=fine amount=..999999 text=\"\"" },
        { "phạt ít nhất 5 triệu", "action=fine amount=5000000.. text=\"\"" },
        { "phạt không quá 2 triệu", "action=fine amount=..2000000 text=\"\"" },
        { "fines of at most 2 million", "action=fine amount=..2000000 text=\"\"" },
        { "phạt 10 triệu trở lên", "action=fine amount=10000000.. text=\"\"" },
        { "phạt 7,5 triệu đồng", "action=fine amount=7500000..7500000 text=\"\"" },
        { "phạt 1,5 tỷ", "action=fine amount=1500000000..1500000000 text=\"\"" },
        { "fines of 1.5 billion",
          "action=fine amount=1500000000..1500000000 text=\"\"" },
        { "phạt 20.000.000 đồng", "action=fine amount=20000000..20000000 text=\"\"" },
        { "fines over 10,000,000 VND", "action=fine amount=10000001.. text=\"\"" },
        { "phạt trên 500 nghìn", "action=fine amount=500001.. text=\"\"" },
        { "fines over 10 million in 2024",
          "action=fine period=2024-01-01..2024-12-31 amount=10000001.. text=\"\"" },
        { "phạt trên 5 triệu dưới 20 triệu",
          "action=fine amount=5000001..19999999 text=\"\"" },
        /* Negative: numbers that are no amounts. */
        { "phạt trên Facebook", "action=fine platform=facebook text=\"\"" },
        { "phạt 10 người", "action=fine text=\"10 người\"" },
        { "phạt trên 10 tài khoản", "action=fine text=\"10\"" },
        { "phạt 2024", "action=fine period=2024-01-01..2024-12-31 text=\"\"" },
        { "10 triệu", "amount=10000000..10000000 text=\"\"" },
    };

    CHECK (rows);
}

Test (understand, exclusions)
{
    static const row_t rows[] = {
        { "phạt năm 2024 ngoài Bắc Giang",
          "action=fine province!=\"Bắc Giang\" period=2024-01-01..2024-12-31 "
          "text=\"\"" },
        { "fines in 2024 excluding Bắc Giang",
          "action=fine province!=\"Bắc Giang\" period=2024-01-01..2024-12-31 "
          "text=\"\"" },
        { "phạt trừ tỉnh Bắc Giang và Lạng Sơn",
          "action=fine province!=\"Bắc Giang\" province!=\"Lạng Sơn\" text=\"\"" },
        { "phạt không kể Bắc Giang, Lạng Sơn",
          "action=fine province!=\"Bắc Giang\" province!=\"Lạng Sơn\" text=\"\"" },
        { "tong so tien phat khong ke vi pham giao thong",
          "action=fine category!=traffic wants_total=1 text=\"\"" },
        { "fines except TikTok", "action=fine platform!=tiktok text=\"\"" },
        { "fines not traffic", "action=fine category!=traffic text=\"\"" },
        { "xử lý năm 2024 ngoài phạt tiền",
          "action!=fine period=2024-01-01..2024-12-31 text=\"\"" },
        { "phạt ngoài năm 2023",
          "action=fine period!=2023-01-01..2023-12-31 text=\"\"" },
        { "phạt ngoài Bắc Ninh", "action=fine province!=\"Bắc Ninh\" "
          "province!=\"Bắc Giang\" text=\"\"" },
        /* The fielded forms. */
        { "phạt -province:\"Bắc Giang\" -platform:tiktok",
          "action=fine platform!=tiktok province!=\"Bắc Giang\" text=\"\"" },
        { "NOT category:traffic NOT status:proposed phạt",
          "action=fine category!=traffic status!=proposed text=\"\"" },
        /* Negative: the same words excluding nothing. */
        { "phạt người nước ngoài", "action=fine text=\"người nước ngoài\"" },
        { "ngoài ra phạt tin giả", "action=fine category=false_information "
          "text=\"\"" },
        { "phạt ngoài", "action=fine text=\"\"" },
        { "phạt NOT tiktok", "action=fine text=\"NOT tiktok\"" },
        { "phạt -tiktok", "action=fine text=\"-tiktok\"" },
    };

    CHECK (rows);
}

Test (understand, status)
{
    static const row_t rows[] = {
        { "phạt chỉ lập biên bản", "action=fine status=recorded text=\"\"" },
        { "các vụ mới lập biên bản", "action=fine status=recorded kind=case text=\"\"" },
        { "chưa ra quyết định xử phạt",
          "action=fine status=recorded status=proposed text=\"\"" },
        { "chua ra quyet dinh xu phat",
          "action=fine status=recorded status=proposed text=\"\"" },
        { "fines not yet decided", "action=fine status=recorded "
          "status=proposed text=\"\"" },
        { "đề nghị xử phạt", "action=fine status=proposed text=\"\"" },
        /* A status beside another action keeps that action. */
        { "đề nghị khóa thuê bao", "action=subscriber_lock status=proposed "
          "text=\"\"" },
        { "Which fines were proposed but not yet decided?",
          "action=fine status=proposed text=\"\"" },
        { "Những vi phạm nào mới lập biên bản, chưa ra quyết định xử phạt?",
          "action=fine status=recorded text=\"\"" },
        { "phạt đã hủy quyết định", "action=fine status=withdrawn text=\"\"" },
        { "vụ việc chuyển cơ quan điều tra", "status=criminal kind=case text=\"\"" },
        { "fines except proposed ones", "action=fine status!=proposed "
          "text=\"ones\"" },
        /* Negative: a decision to fine is the action, not a status. */
        { "quyết định xử phạt năm 2024",
          "action=fine period=2024-01-01..2024-12-31 text=\"\"" },
        { "recorded fines 2024",
          "action=fine period=2024-01-01..2024-12-31 text=\"recorded\"" },
    };

    CHECK (rows);
}

Test (understand, agencies_and_violators)
{
    static const row_t rows[] = {
        { "phạt do Công an tỉnh xử lý", "action=fine agency=\"Công an tỉnh\" "
          "text=\"\"" },
        { "phat do cong an tinh xu ly", "action=fine agency=\"Công an tỉnh\" "
          "text=\"\"" },
        { "fines by the provincial police", "action=fine agency=\"Công an "
          "tỉnh\" text=\"\"" },
        { "Thanh tra Sở phạt năm 2024", "action=fine agency=\"Thanh tra\" "
          "period=2024-01-01..2024-12-31 text=\"\"" },
        { "phạt cơ quan báo chí", "action=fine violator=press text=\"\"" },
        { "fines on the press", "action=fine violator=press text=\"\"" },
        { "phạt doanh nghiệp năm 2024", "action=fine violator=company "
          "period=2024-01-01..2024-12-31 text=\"\"" },
        { "fines on companies", "action=fine violator=company text=\"\"" },
        { "phạt cá nhân", "action=fine violator=individual text=\"\"" },
        { "fines on individuals", "action=fine violator=individual text=\"\"" },
        { "phạt doanh nghiệp ngoài cơ quan báo chí",
          "action=fine violator=company violator!=press text=\"\"" },
        /* "Which companies" asks for the violators, it filters nothing. */
        { "Doanh nghiệp nào bị phạt về thuế?", "action=fine category=tax "
          "wants=violators wants_kind=company text=\"\"" },
        { "Doanh nghiep nao bi phat ve thue?", "action=fine category=tax "
          "wants=violators wants_kind=company text=\"\"" },
        { "Which companies were fined for tax violations?",
          "action=fine category=tax wants=violators wants_kind=company "
          "text=\"\"" },
        { "ai bị phạt vì tin giả", "action=fine category=false_information "
          "wants=violators text=\"\"" },
        /* Negative: names alone are searched. */
        { "Công an tỉnh", "text=\"Công an tỉnh\"" },
        { "doanh nghiệp", "text=\"doanh nghiệp\"" },
    };

    CHECK (rows);
}

Test (understand, counts_and_reports)
{
    static const row_t rows[] = {
        { "bao nhiêu người bị phạt", "action=fine wants_total=1 "
          "count=violators text=\"\"" },
        { "how many people were fined in Long An",
          "action=fine province=\"Long An\" wants_total=1 count=violators "
          "text=\"\"" },
        { "bao nhiêu tổ chức bị phạt", "action=fine wants_total=1 "
          "count=organizations text=\"\"" },
        { "bao nhiêu vụ phạt tin giả", "action=fine category=false_information "
          "kind=case wants_total=1 count=cases text=\"\"" },
        { "how many subscriber numbers were locked",
          "action=subscriber_lock wants_total=1 count=subscribers text=\"\"" },
        { "bao nhiêu thuê bao bị khóa 2 chiều", "action=subscriber_lock "
          "wants_total=1 count=subscribers text=\"\"" },
        /* "khóa" alone stays a word (a lock of what is not said). */
        { "bao nhiêu thuê bao bị khóa", "action=subscriber_lock wants_total=1 "
          "count=subscribers text=\"khóa\"" },
        { "những báo cáo nào nói về phạt tin giả",
          "action=fine category=false_information wants=reports "
          "text=\"nói\"" },
        { "which reports mention fines for fake news",
          "action=fine category=false_information wants=reports "
          "text=\"mention\"" },
        { "những tài khoản Facebook nào bị xử lý",
          "platform=facebook wants=accounts text=\"\"" },
        { "Which Facebook accounts were fined?",
          "action=fine platform=facebook wants=accounts text=\"\"" },
        /* Negative: a sum is no count; a kind is no list. */
        { "how much was fined in 2024", "action=fine "
          "period=2024-01-01..2024-12-31 wants_total=1 text=\"\"" },
        { "báo cáo năm 2024", "kind=report period=2024-01-01..2024-12-31 "
          "text=\"\"" },
        { "tài khoản Facebook", "text=\"tài khoản Facebook\"" },
    };

    CHECK (rows);
}

/* The categories of the category lexicon, in Vietnamese, without
 * accents and in English. */
Test (understand, categories)
{
    static const struct {
        const char *category;
        const char *phrases[3];
    } rows[] = {
        { "advertising", { "phạt quảng cáo", "phat quang cao", "advertising fines" } },
        { "press", { "phạt vi phạm báo chí", "phat vi pham bao chi", "press fines" } },
        { "telecom", { "phạt viễn thông", "phat vien thong", "telecom fines" } },
        { "food_safety", { "phạt an toàn thực phẩm", "phat an toan thuc pham",
                           "food safety fines" } },
        { "environment", { "phạt về môi trường", "phat ve moi truong",
                           "environmental fines" } },
        { "construction", { "phạt xây dựng trái phép", "phat xay dung trai phep",
                            "fines for illegal construction" } },
        { "traffic", { "phạt vi phạm giao thông", "phat vi pham giao thong",
                       "traffic fines" } },
        { "tax", { "phạt về thuế", "phat ve thue", "tax fines" } },
        { "securities", { "phạt chứng khoán", "phat chung khoan", "securities fines" } },
        { "competition", { "phạt cạnh tranh không lành mạnh",
                           "phat canh tranh khong lanh manh",
                           "fines for unfair competition" } },
        { "tourism", { "phạt trong lĩnh vực du lịch", "phat trong linh vuc du lich",
                       "fines in tourism" } },
        { "health", { "phạt khám chữa bệnh", "phat kham chua benh",
                      "healthcare fines" } },
        { "culture", { "phạt biểu diễn nghệ thuật", "phat bieu dien nghe thuat",
                       "fines for performing arts" } },
        { "gambling", { "phạt đánh bạc", "phat danh bac", "gambling fines" } },
        { "counterfeit_smuggling", { "phạt hàng giả", "phat hang gia",
                                     "fines for counterfeit goods" } },
        { "counterfeit_smuggling", { "xử phạt hàng giả, hàng không rõ nguồn gốc",
                                     "xu phat hang gia, hang khong ro nguon goc",
                                     "fines for counterfeit goods or goods of "
                                     "unknown origin" } },
        { "defamation", { "phạt vì xúc phạm danh dự, nhân phẩm người khác",
                          "phat vi xuc pham danh du, nhan pham nguoi khac",
                          "fines for insulting other people's honour and "
                          "dignity" } },
        { "false_information", { "phạt tin giả", "phat tin gia", "fake news fines" } },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        for (size_t k = 0; k < 3; k++) {
            tracuu_question_t *q = parse (rows[i].phrases[k]);
            char want[128];

            snprintf (want, sizeof want, "action=fine category=%s text=\"\"",
                      rows[i].category);
            cr_expect_str_eq (q->explain, want, "%s", rows[i].phrases[k]);
            tracuu_question_destroy (q);
        }
}

/* The explanation without its text="..." (the words kept differ in
 * their accents only). free() it. */
static char *
filters_of (const char *s)
{
    tracuu_question_t *q = parse (s);
    char *e = strdup (q->explain), *text = strstr (e, " text=\"");

    cr_assert_not_null (e);
    if (text == NULL && strncmp (e, "text=\"", 6) == 0)
        text = e;
    if (text != NULL)
        *text = '\0';
    tracuu_question_destroy (q);
    return e;
}

static size_t
content_words (const char *s)
{
    tracuu_question_t *q = parse (s);
    size_t n = 0;

    for (size_t i = 0; i < q->n_words; i++)
        n += q->words[i].role == TRACUU_ROLE_CONTENT;
    tracuu_question_destroy (q);
    return n;
}

/* An unaccented question reads like the accented one: stop words of
 * one syllable that may be the start of a word stay content. */
Test (understand, unaccented_reads_like_accented)
{
    static const char *const pairs[][2] = {
        { "phạt cơ sở kinh doanh năm 2024", "phat co so kinh doanh nam 2024" },
        { "phạt cơ sở y tế năm 2024", "phat co so y te nam 2024" },
        { "Thanh tra Sở Y tế phạt năm 2024", "Thanh tra So Y te phat nam 2024" },
        { "phạt an ninh mạng năm 2024", "phat an ninh mang nam 2024" },
        { "phạt tổ chức đánh bạc", "phat to chuc danh bac" },
        { "tổng số tiền phạt ở TP Hồ Chí Minh, không kể vi phạm giao thông",
          "tong so tien phat o TP Ho Chi Minh, khong ke vi pham giao thong" },
        { "các khoản phạt về môi trường từ 10 triệu đến 500 triệu đồng",
          "cac khoan phat ve moi truong tu 10 trieu den 500 trieu dong" },
        { "những trường hợp được đề nghị xử phạt nhưng chưa có quyết định",
          "nhung truong hop duoc de nghi xu phat nhung chua co quyet dinh" },
        { "xử phạt vi phạm an toàn thực phẩm bao nhiêu tiền?",
          "xu phat vi pham an toan thuc pham bao nhieu tien?" },
        { "các khoản phạt ở Huế", "cac khoan phat o Hue" },
        { "những khoản phạt trên 1 tỷ đồng", "nhung khoan phat tren 1 ty dong" },
    };

    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char *a = filters_of (pairs[i][0]), *b = filters_of (pairs[i][1]);

        cr_expect_str_eq (b, a, "%s | %s", pairs[i][0], pairs[i][1]);
        cr_expect_eq (content_words (pairs[i][1]), content_words (pairs[i][0]),
                      "%s | %s", pairs[i][0], pairs[i][1]);
        free (a);
        free (b);
    }
}

Test (understand, weak_stop_words)
{
    static const row_t rows[] = {
        { "phat co so y te", "action=fine category=health text=\"co so\"" },
        { "phat an ninh trat tu", "action=fine text=\"an ninh trat tu\"" },
        { "phạt an ninh trật tự", "action=fine text=\"an ninh trật tự\"" },
        { "phat so lieu sai", "action=fine text=\"so lieu sai\"" },
        /* Stop words before a filter, or in English, are dropped. */
        { "cac khoan phat o Ha Noi", "action=fine province=\"Hà Nội\" text=\"\"" },
        { "fines in Hue", "action=fine province=\"Thừa Thiên Huế\" text=\"\"" },
        { "fines to do with gaming", "action=fine category=gaming text=\"\"" },
        { "phat so tien lon", "action=fine text=\"lon\"" },
    };

    CHECK (rows);
}

/* Every word is listed with what it was read as. */
Test (understand, words)
{
    tracuu_question_t *q = parse ("tất cả các khoản phạt tin giả ngoài Bắc "
                                  "Giang \"bão lũ\" trên 5 triệu lụt");
    static const struct {
        const char *text;
        tracuu_question_role_t role;
        const char *meaning;
    } want[] = {
        { "tất cả", TRACUU_ROLE_FILLER, "question wording" },
        { "các khoản", TRACUU_ROLE_FILLER, "question wording" },
        { "phạt", TRACUU_ROLE_FILTER, "action=fine" },
        { "tin giả", TRACUU_ROLE_FILTER, "category=false_information" },
        { "ngoài", TRACUU_ROLE_FILTER, "excludes what follows" },
        { "Bắc Giang", TRACUU_ROLE_FILTER, "province!=Bắc Giang" },
        { "\"bão lũ\"", TRACUU_ROLE_TEXT, "searched as typed" },
        { "trên 5 triệu", TRACUU_ROLE_FILTER, "amount=5000001.." },
        { "lụt", TRACUU_ROLE_CONTENT, "" },
    };

    cr_assert_eq (q->n_words, sizeof want / sizeof want[0], "%zu words",
                  q->n_words);
    for (size_t i = 0; i < q->n_words; i++) {
        cr_expect_str_eq (q->words[i].text, want[i].text);
        cr_expect_eq (q->words[i].role, want[i].role, "%s", want[i].text);
        cr_expect_str_eq (q->words[i].meaning, want[i].meaning);
    }
    cr_expect_str_eq (q->text, "\"bão lũ\" lụt");
    cr_expect_str_eq (tracuu_question_role_name (TRACUU_ROLE_IGNORED), "ignored");
    cr_expect_str_eq (tracuu_question_role_name ((tracuu_question_role_t) 99),
                      "unknown");
    tracuu_question_destroy (q);
}

Test (understand, filters_of_the_struct)
{
    tracuu_question_t *q = parse ("phạt tin giả ngoài TikTok ở Tây Ninh "
                                  "-person:\"Nguyễn Văn A\"");
    static const struct {
        const char *field, *value;
        int exclude;
        int why;
    } want[] = {
        { "person", "Nguyễn Văn A", 1, 0 },     /* Fields first. */
        { "category", "false_information", 0, 0 },
        { "platform", "tiktok", 1, 0 },
        { "province", "Tây Ninh", 0, 0 },
        { "province", "Long An", 0, 1 },
        { "action", "fine", 0, 0 },
    };

    cr_assert_eq (q->n_filters, sizeof want / sizeof want[0], "%zu filters",
                  q->n_filters);
    for (size_t i = 0; i < q->n_filters; i++) {
        cr_expect_str_eq (q->filters[i].field, want[i].field);
        cr_expect_str_eq (q->filters[i].value, want[i].value);
        cr_expect_eq (q->filters[i].exclude, want[i].exclude, "%zu", i);
        cr_expect_eq (q->filters[i].why != NULL, want[i].why, "%zu", i);
    }
    cr_assert_eq (q->n_provinces, 2);
    cr_expect_str_eq (q->provinces[1], "Long An");
    cr_expect_eq (q->n_persons, 0);     /* Excluded: not in the list. */
    cr_assert_eq (q->n_notes, 1);
    cr_expect (strstr (q->notes[0], "Long An") != NULL, "%s", q->notes[0]);
    tracuu_question_destroy (q);
}

Test (understand, new_errors)
{
    static const row_t rows[] = {
        { "status:pending", "bad value \"pending\" for status: expected one of "
          "decided, recorded, proposed, withdrawn, criminal" },
        { "status:undecided", "for status" },
        { "violator:robot", "for violator: expected one of individual, company" },
        { "quarter:2024-Q1", "unknown field 'quarter'; fields are: province, year" },
        { "agency:\"\"", "empty value for agency:" },
        { "phạt trên 10 triệu dưới 5 triệu", "the amounts asked for leave "
          "nothing: at least 10000001 and at most 4999999 đồng" },
        { "amount:5000000.. dưới 1 triệu", "the amounts asked for leave nothing" },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tracuu_question_t *q = NULL;
        char *error = NULL;

        cr_expect_eq (tracuu_question_parse (rows[i].in, strlen (rows[i].in), &q,
                                             &error), TRACUU_STATUS_QUERY_SYNTAX,
                      "%s", rows[i].in);
        cr_expect_null (q);
        cr_assert_not_null (error);
        cr_expect (strstr (error, rows[i].explain) != NULL, "\"%s\" lacks \"%s\"",
                   error, rows[i].explain);
        free (error);
    }
}

/* Cases or reports: the rule of tracuu_question_wants_cases(). */
Test (understand, wants_cases)
{
    static const struct {
        const char *in;
        int cases;
    } rows[] = {
        { "tin giả", 0 },
        { "phạt tin giả", 1 },
        { "province:\"Bắc Giang\" year:2024", 0 },
        { "-province:\"Bắc Giang\" year:2024", 0 },
        { "status:recorded", 1 },
        { "agency:\"Công an\"", 1 },
        { "violator:press", 1 },
        { "trên 10 triệu", 1 },
        { "bao nhiêu người ở Bắc Giang", 1 },
        { "những báo cáo nào năm 2024", 0 },
        { "những báo cáo nào về phạt tin giả", 1 },
        { "kind:report phạt", 0 },
        { "kind:case tin giả", 1 },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tracuu_question_t *q = parse (rows[i].in);

        cr_expect_eq (tracuu_question_wants_cases (q, 0), rows[i].cases, "%s",
                      rows[i].in);
        cr_expect_eq (tracuu_question_wants_cases (q, 1),
                      q->kind == NULL || strcmp (q->kind, "report") != 0,
                      "%s (cases asked)", rows[i].in);
        tracuu_question_destroy (q);
    }
    cr_expect_eq (tracuu_question_wants_cases (NULL, 1), 1);
}
