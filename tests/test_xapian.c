/* Tests of the C binding of libxapian (include/tracuu/xapian-c.h). */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "tracuu/xapian-c.h"

#define S(lit) (lit), strlen (lit)

static char tmpdir[64];

static void
setup (void)
{
    strcpy (tmpdir, "/tmp/xapc-test-XXXXXX");
    cr_assert_not_null (mkdtemp (tmpdir), "mkdtemp: %s", strerror (errno));
}

static int
remove_entry (const char *path, const struct stat *st, int flag,
              struct FTW *ftw)
{
    (void) st;
    (void) flag;
    (void) ftw;
    return remove (path);
}

static void
teardown (void)
{
    if (tmpdir[0] != '\0')
        nftw (tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite (xapian, .init = setup, .fini = teardown);

/* 'name' under the test's temporary directory, in a static buffer. */
static const char *
path_in (const char *name)
{
    static char buf[2][256];
    static int which;

    which = !which;
    snprintf (buf[which], sizeof buf[which], "%s/%s", tmpdir, name);
    return buf[which];
}

static void
write_file (const char *path, const char *text)
{
    FILE *f = fopen (path, "w");

    cr_assert_not_null (f, "fopen %s: %s", path, strerror (errno));
    fputs (text, f);
    fclose (f);
}

/* What the listing callbacks saw. */
#define MAX_ITEMS 32

struct seen {
    char items[MAX_ITEMS][64];
    uint32_t counts[MAX_ITEMS];
    xapc_docid_t docids[MAX_ITEMS];
    size_t n;
    size_t stop_after;   /* Non-zero: ask to stop after that many. */
};

static int
stop_now (struct seen *s)
{
    return s->stop_after != 0 && s->n >= s->stop_after;
}

static int
see_term (const char *term, size_t len, uint32_t count, void *payload)
{
    struct seen *s = payload;

    if (s->n < MAX_ITEMS && len < sizeof s->items[0]) {
        memcpy (s->items[s->n], term, len);
        s->items[s->n][len] = '\0';
        s->counts[s->n] = count;
    }
    s->n++;
    return stop_now (s);
}

static int
see_docid (xapc_docid_t docid, void *payload)
{
    struct seen *s = payload;

    if (s->n < MAX_ITEMS)
        s->docids[s->n] = docid;
    s->n++;
    return stop_now (s);
}

static int
see_value (xapc_docid_t docid, const char *value, size_t len, void *payload)
{
    struct seen *s = payload;

    if (s->n < MAX_ITEMS && len < sizeof s->items[0]) {
        memcpy (s->items[s->n], value, len);
        s->items[s->n][len] = '\0';
        s->docids[s->n] = docid;
    }
    s->n++;
    return stop_now (s);
}

/* A posting for each (term, position) pair; NULL ends the list. */
struct posting {
    const char *term;
    xapc_termpos_t pos;
};

struct corpus_doc {
    const char *id;          /* Unique term. */
    const char *date;        /* Value slot 0. */
    const char *place;       /* Value slot 1, and boolean term "X" place. */
    struct posting postings[8];
};

/*
 * The shared corpus, docids 1 to 4. "tai"/"chinh" are folded forms of
 * "tài"/"chính"; doc 4 has both "tài" and "tai" at position 1.
 */
static const struct corpus_doc corpus[] = {
    { "Qa", "20230105", "HN",
      { { "báo", 1 }, { "cáo", 2 }, { "tài", 3 }, { "chính", 4 } } },
    { "Qb", "20230210", "HCM",
      { { "cáo", 1 }, { "báo", 2 }, { "tài", 3 } } },
    { "Qc", "20230315", "HN",
      { { "tài", 1 }, { "chính", 2 }, { "ngân", 3 }, { "sách", 4 } } },
    { "Qd", "20221231", "DN",
      { { "tài", 1 }, { "tai", 1 }, { "chinh", 2 } } },
};
#define N_CORPUS (sizeof corpus / sizeof corpus[0])

static xapc_doc_t *
make_doc (const struct corpus_doc *c)
{
    xapc_doc_t *doc = NULL;
    char place_term[16];

    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    for (const struct posting *p = c->postings; p->term != NULL; p++)
        cr_assert_eq (xapc_doc_add_posting (doc, S (p->term), p->pos, 1),
                      XAPC_OK);
    cr_assert_eq (xapc_doc_add_boolean_term (doc, S (c->id)), XAPC_OK);
    snprintf (place_term, sizeof place_term, "X%s", c->place);
    cr_assert_eq (xapc_doc_add_boolean_term (doc, S (place_term)), XAPC_OK);
    cr_assert_eq (xapc_doc_set_value (doc, 0, S (c->date)), XAPC_OK);
    cr_assert_eq (xapc_doc_set_value (doc, 1, S (c->place)), XAPC_OK);
    cr_assert_eq (xapc_doc_set_data (doc, S (c->id + 1)), XAPC_OK);
    return doc;
}

/* A writable database holding the corpus, committed. */
static xapc_db_t *
open_corpus (void)
{
    xapc_db_t *db = NULL;

    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_CREATE_OR_OVERWRITE,
                                &db),
                  XAPC_OK, "%s", xapc_last_error ());
    for (size_t i = 0; i < N_CORPUS; i++) {
        xapc_doc_t *doc = make_doc (&corpus[i]);
        xapc_docid_t docid = 0;

        cr_assert_eq (xapc_db_replace_by_term (db, S (corpus[i].id), doc,
                                               &docid),
                      XAPC_OK, "%s", xapc_last_error ());
        cr_assert_eq (docid, i + 1);
        xapc_doc_destroy (doc);
    }
    cr_assert_eq (xapc_db_commit (db), XAPC_OK, "%s", xapc_last_error ());
    return db;
}

static xapc_query_t *
term (const char *t)
{
    xapc_query_t *q = NULL;

    cr_assert_eq (xapc_query_term (S (t), 1, 0, &q), XAPC_OK);
    return q;
}

/* Combine two queries and destroy them. */
static xapc_query_t *
combine2 (xapc_op_t op, xapc_query_t *a, xapc_query_t *b, uint32_t window)
{
    xapc_query_t *subs[2] = { a, b };
    xapc_query_t *q = NULL;

    cr_assert_eq (xapc_query_combine (op, subs, 2, window, &q), XAPC_OK,
                  "%s", xapc_last_error ());
    xapc_query_destroy (a);
    xapc_query_destroy (b);
    return q;
}

/*
 * Run 'q' (destroyed here) over 'db' with boolean weighting, so that
 * matches come in docid order; store them as "1,3,4" in 'out'.
 */
static const char *
matches (xapc_db_t *db, xapc_query_t *q)
{
    static char out[128];
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    size_t used = 0;

    out[0] = '\0';
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_weighting (enq, XAPC_WEIGHT_BOOL), XAPC_OK);
    cr_assert_eq (xapc_enquire_get_mset (enq, 0, 100, 100, &mset), XAPC_OK,
                  "%s", xapc_last_error ());
    for (size_t i = 0; i < xapc_mset_size (mset); i++)
        used += snprintf (out + used, sizeof out - used, "%s%u",
                          i ? "," : "", xapc_mset_docid (mset, i));
    xapc_mset_destroy (mset);
    xapc_enquire_destroy (enq);
    xapc_query_destroy (q);
    return out;
}

/* ---------------------------------------------------------------- */

Test (xapian, every_status_has_a_string)
{
    for (int i = 0; i < XAPC_STATUS_LAST; i++) {
        const char *s = xapc_status_string ((xapc_status_t) i);

        cr_assert_not_null (s);
        cr_expect_gt (strlen (s), 0, "status %d", i);
        for (int j = 0; j < i; j++)
            cr_expect_str_neq (s, xapc_status_string ((xapc_status_t) j),
                               "statuses %d and %d", i, j);
    }
    cr_expect_not_null (xapc_status_string (XAPC_STATUS_LAST));
    cr_expect_not_null (xapc_status_string ((xapc_status_t) 1000));
}

Test (xapian, version)
{
    cr_expect_eq (strncmp (xapc_xapian_version (), "1.", 2), 0, "%s",
                  xapc_xapian_version ());
}

