"""Write text in the legacy Vietnamese encodings of this folder (for
making test files): the reverse of their mapping tables."""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# Control characters that some of these encodings use for letters.
TAKEN_CONTROLS = "\x02\x05\x06\x14\x19\x1e"


def table(name):
    """Reverse of a mapping of this folder: character -> bytes (pairs
    first, as VNI writers emit them)."""
    rev = {}
    for line in open(os.path.join(HERE, name), encoding="utf-8"):
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
    """'s' in the encoding whose reversed table is 'rev'."""
    out = bytearray()
    for ch in s:
        if ord(ch) < 0x80 and ch not in TAKEN_CONTROLS:
            out += ch.encode("ascii")
        elif ch in rev:
            out += rev[ch]
        elif ch.lower() in rev:
            out += rev[ch.lower()]
        else:
            raise SystemExit("cannot write %r (U+%04X)" % (ch, ord(ch)))
    return bytes(out)
