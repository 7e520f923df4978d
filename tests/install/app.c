/*
 * A program outside the tree, built by tests/install.sh against the
 * installed library with pkg-config: index one file, search it, print
 * each hit as "rank. file:line:" and the words it matched.
 * Usage: app DB FILE QUERY
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tracuu/index.h>
#include <tracuu/search.h>
#include <tracuu/version.h>

int
main (int argc, char **argv)
{
    tracuu_index_options_t opts = TRACUU_INDEX_OPTIONS_INIT;
    tracuu_search_options_t search = TRACUU_SEARCH_OPTIONS_INIT;
    tracuu_index_stats_t stats;
    tracuu_index_t *index = NULL;
    tracuu_results_t *results = NULL;
    const char *paths[1];
    char *error = NULL;
    int rc = 1;

    if (argc != 4) {
        fputs ("usage: app DB FILE QUERY\n", stderr);
        return 2;
    }
    paths[0] = argv[2];
    if (tracuu_index_open (argv[1], TRACUU_INDEX_WRITE, &index, &error)) {
        fprintf (stderr, "app: %s\n", error ? error : "cannot open");
        free (error);
        return 2;
    }
    if (tracuu_index_update (index, paths, 1, &opts, &stats)
        || tracuu_search (index, argv[3], strlen (argv[3]), &search,
                          &results)) {
        fprintf (stderr, "app: %s\n", tracuu_index_last_error (index));
        goto DONE;
    }
    printf ("tracuu %s: indexed %zu\n", TRACUU_VERSION, stats.indexed);
    for (size_t i = 0; i < tracuu_results_size (results); i++) {
        const tracuu_hit_t *hit = tracuu_results_hit (results, i);
        const char *base = strrchr (hit->path, '/');

        printf ("%u. %s:%u:", hit->rank, base ? base + 1 : hit->path,
                hit->line);
        for (size_t k = 0; k < hit->n_spans; k++)
            printf (" %.*s", (int) (hit->spans[k].end - hit->spans[k].start),
                    hit->snippet + hit->spans[k].start);
        putchar ('\n');
    }
    rc = tracuu_results_size (results) > 0 ? 0 : 1;

  DONE:
    tracuu_results_destroy (results);
    tracuu_index_close (index);
    return rc;
}
