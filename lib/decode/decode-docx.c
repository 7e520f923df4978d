/*
 * Word documents (.docx): word/document.xml and word/footnotes.xml read
 * from the zip with libzip and parsed with libxml2. Paragraphs become
 * lines, table cells are separated by tabs, footnote references become
 * superscript numbers and the footnotes follow the body as lines
 * "¹ text", as in the plain-text reports.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zip.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"

/* Deepest XML nesting accepted. */
#define MAX_XML_DEPTH 256

/* Largest ratio of uncompressed to compressed size of a zip entry. */
#define MAX_RATIO 100

/* Entries smaller than this are not checked for their ratio. */
#define RATIO_FLOOR 65536

/* Most footnotes numbered. */
#define MAX_NOTES 4096

typedef struct docx_text {
    tracuu_decode_buf_t *buf;  /* Output. */
    int cells_in_row;          /* Cells started in the current row. */
    int in_cell;               /* Depth of table cells around. */
    int too_deep;              /* Set when the XML nests too deeply. */
    int note_ids[MAX_NOTES];   /* Footnote ids, in order of reference. */
    int n_notes;               /* Entries of 'note_ids'. */
} docx_text_t;

static zip_t *
open_zip (const char *bytes, size_t len)
{
    zip_error_t zerr;
    zip_source_t *src;
    zip_t *zip;

    zip_error_init (&zerr);
    src = zip_source_buffer_create (bytes, len, 0, &zerr);
    if (src == NULL) {
        zip_error_fini (&zerr);
        return NULL;
    }
    zip = zip_open_from_source (src, ZIP_RDONLY, &zerr);
    if (zip == NULL)
        zip_source_free (src);
    zip_error_fini (&zerr);
    return zip;
}

int
tracuu_decode__zip_is_docx (const char *bytes, size_t len)
{
    zip_t *zip = open_zip (bytes, len);
    int found;

    if (zip == NULL)
        return -1;
    found = zip_name_locate (zip, "word/document.xml", 0) >= 0;
    zip_discard (zip);
    return found;
}

/* Read entry 'name' into *out (malloc'd, NUL-terminated). A missing
 * entry gives OK with *out NULL. */
