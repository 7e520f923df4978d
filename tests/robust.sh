#!/bin/sh
# Robustness tests: run the real programs on bad input, interrupted and
# concurrent runs, malformed queries and usage errors, and assert exact
# outcomes. Usage: sh tests/robust.sh BUILD_DIR   (from the repository root)
#
# Sections:
#   1. a folder mixing good reports (UTF-8, TCVN3, VNI, docx, pdf) with
#      files the indexer cannot use; permissions (as a user that has them)
#   2. indexing killed with SIGKILL, at a known point and at a random one
#   3. the writer lock: a second indexer, --wait, searches during writes
#   4. malformed queries
#   5. usage errors of tracuu-index
#   6. what stays out of an index: links out of the folder, a file reached
#      by two paths, databases inside the folder
#   7. text that is not what it seems: a few bad bytes in short UTF-8,
#      deep HTML, decoded text over --max-text, a long text read in pieces
#   8. databases that cannot be used: not writable, not an index, another
#      program's
#
# A converter that stops half-way through a run is a stand-in pdftotext
# put first in PATH: it waits for the test to release it, so the points
# where an indexer is killed or holds its lock do not depend on timing.
set -u

BUILD=${1:-build}
TEST_NAME=robust
. tests/testlib.sh

# A stand-in pdftotext: it says it started, waits to be released, then
# writes one line of text. It gives up after 30 s or when its folder goes.
STUB="$TMP/stub"
mkdir -p "$STUB"
cat >"$STUB/pdftotext" <<'EOF'
#!/bin/sh
: >"$STUB_DIR/started"
i=0
while [ -d "$STUB_DIR" ] && [ ! -e "$STUB_DIR/release" ] && [ "$i" -lt 300 ]; do
    sleep 0.1 2>/dev/null || sleep 1
    i=$((i + 1))
done
printf 'Thong tin sai su that\n'
EOF
chmod +x "$STUB/pdftotext"


BG04=bac-giang-2024-04-chong-buon-lau-hang-gia.txt
HT03=ha-tinh-2023-03-ke-hoach-87-bcd389.txt
BGH1=bac-giang-2024-h1-phong-chong-toi-pham.txt
AGH1=an-giang-2024-h1-thanh-tra-kiem-tra.txt
LA20=long-an-2020-03-so-ket-phoi-hop.txt
DEC=$ROOT/tests/data/decode
CAFE=$(printf 'caf\351.txt')
CAFE_SHOWN='caf\351.txt'       # As the programs print it, escaped like ls -b.

# --- 1. A mixed folder -----------------------------------------------
M="$TMP/mixed"
mkdir -p "$M"
cp corpus/*.txt "$M/"
cp tests/data/legacy/long-an.tcvn3.txt tests/data/legacy/long-an.vni.txt "$M/"
cp "$DEC/report.docx" "$DEC/report.pdf" "$DEC/image.png" "$DEC/nul.txt" "$M/"
: >"$M/empty.txt"
{ sed -n 1,12p "corpus/$BG04"; printf 'B\303\241o c\303\241o \377 v\341\273\201 \376 tin gi\341\272\243 tr\303\252n m\341\272\241ng.\n'; } >"$M/invalid.txt"
mkfifo "$M/fifo"
ln -s self "$M/self"
ln -s "$M" "$M/loop"
ln -s nowhere "$M/dangling"
cp "corpus/$LA20" "$M/$CAFE"
: >"$M/big.txt"
while [ "$(wc -c <"$M/big.txt")" -lt 2097152 ]; do
    cat corpus/*.txt >>"$M/big.txt"
done
MDB="$TMP/mixed.db"

# --ocr=never: image.png is a few bytes of PNG header, skipped as binary
# (tests/ocr.sh reads real images).
"$INDEX" --ocr=never --max-size 1 --db "$MDB" "$M" >"$TMP/out" 2>"$TMP/err"
status 'mixed: exit status' 1 $?
check 'mixed: summary' "indexed 13, unchanged 0, removed 0, failed 4, skipped 2" "$(summary "$TMP/out")"
has 'mixed: over --max-size' "$TMP/err" \
    "tracuu-index: $M/big.txt: file is 2.0 MB, over the 1.0 MB limit; raise it with --max-size to index it"
has 'mixed: file name not UTF-8' "$TMP/err" \
    "tracuu-index: $M/$CAFE_SHOWN: file name is not valid UTF-8 (indexed)"
has 'mixed: dangling symlink' "$TMP/err" "tracuu-index: $M/dangling: broken symbolic link"
has 'mixed: self symlink' "$TMP/err" "tracuu-index: $M/self: symbolic link loop; not followed"
has 'mixed: symlink to an ancestor' "$TMP/err" "tracuu-index: $M/loop: symbolic link loop; not followed"
has 'mixed: invalid UTF-8 content' "$TMP/err" \
    "tracuu-index: $M/invalid.txt: 2 invalid byte sequences replaced by U+FFFD (indexed)"
# A NUL byte does not make a report binary: it is read as a space.
has 'mixed: NUL byte noted' "$TMP/err" \
    "tracuu-index: $M/nul.txt: 1 NUL or control byte read as a space (indexed)"
for f in fifo image.png; do
    line=$(LC_ALL=C grep -F "tracuu-index: $M/$f: " "$TMP/err")
    case "$line" in
        *" (skipped)") ok ;;
        *) fail "mixed: $f skipped" "tracuu-index: $M/$f: REASON (skipped)" "$line" ;;
    esac
    # The reason and the tag should not both say it.
    check "mixed: $f says 'skipped' once" 1 "$(printf '%s\n' "$line" | grep -o skipped | wc -l | tr -d ' ')"
done
case "$(LC_ALL=C grep -F "$M/fifo: " "$TMP/err")" in
    *"not a regular file"*) ok ;; *) fail 'mixed: fifo reason' 'not a regular file' "$(cat "$TMP/err")" ;;
esac
case "$(LC_ALL=C grep -F "$M/image.png: " "$TMP/err")" in
    *"binary file (PNG image)"*) ok ;; *) fail 'mixed: png reason' 'binary file (PNG image)' "$(cat "$TMP/err")" ;;
esac
# One line per problem file (the empty file is indexed with a note),
# none for the good ones.
check 'mixed: empty file noted' "$M/empty.txt: no words in it (indexed)" \
    "$(LC_ALL=C grep -F "$M/empty.txt: " "$TMP/err" | sed 's/^tracuu-index: //')"
check 'mixed: stderr lines' 10 "$(wc -l <"$TMP/err" | tr -d ' ')"

SEED="$CAFE_SHOWN $LA20 long-an.tcvn3.txt long-an.vni.txt"
check 'mixed: "thông tin sai sự thật"' \
    "$AGH1 $BG04 $BGH1 $CAFE_SHOWN $HT03 invalid.txt $LA20 long-an.tcvn3.txt long-an.vni.txt report.docx report.pdf" \
    "$(files "$MDB" '"thông tin sai sự thật"')"
check 'mixed: "thong tin sai su that"' \
    "$AGH1 $BG04 $BGH1 $CAFE_SHOWN $HT03 invalid.txt $LA20 long-an.tcvn3.txt long-an.vni.txt report.docx report.pdf" \
    "$(files "$MDB" '"thong tin sai su that"')"
check 'mixed: TCVN3 and VNI copies like the original' "$SEED" "$(files "$MDB" '"Nguyễn Bá Luân"')"
check 'mixed: "kích động kêu gọi biểu tình"' "$SEED" "$(files "$MDB" '"kích động kêu gọi biểu tình"')"
# The best passage is on the same line in the original and its copies.
lines=$("$QUERY" --db "$MDB" --limit 100 '"phản đối Luật An ninh mạng"' | LC_ALL=C grep -a '^[0-9]*\. ' \
    | LC_ALL=C sed 's|^[0-9]*\. .*/\([^/]*\):\([0-9]*\)$|\1:\2|' | LC_ALL=C sort | tr '\n' ' ')
