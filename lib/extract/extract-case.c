/*
 * Sanction cases: clauses that report a measure taken against someone.
 *
 * A clause becomes a case when it holds the wording of a measure
 * (actions.txt) and something concrete: an amount (fines), a number of
 * violators, a named person or account. The categories come from the
 * clause (categories.txt), else from the clause before it on the same
 * line; a clause without a violator borrows the accounts and people of
 * the clause before it ("... tài khoản Facebook "X" ...; Công an thành
 * phố đã xử phạt ... 7,5 triệu đồng"). A case written in a footnote is a
 * member of the case of the clause that cites the footnote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"
#include "util/util-private.h"

/* One counted noun phrase. */
typedef struct count {
    int64_t value;
    int kind;                 /* Label index in the nouns lexicon. */
    size_t tok;               /* Token of the number. */
    int in_parens;            /* Inside parentheses. */
} count_t;

enum { NOUN_ORG, NOUN_IND, NOUN_MIXED, NOUN_OTHER, NOUN_CONTENT };

/* State of one run over a text. */
typedef struct ctx {
    const tracuu_text_t *text;
    const tracuu_lexicon_t *actions;
    const tracuu_lexicon_t *categories;
    const tracuu_lexicon_t *nouns;
    const tracuu_lexicon_t *platforms;
    const tracuu_lexicon_t *agencies;
    const tracuu_lexicon_t *money_kinds;
    const tracuu_lexicon_t *statuses;
    const tracuu_lexicon_t *money_words;
    const tracuu_lexicon_t *violator_kinds;
    tracuu_extraction_t *x;
    tracuu_clause_t *clauses;
    size_t n_clauses;
    size_t first_case;        /* x->n_cases when the run started. */
    long *case_clause;        /* Clause of each new case (at most 8
                                 per clause). */
    long *clause_case;        /* Last case of each clause, or -1. */
    int64_t bounds[64];       /* Amounts read as bounds of a range... */
    size_t bound_clause[64];  /* ... and their clauses. */
    size_t n_bounds;
    int legal;                /* A legal text: articles, statutory ranges. */
    int central_story;        /* A news article of fines by a body of the
                                 whole country (central_fines()). */
    const char *main_province; /* Of a news article (main_province()). */
    long parts_clause;        /* The last clause that listed parts
                                 without wording, or -1. */
    signed char *is_total;    /* Of each new case: its amount is a stated
                                 total ("tổng số tiền ..."). */
    signed char *place_named; /* Of each new case: its clause names its
                                 province (not the story's). */
    signed char *status_said; /* Of each new case: its clause words its
                                 status (a decided one only by default). */
    signed char *time_rank;   /* Of each new case: where its period
                                 comes from, 3 its clause, 2 a time told
                                 before it, 1 one after, 0 none. */
    signed char *approx_lean; /* Of each new case: +1 its approximate
                                 amount says "hơn"/"trên" (the truth is
                                 more), -1 "gần", 0 otherwise. */
    tracuu_status_t *rc;
} ctx_t;

/* What a clause says, before it becomes a case. */
typedef struct draft {
    tracuu_case_action_t action;
    uint32_t measures;
    uint32_t categories;
    uint32_t flags;
    size_t trigger;           /* Token of the main action wording. */
    size_t clause_trigger;    /* The same in the whole clause. */
    size_t tok, tok_end;      /* Tokens of the segment. */
    size_t src_start;         /* Quote start (may include a borrowed clause). */
    long money;               /* Entity index, or -1. */
    long borrowed;            /* Clause the violators come from, or -1. */
} draft_t;

static int gap_has (const tracuu_text_t *text, size_t i, char ch);

static int
is_word (const tracuu_text_t *text, size_t i, const char *exact)
{
    return i < text->n_tokens && strcmp (text->tokens[i].exact, exact) == 0;
}

/* Token 'i' starts the title of a cited legal text or sector ("Nghị
 * định 100/2019/NĐ-CP quy định xử phạt ... trong lĩnh vực giao thông"),
 * whose words name no category of the case. */
static int
legal_title_at (const ctx_t *c, size_t i)
{
    if ((is_word (c->text, i, "nghị") && is_word (c->text, i + 1, "định"))
        || (is_word (c->text, i, "thông") && is_word (c->text, i + 1, "tư")
            && i + 2 < c->text->n_tokens
            && (c->text->tokens[i + 2].flags & TRACUU_TOKEN_NUMBER)))
        return 1;
    /* "theo quy định xử phạt vi phạm hành chính trong lĩnh vực ...", but
     * not "xử phạt ... trong lĩnh vực báo chí 237 triệu đồng", "Với lĩnh
     * vực quản lý đại lý Internet, ...": the sector of the fines. */
    if (!(is_word (c->text, i, "lĩnh") && is_word (c->text, i + 1, "vực")))
        return 0;
    for (size_t back = 1; back <= 10 && back <= i; back++) {
        size_t k = i - back;

        if (tracuu_extract__gap_ends_sentence (c->text, k))
            break;
        if ((is_word (c->text, k, "quy") && is_word (c->text, k + 1, "định"))
            || (is_word (c->text, k, "căn") && is_word (c->text, k + 1, "cứ")))
            return 1;
    }
    return 0;
}

/* Byte 'at' lies inside the name of an agency found by the entities. */
static int
in_agency (const ctx_t *c, size_t at)
{
    const tracuu_entities_t *list = &c->x->entities;

    for (size_t k = 0; k < list->count; k++) {
        const tracuu_entity_t *e = &list->items[k];

        if (e->start > at)
            break;
        if (e->kind == TRACUU_ENTITY_AGENCY && at < e->end)
            return 1;
    }
    return 0;
}

/* Token 'i' follows token 'i - 1' inside one run of words (a blank
 * gap on the same line, no end of sentence). */
static int
joined_to_previous (const tracuu_text_t *text, size_t i)
{
    return i > 0 && text->tokens[i - 1].line == text->tokens[i].line
           && tracuu_extract__gap_blank (text, i - 1)
           && !tracuu_extract__gap_ends_sentence (text, i - 1);
}

/* The words from token 'i' to 'end' describe a company inside its
 * name ("công ty cổ phần đô thị du lịch Sóng Việt", "Công ty TNHH
 * Thương mại Dịch vụ Du lịch X"): what it trades in, not what it did.
 * 'công ty' or 'tập đoàn' a few words before, the name's capitals just
 * after. */
static int
in_company_name (const ctx_t *c, size_t i)
{
    const tracuu_text_t *text = c->text;
    size_t k = i, end = i;
    int head = 0;

    for (size_t back = 0; back < 7 && k > 0 && joined_to_previous (text, k);
         back++) {
        k--;
        if ((is_word (text, k, "công") && is_word (text, k + 1, "ty"))
            || (is_word (text, k, "tập") && is_word (text, k + 1, "đoàn"))) {
            head = 1;
            break;
        }
    }
    if (!head)
        return 0;
    /* The descriptor runs on in lower case, then the name. */
    while (end + 1 < text->n_tokens && end < i + 4 && joined_to_previous (text, end + 1)
           && !(text->tokens[end + 1].flags & TRACUU_TOKEN_CAPITAL))
        end++;
    return end + 1 < text->n_tokens && end < i + 4
           && joined_to_previous (text, end + 1)
           && (text->tokens[end + 1].flags & TRACUU_TOKEN_CAPITAL);
}

/* The words starting at token 'i' qualify a proper name, and so name
 * no violation: "chủ Khu du lịch X" (after a capitalized head word),
 * "cuộc thi Hoa khôi Du lịch Việt Nam", "Tạp chí điện tử Môi trường ..."
 * (capitalized, a few words after the name's first capital). The head
 * itself keeps its sense ("Tạp chí ...": the press), and so do acronyms
 * (CSGT, ATTP) and agencies ("Phòng CSGT", "Sở Y tế"): they name who
 * acts, and so the field. */
static int
in_proper_name (const ctx_t *c, size_t i)
{
    const tracuu_text_t *text = c->text;
    const tracuu_token_t *t = &text->tokens[i];
    int name = 0;

    if (t->flags & (TRACUU_TOKEN_ALLCAPS | TRACUU_TOKEN_NUMBER)
        || !joined_to_previous (text, i))
        return 0;
    if (in_company_name (c, i))
        return 1;
    if (!(t->flags & TRACUU_TOKEN_CAPITAL)) {
        /* "Khu du lịch": one capitalized head word just before. */
        const tracuu_token_t *h = &text->tokens[i - 1];

        name = (h->flags & TRACUU_TOKEN_CAPITAL)
               && !(h->flags & TRACUU_TOKEN_ALLCAPS)
               && joined_to_previous (text, i - 1)
               && !(text->tokens[i - 2].flags & TRACUU_TOKEN_CAPITAL);
        if (name && in_agency (c, h->start))
            return 0;
    } else {
        for (size_t k = i - 1, back = 1; back <= 4 && k > 0; back++, k--) {
            const tracuu_token_t *p = &text->tokens[k];

            if (is_word (text, k, "và") || is_word (text, k, "hoặc")
                || (p->flags & TRACUU_TOKEN_NUMBER))
                break;
            if ((p->flags & TRACUU_TOKEN_CAPITAL)
                && !(p->flags & TRACUU_TOKEN_ALLCAPS)
                && k > 0 && text->tokens[k - 1].line == p->line
                && !tracuu_extract__gap_ends_sentence (text, k - 1)) {
                name = 1;
                break;
            }
            if (!joined_to_previous (text, k))
                break;
        }
    }
    return name && !in_agency (c, t->start);
}

/* Categories named in tokens [a, b), up to a legal title; those of
 * words inside proper names or of "weak" phrases in '*named'. */
static uint32_t
categories_split (const ctx_t *c, size_t a, size_t b, uint32_t *named)
{
    uint32_t bits = 0;

    *named = 0;
    for (size_t i = a; i < b;) {
        size_t label = 0;
        size_t n;

        if (legal_title_at (c, i))
            break;
        n = tracuu_lexicon__match (c->categories, c->text, i, b, &label);
        if (n == 0) {
            i++;
            continue;
        }
        if (in_proper_name (c, i)
            || tracuu_lexicon__match_tagged (c->categories, c->text, i, b,
                                             "weak", NULL) == n)
            *named |= tracuu_case_category_from_name (
                tracuu_lexicon__label (c->categories, label));
        else
            bits |= tracuu_case_category_from_name (
                tracuu_lexicon__label (c->categories, label));
        i += n;
    }
    return bits;
}

/* Categories named in tokens [a, b); those of words inside proper
 * names only when no other word names one. */
static uint32_t
categories_in (const ctx_t *c, size_t a, size_t b)
{
    uint32_t named, bits = categories_split (c, a, b, &named);

    /* A name's words are the last resort: "Công ty CP xây dựng X" fined
     * with nothing else said of what it did. */
    return bits != 0 ? bits : named;
}

static int
action_from_label (const char *label)
{
    for (int a = 0; a < TRACUU_CASE_ACTION_LAST; a++)
        if (strcmp (label, tracuu_case_action_name (a)) == 0)
            return a;
    return -1;
}

