/*
 * xapian-shim.cc: the C binding of libxapian declared in
 * include/tracuu/xapian-c.h. The only file that includes <xapian.h>.
 *
 * Every extern "C" function checks its arguments, then runs its body in
 * one try block whose catch calls map_exception(), so no C++ exception
 * ever reaches C. Failures leave a message in a thread-local string.
 */
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <xapian.h>

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <sstream>
#include <string>
#include <vector>

#include "tracuu/xapian-c.h"

struct xapc_db {
    Xapian::Database *db = nullptr;          /* Owned; also the writer. */
    Xapian::WritableDatabase *wdb = nullptr; /* Same object, or NULL. */
    std::string path;                        /* For error messages. */
    struct stat opened {};                   /* The directory opened, to
                                              * see it replaced. */
    bool remote = false;                     /* Is or holds a remote
                                              * database. */

    ~xapc_db () { delete db; }
};

struct xapc_doc {
    Xapian::Document *doc = nullptr;
    std::string data;   /* Backs the pointer of xapc_doc_get_data(). */
    std::string value;  /* Backs the pointer of xapc_doc_get_value(). */

    ~xapc_doc () { delete doc; }
};

struct xapc_query {
    Xapian::Query *q = nullptr;

    ~xapc_query () { delete q; }
};

/* Thrown by a deadline_spy out of a match whose deadline passed. */
struct deadline_passed {};

/* Called for every match: reads the clock every 64 of them and ends the
 * match by throwing once the deadline has passed. Xapian's own
 * set_time_limit() only stops the exact count of check_at_least, not a
 * match that must list every document. */
class deadline_spy : public Xapian::MatchSpy {
  public:
    struct timespec deadline {};
    bool active = false;
    unsigned calls = 0;

    void operator() (const Xapian::Document &, double) override
    {
        struct timespec now;

        if ((calls++ & 63) != 0)
            return;
        clock_gettime (CLOCK_MONOTONIC, &now);
        if (now.tv_sec > deadline.tv_sec
            || (now.tv_sec == deadline.tv_sec && now.tv_nsec >= deadline.tv_nsec))
            throw deadline_passed ();
    }

    std::string name () const override { return "tracuu::deadline_spy"; }
};

struct xapc_enquire {
    Xapian::Enquire *enq = nullptr;
    xapc_db_t *db = nullptr;                      /* Borrowed. */
    std::vector<Xapian::valueno> spy_slots;
    std::vector<Xapian::ValueCountMatchSpy *> spies; /* Owned; the
                                                      * Enquire only
                                                      * points at them. */
    std::unique_ptr<deadline_spy> deadline;         /* Likewise; kept
                                                      * once made. */

    ~xapc_enquire ()
    {
        delete enq;     /* First: it points at the spies. */
        for (Xapian::ValueCountMatchSpy *spy : spies)
            delete spy;
    }
};

struct xapc_mset {
    Xapian::MSet *mset = nullptr;
    std::string sort_key;       /* The last xapc_mset_sort_key(). */

    ~xapc_mset () { delete mset; }
};

extern char **environ;

/* A plain array, not a std::string: a thread_local with a destructor
 * makes glibc register one on the thread's first use, which aborts the
 * program when memory has run out ("failed to register TLS
 * destructor"), the one time the message matters most. */
static thread_local char last_error[1024];

/*
 * Record "action 'path': detail" (or "action: detail" when 'path' is
 * NULL) as the last error and return 'status'. Never throws and never
 * allocates (messages are cut at 1 KB).
 */
static xapc_status_t
fail (xapc_status_t status, const char *action, const char *path,
      const char *detail) noexcept
{
    if (path != nullptr)
        snprintf (last_error, sizeof last_error, "%s '%s': %s", action, path,
                  detail);
    else
        snprintf (last_error, sizeof last_error, "%s: %s", action, detail);
    return status;
}

/* As fail(), with a printf-style detail. */
static xapc_status_t __attribute__ ((format (printf, 4, 5)))
failf (xapc_status_t status, const char *action, const char *path,
       const char *format, ...) noexcept
{
    char detail[256];
    va_list ap;

    va_start (ap, format);
    vsnprintf (detail, sizeof detail, format, ap);
    va_end (ap);
    return fail (status, action, path, detail);
}

/*
 * Call only from inside a catch block: rethrow the exception in flight,
 * sort it into a status and record its description, prefixed by
 * 'action' and 'path' as fail() does.
 */
static xapc_status_t
map_exception (const char *action, const char *path) noexcept
{
    xapc_status_t status = XAPC_ERR_OTHER;
    std::string detail;

    try {
        try {
            throw;
        } catch (const Xapian::DatabaseLockError &e) {
            /* Also raised when the lock file cannot be created: only
             * "already locked" is another writer. */
            detail = e.get_description ();
            status = detail.find ("already locked") != std::string::npos
                     ? XAPC_ERR_LOCKED : XAPC_ERR_ACCESS;
        } catch (const Xapian::DatabaseNotFoundError &e) {
            /* Before DatabaseOpeningError, its base class. */
            status = XAPC_ERR_NOT_FOUND;
            detail = e.get_description ();
        } catch (const Xapian::DocNotFoundError &e) {
            status = XAPC_ERR_NOT_FOUND;
            detail = e.get_description ();
        } catch (const Xapian::DatabaseModifiedError &e) {
            status = XAPC_ERR_MODIFIED;
            detail = e.get_description ();
        } catch (const Xapian::DatabaseCorruptError &e) {
            status = XAPC_ERR_CORRUPT;
            detail = e.get_description ();
        } catch (const Xapian::DatabaseOpeningError &e) {
            /* Also DatabaseVersionError, a subclass. */
            status = XAPC_ERR_CORRUPT;
            detail = e.get_description ();
        } catch (const Xapian::DatabaseCreateError &e) {
            status = XAPC_ERR_OTHER;
            detail = e.get_description ();
        } catch (const Xapian::DatabaseError &e) {
            /* What reading damaged tables raises besides
             * DatabaseCorruptError ("item ends outside block"...). */
            status = XAPC_ERR_CORRUPT;
            detail = e.get_description ();
        } catch (const Xapian::RangeError &e) {
            /* A damaged value or posting read as a number. */
            status = XAPC_ERR_CORRUPT;
            detail = e.get_description ();
        } catch (const Xapian::SerialisationError &e) {
            status = XAPC_ERR_CORRUPT;
            detail = e.get_description ();
        } catch (const Xapian::NetworkError &e) {
            /* Also NetworkTimeoutError, a subclass. */
            status = XAPC_ERR_NETWORK;
            detail = e.get_description ();
        } catch (const Xapian::InvalidArgumentError &e) {
            status = XAPC_ERR_INVALID_ARGUMENT;
            detail = e.get_description ();
        } catch (const Xapian::QueryParserError &e) {
            status = XAPC_ERR_QUERY;
            detail = e.get_description ();
        } catch (const Xapian::Error &e) {
            status = XAPC_ERR_OTHER;
            detail = e.get_description ();
        } catch (const std::bad_alloc &) {
            status = XAPC_ERR_NOMEM;
            detail = "out of memory";
        } catch (const std::exception &e) {
            status = XAPC_ERR_OTHER;
            detail = std::string ("C++ exception: ") + e.what ();
        } catch (...) {
            status = XAPC_ERR_OTHER;
            detail = "unknown C++ exception";
        }
    } catch (...) {
        /* Building the description ran out of memory. */
        return fail (status, action, path, "out of memory");
    }
    return fail (status, action, path, detail.c_str ());
}

