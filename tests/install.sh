#!/bin/sh
# Installation test: build into a folder of its own, install into a
# temporary DESTDIR, build a program outside the tree against the
# installed library with pkg-config (once shared, once static) and run
# it; install again without DESTDIR under a temporary PREFIX to check
# that the installed lexicons are read at run time, in the documented
# order; uninstall both and check that no file is left.
# Usage: sh tests/install.sh   (from the repository root)
set -u

ROOT=$PWD
TMP=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-install.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
PREFIX=$TMP/prefix
STAGE=$TMP/stage
SP=$STAGE$PREFIX                      # the staged prefix
CC=${CC:-cc}
unset TRACUU_DATA_DIR TRACUU_DB

passed=0
failed=0
ok () { passed=$((passed + 1)); }
fail () {
    failed=$((failed + 1))
    printf 'FAIL: %s\n' "$1"
    [ $# -ge 3 ] && printf '  expected: %s\n  got:      %s\n' "$2" "${3:-}"
}
check () { if [ "$2" = "$3" ]; then ok; else fail "$1" "$2" "$3"; fi; }

# One build for both installs, in parallel unless a jobserver is given.
case ${MAKEFLAGS:-} in *jobserver*|*-j*) JOBS= ;; *) JOBS=-j2 ;; esac
mk () {
    make -s --no-print-directory -C "$ROOT" BUILD="$TMP/build" \
        PREFIX="$PREFIX" LDCONFIG=true $JOBS "$@" >"$TMP/make.log" 2>&1
    st=$?
    [ $st -eq 0 ] || sed 's/^/  make: /' "$TMP/make.log" | tail -20
    return $st
}

VERSION=$(sed -n 's/.*TRACUU_VERSION "\(.*\)"/\1/p' include/tracuu/version.h)
MAJOR=${VERSION%%.*}

# --- Staged install ----------------------------------------------------
mk install DESTDIR="$STAGE"
check 'make install DESTDIR exit status' 0 $?

# Exactly these files, nothing else.
{
    printf '%s\n' bin/tracuu-index bin/tracuu-query bin/tracuu-web lib/libtracuu.a \
        lib/libtracuu.so lib/libtracuu.so.$MAJOR lib/libtracuu.so.$VERSION \
        lib/pkgconfig/tracuu.pc share/bash-completion/completions/tracuu-index \
        share/bash-completion/completions/tracuu-query
    for f in include/tracuu/*.h; do printf 'include/tracuu/%s\n' "${f##*/}"; done
    for f in data/lexicon/*.txt; do printf 'share/tracuu/lexicon/%s\n' "${f##*/}"; done
    for f in man/*.[1-9]; do printf 'share/man/man%s/%s\n' "${f##*.}" "${f##*/}"; done
} | LC_ALL=C sort >"$TMP/expected"
(cd "$SP" 2>/dev/null && find . ! -type d | sed 's|^\./||' | LC_ALL=C sort) >"$TMP/got"
check 'installed files' "$(cat "$TMP/expected")" "$(cat "$TMP/got")"
check 'soname link' "libtracuu.so.$VERSION" "$(readlink "$SP/lib/libtracuu.so.$MAJOR")"
check 'development link' "libtracuu.so.$MAJOR" "$(readlink "$SP/lib/libtracuu.so")"
check 'soname' "libtracuu.so.$MAJOR" \
    "$(readelf -d "$SP/lib/libtracuu.so.$VERSION" | sed -n 's/.*SONAME.*\[\(.*\)\]/\1/p')"
check 'programs executable' "yes" \
    "$([ -x "$SP/bin/tracuu-index" ] && [ -x "$SP/bin/tracuu-query" ] && echo yes)"

# The shared library exports the functions of the public headers, in
# one version node, and nothing else (no internal "__" function, no C++).
nm -D --defined-only "$SP/lib/libtracuu.so" | awk '$2 != "A" { print $3 }' \
    | sed 's/@.*//' | LC_ALL=C sort >"$TMP/exported"
