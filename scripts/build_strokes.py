#!/usr/bin/env python3
"""Regenerate src/cbmcite/data/strokes.txt from the Unicode Han Database (kTotalStrokes).

usage: python scripts/build_strokes.py [/usr/share/unicode/Unihan_IRGSources.txt.bz2]

Unihan ships with Debian's unicode-data package. The output covers the CJK Unified Ideographs
and Extension A blocks: one line per block, "START_HEX COUNTS", where COUNTS holds one character
per code point, chr(48 + strokes) ("0" + n), "?" where Unihan gives no count.
"""
import bz2
import sys
from pathlib import Path

BLOCKS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF)]
OUT = Path(__file__).resolve().parent.parent / "src" / "cbmcite" / "data" / "strokes.txt"


def main() -> None:
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/Unihan_IRGSources.txt.bz2"
    strokes = {}
    with bz2.open(source, "rt", encoding="utf-8") as fh:
        for line in fh:
            if "\tkTotalStrokes\t" in line:
                code, _, value = line.rstrip("\n").split("\t")
                strokes[int(code[2:], 16)] = int(value.split()[0])  # the first value is the usual (Chinese) count
    lines = ["# kTotalStrokes from the Unicode Han Database (Unicode licence); built by scripts/build_strokes.py"]
    for start, end in BLOCKS:
        counts = "".join(chr(48 + strokes[cp]) if cp in strokes else "?" for cp in range(start, end + 1))
        lines.append(f"{start:X} {counts}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({sum(1 for s, e in BLOCKS for cp in range(s, e + 1) if cp in strokes)} characters)")


if __name__ == "__main__":
    main()
