/* The structured printer: the bytes of each format, and its errors. */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tracuu/printer.h"

/* Run 'write' on a printer of 'format' and 'flags' over a memory stream;
 * the bytes written, NUL-terminated (free()). */
static char *
printed (tracuu_printer_format_t format, unsigned flags,
         void (*write) (tracuu_printer_t *p), tracuu_status_t *status)
{
    char *data = NULL;
    size_t len = 0;
    FILE *f = open_memstream (&data, &len);
    tracuu_printer_t *p = NULL;

    cr_assert_not_null (f);
    cr_assert_eq (tracuu_printer_new (f, format, flags, &p), TRACUU_STATUS_OK);
    write (p);
    *status = tracuu_printer_finish (p);
    tracuu_printer_destroy (p);
    fclose (f);
    return data;
}

static void
document (tracuu_printer_t *p)
{
    tracuu_printer_map_open (p);
    tracuu_printer_key (p, "total");
    tracuu_printer_integer (p, -5);
    tracuu_printer_key (p, "score");
    tracuu_printer_number (p, 1.5, 6);
    tracuu_printer_key (p, "list");
    tracuu_printer_array_open (p);
    tracuu_printer_string (p, "Bắc Giang");
    tracuu_printer_null (p);
    tracuu_printer_bool (p, 1);
    tracuu_printer_array_open (p);
    tracuu_printer_close (p);
    tracuu_printer_close (p);
    tracuu_printer_key (p, "none");
    tracuu_printer_string (p, NULL);
    tracuu_printer_close (p);
}

Test (printer, json_compact_and_spaced)
{
    tracuu_status_t st;
    char *out = printed (TRACUU_PRINTER_JSON, 0, document, &st);

    cr_expect_eq (st, TRACUU_STATUS_OK);
    cr_expect_str_eq (out, "{\"total\":-5,\"score\":1.500000,\"list\":"
                      "[\"Bắc Giang\",null,true,[]],\"none\":null}\n");
    free (out);
    out = printed (TRACUU_PRINTER_JSONL, TRACUU_PRINTER_SPACED, document, &st);
    cr_expect_str_eq (out, "{\"total\": -5, \"score\": 1.500000, \"list\": "
                      "[\"Bắc Giang\", null, true, []], \"none\": null}\n");
    free (out);
}

static void
lines (tracuu_printer_t *p)
{
    tracuu_printer_lines (p);
    tracuu_printer_map_open (p);
    tracuu_printer_key (p, "file");
    tracuu_printer_string (p, "a.txt");
    tracuu_printer_key (p, "empty");
    tracuu_printer_lines (p);
    tracuu_printer_array_open (p);
    tracuu_printer_close (p);
    tracuu_printer_key (p, "cases");
    tracuu_printer_lines (p);
    tracuu_printer_array_open (p);
    for (int i = 0; i < 2; i++) {
        tracuu_printer_map_open (p);
        tracuu_printer_key (p, "index");
        tracuu_printer_integer (p, i);
        tracuu_printer_key (p, "ok");
        tracuu_printer_bool (p, 0);
        tracuu_printer_close (p);
    }
    tracuu_printer_close (p);
    tracuu_printer_close (p);
}

Test (printer, json_lines_layout)
{
    tracuu_status_t st;
    char *out = printed (TRACUU_PRINTER_JSON, TRACUU_PRINTER_SPACED, lines, &st);

    cr_expect_eq (st, TRACUU_STATUS_OK);
    cr_expect_str_eq (out, "{\n  \"file\": \"a.txt\",\n  \"empty\": [],\n"
                      "  \"cases\": [\n    {\"index\": 0, \"ok\": false},\n"
                      "    {\"index\": 1, \"ok\": false}\n  ]\n}\n");
    free (out);
    /* JSON Lines keeps every value on one line. */
    out = printed (TRACUU_PRINTER_JSONL, 0, lines, &st);
    cr_expect_str_eq (out, "{\"file\":\"a.txt\",\"empty\":[],\"cases\":"
                      "[{\"index\":0,\"ok\":false},{\"index\":1,\"ok\":false}]}\n");
    free (out);
}

static void
strings (tracuu_printer_t *p)
{
    tracuu_printer_array_open (p);
    tracuu_printer_string (p, "q\"b\\ \n\t\r\x01\x7f");
    tracuu_printer_string (p, "caf\xe9");              /* Not UTF-8. */
    tracuu_printer_string_len (p, "a\0b", 3);
    tracuu_printer_base64 (p, "caf\xe9", 4);
    tracuu_printer_base64 (p, "ab", 2);
    tracuu_printer_base64 (p, "", 0);
    tracuu_printer_close (p);
}

Test (printer, json_strings_always_valid)
{
    tracuu_status_t st;
    char *out = printed (TRACUU_PRINTER_JSON, 0, strings, &st);

    cr_expect_str_eq (out, "[\"q\\\"b\\\\ \\n\\t\\r\\u0001\\u007f\","
                      "\"caf\xef\xbf\xbd\",\"a\\u0000b\",\"Y2Fm6Q==\","
                      "\"YWI=\",\"\"]\n");
    free (out);
}