/* Index of the first entity starting at or after 'offset'. */
static size_t
entity_at (const tracuu_entities_t *list, size_t offset)
{
    size_t lo = 0, hi = list->count;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (list->items[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Next entity of 'kind' inside [start, end) from index *k on, or NULL. */
static const tracuu_entity_t *
next_entity (const tracuu_entities_t *list, size_t *k, size_t start,
             size_t end, tracuu_entity_kind_t kind)
{
    if (*k < list->count && list->items[*k].start < start)
        *k = entity_at (list, start);
    for (; *k < list->count && list->items[*k].start < end; (*k)++) {
        const tracuu_entity_t *e = &list->items[*k];

        if (e->kind == kind && e->end <= end) {
            (*k)++;
            return e;
        }
    }
    return NULL;
}

static size_t
seg_start (const ctx_t *c, size_t tok)
{
    return c->text->tokens[tok].start;
}

static size_t
seg_end (const ctx_t *c, size_t tok_end)
{
    return c->text->tokens[tok_end - 1].end;
}

/* Parenthesis depth at byte 'pos' of a clause starting at 'start'. */
static int
paren_depth (const char *s, size_t start, size_t pos)
{
    int depth = 0;

    for (size_t i = start; i < pos; i++) {
        if (s[i] == '(')
            depth++;
        else if (s[i] == ')' && depth > 0)
            depth--;
    }
    return depth;
}

/* The number written at token 'i' ("02", "4.915", "một"), or -1. */
static int64_t
number_at (const ctx_t *c, size_t i)
{
    const tracuu_text_t *text = c->text;
    tracuu_extract_number_t num;
    size_t label;
    int v;

    if (tracuu_extract__token_int (text, i, 7, &v))
        return v;
    if (i < text->n_tokens && (text->tokens[i].flags & TRACUU_TOKEN_NUMBER)
        && tracuu_extract__parse_number (text->text + text->tokens[i].start,
                                         text->tokens[i].end
                                         - text->tokens[i].start, &num)
           == text->tokens[i].end - text->tokens[i].start
        && num.grouped && num.frac_digits == 0 && num.integer < 100000000)
        return num.integer;     /* "4.915 trường hợp". */
    if (tracuu_lexicon__match_tagged (c->money_words, text, i, i + 1,
                                      "number", &label) == 1)
        return atoll (tracuu_lexicon__label (c->money_words, label));
    return -1;
}

/* The number at token i, in tokens [a, ...), counts people or things
 * the case befell or carried, or names something: "khiến hơn 210 người
 * nhập viện", "làm 3 người bị thương", "xe chở 45 người", "công ty số
 * 126". */
static int
not_violators (const ctx_t *c, size_t a, size_t i)
{
    size_t k = i;

    while (k > a && (is_word (c->text, k - 1, "hơn") || is_word (c->text, k - 1, "gần")
                     || is_word (c->text, k - 1, "khoảng") || is_word (c->text, k - 1, "trên")
                     || is_word (c->text, k - 1, "quá")))
        k--;
    return k > a && (is_word (c->text, k - 1, "khiến") || is_word (c->text, k - 1, "làm")
                     || is_word (c->text, k - 1, "chở") || is_word (c->text, k - 1, "số"));
}

/* Counted nouns in tokens [a, b); returns how many were stored. */
static size_t
counts_in (const ctx_t *c, size_t clause_start, size_t a, size_t b,
           count_t *out, size_t max)
{
    size_t n = 0;

    for (size_t i = a; i < b && n < max; i++) {
        int64_t v = number_at (c, i);
        size_t label = 0, len;

        if (v <= 0)
            continue;
        /* A statute cited ("khoản 6 điểm a", "Điều 5"), no count. */
        if (i > 0 && (is_word (c->text, i - 1, "khoản")
                      || is_word (c->text, i - 1, "điều")
                      || is_word (c->text, i - 1, "điểm")
                      || is_word (c->text, i - 1, "mục")
                      || is_word (c->text, i - 1, "chương")))
            continue;
        if (not_violators (c, a, i))
            continue;
        len = tracuu_lexicon__match (c->nouns, c->text, i + 1, b, &label);
        if (len == 0)
            continue;
        out[n].value = v;
        out[n].kind = (int) label;
        out[n].tok = i;
        out[n].in_parens = paren_depth (c->text->text, clause_start,
                                        c->text->tokens[i].start) > 0;
        n++;
        i += len;
    }
    return n;
}

/* Violators of a case from the counted nouns of its segment. */
static void
set_violators (const ctx_t *c, const draft_t *d, const tracuu_clause_t *cl,
               tracuu_case_t *k)
{
    count_t counts[16];
    size_t n, use = 0;
    int64_t total = 0, inner = 0, org = 0, ind = 0;
    int any_outside = 0, typed = 1, have_org = 0, have_ind = 0;
    int want_content = d->action == TRACUU_CASE_TAKEDOWN;

    k->violators = k->organizations = k->individuals = -1;
    n = counts_in (c, cl->start, d->tok, d->tok_end, counts, 16);
    /* Counts between the action wording and the amount ("xử phạt 4.915
     * trường hợp, phạt tiền 4 tỷ đồng, tạm giữ 35 ô tô": not the cars),
     * else after the action wording, else those before it. */
    if (d->money >= 0) {
        size_t mstart = c->x->entities.items[d->money].start, w = 0, m = 0;

        for (size_t i = 0; i < n; i++)
            m += counts[i].tok > d->trigger
                 && c->text->tokens[counts[i].tok].start < mstart;
        for (size_t i = 0; m > 0 && i < n; i++)
            if (c->text->tokens[counts[i].tok].start < mstart)
                counts[w++] = counts[i];
        if (m > 0)
            n = w;
    }
    for (size_t i = 0; i < n; i++)
        if (counts[i].tok > d->trigger)
            use++;
    /* Before the measure, the violators are the counted nouns next to it,
     * after the last comma that has one ("dùng 76 tài khoản ..., 2 nhà
     * đầu tư bị xử phạt": not the accounts); with none there, all of them
     * ("06 tổ chức, cá nhân bị phạt"). */
    if (use == 0 && n > 1) {
        size_t seg = d->tok, w = 0;

        for (size_t i = d->trigger; i > d->tok; i--)
            if (gap_has (c->text, i - 1, ',')
                && paren_depth (c->text->text, cl->start,
                                c->text->tokens[i].start) == 0) {
                seg = i;
                break;
            }
        for (size_t i = 0; i < n; i++)
            w += counts[i].tok >= seg;
        if (w > 0 && w < n) {
            w = 0;
            for (size_t i = 0; i < n; i++)
                if (counts[i].tok >= seg)
                    counts[w++] = counts[i];
            n = w;
        }
    }
    for (size_t i = 0; i < n; i++) {
        const count_t *ct = &counts[i];

        if (use > 0 && ct->tok < d->trigger)
            continue;
        if (ct->kind == NOUN_CONTENT && !want_content)
            continue;
        if (!ct->in_parens) {
            any_outside = 1;
            total += ct->value;
        } else {
            inner += ct->value;
        }
    }
    /* The split into organizations and individuals: from the part in
     * parentheses when there is one ("06 tổ chức, cá nhân (02 tổ chức,
     * 04 cá nhân)"), else from the counts themselves. */
    for (int pass = 0; pass < 2; pass++) {
        int found = 0;

        org = ind = 0;
        typed = 1;
        have_org = have_ind = 0;
        for (size_t i = 0; i < n; i++) {
            const count_t *ct = &counts[i];

            if ((use > 0 && ct->tok < d->trigger)
                || (ct->kind == NOUN_CONTENT && !want_content)
                || ct->in_parens != (pass == 0))
                continue;
            found = 1;
            if (ct->kind == NOUN_ORG) {
                org += ct->value;
                have_org = 1;
            } else if (ct->kind == NOUN_IND) {
                ind += ct->value;
                have_ind = 1;
            } else {
                typed = 0;
            }
        }
        if (found)
            break;
    }
    if (!any_outside)
        total = inner;
    if (total <= 0)
        return;
    k->violators = total;
    if (typed && (have_org || have_ind)) {
        k->organizations = org;
        k->individuals = ind;
    } else {
        k->organizations = have_org ? org : -1;
        k->individuals = have_ind ? ind : -1;
    }
}

/* Append 's' to a string array. Sticky *rc. */
static void
push_string (tracuu_status_t *rc, const char *const **arr, size_t *n,
             const char *s, size_t len)
{
    char **grown;
    char *copy;

    if (*rc)
        return;
    for (size_t i = 0; i < *n; i++)
        if (strlen ((*arr)[i]) == len && memcmp ((*arr)[i], s, len) == 0)
            return;
    copy = tracuu_extract__strndup (rc, s, len);
    if (copy == NULL)
        return;
    grown = tracuu_array__grow_counted (rc, (void *) *arr, *n, sizeof *grown);
    if (grown == NULL) {
        free (copy);
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    grown[(*n)++] = copy;
    *arr = (const char *const *) grown;
}

static void
push_account (tracuu_status_t *rc, tracuu_case_t *k, const char *platform,
              const char *name)
{
    tracuu_case_account_t *grown;
    char *p = NULL, *nm;

    if (*rc)
        return;
    for (size_t i = 0; i < k->n_accounts; i++)
        if (strcmp (k->accounts[i].name, name) == 0)
            return;
    if (platform != NULL && *platform != '\0')
        p = tracuu_extract__strndup (rc, platform, strlen (platform));
    nm = tracuu_extract__strndup (rc, name, strlen (name));
    grown = tracuu_array__grow_counted (rc, (void *) k->accounts, k->n_accounts,
                                        sizeof *grown);
    if (*rc || grown == NULL) {
        free (p);
        free (nm);
        if (*rc == TRACUU_STATUS_OK)
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    grown[k->n_accounts++] = (tracuu_case_account_t) { p, nm };
    k->accounts = grown;
    if (p != NULL)
        push_string (rc, &k->platforms, &k->n_platforms, p, strlen (p));
}

/* Person 'e' speaks of the case rather than being sanctioned: a lawyer,
 * or someone named with a title of office ("Phó Chủ tịch UBND tỉnh", as
 * the role starts: its agency may follow). (A rank, "Đại úy", says
 * nothing either way.) */
static int
speaker (const ctx_t *c, const tracuu_entity_t *e)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const tracuu_lexicon_t *roles = tracuu_lexicon__roles (&rc);
    long label = -1;
    char *folded = NULL;
    size_t len = 0, best = 0;
    int yes = 0;

    (void) c;
    if (e->extra == NULL || roles == NULL
        || tracuu_fold (e->extra, strlen (e->extra), TRACUU_FOLD_ASCII,
                        &folded, &len, NULL) != TRACUU_STATUS_OK)
        return 0;
    /* The longest role the text starts with, in folded words. */
    for (size_t i = 0; i < tracuu_lexicon__count (roles); i++) {
        char *f2 = NULL;
        size_t l2 = 0;
        const char *name = tracuu_lexicon__label (roles, i);

        if (tracuu_fold (name, strlen (name), TRACUU_FOLD_ASCII, &f2, &l2,
                         NULL) == TRACUU_STATUS_OK
            && l2 > best && l2 <= len && memcmp (f2, folded, l2) == 0
            && (l2 == len || folded[l2] == ' ')) {
            label = (long) i;
            best = l2;
        }
        free (f2);
    }
    if (label >= 0)
        yes = tracuu_lexicon__has_tag (roles, (size_t) label, "title");
    yes |= len >= 7 && memcmp (folded, "luat su", 7) == 0
           && (len == 7 || folded[7] == ' ');
    free (folded);
    return yes;
}

/* The platforms a case takes place on named in tokens [a, b). */
static void
add_platforms (const ctx_t *c, size_t a, size_t b, tracuu_case_t *k)
{
    for (size_t i = a; i < b;) {
        size_t label = 0;
        size_t n = tracuu_lexicon__match_tagged (c->platforms, c->text, i, b,
                                                 "case", &label);
        const char *name;

        if (n == 0) {
            i++;
            continue;
        }
        name = tracuu_lexicon__label (c->platforms, label);
        push_string (c->rc, &k->platforms, &k->n_platforms, name,
                     strlen (name));
        i += n;
    }
}

/* People, accounts and platforms named in tokens [a, b). */
static void
add_subjects (const ctx_t *c, size_t a, size_t b, tracuu_case_t *k)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t start = seg_start (c, a), end = seg_end (c, b);
    const tracuu_entity_t *e;
    size_t it = entity_at (list, start);

    while ((e = next_entity (list, &it, start, end,
                             TRACUU_ENTITY_PERSON)) != NULL)
        if (!speaker (c, e))
            push_string (c->rc, &k->people, &k->n_people, e->value,
                         strlen (e->value));
    it = entity_at (list, start);
    while ((e = next_entity (list, &it, start, end,
                             TRACUU_ENTITY_ACCOUNT)) != NULL)
        push_account (c->rc, k, e->extra, e->value);
    /* Handles the account extractor left out: "@name" tokens. */
    for (size_t i = a; i < b; i++) {
        const tracuu_token_t *t = &c->text->tokens[i];

        if (t->exact[0] == '@' && t->exact_len > 1) {
            char handle[256];

            snprintf (handle, sizeof handle, "%.*s", (int) (t->end - t->start),
                      c->text->text + t->start);
            push_account (c->rc, k, NULL, handle);
        }
    }
    add_platforms (c, a, b, k);
}

static int
has_subjects (const ctx_t *c, size_t a, size_t b)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t start = seg_start (c, a), end = seg_end (c, b);
    size_t it = entity_at (list, start);

    if (next_entity (list, &it, start, end, TRACUU_ENTITY_PERSON) != NULL)
        return 1;
    it = entity_at (list, start);
    if (next_entity (list, &it, start, end, TRACUU_ENTITY_ACCOUNT) != NULL)
        return 1;
    for (size_t i = a; i < b; i++)
        if (c->text->tokens[i].exact[0] == '@')
            return 1;
    return 0;
}

/* The agency named as the subject of the action ("Công an thành phố
 * Bắc Giang đã xử phạt"), or NULL when the clause names none or the
 * action is done together with others ("Phối hợp với ..."). */
static char *
subject_agency (const ctx_t *c, size_t a, size_t trigger)
{
    const tracuu_text_t *text = c->text;
    size_t head = SIZE_MAX, stop;

    /* Done with, or asked of, another agency: the reporting one. */
    for (size_t i = a; i + 1 < trigger; i++)
        if ((is_word (text, i, "phối") && is_word (text, i + 1, "hợp"))
            || (is_word (text, i, "đề") && is_word (text, i + 1, "nghị"))
            || (is_word (text, i, "kiến") && is_word (text, i + 1, "nghị"))
            || (is_word (text, i, "yêu") && is_word (text, i + 1, "cầu")))
            return NULL;
    for (size_t i = a; i < trigger && head == SIZE_MAX; i++) {
        size_t label;

        if ((text->tokens[i].flags & TRACUU_TOKEN_CAPITAL)
            && tracuu_lexicon__match_tagged (c->agencies, text, i, trigger,
                                            "subject", &label) > 0
            && !(i > a && is_word (text, i - 1, "với")))
            head = i;
    }
    if (head == SIZE_MAX)
        return NULL;
    for (stop = head + 1; stop < trigger && stop < head + 14; stop++)
        if (is_word (text, stop, "đã") || is_word (text, stop, "đang")
            || is_word (text, stop, "tiến") || is_word (text, stop, "ra")
            || is_word (text, stop, "bị"))
            break;
    if (stop >= head + 14)
        return NULL;
    return tracuu_extract__strndup (c->rc, text->text + text->tokens[head].start,
                                    text->tokens[stop - 1].end
                                    - text->tokens[head].start);
}

/* Lower-case ASCII slug of 's' ("Bắc Giang" -> "bac-giang"). */
static void
slug_append (tracuu_status_t *rc, char *buf, size_t size, const char *s)
{
    char *folded = NULL;
    size_t folded_len = 0, n = strlen (buf);
    int dash = n > 0;

    if (*rc)
        return;
    if (n > 0 && n + 1 < size)
        buf[n++] = '/';
    dash = 0;
    if (s == NULL || *s == '\0')
        s = "x";
    *rc = tracuu_fold (s, strlen (s), TRACUU_FOLD_ASCII, &folded,
                       &folded_len, NULL);
    if (*rc)
        return;
    for (size_t i = 0; i < folded_len && n + 2 < size; i++) {
        unsigned char ch = (unsigned char) folded[i];

        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
            if (dash && n > 0 && buf[n - 1] != '/')
                buf[n++] = '-';
            buf[n++] = (char) ch;
            dash = 0;
        } else if (ch >= 'A' && ch <= 'Z') {
            if (dash && n > 0 && buf[n - 1] != '/')
                buf[n++] = '-';
            buf[n++] = (char) (ch - 'A' + 'a');
            dash = 0;
        } else {
            dash = 1;
        }
    }
    buf[n] = '\0';
    free (folded);
}

/* FNV-1a of the folded tokens [a, b), for keys of unnamed cases. */
static uint32_t
tokens_hash (const tracuu_text_t *text, size_t a, size_t b)
{
    uint32_t h = TRACUU_FNV32_INIT;

    for (size_t i = a; i < b; i++) {
        h = tracuu_hash__fnv32 (h, text->tokens[i].folded,
                                text->tokens[i].folded_len);
        h = tracuu_hash__fnv32 (h, " ", 1);
    }
    return h;
}

/* The key of case 'k' from its fields into 'key' ('size' bytes): see
 * docs/EXTRACT.md. 'hash' stands for an unnamed case with neither amount
 * nor count; 'clause_hash', when not 0, ends the key of an unnamed
 * case told in no period, so that two such fines of one amount in two
 * texts ("CSGT đã phạt tài xế 1 triệu đồng", in two stories) are not
 * taken for one. */
static void
compose_key (const ctx_t *c, const tracuu_case_t *k, uint32_t hash,
             uint32_t clause_hash, char *key, size_t size)
{
    char part[64];
    const char *subject = NULL;

    key[0] = '\0';
    if (k->n_accounts > 0)
        subject = k->accounts[0].name;
    else if (k->n_people > 0)
        subject = k->people[0];
    slug_append (c->rc, key, size, k->province);
    if (subject != NULL && !(k->flags & TRACUU_CASE_AGGREGATE)) {
        slug_append (c->rc, key, size, subject);
        if (k->amount_vnd >= 0)
            snprintf (part, sizeof part, "%lld", (long long) k->amount_vnd);
        else
            snprintf (part, sizeof part, "%s", tracuu_case_action_name (k->action));
        slug_append (c->rc, key, size, part);
        return;
    }
    slug_append (c->rc, key, size, k->period);
    slug_append (c->rc, key, size,
                 k->flags & TRACUU_CASE_HEADLINE
                 ? "headline" : tracuu_case_action_name (k->action));
    if (k->amount_vnd >= 0)
        snprintf (part, sizeof part, "%lld", (long long) k->amount_vnd);
    else if (k->violators >= 0)
        snprintf (part, sizeof part, "n%lld", (long long) k->violators);
    else
        snprintf (part, sizeof part, "h%08x", (unsigned) hash);
    slug_append (c->rc, key, size, part);
    if (clause_hash != 0 && k->period == NULL
        && (k->amount_vnd >= 0 || k->violators >= 0)) {
        snprintf (part, sizeof part, "h%08x", (unsigned) clause_hash);
        slug_append (c->rc, key, size, part);
    }
}

static void
set_key (const ctx_t *c, const draft_t *d, tracuu_case_t *k)
{
    char key[512];

    compose_key (c, k, tokens_hash (c->text, d->tok, d->tok_end), 0, key,
                 sizeof key);
    k->key = tracuu_extract__strndup (c->rc, key, strlen (key));
}

/* The keys of the cases of this text once their mentions are merged:
 * from the fines' final amount and violators ("phạt gần một triệu
 * đồng" in the headline, "phạt tài xế Đinh Văn A 900.000 đồng" in the
 * body is "x/dinh-van-a/900000"), an unnamed case of no period ending
 * in the hash of its first clause. Keys of neither amount nor count
 * stay as they are. */
static void
rekey (ctx_t *c)
{
    for (size_t i = c->first_case; i < c->x->n_cases && *c->rc == 0; i++) {
        tracuu_case_t *k = &c->x->cases[i];
        long ci = c->case_clause[i - c->first_case];
        char key[512];
        uint32_t h;

        if (k->amount_vnd < 0 && k->violators < 0)
            continue;
        h = ci < 0 ? 0 : tokens_hash (c->text, c->clauses[ci].tok,
                                      c->clauses[ci].tok_end);
        if (ci >= 0 && h == 0)
            h = 1;
        compose_key (c, k, 0, h, key, sizeof key);
        if (strcmp (key, k->key) == 0)
            continue;
        free ((void *) k->key);
        k->key = tracuu_extract__strndup (c->rc, key, strlen (key));
    }
}

/* Province named as the place of the case ("ở TP Bắc Giang", "tại tỉnh
 * X"), or NULL. */
static const char *
case_province (const ctx_t *c, size_t a, size_t b)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t start = seg_start (c, a), end = seg_end (c, b);
    size_t it = entity_at (list, start);
    const tracuu_entity_t *e;

    while ((e = next_entity (list, &it, start, end,
                             TRACUU_ENTITY_PROVINCE)) != NULL) {
        size_t t = a;

        while (t < b && c->text->tokens[t].start < e->start)
            t++;
        for (size_t back = 1; back <= 3 && back <= t - a; back++)
            if (is_word (c->text, t - back, "tại")
                || is_word (c->text, t - back, "ở")
                || is_word (c->text, t - back, "bàn"))
                return e->value;
    }
    return NULL;
}

/* A news article (or a text of no administrative kind) retells one
 * story: headline, lead, captions, body. A report lists its cases, each
 * told once, clause by clause. */
static int
retold_story (const tracuu_extraction_t *x)
{
    const char *kind = x->meta.kind ? x->meta.kind : "khac";

    return strcmp (kind, "tin_bai") == 0 || strcmp (kind, "khac") == 0;
}

/* Token 'i', inside parentheses in tokens [a, ...), is in a person's
 * home or age ("bà Hiền (Hà Nội)", "ông A (SN 1986, trú tại ...)"),
 * or a company's address ("Công ty X (quận 1, TP HCM)"), not in a place
 * of the case ("phường Hàng Mã (Hà Nội)", "Đội CSGT (Công an tỉnh X)"). */
static int
home_in_parens (const ctx_t *c, size_t a, size_t i)
{
    const char *txt = c->text->text;
    size_t open = c->text->tokens[i].start, from = c->text->tokens[a].start;
    int depth = 0;
    const tracuu_entities_t *list = &c->x->entities;
    size_t k;

    /* The parenthesis that holds token i. */
    while (open > from) {
        open--;
        if (txt[open] == ')')
            depth++;
        else if (txt[open] == '(' && depth-- == 0)
            break;
    }
    /* Words of a home or an age inside, before the place. */
    for (size_t t = i; t-- > a && c->text->tokens[t].start > open;)
        if (is_word (c->text, t, "trú") || is_word (c->text, t, "ngụ")
            || is_word (c->text, t, "sn") || is_word (c->text, t, "sinh")
            || is_word (c->text, t, "tuổi") || is_word (c->text, t, "quê"))
            return 1;
    /* A company's address ("Công ty X (quận 1, TP HCM)"). */
    for (size_t t = a, n = 0; t < i && c->text->tokens[t].start < open; t++, n++)
        if (((is_word (c->text, t, "công") && is_word (c->text, t + 1, "ty"))
             || (is_word (c->text, t, "doanh") && is_word (c->text, t + 1, "nghiệp"))
             || (is_word (c->text, t, "tập") && is_word (c->text, t + 1, "đoàn"))
             || (is_word (c->text, t, "hợp") && is_word (c->text, t + 1, "tác"))
             || (is_word (c->text, t, "chi") && is_word (c->text, t + 1, "nhánh")))
            && c->text->tokens[t].start + 80 > open)
            return 1;
    /* A person just before it. */
    k = entity_at (list, open);
    while (k > 0 && list->items[k - 1].end + 3 >= open) {
        k--;
        if (list->items[k].kind == TRACUU_ENTITY_PERSON
            && list->items[k].end <= open)
            return 1;
    }
    return 0;
}

/* Token 'i' is inside a company's name or a person's home in
 * parentheses ("Công ty TNHH Bắc Ninh", "bà Hiền (Hà Nội)", "ông A (trú
 * tại ...)"): a province there is not where the case is. */
static int
not_the_place (const ctx_t *c, size_t a, size_t i)
{
    if (paren_depth (c->text->text, c->text->tokens[a].start,
                     c->text->tokens[i].start) > 0)
        return home_in_parens (c, a, i);
    /* "doanh nghiệp ở Đồng Nai": the place of the company. */
    if (i > a && (is_word (c->text, i - 1, "ở") || is_word (c->text, i - 1, "tại")))
        return 0;
    for (size_t k = i; k > a && i - k < 8; k--) {
        /* Words of one name, a dash allowed ("Bia Sài Gòn - Ninh Thuận"). */
        if (!tracuu_extract__gap_blank (c->text, k - 1)
            && !tracuu_extract__gap_is (c->text, k - 1, "-"))
            return 0;
        if ((is_word (c->text, k - 1, "công") && is_word (c->text, k, "ty"))
            || is_word (c->text, k - 1, "doanh")
            || is_word (c->text, k - 1, "tập")
            || is_word (c->text, k - 1, "hãng")
            /* A newspaper's name ("báo Hà Nội Mới", "Pháp Luật TP.HCM"). */
            || is_word (c->text, k - 1, "báo")
            || is_word (c->text, k - 1, "đài")
            || (is_word (c->text, k - 1, "pháp") && is_word (c->text, k, "luật")))
            return 1;
    }
    return 0;
}

/* A body of the whole country starts at token i (agencies.txt, tag
 * central, unless a longer name of a province's body starts there). */
static int
central_at (const ctx_t *c, size_t i, size_t end)
{
    size_t n = tracuu_lexicon__match_tagged (c->agencies, c->text, i, end,
                                             "central", NULL);

    return n > 0 && (c->text->tokens[i].flags & TRACUU_TOKEN_CAPITAL)
           && tracuu_lexicon__match (c->agencies, c->text, i, end, NULL) <= n;
}

