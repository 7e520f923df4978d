/* AGENCY: names of state bodies, from a head noun ("Sở", "Công an",
 * "UBND"...) through the words of the name, and unit codes ("PA05"). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "util/util-private.h"

/* Lower-case words found inside agency names ("Sở Thông tin và Truyền
 * thông", "Cục Quản lý thị trường"): name-words.txt, tag agency_word. */
static int
name_word (const char *w)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

    return tracuu_lexicon__word_tagged (tracuu_lexicon__name_words (&rc), w,
                                        strlen (w), "agency_word");
}

/* Lower-case phrases that end a name: the verb after it
 * (agency-verbs.txt), with only blanks between their words. */
static size_t
verb_at (const tracuu_text_t *text, size_t i)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t end = i;

    while (end < text->n_tokens
           && (end == i || tracuu_extract__gap_blank (text, end - 1)))
        end++;
    return tracuu_lexicon__match (tracuu_lexicon__agency_verbs (&rc), text, i,
                                  end, NULL);
}

/* A short unit code: PA05, PC02, A05, PX03... */
static int
unit_code (const tracuu_token_t *t, const char *s)
{
    size_t len = t->end - t->start, letters = 0;

    while (letters < len && isupper ((unsigned char) s[letters]))
        letters++;
    if (letters == 0 || letters > 2 || len != letters + 2
        || !isdigit ((unsigned char) s[letters])
        || !isdigit ((unsigned char) s[letters + 1]))
        return 0;
    if (letters == 2)
        return s[0] == 'P' && strchr ("ACHKVX", s[1]) != NULL;
    return s[0] == 'A' || s[0] == 'C';
}

/* The gap before/after token i joins it to a code ("17/BCĐ389-VPTT"). */
static int
in_doc_number (const tracuu_text_t *text, size_t i)
{
    const tracuu_token_t *t = &text->tokens[i];

    return (t->start > 0 && strchr ("/-", text->text[t->start - 1]) != NULL)
           || (t->end < text->len && strchr ("/-", text->text[t->end]) != NULL);
}

/* Level words: "tỉnh", "huyện", "thành phố"... Returns tokens used. */
static size_t
level_at (const tracuu_text_t *text, size_t i)
{
    size_t n;

    if (tracuu_extract__is (text, i, "tỉnh") || tracuu_extract__is (text, i, "huyện")
        || tracuu_extract__is (text, i, "quận") || tracuu_extract__is (text, i, "tp"))
        return 1;
    if ((n = tracuu_extract__match_folded (text, i, "thanh pho")) > 0
        || (n = tracuu_extract__match_folded (text, i, "thi xa")) > 0)
        return tracuu_extract__is (text, i, "thành")
               || tracuu_extract__is (text, i, "thị") ? n : 0;
    /* "xã", "phường" are levels only before a name ("xã hội" is not). */
    if ((tracuu_extract__is (text, i, "xã") || tracuu_extract__is (text, i, "phường"))
        && i + 1 < text->n_tokens
        && (text->tokens[i + 1].flags & TRACUU_TOKEN_CAPITAL))
        return 1;
    return 0;
}

/* After a level word at 'i' (n tokens): the place name, if any. */
static size_t
after_level (const tracuu_text_t *text, size_t i, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *provinces = tracuu_lexicon__provinces (rc);
    size_t n = 0, p;

    if (!tracuu_extract__gap_blank (text, i - 1)
        && !tracuu_extract__gap_is (text, i - 1, "."))
        return i;
    p = tracuu_lexicon__match (provinces, text, i, text->n_tokens, NULL);
    if (p > 0)
        return i + p;
    if (tracuu_extract__person_name (text, i, 1, rc) >= 3)
        return i;
    while (i + n < text->n_tokens && n < 4
           && (text->tokens[i + n].flags & TRACUU_TOKEN_CAPITAL)
           && !(text->tokens[i + n].flags & TRACUU_TOKEN_COMPOUND)
           && (n == 0 || tracuu_extract__gap_blank (text, i + n - 1)))
        n++;
    return i + n;
}

/* The gap after token j lets the name go on: blanks, '&', or a dash
 * before a capitalized word that starts neither an agency nor a person
 * ("Đài Phát thanh - Truyền hình"); "phòng, chống". */
