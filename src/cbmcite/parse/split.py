"""Split a note's text into the sources it cites, and tell citations from commentary."""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

from ..patterns import compile_fast

from ..lexicon import SIGNAL_EN, SIGNAL_ZH, alternation
from .forms import SHORT_FORM_ANYWHERE, short_form_of

_HAN = compile_fast(r"\p{Han}")
_SHORT_LEAD = compile_fast(r"^[^，、：:]{1,12}[，、：:]")
_GLUED_START = compile_fast(r"\p{Han}|[〈《「（(“]")
_SENTENCE_START = compile_fast(r"[A-Z\p{Han}〈《「（(“\"'‘]")
_PAGES_LEAD = compile_fast(r"\s*(?:pp?\.|頁|页|第)")

# Abbreviations whose full stop does not end a citation or sentence.
_ABBREV = compile_fast(
    r"(?r)(?:\b[A-Z]|\b(?:ed|eds|Ed|Eds|vol|Vol|no|No|nos|pp|p|trans|tr|Jr|Sr|Dr|Mr|Mrs|Ms|St|Inc|Co|Corp|Ltd|Univ|"
    r"al|cf|Cf|ibid|Ibid|id|Id|op|cit|loc|ch|chap|sec|fig|rev|repr|comp|n|nn|esp|e\.g|i\.e|etc|vs|Mt|Ft|Gen|Col|Lt|Capt|"
    r"Prof|Rep|Sen|Gov|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|D\.C))\.$"
)
_OPEN = "（(〈《「『“‘[【<＜"
_CLOSE = "）)〉》」』”’]】>＞"
_BOUNDARY_OR_BRACKET = compile_fast("[；;。.（(〈《「『“‘\\[【<＜）)〉》」』”’\\]】>＞]")
_PAGE_END = compile_fast(r"(?r)(?:pp?\.|頁|页|第|at)\s*[0-9０-９]+[a-z]?(?:\s*[-–~～、,]\s*[0-9]+)*\s*(?:頁|页)?\s*$", re.I)
_YEAR_DIGITS = compile_fast(r"(?:1[5-9]|20)[0-9]{2}")  # a sign, not a parse: no digit-boundary checks
_CITATION_FEATURES = [
    compile_fast(r"[《〈]"),
    compile_fast(r"(?:pp?\.|頁|页)\s*[0-9]"),
    compile_fast(r"第\s*[0-9]+\s*[頁页卷期版]"),
    compile_fast(r"(?i)\bvol\.|\bno\.\s*[0-9]"),
    compile_fast(r"[A-Z][\w .]{1,30}\s*[:：]\s*[A-Z][\w&.' ]+(?:Press|Publisher|Publishing|Books|University|Company|Inc|Ltd|Center|Centre|Institute|Nations|Office|[A-Z]{2,})"),
    compile_fast(r"(?i)https?://|www\."),
    compile_fast(r"\[(?:M|C|G|N|J|D|R|S|P|A|Z|DB|CP|EB)(?:/OL)?\]"),
    compile_fast(r"(?:出版社|書局|书局|出版|公司|碩士論文|博士論文|学位论文)"),
    compile_fast(r"\([^()]{2,80}[,，]\s*(?:1[5-9]|20)[0-9]{2}\)"),  # (Place: Publisher, 1979)
    compile_fast(r"^[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,4},\s"),  # Author, …
    compile_fast(r"^[\"“][^\"”]{8,}[\"”]\s*,?\s*[A-Z]"),  # "Title," The New York Times
]
# Chicago short note: 'Van Evera, "Offense, Defense," 20.' / 'Waltz, Theory, 102.'
_CHICAGO_SHORT = compile_fast(
    r"^[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2},\s+(?:[\"“][^\"”]{2,80}[\"”]|[A-Z][^,]{2,60},)\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?\.?$"
)
_SIGNAL_NEXT = compile_fast(rf"\s*(?:{alternation(SIGNAL_ZH)}|{alternation(SIGNAL_EN)}\s)")  # 'Ibid. See also X': two sources
_JOINED_CLAUSE = compile_fast(r"\s*(?:收錄於|收录于|收錄|收录|收於|收于|載於|载于|刊於|刊于|見於|见于)")
_GBT_MARK = compile_fast(r"\[(?:M|C|G|N|J|D|R|S|P|A|Z|DB|CP|EB)(?:/(?:OL|CD|MT|DK))?\]")


@dataclass
class Segment:
    raw: str
    is_citation: bool
    form: str = "full"


