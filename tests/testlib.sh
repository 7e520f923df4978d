# Shell helpers of the end-to-end tests of the real programs
# (tests/robust.sh, tests/faults.sh): a scratch folder removed on exit,
# checks that count passes and failures, background processes by pid.
# Sourced with BUILD set (the build folder), from the repository root.
# shellcheck shell=sh disable=SC2034
ROOT=$PWD
INDEX="$ROOT/$BUILD/tracuu-index"
QUERY="$ROOT/$BUILD/tracuu-query"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-${TEST_NAME:-test}.XXXXXX")
export TRACUU_DB="$TMP/unused-default.db"
: "${TRACUU_DATA_DIR:=$ROOT/data}"
export TRACUU_DATA_DIR
unset NO_COLOR

# Background processes started here: each writes its pid to NAME.pid and,
# when it ends, its exit status to NAME.rc. Cleanup kills, by pid, those
# still running; stand-in converters end when their folder goes.
cleanup () {
    if command -v extra_cleanup >/dev/null 2>&1; then extra_cleanup; fi
    for f in "$TMP"/*.pid; do
        [ -f "$f" ] || continue
        [ -f "${f%.pid}.rc" ] || kill -9 "$(cat "$f")" 2>/dev/null
    done
    chmod -R u+rwX "$TMP" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# For a program killed at a random point: no leak check at its exit,
# which a kill landing in it would leave half-written in the sanitizer
# logs (a killed program reports nothing anyway).
KILLED_ASAN="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

passed=0
failed=0
skipped=0

ok () {
    passed=$((passed + 1))
}

fail () {
    failed=$((failed + 1))
    printf 'FAIL: %s\n' "$1"
    if [ -n "${2:-}${3:-}" ]; then
        printf '  expected: %s\n  got:      %s\n' "${2:-}" "${3:-}"
    fi
}

skip () {
    skipped=$((skipped + 1))
    printf 'SKIP: %s\n' "$1"
}

# check NAME EXPECTED ACTUAL
check () {
    if [ "$2" = "$3" ]; then ok; else fail "$1" "$2" "$3"; fi
}

# status NAME EXPECTED STATUS: an exit status, with stderr ($TMP/err)
# shown when it is not the one expected.
status () {
    if [ "$2" = "$3" ]; then ok; else fail "$1" "$2" "$3 $(head -c 500 "$TMP/err")"; fi
}

# has NAME FILE TEXT: FILE holds the line TEXT (fixed string, whole line).
has () {
    if LC_ALL=C grep -qxF -- "$3" "$2"; then ok; else fail "$1" "$3" "$(cat "$2")"; fi
}

# The summary line without its time.
summary () {
    sed 's/ in [0-9.]* s$//' "$1"
}

# The sorted base names of the files a query finds, on one line.
files () {
    db=$1
    shift
    "$QUERY" --db "$db" --limit 1000 -l -- "$@" 2>&1 | sed 's|.*/||' | LC_ALL=C sort \
        | tr '\n' ' ' | sed 's/ $//'
}

# The number of report documents, from the database itself.
reports () {
    n=$(xapian-delve -t Kreport "$1" 2>/dev/null | sed -n 's/.*(termfreq \([0-9]*\),.*/\1/p' | head -n 1)
    echo "${n:-0}"
}

nap () {
    sleep 0.1 2>/dev/null || sleep 1
}

# wait_file FILE TENTHS: wait until FILE exists, at most TENTHS tenths of
# a second; false if it never came.
wait_file () {
    i=0
    while [ ! -e "$1" ]; do
        [ "$i" -ge "$2" ] && return 1
        nap
        i=$((i + 1))
    done
}

# start NAME COMMAND...: run COMMAND in the background (see cleanup).
start () {
    name=$1
    shift
    rm -f "$TMP/$name.pid" "$TMP/$name.rc"
    ( "$@" >"$TMP/$name.out" 2>"$TMP/$name.err" &
      echo $! >"$TMP/$name.pid.tmp"
      mv "$TMP/$name.pid.tmp" "$TMP/$name.pid"
      wait $!
      echo $? >"$TMP/$name.rc" ) 2>/dev/null &
    wait_file "$TMP/$name.pid" 100
}

# count_until DB MIN TENTHS: poll the number of reports found for
# "thông" until it is at least MIN (at most TENTHS tenths of a second);
# print the last count.
count_until () {
    i=0
    while :; do
        n=$("$QUERY" --db "$1" --count thông 2>/dev/null)
        case "$n" in ''|*[!0-9]*) n=0 ;; esac
        [ "$n" -ge "$2" ] && break
        [ "$i" -ge "$3" ] && break
        nap
        i=$((i + 1))
    done
    echo "$n"
}

running () {
    [ -f "$TMP/$1.pid" ] && [ ! -f "$TMP/$1.rc" ]
}

# finish NAME TENTHS: wait for NAME to end; its exit status, or "running".
finish () {
    if wait_file "$TMP/$1.rc" "$2"; then cat "$TMP/$1.rc"; else echo running; fi
}