static int
continues (const tracuu_text_t *text, size_t j, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *heads = tracuu_lexicon__agencies (rc);
    const tracuu_lexicon_t *provinces = tracuu_lexicon__provinces (rc);
    const tracuu_token_t *next;
    size_t len;
    const char *g;

    if (j + 1 >= text->n_tokens)
        return 0;
    g = tracuu_extract__gap (text, j, &len);
    if (memchr (g, '\t', len) != NULL)
        return 0;               /* A table's next cell. */
    next = &text->tokens[j + 1];
    /* "... và Công an tỉnh": a second agency. */
    if (tracuu_extract__is (text, j, "và") && (next->flags & TRACUU_TOKEN_CAPITAL)
        && tracuu_lexicon__match_tagged (heads, text, j + 1, text->n_tokens,
                                         "head", NULL))
        return 0;
    if (tracuu_extract__gap_blank (text, j) || tracuu_extract__gap_is (text, j, "&"))
        return 1;
    if (tracuu_extract__gap_is (text, j, ",")
        && tracuu_extract__is (text, j, "phòng")
        && tracuu_extract__is (text, j + 1, "chống"))
        return 1;
    if (!tracuu_extract__gap_is (text, j, "-") && !tracuu_extract__gap_is (text, j, "–")
        && !tracuu_extract__gap_is (text, j, ","))
        return 0;
    /* "Đài Phát thanh - Truyền hình", "Sở Văn hóa, Thể thao và Du lịch". */
    return (next->flags & TRACUU_TOKEN_CAPITAL)
           && !(next->flags & TRACUU_TOKEN_ALLCAPS)
           && tracuu_lexicon__match_tagged (heads, text, j + 1, text->n_tokens,
                                           "head", NULL) == 0
           && tracuu_lexicon__match (provinces, text, j + 1, text->n_tokens,
                                     NULL) == 0
           && tracuu_lexicon__match (tracuu_lexicon__roles (rc), text, j + 1,
                                     text->n_tokens, NULL) == 0
           && tracuu_extract__person_name (text, j + 1, 1, rc) == 0;
}

size_t
tracuu_extract__agency_end (const tracuu_text_t *text, size_t i,
                            tracuu_status_t *rc)
{
    const tracuu_lexicon_t *heads = tracuu_lexicon__agencies (rc);
    size_t label, n, j, last;

    if (heads == NULL || i >= text->n_tokens)
        return i;
    n = tracuu_lexicon__match_tagged (heads, text, i, text->n_tokens, "head",
                                      &label);
    if (n == 0) {
        const tracuu_token_t *t = &text->tokens[i];

        return unit_code (t, text->text + t->start) ? i + 1 : i;
    }
    /* A head in lower case is a common noun ("phòng chống"), except for
     * "công an", "ủy ban nhân dân" before a level word. */
    if (!(text->tokens[i].flags & TRACUU_TOKEN_CAPITAL)
        && (!tracuu_lexicon__has_tag (heads, label, "level") || level_at (text, i + n) == 0))
        return i;
    /* "NHIỆM VỤ", "DỰ BÁO", "XÃ HỘI": a head inside a line of capitals. */
    if ((text->tokens[i].flags & TRACUU_TOKEN_ALLCAPS) && i > 0
        && (text->tokens[i - 1].flags & TRACUU_TOKEN_ALLCAPS)
        && text->tokens[i - 1].line == text->tokens[i].line
        && tracuu_extract__gap_blank (text, i - 1))
        return i;
    /* "Báo cáo" is a report, "Vụ việc" a case. */
    if ((tracuu_extract__is (text, i, "báo") && tracuu_extract__is (text, i + 1, "cáo"))
        || (tracuu_extract__is (text, i, "vụ")
            && (tracuu_extract__is (text, i + 1, "việc")
                || tracuu_extract__is (text, i + 1, "án"))))
        return i;
    last = j = i + n;
    if (tracuu_lexicon__has_tag (heads, label, "name")
        && (j >= text->n_tokens || !continues (text, j - 1, rc)
            || !(text->tokens[j].flags & (TRACUU_TOKEN_CAPITAL
                                          | TRACUU_TOKEN_NUMBER))))
        return i;
    while (j < text->n_tokens && j - i < 24 && continues (text, j - 1, rc)) {
        const tracuu_token_t *t = &text->tokens[j];
        size_t lv = level_at (text, j);

        if (lv > 0) {
            last = j = after_level (text, j + lv, rc);
            break;
        }
        if ((t->flags & TRACUU_TOKEN_NUMBER)
            && !tracuu_extract__is (text, j - 1, "đạo")
            && !tracuu_extract__is (text, j - 1, "số")
            && !(text->tokens[j - 1].flags & TRACUU_TOKEN_ALLCAPS))
            break;
        if (!(t->flags & (TRACUU_TOKEN_CAPITAL | TRACUU_TOKEN_NUMBER))) {
            if (verb_at (text, j) > 0 || !name_word (t->exact))
                break;
        } else if (j > i + n && tracuu_extract__person_name (text, j, 1, rc) >= 3
                   && (t->flags & TRACUU_TOKEN_CAPITAL)
                   && !(t->flags & TRACUU_TOKEN_ALLCAPS)) {
            break;
        }
        j++;
        /* A name does not end on "và", "về", "số". */
        if (!tracuu_extract__is (text, j - 1, "và")
            && !tracuu_extract__is (text, j - 1, "về")
            && !tracuu_extract__is (text, j - 1, "số"))
            last = j;
    }
    if (last == i + n && !tracuu_lexicon__has_tag (heads, label, "whole"))
        return i;
    return last;
}

