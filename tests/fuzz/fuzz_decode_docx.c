/*
 * Fuzz the .docx decoder through tracuu_decode_buffer().
 *
 * An input that starts with "PK" is decoded as it is (zip structure).
 * Any other input is the XML of the document, optionally followed by a
 * NUL byte and the XML of its footnotes: it is stored in a fresh zip as
 * word/document.xml (and word/footnotes.xml) first, so that mutations
 * reach the XML reader instead of failing the zip checksums.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "tracuu/decode.h"
#include "fuzz-util.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
    (void) argc;
    (void) argv;
    /* Inputs that turn out to be PDF must not spawn pdftotext. */
    setenv ("PATH", "/nonexistent", 1);
    return 0;
}

/* Add 'len' bytes as entry 'name', stored uncompressed. */
static int
add_entry (zip_t *zip, const char *name, const void *data, size_t len)
{
    zip_source_t *src = zip_source_buffer (zip, data, len, 0);
    zip_int64_t i;

    if (src == NULL)
        return -1;
    i = zip_file_add (zip, name, src, ZIP_FL_OVERWRITE);
    if (i < 0) {
        zip_source_free (src);
        return -1;
    }
    return zip_set_file_compression (zip, (zip_uint64_t) i, ZIP_CM_STORE, 0);
}

/* A new malloc'ed zip holding the document (and footnotes), or NULL. */
static char *
make_docx (const char *doc, size_t doc_len, const char *notes,
           size_t notes_len, size_t *len_out)
{
    static const char types[] =
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats"
        ".org/package/2006/content-types\"/>";
    zip_error_t zerr;
    zip_source_t *buf;
    zip_t *zip;
    zip_stat_t st;
    char *bytes = NULL;

    zip_error_init (&zerr);
    buf = zip_source_buffer_create (NULL, 0, 0, &zerr);
    zip_error_fini (&zerr);
    if (buf == NULL)
        return NULL;
    zip_source_keep (buf);
    zip = zip_open_from_source (buf, ZIP_TRUNCATE, NULL);
    if (zip == NULL)
        goto DONE;
    if (add_entry (zip, "[Content_Types].xml", types, sizeof types - 1) < 0
        || add_entry (zip, "word/document.xml", doc, doc_len) < 0
        || (notes && add_entry (zip, "word/footnotes.xml", notes,
                                notes_len) < 0)) {
        zip_discard (zip);
        goto DONE;
    }
    if (zip_close (zip) < 0) {
        zip_discard (zip);
        goto DONE;
    }
    zip_stat_init (&st);
    if (zip_source_stat (buf, &st) < 0 || zip_source_open (buf) < 0)
        goto DONE;
    bytes = malloc (st.size ? st.size : 1);
    if (bytes != NULL
        && zip_source_read (buf, bytes, st.size) != (zip_int64_t) st.size) {
        free (bytes);
        bytes = NULL;
    }
    zip_source_close (buf);
    *len_out = st.size;

  DONE:
    zip_source_free (buf);
    return bytes;
}

static void
decode (const char *bytes, size_t len)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t out;
    tracuu_status_t st;

    opts.max_input_bytes = 1 << 20;
    opts.max_output_bytes = 4 << 20;
    opts.timeout_seconds = 1;
    memset (&out, 0xAB, sizeof out);
    st = tracuu_decode_buffer ("x.docx", bytes, len, &opts, &out);
    if (st == TRACUU_STATUS_OK) {
        FUZZ_CHECK (out.text != NULL);
        FUZZ_CHECK (out.text[out.len] == '\0');
        FUZZ_CHECK (fuzz_utf8_valid (out.text, out.len));
    } else {
        FUZZ_CHECK (out.text == NULL);
        FUZZ_CHECK (out.error[0] != '\0');
    }
    tracuu_decoded_dispose (&out);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    const char *s = (const char *) data;
    const char *nul;
    char *zip;
    size_t zip_len = 0;

    if (size >= 2 && memcmp (s, "PK", 2) == 0) {
        decode (s, size);
        return 0;
    }
    nul = memchr (s, '\0', size);
    if (nul)
        zip = make_docx (s, (size_t) (nul - s), nul + 1,
                         size - (size_t) (nul - s) - 1, &zip_len);
    else
        zip = make_docx (s, size, NULL, 0, &zip_len);
    if (zip != NULL)
        decode (zip, zip_len);
    free (zip);
    return 0;
}
