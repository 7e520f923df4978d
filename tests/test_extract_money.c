/* MONEY extraction: amounts in VND, approximations, tables. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/analysis.h"

/* The amounts found in 'input', as "7500000|300000000~|1500000#":
 * '~' marks APPROXIMATE, '#' IN_TABLE, '-' RANGE. */
static void
amounts (const char *input, size_t len, char *buf, size_t size)
{
    tracuu_text_t *text = NULL;
    tracuu_entities_t list = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t used = 0;

    cr_assert_eq (tracuu_text_analyze (input, len, &text), TRACUU_STATUS_OK);
    tracuu_extract__money (text, &list, &rc);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    tracuu_entities_sort (&list);
    buf[0] = '\0';
    for (size_t i = 0; i < list.count; i++) {
        const tracuu_entity_t *e = &list.items[i];

        cr_expect_eq (e->kind, TRACUU_ENTITY_MONEY);
        cr_expect_eq (e->number, strtoll (e->value, NULL, 10));
        cr_expect (e->start < e->end && e->end <= text->len);
        used += snprintf (buf + used, size - used, "%s%s%s%s%s",
                          i ? "|" : "", e->value,
                          e->flags & TRACUU_ENTITY_APPROXIMATE ? "~" : "",
                          e->flags & TRACUU_ENTITY_IN_TABLE ? "#" : "",
                          e->flags & TRACUU_ENTITY_RANGE ? "-" : "");
        cr_assert (used < size);
    }
    tracuu_entities_dispose (&list);
    tracuu_text_destroy (text);
}

static const struct {
    const char *input;
    const char *expected;
} cases[] = {
    { "xử phạt với số tiền là 7,5 triệu đồng;", "7500000" },
    { "với tổng số tiền là 4,75 triệu đồng.", "4750000" },
    { "tổng số tiền xử phạt là 20.000.000 đồng).", "20000000" },
    { "xử phạt vi phạm hành chính (10.000.000 đồng) việc", "10000000" },
    { "xử phạt số tiền 1,5 triệu.", "1500000" },
    { "với tổng số tiền gần 300 triệu đồng; làm việc", "300000000~" },
    { "thu nộp ngân sách 2,5 tỷ đồng", "2500000000" },
    { "thu nộp ngân sách 2,5 tỉ đồng", "2500000000" },
    { "phạt 500 nghìn đồng", "500000" },
    { "phạt 500 ngàn đồng", "500000" },
    { "thu hơn 1,2 tỷ", "1200000000~" },
    { "thiệt hại trên 3 tỷ đồng", "3000000000~" },
    { "thiệt hại khoảng 12 triệu đồng", "12000000~" },
    { "chiếm đoạt xấp xỉ 2 tỷ đồng", "2000000000~" },
    { "Vụ đánh bạc nghìn tỷ qua ví điện tử", "" },
    { "hàng trăm triệu đồng", "" },
    { "chiếm đoạt 3 nghìn tỷ đồng", "3000000000000" },
    { "1.500.000 đồng", "1500000" },
    { "500.000đ mỗi lượt", "500000" },
    { "nộp 1.000.000 VNĐ", "1000000" },
    { "nộp 250.000 VND", "250000" },
    { "nộp 1.234.567 đ", "1234567" },
    { "phạt 1.5 triệu đồng", "1500000" },          /* English decimal dot. */
    { "phạt 1,500,000 đồng", "1500000" },          /* English grouping. */
    { "ước tính 12.345,67 triệu đồng", "12345670000~" },
    { "phạt 0,5 triệu đồng", "500000" },
    { "tổng thu 3 trăm triệu đồng", "300000000" },
    { "100 triệu đồng trở lên", "100000000~" },
    { "mức phạt từ 5 đến 10 triệu đồng", "5000000-|10000000-" },
    { "mức phạt 5 - 10 triệu đồng", "5000000-|10000000-" },
    { "dân số 1,5 triệu người", "" },              /* Not money. */
    { "phạt 1,2 triệu lượt truy cập", "" },
    { "cử 02 đồng chí tham gia", "" },
    { "theo điểm đ khoản 2 Điều 5", "" },
    { "bắt 5 đối tượng, thu 12 điện thoại", "" },  /* Bare numbers. */
    { "Nghị định số 91/2020/NĐ-CP", "" },
    { "Kinh doanh hàng gia dụng, một hộ bị *xử phạt 15 triệu đồng*",
      "15000000" },
};

