/*
 * Days and periods: yyyymmdd integers, the arithmetic between them and
 * the buckets (year, half, quarter, month) that answers group by.
 */
#include <stdio.h>

#include "util/util-private.h"

static int
leap (int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
tracuu_day__days_in_month (int y, int m)
{
    static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

    if (m < 1 || m > 12)
        return 0;
    return m == 2 && leap (y) ? 29 : days[m - 1];
}

int
tracuu_day__valid (int32_t ymd)
{
    int y = (int) (ymd / 10000), m = (int) (ymd / 100 % 100), d = (int) (ymd % 100);

    return ymd > 0 && y >= 1 && y <= 9999 && d >= 1
           && d <= tracuu_day__days_in_month (y, m);
}

/* Days from civil: the proleptic Gregorian count of H. Hinnant's
 * "chrono-compatible low-level date algorithms", with eras of 400
 * years so that only integer division of non-negative numbers is
 * needed. */
int32_t
tracuu_day__to_days (int32_t ymd)
{
    int y = (int) (ymd / 10000), m = (int) (ymd / 100 % 100), d = (int) (ymd % 100);
    int era, yoe, doy, doe;

    y -= m <= 2;
    era = y / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t) (era * 146097 + doe - 719468);
}

int32_t
tracuu_day__from_days (int32_t days)
{
    int z = (int) days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    int y = yoe + era * 400 + (m <= 2);

    return (int32_t) (y * 10000 + m * 100 + d);
}

int32_t
tracuu_day__add (int32_t ymd, int32_t n)
{
    return tracuu_day__from_days (tracuu_day__to_days (ymd) + n);
}

char *
tracuu_day__iso (int32_t ymd, char out[11])
{
    if (ymd <= 0) {
        out[0] = '\0';
        return out;
    }
    snprintf (out, 11, "%04d-%02d-%02d", (int) (ymd / 10000 % 10000),
              (int) (ymd / 100 % 100), (int) (ymd % 100));
    return out;
}

int
tracuu_period__valid (int32_t from, int32_t to)
{
    return from > 0 && to > 0 && to >= from;
}

int
tracuu_period__contains (int32_t outer_from, int32_t outer_to, int32_t from,
                         int32_t to)
{
    return outer_from <= from && to <= outer_to;
}

int
tracuu_period__overlaps (int32_t a_from, int32_t a_to, int32_t b_from,
                         int32_t b_to)
{
    return a_from <= b_to && b_from <= a_to;
}

char *
tracuu_period__label (int32_t from, int32_t to, tracuu_bucket_t bucket,
                      char *out, size_t size)
{
    int y0 = (int) (from / 10000), y1 = (int) (to / 10000);
    int m0 = (int) (from / 100 % 100), m1 = (int) (to / 100 % 100);

    if (!tracuu_period__valid (from, to))
        snprintf (out, size, "%s", "");
    else if (bucket == TRACUU_BUCKET_YEAR)
        snprintf (out, size, "%04d", y1);
    else if (y0 != y1)
        snprintf (out, size, "%04d..%04d", y0, y1);
    else if (bucket == TRACUU_BUCKET_MONTH && m0 == m1)
        snprintf (out, size, "%04d-%02d", y0, m0);
    else if (bucket != TRACUU_BUCKET_HALF && (m0 - 1) / 3 == (m1 - 1) / 3)
        snprintf (out, size, "%04d-Q%d", y0, (m0 - 1) / 3 + 1);
    else if ((m0 - 1) / 6 == (m1 - 1) / 6)
        snprintf (out, size, "%04d-H%d", y0, (m0 - 1) / 6 + 1);
    else
        snprintf (out, size, "%04d", y0);
    return out;
}
