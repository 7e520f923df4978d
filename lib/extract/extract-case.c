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

#include "analysis/lexicon.h"
#include "util/tracuu-private.h"

/* Kinds of counted noun: "02 tổ chức", "04 cá nhân", "72 số thuê bao". */
static const char nouns_builtin[] =
    "organization\ttổ chức|doanh nghiệp|công ty|cơ sở|điểm|đại lý"
    "|cửa hàng|hộ kinh doanh|hộ|đơn vị|nhà mạng|cơ quan|tiệm|quán\n"
    "individual\tcá nhân|trường hợp cá nhân|người|công dân|chủ thuê bao\n"
    "mixed\ttổ chức cá nhân|tổ chức và cá nhân|cá nhân tổ chức"
    "|cá nhân và tổ chức\n"
    "other\tđối tượng|trường hợp|vụ|vụ việc|thuê bao|số thuê bao|sim"
    "|số điện thoại|trang|trang thông tin|trang thông tin điện tử"
    "|website|trang web|tài khoản|chủ tài khoản|kênh|fanpage|nhóm|group\n"
    "content\tbài viết|bài đăng|video|clip|đường link|link|đường dẫn"
    "|nội dung|tin bài|hình ảnh|bình luận\n";

/* Platforms named near a case. */
static const char platforms_builtin[] =
    "facebook\tfacebook|fb|fanpage\n"
    "tiktok\ttiktok|tik tok\n"
    "youtube\tyoutube\n"
    "zalo\tzalo\n"
    "instagram\tinstagram\n"
    "telegram\ttelegram\n"
    "twitter\ttwitter\n"
    "website\twebsite|trang thông tin điện tử|trang tin điện tử|trang web"
    "|báo điện tử\n";

/* Words that start the name of an agency ("Công an thành phố ..."). */
static const char agencies_builtin[] =
    "agency\tcông an|thanh tra|sở|ủy ban|ubnd|phòng|cục|chi cục|đội|bộ"
    "|ban|tòa án|viện kiểm sát|đồn|trạm|bộ chỉ huy|quản lý thị trường\n";

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
    tracuu_extraction_t *x;
    tracuu_clause_t *clauses;
    size_t n_clauses;
    size_t first_case;        /* x->n_cases when the run started. */
    long *case_clause;        /* Clause of each new case (at most 8
                                 per clause). */
    long *clause_case;        /* Last case of each clause, or -1. */
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

static int
is_word (const tracuu_text_t *text, size_t i, const char *exact)
{
    return i < text->n_tokens && strcmp (text->tokens[i].exact, exact) == 0;
}

