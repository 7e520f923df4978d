#!/bin/sh
# OCR throughput: scanned copies of the sample reports (typeset at 300 dpi
# by tests/data/make-scan.py, one PDF of image pages per report, no text
# layer) are indexed with --jobs 1 and with one job per core; prints pages
# per second and peak memory, and writes them as the "OCR" section of
# docs/BENCHMARKS.md (replacing an older one).
# Usage: sh bench/ocr.sh [BUILD]
#   BENCH_OCR_COPIES   copies of the corpus/ reports scanned (default 2)
#   BENCH_DOCS_OUT     the report to update (default docs/BENCHMARKS.md;
#                      "-" for bench/out/ocr.md only)
set -eu

BUILD=${1:-build}
COPIES=${BENCH_OCR_COPIES:-2}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
REPORT_DOC=${BENCH_DOCS_OUT:-$ROOT/docs/BENCHMARKS.md}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
TINDEX=$BUILD/tracuu-index
SCAN="python3 $ROOT/tests/data/make-scan.py"

die () { echo "bench/ocr: $*" >&2; exit 1; }
[ -x "$TINDEX" ] || die "build tracuu first (make)"
[ -x /usr/bin/time ] || die "missing /usr/bin/time (Debian package time)"
[ -x /usr/bin/convert ] || die "missing ImageMagick (sh scripts/setup.sh)"

mkdir -p "$OUT"
SCANS=$OUT/ocr-scans
stamp="$COPIES $(cat "$ROOT"/corpus/*.txt "$ROOT/tests/data/make-scan.py" | cksum)"
if [ "$(cat "$SCANS.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "bench/ocr: typesetting $COPIES copies of corpus/ at 300 dpi"
    rm -rf "$SCANS" && mkdir -p "$SCANS/img" "$SCANS/pdf"
    c=1
    while [ "$c" -le "$COPIES" ]; do
        for f in "$ROOT"/corpus/*.txt; do
            name=$(basename "$f" .txt)-$c
            $SCAN render "$f" "$SCANS/img/$name" 300 >/dev/null
            $SCAN pdf "$SCANS/pdf/$name.pdf" "$SCANS/img/$name"-*.jpg
        done
        c=$((c + 1))
    done
    echo "$stamp" > "$SCANS.stamp"
fi
PAGES=$(ls "$SCANS/img" | wc -l | tr -d ' ')
FILES=$(ls "$SCANS/pdf" | wc -l | tr -d ' ')
MB=$(du -sm "$SCANS/pdf" | cut -f1)

# run JOBS: index the scans into a new database; prints "seconds
# peak_kb cpu_seconds".
run () {
    db=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-ocr-bench.XXXXXX")
    /usr/bin/time -f '%e %M %U %S' -o "$db.time" "$TINDEX" --quiet --jobs "$1" \
        --db "$db/db" "$SCANS/pdf" >/dev/null
    awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$db.time"
    rm -rf "$db" "$db.time"
}
load0=$(cut -d' ' -f1 /proc/loadavg)
set -- $(run 1); s1=$1 m1=$2 c1=$3
cores=$(nproc)
set -- $(run "$cores"); sn=$1 mn=$2 cn=$3
load1=$(cut -d' ' -f1 /proc/loadavg)
rate () { awk "BEGIN { printf \"%.2f\", $PAGES / $1 }"; }

R=$OUT/ocr.md
cat > "$R" <<EOF
## OCR

Scanned reports: the $FILES sample reports of corpus/ ($COPIES copies),
typeset at 300 dpi (tests/data/make-scan.py), $PAGES A4 pages as JPEG
images in PDFs without a text layer ($MB MiB), indexed with the default
\`--ocr=auto\` (each page rendered by pdftoppm at 300 dpi, median-filtered
and read by Tesseract $(tesseract --version 2>&1 | head -1 | sed 's/tesseract //')
with its Vietnamese model, one engine per worker thread).
Reproduce: \`sh bench/ocr.sh build\` (\`BENCH_OCR_COPIES=$COPIES\`).

| jobs | seconds | pages/s | CPU seconds | pages per CPU second | peak RSS |
|---|---|---|---|---|---|
| 1 | $s1 | $(rate "$s1") | $c1 | $(rate "$c1") | $((m1 / 1024)) MiB |
| $cores | $sn | $(rate "$sn") | $cn | $(rate "$cn") | $((mn / 1024)) MiB |

Load average $load0 before the runs and $load1 after them ($cores cores):
on a shared machine the wall-clock pages/s understate what the CPU time
shows; pages per CPU second, times the cores free for it, is the rate to
expect. Nearly all the time is Tesseract's recognition; each worker
holds one engine (its model and the page being read, about 100 MiB).
EOF
cat "$R"
if [ "$REPORT_DOC" != "-" ] && [ -f "$REPORT_DOC" ]; then
    awk '/^## OCR$/ { skip = 1; next } /^## / { skip = 0 } !skip' "$REPORT_DOC" > "$REPORT_DOC.tmp"
    { cat "$REPORT_DOC.tmp"; echo; cat "$R"; } > "$REPORT_DOC"
    rm -f "$REPORT_DOC.tmp"
    echo "bench/ocr: wrote the OCR section of $REPORT_DOC"
fi
