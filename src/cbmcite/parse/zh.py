"""Chinese citations: Taiwan 〈篇名〉《刊名》 and 「」 styles, mainland 作者：《题名》 (GB/T 7714 entries: gbt.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex as re

from ..lexicon import (ACCESS_DATE_LEADS_ZH, CHAPTER_LEAD_ZH, CONFERENCE_LEADS_ZH, JOURNAL_BEFORE_BAO_ZH,
                       LEGAL_DOCUMENT_ENDINGS_ZH, NEWS_AGENCIES_ZH, NEWSPAPER_ENDINGS_ZH, PUBLISHER_ENDINGS_AFTER_PLACE_ZH,
                       PUBLISHER_ENDINGS_ZH, REPORT_TITLE_WORDS_ZH, ROLE_AUTHOR_ZH, ROLE_EDITOR_ZH, ROLE_TRANSLATOR_ZH,
                       THESIS_WORDS_ZH, alternation)
from ..normalize import chinese_number, fold_compat, parse_date
from ..patterns import compile_fast, search_tail
from ..rules import rule
from .names import ROLE_WORDS_ZH, split_people
from .fields import (Step, run_steps, set_issued, set_people, set_publication, set_volume_issue, take_pages, take_people,
                     take_url_field)
from .result import Parsed

_LIST_NUMBER = compile_fast(r"^\[\s*[0-9]+\s*\]\s*")
# a book title may hold another: 《關於《…法》的說明》
_THESIS_WORD = alternation(THESIS_WORDS_ZH)  # 碩士論文, 博士學位論文 …
_TITLE_MARKS = compile_fast(r"〈(?P<a>[^〈〉]+)〉|<(?P<a2>[^<>]+)>|《(?P<b>(?:[^《》]|《[^《》]*》)+)》|『(?P<b2>[^『』]+)』|「(?P<q>[^「」]+)」")
_FIRST_SEGMENT = compile_fast(r"^([^，,（(]{2,60})")
_NOT_TITLE_START = compile_fast(r"^(?:第|[0-9]|民國|頁|页)")
_HEAD_SEGMENT = compile_fast(r"^([^，,：:]{1,40})[，,：:]")
_COLON = compile_fast(r"[：:︰]")
_TRANSLATOR_TAIL = compile_fast(r"[、，,]\s*(?P<t>[^、，,]+?)\s*(?:譯|译)$")
_ROMANISED = compile_fast(r"[（(][A-Za-z .,'\-]+[）)]")
_ROLE_KEY = {**{w: "author" for w in ROLE_AUTHOR_ZH}, **{w: "editor" for w in ROLE_EDITOR_ZH},
             **{w: "translator" for w in ROLE_TRANSLATOR_ZH}}
_ROLE_AFTER_NAME = compile_fast(rf"{alternation(tuple(_ROLE_KEY))}$")
_NAME_SEP = compile_fast(r"[，,、；;]")
_EDITOR_TAIL = compile_fast(rf"{alternation(ROLE_EDITOR_ZH)}$")
_BARE_JOURNAL = compile_fast(r"\s*[，,]\s*(?P<j>[^，,（(0-9第]{2,30}?)\s*(?:[，,（(]|第|[0-9])")
_BARE_PUB_BLOCK = compile_fast(r"(?:^|[，,])\s*(?P<body>[^，,：:《》〈〉]{2,10}[：:︰][^，,：:]{2,40})(?=[，,]\s*(?:[0-9一二]|民)|\s*$)")
_COLON_KEEP = compile_fast(r"([：:︰])")
_ZH_COMMA = compile_fast(r"[，,]")
_MARKED_TITLES = compile_fast(r"《[^》]*》|〈[^〉]*〉|「[^」]*」")
REPORT_TITLE_ZH = rule(
    "report_title_zh",
    alternation(REPORT_TITLE_WORDS_ZH),
    "A Chinese title or citation naming a report or a white paper.",
    examples=("《中國的軍事戰略》白皮書", "《2019年國防報告書》", "《世界投资报告》"),
    counterexamples=("《報業史》", "《白話文學史》"),
    requires=("報告", "报告", "白皮"),
)

_NUM = r"[0-9０-９〇○零一二三四五六七八九十百]+"
_PAGES = compile_fast(
    r"(?r)[，,、]?\s*(?:(?:頁|页)\s*(?P<a>[0-9０-９]+[a-z上下]?(?:\s*[-–~～、,]\s*[0-9０-９]+[a-z上下]?)*)"
    r"|第\s*(?P<b>[0-9０-９]+(?:\s*[-–~～]\s*[0-9０-９]+)?)\s*(?:頁|页)"
    r"|(?P<c>[0-9０-９]+(?:\s*[-–~～]\s*[0-9０-９]+)?)\s*(?:頁|页)(?![面數数碼码])"
    r"|(?<=[\]）)]\s*[:：])\s*(?P<d>[0-9]+(?:\s*[-–]\s*[0-9]+)?)"
    # mainland: a bare page after the edition, issue or title: …2007年版，44。
    r"|(?<=(?:版|期|論文|论文|》)\s*[，,])\s*(?!(?:1[5-9]|20)[0-9]{2}\s*[。.]?\s*$)(?P<e>[0-9]{1,4}(?:\s*[-–~～]\s*[0-9]{1,4})?))"
    r"\s*[。.]?\s*$"
)
_PAGES_INSIDE = compile_fast(
    r"[，,]\s*(?:(?:頁|页)\s*(?P<a>[0-9]+(?:\s*[-–~～]\s*[0-9]+)?)|第\s*(?P<b>[0-9]+(?:\s*[-–]\s*[0-9]+)?)\s*[頁页]"
    r"|(?P<c>(?!))|(?P<d>(?!))|(?P<e>(?!)))\s*(?=[，,])"
)
_AUTHOR_YEAR = compile_fast(r"^(?P<a>[^，,（(《〈]{1,30})[（(]\s*(?P<y>(?:1[5-9]|20)[0-9]{2}|民國?\s*[0-9]{2,3})\s*[）)]")
CONFERENCE_ZH = rule(
    "conference_zh",
    rf"{alternation(CONFERENCE_LEADS_ZH)}\s*[「『《]?(?P<c>[^」』》，,（(]+)",
    "A paper presented at a conference: 發表於「研討會」, 提交于…会议.",
    examples=("〈論文〉，發表於「兩岸關係研討會」，臺北", "《论文》，提交于中国法学会年会，2005年"),
    counterexamples=("〈論文〉，《期刊》第3卷第2期", "發表，"),
    requires=("發表", "发表", "宣讀", "宣读", "提交"),
)
_EDITION = compile_fast(r"第\s*(?P<e>[0-9一二三四五六七八九十]+)\s*版(?=\s*[（(，,])")
_TRANSLATED_AFTER = compile_fast(r"》\s*[，,]\s*(?P<t>[^，,《》（(]{2,20}?)\s*(?:譯|译)(?:[，,（(]|$)")
PLACE_COMMA_PUBLISHER = rule(
    "place_comma_publisher_zh",
    r"[，,]\s*(?P<place>[^，,：:《》〈〉0-9]{2,6})\s*[，,]\s*"
    rf"(?P<pub>[^，,《》〈〉]{{2,24}}{alternation(PUBLISHER_ENDINGS_AFTER_PLACE_ZH)})(?=[，,])",
    "Mainland notes: the place, a comma and the publisher, with no colon: …，上海，三联书店，1999年版.",
    examples=("《乡土中国》，上海，三联书店，1999年版", "《书》，北京，商务出版，2001年"),
    counterexamples=("《书》，北京：三联书店，1999年", "《书》，上海，1999年"),
    requires=("出版", "書店", "书店", "書局", "书局", "公司"),
)
_VOLUME = compile_fast(rf"第\s*(?P<v>{_NUM})\s*卷|(?P<v2>[0-9]+)\s*卷(?=\s*[0-9第])|(?i:vol\.?\s*(?P<v3>[0-9]+))")
_ISSUE = compile_fast(rf"總?第\s*(?P<i>{_NUM})\s*期|(?<=卷\s*)(?P<i2>[0-9]+)\s*期|(?i:no\.?\s*(?P<i3>[0-9]+))|年第(?P<i4>[0-9]+)期")
_SECTION = compile_fast(r"第?\s*(?P<s>[A-Z]?[0-9]+)\s*版(?!本|社)|版\s*(?P<s2>[A-Z]?[0-9]+)(?![0-9])")
# 《聯合報》《中國時報》《人民日報》 are newspapers; 學報, 通報, 季報… are journals
NEWSPAPER_NAME_ZH = rule(
    "newspaper_name_zh",
    rf"(?<!{'|'.join(JOURNAL_BEFORE_BAO_ZH)})報$|{alternation(NEWSPAPER_ENDINGS_ZH)}$",
    "A newspaper's name ends in 報 (not 學報, 通報, 季報 … which are journals), 日报, 时报 or 晚报.",
    examples=("聯合報", "中國時報", "人民日报", "北京晚报"),
    counterexamples=("臺大法學論叢學報", "東方雜誌", "國際通報", "经济学季报"),
    requires=("報", "报"),
)
_THESIS = compile_fast(_THESIS_WORD)
_CHAPTER_LEAD = compile_fast(rf"{alternation(CHAPTER_LEAD_ZH)}\s*")
_EDITOR = compile_fast(rf"(?P<e>[^，,；;：:《〈「]+?)\s*{alternation(ROLE_EDITOR_ZH)}\s*[，,：:]?\s*$")
# a publisher named before its year, no place: （北京大學出版社，2007） ，商務印書館，1971 出版社2007年版
_PUBLISHER_YEAR = compile_fast(
    rf"(?:^|[（(，,〈])\s*(?P<pub>[^，,（()）〈〉《》：:]{{2,40}}?(?:{alternation(PUBLISHER_ENDINGS_ZH)}|[A-Za-z.])|"
    rf"[^，,（()）〈〉《》：:]{{2,30}}?{_THESIS_WORD})"
    rf"\s*[，,]?\s*(?P<y>(?:1[5-9]|20)[0-9]{{2}}|民國\s*[0-9]{{2,3}})\s*年?\s*(?:版|[）)，,。]|$|(?={_THESIS_WORD}))"
)
# in parentheses after a title any name before the year is its publisher: 《民法総則物権法》（有斐閣，1950年）
_PAREN_PUBLISHER_YEAR = compile_fast(
    r"(?:^|》)\s*[（(]\s*(?P<pub>[^，,（()）〈〉《》：:0-9]{2,24})\s*[，,]\s*(?P<y>(?:1[5-9]|20)[0-9]{2}|民國\s*[0-9]{2,3})\s*年?\s*[）)]"
)
# law style: 詹森林（1984），《書》，頁30，國立臺灣大學法律學系碩士論文。
_THESIS_LAST = compile_fast(rf"[，,]\s*(?P<pub>[^，,（()）〈〉《》：:]{{2,30}}?{_THESIS_WORD})\s*[。.]?\s*$")
_LEGAL_TITLE = compile_fast(rf"{alternation(LEGAL_DOCUMENT_ENDINGS_ZH)}$")
_DATE_ONLY = compile_fast(
    r"\s*[，,：:]\s*(?:民國)?\s*[0-9]{2,4}\s*年(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)?\s*(?P<v>版)?\s*[。.]?\s*$"
)
_THESIS_TAIL = compile_fast(rf"\s*{_THESIS_WORD}$")
_PUB_BLOCK = compile_fast(r"[（(〈<]\s*(?P<body>[^（）()〈〉<>]*[：:︰][^（）()〈〉<>]*)\s*[）)〉>]")
_PUBLISHER_END = compile_fast(rf"{alternation(PUBLISHER_ENDINGS_ZH)}$")
ACCESS_DATE_ZH = rule(
    "access_date_zh",
    rf"[（(]?\s*{alternation(ACCESS_DATE_LEADS_ZH)}日期\s*[：:]?[^）)]*[）)]?",
    "An access date, in parentheses or not: （瀏覽日期：2020年1月1日）, 检索日期：2019年.",
    examples=("網址：http://x.tw（瀏覽日期：2020年1月1日）", "检索日期：2019年3月"),
    counterexamples=("《日期與時間》", "出版日期：2019年"),
    requires=("日期",),
)


def parse_chinese(raw: str) -> Parsed:
    out = Parsed(lang="zh")
    run_steps(_STEPS, fold_compat(raw.strip()), out)
    return out


def _drop_list_number_and_access(s: str, out: Parsed) -> str:
    s = _LIST_NUMBER.sub("", s)  # GB/T list number
    return ACCESS_DATE_ZH.compiled.sub("", s) if ACCESS_DATE_ZH.may_match(s) else s


def _url(s: str, out: Parsed) -> str:
    return take_url_field(s, out).strip().rstrip("。.；;").strip()


def _pages(s: str, out: Parsed) -> str:
    """頁12 / 第12頁 / 12頁 / ]: 12 / a bare mainland page after 版, 期 or a title; at the end, or inside before more."""
    return take_pages(s, out, search_tail(_PAGES, s) or _PAGES_INSIDE.search(s), strip="，,：: ")


def _taiwan_style(s: str, out: Parsed) -> str:
    _parse_taiwan_style(s, out)
    return ""


def _take_author_year(s: str, out: Parsed) -> str:
    """Law style: 王澤鑑（1999），《…》"""
    m = _AUTHOR_YEAR.match(s)
    if not m:
        return s
    date = parse_date(m["y"] if not m["y"].startswith("民") else m["y"] + "年")
    if date:
        set_issued(out, date)
    return m["a"] + s[m.end():]


@dataclass
class _Marked:
    """A citation read by its title marks: the text, the author part before the first mark, the titles found and
    what follows the last title (where the publication block, volume and date stand)."""
    s: str
    head: str
    titles: dict
    rest: str

    @property
    def article(self) -> str | None:
        return self.titles.get("article")

    @property
    def books(self) -> list[str]:
        return self.titles.get("books", [])

    @property
    def has_marked_title(self) -> bool:
        return bool(self.article or self.books or self.titles.get("quoted"))


def _parse_taiwan_style(s: str, out: Parsed) -> None:
    head, titles = _titles(s)
    marked = _Marked(s, head, titles, s[titles.get("end", 0):])
    if not marked.has_marked_title and _untitled(s, head, out):
        return
    for step in _MARKED_STEPS:
        step(marked, out)


def _people_before_titles(m: _Marked, out: Parsed) -> None:
    _people(m.head, out)
    if not m.has_marked_title:
        _bare_title(m.s, m.head, m.titles)


def _title_and_container(m: _Marked, out: Parsed) -> None:
    """〈篇名〉《刊名》, 《篇名》《書名》, 《書名》 or 「篇名」 and a bare journal after it."""
    csl, books = out.csl, m.books
    if m.article:
        csl["title"] = m.article
        if books:
            csl["container-title"] = books[0]
    elif len(books) >= 2:
        csl["title"], csl["container-title"] = books[0], books[1]
    elif books:
        csl["title"] = books[0]
    elif m.titles.get("quoted"):
        csl["title"] = m.titles["quoted"]
        journal = _bare_journal(m.s, m.titles["quoted_end"])
        if journal:
            csl["container-title"] = journal


def _chapter_editors(m: _Marked, out: Parsed) -> None:
    """收錄於X主編，《書》 (Taiwan) and 作者：《篇名》，載X主編：《書名》 (mainland): a chapter and its book's editors."""
    s, books = m.s, m.books
    chapter = _CHAPTER_LEAD.search(s)
    if chapter and m.article and (not books or s.find(books[0]) > chapter.start()):
        ed = _editor_after(s, chapter)
        if ed:
            take_people(out, "editor", ed)
        out.kind_hint = "chapter"
    elif chapter and not m.article and len(books) >= 2 and s.find(books[0]) < chapter.start():
        ed = _editor_after(s, chapter)
        if ed:
            take_people(out, "editor", ed)
            out.kind_hint = "chapter"
    if "title" not in out.csl and m.titles.get("bare"):
        out.csl["title"] = m.titles["bare"]


