/*
 * bench/finescmp.c: precision and recall of extracted fines against the
 * generator's ground truth.
 *
 *   finescmp TRUTH.tsv SAMPLE.txt EXTRACT.jsonl
 *
 * TRUTH.tsv is gen's --truth output; SAMPLE.txt lists the reports that
 * were extracted (paths relative to the corpus); EXTRACT.jsonl is
 * `tracuu-index --extract --format jsonl` (docs/EXTRACT.md): the
 * "case" records whose action is "fine", not headlines, with an
 * amount_vnd; the line is that of the first of their "sources". The
 * reader is loose (any object with an amount counts, "money" entities
 * only when there are no cases), so that it survives added fields. A
 * fine matches a truth row of the same file (by base name) and amount,
 * the same line preferred. Prints a Markdown paragraph.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct row {
    char *file;                 /* Base name. */
    long line;                  /* 0 when unknown. */
    long long amount;           /* VND. */
    int aggregate;              /* Truth only. */
    int rank;                   /* Extracted: kind preference, 0 best. */
    int used;                   /* Matched. */
} row_t;

typedef struct rows {
    row_t *v;
    size_t n, alloc;
} rows_t;

static void
push (rows_t *r, row_t x)
{
    if (r->n == r->alloc) {
        r->alloc = r->alloc ? 2 * r->alloc : 1024;
        r->v = realloc (r->v, r->alloc * sizeof *r->v);
        if (r->v == NULL) {
            perror ("finescmp");
            exit (2);
        }
    }
    r->v[r->n++] = x;
}

static const char *
base (const char *path)
{
    const char *s = strrchr (path, '/');

    return s ? s + 1 : path;
}

static char *
dup_base (const char *path, size_t len)
{
    char *tmp = strndup (path, len), *out;

    if (tmp == NULL)
        exit (2);
    out = strdup (base (tmp));
    free (tmp);
    return out;
}

/* ---- A loose JSON reader: objects, arrays, strings, numbers. ---- */

typedef struct obj {
    char file[512];             /* Own or inherited. */
    char kind[32];
    char action[32];            /* "" when not given. */
    int headline;               /* "headline": true. */
    long line;
    long long amount;
    int has_amount;
} obj_t;

static const char *p;           /* Cursor in the current line. */
static rows_t extracted;

static void
ws (void)
{
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
}

/* Read a string into buf (escapes kept simple). */
static void
str (char *buf, size_t size)
{
    size_t o = 0;

    if (*p != '"')
        return;
    p++;
    while (*p && *p != '"') {
        if (*p == '\\' && p[1])
            p++;
        if (o + 1 < size)
            buf[o++] = *p;
        p++;
    }
    if (*p == '"')
        p++;
    buf[o] = '\0';
}

static void value (obj_t *parent, const char *key, obj_t *holder);

static int
kind_rank (const char *kind)
{
    if (!strcmp (kind, "fine") || !strcmp (kind, "penalty") || !strcmp (kind, "case")
        || !strcmp (kind, "fines"))
        return 0;
    if (!strcmp (kind, "money") || kind[0] == '\0')
        return 1;
    return 2;
}

static void
object (obj_t *parent)
{
    obj_t o;

    memset (&o, 0, sizeof o);
    if (parent)
        memcpy (o.file, parent->file, sizeof o.file);
    p++;
    for (;;) {
        char key[64] = "";

        ws ();
        if (*p == '}') {
            p++;
            break;
        }
        if (*p == ',') {
            p++;
            continue;
        }
        if (*p != '"')
            return;
        str (key, sizeof key);
        ws ();
        if (*p == ':')
            p++;
        ws ();
        value (&o, key, &o);
    }
    /* A source's line goes to the case that holds it. */
    if (!o.has_amount && o.line && parent && !parent->line)
        parent->line = o.line;
    if (o.has_amount && o.file[0] && kind_rank (o.kind) < 2 && !o.headline
        && (o.action[0] == '\0' || strcmp (o.action, "fine") == 0)) {
        row_t r = { strdup (base (o.file)), o.line, o.amount, 0,
                    kind_rank (o.kind), 0 };

        push (&extracted, r);
    }
}

static void
value (obj_t *parent, const char *key, obj_t *holder)
{
    ws ();
    if (*p == '{') {
        object (parent);
    } else if (*p == '[') {
        p++;
        for (;;) {
            ws ();
            if (*p == ']' || *p == '\0') {
                if (*p)
                    p++;
                break;
            }
            if (*p == ',') {
                p++;
                continue;
            }
            value (parent, "", holder);
        }
    } else if (*p == '"') {
        char buf[512];

        str (buf, sizeof buf);
        if (!strcmp (key, "file") || !strcmp (key, "path") || !strcmp (key, "source"))
            snprintf (holder->file, sizeof holder->file, "%s", buf);
        else if (!strcmp (key, "kind") || !strcmp (key, "type"))
            snprintf (holder->kind, sizeof holder->kind, "%.31s", buf);
        else if (!strcmp (key, "action"))
            snprintf (holder->action, sizeof holder->action, "%.31s", buf);
        else if ((!strcmp (key, "amount_vnd") || !strcmp (key, "amount")
                  || !strcmp (key, "vnd")) && buf[0] >= '0' && buf[0] <= '9') {
            holder->amount = atoll (buf);
            holder->has_amount = 1;
        }
    } else {
        char *end;
        double d = strtod (p, &end);

        if (end == p) {
            if (!strcmp (key, "headline") && strncmp (p, "true", 4) == 0)
                holder->headline = 1;
            while (*p && *p != ',' && *p != '}' && *p != ']')
                p++;
            return;
        }
        p = end;
        if (!strcmp (key, "line"))
            holder->line = (long) d;
        else if (!strcmp (key, "amount_vnd") || !strcmp (key, "amount")
                 || !strcmp (key, "vnd") || !strcmp (key, "number")) {
            holder->amount = (long long) d;
            holder->has_amount = 1;
        }
    }
}

