#!/bin/sh
# Write the linker version script of libtracuu.so: the functions declared
# in the public headers are exported (version node TRACUU_<major>), every
# other symbol is local. The headers are the one list of the public API,
# so a function added to them is exported without a second list to keep.
#
# Usage: scripts/exports.sh CC MAJOR HEADER...   (output on stdout)
set -eu

cc=$1
major=$2
shift 2
# Preprocessed, a declaration is "name (": the names with a double
# underscore are internal by the project's naming rule.
names=$(cat "$@" | $cc -E -P -Iinclude -x c - \
        | grep -oE '\b(tracuu|xapc)_[A-Za-z0-9_]+[[:space:]]*\(' \
        | sed 's/[[:space:]]*($//' | grep -v '__' | LC_ALL=C sort -u)
[ -n "$names" ] || { echo "exports.sh: no function found in $*" >&2; exit 1; }

printf 'TRACUU_%s {\n  global:\n' "$major"
printf '    %s;\n' $names
printf '  local:\n    *;\n};\n'
