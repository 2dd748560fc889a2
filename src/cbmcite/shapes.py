"""What a citation looks like by its shape alone, before any parsing: the GB/T 7714 type marks and the
forms of law reports, statutes and court decisions. Note detection and parsing both read them."""
from __future__ import annotations

from .lexicon import (COURT_REPORTERS_DE, COURT_REPORTERS_EN, DECISION_BRANCHES_ZH, DECISION_KINDS_ZH, GBT_CARRIERS,
                      GBT_TYPES, LAW_REVIEW_ABBREVIATIONS, NEUTRAL_COURTS_EN, STATUTE_CODES_EN, alternation)
from .rules import rule

_YEAR = r"(?:1[5-9]|20)[0-9]{2}"

# GB/T 7714 (CONVENTIONS §5): [M] book, [J] journal …, with the /OL carrier.
GBT_TYPE_MARK = rule(
    "gbt_type_mark",
    rf"\[(?P<t>{alternation(GBT_TYPES)})(?:/{alternation(GBT_CARRIERS)})?\]",
    "A GB/T 7714 type mark: [M] book, [J] journal, [EB/OL] web page …",
    examples=("王振寰. 资本，劳工与国家机器[M]. 台北: 唐山出版社, 1993: 5.", "林碧炤. 两岸互信[J]. 国防杂志, 2001(3): 3.",
              "中国政府网. 国务院公报[EB/OL]. (2015-03-02)[2020-01-01]. http://www.gov.cn."),
    counterexamples=("Smith [2014] EWCA Civ 1020.", "王振寰，《資本，勞工，與國家機器》（臺北：唐山，1993），頁5。", "[Mimeo]"),
    requires=("[",),
)
GBT_ENTRY_MARK = rule(
    "gbt_entry_mark",
    rf"\S\[{alternation(GBT_TYPES)}(?:/{alternation(GBT_CARRIERS)})?\](?:[.．]|//)",
    "A type mark closing a title ('…[M]. ', '…[A]//'): the signature of a GB/T 7714 entry.",
    examples=("费孝通. 乡土中国[M]. 北京: 三联书店, 1985: 20.", "李明. 论互信[A]//王强. 安全论文集[C]. 北京: 中华书局, 2001.",
              "国务院公报[EB/OL]．(2015-03-02)."),
    counterexamples=("参见 [M] 类文献", "Smith [2014] EWCA Civ 1020.", "费孝通. 乡土中国 [M] 北京"),
    requires=("[",),
)


def entry_mark(text: str) -> bool:
    """A type mark closing a title ('…[M]. ', '…[A]//'): the signature of a GB/T 7714 entry."""
    return bool(GBT_ENTRY_MARK.find(text))