/* ---- Matching. ---- */

static int
cmp_row (const void *a, const void *b)
{
    const row_t *x = a, *y = b;
    int c = strcmp (x->file, y->file);

    if (c)
        return c;
    return (x->amount > y->amount) - (x->amount < y->amount);
}

static int
cmp_str (const void *a, const void *b)
{
    return strcmp (*(char *const *) a, *(char *const *) b);
}

int
main (int argc, char **argv)
{
    FILE *f;
    char line[65536];
    char **sample = NULL;
    size_t n_sample = 0, alloc = 0, i, k;
    rows_t truth = { 0 };
    size_t tp = 0, tp_line = 0, tp_agg = 0, n_agg = 0;
    int best_rank = 2;

    if (argc != 4) {
        fprintf (stderr, "usage: finescmp TRUTH.tsv SAMPLE.txt EXTRACT.jsonl\n");
        return 2;
    }
    if ((f = fopen (argv[2], "r")) == NULL) {
        perror (argv[2]);
        return 2;
    }
    while (fgets (line, sizeof line, f)) {
        line[strcspn (line, "\n")] = '\0';
        if (n_sample == alloc) {
            alloc = alloc ? 2 * alloc : 1024;
            sample = realloc (sample, alloc * sizeof *sample);
        }
        sample[n_sample++] = strdup (base (line));
    }
    fclose (f);
    qsort (sample, n_sample, sizeof *sample, cmp_str);

    if ((f = fopen (argv[1], "r")) == NULL) {
        perror (argv[1]);
        return 2;
    }
    while (fgets (line, sizeof line, f)) {
        char *cols[12], *s = line, *key;
        int c = 0;
        row_t r;

        if (line[0] == '#')
            continue;
        while (c < 12 && s != NULL) {
            char *tab = strchr (s, '\t');

            cols[c++] = s;
            if (tab)
                *tab++ = '\0';
            s = tab;
        }
        if (c < 6)
            continue;
        key = (char *) base (cols[0]);
        if (!bsearch (&key, sample, n_sample, sizeof *sample, cmp_str))
            continue;
        r = (row_t) { dup_base (cols[0], strlen (cols[0])), atol (cols[1]),
                      atoll (cols[2]), atoi (cols[4]), 0, 0 };
        n_agg += (size_t) r.aggregate;
        push (&truth, r);
    }
    fclose (f);
    qsort (truth.v, truth.n, sizeof *truth.v, cmp_row);

    if ((f = fopen (argv[3], "r")) == NULL) {
        perror (argv[3]);
        return 2;
    }
    while (fgets (line, sizeof line, f)) {
        p = line;
        ws ();
        if (*p == '{')
            object (NULL);
    }
    fclose (f);
    for (i = 0; i < extracted.n; i++)
        if (extracted.v[i].rank < best_rank)
            best_rank = extracted.v[i].rank;
    k = 0;
    for (i = 0; i < extracted.n; i++)
        if (extracted.v[i].rank == best_rank)
            extracted.v[k++] = extracted.v[i];
    extracted.n = k;

    for (i = 0; i < extracted.n; i++) {
        row_t *e = &extracted.v[i], *hit, *pick = NULL;
        size_t lo, hi;

        hit = bsearch (e, truth.v, truth.n, sizeof *truth.v, cmp_row);
        if (hit == NULL)
            continue;
        lo = hi = (size_t) (hit - truth.v);
        while (lo > 0 && cmp_row (&truth.v[lo - 1], e) == 0)
            lo--;
        while (hi + 1 < truth.n && cmp_row (&truth.v[hi + 1], e) == 0)
            hi++;
        for (k = lo; k <= hi; k++) {
            if (truth.v[k].used)
                continue;
            if (pick == NULL || (e->line && truth.v[k].line == e->line))
                pick = &truth.v[k];
        }
        if (pick == NULL)
            continue;
        pick->used = 1;
        tp++;
        tp_line += e->line && pick->line == e->line;
        tp_agg += (size_t) pick->aggregate;
    }
    printf ("Sample of %zu reports: %zu true fines (%zu aggregates), %zu extracted; "
            "%zu match by file and amount (%zu also by line). "
            "**Precision %.3f, recall %.3f**; recall of aggregates %.3f, "
            "of single fines %.3f.\n",
            n_sample, truth.n, n_agg, extracted.n, tp, tp_line,
            extracted.n ? (double) tp / (double) extracted.n : 0.0,
            truth.n ? (double) tp / (double) truth.n : 0.0,
            n_agg ? (double) tp_agg / (double) n_agg : 0.0,
            truth.n > n_agg ? (double) (tp - tp_agg) / (double) (truth.n - n_agg) : 0.0);
    return 0;
}
