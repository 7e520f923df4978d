/*
 * Text read by OCR: scanned PDF pages and images, with Tesseract's C API
 * and its Vietnamese model, opened on first use (see below).
 *
 * A PDF is first read by pdftotext, which separates pages by form
 * feeds; a page with almost no text (a scan) is rendered at 300 dpi by
 * pdftoppm and read by Tesseract (every page with --ocr=always). Pages
 * are joined by lines holding only "\f" (see tracuu/decode.h).
 *
 * Tesseract returns the visual lines of a page; a report's sentences run
 * across them, and the extractors read one line as one sentence, so the
 * lines of a paragraph are joined again: a line continues the previous
 * one when the next line is just below it, not indented and not a list
 * item, and the previous one is full (the first word of the next line
 * would not have fitted in the space left at its right) or long with
 * the next line starting in lower case.
 *
 * One Tesseract engine per thread, made on first use and released when
 * the thread exits: an engine serves one thread at a time, and loading
 * the model takes a while, so it is kept for the next file.
 */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <leptonica/allheaders.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <tesseract/capi.h>

#include "tracuu/decode.h"
#include "decode/decode-private.h"
#include "util/util-private.h"

/* Resolution pages are rendered at, and assumed for images without one. */
#define OCR_DPI 300

/* Largest page rendered: 17 x 23.4 inches at 300 dpi (A3 is 11.7 x 16.5). */
#define MAX_PAGE_W 5100
#define MAX_PAGE_H 7020

/* Largest image read, in pixels (a 600 dpi A3 scan is 70 million). */
#define MAX_IMAGE_PIXELS ((size_t) 100 * 1000 * 1000)

/* Most pages of a TIFF read. */
#define MAX_TIFF_PAGES 2000

/* A PDF page with fewer letters or digits than this has no text layer
 * worth the name (a page number, a stamp): it is read by OCR. */
#define MIN_PAGE_CHARS 8

/* Model language; Tesseract's Vietnamese model reads the Latin letters
 * and digits of the reports too. */
#define OCR_LANG "vie"

static const char *const MODEL_MISSING =
    "OCR unavailable: Tesseract's Vietnamese model (vie.traineddata) "
    "not found; install tesseract-ocr-vie";

/* ------------------------------------------------------------------ */
/* Tesseract and Leptonica, opened on first use.                        */

/* Linked into a program, Tesseract and Leptonica and the forty
 * libraries they need add about 9 ms of dynamic linking to each start
 * (12.6 ms against 3.2 ms for an empty program linked with tracuu's
 * other libraries), more than most searches take; only OCR needs them.
 * So they are opened when a page is first read by OCR: the headers
 * give the types, dlsym() the functions (Leptonica's through
 * Tesseract's handle, which loads it). */
#define TESS_SONAMES "libtesseract.so.5", "libtesseract.so.4", "libtesseract.so"

#define TESS_FUNCS(X) \
    X (TessBaseAPIClear) X (TessBaseAPICreate) X (TessBaseAPIDelete) \
    X (TessBaseAPIEnd) X (TessBaseAPIGetIterator) X (TessBaseAPIInit3) \
    X (TessBaseAPIRecognize) X (TessBaseAPISetImage2) \
    X (TessBaseAPISetPageSegMode) X (TessBaseAPISetSourceResolution) \
    X (TessBaseAPISetVariable) X (TessDeleteText) X (TessMonitorCreate) \
    X (TessMonitorDelete) X (TessMonitorSetDeadlineMSecs) \
    X (TessPageIteratorBoundingBox) X (TessResultIteratorDelete) \
    X (TessResultIteratorGetPageIterator) \
    X (TessResultIteratorGetUTF8Text) X (TessResultIteratorNext)

#define LEPT_FUNCS(X) \
    X (pixClone) X (pixConvertTo8) X (pixCopyResolution) X (pixDestroy) \
    X (pixGetColormap) X (pixGetDepth) X (pixGetHeight) X (pixGetWidth) \
    X (pixGetXRes) X (pixMedianFilter) X (pixReadHeaderMem) X (pixReadMem) \
    X (pixReadMemTiff) X (pixSetResolution) X (setMsgSeverity) \
    X (tiffGetCount)

