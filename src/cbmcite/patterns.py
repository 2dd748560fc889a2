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


def compile_fast(pattern: str, flags: int = 0):
    if "\\p{" in pattern or "(?r)" in pattern or flags & ~(stdre.I | stdre.M | stdre.S | stdre.X):
        return regex.compile(pattern, flags)
    try:
        return stdre.compile(pattern, flags)
    except stdre.error:  # e.g. a variable-width look-behind
        return regex.compile(pattern, flags)