Test (extract_money, table)
{
    char got[512];

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        amounts (cases[i].input, strlen (cases[i].input), got, sizeof got);
        cr_expect_str_eq (got, cases[i].expected, "case %zu: %s", i,
                          cases[i].input);
    }
}

Test (extract_money, span_and_flags)
{
    const char *input = "đã xử phạt với tổng số tiền gần 300 triệu đồng.";
    tracuu_text_t *text = NULL;
    tracuu_entities_t list = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;

    cr_assert_eq (tracuu_text_analyze (input, strlen (input), &text),
                  TRACUU_STATUS_OK);
    tracuu_extract__money (text, &list, &rc);
    cr_assert_eq (list.count, 1);
    cr_expect_eq (list.items[0].number, 300000000);
    cr_expect_eq (list.items[0].line, 1);
    cr_expect_eq (list.items[0].flags, TRACUU_ENTITY_APPROXIMATE);
    cr_expect_eq (strncmp (text->text + list.items[0].start,
                           "gần 300 triệu đồng",
                           list.items[0].end - list.items[0].start), 0);
    cr_expect_eq (list.items[0].end - list.items[0].start,
                  strlen ("gần 300 triệu đồng"));
    tracuu_entities_dispose (&list);
    tracuu_text_destroy (text);
}

Test (extract_money, table_unit_in_header)
{
    static const char input[] =
        "Đơn vị\tSố vụ\tThu nộp NSNN (triệu đồng)\tTỷ lệ\n"
        "Sở A\t3\t1,5\t+100%\n"
        "Sở B\t2\t0\t20\n"
        "Tổng cộng\t5\t12,25\t-\n"
        "\n"
        "Sau bảng: 4\t7\n";
    char got[256];

    amounts (input, sizeof input - 1, got, sizeof got);
    cr_expect_str_eq (got, "1500000#|12250000#");
}

Test (extract_money, pipe_table)
{
    static const char input[] =
        "| Đơn vị | Số tiền phạt (đồng) | Kinh phí (Tr.đồng) |\n"
        "|---|---|---|\n"
        "| Sở A | 2.500.000 | 3,5 |\n";
    char got[256];

    amounts (input, sizeof input - 1, got, sizeof got);
    cr_expect_str_eq (got, "2500000#|3500000#");
}

Test (extract_money, empty_and_sticky_status)
{
    tracuu_text_t *text = NULL;
    tracuu_entities_t list = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OUT_OF_MEMORY;

    cr_assert_eq (tracuu_text_analyze ("phạt 7,5 triệu đồng", 23, &text),
                  TRACUU_STATUS_OK);
    tracuu_extract__money (text, &list, &rc);   /* No-op once *rc is set. */
    cr_expect_eq (list.count, 0);
    cr_expect_eq (rc, TRACUU_STATUS_OUT_OF_MEMORY);
    tracuu_text_destroy (text);
}

/* Every amount of each sample report, in text order. */
static const struct {
    const char *path;
    const char *expected;
} corpus[] = {
    { "../corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt",
      "20000000|10000000" },
    { "../corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt",
      "7500000|4750000" },
    { "../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt",
      "15000000|19500000|7500000|7500000" },
    { "../corpus/ha-tinh-2023-03-ke-hoach-87-bcd389.txt",
      "1500000|15000000|1500000#|1500000#|1500000#|1500000#" },
    { "../corpus/long-an-2020-03-so-ket-phoi-hop.txt", "300000000~" },
};

Test (extract_money, corpus)
{
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        FILE *f = fopen (corpus[i].path, "rb");
        char *buf, got[1024];
        long len;

        cr_assert_not_null (f, "%s", corpus[i].path);
        fseek (f, 0, SEEK_END);
        len = ftell (f);
        rewind (f);
        buf = malloc ((size_t) len + 1);
        cr_assert_eq (fread (buf, 1, (size_t) len, f), (size_t) len);
        fclose (f);
        amounts (buf, (size_t) len, got, sizeof got);
        cr_expect_str_eq (got, corpus[i].expected, "%s", corpus[i].path);
        free (buf);
    }
}
