/* ACCOUNT, URL, EMAIL, PHONE: accounts named after a platform or an
 * account noun; addresses and numbers read from the text itself. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract-private.h"

/* The longest word of account-words.txt tagged 'tag' at token 'i', with
 * only blanks between its tokens: its tokens, its label in *label_out. */
static size_t
account_word (const tracuu_text_t *text, size_t i, const char *tag,
              size_t *label_out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    const tracuu_lexicon_t *lex = tracuu_lexicon__account_words (&rc);
    size_t end = i, most = i + tracuu_lexicon__max_words (lex);

    while (end < text->n_tokens && end < most
           && (end == i || tracuu_extract__gap_blank (text, end - 1)))
        end++;
    return tracuu_lexicon__match_tagged (lex, text, i, end, tag, label_out);
}

/* Account nouns ("tài khoản", "kênh", "fanpage"...) at token i: the
 * tokens used, and in *platform_out the platform it implies, or NULL. */
static size_t
account_noun (const tracuu_text_t *text, size_t i, const char **platform_out)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t label = 0, n = account_word (text, i, "noun", &label);

    if (n > 0)                  /* A fanpage or a page is on Facebook. */
        *platform_out = tracuu_lexicon__has_tag (
                            tracuu_lexicon__account_words (&rc), label,
                            "facebook") ? "facebook" : NULL;
    return n;
}

/* Connecting words between platform and name: "có tên", "mang tên",
 * "tên là", "là", "tên". Returns the tokens used. */
static size_t
connector (const tracuu_text_t *text, size_t i)
{
    size_t n = account_word (text, i, "connector", NULL);

    return n > 0 && !(text->tokens[i].flags & TRACUU_TOKEN_CAPITAL) ? n : 0;
}

/* Length of an opening quote at s, or 0. */
static size_t
open_quote (const char *s, size_t len)
{
    if (len >= 1 && (s[0] == '"' || s[0] == '\''))
        return 1;
    if (len >= 3 && memcmp (s, "\xe2\x80", 2) == 0
        && ((unsigned char) s[2] == 0x9c || (unsigned char) s[2] == 0x9d
            || (unsigned char) s[2] == 0x98))
        return 3;
    if (len >= 2 && memcmp (s, "\xc2\xab", 2) == 0)
        return 2;
    return 0;
}

/* A quoted name starting in the gap after token j: the bytes between the
 * quotes in [*start_out, *end_out), one line, at most 100 bytes. */
static int
quoted_after (const tracuu_text_t *text, size_t j, size_t *start_out,
              size_t *end_out)
{
    size_t len, pos = 0, q, s;
    const char *g = tracuu_extract__gap (text, j, &len);

    while (pos < len && (g[pos] == ' ' || g[pos] == ':' || g[pos] == '\t'))
        pos++;
    if ((q = open_quote (g + pos, len - pos)) == 0)
        return 0;
    s = (size_t) (g - text->text) + pos + q;
    for (size_t e = s; e < text->len && e < s + 100; e++) {
        const char *c = text->text + e;

        if (*c == '\n')
            return 0;
        if (*c == '"' || *c == '\'' || memcmp (c, "\xe2\x80\x9d", 3) == 0
            || memcmp (c, "\xe2\x80\x9c", 3) == 0
            || memcmp (c, "\xe2\x80\x99", 3) == 0
            || memcmp (c, "\xc2\xbb", 2) == 0) {
            while (s < e && text->text[s] == ' ')
                s++;
            while (e > s && text->text[e - 1] == ' ')
                e--;
            if (e == s)
                return 0;
            *start_out = s;
            *end_out = e;
            return 1;
        }
    }
    return 0;
}

/* Token i is a handle: "@abc" as written. */
static int
handle_at (const tracuu_text_t *text, size_t i)
{
    const tracuu_token_t *t = &text->tokens[i];

    return text->text[t->start] == '@'
           || (t->start > 0 && text->text[t->start - 1] == '@'
               && (t->start < 2 || !isalnum ((unsigned char) text->text[t->start - 2])));
}

/* Token i looks like an account id: ASCII letters with '.', '_' or
 * digits, no diacritics ("nguyenkim.oanh", "thanh_ttad2"). */
