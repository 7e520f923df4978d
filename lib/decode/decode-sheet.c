/*
 * Spreadsheets: .xlsx (Office Open XML), .ods (OpenDocument) and .csv.
 * Each sheet becomes a line with its name, then one line per row with
 * its cells separated by tabs (empty cells keep their tab, so columns
 * stay aligned), then a blank line. Table extraction reads these lines
 * as it reads the tables of a report: a unit stated once in a header
 * ("Số tiền (triệu đồng)") applies to the column.
 *
 * Numbers of .xlsx cells are written as a Vietnamese reader sees them:
 * a decimal comma ("7,5"), no thousands separator, dates (cells whose
 * style is a date format) as dd/mm/yyyy. .ods cells keep the text the
 * spreadsheet displayed.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>
#include <zip.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"

/* Deepest XML nesting walked. */
#define MAX_DEPTH 256

/* Largest XML part read: a DOM tree takes several times its size. */
#define MAX_PART_BYTES ((size_t) 64 << 20)

/* Widest sheet written (Excel's own limit, column XFD). */
#define MAX_COLUMNS 16384

/* Most copies written of a repeated non-empty .ods row or cell. */
#define MAX_REPEAT 256

/* Most sheets read. */
#define MAX_SHEETS 1024

static int
is (const xmlNode *node, const char *name)
{
    return node->type == XML_ELEMENT_NODE
           && strcmp ((const char *) node->name, name) == 0;
}

/* Value of attribute 'name' (any namespace), borrowed, or NULL. */
static const char *
attr (const xmlNode *node, const char *name)
{
    for (const xmlAttr *a = node->properties; a; a = a->next)
        if (strcmp ((const char *) a->name, name) == 0 && a->children
            && a->children->type == XML_TEXT_NODE)
            return (const char *) a->children->content;
    return NULL;
}

/* Number in attribute 'name', or 'fallback'. */
static long
attr_long (const xmlNode *node, const char *name, long fallback)
{
    const char *v = attr (node, name);
    char *end;
    long n;

    if (v == NULL)
        return fallback;
    n = strtol (v, &end, 10);
    return end == v ? fallback : n;
}

tracuu_status_t
tracuu_decode__office_xml (zip_t *zip, const char *name, int required,
                           xmlDoc **doc_out, tracuu_decoded_t *out)
{
    tracuu_status_t status;
    char *data = NULL;
    size_t len = 0;

    *doc_out = NULL;
    status = tracuu_decode__zip_read (zip, name, MAX_PART_BYTES, &data, &len,
                                      out);
    if (status)
        return status;
    if (data == NULL) {
        if (!required)
            return TRACUU_STATUS_OK;
        tracuu_decode__set_error (out, "broken document: no %s", name);
        return TRACUU_STATUS_BAD_INPUT;
    }
    /* Office documents never declare a DTD; one that does is after
     * entity expansion ("billion laughs") or external entities. */
    if (memmem (data, len < 4096 ? len : 4096, "<!DOCTYPE", 9) != NULL) {
        free (data);
        tracuu_decode__set_error (out, "%s declares a DTD, which office "
                                  "documents never do (entity expansion?)",
                                  name);
        return TRACUU_STATUS_BAD_INPUT;
    }
    status = tracuu_decode__xml_parse (data, len, name, doc_out, out);
    free (data);
    if (status == TRACUU_STATUS_OK && (*doc_out)->intSubset != NULL) {
        xmlFreeDoc (*doc_out);
        *doc_out = NULL;
        tracuu_decode__set_error (out, "%s declares a DTD, which office "
                                  "documents never do (entity expansion?)",
                                  name);
        return TRACUU_STATUS_BAD_INPUT;
    }
    return status;
}

/* Append the text under 'node' (text and CDATA only: entity references
 * are never expanded), tabs and line ends as spaces. */
