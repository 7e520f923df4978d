/* PERSON: personal names after an honorific or a role, names in the
 * signature block, and full names that start with a family name. */
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "util/util-private.h"

/* Token 't' is a word tagged 'tag' in name-words.txt. */
static int
name_word_is (const tracuu_token_t *t, const char *tag)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;

    return tracuu_lexicon__word_tagged (tracuu_lexicon__name_words (&rc),
                                        t->exact, t->exact_len, tag);
}

/* Capitalized words that never belong to a personal name. */
static int
never_in_name (const tracuu_token_t *t)
{
    return name_word_is (t, "not_in_name");
}

/* Token i can be a syllable of a name: capitalized letters only. */
static int
name_syllable (const tracuu_text_t *text, size_t i)
{
    const tracuu_token_t *t = &text->tokens[i];

    return (t->flags & TRACUU_TOKEN_CAPITAL)
           && !(t->flags & (TRACUU_TOKEN_NUMBER | TRACUU_TOKEN_COMPOUND
                            | TRACUU_TOKEN_FOOTNOTE))
           && t->folded_len <= 7 && t->folded[0] != '\0'
           && strspn (t->folded, "abcdefghijklmnopqrstuvwxyz'") == t->folded_len;
}

size_t
tracuu_extract__person_name (const tracuu_text_t *text, size_t i,
                             int need_surname, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *surnames = tracuu_lexicon__surnames (rc);
    const tracuu_lexicon_t *provinces = tracuu_lexicon__provinces (rc);
    const tracuu_token_t *t;
    int caps;
    size_t n = 1;

    if (*rc != TRACUU_STATUS_OK || i >= text->n_tokens
        || !name_syllable (text, i))
        return 0;
    t = &text->tokens[i];
    if (never_in_name (t))
        return 0;
    if (need_surname
        && tracuu_lexicon__lookup (surnames, t->exact, t->exact_len) < 0)
        return 0;
    caps = (t->flags & TRACUU_TOKEN_ALLCAPS) != 0;
    while (i + n < text->n_tokens && tracuu_extract__gap_blank (text, i + n - 1)
           && name_syllable (text, i + n)
           && !never_in_name (&text->tokens[i + n])) {
        const tracuu_token_t *u = &text->tokens[i + n];

        /* An all-capital word ends a mixed-case name ("Lê Văn A UBND"). */
        if (!caps && (u->flags & TRACUU_TOKEN_ALLCAPS))
            break;
        if (caps && !(u->flags & TRACUU_TOKEN_ALLCAPS) && u->folded_len > 1)
            break;
        n++;
    }
    if (n < 2 || n > 5)
        return 0;
    /* "Cao Bằng", "Hà Tĩnh", "Hồ Chí Minh": places, not people. */
    if (tracuu_lexicon__match (provinces, text, i, i + n, NULL) > 0)
        return 0;
    return n;
}

/* An honorific ending just before token k (blanks between): its first
 * token in *start_out. Returns 2 for "ông", "bà", "đồng chí" (no family
 * name needed), 1 for the others, 0 for none. */
static int
honorific_before (const tracuu_text_t *text, size_t k, size_t *start_out)
{
    if (k == 0 || !tracuu_extract__gap_blank (text, k - 1))
        return 0;
    if (name_word_is (&text->tokens[k - 1], "strong")) {
        *start_out = k - 1;
        return 2;
    }
    if (k >= 2 && tracuu_extract__is (text, k - 1, "chí")
        && tracuu_extract__is (text, k - 2, "đồng")
        && tracuu_extract__gap_blank (text, k - 2)) {
        *start_out = k - 2;
        return 2;
    }
    /* "đ/c", "Đ/c", "đ.c". */
    if (k >= 2 && tracuu_extract__is (text, k - 1, "c")
        && tracuu_extract__is (text, k - 2, "đ")
        && (tracuu_extract__gap_is (text, k - 2, "/")
            || tracuu_extract__gap_is (text, k - 2, "."))) {
        *start_out = k - 2;
        return 2;
    }
    if (name_word_is (&text->tokens[k - 1], "honorific")) {
        *start_out = k - 1;
        return 1;
    }
    return 0;
}

/* The role phrase: the role's label, then the agency it heads if one
 * follows at token e ("Giám đốc" + "Sở Thông tin và Truyền thông"), up
 * to token 'stop'. */
static char *
role_text (tracuu_status_t *rc, const tracuu_text_t *text, const char *label,
           size_t e, size_t stop)
{
    tracuu_buf_t buf = { NULL, 0, 0 };
    char *agency = NULL;

    tracuu_buf__append (rc, &buf, label, strlen (label));
    if (stop > e) {
        agency = tracuu_extract__span_text (rc, text, e, stop);
        if (agency != NULL) {
            tracuu_buf__append (rc, &buf, " ", 1);
            tracuu_buf__append (rc, &buf, agency, strlen (agency));
        }
    }
    tracuu_buf__append (rc, &buf, "", 1);
    free (agency);
    if (*rc != TRACUU_STATUS_OK) {
        free (buf.data);
        return NULL;
    }
    return buf.data;
}

