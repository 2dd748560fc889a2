"""Repeat-reference terms (CONVENTIONS §4): which form a citation takes and what it names."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re

from ..patterns import compile_fast

_NUM = r"([0-9０-９]+)"

# 同註X / 前揭註X / supra note X / (n. X): a pointer to another note.
CROSS_REF = compile_fast(
    rf"(?:同前?[註注]|前[揭引]註|前[揭引]注|(?:參|参)?見[註注]|(?:參|参)照[註注]|同前揭[註注]|上[揭引][註注])\s*(?:〔|\[)?{_NUM}"
    rf"|\bsupra\s+note\s+{_NUM}|\(n\.\s*{_NUM}\)|\bsee\s+(?:above,?\s+)?note\s+{_NUM}|\bnote\s+{_NUM}\s+above",
    re.I,
)
# Ibid. / 同上 / 同前註 (without a number): the previous note.
IBID = compile_fast(
    r"^(?:Ibidem|Ibid|Ib|Id)\b\.?|^同上(?:[註注書书文引])?|^同前[註注](?![0-9０-９〔\[])|^同前(?![引揭註注0-9])",
    re.I,
)
# op. cit. / 前引書 …: an earlier work by the named author.
OP_CIT = compile_fast(
    r"\bop\.?\s*cit\.?|前引書|前引书|前引文|前揭書|前揭书|前揭文|上揭書|上揭书|上揭文|同前引書?|同前揭書|同前揭文|前揭論文|前引論文|前揭|前引(?![註注])"
)

LOC_CIT = compile_fast(r"\bloc\.?\s*cit\.?", re.I)
SHORT_FORM_ANYWHERE = compile_fast(r"(?:Ibidem|Ibid|Id)\.?|同上[註注書书]?|同前[註注]", re.I)


@dataclass(frozen=True)  # shared between callers by the cache of analyse_form
class FormInfo:
    form: str
    author_text: str = ""  # the words before op. cit. / 前引書
    ref_note: int | None = None
    book_or_article: str | None = None  # 書 → book, 文 → article (narrows op. cit.)


def short_form_of(piece: str) -> str | None:
    info = analyse_form(piece)
    return None if info.form == "full" else info.form


@lru_cache(maxsize=2048)  # splitting a note asks first, parsing the citation asks again
def analyse_form(piece: str) -> FormInfo:
    text = piece.strip()
    head = text[:70]
    may_point = "註" in head or "注" in head or "note" in head.lower() or "(n." in head  # cheap before the long pattern
    m = CROSS_REF.search(text, 0, 70) if may_point else None  # the pointer leads the citation
    if m and m.start() < 40:
        number = next(g for g in m.groups() if g)
        return FormInfo("cross_ref", author_text=_lead(text[: m.start()]), ref_note=int(_ascii_digits(number)))
    if IBID.match(text):
        return FormInfo("ibid")
    m = LOC_CIT.search(text, 0, 130) if "loc" in text[:130].lower() else None
    if m and m.start() < 120:
        return FormInfo("loc_cit", author_text=_lead(text[: m.start()]))
    window = text[:170]
    m = OP_CIT.search(text, 0, 170) if "cit" in window or "前" in window or "上揭" in window else None
    if m and m.start() < 160:
        term = m.group(0)
        kind = "book" if "書" in term or "书" in term else "article" if "文" in term else None
        return FormInfo("op_cit", author_text=_lead(text[: m.start()]), book_or_article=kind)
    return FormInfo("full")


def _lead(s: str) -> str:
    return s.strip().strip("，,、:： ").strip()


def _ascii_digits(s: str) -> str:
    return s.translate({cp: chr(cp - 0xFEE0) for cp in range(0xFF10, 0xFF1A)})