CASE_REPORT = rule(
    "case_report",
    rf"^(?P<title>[^,]+?\sv\.?\s[^,]+?),\s*(?P<v>[0-9]+)\s+(?P<c>{alternation(COURT_REPORTERS_EN)})"
    rf"\s+(?:\([^()]{{1,25}}\)\s+)?(?:at\s+)?(?P<p>[0-9]+)(?:,\s*(?P<pin>[0-9]+(?:[-–][0-9]+)?))?"
    rf"\s*(?:\((?:[^()]*\s)?(?P<y>{_YEAR})\))?",
    "A case in a law report: Name v. Name, volume (parallel report) Reporter first page, pinpoint (year).",
    examples=("Marbury v. Madison, 5 U.S. 137 (1803).", "Brown v. Board of Education, 347 U.S. 483, 495 (1954).",
              "Roe v. Wade, 410 U.S. at 38.", "Marbury v. Madison, 5 U.S. (1 Cranch) 137, 177 (1803)."),
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
    rf"(?:,\s*(?P<pin>[0-9]+(?:[-–][0-9]+)?))?\s*(?:\((?P<y>{_YEAR})\))?",
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
              "“Every Student Succeeds Act,” 20 U.S.C § 6301 (2015)", "“Defining and Delimiting the Exemptions,” 81 F.R. § (2016)"),
    counterexamples=("Status of Forces Agreement",),
    requires=STATUTE_CODES_EN,
)
ZH_STATUTE = rule(
    "zh_statute",
    r"^[《“\"]?(?P<title>[^《》“”\"，,]{2,40}?)[,，]?[》”\"]?\s*(?:[（(][^（）()]{1,30}[）)])?\s*[,，]?\s*(?:§\s*)?"
    r"(?P<sec>第\s*[0-9０-９一二三四五六七八九十百]+\s*[條条])",
    "A Chinese statute by its article (its number or date may come between): 《國家安全法》第5條 / “民法总则,” § 第 27 "
    "条 / 《…的解释》（法释〔2003〕20号）第3条.",
    examples=("《國家安全法》第5條。", "《中華民國憲法》第十條", "“民法总则,” § 第 27 条第 2 款第 3 项 (n.d.), 27.",
              "《最高人民法院关于审理人身损害赔偿案件适用法律若干问题的解释》（法释〔2003〕20号）第3条。",
              "《中华人民共和国国家安全法》（2015年7月1日通过）第11条。"),
    counterexamples=("《國家安全》第5期",),
    requires=("條", "条"),
    anchored=True,
)
ZH_COURT_DECISION = rule(
    "zh_court_decision",
    r"(?P<court>[^，,。；;]{0,20}?)[（(〔\[]?\s*(?P<y>[0-9]{2,4})\s*[）)〕\]]?\s*(?:年度)?\s*(?:\p{Han}|[（(]\p{Han}{1,2}[）)]){1,8}字"
    r"\s*第?\s*(?P<n>[0-9]+)\s*[號号]"
    rf"(?P<kind>{alternation(DECISION_BRANCHES_ZH)}?{alternation(DECISION_KINDS_ZH)})?",
    "A court decision by its case number (and what it is): 最高法院93年度台上字第3598號民事判決 / （2015）民提字第12號.",
    examples=("最高法院93年度台上字第3598號判決", "最高人民法院（2015）民提字第12號", "〔2015〕行提字第5號",
              "包郑照诉苍南县人民政府强制拆除房屋案, No. （1988）浙法民上字 7 号(n.d.).",
              "北京市高級人民法院〔2015〕高民（知）終字第1039號民事判決書"),
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
ZH_INTERPRETATION = rule(
    "zh_interpretation",
    r"(?:司法院)?\s*(?:大法官)?\s*(?:會議)?\s*釋字\s*第\s*(?P<n>[0-9０-９一二三四五六七八九十百〇]+)\s*號(?:解釋)?"
    r"(?:理由書|協同意見書|部分協同部分不同意見書|不同意見書)?",
    "A Constitutional Court interpretation (Taiwan): 司法院釋字第748號解釋 / 大法官釋字第603號解釋理由書.",
    examples=("司法院釋字第748號解釋（民國106年5月24日）。", "大法官釋字第603號解釋理由書。", "釋字第五四五號解釋"),
    counterexamples=("解釋學的方法", "第748號公告"),
    requires=("釋字",),
)
GERMAN_REPORT = rule(
    "german_report",
    rf"\b(?P<c>{alternation(COURT_REPORTERS_DE)})\s+(?P<v>[0-9]+)\s*,\s*(?P<p>[0-9]+)"
    r"(?:\s*\((?P<pin>[0-9]+(?:\s*f{1,2}\.)?)\))?",
    "A German court decision in its official report: 'BVerfGE 7, 198 (208)' (volume, first page, pinpoint).",
    examples=("vgl. BVerfGE 7, 198 (208).", "BGHZ 24, 72"),
    counterexamples=("BVerfG, Beschluss", "BGH 1990"),
    requires=COURT_REPORTERS_DE,
)
LEGAL_RULES = (CASE_REPORT, ZH_CASE_NAME, NEUTRAL_CITATION, LAW_REVIEW, STATUTE, ZH_STATUTE, ZH_COURT_DECISION,
               ZH_INTERPRETATION, GERMAN_REPORT)