static int
id_like (const tracuu_text_t *text, size_t i)
{
    const tracuu_token_t *t = &text->tokens[i];

    if (t->flags & (TRACUU_TOKEN_ACCENTED | TRACUU_TOKEN_NUMBER))
        return 0;
    if (strchr (t->exact, '@') != NULL)
        return 0;
    return strpbrk (t->exact, "._0123456789") != NULL;
}

/* Platform named near token i on its line: "trên Facebook" after, or any
 * platform word up to 12 tokens before. */
static const char *
platform_near (const tracuu_text_t *text, size_t i, size_t after,
               tracuu_status_t *rc)
{
    const tracuu_lexicon_t *platforms = tracuu_lexicon__platforms (rc);
    size_t label;

    if (after < text->n_tokens && tracuu_extract__is (text, after, "trên")
        && text->tokens[after].line == text->tokens[i].line) {
        size_t k = after + 1;

        if (tracuu_extract__match_folded (text, k, "mang xa hoi"))
            k += 3;
        if (tracuu_lexicon__match_tagged (platforms, text, k, text->n_tokens,
                                          "account", &label))
            return tracuu_lexicon__label (platforms, label);
    }
    for (size_t k = i; k-- > 0 && k + 12 > i;) {
        if (text->tokens[k].line != text->tokens[i].line)
            break;
        if (tracuu_lexicon__match_tagged (platforms, text, k, i, "account", &label)
            && strcmp (tracuu_lexicon__label (platforms, label), "website"))
            return tracuu_lexicon__label (platforms, label);
    }
    return NULL;
}

/* Name after a platform or account noun ending at token j (exclusive):
 * quoted text, a handle, an id, or capitalized words after an account
 * noun. Sets the span and returns the token after it (or j). */
static size_t
account_name (const tracuu_text_t *text, size_t j, int after_noun,
              size_t *start_out, size_t *end_out)
{
    size_t k = j, n;

    if (j == 0 || j > text->n_tokens)
        return j;
    if (quoted_after (text, j - 1, start_out, end_out)) {
        while (k < text->n_tokens && text->tokens[k].end <= *end_out)
            k++;
        return k > j ? k : j + 1;
    }
    if (j >= text->n_tokens || !tracuu_extract__gap_blank (text, j - 1))
        return j;
    n = connector (text, j);
    if (n > 0 && quoted_after (text, j + n - 1, start_out, end_out)) {
        for (k = j + n; k < text->n_tokens && text->tokens[k].end <= *end_out;)
            k++;
        return k;
    }
    k = j + n;
    if (k >= text->n_tokens || (n > 0 && !tracuu_extract__gap_blank (text, k - 1)))
        return j;
    if (handle_at (text, k) || id_like (text, k)) {
        *start_out = text->tokens[k].start;
        if (text->text[*start_out] != '@' && *start_out > 0
            && text->text[*start_out - 1] == '@')
            (*start_out)--;
        *end_out = text->tokens[k].end;
        return k + 1;
    }
    if (after_noun) {
        size_t m = 0;

        while (k + m < text->n_tokens && m < 6
               && (text->tokens[k + m].flags & TRACUU_TOKEN_CAPITAL)
               && (m == 0 || tracuu_extract__gap_blank (text, k + m - 1)))
            m++;
        if (m >= 2) {
            *start_out = text->tokens[k].start;
            *end_out = text->tokens[k + m - 1].end;
            return k + m;
        }
    }
    return j;
}

static void
push_account (tracuu_status_t *rc, tracuu_entities_t *out,
              const tracuu_text_t *text, size_t start, size_t end,
              const char *platform)
{
    char *value = tracuu_extract__strndup (rc, text->text + start, end - start);

    if (value != NULL)
        tracuu_extract__push (rc, out, text, TRACUU_ENTITY_ACCOUNT, start, end,
                              0, 0, 0, 0, value, platform);
    free (value);
}

