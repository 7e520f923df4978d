#!/bin/sh
# The output formats against their JSON Schemas (docs/schemas): real
# output of every format of tracuu-query and tracuu-index --extract on
# corpus/, validated by Debian's python3-jsonschema, and any field the
# schemas do not name reported, so that a new field gets its schema.
# Usage: sh tests/schemas.sh BUILD_DIR   (from the repository root)
set -u

BUILD=${1:-build}
INDEX="$PWD/$BUILD/tracuu-index"
QUERY="$PWD/$BUILD/tracuu-query"
# The python3 on PATH may be one without jsonschema (pyenv's).
PYTHON=/usr/bin/python3
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-schemas.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
DB="$TMP/db"
export LC_ALL=C.UTF-8

if ! "$PYTHON" -c 'import jsonschema' 2>/dev/null; then
    echo "schemas: $PYTHON has no jsonschema; install python3-jsonschema (make setup)"
    exit 1
fi
"$INDEX" -q --db "$DB" corpus || { echo "schemas: indexing corpus/ failed"; exit 1; }

n=0
# run SCHEMA_STEM ARGS...: every format of one query.
run () {
    stem=$1
    shift
    n=$((n + 1))
    printf '%s\n' "tracuu-query $*" >"$TMP/$n.args"
    "$QUERY" --db "$DB" --today 2025-01-01 --format json "$@" >"$TMP/$n.json"
    "$QUERY" --db "$DB" --today 2025-01-01 --format jsonl "$@" >"$TMP/$n.jsonl"
    "$QUERY" --db "$DB" --today 2025-01-01 --format csv "$@" >"$TMP/$n.csv"
    "$QUERY" --db "$DB" --today 2025-01-01 --format csv --bom "$@" >"$TMP/$n.bom.csv"
    PAIRS="$PAIRS $stem.json=$TMP/$n.json $stem-line.json=$TMP/$n.jsonl"
    PAIRS="$PAIRS $stem-csv.json=$TMP/$n.csv $stem-csv.json=$TMP/$n.bom.csv"
}
PAIRS=""
run search 'bịa đặt'
run search '"thông tin sai sự thật" OR tiktok'
run search 'person:"Nguyễn Văn Hải"'
run search --limit 2 --offset 1 year:2024
run answer 'all fines for false information in 2024'
run answer --facet province,year,category,platform,action 'phạt năm 2024'
run answer --group-by year --sum amount action:fine
run answer --group-by province --facet category action:fine
run answer 'fines in Tây Ninh'
run answer 'những tài khoản nào bị phạt năm 2024'
run answer 'bao nhiêu người bị phạt năm 2024'
run answer --limit 2 --offset 1 --cases
run answer 'phạt tin giả về lũ lụt năm 2024 ngoài An Giang'
echo 'tracuu-index --extract --format json corpus/*.txt' >"$TMP/extract.args"
echo 'tracuu-index --extract --format jsonl corpus/*.txt' >"$TMP/extract-lines.args"
"$INDEX" --extract --format json corpus/*.txt >"$TMP/extract.json"
"$INDEX" --extract --format jsonl corpus/*.txt >"$TMP/extract-lines.jsonl"
PAIRS="$PAIRS extract.json=$TMP/extract.json extract-line.json=$TMP/extract-lines.jsonl"

# shellcheck disable=SC2086
"$PYTHON" tests/schemas.py docs/schemas $PAIRS
