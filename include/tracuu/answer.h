/*
 * tracuu answers: the sanction cases matching a question, with totals
 * that never count a case twice, trend tables and facet counts.
 *
 * How a total is formed:
 * - every case document is one case, whatever the number of reports
 *   that mention it (they are its sources);
 * - only decided sanctions are summed: cases only recorded, proposed,
 *   withdrawn or handed to criminal proceedings are listed and counted
 *   apart, by status;
 * - when the question asks about a period, the cases inside it are
 *   summed; a case of a longer period that overlaps it (a half-year
 *   total asked about April) is listed apart and not summed, and the
 *   cases inside the question's period that it holds are summed instead;
 * - a case that is a member of a matching aggregate (listed in the
 *   aggregate's footnote, or of the same action, province and agency,
 *   sharing a category, with its period inside the aggregate's) is shown
 *   under the aggregate and not added again;
 * - an amount stated for each violator ("mỗi người bị phạt 7 triệu
 *   đồng") is added once per violator;
 * - amounts marked approximate make the total approximate;
 * - cases without an amount are counted, not summed;
 * - news headlines quoted in reports are not sanctions and are left out.
 *
 * Counts ("how many people were fined", the question's count_of) add up
 * the numbers the summed cases state (or, when the question names a
 * status, the cases of that status), each case with its source.
 *
 * Groups and facets count every matching case, members and cases listed
 * apart alike (a group has its members in a column of their own); only
 * totals are restricted to the summed cases.
 */
#ifndef TRACUU_ANSWER_H
#define TRACUU_ANSWER_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/extract.h"
#include "tracuu/index.h"
#include "tracuu/printer.h"
#include "tracuu/question.h"
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Why a case is listed apart from those summed. @since 0.2 */
typedef enum tracuu_answer_apart {
    TRACUU_ANSWER_SUMMED = 0,   /* Summed (or a member of a summed case). */
    TRACUU_ANSWER_STATUS,       /* Not decided (recorded, proposed,
                                   withdrawn, criminal): counted by status. */
    TRACUU_ANSWER_LONGER_PERIOD /* Its period is longer than the question's
                                   and overlaps it. */
} tracuu_answer_apart_t;

/** Where a case is written. Strings belong to the answer. */
typedef struct tracuu_answer_source {
    const char *path;           /* Absolute path of the report (bytes as
                                   the file system gave them). */
    uint32_t line;              /* 1-based line. */
    const char *quote;          /* The sentence. */
    int ocr;                    /* The report's text was read by OCR: its
                                   figures deserve a second look. */
    uint32_t report;            /* The report's document id (see
                                   tracuu_report_get()), 0 when it is no
                                   longer indexed. @since 0.2 */
    uint32_t page;              /* Its page in a paginated report (a PDF,
                                   an image), 0 for other formats.
                                   @since 0.3 */
} tracuu_answer_source_t;

/** An account named in a case. Strings belong to the answer. */
typedef struct tracuu_answer_account {
    const char *platform;       /* "tiktok", "facebook"...; "" if unknown. */
    const char *name;           /* "@nhathaibiettuot", "Nguyenkim Oanh". */
} tracuu_answer_account_t;

/**
 * One case of an answer, gathered from every report that mentions it:
 * the fields of the report with the narrowest period, and the union of
 * what the reports say for the lists (categories, platforms, accounts,
 * people) and of their sources. Strings and arrays belong to the
 * answer; strings are "" when unknown.
 * @since 0.2
 */
typedef struct tracuu_answer_case {
    const char *key;            /* Stable case key. */
    const char *member_of;      /* Key of the aggregate it is shown under
                                   (and not added to totals), or NULL. A
                                   part of a stated total that does not
                                   match the question keeps the total's
                                   key, though the total is not listed. */
    const char *period;         /* Canonical period ("2024-H1"). */
    int32_t from, to;           /* Its days, yyyymmdd (0 if unknown). */
    const char *province;       /* Canonical province. */
    const char *agency;         /* Who imposed it. */
    tracuu_case_action_t action;   /* Fine, takedown... */
    tracuu_case_status_t status;   /* Decided, recorded, proposed... */
    uint32_t categories;        /* TRACUU_CATEGORY_* bits. */
    uint32_t violator_kinds;    /* TRACUU_VIOLATOR_* bits; 0 if unknown. */
    const char *const *platforms;  /* "tiktok", "youtube"... */
    size_t n_platforms;
    const tracuu_answer_account_t *accounts;
    size_t n_accounts;
    const char *const *people;     /* "Nguyễn Văn Hải". */
    size_t n_people;
    int64_t amount;             /* Đồng, or -1 when not stated. */
    int approximate;            /* The amount is approximate. */
    int aggregate;              /* One amount for several violators. */
    int per_violator;           /* The amount is that of each violator:
                                   totals add it times 'violators'.
                                   @since 0.2 */
    int64_t violators;          /* Or -1. */
    int64_t organizations;      /* Or -1. */
    int64_t individuals;        /* Or -1. */
    const tracuu_answer_source_t *sources; /* One or more, every mention
                                   in every report. */
    size_t n_sources;
    tracuu_answer_apart_t apart; /* Why it is not summed, if it is not
                                   (a member has its aggregate's).
                                   @since 0.2 */
    int64_t counted;            /* What it adds to the count the question
                                   asks for (total.count), or -1 when it
                                   adds nothing or states no number.
                                   @since 0.2 */
} tracuu_answer_case_t;

