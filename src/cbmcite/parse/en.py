"""Western citations: 'Author, Title, Place: Publisher, Year, pp.' and its article/chapter variants."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from ..patterns import compile_fast, search_tail
from ..rules import rule

from ..lexicon import (DATE_QUALIFIERS_EN, DOCUMENT_TITLE_WORDS_EN, MONTH_ABBREVIATIONS, MONTHS_EN, NAME_CONNECTIVES_EN,
                       NEWSPAPER_WORDS_EN, PAGE_WORDS_EN, PLACE_CONNECTIVES_EN, PUBLISHER_ENDINGS_EN, PUBLISHER_WORDS_EN, PUBLISHING_PLACES,
                       REPORT_NUMBER_WORDS_EN, REPORT_PUBLISHER_WORDS_EN, REPORT_TITLE_WORDS_EN, SEASONS_EN, THESIS_WORDS_EN,
                       alternation)
from ..normalize import has_cjk, normalize_pages
from ..items import display_name
from .names import is_institution, is_person_name, split_people
from .fields import (Step, run_steps, set_issued, set_people, set_volume_issue, take_pages, take_people, take_url_field,
                     take_year)
from .result import Parsed
from .zh import newspaper_name, thesis_genre

_MONTH_DAY_YEAR = compile_fast(r"([A-Za-z]{3})[a-z]*\.?\s+([0-9]{1,2}),\s*([0-9]{4})")
_COMMA = compile_fast(r"[,，]\s*")
_SHORT_CONTAINER = compile_fast(r"(?i)op\.?\s*cit\.?|ibid\.?")
_AND_LEAD = compile_fast(r"^(?:and|&)\s+")
_TRANSLATOR_CLAUSE = compile_fast(r"[,，]\s*(?:trans\.|tr\.|translated by)\s+(?P<names>[^“”\"]+)$")
_EDS_WORD = compile_fast(r"^(?:eds?\.?|\(eds?\.?\))$")
_EDS_TAIL = compile_fast(r"^(?P<n>.+?)\s*(?:\(eds?\.?\)|eds?\.)$")

PAGES_TAIL = rule(
    "pages_tail_en",
    rf"(?r)[,，]?\s*\b{alternation(PAGE_WORDS_EN)}\s*"
    r"(?P<p>[A-Z]?[0-9]+[a-z]?(?:\s*[-–—]\s*[0-9]+)?(?:\s*,\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?)*)\s*\.?\s*$",
    "The pages cited at the end of an English citation, after p., pp., pages or 'at' (law reports).",
    examples=("Title (Oxford: Clarendon, 1990), pp. 12-15.", "Title, p. 5", "410 U.S. 113, at 153", "Title, pages 3, 7-9"),
    counterexamples=("Title, 2005", "Title, p. 5, and more", "Title, map 5"),
    flags=re.I,
)
_SEASON = alternation(SEASONS_EN + MONTHS_EN + MONTH_ABBREVIATIONS)
YEAR_TAIL = rule(
    "year_tail_en",
    rf"(?r)[,，]?\s*\(?(?:{alternation(DATE_QUALIFIERS_EN)}\s*(?:by|in)?\s*)?(?:{_SEASON}(?:/{_SEASON})?\s*(?:[0-9]{{1,2}},\s*)?)?"
    r"(?P<y>1[5-9][0-9]{2}|20[0-9]{2})(?:/[0-9]{1,4})?\)?\s*\.?\s*$",
    "The year that ends an English citation, perhaps with a season, month or qualifier: ', Spring 1992', '(c. 1600)'.",
    examples=("Journal of Peace Research 19, no. 1 (Spring 1992)", "Title, Routledge, 2005.", "Title (published in 1950)",
              "Report, 2001/02"),
    counterexamples=("Title, 2005, p. 23", "Title, 2005 edition", "Title, vol. 12"),
    flags=re.I,
)
_BARE_PAGES_TAIL = compile_fast(r"(?r)(?:(?<=[)”\"’])\s*[,:]?|[,:])\s*(?P<p>[0-9]{1,4}(?:\s*[-–—]\s*[0-9]{1,4})?)\s*\.?\s*$")
_PAREN_TAIL = compile_fast(r"(?r)\s*\((?P<body>[^()]*)\)\s*$")
_PAREN_PUBLISHER = compile_fast(r"^(?P<place>[^:：]+)[:：]\s*(?P<pub>.+?)(?:[,，]\s*(?P<y>(?:1[5-9]|20)[0-9]{2}))?$")
_PAREN_BARE_PUBLISHER = compile_fast(r"^(?P<pub>[^:：]+?)[,，]\s*(?P<y>(?:1[5-9]|20)[0-9]{2})$")
_CHICAGO_JOURNAL = compile_fast(
    r"(?r)[,，]?\s*(?P<j>[A-Z\p{Han}](?:[^,\"”“]*[^,\"”“0-9\s])?)(?:(?:\s+|(?<=\p{Han}))(?P<v>[0-9]+))?(?:\s*,\s*[Nn]o\.\s*(?P<n>[0-9/]+))?\s*$"
)
_QUOTE_CLOSE_COMMA = compile_fast(r"[,.]?[”\"]\s*,?\s*[^”\"“]+$")
_AUTHOR_COLON = compile_fast(r"^(?P<a>(?:[A-Z]\.\s*){1,3}[A-Z][\w'’\-]+):\s+")  # 'W. Wundt: Title' (older English)
_ROMAN_VOLUME_PAGE = compile_fast(r"(?r)[,，]\s*(?P<v>[IVXL]{1,5})\s*[,.]?\s+(?:p\.\s*)?(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?)\s*$")
_MONTH_OR_SEASON = compile_fast(rf"{_SEASON}|[0-9]")
_VOL_TAIL = compile_fast(r"(?r)[,，]\s*(?:Vol\.?|Volume)\s*(?P<v>[0-9]+)(?:\s*[,，]\s*(?:No\.?|Number|Issue)\s*(?P<n>[0-9]+(?:/[0-9]+)?))?\s*$", re.I)
_NO_TAIL = compile_fast(r"(?r)[,，]\s*(?:No\.?|Number|Issue)\s*(?P<n>[0-9]+(?:/[0-9]+)?)\s*$", re.I)
_SIGNED = compile_fast(
    r"[,，]\s*signed\s+(?:on|in)\s+(?P<date>[A-Z][a-z]+\.?\s+[0-9]{1,2},\s*[0-9]{4})(?:[,，]\s*(?:at|in)\s+(?P<place>[A-Z][\w.\- ]+(?:,\s*[A-Z][\w.\- ]+)?))?",
)
_IN_CLAUSE = compile_fast(r"(?:[,，]\s*|(?<=[”＂\"])\s*[,，]?\s*)in:?(?:\s+(?=[A-Z\"“\p{Han}]|a\s|an\s|the\s)|(?=\p{Han}))")  # 'in长江…': a join dropped the space
_EDITOR_AFTER = compile_fast(r"[,，]\s*(?:eds?\.|edited by)\s*(?P<eds>.+)$")
_EDITION_TAIL = compile_fast(r"(?:[,，]\s*(?:[0-9]+(?:st|nd|rd|th)|rev\.|[Rr]evised)\s+ed\.?|[,，]\s*vols?\.\s*[^,，()]+)+\s*$")
_VOLUME_PART = compile_fast(r"[,，]\s*vols?\.\s*(?P<v>[^,，()]+?)\s*$")  # 'Title, vol. 第 1 卷'
_EDITOR_LEAD = compile_fast(r"^(?P<eds>.+?)\s*(?:\(eds?\.?\)|eds?\.|edited)\s*[,，]?\s*(?P<rest>.*)$", re.S)
_DOC_TITLE = compile_fast(rf"\b{alternation(DOCUMENT_TITLE_WORDS_EN)}\b")
REPORT_TITLE = rule(
    "report_title_en",
    rf"\b{alternation(REPORT_TITLE_WORDS_EN)}\b",
    "A title that names a report, a white or working paper, a policy brief or a yearbook.",
    examples=("World Development Report 2019", "China's Military Strategy: white paper", "Yearbook of the United Nations"),
    counterexamples=("Reporting the War", "The Study of War"),
    flags=re.I,
)
REPORT_PUBLISHER = rule(
    "report_publisher_en",
    rf"\b{alternation(REPORT_PUBLISHER_WORDS_EN)}\b",
    "A publisher that is an agency or a government issues reports, not books.",
    examples=("United Nations", "Ministry of National Defense", "Congressional Research Service, Library of Congress"),
    counterexamples=("Harvard University Press", "Official Books"),
)
PUBLISHER_WORD = rule(
    "publisher_word_en",
    rf"(?r)\b{alternation(PUBLISHER_WORDS_EN)}\s*$",
    "A name that ends as a publisher's does ('… Press', '… Inc.') or is a publishing house.",
    examples=("Harvard University Press", "Routledge", "Wiley & Sons Inc.", "Springer "),
    counterexamples=("Foreign Policy", "Press Freedom in Asia"),
)
THESIS_WORD_EN = rule(
    "thesis_word_en",
    rf"(?i)\b{alternation(THESIS_WORDS_EN)}\b",
    "A thesis or dissertation named in English.",
    examples=("PhD dissertation", "M.A. thesis"),
    counterexamples=("Dissertations on War", "hypothesis"),
)
_QUOTED = compile_fast(r"^[\"“‘'＂](?P<t>.+?)[\"”’'＂][,，.]?\s*(?P<rest>.*)$", re.S)
REPORT_NUMBER = rule(
    "report_number_en",
    rf"(?r)\s*\((?=[^()]*(?:{alternation(REPORT_NUMBER_WORDS_EN)}|[0-9]{{3,}}))[^()]*\)\s*$",
    "A report's series or number in parentheses at the end of its title.",
    examples=("China's Rise (CRS Report RL32496)", "Trade Policy (Working Paper No. 5)", "Title (2019)"),
    counterexamples=("Title (Oxford)", "Title (2nd ed.) more"),
    requires=("(",),
)
_SURNAME = compile_fast(r"^[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?$")
_GIVEN_TOKEN = compile_fast(r"^(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.)$")
NEWSPAPER = rule(
    "newspaper_en",
    rf"\b{alternation(NEWSPAPER_WORDS_EN)}\b",
    "A container named as a newspaper or news agency is.",
    examples=("The New York Times", "Reuters", "South China Morning Post"),
    counterexamples=("Journal of Peace Research", "Timeshare Studies"),
)
_FULL_DATE = compile_fast(rf"(?P<m>{alternation(MONTHS_EN + MONTH_ABBREVIATIONS)})\s+(?P<d>[0-9]{{1,2}}),\s*(?P<y>[0-9]{{4}})")
_MONTH_KEYS = [month[:3].lower() for month in MONTHS_EN]
_SHORT_PLACE_PART = compile_fast(r"^(?:[A-Z]\.\s*)+$|^[A-Z]{2,3}$|^[A-Z][a-z]?\.$")


def parse_english(raw: str) -> Parsed:
    out = Parsed(lang="en")
    run_steps(_STEPS, _AUTHOR_COLON.sub(r"\g<a>, ", _prepare(raw), count=1), out)
    return out


def _roman_volume_page(s: str, out: Parsed) -> str:
    """'Grundzüge der physiologischen Psychologie, II 213': an older roman volume and its page."""
    roman = search_tail(_ROMAN_VOLUME_PAGE, s)
    if not roman:
        return s
    out.csl["volume"], out.locator = roman["v"], normalize_pages(roman["p"])
    return s[: roman.start()]


def _url(s: str, out: Parsed) -> str:
    s = take_url_field(s, out)
    return s.strip().rstrip(",，") if "URL" in out.csl else s


def _pages(s: str, out: Parsed) -> str:
    """', pp. 12-15' / ', at 5' at the end; a bare number after a comma or a title unless it is a year."""
    m = PAGES_TAIL.find_tail(s)
    if not m:
        m = search_tail(_BARE_PAGES_TAIL, s)
        if m and _is_year(m["p"]) and not s[: m.start()].rstrip().endswith(")"):
            m = None
    return take_pages(s, out, m)


def _date(s: str, out: Parsed) -> str:
    """The day (newspapers, web pages), else the year at the end; a treaty's 'signed on DATE at PLACE'."""
    signed = _SIGNED.search(s) if "signed" in s else None
    if not signed:
        s = _take_day(s, out)
    s = take_year(s, out, YEAR_TAIL.find_tail(s))
    m = _SIGNED.search(s) if signed else None
    if m:
        parts = _english_date(m["date"])
        if parts:
            set_issued(out, parts)
        if m["place"]:
            out.csl["publisher-place"] = m["place"].strip()
        s = s[: m.start()] + s[m.end():]
        out.kind_hint = "document"
    return s


