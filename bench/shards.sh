#!/bin/sh
# Benchmark an index of shards against one index of the same reports:
# generated reports split by province into three shards, asked as three
# local folders and as three xapian-tcpsrv on loopback, against one
# index of all of them. Every query's count must be the same; the
# median, p95 and p99 of one new tracuu-query process per run are
# compared. Usage: sh bench/shards.sh [BUILD]
#
#   BENCH_SHARD_DOCS  reports to generate (default 20000)
#   BENCH_SEED        generator seed (default 1)
#   BENCH_REPS        timed runs of each query (default 20), after one warm-up
#   BENCH_DOCS_OUT    the report to append the section to (default
#                     docs/BENCHMARKS.md; "-" for bench/out only)
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DOCS=${BENCH_SHARD_DOCS:-20000}
SEED=${BENCH_SEED:-1}
REPS=${BENCH_REPS:-20}
REPORT_DOC=${BENCH_DOCS_OUT:-docs/BENCHMARKS.md}
OUT=$ROOT/bench/out/shards
BIN=$ROOT/bench/out/bin
TQUERY=$ROOT/$BUILD/tracuu-query
TINDEX=$ROOT/$BUILD/tracuu-index
cd "$ROOT"

die () { echo "bench-shards: $*" >&2; exit 1; }
command -v xapian-tcpsrv >/dev/null 2>&1 || die "missing xapian-tcpsrv (Debian: xapian-tools)"
[ -x "$TQUERY" ] && [ -x "$TINDEX" ] || die "build tracuu first (make)"
mkdir -p "$OUT" "$BIN"
cc -std=c11 -O2 -o "$BIN/gen" bench/gen.c bench/truth.c bench/vn.c
cc -std=c11 -O2 -o "$BIN/timeit" bench/timeit.c

stamp="$DOCS $SEED $(cat bench/gen.c bench/vn.c "$TINDEX" | cksum)"
if [ "$(cat "$OUT/stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "bench-shards: generating and indexing $DOCS reports"
    rm -rf "$OUT"/*
    "$BIN/gen" --seed "$SEED" --docs "$DOCS" --out "$OUT/corpus" >/dev/null
    mkdir -p "$OUT/p1" "$OUT/p2" "$OUT/p3"
    i=0
    for d in $(ls "$OUT/corpus" | LC_ALL=C sort); do
        mv "$OUT/corpus/$d" "$OUT/p$((i % 3 + 1))/"
        i=$((i + 1))
    done
    for n in 1 2 3; do
        "$TINDEX" --quiet --db "$OUT/s$n.db" "$OUT/p$n" >/dev/null
    done
    "$TINDEX" --quiet --db "$OUT/all.db" "$OUT/p1" "$OUT/p2" "$OUT/p3" >/dev/null
    echo "$stamp" > "$OUT/stamp"
fi

free_port () {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
PIDS=""
trap 'kill $PIDS 2>/dev/null || true' EXIT
: > "$OUT/remote.shards"
for n in 1 2 3; do
    port=$(free_port)
    xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$OUT/s$n.db" &
    PIDS="$PIDS $!"
    echo "remote 127.0.0.1:$port" >> "$OUT/remote.shards"
done
printf 'auto s1.db\nauto s2.db\nauto s3.db\n' > "$OUT/local.shards"
sleep 1

# The searches of the main benchmark, and questions.
awk '/^tracuu:/ { sub(/^tracuu:[ \t]*/, ""); print }' bench/queries.txt > "$OUT/queries.txt"
cat >> "$OUT/queries.txt" <<'EOF'
all fines for false information in 2024
--group-by province --sum amount action:fine
--facet province,year,category action:fine
EOF

R=$OUT/section.md
{
    echo
    echo "## Shards"
    echo
    echo "$DOCS generated reports split by province into three shards, asked"
    echo "as three local folders and as three \`xapian-tcpsrv\` on loopback,"
    echo "against one index of them all; one new \`tracuu-query\` process per"
    echo "run, $REPS runs after one warm-up, milliseconds (median / p95 / p99)."
    echo "Counts are the reports found, or the cases of a question; they are"
    echo "the same in the three columns or the run stops."
    echo
    echo "| query | count | one index | 3 local shards | ratio | 3 remote shards | ratio |"
    echo "|---|---|---|---|---|---|---|"
} > "$R"
while IFS= read -r q; do
    # shellcheck disable=SC2086
    case $q in --*) set -- $q ;; *) set -- "$q" ;; esac
    c1=$("$TQUERY" --db "$OUT/all.db" -c "$@" 2>/dev/null | head -n 1 || true)
    c2=$("$TQUERY" --db "$OUT/local.shards" -c "$@" 2>/dev/null | head -n 1 || true)
    c3=$("$TQUERY" --db "$OUT/remote.shards" -c "$@" 2>/dev/null | head -n 1 || true)
    [ "$c1" = "$c2" ] && [ "$c1" = "$c3" ] || die "counts differ for '$q': $c1 $c2 $c3"
    t1=$("$BIN/timeit" -w 1 -n "$REPS" -- "$TQUERY" --db "$OUT/all.db" "$@")
    t2=$("$BIN/timeit" -w 1 -n "$REPS" -- "$TQUERY" --db "$OUT/local.shards" "$@")
    t3=$("$BIN/timeit" -w 1 -n "$REPS" -- "$TQUERY" --db "$OUT/remote.shards" "$@")
    f () { echo "$1" | awk '{ printf "%s / %s / %s", $1, $2, $3 }'; }
    r () { awk -v a="$(echo "$1" | cut -d' ' -f1)" -v b="$(echo "$2" | cut -d' ' -f1)" \
           'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
    printf '| `%s` | %s | %s | %s | %s | %s | %s |\n' "$q" "$c1" "$(f "$t1")" \
        "$(f "$t2")" "$(r "$t2" "$t1")" "$(f "$t3")" "$(r "$t3" "$t1")" >> "$R"
    echo "  $q: $c1"
done < "$OUT/queries.txt"
{
    echo
    echo "Reproduce: \`sh bench/shards.sh\` (BENCH_SHARD_DOCS=$DOCS, part of \`make bench\`)."
    echo "The machine's two cores also run the three servers."
} >> "$R"
cat "$R"
if [ "$REPORT_DOC" != "-" ]; then
    cat "$R" >> "$REPORT_DOC"
    echo "bench-shards: appended to $REPORT_DOC"
fi