/* NULL if 'term' is a usable term, else why not. */
static const char *
term_problem (const char *term, size_t len) noexcept
{
    if (term == nullptr)
        return "NULL term";
    if (len == 0)
        return "empty term";
    if (len > XAPC_MAX_TERM_BYTES)
        return "term longer than 245 bytes";
    return nullptr;
}

/* A (pointer, length) string: NULL is allowed only with length 0. */
static inline bool
str_ok (const char *s, size_t len) noexcept
{
    return s != nullptr || len == 0;
}

static inline std::string
str (const char *s, size_t len)
{
    return len ? std::string (s, len) : std::string ();
}

/* A malloc()ed NUL-terminated copy of 's', or NULL. */
static char *
dup_string (const std::string &s) noexcept
{
    char *p = static_cast<char *> (malloc (s.size () + 1));

    if (p != nullptr) {
        memcpy (p, s.data (), s.size ());
        p[s.size ()] = '\0';
    }
    return p;
}

static xapc_status_t
null_argument (const char *func) noexcept
{
    return fail (XAPC_ERR_INVALID_ARGUMENT, func, nullptr,
                 "NULL or invalid argument");
}

static xapc_status_t
read_only (const xapc_db_t *db, const char *action) noexcept
{
    return fail (XAPC_ERR_READ_ONLY, action, db->path.c_str (),
                 "database was opened read-only");
}

/*
 * Run 'op' on the writable database: what every writing call shares once
 * its arguments are checked (refusal on a read-only database, exceptions
 * mapped to a status), with 'action' naming it in messages.
 */
template <typename Op>
static xapc_status_t
write_op (xapc_db_t *db, const char *action, Op op) noexcept
{
    if (db->wdb == nullptr)
        return read_only (db, action);
    try {
        op (*db->wdb);
        return XAPC_OK;
    } catch (...) {
        return map_exception (action, db->path.c_str ());
    }
}

static xapc_status_t
new_doc (const Xapian::Document &doc, xapc_doc_t **out)
{
    std::unique_ptr<xapc_doc_t> handle (new xapc_doc_t);

    handle->doc = new Xapian::Document (doc);
    *out = handle.release ();
    return XAPC_OK;
}

static xapc_status_t
new_query (const Xapian::Query &q, xapc_query_t **out)
{
    std::unique_ptr<xapc_query_t> handle (new xapc_query_t);

    handle->q = new Xapian::Query (q);
    *out = handle.release ();
    return XAPC_OK;
}

/* ---------------------------------------------------------------- */
/* Errors and versions                                              */

extern "C" const char *
xapc_status_string (xapc_status_t status)
{
    switch (status) {
    case XAPC_OK:
        return "success";
    case XAPC_ERR_NOMEM:
        return "out of memory";
    case XAPC_ERR_INVALID_ARGUMENT:
        return "invalid argument";
    case XAPC_ERR_NOT_FOUND:
        return "not found";
    case XAPC_ERR_LOCKED:
        return "database is locked by another writer";
    case XAPC_ERR_CORRUPT:
        return "database is corrupt or unusable";
    case XAPC_ERR_MODIFIED:
        return "database was modified: reopen and retry";
    case XAPC_ERR_QUERY:
        return "query syntax error";
    case XAPC_ERR_READ_ONLY:
        return "database is read-only";
    case XAPC_ERR_ACCESS:
        return "database cannot be written (permission, read-only file system)";
    case XAPC_ERR_OTHER:
        return "Xapian error";
    case XAPC_ERR_NETWORK:
        return "a remote database cannot be reached";
    case XAPC_ERR_TIMEOUT:
        return "the time limit ran out";
    case XAPC_STATUS_LAST:
        break;
    }
    return "unknown status";
}

extern "C" const char *
xapc_last_error (void)
{
    return last_error;
}

extern "C" const char *
xapc_xapian_version (void)
{
    return Xapian::version_string ();
}

static xapc_fatal_fn fatal_handler;

/* std::terminate: the exception escaped a noexcept frame in libxapian
 * (or none is active: a throw there was rethrown outside a handler). */
static void
on_terminate () noexcept
{
    char reason[1024];
    int saved = errno;

    snprintf (reason, sizeof reason, "Xapian stopped while writing (%s)",
              strerror (saved));
    try {
        std::exception_ptr e = std::current_exception ();

        if (e)
            std::rethrow_exception (e);
    } catch (const Xapian::Error &e) {
        snprintf (reason, sizeof reason, "%s", e.get_description ().c_str ());
    } catch (const std::exception &e) {
        snprintf (reason, sizeof reason, "C++ exception: %s", e.what ());
    } catch (...) {
        /* The reason above. */
    }
    if (fatal_handler != nullptr)
        fatal_handler (reason);
    abort ();
}

extern "C" void
xapc_set_fatal_handler (xapc_fatal_fn fn)
{
    fatal_handler = fn;
    std::set_terminate (fn != nullptr ? on_terminate : nullptr);
}

extern "C" void
xapc_free (void *p)
{
    free (p);
}

/* ---------------------------------------------------------------- */
/* Databases                                                        */

extern "C" xapc_status_t
xapc_db_open (const char *path, int flags, xapc_db_t **out)
{
    const int extra_flags = XAPC_DB_RETRY_LOCK | XAPC_DB_NO_SYNC
                            | XAPC_DB_FULL_SYNC;
    int mode = flags & 0xff;
    int extra = flags & ~0xff;

    if (out != nullptr)
        *out = nullptr;
    if (path == nullptr || out == nullptr)
        return null_argument (__func__);
    if (mode > XAPC_DB_OPEN || (extra & ~extra_flags) != 0)
        return failf (XAPC_ERR_INVALID_ARGUMENT, "cannot open database", path,
                      "invalid flags 0x%x", static_cast<unsigned> (flags));
    if (mode == XAPC_DB_READ && extra != 0)
        return failf (XAPC_ERR_INVALID_ARGUMENT, "cannot open database", path,
                      "flags 0x%x apply only to a writable database",
                      static_cast<unsigned> (extra));
    try {
        std::unique_ptr<xapc_db_t> db (new xapc_db_t);

        db->path = path;
        if (stat (path, &db->opened) != 0)
            memset (&db->opened, 0, sizeof db->opened);
        if (mode == XAPC_DB_READ) {
            db->db = new Xapian::Database (db->path);
            /* An empty file is a valid stub listing no database, which
             * opens but cannot be searched. */
            if (db->db->size () == 0)
                return fail (XAPC_ERR_CORRUPT, "cannot open database", path,
                             "not a database (a stub file listing none)");
        } else {
            int xflags = 0;

            switch (mode) {
            case XAPC_DB_CREATE_OR_OPEN:
                xflags = Xapian::DB_CREATE_OR_OPEN;
                break;
            case XAPC_DB_CREATE_OR_OVERWRITE:
                xflags = Xapian::DB_CREATE_OR_OVERWRITE;
                break;
            default:
                xflags = Xapian::DB_OPEN;
                break;
            }
            if (flags & XAPC_DB_RETRY_LOCK)
                xflags |= Xapian::DB_RETRY_LOCK;
            if (flags & XAPC_DB_NO_SYNC)
                xflags |= Xapian::DB_NO_SYNC;
            if (flags & XAPC_DB_FULL_SYNC)
                xflags |= Xapian::DB_FULL_SYNC;
            db->wdb = new Xapian::WritableDatabase (db->path, xflags);
            db->db = db->wdb;
        }
        *out = db.release ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot open database", path);
    }
}

