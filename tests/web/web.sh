#!/bin/sh
# tracuu-web end to end: the API against a server started here on a free
# loopback port over corpus/ and two reports written here (one with
# markup in it), compared byte for byte with tracuu-query; limits,
# errors, headers, authentication, reopening, the access log and a clean
# stop; then the browser tests (tests/web/browser.py) in headless
# Chromium, with screenshots under BUILD_DIR/web-shots/.
# Usage: sh tests/web/web.sh BUILD_DIR   (from the repository root)
set -u
BUILD=${1:-build}
TEST_NAME=web
. tests/testlib.sh
WEB="$ROOT/$BUILD/tracuu-web"
SHOTS="$ROOT/$BUILD/web-shots"
PY=/usr/bin/python3

# The archive: corpus/ and two reports of the test, in $TMP/archive, and
# every program run from $TMP so that file names read archive/...
mkdir -p "$TMP/archive"
cp corpus/* "$TMP/archive/"
cat >"$TMP/archive/ha-nam-2024-05-ma-doc.txt" <<'END'
UBND TỈNH HÀ NAM
SỞ THÔNG TIN VÀ TRUYỀN THÔNG

BÁO CÁO

Kết quả kiểm tra an toàn thông tin tháng 5 năm 2024 <script>alert(1)</script>

Trang tin "><img src=x onerror=alert(2)> đăng bài có mã độc, Sở đã yêu cầu gỡ bỏ.
END
cd "$TMP" || exit 2
"$INDEX" --db db archive >"$TMP/index.out" 2>&1
status 'index the archive' 0 $?

# start_web NAME ARGS...: a server in the background; PORT is its port.
start_web () {
    name=$1
    shift
    start "$name" "$WEB" --db db --listen 127.0.0.1:0 "$@"
    i=0
    PORT=""
    while [ -z "$PORT" ] && [ $i -lt 100 ]; do
        PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9][0-9]*\)/.*|\1|p' "$TMP/$name.err")
        [ -f "$TMP/$name.rc" ] && break
        nap
        i=$((i + 1))
    done
    [ -n "$PORT" ]
}

# stop_web NAME: SIGTERM, then its exit status.
stop_web () {
    kill -TERM "$(cat "$TMP/$1.pid")"
    wait_file "$TMP/$1.rc" 100 || { echo timeout; return; }
    cat "$TMP/$1.rc"
}

# get PATH?QUERY [CURL ARGS]: the body into $TMP/body, headers into
# $TMP/headers; prints the status.
get () {
    url=$1
    shift
    curl -s -o "$TMP/body" -D "$TMP/headers" -w '%{http_code}' "$@" "http://127.0.0.1:$PORT$url"
}
# A member of the JSON body ("error.message", "total.amount_vnd").
json () {
    $PY -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v[int(k)] if isinstance(v, list) else v[k]
print(v if not isinstance(v, (dict, list)) else json.dumps(v, ensure_ascii=False))' "$TMP/body" "$1"
}
header () {
    tr -d '\r' <"$TMP/headers" | sed -n "s/^$1: //Ip" | head -n 1
}
enc () {
    $PY -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
}

# --- The program's own options -------------------------------------------
"$WEB" --version >"$TMP/out" 2>"$TMP/err"
status '--version' 0 $?
check '--version prints the version' "tracuu-web $(sed -n 's/.*TRACUU_VERSION "\(.*\)"/\1/p' "$ROOT/include/tracuu/version.h")" "$(cat "$TMP/out")"
"$WEB" --help >"$TMP/out" 2>"$TMP/err"
status '--help' 0 $?
"$WEB" --bogus >"$TMP/out" 2>"$TMP/err"
status 'an unknown option' 2 $?
"$WEB" --db "$TMP/none" --listen 127.0.0.1:0 >"$TMP/out" 2>"$TMP/err"
status 'a missing database' 2 $?
"$WEB" --db db --listen 0.0.0.0:0 >"$TMP/out" 2>"$TMP/err"
status 'another address without --auth-file' 2 $?
check 'it says why' "tracuu-web: 0.0.0.0:0 is reachable from other machines; give --auth-file with the users allowed, or listen on 127.0.0.1" "$(cat "$TMP/err")"
"$WEB" --db db --listen nowhere >"$TMP/out" 2>"$TMP/err"
status 'a bad --listen' 2 $?
"$WEB" --db db --threads 0 >"$TMP/out" 2>"$TMP/err"
status 'a bad --threads' 2 $?
"$WEB" --db db --timeout 5s >"$TMP/out" 2>"$TMP/err"
status 'a bad --timeout' 2 $?
check 'it says the unit' "tracuu-web: --timeout takes milliseconds from 0 (no limit) to 3600000, not '5s'" "$(cat "$TMP/err")"

# --- The API, byte for byte as tracuu-query -------------------------------
start_web web --threads 3 || fail 'the server starts' "a port" "$(cat "$TMP/web.err")"
Q='tat ca cac khoan phat ve thong tin sai su that nam 2024'
check 'the headline question' 200 "$(get "/api/query?q=$(enc "$Q")")"
"$QUERY" --db db --format json -n 100 "$Q" >"$TMP/want"
if cmp -s "$TMP/want" "$TMP/body"; then ok; else fail '/api/query = tracuu-query --format json -n 100' "$(head -c 300 "$TMP/want")" "$(head -c 300 "$TMP/body")"; fi
check 'its total' 39500000 "$(json total.amount_vnd)"
check 'its type' 'application/json; charset=utf-8' "$(header Content-Type)"
check 'a source has its report id' 1 "$(json cases.0.sources.0.report_id | grep -c '^[1-9][0-9]*$')"
get "/api/search?q=$(enc '"thông tin sai sự thật"')&limit=3&offset=1" >/dev/null
"$QUERY" --db db --format json -n 3 --offset 1 '"thông tin sai sự thật"' >"$TMP/want"
if cmp -s "$TMP/want" "$TMP/body"; then ok; else fail '/api/search = tracuu-query' "$(head -c 300 "$TMP/want")" "$(head -c 300 "$TMP/body")"; fi
check 'search total' 5 "$(json total)"
get "/api/answer?q=$(enc 'phat nam 2024')&group_by=year&facets=province,category" >/dev/null
"$QUERY" --db db --format json -n 100 --group-by year --facet province,category 'phat nam 2024' >"$TMP/want"
if cmp -s "$TMP/want" "$TMP/body"; then ok; else fail '/api/answer with groups and facets = tracuu-query' "$(head -c 300 "$TMP/want")" "$(head -c 300 "$TMP/body")"; fi
check 'CSV download' 200 "$(get "/api/answer?q=$(enc "$Q")&format=csv&download=1")"
"$QUERY" --db db --format csv --bom -n 100 "$Q" >"$TMP/want"
if cmp -s "$TMP/want" "$TMP/body"; then ok; else fail 'CSV = tracuu-query --format csv --bom' "$(head -c 200 "$TMP/want")" "$(head -c 200 "$TMP/body")"; fi
check 'CSV is an attachment' 'attachment; filename="tracuu-answer.csv"' "$(header Content-Disposition)"
check 'CSV type' 'text/csv; charset=utf-8' "$(header Content-Type)"
get "/api/facets?q=$(enc "$Q")" >/dev/null
check 'facets: provinces' '[{"value": "Bắc Giang", "count": 3}, {"value": "An Giang", "count": 1}]' "$(json facets.province)"
check 'facets list no case' '[]' "$(json cases)"
get "/api/groups?q=$(enc "$Q")&by=province" >/dev/null
check 'groups by province' 'An Giang=20000000 Bắc Giang=19500000' \
    "$($PY -c 'import json,sys; print(" ".join("%s=%s" % (g["value"], g["total"]["amount_vnd"]) for g in json.load(open(sys.argv[1]))["groups"]))' "$TMP/body")"

# --- Reports by id ---------------------------------------------------------
get "/api/search?q=onerror" >/dev/null
ID=$(json results.0.id)
check 'the report with markup is found' 'archive/ha-nam-2024-05-ma-doc.txt' "$(json results.0.file)"
check 'a report by id' 200 "$(get "/api/report?id=$ID&q=onerror")"
check 'its text, markup as it is' 1 "$(json text | grep -c '<script>alert(1)</script>')"
check 'its marks: the line of onerror' 8 "$(json marks.0.2)"
check 'its number of lines (the last one empty)' 9 "$(json lines)"
check 'an unknown id' 404 "$(get "/api/report?id=99999")"
check 'says so' 'no report has id 99999' "$(json error.message)"
check 'no id' 400 "$(get "/api/report?path=/etc/passwd")"
check 'an id that is no number' 400 "$(get "/api/report?id=../../etc/passwd")"

# --- Errors and limits -------------------------------------------------------
check 'no query' 400 "$(get "/api/query")"
check 'no query: says so' 'no query given: add q=words or a question' "$(json error.message)"
check 'a limit too large' 400 "$(get "/api/search?q=tin&limit=5000")"
check 'says the range' 'limit takes a number from 1 to 1000, not '"'5000'" "$(json error.message)"
check 'a limit of 0' 400 "$(get "/api/search?q=tin&limit=0")"
check 'a bad sort' 400 "$(get "/api/search?q=tin&sort=size")"
check 'a bad format' 400 "$(get "/api/search?q=tin&format=xml")"
check 'an unknown field' 400 "$(get "/api/query?q=provice:x")"
check 'an unknown group' 400 "$(get "/api/groups?q=phat&by=colour")"
LONG=$($PY -c 'print("tin " * 1200)')
check 'a query too long' 413 "$(get "/api/search?q=$(enc "$LONG")")"
check 'says the limit' 'the query is 4800 bytes long; the limit is 4096 bytes' "$(json error.message)"
HUGE=$($PY -c 'print("a" * 20000)')
check 'a request too long' 414 "$(get "/api/search?q=$HUGE")"
check 'a POST' 405 "$(get /api/search -X POST -d q=tin)"
check 'it says what is allowed' 'GET, HEAD' "$(header Allow)"
check 'an unknown page' 404 "$(get /etc/passwd)"
check 'errors are JSON' 404 "$(json error.status)"
check 'a path out of the tree' 404 "$(get /../../etc/passwd --path-as-is)"

# --- The page and its headers ---------------------------------------------
check 'the page' 200 "$(get /)"
check 'the page is HTML' 'text/html; charset=utf-8' "$(header Content-Type)"
check 'Content-Security-Policy' "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'" "$(header Content-Security-Policy)"
check 'nosniff' nosniff "$(header X-Content-Type-Options)"
check 'Referrer-Policy' no-referrer "$(header Referrer-Policy)"
check 'no inline script in the page' 0 "$(grep -ciE '<script>|<script [^>]*>[^<]|[[:space:]]on[a-z]+=' "$TMP/body")"
check 'the script' 200 "$(get /app.js)"
check 'the script type' 'text/javascript; charset=utf-8' "$(header Content-Type)"
check 'the script sets no markup' 0 "$(grep -cE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(' "$TMP/body")"
check 'API answers are not cached' no-store "$(get /api/status >/dev/null; header Cache-Control)"
check 'status: reports' 6 "$(json reports)"

# --- Threads: 24 requests from 8 clients at once --------------------------
i=0
while [ $i -lt 24 ]; do echo "$i"; i=$((i + 1)); done \
    | xargs -P 8 -I N curl -s -o /dev/null -w '%{http_code}\n' \
        "http://127.0.0.1:$PORT/api/query?q=$(enc "$Q")&n=N" >"$TMP/codes"
check '24 concurrent requests, all answered' 24 "$(grep -c '^200$' "$TMP/codes")"

# --- The cache of answers, and what an indexer commits ---------------------
# An answer is kept by request and database revision: asked again, it
# comes from the cache, the same bytes; written otherwise (parameters
# in another order, + for a space), the same; after the indexer commits,
# the next request is answered anew, never from the answers of before.
check 'not yet indexed' 0 "$(get "/api/search?q=zzkiemtra" >/dev/null; json total)"
check 'answered by the library' miss "$(header X-Cache)"
cp "$TMP/body" "$TMP/first"
check 'asked again' 200 "$(get "/api/search?q=zzkiemtra")"
check 'from the cache' hit "$(header X-Cache)"
if cmp -s "$TMP/first" "$TMP/body"; then ok; else fail 'the same bytes from the cache' "$(cat "$TMP/first")" "$(cat "$TMP/body")"; fi
get "/api/search?limit=2&q=thong+tin" >/dev/null
check 'parameters in another order' hit "$(get "/api/search?q=thong%20tin&limit=2" >/dev/null; header X-Cache)"
check 'another page is another answer' miss "$(get "/api/search?q=thong%20tin&limit=2&offset=1" >/dev/null; header X-Cache)"
get "/api/search?q=tin&limit=0" >/dev/null
check 'errors are not kept' miss "$(get "/api/search?q=tin&limit=0" >/dev/null; header X-Cache)"
check 'the page is not in it' '' "$(get / >/dev/null; header X-Cache)"
printf 'UBND TỈNH NAM ĐỊNH\n\nBÁO CÁO\n\nKết quả zzkiemtra tháng 7 năm 2024.\n' >"$TMP/archive/nam-dinh.txt"
"$INDEX" --db db archive >"$TMP/index.out" 2>&1
status 'index one more' 0 $?
check 'seen by the next request' 1 "$(get "/api/search?q=zzkiemtra" >/dev/null; json total)"
check 'answered anew after the commit' miss "$(header X-Cache)"
check 'then kept again' hit "$(get "/api/search?q=zzkiemtra" >/dev/null; header X-Cache)"
check 'and still new' 1 "$(json total)"

# --- The time limit ------------------------------------------------------------
# A request's time counts from its arrival (its first line). This client
# sends the first line of a question, waits 600 ms, then the rest of its
# headers: with --timeout 300 the request is past its limit before the
# library starts, whatever the speed of the machine, and must be stopped
# with 503 and nothing of the answer; sent at once, it is answered.
start_web limited --timeout 300 || fail 'the server starts with --timeout' "a port" "$(cat "$TMP/limited.err")"
slow_get () {
    $PY - "$PORT" "$1" "$2" >"$TMP/body" <<'PYEOF'
import socket, sys, time
port, path, pause = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
s = socket.create_connection(("127.0.0.1", port))
s.sendall(("GET %s HTTP/1.1\r\n" % path).encode())
time.sleep(pause)
s.sendall(b"Host: 127.0.0.1\r\nConnection: close\r\n\r\n")
data = b""
while True:
    chunk = s.recv(65536)
    if not chunk:
        break
    data += chunk
head, _, body = data.partition(b"\r\n\r\n")
sys.stderr.write(head.split(b" ")[1].decode())
sys.stdout.write(body.decode())
PYEOF
}
check 'a request past its limit' 503 "$(slow_get "/api/query?q=$(enc "$Q")" 0.6 2>&1 >/dev/null)"
check 'says which limit and why' "the request took longer than this server's limit of 300 ms (tracuu-web --timeout) and was stopped: the time limit ran out while finding the cases; narrow the query (a year, a province, a phrase) or start the server with a longer --timeout" "$(json error.message)"
check 'gives no total' '' "$(grep -o '"total"' "$TMP/body")"
check 'a search past its limit' 503 "$(slow_get "/api/search?q=$(enc '"thông tin sai sự thật"')" 0.6 2>&1 >/dev/null)"
check 'stopped before it searched' 1 "$(json error.message | grep -c 'the time limit ran out while searching')"
check 'the same question in time' 200 "$(slow_get "/api/query?q=$(enc "$Q")" 0 2>&1 >/dev/null)"
check 'its total' 39500000 "$(json total.amount_vnd)"
check 'the limited server stops' 0 "$(stop_web limited)"
start_web nocache --cache-size 0 || fail 'the server starts with --cache-size 0' "a port" "$(cat "$TMP/nocache.err")"
check 'without a cache' 200 "$(get "/api/search?q=zzkiemtra")"
check 'no X-Cache' '' "$(header X-Cache)"
check 'the server without a cache stops' 0 "$(stop_web nocache)"
check 'the log has the 503' 2 "$(grep -c '"GET /api/[a-z]*?q=[^ ]*" 503 ' "$TMP/limited.err")"

# --- Access log and a clean stop -------------------------------------------
check 'stops on SIGTERM with status 0' 0 "$(stop_web web)"
check 'says it stops' 'tracuu-web: SIGTERM, stopping' "$(tail -n 1 "$TMP/web.err")"
check 'the access log' 1 "$(grep -cE '^[0-9T:-]+Z 127\.0\.0\.1 - "GET /api/status" 200 [0-9]+ [0-9.]+ms$' "$TMP/web.err")"

# --- HTTP Basic -------------------------------------------------------------
HASH=$(openssl passwd -6 -salt tracuusalt 'mật khẩu')
printf '# users\nlanhdao:%s\n' "$HASH" >"$TMP/users"
start_web auth --auth-file "$TMP/users" || fail 'the server starts with --auth-file' "a port" "$(cat "$TMP/auth.err")"
check 'no password' 401 "$(get /api/status)"
check 'asks for one' 'Basic realm="tracuu", charset="UTF-8"' "$(header WWW-Authenticate)"
check 'a wrong password' 401 "$(get /api/status -u 'lanhdao:mat khau')"
check 'an unknown user' 401 "$(get /api/status -u 'khach:mật khẩu')"
check 'the right password' 200 "$(get /api/status -u 'lanhdao:mật khẩu')"
check 'the page needs it too' 401 "$(get /)"
check 'the log names the user' 1 "$(grep -c ' lanhdao "GET /api/status" 200 ' "$TMP/auth.err")"
check 'stops on SIGINT too' 0 "$(kill -INT "$(cat "$TMP/auth.pid")"; wait_file "$TMP/auth.rc" 100; cat "$TMP/auth.rc")"
printf 'lanhdao\n' >"$TMP/bad-users"
"$WEB" --db db --listen 127.0.0.1:0 --auth-file "$TMP/bad-users" >"$TMP/out" 2>"$TMP/err"
status 'a malformed --auth-file' 2 $?
check 'names the line' "tracuu-web: $TMP/bad-users:1: expected user:hash, with the hash from mkpasswd or openssl passwd -6" "$(cat "$TMP/err")"

# --- In the browser ---------------------------------------------------------
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && $PY -c 'import selenium' 2>/dev/null; then
    start_web browser
    rm -rf "$SHOTS"
    timeout 600 $PY "$ROOT/tests/web/browser.py" "http://127.0.0.1:$PORT" "$SHOTS" >"$TMP/browser.out" 2>&1
    rc=$?
    cat "$TMP/browser.out"
    if [ $rc -eq 77 ]; then
        skip "browser tests: $(tail -n 1 "$TMP/browser.out")"
    else
        status 'browser tests' 0 $rc
    fi
    check 'browser server stops' 0 "$(stop_web browser)"
else
    skip 'browser tests: Chromium, chromedriver or python3-selenium is not installed'
fi

printf 'web: %d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
[ "$failed" -eq 0 ]
