/*
 * Counts: a number written in digits followed by a counted noun ("149
 * cuộc thanh tra, kiểm tra", "98 đối tượng", "72 số thuê bao").
 *
 * The counted nouns are a small vocabulary of the genre, kept below as
 * phrases (exact forms); the longest one matching after the number wins. The
 * noun phrase extends over coordinated nouns joined by a comma, "và" or
 * "hoặc" ("21 tổ chức, cá nhân", "100 tin, bài, phóng sự"), where the
 * second noun may drop the classifier ("cuộc thanh tra, kiểm tra").
 *
 * Not counts: a number after "năm", "Điều", "khoản", "mục", "số"...
 * (years, legal and section numbers), a number joined to another by
 * '/', '-' or '.' (dates, codes, ranges such as "03-04 lần"), decimals,
 * and numbers in words. "gần", "khoảng", "hơn", "trên" before the
 * number set APPROXIMATE. number is the count, value its digits, extra
 * the counted noun phrase as written, lower-cased.
 */
#include <stdio.h>
#include <string.h>

#include "extract/extract-private.h"

#define MAX_COORDINATED 4       /* Nouns joined in one phrase. */

/* Exact forms; the first word of a multi-word entry may be a classifier
 * ("cuộc", "số") that a coordinated noun leaves out. */
static const char *const count_nouns[] = {
    "cuộc", "cuộc thanh tra", "cuộc kiểm tra", "cuộc gọi", "cuộc tấn công",
    "cuộc họp", "cuộc vận động",
    "vụ", "vụ việc", "vụ án", "vụ vi phạm", "vụ khởi tố",
    "đối tượng", "bị can", "bị cáo", "nghi phạm", "người", "người dân",
    "trường hợp", "tổ chức", "cá nhân", "cơ sở", "cơ sở in", "cơ quan",
    "cơ quan báo chí", "đơn vị", "doanh nghiệp", "hộ kinh doanh", "hộ",
    "hộ gia đình", "số thuê bao", "thuê bao", "thuê bao di động",
    "tài khoản", "chủ tài khoản", "tài khoản mạng xã hội", "trang",
    "trang web", "trang facebook", "trang thông tin điện tử", "website",
    "fanpage", "kênh", "kênh youtube", "nhóm", "hội", "video", "clip",
    "bài", "bài viết", "tin", "tin bài", "phóng sự", "chuyên mục",
    "chuyên đề", "chương trình", "tác phẩm", "ấn phẩm", "xuất bản phẩm",
    "lượt", "lượt người", "lượt xem", "lượt truy cập", "văn bản",
    "kế hoạch", "quyết định", "quyết định xử phạt", "công văn", "báo cáo",
    "biên bản", "hồ sơ", "đơn", "đơn thư", "kiến nghị", "phản ánh",
    "hội nghị", "lớp", "lớp tập huấn", "buổi", "đợt", "lần", "điểm",
    "điểm cung cấp dịch vụ",
    "điểm cung cấp dịch vụ trò chơi điện tử công cộng", "đại lý",
    "thiết bị", "thiết bị đầu cuối", "địa chỉ", "địa chỉ ip", "máy",
    "máy tính", "điện thoại", "sim", "số điện thoại", "tin nhắn",
    "thư điện tử", "tên miền", "ứng dụng", "chiếc", "sản phẩm",
    "mặt hàng", "tang vật", "phương tiện", "xe", "xe máy", "xe ô tô",
    "xe mô tô", "ô tô", "trạm",
    "trạm bts", "tờ rơi", "băng rôn", "pano", "khẩu hiệu", "cuốn", "bản",
    "cán bộ", "công chức", "viên chức", "đảng viên", "đại biểu",
    "học viên", "học sinh", "sinh viên", "phóng viên", "nhà báo",
    "thành viên", "đồng chí", "xã", "phường", "thị trấn", "huyện", "thôn",
    "tổ", "đoàn", "đoàn kiểm tra", "đoàn thanh tra", "mô hình", "đề án",
    "dự án", "nhiệm vụ", "sự cố", "lỗ hổng", "mã độc", "bình luận",
    "hình ảnh", "tài liệu", "báo", "tạp chí", "đài", "cụm",
};

/* Words before a number that make it a label, not a count. */
static const char *const label_words[] = {
    "năm", "điều", "khoản", "điểm", "mục", "chương", "phần", "số", "thứ",
    "lần", "kỳ", "tiết", "bước", "phụ", "lục", "quý", "tháng", "ngày",
    "giai", "khóa", "tuần", "lúc", "hạng", "cấp", "loại", "phòng", "tầng",
    "nhà", "đường", "tổ", "ấp", "khu", "quận", "lô",
};

static int
is (const tracuu_text_t *text, size_t i, const char *exact)
{
    return tracuu_extract__is (text, i, exact);
}

/* Longest counted noun at token 'i'; 'tails' also accepts an entry
 * without its first word when two or more words remain. */