/** The cases a report gives to an answer ("which reports"). Strings
 * belong to the answer. @since 0.2 */
typedef struct tracuu_answer_report {
    const char *path;           /* Absolute path of the report. */
    const size_t *cases;        /* Indexes of tracuu_answer_case(), in
                                   display order. */
    size_t n_cases;
} tracuu_answer_report_t;

/** Totals of an answer, or of one group. */
typedef struct tracuu_answer_total {
    int64_t amount;             /* Sum over top-level cases with an amount. */
    int approximate;            /* Some summed amount was approximate. */
    size_t sanctions;           /* Top-level cases (not members). */
    size_t with_amount;         /* Of which with an amount. */
    size_t members;             /* Cases shown under an aggregate. */
    int64_t violators;          /* Sum of top-level violators (known ones). */
    size_t per_violator;        /* Of those with an amount, the amounts of
                                   each violator, summed times the
                                   violators. @since 0.2 */
    /* @since 0.2: what is not summed. */
    size_t by_status[TRACUU_CASE_STATUS_LAST]; /* Top-level cases inside
                                   the period, by status: by_status[0],
                                   decided, is 'sanctions'; the others
                                   are listed and counted, not summed. */
    int64_t status_amount[TRACUU_CASE_STATUS_LAST]; /* The amounts they
                                   state (0 when none does). */
    size_t longer_periods;      /* Top-level cases of a period longer than
                                   the question's: listed, not summed. */
    int64_t longer_amount;      /* The amounts they state. */
    /* @since 0.2: the count asked for (question's count_of), in the
     * answer's total only (0 in groups). */
    int64_t count;              /* Sum of the numbers stated; -1 when
                                   nothing is counted. */
    size_t count_cases;         /* Cases stating their number. */
    size_t count_unstated;      /* Cases counted that do not state it. */
    int64_t count_apart;        /* The numbers stated by the cases left
                                   out of the count for their status (72
                                   subscriber locks only proposed). */
    size_t count_apart_cases;   /* Those cases. */
} tracuu_answer_total_t;

/** The group of cases longer than a calendar bucket. @since 0.2 */
#define TRACUU_ANSWER_LONGER_PERIODS "(longer periods)"

/** One row of a --group-by table. */
typedef struct tracuu_answer_group {
    const char *value;          /* "2024", "Bắc Giang", "false_information". */
    tracuu_answer_total_t total;
} tracuu_answer_group_t;

/** One value of a facet, counted by a Xapian match spy. */
typedef struct tracuu_answer_facet_value {
    const char *value;
    uint32_t count;             /* Matching documents with this value. */
} tracuu_answer_facet_value_t;

/** A facet: its field and its values by decreasing count. */
typedef struct tracuu_answer_facet {
    const char *field;
    const tracuu_answer_facet_value_t *values;
    size_t n_values;
} tracuu_answer_facet_t;

/** Options of tracuu_answer_run(). Use TRACUU_ANSWER_OPTIONS_INIT. */
typedef struct tracuu_answer_options {
    unsigned version;           /* TRACUU_ANSWER_OPTIONS_VERSION. */
    const char *group_by;       /* NULL, or year, quarter, month, province,
                                   category, platform, action, status,
                                   violator. Years, quarters and months
                                   are calendar buckets, every one from
                                   the first to the last (empty ones with
                                   zeros); a case of a longer period than
                                   a bucket is in the group
                                   TRACUU_ANSWER_LONGER_PERIODS. */
    const char *facets;         /* NULL, or a comma list of province, year,
                                   category, platform, action. */
    unsigned max_cases;         /* Most matching cases read (0: all of
                                   them); tracuu_answer_n_matches() says
                                   when some were not. */
    unsigned offset;            /* Cases to skip, in display order. */
    unsigned limit;             /* Cases to list (0: every one). */
    int totals_only;            /* List no case: totals, groups and facets
                                   only (reads a summary of each case). */
} tracuu_answer_options_t;

