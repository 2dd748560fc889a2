"""Find footnotes in PDF-extracted text: detect note blocks, join lines, de-duplicate copies.

The text has no layout, so every decision uses what a reader of such files uses: a note block
line starts with the note number; body markers are numbers glued to body text that follow the
expected sequence; PDF extraction prints whole note blocks more than once.
"""
from __future__ import annotations

import enum
import os
import statistics
import unicodedata
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress, takewhile
from operator import methodcaller
from typing import Callable

import regex as re

from .lexicon import (ABBREVIATIONS, CHINESE_NUMERALS, CITATION_LINE_ROLES_ZH, DISCOURSE_OPENERS_ZH, FORMAL_NUMERALS,
                      LOWER_CASE_NOTE_OPENERS_EN, MONTH_ABBREVIATIONS, MONTHS_EN, NAME_START_ROLES_ZH,
                      NOTE_FINAL_ABBREVIATIONS, NOTE_LEAD_INS_ZH, OP_CIT_TERMS_ZH, PREVIOUS_NOTE_TERMS_ZH, SECTION_WORDS,
                      SHORT_FORM_OPENINGS, SOURCE_SIGNALS_ZH, TABLE_CAPTION_WORDS, TABLE_END_WORDS, UNITS_AFTER_NUMBER,
                      UNITS_ALSO_SURNAMES, alternation)
from .patterns import compile_fast, search_tail
from .rules import rule

from .likeness import citation_score
from .shapes import STATUTE
from .lines import join_lines
from .model import Anomaly, Note

_DIGIT_RUN = compile_fast(r"\d+")
_DIGIT_RUN_LONG_TEXT = re.compile(r"\d+")  # over a whole text the regex engine scans Unicode twice as fast
_SPACED_YEAR = compile_fast(r"[0-9]{4}\s*年")

CIRCLED = {chr(0x2460 + i): i + 1 for i in range(20)}  # ①..⑳

# --- what lines of the genre look like: named rules (rules.py) -----------------------------------
NOTE_NUMBER_START = rule(
    "note_number_start",
    r"""^(?P<indent>[ \t\u3000]{0,3})
    (?:(?:註|注)\s*(?P<zhu>\d{1,4})\s*[：:．.]?|(?P<num>\d{1,4})(?P<dot>[.．](?=[ \t\u3000]))?
      |(?P<circ>[\u2460-\u2473])|[〔\[](?P<brk>\d{1,4})[〕\]]|(?P<star>[＊✽*]))
    (?P<sp>[ \t\u3000]*)(?P<rest>\S.*)$""",
    "A line that may open a note: a note number (12, 註3：, ①, 〔4〕, [5], 1.) or an author note's star, then text.",
    examples=("12 楊永明，〈信心建立措施〉，頁5。", "17徐曉迪，〈兩岸關係〉", "註3：同上，頁12。", "① 同前註。", "〔4〕同上。",
              "[5] Ibid., 22.", "1. Hillary Clinton, Hard Choices (New York: Simon & Schuster, 2014), 45.",
              "＊作者為國防大學戰略研究所教授。"),
    counterexamples=("兩岸軍事互信機制之建立，", "（二）美中軍事熱線的建立", "— 12 —"),
    flags=re.X,
    anchored=True,
)
_NOTE_START = NOTE_NUMBER_START.compiled
# After a number these mean "quantity", not "note": 10月, 3期, 2,858件, 1.避免…
# Cheap first-character tests before the anchored patterns that need them: "" is never in a set.
_NOTE_START_FIRST = set("註注〔[＊✽*") | {chr(0x2460 + i) for i in range(20)}
_HEAD_WORD_STARTS = set("表圖图TF註注")  # 表 圖 图 Table Figure 註 注
_UNIT_AFTER_NUMBER = set(UNITS_AFTER_NUMBER)
_SURNAME_UNITS = set(UNITS_ALSO_SURNAMES)
_YEAR_FIRST = compile_fast(r"(?:1[5-9]|20)[0-9]{2}\s*(?:年|,|，)")  # a note's first word is its year
_NOT_NOTE_START = set("0123456789０１２３４５６７８９.．,，、:：;；)）]】-–—~～/／’”")  # 1.5, 2,858, 3）…
_OPENERS = "〈《「『“\"'‘<＜【[(（"
CJK_NAME_START = rule(
    "cjk_name_start",
    rf"^\p{{Han}}{{2,4}}(?:\s+(?:and|&)\s+\p{{Han}}{{2,4}})?(?:[，、：,:（(]|{alternation(NAME_START_ROLES_ZH)})",
    "A Chinese author's name (two to four characters) before a comma, a bracket or a role word opens a citation; "
    "English note styles join two such names with 'and' (應松年 and 馬懷德, …).",
    examples=("楊永明，〈信心建立措施〉", "林正義主編，《兩岸關係》", "王振寰（1996）", "吳建德、張蜀誠",
              "應松年 and 馬懷德, 當代中國行政法的源流, 153–154."),
    counterexamples=("兩岸軍事互信機制之建立，", "Glaser, Promoting", "（二）研究方法"),
    anchored=True,
)
_CJK_NAME_START = CJK_NAME_START.compiled
# Latin letters only: "15MCBMs著重於…，" is body text, not "Author,"
LATIN_NAME_START = rule(
    "latin_name_start",
    r"^[A-Z][A-Za-zÀ-ÿ'’.\-]*(?:,?\s+(?:[A-Z][A-Za-zÀ-ÿ'’.\-]*|and|&|et al\.)){0,8}\s*[,，]",
    "Capitalised names before a comma open an English citation (Bonnie Glaser and Brad Glosserman, …; X et al., …).",
    examples=("Bonnie Glaser and Brad Glosserman, Promoting Confidence", "M. Susan Pederson, Stanley Weeks, op. cit.",
              "Pieternella H. Veen et al., “Longitudinal Changes in Brain Volumes,”",
              "Ibid., 22."),
    counterexamples=("MCBMs著重於軍事，", "the United States, in turn,", "North Korea’s nuclear test"),
    anchored=True,
)
_LATIN_NAME_START = LATIN_NAME_START.compiled
INITIALS_NAME_START = rule(
    "initials_name_start",
    r"^(?!U\.\s?S\.)(?:[A-Z][a-z]?\.\s?){1,3}(?:[a-z]{1,3}\s)?[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?[:,]\s",
    "Initials and a surname before a colon or comma: an older endnote's author (W. Wundt: …, Th. Ribot, …).",
    examples=("W. Wundt: Grundzüge der physiologischen Psychologie, II 213.", "Th. Ribot, Les maladies de la mémoire",
              "G. T. Fechner, Elemente der Psychophysik", "J. F. Herbart, Psychologie als Wissenschaft"),
    counterexamples=("U.S. Policy: An Overview", "A. Introduction", "W. Wundt und die Psychologie"),
    anchored=True,
)
CAPITALS_NAME_START = rule(
    "capitals_name_start",
    r"^[A-Z]{2}[A-Z'\-]*(?:\s[A-Z][A-Z'\-]*)*\.\s",
    "A surname in capitals with initials, or a body's name in capitals, then a period: a GB/T 7714 citation "
    "opens so (MITCHELL T R. …, AMERICAN PSYCHIATRIC ASSOCIATION. …).",
    examples=("MITCHELL T R. LARSON J R. People in organizations", "KINCHY A. Seeds, sciences, and struggle",
              "CENTERS FOR DISEASE CONTROL AND PREVENTION. People at high risk"),
    counterexamples=("U.S. Census Bureau, 2020.", "NATO members agreed", "CSIS 同時對美台海問題提出關注", "H.R. Rep. No. 114-358"),
    anchored=True,
)
NOTE_LEAD_IN = rule(
    "note_lead_in",
    rf"^{alternation(NOTE_LEAD_INS_ZH)}",
    "A Chinese note opens with a signal word or a source label before its citation (參見, 轉引自, 資料來源).",
    examples=("參見史曉東，《兩岸軍事安全互信機制研究》", "轉引自林正義，〈…〉", "資料來源：國防部。", "有關此點，請參閱…"),
    counterexamples=("兩岸軍事互信機制之建立，", "同上，頁5。"),
    anchored=True,
)
_NOTE_LEAD_IN = NOTE_LEAD_IN.compiled
CJK_CITATION_LINE = rule(
    "cjk_citation_line",
    rf"^\p{{Han}}{{2,4}}(?:[、，,]\p{{Han}}{{2,4}})*{alternation(CITATION_LINE_ROLES_ZH)}?[，,：:]\s*[〈《「]",
    "Chinese authors, perhaps with a role word, then a comma and a quoted title: a citation (楊永明，〈…〉).",
    examples=("楊永明，〈信心建立措施〉，頁5。", "吳建德、張蜀誠、王瑋琦，《柳暗花明》", "林正義主編，《兩岸關係》",
              "萬家春，〈論海權〉"),
    counterexamples=("其次，並非所有的措施都有效。", "參見史曉東，《兩岸》", "Glaser, 「Promoting」"),
    anchored=True,
)
_CJK_CITATION_LINE = CJK_CITATION_LINE.compiled
SHORT_FORM_START = rule(
    "short_form_start",
    rf"^(?:{alternation(SHORT_FORM_OPENINGS)}|op\.\s*cit)",
    "A repeat reference opens the note: 同上, 同前註, 同註5, 前引書, 前揭, Ibid., Id., op. cit.",
    examples=("同上，頁5。", "同前註。", "同註10，頁4。", "前引書，頁33。", "Ibid., 22.", "Id. at 5.", "op. cit., p. 9."),
    counterexamples=("同時，美國也表示", "Identity and Power", "前言"),
    flags=re.I,
    anchored=True,
)
_SHORT_START = SHORT_FORM_START.compiled
AUTHOR_SHORT_FORM = rule(
    "author_short_form",
    rf"^(?!{alternation(DISCOURSE_OPENERS_ZH)})\p{{Han}}{{2,4}}(?:[、，,]\p{{Han}}{{2,4}})*"
    rf"{alternation(CITATION_LINE_ROLES_ZH)}?[，,：:]\s*{alternation(OP_CIT_TERMS_ZH + PREVIOUS_NOTE_TERMS_ZH)}",
    "Chinese authors, then a comma and a repeat reference to their work: a later citation (王名揚，前揭書).",
    examples=("王名揚，前揭書，頁 211.", "曹凌，前引書，頁 308。", "吳建德、張蜀誠，前揭書，頁5。"),
    counterexamples=("此外，前引的研究指出", "王名揚，《美國行政法》"),
    requires=("前", "上揭"),
    anchored=True,
)
SOURCE_MARK = rule(
    "source_mark",
    rf"[〈《]|頁|页|前引|前揭|同上|同前|同註|同注|出版|主編|合著|{alternation(SOURCE_SIGNALS_ZH)}",
    "Marks of a cited source or a signal word before one; prose that quotes 「…」 or names a year has none.",
    examples=("詳見郭臨伍，〈信心建立措施與兩岸關係〉，", "頁 170。", "同前註。", "之能力。詳見 Thomas C."),
    counterexamples=("回到現實面來看,「相互再保證」在實務操作上並非靈丹妙藥", "2009 年,歐巴馬政府更進一步提出"),
)
CITATION_MARKS = rule(
    "citation_marks",
    r"[〈《「]|頁|页|前引|前揭|同上|同註|同注|出版|主編|合著|[0-9]{4}年",
    "Marks of a Chinese citation: a quoted title, a page, a short form, a publisher, an editor or a year.",
    examples=("徐曉迪，〈兩岸關係〉", "頁12", "台北：五南出版，2009年。", "同上"),
    counterexamples=("此外，雙方也同意建立熱線。",),
)
_CITATION_MARKS = CITATION_MARKS.compiled
DISCOURSE_OPENER = rule(
    "discourse_opener",
    alternation(DISCOURSE_OPENERS_ZH),
    "Words that open a sentence of prose, never an author's name: '7例如:…' is body text, not note 7.",
    examples=("例如:「信心建立措施」", "此外，雙方也同意", "然而，"),
    counterexamples=("楊永明，〈信心建立措施〉",),
    anchored=True,
)
_DISCOURSE_OPENER = DISCOURSE_OPENER.compiled
TABLE_CAPTION = rule(
    "table_caption",
    rf"^\s*{alternation(TABLE_CAPTION_WORDS)}\s*[0-9一二三四五六七八九十]+",
    "A table or figure caption: the numbered rows below it are no notes.",
    examples=("表1 美中軍事熱線通話紀錄", "圖二 兩岸軍事互信機制", "Table 3. Incidents at sea"),
    counterexamples=("表示雙方同意", "Tables and figures"),
    anchored=True,
)
_TABLE_CAPTION = TABLE_CAPTION.compiled
TABLE_END = rule(
    "table_end",
    rf"^\s*{alternation(TABLE_END_WORDS)}",
    "A table's source or explanation line ends the table.",
    examples=("資料來源：作者整理。", "Source: SIPRI.", "註：單位為億元。"),
    counterexamples=("參見史曉東，《兩岸》",),
    anchored=True,
)
_TABLE_END = TABLE_END.compiled
_TABLE_MAX_LINES = 40
_HEADING_FIRST = set("（( \t\u3000第" + CHINESE_NUMERALS + FORMAL_NUMERALS)
PUBLICATION_MARK = rule(
    "publication_mark",
    r"頁|页|出版|[0-9]{4}",
    "A further source names a page, a publisher or a year; prose that also starts 'X,「…」' does not.",
    examples=("沈明室，「互信或防範」，頁5。", "《兩岸》（台北：五南出版）", "2009"),
    counterexamples=("其次,「信心建立措施」有助於降低衝突",),
)
_PUBLICATION_MARK = PUBLICATION_MARK.compiled
LOWER_NOTE_WORDS = rule(
    "lower_note_words",
    rf"^{alternation(LOWER_CASE_NOTE_OPENERS_EN)}",
    "Lower-case words that may still open a note (ibid., see, cf., supra): other lower-case text goes on a sentence.",
    examples=("see Schelling, The Strategy of Conflict", "cf. Glaser, 22.", "ibid., 5.", "supra note 3."),
    counterexamples=("the United States and China", "as the report notes"),
    flags=re.I,
    anchored=True,
)
_LOWER_NOTE_WORDS = LOWER_NOTE_WORDS.compiled
ABBREVIATION_END = rule(
    "abbreviation_end",
    rf"(?r)(?:\b[A-Z]|\b{alternation(tuple(set(ABBREVIATIONS) - set(NOTE_FINAL_ABBREVIATIONS)))})\.$",
    "A line ending in an abbreviation's period (pp., ed., an initial) has not ended its note.",
    examples=("Oxford: Clarendon, 1998, pp.", "in M. Gold ed.", "Laurence Chang and Peter K."),
    counterexamples=("Ibid.", "Id.", "D. Perkins, op. cit.", "New York: Press, 2001, p. 5."),
    requires=(".",),
)
CONTINUATION_NUMBER = rule(
    "continuation_number",
    rf"(?:\(\d+(?:/\d+)?\)\s*[:：]|{alternation(MONTHS_EN + MONTH_ABBREVIATIONS)}(?:\s|,|$)|[A-Z][A-Z.]+(?:\s+[A-Z]{{2,}})*\s*[,§])",
    "After a line-leading number, an issue and its pages, a month or a volume's SMALL-CAPS title: the number "
    "belongs to an unfinished note's citation (22(3): 45-67 / 21(1/2): 5-26 / 4 March 2011 / 2 WIGMORE, EVIDENCE).",
    examples=("(3): 45-67.", "(1/2): 5-26.", "March 2011, p. 5.", "Sept. 2001.", "WIGMORE, EVIDENCE § 1367 (1940).", "U.S.C. § 1983."),
    counterexamples=("Joseph L. Sheffield, Military Measures, 2009.", "楊永明，〈信心建立措施〉", "Mayo Clinic, 2016."),
    anchored=True,
)
_ABBREV_END = ABBREVIATION_END.compiled  # these two are asked for most note lines: no prefilter call
BODY_HEADING = rule(
    "body_heading",
    rf"^\s*(?:[（(][{CHINESE_NUMERALS}]{{1,3}}[）)]|[{CHINESE_NUMERALS}{FORMAL_NUMERALS}]{{1,3}}、"
    rf"|第[{CHINESE_NUMERALS}0-9]{{1,3}}{alternation(SECTION_WORDS)})\s*\S.{{0,30}}$",
    "A numbered section heading of the body (（二）, 一、, 貳、, 第二節): it ends the note before it.",
    examples=("（二）美中軍事熱線的建立", "一、前言", "貳、文獻回顧", "第二節 研究方法"),
    counterexamples=("一九九八年，雙方在北京舉行會談，並簽署協議，建立熱線。", "同上，頁5。", "(2) p. 5"),
    anchored=True,
)
_BODY_HEADING = BODY_HEADING.compiled
# "第5" without 頁 is "第5期" cut at the line's end, not a page
PAGE_REF_END = rule(
    "page_ref_end",
    r"(?r)(?:(?:頁|pp?\.)\s*\d+(?:\s*[-–~～]\s*\d+)?|第\s*\d+(?:\s*[-–~～]\s*\d+)?\s*頁)$",
    "A line that ends in the pages cited (頁 12, pp. 3-5, 第5頁) ends its note.",
    examples=("《兩岸》（台北：五南，2009），頁 170", "Foreign Affairs, pp. 3-5", "第5-6頁"),
    counterexamples=("《問題與研究》，第5", "2009年"),
)
_PAGE_REF_END = PAGE_REF_END.compiled
URL_LINE = rule(
    "url_line",
    r"^(?:<?https?://|www\.)\S+$",
    "A line that is a URL belongs to the note above it (a citation's address broken onto a line of its own).",
    examples=("https://www.mnd.gov.tw/Publish.aspx?p=76", "<https://doi.org/10.1080/01402390.2011.5>", "www.cna.com.tw"),
    counterexamples=("參見 https://www.mnd.gov.tw", "https://www.mnd.gov.tw 檢索日期"),
    flags=re.I,
    anchored=True,
)
_URL = URL_LINE.compiled
PAGE_NUMBER_LINE = rule(
    "page_number_line",
    r"^[-–—\s]*\d{1,4}[-–—\s]*$",
    "A page number on a line of its own (12, - 12 -, — 12 —).",
    examples=("12", " - 45 - ", "— 7 —"),
    counterexamples=("12 楊永明，〈信心建立措施〉", "2009年"),
    anchored=True,
)
_PAGE_NUMBER_LINE = PAGE_NUMBER_LINE.compiled
ISSUE_LINE = rule(
    "issue_line",
    r"^\s*\d{0,4}\s*(?:中華民國|民國)[〇○零一二三四五六七八九十百\d]{1,6}年[一二三四五六七八九十\d]{1,3}月.{0,20}$",
    "A journal's issue line in the page furniture (中華民國一○五年三月): no note, whatever number leads it.",
    examples=("中華民國一○五年三月", "42 民國105年3月 第18卷第1期", "民國99年12月"),
    counterexamples=("中華民國一○五年三月，國防部發布報告，指出共軍在臺海周邊的活動日益頻繁，值得注意。",),
    anchored=True,
)
_ISSUE_LINE = ISSUE_LINE.compiled
ISSUE_WORDS = rule(
    "issue_words",
    r"第.{1,6}[期卷]|Vol\.|No\.",
    "Words of a journal's issue: a short line with a rule bar and these is the page's running head.",
    examples=("遠景基金會季刊 │ 第18卷第1期", "Issues & Studies | Vol. 52, No. 1"),
    counterexamples=("遠景基金會季刊 │ 2017年1月",),
)
_ISSUE_WORDS = ISSUE_WORDS.compiled