Test (xapian, round_trip)
{
    xapc_db_t *db = open_corpus ();
    xapc_doc_t *doc = NULL;
    xapc_docid_t docid = 0;
    uint32_t count = 0;
    const char *data;
    size_t len;

    cr_assert (xapc_db_is_writable (db));

    /* Replace "Qb" (docid 2), delete "Qc", add one with no unique term. */
    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_assert_eq (xapc_doc_add_boolean_term (doc, S ("Qb")), XAPC_OK);
    cr_assert_eq (xapc_doc_add_posting (doc, S ("mới"), 1, 1), XAPC_OK);
    cr_assert_eq (xapc_doc_set_data (doc, S ("B2")), XAPC_OK);
    cr_assert_eq (xapc_db_replace_by_term (db, S ("Qb"), doc, &docid),
                  XAPC_OK);
    cr_expect_eq (docid, 2);
    xapc_doc_destroy (doc);
    cr_assert_eq (xapc_db_delete_by_term (db, S ("Qc")), XAPC_OK);
    cr_assert_eq (xapc_db_delete_by_term (db, S ("Qzz")), XAPC_OK);
    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_assert_eq (xapc_doc_add_term (doc, S ("khác"), 2), XAPC_OK);
    cr_assert_eq (xapc_db_add_document (db, doc, &docid), XAPC_OK);
    cr_expect_eq (docid, 5);
    xapc_doc_destroy (doc);
    cr_assert_eq (xapc_db_delete_document (db, 4), XAPC_OK);
    cr_assert_eq (xapc_db_commit (db), XAPC_OK);
    xapc_db_close (db);

    db = NULL;
    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_READ, &db), XAPC_OK,
                  "%s", xapc_last_error ());
    cr_expect_not (xapc_db_is_writable (db));
    cr_assert_eq (xapc_db_doccount (db, &count), XAPC_OK);
    cr_expect_eq (count, 3);
    cr_assert_eq (xapc_db_termfreq (db, S ("báo"), &count), XAPC_OK);
    cr_expect_eq (count, 1);
    cr_assert_eq (xapc_db_termfreq (db, S ("không-có"), &count), XAPC_OK);
    cr_expect_eq (count, 0);
    cr_assert_eq (xapc_db_get_document (db, 2, &doc), XAPC_OK);
    cr_assert_eq (xapc_doc_get_data (doc, &data, &len), XAPC_OK);
    cr_expect_eq (len, 2);
    cr_expect_eq (memcmp (data, "B2", 2), 0);
    xapc_doc_destroy (doc);
    cr_expect_eq (xapc_db_get_document (db, 3, &doc), XAPC_ERR_NOT_FOUND);
    cr_expect_null (doc);
    cr_expect_eq (xapc_db_get_document (db, 4, &doc), XAPC_ERR_NOT_FOUND);
    cr_expect_eq (xapc_db_find_by_term (db, S ("khác"), &docid), XAPC_OK);
    cr_expect_eq (docid, 5);
    xapc_db_close (db);
}

Test (xapian, close_commits_pending_changes)
{
    xapc_db_t *db = open_corpus ();
    xapc_doc_t *doc = NULL;
    uint32_t count = 0;

    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_assert_eq (xapc_db_add_document (db, doc, NULL), XAPC_OK);
    xapc_doc_destroy (doc);
    xapc_db_close (db);
    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_READ, &db), XAPC_OK);
    cr_assert_eq (xapc_db_doccount (db, &count), XAPC_OK);
    cr_expect_eq (count, N_CORPUS + 1);
    xapc_db_close (db);
}

Test (xapian, transactions)
{
    xapc_db_t *db = open_corpus ();
    xapc_doc_t *doc = NULL;
    uint32_t count = 0;

    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_assert_eq (xapc_db_begin_transaction (db, 1), XAPC_OK);
    cr_assert_eq (xapc_db_add_document (db, doc, NULL), XAPC_OK);
    cr_assert_eq (xapc_db_cancel_transaction (db), XAPC_OK);
    cr_assert_eq (xapc_db_doccount (db, &count), XAPC_OK);
    cr_expect_eq (count, N_CORPUS);

    cr_assert_eq (xapc_db_begin_transaction (db, 0), XAPC_OK);
    cr_assert_eq (xapc_db_add_document (db, doc, NULL), XAPC_OK);
    cr_assert_eq (xapc_db_commit_transaction (db), XAPC_OK);
    cr_assert_eq (xapc_db_doccount (db, &count), XAPC_OK);
    cr_expect_eq (count, N_CORPUS + 1);

    /* No transaction to commit: Xapian's InvalidOperationError. */
    cr_expect_eq (xapc_db_commit_transaction (db), XAPC_ERR_OTHER);
    cr_expect_neq (strstr (xapc_last_error (), "transaction"), NULL, "%s",
                   xapc_last_error ());

    /* Closing cancels a transaction in progress. */
    cr_assert_eq (xapc_db_begin_transaction (db, 1), XAPC_OK);
    cr_assert_eq (xapc_db_add_document (db, doc, NULL), XAPC_OK);
    xapc_db_close (db);
    xapc_doc_destroy (doc);
    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_READ, &db), XAPC_OK);
    cr_assert_eq (xapc_db_doccount (db, &count), XAPC_OK);
    cr_expect_eq (count, N_CORPUS + 1);
    xapc_db_close (db);
}

Test (xapian, find_by_term)
{
    xapc_db_t *db = open_corpus ();
    xapc_docid_t docid = 99;

    cr_assert_eq (xapc_db_find_by_term (db, S ("Qc"), &docid), XAPC_OK);
    cr_expect_eq (docid, 3);
    cr_expect_eq (xapc_db_find_by_term (db, S ("Qzz"), &docid),
                  XAPC_ERR_NOT_FOUND);
    cr_expect_eq (docid, 0);
    cr_expect_neq (strstr (xapc_last_error (), "Qzz"), NULL, "%s",
                   xapc_last_error ());
    xapc_db_close (db);
}

Test (xapian, allterms_with_prefix)
{
    xapc_db_t *db = open_corpus ();
    struct seen s = { 0 };

    cr_assert_eq (xapc_db_allterms (db, S ("Q"), see_term, &s), XAPC_OK);
    cr_assert_eq (s.n, 4);
    cr_expect_str_eq (s.items[0], "Qa");
    cr_expect_str_eq (s.items[3], "Qd");
    cr_expect_eq (s.counts[0], 1);

    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_db_allterms (db, S ("X"), see_term, &s), XAPC_OK);
    cr_assert_eq (s.n, 3);
    cr_expect_str_eq (s.items[0], "XDN");
    cr_expect_str_eq (s.items[2], "XHN");
    cr_expect_eq (s.counts[2], 2);

    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_db_allterms (db, S ("t"), see_term, &s), XAPC_OK);
    cr_assert_eq (s.n, 2);
    cr_expect_str_eq (s.items[0], "tai");
    cr_expect_str_eq (s.items[1], "tài");   /* Byte order. */
    cr_expect_eq (s.counts[1], 4);

    /* Stopping early, and no prefix at all. */
    memset (&s, 0, sizeof s);
    s.stop_after = 2;
    cr_assert_eq (xapc_db_allterms (db, NULL, 0, see_term, &s), XAPC_OK);
    cr_expect_eq (s.n, 2);
    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_db_allterms (db, "", 0, see_term, &s), XAPC_OK);
    cr_expect_eq (s.n, 15);   /* 8 words, 4 ids, 3 places. */
    xapc_db_close (db);
}

Test (xapian, postlist)
{
    xapc_db_t *db = open_corpus ();
    struct seen s = { 0 };

    cr_assert_eq (xapc_db_postlist (db, S ("chính"), see_docid, &s), XAPC_OK);
    cr_assert_eq (s.n, 2);
    cr_expect_eq (s.docids[0], 1);
    cr_expect_eq (s.docids[1], 3);

    memset (&s, 0, sizeof s);
    s.stop_after = 3;
    cr_assert_eq (xapc_db_postlist (db, S ("tài"), see_docid, &s), XAPC_OK);
    cr_expect_eq (s.n, 3);

    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_db_postlist (db, S ("không"), see_docid, &s), XAPC_OK);
    cr_expect_eq (s.n, 0);
    xapc_db_close (db);
}