def _container_or_publisher(s: str, out: Parsed) -> str:
    """What is left before the date: a journal's volume and issue, or a place and publisher, then the head."""
    vol = _volume_tail(s) or _number_tail(s)
    if vol and "publisher" in out.csl and not _after_quoted_title(s[: vol.start()] + ","):
        if vol["v"] if "v" in vol.groupdict() else None:
            out.csl["volume"] = vol["v"]
        _head_with_in_clause(s[: vol.start()], out)  # 'Title, vol. 7 (Publisher, 2000)': a book in volumes
    elif vol:
        set_volume_issue(out, vol["v"] if "v" in vol.groupdict() else None, vol["n"])
        head, container = _split_last_segment(s[: vol.start()])
        if container:
            out.csl["container-title"] = container
        out.kind_hint = out.kind_hint or "article"
        _authors_and_title(head, out)
    else:
        s = _take_place_publisher(s, out)
        if "issued" in out.csl and not _after_quoted_title(s + ","):
            s = _take_bare_publisher(s, out)
        _head_with_in_clause(s, out)
    return ""


def _csl_type_step(s: str, out: Parsed) -> str:
    out.csl["type"] = _csl_type(out)
    return s


def _take_day(s: str, out: Parsed) -> str:
    """A newspaper or web page dated to the day: 'The New York Times, February 29, 2008'."""
    day = _FULL_DATE.search(s)
    if not day or _volume_tail(s):
        return s
    parts = _english_date(f"{day['m']} {day['d']}, {day['y']}")
    if parts:
        set_issued(out, parts)
    return (s[: day.start()] + s[day.end():]).rstrip(" ,，")


