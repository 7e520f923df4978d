/* DATE and PERIOD extraction. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/analysis.h"

/* The dates and periods found in 'input', in text order, as
 * "D2024-06-11|P2024-H1|B2023-03|R1954-05-07..2024-05-07": D a date, B a
 * date with a blank day, P a period, R a period written as a range. */
static void
spans (const char *input, size_t len, char *buf, size_t size)
{
    tracuu_text_t *text = NULL;
    tracuu_entities_t list = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t used = 0;

    cr_assert_eq (tracuu_text_analyze (input, len, &text), TRACUU_STATUS_OK);
    tracuu_extract__dates (text, &list, &rc);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    tracuu_entities_sort (&list);
    buf[0] = '\0';
    for (size_t i = 0; i < list.count; i++) {
        const tracuu_entity_t *e = &list.items[i];
        char tag = 'P';

        if (e->kind == TRACUU_ENTITY_DATE)
            tag = e->flags & TRACUU_ENTITY_BLANK_DAY ? 'B' : 'D';
        else if (e->flags & TRACUU_ENTITY_RANGE)
            tag = 'R';
        cr_expect (e->from > 0 && e->from <= e->to, "%s", e->value);
        used += snprintf (buf + used, size - used, "%s%c%s", i ? "|" : "",
                          tag, e->value);
        cr_assert (used < size);
    }
    tracuu_entities_dispose (&list);
    tracuu_text_destroy (text);
}

static const struct {
    const char *input;
    const char *expected;
} cases[] = {
    { "Bắc Giang, ngày 11 tháng 6 năm 2024", "D2024-06-11" },
    { "Công văn số 2023/BCĐ-CAT ngày 05/6/2024 của Ban", "D2024-06-05" },
    { "16/03/2020 - 17:01", "D2020-03-16" },
    { "ngày 7/4/2017, UBND tỉnh", "D2017-04-07" },
    { "ngày 09/12/2022", "D2022-12-09" },
    { "ngày 11-6-2024", "D2024-06-11" },
    { "ngày 16.03.2020", "D2020-03-16" },
    { "Hà Tĩnh, ngày   tháng 3 năm 2023", "B2023-03" },
    { "Hà Tĩnh, ngày ..... tháng 3 năm 2023", "B2023-03" },
    { "ngày 31/2/2024", "" },                       /* No such day. */
    { "ngày 30/02/2023", "" },
    { "ngày 29/2/2024", "D2024-02-29" },            /* Leap year. */
    { "ngày 29/2/2023", "" },
    { "ngày 12/13/2024", "" },
    { "tháng 13 năm 2024", "P2024" },               /* Only the year. */
    { "ngày 16/03/2020 ... Ngày 16/3, Sở tổ chức", "D2020-03-16|D2020-03-16" },
    { "Ngày 16/3, Sở tổ chức hội nghị", "" },       /* No year known. */
    { "KẾT QUẢ THỰC HIỆN THÁNG 4/2024", "P2024-04" },
    { "trong tháng 5 năm 2024", "P2024-05" },
    { "tháng 4-2024", "P2024-04" },
    { "tháng 4, nhiệm vụ tháng 5 năm 2024.", "P2024-04|P2024-05" },
    { "quý I/2024", "P2024-Q1" },
    { "quý 1 năm 2024", "P2024-Q1" },
    { "trong quý III, quý IV năm 2023", "P2023-Q3|P2023-Q4" },
    { "Tết Nguyên đán Quý Mão 2023", "" },
    { "6 tháng đầu năm 2024", "P2024-H1" },
    { "06 tháng đầu năm 2024", "P2024-H1" },
    { "sáu tháng cuối năm 2024", "P2024-H2" },
    { "9 tháng đầu năm 2024", "P2024-01..2024-09" },
    { "3 tháng đầu năm 2024", "P2024-Q1" },
    { "Sơ kết 6 tháng đầu năm; chương trình công tác 6 tháng cuối năm 2024",
      "P2024-H1|P2024-H2" },
    { "Phương hướng nhiệm vụ trong 6 tháng cuối năm:", "" },
    { "năm 2024", "P2024" },
    { "tăng so với cùng kỳ năm 2023;", "P2023" },
    { "kỷ niệm 70 năm chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024)",
      "R1954-05-07..2024-05-07" },
    { "từ ngày 01/01/2024 đến ngày 30/6/2024", "R2024-01-01..2024-06-30" },
    { "giai đoạn 2021-2025", "R2021..2025" },
    { "giai đoạn 2021 - 2025 và định hướng đến năm 2030",
      "R2021..2025|P2030" },
    { "từ năm 2021 đến năm 2025", "R2021..2025" },
    { "từ tháng 1 đến tháng 11 năm 2023 xử lý", "R2023-01..2023-11" },
    { "tháng 12/2023 - tháng 2/2024", "R2023-12..2024-02" },
    { "Nghị định số 91/2020/NĐ-CP", "" },           /* A code, not a date. */
    { "Thông tư 12/3/2024/TT-BTTTT", "" },
    { "Công văn số 2023/BCĐ-CAT", "" },
    { "tần suất 03-04 lần/tuần", "" },
    { "lịch bloc 2023", "" },                       /* Bare year. */
    { "1.1 Công tác phòng, chống tội phạm", "" },
};