check 'mixed: same best line in every copy' "$CAFE_SHOWN:15 $LA20:15 long-an.tcvn3.txt:15 long-an.vni.txt:15 " "$lines"
check 'mixed: docx footnote' "report.docx" "$(files "$MDB" '"ghi chú hai"')"
check 'mixed: pdf text' "report.pdf" "$(files "$MDB" '"báo cáo thông tin sai sự thật"')"
check 'mixed: invalid UTF-8 file searchable' "invalid.txt" "$(files "$MDB" '"tin giả trên mạng"')"
"$QUERY" --db "$MDB" --count '"5.555 tỷ"' >/dev/null 2>&1
check 'mixed: nothing from binary files' 1 $?

"$INDEX" --ocr=never --max-size 1 --db "$MDB" "$M" >"$TMP/out" 2>"$TMP/err"
status 'mixed again: exit status' 1 $?
check 'mixed again: summary' "indexed 0, unchanged 13, removed 0, failed 4, skipped 2" "$(summary "$TMP/out")"
"$INDEX" --ocr=never --max-size 3 --db "$MDB" "$M" >"$TMP/out" 2>"$TMP/err"
status 'mixed, larger --max-size: exit status' 1 $?
check 'mixed, larger --max-size: summary' "indexed 1, unchanged 13, removed 0, failed 3, skipped 2" "$(summary "$TMP/out")"
check 'mixed: reports' 14 "$(reports "$MDB")"
check 'mixed: xapian-check' 0 "$(xapian-check "$MDB" >/dev/null 2>&1; echo $?)"

# --- 1b. Permissions ---------------------------------------------------
# Run as a user that permissions apply to: ourselves, or when root (who
# reads everything) the user nobody through setpriv.
AS=""
PERMS=yes
if [ "$(id -u)" -eq 0 ]; then
    AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
    if ! command -v setpriv >/dev/null 2>&1 || ! $AS true 2>/dev/null; then
        PERMS=no
    fi
fi
P="$TMP/perm"
if [ "$PERMS" = yes ]; then
    chmod 711 "$TMP"
    mkdir -p "$P/docs/locked" "$P/db" "$P/san"
    cp "corpus/$LA20" "$P/docs/good.txt"
    printf 'T\303\240i li\341\273\207u m\341\272\255t s\341\273\221 m\341\273\231t.\n' >"$P/docs/locked/inner.txt"
    printf 'T\303\240i li\341\273\207u m\341\272\255t s\341\273\221 hai.\n' >"$P/docs/unreadable.txt"
    chmod -R a+rX "$P/docs"
    chmod 777 "$P/db" "$P/san"
    chmod 000 "$P/docs/locked" "$P/docs/unreadable.txt"
    if $AS test -r "$P/docs/unreadable.txt"; then PERMS=no; fi
