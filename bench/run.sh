#!/bin/sh
# Benchmark tracuu against omindex (Xapian Omega) and SQLite FTS5 on a
# generated archive of reports, at one or several sizes, then the peak
# memory of the largest reports alone. Usage: sh bench/run.sh [BUILD]
#
#   BENCH_DOCS   reports of the main size (default 100000): the detailed
#                tables, the extraction sample, the web benchmark
#   BENCH_SIZES  the sizes of the scaling table, e.g. "10000 100000 300000"
#                (default: a tenth of BENCH_DOCS, when that is at least
#                1000, and BENCH_DOCS). When given, the largest is the
#                main size and BENCH_DOCS is ignored.
#   BENCH_SEED   generator seed (default 1)
#   BENCH_REPS   timed runs of each query (default 20), after one warm-up
#   BENCH_GROUP_REPS    timed runs of the group-by answer (default 5)
#   BENCH_EXTRACT_DOCS  reports in the extraction sample (default 2000)
#   BENCH_KEEP   1: keep the corpus and indexes of the sizes below the
#                main one (default: deleted once measured, to spare disk)
#   BENCH_EXTRAS 0: skip the OCR, shards and web sections (their old
#                text is kept in the report); 1 (default): run them
#   BENCH_LARGE  0: skip the largest-reports section (old text kept)
#   BENCH_OUT    working folder (default bench/out)
#   BENCH_RESUME 1: a size that already has its figures in BENCH_OUT (from a
#                run that was stopped later) is not measured again; each
#                size's table says when it was measured
#   BENCH_REPORT_ONLY  1: measure nothing, write the report again from the
#                figures of the last run at these sizes (in BENCH_OUT)
#   BENCH_DOCS_OUT      where to write the report (default docs/BENCHMARKS.md;
#                       "-" for bench/out/BENCHMARKS.md only)
#
# Fails only when a tool is missing or a step errors; never on time.
set -eu

BUILD=${1:-build}
DOCS=${BENCH_DOCS:-100000}
SEED=${BENCH_SEED:-1}
REPS=${BENCH_REPS:-20}
GREPS=${BENCH_GROUP_REPS:-5}
XDOCS=${BENCH_EXTRACT_DOCS:-2000}
KEEP=${BENCH_KEEP:-0}
EXTRAS=${BENCH_EXTRAS:-1}
LARGE=${BENCH_LARGE:-1}
REPORT_ONLY=${BENCH_REPORT_ONLY:-0}
RESUME=${BENCH_RESUME:-0}
# The peers measured beside tracuu: "omindex fts5", or fewer for a size
# too large to give each one its hours (their columns then read n/a).
PEERS=" ${BENCH_PEERS:-omindex fts5} "
peer () { case $PEERS in *" $1 "*) return 0 ;; esac; return 1; }
RUN=$(date -u +%Y-%m-%dT%H:%MZ)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/out}
BIN=$OUT/bin
REPORT_DOC=${BENCH_DOCS_OUT:-$ROOT/docs/BENCHMARKS.md}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
case $OUT in /*) ;; *) OUT=$PWD/$OUT ;; esac
TINDEX=$BUILD/tracuu-index
TQUERY=$BUILD/tracuu-query

die () { echo "bench: $*" >&2; exit 1; }
need () { command -v "$1" >/dev/null 2>&1 || die "missing $1 (Debian package $2; run: sh scripts/setup.sh bench)"; }
need cc build-essential
need omindex xapian-omega
need quest xapian-tools
need xapian-delve xapian-tools
need sqlite3 sqlite3
need awk mawk
[ -x /usr/bin/time ] || die "missing /usr/bin/time (Debian package time)"
[ -f /usr/include/sqlite3.h ] || die "missing sqlite3.h (Debian package libsqlite3-dev)"

# The sizes, ascending; the largest is the main one.
if [ -n "${BENCH_SIZES:-}" ]; then
    SIZES=$(printf '%s\n' $BENCH_SIZES | sort -n -u | tr '\n' ' ' | sed 's/ $//')
else
    small=$((DOCS / 10))
    if [ "$small" -ge 1000 ]; then SIZES="$small $DOCS"; else SIZES=$DOCS; fi
fi
for n in $SIZES; do
    case $n in *[!0-9]*|'') die "BENCH_SIZES: not a number of reports: $n" ;; esac
    [ "$n" -ge 1000 ] && [ "$n" -le 1000000 ] || die "BENCH_SIZES: $n is outside 1000 to 1000000"
    DOCS=$n
done
MAIN=$OUT/n$DOCS

mkdir -p "$BIN"
cd "$ROOT"

# 1. Tools.
CFLAGS_BENCH="-std=c11 -O2 -Wall -Wextra"
cc $CFLAGS_BENCH -o "$BIN/gen" bench/gen.c bench/truth.c bench/vn.c
cc $CFLAGS_BENCH -o "$BIN/timeit" bench/timeit.c
cc $CFLAGS_BENCH -o "$BIN/fts5load" bench/fts5load.c -lsqlite3
cc $CFLAGS_BENCH -o "$BIN/finescmp" bench/finescmp.c
TIMEIT=$BIN/timeit

if [ -x "$TINDEX" ] && [ -x "$TQUERY" ]; then HAVE_TRACUU=1; else HAVE_TRACUU=0; fi

# The queries, one line each: id, then each engine's syntax.
awk '
    function flush() { if (id != "") print id "\t" tq "\t" qq "\t" fq; id = "" }
    /^#/ { next }
    /^[ \t]*$/ { flush(); next }
    { k = $0; sub(/:.*/, "", k); v = $0; sub(/^[^:]*:[ \t]*/, "", v) }
    k == "id" { id = v } k == "tracuu" { tq = v } k == "quest" { qq = v } k == "fts5" { fq = v }
    END { flush() }' bench/queries.txt > "$OUT/queries.tsv"

