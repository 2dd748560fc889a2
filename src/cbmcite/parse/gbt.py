"""GB/T 7714 note conventions that are not field parsing: 同N (the work of note N) and where entries end."""
from __future__ import annotations

from ..patterns import compile_fast
from ..rules import rule

SAME_AS_NOTE = rule(
    "gbt_same_as_note",
    r"^同\s*(?P<n>[0-9]{1,3})(?:\s*[:：]\s*(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?))?\s*[.。;；,，]?\s*$",
    "GB/T 7714 notes: 同N (: pages) is the work cited in note N, e.g. '同5: 310.'",
    examples=("同1.", "同5: 310.", "同20", "同19: 168-170.", "同33: 217;"),
    counterexamples=("同上28.", "同2005年3月", "同10月", "同上注，255。", "同註5，頁12。"),
    requires=("同",),
    anchored=True,
)
# After an entry's last page or year, a new entry starts if a type mark comes before the next entry end.
_ENTRY_END = compile_fast(r"[0-9][.]\s")
_TYPE_MARK = compile_fast(r"\[[A-Z]{1,2}(?:/[A-Z]{2})?\]")


def same_as_note(piece: str) -> tuple[int, str | None] | None:
    """(N, pages) of a 同N piece, or None."""
    m = SAME_AS_NOTE.find(piece.strip())
    return (int(m["n"]), m["p"]) if m else None


def new_entry_follows(text: str, i: int) -> bool:
    """Whether the full stop at text[i], after a page or a year, ends a GB/T entry that another follows."""
    if i == 0 or not text[i - 1].isdigit():
        return False
    rest = text[i + 1:]
    mark = _TYPE_MARK.search(rest)
    if not mark:
        return False
    end = _ENTRY_END.search(rest, 0, mark.start())
    return end is None