def _conference(m: _Marked, out: Parsed) -> None:
    conference = CONFERENCE_ZH.find(m.s)
    if conference:
        out.csl["container-title"] = conference["c"].strip()
        out.kind_hint = "paper-conference"


def _translator_after_title(m: _Marked, out: Parsed) -> None:
    """《書名》，Y譯: the translators after the title."""
    translated = _TRANSLATED_AFTER.search(m.s)
    if translated and "translator" not in out.csl:
        take_people(out, "translator", translated["t"])


def _publication_after_titles(m: _Marked, out: Parsed) -> None:
    _publication_block(m.rest, out)
    _volume_issue(m.rest, out)


def _edition_or_section(m: _Marked, out: Parsed) -> None:
    """第2版 of a book, or a newspaper's section (第A10版, 版15)."""
    csl = out.csl
    edition = _EDITION.search(m.s)
    if edition and ("publisher" in csl or not csl.get("container-title")):
        csl["edition"] = str(chinese_number(edition["e"]) or edition["e"])
    else:
        section = _SECTION.search(m.rest)
        if section and not csl.get("volume"):
            csl["section"] = section["s"] or section["s2"]
            out.kind_hint = out.kind_hint or "newspaper"
    if NEWSPAPER_NAME_ZH.find(csl.get("container-title", "")) and not csl.get("volume"):
        out.kind_hint = out.kind_hint or "newspaper"