Test (xapian, value_stream)
{
    xapc_db_t *db = open_corpus ();
    struct seen s = { 0 };

    cr_assert_eq (xapc_db_values (db, 0, see_value, &s), XAPC_OK);
    cr_assert_eq (s.n, 4);
    for (size_t i = 0; i < N_CORPUS; i++) {
        cr_expect_eq (s.docids[i], i + 1);
        cr_expect_str_eq (s.items[i], corpus[i].date);
    }
    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_db_values (db, 7, see_value, &s), XAPC_OK);
    cr_expect_eq (s.n, 0);
    xapc_db_close (db);
}

Test (xapian, metadata)
{
    xapc_db_t *db = open_corpus ();
    char *value = NULL;
    size_t len = 99;

    cr_assert_eq (xapc_db_set_metadata (db, S ("schema"), "v1\0x", 4),
                  XAPC_OK);
    cr_assert_eq (xapc_db_commit (db), XAPC_OK);
    xapc_db_close (db);

    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_OPEN, &db), XAPC_OK);
    cr_assert_eq (xapc_db_get_metadata (db, S ("schema"), &value, &len),
                  XAPC_OK);
    cr_expect_eq (len, 4);
    cr_expect_eq (memcmp (value, "v1\0x", 5), 0);
    xapc_free (value);

    cr_assert_eq (xapc_db_get_metadata (db, S ("missing"), &value, &len),
                  XAPC_OK);
    cr_expect_eq (len, 0);
    cr_expect_str_eq (value, "");
    xapc_free (value);

    /* An empty value deletes; an empty key is refused. */
    cr_assert_eq (xapc_db_set_metadata (db, S ("schema"), NULL, 0), XAPC_OK);
    cr_assert_eq (xapc_db_get_metadata (db, S ("schema"), &value, NULL),
                  XAPC_OK);
    cr_expect_str_eq (value, "");
    xapc_free (value);
    cr_expect_eq (xapc_db_get_metadata (db, "", 0, &value, &len),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_null (value);
    xapc_db_close (db);
}

Test (xapian, document_parts)
{
    xapc_db_t *db = open_corpus ();
    xapc_doc_t *doc = NULL;
    struct seen s = { 0 };
    const char *p;
    size_t len;

    cr_assert_eq (xapc_db_get_document (db, 3, &doc), XAPC_OK);
    cr_expect_eq (xapc_doc_id (doc), 3);
    cr_assert_eq (xapc_doc_get_data (doc, &p, &len), XAPC_OK);
    cr_expect_eq (len, 1);
    cr_expect_eq (p[0], 'c');
    cr_assert_eq (xapc_doc_get_value (doc, 0, &p, &len), XAPC_OK);
    cr_expect_eq (len, 8);
    cr_expect_eq (memcmp (p, "20230315", 8), 0);
    cr_assert_eq (xapc_doc_get_value (doc, 5, &p, &len), XAPC_OK);
    cr_expect_eq (len, 0);
    cr_expect_str_eq (p, "");

    cr_assert_eq (xapc_doc_terms (doc, S ("X"), see_term, &s), XAPC_OK);
    cr_assert_eq (s.n, 1);
    cr_expect_str_eq (s.items[0], "XHN");
    cr_expect_eq (s.counts[0], 0);   /* Boolean term: wdf 0. */
    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_doc_terms (doc, NULL, 0, see_term, &s), XAPC_OK);
    cr_expect_eq (s.n, 6);
    cr_expect_str_eq (s.items[0], "Qc");
    cr_expect_str_eq (s.items[5], "tài");
    cr_expect_eq (s.counts[5], 1);
    xapc_doc_destroy (doc);

    /* A new document: id 0, terms listed from memory, value removal. */
    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_expect_eq (xapc_doc_id (doc), 0);
    cr_assert_eq (xapc_doc_add_term (doc, S ("một"), 3), XAPC_OK);
    cr_assert_eq (xapc_doc_add_posting (doc, S ("một"), 7, 2), XAPC_OK);
    cr_assert_eq (xapc_doc_set_value (doc, 2, S ("x")), XAPC_OK);
    cr_assert_eq (xapc_doc_set_value (doc, 2, NULL, 0), XAPC_OK);
    cr_assert_eq (xapc_doc_get_value (doc, 2, &p, &len), XAPC_OK);
    cr_expect_eq (len, 0);
    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_doc_terms (doc, S ("m"), see_term, &s), XAPC_OK);
    cr_assert_eq (s.n, 1);
    cr_expect_eq (s.counts[0], 5);
    xapc_doc_destroy (doc);
    xapc_doc_destroy (NULL);

    cr_expect_eq (xapc_db_get_document (db, 42, &doc), XAPC_ERR_NOT_FOUND);
    cr_expect_null (doc);
    cr_expect_neq (strstr (xapc_last_error (), "42"), NULL, "%s",
                   xapc_last_error ());
    cr_expect_eq (xapc_db_get_document (db, 0, &doc),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (xapc_db_delete_document (db, 42), XAPC_ERR_NOT_FOUND);
    xapc_db_close (db);
}

Test (xapian, phrase_and_near)
{
    xapc_db_t *db = open_corpus ();
    xapc_query_t *q;
    char *desc = NULL;

    q = combine2 (XAPC_OP_PHRASE, term ("báo"), term ("cáo"), 0);
    cr_assert_eq (xapc_query_describe (q, &desc), XAPC_OK);
    cr_expect_neq (strstr (desc, "PHRASE"), NULL, "%s", desc);
    xapc_free (desc);
    cr_expect_str_eq (matches (db, q), "1");

    q = combine2 (XAPC_OP_PHRASE, term ("cáo"), term ("báo"), 0);
    cr_expect_str_eq (matches (db, q), "2");
    q = combine2 (XAPC_OP_NEAR, term ("cáo"), term ("báo"), 2);
    cr_expect_str_eq (matches (db, q), "1,2");
    /* "báo tài" in doc 2; "báo _ tài" in doc 1 needs a window of 3. */
    q = combine2 (XAPC_OP_PHRASE, term ("báo"), term ("tài"), 2);
    cr_expect_str_eq (matches (db, q), "2");
    q = combine2 (XAPC_OP_PHRASE, term ("báo"), term ("tài"), 3);
    cr_expect_str_eq (matches (db, q), "1,2");
    xapc_db_close (db);
}

Test (xapian, phrase_of_ors_at_one_position)
{
    xapc_db_t *db = open_corpus ();
    xapc_query_t *tai, *chinh, *q;

    /* Exact or folded form of each word, as a search for "tai chinh". */
    tai = combine2 (XAPC_OP_OR, term ("tài"), term ("tai"), 0);
    chinh = combine2 (XAPC_OP_OR, term ("chính"), term ("chinh"), 0);
    q = combine2 (XAPC_OP_PHRASE, tai, chinh, 0);
    cr_expect_str_eq (matches (db, q), "1,3,4");

    tai = combine2 (XAPC_OP_SYNONYM, term ("tài"), term ("tai"), 0);
    chinh = combine2 (XAPC_OP_SYNONYM, term ("chính"), term ("chinh"), 0);
    q = combine2 (XAPC_OP_PHRASE, tai, chinh, 0);
    cr_expect_str_eq (matches (db, q), "1,3,4");

    /* Doc 4 has "tai" and "tài" both at position 1, "chinh" at 2. */
    tai = combine2 (XAPC_OP_OR, term ("tài"), term ("tai"), 0);
    q = combine2 (XAPC_OP_PHRASE, tai, term ("chinh"), 0);
    cr_expect_str_eq (matches (db, q), "4");
    q = combine2 (XAPC_OP_PHRASE, term ("tài"), term ("chinh"), 0);
    cr_expect_str_eq (matches (db, q), "4");
    xapc_db_close (db);
}

