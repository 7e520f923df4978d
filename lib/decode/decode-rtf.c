/*
 * Rich Text Format, read by a small decoder of its own: groups, control
 * words, \uN Unicode characters (with the \ucN fallback bytes skipped),
 * \'hh bytes in the code page of the current font (\fcharset) or of the
 * document (\ansicpg1258 ...), and fonts named ".Vn..." or "VNI-..."
 * read as TCVN3 and VNI, the legacy Vietnamese encodings Word documents
 * used them with. Destinations that hold no text of the report (font
 * and style tables, pictures, field instructions, headers, footers) are
 * skipped, and so is any unknown \* destination. \par and \row end lines,
 * \cell separates cells by tabs, and footnotes are marked by superscript
 * numbers and follow the body as lines "¹ text", as for .docx.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"

/* Deepest group nesting accepted. */
#define MAX_DEPTH 512

/* Fonts remembered. */
#define MAX_FONTS 1024

/* Pseudo code pages of the legacy Vietnamese font encodings. */
#define CP_TCVN3 (-3)
#define CP_VNI (-4)

typedef struct group {
    int skip;                   /* Text of this group is not output. */
    int uc;                     /* Bytes to skip after \uN. */
    int cp;                     /* Code page of \'hh bytes and raw bytes. */
    int note;                   /* Inside a footnote: text goes to notes. */
    int fonttbl;                /* Inside the font table. */
    int intbl;                  /* The paragraph is in a table cell. */
} group_t;

typedef struct font {
    int number;
    int cp;
} font_t;

typedef struct rtf {
    const unsigned char *s;
    size_t len, i;
    group_t stack[MAX_DEPTH];
    int depth;
    group_t g;                  /* The current group's state. */
    int doc_cp;                 /* \ansicpg. */
    int deff;                   /* \deffN. */
    font_t fonts[MAX_FONTS];
    int n_fonts;
    int font_number;            /* Font being defined in the table. */
    int font_cp;
    char font_name[64];
    size_t font_name_len;
    int skip_bytes;             /* Fallback bytes still to skip after \u. */
    uint32_t high;              /* Pending high surrogate of \u. */
    char pending[256];          /* Bytes not yet converted. */
    size_t n_pending;
    int pending_cp;
    tracuu_decode_buf_t *body, *notes;
    int n_notes;
    tracuu_decoded_t *out;
    tracuu_status_t status;
} rtf_t;

static tracuu_decode_buf_t *
target (rtf_t *r)
{
    return r->g.note ? r->notes : r->body;
}

/* The converter name of a code page. */
static const char *
cp_name (int cp, char *name, size_t size)
{
    switch (cp) {
    case CP_TCVN3: return "tcvn3";
    case CP_VNI: return "vni-windows";
    case 65001: return "utf-8";
    case 932: return "shift_jis";
    case 936: return "gbk";
    case 950: return "big5";
    case 10000: return "macintosh";
    default: break;
    }
    if (cp == 874 || cp == 949 || (cp >= 1250 && cp <= 1258))
        snprintf (name, size, "windows-%d", cp);
    else
        snprintf (name, size, "windows-1252");
    return name;
}

static void
flush (rtf_t *r)
{
    char name[32];
    const char *encoding;

    if (r->n_pending == 0 || r->status)
        return;
    r->status = tracuu_decode__convert (r->pending, r->n_pending,
                                        cp_name (r->pending_cp, name,
                                                 sizeof name),
                                        target (r), &encoding, r->out);
    r->n_pending = 0;
}

/* A byte of text in the current code page. */
static void
put_byte (rtf_t *r, unsigned char b)
{
    if (r->g.skip)
        return;
    if (r->g.fonttbl) {
        if (r->font_name_len + 1 < sizeof r->font_name)
            r->font_name[r->font_name_len++] = (char) b;
        return;
    }
    if (b == ' ' && r->g.note && r->n_pending == 0 && r->notes->len > 0
        && r->notes->data[r->notes->len - 1] == ' ')
        return;                 /* "{\\super \\chftn} text" after our mark. */
    if (b < 0x80 && r->n_pending == 0) {
        tracuu_decode__buf_putc (target (r), (char) b);
        return;
    }
    if (r->n_pending > 0 && (r->pending_cp != r->g.cp
                             || r->n_pending == sizeof r->pending))
        flush (r);
    r->pending_cp = r->g.cp;
    r->pending[r->n_pending++] = (char) b;
}

static void
put_text (rtf_t *r, const char *s)
{
    if (r->g.skip || r->g.fonttbl)
        return;
    flush (r);
    tracuu_decode__buf_append (target (r), s, strlen (s));
}