tab=$(printf '\t')
loadavg () { cut -d' ' -f1 /proc/loadavg; }
sqlq () { printf '%s' "$1" | sed "s/'/''/g"; }
first_int () { grep -o '[0-9][0-9]*' | head -n 1; }
# Nearest-rank percentile P (0-1) of the numbers in FILE, one a line.
pct () { sort -n "$2" | awk -v p="$1" '{ v[NR] = $1 } END { if (!NR) { printf "n/a"; exit } k = int(p * NR + 0.999999); if (k < 1) k = 1; if (k > NR) k = NR; printf "%.2f", v[k] }'; }

# Run "$@" once under the monotonic clock and GNU time, logging to
# $LOG/NAME.*. Sets T_WALL (s), T_RSS (KiB), T_CODE, T_LOAD (the 1-minute
# load average when it started).
timed () {
    name=$1; shift
    T_LOAD=$(loadavg)
    set -- $("$TIMEIT" -n 1 -o "$LOG/$name.out" -- \
        /usr/bin/time -f '%e %M' -o "$LOG/$name.time" "$@" 2>"$LOG/$name.err")
    T_WALL=$(awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }')
    T_CODE=$6
    T_RSS=$(tail -n 1 "$LOG/$name.time" | awk '{ print $2 }')
}

