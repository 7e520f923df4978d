/* Fines in the language of the genre: news and reports about sanctions
 * in every sector, and legal texts beside them. Each rule has sentences
 * where it applies and sentences where it must not. The sentences are
 * written for these tests. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/extract.h"

static tracuu_extraction_t *
run (const char *bytes, tracuu_text_t **text_out)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = NULL;

    cr_assert_eq (tracuu_text_analyze (bytes, strlen (bytes), &text),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_extract (text, &x), TRACUU_STATUS_OK);
    *text_out = text;
    return x;
}

/* The amounts of the fines of 'bytes' with an amount, in text order,
 * as "5000000,300000" ("" when none). */
static char *
fine_amounts (const char *bytes)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (bytes, &text);
    char *out = calloc (1, 1024);
    size_t n = 0;

    cr_assert_not_null (out);
    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++) {
        const tracuu_case_t *k = tracuu_extraction_case (x, i);

        if (k->action != TRACUU_CASE_FINE || k->amount_vnd < 0
            || (k->flags & TRACUU_CASE_HEADLINE))
            continue;
        n += (size_t) snprintf (out + n, 1024 - n, "%s%lld", n ? "," : "",
                                (long long) k->amount_vnd);
    }
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
    return out;
}

typedef struct row {
    const char *text;
    const char *amounts;
} row_t;

static void
check_rows (const row_t *rows, size_t n)
{
    for (size_t r = 0; r < n; r++) {
        char *got = fine_amounts (rows[r].text);

        cr_expect_str_eq (got, rows[r].amounts, "row %zu: \"%s\"", r,
                          rows[r].text);
        free (got);
    }
}

#define CHECK(rows) check_rows ((rows), sizeof (rows) / sizeof (rows)[0])

/* Statutory ranges and bounds are what the law provides, not a fine. */
Test (extract_genre, ranges_and_bounds_are_no_fines)
{
    static const row_t rows[] = {
        { "Người vi phạm bị phạt tiền từ 2.000.000 đồng đến 4.000.000 đồng.\n", "" },
        { "Hành vi này bị phạt từ 8 - 10 triệu đồng theo nghị định mới.\n", "" },
        { "Tài xế chở quá tải có thể bị xử phạt đến 12 triệu đồng.\n", "" },
        { "Mức phạt tối đa với tổ chức vi phạm là 200 triệu đồng.\n", "" },
        { "Chủ xe bị phạt tiền 6.000.000 đồng - 8.000.000 đồng.\n", "" },
        /* The positive forms. */
        { "Công an huyện đã xử phạt tài xế Nguyễn Văn Tâm 12 triệu đồng.\n",
          "12000000" },
        { "Chủ cơ sở đã nộp phạt 3.500.000 đồng.\n", "3500000" },
    };

    CHECK (rows);
}

/* Money that is no fine, alone or in one figure with a fine. */
Test (extract_genre, money_of_other_kinds)
{
    static const row_t rows[] = {
        { "Cục Thuế đã xử phạt và truy thu hơn 12 tỷ đồng đối với công ty.\n", "" },
        { "Doanh nghiệp bị truy thu và phạt 3,2 tỷ đồng vì kê khai sai.\n", "" },
        { "Công ty đã nộp tiền thuế, tiền phạt hơn 20 tỷ đồng vào ngân sách.\n", "" },
        { "Lực lượng chức năng đã xử phạt chủ hàng, tịch thu lô hàng có giá "
          "trị gần 300 triệu đồng.\n", "" },
        { "Đối tượng đưa cho cán bộ số tiền 5 triệu đồng để không bị xử lý.\n", "" },
        { "Đã xử phạt, thu giữ 2 triệu USD (khoảng 50 tỷ đồng).\n", "" },
        /* A fine beside another figure keeps its own amount. */
        { "Công ty bị truy thu 8 tỷ đồng và bị phạt 1,5 tỷ đồng.\n", "1500000000" },
        { "Ông Lương Văn Hòa bị xử phạt 4 triệu đồng.\n", "4000000" },
        /* ", với số tiền ..." takes up the sentence's measure again, not
         * the figure named just before the comma. */
        { "Công ty Tân Hòa bị phạt 20% do khai sai dẫn đến thiếu số tiền thuế "
          "phải nộp, với số tiền 45 triệu đồng.\n", "45000000" },
        { "Công ty Tân Hòa bị truy thu tiền thuế, với số tiền 45 triệu đồng.\n",
          "" },
    };

    CHECK (rows);
}

