/*
 * bench/gen.c: a deterministic generator of Vietnamese provincial
 * reports, in the genre of corpus/, for the benchmark.
 *
 *   gen --seed N --docs N --out DIR [--truth FILE] [--queries FILE
 *       --counts FILE] [--manifest FILE]
 *
 * The same seed gives the same bytes on any machine: the generator has
 * its own PRNG (splitmix64 seeding xoshiro256**), its own Vietnamese
 * letter tables (vn.c) and its own Windows-1258 encoder; it calls no
 * rand() and no locale function. See bench/README.md.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "truth.h"
#include "vn.h"

#define N_OF(a) (sizeof (a) / sizeof (a)[0])
#define PICK(r, a) ((a)[rng_below ((r), (uint32_t) N_OF (a))])
#define SERIES_LEN 16

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64 to seed xoshiro256**. */

typedef struct rng {
    uint64_t s[4];              /* xoshiro256** state. */
} rng_t;

static uint64_t
splitmix64 (uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);

    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static void
rng_seed (rng_t *r, uint64_t a, uint64_t b, uint64_t c)
{
    uint64_t x = a ^ (b * 0xD1B54A32D192ED03ULL) ^ (c * 0x8CB92BA72F3D8DD7ULL);
    int i;

    for (i = 0; i < 4; i++)
        r->s[i] = splitmix64 (&x);
}

