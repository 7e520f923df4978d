#!/bin/sh
# End-to-end tests of an index made of shards: three xapian-tcpsrv on
# loopback ports serving three parts of corpus/ and of generated
# reports, asked every search, question, facet and group-by that is
# asked of one index of all the files, with the same answers; a shard
# killed between two queries, a shard that does not answer, a shard of
# another layout; a read replica that catches up with xapian-replicate.
#
#   sh tests/shards.sh BUILD
# shellcheck disable=SC2086
set -u
BUILD=${1:-build}
TEST_NAME=shards
. tests/testlib.sh

if ! command -v xapian-tcpsrv >/dev/null 2>&1; then
    echo "shards: SKIP: xapian-tcpsrv is not installed (Debian: xapian-tools)"
    exit 0
fi

# A free loopback port (free when asked: the server binds it next).
free_port () {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_port PORT: until something accepts connections there (5 s).
wait_port () {
    python3 - "$1" <<'EOF'
import socket, sys, time
for _ in range(500):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.01)
sys.exit(1)
EOF
}

# serve NAME DB: xapian-tcpsrv for DB on a free port; sets PORT.
serve () {
    PORT=$(free_port)
    start "$1" xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$PORT" "$2"
    wait_port "$PORT" && ok || fail "xapian-tcpsrv serves $2 on $PORT" "" "$(cat "$TMP/$1.err")"
}

# --- Three archives, and one index of them all --------------------------
GEN="$TMP/gen"
cc -O1 -o "$GEN" bench/gen.c bench/truth.c bench/vn.c -lm 2>"$TMP/err" \
    && ok || fail 'build the report generator' "" "$(cat "$TMP/err")"
"$GEN" --seed 7 --docs 240 --out "$TMP/generated" >/dev/null 2>"$TMP/err" \
    && ok || fail 'generate reports' "" "$(cat "$TMP/err")"
