/* The shared containers and arithmetic of lib/util/. */
#include <criterion/criterion.h>
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/util-private.h"

Test (util, array_grows_by_doubling)
{
    typedef TRACUU_ARRAY (int) ints_t;
    ints_t v = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OK;
    size_t reallocs = 0, last_alloc = 0;

    for (int i = 0; i < 100000; i++) {
        TRACUU_ARRAY_PUSH (&rc, &v, i);
        if (v.alloc != last_alloc) {
            reallocs++;
            cr_expect (last_alloc == 0 || v.alloc == 2 * last_alloc);
            last_alloc = v.alloc;
        }
    }
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    cr_expect_eq (v.n, 100000);
    cr_expect_leq (reallocs, 15, "grew %zu times", reallocs);
    for (int i = 0; i < 100000; i++)
        cr_assert_eq (v.items[i], i);
    free (v.items);
}

Test (util, array_status_is_sticky)
{
    typedef TRACUU_ARRAY (double) doubles_t;
    doubles_t v = { 0 };
    tracuu_status_t rc = TRACUU_STATUS_OUT_OF_MEMORY;

    TRACUU_ARRAY_PUSH (&rc, &v, 1.5);
    cr_expect_eq (v.n, 0);
    cr_expect_null (v.items);
    rc = TRACUU_STATUS_OK;
    /* Asking for more than memory can hold fails cleanly. */
    TRACUU_ARRAY_RESERVE (&rc, &v, SIZE_MAX / 4);
    cr_expect_eq (rc, TRACUU_STATUS_OUT_OF_MEMORY);
    cr_expect_null (v.items);
}

/* The room tracuu_array__grow_counted() infers from a count of items
 * of 8 bytes: 32 of them (256 bytes), then doubled. */
static size_t
room_of (size_t n)
{
    size_t room = 32;

    while (room < n)
        room *= 2;
    return n ? room : 0;
}

Test (util, counted_array_grows_by_doubling)
{
    long *items = NULL;
    size_t n = 0, growths = 0, last_size = 0;
    tracuu_status_t rc = TRACUU_STATUS_OK;

    for (long i = 0; i < 100000; i++) {
        long *grown = tracuu_array__grow_counted (&rc, items, n, sizeof *items);

        cr_assert_not_null (grown, "push %ld: %s", i,
                            tracuu_status_to_string (rc));
        /* Between powers of two the block stays where it is. */
        if (n != 0 && n != room_of (n))
            cr_assert_eq (grown, items, "moved at %zu", n);
        items = grown;
        items[n++] = i;
        /* The block really holds the room inferred from the count. */
        cr_assert_geq (malloc_usable_size (items), room_of (n) * sizeof *items);
        if (malloc_usable_size (items) != last_size) {
            growths++;
            last_size = malloc_usable_size (items);
        }
    }
    cr_expect_leq (growths, 16, "grew %zu times", growths);
    for (long i = 0; i < 100000; i++)
        cr_assert_eq (items[i], i);
    free (items);
}

Test (util, counted_array_errors)
{
    int *items = NULL, *kept;
    tracuu_status_t rc = TRACUU_STATUS_OUT_OF_MEMORY;

    /* Sticky: nothing is allocated once *rc holds an error. */
    cr_expect_null (tracuu_array__grow_counted (&rc, items, 0, sizeof *items));
    rc = TRACUU_STATUS_OK;
    items = tracuu_array__grow_counted (&rc, NULL, 0, sizeof *items);
    cr_assert_not_null (items);
    items[0] = 7;
    /* A count whose doubled room no memory holds: NULL, *rc set, the
     * array as it was (its block is not touched). */
    kept = tracuu_array__grow_counted (&rc, items, (SIZE_MAX >> 3) + 1, 16);
    cr_expect_null (kept);
    cr_expect_eq (rc, TRACUU_STATUS_OUT_OF_MEMORY);
    cr_expect_eq (items[0], 7);
    free (items);
}

