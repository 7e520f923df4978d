#!/bin/sh
# End-to-end tests of OCR: scanned copies of reports are made here (typeset
# with ImageMagick and DejaVu Serif, 300 dpi clean and 200 dpi with noise
# and a slight rotation), put in PDFs without a text layer, indexed and
# searched. Measures the share of the reports' syllables recovered and
# checks that the fines extracted from a scan equal those from its text.
# Usage: sh tests/ocr.sh BUILD_DIR   (from the repository root)
set -u

BUILD=${1:-build}
INDEX="$PWD/$BUILD/tracuu-index"
QUERY="$PWD/$BUILD/tracuu-query"
SCAN="python3 $PWD/tests/data/make-scan.py"
SCORE="python3 $PWD/tests/data/ocr-score.py"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-ocr.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
export TRACUU_DB="$TMP/unused-default.db"

model=""
for d in ${TESSDATA_PREFIX:-} /usr/share/tesseract-ocr/5/tessdata \
         /usr/share/tesseract-ocr/4.00/tessdata /usr/share/tessdata; do
    [ -n "$d" ] && [ -r "$d/vie.traineddata" ] && { model="$d"; break; }
done
if [ -z "$model" ]; then
    echo "ocr: skipped: Tesseract's Vietnamese model is missing (install tesseract-ocr-vie)"
    exit 0
fi
for tool in /usr/bin/convert pdftoppm python3; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "ocr: skipped: $tool is missing (scripts/setup.sh installs it)"
        exit 0
    fi
done

passed=0
failed=0
ok () { passed=$((passed + 1)); }
fail () {
    failed=$((failed + 1))
    printf 'FAIL: %s\n' "$1"
    [ -n "${2:-}" ] && printf '  expected: %s\n  got:      %s\n' "$2" "${3:-}"
}
check () { if [ "$2" = "$3" ]; then ok; else fail "$1" "$2" "$3"; fi; }
# at_least NAME MIN VALUE: VALUE >= MIN (decimals).
at_least () {
    if awk "BEGIN { exit !($3 >= $2) }"; then ok; else fail "$1" ">= $2" "$3"; fi
}

BG04=corpus/bac-giang-2024-04-chong-buon-lau-hang-gia.txt
LA20=corpus/long-an-2020-03-so-ket-phoi-hop.txt

# --- Loaded only when used -------------------------------------------
# The programs do not link Tesseract or Leptonica: decode-ocr.c opens
# them when a page is first read (which the checks below exercise).
for prog in tracuu-index tracuu-query tracuu-web; do
    [ -x "$BUILD/$prog" ] || continue
    check "$prog links no OCR library" "" \
        "$(readelf -d "$BUILD/$prog" | grep NEEDED | grep -o -E 'lib(tesseract|lept)[^]]*')"
done