cat include/tracuu/*.h | $CC -E -P -Iinclude -x c - \
    | grep -oE '\b(tracuu|xapc)_[A-Za-z0-9_]+[[:space:]]*\(' \
    | sed 's/[[:space:]]*($//' | grep -v '__' | LC_ALL=C sort -u >"$TMP/declared"
check 'exported = declared in include/tracuu' "$(cat "$TMP/declared")" "$(cat "$TMP/exported")"
check 'one version node' "TRACUU_$MAJOR" \
    "$(nm -D --defined-only "$SP/lib/libtracuu.so" | awk '$2 == "A" { print $3 }')"
check 'internal functions hidden' "" \
    "$(nm -D --defined-only "$SP/lib/libtracuu.so" | grep -E '__|_Z' | head -3)"

# --- pkg-config --------------------------------------------------------
export PKG_CONFIG_PATH="$SP/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$STAGE"
check 'pkg-config --modversion' "$VERSION" "$(pkg-config --modversion tracuu)"
check 'pkg-config datadir' "$SP/share/tracuu" "$(pkg-config --variable=datadir tracuu)"
case " $(pkg-config --cflags tracuu) " in
    *" -I$SP/include "*) ok ;;
    *) fail 'pkg-config --cflags' "-I$SP/include" "$(pkg-config --cflags tracuu)" ;;
esac

mkdir -p "$TMP/app"
cat >"$TMP/app/note.txt" <<'EOF'
Báo cáo tháng 5 năm 2024 của Sở Thông tin và Truyền thông.
Đoàn kiểm tra đã xử phạt một chủ tài khoản đăng thông tin sai sự thật.
EOF

# Shared: pkg-config --cflags --libs, as the README shows.
# shellcheck disable=SC2046
$CC -o "$TMP/app/shared" tests/install/app.c $(pkg-config --cflags --libs tracuu) \
    2>"$TMP/cc.log"
check 'build against libtracuu.so' 0 $?
check 'shared build needs libtracuu.so' "libtracuu.so.$MAJOR" \
    "$(readelf -d "$TMP/app/shared" 2>/dev/null | sed -n 's/.*NEEDED.*\[\(libtracuu[^]]*\)\]/\1/p')"
out=$(LD_LIBRARY_PATH="$SP/lib" "$TMP/app/shared" "$TMP/app/db1" \
      "$TMP/app/note.txt" 'thong tin sai su that' 2>&1)
check 'shared: index and search' "tracuu $VERSION: indexed 1
1. note.txt:2: thông tin sai sự thật" "$out"

# Static: libtracuu.a with what --static adds (its C++ and the
# libraries it uses).
# shellcheck disable=SC2046
$CC -o "$TMP/app/static" tests/install/app.c $(pkg-config --cflags tracuu) \
    $(pkg-config --static --libs tracuu | sed 's/-ltracuu\b/-l:libtracuu.a/') \
    2>>"$TMP/cc.log"
check 'build against libtracuu.a' 0 $?
check 'static build needs no libtracuu.so' "" \
    "$(readelf -d "$TMP/app/static" 2>/dev/null | grep 'NEEDED.*libtracuu')"
out=$("$TMP/app/static" "$TMP/app/db2" "$TMP/app/note.txt" '"xử phạt"' 2>&1)
check 'static: index and search' "tracuu $VERSION: indexed 1
1. note.txt:2: xử phạt" "$out"
[ -s "$TMP/cc.log" ] && sed 's/^/  cc: /' "$TMP/cc.log"
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR

# The installed pages name the installed data.
check 'pages name the prefix' 1 \
    "$(grep -c "$PREFIX/share/tracuu/lexicon" "$SP/share/man/man7/tracuu.7")"

mk uninstall DESTDIR="$STAGE"
check 'make uninstall DESTDIR exit status' 0 $?
check 'nothing left after uninstall' "" "$(cd "$STAGE" && find . ! -type d)"
check 'tracuu folders removed' "" \
    "$(cd "$STAGE" && find . -name tracuu -type d)"

# --- Installed lexicons at run time ------------------------------------
mk install
check 'make install PREFIX exit status' 0 $?
LEX=$PREFIX/share/tracuu/lexicon
printf 'fine\tzzphat\n' >>"$LEX/question-actions.txt"
check 'installed lexicon read' 'action=fine period=2024-01-01..2024-12-31 text=""' \
    "$(cd "$TMP" && "$PREFIX/bin/tracuu-query" --explain 'zzphat năm 2024' | head -n 1)"
check 'TRACUU_DATA_DIR before the installed copy' 'period=2024-01-01..2024-12-31 text="zzphat"' \
    "$(cd "$TMP" && TRACUU_DATA_DIR="$ROOT/data" "$PREFIX/bin/tracuu-query" --explain 'zzphat năm 2024' | head -n 1)"
rm "$LEX/question-actions.txt"
check 'built-in copy without an installed one' 'period=2024-01-01..2024-12-31 text="zzphat"' \
    "$(cd "$TMP" && "$PREFIX/bin/tracuu-query" --explain 'zzphat năm 2024' | head -n 1)"
check 'built-in copy still maps actions' 'action=fine period=2024-01-01..2024-12-31 text=""' \
    "$(cd "$TMP" && "$PREFIX/bin/tracuu-query" --explain 'xử phạt năm 2024' | head -n 1)"

mk uninstall
check 'make uninstall PREFIX exit status' 0 $?
check 'nothing left in PREFIX' "" "$(cd "$PREFIX" && find . ! -type d)"

printf 'install: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
