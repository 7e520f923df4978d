/*
 * HTML: the text of the page without its markup, scripts, styles and
 * navigation. Block elements end lines, table cells are separated by
 * tabs. The bytes are converted to UTF-8 first (the <meta> charset, or
 * detected like plain text), then parsed by libxml2's HTML parser.
 */
#include <limits.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"

/* Deepest element whose text is kept; libxml2 limits depth too. */
#define MAX_DEPTH 256

/* Where the text being built stands. */
typedef struct html_text {
    tracuu_decode_buf_t *buf;  /* Output. */
    int pending_space;         /* Whitespace seen since the last text. */
    int pending_line;          /* A block ended or started. */
    int pending_tab;           /* A table cell started. */
    int in_pre;                /* Inside <pre>: keep whitespace. */
} html_text_t;

static const char *const skipped[] = {
    "script", "style", "nav", "header", "footer", "aside", "noscript",
    "template", "head", "svg", "iframe", "object", "select", "button",
};

static const char *const blocks[] = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "ul", "ol", "section", "article", "blockquote", "pre", "dl",
    "dt", "dd", "hr", "form", "main", "figure", "figcaption", "address",
    "caption", "thead", "tbody", "tfoot", "center", "body", "html",
};

static int
in_list (const char *name, const char *const *list, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++)
        if (strcasecmp (name, list[i]) == 0)
            return 1;
    return 0;
}

int
tracuu_decode__sniff_html (const char *bytes, size_t len)
{
    size_t i = 0, n = len < 1024 ? len : 1024;
    char head[1025];

    if (n >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0)
        i = 3;
    while (i < n && strchr (" \t\r\n", bytes[i]))
        i++;
    if (i >= n || bytes[i] != '<')
        return 0;
    memcpy (head, bytes, n);
    head[n] = '\0';
    for (i = 0; i < n; i++)
        if (head[i] == '\0')
            head[i] = ' ';
    return strcasestr (head, "<!doctype html") || strcasestr (head, "<html")
           || strcasestr (head, "<body") || strcasestr (head, "<head");
}

static void
emit_text (html_text_t *t, const char *s)
{
    tracuu_decode_buf_t *buf = t->buf;

    for (; *s; s++) {
        unsigned char c = (unsigned char) *s;

        if (!t->in_pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r'
                           || c == '\f')) {
            t->pending_space = 1;
            continue;
        }
        if (t->in_pre && c == '\n') {
            tracuu_decode__buf_putc (buf, '\n');
            continue;
        }
        if (buf->len > 0) {
            char last = buf->data[buf->len - 1];

            if (t->pending_line) {
                if (last != '\n')
                    tracuu_decode__buf_putc (buf, '\n');
            } else if (t->pending_tab) {
                if (last != '\n')
                    tracuu_decode__buf_putc (buf, '\t');
            } else if (t->pending_space && last != '\n' && last != '\t') {
                tracuu_decode__buf_putc (buf, ' ');
            }
        }
        t->pending_line = t->pending_tab = t->pending_space = 0;
        tracuu_decode__buf_putc (buf, (char) c);
    }
}

static void
walk (html_text_t *t, xmlNode *node, int depth)
{
    for (; node && t->buf->status == TRACUU_STATUS_OK; node = node->next) {
        const char *name = (const char *) node->name;
        int block, pre;

        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content)
                emit_text (t, (const char *) node->content);
            continue;
        }
        if (node->type != XML_ELEMENT_NODE || depth >= MAX_DEPTH)
            continue;
        if (in_list (name, skipped, sizeof skipped / sizeof skipped[0]))
            continue;
        block = in_list (name, blocks, sizeof blocks / sizeof blocks[0]);
        if (block)
            t->pending_line = 1;
        if (strcasecmp (name, "td") == 0 || strcasecmp (name, "th") == 0)
            t->pending_tab = 1;
        if (strcasecmp (name, "br") == 0 && t->buf->len > 0
            && t->buf->data[t->buf->len - 1] == '\n')
            tracuu_decode__buf_putc (t->buf, '\n');  /* Keep <br><br>. */
        pre = t->in_pre;
        if (strcasecmp (name, "pre") == 0)
            t->in_pre = 1;
        walk (t, node->children, depth + 1);
        t->in_pre = pre;
        if (block)
            t->pending_line = 1;
    }
}

