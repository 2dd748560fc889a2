"""Chinese citations: Taiwan 〈篇名〉《刊名》 and 「」 styles, mainland 作者：《题名》 and GB/T 7714."""
from __future__ import annotations

import regex as re

from ..normalize import chinese_number, fold_compat, normalize_pages, parse_date
from .names import ROLE_WORDS_ZH, csl_name, split_people
from .result import Parsed

_NUM = r"[0-9０-９〇○零一二三四五六七八九十百]+"
_PAGES = re.compile(
    rf"[，,、]?\s*(?:(?:頁|页)\s*(?P<a>[0-9０-９]+[a-z上下]?(?:\s*[-–~～、,]\s*[0-9０-９]+[a-z上下]?)*)"
    rf"|第\s*(?P<b>[0-9０-９]+(?:\s*[-–~～]\s*[0-9０-９]+)?)\s*(?:頁|页)"
    rf"|(?P<c>[0-9０-９]+(?:\s*[-–~～]\s*[0-9０-９]+)?)\s*(?:頁|页)(?![面數数碼码])"
    rf"|(?<=[\]）)]\s*[:：])\s*(?P<d>[0-9]+(?:\s*[-–]\s*[0-9]+)?))\s*[。.]?\s*$"
)
_VOLUME = re.compile(rf"第\s*(?P<v>{_NUM})\s*卷|(?P<v2>[0-9]+)\s*卷(?=\s*[0-9第])|(?i:vol\.?\s*(?P<v3>[0-9]+))")
_ISSUE = re.compile(rf"總?第\s*(?P<i>{_NUM})\s*期|(?<=卷\s*)(?P<i2>[0-9]+)\s*期|(?i:no\.?\s*(?P<i3>[0-9]+))|年第(?P<i4>[0-9]+)期")
_GBT_JOURNAL = re.compile(r"(?P<y>[12][0-9]{3})\s*[,，]\s*(?P<v>[0-9]+)?\s*\(\s*(?P<i>[0-9]+)\s*\)")
_SECTION = re.compile(r"第?\s*(?P<s>[A-Z]?[0-9]+)\s*版(?!本|社)")
_THESIS = re.compile(r"(?:碩士|博士|學位|学位|硕士)(?:學位)?論文|(?:碩士|博士|学位|硕士)(?:学位)?论文")
_CHAPTER_LEAD = re.compile(r"(?:收錄於|收录于|收錄|收录|收於|收于|載於|载于|刊於|刊于|載|载|見於|见于)\s*")
_EDITOR = re.compile(r"(?P<e>[^，,；;：:《〈「]+?)\s*(?:主編|主编|編著|编著|合編|合编|編|编)\s*[，,：:]?\s*$")
_TRANSLATOR = re.compile(r"(?P<t>[^，,、《〈]+?)\s*(?:譯|译|編譯|编译)(?=[，,、《\s]|$)")
_TYPE_MARK = re.compile(r"\[(?P<t>M|C|G|N|J|D|R|S|P|A|Z|DB|CP|EB)(?:/(?:OL|CD|MT|DK))?\]")
_GBT_TYPES = {"M": "book", "J": "article-journal", "N": "article-newspaper", "D": "thesis", "R": "report",
              "C": "paper-conference", "S": "standard", "P": "patent", "EB": "webpage", "G": "book", "A": "chapter"}
_PUB_BLOCK = re.compile(r"[（(〈<]\s*(?P<body>[^（）()〈〉<>]*[：:︰][^（）()〈〉<>]*)\s*[）)〉>]")
_PUBLISHER_END = re.compile(r"(?:出版社|出版公司|公司|書局|书局|書店|书店|學會|学会|中心|研究所|研究院|大學|大学|學院|学院|基金會|基金会|出版|社|館|馆|部|院|會|会|局|處|处|署)$")
_URL = re.compile(r"<?(https?://[^\s<>，。）)]+)>?")
_ACCESS = re.compile(r"[（(]?\s*(?:瀏覽|浏览|檢索|检索|上網|上网|查閱|查阅|引用|搜尋)日期\s*[：:]?[^）)]*[）)]?")