/* The first token starting at or after byte 'offset'. */
static size_t
token_at (const tracuu_text_t *text, size_t offset)
{
    size_t lo = 0, hi = text->n_tokens;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;

        if (text->tokens[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Province 'e' may be where a story happens: not in a company's name,
 * nor in parentheses (a home, an address). */
static int
place_of_story (const ctx_t *c, const tracuu_entity_t *e)
{
    size_t t = token_at (c->text, e->start), lo = 0, hi = c->n_clauses;

    if (t >= c->text->n_tokens)
        return 0;
    while (lo < hi) {           /* The last clause starting at or before t. */
        size_t mid = lo + (hi - lo) / 2;

        if (c->clauses[mid].tok <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0 || c->clauses[lo - 1].tok_end <= t)
        return 1;
    return !not_the_place (c, c->clauses[lo - 1].tok, t);
}

/* The province a news article tells of: the one named most often where
 * it may be the place of the story (place_of_story()), when one is
 * named more often than any other and twice at least (a province in
 * the name of a body counts twice); else NULL. */
static const char *
main_province (const ctx_t *c)
{
    const tracuu_entities_t *list = &c->x->entities;
    const char *names[64];
    unsigned counts[64];
    size_t n = 0, best = 0;
    int tie = 0;

    for (size_t k = 0; k < list->count; k++) {
        const tracuu_entity_t *e = &list->items[k];
        /* A town or landmark of one province names it too. */
        const char *name = e->kind == TRACUU_ENTITY_DISTRICT ? e->extra : e->value;
        size_t j;

        if ((e->kind != TRACUU_ENTITY_PROVINCE
             && e->kind != TRACUU_ENTITY_DISTRICT)
            || name == NULL || !place_of_story (c, e))
            continue;
        for (j = 0; j < n; j++)
            if (strcmp (names[j], name) == 0)
                break;
        if (j == n) {
            if (n == 64)
                continue;
            names[n] = name;
            counts[n++] = 0;
        }
        counts[j]++;
        /* The province of a body named ("Sở Thông tin và Truyền thông
         * Long An"): the authority's, twice the weight. */
        for (size_t a = k; a-- > 0 && k - a <= 4;)
            if (list->items[a].kind == TRACUU_ENTITY_AGENCY
                && list->items[a].end >= e->end) {
                counts[j]++;
                break;
            }
    }
    if (n == 0)
        return NULL;
    for (size_t j = 1; j < n; j++)
        if (counts[j] > counts[best])
            best = j;
    for (size_t j = 0; j < n; j++)
        tie |= j != best && counts[j] == counts[best];
    return tie || counts[best] < 2 ? NULL : names[best];
}

/* A body of the whole country imposes a fine of the story: named before
 * the measure in a clause with fine wording ("Ủy ban Chứng khoán Nhà
 * nước ban hành quyết định xử phạt ..."). */
static int
central_fines (const ctx_t *c)
{
    const tracuu_entities_t *list = &c->x->entities;

    for (size_t ci = 0; ci < c->n_clauses; ci++) {
        const tracuu_clause_t *cl = &c->clauses[ci];
        size_t it = entity_at (list, cl->start), last = ci;

        /* A clause that tells an amount, or whose next sentence does
         * ("... ban hành quyết định xử phạt ... Tổng số tiền xử phạt là 48
         * triệu đồng"). */
        while (last + 1 < c->n_clauses
               && c->clauses[last + 1].sentence <= cl->sentence + 1)
            last++;
        if (next_entity (list, &it, cl->start, c->clauses[last].end,
                         TRACUU_ENTITY_MONEY) == NULL)
            continue;
        for (size_t i = cl->tok; i < cl->tok_end; i++) {
            size_t label;

            if (tracuu_lexicon__match (c->actions, c->text, i, cl->tok_end,
                                       &label) == 0
                || strcmp (tracuu_lexicon__label (c->actions, label), "fine") != 0)
                continue;
            for (size_t j = cl->tok; j < i; j++) {
                size_t n, pe;

                if ((is_word (c->text, j, "đề") || is_word (c->text, j, "kiến")
                     || is_word (c->text, j, "yêu") || is_word (c->text, j, "phối"))
                    && (is_word (c->text, j + 1, "nghị")
                        || is_word (c->text, j + 1, "cầu")
                        || is_word (c->text, j + 1, "hợp")))
                    break;
                if ((is_word (c->text, j, "nghị") && is_word (c->text, j + 1, "định"))
                    || is_word (c->text, j, "luật"))
                    break;      /* "Chính phủ ban hành nghị định ...". */
                if (!central_at (c, j, i))
                    continue;
                /* "theo quy định của Bộ Y tế": not who fines. */
                if (j > cl->tok && (is_word (c->text, j - 1, "của")
                                    || is_word (c->text, j - 1, "theo")
                                    || is_word (c->text, j - 1, "với")
                                    || is_word (c->text, j - 1, "tại")
                                    || is_word (c->text, j - 1, "từ")))
                    continue;
                /* "Cục Thuế TP. HCM": a body of a province. */
                n = tracuu_lexicon__match_tagged (c->agencies, c->text, j, i,
                                                  "central", NULL);
                pe = entity_at (list, c->text->tokens[j].start);
                for (; pe < list->count
                       && list->items[pe].start
                          < c->text->tokens[j + n + 3 < c->text->n_tokens
                                            ? j + n + 3 : c->text->n_tokens - 1].end;
                     pe++)
                    if (list->items[pe].kind == TRACUU_ENTITY_PROVINCE)
                        break;
                if (pe < list->count && list->items[pe].kind == TRACUU_ENTITY_PROVINCE
                    && list->items[pe].start
                       < c->text->tokens[j + n + 3 < c->text->n_tokens
                                         ? j + n + 3 : c->text->n_tokens - 1].end)
                    continue;
                return 1;
            }
            break;
        }
    }
    return 0;
}

/* Token 'i' of tokens [a, ...) names where someone or something came
 * from ("mua từ TP. HCM", "đến từ Nghệ An", "người đẹp Bắc Ninh", "quê
 * Nghệ An") or a route ("chuyến bay từ Hà Nội vào TP. HCM"): not where
 * the case is, though a place of the story. */
static int
came_from (const ctx_t *c, size_t a, size_t i)
{
    size_t p = i;

    if (p > a && (is_word (c->text, p - 1, "tp") || is_word (c->text, p - 1, "tỉnh")))
        p--;
    else if (p > a + 1 && is_word (c->text, p - 2, "thành")
             && is_word (c->text, p - 1, "phố"))
        p -= 2;
    if (p > a && (is_word (c->text, p - 1, "từ") || is_word (c->text, p - 1, "quê")
                  || is_word (c->text, p - 1, "gốc") || is_word (c->text, p - 1, "người")))
        return 1;
    /* "người đẹp Bắc Ninh", "cô gái Nghệ An": a person's home. */
    if (p > a + 1 && ((is_word (c->text, p - 2, "người") && is_word (c->text, p - 1, "đẹp"))
                      || (is_word (c->text, p - 2, "cô") && is_word (c->text, p - 1, "gái"))
                      || (is_word (c->text, p - 2, "chàng") && is_word (c->text, p - 1, "trai"))))
        return 1;
    if (p > a && (is_word (c->text, p - 1, "vào") || is_word (c->text, p - 1, "đến")
                  || is_word (c->text, p - 1, "ra") || is_word (c->text, p - 1, "tới")))
        for (size_t k = p - 1; k > a && p - k < 6; k--)
            if (is_word (c->text, k - 1, "từ"))
                return 1;
    return 0;
}

/* Province 'e', at token t of tokens [a, b), ends the name of who is
 * fined: "Dệt may Nam Định bị phạt ...", a name right before "bị"
 * (not "một công ty ở Nam Định bị phạt"). */
static int
named_by_place (const ctx_t *c, size_t a, size_t b, size_t t,
                const tracuu_entity_t *e)
{
    size_t after = t;

    while (after < b && c->text->tokens[after].start < e->end)
        after++;
    return after < b && is_word (c->text, after, "bị") && t > a
           && tracuu_extract__gap_blank (c->text, t - 1)
           && !is_word (c->text, t - 1, "ở") && !is_word (c->text, t - 1, "tại");
}

/* Entity 'e' names a province, or a town or landmark of one. */
static int
is_place (const tracuu_entity_t *e)
{
    return e->kind == TRACUU_ENTITY_PROVINCE
           || (e->kind == TRACUU_ENTITY_DISTRICT && e->extra != NULL);
}

/* The province place 'e' stands for. */
static const char *
province_of (const tracuu_entity_t *e)
{
    return e->kind == TRACUU_ENTITY_PROVINCE ? e->value : e->extra;
}

/* The province of a case of a news article: one named in its clause
 * (not in a company's name), else none when the agency is central, else
 * the one province the headline and lead name. */
static const char *
story_province (const ctx_t *c, size_t a, size_t b, size_t trigger,
                uint32_t categories, int *named)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t start = seg_start (c, a), end = seg_end (c, b), it;
    const tracuu_entity_t *e, *found = NULL;
    uint32_t lead_line = 0;

    /* A province, or a town of one ("UBND TP Vũng Tàu", "huyện Châu
     * Phú, tỉnh An Giang"), named in the clause. */
    for (it = entity_at (list, start); it < list->count
                                       && list->items[it].start < end; it++) {
        size_t t = a;

        e = &list->items[it];
        if (e->end > end || !is_place (e))
            continue;
        while (t < b && c->text->tokens[t].start < e->start)
            t++;
        if (not_the_place (c, a, t) || came_from (c, a, t)
            || named_by_place (c, a, b, t, e))
            continue;
        *named = 1;
        return province_of (e);
    }
    /* A title of another story, listed after the byline: the story's
     * place is not its place. */
    if (c->x->meta.signer_line != 0
        && c->text->tokens[a].line > c->x->meta.signer_line)
        return NULL;
    /* Securities and competition are fined by national bodies only. */
    if (categories & (tracuu_case_category_from_name ("securities")
                      | tracuu_case_category_from_name ("competition")))
        return NULL;
    /* A paragraph opened by its place ("Tại Gia Lai, trong đợt kiểm tra
     * ..."): the place of the fines told after it, up to another one. */
    {
        size_t ci = 0, lo = 0, hi = c->n_clauses;

        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;

            if (c->clauses[mid].tok <= a)
                lo = mid + 1;
            else
                hi = mid;
        }
        ci = lo;                /* Clauses [0, ci) start at or before a. */
        for (size_t k = ci; k-- > 0 && ci - k <= 12;) {
            const tracuu_clause_t *p = &c->clauses[k];
            size_t pe;

            if (!(is_word (c->text, p->tok, "tại") || is_word (c->text, p->tok, "ở")))
                continue;
            pe = entity_at (list, c->text->tokens[p->tok].end);
            if (pe < list->count && list->items[pe].kind == TRACUU_ENTITY_PROVINCE
                && p->tok + 1 < p->tok_end
                && list->items[pe].start == c->text->tokens[p->tok + 1].start)
                return list->items[pe].value;
        }
    }
    /* The whole country: "các địa phương" that fine ("phối hợp các địa
     * phương" after the fine is not who fined), "cả nước", "toàn
     * quốc". */
    for (size_t i = a; i + 1 < b; i++)
        if ((i < trigger && is_word (c->text, i, "các") && is_word (c->text, i + 1, "địa")
             && is_word (c->text, i + 2, "phương"))
            || (is_word (c->text, i, "cả") && is_word (c->text, i + 1, "nước"))
            || (is_word (c->text, i, "toàn") && is_word (c->text, i + 1, "quốc")))
            return NULL;
    /* A body of the whole country as the subject of the measure: the
     * words before it, up to a body that is asked or joined ("đề nghị Bộ
     * ...", "phối hợp với Cục"). */
    for (size_t i = a; i < trigger && i < b; i++) {
        if (i + 1 < b
            && (is_word (c->text, i, "đề") || is_word (c->text, i, "kiến")
                || is_word (c->text, i, "yêu") || is_word (c->text, i, "phối"))
            && (is_word (c->text, i + 1, "nghị") || is_word (c->text, i + 1, "cầu")
                || is_word (c->text, i + 1, "hợp")))
            break;
        /* "Cũng theo Cục này, ... CSGT đã phạt": who tells, not who
         * fines. */
        if (i > a && (is_word (c->text, i - 1, "theo")
                      || is_word (c->text, i - 1, "của")))
            continue;
        if (central_at (c, i, trigger))
            return NULL;
    }
    /* The headline, the lead and the first line of the body (which
     * names who acted, and where). */
    for (size_t i = 0, lines = 0; i < c->text->n_tokens; i++)
        if (c->text->tokens[i].line != lead_line) {
            if (++lines > 3)
                break;
            lead_line = c->text->tokens[i].line;
        }
    if (c->central_story)
        return NULL;
    /* A town or landmark of one province counts for it ("sân bay Tân
     * Sơn Nhất"). */
    for (it = 0; it < list->count && list->items[it].line <= lead_line; it++) {
        e = &list->items[it];
        if (!is_place (e) || !place_of_story (c, e))
            continue;
        if (found != NULL && strcmp (province_of (found), province_of (e)) != 0)
            break;              /* Two provinces: which one is unclear. */
        found = e;
    }
    if (found != NULL && (it == list->count || list->items[it].line > lead_line))
        return province_of (found);
    if (c->central_story)
        return NULL;
    return c->main_province;
}

/* Date or period 'e' can be the time of a fine: within one year, not
 * the day or year of a cited text ("Nghị định 100/2019/NĐ-CP ngày
 * 30/12/2019", "giấy phép số 450/GP-BTTTT ngày 8/10/2020", "Luật ...
 * năm 2012"; a decision of sanction, "Quyết định số 12/QĐ-XPHC ngày
 * ...", is the fine's own), nor a birth year ("SN 1985"). */
static int
fine_time (const ctx_t *c, const tracuu_entity_t *e)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t t = entity_at (list, e->start), tok = 0;

    if (e->from < 19900101 || e->from / 10000 != e->to / 10000)
        return 0;
    /* The entity just before, a cited number or text, ends within a
     * few bytes ("số 450/GP-BTTTT ngày"). */
    for (size_t k = t; k-- > 0 && e->start - list->items[k].end < 24;) {
        const tracuu_entity_t *r = &list->items[k];

        if (r->end > e->start)
            continue;
        if ((r->kind == TRACUU_ENTITY_REFERENCE
             || r->kind == TRACUU_ENTITY_DOCNUMBER)
            && r->value != NULL && strstr (r->value, "XP") == NULL
            && strstr (r->value, "QĐ") == NULL)
            return 0;
        break;
    }
    while (tok < c->text->n_tokens && c->text->tokens[tok].start < e->start)
        tok++;
    /* A document code just before ("số 450/GP-BTTTT ngày ..."): the
     * word before "ngày" holds a '/' and capitals. */
    {
        const char *txt = c->text->text;
        size_t p = e->start, q;
        int upper = 0;

        while (p > 0 && (txt[p - 1] == ' ' || txt[p - 1] == ','))
            p--;
        if (p >= 5 && memcmp (txt + p - 5, "ngày", 5) == 0)
            p -= 5;
        else if (p >= 5 && memcmp (txt + p - 5, "Ngày", 5) == 0)
            p -= 5;
        while (p > 0 && txt[p - 1] == ' ')
            p--;
        q = p;
        while (q > 0 && txt[q - 1] != ' ' && txt[q - 1] != '\n' && p - q < 40)
            q--;
        for (size_t i = q; i < p; i++)
            upper |= txt[i] >= 'A' && txt[i] <= 'Z';
        if (p > q && upper && memchr (txt + q, '/', p - q) != NULL
            && !memmem (txt + q, p - q, "XP", 2)
            && !memmem (txt + q, p - q, "QĐ", 3))
            return 0;
    }
    /* "Quy hoạch ... đến năm 2025": the horizon of a plan its sentence
     * names. */
    if (tok >= 2 && ((is_word (c->text, tok - 2, "đến")
                      && is_word (c->text, tok - 1, "năm"))
                     || (is_word (c->text, tok - 1, "đến")
                         && is_word (c->text, tok, "năm"))))
        for (size_t i = tok - 1; i-- > 0
                                 && !tracuu_extract__gap_ends_sentence (c->text, i);)
            if ((is_word (c->text, i, "quy") || is_word (c->text, i, "kế")
                 || is_word (c->text, i, "chiến"))
                && (is_word (c->text, i + 1, "hoạch")
                    || is_word (c->text, i + 1, "lược")))
                return 0;
    for (size_t back = 1; back <= 6 && back <= tok; back++) {
        size_t i = tok - back;

        /* "so với cùng kỳ năm 2018", "từ năm 2007": a comparison, a
         * history. */
        if ((is_word (c->text, i, "cùng") && is_word (c->text, i + 1, "kỳ"))
            || (is_word (c->text, i, "so") && is_word (c->text, i + 1, "với"))
            || (back == 1 && is_word (c->text, i, "từ")
                && e->kind == TRACUU_ENTITY_PERIOD))
            return 0;
        /* "định hướng đến năm 2030", "tầm nhìn 2045": a plan's horizon. */
        if ((is_word (c->text, i, "định") && is_word (c->text, i + 1, "hướng"))
            || (is_word (c->text, i, "tầm") && is_word (c->text, i + 1, "nhìn")))
            return 0;
        if (is_word (c->text, i, "luật") || is_word (c->text, i, "sn")
            || (is_word (c->text, i, "nghị") && is_word (c->text, i + 1, "định"))
            || (is_word (c->text, i, "thông") && is_word (c->text, i + 1, "tư"))
            || (back == 1 && is_word (c->text, i, "sinh")))
            return 0;
        if (!tracuu_extract__gap_blank (c->text, i)
            && !tracuu_extract__gap_is (c->text, i, ","))
            break;
    }
    return 1;
}

/* The time of a fine of a news article that names none in its clause
 * starting at byte 'start': the nearest date or period before it (its
 * sentence, its paragraph, the paragraphs and the headline before),
 * else (a headline or lead) the first one of the body after it. NULL
 * when the text gives none. */
static const tracuu_entity_t *
story_time (const ctx_t *c, size_t start)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t t = entity_at (list, start);
    const tracuu_entity_t *e;

    for (size_t k = t; k-- > 0;) {
        e = &list->items[k];
        if ((e->kind == TRACUU_ENTITY_DATE || e->kind == TRACUU_ENTITY_PERIOD)
            && fine_time (c, e))
            return e;
    }
    /* A headline or lead before any date: the first one of the body. */
    for (size_t k = t; k < list->count; k++) {
        e = &list->items[k];
        if ((e->kind == TRACUU_ENTITY_DATE || e->kind == TRACUU_ENTITY_PERIOD)
            && fine_time (c, e))
            return e;
    }
    return NULL;
}

