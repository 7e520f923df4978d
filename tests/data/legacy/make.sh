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
import os, sys
enc_dir, seed = sys.argv[1], sys.argv[2]
text = open(seed, encoding="utf-8").read()

def table(name):
    """Reverse of a data/encodings mapping: character -> bytes (pairs
    first, as VNI writers emit them)."""
    rev = {}
    for line in open(os.path.join(enc_dir, name), encoding="utf-8"):
        f = line.split("#", 1)[0].split()
        if not f:
            continue
        *bs, cp = f
        ch = chr(int(cp[2:], 16))
        b = bytes(int(x, 16) for x in bs)
        if ch not in rev or len(b) > len(rev[ch]):
            rev[ch] = b
    return rev

def encode(s, rev):
    out = bytearray()
    for ch in s:
        if ord(ch) < 0x80 and ch not in "\x02\x05\x06\x14\x19\x1e":
            out += ch.encode("ascii")
        elif ch in rev:
            out += rev[ch]
        elif ch.lower() in rev:
            out += rev[ch.lower()]
        else:
            raise SystemExit("cannot write %r (U+%04X)" % (ch, ord(ch)))
    return bytes(out)

open("long-an.tcvn3.txt", "wb").write(encode(text, table("tcvn3.txt")))
open("long-an.vni.txt", "wb").write(encode(text, table("vni.txt")))
PY