static struct {
#define LIB_FIELD(f) __typeof__ (f) *f;
    TESS_FUNCS (LIB_FIELD)
    LEPT_FUNCS (LIB_FIELD)
#undef LIB_FIELD
} lib;

static pthread_once_t lib_once = PTHREAD_ONCE_INIT;
static const char *lib_failure; /* Why they could not be opened, or NULL. */

static void
lib_open (void)
{
    static const char *const sonames[] = { TESS_SONAMES };
    void *h = NULL;

    for (size_t i = 0; h == NULL && i < sizeof sonames / sizeof sonames[0]; i++)
        h = dlopen (sonames[i], RTLD_NOW | RTLD_LOCAL);
    if (h == NULL) {
        lib_failure = "OCR unavailable: the Tesseract library "
                      "(libtesseract.so.5) could not be loaded; install "
                      "libtesseract5";
        return;
    }
#define LIB_SYM(f) *(void **) &lib.f = dlsym (h, #f); \
    if (lib.f == NULL) { \
        lib_failure = "OCR unavailable: the Tesseract or Leptonica library " \
                      "lacks " #f "; install libtesseract5 and liblept5"; \
        return; \
    }
    TESS_FUNCS (LIB_SYM)
    LEPT_FUNCS (LIB_SYM)
#undef LIB_SYM
    /* Leptonica reports every problem of a hostile image on stderr; our
     * message names the file instead. The handle stays open: the
     * engines of other threads use it until the process ends. */
    lib.setMsgSeverity (L_SEVERITY_NONE);
}

/* 1 when the libraries are open; else 0 with *why set. */
static int
lib_get (const char **why)
{
    pthread_once (&lib_once, lib_open);
    *why = lib_failure;
    return lib_failure == NULL;
}

/* The OCR engine of one thread. */
typedef struct engine {
    TessBaseAPI *api;           /* NULL when it could not be made. */
    const char *failure;        /* Why not (static), once tried. */
} engine_t;

static pthread_key_t engine_key;
static pthread_once_t engine_once = PTHREAD_ONCE_INIT;
static int engine_key_ok;

static void
engine_free (void *p)
{
    engine_t *e = p;

    if (e == NULL)
        return;
    if (e->api) {
        lib.TessBaseAPIEnd (e->api);
        lib.TessBaseAPIDelete (e->api);
    }
    free (e);
}

static void
engine_init_once (void)
{
    engine_key_ok = pthread_key_create (&engine_key, engine_free) == 0;
}

/* Tesseract is built with OpenMP and asks for four threads in its
 * recognizer, which on a machine already busy with one decoding worker
 * per core makes recognition several times slower (in time spinning);
 * one thread per engine is faster. OMP_THREAD_LIMIT is read when libgomp
 * loads, too early for us, and Tesseract's num_threads clauses override
 * omp_set_num_threads(); but with no active level allowed, every
 * parallel region runs on the thread that meets it. Looked up at run
 * time, so that a Tesseract built without OpenMP needs nothing. */
static void
limit_openmp (void)
{
    void (*set_levels) (int);

    *(void **) &set_levels = dlsym (RTLD_DEFAULT, "omp_set_max_active_levels");
    if (set_levels)
        set_levels (0);
}

/* The directory holding vie.traineddata: $TESSDATA_PREFIX as Tesseract
 * reads it, else where Debian and a source build install it. Checked
 * before Tesseract is asked, which would print its own complaint. */
static int
find_model (char *dir, size_t size)
{
    static const char *const dirs[] = {
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
    };
    const char *prefix = getenv ("TESSDATA_PREFIX");
    char file[4096];

    if (prefix && *prefix) {
        snprintf (file, sizeof file, "%s/%s.traineddata", prefix, OCR_LANG);
        snprintf (dir, size, "%s", prefix);
        return access (file, R_OK) == 0;
    }
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf (file, sizeof file, "%s/%s.traineddata", dirs[i], OCR_LANG);
        if (access (file, R_OK) == 0) {
            snprintf (dir, size, "%s", dirs[i]);
            return 1;
        }
    }
    return 0;
}

/* The calling thread's engine, made on first use; NULL with *why set
 * when OCR is unavailable. */
