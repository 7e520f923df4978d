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
 * Fielded prefixes, always filters. A value may be "quoted".
 *     province:"Bắc Giang"     a province; accents optional ("bac giang")
 *     year:2024                a calendar year
 *     period:2024              also 2024-H1, 2024-H2, 2024-Q1..Q4, 2024-04
 *     date:A..B                A and B as period:, or YYYY-MM-DD; either
 *                              side may be left open ("2024-01-01..")
 *     amount:N..M              fine amounts in đồng; "N..", "..M" or "N";
 *                              '.', ',' and '_' between digits are ignored
 *     account:@nhathaibiettuot an account or handle, as typed
 *     platform:tiktok          a platform (see platforms.txt)
 *     category:false_information   a category, or one of its phrases
 *     action:fine              fine, takedown, subscriber_lock, warning,
 *                              prosecution, or one of their phrases
 *     person:"Nguyễn Văn Hải"  a person, as typed
 *     number:180/BC-STTTT      a document number, as typed
 *     kind:report              report or case
 * A word "name:value" with an unknown name, or a bad value, is a syntax
 * error; a word such as "https://..." (a '/' right after the ':') or
 * "note:" (nothing after it) is no prefix. Several values of one list
 * field mean any of them ("platform:tiktok OR platform:facebook"; an OR
 * or AND next to a prefix is dropped). NOT or '-' before a prefix is a
 * syntax error: filters cannot be negated.
 *
 * Words, interpreted with the lexicons under $TRACUU_DATA_DIR/lexicon/
 * (see tracuu_data_path()): question-actions.txt, question-categories.txt,
 * question-intents.txt, question-time.txt, question-stopwords.txt, and
 * the extractors' provinces.txt and platforms.txt. Matching is on whole
 * words, longest phrase first. A word typed without diacritics matches
 * any diacritics ("phat" is "phạt"); a word typed with diacritics must
 * match them ("phát" is not "phạt"), in either tone placement.
 *
 * THE INTERPRETATION RULE. Words map to filters only when the query
 * looks like a question: it holds at least one fielded prefix, intent
 * ("how much", "bao nhiêu", "which accounts"), time expression ("năm
 * 2024", "in 2024", "Q1 2024", "2023-2024"; a bare year alone does not
 * count), or an action ("phạt", "fines") together with anything else.
 * Otherwise the whole query stays full text as typed: "tin giả" and
 * "xử phạt" search those words, while "phạt tin giả" is action=fine
 * category=false_information. Kind words ("báo cáo", "cases") and names
 * of provinces, platforms or categories do not make a question on their
 * own.
 *
 * In a question:
 *  - Only unquoted words at the top level are interpreted. "Quoted
 *    phrases", words inside parentheses, words next to OR, and words
 *    after NOT, '-' or '+' stay full text with their operators.
 *  - Stop words of questions ("all", "tất cả", "các", "về", "which"...)
 *    are dropped; an unprefixed "@handle" is an account.
 *  - Every other word stays in 'text' as typed ("Nguyễn Văn Hải" is
 *    searched, not taken as a person filter); punctuation between
 *    dropped words goes with them.
 *  - The first action or kind given wins, a fielded one before words.
 *  - Time expressions combine into one period: the earliest start and
 *    the latest end given, so "since 2020 before 2024" is 2020..2023
 *    and "2023 and 2024" is 2023..2024.
 *
 * Time expressions: "năm 2024", "in 2024", "2024"; "tháng 4/2024",
 * "tháng 4 năm 2024", "April 2024"; "Q1 2024", "quý I/2024", "first
 * quarter of 2024"; "6 tháng đầu năm 2024", "first half of 2024", "H2
 * 2024"; "from 2020 to 2024", "từ năm 2020 đến 2024", "between 2020 and
 * 2024", "2023-2024"; "since 2020", "từ năm 2020"; "before 2024",
 * "trước năm 2024", "after 2020"; "until 2024", "đến năm 2024". The
 * ends of a range may be any of the periods above.
 */
#ifndef TRACUU_QUESTION_H
#define TRACUU_QUESTION_H

#include <stddef.h>
#include <stdint.h>

#include "tracuu/status.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Longest question accepted, in bytes. @since 0.1 */
#define TRACUU_QUESTION_MAX_BYTES (1024 * 1024)

/**
 * A parsed question. Every string and array belongs to the question and
 * is freed by tracuu_question_destroy(). Lists hold no duplicates and
 * keep the order in which their values were first given.
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
    char *wants;           /* NULL, or "accounts": what to list. */
    char *text;            /* Leftover full-text query in tracuu_search()
                              syntax: quoted phrases, OR, NOT and -word
                              kept as typed; "" when nothing is left. */
    char *explain;         /* One line for people, e.g.
                              action=fine category=false_information
                              period=2024-01-01..2024-12-31 text="" */
} tracuu_question_t;

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
 * 'out', NULL); _QUERY_SYNTAX for an unknown prefix or a bad value, the
 * message naming the prefix or value and what is accepted, e.g.
 *
 *     unknown prefix "provice:"; known prefixes: province, year, ...
 *     bad value "2024-Q5" for period: expected YYYY, YYYY-H1, ...
 *
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
 * Whether 'question' is answered with cases (tracuu_answer_run()) rather
 * than reports (tracuu_search()): a kind:case or kind:report filter
 * decides; otherwise cases when 'prefer_cases' is non-zero (the caller
 * asks for them, as tracuu-query's --cases, --group-by and --facet do),
 * or when the question names an action, a category, an amount, a total
 * or what to list. "phạt tin giả" and "all fines in 2024" are about
 * cases; "tin giả", "reports from An Giang in 2024" are about reports.
 * @since 0.2
 */
int
tracuu_question_wants_cases (const tracuu_question_t *question,
                             int prefer_cases);

struct tracuu_printer;

/**
 * Write how 'question' was understood to printer 'p' (see printer.h) as
 * one map: explain, kind, action, categories, platforms, provinces,
 * accounts, persons, numbers, from, to (yyyy-mm-dd), amount_min,
 * amount_max, text; absent values are null. Returns the printer's
 * status, or _NULL_POINTER. @since 0.2
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
