/*
 * tracuu questions: a plain-language question, in Vietnamese (with or
 * without diacritics) or English, turned into structured filters plus
 * the full-text words left over.
 *
 * "all fines for false information in 2024",
 * "tất cả các khoản phạt về thông tin sai sự thật năm 2024" and
 * "phat thong tin sai su that nam 2024" all give
 *
 *     action=fine category=false_information
 *     period=2024-01-01..2024-12-31 text=""
 *
 * Two ways of asking mix freely in one query:
 *
 * Fields, always filters: "name:value", the value "quoted" when it holds
 * blanks. The fields are the rows of include/tracuu/field.h (province,
 * year, period, date, amount, account, platform, category, action,
 * status, violator, agency, person, number, kind); tracuu_field_names()
 * lists them. "-name:value" and "NOT name:value" exclude: the cases or
 * reports with that value are left out. Several values of one field mean
 * any of them ("platform:tiktok OR platform:facebook"; an OR or AND next
 * to a field is dropped). A word "name:value" with an unknown name, or a
 * bad value, is a syntax error naming the fields or values accepted; a
 * word such as "https://..." (a '/' right after the ':') or "note:"
 * (nothing after it) is no field. The query is cut into words, phrases,
 * operators and fields by the one lexer of the query language, the same
 * as tracuu_search() uses.
 *
 * Words, interpreted with the lexicons under $TRACUU_DATA_DIR/lexicon/
 * (see tracuu_data_path()): question-actions.txt, question-categories.txt,
 * question-intents.txt, question-time.txt, question-amounts.txt,
 * question-status.txt, question-agencies.txt, question-violators.txt,
 * question-exclusions.txt, question-stopwords.txt, provinces-2025.txt,
 * and the extraction's provinces and platforms lexicons. Matching is on
 * whole words, longest phrase first. A word typed without diacritics
 * matches any diacritics ("phat" is "phạt"); a word typed with
 * diacritics must match them ("phát" is not "phạt"), in either tone
 * placement.
 *
 * THE INTERPRETATION RULE. Words map to filters only when the query
 * looks like a question: it holds a field, an intent ("how much", "bao
 * nhiêu", "which accounts", "how many people", "những báo cáo nào"), a
 * time expression ("năm 2024", "in 2024", "Q1 2024", "2023-2024", "năm
 * nay"; a bare year alone does not count), an amount ("trên 10 triệu"),
 * a status ("chỉ lập biên bản"), an exclusion of something ("ngoài Bắc
 * Giang"), or an action ("phạt", "fines") together with anything else.
 * Otherwise the whole query stays full text as typed: "tin giả" and
 * "xử phạt" search those words, while "phạt tin giả" is action=fine
 * category=false_information. Kind words ("báo cáo", "cases") and names
 * of provinces, platforms, agencies or categories do not make a
 * question on their own.
 *
 * In a question, every word is one of (tracuu_question_word_t):
 *  - a filter: an action, category, province, platform, status,
 *    agency, violator kind, period, amount, or an "@handle" account;
 *    after an exclusion word ("ngoài", "trừ", "không kể", "excluding",
 *    "except", "not") the filters that follow (more of the same field
 *    joined by "và", "and", "or") exclude instead;
 *  - an intent: what is asked (a total, a count and of what, accounts,
 *    violators, reports, cases or reports only);
 *  - a filler: question wording that names nothing ("all", "tất cả",
 *    "các", "về", "là bao nhiêu" apart from its intent, "lĩnh vực");
 *  - content: every other word, kept in 'text' as typed ("Nguyễn Văn
 *    Hải" is searched, not taken as a person filter); punctuation
 *    between dropped words goes with them;
 *  - text: "quoted phrases", words inside parentheses, words next to OR,
 *    and words after NOT, '-' or '+' stay full text with their operators.
 * Content words that no matching case contains are dropped by
 * tracuu_question_prune(), which says so.
 *
 * An unaccented syllable that is also a one-syllable stop word ("so",
 * "co", "an") is kept as content in a Vietnamese question when a content
 * word follows it ("co so kinh doanh" may be "cơ sở kinh doanh"), so an
 * unaccented question reads as the accented one; in an English question
 * ("fines in Hue") stop words are dropped.
 *
 * The first action or kind given wins, a fielded one before words. Time
 * expressions combine into one period: the earliest start and the latest
 * end given, so "since 2020 before 2024" is 2020..2023 and "2023 and
 * 2024" is 2023..2024. Amounts combine into their intersection; a
 * period that ends before it starts, or amounts that leave nothing, are
 * a syntax error.
 *
 * Time expressions: "năm 2024", "in 2024", "2024"; "tháng 4/2024",
 * "tháng 4 năm 2024", "April 2024"; "Q1 2024", "quý I/2024", "first
 * quarter of 2024"; "6 tháng đầu năm 2024", "first half of 2024", "H2
 * 2024"; "from 2020 to 2024", "từ năm 2020 đến 2024", "between 2020 and
 * 2024", "2023-2024", "từ tháng 1 đến tháng 3 năm 2024", "from January
 * to March 2024" (the first end takes the year of the second); "since
 * 2020", "từ năm 2020", "kể từ năm 2021", "từ năm 2021 trở đi"; "before
 * 2024", "trước năm 2024", "after 2020"; "until 2024", "đến năm 2024".
 * A month, quarter or half without a year ("quý 2", "nửa đầu năm",
 * "tháng 4") is of the current year. Relative: "năm nay", "this year",
 * "năm ngoái", "last year", "tháng này", "tháng trước", "last month",
 * "quý trước", "3 năm qua", "the past 6 months", against the day of the
 * run or tracuu_question_options_t.today.
 *
 * Amounts: "trên 10 triệu" (more than), "over 10 million", "more than
 * 100 million đồng", "ít nhất 5 triệu", "dưới 1 tỷ" (less than), "không
 * quá 2 triệu", "từ 5 đến 10 triệu đồng", "between 5 and 10 million",
 * "10 triệu trở lên", "7,5 triệu đồng" (exactly). A number is an amount
 * when a unit (nghìn, triệu, tỷ, thousand, million, billion) or a
 * currency (đồng, VND) follows it.
 *
 * Status: "chỉ lập biên bản", "mới lập biên bản" (recorded), "đề nghị
 * xử phạt", "proposed" (proposed), "chưa ra quyết định", "not yet
 * decided" (recorded or proposed, unless one of them is named), "hủy
 * quyết định" (withdrawn), "chuyển cơ quan điều tra" (criminal). A
 * status other than criminal named in words asks about fines when no
 * action is named ("mới lập biên bản" is action=fine status=recorded).
 * Agencies: "do Công an tỉnh xử lý", "Thanh tra Sở", "by the provincial
 * police". Violator kinds: "doanh nghiệp", "companies", "cơ quan báo
 * chí", "the press", "cá nhân", "individuals" ("doanh nghiệp nào",
 * "which companies" asks for the violators instead, without filtering).
 *
 * Provinces: since 1 July 2025 (Resolution 202/2025/QH15) 34 provinces
 * and cities replace 63. A province of 2025 that merged others ("Tây
 * Ninh", now with the former Long An) finds the cases and reports of all
 * of them, and a note says so; a former province ("Long An") finds its
 * own, and a note says where it went. "Huế", "thành phố Huế", "Hue" and
 * "Thừa Thiên Huế" are one province.
 */