# 2-3. Measure one size N into $OUT/nN: the corpus (generated once per
# size, seed and generator), indexing, re-indexing, queries, the group-by
# answer; figures in summary.env and query-results.tsv.
measure () {
    N=$1
    D=$OUT/n$N
    LOG=$D/log
    mkdir -p "$LOG"
    stamp="$N $SEED $(cat bench/gen.c bench/truth.c bench/vn.c bench/vn.h bench/queries.txt | cksum)"
    if [ "$(cat "$D/corpus.stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "bench: generating $N reports (seed $SEED)"
        rm -rf "$D/corpus" "$D/corpus.stamp"
        "$BIN/gen" --seed "$SEED" --docs "$N" --out "$D/corpus" \
            --truth "$D/truth-fines.tsv" --queries bench/queries.txt \
            --counts "$D/truth-counts.tsv" --manifest "$D/manifest.tsv"
        echo "$stamp" > "$D/corpus.stamp"
    fi
    RAW=$(du -sb "$D/corpus" | cut -f1)
    NFILES=$(grep -vc '^#' "$D/manifest.tsv")

    # Warm cache: every engine reads the same files from memory.
    find "$D/corpus" -type f -exec cat {} + > /dev/null

    # 3a/3b. Indexing, then re-indexing the unchanged corpus.
    echo "bench: indexing $NFILES files ($RAW bytes), load $(loadavg)"
    rm -rf "$D/tracuu.db" "$D/omega.db" "$D/fts.db"
    TR_WALL="" TR_RSS="" TR_SIZE="" TR_DOCS="" TR_RE="" TR_RE_RSS="" TR_CMP="" TR_CSIZE="" TR_LOAD=""
    if [ $HAVE_TRACUU = 1 ]; then
        timed tracuu-index "$TINDEX" --quiet --db "$D/tracuu.db" "$D/corpus"
        [ "$T_CODE" -le 1 ] || die "tracuu-index failed (exit $T_CODE): $(tail -n 3 "$LOG/tracuu-index.err")"
        TR_WALL=$T_WALL TR_RSS=$T_RSS TR_LOAD=$T_LOAD
        TR_SIZE=$(du -sb "$D/tracuu.db" | cut -f1)
        TR_DOCS=$(xapian-delve "$D/tracuu.db" 2>/dev/null | awk -F' = ' '/number of documents/ { print $2 }')
        timed tracuu-reindex "$TINDEX" --quiet --db "$D/tracuu.db" "$D/corpus"
        [ "$T_CODE" -le 1 ] || die "tracuu-index (again) failed (exit $T_CODE)"
        TR_RE=$T_WALL TR_RE_RSS=$T_RSS
        # The same run with --compact: unchanged files, then the rewrite.
        timed tracuu-compact "$TINDEX" --quiet --compact --db "$D/tracuu.db" "$D/corpus"
        [ "$T_CODE" -le 1 ] || die "tracuu-index --compact failed (exit $T_CODE)"
        TR_CMP=$T_WALL
        TR_CSIZE=$(du -sb "$D/tracuu.db" | cut -f1)
    fi
    OM_WALL=n/a OM_RSS=n/a OM_LOAD=n/a OM_SIZE=n/a OM_DOCS=n/a OM_RE=n/a OM_RE_RSS=n/a
    if peer omindex; then
        timed omindex omindex --stemmer=none --db "$D/omega.db" --url / "$D/corpus"
        [ "$T_CODE" = 0 ] || die "omindex failed (exit $T_CODE): $(tail -n 3 "$LOG/omindex.err")"
        OM_WALL=$T_WALL OM_RSS=$T_RSS OM_LOAD=$T_LOAD
        OM_SIZE=$(du -sb "$D/omega.db" | cut -f1)
        OM_DOCS=$(xapian-delve "$D/omega.db" | awk -F' = ' '/number of documents/ { print $2 }')
        timed omindex-reindex omindex --stemmer=none --db "$D/omega.db" --url / "$D/corpus"
        [ "$T_CODE" = 0 ] || die "omindex (again) failed (exit $T_CODE)"
        OM_RE=$T_WALL OM_RE_RSS=$T_RSS
    fi
    FT_WALL=n/a FT_RSS=n/a FT_LOAD=n/a FT_SIZE=n/a FT_DOCS=n/a
    if peer fts5; then
        timed fts5load "$BIN/fts5load" "$D/fts.db" "$D/corpus"
        [ "$T_CODE" = 0 ] || die "fts5load failed (exit $T_CODE): $(tail -n 3 "$LOG/fts5load.err")"
        FT_WALL=$T_WALL FT_RSS=$T_RSS FT_LOAD=$T_LOAD
        FT_SIZE=$(du -sb "$D/fts.db" | cut -f1)
        FT_DOCS=$(sqlite3 "$D/fts.db" "SELECT count(*) FROM docs")
    fi

    # 3c. Queries: one new process per run, like a user at a shell. Every
    # timed run also goes to raw-ENGINE.ms, for the set's percentiles.
    : > "$D/query-results.tsv"
    rm -f "$D/raw-tracuu.ms" "$D/raw-omindex.ms" "$D/raw-fts5.ms"
    Q_LOAD=$(loadavg)
    echo "bench: $(wc -l < "$OUT/queries.tsv") queries, $REPS runs each, load $Q_LOAD"
    while IFS="$tab" read -r id tq qq fq; do
        load=$(loadavg)
        truth=$(awk -F'\t' -v id="$id" '$1 == id { print $2 }' "$D/truth-counts.tsv")
        fines=$(awk -F'\t' -v id="$id" '$1 == id { print $3 }' "$D/truth-counts.tsv")
        folded=$(awk -F'\t' -v id="$id" '$1 == id { print $5 }' "$D/truth-counts.tsv")
        fsql=$(sqlq "$fq")
        if [ $HAVE_TRACUU = 1 ]; then
            tc=$("$TQUERY" --db "$D/tracuu.db" --count "$tq" 2>>"$LOG/tracuu-query.err" | first_int || true)
            [ -n "$tc" ] || tc=0
            tt=$("$TIMEIT" -w 1 -n "$REPS" -r "$D/raw-tracuu.ms" -- \
                 "$TQUERY" --db "$D/tracuu.db" --limit 10 "$tq")
            code=$(echo "$tt" | awk '{ print $6 }')
            [ "$code" -le 1 ] || die "tracuu-query failed on $id (exit $code)"
        else
            tc=n/a tt="n/a n/a n/a"
        fi
        qc=n/a qt="n/a n/a n/a"
        if peer omindex; then
            qc=$(quest -d "$D/omega.db" -s none -o and -m 0 -c 1000000000 "$qq" \
                 | awk '/matches/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) { print $i; exit } }')
            qt=$("$TIMEIT" -w 1 -n "$REPS" -r "$D/raw-omindex.ms" -- \
                 quest -d "$D/omega.db" -s none -o and -m 10 "$qq")
            [ "$(echo "$qt" | awk '{ print $6 }')" = 0 ] || die "quest failed on $id"
        fi
        fc=n/a ft="n/a n/a n/a"
        if peer fts5; then
            fc=$(sqlite3 "$D/fts.db" "SELECT count(*) FROM docs WHERE docs MATCH '$fsql'") \
                || die "sqlite3 failed on $id"
            ft=$("$TIMEIT" -w 1 -n "$REPS" -r "$D/raw-fts5.ms" -- sqlite3 "$D/fts.db" \
                 "SELECT path FROM docs WHERE docs MATCH '$fsql' ORDER BY rank LIMIT 10")
            [ "$(echo "$ft" | awk '{ print $6 }')" = 0 ] || die "sqlite3 failed on $id"
        fi
        printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$truth" "$fines" "$folded" \
            "$tc" "$qc" "$fc" "$(echo "$tt" | cut -d' ' -f1-3)" \
            "$(echo "$qt" | cut -d' ' -f1-3)" "$(echo "$ft" | cut -d' ' -f1-3)" "$load" \
            >> "$D/query-results.tsv"
        printf '  %-18s true %-6s tracuu %-6s omindex %-6s fts5 %s\n' "$id" "$truth" "$tc" "$qc" "$fc"
    done < "$OUT/queries.tsv"

    # 3d. The answer that reads every matching case: fines by year.
    G_MS="" G_P95="" G_RSS="" G_LOAD="" G_GROUPS=""
    if [ $HAVE_TRACUU = 1 ]; then
        G_LOAD=$(loadavg)
        g=$("$TIMEIT" -w 1 -n "$GREPS" -o "$LOG/group-by.out" -- "$TQUERY" --db "$D/tracuu.db" \
            --group-by year --sum amount action:fine)
        [ "$(echo "$g" | awk '{ print $6 }')" = 0 ] || die "tracuu-query --group-by failed"
        G_MS=$(echo "$g" | cut -d' ' -f1) G_P95=$(echo "$g" | cut -d' ' -f2)
        G_GROUPS=$(grep -c . "$LOG/group-by.out" || true)
        timed group-by "$TQUERY" --db "$D/tracuu.db" --group-by year --sum amount action:fine
        G_RSS=$T_RSS
        echo "bench: --group-by year --sum amount action:fine: $G_MS ms, $G_RSS KiB"
    fi

    {
        for v in N SEED REPS GREPS RAW NFILES TR_WALL TR_RSS TR_SIZE TR_DOCS TR_RE TR_RE_RSS TR_CMP TR_CSIZE TR_LOAD \
                 OM_WALL OM_RSS OM_SIZE OM_DOCS OM_RE OM_RE_RSS OM_LOAD \
                 FT_WALL FT_RSS FT_SIZE FT_DOCS FT_LOAD Q_LOAD G_MS G_P95 G_RSS G_LOAD G_GROUPS; do
            eval "printf '%s=%s\n' $v \"'\$$v'\""
        done
        for e in tracuu omindex fts5; do
            printf 'QP50_%s=%s\nQP95_%s=%s\n' "$e" "$(pct 0.5 "$D/raw-$e.ms" 2>/dev/null || echo n/a)" \
                "$e" "$(pct 0.95 "$D/raw-$e.ms" 2>/dev/null || echo n/a)"
        done
        printf 'DATE=%s\nRUN=%s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$RUN"
    } > "$D/summary.env"
}

[ "$REPORT_ONLY" = 1 ] && LARGE=0 EXTRAS=0
for n in $SIZES; do
    if [ "$REPORT_ONLY" = 1 ]; then
        [ -f "$OUT/n$n/summary.env" ] || die "no figures for $n reports in $OUT/n$n: run without BENCH_REPORT_ONLY"
        continue
    fi
    if [ "$RESUME" = 1 ] && [ -f "$OUT/n$n/summary.env" ] && [ "$n" != "$DOCS" ]; then
        echo "bench: $n reports: figures of $(sed -n "s/^DATE=//p" "$OUT/n$n/summary.env") kept (BENCH_RESUME)"
        continue
    fi
    rm -f "$OUT/n$n/summary.env"
    measure "$n"
    if [ "$n" != "$DOCS" ] && [ "$KEEP" != 1 ]; then
        rm -rf "$OUT/n$n/corpus" "$OUT/n$n/corpus.stamp" "$OUT/n$n/tracuu.db" \
               "$OUT/n$n/omega.db" "$OUT/n$n/fts.db"
    fi
done

# 3e. Extraction of fines against the truth, on a sample of the main size.
LOG=$MAIN/log
EXTRACT_NOTE=""
if [ "$REPORT_ONLY" = 1 ]; then
    EXTRACT_NOTE=$(cat "$MAIN/extract-note.txt" 2>/dev/null || echo "n/a (not measured)")
elif [ $HAVE_TRACUU = 0 ]; then
    EXTRACT_NOTE="n/a (not built)"
elif [ ! -f docs/EXTRACT.md ] || ! "$TINDEX" --help 2>&1 | grep -q -- '--extract'; then
    EXTRACT_NOTE="skipped: tracuu-index has no --extract option (or docs/EXTRACT.md is missing) yet"
else
    grep -v '^#' "$MAIN/manifest.tsv" | cut -f1 | head -n "$XDOCS" > "$MAIN/extract-sample.txt"
    rm -rf "$MAIN/extract.db"
    if (cd "$MAIN/corpus" && xargs "$TINDEX" --db "$MAIN/extract.db" --extract --format jsonl \
            < "$MAIN/extract-sample.txt" > "$MAIN/extract.jsonl" 2>"$LOG/extract.err"); then
        EXTRACT_NOTE=$("$BIN/finescmp" "$MAIN/truth-fines.tsv" "$MAIN/extract-sample.txt" \
                       "$MAIN/extract.jsonl") || die "finescmp failed"
    else
        EXTRACT_NOTE="skipped: tracuu-index --extract failed: $(tail -n 1 "$LOG/extract.err")"
    fi
    rm -rf "$MAIN/extract.db"
fi
[ "$REPORT_ONLY" = 1 ] || printf '%s\n' "$EXTRACT_NOTE" > "$MAIN/extract-note.txt"

# 4. The report.
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
per_s () { awk -v n="$1" -v t="$2" 'BEGIN { if (t ~ /^[0-9.]+$/ && t > 0) printf "%.0f", n / t; else printf "n/a" }'; }
mb_s () { awk -v n="$1" -v t="$2" 'BEGIN { if (t ~ /^[0-9.]+$/ && t > 0) printf "%.2f", n / 1e6 / t; else printf "n/a" }'; }
mib () { awk -v n="$1" 'BEGIN { if (n ~ /^[0-9]+$/) printf "%.1f", n / 1048576; else printf "n/a" }'; }
kib () { awk -v n="$1" 'BEGIN { if (n ~ /^[0-9]+$/) printf "%.1f", n / 1024; else printf "n/a" }'; }
na () { [ $HAVE_TRACUU = 1 ] && printf '%s' "$1" || printf 'n/a (not built)'; }
# Growth exponent between two sizes: log(v2/v1) / log(n2/n1).
expo () { awk -v a="$1" -v b="$2" -v n1="$3" -v n2="$4" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && a > 0 && b > 0 && n2 > n1) printf "%.2f", log(b / a) / log(n2 / n1); else printf "n/a" }'; }