static void
rows (tracuu_printer_t *p)
{
    static const char *const columns[] = { "key", "quote", "n", "flag", "list" };

    tracuu_printer_columns (p, columns, 5);
    for (int i = 0; i < 2; i++) {
        tracuu_printer_map_open (p);
        tracuu_printer_key (p, "key");
        tracuu_printer_string (p, i ? "plain" : "a,b");
        tracuu_printer_key (p, "quote");
        tracuu_printer_string (p, i ? "line\nbreak" : "say \"hi\"");
        tracuu_printer_key (p, "n");
        if (i)
            tracuu_printer_null (p);
        else
            tracuu_printer_integer (p, 20000000);
        tracuu_printer_key (p, "flag");
        tracuu_printer_bool (p, i);
        tracuu_printer_key (p, "list");
        tracuu_printer_array_open (p);
        tracuu_printer_string (p, "tiktok");
        tracuu_printer_string (p, "youtube");
        tracuu_printer_close (p);
        tracuu_printer_close (p);
    }
}

Test (printer, csv)
{
    tracuu_status_t st;
    char *out = printed (TRACUU_PRINTER_CSV, 0, rows, &st);

    cr_expect_eq (st, TRACUU_STATUS_OK);
    cr_expect_str_eq (out, "key,quote,n,flag,list\r\n"
                      "\"a,b\",\"say \"\"hi\"\"\",20000000,0,tiktok; youtube\r\n"
                      "plain,\"line\nbreak\",,1,tiktok; youtube\r\n");
    free (out);
    out = printed (TRACUU_PRINTER_CSV, TRACUU_PRINTER_BOM, rows, &st);
    cr_expect_eq (memcmp (out, "\xEF\xBB\xBFkey,quote", 12), 0);
    free (out);
}

static void
key_outside_map (tracuu_printer_t *p)
{
    tracuu_printer_array_open (p);
    tracuu_printer_key (p, "x");
    tracuu_printer_integer (p, 1);      /* Ignored: the error sticks. */
    tracuu_printer_close (p);
}

static void
value_without_key (tracuu_printer_t *p)
{
    tracuu_printer_map_open (p);
    tracuu_printer_integer (p, 1);
    tracuu_printer_close (p);
}

static void
left_open (tracuu_printer_t *p)
{
    tracuu_printer_map_open (p);
}

static void
too_deep (tracuu_printer_t *p)
{
    for (int i = 0; i <= TRACUU_PRINTER_MAX_DEPTH; i++)
        tracuu_printer_array_open (p);
}

static void
close_nothing (tracuu_printer_t *p)
{
    tracuu_printer_close (p);
}

Test (printer, misuse_is_an_error)
{
    void (*const bad[]) (tracuu_printer_t *) = {
        key_outside_map, value_without_key, left_open, too_deep, close_nothing,
    };

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tracuu_status_t st;
        char *out = printed (TRACUU_PRINTER_JSON, 0, bad[i], &st);

        cr_expect_eq (st, TRACUU_STATUS_BAD_ARGUMENT, "case %zu", i);
        free (out);
    }
}

Test (printer, write_error_is_reported)
{
    FILE *f = fopen ("/dev/full", "w");
    tracuu_printer_t *p = NULL;

    if (f == NULL)
        cr_skip_test ("no /dev/full here");
    cr_assert_eq (tracuu_printer_new (f, TRACUU_PRINTER_JSONL, 0, &p), 0);
    for (int i = 0; i < 100000 && tracuu_printer_status (p) == 0; i++) {
        tracuu_printer_map_open (p);
        tracuu_printer_key (p, "n");
        tracuu_printer_integer (p, i);
        tracuu_printer_close (p);
    }
    cr_expect_eq (tracuu_printer_finish (p), TRACUU_STATUS_IO_ERROR);
    cr_expect_eq (errno, ENOSPC);
    cr_expect_str_eq (tracuu_printer_last_error (p), strerror (ENOSPC));
    tracuu_printer_destroy (p);
    fclose (f);
}

Test (printer, null_arguments)
{
    tracuu_printer_t *p = (tracuu_printer_t *) 1;

    cr_expect_eq (tracuu_printer_new (NULL, TRACUU_PRINTER_JSON, 0, &p),
                  TRACUU_STATUS_NULL_POINTER);
    cr_expect_null (p);
    cr_expect_eq (tracuu_printer_new (stdout, (tracuu_printer_format_t) 9, 0, &p),
                  TRACUU_STATUS_BAD_ARGUMENT);
    cr_expect_eq (tracuu_printer_finish (NULL), TRACUU_STATUS_NULL_POINTER);
    tracuu_printer_map_open (NULL);
    tracuu_printer_destroy (NULL);
}
