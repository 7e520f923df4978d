#!/bin/sh
# Regenerate the legacy-encoded copies of a whole report used by
# tests/robust.sh: corpus/long-an-2020-03-so-ket-phoi-hop.txt written in
# TCVN3 (ABC) and in VNI-Windows with the tables of data/encodings/.
# Needs python3. Run from anywhere:
#     sh tests/data/legacy/make.sh
# A capital letter that the TCVN3 table cannot write is written in lower
# case, as ABC documents do (they set capitals in the .VnTimeH font).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
cd "$HERE"

python3 - "$ROOT/data/encodings" "$ROOT/corpus/long-an-2020-03-so-ket-phoi-hop.txt" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from legacy import table, encode

text = open(sys.argv[2], encoding="utf-8").read()

open("long-an.tcvn3.txt", "wb").write(encode(text, table("tcvn3.txt")))
open("long-an.vni.txt", "wb").write(encode(text, table("vni.txt")))
PY
