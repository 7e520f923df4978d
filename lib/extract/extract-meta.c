/*
 * Report metadata: number, kind, title, issuing place and date, period,
 * province, agency and signer, read from the layout that Vietnamese
 * administrative documents share (a "Số:" line, "<Place>, ngày ...
 * tháng ... năm ...", the kind in capitals with the title under it, the
 * signature after "Nơi nhận:"), from the opening of a conference paper
 * ("tham luận về “...”") or of a news article (a "dd/mm/yyyy - hh:mm"
 * line above the headline).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"

/* Document kinds written in capitals on a line of their own. */
static const struct {
    const char *line;         /* Exact (lower-cased) form of the line. */
    const char *kind;
} kind_lines[] = {
    { "báo cáo", "bao_cao" },
    { "kế hoạch", "ke_hoach" },
    { "công văn", "cong_van" },
    { "quyết định", "quyet_dinh" },
    { "tờ trình", "to_trinh" },
    { "tham luận", "tham_luan" },
};

static int
is_word (const tracuu_text_t *text, size_t i, const char *exact)
{
    return i < text->n_tokens && strcmp (text->tokens[i].exact, exact) == 0;
}

/* The text between token 'i' and the next holds one of 'chars'. */
static int
gap_has (const tracuu_text_t *text, size_t i, const char *chars)
{
    size_t len;
    const char *g = tracuu_extract__gap (text, i, &len);

    for (size_t k = 0; k < len; k++)
        if (strchr (chars, g[k]) != NULL)
            return 1;
    return 0;
}

static char *
dup_trimmed (tracuu_status_t *rc, const char *s, size_t len)
{
    while (len > 0 && (isspace ((unsigned char) *s) || *s == '*'))
        s++, len--;
    while (len > 0 && (isspace ((unsigned char) s[len - 1])
                       || s[len - 1] == '*'))
        len--;
    return tracuu_extract__strndup (rc, s, len);
}

/* First token of line 'line' (1-based) and the token past its last. */
static void
line_tokens (const tracuu_text_t *text, uint32_t line, size_t *a, size_t *b)
{
    size_t lo = 0, hi = text->n_tokens;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (text->tokens[mid].line < line)
            lo = mid + 1;
        else
            hi = mid;
    }
    *a = lo;
    while (lo < text->n_tokens && text->tokens[lo].line == line)
        lo++;
    *b = lo;
}

/* Exact forms of the tokens of a line, joined by spaces, in 'buf'. */
static void
line_words (const tracuu_text_t *text, uint32_t line, char *buf, size_t size)
{
    size_t a, b, n = 0;

    line_tokens (text, line, &a, &b);
    buf[0] = '\0';
    for (size_t i = a; i < b; i++) {
        const tracuu_token_t *t = &text->tokens[i];
        size_t w = t->exact_len + (n ? 1 : 0), room = size - n - 1, k = 0;

        /* As snprintf() would: what fits of the word, then stop. */
        if (n && k < room)
            buf[n + k++] = ' ';
        if (k < room) {
            size_t c = w - k < room - k ? w - k : room - k;

            memcpy (buf + n + k, t->exact, c);
            k += c;
        }
        buf[n + k] = '\0';
        if (w >= size - n)
            return;
        n += w;
    }
}

/* Next non-empty line after 'line', or 0. */
static uint32_t
next_line (const tracuu_text_t *text, uint32_t line)
{
    for (uint32_t l = line + 1; l <= text->n_lines; l++) {
        size_t a, b;

        line_tokens (text, l, &a, &b);
        if (b > a)
            return l;
    }
    return 0;
}

static char *
line_copy (tracuu_status_t *rc, const tracuu_text_t *text, uint32_t line)
{
    size_t len = 0;
    const char *s = tracuu_text_line (text, line, &len);

    return s ? dup_trimmed (rc, s, len) : NULL;
}