def _volume_tail(s: str):
    """', Vol. 12, No. 3' at the end (only a string ending in a number can have one)."""
    return search_tail(_VOL_TAIL, s) if s.rstrip()[-1:].isdigit() else None


def _number_tail(s: str):
    return search_tail(_NO_TAIL, s) if s.rstrip()[-1:].isdigit() else None


def _is_year(p: str) -> bool:
    return p.isdigit() and 1500 <= int(p) <= 2099


def _take_paren_block(s: str, out: Parsed) -> str:
    """Chicago: 'Title (Place: Publisher, 1979)' and 'Journal 19, no. 1 (1992)'."""
    m = _PAREN_TAIL.search(s) if s.rstrip().endswith(")") else None
    if not m:
        return s
    body = m["body"].strip()
    pub = _PAREN_PUBLISHER.match(body)
    year = YEAR_TAIL.find_tail(body)
    bare = _PAREN_BARE_PUBLISHER.match(body)
    if pub and pub["y"]:
        out.csl["publisher-place"] = pub["place"].strip()
        out.csl["publisher"] = pub["pub"].strip()
        set_issued(out, [int(pub["y"])])
    elif bare and (PUBLISHER_WORD.find_tail(bare["pub"] + " ") or _publisher_after_title(s[: m.start()], bare["pub"])):
        publisher = bare["pub"].strip()
        genre, _, after = publisher.partition(", ")
        if after and _mentions_thesis(genre):  # (博士學位論文, 華東師範大學, 2009) / (PhD diss., Yale University, 1990)
            out.csl["genre"], publisher = genre, after
        elif thesis_genre(genre):
            out.csl["genre"], publisher = genre, after
        out.csl["publisher"] = publisher
        set_issued(out, [int(bare["y"])])
        if s[: m.start()].rstrip().endswith(("”", '"')) and not out.csl.get("genre"):
            out.kind_hint = "report"  # '“Title” (Agency, 2015)': a report, not an article
    elif year and year.start() == 0 or year and len(body) < 30:
        set_issued(out, [int(year["y"])])
        head = s[: m.start()].rstrip()
        journal = _CHICAGO_JOURNAL.search(head) if _after_quoted_title(head) else None
        if journal and (journal["v"] or journal["n"]) and not _volume_tail(head):
            volume = f", Vol. {journal['v']}" if journal["v"] else ""
            return head[: journal.start()] + ", " + journal["j"].strip() + volume + (
                f", No. {journal['n']}" if journal["n"] else "")
    else:
        return s
    return s[: m.start()].rstrip()


