/* tracuu-web's HTTP server on libmicrohttpd (server.c). */
#ifndef TRACUU_WEB_SERVER_H
#define TRACUU_WEB_SERVER_H

#include <stdio.h>
#include <sys/socket.h>

#include "web.h"

typedef struct server_config {
    const char *const *dbs;     /* The --db options: a folder, or shards. */
    size_t n_dbs;
    unsigned shard_timeout;     /* Milliseconds for a remote shard (0: 10 s). */
    struct sockaddr_storage addr;
    socklen_t addr_len;
    unsigned threads;           /* Connection threads, each with its own
                                   database handle. */
    unsigned idle_timeout;      /* Seconds a connection may stay idle or
                                   take to send its request. */
    unsigned request_timeout;   /* Milliseconds a request may run, from
                                   its arrival (0: no limit). */
    size_t cache_bytes;         /* Bound of the cache of answers (0: no
                                   cache). */
    const web_auth_t *auth;     /* NULL: no authentication. */
    FILE *log;                  /* Access log. */
} server_config_t;

typedef struct server server_t;

/* Start serving; NULL with *error_out (free()) on failure. */
server_t *server_start (const server_config_t *config, char **error_out);

/* The port actually bound (the one asked for, or the one chosen for 0). */
unsigned server_port (const server_t *s);

/* Stop: finish the requests under way, close every database handle. */
void server_stop (server_t *s);

#endif