@dataclass
class _Copy:
    number: int | str
    line: int
    lines: list[str] = field(default_factory=list)
    text: str = ""  # set when the copy is complete
    squashed: str = ""


@dataclass
class DetectedNotes:
    notes: list[Note]
    anomalies: list[Anomaly]
    warnings: list[str] = field(default_factory=list)


def detect_notes(text: str) -> DetectedNotes:
    lines = text.split("\n")
    furniture = _furniture_lines(text)
    stars = "＊" in text or "✽" in text or "*" in text
    scanner = _Scanner(star_marked=stars and _star_in_body(lines))
    paged = "\f" in text
    heads = [] if paged else sorted(furniture)  # without form feeds, running heads start the pages
    # the note area is read page by page
    alone = _numbers_alone(text) if paged or heads else {}
    alone = {i: n for i, n in alone.items() if not (i > 0 and _page_cut_off(lines[i - 1]))}
    if not paged and alone and len(alone) <= len(_GLUED_NUMBER_START.findall("\n" + text)):
        alone = {}  # most note numbers are glued to their notes (pdfplumber): a number alone is a marker's
    pages = ((_pages(lines, alone, furniture.difference(alone)) if paged else _pages_by_heads(heads, alone, len(lines)))
             if alone else [])
    at = sorted(alone)
    for lo, hi in pages or ((0, len(lines)),):
        here = [alone[i] for i in at[bisect_left(at, lo):bisect_left(at, hi)]]
        # most pages hold no number alone that could be the next note's
        area = _detached_area(lines, lo, hi, furniture, alone, scanner) if _number_run(here, scanner.seen) else None
        area_begins = min(area.taken) if area is not None else None
        for index in range(lo, hi):
            if area is not None and index in area.taken:
                if index == area_begins:  # the notes in the order of their numbers, not of the page
                    for number, unit in area.notes:
                        for _ in range(area.printed):
                            scanner.add_note(number, unit[0] + 1, [lines[i] for i in unit])
                continue
            raw = lines[index]
            if index in furniture:  # a page number or running head: the page ended, and any note with it
                scanner.end_page()
                continue
            if not raw or raw.isspace():  # half the lines of extracted text: skip the call
                scanner.gap = True  # a blank line parts a note from the text after it (see feed)
                if "\f" in raw:
                    scanner.end_page()
                continue
            scanner.feed(raw, index + 1)
    scanner.close_note()
    detected = _assemble(scanner.copies, scanner.markers)
    if scanner.max_note >= _MAX_NOTE_NUMBER - 9:  # rare: look for the sequence running past four digits
        detected.warnings.extend(_beyond_four_digits(text, scanner.max_note))
    return detected


_MAX_NOTE_NUMBER = 9999
_MAX_HELD_LINES = 8  # a note's tail after a line that ends a sentence; more is body text
_FIVE_DIGIT_START = compile_fast(r"^[ \t\u3000]*(\d{5,})[ \t\u3000]*\S", re.M)


def _beyond_four_digits(text: str, last: int) -> list[str]:
    """Note numbers have at most four digits: say so when the sequence goes on past them."""
    for m in _FIVE_DIGIT_START.finditer(text):
        if last < int(m.group(1)) <= last + 3:
            return [f"note {m.group(1)} and later are not read: note numbers have at most four digits "
                    f"(the last note read is {last})"]
    return []


