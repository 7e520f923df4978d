#!/bin/sh
# tracuu-web under load, beside tracuu-query: the latency of every query
# of bench/queries.txt (searches) and bench/web-questions.txt (answers)
# through HTTP, one kept-alive connection, REPS timed runs after a
# warm-up, computed by the library (a server with --cache-size 0, as
# every first request is) and from the server's cache of answers (a
# server with its default cache, the warm-up having filled it); the same
# query with tracuu-query --format json as a new process
# (bench/timeit.c); throughput with 8 concurrent clients (wrk) on both
# servers; the cached server's memory over 10 000 requests. Writes the
# "Web server" section of docs/BENCHMARKS.md (replacing an older one).
# Usage: sh bench/web.sh [BUILD] [DB]
#   DB                 default bench/out/n100000/tracuu.db (made by bench/run.sh)
#   BENCH_REPS         timed runs of each query (default 20)
#   BENCH_WEB_THREADS  tracuu-web --threads (default 4)
#   BENCH_WEB_SECONDS  seconds of each wrk run (default 15)
#   BENCH_WEB_MEMORY   requests of the memory run (default 10000), over
#                      the queries answered in under 50 ms
#   BENCH_DOCS_OUT     the report to update (default docs/BENCHMARKS.md;
#                      "-" for bench/out/web.md only)
set -eu

BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
DB=${2:-$OUT/n${BENCH_DOCS:-100000}/tracuu.db}
REPS=${BENCH_REPS:-20}
THREADS=${BENCH_WEB_THREADS:-4}
SECONDS_WRK=${BENCH_WEB_SECONDS:-15}
NMEM=${BENCH_WEB_MEMORY:-10000}
REPORT_DOC=${BENCH_DOCS_OUT:-$ROOT/docs/BENCHMARKS.md}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
case $DB in /*) ;; *) DB=$PWD/$DB ;; esac
WEB=$BUILD/tracuu-web
TQUERY=$BUILD/tracuu-query
PY=python3

die () { echo "bench/web: $*" >&2; exit 1; }
[ -x "$WEB" ] && [ -x "$TQUERY" ] || die "build tracuu first (make)"
[ -d "$DB" ] || die "no database at $DB: run bench/run.sh first, or give one"
command -v wrk >/dev/null 2>&1 || die "missing wrk (Debian package wrk; sh scripts/setup.sh bench)"
command -v curl >/dev/null 2>&1 || die "missing curl"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-bench-web.XXXXXX")
PID=""
PID_COLD=""
cleanup () {
    [ -n "$PID" ] && kill "$PID" 2>/dev/null
    [ -n "$PID_COLD" ] && kill "$PID_COLD" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
mkdir -p "$OUT"
cc -std=c11 -O2 -o "$TMP/timeit" "$ROOT/bench/timeit.c"

enc () { $PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }

# The queries: id, kind, HTTP path, the tracuu-query arguments.
tab=$(printf '\t')
: >"$TMP/queries.tsv"
awk '/^id:/ { id = $2 } /^tracuu:/ { sub(/^tracuu:[ \t]*/, ""); print id "\t" $0 }' \
    "$ROOT/bench/queries.txt" | while IFS="$tab" read -r id q; do
    printf '%s\tsearch\t/api/query?q=%s\t%s\n' "$id" "$(enc "$q")" "$q" >>"$TMP/queries.tsv"