Test (xapian, boolean_operators)
{
    xapc_db_t *db = open_corpus ();
    xapc_query_t *q;

    q = combine2 (XAPC_OP_AND, term ("tài"), term ("báo"), 0);
    cr_expect_str_eq (matches (db, q), "1,2");
    q = combine2 (XAPC_OP_OR, term ("ngân"), term ("báo"), 0);
    cr_expect_str_eq (matches (db, q), "1,2,3");
    q = combine2 (XAPC_OP_AND_NOT, term ("tài"), term ("báo"), 0);
    cr_expect_str_eq (matches (db, q), "3,4");
    q = combine2 (XAPC_OP_XOR, term ("chính"), term ("báo"), 0);
    cr_expect_str_eq (matches (db, q), "2,3");
    q = combine2 (XAPC_OP_AND_MAYBE, term ("tài"), term ("báo"), 0);
    cr_expect_str_eq (matches (db, q), "1,2,3,4");
    q = combine2 (XAPC_OP_FILTER, term ("tài"), term ("XHN"), 0);
    cr_expect_str_eq (matches (db, q), "1,3");

    /* No subqueries: an empty query. */
    cr_assert_eq (xapc_query_combine (XAPC_OP_AND, NULL, 0, 0, &q), XAPC_OK);
    cr_expect (xapc_query_is_empty (q));
    cr_expect_str_eq (matches (db, q), "");
    xapc_db_close (db);
}

/* Weights of the matches of 'q' (destroyed) under BM25, by docid. */
static void
weights (xapc_db_t *db, xapc_query_t *q, double w[N_CORPUS + 1])
{
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;

    memset (w, 0, (N_CORPUS + 1) * sizeof w[0]);
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    cr_assert_eq (xapc_enquire_get_mset (enq, 0, 10, 10, &mset), XAPC_OK);
    for (size_t i = 0; i < xapc_mset_size (mset); i++)
        w[xapc_mset_docid (mset, i)] = xapc_mset_weight (mset, i);
    xapc_mset_destroy (mset);
    xapc_enquire_destroy (enq);
    xapc_query_destroy (q);
}

Test (xapian, and_maybe_and_filter_weights)
{
    xapc_db_t *db = open_corpus ();
    double plain[N_CORPUS + 1], maybe[N_CORPUS + 1], filtered[N_CORPUS + 1];

    weights (db, term ("tài"), plain);
    weights (db, combine2 (XAPC_OP_AND_MAYBE, term ("tài"), term ("báo"), 0),
             maybe);
    weights (db, combine2 (XAPC_OP_FILTER, term ("tài"), term ("báo"), 0),
             filtered);
    cr_expect_gt (maybe[1], plain[1]);     /* "báo" adds weight... */
    cr_expect_float_eq (maybe[3], plain[3], 1e-9); /* ...only where present. */
    cr_expect_float_eq (filtered[1], plain[1], 1e-9); /* A filter adds none. */
    cr_expect_eq (filtered[3], 0.0);
    xapc_db_close (db);
}

