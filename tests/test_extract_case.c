/* Sanction cases: the gold file of corpus/, and the case rules. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "tracuu/extract.h"
#include "support.h"

/* Analyze and extract 'bytes'; both freed by done(). */
static tracuu_extraction_t *
extract_text (const char *bytes, tracuu_text_t **text_out)
{
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = NULL;

    cr_assert_eq (tracuu_text_analyze (bytes, strlen (bytes), &text),
                  TRACUU_STATUS_OK);
    cr_assert_eq (tracuu_extract (text, &x), TRACUU_STATUS_OK);
    *text_out = text;
    return x;
}

static void
done (tracuu_extraction_t *x, tracuu_text_t *text)
{
    tracuu_extraction_destroy (x);
    tracuu_text_destroy (text);
}

static const tracuu_case_t *
find_key (const tracuu_extraction_t *x, const char *key)
{
    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++)
        if (strcmp (tracuu_extraction_case (x, i)->key, key) == 0)
            return tracuu_extraction_case (x, i);
    return NULL;
}

static size_t
count_action (const tracuu_extraction_t *x, tracuu_case_action_t action)
{
    size_t n = 0;

    for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++)
        n += tracuu_extraction_case (x, i)->action == action;
    return n;
}

/* "a,b" -> category bits. */
static uint32_t
category_bits (const char *list)
{
    uint32_t bits = 0;
    char buf[256], *save = NULL;

    if (strcmp (list, "-") == 0)
        return 0;
    snprintf (buf, sizeof buf, "%s", list);
    for (char *w = strtok_r (buf, ",", &save); w; w = strtok_r (NULL, ",", &save)) {
        uint32_t b = tracuu_case_category_from_name (w);

        cr_assert_neq (b, 0, "unknown category %s", w);
        bits |= b;
    }
    return bits;
}

static int64_t
field_count (const char *s)
{
    return strcmp (s, "-") == 0 ? -1 : atoll (s);
}

static void
unescape_tabs (char *s)
{
    char *w = s;

    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 't') {
            *w++ = '\t';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

enum { F_FILE, F_ACTION, F_KEY, F_AMOUNT, F_FLAGS, F_VIOLATORS, F_CATS,
       F_PARENT, F_AGENCY, F_PERIOD, F_QUOTE, F_COUNT };

/* Check one gold row against the extraction of its file. */
static void
check_row (const tracuu_extraction_t *x, char **f)
{
    const tracuu_case_t *k;
    char v[64], *save = NULL;
    const char *parts[3];
    int quoted = 0;

    if (strcmp (f[F_ACTION], "none") == 0) {
        for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++) {
            k = tracuu_extraction_case (x, i);
            for (size_t s = 0; s < k->n_sources; s++)
                cr_expect_null (strstr (k->sources[s].sentence, f[F_QUOTE]),
                                "%s: a case quotes \"%s\" (%s)", f[F_FILE],
                                f[F_QUOTE], k->key);
        }
        return;
    }
    k = find_key (x, f[F_KEY]);
    cr_assert_not_null (k, "%s: no case %s", f[F_FILE], f[F_KEY]);
    cr_expect_str_eq (tracuu_case_action_name (k->action), f[F_ACTION],
                      "%s", f[F_KEY]);
    cr_expect_eq (k->amount_vnd, field_count (f[F_AMOUNT]), "%s amount %lld",
                  f[F_KEY], (long long) k->amount_vnd);
    cr_expect_eq (!!(k->flags & TRACUU_CASE_APPROXIMATE),
                  strchr (f[F_FLAGS], 'a') != NULL, "%s approximate", f[F_KEY]);
    cr_expect_eq (!!(k->flags & TRACUU_CASE_AGGREGATE),
                  strchr (f[F_FLAGS], 'g') != NULL, "%s aggregate", f[F_KEY]);
    cr_expect_eq (!!(k->flags & TRACUU_CASE_HEADLINE),
                  strchr (f[F_FLAGS], 'h') != NULL, "%s headline", f[F_KEY]);
    snprintf (v, sizeof v, "%s", f[F_VIOLATORS]);
    parts[0] = strtok_r (v, "/", &save);
    parts[1] = strtok_r (NULL, "/", &save);
    parts[2] = strtok_r (NULL, "/", &save);
    cr_expect_eq (k->violators, field_count (parts[0]), "%s violators %lld",
                  f[F_KEY], (long long) k->violators);
    cr_expect_eq (k->organizations, field_count (parts[1]),
                  "%s organizations %lld", f[F_KEY],
                  (long long) k->organizations);
    cr_expect_eq (k->individuals, field_count (parts[2]),
                  "%s individuals %lld", f[F_KEY], (long long) k->individuals);
    cr_expect_eq (k->categories, category_bits (f[F_CATS]),
                  "%s categories %#x", f[F_KEY], k->categories);
    if (strcmp (f[F_PARENT], "-") == 0) {
        cr_expect_eq (k->parent, -1, "%s has a parent", f[F_KEY]);
    } else {
        cr_assert_geq (k->parent, 0, "%s has no parent", f[F_KEY]);
        cr_expect_str_eq (tracuu_extraction_case (x, (size_t) k->parent)->key,
                          f[F_PARENT]);
    }
    if (strcmp (f[F_AGENCY], "-") != 0) {
        cr_assert_not_null (k->agency, "%s agency", f[F_KEY]);
        cr_expect_not_null (strstr (k->agency, f[F_AGENCY]), "%s agency %s",
                            f[F_KEY], k->agency);
    }
    cr_expect_str_eq (k->period, f[F_PERIOD], "%s period", f[F_KEY]);
    for (size_t s = 0; s < k->n_sources; s++)
        if (strstr (k->sources[s].sentence, f[F_QUOTE]) != NULL)
            quoted = 1;
    cr_expect (quoted, "%s: quote lacks \"%s\"", f[F_KEY], f[F_QUOTE]);
    cr_expect_str_eq (k->sources[0].file, f[F_FILE]);
    cr_expect_gt (k->sources[0].line, 0);
}