/* A news article tells one fine in its headline, lead, caption and
 * body: one case with several sources. */
Test (extract_genre, one_fine_told_several_times)
{
    static const row_t rows[] = {
        { "Tài xế xe tải chở quá tải bị phạt hơn 8 triệu đồng\n\n"
          "Sáng 3-5, Đội CSGT cho biết đã xử phạt tài xế Trần Văn Bảo 8,3 "
          "triệu đồng vì chở hàng quá tải.\n"
          "Tài xế Trần Văn Bảo tại trụ sở Đội CSGT - Ảnh: T.H.\n"
          "Cụ thể, tài xế bị phạt 8,3 triệu đồng và tước bằng lái 2 tháng.\n",
          "8300000" },
        /* Two people, the same amount: two fines. */
        { "Bản tin: Công an phường đã xử phạt ông Lê Văn Hùng 2 triệu đồng.\n"
          "Bà Phạm Thị Mai cũng bị xử phạt 2 triệu đồng.\n",
          "2000000,2000000" },
    };

    CHECK (rows);
}

/* A report lists its cases: the same amount twice is two fines. */
Test (extract_genre, report_lists_its_cases)
{
    static const row_t rows[] = {
        { "UBND TỈNH BẮC GIANG\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n"
          "Số: 12/BC-STTTT\nBắc Giang, ngày 5 tháng 7 năm 2024\n\nBÁO CÁO\n"
          "Kết quả công tác tháng 6 năm 2024\n\n"
          "Thanh tra Sở đã xử phạt ông Nguyễn Văn Hòa 5 triệu đồng do đăng tin "
          "sai sự thật.\n"
          "Công an huyện Lục Nam xử phạt Công ty TNHH Minh Phát 5 triệu đồng do "
          "in xuất bản phẩm không phép.\n",
          "5000000,5000000" },
    };

    CHECK (rows);
}

/* Amounts introduced by "mức phạt", written in words, in two units, or
 * without "đồng" in a headline. */
Test (extract_genre, amount_introducers_and_forms)
{
    static const row_t rows[] = {
        { "Sở Y tế ban hành quyết định xử phạt nhà thuốc, mức phạt là 15 triệu "
          "đồng.\n", "15000000" },
        { "Hai tài xế đã bị xử phạt với tổng mức phạt tiền 9 triệu đồng.\n",
          "9000000" },
        { "Chủ quán karaoke bị phạt hơn 42 triệu vì gây ồn ào.\n", "42000000" },
        { "Đội CSGT đã xử phạt một triệu đồng đối với người đi xe máy.\n",
          "1000000" },
        { "Toàn tỉnh đã xử phạt 1.250 trường hợp, phạt tiền 2 tỷ 340 triệu "
          "đồng.\n", "2340000000" },
        { "Công ty bị xử phạt 1,2 tỉ đồng.\n", "1200000000" },
        /* "triệu" before a counted noun is no money. */
        { "Cơ quan thuế đã xử phạt 12 doanh nghiệp, với 1,5 triệu người dùng.\n", "" },
    };

    CHECK (rows);
}