Test (util, buffer)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_buf_t b = { 0 };
    char *s;

    tracuu_buf__puts (&rc, &b, "Bắc ");
    tracuu_buf__printf (&rc, &b, "%s %d", "Giang", 2024);
    tracuu_buf__putc (&rc, &b, '.');
    tracuu_buf__append (&rc, &b, "xyz", 0);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    cr_expect_str_eq (b.data, "Bắc Giang 2024.");
    cr_expect_eq (b.len, strlen ("Bắc Giang 2024."));
    s = tracuu_buf__detach (&b);
    cr_expect_str_eq (s, "Bắc Giang 2024.");
    cr_expect_null (b.data);
    free (s);
    s = tracuu_buf__detach (&b);        /* Empty: "", not NULL. */
    cr_expect_str_eq (s, "");
    free (s);
    for (int i = 0; i < 10000; i++)
        tracuu_buf__printf (&rc, &b, "%04d", i);
    cr_expect_eq (b.len, 40000);
    cr_expect_eq (memcmp (b.data + 39996, "9999", 4), 0);
    tracuu_buf__dispose (&b);
    rc = TRACUU_STATUS_IO_ERROR;
    tracuu_buf__puts (&rc, &b, "nothing");
    cr_expect_null (b.data);
}

Test (util, arena)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_arena_t arena = { 0 };
    const char *kept[5000];
    void *big;

    for (int i = 0; i < 5000; i++) {
        char s[32];
        int n = snprintf (s, sizeof s, "nguồn %d", i);

        kept[i] = tracuu_arena__strndup (&rc, &arena, s, (size_t) n);
    }
    big = tracuu_arena__alloc (&rc, &arena, 1 << 20);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    memset (big, 0xAB, 1 << 20);
    cr_expect_eq ((uintptr_t) big % _Alignof (max_align_t), 0);
    for (int i = 0; i < 5000; i++) {
        char s[32];

        snprintf (s, sizeof s, "nguồn %d", i);
        cr_assert_str_eq (kept[i], s);
    }
    tracuu_arena__dispose (&arena);
    cr_expect_null (arena.chunks);
}

Test (util, fnv_vectors)
{
    /* Published FNV-1a test values. */
    cr_expect_eq (tracuu_hash__fnv32 (TRACUU_FNV32_INIT, "", 0), 0x811c9dc5u);
    cr_expect_eq (tracuu_hash__fnv32 (TRACUU_FNV32_INIT, "a", 1), 0xe40c292cu);
    cr_expect_eq (tracuu_hash__fnv32 (TRACUU_FNV32_INIT, "foobar", 6), 0xbf9cf968u);
    cr_expect_eq (tracuu_hash__fnv64 (TRACUU_FNV64_INIT, "a", 1),
                  0xaf63dc4c8601ec8cULL);
    cr_expect_eq (tracuu_hash__fnv64 (TRACUU_FNV64_INIT, "foobar", 6),
                  0x85944171f73967e8ULL);
    /* Two spans one after the other hash as their concatenation. */
    cr_expect_eq (tracuu_hash__fnv64 (tracuu_hash__fnv64 (TRACUU_FNV64_INIT,
                                                          "foo", 3), "bar", 3),
                  0x85944171f73967e8ULL);
}