Test (extract_date, table)
{
    char got[512];

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        spans (cases[i].input, strlen (cases[i].input), got, sizeof got);
        cr_expect_str_eq (got, cases[i].expected, "case %zu: %s", i,
                          cases[i].input);
    }
}

Test (extract_date, day_spans)
{
    static const struct {
        const char *input;
        int32_t from, to;
    } rows[] = {
        { "ngày 11/6/2024", 20240611, 20240611 },
        { "ngày   tháng 3 năm 2023", 20230301, 20230331 },
        { "ngày   tháng 2 năm 2024", 20240201, 20240229 },
        { "quý IV/2023", 20231001, 20231231 },
        { "6 tháng đầu năm 2024", 20240101, 20240630 },
        { "6 tháng cuối năm 2024", 20240701, 20241231 },
        { "năm 2024", 20240101, 20241231 },
        { "giai đoạn 2021-2025", 20210101, 20251231 },
        { "(07/5/1954 - 07/5/2024)", 19540507, 20240507 },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tracuu_text_t *text = NULL;
        tracuu_entities_t list = { 0 };
        tracuu_status_t rc = TRACUU_STATUS_OK;

        cr_assert_eq (tracuu_text_analyze (rows[i].input,
                                           strlen (rows[i].input), &text),
                      TRACUU_STATUS_OK);
        tracuu_extract__dates (text, &list, &rc);
        cr_assert_eq (list.count, 1, "%s", rows[i].input);
        cr_expect_eq (list.items[0].from, rows[i].from, "%s", rows[i].input);
        cr_expect_eq (list.items[0].to, rows[i].to, "%s", rows[i].input);
        tracuu_entities_dispose (&list);
        tracuu_text_destroy (text);
    }
}

Test (extract_date, date_at)
{
    static const char input[] = "Kế hoạch số 87/KH-BCĐ389 ngày 09/12/2022 của";
    tracuu_text_t *text = NULL;
    int32_t ymd = 0;
    size_t i;

    cr_assert_eq (tracuu_text_analyze (input, sizeof input - 1, &text),
                  TRACUU_STATUS_OK);
    for (i = 0; i < text->n_tokens; i++)
        if (tracuu_extract__is (text, i, "ngày"))
            break;
    cr_assert_eq (tracuu_extract__date_at (text, i, &ymd), 4);
    cr_expect_eq (ymd, 20221209);
    cr_expect_eq (tracuu_extract__date_at (text, 0, &ymd), 0);
    tracuu_text_destroy (text);
}

static char *
slurp (const char *path, size_t *len)
{
    FILE *f = fopen (path, "rb");
    char *buf;

    cr_assert_not_null (f, "%s", path);
    fseek (f, 0, SEEK_END);
    *len = (size_t) ftell (f);
    rewind (f);
    buf = malloc (*len + 1);
    cr_assert_eq (fread (buf, 1, *len, f), *len);
    fclose (f);
    return buf;
}

static const struct {
    const char *path;
    const char *expected;
} corpus[] = {
    { "../corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt",
      "P2024-H1|P2024-H1|P2024-H1|D2020-08-14|P2024-H1|P2024-H1|P2023|"
      "P2024-H1" },
    { "../corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt",
      "P2024-04|P2024-05|P2024-04|R1954-05-07..2024-05-07|P2024|P2030|"
      "D2024-03-11|P2024|P2024-05" },
    { "../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt",
      "D2024-06-11|P2024-H1|P2024-H2|D2024-06-05|P2024-H1|P2024-H1|"
      "P2024-H1|P2030|P2024|P2024|R2020..2025|P2024|R2021..2025|P2024|"
      "P2024|R2021..2025|P2024|D2010-10-22|R2021..2025|P2030|P2024|"
      "P2024-H2" },
    { "../corpus/ha-tinh-2023-03-ke-hoach-87-bcd389.txt",
      "B2023-03|D2022-12-09|D2023-03-21|D2022-12-09|D2023-01-11|P2023|"
      "D2023-01-16|D2023-12-09|D2023-03-24|D2023-03-24" },
    { "../corpus/long-an-2020-03-so-ket-phoi-hop.txt",
      "D2020-03-16|D2020-03-16|D2017-04-07" },
};

Test (extract_date, corpus)
{
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        size_t len;
        char *buf = slurp (corpus[i].path, &len), got[2048];

        spans (buf, len, got, sizeof got);
        cr_expect_str_eq (got, corpus[i].expected, "%s", corpus[i].path);
        free (buf);
    }
}