mkdir -p "$TMP/p1" "$TMP/p2" "$TMP/p3"
i=0
for f in corpus/*.txt $(find "$TMP/generated" -type f | LC_ALL=C sort); do
    # Consecutive reports of a series fall in different shards, so that
    # the cases they share are in several.
    d=$(basename "$(dirname "$f")")
    cp "$f" "$TMP/p$((i % 3 + 1))/$d-$(basename "$f")"
    i=$((i + 1))
done
for n in 1 2 3; do
    "$INDEX" --db "$TMP/s$n.db" "$TMP/p$n" >/dev/null 2>"$TMP/err"
    status "index shard $n" 0 $?
done
"$INDEX" --db "$TMP/all.db" "$TMP/p1" "$TMP/p2" "$TMP/p3" >/dev/null 2>"$TMP/err"
status 'index all' 0 $?

serve srv1 "$TMP/s1.db"; P1=$PORT
serve srv2 "$TMP/s2.db"; P2=$PORT
serve srv3 "$TMP/s3.db"; P3=$PORT
printf '# three provinces\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' \
    "$P1" "$P2" "$P3" >"$TMP/remote.shards"
printf 'auto s1.db\nauto s2.db\nauto s3.db\n' >"$TMP/local.shards"

# --- The same answers as one index --------------------------------------
# compare A B ARGS...: the JSON of tracuu-query over A and over B, equal
# but for the "shards" key, the document ids of reports and the order of
# each case's sources (reports, in the order each index read them):
# the same reports in the same order with the same scores.
cat >"$TMP/compare.py" <<'EOF'
import json, subprocess, sys
query, a, b, args = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
def run(db):
    dbs = []
    for d in db.split(','):
        dbs += ['--db', d]
    p = subprocess.run([query] + dbs + ['--format', 'json'] + args,
                       capture_output=True, text=True)
    if p.returncode not in (0, 1, 3):
        return 'exit %d: %s' % (p.returncode, p.stderr)
    j = json.loads(p.stdout)
    j.pop('shards', None)
    # The same reports in the same order, each with the same score (as
    # printed: to the millionth), line and passage. Document ids are
    # each database's own.
    for r in j.get('results', []):
        r.pop('id', None)
    for c in j.get('cases', []):
        for s in c['sources']:
            s.pop('report_id', None)
        c['sources'].sort(key=lambda s: (s['file'], s['line']))
    return j
def first_difference(x, y, path=''):
    if type(x) != type(y) or not isinstance(x, (dict, list)):
        return None if x == y else '%s: %r | %r' % (path, x, y)
    if isinstance(x, dict):
        for k in sorted(set(x) | set(y)):
            d = first_difference(x.get(k), y.get(k), path + '/' + k)
            if d:
                return d
        return None
    if len(x) != len(y):
        return '%s: %d items | %d items' % (path, len(x), len(y))
    for i, (u, v) in enumerate(zip(x, y)):
        d = first_difference(u, v, '%s/%d' % (path, i))
        if d:
            return d
    return None
d = first_difference(run(a), run(b))
if d:
    print(d[:600])
    sys.exit(1)
EOF
same () {
    label=$1
    shift
    if out=$(python3 "$TMP/compare.py" "$QUERY" "$TMP/all.db" "$SHARDS" "$@" 2>&1); then
        ok
    else
        fail "$label: $*" "the answer of one index" "$out"
    fi
}
for SHARDS in "$TMP/remote.shards" "$TMP/local.shards" \
              "127.0.0.1:$P1,$TMP/s2.db,127.0.0.1:$P3"; do
    case $SHARDS in
        *remote*) kind=remote ;; *local*) kind=local ;; *) kind=mixed ;;
    esac
    same "$kind" --limit 1000 'tin giả'
    same "$kind" --limit 1000 '"thông tin sai sự thật"'
    same "$kind" --limit 1000 'xử phạt'
    same "$kind" --limit 1000 'Facebook OR TikTok -Zalo'
    same "$kind" --limit 1000 'province:"Bắc Giang" year:2024'
    same "$kind" 'all fines for false information in 2024'
    same "$kind" 'phat thong tin sai su that nam 2024'
    same "$kind" 'fines over 10 million in 2024'
    same "$kind" 'how many people were fined in Long An'
    same "$kind" --facet province,year,category,platform,action 'xử phạt'
    same "$kind" --facet status,violator 'fines'
    same "$kind" --group-by year --sum amount action:fine
    same "$kind" --group-by province action:fine
    same "$kind" --group-by quarter --sum amount 'fines in 2024'
    same "$kind" --cases --limit 20 --offset 10 action:fine
done
check 'text answer over three servers' \
    "$("$QUERY" --db "$TMP/all.db" 'all fines for false information in 2024' | grep '^Total')" \
    "$("$QUERY" --db "$TMP/remote.shards" 'all fines for false information in 2024' | grep '^Total')"
check 'count over three servers' "$("$QUERY" --db "$TMP/all.db" -c 'xử phạt')" \
    "$("$QUERY" --db "$TMP/remote.shards" -c 'xử phạt')"
json=$("$QUERY" --db "$TMP/remote.shards" --format json 'tin giả')
check 'JSON says the shards' '3 [] False' "$(printf '%s' "$json" | python3 -c '
import json, sys
s = json.load(sys.stdin)["shards"]
print(s["total"], s["missing"], s["partial"])')"

# The web server over the same shards gives the same answer.
if [ -x "$BUILD/tracuu-web" ] && command -v curl >/dev/null 2>&1; then
    WP=$(free_port)
    start web "$ROOT/$BUILD/tracuu-web" --db "$TMP/remote.shards" --listen "127.0.0.1:$WP"
    wait_port "$WP"
    got=$(curl -s "http://127.0.0.1:$WP/api/answer?q=all+fines+for+false+information+in+2024" \
          | python3 -c 'import json, sys; j = json.load(sys.stdin); print(j["total"]["amount_vnd"], j["shards"]["total"], j["shards"]["partial"])')
    want=$("$QUERY" --db "$TMP/all.db" --format json 'all fines for false information in 2024' \
           | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"]["amount_vnd"], 3, False)')
    check 'tracuu-web over three servers' "$want" "$got"
    kill "$(cat "$TMP/web.pid")"
    wait_file "$TMP/web.rc" 50
else
    skip 'tracuu-web over shards: not built, or no curl'
fi

# --- A shard that goes away ---------------------------------------------
kill -9 "$(cat "$TMP/srv2.pid")"
wait_file "$TMP/srv2.rc" 50
"$QUERY" --db "$TMP/remote.shards" 'all fines for false information in 2024' \
    >"$TMP/out" 2>"$TMP/err"
status 'a shard down: exit 3' 3 $?
has 'a shard down: named' "$TMP/err" \
    "tracuu-query: shard '127.0.0.1:$P2' cannot be reached; the results are from 2 of 3 shards"
"$QUERY" --db "$TMP/remote.shards" --format json 'xử phạt' >"$TMP/out" 2>"$TMP/err"
status 'a shard down: JSON exit 3' 3 $?
check 'a shard down: JSON partial' "3 ['127.0.0.1:$P2'] True" "$(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["shards"]
print(s["total"], s["missing"], s["partial"])' "$TMP/out")"
# What is left answers as an index of the two shards left would.
printf 'remote 127.0.0.1:%s\nremote 127.0.0.1:%s\n' "$P1" "$P3" >"$TMP/left.shards"
"$INDEX" --db "$TMP/left.db" "$TMP/p1" "$TMP/p3" >/dev/null 2>&1
for q in 'xử phạt' 'all fines for false information in 2024'; do
    got=$(python3 "$TMP/compare.py" "$QUERY" "$TMP/left.db" "$TMP/remote.shards" "$q" 2>&1)
    check "a shard down: the others' answer to '$q'" "" "$got"
done

# A server that accepts and never answers: given up after the timeout.
kill -STOP "$(cat "$TMP/srv3.pid")"
"$QUERY" --db "$TMP/remote.shards" --shard-timeout 500 -c 'xử phạt' >"$TMP/out" 2>"$TMP/err"
status 'a shard that does not answer: exit 3' 3 $?
grep -q "shard '127.0.0.1:$P3' cannot be reached" "$TMP/err" && ok \
    || fail 'a shard that does not answer: named' "" "$(cat "$TMP/err")"
kill -CONT "$(cat "$TMP/srv3.pid")"

# No shard left: an error.
kill -9 "$(cat "$TMP/srv1.pid")" "$(cat "$TMP/srv3.pid")"
"$QUERY" --db "127.0.0.1:$P1" 'tin giả' >/dev/null 2>"$TMP/err"
status 'no shard: exit 2' 2 $?
grep -q "no shard of the index can be reached" "$TMP/err" && ok \
    || fail 'no shard: message' "" "$(cat "$TMP/err")"

# --- Shards that are refused --------------------------------------------
ODB="$TMP/other.db"
cp -r "$TMP/s1.db" "$ODB"
xapian-metadata set "$ODB" tracuu.schema 0
OP=$(free_port)
start old xapian-tcpsrv --quiet --interface 127.0.0.1 --port "$OP" "$ODB"
wait_port "$OP"
"$QUERY" --db "$TMP/s2.db" --db "127.0.0.1:$OP" 'tin giả' >/dev/null 2>"$TMP/err"
status 'another layout: exit 2' 2 $?
has 'another layout: named' "$TMP/err" \
    "tracuu-query: index '127.0.0.1:$OP' was made by another version of tracuu (layout 0, this one reads layout 8); delete it and index again"
printf 'auto s2.db\nnot a shard\n' >"$TMP/bad.shards"
"$QUERY" --db "$TMP/bad.shards" 'tin giả' >/dev/null 2>"$TMP/err"
status 'a malformed list: exit 2' 2 $?
has 'a malformed list: message' "$TMP/err" \
    "tracuu-query: $TMP/bad.shards:2: not a shard: write 'auto FOLDER' or 'remote HOST:PORT'"
"$QUERY" --db "$TMP/s2.db" --db "$TMP/missing.db" 'tin giả' >/dev/null 2>"$TMP/err"
status 'a missing folder: exit 2' 2 $?
grep -q "no index at '$TMP/missing.db'" "$TMP/err" && ok \
    || fail 'a missing folder: message' "" "$(cat "$TMP/err")"

# --- A read replica -----------------------------------------------------
if command -v xapian-replicate-server >/dev/null 2>&1; then
    mkdir -p "$TMP/master" "$TMP/docs"
    cp corpus/an-giang-*.txt corpus/ha-tinh-*.txt "$TMP/docs/"
    XAPIAN_MAX_CHANGESETS=10 "$INDEX" --db "$TMP/master/prov.db" "$TMP/docs" >/dev/null 2>&1
    RP=$(free_port)
    start repl xapian-replicate-server -I 127.0.0.1 -p "$RP" "$TMP/master"
    wait_port "$RP" && ok || fail 'replication server starts' "" "$(cat "$TMP/repl.err")"
    xapian-replicate -h 127.0.0.1 -p "$RP" -m prov.db -o -q "$TMP/replica" 2>"$TMP/err"
    status 'replica: first copy' 0 $?
    check 'replica: reports' "$("$QUERY" --db "$TMP/master/prov.db" -c 'báo cáo')" \
        "$("$QUERY" --db "$TMP/replica" -c 'báo cáo')"
    cp corpus/long-an-*.txt "$TMP/docs/"
    XAPIAN_MAX_CHANGESETS=10 "$INDEX" --db "$TMP/master/prov.db" "$TMP/docs" >/dev/null 2>&1
    xapian-replicate -h 127.0.0.1 -p "$RP" -m prov.db -o -q "$TMP/replica" 2>"$TMP/err"
    status 'replica: catches up' 0 $?
    check 'replica: the new report' "long-an-2020-03-so-ket-phoi-hop.txt" \
        "$(files "$TMP/replica" '"Long An"')"
    check 'replica: answers as the master' \
        "$("$QUERY" --db "$TMP/master/prov.db" 'how many people were fined in Long An' | grep '^Total')" \
        "$("$QUERY" --db "$TMP/replica" 'how many people were fined in Long An' | grep '^Total')"
else
    skip 'replica: xapian-replicate-server is not installed'
fi

echo
echo "shards: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
