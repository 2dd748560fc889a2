"""Law reports, statutes and court decisions: 'Marbury v. Madison, 5 U.S. 137 (1803)', '88 Harv. L. Rev. 1200',
'Smith v. Jones [2014] EWCA Civ 1020', '123 Stat. 5', '《國家安全法》第5條', '最高法院93年度台上字第3598號'."""
from __future__ import annotations

from ..normalize import normalize_pages, parse_date
from ..patterns import compile_fast
from ..shapes import (CASE_REPORT, LAW_REVIEW, LEGAL_RULES, NEUTRAL_CITATION, STATUTE, ZH_CASE_NAME, ZH_COURT_DECISION,
                      ZH_STATUTE)
from .fields import set_issued, take_people, take_url
from .result import Parsed

_CODE_VOLUME = compile_fast(r"\s*[,，]\s*Vol\.?\s*(?P<v>[0-9]+)")
_PINPOINT_AFTER_YEAR = compile_fast(r"\([^()]*(?:[0-9]{4}|n\.d\.)\)\s*,\s*(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?)\s*\.?\s*$")  # '(1966), 13.'
_CASE_NAME = compile_fast(r"^[“\"]?(?P<name>[^，,。“”\"]{2,60}?案)[”\"]?\s*[，,]")  # X诉Y案, …
_QUOTED_TITLE = compile_fast(r"[“\"](?P<t>[^“”\"]+)[”\"]")


def legal_fit(raw: str) -> float:
    return 0.9 if any(r.find(raw) for r in LEGAL_RULES) else 0.0


def parse_legal(raw: str) -> Parsed | None:
    """The fields of a legal citation, or None when it is not one."""
    url, s = take_url(raw.strip())
    for take in (_case, _chinese_statute, _court_decision, _statute):
        out = take(s.strip())
        if out:
            out.csl.setdefault("type", "legislation")
            if url:
                out.csl["URL"] = url
            return out
    return None


def _case(s: str) -> Parsed | None:
    m = CASE_REPORT.find(s) or NEUTRAL_CITATION.find(s)
    if not m:
        return None
    out = Parsed(lang="en", kind_hint="document")
    out.csl.update({"title": m["title"].strip(), "container-title": m["c"], "type": "legal_case"})
    if "v" in m.groupdict() and m["v"]:
        out.csl["volume"] = m["v"]
    out.locator = m["p"]
    if m["y"]:
        set_issued(out, [int(m["y"])])
    return out


def _chinese_statute(s: str) -> Parsed | None:
    m = ZH_STATUTE.find(s)
    if not m:
        return None
    out = Parsed(lang="zh", kind_hint="document")
    out.csl.update({"title": m["title"], "section": m["sec"]})
    pinpoint = _PINPOINT_AFTER_YEAR.search(s, m.end())
    if pinpoint:
        out.locator = normalize_pages(pinpoint["p"])
    date = parse_date(s[m.end():])
    if date:
        set_issued(out, date)
    return out


def _court_decision(s: str) -> Parsed | None:
    """'最高法院93年度台上字第3598號判決' or '包郑照诉苍南县人民政府强制拆除房屋案, No. （1988）浙法民上字 7 号'."""
    m = ZH_COURT_DECISION.find(s)
    if not m or m.start() > 60:
        return None
    out = Parsed(lang="zh", kind_hint="document")
    case_name = _CASE_NAME.match(s)
    number = s[m.start():m.end()].strip("，,。 ")
    out.csl.update({"title": case_name["name"] if case_name else number, "type": "legal_case"})
    if case_name:
        out.csl["number"] = number.removeprefix("No.").strip()
    court = m["court"].strip("（(〔 ").removeprefix("No.").strip()
    if court:
        out.csl["authority"] = court
    return out  # 93年度 is the court's year for the case number, not a date of the decision


def _statute(s: str) -> Parsed | None:
    """A law review article or a statute: the title before the code or journal, which is the container."""
    m = LAW_REVIEW.find(s)
    review = m is not None
    m = m or STATUTE.find(s)
    if not m or m.start() == 0:
        return None
    out = Parsed(lang="en", kind_hint="document")
    before = s[: m.start()].strip(" ,，")
    quoted = _QUOTED_TITLE.search(before)
    out.csl["title"] = quoted["t"].strip(" ,") if quoted else before.split(", ")[0]
    out.csl["container-title"] = m["c"].strip()
    if review:
        out.kind_hint = None
        out.csl["volume"] = m["v"]
        out.csl["type"] = "article-journal"
        author = before[: quoted.start()].strip(" ,，") if quoted else ""
        if author:
            take_people(out, "author", author)
    if m.groupdict().get("p") and not review:
        out.csl["section"] = f"§ {m['p']}"  # a section of a code, not a page
    pinpoint = _PINPOINT_AFTER_YEAR.search(s, m.end())
    page = pinpoint["p"] if pinpoint else m["p"] if review else m.groupdict().get("q")
    if page:
        out.locator = normalize_pages(page)
    volume = _CODE_VOLUME.match(s, m.end())
    if volume:  # 'Exec. Order No. 13,676, C.F.R., Vol.3, 2014'
        out.csl["volume"] = volume["v"]
    year = parse_date(s[m.start():]) or parse_date(before)
    if year:
        set_issued(out, [year[0]])
    return out