/* The year of the last holiday named before byte 'start' ("dịp Tết
 * Nguyên đán Kỷ Hợi 2019", "Tết 2024"), with its byte in *at; 0 if
 * none. A news article of the holidays dates its fines by it. */
static int
holiday_year_before (const ctx_t *c, size_t start, size_t *at)
{
    const tracuu_text_t *text = c->text;
    size_t end = token_at (text, start);

    for (size_t i = end; i-- > 0;) {
        size_t k = i + 1;
        int y;

        int compared = 0;

        if (!is_word (text, i, "tết"))
            continue;
        /* "So sánh với ... Tết Nguyên đán 2018": a comparison. */
        for (size_t b = 1; b <= 12 && b <= i
                           && !tracuu_extract__gap_ends_sentence (text, i - b); b++)
            compared |= (is_word (text, i - b, "so")
                         && (is_word (text, i - b + 1, "với")
                             || is_word (text, i - b + 1, "sánh")))
                        || (is_word (text, i - b, "cùng")
                            && is_word (text, i - b + 1, "kỳ"));
        if (compared)
            continue;
        while (k < end && k <= i + 4 && tracuu_extract__gap_blank (text, k - 1)
               && !(text->tokens[k].flags & TRACUU_TOKEN_NUMBER))
            k++;
        if (k < end && tracuu_extract__gap_blank (text, k - 1)
            && text->tokens[k].exact_len == 4
            && tracuu_extract__token_int (text, k, 4, &y) && y >= 1990 && y <= 2100) {
            *at = text->tokens[k].start;
            return y;
        }
    }
    return 0;
}

static void
set_period (const ctx_t *c, size_t a, size_t b, tracuu_case_t *k)
{
    signed char *rank = &c->time_rank[(size_t) (k - c->x->cases) - c->first_case];
    const tracuu_entities_t *list = &c->x->entities;
    size_t start = seg_start (c, a), end = seg_end (c, b);
    size_t it = entity_at (list, start);
    const tracuu_entity_t *e;
    const char *period = c->x->meta.period;
    char day[32];

    k->from = c->x->meta.period_from;
    k->to = c->x->meta.period_to;
    /* The first period of the segment that is no comparison ("tăng 27%
     * so với năm 2020") nor a cited text's. */
    while ((e = next_entity (list, &it, start, end,
                             TRACUU_ENTITY_PERIOD)) != NULL
           && (e->from / 10000 == e->to / 10000 && !fine_time (c, e)))
        ;
    *rank = 0;
    if (e != NULL && e->value != NULL && *e->value) {
        period = e->value;
        k->from = e->from;
        k->to = e->to;
        *rank = 3;
    } else if (retold_story (c->x)) {
        /* News tell the day of the decision ("Ngày 12/01/2018, Ủy ban
         * ... đã ban hành quyết định xử phạt"), else a time near it. */
        it = entity_at (list, start);
        while ((e = next_entity (list, &it, start, end,
                                 TRACUU_ENTITY_DATE)) != NULL
               && !fine_time (c, e))
            ;
        if (e != NULL)
            *rank = 3;
        else if (period == NULL) {
            size_t at = 0;
            int year = holiday_year_before (c, start, &at);

            e = story_time (c, start);
            *rank = e == NULL ? 0 : e->start < start ? 2 : 1;
            if (year > 0 && (e == NULL || e->start > start || e->start < at)) {
                /* "Tết Nguyên đán Kỷ Hợi 2019" is nearer. */
                e = NULL;
                *rank = 2;
                k->from = year * 10000 + 101;
                k->to = year * 10000 + 1231;
                snprintf (day, sizeof day, "%04d", year);
                period = day;
            }
        }
        if (e != NULL && e->kind == TRACUU_ENTITY_PERIOD && e->value != NULL) {
            period = e->value;
            k->from = e->from;
            k->to = e->to;
        } else if (e != NULL && e->from > 19000000 && e->from == e->to
                   && e->from % 100 != 0) {
            tracuu_extract__period_name (e->from, e->to, day);
            period = day;
            k->from = e->from;
            k->to = e->to;
        }
    }
    if (period != NULL)
        k->period = tracuu_extract__strndup (c->rc, period, strlen (period));
}

/* "xử phạt Sơn và Đức mỗi người 7,5 triệu đồng", "Hải, Nam và Tuấn mỗi
 * người ...": the names joined by "và" or commas just before "mỗi", as
 * news call people after the first mention, by their given name. Their
 * number when two or more, else -1. */
static int64_t
names_before_each (const ctx_t *c, size_t a, size_t b)
{
    const tracuu_text_t *text = c->text;

    for (size_t i = a + 1; i < b; i++) {
        int64_t names = 0;
        size_t k = i;
        int in_name = 0;

        if (!is_word (text, i, "mỗi"))
            continue;
        while (k-- > a) {
            const tracuu_token_t *t = &text->tokens[k];

            if ((t->flags & TRACUU_TOKEN_CAPITAL) && !(t->flags & TRACUU_TOKEN_NUMBER)
                && k > a && !tracuu_extract__gap_ends_sentence (text, k - 1)) {
                if (!in_name)
                    names++;
                in_name = 1;
                /* "Sơn, Đức": a comma ends the name before. */
                if (tracuu_extract__gap_is (text, k - 1, ","))
                    in_name = 0;
                continue;
            }
            if (in_name && is_word (text, k, "và")) {
                in_name = 0;
                continue;
            }
            break;
        }
        return names >= 2 ? names : -1;
    }
    return -1;
}

/* Append a new case slot to x->cases. */
static tracuu_case_t *
new_case (ctx_t *c, long clause)
{
    tracuu_extraction_t *x = c->x;
    size_t idx;

    if (*c->rc)
        return NULL;
    if (x->n_cases == x->alloc_cases) {
        tracuu_case_t *cases = tracuu_array__grow (c->rc, x->cases,
                                                   &x->alloc_cases,
                                                   x->n_cases + 1,
                                                   sizeof *cases);

        if (cases == NULL)
            return NULL;
        x->cases = cases;
    }
    idx = x->n_cases++;
    memset (&x->cases[idx], 0, sizeof x->cases[idx]);
    x->cases[idx].parent = -1;
    x->cases[idx].amount_vnd = -1;
    c->case_clause[idx - c->first_case] = clause;
    c->clause_case[clause] = (long) idx;
    return &x->cases[idx];
}

static void
add_source (tracuu_status_t *rc, const tracuu_text_t *text,
            tracuu_case_t *k, const char *file, size_t start, size_t end)
{
    tracuu_case_source_t *grown;
    char *quote;

    if (*rc)
        return;
    quote = tracuu_extract__strndup (rc, text->text + start, end - start);
    grown = tracuu_array__grow_counted (rc, (void *) k->sources, k->n_sources,
                                        sizeof *grown);
    if (*rc || grown == NULL) {
        free (quote);
        if (*rc == TRACUU_STATUS_OK)
            *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    grown[k->n_sources++] = (tracuu_case_source_t) {
        file, tracuu_text_line_at (text, start), start, end, quote
    };
    k->sources = grown;
}

/* Where the sanction of tokens [a, b) stands; 'trigger' is the token
 * of its measure. '*said' is set when a word of the clause says so. */
static tracuu_case_status_t
clause_status (const ctx_t *c, size_t a, size_t b, size_t trigger, int *said)
{
    int withdrawn = 0, proposed = 0, recorded = 0, decided = 0;

    for (size_t i = a; i < b;) {
        size_t label = 0;
        size_t n = tracuu_lexicon__match (c->statuses, c->text, i, b, &label);
        const char *name;

        if (n == 0) {
            i++;
            continue;
        }
        name = tracuu_lexicon__label (c->statuses, label);
        *said = 1;
        if (strcmp (name, "withdrawn") == 0)
            withdrawn = 1;
        else if (strcmp (name, "proposed") == 0)
            proposed |= i < trigger;
        else if (strcmp (name, "planned") == 0)
            proposed = 1;
        else if (strcmp (name, "recorded") == 0) {
            recorded = 1;
            /* "lập biên bản xử phạt 1 triệu đồng": the record of a fine
             * imposed on the spot, a "biên bản xử phạt" ("lập biên bản
             * hành chính xử phạt A": written up to be fined). */
            if (n >= 2 && is_word (c->text, i + n - 1, "bản")
                && is_word (c->text, i + n - 2, "biên")
                && is_word (c->text, i + n, "xử") && is_word (c->text, i + n + 1, "phạt"))
                decided = 1;
        } else
            decided = 1;
        i += n;
        /* "lập biên bản ..., phạt 2 triệu đồng": a fine of its own after
         * the record. */
        for (size_t k = i; recorded && k < b; k++)
            if (is_word (c->text, k, "phạt")
                && (tracuu_extract__gap_is (c->text, k - 1, ",")
                    || (is_word (c->text, k - 1, "xử")
                        && tracuu_extract__gap_is (c->text, k - 2, ","))))
                decided = 1;
    }
    if (withdrawn)
        return TRACUU_CASE_WITHDRAWN;
    if (proposed)
        return TRACUU_CASE_PROPOSED;
    if (recorded && !decided)
        return TRACUU_CASE_RECORDED;
    return TRACUU_CASE_DECIDED;
}

/* The amount of draft 'd' is each violator's: "mỗi người bị phạt 5
 * triệu", "phạt mỗi cơ sở 10 triệu", "1,6 triệu đồng/trường hợp". */
static int
per_violator (const ctx_t *c, const draft_t *d)
{
    const tracuu_entity_t *m;
    size_t t = d->tok;

    if (d->money < 0)
        return 0;
    m = &c->x->entities.items[d->money];
    for (size_t i = d->tok; i < d->tok_end; i++)
        if (is_word (c->text, i, "mỗi") && i + 1 < d->tok_end
            && !(c->text->tokens[i + 1].flags & TRACUU_TOKEN_NUMBER)
            && !is_word (c->text, i + 1, "năm")
            && !is_word (c->text, i + 1, "tháng")
            && !is_word (c->text, i + 1, "ngày")
            && !is_word (c->text, i + 1, "lần"))
            return 1;
    while (t < d->tok_end && c->text->tokens[t].end <= m->end)
        t++;
    return t < c->text->n_tokens && t > 0
           && tracuu_extract__gap_is (c->text, t - 1, "/")
           && (is_word (c->text, t, "trường") || is_word (c->text, t, "người")
               || is_word (c->text, t, "xe") || is_word (c->text, t, "cơ"));
}

/* The number of violators a per-violator amount applies to, told in
 * the clauses before ("xử phạt 7 tài xế ... Mỗi người bị phạt ..."), or
 * -1. */
/* Clause 'ci' adds violators to those told just before ("Ngoài ra, một
 * tài xế khác cũng bị lập biên bản ..."): the number counted in the
 * three clauses before it, else 0. "6 tài xế ... Ngoài ra, một tài xế
 * ... cũng ... Mỗi tài xế này bị xử phạt 1,6 triệu đồng" is 7. */
static int64_t
also_before (const ctx_t *c, size_t ci)
{
    const tracuu_clause_t *cl = &c->clauses[ci];
    int also = is_word (c->text, cl->tok, "ngoài")
               && is_word (c->text, cl->tok + 1, "ra");

    for (size_t i = cl->tok; i < cl->tok_end && !also; i++)
        also = is_word (c->text, i, "cũng");
    for (size_t back = 1; also && back <= 3 && back <= ci; back++) {
        const tracuu_clause_t *p = &c->clauses[ci - back];
        count_t counts[8];
        size_t n = counts_in (c, p->start, p->tok, p->tok_end, counts, 8);

        for (size_t i = n; i-- > 0;)
            if (counts[i].kind != NOUN_CONTENT && !counts[i].in_parens)
                return counts[i].value;
    }
    return 0;
}

/* The fine told in the two clauses before clause ci of case k, or
 * NULL. */
static const tracuu_case_t *
fine_just_before (const ctx_t *c, size_t ci, const tracuu_case_t *k)
{
    size_t idx = (size_t) (k - c->x->cases);
    const tracuu_case_t *prev;
    long pc;

    if (idx <= c->first_case)
        return NULL;
    prev = &c->x->cases[idx - 1];
    pc = c->case_clause[idx - 1 - c->first_case];
    return prev->action == TRACUU_CASE_FINE && pc >= 0 && ci - (size_t) pc <= 2
           ? prev : NULL;
}

static int64_t
violators_before (const ctx_t *c, size_t ci, const tracuu_case_t *k)
{
    const tracuu_case_t *prev = fine_just_before (c, ci, k);

    /* The fine just before names them ("xử phạt Ngô Văn A và Tô Văn B
     * 14 triệu đồng. Mỗi trường hợp ... 7 triệu đồng"). */
    if (prev != NULL) {
        if (prev->violators > 0)
            return prev->violators;
        if (prev->n_people > 1)
            return (int64_t) prev->n_people;
    }
    for (size_t back = 1; back <= 3 && back <= ci; back++) {
        const tracuu_clause_t *p = &c->clauses[ci - back];
        count_t counts[8];
        size_t n = counts_in (c, p->start, p->tok, p->tok_end, counts, 8);

        for (size_t i = n; i-- > 0;)
            if (counts[i].kind != NOUN_CONTENT && !counts[i].in_parens)
                return counts[i].value + also_before (c, ci - back);
    }
    /* "... đối với các cá nhân: ông A; bà B, bà C. Theo đó, mỗi cá nhân
     * này bị phạt ...": the people named in the sentence before. */
    {
        const tracuu_entities_t *list = &c->x->entities;
        size_t sentence = c->clauses[ci].sentence, from = ci, people = 0;
        const tracuu_entity_t *e, *seen[16];

        while (from > 0 && c->clauses[from - 1].sentence + 1 >= sentence
               && ci - from < 8)
            from--;
        if (from < ci) {
            size_t it = entity_at (list, c->clauses[from].start);

            while ((e = next_entity (list, &it, c->clauses[from].start,
                                     c->clauses[ci].start,
                                     TRACUU_ENTITY_PERSON)) != NULL) {
                size_t j;

                if (speaker (c, e))
                    continue;
                for (j = 0; j < people && j < 16; j++)
                    if (strcmp (seen[j]->value, e->value) == 0)
                        break;
                if (j == people && people < 16)
                    seen[people++] = e;
            }
        }
        if (people > 1)
            return (int64_t) people;
    }
    return -1;
}

/* The kinds of violator the segment of draft 'd' names: after the
 * measure, or before it in the passive ("Công ty ... bị phạt"). */
static uint32_t
violator_kinds_of (const ctx_t *c, const draft_t *d, const tracuu_case_t *k)
{
    uint32_t bits = k->n_people > 0 ? TRACUU_VIOLATOR_INDIVIDUAL : 0;
    size_t from = d->trigger;

    for (size_t i = d->tok; i <= d->trigger && i < d->tok_end; i++)
        if (is_word (c->text, i, "bị")) {
            from = d->tok;
            break;
        }
    for (size_t i = from; i < d->tok_end;) {
        size_t label = 0;
        size_t n = tracuu_lexicon__match (c->violator_kinds, c->text, i,
                                          d->tok_end, &label);
        const char *name;

        if (n == 0) {
            i++;
            continue;
        }
        name = tracuu_lexicon__label (c->violator_kinds, label);
        if (strcmp (name, "stop") == 0)
            break;
        for (unsigned b = 0; b < TRACUU_VIOLATOR_KIND_COUNT; b++)
            if (strcmp (name, tracuu_case_violator_kind_name (b)) == 0)
                bits |= 1u << b;
        i += n;
    }
    return bits;
}

static int called_total (const ctx_t *c, const tracuu_clause_t *cl,
                         const tracuu_entity_t *money);

/* Turn draft 'd' of clause 'ci' into a case. */
static void
commit (ctx_t *c, size_t ci, const draft_t *d)
{
    const tracuu_clause_t *cl = &c->clauses[ci];
    const tracuu_entities_t *list = &c->x->entities;
    tracuu_case_t *k = new_case (c, (long) ci);
    const char *province;
    int said = 0, named;
    char *agency;

    if (k == NULL)
        return;
    k->action = d->action;
    k->measures = d->measures & ~(1u << d->action);
    k->categories = d->categories;
    k->flags = d->flags;
    if (cl->flags & TRACUU_CLAUSE_HEADLINE)
        k->flags |= TRACUU_CASE_HEADLINE;
    if (cl->flags & TRACUU_CLAUSE_FOOTNOTE) {
        k->flags |= TRACUU_CASE_FOOTNOTE;
        k->footnote = cl->footnote;
    }
    if (d->money >= 0) {
        const tracuu_entity_t *m = &list->items[d->money];

        k->amount_vnd = m->number;
        if (m->flags & TRACUU_ENTITY_APPROXIMATE) {
            size_t t = d->tok;

            k->flags |= TRACUU_CASE_APPROXIMATE;
            while (t < d->tok_end && c->text->tokens[t].start < m->start)
                t++;
            c->approx_lean[(size_t) (k - c->x->cases) - c->first_case]
                = is_word (c->text, t, "hơn") || is_word (c->text, t, "trên") ? 1
                  : is_word (c->text, t, "gần") ? -1 : 0;
        }
    }
    set_violators (c, d, cl, k);
    add_subjects (c, d->tok, d->tok_end, k);
    if (d->action == TRACUU_CASE_FINE && per_violator (c, d)
        && !called_total (c, cl, &list->items[d->money])) {
        k->flags |= TRACUU_CASE_PER_VIOLATOR;
        /* "đối với ông A và ông B ... mỗi người 1,5 tỷ đồng": the people
         * the clause names, else those told before. */
        if (k->violators < 0 && k->n_people > 1)
            k->violators = (int64_t) k->n_people;
        if (k->violators < 0)
            k->violators = names_before_each (c, d->tok, d->tok_end);
        if (k->violators < 0)
            k->violators = violators_before (c, ci, k);
    }
    k->violator_kinds = violator_kinds_of (c, d, k);
    if (d->borrowed >= 0)
        add_subjects (c, c->clauses[d->borrowed].tok,
                      c->clauses[d->borrowed].tok_end, k);
    if (k->violators > 1 || k->n_people > 1 || k->n_accounts > 1)
        k->flags |= TRACUU_CASE_AGGREGATE;
    agency = subject_agency (c, cl->tok, d->clause_trigger);
    if (agency == NULL && c->x->meta.agency != NULL)
        agency = tracuu_extract__strndup (c->rc, c->x->meta.agency,
                                          strlen (c->x->meta.agency));
    k->agency = agency;
    province = retold_story (c->x) ? NULL : case_province (c, d->tok, d->tok_end);
    named = province != NULL;
    if (retold_story (c->x))
        province = story_province (c, d->tok, d->tok_end, d->clause_trigger,
                                   d->categories, &named);
    else if (province == NULL)
        province = c->x->meta.province;
    /* "Mỗi trường hợp bị phạt 7 triệu đồng": each one's share of the
     * fine just told is where that fine is. */
    if ((k->flags & TRACUU_CASE_PER_VIOLATOR) && !named) {
        const tracuu_case_t *prev = fine_just_before (c, ci, k);

        if (prev != NULL && prev->province != NULL)
            province = prev->province;
    }
    if (province != NULL)
        k->province = tracuu_extract__strndup (c->rc, province,
                                               strlen (province));
    c->place_named[(size_t) (k - c->x->cases) - c->first_case] = (signed char) named;
    set_period (c, d->tok, d->tok_end, k);
    k->status = clause_status (c, cl->tok, cl->tok_end, d->clause_trigger,
                               &said);
    /* "Theo thiếu tá A, tài xế sẽ bị xử phạt ...": the officer's unit has
     * written the violation up and says what the fine will be; it is not
     * decided yet (after "Theo quyết định", "Theo đó" it is the
     * decision's). */
    if (k->status == TRACUU_CASE_DECIDED && is_word (c->text, cl->tok, "theo")
        && !(is_word (c->text, cl->tok + 1, "quyết")
             && is_word (c->text, cl->tok + 2, "định"))
        && !is_word (c->text, cl->tok + 1, "đó"))
        for (size_t i = cl->tok; i < d->clause_trigger; i++)
            if (is_word (c->text, i, "sẽ")) {
                k->status = TRACUU_CASE_RECORDED;
                said = 1;
            }
    c->status_said[(size_t) (k - c->x->cases) - c->first_case]
        = (signed char) said;
    if (d->money >= 0 && called_total (c, cl, &list->items[d->money]))
        c->is_total[(size_t) (k - c->x->cases) - c->first_case] = 1;
    set_key (c, d, k);
    add_source (c->rc, c->text, k, c->x->file, d->src_start,
                seg_end (c, d->tok_end));
}

/* The measures worded in tokens [a, b): bits, and the main one. */
static uint32_t
actions_in (const ctx_t *c, size_t a, size_t b, int have_money,
            size_t *trigger_out, int *main_out)
{
    static const int rank[TRACUU_CASE_ACTION_LAST] = {
        /* fine */ 5, /* takedown */ 2, /* lock */ 3, /* warning */ 1,
        /* prosecution */ 4, /* other */ 0
    };
    uint32_t bits = 0;
    int best = -1;

    for (size_t i = a; i < b;) {
        size_t label = 0;
        size_t n = tracuu_lexicon__match (c->actions, c->text, i, b, &label);
        const char *name;
        int act;

        if (n == 0) {
            i++;
            continue;
        }
        name = tracuu_lexicon__label (c->actions, label);
        act = action_from_label (name);
        if (strcmp (name, "fine_if_amount") == 0 && have_money)
            act = TRACUU_CASE_FINE;
        if (act >= 0) {
            bits |= 1u << act;
            if (best < 0 || rank[act] > rank[best]) {
                best = act;
                *trigger_out = i;
            }
        }
        i += n;
    }
    *main_out = best;
    return bits;
}

/* "đã ... nhiều tài khoản": a done takedown of unnumbered targets. */
static int
vague_target_done (const ctx_t *c, size_t a, size_t b)
{
    int done = 0;

    for (size_t i = a; i < b; i++) {
        size_t label;

        if (is_word (c->text, i, "đã"))
            done = 1;
        if (done && (is_word (c->text, i, "nhiều")
                     || is_word (c->text, i, "các"))
            && tracuu_lexicon__match (c->nouns, c->text, i + 1, b, &label))
            return 1;
    }
    return 0;
}

/* A previous clause of the same line that made no case, within 'back'
 * clauses: for categories (want_subjects 0) or people and accounts. */
static long
previous_context (const ctx_t *c, size_t ci, int want_subjects)
{
    const tracuu_clause_t *cl = &c->clauses[ci];
    int refers_back = 0;

    /* Across a sentence end only when the clause points back ("các nội
     * dung nêu trên"). */
    for (size_t i = cl->tok; i + 1 < cl->tok_end; i++)
        if ((is_word (c->text, i, "nêu") || is_word (c->text, i, "như"))
            && is_word (c->text, i + 1, "trên"))
            refers_back = 1;
    for (size_t back = 1; back <= 3 && back <= ci; back++) {
        size_t p = ci - back;
        const tracuu_clause_t *pc = &c->clauses[p];

        if (pc->line != cl->line || c->clause_case[p] >= 0
            || (pc->sentence != cl->sentence && !refers_back))
            return -1;
        if (want_subjects ? has_subjects (c, pc->tok, pc->tok_end)
                          : categories_in (c, pc->tok, pc->tok_end) != 0)
            return (long) p;
    }
    return -1;
}

/* Tokens [a, b) say that what follows happens each time: "chỉ đóng
 * phạt", "thường bị phạt", "mỗi lần bị phạt" ("Khi bị kiểm tra, tài xế
 * không xuất trình được giấy tờ, bị phạt 5 triệu" tells one time). */
static int
habitual (const ctx_t *c, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (is_word (c->text, i, "chỉ") || is_word (c->text, i, "thường")
            || (is_word (c->text, i, "mỗi") && is_word (c->text, i + 1, "lần")))
            return 1;
    return 0;
}

/* The clause speaks of the future ("sẽ", "dự kiến" before the measure;
 * "thời gian tới") or of a hypothesis ("nếu", or "khi" of nobody named
 * with what happens each time,
 * when nothing says it was done: "Phạt 7,5 triệu đồng nếu vi phạm"). */
static int
planned (const ctx_t *c, const tracuu_clause_t *cl, size_t trigger)
{
    int done = 0, cond = 0;

    /* "Theo quyết định, công ty sẽ bị phạt ...", "Theo thiếu tá A, tài
     * xế sẽ bị xử phạt ...": what a decision or an officer says follows;
     * not "Theo quy định, ... sẽ bị phạt" (what the law provides). */
    int told = is_word (c->text, cl->tok, "theo")
               && !is_word (c->text, cl->tok + 1, "quy")
               && !is_word (c->text, cl->tok + 1, "luật")
               && !is_word (c->text, cl->tok + 1, "nghị")
               && !is_word (c->text, cl->tok + 1, "điều")
               && !is_word (c->text, cl->tok + 1, "khoản");

    for (size_t i = cl->tok; i < cl->tok_end; i++) {
        if (i < trigger && !told
            && (is_word (c->text, i, "sẽ")
                || (is_word (c->text, i, "dự") && is_word (c->text, i + 1, "kiến"))))
            return 1;
        if (is_word (c->text, i, "thời") && is_word (c->text, i + 1, "gian")
            && is_word (c->text, i + 2, "tới"))
            return 1;
        done |= is_word (c->text, i, "đã") || is_word (c->text, i, "vừa");
        cond |= is_word (c->text, i, "nếu");
        /* "lò mổ lậu khi bị phát hiện chỉ đóng phạt 8 triệu đồng": what
         * happens each time, told of nobody in particular ("sau khi bị
         * phát hiện": a time). */
        cond |= i < trigger && is_word (c->text, i, "khi")
                && is_word (c->text, i + 1, "bị")
                && !(i > cl->tok && (is_word (c->text, i - 1, "sau")
                                     || is_word (c->text, i - 1, "trước")
                                     || is_word (c->text, i - 1, "ngay")))
                && habitual (c, i, trigger)
                && !has_subjects (c, cl->tok, cl->tok_end);
    }
    return cond && !done;
}

/* The clause states what the law provides rather than what was done:
 * "mức phạt tiền tối đa ... là 100 triệu đồng", "khung phạt", "có thể bị
 * phạt". ("mức phạt là 20 triệu đồng" alone introduces a fine.) */
static int
normative (const ctx_t *c, const tracuu_clause_t *cl)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t it = entity_at (list, cl->start), end = cl->tok_end;
    const tracuu_entity_t *m = next_entity (list, &it, cl->start, cl->end,
                                            TRACUU_ENTITY_MONEY);

    /* The words before the first amount: after it they tell the
     * violation ("bị phạt 125 triệu đồng do không bảo đảm tối thiểu
     * 1/3 thành viên ..."). */
    if (m != NULL)
        for (end = cl->tok; end < cl->tok_end
                            && c->text->tokens[end].start < m->start; end++)
            ;
    /* "Công ty A bị xử phạt cao nhất với số tiền ...": the largest of the
     * fines told. */
    for (size_t i = cl->tok; i + 2 < end; i++)
        if (is_word (c->text, i, "bị")
            && (is_word (c->text, i + 1, "phạt")
                || (is_word (c->text, i + 1, "xử") && is_word (c->text, i + 2, "phạt")))) {
            size_t j = is_word (c->text, i + 1, "phạt") ? i + 2 : i + 3;

            if (is_word (c->text, j, "cao") && is_word (c->text, j + 1, "nhất")
                && (is_word (c->text, j + 2, "với") || is_word (c->text, j + 2, "là"))) {
                int may = 0;    /* "có thể bị phạt cao nhất là ...". */

                for (size_t k = cl->tok; k < end; k++)
                    may |= is_word (c->text, k, "có") && is_word (c->text, k + 1, "thể");
                return may;
            }
        }
    for (size_t i = cl->tok; i < end; i++) {
        if (is_word (c->text, i, "khung")
            && (is_word (c->text, i + 1, "phạt")
                || (is_word (c->text, i + 1, "xử") && is_word (c->text, i + 2, "phạt"))
                || (is_word (c->text, i + 1, "tiền") && is_word (c->text, i + 2, "phạt"))))
            return 1;
        if (is_word (c->text, i, "tối")
            && (is_word (c->text, i + 1, "đa") || is_word (c->text, i + 1, "thiểu")))
            return 1;
        /* "có thể bị phạt", "có thể đối mặt", "cao nhất là". */
        if (is_word (c->text, i, "có") && is_word (c->text, i + 1, "thể"))
            return 1;
        if (is_word (c->text, i, "cao") && is_word (c->text, i + 1, "nhất"))
            return 1;
    }
    return 0;
}

