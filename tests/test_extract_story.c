/* Fines of news stories and reports, as real text tells them: who and
 * how many were fined, the parts of a total, a fine told twice or two
 * fines of one amount, the year and the province of a fine, where it
 * stands. Each rule has sentences where it applies and sentences where
 * it must not; all are written for these tests. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/extract.h"

/* What summary() prints of each fine. */
typedef enum what {
    AMOUNTS,                    /* "5000000" */
    VIOLATORS,                  /* "5000000=3", "5000000=3*" per violator */
    PARENTS,                    /* "5000000=20000000": the amount of its total */
    YEARS,                      /* "5000000=2023" */
    PROVINCES,                  /* "5000000=Hà Nội" */
    STATUSES,                   /* "5000000=proposed" */
    PLATFORMS                   /* "5000000=facebook,zalo" */
} what_t;

/* The fines of 'bytes' (headlines of lists left out) in case order,
 * "amount=value" joined by " "; "-" for an amount or a value not told. */
static char *
summary (const char *bytes, what_t what)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = NULL;
    char *out = calloc (1, 2048);
    size_t n = 0;

    cr_assert_not_null (out);
    cr_assert_eq (tracuu_text_analyze (bytes, strlen (bytes), &text),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_extract (text, &x), TRACUU_STATUS_OK);
    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++) {
        const tracuu_case_t *k = tracuu_extraction_case (x, i);
        char amount[32] = "-", value[128] = "-";

        if (k->action != TRACUU_CASE_FINE || (k->flags & TRACUU_CASE_HEADLINE))
            continue;
        if (k->amount_vnd >= 0)
            snprintf (amount, sizeof amount, "%lld", (long long) k->amount_vnd);
        switch (what) {
        case AMOUNTS:
            break;
        case VIOLATORS:
            if (k->violators >= 0)
                snprintf (value, sizeof value, "%lld%s", (long long) k->violators,
                          k->flags & TRACUU_CASE_PER_VIOLATOR ? "*" : "");
            break;
        case PARENTS:
            if (k->parent >= 0)
                snprintf (value, sizeof value, "%lld", (long long)
                          tracuu_extraction_case (x, (size_t) k->parent)->amount_vnd);
            break;
        case YEARS:
            if (k->from > 0 && k->from / 10000 == k->to / 10000)
                snprintf (value, sizeof value, "%d", k->from / 10000);
            break;
        case PROVINCES:
            if (k->province != NULL)
                snprintf (value, sizeof value, "%s", k->province);
            break;
        case STATUSES:
            snprintf (value, sizeof value, "%s", tracuu_case_status_name (k->status));
            break;
        case PLATFORMS:
            for (size_t p = 0, m = 0; p < k->n_platforms; p++)
                m += (size_t) snprintf (value + m, sizeof value - m, "%s%s",
                                        p ? "," : "", k->platforms[p]);
            if (k->n_platforms == 0)
                snprintf (value, sizeof value, "-");
            break;
        }
        n += (size_t) snprintf (out + n, 2048 - n, "%s%s%s%s", n ? " " : "",
                                amount, what == AMOUNTS ? "" : "=",
                                what == AMOUNTS ? "" : value);
    }
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
    return out;
}

typedef struct row {
    const char *text;
    const char *expected;
} row_t;

static void
check_rows (const row_t *rows, size_t n, what_t what)
{
    for (size_t r = 0; r < n; r++) {
        char *got = summary (rows[r].text, what);

        cr_expect_str_eq (got, rows[r].expected, "row %zu: got \"%s\"", r,
                          got);
        free (got);
    }
}

#define CHECK(rows, what) \
    check_rows ((rows), sizeof (rows) / sizeof (rows)[0], (what))

/* Who was fined, how many: the count next to a passive measure, the
 * people a share is each one's. */