class _Scanner:
    """One pass over the lines; a small state machine of body / note block."""

    def __init__(self, star_marked: bool = False) -> None:
        self.star_marked = star_marked
        self.note_lines: list[str] = []
        self._note_widths: list[int] = []  # widths of note_lines, measured only when the layout matters
        self.body_lines: list[str] = []
        self.recent_body: list[str] = []  # body lines since the last note line
        self.block_at: tuple[int, int] | None = None  # where in recent_body a blank line last parted text, next_marker then
        self._layout: tuple | None = None  # (body lines, note lines, two columns?, note width) last measured
        self.table_from: int | None = None
        self.copies: list[_Copy] = []
        self.current: _Copy | None = None
        self.markers: dict[int, int] = {}  # note number -> line of its body marker
        self.next_marker = 1
        self.max_note = 0
        self.detached_max = 0  # the last note number seen alone on a line (see _detached_area)
        self.texts_by_number: dict[int | str, str] = {}
        self._page_width: int | None = None
        self.held: list[str] | None = None  # body lines since a finished note (see _carry_over)
        self.early_end: tuple[int, list[str]] | None = None  # (N, lines) printed above N+1 before N (see _carry_over)
        self.gap = False  # a blank line came before the line being read
        self.dotted_list = False  # the last note opened "N. …": an endnote list numbered with periods

    def feed(self, raw: str, lineno: int) -> None:
        """One non-blank line."""
        if "\f" in raw:  # a page break glued to text
            self.end_page()
            raw = raw.replace("\f", "")
        line = raw
        gap, self.gap = self.gap, False
        if (self.current is None and self.table_from is None and not _NOTEWORTHY_CHAR.search(line)
                and not (_may_start_with_head_word(line) and _NOTEWORTHY_HEAD.match(line))):
            self._body(line, gap)
            if self.held is not None:
                self._hold(None if gap else line)
            return  # plain body text: no marker, no note start, no table
        if self._in_table(line, lineno):
            self.close_note()
            self.held = None
            return
        start = self._note_start(line)
        if start is not None:
            self.close_note()
            number, rest = start
            self._carry_over(number)
            self.current = _Copy(number, lineno, [rest])
            self._note_line(line)
            return
        if self.current is None and not gap and self._wrapped_marker(line, lineno):
            return
        if _PAGE_NUMBER_LINE.match(line) and self.current is None:  # a page number: the page's foot
            self.end_page()
            return
        if gap:  # text after a blank line is a new block, not the tail of the note held above it
            self.held = None
        if self.current is not None:
            verdict = decide(CONTINUATION_DECISIONS, Candidate(line, None, self)).verdict
            if verdict is Verdict.CONTINUES:
                self.current.lines.append(line)
                self._note_line(line)
                return
            self.close_note()
            self.held = [] if verdict is Verdict.HOLDS and not gap else None
        if _PAGE_NUMBER_LINE.match(line):
            return
        self._body(line, gap)
        expected = self.next_marker
        self._scan_markers(line, lineno)
        if self.held is not None:
            self._hold(line if self.next_marker == expected else None)

    def end_page(self) -> None:
        """A page break or a page's furniture: the note ends; lines held since the page's last note are its
        tail (a sentence of it ended at a line's end, and nothing else follows the notes on a page)."""
        self.close_note()
        if self.held:
            self.extend_last(self.held)
        self.held = None
        self.early_end = None

    def _hold(self, line: str | None) -> None:
        """A body line after a finished note, kept in case the next note follows on the page; None (a line
        with a body marker) or too many lines for a note's tail: body text."""
        self.held = None if line is None or len(self.held) >= _MAX_HELD_LINES else self.held + [line]

    # --- a note that runs over to the next page --------------------------------------
    def _note_line(self, line: str) -> None:
        self.note_lines.append(line)
        self.recent_body = []
        self.block_at = None

    def _body(self, line: str, gap: bool = False) -> None:
        self.body_lines.append(line)  # measured only when the layout matters (rarely)
        if gap:
            self.block_at = (len(self.recent_body), self.next_marker)
        self.recent_body.append(line)

    def _block_above(self) -> list[str]:
        """The lines right above the next note since a blank line parted them from the body, when they
        carry no body marker: the end of a note run over from the page before, printed at the top of this
        page's note area (English notes under an English body read like the body)."""
        if self.block_at is None or self.block_at[0] == 0 or self.block_at[1] != self.next_marker:
            return []
        block = self.recent_body[self.block_at[0]:]
        return block if len(block) < _MAX_CARRIED_LINES else []

    def _carry_over(self, number) -> None:
        """Lines between note N and note N+1 that were read as body text are N's when N+1 follows at once:
        in one column, the lines after a line that ended N where a sentence happened to end at the line's
        end, or the end of an unfinished N at the top of the next page's note area; in two columns,
        full-width lines after an unfinished N."""
        held, self.held = self.held, None
        prev = self.copies[-1] if self.copies else None
        if prev is None or not isinstance(number, int):
            return
        if held and number in self.texts_by_number and number < prev.number and not self._two_columns():
            # the block printed again starts: the first copy ended, as at the page's foot (the extractor opens
            # the second copy with a space: what follows it is the copy's)
            self.extend_last(list(takewhile(lambda line: line[:1] not in (" ", "\u3000"), held)))
            return
        if number - 1 > self.max_note and self.block_at == (0, self.next_marker) and len(self.recent_body) <= 2:
            # interleaved columns: the lines set apart right above N+1 may end N, printed further down the page
            self.early_end = (number - 1, list(self.recent_body))
        if prev.number != number - 1:
            self._address_run_over(number)
            return
        if held and not self._two_columns():
            self.extend_last(held)
            return
        if _complete(prev.lines[-1]) or not self.recent_body:
            return
        if not self._two_columns():
            self.extend_last(_note_end_above(self.recent_body) or self._block_above())
            return
        full = 0.75 * self._note_width()
        lines = self.recent_body
        i = len(lines) - 1
        taken = []
        if i >= 1 and _display_width(lines[i]) < full and _complete(lines[i]) and _display_width(lines[i - 1]) >= full:
            taken.append(lines[i])  # the continuation's own short last line
            i -= 1
        while i >= 0 and _display_width(lines[i]) >= full:
            taken.append(lines[i])
            i -= 1
        if taken:
            self.extend_last(taken[::-1])

    def _address_run_over(self, number: int) -> None:
        """Two columns' notes come interleaved, so the page's last note need not be the last one printed: when
        it is unfinished, an address alone right above the next note, parted from the body by a blank line, is
        its end run over to the next page's note area."""
        end = next((c for c in reversed(self.copies) if c.number == number - 1), None)
        if end is None or self.max_note != end.number or _complete(end.lines[-1]):
            return
        block = self._block_above()
        if len(block) == 1 and _URL.match(block[0].strip()):
            self.extend_last(block, end)

    def _two_columns(self) -> bool:
        """Body lines much narrower than note lines (the body's upper quartile: short paragraphs have many short last
        lines). Medians are refreshed as the counts grow by a tenth."""
        sizes = (len(self.body_lines), len(self.note_lines))
        if sizes[0] < 10 or sizes[1] < 2:
            return False
        if self._layout is None or sizes[0] > self._layout[0] * 1.1 or sizes[1] > self._layout[1] * 1.1:
            note = statistics.median(self.note_widths())
            step = max(1, len(self.body_lines) // 300)
            body = _upper_quartile([_display_width(line) for line in self.body_lines[::step]])
            self._layout = (*sizes, body < 0.7 * note, note)
        return self._layout[2]

    def note_widths(self) -> list[int]:
        """The widths of the note lines so far (most documents never ask)."""
        self._note_widths.extend(map(_display_width, self.note_lines[len(self._note_widths):]))
        return self._note_widths

    def _note_width(self) -> float:
        self._two_columns()
        return self._layout[3] if self._layout else statistics.median(self.note_widths())

    def _in_table(self, line: str, lineno: int) -> bool:
        """Table rows start with numbers too; nothing from a caption to its source line is a note."""
        if self.table_from is None and _may_start_with_head_word(line) and _TABLE_CAPTION.match(line):
            self.table_from = lineno
        if self.table_from is None:
            return False
        if _TABLE_END.match(line) or lineno - self.table_from > _TABLE_MAX_LINES:
            self.table_from = None
            return _TABLE_END.match(line) is not None
        return True

    def page_width(self, lines: list[str]) -> int:
        """The document's full text width: its widest lines but a few (measured once, when a page asks)."""
        if self._page_width is None:
            step = max(1, len(lines) // 500)  # a sample sets a percentile
            widths = sorted(_display_width(line) for line in lines[::step] if line.strip())
            self._page_width = widths[int(0.99 * (len(widths) - 1))] if widths else 0
        return self._page_width

    @property
    def seen(self) -> int:
        """The last note number known, from note texts or from numbers alone on a line; a page whose note area
        could not be read still moves the sequence on by its body markers (the last of which may have its note
        on the next page), so that the pages after it are read."""
        return max(self.max_note, self.detached_max, self.next_marker - 2)

    def open_ended(self) -> bool:
        """The last note read does not end like a note (it runs on to the next page)."""
        return bool(self.copies) and self.current is None and not _complete(self.copies[-1].lines[-1].strip())

    def extend_last(self, lines: list[str], prev: _Copy | None = None) -> None:
        """Lines that continue the last note read, or `prev` (found on the next page)."""
        if not lines:
            return
        prev = prev or self.copies[-1]
        old = prev.text
        prev.lines.extend(lines)
        prev.text = join_lines(prev.lines)
        prev.squashed = _squash(prev.text)
        if self.texts_by_number.get(prev.number) == old:
            self.texts_by_number[prev.number] = prev.text

    def add_note(self, number: int | str, lineno: int, lines: list[str]) -> None:
        """A note whose number and extent the page layout already told (see _detached_area)."""
        self.close_note()
        self.current = _Copy(number, lineno, [line.replace("\f", "") for line in lines])
        self.close_note()
        self.recent_body = []
        self.block_at = None
        self.held = None

    def close_note(self) -> None:
        if self.current is None:
            return
        copy = self.current
        if self.early_end and self.early_end[0] == copy.number and not _complete(copy.lines[-1]):
            copy.lines.extend(self.early_end[1])
        copy.text = join_lines(copy.lines)
        copy.squashed = _squash(copy.text)
        self.copies.append(copy)
        self.texts_by_number.setdefault(copy.number, copy.text)
        if isinstance(copy.number, int):
            self.max_note = max(self.max_note, copy.number)
            self.next_marker = max(self.next_marker, copy.number + 1)
        self.current = None

    # --- note block lines: the decisions are the tables NOTE_START_DECISIONS and CONTINUATION_DECISIONS
    def _start_candidate(self, line: str) -> Candidate | None:
        """The line as a possible note start, or None when no note number or star opens it."""
        first = line.lstrip(" \t\u3000")[:1]
        m = _NOTE_START.match(line) if first in _NOTE_START_FIRST or first.isdecimal() else None
        return Candidate(line, m, self) if m else None

    def _note_start(self, line: str) -> tuple[int | str, str] | None:
        candidate = self._start_candidate(line)
        if candidate is None or decide(NOTE_START_DECISIONS, candidate).verdict is not Verdict.START:
            return None
        self.dotted_list = candidate.dotted
        return candidate.number, candidate.rest

    def _continues_with_number(self, rest: str) -> bool:
        """'22(3): 45-67', '4 March 2011', '2 WIGMORE, EVIDENCE': a number that goes on with an unfinished
        note (an issue, a date, a volume) rather than start the next one."""
        if self.current is None or _complete(self.current.lines[-1].strip()):
            return False
        return CONTINUATION_NUMBER.find(rest) is not None

    # --- body markers -----------------------------------------------------
    def _scan_markers(self, line: str, lineno: int) -> None:
        expected = self.next_marker
        # a digit run is a marker only if it starts with one of the next three numbers: most lines hold none
        if str(expected) in line or str(expected + 1) in line or str(expected + 2) in line:
            for m in _DIGIT_RUN.finditer(line):
                self._marker(_marker_number(line, m.start(), m.end(), self.next_marker), lineno)
        if not _SYMBOL_HINT.search(line):
            return
        for m in _SYMBOL_MARKER.finditer(line):
            number = _symbol_number(m)
            self._marker(number if self.next_marker <= number <= self.next_marker + 2 else None, lineno)

    def _wrapped_marker(self, line: str, lineno: int) -> bool:
        """The next marker alone right under a body line that ends a sentence: the marker of that sentence,
        wrapped onto a line of its own (a page number comes after a blank line)."""
        if line.strip() != str(self.next_marker) or not self.recent_body or not _ends_sentence(self.recent_body[-1]):
            return False
        self._marker(self.next_marker, lineno)
        return True

    def _marker(self, number: int | None, lineno: int) -> None:
        if number is not None:
            self.markers.setdefault(number, lineno)
            self.next_marker = number + 1


# --- note-start and continuation decisions as data ----------------------------------------------
# Each table is read top down and the first row whose test holds decides: the order is the rule. A new
# case is a new row, with examples: lines that the scanner reads in order, the last being the one the
# row decides (tests/test_notes_decisions.py checks that each example is decided by its own row).


class Verdict(enum.Enum):
    START = "starts a note"
    NOT_START = "starts no note"
    CONTINUES = "goes on with the note"
    ENDS = "ends the note"
    HOLDS = "ends the note, unless the next note or the page's foot follows: the lines up to it are the note's"


class Candidate:
    """What a decision looks at: a line, its note-number match (None when the question is whether the
    line goes on with the open note) and the scanner's state. A small slotted class, built for every
    line that reaches a table: a hand-written __init__ costs less than a dataclass's with __post_init__."""
    __slots__ = ("line", "match", "scanner", "rest", "number", "spaced", "star", "circled", "dotted")

    def __init__(self, line: str, match, scanner: _Scanner) -> None:
        self.line, self.match, self.scanner = line, match, scanner  # match: NOTE_NUMBER_START's, or None
        if match is None:
            return
        self.rest = match["rest"]  # the text after the number
        self.spaced = bool(match["sp"])  # a space between the number and the text
        self.dotted = bool(match["dot"])  # "1. "
        star, circ = match["star"], match["circ"]
        self.star, self.circled = bool(star), bool(circ)
        self.number = "*" if star else CIRCLED[circ] if circ else int(match["num"] or match["brk"] or match["zhu"])

    @property
    def citation_like(self) -> bool:
        return _citation_like(self.rest)

    @property
    def follows(self) -> bool:
        """The number is the one after the note being read."""
        current = self.scanner.current
        return current is not None and isinstance(current.number, int) and self.number == current.number + 1

    @property
    def last_complete(self) -> bool:
        """The open note's last line ends the note."""
        return _complete(self.scanner.current.lines[-1])


@dataclass(frozen=True)
class Decision:
    name: str
    doc: str
    applies: Callable[[Candidate], object]
    verdict: Verdict
    examples: tuple[str, ...]  # lines read in order ("\n"-separated); this row decides the last


def decide(table: tuple[Decision, ...], candidate: Candidate) -> Decision:
    """The first row that applies (every table ends with a row that always does)."""
    for row in table:
        if row.applies(candidate):
            return row
    raise AssertionError("a decision table lacks its final row")


def _opens_with_code(rest: str) -> bool:
    m = STATUTE.find(rest)
    return m is not None and m.start() == 0 and m["v"] is not None


def _far_ahead(c: Candidate) -> bool:
    s = c.scanner
    known = max(s.max_note, s.next_marker - 1)
    return c.number > known + 3 and not (known == 0 and c.spaced and c.citation_like and not _is_year(str(c.number)))


def _repeated_copy(c: Candidate) -> bool:
    seen = c.scanner.texts_by_number.get(c.number)
    return seen is not None and (_same_start(c.rest, seen) or c.follows or c.spaced and c.citation_like)


def _glued_citation(c: Candidate) -> bool:
    return _reads_as_chinese_citation(c.rest)


def _reads_as_chinese_citation(text: str) -> bool:
    """A name or lead-in, a mark of a citation, and the citation scorer agrees ('徐曉迪，〈…〉', '王名揚，前揭書'):
    prose starts the same way ('此外，…')."""
    return bool((_CJK_NAME_START.match(text) and not _DISCOURSE_OPENER.match(text) or _NOTE_LEAD_IN.match(text))
                and _CITATION_MARKS.search(text) and citation_score(text) >= 1)


def _commentary_after_marker(c: Candidate) -> bool:
    s = c.scanner
    return c.number in s.markers and c.number == s.max_note + 1 and len(c.rest) >= 10


def _two_column_body(c: Candidate) -> bool:
    s = c.scanner
    return (c.line[:1].isspace() and not c.last_complete and s._two_columns()
            and _display_width(c.line) < 0.75 * s._note_width())


_START, _NOT_START = Verdict.START, Verdict.NOT_START
NOTE_START_DECISIONS: tuple[Decision, ...] = (
    Decision("author_note", "A star before prose opens the author note, when a star also marks the author's name "
             "in the body and no numbered note came before.",
             lambda c: c.star and len(c.rest) > 3 and c.scanner.max_note == 0 and c.scanner.star_marked, _START,
             ("兩岸軍事互信機制之研究＊\n＊作者為國防大學戰略研究所副教授。", "海軍上校 蕭傑建\n＊\n＊ 蕭傑建，國立政治大學外交學系博士生。")),
    Decision("other_star", "Any other star at a line's start marks no note.", lambda c: c.star, _NOT_START,
             ("＊作者為國防大學戰略研究所副教授。",)),
    Decision("circled_number", "A circled number (①) opens a note.", lambda c: c.circled, _START,
             ("① 同前註，頁5。",)),
    Decision("author_left_out", "The next note's number, a space, then a full-width comma: a citation whose author "
             "was left out ('13 ，〈周易外傳〉…'); a quantity has no space before its comma (2,858).",
             lambda c: c.spaced and c.rest[0] == "，" and (c.follows or c.number == c.scanner.max_note + 1), _START,
             ("12 同上，頁5。\n13 ，〈周易外傳：卷5〉；收錄於王夫之編，《船山全書》，頁1003。",)),
    Decision("note_opens_with_a_year", "Inside a note block, the next number, a space, then a year: a note that opens "
             "with its year ('49 2009年,歐巴馬政府…' after note 48).",
             lambda c: c.spaced and c.rest[0].isdigit() and c.follows and _YEAR_FIRST.match(c.rest) is not None, _START,
             ("48 Goldman, “The Complicated Calibration of Love.”\n49 2009年,歐巴馬政府更進一步提出「戰略再保證」的構想。",)),
    Decision("note_opens_with_a_code", "The next note, a space, then a statute by its code's title number ('27 50 "
             "U.S.C. § 1541(c).' after note 26): a law note opens with the code's volume.",
             lambda c: c.spaced and c.rest[0].isdigit() and c.follows and c.last_complete and _opens_with_code(c.rest),
             _START, ("26 Id. at 506.\n27 50 U.S.C. § 1541(c) (2018).",)),
    Decision("quantity_punctuation", "Note 0 is none; a number before a digit, a decimal point, a comma or a closing "
             "bracket is a quantity (1.5, 2,858, 3）).", lambda c: c.number == 0 or c.rest[0] in _NOT_NOTE_START,
             _NOT_START, ("2,858 人次參與演習。", "3）美方的回應")),
    Decision("unit_after_number", "A unit after the number makes it a quantity (10月, 3期); a unit that is also a "
             "surname may begin an author's name ('12 萬家春，〈…〉').",
             lambda c: c.rest[0] in _UNIT_AFTER_NUMBER and not (c.rest[0] in _SURNAME_UNITS and _CJK_CITATION_LINE.match(c.rest)),
             _NOT_START, ("10月15日，雙方在北京舉行會談。", "3期合刊")),
    Decision("number_goes_on_with_note", "A number that goes on with an unfinished note: an issue, a date, a volume "
             "(22(3): 45-67 / 4 March 2011).", lambda c: c.scanner._continues_with_number(c.rest), _NOT_START,
             ("1 Bonnie Glaser, “Taiwan and China,” Foreign Affairs\n22(3): 45-67.",)),
    Decision("dotted_endnote", "In an endnote list numbered 'N. ', the next number opens its note whatever the note "
             "says ('9. This is the so-called law…'); initials and a name open the list ('1. W. Wundt: Grundzüge…').",
             lambda c: c.dotted and (c.follows and c.scanner.dotted_list
                                     or c.number == c.scanner.max_note + 1 and INITIALS_NAME_START.find(c.rest)), _START,
             ("NOTES.\n1. W. Wundt: Grundzüge der physiologischen Psychologie, II 213.",
              "8. H. Helmholtz, Handbuch der physiologischen Optik, Leipzig, 1867, p. 430.\n"
              "9. This is the so-called law of the specific energies of the senses.")),
    Decision("dotted_heading", "'1. 避免衝突升高' is a numbered heading; '1. Hillary Clinton, …' an endnote.",
             lambda c: c.dotted and not c.citation_like, _NOT_START, ("1. 避免衝突升高",)),
    Decision("issue_line", "A journal issue line is page furniture, whatever number leads it.",
             lambda c: _ISSUE_LINE.match(c.line), _NOT_START, ("2 民國105年3月 第18卷第1期",)),
    Decision("number_far_ahead", "A number more than three past the last note known is none (a year, a count); only a "
             "document's first note may start mid-sequence, spaced before a citation ('2011 Smith, …' is a year).",
             _far_ahead, _NOT_START, ("1 同上，頁5。\n2008 Bonnie Glaser, “Taiwan,” Foreign Affairs.",)),
    Decision("repeated_copy", "A number already read opens its note again when the text repeats the note (the "
             "extractor printed the block twice), follows the open note, or reads like a note after a space.",
             _repeated_copy, _START, ("1 同上，頁5。\n2 同前註。\n1 同上，頁5。",)),
    Decision("number_already_read", "Any other number already read is a quantity or a marker at a line's start.",
             lambda c: c.number in c.scanner.texts_by_number, _NOT_START,
             ("1 同上，頁5。\n這是第一段的正文，說明研究的背景與動機。\n1國際關係的研究方法有很多種。",)),
    Decision("spaced_lower_case", "After a space, lower-case text goes on a sentence ('3 percent of …'), unless it "
             "opens with ibid., see, cf. and the like.",
             lambda c: c.spaced and c.rest[0].islower() and not _LOWER_NOTE_WORDS.match(c.rest), _NOT_START,
             ("3 percent of the defence budget",)),
    Decision("spaced_number", "A number, a space, then text opens a note: the common layout of a note block.",
             lambda c: c.spaced, _START, ("1 楊永明，〈信心建立措施〉，頁5。", "2 see Schelling, The Strategy of Conflict, 21.")),
    Decision("glued_short_form", "The next note's number glued to a repeat reference ('21同註12，頁30。', '13同上。'): "
             "a note, also after body text.", lambda c: c.number == c.scanner.max_note + 1 and _SHORT_START.match(c.rest),
             _START, ("兩岸法制對於國家安全之界定，範圍寬窄有別。\n1同註12，頁30。",)),
    Decision("glued_opener", "A number glued to an opening bracket or quote, to an English name, or the number after "
             "the open note's opens a note.",
             lambda c: c.rest[0] in _OPENERS or c.follows or _LATIN_NAME_START.match(c.rest), _START,
             ("1《國防報告書》，頁5。", "2Bonnie Glaser, Promoting Confidence Building, 11.")),
    Decision("glued_chinese_citation", "Glued to Han text, a note only when it reads as a citation ('17徐曉迪，〈…〉'): "
             "body text starts the same way ('7此外，…').", _glued_citation, _START,
             ("1徐曉迪，〈兩岸關係的發展〉，《問題與研究》，2009年，頁5。",)),
    Decision("commentary_after_marker", "A commentary note whose marker the body already showed ('…。5', then "
             "'5此處所指…').", _commentary_after_marker, _START,
             ("兩岸關係的發展值得注意。1\n1此處所指的是雙方的軍事互信機制。",)),
    Decision("otherwise_body", "Anything else glued to a number is body text.", lambda c: True, _NOT_START,
             ("2此外，雙方也同意建立熱線機制。",)),
)

_PAGES_FIRST = compile_fast(r"[ \t\u3000]*(?:pp?\.\s*\d|頁\s*\d)")
# the address's rest: one piece with no space that opens with a path character, or with letters and digits
# up to one ('…/newscenter/2' / '006-05/17/content_4562304.htm>。')
_ADDRESS_PIECE = compile_fast(r"[ \t\u3000]*[A-Za-z0-9.\-]*[%/?&#=_~][^\s]*$")


def _address_goes_on(c: Candidate) -> bool:
    return _continues_address(c.scanner.current.lines[-1], c.line)


def _continues_address(prev: str, line: str) -> bool:
    """The line goes on with the address the line above ended with ('…/digital' / '%20literacy%20chapter.pdf.',
    '…/newscenter/2' / '006-05/17/index.htm')."""
    last_word = prev.rstrip().rsplit(" ", 1)[-1]
    return last_word.startswith(("http", "<http", "www")) and _ADDRESS_PIECE.match(line) is not None


_TWO_COLUMN_PAGE = "\n".join(["雙方軍事互信的建立需要時間"] * 10 + [
    "1 楊永明，〈信心建立措施與兩岸關係的發展：一個理論的分析架構〉，《問題與研究》，第48卷第2期，",
    "2009年，頁5-30，以及其他相關的研究文獻與討論，另請參閱林正義的相關論述與分析，及其後續研究，",
    " 正文在下一頁繼續。"])
CONTINUATION_DECISIONS: tuple[Decision, ...] = (
    Decision("url_line", "A URL on a line of its own belongs to the note above.",
             lambda c: _URL.match(c.line.strip()), Verdict.CONTINUES,
             ("1 楊永明，〈信心建立措施〉，2009年。\nhttps://www.mnd.gov.tw/Publish.aspx?p=76",)),
    Decision("body_heading", "A numbered section heading of the body ('（二）…') ends the note.",
             lambda c: c.line[:1] in _HEADING_FIRST and _BODY_HEADING.match(c.line), Verdict.ENDS,
             ("1 楊永明，〈信心建立措施〉，《問題與研究》，\n（二）美中軍事熱線的建立",)),
    Decision("two_column_body", "In two columns, an indented line narrower than the notes starts the next page's "
             "body, even after an unfinished note.", _two_column_body, Verdict.ENDS, (_TWO_COLUMN_PAGE,)),
    Decision("unfinished_note", "A note whose line does not end it goes on to the next line.",
             lambda c: not c.last_complete, Verdict.CONTINUES,
             ("1 楊永明，〈信心建立措施〉，《問題與研究》，\n第48卷第2期，頁5。",)),
    Decision("pages_line", "After a finished note, a line that opens with the pages cited goes on with it "
             "('參閱 Ibid.' / 'pp.174-177.'): pages open neither a note nor a sentence of the body.",
             lambda c: _PAGES_FIRST.match(c.line), Verdict.CONTINUES, ("1 參閱 Ibid.\npp.174-177.",)),
    Decision("address_goes_on", "After a line that ends with a URL, one piece that goes on with an address "
             "('…/digital' / '%20literacy%20chapter.pdf.') goes on with the note.", _address_goes_on, Verdict.CONTINUES,
             ("1 D. Bawden, Digital literacy, 2008, http://www.soi.city.ac.uk/~dbawden/digital\n%20literacy.pdf.",)),
    Decision("further_source", "After a finished note, a line that opens like a further source (an English name, a "
             "quoted title, '作者，〈…〉') goes on with it.",
             lambda c: _LATIN_NAME_START.match(c.line) or c.line[:1] in "〈《" or _further_source(c.line), Verdict.CONTINUES,
             ("1 同上，頁5。\n沈明室，〈互信或防範？〉，頁12。", "1 同上，頁5。\nJohn Grenville, The Major Treaties, 22.")),
    Decision("finished_note", "After a finished note anything else is body text, unless the next note or the page's "
             "foot follows: a sentence of the note happened to end at the line's end.", lambda c: True, Verdict.HOLDS,
             ("1 同上，頁5。\n這一段是正文，在2009年以後雙方關係改善。",)),
)


def line_decisions(lines: list[str]) -> list[Decision]:
    """The rows that decide the last of `lines` once the scanner has read the others (blank lines skipped):
    the start table's row when a note number opens the line, then the continuation table's row when a
    note is open and the line starts none. Why a line starts a note, goes on with one or is body text;
    for the tables' examples and for debugging."""
    scanner = _Scanner(star_marked=_star_in_body(lines))
    for lineno, line in enumerate(lines[:-1], 1):
        if line.strip():
            scanner.feed(line, lineno)
    candidate = scanner._start_candidate(lines[-1])
    rows = [decide(NOTE_START_DECISIONS, candidate)] if candidate else []
    if scanner.current is not None and not (rows and rows[0].verdict is Verdict.START):
        rows.append(decide(CONTINUATION_DECISIONS, Candidate(lines[-1], None, scanner)))
    return rows


# --- note numbers on lines of their own --------------------------------------------------
# PDF extractors set a superscript note number apart from its note: pdftotext -layout puts it on the
# line above the note, pdftotext puts it before, after, or somewhere else in the page's note area.
# On such a page the numbers tell how many notes the area holds; the text tells where each starts.
# Line-start patterns run over whole texts begin with a literal newline (the text gets one in front):
# the engine then jumps from newline to newline, where ^ is tried at every position.
_NUMBER_LINE = compile_fast(r"\n[ \t\u3000\f]*([0-9]{1,4})[ \t\u3000]*$", re.M)
_STAR_ALONE = compile_fast(r"[ \t\u3000\f]*[＊✽*][ \t\u3000]*")


_MAX_PAGE_LINES = 400
_GLUED_NUMBER_START = compile_fast(r"\n[ \t\u3000]*[0-9]{1,4}[ \t\u3000]*[^\s0-9]")


@dataclass
class _Area:
    notes: list[tuple[int | str, list[int]]]  # (number, line indices) in the order of the numbers
    taken: set[int]  # every line of the note area (notes, numbers, blanks)
    printed: int = 1  # 2 when the extractor printed the note block twice


_PAGE_WORD_END = compile_fast(r"(?:頁|页|\bpp?\.)\s*$")


def _page_cut_off(line: str) -> bool:
    """A note line that ends with the word for a page and no page ('…，頁'): the number alone below it is
    that page, wrapped ('…，頁' / '160'), not a note number; '第 99-101 頁' ends its pages."""
    return _PAGE_WORD_END.search(line) is not None and not _complete(line.strip())


def _numbers_alone(text: str) -> dict[int, int]:
    """Line index -> number, for lines that hold only a number (page numbers among them). One pass of a
    line-anchored pattern over the whole text: such lines are few, and every document is asked."""
    out: dict[int, int] = {}
    text = "\n" + text  # a match starts at the newline before its line: the count before it is the index
    line = last = 0
    for m in _NUMBER_LINE.finditer(text):
        line += text.count("\n", last, m.start())
        last = m.start()
        out[line] = int(m.group(1))
    return out


def _pages(lines: list[str], alone: dict[int, int], heads: set[int] = frozenset()) -> list[tuple[int, int]]:
    """Line ranges of the pages; pdftotext starts each page's first line with a form feed. A page of
    nothing but numbers and stars alone is the end of the page before: superscript note numbers, the
    author note's star and the page number that the extractor printed after the break."""
    starts = [0] + [i for i, line in enumerate(lines) if "\f" in line and i > 0]
    ends = starts[1:] + [len(lines)]
    kept = [a for a, b in zip(starts, ends)
            if a == 0 or not all(i in alone or not lines[i].strip(" \t\u3000\f") or _STAR_ALONE.fullmatch(lines[i])
                                 for i in range(a, b))]
    kept = [a for k, a in enumerate(kept) if k == 0 or not _rest_of_repeated_page(lines, kept[k - 1], a, heads, alone)]
    return [(a, b) for a, b in zip(kept, kept[1:] + [len(lines)]) if a < b]


_MAX_PAGE_REST_LINES = 20


def _rest_of_repeated_page(lines, before: int, at: int, heads: set[int], alone: dict[int, int]) -> bool:
    """A few lines after a form feed, with no running head, after a page that ends with its note block printed
    twice: the rest of that page (notes, numbers and the page number printed after the copy), when that page
    has a running head or the form feed stands alone on its line (a new page starts on the feed's line). A
    first line printed on that page already is its second copy going on past the break, not the rest."""
    end = next((i for i in range(at + 1, len(lines)) if "\f" in lines[i]), len(lines))
    rest = [lines[i].strip(" \t\u3000\f") for i in range(at, end) if i not in alone]
    rest = [line for line in rest if line]
    if len(rest) > _MAX_PAGE_REST_LINES or any(i in heads for i in range(at, end)):
        return False
    page = [i for i in range(before, at) if lines[i].strip(" \t\u3000\f")]
    if lines[at].strip(" \t\u3000\f") and not any(i in heads for i in page):
        return False
    if rest and rest[0] in {lines[i].strip(" \t\u3000\f") for i in page}:
        return False
    return _first_copy(lines, [i for i in page if i not in heads], alone) is not None


def _pages_by_heads(furniture: list[int], alone: dict[int, int], size: int) -> list[tuple[int, int]]:
    """Pages of text without form feeds (pdfplumber, pdftotext -nopgbrk): each starts at a running head or
    issue line that follows text (numbers alone are among the furniture too, but start no page)."""
    heads = [i for i in furniture if i not in alone]
    starts = [0] + [i for k, i in enumerate(heads) if i > 0 and (k == 0 or heads[k - 1] < i - 2)]
    return [(a, b) for a, b in zip(starts, starts[1:] + [size]) if a < b]


def _detached_area(lines, lo, hi, furniture, alone, scanner) -> _Area | None:
    """The page's note area when its note numbers stand on lines of their own, or None."""
    if hi - lo > _MAX_PAGE_LINES:
        return None  # no printed page is this long: not a page of extracted text, and the work would grow
    seen = scanner.seen
    # numbers alone recur on every page, so they are among the furniture: look at them all the same
    body = [i for i in range(lo, hi) if (i not in furniture or i in alone) and lines[i].strip(" \t\u3000\f")]
    if not body:
        return None
    page_numbers = _page_numbers(body, alone)
    text_lines = [i for i in body if i not in page_numbers]
    tail_at = next((i for i in range(lo + 1, hi) if "\f" in lines[i]), hi)  # the rest of the page after a break
    copy = _first_copy(lines, [i for i in text_lines if i < tail_at], alone)
    after_copies: list[int] = []
    found = [(i, alone[i]) for i in body if i in alone and i not in page_numbers]
    if copy is not None:  # the note block printed twice (../dev/000): read the first copy, count both
        # a line printed in both copies is a note's, even if it recurs like a running head
        inside = [i for i in range(copy[0], copy[1] + 1) if lines[i].strip(" \t\u3000\f")]
        after_copies = (_after_last_text(lines, [i for i in body if i < tail_at], alone)
                        + [i for i in body if i >= tail_at])
        body = [i for i in body if i < copy[0]] + inside
    run = _number_run([n for _, n in found], seen)
    if not run or _glued_numbers(lines, body, run):
        return None
    scanner.detached_max = run[-1]  # a page that cannot be read this way still moves the sequence on
    # a body marker may stand alone before its note; a number that the second copy holds is the note's
    # number only inside the first copy (a marker alone in the body above has the same number); one printed
    # after the second copy is the page's, as after a block printed once, unless the first copy holds it
    second = range(copy[1] + 1, after_copies[0] if after_copies else hi) if copy is not None else range(0)
    in_second = {n for i, n in found if i in second}
    last = {n: i for i, n in found
            if n in run and (copy is None or i not in second and (i >= copy[0] or n not in in_second))}
    if copy is not None:
        last.update((n, i) for i, n in found if n in run and copy[0] <= i <= copy[1])
    first = min((i for i in last.values() if i <= body[-1]), default=body[-1] + 1)  # not one printed after the copies
    # the numbers printed after the second copy are the first copy's as much as those after a single block
    displaced = _displaced_first_numbers(lines, body + after_copies, page_numbers, alone, last, run, scanner)
    if displaced is not None:
        numbers_here, units_here = displaced
        begin = units_here[0][0]
        taken = set(range(begin, hi)) - (furniture - set(range(begin, units_here[-1][-1] + 1)))
        return _Area(list(zip(numbers_here, units_here)), taken, 1 if copy is None else 2)
    author_note_possible = (scanner.star_marked and scanner.max_note == 0
                            and any(_STAR_ALONE.fullmatch(lines[i]) for i in body if i < first))
    labelled = None
    if not author_note_possible and not _numbers_above_indented(lines, last.values()):
        narrow = _narrow_page(lines, [i for i in body if i < first and i not in alone], scanner.page_width(lines))
        labelled = _labelled_notes(lines, [i for i in body if i not in page_numbers], first, alone, run,
                                   moved=copy is not None)
        if labelled and (narrow or _read_as_two_columns(labelled, last)):
            return _labelled_area(labelled, hi, furniture, copy)
    star = None
    if author_note_possible:
        star = next((i for i in reversed(body) if i < first and _STAR_ALONE.fullmatch(lines[i])), None)
    tail = [i for i in body + after_copies if i >= (first if star is None else star) and i not in page_numbers]
    units = _units(lines, tail, set(last.values()) | {star} | {i for i, _ in found})
    if star is not None and not units:
        star = None
    numbers: list[int | str] = (["*"] if star is not None else []) + run
    width = max(map(_display_width, (lines[i] for i in body)))
    before = _blocks_before(lines, body, first, alone) if star is None else []
    if before and units and _first_line_above_number(lines, first):
        units[0].insert(0, first - 1)
        before[0].pop()
        if not before[0]:
            before.pop(0)
    # a note right above the first number (printed after its note) comes before a split of the runs below,
    # when it opens a citation or reads as one right under the body's last line ("…。28") and no note runs
    # over from the page before; notes glued without a break come before body text above them
    while before and len(units) < len(numbers) and (
            _opens_citation(lines[before[0][0]].strip())
            or _ends_with_marker(lines[before[0][0] - 1]) and not scanner.open_ended()
            and citation_score(join_lines([lines[i] for i in before[0]])) >= 1):
        units.insert(0, before.pop(0))
    if before and len(units) < len(numbers):
        units = _split_strong(lines, units, len(numbers), width)
    while before and len(units) < len(numbers):
        units.insert(0, before.pop(0))
    carried = None  # the end of the previous page's last note, at the top of this page's notes
    if star is None and scanner.open_ended():
        if len(units) > 1 and _continuation_like(lines[units[0][0]]):
            carried = units.pop(0)
        elif before and _continuation_like(lines[before[0][0]]):
            carried = before[0]
    units = _fit(lines, units, len(numbers), width)
    if units is None or _marks_next_note(lines, units[-1], run[-1] + 1):
        # the numbers near the notes still read several of them, one after another down the page
        in_order = labelled and len(labelled) > 1 and all(a[1][0] < b[1][0] for a, b in zip(labelled, labelled[1:]))
        return _labelled_area(labelled, hi, furniture, copy) if in_order else None
    _first_lines_home(lines, units)
    if carried:
        scanner.extend_last([lines[i] for i in carried])
    begin = min([units[0][0]] + (carried or []))
    taken = set(range(begin, hi)) - (furniture - set(range(begin, units[-1][-1] + 1)))
    return _Area(list(zip(numbers, units)), taken, 1 if copy is None else 2)


def _labelled_area(labelled, hi: int, furniture: set[int], copy) -> _Area:
    """The note area of notes read by the numbers near them (see _labelled_notes)."""
    begin = min(unit[0] for _, unit in labelled)
    taken = set(range(begin, hi)) - (furniture - set(range(begin, max(u[-1] for _, u in labelled) + 1)))
    return _Area(labelled, taken, 1 if copy is None else 2)


def _displaced_first_numbers(lines, body, page_numbers, alone, last, run, scanner):
    """(numbers, units) when the numbers of the page's first note(s) stand after its last note: pdftotext
    prints a raised number drawn as its own text run wherever the run falls, often in a trailing run of
    numbers (and the author note's star) with no text after it. The note lines between the body's last
    marker and the first number line that has text after it belong, in order, to those trailing numbers;
    None when the page does not read so."""
    texts = [i for i in body if i not in alone and i not in page_numbers and not _STAR_ALONE.fullmatch(lines[i])]
    if not texts:
        return None
    end = texts[-1]
    trailing = [i for i in body if i > end and i not in page_numbers]
    star = [i for i in trailing if i not in alone]
    moved = sorted(alone[i] for i in trailing if i in alone and alone[i] in run)
    with_star = bool(star) and scanner.star_marked and scanner.max_note == 0
    if not moved and not with_star or moved != run[:len(moved)] or any(last.get(n, end + 1) > end for n in run[len(moved):]):
        return None
    rest = run[len(moved):]
    first = min((last[n] for n in rest), default=end + 1)
    marker = next((i for i in reversed(texts) if i < first and _marks(lines[i], run[-1])), None)
    if marker is None:
        return None
    region = [i for i in body if marker < i < first and i not in alone]
    later = [k for k, i in enumerate(region) if _ends_with_marker(lines[i])]
    if later:  # the body goes on below that line with the marker of a note on the next page ('…。10')
        region = region[later[-1] + 1:]
    stars = [i for i in region if _STAR_ALONE.fullmatch(lines[i])]
    if stars:  # the star stands before its note: the notes are read from it
        with_star = scanner.star_marked and scanner.max_note == 0
        region = [i for i in region if i > stars[-1]]
    region = _first_notes_region(lines, region, marker)
    numbers: list[int | str] = (["*"] if with_star else []) + moved
    width = max(map(_display_width, (lines[i] for i in body)))
    head = _fit(lines, _units(lines, region, set()), len(numbers), width) if region else None
    tail = _fit(lines, _units(lines, [i for i in texts if i >= first], set(alone)), len(rest), width) if rest else []
    if head is None or tail is None:
        return None
    return numbers + rest, head + tail


def _first_notes_region(lines, region: list[int], marker: int) -> list[int]:
    """The note lines among those after the body's last marker line: body paragraphs after that marker end
    at a blank line above the notes; without one, body text cut at the page's foot runs on into the first
    note, which starts at its citation."""
    gaps = [k for k in range(1, len(region)) if region[k] > region[k - 1] + 1]
    if gaps:
        return region[gaps[-1]:]
    if region and region[0] == marker + 1:
        return region[_citation_after_prose(lines, region):]
    return region


def _after_last_text(lines, body: list[int], alone: dict[int, int]) -> list[int]:
    """The numbers and stars alone after the page's last line of text."""
    texts = [i for i in body if i not in alone and not _STAR_ALONE.fullmatch(lines[i])]
    return [i for i in body if texts and i > texts[-1]]


def _numbers_above_indented(lines, at) -> bool:
    """pdftotext -layout prints each raised note number on a line of its own right above its note's first
    line, which it indents: a one-column note area, whatever the width of its lines (two columns' notes
    come out with their numbers after the text)."""
    below = [lines[i + 1][:1] in (" ", "\u3000") and bool(lines[i + 1].strip()) for i in at if i + 1 < len(lines)]
    return len(below) >= 2 and sum(below) > len(below) / 2


def _marks_next_note(lines, unit: list[int], number: int) -> bool:
    """The text under the last number alone carries the next note's marker right after a sentence ('…升級。5'):
    body text, and the number alone is a body marker that wrapped onto a line of its own (no note area)."""
    token = str(number)
    for i in unit:
        line = lines[i]
        at = line.find(token)
        while at > 0:
            if line[at - 1] in _SENTENCE_END + _CLOSING and not line[at + len(token):at + len(token) + 1].isdigit():
                return True
            at = line.find(token, at + 1)
    return False


def _marks(line: str, number: int) -> bool:
    """The body line carries the marker `number` (the page's last note's)."""
    token = str(number)
    at = line.rfind(token)
    return at >= 0 and _marker_number(line, at, at + len(token), number) == number


def _first_line_above_number(lines, first: int) -> bool:
    """pdftotext -layout sets a note's first line indented, and its superscript number may come out below
    that line: an indented line right above the page's first number that opens a note and does not end
    it is that number's note's first line (a body line above the notes has no indent)."""
    raw = lines[first - 1]
    line = raw.strip()
    return (raw[:1] in (" ", "\u3000") and (_opens_note(line) or _LOWER_NOTE_WORDS.match(line) is not None)
            and not _complete(line))


_MAX_CARRIED_LINES = 6
_YEAR_OR_PAGES = compile_fast(r"\b(?:1[5-9]|20)[0-9]{2}\b|\bpp?\.\s*[0-9]")


def _note_end_above(lines: list[str]) -> list[str]:
    """The end of a note that ran over from the page before, printed at the top of this page's note area
    below the body: the lines right above the next note that read as pieces of a citation (the body's own
    lines above them do not)."""
    i = len(lines)
    while i > 0 and len(lines) - i < _MAX_CARRIED_LINES and _citation_piece(lines[i - 1]):
        i -= 1
    return lines[i:] if i > 0 and len(lines) - i < _MAX_CARRIED_LINES else []


def _citation_piece(line: str) -> bool:
    """A line of a citation: a mark of a Chinese source, or Latin text with a year or pages (in a Chinese
    body, English lines with those are notes')."""
    if SOURCE_MARK.find(line):
        return True
    latin = sum(ch.isascii() and ch.isalpha() for ch in line)
    return latin > len(line) / 2 and _YEAR_OR_PAGES.search(line) is not None


def _first_lines_home(lines, units: list[list[int]]) -> None:
    """pdftotext -layout may print a note's number below its note's first line: the text run before the
    number then ends with a line that finished its own note and the next note's first line(s). Those lines
    go to the next note when they start like a note or are set in like a first line, or when the next run
    does not start like a note (it goes on with them); a whole one-line note set so is told by its
    first-line indent."""
    for k in range(len(units) - 1):
        unit = units[k]
        if _complete(lines[unit[-1]].strip()):
            done = len(unit) - 2  # a one-line note above its number: indented, after a line that ended a note
            if done < 0 or not _complete(lines[unit[done]].strip()) or not _indented_note_start(lines[unit[-1]]):
                continue
        else:
            done = next((i for i in range(len(unit) - 2, -1, -1) if _complete(lines[unit[i]].strip())), None)
            if done is None:
                continue
            raw = lines[unit[done + 1]]
            first = raw.strip()
            # See …, cf. …; or set in like a first line, whatever its words ('參' then '閱張三，…' below the number)
            opens = (_note_like_start(first) or _LOWER_NOTE_WORDS.match(first) is not None
                     or raw[:1] in (" ", "\u3000"))
            if not opens and _note_like_start(lines[units[k + 1][0]].strip()):
                continue
        units[k], units[k + 1] = unit[:done + 1], unit[done + 1:] + units[k + 1]


def _indented_note_start(raw: str) -> bool:
    return raw[:1] in (" ", "\u3000") and _opens_note(raw.strip())


def _narrow_page(lines, body, page_width: int) -> bool:
    """A page of two columns: its body lines are mostly about half as wide as the document's widest text. The
    upper quartile, not the median: one column of short paragraphs has many short last lines."""
    return len(body) >= 8 and _upper_quartile([_display_width(lines[i]) for i in body]) < 0.65 * page_width


def _upper_quartile(values: list[int]) -> float:
    return statistics.quantiles(values, n=4)[2]


def _labelled_notes(lines, body, first, alone, run, moved: bool = False) -> list[tuple[int, list[int]]] | None:
    """Two columns' notes as pdftotext prints them, interleaved: a column's notes set without a break between
    them come as one block of lines, their superscript numbers among or after the texts in any order (the
    numbers, in order, label the block's notes in order); numbers alone between blank lines label the blocks
    of text that no number is among, block for block in the order of the text. None when the page does not
    read so.
    `moved`: the first copy of a repeated block, whose missing numbers the second copy holds."""
    lines_here = set(body)
    start = first
    # the run of text right above the first number, up to a body paragraph's last line ("…。10")
    while start - 1 in lines_here and start - 1 not in alone and not _ends_with_marker(lines[start - 1]):
        start -= 1
    blocks: list[tuple[list[list[int]], list[int]]] = []  # (runs of text, numbers) between blank lines
    prev = None
    for i in (i for i in body if i >= start):
        if i in alone and alone[i] not in run:
            continue  # the page number, printed among the notes: a break like a blank line
        if prev is None or i != prev + 1:
            blocks.append(([], []))
        runs, numbers = blocks[-1]
        if i in alone:
            numbers.append(alone[i])
        elif runs and runs[-1][-1] == prev:
            runs[-1].append(i)
        else:
            runs.append([i])
        prev = i
    floating = [numbers for runs, numbers in blocks if not runs]  # a block of numbers alone labels a block of text
    if moved:
        placed = {n for _, numbers in blocks for n in numbers}
        floating.extend([n] for n in run if n not in placed)
    blocks = [block for block in blocks if block[0]]
    unlabelled = [numbers for _, numbers in blocks if not numbers]
    if len(unlabelled) != len(floating):
        return None
    for numbers, label in zip(unlabelled, floating):
        numbers.extend(label)
    width = max(map(_display_width, (lines[i] for i in body)))
    out = []
    for runs, numbers in blocks:
        pieces = _fit(lines, runs, len(numbers), width)
        if pieces is None:
            return None
        out.extend(zip(sorted(numbers), pieces))
    if sorted(n for n, _ in out) != run:
        return None
    return sorted(out)


def _read_as_two_columns(labelled: list[tuple[int, list[int]]], number_at: dict[int, int]) -> bool:
    """Notes labelled by the numbers near them read as two columns side by side (see _columns_interleave), and
    the numbers stand nearer their notes so than with the same notes taken in the order of the text."""
    flow = sorted(labelled, key=lambda note: note[1][0])
    if not _columns_interleave([n for n, _ in flow]):
        return False
    in_order = zip(sorted(n for n, _ in labelled), (unit for _, unit in flow))
    return _distance_to_numbers(labelled, number_at) < _distance_to_numbers(in_order, number_at)


def _distance_to_numbers(notes, number_at: dict[int, int]) -> int:
    """Lines between each note's text and its number alone on a line."""
    return sum(min(abs(number_at[n] - unit[0]), abs(number_at[n] - unit[-1])) for n, unit in notes if n in number_at)


def _columns_interleave(numbers: list[int]) -> bool:
    """The notes' numbers in the order of the text read two columns side by side: the left column's notes
    (the lower numbers) and the right column's each in order, the two taking turns more than once, each
    column with at least two notes and a quarter of the page's (a column's text is as long as the other's).
    One column's notes come in order, but for a number or two that the extractor moved."""
    n = len(numbers)
    for split in sorted(numbers)[2:n - 1]:
        left = [x < split for x in numbers]
        if min(sum(left), n - sum(left)) < max(2, n / 4):
            continue
        if ([x for x in numbers if x < split] == sorted(x for x in numbers if x < split)
                and [x for x in numbers if x >= split] == sorted(x for x in numbers if x >= split)
                and sum(a != b for a, b in zip(left, left[1:])) >= 2):
            return True
    return False


def _continuation_like(line: str) -> bool:
    """A line that goes on with a sentence rather than start a note."""
    s = line.strip()
    return bool(s) and (s[0] in "，,、；;：:.)）」』》〉" or s[0].islower()) and not _LOWER_NOTE_WORDS.match(s)


def _page_numbers(body: list[int], alone: dict[int, int]) -> set[int]:
    """A number alone at the page's top or foot, unless the note numbers above it need it to run on."""
    ends = {body[-1], body[0]} & alone.keys()
    others = [alone[i] for i in body if i in alone and i not in ends]
    return {i for i in ends if alone[i] in others or not any(n > alone[i] for n in others)
            or alone[i] - 1 not in others}


def _first_copy(lines, text_lines, alone) -> tuple[int, int] | None:
    """(first, last) line of the first copy when the page ends with text printed earlier on it: the note
    block printed twice. Numbers alone aside (the second copy may hold them elsewhere or not at all); the
    second copy may lack lines of the first or give its runs in another order. The first copy starts with
    the blank lines, stars and numbers right above it, a number only when one stands before the second copy's
    text too (else it is a body marker wrapped onto a line of its own). Stars alone aside too (an author
    note's raised star)."""
    texts = [i for i in text_lines if i not in alone and not _STAR_ALONE.fullmatch(lines[i])]
    squashed = [lines[i].strip(" \t\u3000\f") for i in texts]
    n = len(squashed)
    first_seen: dict[str, int] = {}
    for k, line in enumerate(squashed):
        first_seen.setdefault(line, k)
    earliest, reach = n, -1  # reach: the latest first sighting of a line in texts[k:]
    starts = []  # (k, earliest first sighting in texts[k:]) where the second copy may start
    for k in range(n - 1, 0, -1):
        reach = max(reach, first_seen[squashed[k]])
        earliest = min(earliest, first_seen[squashed[k]])
        if reach < k:
            starts.append((k, earliest))
    # the extractor opens the second copy with a space: the copy's start, when the last lines of the first
    # copy were printed earlier too (notes that say the same, 'Ibid.')
    spaced = [(k, e) for k, e in starts
              if any(lines[i][:1] in (" ", "\u3000") for i in range(texts[k - 1] + 1, texts[k] + 1))]
    copy_at, copy_from = (spaced or starts or [(None, None)])[-1]
    if copy_at is None:
        return None
    if (n - copy_at < 2 or len(set(squashed[copy_at:])) < 2) and not _only_spaced_opening(lines, texts, copy_at):
        return None  # one line said twice is a note that repeats another, unless the extractor's space opens it
    end = texts[copy_at] - 1  # up to the second copy, less the numbers and blank lines before it
    while _no_text(lines, end, alone):
        end -= 1
    between = {alone[i] for i in range(end + 1, texts[copy_at]) if i in alone}
    start = texts[copy_from]
    while start > 0 and _no_text(lines, start - 1, alone) and (start - 1 not in alone or alone[start - 1] in between):
        start -= 1
    return start, end


def _only_spaced_opening(lines, texts: list[int], k: int) -> bool:
    """The second copy's opening, texts[k] or the number right above it, is the page's one line that starts
    with a space (plain pdftotext starts none; -layout indents many)."""
    spaced = [i for i in range(texts[0], texts[-1] + 1) if lines[i][:1] in (" ", "\u3000")]
    return len(spaced) == 1 and texts[k - 1] < spaced[0] <= texts[k]


def _no_text(lines, i: int, alone: dict[int, int]) -> bool:
    """A blank line, a number alone or a star alone."""
    return i in alone or not lines[i].strip(" \t\u3000\f") or _STAR_ALONE.fullmatch(lines[i]) is not None


def _number_run(numbers: list[int], max_note: int) -> list[int]:
    """Consecutive numbers from the next expected one (a note or two may have been lost)."""
    ahead = {n for n in numbers if n > max_note}
    if not ahead or min(ahead) > max_note + 3:
        return []
    run = [min(ahead)]
    while run[-1] + 1 in ahead:
        run.append(run[-1] + 1)
    return run


def _glued_numbers(lines, body, run) -> bool:
    """The page already prints some of these numbers glued to their notes: not a detached layout."""
    wanted = {str(n) for n in run}
    for i in body:
        m = _NOTE_START.match(lines[i].lstrip("\f"))
        rest = m["rest"] if m else ""
        if (m and (m["num"] or m["zhu"]) in wanted and len(rest) > 3 and rest[0] not in _GLUED_NOT_NOTE
                and CONTINUATION_NUMBER.find(rest) is None):  # '21(1/2): 5-26.' is a volume and its issue
            return True
    return False


def _units(lines, tail, numbers_at) -> list[list[int]]:
    """Runs of text lines, split at blank lines and at the number lines."""
    units: list[list[int]] = []
    prev = None
    for i in tail:
        if i in numbers_at:
            prev = None
            continue
        if prev is not None and prev == i - 1:
            units[-1].append(i)
        else:
            units.append([i])
        prev = i
    return units


def _blocks_before(lines, body, first, alone) -> list[list[int]]:
    """Notes that end right above the first number (pdftotext may print a number after its note), last
    first: each runs back to a line that ends a sentence; beyond the nearest, only one that starts like
    a note (a citation, a lead-in such as 參見, a short form) is taken, so that body text stays body text."""
    j = first - 1
    blocks: list[list[int]] = []
    while j in body and j not in alone and not _ends_with_marker(lines[j]):  # a body paragraph's last line
        block = [j]
        while j - 1 in body and j - 1 not in alone and (not _ends_sentence_or_marker(lines[j - 1])
                                                        or _sources_after_prose(lines[j - 1], lines[j])
                                                        or _URL.match(lines[j].strip())  # the address's note
                                                        or _continues_address(lines[j - 1], lines[j])):
            j -= 1
            block.insert(0, j)
        cited = _citation_after_prose(lines, block)
        if cited:  # body text cut at the page's foot ran on into the note: the note starts at its citation
            blocks.append(block[cited:])
            break
        if blocks and not _opens_note(lines[block[0]].strip()):
            break
        blocks.append(block)
        j -= 1
    return blocks


def _sources_after_prose(prev: str, line: str) -> bool:
    """A line of prose that names no source and ends a sentence, then a lead-in (請參閱, 另見): one commentary
    note that goes on with its sources after a line that happened to end with its sentence."""
    return (_NOTE_LEAD_IN.match(line.strip()) is not None and _complete(prev.strip()) and not _ends_with_marker(prev)
            and SOURCE_MARK.find(prev) is None)


def _citation_after_prose(lines, block: list[int]) -> int:
    """Where a run of lines that opens with prose and names no source goes on with a line that opens a
    citation: its offset in the run, else 0. A Chinese citation or a short form ('…如果一方缺乏' / '曹凌，《…》');
    an English citation only right after a Chinese line (an English note's own lines break anywhere, at
    'Press, 1960' too). A commentary note names its sources after the prose ('…。參見X，《…》'), so prose
    that cites is a note's."""
    if _opens_note(lines[block[0]].strip()):
        return 0
    for k in range(1, len(block)):
        prev, line = lines[block[k - 1]].strip(), lines[block[k]].strip()
        if SOURCE_MARK.find(prev):
            return 0
        if (_CJK_CITATION_LINE.match(line) or AUTHOR_SHORT_FORM.find(line) or _SHORT_START.match(line)
                or _is_han(prev[-1:]) and _LATIN_NAME_START.match(line)):
            return k
    return 0


def _ends_sentence_or_marker(line: str) -> bool:
    """A note's or paragraph's last line: it ends a sentence, perhaps with a body marker after it ("。2")."""
    return _complete(line.strip()) or _ends_with_marker(line)


def _ends_with_marker(line: str) -> bool:
    """A body paragraph's last line: a sentence, then its marker ("。10"); a note ends with no number so."""
    s = line.strip()
    return s[-1:].isdigit() and _ends_sentence(s.rstrip("0123456789"))


def _split_strong(lines, units, count, width, strong: bool = True) -> list[list[int]]:
    """Runs split where a line ends a paragraph and the next starts like a note, up to `count` runs."""
    units = [list(u) for u in units]
    chosen = _split_points(lines, units, strong, width)[:max(0, count - len(units))]
    for u, k in reversed(chosen):  # from the end, so that the earlier positions stay valid
        units[u:u + 1] = [units[u][:k], units[u][k:]]
    return units


def _fit(lines, units, count, width) -> list[list[int]] | None:
    """Split or merge the text runs until there is one per note number."""
    units = [list(u) for u in units]
    if len(units) < count:
        for strong in (True, False):
            units = _split_strong(lines, units, count, width, strong)
    while len(units) > count:
        joins = ([u for u in range(1, len(units)) if not _complete(lines[units[u - 1][-1]].strip())]
                 or [u for u in range(1, len(units)) if not _note_like_start(lines[units[u][0]].strip())])
        if not joins:
            return None
        u = joins[0]
        units[u - 1:u + 1] = [units[u - 1] + units[u]]
    return units if len(units) == count else None


def _opens_note(line: str) -> bool:
    """A line that starts like a note and not like a sentence of prose ('例如:…' has a name's shape)."""
    return _note_like_start(line) and not _DISCOURSE_OPENER.match(line)


def _opens_citation(line: str) -> bool:
    """A line that opens with a citation's own shape (a title mark, authors and a title or a repeat
    reference, a short form): more than a name's shape, which prose has too ('第四,…')."""
    return bool(line[:1] in _OPENERS or _LATIN_NAME_START.match(line) or _SHORT_START.match(line)
                or _CJK_CITATION_LINE.match(line) or AUTHOR_SHORT_FORM.find(line) or _reads_as_chinese_citation(line))


def _note_like_start(line: str) -> bool:
    return bool(_citation_like(line) or _NOTE_LEAD_IN.match(line) or _SHORT_START.match(line))


def _split_points(lines, units, strong: bool, width: int) -> list[tuple[int, int]]:
    """(unit, offset) where a line ends a paragraph (a sentence end, or short of the page's width)
    and the next line starts like a note."""
    out = []
    for u, unit in enumerate(units):
        for k in range(1, len(unit)):
            prev, nxt = lines[unit[k - 1]].strip(), lines[unit[k]].strip()
            if not nxt or not (_ends_sentence_or_marker(prev) or _display_width(prev) < 0.6 * width):
                continue
            if _URL.match(nxt):  # a citation's address broken onto a line of its own starts no note
                continue
            if (not strong or _citation_like(nxt) or CAPITALS_NAME_START.find(nxt)
                    or _NOTE_LEAD_IN.match(nxt) and not _sources_after_prose(prev, nxt)):
                out.append((u, k))
    return out


def _further_source(line: str) -> bool:
    """'沈明室，〈互信或防範？…' after a finished note is its next source: an author before a quoted title;
    prose can start the same way with 「…」 ('其次，「…」有助於…'), so that needs a page, publisher or year."""
    m = _CJK_CITATION_LINE.match(line)
    if not m or _DISCOURSE_OPENER.match(line):
        return False
    return line[m.end() - 1] in "〈《" or _PUBLICATION_MARK.search(line) is not None


def _star_in_body(lines: list[str]) -> bool:
    """An author note needs its star after the author's name or title, not only at the note; an extractor
    may set that raised star on a line of its own (pdfplumber), before the note's own starred line."""
    alone = False
    for line in lines:
        if "＊" in line or "✽" in line or "*" in line:
            if _STAR_AFTER_TEXT.search(line) and not _STAR_LEAD.match(line):
                return True
            if _STAR_ALONE.fullmatch(line):
                alone = True
            elif alone and _STAR_LEAD.match(line):
                return True
    return False


# A body line without any of these can hold neither a note start, a marker nor a table caption.
_NOTEWORTHY_CHAR = compile_fast(r"[0-9\u2460-\u2473〔⁰¹²³⁴⁵⁶⁷⁸⁹＊✽*]")  # two patterns: one charset scans fast,
_NOTEWORTHY_HEAD = compile_fast(r"\s*(?:表|圖|图|Table|Figure|註|注)")  # an alternation is tried at every position
_CITATION_PUNCT = compile_fast(r"[,，、；;〈《]|pp?\.|頁")
_STAR_AFTER_TEXT = compile_fast(r"\S\s*[＊✽*]\s*$|\S[＊✽*](?=\s|$)")
_STAR_LEAD = compile_fast(r"\s*[＊✽*]")
_SYMBOL_MARKER = compile_fast(r"[\u2460-\u2473]|〔(?P<b>\d{1,4})〕|\[(?P<s>\d{1,4})\](?!\s*[\p{Han}A-Za-z]{1,3}\s*[.．])|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_SYMBOL_HINT = compile_fast("[\u2460-\u2473〔\\[⁰¹²³⁴⁵⁶⁷⁸⁹]")  # cheap test before the Unicode-aware pattern
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _symbol_number(m) -> int:
    if m["b"] or m["s"]:
        return int(m["b"] or m["s"])
    if m["sup"]:
        return int(m["sup"].translate(_SUPERSCRIPTS))
    return CIRCLED[m.group(0)]


def _may_start_with_head_word(line: str) -> bool:
    """Cheap test before the patterns for 表/圖/Table/Figure/註 at the start of a line."""
    return line.lstrip()[:1] in _HEAD_WORD_STARTS


def _citation_like(rest: str) -> bool:
    return bool(
        rest[0] in _OPENERS or _CJK_NAME_START.match(rest) or _LATIN_NAME_START.match(rest) or _SHORT_START.match(rest)
    )


def _same_start(rest: str, seen: str) -> bool:
    a, b = _squashed_head(rest), _squashed_head(seen)
    return bool(a) and (a.startswith(b) or b.startswith(a))


def _squashed_head(s: str, size: int = 12) -> str:
    """_squash(s)[:size] without normalising a whole long note: a prefix is enough unless it is mostly spaces."""
    head = _squash(s[: 3 * size])
    return head[:size] if len(head) >= size or len(s) <= 3 * size else _squash(s)[:size]


@lru_cache(maxsize=1024)  # PDF text repeats whole note blocks: each copy's text is squashed once
def _squash(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


_CLAUSE_END = set("。，；：、」』）)？！")
_MARKER_BEFORE = set("。，、；：！？」』）)]】”’.,;:!?\"'")
_MARKER_AFTER_BAD = set("-–—~～/／.．,:：%％") | _UNIT_AFTER_NUMBER  # "2,858", "2-3", "10.5"
_GLUED_NOT_NOTE = _NOT_NOTE_START | _UNIT_AFTER_NUMBER | _CLAUSE_END  # "4。", "4-5。" end a line, start no note


def _marker_number(line: str, start: int, end: int, expected: int) -> int | None:
    """The note number a digit run in body text stands for, or None."""
    before = line[start - 1] if start > 0 else ""
    digits = line[start:end]
    after = line[end:end + 12].lstrip(" ")  # a window: slicing the rest of a long line is quadratic
    nxt = after[:1]
    if before and before not in _MARKER_BEFORE:
        # "設立通報機制8。": glued to a word, only as the expected number right before punctuation
        if not (_is_han(before) and digits == str(expected) and (not nxt or nxt in _CLAUSE_END)):
            return None
    for number in range(expected, expected + 3):
        token = str(number)
        if digits == token:
            spaced_year = line[end:end + 1] == " " and _SPACED_YEAR.match(after)
            if nxt and (nxt.isdigit() and not spaced_year or nxt in _MARKER_AFTER_BAD):
                return None
            if number != expected and before not in set("。，；」）)"):
                return None
            return number
        # "之機制。41962年": marker 4 glued to the year 1962
        if number == expected and digits.startswith(token) and _is_year(digits[len(token):]):
            return number
    return None


def _display_width(line: str) -> int:
    """Columns a line takes: CJK characters (3 UTF-8 bytes) count two, ASCII one."""
    s = line.strip()
    return (len(s.encode("utf-8")) + len(s)) // 2


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_year(s: str) -> bool:
    return len(s) == 4 and 1000 <= int(s) <= 2100


@lru_cache(maxsize=2048)  # pure; a note's last line is asked again for every line that follows it
def _complete(line: str) -> bool:
    """Does this note line end the note (sentence end, page reference, URL)?"""
    s = line.rstrip()
    last_word = s.rsplit(" ", 1)[-1]
    if last_word.startswith(("http", "<http", "www")) and _URL.search(last_word):
        return not last_word.endswith("-")  # a URL broken at one of its hyphens goes on
    if _ends_with_page_ref(s):
        return True
    if not _ends_sentence(s):
        return False
    return not (s.endswith(".") and search_tail(_ABBREV_END, s, 12))


_SENTENCE_END = "。．.!?！？"
_CLOSING = "\"'”’」』）)"


def _ends_sentence(s: str) -> bool:
    """Sentence punctuation at the end, possibly inside closing quotes or brackets."""
    t = s.rstrip(_CLOSING)
    return bool(t) and t[-1] in _SENTENCE_END


def _ends_with_page_ref(s: str) -> bool:
    """'…頁 12。' / '…pp. 3-5' / '…第5頁': ends in a page reference."""
    t = s.rstrip()
    return (t[-1:].isdecimal() or t.endswith("頁")) and search_tail(_PAGE_REF_END, t) is not None


def _furniture_lines(text: str) -> set[int]:
    """Running heads, page numbers and journal issue lines (indices into text.split("\\n")).

    Running heads recur with other page numbers: short lines are compared with their digit runs
    blanked. This looks at every line of every document, so it works on whole texts, with map() and
    substring tests first, and runs patterns only on the few candidate lines."""
    blanked = _DIGIT_RUN_LONG_TEXT.sub("#", text)
    if "\f" in text:  # page breaks go after blanking: "1\f2" is two numbers
        text, blanked = text.replace("\f", ""), blanked.replace("\f", "")
    stripped = list(map(str.strip, text.split("\n")))
    shapes = list(map(str.strip, blanked.split("\n")))
    short = list(map((40).__ge__, map(len, stripped)))
    recurring = {shape for shape, n in Counter(compress(shapes, short)).items() if n >= 3 and shape}
    lines = range(len(stripped))
    out = set()
    if recurring:  # compress(map(…)) picks the candidates without a Python step per line
        heads = [i for i in compress(lines, map(recurring.__contains__, shapes)) if short[i] and _running_head(stripped[i])]
        out.update(_outside_repeated_notes(heads, stripped, shapes))
    if "民國" in text:
        out.update(i for i in compress(lines, map(_HAS_MINGUO, stripped)) if "年" in stripped[i] and _ISSUE_LINE.match(stripped[i]))
    if "│" in text or "|" in text:
        out.update(i for i, s in enumerate(stripped) if ("│" in s or "|" in s) and len(s) < 60 and _ISSUE_WORDS.search(s))
    return out


def _outside_repeated_notes(heads: list[int], stripped: list[str], shapes: list[str]) -> list[int]:
    """Running-head candidates less the lines of a note printed again (the same work cited in several
    notes): every copy of such a line follows the same line, a note's first line or another such line.
    A running head follows a page number or varying body text."""
    by_shape: dict[str, list[int]] = {}
    for i in heads:
        by_shape.setdefault(shapes[i], []).append(i)
    in_notes: set[str] = set()
    for shape, where in sorted(by_shape.items(), key=lambda item: item[1][0]):  # a note's lines top down
        before = [_previous_line(i, stripped) for i in where]
        if _PAGE_NUMBER_LINE.match(stripped[where[0]]) or None in before or len({shapes[j] for j in before}) > 1:
            continue
        prev = before[0]
        if shapes[prev] in in_notes or _NOTE_START.match(stripped[prev]) and not _PAGE_NUMBER_LINE.match(stripped[prev]):
            in_notes.add(shape)
    return [i for i in heads if shapes[i] not in in_notes]


def _previous_line(i: int, stripped: list[str]) -> int | None:
    j = i - 1
    while j >= 0 and not stripped[j]:
        j -= 1
    return j if j >= 0 else None


_HAS_MINGUO = methodcaller("__contains__", "民國")  # every issue line has 民國 (中華民國)


def _running_head(s: str) -> bool:
    # a note line printed three times is no running head
    return not _ends_sentence(s) and not _NOTE_START.match(s) and not _CITATION_PUNCT.search(s)


def _assemble(copies: list[_Copy], markers: dict[int, int]) -> DetectedNotes:
    groups: dict[int | str, list[_Copy]] = {}
    for copy in copies:
        groups.setdefault(copy.number, []).append(copy)
    notes: list[Note] = []
    anomalies: list[Anomaly] = []
    for number, group in groups.items():
        for cluster in _clusters(group):
            text = _best_text([c.text for c in cluster])
            notes.append(Note(number=number, text=text, line=cluster[0].line, occurrences=len(cluster)))
        if len(notes) >= 2 and notes[-1].number == notes[-2].number:
            anomalies.append(
                Anomaly("duplicate", notes[-1].line, number, f"note {number} appears with different texts")
            )
    with_text = {n.number for n in notes}
    for number, line in markers.items():
        if number not in with_text:
            notes.append(Note(number=number, text=None, line=line, status="missing_text", occurrences=0))
    notes.sort(key=_order_key)
    anomalies.extend(_sequence_anomalies(copies, notes))
    return DetectedNotes(notes, anomalies)


def _order_key(note: Note):
    return (0, 0, note.line) if not isinstance(note.number, int) else (1, note.number, note.line)


def _clusters(group: list[_Copy]) -> list[list[_Copy]]:
    """Copies of one number that are the same note (equal, truncated or with extra tail)."""
    clusters: list[list[_Copy]] = []
    for copy in group:
        for cluster in clusters:
            if _same_note(copy.squashed, cluster[0].squashed):
                cluster.append(copy)
                break
        else:
            clusters.append([copy])
    return clusters


def _same_note(sa: str, sb: str) -> bool:
    """Equal, truncated, with an extra tail, or differing only here and there (bigram overlap)."""
    if sa.startswith(sb) or sb.startswith(sa):
        return True
    shared = len(os.path.commonprefix([sa, sb]))
    if shared >= 20 and shared >= 0.3 * min(len(sa), len(sb)):
        return True  # a copy that ran on into the next page's text: two notes never share 20 first characters
    a, b = set(zip(sa, sa[1:])), set(zip(sb, sb[1:]))
    return 2 * len(a & b) >= 0.8 * (len(a) + len(b))


def _best_text(texts: list[str]) -> str:
    """The most complete copy: the most frequent; else one that ends like a citation (at its pages);
    else the shortest that ends a sentence, when the others only add a tail to it."""
    counts = Counter(texts)
    top, n = counts.most_common(1)[0]
    if n > 1 and n > len(texts) / 2:
        return top
    cited = [t for t in texts if _ends_with_page_ref(t.rstrip().rstrip("。.．"))]
    pool = cited or [t for t in texts if _complete(t)]
    if pool:
        # extra trailing text is a body leak, unless it finishes the address the copy ends with; a truncated
        # copy does not end a sentence
        longest = max(texts, key=len)
        shortest = min(pool, key=len)
        if _squash(longest).startswith(_squash(shortest)):
            return longest if _finishes_url(shortest, longest) else shortest
        return max(pool, key=len)
    return max(texts, key=len)


_URL_REST = compile_fast(r"[\w.~%/#?=&+-]+")


def _finishes_url(short: str, long: str) -> bool:
    """A copy that ends with an address at a slash, and another that goes on with the address's rest at once
    ('…/long-life-intl/' and '…/long-life-intl/index.html.'): the first was cut inside the address (a blank
    line the extractor set into the repeated block)."""
    last_word = short.rsplit(" ", 1)[-1]
    return (last_word.startswith(("http", "www")) and last_word.endswith("/") and long.startswith(short)
            and _URL_REST.fullmatch(long[len(short):]) is not None)


def _sequence_anomalies(copies: list[_Copy], notes: list[Note]) -> list[Anomaly]:
    firsts: dict = {}
    for copy in copies:
        firsts.setdefault(copy.number, copy.line)
    return _numbering_anomalies(list(firsts.items()), notes)


def sequence_anomalies(notes: list[Note]) -> list[Anomaly]:
    """Gaps, duplicates and out-of-order numbers of notes listed in the order they appear."""
    out = [Anomaly("duplicate", b.line, b.number, f"note {b.number} appears with different texts")
           for a, b in zip(notes, notes[1:]) if a.number == b.number]
    return out + _numbering_anomalies([(n.number, n.line) for n in notes], notes)


def _missing_ranges(numbers: list[int]) -> list[tuple[int, int]]:
    """(first, last) of each run of numbers missing between sorted, present numbers."""
    return [(a + 1, b - 1) for a, b in zip(numbers, numbers[1:]) if b > a + 1]


def _numbering_anomalies(appearance: list[tuple], notes: list[Note]) -> list[Anomaly]:
    out: list[Anomaly] = []
    numbers = sorted({n.number for n in notes if isinstance(n.number, int)})
    for first, last in _missing_ranges(numbers):  # one record per gap: \footnote[99999999] is one gap
        which = f"note {first} is" if first == last else f"notes {first}–{last} are"
        out.append(Anomaly("gap", 0, first, f"{which} neither in the text nor marked in the body"))
    ordered = [(number, line) for number, line in appearance if isinstance(number, int)]
    for (prev, _), (cur, line) in zip(ordered, ordered[1:]):
        if cur < prev:
            out.append(Anomaly("out_of_order", line, cur, f"note {cur} comes after note {prev}"))
    return out