static void
put_cp (rtf_t *r, uint32_t cp)
{
    if (r->g.skip || r->g.fonttbl)
        return;
    flush (r);
    tracuu_decode__buf_put_cp (target (r), cp);
}

/* Remove trailing spaces and tabs of the current line. */
static void
trim (tracuu_decode_buf_t *b)
{
    while (b->len > 0 && (b->data[b->len - 1] == ' '
                          || b->data[b->len - 1] == '\t'))
        b->data[--b->len] = '\0';
}

static void
new_line (rtf_t *r)
{
    if (r->g.skip || r->g.fonttbl)
        return;
    flush (r);
    if (r->g.note) {
        tracuu_decode__buf_putc (r->notes, ' ');
        return;
    }
    trim (r->body);
    tracuu_decode__buf_putc (r->body, '\n');
}

static int
font_cp (const rtf_t *r, int number)
{
    for (int i = 0; i < r->n_fonts; i++)
        if (r->fonts[i].number == number)
            return r->fonts[i].cp;
    return r->doc_cp;
}

/* A Windows code page of an RTF \fcharset. */
static int
charset_cp (int charset)
{
    switch (charset) {
    case 163: return 1258;      /* Vietnamese. */
    case 238: return 1250;
    case 204: return 1251;
    case 161: return 1253;
    case 162: return 1254;
    case 177: return 1255;
    case 178: return 1256;
    case 186: return 1257;
    case 222: return 874;
    case 128: return 932;
    case 134: return 936;
    case 129: return 949;
    case 136: return 950;
    case 77: return 10000;
    default: return 0;          /* ANSI: the document's code page. */
    }
}

/* The font being defined ends (at ';' or its group's end). */
static void
font_done (rtf_t *r)
{
    int cp = r->font_cp;
    char *name = r->font_name;

    if (r->font_number < 0)
        return;
    r->font_name[r->font_name_len] = '\0';
    while (*name == ' ')
        name++;
    if (strncasecmp (name, ".vn", 3) == 0)
        cp = CP_TCVN3;
    else if (strncasecmp (name, "vni-", 4) == 0 || strncasecmp (name, "vni ", 4) == 0)
        cp = CP_VNI;
    if (r->n_fonts < MAX_FONTS) {
        r->fonts[r->n_fonts].number = r->font_number;
        r->fonts[r->n_fonts].cp = cp ? cp : r->doc_cp;
        r->n_fonts++;
    }
    r->font_number = -1;
    r->font_cp = 0;
    r->font_name_len = 0;
}

static int
destination_skipped (const char *w)
{
    static const char *const skipped[] = {
        "colortbl", "stylesheet", "info", "pict", "objdata", "header",
        "headerl", "headerr", "headerf", "footer", "footerl", "footerr",
        "footerf", "xmlnstbl", "listtable", "listoverridetable", "revtbl",
        "rsidtbl", "generator", "themedata", "colorschememapping",
        "datastore", "latentstyles", "pgdsctbl", "fldinst", "bkmkstart",
        "bkmkend", "filetbl", "mmathPr", "datafield", "nonshppict", "pn",
        "shpinst", "template", "docvar", "private", "userprops", "xe", "tc",
        "atnid", "atnauthor", "annotation", "wgrffmtfilter", "fchars",
        "lchars", "aftncn", "aftnsep", "aftnsepc", "ftncn", "ftnsep",
        "ftnsepc", "falt", "panose", "fontemb", "fontfile", NULL
    };

    for (int i = 0; skipped[i]; i++)
        if (strcmp (w, skipped[i]) == 0)
            return 1;
    return 0;
}

