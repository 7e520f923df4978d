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
    tracuu_extract__people (text, out, &rc);
    tracuu_extract__agencies (text, out, &rc);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    return text;
}

static const test_entity_case_t cases[] = {
    { "xử lý vi phạm đối với ông Nguyễn Văn Hải, chủ tài tiktok",
      TRACUU_ENTITY_PERSON, "Nguyễn Văn Hải", NULL },
    { "Ông Nguyễn Bá Luân - Giám đốc Sở Thông tin và Truyền thông chủ trì hội nghị",
      TRACUU_ENTITY_PERSON, "Nguyễn Bá Luân",
      "Giám đốc Sở Thông tin và Truyền thông" },
    { "Giám đốc Sở Thông tin và Truyền thông - Nguyễn Bá Luân cho biết",
      TRACUU_ENTITY_PERSON, "Nguyễn Bá Luân",
      "Giám đốc Sở Thông tin và Truyền thông" },
    { "Phó Chủ tịch UBND tỉnh Lê Ánh Dương chỉ đạo",
      TRACUU_ENTITY_PERSON, "Lê Ánh Dương", "Phó Chủ tịch UBND tỉnh" },
    { "- GD Sở, PGĐ Ngô Đình Tiến;",
      TRACUU_ENTITY_PERSON, "Ngô Đình Tiến", "Phó Giám đốc" },
    { "bắt giữ đối tượng Hoàng Văn Nam (sinh năm 1990)",
      TRACUU_ENTITY_PERSON, "Hoàng Văn Nam", "đối tượng" },
    { "đồng chí Đỗ Thị Mai, Phó Trưởng phòng",
      TRACUU_ENTITY_PERSON, "Đỗ Thị Mai", "Phó Trưởng phòng" },
    { "theo đ/c Vi Văn Thành báo cáo",
      TRACUU_ENTITY_PERSON, "Vi Văn Thành", NULL },
    { "Thượng tá Trần Quốc Toản, Trưởng phòng PA05",
      TRACUU_ENTITY_PERSON, "Trần Quốc Toản", "Trưởng phòng PA05" },
    /* The office after the name says more than the rank before it; a
     * rank alone stays. */
    { "Thiếu tá Lê Văn Hùng cho biết",
      TRACUU_ENTITY_PERSON, "Lê Văn Hùng", "Thiếu tá" },
    { "Bà Y Hoa Niê cho biết", TRACUU_ENTITY_PERSON, "Y Hoa Niê", NULL },
    { "liên quan ông Trần Minh Tấn, ở TT. Vôi",
      TRACUU_ENTITY_PERSON, "Trần Minh Tấn", NULL },
    { "tham gia có Phạm Thị Thu Hằng và", TRACUU_ENTITY_PERSON,
      "Phạm Thị Thu Hằng", NULL },
    { "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n\n\nNgô Đình Tiến\n",
      TRACUU_ENTITY_PERSON, "Ngô Đình Tiến", "Phó Giám đốc" },
    { "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nĐặng Quốc Khánh\n",
      TRACUU_ENTITY_PERSON, "Đặng Quốc Khánh", "Phó Chủ tịch" },
    /* Not people. */
    { "tại thành phố Hồ Chí Minh và Chủ tịch Hồ Chí Minh",
      TRACUU_ENTITY_PERSON, NULL, NULL },
    { "số 57 đường Vũ Ngọc Phan, phường Mỹ Thới", TRACUU_ENTITY_PERSON, NULL, NULL },
    { "Ban Chỉ đạo 389 tỉnh, Sở Thông tin và Truyền thông",
      TRACUU_ENTITY_PERSON, NULL, NULL },
    { "*Lục Ngạn: Tam giữ các đối tượng; Lạng Giang: Bắt giữ",
      TRACUU_ENTITY_PERSON, NULL, NULL },
    { "Ông bà mẫu mực con cháu thảo hiền", TRACUU_ENTITY_PERSON, NULL, NULL },
    { "III\tTHUỐC LÁ, NGUYÊN LIỆU THUỐC LÁ, THUỐC LÁ ĐIỆN TỬ",
      TRACUU_ENTITY_PERSON, NULL, NULL },
    { "trên địa bàn tỉnh Hà Tĩnh, Cao Bằng và Lâm Đồng",
      TRACUU_ENTITY_PERSON, NULL, NULL },
    /* Agencies. */
    { "Sở Thông tin và Truyền thông phối hợp với các đơn vị",
      TRACUU_ENTITY_AGENCY, "Sở Thông tin và Truyền thông", "STTTT" },
    { "Phối hợp với Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao, Công an tỉnh tiến hành",
      TRACUU_ENTITY_AGENCY,
      "Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao", "PA05" },
    { "Phối hợp với Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao, Công an tỉnh tiến hành",
      TRACUU_ENTITY_AGENCY, "Công an tỉnh", NULL },
    { "Phối hợp phòng PC02 - Công an tỉnh xác minh",
      TRACUU_ENTITY_AGENCY, "PC02", "PC02" },
    { "Phối hợp với Công an thành phố Bắc Giang tiến hành",
      TRACUU_ENTITY_AGENCY, "Công an thành phố Bắc Giang", NULL },
    { "Thanh tra Sở đã xử phạt", TRACUU_ENTITY_AGENCY, "Thanh tra Sở", NULL },
    { "như Công an tỉnh, Cục Quản lý thị trường tỉnh,...",
      TRACUU_ENTITY_AGENCY, "Cục Quản lý thị trường tỉnh", "QLTT" },
    { "đề nghị UBND huyện Lục Nam phối hợp", TRACUU_ENTITY_AGENCY,
      "UBND huyện Lục Nam", "UBND" },
    { "của Ban Chỉ đạo 389 tỉnh về", TRACUU_ENTITY_AGENCY,
      "Ban Chỉ đạo 389 tỉnh", "BCĐ389" },
    { "trên Đài Phát thanh- Truyền hình Bắc Giang. Sở", TRACUU_ENTITY_AGENCY,
      "Đài Phát thanh - Truyền hình Bắc Giang", NULL },
    { "Sở TT&TT cũng đã hướng dẫn", TRACUU_ENTITY_AGENCY, "Sở TT&TT", "STTTT" },
    { "Sở Văn hóa, Thể thao và Du lịch tổ chức", TRACUU_ENTITY_AGENCY,
      "Sở Văn hóa, Thể thao và Du lịch", NULL },
    { "Đội Quản lý thị trường số 3 kiểm tra", TRACUU_ENTITY_AGENCY,
      "Đội Quản lý thị trường số 3", NULL },
    { "BÁO CÁO\n\nKết quả", TRACUU_ENTITY_AGENCY, NULL, NULL },
    { "II. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG 5/2024", TRACUU_ENTITY_AGENCY, NULL, NULL },
    { "Số: 180 /BC -STTTT; văn bản số 2023/BCĐ-CAT", TRACUU_ENTITY_AGENCY, NULL, NULL },
    { "số 57 đường Vũ Ngọc Phan", TRACUU_ENTITY_AGENCY, NULL, NULL },
    { "Sở tập trung tổ chức quản lý", TRACUU_ENTITY_AGENCY, NULL, NULL },
    { "lực lượng Công an đấu tranh", TRACUU_ENTITY_AGENCY, NULL, NULL },
};