def _publisher_after_title(head: str, body: str) -> bool:
    """'Title (Publisher, 1966)': not a journal's volume and issue ('Journal 19, no. 1 (1992)') nor a date."""
    head = head.rstrip()
    return bool(head) and not _MONTH_OR_SEASON.match(body.strip())  # 'Series 3 (有斐閣, 1971)' is a book too


def _after_quoted_title(head: str) -> bool:
    """'“Title,” Journal 19, no. 1': a journal follows an article's quoted title."""
    return bool(_QUOTE_CLOSE_COMMA.search(head))


def _prepare(raw: str) -> str:
    s = raw.strip().replace("＂", "”").replace("：", ": ").replace("，", ", ").replace("（", " (").replace("）", ")")
    s = " ".join(s.split())
    return s.rstrip(".;；。").strip()


def _english_date(text: str) -> list[int] | None:
    """'June 20, 1963' → [1963, 6, 20]."""
    m = _MONTH_DAY_YEAR.match(text)
    if not m or m.group(1).lower() not in _MONTH_KEYS:
        return None
    return [int(m.group(3)), _MONTH_KEYS.index(m.group(1).lower()) + 1, int(m.group(2))]


def _take_place_publisher(s: str, out: Parsed) -> str:
    """', Place: Publisher' at the end (the last colon that has a plausible place before it)."""
    if "publisher" in out.csl:  # Chicago's (Place: Publisher, Year) came first
        return s
    colon = max(s.rfind(":"), s.rfind("："))
    if colon < 0:
        return s
    publisher = s[colon + 1:].strip().strip(",")
    before = s[:colon].rstrip()
    parts = [p.strip() for p in _COMMA.split(before)]
    if len(parts) < 2 or not publisher or ":" in publisher or "," in publisher:
        return s  # 'China: The balance sheet, Public Affairs Press': the colon is in a title
    place_parts = [parts[-1]]
    while _SHORT_PLACE_PART.match(place_parts[0]) and len(parts) > len(place_parts) + 1:
        place_parts.insert(0, parts[-len(place_parts) - 1])  # 'Washington, DC, US
    place = ", ".join(place_parts)
    if not _plausible_place(place) or len(publisher.split()) > 14:
        return s
    out.csl["publisher"] = publisher
    out.csl["publisher-place"] = place
    return ", ".join(parts[: len(parts) - len(place_parts)])


