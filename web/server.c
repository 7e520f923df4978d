/*
 * The HTTP side of tracuu-web: libmicrohttpd with a pool of threads,
 * each thread with its own read-only database handle (Xapian handles
 * are not shared between threads), brought up to date with the
 * indexer's last commit before each request; the security headers of
 * every answer, HTTP Basic authentication, and the access log.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server.h"

/* The page runs only its own script and style; nothing is fetched from
 * elsewhere, no frame holds it, and no referrer leaves it. */
#define CSP "default-src 'none'; script-src 'self'; style-src 'self'; " \
            "img-src 'self' data:; connect-src 'self'; form-action 'self'; " \
            "frame-ancestors 'none'; base-uri 'none'"

struct server {
    struct MHD_Daemon *daemon;
    server_config_t config;
    web_cache_t *cache;         /* NULL: none. */
    pthread_key_t handle_key;   /* The thread's handle_t. */
    pthread_mutex_t log_lock;
};

/* One thread's database handle. */
typedef struct handle {
    tracuu_index_t *index;
    char *error;                /* Why it could not be opened. */
} handle_t;

/* What the access log says of a request; MHD keeps it for us. */
typedef struct request_log {
    struct timespec start;
    char uri[512];
    unsigned status;
    size_t bytes;
    char user[64];
    char method[16];
    int too_long;               /* The target is over WEB_MAX_URL_BYTES. */
    int headers_read;           /* The first call came: the request's
                                   headers are in. */
} request_log_t;

static void
handle_free (void *p)
{
    handle_t *h = p;

    if (h == NULL)
        return;
    tracuu_index_close (h->index);
    free (h->error);
    free (h);
}

/* The calling thread's handle, opened on first use and reopened at the
 * last commit; a database that could not be opened is tried again at
 * the next request. */
static handle_t *
thread_handle (server_t *s)
{
    handle_t *h = pthread_getspecific (s->handle_key);

    if (h == NULL) {
        h = calloc (1, sizeof *h);
        if (h == NULL || pthread_setspecific (s->handle_key, h) != 0) {
            free (h);
            return NULL;
        }
    }
    if (h->index == NULL) {
        free (h->error);
        h->error = NULL;
        if (tracuu_index_open_read (s->config.dbs, s->config.n_dbs,
                                    s->config.shard_timeout, &h->index,
                                    &h->error) != TRACUU_STATUS_OK)
            h->index = NULL;
    } else if (tracuu_index_reopen (h->index, NULL) != TRACUU_STATUS_OK) {
        /* A database swapped by compaction or removed: open it again. */
        tracuu_index_close (h->index);
        h->index = NULL;
        free (h->error);
        h->error = NULL;
        if (tracuu_index_open_read (s->config.dbs, s->config.n_dbs,
                                    s->config.shard_timeout, &h->index,
                                    &h->error) != TRACUU_STATUS_OK)
            h->index = NULL;
    }
    return h;
}

/* The request's deadline on the handle: --timeout after it arrived
 * (its first line was read), so that a request whose headers came
 * slowly has less time left. */
static void
set_deadline (server_t *s, tracuu_index_t *index, const request_log_t *log)
{
    struct timespec at;
    unsigned ms = s->config.request_timeout;

    if (ms == 0) {
        tracuu_index_set_deadline (index, NULL);
        return;
    }
    if (log != NULL)
        at = log->start;
    else
        clock_gettime (CLOCK_MONOTONIC, &at);
    at.tv_sec += ms / 1000;
    at.tv_nsec += (long) (ms % 1000) * 1000000L;
    if (at.tv_nsec >= 1000000000L) {
        at.tv_sec++;
        at.tv_nsec -= 1000000000L;
    }
    tracuu_index_set_deadline (index, &at);
}

static const char *
get_param (void *conn, const char *name)
{
    return MHD_lookup_connection_value (conn, MHD_GET_ARGUMENT_KIND, name);
}

/* The parameters of a request, for its key. */
#define MAX_KEY_PARAMS 64

typedef struct params {
    const char *name[MAX_KEY_PARAMS], *value[MAX_KEY_PARAMS];
    size_t n;
    int too_many;
} params_t;

static enum MHD_Result
collect_param (void *cls, enum MHD_ValueKind kind, const char *name,
               const char *value)
{
    params_t *p = cls;

    (void) kind;
    if (p->n == MAX_KEY_PARAMS) {
        p->too_many = 1;
        return MHD_NO;
    }
    p->name[p->n] = name;
    p->value[p->n++] = value ? value : "";
    return MHD_YES;
}

