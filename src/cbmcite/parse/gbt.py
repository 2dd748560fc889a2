"""GB/T 7714 note conventions that are not field parsing: where entries end (同N, the work of note N, is in forms.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..lexicon import (COMPILED_WORK_ENDINGS_ZH, ET_AL, GBT_CSL_TYPES, GBT_PART_CSL_TYPES, NAME_SUFFIXES,
                       ORDINAL_SUFFIXES_EN, TRANSLATED_BY_ZH, VOLUME_WORDS_ZH, alternation)
from ..patterns import compile_fast
from ..rules import rule
from ..shapes import GBT_TYPE_MARK
from ..values import normalize_pages
from .fields import Step, run_steps, set_issued, set_people, take_url_field
from .result import Parsed

_HAN = compile_fast(r"\p{Han}")  # plain: a script test
# [M] book, [J] journal, [EB/OL] online post … (CONVENTIONS §5): the signature of the style

_STOPS = (".", "．")

# After an entry's last page or year, a new entry starts if a type mark comes before the next entry end.
NAME_STOP = rule(
    "gbt_name_stop",
    r"(?<!\b[A-Z]\.(?:[A-Z]\.)*[A-Z])[.．](?:\s+|(?=\p{Han}))",
    "The stop after a GB/T element, before a space or at once before Han (LaTeX output may drop the space); not the "
    "last stop of an initialism ('U.S. CENSUS BUREAU').",
    examples=("王明亮. 關於中國學術期刊", "王明亮.關於中國學術期刊", "CHUA D W B. Title", "U.S. CENSUS BUREAU. Title"),
    counterexamples=("王明亮，關於", "3.5", "U.S. CENSUS"),
    requires=_STOPS,
)
VOLUME_BEFORE = rule(
    "gbt_volume_before_stop",
    r"(?:卷|[Vv]ol\.)\s*[0-9]+$",
    "A volume number before a stop ('全集: 卷 35. 2 版'): the stop is inside the entry, not its end.",
    examples=("馬克思恩格斯全集: 卷 35", "Vol. 3", "vol.12"),
    counterexamples=("北京: 人民出版社, 1995", "卷首"),
    requires=("卷", "ol."),
)
ENTRY_END = rule(
    "gbt_entry_end",
    r"[0-9][.;；]\s",
    "A number then a stop and a space: where a GB/T entry (its year or pages) ends.",
    examples=("北京: 人民出版社, 1995. 王明亮", "2007: 12; 李明"),
    counterexamples=("北京: 人民出版社, 1995", "3.5"),
    requires=(".", ";", "；"),
)


def new_entry_follows(text: str, i: int) -> bool:
    """Whether the full stop at text[i], after a page or a year, ends a GB/T entry that another follows."""
    if i == 0 or not text[i - 1].isdigit() or VOLUME_BEFORE.find(text, max(0, i - 8), i):
        return False  # '馬克思恩格斯全集: 卷 35. 2 版': a volume inside the entry
    rest = text[i + 1:]
    mark = GBT_TYPE_MARK.find(rest)
    if not mark:
        return False
    end = ENTRY_END.find(rest, 0, mark.start())
    return end is None


def inside_title(text: str, i: int) -> bool:
    """Whether text[i] lies in a title: the next type mark follows with no element stop between."""
    mark = GBT_TYPE_MARK.find(text, i)
    return bool(mark) and not NAME_STOP.find(text, i, mark.start())


# --- fields of a GB/T 7714 entry: 责任者. 题名[类型]. 出版地: 出版者, 年: 页码 (CONVENTIONS §5) -----------
LIST_NUMBER = rule(
    "list_number",
    r"^\[\s*[0-9]+\s*\]\s*",
    "The number of a numbered reference list, '[1] ', before a GB/T 7714 entry.",
    examples=("[1] 王明亮. 關於中國學術期刊標準化[J]", "[ 12 ]吴承明：《论二元经济》"),
    counterexamples=("王明亮[1]", "[M]. 北京: 人民出版社"),
    requires=("[",),
    anchored=True,
)
ELEMENT_STOP = rule(
    "gbt_element_stop",
    r"(?<![a-z:.]\s[A-Z])(?<!\b[A-Z]\.(?:[A-Z]\.)*[A-Z])[.．](?:\s+(?![A-Z][.:])|(?=\p{Han}))",
    "The stop between GB/T elements; not inside 'Washington, D. C.' nor after an initial ('Henry L. Stimson') nor "
    "closing an initialism ('//U.S. Department of Commerce').",
    examples=("北京: 人民出版社. 2版", "上海.三联书店", "BRONFENBRENNER U. The Ecology", "Commerce. 131[2019-07-03]"),
    counterexamples=("Washington, D. C.", "Henry L. Stimson", "//U.S. Department of Commerce"),
    requires=_STOPS,
)
NAME_ELEMENT = rule(
    "gbt_name_element",
    r"^(?:[\p{Han}·・〔〕\[\]［］《》]{1,30}|[A-Z][A-Za-z'\-]+(?:\s[A-Z]){1,3}"
    rf"(?:\s{alternation(NAME_SUFFIXES)})?|(?:(?:[A-Z]\.){{2,}}|[A-Z][A-Z'\-]+)(?:\s(?:(?:[A-Z]\.){{2,}}|[A-Z][A-Z'\-]+))*|{alternation(ET_AL)})$",
    "A GB/T name element, family name first: 王明亮, [美]孔飞力, Chua D W B, BRONFENBRENNER U, 等, et al.; a body in "
    "capitals, perhaps with an initialism (U.S. CENSUS BUREAU).",
    examples=("王明亮", "[美]孔飞力", "Chua D W B", "BRONFENBRENNER U", "等", "Smith J IV", "U.S. CENSUS BUREAU"),
    counterexamples=("關於中國學術期刊標準化數據庫系統工程的進展與展望，兼論學術期刊的數位化", "The Ecology of Human Development",
                     "Smith"),
    anchored=True,
)
ET_AL_ELEMENT = rule(
    "gbt_et_al",
    rf"^{alternation(ET_AL)}$",
    "等 / et al. closing a GB/T list of names: the others are not named.",
    examples=("等", "et al", "et al."),
    counterexamples=("等待", "et alia"),
    requires=ET_AL,
    anchored=True,
)
TRANSLATORS = rule(
    "gbt_translators",
    rf"^(?P<t>[^/]+?)\s*[,，]\s*{alternation(TRANSLATED_BY_ZH)}\s*[.．]?\s*",
    "The translators after a GB/T type mark: '[M]. 陈兼, 刘昶, 译. 上海: 三联书店'.",
    examples=("陈兼, 刘昶, 译. 上海: 三联书店, 1999", "黃裕美，譯. 臺北: 聯經"),
    counterexamples=("上海: 三联书店, 1999", "//李明, 主编. 论文集"),
    requires=TRANSLATED_BY_ZH,
    anchored=True,
)
EDITION = rule(
    "gbt_edition",
    rf"^(?:[0-9]+\s*版|[0-9]+{alternation(ORDINAL_SUFFIXES_EN)}\s+ed)\.?$",
    "An edition element: '2 版', '3版', '2nd ed.'.",
    examples=("2 版", "3版", "2nd ed.", "4th ed"),
    counterexamples=("北京: 人民出版社", "第2版本"),
    requires=("版", "ed"),
    anchored=True,
)
MINOR_TITLE = rule(
    "gbt_minor_title",
    r":\s+(?P<tail>[^:]{1,20})$",  # 奧本海國際法: 上卷第一分冊 — a volume, not the title
    "A short part after a colon ends the title: '奧本海國際法: 上卷第一分冊' (a volume when it holds a volume word).",
    examples=("奧本海國際法: 上卷第一分冊", "馬克思恩格斯全集: 卷 35"),
    counterexamples=("奧本海國際法", "標題:副標題"),
    requires=(":",),
)
VOLUME_WORD = rule(
    "gbt_volume_word",
    rf"{alternation(VOLUME_WORDS_ZH)}|[0-9]",
    "A volume word or a number: '上卷第一分冊', '卷 410', '35' are volumes, not publishers.",
    examples=("上卷第一分冊", "卷 410", "35", "第三號"),
    counterexamples=("人民出版社", "Stat"),
)
PAGE_ONLY = rule(
    "gbt_page_only",
    r"^(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?)(?:\s*[(（][0-9\-]+[)）])?$",
    "An element that is only the pages cited (a date may follow in parentheses): '24', '12-15', '23(2018-12-01)'.",
    examples=("24", "12-15", "23(2018-12-01)"),
    counterexamples=("2 版", "新华网"),
    anchored=True,
)
ISO_DATE = rule(
    "gbt_iso_date",
    r"(?P<y>(?:1[5-9]|20)[0-9]{2})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})",
    "A GB/T date, year-month-day: 2018-12-01 (an online item's update or a newspaper's day).",
    examples=("新华网, 2018-12-01", "(2020-3-5)"),
    counterexamples=("12-15", "2018"),
    requires=("-",),
)
PAREN_DATE_ONLY = rule(
    "gbt_paren_date_only",
    r"^[(（][0-9\-]+[)）]$",
    "An element that is only a date in parentheses, '(2018-12-01)': no container nor publisher.",
    examples=("(2018-12-01)", "（2020-03-05）"),
    counterexamples=("(北京)", "2018-12-01"),
    requires=("(", "（"),
    anchored=True,
)
EDITED_WORK = rule(
    "compiled_work_title_zh",
    rf"{alternation(COMPILED_WORK_ENDINGS_ZH)}$",
    "A compiled work's title (論文集, 辭典): the names before it are its editors.",
    examples=("中國法制史論文集", "法學辭典", "汉语大词典"),
    counterexamples=("論文集的編輯", "中國法制史"),
)
YEAR_PAGES = rule(
    "gbt_year_pages",
    r"(?r)(?:[,，]|^|[.．](?=\s))\s*(?P<y>(?:1[5-9]|20)[0-9]{2})(?:\s*[:：]\s*(?P<p>[0-9][0-9\-–~, ]*?))?\s*$",
    "The year and pages closing a GB/T entry: ', 1999: 12-15' / '. 2007'.",
    examples=("北京: 人民出版社, 1999: 12-15", "上海: 三联书店, 2007", "//文集. 2001: 5"),
    counterexamples=("北京: 人民出版社", "(2018-12-01)"),
)
JOURNAL = rule(
    "gbt_journal",
    r"^(?P<j>.+?)\s*[,，]\s*(?P<y>(?:1[5-9]|20)[0-9]{2})(?:\s*[,，]\s*(?P<v>[^(（:：]+?))?"
    r"(?:\s*[(（](?P<i>[^)）]+)[)）])?(?:\s*[:：]\s*(?P<p>[0-9][0-9\-–~, ]*))?\s*$",
    "After [J]: the journal, year, volume (issue): pages: '歷史研究, 1994, 12(2): 98-105'.",
    examples=("歷史研究, 1994, 12(2): 98-105", "International Security, 1999, 22(4): 5", "中國社會科學，2005 (3)"),
    counterexamples=("歷史研究", "北京: 人民出版社"),
    requires=(",", "，"),
    anchored=True,
)
NEWSPAPER_DATE = rule(
    "gbt_newspaper_date",
    r"^(?P<j>.+?)\s*[,，]\s*(?P<y>(?:1[5-9]|20)[0-9]{2})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:\s*[(（](?P<s>[^)）]+)[)）])?(?:\s*[:：]\s*(?P<p>[0-9][0-9\-–]*))?\s*$",
    "After [N]: the newspaper, its day and section: 'New York Times, 1990-06-15(A1): 16' / '人民日报, 2001-05-01(2)'.",
    examples=("New York Times, 1990-06-15(A1): 16", "人民日报, 2001-05-01(2)"),
    counterexamples=("人民日报, 2001", "歷史研究, 1994, 12(2): 98"),
    requires=("-",),
    anchored=True,
)
DATE_IN_PARENS = rule(
    "gbt_date_in_parens",
    r"[(（](?P<y>(?:1[5-9]|20)[0-9]{2})(?:-(?P<m>[0-9]{1,2})(?:-(?P<d>[0-9]{1,2}))?)?[)）]",
    "A date in parentheses, an online item's update or publication: (2018-12-01), (2020).",
    examples=("新华网. 22(2018-12-01)", "（2020）", "(1999-05)"),
    counterexamples=("(A1)", "12(2)"),
    requires=("(", "（"),
)
ACCESSED = rule(
    "gbt_accessed",
    r"\[(?:1[5-9]|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}\]",
    "The date cited in brackets, [2020-01-01]: the access date, not the work's.",
    examples=("http://www.xinhuanet.com[2020-01-01]", "[2019-3-5]"),
    counterexamples=("[M]", "(2020-01-01)"),
    requires=("-",),
)


def gbt_fit(raw: str) -> float:
    return 1.0 if GBT_TYPE_MARK.find(raw) else 0.0  # a type mark [M] [J] [EB/OL] is the style's signature


def parse_gbt(raw: str) -> Parsed | None:
    """The fields of a GB/T 7714 entry, or None when the text has no type mark."""
    s = _without_list_number(raw.strip())
    mark = GBT_TYPE_MARK.find(s)
    if not mark:
        return None
    out = Parsed(lang="zh" if _HAN.search(s[: mark.start()]) else "en")
    s = run_steps(_TEXT_STEPS, s, out)  # URL and date cited follow the type mark: its place stays
    entry = _Entry(s[: mark.start()], mark["t"], s[mark.end():].lstrip(".． "))
    for step in _ENTRY_STEPS:
        step(entry, out)
    return out


def _without_list_number(s: str) -> str:
    number = LIST_NUMBER.find(s)  # '[1] ' of a numbered reference list
    return s[number.end():] if number else s


def _drop_access_date(s: str, out: Parsed) -> str:
    """[2020-01-01], the date cited, and the stops that end the entry."""
    return (ACCESSED.compiled.sub("", s) if ACCESSED.may_match(s) else s).strip().rstrip(".．;；。 ")


@dataclass
class _Entry:
    """A GB/T entry read by its type mark: the names and title before the mark, the mark's type, what follows."""
    before: str
    kind: str
    rest: str
    part: bool = False  # '//': a part of a larger work


