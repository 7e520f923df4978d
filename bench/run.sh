#!/bin/sh
# Benchmark tracuu against omindex (Xapian Omega) and SQLite FTS5 on a
# generated archive of reports. Usage: sh bench/run.sh [BUILD]
#
#   BENCH_DOCS   reports to generate (default 100000)
#   BENCH_SEED   generator seed (default 1)
#   BENCH_REPS   timed runs of each query (default 20), after one warm-up
#   BENCH_EXTRACT_DOCS  reports in the extraction sample (default 2000)
#   BENCH_DOCS_OUT      where to write the report (default docs/BENCHMARKS.md;
#                       "-" for bench/out/BENCHMARKS.md only)
#
# Fails only when a tool is missing or a step errors; never on time.
set -eu

BUILD=${1:-build}
DOCS=${BENCH_DOCS:-100000}
SEED=${BENCH_SEED:-1}
REPS=${BENCH_REPS:-20}
XDOCS=${BENCH_EXTRACT_DOCS:-2000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
BIN=$OUT/bin
LOG=$OUT/log
REPORT_DOC=${BENCH_DOCS_OUT:-$ROOT/docs/BENCHMARKS.md}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
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

mkdir -p "$BIN" "$LOG"
cd "$ROOT"

# 1. Tools.
CFLAGS_BENCH="-std=c11 -O2 -Wall -Wextra"
cc $CFLAGS_BENCH -o "$BIN/gen" bench/gen.c bench/truth.c bench/vn.c
cc $CFLAGS_BENCH -o "$BIN/timeit" bench/timeit.c
cc $CFLAGS_BENCH -o "$BIN/fts5load" bench/fts5load.c -lsqlite3
cc $CFLAGS_BENCH -o "$BIN/finescmp" bench/finescmp.c
TIMEIT=$BIN/timeit

if [ -x "$TINDEX" ] && [ -x "$TQUERY" ]; then HAVE_TRACUU=1; else HAVE_TRACUU=0; fi

# 2. The corpus, generated once per (docs, seed, generator).
stamp="$DOCS $SEED $(cat bench/gen.c bench/truth.c bench/vn.c bench/vn.h bench/queries.txt | cksum)"
if [ "$(cat "$OUT/corpus.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "bench: generating $DOCS reports (seed $SEED)"
    rm -rf "$OUT/corpus" "$OUT/corpus.stamp"
    "$BIN/gen" --seed "$SEED" --docs "$DOCS" --out "$OUT/corpus" \
        --truth "$OUT/truth-fines.tsv" --queries bench/queries.txt \
        --counts "$OUT/truth-counts.tsv" --manifest "$OUT/manifest.tsv"
    echo "$stamp" > "$OUT/corpus.stamp"
fi
RAW=$(du -sb "$OUT/corpus" | cut -f1)
NFILES=$(grep -vc '^#' "$OUT/manifest.tsv")

# Warm cache: every engine reads the same files from memory.
find "$OUT/corpus" -type f -exec cat {} + > /dev/null

# Run "$@" once under the monotonic clock and GNU time. Sets T_WALL (s),
# T_RSS (KiB), T_CODE.
timed () {
    name=$1; shift
    set -- $("$TIMEIT" -n 1 -o "$LOG/$name.out" -- \
        /usr/bin/time -f '%e %M' -o "$LOG/$name.time" "$@" 2>"$LOG/$name.err")
    T_WALL=$(awk -v ms="$1" 'BEGIN { printf "%.2f", ms / 1000 }')
    T_CODE=$6
    T_RSS=$(tail -n 1 "$LOG/$name.time" | awk '{ print $2 }')
}

# 3a/3b. Indexing, then re-indexing the unchanged corpus.
echo "bench: indexing $NFILES files ($RAW bytes)"
rm -rf "$OUT/tracuu.db" "$OUT/omega.db" "$OUT/fts.db"
if [ $HAVE_TRACUU = 1 ]; then
    timed tracuu-index "$TINDEX" --quiet --db "$OUT/tracuu.db" "$OUT/corpus"
    [ "$T_CODE" -le 1 ] || die "tracuu-index failed (exit $T_CODE): $(tail -n 3 "$LOG/tracuu-index.err")"
    TR_WALL=$T_WALL TR_RSS=$T_RSS TR_CODE=$T_CODE
    TR_SIZE=$(du -sb "$OUT/tracuu.db" | cut -f1)
    TR_DOCS=$(xapian-delve "$OUT/tracuu.db" 2>/dev/null | awk -F' = ' '/number of documents/ { print $2 }')
    timed tracuu-reindex "$TINDEX" --quiet --db "$OUT/tracuu.db" "$OUT/corpus"
    [ "$T_CODE" -le 1 ] || die "tracuu-index (again) failed (exit $T_CODE)"
    TR_RE=$T_WALL TR_RE_RSS=$T_RSS
    # The same run with --compact: unchanged files, then the rewrite.
    timed tracuu-compact "$TINDEX" --quiet --compact --db "$OUT/tracuu.db" "$OUT/corpus"
    [ "$T_CODE" -le 1 ] || die "tracuu-index --compact failed (exit $T_CODE)"
    TR_CMP=$T_WALL
    TR_CSIZE=$(du -sb "$OUT/tracuu.db" | cut -f1)
fi
timed omindex omindex --stemmer=none --db "$OUT/omega.db" --url / "$OUT/corpus"
[ "$T_CODE" = 0 ] || die "omindex failed (exit $T_CODE): $(tail -n 3 "$LOG/omindex.err")"
OM_WALL=$T_WALL OM_RSS=$T_RSS
OM_SIZE=$(du -sb "$OUT/omega.db" | cut -f1)
OM_DOCS=$(xapian-delve "$OUT/omega.db" | awk -F' = ' '/number of documents/ { print $2 }')
timed omindex-reindex omindex --stemmer=none --db "$OUT/omega.db" --url / "$OUT/corpus"
[ "$T_CODE" = 0 ] || die "omindex (again) failed (exit $T_CODE)"
OM_RE=$T_WALL OM_RE_RSS=$T_RSS
timed fts5load "$BIN/fts5load" "$OUT/fts.db" "$OUT/corpus"
[ "$T_CODE" = 0 ] || die "fts5load failed (exit $T_CODE): $(tail -n 3 "$LOG/fts5load.err")"
FT_WALL=$T_WALL FT_RSS=$T_RSS
FT_SIZE=$(du -sb "$OUT/fts.db" | cut -f1)
FT_DOCS=$(sqlite3 "$OUT/fts.db" "SELECT count(*) FROM docs")

# 3c. Queries: one new process per run, like a user at a shell.
awk '
    function flush() { if (id != "") print id "\t" tq "\t" qq "\t" fq; id = "" }
    /^#/ { next }
    /^[ \t]*$/ { flush(); next }
    { k = $0; sub(/:.*/, "", k); v = $0; sub(/^[^:]*:[ \t]*/, "", v) }
    k == "id" { id = v } k == "tracuu" { tq = v } k == "quest" { qq = v } k == "fts5" { fq = v }
    END { flush() }' bench/queries.txt > "$OUT/queries.tsv"

sqlq () { printf '%s' "$1" | sed "s/'/''/g"; }
first_int () { grep -o '[0-9][0-9]*' | head -n 1; }

: > "$OUT/query-results.tsv"
tab=$(printf '\t')
echo "bench: $(wc -l < "$OUT/queries.tsv") queries, $REPS runs each"
while IFS="$tab" read -r id tq qq fq; do
    truth=$(awk -F'\t' -v id="$id" '$1 == id { print $2 }' "$OUT/truth-counts.tsv")
    fines=$(awk -F'\t' -v id="$id" '$1 == id { print $3 }' "$OUT/truth-counts.tsv")
    folded=$(awk -F'\t' -v id="$id" '$1 == id { print $5 }' "$OUT/truth-counts.tsv")
    fsql=$(sqlq "$fq")
    if [ $HAVE_TRACUU = 1 ]; then
        tc=$("$TQUERY" --db "$OUT/tracuu.db" --count "$tq" 2>>"$LOG/tracuu-query.err" | first_int || true)
        [ -n "$tc" ] || tc=0
        tt=$("$TIMEIT" -w 1 -n "$REPS" -- "$TQUERY" --db "$OUT/tracuu.db" --limit 10 "$tq")
        code=$(echo "$tt" | awk '{ print $6 }')
        [ "$code" -le 1 ] || die "tracuu-query failed on $id (exit $code)"
    else
        tc=n/a tt="n/a n/a n/a"
    fi
    qc=$(quest -d "$OUT/omega.db" -s none -o and -m 0 -c 1000000000 "$qq" \
         | awk '/matches/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+$/) { print $i; exit } }')
    qt=$("$TIMEIT" -w 1 -n "$REPS" -- quest -d "$OUT/omega.db" -s none -o and -m 10 "$qq")
    [ "$(echo "$qt" | awk '{ print $6 }')" = 0 ] || die "quest failed on $id"
    fc=$(sqlite3 "$OUT/fts.db" "SELECT count(*) FROM docs WHERE docs MATCH '$fsql'") \
        || die "sqlite3 failed on $id"
    ft=$("$TIMEIT" -w 1 -n "$REPS" -- sqlite3 "$OUT/fts.db" \
         "SELECT path FROM docs WHERE docs MATCH '$fsql' ORDER BY rank LIMIT 10")
    [ "$(echo "$ft" | awk '{ print $6 }')" = 0 ] || die "sqlite3 failed on $id"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$truth" "$fines" "$folded" \
        "$tc" "$qc" "$fc" "$(echo "$tt" | cut -d' ' -f1-3)" \
        "$(echo "$qt" | cut -d' ' -f1-3)" "$(echo "$ft" | cut -d' ' -f1-3)" \
        >> "$OUT/query-results.tsv"
    printf '  %-18s true %-6s tracuu %-6s omindex %-6s fts5 %s\n' "$id" "$truth" "$tc" "$qc" "$fc"
done < "$OUT/queries.tsv"

# 3d. Extraction of fines against the truth, on a sample.
EXTRACT_NOTE=""
if [ $HAVE_TRACUU = 0 ]; then
    EXTRACT_NOTE="n/a (not built)"
elif [ ! -f docs/EXTRACT.md ] || ! "$TINDEX" --help 2>&1 | grep -q -- '--extract'; then
    EXTRACT_NOTE="skipped: tracuu-index has no --extract option (or docs/EXTRACT.md is missing) yet"
else
    grep -v '^#' "$OUT/manifest.tsv" | cut -f1 | head -n "$XDOCS" > "$OUT/extract-sample.txt"
    if (cd "$OUT/corpus" && xargs "$TINDEX" --db "$OUT/extract.db" --extract --format jsonl \
            < "$OUT/extract-sample.txt" > "$OUT/extract.jsonl" 2>"$LOG/extract.err"); then
        EXTRACT_NOTE=$("$BIN/finescmp" "$OUT/truth-fines.tsv" "$OUT/extract-sample.txt" \
                       "$OUT/extract.jsonl") || die "finescmp failed"
    else
        EXTRACT_NOTE="skipped: tracuu-index --extract failed: $(tail -n 1 "$LOG/extract.err")"
    fi
fi

# 4. The report.
ratio () { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
per_s () { awk -v n="$1" -v t="$2" 'BEGIN { if (t ~ /^[0-9.]+$/ && t > 0) printf "%.0f", n / t; else printf "n/a" }'; }
mb_s () { awk -v n="$1" -v t="$2" 'BEGIN { if (t ~ /^[0-9.]+$/ && t > 0) printf "%.2f", n / 1e6 / t; else printf "n/a" }'; }
mib () { awk -v n="$1" 'BEGIN { if (n ~ /^[0-9]+$/) printf "%.1f", n / 1048576; else printf "n/a" }'; }
na () { [ $HAVE_TRACUU = 1 ] && printf '%s' "$1" || printf 'n/a (not built)'; }

TR_WALL=${TR_WALL:-} TR_RSS=${TR_RSS:-} TR_SIZE=${TR_SIZE:-} TR_RE=${TR_RE:-} TR_RE_RSS=${TR_RE_RSS:-}
CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
MEM=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
XAPV=$(omindex --version 2>/dev/null | head -n 1 | sed 's/.*xapian-omega //')
XCORE=$(dpkg-query -W -f='${Version}' libxapian30 2>/dev/null || echo "?")
SQLV=$(sqlite3 --version | cut -d' ' -f1)
NF_TRUTH=$(grep -vc '^#' "$OUT/truth-fines.tsv")
VARIANTS=$(grep -v '^#' "$OUT/manifest.tsv" | cut -f7 | sort | uniq -c | awk '{ printf "%s%s %s", sep, $1, $2; sep = ", " }')

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

Reproduce: \`make bench\`, or \`BENCH_DOCS=$DOCS BENCH_SEED=$SEED BENCH_REPS=$REPS sh bench/run.sh build\`.

## Machine

- CPU: $CPU, $(nproc) cores
- RAM: $MEM
- Xapian core $XCORE, Omega $XAPV, SQLite $SQLV
- Date: $(date -u +%Y-%m-%d)

Wall-clock figures on one small machine: other work on it shows up as
noise (compare p95 with the median), so repeat a run before reading
much into a ratio near 1.

## Indexing

| | tracuu | omindex | FTS5 | tracuu/omindex | tracuu/FTS5 |
|---|---|---|---|---|---|
| wall time (s) | $(na "$TR_WALL") | $OM_WALL | $FT_WALL | $(ratio "$TR_WALL" "$OM_WALL") | $(ratio "$TR_WALL" "$FT_WALL") |
| reports/s | $(na "$(per_s "$NFILES" "$TR_WALL")") | $(per_s "$NFILES" "$OM_WALL") | $(per_s "$NFILES" "$FT_WALL") | $(ratio "$(per_s "$NFILES" "$TR_WALL")" "$(per_s "$NFILES" "$OM_WALL")") | $(ratio "$(per_s "$NFILES" "$TR_WALL")" "$(per_s "$NFILES" "$FT_WALL")") |
| MB/s | $(na "$(mb_s "$RAW" "$TR_WALL")") | $(mb_s "$RAW" "$OM_WALL") | $(mb_s "$RAW" "$FT_WALL") | $(ratio "$(mb_s "$RAW" "$TR_WALL")" "$(mb_s "$RAW" "$OM_WALL")") | $(ratio "$(mb_s "$RAW" "$TR_WALL")" "$(mb_s "$RAW" "$FT_WALL")") |
| peak RSS (MiB) | $(na "$(mib "$((${TR_RSS:-0} * 1024))")") | $(mib "$((OM_RSS * 1024))") | $(mib "$((FT_RSS * 1024))") | $(ratio "$TR_RSS" "$OM_RSS") | $(ratio "$TR_RSS" "$FT_RSS") |
| index size (MiB) | $(na "$(mib "$TR_SIZE")") | $(mib "$OM_SIZE") | $(mib "$FT_SIZE") | $(ratio "$TR_SIZE" "$OM_SIZE") | $(ratio "$TR_SIZE" "$FT_SIZE") |
| index size / corpus | $(na "$(ratio "$TR_SIZE" "$RAW")") | $(ratio "$OM_SIZE" "$RAW") | $(ratio "$FT_SIZE" "$RAW") | | |
| documents indexed | $(na "${TR_DOCS:-?}") | $OM_DOCS | $FT_DOCS | | |
| index size after \`--compact\` (MiB) | $(na "$(mib "${TR_CSIZE:-0}")") | $(mib "$OM_SIZE") | $(mib "$FT_SIZE") | $(ratio "$TR_CSIZE" "$OM_SIZE") | $(ratio "$TR_CSIZE" "$FT_SIZE") |
| compacted size / corpus | $(na "$(ratio "$TR_CSIZE" "$RAW")") | | | | |
| \`--compact\` run (s) | $(na "$TR_CMP") | | | | |
| re-index unchanged (s) | $(na "$TR_RE") | $OM_RE | n/a (no incremental mode) | $(ratio "$TR_RE" "$OM_RE") | |
| re-index peak RSS (MiB) | $(na "$(mib "$((${TR_RE_RSS:-0} * 1024))")") | $(mib "$((OM_RE_RSS * 1024))") | n/a | | |

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
information in 2024, whatever words they use.

| query | true | true, folded | tracuu | omindex | FTS5 | tracuu ms | omindex ms | FTS5 ms | median tracuu/omindex | median tracuu/FTS5 |
|---|---|---|---|---|---|---|---|---|---|---|
EOF
while IFS="$tab" read -r id truth fines folded tc qc fc tt qt ft; do
    t1=${tt%% *} q1=${qt%% *} f1=${ft%% *}
    [ "$fines" = "-" ] && ftxt="" || ftxt=" (fine docs $fines)"
    printf '| %s | %s%s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$id" "$truth" "$ftxt" "$folded" \
        "$(na "$tc")" "$qc" "$fc" "$(na "$(echo "$tt" | tr ' ' /)")" \
        "$(echo "$qt" | tr ' ' /)" "$(echo "$ft" | tr ' ' /)" \
        "$(ratio "$t1" "$q1")" "$(ratio "$t1" "$f1")"
done < "$OUT/query-results.tsv"
cat <<EOF

The queries, in each engine's syntax, are in bench/queries.txt. The
peers have no province or year fields: their versions search the words
instead, so their counts for the f-* queries measure something close
but not equal. omindex keeps diacritics, so its unaccented queries find
(almost) nothing; FTS5 folds accents on both sides but not đ, and finds
neither the NFD nor the Windows-1258 share of files the way the true
count does.

## Extraction of fines

Ground truth: $NF_TRUTH fines written in the corpus (bench/out/truth-fines.tsv).
$EXTRACT_NOTE
EOF
} > "$R"

cat "$R"
if [ "$REPORT_DOC" != "-" ]; then
    cp "$R" "$REPORT_DOC"
    echo "bench: wrote $REPORT_DOC"
fi
# OCR throughput, a section of its own.
if [ "$HAVE_TRACUU" = 1 ]; then
    BENCH_DOCS_OUT=$REPORT_DOC sh bench/ocr.sh "$BUILD"
fi
# Shards against one index, a section of its own.
if [ "$HAVE_TRACUU" = 1 ]; then
    BENCH_DOCS_OUT=$REPORT_DOC sh bench/shards.sh "$BUILD"
fi
# tracuu-web on the same index, a section of its own.
if [ "$HAVE_TRACUU" = 1 ] && [ -x "$BUILD/tracuu-web" ]; then
    BENCH_DOCS_OUT=$REPORT_DOC BENCH_REPS=$REPS sh bench/web.sh "$BUILD" "$OUT/tracuu.db"
fi