/* A role phrase that ends just before token b, on its line, within 20
 * tokens: "Giám đốc Sở Thông tin và Truyền thông - ", "PGĐ ",
 * "đối tượng ". Returns the role (malloc) or NULL. */
static char *
role_before (const tracuu_text_t *text, size_t b, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *roles = tracuu_lexicon__roles (rc);
    size_t best_h = SIZE_MAX, best_label = 0, best_e = 0, lo;

    if (b == 0 || roles == NULL)
        return NULL;
    if (!tracuu_extract__gap_blank (text, b - 1)
        && !tracuu_extract__gap_is (text, b - 1, "-")
        && !tracuu_extract__gap_is (text, b - 1, "–")
        && !tracuu_extract__gap_is (text, b - 1, ","))
        return NULL;
    lo = b > 20 ? b - 20 : 0;
    for (size_t h = b; h-- > lo;) {
        size_t label, n;

        if (text->tokens[h].line != text->tokens[b].line)
            break;
        n = tracuu_lexicon__match (roles, text, h, b, &label);
        if (n == 0)
            continue;
        if (h + n == b
            || (strcmp (tracuu_lexicon__info (roles, label), "title") == 0
                && tracuu_extract__agency_end (text, h + n, rc) == b)) {
            best_h = h;
            best_label = label;
            best_e = h + n;
        }
    }
    if (best_h == SIZE_MAX)
        return NULL;
    return role_text (rc, text, tracuu_lexicon__label (roles, best_label),
                      best_e, b);
}

/* Role text 'role' is a rank alone ("Thiếu tá"). */
static int
is_rank (const char *role, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *roles = tracuu_lexicon__roles (rc);
    long label;

    if (roles == NULL)
        return 0;
    label = tracuu_lexicon__find_label (roles, role, strlen (role));
    return label >= 0 && tracuu_lexicon__has_tag (roles, (size_t) label, "rank");
}

/* A role after the name ending at token e: ", Giám đốc Sở ...",
 * " - Phó Chủ tịch UBND tỉnh", "(Giám đốc ...)". */
static char *
role_after (const tracuu_text_t *text, size_t e, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *roles = tracuu_lexicon__roles (rc);
    size_t label, n, stop;

    if (e >= text->n_tokens || roles == NULL
        || text->tokens[e].line != text->tokens[e - 1].line)
        return NULL;
    if (!tracuu_extract__gap_is (text, e - 1, ",")
        && !tracuu_extract__gap_is (text, e - 1, "-")
        && !tracuu_extract__gap_is (text, e - 1, "–")
        && !tracuu_extract__gap_is (text, e - 1, "("))
        return NULL;
    n = tracuu_lexicon__match (roles, text, e, text->n_tokens, &label);
    if (n == 0 || strcmp (tracuu_lexicon__info (roles, label), "subject") == 0)
        return NULL;
    stop = tracuu_extract__agency_end (text, e + n, rc);
    return role_text (rc, text, tracuu_lexicon__label (roles, label), e + n,
                      stop);
}

/* Words before a full name that make it a street, school or the like. */
static int
names_a_thing (const tracuu_text_t *text, size_t k)
{
    if (k == 0 || !tracuu_extract__gap_blank (text, k - 1))
        return 0;
    return name_word_is (&text->tokens[k - 1], "names_a_thing");
}

static void
push_person (tracuu_status_t *rc, tracuu_entities_t *out,
             const tracuu_text_t *text, size_t k, size_t n, const char *role,
             char *used)
{
    char *value = tracuu_extract__title_case (rc, text, k, k + n);

    if (value != NULL)
        tracuu_extract__push (rc, out, text, TRACUU_ENTITY_PERSON,
                              text->tokens[k].start,
                              text->tokens[k + n - 1].end, 0, 0, 0, 0, value,
                              role);
    free (value);
    memset (used + k, 1, n);
}

/* Tokens [*a, *b) of line 'line', found from the token hint 'i'. */
static void
line_tokens (const tracuu_text_t *text, size_t i, size_t *a, size_t *b)
{
    uint32_t line = text->tokens[i].line;

    *a = i;
    while (*a > 0 && text->tokens[*a - 1].line == line)
        (*a)--;
    *b = i;
    while (*b < text->n_tokens && text->tokens[*b].line == line)
        (*b)++;
}

/* The gap before token s shows a column break: two blanks or a tab. */
static int
wide_gap_before (const tracuu_text_t *text, size_t s)
{
    size_t len;
    const char *g = tracuu_extract__gap (text, s - 1, &len);

    return memchr (g, '\t', len) != NULL || strstr (g, "  ") != NULL;
}

/* A signature role ending line [a, b): "[KT.] PHÓ GIÁM ĐỐC" in capitals,
 * alone on its line or after a column break. Label index or -1. */
