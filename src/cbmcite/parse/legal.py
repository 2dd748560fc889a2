"""Law reports, statutes and court decisions: 'Marbury v. Madison, 5 U.S. 137 (1803)', '88 Harv. L. Rev. 1200',
'Smith v. Jones [2014] EWCA Civ 1020', '123 Stat. 5', '《國家安全法》第5條', '最高法院93年度台上字第3598號'."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex as re

from ..rules import rule
from ..shapes import (CASE_REPORT, GERMAN_REPORT, LAW_REVIEW, LEGAL_RULES, NEUTRAL_CITATION, STATUTE, ZH_CASE_NAME,
                      ZH_COURT_DECISION, ZH_INTERPRETATION, ZH_STATUTE)
from ..values import normalize_pages, parse_date
from .fields import set_issued, take_people, take_url
from .names import is_person_name, split_people
from .result import Parsed

CODE_VOLUME = rule(
    "code_volume",
    r"\s*[,，]\s*Vol\.?\s*(?P<v>[0-9]+)",
    "The volume of a code after its name: 'Exec. Order No. 13,676, C.F.R., Vol.3, 2014'.",
    examples=(", Vol.3, 2014", "，Vol 12", " , Vol. 40"),
    counterexamples=(", 2014", " Vol. 3"),
    requires=("Vol",),
    anchored=True,
)
PINPOINT_AFTER_YEAR = rule(
    "pinpoint_after_year",
    r"\([^()]*(?:[0-9]{4}|n\.d\.)\)\s*,\s*(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?)[\s,.]*$",
    "The page cited after a legal citation's dated parentheses: '… (1966), 13.' (its URL taken away: '…, 375, .')",
    examples=("Fla. Stat. § 394.463 (1966), 13.", "123 Stat. 5 (n.d.), 4-5", "Exec. Order No. 13,676 (2014), 7-9.",
              "78 Stat. 241 (1964), 375, ."),
    counterexamples=("Fla. Stat. § 394.463 (1966).", "(1966), 13, see also"),
    requires=(")",),
)
CASE_NAME_ZH = rule(
    "case_name_zh",
    r"^[“\"]?(?P<name>[^，,。“”\"]{2,60}?案)[”\"]?\s*[，,]",
    "A mainland case named before its number: 包郑照诉苍南县人民政府强制拆除房屋案, (1988)浙法民上字7号.",
    examples=("包郑照诉苍南县人民政府强制拆除房屋案, No. （1988）浙法民上字 7 号", "“王某诉李某名誉权案”，（2001）"),
    counterexamples=("最高法院93年度台上字第3598號判決", "案由，"),
    requires=("案",),
    anchored=True,
)
QUOTED_TITLE = rule(
    "quoted_title_en",
    r"[“\"](?P<t>[^“”\"]+)[”\"]",
    "A quoted title before a law review or a code: 'John Hart Ely, “The Wages of Crying Wolf,” 82 Yale L.J. 920'.",
    examples=("John Hart Ely, “The Wages of Crying Wolf,”", 'Ely, "The Wages of Crying Wolf,"'),
    counterexamples=("Marbury v. Madison", "Ely, The Wages"),
    requires=("“", '"'),
)


def legal_fit(raw: str) -> float:
    return 0.9 if any(r.find(raw) for r in LEGAL_RULES) else 0.0


def parse_legal(raw: str) -> Parsed | None:
    """The fields of a legal citation, or None when it is not one."""
    url, s = take_url(raw.strip())
    for take in _FORMS:
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
    out.locator = normalize_pages(m.groupdict().get("pin") or m["p"])  # the page cited, else the first page
    if m["y"]:
        set_issued(out, [int(m["y"])])
    return out


def _chinese_statute(s: str) -> Parsed | None:
    m = ZH_STATUTE.find(s)
    if not m:
        return None
    out = Parsed(lang="zh", kind_hint="document")
    out.csl.update({"title": m["title"], "section": m["sec"]})
    pinpoint = PINPOINT_AFTER_YEAR.find(s, m.end())
    if pinpoint:
        out.locator = normalize_pages(pinpoint["p"])
    date = parse_date(s[m.end("title"):])  # 《…國家安全法》（2015年7月1日通過）第11條: the date may precede the article
    if date:
        set_issued(out, date)
    return out


def _court_decision(s: str) -> Parsed | None:
    """'最高法院93年度台上字第3598號判決' or '包郑照诉苍南县人民政府强制拆除房屋案, No. （1988）浙法民上字 7 号'."""
    m = ZH_COURT_DECISION.find(s)
    if not m or m.start() > 60:
        return None
    out = Parsed(lang="zh", kind_hint="document")
    case_name = CASE_NAME_ZH.find(s)
    number = s[m.start():m.end()].strip("，,。 ")
    out.csl.update({"title": case_name["name"] if case_name else number, "type": "legal_case"})
    if case_name:
        out.csl["number"] = number.removeprefix("No.").strip()
    court = m["court"].strip("（(〔 ").removeprefix("No.").strip()
    if court:
        out.csl["authority"] = court
    return out  # 93年度 is the court's year for the case number, not a date of the decision


def _interpretation(s: str) -> Parsed | None:
    """'司法院釋字第748號解釋（民國106年5月24日）': a Constitutional Court interpretation, titled as printed."""
    m = ZH_INTERPRETATION.find(s)
    if not m or m.start() > 10:
        return None
    out = Parsed(lang="zh", kind_hint="document")
    out.csl.update({"title": m.group(0).strip(), "type": "legal_case"})
    date = parse_date(s[m.end():])
    if date:
        set_issued(out, date)
    return out


def _german_report(s: str) -> Parsed | None:
    """'BVerfGE 7, 198 (208)': the report, its volume, and the page cited (else the first page)."""
    m = GERMAN_REPORT.find(s)
    if not m or m.start() > 0:
        return None
    out = Parsed(lang="en", kind_hint="document")
    out.csl.update({"container-title": m["c"], "volume": m["v"], "type": "legal_case"})
    out.locator = normalize_pages((m["pin"] or m["p"]).rstrip("f. "))
    return out


def _statute(s: str) -> Parsed | None:
    """A law review article or a statute: the title before the code or journal, which is the container."""
    m = LAW_REVIEW.find(s)
    review = m is not None
    m = m or STATUTE.find(s)
    if not m or m.start() == 0:
        return None
    before = s[: m.start()].strip(" ,，")
    quoted = QUOTED_TITLE.find(before)
    if quoted and before[: quoted.start()].strip() and not before[: quoted.start()].rstrip().endswith((",", "，")):
        quoted = None  # 'Henkin, Is There a “Political Question” Doctrine?': a quote inside the title
    cited = _Cited(s, m, review, before, quoted)
    out = Parsed(lang="en", kind_hint="document")
    for step in _CITED_STEPS:
        step(cited, out)
    return out


@dataclass
class _Cited:
    """A law review or a code found in a citation: its match, and the words before it (author, quoted title)."""
    s: str
    m: re.Match
    review: bool  # a law review article, not a code
    before: str
    quoted: re.Match | None


def _title_and_container(c: _Cited, out: Parsed) -> None:
    out.csl["title"] = c.quoted["t"].strip(" ,") if c.quoted else _unquoted_title(c)
    out.csl["container-title"] = c.m["c"].strip()


def _unquoted_title(c: _Cited) -> str:
    """Bluebook sets a title in italics, lost in text: 'Author, Title, 83 Colum. L. Rev. 1' — the title follows the
    authors' names; a code's title stands alone ('Florida Mental Health Act, Fla. Stat.'), its commas followed by
    lower-case words its own ('… for executive, administrative, professional …, F.R.')."""
    head, _, rest = c.before.partition(", ")
    if c.review and rest and _names_only(head):
        return rest.strip()
    while rest and rest[:1].islower():  # 'Defining … for executive, administrative, professional …': one title
        part, _, rest = rest.partition(", ")
        head = f"{head}, {part}"
    return head


def _names_only(text: str) -> bool:
    return all(is_person_name(n) for n in split_people(text))


def _review_article(c: _Cited, out: Parsed) -> None:
    """'John Hart Ely, “The Wages of Crying Wolf,” 82 Yale L.J. 920' or 'Henry P. Monaghan, Marbury and the
    Administrative State, 83 Colum. L. Rev. 1': volume, type and the authors before the title."""
    if not c.review:
        return
    out.kind_hint = None
    out.csl["volume"] = c.m["v"]
    out.csl["type"] = "article-journal"
    author = c.before[: c.quoted.start()].strip(" ,，") if c.quoted else c.before.partition(", ")[0]
    if author and (c.quoted or _names_only(author)):
        take_people(out, "author", author)


