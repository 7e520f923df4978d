/*
 * bench/fts5load.c: load every .txt/.md file under DIR into an SQLite
 * FTS5 table, in one transaction, as the benchmark's third engine.
 *
 *   fts5load DB DIR
 *
 * The table: docs(path, body), tokenize='unicode61 remove_diacritics 2'.
 * Bodies are stored as read (FTS5 keeps its own copy of the text).
 */
#define _XOPEN_SOURCE 700

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

static sqlite3 *db;
static sqlite3_stmt *ins;
static unsigned long n_docs;
static unsigned long long n_bytes;

static int
has_suffix (const char *s, const char *suffix)
{
    size_t n = strlen (s), k = strlen (suffix);

    return n >= k && strcmp (s + n - k, suffix) == 0;
}

static int
visit (const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    FILE *f;
    char *body;
    size_t len;

    (void) ftw;
    if (type != FTW_F || !(has_suffix (path, ".txt") || has_suffix (path, ".md")))
        return 0;
    f = fopen (path, "rb");
    if (f == NULL) {
        perror (path);
        return 1;
    }
    len = (size_t) st->st_size;
    body = malloc (len + 1);
    if (body == NULL || fread (body, 1, len, f) != len) {
        perror (path);
        fclose (f);
        free (body);
        return 1;
    }
    fclose (f);
    sqlite3_bind_text (ins, 1, path, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (ins, 2, body, (int) len, free);
    if (sqlite3_step (ins) != SQLITE_DONE) {
        fprintf (stderr, "fts5load: %s: %s\n", path, sqlite3_errmsg (db));
        return 1;
    }
    sqlite3_reset (ins);
    n_docs++;
    n_bytes += len;
    return 0;
}

static int
exec (const char *sql)
{
    char *err = NULL;

    if (sqlite3_exec (db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf (stderr, "fts5load: %s: %s\n", sql, err);
        sqlite3_free (err);
        return 1;
    }
    return 0;
}

int
main (int argc, char **argv)
{
    if (argc != 3) {
        fprintf (stderr, "usage: fts5load DB DIR\n");
        return 2;
    }
    remove (argv[1]);
    if (sqlite3_open (argv[1], &db) != SQLITE_OK) {
        fprintf (stderr, "fts5load: %s: %s\n", argv[1], sqlite3_errmsg (db));
        return 1;
    }
    if (exec ("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
        || exec ("CREATE VIRTUAL TABLE docs USING fts5(path, body, "
                 "tokenize='unicode61 remove_diacritics 2')")
        || exec ("BEGIN"))
        return 1;
    if (sqlite3_prepare_v2 (db, "INSERT INTO docs(path, body) VALUES (?, ?)",
                            -1, &ins, NULL) != SQLITE_OK) {
        fprintf (stderr, "fts5load: %s\n", sqlite3_errmsg (db));
        return 1;
    }
    if (nftw (argv[2], visit, 64, FTW_PHYS) != 0) {
        fprintf (stderr, "fts5load: failed under %s\n", argv[2]);
        return 1;
    }
    sqlite3_finalize (ins);
    if (exec ("COMMIT") || exec ("INSERT INTO docs(docs) VALUES ('optimize')"))
        return 1;
    sqlite3_close (db);
    fprintf (stderr, "fts5load: %lu documents, %llu bytes\n", n_docs, n_bytes);
    return 0;
}
