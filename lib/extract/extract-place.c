/* PROVINCE and DISTRICT: provinces from a lexicon, districts after the
 * words that name an administrative level ("huyện", "thị xã"...). */
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "util/util-private.h"

/* Administrative levels that introduce a district-level name. */
typedef enum level {
    LEVEL_NONE,
    LEVEL_PROVINCE,             /* "tỉnh" */
    LEVEL_CITY,                 /* "thành phố", "TP": either kind */
    LEVEL_DISTRICT              /* "huyện", "quận", "thị xã", "thị trấn" */
} level_t;

/* Level word(s) at token i: the level, and the tokens used in *n_out. */
static level_t
level_at (const tracuu_text_t *text, size_t i, size_t *n_out)
{
    const tracuu_token_t *t;
    size_t n;

    *n_out = 0;
    if (i >= text->n_tokens)
        return LEVEL_NONE;
    t = &text->tokens[i];
    if (tracuu_extract__is (text, i, "tỉnh")) {
        *n_out = 1;
        return LEVEL_PROVINCE;
    }
    if ((n = tracuu_extract__match_folded (text, i, "thanh pho"))
        && tracuu_extract__is (text, i, "thành")) {
        *n_out = n;
        return LEVEL_CITY;
    }
    if (tracuu_extract__is (text, i, "tp") || tracuu_extract__is (text, i, "tx")) {
        /* "TP", "TP.", "Tp"; not the "TT" of "TT&TT". */
        *n_out = 1;
        return t->exact[1] == 'p' ? LEVEL_CITY : LEVEL_DISTRICT;
    }
    if (tracuu_extract__is (text, i, "huyện")
        || tracuu_extract__is (text, i, "quận")) {
        *n_out = 1;
        return LEVEL_DISTRICT;
    }
    if ((n = tracuu_extract__match_folded (text, i, "thi xa"))
        && tracuu_extract__is (text, i, "thị")
        && tracuu_extract__is (text, i + 1, "xã")) {
        *n_out = n;
        return LEVEL_DISTRICT;
    }
    if ((n = tracuu_extract__match_folded (text, i, "thi tran"))
        && tracuu_extract__is (text, i, "thị")
        && tracuu_extract__is (text, i + 1, "trấn")) {
        *n_out = n;
        return LEVEL_DISTRICT;
    }
    if (tracuu_extract__is (text, i, "tt") && (t->flags & TRACUU_TOKEN_ALLCAPS)) {
        size_t glen;
        const char *g = tracuu_extract__gap (text, i - (i > 0), &glen);

        /* "TT Vôi", "TT. Vôi"; never the "TT" of "Sở TT&TT". */
        if (i > 0 && memchr (g, '&', glen) != NULL)
            return LEVEL_NONE;
        g = tracuu_extract__gap (text, i, &glen);
        if (memchr (g, '&', glen) != NULL)
            return LEVEL_NONE;
        *n_out = 1;
        return LEVEL_DISTRICT;
    }
    return LEVEL_NONE;
}

/* The gap after token i is blank, or "." then blanks ("TP. Vinh"). */
static int
gap_joins (const tracuu_text_t *text, size_t i)
{
    return tracuu_extract__gap_blank (text, i)
           || tracuu_extract__gap_is (text, i, ".");
}

/* A token that may be part of a place name: capitalized letters, or a
 * number after "quận" ("Quận 1"). */
static int
name_token (const tracuu_text_t *text, size_t i)
{
    const tracuu_token_t *t = &text->tokens[i];

    return (t->flags & TRACUU_TOKEN_CAPITAL)
           && !(t->flags & (TRACUU_TOKEN_NUMBER | TRACUU_TOKEN_COMPOUND));
}


/* Token 'i' follows a surname or middle name, so that a province name
 * there is part of a person's name ("Nguyễn Thái Bình"). */