static void
accounts (const tracuu_text_t *text, tracuu_entities_t *out,
          tracuu_status_t *rc)
{
    const tracuu_lexicon_t *platforms = tracuu_lexicon__platforms (rc);
    size_t i = 0;

    while (i < text->n_tokens && *rc == TRACUU_STATUS_OK) {
        const char *noun_platform = NULL, *platform = NULL;
        size_t label, nn = account_noun (text, i, &noun_platform), np, k;
        size_t s = 0, e = 0, next;

        /* "Trang thông tin điện tử" is a platform word, not "trang". */
        if (nn > 0 && tracuu_lexicon__match_tagged (platforms, text, i,
                                                    text->n_tokens, "account",
                                                    NULL) > nn)
            nn = 0;
        k = i + nn;
        if (nn > 0 && k < text->n_tokens && !tracuu_extract__gap_blank (text, k - 1)
            && !quoted_after (text, k - 1, &s, &e))
            nn = 0, k = i;
        np = tracuu_lexicon__match_tagged (platforms, text, k, text->n_tokens,
                                           "account", &label);
        if (np > 0 && (nn == 0 || tracuu_extract__gap_blank (text, k - 1))) {
            platform = tracuu_lexicon__label (platforms, label);
            k += np;
        } else if (nn > 0) {
            platform = noun_platform;
        } else {
            if (handle_at (text, i)) {
                s = text->tokens[i].start - (text->text[text->tokens[i].start] != '@');
                push_account (rc, out, text, s, text->tokens[i].end,
                              platform_near (text, i, i + 1, rc));
            }
            i++;
            continue;
        }
        next = account_name (text, k, nn > 0, &s, &e);
        if (next == k) {
            i = np > 0 ? k : i + 1;
            continue;
        }
        if (platform == NULL)
            platform = platform_near (text, i, next, rc);
        push_account (rc, out, text, s, e, platform);
        i = next;
    }
}

/* URL characters. */
static int
url_char (unsigned char c)
{
    return c > 0x20 && c < 0x7f && strchr ("<>\"'`{}|\\^", c) == NULL;
}

/* A domain ends in one of these. */
static int
known_tld (const char *s, size_t len)
{
    static const char *const tlds[] = {
        "com", "vn", "net", "org", "info", "me", "be", "io", "tv", "biz",
        "asia", "edu", "gov", "xyz", "online", "site", "watch", "co",
    };

    for (size_t k = 0; k < sizeof tlds / sizeof tlds[0]; k++)
        if (strlen (tlds[k]) == len && strncasecmp (s, tlds[k], len) == 0)
            return 1;
    return 0;
}

/* Platform of the URL host [s, s + len), or NULL. */
static const char *
host_platform (const char *s, size_t len, tracuu_status_t *rc)
{
    const tracuu_lexicon_t *platforms = tracuu_lexicon__platforms (rc);
    char host[128];
    long label;

    if (len >= sizeof host)
        return NULL;
    for (size_t k = 0; k < len; k++)
        host[k] = (char) tolower ((unsigned char) s[k]);
    host[len] = '\0';
    if (strncmp (host, "www.", 4) == 0)
        memmove (host, host + 4, len - 3), len -= 4;
    label = tracuu_lexicon__lookup (platforms, host, len);
    if (label < 0 && strncmp (host, "m.", 2) == 0)
        label = tracuu_lexicon__lookup (platforms, host + 2, len - 2);
    return label < 0 ? NULL : tracuu_lexicon__label (platforms, (size_t) label);
}

/* An account in the path of a profile URL: tiktok.com/@x, youtube.com/@x,
 * facebook.com/x.y (not profile.php, groups/, watch...). */
static void
account_from_url (tracuu_status_t *rc, tracuu_entities_t *out,
                  const tracuu_text_t *text, size_t path, size_t end,
                  const char *platform, size_t from)
{
    size_t e = path;

    if (platform == NULL || path >= end || strcmp (platform, "website") == 0)
        return;
    while (e < end && text->text[e] != '/' && text->text[e] != '?'
           && text->text[e] != '#')
        e++;
    if (strcmp (platform, "facebook") != 0 && text->text[path] != '@')
        return;
    if (e - path < 3
        || (e - path > 4 && strncmp (text->text + e - 4, ".php", 4) == 0))
        return;
    {
        static const char *const not_names[] = {
            "groups", "watch", "permalink.php", "story.php", "share",
            "channel", "videos", "photo", "reel", "events", "pages", "hashtag",
        };

        for (size_t k = 0; k < sizeof not_names / sizeof not_names[0]; k++)
            if (strlen (not_names[k]) == e - path
                && strncmp (text->text + path, not_names[k], e - path) == 0)
                return;
    }
    /* Already named on this line before the URL. */
    for (size_t k = from; k < out->count; k++)
        if (out->items[k].kind == TRACUU_ENTITY_ACCOUNT
            && out->items[k].line == tracuu_text_line_at (text, path)
            && out->items[k].extra && strcmp (out->items[k].extra, platform) == 0)
            return;
    push_account (rc, out, text, path, e, platform);
}

