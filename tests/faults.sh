#!/bin/sh
# Fault tests: the index stays whole and nothing indexed is lost when the
# indexer is killed at any point, when a second indexer comes while a
# compaction swaps its copy in, when the disk fills up, when memory runs
# out, and queries on damaged copies of an index end with an answer or a
# message, never a crash. Usage: sh tests/faults.sh BUILD_DIR (from the
# repository root). Delays and damage come from fixed seeds.
#
# Sections:
#   1. kill -9 at random points while indexing
#   2. kill -9 at random points while compacting
#   3. the swap of a compaction, held by an LD_PRELOAD shim built here:
#      killed before and after it, a second indexer (--wait) started in it
#   4. a full file system (a small tmpfs; skipped where mounting is refused)
#   5. a memory limit (ulimit -v) with a large file among small ones
#   6. damaged copies of an index: bytes flipped at fixed seeds
set -u

BUILD=${1:-build}
TEST_NAME=faults
. tests/testlib.sh

# --- A corpus of 60 reports ------------------------------------------
D="$TMP/docs"
mkdir -p "$D"
i=100
for r in 1 2 3 4 5 6 7 8 9 10 11 12; do
    for f in corpus/*.txt; do
        { printf 'Báo cáo số %d\n' "$i"; cat "$f"; } >"$D/r$i.txt"
        i=$((i + 1))
    done
done
N=60
REF="$TMP/ref.db"
"$INDEX" -q --db "$REF" "$D"
check 'reference index' "$N" "$(reports "$REF")"
REF_FILES=$(files "$REF" '"thông tin sai sự thật"')

# same NAME DB: the index holds every report once and finds what the
# reference finds.
same () {
    check "$1: reports" "$N" "$(reports "$2")"
    check "$1: search" "$REF_FILES" "$(files "$2" '"thông tin sai sự thật"')"
}

# valid NAME DB: xapian-check accepts it (or there is none yet).
valid () {
    if [ ! -e "$2" ] || [ ! -e "$2/iamglass" ]; then ok; return; fi
    if xapian-check "$2" >"$TMP/check" 2>&1; then ok; else
        fail "$1: xapian-check" 'No errors found' "$(tail -n 3 "$TMP/check")"
    fi
}

# delays SEED COUNT MAX: COUNT pseudo-random delays in [0, MAX) seconds.
delays () {
    awk -v seed="$1" -v n="$2" -v max="$3" \
        'BEGIN { srand (seed); for (i = 0; i < n; i++) printf "%.3f\n", rand () * max }'
}

# --- 1. Killed at random points while indexing ------------------------
k=0
for t in $(delays 15 6 0.6); do
    k=$((k + 1))
    DB="$TMP/kill-$k.db"
    start kidx env ASAN_OPTIONS="$KILLED_ASAN" "$INDEX" -q --batch-size 0.01 --db "$DB" "$D"
    sleep "$t"
    kill -9 "$(cat "$TMP/kidx.pid")" 2>/dev/null
    finish kidx 100 >/dev/null
    valid "index kill $k at ${t}s" "$DB"
    "$INDEX" --batch-size 0.01 --db "$DB" "$D" >"$TMP/out" 2>"$TMP/err"
    status "index kill $k: second run" 0 $?
    same "index kill $k at ${t}s" "$DB"
done

# --- 2. Killed at random points while compacting ----------------------
k=0
for t in $(delays 16 8 0.05); do
    k=$((k + 1))
    DB="$TMP/compact-$k.db"
    cp -R "$REF" "$DB"
    start kcmp env ASAN_OPTIONS="$KILLED_ASAN" "$INDEX" -q --compact --db "$DB" "$D"
    sleep "$t"
    kill -9 "$(cat "$TMP/kcmp.pid")" 2>/dev/null
    finish kcmp 100 >/dev/null
    valid "compaction kill $k at ${t}s" "$DB"
    same "compaction kill $k at ${t}s" "$DB"
    "$INDEX" --db "$DB" "$D" >"$TMP/out" 2>"$TMP/err"
    status "compaction kill $k: next run" 0 $?
    check "compaction kill $k: next run summary" \
        "indexed 0, unchanged $N, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
    check "compaction kill $k: no leftover" "" "$(ls -d "$DB".* 2>/dev/null)"
done

# --- 3. The swap of a compaction --------------------------------------
# The shim pauses a program before and after each rename whose source or
# target is a ".compacting" folder: it creates FAULT_DIR/before (after)
# and waits for FAULT_DIR/go-before (go-after).
SHIM="$TMP/fault-shim.so"
cat >"$TMP/fault-shim.c" <<'EOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
pause_at (const char *what)
{
    const char *dir = getenv ("FAULT_DIR");
    char f[4096];
    int fd;

    if (dir == NULL)
        return;
    snprintf (f, sizeof f, "%s/%s", dir, what);
    fd = open (f, O_CREAT | O_WRONLY, 0644);
    if (fd >= 0)
        close (fd);
    snprintf (f, sizeof f, "%s/go-%s", dir, what);
    for (int i = 0; i < 600 && access (f, F_OK) != 0; i++)
        usleep (100000);
}

static int
compacting (const char *a, const char *b)
{
    size_t la = strlen (a), lb = strlen (b), n = strlen (".compacting");

    return (la >= n && strcmp (a + la - n, ".compacting") == 0)
           || (lb >= n && strcmp (b + lb - n, ".compacting") == 0);
}

int
rename (const char *a, const char *b)
{
    int (*real) (const char *, const char *) =
        (int (*) (const char *, const char *)) dlsym (RTLD_NEXT, "rename");
    int hit = compacting (a, b), rc;

    if (hit)
        pause_at ("before");
    rc = real (a, b);
    if (hit)
        pause_at ("after");
    return rc;
}

int
renameat2 (int fa, const char *a, int fb, const char *b, unsigned flags)
{
    int (*real) (int, const char *, int, const char *, unsigned) =
        (int (*) (int, const char *, int, const char *, unsigned))
            dlsym (RTLD_NEXT, "renameat2");
    int hit = compacting (a, b), rc;

    if (hit)
        pause_at ("before");
    rc = real (fa, a, fb, b, flags);
    if (hit)
        pause_at ("after");
    return rc;
}
EOF
if ! ${CC:-cc} -shared -fPIC -o "$SHIM" "$TMP/fault-shim.c" -ldl 2>"$TMP/err"; then
    fail 'swap: build the LD_PRELOAD shim' '' "$(cat "$TMP/err")"
fi
# ASan must accept a library loaded before its runtime.
SHIM_ASAN="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

# compact_held NAME POINT DB: start compacting DB, held at POINT
# (before or after the swap); its files are in $TMP/NAME.fault.
compact_held () {
    mkdir -p "$TMP/$1.fault"
    start "$1" env LD_PRELOAD="$SHIM" ASAN_OPTIONS="$SHIM_ASAN" \
        FAULT_DIR="$TMP/$1.fault" "$INDEX" --compact --db "$3" "$D"
    if wait_file "$TMP/$1.fault/$2" 300; then ok; else
        fail "$1: compaction reached the swap" "$2" "$(cat "$TMP/$1.err")"
    fi
}

release () {
    : >"$TMP/$1.fault/go-before"
    : >"$TMP/$1.fault/go-after"
}

# Killed just before and just after the swap: the index is whole either
# way, and the next run removes what is left beside it.
for point in before after; do
    if [ "$point" = after ]; then mkdir -p "$TMP/sk$point.fault" && : >"$TMP/sk$point.fault/go-before"; fi
    DB="$TMP/swap-kill-$point.db"
    cp -R "$REF" "$DB"
    compact_held "sk$point" "$point" "$DB"
    kill -9 "$(cat "$TMP/sk$point.pid")"
    finish "sk$point" 100 >/dev/null
    release "sk$point"
    valid "swap kill $point" "$DB"
    same "swap kill $point" "$DB"
    "$QUERY" --db "$DB" --count tin >"$TMP/out" 2>"$TMP/err"
    status "swap kill $point: search" 0 $?
    "$INDEX" --db "$DB" "$D" >"$TMP/out" 2>"$TMP/err"
    status "swap kill $point: next run" 0 $?
    check "swap kill $point: next run summary" \
        "indexed 0, unchanged $N, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
    has "swap kill $point: leftover removed, with a message" "$TMP/err" \
        "tracuu-index: removed '$DB.compacting', left by an interrupted compaction"
    check "swap kill $point: no leftover" "" "$(ls -d "$DB".* 2>/dev/null)"
done

# A second indexer (--wait) started while the compaction is held at the
# swap waits for it, then adds its files to the compact index; nothing
# is lost, and a later compaction keeps everything.
E="$TMP/extra"
mkdir -p "$E"
cp corpus/*.txt "$E/"
for point in before after; do
    if [ "$point" = after ]; then mkdir -p "$TMP/sw$point.fault" && : >"$TMP/sw$point.fault/go-before"; fi
    DB="$TMP/swap-wait-$point.db"
    cp -R "$REF" "$DB"
    compact_held "sw$point" "$point" "$DB"
    start "wait$point" "$INDEX" --wait --db "$DB" "$E"
    nap; nap; nap
    if running "wait$point"; then ok; else
        fail "swap wait $point: the second indexer waits" running \
            "ended: $(cat "$TMP/wait$point.rc") $(cat "$TMP/wait$point.err")"
    fi
    release "sw$point"
    check "swap wait $point: compaction exit status" 0 "$(finish "sw$point" 300)"
    check "swap wait $point: second indexer exit status" 0 "$(finish "wait$point" 300)"
    check "swap wait $point: second indexer summary" \
        "indexed 5, unchanged 0, removed 0, failed 0, skipped 0" "$(summary "$TMP/wait$point.out")"
    valid "swap wait $point" "$DB"
    check "swap wait $point: reports" $((N + 5)) "$(reports "$DB")"
    "$INDEX" -q --compact --db "$DB" "$D" "$E" 2>"$TMP/err"
    status "swap wait $point: compacting again" 0 $?
    check "swap wait $point: reports after compacting again" $((N + 5)) "$(reports "$DB")"
    check "swap wait $point: no leftover" "" "$(ls -d "$DB".* 2>/dev/null)"
done

# What older versions, which swapped with two renames, left: the index
# moved to DB.old with nothing at DB, or with an empty index created at
# DB meanwhile. The next writer puts it back, and says so; a reader says
# what to do.
DB="$TMP/legacy-missing.db"
cp -R "$REF" "$DB.old"
"$QUERY" --db "$DB" --count tin >"$TMP/out" 2>"$TMP/err"
status 'legacy leftover, missing index: search' 2 $?
"$INDEX" --db "$DB" "$D" >"$TMP/out" 2>"$TMP/err"
status 'legacy leftover, missing index: next run' 0 $?
has 'legacy leftover, missing index: message' "$TMP/err" \
    "tracuu-index: put back the index from '$DB.old', left by an interrupted compaction"
check 'legacy leftover, missing index: summary' \
    "indexed 0, unchanged $N, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
same 'legacy leftover, missing index' "$DB"
DB="$TMP/legacy-empty.db"
"$INDEX" -q --db "$DB" "$TMP/no-such-folder" 2>/dev/null
cp -R "$REF" "$DB.old"
"$INDEX" --db "$DB" "$D" >"$TMP/out" 2>"$TMP/err"
status 'legacy leftover, empty index: next run' 0 $?
has 'legacy leftover, empty index: message' "$TMP/err" \
    "tracuu-index: put back the index from '$DB.old', left by an interrupted compaction"
check 'legacy leftover, empty index: summary' \
    "indexed 0, unchanged $N, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
same 'legacy leftover, empty index' "$DB"
check 'legacy leftovers: none left' "" "$(ls -d "$TMP"/legacy-*.db.* 2>/dev/null)"

# --- 4. A full file system ---------------------------------------------
FS="$TMP/fs"
mkdir -p "$FS"
MOUNTED=no
extra_cleanup () {
    if [ "$MOUNTED" = yes ]; then umount "$FS" 2>/dev/null; fi
}
if mount -t tmpfs -o size=400k tmpfs "$FS" 2>/dev/null; then
    MOUNTED=yes
    DB="$FS/full.db"
    "$INDEX" --batch-size 0.01 --db "$DB" "$D" >"$TMP/out" 2>"$TMP/err"
    status 'full disk: exit status' 2 $?
    case "$(cat "$TMP/err")" in
        *"No space left on device"*) ok ;;
        *) fail 'full disk: message' 'No space left on device' "$(cat "$TMP/err")" ;;
    esac
    check 'full disk: one line' 1 "$(wc -l <"$TMP/err" | tr -d ' ')"
    stored=$(reports "$DB")
    case "$stored" in 0|"$N") fail 'full disk: the disk fills up mid-run' "1..$((N - 1))" "$stored" ;; *) ok ;; esac
    check 'full disk: the summary counts what is stored' \
        "indexed $stored, unchanged 0, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
    valid 'full disk' "$DB"
    "$QUERY" --db "$DB" --count tin >"$TMP/out" 2>"$TMP/err"
    status 'full disk: search' 0 $?
    mount -o remount,size=64m "$FS"
    "$INDEX" --batch-size 0.01 --db "$DB" "$D" >"$TMP/out" 2>"$TMP/err"
    status 'full disk, then room: exit status' 0 $?
    check 'full disk, then room: summary' \
        "indexed $((N - stored)), unchanged $stored, removed 0, failed 0, skipped 0" "$(summary "$TMP/out")"
    same 'full disk, then room' "$DB"
    umount "$FS" && MOUNTED=no
else
    skip 'full disk: mounting a tmpfs is not allowed here'
fi

# --- 5. A memory limit ---------------------------------------------------
# 20 small reports and one of 40 MB under a limit of address space that
# the small ones fit in: the large one fails with a message, on every
# run, and the others are indexed. (ASan reserves terabytes of address
# space, so no limit can be set under it.)
U="$TMP/ulimit"
mkdir -p "$U"
i=10
while [ "$i" -lt 30 ]; do
    cp "corpus/long-an-2020-03-so-ket-phoi-hop.txt" "$U/r$i.txt"
    i=$((i + 1))
done
: >"$U/r20-large.txt"
while [ "$(wc -c <"$U/r20-large.txt")" -lt 41943040 ]; do
    cat "$U"/r1*.txt corpus/*.txt >>"$U/r20-large.txt"
done
if LC_ALL=C grep -q __asan_init "$INDEX"; then
    skip 'memory limit: ASan reserves more address space than any limit'
else
    for jobs in 1 2; do
        DB="$TMP/ulimit-$jobs.db"
        for run in first second; do
            ( ulimit -v 200000 && exec "$INDEX" -j "$jobs" --db "$DB" "$U" ) \
                >"$TMP/out" 2>"$TMP/err"
            status "memory limit, -j $jobs, $run run: exit status" 1 $?
            if [ "$run" = first ]; then n=20; u=0; else n=0; u=20; fi
            check "memory limit, -j $jobs, $run run: summary" \
                "indexed $n, unchanged $u, removed 0, failed 1, skipped 0" "$(summary "$TMP/out")"
            case "$(cat "$TMP/err")" in
                "tracuu-index: $U/r20-large.txt: out of memory "*) ok ;;
                *) fail "memory limit, -j $jobs, $run run: message" \
                        "tracuu-index: $U/r20-large.txt: out of memory ..." "$(cat "$TMP/err")" ;;
            esac
        done
        check "memory limit, -j $jobs: reports" 20 "$(reports "$DB")"
        valid "memory limit, -j $jobs" "$DB"
    done
fi

# --- 6. Damaged copies of an index -------------------------------------
# Bytes flipped in one table of a copy; every query ends with an answer
# (exit 0 or 1, nothing on stderr, JSON that parses) or exit 2 with one
# line saying what is wrong; never a signal, never a sanitizer report
# (make asan collects those).
C="$TMP/damaged"
mkdir -p "$C"
CDB="$TMP/clean.db"
"$INDEX" -q --db "$CDB" corpus "$E"

# flip DB SEED: flip 1, 4 or 16 bits at random places of one table.
flip () {
    tables=$(cd "$1" && ls ./*.glass | sort | tr '\n' ' ')
    awk -v seed="$2" -v tables="$tables" -v db="$1" 'BEGIN {
        srand (seed); n = split (tables, t, " ");
        f = db "/" t[int (rand () * n) + 1];
        cmd = "wc -c <\"" f "\""; cmd | getline size; close (cmd);
        k = rand () < 0.5 ? 1 : rand () < 0.5 ? 4 : 16;
        for (i = 0; i < k; i++)
            printf "%s %d %d\n", f, int (rand () * size), 2 ^ int (rand () * 8);
    }' | while read -r file off bit; do
        byte=$(od -An -tu1 -j "$off" -N 1 "$file" | tr -d ' ')
        printf "$(printf '\\%03o' $(( (byte + 0) ^ bit )))" \
            | dd of="$file" bs=1 seek="$off" conv=notrunc 2>/dev/null
    done
}

# JSON answers are kept and parsed together at the end (one python).
J="$TMP/json"
mkdir -p "$J"

answers=0
refusals=0
seed=1
while [ "$seed" -le 40 ]; do
    DB="$C/c$seed.db"
    cp -R "$CDB" "$DB"
    flip "$DB" "$seed"
    q=0
    for args in "thông tin" "--format|json|\"thong tin sai su that\"" "-l|xử phạt" \
                "--count|tin" "all fines in 2024" "--format|json|--group-by|province|phạt" \
                "--format|csv|province:\"Bắc Giang\" phạt" "-l|account:@nhathaibiettuot"; do
        q=$((q + 1))
        old_ifs=$IFS
        IFS='|'
        # shellcheck disable=SC2086
        set -- $args
        IFS=$old_ifs
        "$QUERY" --db "$DB" "$@" >"$TMP/qout" 2>"$TMP/qerr"
        rc=$?
        case "$rc" in
            0|1)
                answers=$((answers + 1))
                check "damaged copy $seed, query $q: no message with an answer" "" "$(head -c 300 "$TMP/qerr")"
                case "$args" in
                    --format\|json*) cp "$TMP/qout" "$J/copy-$seed-query-$q.json" ;;
                esac ;;
            2)
                refusals=$((refusals + 1))
                check "damaged copy $seed, query $q: one-line message" "1 tracuu-query: " \
                    "$(wc -l <"$TMP/qerr" | tr -d ' ') $(head -c 14 "$TMP/qerr")" ;;
            *)
                fail "damaged copy $seed, query $q: exit status" '0, 1 or 2' "$rc $(head -c 300 "$TMP/qerr")" ;;
        esac
    done
    "$INDEX" --check --db "$DB" >"$TMP/out" 2>"$TMP/err"
    rc=$?
    case "$rc" in 0|2) ok ;; *) fail "damaged copy $seed: --check exit status" '0 or 2' "$rc $(cat "$TMP/err")" ;; esac
    "$INDEX" --db "$DB" corpus >"$TMP/out" 2>"$TMP/err"
    rc=$?
    case "$rc" in 0|1|2) ok ;; *) fail "damaged copy $seed: indexing exit status" '0, 1 or 2' "$rc $(tail -n 2 "$TMP/err")" ;; esac
    rm -rf "$DB"
    seed=$((seed + 1))
done
if command -v python3 >/dev/null 2>&1; then
    bad=$(python3 -c '
import json, os, sys
for name in sorted(os.listdir(sys.argv[1])):
    try:
        json.loads(open(os.path.join(sys.argv[1], name), "rb").read().decode("utf-8"))
    except Exception as e:
        print(name, e)' "$J")
    check 'damaged copies: JSON answers parse' "" "$bad"
fi
echo "faults: damaged copies: $answers queries answered, $refusals refused with a message"

echo
echo "faults: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
