"""Repeat-reference terms (CONVENTIONS §4): which form a citation takes and what it names."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re

from ..lexicon import (
    AUTHOR_WORK_MARKS_ZH,
    CROSS_REF_BARE_LEAD_ZH,
    CROSS_REF_TERMS_ZH,
    IBID_TERMS_EN,
    IBID_TERMS_ZH,
    OP_CIT_TERMS_ZH,
    PREVIOUS_NOTE_TERMS_ZH,
    SIGNAL_EN,
    SIGNAL_ZH,
    UNITS_AFTER_NUMBER,
    alternation,
)
from ..model import Form
from ..rules import rule

_NUM = r"([0-9０-９]+)"
_NOT_A_QUANTITY = rf"(?![0-9０-９.．]?[0-9０-９]|\s*{alternation(UNITS_AFTER_NUMBER)})"  # 同5, not 同5年 / 同3.5


CROSS_REF = rule(
    "cross_ref",
    rf"{alternation(CROSS_REF_TERMS_ZH)}\s*(?:〔|\[)?{_NUM}"
    rf"|\bsupra\s+note\s+{_NUM}|\((?:n|fn)\.\s*{_NUM}\)|\bsee\s+(?:above,?\s+)?note\s+{_NUM}|\bnote\s+{_NUM}\s+above"
    rf"|^{alternation(CROSS_REF_BARE_LEAD_ZH)}\s?{_NUM}{_NOT_A_QUANTITY}",
    "同註X / 前揭註X / supra note X / (n. X) / (Fn. X) / 同X: a pointer to another note by its number.",
    examples=("同註5，頁12。", "同注〔16〕", "前揭註3", "參見註12", "Smith, supra note 43, at 1485.", "Bright (n. 7), 60.",
              "See note 4 above.", "Larenz (Fn. 12), S. 40.", "同5.", "同 22: 225.", "同36"),
    counterexamples=("同上，頁5。", "註釋說明", "Notes on the State of Virginia", "同2005年", "同3個月", "相同5點"),
    requires=("註", "注", "note", "Note", "NOTE", "n.", "N.", "同"),
    flags=re.I,
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
    rf"^{alternation(PREVIOUS_NOTE_TERMS_ZH)}\s*[，,]\s*(?P<who>(?!前|上)[^，,。；;《》〈〉「」]{{1,40}}?)\s*(?:等\s*)?"
    rf"{alternation(AUTHOR_WORK_MARKS_ZH)}(?=\s*(?:[，,。；;.]|$))",
    "同前注，作者書 (legal citation manual): that author's work cited before, not the previous note.",
    examples=("同前注，湯紹成書，271-273。", "同前注，D. H. Capie、P. M. Evans書。", "同前注，吳建德 等書，284。", "同前註，王澤鑑書"),
    counterexamples=("同前注，頁5。", "同前註，第3頁。", "同前注〔16〕，王澤鑑：《民法總則》，第330頁。", "同前註，前引書，頁5。"),
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
    rf"\bop\.?\s*cit\.?|(?:{alternation(OP_CIT_TERMS_ZH)})(?![註注])",
    "op. cit. / 前引書 / 前揭文: an earlier work by the author named before the term.",
    examples=("Jervis, op. cit., p. 5.", "王振寰，前引書，頁12。", "林碧炤，前揭文，頁3。", "同前引書，頁9。"),
    counterexamples=("前引註3", "Operation Citadel"),
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
    author_text: str = ""  # the words before op. cit. / 前引書
    ref_note: int | None = None
    book_or_article: str | None = None  # 書 → book, 文 → article (narrows op. cit.)


def short_form_of(piece: str) -> str | None:
    info = analyse_form(piece)
    return None if info.form == Form.FULL else info.form


@lru_cache(maxsize=2048)  # splitting a note asks first, parsing the citation asks again
def analyse_form(piece: str) -> FormInfo:
    text = piece.strip()
    m = CROSS_REF.find(text[:70])  # the pointer leads the citation
    if m and m.start() < 40:
        number = next(g for g in m.groups() if g)
        return FormInfo(Form.CROSS_REF, author_text=_lead(text[: m.start()]), ref_note=int(_ascii_digits(number)))
    m = AUTHOR_WORK.find(text)
    if m:
        return FormInfo(Form.OP_CIT, author_text=m["who"].strip())
    if IBID.find(text):
        return FormInfo(Form.IBID)
    m = LOC_CIT.find(text[:130])
    if m and m.start() < 120:
        return FormInfo(Form.LOC_CIT, author_text=_lead(text[: m.start()]))
    m = OP_CIT.find(text[:170])
    if m and m.start() < 160:
        term = m.group(0)
        kind = "book" if "書" in term or "书" in term else "article" if "文" in term else None
        return FormInfo(Form.OP_CIT, author_text=_lead(text[: m.start()]), book_or_article=kind)
    return FormInfo(Form.FULL)


def _lead(s: str) -> str:
    """The words before a term, without the signal word that may open them ('參閱錢學森' → '錢學森')."""
    s = s.strip().strip("，,、:： ").strip()
    while (m := SIGNAL_LEAD.find(s)) and m.end() < len(s):
        s = s[m.end():]
    return s


def _ascii_digits(s: str) -> str:
    return s.translate({cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)})