/* Hypotheses and plans are no fine; a later "sẽ" does not undo one. */
Test (extract_genre, hypotheses_and_plans)
{
    static const row_t rows[] = {
        { "Nếu chỉ phạt 10 triệu đồng thì chưa đủ sức răn đe.\n", "" },
        { "Người bán hàng rong bị phạt 2 triệu đồng nếu lấn chiếm vỉa hè.\n", "" },
        { "Tài xế dự kiến bị phạt 20 triệu đồng.\n", "" },
        { "Bà Trần Thị Lan bị phạt 500.000 đồng nhưng không đồng ý, nói sẽ "
          "khiếu nại.\n", "500000" },
        { "Ông Hồ Văn Sơn đã bị phạt 3 triệu đồng, nếu tái phạm sẽ bị xử lý "
          "nặng hơn.\n", "3000000" },
        /* What happens each time, of nobody in particular; "sau khi" is
         * a time, and a named violator is a case. */
        { "Các xe quá tải khi bị kiểm tra chỉ nộp phạt 5 triệu đồng rồi chạy "
          "tiếp.\n", "" },
        { "Ngay sau khi bị phản ánh, Sở đã xử phạt công ty 45 triệu đồng.\n",
          "45000000" },
        { "Ông Lê Văn Tám khi bị kiểm tra đã nộp phạt 5 triệu đồng.\n",
          "5000000" },
        { "Khi bị kiểm tra, tài xế xe khách không xuất trình được giấy tờ, bị "
          "phạt 5 triệu đồng.\n", "5000000" },
    };

    CHECK (rows);
}

/* The category of each fine, "a,b" in text order ("-" for none). */
static char *
fine_categories (const char *bytes)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (bytes, &text);
    char *out = calloc (1, 1024);
    size_t n = 0;

    cr_assert_not_null (out);
    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++) {
        const tracuu_case_t *k = tracuu_extraction_case (x, i);
        int any = 0;

        if (k->action != TRACUU_CASE_FINE)
            continue;
        n += (size_t) snprintf (out + n, 1024 - n, "%s", n ? " " : "");
        for (unsigned b = 0; b < tracuu_case_category_count (); b++)
            if (k->categories & (1u << b))
                n += (size_t) snprintf (out + n, 1024 - n, "%s%s",
                                        any++ ? "," : "",
                                        tracuu_case_category_name (b));
        if (!any)
            n += (size_t) snprintf (out + n, 1024 - n, "-");
    }
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
    return out;
}

/* Categories of every sector, from the clause, the next sentence, the
 * headline; never from the title of a cited decree. */
Test (extract_genre, categories_of_the_genre)
{
    static const row_t rows[] = {
        { "Tài xế xe khách vượt đèn đỏ bị phạt 4 triệu đồng.\n", "traffic" },
        { "Sở Du lịch đã xử phạt công ty lữ hành 30 triệu đồng.\n", "tourism" },
        { "Cơ sở sản xuất giò chả dùng hàn the bị phạt 20 triệu đồng.\n",
          "food_safety" },
        { "Công ty xả nước thải chưa qua xử lý bị phạt 150 triệu đồng.\n",
          "environment" },
        { "Chủ đầu tư bị phạt 60 triệu đồng vì xây dựng không phép.\n",
          "construction" },
        { "Ông Trần Minh bị xử phạt 25 triệu đồng vì thao túng cổ phiếu.\n",
          "securities" },
        { "Nhà thuốc bán thuốc kê đơn không có đơn bị phạt 5 triệu đồng.\n",
          "health" },
        /* The next sentence names the violation. */
        { "Tin vắn trong ngày\n\nCông an quận đã xử phạt ông Lê Hải 7 triệu "
          "đồng. Ông Hải đã đăng thông tin sai sự thật về dịch bệnh lên mạng "
          "xã hội.\n", "false_information" },
        /* The headline names it. */
        { "Phạt nặng quán karaoke gây ồn ào\n\nChủ quán Nguyễn Thu bị xử phạt "
          "12 triệu đồng.\n", "culture" },
        /* Nothing near the amount: the field the story names most,
         * more than half of its mentions; who took part ("các cơ quan
         * báo chí") and acts of many fields ("công bố thông tin") are
         * not counted. */
        { "Giải oan cho làng cá khô\n\nSở đã công bố thông tin kết quả "
          "kiểm tra an toàn thực phẩm cho các cơ quan báo chí. Mẫu cá khô "
          "có chất cấm. Qua hai đợt kiểm tra, tỉnh đã xử phạt năm cơ sở với "
          "số tiền 300 triệu đồng và đình chỉ hoạt động các cơ sở vi phạm. "
          "Nhiều cơ quan báo chí đã phản ánh. Nếu để xảy ra ngộ độc thực "
          "phẩm, cơ sở sẽ bị truy tố.\n", "food_safety" },
        /* What the violator did, told by name apart from the fine. */
        { "Chuyện ở phường Kim Mã\n\nTheo công an, ông Lê Văn Tài đã có "
          "hành vi vu khống người khác. Ông Tài làm nghề tự do, sống ở phường "
          "Kim Mã. Công an quận đã xử phạt ông Lê Văn Tài 5 triệu đồng.\n",
          "defamation" },
        /* The title of the cited decree names no category. */
        { "Theo Nghị định 38/2021 quy định xử phạt trong lĩnh vực văn hóa và "
          "quảng cáo, bà Đỗ Hạnh bị phạt 10 triệu đồng.\n", "-" },
    };

    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        char *got = fine_categories (rows[r].text);

        cr_expect_str_eq (got, rows[r].amounts, "row %zu: \"%s\"", r,
                          rows[r].text);
        free (got);
    }
}

