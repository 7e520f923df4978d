/* The provinces of 1 July 2025 (Resolution 202/2025/QH15): every one of
 * the 34, in the table and in questions. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "question/question-private.h"

static void
data_dir (void)
{
    setenv ("TRACUU_DATA_DIR", "../data", 0);
}

TestSuite (provinces2025, .init = data_dir);

/* The resolution, written out here independently of the data file:
 * each province of 2025 and the provinces it was formed from, the
 * namesake first ("" ends a list). */
static const char *const resolution[34][4] = {
    { "Hà Nội", "Hà Nội", "" },
    { "Huế", "Thừa Thiên Huế", "" },
    { "Lai Châu", "Lai Châu", "" },
    { "Điện Biên", "Điện Biên", "" },
    { "Sơn La", "Sơn La", "" },
    { "Lạng Sơn", "Lạng Sơn", "" },
    { "Quảng Ninh", "Quảng Ninh", "" },
    { "Thanh Hóa", "Thanh Hóa", "" },
    { "Nghệ An", "Nghệ An", "" },
    { "Hà Tĩnh", "Hà Tĩnh", "" },
    { "Cao Bằng", "Cao Bằng", "" },
    { "Tuyên Quang", "Tuyên Quang", "Hà Giang", "" },
    { "Lào Cai", "Lào Cai", "Yên Bái", "" },
    { "Thái Nguyên", "Thái Nguyên", "Bắc Kạn", "" },
    { "Phú Thọ", "Phú Thọ", "Vĩnh Phúc|Hòa Bình", "" },
    { "Bắc Ninh", "Bắc Ninh", "Bắc Giang", "" },
    { "Hưng Yên", "Hưng Yên", "Thái Bình", "" },
    { "Hải Phòng", "Hải Phòng", "Hải Dương", "" },
    { "Ninh Bình", "Ninh Bình", "Hà Nam|Nam Định", "" },
    { "Quảng Trị", "Quảng Trị", "Quảng Bình", "" },
    { "Đà Nẵng", "Đà Nẵng", "Quảng Nam", "" },
    { "Quảng Ngãi", "Quảng Ngãi", "Kon Tum", "" },
    { "Gia Lai", "Gia Lai", "Bình Định", "" },
    { "Khánh Hòa", "Khánh Hòa", "Ninh Thuận", "" },
    { "Lâm Đồng", "Lâm Đồng", "Đắk Nông|Bình Thuận", "" },
    { "Đắk Lắk", "Đắk Lắk", "Phú Yên", "" },
    { "Hồ Chí Minh", "Hồ Chí Minh", "Bình Dương|Bà Rịa - Vũng Tàu", "" },
    { "Đồng Nai", "Đồng Nai", "Bình Phước", "" },
    { "Tây Ninh", "Tây Ninh", "Long An", "" },
    { "Cần Thơ", "Cần Thơ", "Sóc Trăng|Hậu Giang", "" },
    { "Vĩnh Long", "Vĩnh Long", "Bến Tre|Trà Vinh", "" },
    { "Đồng Tháp", "Đồng Tháp", "Tiền Giang", "" },
    { "Cà Mau", "Cà Mau", "Bạc Liêu", "" },
    { "An Giang", "An Giang", "Kiên Giang", "" },
};

/* The formers of row r as one sorted "a|b|c" (free()). */
static char *
formers_of_row (size_t r)
{
    char buf[256];
    const char *parts[4];
    size_t n = 0;

    snprintf (buf, sizeof buf, "%s%s%s", resolution[r][1],
              *resolution[r][2] ? "|" : "", resolution[r][2]);
    for (char *save = NULL, *t = strtok_r (buf, "|", &save); t != NULL;
         t = strtok_r (NULL, "|", &save))
        parts[n++] = t;
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && strcmp (parts[k - 1], parts[k]) > 0; k--) {
            const char *x = parts[k];

            parts[k] = parts[k - 1];
            parts[k - 1] = x;
        }
    {
        char out[256] = "";

        for (size_t i = 0; i < n; i++) {
            strcat (out, i ? "|" : "");
            strcat (out, parts[i]);
        }
        return strdup (out);
    }
}

