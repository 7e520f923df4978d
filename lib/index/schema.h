/*
 * Internal: how reports and cases are laid out in the Xapian database.
 * Changing anything here needs TRACUU_SCHEMA_VERSION raised. The fields
 * of the query language that use these prefixes and slots are one table,
 * in fields.c (declared in include/tracuu/field.h).
 */
#ifndef TRACUU_SCHEMA_H
#define TRACUU_SCHEMA_H

#define TRACUU_SCHEMA_VERSION "8"
#define TRACUU_META_SCHEMA "tracuu.schema"
#define TRACUU_META_CASES "tracuu.cases:" /* + a report's R id: the keys of
                                             its cases, one a line. */

/* Boolean term prefixes. Content terms (exact and folded syllables) have
 * no prefix: they are lower case, and every prefix is upper case. */
#define TRACUU_PREFIX_ID "Q"       /* Unique id: Q + absolute path. */
#define TRACUU_PREFIX_KIND "K"     /* Kreport, Kcase. */
#define TRACUU_PREFIX_FORMAT "F"   /* Ftext, Fhtml, Fdocx... */
#define TRACUU_PREFIX_ACTION "A"   /* Case action: Afine. */
#define TRACUU_PREFIX_CATEGORY "C" /* Case category: Cfalse_information. */
#define TRACUU_PREFIX_PLATFORM "L" /* Platform named: Ltiktok. */
#define TRACUU_PREFIX_ACCOUNT "U"  /* Account, folded, no '@': Unhathaibiettuot. */
#define TRACUU_PREFIX_PERSON "N"   /* Person, folded: Nnguyen van hai. */
#define TRACUU_PREFIX_PROVINCE "P" /* Province slug: Pbac-giang. */
#define TRACUU_PREFIX_NUMBER "D"   /* Document number, folded: D180/bc-stttt. */
#define TRACUU_PREFIX_FLAG "X"     /* Xheadline: every mention is a headline;
                                      Xocr: a report with text read by OCR. */
#define TRACUU_PREFIX_WORD "W"     /* Word of a case's quotes, folded: Wthong. */
#define TRACUU_PREFIX_YEAR "Y"     /* Y2024: a year the period overlaps. */
#define TRACUU_PREFIX_STATUS "S"   /* Case status: Sdecided, Srecorded... */
#define TRACUU_PREFIX_VIOLATOR "V" /* Violator kind: Vcompany, Vpress... */
#define TRACUU_PREFIX_AGENCY "G"   /* Word of the agency, folded: Gcong. */

/* Years that get a Y term; a filter on other years uses the values. */
#define TRACUU_YEAR_TERMS_FIRST 1900
#define TRACUU_YEAR_TERMS_LAST 2199
#define TRACUU_CASE_ID "case:"     /* A case's id term is Q + case: + key. */
#define TRACUU_CITATION_ID "cite:" /* A citation's: Q + cite: + report id + : + key. */
#define TRACUU_CITED_ID "cited:"   /* Every citation of a case: Q + cited: + key. */

/* Value slots. */
enum {
    TRACUU_SLOT_PATH = 0,          /* Absolute path, as bytes. */
    TRACUU_SLOT_FINGERPRINT = 1,   /* "size mtime_ns hash" of the file. */
    TRACUU_SLOT_KIND = 2,          /* "report" or "case". */
    TRACUU_SLOT_ENCODING = 3,      /* Encoding the file was read in. */
    TRACUU_SLOT_LINES = 4,         /* Number of lines of the text. */
    TRACUU_SLOT_FROM = 5,          /* First day of the period, yyyymmdd. */
    TRACUU_SLOT_TO = 6,            /* Last day of the period, yyyymmdd. */
    TRACUU_SLOT_AMOUNT = 7,        /* Case amount in đồng, 15 digits. */
    TRACUU_SLOT_PROVINCE = 8,      /* Canonical province name. */
    TRACUU_SLOT_YEAR = 9,          /* "2024": year of the period's end. */
    TRACUU_SLOT_QUARTER = 10,      /* "2024-Q1", or a wider period label. */
    TRACUU_SLOT_MONTH = 11,        /* "2024-04", or a wider period label. */
    TRACUU_SLOT_ACTION = 12,       /* Case action name. */
    TRACUU_SLOT_CATEGORIES = 13,   /* Category names, sorted, comma-joined. */
    TRACUU_SLOT_PLATFORMS = 14,    /* Platform names, sorted, comma-joined. */
    TRACUU_SLOT_KEY = 15,          /* Case key. */
    TRACUU_SLOT_PARENT = 16,       /* Key of the aggregate it belongs to. */
    TRACUU_SLOT_PERIOD = 17,       /* Canonical period. */
    TRACUU_SLOT_STORED = 18,       /* Stored text (packed) or case records. */
    TRACUU_SLOT_CASE = 19,         /* Summary of a case for answers. */
    TRACUU_SLOT_STATUS = 20,       /* Case status name ("decided"), of the
                                      primary record: facets by status. */
    TRACUU_SLOT_VIOLATORS = 21,    /* Violator kinds of every record, in bit
                                      order, comma-joined: facets by kind. */
    TRACUU_SLOT_PAGES = 22,        /* Pages of a paginated report (PDF,
                                      image), absent for others. */
    TRACUU_SLOT_OCR = 23           /* Pages of it read by OCR, absent if none. */
};

/* Case documents keep in TRACUU_SLOT_STORED one record per report
 * mentioning the case, and in TRACUU_SLOT_CASE a summary: see
 * tracuu-caserec.h. Values, not the document data, which Xapian would
 * try to compress. */

/* Longest content term indexed; longer tokens are not searchable. */
#define TRACUU_MAX_TERM 200

#endif /* TRACUU_SCHEMA_H */