def _take_bare_publisher(s: str, out: Parsed, after_book: bool = False) -> str:
    """'Author, Title, Routledge' (a year followed): the last part names the publisher of a book. After an edited
    book's title ('in Name ed., Basic writings, Harper Perennial Modern Thought') any capitalised name is one."""
    if "publisher" in out.csl:
        return s
    segments = _segments(s)
    if len(segments) < 3 - after_book:
        return s
    if not (_publisher_like(segments[-1]) or after_book and _capitalised_name(segments[-1])):
        return s
    if segments[-1] in PUBLISHING_PLACES:  # older English: 'Title, Leipzig, 1896, p. 54'
        out.csl["publisher-place"] = segments[-1]
        return ", ".join(segments[:-1])
    if out.csl.get("URL"):  # 'Title, Mayo Clinic, 2016, https://…': the site of a web page
        out.csl["container-title"] = segments[-1]
        out.kind_hint = out.kind_hint or "webpage"
        return ", ".join(segments[:-1])
    out.csl["publisher"] = segments[-1]
    if len(segments) > 2 and _mentions_thesis(segments[-2]):
        out.csl["genre"] = segments[-2]
        segments = segments[:-1]
    return ", ".join(segments[:-1])


def _capitalised_name(seg: str) -> bool:
    words = seg.split()
    return 0 < len(words) <= 6 and all(w[0].isupper() or w in NAME_CONNECTIVES_EN for w in words)


