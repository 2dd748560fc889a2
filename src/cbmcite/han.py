"""Facts about Han characters that every stage may ask: which script a character belongs to."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _script_sets() -> tuple[frozenset[str], frozenset[str]]:
    """Characters only Traditional text uses, and only Simplified (data/script_chars.txt, from OpenCC)."""
    lines = resources.files("cbmcite").joinpath("data", "script_chars.txt").read_text("utf-8").split("\n")
    return frozenset(lines[1]), frozenset(lines[2])


def script_counts(text: str) -> tuple[int, int]:
    """How many characters of text are Traditional-only, and how many Simplified-only."""
    traditional, simplified = _script_sets()
    return sum(map(traditional.__contains__, text)), sum(map(simplified.__contains__, text))