static void
append_text (tracuu_decode_buf_t *buf, const xmlNode *node, int depth,
             int *too_deep)
{
    if (depth > MAX_DEPTH) {
        *too_deep = 1;
        return;
    }
    for (; node && !buf->status && !*too_deep; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            for (const char *s = (const char *) node->content; s && *s; s++)
                tracuu_decode__buf_putc (buf, *s == '\t' || *s == '\n'
                                              || *s == '\r' ? ' ' : *s);
        } else if (node->type == XML_ELEMENT_NODE) {
            append_text (buf, node->children, depth + 1, too_deep);
        }
    }
}

/* Remove trailing spaces and tabs of the last line. */
static void
trim_line (tracuu_decode_buf_t *buf)
{
    while (buf->len > 0 && (buf->data[buf->len - 1] == ' '
                            || buf->data[buf->len - 1] == '\t'))
        buf->data[--buf->len] = '\0';
}

/* The cells of one row, written as they come: empty cells only move
 * the column on, so that trailing empty cells leave no tabs. */
typedef struct row_writer {
    tracuu_decode_buf_t *buf;
    long next;                  /* Column of the next cell (0-based). */
    long last;                  /* Column of the last cell written, or -1. */
} row_writer_t;

static void
row_begin (row_writer_t *w, tracuu_decode_buf_t *buf)
{
    w->buf = buf;
    w->next = 0;
    w->last = -1;
}

/* Start a cell with text at 'column' (the next one when negative or
 * out of order); the caller then appends its text. */
static void
cell_begin (row_writer_t *w, long column)
{
    long tabs;

    if (column < w->next)
        column = w->next;
    if (column >= MAX_COLUMNS)
        column = MAX_COLUMNS - 1;
    tabs = w->last >= 0 ? column - w->last : column;
    for (long i = 0; i < tabs; i++)
        tracuu_decode__buf_putc (w->buf, '\t');
    w->last = column;
    w->next = column + 1;
}

/* ------------------------------------------------------------------ */
/* .xlsx                                                               */

typedef struct xlsx {
    zip_t *zip;
    char **strings;             /* Shared strings, owned. */
    size_t n_strings;
    unsigned char *date_style;  /* Per cellXfs index: a date format. */
    size_t n_styles;
    int date1904;               /* Dates count from 1904. */
    tracuu_decode_buf_t *buf;
    int too_deep;
} xlsx_t;

/* Text of a shared string item or an inline string: its <t> runs,
 * without phonetic runs (<rPh>). */
static void
string_item (tracuu_decode_buf_t *buf, const xmlNode *node, int depth,
             int *too_deep)
{
    if (depth > MAX_DEPTH) {
        *too_deep = 1;
        return;
    }
    for (; node; node = node->next) {
        if (is (node, "t"))
            append_text (buf, node->children, depth + 1, too_deep);
        else if (node->type == XML_ELEMENT_NODE && !is (node, "rPh"))
            string_item (buf, node->children, depth + 1, too_deep);
    }
}

