/* tracuu-web: the archive in a browser, and its JSON API. */
#include <arpa/inet.h>
#include <getopt.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tracuu/display.h"
#include "tracuu/index.h"
#include "tracuu/version.h"
#include "server.h"
#include "web.h"

static const char usage[] =
    "Usage: tracuu-web [OPTION]...\n"
    "Serve a tracuu database to browsers: a page for searches and\n"
    "questions, and a JSON API (/api/query, /api/search, /api/answer,\n"
    "/api/facets, /api/groups, /api/report, /api/status) giving what\n"
    "tracuu-query --format json gives.\n"
    "\n"
    "  --db DIR            database (default: $TRACUU_DB, else ./tracuu.db),\n"
    "                      opened read-only; what an indexer commits is\n"
    "                      seen by the next request; again for more\n"
    "                      shards: a folder, HOST:PORT of a xapian-tcpsrv,\n"
    "                      or a file listing shards (\"auto FOLDER\",\n"
    "                      \"remote HOST:PORT\" lines)\n"
    "  --shard-timeout MS  give up on a remote shard after MS milliseconds\n"
    "                      (default 10000) and answer from the others\n"
    "  --listen ADDR:PORT  where to listen (default 127.0.0.1:8080; port 0\n"
    "                      picks a free one; [::1]:PORT for IPv6); an\n"
    "                      address other than loopback needs --auth-file\n"
    "  --threads N         connection threads, each with its own database\n"
    "                      handle (default: 2 per core, at most 16)\n"
    "  --auth-file FILE    HTTP Basic users, lines of user:hash (crypt(3):\n"
    "                      mkpasswd -m yescrypt, openssl passwd -6)\n"
    "  --timeout MS        stop a request still running MS milliseconds after\n"
    "                      it arrived and answer 503 with a JSON error\n"
    "                      (default 10000; 0: no limit)\n"
    "  --cache-size MB     keep answers in a cache of MB megabytes (default\n"
    "                      64; 0: none), by request and database revision:\n"
    "                      a commit of the indexer makes every request new\n"
    "  --idle-timeout SECONDS\n"
    "                      close connections idle or sending their request\n"
    "                      for longer (default 30)\n"
    "  --access-log FILE   one line per request there ('-': standard\n"
    "                      output; default: standard error)\n"
    "  -h, --help          show this help\n"
    "  -V, --version       show the version\n"
    "\n"
    "It prints the address it serves on standard error, and stops cleanly\n"
    "on SIGTERM or SIGINT (Ctrl-C).\n"
    "\n"
    "Exit status: 0 after a clean stop, 2 on usage, database or listening\n"
    "errors.\n";

/* Shards given as --db options; more are listed in a file. */
#define MAX_DB_ARGS 64

typedef struct args {
    const char *db, *listen, *auth_file, *access_log;
    const char *dbs[MAX_DB_ARGS];
    size_t n_dbs;
    unsigned threads, idle_timeout, timeout, shard_timeout, cache_mb;
} args_t;

static int
parse_uint (const char *s, unsigned lo, unsigned hi, unsigned *out)
{
    char *end;
    unsigned long v = strtoul (s, &end, 10);

    if (*s == '\0' || *s == '-' || *end != '\0' || v < lo || v > hi)
        return -1;
    *out = (unsigned) v;
    return 0;
}

/* "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:80", ":8080" (every IPv4
 * address). -1 if it is none. */
static int
parse_listen (const char *s, struct sockaddr_storage *ss, socklen_t *len)
{
    char host[128];
    const char *colon;
    unsigned port;
    size_t hlen;

    memset (ss, 0, sizeof *ss);
    if (s[0] == '[') {
        const char *close = strchr (s, ']');

        if (close == NULL || close[1] != ':')
            return -1;
        hlen = (size_t) (close - s - 1);
        colon = close + 1;
        s++;
    } else {
        colon = strrchr (s, ':');
        if (colon == NULL)
            return -1;
        hlen = (size_t) (colon - s);
    }
    if (hlen >= sizeof host || parse_uint (colon + 1, 0, 65535, &port))
        return -1;
    memcpy (host, s, hlen);
    host[hlen] = '\0';
    if (hlen == 0)
        strcpy (host, "0.0.0.0");
    {
        struct sockaddr_in *in4 = (struct sockaddr_in *) ss;
        struct sockaddr_in6 *in6 = (struct sockaddr_in6 *) ss;

        if (inet_pton (AF_INET, host, &in4->sin_addr) == 1) {
            in4->sin_family = AF_INET;
            in4->sin_port = htons ((uint16_t) port);
            *len = sizeof *in4;
            return 0;
        }
        if (inet_pton (AF_INET6, host, &in6->sin6_addr) == 1) {
            in6->sin6_family = AF_INET6;
            in6->sin6_port = htons ((uint16_t) port);
            *len = sizeof *in6;
            return 0;
        }
    }
    return -1;
}