def _publisher_like(seg: str) -> bool:
    """One name ('Routledge') or words that name a publisher ('MIT Press', 'Atlantic Council'); 'Foreign Policy' is a
    journal."""
    words = seg.replace(";", " ").split()
    if not 0 < len(words) <= 8 or seg[:1].isdigit() or _starts_title(seg):
        return False
    return len(words) == 1 and words[0][0].isupper() or any(w in PUBLISHER_ENDINGS_EN for w in words)


def _plausible_place(place: str) -> bool:
    words = place.replace(",", " ").split()
    return 0 < len(words) <= 5 and all(w[0].isupper() or w in PLACE_CONNECTIVES_EN or w == ":" for w in words)


def _head_with_in_clause(s: str, out: Parsed) -> None:
    m = _IN_CLAUSE.search(s)
    if m and m.start() > 0:
        _authors_and_title(s[: m.start()], out)
        rest = s[m.end():].strip()
        after = _EDITOR_AFTER.search(rest)  # Chicago: 'in Book, ed. Name, 2nd ed.'
        ed = None if after else _EDITOR_LEAD.match(rest)  # 'in Name ed., Book, Publisher'
        if after:
            take_people(out, "editor", _EDITION_TAIL.sub("", after["eds"]))
            rest = rest[: after.start()]
        elif ed and len(ed["eds"]) < 120:
            take_people(out, "editor", ed["eds"])
            rest = _take_bare_publisher(ed["rest"], out, after_book=True)
        container = rest.strip().strip(",")
        if container and not _SHORT_CONTAINER.fullmatch(container):
            out.csl["container-title"] = container
        out.kind_hint = out.kind_hint or "chapter"
        return
    if "publisher" not in out.csl and _quoted_title_then_more(s, out):
        return
    head, container = _split_title_container(s) if "publisher" not in out.csl else _quoted_title_in_book(s)
    _authors_and_title(head, out)
    if container:
        out.csl["container-title"] = container
        out.kind_hint = out.kind_hint or "article"


def _quoted_title_then_more(s: str, out: Parsed) -> bool:
    """'Author, "Title," Journal/Newspaper/Series, number' and 'Author, "Title," Ph.D. diss., University'."""
    segments = _segments(s)
    end = _authors_end(segments)
    rest = segments[end:]
    if len(rest) < 2 or not _starts_title(rest[0]):
        return False
    _authors_and_title(", ".join(segments[: end + 1]), out)
    following = rest[1:]
    if _mentions_thesis(following[0]):
        out.csl["genre"] = following[0]
        if len(following) > 1:
            out.csl["publisher"] = following[1]
        return True
    out.csl["container-title"] = following[0]
    if len(following) > 1 and re.fullmatch(r"[A-Z]{0,4}[-\s]?[0-9][0-9A-Z-]*", following[1]):
        out.csl["number"] = following[1]  # a report number: CRS RL32496
    out.kind_hint = out.kind_hint or ("report" if REPORT_TITLE.find(following[0]) else "article")
    return True