static TessBaseAPI *
engine_get (const char **why)
{
    engine_t *e;
    char dir[4096];

    pthread_once (&engine_once, engine_init_once);
    if (!engine_key_ok) {
        *why = "OCR unavailable: out of memory";
        return NULL;
    }
    e = pthread_getspecific (engine_key);
    if (e != NULL) {
        *why = e->failure;
        return e->api;
    }
    e = calloc (1, sizeof *e);
    if (e == NULL) {
        *why = "OCR unavailable: out of memory";
        return NULL;
    }
    /* Without the libraries, e->failure says why. */
    if (lib_get (&e->failure) && !find_model (dir, sizeof dir))
        e->failure = MODEL_MISSING;
    else if (e->failure == NULL) {
        limit_openmp ();
        e->api = lib.TessBaseAPICreate ();
        if (e->api == NULL) {
            e->failure = "OCR unavailable: out of memory";
        } else if (lib.TessBaseAPIInit3 (e->api, dir, OCR_LANG) != 0) {
            lib.TessBaseAPIDelete (e->api);
            e->api = NULL;
            e->failure = MODEL_MISSING;
        } else {
            /* Tesseract's own warnings ("Invalid resolution", "Empty
             * page") go nowhere: each is about a file we name. */
            lib.TessBaseAPISetVariable (e->api, "debug_file", "/dev/null");
            /* Sauvola's local thresholds, not Otsu's global one: on a
             * noisy page with little text Otsu's threshold falls inside
             * the noise, which Tesseract then spends a minute reading
             * as specks; Sauvola leaves blank paper blank. */
            lib.TessBaseAPISetVariable (e->api, "thresholding_method", "2");
            lib.TessBaseAPISetPageSegMode (e->api, PSM_AUTO);
        }
    }
    if (pthread_setspecific (engine_key, e) != 0) {
        engine_free (e);
        *why = "OCR unavailable: out of memory";
        return NULL;
    }
    *why = e->failure;
    return e->api;
}

void
tracuu_decode_thread_done (void)
{
    engine_t *e;

    pthread_once (&engine_once, engine_init_once);
    if (!engine_key_ok)
        return;
    e = pthread_getspecific (engine_key);
    if (e != NULL) {
        pthread_setspecific (engine_key, NULL);
        engine_free (e);
    }
}

/* ------------------------------------------------------------------ */
/* From Tesseract's lines to paragraphs.                               */

typedef struct ocr_line {
    char *text;                 /* Without the line end; owned. */
    int left, top, right, bottom;
    int first_word;             /* Width of its first word. */
} ocr_line_t;

typedef struct ocr_page {
    ocr_line_t *lines;
    size_t n, alloc;
} ocr_page_t;

static void
page_dispose (ocr_page_t *p)
{
    for (size_t i = 0; i < p->n; i++)
        free (p->lines[i].text);
    free (p->lines);
    p->lines = NULL;
    p->n = p->alloc = 0;
}

static int
cmp_int (const void *a, const void *b)
{
    int x = *(const int *) a, y = *(const int *) b;

    return (x > y) - (x < y);
}

/* Median height of the lines (0 if none). */
static int
median_height (const ocr_page_t *p)
{
    int *h = malloc ((p->n + 1) * sizeof *h), m;

    if (h == NULL || p->n == 0) {
        free (h);
        return 0;
    }
    for (size_t i = 0; i < p->n; i++)
        h[i] = p->lines[i].bottom - p->lines[i].top;
    qsort (h, p->n, sizeof *h, cmp_int);
    m = h[p->n / 2];
    free (h);
    return m;
}

static int
is_list_item (const char *s)
{
    static const char *const marks[] = { "- ", "+ ", "* ", "\xe2\x80\xa2",
                                         "\xe2\x80\x93 ", NULL };

    for (size_t i = 0; marks[i]; i++)
        if (strncmp (s, marks[i], strlen (marks[i])) == 0)
            return 1;
    return 0;
}

/* Non-zero if 's' starts with a lower-case letter or a digit. */
static int
starts_lower (const char *s)
{
    int32_t i = 0, n = (int32_t) strnlen (s, 8);
    UChar32 c;

    U8_NEXT (s, i, n, c);
    return c > 0 && (u_islower (c) || u_isdigit (c));
}

