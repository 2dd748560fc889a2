"""Notes → citations with CSL fields: split, recognise the form, parse the fields."""
from __future__ import annotations

import regex as re

from ..lexicon import PAGE_MARKS_ZH, alternation
from ..model import Citation, Form, Note
from ..rules import rule
from ..values import chinese_language_tag, has_cjk, normalize_pages
from .authordate import author_date_fields
from .forms import analyse_form, same_as_note, without_alias
from .result import Parsed
from .split import split_note
from .styles import is_chinese, parse_fields
from .zh import legal_title


__all__ = ["parse_note", "parse_citation", "Parsed"]

LATEX_CITE_KEYS = rule(
    "latex_cite_keys",
    r"\\cite\{([^{}]*)\}",
    "LaTeX \\cite keys in a note: already structured references, kept by key.",
    examples=(r"See \cite{smith1999}.", r"\cite{keohane1984,nye2004}"),
    counterexamples=(r"\citep[5]{smith1999}", "Smith, cite 5"),
    requires=("\\cite{",),
)
QUOTED_OR_IN = rule(
    "quoted_or_in_en",
    r"[“\"]|\bin\s",
    "A quoted title or 'in' (a chapter) among the words before op. cit.: a title to parse, not only authors.",
    examples=("Odom, “Title”, in Sokolski ed.", "Odom, in Sokolski ed.", 'Odom, "Title"'),
    counterexamples=("Odom", "Odom, Winning"),
    requires=("“", '"', "in"),
)
PAGES_ANYWHERE = rule(
    "pages_anywhere",
    rf"(?:pp?\.|{alternation(PAGE_MARKS_ZH)}|\bat)\s*(?P<p>[0-9０-９]+[a-z]?(?:\s*[-–~～、,]\s*[0-9０-９]+)*)"
    rf"|(?:第\s*|(?<=[，,、]\s*))(?P<q>[0-9]+(?:\s*[-–—]\s*[0-9]+)?)\s*{alternation(PAGE_MARKS_ZH)}",
    "The pages a repeat reference cites: p. 12 / pp. 3-5 / 頁12 / 第5頁 / at 495 / 、90頁 (Japanese).",
    examples=("Waltz, op. cit., p. 12.", "王振寰，前引書，頁12。", "同前註，第5頁。", "Brown, 347 U.S. at 495.", "Ibid., PP. 3-5.",
              "若林正丈、前掲書、90頁。", "同註 1，第 207-208 頁。"),
    counterexamples=("Waltz, op. cit.", "王振寰，前引書。"),
    requires=("p", "P", "a", "A") + PAGE_MARKS_ZH,  # case-insensitive: 'pp.' and 'at' in any case
    flags=re.I,
)


def parse_note(note: Note) -> Note:
    """Fill note.citations and note.kind from note.text (missing-text notes are left alone)."""
    if note.text is None:
        return note
    keyed = [Citation(raw=m.group(0), form="key", entry=key.strip(), csl={"id": key.strip()})
             for m in LATEX_CITE_KEYS.finditer(note.text) for key in m.group(1).split(",") if key.strip()]
    segments = split_note(LATEX_CITE_KEYS.compiled.sub("", note.text)) if keyed else split_note(note.text)
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
            csl, pages, name = fields
            csl["language"] = chinese_language_tag(raw) if has_cjk(raw) else "en"
            return Citation(raw=raw, form=Form.SHORT, csl=csl, locator=pages, named=name)
    info = analyse_form(raw)
    form = info.form if info.form != "full" else form
    if form == "full":
        parsed = _parse_fields(without_alias(raw))
        return Citation(raw=raw, form="full", csl=parsed.csl, locator=parsed.locator)
    lang = "zh" if is_chinese(raw) else "en"
    csl: dict = {}
    if form == "op_cit" and lang == "en" and QUOTED_OR_IN.find(info.author_text):
        csl = dict(_parse_fields(raw).csl)  # "Odom, “Title”, in Sokolski ed., op. cit."
    citation = Citation(raw=raw, form=form, csl=csl, locator=_locator(raw))
    citation.ref_note = info.ref_note
    citation.named = info.author_text or None
    if info.title:  # a short note's short title: resolution matches it
        citation.csl["title"] = info.title
    citation.csl.setdefault("language", chinese_language_tag(raw) if lang == "zh" else "en")
    return citation


def _parse_fields(raw: str) -> Parsed:
    parsed = parse_fields(raw)
    if parsed.lang == "en" and has_cjk(parsed.csl.get("title", "")):
        parsed.lang = "zh"  # a Chinese work rendered by an English style
        csl = parsed.csl
        if csl.get("type") == "book" and legal_title(csl["title"]) and not (csl.get("publisher") or csl.get("container-title")):
            csl["type"] = "legislation"  # '全國人大常委會, “中華人民共和國公司法” (2005), 295.'
    parsed.csl.setdefault("language", chinese_language_tag(raw) if parsed.lang == "zh" else "en")
    return parsed


def _locator(raw: str) -> str | None:
    matches = list(PAGES_ANYWHERE.finditer(raw))
    if not matches:
        return None
    m = matches[-1]
    return normalize_pages(m["p"] or m["q"])