/* "tổng" (total) before the amount 'money' in clause 'cl', with no other
 * amount between them ("tổng số tiền phạt của cả nhóm là 90 triệu
 * đồng"), within twelve words. */
static int
called_total (const ctx_t *c, const tracuu_clause_t *cl,
              const tracuu_entity_t *money)
{
    size_t t = cl->tok;

    while (t < cl->tok_end && c->text->tokens[t].start < money->start)
        t++;
    for (size_t back = 1; back <= 12 && back <= t - cl->tok; back++) {
        const tracuu_entities_t *list = &c->x->entities;
        size_t k = entity_at (list, c->text->tokens[t - back].start);

        if (k < list->count && list->items[k].kind == TRACUU_ENTITY_MONEY
            && list->items[k].start < money->start
            && list->items[k].start == c->text->tokens[t - back].start)
            return 0;           /* Another amount in between. */
        if (is_word (c->text, t - back, "tổng"))
            return 1;
    }
    return 0;
}

/* The text between token 'i' and the next holds the character 'ch'. */
static int
gap_has (const tracuu_text_t *text, size_t i, char ch)
{
    size_t len;
    const char *g = tracuu_extract__gap (text, i, &len);

    return memchr (g, ch, len) != NULL;
}

/* Kinds of money-kinds.txt. */
enum { KIND_NONE = -1, KIND_FINE, KIND_OTHER, KIND_BOUND, KIND_FOREIGN };

/* The kind of the phrase of money-kinds.txt that ends just before token
 * 'end' and starts at or after 'from', or KIND_NONE; its first token in
 * *start_out. */
static int
kind_ending_at (const ctx_t *c, size_t from, size_t end, size_t *start_out)
{
    for (size_t len = end - from < 5 ? end - from : 5; len >= 1; len--) {
        size_t label = 0, i = end - len;

        /* A capital inside the clause is a name ("bà Lương Thị Yến"). */
        if (i > from && (c->text->tokens[i].flags & TRACUU_TOKEN_CAPITAL)
            && !(c->text->tokens[i].flags & TRACUU_TOKEN_ALLCAPS))
            continue;
        int blank = 1;

        /* Words of one phrase, not a list ("tiền chậm nộp, phạt"). */
        for (size_t k = i; k + 1 < end; k++)
            blank &= tracuu_extract__gap_blank (c->text, k);
        if (blank
            && tracuu_lexicon__match (c->money_kinds, c->text, i, end, &label)
               == len) {
            const char *name = tracuu_lexicon__label (c->money_kinds, label);

            *start_out = i;
            return strcmp (name, "fine") == 0 ? KIND_FINE
                   : strcmp (name, "other") == 0 ? KIND_OTHER
                   : strcmp (name, "bound") == 0 ? KIND_BOUND
                   : KIND_FOREIGN;
        }
    }
    return KIND_NONE;
}

/* Whether the amount 'e' of clause 'cl' is the amount of a fine, read
 * from the words before it: not a statutory range or bound ("từ 5 đến
 * 10 triệu", "phạt đến 40 triệu"), not money of another kind (the
 * nearest introducer is "truy thu", "thưởng", "giá"...), not one figure
 * of a fine and another kind ("truy thu và phạt 4 tỷ"). */
/* Remember amount 'e' of clause 'cl' as the bound of a range. */
static int
bound (ctx_t *c, const tracuu_clause_t *cl, const tracuu_entity_t *e)
{
    if (c->n_bounds < sizeof c->bounds / sizeof c->bounds[0]) {
        c->bounds[c->n_bounds] = e->number;
        c->bound_clause[c->n_bounds++] = (size_t) (cl - c->clauses);
    }
    return 0;
}

static int
fine_amount (ctx_t *c, const tracuu_clause_t *cl, const tracuu_entity_t *e)
{
    size_t t = cl->tok, start, last;
    int kind;

    if (e->flags & TRACUU_ENTITY_RANGE)
        return bound (c, cl, e);
    while (t < cl->tok_end && c->text->tokens[t].start < e->start)
        t++;
    kind = kind_ending_at (c, cl->tok, t, &start);
    if (kind == KIND_BOUND)
        return bound (c, cl, e);
    if (kind == KIND_FOREIGN && t > 0 && gap_has (c->text, t - 1, '(')) {
        /* A conversion: a fine's when the foreign amount is ("chịu mức phạt
         * 300 ngàn NDT (khoảng hơn 1 tỷ đồng)"), else none ("phải nộp 130
         * triệu USD (gần 3.000 tỷ đồng)"). */
        size_t f = start, s2;

        while (f > cl->tok
               && ((c->text->tokens[f - 1].flags & TRACUU_TOKEN_NUMBER)
                   || is_word (c->text, f - 1, "ngàn")
                   || is_word (c->text, f - 1, "nghìn")
                   || is_word (c->text, f - 1, "triệu")
                   || is_word (c->text, f - 1, "tỷ")
                   || is_word (c->text, f - 1, "tỉ")
                   || is_word (c->text, f - 1, "hơn")
                   || is_word (c->text, f - 1, "gần")
                   || is_word (c->text, f - 1, "khoảng")))
            f--;
        return f < start && kind_ending_at (c, cl->tok, f, &s2) == KIND_FINE;
    }
    /* "200.000.000 đồng đến 260.000.000 đồng", "30 - 40 triệu đồng". */
    last = t;
    while (last + 1 < c->text->n_tokens
           && c->text->tokens[last + 1].start < e->end)
        last++;
    if (last + 2 < c->text->n_tokens
        && (((is_word (c->text, last + 1, "đến") || is_word (c->text, last + 1, "tới"))
             && (c->text->tokens[last + 2].flags & TRACUU_TOKEN_NUMBER))
            || ((tracuu_extract__gap_is (c->text, last, "-")
                 || tracuu_extract__gap_is (c->text, last, "\xe2\x80\x93"))
                && (c->text->tokens[last + 1].flags & TRACUU_TOKEN_NUMBER))))
        return bound (c, cl, e);
    if (t > 0 && (tracuu_extract__gap_is (c->text, t - 1, "-")
                  || tracuu_extract__gap_is (c->text, t - 1, "\xe2\x80\x93"))
        && t >= 1 && is_word (c->text, t - 1, "đồng"))
        return bound (c, cl, e);
    for (size_t end = t; end > cl->tok; end--) {
        kind = kind_ending_at (c, cl->tok, end, &start);
        if (kind == KIND_NONE || kind == KIND_BOUND || kind == KIND_FOREIGN)
            continue;
        /* Far, or before ", với số tiền ...", which takes up the
         * sentence's measure again ("... thiếu số tiền thuế phải nộp,
         * với số tiền gần 60 triệu đồng"): it is another figure's. */
        if (kind == KIND_OTHER)
            return t - end > 8
                   || (gap_has (c->text, end - 1, ',') && is_word (c->text, end, "với")
                       && t - end <= 5);
        /* A fine phrase joined by "và" or a comma to another kind just
         * before it: one figure of both. */
        if (start > cl->tok) {
            size_t s2;

            if (is_word (c->text, start - 1, "và"))
                return kind_ending_at (c, cl->tok, start - 1, &s2)
                       != KIND_OTHER;
            if (tracuu_extract__gap_is (c->text, start - 1, ","))
                return kind_ending_at (c, cl->tok, start, &s2) != KIND_OTHER;
        }
        return 1;
    }
    return 1;
}

/* The text is a legal text or an excerpt of one (a decree quoted
 * article by article, a legal Q&A): three lines or more opening with
 * "Điều N" or with "Phạt tiền", or three statutory ranges or more (a
 * news article explaining one range twice is no legal text). */
static int
legal_text (const ctx_t *c)
{
    const tracuu_text_t *text = c->text;
    size_t articles = 0, ranges = 0;

    for (size_t i = 0; i < text->n_tokens; i++) {
        if (!tracuu_extract__starts_line (text, i))
            continue;
        if ((is_word (text, i, "điều") && i + 1 < text->n_tokens
             && (text->tokens[i + 1].flags & TRACUU_TOKEN_NUMBER)
             && (text->tokens[i].flags & TRACUU_TOKEN_CAPITAL))
            || (is_word (text, i, "phạt") && is_word (text, i + 1, "tiền")))
            articles++;
    }
    for (size_t k = 0; k < c->x->entities.count; k++)
        ranges += c->x->entities.items[k].kind == TRACUU_ENTITY_MONEY
                  && (c->x->entities.items[k].flags & TRACUU_ENTITY_RANGE);
    return articles >= 3 || ranges >= 6;
}

/* Clause 'cl' tells a fine that was imposed, not what the law provides:
 * it names who ("ông ...", an account), or says it was done ("đã",
 * "vừa"), or when ("ngày 5/3/2024"). */