def _date_after_titles(m: _Marked, out: Parsed) -> None:
    date = parse_date(_strip_titles(m.rest))
    if date and "issued" not in out.csl:
        set_issued(out, date)


def _zh_type_step(m: _Marked, out: Parsed) -> None:
    out.csl["type"] = _zh_type(m.s, out)


_MARKED_STEPS: tuple[Callable[[_Marked, Parsed], None], ...] = (
    _people_before_titles, _title_and_container, _chapter_editors, _conference, _translator_after_title,
    _publication_after_titles, _edition_or_section, _date_after_titles, _zh_type_step)


def _editor_after(s: str, chapter: re.Match) -> str | None:
    """The editors named between a chapter's lead word and the book: 收錄於X主編，《書》 / 載X主編：《書》."""
    between = s[chapter.end(): s.find("《", chapter.end())] if "《" in s[chapter.end():] else ""
    ed = _EDITOR.search(between.strip())
    return ed["e"] if ed else None


def thesis_genre(text: str) -> bool:
    """碩士論文, 博士學位論文 …: the text names a thesis."""
    return bool(_THESIS.search(text))


def newspaper_name(name: str) -> bool:
    """《聯合報》《人民日报》 are newspapers; 學報, 通報, 季報 … are journals."""
    return bool(NEWSPAPER_NAME_ZH.find(name))


