"""Facts about Han characters that every stage may ask: which script a character belongs to, what
number Chinese numerals write."""
from __future__ import annotations

import os
from functools import lru_cache

# os.path rather than importlib.resources, whose imports (pathlib, urllib) a text file would pay for
_SCRIPT_CHARS = os.path.join(os.path.dirname(__file__), "data", "script_chars.txt")


@lru_cache(maxsize=1)
def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only Traditional text uses, and only Simplified (data/script_chars.txt, from OpenCC)."""
    with open(_SCRIPT_CHARS, encoding="utf-8") as f:
        lines = f.read().split("\n")
    return frozenset(lines[1]), frozenset(lines[2])


def script_counts(text: str) -> tuple[int, int]:
    """How many characters of text are Traditional-only, and how many Simplified-only."""
    traditional, simplified = _script_sets()
    return sum(map(traditional.__contains__, text)), sum(map(simplified.__contains__, text))


_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}
_ARABIC_DIGITS = frozenset("0123456789０１２３４５６７８９")


def chinese_number(s: str) -> int | None:
    """一一○ → 110, 九十一 → 91, 二〇〇二 → 2002, 元 → 1."""
    s = s.strip()
    if not s:
        return None
    if all(c in _ARABIC_DIGITS for c in s):
        return int(s)  # int() reads full-width digits too
    if s == "元":
        return 1
    if all(c in _CN_DIGITS for c in s):
        return int("".join(str(_CN_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in _CN_DIGITS:
            current = _CN_DIGITS[c]
        elif c in _CN_UNITS:
            total += (current or 1) * _CN_UNITS[c]
            current = 0
        else:
            return None
    return total + current