Test (xapian, value_range_scale_wildcard)
{
    xapc_db_t *db = open_corpus ();
    double plain[N_CORPUS + 1], scaled[N_CORPUS + 1];
    xapc_query_t *q, *t;

    cr_assert_eq (xapc_query_value_range (0, S ("20230101"), S ("20230301"),
                                          &q),
                  XAPC_OK);
    cr_expect_str_eq (matches (db, q), "1,2");
    cr_assert_eq (xapc_query_value_range (0, S ("20230301"), NULL, 0, &q),
                  XAPC_OK);
    cr_expect_str_eq (matches (db, q), "3");
    cr_assert_eq (xapc_query_value_range (0, NULL, 0, S ("20230105"), &q),
                  XAPC_OK);
    cr_expect_str_eq (matches (db, q), "1,4");
    cr_assert_eq (xapc_query_value_range (0, NULL, 0, NULL, 0, &q), XAPC_OK);
    cr_expect_str_eq (matches (db, q), "1,2,3,4");
    /* Only documents that have a value, even with no bound at all. */
    cr_assert_eq (xapc_query_value_range (9, NULL, 0, NULL, 0, &q), XAPC_OK);
    cr_expect_str_eq (matches (db, q), "");
    cr_assert_eq (xapc_query_value_range (9, "", 0, NULL, 0, &q), XAPC_OK);
    cr_expect_str_eq (matches (db, q), "");
    cr_assert_eq (xapc_query_value_range (9, NULL, 0, S ("zzz"), &q),
                  XAPC_OK);
    cr_expect_str_eq (matches (db, q), "");
    cr_assert_eq (xapc_query_value_range (1, S ("HN"), S ("HN"), &q), XAPC_OK);
    cr_expect_str_eq (matches (db, q), "1,3");

    t = term ("tài");
    cr_assert_eq (xapc_query_scale (t, 2.5, &q), XAPC_OK);
    weights (db, t, plain);
    weights (db, q, scaled);
    for (size_t i = 1; i <= N_CORPUS; i++)
        cr_expect_float_eq (scaled[i], 2.5 * plain[i], 1e-9, "doc %zu", i);
    t = term ("tài");
    cr_expect_eq (xapc_query_scale (t, -1.0, &q), XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_null (q);
    xapc_query_destroy (t);

    cr_assert_eq (xapc_query_wildcard (S ("ch"), &q), XAPC_OK);
    cr_expect_str_eq (matches (db, q), "1,3,4");
    cr_assert_eq (xapc_query_match_all (&q), XAPC_OK);
    cr_expect_not (xapc_query_is_empty (q));
    cr_expect_str_eq (matches (db, q), "1,2,3,4");
    cr_assert_eq (xapc_query_match_nothing (&q), XAPC_OK);
    cr_expect (xapc_query_is_empty (q));
    cr_expect_str_eq (matches (db, q), "");
    xapc_db_close (db);
}

Test (xapian, mset_counts_order_and_pages)
{
    xapc_db_t *db = open_corpus ();
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    xapc_query_t *q = NULL;
    xapc_doc_t *doc = NULL;
    uint32_t lower, est, upper;
    const char *data;
    size_t len;

    cr_assert_eq (xapc_query_match_all (&q), XAPC_OK);
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    xapc_query_destroy (q);   /* The enquire keeps a copy. */

    /* Page 2 of size 2, by date. */
    cr_assert_eq (xapc_enquire_sort_by_value (enq, 0, 0), XAPC_OK);
    cr_assert_eq (xapc_enquire_get_mset (enq, 1, 2, 10, &mset), XAPC_OK);
    cr_assert_eq (xapc_mset_size (mset), 2);
    xapc_mset_counts (mset, &lower, &est, &upper);
    cr_expect_eq (lower, 4);
    cr_expect_eq (est, 4);
    cr_expect_eq (upper, 4);
    cr_expect_eq (xapc_mset_docid (mset, 0), 1);   /* 20230105 */
    cr_expect_eq (xapc_mset_docid (mset, 1), 2);   /* 20230210 */
    cr_expect_eq (xapc_mset_docid (mset, 2), 0);   /* Out of range. */
    cr_expect_eq (xapc_mset_weight (mset, 2), 0.0);
    cr_assert_eq (xapc_mset_document (mset, 1, &doc), XAPC_OK);
    cr_assert_eq (xapc_doc_get_data (doc, &data, &len), XAPC_OK);
    cr_expect_eq (len, 1);
    cr_expect_eq (data[0], 'b');
    xapc_doc_destroy (doc);
    cr_expect_eq (xapc_mset_document (mset, 2, &doc),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_null (doc);
    xapc_mset_destroy (mset);

    /* Newest first. */
    cr_assert_eq (xapc_enquire_sort_by_value (enq, 0, 1), XAPC_OK);
    cr_assert_eq (xapc_enquire_get_mset (enq, 0, 10, 10, &mset), XAPC_OK);
    cr_assert_eq (xapc_mset_size (mset), 4);
    cr_expect_eq (xapc_mset_docid (mset, 0), 3);
    cr_expect_eq (xapc_mset_docid (mset, 3), 4);
    xapc_mset_destroy (mset);

    /* One match per place: HN, HCM, DN. */
    cr_assert_eq (xapc_enquire_collapse (enq, 1), XAPC_OK);
    cr_assert_eq (xapc_enquire_get_mset (enq, 0, 10, 10, &mset), XAPC_OK);
    cr_expect_eq (xapc_mset_size (mset), 3);
    xapc_mset_destroy (mset);

    /* Beyond the end: an empty page, still with counts. */
    cr_assert_eq (xapc_enquire_get_mset (enq, 10, 10, 0, &mset), XAPC_OK);
    cr_expect_eq (xapc_mset_size (mset), 0);
    xapc_mset_destroy (mset);
    xapc_enquire_destroy (enq);
    xapc_enquire_destroy (NULL);
    xapc_mset_destroy (NULL);
    xapc_db_close (db);
}

Test (xapian, bm25_ranks_by_relevance)
{
    xapc_db_t *db = open_corpus ();
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    xapc_query_t *q;

    /* "ngân" is rare: doc 3 must come first. */
    q = combine2 (XAPC_OP_OR, term ("tài"), term ("ngân"), 0);
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_weighting (enq, XAPC_WEIGHT_BM25), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    cr_assert_eq (xapc_enquire_get_mset (enq, 0, 10, 10, &mset), XAPC_OK);
    cr_assert_eq (xapc_mset_size (mset), 4);
    cr_expect_eq (xapc_mset_docid (mset, 0), 3);
    cr_expect_gt (xapc_mset_weight (mset, 0), xapc_mset_weight (mset, 1));
    xapc_mset_destroy (mset);
    xapc_query_destroy (q);
    xapc_enquire_destroy (enq);
    xapc_db_close (db);
}

Test (xapian, matching_terms)
{
    xapc_db_t *db = open_corpus ();
    xapc_enquire_t *enq = NULL;
    xapc_query_t *subs[3] = { term ("báo"), term ("ngân"), term ("chính") };
    xapc_query_t *q = NULL;
    struct seen s = { 0 };

    cr_assert_eq (xapc_query_combine (XAPC_OP_OR, subs, 3, 0, &q), XAPC_OK);
    for (int i = 0; i < 3; i++)
        xapc_query_destroy (subs[i]);
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    cr_assert_eq (xapc_enquire_matching_terms (enq, 1, see_term, &s), XAPC_OK);
    cr_assert_eq (s.n, 2);
    cr_expect_str_eq (s.items[0], "báo");
    cr_expect_str_eq (s.items[1], "chính");
    cr_expect_eq (s.counts[0], 1);
    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_enquire_matching_terms (enq, 3, see_term, &s), XAPC_OK);
    cr_expect_eq (s.n, 2);
    cr_expect_eq (xapc_enquire_matching_terms (enq, 42, see_term, &s),
                  XAPC_ERR_NOT_FOUND);
    xapc_query_destroy (q);
    xapc_enquire_destroy (enq);
    xapc_db_close (db);
}

Test (xapian, value_spy_counts)
{
    xapc_db_t *db = open_corpus ();
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    xapc_query_t *q = NULL;
    struct seen s = { 0 };
    int spy = -1, dates = -1;

    cr_assert_eq (xapc_query_match_all (&q), XAPC_OK);
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    cr_assert_eq (xapc_enquire_add_value_spy (enq, 1, &spy), XAPC_OK);
    cr_assert_eq (xapc_enquire_add_value_spy (enq, 0, &dates), XAPC_OK);
    cr_expect_neq (spy, dates);

    /* Twice: counts are of the last get_mset() only. */
    for (int round = 0; round < 2; round++) {
        cr_assert_eq (xapc_enquire_get_mset (enq, 0, 1, 10, &mset), XAPC_OK);
        xapc_mset_destroy (mset);
        memset (&s, 0, sizeof s);
        cr_assert_eq (xapc_enquire_spy_values (enq, spy, see_term, &s),
                      XAPC_OK);
        cr_assert_eq (s.n, 3, "round %d", round);
        cr_expect_str_eq (s.items[0], "HN");
        cr_expect_eq (s.counts[0], 2, "round %d", round);
        cr_expect_str_eq (s.items[1], "DN");   /* Ties by value. */
        cr_expect_eq (s.counts[1], 1);
        cr_expect_str_eq (s.items[2], "HCM");
    }
    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_enquire_spy_values (enq, dates, see_term, &s),
                  XAPC_OK);
    cr_expect_eq (s.n, 4);

    /* A narrower query. */
    xapc_query_destroy (q);
    q = term ("chính");
    cr_assert_eq (xapc_enquire_set_query (enq, q), XAPC_OK);
    cr_assert_eq (xapc_enquire_get_mset (enq, 0, 10, 10, &mset), XAPC_OK);
    xapc_mset_destroy (mset);
    memset (&s, 0, sizeof s);
    cr_assert_eq (xapc_enquire_spy_values (enq, spy, see_term, &s), XAPC_OK);
    cr_assert_eq (s.n, 1);
    cr_expect_eq (s.counts[0], 2);

    cr_expect_eq (xapc_enquire_spy_values (enq, 7, see_term, &s),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (xapc_enquire_spy_values (enq, -1, see_term, &s),
                  XAPC_ERR_INVALID_ARGUMENT);
    xapc_query_destroy (q);
    xapc_enquire_destroy (enq);
    xapc_db_close (db);
}

Test (xapian, query_parse)
{
    xapc_db_t *db = open_corpus ();
    static const xapc_prefix_t prefixes[] = {
        { "tieude", "S", 0 },
        { "noi", "X", 1 },
    };
    xapc_query_t *q = NULL;
    char *desc = NULL;

    cr_assert_eq (xapc_query_parse (db, S ("tieude:Báo cáo"), prefixes, 2,
                                    XAPC_PARSE_DEFAULT, XAPC_OP_AND, &q),
                  XAPC_OK, "%s", xapc_last_error ());
    cr_assert_eq (xapc_query_describe (q, &desc), XAPC_OK);
    cr_expect_neq (strstr (desc, "Sbáo"), NULL, "%s", desc);
    cr_expect_neq (strstr (desc, "AND"), NULL, "%s", desc);
    xapc_free (desc);
    xapc_query_destroy (q);

    cr_assert_eq (xapc_query_parse (db, S ("tài noi:HN"), prefixes, 2,
                                    XAPC_PARSE_DEFAULT, XAPC_OP_AND, &q),
                  XAPC_OK, "%s", xapc_last_error ());
    cr_expect_str_eq (matches (db, q), "1,3");
    cr_assert_eq (xapc_query_parse (db, S ("\"báo cáo\""), NULL, 0,
                                    XAPC_PARSE_DEFAULT, XAPC_OP_OR, &q),
                  XAPC_OK);
    cr_expect_str_eq (matches (db, q), "1");
    cr_assert_eq (xapc_query_parse (db, S ("ngân báo"), NULL, 0,
                                    XAPC_PARSE_DEFAULT, XAPC_OP_OR, &q),
                  XAPC_OK);
    cr_expect_str_eq (matches (db, q), "1,2,3");
    cr_assert_eq (xapc_query_parse (NULL, S ("ch*"), NULL, 0,
                                    XAPC_PARSE_DEFAULT | XAPC_PARSE_WILDCARD,
                                    XAPC_OP_OR, &q),
                  XAPC_OK);
    cr_expect_str_eq (matches (db, q), "1,3,4");
    cr_assert_eq (xapc_query_parse (NULL, "", 0, NULL, 0, XAPC_PARSE_DEFAULT,
                                    XAPC_OP_AND, &q),
                  XAPC_OK);
    cr_expect (xapc_query_is_empty (q));
    xapc_query_destroy (q);

    /* Syntax errors, bad flags, bad operators. */
    cr_expect_eq (xapc_query_parse (db, S ("tài AND"), NULL, 0,
                                    XAPC_PARSE_DEFAULT, XAPC_OP_AND, &q),
                  XAPC_ERR_QUERY);
    cr_expect_null (q);
    cr_expect_neq (strstr (xapc_last_error (), "Syntax"), NULL, "%s",
                   xapc_last_error ());
    cr_expect_eq (xapc_query_parse (db, S ("tài"), NULL, 0, 1u << 20,
                                    XAPC_OP_AND, &q),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (xapc_query_parse (db, S ("tài"), NULL, 0,
                                    XAPC_PARSE_DEFAULT, XAPC_OP_PHRASE, &q),
                  XAPC_ERR_INVALID_ARGUMENT);
    xapc_db_close (db);
}

/* ---------------------------------------------------------------- */
/* Error paths                                                      */

Test (xapian, open_missing_is_not_found)
{
    xapc_db_t *db = (xapc_db_t *) 1;
    const char *path = path_in ("nowhere");

    cr_expect_eq (xapc_db_open (path, XAPC_DB_READ, &db), XAPC_ERR_NOT_FOUND);
    cr_expect_null (db);
    cr_expect_neq (strstr (xapc_last_error (), path), NULL, "%s",
                   xapc_last_error ());
    cr_expect_eq (xapc_db_open (path, XAPC_DB_OPEN, &db), XAPC_ERR_NOT_FOUND);
    cr_expect_null (db);
    cr_expect_neq (strstr (xapc_last_error (), path), NULL, "%s",
                   xapc_last_error ());
    /* An empty directory holds no database either. */
    cr_expect_eq (xapc_db_open (tmpdir, XAPC_DB_READ, &db),
                  XAPC_ERR_NOT_FOUND);
    cr_expect_neq (strstr (xapc_last_error (), tmpdir), NULL, "%s",
                   xapc_last_error ());
}

Test (xapian, open_non_database_is_corrupt)
{
    static const struct {
        const char *name;   /* Under tmpdir. */
        int flags;
        xapc_status_t expected;
    } cases[] = {
        { "file", XAPC_DB_READ, XAPC_ERR_CORRUPT },
        { "file", XAPC_DB_CREATE_OR_OPEN, XAPC_ERR_CORRUPT },
        { "empty-file", XAPC_DB_READ, XAPC_ERR_CORRUPT },
        { "garbage", XAPC_DB_READ, XAPC_ERR_CORRUPT },
        { "garbage", XAPC_DB_OPEN, XAPC_ERR_CORRUPT },
        { "db", XAPC_DB_READ, XAPC_OK },   /* The control: a real one. */
    };
    xapc_db_t *db = NULL;

    write_file (path_in ("file"), "Báo cáo tài chính\n");
    write_file (path_in ("empty-file"), "");
    cr_assert_eq (mkdir (path_in ("garbage"), 0700), 0);
    write_file (path_in ("garbage/iamglass"), "rác");
    write_file (path_in ("garbage/postlist.glass"), "rác rác rác");
    write_file (path_in ("garbage/record.glass"), "");
    xapc_db_close (open_corpus ());

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *path = path_in (cases[i].name);
        xapc_status_t st = xapc_db_open (path, cases[i].flags, &db);

        cr_expect_eq (st, cases[i].expected, "case %zu: %s: %s", i,
                      xapc_status_string (st), xapc_last_error ());
        if (st == XAPC_OK) {
            xapc_db_close (db);
            continue;
        }
        cr_expect_null (db);
        cr_expect_neq (strstr (xapc_last_error (), path), NULL,
                       "case %zu: %s", i, xapc_last_error ());
    }
}

Test (xapian, second_writer_in_same_process_is_locked)
{
    xapc_db_t *db = open_corpus ();
    xapc_db_t *other = (xapc_db_t *) 1;

    cr_expect_eq (xapc_db_open (path_in ("db"), XAPC_DB_CREATE_OR_OPEN,
                                &other),
                  XAPC_ERR_LOCKED, "%s", xapc_last_error ());
    cr_expect_null (other);
    cr_expect_neq (strstr (xapc_last_error (), path_in ("db")), NULL, "%s",
                   xapc_last_error ());
    cr_expect_neq (strstr (xapc_last_error (), "lock"), NULL, "%s",
                   xapc_last_error ());
    /* Readers are not locked out. */
    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_READ, &other),
                  XAPC_OK);
    xapc_db_close (other);
    xapc_db_close (db);
    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_OPEN, &db), XAPC_OK);
    xapc_db_close (db);
}