Test (util, map_string_keys)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_map_t map = { 0 };
    char (*keys)[24] = malloc (50000 * sizeof *keys);
    size_t v;

    cr_assert_not_null (keys);
    for (size_t i = 0; i < 50000; i++) {
        snprintf (keys[i], sizeof keys[i], "bac-giang/%zu", i);
        tracuu_map__put_str (&rc, &map, keys[i], strlen (keys[i]), i);
    }
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    cr_expect_eq (map.n, 50000);
    for (size_t i = 0; i < 50000; i++) {
        char probe[24];

        snprintf (probe, sizeof probe, "bac-giang/%zu", i);
        cr_assert (tracuu_map__get_str (&map, probe, strlen (probe), &v));
        cr_assert_eq (v, i);
    }
    cr_expect_not (tracuu_map__get_str (&map, "bac-giang/50000", 15, &v));
    cr_expect_not (tracuu_map__get_str (&map, "bac-giang/1", 10, &v),
                   "a prefix is another key");
    /* Replacing keeps one entry; the empty key is a key. */
    tracuu_map__put_str (&rc, &map, keys[7], strlen (keys[7]), 99);
    tracuu_map__put_str (&rc, &map, "", 0, 5);
    cr_expect_eq (map.n, 50001);
    cr_expect (tracuu_map__get_str (&map, keys[7], strlen (keys[7]), &v) && v == 99);
    cr_expect (tracuu_map__get_str (&map, "", 0, &v) && v == 5);
    tracuu_map__dispose (&map);
    cr_expect_not (tracuu_map__get_str (&map, "", 0, NULL));
    free (keys);
}

Test (util, map_integer_keys)
{
    tracuu_status_t rc = TRACUU_STATUS_OK;
    tracuu_map_t map = { 0 };
    size_t v;

    for (uint64_t k = 0; k < 200000; k += 2)
        tracuu_map__put_int (&rc, &map, k, (size_t) (k / 2));
    tracuu_map__put_int (&rc, &map, UINT64_MAX, 7);
    cr_assert_eq (rc, TRACUU_STATUS_OK);
    for (uint64_t k = 0; k < 200000; k++) {
        int found = tracuu_map__get_int (&map, k, &v);

        cr_assert_eq (found, k % 2 == 0, "key %llu", (unsigned long long) k);
        if (found)
            cr_assert_eq (v, k / 2);
    }
    cr_expect (tracuu_map__get_int (&map, UINT64_MAX, &v) && v == 7);
    cr_expect_leq (4 * map.n, 3 * (map.mask + 1), "at most 3/4 full");
    tracuu_map__dispose (&map);
}

Test (util, days)
{
    static const struct { int y, m, days; } months[] = {
        { 2024, 2, 29 }, { 2023, 2, 28 }, { 1900, 2, 28 }, { 2000, 2, 29 },
        { 2024, 4, 30 }, { 2024, 12, 31 }, { 2024, 13, 0 }, { 2024, 0, 0 },
    };
    char iso[11];

    for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
        cr_expect_eq (tracuu_day__days_in_month (months[i].y, months[i].m),
                      months[i].days, "%d-%d", months[i].y, months[i].m);
    cr_expect (tracuu_day__valid (20240229));
    cr_expect_not (tracuu_day__valid (20230229));
    cr_expect_not (tracuu_day__valid (20241301));
    cr_expect_not (tracuu_day__valid (20240100));
    cr_expect_not (tracuu_day__valid (0));
    cr_expect_eq (tracuu_day__to_days (19700101), 0);
    cr_expect_eq (tracuu_day__to_days (20000301), 11017);
    cr_expect_eq (tracuu_day__from_days (-1), 19691231);
    cr_expect_eq (tracuu_day__add (20240228, 1), 20240229);
    cr_expect_eq (tracuu_day__add (20240229, 1), 20240301);
    cr_expect_eq (tracuu_day__add (20240101, -1), 20231231);
    cr_expect_eq (tracuu_day__add (20231231, 366), 20241231);
    cr_expect_str_eq (tracuu_day__iso (20240415, iso), "2024-04-15");
    cr_expect_str_eq (tracuu_day__iso (0, iso), "");
    /* Every day of four centuries, there and back, one apart. */
    for (int32_t d = tracuu_day__to_days (18000101), prev = 0;
         d <= tracuu_day__to_days (22001231); d++) {
        int32_t ymd = tracuu_day__from_days (d);

        cr_assert (tracuu_day__valid (ymd), "%d", (int) ymd);
        cr_assert_eq (tracuu_day__to_days (ymd), d);
        cr_assert (prev == 0 || ymd > prev);
        prev = ymd;
    }
}