static uint64_t
rotl (uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t
rng_next (rng_t *r)
{
    uint64_t *s = r->s;
    uint64_t result = rotl (s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;

    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl (s[3], 45);
    return result;
}

/* Uniform in [0, n), n > 0 (Lemire's multiply-shift, no modulo bias
 * worth caring about at these sizes). */
static uint32_t
rng_below (rng_t *r, uint32_t n)
{
    return (uint32_t) (((rng_next (r) >> 32) * (uint64_t) n) >> 32);
}

static int
rng_range (rng_t *r, int lo, int hi)
{
    return lo + (int) rng_below (r, (uint32_t) (hi - lo + 1));
}

/* True with probability pct/100. */
static int
chance (rng_t *r, unsigned pct)
{
    return rng_below (r, 100) < pct;
}

/* ------------------------------------------------------------------ */
/* Growing byte buffer. */

typedef struct buf {
    char *p;                    /* Bytes. */
    size_t len;                 /* Used. */
    size_t cap;                 /* Allocated. */
} buf_t;

static void
buf_reserve (buf_t *b, size_t more)
{
    if (b->len + more + 1 <= b->cap)
        return;
    while (b->len + more + 1 > b->cap)
        b->cap = b->cap ? 2 * b->cap : 65536;
    b->p = realloc (b->p, b->cap);
    if (b->p == NULL) {
        perror ("gen");
        exit (2);
    }
}

static void
buf_putn (buf_t *b, const char *s, size_t n)
{
    buf_reserve (b, n);
    memcpy (b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void
buf_put (buf_t *b, const char *s)
{
    buf_putn (b, s, strlen (s));
}

static void
buf_printf (buf_t *b, const char *fmt, ...)
    __attribute__ ((format (printf, 2, 3)));

static void
buf_printf (buf_t *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start (ap, fmt);
    n = vsnprintf (NULL, 0, fmt, ap);
    va_end (ap);
    buf_reserve (b, (size_t) n);
    va_start (ap, fmt);
    vsnprintf (b->p + b->len, (size_t) n + 1, fmt, ap);
    va_end (ap);
    b->len += (size_t) n;
}

static void
buf_put_cp (buf_t *b, uint32_t cp)
{
    char enc[4];

    buf_putn (b, enc, vn_utf8_encode (cp, enc));
}

/* Append 's' in upper case. */
static void
buf_put_upper (buf_t *b, const char *s)
{
    size_t len = strlen (s), i = 0;

    while (i < len) {
        uint32_t cp;

        i += vn_utf8_decode (s + i, len - i, &cp);
        buf_put_cp (b, vn_upper (cp));
    }
}

/* ------------------------------------------------------------------ */
/* Vocabulary of the genre. */

typedef struct province {
    const char *name;           /* "Bắc Giang". */
    const char *districts;      /* ';'-separated, with their kind. */
    int city;                   /* Centrally run city. */
} province_t;

static const province_t PROVINCES[] = {
    { "An Giang", "thành phố Long Xuyên;thành phố Châu Đốc;huyện Châu Phú;huyện An Phú", 0 },
    { "Bà Rịa - Vũng Tàu", "thành phố Vũng Tàu;thành phố Bà Rịa;huyện Xuyên Mộc", 0 },
    { "Bạc Liêu", "thành phố Bạc Liêu;thị xã Giá Rai;huyện Hồng Dân", 0 },
    { "Bắc Giang", "huyện Lạng Giang;huyện Lục Ngạn;huyện Yên Thế;thị xã Việt Yên;huyện Lục Nam", 0 },
    { "Bắc Kạn", "huyện Ba Bể;huyện Chợ Đồn;huyện Ngân Sơn", 0 },
    { "Bắc Ninh", "thành phố Từ Sơn;thị xã Quế Võ;huyện Tiên Du", 0 },
    { "Bến Tre", "huyện Ba Tri;huyện Mỏ Cày Nam;huyện Giồng Trôm", 0 },
    { "Bình Dương", "thành phố Thủ Dầu Một;thành phố Dĩ An;thành phố Thuận An", 0 },
    { "Bình Định", "thành phố Quy Nhơn;thị xã An Nhơn;thị xã Hoài Nhơn", 0 },
    { "Bình Phước", "thành phố Đồng Xoài;thị xã Bình Long;huyện Lộc Ninh", 0 },
    { "Bình Thuận", "thành phố Phan Thiết;thị xã La Gi;huyện Tuy Phong", 0 },
    { "Cà Mau", "huyện Năm Căn;huyện Đầm Dơi;huyện U Minh", 0 },
    { "Cao Bằng", "huyện Trùng Khánh;huyện Hà Quảng;huyện Bảo Lạc", 0 },
    { "Cần Thơ", "quận Ninh Kiều;quận Cái Răng;quận Bình Thủy", 1 },
    { "Đà Nẵng", "quận Hải Châu;quận Sơn Trà;quận Liên Chiểu", 1 },
    { "Đắk Lắk", "thành phố Buôn Ma Thuột;huyện Krông Pắc;huyện Ea H'leo;thị xã Buôn Hồ", 0 },
    { "Đắk Nông", "thành phố Gia Nghĩa;huyện Đắk Mil;huyện Cư Jút", 0 },
    { "Điện Biên", "thành phố Điện Biên Phủ;thị xã Mường Lay;huyện Tuần Giáo", 0 },
    { "Đồng Nai", "thành phố Biên Hòa;thành phố Long Khánh;huyện Nhơn Trạch", 0 },
    { "Đồng Tháp", "thành phố Cao Lãnh;thành phố Sa Đéc;thành phố Hồng Ngự", 0 },
    { "Gia Lai", "thành phố Pleiku;thị xã An Khê;huyện Chư Sê", 0 },
    { "Hà Giang", "huyện Đồng Văn;huyện Mèo Vạc;huyện Vị Xuyên", 0 },
    { "Hà Nam", "thành phố Phủ Lý;thị xã Duy Tiên;huyện Kim Bảng", 0 },
    { "Hà Nội", "quận Ba Đình;quận Hoàn Kiếm;quận Cầu Giấy;huyện Đông Anh", 1 },
    { "Hà Tĩnh", "thị xã Hồng Lĩnh;thị xã Kỳ Anh;huyện Hương Sơn", 0 },
    { "Hải Dương", "thành phố Chí Linh;thị xã Kinh Môn;huyện Cẩm Giàng", 0 },
    { "Hải Phòng", "quận Hồng Bàng;quận Lê Chân;huyện Thủy Nguyên", 1 },
    { "Hậu Giang", "thành phố Vị Thanh;thành phố Ngã Bảy;thị xã Long Mỹ", 0 },
    { "Hòa Bình", "huyện Mai Châu;huyện Lương Sơn;huyện Kim Bôi", 0 },
    { "Hưng Yên", "huyện Văn Giang;thị xã Mỹ Hào;huyện Khoái Châu", 0 },
    { "Khánh Hòa", "thành phố Nha Trang;thành phố Cam Ranh;thị xã Ninh Hòa", 0 },
    { "Kiên Giang", "thành phố Rạch Giá;thành phố Phú Quốc;thành phố Hà Tiên", 0 },
    { "Kon Tum", "huyện Đắk Hà;huyện Ngọc Hồi;huyện Sa Thầy", 0 },
    { "Lai Châu", "huyện Tam Đường;huyện Sìn Hồ;huyện Than Uyên", 0 },
    { "Lâm Đồng", "thành phố Đà Lạt;thành phố Bảo Lộc;huyện Đức Trọng", 0 },
    { "Lạng Sơn", "huyện Cao Lộc;huyện Văn Lãng;huyện Lộc Bình", 0 },
    { "Lào Cai", "thị xã Sa Pa;huyện Bát Xát;huyện Bảo Thắng", 0 },
    { "Long An", "thành phố Tân An;huyện Bến Lức;huyện Đức Hòa", 0 },
    { "Nam Định", "huyện Giao Thủy;huyện Hải Hậu;huyện Ý Yên", 0 },
    { "Nghệ An", "thành phố Vinh;thị xã Cửa Lò;huyện Diễn Châu", 0 },
    { "Ninh Bình", "thành phố Tam Điệp;thành phố Hoa Lư;huyện Kim Sơn", 0 },
    { "Ninh Thuận", "thành phố Phan Rang - Tháp Chàm;huyện Ninh Hải;huyện Ninh Phước", 0 },
    { "Phú Thọ", "thành phố Việt Trì;thị xã Phú Thọ;huyện Thanh Sơn", 0 },
    { "Phú Yên", "thành phố Tuy Hòa;thị xã Sông Cầu;thị xã Đông Hòa", 0 },
    { "Quảng Bình", "thành phố Đồng Hới;thị xã Ba Đồn;huyện Bố Trạch", 0 },
    { "Quảng Nam", "thành phố Tam Kỳ;thành phố Hội An;thị xã Điện Bàn", 0 },
    { "Quảng Ngãi", "huyện Bình Sơn;thị xã Đức Phổ;huyện Sơn Tịnh", 0 },
    { "Quảng Ninh", "thành phố Hạ Long;thành phố Móng Cái;thành phố Cẩm Phả", 0 },
    { "Quảng Trị", "thành phố Đông Hà;huyện Hải Lăng;huyện Gio Linh", 0 },
    { "Sóc Trăng", "thị xã Vĩnh Châu;thị xã Ngã Năm;huyện Kế Sách", 0 },
    { "Sơn La", "huyện Mộc Châu;huyện Mai Sơn;huyện Sông Mã", 0 },
    { "Tây Ninh", "thị xã Hòa Thành;thị xã Trảng Bàng;huyện Gò Dầu", 0 },
    { "Thái Bình", "huyện Đông Hưng;huyện Thái Thụy;huyện Tiền Hải", 0 },
    { "Thái Nguyên", "thành phố Sông Công;thành phố Phổ Yên;huyện Đại Từ", 0 },
    { "Thanh Hóa", "thành phố Sầm Sơn;thị xã Bỉm Sơn;huyện Hoằng Hóa", 0 },
    { "Thừa Thiên Huế", "thành phố Huế;thị xã Hương Thủy;huyện Phú Vang", 0 },
    { "Tiền Giang", "thành phố Mỹ Tho;thành phố Gò Công;thị xã Cai Lậy", 0 },
    { "Hồ Chí Minh", "thành phố Thủ Đức;quận Bình Thạnh;quận Gò Vấp", 1 },
    { "Trà Vinh", "huyện Cầu Kè;huyện Tiểu Cần;thị xã Duyên Hải", 0 },
    { "Tuyên Quang", "huyện Sơn Dương;huyện Hàm Yên;huyện Na Hang", 0 },
    { "Vĩnh Long", "thị xã Bình Minh;huyện Long Hồ;huyện Trà Ôn", 0 },
    { "Vĩnh Phúc", "thành phố Phúc Yên;huyện Tam Đảo;huyện Yên Lạc", 0 },
    { "Yên Bái", "thị xã Nghĩa Lộ;huyện Văn Yên;huyện Mù Cang Chải", 0 },
};

/* Topics of a series of reports. */
typedef struct topic {
    const char *title;          /* After "Kết quả thực hiện công tác". */
    const char *slug;           /* For file names. */
    int pool;                   /* Index of its own sentence pool. */
} topic_t;

static const topic_t TOPICS[] = {
    { "chống buôn lậu, gian lận thương mại và hàng giả", "chong-buon-lau-hang-gia", 0 },
    { "phòng, chống tội phạm; phòng, chống ma túy, phòng, chống mua bán người", "phong-chong-toi-pham", 1 },
    { "thanh tra, kiểm tra và xử lý vi phạm hành chính", "thanh-tra-kiem-tra", 2 },
    { "quản lý nhà nước về thông tin và truyền thông", "quan-ly-nha-nuoc", 3 },
    { "bảo đảm an toàn thông tin, an ninh mạng", "an-toan-thong-tin", 4 },
    { "phòng, chống tin giả, tin sai sự thật trên không gian mạng", "chong-tin-gia", 5 },
};

typedef struct agency {
    const char *name;           /* "Sở Thông tin và Truyền thông". */
    const char *code;           /* Document number suffix. */
    const char *parent;         /* Upper header line prefix. */
} agency_t;

static const agency_t AGENCIES[] = {
    { "Sở Thông tin và Truyền thông", "STTTT", "UBND" },
    { "Sở Thông tin và Truyền thông", "STTTT", "UBND" },
    { "Sở Thông tin và Truyền thông", "STTTT", "UBND" },
    { "Thanh tra Sở Thông tin và Truyền thông", "TTr", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG" },
    { "Sở Công Thương", "SCT", "UBND" },
    { "Cục Quản lý thị trường", "QLTT", "BỘ CÔNG THƯƠNG" },
};

static const char *SURNAMES[] = {
    "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm",
    "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương",
};
static const char *MIDDLE_M[] = {
    "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Thanh", "Công",
    "Đình", "Ngọc", "Bá", "Tiến",
};
static const char *MIDDLE_F[] = {
    "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hoài", "Kim", "Mỹ",
};
static const char *GIVEN_M[] = {
    "Hải", "Tấn", "Luân", "Tuấn", "Hùng", "Dũng", "Nam", "Long", "Cường",
    "Đạt", "Tiến", "Sơn", "Thắng", "Quân", "Khoa", "Phúc", "Hiếu", "Trung",
    "Vinh", "Đông", "Bình", "Toàn", "Huy", "Kiên",
};
static const char *GIVEN_F[] = {
    "Oanh", "Lan", "Hương", "Mai", "Phương", "Thảo", "Hà", "Linh", "Trang",
    "Ngân", "Yến", "Nhung", "Hạnh", "Dung", "Quyên", "Vân",
};
static const char *HANDLE_WORDS[] = {
    "biettuot", "review", "official", "tv", "vlog", "channel", "news",
    "media", "88", "99", "xinh", "dep", "life", "store", "shop", "real",
    "kenh", "daily", "family", "music",
};

enum { PLAT_TIKTOK, PLAT_FACEBOOK, PLAT_YOUTUBE, PLAT_ZALO, N_PLATS };
static const char *PLAT_NAME[N_PLATS] = { "tiktok", "facebook", "youtube", "zalo" };
static const char *PLAT_WRITTEN[N_PLATS][3] = {
    { "tiktok", "Tiktok", "TikTok" },
    { "facebook", "Facebook", "Facebook" },
    { "youtube", "Youtube", "YouTube" },
    { "zalo", "Zalo", "Zalo" },
};

/* Categories of fines. 'online': committed through an account. */
typedef struct category {
    const char *name;           /* Truth TSV value. */
    int weight;                 /* Relative frequency. */
    int online;                 /* Needs a platform and account. */
    int who_org;                /* Percent of organizations. */
    const char *behaviors[3];   /* "hành vi ..." texts. */
    int amounts[6];             /* In units of 250 000 VND. */
} category_t;

static const category_t CATEGORIES[] = {
    { "false_info", 30, 1, 5,
      { "cung cấp, đăng tải thông tin sai sự thật, xuyên tạc, gây hoang mang trong nhân dân",
        "cung cấp, chia sẻ thông tin giả mạo, thông tin sai sự thật",
        "đăng tải, chia sẻ thông tin sai sự thật, mê tín dị đoan trên mạng xã hội" },
      { 20, 30, 30, 40, 50, 60 } },
    { "defamation", 15, 1, 5,
      { "cung cấp, đăng tải thông tin xuyên tạc, vu khống, xúc phạm uy tín của cơ quan, tổ chức, danh dự, nhân phẩm của cá nhân",
        "đăng tải bài viết có nội dung xúc phạm danh dự, nhân phẩm của cá nhân",
        "chia sẻ thông tin có nội dung quy kết, nói xấu, xúc phạm uy tín chính quyền" },
      { 40, 40, 60, 60, 80, 80 } },
    { "gaming", 12, 0, 100,
      { "cung cấp dịch vụ trò chơi điện tử công cộng quá giờ quy định",
        "hoạt động Điểm cung cấp dịch vụ trò chơi điện tử công cộng không có Giấy chứng nhận đủ điều kiện",
        "không niêm yết nội quy tại Điểm cung cấp dịch vụ trò chơi điện tử công cộng" },
      { 6, 8, 10, 12, 19, 30 } },
    { "publishing", 8, 0, 60,
      { "phát hành xuất bản phẩm không có hóa đơn, chứng từ, tài liệu thể hiện nguồn gốc hợp pháp",
        "kinh doanh xuất bản phẩm không rõ nguồn gốc",
        "in, phát hành lịch bloc không đăng ký theo quy định" },
      { 6, 12, 20, 20, 40, 60 } },
    { "telecom", 10, 0, 60,
      { "sử dụng thiết bị đầu cuối di động mặt đất không chứng nhận hợp quy, không công bố hợp quy",
        "sử dụng tần số vô tuyến điện không có giấy phép",
        "không lưu giữ đầy đủ thông tin thuê bao theo quy định" },
      { 20, 40, 40, 60, 80, 160 } },
    { "personal_data", 6, 1, 10,
      { "thu thập, xử lý và sử dụng thông tin của cá nhân khác mà không được sự đồng ý",
        "tiết lộ thông tin cá nhân của người khác trên mạng xã hội",
        "mua bán, trao đổi thông tin cá nhân trái phép" },
      { 40, 40, 60, 60, 80, 120 } },
    { "advertising", 7, 1, 30,
      { "quảng cáo sản phẩm không đúng quy định trên mạng xã hội",
        "quảng cáo thực phẩm chức năng gây nhầm lẫn với thuốc chữa bệnh",
        "đăng tải quảng cáo không có nội dung xác nhận theo quy định" },
      { 20, 40, 40, 60, 60, 80 } },
    { "website", 6, 0, 100,
      { "thiết lập trang thông tin điện tử tổng hợp không có giấy phép",
        "không thực hiện đúng quy định về quản lý nội dung trang thông tin điện tử",
        "hoạt động mạng xã hội không có giấy phép" },
      { 40, 60, 80, 80, 120, 160 } },
    { "postal", 6, 0, 100,
      { "kinh doanh dịch vụ bưu chính không có giấy phép",
        "nhận gửi hàng hóa không rõ nguồn gốc xuất xứ qua mạng bưu chính",
        "không thực hiện kiểm soát bưu gửi theo quy định" },
      { 20, 40, 60, 60, 80, 100 } },
};

static const char *ORG_KINDS[] = {
    "Công ty TNHH", "Công ty TNHH MTV", "Công ty Cổ phần", "Hộ kinh doanh",
    "Cửa hàng", "Nhà sách",
};
static const char *ORG_WORDS[] = {
    "Thành Công", "Minh Phát", "Hoàng Long", "An Phát", "Việt Tiến",
    "Phú Gia", "Đại Phát", "Tân Tiến", "Hưng Thịnh", "Nam Việt",
    "Bình Minh", "Sao Việt", "Hồng Hà", "Đông Á", "Trường Sơn",
};

static const char *UNITS[] = {
    "Phòng An ninh mạng và phòng chống tội phạm sử dụng công nghệ cao, Công an tỉnh",
    "Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (PA05)",
    "Phòng Cảnh sát kinh tế (PC03), Công an tỉnh",
    "Phòng PC02 - Công an tỉnh",
    "Cục Quản lý thị trường tỉnh",
    "Đội Quản lý thị trường số 2",
    "Cục Hải quan tỉnh",
    "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
    "Sở Công Thương",
    "Sở Tư pháp",
    "Công an các huyện, thị xã, thành phố",
};

static const char *MEDIA[] = {
    "Báo {PN}", "Đài Phát thanh và Truyền hình tỉnh", "Đài PTTH tỉnh",
    "Cổng Thông tin điện tử tỉnh", "hệ thống Đài truyền thanh cơ sở",
    "Báo {PN} điện tử", "các cơ quan báo chí của tỉnh",
};

static const char *ACTIVITIES[] = {
    "công tác tuyên truyền, phổ biến, giáo dục pháp luật",
    "công tác thanh tra, kiểm tra chuyên ngành",
    "công tác phòng, chống tội phạm và vi phạm pháp luật trên không gian mạng",
    "công tác chống buôn lậu, gian lận thương mại và hàng giả",
    "công tác đấu tranh phản bác các quan điểm sai trái, thù địch",
    "công tác bảo đảm an toàn thông tin, an ninh mạng",
    "việc chuẩn hóa thông tin thuê bao di động",
    "việc xử lý SIM rác, cuộc gọi rác, tin nhắn rác",
    "công tác quản lý nhà nước trong lĩnh vực {FIELD}",
    "công tác phòng, chống tin giả, tin sai sự thật",
    "công tác tiếp công dân, giải quyết khiếu nại, tố cáo",
    "công tác chuyển đổi số",
    "việc kiểm tra, giám sát hoạt động {FIELD} trên địa bàn",
};

static const char *PURPOSES[] = {
    "nhằm nâng cao nhận thức, ý thức chấp hành pháp luật của người dân",
    "góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn",
    "để nhân dân cảnh giác, chủ động phòng ngừa và tích cực tham gia tố giác tội phạm",
    "nhằm kịp thời phát hiện, ngăn chặn và xử lý nghiêm các hành vi vi phạm",
    "góp phần nâng cao hiệu lực, hiệu quả công tác quản lý nhà nước",
    "bảo vệ quyền lợi hợp pháp của người tiêu dùng",
    "tạo môi trường mạng an toàn, lành mạnh",
};

static const char *FIELDS[] = {
    "báo chí", "xuất bản, in và phát hành", "bưu chính", "viễn thông",
    "công nghệ thông tin", "phát thanh, truyền hình và thông tin điện tử",
    "an toàn thông tin", "thông tin cơ sở", "tần số vô tuyến điện",
};

static const char *REFS[] = {
    "Kế hoạch số {n}/KH-BCĐ389 ngày {DATE0} của Ban Chỉ đạo 389 tỉnh",
    "Nghị định số 15/2020/NĐ-CP ngày 03/02/2020 của Chính phủ",
    "Nghị định số 14/2022/NĐ-CP ngày 27/01/2022 của Chính phủ",
    "Nghị định số 91/2020/NĐ-CP ngày 14/8/2020 của Chính phủ về chống tin nhắn rác, thư điện tử rác, cuộc gọi rác",
    "Chỉ thị số 28-CT/TW của Ban Bí thư",
    "Chỉ thị số 48-CT/TW ngày 22/10/2010 của Bộ Chính trị",
    "Công văn số {n}/BCĐ-CAT ngày {DATE0} của Ban Chỉ đạo phòng, chống tội phạm tỉnh",
    "Văn bản số {n}/STTTT-TTBCXB ngày {DATE0}",
    "Quyết định số {n}/QĐ-UBND ngày {DATE0} của UBND tỉnh",
    "Luật An ninh mạng năm 2018",
};

static const char *CRIMES[] = {
    "lừa đảo chiếm đoạt tài sản qua mạng", "đánh bạc qua mạng",
    "mua bán trái phép chất ma túy", "mua bán người", "tín dụng đen",
    "buôn lậu, vận chuyển trái phép hàng hóa qua biên giới",
    "sản xuất, kinh doanh hàng giả, hàng kém chất lượng",
    "xâm phạm quyền sở hữu trí tuệ", "lừa đảo công nghệ cao",
    "mạo danh cơ quan chức năng để lừa đảo",
};

static const char *HEADLINES[] = {
    "{DS}: Bắt giữ 0{d} đối tượng có hành vi tàng trữ trái phép chất ma túy",
    "Rao bán \"Xe máy giá rẻ\" trên mạng xã hội để chiếm đoạt tài sản",
    "Kinh doanh hàng gia dụng không rõ nguồn gốc, một hộ ở {DS} bị xử phạt {d}5 triệu đồng",
    "Phối hợp chặt chẽ trong vận động quần chúng tham gia bảo vệ ANTT",
    "Thu giữ lượng lớn hàng hoá nghi nhập lậu",
    "Cảnh giác với thủ đoạn lừa đảo qua mạng xã hội",
    "{DS}: Khởi tố các đối tượng có hành vi mua bán trái phép chất ma túy",
    "Chung sức chuyển hóa địa bàn phức tạp",
    "Tuyên truyền tác hại của chất ma túy trong Đoàn thanh niên",
    "Vụ đánh bạc nghìn tỷ qua ví điện tử",
};

/* Sentences common to every topic. */
static const char *GENERIC[] = {
    "Trong {PER}, {AG} tiếp tục triển khai {ACT}, {PURP}.",
    "Thực hiện {REF}, {AG} đã tham mưu UBND tỉnh ban hành {NN} văn bản chỉ đạo, hướng dẫn triển khai {ACT}.",
    "{AG} thường xuyên phối hợp với {UNIT} trong {ACT}; kịp thời trao đổi, chia sẻ thông tin {PURP}.",
    "{MEDIA} đã đăng tải {N} tin, bài, phóng sự về {ACT}.",
    "Chỉ đạo {MEDIA} duy trì các chuyên trang, chuyên mục về an ninh trật tự, pháp luật và đời sống.",
    "Hệ thống truyền thanh cơ sở cấp huyện, cấp xã tăng cường tuyên truyền với tần suất 0{d}-0{d} lần/tuần.",
    "Bên cạnh đó, công tác phối hợp đôi khi còn lúng túng, chưa chủ động và thường xuyên.",
    "Tình hình {CRIME} trên địa bàn {PT} tiếp tục diễn biến phức tạp, tiềm ẩn nhiều nguy cơ.",
    "Các cơ quan, đơn vị đã lồng ghép việc tuyên truyền nâng cao nhận thức cho cán bộ, nhân dân về xây dựng \"Khu dân cư an toàn về an ninh trật tự\".",
    "Tổ chức {NN} hội nghị phổ biến, quán triệt {REF} cho {N} lượt cán bộ, công chức, viên chức.",
    "Phối hợp với {UNIT} xác minh thông tin chủ thuê bao, số IMEI của điện thoại đối với {N} thuê bao di động phục vụ công tác điều tra.",
    "Tiếp nhận và xử lý {NN} đơn phản ánh, kiến nghị của công dân, trong đó có 0{d} đơn liên quan đến đăng thông tin sai sự thật trên mạng.",
    "Thực hiện tiếp công dân đối với 0{d} trường hợp công dân ({DS}) đến kiến nghị, phản ánh.",
    "Công tác thông tin, tuyên truyền được triển khai đồng bộ, đa dạng về hình thức, phong phú về nội dung.",
    "Kiến nghị Cục Viễn thông khóa 02 chiều đối với {N} số thuê bao điện thoại di động có hành vi quấy rối, mạo danh, lừa đảo người dân.",
    "Đã đề nghị các nền tảng xuyên biên giới gỡ bỏ {N} bài viết, video có nội dung xấu, độc, sai sự thật.",
    "Phối hợp với Sở Thông tin và Truyền thông {OPT} rà soát, xác minh các tài khoản có dấu hiệu vi phạm.",
    "Ban hành văn bản đề nghị UBND {DS} phối hợp triển khai kế hoạch tuyên truyền năm {Y}.",
    "Các doanh nghiệp viễn thông trên địa bàn đã thực hiện chuẩn hóa thông tin thuê bao theo Cơ sở dữ liệu quốc gia về dân cư, khoá 02 chiều {N} thuê bao không chính chủ.",
    "Kiểm tra đột xuất việc chấp hành pháp luật đối với {N} tổ chức, cá nhân kinh doanh điện thoại di động trên địa bàn {DS}; qua kiểm tra chưa phát hiện vi phạm.",
    "Công tác phát hiện, xử lý vi phạm thông tin trên mạng đã được đẩy mạnh nhưng kết quả đạt được vẫn còn hạn chế.",
    "Tổng kinh phí thực hiện các hoạt động tuyên truyền trong kỳ là {N} triệu đồng từ nguồn ngân sách tỉnh.",
    "Theo quy định tại {REF}, mức phạt tiền tối đa trong lĩnh vực {FIELD} là 100 triệu đồng đối với cá nhân.",
    "Ngày {DATE}, {AG} tổ chức hội nghị sơ kết công tác phối hợp với Công an tỉnh trong {ACT}.",
    "Ông {PERSON} - Giám đốc Sở chủ trì hội nghị; dự hội nghị có đại diện {UNIT}.",
    "Đồng chí {PERSON}, Phó Giám đốc Sở đã làm việc với {ORG} về việc chấp hành các quy định trong lĩnh vực {FIELD}.",
    "Tiếp nhận phản ánh của bà {PERSON} ({DS}) về các cuộc gọi quấy rối, làm phiền, đề nghị doanh nghiệp viễn thông ngăn chặn {N} số thuê bao.",
    "Cấp giấy phép cho {ORG} và {ORG} hoạt động trong lĩnh vực {FIELD}.",
};

/* Sentences of each topic's own pool. */
static const char *POOL0[] = {
    "Tiếp tục phối hợp với các cơ quan chức năng rà soát, phát hiện và xử lý kịp thời các hành vi buôn lậu, sản xuất, kinh doanh hàng giả, gian lận thương mại trong lĩnh vực quản lý nhà nước của Ngành.",
    "Quán triệt các doanh nghiệp bưu chính không tiếp tay, vận chuyển hàng hóa nhập lậu, hàng cấm, hàng giả, hàng hóa không rõ nguồn gốc xuất xứ.",
    "Hoạt động buôn bán hàng hóa được thực hiện phổ biến trên môi trường mạng, do đó việc kiểm soát hành vi buôn bán hàng giả, hàng nhập lậu đòi hỏi sự vào cuộc sát sao của các lực lượng chức năng.",
    "Tăng cường kiểm tra hoạt động thương mại điện tử, các tài khoản mạng xã hội bán hàng giả, hàng nhái, hàng kém chất lượng.",
    "Tuyên truyền cuộc vận động \"Người Việt Nam ưu tiên dùng hàng Việt Nam\", bảo vệ quyền lợi người tiêu dùng.",
    "Tổ chức {NN} cuộc kiểm tra hoạt động phát hành xuất bản phẩm đối với các cơ sở trên địa bàn {DS}.",
    "Lợi dụng mạng bưu chính, chuyển phát để hoạt động buôn lậu và gian lận thương mại vẫn còn diễn biến phức tạp.",
};
static const char *POOL1[] = {
    "Các cơ quan báo chí của tỉnh đã thường xuyên bám sát lĩnh vực, nhạy bén với những hiện tượng mới phát sinh liên quan đến công tác phòng, chống ma túy.",
    "Tuyên truyền Kế hoạch thực hiện Chương trình phòng, chống mua bán người năm {Y} và định hướng đến năm 2030.",
    "Lồng ghép nội dung phong trào toàn dân bảo vệ an ninh Tổ quốc với các phong trào khác của Mặt trận Tổ quốc và các đoàn thể.",
    "Biểu dương những tập thể, cá nhân có nhiều đóng góp cho việc tuyên truyền, đẩy lùi tệ nạn ma túy, hỗ trợ người nghiện hòa nhập cộng đồng.",
    "Đăng tải gần {N} tin, bài, phóng sự về công tác phòng, chống tội phạm, phòng, chống ma túy.",
    "Cảnh báo phương thức, thủ đoạn hoạt động của tội phạm {CRIME} và các nguy cơ, hệ lụy cho gia đình và cộng đồng.",
    "Phối hợp với Công an tỉnh sản xuất và phát sóng chuyên mục \"Truyền hình An ninh {PN}\" định kỳ 01 chuyên mục/tuần.",
};
static const char *POOL2[] = {
    "Thực hiện {NN} cuộc thanh tra, kiểm tra theo Kế hoạch về các lĩnh vực: {FIELD}; {FIELD}.",
    "Qua kiểm tra, các đơn vị, doanh nghiệp đa số chấp hành tốt các quy định pháp luật.",
    "Tiến hành {NN} cuộc thanh tra, kiểm tra đối với {N} tổ chức, cá nhân hoạt động trong lĩnh vực {FIELD}.",
    "Kiểm tra việc chấp hành quy định về kiểm định trạm BTS của các doanh nghiệp viễn thông trên địa bàn.",
    "Hoàn thành khảo sát nội dung thanh tra đối với doanh nghiệp viễn thông, phục vụ việc ban hành quyết định thanh tra.",
    "Ban hành {NN} kết luận thanh tra; kiến nghị chấn chỉnh, khắc phục các tồn tại, hạn chế.",
    "Thực hiện nghiêm quy trình xử phạt vi phạm hành chính theo {REF}.",
};
static const char *POOL3[] = {
    "Sở tập trung tổ chức quản lý, đón tiếp nhà báo, phóng viên về tác nghiệp tại các sự kiện lớn của tỉnh.",
    "Cấp {NN} giấy phép xuất bản bản tin, {NN} giấy phép hoạt động in trong kỳ.",
    "Hướng dẫn hoạt động thông tin cơ sở, cung cấp tài liệu tuyên truyền cho {N} Đài truyền thanh cấp xã.",
    "Theo dõi, tổng hợp {N} tin, bài phản ánh trên báo chí liên quan đến tỉnh; chuyển các cơ quan liên quan xử lý, trả lời.",
    "Tổ chức họp báo định kỳ cung cấp thông tin cho báo chí về tình hình kinh tế - xã hội của tỉnh.",
    "Thẩm định {NN} hồ sơ đề nghị cấp giấy phép thiết lập trang thông tin điện tử tổng hợp.",
};
static const char *POOL4[] = {
    "Trung tâm Giám sát, điều hành an toàn thông tin của tỉnh đã phát hiện, cảnh báo {N} lượt tấn công mạng vào các hệ thống thông tin.",
    "Hướng dẫn các cơ quan, đơn vị xác định cấp độ an toàn hệ thống thông tin theo quy định.",
    "Rà soát, khắc phục {NN} điểm yếu, lỗ hổng bảo mật trên các hệ thống thông tin của tỉnh.",
    "Tổ chức diễn tập ứng cứu sự cố an toàn thông tin mạng cho các cơ quan nhà nước trên địa bàn.",
    "Cảnh báo các thủ đoạn đánh cắp thông tin cá nhân để chiếm đoạt tiền qua tài khoản ngân hàng.",
    "Triển khai mô hình bảo đảm an toàn thông tin 4 lớp, kết nối với Trung tâm Giám sát an toàn không gian mạng quốc gia.",
};
static const char *POOL5[] = {
    "Cử báo cáo viên phổ biến Cẩm nang phòng, chống tin giả, tin sai sự thật trên không gian mạng tại hội nghị của các hội, đoàn thể.",
    "Rà soát, phát hiện {N} tài khoản mạng xã hội đăng tải thông tin sai sự thật, xuyên tạc về chủ trương, chính sách của Đảng, pháp luật của Nhà nước.",
    "Tập trung giám sát, xử lý việc đăng tải thông tin không đúng sự thật trên địa bàn tỉnh.",
    "Đã phối hợp bóc gỡ nhiều tài khoản đăng tải thông tin có nội dung xuyên tạc, không đúng sự thật gây dư luận, hoang mang trong nhân dân.",
    "Kịp thời cung cấp thông tin chính thống, đấu tranh, phản bác các luận điệu xuyên tạc trên mạng xã hội.",
    "Duy trì Trung tâm xử lý tin giả, tin sai sự thật của tỉnh, tiếp nhận {N} phản ánh của người dân.",
};
static const char *const *POOLS[] = { POOL0, POOL1, POOL2, POOL3, POOL4, POOL5 };
static const size_t POOL_N[] = {
    N_OF (POOL0), N_OF (POOL1), N_OF (POOL2), N_OF (POOL3), N_OF (POOL4), N_OF (POOL5),
};

/* Rare sentences: each in about 0.5% of reports. */
static const char *RARE[] = {
    "Khuyến khích áp dụng các tiêu chuẩn GlobalGap, VietGap, hệ thống quản lý chất lượng ISO, HACCP vào sản xuất nông nghiệp.",
    "Đẩy mạnh tuyên truyền kết quả thực hiện Chương trình OCOP đảm bảo tiêu chuẩn theo quy định.",
    "Phòng, chống ma túy qua ứng dụng VNeID được triển khai tại {NN} xã, phường, thị trấn.",
    "Kỷ niệm 70 năm chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024) được tuyên truyền rộng rãi.",
    "Phối hợp kiểm tra hoạt động của trạm thu phát sóng vệ tinh VSAT trên địa bàn {DS}.",
};

static const char *SUBHEADS[] = {
    "Công tác chỉ đạo, điều hành", "Công tác thông tin, tuyên truyền",
    "Công tác phối hợp", "Đấu tranh phản bác những thông tin xấu, độc",
    "Công tác quản lý nhà nước", "Công tác phòng, chống tội phạm",
    "Công tác phòng, chống ma túy", "Công tác bảo đảm an toàn thông tin",
    "Công tác tiếp công dân, giải quyết đơn thư",
};
static const char *FINE_HEADS[] = {
    "Công tác thanh tra, kiểm tra và xử lý vi phạm",
    "Kết quả phát hiện, bắt giữ và xử lý",
    "Kết quả kiểm tra, xử lý vi phạm",
};

static const char *ROMAN[] = { "I", "II", "III", "IV", "V", "VI", "VII" };
static const char *SUPER[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };

/* ------------------------------------------------------------------ */
/* Reports, series and cases. */

enum { KIND_MONTH, KIND_QUARTER, KIND_HALF };

/* A series: the reports of one agency of one province on one topic
 * through one year. */
typedef struct series {
    uint64_t id;                /* Series number. */
    int prov, year, topic, agency;
    char signer[64];            /* Signing officer. */
    int number_base;            /* First document number. */
} series_t;

typedef struct fcase {
    int cat;                    /* Index in CATEGORIES. */
    int org;                    /* Organization, not a person. */
    int female;                 /* For "ông"/"bà". */
    char name[96];              /* Person or organization. */
    int plat;                   /* PLAT_*, or -1. */
    char account[64];           /* "@handle" or display name; "" none. */
    int64_t amount;             /* VND. */
    int month;                  /* Month of the case. */
    int district;               /* Index among the province's districts. */
    char key[96];               /* Stable case key. */
} fcase_t;

/* A fine as written, pending its line number. */
typedef struct fine_row {
    size_t offset;              /* Byte offset of the amount. */
    size_t end;                 /* Just past the amount. */
    int in_foot;                /* Offset is in the footnote buffer. */
    int64_t amount;
    int approximate, aggregate, violators;
    int cat;                    /* -1 mixed. */
    int plat;                   /* -1 none. */
    char account[64];
    char key[96];
} fine_row_t;

typedef struct report {
    const series_t *s;
    uint64_t id;                /* Document number in the run. */
    int slot;                   /* 0..SERIES_LEN-1. */
    int kind, month, quarter;   /* KIND_*, month 1..12 or quarter 1..4. */
    char period[16];            /* "2024-04", "2024-Q1", "2024-H1". */
    char per_text[64];          /* "tháng 4/2024". */
    int day, rmonth;            /* Date of the report. */
    rng_t r;                    /* This report's randomness. */
    buf_t body;                 /* The text. */
    buf_t foot;                 /* Footnote texts. */
    int n_foot;                 /* Footnotes so far. */
    fine_row_t *fines;          /* Fines written. */
    size_t n_fines, alloc_fines;
} report_t;

static uint64_t g_seed;

static const char *
district_name (int prov, int k, char *out, size_t size)
{
    const char *d = PROVINCES[prov].districts, *end;
    int n = 0, i;

    for (end = d; *end; end++)
        if (*end == ';')
            n++;
    k %= n + 1;
    for (i = 0; i < k; i++)
        d = strchr (d, ';') + 1;
    end = strchr (d, ';');
    if (end == NULL)
        end = d + strlen (d);
    snprintf (out, size, "%.*s", (int) (end - d), d);
    return out;
}

/* Lower-case ASCII slug of 'name'. */
static void
slugify (const char *name, char *out, size_t size)
{
    size_t len = strlen (name), i = 0, o = 0;

    while (i < len && o + 2 < size) {
        uint32_t cp;

        i += vn_utf8_decode (name + i, len - i, &cp);
        cp = vn_fold (cp);
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9'))
            out[o++] = (char) cp;
        else if (o > 0 && out[o - 1] != '-')
            out[o++] = '-';
    }
    while (o > 0 && out[o - 1] == '-')
        o--;
    out[o] = '\0';
}

/* ASCII lower case of the folded 'name' with spaces removed. */
static void
ascii_compact (const char *name, char *out, size_t size)
{
    char slug[96];
    size_t i, o = 0;

    slugify (name, slug, sizeof slug);
    for (i = 0; slug[i] && o + 1 < size; i++)
        if (slug[i] != '-')
            out[o++] = slug[i];
    out[o] = '\0';
}

static void
series_make (uint64_t id, series_t *s)
{
    static const int YEARS[] = { 2019, 2020, 2021, 2022, 2023, 2023, 2024, 2024, 2024, 2025 };
    rng_t r;

    rng_seed (&r, g_seed, id, 0x5E41E5);
    s->id = id;
    s->prov = (int) rng_below (&r, N_OF (PROVINCES));
    s->year = PICK (&r, YEARS);
    s->topic = (int) rng_below (&r, N_OF (TOPICS));
    s->agency = (int) rng_below (&r, N_OF (AGENCIES));
    snprintf (s->signer, sizeof s->signer, "%s %s %s", PICK (&r, SURNAMES),
              PICK (&r, MIDDLE_M), PICK (&r, GIVEN_M));
    s->number_base = rng_range (&r, 20, 400);
    /* The first series are those of corpus/, so that small runs have
     * hits for the province queries: Bắc Giang, Đắk Lắk, Đà Nẵng. */
    if (id < 3) {
        static const int PROV[3] = { 3, 15, 14 };

        s->prov = PROV[id];
        s->year = id < 2 ? 2024 : 2023;
        s->topic = (int) id;
        s->agency = 0;
    }
}

static int
pick_category (rng_t *r)
{
    int total = 0, x;
    size_t i;

    for (i = 0; i < N_OF (CATEGORIES); i++)
        total += CATEGORIES[i].weight;
    x = (int) rng_below (r, (uint32_t) total);
    for (i = 0; i < N_OF (CATEGORIES); i++) {
        x -= CATEGORIES[i].weight;
        if (x < 0)
            return (int) i;
    }
    return 0;
}

/* The cases of month 'm' of series 's': derived from (seed, series,
 * month) alone, so that later reports can cite them again. */
static size_t
month_cases (const series_t *s, int m, fcase_t *out)
{
    static const int HOW_MANY[] = { 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 3 };
    rng_t r;
    size_t n, i;
    char slug[64];

    rng_seed (&r, g_seed, s->id * 16 + (uint64_t) m, 0xCA5E);
    n = (size_t) PICK (&r, HOW_MANY);
    slugify (PROVINCES[s->prov].name, slug, sizeof slug);
    for (i = 0; i < n; i++) {
        fcase_t *c = &out[i];
        const category_t *cat;

        memset (c, 0, sizeof *c);
        c->cat = pick_category (&r);
        cat = &CATEGORIES[c->cat];
        c->month = m;
        c->district = (int) rng_below (&r, 8);
        c->org = chance (&r, (unsigned) cat->who_org);
        c->plat = -1;
        if (c->org) {
            if (c->cat == 2)
                snprintf (c->name, sizeof c->name,
                          "Điểm cung cấp dịch vụ trò chơi điện tử công cộng %s",
                          PICK (&r, ORG_WORDS));
            else
                snprintf (c->name, sizeof c->name, "%s %s",
                          PICK (&r, ORG_KINDS), PICK (&r, ORG_WORDS));
        } else {
            const char *sur = PICK (&r, SURNAMES);

            c->female = chance (&r, 40);
            snprintf (c->name, sizeof c->name, "%s %s %s", sur,
                      c->female ? PICK (&r, MIDDLE_F) : PICK (&r, MIDDLE_M),
                      c->female ? PICK (&r, GIVEN_F) : PICK (&r, GIVEN_M));
        }
        if (cat->online) {
            char a[48], b[48];
            const char *given = strrchr (c->name, ' ') + 1;

            c->plat = (int) rng_below (&r, N_PLATS);
            ascii_compact (given, a, sizeof a);
            ascii_compact (c->name, b, sizeof b);
            switch (c->plat) {
            case PLAT_TIKTOK:
                snprintf (c->account, sizeof c->account, "@%s%s%02d", a,
                          PICK (&r, HANDLE_WORDS), rng_range (&r, 0, 99));
                break;
            case PLAT_FACEBOOK: {
                /* "Nguyễn Kim Oanh" -> "Nguyenkim Oanh". */
                char sur[48], mid[48], w1[32], w2[32];

                if (sscanf (c->name, "%31s %31s", w1, w2) != 2)
                    w1[0] = w2[0] = '\0';
                ascii_compact (w1, sur, sizeof sur);
                ascii_compact (w2, mid, sizeof mid);
                if (sur[0] >= 'a' && sur[0] <= 'z')
                    sur[0] = (char) (sur[0] - 32);
                snprintf (c->account, sizeof c->account, "%s%s %s", sur, mid,
                          given);
                break;
            }
            case PLAT_YOUTUBE:
                snprintf (c->account, sizeof c->account, "%s %s%d", given,
                          PICK (&r, HANDLE_WORDS), rng_range (&r, 1, 9));
                break;
            default:
                snprintf (c->account, sizeof c->account, "%s %s", given,
                          PICK (&r, SURNAMES));
                break;
            }
        }
        c->amount = (int64_t) PICK (&r, cat->amounts) * 250000;
        if (c->org && !cat->online && c->cat != 2 && chance (&r, 50))
            c->amount *= 2;
        snprintf (c->key, sizeof c->key, "%s-%d-s%llu-m%02d-%zu", slug,
                  s->year, (unsigned long long) s->id, m, i + 1);
    }
    return n;
}

/* ------------------------------------------------------------------ */
/* Writing amounts and sentences. */

/* "7,5", "15", "4,75" from millions * 100. */
static void
millions_text (int64_t vnd, char *out, size_t size)
{
    int64_t cents = vnd / 10000;        /* Hundredths of a million. */
    int64_t whole = cents / 100, frac = cents % 100;

    if (frac == 0)
        snprintf (out, size, "%lld", (long long) whole);
    else if (frac % 10 == 0)
        snprintf (out, size, "%lld,%lld", (long long) whole, (long long) frac / 10);
    else
        snprintf (out, size, "%lld,%02lld", (long long) whole, (long long) frac);
}

/* "7.500.000". */
static void
dotted (int64_t v, char *out, size_t size)
{
    char tmp[32];
    size_t n, i, o = 0;

    snprintf (tmp, sizeof tmp, "%lld", (long long) v);
    n = strlen (tmp);
    for (i = 0; i < n && o + 2 < size; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            out[o++] = '.';
        out[o++] = tmp[i];
    }
    out[o] = '\0';
}

/* Write an amount in one of the ways reports write it; records a fine
 * row at its offset. 'style' < 0 picks one. */
static fine_row_t *
put_amount (report_t *rp, buf_t *b, int64_t vnd, int style)
{
    char t[48];
    fine_row_t *f;

    if (rp->n_fines == rp->alloc_fines) {
        rp->alloc_fines = rp->alloc_fines ? 2 * rp->alloc_fines : 16;
        rp->fines = realloc (rp->fines, rp->alloc_fines * sizeof *rp->fines);
        if (rp->fines == NULL) {
            perror ("gen");
            exit (2);
        }
    }
    f = &rp->fines[rp->n_fines++];
    memset (f, 0, sizeof *f);
    f->offset = b->len;
    f->in_foot = b == &rp->foot;
    f->amount = vnd;
    f->cat = -1;
    f->plat = -1;
    f->violators = 1;
    if (style < 0)
        style = (int) rng_below (&rp->r, 4);
    switch (style) {
    case 0:
    case 1:
        millions_text (vnd, t, sizeof t);
        buf_printf (b, "%s triệu đồng", t);
        break;
    case 2:
        dotted (vnd, t, sizeof t);
        buf_printf (b, "%s đồng", t);
        break;
    default:
        dotted (vnd, t, sizeof t);
        buf_printf (b, "%sđ", t);
        break;
    }
    f->end = b->len;
    return f;
}

static void
fine_tag_case (fine_row_t *f, const fcase_t *c)
{
    f->cat = c->cat;
    f->plat = c->plat;
    snprintf (f->account, sizeof f->account, "%s", c->account);
    snprintf (f->key, sizeof f->key, "%s", c->key);
}

static void expand (report_t *rp, buf_t *b, const char *tpl);

/* How an account is written: "tiktok @x", "Facebook \"X\"". */
static void
put_account (report_t *rp, buf_t *b, const fcase_t *c)
{
    const char *plat = PLAT_WRITTEN[c->plat][rng_below (&rp->r, 3)];

    switch (c->plat) {
    case PLAT_TIKTOK:
        buf_printf (b, "%s %s", plat, c->account);
        break;
    case PLAT_YOUTUBE:
        buf_printf (b, "kênh %s \"%s\"", plat, c->account);
        break;
    default:
        buf_printf (b, "%s \"%s\"", plat, c->account);
        break;
    }
}

/* One fine case, written in one of several forms. */
static void
put_case (report_t *rp, buf_t *b, const fcase_t *c)
{
    const category_t *cat = &CATEGORIES[c->cat];
    const char *beh = PICK (&rp->r, cat->behaviors);
    const char *title = c->org ? "" : c->female ? "bà " : "ông ";
    char dist[96];
    fine_row_t *f;
    int form = (int) rng_below (&rp->r, 4);

    district_name (rp->s->prov, c->district, dist, sizeof dist);
    if (c->plat >= 0 && form == 0) {
        buf_put (b, "Phối hợp với ");
        buf_put (b, PICK (&rp->r, UNITS));
        buf_printf (b, " rà soát, kiểm tra và xử lý vi phạm đối với %s%s, chủ tài khoản ",
                    title, c->name);
        put_account (rp, b, c);
        buf_printf (b, " đối với hành vi %s số tiền là ", beh);
        f = put_amount (rp, b, c->amount, 0);
        buf_put (b, chance (&rp->r, 60) ? "; buộc gỡ bỏ thông tin sai sự thật" : "");
    } else if (form == 1) {
        buf_printf (b, "Thanh tra Sở đã ban hành Quyết định xử phạt vi phạm hành chính số %d/QĐ-XPHC ngày %d/%d/%d đối với %s%s (%s %s), ",
                    rng_range (&rp->r, 1, 300), rng_range (&rp->r, 1, 28),
                    c->month, rp->s->year, title, c->name,
                    c->org ? "địa chỉ tại" : "trú tại", dist);
        if (c->plat >= 0) {
            buf_put (b, "chủ tài khoản ");
            put_account (rp, b, c);
            buf_put (b, ", ");
        }
        buf_printf (b, "về hành vi %s, với số tiền ", beh);
        f = put_amount (rp, b, c->amount, -1);
    } else if (form == 2) {
        buf_put (b, "Phối hợp ");
        buf_put (b, PICK (&rp->r, UNITS));
        buf_put (b, " xác minh, xử phạt vi phạm hành chính (");
        f = put_amount (rp, b, c->amount, 2);
        buf_printf (b, ") đối với %s%s về hành vi %s", title, c->name, beh);
        if (c->plat >= 0) {
            buf_put (b, " trên tài khoản ");
            put_account (rp, b, c);
        } else {
            buf_printf (b, " tại địa chỉ số %d, %s", rng_range (&rp->r, 1, 250), dist);
        }
    } else {
        buf_printf (b, "Công an %s đã xử phạt vi phạm hành chính %s%s với số tiền là ",
                    dist, title, c->name);
        f = put_amount (rp, b, c->amount, -1);
        buf_printf (b, " về hành vi %s", beh);
        if (c->plat >= 0) {
            buf_put (b, " trên tài khoản ");
            put_account (rp, b, c);
        }
    }
    fine_tag_case (f, c);
}

/* An aggregate of 'n' cases: "xử phạt 06 trường hợp (02 tổ chức, 04 cá
 * nhân) với tổng số tiền 19,5 triệu đồng". */
static void
put_aggregate (report_t *rp, buf_t *b, const fcase_t *c, size_t n)
{
    int64_t total = 0;
    int orgs = 0, same = 1, plats[N_PLATS] = { 0 };
    size_t i;
    fine_row_t *f;
    int form = (int) rng_below (&rp->r, 3);

    for (i = 0; i < n; i++) {
        total += c[i].amount;
        orgs += c[i].org;
        if (c[i].cat != c[0].cat)
            same = 0;
        if (c[i].plat >= 0)
            plats[c[i].plat]++;
    }
    if (form == 0 && orgs > 0 && orgs < (int) n) {
        buf_printf (b, "xử phạt vi phạm hành chính đối với %02zu tổ chức, cá nhân (%02d tổ chức, %02d cá nhân) với tổng số tiền là ",
                    n, orgs, (int) n - orgs);
        f = put_amount (rp, b, total, 0);
    } else if (form == 0) {
        buf_printf (b, "xử phạt vi phạm hành chính đối với %02zu %s với tổng số tiền là ",
                    n, orgs ? "tổ chức" : "cá nhân");
        f = put_amount (rp, b, total, 0);
    } else if (form == 1) {
        buf_printf (b, "đã phát hiện và xử phạt %02zu trường hợp vi phạm, tổng số tiền phạt là ", n);
        f = put_amount (rp, b, total, -1);
    } else {
        int first = 1, p;

        buf_printf (b, "Qua đó, Thanh tra Sở đã xử phạt vi phạm hành chính đối với %02zu đối tượng", n);
        for (p = 0; p < N_PLATS; p++) {
            if (plats[p] == 0)
                continue;
            buf_printf (b, "%s%02d chủ tài khoản %s", first ? " (" : "; ",
                        plats[p], PLAT_WRITTEN[p][1]);
            first = 0;
        }
        buf_put (b, first ? "" : ")");
        buf_put (b, " (tổng số tiền xử phạt vi phạm hành chính là ");
        f = put_amount (rp, b, total, 2);
        buf_put (b, ")");
    }
    f->aggregate = 1;
    f->violators = (int) n;
    if (same && n > 0)
        f->cat = c[0].cat;
    snprintf (f->key, sizeof f->key, "agg-%s-s%llu", rp->period,
              (unsigned long long) rp->s->id);
}

static void
put_super (buf_t *b, int k)
{
    if (k >= 10)
        buf_put (b, SUPER[k / 10]);
    buf_put (b, SUPER[k % 10]);
}

/* Start a footnote: mark in the body, number line in the foot. */
static void
footnote_begin (report_t *rp)
{
    int k = ++rp->n_foot;

    buf_put (&rp->body, "⁽");
    put_super (&rp->body, k);
    buf_put (&rp->body, "⁾");
    put_super (&rp->foot, k);
    buf_put (&rp->foot, " ");
}

/* ------------------------------------------------------------------ */
/* Templates. */

static void
put_date_in_year (report_t *rp, buf_t *b, int year)
{
    buf_printf (b, "%02d/%02d/%d", rng_range (&rp->r, 1, 28),
                rng_range (&rp->r, 1, 12), year);
}

static void
expand (report_t *rp, buf_t *b, const char *tpl)
{
    const series_t *s = rp->s;
    const char *p = tpl;
    char tmp[128];

    while (*p) {
        const char *end;
        size_t klen;

        if (*p != '{' || (end = strchr (p, '}')) == NULL) {
            const char *next = strchr (p, '{');
            size_t n = next ? (size_t) (next - p) : strlen (p);

            if (n == 0)
                n = 1;
            buf_putn (b, p, n);
            p += n;
            continue;
        }
        klen = (size_t) (end - p - 1);
#define KEY(k) (klen == sizeof (k) - 1 && strncmp (p + 1, k, klen) == 0)
        if (KEY ("PN"))
            buf_put (b, PROVINCES[s->prov].name);
        else if (KEY ("PT") || KEY ("OPT")) {
            int prov = KEY ("PT") ? s->prov
                       : (int) rng_below (&rp->r, N_OF (PROVINCES));

            buf_printf (b, "%s %s", PROVINCES[prov].city ? "thành phố" : "tỉnh",
                        PROVINCES[prov].name);
        } else if (KEY ("DS"))
            buf_put (b, district_name (s->prov, (int) rng_below (&rp->r, 8),
                                       tmp, sizeof tmp));
        else if (KEY ("AG"))
            buf_put (b, chance (&rp->r, 30) ? "Sở" : AGENCIES[s->agency].name);
        else if (KEY ("PER"))
            buf_put (b, rp->per_text);
        else if (KEY ("Y"))
            buf_printf (b, "%d", s->year);
        else if (KEY ("NN"))
            buf_printf (b, "%02d", rng_range (&rp->r, 1, 15));
        else if (KEY ("N"))
            buf_printf (b, "%d", rng_range (&rp->r, 2, 320));
        else if (KEY ("n"))
            buf_printf (b, "%d", rng_range (&rp->r, 2, 2400));
        else if (KEY ("d"))
            buf_printf (b, "%d", rng_range (&rp->r, 1, 9));
        else if (KEY ("DATE"))
            put_date_in_year (rp, b, s->year);
        else if (KEY ("DATE0"))
            put_date_in_year (rp, b, s->year - (int) rng_below (&rp->r, 2));
        else if (KEY ("REF"))
            expand (rp, b, PICK (&rp->r, REFS));
        else if (KEY ("UNIT"))
            buf_put (b, PICK (&rp->r, UNITS));
        else if (KEY ("MEDIA"))
            expand (rp, b, PICK (&rp->r, MEDIA));
        else if (KEY ("ACT"))
            expand (rp, b, PICK (&rp->r, ACTIVITIES));
        else if (KEY ("PURP"))
            buf_put (b, PICK (&rp->r, PURPOSES));
        else if (KEY ("CRIME"))
            buf_put (b, PICK (&rp->r, CRIMES));
        else if (KEY ("PERSON"))
            buf_printf (b, "%s %s %s", PICK (&rp->r, SURNAMES),
                        PICK (&rp->r, MIDDLE_M), PICK (&rp->r, GIVEN_M));
        else if (KEY ("ORG"))
            buf_printf (b, "%s %s %s", PICK (&rp->r, ORG_KINDS),
                        PICK (&rp->r, ORG_WORDS), PICK (&rp->r, GIVEN_M));
        else if (KEY ("FIELD"))
            buf_put (b, PICK (&rp->r, FIELDS));
        else
            buf_putn (b, p, klen + 2);
#undef KEY
        p = end + 1;
    }
}

/* One sentence: mostly the topic's pool and the generic one. */
static void
sentence (report_t *rp, buf_t *b)
{
    const int pool = TOPICS[rp->s->topic].pool;

    if (chance (&rp->r, 45))
        expand (rp, b, POOLS[pool][rng_below (&rp->r, (uint32_t) POOL_N[pool])]);
    else
        expand (rp, b, PICK (&rp->r, GENERIC));
}

static void
paragraph (report_t *rp)
{
    int n = rng_range (&rp->r, 2, 5), i;

    for (i = 0; i < n; i++) {
        if (i > 0)
            buf_put (&rp->body, " ");
        sentence (rp, &rp->body);
    }
    if (chance (&rp->r, 6)) {
        buf_put (&rp->body, " Các tin, bài tiêu biểu: *");
        for (i = rng_range (&rp->r, 2, 4); i > 0; i--) {
            expand (rp, &rp->body, PICK (&rp->r, HEADLINES));
            buf_put (&rp->body, i > 1 ? "; " : "*.");
        }
    }
    if (rng_below (&rp->r, 1000) < 2) {
        buf_put (&rp->body, " ");
        expand (rp, &rp->body, PICK (&rp->r, RARE));
    }
    buf_put (&rp->body, chance (&rp->r, 15) ? " \n\n" : "\n\n");
}

static void
bullets (report_t *rp, int n)
{
    int i;

    for (i = 0; i < n; i++) {
        buf_put (&rp->body, "- ");
        sentence (rp, &rp->body);
        buf_put (&rp->body, "\n\n");
    }
}

/* The fines of this report, cited in the way of its kind. */
static void
fines_section (report_t *rp)
{
    const series_t *s = rp->s;
    fcase_t cases[64];
    size_t n = 0, i;
    int m, first, last;
    buf_t *b = &rp->body;

    if (rp->kind == KIND_MONTH)
        first = last = rp->month;
    else if (rp->kind == KIND_QUARTER)
        first = 3 * rp->quarter - 2, last = 3 * rp->quarter;
    else
        first = 1, last = 6;
    for (m = first; m <= last; m++)
        n += month_cases (s, m, cases + n);

    buf_put (b, "Trong kỳ báo cáo, ");
    expand (rp, b, "tiến hành {NN} cuộc thanh tra, kiểm tra đối với {N} tổ chức, cá nhân; ");
    if (n == 0) {
        buf_put (b, "qua kiểm tra chưa phát hiện vi phạm.\n\n");
        return;
    }
    if (n == 1 && rp->kind == KIND_MONTH) {
        put_case (rp, b, &cases[0]);
        buf_put (b, ".\n\n");
        return;
    }
    put_aggregate (rp, b, cases, n);
    if (rp->kind == KIND_MONTH || chance (&rp->r, 50)) {
        /* Individual cases in a footnote. */
        footnote_begin (rp);
        buf_put (b, ".\n\n");
        buf_put (&rp->foot, "Tiêu biểu một số vụ việc như: ");
        first = 1;
        for (i = 0; i < n; i++) {
            if (rp->kind != KIND_MONTH && !chance (&rp->r, 60))
                continue;
            buf_put (&rp->foot, first ? "" : "; ");
            put_case (rp, &rp->foot, &cases[i]);
            first = 0;
        }
        buf_put (&rp->foot, first ? "không có.\n\n" : ".\n\n");
    } else {
        buf_put (b, ". Cụ thể:\n\n");
        for (i = 0; i < n; i++) {
            if (!chance (&rp->r, 60))
                continue;
            buf_put (b, "- ");
            put_case (rp, b, &cases[i]);
            buf_put (b, ".\n\n");
        }
    }
    if (rp->kind == KIND_HALF && chance (&rp->r, 40)) {
        /* A cumulative, approximate figure, as in news write-ups. */
        int many = rng_range (&rp->r, 20, 160);
        int64_t approx = ((int64_t) many * 3 + 9) / 10 * 10;
        fine_row_t *f;

        buf_printf (b, "Lũy kế từ năm %d đến nay, đã xử phạt vi phạm hành chính %d đối tượng với tổng số tiền gần ",
                    s->year - 2, many);
        f = put_amount (rp, b, approx * 1000000, 0);
        f->approximate = 1;
        f->aggregate = 1;
        f->violators = many;
        snprintf (f->key, sizeof f->key, "cum-%s-s%llu", rp->period,
                  (unsigned long long) s->id);
        /* "gần " sits before the figure; the row points at the figure. */
        buf_put (b, ".\n\n");
    }
}

/* Appendix table: tab-separated, with a unit in the header. */
static void
appendix (report_t *rp, int64_t total_fines)
{
    buf_t *b = &rp->body;
    char t[32];
    int i, rows = rng_range (&rp->r, 2, 5), sum_cases = 0;

    buf_put (b, "\n");
    buf_put_upper (b, PROVINCES[rp->s->prov].city ? "UBND THÀNH PHỐ " : "UBND TỈNH ");
    buf_put_upper (b, PROVINCES[rp->s->prov].name);
    buf_put (b, "\n");
    buf_put_upper (b, AGENCIES[rp->s->agency].name);
    buf_put (b, "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nPhụ lục I\n\nKẾT QUẢ CÔNG TÁC ");
    buf_put_upper (b, TOPICS[rp->s->topic].title);
    buf_put (b, "\n");
    buf_put_upper (b, rp->per_text);
    buf_printf (b, "\n(Kèm theo Báo cáo số /BC-%s ngày %d/%d/%d của %s)\n\n",
                AGENCIES[rp->s->agency].code, rp->day, rp->rmonth,
                rp->s->year, AGENCIES[rp->s->agency].name);
    buf_put (b, "TT\tĐơn vị\tSố vụ vi phạm\tSố đối tượng\tThu nộp NSNN (triệu đồng)\tSố vụ khởi tố\tSố đối tượng bị khởi tố\n");
    millions_text (total_fines, t, sizeof t);
    buf_printf (b, "1\t%s\t%d\t%d\t%s\t0\t0\n", AGENCIES[rp->s->agency].name,
                rp->n_fines ? (int) rp->n_fines : 0, (int) rp->n_fines, t);
    for (i = 2; i <= rows; i++) {
        int cases = rng_range (&rp->r, 0, 40);

        sum_cases += cases;
        buf_printf (b, "%d\t%s\t%d\t%d\t%d,%d\t%d\t%d\n", i, PICK (&rp->r, UNITS),
                    cases, cases + rng_range (&rp->r, 0, 9),
                    rng_range (&rp->r, 0, 900), rng_range (&rp->r, 0, 9),
                    rng_range (&rp->r, 0, 5), rng_range (&rp->r, 0, 8));
    }
    buf_printf (b, "\tTổng cộng\t%d\t\t\t\t\n", sum_cases + (int) rp->n_fines);
}

/* Move the footnote texts to the end of the body. */
static void
flush_foot (report_t *rp)
{
    size_t k;

    for (k = 0; k < rp->n_fines; k++) {
        if (rp->fines[k].in_foot) {
            rp->fines[k].offset += rp->body.len;
            rp->fines[k].end += rp->body.len;
            rp->fines[k].in_foot = 0;
        }
    }
    buf_putn (&rp->body, rp->foot.p, rp->foot.len);
    rp->foot.len = 0;
}

static const char *MONTH_HEAD[] = { "KẾT QUẢ THỰC HIỆN", "KẾT QUẢ CÔNG TÁC" };

/* Write report 'rp' into rp->body. */
static void
write_report (report_t *rp, size_t target)
{
    const series_t *s = rp->s;
    const province_t *pv = &PROVINCES[s->prov];
    const agency_t *ag = &AGENCIES[s->agency];
    buf_t *b = &rp->body;
    int sec = 0, sub, nsub, i, foot_last, blank_no = chance (&rp->r, 15);
    int64_t total = 0;
    size_t k;

    if (chance (&rp->r, 30))
        buf_put (b, "\n\n");
    /* Header. */
    if (strcmp (ag->parent, "UBND") == 0) {
        buf_put_upper (b, pv->city ? "UBND THÀNH PHỐ " : "UBND TỈNH ");
        buf_put_upper (b, pv->name);
    } else {
        buf_put (b, ag->parent);
    }
    buf_put (b, "\n");
    buf_put_upper (b, ag->name);
    if (strcmp (ag->code, "QLTT") == 0) {
        buf_put (b, " ");
        buf_put_upper (b, pv->city ? "thành phố " : "tỉnh ");
        buf_put_upper (b, pv->name);
    }
    buf_put (b, "\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n");
    if (blank_no)
        buf_printf (b, "Số:      /BC-%s\n\n", ag->code);
    else
        buf_printf (b, chance (&rp->r, 30) ? "Số: %d /BC -%s\n\n" : "Số: %d/BC-%s\n\n",
                    s->number_base + rp->slot * 7, ag->code);
    buf_printf (b, "%s%s, ngày ", strcmp (pv->name, "Hồ Chí Minh") == 0
                ? "Thành phố " : "", pv->name);
    if (blank_no && chance (&rp->r, 60))
        buf_put (b, "   ");
    else
        buf_printf (b, "%d", rp->day);
    buf_printf (b, " tháng %d năm %d\n\nBÁO CÁO\n\n", rp->rmonth, s->year);
    /* Title with the period. */
    if (rp->kind == KIND_HALF)
        buf_printf (b, "Sơ kết công tác %s 6 tháng đầu năm; chương trình công tác 6 tháng cuối năm %d\n\n",
                    TOPICS[s->topic].title, s->year);
    else if (rp->kind == KIND_QUARTER)
        buf_printf (b, "Kết quả thực hiện công tác %s quý %s/%d và phương hướng, nhiệm vụ quý %s/%d\n\n",
                    TOPICS[s->topic].title, ROMAN[rp->quarter - 1], s->year,
                    ROMAN[rp->quarter % 4], rp->quarter == 4 ? s->year + 1 : s->year);
    else if (rp->month < 12)
        buf_printf (b, "Kết quả thực hiện công tác %s tháng %d, nhiệm vụ tháng %d năm %d.\n\n",
                    TOPICS[s->topic].title, rp->month, rp->month + 1, s->year);
    else
        buf_printf (b, "Kết quả thực hiện công tác %s tháng 12 năm %d, nhiệm vụ tháng 01 năm %d.\n\n",
                    TOPICS[s->topic].title, s->year, s->year + 1);
    if (chance (&rp->r, 70)) {
        buf_put (b, "Thực hiện ");
        expand (rp, b, "{REF}");
        buf_printf (b, ", %s báo cáo kết quả như sau:\n\n", ag->name);
    }

    /* I. Results, with numbered subsections; the fines in one. */
    if (rp->kind == KIND_MONTH) {
        buf_printf (b, "%s. %s THÁNG %d/%d\n\n", ROMAN[sec++],
                    PICK (&rp->r, MONTH_HEAD), rp->month, s->year);
    } else {
        buf_printf (b, "%s. Công tác chỉ đạo\n\n", ROMAN[sec++]);
        paragraph (rp);
        buf_printf (b, "%s. Kết quả thực hiện\n\n", ROMAN[sec++]);
    }
    nsub = rng_range (&rp->r, 2, 4);
    {
        int fine_sub = rng_range (&rp->r, 1, nsub);
        size_t per_sub = target / (size_t) (nsub + 2);

        for (sub = 1; sub <= nsub; sub++) {
            size_t start = b->len;

            if (sub == fine_sub) {
                buf_printf (b, "%d. %s\n\n", sub, PICK (&rp->r, FINE_HEADS));
                paragraph (rp);
                fines_section (rp);
                continue;
            }
            buf_printf (b, "%d. %s\n\n", sub, PICK (&rp->r, SUBHEADS));
            if (rp->kind != KIND_MONTH && chance (&rp->r, 50)) {
                for (i = 1; i <= 2; i++) {
                    buf_printf (b, "%d.%d %s\n\n", sub, i, PICK (&rp->r, SUBHEADS));
                    paragraph (rp);
                }
            }
            do
                paragraph (rp);
            while (b->len - start < per_sub);
        }
    }
    if (rp->kind != KIND_MONTH) {
        buf_printf (b, "%s. KHÓ KHĂN, VƯỚNG MẮC\n\n", ROMAN[sec++]);
        paragraph (rp);
    }
    /* Plans. */
    if (rp->kind == KIND_MONTH)
        buf_printf (b, "%s. PHƯƠNG HƯỚNG, NHIỆM VỤ THÁNG %d/%d\n\n", ROMAN[sec++],
                    rp->month % 12 + 1, rp->month == 12 ? s->year + 1 : s->year);
    else if (rp->kind == KIND_HALF)
        buf_printf (b, "%s. Phương hướng nhiệm vụ 6 tháng cuối năm %d\n\n",
                    ROMAN[sec++], s->year);
    else
        buf_printf (b, "%s. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ %s\n\n", ROMAN[sec++],
                    ROMAN[rp->quarter % 4]);
    bullets (rp, rng_range (&rp->r, 2, 5));
    while (b->len < target)
        paragraph (rp);
    if (rp->kind != KIND_MONTH && chance (&rp->r, 60)) {
        buf_printf (b, "%s. KIẾN NGHỊ, ĐỀ XUẤT\n\n", ROMAN[sec++]);
        paragraph (rp);
    }
    buf_printf (b, "%s %s %s báo cáo./.\n\n", ag->name,
                pv->city ? "thành phố" : "tỉnh", pv->name);
    /* Footnotes before the addressees, or at the very end. */
    foot_last = chance (&rp->r, 50);
    if (!foot_last)
        flush_foot (rp);
    buf_put (b, "Nơi nhận:\n\n- Như trên;\n- Lãnh đạo Sở;\n- Lưu: VT, Ttra.\n\n");
    buf_put (b, chance (&rp->r, 50) ? "**KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC**\n\n\n\n"
                                     : "GIÁM ĐỐC\n\n\n\n");
    buf_printf (b, "%s\n", s->signer);
    if (foot_last && rp->foot.len) {
        buf_put (b, "\n");
        flush_foot (rp);
    }
    for (k = 0; k < rp->n_fines; k++)
        if (!rp->fines[k].approximate)
            total += rp->fines[k].aggregate ? 0 : rp->fines[k].amount;
    if (rp->kind != KIND_MONTH ? chance (&rp->r, 70) : chance (&rp->r, 20))
        appendix (rp, total);
}

/* ------------------------------------------------------------------ */
/* Variants: NFD, Windows-1258, CRLF, damage. */

enum { VAR_PLAIN, VAR_NFD, VAR_CP1258, VAR_CRLF, VAR_DAMAGED };
static const char *VAR_NAME[] = { "utf8", "nfd", "cp1258", "crlf", "damaged" };

static void
to_nfd (const buf_t *in, buf_t *out)
{
    size_t i = 0;

    out->len = 0;
    while (i < in->len) {
        uint32_t cp, base, shape, tone;
        size_t n = vn_utf8_decode (in->p + i, in->len - i, &cp);

        if (!vn_decompose (cp, 0, &base, &shape, &tone)) {
            buf_putn (out, in->p + i, n);
        } else {
            /* Canonical order: horn (216), dot below (220), then the
             * marks of class 230 in decomposition order. */
            buf_put_cp (out, base);
            if (shape == 0x31B)
                buf_put_cp (out, shape);
            if (tone == 0x323)
                buf_put_cp (out, tone);
            if (shape && shape != 0x31B)
                buf_put_cp (out, shape);
            if (tone && tone != 0x323)
                buf_put_cp (out, tone);
        }
        i += n;
    }
}

static void
put_1258 (buf_t *out, uint32_t cp)
{
    int b = vn_cp1258 (cp);
    char c;

    if (b < 0) {
        if (cp == 0x207D)
            b = '(';
        else if (cp == 0x207E)
            b = ')';
        else if (cp == 0x2070 || (cp >= 0x2074 && cp <= 0x2079))
            b = '0' + (int) (cp - 0x2070);
        else
            b = '?';
    }
    c = (char) b;
    buf_putn (out, &c, 1);
}

static void
to_cp1258 (const buf_t *in, buf_t *out)
{
    size_t i = 0;

    out->len = 0;
    while (i < in->len) {
        uint32_t cp, base, shape, tone;

        i += vn_utf8_decode (in->p + i, in->len - i, &cp);
        if (vn_decompose (cp, 1, &base, &shape, &tone)) {
            put_1258 (out, base);
            if (tone)
                put_1258 (out, tone);
        } else {
            put_1258 (out, cp);
        }
    }
}

static void
to_crlf (const buf_t *in, buf_t *out)
{
    size_t i;

    out->len = 0;
    for (i = 0; i < in->len; i++) {
        if (in->p[i] == '\n')
            buf_putn (out, "\r", 1);
        buf_putn (out, in->p + i, 1);
    }
}

/* A few invalid bytes at the end of lines that end in '.', where they
 * touch no word. */
static void
add_bad_bytes (report_t *rp, const buf_t *in, buf_t *out)
{
    static const char *BAD[] = { "\xff", "\xc3", "\x80", "\xe1\xba" };
    size_t i;

    out->len = 0;
    for (i = 0; i < in->len; i++) {
        if (in->p[i] == '\n' && i > 0 && in->p[i - 1] == '.'
            && chance (&rp->r, 8))
            buf_put (out, PICK (&rp->r, BAD));
        buf_putn (out, in->p + i, 1);
    }
}

/* ------------------------------------------------------------------ */
/* Output. */

static int
mkdirs (const char *path)
{
    char tmp[4096];
    char *p;

    snprintf (tmp, sizeof tmp, "%s", path);
    for (p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir (tmp, 0777) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir (tmp, 0777) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

static size_t
line_of (const char *text, size_t offset)
{
    size_t line = 1, i;

    for (i = 0; i < offset; i++)
        if (text[i] == '\n')
            line++;
    return line;
}

static void
usage (void)
{
    fprintf (stderr,
             "usage: gen --seed N --docs N --out DIR [--truth FILE]\n"
             "           [--queries FILE --counts FILE] [--manifest FILE]\n");
    exit (2);
}

int
main (int argc, char **argv)
{
    uint64_t seed = 1, docs = 1000, id;
    const char *outdir = NULL, *truth_path = NULL, *queries = NULL;
    const char *counts_path = NULL, *manifest_path = NULL;
    FILE *truth = NULL, *manifest = NULL;
    truth_set_t *tset = NULL;
    report_t rp;
    buf_t alt = { 0 };
    series_t s;
    uint64_t cur_series = UINT64_MAX, total_bytes = 0, n_fines = 0;
    char last_dir[2048] = "";
    int i;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

        if (v == NULL)
            usage ();
        if (strcmp (a, "--seed") == 0)
            seed = strtoull (v, NULL, 10);
        else if (strcmp (a, "--docs") == 0)
            docs = strtoull (v, NULL, 10);
        else if (strcmp (a, "--out") == 0)
            outdir = v;
        else if (strcmp (a, "--truth") == 0)
            truth_path = v;
        else if (strcmp (a, "--queries") == 0)
            queries = v;
        else if (strcmp (a, "--counts") == 0)
            counts_path = v;
        else if (strcmp (a, "--manifest") == 0)
            manifest_path = v;
        else
            usage ();
        i++;
    }
    if (outdir == NULL || docs == 0 || (queries == NULL) != (counts_path == NULL))
        usage ();
    g_seed = seed;
    if (mkdirs (outdir) != 0) {
        perror (outdir);
        return 1;
    }
    if (truth_path) {
        truth = fopen (truth_path, "w");
        if (truth == NULL) {
            perror (truth_path);
            return 1;
        }
        fprintf (truth, "# file\tline\tamount_vnd\tapproximate\taggregate\tviolators\tprovince\tperiod\tcategory\tplatform\taccount\tcase_key\n");
    }
    if (manifest_path) {
        manifest = fopen (manifest_path, "w");
        if (manifest == NULL) {
            perror (manifest_path);
            return 1;
        }
        fprintf (manifest, "# file\tbytes\tprovince\tyear\tperiod\ttopic\tvariant\tfines\n");
    }
    if (queries && (tset = truth_load (queries)) == NULL)
        return 1;

    memset (&rp, 0, sizeof rp);
    for (id = 0; id < docs; id++) {
        static const int SLOT_KIND[SERIES_LEN] = {
            0, 0, 0, 1, 0, 0, 0, 1, 2, 0, 0, 0, 1, 0, 0, 0
        };
        static const int SLOT_NUM[SERIES_LEN] = {
            1, 2, 3, 1, 4, 5, 6, 2, 1, 7, 8, 9, 3, 10, 11, 12
        };
        char slug[64], dir[2048], path[4096], fines_cats[256] = " ";
        const char *rel;
        const buf_t *final;
        size_t target, keep, k;
        int variant, v;
        FILE *f;

        if (id / SERIES_LEN != cur_series) {
            cur_series = id / SERIES_LEN;
            series_make (cur_series, &s);
        }
        rp.s = &s;
        rp.id = id;
        rp.slot = (int) (id % SERIES_LEN);
        rp.kind = SLOT_KIND[rp.slot];
        rp.body.len = rp.foot.len = 0;
        rp.n_foot = 0;
        rp.n_fines = 0;
        rng_seed (&rp.r, seed, id, 0xD0C);
        if (rp.kind == KIND_MONTH) {
            rp.month = SLOT_NUM[rp.slot];
            snprintf (rp.period, sizeof rp.period, "%d-%02d", s.year, rp.month);
            snprintf (rp.per_text, sizeof rp.per_text, "tháng %d/%d", rp.month, s.year);
            rp.rmonth = rp.month;
            rp.day = rng_range (&rp.r, 15, 28);
            target = (size_t) rng_range (&rp.r, 4500, 12500);
        } else if (rp.kind == KIND_QUARTER) {
            rp.quarter = SLOT_NUM[rp.slot];
            snprintf (rp.period, sizeof rp.period, "%d-Q%d", s.year, rp.quarter);
            snprintf (rp.per_text, sizeof rp.per_text, "quý %s/%d",
                      ROMAN[rp.quarter - 1], s.year);
            rp.rmonth = 3 * rp.quarter;
            rp.day = rng_range (&rp.r, 10, 25);
            target = (size_t) rng_range (&rp.r, 10000, 18000);
        } else {
            snprintf (rp.period, sizeof rp.period, "%d-H1", s.year);
            snprintf (rp.per_text, sizeof rp.per_text, "6 tháng đầu năm %d", s.year);
            rp.rmonth = 6;
            rp.day = rng_range (&rp.r, 5, 20);
            target = (size_t) rng_range (&rp.r, 15000, 24000);
        }
        write_report (&rp, target);

        /* Variant of the file, ~2% each. */
        v = (int) rng_below (&rp.r, 100);
        variant = v < 2 ? VAR_NFD : v < 4 ? VAR_CP1258 : v < 6 ? VAR_CRLF
                  : v < 8 ? VAR_DAMAGED : VAR_PLAIN;
        keep = rp.body.len;
        if (variant == VAR_DAMAGED && chance (&rp.r, 60))
            keep = rp.body.len * (size_t) rng_range (&rp.r, 35, 90) / 100;

        slugify (PROVINCES[s.prov].name, slug, sizeof slug);
        snprintf (dir, sizeof dir, "%s/%s/%d", outdir, slug, s.year);
        if (strcmp (dir, last_dir) != 0) {
            if (mkdirs (dir) != 0) {
                perror (dir);
                return 1;
            }
            snprintf (last_dir, sizeof last_dir, "%s", dir);
        }
        snprintf (path, sizeof path, "%s/%s-%d-%s-%s-%06llu.txt", dir, slug,
                  s.year, rp.period + 5, TOPICS[s.topic].slug,
                  (unsigned long long) id);
        rel = path + strlen (outdir) + 1;

        /* Ground truth on the logical text (NFC, before encoding). */
        for (k = 0; k < rp.n_fines; k++) {
            const fine_row_t *fr = &rp.fines[k];
            char tail[64];

            if (fr->in_foot || fr->end > keep)
                continue;
            n_fines++;
            if (fr->cat >= 0 && strlen (fines_cats) + 20 < sizeof fines_cats) {
                snprintf (tail, sizeof tail, " %s ", CATEGORIES[fr->cat].name);
                if (strstr (fines_cats, tail) == NULL) {
                    strcat (fines_cats, CATEGORIES[fr->cat].name);
                    strcat (fines_cats, " ");
                }
            }
            if (truth == NULL)
                continue;
            fprintf (truth, "%s\t%zu\t%lld\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%s\n",
                     rel, line_of (rp.body.p, fr->offset), (long long) fr->amount,
                     fr->approximate, fr->aggregate, fr->violators,
                     PROVINCES[s.prov].name, rp.period,
                     fr->cat >= 0 ? CATEGORIES[fr->cat].name : "mixed",
                     fr->plat >= 0 ? PLAT_NAME[fr->plat] : "-",
                     fr->account[0] ? fr->account : "-", fr->key);
        }
        if (tset) {
            truth_doc_t td = { rp.body.p, keep, PROVINCES[s.prov].name, s.year,
                               fines_cats };

            truth_add (tset, &td);
        }

        /* Bytes of the file. */
        rp.body.len = keep;
        final = &rp.body;
        if (variant == VAR_NFD) {
            to_nfd (&rp.body, &alt);
            final = &alt;
        } else if (variant == VAR_CP1258) {
            to_cp1258 (&rp.body, &alt);
            final = &alt;
        } else if (variant == VAR_CRLF) {
            to_crlf (&rp.body, &alt);
            final = &alt;
        } else if (variant == VAR_DAMAGED) {
            add_bad_bytes (&rp, &rp.body, &alt);
            final = &alt;
        }

        f = fopen (path, "wb");
        if (f == NULL || fwrite (final->p, 1, final->len, f) != final->len
            || fclose (f) != 0) {
            perror (path);
            return 1;
        }
        total_bytes += final->len;
        if (manifest)
            fprintf (manifest, "%s\t%zu\t%s\t%d\t%s\t%s\t%s\t%zu\n",
                     rel, final->len,
                     PROVINCES[s.prov].name, s.year, rp.period,
                     TOPICS[s.topic].slug, VAR_NAME[variant], rp.n_fines);
    }
    if (tset) {
        FILE *c = fopen (counts_path, "w");

        if (c == NULL) {
            perror (counts_path);
            return 1;
        }
        truth_write (tset, c);
        fclose (c);
        truth_free (tset);
    }
    if (truth)
        fclose (truth);
    if (manifest)
        fclose (manifest);
    fprintf (stderr, "gen: %llu reports, %llu bytes (%.1f KB each), %llu fines\n",
             (unsigned long long) docs, (unsigned long long) total_bytes,
             (double) total_bytes / (double) docs / 1024.0,
             (unsigned long long) n_fines);
    free (rp.body.p);
    free (rp.foot.p);
    free (rp.fines);
    free (alt.p);
    return 0;
}