static int
person_before (const tracuu_text_t *text, size_t i, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *surnames = tracuu_lexicon__surnames (rc);
    const tracuu_token_t *t;

    if (i == 0 || !tracuu_extract__gap_blank (text, i - 1))
        return 0;
    t = &text->tokens[i - 1];
    if (!(t->flags & TRACUU_TOKEN_CAPITAL) || (t->flags & TRACUU_TOKEN_ALLCAPS))
        return 0;
    if (tracuu_lexicon__lookup (surnames, t->exact, t->exact_len) >= 0)
        return 1;
    return tracuu_extract__is (text, i - 1, "văn")
           || tracuu_extract__is (text, i - 1, "thị");
}

/* "Hồ Chí Minh" at 'i' names the man, not the city. */
static int
names_the_man (const tracuu_text_t *text, size_t i)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const tracuu_lexicon_t *words = tracuu_lexicon__name_words (&rc);

    /* A phrase of name-words.txt tagged not_a_place ending just before
     * token i, blanks between its words and before i. */
    for (size_t n = 1; n <= 3 && n <= i; n++) {
        size_t k = i - n, ok = 1;

        for (size_t g = k; g < i; g++)
            ok &= tracuu_extract__gap_blank (text, g);
        if (ok && tracuu_lexicon__match_tagged (words, text, k, i,
                                                "not_a_place", NULL) == n)
            return 1;
    }
    return 0;
}

char *
tracuu_extract__title_case (tracuu_status_t *rc, const tracuu_text_t *text,
                            size_t i, size_t j)
{
    tracuu_buf_t buf = { NULL, 0, 0 };

    for (size_t k = i; k < j; k++) {
        const tracuu_token_t *t = &text->tokens[k];
        const char *s = text->text + t->start;
        size_t first = 1, e = 1;

        while (first < t->end - t->start
               && ((unsigned char) s[first] & 0xC0) == 0x80)
            first++;
        while (e < t->exact_len && ((unsigned char) t->exact[e] & 0xC0) == 0x80)
            e++;
        if (k > i)
            tracuu_buf__append (rc, &buf, " ", 1);
        tracuu_buf__append (rc, &buf, s, first);
        if (t->flags & TRACUU_TOKEN_ALLCAPS)
            tracuu_buf__append (rc, &buf, t->exact + e, t->exact_len - e);
        else
            tracuu_buf__append (rc, &buf, s + first, t->end - t->start - first);
    }
    tracuu_buf__append (rc, &buf, "", 1);
    if (*rc != TRACUU_STATUS_OK) {
        free (buf.data);
        return NULL;
    }
    return buf.data;
}

/* A province at token i, its canonical name in *name_out and whether it
 * is a centrally-run city in *city_out. 'after_level' relaxes the
 * capital-letter test ("tỉnh bắc giang"). Returns the tokens used. */
static size_t
province_at (const tracuu_text_t *text, size_t i, int after_level,
             const char **name_out, int *city_out, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *lex = tracuu_lexicon__provinces (rc);
    size_t label, n = tracuu_lexicon__match (lex, text, i, text->n_tokens,
                                             &label);

    if (n == 0)
        return 0;
    for (size_t k = i; k < i + n && !after_level; k++)
        if (!(text->tokens[k].flags & TRACUU_TOKEN_CAPITAL))
            return 0;
    *name_out = tracuu_lexicon__label (lex, label);
    *city_out = strcmp (tracuu_lexicon__info (lex, label), "city") == 0;
    if (after_level)
        return n;
    if (person_before (text, i, rc))
        return 0;
    if (strcmp (*name_out, "Hồ Chí Minh") == 0 && names_the_man (text, i))
        return 0;
    /* The battle, not the province; "Huế" alone is also a given name. */
    if (strcmp (*name_out, "Điện Biên") == 0
        && tracuu_extract__is (text, i + n, "phủ"))
        return 0;
    if (n == 1 && tracuu_extract__is (text, i, "huế") && i > 0
        && (text->tokens[i - 1].flags & TRACUU_TOKEN_CAPITAL)
        && tracuu_extract__gap_blank (text, i - 1))
        return 0;
    return n;
}

/* The province at token 'i' ('n' tokens) starts the name of a road
 * ("cao tốc Hà Nội - Hải Phòng", "quốc lộ Hà Nội - Lạng Sơn", "tuyến
 * Đà Nẵng - Quảng Ngãi"), which is no place of the text: the tokens of
 * the second province, 0 if it is none. */
