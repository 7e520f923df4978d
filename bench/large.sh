#!/bin/sh
# Peak memory of one report alone: the largest reports of a corpus and
# large, valid but hostile inputs made at run time (bench/hostile.py: a
# 32 MiB .txt, a .txt.gz whose text reaches the decoded-text limit, a
# gzip bomb 8 times over it, a .docx of text at the limit, a .docx whose
# XML is some 40 times its text). Each file is indexed alone, on one
# thread, into a new database, by tracuu-index and by omindex; writes
# the "Largest reports" section of docs/BENCHMARKS.md (replacing an
# older one). Usage: sh bench/large.sh [BUILD [CORPUS]]
#
#   CORPUS             generated reports (default bench/out/n100000/corpus)
#   BENCH_LARGE_TOP    largest reports of CORPUS measured (default 3)
#   BENCH_DOCS_OUT     the report to update (default docs/BENCHMARKS.md;
#                      "-" for bench/out/large.md only)
set -eu
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=$ROOT/bench/out
CORPUS=${2:-$OUT/n100000/corpus}
TOP=${BENCH_LARGE_TOP:-3}
REPORT_DOC=${BENCH_DOCS_OUT:-$ROOT/docs/BENCHMARKS.md}
case $BUILD in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
case $CORPUS in /*) ;; *) CORPUS=$PWD/$CORPUS ;; esac
TINDEX=$BUILD/tracuu-index

die () { echo "bench/large: $*" >&2; exit 1; }
[ -x "$TINDEX" ] || die "build tracuu first (make)"
[ -d "$CORPUS" ] || die "no corpus at $CORPUS: run bench/run.sh first, or give one"
[ -x /usr/bin/time ] || die "missing /usr/bin/time (Debian package time)"
command -v python3 >/dev/null 2>&1 || die "missing python3"
command -v omindex >/dev/null 2>&1 || die "missing omindex (Debian package xapian-omega)"
command -v unzip >/dev/null 2>&1 || die "missing unzip (Debian package unzip; omindex reads .docx with it)"
mkdir -p "$OUT"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir "$TMP/in"

# The limit on decoded text, from the indexer's own help (MB = MiB).
LIMIT_MB=$("$TINDEX" --help 2>&1 | sed -n 's/.*--max-text MB.*(default \([0-9]*\)).*/\1/p' | head -n 1)
[ -n "$LIMIT_MB" ] || LIMIT_MB=$("$TINDEX" --help 2>&1 | awk '/--max-text/ { f = 1 } f && /default [0-9]+/ { sub(/.*default /, ""); sub(/[^0-9].*/, ""); print; exit }')
[ -n "$LIMIT_MB" ] || die "cannot read the --max-text default from tracuu-index --help"
LIMIT=$((LIMIT_MB * 1048576))

# The pool of text: UTF-8 reports of the corpus (the manifest says which),
# 64 MiB at most.
MANIFEST=$(dirname "$CORPUS")/manifest.tsv
if [ -f "$MANIFEST" ]; then
    awk -F'\t' '!/^#/ && $7 == "utf8" { print $1 }' "$MANIFEST" > "$TMP/utf8.list"
else
    (cd "$CORPUS" && find . -type f -name '*.txt' | sort) > "$TMP/utf8.list"
fi
(cd "$CORPUS" && tr '\n' '\0' < "$TMP/utf8.list" | xargs -0 cat 2>/dev/null) | head -c $((64 << 20)) > "$TMP/pool.txt"

echo "bench/large: making the hostile inputs (limit $LIMIT_MB MiB)"
python3 "$ROOT/bench/hostile.py" "$TMP/pool.txt" "$TMP/in" "$LIMIT" > "$TMP/made.tsv"
rm -f "$TMP/pool.txt"

# The largest reports of the corpus, by size on disk.
find "$CORPUS" -type f -printf '%s\t%p\n' | sort -n | tail -n "$TOP" | cut -f2 > "$TMP/top.list"