/* The first fine of 'bytes'. */
static const tracuu_case_t *
first_fine (tracuu_extraction_t *x)
{
    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++)
        if (tracuu_extraction_case (x, i)->action == TRACUU_CASE_FINE)
            return tracuu_extraction_case (x, i);
    cr_assert_fail ("no fine");
    return NULL;
}

/* Decided, recorded, proposed, withdrawn. */
Test (extract_genre, status_of_a_fine)
{
    static const struct {
        const char *text;
        tracuu_case_status_t status;
    } rows[] = {
        { "Thanh tra Sở đã ra quyết định xử phạt công ty 30 triệu đồng.\n",
          TRACUU_CASE_DECIDED },
        { "Đội CSGT đã lập biên bản vi phạm hành chính đối với tài xế Vũ Nam, "
          "mức phạt dự tính 6 triệu đồng.\n", TRACUU_CASE_RECORDED },
        { "Đoàn kiểm tra đã lập biên bản tạm giữ hàng hóa, xử phạt chủ cơ sở 4 "
          "triệu đồng.\n", TRACUU_CASE_DECIDED },
        /* The record of a fine imposed on the spot. */
        { "UBND phường đã lập biên bản xử phạt vi phạm hành chính 1 triệu đồng "
          "đối với bà Lê Thị Hoa.\n", TRACUU_CASE_DECIDED },
        { "Công an phường đã lập biên bản vi phạm hành chính đối với bà Lê Thị "
          "Hoa, tổng số tiền phạt 1 triệu đồng.\n", TRACUU_CASE_RECORDED },
        { "Lực lượng chức năng đã lập biên bản hành chính xử phạt ông Lê Văn "
          "Khải 5,5 triệu đồng.\n", TRACUU_CASE_RECORDED },
        { "Công an xã đề nghị UBND huyện xử phạt ông Hà Văn Tư 7 triệu đồng.\n",
          TRACUU_CASE_PROPOSED },
        { "UBND thành phố đã hủy quyết định xử phạt 90 triệu đồng đối với ông "
          "Lâm Văn Tú.\n", TRACUU_CASE_WITHDRAWN },
    };

    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        tracuu_text_t *text = NULL;
        tracuu_extraction_t *x = run (rows[r].text, &text);

        cr_expect_eq (first_fine (x)->status, rows[r].status, "row %zu: %s",
                      r, tracuu_case_status_name (first_fine (x)->status));
        tracuu_extraction_destroy (x);
        tracuu_text_destroy (text);
    }
}