Test (extract_story, violators_of_a_fine)
{
    static const row_t rows[] = {
        /* The accounts are the means, the investors the violators. */
        { "Dùng 40 tài khoản để thổi giá cổ phiếu, 3 nhà đầu tư bị xử phạt 2 "
          "tỷ đồng.\n", "2000000000=3" },
        /* One noun phrase with a comma inside: all of it. */
        { "Trong quý, 06 tổ chức, cá nhân bị xử phạt tổng số tiền 30 triệu "
          "đồng.\n", "30000000=6" },
        /* The people the clause names. */
        { "Ủy ban đã ban hành quyết định xử phạt đối với ông Trần Văn Bình và "
          "ông Lê Văn Cường mỗi người 500 triệu đồng.\n", "500000000=2*" },
        /* The people of the sentence before. */
        { "Ngày 3/4/2024, Ủy ban đã xử phạt vi phạm hành chính đối với các cá "
          "nhân: ông Phạm Văn Đức; bà Ngô Thị Hoa, ông Vũ Văn Long. Theo đó, "
          "mỗi cá nhân này bị phạt 200 triệu đồng.\n", "200000000=3*" },
        /* A statute cited is no count ("khoản 6 điểm a" is no "6 điểm"). */
        { "Sở Y tế đã xử phạt 2 cơ sở nha khoa. Lý do: vi phạm khoản 6 điểm a "
          "Điều 39 Nghị định 117. Mức xử phạt là 20 triệu đồng/cơ sở.\n",
          "-=2 20000000=2*" },
        /* "Ngoài ra ... cũng": more of the same, added. */
        { "Xe khách bị phạt\n\nCSGT đã lập biên bản đối với 4 tài xế xe khách "
          "chở quá số người quy định. Ngoài ra, một tài xế xe tải cũng bị lập "
          "biên bản với lỗi tương tự. Mỗi tài xế này bị xử phạt 2 triệu "
          "đồng.\n", "2000000=5*" },
        { "Xe khách bị phạt\n\nCSGT đã lập biên bản đối với 4 tài xế xe khách "
          "chở quá số người quy định. Một tài xế xe tải bị lập biên bản vì đi "
          "sai làn. Mỗi tài xế này bị xử phạt 2 triệu đồng.\n", "2000000=1*" },
        /* Given names joined by "và" before "mỗi người". */
        { "Công an huyện đã xử phạt Tâm và Phúc mỗi người 6 triệu đồng.\n",
          "6000000=2*" },
        { "Công an đã xử phạt Tâm, Lộc và Phúc mỗi người 2 triệu đồng.\n",
          "2000000=3*" },
    };

    CHECK (rows, VIOLATORS);
}

/* The parts of a stated total are its members, in one clause or told
 * after it; fines that do not add up to it are fines of their own. */
Test (extract_story, parts_of_a_total)
{
    static const row_t rows[] = {
        /* "trong đó" after the total's amount. */
        { "Qua thanh tra, đã xử phạt 9 tổ chức, cá nhân với số tiền 120 triệu "
          "đồng, trong đó, tổ chức 80 triệu đồng, cá nhân 40 triệu đồng.\n",
          "120000000=- 80000000=120000000 40000000=120000000" },
        /* Told in the next sentences, adding up to it. */
        { "Hai doanh nghiệp bị phạt 250 triệu đồng\n\n"
          "Chiều 3/6, UBND tỉnh cho biết đã ban hành quyết định xử phạt vi phạm "
          "hành chính tổng cộng 250 triệu đồng. Theo quyết định, Công ty Hưng "
          "Phát bị phạt 100 triệu đồng vì thi công không phép. Công ty Minh "
          "Long bị phạt 150 triệu đồng vì xả thải.\n",
          "250000000=- 100000000=250000000 150000000=250000000" },
        /* Not adding up: fines of their own. */
        { "Hai doanh nghiệp bị phạt\n\n"
          "Chiều 3/6, UBND tỉnh đã xử phạt vi phạm hành chính tổng cộng 250 "
          "triệu đồng. Công ty Hưng Phát bị phạt 100 triệu đồng vì thi công "
          "không phép. Công ty Minh Long bị phạt 120 triệu đồng vì xả thải.\n",
          "-=- 250000000=- 100000000=- 120000000=-" },
        /* A list without fine wording after a total. */
        { "Trong 6 tháng, Sở đã xử phạt 30 tổ chức, cá nhân với tổng số tiền "
          "300 triệu đồng. Cụ thể: lĩnh vực báo chí 200 triệu đồng, thu hồi 2 "
          "giấy phép; lĩnh vực xuất bản 100 triệu đồng.\n",
          "300000000=- 200000000=300000000 100000000=300000000" },
        /* Such a list with no total before it is no fine. */
        { "Kinh phí năm nay như sau. Cụ thể: lĩnh vực báo chí 200 triệu đồng; "
          "lĩnh vực xuất bản 100 triệu đồng.\n", "" },
        /* Each one's share of a total told before, or after. */
        { "Tổng cộng 6 đối tượng đánh bạc bị xử phạt 18 triệu đồng. Công an "
          "phường đã ra quyết định xử phạt mỗi đối tượng 3 triệu đồng.\n",
          "18000000=- 3000000=18000000" },
        { "Công an phường đã xử phạt 6 đối tượng đánh bạc, mỗi đối tượng 3 "
          "triệu đồng. Tổng số tiền phạt của 6 đối tượng là 18 triệu đồng.\n",
          "3000000=18000000 18000000=-" },
        /* A total told as "hơn": two each, and one more, are its parts. */
        { "Nhóm thanh niên bị phạt\n\nCông an vừa xử phạt hơn 12 triệu đồng "
          "nhóm thanh niên dán quảng cáo lên cột điện. Trong nhóm có 3 người. "
          "Công an đã xử phạt Tâm và Phúc mỗi người 6 triệu đồng. Lộc bị xử "
          "phạt 400.000 đồng.\n", "12000000=- 6000000=12000000 400000=12000000" },
        /* Not when they add up to a tenth more. */
        { "Nhóm thanh niên bị phạt\n\nCông an vừa xử phạt hơn 12 triệu đồng "
          "nhóm thanh niên dán quảng cáo lên cột điện. Trong nhóm có 3 người. "
          "Công an đã xử phạt Tâm và Phúc mỗi người 6 triệu đồng. Lộc bị xử "
          "phạt 2 triệu đồng.\n", "12000000=- 6000000=12000000 2000000=-" },
    };

    CHECK (rows, PARENTS);
}