def _code_section(c: _Cited, out: Parsed) -> None:
    if c.m.groupdict().get("p") and not c.review:
        out.csl["section"] = f"§ {c.m['p']}"  # a section of a code, not a page


def _pinpoint(c: _Cited, out: Parsed) -> None:
    """The page cited: after the dated parentheses, else the review's first page or the code's page."""
    pinpoint = PINPOINT_AFTER_YEAR.find(c.s, c.m.end())
    page = pinpoint["p"] if pinpoint else (c.m["pin"] or c.m["p"]) if c.review else c.m.groupdict().get("q")
    if page:
        out.locator = normalize_pages(page)


def _code_volume(c: _Cited, out: Parsed) -> None:
    volume = CODE_VOLUME.find(c.s, c.m.end())
    if volume:  # 'Exec. Order No. 13,676, C.F.R., Vol.3, 2014'
        out.csl["volume"] = volume["v"]


def _year(c: _Cited, out: Parsed) -> None:
    dated = c.m.groupdict().get("y")  # '118 Harv. L. Rev. 2047, 2050 (2005)': not the page 2047
    year = [int(dated)] if dated else parse_date(c.s[c.m.start():]) or parse_date(c.before)
    if year:
        set_issued(out, [year[0]])


# A law review article or a code section: title and container, then the numbers after the container.
_CITED_STEPS: tuple[Callable[[_Cited, Parsed], None], ...] = (
    _title_and_container, _review_article, _code_section, _pinpoint, _code_volume, _year)
# The legal forms, the first that fits reads the citation.
_FORMS = (_case, _chinese_statute, _court_decision, _interpretation, _german_report, _statute)
