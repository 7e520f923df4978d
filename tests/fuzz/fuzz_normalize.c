/*
 * Fuzz tracuu_normalize() and tracuu_fold() (both modes, with the offset
 * map) and check what their contracts promise: well-formed UTF-8 out,
 * no CR, a NUL terminator, a map that is non-decreasing and ends at the
 * input length.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "fuzz-util.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_normalize (const char *in, size_t len)
{
    char *out = NULL, *again = NULL;
    size_t out_len = 0, again_len = 0, n_replaced = 0, n_again = 0;

    if (tracuu_normalize (in, len, &out, &out_len, &n_replaced))
        return;
    FUZZ_CHECK (out != NULL);
    FUZZ_CHECK (out[out_len] == '\0');
    FUZZ_CHECK (fuzz_utf8_valid (out, out_len));
    FUZZ_CHECK (memchr (out, '\r', out_len) == NULL);
    FUZZ_CHECK (n_replaced <= len);
    FUZZ_CHECK (n_replaced > 0 || fuzz_utf8_valid (in, len));

    /* Normalized text normalizes to itself, unless a second BOM became
     * the first. */
    if (out_len < 3 || memcmp (out, "\xEF\xBB\xBF", 3) != 0) {
        FUZZ_CHECK (tracuu_normalize (out, out_len, &again, &again_len,
                                      &n_again) == TRACUU_STATUS_OK);
        FUZZ_CHECK (n_again == 0);
        FUZZ_CHECK (again_len == out_len);
        FUZZ_CHECK (memcmp (again, out, out_len) == 0);
        free (again);
    }
    free (out);
}

static void
check_fold (const char *in, size_t len, tracuu_fold_mode_t mode)
{
    char *out = NULL, *plain = NULL;
    size_t out_len = 0, plain_len = 0, *map = NULL;

    if (tracuu_fold (in, len, mode, &out, &out_len, &map))
        return;
    FUZZ_CHECK (out != NULL && map != NULL);
    FUZZ_CHECK (out[out_len] == '\0');
    FUZZ_CHECK (fuzz_utf8_valid (out, out_len));
    FUZZ_CHECK (map[out_len] == len);
    for (size_t i = 0; i < out_len; i++) {
        FUZZ_CHECK (map[i] < len);
        FUZZ_CHECK (map[i] <= map[i + 1]);
    }

    /* The map does not change the text. */
    FUZZ_CHECK (tracuu_fold (in, len, mode, &plain, &plain_len, NULL)
                == TRACUU_STATUS_OK);
    FUZZ_CHECK (plain_len == out_len && memcmp (plain, out, out_len) == 0);
    free (plain);
    free (out);
    free (map);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
    /* A copy of exactly 'size' bytes: ASan then catches any read past
     * the end, as the text is not NUL-terminated. */
    char *in = malloc (size ? size : 1);

    if (in == NULL)
        return 0;
    memcpy (in, data, size);
    check_normalize (in, size);
    check_fold (in, size, TRACUU_FOLD_EXACT);
    check_fold (in, size, TRACUU_FOLD_ASCII);
    free (in);
    return 0;
}