def split_note(text: str) -> list[Segment]:
    """Segments of the note in order; citation segments keep their exact raw substring."""
    pieces = _pieces(text)
    segments: list[Segment] = []
    for piece in pieces:
        lead = _PROSE_LEAD.match(piece.strip()) if _MAY_LEAD.search(piece, 0, 50) else None
        if lead and _looks_like_citation(piece.strip()[lead.end():]):
            cut = piece.index(lead.group(0)) + len(lead.group(0))
            segments.append(Segment(piece[:cut], False))
            piece = piece[cut:]
        form = short_form_of(piece)
        if form:
            segments.append(Segment(piece, True, form))
        elif _looks_like_citation(piece):
            segments.append(Segment(piece, True))
        elif segments and segments[-1].is_citation and not _ends_citation(segments[-1].raw) and _continues(piece):
            segments[-1].raw += piece  # a title's own full stop split it
        else:
            segments.append(Segment(piece, False))
    return [s for s in (_trim(seg) for seg in segments) if s.raw]


def _trim(seg: Segment) -> Segment:
    return Segment(seg.raw.strip(), seg.is_citation, seg.form)


def _continues(piece: str) -> bool:
    return not _looks_prose(piece)


def _looks_prose(piece: str) -> bool:
    return len(piece) > 60 and not _has_year(piece)


def _looks_like_citation(piece: str) -> bool:
    p = piece.strip()
    if len(p) < 6:
        return False
    if _CHICAGO_SHORT.match(p):
        return True
    needed = 1 if _has_year(p) else 2  # two signs of a citation, or one and a year
    found = 0
    for feature in _CITATION_FEATURES:  # cheap, common signs first; stop as soon as it is enough
        if feature.search(p):
            found += 1
            if found >= needed:
                # commentary that mentions a year and a book title reads like prose: a verb, no author lead
                return not _prose_sentence(p)
    return False


_MAY_LEAD = compile_fast(r"參|参|請|请|詳|详|見|见|另|See|Cf")
_PROSE_LEAD = compile_fast(r"^(?:.{0,40}?(?:請參閱|請參見|参阅|參閱|參見|参见|請見|详见|詳見|另見|另参|可參考|可参考))\s*[:：]?\s*|^(?:See also|See|Cf\.)\s+")


def _has_year(p: str) -> bool:
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


def _ends_citation(raw: str) -> bool:
    s = raw.rstrip().rstrip("。.;；")
    return bool(_PAGE_END.search(s))


def _pieces(text: str) -> list[str]:
    """Cut after sentence ends and top-level semicolons; brackets and quotes are never cut."""
    pieces: list[str] = []
    gbt = bool(_GBT_MARK.search(text))  # GB/T 7714 uses "." between elements
    depth = 0
    start = 0
    for m in _BOUNDARY_OR_BRACKET.finditer(text):  # only these characters can change anything
        i, ch = m.start(), m.group()
        if i < start:
            continue  # closing marks already taken into the previous piece
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        cut = None
        if ch in "；;" and depth == 0 and not _JOINED_CLAUSE.match(text, i + 1):
            cut = i + 1
        elif ch == "。" and (depth == 0 or _closes_all(text, i)):
            cut = i + 1
            while cut < len(text) and text[cut] in "」』）)”":
                cut += 1
        elif ch == "." and depth == 0 and (not gbt and _sentence_stop(text, start, i) or _SIGNAL_NEXT.match(text, i + 1)):
            cut = i + 1
        if cut is not None:
            pieces.append(text[start:cut])
            start = cut
    if start < len(text):
        pieces.append(text[start:])
    return _rejoin_lead_ins(pieces)


def _closes_all(text: str, i: int) -> bool:
    # "。」" ends a quoted sentence inside commentary
    return i + 1 < len(text) and text[i + 1] in "」』"


def _sentence_stop(text: str, start: int, i: int) -> bool:
    after = text[i + 1:i + 3]
    if _ABBREV.search(text, max(start, i - 12), i + 1):  # abbreviations are short: look just before the stop
        return False
    if after[:1].isdigit() or after[:1] in ",，:;)）-–":
        return False
    nxt = after.lstrip()[:1]
    if not nxt:
        return True
    if after[:1] not in (" ", "\u3000") and not _GLUED_START.match(nxt):
        return False
    return bool(_SENTENCE_START.match(nxt))


def _rejoin_lead_ins(pieces: list[str]) -> list[str]:
    """A lone short form cut off from its own pages ("Ibid." + " pp.29-35.") stays one piece."""
    out: list[str] = []
    for piece in pieces:
        if out and SHORT_FORM_ANYWHERE.compiled.fullmatch(out[-1].strip()) and _PAGES_LEAD.match(piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out
