"""GB/T 7714 note conventions that are not field parsing: where entries end (同N, the work of note N, is in forms.py)."""
from __future__ import annotations

from ..lexicon import COMPILED_WORK_ENDINGS_ZH, alternation
from ..normalize import normalize_pages
from ..patterns import compile_fast
from ..rules import rule
from ..shapes import TYPE_MARK, entry_mark
from .fields import set_issued, set_people, take_url_field
from .result import Parsed

_HAN = compile_fast(r"\p{Han}")
# [M] book, [J] journal, [EB/OL] online post … (CONVENTIONS §5): the signature of the style

# After an entry's last page or year, a new entry starts if a type mark comes before the next entry end.
_NAME_STOP = compile_fast(r"[.．](?:\s+|(?=\p{Han}))")  # LaTeX output may drop the space: 王明亮.關於
_VOLUME_BEFORE = compile_fast(r"(?:卷|[Vv]ol\.)\s*[0-9]+$")
_ENTRY_END = compile_fast(r"[0-9][.;；]\s")


def new_entry_follows(text: str, i: int) -> bool:
    """Whether the full stop at text[i], after a page or a year, ends a GB/T entry that another follows."""
    if i == 0 or not text[i - 1].isdigit() or _VOLUME_BEFORE.search(text, max(0, i - 8), i):
        return False  # '馬克思恩格斯全集: 卷 35. 2 版': a volume inside the entry
    rest = text[i + 1:]
    mark = TYPE_MARK.search(rest)
    if not mark:
        return False
    end = _ENTRY_END.search(rest, 0, mark.start())
    return end is None


def inside_title(text: str, i: int) -> bool:
    """Whether text[i] lies in a title: the next type mark follows with no element stop between."""
    mark = TYPE_MARK.search(text, i)
    return bool(mark) and not _NAME_STOP.search(text, i, mark.start())


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
_KIND = {"M": "book", "J": "article-journal", "N": "article-newspaper", "D": "thesis", "R": "report",
         "C": "book", "S": "standard", "P": "patent", "EB": "webpage", "G": "book", "A": "legislation"}
_PART_KIND = {"M": "chapter", "C": "paper-conference", "A": "legislation", "EB": "webpage"}  # with //: a part of a larger work
# not inside "Washington, D. C." nor after a given name's initial ("Henry L. Stimson"); "BRONFENBRENNER U." ends
_ELEMENT_STOP = compile_fast(r"(?<![a-z:.]\s[A-Z])[.．](?:\s+(?![A-Z][.:])|(?=\p{Han}))")
_NAME_ELEMENT = compile_fast(r"^(?:[\p{Han}·・〔〕\[\]［］《》]{1,30}|[A-Z][A-Za-z'\-]+(?:\s[A-Z]){1,3}(?:\s(?:Jr|Sr|II|III))?|[A-Z][A-Z'\-]+(?:\s[A-Z][A-Z'\-]+)*|等|et al)$")
_ETAL = compile_fast(r"^(?:等|et al\.?)$")
_TRANSLATORS = compile_fast(r"^(?P<t>[^/]+?)\s*[,，]\s*(?:譯|译)\s*[.．]?\s*")
_EDITION = compile_fast(r"^(?:[0-9]+\s*版|[0-9]+(?:st|nd|rd|th)\s+ed)\.?$")
_MINOR_TITLE = compile_fast(r":\s+(?P<tail>[^:]{1,20})$")  # 奧本海國際法: 上卷第一分冊 — a volume, not the title
_VOLUME_WORDS = compile_fast(r"[卷冊册號号第0-9]")
_PAGE_ONLY = compile_fast(r"^(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?)(?:\s*[(（][0-9\-]+[)）])?$")  # '23(2018-12-01)'
_ISO_DATE = compile_fast(r"(?P<y>(?:1[5-9]|20)[0-9]{2})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})")
_PAREN_DATE_ONLY = compile_fast(r"^[(（][0-9\-]+[)）]$")
EDITED_WORK = rule(
    "compiled_work_title_zh",
    rf"{alternation(COMPILED_WORK_ENDINGS_ZH)}$",
    "A compiled work's title (論文集, 辭典): the names before it are its editors.",
    examples=("中國法制史論文集", "法學辭典", "汉语大词典"),
    counterexamples=("論文集的編輯", "中國法制史"),
)
_YEAR_PAGES = compile_fast(r"(?r)(?:[,，]|^|[.．](?=\s))\s*(?P<y>(?:1[5-9]|20)[0-9]{2})(?:\s*[:：]\s*(?P<p>[0-9][0-9\-–~, ]*?))?\s*$")
_JOURNAL = compile_fast(
    r"^(?P<j>.+?)\s*[,，]\s*(?P<y>(?:1[5-9]|20)[0-9]{2})(?:\s*[,，]\s*(?P<v>[^(（:：]+?))?"
    r"(?:\s*[(（](?P<i>[^)）]+)[)）])?(?:\s*[:：]\s*(?P<p>[0-9][0-9\-–~, ]*))?\s*$"
)
_NEWSPAPER_DATE = compile_fast(
    r"^(?P<j>.+?)\s*[,，]\s*(?P<y>(?:1[5-9]|20)[0-9]{2})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"
    r"(?:\s*[(（](?P<s>[^)）]+)[)）])?(?:\s*[:：]\s*(?P<p>[0-9][0-9\-–]*))?\s*$"
)
_DATE_IN_PARENS = compile_fast(r"[(（](?P<y>(?:1[5-9]|20)[0-9]{2})(?:-(?P<m>[0-9]{1,2})(?:-(?P<d>[0-9]{1,2}))?)?[)）]")
_ACCESSED = compile_fast(r"\[(?:1[5-9]|20)[0-9]{2}-[0-9]{1,2}-[0-9]{1,2}\]")