static size_t
route_after (const tracuu_text_t *text, size_t i, size_t n,
             tracuu_status_t *rc)
{
    const char *name;
    int city;
    size_t m;

    if (i == 0 || !tracuu_extract__gap_blank (text, i - 1)
        || !(tracuu_extract__is (text, i - 1, "tuyến")
             || tracuu_extract__is (text, i - 1, "tốc")
             || tracuu_extract__is (text, i - 1, "lộ")
             || tracuu_extract__is (text, i - 1, "đường")))
        return 0;
    if (!tracuu_extract__gap_is (text, i + n - 1, "-")
        && !tracuu_extract__gap_is (text, i + n - 1, "–"))
        return 0;
    m = province_at (text, i + n, 0, &name, &city, rc);
    return m;
}

/* A place of 'places' (places.txt, districts.txt) at token 'i', every
 * word capitalized: its length in tokens (0 if none), with its province
 * in *province. */
static size_t
place_at (const tracuu_lexicon_t *places, const tracuu_text_t *text,
          size_t i, const char **province)
{
    size_t label = 0, n;

    if (places == NULL)
        return 0;
    n = tracuu_lexicon__match (places, text, i, text->n_tokens, &label);
    for (size_t k = 0; k < n; k++)
        if (!(text->tokens[i + k].flags & TRACUU_TOKEN_CAPITAL))
            return 0;
    if (n > 0)
        *province = tracuu_lexicon__info (places, label);
    return n;
}

/* A district-level name after a level word: capitalized words (a number
 * after "quận"), at most four, that do not start a person's name. */
static size_t
district_name (const tracuu_text_t *text, size_t i)
{
    size_t n = 0;

    if (i < text->n_tokens && (text->tokens[i].flags & TRACUU_TOKEN_NUMBER)
        && tracuu_extract__is_folded (text, i - 1, "quan"))
        return 1;
    while (i + n < text->n_tokens && n < 4 && name_token (text, i + n)
           && (n == 0 || tracuu_extract__gap_blank (text, i + n - 1)))
        n++;
    return n;
}