done
n=0
grep -v '^#' "$ROOT/bench/web-questions.txt" | grep . | while read -r q; do
    n=$((n + 1))
    case $q in
    /api/*) printf 'q-%d\tquestion\t%s\t-\n' "$n" "$q" >>"$TMP/queries.tsv" ;;
    *) printf 'q-%d\tquestion\t/api/query?q=%s\t%s\n' "$n" "$(enc "$q")" "$q" >>"$TMP/queries.tsv" ;;
    esac
done
cut -f3 "$TMP/queries.tsv" >"$TMP/paths"
awk -F'\t' '$2 == "search" { print $3 }' "$TMP/queries.tsv" >"$TMP/paths-search"
awk -F'\t' '$2 == "question" { print $3 }' "$TMP/queries.tsv" >"$TMP/paths-question"

# The servers, on free loopback ports, from the database's folder: one
# with its cache of answers, one without (every request computed).
cd "$(dirname "$DB")"
port_of () {
    p=""
    i=0
    while [ -z "$p" ] && [ $i -lt 100 ]; do
        sleep 0.1
        p=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$1")
        i=$((i + 1))
    done
    [ -n "$p" ] || die "tracuu-web did not start: $(cat "$1")"
    echo "$p"
}
"$WEB" --db "$DB" --listen 127.0.0.1:0 --threads "$THREADS" --access-log /dev/null \
    2>"$TMP/web.err" &
PID=$!
PORT=$(port_of "$TMP/web.err")
"$WEB" --db "$DB" --listen 127.0.0.1:0 --threads "$THREADS" --access-log /dev/null \
    --cache-size 0 2>"$TMP/web-cold.err" &
PID_COLD=$!
PORT_COLD=$(port_of "$TMP/web-cold.err")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
REPORTS=$(curl -s "http://127.0.0.1:$PORT/api/status" | sed -n 's/.*"reports":\([0-9]*\).*/\1/p')
echo "bench/web: $REPORTS reports, ports $PORT (cache) and $PORT_COLD (none), $THREADS threads"

# 1. Latency, through HTTP and as a new process; the same bytes?
echo "bench/web: latency, $REPS runs of each query, computed then cached"
$PY "$ROOT/bench/webclient.py" latency 127.0.0.1 "$PORT_COLD" "$REPS" "$TMP/paths" >"$TMP/http.txt"
$PY "$ROOT/bench/webclient.py" latency 127.0.0.1 "$PORT" "$REPS" "$TMP/paths" >"$TMP/http-warm.txt"
: >"$TMP/rows.tsv"
i=0
while IFS="$tab" read -r id kind path q; do
    i=$((i + 1))
    set -- $(sed -n "${i}p" "$TMP/http-warm.txt")
    w50=$1 w95=$2 w99=$3
    set -- $(sed -n "${i}p" "$TMP/http.txt")
    h50=$1 h95=$2 h99=$3 total=$(echo "$4" | tr _ ' ')
    if [ "$q" = "-" ]; then
        p50=- p95=- same=-
    else
        curl -s "http://127.0.0.1:$PORT$path" >"$TMP/http.json"
        # As /api/query does: 10 reports, or 100 cases.
        lim=10
        [ "$kind" = question ] && lim=100
        set -- $("$TMP/timeit" -w 1 -n "$REPS" -o "$TMP/cli.json" -- \
            "$TQUERY" --db "$DB" --format json -n "$lim" "$q")
        p50=$1 p95=$2
        if cmp -s "$TMP/http.json" "$TMP/cli.json"; then same=yes; else same=no; fi
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$kind" "$total" "$h50" "$h95" "$h99" \
        "$p50" "$p95" "$same" "$w50" "$w95" "$w99" >>"$TMP/rows.tsv"
    printf '  %-18s %-8s http %6s/%6s/%6s ms  cached %5s/%5s/%5s ms  process %6s/%6s ms  same bytes %s  total %s\n' \
        "$id" "$kind" "$h50" "$h95" "$h99" "$w50" "$w95" "$w99" "$p50" "$p95" "$same" "$total"
done <"$TMP/queries.tsv"
# The queries the library answers in under 50 ms here: with them the
# server's own cost shows, not that of counting 80 000 matches.
awk -F'\t' -v OFS='\t' 'NR == FNR { h[FNR] = $4; next } h[FNR] + 0 < 50 { print $3 }' \
    "$TMP/rows.tsv" "$TMP/queries.tsv" >"$TMP/paths-fast"