/* The key of a request in the cache: the revision its handle reads,
 * the day (questions read "this year" against it, unless today= is
 * given), the path, then its parameters decoded and sorted, so that
 * the same request written otherwise (parameters in another order,
 * %20 or +) finds the same answer. NULL (no caching) when it has more
 * than MAX_KEY_PARAMS parameters or memory is short. */
static char *
request_key (struct MHD_Connection *conn, const char *url,
             const char *revision, size_t *len_out)
{
    params_t p = { .n = 0 };
    char day[16] = "", *key = NULL;
    size_t len = 0;
    FILE *f;

    MHD_get_connection_values (conn, MHD_GET_ARGUMENT_KIND, collect_param, &p);
    if (p.too_many)
        return NULL;
    /* Insertion sort: a request has a handful of parameters. */
    for (size_t i = 1; i < p.n; i++)
        for (size_t j = i; j > 0; j--) {
            int c = strcmp (p.name[j - 1], p.name[j]);
            const char *t;

            if (c < 0 || (c == 0 && strcmp (p.value[j - 1], p.value[j]) <= 0))
                break;
            t = p.name[j]; p.name[j] = p.name[j - 1]; p.name[j - 1] = t;
            t = p.value[j]; p.value[j] = p.value[j - 1]; p.value[j - 1] = t;
        }
    if (MHD_lookup_connection_value (conn, MHD_GET_ARGUMENT_KIND, "today") == NULL) {
        time_t now = time (NULL);
        struct tm tm;

        if (localtime_r (&now, &tm) != NULL)
            strftime (day, sizeof day, "%Y-%m-%d", &tm);
    }
    f = open_memstream (&key, &len);
    if (f == NULL)
        return NULL;
    fprintf (f, "%s\n%s\n%s", revision, day, url);
    fputc ('\0', f);
    for (size_t i = 0; i < p.n; i++) {
        fputs (p.name[i], f);
        fputc ('\0', f);
        fputs (p.value[i], f);
        fputc ('\0', f);
    }
    if (fclose (f) != 0) {
        free (key);
        return NULL;
    }
    *len_out = len;
    return key;
}

/* Answer an API request: from the cache when the same request was
 * answered on the revision the thread's handle reads now; else by the
 * library, kept when it succeeded and the revision did not move
 * meanwhile (a search retried after a commit read a newer one). */
static void
answer_api (server_t *s, struct MHD_Connection *conn, const char *url,
            handle_t *h, request_log_t *log, web_reply_t *reply)
{
    char revision[TRACUU_INDEX_REVISION_MAX], after[TRACUU_INDEX_REVISION_MAX];
    char *key = NULL;
    size_t key_len = 0;

    if (h == NULL || h->index == NULL) {
        web_route (url, get_param, conn, NULL, h ? h->error : "out of memory",
                   s->config.request_timeout, reply);
        return;
    }
    if (s->cache != NULL
        && tracuu_index_revision (h->index, revision, sizeof revision)
           == TRACUU_STATUS_OK)
        key = request_key (conn, url, revision, &key_len);
    if (key != NULL && web_cache_get (s->cache, key, key_len, reply)) {
        reply->from_cache = "hit";
        free (key);
        return;
    }
    set_deadline (s, h->index, log);
    web_route (url, get_param, conn, h->index, h->error,
               s->config.request_timeout, reply);
    tracuu_index_set_deadline (h->index, NULL);
    if (key != NULL) {
        reply->from_cache = "miss";
        if (reply->status == 200
            && tracuu_index_revision (h->index, after, sizeof after)
               == TRACUU_STATUS_OK
            && strcmp (revision, after) == 0)
            web_cache_put (s->cache, key, key_len, reply);
    }
    free (key);
}

static void
add_headers (struct MHD_Response *resp, const web_reply_t *reply)
{
    char disposition[128];

    MHD_add_response_header (resp, MHD_HTTP_HEADER_CONTENT_TYPE,
                             reply->type ? reply->type
                                         : "application/json; charset=utf-8");
    MHD_add_response_header (resp, "Content-Security-Policy", CSP);
    MHD_add_response_header (resp, "X-Content-Type-Options", "nosniff");
    MHD_add_response_header (resp, "Referrer-Policy", "no-referrer");
    MHD_add_response_header (resp, "X-Frame-Options", "DENY");
    MHD_add_response_header (resp, MHD_HTTP_HEADER_CACHE_CONTROL,
                             reply->cache ? "no-cache" : "no-store");
    if (reply->from_cache)
        MHD_add_response_header (resp, "X-Cache", reply->from_cache);
    if (reply->download) {
        snprintf (disposition, sizeof disposition,
                  "attachment; filename=\"%s\"", reply->download);
        MHD_add_response_header (resp, "Content-Disposition", disposition);
    }
}

