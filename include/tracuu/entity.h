/*
 * tracuu entities: typed spans found in a report (amounts, dates,
 * accounts, people, places...). Every entity keeps its byte offsets in
 * the normalized text (tracuu_text_t.text), its line, and a canonical
 * value, so that it can be indexed, filtered and cited.
 */
#ifndef TRACUU_ENTITY_H
#define TRACUU_ENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * Kinds of entity, with what 'value', 'extra', 'number' and the
 * [from, to] day span (yyyymmdd integers, 0 = none) hold for each.
 * @since 0.1
 */
typedef enum tracuu_entity_kind {
    TRACUU_ENTITY_MONEY,      /* number: VND. value: "7500000". extra: NULL.
                                 flags: APPROXIMATE. */
    TRACUU_ENTITY_DATE,       /* value: "2024-06-11" (or "2023-03" with
                                 BLANK_DAY). from, to: the day(s). */
    TRACUU_ENTITY_PERIOD,     /* value: "2024", "2024-H1", "2024-H2",
                                 "2024-Q1", "2024-04", "2021..2025",
                                 "1954-05-07..2024-05-07". from, to. */
    TRACUU_ENTITY_ACCOUNT,    /* value: handle or name as written
                                 ("@nhathaibiettuot", "Nguyenkim Oanh").
                                 extra: platform ("tiktok", "facebook",
                                 "youtube", "zalo", "website"...). */
    TRACUU_ENTITY_URL,        /* value: the URL. extra: platform or NULL. */
    TRACUU_ENTITY_EMAIL,      /* value: the address, lower case. */
    TRACUU_ENTITY_PHONE,      /* value: digits only ("0912345678"). */
    TRACUU_ENTITY_PERSON,     /* value: "Nguyễn Văn Hải". extra: role. */
    TRACUU_ENTITY_PROVINCE,   /* value: canonical name ("Bắc Giang",
                                 "Hồ Chí Minh"). */
    TRACUU_ENTITY_DISTRICT,   /* value: name. extra: province or NULL. */
    TRACUU_ENTITY_AGENCY,     /* value: name as written, normalized
                                 spaces. extra: short code if any. */
    TRACUU_ENTITY_DOCNUMBER,  /* This document's number: "180/BC-STTTT";
                                 "" when left blank. */
    TRACUU_ENTITY_REFERENCE,  /* Another document: value "91/2020/NĐ-CP"
                                 (or "1257"); extra: its kind ("nghị
                                 định", "kế hoạch"...); from: its date. */
    TRACUU_ENTITY_COUNT,      /* number: the count. extra: the counted
                                 noun ("cuộc thanh tra, kiểm tra"). */
    TRACUU_ENTITY_FOOTNOTE,   /* A footnote mark (flags: FOOTNOTE_REF) or
                                 the start of a footnote's text (no flag).
                                 number: the footnote's number. */
    TRACUU_ENTITY_KIND_LAST
} tracuu_entity_kind_t;

/** Entity flags. */
enum {
    TRACUU_ENTITY_APPROXIMATE  = 1 << 0, /* "gần", "khoảng", "trên", "hơn". */
    TRACUU_ENTITY_BLANK_DAY    = 1 << 1, /* "ngày   tháng 3 năm 2023". */
    TRACUU_ENTITY_RANGE        = 1 << 2, /* A span written as a range. */
    TRACUU_ENTITY_FOOTNOTE_REF = 1 << 3, /* A mark in running text. */
    TRACUU_ENTITY_IN_TABLE     = 1 << 4, /* Found in a table row. */
    TRACUU_ENTITY_HEADLINE     = 1 << 5  /* Inside a quoted headline/title. */
};

/** One entity. Strings belong to the list holding it. */
typedef struct tracuu_entity {
    tracuu_entity_kind_t kind;  /* What it is. */
    uint32_t flags;             /* TRACUU_ENTITY_*. */
    size_t start;               /* Byte offset in the normalized text. */
    size_t end;                 /* Byte offset just past it. */
    uint32_t line;              /* 1-based line of 'start'. */
    int64_t number;             /* Amount, count, footnote number. */
    int32_t from;               /* First day, yyyymmdd, or 0. */
    int32_t to;                 /* Last day, yyyymmdd, or 0. */
    char *value;                /* Canonical value, NUL-terminated. */
    char *extra;                /* Second value, or NULL. */
} tracuu_entity_t;

/** A growable list of entities. Zero-initialize; free with _dispose(). */
typedef struct tracuu_entities {
    tracuu_entity_t *items;     /* The entities. */
    size_t count;               /* How many. */
    size_t alloc;               /* Allocated slots. */
} tracuu_entities_t;

/**
 * Append a copy of 'e' (its strings are copied; 'value' NULL becomes "")
 * and return the stored entity, or NULL. Does nothing and returns NULL
 * once *rc holds an error; sets *rc to TRACUU_STATUS_OUT_OF_MEMORY on
 * failure. So a run of pushes is checked once.
 * @since 0.1
 */
tracuu_entity_t *
tracuu_entities_push (tracuu_status_t *rc, tracuu_entities_t *list,
                      const tracuu_entity_t *e);

/** Sort by start offset, then kind (stable for equal spans). @since 0.1 */
void
tracuu_entities_sort (tracuu_entities_t *list);

/** Free the entities' strings and the array; the list is reset. */
void
tracuu_entities_dispose (tracuu_entities_t *list);

/** Static lower-case name of 'kind' ("money", "date"...). @since 0.1 */
const char *
tracuu_entity_kind_name (tracuu_entity_kind_t kind);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_ENTITY_H */