/* A total in parentheses is no share. */
Test (extract_story, a_total_is_no_share)
{
    static const row_t rows[] = {
        { "Sở Y tế đã xử phạt 3 cơ sở. Mỗi cơ sở bị xử phạt 30 triệu đồng "
          "(tổng số tiền 90 triệu đồng).\n", "30000000=3* 90000000=-" },
    };

    CHECK (rows, VIOLATORS);
}

/* Money that is no fine, hypotheses next to a statutory range, a
 * headline figure that sums a fine and other money. */
Test (extract_story, figures_that_are_no_fine)
{
    static const row_t rows[] = {
        { "Qua đó, thu hồi số tiền vi phạm 212 triệu đồng, ban hành 24 quyết "
          "định xử phạt vi phạm hành chính.\n", "" },
        { "Người vi phạm đưa tiền cho CSGT, dù chỉ 100 nghìn đồng hay 200 "
          "nghìn đồng cũng bị xử phạt từ 4 triệu đồng đến 6 triệu đồng.\n", "" },
        /* The fine of the same wording stays. */
        { "Công an huyện đã xử phạt ông Đỗ Văn Hải 4 triệu đồng vì đưa tiền "
          "cho CSGT.\n", "4000000" },
        /* The headline sums the fine and the gains paid back. */
        { "Một nhà đầu tư bị phạt gần 5 tỉ\n\n"
          "Ngày 12/5, Ủy ban Chứng khoán Nhà nước đã ra quyết định xử phạt bà "
          "Lý Thị Mai. Mức phạt gồm phạt tiền 400 triệu đồng và buộc nộp lại "
          "số lợi bất hợp pháp hơn 4,5 tỷ đồng.\n", "- - 400000000" },
        /* A headline the body's shares add up to stays. */
        { "Ba người rải tờ rơi bị phạt hơn 10 triệu\n\n"
          "Công an đã xử phạt hai người rải tờ rơi mỗi người 5 triệu đồng. Ông "
          "Hồ Văn Tám bị xử phạt 350.000 đồng.\n",
          "10000000 5000000 350000" },
    };

    CHECK (rows, AMOUNTS);
}

/* What the law provides is told before the amount; after it, the
 * words tell the violation. */
Test (extract_story, bounds_before_the_amount)
{
    static const row_t rows[] = {
        { "Ngoài ra, công ty còn bị phạt 125 triệu đồng do không bảo đảm tối "
          "thiểu 1/3 thành viên hội đồng quản trị độc lập.\n", "125000000" },
        { "Cụ thể, Công ty Bảo Châu bị xử phạt cao nhất với số tiền 90 triệu "
          "đồng.\n", "90000000" },
        { "Mức phạt cao nhất là 100 triệu đồng.\n", "" },
        { "Công ty có thể bị phạt cao nhất là 100 triệu đồng.\n", "" },
        { "Hành vi này bị phạt tối đa 80 triệu đồng.\n", "" },
    };

    CHECK (rows, AMOUNTS);
}

/* "sẽ bị phạt": a plan, unless a decision or an officer is quoted; an
 * officer's word is a fine written up, not yet decided; a decision's is
 * decided. */
Test (extract_story, what_will_be_fined)
{
    static const row_t rows[] = {
        { "Theo quyết định này, Công ty May Bình An sẽ bị phạt tiền 60 triệu "
          "đồng.\n", "60000000=decided" },
        { "Theo đó, ông Tạ Văn Bốn sẽ bị cấm giao dịch 2 năm, đồng thời chịu "
          "mức phạt 300 triệu đồng.\n", "300000000=decided" },
        { "Theo thiếu tá Lê Văn Hùng, tài xế Phan Văn Tú sẽ bị xử phạt hành "
          "chính 17 triệu đồng.\n", "17000000=recorded" },
        { "Theo quy định, tài xế sẽ bị phạt 17 triệu đồng.\n", "" },
        { "Trong thời gian tới, Sở sẽ xử phạt công ty 10 triệu đồng.\n", "" },
        /* Advised to the body that fines, to consider: not decided yet. */
        { "Phòng Y tế đã tham mưu cho UBND huyện xem xét xử phạt cơ sở 20 triệu "
          "đồng.\n", "20000000=proposed" },
    };

    CHECK (rows, STATUSES);
}

