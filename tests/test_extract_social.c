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
    tracuu_extract__social (text, out, &rc);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    return text;
}

static const test_entity_case_t cases[] = {
    { "ông Nguyễn Văn Hải, chủ tài tiktok @nhathaibiettuot đối với hành vi",
      TRACUU_ENTITY_ACCOUNT, "@nhathaibiettuot", "tiktok" },
    { "chủ tài khoản TikTok \"bantin.24h\" đăng tải",
      TRACUU_ENTITY_ACCOUNT, "bantin.24h", "tiktok" },
    { "có tài khoản Facebook \"Nguyenkim Oanh\" với hành vi",
      TRACUU_ENTITY_ACCOUNT, "Nguyenkim Oanh", "facebook" },
    { "trên tài khoản Facebook “Tuần Định Yên Châu”, tại địa chỉ",
      TRACUU_ENTITY_ACCOUNT, "Tuần Định Yên Châu", "facebook" },
    { "09 video đăng tải trên kênh Youtube \"Thanh TTAD2\" liên quan",
      TRACUU_ENTITY_ACCOUNT, "Thanh TTAD2", "youtube" },
    { "gỡ bỏ trang Facebook có tên \"Tin nóng Bắc Giang\" vì",
      TRACUU_ENTITY_ACCOUNT, "Tin nóng Bắc Giang", "facebook" },
    { "quản trị fanpage “Hóng biến 24h” đã",
      TRACUU_ENTITY_ACCOUNT, "Hóng biến 24h", "facebook" },
    { "lập nhóm Zalo \"Hội mua bán xe cũ\" để",
      TRACUU_ENTITY_ACCOUNT, "Hội mua bán xe cũ", "zalo" },
    { "xử phạt 01 Trang thông tin điện tử \"Người đưa tin\" do",
      TRACUU_ENTITY_ACCOUNT, "Người đưa tin", "website" },
    { "tài khoản \"Phố Núi\" trên mạng xã hội Facebook đăng",
      TRACUU_ENTITY_ACCOUNT, "Phố Núi", "facebook" },
    { "kênh Telegram @tinmat_vn chia sẻ",
      TRACUU_ENTITY_ACCOUNT, "@tinmat_vn", "telegram" },
    { "tại https://www.tiktok.com/@abc.xyz có video",
      TRACUU_ENTITY_ACCOUNT, "@abc.xyz", "tiktok" },
    { "tại https://www.tiktok.com/@abc.xyz có video",
      TRACUU_ENTITY_URL, "https://www.tiktok.com/@abc.xyz", "tiktok" },
    { "địa chỉ <https://www.facebook.com/profile.php?id=100009930493494> thấy",
      TRACUU_ENTITY_URL, "https://www.facebook.com/profile.php?id=100009930493494",
      "facebook" },
    { "xem facebook.com/tin.nong.247, bài viết",
      TRACUU_ENTITY_URL, "facebook.com/tin.nong.247", "facebook" },
    { "Cổng thông tin điện tử của tỉnh (bacgiang.gov.vn).",
      TRACUU_ENTITY_URL, "bacgiang.gov.vn", NULL },
    { "- Công an tỉnh (congan_tm@bacgiang.gov.vn);",
      TRACUU_ENTITY_EMAIL, "congan_tm@bacgiang.gov.vn", NULL },
    { "- TgvBCD389BacGiang@Gmail.com;",
      TRACUU_ENTITY_EMAIL, "tgvbcd389bacgiang@gmail.com", NULL },
    { "Đường dây nóng: 0912.345.678 hoặc",
      TRACUU_ENTITY_PHONE, "0912345678", NULL },
    { "số điện thoại 0912 345 678.",
      TRACUU_ENTITY_PHONE, "0912345678", NULL },
    { "gọi +84 912 345 678 để",
      TRACUU_ENTITY_PHONE, "0912345678", NULL },
    { "điện thoại: 0204.3854.555;",
      TRACUU_ENTITY_PHONE, "02043854555", NULL },
    { "tổng đài 1900 1234 hoặc",
      TRACUU_ENTITY_PHONE, "19001234", NULL },
    { "đường dây nóng 18001091.", TRACUU_ENTITY_PHONE, "18001091", NULL },
    /* No false positives. */
    { "số tiền 20.000.000 đồng", TRACUU_ENTITY_PHONE, NULL, NULL },
    { "ngày 07/5/1954 - 07/5/2024", TRACUU_ENTITY_PHONE, NULL, NULL },
    { "văn bản số 0328/STTTT-TTBCXB", TRACUU_ENTITY_PHONE, NULL, NULL },
    { "thu giữ 05 03 04 02 01 chiếc", TRACUU_ENTITY_PHONE, NULL, NULL },
    { "số IMEI 356789012345678 của", TRACUU_ENTITY_PHONE, NULL, NULL },
    { "rà soát các tài khoản facebook bán hàng giả",
      TRACUU_ENTITY_ACCOUNT, NULL, NULL },
    { "chặn 5 trang Facebook có nội dung vi phạm",
      TRACUU_ENTITY_ACCOUNT, NULL, NULL },
    { "03 chủ tài khoản Youtube) đã có hành vi",
      TRACUU_ENTITY_ACCOUNT, NULL, NULL },
    { "trên Cổng thông tin điện tử Sở, các phương tiện",
      TRACUU_ENTITY_ACCOUNT, NULL, NULL },
    { "tại TP.HCM và TP. Hồ Chí Minh", TRACUU_ENTITY_URL, NULL, NULL },
    { "chuyên mục “Chuyển đổi số và Truyền thông”",
      TRACUU_ENTITY_ACCOUNT, NULL, NULL },
};

