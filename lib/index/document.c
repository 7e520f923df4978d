/*
 * Building the Xapian document of a report: every syllable's folded form
 * with its position (phrases match on folded forms), its exact form
 * without position (to rank exact-accent matches first), the parts of
 * compound tokens (handles, e-mails, domains) at the same position,
 * boolean terms, values, and the compressed text for snippets.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/analysis.h"
#include "index/index-private.h"

static xapc_status_t
add_parts (xapc_doc_t *doc, const char *s, size_t len, xapc_termpos_t pos)
{
    size_t i = 0;

    while (i < len) {
        size_t j = i;

        while (j < len && s[j] != '.' && s[j] != '@' && s[j] != '_')
            j++;
        if (j > i && j - i < len) {
            xapc_status_t st = xapc_doc_add_posting (doc, s + i, j - i, pos, 1);

            if (st)
                return st;
        }
        i = j + 1;
    }
    return XAPC_OK;
}

xapc_status_t
tracuu_document__add_text (xapc_doc_t *doc, const tracuu_text_t *text)
{
    xapc_termpos_t pos = 0;

    return tracuu_document__add_text_at (doc, text, &pos);
}

xapc_status_t
tracuu_document__add_text_at (xapc_doc_t *doc, const tracuu_text_t *text,
                              xapc_termpos_t *pos_inout)
{
    xapc_termpos_t pos = *pos_inout;

    for (size_t i = 0; i < text->n_tokens; i++) {
        const tracuu_token_t *t = &text->tokens[i];
        xapc_status_t st = XAPC_OK;

        if (t->flags & TRACUU_TOKEN_FOOTNOTE)
            continue;           /* Footnote marks are not words. */
        pos++;
        /* Phrases are matched on folded forms, so only they need
         * positions; an exact form only ranks (see query.c). */
        if (t->folded_len <= TRACUU_MAX_TERM)
            st = xapc_doc_add_posting (doc, t->folded, t->folded_len, pos, 1);
        if (!st && (t->flags & TRACUU_TOKEN_ACCENTED)
            && t->exact_len <= TRACUU_MAX_TERM)
            st = xapc_doc_add_term (doc, t->exact, t->exact_len, 1);
        if (!st && (t->flags & TRACUU_TOKEN_COMPOUND)
            && t->folded_len <= TRACUU_MAX_TERM)
            st = add_parts (doc, t->folded, t->folded_len, pos);
        if (st)
            return st;
    }
    *pos_inout = pos;
    return XAPC_OK;
}

xapc_status_t
tracuu_document__add_filter (xapc_doc_t *doc, const char *prefix,
                             const char *value, size_t len)
{
    char term[XAPC_MAX_TERM_BYTES + 1];
    size_t plen = strlen (prefix);

    if (len == 0 || plen + len >= sizeof term)
        return XAPC_OK;         /* Empty, or too long to be a useful filter. */
    memcpy (term, prefix, plen);
    memcpy (term + plen, value, len);
    return xapc_doc_add_boolean_term (doc, term, plen + len);
}

static xapc_status_t
add_prefixed (xapc_doc_t *doc, const char *prefix, const char *value)
{
    return tracuu_document__add_filter (doc, prefix, value, strlen (value));
}

xapc_status_t
tracuu_document__build_report (const tracuu_report_info_t *info,
                               const tracuu_text_t *text, xapc_doc_t **out)
{
    xapc_doc_t *doc = NULL;
    xapc_status_t st;
    char id[XAPC_MAX_TERM_BYTES + 1];
    size_t id_len = tracuu_index__id_term (info->path, id);
    char *packed = NULL, lines[32];
    size_t packed_len = 0;

    *out = NULL;
    st = xapc_doc_new (&doc);
    if (st)
        return st;
    st = tracuu_document__add_text (doc, text);
    if (!st)
        st = xapc_doc_add_boolean_term (doc, id, id_len);
    if (!st)
        st = add_prefixed (doc, TRACUU_PREFIX_KIND, "report");
    if (!st && info->format)
        st = add_prefixed (doc, TRACUU_PREFIX_FORMAT, info->format);
    if (!st)
        st = xapc_doc_set_value (doc, TRACUU_SLOT_PATH, info->path,
                                 strlen (info->path));
    if (!st)
        st = xapc_doc_set_value (doc, TRACUU_SLOT_FINGERPRINT, info->fingerprint,
                                 strlen (info->fingerprint));
    if (!st)
        st = xapc_doc_set_value (doc, TRACUU_SLOT_KIND, "report", 6);
    if (!st && info->encoding)
        st = xapc_doc_set_value (doc, TRACUU_SLOT_ENCODING, info->encoding,
                                 strlen (info->encoding));
    if (!st && info->pages > 0) {
        snprintf (lines, sizeof lines, "%u", info->pages);
        st = xapc_doc_set_value (doc, TRACUU_SLOT_PAGES, lines, strlen (lines));
    }
    if (!st && info->ocr_pages > 0) {
        snprintf (lines, sizeof lines, "%u", info->ocr_pages);
        st = xapc_doc_set_value (doc, TRACUU_SLOT_OCR, lines, strlen (lines));
        if (!st)
            st = add_prefixed (doc, TRACUU_PREFIX_FLAG, "ocr");
    }
    snprintf (lines, sizeof lines, "%zu", text->n_lines);
    if (!st)
        st = xapc_doc_set_value (doc, TRACUU_SLOT_LINES, lines, strlen (lines));
    if (!st) {
        if (tracuu_store__pack (text->text, text->len, &packed, &packed_len))
            st = XAPC_ERR_NOMEM;
        else
            st = xapc_doc_set_value (doc, TRACUU_SLOT_STORED, packed,
                                     packed_len);
    }
    free (packed);
    if (st) {
        xapc_doc_destroy (doc);
        return st;
    }
    *out = doc;
    return XAPC_OK;
}