/* One fine told twice: a mention that words no status does not make a
 * record a decision; one that words a decision does. */
Test (extract_story, status_of_a_fine_told_twice)
{
    static const row_t rows[] = {
        { "Xe khách chở quá tải bị phạt\n\n"
          "Nhà xe Hoàng Long bị lập biên bản vi phạm hành chính về hành vi "
          "chở quá số người, tổng số tiền phạt 12 triệu đồng.\n\n"
          "Chiếc xe khách bị lực lượng chức năng xử phạt 12 triệu đồng và "
          "buộc chuyển tải hành khách.\n", "12000000=recorded" },
        { "Nhà xe Hoàng Long bị lập biên bản vi phạm hành chính về hành vi "
          "chở quá số người, tổng số tiền phạt 12 triệu đồng.\n\n"
          "Ngày 20/5, Chủ tịch UBND huyện ra quyết định xử phạt nhà xe Hoàng "
          "Long 12 triệu đồng.\n", "12000000=decided" },
    };

    CHECK (rows, STATUSES);
}

/* A proposal worded after the measure. */
Test (extract_story, proposals_after_the_measure)
{
    static const row_t rows[] = {
        { "Lực lượng chức năng đang hoàn thiện hồ sơ xử phạt hành chính với "
          "mức phạt dự kiến 110 triệu đồng.\n", "110000000=proposed" },
        { "Công an phường đã lập hồ sơ đề xuất xử lý vi phạm hành chính 8 "
          "người với mức phạt 15 triệu đồng.\n", "15000000=proposed" },
        { "Công an phường đã xử phạt 8 người với mức phạt 15 triệu đồng.\n",
          "15000000=decided" },
    };

    CHECK (rows, STATUSES);
}

/* One fine told several times is one case; two fines of one amount
 * told in one sentence, at two times or of two web sites are two. */
Test (extract_story, one_fine_or_two)
{
    static const row_t rows[] = {
        { "Hai TikToker bị phạt\n\n"
          "Sở Thông tin và Truyền thông đã xử phạt TikToker Bông Gòn số tiền "
          "7,5 triệu đồng do đăng clip sai sự thật; xử phạt TikToker Hạt Tiêu "
          "số tiền 7,5 triệu đồng vì đăng clip gây hoang mang.\n",
          "7500000 7500000" },
        { "Tạp chí bị phạt hai lần\n\n"
          "Tháng 3/2021, Tạp chí Sống Xanh bị phạt 50 triệu đồng. Tháng 9/2022, "
          "Tạp chí Sống Xanh bị phạt 50 triệu đồng vì tái phạm.\n",
          "50000000 50000000" },
        { "Xử phạt các trang tin\n\n"
          "Trang tin của Công ty An Phú có tên miền anphu.vn bị xử phạt 15 "
          "triệu đồng. Trang tin của Công ty Hòa Bình có tên miền hoabinh.vn "
          "bị xử phạt 15 triệu đồng.\n", "15000000 15000000" },
        /* The headline and the body: one fine. */
        { "Tài xế bị phạt 7,5 triệu đồng\n\n"
          "Ngày 5/3/2024, Công an huyện đã xử phạt tài xế Lâm Văn Sáu 7,5 triệu "
          "đồng vì chở quá tải.\n", "7500000" },
        /* A person's initials end no sentence. */
        { "Công an xã lập biên bản xử phạt hành chính đối với chị N.T.H. (trú "
          "tại xã Yên Hòa) số tiền 5 triệu đồng.\n", "5000000" },
    };

    CHECK (rows, AMOUNTS);
}

/* The year of a news fine: its clause, else the nearest time told before
 * it, else (a headline) the first of the body; never a cited text's
 * day, a comparison, a history or a birth year. */
