/* HTTP Basic users of --auth-file, checked with crypt(3). */
#include <crypt.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "web.h"

typedef struct user {
    char *name;
    char *hash;
} user_t;

struct web_auth {
    user_t *users;
    size_t n;
    size_t room;                /* Allocated slots of 'users'. */
};

/* Compared in time that depends on the lengths only, so that a guess
 * learns nothing from how long the answer takes. */
static int
same (const char *a, const char *b)
{
    size_t la = strlen (a), lb = strlen (b), n = la > lb ? la : lb;
    unsigned char diff = (unsigned char) (la != lb);

    for (size_t i = 0; i < n; i++)
        diff |= (unsigned char) ((i < la ? a[i] : 0) ^ (i < lb ? b[i] : 0));
    return diff == 0;
}

int
web_auth_load (const char *path, web_auth_t **out, char **error_out)
{
    FILE *f = fopen (path, "r");
    web_auth_t *a = NULL;
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t len;
    int rc = -1;

    *out = NULL;
    *error_out = NULL;
    if (f == NULL) {
        if (asprintf (error_out, "%s: %s", path, strerror (errno)) < 0)
            *error_out = NULL;
        return -1;
    }
    a = calloc (1, sizeof *a);
    if (a == NULL)
        goto NOMEM;
    while ((len = getline (&line, &cap, f)) >= 0) {
        char *colon, *hash;
        user_t *users;

        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        colon = strchr (line, ':');
        hash = colon ? colon + 1 : NULL;
        /* crypt(3) hashes start with '$' (yescrypt, SHA-512...); a DES
         * hash is 13 characters. */
        if (colon == NULL || colon == line
            || (*hash != '$' && strlen (hash) != 13)) {
            if (asprintf (error_out, "%s:%zu: expected user:hash, with the "
                          "hash from mkpasswd or openssl passwd -6", path,
                          lineno) < 0)
                *error_out = NULL;
            goto DONE;
        }
        *colon = '\0';
        if (a->n == a->room) {
            size_t room = a->room ? 2 * a->room : 8;

            users = realloc (a->users, room * sizeof *users);
            if (users == NULL)
                goto NOMEM;
            a->users = users;
            a->room = room;
        }
        a->users[a->n].name = strdup (line);
        a->users[a->n].hash = strdup (hash);
        a->n++;
        if (a->users[a->n - 1].name == NULL || a->users[a->n - 1].hash == NULL)
            goto NOMEM;
    }
    if (ferror (f)) {
        if (asprintf (error_out, "%s: %s", path, strerror (errno)) < 0)
            *error_out = NULL;
        goto DONE;
    }
    if (a->n == 0) {
        if (asprintf (error_out, "%s: no user:hash line", path) < 0)
            *error_out = NULL;
        goto DONE;
    }
    *out = a;
    a = NULL;
    rc = 0;
    goto DONE;

  NOMEM:
    free (*error_out);
    *error_out = strdup ("out of memory reading the users");
  DONE:
    free (line);
    fclose (f);
    web_auth_free (a);
    return rc;
}

int
web_auth_check (const web_auth_t *auth, const char *user, const char *password)
{
    struct crypt_data data;
    const user_t *found = NULL;
    const char *hash, *got;
    int ok;

    if (auth == NULL || user == NULL || password == NULL)
        return 0;
    for (size_t i = 0; i < auth->n; i++)
        if (same (auth->users[i].name, user) && found == NULL)
            found = &auth->users[i];
    /* An unknown user costs one hash too, against the first user's
     * setting, and fails. */
    hash = found ? found->hash : auth->users[0].hash;
    memset (&data, 0, sizeof data);
    got = crypt_r (password, hash, &data);
    ok = got != NULL && got[0] != '*' && same (got, hash);
    return ok && found != NULL;
}

void
web_auth_free (web_auth_t *auth)
{
    if (auth == NULL)
        return;
    for (size_t i = 0; i < auth->n; i++) {
        free (auth->users[i].name);
        free (auth->users[i].hash);
    }
    free (auth->users);
    free (auth);
}