static void
find_number (const tracuu_text_t *text, tracuu_extraction_t *x,
             tracuu_status_t *rc)
{
    const tracuu_entities_t *list = &x->entities;
    char buf[128];
    size_t n = 0;

    for (size_t i = 0; i < list->count; i++)
        if (list->items[i].kind == TRACUU_ENTITY_DOCNUMBER) {
            x->meta.number = tracuu_extract__strndup (
                rc, list->items[i].value, strlen (list->items[i].value));
            return;
        }
    /* "Số: 180 /BC -STTTT" among the first lines. */
    for (size_t i = 0; i + 1 < text->n_tokens && text->tokens[i].line <= 12;
         i++) {
        const char *s, *end;
        size_t len;

        if (!is_word (text, i, "số") || !tracuu_extract__starts_line (text, i)
            || !tracuu_extract__gap_is (text, i, ":"))
            continue;
        s = tracuu_text_line (text, text->tokens[i].line, &len);
        end = s + len;
        s = text->text + text->tokens[i].end;
        s = memchr (s, ':', (size_t) (end - s)) + 1;
        for (; s < end && n + 1 < sizeof buf; s++)
            if (!isspace ((unsigned char) *s))
                buf[n++] = *s;
        /* A number cut by the buffer ends on a whole character. */
        if (s < end)
            while (n > 0 && ((unsigned char) buf[n - 1] & 0xC0) == 0x80)
                n--;
        if (n > 0 && s < end && ((unsigned char) buf[n - 1] & 0xC0) == 0xC0)
            n--;
        buf[n] = '\0';
        x->meta.number = tracuu_extract__strndup (rc, buf[0] == '/' ? "" : buf,
                                                  buf[0] == '/' ? 0 : n);
        return;
    }
}

