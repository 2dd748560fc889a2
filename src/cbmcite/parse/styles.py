"""One parser per citation style; each says how well a citation fits it and the best fit parses.

A parser may still decline (return None), e.g. a legal pattern that names no title: the next best style
parses then. Adding a style is one entry here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..patterns import compile_fast
from ..rules import rule
from ..values import has_cjk
from .en import parse_english
from .gbt import gbt_fit, parse_gbt
from .legal import legal_fit, parse_legal
from .result import Parsed
from .zh import AUTHOR_COLON_UNMARKED_TITLE, parse_chinese

_LATIN_START = compile_fast(r"^[A-Za-z]")  # plain: a script test

_OPENING_TITLE_MARKS = ("〈", "《", "「")
CHINESE_TITLE_MARK = rule(
    "chinese_title_mark",
    r"[〈《「]",
    "An opening Chinese title mark (〈篇名〉, 《書名》, 「篇名」): the citation is Chinese.",
    examples=("谷家恆，〈技職院校〉", "Huntington, 《文明衝突》", "顧立民，「中國海洋地緣戰略」"),
    counterexamples=("Samuel P. Huntington, The Clash of Civilizations", "王名揚, 美國行政法 (2007), 158."),
    requires=_OPENING_TITLE_MARKS,
)
_QUOTES = ("“", "”", '"')
ENGLISH_QUOTE = rule(
    "english_quote",
    r"[“”\"]",
    "English quotation marks around a title: an English style, even for a Chinese work ('“温家宝主持国务院会议,” 48.').",
    examples=("“温家宝主持国务院会议,” 48.", 'Ely, "The Wages of Crying Wolf," 920.'),
    counterexamples=("王名揚，《美國行政法》", "王名揚, 美國行政法 (北京大學出版社, 2007), 158."),
    requires=_QUOTES,
)
QUOTED_PART = rule(
    "quoted_part",
    r"“[^“”]*”",
    "A title in English quotes: Chinese marks inside it are the title's ('何齡修, “讀顧誠〈南明史〉,” 中國史研究').",
    examples=("何齡修, “讀顧誠〈南明史〉,” 中國史研究",),
    counterexamples=("何齡修，〈讀顧誠〈南明史〉〉",),
    requires=("“",),
)
_FULL_WIDTH_MARKS = ("，", "。", "〈", "〉", "《", "》", "「", "」", "、")
FULL_WIDTH_PUNCTUATION = rule(
    "full_width_punctuation",
    r"[，。〈〉《》「」、]",  # not ：, which CJK titles keep in any style
    "Full-width Chinese punctuation or title marks: a Chinese style's citation.",
    examples=("王名揚，美國行政法", "谷家恆、王俊秀", "《美國行政法》"),
    counterexamples=("王名揚, 美國行政法 (北京大學出版社, 2007), 158.", "王名揚: 美國行政法"),
    requires=_FULL_WIDTH_MARKS,
)


@dataclass(frozen=True)
class Style:
    name: str
    fit: Callable[[str], float]  # 0 (not this style) … 1 (certainly this style)
    parse: Callable[[str], Parsed | None]


def is_chinese(raw: str) -> bool:
    """Chinese text: title marks, or CJK at the start."""
    head = raw.strip()[:12]
    return bool(CHINESE_TITLE_MARK.find(raw)) or has_cjk(head) and not _LATIN_START.match(head)


def _chinese_fit(raw: str) -> float:
    """Chinese punctuation and title marks; a CJK citation in ASCII punctuation follows an English style
    (CSL renderers: '王名揚, 美國行政法 (北京大學出版社, 2007), 158.')."""
    if AUTHOR_COLON_UNMARKED_TITLE.find(raw.strip()):
        return 0.5  # 'A. Hopkinson：UNIMARC and metadata，2009年4月22日版。': a Latin name in the mainland web-page form
    english_marks = ", " in raw or ENGLISH_QUOTE.find(raw)  # '“温家宝主持国务院会议,” 48.'
    outside = QUOTED_PART.compiled.sub("", raw) if QUOTED_PART.may_match(raw) else raw
    if english_marks:  # a title's own 、 ('高分子材料分析、選擇與改性') in an English rendering
        outside = outside.replace("、", "")
    return 0.5 if is_chinese(outside) and (FULL_WIDTH_PUNCTUATION.find(outside) or not english_marks) else 0.0


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