fi
# as_user COMMAND...: sanitizer reports go to $P/san, writable by the user.
as_user () {
    if [ -n "$AS" ]; then
        ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$P/san/asan" \
        UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}log_path=$P/san/ubsan" $AS "$@"
    else
        "$@"
    fi
}
if [ "$PERMS" = yes ]; then
    as_user "$INDEX" --db "$P/db/a" "$P/docs" >"$TMP/out" 2>"$TMP/err"
    status 'permissions: exit status' 1 $?
    check 'permissions: summary' "indexed 1, unchanged 0, removed 0, failed 2, skipped 0" "$(summary "$TMP/out")"
    has 'permissions: folder' "$TMP/err" "tracuu-index: $P/docs/locked: Permission denied"
    has 'permissions: file' "$TMP/err" "tracuu-index: $P/docs/unreadable.txt: cannot open: Permission denied"
    check 'permissions: good file searchable' "good.txt" "$(files "$P/db/a" '"Nguyễn Bá Luân"')"

    # Indexed while readable, unreadable on the next run: a failure, not a
    # removal; the documents stay.
    chmod 755 "$P/docs/locked"
    chmod 644 "$P/docs/unreadable.txt"
    as_user "$INDEX" --db "$P/db/b" "$P/docs" >"$TMP/out" 2>&1
    check 'permissions, readable: summary' "indexed 3, unchanged 0, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
    chmod 000 "$P/docs/locked" "$P/docs/unreadable.txt"
    touch -d '2001-01-01 00:00' "$P/docs/unreadable.txt"
    as_user "$INDEX" --db "$P/db/b" "$P/docs" >"$TMP/out" 2>"$TMP/err"
    status 'permissions, now unreadable: exit status' 1 $?
    check 'permissions, now unreadable: summary' "indexed 0, unchanged 1, removed 0, failed 2, skipped 0" "$(summary "$TMP/out")"
    check 'permissions, now unreadable: documents kept' 3 "$(reports "$P/db/b")"
    check 'permissions, now unreadable: still found' "inner.txt unreadable.txt" "$(files "$P/db/b" '"tài liệu mật"')"
    if [ -n "$(ls -A "$P/san")" ]; then
        fail 'permissions: sanitizer reports' '' "$(cat "$P/san"/*)"
    fi
else
    skip 'permissions: no user that permissions apply to (root without setpriv)'
fi

# --- 2. Killed while indexing -------------------------------------------
# 40 reports, a pdf that stops the run, 40 more; a commit every 10 KB of
# text (3 reports of 3.5 KB).
K="$TMP/kill"
mkdir -p "$K"
i=100
while [ "$i" -lt 140 ]; do
    cp "corpus/$LA20" "$K/a$i.txt"
    cp "corpus/$LA20" "$K/z$i.txt"
    i=$((i + 1))
done
cp "$DEC/report.pdf" "$K/m.pdf"
NK=81
S="$TMP/stub-kill"
mkdir -p "$S"
KDB="$TMP/kill.db"
start kill env "PATH=$STUB:$PATH" STUB_DIR="$S" "$INDEX" --batch-size 0.01 --db "$KDB" "$K"
if wait_file "$S/started" 300; then ok; else fail 'kill: run reached the pdf' 'started' 'not started'; fi
# Files are written in order: the run commits what comes before the pdf,
# less one batch, and nothing after it.
c=$(count_until "$KDB" 37 300)
case "$c" in
    37|38|39|40) ok ;; *) fail 'kill: committed before the pdf (40 less one batch)' '37..40' "$c" ;;
esac
nap; nap; nap
c1=$("$QUERY" --db "$KDB" --count thông 2>"$TMP/err")
status 'kill: search during the run' 0 $?
check 'kill: the run is stopped at the pdf' "$c" "$c1"
kill -9 "$(cat "$TMP/kill.pid")"
check 'kill: killed mid-run' 137 "$(finish kill 100)"
: >"$S/release"
check 'kill: no summary' "" "$(cat "$TMP/kill.out")"
c2=$("$QUERY" --db "$KDB" --count thông 2>"$TMP/err")
check 'kill: search after the kill' 0 $?
check 'kill: committed work kept' "$c" "$c2"
xapian-check "$KDB" >"$TMP/out" 2>&1
check 'kill: xapian-check' 0 $?
"$INDEX" --batch-size 0.01 --db "$KDB" "$K" >"$TMP/out" 2>"$TMP/err"
status 'kill: second run exit status' 0 $?
check 'kill: second run summary' "indexed $((NK - c)), unchanged $c, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
check 'kill: every file once (search)' "$NK" "$("$QUERY" --db "$KDB" --count thông)"
check 'kill: every file once (reports)' "$NK" "$(reports "$KDB")"
"$INDEX" --db "$KDB" "$K" >"$TMP/out" 2>"$TMP/err"
check 'kill: third run summary' "indexed 0, unchanged $NK, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"

# The same folder killed at whatever point the first commit is seen.
RDB="$TMP/random.db"
start rkill env ASAN_OPTIONS="$KILLED_ASAN" "$INDEX" --batch-size 0.01 --db "$RDB" "$K"
i=0
while [ "$i" -lt 200 ]; do
    c=$("$QUERY" --db "$RDB" --count thông 2>/dev/null)
    case "$c" in ''|0|*[!0-9]*) ;; *) break ;; esac
    running rkill || break
    sleep 0.02 2>/dev/null || sleep 1
    i=$((i + 1))