[ -s "$TMP/paths-fast" ] || head -n 3 "$TMP/paths" >"$TMP/paths-fast"
NFAST=$(wc -l <"$TMP/paths-fast" | tr -d ' ')
# p95 over all the timed requests of a kind is not kept; the worst p95
# of a query of each kind is what the goals are about.
worst () { awk -F'\t' -v k="$1" -v c="$2" '$2 == k && $c != "-" && $c + 0 > m { m = $c + 0 } END { printf "%.2f", m }' "$TMP/rows.tsv"; }
med () { awk -F'\t' -v k="$1" -v c="$2" '$2 == k && $c != "-" { print $c + 0 }' "$TMP/rows.tsv" \
    | sort -n | awk '{ v[NR] = $1 } END { if (NR) printf "%.2f", v[int((NR + 1) / 2)]; else printf "n/a" }'; }

# 2. Throughput: 8 clients at once (wrk, 2 threads), each kind apart.
cat >"$TMP/paths.lua" <<'LUA'
local paths = {}
for line in io.lines(os.getenv("WRK_PATHS")) do paths[#paths + 1] = line end
local i = math.random(#paths)
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
LUA
rps () {
    WRK_PATHS=$1 wrk -t2 -c8 -d"${SECONDS_WRK}s" --latency -s "$TMP/paths.lua" \
        "http://127.0.0.1:$2" >"$TMP/wrk.txt" 2>&1 || die "wrk failed: $(cat "$TMP/wrk.txt")"
    r=$(awk '/^Requests\/sec:/ { print $2 }' "$TMP/wrk.txt")
    l50=$(awk '$1 == "50%" { print $2 }' "$TMP/wrk.txt")
    l99=$(awk '$1 == "99%" { print $2 }' "$TMP/wrk.txt")
    errs=$(awk '/Non-2xx|Socket errors/ { print }' "$TMP/wrk.txt" | tr '\n' ' ')
    echo "$r ${l50:-?} ${l99:-?} ${errs:-none}"
}
echo "bench/web: throughput, 8 clients, ${SECONDS_WRK} s each, computed then cached"
RPS_S=$(rps "$TMP/paths-search" "$PORT_COLD")
RPS_Q=$(rps "$TMP/paths-question" "$PORT_COLD")
RPS_ALL=$(rps "$TMP/paths" "$PORT_COLD")
RPS_F=$(rps "$TMP/paths-fast" "$PORT_COLD")
WRPS_S=$(rps "$TMP/paths-search" "$PORT")
WRPS_Q=$(rps "$TMP/paths-question" "$PORT")
WRPS_ALL=$(rps "$TMP/paths" "$PORT")
echo "  searches: $RPS_S; cached: $WRPS_S"
echo "  questions: $RPS_Q; cached: $WRPS_Q"
echo "  mixed: $RPS_ALL; cached: $WRPS_ALL"
echo "  the $NFAST under 50 ms: $RPS_F"
kill -TERM "$PID_COLD"
wait "$PID_COLD" || true
PID_COLD=""

# 3. Memory over many requests, each a new one (a parameter the server
# does not read makes each request its own key): the cache fills to its
# bound and evicts.
echo "bench/web: memory over $NMEM distinct requests (the $NFAST queries under 50 ms)"
set -- $($PY "$ROOT/bench/webclient.py" memory 127.0.0.1 "$PORT" "$NMEM" "$PID" "$TMP/paths-fast" distinct)
M0=$1 M1=$2 M2=$3 MMAX=$4
echo "  RSS KiB: after warm-up $M0, after 1000 $M1, after $NMEM $M2, highest $MMAX"
kill -TERM "$PID"
wait "$PID" || true
PID=""

# 4. The section.
kib_mib () { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
R=$OUT/web.md
{
cat <<EOF2
## Web server

tracuu-web over the index of the benchmark ($REPORTS reports), started with
\`--threads $THREADS\`, asked from this machine over loopback. Reproduce:
\`sh bench/web.sh build $DB\` (after \`make bench\`; \`BENCH_REPS=$REPS\`).
Latency: one kept-alive connection (bench/webclient.py), one warm-up then
$REPS timed requests per query, ms median / p95 / p99 (nearest rank); the
searches are those of bench/queries.txt asked as \`/api/query?q=\` (10
reports, total counted exactly, as JSON needs), the questions those of
bench/web-questions.txt. "computed" is a server started with
\`--cache-size 0\`: every request is answered by the library, as the
first request of a query is; "cached" is a server with its default
cache of answers, which the warm-up request filled, so the timed ones
are hits. "process" is \`tracuu-query --format json\` on the same query
as a new process (bench/timeit.c), median / p95; "same" says whether its
output is byte for byte the server's. Load average at the start of the
run: $LOAD (other work shared the 2 cores: read the medians first).

| query | kind | total | computed ms | cached ms | process ms | same |
|---|---|---|---|---|---|---|
EOF2
while IFS="$tab" read -r id kind total h50 h95 h99 p50 p95 same w50 w95 w99; do
    printf '| %s | %s | %s | %s / %s / %s | %s / %s / %s | %s / %s | %s |\n' "$id" "$kind" "$total" "$h50" "$h95" "$h99" "$w50" "$w95" "$w99" "$p50" "$p95" "$same"
done <"$TMP/rows.tsv"
set -- $RPS_S; S1=$1 S2=$2 S3=$3
set -- $RPS_Q; Q1=$1 Q2=$2 Q3=$3
set -- $RPS_ALL; A1=$1 A2=$2 A3=$3
set -- $RPS_F; F1=$1 F2=$2 F3=$3
set -- $WRPS_S; WS1=$1 WS2=$2 WS3=$3
set -- $WRPS_Q; WQ1=$1 WQ2=$2 WQ3=$3
set -- $WRPS_ALL; WA1=$1 WA2=$2 WA3=$3
cat <<EOF2

Worst p95 of a search, computed: $(worst search 5) ms, cached: $(worst search 11) ms
(goal ≤ 20); of a question, computed: $(worst question 5) ms, cached:
$(worst question 11) ms (goal ≤ 100). Median of the searches' medians:
$(med search 4) ms computed, $(med search 10) ms cached, $(med search 7) ms as a new
process.

Throughput with 8 concurrent clients (\`wrk -t2 -c8 -d${SECONDS_WRK}s\`, cycling
through the queries; wrk runs on the same 2 cores as the server). Cached:
every query after its first request comes from the cache, as when many
people ask the same questions; computed: none does.

| requests | computed req/s | latency median | p99 | cached req/s | latency median | p99 |
|---|---|---|---|---|---|---|
| searches | $S1 | $S2 | $S3 | $WS1 | $WS2 | $WS3 |
| questions | $Q1 | $Q2 | $Q3 | $WQ1 | $WQ2 | $WQ3 |
| both | $A1 | $A2 | $A3 | $WA1 | $WA2 | $WA3 |
| the $NFAST queries under 50 ms | $F1 | $F2 | $F3 | | | |

Goal: ≥ 200 req/s with 8 clients on 2 cores.

Memory (VmRSS of the server with its cache of 64 MB) over $NMEM requests
cycling through the $NFAST queries under 50 ms, each made a new request
(a parameter the server does not read), so that the cache fills and
evicts: $(kib_mib "$M0") MiB after one warm-up pass, $(kib_mib "$M1") MiB after 1000
requests, $(kib_mib "$M2") MiB after $NMEM, highest $(kib_mib "$MMAX") MiB.
EOF2
} >"$R"
cat "$R"
if [ "$REPORT_DOC" != "-" ] && [ -f "$REPORT_DOC" ]; then
    awk '/^## Web server$/ { skip = 1; next } /^## / { skip = 0 } !skip' "$REPORT_DOC" >"$REPORT_DOC.tmp"
    { cat "$REPORT_DOC.tmp"; echo; cat "$R"; } >"$REPORT_DOC"
    rm -f "$REPORT_DOC.tmp"
    echo "bench/web: wrote the Web server section of $REPORT_DOC"
fi
