#!/bin/sh
# Build the libFuzzer targets tests/fuzz/fuzz_*.c with ASan + UBSan into
# build-fuzz/, replay every saved regression input, then fuzz each target
# for FUZZ_SECONDS seconds over a scratch copy of its seed corpus.
#
#   sh tests/fuzz/run.sh [target...]       (default: every target)
#
# Environment: FUZZ_SECONDS (20), FUZZ_JOBS (parallel compiles: nproc),
# FUZZ_BUILD_TRIES (1; more waits a minute between tries of a broken
# library build), CC_FUZZ (clang), CXX_FUZZ (clang++), PKG_CONFIG.
#
# Exits non-zero when a build fails, a regression input fails again, or
# fuzzing finds a crash, leak, timeout or out-of-memory; the input that
# did it is saved under tests/fuzz/regressions/<target>/ so that it can
# be committed and replayed by every later run. A target whose header
# (an #include "...") does not exist yet is skipped.
#
# Layout: tests/fuzz/seeds/<target>/ (seed inputs), <target>.dict
# (libFuzzer dictionary, optional), regressions/<target>/ (inputs that
# once failed). To rerun one input by hand, from the top directory:
#
#   TRACUU_DATA_DIR=$PWD/data build-fuzz/bin/fuzz_query \
#       tests/fuzz/regressions/query/<file>
# Word splitting of flag lists is intended throughout.
# shellcheck disable=SC2086,SC2012
set -u

cd "$(dirname "$0")/../.." || exit 1

FUZZ_SECONDS=${FUZZ_SECONDS:-20}
CC=${CC_FUZZ:-clang}
CXX=${CXX_FUZZ:-clang++}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
PKGS="icu-uc icu-i18n xapian-core zlib libxml-2.0 libzip"
# Headers only, as in the Makefile: decode-ocr.c opens them with dlopen.
OCR_PKGS="tesseract lept"
OUT=build-fuzz
FUZZ_DIR=tests/fuzz
JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}

# Compile one source file into $OUT/obj when it or a header it includes
# changed (dependencies from -MMD). Runs in a child (see --compile-one)
# with CC, CXX, CFLAGS_F, CXXFLAGS_F and OUT from the environment.
compile_one () {
    src=$1
    obj=$OUT/obj/$(basename "$src").o
    dep=${obj%.o}.d
    if [ -f "$obj" ] && [ -f "$dep" ]; then
        deps=$(sed -e 's/^[^:]*://' -e 's/\\$//' -e 's/:$//' "$dep" \
                   | tr ' ' '\n' | sed '/^$/d' | sort -u)
        # A dependency that is newer, or gone (find complains), is stale.
        [ -z "$(find $deps -newer "$obj" 2>&1 | head -1)" ] && return 0
    fi
    case "$src" in
        *.cc) set -- "$CXX" $CXXFLAGS_F ;;
        *) set -- "$CC" $CFLAGS_F ;;
    esac
    if ! "$@" -MMD -MP -c "$src" -o "$obj" 2>"$obj.log"; then
        cat "$obj.log" >&2
        rm -f "$obj"
        echo "$src" >>"$OUT/failed"
        return 1
    fi
    rm -f "$obj.log"
    return 0
}

if [ "${1:-}" = --compile-one ]; then
    compile_one "$2"
    exit $?
fi
SELF=$FUZZ_DIR/run.sh

# Bytes of input per target (libFuzzer -max_len); 4096 when not listed.
max_len_of () {
    case "$1" in
        decode_docx) echo 65536 ;;
        decode_text|extract) echo 16384 ;;
        analyze) echo 8192 ;;
        query|question) echo 1024 ;;
        *) echo 4096 ;;
    esac
}

say () {
    printf 'fuzz: %s\n' "$*"
}

# --- Tools -------------------------------------------------------------

fuzzer_works () {
    command -v "$CC" >/dev/null 2>&1 || return 1
    printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n)\n'\
'{ (void) d; (void) n; return 0; }\n' >"$OUT/probe.c"
    "$CC" -fsanitize=fuzzer,address,undefined "$OUT/probe.c" \
        -o "$OUT/probe" >/dev/null 2>&1
}