/* A control word 'w' with parameter 'n' ('has_n' if given). */
static void
control_word (rtf_t *r, const char *w, long n, int has_n, int starred)
{
    if (r->g.fonttbl) {
        if (strcmp (w, "f") == 0) {
            font_done (r);
            r->font_number = (int) n;
        } else if (strcmp (w, "fcharset") == 0) {
            r->font_cp = charset_cp ((int) n);
        } else if (strcmp (w, "cpg") == 0 && n > 0) {
            r->font_cp = (int) n;
        } else if (destination_skipped (w) || starred) {
            r->g.skip = 1;
        }
        return;
    }
    if (strcmp (w, "u") == 0) {
        uint32_t cp = (uint32_t) (n < 0 ? n + 65536 : n) & 0xFFFF;

        if (cp >= 0xD800 && cp <= 0xDBFF) {
            r->high = cp;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF && r->high) {
            put_cp (r, 0x10000 + ((r->high - 0xD800) << 10) + (cp - 0xDC00));
            r->high = 0;
        } else {
            put_cp (r, cp);
            r->high = 0;
        }
        r->skip_bytes = r->g.uc;
        return;
    }
    if (starred || destination_skipped (w)) {
        r->g.skip = 1;
        return;
    }
    if (strcmp (w, "fonttbl") == 0) {
        r->g.fonttbl = 1;
        r->font_number = -1;
    } else if (strcmp (w, "ansicpg") == 0 && has_n) {
        r->doc_cp = (int) n;
        r->g.cp = (int) n;
    } else if (strcmp (w, "deff") == 0) {
        r->deff = (int) n;
    } else if (strcmp (w, "f") == 0) {
        r->g.cp = font_cp (r, (int) n);
    } else if (strcmp (w, "plain") == 0) {
        r->g.cp = font_cp (r, r->deff);
    } else if (strcmp (w, "uc") == 0 && has_n) {
        r->g.uc = n < 0 ? 0 : n > 8 ? 8 : (int) n;
    } else if (strcmp (w, "intbl") == 0) {
        r->g.intbl = 1;
    } else if (strcmp (w, "pard") == 0) {
        r->g.intbl = 0;
    } else if ((strcmp (w, "par") == 0 || strcmp (w, "line") == 0)
               && r->g.intbl) {
        put_text (r, " ");      /* Paragraphs of one cell stay in its row. */
    } else if (strcmp (w, "par") == 0 || strcmp (w, "line") == 0
               || strcmp (w, "sect") == 0 || strcmp (w, "page") == 0) {
        new_line (r);
    } else if (strcmp (w, "row") == 0 || strcmp (w, "nestrow") == 0) {
        new_line (r);
    } else if (strcmp (w, "cell") == 0 || strcmp (w, "nestcell") == 0) {
        put_text (r, r->g.note ? " " : "\t");
    } else if (strcmp (w, "tab") == 0) {
        put_text (r, "\t");
    } else if (strcmp (w, "emdash") == 0) {
        put_cp (r, 0x2014);
    } else if (strcmp (w, "endash") == 0) {
        put_cp (r, 0x2013);
    } else if (strcmp (w, "bullet") == 0) {
        put_cp (r, 0x2022);
    } else if (strcmp (w, "lquote") == 0) {
        put_cp (r, 0x2018);
    } else if (strcmp (w, "rquote") == 0) {
        put_cp (r, 0x2019);
    } else if (strcmp (w, "ldblquote") == 0) {
        put_cp (r, 0x201C);
    } else if (strcmp (w, "rdblquote") == 0) {
        put_cp (r, 0x201D);
    } else if (strcmp (w, "footnote") == 0 && !r->g.note && !r->g.skip) {
        flush (r);
        r->n_notes++;
        tracuu_decode__put_superscript (r->body, r->n_notes);
        if (r->notes->len > 0)
            tracuu_decode__buf_putc (r->notes, '\n');
        tracuu_decode__put_superscript (r->notes, r->n_notes);
        tracuu_decode__buf_putc (r->notes, ' ');
        r->g.note = 1;
    }
}

static void
group_open (rtf_t *r)
{
    if (r->depth >= MAX_DEPTH) {
        tracuu_decode__set_error (r->out, "RTF groups nested more than %d "
                                  "deep", MAX_DEPTH);
        r->status = TRACUU_STATUS_LIMIT_EXCEEDED;
        return;
    }
    flush (r);
    r->stack[r->depth++] = r->g;
}

static void
group_close (rtf_t *r)
{
    if (r->depth == 0)
        return;                 /* A stray '}' past the document. */
    flush (r);
    if (r->g.fonttbl)
        font_done (r);
    if (r->g.note && !r->stack[r->depth - 1].note)
        trim (r->notes);
    if (r->g.fonttbl && !r->stack[r->depth - 1].fonttbl) {
        /* Text without a \f is in the default font. */
        r->stack[r->depth - 1].cp = font_cp (r, r->deff);
    }
    r->g = r->stack[--r->depth];
}