Test (util, periods)
{
    static const struct {
        int32_t from, to;
        tracuu_bucket_t bucket;
        const char *label;
    } rows[] = {
        { 20240401, 20240430, TRACUU_BUCKET_MONTH, "2024-04" },
        { 20240401, 20240430, TRACUU_BUCKET_QUARTER, "2024-Q2" },
        { 20240401, 20240430, TRACUU_BUCKET_HALF, "2024-H1" },
        { 20240401, 20240430, TRACUU_BUCKET_YEAR, "2024" },
        { 20240301, 20240430, TRACUU_BUCKET_MONTH, "2024-H1" },
        { 20240101, 20240630, TRACUU_BUCKET_QUARTER, "2024-H1" },
        { 20240601, 20240731, TRACUU_BUCKET_MONTH, "2024" },
        { 20231201, 20240131, TRACUU_BUCKET_MONTH, "2023..2024" },
        { 20231201, 20240131, TRACUU_BUCKET_YEAR, "2024" },
        { 20240131, 20240101, TRACUU_BUCKET_YEAR, "" },     /* Inverted. */
        { 0, 20240101, TRACUU_BUCKET_MONTH, "" },
    };
    char label[32];

    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        cr_expect_str_eq (tracuu_period__label (rows[i].from, rows[i].to,
                                                rows[i].bucket, label,
                                                sizeof label),
                          rows[i].label, "row %zu", i);
    cr_expect (tracuu_period__contains (20240101, 20240630, 20240401, 20240430));
    cr_expect_not (tracuu_period__contains (20240101, 20240630, 20240601, 20240731));
    cr_expect (tracuu_period__overlaps (20240101, 20240630, 20240601, 20240731));
    cr_expect_not (tracuu_period__overlaps (20240101, 20240630, 20240701, 20240731));
    cr_expect_not (tracuu_period__valid (20240102, 20240101));
}

Test (util, utf8_valid)
{
    cr_expect (tracuu_utf8__valid ("Nguyễn Văn Hải", strlen ("Nguyễn Văn Hải")));
    cr_expect (tracuu_utf8__valid ("", 0));
    cr_expect_not (tracuu_utf8__valid ("caf\xe9", 4));
    cr_expect_not (tracuu_utf8__valid ("\xc0\xaf", 2));         /* Overlong. */
    cr_expect_not (tracuu_utf8__valid ("\xed\xa0\x80", 3));     /* Surrogate. */
    cr_expect_not (tracuu_utf8__valid ("\xe1\xbb", 2));         /* Cut short. */
}

Test (util, file_read)
{
    char dir[] = "/tmp/tracuu-util.XXXXXX", path[64];
    char *data = NULL;
    size_t len = 0;
    FILE *f;

    cr_assert_not_null (mkdtemp (dir));
    snprintf (path, sizeof path, "%s/a.txt", dir);
    f = fopen (path, "w");
    cr_assert_not_null (f);
    for (int i = 0; i < 30000; i++)
        fprintf (f, "dòng %d\n", i);
    fclose (f);
    cr_assert_eq (tracuu_file__read (path, 0, &data, &len), TRACUU_STATUS_OK);
    cr_expect_eq (strlen (data), len);
    cr_expect_eq (memcmp (data, "dòng 0\ndòng 1\n", strlen ("dòng 0\ndòng 1\n")), 0);
    free (data);
    cr_expect_eq (tracuu_file__read (path, 1000, &data, &len),
                  TRACUU_STATUS_LIMIT_EXCEEDED);
    cr_expect_null (data);
    unlink (path);
    cr_expect_eq (tracuu_file__read (path, 0, &data, &len), TRACUU_STATUS_IO_ERROR);
    cr_expect_eq (errno, ENOENT);
    cr_expect_eq (tracuu_file__read (dir, 0, &data, &len), TRACUU_STATUS_IO_ERROR,
                  "a directory is not a file");
    rmdir (dir);
}
