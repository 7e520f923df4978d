#!/bin/sh
# Two builds of tracuu-query on one index, query by query, in one run:
# for each query of the benchmark set (bench/out/queries.tsv, written by
# bench/run.sh) one warm-up then REPS timed runs of the old program, then
# of the new one, each as a new process (bench/timeit). Prints each
# query's median / p95 in ms for both, then the p50 and p95 of all runs
# of each program together (nearest rank), as docs/BENCHMARKS.md gives
# them.
# Usage: sh bench/compare-query.sh OLD_QUERY NEW_QUERY DB [REPS]
#   e.g. sh bench/compare-query.sh /tmp/tracuu-query.old build/tracuu-query \
#            bench/out/n100000/tracuu.db
set -eu

[ $# -ge 3 ] || { echo "usage: sh bench/compare-query.sh OLD NEW DB [REPS]" >&2; exit 2; }
OLD=$1 NEW=$2 DB=$3 REPS=${4:-20}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TIMEIT=$ROOT/bench/out/bin/timeit
QUERIES=$ROOT/bench/out/queries.tsv
[ -x "$TIMEIT" ] && [ -r "$QUERIES" ] \
    || { echo "bench: run bench/run.sh first (it builds $TIMEIT and $QUERIES)" >&2; exit 2; }
RAW=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-compare.XXXXXX")
trap 'rm -rf "$RAW"' EXIT INT TERM
tab=$(printf '\t')

echo "| query | old ms (median / p95) | new ms (median / p95) |"
echo "|---|---|---|"
while IFS="$tab" read -r id tq _qq _fq; do
    o=$("$TIMEIT" -w 1 -n "$REPS" -r "$RAW/old.ms" -- "$OLD" --db "$DB" --limit 10 "$tq")
    n=$("$TIMEIT" -w 1 -n "$REPS" -r "$RAW/new.ms" -- "$NEW" --db "$DB" --limit 10 "$tq")
    echo "$o $n" | awk -v id="$id" '{ printf "| %s | %s / %s | %s / %s |\n", id, $1, $2, $7, $8 }'
done < "$QUERIES"
for f in old new; do
    sort -n "$RAW/$f.ms" | awk -v f="$f" '{ a[NR] = $1 }
        END { i = int (NR * 0.95); if (i < NR * 0.95) i++;
              printf "| all queries, %s | p50 %.2f | p95 %.2f |\n", f, a[int ((NR + 1) / 2)], a[i] }'
done