static int
imposed (const ctx_t *c, const tracuu_clause_t *cl)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t it = entity_at (list, cl->start);

    if (has_subjects (c, cl->tok, cl->tok_end)
        || next_entity (list, &it, cl->start, cl->end, TRACUU_ENTITY_DATE))
        return 1;
    for (size_t i = cl->tok; i < cl->tok_end; i++)
        if (is_word (c->text, i, "đã") || is_word (c->text, i, "vừa"))
            return 1;
    return 0;
}

/* Between amounts 'a' and 'b' of clause 'cl' a word lists parts
 * ("..., trong đó, ..."; "..., cụ thể: ..."). */
static int
parts_follow (const ctx_t *c, const tracuu_clause_t *cl,
              const tracuu_entity_t *a, const tracuu_entity_t *b)
{
    size_t label;

    for (size_t i = cl->tok; i < cl->tok_end; i++) {
        if (c->text->tokens[i].start < a->end)
            continue;
        if (c->text->tokens[i].start >= b->start)
            break;
        if (i > 0 && gap_has (c->text, i - 1, ',')
            && tracuu_lexicon__match_tagged (c->money_words, c->text, i,
                                             cl->tok_end, "part", &label) > 0)
            return 1;
    }
    return 0;
}

static int lists_parts (const ctx_t *c, size_t ci);

/* Clause 'ci', with no measure worded, lists the parts of the total
 * told just before ("... tổng số tiền 620 triệu đồng. Cụ thể: lĩnh vực
 * A 430 triệu đồng, ...; lĩnh vực B 117 triệu đồng"; "Trong đó, 1,5
 * triệu đồng về hành vi ..., 2 triệu đồng về ..."): each amount
 * 'money' is a fine, a part of that total. Returns how many were. */
static int
parts_without_wording (ctx_t *c, size_t ci, const size_t *money,
                       size_t n_money)
{
    const tracuu_clause_t *cl = &c->clauses[ci];
    const tracuu_entities_t *list = &c->x->entities;
    long total = -1;
    int64_t sum = 0;
    size_t from = cl->tok;
    int opens, made = 0;
    draft_t d;

    opens = lists_parts (c, ci)
            || (ci > 0 && c->clauses[ci - 1].sentence == cl->sentence
                && ((lists_parts (c, ci - 1)
                     && c->clauses[ci - 1].tok_end - c->clauses[ci - 1].tok <= 3)
                    || c->parts_clause == (long) ci - 1));
    if (!opens || c->x->n_cases <= c->first_case)
        return 0;
    /* The total: the last case, a fine with an amount for several
     * violators or called a total, told in this sentence or the two
     * before; with its parts so far. */
    for (size_t j = c->x->n_cases; j-- > c->first_case;) {
        const tracuu_case_t *t = &c->x->cases[j];
        long tc = c->case_clause[j - c->first_case];

        if (t->parent >= 0 && total < 0) {
            sum += t->amount_vnd > 0 ? t->amount_vnd : 0;
            continue;
        }
        if (t->action == TRACUU_CASE_FINE && t->amount_vnd > 0 && tc >= 0
            && c->clauses[tc].sentence + 2 >= cl->sentence
            && (c->is_total[j - c->first_case]
                || (t->flags & TRACUU_CASE_AGGREGATE)))
            total = (long) j;
        break;
    }
    if (total < 0)
        return 0;
    if (c->parts_clause != (long) ci - 1)
        sum = 0;
    memset (&d, 0, sizeof d);
    d.action = TRACUU_CASE_FINE;
    d.measures = 1u << TRACUU_CASE_FINE;
    d.borrowed = -1;
    for (size_t m = 0; m < n_money; m++) {
        const tracuu_entity_t *e = &list->items[money[m]];
        size_t to = from;

        while (to < cl->tok_end && c->text->tokens[to].start < e->end)
            to++;
        if (e->number <= 0 || (sum + e->number) * 10
                              > c->x->cases[total].amount_vnd * 11)
            break;
        sum += e->number;
        d.tok = from;
        d.tok_end = to;
        d.trigger = d.clause_trigger = from;
        d.money = (long) money[m];
        d.src_start = seg_start (c, from);
        d.categories = categories_in (c, from, to);
        commit (c, ci, &d);
        if (c->clause_case[ci] >= 0)
            c->x->cases[c->clause_case[ci]].parent = total;
        made++;
        from = to;
    }
    if (made > 0)
        c->parts_clause = (long) ci;
    return made;
}

static void
clause_cases (ctx_t *c, size_t ci)
{
    const tracuu_clause_t *cl = &c->clauses[ci];
    const tracuu_entities_t *list = &c->x->entities;
    size_t money[8], n_money = 0, it = entity_at (list, cl->start);
    const tracuu_entity_t *e;
    size_t trigger = cl->tok;
    int main_action;
    uint32_t bits;
    count_t counts[16];
    size_t n_counts;
    int concrete;
    draft_t d;

    size_t bounds_before = c->n_bounds;

    while (n_money < 8 && (e = next_entity (list, &it, cl->start, cl->end,
                                            TRACUU_ENTITY_MONEY)) != NULL)
        if (fine_amount (c, cl, e))
            money[n_money++] = (size_t) (e - list->items);
    bits = actions_in (c, cl->tok, cl->tok_end, n_money > 0, &trigger,
                       &main_action);
    /* A clause with a statutory range: amounts told before the measure
     * are the hypothesis ("dù chỉ 150 nghìn đồng hay 200 nghìn đồng cũng
     * bị xử phạt từ 3 triệu đồng đến 5 triệu đồng"). */
    if (c->n_bounds > bounds_before && main_action >= 0) {
        size_t w = 0;

        for (size_t m = 0; m < n_money; m++)
            if (list->items[money[m]].start >= c->text->tokens[trigger].start)
                money[w++] = money[m];
        n_money = w;
    }
    if (main_action != TRACUU_CASE_FINE && n_money > 0 && !c->legal
        && parts_without_wording (c, ci, money, n_money) && main_action < 0)
        return;
    if (main_action < 0 || planned (c, cl, trigger) || normative (c, cl)
        || (c->legal && !imposed (c, cl)))
        return;
    n_counts = counts_in (c, cl->start, cl->tok, cl->tok_end, counts, 16);
    concrete = n_counts > 0 || has_subjects (c, cl->tok, cl->tok_end);
    if (main_action != TRACUU_CASE_FINE)
        n_money = 0;
    if (main_action == TRACUU_CASE_FINE) {
        concrete = concrete || n_money > 0;
    } else if (main_action == TRACUU_CASE_TAKEDOWN && !concrete) {
        concrete = vague_target_done (c, cl->tok, cl->tok_end);
        /* "...; buộc gỡ bỏ thông tin sai sự thật": a further measure of
         * the fine just before. */
        if (!concrete && ci > 0 && c->clause_case[ci - 1] >= 0
            && c->clauses[ci - 1].sentence == cl->sentence) {
            c->x->cases[c->clause_case[ci - 1]].measures |= bits;
            return;
        }
    }
    if (!concrete)
        return;
    if ((cl->flags & TRACUU_CLAUSE_HEADLINE)
        && (main_action != TRACUU_CASE_FINE || n_money == 0))
        return;
    memset (&d, 0, sizeof d);
    d.action = (tracuu_case_action_t) main_action;
    d.measures = bits;
    d.trigger = trigger;
    d.clause_trigger = trigger;
    d.money = -1;
    d.borrowed = -1;
    d.categories = categories_in (c, cl->tok, cl->tok_end);
    if (d.categories == 0) {
        long p = previous_context (c, ci, 0);

        if (p >= 0)
            d.categories = categories_in (c, c->clauses[p].tok,
                                          c->clauses[p].tok_end);
    }
    d.src_start = cl->start;
    if (main_action == TRACUU_CASE_FINE && n_counts == 0
        && !has_subjects (c, cl->tok, cl->tok_end)) {
        d.borrowed = previous_context (c, ci, 1);
        if (d.borrowed >= 0)
            d.src_start = c->clauses[d.borrowed].start;
    }
    /* Several amounts, none of them a total: one fine per amount, each
     * with the violators named before it. */
    if (n_money > 1) {
        int total = 0;

        for (size_t m = 0; m < n_money; m++)
            total |= called_total (c, cl, &list->items[money[m]]);
        /* "xử phạt 11 tổ chức, cá nhân với số tiền 301 triệu đồng, trong
         * đó, tổ chức 205 triệu đồng ...": the first amount is the total
         * of the ones after "trong đó". */
        if (!total && parts_follow (c, cl, &list->items[money[0]],
                                    &list->items[money[1]]))
            total = 2;
        if (!total) {
            size_t from = cl->tok;

            for (size_t m = 0; m < n_money; m++) {
                size_t to = from;

                while (to < cl->tok_end && c->text->tokens[to].start
                       < list->items[money[m]].end)
                    to++;
                d.tok = from;
                d.tok_end = to;
                d.money = (long) money[m];
                if (d.trigger < from || d.trigger >= to)
                    d.trigger = from;
                d.src_start = seg_start (c, from);
                commit (c, ci, &d);
                from = to;
            }
            return;
        }
    }
    d.tok = cl->tok;
    d.tok_end = cl->tok_end;
    if (n_money > 0) {
        d.money = (long) money[0];
        /* Prefer the amount introduced as a total. */
        for (size_t m = 0; m < n_money; m++)
            if (called_total (c, cl, &list->items[money[m]]))
                d.money = (long) money[m];
    }
    if (n_money > 1) {
        /* The total's segment ends at its amount. */
        size_t to = cl->tok;

        while (to < cl->tok_end && c->text->tokens[to].start
               < list->items[d.money].end)
            to++;
        if (d.money == (long) money[0] && to < cl->tok_end)
            d.tok_end = to;
    }
    commit (c, ci, &d);
    d.tok_end = cl->tok_end;
    if (n_money > 1 && c->clause_case[ci] >= 0) {
        /* The other amounts of a clause with a total are its parts
         * ("mỗi căn hộ bị phạt 120 triệu đồng, tổng số tiền phạt là 4,2
         * tỷ đồng"). */
        long total = c->clause_case[ci];
        int64_t whole = c->x->cases[total].amount_vnd;
        size_t from = cl->tok;

        c->is_total[(size_t) total - c->first_case] = 1;
        for (size_t m = 0; m < n_money; m++) {
            size_t to = from;
            draft_t part = d;

            while (to < cl->tok_end && c->text->tokens[to].start
                   < list->items[money[m]].end)
                to++;
            if ((long) money[m] != d.money && list->items[money[m]].number < whole) {
                part.tok = from;
                part.tok_end = to;
                part.money = (long) money[m];
                if (part.trigger < from || part.trigger >= to)
                    part.trigger = from;
                part.src_start = seg_start (c, from);
                part.borrowed = -1;
                commit (c, ci, &part);
                if (c->clause_case[ci] >= 0 && c->clause_case[ci] != total)
                    c->x->cases[c->clause_case[ci]].parent = total;
            }
            from = to;
        }
        c->clause_case[ci] = total;
    }
}

/* Clause 'ci' opens with a word that lists parts ("Trong đó, ..."). */
static int
lists_parts (const ctx_t *c, size_t ci)
{
    size_t label;

    return tracuu_lexicon__match_tagged (c->money_words, c->text,
                                         c->clauses[ci].tok,
                                         c->clauses[ci].tok_end, "part",
                                         &label) > 0;
}

/* Parts of a stated total told after it: a fine of a clause that opens
 * with "Trong đó", "Cụ thể", "Còn lại"... (and the fines after it in
 * its sentence) within three sentences of a total or an aggregate with
 * a larger amount, while the parts add up to no more than it. And, in
 * a news article, the fines of one sentence that add up to the amount
 * of a fine told before (a headline's "hơn 27 triệu" for 25 + 2,5
 * triệu). */
/* In a news article, a fine whose amount is a bound of a range told in
 * the next three sentences is that range told short ("bị phạt 750.000
 * đồng" in the headline, "phạt từ 500.000 đồng đến 750.000 đồng" in the
 * body): it has no amount of its own. */
static void
drop_range_bounds (ctx_t *c)
{
    if (!retold_story (c->x))
        return;
    for (size_t i = c->first_case; i < c->x->n_cases; i++) {
        tracuu_case_t *k = &c->x->cases[i];
        long kc = c->case_clause[i - c->first_case];

        for (size_t b = 0; kc >= 0 && k->amount_vnd >= 0 && b < c->n_bounds; b++)
            if (c->bounds[b] == k->amount_vnd
                && c->bound_clause[b] != (size_t) kc
                && c->clauses[c->bound_clause[b]].sentence
                   >= c->clauses[kc].sentence
                && c->clauses[c->bound_clause[b]].sentence
                   <= c->clauses[kc].sentence + 3) {
                /* And its other mentions that name no one (a caption). */
                for (size_t j = c->first_case; j < c->x->n_cases; j++) {
                    tracuu_case_t *o = &c->x->cases[j];

                    if (j != i && o->amount_vnd == k->amount_vnd
                        && o->action == TRACUU_CASE_FINE
                        && o->n_people == 0 && o->n_accounts == 0)
                        o->amount_vnd = -1;
                }
                k->amount_vnd = -1;
            }
    }
}

static void
link_parts (ctx_t *c)
{
    tracuu_extraction_t *x = c->x;

    /* "... 14 triệu đồng đối với A và B. Mỗi trường hợp bị phạt 7 triệu
     * đồng": each violator's share of the fine just before. */
    /* And the same share told after the total a few sentences later
     * ("8 đối tượng bị phạt 28 triệu đồng ... mỗi đối tượng 3,5 triệu"). */
    for (size_t i = c->first_case; i < x->n_cases; i++) {
        tracuu_case_t *p = &x->cases[i];
        long pc = c->case_clause[i - c->first_case];

        if (!(p->flags & TRACUU_CASE_PER_VIOLATOR) || p->violators <= 1
            || p->amount_vnd <= 0 || pc < 0)
            continue;
        for (size_t j = i; j-- > c->first_case;) {
            tracuu_case_t *t = &x->cases[j];
            long tc = c->case_clause[j - c->first_case];

            if (tc < 0 || (j + 1 < i
                           && c->clauses[pc].sentence
                              > c->clauses[tc].sentence + 3))
                break;
            if (t->action == TRACUU_CASE_FINE && t->parent < 0
                && !(t->flags & TRACUU_CASE_PER_VIOLATOR)
                && t->amount_vnd == p->amount_vnd * p->violators) {
                p->parent = (long) j;
                break;
            }
        }
        /* Or the total told after the share, in the next sentences. */
        for (size_t j = i + 1; p->parent < 0 && j < x->n_cases; j++) {
            tracuu_case_t *t = &x->cases[j];
            long tc = c->case_clause[j - c->first_case];

            if (tc < 0 || c->clauses[tc].sentence > c->clauses[pc].sentence + 3)
                break;
            if (t->action == TRACUU_CASE_FINE && t->parent < 0
                && !(t->flags & TRACUU_CASE_PER_VIOLATOR)
                && t->amount_vnd == p->amount_vnd * p->violators)
                p->parent = (long) j;
        }
    }
    for (size_t i = c->first_case; i < x->n_cases; i++) {
        tracuu_case_t *p = &x->cases[i];
        long pc = c->case_clause[i - c->first_case];
        int64_t sum = 0;

        if (p->action != TRACUU_CASE_FINE || p->amount_vnd < 0 || p->parent >= 0
            || pc < 0 || !lists_parts (c, (size_t) pc))
            continue;
        for (size_t j = i; j-- > c->first_case;) {
            tracuu_case_t *t = &x->cases[j];
            long tc = c->case_clause[j - c->first_case];

            if (tc < 0 || c->clauses[pc].sentence > c->clauses[tc].sentence + 3)
                break;
            if (t->action != TRACUU_CASE_FINE || t->parent >= 0
                || t->amount_vnd <= p->amount_vnd
                || !(c->is_total[j - c->first_case]
                     || (t->flags & TRACUU_CASE_AGGREGATE)))
                continue;
            /* This part and the fines after it in its sentence. */
            for (size_t k = i; k < x->n_cases; k++) {
                tracuu_case_t *q = &x->cases[k];
                long qc = c->case_clause[k - c->first_case];

                if (qc < 0 || c->clauses[qc].sentence != c->clauses[pc].sentence
                    || q->action != TRACUU_CASE_FINE || q->amount_vnd < 0
                    || q->parent >= 0)
                    continue;
                if ((sum + q->amount_vnd) * 10 > t->amount_vnd * 11)
                    break;
                sum += q->amount_vnd;
                q->parent = (long) j;
            }
            break;
        }
    }
}

/* The fines of one later sentence of a news article whose amounts add
 * up to the amount of fine 'j' (rounded on the side its word says: the
 * headline's "hơn 27 triệu" for 25 + 2,5 triệu) are its parts. */