char *
tracuu_extract__span_text (tracuu_status_t *rc, const tracuu_text_t *text,
                           size_t i, size_t j)
{
    tracuu_buf_t buf = { NULL, 0, 0 };

    for (size_t k = i; k < j; k++) {
        const tracuu_token_t *t = &text->tokens[k];

        if (k > i) {
            if (tracuu_extract__gap_is (text, k - 1, "&"))
                tracuu_buf__append (rc, &buf, "&", 1);
            else if (tracuu_extract__gap_is (text, k - 1, ","))
                tracuu_buf__append (rc, &buf, ", ", 2);
            else if (tracuu_extract__gap_blank (text, k - 1))
                tracuu_buf__append (rc, &buf, " ", 1);
            else if (tracuu_extract__gap_is (text, k - 1, "."))
                tracuu_buf__append (rc, &buf, ". ", 2);
            else
                tracuu_buf__append (rc, &buf, " - ", 3);
        }
        tracuu_buf__append (rc, &buf, text->text + t->start, t->end - t->start);
    }
    tracuu_buf__append (rc, &buf, "", 1);
    if (*rc != TRACUU_STATUS_OK) {
        free (buf.data);
        return NULL;
    }
    return buf.data;
}

/* The short code of the agency [i, j): written in parentheses after it,
 * or known by its name. Static string or one of 'text'; NULL if none. */
static char *
agency_code (tracuu_status_t *rc, const tracuu_text_t *text, size_t i,
             size_t j)
{
    const tracuu_lexicon_t *codes = tracuu_lexicon__agency_codes (rc);
    size_t label, n, end = i;

    if (j < text->n_tokens && tracuu_extract__gap_is (text, j - 1, "(")
        && tracuu_extract__gap_is (text, j, ")")
        && (text->tokens[j].flags & TRACUU_TOKEN_ALLCAPS))
        return tracuu_extract__span_text (rc, text, j, j + 1);
    while (end < j && level_at (text, end) == 0)
        end++;
    n = tracuu_lexicon__match (codes, text, i, end, &label);
    if (n == 0 || (n < 2 && n != end - i))
        return NULL;
    return strdup (tracuu_lexicon__label (codes, label));
}

void
tracuu_extract__agencies (const tracuu_text_t *text, tracuu_entities_t *out,
                          tracuu_status_t *rc)
{
    size_t i = 0;

    if (*rc != TRACUU_STATUS_OK || tracuu_lexicon__agencies (rc) == NULL
        || tracuu_lexicon__agency_codes (rc) == NULL
        || tracuu_lexicon__provinces (rc) == NULL
        || tracuu_lexicon__surnames (rc) == NULL
        || tracuu_lexicon__name_words (rc) == NULL
        || tracuu_lexicon__agency_verbs (rc) == NULL)
        return;
    while (i < text->n_tokens && *rc == TRACUU_STATUS_OK) {
        const tracuu_token_t *t = &text->tokens[i];
        size_t j = tracuu_extract__agency_end (text, i, rc);
        char *value, *code;

        if (j == i || in_doc_number (text, i)) {
            i++;
            continue;
        }
        value = tracuu_extract__span_text (rc, text, i, j);
        code = agency_code (rc, text, i, j);
        tracuu_extract__push (rc, out, text, TRACUU_ENTITY_AGENCY, t->start,
                              text->tokens[j - 1].end, 0, 0, 0, 0, value,
                              code);
        free (value);
        free (code);
        i = j;
    }
}
