/*
 * tracuu extraction: what a report says about itself (its metadata) and
 * the sanction cases it reports (fines, takedowns, locked subscriber
 * lines, warnings, prosecutions), on top of the entities of
 * tracuu/entity.h.
 *
 * One call, tracuu_extract(), runs every entity extractor over an
 * analyzed text, then reads the report's metadata, then its cases. The
 * result is an opaque tracuu_extraction_t that owns every string it
 * hands out; tracuu_extraction_write_json() prints it in the schema of
 * docs/EXTRACT.md.
 *
 * Every word list (the case categories, the wording of measures,
 * provinces, platforms, agencies, roles, family names...) is a data
 * file of data/lexicon/, built into the library and read from
 * $TRACUU_DATA_DIR/lexicon/ instead when that variable is set.
 */
#ifndef TRACUU_EXTRACT_H
#define TRACUU_EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "tracuu/analysis.h"
#include "tracuu/entity.h"
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Report metadata.                                                     */
/* ------------------------------------------------------------------ */

/**
 * What a report says about itself. Every string belongs to the
 * extraction it came from and is NULL when the report does not say.
 *
 * 'kind' is one of the static strings "bao_cao" (report), "tham_luan"
 * (conference paper), "ke_hoach" (plan), "cong_van" (official letter),
 * "quyet_dinh" (decision), "to_trinh" (submission), "tin_bai" (news
 * article) or "khac" (anything else); never NULL.
 *
 * Periods use the canonical values of TRACUU_ENTITY_PERIOD: "2024",
 * "2024-H1", "2024-H2", "2024-Q1", "2024-04", or "yyyy-mm-dd..yyyy-mm-dd"
 * for any other span; 'period_from' and 'period_to' are its first and
 * last days as yyyymmdd integers (0 when there is no period).
 *
 * For "Số: 180 /BC -STTTT ... Bắc Giang, ngày 11 tháng 6 năm 2024 ...
 * BÁO CÁO Sơ kết ... 6 tháng đầu năm; chương trình công tác 6 tháng
 * cuối năm 2024": number "180/BC-STTTT", kind "bao_cao", place "Bắc
 * Giang", date 20240611, period "2024-H1" (20240101..20240630),
 * province "Bắc Giang".
 *
 * @since 0.1
 */
typedef struct tracuu_report_meta {
    const char *number;       /* "180/BC-STTTT"; "" when the line "Số:"
                                 is left blank; NULL when absent. */
    const char *kind;         /* Static kind name, see above. */
    const char *title;        /* Title (the line after "BÁO CÁO", the
                                 quoted subject of a paper, a headline). */
    const char *place;        /* Issuing place, "Hà Tĩnh" in "Hà Tĩnh,
                                 ngày ... tháng 3 năm 2023". */
    int32_t date;             /* Issuing day, yyyymmdd; 0 if unknown or
                                 the day is left blank. */
    const char *date_text;    /* "2024-06-11", or "2023-03" when the day
                                 is blank; NULL when there is no date. */
    const char *period;       /* Reporting period, canonical. */
    int32_t period_from;      /* Its first day, yyyymmdd, or 0. */
    int32_t period_to;        /* Its last day, yyyymmdd, or 0. */
    const char *province;     /* Canonical province ("Bắc Giang"). */
    const char *agency;       /* Issuing agency as written. */
    const char *signer;       /* Name of the signer (or a news byline). */
    const char *signer_role;  /* "PHÓ GIÁM ĐỐC"; NULL for a byline. */
    uint32_t signer_line;     /* Line of a news byline, or 0: the lines
                                 after it are titles of other stories. */
} tracuu_report_meta_t;

/* ------------------------------------------------------------------ */
/* Cases.                                                               */
/* ------------------------------------------------------------------ */

/**
 * What was done to the violators of a case. @since 0.1
 */