/* A list of strings as one sorted "a|b|c" (free()). */
static char *
sorted (char *const *v, size_t n)
{
    char out[512] = "";
    char **copy = calloc (n + 1, sizeof *copy);

    for (size_t i = 0; i < n; i++)
        copy[i] = v[i];
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && strcmp (copy[k - 1], copy[k]) > 0; k--) {
            char *x = copy[k];

            copy[k] = copy[k - 1];
            copy[k - 1] = x;
        }
    for (size_t i = 0; i < n; i++) {
        strcat (out, i ? "|" : "");
        strcat (out, copy[i]);
    }
    free (copy);
    return strdup (out);
}

Test (provinces2025, the_table)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_qlex_t *units = NULL;
    tracuu_qprov_t *prov = NULL;
    const tracuu_lexicon_t *provinces = tracuu_lexicon__provinces (&rc);
    size_t all = 0;

    cr_assert_eq (rc, TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_qlex__load ("provinces-2025.txt", &units, NULL),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_qprov__build (units, provinces, NULL, &prov),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_qprov__count (prov), 34);
    cr_assert_eq (tracuu_lexicon__count (provinces), 63);
    for (size_t r = 0; r < 34; r++) {
        long u = -1;
        char *want = formers_of_row (r), *got;
        const char *list[4];
        size_t n;

        for (size_t i = 0; i < 34; i++)
            if (strcmp (tracuu_qprov__name (prov, i), resolution[r][0]) == 0)
                u = (long) i;
        cr_assert_geq (u, 0, "%s is not a province of 2025", resolution[r][0]);
        n = tracuu_qprov__n_formers (prov, (size_t) u);
        cr_assert_leq (n, 3);
        for (size_t k = 0; k < n; k++)
            list[k] = tracuu_qprov__former (prov, (size_t) u, k);
        got = sorted ((char *const *) list, n);
        cr_expect_str_eq (got, want, "%s", resolution[r][0]);
        /* The namesake first. */
        cr_expect_str_eq (list[0], resolution[r][1], "%s", resolution[r][0]);
        for (size_t k = 0; k < n; k++)
            cr_expect_eq (tracuu_qprov__unit_of (prov, list[k]), u, "%s", list[k]);
        all += n;
        free (want);
        free (got);
    }
    cr_expect_eq (all, 63);
    cr_expect_eq (tracuu_qprov__unit_of (prov, "Atlantis"), -1);
    cr_expect_null (tracuu_qprov__former (prov, 0, 5));
    cr_expect_null (tracuu_qprov__name (prov, 34));
    tracuu_qprov__destroy (prov);
    tracuu_qlex__destroy (units);
}

/* A table that leaves a province out, or names a province of none. */
Test (provinces2025, bad_tables)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const tracuu_lexicon_t *provinces = tracuu_lexicon__provinces (&rc);
    static const char *const tables[] = {
        "Hà Nội\tHà Nội\n",                     /* 62 provinces in none. */
        "Nowhere\tAtlantis\n",
    };

    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        tracuu_qlex_t *units = NULL;
        tracuu_qprov_t *prov = (tracuu_qprov_t *) 1;
        char *error = NULL;

        cr_assert_eq (tracuu_qlex__parse ("t", tables[i], strlen (tables[i]),
                                          &units, NULL), TRACUU_STATUS_OK);
        cr_expect_eq (tracuu_qprov__build (units, provinces, &error, &prov),
                      TRACUU_STATUS_BAD_INPUT);
        cr_expect_null (prov);
        cr_assert_not_null (error);
        cr_expect (strstr (error, "provinces-2025.txt") != NULL, "%s", error);
        free (error);
        tracuu_qlex__destroy (units);
    }
}

static tracuu_question_t *
ask (const char *s)
{
    tracuu_question_t *q = NULL;
    char *error = NULL;

    cr_assert_eq (tracuu_question_parse (s, strlen (s), &q, &error),
                  TRACUU_STATUS_OK, "%s: %s", s, error ? error : "?");
    return q;
}

/* A question naming each province of 2025 finds all its former
 * provinces, and says so; each former one finds itself alone, and is
 * told where it went. */
