#!/bin/sh
# Index corpus/ into a database and run three example queries: a phrase,
# the same words without diacritics, and a question about fines.
# Usage: scripts/demo.sh BUILD_DIR DB
set -eu

BUILD=${1:-build}
DB=${2:-tracuu.db}

echo "\$ $BUILD/tracuu-index --db $DB corpus"
"$BUILD/tracuu-index" --db "$DB" corpus

run () {
    echo
    echo "\$ $BUILD/tracuu-query --db $DB $1"
    shift
    "$BUILD/tracuu-query" --db "$DB" "$@" || true
}

run "--limit 3 '\"thông tin sai sự thật\"'" --limit 3 '"thông tin sai sự thật"'
run "'thong tin sai su that tiktok'" 'thong tin sai su that tiktok'
run "'all fines for false information in 2024'" 'all fines for false information in 2024'

echo
echo "To search and ask in a browser:"
echo "  $BUILD/tracuu-web --db $DB"
echo "then open http://127.0.0.1:8080/ (Ctrl-C stops it; --listen 127.0.0.1:0 picks a free port)."