def _untitled(s: str, head: str, out: Parsed) -> bool:
    """'中央社，民國95年3月2日' (a news item named by its agency or paper) and '西黃丸，2023年10月7日版' (a dated
    online version): one name, then only a date."""
    date_only = _DATE_ONLY.match(s, len(head))
    if not head or not date_only:
        return False
    name = head.strip()
    if name in NEWS_AGENCIES_ZH or NEWSPAPER_NAME_ZH.find(name):
        out.csl["container-title"] = name
        out.csl["type"] = "article-newspaper"
    else:
        out.csl["title"] = name
        out.csl["type"] = "webpage" if date_only["v"] else "document"
    date = parse_date(s[len(head):])
    if date:
        set_issued(out, date)
    return True


def _titles(s: str) -> tuple[str, dict]:
    """The author part before the first title mark, and the titles by their marks."""
    found: dict = {"books": []}
    first = None
    end = 0
    for m in _TITLE_MARKS.finditer(s):
        text = m["a"] or m["a2"]
        if text is not None:
            after_a_title = bool(found["books"]) or found.get("article") is not None
            if after_a_title and _is_publication_block(text) or found.get("article") is not None:
                continue
            found["article"] = text.strip()
        elif m["b"] is not None or m["b2"] is not None:
            found["books"].append((m["b"] or m["b2"]).strip())
            if "quoted" in found and "article" not in found:  # Japanese 「論文」『雑誌』: 「」 marks the article
                found["article"] = found.pop("quoted")
        elif m["q"] is not None and "quoted" not in found and not found["books"] and "article" not in found:
            found["quoted"] = m["q"].strip()
            found["quoted_end"] = m.end()
        else:
            continue
        first = m.start() if first is None else first
        end = m.end()
    found["end"] = end
    head = s[:first] if first is not None else _bare_head(s)
    return head, found