static long
signature_role (const tracuu_text_t *text, size_t a, size_t b,
                tracuu_status_t *rc)
{
    const tracuu_lexicon_t *roles = tracuu_lexicon__roles (rc);

    for (size_t s = a; s < b; s++) {
        size_t label, n = tracuu_lexicon__match (roles, text, s, b, &label);
        size_t k;

        if (n == 0 || s + n != b
            || strcmp (tracuu_lexicon__info (roles, label), "title") != 0)
            continue;
        for (k = s; k < b; k++)
            if (!(text->tokens[k].flags & TRACUU_TOKEN_ALLCAPS))
                break;
        if (k < b)
            continue;
        for (k = a; k < s; k++)
            if (!name_word_is (&text->tokens[k], "signature"))
                break;
        if (k == s || wide_gap_before (text, s))
            return (long) label;
    }
    return -1;
}

/* The signer: a name alone on a line (or after a column break) within
 * eight lines after a signature role. */
static void
signatures (const tracuu_text_t *text, tracuu_entities_t *out, char *used,
            tracuu_status_t *rc)
{
    const tracuu_lexicon_t *roles = tracuu_lexicon__roles (rc);
    size_t i = 0;

    while (i < text->n_tokens && *rc == TRACUU_STATUS_OK) {
        size_t a, b, next;
        long role;

        line_tokens (text, i, &a, &b);
        next = b;
        role = signature_role (text, a, b, rc);
        while (role >= 0 && b < text->n_tokens
               && text->tokens[b].line <= text->tokens[a].line + 8) {
            long more;
            size_t s, n = 0;

            line_tokens (text, b, &a, &b);
            next = b;
            more = signature_role (text, a, b, rc);
            if (more >= 0) {
                role = more;
                continue;
            }
            for (s = a; s < b; s++)
                if (s == a || wide_gap_before (text, s)) {
                    n = tracuu_extract__person_name (text, s, 0, rc);
                    if (n > 0 && s + n == b)
                        break;
                    n = 0;
                }
            if (n > 0 && !used[s])
                push_person (rc, out, text, s, n,
                             tracuu_lexicon__label (roles, (size_t) role),
                             used);
            break;
        }
        i = next;
    }
}

/* Give a role found at one mention to the role-less mentions of the same
 * name in entities [from, out->count). */
static void
share_roles (tracuu_entities_t *out, size_t from, tracuu_status_t *rc)
{
    for (size_t k = from; k < out->count && *rc == TRACUU_STATUS_OK; k++) {
        tracuu_entity_t *e = &out->items[k];

        if (e->kind != TRACUU_ENTITY_PERSON || e->extra != NULL)
            continue;
        for (size_t m = from; m < out->count; m++) {
            const tracuu_entity_t *f = &out->items[m];

            if (f->kind == TRACUU_ENTITY_PERSON && f->extra != NULL
                && strcmp (f->value, e->value) == 0) {
                e->extra = strdup (f->extra);
                if (e->extra == NULL)
                    *rc = TRACUU_STATUS_OUT_OF_MEMORY;
                break;
            }
        }
    }
}

void
tracuu_extract__people (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc)
{
    char *used = NULL;
    size_t from = out->count;

    if (*rc != TRACUU_STATUS_OK || tracuu_lexicon__roles (rc) == NULL
        || tracuu_lexicon__surnames (rc) == NULL
        || tracuu_lexicon__name_words (rc) == NULL
        || tracuu_lexicon__provinces (rc) == NULL || text->n_tokens == 0)
        return;
    used = calloc (text->n_tokens, 1);
    if (used == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    signatures (text, out, used, rc);
    for (size_t k = 0; k < text->n_tokens && *rc == TRACUU_STATUS_OK; k++) {
        size_t hs = k, n;
        int honor = used[k] ? 0 : honorific_before (text, k, &hs);
        char *role;

        if (used[k] || !name_syllable (text, k))
            continue;
        n = tracuu_extract__person_name (text, k, honor != 2, rc);
        if (n == 0)
            continue;
        role = role_before (text, honor ? hs : k, rc);
        /* "thiếu tá Nguyễn Văn A, Đội trưởng Đội CSGT": the office after
         * the name says more than the rank before it. */
        if (role == NULL || is_rank (role, rc)) {
            char *after = role_after (text, k + n, rc);

            if (after != NULL) {
                free (role);
                role = after;
            }
        }
        /* A full name alone counts in running text, not in a line of
         * capitals ("NGUYÊN LIỆU THUỐC LÁ"). */
        if (honor || role != NULL
            || (n >= 3 && !names_a_thing (text, k)
                && !(text->tokens[k].flags & TRACUU_TOKEN_ALLCAPS)))
            push_person (rc, out, text, k, n, role, used);
        free (role);
        k += n - 1;
    }
    share_roles (out, from, rc);
    free (used);
}