def _names_and_title(entry: _Entry, out: Parsed) -> None:
    _responsible_and_title(entry.before, out)


def _translators(entry: _Entry, out: Parsed) -> None:
    """'[M]. 陈兼, 刘昶, 译. 上海: …': the translators right after the type mark."""
    translators = TRANSLATORS.find(entry.rest)
    if translators:
        set_people(out, "translator", (n for n in _elements(translators["t"]) if not ET_AL_ELEMENT.find(n)))
        entry.rest = entry.rest[translators.end():].lstrip(".． ")


def _part_of(entry: _Entry, out: Parsed) -> None:
    """'[M]//专著责任者. 专著题名': a chapter (or paper, article) in the larger work named after //."""
    entry.part = entry.rest.startswith("//")
    if entry.part:
        entry.rest = entry.rest[2:].strip()


def _source(entry: _Entry, out: Parsed) -> None:
    """A journal's or newspaper's issue; otherwise the book, the publication block and the year."""
    if entry.kind in ("J", "N") and not entry.part:
        _journal(entry.rest, out)
    else:
        _container_and_publication(entry.rest, entry.part, out, web=entry.kind == "EB")


def _date_in_parentheses(entry: _Entry, out: Parsed) -> None:
    date = DATE_IN_PARENS.find(entry.rest)
    if "issued" not in out.csl and date:
        set_issued(out, [int(g) for g in date.group("y", "m", "d") if g])