# --- Scanned copies --------------------------------------------------
mkdir -p "$TMP/scans" "$TMP/img"
for r in bg04:$BG04 la20:$LA20; do
    name=${r%%:*} file=${r#*:}
    $SCAN render "$file" "$TMP/img/$name-clean" 300 >/dev/null
    $SCAN render "$file" "$TMP/img/$name-noisy" 200 noisy >/dev/null
    $SCAN pdf "$TMP/scans/$name-clean.pdf" "$TMP/img/$name-clean"-*.jpg
    $SCAN pdf "$TMP/scans/$name-noisy.pdf" "$TMP/img/$name-noisy"-*.jpg
done
check 'scans rendered' 4 "$(ls "$TMP/scans" | wc -l | tr -d ' ')"

# --- Syllables recovered ---------------------------------------------
for kind in clean noisy; do
    got=0 total=0
    for name in bg04 la20; do
        [ $name = bg04 ] && ref=$BG04 || ref=$LA20
        "$INDEX" --text "$TMP/scans/$name-$kind.pdf" > "$TMP/$name-$kind.txt" 2>"$TMP/err"
        check "--text $name-$kind exit status" 0 $?
        set -- $($SCORE "$ref" "$TMP/$name-$kind.txt" | tr '/' ' ')
        got=$((got + $1)) total=$((total + $2))
    done
    share=$(awk "BEGIN { printf \"%.2f\", 100 * $got / $total }")
    echo "ocr: $kind scans: $got of $total syllables recovered ($share %)"
    [ $kind = clean ] && at_least "clean 300 dpi recovery" 97 "$share"
    [ $kind = noisy ] && at_least "noisy 200 dpi recovery" 90 "$share"
done
check 'page break kept' 1 "$(grep -c "$(printf '\f')" "$TMP/bg04-clean.txt")"

# --- Fines from a scan equal those from the text ----------------------
fines () {
    "$INDEX" --extract "$1" | python3 -c '
import json, sys
cases = json.load(sys.stdin)["cases"]
print(" ".join(sorted("%s:%s" % (c["action"], c["amount_vnd"]) for c in cases)))'
}
same=0
for name in bg04:$BG04 la20:$LA20; do
    text_fines=$(fines "${name#*:}")
    check "cases of ${name%%:*} scan" "$text_fines" "$(fines "$TMP/scans/${name%%:*}-clean.pdf")"
    # A noisy copy is measured, not required: one misread word ("vi"
    # read "VÌ") can hide a sentence's sanction.
    [ "$text_fines" = "$(fines "$TMP/scans/${name%%:*}-noisy.pdf")" ] && same=$((same + 1))
done
echo "ocr: noisy scans: cases equal to the text's in $same of 2 reports"
check 'bg04 has its two fines' "fine:4750000 fine:7500000 takedown:None" "$(fines $BG04)"

# --- Indexing and searching scans --------------------------------------
mkdir -p "$TMP/archive"
cp "$TMP/scans/bg04-clean.pdf" "$TMP/archive/scan.pdf"
/usr/bin/convert "$TMP/img/la20-clean-1.jpg" "$TMP/archive/page.png"
$SCAN pdf "$TMP/archive/mixed.pdf" "Bao cao so 77/BC-UBND ve ket qua kiem tra thang 3" \
    "$TMP/img/bg04-clean-2.jpg"
out=$("$INDEX" --db "$TMP/db" "$TMP/archive" 2>"$TMP/err")
check 'index scans exit status' 0 $?
check 'index scans summary' "indexed 3, unchanged 0, removed 0, failed 0, skipped 0" \
    "$(printf '%s' "$out" | sed 's/ in [0-9.]* s$//')"
check 'scanned PDF found' "mixed.pdf scan.pdf" \
    "$("$QUERY" --db "$TMP/db" -l '"trạm thu phát sóng di động"' | sed 's|.*/||' | sort | tr '\n' ' ' | sed 's/ $//')"
check 'image found' "page.png" "$("$QUERY" --db "$TMP/db" -l '"Long An"' | sed 's|.*/||')"
check 'result line says page and OCR' "1. $TMP/archive/scan.pdf:7 (page 1, OCR)" \
    "$("$QUERY" --db "$TMP/db" nhathaibiettuot | head -1 | sed 's|^1\. .*/archive|1. '"$TMP"'/archive|')"
json=$("$QUERY" --db "$TMP/db" --format json '"trạm thu phát sóng di động"')
check 'JSON page of a scanned page' '2 True' "$(printf '%s' "$json" | python3 -c '
import json, sys
r = [r for r in json.load(sys.stdin)["results"] if r["file"].endswith("mixed.pdf")][0]
print(r["page"], r["ocr"])')"
json=$("$QUERY" --db "$TMP/db" --format json '"77/BC-UBND"')
check 'JSON page of a text page' '1 True' "$(printf '%s' "$json" | python3 -c '
import json, sys
r = json.load(sys.stdin)["results"][0]
print(r["page"], r["ocr"])')"
json=$("$QUERY" --db "$TMP/db" --format json '"Long An"')
check 'JSON of an image' '1 True' "$(printf '%s' "$json" | python3 -c '
import json, sys
r = json.load(sys.stdin)["results"][0]
print(r["page"], r["ocr"])')"

check 'answer marks sources read by OCR, with their page' 'scan.pdf:7: True 1 scan.pdf:9: True 1' \
    "$("$QUERY" --db "$TMP/db" --format json 'tất cả các khoản phạt' | python3 -c '
import json, sys
print(" ".join(sorted("%s:%d: %s %s" % (s["file"].split("/")[-1], s["line"], s["ocr"], s["page"])
                      for c in json.load(sys.stdin)["cases"] for s in c["sources"]
                      if s["file"].endswith("scan.pdf"))))')"
# The same over shards (the index and an empty one), which read the
# sources' reports in a few matches rather than one by one.
mkdir -p "$TMP/none"
"$INDEX" --db "$TMP/none.db" "$TMP/none" >/dev/null 2>&1
sources () {
    "$QUERY" "$@" --format json 'tất cả các khoản phạt' | python3 -c '
import json, sys
print(" ".join(sorted("%s:%d: %s %s %s" % (s["file"].split("/")[-1], s["line"], s["ocr"],
                                          s["page"], s["report_id"] > 0)
                      for c in json.load(sys.stdin)["cases"] for s in c["sources"])))'
}
check 'over shards: sources with their page and OCR' "$(sources --db "$TMP/db")" \
    "$(sources --db "$TMP/db" --db "$TMP/none.db")"
if command -v xapian-tcpsrv >/dev/null 2>&1; then
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # In a session of its own: on TERM it signals its whole process group.
    setsid xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$port" "$TMP/db" &
    srv=$!
    python3 -c 'import socket, sys, time
for _ in range(500):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close(); break
    except OSError:
        time.sleep(0.01)' "$port"
    check 'over a remote shard: sources with their page and OCR' "$(sources --db "$TMP/db")" \
        "$(sources --db "127.0.0.1:$port" --db "$TMP/none.db")"
    kill "$srv"
fi
case "$("$QUERY" --db "$TMP/db" 'tất cả các khoản phạt')" in
    *"scan.pdf:7 (page 1, OCR): "*) ok ;;
    *) fail 'answer text says the page and OCR' 'scan.pdf:7 (page 1, OCR): "...' "$("$QUERY" --db "$TMP/db" 'tất cả các khoản phạt')" ;;