Test (extract_story, year_of_a_news_fine)
{
    static const row_t rows[] = {
        { "Cơ sở bị phạt vì ngộ độc\n\n"
          "Ngày 12/3/2023, đoàn kiểm tra phát hiện cơ sở vi phạm. Cơ sở của ông "
          "Hà Văn Sinh (SN 1985) bị phạt 50 triệu đồng.\n", "50000000=2023" },
        /* A headline before any date. */
        { "Hai nhà đầu tư bị phạt 3 tỷ đồng\n\n"
          "Ủy ban xử lý vụ việc. Hai người bị cấm giao dịch từ ngày 10/1/2024.\n",
          "3000000000=2024" },
        { "Tạp chí bị phạt\n\n"
          "Trong đó, xử phạt tạp chí 70 triệu đồng, tước giấy phép hoạt động "
          "số 450/GP-BTTTT ngày 08/10/2020.\n", "70000000=-" },
        { "Năm 2023, Sở đã xử phạt 98 tổ chức, cá nhân với tổng số tiền 1,2 tỷ "
          "đồng, tăng 20% so với năm 2022.\n", "1200000000=2023" },
        { "Công ty bị phạt\n\nĐoàn kiểm tra làm việc với công ty.\n\nCông ty "
          "đã nhận lỗi.\n\nDự án được phê duyệt từ năm 2007. Công ty Hải Nam "
          "bị phạt 100 triệu đồng.\n", "100000000=-" },
        { "Sau kỳ nghỉ Tết Nguyên đán Giáp Thìn 2024, tình hình ổn định.\n\n"
          "Lực lượng CSGT đã xử phạt 20 trường hợp với số tiền 11 triệu đồng.\n",
          "11000000=2024" },
        { "So sánh với kỳ nghỉ Tết Nguyên đán 2023, tai nạn giảm.\n\n"
          "Lực lượng CSGT đã xử phạt 20 trường hợp với số tiền 11 triệu đồng.\n",
          "11000000=-" },
        /* A plan's horizon is no time of the fine. */
        { "Khu du lịch bị phạt\n\nTháng 5/2022, tỉnh phê duyệt Quy hoạch khu "
          "du lịch đến năm 2025, định hướng đến năm 2035. Chủ đầu tư đã bị "
          "xử phạt 40 triệu đồng vì xây dựng sai phép.\n", "40000000=2022" },
    };

    CHECK (rows, YEARS);
}

/* The province of a news fine: of the authority or the violation; none
 * for a body of the whole country; never a company's name, a person's
 * home, a newspaper, a ward named after a province. */