RUN=""
. "$MAIN/summary.env"
MAIN_RUN=$RUN
OTHER_RUNS=""
for n in $SIZES; do
    RUN=""
    . "$OUT/n$n/summary.env"
    [ "$RUN" = "$MAIN_RUN" ] || OTHER_RUNS="$OTHER_RUNS, $n (run started ${RUN:-earlier})"
done
. "$MAIN/summary.env"
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
XAPV=$(omindex --version 2>/dev/null | head -n 1 | sed 's/.*xapian-omega //')
XCORE=$(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || echo "?")
SQLV=$(sqlite3 --version | cut -d' ' -f1)
NF_TRUTH=$(grep -vc '^#' "$MAIN/truth-fines.tsv")
VARIANTS=$(grep -v '^#' "$MAIN/manifest.tsv" | cut -f7 | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }')
NSIZES=$(echo $SIZES | wc -w)
SIZES_TXT=$(echo $SIZES | sed 's/ /, /g')

R=$OUT/BENCHMARKS.md
{
cat <<EOF
# Benchmarks

tracuu against two peers on the same generated archive, in the same run:
**omindex** (Xapian Omega $XAPV, \`--stemmer=none\`) and **SQLite FTS5**
(\`unicode61 remove_diacritics 2\`, loaded by bench/fts5load.c in one
transaction). The corpus comes from bench/gen.c (see bench/README.md):
$NFILES reports, $(mib "$RAW") MiB, seed $SEED; file variants: $VARIANTS.
Warm page cache (every file read once before the first engine).
The same run measured $SIZES_TXT reports (section "Scaling"); the
tables below are those of $DOCS.

Reproduce: \`make bench\`, or \`BENCH_SIZES="$SIZES" BENCH_SEED=$SEED BENCH_REPS=$REPS sh bench/run.sh build\`.

## Machine

- CPU: $CPU, $(nproc) cores
- RAM: $MEM
- Xapian core $XCORE, Omega $XAPV, SQLite $SQLV
- Date: ${DATE%%T*}

Wall-clock figures on one small machine: other work on it shows up as
noise (compare p95 with the median), so repeat a run before reading
much into a ratio near 1. The load average (1 minute, 2 cores) at the
start of each measurement is given beside it.

## Indexing

| | tracuu | omindex | FTS5 | tracuu/omindex | tracuu/FTS5 |
|---|---|---|---|---|---|
| load average at start | $(na "$TR_LOAD") | $OM_LOAD | $FT_LOAD | | |
| wall time (s) | $(na "$TR_WALL") | $OM_WALL | $FT_WALL | $(ratio "$TR_WALL" "$OM_WALL") | $(ratio "$TR_WALL" "$FT_WALL") |
| reports/s | $(na "$(per_s "$NFILES" "$TR_WALL")") | $(per_s "$NFILES" "$OM_WALL") | $(per_s "$NFILES" "$FT_WALL") | $(ratio "$(per_s "$NFILES" "$TR_WALL")" "$(per_s "$NFILES" "$OM_WALL")") | $(ratio "$(per_s "$NFILES" "$TR_WALL")" "$(per_s "$NFILES" "$FT_WALL")") |
| MB/s | $(na "$(mb_s "$RAW" "$TR_WALL")") | $(mb_s "$RAW" "$OM_WALL") | $(mb_s "$RAW" "$FT_WALL") | $(ratio "$(mb_s "$RAW" "$TR_WALL")" "$(mb_s "$RAW" "$OM_WALL")") | $(ratio "$(mb_s "$RAW" "$TR_WALL")" "$(mb_s "$RAW" "$FT_WALL")") |
| peak RSS (MiB) | $(na "$(kib "$TR_RSS")") | $(kib "$OM_RSS") | $(kib "$FT_RSS") | $(ratio "$TR_RSS" "$OM_RSS") | $(ratio "$TR_RSS" "$FT_RSS") |
| index size (MiB) | $(na "$(mib "$TR_SIZE")") | $(mib "$OM_SIZE") | $(mib "$FT_SIZE") | $(ratio "$TR_SIZE" "$OM_SIZE") | $(ratio "$TR_SIZE" "$FT_SIZE") |
| index size / corpus | $(na "$(ratio "$TR_SIZE" "$RAW")") | $(ratio "$OM_SIZE" "$RAW") | $(ratio "$FT_SIZE" "$RAW") | | |
| documents indexed | $(na "${TR_DOCS:-?}") | $OM_DOCS | $FT_DOCS | | |
| index size after \`--compact\` (MiB) | $(na "$(mib "$TR_CSIZE")") | $(mib "$OM_SIZE") | $(mib "$FT_SIZE") | $(ratio "$TR_CSIZE" "$OM_SIZE") | $(ratio "$TR_CSIZE" "$FT_SIZE") |
| compacted size / corpus | $(na "$(ratio "$TR_CSIZE" "$RAW")") | | | | |
| \`--compact\` run (s) | $(na "$TR_CMP") | | | | |
| re-index unchanged (s) | $(na "$TR_RE") | $OM_RE | n/a (no incremental mode) | $(ratio "$TR_RE" "$OM_RE") | |
| re-index peak RSS (MiB) | $(na "$(kib "$TR_RE_RSS")") | $(kib "$OM_RE_RSS") | n/a | | |

FTS5's size includes a full copy of the text (the table stores it);
tracuu's includes the full text too (zlib-compressed, for snippets and
citations), and its documents are the reports plus one document per
sanction case; omindex's holds terms, positions and a short sample. The
queries below run on tracuu's compacted index.

## Queries

Each query runs as a new process, as a user would run it: one warm-up,
then $REPS timed runs; milliseconds, median / p95 / p99 (nearest rank).
Timed commands ask for the 10 best hits: \`tracuu-query --limit 10\`,
\`quest -s none -o and -m 10\`, \`sqlite3 ... ORDER BY rank LIMIT 10\`.
Hit counts come from separate runs (\`tracuu-query --count\`,
\`quest -c 1000000000\`, \`SELECT count(*)\`). "true" is the number of
reports that match, from an exact scan of the generated text
(bench/truth.c): a term with diacritics must match them exactly, a term
without matches with or without them. "true, folded" ignores every
diacritic, query and text alike: the right count for an engine that
treats diacritics as optional (tracuu-query does). For the fines query,
"fine docs" is the number of reports that truly state a fine for false
information in 2024, whatever words they use. "load" is the load
average when the query's runs started.

| query | true | true, folded | tracuu | omindex | FTS5 | tracuu ms | omindex ms | FTS5 ms | median tracuu/omindex | median tracuu/FTS5 | load |
|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
while IFS="$tab" read -r id truth fines folded tc qc fc tt qt ft load; do
    t1=${tt%% *} q1=${qt%% *} f1=${ft%% *}
    [ "$fines" = "-" ] && ftxt="" || ftxt=" (fine docs $fines)"
    printf '| %s | %s%s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$id" "$truth" "$ftxt" "$folded" \
        "$(na "$tc")" "$qc" "$fc" "$(na "$(echo "$tt" | tr ' ' /)")" \
        "$(echo "$qt" | tr ' ' /)" "$(echo "$ft" | tr ' ' /)" \
        "$(ratio "$t1" "$q1")" "$(ratio "$t1" "$f1")" "$load"
done < "$MAIN/query-results.tsv"
cat <<EOF

The queries, in each engine's syntax, are in bench/queries.txt. The
peers have no province or year fields: their versions search the words
instead, so their counts for the f-* queries measure something close
but not equal. tracuu's \`province:\` names a province of 1 July 2025
and finds the reports of the former provinces merged into it (README,
"Provinces of 1 July 2025"): \`province:"Đắk Lắk"\` finds Phú Yên's too,
which the true count, by each report's own province, leaves out; so
f-province-text counts more than "true" (a former province, as Bắc
Giang in f-province-year, finds only its own). omindex keeps diacritics, so its unaccented queries find
(almost) nothing; FTS5 folds accents on both sides but not đ, and finds
neither the NFD nor the Windows-1258 share of files the way the true
count does.

## Extraction of fines

Ground truth: $NF_TRUTH fines written in the corpus (truth-fines.tsv of bench/out/n$DOCS).
$EXTRACT_NOTE

## Scaling

The same steps at each size, in one run: generated corpora of
$SIZES_TXT reports (seed $SEED; a report's text does not depend on how
many are made, so each corpus holds the smaller ones). Query times are
the median (p50) and p95 (nearest rank) of all timed runs of all
$(wc -l < "$OUT/queries.tsv") queries together ($REPS runs each, one new process per run);
the group-by is \`tracuu-query --group-by year --sum amount action:fine\`
($GREPS timed runs after one warm-up; the peers have no such answer).
Index sizes are tracuu's compacted index (the one queried) and the
peers' only index. "load" is the load average when each measurement
started.
EOF
if [ -n "$OTHER_RUNS" ]; then
    cat <<EOF
Not all in the same run: the figures of${OTHER_RUNS#,} come from an
earlier run, stopped at a later size and kept with \`BENCH_RESUME=1\`
(same build, same steps); read the exponents with the loads.
EOF
fi
for n in $SIZES; do
    . "$OUT/n$n/summary.env"
    cat <<EOF

### $n reports ($(mib "$RAW") MiB, measured $DATE)

| | tracuu | omindex | FTS5 |
|---|---|---|---|
| indexing (s) | $(na "$TR_WALL") | $OM_WALL | $FT_WALL |
| reports/s | $(na "$(per_s "$NFILES" "$TR_WALL")") | $(per_s "$NFILES" "$OM_WALL") | $(per_s "$NFILES" "$FT_WALL") |
| indexing peak RSS (MiB) | $(na "$(kib "$TR_RSS")") | $(kib "$OM_RSS") | $(kib "$FT_RSS") |
| index size (MiB) | $(na "$(mib "$TR_CSIZE")") | $(mib "$OM_SIZE") | $(mib "$FT_SIZE") |
| index size / corpus | $(na "$(ratio "$TR_CSIZE" "$RAW")") | $(ratio "$OM_SIZE" "$RAW") | $(ratio "$FT_SIZE" "$RAW") |
| load at start of indexing | $(na "$TR_LOAD") | $OM_LOAD | $FT_LOAD |
| query p50 / p95 (ms) | $(na "$QP50_tracuu / $QP95_tracuu") | $QP50_omindex / $QP95_omindex | $QP50_fts5 / $QP95_fts5 |
| load at start of the queries | $Q_LOAD | | |
| group-by median / p95 (ms) | $(na "$G_MS / $G_P95") | n/a | n/a |
| group-by peak RSS (MiB) | $(na "$(kib "$G_RSS")") | n/a | n/a |
| load at start of the group-by | $(na "$G_LOAD") | | |
EOF
done
if [ "$NSIZES" -gt 1 ]; then
    cat <<EOF

### Growth exponents

log(v2/v1) / log(n2/n1) between consecutive sizes: 1 is linear in the
number of reports, 0 is flat; indexing time above 1 means each report
costs more as the index grows. Between sizes measured minutes apart,
on a shared machine (see the loads above).

| between | figure | tracuu | omindex | FTS5 |
|---|---|---|---|---|
EOF
    prev=""
    for n in $SIZES; do
        if [ -n "$prev" ]; then
            # shellcheck disable=SC1090
            . "$OUT/n$prev/summary.env"
            a_tw=$TR_WALL a_ow=$OM_WALL a_fw=$FT_WALL a_tr=$TR_RSS a_or=$OM_RSS a_fr=$FT_RSS
            a_ts=$TR_CSIZE a_os=$OM_SIZE a_fs=$FT_SIZE a_g=$G_MS
            a_t5=$QP50_tracuu a_o5=$QP50_omindex a_f5=$QP50_fts5
            a_t9=$QP95_tracuu a_o9=$QP95_omindex a_f9=$QP95_fts5
            . "$OUT/n$n/summary.env"
            w="$prev → $n"
            echo "| $w | indexing time | $(expo "$a_tw" "$TR_WALL" "$prev" "$n") | $(expo "$a_ow" "$OM_WALL" "$prev" "$n") | $(expo "$a_fw" "$FT_WALL" "$prev" "$n") |"
            echo "| $w | indexing peak RSS | $(expo "$a_tr" "$TR_RSS" "$prev" "$n") | $(expo "$a_or" "$OM_RSS" "$prev" "$n") | $(expo "$a_fr" "$FT_RSS" "$prev" "$n") |"
            echo "| $w | index size | $(expo "$a_ts" "$TR_CSIZE" "$prev" "$n") | $(expo "$a_os" "$OM_SIZE" "$prev" "$n") | $(expo "$a_fs" "$FT_SIZE" "$prev" "$n") |"
            echo "| $w | query p50 | $(expo "$a_t5" "$QP50_tracuu" "$prev" "$n") | $(expo "$a_o5" "$QP50_omindex" "$prev" "$n") | $(expo "$a_f5" "$QP50_fts5" "$prev" "$n") |"
            echo "| $w | query p95 | $(expo "$a_t9" "$QP95_tracuu" "$prev" "$n") | $(expo "$a_o9" "$QP95_omindex" "$prev" "$n") | $(expo "$a_f9" "$QP95_fts5" "$prev" "$n") |"
            echo "| $w | group-by time | $(expo "$a_g" "$G_MS" "$prev" "$n") | n/a | n/a |"
        fi
        prev=$n
    done
fi
cat <<EOF

A query run includes starting the process and opening the database
(about 5–10 ms here), which does not grow with the corpus, so query
exponents understate the growth of the search itself.
EOF
notrun=""
for n in 10000 100000 300000 1000000; do
    case " $SIZES " in *" $n "*) ;; *) notrun="$notrun $n" ;; esac
done
if [ -n "$notrun" ]; then
    cat <<EOF

Not run for this report:$(echo "$notrun" | sed 's/ /, /g; s/^, / /') reports. The command that
would run them beside the others, in one run (about 65 KB of disk per
report for the corpus and the three indexes, 65 GB at 1 000 000; the
smaller sizes are deleted once measured):
\`BENCH_SIZES="10000 100000 300000 1000000" make bench\`.
EOF
fi
} > "$R"

# The sections of the old report that this run does not make again are
# kept as they were (each says when and how it was measured).
OLD=$OUT/BENCHMARKS.old.md
if [ -f "$REPORT_DOC" ] && [ "$REPORT_DOC" != "-" ]; then cp "$REPORT_DOC" "$OLD"; else : > "$OLD"; fi
# A section that the run being reported measured is kept as it is; the
# others get a note saying they come from an earlier run.
KEPT_NOTE="*Kept from an earlier run of the benchmark: this one did not measure it again.*"
if [ "$REPORT_ONLY" != 1 ]; then
    : > "$MAIN/sections.txt"
    [ "$LARGE" = 1 ] && echo "Largest reports" >> "$MAIN/sections.txt"
    [ "$EXTRAS" = 1 ] && printf '%s\n' OCR "Web server" Shards >> "$MAIN/sections.txt"
fi
keep_section () {
    if grep -qx "$1" "$MAIN/sections.txt" 2>/dev/null; then note=""; else note=$KEPT_NOTE; fi
    awk -v h="## $1" -v note="$note" -v old="$KEPT_NOTE" '
        $0 == h { on = 1; print ""; print; print ""; if (note != "") { print note; print "" } skip = 1; next }
        /^## / { on = 0 }
        on && skip && ($0 == "" || $0 == old) { next }
        on && $0 == "" { blank++; next }
        on { skip = 0; for (; blank > 0; blank--) print ""; print }' "$OLD" >> "$R"
}
if [ "$REPORT_ONLY" = 1 ]; then
    for sec in "Largest reports" OCR "Web server" Shards; do keep_section "$sec"; done
else
    [ "$LARGE" = 1 ] || keep_section "Largest reports"
    [ "$EXTRAS" = 1 ] || { keep_section OCR; keep_section "Web server"; keep_section Shards; }
fi

cat "$R"
if [ "$REPORT_DOC" != "-" ]; then
    cp "$R" "$REPORT_DOC"
    echo "bench: wrote $REPORT_DOC"
fi
# The largest reports alone, and hostile large inputs: a section of its own.
if [ "$HAVE_TRACUU" = 1 ] && [ "$LARGE" = 1 ]; then
    BENCH_DOCS_OUT=$REPORT_DOC sh bench/large.sh "$BUILD" "$MAIN/corpus"
fi
if [ "$HAVE_TRACUU" = 1 ] && [ "$EXTRAS" = 1 ]; then
    # OCR throughput, a section of its own.
    BENCH_DOCS_OUT=$REPORT_DOC sh bench/ocr.sh "$BUILD"
    # Shards against one index, a section of its own.
    BENCH_DOCS_OUT=$REPORT_DOC sh bench/shards.sh "$BUILD"
    # tracuu-web on the same index, a section of its own.
    if [ -x "$BUILD/tracuu-web" ]; then
        BENCH_DOCS_OUT=$REPORT_DOC BENCH_REPS=$REPS sh bench/web.sh "$BUILD" "$MAIN/tracuu.db"
    fi
fi