static tracuu_status_t
read_entry (zip_t *zip, const char *name, size_t limit, char **data_out,
            size_t *len_out, tracuu_decoded_t *out)
{
    zip_int64_t index = zip_name_locate (zip, name, 0);
    zip_stat_t st;
    zip_file_t *file = NULL;
    char *data = NULL;
    tracuu_status_t status = TRACUU_STATUS_OK;
    zip_int64_t n;

    *data_out = NULL;
    *len_out = 0;
    if (index < 0)
        return TRACUU_STATUS_OK;
    zip_stat_init (&st);
    if (zip_stat_index (zip, (zip_uint64_t) index, 0, &st) < 0
        || !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
        tracuu_decode__set_error (out, "broken zip: cannot stat %s", name);
        return TRACUU_STATUS_BAD_INPUT;
    }
    if ((limit && st.size > limit) || st.size > INT_MAX
        || (st.size > RATIO_FLOOR && st.size / MAX_RATIO > st.comp_size)) {
        tracuu_decode__set_error (out, "%s expands to %llu bytes from %llu "
                                  "(zip bomb?)", name,
                                  (unsigned long long) st.size,
                                  (unsigned long long) st.comp_size);
        return TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    data = malloc (st.size + 1);
    if (data == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    file = zip_fopen_index (zip, (zip_uint64_t) index, 0);
    n = file ? zip_fread (file, data, st.size) : -1;
    if (n < 0 || (zip_uint64_t) n != st.size) {
        tracuu_decode__set_error (out, "broken zip: cannot read %s", name);
        status = TRACUU_STATUS_BAD_INPUT;
        goto DONE;
    }
    data[st.size] = '\0';
    *data_out = data;
    *len_out = st.size;
    data = NULL;

  DONE:
    if (file)
        zip_fclose (file);
    free (data);
    return status;
}

/* Parse XML without network, entity expansion or huge-tree mode. */
static tracuu_status_t
parse_xml (const char *data, size_t len, const char *name, xmlDoc **doc_out,
           tracuu_decoded_t *out)
{
    xmlParserCtxtPtr ctxt;
    xmlDoc *doc;

    tracuu_decode__xml_init ();
    ctxt = xmlNewParserCtxt ();

    *doc_out = NULL;
    if (ctxt == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    doc = xmlCtxtReadMemory (ctxt, data, (int) len, name, NULL,
                             XML_PARSE_NONET | XML_PARSE_NOERROR
                             | XML_PARSE_NOWARNING);
    if (doc == NULL || !ctxt->wellFormed) {
        const char *msg = ctxt->lastError.message;
        int deep = msg && strstr (msg, "depth") != NULL;

        xmlFreeDoc (doc);
        xmlFreeParserCtxt (ctxt);
        if (deep) {
            tracuu_decode__set_error (out, "%s: XML too deeply nested", name);
            return TRACUU_STATUS_LIMIT_EXCEEDED;
        }
        tracuu_decode__set_error (out, "%s: malformed XML", name);
        return TRACUU_STATUS_BAD_INPUT;
    }
    xmlFreeParserCtxt (ctxt);
    *doc_out = doc;
    return TRACUU_STATUS_OK;
}

static int
is (const xmlNode *node, const char *name)
{
    return strcmp ((const char *) node->name, name) == 0;
}

static void
put_superscript (tracuu_decode_buf_t *buf, int number)
{
    static const uint32_t digits[10] = {
        0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
        0x2075, 0x2076, 0x2077, 0x2078, 0x2079,
    };
    char dec[16];
    int i;

    snprintf (dec, sizeof dec, "%d", number);
    for (i = 0; dec[i]; i++)
        tracuu_decode__buf_put_cp (buf, digits[dec[i] - '0']);
}

static int
attr_int (const xmlNode *node, const char *name)
{
    xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
    int n = v ? atoi ((const char *) v) : -1;

    xmlFree (v);
    return n;
}

/* End the current line unless it is empty. */
static void
end_line (tracuu_decode_buf_t *buf)
{
    if (buf->len > 0 && buf->data[buf->len - 1] != '\n')
        tracuu_decode__buf_putc (buf, '\n');
}

static void
walk (docx_text_t *t, xmlNode *node, int depth)
{
    tracuu_decode_buf_t *buf = t->buf;

    if (depth > MAX_XML_DEPTH) {
        t->too_deep = 1;
        return;
    }
    for (; node && buf->status == TRACUU_STATUS_OK && !t->too_deep;
         node = node->next) {
        if (node->type != XML_ELEMENT_NODE)
            continue;
        if (is (node, "t")) {
            xmlChar *s = xmlNodeGetContent (node);

            if (s)
                tracuu_decode__buf_append (buf, (const char *) s,
                                           strlen ((const char *) s));
            xmlFree (s);
        } else if (is (node, "tab")) {
            tracuu_decode__buf_putc (buf, '\t');
        } else if (is (node, "br") || is (node, "cr")) {
            tracuu_decode__buf_putc (buf, t->in_cell ? ' ' : '\n');
        } else if (is (node, "footnoteReference")) {
            if (t->n_notes < MAX_NOTES) {
                t->note_ids[t->n_notes++] = attr_int (node, "id");
                put_superscript (buf, t->n_notes);
            }
        } else if (is (node, "delText") || is (node, "instrText")) {
            continue;
        } else if (is (node, "p")) {
            size_t before = buf->len;

            walk (t, node->children, depth + 1);
            if (t->in_cell) {
                if (buf->len > before)
                    tracuu_decode__buf_putc (buf, ' ');
            } else {
                end_line (buf);
            }
        } else if (is (node, "tr")) {
            int cells = t->cells_in_row;

            end_line (buf);
            t->cells_in_row = 0;
            walk (t, node->children, depth + 1);
            t->cells_in_row = cells;
            while (buf->len > 0 && buf->data[buf->len - 1] == ' ')
                buf->data[--buf->len] = '\0';
            end_line (buf);
        } else if (is (node, "tc")) {
            while (buf->len > 0 && buf->data[buf->len - 1] == ' ')
                buf->data[--buf->len] = '\0';
            if (t->cells_in_row++ > 0)
                tracuu_decode__buf_putc (buf, '\t');
            t->in_cell++;
            walk (t, node->children, depth + 1);
            t->in_cell--;
        } else {
            walk (t, node->children, depth + 1);
        }
    }
}

/* Append "² text" lines for the referenced footnotes. */
static void
append_notes (docx_text_t *t, xmlDoc *notes)
{
    xmlNode *root = xmlDocGetRootElement (notes), *note;
    int i;

    if (root == NULL)
        return;
    for (i = 0; i < t->n_notes; i++) {
        for (note = root->children; note; note = note->next) {
            size_t start;

            if (note->type != XML_ELEMENT_NODE || !is (note, "footnote")
                || attr_int (note, "id") != t->note_ids[i])
                continue;
            end_line (t->buf);
            put_superscript (t->buf, i + 1);
            tracuu_decode__buf_putc (t->buf, ' ');
            start = t->buf->len;
            t->in_cell = 1;    /* Paragraphs of a note join into one line. */
            walk (t, note->children, 1);
            t->in_cell = 0;
            while (t->buf->len > start
                   && t->buf->data[t->buf->len - 1] == ' ')
                t->buf->data[--t->buf->len] = '\0';
            break;
        }
    }
    end_line (t->buf);
}

tracuu_status_t
tracuu_decode__docx (const char *bytes, size_t len,
                     const tracuu_decode_options_t *opts,
                     tracuu_decoded_t *out)
{
    tracuu_status_t status;
    tracuu_decode_buf_t buf;
    docx_text_t *t = NULL;
    zip_t *zip = NULL;
    xmlDoc *doc = NULL, *notes = NULL;
    char *xml = NULL, *notes_xml = NULL;
    size_t xml_len, notes_len, limit = tracuu_decode__output_limit (opts);

    tracuu_decode__buf_init (&buf, limit);
    out->format = "docx";
    out->encoding = "utf-8";
    zip = open_zip (bytes, len);
    if (zip == NULL) {
        tracuu_decode__set_error (out, "broken zip archive");
        status = TRACUU_STATUS_BAD_INPUT;
        goto DONE;
    }
    status = read_entry (zip, "word/document.xml", limit, &xml, &xml_len, out);
    if (status)
        goto DONE;
    if (xml == NULL) {
        tracuu_decode__set_error (out, "not a Word document: no "
                                  "word/document.xml");
        status = TRACUU_STATUS_BAD_INPUT;
        goto DONE;
    }
    status = read_entry (zip, "word/footnotes.xml", limit, &notes_xml,
                         &notes_len, out);
    if (status)
        goto DONE;
    status = parse_xml (xml, xml_len, "word/document.xml", &doc, out);
    if (status == TRACUU_STATUS_OK && notes_xml)
        status = parse_xml (notes_xml, notes_len, "word/footnotes.xml",
                            &notes, out);
    if (status)
        goto DONE;
    t = calloc (1, sizeof *t);
    if (t == NULL) {
        status = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    t->buf = &buf;
    walk (t, xmlDocGetRootElement (doc), 0);
    if (notes && t->n_notes > 0 && !t->too_deep)
        append_notes (t, notes);
    if (t->too_deep) {
        tracuu_decode__set_error (out, "word/document.xml: XML too deeply "
                                  "nested");
        status = TRACUU_STATUS_LIMIT_EXCEEDED;
        goto DONE;
    }
    status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    free (t);
    xmlFreeDoc (doc);
    xmlFreeDoc (notes);
    free (xml);
    free (notes_xml);
    if (zip)
        zip_discard (zip);
    tracuu_decode__buf_dispose (&buf);
    return status;
}

struct zip *
tracuu_decode__zip_open (const char *bytes, size_t len)
{
    return open_zip (bytes, len);
}

tracuu_status_t
tracuu_decode__zip_read (struct zip *zip, const char *name, size_t limit,
                         char **data_out, size_t *len_out,
                         tracuu_decoded_t *out)
{
    return read_entry (zip, name, limit, data_out, len_out, out);
}

tracuu_status_t
tracuu_decode__xml_parse (const char *data, size_t len, const char *name,
                          struct _xmlDoc **doc_out, tracuu_decoded_t *out)
{
    return parse_xml (data, len, name, doc_out, out);
}
