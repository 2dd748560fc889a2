"""Compile a pattern with the stdlib engine when it can, with `regex` when it needs to.

The `regex` module is needed for \\p{Han} and for reverse search (?r) on tail-anchored patterns; for
everything else the stdlib engine matches the same and costs several times less per call.
"""
from __future__ import annotations

import re as stdre

import regex


TAIL_WINDOW = 120  # far longer than any tail these patterns match (pages, a year, "Vol. 12, No. 3")


def search_tail(pattern, text: str, window: int = TAIL_WINDOW):
    """An end-anchored pattern searched in the last `window` characters only: over a whole string a
    failing search tries every position. Match positions stay those of `text`."""
    return pattern.search(text, max(0, len(text) - window))


class LazyPattern:
    """A pattern compiled on first use: start-up compiles nothing, and a run pays only for the
    patterns its documents need. After the first use its methods are plain attributes."""

    __slots__ = ("_source", "_flags", "__dict__")

    def __init__(self, pattern: str, flags: int) -> None:
        self._source, self._flags = pattern, flags

    def __getattr__(self, name: str):
        compiled = _compile(self._source, self._flags)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        for attribute in ("pattern", "flags", "groupindex", "groups"):
            setattr(self, attribute, getattr(compiled, attribute))
        return getattr(compiled, name)


def compile_fast(pattern: str, flags: int = 0) -> LazyPattern:
    return LazyPattern(pattern, flags)


def _compile(pattern: str, flags: int):
    if "\\p{" in pattern or "(?r)" in pattern or flags & ~(stdre.I | stdre.M | stdre.S | stdre.X):
        return regex.compile(pattern, flags)
    try:
        return stdre.compile(pattern, flags)
    except stdre.error:  # e.g. a variable-width look-behind
        return regex.compile(pattern, flags)