done
kill -9 "$(cat "$TMP/rkill.pid")" 2>/dev/null
st=$(finish rkill 100)
case "$st" in
    137) echo "robust: random kill: killed mid-run after $c committed reports" ;;
    0) echo "robust: random kill: the run ended before the kill" ;;
    *) fail 'random kill: first run' '137 or 0' "$st" ;;
esac
c=$("$QUERY" --db "$RDB" --count thông 2>"$TMP/err")
rc=$?
case "$c" in ''|*[!0-9]*) c=0 ;; esac
case "$rc" in 0|1) ok ;; *) fail 'random kill: search after the kill' '0 or 1' "$rc $(cat "$TMP/err")" ;; esac
xapian-check "$RDB" >"$TMP/out" 2>&1
check 'random kill: xapian-check' 0 $?
"$INDEX" --batch-size 0.01 --db "$RDB" "$K" >"$TMP/out" 2>"$TMP/err"
status 'random kill: second run exit status' 0 $?
check 'random kill: second run summary' "indexed $((NK - c)), unchanged $c, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
check 'random kill: every file once (reports)' "$NK" "$(reports "$RDB")"
"$INDEX" --db "$RDB" "$K" >"$TMP/out" 2>"$TMP/err"
check 'random kill: third run summary' "indexed 0, unchanged $NK, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"

# --- 3. The writer lock -------------------------------------------------
L="$TMP/lock"
mkdir -p "$L"
i=100
while [ "$i" -lt 140 ]; do
    [ "$i" -lt 120 ] && cp "corpus/$LA20" "$L/a$i.txt"
    cp "corpus/$LA20" "$L/z$i.txt"
    i=$((i + 1))
done
cp "$DEC/report.pdf" "$L/m.pdf"
S="$TMP/stub-lock"
mkdir -p "$S"
LDB="$TMP/lock.db"
start writer env "PATH=$STUB:$PATH" STUB_DIR="$S" "$INDEX" --batch-size 0.01 --db "$LDB" "$L"
if wait_file "$S/started" 300; then ok; else fail 'lock: writer reached the pdf' 'started' 'not started'; fi
"$INDEX" --db "$LDB" corpus >"$TMP/out" 2>"$TMP/err"
status 'lock: second indexer exits 2' 2 $?
check 'lock: second indexer, one line' 1 "$(wc -l <"$TMP/err" | tr -d ' ')"
case "$(cat "$TMP/err")" in
    *"locked by another indexer"*) ok ;; *) fail 'lock: message' 'locked by another indexer' "$(cat "$TMP/err")" ;;
esac
check 'lock: second indexer, no summary' "" "$(cat "$TMP/out")"
start waiter "$INDEX" --wait --db "$LDB" corpus
nap; nap; nap
if running waiter; then ok; else fail 'lock: --wait waits' 'running' "ended: $(cat "$TMP/waiter.rc") $(cat "$TMP/waiter.err")"; fi
# 20 reports before the pdf, less one batch of 3 not committed yet.
c=$(count_until "$LDB" 17 300)
case "$c" in
    17|18|19|20) ok ;; *) fail 'lock: committed before the pdf' '17..20' "$c" ;;
esac
"$QUERY" --db "$LDB" --count thông >"$TMP/out" 2>"$TMP/err"
status 'lock: search while locked' 0 $?
# Release the writer, search until both indexers end.
: >"$S/release"
n=0
during=0
bad=""
while [ "$n" -lt 300 ]; do
    busy=no
    if running writer || running waiter; then busy=yes; fi
    "$QUERY" --db "$LDB" --limit 100 -l '"thông tin"' >/dev/null 2>"$TMP/err"
    rc=$?
    case "$rc" in 0|1) ;; *) bad="$bad [exit $rc: $(cat "$TMP/err")]" ;; esac
    "$QUERY" --db "$LDB" --format json 'tin thông' >/dev/null 2>"$TMP/err"
    rc=$?
    case "$rc" in 0|1) ;; *) bad="$bad [exit $rc: $(cat "$TMP/err")]" ;; esac
    n=$((n + 1))
    [ "$busy" = yes ] || break
    during=$((during + 1))
done
echo "robust: lock: $during rounds of searches while indexing"
check 'lock: searches during indexing never fail' "" "$bad"
check 'lock: writer exit status' 0 "$(finish writer 300)"
check 'lock: writer summary' "indexed 61, unchanged 0, removed 0, failed 0, skipped 0" "$(summary "$TMP/writer.out")"
check 'lock: --wait exit status' 0 "$(finish waiter 300)"
check 'lock: --wait summary' "indexed 5, unchanged 0, removed 0, failed 0, skipped 0" "$(summary "$TMP/waiter.out")"
check 'lock: reports' 66 "$(reports "$LDB")"
xapian-check "$LDB" >"$TMP/out" 2>&1
check 'lock: xapian-check' 0 $?

