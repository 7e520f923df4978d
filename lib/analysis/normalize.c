/*
 * Text normalization: repaired UTF-8 (invalid sequences -> U+FFFD), no
 * BOM, LF line ends, then ICU NFC.
 */
#include <stdlib.h>
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "tracuu/analysis.h"
#include "analysis/analysis-private.h"
#include "util/util-private.h"

/* Copy 'in' as valid UTF-8 with LF line ends and no leading BOM. */
static tracuu_status_t
repair (const char *in, size_t len, char **out, size_t *out_len,
        size_t *n_replaced)
{
    const unsigned char *s = (const unsigned char *) in;
    char *o = malloc (3 * len + 1);
    size_t i = 0, n = 0;

    *n_replaced = 0;
    if (o == NULL)
        return TRACUU_STATUS_OUT_OF_MEMORY;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    while (i < len) {
        int32_t cp;
        size_t step;

        if (s[i] >= 0x20 && s[i] < 0x80) {
            o[n++] = (char) s[i++];
            continue;
        }
        if (s[i] == '\r') {
            o[n++] = '\n';
            i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
            continue;
        }
        step = tracuu_utf8__decode (s + i, len - i, &cp);
        if (cp <= 0) {          /* Invalid, or a NUL byte. */
            cp = 0xFFFD;
            (*n_replaced)++;
        }
        n += tracuu_utf8__encode (cp, o + n);
        i += step;
    }
    o[n] = '\0';
    *out = o;
    *out_len = n;
    return TRACUU_STATUS_OK;
}

tracuu_status_t
tracuu_normalize__utf16 (const char *in, size_t len, char **u8_out,
                         size_t *u8_len, UChar **u16_out, int32_t *u16_len,
                         size_t *n_replaced)
{
    tracuu_status_t rc;
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance (&err);
    char *clean = NULL, *u8 = NULL;
    size_t clean_len = 0;
    UChar *u16 = NULL, *norm = NULL;
    int32_t n16 = 0, nnorm = 0, n8 = 0;

    *u8_out = NULL;
    *u16_out = NULL;
    if (len > (size_t) INT32_MAX / 4)
        return TRACUU_STATUS_LIMIT_EXCEEDED;
    rc = repair (in, len, &clean, &clean_len, n_replaced);
    if (rc)
        return rc;
    u16 = malloc ((clean_len + 1) * sizeof *u16);
    if (u16 == NULL) {
        rc = TRACUU_STATUS_OUT_OF_MEMORY;
        goto DONE;
    }
    u_strFromUTF8 (u16, (int32_t) clean_len + 1, &n16, clean,
                   (int32_t) clean_len, &err);
    if (U_FAILURE (err)) {
        rc = TRACUU_STATUS_ICU_ERROR;
        goto DONE;
    }
    if (unorm2_quickCheck (nfc, u16, n16, &err) != UNORM_YES) {
        err = U_ZERO_ERROR;
        nnorm = unorm2_normalize (nfc, u16, n16, NULL, 0, &err);
        if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE (err)) {
            rc = TRACUU_STATUS_ICU_ERROR;
            goto DONE;
        }
        err = U_ZERO_ERROR;
        norm = malloc (((size_t) nnorm + 1) * sizeof *norm);
        if (norm == NULL) {
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
            goto DONE;
        }
        unorm2_normalize (nfc, u16, n16, norm, nnorm + 1, &err);
        if (U_FAILURE (err)) {
            rc = TRACUU_STATUS_ICU_ERROR;
            goto DONE;
        }
        free (u16);
        u16 = norm;
        n16 = nnorm;
        norm = NULL;
        u8 = malloc ((size_t) n16 * 3 + 1);
        if (u8 == NULL) {
            rc = TRACUU_STATUS_OUT_OF_MEMORY;
            goto DONE;
        }
        u_strToUTF8 (u8, n16 * 3 + 1, &n8, u16, n16, &err);
        if (U_FAILURE (err)) {
            rc = TRACUU_STATUS_ICU_ERROR;
            goto DONE;
        }
        free (clean);
        clean = u8;
        clean_len = (size_t) n8;
        u8 = NULL;
    }
    *u8_out = clean;
    *u8_len = clean_len;
    *u16_out = u16;
    *u16_len = n16;
    clean = NULL;
    u16 = NULL;

  DONE:
    free (clean);
    free (u8);
    free (u16);
    free (norm);
    return rc;
}

tracuu_status_t
tracuu_normalize (const char *in, size_t len, char **out, size_t *out_len,
                  size_t *n_replaced_out)
{
    UChar *u16 = NULL;
    int32_t n16;
    size_t n_replaced = 0, n8 = 0;
    tracuu_status_t rc;

    if (out != NULL)
        *out = NULL;
    if ((in == NULL && len) || out == NULL)
        return TRACUU_STATUS_NULL_POINTER;
    rc = tracuu_normalize__utf16 (in ? in : "", len, out, &n8, &u16, &n16,
                                  &n_replaced);
    free (u16);
    if (rc)
        return rc;
    if (out_len != NULL)
        *out_len = n8;
    if (n_replaced_out != NULL)
        *n_replaced_out = n_replaced;
    return TRACUU_STATUS_OK;
}
