/*
 * HTML: the text of the page without its markup, scripts, styles and
 * navigation. Block elements end lines, table cells are separated by
 * tabs. The bytes are converted to UTF-8 first (the <meta> charset, or
 * detected like plain text), then read by libxml2's HTML parser through
 * SAX callbacks: no tree is built, so memory stays a small multiple of
 * the text whatever the page's size, and no nesting depth drops text
 * (libxml2 stops building a tree 256 elements deep, losing the rest of
 * the page).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"
#include "util/util-private.h"

/* What an open element does to the text, kept on a stack. */
enum {
    OPEN_BLOCK = 1,            /* Ends a line when it closes. */
    OPEN_SKIPPED = 2,          /* Its text is not kept (scripts...). */
    OPEN_PRE = 4               /* Whitespace inside is kept. */
};

/* Where the text being built stands. */
typedef struct html_text {
    tracuu_decode_buf_t *buf;  /* Output. */
    htmlParserCtxtPtr ctxt;    /* To stop the parser on an error. */
    unsigned char *open;       /* OPEN_* of each open element. */
    size_t depth;              /* Elements open. */
    size_t alloc;              /* Entries allocated in 'open'. */
    size_t skipped;            /* Open elements whose text is dropped. */
    size_t in_pre;             /* Open <pre> elements. */
    int pending_space;         /* Whitespace seen since the last text. */
    int pending_line;          /* A block ended or started. */
    int pending_tab;           /* A table cell started. */
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
emit_text (html_text_t *t, const char *s, size_t len)
{
    tracuu_decode_buf_t *buf = t->buf;

    for (size_t i = 0; i < len && buf->status == TRACUU_STATUS_OK; i++) {
        unsigned char c = (unsigned char) s[i];

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
    if (buf->status != TRACUU_STATUS_OK)
        xmlStopParser (t->ctxt);
}

static void
on_start (void *ctx, const xmlChar *xname, const xmlChar **attrs)
{
    html_text_t *t = ctx;
    const char *name = (const char *) xname;
    unsigned char flags = 0;

    (void) attrs;
    if (t->depth == t->alloc) {
        unsigned char *open = tracuu_array__grow (&t->buf->status, t->open,
                                                  &t->alloc, t->depth + 1, 1);

        if (open == NULL) {
            xmlStopParser (t->ctxt);
            return;
        }
        t->open = open;
    }
    if (t->skipped > 0
        || in_list (name, skipped, sizeof skipped / sizeof skipped[0])) {
        t->open[t->depth++] = OPEN_SKIPPED;
        t->skipped++;
        return;
    }
    if (in_list (name, blocks, sizeof blocks / sizeof blocks[0])) {
        flags |= OPEN_BLOCK;
        t->pending_line = 1;
    }
    if (strcasecmp (name, "td") == 0 || strcasecmp (name, "th") == 0)
        t->pending_tab = 1;
    if (strcasecmp (name, "br") == 0 && t->buf->len > 0
        && t->buf->data[t->buf->len - 1] == '\n')
        tracuu_decode__buf_putc (t->buf, '\n');      /* Keep <br><br>. */
    if (strcasecmp (name, "pre") == 0) {
        flags |= OPEN_PRE;
        t->in_pre++;
    }
    t->open[t->depth++] = flags;
}

static void
on_end (void *ctx, const xmlChar *name)
{
    html_text_t *t = ctx;
    unsigned char flags;

    (void) name;
    if (t->depth == 0)
        return;                 /* The parser balances its calls; be safe. */
    flags = t->open[--t->depth];
    if (flags & OPEN_SKIPPED) {
        t->skipped--;
        return;
    }
    if (flags & OPEN_PRE)
        t->in_pre--;
    if (flags & OPEN_BLOCK)
        t->pending_line = 1;
}

static void
on_text (void *ctx, const xmlChar *text, int len)
{
    html_text_t *t = ctx;

    if (t->skipped == 0 && len > 0)
        emit_text (t, (const char *) text, (size_t) len);
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

/* Replace NUL and control bytes of the page by spaces (libxml2 would
 * stop at a NUL or drop what follows it), counting them. */
static void
blank_controls (tracuu_decode_buf_t *utf8, tracuu_decoded_t *out)
{
    for (size_t i = 0; i < utf8->len; i++) {
        unsigned char c = (unsigned char) utf8->data[i];

        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
             && c != '\v') || c == 0x7f) {
            utf8->data[i] = ' ';
            out->n_control++;
        }
    }
}

/* Feed the UTF-8 page to the parser, the text going to 't'. */
static tracuu_status_t
parse_html (const char *page, size_t len, html_text_t *t,
            tracuu_decoded_t *out)
{
    htmlSAXHandler sax;
    htmlParserCtxtPtr ctxt;

    tracuu_decode__xml_init ();
    ctxt = htmlNewParserCtxt ();
    if (ctxt == NULL) {
        tracuu_decode__set_error (out, "out of memory");
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    memset (&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.ignorableWhitespace = on_text;
    sax.initialized = 1;
    memcpy (ctxt->sax, &sax, sizeof sax);
    ctxt->userData = t;
    t->ctxt = ctxt;
    /* Without a tree no document comes back: the text is in 't'. */
    xmlFreeDoc (htmlCtxtReadMemory (ctxt, page, (int) len, NULL, "UTF-8",
                                    HTML_PARSE_RECOVER | HTML_PARSE_NONET
                                    | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                    | HTML_PARSE_NOIMPLIED));
    htmlFreeParserCtxt (ctxt);
    t->ctxt = NULL;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_decode__html (const char *bytes, size_t len,
                     const tracuu_decode_options_t *opts,
                     tracuu_decoded_t *out)
{
    tracuu_status_t status;
    tracuu_decode_buf_t utf8, text;
    html_text_t t;
    char charset[64];

    tracuu_decode__buf_init (&utf8, tracuu_decode__output_limit (opts));
    tracuu_decode__buf_init (&text, tracuu_decode__output_limit (opts));
    memset (&t, 0, sizeof t);
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
    if (status == TRACUU_STATUS_LIMIT_EXCEEDED || utf8.len > INT_MAX) {
        tracuu_decode__set_error (out, "HTML longer than the limit of %.1f "
                                  "MB", text.limit / 1048576.0);
        out->over_text_limit = 1;
        status = TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    if (status || utf8.data == NULL)
        goto DONE;
    blank_controls (&utf8, out);
    neuter_meta (utf8.data, utf8.len);
    t.buf = &text;
    status = parse_html (utf8.data, utf8.len, &t, out);
    if (status == TRACUU_STATUS_OK && text.status == TRACUU_STATUS_OK
        && text.len > 0)
        tracuu_decode__buf_putc (&text, '\n');

  DONE:
    if (status == TRACUU_STATUS_OK)
        status = tracuu_decode__buf_finish (&text, out);
    free (t.open);
    tracuu_decode__buf_dispose (&utf8);
    tracuu_decode__buf_dispose (&text);
    return status;
}