esac

# --- --ocr=never and --ocr=always --------------------------------------
out=$("$INDEX" --db "$TMP/never.db" --ocr=never "$TMP/archive" 2>"$TMP/err")
check '--ocr=never summary' "indexed 2, unchanged 0, removed 0, failed 0, skipped 1" \
    "$(printf '%s' "$out" | sed 's/ in [0-9.]* s$//')"
grep -q "page.png: binary file (PNG image) (skipped)" "$TMP/err" && ok || fail '--ocr=never skips images' "" "$(cat "$TMP/err")"
grep -q "scan.pdf: no words in it" "$TMP/err" && ok || fail '--ocr=never leaves scans unread' "" "$(cat "$TMP/err")"
check '--ocr=never finds only the text layer' "mixed.pdf" \
    "$("$QUERY" --db "$TMP/never.db" -l '77/BC-UBND' | sed 's|.*/||')"
check '--ocr=never: no OCR flag' 'None False' "$("$QUERY" --db "$TMP/never.db" --format json '77/BC-UBND' | python3 -c '
import json, sys
r = json.load(sys.stdin)["results"][0]
print(r["page"] and None, r["ocr"])')"
$SCAN pdf "$TMP/text-only.pdf" "Bao cao ket qua thanh tra chuyen nganh thong tin va truyen thong"
check '--ocr=auto reads the text layer' "Bao cao ket qua thanh tra chuyen nganh thong tin va truyen thong" \
    "$("$INDEX" --text "$TMP/text-only.pdf" | tr -s '\n' | head -1)"
check '--ocr=always reads the page image too' "bao cao ket qua thanh tra chuyen nganh thong tin va truyen thong" \
    "$("$INDEX" --text --ocr=always "$TMP/text-only.pdf" | tr -s '\n' | head -1 | tr 'A-Z' 'a-z')"
"$INDEX" --ocr=sometimes --text "$TMP/text-only.pdf" >/dev/null 2>"$TMP/err"
check 'unknown --ocr exits 2' 2 $?
check 'unknown --ocr message' "tracuu-index: unknown --ocr 'sometimes'; use auto, never or always" "$(cat "$TMP/err")"

# --- OCR unavailable -------------------------------------------------
mkdir -p "$TMP/nomodel"
out=$(TESSDATA_PREFIX="$TMP/nomodel" "$INDEX" --db "$TMP/nomodel.db" "$TMP/archive" 2>"$TMP/err")
check 'no model: exit status 1' 1 $?
check 'no model summary' "indexed 1, unchanged 0, removed 0, failed 2, skipped 0" \
    "$(printf '%s' "$out" | sed 's/ in [0-9.]* s$//')"
grep -q "scan.pdf: OCR unavailable: Tesseract's Vietnamese model (vie.traineddata) not found; install tesseract-ocr-vie (no page of this PDF has a text layer)" "$TMP/err" \
    && ok || fail 'no model: scanned PDF message' "" "$(cat "$TMP/err")"
grep -q "page.png: OCR unavailable: .*install tesseract-ocr-vie$" "$TMP/err" \
    && ok || fail 'no model: image message' "" "$(cat "$TMP/err")"
grep -q "mixed.pdf: 1 page without text not read: OCR unavailable: .*install tesseract-ocr-vie (indexed)" "$TMP/err" \
    && ok || fail 'no model: mixed PDF note' "" "$(cat "$TMP/err")"

# --- Broken images -----------------------------------------------------
mkdir -p "$TMP/broken"
head -c 3000 "$TMP/archive/page.png" > "$TMP/broken/cut.png"
printf '\377\330\377\340garbage' > "$TMP/broken/bad.jpg"
head -c 20000 "$TMP/scans/la20-clean.pdf" > "$TMP/broken/cut.pdf"
out=$("$INDEX" --db "$TMP/broken.db" "$TMP/broken" 2>"$TMP/err")
check 'broken images exit status' 1 $?
check 'broken images summary' "indexed 0, unchanged 0, removed 0, failed 3, skipped 0" \
    "$(printf '%s' "$out" | sed 's/ in [0-9.]* s$//')"
grep -q "cut.png: broken or truncated image" "$TMP/err" && ok || fail 'truncated PNG message' "" "$(cat "$TMP/err")"
grep -q "bad.jpg: broken or truncated image" "$TMP/err" && ok || fail 'bad JPEG message' "" "$(cat "$TMP/err")"
grep -q "cut.pdf: " "$TMP/err" && ok || fail 'truncated PDF message' "" "$(cat "$TMP/err")"

echo
echo "ocr: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
