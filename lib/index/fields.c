/*
 * The fields of the query language, one row each (see
 * include/tracuu/field.h). The prefixes and slots are those of
 * index-private.h; the rows say which of them a field reads.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "tracuu/field.h"
#include "index/index-private.h"
#include "util/util-private.h"

#define F TRACUU_FIELD_FILTER
#define G TRACUU_FIELD_GROUP
#define C TRACUU_FIELD_FACET
#define L TRACUU_FIELD_LIST
#define K TRACUU_FIELD_CASES

static const tracuu_field_t fields[] = {
    { "province", TRACUU_FIELD_PROVINCE, TRACUU_TERM_SLUG,
      TRACUU_PREFIX_PROVINCE, TRACUU_SLOT_PROVINCE, F | G | C,
      "province:\"Bắc Giang\"",
      "a province or city, accents optional; a province of 2025 also "
      "finds its former provinces" },
    { "year", TRACUU_FIELD_YEAR, TRACUU_TERM_NONE, TRACUU_PREFIX_YEAR,
      TRACUU_SLOT_YEAR, F | G | C, "year:2024",
      "a calendar year; periods overlapping it match" },
    { "quarter", TRACUU_FIELD_BUCKET, TRACUU_TERM_NONE, NULL,
      TRACUU_SLOT_QUARTER, G, NULL, "the quarter of a case's period" },
    { "month", TRACUU_FIELD_BUCKET, TRACUU_TERM_NONE, NULL,
      TRACUU_SLOT_MONTH, G, NULL, "the month of a case's period" },
    { "period", TRACUU_FIELD_PERIOD, TRACUU_TERM_NONE, NULL, -1, F,
      "period:2024-H1", "YYYY, YYYY-H1, YYYY-H2, YYYY-Q1..Q4 or YYYY-MM" },
    { "date", TRACUU_FIELD_DATE, TRACUU_TERM_NONE, NULL, -1, F,
      "date:2024-01-01..2024-06-30",
      "A..B, A.. or ..B, each a day YYYY-MM-DD or a period" },
    { "amount", TRACUU_FIELD_AMOUNT, TRACUU_TERM_NONE, NULL,
      TRACUU_SLOT_AMOUNT, F | K, "amount:5000000..",
      "fine amount in đồng: N..M, N.., ..M or N" },
    { "account", TRACUU_FIELD_TEXT, TRACUU_TERM_FOLDED,
      TRACUU_PREFIX_ACCOUNT, -1, F, "account:@name",
      "an account or handle, as typed" },
    { "platform", TRACUU_FIELD_LABEL, TRACUU_TERM_SLUG,
      TRACUU_PREFIX_PLATFORM, TRACUU_SLOT_PLATFORMS, F | G | C | L,
      "platform:tiktok", "a platform: facebook, tiktok, youtube, zalo..." },
    { "category", TRACUU_FIELD_LABEL, TRACUU_TERM_RAW,
      TRACUU_PREFIX_CATEGORY, TRACUU_SLOT_CATEGORIES, F | G | C | L | K,
      "category:false_information",
      "a category of violation, or one of its words" },
    { "action", TRACUU_FIELD_LABEL, TRACUU_TERM_RAW, TRACUU_PREFIX_ACTION,
      TRACUU_SLOT_ACTION, F | G | C | K, "action:fine",
      "fine, takedown, subscriber_lock, warning or prosecution" },
    { "status", TRACUU_FIELD_LABEL, TRACUU_TERM_RAW, TRACUU_PREFIX_STATUS,
      TRACUU_SLOT_STATUS, F | G | C | K, "status:recorded",
      "decided, recorded (only written up), proposed, withdrawn or "
      "criminal" },
    { "violator", TRACUU_FIELD_LABEL, TRACUU_TERM_RAW,
      TRACUU_PREFIX_VIOLATOR, TRACUU_SLOT_VIOLATORS, F | G | C | L | K,
      "violator:company", "individual, company, press or organization" },
    { "agency", TRACUU_FIELD_WORDS, TRACUU_TERM_WORDS,
      TRACUU_PREFIX_AGENCY, -1, F | K, "agency:\"Công an tỉnh\"",
      "who imposed it: every word must be in its name" },
    { "person", TRACUU_FIELD_TEXT, TRACUU_TERM_FOLDED,
      TRACUU_PREFIX_PERSON, -1, F, "person:\"Nguyễn Văn Hải\"",
      "a person, as typed" },
    { "number", TRACUU_FIELD_TEXT, TRACUU_TERM_FOLDED,
      TRACUU_PREFIX_NUMBER, -1, F, "number:180/BC-STTTT",
      "a document number, as typed" },
    { "kind", TRACUU_FIELD_KIND, TRACUU_TERM_RAW, TRACUU_PREFIX_KIND, -1, F,
      "kind:report", "report or case" },
};

#undef F
#undef G
#undef C
#undef L
#undef K

size_t
tracuu_field_count (void)
{
    return sizeof fields / sizeof fields[0];
}

const tracuu_field_t *
tracuu_field_at (size_t i)
{
    return i < tracuu_field_count () ? &fields[i] : NULL;
}

const tracuu_field_t *
tracuu_field_find (const char *name, size_t len, unsigned flags)
{
    if (name == NULL)
        return NULL;
    for (size_t i = 0; i < tracuu_field_count (); i++)
        if (strlen (fields[i].name) == len
            && strncasecmp (fields[i].name, name, len) == 0
            && (fields[i].flags & flags) == flags)
            return &fields[i];
    return NULL;
}

char *
tracuu_field_names (unsigned flags, const char *last)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t buf = { NULL, 0, 0 };
    size_t n = 0, k = 0;

    for (size_t i = 0; i < tracuu_field_count (); i++)
        n += (fields[i].flags & flags) == flags;
    for (size_t i = 0; i < tracuu_field_count (); i++) {
        const char *sep = k + 1 == n && last ? last : ", ";

        if ((fields[i].flags & flags) != flags)
            continue;
        if (k++ > 0)
            tracuu_buf__append (&rc, &buf, sep, strlen (sep));
        tracuu_buf__append (&rc, &buf, fields[i].name, strlen (fields[i].name));
    }
    tracuu_buf__append (&rc, &buf, "", 0);
    if (rc) {
        free (buf.data);
        return NULL;
    }
    return buf.data;
}