/* "mỗi người": the amount is each violator's, and the count is theirs. */
Test (extract_genre, per_violator_amounts)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (
        "Công an huyện đã xử phạt 6 thanh niên đua xe trái phép. Mỗi người bị "
        "phạt 4 triệu đồng.\n", &text);
    const tracuu_case_t *k = first_fine (x);

    cr_expect_eq (k->amount_vnd, 4000000);
    cr_expect (k->flags & TRACUU_CASE_PER_VIOLATOR);
    cr_expect_eq (k->violators, 6);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);

    x = run ("Đội CSGT đã xử phạt 3 tài xế, tổng số tiền 9 triệu đồng.\n", &text);
    k = first_fine (x);
    cr_expect (!(k->flags & TRACUU_CASE_PER_VIOLATOR));
    cr_expect_eq (k->violators, 3);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
}

/* A count of the people a violation harmed or carried, or a number in a
 * name, is no count of violators. */
Test (extract_genre, counts_that_are_not_violators)
{
    static const char *texts[] = {
        "Cơ sở bánh ngọt bị phạt 45 triệu đồng vì làm hơn 30 người ngộ độc.\n",
        "Chủ xe khách bị phạt 12 triệu đồng do xe chở 52 người, vượt số chỗ.\n",
        "Cửa hàng số 17 bị xử phạt 8 triệu đồng vì bán hàng giả.\n",
    };

    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        tracuu_text_t *text = NULL;
        tracuu_extraction_t *x = run (texts[t], &text);
        const tracuu_case_t *k = first_fine (x);

        cr_assert (k != NULL, "text %zu", t);
        cr_expect_leq (k->violators, 1, "text %zu: %u violators", t,
                       (unsigned) k->violators);
        tracuu_extraction_destroy (x);
        tracuu_text_destroy (text);
    }
}

/* Where and when: the day of the decision; no province for a central
 * authority or from a company's name. */
Test (extract_genre, year_and_province_of_a_fine)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (
        "Doanh nghiệp bị phạt vì thao túng giá\n\n"
        "Theo Luật Chứng khoán năm 2006, hành vi này bị nghiêm cấm. Ngày "
        "20/3/2019, Ủy ban Chứng khoán Nhà nước đã xử phạt Công ty cổ phần "
        "Thép Nghệ An 350 triệu đồng.\n", &text);
    const tracuu_case_t *k = first_fine (x);

    cr_expect_eq (k->amount_vnd, 350000000);
    cr_expect_eq (k->from / 10000, 2019, "%d", k->from);
    cr_expect_eq (k->to / 10000, 2019, "%d", k->to);
    cr_expect_null (k->province, "%s", k->province);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);

    x = run ("Phạt quán ăn ở Đà Nẵng\n\nNgày 4/5/2021, UBND quận Hải Châu đã "
             "xử phạt quán ăn 15 triệu đồng vì vi phạm an toàn thực phẩm.\n",
             &text);
    k = first_fine (x);
    cr_expect_str_eq (k->province, "Đà Nẵng");
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
}

/* The titles of other stories listed after a news article's byline are
 * not of its place. */
Test (extract_genre, titles_after_the_byline)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (
        "Phạt chủ quán karaoke hoạt động quá giờ\n\n"
        "Ngày 3/5, Công an quận Hải Châu, Đà Nẵng đã xử phạt chủ quán karaoke "
        "20 triệu đồng vì hoạt động quá giờ quy định.\n"
        "Chủ quán cho biết sẽ chấp hành nghiêm.\n"
        "Minh Tâm\n"
        "Tài xế xe tải chở quá tải bị phạt 40 triệu đồng\n", &text);
    size_t seen = 0;

    cr_expect_str_eq (tracuu_extraction_meta (x)->signer, "Minh Tâm");
    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++) {
        const tracuu_case_t *k = tracuu_extraction_case (x, i);

        if (k->amount_vnd == 20000000) {
            cr_expect_str_eq (k->province, "Đà Nẵng");
            seen++;
        } else if (k->amount_vnd == 40000000) {
            cr_expect_null (k->province, "%s", k->province);
            seen++;
        }
    }
    cr_expect_eq (seen, 2);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
}