static size_t
noun_at (const tracuu_text_t *text, size_t i, int tails)
{
    size_t best = 0;

    for (size_t k = 0; k < sizeof count_nouns / sizeof count_nouns[0]; k++) {
        const char *p = count_nouns[k];
        size_t n = tracuu_extract__match (text, i, p);

        if (n > best)
            best = n;
        if (tails && (p = strchr (p, ' ')) != NULL && strchr (p + 1, ' ')) {
            n = tracuu_extract__match (text, i, p + 1);
            if (n > best)
                best = n;
        }
    }
    return best;
}

/* Extend a noun phrase ending at token 'last' over coordinated nouns;
 * returns the new last token. */
static size_t
coordinated (const tracuu_text_t *text, size_t last)
{
    for (int k = 0; k < MAX_COORDINATED; k++) {
        size_t next = last + 1, n;

        if (tracuu_extract__gap_is (text, last, ",")) {
            /* "tổ chức, cá nhân" */
        } else if (tracuu_extract__gap_blank (text, last)
                   && (is (text, next, "và") || is (text, next, "hoặc"))
                   && tracuu_extract__gap_blank (text, next)) {
            next++;
        } else {
            break;
        }
        if (next >= text->n_tokens
            || text->tokens[next].line != text->tokens[last].line
            || (n = noun_at (text, next, 1)) == 0)
            break;
        last = next + n - 1;
    }
    return last;
}

/* The number token 'i' stands alone: not part of a date, code, range,
 * decimal or label. */
static int
plain_number (const tracuu_text_t *text, size_t i, int64_t *value)
{
    const tracuu_token_t *t = &text->tokens[i];
    tracuu_extract_number_t num;

    if (!(t->flags & TRACUU_TOKEN_NUMBER) || (t->flags & TRACUU_TOKEN_FOOTNOTE))
        return 0;
    if (tracuu_extract__parse_number (text->text + t->start, t->end - t->start,
                                      &num) != t->end - t->start
        || num.frac_digits > 0)
        return 0;
    if (!tracuu_extract__gap_blank (text, i))
        return 0;
    /* "(14 tổ chức", ", 07 cá nhân", "đó: 02 cơ sở" are fine; "03-04",
     * "1/2", "17:01" not. */
    if (t->start > 0 && strchr ("/-.:%,", text->text[t->start - 1]) != NULL)
        return 0;
    if (i > 0 && tracuu_extract__gap_blank (text, i - 1)) {
        for (size_t k = 0; k < sizeof label_words / sizeof label_words[0]; k++)
            if (is (text, i - 1, label_words[k])
                && !(k == 7 && is (text, i - 2, "tổng")))
                return 0;
    }
    *value = num.integer;
    return 1;
}

/* The noun phrase of tokens [first, last] as written, lower-cased, with
 * blanks collapsed. */
static void
phrase (const tracuu_text_t *text, size_t first, size_t last, char *buf,
        size_t size)
{
    size_t len = 0;

    buf[0] = '\0';
    for (size_t k = first; k <= last; k++) {
        const tracuu_token_t *t = &text->tokens[k];
        int n;

        if (k > first) {
            size_t glen;
            const char *g = tracuu_extract__gap (text, k - 1, &glen);
            int comma = memchr (g, ',', glen) != NULL;

            n = snprintf (buf + len, size - len, "%s ", comma ? "," : "");
            if (n < 0 || (size_t) n >= size - len)
                return;
            len += (size_t) n;
        }
        n = snprintf (buf + len, size - len, "%s", t->exact);
        if (n < 0 || (size_t) n >= size - len) {
            buf[len] = '\0';
            return;
        }
        len += (size_t) n;
    }
}

void
tracuu_extract__counts (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc)
{
    static const char *const approx[] = {
        "gần", "khoảng", "hơn", "trên", "chừng", "tầm",
    };

    if (*rc != TRACUU_STATUS_OK || text == NULL)
        return;
    for (size_t i = 0; i + 1 < text->n_tokens && *rc == TRACUU_STATUS_OK; i++) {
        int64_t count;
        size_t n, last, first = i;
        uint32_t flags = 0;
        char value[24], extra[256];

        if (!plain_number (text, i, &count)
            || (n = noun_at (text, i + 1, 0)) == 0)
            continue;
        last = coordinated (text, i + n);
        if (i > 0 && tracuu_extract__gap_blank (text, i - 1))
            for (size_t k = 0; k < sizeof approx / sizeof approx[0]; k++)
                if (is (text, i - 1, approx[k])) {
                    flags |= TRACUU_ENTITY_APPROXIMATE;
                    first = i - 1;
                }
        snprintf (value, sizeof value, "%lld", (long long) count);
        phrase (text, i + 1, last, extra, sizeof extra);
        tracuu_extract__push (rc, out, text, TRACUU_ENTITY_COUNT,
                              text->tokens[first].start, text->tokens[last].end,
                              flags, count, 0, 0, value, extra);
        i = last;
    }
}