# --- 4. Malformed queries ------------------------------------------------
CDB="$TMP/corpus.db"
"$INDEX" --db "$CDB" corpus >/dev/null 2>&1
check 'corpus index' 5 "$(reports "$CDB")"
# Queries of 100 KB: one word, 1,000 words of 100 letters, a phrase and
# dots; 10 KB of a phrase repeated. (Time grows faster than the number
# of words, so the many-word ones stay small.)
LONGWORD=$(yes a | head -n 102400 | tr -d '\n')
A99=$(yes a | head -n 99 | tr -d '\n')
LONGWORDS=$(yes "$A99" | head -n 1030 | tr '\n' ' ')
DOTS="thông tin $(yes . | head -n 102400 | tr -d '\n')"
BIG=$(yes 'thông tin' | head -n 1000 | tr '\n' ' ')

# query NAME ARGS...: exit 0 or 1 with nothing on stderr, or 2 with one
# line; never killed by a signal.
query () {
    name=$1
    shift
    "$QUERY" --db "$CDB" "$@" >"$TMP/qout" 2>"$TMP/qerr"
    qrc=$?
    case "$qrc" in
        0|1) check "query $name: stderr" "" "$(cat "$TMP/qerr")" ;;
        2) check "query $name: one-line message" "1 tracuu-query: " \
               "$(wc -l <"$TMP/qerr" | tr -d ' ') $(head -c 14 "$TMP/qerr")" ;;
        *) fail "query $name: exit status" '0, 1 or 2' "$qrc $(head -c 300 "$TMP/qerr")" ;;
    esac
}

for q in '"thông tin' 'thông tin"' '"a" "b' '(thông' 'thông)' '((thông) tin' ')(' \
         'OR' 'NOT' '-' 'AND AND' 'NOT NOT' '- -' 'thông OR' 'OR thông' \
         'thông NOT' 'thông -' '-thông' 'NOT thông' '-"thông tin"' '"' '""' '()' \
         '(((' ')))' '.,;!?' '@' '#' '*' '"(OR)"' ':' 'a:b' 'year:' \
         'year:abc' 'province:' 'amount:..' 'date:2024-13-45..x' "$(printf '\377\376')" \
         "$(printf 'th\303\264ng \377 tin')" "$(printf '\300\257 \355\240\200')" \
         "$(printf 'caf\351')" "$(printf 'a\001b\033[31m')" '"“tin' \
         '' ' ' "$LONGWORD" "$LONGWORDS" \
         "$(yes '(' | head -n 2000 | tr -d '\n')" "$(yes 'thông OR' | head -n 500 | tr '\n' ' ')" \
         "$(yes '"tin' | head -n 500 | tr '\n' ' ')" "$(yes ' -tin' | head -n 500 | tr '\n' ' ')"; do
    label=$(printf '%s' "$q" | head -c 24 | od -An -c | tr -s ' \n' ' ')
    query "[$label]" -- "$q"
done
if command -v python3 >/dev/null 2>&1; then
    for q in "$(printf 'th\303\264ng \377 tin')" "$(printf '\"th\303\264ng tin\" \300\257 \355\240\200')" \
             "$(printf 'a\001b\033[31m\\')"; do
        "$QUERY" --db "$CDB" --format json -- "$q" >"$TMP/qout" 2>/dev/null
        got=$(python3 -c 'import json,sys; json.loads(open(sys.argv[1],"rb").read().decode("utf-8")); print("valid")' \
            "$TMP/qout" 2>&1 | tail -n 1)
        check "json output is valid UTF-8 JSON for a bad query" valid "$got"
    done
fi

# Best-effort answers that are known exactly.
# count_rc ARGS...: the exit status and the count of a --count query.
count_rc () {
    n=$("$QUERY" --db "$CDB" --count "$@" 2>/dev/null)
    echo "$? $n"
}
check 'unclosed quote' "0 5" "$(count_rc '"thông tin')"
check 'unclosed parenthesis' "0 5" "$(count_rc '("thông tin" OR zzzz')"
# Queries are capped at 4 096 bytes, with a message (a 100 000-character
# query took seconds and hundreds of MB).
NEAR4K=$(yes 'thông tin' | head -n 350 | tr '\n' ' ')
check '3.9 KB query' "0 5" "$(count_rc -- "$NEAR4K")"
for q in "$BIG" "$DOTS" "$LONGWORD"; do
    "$QUERY" --db "$CDB" --count -- "$q" >"$TMP/qout" 2>"$TMP/qerr"
    check "query of $(printf '%s' "$q" | wc -c | tr -d ' ') bytes refused" \
        "2 tracuu-query: the query is $(printf '%s' "$q" | wc -c | tr -d ' ') bytes long; the limit is 4096 bytes" \
        "$? $(cat "$TMP/qerr")"
done
check 'invalid UTF-8 between words' "0 5" "$(count_rc -- "$(printf '"th\303\264ng tin" \377')")"
"$QUERY" --db "$CDB" '' >/dev/null 2>"$TMP/qerr"
check 'empty query' "2 tracuu-query: nothing to search for in the query" "$? $(cat "$TMP/qerr")"
"$QUERY" --db "$CDB" '.,;!?' >/dev/null 2>"$TMP/qerr"
check 'punctuation only' "2 tracuu-query: nothing to search for in the query" "$? $(cat "$TMP/qerr")"
# 65 nested parentheses around a word: an answer, or a message about the
# nesting (not "nothing to search for": there is a word).
deep="$(yes '(' | head -n 65 | tr -d '\n')thông$(yes ')' | head -n 65 | tr -d '\n')"
"$QUERY" --db "$CDB" --count -- "$deep" >"$TMP/qout" 2>"$TMP/qerr"
rc=$?
case "$rc $(cat "$TMP/qerr")" in
    "0 "|"2 "*parenthes*) ok ;;
    *) fail 'deeply nested parentheses' 'exit 0, or 2 with a message about parentheses' "$rc $(cat "$TMP/qerr")" ;;