static void
parse (rtf_t *r)
{
    const unsigned char *s = r->s;
    int starred = 0;

    while (r->i < r->len && !r->status && !r->body->status
           && !r->notes->status) {
        unsigned char c = s[r->i];

        if (c == '{') {
            r->i++;
            group_open (r);
            starred = 0;
        } else if (c == '}') {
            r->i++;
            group_close (r);
            if (r->depth == 0)
                break;          /* The document's own group ended. */
        } else if (c == '\\') {
            char word[33];
            size_t k = 0;
            long n = 0;
            int has_n = 0, neg = 0;

            r->i++;
            if (r->i >= r->len)
                break;
            c = s[r->i];
            if (!isalpha (c)) {
                r->i++;
                if (c == '\'') {
                    unsigned v = 0;

                    if (r->i + 2 > r->len || !isxdigit (s[r->i])
                        || !isxdigit (s[r->i + 1])) {
                        continue;
                    }
                    sscanf ((const char *) s + r->i, "%2x", &v);
                    r->i += 2;
                    if (r->skip_bytes > 0)
                        r->skip_bytes--;
                    else
                        put_byte (r, (unsigned char) v);
                } else if (c == '*') {
                    starred = 1;
                } else if (c == '~') {
                    put_text (r, " ");
                } else if (c == '_') {
                    put_text (r, "-");
                } else if (c == '\n' || c == '\r') {
                    new_line (r);
                } else if (c == '\\' || c == '{' || c == '}') {
                    if (r->skip_bytes > 0)
                        r->skip_bytes--;
                    else
                        put_byte (r, c);
                }
                continue;
            }
            while (r->i < r->len && isalpha (s[r->i]) && k < sizeof word - 1)
                word[k++] = (char) s[r->i++];
            while (r->i < r->len && isalpha (s[r->i]))
                r->i++;         /* Longer than any control word. */
            word[k] = '\0';
            if (r->i < r->len && s[r->i] == '-') {
                neg = 1;
                r->i++;
            }
            while (r->i < r->len && isdigit (s[r->i])) {
                if (n < 100000000)
                    n = n * 10 + (s[r->i] - '0');
                has_n = 1;
                r->i++;
            }
            if (neg)
                n = -n;
            if (r->i < r->len && s[r->i] == ' ')
                r->i++;
            if (strcmp (word, "bin") == 0) {
                /* Binary data of n bytes. */
                r->i += (size_t) n < r->len - r->i ? (size_t) (n < 0 ? 0 : n)
                                                   : r->len - r->i;
                continue;
            }
            if (r->skip_bytes > 0 && strcmp (word, "u") != 0) {
                r->skip_bytes--;
                continue;
            }
            control_word (r, word, n, has_n, starred);
            starred = 0;
        } else if (c == '\n' || c == '\r') {
            r->i++;             /* Line ends of the file are not text. */
        } else {
            r->i++;
            if (r->skip_bytes > 0) {
                r->skip_bytes--;
                continue;
            }
            if (r->g.fonttbl && c == ';') {
                font_done (r);
                continue;
            }
            if (c == '\t')
                put_text (r, "\t");
            else
                put_byte (r, c);
        }
    }
    flush (r);
}

tracuu_status_t
tracuu_decode__rtf (const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out)
{
    tracuu_decode_buf_t body, notes;
    tracuu_status_t status;
    rtf_t *r = calloc (1, sizeof *r);

    tracuu_decode__buf_init (&body, tracuu_decode__output_limit (opts));
    tracuu_decode__buf_init (&notes, tracuu_decode__output_limit (opts));
    out->format = "rtf";
    out->encoding = "utf-8";
    if (r == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    r->s = (const unsigned char *) bytes;
    r->len = len;
    r->body = &body;
    r->notes = &notes;
    r->out = out;
    r->doc_cp = 1252;
    r->g.cp = 1252;
    r->g.uc = 1;
    r->font_number = -1;
    parse (r);
    status = r->status;
    if (!status && body.status)
        status = body.status;
    if (!status && notes.status)
        status = notes.status;
    if (status == TRACUU_STATUS_OK && r->depth > 0) {
        tracuu_decode__set_error (out, "truncated RTF: %d group%s not closed",
                                  r->depth, r->depth == 1 ? "" : "s");
        status = TRACUU_STATUS_BAD_INPUT;
    }
    if (status == TRACUU_STATUS_OK && notes.len > 0) {
        trim (&body);
        if (body.len > 0 && body.data[body.len - 1] != '\n')
            tracuu_decode__buf_putc (&body, '\n');
        tracuu_decode__buf_append (&body, notes.data, notes.len);
        tracuu_decode__buf_putc (&body, '\n');
    }
    if (status == TRACUU_STATUS_OK)
        status = tracuu_decode__buf_finish (&body, out);
    else if (status == TRACUU_STATUS_LIMIT_EXCEEDED && out->error[0] == '\0')
        tracuu_decode__set_error (out, "text longer than the limit of %zu "
                                  "bytes", body.limit);
    tracuu_decode__buf_dispose (&body);
    tracuu_decode__buf_dispose (&notes);
    free (r);
    return status;
}