mkdir -p "$OUT/obj" "$OUT/bin"
if ! fuzzer_works; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
        say "installing clang and its libFuzzer runtime"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends clang >/dev/null
        v=$(clang --version 2>/dev/null \
            | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
        [ -n "$v" ] && apt-get install -y -qq --no-install-recommends \
            "libclang-rt-$v-dev" >/dev/null
    fi
    if ! fuzzer_works; then
        say "clang with libFuzzer (-fsanitize=fuzzer) is needed;" \
            "install clang and libclang-rt-<version>-dev" >&2
        exit 1
    fi
fi
if ! DEPS_CFLAGS=$($PKG_CONFIG --cflags $PKGS $OCR_PKGS) \
   || ! DEPS_LIBS="$($PKG_CONFIG --libs $PKGS) -ldl"; then
    say "pkg-config cannot find: $PKGS $OCR_PKGS (run 'make setup')" >&2
    exit 1
fi

SAN="-g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined \
    -fno-sanitize-recover=all"
CFLAGS_F="-std=c11 -D_GNU_SOURCE -Iinclude -Ilib $SAN $DEPS_CFLAGS"
CXXFLAGS_F="-std=c++17 -Iinclude -Ilib $SAN $DEPS_CFLAGS"
LINK_SAN="-fsanitize=fuzzer,address,undefined"
export CC CXX CFLAGS_F CXXFLAGS_F OUT
# Word lists come from the repository's data/, as for 'make test'.
TRACUU_DATA_DIR=$(pwd)/data
export TRACUU_DATA_DIR

# --- Library -----------------------------------------------------------

build_library () {
    rm -f "$OUT/failed"
    printf '%s\n' $LIB_SRCS | xargs -P "$JOBS" -n 1 sh "$SELF" --compile-one
    [ ! -f "$OUT/failed" ]
}

# Objects built with other flags or compilers are rebuilt.
stamp="$CC $CXX $CFLAGS_F $CXXFLAGS_F"
if [ "$(cat "$OUT/flags" 2>/dev/null)" != "$stamp" ]; then
    rm -f "$OUT"/obj/*
    printf '%s\n' "$stamp" >"$OUT/flags"
fi
# The lexicons built into the library, as the Makefile makes them.
mkdir -p "$OUT/gen"
$CC -std=c11 -O1 scripts/embed.c -o "$OUT/gen/embed" \
    && "$OUT/gen/embed" "$OUT/gen/embedded.c" data data/lexicon/*.txt \
    || { say "cannot generate the built-in lexicons" >&2; exit 1; }
say "building the library with $CC ($JOBS jobs)"
tries=0
LIB_SRCS=$(ls lib/*/*.c lib/*/*.cc "$OUT/gen/embedded.c")
until build_library; do
    tries=$((tries + 1))
    if [ "$tries" -ge "${FUZZ_BUILD_TRIES:-1}" ]; then
        say "library build failed: $(tr '\n' ' ' <"$OUT/failed")" >&2
        exit 1
    fi
    say "library build failed; retrying in 60 s"
    sleep 60
    LIB_SRCS=$(ls lib/*/*.c lib/*/*.cc "$OUT/gen/embedded.c")
done
# Objects of sources that no longer exist must not be linked.
LIB_OBJS=""
for src in $LIB_SRCS; do
    LIB_OBJS="$LIB_OBJS $OUT/obj/$(basename "$src").o"
done

# --- Targets -----------------------------------------------------------

# Headers a target includes that are missing: the target is skipped.
missing_headers () {
    sed -n 's/^#include "\([^"]*\)".*/\1/p' "$1" | while read -r h; do
        [ -e "include/$h" ] || [ -e "lib/$h" ] || [ -e "$FUZZ_DIR/$h" ] \
            || printf '%s ' "$h"
    done
}

