"""One parser per citation style; each says how well a citation fits it and the best fit parses.

A parser may still decline (return None), e.g. a legal pattern that names no title: the next best style
parses then. Adding a style is one entry here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..normalize import has_cjk
from ..patterns import compile_fast
from .en import parse_english
from .gbt import gbt_fit, parse_gbt
from .legal import legal_fit, parse_legal
from .result import Parsed
from .zh import parse_chinese

_TITLE_MARK = compile_fast(r"[〈《「]")
_LATIN_START = compile_fast(r"^[A-Za-z]")
_QUOTE = compile_fast(r"[“”\"]")
_FULL_WIDTH = compile_fast(r"[，。〈〉《》「」、]")  # not ：, which CJK titles keep in any style


@dataclass(frozen=True)
class Style:
    name: str
    fit: Callable[[str], float]  # 0 (not this style) … 1 (certainly this style)
    parse: Callable[[str], Parsed | None]


def is_chinese(raw: str) -> bool:
    """Chinese text: title marks, or CJK at the start."""
    head = raw.strip()[:12]
    return bool(_TITLE_MARK.search(raw)) or has_cjk(head) and not _LATIN_START.match(head)


def _chinese_fit(raw: str) -> float:
    """Chinese punctuation and title marks; a CJK citation in ASCII punctuation follows an English style
    (CSL renderers: '王名揚, 美國行政法 (北京大學出版社, 2007), 158.')."""
    english_marks = ", " in raw or _QUOTE.search(raw)  # '“温家宝主持国务院会议,” 48.'
    return 0.5 if is_chinese(raw) and (_FULL_WIDTH.search(raw) or not english_marks) else 0.0


STYLES = (
    Style("GB/T 7714", gbt_fit, parse_gbt),
    Style("legal", legal_fit, parse_legal),
    Style("Taiwan and mainland", _chinese_fit, parse_chinese),
    Style("Chicago and English", lambda raw: 0.1, parse_english),  # the fallback
)


def parse_fields(raw: str) -> Parsed:
    """The fields by the best-fitting style that accepts the citation (the English parser accepts all)."""
    ranked = sorted(STYLES, key=lambda style: -style.fit(raw))  # stable: ties keep the table's order
    return next(parsed for parsed in (style.parse(raw) for style in ranked) if parsed is not None)
