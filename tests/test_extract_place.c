#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "support.h"
#include "analysis/analysis-private.h"

/* Run every entity extractor of this group on 'input'. */
static tracuu_text_t *
run (const char *input, tracuu_entities_t *out)
{
    tracuu_text_t *text = NULL;
    tracuu_status_t rc = tracuu_text_analyze (input, strlen (input), &text);

    cr_assert_eq (rc, TRACUU_STATUS_OK);
    tracuu_extract__places (text, out, &rc);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    return text;
}

static const test_entity_case_t cases[] = {
    { "trên địa bàn tỉnh Bắc Giang;", TRACUU_ENTITY_PROVINCE, "Bắc Giang", NULL },
    { "Viettel Bắc Giang", TRACUU_ENTITY_PROVINCE, "Bắc Giang", NULL },
    { "tỉnh Bac Giang", TRACUU_ENTITY_PROVINCE, "Bắc Giang", NULL },
    { "tại TP.HCM", TRACUU_ENTITY_PROVINCE, "Hồ Chí Minh", NULL },
    { "tại TP HCM", TRACUU_ENTITY_PROVINCE, "Hồ Chí Minh", NULL },
    { "Sở Thông tin và Truyền thông thành phố Hồ Chí Minh rà soát",
      TRACUU_ENTITY_PROVINCE, "Hồ Chí Minh", NULL },
    { "về Sài Gòn", TRACUU_ENTITY_PROVINCE, "Hồ Chí Minh", NULL },
    { "tỉnh Đắc Lắc", TRACUU_ENTITY_PROVINCE, "Đắk Lắk", NULL },
    { "tỉnh Dak Lak", TRACUU_ENTITY_PROVINCE, "Đắk Lắk", NULL },
    { "tỉnh Thanh Hoá", TRACUU_ENTITY_PROVINCE, "Thanh Hóa", NULL },
    { "tỉnh Khánh Hoà", TRACUU_ENTITY_PROVINCE, "Khánh Hòa", NULL },
    { "tỉnh Bà Rịa - Vũng Tàu", TRACUU_ENTITY_PROVINCE, "Bà Rịa - Vũng Tàu", NULL },
    { "Thừa Thiên - Huế", TRACUU_ENTITY_PROVINCE, "Thừa Thiên Huế", NULL },
    { "UBND TỈNH HÀ TĨNH", TRACUU_ENTITY_PROVINCE, "Hà Tĩnh", NULL },
    { "Long An, ngày 16/3/2020", TRACUU_ENTITY_PROVINCE, "Long An", NULL },
    { "tại thành phố Cần Thơ", TRACUU_ENTITY_PROVINCE, "Cần Thơ", NULL },
    { "hoạt động trên địa bàn huyện Việt Yên (kiểm tra",
      TRACUU_ENTITY_DISTRICT, "Việt Yên", NULL },
    { "ở TT Vôi, Lạng Giang", TRACUU_ENTITY_DISTRICT, "Vôi", NULL },
    { "ở TT. Vôi, Lạng Giang", TRACUU_ENTITY_DISTRICT, "Vôi", NULL },
    { "một hộ ở TP Bắc Giang bị xử phạt", TRACUU_ENTITY_DISTRICT, "Bắc Giang",
      "Bắc Giang" },
    { "Công an thành phố Bắc Giang đã xử phạt", TRACUU_ENTITY_DISTRICT,
      "Bắc Giang", "Bắc Giang" },
    { "(TP. Long Xuyên, huyện An Phú, huyện Châu Phú)",
      TRACUU_ENTITY_DISTRICT, "Long Xuyên", NULL },
    { "(TP. Long Xuyên, huyện An Phú, huyện Châu Phú)",
      TRACUU_ENTITY_DISTRICT, "Châu Phú", NULL },
    { "huyện Châu Phú, tỉnh An Giang", TRACUU_ENTITY_DISTRICT, "Châu Phú",
      "An Giang" },
    { "Thị xã Việt Yên: Bắt quả tang", TRACUU_ENTITY_DISTRICT, "Việt Yên", NULL },
    { "tại Quận 1, TP.HCM", TRACUU_ENTITY_DISTRICT, "Quận 1", NULL },
    { "HUYỆN LỤC NAM", TRACUU_ENTITY_DISTRICT, "Lục Nam", NULL },
    { "Hà Nội - Hải Phòng phối hợp kiểm tra", TRACUU_ENTITY_PROVINCE, "Hà Nội",
      NULL },
    { "gây rối tại sân bay Tân Sơn Nhất", TRACUU_ENTITY_DISTRICT,
      "Tân Sơn Nhất", "Hồ Chí Minh" },
    { "một nhà hàng ở Nha Trang", TRACUU_ENTITY_DISTRICT, "Nha Trang",
      "Khánh Hòa" },
    { "quán ở quận Hoàn Kiếm", TRACUU_ENTITY_DISTRICT, "Hoàn Kiếm", "Hà Nội" },
    { "UBND thị xã Hoàng Mai cho biết", TRACUU_ENTITY_DISTRICT, "Hoàng Mai",
      NULL },
    /* Not places. */
    { "chụp ảnh trên cao tốc Hà Nội - Hải Phòng", TRACUU_ENTITY_PROVINCE, NULL,
      NULL },
    { "xe khách chạy tuyến Đà Nẵng - Quảng Ngãi", TRACUU_ENTITY_PROVINCE, NULL,
      NULL },
    { "trên đường Nha Trang", TRACUU_ENTITY_DISTRICT, NULL, NULL },
    { "vụ án ở xã Bình Thạnh", TRACUU_ENTITY_DISTRICT, NULL, NULL },
    { "ông Nguyễn Thái Bình cho biết", TRACUU_ENTITY_PROVINCE, NULL, NULL },
    { "bà Nguyễn Thị Huế", TRACUU_ENTITY_PROVINCE, NULL, NULL },
    { "tư tưởng Hồ Chí Minh", TRACUU_ENTITY_PROVINCE, NULL, NULL },
    { "chiến thắng Điện Biên Phủ", TRACUU_ENTITY_PROVINCE, NULL, NULL },
    { "vì hòa bình và long an", TRACUU_ENTITY_PROVINCE, NULL, NULL },
    { "Hòa bình là mục tiêu", TRACUU_ENTITY_PROVINCE, NULL, NULL },
    { "Sở TT&TT Bắc Giang", TRACUU_ENTITY_DISTRICT, NULL, NULL },
    { "TT\tNỘI DUNG VỤ VIỆC", TRACUU_ENTITY_DISTRICT, NULL, NULL },
    { "cấp huyện, cấp xã", TRACUU_ENTITY_DISTRICT, NULL, NULL },
    { "Ủy ban nhân dân huyện, thị, thành phố", TRACUU_ENTITY_DISTRICT, NULL, NULL },
};

