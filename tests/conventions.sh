#!/bin/sh
# The conventions users expect of the programs: --color=auto|always|never
# with NO_COLOR and TERM=dumb (on a real terminal, a pty made by
# script(1)), the indexer refusing a folder of other files as its
# database, and the bash completion.
# Usage: sh tests/conventions.sh BUILD_DIR   (from the repository root)
set -u

BUILD=${1:-build}
ROOT=$PWD
INDEX="$ROOT/$BUILD/tracuu-index"
QUERY="$ROOT/$BUILD/tracuu-query"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-conv.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
DB="$TMP/db"
export TRACUU_DB="$TMP/unused-default.db" TERM=xterm LC_ALL=C.UTF-8
unset NO_COLOR
ESC=$(printf '\033')

passed=0
failed=0
ok () { passed=$((passed + 1)); }
fail () {
    failed=$((failed + 1))
    printf 'FAIL: %s\n' "$1"
    [ $# -ge 3 ] && printf '  expected: %s\n  got:      %s\n' "$2" "${3:-}"
}
check () { if [ "$2" = "$3" ]; then ok; else fail "$1" "$2" "$3"; fi; }
# has NAME TEXT PATTERN / lacks NAME TEXT PATTERN (fixed strings)
has () { if printf '%s' "$2" | grep -qF -- "$3"; then ok; else fail "$1" "$3" "$2"; fi; }
lacks () { if printf '%s' "$2" | grep -qF -- "$3"; then fail "$1" "no $3" "$2"; else ok; fi; }

# Run a shell command line on a terminal; its output without the CRs the
# terminal adds.
on_tty () {
    script -qec "$1" /dev/null </dev/null 2>&1 | tr -d '\r'
}

"$INDEX" -q --db "$DB" corpus
check 'index corpus' 0 $?
Q='"bịa đặt"'
PLAIN='1. corpus/bac-giang-2024-h1-phong-chong-toi-pham.txt:63'

# --- tracuu-query --color ----------------------------------------------
piped=$("$QUERY" --db "$DB" "$Q")
has 'pipe: [match]' "$piped" '[bịa] [đặt]'
lacks 'pipe: no escapes' "$piped" "$ESC"
has 'pipe: --color=always bolds' "$("$QUERY" --db "$DB" --color=always "$Q")" \
    "${ESC}[1mbịa${ESC}[0m ${ESC}[1mđặt${ESC}[0m"
lacks 'pipe: --color=never' "$("$QUERY" --db "$DB" --color never "$Q")" "$ESC"

cmd="'$QUERY' --db '$DB' '$Q'"
tty=$(on_tty "$cmd")
has 'terminal: bold matches' "$tty" "${ESC}[1mbịa${ESC}[0m ${ESC}[1mđặt${ESC}[0m"
has 'terminal: count line' "$tty" '(1 matching report)'
# A terminal that gives no size (script's, without one) is 80 columns
# wide, as a pipe with COLUMNS=80.
piped80=$(COLUMNS=80 "$QUERY" --db "$DB" "$Q")
tty=$(on_tty "NO_COLOR=1 $cmd")
check 'terminal, NO_COLOR=1: the pipe output and the count line' \
    "$piped80
(1 matching report)" "$tty"
has 'terminal, NO_COLOR empty: bold' "$(on_tty "NO_COLOR= $cmd")" "${ESC}[1m"
check 'terminal, TERM=dumb: no escapes' "$piped80
(1 matching report)" "$(on_tty "TERM=dumb $cmd")"
lacks 'terminal, TERM unset: no escapes' "$(on_tty "unset TERM; $cmd")" "$ESC"
lacks 'terminal, --color=never' "$(on_tty "$cmd --color=never")" "$ESC"
has 'terminal, NO_COLOR=1 --color=always: bold' \
    "$(on_tty "NO_COLOR=1 $cmd --color=always")" "${ESC}[1m"

out=$("$QUERY" --db "$DB" --color=sometimes "$Q" 2>&1)
check '--color=sometimes exit status' 2 $?
check '--color=sometimes message' \
    "tracuu-query: --color takes auto, always or never, not 'sometimes'" "$out"

# --- tracuu-index --color ----------------------------------------------
# A file over --max-size fails, and its message names it.
mkdir "$TMP/in"
cp corpus/long-an-2020-03-so-ket-phoi-hop.txt "$TMP/in/big.txt"
printf 'Báo cáo ngắn.\n' >"$TMP/in/small.txt"
icmd="'$INDEX' --db '$TMP/idb' --max-size 0.001 '$TMP/in'"
tty=$(on_tty "$icmd")
has 'indexer terminal: progress line erased with an escape' "$tty" "${ESC}[K"
has 'indexer terminal: file name in bold' "$tty" "tracuu-index: ${ESC}[1m$TMP/in/big.txt${ESC}[0m: "
tty=$(on_tty "TERM=dumb $icmd --force")
lacks 'indexer, TERM=dumb: no escapes' "$tty" "$ESC"
has 'indexer, TERM=dumb: progress line' "$tty" "files  "
has 'indexer, TERM=dumb: message' "$tty" "tracuu-index: $TMP/in/big.txt: "
lacks 'indexer, NO_COLOR=1: no escapes' "$(on_tty "NO_COLOR=1 $icmd --force")" "$ESC"
out=$("$INDEX" --db "$TMP/idb" --max-size 0.001 --force "$TMP/in" 2>&1)
check 'indexer pipe: exit status 1 (a file failed)' 1 $?
lacks 'indexer pipe: no escapes' "$out" "$ESC"
has 'indexer pipe, --color=always: bold file name' \
    "$("$INDEX" --db "$TMP/idb" --max-size 0.001 --force --color=always "$TMP/in" 2>&1)" \
    "tracuu-index: ${ESC}[1m$TMP/in/big.txt${ESC}[0m: "
out=$("$INDEX" --db "$TMP/idb" --color=yes "$TMP/in" 2>&1)
check 'indexer --color=yes exit status' 2 $?
check 'indexer --color=yes message' \
    "tracuu-index: --color takes auto, always or never, not 'yes'" "$out"

# --- The database folder ---------------------------------------------
mkdir "$TMP/Documents"
printf 'my notes\n' >"$TMP/Documents/notes.txt"
before=$(ls -la --time-style=+%s "$TMP/Documents")
out=$("$INDEX" --db "$TMP/Documents" corpus 2>&1)
check 'non-empty folder: exit status 2' 2 $?
check 'non-empty folder: message' "tracuu-index: $TMP/Documents: not a tracuu database and not empty; give --db a new or empty folder" "$out"
check 'non-empty folder: nothing written' "$before" "$(ls -la --time-style=+%s "$TMP/Documents")"
mkdir "$TMP/hidden"
: >"$TMP/hidden/.keep"
"$INDEX" -q --db "$TMP/hidden" corpus >/dev/null 2>&1
check 'folder of one hidden file: exit status 2' 2 $?
check 'folder of one hidden file: nothing written' ".keep" "$(ls -A "$TMP/hidden")"
mkdir "$TMP/empty"
"$INDEX" -q --db "$TMP/empty" corpus
check 'empty folder: becomes the database' 0 $?
check 'and is opened again' "indexed 0, unchanged 5, removed 0, failed 0, skipped 0" \
    "$("$INDEX" --db "$TMP/empty" corpus | sed 's/ in [0-9.]* s$//')"
"$INDEX" -q --db "$TMP/newdb" corpus
check 'new folder: created' 0 $?
out=$("$INDEX" --db "$TMP/Documents/notes.txt" corpus 2>&1)
check 'a file as --db: exit status 2' 2 $?
check 'a file as --db: left alone' "my notes" "$(cat "$TMP/Documents/notes.txt")"

# --- Bash completion ----------------------------------------------------
if command -v bash >/dev/null 2>&1; then
    # complete FUNCTION WORD... : the completions of the last word.
    cat >"$TMP/complete.bash" <<EOF
PATH="$ROOT/$BUILD:\$PATH"
. "$ROOT/completion/tracuu.bash"
complete_words () {
    local fn=\$1; shift
    COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1))
    COMP_LINE="\$*"; COMP_POINT=\${#COMP_LINE}
    COMPREPLY=()
    "\$fn"
    printf '%s\n' "\${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' '
}
EOF
    comp () { bash -c ". '$TMP/complete.bash'; complete_words \"\$@\"" bash "$@"; }
    help_long () {
        "$1" --help | sed -n 's/^  \(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\2/p' \
            | LC_ALL=C sort | tr '\n' ' '
    }
    check 'completion: tracuu-query options' "$(help_long "$QUERY")" \
        "$(comp _tracuu_query tracuu-query --)"
    check 'completion: tracuu-index options' "$(help_long "$INDEX")" \
        "$(comp _tracuu_index tracuu-index --)"
    check 'completion: --format' 'json jsonl ' "$(comp _tracuu_query tracuu-query --format j)"
    check 'completion: --color' 'always auto ' "$(comp _tracuu_index tracuu-index --color a)"
    check 'completion: --facet list' 'province,platform ' \
        "$(comp _tracuu_query tracuu-query --facet province,pl)"
    check 'completion: fields' 'period: person: platform: province: ' \
        "$(comp _tracuu_query tracuu-query p)"
    check 'completion: a value after the colon' 'report ' \
        "$(comp _tracuu_query tracuu-query kind:r)"
else
    fail 'bash is installed'
fi

printf 'conventions: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