def _bare_title(s: str, head: str, titles: dict) -> None:
    """「」-less style: 馬持盈，史記今註，第3版（…）: the segment after the author is the title."""
    rest = s[len(head):].lstrip("，,：: ") if head else s
    m = _FIRST_SEGMENT.match(rest)
    if m and not _NOT_TITLE_START.match(m.group(1)):
        titles["bare"] = m.group(1).strip()


def _bare_head(s: str) -> str:
    m = _HEAD_SEGMENT.match(s)
    return m.group(1) if m else ""


def _is_publication_block(text: str) -> bool:
    parts = _COLON.split(text, maxsplit=1)
    publisher = parts[1].strip().split("，")[0] if len(parts) == 2 else ""
    return len(parts[0]) <= 12 and bool(_PUBLISHER_END.search(publisher) or _THESIS.search(publisher))


def _people(head: str, out: Parsed) -> None:
    h = head.strip().strip("，,：:、 ")
    if not h:
        return
    if _ROLE_AFTER_NAME.search(h) and _take_roles(h, out):
        return
    # a nationality ([美]孔飞力) stays: names are kept as printed
    translator = None
    t = _TRANSLATOR_TAIL.search(h)
    if t:
        translator = t["t"]
        h = h[: t.start()]
    h = _ROMANISED.sub("", h)  # romanised original name
    editors = _EDITOR_TAIL.search(h)
    people = split_people(ROLE_WORDS_ZH.sub("", h) if not editors else h[: editors.start()])
    if not people:
        return
    set_people(out, "editor" if editors else "author", people)
    if translator:
        take_people(out, "translator", translator)