static tracuu_status_t
read_shared_strings (xlsx_t *x, tracuu_decoded_t *out)
{
    xmlDoc *doc = NULL;
    xmlNode *root, *si;
    tracuu_status_t status;
    size_t n = 0;

    status = tracuu_decode__office_xml (x->zip, "xl/sharedStrings.xml", 0,
                                        &doc, out);
    if (status || doc == NULL)
        return status;
    root = xmlDocGetRootElement (doc);
    for (si = root ? root->children : NULL; si; si = si->next)
        n += is (si, "si");
    x->strings = calloc (n + 1, sizeof *x->strings);
    if (x->strings == NULL) {
        status = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    for (si = root ? root->children : NULL; si; si = si->next) {
        tracuu_decode_buf_t s;

        if (!is (si, "si"))
            continue;
        tracuu_decode__buf_init (&s, x->buf->limit);
        string_item (&s, si->children, 0, &x->too_deep);
        tracuu_decode__buf_append (&s, "", 0);
        if (s.status) {
            status = s.status;
            tracuu_decode__buf_dispose (&s);
            break;
        }
        x->strings[x->n_strings++] = s.data;
    }

  DONE:
    xmlFreeDoc (doc);
    return status;
}

/* Non-zero if number format code 'code' shows a date (day or year). */
static int
date_code (const char *code)
{
    int quoted = 0, bracket = 0;

    for (const char *c = code; *c; c++) {
        if (*c == '"')
            quoted = !quoted;
        else if (quoted)
            continue;
        else if (*c == '\\' && c[1])
            c++;
        else if (*c == '[')
            bracket = 1;
        else if (*c == ']')
            bracket = 0;
        else if (!bracket && (*c == 'd' || *c == 'D' || *c == 'y' || *c == 'Y'))
            return 1;
    }
    return 0;
}

static tracuu_status_t
read_styles (xlsx_t *x, tracuu_decoded_t *out)
{
    xmlDoc *doc = NULL;
    xmlNode *root, *part, *n;
    tracuu_status_t status;
    long custom_ids[512];
    size_t n_custom = 0, n_xf = 0;

    status = tracuu_decode__office_xml (x->zip, "xl/styles.xml", 0, &doc, out);
    if (status || doc == NULL)
        return status;
    root = xmlDocGetRootElement (doc);
    for (part = root ? root->children : NULL; part; part = part->next) {
        if (is (part, "numFmts"))
            for (n = part->children; n; n = n->next) {
                const char *code = attr (n, "formatCode");

                if (is (n, "numFmt") && code && date_code (code)
                    && n_custom < sizeof custom_ids / sizeof custom_ids[0])
                    custom_ids[n_custom++] = attr_long (n, "numFmtId", -1);
            }
        if (is (part, "cellXfs"))
            for (n = part->children; n; n = n->next)
                n_xf += is (n, "xf");
    }
    x->date_style = calloc (n_xf + 1, 1);
    if (x->date_style == NULL) {
        status = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    for (part = root ? root->children : NULL; part; part = part->next) {
        if (!is (part, "cellXfs"))
            continue;
        for (n = part->children; n; n = n->next) {
            long id;
            int date;

            if (!is (n, "xf"))
                continue;
            id = attr_long (n, "numFmtId", 0);
            /* Built-in date formats: 14-17 and 22 (date and time). */
            date = (id >= 14 && id <= 17) || id == 22;
            for (size_t k = 0; k < n_custom && !date; k++)
                date = custom_ids[k] == id;
            x->date_style[x->n_styles++] = (unsigned char) date;
        }
    }

  DONE:
    xmlFreeDoc (doc);
    return status;
}

/* Write day 'serial' of the workbook's date system as dd/mm/yyyy. */
static void
put_date (tracuu_decode_buf_t *buf, double serial, int date1904)
{
    /* Days since 1970-01-01: Excel counts from 1899-12-30 (its 1900
     * system, with the phantom 29 February 1900 before March), or from
     * 1904-01-01. */
    long z = (long) floor (serial) + (date1904 ? 24107 : -25569);
    long era, doe, yoe, doy, mp, d, m, y;
    char s[64];

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    snprintf (s, sizeof s, "%02ld/%02ld/%04ld", d, m, y);
    tracuu_decode__buf_append (buf, s, strlen (s));
}

/* Write number text 'v' as a Vietnamese reader expects it. */
static void
put_number (tracuu_decode_buf_t *buf, const char *v, int date, int date1904)
{
    char *end, s[64];
    double d = strtod (v, &end);

    if (end == v || *end != '\0' || !isfinite (d)) {
        tracuu_decode__buf_append (buf, v, strlen (v));
        return;
    }
    if (date && d >= 1 && d < 2958466) {
        put_date (buf, d, date1904);
        return;
    }
    if (d == floor (d) && fabs (d) < 1e15)
        snprintf (s, sizeof s, "%.0f", d);
    else
        snprintf (s, sizeof s, "%.12g", d);
    for (char *c = s; *c; c++)
        if (*c == '.')
            *c = ',';
    tracuu_decode__buf_append (buf, s, strlen (s));
}

/* Column index (0-based) of a cell reference such as "AB12", or -1. */
static long
ref_column (const char *ref)
{
    long col = 0;
    int n = 0;

    for (; ref && *ref >= 'A' && *ref <= 'Z' && n < 4; ref++, n++)
        col = col * 26 + (*ref - 'A' + 1);
    return n == 0 || col > MAX_COLUMNS ? -1 : col - 1;
}

/* The text of <v> (or "" if none), borrowed. */
static const char *
child_text (const xmlNode *node, const char *name)
{
    for (const xmlNode *c = node->children; c; c = c->next)
        if (is (c, name) && c->children && c->children->type == XML_TEXT_NODE)
            return (const char *) c->children->content;
    return NULL;
}

static void
xlsx_cell (xlsx_t *x, row_writer_t *w, const xmlNode *c)
{
    const char *type = attr (c, "t"), *v = child_text (c, "v");
    long style = attr_long (c, "s", 0);
    tracuu_decode_buf_t *buf = x->buf;

    if (type && strcmp (type, "inlineStr") == 0) {
        for (const xmlNode *is_ = c->children; is_; is_ = is_->next)
            if (is (is_, "is")) {
                cell_begin (w, ref_column (attr (c, "r")));
                string_item (buf, is_->children, 0, &x->too_deep);
            }
        return;
    }
    if (v == NULL || *v == '\0')
        return;
    cell_begin (w, ref_column (attr (c, "r")));
    if (type && strcmp (type, "s") == 0) {
        char *end;
        unsigned long i = strtoul (v, &end, 10);

        if (end != v && i < x->n_strings)
            tracuu_decode__buf_append (buf, x->strings[i],
                                       strlen (x->strings[i]));
    } else if (type && strcmp (type, "b") == 0) {
        tracuu_decode__buf_append (buf, strcmp (v, "1") == 0 ? "TRUE" : "FALSE",
                                   strcmp (v, "1") == 0 ? 4 : 5);
    } else if (type && (strcmp (type, "str") == 0 || strcmp (type, "e") == 0)) {
        for (const char *s = v; *s; s++)
            tracuu_decode__buf_putc (buf, *s == '\t' || *s == '\n' ? ' ' : *s);
    } else {
        put_number (buf, v, style >= 0 && (size_t) style < x->n_styles
                            && x->date_style[style], x->date1904);
    }
}

static tracuu_status_t
xlsx_sheet (xlsx_t *x, const char *name, const char *part,
            tracuu_decoded_t *out)
{
    xmlDoc *doc = NULL;
    xmlNode *root, *data = NULL;
    tracuu_status_t status;
    long last_row = 0;

    status = tracuu_decode__office_xml (x->zip, part, 1, &doc, out);
    if (status)
        return status;
    tracuu_decode__buf_append (x->buf, name, strlen (name));
    tracuu_decode__buf_putc (x->buf, '\n');
    root = xmlDocGetRootElement (doc);
    for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
        if (is (n, "sheetData"))
            data = n;
    for (xmlNode *row = data ? data->children : NULL;
         row && !x->buf->status; row = row->next) {
        row_writer_t w;
        long r = attr_long (row, "r", last_row + 1);

        if (!is (row, "row"))
            continue;
        if (r > last_row + 1 && last_row > 0)
            tracuu_decode__buf_putc (x->buf, '\n');     /* Rows skipped. */
        last_row = r;
        row_begin (&w, x->buf);
        for (xmlNode *c = row->children; c; c = c->next)
            if (is (c, "c"))
                xlsx_cell (x, &w, c);
        trim_line (x->buf);
        tracuu_decode__buf_putc (x->buf, '\n');
    }
    tracuu_decode__buf_putc (x->buf, '\n');
    xmlFreeDoc (doc);
    return TRACUU_STATUS_OK;
}

/* Path in the zip of relationship 'id' of the workbook; malloc'd. */
static char *
sheet_part (xmlDoc *rels, const char *id)
{
    xmlNode *root = rels ? xmlDocGetRootElement (rels) : NULL;

    for (xmlNode *n = root ? root->children : NULL; n; n = n->next) {
        const char *rid = attr (n, "Id"), *target = attr (n, "Target");
        char *path = NULL;

        if (!is (n, "Relationship") || rid == NULL || target == NULL
            || strcmp (rid, id) != 0)
            continue;
        if (target[0] == '/')
            path = strdup (target + 1);
        else if (asprintf (&path, "xl/%s", target) < 0)
            path = NULL;
        return path;
    }
    return NULL;
}

tracuu_status_t
tracuu_decode__xlsx (const char *bytes, size_t len,
                     const tracuu_decode_options_t *opts,
                     tracuu_decoded_t *out)
{
    tracuu_decode_buf_t buf;
    tracuu_status_t status;
    xlsx_t x = { 0 };
    xmlDoc *book = NULL, *rels = NULL;
    xmlNode *root;
    size_t n_sheets = 0;

    tracuu_decode__buf_init (&buf, tracuu_decode__output_limit (opts));
    x.buf = &buf;
    out->format = "xlsx";
    out->encoding = "utf-8";
    x.zip = tracuu_decode__zip_open (bytes, len);
    if (x.zip == NULL) {
        tracuu_decode__set_error (out, "broken zip archive");
        status = TRACUU_STATUS_BAD_INPUT;
        goto DONE;
    }
    status = tracuu_decode__office_xml (x.zip, "xl/workbook.xml", 1, &book, out);
    if (!status)
        status = tracuu_decode__office_xml (x.zip, "xl/_rels/workbook.xml.rels",
                                            1, &rels, out);
    if (!status)
        status = read_shared_strings (&x, out);
    if (!status)
        status = read_styles (&x, out);
    if (status)
        goto DONE;
    root = xmlDocGetRootElement (book);
    for (xmlNode *n = root ? root->children : NULL; n; n = n->next) {
        if (is (n, "workbookPr")) {
            const char *v = attr (n, "date1904");

            x.date1904 = v && (strcmp (v, "1") == 0 || strcmp (v, "true") == 0);
        }
        if (!is (n, "sheets"))
            continue;
        for (xmlNode *s = n->children; s && !status && !buf.status; s = s->next) {
            const char *name = attr (s, "name"), *id = attr (s, "id");
            char *part;

            if (!is (s, "sheet") || id == NULL)
                continue;
            if (++n_sheets > MAX_SHEETS) {
                tracuu_decode__set_error (out, "more than %d sheets",
                                          MAX_SHEETS);
                status = TRACUU_STATUS_LIMIT_EXCEEDED;
                break;
            }
            part = sheet_part (rels, id);
            if (part == NULL) {
                tracuu_decode__set_error (out, "broken workbook: sheet \"%s\" "
                                          "has no part", name ? name : "");
                status = TRACUU_STATUS_BAD_INPUT;
                break;
            }
            status = xlsx_sheet (&x, name ? name : "", part, out);
            free (part);
        }
    }
    if (status)
        goto DONE;
    if (x.too_deep) {
        tracuu_decode__set_error (out, "XML too deeply nested");
        status = TRACUU_STATUS_LIMIT_EXCEEDED;
        goto DONE;
    }
    status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    for (size_t i = 0; i < x.n_strings; i++)
        free (x.strings[i]);
    free (x.strings);
    free (x.date_style);
    xmlFreeDoc (book);
    xmlFreeDoc (rels);
    if (x.zip)
        zip_discard (x.zip);
    tracuu_decode__buf_dispose (&buf);
    return status;
}

/* ------------------------------------------------------------------ */
/* .ods                                                                */

/* Append the paragraphs of an OpenDocument cell or paragraph: text,
 * <text:s text:c="n"/> spaces, tabs and line breaks as spaces; notes
 * and annotations left out. */
void
tracuu_decode__odf_text (tracuu_decode_buf_t *buf, const xmlNode *node,
                         int depth, int *too_deep)
{
    if (depth > MAX_DEPTH) {
        *too_deep = 1;
        return;
    }
    for (; node && !buf->status && !*too_deep; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            for (const char *s = (const char *) node->content; s && *s; s++)
                tracuu_decode__buf_putc (buf, *s == '\t' || *s == '\n'
                                              || *s == '\r' ? ' ' : *s);
        } else if (is (node, "s")) {
            long n = attr_long (node, "c", 1);

            for (long i = 0; i < n && i < 1024; i++)
                tracuu_decode__buf_putc (buf, ' ');
        } else if (is (node, "tab") || is (node, "line-break")) {
            tracuu_decode__buf_putc (buf, ' ');
        } else if (is (node, "annotation") || is (node, "note")
                   || is (node, "tracked-changes")) {
            continue;
        } else if (is (node, "p") || is (node, "h")) {
            if (buf->len > 0 && buf->data[buf->len - 1] != '\t'
                && buf->data[buf->len - 1] != '\n'
                && buf->data[buf->len - 1] != ' ')
                tracuu_decode__buf_putc (buf, ' ');
            tracuu_decode__odf_text (buf, node->children, depth + 1, too_deep);
        } else if (node->type == XML_ELEMENT_NODE) {
            tracuu_decode__odf_text (buf, node->children, depth + 1, too_deep);
        }
    }
}

/* Non-zero if the cell holds no text. */
static int
ods_cell_empty (const xmlNode *cell)
{
    for (const xmlNode *n = cell->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && !is (n, "annotation"))
            return 0;
    return 1;
}

static int
ods_row_empty (const xmlNode *row)
{
    for (const xmlNode *c = row->children; c; c = c->next)
        if ((is (c, "table-cell") || is (c, "covered-table-cell"))
            && !ods_cell_empty (c))
            return 0;
    return 1;
}

typedef struct ods {
    tracuu_decode_buf_t *buf;
    int too_deep;
    int blank;                  /* The last line written is empty. */
} ods_t;

static void
ods_row (ods_t *o, const xmlNode *row)
{
    row_writer_t w;
    size_t start;

    row_begin (&w, o->buf);
    start = o->buf->len;
    for (const xmlNode *c = row->children; c && !o->buf->status; c = c->next) {
        long rep;

        if (!is (c, "table-cell") && !is (c, "covered-table-cell"))
            continue;
        rep = attr_long (c, "number-columns-repeated", 1);
        if (rep < 1)
            rep = 1;
        if (ods_cell_empty (c)) {
            w.next += rep > MAX_COLUMNS ? MAX_COLUMNS : rep;
            if (w.next > MAX_COLUMNS)
                w.next = MAX_COLUMNS;
            continue;
        }
        for (long i = 0; i < rep && i < MAX_REPEAT; i++) {
            size_t at;

            cell_begin (&w, -1);
            at = o->buf->len;
            tracuu_decode__odf_text (o->buf, c->children, 0, &o->too_deep);
            /* No space where the first paragraph began. */
            if (o->buf->len > at && o->buf->data[at] == ' ') {
                memmove (o->buf->data + at, o->buf->data + at + 1,
                         o->buf->len - at);
                o->buf->len--;
            }
        }
    }
    trim_line (o->buf);
    tracuu_decode__buf_putc (o->buf, '\n');
    o->blank = o->buf->len == start + 1;
}

/* Rows of a table, also inside header rows and row groups. */
static void
ods_rows (ods_t *o, const xmlNode *node, int depth)
{
    if (depth > MAX_DEPTH) {
        o->too_deep = 1;
        return;
    }
    for (; node && !o->buf->status && !o->too_deep; node = node->next) {
        if (is (node, "table-row")) {
            long rep = attr_long (node, "number-rows-repeated", 1);

            if (ods_row_empty (node)) {
                /* Runs of empty rows (a sheet ends with a million of
                 * them) leave one blank line. */
                if (!o->blank) {
                    tracuu_decode__buf_putc (o->buf, '\n');
                    o->blank = 1;
                }
                continue;
            }
            for (long i = 0; i < (rep < 1 ? 1 : rep) && i < MAX_REPEAT; i++)
                ods_row (o, node);
        } else if (is (node, "table-header-rows") || is (node, "table-rows")
                   || is (node, "table-row-group")) {
            ods_rows (o, node->children, depth + 1);
        }
    }
}

static void
ods_tables (ods_t *o, const xmlNode *node, int depth)
{
    if (depth > MAX_DEPTH) {
        o->too_deep = 1;
        return;
    }
    for (; node && !o->buf->status && !o->too_deep; node = node->next) {
        if (is (node, "table")) {
            const char *name = attr (node, "name");

            if (name)
                tracuu_decode__buf_append (o->buf, name, strlen (name));
            tracuu_decode__buf_putc (o->buf, '\n');
            o->blank = 0;
            ods_rows (o, node->children, depth + 1);
            while (o->buf->len > 1 && o->buf->data[o->buf->len - 1] == '\n'
                   && o->buf->data[o->buf->len - 2] == '\n')
                o->buf->data[--o->buf->len] = '\0';
            tracuu_decode__buf_putc (o->buf, '\n');
        } else if (node->type == XML_ELEMENT_NODE) {
            ods_tables (o, node->children, depth + 1);
        }
    }
}

tracuu_status_t
tracuu_decode__odf_content (const char *bytes, size_t len, zip_t **zip_out,
                            xmlDoc **doc_out, tracuu_decoded_t *out)
{
    zip_t *zip = tracuu_decode__zip_open (bytes, len);
    tracuu_status_t status;

    *zip_out = NULL;
    *doc_out = NULL;
    if (zip == NULL) {
        tracuu_decode__set_error (out, "broken zip archive");
        return TRACUU_STATUS_BAD_INPUT;
    }
    status = tracuu_decode__office_xml (zip, "content.xml", 1, doc_out, out);
    if (status) {
        zip_discard (zip);
        return status;
    }
    *zip_out = zip;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_decode__ods (const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out)
{
    tracuu_decode_buf_t buf;
    tracuu_status_t status;
    zip_t *zip;
    xmlDoc *doc = NULL;
    ods_t o = { 0 };

    tracuu_decode__buf_init (&buf, tracuu_decode__output_limit (opts));
    o.buf = &buf;
    out->format = "ods";
    out->encoding = "utf-8";
    status = tracuu_decode__odf_content (bytes, len, &zip, &doc, out);
    if (status)
        goto DONE;
    ods_tables (&o, xmlDocGetRootElement (doc), 0);
    if (o.too_deep) {
        tracuu_decode__set_error (out, "content.xml: XML too deeply nested");
        status = TRACUU_STATUS_LIMIT_EXCEEDED;
        goto DONE;
    }
    status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    xmlFreeDoc (doc);
    zip_discard (zip);
    tracuu_decode__buf_dispose (&buf);
    return status;
}

/* ------------------------------------------------------------------ */
/* Which office document a zip holds.                                  */

const char *
tracuu_decode__zip_kind (const char *bytes, size_t len)
{
    zip_t *zip = tracuu_decode__zip_open (bytes, len);
    const char *kind = NULL;
    tracuu_decoded_t scratch = { 0 };
    char *mime = NULL;
    size_t mlen = 0;

    if (zip == NULL)
        return NULL;
    if (zip_name_locate (zip, "word/document.xml", 0) >= 0)
        kind = "docx";
    else if (zip_name_locate (zip, "xl/workbook.xml", 0) >= 0)
        kind = "xlsx";
    else if (tracuu_decode__zip_read (zip, "mimetype", 256, &mime, &mlen,
                                      &scratch) == TRACUU_STATUS_OK && mime) {
        if (strncmp (mime, "application/vnd.oasis.opendocument.text", 39) == 0)
            kind = "odt";
        else if (strncmp (mime, "application/vnd.oasis.opendocument."
                          "spreadsheet", 46) == 0)
            kind = "ods";
    }
    free (mime);
    zip_discard (zip);
    return kind;
}

/* ------------------------------------------------------------------ */
/* .csv                                                                */

/* Fields separated by 'sep' in the first line of [s, s + len), quotes
 * respected. */
static size_t
count_separators (const char *s, size_t len, char sep, size_t *line_end)
{
    size_t n = 0, i;
    int quoted = 0;

    for (i = 0; i < len; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        else if (!quoted && s[i] == '\n')
            break;
        else if (!quoted && s[i] == sep)
            n++;
    }
    *line_end = i;
    return n;
}

/* The separator of a CSV text: the one of tab, ';' and ',' found the
 * same number of times on most of its first lines. Spreadsheets in
 * Vietnamese settings write ';', since ',' is their decimal mark. */
static char
csv_separator (const char *s, size_t len)
{
    static const char candidates[] = { '\t', ';', ',' };
    char best = ',';
    size_t best_score = 0;

    for (size_t k = 0; k < sizeof candidates; k++) {
        size_t counts[20], n = 0, at = 0, score = 0;

        while (at < len && n < 20) {
            size_t end;

            counts[n++] = count_separators (s + at, len - at, candidates[k],
                                            &end);
            at += end + 1;
        }
        for (size_t i = 0; i < n; i++) {
            size_t same = 0;

            for (size_t j = 0; j < n; j++)
                same += counts[j] == counts[i];
            if (counts[i] > 0 && same > score)
                score = same;
        }
        if (score > best_score) {
            best_score = score;
            best = candidates[k];
        }
    }
    return best;
}

tracuu_status_t
tracuu_decode__csv (const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out)
{
    tracuu_decode_buf_t text, buf;
    tracuu_status_t status;
    char sep;
    int quoted = 0;

    tracuu_decode__buf_init (&text, tracuu_decode__output_limit (opts));
    tracuu_decode__buf_init (&buf, tracuu_decode__output_limit (opts));
    out->format = "csv";
    status = tracuu_decode__charset (bytes, len, opts->encoding, &text,
                                     &out->encoding, out);
    if (status)
        goto DONE;
    if (text.data == NULL)
        tracuu_decode__buf_append (&text, "", 0);
    sep = csv_separator (text.data ? text.data : "", text.len);
    for (size_t i = 0; i < text.len && !buf.status; i++) {
        char c = text.data[i];

        if (c == '"') {
            if (quoted && i + 1 < text.len && text.data[i + 1] == '"') {
                tracuu_decode__buf_putc (&buf, '"');
                i++;
            } else {
                quoted = !quoted;
            }
        } else if (quoted) {
            tracuu_decode__buf_putc (&buf, c == '\n' || c == '\r' || c == '\t'
                                           ? ' ' : c);
        } else if (c == sep) {
            tracuu_decode__buf_putc (&buf, '\t');
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            trim_line (&buf);
            tracuu_decode__buf_putc (&buf, '\n');
        } else {
            tracuu_decode__buf_putc (&buf, c == '\t' ? ' ' : c);
        }
    }
    status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    tracuu_decode__buf_dispose (&text);
    tracuu_decode__buf_dispose (&buf);
    return status;
}