#ifndef TRACUU_QUESTION_H
#define TRACUU_QUESTION_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/index.h"
#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest question accepted, in bytes. @since 0.1 */
#define TRACUU_QUESTION_MAX_BYTES (1024 * 1024)

/** What a word of a question is (tracuu_question_word_t). @since 0.2 */
typedef enum tracuu_question_role {
    TRACUU_ROLE_CONTENT,    /* Searched in the sentences of cases (or in
                               reports): kept in 'text'. */
    TRACUU_ROLE_TEXT,       /* A phrase, operator or operand: kept in
                               'text' as typed, never dropped. */
    TRACUU_ROLE_FILTER,     /* Became a filter (or is an exclusion word). */
    TRACUU_ROLE_INTENT,     /* Says what is asked. */
    TRACUU_ROLE_FILLER,     /* Question wording that names nothing. */
    TRACUU_ROLE_IGNORED     /* Content no matching case contains: left
                               out by tracuu_question_prune(). */
} tracuu_question_role_t;

/**
 * One word (or phrase) of a question, in the order typed. Strings
 * belong to the question.
 * @since 0.2
 */
typedef struct tracuu_question_word {
    char *text;                 /* As typed ("Bắc Giang", "lũ,"). */
    tracuu_question_role_t role;
    char *meaning;              /* What it was read as, for people:
                                   "province=Bắc Giang", "total", "question
                                   wording", "no matching case mentions
                                   it"; "" for content. */
    int glued;                  /* No blank between it and the word before. */
} tracuu_question_word_t;

/**
 * One filter on a field of the fields table (tracuu_field_find()). The
 * values of one field are ORed, the fields ANDed, and excluded values
 * taken out. Strings belong to the question.
 * @since 0.2
 */