/* Categories named in tokens [a, b). */
static uint32_t
categories_in (const ctx_t *c, size_t a, size_t b)
{
    uint32_t bits = 0;

    for (size_t i = a; i < b;) {
        size_t label = 0;
        size_t n = tracuu_lexicon__match (c->categories, c->text, i, b, &label);

        if (n == 0) {
            i++;
            continue;
        }
        bits |= tracuu_case_category_from_name (
            tracuu_lexicon__label (c->categories, label));
        i += n;
    }
    return bits;
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

/* The number written at token 'i' ("02", "một"), or -1. */
static int64_t
number_at (const tracuu_text_t *text, size_t i)
{
    static const char *const words[] = {
        "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín",
        "mười", NULL
    };
    int v;

    if (tracuu_extract__token_int (text, i, 7, &v))
        return v;
    for (int k = 0; words[k]; k++)
        if (is_word (text, i, words[k]))
            return k + 1;
    return -1;
}

/* Counted nouns in tokens [a, b); returns how many were stored. */
static size_t
counts_in (const ctx_t *c, size_t clause_start, size_t a, size_t b,
           count_t *out, size_t max)
{
    size_t n = 0;

    for (size_t i = a; i < b && n < max; i++) {
        int64_t v = number_at (c->text, i);
        size_t label = 0, len;

        if (v <= 0)
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
    /* Counts after the action wording, else those before it. */
    for (size_t i = 0; i < n; i++)
        if (counts[i].tok > d->trigger)
            use++;
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
    grown = realloc ((void *) *arr, (*n + 1) * sizeof *grown);
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
    grown = realloc ((void *) k->accounts, (k->n_accounts + 1) * sizeof *grown);
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
    for (size_t i = a; i < b;) {
        size_t label = 0;
        size_t n = tracuu_lexicon__match (c->platforms, c->text, i, b, &label);
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
            && tracuu_lexicon__match (c->agencies, text, i, trigger, &label) > 0
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

static void
set_key (const ctx_t *c, const draft_t *d, tracuu_case_t *k)
{
    char key[512] = "";
    char part[64];
    const char *subject = NULL;

    if (k->n_accounts > 0)
        subject = k->accounts[0].name;
    else if (k->n_people > 0)
        subject = k->people[0];
    slug_append (c->rc, key, sizeof key, k->province);
    if (subject != NULL && !(k->flags & TRACUU_CASE_AGGREGATE)) {
        slug_append (c->rc, key, sizeof key, subject);
        if (k->amount_vnd >= 0)
            snprintf (part, sizeof part, "%lld", (long long) k->amount_vnd);
        else
            snprintf (part, sizeof part, "%s", tracuu_case_action_name (k->action));
        slug_append (c->rc, key, sizeof key, part);
    } else {
        slug_append (c->rc, key, sizeof key, k->period);
        slug_append (c->rc, key, sizeof key,
                     k->flags & TRACUU_CASE_HEADLINE
                     ? "headline" : tracuu_case_action_name (k->action));
        if (k->amount_vnd >= 0)
            snprintf (part, sizeof part, "%lld", (long long) k->amount_vnd);
        else if (k->violators >= 0)
            snprintf (part, sizeof part, "n%lld", (long long) k->violators);
        else
            snprintf (part, sizeof part, "h%08x",
                      (unsigned) tokens_hash (c->text, d->tok, d->tok_end));
        slug_append (c->rc, key, sizeof key, part);
    }
    k->key = tracuu_extract__strndup (c->rc, key, strlen (key));
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

static void
set_period (const ctx_t *c, size_t a, size_t b, tracuu_case_t *k)
{
    const tracuu_entities_t *list = &c->x->entities;
    size_t start = seg_start (c, a), end = seg_end (c, b);
    size_t it = entity_at (list, start);
    const tracuu_entity_t *e = next_entity (list, &it, start, end,
                                            TRACUU_ENTITY_PERIOD);
    const char *period = c->x->meta.period;

    k->from = c->x->meta.period_from;
    k->to = c->x->meta.period_to;
    if (e != NULL && e->value != NULL && *e->value) {
        period = e->value;
        k->from = e->from;
        k->to = e->to;
    }
    if (period != NULL)
        k->period = tracuu_extract__strndup (c->rc, period, strlen (period));
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
        size_t alloc = x->alloc_cases ? 2 * x->alloc_cases : 16;
        tracuu_case_t *cases = realloc (x->cases, alloc * sizeof *cases);

        if (cases == NULL) {
            *c->rc = TRACUU_STATUS_OUT_OF_MEMORY;
            return NULL;
        }
        x->cases = cases;
        x->alloc_cases = alloc;
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
    grown = realloc ((void *) k->sources, (k->n_sources + 1) * sizeof *grown);
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

/* Turn draft 'd' of clause 'ci' into a case. */
static void
commit (ctx_t *c, size_t ci, const draft_t *d)
{
    const tracuu_clause_t *cl = &c->clauses[ci];
    const tracuu_entities_t *list = &c->x->entities;
    tracuu_case_t *k = new_case (c, (long) ci);
    const char *province;
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
        k->amount_vnd = list->items[d->money].number;
        if (list->items[d->money].flags & TRACUU_ENTITY_APPROXIMATE)
            k->flags |= TRACUU_CASE_APPROXIMATE;
    }
    set_violators (c, d, cl, k);
    add_subjects (c, d->tok, d->tok_end, k);
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
    province = case_province (c, d->tok, d->tok_end);
    if (province == NULL)
        province = c->x->meta.province;
    if (province != NULL)
        k->province = tracuu_extract__strndup (c->rc, province,
                                               strlen (province));
    set_period (c, d->tok, d->tok_end, k);
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

/* The clause speaks of the future ("sẽ", "thời gian tới", "dự kiến"). */
static int
planned (const ctx_t *c, const tracuu_clause_t *cl)
{
    for (size_t i = cl->tok; i < cl->tok_end; i++)
        if (is_word (c->text, i, "sẽ")
            || (is_word (c->text, i, "thời") && is_word (c->text, i + 1, "gian")
                && is_word (c->text, i + 2, "tới"))
            || (is_word (c->text, i, "dự") && is_word (c->text, i + 1, "kiến")))
            return 1;
    return 0;
}

/* The clause states what the law provides rather than what was done:
 * "mức phạt tiền tối đa ... là 100 triệu đồng", "khung phạt", "có thể bị
 * phạt". */
static int
normative (const ctx_t *c, const tracuu_clause_t *cl)
{
    for (size_t i = cl->tok; i < cl->tok_end; i++) {
        if ((is_word (c->text, i, "mức") || is_word (c->text, i, "khung"))
            && (is_word (c->text, i + 1, "phạt")
                || (is_word (c->text, i + 1, "xử") && is_word (c->text, i + 2, "phạt"))
                || (is_word (c->text, i + 1, "tiền") && is_word (c->text, i + 2, "phạt"))))
            return 1;
        if (is_word (c->text, i, "tối")
            && (is_word (c->text, i + 1, "đa") || is_word (c->text, i + 1, "thiểu")))
            return 1;
        if (is_word (c->text, i, "có") && is_word (c->text, i + 1, "thể")
            && is_word (c->text, i + 2, "bị"))
            return 1;
    }
    return 0;
}

/* "tổng" (total) in the four tokens of clause 'cl' before the amount
 * 'money'. */
static int
called_total (const ctx_t *c, const tracuu_clause_t *cl,
              const tracuu_entity_t *money)
{
    size_t t = cl->tok;

    while (t < cl->tok_end && c->text->tokens[t].start < money->start)
        t++;
    for (size_t back = 1; back <= 4 && back <= t - cl->tok; back++)
        if (is_word (c->text, t - back, "tổng"))
            return 1;
    return 0;
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

    while (n_money < 8 && (e = next_entity (list, &it, cl->start, cl->end,
                                            TRACUU_ENTITY_MONEY)) != NULL)
        money[n_money++] = (size_t) (e - list->items);
    bits = actions_in (c, cl->tok, cl->tok_end, n_money > 0, &trigger,
                       &main_action);
    if (main_action < 0 || planned (c, cl) || normative (c, cl))
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
    commit (c, ci, &d);
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

/* Merge cases of the same key (one case written twice in a report). */
static void
merge_duplicates (ctx_t *c)
{
    tracuu_extraction_t *x = c->x;
    size_t w = c->first_case;
    long *remap = NULL;

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
            if (strcmp (x->cases[j].key, x->cases[i].key) == 0)
                break;
        if (j < w && *c->rc == TRACUU_STATUS_OK) {
            tracuu_case_t *keep = &x->cases[j], *dup = &x->cases[i];

            for (size_t s = 0; s < dup->n_sources; s++)
                add_source (c->rc, c->text, keep, x->file,
                            dup->sources[s].start, dup->sources[s].end);
            keep->categories |= dup->categories;
            keep->measures |= dup->measures;
            if (keep->parent < 0)
                keep->parent = dup->parent;
            tracuu_extract__case_dispose (dup);
            remap[i] = (long) j;
            continue;
        }
        if (w != i)
            x->cases[w] = x->cases[i];
        remap[i] = (long) w++;
    }
    x->n_cases = w;
    for (size_t i = c->first_case; i < x->n_cases; i++)
        if (x->cases[i].parent >= 0)
            x->cases[i].parent = remap[x->cases[i].parent];
    free (remap);
}

void
tracuu_extract__cases (const tracuu_text_t *text,
                       const tracuu_lexicon_t *actions,
                       const tracuu_lexicon_t *categories,
                       tracuu_extraction_t *x, tracuu_status_t *rc)
{
    static tracuu_lexicon_once_t nouns_once =
        TRACUU_LEXICON_ONCE_INIT ("case-nouns.txt", nouns_builtin);
    static tracuu_lexicon_once_t platforms_once =
        TRACUU_LEXICON_ONCE_INIT ("case-platforms.txt", platforms_builtin);
    static tracuu_lexicon_once_t agencies_once =
        TRACUU_LEXICON_ONCE_INIT ("case-agencies.txt", agencies_builtin);
    ctx_t c;

    if (*rc)
        return;
    memset (&c, 0, sizeof c);
    c.text = text;
    c.actions = actions;
    c.categories = categories;
    c.x = x;
    c.rc = rc;
    c.first_case = x->n_cases;
    c.nouns = tracuu_lexicon__once (&nouns_once, rc);
    c.platforms = tracuu_lexicon__once (&platforms_once, rc);
    c.agencies = tracuu_lexicon__once (&agencies_once, rc);
    if (*rc)
        return;
    *rc = tracuu_extract__clauses (text, &c.clauses, &c.n_clauses);
    if (*rc)
        return;
    c.clause_case = malloc ((c.n_clauses + 1) * sizeof *c.clause_case);
    c.case_clause = malloc ((8 * c.n_clauses + 1) * sizeof *c.case_clause);
    if (c.clause_case == NULL || c.case_clause == NULL) {
        *rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    for (size_t i = 0; i < c.n_clauses; i++)
        c.clause_case[i] = -1;
    for (size_t i = 0; i < c.n_clauses && *rc == TRACUU_STATUS_OK; i++)
        if (!(c.clauses[i].flags & TRACUU_CLAUSE_TABLE))
            clause_cases (&c, i);
    if (*rc == TRACUU_STATUS_OK)
        link_footnotes (&c);
    if (*rc == TRACUU_STATUS_OK)
        merge_duplicates (&c);

  DONE:
    free (c.clause_case);
    free (c.case_clause);
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

/* Copies of data/lexicon/actions.txt and categories.txt (without their
 * comments), used when $TRACUU_DATA_DIR is not set. A test checks that
 * they match the files. */
const char tracuu_extract__actions_builtin[] =
    "fine\txử phạt|phạt tiền|phạt hành chính|bị phạt"
    "|nộp phạt|phạt vi phạm hành chính"
    "|quyết định xử phạt|xử lý vi phạm hành chính"
    "|xử lý hành chính\n"
    "fine_if_amount\txử lý vi phạm|xử lý|phạt\n"
    "takedown\tgỡ bỏ|bóc gỡ|gỡ|bóc|chặn|xóa bỏ"
    "|khóa tài khoản|khóa trang|tạm dừng hoạt động"
    "|đình chỉ hoạt động\n"
    "subscriber_lock\tkhóa # chiều|khóa hai chiều"
    "|khóa một chiều|khóa thuê bao|thu hồi số thuê bao"
    "|thu hồi thuê bao|chặn thuê bao|khóa sim|chặn sim\n"
    "warning\tnhắc nhở|cam kết|viết cam kết|ký cam kết"
    "|cảnh cáo|phê bình\n"
    "prosecution\tkhởi tố|truy tố|khởi tố vụ án"
    "|khởi tố bị can\n"
    "none\tngăn chặn|tháo gỡ|ngăn ngừa|chặn đứng"
    "|gỡ khó|xử lý tình huống|xử lý kịp thời"
    "|xử lý nghiêm|xử lý dứt điểm\n";

const char tracuu_extract__categories_builtin[] =
    "false_information\tthông tin sai sự thật|tin sai sự thật"
    "|sai sự thật|tin giả|thông tin giả"
    "|thông tin không đúng sự thật|không đúng sự thật"
    "|bịa đặt|thông tin bịa đặt|xuyên tạc"
    "|thông tin sai lệch|sai lệch|tin đồn thất thiệt"
    "|thất thiệt|thiếu kiểm chứng\n"
    "defamation\tvu khống|xúc phạm|xúc phạm uy tín"
    "|xúc phạm danh dự|xúc phạm nhân phẩm|nói xấu"
    "|bôi nhọ|quy kết|làm nhục\n"
    "superstition\tmê tín dị đoan|mê tín|dị đoan|bói toán\n"
    "personal_data\tthông tin cá nhân|dữ liệu cá nhân"
    "|thông tin của cá nhân|thông tin của người khác"
    "|bí mật đời tư|bí mật cá nhân|thông tin thuê bao\n"
    "publishing\txuất bản|xuất bản phẩm|ấn phẩm|in ấn"
    "|cơ sở in|hoạt động in|hóa đơn|lịch bloc"
    "|sách lậu\n"
    "gaming\ttrò chơi điện tử|trò chơi trực tuyến"
    "|game online|game\n"
    "device_conformity\thợp quy|chứng nhận hợp quy"
    "|công bố hợp quy|không phù hợp quy chuẩn"
    "|quy chuẩn kỹ thuật"
    "|thiết bị di động không phù hợp"
    "|thiết bị vô tuyến điện|tần số\n"
    "counterfeit_smuggling\thàng giả|hàng nhái|buôn lậu"
    "|nhập lậu|hàng lậu|hàng cấm|gian lận thương mại"
    "|không rõ nguồn gốc|không rõ nguồn gốc xuất xứ\n"
    "telecom_spam\ttin nhắn rác|cuộc gọi rác|sim rác"
    "|thư điện tử rác|thư rác|rác viễn thông"
    "|tin nhắn quảng cáo|cuộc gọi quấy rối|quấy rối"
    "|làm phiền\n"
    "fraud\tlừa đảo|chiếm đoạt|chiếm đoạt tài sản"
    "|giả mạo|mạo danh\n"
    "other\tcờ bạc|đánh bạc|cá độ|kích động"
    "|chống phá|đồi trụy|bạo lực\n";