/* Text typed without diacritics is read by its folded forms. */
Test (extract_genre, text_without_diacritics)
{
    static const row_t rows[] = {
        { "Cong an huyen da xu phat ong Tran Van Binh 5 trieu dong vi dang tin "
          "sai su that tren mang xa hoi. Cong ty bi truy thu 2 ty dong tien "
          "thue. Nguoi vi pham co the bi phat tien tu 2 den 3 trieu dong theo "
          "quy dinh hien hanh cua phap luat.\n", "5000000" },
        /* The same words with diacritics. */
        { "Công an huyện đã xử phạt ông Trần Văn Bình 5 triệu đồng vì đăng tin "
          "sai sự thật trên mạng xã hội.\n", "5000000" },
    };

    CHECK (rows);
}

/* A dateline alone on an early line dates a news article. */
Test (extract_genre, news_datelines)
{
    static const struct {
        const char *text;
        const char *date;
    } rows[] = {
        { "Phạt tài xế chở quá tải\nNgày 05/9/2024\n\nTài xế bị phạt 5 triệu "
          "đồng.\n", "2024-09-05" },
        { "16/03/2020 - 17:01\nPhạt chủ quán karaoke\n\nChủ quán bị phạt 8 "
          "triệu đồng.\n", "2020-03-16" },
        { "Thứ Hai, 07/10/2019 10:30 (GMT+7)\nPhạt công ty xả thải\n", "2019-10-07" },
        /* A date in a sentence is no dateline. */
        { "Phạt tài xế\n\nNgày 05/9/2024, Đội CSGT đã xử phạt tài xế 5 triệu "
          "đồng vì chở quá tải trên quốc lộ.\n", NULL },
    };

    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        tracuu_text_t *text = NULL;
        tracuu_extraction_t *x = run (rows[r].text, &text);
        const char *got = tracuu_extraction_meta (x)->date_text;

        if (rows[r].date == NULL)
            cr_expect_null (got, "row %zu: %s", r, got);
        else
            cr_expect (got != NULL && strcmp (got, rows[r].date) == 0,
                       "row %zu: %s", r, got ? got : "(null)");
        tracuu_extraction_destroy (x);
        tracuu_text_destroy (text);
    }
}

/* Who was sanctioned: a person, a company, the press, an organization. */
Test (extract_genre, violator_kinds)
{
    static const struct {
        const char *text;
        uint32_t kinds;
    } rows[] = {
        { "Sở đã xử phạt bà Lê Thị Thu 3 triệu đồng.\n", TRACUU_VIOLATOR_INDIVIDUAL },
        { "Công ty TNHH Hoàng Long bị phạt 40 triệu đồng.\n", TRACUU_VIOLATOR_COMPANY },
        { "Bộ đã xử phạt một cơ quan báo chí 25 triệu đồng.\n", TRACUU_VIOLATOR_PRESS },
        { "Thanh tra đã xử phạt 02 tổ chức, cá nhân 8 triệu đồng về hành vi "
          "xúc phạm cơ quan nhà nước.\n",
          TRACUU_VIOLATOR_INDIVIDUAL | TRACUU_VIOLATOR_ORGANIZATION },
    };

    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        tracuu_text_t *text = NULL;
        tracuu_extraction_t *x = run (rows[r].text, &text);

        cr_expect_eq (first_fine (x)->violator_kinds, rows[r].kinds,
                      "row %zu: %#x", r, first_fine (x)->violator_kinds);
        tracuu_extraction_destroy (x);
        tracuu_text_destroy (text);
    }
}