typedef enum tracuu_case_action {
    TRACUU_CASE_FINE,            /* Administrative fine ("xử phạt",
                                    "phạt tiền", "xử lý vi phạm hành
                                    chính"...). */
    TRACUU_CASE_TAKEDOWN,        /* Content removed or blocked ("gỡ bỏ",
                                    "bóc gỡ", "chặn"). */
    TRACUU_CASE_SUBSCRIBER_LOCK, /* Phone subscriptions locked ("khóa 02
                                    chiều ... thuê bao"). */
    TRACUU_CASE_WARNING,         /* Reminder or written pledge ("nhắc
                                    nhở", "cam kết"). */
    TRACUU_CASE_PROSECUTION,     /* Criminal proceedings ("khởi tố"). */
    TRACUU_CASE_OTHER,           /* Any other measure. */
    TRACUU_CASE_ACTION_LAST
} tracuu_case_action_t;

/**
 * Categories of violation, as bits of tracuu_case_t.categories; a case
 * may have several. The categories are data: the labels of
 * data/lexicon/categories.txt, bit i for the i-th label in the order
 * the file first names them (tracuu_case_category_name(),
 * tracuu_case_category_count()). At most TRACUU_CATEGORY_COUNT of them.
 * @since 0.1
 */
#define TRACUU_CATEGORY_COUNT 32

/** Case flags (tracuu_case_t.flags). @since 0.1 */
enum {
    TRACUU_CASE_APPROXIMATE = 1 << 0, /* The amount is "gần", "khoảng"... */
    TRACUU_CASE_AGGREGATE   = 1 << 1, /* One amount for several violators. */
    TRACUU_CASE_HEADLINE    = 1 << 2, /* Quoted in a list of published
                                         articles, not reported as done
                                         by the author. */
    TRACUU_CASE_FOOTNOTE    = 1 << 3, /* Found in the text of a footnote. */
    TRACUU_CASE_PER_VIOLATOR = 1 << 4 /* The amount is that of each
                                         violator ("mỗi người bị phạt 5
                                         triệu"): the case's total is
                                         amount_vnd * violators.
                                         @since 0.2 */
};

/**
 * Where a sanction stands (tracuu_case_t.status). Only decided fines are
 * summed in totals; the others are listed and counted.
 * @since 0.2
 */
typedef enum tracuu_case_status {
    TRACUU_CASE_DECIDED = 0,  /* Imposed: "quyết định xử phạt", "đã xử
                                 phạt", "nộp phạt". The default. */
    TRACUU_CASE_RECORDED,     /* Only recorded: "lập biên bản vi phạm". */
    TRACUU_CASE_PROPOSED,     /* Proposed: "đề nghị", "kiến nghị xử phạt". */
    TRACUU_CASE_WITHDRAWN,    /* Annulled or waived: "hủy", "thu hồi quyết
                                 định", "miễn nộp". */
    TRACUU_CASE_CRIMINAL,     /* Handed to criminal proceedings. */
    TRACUU_CASE_STATUS_LAST
} tracuu_case_status_t;

/** Kinds of violator, as bits of tracuu_case_t.violator_kinds. @since 0.2 */
enum {
    TRACUU_VIOLATOR_INDIVIDUAL   = 1 << 0, /* "cá nhân", a named person. */
    TRACUU_VIOLATOR_COMPANY      = 1 << 1, /* "doanh nghiệp", "công ty". */
    TRACUU_VIOLATOR_PRESS        = 1 << 2, /* "cơ quan báo chí", a newspaper. */
    TRACUU_VIOLATOR_ORGANIZATION = 1 << 3  /* Any other organization. */
};

/** Number of violator kind bits. @since 0.2 */
#define TRACUU_VIOLATOR_KIND_COUNT 4

/** An account named in a case. Strings belong to the extraction. */
typedef struct tracuu_case_account {
    const char *platform;     /* "tiktok", "facebook"...; NULL if unknown. */
    const char *name;         /* "@nhathaibiettuot", "Nguyenkim Oanh". */
} tracuu_case_account_t;

/**
 * Where a case is written. 'file' is the name given to
 * tracuu_extraction_set_file() (NULL until then); offsets are bytes in
 * the normalized text (tracuu_text_t.text); 'sentence' is the quoted
 * clause (with the clause it borrows its violator from, if any).
 */
typedef struct tracuu_case_source {
    const char *file;         /* The report's file, or NULL. */
    uint32_t line;            /* 1-based line of 'start'. */
    size_t start;             /* Byte offset of the quote. */
    size_t end;               /* Byte offset just past it. */
    const char *sentence;     /* The quote, NUL-terminated. */
} tracuu_case_source_t;

