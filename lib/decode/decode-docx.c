/*
 * Word documents (.docx): word/document.xml and word/footnotes.xml read
 * from the zip with libzip and parsed with libxml2. Paragraphs become
 * lines, table cells are separated by tabs, footnote references become
 * superscript numbers and the footnotes follow the body as lines
 * "¹ text", as in the plain-text reports.
 *
 * The XML is streamed from the zip into libxml2's push parser with SAX
 * callbacks: neither the XML nor a tree of it is ever held, so memory is
 * the text (bounded by the output limit, checked as it grows) and a few
 * buffers, whatever the size of the XML. A DTD is refused: Word never
 * writes one, and its entities are how a few hundred bytes of XML
 * expand to gigabytes of text.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <zip.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"
#include "util/util-private.h"

/* Largest ratio of uncompressed to compressed size of a zip entry. */
#define MAX_RATIO 100

/* Entries smaller than this are not checked for their ratio. */
#define RATIO_FLOOR 65536

/* Most footnotes numbered. */
#define MAX_NOTES 4096

/* Bytes of XML read from the zip at a time. */
#define XML_CHUNK 65536

/* What an open element does when it closes, kept on a stack. */
typedef enum open_kind {
    OPEN_OTHER,
    OPEN_TEXT,                 /* <w:t>: its characters are text. */
    OPEN_SKIP,                 /* <w:delText>, <w:instrText>: dropped. */
    OPEN_PARAGRAPH,            /* <w:p>: ends a line (a space in a cell). */
    OPEN_ROW,                  /* <w:tr>: ends a line. */
    OPEN_CELL,                 /* <w:tc>. */
    OPEN_NOTE                  /* <w:footnote> in footnotes.xml. */
} open_kind_t;

typedef struct open_elem {
    open_kind_t kind;
    size_t value;              /* Paragraph: text length at its start;
                                  row: cells of the enclosing row. */
} open_elem_t;

/* One footnote of footnotes.xml: its id and its text in 'notes'. */
typedef struct note {
    int id;
    size_t start, len;
} note_t;