Test (extract_story, province_of_a_news_fine)
{
    static const row_t rows[] = {
        /* A national body fines: no province, though the violators live
         * in one. */
        { "Hai nhà đầu tư bị phạt\n\n"
          "Ủy ban Chứng khoán Nhà nước ban hành quyết định xử phạt đối với ông "
          "Lưu Văn An và ông Ngô Văn Bảo (cùng trú tại TP Đà Nẵng) mỗi người "
          "500 triệu đồng.\n", "500000000=-" },
        /* Securities are fined nationally. */
        { "Một nhà đầu tư bị phạt 30 triệu đồng vì thao túng giá cổ phiếu ở "
          "Đồng Nai.\n\nNhà đầu tư này sống ở Đồng Nai.\n", "30000000=Đồng Nai" },
        { "Nhà đầu tư bị phạt\n\nMột nhà đầu tư bị phạt 30 triệu đồng vì thao "
          "túng giá cổ phiếu. Nhà đầu tư này quê ở Đồng Nai, làm việc ở Đồng "
          "Nai.\n", "30000000=-" },
        /* The law of a ministry is no authority. */
        { "Cơ sở chả bị phạt\n\nDùng hàn the, chất ngoài danh mục theo quy định "
          "của Bộ Y tế, một cơ sở ở Đà Nẵng bị xử phạt 35 triệu đồng.\n",
          "35000000=Đà Nẵng" },
        /* A company's name and a newspaper's are no place. */
        { "Công ty Mía đường Hòa Bình bị phạt\n\nCông ty Cổ phần mía đường Hòa "
          "Bình bị phạt 1,7 tỉ đồng. Trao đổi với Pháp Luật TP.HCM, lãnh đạo "
          "Sở Tài nguyên tỉnh Sơn La cho biết.\n", "1700000000=Sơn La" },
        /* A ward named after a province. */
        { "Xe bị phạt\n\nXe của đội trật tự phường Bình Thuận (quận Hải Châu, "
          "Đà Nẵng) đã bị cảnh sát giao thông xử phạt 700.000 đồng.\n",
          "700000=Đà Nẵng" },
        /* The province of a town; a paragraph opened by its place. */
        { "Phạt người đăng tin sai\n\nNgày 10/9, UBND TP Vũng Tàu có quyết "
          "định xử phạt chị L.T.M 7,5 triệu đồng.\n", "7500000=Bà Rịa - Vũng Tàu" },
        { "Quản lý thị trường xử lý nhiều vụ\n\nTại Gia Lai, đội kiểm tra lấy "
          "mẫu phân bón không đạt.\n\nĐội đã đề xuất xử phạt vi phạm hành chính "
          "hộ kinh doanh P.V.H 175 triệu đồng.\n", "175000000=Gia Lai" },
        /* Where a company is; a company's name with a dash. */
        { "Doanh nghiệp bị phạt\n\nMột doanh nghiệp ở Đồng Nai bị xử phạt 1,1 "
          "tỷ đồng vì xả thải trái phép.\n", "1100000000=Đồng Nai" },
        { "Nhà máy bị phạt\n\nCông ty TNHH Bia Sài Gòn - Ninh Thuận bị xử phạt "
          "130 triệu đồng.\n", "130000000=-" },
        /* A national body, the amount in the next sentence. */
        { "Tạp chí bị phạt\n\nTháng 9/2020, Thanh tra Bộ Thông tin và Truyền "
          "thông ban hành quyết định xử phạt Tạp chí Đô Thị Xanh. Tổng số tiền "
          "xử phạt là 48 triệu đồng. Tạp chí có trụ sở ở Hà Nội, văn phòng ở "
          "Hà Nội.\n", "48000000=-" },
        /* The text's province: named twice at least, a body's counting
         * twice. */
        { "Cơ sở bị phạt\n\nCơ sở của bà Tô Thị Hạnh bị phạt 20 triệu đồng.\n\n"
          "Bà Hạnh đã nộp phạt.\n\nBà Hạnh từng sống ở Cần Thơ.\n",
          "20000000=-" },
        { "Hội nghị sơ kết\n\nNgày 16/3, Sở Thông tin và Truyền thông Long An "
          "tổ chức hội nghị. Qua đó, đã xử phạt 98 đối tượng với tổng số tiền "
          "gần 300 triệu đồng.\n", "300000000=Long An" },
        /* A landmark, a district of one province: the story's place. */
        { "Hành khách bị phạt\n\nMột hành khách gây rối tại sân bay Tân Sơn "
          "Nhất. Cảng vụ hàng không đã xử phạt người này 5 triệu đồng. Trước "
          "đó tại Nhà ga Tân Sơn Nhất, nhân viên đã lập biên bản.\n",
          "5000000=Hồ Chí Minh" },
        { "Quán bị phạt\n\nMột quán karaoke ở quận Cầu Giấy bị xử phạt 15 "
          "triệu đồng. Quán này nằm trên đường Trần Duy Hưng, quận Cầu "
          "Giấy.\n", "15000000=Hà Nội" },
        /* A headline that names no place (a body of the whole country
         * fines in the story too), told again by the body that does: one
         * fine, of the body's place. */
        { "Công ty Minh Long bị phạt 500 triệu đồng\n\n"
          "Ngày 3/8, ông Trần Văn Bình, Phó Chủ tịch UBND tỉnh Bình Định đã ký "
          "quyết định xử phạt Công ty Minh Long 500 triệu đồng vì xây dựng "
          "không phép. Trước đó, Tổng cục Thuế đã xử phạt công ty 20 triệu "
          "đồng vì khai sai thuế.\n", "500000000=Bình Định 20000000=-" },
        /* A body of the whole country that tells ("theo Cục ...") does
         * not fine: the story's place stands. */
        { "Xe tải chở gỗ quá tải\n\nCảnh sát giao thông Quảng Trị đã kiểm tra "
          "một xe tải chở gỗ quá tải trên quốc lộ 9 ở Quảng Trị. Cục Cảnh sát "
          "giao thông cho biết đã xác minh tại nhiều tỉnh. Cũng theo Cục này, "
          "CSGT đã phạt chủ xe 50 triệu đồng.\n", "50000000=Quảng Trị" },
        /* A commune that shares a district's name is not that district. */
        { "Hộ dân bị phạt\n\nMột hộ dân ở xã Bình Thạnh bị xử phạt 4 triệu "
          "đồng vì lấn chiếm đất. Xã Bình Thạnh có nhiều hộ.\n", "4000000=-" },
        /* Where goods or people came from, a route, a person's home: not
         * where the fine is; the story's place is. */
        { "Phạt người đốt pháo\n\nTại Kiên Giang, lực lượng chức năng phát "
          "hiện một người đốt pháo. Công an đã thu giữ pháo (mua từ TP. HCM), "
          "xử phạt 2,5 triệu đồng.\n", "2500000=Kiên Giang" },
        { "Hành khách bị phạt\n\nHành khách bị phạt 3 triệu đồng tại sân bay "
          "Nội Bài vì gây rối. Người này làm thủ tục chuyến bay từ Hà Nội vào "
          "TP. HCM.\n\nĐồn công an sân bay Nội Bài đã xử lý. Hành khách bị "
          "phạt 3 triệu đồng vì gây rối trên chuyến bay từ Hà Nội đến Đà "
          "Nẵng.\n", "3000000=Hà Nội" },
        { "Người mẫu bị phạt\n\nSở Văn hóa và Thể thao TP. HCM đã làm việc "
          "với người mẫu Lê Thị Hoa về việc thi chui. Theo đó, người đẹp Thanh "
          "Hóa phải nộp phạt 15 triệu đồng.\n", "15000000=Hồ Chí Minh" },
        /* A province that ends the name of who is fined. */
        { "Xi măng Hà Giang bị phạt 90 triệu đồng\n\nỦy ban Chứng khoán Nhà "
          "nước đã xử phạt Công ty cổ phần Xi măng Hà Giang 90 triệu đồng vì "
          "chậm công bố báo cáo tài chính.\n", "90000000=-" },
        { "Doanh nghiệp bị phạt\n\nMột công ty ở Hà Giang bị phạt 90 triệu "
          "đồng vì xả thải.\n", "90000000=Hà Giang" },
        /* Each one's share of the fine just told is where that fine is,
         * though the story names another province more. */
        { "Cho vay nặng lãi\n\nTại Long An, công an quản lý nhiều nhóm. Công "
          "an Long An đã xử lý nhiều đối tượng ở Long An.\n\nTại tỉnh Bến "
          "Tre, Công an huyện Mỏ Cày đã xử phạt Trần Văn A và Lê Văn B tổng "
          "cộng 10 triệu đồng. Mỗi trường hợp bị phạt 5 triệu đồng.\n",
          "10000000=Bến Tre 5000000=Bến Tre" },
        /* "phối hợp các địa phương" after the fine is not who fined. */
        { "Khai thác cát trái phép\n\nTại kỳ họp HĐND tỉnh Quảng Nam, giám "
          "đốc sở cho biết năm 2023 sở đã xử phạt 120 triệu đồng và phối hợp "
          "các địa phương kiểm tra nhiều điểm.\n", "120000000=Quảng Nam" },
        { "Xử phạt cả nước\n\nTrong năm, các địa phương đã xử phạt 120 triệu "
          "đồng. Hội nghị tổ chức tại Quảng Nam.\n", "120000000=-" },
        /* A landmark in the lead is the story's place. */
        { "Nữ hành khách bị phạt\n\nMột nữ hành khách mắng nhân viên tại sân "
          "bay Tân Sơn Nhất.\n\nClip được chia sẻ trên mạng.\nNgười này là cán "
          "bộ quận Ba Đình, Hà Nội. Bà đã bị phạt 500.000 đồng. Đơn vị ở quận "
          "Ba Đình, Hà Nội.\n", "500000=Hồ Chí Minh" },
        /* A fine told again in a sentence that names its place: that
         * place, not the story's. */
        { "Đổi tiền bị phạt\n\nỞ Hà Nội, người dân hỏi nhiều. Ngân hàng Hà "
          "Nội trả lời. Người dân Hà Nội cần biết.\n\nVụ đổi tiền bị phạt 80 "
          "triệu đồng - Sáng 5/6, Công an tỉnh Hậu Giang họp báo về vụ đổi "
          "tiền bị phạt 80 triệu đồng.\n", "80000000=Hậu Giang" },
    };

    CHECK (rows, PROVINCES);
}