Test (extract_case, gold)
{
    char *gold = test_slurp ("gold/cases.tsv", NULL);
    char *save = NULL;
    char current[256] = "";
    tracuu_extraction_t *x = NULL;
    tracuu_text_t *text = NULL;
    size_t fines = 0, rows = 0;

    for (char *line = strtok_r (gold, "\n", &save); line;
         line = strtok_r (NULL, "\n", &save)) {
        char *f[F_COUNT], *fsave = NULL;
        int n = 0;

        if (line[0] == '#')
            continue;
        for (char *t = strtok_r (line, "\t", &fsave); t && n < F_COUNT;
             t = strtok_r (NULL, "\t", &fsave))
            f[n++] = t;
        cr_assert_eq (n, F_COUNT, "bad gold row %zu", rows);
        unescape_tabs (f[F_QUOTE]);
        if (strcmp (current, f[F_FILE]) != 0) {
            char path[512];
            char *bytes;

            if (x != NULL)
                cr_expect_eq (count_action (x, TRACUU_CASE_FINE), fines,
                              "%s: %zu fines, gold has %zu", current,
                              count_action (x, TRACUU_CASE_FINE), fines);
            done (x, text);
            snprintf (current, sizeof current, "%s", f[F_FILE]);
            snprintf (path, sizeof path, "../corpus/%s", current);
            bytes = test_slurp (path, NULL);
            x = extract_text (bytes, &text);
            free (bytes);
            cr_assert_eq (tracuu_extraction_set_file (x, current),
                          TRACUU_STATUS_OK);
            fines = 0;
        }
        fines += strcmp (f[F_ACTION], "fine") == 0;
        check_row (x, f);
        rows++;
    }
    if (x != NULL)
        cr_expect_eq (count_action (x, TRACUU_CASE_FINE), fines,
                      "%s: %zu fines, gold has %zu", current,
                      count_action (x, TRACUU_CASE_FINE), fines);
    cr_expect_gt (rows, 15);
    done (x, text);
    free (gold);
}

/* The gold file's rows are grouped by file: a file seen again would be
 * extracted twice and its fines counted apart. */
Test (extract_case, gold_rows_grouped_by_file)
{
    char *gold = test_slurp ("gold/cases.tsv", NULL);
    char *save = NULL, seen[8][128];
    size_t n_seen = 0;

    for (char *line = strtok_r (gold, "\n", &save); line;
         line = strtok_r (NULL, "\n", &save)) {
        size_t len = strcspn (line, "\t");

        if (line[0] == '#')
            continue;
        if (n_seen > 0 && strncmp (seen[n_seen - 1], line, len) == 0
            && seen[n_seen - 1][len] == '\0')
            continue;
        for (size_t i = 0; i < n_seen; i++)
            cr_expect (!(strncmp (seen[i], line, len) == 0
                         && seen[i][len] == '\0'), "%.*s comes back",
                       (int) len, line);
        if (n_seen < 8)
            snprintf (seen[n_seen++], sizeof seen[0], "%.*s", (int) len, line);
    }
    free (gold);
}