def parse_chinese(raw: str) -> Parsed:
    out = Parsed(lang="zh")
    s = fold_compat(raw.strip())
    s = re.sub(r"^\[\s*[0-9]+\s*\]\s*", "", s)  # GB/T list number
    s = _ACCESS.sub("", s)
    url = _URL.search(s)
    if url:
        out.csl["URL"] = url.group(1).rstrip(".,")
        s = (s[: url.start()] + s[url.end():]).strip()
    s = s.strip().rstrip("。.；;").strip()
    m = _PAGES.search(s)
    if m:
        out.locator = normalize_pages(next(g for g in (m["a"], m["b"], m["c"], m["d"]) if g))
        s = s[: m.start()].rstrip("，,：: ")
    mark = _TYPE_MARK.search(s)
    if mark:
        out.kind_hint = _GBT_TYPES.get(mark["t"])
        return _parse_gbt(s, mark, out)
    _parse_taiwan_style(s, out)
    return out


def _parse_taiwan_style(s: str, out: Parsed) -> None:
    csl = out.csl
    head, titles = _titles(s)
    _people(head, out)
    rest = s
    article_title = titles.get("article")
    books = titles.get("books", [])
    if article_title:
        csl["title"] = article_title
        if books:
            csl["container-title"] = books[0]
    elif len(books) >= 2:
        csl["title"], csl["container-title"] = books[0], books[1]
    elif books:
        csl["title"] = books[0]
    elif titles.get("quoted"):
        csl["title"] = titles["quoted"]
        journal = _bare_journal(s, titles["quoted_end"])
        if journal:
            csl["container-title"] = journal
    rest = s[titles.get("end", 0):]
    chapter = _CHAPTER_LEAD.search(s)
    if chapter and article_title and (not books or s.find(books[0]) > chapter.start()):
        between = s[chapter.end(): s.find("《", chapter.end())] if "《" in s[chapter.end():] else ""
        ed = _EDITOR.search(between.strip())
        if ed:
            csl["editor"] = [csl_name(n) for n in split_people(ed["e"])]
        out.kind_hint = "chapter"
    _publication_block(rest, out)
    _volume_issue(rest, out)
    section = _SECTION.search(rest)
    if section and not csl.get("volume"):
        csl["section"] = section["s"]
        out.kind_hint = out.kind_hint or "newspaper"
    date = parse_date(_strip_titles(rest))
    if date:
        csl["issued"] = {"date-parts": [date]}
    csl["type"] = _zh_type(s, out)


def _titles(s: str) -> tuple[str, dict]:
    """The author part before the first title mark, and the titles by their marks."""
    found: dict = {"books": []}
    first = None
    end = 0
    for m in re.finditer(r"〈(?P<a>[^〈〉]+)〉|<(?P<a2>[^<>]+)>|《(?P<b>[^《》]+)》|「(?P<q>[^「」]+)」", s):
        text = m["a"] or m["a2"]
        if text is not None:
            if _is_publication_block(text) or found.get("article") is not None:
                continue
            found["article"] = text.strip()
        elif m["b"] is not None:
            found["books"].append(m["b"].strip())
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


def _bare_head(s: str) -> str:
    m = re.match(r"^([^，,：:]{1,40})[，,：:]", s)
    return m.group(1) if m else ""


def _is_publication_block(text: str) -> bool:
    parts = re.split(r"[：:︰]", text, maxsplit=1)
    return len(parts) == 2 and len(parts[0]) <= 12 and bool(_PUBLISHER_END.search(parts[1].strip().split("，")[0]))


def _people(head: str, out: Parsed) -> None:
    h = re.sub(r"^\s*[\[［【(（][^\]］】)）]{1,4}[\]］】)）]\s*", "", head)  # [美] nationality
    h = h.strip().strip("，,：:、 ")
    if not h:
        return
    translator = None
    t = re.search(r"[、，,]\s*(?P<t>[^、，,]+?)\s*(?:譯|译)$", h)
    if t:
        translator = t["t"]
        h = h[: t.start()]
    h = re.sub(r"[（(][A-Za-z .,'\-]+[）)]", "", h)  # romanised original name
    editors = re.search(r"(?:主編|主编|編著|编著|合編|合编|編|编)$", h)
    people = split_people(ROLE_WORDS_ZH.sub("", h) if not editors else h[: editors.start()])
    if not people:
        return
    out.csl["editor" if editors else "author"] = [csl_name(p) for p in people]
    if translator:
        out.csl["translator"] = [csl_name(p) for p in split_people(translator)]


