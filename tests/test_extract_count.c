/* COUNT extraction: a number and a counted noun phrase. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/analysis.h"

/* The counts in 'input', as "149 cuộc thanh tra, kiểm tra|~100 tin, bài"
 * ('~' marks APPROXIMATE). */
static void
counts (const char *input, char *buf, size_t size)
{
    tracuu_text_t *text = NULL;
    tracuu_entities_t list = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t used = 0;

    cr_assert_eq (tracuu_text_analyze (input, strlen (input), &text),
                  TRACUU_STATUS_OK);
    tracuu_extract__counts (text, &list, &rc);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    buf[0] = '\0';
    for (size_t i = 0; i < list.count; i++) {
        const tracuu_entity_t *e = &list.items[i];

        cr_expect_eq (e->kind, TRACUU_ENTITY_COUNT);
        cr_expect_eq (e->number, strtoll (e->value, NULL, 10));
        used += snprintf (buf + used, size - used, "%s%s%lld %s",
                          i ? "|" : "",
                          e->flags & TRACUU_ENTITY_APPROXIMATE ? "~" : "",
                          (long long) e->number, e->extra);
        cr_assert (used < size);
    }
    tracuu_entities_dispose (&list);
    tracuu_text_destroy (text);
}

static const struct {
    const char *input;
    const char *expected;
} cases[] = {
    { "đã tổ chức 149 cuộc thanh tra, kiểm tra; đã xử phạt",
      "149 cuộc thanh tra, kiểm tra" },
    { "xử phạt vi phạm hành chính 98 đối tượng với", "98 đối tượng" },
    { "khoá 02 chiều đối với 72 số thuê bao điện thoại", "72 số thuê bao" },
    { "đối với 21 tổ chức, cá nhân (14 tổ chức, 07 cá nhân);",
      "21 tổ chức, cá nhân|14 tổ chức|7 cá nhân" },
    { "kiểm tra đối với 08 cơ sở, trong đó: 02 cơ sở in",
      "8 cơ sở|2 cơ sở in" },
    { "đối với 02 Điểm cung cấp dịch vụ trò chơi điện tử công cộng",
      "2 điểm cung cấp dịch vụ trò chơi điện tử công cộng" },
    { "lưu trữ thông tin 09 video đăng tải", "9 video" },
    { "ban hành 05 văn bản chỉ đạo", "5 văn bản" },
    { "Đăng tải gần 100 tin, bài, phóng sự...", "~100 tin, bài, phóng sự" },
    { "kiểm tra 142 doanh nghiệp, hộ kinh doanh, hàng hoá",
      "142 doanh nghiệp, hộ kinh doanh" },
    { "bắt giữ 1.200 người", "1200 người" },
    { "tổng số 12 vụ", "12 vụ" },
    { "mời 15 cá nhân và tổ chức", "15 cá nhân và tổ chức" },
    { "cử 02 đồng chí tham gia", "2 đồng chí" },
    { "trên 2 làn sóng phát thanh", "" },         /* "làn" is not "lần". */
    { "khoản 3 Điều 5 quyết định", "" },           /* Legal numbers. */
    { "năm 2024 văn bản", "" },
    { "tại địa chỉ số 57 đường Vũ Ngọc Phan", "" },
    { "tần suất 03-04 lần/tuần", "" },            /* A range. */
    { "1.1 Công tác phòng, chống tội phạm", "" },  /* Section number. */
    { "II. Kết quả thực hiện", "" },
    { "phạt 7,5 triệu đồng", "" },                /* Money, not a count. */
    { "ngày 11/6/2024 cá nhân", "" },
    { "xử lý 7,5 đối tượng", "" },                /* Not an integer. */
    { "Số: 180 /BC -STTTT", "" },
};

Test (extract_count, table)
{
    char got[512];

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        counts (cases[i].input, got, sizeof got);
        cr_expect_str_eq (got, cases[i].expected, "case %zu: %s", i,
                          cases[i].input);
    }
}

Test (extract_count, span)
{
    static const char input[] =
        "Theo đó, đã tổ chức 149 cuộc thanh tra, kiểm tra.";
    tracuu_text_t *text = NULL;
    tracuu_entities_t list = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const tracuu_entity_t *e;

    cr_assert_eq (tracuu_text_analyze (input, sizeof input - 1, &text),
                  TRACUU_STATUS_OK);
    tracuu_extract__counts (text, &list, &rc);
    cr_assert_eq (list.count, 1);
    e = &list.items[0];
    cr_expect_eq (e->end - e->start, strlen ("149 cuộc thanh tra, kiểm tra"));
    cr_expect_eq (memcmp (text->text + e->start, "149 cuộc",
                          strlen ("149 cuộc")), 0);
    cr_expect_str_eq (e->value, "149");
    tracuu_entities_dispose (&list);
    tracuu_text_destroy (text);
}