Test (extract_social, table)
{
    test_entity_cases (run, cases, sizeof cases / sizeof cases[0]);
}

Test (extract_social, account_span_is_the_name)
{
    tracuu_entities_t l = { 0 };
    const char *s = "kênh Youtube \"Thanh TTAD2\" liên quan";
    tracuu_text_t *text = run (s, &l);
    const tracuu_entity_t *e = test_find_entity (&l, TRACUU_ENTITY_ACCOUNT, "Thanh TTAD2",
                                     "youtube");

    cr_assert_not_null (e);
    cr_expect_eq (e->start, strlen ("kênh Youtube \""));
    cr_expect_eq (e->end - e->start, strlen ("Thanh TTAD2"));
    cr_expect_eq (e->line, 1);
    tracuu_entities_dispose (&l);
    tracuu_text_destroy (text);
}

Test (extract_social, corpus_bac_giang_2024_04)
{
    tracuu_entities_t l = { 0 };
    tracuu_text_t *t = test_run_file (run, "../corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt", &l);

    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_ACCOUNT, "@nhathaibiettuot", "tiktok"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_ACCOUNT, "Thanh TTAD2", "youtube"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_EMAIL, "tgvbcd389bacgiang@gmail.com", NULL));
    cr_expect_eq (test_count_kind (&l, TRACUU_ENTITY_ACCOUNT), 2);
    cr_expect_eq (test_count_kind (&l, TRACUU_ENTITY_PHONE), 0);
    tracuu_entities_dispose (&l);
    tracuu_text_destroy (t);
}

Test (extract_social, corpus_bac_giang_2024_h1)
{
    tracuu_entities_t l = { 0 };
    tracuu_text_t *t = test_run_file (run, "../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt", &l);

    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_ACCOUNT, "Nguyenkim Oanh", "facebook"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_ACCOUNT, "@nhathaibiettuot", "tiktok"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_ACCOUNT, "Tuần Định Yên Châu", "facebook"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_ACCOUNT, "Thanh TTAD2", "youtube"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_URL,
                              "https://www.facebook.com/profile.php?id=100009930493494",
                              "facebook"));
    cr_expect_not_null (test_find_entity (&l, TRACUU_ENTITY_EMAIL, "congan_tm@bacgiang.gov.vn", NULL));
    cr_expect_eq (test_count_kind (&l, TRACUU_ENTITY_ACCOUNT), 4);
    cr_expect_eq (test_count_kind (&l, TRACUU_ENTITY_PHONE), 0);
    tracuu_entities_dispose (&l);
    tracuu_text_destroy (t);
}

Test (extract_social, corpus_others_have_no_accounts)
{
    static const char *const files[] = {
        "../corpus/an-giang-2024-h1-thanh-tra-kiem-tra.txt",
        "../corpus/ha-tinh-2023-03-ke-hoach-87-bcd389.txt",
        "../corpus/long-an-2020-03-so-ket-phoi-hop.txt",
    };

    for (size_t i = 0; i < 3; i++) {
        tracuu_entities_t l = { 0 };
        tracuu_text_t *t = test_run_file (run, files[i], &l);

        cr_expect_eq (l.count, 0, "%s: %zu entities", files[i], l.count);
        tracuu_entities_dispose (&l);
        tracuu_text_destroy (t);
    }
}

Test (extract_social, lexicon_modes)
{
    tracuu_lexicon_t *lex = NULL;
    const char *tsv = "#!fold ascii\nBắc Giang\tbg\tx\nHuế\n";

    cr_assert_eq (tracuu_lexicon__parse (tsv, strlen (tsv), &lex), TRACUU_STATUS_OK);
    cr_expect_eq (tracuu_lexicon__count (lex), 2);
    cr_expect_eq (tracuu_lexicon__lookup (lex, "bg", 2), 0);
    cr_expect_eq (tracuu_lexicon__lookup (lex, "hue", 3), 1);
    cr_expect_str_eq (tracuu_lexicon__info (lex, 0), "x");
    cr_expect_str_eq (tracuu_lexicon__info (lex, 1), "");
    tracuu_lexicon__destroy (lex);
    cr_expect_eq (tracuu_lexicon__parse ("no tab\n", 7, &lex), TRACUU_STATUS_BAD_INPUT);
    cr_expect_null (lex);
}