/* One case cited by two reports gets one key. */
Test (extract_case, same_case_two_reports_one_key)
{
    static const char *const files[] = {
        "../corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt",
        "../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt",
    };

    for (size_t i = 0; i < 2; i++) {
        char *bytes = test_slurp (files[i], NULL);
        tracuu_text_t *text;
        tracuu_extraction_t *x = extract_text (bytes, &text);
        const tracuu_case_t *k = find_key (x, "bac-giang/nhathaibiettuot/7500000");

        cr_assert_not_null (k, "%s", files[i]);
        cr_expect_eq (k->n_accounts, 1);
        cr_expect_str_eq (k->accounts[0].platform, "tiktok");
        cr_expect_str_eq (k->accounts[0].name, "@nhathaibiettuot");
        cr_expect_eq (k->n_people, 1);
        cr_expect_str_eq (k->people[0], "Nguyễn Văn Hải");
        cr_expect_str_eq (k->province, "Bắc Giang");
        cr_expect (k->measures & (1u << TRACUU_CASE_TAKEDOWN));
        done (x, text);
        free (bytes);
    }
}

/* A rule test: 'input' gives 'n' cases of 'action' with 'amount' (first
 * case) and 'violators'. */
static const struct {
    const char *input;
    size_t n_cases;
    tracuu_case_action_t action;
    int64_t amount;
    int64_t violators;
    const char *categories;     /* As category_bits() reads them. */
} rules[] = {
    /* An amount with no sanction word is no case. */
    { "Doanh thu dịch vụ viễn thông đạt 500 triệu đồng, tăng 5%.\n",
      0, TRACUU_CASE_FINE, -1, -1, "-" },
    /* A sanction with no amount. */
    { "Công an huyện đã xử phạt 03 đối tượng đăng tin giả trên mạng.\n",
      1, TRACUU_CASE_FINE, -1, 3, "false_information" },
    /* Wording without a violator or an amount is no case. */
    { "Tiếp tục xử phạt nghiêm các hành vi vi phạm trên không gian mạng.\n",
      0, TRACUU_CASE_FINE, -1, -1, "-" },
    /* The future is no case. */
    { "Trong thời gian tới, Sở sẽ xử phạt 10 cơ sở vi phạm.\n",
      0, TRACUU_CASE_FINE, -1, -1, "-" },
    { "Thanh tra Sở ra quyết định xử phạt vi phạm hành chính đối với 01 "
      "doanh nghiệp kinh doanh hàng giả, số tiền 12.500.000 đồng.\n",
      1, TRACUU_CASE_FINE, 12500000, 1, "counterfeit_smuggling" },
    { "Phạt tiền 01 cá nhân 2 triệu đồng về hành vi mê tín dị đoan.\n",
      1, TRACUU_CASE_FINE, 2000000, 1, "superstition" },
    /* Old and new tone placement: "khoá" and "khóa". */
    { "Đã khoá 02 chiều 15 thuê bao phát tán tin nhắn rác.\n",
      1, TRACUU_CASE_SUBSCRIBER_LOCK, -1, 15, "telecom" },
    { "Đã khóa 02 chiều 15 thuê bao phát tán tin nhắn rác.\n",
      1, TRACUU_CASE_SUBSCRIBER_LOCK, -1, 15, "telecom" },
    { "Công an tỉnh đã khởi tố 02 đối tượng lừa đảo chiếm đoạt tài sản.\n",
      1, TRACUU_CASE_PROSECUTION, -1, 2, "fraud" },
    { "Đã đề nghị gỡ bỏ 12 bài viết có nội dung xuyên tạc trên Facebook.\n",
      1, TRACUU_CASE_TAKEDOWN, -1, 12, "false_information" },
    { "Đã nhắc nhở 04 cơ sở trò chơi điện tử hoạt động quá giờ.\n",
      1, TRACUU_CASE_WARNING, -1, 4, "gaming" },
    /* "ngăn chặn" is to prevent, not a takedown. */
    { "Đã ngăn chặn 20 vụ việc vi phạm.\n", 0, TRACUU_CASE_TAKEDOWN, -1, -1, "-" },
    /* A headline quoted in a list of articles is no prosecution. */
    { "Các tin, bài tiêu biểu: *Lục Ngạn: Khởi tố 3 đối tượng mua bán "
      "ma túy; Yên Dũng: Bắt 2 đối tượng*\n", 0, TRACUU_CASE_PROSECUTION,
      -1, -1, "-" },
    /* A table row is no case. */
    { "Sở\t0\t1\t1,5\txử phạt\t0\n", 0, TRACUU_CASE_FINE, -1, -1, "-" },
};