def _csl_type(entry: _Entry, out: Parsed) -> None:
    types = GBT_PART_CSL_TYPES if entry.part else GBT_CSL_TYPES
    out.csl["type"] = types.get(entry.kind, "chapter" if entry.part else "book")


# What stands at the end first (URL, the date cited), then the entry's elements in their order after the type mark.
_TEXT_STEPS: tuple[Step, ...] = (take_url_field, _drop_access_date)
_ENTRY_STEPS: tuple[Callable[[_Entry, Parsed], None], ...] = (
    _names_and_title, _translators, _part_of, _source, _date_in_parentheses, _csl_type)


def _elements(text: str, stop=ELEMENT_STOP.compiled) -> list[str]:
    return [e.strip().strip(".．") for e in stop.split(text) if e.strip().strip(".．")]


def _responsible_and_title(before: str, out: Parsed) -> None:
    elements = _elements(before, NAME_STOP.compiled)  # 'CHUA D W B. Title': an initial may end a name
    names: list[str] = []
    while len(elements) > 1 and NAME_ELEMENT.find(elements[0]):
        names.append(elements.pop(0))
    names = [n for n in names if not ET_AL_ELEMENT.find(n)]
    title = _main_title(". ".join(elements))
    if names:
        role = "editor" if EDITED_WORK.find(title) else "author"
        out.csl[role] = [{"literal": n} for n in names]  # family name first: never split
    out.csl["title"] = title


