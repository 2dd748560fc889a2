"""Notes → citations with CSL fields: split, recognise the form, parse the fields."""
from __future__ import annotations

import regex as re

from ..patterns import compile_fast

from ..model import Citation, Form, Note
from ..normalize import chinese_language_tag, has_cjk, normalize_pages
from .authordate import author_date_fields
from .forms import analyse_form, same_as_note
from .result import Parsed
from .split import split_note
from .styles import is_chinese, parse_fields

_QUOTE_OR_IN = compile_fast(r"[“\"]|\bin\s")

__all__ = ["parse_note", "parse_citation", "Parsed"]

_CITE_KEYS = compile_fast(r"\\cite\{([^{}]*)\}")  # LaTeX \cite keys: already structured references
_PAGES_ANYWHERE = compile_fast(
    r"(?:pp?\.|頁|页|\bat)\s*(?P<p>[0-9０-９]+[a-z]?(?:\s*[-–~～、,]\s*[0-9０-９]+)*)|第\s*(?P<q>[0-9]+(?:\s*[-–]\s*[0-9]+)?)\s*[頁页]",
    re.I,
)


def parse_note(note: Note) -> Note:
    """Fill note.citations and note.kind from note.text (missing-text notes are left alone)."""
    if note.text is None:
        return note
    keyed = [Citation(raw=m.group(0), form="key", entry=key.strip(), csl={"id": key.strip()})
             for m in _CITE_KEYS.finditer(note.text) for key in m.group(1).split(",") if key.strip()]
    segments = split_note(_CITE_KEYS.sub("", note.text)) if keyed else split_note(note.text)
    note.citations = keyed + [parse_citation(seg.raw, seg.form) for seg in segments if seg.is_citation]
    prose = [seg for seg in segments if not seg.is_citation]
    if not note.citations:
        note.kind = "commentary"
    else:
        note.kind = "mixed" if prose else "citation"
    return note


def parse_citation(raw: str, form: str = "full") -> Citation:
    same = same_as_note(raw)
    if same:
        number, pages = same
        return Citation(raw=raw, form=Form.CROSS_REF, locator=normalize_pages(pages) if pages else None,
                        ref_note=number, csl={"language": chinese_language_tag(raw)})
    if form == Form.SHORT:
        fields = author_date_fields(raw)
        if fields:  # （王振寰，1996：88-90）: a short form by author and year
            csl, pages = fields
            csl["language"] = chinese_language_tag(raw) if has_cjk(raw) else "en"
            return Citation(raw=raw, form=Form.SHORT, csl=csl, locator=pages, named=raw.split("，")[0].split(",")[0])
    info = analyse_form(raw)
    form = info.form if info.form != "full" else form
    if form == "full":
        parsed = _parse_fields(raw)
        return Citation(raw=raw, form="full", csl=parsed.csl, locator=parsed.locator)
    lang = "zh" if is_chinese(raw) else "en"
    csl: dict = {}
    if form == "op_cit" and lang == "en" and _QUOTE_OR_IN.search(info.author_text):
        csl = dict(_parse_fields(raw).csl)  # "Odom, “Title”, in Sokolski ed., op. cit."
    citation = Citation(raw=raw, form=form, csl=csl, locator=_locator(raw))
    citation.ref_note = info.ref_note
    citation.named = info.author_text or None
    if info.title:  # a short note's short title: resolution matches it
        citation.csl["title"] = info.title
    citation.narrow = info.book_or_article
    citation.csl.setdefault("language", chinese_language_tag(raw) if lang == "zh" else "en")
    return citation


def _parse_fields(raw: str) -> Parsed:
    parsed = parse_fields(raw)
    if parsed.lang == "en" and has_cjk(parsed.csl.get("title", "")):
        parsed.lang = "zh"  # a Chinese work rendered by an English style
    parsed.csl.setdefault("language", chinese_language_tag(raw) if parsed.lang == "zh" else "en")
    return parsed


def _locator(raw: str) -> str | None:
    matches = list(_PAGES_ANYWHERE.finditer(raw))
    if not matches:
        return None
    m = matches[-1]
    return normalize_pages(m["p"] or m["q"])