def gbt_fit(raw: str) -> float:
    return 1.0 if TYPE_MARK.search(raw) else 0.0  # a type mark [M] [J] [EB/OL] is the style's signature


def parse_gbt(raw: str) -> Parsed | None:
    """The fields of a GB/T 7714 entry, or None when the text has no type mark."""
    s = raw.strip()
    number = LIST_NUMBER.find(s)  # '[1] ' of a numbered reference list
    s = s[number.end():] if number else s
    mark = TYPE_MARK.search(s)
    if not mark:
        return None
    out = Parsed(lang="zh" if _HAN.search(s[: mark.start()]) else "en")
    s = take_url_field(s, out)
    s = _ACCESSED.sub("", s).strip().rstrip(".．;；。 ")
    kind = mark["t"]
    _responsible_and_title(s[: mark.start()], out)
    rest = s[mark.end():].lstrip(".． ")
    translators = _TRANSLATORS.match(rest)
    if translators:
        set_people(out, "translator", (n for n in _elements(translators["t"]) if not _ETAL.match(n)))
        rest = rest[translators.end():].lstrip(".． ")
    part = rest.startswith("//")
    if part:
        rest = rest[2:].strip()
    if kind in ("J", "N") and not part:
        _journal(rest, out)
    else:
        _container_and_publication(rest, part, out, web=kind == "EB")
    date = _DATE_IN_PARENS.search(rest)
    if "issued" not in out.csl and date:
        set_issued(out, [int(g) for g in date.group("y", "m", "d") if g])
    out.csl["type"] = _PART_KIND.get(kind, "chapter") if part else _KIND.get(kind, "book")
    return out


def _elements(text: str, stop=_ELEMENT_STOP) -> list[str]:
    return [e.strip().strip(".．") for e in stop.split(text) if e.strip().strip(".．")]


def _responsible_and_title(before: str, out: Parsed) -> None:
    elements = _elements(before, _NAME_STOP)  # 'CHUA D W B. Title': an initial may end a name
    names: list[str] = []
    while len(elements) > 1 and _NAME_ELEMENT.match(elements[0]):
        names.append(elements.pop(0))
    names = [n for n in names if not _ETAL.match(n)]
    title = _main_title(". ".join(elements))
    if names:
        role = "editor" if EDITED_WORK.find(title) else "author"
        out.csl[role] = [{"literal": n} for n in names]  # family name first: never split
    out.csl["title"] = title


def _main_title(title: str) -> str:
    minor = _MINOR_TITLE.search(title)
    return title[: minor.start()].strip() if minor and _VOLUME_WORDS.search(minor["tail"]) else title.strip()


def _is_publication(element: str) -> bool:
    """'北京: 人民出版社' or '中國法制出版社', not a volume ('Stat.: 卷 123') or an edition ('2 版')."""
    place, colon, rest = element.rpartition(":")
    if colon:
        return not _VOLUME_WORDS.match(rest.strip())
    return not _EDITION.match(element) and not element[:1].isdigit()


def _journal(rest: str, out: Parsed) -> None:
    paper = _NEWSPAPER_DATE.match(rest)
    if paper:  # [N]: 'New York Times, 1990-06-15(A1): 16'
        out.csl["container-title"] = paper["j"].strip()
        set_issued(out, [int(g) for g in paper.group("y", "m", "d")])
        if paper["s"]:
            out.csl["section"] = paper["s"]
        if paper["p"]:
            out.locator = normalize_pages(paper["p"])
        return
    m = _JOURNAL.match(rest)
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
    tail = _YEAR_PAGES.search(rest)
    body = rest
    if tail:
        set_issued(out, [int(tail["y"])])
        if tail["p"]:
            out.locator = normalize_pages(tail["p"].strip(" ,"))
        body = rest[: tail.start()]
    elements = [e for e in _elements(body) if not _PAREN_DATE_ONLY.match(e)]
    publication = elements.pop() if elements and tail and _is_publication(elements[-1]) else None
    if publication:
        place, colon, publisher = publication.rpartition(": ") if ": " in publication else publication.rpartition(":")
        if colon:
            out.csl["publisher-place"] = place.strip()
            out.csl["publisher"] = publisher.strip()
        elif not _EDITION.match(publication) and not publication[:1].isdigit():
            out.csl["publisher"] = publication.strip()
    elements = [e for e in elements if not _EDITION.match(e)]
    if elements and _PAGE_ONLY.match(elements[-1]):  # '…[A]. 24.' / '//新华网. 22.': the page cited, no year
        out.locator = normalize_pages(_PAGE_ONLY.match(elements.pop())["p"])
    if not tail:
        iso = _ISO_DATE.search(rest)
        if iso:
            set_issued(out, [int(g) for g in iso.group("y", "m", "d")])
    if part and elements:
        if len(elements) > 1 and not web:  # '//金子宏. 中里実. 租税法と市場': the editors, then the book
            out.csl["editor"] = [{"literal": e} for e in elements[:-1]]
        out.csl["container-title"] = _main_title(elements[-1])  # '//U.S.: 卷 410': the book, not its volume