loadavg () { cut -d' ' -f1 /proc/loadavg; }
mib () { awk -v n="$1" 'BEGIN { if (n ~ /^[0-9]+$/) printf "%.2f", n / 1048576; else printf "%s", n }'; }

# Index FILE alone with tracuu-index, one thread, a new database; then
# omindex on a folder holding only FILE. Appends a row to rows.tsv.
measure () {
    f=$1 name=$2 kind=$3 written=$4
    size=$(stat -c %s "$f")
    if "$TINDEX" --text "$f" > "$TMP/text" 2>"$TMP/text.err"; then
        text=$(stat -c %s "$TMP/text")
    else
        text=-
    fi
    rm -f "$TMP/text"
    load=$(loadavg)
    rm -rf "$TMP/t.db"
    code=0
    /usr/bin/time -f '%e %M' -o "$TMP/t.time" "$TINDEX" --jobs 1 --db "$TMP/t.db" "$f" \
        > /dev/null 2>"$TMP/t.err" || code=$?
    [ "$code" -le 1 ] || die "tracuu-index failed on $name (exit $code): $(tail -n 2 "$TMP/t.err")"
    set -- $(tail -n 1 "$TMP/t.time")
    t_s=$1 t_kib=$2
    if [ "$code" = 0 ]; then
        outcome=indexed
    else
        outcome="failed: $(grep -v '^indexed' "$TMP/t.err" | head -n 1 | sed 's/^[^:]*: [^:]*: //; s/;.*//; s/|/\\|/g')"
    fi
    rm -rf "$TMP/t.db"
    mkdir -p "$TMP/one"
    ln "$f" "$TMP/one/$name" 2>/dev/null || cp "$f" "$TMP/one/$name"
    ocode=0
    /usr/bin/time -f '%e %M' -o "$TMP/o.time" omindex --stemmer=none --db "$TMP/o.db" --url / \
        "$TMP/one" > /dev/null 2>"$TMP/o.err" || ocode=$?
    set -- $(tail -n 1 "$TMP/o.time")
    o_s=$1 o_kib=$2
    odocs=$(xapian-delve "$TMP/o.db" 2>/dev/null | awk -F' = ' '/number of documents/ { print $2 }')
    [ "$ocode" = 0 ] || odocs="exit $ocode"
    rm -rf "$TMP/o.db" "$TMP/one"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$kind" "$size" "$text" \
        "$written" "$t_kib" "$t_s" "$outcome" "$o_kib" "$o_s" "${odocs:-0}" "$load" >> "$TMP/rows.tsv"
    echo "  $name: $size bytes, text $text, tracuu $t_kib KiB $t_s s ($outcome), omindex $o_kib KiB $o_s s (${odocs:-0} docs), load $load"
}

# The floor: a one-line report (libraries, ICU data, the database).
printf 'Ngày 5/3, đoàn kiểm tra liên ngành lập biên bản một cơ sở kinh doanh.\n' > "$TMP/tiny.txt"
/usr/bin/time -f '%M' -o "$TMP/tiny.time" "$TINDEX" --quiet --jobs 1 --db "$TMP/tiny.db" "$TMP/tiny.txt" \
    || die "tracuu-index failed on a one-line report"
BASE_KIB=$(tail -n 1 "$TMP/tiny.time")
rm -rf "$TMP/tiny.db"

: > "$TMP/rows.tsv"
echo "bench/large: indexing each file alone (a one-line report peaks at $BASE_KIB KiB)"
while read -r f; do
    measure "$f" "$(basename "$f")" "largest of the corpus" -
done < "$TMP/top.list"
tab=$(printf '\t')
while IFS="$tab" read -r name kind written; do
    measure "$TMP/in/$name" "$name" "$kind" "$written"
done < "$TMP/made.tsv"

# The XML inside the .docx files, for the table's note.
XML_TEXT=$(unzip -l "$TMP/in/text.docx" word/document.xml | awk '/document.xml/ { print $1 }')
XML_MARKUP=$(unzip -l "$TMP/in/markup.docx" word/document.xml | awk '/document.xml/ { print $1 }')

