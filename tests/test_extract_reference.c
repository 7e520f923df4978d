/* REFERENCE, DOCNUMBER and FOOTNOTE extraction. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/analysis.h"

typedef void (*extractor_t) (const tracuu_text_t *, tracuu_entities_t *,
                             tracuu_status_t *);

/* The entities 'fn' finds in 'input': "value@extra@from" for
 * references, "#value@extra" for a document number, "^n" for a
 * footnote mark and "¶n" for a footnote's text. */
static void
found (extractor_t fn, const char *input, size_t len, char *buf, size_t size)
{
    tracuu_text_t *text = NULL;
    tracuu_entities_t list = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t used = 0;

    cr_assert_eq (tracuu_text_analyze (input, len, &text), TRACUU_STATUS_OK);
    fn (text, &list, &rc);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    tracuu_entities_sort (&list);
    buf[0] = '\0';
    for (size_t i = 0; i < list.count; i++) {
        const tracuu_entity_t *e = &list.items[i];
        const char *sep = i ? "|" : "";

        if (e->kind == TRACUU_ENTITY_REFERENCE)
            used += snprintf (buf + used, size - used, "%s%s@%s@%d", sep,
                              e->value, e->extra, e->from);
        else if (e->kind == TRACUU_ENTITY_DOCNUMBER)
            used += snprintf (buf + used, size - used, "%s#%s@%s", sep,
                              e->value, e->extra ? e->extra : "");
        else if (e->kind == TRACUU_ENTITY_FOOTNOTE)
            used += snprintf (buf + used, size - used, "%s%s%lld", sep,
                              e->flags & TRACUU_ENTITY_FOOTNOTE_REF ? "^" : "¶",
                              (long long) e->number);
        cr_assert (used < size);
    }
    tracuu_entities_dispose (&list);
    tracuu_text_destroy (text);
}

static const struct {
    const char *input;
    const char *expected;
} cases[] = {
    { "theo quy định tại Điều 9 Nghị định số 91/2020/NĐ-CP ngày 14/8/2020 "
      "của Chính phủ", "91/2020/NĐ-CP@nghị định@20200814" },
    { "thực hiện Kế hoạch số 87/KH-BCĐ389 ngày 09/12/2022 của Ban",
      "87/KH-BCĐ389@kế hoạch@20221209" },
    { "Chỉ thị số 48-CT/TW, ngày 22/10/2010 của Bộ Chính trị",
      "48-CT/TW@chỉ thị@20101022" },
    { "UBND tỉnh có quyết định số 1257, ban hành quy chế",
      "1257@quyết định@0" },
    { "Thực hiện Văn bản số 17/BCĐ389-VPTT ngày 21/3/2023 của Ban",
      "17/BCĐ389-VPTT@văn bản@20230321" },
    { "Thực hiện Công văn số 2023/BCĐ-CAT ngày 05/6/2024",
      "2023/BCĐ-CAT@công văn@20240605" },
    { "theo Thông tư 01/2024/TT-BTTTT", "01/2024/TT-BTTTT@thông tư@0" },
    { "Luật số 24/2018/QH14", "24/2018/QH14@luật@0" },
    { "Nghị quyết số 12-NQ/TW ngày 16 tháng 1 năm 2012",
      "12-NQ/TW@nghị quyết@20120116" },
    { "Báo cáo số 15 /BC- UBND ngày 3/1/2024", "15/BC-UBND@báo cáo@20240103" },
    { "Số liệu 6 tháng thực hiện Kế hoạch số 92", "92@kế hoạch@0" },
    { "KẾ HOẠCH SỐ 87/KH-BCĐ389 CỦA BAN", "87/KH-BCĐ389@kế hoạch@0" },
    { "Phối hợp Đài Phát thanh - Truyền hình", "" },
    { "phản đối Luật An ninh mạng.", "" },          /* No number. */
    { "Kế hoạch 2024 của Sở", "" },                /* A year, not a code. */
    { "tại địa chỉ số 57 đường Vũ Ngọc Phan", "" },
    { "Kèm theo Báo cáo số /BC-STTTT ngày 24/3/2023",
      "/BC-STTTT@báo cáo@20230324" },
};

Test (extract_reference, table)
{
    char got[512];

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        found (tracuu_extract__references, cases[i].input,
               strlen (cases[i].input), got, sizeof got);
        cr_expect_str_eq (got, cases[i].expected, "case %zu: %s", i,
                          cases[i].input);
    }
}