static int
is_loopback (const struct sockaddr_storage *ss)
{
    if (ss->ss_family == AF_INET)
        return (ntohl (((const struct sockaddr_in *) ss)->sin_addr.s_addr) >> 24)
               == 127;
    return IN6_IS_ADDR_LOOPBACK (&((const struct sockaddr_in6 *) ss)->sin6_addr);
}

static int
parse_args (int argc, char **argv, args_t *a)
{
    static const struct option longopts[] = {
        { "db", required_argument, NULL, 'd' },
        { "shard-timeout", required_argument, NULL, 'S' },
        { "listen", required_argument, NULL, 'L' },
        { "threads", required_argument, NULL, 'T' },
        { "auth-file", required_argument, NULL, 'A' },
        { "timeout", required_argument, NULL, 't' },
        { "idle-timeout", required_argument, NULL, 'I' },
        { "cache-size", required_argument, NULL, 'C' },
        { "access-log", required_argument, NULL, 'l' },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 }
    };
    int c;

    while ((c = getopt_long (argc, argv, "hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            if (a->n_dbs == MAX_DB_ARGS) {
                fprintf (stderr, "tracuu-web: more than %d --db; list the "
                         "shards in a file and give --db FILE\n", MAX_DB_ARGS);
                return 2;
            }
            a->dbs[a->n_dbs++] = a->db = optarg;
            break;
        case 'S':
            if (parse_uint (optarg, 1, 100000, &a->shard_timeout)) {
                fprintf (stderr, "tracuu-web: --shard-timeout takes "
                         "milliseconds, from 1 to 100000, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'L': a->listen = optarg; break;
        case 'A': a->auth_file = optarg; break;
        case 'l': a->access_log = optarg; break;
        case 'T':
            if (parse_uint (optarg, 1, 256, &a->threads)) {
                fprintf (stderr, "tracuu-web: --threads takes a number from 1 "
                         "to 256, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 't':
            if (parse_uint (optarg, 0, 3600000, &a->timeout)) {
                fprintf (stderr, "tracuu-web: --timeout takes milliseconds "
                         "from 0 (no limit) to 3600000, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'C':
            if (parse_uint (optarg, 0, 65536, &a->cache_mb)) {
                fprintf (stderr, "tracuu-web: --cache-size takes megabytes "
                         "from 0 (no cache) to 65536, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'I':
            if (parse_uint (optarg, 1, 3600, &a->idle_timeout)) {
                fprintf (stderr, "tracuu-web: --idle-timeout takes seconds "
                         "from 1 to 3600, not '%s'\n", optarg);
                return 2;
            }
            break;
        case 'h': fputs (usage, stdout); return -1;
        case 'V': printf ("tracuu-web %s\n", TRACUU_VERSION); return -1;
        default:
            fputs ("Try 'tracuu-web --help'.\n", stderr);
            return 2;
        }
    }
    if (optind < argc) {
        fprintf (stderr, "tracuu-web: unexpected argument '%s'\n"
                 "Try 'tracuu-web --help'.\n", argv[optind]);
        return 2;
    }
    return 0;
}

int
main (int argc, char **argv)
{
    args_t a = { 0 };
    server_config_t cfg = { 0 };
    web_auth_t *auth = NULL;
    tracuu_index_t *index = NULL;
    server_t *server = NULL;
    char *error = NULL, shown[128];
    sigset_t stop;
    FILE *log = stderr;
    long cores = sysconf (_SC_NPROCESSORS_ONLN);
    int rc = 2, sig;

    a.db = getenv ("TRACUU_DB");
    if (a.db == NULL || *a.db == '\0')
        a.db = "tracuu.db";
    a.listen = "127.0.0.1:8080";
    a.idle_timeout = 30;
    a.timeout = 10000;
    a.cache_mb = 64;
    a.threads = cores > 0 ? (unsigned) (2 * cores) : 2;
    if (a.threads > 16)
        a.threads = 16;
    rc = parse_args (argc, argv, &a);
    if (rc != 0)
        return rc < 0 ? 0 : rc;
    rc = 2;
    if (parse_listen (a.listen, &cfg.addr, &cfg.addr_len)) {
        fprintf (stderr, "tracuu-web: --listen takes ADDRESS:PORT (such as "
                 "127.0.0.1:8080 or [::1]:8080), not '%s'\n", a.listen);
        return 2;
    }
    if (!is_loopback (&cfg.addr) && a.auth_file == NULL) {
        fprintf (stderr, "tracuu-web: %s is reachable from other machines; "
                 "give --auth-file with the users allowed, or listen on "
                 "127.0.0.1\n", a.listen);
        return 2;
    }
    if (a.auth_file != NULL && web_auth_load (a.auth_file, &auth, &error)) {
        fprintf (stderr, "tracuu-web: %s\n", error ? error : "out of memory");
        goto DONE;
    }
    if (a.access_log != NULL && strcmp (a.access_log, "-") == 0)
        log = stdout;
    else if (a.access_log != NULL && (log = fopen (a.access_log, "a")) == NULL) {
        fprintf (stderr, "tracuu-web: %s: %m\n", a.access_log);
        goto DONE;
    }
    /* Refuse to start on a database that cannot be opened: each thread
     * opens its own handle later. */
    if (a.n_dbs == 0)
        a.dbs[a.n_dbs++] = a.db;
    if (tracuu_index_open_read (a.dbs, a.n_dbs, a.shard_timeout, &index,
                                &error)) {
        fprintf (stderr, "tracuu-web: %s\n", error ? error : "cannot open the "
                 "database");
        goto DONE;
    }
    tracuu_index_close (index);
    /* Learn the current directory before threads share it. */
    tracuu_display_path ("/");
    /* Signals are taken by this thread alone: block them before MHD
     * starts its threads, which inherit the mask. */
    sigemptyset (&stop);
    sigaddset (&stop, SIGINT);
    sigaddset (&stop, SIGTERM);
    pthread_sigmask (SIG_BLOCK, &stop, NULL);
    signal (SIGPIPE, SIG_IGN);
    cfg.dbs = a.dbs;
    cfg.n_dbs = a.n_dbs;
    cfg.shard_timeout = a.shard_timeout;
    cfg.threads = a.threads;
    cfg.idle_timeout = a.idle_timeout;
    cfg.request_timeout = a.timeout;
    cfg.cache_bytes = (size_t) a.cache_mb << 20;
    cfg.auth = auth;
    cfg.log = log;
    server = server_start (&cfg, &error);
    if (server == NULL) {
        fprintf (stderr, "tracuu-web: %s: %s\n", a.listen, error ? error : "");
        goto DONE;
    }
    if (cfg.addr.ss_family == AF_INET6)
        snprintf (shown, sizeof shown, "[%.*s]", (int) (strrchr (a.listen, ']')
                  ? strrchr (a.listen, ']') - a.listen - 1 : 0), a.listen + 1);
    else
        snprintf (shown, sizeof shown, "%.*s", (int) (strrchr (a.listen, ':')
                  - a.listen), a.listen);
    fprintf (stderr, "tracuu-web: serving %s on http://%s:%u/ with %u threads\n",
             a.db, *shown ? shown : "0.0.0.0", server_port (server), a.threads);
    sigwait (&stop, &sig);
    fprintf (stderr, "tracuu-web: %s, stopping\n", sig == SIGTERM ? "SIGTERM"
                                                                  : "SIGINT");
    server_stop (server);
    rc = 0;

  DONE:
    if (log != NULL && log != stderr && log != stdout)
        fclose (log);
    web_auth_free (auth);
    free (error);
    return rc;
}