esac

# --- 5. Usage errors of tracuu-index -------------------------------------
# usage NAME EXPECTED-STDERR-SUBSTRING ARGS...
usage () {
    name=$1
    want=$2
    shift 2
    "$INDEX" "$@" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    check "usage $name: exit status" 2 "$rc"
    check "usage $name: no summary" "" "$(cat "$TMP/out")"
    case "$(cat "$TMP/err")" in
        *"$want"*) ok ;; *) fail "usage $name: message" "$want" "$(cat "$TMP/err")" ;;
    esac
}
# Each run gets a database path of its own: none may be created.
un=0
udb () {
    un=$((un + 1))
    UDB="$TMP/usage-$un.db"
}
udb; usage 'no path' 'no file or folder given' --db "$UDB"
udb; usage 'bad option' "unrecognized option '--bogus'" --db "$UDB" --bogus corpus
usage '--db without value' "requires an argument" --db
udb; usage '--max-size abc' "--max-size takes a size in MB, not 'abc'" --db "$UDB" --max-size abc corpus
udb; usage '--max-size empty' "--max-size takes a size in MB, not ''" --db "$UDB" --max-size '' corpus
udb; usage '--max-size 0' "--max-size takes a size in MB, not '0'" --db "$UDB" --max-size 0 corpus
udb; usage '--max-size -1' "--max-size takes a size in MB, not '-1'" --db "$UDB" --max-size -1 corpus
udb; usage '--max-size nan' "--max-size takes a size in MB, not 'nan'" --db "$UDB" --max-size nan corpus
udb; usage '--batch-size x' "--batch-size takes a size in MB, not 'x'" --db "$UDB" --batch-size x corpus
udb; usage '--batch-size nan' "--batch-size takes a size in MB, not 'nan'" --db "$UDB" --batch-size nan corpus
usage '--format xml' "unknown --format 'xml'" --extract --format xml corpus/$LA20
udb; usage '--encoding bogus' 'bogus' --db "$UDB" --encoding bogus corpus
check 'usage errors create no database' "" "$(cd "$TMP" && ls -d usage-*.db 2>/dev/null | tr '\n' ' ')"
usage 'database under /proc' "cannot open index '/proc/nonexistent/x'" --db /proc/nonexistent/x corpus
check 'usage database under /proc: one line' 1 "$(wc -l <"$TMP/err" | tr -d ' ')"
case "$(cat "$TMP/err")" in
    *"No such file or directory"*) ok ;; *) fail 'usage database under /proc: reason' 'No such file or directory' "$(cat "$TMP/err")" ;;
esac
usage 'database is a file' "'$M/report.pdf' is a file, not an index folder" --db "$M/report.pdf" corpus
"$INDEX" --db "$TMP/missing.db" "$TMP/nonexistent" >"$TMP/out" 2>"$TMP/err"
status 'missing path: exit status' 1 $?
check 'missing path: summary' "indexed 0, unchanged 0, removed 0, failed 1, skipped 0" "$(summary "$TMP/out")"
has 'missing path: message' "$TMP/err" "tracuu-index: $TMP/nonexistent: No such file or directory"

# An index of another layout is refused by both programs with what to do.
ODB="$TMP/other-layout.db"
"$INDEX" --quiet --db "$ODB" corpus >/dev/null 2>&1
xapian-metadata set "$ODB" tracuu.schema 0
"$QUERY" --db "$ODB" tin >"$TMP/out" 2>"$TMP/err"
status 'other layout: query exits 2' 2 $?
has 'other layout: query message' "$TMP/err" "tracuu-query: index '$ODB' was made by another version of tracuu (layout 0, this one reads layout 8); delete it and index again"
"$INDEX" --db "$ODB" corpus >"$TMP/out" 2>"$TMP/err"
status 'other layout: index exits 2' 2 $?
has 'other layout: index message' "$TMP/err" "tracuu-index: index '$ODB' was made by another version of tracuu (layout 0, this one reads layout 8); delete it and index again"

# --- 6. What stays out of an index ---------------------------------------
S6="$TMP/links"
mkdir -p "$S6/docs/sub" "$S6/outside"
cp "corpus/$LA20" "$S6/docs/a.txt"
cp "corpus/$AGH1" "$S6/outside/secret.txt"
ln -s ../outside/secret.txt "$S6/docs/leak.txt"
ln -s ../outside "$S6/docs/outdir"
ln -s a.txt "$S6/docs/alias.txt"
ln "$S6/docs/a.txt" "$S6/docs/sub/hard.txt"
LDB="$S6/docs/tracuu.db"
"$INDEX" --db "$LDB" "$S6/docs" >"$TMP/out" 2>"$TMP/err"
status 'links: exit status' 0 $?
check 'links: summary' "indexed 1, unchanged 0, removed 0, failed 0, skipped 3" "$(summary "$TMP/out")"
has 'links: file out of the folder' "$TMP/err" \
    "tracuu-index: $S6/docs/leak.txt: symbolic link out of the folder; not followed (--follow follows it) (skipped)"