#define TRACUU_ANSWER_OPTIONS_VERSION 2
#define TRACUU_ANSWER_OPTIONS_INIT \
    { TRACUU_ANSWER_OPTIONS_VERSION, NULL, NULL, 0, 0, 0, 0 }

/** An answer. Opaque; free with tracuu_answer_destroy(). */
typedef struct tracuu_answer tracuu_answer_t;

/**
 * Answer 'question' from the cases in 'index'.
 *
 * Every matching case is counted; only the cases listed (see the
 * options) are read in full. A database changed by a writer meanwhile
 * is reopened and the answer made again.
 *
 * Returns TRACUU_STATUS_OK, _NULL_POINTER, _BAD_ARGUMENT for an unknown
 * group or facet field, _QUERY_SYNTAX for leftover text that cannot be
 * searched, _DATABASE_ERROR when a case in the index cannot be read (a
 * damaged database: the reason says to index again with --force), or
 * another database status; the reason is in tracuu_index_last_error().
 * On success *out belongs to the caller (tracuu_answer_destroy()); on
 * failure it is NULL.
 * @since 0.1
 */
tracuu_status_t
tracuu_answer_run (tracuu_index_t *index, const tracuu_question_t *question,
                   const tracuu_answer_options_t *opts, tracuu_answer_t **out);

/**
 * The cases listed, in display order (each aggregate followed by its
 * members), from the options' offset, at most their limit: case 'i' of
 * them, or NULL when 'i' is out of range. Borrowed from 'a'.
 * @since 0.1
 */
size_t tracuu_answer_n_cases (const tracuu_answer_t *a);
const tracuu_answer_case_t *tracuu_answer_case (const tracuu_answer_t *a,
                                                size_t i);

/**
 * Cases matching the question, members included: the number the totals
 * are made of. *read_out (may be NULL) gets how many were read, less
 * only when the options' max_cases stopped the reading. @since 0.2
 */
size_t tracuu_answer_n_matches (const tracuu_answer_t *a, size_t *read_out);

/** Position of the first case listed among all of them (the offset).
 * @since 0.2 */
size_t tracuu_answer_offset (const tracuu_answer_t *a);

/** The --group-by field, or NULL. Borrowed (static). @since 0.2 */
const char *tracuu_answer_group_field (const tracuu_answer_t *a);

/** The total over every case. */
const tracuu_answer_total_t *tracuu_answer_total (const tracuu_answer_t *a);

/** A sentence saying how the total was formed. Borrowed. */
const char *tracuu_answer_how (const tracuu_answer_t *a);

/** Rows of the --group-by table, ordered by value, with
 * TRACUU_ANSWER_LONGER_PERIODS and "(unknown)" last. */
size_t tracuu_answer_n_groups (const tracuu_answer_t *a);
const tracuu_answer_group_t *tracuu_answer_group (const tracuu_answer_t *a,
                                                  size_t i);

/**
 * The reports the listed cases come from, each once, sorted by path,
 * with the listed cases each gives ("which reports / những báo cáo
 * nào"). Borrowed from 'a'. @since 0.2
 */
size_t tracuu_answer_n_reports (const tracuu_answer_t *a);
const tracuu_answer_report_t *tracuu_answer_report (const tracuu_answer_t *a,
                                                    size_t i);

/** Facets, in the order asked. */
size_t tracuu_answer_n_facets (const tracuu_answer_t *a);
const tracuu_answer_facet_t *tracuu_answer_facet (const tracuu_answer_t *a,
                                                  size_t i);

/**
 * Write 'a', the answer to 'question' (typed as 'text'), to 'p' in its
 * format: the JSON, JSON Lines and CSV of tracuu-query's --format
 * (README "Output formats"), so that every program gives the same
 * bytes. JSON: one object {question, interpretation, cases, total,
 * groups (with group_by), facets}; JSON Lines: a {"type":"case"} line
 * per case (or {"type":"group"} per group), a {"type":"facet"} line per
 * facet value, then {"type":"total"}; CSV: one table, of facets when
 * some were asked for, else of groups with group_by, else of cases.
 * File names relative to the current directory are printed as
 * tracuu_display_path() gives them; a name that is not valid UTF-8 also
 * gets its absolute path's bytes in base64 ("path_bytes").
 *
 * Returns tracuu_printer_status() after writing (_IO_ERROR when the
 * output failed), or _NULL_POINTER. @since 0.2
 */
tracuu_status_t
tracuu_answer_write (const tracuu_answer_t *a, const tracuu_question_t *question,
                     const char *text, tracuu_printer_t *p);

/** Free 'a'. NULL is a no-op. */
void tracuu_answer_destroy (tracuu_answer_t *a);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_ANSWER_H */