typedef struct tracuu_question_filter {
    const char *field;          /* A field's name ("province"); static. */
    char *value;                /* Canonical value ("Long An", "traffic",
                                   "recorded"); an excluded range as
                                   "lo..hi" with open sides empty. */
    int exclude;                /* 1: what has this value is left out. */
    int64_t lo;                 /* Excluded "date" (yyyymmdd) or "amount"
                                   (đồng) range: least, -1 = open. */
    int64_t hi;                 /* Greatest, -1 = open. */
    char *why;                  /* NULL, or why it was added: "former
                                   province of Tây Ninh". */
} tracuu_question_filter_t;

/**
 * A parsed question. Every string and array belongs to the question and
 * is freed by tracuu_question_destroy(). Lists hold no duplicates and
 * keep the order in which their values were first given.
 *
 * 'filters' holds every filter on a term field (province, platform,
 * category, action, status, violator, agency, account, person, number),
 * included or excluded, and the excluded ranges of dates and amounts.
 * The lists 'categories', 'platforms', 'provinces', 'accounts',
 * 'persons', 'numbers' and 'action' repeat its included values by field,
 * for convenience; the included period and amounts are date_from..date_to
 * and amount_min..amount_max.
 *
 * @since 0.1
 */
typedef struct tracuu_question {
    char *action;          /* "fine", "takedown", "subscriber_lock",
                              "warning", "prosecution"; NULL = any. */
    char **categories;     /* Canonical categories ("false_information"). */
    size_t n_categories;   /* Their number. */
    char **platforms;      /* Canonical platforms ("tiktok"). */
    size_t n_platforms;    /* Their number. */
    char **provinces;      /* Canonical province names ("Bắc Giang"). */
    size_t n_provinces;    /* Their number. */
    char **accounts;       /* Accounts as typed ("@nhathaibiettuot"). */
    size_t n_accounts;     /* Their number. */
    char **persons;        /* Persons as typed ("Nguyễn Văn Hải"). */
    size_t n_persons;      /* Their number. */
    char **numbers;        /* Document numbers as typed ("180/BC-STTTT"). */
    size_t n_numbers;      /* Their number. */
    char *kind;            /* NULL (any), "report" or "case". */
    int32_t date_from;     /* First day, yyyymmdd (20240101); 0 = open. */
    int32_t date_to;       /* Last day, yyyymmdd (20241231); 0 = open. */
    int64_t amount_min;    /* Least amount in đồng; -1 = open. */
    int64_t amount_max;    /* Greatest amount in đồng; -1 = open. */
    int wants_total;       /* 1 if a sum or count is asked for. */
    char *wants;           /* NULL, or what to list: "accounts",
                              "violators", "reports". */
    char *text;            /* Leftover full-text query in tracuu_search()
                              syntax: quoted phrases, OR, NOT and -word
                              kept as typed; "" when nothing is left. */
    char *explain;         /* One line for people, e.g.
                              action=fine category=false_information
                              period=2024-01-01..2024-12-31 text="" */
    /* @since 0.2 */
    tracuu_question_filter_t *filters; /* Term filters, see above. */
    size_t n_filters;      /* Their number. */
    tracuu_question_word_t *words;     /* Every word, in order. */
    size_t n_words;        /* Their number. */
    char **notes;          /* Sentences for people about how the question
                              was read ("Tây Ninh includes the former Long
                              An since 1 July 2025..."). */
    size_t n_notes;        /* Their number. */
    char *count_of;        /* With wants_total, what is counted: NULL (an
                              amount), "cases", "violators", "individuals",
                              "organizations", "subscribers", "accounts". */
    char *wants_kind;      /* With wants "violators": the violator kind
                              asked about ("company"), or NULL. */
    int32_t today;         /* The day relative times were read against. */
} tracuu_question_t;

/** Options of tracuu_question_parse_with(). @since 0.2 */
typedef struct tracuu_question_options {
    unsigned version;      /* TRACUU_QUESTION_OPTIONS_VERSION. */
    int32_t today;         /* yyyymmdd for "năm nay", "last month"...;
                              0: the day of the run (local time). */
} tracuu_question_options_t;

#define TRACUU_QUESTION_OPTIONS_VERSION 1
#define TRACUU_QUESTION_OPTIONS_INIT { TRACUU_QUESTION_OPTIONS_VERSION, 0 }

/** Static name of 'role': "content", "text", "filter", "intent",
 * "filler", "ignored". @since 0.2 */
const char *
tracuu_question_role_name (tracuu_question_role_t role);

