#!/usr/bin/env python3
"""Regenerate src/cbmcite/data/script_chars.txt: the Han characters only Traditional text uses and
those only Simplified text uses, by OpenCC's character tables (t2s and s2t, one character at a time).

usage: python scripts/build_script_chars.py

Telling zh-TW from zh-CN (and Big5 from GB18030 mojibake) then needs two set look-ups per character,
not OpenCC and its dictionaries (0.1 s and several MB to load).
"""
from pathlib import Path

import opencc

BLOCKS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF)]
OUT = Path(__file__).resolve().parent.parent / "src" / "cbmcite" / "data" / "script_chars.txt"


def main() -> None:
    t2s, s2t = opencc.OpenCC("t2s"), opencc.OpenCC("s2t")
    chars = [chr(cp) for start, end in BLOCKS for cp in range(start, end + 1)]
    traditional = "".join(c for c in chars if t2s.convert(c) != c)
    simplified = "".join(c for c in chars if s2t.convert(c) != c)
    OUT.write_text("# Han characters only Traditional / only Simplified text uses (OpenCC t2s, s2t); "
                   "built by scripts/build_script_chars.py\n" + traditional + "\n" + simplified + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
