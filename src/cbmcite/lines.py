"""Joining the printed lines of one note: the join rule of the gold guide (GUIDE.md)."""
from __future__ import annotations

import unicodedata

import regex as re

from .patterns import compile_fast

_URL_TAIL = compile_fast(r"(?r)(?:https?://|www\.)[^\s<>]*$", re.I)


def join_lines(lines: list[str]) -> str:
    """The join rule of the gold guide: CJK|CJK and hyphen breaks glue; Latin words get a space."""
    out = ""
    trailing_space = False
    for piece in lines:
        body = piece.strip()
        if not body:
            continue
        out = body if not out else out + _joiner(out, body, trailing_space) + body
        trailing_space = piece != piece.rstrip()
    return out


def is_wide(ch: str) -> bool:
    """A full-width (CJK) character: line breaks next to it join without a space."""
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _joiner(prev: str, nxt: str, trailing_space: bool) -> str:
    a, b = prev[-1], nxt[0]
    if not trailing_space and ("http" in prev or "www." in prev) and _URL_TAIL.search(prev) and not is_wide(b):
        return ""  # a URL broken across lines
    if trailing_space:
        return "" if is_wide(a) and is_wide(b) else " "
    if a in "-–" or is_wide(a) or is_wide(b):
        return ""
    return " "