Test (extract_case, rules)
{
    for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
        tracuu_text_t *text;
        tracuu_extraction_t *x = extract_text (rules[i].input, &text);
        const tracuu_case_t *k = tracuu_extraction_case (x, 0);

        cr_expect_eq (tracuu_extraction_n_cases (x), rules[i].n_cases,
                      "rule %zu: %zu cases", i, tracuu_extraction_n_cases (x));
        if (rules[i].n_cases > 0 && k != NULL) {
            cr_expect_eq (k->action, rules[i].action, "rule %zu: %s", i,
                          tracuu_case_action_name (k->action));
            cr_expect_eq (k->amount_vnd, rules[i].amount, "rule %zu: %lld", i,
                          (long long) k->amount_vnd);
            cr_expect_eq (k->violators, rules[i].violators, "rule %zu: %lld",
                          i, (long long) k->violators);
            cr_expect_eq (k->categories, category_bits (rules[i].categories),
                          "rule %zu: %#x",
                          i, k->categories);
        }
        done (x, text);
    }
}

Test (extract_case, two_fines_in_one_sentence)
{
    tracuu_text_t *text;
    tracuu_extraction_t *x = extract_text (
        "Thanh tra Sở đã xử phạt ông Trần Văn An 5 triệu đồng và bà Lê Thị "
        "Bình 3 triệu đồng do đăng tải thông tin sai sự thật.\n", &text);

    cr_assert_eq (tracuu_extraction_n_cases (x), 2);
    cr_expect_eq (tracuu_extraction_case (x, 0)->amount_vnd, 5000000);
    cr_expect_eq (tracuu_extraction_case (x, 1)->amount_vnd, 3000000);
    for (size_t i = 0; i < 2; i++) {
        const tracuu_case_t *k = tracuu_extraction_case (x, i);

        cr_expect_eq (k->action, TRACUU_CASE_FINE);
        cr_expect_eq (k->categories, category_bits ("false_information"));
        cr_expect (!(k->flags & TRACUU_CASE_AGGREGATE));
        cr_expect_str_eq (k->agency, "Thanh tra Sở");
    }
    cr_expect_str_neq (tracuu_extraction_case (x, 0)->key,
                       tracuu_extraction_case (x, 1)->key);
    done (x, text);
}

Test (extract_case, footnote_members)
{
    tracuu_text_t *text;
    tracuu_extraction_t *x = extract_text (
        "Đã xử phạt 02 cá nhân với tổng số tiền 10 triệu đồng⁽¹⁾\n"
        "\n"
        "¹ Xử phạt chủ tài khoản Facebook \"Hoa Hồng Đỏ\" 6 triệu đồng do "
        "vu khống; xử phạt ông Phạm Văn Nam 4 triệu đồng do đưa tin giả.\n",
        &text);
    const tracuu_case_t *parent, *m;

    cr_assert_eq (tracuu_extraction_n_cases (x), 3);
    parent = tracuu_extraction_case (x, 0);
    cr_expect_eq (parent->amount_vnd, 10000000);
    cr_expect (parent->flags & TRACUU_CASE_AGGREGATE);
    cr_expect_eq (parent->parent, -1);
    for (size_t i = 1; i < 3; i++) {
        m = tracuu_extraction_case (x, i);
        cr_expect_eq (m->parent, 0, "member %zu", i);
        cr_expect_eq (m->footnote, 1);
        cr_expect (m->flags & TRACUU_CASE_FOOTNOTE);
    }
    cr_expect_eq (tracuu_extraction_case (x, 1)->categories,
                  category_bits ("defamation"));
    cr_expect_eq (tracuu_extraction_case (x, 2)->categories,
                  category_bits ("false_information"));
    done (x, text);
}