/* Parts of a stated total are its members; the total is kept. */
Test (extract_genre, parts_of_a_total)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (
        "Bản tin tổng hợp\n\nTổng số tiền xử phạt trong tháng hơn 2,4 tỷ đồng. "
        "Trong đó, Thanh tra Sở phạt số tiền gần 1,5 tỷ đồng. Còn lại các "
        "huyện phạt hơn 900 triệu đồng.\n"
        "Chủ cơ sở bị phạt 30 triệu đồng, tổng số tiền phạt của cả nhóm là 90 "
        "triệu đồng.\n", &text);
    long total = -1, group = -1;
    size_t members = 0;

    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++) {
        const tracuu_case_t *k = tracuu_extraction_case (x, i);

        if (k->amount_vnd == 2400000000)
            total = (long) i;
        if (k->amount_vnd == 90000000)
            group = (long) i;
    }
    cr_assert_geq (total, 0);
    cr_assert_geq (group, 0);
    cr_expect_eq (tracuu_extraction_case (x, (size_t) total)->parent, -1);
    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++) {
        const tracuu_case_t *k = tracuu_extraction_case (x, i);

        if (k->amount_vnd == 1500000000 || k->amount_vnd == 900000000) {
            cr_expect_eq (k->parent, total, "%lld", (long long) k->amount_vnd);
            members++;
        }
        if (k->amount_vnd == 30000000) {
            cr_expect_eq (k->parent, group);
            members++;
        }
    }
    cr_expect_eq (members, 3);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
}

/* A headline that tells the bound of a range told in the lead is that
 * range: no amount of its own. A fine of its own stays. */
Test (extract_genre, range_told_short)
{
    static const row_t rows[] = {
        { "Nhóm thanh niên đua xe bị phạt 900.000 đồng\n\n"
          "Năm thanh niên đua xe trên đê đã bị phạt từ 600.000 đồng đến 900.000 "
          "đồng.\n", "" },
        { "Nhóm thanh niên đua xe bị phạt 900.000 đồng\n\n"
          "Công an xã đã xử phạt anh Lò Văn Pình 900.000 đồng.\n", "900000" },
    };

    CHECK (rows);
}

/* Each violator's share of a fine told just before is a part of it; a
 * fine in a foreign currency counts in đồng through its conversion only
 * when the foreign amount is the fine's. */
Test (extract_genre, shares_and_conversions)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (
        "Công an huyện đã xử phạt Lê Văn An và Trần Văn Bảo 12 triệu đồng. "
        "Mỗi trường hợp bị xử phạt 6 triệu đồng.\n", &text);
    const tracuu_case_t *share = NULL;

    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++)
        if (tracuu_extraction_case (x, i)->amount_vnd == 6000000)
            share = tracuu_extraction_case (x, i);
    cr_assert_not_null (share);
    cr_expect (share->flags & TRACUU_CASE_PER_VIOLATOR);
    cr_expect_eq (share->violators, 2);
    cr_expect_geq (share->parent, 0);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);

    {
        static const row_t rows[] = {
            { "Công ty bị cơ quan quản lý nước ngoài xử phạt, chịu mức phạt 2 "
              "triệu USD (khoảng 46 tỷ đồng).\n", "46000000000" },
            { "Theo quyết định xử phạt, công ty phải nộp đủ số tiền 2 triệu USD "
              "(khoảng 46 tỷ đồng).\n", "" },
        };

        CHECK (rows);
    }
}

/* A news article without a dateline: the one year its headline and lead
 * name is the story's; a law's year later in the text is not. */