/* URLs: "http(s)://...", "www....", or a bare domain with a known ending
 * and a path or a platform ("facebook.com/abc", "bacgiang.gov.vn"). */
static void
urls (const tracuu_text_t *text, tracuu_entities_t *out, size_t from,
      tracuu_status_t *rc)
{
    const char *s = text->text;
    size_t pos = 0;

    while (pos < text->len && *rc == TRACUU_STATUS_OK) {
        size_t start = pos, host, host_end, end, dot = 0;
        int scheme = 0;

        if ((pos > 0 && (isalnum ((unsigned char) s[pos - 1]) || s[pos - 1] == '@'
                         || s[pos - 1] == '.' || s[pos - 1] == '/'
                         || s[pos - 1] == '_' || s[pos - 1] == '-'))
            || !isalnum ((unsigned char) s[pos])) {
            pos++;
            continue;
        }
        if ((s[pos] | 0x20) != 'h')     /* Most words: no scheme. */
            host = pos;
        else if (strncasecmp (s + pos, "http://", 7) == 0)
            host = pos + 7, scheme = 1;
        else if (strncasecmp (s + pos, "https://", 8) == 0)
            host = pos + 8, scheme = 1;
        else
            host = pos;
        host_end = host;
        while (host_end < text->len
               && (isalnum ((unsigned char) s[host_end]) || s[host_end] == '-'
                   || s[host_end] == '.'))
            if (s[host_end++] == '.')
                dot = host_end;
        while (host_end > host && s[host_end - 1] == '.')
            host_end--;
        if (host_end < text->len && (s[host_end] == '@' || s[host_end] == '_')) {
            pos = host_end + 1;
            continue;
        }
        if (dot == 0 || dot >= host_end
            || (!scheme && !known_tld (s + dot, host_end - dot))) {
            pos = host_end > pos ? host_end : pos + 1;
            continue;
        }
        end = host_end;
        if (end < text->len && (s[end] == '/' || s[end] == '?' || s[end] == ':'))
            while (end < text->len && url_char ((unsigned char) s[end]))
                end++;
        while (end > host_end && strchr (".,;:!?)]", s[end - 1]) != NULL)
            end--;
        {
            const char *platform = host_platform (s + host, host_end - host, rc);
            char *value = tracuu_extract__strndup (rc, s + start, end - start);

            /* A bare domain counts when it has a path, a "www." or a
             * platform; "TP.HCM" and "a.b" do not. */
            if (scheme || end > host_end || platform != NULL
                || strncasecmp (s + host, "www.", 4) == 0
                || strncasecmp (s + dot, "vn", 2) == 0)
                tracuu_extract__push (rc, out, text, TRACUU_ENTITY_URL, start,
                                      end, 0, 0, 0, 0, value, platform);
            free (value);
            if (end > host_end + 1)
                account_from_url (rc, out, text, host_end + 1, end, platform,
                                  from);
        }
        pos = end > pos ? end : pos + 1;
    }
}

/* E-mail addresses, lower-cased. */
static void
emails (const tracuu_text_t *text, tracuu_entities_t *out, tracuu_status_t *rc)
{
    const char *s = text->text;

    for (size_t at = 1; at + 1 < text->len && *rc == TRACUU_STATUS_OK; at++) {
        size_t a = at, b = at + 1, dot = 0;
        char *value;

        if (s[at] != '@')
            continue;
        while (a > 0 && (isalnum ((unsigned char) s[a - 1])
                         || strchr ("._%+-", s[a - 1]) != NULL))
            a--;
        while (b < text->len && (isalnum ((unsigned char) s[b]) || s[b] == '-'
                                 || s[b] == '.'))
            if (s[b++] == '.')
                dot = b;
        while (b > at + 1 && s[b - 1] == '.')
            b--;
        while (a < at && s[a] == '.')
            a++;
        if (a == at || dot == 0 || dot >= b || b - dot < 2
            || !isalpha ((unsigned char) s[b - 1]))
            continue;
        value = tracuu_extract__strndup (rc, s + a, b - a);
        if (value == NULL)
            return;
        for (char *p = value; *p; p++)
            *p = (char) tolower ((unsigned char) *p);
        tracuu_extract__push (rc, out, text, TRACUU_ENTITY_EMAIL, a, b, 0, 0, 0,
                              0, value, NULL);
        free (value);
        at = b;
    }
}