Test (extract_place, table)
{
    test_entity_cases (run, cases, sizeof cases / sizeof cases[0]);
}


Test (extract_place, corpus)
{
    static const struct {
        const char *file;
        tracuu_entity_kind_t kind;
        const char *value, *extra;
    } rows[] = {
        { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", TRACUU_ENTITY_PROVINCE, "Bắc Giang", NULL },
        { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", TRACUU_ENTITY_PROVINCE, "Hồ Chí Minh", NULL },
        { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", TRACUU_ENTITY_DISTRICT, "Việt Yên", NULL },
        { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", TRACUU_ENTITY_DISTRICT, "Vôi", NULL },
        { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", TRACUU_ENTITY_DISTRICT, "Lục Nam", NULL },
        { "bac-giang-2024-h1-phong-chong-toi-pham.txt", TRACUU_ENTITY_DISTRICT, "Bắc Giang", "Bắc Giang" },
        { "an-giang-2024-h1-thanh-tra-kiem-tra.txt", TRACUU_ENTITY_PROVINCE, "An Giang", NULL },
        { "an-giang-2024-h1-thanh-tra-kiem-tra.txt", TRACUU_ENTITY_DISTRICT, "Long Xuyên", NULL },
        { "ha-tinh-2023-03-ke-hoach-87-bcd389.txt", TRACUU_ENTITY_PROVINCE, "Hà Tĩnh", NULL },
        { "long-an-2020-03-so-ket-phoi-hop.txt", TRACUU_ENTITY_PROVINCE, "Long An", NULL },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char path[256];
        tracuu_entities_t l = { 0 };
        tracuu_text_t *t;

        snprintf (path, sizeof path, "../corpus/%s", rows[i].file);
        t = test_run_file (run, path, &l);
        cr_expect_not_null (test_find_entity (&l, rows[i].kind, rows[i].value, rows[i].extra),
                            "%s: %s", rows[i].file, rows[i].value);
        /* Each report names its own province only (and HCM city). */
        for (size_t k = 0; k < l.count; k++)
            if (l.items[k].kind == TRACUU_ENTITY_PROVINCE)
                cr_expect (strcmp (l.items[k].value, "Hồ Chí Minh") == 0
                           || strncmp (rows[i].file, "bac-giang", 9) != 0
                           || strcmp (l.items[k].value, "Bắc Giang") == 0,
                           "%s: %s", rows[i].file, l.items[k].value);
        tracuu_entities_dispose (&l);
        tracuu_text_destroy (t);
    }
}