R=$OUT/large.md
{
cat <<EOF
## Largest reports

The memory one report takes, measured alone: each file indexed by
\`tracuu-index --jobs 1\` into a new database, and by omindex
(\`--stemmer=none\`) on a folder holding only that file; peak RSS and
wall time from GNU time. The files: the $TOP largest reports of
the main corpus, and inputs made at run time from its text by
bench/hostile.py, valid but large: a plain text, a .txt.gz whose text
ends 64 KiB short of the decoded-text limit (\`--max-text\`,
$LIMIT_MB MiB), a gzip bomb whose text is 8 times the limit, a .docx of
text 1 MiB short of the limit ($(mib "$XML_TEXT") MiB of XML), and a
.docx with every word in a run of its own with its formatting
($(mib "$XML_MARKUP") MiB of XML). "text" is the decoded text,
\`tracuu-index --text FILE | wc -c\` (for the bomb, what it holds);
"RSS / text" is tracuu's peak RSS over it, and "above floor / text"
the same less the $(awk -v k="$BASE_KIB" 'BEGIN { printf "%.1f", k / 1024 }') MiB that a one-line report takes (the
libraries, ICU's data, a new database). omindex reads .txt and .docx
(the latter through unzip), not .gz: for those it indexes nothing.
Reproduce: \`sh bench/large.sh build CORPUS\` (part of \`make bench\`).
Measured $(date -u +%Y-%m-%dT%H:%MZ); "load" is the load average (2
cores) when tracuu's run started.

| file | kind | on disk (MiB) | text (MiB) | tracuu peak RSS (MiB) | tracuu s | RSS / text | above floor / text | tracuu | omindex peak RSS (MiB) | omindex s | omindex docs | load |
|---|---|---|---|---|---|---|---|---|---|---|---|---|
EOF
while IFS="$tab" read -r name kind size text written t_kib t_s outcome o_kib o_s odocs load; do
    if [ "$text" = - ] && [ "$written" != - ]; then
        tshow="$(mib "$written") (over the limit)" tbytes=$written
    else
        tshow=$(mib "$text") tbytes=$text
    fi
    ratio=$(awk -v k="$t_kib" -v t="$tbytes" 'BEGIN { if (t ~ /^[0-9]+$/ && t > 0) printf "%.1f", k * 1024 / t; else printf "n/a" }')
    above=$(awk -v k="$t_kib" -v b="$BASE_KIB" -v t="$tbytes" 'BEGIN { if (t ~ /^[0-9]+$/ && t > 0) printf "%.1f", (k - b) * 1024 / t; else printf "n/a" }')
    if [ "$outcome" != indexed ]; then
        ratio="n/a ($(awk -v k="$t_kib" -v l="$LIMIT" 'BEGIN { printf "%.1f", k * 1024 / l }') × the limit)"
        above=n/a
    fi
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$name" "$kind" "$(mib "$size")" \
        "$tshow" "$(awk -v k="$t_kib" 'BEGIN { printf "%.1f", k / 1024 }')" "$t_s" "$ratio" "$above" "$outcome" \
        "$(awk -v k="$o_kib" 'BEGIN { printf "%.1f", k / 1024 }')" "$o_s" "$odocs" "$load"
done < "$TMP/rows.tsv"
} > "$R"

cat "$R"
if [ "$REPORT_DOC" != "-" ] && [ -f "$REPORT_DOC" ]; then
    awk '/^## Largest reports$/ { skip = 1; next } /^## / { skip = 0 } !skip' "$REPORT_DOC" > "$REPORT_DOC.tmp"
    { cat "$REPORT_DOC.tmp"; echo; cat "$R"; } > "$REPORT_DOC"
    rm -f "$REPORT_DOC.tmp"
    echo "bench/large: wrote the Largest reports section of $REPORT_DOC"
fi