/*
 * Fork a child that opens the database at 'path' for writing, writes
 * one byte to the returned pipe once it holds the lock, waits for a
 * byte on *go_fd, sleeps 'linger_ms' and closes it. The child uses only
 * async-signal-safe exits (_exit) so that it runs no test-harness code.
 */
static pid_t
fork_writer (const char *path, int *ready_fd, int *go_fd, int linger_ms)
{
    int ready[2], go[2];
    pid_t pid;

    cr_assert_eq (pipe (ready), 0);
    cr_assert_eq (pipe (go), 0);
    pid = fork ();
    cr_assert_neq (pid, -1);
    if (pid == 0) {
        xapc_db_t *db = NULL;
        char c = 0;
        int rc = 0;

        close (ready[0]);
        close (go[1]);
        if (xapc_db_open (path, XAPC_DB_CREATE_OR_OPEN, &db) != XAPC_OK)
            rc = 1;
        if (write (ready[1], "x", 1) != 1)
            rc = 2;
        if (read (go[0], &c, 1) != 1)
            rc = 3;
        usleep (linger_ms * 1000);
        xapc_db_close (db);
        close (ready[1]);
        close (go[0]);
        _exit (rc);
    }
    close (ready[1]);
    close (go[0]);
    *ready_fd = ready[0];
    *go_fd = go[1];
    return pid;
}

static void
join_writer (pid_t pid, int ready_fd, int go_fd)
{
    int wstatus = 0;

    close (ready_fd);
    close (go_fd);
    cr_assert_eq (waitpid (pid, &wstatus, 0), pid);
    cr_expect (WIFEXITED (wstatus) && WEXITSTATUS (wstatus) == 0,
               "child status 0x%x", wstatus);
}

Test (xapian, writer_in_other_process_is_locked)
{
    xapc_db_t *db = NULL;
    int ready_fd, go_fd;
    char c;
    pid_t pid;

    xapc_db_close (open_corpus ());
    pid = fork_writer (path_in ("db"), &ready_fd, &go_fd, 0);
    cr_assert_eq (read (ready_fd, &c, 1), 1);
    cr_expect_eq (xapc_db_open (path_in ("db"), XAPC_DB_OPEN, &db),
                  XAPC_ERR_LOCKED, "%s", xapc_last_error ());
    cr_expect_null (db);
    cr_expect_neq (strstr (xapc_last_error (), "lock"), NULL, "%s",
                   xapc_last_error ());
    cr_assert_eq (write (go_fd, "x", 1), 1);
    join_writer (pid, ready_fd, go_fd);
    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_OPEN, &db), XAPC_OK);
    xapc_db_close (db);
}

Test (xapian, retry_lock_waits_for_the_writer)
{
    xapc_db_t *db = NULL;
    int ready_fd, go_fd;
    char c;
    pid_t pid;

    xapc_db_close (open_corpus ());
    pid = fork_writer (path_in ("db"), &ready_fd, &go_fd, 200);
    cr_assert_eq (read (ready_fd, &c, 1), 1);
    cr_assert_eq (write (go_fd, "x", 1), 1);
    /* The child still holds the lock for 200 ms. */
    cr_expect_eq (xapc_db_open (path_in ("db"),
                                XAPC_DB_OPEN | XAPC_DB_RETRY_LOCK
                                    | XAPC_DB_NO_SYNC,
                                &db),
                  XAPC_OK, "%s", xapc_last_error ());
    xapc_db_close (db);
    join_writer (pid, ready_fd, go_fd);
}