def _main_title(title: str) -> str:
    minor = MINOR_TITLE.find(title)
    return title[: minor.start()].strip() if minor and VOLUME_WORD.find(minor["tail"]) else title.strip()


def _is_publication(element: str) -> bool:
    """'北京: 人民出版社' or '中國法制出版社', not a volume ('Stat.: 卷 123') or an edition ('2 版')."""
    place, colon, rest = element.rpartition(":")
    if colon:
        return not VOLUME_WORD.compiled.match(rest.strip())
    return not EDITION.find(element) and not element[:1].isdigit()


def _journal(rest: str, out: Parsed) -> None:
    paper = NEWSPAPER_DATE.find(rest)
    if paper:  # [N]: 'New York Times, 1990-06-15(A1): 16'
        out.csl["container-title"] = paper["j"].strip()
        set_issued(out, [int(g) for g in paper.group("y", "m", "d")])
        if paper["s"]:
            out.csl["section"] = paper["s"]
        if paper["p"]:
            out.locator = normalize_pages(paper["p"])
        return
    m = JOURNAL.find(rest)
    if not m:
        out.csl["container-title"] = rest.split(",")[0].strip()
        return
    out.csl["container-title"] = m["j"].strip()
    set_issued(out, [int(m["y"])])
    if m["v"]:
        out.csl["volume"] = m["v"].strip()
    if m["i"]:
        out.csl["issue"] = m["i"].strip()
    if m["p"]:
        out.locator = normalize_pages(m["p"].strip(" ,"))