def _take_roles(head: str, out: Parsed) -> bool:
    """'X著，Y、Z譯' / 'X著、Y譯' / 'X主編': each group of names takes the role word that closes it."""
    roles: dict[str, list[str]] = {}
    group: list[str] = []
    for token in _NAME_SEP.split(_ROMANISED.sub("", head)):
        token = token.strip()
        if not token:
            continue
        role = _ROLE_AFTER_NAME.search(token)
        name = token[: role.start()].strip().rstrip(".．。") if role else token  # '杭亭頓. 著': a stray stop
        if name:
            group.append(name)
        if role:
            key = _ROLE_KEY[role.group(0)]
            roles.setdefault(key, []).extend(group)
            group = []
    if group:
        roles.setdefault("author", []).extend(group)
    if not roles.get("author") and not roles.get("editor"):
        return False
    for key, names in roles.items():
        set_people(out, key, names)
    return True


def _bare_journal(s: str, start: int) -> str | None:
    m = _BARE_JOURNAL.match(s[start:])
    return m["j"].strip() if m else None


def _publication_block(rest: str, out: Parsed) -> None:
    m = _PUB_BLOCK.search(rest)
    body = m["body"] if m else None
    if body is None:
        bare = _BARE_PUB_BLOCK.search(rest)
        body = bare["body"] if bare else None
    if not body:
        comma = PLACE_COMMA_PUBLISHER.find(rest)  # mainland: …，上海，三联书店，1999年版
        if comma:
            out.csl["publisher-place"], out.csl["publisher"] = comma["place"].strip(), comma["pub"].strip()
        else:
            _publisher_without_place(rest, out)
        return
    place, _, tail = _COLON_KEEP.split(body, maxsplit=1)
    publisher = _ZH_COMMA.split(tail)[0].strip()
    if _THESIS.search(publisher):
        out.kind_hint = "thesis"
        publisher = _THESIS_TAIL.sub("", publisher)
    set_publication(out, place.strip() if len(place.strip()) <= 12 else None, publisher)


