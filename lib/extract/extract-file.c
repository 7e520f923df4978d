/* Extraction from a file: decode, analyze, extract. */
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "tracuu/decode.h"
#include "tracuu/extract.h"
#include "extract/extract-private.h"

tracuu_status_t
tracuu_extract_file (const char *path, const char *encoding,
                     tracuu_extraction_t **out, char **error_out)
{
    tracuu_decode_options_t opts = TRACUU_DECODE_OPTIONS_INIT;
    tracuu_decoded_t dec = { 0 };
    tracuu_text_t *text = NULL;
    tracuu_extraction_t *x = NULL;
    tracuu_status_t status;

    if (error_out != NULL)
        *error_out = NULL;
    if (out == NULL || path == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    *out = NULL;
    opts.encoding = encoding;
    status = tracuu_decode_file (path, &opts, &dec);
    if (status == TRACUU_STATUS_OK)
        status = tracuu_text_analyze (dec.text, dec.len, &text);
    if (status == TRACUU_STATUS_OK)
        status = tracuu_extract (text, &x);
    if (status == TRACUU_STATUS_OK)
        status = tracuu_extraction_set_file (x, path);
    if (status != TRACUU_STATUS_OK && error_out != NULL) {
        const char *lexicon = tracuu_lexicon__failure ();

        if (dec.error[0])
            *error_out = strdup (dec.error);
        else if (text != NULL && lexicon != NULL)
            *error_out = strdup (lexicon);  /* Extraction could not start. */
        else
            *error_out = strdup (tracuu_status_to_string (status));
    }
    tracuu_text_destroy (text);
    tracuu_decoded_dispose (&dec);
    if (status != TRACUU_STATUS_OK) {
        tracuu_extraction_destroy (x);
        return status;
    }
    *out = x;
    return TRACUU_STATUS_OK;
}