def _container_and_publication(rest: str, part: bool, out: Parsed, web: bool = False) -> None:
    tail = YEAR_PAGES.find(rest)
    body = rest
    if tail:
        set_issued(out, [int(tail["y"])])
        if tail["p"]:
            out.locator = normalize_pages(tail["p"].strip(" ,"))
        body = rest[: tail.start()]
    elements = [e for e in _elements(body) if not PAREN_DATE_ONLY.find(e)]
    publication = elements.pop() if elements and tail and _is_publication(elements[-1]) else None
    if publication:
        place, colon, publisher = publication.rpartition(": ") if ": " in publication else publication.rpartition(":")
        if colon:
            out.csl["publisher-place"] = place.strip()
            out.csl["publisher"] = publisher.strip()
        elif not EDITION.find(publication) and not publication[:1].isdigit():
            out.csl["publisher"] = publication.strip()
    elements = [e for e in elements if not EDITION.find(e)]
    if elements and PAGE_ONLY.find(elements[-1]):  # '…[A]. 24.' / '//新华网. 22.': the page cited, no year
        out.locator = normalize_pages(PAGE_ONLY.find(elements.pop())["p"])
    if not tail:
        iso = ISO_DATE.find(rest)
        if iso:
            set_issued(out, [int(g) for g in iso.group("y", "m", "d")])
    if part and elements:
        if len(elements) > 1 and not web:  # '//金子宏. 中里実. 租税法と市場': the editors, then the book
            out.csl["editor"] = [{"literal": e} for e in elements[:-1]]
        out.csl["container-title"] = _main_title(elements[-1])  # '//U.S.: 卷 410': the book, not its volume