/* Replace docs "Q0".."Q999" with ones that differ in each 'round'. */
static void
rewrite_many (xapc_db_t *db, int round)
{
    char data[100], id[16], word[16];

    memset (data, 'a' + round, sizeof data);
    for (int i = 0; i < 1000; i++) {
        xapc_doc_t *doc = NULL;

        snprintf (id, sizeof id, "Q%d", i);
        snprintf (word, sizeof word, "r%dx%d", round, i % 50);
        cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
        cr_assert_eq (xapc_doc_add_boolean_term (doc, S (id)), XAPC_OK);
        cr_assert_eq (xapc_doc_add_posting (doc, S ("tài"), 1, 1), XAPC_OK);
        cr_assert_eq (xapc_doc_add_posting (doc, S (word), 2, 1), XAPC_OK);
        cr_assert_eq (xapc_doc_set_data (doc, data, sizeof data), XAPC_OK);
        cr_assert_eq (xapc_db_replace_by_term (db, S (id), doc, NULL),
                      XAPC_OK);
        xapc_doc_destroy (doc);
    }
    cr_assert_eq (xapc_db_commit (db), XAPC_OK);
}

Test (xapian, modified_then_reopen)
{
    xapc_db_t *writer = NULL, *reader = NULL;
    xapc_status_t st = XAPC_OK;
    struct seen s = { 0 };
    int changed = 0;

    cr_assert_eq (xapc_db_open (path_in ("db"),
                                XAPC_DB_CREATE_OR_OPEN | XAPC_DB_NO_SYNC,
                                &writer),
                  XAPC_OK);
    rewrite_many (writer, 0);
    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_READ, &reader),
                  XAPC_OK);
    /* Glass keeps the blocks of the last two revisions: two commits on,
     * the reader's blocks are reused and reading them fails. */
    for (int round = 1; round < 6 && st == XAPC_OK; round++) {
        rewrite_many (writer, round);
        memset (&s, 0, sizeof s);
        st = xapc_db_postlist (reader, S ("tài"), see_docid, &s);
    }
    cr_expect_eq (st, XAPC_ERR_MODIFIED, "%s", xapc_status_string (st));
    cr_expect_neq (strstr (xapc_last_error (), "reopen"), NULL, "%s",
                   xapc_last_error ());
    cr_expect_neq (strstr (xapc_last_error (), path_in ("db")), NULL, "%s",
                   xapc_last_error ());

    cr_assert_eq (xapc_db_reopen (reader, &changed), XAPC_OK);
    cr_expect (changed);
    memset (&s, 0, sizeof s);
    cr_expect_eq (xapc_db_postlist (reader, S ("tài"), see_docid, &s),
                  XAPC_OK, "%s", xapc_last_error ());
    cr_expect_eq (s.n, 1000);
    cr_assert_eq (xapc_db_reopen (reader, &changed), XAPC_OK);
    cr_expect_not (changed);
    xapc_db_close (reader);
    xapc_db_close (writer);
}

Test (xapian, writes_on_read_only)
{
    xapc_db_t *db = NULL;
    xapc_doc_t *doc = NULL;
    xapc_docid_t docid = 7;

    xapc_db_close (open_corpus ());
    cr_assert_eq (xapc_db_open (path_in ("db"), XAPC_DB_READ, &db), XAPC_OK);
    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_expect_eq (xapc_db_commit (db), XAPC_ERR_READ_ONLY);
    cr_expect_neq (strstr (xapc_last_error (), "read-only"), NULL, "%s",
                   xapc_last_error ());
    cr_expect_eq (xapc_db_begin_transaction (db, 1), XAPC_ERR_READ_ONLY);
    cr_expect_eq (xapc_db_commit_transaction (db), XAPC_ERR_READ_ONLY);
    cr_expect_eq (xapc_db_cancel_transaction (db), XAPC_ERR_READ_ONLY);
    cr_expect_eq (xapc_db_set_metadata (db, S ("k"), S ("v")),
                  XAPC_ERR_READ_ONLY);
    cr_expect_eq (xapc_db_replace_by_term (db, S ("Qa"), doc, &docid),
                  XAPC_ERR_READ_ONLY);
    cr_expect_eq (docid, 0);
    cr_expect_eq (xapc_db_add_document (db, doc, NULL), XAPC_ERR_READ_ONLY);
    cr_expect_eq (xapc_db_delete_by_term (db, S ("Qa")), XAPC_ERR_READ_ONLY);
    cr_expect_eq (xapc_db_delete_document (db, 1), XAPC_ERR_READ_ONLY);
    xapc_doc_destroy (doc);
    xapc_db_close (db);
}

Test (xapian, bad_flags)
{
    static const int bad[] = {
        4, 0xff, 0x800, XAPC_DB_READ | XAPC_DB_RETRY_LOCK,
        XAPC_DB_READ | XAPC_DB_NO_SYNC, -1,
    };
    xapc_db_t *db = NULL;

    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        cr_expect_eq (xapc_db_open (path_in ("db"), bad[i], &db),
                      XAPC_ERR_INVALID_ARGUMENT, "flags 0x%x", bad[i]);
        cr_expect_null (db);
    }
    cr_expect_neq (strstr (xapc_last_error (), "flags"), NULL, "%s",
                   xapc_last_error ());
}

