/*
 * OpenDocument text (.odt): content.xml from the zip, parsed with
 * libxml2 as for .docx. Headings and paragraphs become lines, list items
 * too, table cells are separated by tabs, and footnotes and endnotes are
 * marked by superscript numbers and follow the body as lines "¹ text",
 * as in the plain-text reports.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <zip.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"

#define MAX_DEPTH 256
#define MAX_NOTES 4096

typedef struct odt {
    tracuu_decode_buf_t *buf;
    const xmlNode *notes[MAX_NOTES];    /* Note bodies, in order. */
    int n_notes;
    int in_cell;                /* Inside a table cell: one line. */
    int too_deep;
} odt_t;

static int
is (const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE
           && strcmp ((const char *) node->name, name) == 0;
}

void
tracuu_decode__put_superscript (tracuu_decode_buf_t *buf, int number)
{
    static const uint32_t digits[10] = {
        0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
        0x2075, 0x2076, 0x2077, 0x2078, 0x2079,
    };
    char dec[16];

    snprintf (dec, sizeof dec, "%d", number);
    for (int i = 0; dec[i]; i++)
        tracuu_decode__buf_put_cp (buf, digits[dec[i] - '0']);
}

static void
end_line (tracuu_decode_buf_t *buf)
{
    while (buf->len > 0 && buf->data[buf->len - 1] == ' ')
        buf->data[--buf->len] = '\0';
    if (buf->len > 0 && buf->data[buf->len - 1] != '\n')
        tracuu_decode__buf_putc (buf, '\n');
}

static long
attr_long (const xmlNode *node, const char *name, long fallback)
{
    for (const xmlAttr *a = node->properties; a; a = a->next)
        if (strcmp ((const char *) a->name, name) == 0 && a->children
            && a->children->type == XML_TEXT_NODE)
            return strtol ((const char *) a->children->content, NULL, 10);
    return fallback;
}

/* The content of a paragraph. */
static void
inline_text (odt_t *t, const xmlNode *node, int depth)
{
    tracuu_decode_buf_t *buf = t->buf;

    if (depth > MAX_DEPTH) {
        t->too_deep = 1;
        return;
    }
    for (; node && !buf->status && !t->too_deep; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            for (const char *s = (const char *) node->content; s && *s; s++)
                tracuu_decode__buf_putc (buf, *s == '\n' || *s == '\r'
                                              || *s == '\t' ? ' ' : *s);
        } else if (is (node, "s")) {
            long n = attr_long (node, "c", 1);

            for (long i = 0; i < n && i < 1024; i++)
                tracuu_decode__buf_putc (buf, ' ');
        } else if (is (node, "tab")) {
            tracuu_decode__buf_putc (buf, t->in_cell ? ' ' : '\t');
        } else if (is (node, "line-break")) {
            tracuu_decode__buf_putc (buf, t->in_cell ? ' ' : '\n');
        } else if (is (node, "note")) {
            const xmlNode *body = NULL;

            for (const xmlNode *c = node->children; c; c = c->next)
                if (is (c, "note-body"))
                    body = c;
            if (body && t->n_notes < MAX_NOTES) {
                t->notes[t->n_notes++] = body;
                tracuu_decode__put_superscript (buf, t->n_notes);
            }
        } else if (is (node, "annotation") || is (node, "tracked-changes")
                   || is (node, "annotation-end")) {
            continue;
        } else if (node->type == XML_ELEMENT_NODE) {
            inline_text (t, node->children, depth + 1);
        }
    }
}

static void blocks (odt_t *t, const xmlNode *node, int depth);

/* Rows of a table, cells separated by tabs. */
static void
table_rows (odt_t *t, const xmlNode *node, int depth)
{
    if (depth > MAX_DEPTH) {
        t->too_deep = 1;
        return;
    }
    for (; node && !t->buf->status && !t->too_deep; node = node->next) {
        if (is (node, "table-row")) {
            int cells = 0;

            end_line (t->buf);
            for (const xmlNode *c = node->children; c; c = c->next) {
                if (!is (c, "table-cell") && !is (c, "covered-table-cell"))
                    continue;
                if (cells++ > 0)
                    tracuu_decode__buf_putc (t->buf, '\t');
                t->in_cell++;
                blocks (t, c->children, depth + 1);
                t->in_cell--;
                while (t->buf->len > 0
                       && t->buf->data[t->buf->len - 1] == ' ')
                    t->buf->data[--t->buf->len] = '\0';
            }
            end_line (t->buf);
        } else if (is (node, "table-header-rows") || is (node, "table-rows")
                   || is (node, "table-row-group")) {
            table_rows (t, node->children, depth + 1);
        }
    }
}

static void
blocks (odt_t *t, const xmlNode *node, int depth)
{
    tracuu_decode_buf_t *buf = t->buf;

    if (depth > MAX_DEPTH) {
        t->too_deep = 1;
        return;
    }
    for (; node && !buf->status && !t->too_deep; node = node->next) {
        if (is (node, "p") || is (node, "h")) {
            size_t before = buf->len;

            inline_text (t, node->children, depth + 1);
            if (t->in_cell) {
                if (buf->len > before)
                    tracuu_decode__buf_putc (buf, ' ');
            } else {
                end_line (buf);
            }
        } else if (is (node, "table")) {
            table_rows (t, node->children, depth + 1);
        } else if (is (node, "annotation") || is (node, "tracked-changes")
                   || is (node, "sequence-decls") || is (node, "forms")
                   || is (node, "variable-decls")) {
            continue;
        } else if (node->type == XML_ELEMENT_NODE) {
            blocks (t, node->children, depth + 1);
        }
    }
}

tracuu_status_t
tracuu_decode__odt (const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out)
{
    tracuu_decode_buf_t buf;
    tracuu_status_t status;
    zip_t *zip;
    xmlDoc *doc = NULL;
    odt_t *t = NULL;

    tracuu_decode__buf_init (&buf, tracuu_decode__output_limit (opts));
    out->format = "odt";
    out->encoding = "utf-8";
    status = tracuu_decode__odf_content (bytes, len, &zip, &doc, out);
    if (status)
        goto DONE;
    t = calloc (1, sizeof *t);
    if (t == NULL) {
        status = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    t->buf = &buf;
    blocks (t, xmlDocGetRootElement (doc), 0);
    for (int i = 0; i < t->n_notes && !t->too_deep; i++) {
        end_line (&buf);
        tracuu_decode__put_superscript (&buf, i + 1);
        tracuu_decode__buf_putc (&buf, ' ');
        t->in_cell = 1;         /* A note's paragraphs join into one line. */
        blocks (t, t->notes[i]->children, 1);
        t->in_cell = 0;
    }
    end_line (&buf);
    if (t->too_deep) {
        tracuu_decode__set_error (out, "content.xml: XML too deeply nested");
        status = TRACUU_STATUS_LIMIT_EXCEEDED;
        goto DONE;
    }
    status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    free (t);
    xmlFreeDoc (doc);
    zip_discard (zip);
    tracuu_decode__buf_dispose (&buf);
    return status;
}