def _split_title_container(s: str) -> tuple[str, str | None]:
    """Without a publisher, 'Author, Title, Journal' ends in a journal; a publisher-like tail is a publisher."""
    segments = _segments(s)
    authors_end = _authors_end(segments)
    rest = segments[authors_end:]
    if len(rest) >= 2 and not PUBLISHER_WORD.find_tail(rest[-1]) and not rest[-1][:1].isdigit():
        return ", ".join(segments[:-1]), rest[-1]
    return s, None


def _quoted_title_in_book(s: str) -> tuple[str, str | None]:
    """'“Helsinki Final Act,” A Handbook of Documents (Washington: OSCE, 1975)': the book holds the titled text."""
    segments = _segments(s)
    end = _authors_end(segments)
    rest = segments[end:]
    if len(rest) >= 2 and _starts_title(rest[0]) and not _starts_title(rest[1]):
        return ", ".join(segments[: end + 1]), ", ".join(rest[1:])
    return s, None


def _split_last_segment(s: str) -> tuple[str, str | None]:
    """(head, container): a text with no words before its volume ('…, Vol. 3, No. 4' in PDF text) has neither."""
    segments = _segments(s)
    if not segments:
        return "", None
    return ", ".join(segments[:-1]), segments[-1]


# a quoted title (to its closing quote, or to the end) or a run up to the next comma or opening quote
# (a quote glued to CJK text or a colon is inside a title: 研究：“研討會”論文集)
_SEGMENT = compile_fast(r"[\"“][^\"”]*(?:[\"”]|$)|(?:[^,，\"“]|(?<=[\p{Han}:：]\s?)[\"“][^\"”,，]*[\"”])+")


@lru_cache(maxsize=1024)  # the head of a citation is segmented by several rules in turn
def _segments(s: str) -> tuple[str, ...]:
    """Comma-separated parts; a quoted title is a part of its own ('Gurtov, Melvin "Title." Journal')."""
    return tuple(p for p in (m.strip() for m in _SEGMENT.findall(s)) if p)


def _family_first(segments: tuple[str, ...]) -> bool:
    """'Gurtov, Melvin, Title…': a lone surname, then given names, then more."""
    return (len(segments) >= 3 and bool(_SURNAME.match(segments[0]))
            and all(_GIVEN_TOKEN.match(t) for t in segments[1].split()) and 1 <= len(segments[1].split()) <= 3)


@lru_cache(maxsize=1024)
def _authors_end(segments: tuple[str, ...]) -> int:
    if not segments or _starts_title(segments[0]) or _DOC_TITLE.search(segments[0]):
        return 0
    if _family_first(segments):
        return 2
    end = 1
    while end < len(segments) - 1 and _names_segment(segments[end]):
        end += 1
    end = max(end, _last_and_name(segments))
    if end < len(segments) - 1 and _EDS_WORD.match(segments[end]):
        end += 1  # 'B. V. Babu et al., eds., Title'
    return end


def _cjk_name(text: str) -> bool:
    """'應松年', '雲南省企業聯合會': a CJK person or institution, one word."""
    return has_cjk(text) and " " not in text.strip() and len(text.strip()) <= 20


def _last_and_name(segments: tuple[str, ...]) -> int:
    """'甲, 乙, and 丙, Title': a list of names closed by 'and X' (names the person test cannot judge, e.g. CJK)."""
    for i, seg in enumerate(segments[:6]):
        if _starts_title(seg) or len(seg) > 40 or not has_cjk(seg):
            return 0  # Latin names are judged by the person test; a Latin title may say 'Castro, and Kennedy'
        if i and _AND_LEAD.match(seg) and i < len(segments) - 1:
            return i + 1
    return 0


def _names_segment(seg: str) -> bool:
    seg = _AND_LEAD.sub("", seg.strip())
    people = split_people(seg)
    return bool(people) and all(is_person_name(p) for p in people)


def _starts_title(seg: str) -> bool:
    return seg[:1] in "\"“‘'＂"