Test (xapian, bad_terms)
{
    xapc_db_t *db = open_corpus ();
    xapc_doc_t *doc = NULL;
    xapc_query_t *q = (xapc_query_t *) 1;
    char long_term[XAPC_MAX_TERM_BYTES + 2];
    uint32_t count;

    memset (long_term, 'a', sizeof long_term);
    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_expect_eq (xapc_doc_add_term (doc, long_term, XAPC_MAX_TERM_BYTES, 1),
                  XAPC_OK);
    cr_expect_eq (xapc_doc_add_term (doc, long_term, XAPC_MAX_TERM_BYTES + 1,
                                     1),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_neq (strstr (xapc_last_error (), "245"), NULL, "%s",
                   xapc_last_error ());
    cr_expect_eq (xapc_doc_add_posting (doc, long_term, sizeof long_term, 1,
                                        1),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (xapc_doc_add_boolean_term (doc, "", 0),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (xapc_doc_add_posting (doc, NULL, 3, 1, 1),
                  XAPC_ERR_INVALID_ARGUMENT);
    /* The longest allowed term is stored and found again. */
    cr_assert_eq (xapc_db_add_document (db, doc, NULL), XAPC_OK);
    cr_assert_eq (xapc_db_commit (db), XAPC_OK, "%s", xapc_last_error ());
    cr_assert_eq (xapc_db_termfreq (db, long_term, XAPC_MAX_TERM_BYTES,
                                    &count),
                  XAPC_OK);
    cr_expect_eq (count, 1);
    xapc_doc_destroy (doc);

    cr_expect_eq (xapc_query_term ("", 0, 1, 0, &q),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_null (q);
    cr_expect_eq (xapc_query_term (long_term, sizeof long_term, 1, 0, &q),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (xapc_db_termfreq (db, "", 0, &count),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (xapc_db_replace_by_term (db, "", 0, doc, NULL),
                  XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (xapc_db_delete_by_term (db, long_term, sizeof long_term),
                  XAPC_ERR_INVALID_ARGUMENT);
    xapc_db_close (db);
}

Test (xapian, null_arguments)
{
    xapc_db_t *db = open_corpus ();
    xapc_doc_t *doc = NULL;
    xapc_query_t *q = NULL, *t = term ("tài");
    xapc_query_t *with_null[2] = { t, NULL };
    xapc_enquire_t *enq = NULL;
    xapc_mset_t *mset = NULL;
    struct seen s = { 0 };
    const char *p;
    char *str;
    size_t len;
    uint32_t u, l, e;
    int spy;

    cr_assert_eq (xapc_doc_new (&doc), XAPC_OK);
    cr_assert_eq (xapc_enquire_new (db, &enq), XAPC_OK);

    const xapc_status_t statuses[] = {
        xapc_db_open (NULL, XAPC_DB_READ, &(xapc_db_t *) { NULL }),
        xapc_db_open (path_in ("db"), XAPC_DB_READ, NULL),
        xapc_db_reopen (NULL, NULL),
        xapc_db_commit (NULL),
        xapc_db_begin_transaction (NULL, 0),
        xapc_db_commit_transaction (NULL),
        xapc_db_cancel_transaction (NULL),
        xapc_db_doccount (NULL, &u),
        xapc_db_doccount (db, NULL),
        xapc_db_termfreq (NULL, S ("a"), &u),
        xapc_db_termfreq (db, S ("a"), NULL),
        xapc_db_find_by_term (db, S ("a"), NULL),
        xapc_db_allterms (NULL, NULL, 0, see_term, &s),
        xapc_db_allterms (db, NULL, 0, NULL, &s),
        xapc_db_allterms (db, NULL, 3, see_term, &s),
        xapc_db_postlist (NULL, S ("a"), see_docid, &s),
        xapc_db_postlist (db, S ("a"), NULL, &s),
        xapc_db_values (NULL, 0, see_value, &s),
        xapc_db_values (db, 0, NULL, &s),
        xapc_db_get_metadata (NULL, S ("k"), &str, &len),
        xapc_db_get_metadata (db, S ("k"), NULL, &len),
        xapc_db_set_metadata (NULL, S ("k"), S ("v")),
        xapc_db_set_metadata (db, S ("k"), NULL, 1),
        xapc_db_get_document (NULL, 1, &(xapc_doc_t *) { NULL }),
        xapc_db_get_document (db, 1, NULL),
        xapc_db_replace_by_term (NULL, S ("Qa"), doc, NULL),
        xapc_db_replace_by_term (db, S ("Qa"), NULL, NULL),
        xapc_db_add_document (NULL, doc, NULL),
        xapc_db_add_document (db, NULL, NULL),
        xapc_db_delete_by_term (NULL, S ("Qa")),
        xapc_db_delete_document (NULL, 1),
        xapc_doc_new (NULL),
        xapc_doc_add_posting (NULL, S ("a"), 1, 1),
        xapc_doc_add_term (NULL, S ("a"), 1),
        xapc_doc_add_boolean_term (NULL, S ("a")),
        xapc_doc_set_value (NULL, 0, S ("v")),
        xapc_doc_set_value (doc, 0, NULL, 2),
        xapc_doc_set_data (NULL, S ("d")),
        xapc_doc_set_data (doc, NULL, 2),
        xapc_doc_get_data (NULL, &p, &len),
        xapc_doc_get_data (doc, NULL, &len),
        xapc_doc_get_value (NULL, 0, &p, &len),
        xapc_doc_get_value (doc, 0, &p, NULL),
        xapc_doc_terms (NULL, NULL, 0, see_term, &s),
        xapc_doc_terms (doc, NULL, 0, NULL, &s),
        xapc_query_term (S ("a"), 1, 0, NULL),
        xapc_query_combine (XAPC_OP_AND, NULL, 2, 0, &q),
        xapc_query_combine (XAPC_OP_AND, with_null, 2, 0, &q),
        xapc_query_combine (XAPC_OP_MAX, with_null, 1, 0, &q),
        xapc_query_combine (XAPC_OP_AND, with_null, 1, 0, NULL),
        xapc_query_value_range (0, NULL, 0, NULL, 0, NULL),
        xapc_query_scale (NULL, 1.0, &q),
        xapc_query_scale (t, 1.0, NULL),
        xapc_query_wildcard (NULL, 2, &q),
        xapc_query_match_all (NULL),
        xapc_query_match_nothing (NULL),
        xapc_query_parse (db, NULL, 3, NULL, 0, 0, XAPC_OP_AND, &q),
        xapc_query_parse (db, S ("a"), NULL, 1, 0, XAPC_OP_AND, &q),
        xapc_query_parse (db, S ("a"), &(xapc_prefix_t) { NULL, "S", 0 }, 1,
                          0, XAPC_OP_AND, &q),
        xapc_query_parse (db, S ("a"), NULL, 0, 0, XAPC_OP_AND, NULL),
        xapc_query_describe (NULL, &str),
        xapc_query_describe (t, NULL),
        xapc_enquire_new (NULL, &(xapc_enquire_t *) { NULL }),
        xapc_enquire_new (db, NULL),
        xapc_enquire_set_query (NULL, t),
        xapc_enquire_set_query (enq, NULL),
        xapc_enquire_set_weighting (NULL, XAPC_WEIGHT_BOOL),
        xapc_enquire_set_weighting (enq, (xapc_weight_t) 9),
        xapc_enquire_sort_by_value (NULL, 0, 0),
        xapc_enquire_collapse (NULL, 0),
        xapc_enquire_add_value_spy (NULL, 0, &spy),
        xapc_enquire_add_value_spy (enq, 0, NULL),
        xapc_enquire_spy_values (NULL, 0, see_term, &s),
        xapc_enquire_get_mset (NULL, 0, 10, 0, &mset),
        xapc_enquire_get_mset (enq, 0, 10, 0, NULL),
        xapc_enquire_matching_terms (NULL, 1, see_term, &s),
        xapc_enquire_matching_terms (enq, 1, NULL, &s),
        xapc_mset_document (NULL, 0, &(xapc_doc_t *) { NULL }),
    };

    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        cr_expect_eq (statuses[i], XAPC_ERR_INVALID_ARGUMENT,
                      "call %zu: %s", i, xapc_status_string (statuses[i]));
    cr_expect_gt (strlen (xapc_last_error ()), 0);
    cr_expect_null (q);
    cr_expect_null (mset);

    /* Calls that return no status cope with NULL too. */
    cr_expect_eq (xapc_db_is_writable (NULL), 0);
    cr_expect_eq (xapc_doc_id (NULL), 0);
    cr_expect (xapc_query_is_empty (NULL));
    cr_expect_eq (xapc_mset_size (NULL), 0);
    cr_expect_eq (xapc_mset_docid (NULL, 0), 0);
    cr_expect_eq (xapc_mset_weight (NULL, 0), 0.0);
    xapc_mset_counts (NULL, &l, &e, &u);
    cr_expect_eq (l + e + u, 0);
    xapc_mset_counts (NULL, NULL, NULL, NULL);
    xapc_db_close (NULL);
    xapc_doc_destroy (NULL);
    xapc_query_destroy (NULL);
    xapc_enquire_destroy (NULL);
    xapc_mset_destroy (NULL);
    xapc_free (NULL);

    xapc_query_destroy (t);
    xapc_enquire_destroy (enq);
    xapc_doc_destroy (doc);
    xapc_db_close (db);
}

Test (xapian, last_error_is_per_failure)
{
    xapc_db_t *db = NULL;

    cr_expect_eq (xapc_db_open (path_in ("a"), XAPC_DB_READ, &db),
                  XAPC_ERR_NOT_FOUND);
    cr_expect_neq (strstr (xapc_last_error (), "'"), NULL);
    cr_expect_neq (strstr (xapc_last_error (), path_in ("a")), NULL);
    /* A success leaves the message alone... */
    db = open_corpus ();
    cr_expect_neq (strstr (xapc_last_error (), path_in ("a")), NULL);
    /* ...the next failure replaces it. */
    cr_expect_eq (xapc_db_commit (NULL), XAPC_ERR_INVALID_ARGUMENT);
    cr_expect_eq (strstr (xapc_last_error (), path_in ("a")), NULL, "%s",
                  xapc_last_error ());
    cr_expect_neq (strstr (xapc_last_error (), "xapc_db_commit"), NULL, "%s",
                   xapc_last_error ());
    xapc_db_close (db);
}

Test (xapian, compact)
{
    xapc_db_t *db = open_corpus ();
    xapc_db_t *copy = NULL;
    uint32_t n = 0, m = 0;
    char dest[256];

    snprintf (dest, sizeof dest, "%s", path_in ("compact"));
    cr_assert_eq (xapc_db_doccount (db, &n), XAPC_OK);
    cr_assert_eq (xapc_db_compact (db, dest), XAPC_OK, "%s", xapc_last_error ());
    cr_assert_eq (xapc_db_open (dest, XAPC_DB_READ, &copy), XAPC_OK);
    cr_assert_eq (xapc_db_doccount (copy, &m), XAPC_OK);
    cr_expect_eq (m, n);
    xapc_db_close (copy);
    /* The destination must be new. */
    cr_expect_neq (xapc_db_compact (db, dest), XAPC_OK);
    cr_expect_eq (xapc_db_compact (db, NULL), XAPC_ERR_INVALID_ARGUMENT);
    xapc_db_close (db);
}