def _bare_journal(s: str, start: int) -> str | None:
    m = re.match(r"\s*[，,]\s*(?P<j>[^，,（(0-9第]{2,30}?)\s*(?:[，,（(]|第|[0-9])", s[start:])
    return m["j"].strip() if m else None


def _publication_block(rest: str, out: Parsed) -> None:
    m = _PUB_BLOCK.search(rest)
    body = m["body"] if m else None
    if body is None:
        bare = re.search(r"(?:^|[，,])\s*(?P<body>[^，,：:《》〈〉]{2,10}[：:︰][^，,：:]{2,40})(?=[，,]\s*[0-9一二])", rest)
        body = bare["body"] if bare else None
    if not body:
        return
    place, _, tail = re.split(r"([：:︰])", body, maxsplit=1)
    publisher = re.split(r"[，,]", tail)[0].strip()
    if _THESIS.search(publisher):
        out.kind_hint = "thesis"
    if place.strip() and len(place.strip()) <= 12:
        out.csl["publisher-place"] = place.strip()
    if publisher:
        out.csl["publisher"] = publisher


def _volume_issue(rest: str, out: Parsed) -> None:
    v = _VOLUME.search(rest)
    if v:
        value = chinese_number(v["v"] or v["v2"] or v["v3"])
        if value is not None:
            out.csl["volume"] = str(value)
    i = _ISSUE.search(rest)
    if i:
        value = chinese_number(i["i"] or i["i2"] or i["i3"] or i["i4"])
        if value is not None:
            out.csl["issue"] = str(value)


def _strip_titles(s: str) -> str:
    return re.sub(r"《[^》]*》|〈[^〉]*〉|「[^」]*」", "", s)


def _zh_type(s: str, out: Parsed) -> str:
    csl = out.csl
    if out.kind_hint == "thesis" or _THESIS.search(s):
        return "thesis"
    if out.kind_hint == "newspaper":
        return "article-newspaper"
    if out.kind_hint == "chapter":
        return "chapter"
    if csl.get("container-title"):
        return "article-journal"
    if re.search(r"報告|报告|白皮書|白皮书", csl.get("title", "")):
        return "report"
    if csl.get("URL") and not csl.get("publisher"):
        return "webpage"
    return "book"


def _parse_gbt(s: str, mark: re.Match, out: Parsed) -> Parsed:
    """主要责任者.题名[J].刊名,年,卷(期):页码 (CONVENTIONS §5)."""
    csl = out.csl
    before = s[: mark.start()]
    after = s[mark.end():].lstrip(".．。 ")
    names, _, title = before.rpartition(".")
    if not title:
        names, title = "", before
    if names:
        csl["author"] = [csl_name(p) for p in split_people(names.replace("，", ",").replace(",", "、"))]
    csl["title"] = title.strip()
    if mark["t"] in ("J", "N"):
        parts = re.split(r"[,，]", after, maxsplit=1)
        csl["container-title"] = parts[0].strip()
        tail = parts[1] if len(parts) > 1 else ""
        j = _GBT_JOURNAL.search(after)
        if j:
            if j["v"]:
                csl["volume"] = j["v"]
            csl["issue"] = j["i"]
        date = parse_date(tail)
    else:
        place_pub = re.match(r"\s*(?P<place>[^:：,，]+)[:：]\s*(?P<pub>[^,，]+)", after)
        if place_pub:
            csl["publisher-place"] = place_pub["place"].strip()
            csl["publisher"] = place_pub["pub"].strip()
        date = parse_date(after)
    if date:
        csl["issued"] = {"date-parts": [date]}
    csl["type"] = out.kind_hint or "book"
    return out
