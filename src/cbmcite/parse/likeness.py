"""How much a piece of note text looks like a citation: one scorer for note splitting and detection.

`citation_score(text)` is 0.0 for prose and 1.0 or more for a citation; splitting keeps a piece as a
citation at 1.0. Note detection (notes.py) may ask the same question of a candidate note's text.
"""
from __future__ import annotations

from ..lexicon import GBT_CARRIERS, GBT_TYPES, alternation
from ..patterns import compile_fast

_HAN = compile_fast(r"\p{Han}")
_SHORT_LEAD = compile_fast(r"^[^，、：:]{1,12}[，、：:]")
_YEAR_DIGITS = compile_fast(r"(?:1[5-9]|20)[0-9]{2}")  # a sign, not a parse: no digit-boundary checks
GBT_MARK = compile_fast(rf"\[{alternation(GBT_TYPES)}(?:/{alternation(GBT_CARRIERS)})?\]")
_CITATION_FEATURES = [
    compile_fast(r"[《〈]"),
    compile_fast(r"(?:pp?\.|頁|页)\s*[0-9]"),
    compile_fast(r"第\s*[0-9]+\s*[頁页卷期版]"),
    compile_fast(r"(?i)\bvol\.|\bno\.\s*[0-9]"),
    compile_fast(r"[A-Z][\w .]{1,30}\s*[:：]\s*[A-Z][\w&.' ]+(?:Press|Publisher|Publishing|Books|University|Company|Inc|Ltd|Center|Centre|Institute|Nations|Office|[A-Z]{2,})"),
    compile_fast(r"(?i)https?://|www\."),
    GBT_MARK,
    compile_fast(r"(?:出版社|書局|书局|出版|公司|碩士論文|博士論文|学位论文)"),
    compile_fast(r"\([^()]{2,80}[,，]\s*(?:1[5-9]|20)[0-9]{2}\)"),  # (Place: Publisher, 1979)
    compile_fast(r"^[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,4},\s"),  # Author, …
    compile_fast(r"^[\"“][^\"”]{8,}[\"”]\s*,?\s*[A-Z]"),  # "Title," The New York Times
]
# Chicago short note: 'Van Evera, "Offense, Defense," 20.' / 'Waltz, Theory, 102.'
_CHICAGO_SHORT = compile_fast(
    r"^[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2},\s+(?:[\"“][^\"”]{2,80}[\"”]|[A-Z][^,]{2,60},)\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?\.?$"
)


def citation_score(text: str) -> float:
    """Signs of a citation found, over the number needed (two, or one with a year); prose scores 0."""
    p = text.strip()
    if len(p) < 6:
        return 0.0
    if _CHICAGO_SHORT.match(p):
        return 1.0
    needed = 1 if has_year(p) else 2
    found = 0
    for feature in _CITATION_FEATURES:  # cheap, common signs first; stop as soon as it is enough
        if feature.search(p):
            found += 1
            if found >= needed:
                # commentary that mentions a year and a book title reads like prose: a verb, no author lead
                return 0.0 if _prose_sentence(p) else 1.0
    return found / needed


def looks_like_citation(text: str) -> bool:
    return citation_score(text) >= 1.0


def has_year(p: str) -> bool:
    return "年" in p or "民國" in p or bool(_YEAR_DIGITS.search(p))


def _prose_sentence(p: str) -> bool:
    """Long CJK prose with a book title in it, e.g. 「…《熱線協議》…」 as narrative."""
    if len(p) < 40 or "頁" in p or "页" in p:
        return False
    han = len(_HAN.findall(p))
    commas = p.count("，")
    if han < 40:
        return False
    lead = _SHORT_LEAD.match(p)
    return commas >= 4 and not lead