has 'links: folder out of the folder' "$TMP/err" \
    "tracuu-index: $S6/docs/outdir: symbolic link out of the folder; not followed (--follow follows it) (skipped)"
has 'links: hard link indexed once' "$TMP/err" \
    "tracuu-index: $S6/docs/sub/hard.txt: same file as $S6/docs/a.txt; indexed once (skipped)"
check 'links: nothing from outside, each file once' "a.txt" "$(files "$LDB" '"Nguyễn Bá Luân"' '"thông tin"')"
check 'links: the outside file is not searchable' "" "$(files "$LDB" '"thanh tra"' -'"Nguyễn Bá Luân"')"
check 'links: the index inside the folder is not indexed' 1 "$(reports "$LDB")"
"$INDEX" --db "$LDB" "$S6/docs" >"$TMP/out" 2>"$TMP/err"
check 'links: second run' "indexed 0, unchanged 1, removed 0, failed 0, skipped 3" "$(summary "$TMP/out")"
# --follow follows links out of the folder; what it reaches twice is
# indexed once.
FDB="$TMP/follow.db"
"$INDEX" --follow --db "$FDB" "$S6/docs" >"$TMP/out" 2>"$TMP/err"
status 'links --follow: exit status' 0 $?
check 'links --follow: summary' "indexed 2, unchanged 0, removed 0, failed 0, skipped 3" "$(summary "$TMP/out")"
has 'links --follow: a file reached twice' "$TMP/err" \
    "tracuu-index: $S6/docs/outdir/secret.txt: same file as $S6/docs/leak.txt; indexed once (skipped)"
has 'links --follow: another database' "$TMP/err" \
    "tracuu-index: $LDB: Xapian database; not indexed (skipped)"
check 'links --follow: reports' 2 "$(reports "$FDB")"
# An index made by an older version with the outside file in it loses
# that file on the next run.
"$INDEX" --follow --db "$LDB" "$S6/docs" >/dev/null 2>&1
check 'links: --follow adds the outside file' 2 "$(reports "$LDB")"
"$INDEX" --db "$LDB" "$S6/docs" >"$TMP/out" 2>"$TMP/err"
check 'links: without --follow it goes again' "indexed 0, unchanged 1, removed 1, failed 0, skipped 3" "$(summary "$TMP/out")"
# A file met by its own path in one folder, then through a link from
# another folder given after it: indexed once.
S6B="$TMP/links2"
mkdir -p "$S6B/one" "$S6B/two"
cp "corpus/$LA20" "$S6B/one/a.txt"
ln -s ../one/a.txt "$S6B/two/z.txt"
"$INDEX" --follow --db "$TMP/links2.db" "$S6B/one" "$S6B/two" >"$TMP/out" 2>"$TMP/err"
status 'links, two folders: exit status' 0 $?
check 'links, two folders: summary' "indexed 1, unchanged 0, removed 0, failed 0, skipped 1" "$(summary "$TMP/out")"
has 'links, two folders: the link is passed over' "$TMP/err" \
    "tracuu-index: $S6B/two/z.txt: same file as one indexed by another path; indexed once (skipped)"