extern "C" xapc_status_t
xapc_db_open_remote (const char *host, unsigned port, unsigned timeout_ms,
                     xapc_db_t **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (host == nullptr || out == nullptr)
        return null_argument (__func__);
    if (*host == '\0' || port == 0 || port > 65535)
        return failf (XAPC_ERR_INVALID_ARGUMENT, "cannot open database", host,
                      "a remote database needs a host and a port (1-65535)");
    std::string where;
    try {
        std::unique_ptr<xapc_db_t> db (new xapc_db_t);

        where = std::string (host) + ":" + std::to_string (port);
        db->path = where;
        if (timeout_ms > 0)
            db->db = new Xapian::Database (Xapian::Remote::open (
                host, port, timeout_ms, timeout_ms));
        else
            db->db = new Xapian::Database (Xapian::Remote::open (host, port));
        db->remote = true;
        *out = db.release ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot open database", where.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_new_sharded (xapc_db_t **out)
{
    if (out == nullptr)
        return null_argument (__func__);
    *out = nullptr;
    try {
        std::unique_ptr<xapc_db_t> db (new xapc_db_t);

        db->db = new Xapian::Database ();
        *out = db.release ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot open database", nullptr);
    }
}

extern "C" xapc_status_t
xapc_db_add_shard (xapc_db_t *db, xapc_db_t *shard)
{
    if (db == nullptr || shard == nullptr)
        return null_argument (__func__);
    if (db->wdb != nullptr || shard->wdb != nullptr)
        return failf (XAPC_ERR_INVALID_ARGUMENT, "cannot add a shard",
                      shard->path.c_str (), "shards are read, never written");
    try {
        db->db->add_database (*shard->db);
        db->remote |= shard->remote;
        /* Deleting the handle, not closing it, leaves the shard open
         * for 'db', which shares it. */
        delete shard;
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot add a shard", shard->path.c_str ());
    }
}

extern "C" size_t
xapc_db_shard_count (const xapc_db_t *db)
{
    if (db == nullptr)
        return 0;
    try {
        return db->db->size ();
    } catch (...) {
        return 0;
    }
}

extern "C" void
xapc_db_close (xapc_db_t *db)
{
    if (db == nullptr)
        return;
    try {
        /* Commits a writer, or cancels its transaction. */
        db->db->close ();
    } catch (...) {
        /* Documented: errors while closing are ignored. */
    }
    delete db;
}

extern "C" int
xapc_db_is_writable (const xapc_db_t *db)
{
    return db != nullptr && db->wdb != nullptr;
}

extern "C" xapc_status_t
xapc_db_reopen (xapc_db_t *db, int *changed_out)
{
    if (changed_out != nullptr)
        *changed_out = 0;
    if (db == nullptr)
        return null_argument (__func__);
    try {
        struct stat now;
        bool changed;

        /* A compaction puts another directory at the path: reopen()
         * would mix the tables it has open with the new one's, so the
         * database is opened again from its path. */
        if (db->wdb == nullptr && stat (db->path.c_str (), &now) == 0
            && (now.st_dev != db->opened.st_dev
                || now.st_ino != db->opened.st_ino)) {
            Xapian::Database *fresh = new Xapian::Database (db->path);

            delete db->db;
            db->db = fresh;
            db->opened = now;
            changed = true;
        } else {
            changed = db->db->reopen ();
        }
        if (changed_out != nullptr)
            *changed_out = changed;
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot reopen database", db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_revision (xapc_db_t *db, char *buf, size_t size)
{
    if (db == nullptr || buf == nullptr || size == 0)
        return null_argument (__func__);
    *buf = '\0';
    try {
        int n;

        if (db->remote || db->db->size () != 1)
            return fail (XAPC_ERR_INVALID_ARGUMENT,
                         "cannot read the revision of database",
                         db->path.c_str (), "it is remote or made of shards");
        n = snprintf (buf, size, "%llu:%llu:%s:%llu",
                      static_cast<unsigned long long> (db->opened.st_dev),
                      static_cast<unsigned long long> (db->opened.st_ino),
                      db->db->get_uuid ().c_str (),
                      static_cast<unsigned long long> (db->db->get_revision ()));
        if (n < 0 || static_cast<size_t> (n) >= size) {
            *buf = '\0';
            return fail (XAPC_ERR_INVALID_ARGUMENT,
                         "cannot read the revision of database",
                         db->path.c_str (), "the buffer is too small");
        }
        return XAPC_OK;
    } catch (...) {
        *buf = '\0';
        return map_exception ("cannot read the revision of database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_commit (xapc_db_t *db)
{
    if (db == nullptr)
        return null_argument (__func__);
    return write_op (db, "cannot commit database",
                     [] (Xapian::WritableDatabase &w) { w.commit (); });
}

/* In the child of xapc_db_check(): check, write "errors\n" and the
 * report (or "E message") to 'fd', and exit. */
static void __attribute__ ((noreturn))
check_child (const char *path, int fd)
{
    std::string result;

    try {
        std::ostringstream out;
        size_t errors = Xapian::Database::check (path, 0, &out);

        result = std::to_string (errors) + "\n" + out.str ();
    } catch (const Xapian::Error &e) {
        result = "E " + e.get_description ();
    } catch (const std::exception &e) {
        result = std::string ("E ") + e.what ();
    } catch (...) {
        result = "E unknown C++ exception";
    }
    for (size_t done = 0; done < result.size ();) {
        ssize_t n = write (fd, result.data () + done, result.size () - done);

        if (n <= 0 && errno != EINTR)
            break;
        if (n > 0)
            done += (size_t) n;
    }
    _exit (0);
}

/* All that can be read from 'fd' until its end, appended to 'out'. */
static void
read_all (int fd, std::string &out)
{
    char chunk[4096];
    ssize_t n;

    try {
        while ((n = read (fd, chunk, sizeof chunk)) != 0) {
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                break;
            out.append (chunk, (size_t) n);
        }
    } catch (...) {
        out.clear ();
    }
}

/* The check by the xapian-check program, its output in 'out'. Returns 0,
 * or ENOENT when the program is not installed. */
static int
run_xapian_check (const char *path, std::string &out, int *wstatus)
{
    posix_spawn_file_actions_t actions;
    char *argv[] = { const_cast<char *> ("xapian-check"),
                     const_cast<char *> (path), nullptr };
    int fds[2], rc;
    pid_t pid;

    if (pipe2 (fds, O_CLOEXEC) != 0)
        return errno;
    posix_spawn_file_actions_init (&actions);
    posix_spawn_file_actions_addopen (&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2 (&actions, fds[1], 1);
    posix_spawn_file_actions_adddup2 (&actions, fds[1], 2);
    rc = posix_spawnp (&pid, "xapian-check", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy (&actions);
    close (fds[1]);
    if (rc == 0)
        read_all (fds[0], out);
    close (fds[0]);
    if (rc != 0)
        return rc;
    while (waitpid (pid, wstatus, 0) < 0 && errno == EINTR)
        ;
    return 0;
}

/* The same check by the library's Database::check() in a forked child,
 * which writes "errors\n" and the report, or "E reason". */
static int
run_library_check (const char *path, std::string &out, int *wstatus)
{
    int fds[2];
    pid_t pid;

    if (pipe (fds) != 0)
        return errno;
    pid = fork ();
    if (pid < 0) {
        close (fds[0]);
        close (fds[1]);
        return errno;
    }
    if (pid == 0) {
        close (fds[0]);
        check_child (path, fds[1]);
    }
    close (fds[1]);
    read_all (fds[0], out);
    close (fds[0]);
    while (waitpid (pid, wstatus, 0) < 0 && errno == EINTR)
        ;
    return 0;
}

extern "C" xapc_status_t
xapc_db_check (const char *path, size_t *errors_out, char **report_out)
{
    struct stat st;
    int wstatus = 0, rc;
    std::string result;
    size_t at;

    if (errors_out != nullptr)
        *errors_out = 0;
    if (report_out != nullptr)
        *report_out = nullptr;
    if (path == nullptr || errors_out == nullptr || report_out == nullptr)
        return null_argument (__func__);
    if (stat (path, &st) != 0)
        return fail (XAPC_ERR_NOT_FOUND, "cannot check database", path,
                     "no such file or directory");
    /* Xapian's check reads damaged tables as they are and can crash on
     * them (libxapian 1.4 does), so it runs in another process, whose
     * death says the database is damaged rather than ending the program:
     * xapian-check, or where it is not installed the library's check in
     * a forked child. */
    try {
        rc = run_xapian_check (path, result, &wstatus);
        if (rc == ENOENT) {
            result.clear ();
            rc = run_library_check (path, result, &wstatus);
        } else if (rc == 0 && WIFEXITED (wstatus)) {
            /* Its last line says "No errors found", "Total errors found:
             * N", or "xapian-check: Error: reason" when it gave up. */
            if ((at = result.rfind ("xapian-check: ")) != std::string::npos)
                result = "E " + result.substr (at + 14);
            else if ((at = result.rfind ("Total errors found: "))
                     != std::string::npos)
                result = result.substr (at + 20) + "\n" + result.substr (0, at);
            else
                result = "0\n";
        }
    } catch (...) {
        return map_exception ("cannot check database", path);
    }
    if (rc != 0)
        return failf (XAPC_ERR_OTHER, "cannot check database", path,
                      "cannot run the check: %s", strerror (rc));
    if (WIFSIGNALED (wstatus))
        return failf (XAPC_ERR_CORRUPT, "cannot check database", path,
                      "Xapian's check of it was killed by signal %d (%s)",
                      WTERMSIG (wstatus), strsignal (WTERMSIG (wstatus)));
    while (!result.empty () && (result.back () == '\n' || result.back () == ' '))
        result.pop_back ();
    if (result.compare (0, 2, "E ") == 0)
        return fail (XAPC_ERR_CORRUPT, "cannot check database", path,
                     result.c_str () + 2);
    if (result.empty () || !isdigit ((unsigned char) result[0]))
        return fail (XAPC_ERR_OTHER, "cannot check database", path,
                     "the check gave no answer");
    *errors_out = strtoull (result.c_str (), nullptr, 10);
    at = result.find ('\n');
    *report_out = dup_string (at == std::string::npos ? std::string ()
                                                      : result.substr (at + 1));
    if (*report_out == nullptr)
        return fail (XAPC_ERR_NOMEM, "cannot check database", path,
                     "out of memory");
    return XAPC_OK;
}

extern "C" xapc_status_t
xapc_db_cancel (xapc_db_t *db)
{
    if (db == nullptr)
        return null_argument (__func__);
    /* Cancelling a transaction that was not flushed when it began drops
     * every change since the last commit: the one way Xapian offers. */
    return write_op (db, "cannot cancel the changes to database",
                     [] (Xapian::WritableDatabase &w) {
                         w.begin_transaction (false);
                         w.cancel_transaction ();
                     });
}

extern "C" xapc_status_t
xapc_db_compact (xapc_db_t *db, const char *dest)
{
    struct stat st;

    if (db == nullptr || dest == nullptr)
        return null_argument (__func__);
    if (stat (dest, &st) == 0)
        return fail (XAPC_ERR_INVALID_ARGUMENT, "cannot compact database",
                     db->path.c_str (), "the destination exists already");
    try {
        db->db->compact (dest);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot compact database", db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_begin_transaction (xapc_db_t *db, int flushed)
{
    if (db == nullptr)
        return null_argument (__func__);
    return write_op (db, "cannot begin a transaction on database",
                     [flushed] (Xapian::WritableDatabase &w) {
                         w.begin_transaction (flushed != 0);
                     });
}

extern "C" xapc_status_t
xapc_db_commit_transaction (xapc_db_t *db)
{
    if (db == nullptr)
        return null_argument (__func__);
    return write_op (db, "cannot commit the transaction on database",
                     [] (Xapian::WritableDatabase &w) { w.commit_transaction (); });
}

extern "C" xapc_status_t
xapc_db_cancel_transaction (xapc_db_t *db)
{
    if (db == nullptr)
        return null_argument (__func__);
    return write_op (db, "cannot cancel the transaction on database",
                     [] (Xapian::WritableDatabase &w) { w.cancel_transaction (); });
}

extern "C" xapc_status_t
xapc_db_doccount (xapc_db_t *db, uint32_t *out)
{
    if (out != nullptr)
        *out = 0;
    if (db == nullptr || out == nullptr)
        return null_argument (__func__);
    try {
        *out = db->db->get_doccount ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot count documents of database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_termfreq (xapc_db_t *db, const char *term, size_t len, uint32_t *out)
{
    const char *problem = term_problem (term, len);

    if (out != nullptr)
        *out = 0;
    if (db == nullptr || out == nullptr)
        return null_argument (__func__);
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    try {
        *out = db->db->get_termfreq (std::string (term, len));
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read term frequency in database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_find_by_term (xapc_db_t *db, const char *term, size_t len,
                      xapc_docid_t *out)
{
    const char *problem = term_problem (term, len);

    if (out != nullptr)
        *out = 0;
    if (db == nullptr || out == nullptr)
        return null_argument (__func__);
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    try {
        std::string t (term, len);
        Xapian::PostingIterator it = db->db->postlist_begin (t);

        if (it == db->db->postlist_end (t))
            return fail (XAPC_ERR_NOT_FOUND, "no document indexed by term",
                         t.c_str (), "not found");
        *out = *it;
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot look up a term in database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_allterms (xapc_db_t *db, const char *prefix, size_t plen,
                  xapc_term_cb cb, void *payload)
{
    if (db == nullptr || cb == nullptr || !str_ok (prefix, plen))
        return null_argument (__func__);
    try {
        std::string p = str (prefix, plen);
        Xapian::TermIterator end = db->db->allterms_end (p);

        for (Xapian::TermIterator it = db->db->allterms_begin (p); it != end;
             ++it) {
            std::string term = *it;

            if (cb (term.data (), term.size (), it.get_termfreq (), payload))
                break;
        }
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot list the terms of database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_postlist (xapc_db_t *db, const char *term, size_t len,
                  xapc_docid_cb cb, void *payload)
{
    const char *problem = term_problem (term, len);

    if (db == nullptr || cb == nullptr)
        return null_argument (__func__);
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    try {
        std::string t (term, len);
        Xapian::PostingIterator end = db->db->postlist_end (t);

        for (Xapian::PostingIterator it = db->db->postlist_begin (t);
             it != end; ++it) {
            if (cb (*it, payload))
                break;
        }
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read a posting list of database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_values (xapc_db_t *db, xapc_slot_t slot, xapc_value_cb cb,
                void *payload)
{
    if (db == nullptr || cb == nullptr)
        return null_argument (__func__);
    try {
        Xapian::ValueIterator end = db->db->valuestream_end (slot);

        for (Xapian::ValueIterator it = db->db->valuestream_begin (slot);
             it != end; ++it) {
            std::string value = *it;

            if (cb (it.get_docid (), value.data (), value.size (), payload))
                break;
        }
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read a value stream of database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_get_metadata (xapc_db_t *db, const char *key, size_t klen,
                      char **out, size_t *out_len)
{
    if (out != nullptr)
        *out = nullptr;
    if (out_len != nullptr)
        *out_len = 0;
    if (db == nullptr || out == nullptr || !str_ok (key, klen))
        return null_argument (__func__);
    try {
        std::string value = db->db->get_metadata (str (key, klen));
        char *copy = dup_string (value);

        if (copy == nullptr)
            return fail (XAPC_ERR_NOMEM, "cannot read metadata of database",
                         db->path.c_str (), "out of memory");
        *out = copy;
        if (out_len != nullptr)
            *out_len = value.size ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read metadata of database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_set_metadata (xapc_db_t *db, const char *key, size_t klen,
                      const char *value, size_t vlen)
{
    if (db == nullptr || !str_ok (key, klen) || !str_ok (value, vlen))
        return null_argument (__func__);
    return write_op (db, "cannot set metadata of database",
                     [&] (Xapian::WritableDatabase &w) {
                         w.set_metadata (str (key, klen), str (value, vlen));
                     });
}

extern "C" xapc_status_t
xapc_db_get_document (xapc_db_t *db, xapc_docid_t docid, xapc_doc_t **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (db == nullptr || out == nullptr)
        return null_argument (__func__);
    try {
        return new_doc (db->db->get_document (docid), out);
    } catch (...) {
        return map_exception ("cannot read a document of database",
                              db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_db_replace_by_term (xapc_db_t *db, const char *unique_term, size_t len,
                         const xapc_doc_t *doc, xapc_docid_t *docid_out)
{
    const char *problem = term_problem (unique_term, len);

    if (docid_out != nullptr)
        *docid_out = 0;
    if (db == nullptr || doc == nullptr)
        return null_argument (__func__);
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    return write_op (db, "cannot replace a document in database",
                     [&] (Xapian::WritableDatabase &w) {
                         xapc_docid_t docid = w.replace_document (
                             std::string (unique_term, len), *doc->doc);

                         if (docid_out != nullptr)
                             *docid_out = docid;
                     });
}

extern "C" xapc_status_t
xapc_db_add_document (xapc_db_t *db, const xapc_doc_t *doc,
                      xapc_docid_t *docid_out)
{
    if (docid_out != nullptr)
        *docid_out = 0;
    if (db == nullptr || doc == nullptr)
        return null_argument (__func__);
    return write_op (db, "cannot add a document to database",
                     [&] (Xapian::WritableDatabase &w) {
                         xapc_docid_t docid = w.add_document (*doc->doc);

                         if (docid_out != nullptr)
                             *docid_out = docid;
                     });
}

extern "C" xapc_status_t
xapc_db_delete_by_term (xapc_db_t *db, const char *term, size_t len)
{
    const char *problem = term_problem (term, len);

    if (db == nullptr)
        return null_argument (__func__);
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    return write_op (db, "cannot delete documents from database",
                     [&] (Xapian::WritableDatabase &w) {
                         w.delete_document (std::string (term, len));
                     });
}

extern "C" xapc_status_t
xapc_db_delete_document (xapc_db_t *db, xapc_docid_t docid)
{
    if (db == nullptr)
        return null_argument (__func__);
    return write_op (db, "cannot delete a document from database",
                     [docid] (Xapian::WritableDatabase &w) {
                         w.delete_document (docid);
                     });
}

/* ---------------------------------------------------------------- */
/* Documents                                                        */

extern "C" xapc_status_t
xapc_doc_new (xapc_doc_t **out)
{
    if (out == nullptr)
        return null_argument (__func__);
    *out = nullptr;
    try {
        return new_doc (Xapian::Document (), out);
    } catch (...) {
        return map_exception ("cannot create a document", nullptr);
    }
}

extern "C" void
xapc_doc_destroy (xapc_doc_t *doc)
{
    delete doc;
}

extern "C" xapc_docid_t
xapc_doc_id (const xapc_doc_t *doc)
{
    if (doc == nullptr)
        return 0;
    try {
        return doc->doc->get_docid ();
    } catch (...) {
        map_exception ("cannot read a document id", nullptr);
        return 0;
    }
}

extern "C" xapc_status_t
xapc_doc_add_posting (xapc_doc_t *doc, const char *term, size_t len,
                      xapc_termpos_t pos, uint32_t wdfinc)
{
    const char *problem = term_problem (term, len);

    if (doc == nullptr)
        return null_argument (__func__);
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    try {
        doc->doc->add_posting (std::string (term, len), pos, wdfinc);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot add a posting", nullptr);
    }
}

extern "C" xapc_status_t
xapc_doc_add_term (xapc_doc_t *doc, const char *term, size_t len,
                   uint32_t wdfinc)
{
    const char *problem = term_problem (term, len);

    if (doc == nullptr)
        return null_argument (__func__);
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    try {
        doc->doc->add_term (std::string (term, len), wdfinc);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot add a term", nullptr);
    }
}

extern "C" xapc_status_t
xapc_doc_add_boolean_term (xapc_doc_t *doc, const char *term, size_t len)
{
    const char *problem = term_problem (term, len);

    if (doc == nullptr)
        return null_argument (__func__);
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    try {
        doc->doc->add_boolean_term (std::string (term, len));
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot add a boolean term", nullptr);
    }
}

extern "C" xapc_status_t
xapc_doc_remove_term (xapc_doc_t *doc, const char *term, size_t len)
{
    if (doc == nullptr || !str_ok (term, len))
        return null_argument (__func__);
    try {
        doc->doc->remove_term (str (term, len));
        return XAPC_OK;
    } catch (const Xapian::InvalidArgumentError &) {
        return fail (XAPC_ERR_NOT_FOUND, __func__, nullptr,
                     "the document has no such term");
    } catch (...) {
        return map_exception ("cannot remove a term", nullptr);
    }
}

extern "C" xapc_status_t
xapc_doc_set_value (xapc_doc_t *doc, xapc_slot_t slot, const char *value,
                    size_t len)
{
    if (doc == nullptr || !str_ok (value, len))
        return null_argument (__func__);
    try {
        /* Xapian removes the value when it is empty. */
        doc->doc->add_value (slot, str (value, len));
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot set a value", nullptr);
    }
}

extern "C" xapc_status_t
xapc_doc_set_data (xapc_doc_t *doc, const char *data, size_t len)
{
    if (doc == nullptr || !str_ok (data, len))
        return null_argument (__func__);
    try {
        doc->doc->set_data (str (data, len));
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot set document data", nullptr);
    }
}

extern "C" xapc_status_t
xapc_doc_get_data (xapc_doc_t *doc, const char **out, size_t *out_len)
{
    if (out != nullptr)
        *out = nullptr;
    if (out_len != nullptr)
        *out_len = 0;
    if (doc == nullptr || out == nullptr || out_len == nullptr)
        return null_argument (__func__);
    try {
        doc->data = doc->doc->get_data ();
        *out = doc->data.c_str ();
        *out_len = doc->data.size ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read document data", nullptr);
    }
}

extern "C" xapc_status_t
xapc_doc_get_value (xapc_doc_t *doc, xapc_slot_t slot, const char **out,
                    size_t *out_len)
{
    if (out != nullptr)
        *out = nullptr;
    if (out_len != nullptr)
        *out_len = 0;
    if (doc == nullptr || out == nullptr || out_len == nullptr)
        return null_argument (__func__);
    try {
        doc->value = doc->doc->get_value (slot);
        *out = doc->value.c_str ();
        *out_len = doc->value.size ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read a document value", nullptr);
    }
}

extern "C" xapc_status_t
xapc_doc_terms (xapc_doc_t *doc, const char *prefix, size_t plen,
                xapc_term_cb cb, void *payload)
{
    if (doc == nullptr || cb == nullptr || !str_ok (prefix, plen))
        return null_argument (__func__);
    try {
        std::string p = str (prefix, plen);
        Xapian::TermIterator end = doc->doc->termlist_end ();
        Xapian::TermIterator it = doc->doc->termlist_begin ();

        if (!p.empty ())
            it.skip_to (p);
        for (; it != end; ++it) {
            std::string term = *it;

            if (term.compare (0, p.size (), p) != 0)
                break;
            if (cb (term.data (), term.size (), it.get_wdf (), payload))
                break;
        }
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot list the terms of a document", nullptr);
    }
}

/* ---------------------------------------------------------------- */
/* Queries                                                          */

extern "C" xapc_status_t
xapc_query_term (const char *term, size_t len, uint32_t wqf,
                 xapc_termpos_t pos, xapc_query_t **out)
{
    const char *problem = term_problem (term, len);

    if (out != nullptr)
        *out = nullptr;
    if (out == nullptr)
        return null_argument (__func__);
    /* Xapian reads an empty term as "every document": refuse it. */
    if (problem != nullptr)
        return fail (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr, problem);
    try {
        return new_query (Xapian::Query (std::string (term, len), wqf, pos),
                          out);
    } catch (...) {
        return map_exception ("cannot build a term query", nullptr);
    }
}

/*
 * Xapian 1.4 refuses an OP_SYNONYM under OP_PHRASE or OP_NEAR
 * ("only currently support leaf subqueries") but takes an OP_OR of the
 * same terms, which matches the same positions.
 */
static Xapian::Query
synonym_as_or (const Xapian::Query &syn)
{
    std::vector<Xapian::Query> terms;

    terms.reserve (syn.get_num_subqueries ());
    for (size_t i = 0; i < syn.get_num_subqueries (); i++)
        terms.push_back (syn.get_subquery (i));
    return Xapian::Query (Xapian::Query::OP_OR, terms.begin (), terms.end ());
}

extern "C" xapc_status_t
xapc_query_combine (xapc_op_t op, xapc_query_t *const *subs, size_t n,
                    uint32_t window, xapc_query_t **out)
{
    Xapian::Query::op xop;

    if (out != nullptr)
        *out = nullptr;
    if (out == nullptr || (subs == nullptr && n > 0))
        return null_argument (__func__);
    for (size_t i = 0; i < n; i++) {
        if (subs[i] == nullptr)
            return null_argument (__func__);
    }
    switch (op) {
    case XAPC_OP_AND:
        xop = Xapian::Query::OP_AND;
        break;
    case XAPC_OP_OR:
        xop = Xapian::Query::OP_OR;
        break;
    case XAPC_OP_AND_NOT:
        xop = Xapian::Query::OP_AND_NOT;
        break;
    case XAPC_OP_XOR:
        xop = Xapian::Query::OP_XOR;
        break;
    case XAPC_OP_AND_MAYBE:
        xop = Xapian::Query::OP_AND_MAYBE;
        break;
    case XAPC_OP_FILTER:
        xop = Xapian::Query::OP_FILTER;
        break;
    case XAPC_OP_NEAR:
        xop = Xapian::Query::OP_NEAR;
        break;
    case XAPC_OP_PHRASE:
        xop = Xapian::Query::OP_PHRASE;
        break;
    case XAPC_OP_SYNONYM:
        xop = Xapian::Query::OP_SYNONYM;
        break;
    default:
        return failf (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr,
                      "unknown operator %d", static_cast<int> (op));
    }
    try {
        std::vector<Xapian::Query> v;

        v.reserve (n);
        for (size_t i = 0; i < n; i++) {
            const Xapian::Query &sub = *subs[i]->q;

            if ((op == XAPC_OP_PHRASE || op == XAPC_OP_NEAR)
                && sub.get_type () == Xapian::Query::OP_SYNONYM)
                v.push_back (synonym_as_or (sub));
            else
                v.push_back (sub);
        }
        /* Xapian refuses a window for any other operator. */
        if (op != XAPC_OP_NEAR && op != XAPC_OP_PHRASE)
            window = 0;
        return new_query (Xapian::Query (xop, v.begin (), v.end (), window),
                          out);
    } catch (...) {
        return map_exception ("cannot combine queries", nullptr);
    }
}

extern "C" xapc_status_t
xapc_query_value_range (xapc_slot_t slot, const char *lo, size_t lolen,
                        const char *hi, size_t hilen, xapc_query_t **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (out == nullptr)
        return null_argument (__func__);
    try {
        if (lo != nullptr && hi != nullptr)
            return new_query (Xapian::Query (Xapian::Query::OP_VALUE_RANGE,
                                             slot, std::string (lo, lolen),
                                             std::string (hi, hilen)),
                              out);
        if (hi != nullptr)
            return new_query (Xapian::Query (Xapian::Query::OP_VALUE_LE, slot,
                                             std::string (hi, hilen)),
                              out);
        /* No upper bound. Xapian reads ">= ''" as MatchAll, documents
         * without the value included; ">= NUL" takes every value (values
         * are never empty) and only documents that have one. */
        if (lo == nullptr || lolen == 0)
            return new_query (Xapian::Query (Xapian::Query::OP_VALUE_GE, slot,
                                             std::string (1, '\0')),
                              out);
        return new_query (Xapian::Query (Xapian::Query::OP_VALUE_GE, slot,
                                         std::string (lo, lolen)),
                          out);
    } catch (...) {
        return map_exception ("cannot build a value range query", nullptr);
    }
}

extern "C" xapc_status_t
xapc_query_scale (const xapc_query_t *q, double factor, xapc_query_t **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (q == nullptr || out == nullptr)
        return null_argument (__func__);
    if (!(factor >= 0.0) || !std::isfinite (factor))
        return failf (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr,
                      "scale factor %g is not a finite number >= 0", factor);
    try {
        return new_query (Xapian::Query (Xapian::Query::OP_SCALE_WEIGHT, *q->q,
                                         factor),
                          out);
    } catch (...) {
        return map_exception ("cannot scale a query", nullptr);
    }
}

extern "C" xapc_status_t
xapc_query_wildcard (const char *prefix, size_t len, xapc_query_t **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (out == nullptr || !str_ok (prefix, len))
        return null_argument (__func__);
    try {
        return new_query (Xapian::Query (Xapian::Query::OP_WILDCARD,
                                         str (prefix, len)),
                          out);
    } catch (...) {
        return map_exception ("cannot build a wildcard query", nullptr);
    }
}

extern "C" xapc_status_t
xapc_query_match_all (xapc_query_t **out)
{
    if (out == nullptr)
        return null_argument (__func__);
    *out = nullptr;
    try {
        return new_query (Xapian::Query::MatchAll, out);
    } catch (...) {
        return map_exception ("cannot build a query", nullptr);
    }
}

extern "C" xapc_status_t
xapc_query_match_nothing (xapc_query_t **out)
{
    if (out == nullptr)
        return null_argument (__func__);
    *out = nullptr;
    try {
        return new_query (Xapian::Query::MatchNothing, out);
    } catch (...) {
        return map_exception ("cannot build a query", nullptr);
    }
}

extern "C" int
xapc_query_is_empty (const xapc_query_t *q)
{
    /* NULL matches nothing either. */
    return q == nullptr || q->q->empty ();
}

extern "C" xapc_status_t
xapc_query_parse (xapc_db_t *db, const char *text, size_t len,
                  const xapc_prefix_t *prefixes, size_t n_prefixes,
                  unsigned flags, xapc_op_t default_op, xapc_query_t **out)
{
    const unsigned known = XAPC_PARSE_BOOLEAN | XAPC_PARSE_PHRASE
                           | XAPC_PARSE_LOVEHATE | XAPC_PARSE_BOOLEAN_ANY_CASE
                           | XAPC_PARSE_WILDCARD;

    if (out != nullptr)
        *out = nullptr;
    if (out == nullptr || !str_ok (text, len)
        || (prefixes == nullptr && n_prefixes > 0))
        return null_argument (__func__);
    for (size_t i = 0; i < n_prefixes; i++) {
        if (prefixes[i].field == nullptr || prefixes[i].prefix == nullptr)
            return null_argument (__func__);
    }
    if ((flags & ~known) != 0)
        return failf (XAPC_ERR_INVALID_ARGUMENT, "cannot parse query", nullptr,
                      "unknown flags 0x%x", flags & ~known);
    if (default_op != XAPC_OP_AND && default_op != XAPC_OP_OR)
        return failf (XAPC_ERR_INVALID_ARGUMENT, "cannot parse query", nullptr,
                      "default operator %d is neither AND nor OR",
                      static_cast<int> (default_op));
    try {
        Xapian::QueryParser qp;
        unsigned xflags = 0;

        if (db != nullptr)
            qp.set_database (*db->db);
        qp.set_stemming_strategy (Xapian::QueryParser::STEM_NONE);
        qp.set_default_op (default_op == XAPC_OP_AND ? Xapian::Query::OP_AND
                                                     : Xapian::Query::OP_OR);
        for (size_t i = 0; i < n_prefixes; i++) {
            if (prefixes[i].boolean)
                qp.add_boolean_prefix (prefixes[i].field, prefixes[i].prefix);
            else
                qp.add_prefix (prefixes[i].field, prefixes[i].prefix);
        }
        if (flags & XAPC_PARSE_BOOLEAN)
            xflags |= Xapian::QueryParser::FLAG_BOOLEAN;
        if (flags & XAPC_PARSE_PHRASE)
            xflags |= Xapian::QueryParser::FLAG_PHRASE;
        if (flags & XAPC_PARSE_LOVEHATE)
            xflags |= Xapian::QueryParser::FLAG_LOVEHATE;
        if (flags & XAPC_PARSE_BOOLEAN_ANY_CASE)
            xflags |= Xapian::QueryParser::FLAG_BOOLEAN_ANY_CASE;
        if (flags & XAPC_PARSE_WILDCARD)
            xflags |= Xapian::QueryParser::FLAG_WILDCARD;
        return new_query (qp.parse_query (str (text, len), xflags), out);
    } catch (...) {
        return map_exception ("cannot parse query", nullptr);
    }
}

extern "C" xapc_status_t
xapc_query_describe (const xapc_query_t *q, char **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (q == nullptr || out == nullptr)
        return null_argument (__func__);
    try {
        char *copy = dup_string (q->q->get_description ());

        if (copy == nullptr)
            return fail (XAPC_ERR_NOMEM, "cannot describe a query", nullptr,
                         "out of memory");
        *out = copy;
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot describe a query", nullptr);
    }
}

extern "C" void
xapc_query_destroy (xapc_query_t *q)
{
    delete q;
}

/* ---------------------------------------------------------------- */
/* Searching                                                        */

extern "C" xapc_status_t
xapc_enquire_new (xapc_db_t *db, xapc_enquire_t **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (db == nullptr || out == nullptr)
        return null_argument (__func__);
    try {
        std::unique_ptr<xapc_enquire_t> enq (new xapc_enquire_t);

        enq->enq = new Xapian::Enquire (*db->db);
        enq->db = db;
        *out = enq.release ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot start a search on database",
                              db->path.c_str ());
    }
}

extern "C" void
xapc_enquire_destroy (xapc_enquire_t *enq)
{
    delete enq;
}

extern "C" xapc_status_t
xapc_enquire_set_query (xapc_enquire_t *enq, const xapc_query_t *q)
{
    if (enq == nullptr || q == nullptr)
        return null_argument (__func__);
    try {
        enq->enq->set_query (*q->q);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot set the query", nullptr);
    }
}

extern "C" xapc_status_t
xapc_enquire_set_weighting (xapc_enquire_t *enq, xapc_weight_t w)
{
    if (enq == nullptr)
        return null_argument (__func__);
    if (w != XAPC_WEIGHT_BM25 && w != XAPC_WEIGHT_BOOL)
        return failf (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr,
                      "unknown weighting scheme %d", static_cast<int> (w));
    try {
        if (w == XAPC_WEIGHT_BOOL)
            enq->enq->set_weighting_scheme (Xapian::BoolWeight ());
        else
            enq->enq->set_weighting_scheme (Xapian::BM25Weight ());
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot set the weighting scheme", nullptr);
    }
}

extern "C" xapc_status_t
xapc_enquire_sort_by_value (xapc_enquire_t *enq, xapc_slot_t slot,
                            int reverse)
{
    if (enq == nullptr)
        return null_argument (__func__);
    try {
        enq->enq->set_sort_by_value_then_relevance (slot, reverse != 0);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot set the sort order", nullptr);
    }
}

extern "C" xapc_status_t
xapc_enquire_sort_by_relevance_then_value (xapc_enquire_t *enq,
                                           xapc_slot_t slot, int reverse)
{
    if (enq == nullptr)
        return null_argument (__func__);
    try {
        enq->enq->set_sort_by_relevance_then_value (slot, reverse != 0);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot set the sort order", nullptr);
    }
}

extern "C" xapc_status_t
xapc_enquire_collapse (xapc_enquire_t *enq, xapc_slot_t slot)
{
    if (enq == nullptr)
        return null_argument (__func__);
    try {
        enq->enq->set_collapse_key (slot);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot set the collapse key", nullptr);
    }
}

extern "C" xapc_status_t
xapc_enquire_add_value_spy (xapc_enquire_t *enq, xapc_slot_t slot,
                            int *spy_out)
{
    if (spy_out != nullptr)
        *spy_out = -1;
    if (enq == nullptr || spy_out == nullptr)
        return null_argument (__func__);
    try {
        std::unique_ptr<Xapian::ValueCountMatchSpy> spy (
            new Xapian::ValueCountMatchSpy (slot));

        enq->spy_slots.reserve (enq->spy_slots.size () + 1);
        enq->spies.reserve (enq->spies.size () + 1);
        enq->enq->add_matchspy (spy.get ());
        enq->spy_slots.push_back (slot);
        enq->spies.push_back (spy.release ());
        *spy_out = static_cast<int> (enq->spies.size () - 1);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot add a value spy", nullptr);
    }
}

extern "C" xapc_status_t
xapc_enquire_spy_values (xapc_enquire_t *enq, int spy, xapc_term_cb cb,
                         void *payload)
{
    if (enq == nullptr || cb == nullptr)
        return null_argument (__func__);
    if (spy < 0 || static_cast<size_t> (spy) >= enq->spies.size ())
        return failf (XAPC_ERR_INVALID_ARGUMENT, __func__, nullptr,
                      "no value spy %d", spy);
    try {
        const Xapian::ValueCountMatchSpy *s = enq->spies[spy];
        size_t n = 0;

        /* top_values_begin() wants a maximum: the number of values. */
        for (Xapian::TermIterator it = s->values_begin ();
             it != s->values_end (); ++it)
            n++;
        for (Xapian::TermIterator it = s->top_values_begin (n);
             it != s->top_values_end (n); ++it) {
            std::string value = *it;

            if (cb (value.data (), value.size (), it.get_termfreq (), payload))
                break;
        }
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read a value spy", nullptr);
    }
}

extern "C" xapc_status_t
xapc_enquire_set_deadline (xapc_enquire_t *enq, const struct timespec *deadline)
{
    if (enq == nullptr)
        return null_argument (__func__);
    try {
        /* A spy cannot run in a remote server (it is not serialisable). */
        if (enq->db->remote)
            return XAPC_OK;
        if (enq->deadline == nullptr && deadline != nullptr)
            enq->deadline.reset (new deadline_spy);
        if (enq->deadline != nullptr) {
            enq->deadline->active = deadline != nullptr;
            if (deadline != nullptr)
                enq->deadline->deadline = *deadline;
        }
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot set a deadline", nullptr);
    }
}

/*
 * A ValueCountMatchSpy adds to its counts at every get_mset(): give the
 * Enquire fresh spies so that each get_mset() counts on its own, and
 * the deadline's spy when there is a deadline.
 */
static void
renew_spies (xapc_enquire_t *enq)
{
    std::vector<Xapian::ValueCountMatchSpy *> fresh;

    if (enq->spies.empty () && enq->deadline == nullptr)
        return;
    fresh.reserve (enq->spy_slots.size ());
    try {
        for (Xapian::valueno slot : enq->spy_slots)
            fresh.push_back (new Xapian::ValueCountMatchSpy (slot));
    } catch (...) {
        for (Xapian::ValueCountMatchSpy *spy : fresh)
            delete spy;
        throw;
    }
    /* We own the new spies before the Enquire sees any of them, so it
     * never points at a freed spy, even if add_matchspy() throws. */
    enq->enq->clear_matchspies ();
    enq->spies.swap (fresh);
    for (Xapian::ValueCountMatchSpy *spy : fresh)
        delete spy;
    for (Xapian::ValueCountMatchSpy *spy : enq->spies)
        enq->enq->add_matchspy (spy);
    if (enq->deadline != nullptr && enq->deadline->active) {
        enq->deadline->calls = 0;
        enq->enq->add_matchspy (enq->deadline.get ());
    }
}

extern "C" xapc_status_t
xapc_enquire_get_mset (xapc_enquire_t *enq, uint32_t first, uint32_t maxitems,
                       uint32_t check_at_least, xapc_mset_t **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (enq == nullptr || out == nullptr)
        return null_argument (__func__);
    try {
        std::unique_ptr<xapc_mset_t> mset (new xapc_mset_t);

        renew_spies (enq);
        mset->mset = new Xapian::MSet (
            enq->enq->get_mset (first, maxitems, check_at_least));
        *out = mset.release ();
        return XAPC_OK;
    } catch (const deadline_passed &) {
        return fail (XAPC_ERR_TIMEOUT, "cannot search database",
                     enq->db->path.c_str (), "the time limit ran out");
    } catch (...) {
        return map_exception ("cannot search database",
                              enq->db->path.c_str ());
    }
}

extern "C" xapc_status_t
xapc_enquire_matching_terms (xapc_enquire_t *enq, xapc_docid_t docid,
                             xapc_term_cb cb, void *payload)
{
    if (enq == nullptr || cb == nullptr)
        return null_argument (__func__);
    try {
        Xapian::Database &db = *enq->db->db;
        Xapian::TermIterator end = enq->enq->get_matching_terms_end (docid);
        Xapian::TermIterator doc_terms = db.termlist_begin (docid);
        std::string last;

        /* 'count' is the term's wdf in 'docid', read by walking the
         * document's termlist (restarted if the terms go backwards). */
        for (Xapian::TermIterator it = enq->enq->get_matching_terms_begin (
                 docid);
             it != end; ++it) {
            std::string term = *it;
            uint32_t wdf = 0;

            if (term < last)
                doc_terms = db.termlist_begin (docid);
            doc_terms.skip_to (term);
            if (doc_terms != db.termlist_end (docid) && *doc_terms == term)
                wdf = doc_terms.get_wdf ();
            last = term;
            if (cb (term.data (), term.size (), wdf, payload))
                break;
        }
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot list the matching terms in database",
                              enq->db->path.c_str ());
    }
}

extern "C" size_t
xapc_mset_size (const xapc_mset_t *mset)
{
    if (mset == nullptr)
        return 0;
    try {
        return mset->mset->size ();
    } catch (...) {
        map_exception ("cannot read a result set", nullptr);
        return 0;
    }
}

extern "C" void
xapc_mset_counts (const xapc_mset_t *mset, uint32_t *lower,
                  uint32_t *estimated, uint32_t *upper)
{
    uint32_t l = 0, e = 0, u = 0;

    if (mset != nullptr) {
        try {
            l = mset->mset->get_matches_lower_bound ();
            e = mset->mset->get_matches_estimated ();
            u = mset->mset->get_matches_upper_bound ();
        } catch (...) {
            map_exception ("cannot read a result set", nullptr);
        }
    }
    if (lower != nullptr)
        *lower = l;
    if (estimated != nullptr)
        *estimated = e;
    if (upper != nullptr)
        *upper = u;
}

extern "C" xapc_docid_t
xapc_mset_docid (const xapc_mset_t *mset, size_t i)
{
    if (mset == nullptr)
        return 0;
    try {
        if (i >= mset->mset->size ())
            return 0;
        return *(*mset->mset)[static_cast<Xapian::doccount> (i)];
    } catch (...) {
        map_exception ("cannot read a result set", nullptr);
        return 0;
    }
}

extern "C" double
xapc_mset_weight (const xapc_mset_t *mset, size_t i)
{
    if (mset == nullptr)
        return 0.0;
    try {
        if (i >= mset->mset->size ())
            return 0.0;
        return (*mset->mset)[static_cast<Xapian::doccount> (i)].get_weight ();
    } catch (...) {
        map_exception ("cannot read a result set", nullptr);
        return 0.0;
    }
}

/* The error of match number 'i' past the end of 'mset'. */
static xapc_status_t
out_of_range (const xapc_mset_t *mset, size_t i, const char *func)
{
    return failf (XAPC_ERR_INVALID_ARGUMENT, func, nullptr,
                  "match %zu is out of range (%zu matches)", i,
                  static_cast<size_t> (mset->mset->size ()));
}

extern "C" xapc_status_t
xapc_mset_document (xapc_mset_t *mset, size_t i, xapc_doc_t **out)
{
    if (out != nullptr)
        *out = nullptr;
    if (mset == nullptr || out == nullptr)
        return null_argument (__func__);
    try {
        if (i >= mset->mset->size ())
            return out_of_range (mset, i, __func__);
        return new_doc (
            (*mset->mset)[static_cast<Xapian::doccount> (i)].get_document (),
            out);
    } catch (...) {
        return map_exception ("cannot read the document of a match", nullptr);
    }
}

extern "C" xapc_status_t
xapc_mset_fetch_one (xapc_mset_t *mset, size_t i)
{
    if (mset == nullptr)
        return null_argument (__func__);
    try {
        if (i >= mset->mset->size ())
            return out_of_range (mset, i, __func__);
        mset->mset->fetch ((*mset->mset)[static_cast<Xapian::doccount> (i)]);
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read the documents of a match", nullptr);
    }
}

extern "C" xapc_status_t
xapc_mset_sort_key (xapc_mset_t *mset, size_t i, const char **out,
                    size_t *out_len)
{
    if (out != nullptr)
        *out = nullptr;
    if (out_len != nullptr)
        *out_len = 0;
    if (mset == nullptr || out == nullptr || out_len == nullptr)
        return null_argument (__func__);
    try {
        if (i >= mset->mset->size ())
            return out_of_range (mset, i, __func__);
        mset->sort_key =
            (*mset->mset)[static_cast<Xapian::doccount> (i)].get_sort_key ();
        *out = mset->sort_key.data ();
        *out_len = mset->sort_key.size ();
        return XAPC_OK;
    } catch (...) {
        return map_exception ("cannot read a result set", nullptr);
    }
}

extern "C" void
xapc_mset_destroy (xapc_mset_t *mset)
{
    delete mset;
}