static const struct {
    const char *input;
    const char *expected;
} headers[] = {
    { "\n\nSố: 180 /BC -STTTT\n\nBắc Giang, ngày 11 tháng 6 năm 2024\n",
      "#180/BC-STTTT@" },
    { "\n\nSố: /BC-STTTT\n\nHà Tĩnh, ngày   tháng 3 năm 2023\n\nBÁO CÁO\n"
      "(Kèm theo Báo cáo số /BC-STTTT ngày 24/3/2023)\n", "#@BC-STTTT" },
    { "UBND TỈNH X\nSố: 12/QĐ-UBND\tX, ngày 1/2/2024\n", "#12/QĐ-UBND@" },
    { "SỞ Y\nSố 45/KH-SYT\n", "#45/KH-SYT@" },
    { "SỞ Y\nSố:......./QĐ-SYT\n", "#@QĐ-SYT" },
    { "SỞ Y\nSố: …/QĐ-SYT\n", "#@QĐ-SYT" },
    { "Theo đó, số 45 đối tượng\n", "" },
    { "Nghị định số 91/2020/NĐ-CP\n", "91/2020/NĐ-CP@nghị định@0" },
};

Test (extract_reference, docnumber)
{
    char got[512];

    for (size_t i = 0; i < sizeof headers / sizeof headers[0]; i++) {
        found (tracuu_extract__references, headers[i].input,
               strlen (headers[i].input), got, sizeof got);
        cr_expect_str_eq (got, headers[i].expected, "case %zu", i);
    }
}

Test (extract_reference, keeps_case_and_span)
{
    static const char input[] =
        "theo văn bản số 328/STTTT-TTBCXB ngày 11/3/2024;";
    tracuu_text_t *text = NULL;
    tracuu_entities_t list = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const tracuu_entity_t *e;

    cr_assert_eq (tracuu_text_analyze (input, sizeof input - 1, &text),
                  TRACUU_STATUS_OK);
    tracuu_extract__references (text, &list, &rc);
    cr_assert_eq (list.count, 1);
    e = &list.items[0];
    cr_expect_str_eq (e->value, "328/STTTT-TTBCXB");
    cr_expect_str_eq (e->extra, "văn bản");
    cr_expect_eq (e->from, 20240311);
    cr_expect_eq (e->to, 20240311);
    cr_expect_eq (e->start, strlen ("theo "));
    cr_expect_eq (e->end, sizeof input - 2);
    tracuu_entities_dispose (&list);
    tracuu_text_destroy (text);
}

static const struct {
    const char *input;
    const char *expected;
} footnotes[] = {
    { "hệ thống thông tin cơ sở.⁽¹⁾\n\n¹ Kế hoạch tuyên truyền;\n",
      "^1|¶1" },
    { "thông tin sai sự thật²\n² Tiêu biểu một số vụ việc\n", "^2|¶2" },
    { "nội dung chính(1) của kế hoạch\n¹ Văn bản số 5\n", "^1|¶1" },
    { "(1) Mục thứ nhất\nnội dung(2)\n", "" },     /* No footnote texts. */
};

Test (extract_footnote, table)
{
    char got[512];

    for (size_t i = 0; i < sizeof footnotes / sizeof footnotes[0]; i++) {
        found (tracuu_extract__footnotes, footnotes[i].input,
               strlen (footnotes[i].input), got, sizeof got);
        cr_expect_str_eq (got, footnotes[i].expected, "case %zu", i);
    }
}

static const struct {
    const char *path;
    const char *expected;
} corpus[] = {
    { "../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt",
      "#180/BC-STTTT@|2023/BCĐ-CAT@công văn@20240605|"
      "48-CT/TW@chỉ thị@20101022" },
    { "../corpus/ha-tinh-2023-03-ke-hoach-87-bcd389.txt",
      "#@BC-STTTT|87/KH-BCĐ389@kế hoạch@20221209|"
      "17/BCĐ389-VPTT@văn bản@20230321|87/KH-BCDD389@kế hoạch@20221209|"
      "39/STTTT-TTBCXB@văn bản@20230111|67/STTTT-TTBCXB@văn bản@20230116|"
      "87/KH-BCĐ389@kế hoạch@20231209|87/KH-BCĐ389@kế hoạch@0|"
      "92@kế hoạch@0|92@kế hoạch@0|87/KH-BCĐ389@kế hoạch@0" },
    { "../corpus/long-an-2020-03-so-ket-phoi-hop.txt", "1257@quyết định@0" },
};

Test (extract_reference, corpus)
{
    for (size_t i = 0; i < sizeof corpus / sizeof corpus[0]; i++) {
        FILE *f = fopen (corpus[i].path, "rb");
        char *buf, got[2048];
        long len;

        cr_assert_not_null (f, "%s", corpus[i].path);
        fseek (f, 0, SEEK_END);
        len = ftell (f);
        rewind (f);
        buf = malloc ((size_t) len + 1);
        cr_assert_eq (fread (buf, 1, (size_t) len, f), (size_t) len);
        fclose (f);
        found (tracuu_extract__references, buf, (size_t) len, got, sizeof got);
        cr_expect_str_eq (got, corpus[i].expected, "%s", corpus[i].path);
        found (tracuu_extract__footnotes, buf, (size_t) len, got, sizeof got);
        cr_expect_str_eq (got, strstr (corpus[i].path, "h1-phong") ?
                          "^1|¶1|^2|¶2" : "", "%s", corpus[i].path);
        free (buf);
    }
}
