"""Law reports, statutes and court decisions: 'Marbury v. Madison, 5 U.S. 137 (1803)', '88 Harv. L. Rev. 1200',
'Smith v. Jones [2014] EWCA Civ 1020', '123 Stat. 5', '《國家安全法》第5條', '最高法院93年度台上字第3598號'."""
from __future__ import annotations

from ..lexicon import COURT_REPORTERS_EN, LAW_REVIEW_ABBREVIATIONS, NEUTRAL_COURTS_EN, STATUTE_CODES_EN, alternation
from ..normalize import normalize_pages, parse_date
from ..patterns import compile_fast
from ..rules import rule
from .fields import set_issued, take_people, take_url
from .result import Parsed

_YEAR = r"(?:1[5-9]|20)[0-9]{2}"
_CODE_VOLUME = compile_fast(r"\s*[,，]\s*Vol\.?\s*(?P<v>[0-9]+)")
_PINPOINT_AFTER_YEAR = compile_fast(r"\([^()]*(?:[0-9]{4}|n\.d\.)\)\s*,\s*(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?)\s*\.?\s*$")  # '(1966), 13.'
_CASE_NAME = compile_fast(r"^[“\"]?(?P<name>[^，,。“”\"]{2,60}?案)[”\"]?\s*[，,]")  # X诉Y案, …
_QUOTED_TITLE = compile_fast(r"[“\"](?P<t>[^“”\"]+)[”\"]")
CASE_REPORT = rule(
    "case_report",
    rf"^(?P<title>[^,]+?\sv\.?\s[^,]+?),\s*(?P<v>[0-9]+)\s+(?P<c>{alternation(COURT_REPORTERS_EN)})\s+(?:at\s+)?(?P<p>[0-9]+)"
    rf"(?:,\s*[0-9]+(?:[-–][0-9]+)?)?\s*(?:\((?:[^()]*\s)?(?P<y>{_YEAR})\))?",
    "A case in a law report: Name v. Name, volume Reporter first page (year).",
    examples=("Marbury v. Madison, 5 U.S. 137 (1803).", "Brown v. Board of Education, 347 U.S. 483, 495 (1954).",
              "Roe v. Wade, 410 U.S. at 38."),
    counterexamples=("Smith, Theory of Politics, 5 (1990).",),
    requires=(" v. ", " v "),
    anchored=True,
)
NEUTRAL_CITATION = rule(
    "neutral_citation",
    rf"^(?P<title>.+?\sv\.?\s.+?)\s*\[(?P<y>{_YEAR})\]\s*(?P<c>{alternation(NEUTRAL_COURTS_EN)})\s+(?P<p>[0-9]+)",
    "A UK judgment by its neutral citation: Name v. Name [year] Court number.",
    examples=("Smith v. Jones [2014] EWCA Civ 1020.", "R v. Secretary of State [2017] UKSC 5"),
    counterexamples=("Smith [2014] report",),
    requires=("[",),
    anchored=True,
)
LAW_REVIEW = rule(
    "law_review",
    rf"(?:^|(?<=[,，”\"])\s*)(?P<v>[0-9]+)\s+(?P<c>(?:[A-Z][A-Za-z.&'\-]*\s+){{0,4}}{alternation(LAW_REVIEW_ABBREVIATIONS)})\s+(?P<p>[0-9]+)"
    rf"(?:,\s*[0-9]+(?:[-–][0-9]+)?)?\s*(?:\((?P<y>{_YEAR})\))?",
    "A law review article's place: volume, journal abbreviation, first page (year).",
    examples=("Laurence Tribe, “Title,” 88 Harv. L. Rev. 1200 (1975).", "“Note,” 12 Yale L.J. 33, 40 (2001)"),
    counterexamples=("Smith, Law Review Essays, 12.",),
    requires=("Rev.", "L.J.", "L. J.", "L.Q."),
)
STATUTE = rule(
    "statute",
    rf"(?:^|(?<=[,，”\"])\s*)(?:(?P<v>[0-9]+)\s+)?(?P<c>(?:[A-Z][a-z]{{1,5}}\.\s)?{alternation(STATUTE_CODES_EN)})"
    rf"(?:\s*§+\s*(?P<p>[0-9]+)?|\s+(?P<q>[0-9]+))?",
    "A statute or regulation in its code: '123 Stat. 5', '20 U.S.C. § 6301', 'Fla. Stat. § 394', '3 C.F.R.'.",
    examples=("“Lilly Ledbetter Fair Pay Act of 2009,” Pub. L. No. 111-2, 123 Stat. 5 (2009)", "Florida Mental Health Act, Fla. Stat., 2009.",
              "“Every Student Succeeds Act,” 20 U.S.C § 6301 (2015)"),
    counterexamples=("Status of Forces Agreement",),
    requires=("Stat", "U.S.C", "C.F.R"),
)
ZH_STATUTE = rule(
    "zh_statute",
    r"^[《“\"]?(?P<title>[^《》“”\"，,]{2,40}?)[,，]?[》”\"]?\s*[,，]?\s*(?:§\s*)?(?P<sec>第\s*[0-9０-９一二三四五六七八九十百]+\s*[條条])",
    "A Chinese statute by its article: 《國家安全法》第5條 / “民法总则,” § 第 27 条.",
    examples=("《國家安全法》第5條。", "《中華民國憲法》第十條", "“民法总则,” § 第 27 条第 2 款第 3 项 (n.d.), 27."),
    counterexamples=("《國家安全》第5期",),
    requires=("條", "条"),
    anchored=True,
)
ZH_COURT_DECISION = rule(
    "zh_court_decision",
    r"(?P<court>[^，,。；;]{0,20}?)[（(〔\[]?\s*(?P<y>[0-9]{2,4})\s*[）)〕\]]?\s*(?:年度)?\s*\p{Han}{1,6}字\s*第?\s*(?P<n>[0-9]+)\s*[號号]",
    "A court decision by its case number: 最高法院93年度台上字第3598號 / （2015）民提字第12號.",
    examples=("最高法院93年度台上字第3598號判決", "最高人民法院（2015）民提字第12號", "〔2015〕行提字第5號",
              "包郑照诉苍南县人民政府强制拆除房屋案, No. （1988）浙法民上字 7 号(n.d.)."),
    counterexamples=("第5號公告", "2015年第3期"),
    requires=("字",),
)

ZH_CASE_NAME = rule(
    "zh_case_name",
    r"^[“\"「]?\p{Han}{2,40}[訴诉]\p{Han}{2,60}案",
    "A Chinese case by its name: 包郑照诉苍南县人民政府强制拆除房屋案.",
    examples=("包郑照诉苍南县人民政府强制拆除房屋案 at 50.", "陆红霞诉南通市发改委政府信息公开案"),
    counterexamples=("該案的訴訟過程",),
    requires=("訴", "诉"),
    anchored=True,
)
LEGAL_RULES = (CASE_REPORT, ZH_CASE_NAME, NEUTRAL_CITATION, LAW_REVIEW, STATUTE, ZH_STATUTE, ZH_COURT_DECISION)


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
