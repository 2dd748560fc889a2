"""Repeat-reference terms (CONVENTIONS §4): which form a citation takes and what it names."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re

from ..lexicon import (
    ALIAS_LEADS,
    AUTHOR_WORK_MARKS_ZH,
    COURT_REPORTERS_EN,
    CROSS_REF_BARE_LEAD_ZH,
    CROSS_REF_BRACKET_LEADS_ZH,
    CROSS_REF_TERMS_ZH,
    IBID_TERMS_EN,
    IBID_TERMS_ZH,
    NAME_PARTICLES,
    OP_CIT_TERMS_ZH,
    PREVIOUS_NOTE_TERMS_ZH,
    SIGNAL_EN,
    SIGNAL_ZH,
    UNITS_AFTER_NUMBER,
    alternation,
)
from ..model import Form
from ..patterns import compile_fast
from ..rules import rule
from ..values import LOST_HYPHEN_RANGE, has_cjk

_NUM = r"([0-9０-９]+)"
_COMMA_SPACE = compile_fast(r",\s")
_NOT_A_QUANTITY = rf"(?![0-9０-９.．]?[0-9０-９]|\s*{alternation(UNITS_AFTER_NUMBER)})"  # 同5, not 同5年 / 同3.5


CROSS_REF = rule(
    "cross_ref",
    rf"{alternation(CROSS_REF_TERMS_ZH)}\s*(?:〔|\[)?{_NUM}|{alternation(CROSS_REF_BRACKET_LEADS_ZH)}\s*[〔\[]{_NUM}[〕\]]"
    rf"|\bsupra\s+note\s+{_NUM}|\((?:n|fn)\.\s*{_NUM}\)|\bsee\s+(?:above,?\s+)?note\s+{_NUM}|\bnote\s+{_NUM}\s+above"
    rf"|^{alternation(CROSS_REF_BARE_LEAD_ZH)}\s?{_NUM}{_NOT_A_QUANTITY}",
    "同註X / 前揭註X / supra note X / (n. X) / (Fn. X) / 同X: a pointer to another note by its number.",
    examples=("同註5，頁12。", "同注〔16〕", "前揭註3", "參見註12", "Smith, supra note 43, at 1485.", "Bright (n. 7), 60.",
              "See note 4 above.", "Larenz (Fn. 12), S. 40.", "同5.", "同 22: 225.", "同36", "參見本文註6。",
              "前引〔11〕，拉伦茨书，第210页。"),
    counterexamples=("同上，頁5。", "註釋說明", "Notes on the State of Virginia", "同2005年", "同3個月", "相同5點"),
    requires=("註", "注", "note", "Note", "NOTE", "n.", "N.", "同") + CROSS_REF_BRACKET_LEADS_ZH,
    flags=re.I,
)
ALIAS_CLAUSE = rule(
    "alias_clause",
    rf"\s*[(（]\s*{alternation(ALIAS_LEADS)}\s*[:：,，]?\s*(?P<alias>[^()（）]{{2,80}}?)\s*[)）]",
    "A short name the author defines after a full citation, by which later notes cite it: '(hereafter cited as "
    "Krepon, Handbook)', '（以下簡稱《國防報告書》）'. It is no part of the citation's fields.",
    examples=("Krepon, ed., Handbook (Washington, DC: Stimson Center, 1998), 4–6 (hereafter cited as Krepon, Handbook).",
              "Washington Quarterly 25, no. 4 (2002): 7–21 (hereafter “Contemporary Security Dilemma”).",
              "國防部，《中華民國93年國防報告書》（臺北：國防部，2004年）（以下簡稱《93年報告書》），頁62。"),
    counterexamples=("(cited below as the Act)", "hereafter the talks stalled", "（以下同）"),
    requires=("hereafter", "hereinafter", "簡稱", "简称", "下稱", "下称", "以下稱", "以下称"),
)


def without_alias(raw: str) -> str:
    """The citation without the short name it defines: what its fields are read from."""
    return ALIAS_CLAUSE.compiled.sub("", raw) if ALIAS_CLAUSE.may_match(raw) else raw


def alias_of(raw: str) -> str | None:
    """The short name a full citation defines for later notes, if any."""
    m = ALIAS_CLAUSE.find(raw)
    return m["alias"] if m else None


SAME_AS_NOTE = rule(
    "same_as_note",
    rf"^{alternation(CROSS_REF_BARE_LEAD_ZH)}\s*(?P<n>[0-9]{{1,3}})(?:\s*[:：]\s*(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?))?"
    r"\s*[.。;；,，]?\s*$",
    "GB/T 7714 notes: 同N (: pages) alone is the work cited in note N, e.g. '同5: 310.'",
    examples=("同1.", "同5: 310.", "同20", "同19: 168-170.", "同33: 217;"),
    counterexamples=("同上28.", "同2005年3月", "同10月", "同上注，255。", "同註5，頁12。"),
    requires=CROSS_REF_BARE_LEAD_ZH,
    anchored=True,
)
AUTHOR_AFTER_POINTER = rule(
    "author_after_pointer",
    r"[〕\]]?\s*[，,]\s*(?P<named>[^，,。；;《》〈〉]{1,40}?[：:]\s*[《〈][^》〉]{1,120}[》〉])",
    "同前注〔16〕，作者：《書名》 (legal citation manual): the author and title after the note number pick its source.",
    examples=("〕，王澤鑑：《民法總則》，第330頁。", "，湯紹成：《略論兩岸軍事互信機制》，第5頁"),
    counterexamples=("，頁12。", "，第330頁。"),
    requires=("：", ":"),
    anchored=True,
)
SIGNAL_LEAD = rule(
    "signal_lead",
    rf"^(?:{alternation(SIGNAL_ZH)}|{alternation(SIGNAL_EN)}\s)\s*[:：,，]?\s*",
    "A signal word before the author of a repeat reference (參閱錢學森，前引書): not part of the name.",
    examples=("參閱錢學森，前引書", "另參見汪波，前揭文", "See also 郭添漢，前引書", "請參閱倪素香，前揭文", "Cf. Smith, op. cit."),
    counterexamples=("錢學森，前引書", "Seeley, op. cit.", "Smith, op. cit."),
    anchored=True,
)
AUTHOR_WORK = rule(
    "author_work",
    rf"^{alternation(PREVIOUS_NOTE_TERMS_ZH)}\s*[，,]\s*(?P<who>(?!前|上)[^，,。；;《》〈〉「」]{{1,120}}?)\s*(?:等\s*)?"
    rf"{alternation(AUTHOR_WORK_MARKS_ZH)}(?=\s*(?:[，,。；;.]|$))",
    "同前注，作者書 (legal citation manual): that author's work cited before, not the previous note.",
    examples=("同前注，湯紹成書，271-273。", "同前注，D. H. Capie、P. M. Evans書。", "同前注，吳建德 等書，284。", "同前註，王澤鑑書",
              "同前注，Centers for Disease Control and Prevention書，79。"),
    counterexamples=("同前注，頁5。", "同前註，第3頁。", "同前注〔16〕，王澤鑑：《民法總則》，第330頁。", "同前註，前引書，頁5。"),
    requires=("同前",),
    anchored=True,
)
AUTHOR_TITLE_WORK = rule(
    "author_title_work",
    rf"^{alternation(PREVIOUS_NOTE_TERMS_ZH)}\s*[，,]\s*(?P<named>[^，,。；;《》〈〉]{{1,40}}?[：:]\s*[《〈][^》〉]{{1,120}}[》〉])",
    "同前注，作者：《書名》 with no note number (legal citation manual): that author's work named, as 同前注，作者書.",
    examples=("同前注，王澤鑑：《民法總則》，第330頁。", "同前註，湯紹成：〈略論兩岸軍事互信機制〉，第5頁"),
    counterexamples=("同前注〔16〕，王澤鑑：《民法總則》，第330頁。", "同前注，頁5。", "同前注，湯紹成書，271-273。"),
    requires=("同前",),
    anchored=True,
)
IBID = rule(
    "ibid",
    rf"^{alternation(IBID_TERMS_EN)}\b\.?|^{alternation(IBID_TERMS_ZH)}"
    rf"|^{alternation(PREVIOUS_NOTE_TERMS_ZH)}(?![0-9０-９〔\[引揭註注])",
    "Ibid. / Id. / 同上 / 同前註 with no number: the previous note.",
    examples=("Ibid., 23.", "Id. at 15.", "同上，頁5。", "同上28。", "同上註。", "同前註，頁8。", "同前，頁3。"),
    counterexamples=("同前註5。", "同前引書，頁3。", "Idea of Progress", "Ibsen, Plays"),
    requires=("I", "i", "同"),
    flags=re.I,
    anchored=True,
)
OP_CIT = rule(
    "op_cit",
    rf"\bop\.?\s*cit\.?|(?:{alternation(OP_CIT_TERMS_ZH)})(?=\s*(?:[，,、。.；;：:）)]|[頁页第]|$))",
    "op. cit. / 前引書 / 前揭文: an earlier work by the author named before the term (a pause or a page follows it).",
    examples=("Jervis, op. cit., p. 5.", "王振寰，前引書，頁12。", "林碧炤，前揭文，頁3。", "同前引書，頁9。", "王振寰，前引書頁12",
              "汪波，前引文。", "若林正丈、前掲書、90頁。"),
    counterexamples=("前引註3", "Operation Citadel", "如前引書信所言，兩岸關係仍待觀察。", "參見前引文獻的討論", "如前揭書所述"),
    requires=("cit", "前", "上揭"),
)
LOC_CIT = rule(
    "loc_cit",
    r"\bloc\.?\s*cit\.?",
    "loc. cit.: the same work and the same page as the earlier citation by that author.",
    examples=("Smith, loc. cit.",),
    counterexamples=("local citizens",),
    requires=("loc", "Loc", "LOC"),
    flags=re.I,
)
# A name in a short note: capitalised words (initials, particles) or a run of Han characters.
_NAME = rf"(?:\p{{Lu}}[\p{{L}}'’\-]*\.?|\p{{Han}}{{1,20}})(?:\s+(?:\p{{Lu}}[\p{{L}}'’\-]*\.?|{alternation(NAME_PARTICLES)})){{0,5}}"
_AUTHORS = rf"{_NAME}(?:(?:,\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*){_NAME}){{0,8}}?(?:,?\s+et\s+al\.?)?"
# pages, or a range whose hyphen a PDF extractor dropped at a line end (264-268 printed as 264268)
_PAGES = (rf"(?:pp?\.\s*)?(?:[0-9]{{1,4}}(?:\s*[-–]\s*[0-9]{{1,4}})?|{LOST_HYPHEN_RANGE.pattern})"
          r"(?:,\s*[0-9]{1,4}(?:\s*[-–]\s*[0-9]{1,4})?)*")
SHORT_NOTE = rule(
    "short_note",
    rf"^(?P<who>{_AUTHORS}),\s+(?:(?P<title>“[^”]{{2,200}}”|\"[^\"]{{2,200}}\"|[\p{{Lu}}\p{{Han}}][^,“”\"()（）]{{1,150}}?)"
    rf"(?:,?\s*(?P<pages>{_PAGES}))?|(?P<only_pages>{_PAGES}))\s*[.。;；]?\s*$",
    "Chicago short note 'Surname, Short Title, page.' (or 'Surname, page.' after the same work): an earlier work.",
    examples=("Berstein and Munro, “The Coming Conflict with America,” 29–30.", "Waltz, Theory, 102.",
              "Sheffield, Military-to-Military, 12.", "Martin Lillie, Be kind to yourself.",
              "Bundy, Danger and Survival: Choices About the Bomb in the First Fifty Years, 227–228",
              "季衛東, “法律程序的意義,” 96.", "汪疑今, “江蘇的小農及其副業.”", "Bright, 60.", "Balsam et al., 12–15.",
              "揚奎斯特 and 薩金特, 遞歸宏觀經濟理論, 199–202.", "O’Brien, Introduction to Systems, 264268.", "Calkin, Ager, and Thompson, “A Comparative Risk,” 4.",
              "應松年 and 馬懷德, 當代中國行政法的源流."),
    counterexamples=("Richard Berstein and Ross H. Munro, “The Coming Conflict with America,” Foreign Affairs 76, "
                     "no. 2 (1997): 27.", "Aristotle, Poetics, trans. S. H. Butcher (The Internet Classics Archive, "
                     "1994), 38.", "Joseph L. Sheffield, Military Confidence, Alabama: AU Press, 2009, pp.7-8.",
                     "M. Gold, ed., The Complete Social Scientist (APA, 1999), 32.",
                     "See also the discussion in chapter 3, 45.", "Nevertheless, the resulting 'double voluntariness' "
                     "demonstrated the extent to which the Soviet Union was reluctant to agree to the measures."),
    requires=(",",),
    anchored=True,
)
_NAME_ZH = r"(?:\p{Han}{2,20}|\p{Lu}[\p{L}.'’\- ]{1,40}?)"
SHORT_NOTE_ZH = rule(
    "short_note_zh",
    rf"^(?P<who>{_NAME_ZH}(?:[、,，]\s*{_NAME_ZH}){{0,8}}?(?:\s*等)?)\s*[，,]\s*(?P<title>[《〈「『][^》〉」』]{{1,120}}[》〉」』])"
    r"\s*(?:[，,]\s*(?P<pages>(?:頁|页|第|pp?\.)?\s*[0-9]{1,4}(?:\s*[-–~～]\s*[0-9]{1,4})?\s*[頁页]?))?\s*[。.;；]?\s*$",
    "Short form '作者，《書名》，頁N。' / '作者，〈篇名〉。': author and title only, an earlier full note.",
    examples=("沈明室，〈互信或防範？美中建立軍事熱線的意涵與挑戰〉。", "揚奎斯特、薩金特，《遞歸宏觀經濟理論》，第191-193頁。",
              "何筱梅，《新媒體時代原生廣告的策略與發展研究》，頁 195-197。", "吳建德、張蜀誠、王瑋琦，《柳暗花明》，頁 11。"),
    counterexamples=("王振寰，《資本，勞工，與國家機器》（臺北：唐山，1993），頁5。", "林碧炤，〈兩岸互信〉，《國防雜誌》，第13卷，頁3。",
                     "湯紹成，前引書，頁5。"),
    requires=("《", "〈", "「", "『"),
    anchored=True,
)
NAMES_LIST = rule(
    "names_list",
    rf"^{_AUTHORS}$",
    "A list of names and nothing else: however long, it may lead an op. cit.",
    examples=("Pieternella H. Veen, Majon Muller, Koen L. Vincken, and SMART-MR Study Group",
              "K. F. Balsam, C. R. Martell, K. P. Jones, and S. A. Safren"),
    counterexamples=("如前所述，此一概念早已成為建置派的前理解", "See the discussion above, in chapter 3"),
    anchored=True,
)
YEAR_IN_PAGES = rule(
    "year_in_short_note_pages",
    r"\b(?:1[5-9]|20)[0-9]{2}\b",
    "A year where a short note's pages would stand ('…, 2016, 17.'): the note is a full citation.",
    examples=("2016, 17", "1896", "pp. 1998-2001"),
    counterexamples=("17", "120-135", "12345", "3, 2999"),
)


SHORT_FORM_ANYWHERE = rule(
    "short_form_anywhere",
    r"(?:Ibidem|Ibid|Id)\.?|同上[註注書书]?|同前[註注]",
    "A previous-note term anywhere in a piece (splitting keeps its page locator with it).",
    examples=("Ibid.", "同上註", "同前注"),
    counterexamples=("前引書",),
    flags=re.I,
)


@dataclass(frozen=True)  # shared between callers by the cache of analyse_form
class FormInfo:
    form: Form
    author_text: str = ""  # the words before op. cit. / 前引書, the authors of a short note
    title: str = ""  # the short title a short note names
    ref_note: int | None = None


def same_as_note(piece: str) -> tuple[int, str | None] | None:
    """(N, pages) of a GB/T 同N piece, or None."""
    m = SAME_AS_NOTE.find(piece.strip())
    return (int(m["n"]), m["p"]) if m else None


def short_form_of(piece: str) -> str | None:
    info = analyse_form(piece)
    return None if info.form == Form.FULL else info.form


@lru_cache(maxsize=2048)  # splitting a note asks first, parsing the citation asks again
def analyse_form(piece: str) -> FormInfo:
    text = piece.strip()
    m = CROSS_REF.find(text[:70])  # the pointer leads the citation
    if m and m.start() < 40:
        number = next(g for g in m.groups() if g)
        after = AUTHOR_AFTER_POINTER.find(text, m.end())
        named = _lead(text[: m.start()]) or (after.group("named") if after else "")
        return FormInfo(Form.CROSS_REF, author_text=named, ref_note=int(_ascii_digits(number)))
    m = AUTHOR_WORK.find(text)
    if m:
        return FormInfo(Form.OP_CIT, author_text=m["who"].strip())
    m = AUTHOR_TITLE_WORK.find(text)
    if m:
        return FormInfo(Form.OP_CIT, author_text=m["named"].strip())
    if IBID.find(text):
        return FormInfo(Form.IBID)
    m = LOC_CIT.find(text[:130])
    if m and m.start() < 120:
        return FormInfo(Form.LOC_CIT, author_text=_lead(text[: m.start()]))
    m = OP_CIT.find(text[:400])
    if m and (m.start() < 160 or NAMES_LIST.find(_lead(text[: m.start()]))):  # a long list of authors may lead it
        return FormInfo(Form.OP_CIT, author_text=_lead(text[: m.start()]))
    m = SHORT_CASE.find(text)
    if m:  # 'Youngstown, 343 U.S. at 637': the case is named by a party
        return FormInfo(Form.SHORT, author_text=m["who"], title=m["who"])
    return _short_note(text)


SHORT_CASE = rule(
    "short_case",
    rf"^(?P<who>[A-Z][\w.&'’\-]*(?:\s+[\w.&'’\-]+){{0,5}}),\s*(?P<v>[0-9]+)\s+(?P<c>{alternation(COURT_REPORTERS_EN)})\s+"
    r"(?:\([^()]{1,25}\)\s+)?at\s+(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?)(?:\s*\([^()]*\))?\s*[.;]?\s*$",
    "A later reference to a case (Bluebook short form): a party's name, volume, reporter, 'at' and the page.",
    examples=("Youngstown, 343 U.S. at 637 (Jackson, J., concurring).", "Zivotofsky, 576 U.S. at 21.",
              "Marbury, 5 U.S. (1 Cranch) at 170."),
    counterexamples=("Marbury v. Madison, 5 U.S. 137 (1803).", "Youngstown, Theory, 12."),
    requires=(" at ",),
    anchored=True,
)


def _short_note(text: str) -> FormInfo:
    if len(text) > 300:
        return FormInfo(Form.FULL)
    m = SHORT_NOTE_ZH.find(text) or (SHORT_NOTE.find(text) if _may_be_short_note(text) else None)
    if m is None:
        return FormInfo(Form.FULL)
    parts = m.groupdict()
    pages = parts.get("pages") or parts.get("only_pages") or ""
    title = (parts["title"] or "").strip("“”\"《》〈〉「」『』 ,.").strip()
    if YEAR_IN_PAGES.find(pages):  # '…, 2016, 17.': a full note's year
        return FormInfo(Form.FULL)
    unmarked = parts["title"] and parts["title"][0].isalnum()
    if unmarked and not pages and " " not in title and not has_cjk(title):  # 'See Act, Fla.': too little to tell
        return FormInfo(Form.FULL)
    return FormInfo(Form.SHORT, author_text=_lead(m["who"]), title=title)


# SHORT_NOTE's end after its title, and after the comma that ends its names when the title is not quoted
_AFTER_QUOTED_TITLE = compile_fast(rf"(?:,?\s*{_PAGES})?\s*[.。;；]?\s*$")
_AFTER_NAMES = compile_fast(rf"\s+[\p{{Lu}}\p{{Han}}][^,“”\"()（）]{{1,150}}?(?:,?\s*{_PAGES})?\s*[.。;；]?\s*$")
_LAST_COMMA_BEFORE_WORDS = compile_fast(r"(?r),(?!\s*[0-9p])")  # the last comma that pages do not follow
_ENDS_WITH_PAGE = compile_fast(r"[0-9]\s*[.。;；]?\s*$")
_DIGIT = compile_fast(r"[0-9]")
_PAGES_TO_END = compile_fast(rf",\s*{_PAGES}\s*[.。;；]?\s*$")


def _may_be_short_note(text: str) -> bool:
    """SHORT_NOTE's necessary conditions, cheap to test: its backtracking is costly on the full citations it
    rejects. Names and pages hold no quotation marks, so the last one closes a quoted title and only pages
    may follow it; without quotation marks the note holds no parenthesis, and either the last comma that
    pages do not follow ends the names and a title without commas follows, or only pages follow the names
    (which hold no colon); ', ' follows the names."""
    if "," not in text or not _COMMA_SPACE.search(text):
        return False
    last_quote = max(text.rfind("“"), text.rfind("”"), text.rfind('"'))
    if last_quote >= 0:
        return text[last_quote] in '”"' and _AFTER_QUOTED_TITLE.match(text, last_quote + 1) is not None
    if "(" in text or ")" in text or "（" in text or "）" in text:
        return False
    names_end = _LAST_COMMA_BEFORE_WORDS.search(text)
    if names_end is not None:  # 'Surname, Short Title, page.': a comma after the title is the pages'
        next_comma = text.find(",", names_end.end())
        if (next_comma < 0 or _PAGES_TO_END.match(text, next_comma)) and _AFTER_NAMES.match(text, names_end.end()):
            return True
    first_digit = _DIGIT.search(text)
    return first_digit is not None and ":" not in text[:first_digit.start()] and "：" not in text[:first_digit.start()] \
        and _ENDS_WITH_PAGE.search(text, first_digit.start()) is not None  # 'Surname, page.'


def _lead(s: str) -> str:
    """The words before a term, without the signal word that may open them ('參閱錢學森' → '錢學森') or the commentary
    before the name's comma ('吳玉山的架構，在此亦有其解釋力，吳玉山，前引書' → '吳玉山')."""
    s = s.strip().strip("，,、:： ").strip()
    head, _, tail = s.rpartition("，")
    if len(head) >= _COMMENTARY_BEFORE_NAME and 0 < len(tail.strip()) <= 20:
        s = tail.strip()
    while (m := SIGNAL_LEAD.find(s)) and m.end() < len(s):
        s = s[m.end():]
    return s


_COMMENTARY_BEFORE_NAME = 12  # characters before the last '，' that make them a sentence, not a list of names


def _ascii_digits(s: str) -> str:
    return s.translate({cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)})