/* A phone number at 'pos' (a digit or '+'): digit groups separated by
 * one blank, '.' or '-'. Sets the digits (with +84 read as 0) and
 * returns the bytes used, 0 if none. */
static size_t
phone_at (const char *s, size_t len, size_t pos, char digits[16])
{
    size_t p = pos, n = 0, groups = 0, first = 0, end = pos;
    int plus = 0;

    if (s[p] == '+') {
        if (p + 3 > len || s[p + 1] != '8' || s[p + 2] != '4')
            return 0;
        plus = 1;
        p += 3;
        digits[n++] = '0';
        while (p < len && (s[p] == ' ' || s[p] == '.' || s[p] == '-'))
            p++;
        if (p < len && s[p] == '(')
            return 0;
        if (p < len && s[p] == '0')
            p++;
    }
    while (p < len && isdigit ((unsigned char) s[p])) {
        size_t g = 0;

        while (p < len && isdigit ((unsigned char) s[p])) {
            if (n >= 15)
                return 0;
            digits[n++] = s[p++];
            g++;
        }
        if (groups == 0)
            first = g;
        else if (g < 2)
            return 0;
        groups++;
        end = p;
        if (p + 1 < len && (s[p] == ' ' || s[p] == '.' || s[p] == '-')
            && isdigit ((unsigned char) s[p + 1]))
            p++;
        else
            break;
    }
    digits[n] = '\0';
    /* Grouped numbers start with a group of 3 or more ("0912 345 678"). */
    if (groups > 1 && first < 3 && !plus)
        return 0;
    if (end < len && (isalnum ((unsigned char) s[end]) || s[end] == '/'
                      || s[end] == ','))
        return 0;
    if (n == 10 && digits[0] == '0' && digits[1] != '0')
        return end - pos;
    if (n == 11 && digits[0] == '0' && (digits[1] == '2' || digits[1] == '1'))
        return end - pos;
    if ((n == 8 || n == 10) && (strncmp (digits, "1900", 4) == 0
                                || strncmp (digits, "1800", 4) == 0))
        return end - pos;
    return 0;
}

static void
phones (const tracuu_text_t *text, tracuu_entities_t *out, tracuu_status_t *rc)
{
    const char *s = text->text;

    for (size_t pos = 0; pos < text->len && *rc == TRACUU_STATUS_OK; pos++) {
        char digits[16];
        size_t n;

        if (!((s[pos] >= '0' && s[pos] <= '9') || s[pos] == '+'))
            continue;
        if (pos > 0 && (isalnum ((unsigned char) s[pos - 1])
                        || strchr ("/.,-_@", s[pos - 1]) != NULL
                        || ((unsigned char) s[pos - 1] & 0x80))) {
            while (pos + 1 < text->len && isdigit ((unsigned char) s[pos + 1]))
                pos++;
            continue;
        }
        n = phone_at (s, text->len, pos, digits);
        if (n == 0) {
            while (pos + 1 < text->len && isdigit ((unsigned char) s[pos + 1]))
                pos++;
            continue;
        }
        tracuu_extract__push (rc, out, text, TRACUU_ENTITY_PHONE, pos, pos + n,
                              0, 0, 0, 0, digits, NULL);
        pos += n - 1;
    }
}

void
tracuu_extract__social (const tracuu_text_t *text, tracuu_entities_t *out,
                        tracuu_status_t *rc)
{
    size_t from = out->count;

    if (*rc != TRACUU_STATUS_OK || tracuu_lexicon__platforms (rc) == NULL
        || tracuu_lexicon__account_words (rc) == NULL)
        return;
    accounts (text, out, rc);
    urls (text, out, from, rc);
    emails (text, out, rc);
    phones (text, out, rc);
}
