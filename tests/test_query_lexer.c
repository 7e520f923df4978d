/* The lexer of the query language (lib/search/lexer.c), and the search
 * parser and question parser reading the same tokens. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search/search-private.h"
#include "tracuu/question.h"
#include "util/util-private.h"

static void
data_dir (void)
{
    setenv ("TRACUU_DATA_DIR", "../data", 0);
}

TestSuite (lexer, .init = data_dir);

/* The tokens of 's', one a word: W(word) P(phrase) F(name=value) F..(a
 * range) ( ) OR AND NOT - +; a '^' before a token glued to the one
 * before it. free() it. */
static char *
tokens (const char *s)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_lex_t lex;
    tracuu_buf_t out = { NULL, 0, 0 };

    cr_assert_eq (tracuu_lex__scan (s, strlen (s), &lex), TRACUU_STATUS_OK);
    tracuu_buf__append (&rc, &out, "", 0);
    out.len = 0;
    for (size_t i = 0; i < lex.n; i++) {
        const tracuu_lex_token_t *t = &lex.tokens[i];
        char buf[512];
        int n;

        switch (t->kind) {
        case TRACUU_LEX_WORD:
            n = snprintf (buf, sizeof buf, "W(%.*s)", (int) (t->end - t->start),
                          s + t->start);
            break;
        case TRACUU_LEX_PHRASE:
            n = snprintf (buf, sizeof buf, "P(%.*s)",
                          (int) (t->text_end - t->text_start), s + t->text_start);
            break;
        case TRACUU_LEX_FIELD:
            n = snprintf (buf, sizeof buf, "F%s%s(%.*s=%.*s)",
                          t->range != SIZE_MAX ? ".." : "", t->quoted ? "q" : "",
                          (int) (t->name_end - t->start), s + t->start,
                          (int) (t->text_end - t->text_start), s + t->text_start);
            break;
        case TRACUU_LEX_OPEN: n = snprintf (buf, sizeof buf, "("); break;
        case TRACUU_LEX_CLOSE: n = snprintf (buf, sizeof buf, ")"); break;
        case TRACUU_LEX_OR: n = snprintf (buf, sizeof buf, "OR"); break;
        case TRACUU_LEX_AND: n = snprintf (buf, sizeof buf, "AND"); break;
        case TRACUU_LEX_NOT: n = snprintf (buf, sizeof buf, "NOT"); break;
        case TRACUU_LEX_MINUS: n = snprintf (buf, sizeof buf, "-"); break;
        default: n = snprintf (buf, sizeof buf, "+"); break;
        }
        if (i > 0)
            tracuu_buf__append (&rc, &out, " ", 1);
        if (t->glued)
            tracuu_buf__append (&rc, &out, "^", 1);
        tracuu_buf__append (&rc, &out, buf, (size_t) n);
    }
    tracuu_buf__append (&rc, &out, "", 0);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    tracuu_lex__dispose (&lex);
    return out.data;
}

Test (lexer, tokens)
{
    static const struct {
        const char *in;
        const char *out;
    } rows[] = {
        { "", "" },
        { "   ", "" },
        { "tin giả", "W(tin) W(giả)" },
        { "\"tin giả\" OR tiktok", "P(tin giả) OR W(tiktok)" },
        { "a AND b NOT c", "W(a) AND W(b) NOT W(c)" },
        /* Operators only in capitals, as whole words. */
        { "or and not ORx", "W(or) W(and) W(not) W(ORx)" },
        { "NOT(a)", "NOT ^( ^W(a) ^)" },
        { "(tin giả OR tiktok) 2024", "( ^W(tin) W(giả) OR W(tiktok) ^) W(2024)" },
        /* Signs start a word; the rest is read once more, without signs. */
        { "-tiktok +zalo", "- ^W(tiktok) + ^W(zalo)" },
        { "--x", "- ^W(-x)" },
        { "- x", "W(-) W(x)" },
        { "Bà Rịa - Vũng Tàu", "W(Bà) W(Rịa) W(-) W(Vũng) W(Tàu)" },
        { "a -", "W(a) W(-)" },
        { "-\"tin giả\"", "- ^P(tin giả)" },
        { "-(a b)", "- ^( ^W(a) W(b) ^)" },
        { "e-mail sạt-lở", "W(e-mail) W(sạt-lở)" },
        /* Fields. */
        { "province:\"Bắc Giang\" year:2024",
          "Fq(province=Bắc Giang) F(year=2024)" },
        { "-province:\"Bắc Giang\"", "- ^Fq(province=Bắc Giang)" },
        { "NOT platform:tiktok", "NOT F(platform=tiktok)" },
        { "date:2024-01-01..2024-06-30 amount:5000000..",
          "F..(date=2024-01-01..2024-06-30) F..(amount=5000000..)" },
        { "amount:..5", "F..(amount=..5)" },
        { "province:\"Bắc Giang", "Fq(province=Bắc Giang)" },
        /* Not fields. */
        { "note: x", "W(note:) W(x)" },
        { "https://tiktok.com/@abc", "W(https://tiktok.com/@abc)" },
        { "a:b://c", "W(a:b://c)" },
        { "Lưu ý:x", "W(Lưu) W(ý:x)" },
        { ":x 12:30", "W(:x) W(12:30)" },
        /* Quotes and parentheses break words. */
        { "abc\"def\"ghi", "W(abc) ^P(def) ^W(ghi)" },
        { "\"", "P()" },
        { ")))(", ") ^) ^) ^(" },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        char *got = tokens (rows[i].in);

        cr_expect_str_eq (got, rows[i].out, "%s", rows[i].in);
        free (got);
    }
}