typedef struct docx_text {
    tracuu_decode_buf_t *buf;  /* Where text goes now. */
    xmlParserCtxtPtr ctxt;     /* To stop the parser on an error. */
    open_elem_t *open;         /* Open elements. */
    size_t depth, alloc;
    size_t in_text;            /* Open <w:t>. */
    size_t skipping;           /* Open elements whose text is dropped. */
    int cells_in_row;          /* Cells started in the current row. */
    int in_cell;               /* Depth of table cells around. */
    int has_dtd;               /* The XML declares a DTD: refused. */
    int note_ids[MAX_NOTES];   /* Footnote ids, in order of reference. */
    int n_notes;               /* Entries of 'note_ids'. */
    int reading_notes;         /* Parsing footnotes.xml. */
    note_t *notes;             /* Footnotes read from footnotes.xml. */
    size_t n_read, alloc_read;
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

static void
stop (docx_text_t *t, tracuu_status_t status)
{
    if (t->buf->status == TRACUU_STATUS_OK)
        t->buf->status = status;
    xmlStopParser (t->ctxt);
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

/* The w:id attribute of a SAX2 attribute list (-1 if none). */
static int
attr_id (int nb_attributes, const xmlChar **attrs)
{
    for (int i = 0; i < nb_attributes; i++) {
        const xmlChar **a = attrs + 5 * i;

        if (strcmp ((const char *) a[0], "id") == 0) {
            char v[16];
            size_t n = (size_t) (a[4] - a[3]);

            if (n >= sizeof v)
                return -1;
            memcpy (v, a[3], n);
            v[n] = '\0';
            return atoi (v);
        }
    }
    return -1;
}

/* End the current line unless it is empty. */
static void
end_line (tracuu_decode_buf_t *buf)
{
    if (buf->len > 0 && buf->data[buf->len - 1] != '\n')
        tracuu_decode__buf_putc (buf, '\n');
}

static void
trim_spaces (tracuu_decode_buf_t *buf, size_t floor)
{
    while (buf->len > floor && buf->data[buf->len - 1] == ' ')
        buf->data[--buf->len] = '\0';
}

static int
is (const xmlChar *name, const char *want)
{
    return strcmp ((const char *) name, want) == 0;
}

/* A footnote of footnotes.xml starts: its text goes to the buffer after
 * what is there, as one line whose paragraphs are joined by spaces. */
static size_t
note_start (docx_text_t *t, int id)
{
    note_t *n;

    if (t->n_read == t->alloc_read) {
        tracuu_status_t rc = TRACUU_STATUS_OK;
        note_t *p = tracuu_array__grow (&rc, t->notes, &t->alloc_read,
                                        t->n_read + 1, sizeof *p);

        if (p == NULL) {
            stop (t, rc);
            return 0;
        }
        t->notes = p;
    }
    n = &t->notes[t->n_read++];
    n->id = id;
    n->start = t->buf->len;
    n->len = 0;
    t->in_cell++;
    return t->n_read - 1;
}

static void
on_start (void *ctx, const xmlChar *name, const xmlChar *prefix,
          const xmlChar *uri, int nb_namespaces, const xmlChar **namespaces,
          int nb_attributes, int nb_defaulted, const xmlChar **attrs)
{
    docx_text_t *t = ctx;
    tracuu_decode_buf_t *buf = t->buf;
    open_elem_t e = { OPEN_OTHER, 0 };

    (void) prefix, (void) uri, (void) nb_namespaces, (void) namespaces;
    (void) nb_defaulted;
    if (t->depth == t->alloc) {
        tracuu_status_t rc = TRACUU_STATUS_OK;
        open_elem_t *p = tracuu_array__grow (&rc, t->open, &t->alloc,
                                             t->depth + 1, sizeof *p);

        if (p == NULL) {
            stop (t, rc);
            return;
        }
        t->open = p;
    }
    if (t->skipping > 0 || is (name, "delText") || is (name, "instrText")) {
        e.kind = OPEN_SKIP;
        t->skipping++;
    } else if (t->reading_notes && t->depth == 1) {
        /* Only the footnotes themselves, children of the root. */
        if (is (name, "footnote")) {
            e.kind = OPEN_NOTE;
            e.value = note_start (t, attr_id (nb_attributes, attrs));
        } else {
            e.kind = OPEN_SKIP;
            t->skipping++;
        }
    } else if (t->reading_notes && t->depth == 0) {
        e.kind = OPEN_OTHER;
    } else if (is (name, "t")) {
        e.kind = OPEN_TEXT;
        t->in_text++;
    } else if (is (name, "tab")) {
        tracuu_decode__buf_putc (buf, '\t');
    } else if (is (name, "br") || is (name, "cr")) {
        tracuu_decode__buf_putc (buf, t->in_cell ? ' ' : '\n');
    } else if (is (name, "footnoteReference")) {
        if (!t->reading_notes && t->n_notes < MAX_NOTES) {
            t->note_ids[t->n_notes++] = attr_id (nb_attributes, attrs);
            put_superscript (buf, t->n_notes);
        }
    } else if (is (name, "p")) {
        e.kind = OPEN_PARAGRAPH;
        e.value = buf->len;
    } else if (is (name, "tr")) {
        e.kind = OPEN_ROW;
        e.value = (size_t) t->cells_in_row;
        end_line (buf);
        t->cells_in_row = 0;
    } else if (is (name, "tc")) {
        e.kind = OPEN_CELL;
        trim_spaces (buf, 0);
        if (t->cells_in_row++ > 0)
            tracuu_decode__buf_putc (buf, '\t');
        t->in_cell++;
    }
    t->open[t->depth++] = e;
    if (buf->status != TRACUU_STATUS_OK)
        xmlStopParser (t->ctxt);
}

static void
on_end (void *ctx, const xmlChar *name, const xmlChar *prefix,
        const xmlChar *uri)
{
    docx_text_t *t = ctx;
    tracuu_decode_buf_t *buf = t->buf;
    open_elem_t e;

    (void) name, (void) prefix, (void) uri;
    if (t->depth == 0)
        return;
    e = t->open[--t->depth];
    switch (e.kind) {
    case OPEN_SKIP:
        t->skipping--;
        break;
    case OPEN_TEXT:
        t->in_text--;
        break;
    case OPEN_PARAGRAPH:
        if (!t->in_cell)
            end_line (buf);
        else if (buf->len > e.value)
            tracuu_decode__buf_putc (buf, ' ');
        break;
    case OPEN_ROW:
        t->cells_in_row = (int) e.value;
        trim_spaces (buf, 0);
        end_line (buf);
        break;
    case OPEN_CELL:
        t->in_cell--;
        break;
    case OPEN_NOTE:
        t->in_cell--;
        if (e.value < t->n_read) {
            note_t *n = &t->notes[e.value];

            trim_spaces (buf, n->start);
            n->len = buf->len - n->start;
        }
        break;
    case OPEN_OTHER:
        break;
    }
    if (buf->status != TRACUU_STATUS_OK)
        xmlStopParser (t->ctxt);
}

static void
on_text (void *ctx, const xmlChar *text, int len)
{
    docx_text_t *t = ctx;

    if (t->in_text == 0 || t->skipping > 0 || len <= 0)
        return;
    tracuu_decode__buf_append (t->buf, (const char *) text, (size_t) len);
    if (t->buf->status != TRACUU_STATUS_OK)
        xmlStopParser (t->ctxt);
}

static void
on_dtd (void *ctx, const xmlChar *name, const xmlChar *external_id,
        const xmlChar *system_id)
{
    docx_text_t *t = ctx;

    (void) name, (void) external_id, (void) system_id;
    t->has_dtd = 1;
    xmlStopParser (t->ctxt);
}

/* Stream entry 'index' of the zip through the push parser into 't'. */
static tracuu_status_t
parse_entry (zip_t *zip, zip_int64_t index, const char *name, docx_text_t *t,
             tracuu_decoded_t *out)
{
    xmlSAXHandler sax;
    zip_file_t *file;
    char chunk[XML_CHUNK];
    tracuu_status_t status = TRACUU_STATUS_OK;
    int wellformed;
    const char *msg;

    memset (&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = on_start;
    sax.endElementNs = on_end;
    sax.characters = on_text;
    sax.cdataBlock = on_text;
    sax.internalSubset = on_dtd;
    file = zip_fopen_index (zip, (zip_uint64_t) index, 0);
    if (file == NULL) {
        tracuu_decode__set_error (out, "broken zip: cannot read %s", name);
        return TRACUU_STATUS_BAD_INPUT;
    }
    tracuu_decode__xml_init ();
    t->ctxt = xmlCreatePushParserCtxt (&sax, t, NULL, 0, name);
    if (t->ctxt == NULL) {
        zip_fclose (file);
        return TRACUU_STATUS_OUT_OF_MEMORY;
    }
    xmlCtxtUseOptions (t->ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR
                                | XML_PARSE_NOWARNING);
    t->depth = t->in_text = t->skipping = 0;
    for (;;) {
        zip_int64_t n = zip_fread (file, chunk, sizeof chunk);

        if (n < 0) {
            tracuu_decode__set_error (out, "broken zip: cannot read %s", name);
            status = TRACUU_STATUS_BAD_INPUT;
            break;
        }
        if (xmlParseChunk (t->ctxt, chunk, (int) n, n == 0) != 0
            || t->ctxt->disableSAX || n == 0)
            break;
    }
    wellformed = t->ctxt->wellFormed;
    msg = t->ctxt->lastError.message;
    if (status != TRACUU_STATUS_OK)
        ;
    else if (t->buf->status != TRACUU_STATUS_OK)
        status = t->buf->status;    /* The caller words it. */
    else if (t->has_dtd) {
        tracuu_decode__set_error (out, "%s declares a DTD, which Word never "
                                  "writes; refused (entity bomb?)", name);
        status = TRACUU_STATUS_BAD_INPUT;
    } else if (!wellformed) {
        if (msg && strstr (msg, "depth") != NULL) {
            tracuu_decode__set_error (out, "%s: XML too deeply nested", name);
            status = TRACUU_STATUS_LIMIT_EXCEEDED;
        } else {
            tracuu_decode__set_error (out, "%s: malformed XML", name);
            status = TRACUU_STATUS_BAD_INPUT;
        }
    }
    xmlFreeParserCtxt (t->ctxt);
    t->ctxt = NULL;
    zip_fclose (file);
    return status;
}

/* The index of entry 'name' (-1 if absent), refused when it claims a
 * ratio no Word document has (a zip bomb). */
static tracuu_status_t
find_entry (zip_t *zip, const char *name, zip_int64_t *index_out,
            tracuu_decoded_t *out)
{
    zip_int64_t index = zip_name_locate (zip, name, 0);
    zip_stat_t st;

    *index_out = -1;
    if (index < 0)
        return TRACUU_STATUS_OK;
    zip_stat_init (&st);
    if (zip_stat_index (zip, (zip_uint64_t) index, 0, &st) < 0
        || !(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) {
        tracuu_decode__set_error (out, "broken zip: cannot stat %s", name);
        return TRACUU_STATUS_BAD_INPUT;
    }
    if (st.size > RATIO_FLOOR && st.size / MAX_RATIO > st.comp_size) {
        tracuu_decode__set_error (out, "%s expands to %llu bytes from %llu "
                                  "(zip bomb?)", name,
                                  (unsigned long long) st.size,
                                  (unsigned long long) st.comp_size);
        return TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    *index_out = index;
    return TRACUU_STATUS_OK;
}

/* Append "² text" lines for the referenced footnotes. */
static void
append_notes (docx_text_t *t, tracuu_decode_buf_t *body,
              const tracuu_decode_buf_t *notes)
{
    for (int i = 0; i < t->n_notes; i++) {
        for (size_t k = 0; k < t->n_read; k++) {
            const note_t *n = &t->notes[k];

            if (n->id != t->note_ids[i])
                continue;
            end_line (body);
            put_superscript (body, i + 1);
            tracuu_decode__buf_putc (body, ' ');
            tracuu_decode__buf_append (body, notes->data + n->start, n->len);
            break;
        }
    }
    end_line (body);
}

tracuu_status_t
tracuu_decode__docx (const char *bytes, size_t len,
                     const tracuu_decode_options_t *opts,
                     tracuu_decoded_t *out)
{
    tracuu_status_t status;
    tracuu_decode_buf_t buf, notes;
    docx_text_t *t = NULL;
    zip_t *zip = NULL;
    zip_int64_t doc_index, notes_index;
    size_t limit = tracuu_decode__output_limit (opts);

    tracuu_decode__buf_init (&buf, limit);
    tracuu_decode__buf_init (&notes, limit);
    out->format = "docx";
    out->encoding = "utf-8";
    zip = open_zip (bytes, len);
    if (zip == NULL) {
        tracuu_decode__set_error (out, "broken zip archive");
        status = TRACUU_STATUS_BAD_INPUT;
        goto DONE;
    }
    status = find_entry (zip, "word/document.xml", &doc_index, out);
    if (status == TRACUU_STATUS_OK && doc_index < 0) {
        tracuu_decode__set_error (out, "not a Word document: no "
                                  "word/document.xml");
        status = TRACUU_STATUS_BAD_INPUT;
    }
    if (status == TRACUU_STATUS_OK)
        status = find_entry (zip, "word/footnotes.xml", &notes_index, out);
    if (status)
        goto DONE;
    t = calloc (1, sizeof *t);
    if (t == NULL) {
        status = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    t->buf = &buf;
    status = parse_entry (zip, doc_index, "word/document.xml", t, out);
    if (status == TRACUU_STATUS_OK && notes_index >= 0 && t->n_notes > 0) {
        t->buf = &notes;
        t->reading_notes = 1;
        t->in_cell = 0;
        status = parse_entry (zip, notes_index, "word/footnotes.xml", t, out);
        if (status == TRACUU_STATUS_OK)
            append_notes (t, &buf, &notes);
    }
    /* A full buffer stopped the parser: finishing it says why. */
    if (buf.status != TRACUU_STATUS_OK || notes.status != TRACUU_STATUS_OK)
        status = tracuu_decode__buf_finish (buf.status ? &buf : &notes, out);
    else if (status == TRACUU_STATUS_OK)
        status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    if (t != NULL) {
        free (t->open);
        free (t->notes);
    }
    free (t);
    if (zip)
        zip_discard (zip);
    tracuu_decode__buf_dispose (&buf);
    tracuu_decode__buf_dispose (&notes);
    return status;
}

struct zip *
tracuu_decode__zip_open (const char *bytes, size_t len)
{
    return open_zip (bytes, len);
}

/* Read entry 'name' whole into *data_out (malloc'd, NUL-terminated), for
 * the decoders of small parts (spreadsheets' shared strings, .odt
 * content) that parse a tree; a missing entry gives OK and NULL. */
tracuu_status_t
tracuu_decode__zip_read (struct zip *zip, const char *name, size_t limit,
                         char **data_out, size_t *len_out,
                         tracuu_decoded_t *out)
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
tracuu_status_t
tracuu_decode__xml_parse (const char *data, size_t len, const char *name,
                          struct _xmlDoc **doc_out, tracuu_decoded_t *out)
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
