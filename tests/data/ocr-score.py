#!/usr/bin/env python3
"""Share of a report's syllables recovered by OCR.

  ocr-score.py REFERENCE.txt OCR.txt

Prints "recovered/total percent". Syllables are compared as multisets,
in lower case, with one tone placement ("hoà" = "hòa"): a syllable counts
as recovered as many times as it occurs in both texts.
"""
import collections
import re
import sys
import unicodedata

TONES = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}


def key(syllable):
    d = unicodedata.normalize('NFD', syllable.lower())
    tones = ''.join(c for c in d if c in TONES)
    base = ''.join(c for c in d if c not in TONES)
    return unicodedata.normalize('NFC', base) + tones


def syllables(path):
    with open(path, encoding='utf-8', errors='replace') as f:
        text = unicodedata.normalize('NFC', f.read())
    return collections.Counter(key(w) for w in re.findall(r'\w+', text))


ref, got = syllables(sys.argv[1]), syllables(sys.argv[2])
total = sum(ref.values())
hit = sum(min(n, got[w]) for w, n in ref.items())
print(f'{hit}/{total} {100.0 * hit / total:.2f}')
