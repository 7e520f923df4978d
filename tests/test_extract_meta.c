/* Report metadata of the sample reports, and the period names. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/extract.h"

static const struct {
    const char *file;
    const char *number;       /* NULL: none. */
    const char *kind;
    const char *title_start;
    const char *place;
    int32_t date;
    const char *date_text;
    const char *period;
    const char *province;
    const char *agency;
    const char *signer;
} reports[] = {
    { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", NULL, "bao_cao",
      "Kết quả thực hiện công tác chống buôn lậu", NULL, 0, NULL, "2024-04",
      "Bắc Giang", "Sở Thông tin và Truyền thông tỉnh Bắc Giang",
      "Ngô Đình Tiến" },
    { "ha-tinh-2023-03-ke-hoach-87-bcd389.txt", "", "bao_cao",
      "Kết quả thực hiện Kế hoạch số 87", "Hà Tĩnh", 0, "2023-03", "2023",
      "Hà Tĩnh", "Sở Thông tin và Truyền thông", "Dương Văn Tuấn" },
    { "bac-giang-2024-h1-phong-chong-toi-pham.txt", "180/BC-STTTT",
      "bao_cao", "Sơ kết công tác phòng, chống tội phạm", "Bắc Giang",
      20240611, "2024-06-11", "2024-H1", "Bắc Giang",
      "Sở Thông tin và Truyền thông", "Ngô Đình Tiến" },
    { "an-giang-2024-h1-thanh-tra-kiem-tra.txt", NULL, "tham_luan",
      "Sơ kết công tác thanh tra, kiểm tra 6 tháng đầu năm 2024", NULL, 0,
      NULL, "2024-H1", "An Giang", "Thanh tra Sở Thông tin và Truyền thông",
      NULL },
    { "long-an-2020-03-so-ket-phoi-hop.txt", NULL, "tin_bai",
      "Tăng cường phòng, chống tội phạm", NULL, 20200316, "2020-03-16",
      "2018-03-16..2020-03-16", "Long An",
      "Sở Thông tin và truyền thông Long An", "Lê Đức" },
};

static void
expect_str (const char *got, const char *want, const char *what,
            const char *file)
{
    if (want == NULL)
        cr_expect_null (got, "%s %s: %s", file, what, got);
    else if (got == NULL)
        cr_expect_fail ("%s %s: NULL, want %s", file, what, want);
    else
        cr_expect_str_eq (got, want, "%s %s", file, what);
}

Test (extract_meta, corpus)
{
    for (size_t i = 0; i < sizeof reports / sizeof reports[0]; i++) {
        char path[512], *bytes;
        FILE *f;
        long len;
        tracuu_text_t *text = NULL;
        tracuu_extraction_t *x = NULL;
        const tracuu_report_meta_t *m;

        snprintf (path, sizeof path, "../corpus/%s", reports[i].file);
        f = fopen (path, "rb");
        cr_assert_not_null (f, "%s", path);
        fseek (f, 0, SEEK_END);
        len = ftell (f);
        fseek (f, 0, SEEK_SET);
        bytes = malloc ((size_t) len);
        cr_assert_eq (fread (bytes, 1, (size_t) len, f), (size_t) len);
        fclose (f);
        cr_assert_eq (tracuu_text_analyze (bytes, (size_t) len, &text),
                      TRACUU_STATUS_OK);
        cr_assert_eq (tracuu_extract (text, &x), TRACUU_STATUS_OK);
        m = tracuu_extraction_meta (x);
        expect_str (m->number, reports[i].number, "number", reports[i].file);
        cr_expect_str_eq (m->kind, reports[i].kind, "%s", reports[i].file);
        cr_assert_not_null (m->title, "%s", reports[i].file);
        cr_expect_eq (strncmp (m->title, reports[i].title_start,
                               strlen (reports[i].title_start)), 0,
                      "%s title %s", reports[i].file, m->title);
        expect_str (m->place, reports[i].place, "place", reports[i].file);
        cr_expect_eq (m->date, reports[i].date, "%s date %d", reports[i].file,
                      m->date);
        expect_str (m->date_text, reports[i].date_text, "date_text",
                    reports[i].file);
        expect_str (m->period, reports[i].period, "period", reports[i].file);
        expect_str (m->province, reports[i].province, "province",
                    reports[i].file);
        expect_str (m->agency, reports[i].agency, "agency", reports[i].file);
        expect_str (m->signer, reports[i].signer, "signer", reports[i].file);
        tracuu_extraction_destroy (x);
        tracuu_text_destroy (text);
        free (bytes);
    }
}

Test (extract_meta, signer_role)
{
    static const char report[] =
        "BÁO CÁO\n\nKết quả công tác quý I năm 2024\n\n"
        "Sở Thông tin và Truyền thông báo cáo như sau:\n\nNơi nhận:\n"
        "- Lưu VT.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nTrần Văn Bình\n";
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = NULL;
    const tracuu_report_meta_t *m;

    cr_assert_eq (tracuu_text_analyze (report, strlen (report), &text),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_extract (text, &x), TRACUU_STATUS_OK);
    m = tracuu_extraction_meta (x);
    cr_expect_str_eq (m->signer, "Trần Văn Bình");
    cr_expect_str_eq (m->signer_role, "PHÓ GIÁM ĐỐC");
    cr_expect_str_eq (m->period, "2024-Q1");
    cr_expect_eq (m->period_from, 20240101);
    cr_expect_eq (m->period_to, 20240331);
    cr_expect_str_eq (m->agency, "Sở Thông tin và Truyền thông");
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
}

Test (extract_meta, period_names)
{
    static const struct {
        int32_t from, to;
        const char *name;
    } rows[] = {
        { 20240101, 20241231, "2024" },
        { 20240101, 20240630, "2024-H1" },
        { 20240701, 20241231, "2024-H2" },
        { 20240401, 20240630, "2024-Q2" },
        { 20240201, 20240229, "2024-02" },
        { 20180316, 20200316, "2018-03-16..2020-03-16" },
        { 20240101, 20240930, "2024-01-01..2024-09-30" },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char buf[32];

        tracuu_extract__period_name (rows[i].from, rows[i].to, buf);
        cr_expect_str_eq (buf, rows[i].name, "row %zu", i);
    }
}