/**
 * One sanction case. Counts are -1 when the report does not say;
 * 'amount_vnd' is -1 when no amount is stated. Every pointer belongs
 * to the extraction.
 *
 * 'key' is stable across reports: the same case cited by two reports
 * gets the same key. It is built from folded ASCII parts joined by '/':
 *
 *     one violator:  province/subject/amount   "bac-giang/nhathaibiettuot/7500000"
 *                    (subject: the account handle or name, else the
 *                    person; amount, or the action name if none)
 *     otherwise:     province/period/action/amount-or-count
 *                    "bac-giang/2024-h1/fine/19500000"
 *
 * @since 0.1
 */
typedef struct tracuu_case {
    tracuu_case_action_t action;  /* The main measure. */
    uint32_t measures;        /* Further measures in the same clause, as
                                 bits (1 << action): a fine "và buộc gỡ
                                 bỏ" also has 1 << TRACUU_CASE_TAKEDOWN. */
    uint32_t categories;      /* TRACUU_CATEGORY_* bits; 0 if none named. */
    uint32_t flags;           /* TRACUU_CASE_* flags. */
    tracuu_case_status_t status; /* Decided, recorded, proposed... */
    uint32_t violator_kinds;  /* TRACUU_VIOLATOR_* bits; 0 if unknown. */
    int64_t amount_vnd;       /* Amount in đồng, or -1. */
    int64_t violators;        /* Number of violators, or -1. */
    int64_t organizations;    /* How many of them are organizations, or -1. */
    int64_t individuals;      /* How many are individuals, or -1. */
    const char *const *people;            /* Named people. */
    size_t n_people;                      /* How many. */
    const tracuu_case_account_t *accounts; /* Named accounts. */
    size_t n_accounts;                    /* How many. */
    const char *const *platforms;         /* Distinct platforms named
                                             ("tiktok", "youtube",
                                             "facebook", "zalo",
                                             "website"). */
    size_t n_platforms;                   /* How many. */
    const char *agency;       /* Who imposed it, or NULL. */
    const char *province;     /* Canonical province, or NULL. */
    const char *period;       /* Canonical period (explicit in the
                                 sentence, else the report's), or NULL. */
    int32_t from;             /* First day, yyyymmdd, or 0. */
    int32_t to;               /* Last day, yyyymmdd, or 0. */
    int footnote;             /* Number of the footnote it is written
                                 in, or 0. */
    long parent;              /* Index of the aggregate case this one is
                                 a member of (through a footnote), or -1. */
    const char *key;          /* Stable key, see above. */
    const tracuu_case_source_t *sources; /* Where it is written (one per
                                            mention in this report). */
    size_t n_sources;         /* At least 1. */
} tracuu_case_t;

/**
 * Static name of 'action': "fine", "takedown", "subscriber_lock",
 * "warning", "prosecution", "other"; "unknown" when out of range.
 * @since 0.1
 */
const char *
tracuu_case_action_name (tracuu_case_action_t action);

/**
 * Static name of 'status': "decided", "recorded", "proposed",
 * "withdrawn", "criminal"; "unknown" when out of range.
 * @since 0.2
 */
const char *
tracuu_case_status_name (tracuu_case_status_t status);

/** The status named 'name', or -1 if the name is unknown. @since 0.2 */
int
tracuu_case_status_from_name (const char *name);

/**
 * Static name of violator kind bit number 'bit': "individual",
 * "company", "press", "organization"; NULL when out of range.
 * @since 0.2
 */
const char *
tracuu_case_violator_kind_name (unsigned bit);

/**
 * Name of category bit number 'bit' ("false_information"), or NULL when
 * there is no such category (or the category lexicon cannot be loaded).
 * The string lives as long as the process.
 * @since 0.1
 */
const char *
tracuu_case_category_name (unsigned bit);

/**
 * Number of categories in the category lexicon (0 when it cannot be
 * loaded); never more than TRACUU_CATEGORY_COUNT.
 * @since 0.2
 */
unsigned
tracuu_case_category_count (void);

/**
 * The category bit (TRACUU_CATEGORY_*) named 'name' ("fraud"), or 0 if
 * the name is unknown.
 * @since 0.1
 */
uint32_t
tracuu_case_category_from_name (const char *name);

/* ------------------------------------------------------------------ */
/* Extraction.                                                          */
/* ------------------------------------------------------------------ */