/* "Hà Tĩnh, ngày 11 tháng 6 năm 2024" (the day may be blank). */
static uint32_t
find_place_date (const tracuu_text_t *text, tracuu_extraction_t *x,
                 tracuu_status_t *rc)
{
    for (size_t i = 1; i + 4 < text->n_tokens && text->tokens[i].line <= 15;
         i++) {
        size_t k = i + 1, line_a, line_b;
        int d = 0, m = 0, y = 0;
        char buf[16];

        if (!is_word (text, i, "ngày") || !tracuu_extract__gap_is (text, i - 1, ",")
            || text->tokens[i - 1].line != text->tokens[i].line)
            continue;
        if (tracuu_extract__token_int (text, k, 2, &d))
            k++;
        if (!is_word (text, k, "tháng")
            || !tracuu_extract__token_int (text, k + 1, 2, &m)
            || !is_word (text, k + 2, "năm")
            || !tracuu_extract__token_int (text, k + 3, 4, &y) || m < 1
            || m > 12)
            continue;
        line_tokens (text, text->tokens[i].line, &line_a, &line_b);
        x->meta.place = tracuu_extract__strndup (
            rc, text->text + text->tokens[line_a].start,
            text->tokens[i - 1].end - text->tokens[line_a].start);
        if (d > 0 && tracuu_extract__valid_date (y, m, d)) {
            x->meta.date = y * 10000 + m * 100 + d;
            snprintf (buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        } else {
            snprintf (buf, sizeof buf, "%04d-%02d", y, m);
        }
        x->meta.date_text = tracuu_extract__strndup (rc, buf, strlen (buf));
        return text->tokens[i].line;
    }
    return 0;
}

/* A news article's "16/03/2020 - 17:01" line among the first lines. */
static uint32_t
find_news_date (const tracuu_text_t *text, tracuu_extraction_t *x,
                tracuu_status_t *rc)
{
    /* A dateline alone on one of the first lines: "16/03/2020 - 17:01",
     * "Ngày 05/9/2024", "Thứ Hai, 05/09/2024 10:30 (GMT+7)". */
    for (uint32_t l = 1; l <= text->n_lines && l <= 6; l++) {
        size_t len;
        const char *s = tracuu_text_line (text, l, &len);
        char line[64], buf[16], sep1, sep2;
        const char *p;
        int d, m, y, used = 0;

        if (s == NULL || len >= sizeof line)
            continue;
        memcpy (line, s, len);
        line[len] = '\0';
        p = line;
        while (*p == ' ' || *p == '*' || *p == '_')
            p++;
        if (strncmp (p, "Thứ ", strlen ("Thứ ")) == 0
            || strncmp (p, "thứ ", strlen ("thứ ")) == 0
            || strncmp (p, "Chủ nhật", strlen ("Chủ nhật")) == 0) {
            const char *comma = strchr (p, ',');

            if (comma == NULL || comma - p > 16)
                continue;
            p = comma + 1;
        }
        while (*p == ' ')
            p++;
        if (strncmp (p, "Ngày ", strlen ("Ngày ")) == 0
            || strncmp (p, "ngày ", strlen ("ngày ")) == 0)
            p += strlen ("Ngày ");
        if (sscanf (p, "%d%c%d%c%d%n", &d, &sep1, &m, &sep2, &y, &used) != 5
            || sep1 != sep2 || (sep1 != '/' && sep1 != '-' && sep1 != '.')
            || !tracuu_extract__valid_date (y, m, d))
            continue;
        /* Only a time or a time zone may follow the date. */
        for (p += used; *p; p++)
            if (strchr (" -:|,()+*_0123456789GMTgmtAPMapmhH", *p) == NULL
                && (unsigned char) *p < 0x80)
                break;
        if (*p != '\0')
            continue;
        x->meta.date = y * 10000 + m * 100 + d;
        snprintf (buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        x->meta.date_text = tracuu_extract__strndup (rc, buf, strlen (buf));
        return l;
    }
    return 0;
}

static void
find_kind_title (const tracuu_text_t *text, tracuu_extraction_t *x,
                 uint32_t news_line, tracuu_status_t *rc)
{
    char words[256];

    if (news_line) {
        uint32_t l = next_line (text, news_line);

        x->meta.kind = "tin_bai";
        if (l)
            x->meta.title = line_copy (rc, text, l);
        return;
    }
    for (uint32_t l = 1; l <= text->n_lines && l <= 20; l++) {
        line_words (text, l, words, sizeof words);
        for (size_t k = 0; k < sizeof kind_lines / sizeof kind_lines[0]; k++) {
            uint32_t t;

            if (strcmp (words, kind_lines[k].line) != 0)
                continue;
            x->meta.kind = kind_lines[k].kind;
            t = next_line (text, l);
            if (t)
                x->meta.title = line_copy (rc, text, t);
            return;
        }
    }
    /* A conference paper: "... trình bày tham luận về “Sơ kết ...”". */
    for (size_t i = 0; i + 1 < text->n_tokens && text->tokens[i].line <= 3;
         i++) {
        const char *open, *close, *end;

        if (!is_word (text, i, "tham") || !is_word (text, i + 1, "luận"))
            continue;
        x->meta.kind = "tham_luan";
        end = text->text + text->line_starts[text->tokens[i].line - 1];
        end += strcspn (end, "\n");
        open = strstr (text->text + text->tokens[i].end, "\xe2\x80\x9c");
        if (open == NULL || open > end)
            return;
        close = strstr (open + 3, "\xe2\x80\x9d");
        if (close != NULL && close < end)
            x->meta.title = dup_trimmed (rc, open + 3, (size_t) (close - open - 3));
        return;
    }
}

/* Year written in tokens [a, b) from 'i' on ("2024"), or 0. */
static int
year_from (const tracuu_text_t *text, size_t i, size_t b)
{
    for (; i < b; i++) {
        int y;

        if (tracuu_extract__token_int (text, i, 4, &y) && y >= 1900
            && y <= 2100 && text->tokens[i].exact_len == 4)
            return y;
    }
    return 0;
}

static void
set_period (tracuu_status_t *rc, tracuu_report_meta_t *meta, int32_t from,
            int32_t to)
{
    char buf[32];

    tracuu_extract__period_name (from, to, buf);
    meta->period_from = from;
    meta->period_to = to;
    meta->period = tracuu_extract__strndup (rc, buf, strlen (buf));
}

/* The period named in tokens [a, b) (a title): "6 tháng đầu năm 2024",
 * "quý I năm 2024", "tháng 4 ... năm 2024", "năm 2024". Returns 1 when
 * found. 'year' is used when the title names none. */
static int
period_in (const tracuu_text_t *text, size_t a, size_t b, int year,
           int32_t *from, int32_t *to)
{
    for (size_t i = a; i < b; i++) {
        int n = 0, y;

        if (tracuu_extract__token_int (text, i, 2, &n)
            && is_word (text, i + 1, "tháng")
            && (is_word (text, i + 2, "đầu") || is_word (text, i + 2, "cuối"))
            && is_word (text, i + 3, "năm") && n >= 1 && n <= 12) {
            int last = is_word (text, i + 2, "cuối");

            y = year_from (text, i + 4, b);
            if (y == 0 && (y = year) == 0)
                continue;
            if (last) {
                *from = y * 10000 + (13 - n) * 100 + 1;
                *to = y * 10000 + 1231;
            } else {
                *from = y * 10000 + 101;
                *to = y * 10000 + n * 100
                      + tracuu_extract__days_in_month (y, n);
            }
            return 1;
        }
        if (is_word (text, i, "quý") && i + 1 < b) {
            int q = tracuu_extract__roman (text->tokens[i + 1].exact,
                                           text->tokens[i + 1].exact_len);

            if (q == 0)
                tracuu_extract__token_int (text, i + 1, 1, &q);
            y = year_from (text, i + 2, b);
            if (y == 0)
                y = year;
            if (q >= 1 && q <= 4 && y) {
                *from = y * 10000 + (3 * q - 2) * 100 + 1;
                *to = y * 10000 + 3 * q * 100
                      + tracuu_extract__days_in_month (y, 3 * q);
                return 1;
            }
        }
        if (is_word (text, i, "tháng")
            && tracuu_extract__token_int (text, i + 1, 2, &n) && n >= 1
            && n <= 12) {
            y = year_from (text, i + 2, b);
            if (y == 0)
                y = year;
            if (y) {
                *from = y * 10000 + n * 100 + 1;
                *to = y * 10000 + n * 100 + tracuu_extract__days_in_month (y, n);
                return 1;
            }
        }
    }
    for (size_t i = a; i + 1 < b; i++) {
        int y;

        if (is_word (text, i, "năm") && (y = year_from (text, i + 1, i + 2))) {
            *from = y * 10000 + 101;
            *to = y * 10000 + 1231;
            return 1;
        }
    }
    return 0;
}

/* "2 năm qua", "sơ kết 2 năm": N years up to the issuing date. */
static int
years_back (const tracuu_text_t *text, int32_t date, int32_t *from,
            int32_t *to)
{
    for (size_t i = 0; date && i + 2 < text->n_tokens
                       && text->tokens[i].line <= 40; i++) {
        int n;

        if (!tracuu_extract__token_int (text, i, 2, &n) || n < 1 || n > 20
            || !is_word (text, i + 1, "năm"))
            continue;
        if (is_word (text, i + 2, "qua")
            || (i > 1 && is_word (text, i - 2, "sơ")
                && is_word (text, i - 1, "kết"))
            || (i > 1 && is_word (text, i - 2, "tổng")
                && is_word (text, i - 1, "kết"))) {
            *from = date - n * 10000;
            *to = date;
            return 1;
        }
    }
    return 0;
}

/* The period 'e' is the year of a law or a decree ("Luật Giao thông
 * đường bộ năm 2008", "Nghị định ... năm 2019"): up to eight words after
 * "luật", "nghị định", "thông tư", "bộ luật" or "pháp lệnh". */
static int
legal_year (const tracuu_text_t *text, const tracuu_entity_t *e)
{
    size_t i = 0;

    while (i < text->n_tokens && text->tokens[i].start < e->start)
        i++;
    for (size_t back = 1; back <= 8 && back <= i; back++) {
        size_t k = i - back;

        if (text->tokens[k].line != text->tokens[i < text->n_tokens ? i : k].line)
            break;
        if (is_word (text, k, "luật") || is_word (text, k, "lệnh")
            || (is_word (text, k, "nghị") && is_word (text, k + 1, "định"))
            || (is_word (text, k, "thông") && is_word (text, k + 1, "tư")))
            return 1;
    }
    return 0;
}

static void
find_period (const tracuu_text_t *text, tracuu_extraction_t *x,
             tracuu_status_t *rc)
{
    tracuu_report_meta_t *meta = &x->meta;
    int year = 0;
    int32_t from = 0, to = 0;

    if (meta->date_text != NULL)
        year = atoi (meta->date_text);
    if (meta->title != NULL) {
        /* The title's tokens: find its line among the first lines. */
        for (uint32_t l = 1; l <= text->n_lines && l <= 25; l++) {
            size_t len, a, b;
            const char *s = tracuu_text_line (text, l, &len);

            if (s == NULL || strstr (s, meta->title) == NULL
                || (size_t) (strstr (s, meta->title) - s) > len)
                continue;
            line_tokens (text, l, &a, &b);
            if (period_in (text, a, b, year, &from, &to)) {
                set_period (rc, meta, from, to);
                return;
            }
            break;
        }
    }
    if (years_back (text, meta->date, &from, &to)) {
        set_period (rc, meta, from, to);
        return;
    }
    if (year) {
        set_period (rc, meta, year * 10000 + 101, year * 10000 + 1231);
        return;
    }
    /* A text of no administrative kind (a news article without its
     * date) has no reporting period: its first year is as often that of
     * a law or of a past event. */
    if (strcmp (meta->kind, "khac") == 0) {
        /* Its headline and lead name the time of the story ("Tết Nguyên
         * đán Kỷ Hợi 2019", "Ngày cuối năm 2017"): the one year they name,
         * if only one. */
        int story = 0;
        uint32_t last_line = 0, lines = 0;

        for (size_t i = 0; i < text->n_tokens && lines <= 3; i++)
            if (text->tokens[i].line != last_line) {
                last_line = text->tokens[i].line;
                lines++;
            }
        for (size_t i = 0; i < x->entities.count; i++) {
            const tracuu_entity_t *e = &x->entities.items[i];
            int y;

            if (e->line >= last_line && lines > 3)
                break;
            if (e->kind != TRACUU_ENTITY_PERIOD || !e->from || !e->to
                || legal_year (text, e))
                continue;
            y = e->from / 10000;
            if (y != e->to / 10000 || (story && story != y))
                return;         /* Several years: none is the story's. */
            story = y;
        }
        if (story)
            set_period (rc, meta, story * 10000 + 101, story * 10000 + 1231);
        return;
    }
    for (size_t i = 0; i < x->entities.count; i++) {
        const tracuu_entity_t *e = &x->entities.items[i];

        if (e->kind == TRACUU_ENTITY_PERIOD && e->from && e->to) {
            set_period (rc, meta, e->from, e->to);
            return;
        }
    }
}

/* The agency that reports: "<agency> báo cáo", "<agency> trình bày",
 * else "<agency> tổ chức". */
static void
find_agency (const tracuu_text_t *text, tracuu_extraction_t *x,
             const tracuu_lexicon_t *heads, tracuu_status_t *rc)
{
    /* The verbs of each pass, as their two words. */
    static const char *const verbs[2][2][2] = {
        { { "báo", "cáo" }, { "trình", "bày" } },
        { { "tổ", "chức" }, { "tổ", "chức" } }
    };

    for (int pass = 0; pass < 2; pass++) {
        for (size_t j = 1; j + 1 < text->n_tokens; j++) {
            size_t head = SIZE_MAX;
            int verb = 0;

            for (int v = 0; v < 2; v++)
                if (is_word (text, j, verbs[pass][v][0])
                    && is_word (text, j + 1, verbs[pass][v][1]))
                    verb = 1;
            if (!verb)
                continue;
            if (is_word (text, j + 2, "viên") || is_word (text, j - 1, "việc")
                || is_word (text, j - 1, "theo") || is_word (text, j - 1, "kỳ"))
                continue;       /* "báo cáo viên", "về việc báo cáo". */
            for (size_t i = j; i > 0 && j - i < 12; i--) {
                size_t label;

                if (text->tokens[i - 1].line != text->tokens[j].line
                    || gap_has (text, i - 1, ",;.:()"))
                    break;
                if ((text->tokens[i - 1].flags & TRACUU_TOKEN_CAPITAL)
                    && tracuu_lexicon__match_tagged (heads, text, i - 1, j,
                                                    "issuer", &label))
                    head = i - 1;
            }
            if (head == SIZE_MAX)
                continue;
            x->meta.agency = tracuu_extract__strndup (
                rc, text->text + text->tokens[head].start,
                text->tokens[j - 1].end - text->tokens[head].start);
            return;
        }
    }
}

/* The province: on the header or place line, in the agency's name, else
 * the one named most often. */
static void
find_province (tracuu_extraction_t *x, uint32_t place_line,
               tracuu_status_t *rc)
{
    const tracuu_entities_t *list = &x->entities;
    const char *best = NULL;
    size_t best_n = 0;

    for (size_t i = 0; i < list->count; i++) {
        const tracuu_entity_t *e = &list->items[i];

        if (e->kind == TRACUU_ENTITY_PROVINCE && place_line
            && e->line == place_line) {
            best = e->value;
            goto FOUND;
        }
    }
    if (x->meta.agency != NULL) {
        for (size_t i = 0; i < list->count; i++) {
            const tracuu_entity_t *e = &list->items[i];
            char *folded_agency = NULL, *folded_value = NULL;
            size_t n1, n2;
            int hit;

            if (e->kind != TRACUU_ENTITY_PROVINCE)
                continue;
            if (tracuu_fold (x->meta.agency, strlen (x->meta.agency),
                             TRACUU_FOLD_ASCII, &folded_agency, &n1, NULL)
                || tracuu_fold (e->value, strlen (e->value), TRACUU_FOLD_ASCII,
                                &folded_value, &n2, NULL)) {
                free (folded_agency);
                free (folded_value);
                *rc = TRACUU_STATUS_OUT_OF_MEMORY;
                return;
            }
            hit = strstr (folded_agency, folded_value) != NULL;
            free (folded_agency);
            free (folded_value);
            if (hit) {
                best = e->value;
                goto FOUND;
            }
        }
    }
    for (size_t i = 0; i < list->count; i++) {
        size_t n = 0;

        if (list->items[i].kind != TRACUU_ENTITY_PROVINCE)
            continue;
        for (size_t k = 0; k < list->count; k++)
            if (list->items[k].kind == TRACUU_ENTITY_PROVINCE
                && strcmp (list->items[k].value, list->items[i].value) == 0)
                n++;
        if (n > best_n) {
            best_n = n;
            best = list->items[i].value;
        }
    }
    if (best == NULL)
        return;

  FOUND:
    x->meta.province = tracuu_extract__strndup (rc, best, strlen (best));
}

/* A line that is only a name: 2 to 5 capitalized words. */
static int
name_line (const tracuu_text_t *text, uint32_t line)
{
    size_t a, b, len;
    const char *s = tracuu_text_line (text, line, &len);

    line_tokens (text, line, &a, &b);
    if (s == NULL || b - a < 2 || b - a > 5 || len > 60)
        return 0;
    for (size_t i = a; i < b; i++) {
        uint32_t f = text->tokens[i].flags;

        if (!(f & TRACUU_TOKEN_CAPITAL) || (f & TRACUU_TOKEN_ALLCAPS)
            || (f & TRACUU_TOKEN_NUMBER))
            return 0;
    }
    for (size_t k = 0; k < len; k++)
        if (strchr (".,:;|()/\"", s[k]))
            return 0;
    return 1;
}

/* A line whose words are all in capitals ("PHÓ GIÁM ĐỐC**"). */
static int
caps_line (const tracuu_text_t *text, uint32_t line)
{
    size_t a, b;

    line_tokens (text, line, &a, &b);
    if (b == a)
        return 0;
    for (size_t i = a; i < b; i++)
        if (!(text->tokens[i].flags & (TRACUU_TOKEN_ALLCAPS))
            && text->tokens[i].exact_len > 1)
            return 0;
    return 1;
}

static void
find_signer (const tracuu_text_t *text, tracuu_extraction_t *x,
             tracuu_status_t *rc)
{
    uint32_t start = 0;
    char words[64];

    for (uint32_t l = 1; l <= text->n_lines; l++) {
        line_words (text, l, words, sizeof words);
        if (strcmp (words, "nơi nhận") == 0) {
            start = l;
            break;
        }
    }
    if (start) {
        for (uint32_t l = start + 1; l <= text->n_lines; l++) {
            uint32_t prev;

            if (!name_line (text, l))
                continue;
            for (prev = l - 1; prev > start; prev--) {
                size_t a, b;

                line_tokens (text, prev, &a, &b);
                if (b > a)
                    break;
            }
            if (prev <= start || !caps_line (text, prev))
                continue;
            x->meta.signer = line_copy (rc, text, l);
            x->meta.signer_role = line_copy (rc, text, prev);
            return;
        }
        return;
    }
    /* A byline among the last lines of a news article, or of a text of
     * no administrative kind. */
    if (strcmp (x->meta.kind, "tin_bai") == 0 || strcmp (x->meta.kind, "khac") == 0)
        for (uint32_t l = text->n_lines; l > 0 && l + 8 > text->n_lines; l--)
            if (name_line (text, l)) {
                x->meta.signer = line_copy (rc, text, l);
                x->meta.signer_line = l;
                return;
            }
}

void
tracuu_extract__period_name (int32_t from, int32_t to, char *buf)
{
    int y1 = from / 10000, m1 = from / 100 % 100, d1 = from % 100;
    int y2 = to / 10000, m2 = to / 100 % 100, d2 = to % 100;

    if (y1 == y2 && d1 == 1 && d2 == tracuu_extract__days_in_month (y2, m2)) {
        if (m1 == 1 && m2 == 12) {
            sprintf (buf, "%04d", y1);
            return;
        }
        if (m1 == m2) {
            sprintf (buf, "%04d-%02d", y1, m1);
            return;
        }
        if ((m1 == 1 && m2 == 6) || (m1 == 7 && m2 == 12)) {
            sprintf (buf, "%04d-H%d", y1, m1 == 1 ? 1 : 2);
            return;
        }
        if (m2 == m1 + 2 && m1 % 3 == 1) {
            sprintf (buf, "%04d-Q%d", y1, (m1 + 2) / 3);
            return;
        }
    }
    snprintf (buf, 32, "%04d-%02d-%02d..%04d-%02d-%02d", y1 % 10000, m1, d1,
              y2 % 10000, m2, d2);
}

void
tracuu_extract__meta (const tracuu_text_t *text, tracuu_extraction_t *x,
                      tracuu_status_t *rc)
{
    const tracuu_lexicon_t *heads;
    uint32_t place_line, news_line;

    heads = tracuu_lexicon__agencies (rc);
    if (*rc)
        return;
    find_number (text, x, rc);
    place_line = find_place_date (text, x, rc);
    news_line = place_line ? 0 : find_news_date (text, x, rc);
    find_kind_title (text, x, news_line, rc);
    find_period (text, x, rc);
    find_agency (text, x, heads, rc);
    find_province (x, place_line, rc);
    find_signer (text, x, rc);
}

void
tracuu_extract__meta_dispose (tracuu_report_meta_t *meta)
{
    free ((void *) meta->number);
    free ((void *) meta->title);
    free ((void *) meta->place);
    free ((void *) meta->date_text);
    free ((void *) meta->period);
    free ((void *) meta->province);
    free ((void *) meta->agency);
    free ((void *) meta->signer);
    free ((void *) meta->signer_role);
    memset (meta, 0, sizeof *meta);
    meta->kind = "khac";
}