def _authors_and_title(head: str, out: Parsed) -> None:
    trans = _TRANSLATOR_CLAUSE.search(head)
    if trans:
        take_people(out, "translator", _EDITION_TAIL.sub("", trans["names"]))
        head = head[: trans.start()]
    volume = _VOLUME_PART.search(head)
    if volume and volume.start() > 0:
        out.csl.setdefault("volume", volume["v"])
        head = head[: volume.start()]
    edition = _EDITION_TAIL.search(head)
    if edition and edition.start() > 0:  # 'Title, 4th ed.'
        out.csl.setdefault("edition", edition.group(0).strip(" ,，"))
        head = head[: edition.start()]
    segments = _segments(head)
    if not segments:
        return
    end = _authors_end(segments)
    names = f"{segments[1]} {segments[0]}" if _family_first(segments) else ", ".join(segments[:end])
    title = ", ".join(segments[end:])
    if names:
        ed = _EDS_TAIL.match(names)
        people = split_people(ed["n"] if ed else names)
        key = "editor" if ed else "author"
        if len(people) > 1 and not all(is_person_name(p) or _cjk_name(p) for p in people):
            people = [ed["n"] if ed else names]  # an institution with "and" in it
        set_people(out, key, people)
    if len(segments) - end > 1 and _mentions_thesis(segments[-1]):  # 'Title, Doctoral dissertation'
        out.csl.setdefault("genre", segments[-1])
        title = ", ".join(segments[end:-1])
    if title:
        out.csl["title"] = _clean_title(title, out)


def _clean_title(title: str, out: Parsed) -> str:
    t = title.strip().strip(",")
    q = _QUOTED.match(t)
    if q and not q["rest"].strip():
        t = q["t"]
    t = t.strip("\"“”‘’'＂ ,.")
    number = REPORT_NUMBER.find(t)
    if number and number.start() > 0:
        out.csl["collection-title"] = t[number.start():].strip(" ()")
        out.kind_hint = out.kind_hint or "report"
        t = t[: number.start()]
    return t.strip()


def _mentions_thesis(text: str) -> bool:
    low = text.lower()
    return ("diss" in low or "thesis" in low) and bool(THESIS_WORD_EN.find(text))  # a substring test first: cheap


def _dated_to_the_day(csl: dict) -> bool:
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    return len(parts[0]) == 3


def _csl_type(out: Parsed) -> str:
    csl = out.csl
    title = csl.get("title", "")
    if any(_mentions_thesis(text) for text in (title, csl.get("publisher", ""), csl.get("genre", ""))) or \
            thesis_genre(csl.get("genre", "")):
        return "thesis"
    container = csl.get("container-title", "")
    if (NEWSPAPER.find(container) or newspaper_name(container)) and not csl.get("volume"):
        return "article-newspaper"
    if out.kind_hint == "document" or _DOC_TITLE.match(title) or _DOC_TITLE.search(title) and not csl.get("author"):
        return "legislation" if not csl.get("author") else "treaty"
    if out.kind_hint == "chapter":
        return "chapter"
    if out.kind_hint == "webpage" or csl.get("URL") and not (csl.get("volume") or csl.get("issue")) and (
            _dated_to_the_day(csl) or "issued" not in csl):  # online, and not an issue of a journal
        return "webpage"
    if out.kind_hint == "article":
        return "article-journal"
    if out.kind_hint == "report" or REPORT_TITLE.find(title) or REPORT_PUBLISHER.find(csl.get("publisher", "")):
        return "report"
    publisher = csl.get("publisher", "")
    if not csl.get("container-title") and not PUBLISHER_WORD.find_tail(publisher + " ") and \
            any(is_institution(display_name(a)) for a in csl.get("author", [])):
        return "report"  # a work by an agency or association that it issues itself
    if csl.get("URL") and not csl.get("publisher"):
        return "webpage"
    return "book"


# The English styles, field by field from the end of the citation.
_STEPS: tuple[Step, ...] = (_roman_volume_page, _url, _pages, _take_paren_block, _date, _container_or_publisher,
                            _csl_type_step)