void
tracuu_extract__places (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc)
{
    size_t i = 0;

    if (*rc != TRACUU_STATUS_OK || tracuu_lexicon__provinces (rc) == NULL
        || tracuu_lexicon__surnames (rc) == NULL)
        return;
    while (i < text->n_tokens && *rc == TRACUU_STATUS_OK) {
        const tracuu_token_t *t = &text->tokens[i];
        size_t nl = 0, n = 0;
        level_t level = level_at (text, i, &nl);
        const char *name = NULL;
        int city = 0;

        if (level != LEVEL_NONE && i + nl < text->n_tokens
            && gap_joins (text, i + nl - 1)) {
            size_t j = i + nl;

            n = province_at (text, j, 1, &name, &city, rc);
            if (n > 0 && (level == LEVEL_PROVINCE || city
                          || level == LEVEL_CITY)) {
                if (level == LEVEL_CITY && !city) {
                    /* "thành phố Bắc Giang": the provincial capital. */
                    tracuu_extract__push (rc, out, text, TRACUU_ENTITY_DISTRICT,
                                          text->tokens[j].start,
                                          text->tokens[j + n - 1].end, 0, 0,
                                          0, 0, name, name);
                } else {
                    tracuu_extract__push (rc, out, text, TRACUU_ENTITY_PROVINCE,
                                          text->tokens[j].start,
                                          text->tokens[j + n - 1].end, 0, 0,
                                          0, 0, name, NULL);
                }
                i = j + n;
                continue;
            }
            n = level != LEVEL_PROVINCE ? district_name (text, j) : 0;
            /* "TT Vôi," is a town; "TT NỘI DUNG" a table heading. */
            if (n > 0 && tracuu_extract__is (text, i, "tt")
                && ((text->tokens[j].flags & TRACUU_TOKEN_ALLCAPS)
                    || (!tracuu_extract__gap_is (text, i, "")
                        && !tracuu_extract__gap_is (text, i, "."))
                    || (j + n < text->n_tokens
                        && tracuu_extract__gap_blank (text, j + n - 1))))
                n = 0;
            if (n > 0) {
                char *value = tracuu_extract__title_case (rc, text, j, j + n);
                const char *province = NULL;
                size_t k = j + n, pn = 0;
                int pc;

                /* "huyện Châu Phú, tỉnh An Giang". */
                if (tracuu_extract__gap_is (text, k - 1, ",")
                    || tracuu_extract__gap_blank (text, k - 1)) {
                    size_t kl;

                    if (level_at (text, k, &kl) == LEVEL_PROVINCE)
                        pn = province_at (text, k + kl, 1, &province, &pc, rc);
                }
                /* "quận Hoàn Kiếm": a district of one province ("thị xã
                 * Hoàng Mai" is of Nghệ An, "quận Hoàng Mai" of Hà Nội). */
                if (pn == 0) {
                    const char *of = NULL;

                    if (((tracuu_extract__is_folded (text, i, "quan")
                          || tracuu_extract__is_folded (text, i, "huyen"))
                         && place_at (tracuu_lexicon__districts (rc), text, j, &of) == n)
                        || place_at (tracuu_lexicon__places (rc), text, j, &of) == n)
                        province = of;
                }
                if (n == 1 && (text->tokens[j].flags & TRACUU_TOKEN_NUMBER))
                    value = (free (value),
                             tracuu_extract__title_case (rc, text, i, j + 1));
                tracuu_extract__push (rc, out, text, TRACUU_ENTITY_DISTRICT,
                                      text->tokens[j].start,
                                      text->tokens[j + n - 1].end, 0, 0, 0, 0,
                                      value, province);
                free (value);
                i = j + n;
                continue;
            }
        }
        /* "phường Bình Thuận", "phố Huế", "đường Hà Nội": a ward or a
         * street named after a province. */
        if ((t->flags & TRACUU_TOKEN_CAPITAL) && i > 0
            && tracuu_extract__gap_blank (text, i - 1)
            && (tracuu_extract__is (text, i - 1, "phường")
                || tracuu_extract__is (text, i - 1, "xã")
                || tracuu_extract__is (text, i - 1, "phố")
                || tracuu_extract__is (text, i - 1, "đường")
                || tracuu_extract__is (text, i - 1, "thôn")
                || tracuu_extract__is (text, i - 1, "ấp"))
            && (n = province_at (text, i, 0, &name, &city, rc)) > 0) {
            i += n;
            continue;
        }
        if ((t->flags & TRACUU_TOKEN_CAPITAL)
            && (n = province_at (text, i, 0, &name, &city, rc)) > 0) {
            size_t route = route_after (text, i, n, rc);

            if (route > 0) {
                i += n + route;
                continue;
            }
            tracuu_extract__push (rc, out, text, TRACUU_ENTITY_PROVINCE,
                                  t->start, text->tokens[i + n - 1].end, 0, 0,
                                  0, 0, name, NULL);
            i += n;
            continue;
        }
        /* "sân bay Tân Sơn Nhất", "Nha Trang": a place of one province. */
        if ((t->flags & TRACUU_TOKEN_CAPITAL)
            && !(i > 0 && (tracuu_extract__is (text, i - 1, "đường")
                           || tracuu_extract__is (text, i - 1, "phố")
                           || tracuu_extract__is (text, i - 1, "phường")
                           || tracuu_extract__is (text, i - 1, "xã")
                           || tracuu_extract__is (text, i - 1, "số")))
            && (n = place_at (tracuu_lexicon__places (rc), text, i, &name)) > 0) {
            const tracuu_lexicon_t *places = tracuu_lexicon__places (rc);
            size_t label = 0;

            tracuu_lexicon__match (places, text, i, text->n_tokens, &label);
            tracuu_extract__push (rc, out, text, TRACUU_ENTITY_DISTRICT,
                                  t->start, text->tokens[i + n - 1].end, 0, 0,
                                  0, 0, tracuu_lexicon__label (places, label),
                                  name);
            i += n;
            continue;
        }
        i++;
    }
}