/**
 * Parse question 'q' ('len' bytes of UTF-8, need not end in NUL; invalid
 * bytes are replaced).
 *
 * @param q          The question.
 * @param len        Its length in bytes.
 * @param out        On success a new question owned by the caller, freed
 *                   with tracuu_question_destroy(); NULL on failure.
 * @param error_out  May be NULL. On failure, a message for people, to be
 *                   freed with free() (NULL when memory ran out); on
 *                   success NULL.
 *
 * Returns TRACUU_STATUS_OK; _NULL_POINTER ('q' with 'len' > 0, or
 * 'out', NULL); _QUERY_SYNTAX for an unknown field or a bad value, the
 * message naming the field or value and what is accepted, e.g.
 *
 *     unknown field 'provice'; fields are: province, year, ...
 *     bad value "2024-Q5" for period: expected YYYY, YYYY-H1, ...
 *
 * _QUERY_SYNTAX also for a period or amounts that leave nothing;
 * _BAD_ARGUMENT for a day 'today' that is not one (parse_with);
 * _LIMIT_EXCEEDED beyond TRACUU_QUESTION_MAX_BYTES; _IO_ERROR or
 * _BAD_INPUT when a lexicon file cannot be read or is malformed (the
 * message names the file); _OUT_OF_MEMORY; _ICU_ERROR.
 *
 * Lexicons are read on the first call and kept for the life of the
 * process; calls may come from several threads.
 *
 * @since 0.1
 */
tracuu_status_t
tracuu_question_parse (const char *q, size_t len, tracuu_question_t **out,
                       char **error_out);

/**
 * tracuu_question_parse() with options ('opts' may be NULL: defaults).
 * @since 0.2
 */
tracuu_status_t
tracuu_question_parse_with (const char *q, size_t len,
                            const tracuu_question_options_t *opts,
                            tracuu_question_t **out, char **error_out);

/**
 * Drop the content words of 'question' that no matching case contains,
 * so that they do not empty its answer: each content word is kept when
 * some case document of 'index' matching the question's filters and the
 * content words kept so far holds all its syllables (accents folded);
 * otherwise it becomes TRACUU_ROLE_IGNORED, a note says so ("no
 * matching case mentions 'lụt'; the answer below ignores it"), and
 * 'text' and 'explain' are rebuilt without it. Phrases and operators
 * are never dropped. Counts terms in the index only; reads no case.
 *
 * Returns TRACUU_STATUS_OK (also when nothing was dropped),
 * _NULL_POINTER, _OUT_OF_MEMORY or a database status (the reason in
 * tracuu_index_last_error()); after a database failure the question is
 * unchanged.
 * @since 0.2
 */
tracuu_status_t
tracuu_question_prune (tracuu_question_t *question, tracuu_index_t *index);

/**
 * Does 'question' ask about sanction cases rather than reports? It does
 * when it names cases (kind:case), or holds a filter only cases have
 * (action, category, amount, status, violator, agency), an intent (a
 * total or count, accounts, violators; "which reports" with such a
 * filter, since the reports are found through their cases), or when
 * 'cases' is non-zero (the caller asks for cases); kind:report asks
 * about reports.
 * @since 0.2
 */
int
tracuu_question_wants_cases (const tracuu_question_t *question, int cases);

struct tracuu_printer;

/**
 * Write how 'question' was understood to printer 'p' (see printer.h) as
 * one map: explain, kind, action, categories, platforms, provinces,
 * accounts, persons, numbers, from, to (yyyy-mm-dd), amount_min,
 * amount_max, text, then filters [{field, value, exclude, why}], words
 * [{text, role, meaning}], notes, wants_total, count_of, wants and
 * wants_kind; absent values are null. Returns the printer's status, or
 * _NULL_POINTER. @since 0.2
 */
tracuu_status_t
tracuu_question_write (const tracuu_question_t *question,
                       struct tracuu_printer *p);

/** Free 'question' and everything in it. NULL is a no-op. @since 0.1 */
void
tracuu_question_destroy (tracuu_question_t *question);

/**
 * The path of 'name' in the data directory: "<dir>/<name>", where <dir>
 * is $TRACUU_DATA_DIR when set and not empty, else the directory
 * compiled in as the macro TRACUU_DATA_DIR_DEFAULT, else "./data".
 * tracuu_data_path ("lexicon/question-time.txt", &path) may give
 * "/srv/tracuu/data/lexicon/question-time.txt".
 *
 * @param name  A relative path; NULL or "" gives the directory itself.
 * @param out   A new string, freed by the caller with free(); NULL on
 *              failure.
 *
 * Returns TRACUU_STATUS_OK, _NULL_POINTER or _OUT_OF_MEMORY.
 *
 * @since 0.1
 */
tracuu_status_t
tracuu_data_path (const char *name, char **out);

#ifdef __cplusplus
}
#endif

#endif /* TRACUU_QUESTION_H */