static enum MHD_Result
send_reply (struct MHD_Connection *conn, web_reply_t *reply, request_log_t *log)
{
    struct MHD_Response *resp;
    enum MHD_Result ret;

    if (reply->body == NULL) {
        reply->status = 500;
        resp = MHD_create_response_from_buffer (0, (void *) "",
                                                MHD_RESPMEM_PERSISTENT);
    } else {
        resp = MHD_create_response_from_buffer (reply->len, reply->body,
                                                MHD_RESPMEM_MUST_FREE);
    }
    if (resp == NULL) {
        free (reply->body);
        return MHD_NO;
    }
    reply->body = NULL;         /* The response owns it now. */
    add_headers (resp, reply);
    if (reply->status == 401)
        MHD_add_response_header (resp, MHD_HTTP_HEADER_WWW_AUTHENTICATE,
                                 "Basic realm=\"tracuu\", charset=\"UTF-8\"");
    if (reply->status == 405)
        MHD_add_response_header (resp, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
    if (log != NULL) {
        log->status = reply->status;
        log->bytes = reply->len;
    }
    ret = MHD_queue_response (conn, reply->status, resp);
    MHD_destroy_response (resp);
    return ret;
}

/* HTTP Basic: non-zero when the request may go on. */
static int
authorized (server_t *s, struct MHD_Connection *conn, request_log_t *log)
{
    char *pass = NULL, *user;
    int ok;

    if (s->config.auth == NULL)
        return 1;
    user = MHD_basic_auth_get_username_password (conn, &pass);
    ok = web_auth_check (s->config.auth, user, pass);
    if (ok && log != NULL)
        snprintf (log->user, sizeof log->user, "%s", user);
    if (pass != NULL) {
        /* The password leaves no copy in memory. */
        volatile char *v = pass;

        while (*v)
            *v++ = '\0';
    }
    MHD_free (user);
    MHD_free (pass);
    return ok;
}

static enum MHD_Result
on_request (void *cls, struct MHD_Connection *conn, const char *url,
            const char *method, const char *version, const char *upload_data,
            size_t *upload_data_size, void **con_cls)
{
    server_t *s = cls;
    request_log_t *log = *con_cls;
    web_reply_t reply = { 0 };
    handle_t *h;

    (void) version;
    (void) upload_data;
    if (log != NULL)
        snprintf (log->method, sizeof log->method, "%s", method);
    if (strcmp (method, "GET") != 0 && strcmp (method, "HEAD") != 0) {
        web_error (&reply, 405, "only GET and HEAD are served, not %.20s", method);
        return send_reply (conn, &reply, log);
    }
    if (*upload_data_size != 0) {
        web_error (&reply, 413, "a GET request carries no body");
        return send_reply (conn, &reply, log);
    }
    /* Answer at the second call, once the whole request is read: an
     * answer queued before that closes the connection, and keep-alive
     * is what makes a page's requests cheap. */
    if (log != NULL && !log->headers_read) {
        log->headers_read = 1;
        return MHD_YES;
    }
    if (log != NULL && log->too_long) {
        web_error (&reply, 414, "the request is longer than %d bytes",
                   WEB_MAX_URL_BYTES);
        return send_reply (conn, &reply, log);
    }
    if (!authorized (s, conn, log)) {
        web_error (&reply, 401, "this archive needs a user name and password");
        return send_reply (conn, &reply, log);
    }
    if (strncmp (url, "/api/", 5) == 0) {
        h = thread_handle (s);
        answer_api (s, conn, url, h, log, &reply);
    } else {
        web_route (url, get_param, conn, NULL, NULL, 0, &reply);
    }
    return send_reply (conn, &reply, log);
}

/* Called first with the whole request target: the log's record. */
static void *
on_uri (void *cls, const char *uri, struct MHD_Connection *conn)
{
    request_log_t *log = calloc (1, sizeof *log);

    (void) cls;
    (void) conn;
    if (log == NULL)
        return NULL;
    clock_gettime (CLOCK_MONOTONIC, &log->start);
    snprintf (log->uri, sizeof log->uri, "%s", uri);
    log->too_long = strlen (uri) > WEB_MAX_URL_BYTES;
    return log;
}

static void
client_address (struct MHD_Connection *conn, char *buf, size_t size)
{
    const union MHD_ConnectionInfo *info =
        MHD_get_connection_info (conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const struct sockaddr *sa = info ? info->client_addr : NULL;

    snprintf (buf, size, "-");
    if (sa != NULL && sa->sa_family == AF_INET)
        inet_ntop (AF_INET, &((const struct sockaddr_in *) sa)->sin_addr, buf,
                   (socklen_t) size);
    else if (sa != NULL && sa->sa_family == AF_INET6)
        inet_ntop (AF_INET6, &((const struct sockaddr_in6 *) sa)->sin6_addr, buf,
                   (socklen_t) size);
}

/* One line a request: time, client, user, request, status, bytes and
 * the milliseconds it took. */
static void
on_completed (void *cls, struct MHD_Connection *conn, void **con_cls,
              enum MHD_RequestTerminationCode toe)
{
    server_t *s = cls;
    request_log_t *log = *con_cls;
    struct timespec now;
    char when[32], client[64];
    time_t t = time (NULL);
    struct tm tm;
    double ms;

    *con_cls = NULL;
    if (log == NULL)
        return;
    if (s->config.log != NULL) {
        clock_gettime (CLOCK_MONOTONIC, &now);
        ms = (double) (now.tv_sec - log->start.tv_sec) * 1e3
             + (double) (now.tv_nsec - log->start.tv_nsec) / 1e6;
        gmtime_r (&t, &tm);
        strftime (when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        client_address (conn, client, sizeof client);
        /* Control bytes of the target are shown as '?', so a line is a
         * line. */
        for (char *p = log->uri; *p; p++)
            if ((unsigned char) *p < 0x20 || *p == 0x7f || *p == '"')
                *p = '?';
        pthread_mutex_lock (&s->log_lock);
        fprintf (s->config.log, "%s %s %s \"%s %s\" %u %zu %.1fms%s\n", when,
                 client, *log->user ? log->user : "-",
                 *log->method ? log->method : "-", log->uri, log->status,
                 log->bytes, ms, toe == MHD_REQUEST_TERMINATED_COMPLETED_OK
                                 ? "" : " (not completed)");
        fflush (s->config.log);
        pthread_mutex_unlock (&s->log_lock);
    }
    free (log);
}

/* Each pool thread frees its handle when it ends (pthread key
 * destructor); MHD ends them in MHD_stop_daemon(). */
server_t *
server_start (const server_config_t *config, char **error_out)
{
    server_t *s = calloc (1, sizeof *s);
    unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG;

    *error_out = NULL;
    if (s == NULL) {
        *error_out = strdup ("out of memory");
        return NULL;
    }
    s->config = *config;
    if (pthread_key_create (&s->handle_key, handle_free) != 0) {
        free (s);
        *error_out = strdup ("cannot create the threads' keys");
        return NULL;
    }
    pthread_mutex_init (&s->log_lock, NULL);
    if (config->cache_bytes > 0 && web_cache_new (config->cache_bytes, &s->cache)) {
        pthread_key_delete (s->handle_key);
        pthread_mutex_destroy (&s->log_lock);
        free (s);
        *error_out = strdup ("out of memory");
        return NULL;
    }
    if (config->addr.ss_family == AF_INET6)
        flags |= MHD_USE_IPv6;
    if (MHD_is_feature_supported (MHD_FEATURE_EPOLL) == MHD_YES)
        flags |= MHD_USE_EPOLL;
    else
        flags |= MHD_USE_POLL;
    errno = 0;
    s->daemon = MHD_start_daemon (
        flags, 0, NULL, NULL, on_request, s,
        MHD_OPTION_SOCK_ADDR, (const struct sockaddr *) &config->addr,
        MHD_OPTION_THREAD_POOL_SIZE, (unsigned int) config->threads,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int) config->idle_timeout,
        MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t) WEB_MEMORY_PER_CONNECTION,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned int) 512,
        MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
        MHD_OPTION_NOTIFY_COMPLETED, on_completed, s,
        MHD_OPTION_END);
    if (s->daemon == NULL) {
        if (asprintf (error_out, "cannot listen: %s",
                      errno ? strerror (errno) : "the address is not usable") < 0)
            *error_out = NULL;
        pthread_key_delete (s->handle_key);
        pthread_mutex_destroy (&s->log_lock);
        web_cache_free (s->cache);
        free (s);
        return NULL;
    }
    return s;
}

unsigned
server_port (const server_t *s)
{
    const union MHD_DaemonInfo *info =
        MHD_get_daemon_info (s->daemon, MHD_DAEMON_INFO_BIND_PORT);

    return info ? info->port : 0;
}

void
server_stop (server_t *s)
{
    if (s == NULL)
        return;
    MHD_stop_daemon (s->daemon);
    web_cache_free (s->cache);
    pthread_key_delete (s->handle_key);
    pthread_mutex_destroy (&s->log_lock);
    free (s);
}
