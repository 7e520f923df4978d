#!/bin/sh
# Man page tests: every page renders without a warning, the options each
# program's page lists are those its --help prints (both ways), the
# fields of tracuu(7) are the filters of 'tracuu-query --help' (both
# ways) and each filter example of --help is a valid query, and the
# version of every page is the programs' version.
# Usage: sh tests/manpages.sh BUILD_DIR   (from the repository root)
set -u

BUILD=${1:-build}
INDEX="$PWD/$BUILD/tracuu-index"
QUERY="$PWD/$BUILD/tracuu-query"
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-man.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
export LC_ALL=C.UTF-8 TRACUU_DB="$TMP/none.db"

passed=0
failed=0
ok () { passed=$((passed + 1)); }
fail () {
    failed=$((failed + 1))
    printf 'FAIL: %s\n' "$1"
    [ $# -ge 3 ] && printf '  expected: %s\n  got:      %s\n' "$2" "${3:-}"
}
check () { if [ "$2" = "$3" ]; then ok; else fail "$1" "$2" "$3"; fi; }

# The lines of a section of a page ("OPTIONS"), without the .SH line.
section () {
    awk -v name="$2" '/^\.SH/ { on = ($0 ~ "^\\.SH \"?" name "\"?$"); next } on' "$1"
}

# The tags of the .TP paragraphs of a section, escapes removed.
tags () {
    section "$1" "$2" | awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }' \
        | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/"//g'
}

# The options a page lists: -x and --long in its OPTIONS tags.
page_options () {
    tags "$1" OPTIONS | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z-]*' \
        | tr -d ' ,' | LC_ALL=C sort -u
}

# The options --help lists: "  -x, --long ARG   text" lines.
help_options () {
    "$1" --help | sed -n 's/^  \(-[A-Za-z], \)\{0,1\}\(--[a-z][a-z-]*\).*/\1\2/p' \
        | tr -d ',' | tr ' ' '\n' | LC_ALL=C sort -u
}

# The filters of 'tracuu-query --help': the "name:example" that starts
# each indented line of its "Fields" section, up to the blank line.
help_filters () {
    "$QUERY" --help | sed -n '/^Fields/,/^$/p' \
        | sed -n 's/^  \([a-z_]*:[^ ]*\( [^ ][^ ]*"\)\{0,1\}\).*/\1/p'
}

# --- Rendering ------------------------------------------------------------
for page in man/*.[1-9]; do
    warnings=$(groff -k -Tutf8 -man -ww -z "$page" 2>&1)
    check "$page renders without warnings" "" "$warnings"
    want="NAME DESCRIPTION SEE ALSO"
    case $page in *.1) want="NAME SYNOPSIS DESCRIPTION OPTIONS EXIT STATUS SEE ALSO" ;; esac
    check "$page sections" "$want" \
        "$(sed -n 's/^\.SH "\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$page" \
           | grep -xE 'NAME|SYNOPSIS|DESCRIPTION|OPTIONS|EXIT STATUS|SEE ALSO' | tr '\n' ' ' | sed 's/ $//')"
done

# --- Options --------------------------------------------------------------
for prog in index query web; do
    page=man/tracuu-$prog.1
    bin="$PWD/$BUILD/tracuu-$prog"
    [ -f "$page" ] || { fail "$page exists"; continue; }
    help_options "$bin" >"$TMP/help"
    page_options "$page" >"$TMP/page"
    [ -s "$TMP/help" ] || fail "tracuu-$prog --help lists options"
    check "options of --help missing from $page" "" \
        "$(LC_ALL=C comm -23 "$TMP/help" "$TMP/page" | tr '\n' ' ')"
    check "options of $page missing from --help" "" \
        "$(LC_ALL=C comm -13 "$TMP/help" "$TMP/page" | tr '\n' ' ')"
    # Every option is also taken by the program (none a typo in both).
    for opt in $(cat "$TMP/help"); do
        (cd "$TMP" && "$bin" "$opt" </dev/null >/dev/null 2>"$TMP/err")
        if grep -q "unrecognized option\|invalid option" "$TMP/err"; then
            fail "tracuu-$prog takes $opt" "" "$(cat "$TMP/err")"
        else
            ok
        fi
    done
done

# --- Fields ---------------------------------------------------------------
in_help=$(help_filters | sed 's/:.*/:/' | LC_ALL=C sort -u)
in_page=$(tags man/tracuu.7 FIELDS | grep -oE '^\.[BIR]+ [a-z_]+:' | sed 's/^[^ ]* //' \
          | LC_ALL=C sort -u)
[ -n "$in_help" ] || fail "tracuu-query --help lists filters"
check "fields of tracuu(7) = filters of tracuu-query --help" \
    "$(printf '%s' "$in_help" | tr '\n' ' ')" "$(printf '%s' "$in_page" | tr '\n' ' ')"
for example in $(help_filters); do
    case $example in *\"*) continue ;; esac   # quoted values span words
    values=$(printf '%s' "${example#*:}" | tr '|' ' ')
    for v in $values; do
        if "$QUERY" --explain "${example%%:*}:$v" >/dev/null 2>&1; then ok; else
            fail "the example ${example%%:*}:$v of --help is a valid query"
        fi
    done
done
# ...and a field the page does not list is refused.
"$QUERY" --explain 'colour:red' >/dev/null 2>&1
check 'an unknown field is refused' 2 $?

# --- Versions -------------------------------------------------------------
version=$("$QUERY" --version | sed 's/.* //')
check 'tracuu-index and tracuu-query versions' "tracuu-index $version" "$("$INDEX" --version)"
for page in man/*.[1-9]; do
    check "$page names version $version" "\"tracuu $version\"" \
        "$(sed -n 's/^\.TH [^ ]* [0-9] [^ ]* \("[^"]*"\).*/\1/p' "$page")"
done

printf 'manpages: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