/** Entities, metadata and cases of one text. Opaque. @since 0.1 */
typedef struct tracuu_extraction tracuu_extraction_t;

/**
 * Run every entity extractor over 'text', sort the entities, then read
 * the report's metadata and its cases.
 *
 * @param text  An analyzed text (tracuu_text_analyze()). The extraction
 *              copies what it keeps: 'text' may be destroyed afterwards.
 * @param out   On success, a new extraction owned by the caller (free
 *              it with tracuu_extraction_destroy()); NULL on failure.
 *
 * Returns TRACUU_STATUS_OK, _NULL_POINTER, _OUT_OF_MEMORY, or
 * _IO_ERROR / _BAD_INPUT when a lexicon file under $TRACUU_DATA_DIR
 * exists but cannot be read or parsed.
 *
 * @since 0.1
 */
tracuu_status_t
tracuu_extract (const tracuu_text_t *text, tracuu_extraction_t **out);

/** Free 'x' and every string it handed out. NULL is a no-op. @since 0.1 */
void
tracuu_extraction_destroy (tracuu_extraction_t *x);

/**
 * Record the name of the file the text came from; it appears in every
 * case source and in the JSON output. The string is copied.
 * Returns TRACUU_STATUS_OK, _NULL_POINTER or _OUT_OF_MEMORY.
 * @since 0.1
 */
tracuu_status_t
tracuu_extraction_set_file (tracuu_extraction_t *x, const char *file);

/** The file set by tracuu_extraction_set_file(), or NULL. @since 0.1 */
const char *
tracuu_extraction_file (const tracuu_extraction_t *x);

/**
 * The entities, sorted by offset. Belongs to 'x'; NULL if 'x' is NULL.
 * @since 0.1
 */
const tracuu_entities_t *
tracuu_extraction_entities (const tracuu_extraction_t *x);

/** The report's metadata. Belongs to 'x'; NULL if 'x' is NULL. @since 0.1 */
const tracuu_report_meta_t *
tracuu_extraction_meta (const tracuu_extraction_t *x);

/** Number of cases (0 if 'x' is NULL). @since 0.1 */
size_t
tracuu_extraction_n_cases (const tracuu_extraction_t *x);

/**
 * Case 'i', in text order, or NULL if 'i' is out of range. Belongs to
 * 'x'.
 * @since 0.1
 */
const tracuu_case_t *
tracuu_extraction_case (const tracuu_extraction_t *x, size_t i);

/**
 * Write 'x' to 'out' in the schema of docs/EXTRACT.md.
 *
 * @param x      The extraction.
 * @param file   The "file" field; NULL to use tracuu_extraction_file().
 * @param jsonl  0: one pretty JSON object {file, report, entities,
 *               cases}. Non-zero: JSON Lines, one object per line, each
 *               with a "type" of "report", "entity" or "case".
 * @param out    Where to write.
 *
 * Returns TRACUU_STATUS_OK, _NULL_POINTER, or _IO_ERROR when writing
 * fails.
 * @since 0.1
 */
tracuu_status_t
tracuu_extraction_write_json (const tracuu_extraction_t *x, const char *file,
                              int jsonl, FILE *out);

struct tracuu_printer;

/**
 * Write 'x' to printer 'p' as the one object of
 * tracuu_extraction_write_json() without jsonl ({file, report, entities,
 * cases}), so that it can be a member of a larger document. 'file' NULL
 * is the extraction's file. Returns the printer's status, or
 * _NULL_POINTER. @since 0.2
 */
tracuu_status_t
tracuu_extraction_write (const tracuu_extraction_t *x, const char *file,
                         struct tracuu_printer *p);

/**
 * Read, decode, analyze and extract the report file at 'path' (as the
 * indexer does, without indexing it). 'encoding' forces a text encoding
 * (NULL: detect). The extraction's file is set to 'path'.
 *
 * Returns TRACUU_STATUS_OK, or the status of the failing step with a
 * one-line reason in *error_out (free() it; may be NULL) that does not
 * repeat the path. *out belongs to the caller.
 * @since 0.1
 */
tracuu_status_t
tracuu_extract_file (const char *path, const char *encoding,
                     tracuu_extraction_t **out, char **error_out);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_EXTRACT_H */