/* The sector after "lĩnh vực" is the fines', unless it is the title of
 * a rule cited; words of the sectors. */
Test (extract_story, categories_of_sectors)
{
    static const struct {
        const char *text;
        const char *category;   /* "a,b" */
    } rows[] = {
        { "Sở đã xử phạt vi phạm hành chính trong các lĩnh vực báo chí, in và "
          "phát hành tổng số tiền 237 triệu đồng.\n", "press,publishing" },
        { "Với lĩnh vực quản lý đại lý Internet, đã có 6 đại lý bị xử phạt với "
          "tổng số tiền 51 triệu đồng.\n", "gaming" },
        { "Công an phường đã xử phạt 7 người không đeo khẩu trang nơi công "
          "cộng, số tiền 14 triệu đồng.\n", "health" },
        { "Cơ sở bày bán 300 túi xách giả mạo các nhãn hiệu nổi tiếng đã bị "
          "xử phạt 40 triệu đồng.\n", "counterfeit_smuggling" },
        /* A rule's title names no category of the fine. */
        { "Công an đã xử phạt ông Mạc Văn Tùng 3 triệu đồng vì hành vi gây "
          "rối, căn cứ quy định xử phạt vi phạm hành chính trong lĩnh vực giao "
          "thông.\n", "other" },
        /* Words that qualify a name name no violation: the head word
         * of the name keeps its sense, a name's words count when nothing
         * else names a category. */
        { "Ông Lâm Văn Phú, chủ Khu du lịch Suối Mây, bị xử phạt 30 triệu "
          "đồng về hành vi xây dựng không phép.\n", "construction" },
        { "Ban tổ chức cuộc thi Người đẹp Du lịch Biển Xanh bị phạt 25 triệu "
          "đồng vì tổ chức cuộc thi khi chưa được cấp phép.\n", "culture" },
        { "Ngày 3/5, Tạp chí điện tử Môi trường Sống bị xử phạt 50 triệu đồng vì đăng "
          "thông tin sai sự thật.\n", "false_information,press" },
        { "Công ty cổ phần đầu tư du lịch Hải Âu bị xử phạt 80 triệu đồng vì "
          "xây dựng trái phép 12 căn nhà.\n", "construction" },
        { "Công ty TNHH xây dựng Trường An bị xử phạt 60 triệu đồng.\n",
          "construction" },
        /* Tourists took part; what they did is the category. */
        { "Lực lượng chức năng đã xử phạt 5 du khách xả rác trên bãi biển với "
          "số tiền 2,5 triệu đồng.\n", "environment" },
        { "Một doanh nghiệp bị xử phạt 30 triệu đồng vì kinh doanh lữ hành quốc "
          "tế không có giấy phép, đưa du khách ra nước ngoài.\n", "tourism" },
        { "Ba du khách bị xử phạt 6 triệu đồng.\n", "tourism" },
        /* A sanction decree of one field, cited in the fine's sentence,
         * names the fine's when its clause names none. */
        { "Ông Lò Văn Sinh bị Công an huyện xử phạt 800.000 đồng theo điểm b "
          "khoản 2 Điều 7 Nghị định 168/2024/NĐ-CP.\n", "traffic" },
        { "Cơ sở của bà Hà Thị Nhung bị xử phạt 12 triệu đồng theo Nghị định "
          "số 115/2018/NĐ-CP ngày 4/9/2018 của Chính phủ.\n", "food_safety" },
        { "Ông Vi Văn Thắng bị phạt 2 triệu đồng vì đánh bạc, theo Nghị định "
          "168/2024/NĐ-CP.\n", "gambling" },
        /* A decree of several fields, or one cited in another sentence,
         * names none. */
        { "Ông Đinh Quang Lợi bị xử phạt 7,5 triệu đồng theo điểm a khoản 1 "
          "Điều 101 Nghị định 15/2020/NĐ-CP.\n", "" },
        { "Nghị định 45/2019/NĐ-CP có hiệu lực từ tháng 8. Ông Lưu Văn Tám bị "
          "xử phạt 3 triệu đồng.\n", "" },
    };

    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        tracuu_text_t *text = NULL;
        tracuu_extraction_t *x = NULL;
        const tracuu_case_t *k = NULL;
        uint32_t want = 0;
        char buf[64], *save = NULL;

        snprintf (buf, sizeof buf, "%s", rows[r].category);
        for (char *w = strtok_r (buf, ",", &save); w; w = strtok_r (NULL, ",", &save))
            want |= tracuu_case_category_from_name (w);

        cr_assert_eq (tracuu_text_analyze (rows[r].text, strlen (rows[r].text),
                                           &text), TRACUU_STATUS_OK);
        cr_assert_eq (tracuu_extract (text, &x), TRACUU_STATUS_OK);
        for (size_t i = 0; i < tracuu_extraction_n_cases (x) && k == NULL; i++)
            if (tracuu_extraction_case (x, i)->action == TRACUU_CASE_FINE)
                k = tracuu_extraction_case (x, i);
        cr_assert_not_null (k, "row %zu: no fine", r);
        cr_expect_eq (k->categories, want, "row %zu: %#x", r, k->categories);
        tracuu_extraction_destroy (x);
        tracuu_text_destroy (text);
    }
}