static void
link_sums (ctx_t *c)
{
    tracuu_extraction_t *x = c->x;

    if (!retold_story (x))
        return;
    for (size_t j = c->first_case; j < x->n_cases; j++) {
        tracuu_case_t *t = &x->cases[j];
        long tc = c->case_clause[j - c->first_case];
        int lean = c->approx_lean[j - c->first_case];

        if (t->action != TRACUU_CASE_FINE || t->amount_vnd <= 0 || t->parent >= 0
            || tc < 0)
            continue;
        for (size_t i = j + 1; i < x->n_cases;) {
            long ic = c->case_clause[i - c->first_case];
            size_t sentence, k, n = 0;
            int64_t sum = 0, d;
            int match;

            if (ic < 0) {
                i++;
                continue;
            }
            sentence = c->clauses[ic].sentence;
            for (k = i; k < x->n_cases; k++) {
                const tracuu_case_t *q = &x->cases[k];
                long qc = c->case_clause[k - c->first_case];

                if (qc < 0 || c->clauses[qc].sentence != sentence)
                    break;
                if (q->action == TRACUU_CASE_FINE && q->amount_vnd > 0
                    && q->parent < 0) {
                    sum += q->amount_vnd;
                    n++;
                }
            }
            d = sum > t->amount_vnd ? sum - t->amount_vnd : t->amount_vnd - sum;
            match = n >= 2 && sentence > c->clauses[tc].sentence
                    && (sum == t->amount_vnd
                        || ((t->flags & TRACUU_CASE_APPROXIMATE)
                            && d * 10 < t->amount_vnd
                            && !(lean > 0 && sum < t->amount_vnd)
                            && !(lean < 0 && sum > t->amount_vnd)));
            if (match) {
                for (size_t m = i; m < k; m++)
                    if (x->cases[m].action == TRACUU_CASE_FINE
                        && x->cases[m].amount_vnd > 0 && x->cases[m].parent < 0)
                        x->cases[m].parent = (long) j;
                break;
            }
            i = k > i ? k : i + 1;
        }
        /* Or consecutive fines of the next sentences that add up to it
         * exactly: a total told first, then each of its fines ("... bị
         * phạt 250 triệu đồng. Theo quyết định, công ty A bị phạt 120
         * triệu đồng ... Công ty B bị phạt 130 triệu đồng"). Mentions of
         * the total itself are skipped. */
        for (size_t i = j + 1; t->parent < 0 && i < x->n_cases; i++) {
            long ic = c->case_clause[i - c->first_case];
            int64_t sum = 0;
            size_t n = 0, k;

            if (ic < 0 || c->clauses[ic].sentence > c->clauses[tc].sentence + 12)
                break;
            if (c->clauses[ic].sentence <= c->clauses[tc].sentence)
                continue;
            for (k = i; k < x->n_cases && sum < t->amount_vnd; k++) {
                const tracuu_case_t *q = &x->cases[k];

                if (q->action != TRACUU_CASE_FINE || q->amount_vnd <= 0
                    || q->amount_vnd == t->amount_vnd)
                    continue;
                /* A share of this total told already ("mỗi người")
                 * counts; a part of another ends the run. */
                if (q->parent >= 0 && q->parent != (long) j)
                    break;
                /* "Sơn và Đức mỗi người 7,5 triệu đồng" is 15 triệu. */
                sum += q->amount_vnd * ((q->flags & TRACUU_CASE_PER_VIOLATOR)
                                        && q->violators > 1 ? q->violators : 1);
                n++;
            }
            /* A total told as "hơn 15 triệu": more, by less than a tenth. */
            if (lean > 0 && (t->flags & TRACUU_CASE_APPROXIMATE))
                while (k < x->n_cases && sum <= t->amount_vnd + t->amount_vnd / 10) {
                    const tracuu_case_t *q = &x->cases[k];
                    int64_t add;

                    if (q->action != TRACUU_CASE_FINE || q->amount_vnd <= 0
                        || (q->parent >= 0 && q->parent != (long) j))
                        break;
                    add = q->amount_vnd * ((q->flags & TRACUU_CASE_PER_VIOLATOR)
                                           && q->violators > 1 ? q->violators : 1);
                    if (sum + add > t->amount_vnd + t->amount_vnd / 10)
                        break;
                    sum += add;
                    n++;
                    k++;
                }
            if (n >= 2 && (sum == t->amount_vnd
                           || (lean > 0 && (t->flags & TRACUU_CASE_APPROXIMATE)
                               && sum > t->amount_vnd
                               && sum - t->amount_vnd < t->amount_vnd / 10))) {
                for (size_t m = i; m < k; m++)
                    if (x->cases[m].action == TRACUU_CASE_FINE
                        && x->cases[m].amount_vnd > 0
                        && x->cases[m].amount_vnd != t->amount_vnd)
                        x->cases[m].parent = (long) j;
                break;
            }
        }
    }
}

/* The clauses of the sentence after the one of clause 'ci', and the
 * rest of its own: [*from, *to). */
static void
following_clauses (const ctx_t *c, size_t ci, size_t *from, size_t *to)
{
    size_t s = c->clauses[ci].sentence, k = ci + 1;

    *from = k;
    while (k < c->n_clauses && c->clauses[k].sentence <= s + 1)
        k++;
    *to = k;
}

/* The first line of the text that holds a word: a news headline, or the
 * title of a report. */
static void
headline_tokens (const ctx_t *c, size_t *a, size_t *b)
{
    uint32_t line;

    *a = *b = 0;
    if (c->text->n_tokens == 0)
        return;
    line = c->text->tokens[0].line;
    while (*b < c->text->n_tokens && c->text->tokens[*b].line == line)
        (*b)++;
}

/* The categories of the sanction decrees of one field cited in sentence
 * 's' (decree-categories.txt), or 0. */
static uint32_t
decree_categories_in (const ctx_t *c, size_t s, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *lex = tracuu_lexicon__decree_categories (rc);
    const tracuu_entities_t *list = &c->x->entities;
    size_t from = SIZE_MAX, to = 0;
    uint32_t bits = 0;

    if (lex == NULL)
        return 0;
    for (size_t ci = 0; ci < c->n_clauses; ci++)
        if (c->clauses[ci].sentence == s) {
            if (from == SIZE_MAX)
                from = c->clauses[ci].start;
            to = c->clauses[ci].end;
        }
    for (size_t e = 0; e < list->count && from != SIZE_MAX; e++) {
        const tracuu_entity_t *r = &list->items[e];
        char *folded = NULL;
        size_t flen = 0;
        long label;

        if (r->kind != TRACUU_ENTITY_REFERENCE || r->start < from
            || r->start >= to || r->value == NULL
            || tracuu_fold (r->value, strlen (r->value), TRACUU_FOLD_ASCII,
                            &folded, &flen, NULL) != TRACUU_STATUS_OK)
            continue;
        label = tracuu_lexicon__lookup (lex, folded, flen);
        free (folded);
        if (label >= 0)
            bits |= tracuu_case_category_from_name (
                tracuu_lexicon__label (lex, (size_t) label));
    }
    return bits;
}

/* A fine whose clause, and the clause before it, name no category takes
 * that of a sanction decree of one field cited in its sentence ("...
 * theo Điều 6 Nghị định 100/2019/NĐ-CP": traffic). */
static void
categories_from_decrees (ctx_t *c, tracuu_status_t *rc)
{
    for (size_t i = c->first_case; i < c->x->n_cases; i++) {
        tracuu_case_t *k = &c->x->cases[i];
        long ci = c->case_clause[i - c->first_case];

        if (k->categories == 0 && ci >= 0)
            k->categories = decree_categories_in (
                c, c->clauses[ci].sentence, rc);
    }
}

/* Categories for the cases of a retold story that name none in their
 * clause or the one before: from the rest of their sentence and the next one (a case
 * without its own case), from the headline, else the category the whole
 * text names most often. News name the violation there. */
static void
infer_categories (ctx_t *c)
{
    unsigned counts[TRACUU_CATEGORY_COUNT] = { 0 };
    uint32_t dominant = 0, head;
    size_t a, b;
    unsigned best = 0, all = 0;

    if (!retold_story (c->x))
        return;
    for (size_t ci = 0; ci < c->n_clauses; ci++) {
        uint32_t bits, weak;

        if (c->clauses[ci].flags & TRACUU_CLAUSE_TABLE)
            continue;
        /* Who took part ("công bố cho các cơ quan báo chí") is not what
         * the text is about. */
        bits = categories_split (c, c->clauses[ci].tok, c->clauses[ci].tok_end,
                                 &weak);
        for (unsigned k = 0; k < TRACUU_CATEGORY_COUNT; k++)
            counts[k] += (bits >> k) & 1;
    }
    for (unsigned k = 0; k < TRACUU_CATEGORY_COUNT; k++)
        all += counts[k];
    for (unsigned k = 0; k < TRACUU_CATEGORY_COUNT; k++)
        if (counts[k] > best) {
            best = counts[k];
            dominant = (uint32_t) 1 << k;
        }
    headline_tokens (c, &a, &b);
    head = categories_in (c, a, b);
    for (size_t i = c->first_case; i < c->x->n_cases; i++) {
        tracuu_case_t *k = &c->x->cases[i];
        long ci = c->case_clause[i - c->first_case];
        size_t from, to;
        uint32_t weak;

        if (k->categories != 0 || ci < 0)
            continue;
        following_clauses (c, (size_t) ci, &from, &to);
        for (size_t n = from; n < to && k->categories == 0; n++) {
            count_t own[4];

            /* A list item after ';', or a clause with violators of its
             * own, tells another result. */
            if (c->clause_case[n] >= 0
                || memchr (c->text->text + c->clauses[n - 1].end, ';',
                           c->clauses[n].start - c->clauses[n - 1].end)
                || counts_in (c, c->clauses[n].start, c->clauses[n].tok,
                              c->clauses[n].tok_end, own, 4) > 0)
                break;
            /* What the next words do, not who took part. */
            k->categories = categories_split (c, c->clauses[n].tok,
                                              c->clauses[n].tok_end, &weak);
        }
        if (k->categories == 0)
            k->categories = head;
        /* The text's own subject, when it keeps to one: more than half
         * of the categories it names. */
        if (k->categories == 0 && best >= 2 && 2 * best > all)
            k->categories = dominant;
    }
}

/* The fields of what the violator of case 'k' did, told anywhere in a
 * story by name: "Theo cơ quan công an, Đỗ Văn A đã có hành vi '...
 * xúc phạm danh dự, nhân phẩm của người khác'", the fine told in the
 * next sentence. */
static uint32_t
acts_of (const ctx_t *c, const tracuu_case_t *k)
{
    const tracuu_entities_t *list = &c->x->entities;
    uint32_t bits = 0;
    size_t ci = 0;

    for (size_t it = 0; it < list->count; it++) {
        const tracuu_entity_t *e = &list->items[it];
        size_t t, j, weak_end;
        uint32_t weak;
        int same = 0;

        if (e->kind != TRACUU_ENTITY_PERSON)
            continue;
        for (size_t p = 0; p < k->n_people && !same; p++)
            same = strcmp (k->people[p], e->value) == 0;
        if (!same)
            continue;
        t = token_at (c->text, e->end);
        /* "A đã có hành vi", "A có hành vi", "A thực hiện hành vi". */
        for (j = t; j < t + 4 && j + 1 < c->text->n_tokens; j++)
            if (is_word (c->text, j, "hành") && is_word (c->text, j + 1, "vi"))
                break;
        if (!(j < t + 4 && j + 1 < c->text->n_tokens))
            continue;
        while (ci < c->n_clauses && c->clauses[ci].tok_end <= j)
            ci++;
        while (ci > 0 && c->clauses[ci].tok > j)
            ci--;
        if (ci >= c->n_clauses)
            break;
        weak_end = c->clauses[ci].tok_end;
        bits |= categories_split (c, j, weak_end, &weak);
    }
    return bits;
}

/* A named violator's acts, told apart from the fine, are its fields. */
static void
violator_acts (ctx_t *c)
{
    if (!retold_story (c->x) || c->legal)
        return;
    for (size_t i = c->first_case; i < c->x->n_cases; i++) {
        tracuu_case_t *k = &c->x->cases[i];

        if (k->action == TRACUU_CASE_FINE && k->n_people > 0
            && !(k->flags & TRACUU_CASE_AGGREGATE))
            k->categories |= acts_of (c, k);
    }
}

/* Clause 'ci' sells or posts ("rao bán", "đăng bán", "bán hàng",
 * "livestream", "đăng tải"): its platform is where a violation took
 * place. */
static int
sells_or_posts (const ctx_t *c, size_t ci)
{
    const tracuu_clause_t *cl = &c->clauses[ci];

    for (size_t i = cl->tok; i < cl->tok_end; i++) {
        /* "được livestream trên Facebook": posted by someone else. */
        if (i > cl->tok && (is_word (c->text, i - 1, "được")
                            || is_word (c->text, i - 1, "bị")))
            continue;
        if (((is_word (c->text, i, "rao") || is_word (c->text, i, "đăng"))
             && (is_word (c->text, i + 1, "bán") || is_word (c->text, i + 1, "tải")))
            || (is_word (c->text, i, "bán") && is_word (c->text, i + 1, "hàng"))
            || is_word (c->text, i, "livestream"))
            return 1;
    }
    return 0;
}

/* A news story of one fine that names no platform in the fine's clause:
 * the platform on which the story says the violator sold or posted
 * ("Bà H. thừa nhận trên trang Facebook cá nhân thường xuyên rao bán
 * động vật hoang dã"). A story of several fines keeps each to its own
 * clause. */
static void
story_platform (ctx_t *c)
{
    tracuu_case_t *only = NULL;

    if (!retold_story (c->x))
        return;
    for (size_t i = c->first_case; i < c->x->n_cases; i++) {
        tracuu_case_t *k = &c->x->cases[i];

        if (k->action != TRACUU_CASE_FINE || (k->flags & TRACUU_CASE_HEADLINE)
            || k->parent >= 0)
            continue;
        if (only != NULL)
            return;
        only = k;
    }
    if (only == NULL || only->n_platforms > 0)
        return;
    for (size_t ci = 0; ci < c->n_clauses && *c->rc == TRACUU_STATUS_OK; ci++) {
        const tracuu_clause_t *cl = &c->clauses[ci];

        if ((cl->flags & (TRACUU_CLAUSE_TABLE | TRACUU_CLAUSE_HEADLINE))
            || !sells_or_posts (c, ci))
            continue;
        add_platforms (c, cl->tok, cl->tok_end, only);
    }
}

/* A violation on the road or on a building site takes place there, not
 * on the network where it was seen ("clip lan truyền trên Facebook",
 * "từ thông tin của một tài khoản Facebook, CSGT đã xử phạt ...", "đăng
 * những bức ảnh này lên Facebook"): such a case has no platform, unless
 * it is also one of the information sector (a traffic fine for a false
 * post has both categories). */
static void
drop_noticed_platforms (ctx_t *c)
{
    uint32_t physical = tracuu_case_category_from_name ("traffic")
                        | tracuu_case_category_from_name ("construction");
    uint32_t online = tracuu_case_category_from_name ("false_information")
                      | tracuu_case_category_from_name ("defamation")
                      | tracuu_case_category_from_name ("personal_data")
                      | tracuu_case_category_from_name ("superstition")
                      | tracuu_case_category_from_name ("press")
                      | tracuu_case_category_from_name ("advertising")
                      | tracuu_case_category_from_name ("telecom")
                      | tracuu_case_category_from_name ("fraud")
                      | tracuu_case_category_from_name ("gaming");

    for (size_t i = c->first_case; i < c->x->n_cases; i++) {
        tracuu_case_t *k = &c->x->cases[i];

        if (!(k->categories & physical) || (k->categories & online)
            || k->n_accounts > 0)
            continue;
        for (size_t p = 0; p < k->n_platforms; p++)
            free ((void *) k->platforms[p]);
        free ((void *) k->platforms);
        k->platforms = NULL;
        k->n_platforms = 0;
    }
}

/* Footnote numbers cited in clause 'ci' (marks in running text). */
static int
cites (const ctx_t *c, size_t ci, int number)
{
    const tracuu_clause_t *cl = &c->clauses[ci];

    for (size_t i = cl->tok; i < cl->tok_end; i++) {
        const tracuu_token_t *t = &c->text->tokens[i];

        if ((t->flags & TRACUU_TOKEN_FOOTNOTE)
            && !tracuu_extract__starts_line (c->text, i)
            && atoi (t->exact) == number)
            return 1;
    }
    return 0;
}

/* Members of footnotes: the parent is the case of the citing clause
 * (or of the clause just before a mark standing alone). */
static void
link_footnotes (ctx_t *c)
{
    for (size_t k = c->first_case; k < c->x->n_cases; k++) {
        tracuu_case_t *member = &c->x->cases[k];

        if (member->footnote == 0)
            continue;
        for (size_t ci = 0; ci < c->n_clauses; ci++) {
            long parent;

            if ((c->clauses[ci].flags & TRACUU_CLAUSE_FOOTNOTE)
                || !cites (c, ci, member->footnote))
                continue;
            parent = c->clause_case[ci];
            if (parent < 0 && ci > 0
                && c->clauses[ci - 1].line == c->clauses[ci].line)
                parent = c->clause_case[ci - 1];
            if (parent >= 0 && (size_t) parent != k
                && c->x->cases[parent].action == member->action
                && c->x->cases[parent].footnote == 0)
                member->parent = parent;
            break;
        }
    }
}

/* Name 'a' is name 'b' or the end of it ("Hiền", "Lê Thị Hiền"). */
static int
name_ends (const char *a, const char *b)
{
    size_t la = strlen (a), lb = strlen (b);

    return la <= lb && strcmp (b + lb - la, a) == 0
           && (la == lb || b[lb - la - 1] == ' ');
}

/* Two sets of names, both given and with no name in common (a given
 * name alone is the full name it ends). */
static int
disjoint (const char *const *a, size_t na, const char *const *b, size_t nb)
{
    if (na == 0 || nb == 0)
        return 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (name_ends (a[i], b[j]) || name_ends (b[j], a[i]))
                return 0;
    return 1;
}

static int
accounts_disjoint (const tracuu_case_t *a, const tracuu_case_t *b)
{
    if (a->n_accounts == 0 || b->n_accounts == 0)
        return 0;
    for (size_t i = 0; i < a->n_accounts; i++)
        for (size_t j = 0; j < b->n_accounts; j++)
            if (strcmp (a->accounts[i].name, b->accounts[j].name) == 0)
                return 0;
    return 1;
}

/* The amounts of two mentions are one: equal, or one is rounded ("hơn 8
 * triệu" for 8,2 triệu) and within a tenth of the other, on the side its
 * word says. */
static int
same_amount (const ctx_t *c, size_t ia, size_t ib)
{
    const tracuu_case_t *a = &c->x->cases[ia], *b = &c->x->cases[ib];
    int ra = (a->flags & TRACUU_CASE_APPROXIMATE) != 0;
    size_t ir = ra ? ia : ib;
    const tracuu_case_t *r = ra ? a : b;
    const tracuu_case_t *e = ra ? b : a;
    int lean;
    int64_t d;

    if (a->amount_vnd < 0 || b->amount_vnd < 0)
        return 0;
    if (a->amount_vnd == b->amount_vnd)
        return 1;
    if (!(r->flags & TRACUU_CASE_APPROXIMATE)
        || (e->flags & TRACUU_CASE_APPROXIMATE))
        return 0;
    lean = c->approx_lean[ir - c->first_case];
    if ((lean > 0 && e->amount_vnd < r->amount_vnd)
        || (lean < 0 && e->amount_vnd > r->amount_vnd))
        return 0;
    d = r->amount_vnd > e->amount_vnd ? r->amount_vnd - e->amount_vnd
                                      : e->amount_vnd - r->amount_vnd;
    return d * 25 <= e->amount_vnd * 3;    /* 12 %: "gần một triệu" for 900.000. */
}

/* Cases 'ia' and 'ib' are told as two: in two clauses of one sentence
 * ("xử phạt A 7,5 triệu đồng; xử phạt B 7,5 triệu đồng"), naming other
 * web sites, or each with
 * its own time, and the times apart ("Tháng 10/2021, ... bị phạt 100
 * triệu" and "Tháng 2/2022, ... bị phạt 100 triệu"). */