/* Non-zero when line 'b' continues the paragraph of line 'a'. */
static int
continues (const ocr_line_t *a, const ocr_line_t *b, int right_margin,
           int height)
{
    if (a->text[0] == '\0' || b->text[0] == '\0' || is_list_item (b->text))
        return 0;
    if (b->top < a->top + height / 2 || b->top - a->bottom > height)
        return 0;               /* Not the next line down. */
    if (b->left > a->left + 2 * height)
        return 0;               /* Indented: a new paragraph. */
    /* 'a' was full: the next word would not have fitted after it; or
     * it is long and 'b' starts in lower case or with a digit, as the
     * lines of a paragraph wrapped by a typewriter or by hand do. */
    return right_margin - a->right <= b->first_word + height
           || (starts_lower (b->text)
               && (right_margin - a->right) * 3 < right_margin - a->left);
}

/* Append the page's paragraphs to 'buf', one line each, with a blank
 * line between paragraphs. */
static void
page_write (const ocr_page_t *p, tracuu_decode_buf_t *buf)
{
    int right = 0, height = median_height (p);

    for (size_t i = 0; i < p->n; i++)
        if (p->lines[i].right > right)
            right = p->lines[i].right;
    for (size_t i = 0; i < p->n; i++) {
        const char *s = p->lines[i].text;

        if (*s == '\0')
            continue;
        tracuu_decode__buf_append (buf, s, strlen (s));
        if (i + 1 < p->n && continues (&p->lines[i], &p->lines[i + 1], right,
                                       height))
            tracuu_decode__buf_putc (buf, ' ');
        else
            tracuu_decode__buf_append (buf, "\n\n", 2);
    }
}

/* Copy 'text' without its trailing white space. */
static char *
trimmed (const char *text)
{
    size_t n = text ? strlen (text) : 0;
    char *s;

    while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '
                     || text[n - 1] == '\t' || text[n - 1] == '\r'))
        n--;
    s = malloc (n + 1);
    if (s) {
        if (n)
            memcpy (s, text, n);
        s[n] = '\0';
    }
    return s;
}

/* Gather the recognized lines of the engine's page. */
static tracuu_status_t
collect_lines (TessBaseAPI *api, ocr_page_t *p)
{
    TessResultIterator *ri = lib.TessBaseAPIGetIterator (api);
    TessPageIterator *pi;
    tracuu_status_t status = TRACUU_STATUS_OK;

    if (ri == NULL)
        return TRACUU_STATUS_OK;        /* Nothing on the page. */
    pi = lib.TessResultIteratorGetPageIterator (ri);
    do {
        ocr_line_t line = { 0 };
        char *text = lib.TessResultIteratorGetUTF8Text (ri, RIL_TEXTLINE);
        int l, t, r, b;

        if (text == NULL)
            continue;
        line.text = trimmed (text);
        lib.TessDeleteText (text);
        if (line.text == NULL) {
            status = TRACUU_STATUS_OUT_OF_MEMORY;
            break;
        }
        lib.TessPageIteratorBoundingBox (pi, RIL_TEXTLINE, &line.left,
                                         &line.top, &line.right, &line.bottom);
        /* At the start of a line the iterator is also at its first word. */
        if (lib.TessPageIteratorBoundingBox (pi, RIL_WORD, &l, &t, &r, &b))
            line.first_word = r - l;
        if (p->n == p->alloc) {
            ocr_line_t *lines = tracuu_array__grow (&status, p->lines,
                                                    &p->alloc, p->n + 1,
                                                    sizeof *lines);

            if (lines == NULL) {
                free (line.text);
                break;
            }
            p->lines = lines;
        }
        p->lines[p->n++] = line;
    } while (lib.TessResultIteratorNext (ri, RIL_TEXTLINE));
    lib.TessResultIteratorDelete (ri);
    return status;
}