Test (provinces2025, questions)
{
    for (size_t r = 0; r < 34; r++) {
        char s[128], *want = formers_of_row (r), *got, buf[256];
        tracuu_question_t *q;

        snprintf (s, sizeof s, "các khoản phạt ở %s", resolution[r][0]);
        q = ask (s);
        got = sorted (q->provinces, q->n_provinces);
        cr_expect_str_eq (got, want, "%s", s);
        cr_expect_eq (q->n_notes, *resolution[r][2] ? 1 : 0, "%s", s);
        if (*resolution[r][2] && q->n_notes == 1)
            cr_expect (strstr (q->notes[0], "since 1 July 2025") != NULL
                       && strstr (q->notes[0], resolution[r][0]) != NULL,
                       "%s: %s", s, q->notes[0]);
        free (got);
        tracuu_question_destroy (q);

        snprintf (buf, sizeof buf, "%s", resolution[r][2]);
        for (char *save = NULL, *t = strtok_r (buf, "|", &save); t != NULL;
             t = strtok_r (NULL, "|", &save)) {
            snprintf (s, sizeof s, "fines in %s", t);
            q = ask (s);
            cr_assert_eq (q->n_provinces, 1, "%s", s);
            cr_expect_str_eq (q->provinces[0], t);
            cr_assert_eq (q->n_notes, 1, "%s", s);
            cr_expect (strstr (q->notes[0], "has been part of") != NULL
                       && strstr (q->notes[0], resolution[r][0]) != NULL,
                       "%s: %s", s, q->notes[0]);
            tracuu_question_destroy (q);
        }
        free (want);
    }
}

/* Huế and Đà Nẵng with and without "thành phố", accents optional. */
Test (provinces2025, spellings)
{
    static const struct {
        const char *in;
        const char *provinces;
    } rows[] = {
        { "các khoản phạt ở Huế", "Thừa Thiên Huế" },
        { "các khoản phạt ở thành phố Huế", "Thừa Thiên Huế" },
        { "cac khoan phat o thanh pho Hue", "Thừa Thiên Huế" },
        { "phạt ở TP Huế", "Thừa Thiên Huế" },
        { "fines in Hue", "Thừa Thiên Huế" },
        { "fines in Hue city", "Thừa Thiên Huế" },
        { "phạt ở Thừa Thiên Huế", "Thừa Thiên Huế" },
        { "các khoản phạt ở Đà Nẵng", "Quảng Nam|Đà Nẵng" },
        { "phạt ở thành phố Đà Nẵng", "Quảng Nam|Đà Nẵng" },
        { "phat o tp da nang", "Quảng Nam|Đà Nẵng" },
        { "fines in Da Nang", "Quảng Nam|Đà Nẵng" },
        { "fines in Danang city", "Quảng Nam|Đà Nẵng" },
        { "phạt ở TP.HCM", "Bà Rịa - Vũng Tàu|Bình Dương|Hồ Chí Minh" },
        { "fines in Ho Chi Minh City", "Bà Rịa - Vũng Tàu|Bình Dương|Hồ Chí Minh" },
        { "phạt ở tỉnh Bắc Ninh", "Bắc Giang|Bắc Ninh" },
        { "province:\"bac ninh\"", "Bắc Giang|Bắc Ninh" },
        { "province:\"Bắc Giang\"", "Bắc Giang" },
        /* The province of before: its former provinces excluded. */
        { "phạt ở Tây Ninh ngoài Long An", "Tây Ninh" },
        { "fines in Ho Chi Minh City excluding Bình Dương",
          "Bà Rịa - Vũng Tàu|Hồ Chí Minh" },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tracuu_question_t *q = ask (rows[i].in);
        char *got = sorted (q->provinces, q->n_provinces);

        cr_expect_str_eq (got, rows[i].provinces, "%s", rows[i].in);
        free (got);
        tracuu_question_destroy (q);
    }
}

/* Excluding a province of 2025 excludes its former provinces too. */
Test (provinces2025, excluded)
{
    tracuu_question_t *q = ask ("phạt năm 2024 ngoài Bắc Ninh");
    size_t excluded = 0;

    for (size_t i = 0; i < q->n_filters; i++)
        if (strcmp (q->filters[i].field, "province") == 0) {
            cr_expect (q->filters[i].exclude, "%s", q->filters[i].value);
            excluded++;
        }
    cr_expect_eq (excluded, 2);
    cr_expect_eq (q->n_provinces, 0);
    cr_assert_eq (q->n_notes, 1);
    cr_expect (strstr (q->notes[0], "left out") != NULL, "%s", q->notes[0]);
    tracuu_question_destroy (q);
}