/* Where a violation took place: the network it was posted or sold on,
 * not the one where it was seen. */
Test (extract_story, platform_of_a_news_fine)
{
    static const row_t rows[] = {
        /* Seen on Facebook, done on the road. */
        { "Tài xế bị phạt\n\nTừ thông tin trên Facebook, Đội CSGT đã xử phạt "
          "tài xế xe tải chạy ngược chiều 4 triệu đồng.\n", "4000000=-" },
        /* A false post about the traffic is posted on Facebook. */
        { "Công an tỉnh đã xử phạt ông Trần Văn Hùng 7,5 triệu đồng vì đăng "
          "thông tin sai sự thật về tai nạn giao thông lên Facebook.\n",
          "7500000=facebook" },
        /* Sold on Facebook, as the sentence before the fine says. */
        { "Cơ sở bị phạt\n\nQua kiểm tra, bà Lò Thị Mai thừa nhận thường xuyên "
          "rao bán mỹ phẩm không rõ nguồn gốc trên Facebook. Chi cục Quản lý "
          "thị trường đã xử phạt bà Mai 12 triệu đồng.\n", "12000000=facebook" },
        /* Streamed by someone else. */
        { "Quán ăn bị phạt\n\nClip chủ quán chặt chém du khách được "
          "livestream trên Facebook. Sở Du lịch đã xử phạt chủ quán 3 triệu "
          "đồng.\n", "3000000=-" },
        /* Two fines: each keeps to its own words. */
        { "Kiểm tra mỹ phẩm\n\nBà Lò Thị Mai rao bán mỹ phẩm trên Facebook. "
          "Bà Mai bị phạt 12 triệu đồng. Cơ sở của ông Hà Văn Nam bị phạt 8 "
          "triệu đồng vì bán hàng hết hạn sử dụng.\n", "12000000=- 8000000=-" },
    };

    CHECK (rows, PLATFORMS);
}