/* Read one page image into 'buf'. */
static tracuu_status_t
ocr_pix (TessBaseAPI *api, PIX *pix, const tracuu_decode_options_t *opts,
         tracuu_decode_buf_t *buf, tracuu_decoded_t *out)
{
    ETEXT_DESC *monitor = lib.TessMonitorCreate ();
    ocr_page_t page = { 0 };
    tracuu_status_t status = TRACUU_STATUS_OK;
    int dpi = lib.pixGetXRes (pix);
    PIX *clean = NULL;

    if (monitor == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    /* A 3 x 3 median removes the specks of a poor scan or photocopy,
     * which Tesseract's thresholding keeps and then reads as marks and
     * broken letters (a noisy 200 dpi page: 73 % of its syllables read
     * without it, 99 % with), and costs clean pages nothing. */
    if (lib.pixGetDepth (pix) == 8) {
        clean = lib.pixMedianFilter (pix, 3, 3);
        if (clean != NULL) {
            lib.pixCopyResolution (clean, pix);
            pix = clean;
        }
    }
    if (opts->timeout_seconds)
        lib.TessMonitorSetDeadlineMSecs (monitor,
                                         (int) opts->timeout_seconds * 1000);
    lib.TessBaseAPISetImage2 (api, pix);
    lib.TessBaseAPISetSourceResolution (api, dpi >= 70 && dpi <= 2400 ? dpi
                                                                     : OCR_DPI);
    if (lib.TessBaseAPIRecognize (api, monitor) != 0) {
        tracuu_decode__set_error (out, "OCR failed or timed out after %u s "
                                  "on a page", opts->timeout_seconds);
        status = TRACUU_STATUS_EXTERNAL_TOOL;
        goto DONE;
    }
    status = collect_lines (api, &page);
    if (status == TRACUU_STATUS_OK)
        page_write (&page, buf);

  DONE:
    lib.TessBaseAPIClear (api);
    page_dispose (&page);
    lib.TessMonitorDelete (monitor);
    lib.pixDestroy (&clean);
    return status;
}

/* Start a new page in 'buf': end the last line, then a "\f" line. */
static void
page_break (tracuu_decode_buf_t *buf)
{
    while (buf->len > 0 && buf->data[buf->len - 1] == '\n'
           && buf->len > 1 && buf->data[buf->len - 2] == '\n')
        buf->data[--buf->len] = '\0';
    if (buf->len > 0 && buf->data[buf->len - 1] != '\n')
        tracuu_decode__buf_putc (buf, '\n');
    tracuu_decode__buf_append (buf, "\f\n", 2);
}

/* Gray 8-bit copy of 'pix' (Tesseract thresholds gray itself; colour
 * would take four times the memory). */
static PIX *
to_gray (PIX *pix)
{
    PIX *gray = lib.pixGetDepth (pix) == 8 && lib.pixGetColormap (pix) == NULL
                ? lib.pixClone (pix) : lib.pixConvertTo8 (pix, 0);

    return gray;
}

/* ------------------------------------------------------------------ */
/* Images.                                                             */

static tracuu_status_t
check_image_size (const char *bytes, size_t len, tracuu_decoded_t *out)
{
    l_int32 format, w = 0, h = 0, bps, spp, iscmap;

    if (lib.pixReadHeaderMem ((const l_uint8 *) bytes, len, &format, &w, &h,
                              &bps, &spp, &iscmap) != 0 || w <= 0 || h <= 0) {
        tracuu_decode__set_error (out, "broken or truncated image");
        return TRACUU_STATUS_BAD_INPUT;
    }
    if ((size_t) w * (size_t) h > MAX_IMAGE_PIXELS) {
        tracuu_decode__set_error (out, "image of %d x %d pixels is larger "
                                  "than the %zu million read by OCR", w, h,
                                  MAX_IMAGE_PIXELS / 1000000);
        return TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    return TRACUU_STATUS_OK;
}

/* Number of pages of a TIFF in memory (1 for other formats). */
static int
tiff_pages (const char *bytes, size_t len)
{
    FILE *f;
    l_int32 n = 1;

    if (len < 4 || (memcmp (bytes, "II*\0", 4) != 0
                    && memcmp (bytes, "MM\0*", 4) != 0))
        return 1;
    f = fmemopen ((void *) bytes, len, "rb");
    if (f == NULL)
        return 1;
    if (lib.tiffGetCount (f, &n) != 0 || n < 1)
        n = 1;
    fclose (f);
    return n;
}

tracuu_status_t
tracuu_decode__image (const char *bytes, size_t len,
                      const tracuu_decode_options_t *opts,
                      tracuu_decoded_t *out)
{
    tracuu_decode_buf_t buf;
    tracuu_status_t status;
    TessBaseAPI *api;
    const char *why = NULL;
    int n_pages;

    tracuu_decode__buf_init (&buf, tracuu_decode__output_limit (opts));
    out->format = "image";
    out->encoding = NULL;
    if (!lib_get (&why)) {
        tracuu_decode__set_error (out, "%s", why);
        return TRACUU_STATUS_EXTERNAL_TOOL;
    }
    status = check_image_size (bytes, len, out);
    if (status)
        return status;
    api = engine_get (&why);
    if (api == NULL) {
        tracuu_decode__set_error (out, "%s", why);
        return TRACUU_STATUS_EXTERNAL_TOOL;
    }
    n_pages = tiff_pages (bytes, len);
    if (n_pages > MAX_TIFF_PAGES) {
        tracuu_decode__set_error (out, "TIFF of %d pages, more than the %d "
                                  "read by OCR", n_pages, MAX_TIFF_PAGES);
        return TRACUU_STATUS_LIMIT_EXCEEDED;
    }
    for (int i = 0; i < n_pages && status == TRACUU_STATUS_OK; i++) {
        PIX *pix, *gray;

        pix = n_pages > 1 ? lib.pixReadMemTiff ((const l_uint8 *) bytes, len, i)
                          : lib.pixReadMem ((const l_uint8 *) bytes, len);
        if (pix == NULL) {
            tracuu_decode__set_error (out, "broken or truncated image%s",
                                      i > 0 ? " page" : "");
            status = TRACUU_STATUS_BAD_INPUT;
            break;
        }
        if ((size_t) lib.pixGetWidth (pix) * (size_t) lib.pixGetHeight (pix)
            > MAX_IMAGE_PIXELS) {
            tracuu_decode__set_error (out, "image page %d larger than the "
                                      "%zu million pixels read by OCR", i + 1,
                                      MAX_IMAGE_PIXELS / 1000000);
            lib.pixDestroy (&pix);
            status = TRACUU_STATUS_LIMIT_EXCEEDED;
            break;
        }
        gray = to_gray (pix);
        lib.pixDestroy (&pix);
        if (gray == NULL) {
            status = TRACUU_STATUS_OUT_OF_MEMORY;
            break;
        }
        if (i > 0)
            page_break (&buf);
        status = ocr_pix (api, gray, opts, &buf, out);
        lib.pixDestroy (&gray);
        out->pages++;
        out->ocr_pages++;
    }
    if (status == TRACUU_STATUS_OK)
        status = tracuu_decode__buf_finish (&buf, out);
    tracuu_decode__buf_dispose (&buf);
    return status;
}

/* ------------------------------------------------------------------ */
/* PDF.                                                                */

/* Letters and digits (any byte of a multibyte character counts once:
 * lead bytes) in [s, s + n). */
static size_t
count_chars (const char *s, size_t n)
{
    size_t c = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned char b = (unsigned char) s[i];

        c += (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z')
             || b >= 0xC0;
    }
    return c;
}

/* Render page 'page' (1-based) of the PDF at 'path' and read it. */
static tracuu_status_t
ocr_pdf_page (TessBaseAPI *api, const char *path, unsigned page,
              const tracuu_decode_options_t *opts, tracuu_decode_buf_t *buf,
              tracuu_decoded_t *out)
{
    tracuu_decode_buf_t image;
    tracuu_status_t status;
    char first[16], width[16], height[16], dpi[16];
    char *argv[] = { (char *) "pdftoppm", (char *) "-q", (char *) "-gray",
                     (char *) "-r", dpi, (char *) "-f", first,
                     (char *) "-l", first, (char *) "-x", (char *) "0",
                     (char *) "-y", (char *) "0", (char *) "-W", width,
                     (char *) "-H", height, (char *) path, NULL };
    int missing = 0;
    PIX *pix;

    snprintf (first, sizeof first, "%u", page);
    snprintf (width, sizeof width, "%d", MAX_PAGE_W);
    snprintf (height, sizeof height, "%d", MAX_PAGE_H);
    snprintf (dpi, sizeof dpi, "%d", OCR_DPI);
    /* A gray PGM: its header, then one byte a pixel. */
    tracuu_decode__buf_init (&image, (size_t) MAX_PAGE_W * MAX_PAGE_H + 64);
    status = tracuu_decode__run_tool (argv, opts->timeout_seconds, &image,
                                      &missing, out);
    if (missing)
        tracuu_decode__set_error (out, "pdftoppm not found; install "
                                  "poppler-utils");
    if (status)
        goto DONE;
    pix = lib.pixReadMem ((const l_uint8 *) image.data, image.len);
    if (pix == NULL) {
        tracuu_decode__set_error (out, "page %u could not be rendered", page);
        status = TRACUU_STATUS_BAD_INPUT;
        goto DONE;
    }
    lib.pixSetResolution (pix, OCR_DPI, OCR_DPI);
    status = ocr_pix (api, pix, opts, buf, out);
    lib.pixDestroy (&pix);

  DONE:
    tracuu_decode__buf_dispose (&image);
    return status;
}

tracuu_status_t
tracuu_decode__pdf (const char *path, const char *bytes, size_t len,
                    const tracuu_decode_options_t *opts,
                    tracuu_decoded_t *out)
{
    tracuu_status_t status;
    tracuu_decoded_t layer = { 0 };
    tracuu_decode_buf_t buf;
    char temp[4096] = "";
    const char *p, *end, *why = NULL;
    TessBaseAPI *api = NULL;
    unsigned page = 0, with_text = 0;
    int tried = 0;

    tracuu_decode__buf_init (&buf, tracuu_decode__output_limit (opts));
    out->format = "pdf";
    out->encoding = "utf-8";
    if (path == NULL) {
        status = tracuu_decode__write_temp (bytes, len, temp, sizeof temp, out);
        if (status)
            goto DONE;
        path = temp;
    }
    /* The text layer, pages separated by form feeds. */
    status = tracuu_decode__external ("pdf", path, bytes, len, opts, &layer);
    if (status) {
        memcpy (out->error, layer.error, sizeof out->error);
        goto DONE;
    }
    p = layer.text;
    end = layer.text + layer.len;
    while (p < end && status == TRACUU_STATUS_OK) {
        const char *ff = memchr (p, '\f', (size_t) (end - p));
        const char *stop = ff ? ff : end;
        size_t n = (size_t) (stop - p);
        int has_text = count_chars (p, n) >= MIN_PAGE_CHARS;
        int scan = opts->ocr == TRACUU_OCR_ALWAYS
                   || (opts->ocr == TRACUU_OCR_AUTO && !has_text);

        if (ff == NULL && n == 0)
            break;              /* After the last page's form feed. */
        page++;
        if (page > 1)
            page_break (&buf);
        if (scan && !tried) {
            api = engine_get (&why);
            tried = 1;
        }
        if (scan && api != NULL) {
            status = ocr_pdf_page (api, path, page, opts, &buf, out);
            out->ocr_pages++;
        } else {
            if (scan && !has_text)
                out->unread_pages++;
            with_text += has_text;
            tracuu_decode__buf_append (&buf, p, n);
        }
        p = ff ? ff + 1 : end;
    }
    if (status)
        goto DONE;
    out->pages = page;
    if (out->unread_pages > 0) {
        out->unread_reason = why;
        if (with_text == 0) {
            /* Nothing but scans: nothing to index. */
            tracuu_decode__set_error (out, "%s (no page of this PDF has a "
                                      "text layer)", why);
            status = TRACUU_STATUS_EXTERNAL_TOOL;
            goto DONE;
        }
    }
    status = tracuu_decode__buf_finish (&buf, out);

  DONE:
    if (temp[0])
        unlink (temp);
    tracuu_decoded_dispose (&layer);
    tracuu_decode__buf_dispose (&buf);
    return status;
}

unsigned
tracuu_page_of_line (const char *text, size_t len, size_t line)
{
    unsigned page = 1;
    size_t l = 1;

    /* Page breaks before the line, and any at its start. */
    for (size_t i = 0; text && i < len; i++) {
        if (l >= line && text[i] != '\f')
            break;
        if (text[i] == '\n')
            l++;
        else if (text[i] == '\f')
            page++;
    }
    return page;
}