Test (extract_person, table)
{
    test_entity_cases (run, cases, sizeof cases / sizeof cases[0]);
}


static const tracuu_entity_t *
person (const tracuu_entities_t *l, const char *name, const char *role)
{
    return test_find_entity (l, TRACUU_ENTITY_PERSON, name, role);
}

Test (extract_person, corpus)
{
    static const struct {
        const char *file, *name, *role;
    } rows[] = {
        { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", "Nguyễn Văn Hải", NULL },
        { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", "Ngô Đình Tiến", "Phó Giám đốc" },
        { "bac-giang-2024-h1-phong-chong-toi-pham.txt", "Trần Minh Tấn", NULL },
        { "bac-giang-2024-h1-phong-chong-toi-pham.txt", "Ngô Đình Tiến", "Phó Giám đốc" },
        { "ha-tinh-2023-03-ke-hoach-87-bcd389.txt", "Dương Văn Tuấn", "Phó Giám đốc" },
        { "long-an-2020-03-so-ket-phoi-hop.txt", "Nguyễn Bá Luân",
          "Giám đốc Sở Thông tin và Truyền thông" },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char path[256];
        tracuu_entities_t l = { 0 };
        tracuu_text_t *t;

        snprintf (path, sizeof path, "../corpus/%s", rows[i].file);
        t = test_run_file (run, path, &l);
        cr_expect_not_null (person (&l, rows[i].name, rows[i].role), "%s: %s",
                            rows[i].file, rows[i].name);
        tracuu_entities_dispose (&l);
        tracuu_text_destroy (t);
    }
}

Test (extract_person, corpus_no_extra_people)
{
    static const struct { const char *file; size_t n; } rows[] = {
        { "an-giang-2024-h1-thanh-tra-kiem-tra.txt", 0 },
        { "ha-tinh-2023-03-ke-hoach-87-bcd389.txt", 1 },
        { "long-an-2020-03-so-ket-phoi-hop.txt", 2 },
        { "bac-giang-2024-04-chong-buon-lau-hang-gia.txt", 3 },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char path[256];
        tracuu_entities_t l = { 0 };
        tracuu_text_t *t;

        snprintf (path, sizeof path, "../corpus/%s", rows[i].file);
        t = test_run_file (run, path, &l);
        cr_expect_eq (test_count_kind (&l, TRACUU_ENTITY_PERSON), rows[i].n, "%s",
                      rows[i].file);
        tracuu_entities_dispose (&l);
        tracuu_text_destroy (t);
    }
}

Test (extract_person, corpus_agencies)
{
    tracuu_entities_t l = { 0 };
    tracuu_text_t *t = test_run_file (run, "../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt", &l);

    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "Sở Thông tin và Truyền thông", "STTTT"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "Công an thành phố Bắc Giang", NULL));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY,
        "Thanh tra Sở Thông tin và Truyền thông thành phố Hồ Chí Minh", NULL));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "Bộ TTTT", "BTTTT"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "Báo Bắc Giang Điện tử", NULL));
    tracuu_entities_dispose (&l);
    tracuu_text_destroy (t);
    t = test_run_file (run, "../corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt", &l);
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY,
        "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "PA05"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "PC02", "PC02"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "Đài Phát thanh - Truyền hình An Giang", NULL));
    tracuu_entities_dispose (&l);
    tracuu_text_destroy (t);
    t = test_run_file (run, "../corpus/ha-tinh-2023-03-ke-hoach-87-bcd389.txt", &l);
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "Ban Chỉ đạo 389 tỉnh", "BCĐ389"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "Cục Quản lý thị trường tỉnh", "QLTT"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_AGENCY, "UBND TỈNH HÀ TĨNH", "UBND"));
    for (size_t i = 0; i < l.count; i++)
        if (l.items[i].kind == TRACUU_ENTITY_AGENCY)
            cr_expect (strstr (l.items[i].value, "VỤ") == NULL
                       && strstr (l.items[i].value, "\t") == NULL
                       && strstr (l.items[i].value, " 0 0") == NULL,
                       "agency %s", l.items[i].value);
    tracuu_entities_dispose (&l);
    tracuu_text_destroy (t);
}