/* Every byte is in a token or a blank, in order: the lexer never loses
 * or reorders input. */
Test (lexer, covers_the_input)
{
    static const char *const inputs[] = {
        "a \"b c\" (d OR e) -f +g NOT h province:\"x y\" amount:1..2 ))(",
        "\"unclosed -x (", "---", "+", "()", "a\tb\nc\rd",
    };

    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        const char *s = inputs[i];
        tracuu_lex_t lex;
        size_t at = 0;

        cr_assert_eq (tracuu_lex__scan (s, strlen (s), &lex), TRACUU_STATUS_OK);
        for (size_t k = 0; k < lex.n; k++) {
            cr_expect (lex.tokens[k].start >= at, "%s: token %zu", s, k);
            for (size_t c = at; c < lex.tokens[k].start; c++)
                cr_expect (strchr (" \t\n\r", s[c]) != NULL, "%s: byte %zu", s, c);
            cr_expect (lex.tokens[k].end > lex.tokens[k].start);
            at = lex.tokens[k].end;
        }
        for (size_t c = at; s[c]; c++)
            cr_expect (strchr (" \t\n\r", s[c]) != NULL, "%s: tail %zu", s, c);
        tracuu_lex__dispose (&lex);
    }
}

/* The search parser reads the lexer's tokens: what is searched. */
Test (lexer, search_parser)
{
    static const struct {
        const char *in;
        int ok;                 /* Parses to a query. */
        int all;                /* Uses a match-all query. */
        size_t units;           /* Positive words or phrases. */
    } rows[] = {
        { "tin giả", 1, 0, 2 },
        { "\"tin giả\" OR tiktok", 1, 0, 2 },
        { "-tiktok", 1, 1, 0 },
        { "tin - giả", 1, 0, 2 },     /* A '-' alone negates nothing. */
        { "NOT tiktok", 1, 1, 0 },
        { "(a OR b) -c", 1, 0, 2 },
        { "a ) b", 1, 0, 2 },  /* A stray ')' does not end the query. */
        { "\"\"", 0, 0, 0 },
        { "OR AND", 0, 0, 0 },
        { "((((\"tin", 1, 0, 1 },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tracuu_query_t *q = NULL;
        tracuu_status_t st = tracuu_query__parse (rows[i].in, strlen (rows[i].in),
                                                  &q);

        cr_expect_eq (st == TRACUU_STATUS_OK, rows[i].ok, "%s: %s", rows[i].in,
                      tracuu_status_to_string (st));
        if (q != NULL) {
            cr_expect_eq (q->all_documents, rows[i].all, "%s", rows[i].in);
            cr_expect_eq (q->n_units, rows[i].units, "%s", rows[i].in);
        }
        tracuu_query__destroy (q);
    }
}

/* Parentheses nested past the limit are refused, not recursed into. */
Test (lexer, deep_parentheses)
{
    char s[200];
    tracuu_query_t *q = NULL;

    memset (s, '(', sizeof s - 2);
    s[sizeof s - 2] = 'a';
    s[sizeof s - 1] = '\0';
    cr_expect_eq (tracuu_query__parse (s, strlen (s), &q),
                  TRACUU_STATUS_LIMIT_EXCEEDED);
    cr_expect_null (q);
}

/* The question parser cuts the query the same way: what the lexer calls
 * a field is a filter there, what it calls an operand stays text. */
Test (lexer, question_parser_agrees)
{
    static const struct {
        const char *in;
        const char *explain;
    } rows[] = {
        { "note: x", "text=\"note: x\"" },
        { "phạt -tiktok 2024",
          "action=fine period=2024-01-01..2024-12-31 text=\"-tiktok\"" },
        { "phạt --x", "action=fine text=\"--x\"" },
        { "phạt -province:\"An Giang\"",
          "action=fine province!=\"An Giang\" province!=\"Kiên Giang\" "
          "text=\"\"" },
        { "abc\"def\"ghi phạt", "action=fine text=\"abc\\\"def\\\"ghi\"" },
    };

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        tracuu_question_t *q = NULL;

        cr_assert_eq (tracuu_question_parse (rows[i].in, strlen (rows[i].in),
                                             &q, NULL), TRACUU_STATUS_OK,
                      "%s", rows[i].in);
        cr_expect_str_eq (q->explain, rows[i].explain, "%s", rows[i].in);
        tracuu_question_destroy (q);
    }
}