# The same folder given twice, and a file inside it: indexed once.
TDB="$TMP/twice.db"
"$INDEX" --db "$TDB" corpus corpus "corpus/$LA20" >"$TMP/out" 2>"$TMP/err"
check 'paths given twice: reports' 5 "$(reports "$TDB")"
# A database in the folder indexed ("tracuu-index ." with ./tracuu.db)
# is not indexed, on the first run or later ones.
W6="$TMP/here"
mkdir -p "$W6"
cp corpus/*.txt "$W6/"
( cd "$W6" && "$INDEX" --db tracuu.db . ) >"$TMP/out" 2>"$TMP/err"
check 'index in the folder: first run' "indexed 5, unchanged 0, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
( cd "$W6" && "$INDEX" --db tracuu.db . ) >"$TMP/out" 2>"$TMP/err"
check 'index in the folder: second run' "indexed 0, unchanged 5, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
check 'index in the folder: reports' 5 "$(reports "$W6/tracuu.db")"

# --- 7. Text that is not what it seems -----------------------------------
S7="$TMP/text"
mkdir -p "$S7"
printf 'x\341\273\255 ph\341\272\241t \377\376 th\303\264ng tin sai s\341\273\261 th\341\272\255t\n' >"$S7/damaged-short.txt"
{
    printf '<html><body><p>M\341\273\237 \304\221\341\272\247u.</p>'
    yes '<div>' | head -n 3000 | tr -d '\n'
    printf 'kho\341\272\243ng s\303\242u'
    yes '</div>' | head -n 3000 | tr -d '\n'
    printf '<p>th\303\264ng tin sau c\303\271ng</p></body></html>\n'
} >"$S7/deep.html"
# 4.5 MB of text, more than is analyzed at once, with a last line of its
# own.
: >"$S7/long.txt"
while [ "$(wc -c <"$S7/long.txt")" -lt 4718592 ]; do
    cat corpus/*.txt >>"$S7/long.txt"
done
printf '\nD\303\262ng cu\341\273\221i c\303\271ng c\341\273\247a b\303\241o c\303\241o d\303\240i.\n' >>"$S7/long.txt"
LONG_LINES=$(wc -l <"$S7/long.txt" | tr -d ' ')
: >"$S7/bomb.txt"
i=0
while [ "$i" -lt 64 ]; do cat corpus/*.txt >>"$S7/bomb.txt"; i=$((i + 1)); done
gzip -9 <"$S7/bomb.txt" >"$S7/bomb.txt.gz"
rm "$S7/bomb.txt"
XDB="$TMP/text.db"
"$INDEX" --max-text 2 --db "$XDB" "$S7" >"$TMP/out" 2>"$TMP/err"
status 'text: exit status' 1 $?
check 'text: summary' "indexed 2, unchanged 0, removed 0, failed 2, skipped 0" "$(summary "$TMP/out")"
case "$(LC_ALL=C grep -F "$S7/bomb.txt.gz: " "$TMP/err")" in
    "tracuu-index: $S7/bomb.txt.gz: gzip data expands past the limit of 2.0 MB (compression bomb?); raise the limit with --max-text to index it") ok ;;
    *) fail 'text: decoded text over --max-text' 'gzip data expands past the limit of 2.0 MB ...' "$(cat "$TMP/err")" ;;
esac
has 'text: long text over --max-text' "$TMP/err" \
    "tracuu-index: $S7/long.txt: text longer than the limit of 2.0 MB; raise the limit with --max-text to index it"
"$INDEX" --max-text 64 --db "$XDB" "$S7" >"$TMP/out" 2>"$TMP/err"
status 'text, larger --max-text: exit status' 0 $?
check 'text, larger --max-text: summary' "indexed 2, unchanged 2, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
has 'text: the long text noted' "$TMP/err" \
    "tracuu-index: $S7/long.txt: 4.5 MB of text: metadata and cases read from its first 4.0 MB (indexed)"
check 'text: damaged short UTF-8 keeps its words' "damaged-short.txt" "$(files "$XDB" '"thông tin sai sự thật"' -'"Nguyễn"')"
check 'text: HTML 3000 levels deep, inside' "deep.html" "$(files "$XDB" '"khoảng sâu"')"
check 'text: HTML 3000 levels deep, after' "deep.html" "$(files "$XDB" '"thông tin sau cùng"')"
"$QUERY" --db "$XDB" '"dòng cuối cùng của báo cáo dài"' >"$TMP/out" 2>"$TMP/err"
check 'text: last line of a long text found on its line' "1. $S7/long.txt:$LONG_LINES" "$(head -n 1 "$TMP/out")"

# --- 8. Databases that cannot be used ------------------------------------
# --check: xapian-check, or the library's check where it is not installed
# (not under ASan: libxapian 1.4's check frees with a mismatched size).
"$INDEX" --check --db "$CDB" >"$TMP/out" 2>"$TMP/err"
check '--check: a sound index' "0 index '$CDB': no errors found" "$? $(cat "$TMP/out")"
if ! LC_ALL=C grep -q __asan_init "$INDEX"; then
    mkdir -p "$TMP/nopath"
    ln -s "$(command -v cp)" "$TMP/nopath/cp"
    env PATH="$TMP/nopath" "$INDEX" --check --db "$CDB" >"$TMP/out" 2>"$TMP/err"
    check '--check without xapian-check' "0 index '$CDB': no errors found" "$? $(cat "$TMP/out")"
fi
"$INDEX" --check --db "$TMP/no-such.db" >"$TMP/out" 2>"$TMP/err"
check '--check: no index' "2 tracuu-index: no index at '$TMP/no-such.db'" "$? $(cat "$TMP/err")"
"$INDEX" --db /proc/self corpus >"$TMP/out" 2>"$TMP/err"
status 'database /proc/self: exit status' 2 $?
has 'database /proc/self: message' "$TMP/err" \
    "tracuu-index: /proc/self: not a tracuu database and not empty; give --db a new or empty folder"
if [ "$PERMS" = yes ]; then
    RO="$P/ro.db"
    cp -R "$CDB" "$RO"
    chmod -R a+rX,a-w "$RO"
    as_user "$INDEX" --db "$RO" corpus >"$TMP/out" 2>"$TMP/err"
    status 'read-only database: exit status' 2 $?
    case "$(cat "$TMP/err")" in
        "tracuu-index: cannot write to index '$RO' ("*"Permission denied): run as a user that may write there, or give --db another folder") ok ;;
        *) fail 'read-only database: message' "cannot write to index '$RO' (... Permission denied): ..." "$(cat "$TMP/err")" ;;
    esac
    as_user "$QUERY" --db "$RO" --count thông >"$TMP/out" 2>"$TMP/err"
    check 'read-only database: still searched' "0 5" "$? $(cat "$TMP/out")"
else
    skip 'read-only database: no user that permissions apply to'
fi
if command -v omindex >/dev/null 2>&1; then
    OMI="$TMP/omindex.db"
    omindex --db "$OMI" --url / corpus >/dev/null 2>&1
    for prog in "$INDEX" "$QUERY"; do
        name=${prog##*/}
        if [ "$name" = tracuu-index ]; then "$prog" --db "$OMI" corpus >"$TMP/out" 2>"$TMP/err"
        else "$prog" --db "$OMI" tin >"$TMP/out" 2>"$TMP/err"; fi
        status "omindex database, $name: exit status" 2 $?
        has "omindex database, $name: message" "$TMP/err" \
            "$name: '$OMI' is a Xapian database made by another program (it has no tracuu layout), not a tracuu index: give --db another folder"
    done
else
    skip 'omindex database: omindex is not installed'
fi

echo
echo "robust: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