if [ $# -gt 0 ]; then
    TARGETS=$*
else
    TARGETS=$(for f in "$FUZZ_DIR"/fuzz_*.c; do
                  basename "$f" .c | sed 's/^fuzz_//'
              done)
fi

FAILED=""
SKIPPED=""
SUMMARY=$OUT/summary.txt
: >"$SUMMARY"
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-fuzz.XXXXXX") || exit 1
trap 'rm -rf "$SCRATCH"' EXIT
trap 'exit 130' INT TERM

# Move what libFuzzer left in $1 (crash-, leak-, timeout-, oom- files)
# into the regressions of target $2.
keep_artifacts () {
    kept=""
    for a in "$1"/crash-* "$1"/leak-* "$1"/timeout-* "$1"/oom-*; do
        [ -f "$a" ] || continue
        mkdir -p "$FUZZ_DIR/regressions/$2"
        mv "$a" "$FUZZ_DIR/regressions/$2/"
        kept="$kept $FUZZ_DIR/regressions/$2/$(basename "$a")"
    done
    [ -n "$kept" ] && say "$2: saved$kept"
}

for t in $TARGETS; do
    src=$FUZZ_DIR/fuzz_$t.c
    bin=$OUT/bin/fuzz_$t
    if [ ! -f "$src" ]; then
        say "$t: no such target ($src)" >&2
        FAILED="$FAILED $t"
        continue
    fi
    missing=$(missing_headers "$src")
    if [ -n "$missing" ]; then
        say "$t: SKIPPED, missing header(s): $missing"
        SKIPPED="$SKIPPED $t"
        continue
    fi

    if ! $CC $CFLAGS_F -Wall -Wextra -c "$src" -o "$OUT/obj/fuzz_$t.o" \
       || ! $CXX $LINK_SAN "$OUT/obj/fuzz_$t.o" $LIB_OBJS $DEPS_LIBS \
            -lpthread -o "$bin"; then
        say "$t: build failed" >&2
        FAILED="$FAILED $t"
        continue
    fi

    opts="-rss_limit_mb=2048 -timeout=10 -max_len=$(max_len_of "$t")"
    [ -f "$FUZZ_DIR/$t.dict" ] && opts="$opts -dict=$FUZZ_DIR/$t.dict"
    art=$SCRATCH/artifacts-$t
    mkdir -p "$art"
    log=$OUT/fuzz_$t.log

    # Regressions first: each saved input is run once, without fuzzing.
    reg=$FUZZ_DIR/regressions/$t
    if [ -d "$reg" ] && [ -n "$(ls -A "$reg")" ]; then
        n=$(ls -A "$reg" | wc -l)
        if ! "$bin" $opts -artifact_prefix="$art/" "$reg"/* \
             >"$OUT/regress_$t.log" 2>&1; then
            say "$t: a regression input fails again; see $OUT/regress_$t.log"
            grep -aE 'Running:|invariant failed|ERROR|runtime error|SUMMARY' \
                "$OUT/regress_$t.log" | tail -6
            rm -rf "$art"
            FAILED="$FAILED $t"
            echo "$t regressions-FAILED" >>"$SUMMARY"
            continue
        fi
        say "$t: $n regression input(s) pass"
    fi

    # Fuzz a scratch copy of the seeds, so the repository stays clean.
    corpus=$SCRATCH/corpus-$t
    mkdir -p "$corpus"
    [ -d "$FUZZ_DIR/seeds/$t" ] && cp -R "$FUZZ_DIR/seeds/$t/." "$corpus/"
    say "$t: fuzzing for $FUZZ_SECONDS s"
    started=$(date +%s)
    "$bin" $opts -max_total_time="$FUZZ_SECONDS" -print_final_stats=1 \
        -artifact_prefix="$art/" "$corpus" >"$log" 2>&1
    rc=$?
    took=$(($(date +%s) - started))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
    keep_artifacts "$art" "$t"
    if [ "$rc" -ne 0 ]; then
        say "$t: FAILED (exit $rc); see $log"
        grep -aE 'invariant failed|^==[0-9]+==ERROR|runtime error|SUMMARY|^    #[0-9] ' \
            "$log" | head -15
        FAILED="$FAILED $t"
        echo "$t FAILED ${took}s runs=${runs:-?} exec/s=${speed:-?} $cov" \
            >>"$SUMMARY"
    else
        say "$t: ok in ${took} s, ${runs:-?} runs, ${speed:-?} exec/s, $cov"
        echo "$t ok ${took}s runs=${runs:-?} exec/s=${speed:-?} $cov" \
            >>"$SUMMARY"
    fi
done

[ -n "$SKIPPED" ] && say "skipped:$SKIPPED"
if [ -n "$FAILED" ]; then
    say "FAILED:$FAILED"
    exit 1
fi
say "every target passed"
exit 0