def _publisher_without_place(rest: str, out: Parsed) -> None:
    """（出版社，1994年） / ，商務印書館，1971， / 出版社2007年版 / 華東師範大學2009年博士學位論文."""
    m = _PUBLISHER_YEAR.search(rest) or _PAREN_PUBLISHER_YEAR.search(rest) or _THESIS_LAST.search(rest)
    if not m:
        return
    publisher = m["pub"].strip()
    if _THESIS.search(publisher) or "y" in m.re.groupindex and _THESIS.match(rest, m.end("y") + 1):
        out.kind_hint = "thesis"
        publisher = _THESIS_TAIL.sub("", publisher)
    if publisher:
        out.csl["publisher"] = publisher


def _volume_issue(rest: str, out: Parsed) -> None:
    """第3卷第2期 / 3卷2期 / 總第45期 / Vol. 3, No. 2, anywhere after the titles."""
    set_volume_issue(out, _number(_VOLUME.search(rest)), _number(_ISSUE.search(rest)))


def _number(m) -> str | None:
    """The number of the match's one filled group (Chinese numerals read), or None."""
    value = chinese_number(next(g for g in m.groups() if g)) if m else None
    return str(value) if value is not None else None


def _strip_titles(s: str) -> str:
    return _MARKED_TITLES.sub("", s)


def _zh_type(s: str, out: Parsed) -> str:
    csl = out.csl
    if out.kind_hint == "thesis" or _THESIS.search(s):
        return "thesis"
    if _LEGAL_TITLE.search(csl.get("title", "")) and not csl.get("publisher") and not csl.get("container-title"):
        return "legislation"  # 《…關於…的通知》，2018年6月27日: an official act, dated
    if out.kind_hint == "newspaper":
        return "article-newspaper"
    if out.kind_hint in ("chapter", "paper-conference"):
        return out.kind_hint
    if csl.get("URL") and not (csl.get("volume") or csl.get("issue") or csl.get("publisher")):
        return "webpage"
    if csl.get("container-title"):
        return "article-journal"
    if REPORT_TITLE_ZH.find(csl.get("title", "")) or REPORT_TITLE_ZH.find(_strip_titles(s)):
        return "report"
    if csl.get("URL") and not csl.get("publisher"):
        return "webpage"
    return "book"


# Taiwan and mainland styles: what stands at the ends first (URL, pages, a law-style year), then the titles by their marks.
_STEPS: tuple[Step, ...] = (_drop_list_number_and_access, _url, _pages, _take_author_year, _taiwan_style)
