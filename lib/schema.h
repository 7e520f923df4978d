/*
 * Internal: how reports and cases are laid out in the Xapian database.
 * Changing anything here needs TRACUU_SCHEMA_VERSION raised.
 */
#ifndef TRACUU_SCHEMA_H
#define TRACUU_SCHEMA_H

#define TRACUU_SCHEMA_VERSION "1"
#define TRACUU_META_SCHEMA "tracuu.schema"

/* Boolean term prefixes. Content terms (exact and folded syllables) have
 * no prefix: they are lower case, and every prefix is upper case. */
#define TRACUU_PREFIX_ID "Q"       /* Unique id: Q + absolute path. */
#define TRACUU_PREFIX_KIND "K"     /* Kreport, Kcase. */
#define TRACUU_PREFIX_FORMAT "F"   /* Ftext, Fhtml, Fdocx... */

/* Value slots. */
enum {
    TRACUU_SLOT_PATH = 0,          /* Absolute path, as bytes. */
    TRACUU_SLOT_FINGERPRINT = 1,   /* "size mtime_ns hash" of the file. */
    TRACUU_SLOT_KIND = 2,          /* "report" or "case". */
    TRACUU_SLOT_ENCODING = 3,      /* Encoding the file was read in. */
    TRACUU_SLOT_LINES = 4          /* Number of lines of the text. */
};

/* Longest content term indexed; longer tokens are not searchable. */
#define TRACUU_MAX_TERM 200

#endif /* TRACUU_SCHEMA_H */