static int
told_apart (const ctx_t *c, size_t ia, size_t ib)
{
    const tracuu_case_t *a = &c->x->cases[ia], *b = &c->x->cases[ib];
    long ca = c->case_clause[ia - c->first_case];
    long cb = c->case_clause[ib - c->first_case];

    if (ca >= 0 && cb >= 0 && ca != cb
        && c->clauses[ca].sentence == c->clauses[cb].sentence)
        return 1;
    /* Other web sites named ("tên miền a.vn", "tên miền b.vn"). */
    if (ca >= 0 && cb >= 0 && ca != cb) {
        const tracuu_entities_t *list = &c->x->entities;
        const tracuu_clause_t *pa = &c->clauses[ca], *pb = &c->clauses[cb];
        size_t ia2 = entity_at (list, pa->start), n_a = 0, common = 0;
        const tracuu_entity_t *ea, *eb;

        while ((ea = next_entity (list, &ia2, pa->start, pa->end,
                                  TRACUU_ENTITY_URL)) != NULL) {
            size_t ib2 = entity_at (list, pb->start), n_b = 0;

            n_a++;
            while ((eb = next_entity (list, &ib2, pb->start, pb->end,
                                      TRACUU_ENTITY_URL)) != NULL) {
                n_b++;
                common += ea->value && eb->value && strcmp (ea->value, eb->value) == 0;
            }
            if (n_b == 0)
                return 0;
        }
        if (n_a > 0 && common == 0)
            return 1;
    }
    return c->time_rank[ia - c->first_case] == 3
           && c->time_rank[ib - c->first_case] == 3
           && (a->from > b->to || b->from > a->to);
}

/* Cases 'a' and 'b' of one text are one fine mentioned twice (a
 * headline, a lead, a caption and the body): the same amount and no
 * evidence against it (other people or accounts, another number of
 * violators, a footnote of its own). */
static int
same_fine (const ctx_t *c, size_t ia, size_t ib)
{
    const tracuu_case_t *a = &c->x->cases[ia], *b = &c->x->cases[ib];

    if (a->action != TRACUU_CASE_FINE || b->action != TRACUU_CASE_FINE
        || !same_amount (c, ia, ib) || a->footnote != b->footnote
        || a->parent != b->parent)
        return 0;
    if (disjoint (a->people, a->n_people, b->people, b->n_people)
        || accounts_disjoint (a, b))
        return 0;
    if (a->violators >= 0 && b->violators >= 0 && a->violators != b->violators)
        return 0;
    return !told_apart (c, ia, ib);
}

/* Both NULL, or equal strings. */
static int
same_str (const char *a, const char *b)
{
    return a == b || (a != NULL && b != NULL && strcmp (a, b) == 0);
}

/* Case 'i' gives the amount each violator of case 'j', told just before
 * without one, was fined: "xử phạt 6 thanh niên. Mỗi người bị phạt 4
 * triệu đồng." */
static int
completes (const ctx_t *c, size_t j, size_t i)
{
    const tracuu_case_t *a = &c->x->cases[j], *b = &c->x->cases[i];
    long cj = c->case_clause[j - c->first_case];
    long ci = c->case_clause[i - c->first_case];

    return a->action == TRACUU_CASE_FINE && b->action == TRACUU_CASE_FINE
           && a->amount_vnd < 0 && b->amount_vnd >= 0
           && (b->flags & TRACUU_CASE_PER_VIOLATOR) && a->violators > 0
           && cj >= 0 && ci > cj && ci - cj <= 2
           && c->clauses[ci].sentence <= c->clauses[cj].sentence + 1;
}

/* Fold case 'dup' into 'keep': sources, and what 'keep' does not say. */
static void
fold_case (ctx_t *c, tracuu_case_t *keep, tracuu_case_t *dup)
{
    signed char *said_keep, said_dup;

    for (size_t s = 0; s < dup->n_sources; s++)
        add_source (c->rc, c->text, keep, c->x->file,
                    dup->sources[s].start, dup->sources[s].end);
    keep->categories |= dup->categories;
    keep->measures |= dup->measures;
    keep->violator_kinds |= dup->violator_kinds;
    if (keep->parent < 0)
        keep->parent = dup->parent;
    if (keep->amount_vnd < 0 && dup->amount_vnd >= 0) {
        keep->amount_vnd = dup->amount_vnd;     /* Each violator's. */
        keep->flags |= dup->flags & TRACUU_CASE_APPROXIMATE;
    } else if ((keep->flags & TRACUU_CASE_APPROXIMATE)
               && !(dup->flags & TRACUU_CASE_APPROXIMATE)) {
        keep->amount_vnd = dup->amount_vnd;     /* The exact amount. */
        keep->flags &= ~(uint32_t) TRACUU_CASE_APPROXIMATE;
    }
    if (!(dup->flags & TRACUU_CASE_HEADLINE))
        keep->flags &= ~(uint32_t) TRACUU_CASE_HEADLINE;
    /* An annulled fine stays annulled; a decision outweighs a record or
     * a proposal told elsewhere, but only a mention that words it: "bị
     * lập biên bản ..., tổng số tiền phạt 10 triệu" told again in a
     * caption as "bị xử phạt gần 10 triệu" is still only recorded. */
    said_keep = &c->status_said[(size_t) (keep - c->x->cases) - c->first_case];
    said_dup = c->status_said[(size_t) (dup - c->x->cases) - c->first_case];
    if (dup->status == TRACUU_CASE_WITHDRAWN
        || (keep->status != TRACUU_CASE_WITHDRAWN
            && ((dup->status == TRACUU_CASE_DECIDED && (said_dup || !*said_keep))
                || (said_dup && !*said_keep)))) {
        keep->status = dup->status;
        *said_keep = (signed char) (*said_keep || said_dup);
    }
    keep->flags |= dup->flags & TRACUU_CASE_PER_VIOLATOR;
    /* The agency the other mention names, when this one has only the
     * report's (a headline names none). */
    if (dup->agency != NULL && !same_str (dup->agency, c->x->meta.agency)
        && (keep->agency == NULL || same_str (keep->agency, c->x->meta.agency))) {
        char *a = tracuu_extract__strndup (c->rc, dup->agency,
                                           strlen (dup->agency));

        if (a != NULL) {
            free ((void *) keep->agency);
            keep->agency = a;
        }
    }
    /* The period the other mention names ("Ngày 12/01/2018, ..."), when
     * this one has only the report's. */
    if (dup->period != NULL && !same_str (dup->period, c->x->meta.period)
        && (same_str (keep->period, c->x->meta.period)
            || c->time_rank[(size_t) (dup - c->x->cases) - c->first_case]
               > c->time_rank[(size_t) (keep - c->x->cases) - c->first_case])) {
        char *p = tracuu_extract__strndup (c->rc, dup->period,
                                           strlen (dup->period));

        if (p != NULL) {
            free ((void *) keep->period);
            keep->period = p;
            keep->from = dup->from;
            keep->to = dup->to;
            c->time_rank[(size_t) (keep - c->x->cases) - c->first_case]
                = c->time_rank[(size_t) (dup - c->x->cases) - c->first_case];
        }
    }
    /* The place the other mention names, when this one names none (a
     * headline "Công ty X bị phạt 975 triệu đồng", then the body), or
     * has only the story's. */
    {
        signed char *named_keep
            = &c->place_named[(size_t) (keep - c->x->cases) - c->first_case];
        signed char named_dup
            = c->place_named[(size_t) (dup - c->x->cases) - c->first_case];

        if (dup->province != NULL
            && (keep->province == NULL || (named_dup && !*named_keep))) {
            free ((void *) keep->province);
            keep->province = dup->province;
            dup->province = NULL;
            *named_keep = named_dup;
        }
    }
    if (keep->violators < 0) {
        keep->violators = dup->violators;
        keep->organizations = dup->organizations;
        keep->individuals = dup->individuals;
        keep->flags |= dup->flags & TRACUU_CASE_AGGREGATE;
    }
    for (size_t i = 0; i < dup->n_people; i++)
        push_string (c->rc, &keep->people, &keep->n_people, dup->people[i],
                     strlen (dup->people[i]));
    for (size_t i = 0; i < dup->n_accounts; i++)
        push_account (c->rc, keep, dup->accounts[i].platform,
                      dup->accounts[i].name);
    for (size_t i = 0; i < dup->n_platforms; i++)
        push_string (c->rc, &keep->platforms, &keep->n_platforms,
                     dup->platforms[i], strlen (dup->platforms[i]));
}

/* The case names its violator (its key is province/subject/amount). */
static int
named (const tracuu_case_t *k)
{
    return (k->n_accounts > 0 || k->n_people > 0)
           && !(k->flags & TRACUU_CASE_AGGREGATE);
}

/* Two fines of a report with the same key and amount but nothing
 * naming their violator are two fines when they are told in different
 * sentences: a report lists each case once ("xử phạt Điểm
 * cung cấp dịch vụ ... Đông Á (2.000.000 đồng)" and "... Bình Minh
 * (2.000.000 đồng)"). */
static int
distinct_mentions (const ctx_t *c, size_t j, size_t i)
{
    long cj = c->case_clause[j - c->first_case];
    long ci = c->case_clause[i - c->first_case];

    if (cj < 0 || ci < 0 || cj == ci
        || c->x->cases[i].action != TRACUU_CASE_FINE
        || c->x->cases[i].amount_vnd < 0)
        return 0;
    return c->clauses[cj].sentence != c->clauses[ci].sentence;
}

/* Merge cases of the same key, and fines mentioned several times (one
 * case written twice in a report). */
static void
merge_duplicates (ctx_t *c)
{
    tracuu_extraction_t *x = c->x;
    size_t w = c->first_case;
    long *remap = NULL;
    int retold = retold_story (x);

    if (x->n_cases == 0)
        return;
    remap = malloc (x->n_cases * sizeof *remap);
    if (remap == NULL) {
        *c->rc = TRACUU_STATUS_OUT_OF_MEMORY;
        return;
    }
    for (size_t i = 0; i < x->n_cases; i++)
        remap[i] = (long) i;
    for (size_t i = c->first_case; i < x->n_cases; i++) {
        size_t j;

        for (j = c->first_case; j < w; j++)
            if ((strcmp (x->cases[j].key, x->cases[i].key) == 0
                 && ((retold && !told_apart (c, j, i)) || named (&x->cases[i])
                     || (!retold && !distinct_mentions (c, j, i))))
                || (retold && same_fine (c, j, i))
                || completes (c, j, i))
                break;
        if (j < w && *c->rc == TRACUU_STATUS_OK) {
            fold_case (c, &x->cases[j], &x->cases[i]);
            tracuu_extract__case_dispose (&x->cases[i]);
            remap[i] = (long) j;
            continue;
        }
        if (w != i) {
            x->cases[w] = x->cases[i];
            c->case_clause[w - c->first_case] = c->case_clause[i - c->first_case];
            c->approx_lean[w - c->first_case] = c->approx_lean[i - c->first_case];
            c->time_rank[w - c->first_case] = c->time_rank[i - c->first_case];
            c->is_total[w - c->first_case] = c->is_total[i - c->first_case];
            c->status_said[w - c->first_case] = c->status_said[i - c->first_case];
            c->place_named[w - c->first_case] = c->place_named[i - c->first_case];
        }
        remap[i] = (long) w++;
    }
    x->n_cases = w;
    for (size_t i = c->first_case; i < x->n_cases; i++)
        if (x->cases[i].parent >= 0)
            x->cases[i].parent = remap[x->cases[i].parent];
    free (remap);
    rekey (c);
    /* Distinct cases that share a key (two fines of one amount in a
     * report, neither named) keep distinct keys: "~2", "~3"... */
    for (size_t i = c->first_case + 1; i < x->n_cases && *c->rc == 0; i++) {
        unsigned same = 0;
        char *key;

        size_t len = strlen (x->cases[i].key);

        for (size_t j = c->first_case; j < i; j++)
            same += strncmp (x->cases[j].key, x->cases[i].key, len) == 0
                    && (x->cases[j].key[len] == '\0'
                        || x->cases[j].key[len] == '~');
        if (same == 0)
            continue;
        if (asprintf (&key, "%s~%u", x->cases[i].key, same + 1) < 0) {
            *c->rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return;
        }
        free ((void *) x->cases[i].key);
        x->cases[i].key = key;
    }
}

/* A news headline's rounded figure that no fine of the body is, nor
 * adds up to, while the body tells smaller fines: a sum of the fine and
 * other money ("bị phạt gần 10 tỉ" for a fine of 600 triệu and the
 * gains it must pay back). It keeps no amount. */
static void
drop_mixed_headline (ctx_t *c)
{
    tracuu_extraction_t *x = c->x;

    if (!retold_story (x) || c->text->n_tokens == 0)
        return;
    for (size_t i = c->first_case; i < x->n_cases; i++) {
        tracuu_case_t *k = &x->cases[i];
        long kc = c->case_clause[i - c->first_case];
        int64_t sum = 0;
        int smaller = 0;

        if (k->action != TRACUU_CASE_FINE || k->amount_vnd <= 0
            || !(k->flags & TRACUU_CASE_APPROXIMATE)
            || k->parent >= 0 || kc < 0
            || c->clauses[kc].line != c->text->tokens[0].line)
            continue;
        for (size_t j = c->first_case; j < x->n_cases; j++) {
            const tracuu_case_t *o = &x->cases[j];

            if (j == i || o->action != TRACUU_CASE_FINE || o->amount_vnd <= 0)
                continue;
            if (o->parent == (long) i) {
                smaller = 0;
                break;          /* Its parts are told. */
            }
            if (o->parent >= 0)
                continue;
            if ((o->flags & TRACUU_CASE_PER_VIOLATOR) && o->violators <= 1) {
                smaller = 0;
                break;          /* Shares of a number not told: any sum. */
            }
            sum += o->amount_vnd * ((o->flags & TRACUU_CASE_PER_VIOLATOR)
                                    ? o->violators : 1);
            smaller |= o->amount_vnd < k->amount_vnd;
        }
        if (smaller && sum * 10 < k->amount_vnd * 9)
            k->amount_vnd = -1;
    }
}

void
tracuu_extract__cases (const tracuu_text_t *text, tracuu_extraction_t *x,
                       tracuu_status_t *rc)
{
    ctx_t c;

    if (*rc)
        return;
    memset (&c, 0, sizeof c);
    c.text = text;
    c.x = x;
    c.rc = rc;
    c.first_case = x->n_cases;
    /* A text typed without diacritics is read by its folded forms. */
    if (tracuu_extract__unaccented (text)) {
        c.actions = tracuu_lexicon__actions_folded (rc);
        c.categories = tracuu_lexicon__categories_folded (rc);
        c.nouns = tracuu_lexicon__case_nouns_folded (rc);
        c.money_kinds = tracuu_lexicon__money_kinds_folded (rc);
        c.statuses = tracuu_lexicon__statuses_folded (rc);
        c.money_words = tracuu_lexicon__money_words_folded (rc);
    } else {
        c.actions = tracuu_lexicon__actions (rc);
        c.categories = tracuu_lexicon__categories (rc);
        c.nouns = tracuu_lexicon__case_nouns (rc);
        c.money_kinds = tracuu_lexicon__money_kinds (rc);
        c.statuses = tracuu_lexicon__statuses (rc);
        c.money_words = tracuu_lexicon__money_words (rc);
    }
    c.platforms = tracuu_lexicon__platforms (rc);
    c.agencies = tracuu_lexicon__agencies (rc);
    c.violator_kinds = tracuu_lexicon__violator_kinds (rc);
    if (*rc)
        return;
    *rc = tracuu_extract__clauses (text, &c.clauses, &c.n_clauses);
    if (*rc)
        return;
    c.clause_case = malloc ((c.n_clauses + 1) * sizeof *c.clause_case);
    c.case_clause = malloc ((8 * c.n_clauses + 1) * sizeof *c.case_clause);
    c.approx_lean = calloc (8 * c.n_clauses + 1, 1);
    c.time_rank = calloc (8 * c.n_clauses + 1, 1);
    c.is_total = calloc (8 * c.n_clauses + 1, 1);
    c.status_said = calloc (8 * c.n_clauses + 1, 1);
    c.place_named = calloc (8 * c.n_clauses + 1, 1);
    if (c.clause_case == NULL || c.case_clause == NULL || c.approx_lean == NULL
        || c.is_total == NULL || c.time_rank == NULL || c.status_said == NULL
        || c.place_named == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    for (size_t i = 0; i < c.n_clauses; i++)
        c.clause_case[i] = -1;
    c.legal = legal_text (&c);
    c.parts_clause = -1;
    if (retold_story (x)) {
        c.central_story = central_fines (&c);
        c.main_province = main_province (&c);
    }
    for (size_t i = 0; i < c.n_clauses && *rc == TRACUU_STATUS_OK; i++)
        if (!(c.clauses[i].flags & TRACUU_CLAUSE_TABLE))
            clause_cases (&c, i);
    if (*rc == TRACUU_STATUS_OK)
        categories_from_decrees (&c, rc);
    if (*rc == TRACUU_STATUS_OK)
        infer_categories (&c);
    if (*rc == TRACUU_STATUS_OK)
        drop_range_bounds (&c);
    if (*rc == TRACUU_STATUS_OK)
        link_parts (&c);
    if (*rc == TRACUU_STATUS_OK)
        link_sums (&c);
    if (*rc == TRACUU_STATUS_OK)
        link_footnotes (&c);
    if (*rc == TRACUU_STATUS_OK)
        merge_duplicates (&c);
    if (*rc == TRACUU_STATUS_OK)
        drop_mixed_headline (&c);
    if (*rc == TRACUU_STATUS_OK)
        violator_acts (&c);
    if (*rc == TRACUU_STATUS_OK)
        story_platform (&c);
    if (*rc == TRACUU_STATUS_OK)
        drop_noticed_platforms (&c);

  DONE:
    free (c.clause_case);
    free (c.case_clause);
    free (c.approx_lean);
    free (c.time_rank);
    free (c.is_total);
    free (c.status_said);
    free (c.place_named);
    free (c.clauses);
}

void
tracuu_extract__case_dispose (tracuu_case_t *k)
{
    if (k == NULL)
        return;
    for (size_t i = 0; i < k->n_people; i++)
        free ((void *) k->people[i]);
    free ((void *) k->people);
    for (size_t i = 0; i < k->n_accounts; i++) {
        free ((void *) k->accounts[i].platform);
        free ((void *) k->accounts[i].name);
    }
    free ((void *) k->accounts);
    for (size_t i = 0; i < k->n_platforms; i++)
        free ((void *) k->platforms[i]);
    free ((void *) k->platforms);
    free ((void *) k->agency);
    free ((void *) k->province);
    free ((void *) k->period);
    free ((void *) k->key);
    for (size_t i = 0; i < k->n_sources; i++)
        free ((void *) k->sources[i].sentence);
    free ((void *) k->sources);
    memset (k, 0, sizeof *k);
}