Test (extract_case, names)
{
    cr_expect_str_eq (tracuu_case_action_name (TRACUU_CASE_SUBSCRIBER_LOCK),
                      "subscriber_lock");
    cr_expect_str_eq (tracuu_case_action_name (TRACUU_CASE_ACTION_LAST),
                      "unknown");
    cr_assert_gt (tracuu_case_category_count (), 10);
    cr_assert_leq (tracuu_case_category_count (), TRACUU_CATEGORY_COUNT);
    for (unsigned b = 0; b < tracuu_case_category_count (); b++)
        cr_expect_eq (tracuu_case_category_from_name (
                          tracuu_case_category_name (b)), 1u << b);
    cr_expect_null (tracuu_case_category_name (tracuu_case_category_count ()));
    cr_expect_eq (tracuu_case_category_from_name ("nothing"), 0);
    cr_expect_eq (tracuu_case_category_from_name (NULL), 0);
}

Test (extract_case, null_arguments)
{
    tracuu_extraction_t *x = (tracuu_extraction_t *) 1;

    cr_expect_eq (tracuu_extract (NULL, &x), TRACUU_STATUS_NULL_POINTER);
    cr_expect_null (x);
    cr_expect_eq (tracuu_extraction_write_json (NULL, "f", 0, stdout),
                  TRACUU_STATUS_NULL_POINTER);
    cr_expect_eq (tracuu_extraction_set_file (NULL, "f"),
                  TRACUU_STATUS_NULL_POINTER);
    cr_expect_null (tracuu_extraction_meta (NULL));
    cr_expect_null (tracuu_extraction_case (NULL, 0));
    cr_expect_eq (tracuu_extraction_n_cases (NULL), 0);
    tracuu_extraction_destroy (NULL);
}


Test (extract_case, jsonl_one_record_per_line)
{
    char *bytes = test_slurp ("../corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt", NULL);
    tracuu_text_t *text;
    tracuu_extraction_t *x = extract_text (bytes, &text);
    char *buf = NULL;
    size_t len = 0, lines = 0, cases = 0, reports = 0;
    FILE *out = open_memstream (&buf, &len);

    cr_assert_eq (tracuu_extraction_write_json (x, "r.txt", 1, out),
                  TRACUU_STATUS_OK);
    fclose (out);
    for (char *p = buf; *p; p = strchr (p, '\n') + 1) {
        cr_assert_not_null (strchr (p, '\n'));
        cr_expect_eq (strncmp (p, "{\"type\": \"", 10), 0);
        cases += strncmp (p, "{\"type\": \"case\"", 15) == 0;
        reports += strncmp (p, "{\"type\": \"report\"", 17) == 0;
        lines++;
    }
    cr_expect_eq (reports, 1);
    cr_expect_eq (cases, tracuu_extraction_n_cases (x));
    cr_expect_eq (lines, 1 + tracuu_extraction_entities (x)->count + cases);
    cr_expect_not_null (strstr (buf, "\"key\": \"bac-giang/2024-h1/fine/19500000\""));
    free (buf);
    buf = NULL;
    out = open_memstream (&buf, &len);
    cr_assert_eq (tracuu_extraction_write_json (x, NULL, 0, out),
                  TRACUU_STATUS_OK);
    fclose (out);
    cr_expect_eq (strncmp (buf, "{\n  \"file\": null,\n  \"report\": {", 31), 0);
    free (buf);
    done (x, text);
    free (bytes);
}

/* What the law provides is not a sanction that happened. */
Test (extract_case, legal_norms_are_not_fines)
{
    static const struct {
        const char *text;
        size_t fines;
    } rows[] = {
        { "Theo quy định tại Nghị định số 15/2020/NĐ-CP, mức phạt tiền tối đa "
          "trong lĩnh vực báo chí là 100 triệu đồng đối với cá nhân.\n", 0 },
        { "Khung phạt đối với hành vi này là 20 triệu đồng.\n", 0 },
        { "Hành vi đăng tin giả có thể bị phạt tiền 10 triệu đồng.\n", 0 },
        { "Thanh tra Sở đã xử phạt vi phạm hành chính 02 cơ sở với tổng số "
          "tiền 10 triệu đồng.\n", 1 },
    };

    for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
        tracuu_text_t *t = NULL;
        tracuu_extraction_t *x = NULL;
        size_t fines = 0;

        cr_assert_eq (tracuu_text_analyze (rows[r].text, strlen (rows[r].text),
                                           &t), 0);
        cr_assert_eq (tracuu_extract (t, &x), 0);
        for (size_t i = 0; i < tracuu_extraction_n_cases (x); i++)
            fines += tracuu_extraction_case (x, i)->action == TRACUU_CASE_FINE;
        cr_expect_eq (fines, rows[r].fines, "row %zu", r);
        tracuu_extraction_destroy (x);
        tracuu_text_destroy (t);
    }
}