/* The charset named by a <meta> in the first bytes, copied into 'name'
 * (empty if none). */
static void
meta_charset (const char *bytes, size_t len, char *name, size_t size)
{
    size_t n = len < 4096 ? len : 4096, i, k = 0;
    char head[4097];
    const char *p;

    name[0] = '\0';
    memcpy (head, bytes, n);
    head[n] = '\0';
    for (i = 0; i < n; i++)
        if (head[i] == '\0')
            head[i] = ' ';
    p = head;
    while ((p = strcasestr (p, "<meta")) != NULL) {
        const char *end = strchr (p, '>'), *cs = strcasestr (p, "charset");

        if (cs && (end == NULL || cs < end)) {
            cs += 7;
            while (*cs == ' ' || *cs == '=' || *cs == '"' || *cs == '\'')
                cs++;
            while (k + 1 < size && (cs[k] == '-' || cs[k] == '_'
                                    || cs[k] == '.' || cs[k] == ':'
                                    || (cs[k] >= '0' && cs[k] <= '9')
                                    || ((cs[k] | 0x20) >= 'a'
                                        && (cs[k] | 0x20) <= 'z'))) {
                name[k] = cs[k];
                k++;
            }
            name[k] = '\0';
            return;
        }
        p += 5;
    }
}

/* Hide <meta charset> from libxml2, which would otherwise re-decode
 * the UTF-8 it is given: "charset" becomes "charsxt". */
static void
neuter_meta (char *text, size_t len)
{
    char *p = text, *end;

    (void) len;
    while ((p = strcasestr (p, "<meta")) != NULL) {
        char *cs;

        end = strchr (p, '>');
        cs = strcasestr (p, "charset");
        if (cs && (end == NULL || cs < end))
            cs[5] = 'x';
        p += 5;
    }
}

tracuu_status_t
tracuu_decode__html (const char *bytes, size_t len,
                     const tracuu_decode_options_t *opts,
                     tracuu_decoded_t *out)
{
    tracuu_status_t status;
    tracuu_decode_buf_t utf8, text;
    html_text_t t;
    htmlDocPtr doc = NULL;
    char charset[64];

    tracuu_decode__buf_init (&utf8, 0);
    tracuu_decode__buf_init (&text, tracuu_decode__output_limit (opts));
    out->format = "html";
    meta_charset (bytes, len, charset, sizeof charset);
    if (opts->encoding || charset[0] == '\0'
        || tracuu_decode__is_utf8 (bytes, len))
        status = tracuu_decode__charset (bytes, len, opts->encoding, &utf8,
                                         &out->encoding, out);
    else
        status = tracuu_decode__convert (bytes, len, charset, &utf8,
                                         &out->encoding, out);
    if (status == TRACUU_STATUS_BAD_ARGUMENT && opts->encoding == NULL) {
        /* An unknown <meta> charset: guess from the bytes instead. */
        tracuu_decode__buf_dispose (&utf8);
        status = tracuu_decode__charset (bytes, len, NULL, &utf8,
                                         &out->encoding, out);
    }
    if (status)
        goto DONE;
    if (utf8.data == NULL || utf8.len > INT_MAX) {
        status = utf8.data ? TRACUU_STATUS_LIMIT_EXCEEDED : TRACUU_STATUS_OK;
        goto DONE;
    }
    neuter_meta (utf8.data, utf8.len);
    tracuu_decode__xml_init ();
    doc = htmlReadMemory (utf8.data, (int) utf8.len, NULL, "UTF-8",
                          HTML_PARSE_RECOVER | HTML_PARSE_NONET
                          | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                          | HTML_PARSE_NOIMPLIED);
    if (doc == NULL) {
        tracuu_decode__set_error (out, "cannot parse HTML");
        status = TRACUU_STATUS_BAD_INPUT;
        goto DONE;
    }
    t.buf = &text;
    t.pending_space = t.pending_line = t.pending_tab = t.in_pre = 0;
    walk (&t, doc->children, 0);
    if (text.status == TRACUU_STATUS_OK && text.len > 0)
        tracuu_decode__buf_putc (&text, '\n');

  DONE:
    if (status == TRACUU_STATUS_OK)
        status = tracuu_decode__buf_finish (&text, out);
    xmlFreeDoc (doc);
    tracuu_decode__buf_dispose (&utf8);
    tracuu_decode__buf_dispose (&text);
    return status;
}