Test (extract_genre, year_of_the_story)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (
        "Xử phạt hàng loạt xe quá tải trong tháng 3 năm 2021\n\n"
        "Lực lượng chức năng đã kiểm tra nhiều tuyến quốc lộ.\n"
        "Đội CSGT đã xử phạt chủ xe tải 18 triệu đồng. Theo Luật Giao thông "
        "đường bộ năm 2008, hành vi này bị nghiêm cấm.\n", &text);
    const tracuu_case_t *k = first_fine (x);

    cr_expect_eq (k->from / 10000, 2021, "%d", k->from);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);

    x = run ("Tài xế bị phạt vì chở quá tải\n\nĐội CSGT đã xử phạt chủ xe tải 18 "
             "triệu đồng. Theo Luật Giao thông đường bộ năm 2008, hành vi này bị "
             "nghiêm cấm.\n", &text);
    k = first_fine (x);
    cr_expect_eq (k->from, 0, "%d", k->from);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
}

/* Two fines of one amount in a report, neither naming a person: two
 * cases, two keys. */
Test (extract_genre, unnamed_fines_of_one_amount)
{
    static const char report[] =
        "UBND TỈNH BẮC GIANG\nSỞ THÔNG TIN VÀ TRUYỀN THÔNG\n"
        "Số: 15/BC-STTTT\nBắc Giang, ngày 5 tháng 7 năm 2024\n\nBÁO CÁO\n"
        "Kết quả công tác tháng 6 năm 2024\n\n"
        "- Xử phạt vi phạm hành chính (3.000.000 đồng) đối với Điểm cung cấp "
        "dịch vụ trò chơi điện tử công cộng Sao Mai về hành vi hoạt động quá giờ.\n"
        "- Xử phạt vi phạm hành chính (3.000.000 đồng) đối với Điểm cung cấp "
        "dịch vụ trò chơi điện tử công cộng Hòa Bình về hành vi hoạt động quá giờ.\n";
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = run (report, &text);
    const tracuu_case_t *a = NULL, *b = NULL;

    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++) {
        const tracuu_case_t *k = tracuu_extraction_case (x, i);

        if (k->amount_vnd == 3000000)
            *(a == NULL ? &a : &b) = k;
    }
    cr_assert_not_null (a);
    cr_assert_not_null (b);
    cr_expect_str_neq (a->key, b->key);
    cr_expect_eq (strlen (b->key), strlen (a->key) + 2, "%s %s", a->key, b->key);
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
}

/* A legal text gives no fine: its articles say what the law provides. */
Test (extract_genre, legal_texts_give_no_fine)
{
    static const row_t rows[] = {
        { "Điều 5. Vi phạm quy định về quảng cáo\n"
          "1. Phạt tiền 2.000.000 đồng đối với hành vi treo biển quảng cáo "
          "che khuất đèn tín hiệu.\n"
          "Điều 6. Vi phạm quy định về biển hiệu\n"
          "1. Phạt tiền 3.000.000 đồng đối với hành vi không ghi tên cơ quan "
          "chủ quản.\n"
          "Điều 7. Vi phạm quy định về băng rôn\n"
          "1. Phạt tiền 1.000.000 đồng đối với hành vi treo băng rôn sai quy "
          "định.\n", "" },
        /* A real fine told in a legal Q&A stays. */
        { "Điều 5. Vi phạm quy định về quảng cáo\nĐiều 6. Vi phạm quy định "
          "về biển hiệu\nĐiều 7. Vi phạm quy định về băng rôn\n"
          "Tháng trước, Thanh tra Sở đã xử phạt Công ty Ánh Dương 2.000.000 "
          "đồng vì treo biển quảng cáo che khuất đèn tín hiệu.\n", "2000000" },
    };

    CHECK (rows);
}

/* A citation mark glued to the full stop ends the sentence: the fine
 * before it is not undone by the plan after it. */
Test (extract_genre, citation_marks_end_sentences)
{
    static const row_t rows[] = {
        { "Công an huyện đã xử phạt ông Lê Văn Tâm 6 triệu đồng vì đăng tin sai "
          "sự thật vào tháng 5 năm 2019.[12] Do đó, cơ quan chức năng sẽ tiếp "
          "tục xử phạt những trường hợp tương tự.\n", "6000000" },
    };

    CHECK (rows);
}
