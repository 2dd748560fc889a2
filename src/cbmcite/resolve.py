"""Resolve repeat references (Ibid., op. cit., 同上, 前引書, 同註X, short notes) in one ordered pass.

Like eyecite's resolver: walk the citations in note order, keep the full citations seen so far,
and accept a target only when exactly one candidate fits (CONVENTIONS §4).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import regex

from .items import display_name, issued_year
from .lexicon import (
    ARTICLE_MARKS_ZH,
    EDITOR_MARKS_EN,
    ET_AL,
    NAME_PARTICLES,
    NOTE_NAMING_IBID_TERMS_ZH,
    OP_CIT_TERMS_ZH,
    PAGE_ABBREVIATIONS_EN,
    PAGE_LEADS_ZH,
    PAGE_MARKS_ZH,
    PINPOINT_WORDS,
    ROLE_AUTHOR_ZH,
    ROLE_EDITOR_ZH,
    ROLE_TRANSLATOR_EN,
    ROLE_TRANSLATOR_ZH,
    SIGNAL_EN,
    SIGNAL_ZH,
    alternation,
)
from .model import Citation, DocumentResult, Form, Note
from .parse.forms import SHORT_CASE, alias_of
from .parse.names import family_key, names_close, split_people, without_nationality, zh_family_key
from .patterns import compile_fast
from .rules import rule
from .values import has_cjk, match_key, normalize_pages

_NAME_WORD = rf"(?:\p{{Lu}}[\p{{L}}'’.\-]*|{alternation(NAME_PARTICLES)})"
_OPENING_END = compile_fast(r"[,，(（:：;；]")
_FIRST_COMMA = compile_fast(r"\s*[,，]\s*")
# every character but whitespace that PINPOINT_TAIL, LAST_PINPOINT, LOCATOR_TAIL and BARE_PAGE_TAIL match
_TAIL_CHARS = "".join(sorted(set(",，:0123456789-–.。;；" + "".join(PINPOINT_WORDS + PAGE_MARKS_ZH + ARTICLE_MARKS_ZH
                                                                + PAGE_ABBREVIATIONS_EN + PAGE_LEADS_ZH))))
# the last character that is neither one of them nor whitespace (str.isspace, as the stdlib engine's \s)
_NOT_TAIL_CHAR = compile_fast(rf"(?r)[^\s\x1c-\x1f{regex.escape(_TAIL_CHARS)}]")
_PUBLICATION_FACTS = ("publisher", "publisher-place", "container-title", "URL")

IN_CLAUSE = rule(
    "resolve_in_clause",
    r"(?:[,，]\s*|(?<=[”＂\"])\s*[,，]?\s*)in\s+",
    "', in' before a book's editor: in a chapter's op. cit. the editor after it is the one meant.",
    examples=("Smith, in Jones, op. cit.", "“Chapter Title,” in Keohane, op. cit.", "Wang， in Li"),
    counterexamples=("Keohane, op. cit.", "Smith, Within Limits", "Smith, In Search of"),
    requires=("in",),
)
NAMES_THE_NOTE = rule(
    "resolve_names_the_note",
    alternation(NOTE_NAMING_IBID_TERMS_ZH),
    "同上注 / 同前註 name the previous NOTE: inside a note they still mean the note above, not the citation before.",
    examples=("同上注，第5頁。", "同前註，頁12。", "同上註"),
    counterexamples=("同上，頁5。", "Ibid., 5.", "見同上注"),
    requires=NOTE_NAMING_IBID_TERMS_ZH,
    anchored=True,
)
AUTHORLESS_OP_CIT = rule(
    "resolve_authorless_op_cit",
    alternation(tuple(t for t in OP_CIT_TERMS_ZH if t.startswith("同"))),
    "同前揭書 / 同前引書 with no author before it: the work of the note just above, as 同前註 would be.",
    examples=("同前揭書，頁50。", "同前引書，頁9。", "同前引"),
    counterexamples=("王振寰，前引書，頁12。", "前揭書，頁5。"),
    requires=("同前",),
    anchored=True,
)
NAMED_TITLE = rule(
    "resolve_named_title",
    r"[《〈「“\"«](?P<title>[^》〉」”\"»]{1,120})[》〉」”\"»]",
    "A title in title marks or quotation marks after the names before op. cit. / 前揭書: the work's, not a name.",
    examples=("王澤鑑，《民法總則》", "Smith, “Arms Control,”", "Aron, «Paix et guerre»", "汪波，〈論文〉"),
    counterexamples=("王澤鑑", "Smith and Jones", "王澤鑑書"),
    requires=("《", "〈", "「", "“", "\"", "«"),
)
TRANSLATORS = rule(
    "resolve_translators",
    rf"[，,]\s*(?:[^，,]*?{alternation(ROLE_TRANSLATOR_ZH)}|{alternation(ROLE_TRANSLATOR_EN)}\s[^，,]*)\s*(?=[，,]|$)",
    "Translators after the author ('實藤惠秀著，譚汝謙、林啟彥譯', 'Aron, trans. Howard'): not the people op. cit. names.",
    examples=("實藤惠秀著，譚汝謙、林啟彥譯", "Aron, trans. Howard", "Weber, translated by Parsons", "韋伯著，康樂等譯"),
    counterexamples=("Aron, Peace and War", "王澤鑑著，民法總則", "Keohane, ed."),
    requires=("譯", "译", "tr"),
)
NAME_LIKE = rule(
    "resolve_name_like",
    rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}$",
    "A Western person's name: capitalised words and particles only ('Charles de Gaulle'), not a title in prose.",
    examples=("Raymond Aron", "Charles de Gaulle", "J. R. R. Tolkien", "O’Neill"),
    counterexamples=("Paix et guerre entre les nations", "the state", "Smith, Jones"),
    anchored=True,
)
NAME_SEPARATOR = rule(
    "resolve_name_separator",
    r",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*",
    "Between two authors' names: a comma, 'and' or '&' ('Elliot and Reginald', 'Keohane, Nye').",
    examples=("Elliot and Reginald", "Keohane, Nye", "Smith & Jones", "Smith, and Jones"),
    counterexamples=("Reginald", "Sandra Brand"),
    requires=(",", "and", "&"),
)
LOCATOR_TAIL = rule(
    "resolve_locator_tail",
    rf"[,，]?\s*(?:{alternation(PAGE_ABBREVIATIONS_EN)}|{alternation(PAGE_LEADS_ZH)})\s*[0-9][0-9\-–]*\s*"
    rf"{alternation(PAGE_MARKS_ZH)}?\s*[.。;；]?\s*$",
    "The page locator that ends a citation: ', pp. 12-15.', '，頁34。', '，第43頁。'.",
    examples=("Smith, Title, pp. 12-15.", "王澤鑑，前引書，頁34。", "同上，第43頁。", "Jones, p.5"),
    counterexamples=("Smith, Title, 12.", "Smith, Title", "頁34，見下文"),
)
BARE_PAGE_TAIL = rule(
    "resolve_bare_page_tail",
    r"[,，]\s*(?:[0-9]+:)?[0-9][0-9\-–]*\s*[.。;；]?\s*$",
    "A Chicago page locator without 'p.' that ends a citation: ', 136–137.', ', 7:186.'.",
    examples=("Bright, Title, 136–137.", "Bright, 60.", "Works, 7:186."),
    counterexamples=("Bright, p. 60.", "Bright, Title, 1960 edition"),
    requires=(",", "，"),
)
GLUED_SIGNAL = rule(
    "resolve_glued_signal",
    rf"^(?:{alternation(SIGNAL_EN)})\s*(?=\p{{Han}})",
    "An English signal word before a Chinese name ('See汪疑今'; LaTeX may drop the space): not part of the name.",
    examples=("See汪疑今", "See also 郭添漢", "Cf. 王澤鑑"),
    counterexamples=("Seeley", "汪疑今", "See Smith"),
    requires=SIGNAL_EN,
)
PINPOINT_TAIL = rule(
    "resolve_pinpoint_tail",
    rf"[,，]?\s*(?:{alternation(PINPOINT_WORDS)}\s*)?[0-9][0-9\-–]*(?:\s*[,，]\s*[0-9][0-9\-–]*)*\s*"
    rf"{alternation(PAGE_MARKS_ZH + ARTICLE_MARKS_ZH)}?\s*[.。;；]?\s*$",
    "The new pinpoint after a repeated opening: ', sec. 3.', ', 46.', ', art. 121', '，頁12。', '第5條'.",
    examples=("Taiwan Relations Act, sec. 3.", "“Tensions Rise,” 46.", "王澤鑑，民法總則，頁12。", "Brown, 347 U.S. at 495."),
    counterexamples=("Taiwan Relations Act", "Nuclear Posture Review."),
)
LAST_PINPOINT = rule(
    "resolve_last_pinpoint",
    rf"[,，]\s*(?:{alternation(PINPOINT_WORDS)}\s*)?[0-9][0-9\-–]*\s*{alternation(PAGE_MARKS_ZH + ARTICLE_MARKS_ZH)}?\s*[.。;；]?\s*$",
    "One pinpoint after a comma: 'Civil Rights Act of 1964, 262.' keeps the title's own year.",
    examples=("Civil Rights Act of 1964, 262.", "Protection of human subjects, p.302.", "〈西黃丸〉，頁5。"),
    counterexamples=("Civil Rights Act of 1964", "Civil Rights Act of 1964 262"),
    requires=(",", "，"),
)
SIGNAL_LEAD = rule(
    "resolve_signal_lead",
    rf"^(?:{alternation(SIGNAL_ZH)}\s*[:：，,]?|{alternation(SIGNAL_EN)}\s+)",
    "A signal word before a work repeated by its title ('詳見〈西黃丸〉'): not part of the title.",
    examples=("詳見〈西黃丸〉", "See Protection of human subjects, p. 3."),
    counterexamples=("〈西黃丸〉", "Seeley, Title"),
)
PAGE_DIGITS = rule(
    "resolve_page_digits",
    r"[0-9][0-9\-–]*",
    "The pages inside a pinpoint ('p. 302' → 302, '頁 5-7' → 5-7).",
    examples=("p. 302", "頁 5-7"),
    counterexamples=("p. ", "頁"),
)
REPORTER_PINPOINT = rule(
    "resolve_reporter_pinpoint",
    r"[,，]\s*[0-9]{1,4}\s+[\p{L}. ]{1,20}?[0-9a-z]{0,3}$",
    "A law report's volume and reporter before a pinpoint: 'Brown v. Board of Education, 347 U.S.' (at 495).",
    examples=("Brown v. Board of Education, 347 U.S.", "Smith v. Jones, 5 F.3d"),
    counterexamples=("Brown v. Board of Education", "Smith, 1999"),
    requires=(",", "，"),
)
CJK_STYLE_MARKS = rule(
    "resolve_cjk_style_marks",
    r"[，《〈「（：]",
    "Full-width marks of the Chinese styles, which repeat a work in full; a CJK name in a Chicago note has ASCII marks.",
    examples=("王澤鑑，《民法總則》", "Zhang（2001）", "汪波：〈論文〉"),
    counterexamples=("Smith, Title, 12.", "Zhang Wei, Title (2001): 5."),
    requires=("，", "《", "〈", "「", "（", "："),
)
PRINTED_YEAR = rule(
    "resolve_printed_year",
    r"(?<![0-9])[0-9]{4}(?![0-9])",
    "A four-digit number a citation prints, read as a year: a short note drops the full citation's dates.",
    examples=("(Cambridge: MIT Press, 1960), 21.", "Leipzig, 1896"),
    counterexamples=("12345", "Smith, Title, p. 12."),
)
TITLE_ONLY = rule(
    "resolve_title_only",
    r"(?:[“\"「《〈]?(?P<title>[^，,。；;：:“”\"「」《》〈〉()（）]{3,100}?)[.。,，]?[”\"」》〉]?[.。]?)\Z",
    "A note that is only a title ('Florida Mental Health Act.', '“Helsinki Final Act.”'): a short note of an earlier work.",
    examples=("Florida Mental Health Act.", "“Helsinki Final Act.”", "《國家安全法》"),
    counterexamples=("Smith, Title, 12.", "See p. 12, 14.", "王澤鑑：民法總則"),
    anchored=True,
)
MARKED_TITLE_ALONE = rule(
    "resolve_marked_title_alone",
    r"[《〈][^《》〈〉]{2,60}[》〉]\Z",
    "A title alone in Chinese title marks, which delimit it exactly: 《史記》 names its work however short the name.",
    examples=("《舊唐書》", "《史記》", "〈西黃丸〉"),
    counterexamples=("《史記》卷五", "史記", "《書》", "《史記》（北京：中華書局）"),
    requires=("《", "〈"),
    anchored=True,
)
ET_AL_MARK = rule(
    "resolve_et_al_mark",
    alternation(ET_AL),
    "An author list cut short ('et al.', 等): the work still matches its full list's first name.",
    examples=("Glaser et al., Title", "王振寰等，《書》", "Smith et al"),
    counterexamples=("Smith and Jones", "王振寰，《書》"),
    requires=("et al", "等"),
)
ET_AL_TAIL = rule(
    "resolve_et_al_tail",
    rf"[,，]?\s*{alternation(ET_AL)}\s*$",
    "'et al.' / 等 ending a list of names: dropped before the names are compared.",
    examples=("Glaser et al.", "Smith, et al", "王振寰等"),
    counterexamples=("Glaser et al., Title", "王振寰"),
    requires=("et al", "等"),
)
LATIN_STOP_BEFORE_HAN = rule(
    "resolve_latin_stop_before_han",
    r"\.\s*(?=\p{Han})",
    "A full stop that Chinese follows ('…, p. 9. 美國…'): an English sentence (a short note) ends there.",
    examples=(". 美國國防部強調 (after 'Defining and delimiting, p. 9')", ".此外 (after 'Kinchy, Seeds')"),
    counterexamples=(". See also Smith", ".S. Department"),
    requires=(".",),
    anchored=True,
)
ROLE_TAIL = rule(
    "resolve_role_tail",
    rf"\s*{alternation(EDITOR_MARKS_EN + ROLE_AUTHOR_ZH + ROLE_EDITOR_ZH)}\s*$",
    "A role word after the names before op. cit. ('Keohane, ed.', '王澤鑑著', '李主編'): not part of a name.",
    examples=("Keohane (eds.)", "Keohane ed.", "Smith (ed)", "王澤鑑著", "李明主編"),
    counterexamples=("Keohane", "Reed", "王澤鑑"),
)


@dataclass
class _Full:
    note: int | str
    index: int
    citation: Citation
    document: str | None = None  # set for a full citation in an earlier chapter


@dataclass
class _Scope:
    """What a resolver sees: the document, the full citations it may point at, where it stands."""

    doc: DocumentResult
    fulls: list[_Full]
    across: bool  # the second pass, over earlier chapters: `fulls` is theirs and does not grow
    by_number: dict = field(default_factory=dict)
    note: Note | None = None
    index: int = 0
    previous: Note | None = None


Resolver = Callable[[Citation, _Scope], None]


class _Fulls(list):
    """The full citations a walk may point at, with an index by their openings that grows as the list does
    (a walk only appends to it): each citation's openings are looked up once, not once per later citation."""

    def __init__(self, fulls=()) -> None:
        super().__init__(fulls)
        self._by_opening: dict[str, list[_Full]] = {}
        self._indexed = 0

    def opening_with(self, key: str) -> list[_Full]:
        """The full citations, in order, one of whose openings (see _openings) is KEY."""
        for full in self[self._indexed:]:
            for opening in _openings(full.citation.raw):
                self._by_opening.setdefault(opening, []).append(full)
        self._indexed = len(self)
        return self._by_opening.get(key, [])


def _walk(doc: DocumentResult, fulls: list[_Full], across: bool) -> DocumentResult:
    """The one resolution loop: citations in note order, each handed to the resolver of its form."""
    scope = _Scope(doc, fulls, across)
    last: Note | None = None
    for note in doc.notes:
        if last is not None and last.number != note.number:  # a note printed twice is not its own previous note
            scope.previous = last
        scope.by_number.setdefault(note.number, note)
        scope.note = note
        for index, cit in enumerate(note.citations):
            scope.index = index
            resolver = RESOLVERS.get(cit.form)
            if resolver is not None:
                resolver(cit, scope)
        if note.text and not across:
            _repeated_title(note, scope)
        last = note
    return doc


def resolve_document(doc: DocumentResult) -> DocumentResult:
    return _walk(doc, _Fulls(), across=False)


def full_citations(doc: DocumentResult) -> list[_Full]:
    """The document's full citations, as targets for the chapters after it."""
    return [_Full(note.number, i, cit, doc.path) for note in doc.notes for i, cit in enumerate(note.citations)
            if cit.form == "full"]


def resolve_across(doc: DocumentResult, earlier: list[_Full]) -> DocumentResult:
    """Second pass for a chapter of a larger work: what found no target in the chapter may find one
    in an earlier chapter (flagged cross_document); Ibid. and 同註X chains are then followed again."""
    return _walk(doc, _Fulls(earlier), across=True)


# --- the resolvers, one per form ------------------------------------------------------------

def _full_or_short_note(cit: Citation, scope: _Scope) -> None:
    """A citation parsed as full may be a Chicago short note of an earlier work."""
    target = _short_note_target(cit, scope.fulls)
    if target is None:
        if not scope.across:
            scope.fulls.append(_Full(scope.note.number, scope.index, cit))
        return
    cit.form = Form.SHORT
    cit.cross_document = scope.across
    _resolved(cit, target, scope.doc.path)


def _previous_note_ref(cit: Citation, scope: _Scope) -> None:
    _resolve_ibid(cit, scope.note, scope.index, scope.previous, scope.doc.path)
    if scope.across:
        cit.cross_document = _target_is_elsewhere(cit, scope.doc)


def _author_ref(cit: Citation, scope: _Scope) -> None:
    if not scope.across:
        _resolve_by_author(cit, scope.fulls, scope.previous, scope.doc.path)
        return
    if cit.resolution != "unresolved":
        return
    _resolve_by_author(cit, scope.fulls, None, scope.doc.path)
    cit.cross_document = cit.resolution == "resolved"
    if cit.resolution != "resolved":
        cit.reason = (cit.reason or "") + " in this or an earlier chapter"


def _note_number_ref(cit: Citation, scope: _Scope) -> None:
    _resolve_cross_ref(cit, scope.note, scope.by_number, scope.doc.path)
    if scope.across:
        cit.cross_document = _target_is_elsewhere(cit, scope.doc)


def _repeated_title(note: Note, scope: _Scope) -> None:
    """A sentence of a note that no citation covers and that is only the title of a work cited in full before,
    perhaps with a page ('Florida Mental Health Act.', 'Protection of human subjects, p.302.', '〈西黃丸〉。'), or its
    authors and title ('Kinchy, Seeds, sciences, and struggle.'), is a short note of it, though it reads like prose."""
    for start, piece in _uncited_sentences(note):
        target, title, locator = _repeated_work(piece, scope.fulls)
        if target is None:
            continue
        cit = Citation(raw=piece, form=Form.SHORT, csl={"title": title} if title else {}, locator=locator)
        at = sum(1 for c in note.citations if note.text.find(c.raw) < start)
        note.citations.insert(at, cit)
        for full in scope.fulls:  # the note's full citations after it move one place on
            if full.note == note.number and full.index >= at and full.document is None:
                full.index += 1
        note.kind = "citation" if note.text.strip() == piece or len(note.citations) > 1 and note.kind == "citation" \
            else "mixed"
        _resolved(cit, target, scope.doc.path)


def _uncited_sentences(note: Note) -> list[tuple[int, str]]:
    """The note's sentences (cut at 。 and ；, and at a full stop before Chinese) that no citation covers, with where
    they start."""
    text = note.text
    spans = sorted((at, at + len(cit.raw)) for cit in note.citations for at in (text.find(cit.raw),) if at >= 0)
    out: list[tuple[int, str]] = []
    free_from = 0
    for at, end in spans + [(len(text), len(text))]:  # the stretches between covered spans
        if at > free_from:
            _sentences_in(text, free_from, at, out)
        free_from = max(free_from, end)
    return out


_SENTENCE_END = compile_fast(rf"[。；;]|{LATIN_STOP_BEFORE_HAN.pattern}")


def _sentences_in(text: str, start: int, stop: int, out: list[tuple[int, str]]) -> None:
    """The sentences of text[start:stop], each ending at 。 ；or ; (kept), at a full stop before Chinese, or at stop."""
    while start < stop:
        m = _SENTENCE_END.search(text, start, stop)
        end = m.end() if m else stop
        piece = SIGNAL_LEAD.compiled.sub("", text[start:end].strip()).rstrip("；; ")
        if piece and len(piece) < 150:
            out.append((text.find(piece, start), piece))
        start = end


def _repeated_work(piece: str, fulls: list[_Full]) -> tuple[_Full | None, str, str | None]:
    """The earlier work a sentence names again by its title (and page) or by its authors and title."""
    found = _title_only_target(piece, fulls)
    if found:
        return found[0], found[1], None
    tail = LOCATOR_TAIL.find(piece) or LAST_PINPOINT.find(piece)
    if tail:
        found = _title_only_target(piece[:tail.start()], fulls)
        if found:
            return found[0], found[1], normalize_pages(PAGE_DIGITS.find(tail.group(0)).group(0))
    opening = _opening_target(piece, fulls)
    if opening:
        return opening, "", None
    if PRINTED_YEAR.find(piece):
        return None, "", None  # a year printed: a full citation again, or prose
    return _names_and_printed_title(Citation(raw=piece, form=Form.SHORT), fulls), "", None


def _title_only_target(text: str, fulls: list[_Full]) -> tuple[_Full, str] | None:
    """The one earlier work whose title a text made only of a title repeats, and that title."""
    title = TITLE_ONLY.find(text.strip())
    if title is None:
        return None
    key = match_key(title["title"])
    if len(key) < (4 if has_cjk(key) else 12):
        return None
    works = _distinct_works([f for f in fulls if match_key(f.citation.raw).startswith(key)
                             or match_key(f.citation.csl.get("title")).startswith(key)])
    return (works[0][0], title["title"]) if len(works) == 1 else None


RESOLVERS: dict[Form, Resolver] = {
    Form.FULL: _full_or_short_note,
    Form.IBID: _previous_note_ref,
    Form.OP_CIT: _author_ref,
    Form.LOC_CIT: _author_ref,
    Form.SHORT: _author_ref,  # 'Surname, Short Title, page': by author, then title
    Form.CROSS_REF: _note_number_ref,
}


def _target_is_elsewhere(cit: Citation, doc: DocumentResult) -> bool:
    return bool(cit.resolves_to) and cit.resolves_to.get("document") != doc.path


FORM_NAMES = {"ibid": "an Ibid.", "op_cit": "an op. cit.", "loc_cit": "a loc. cit.", "cross_ref": "a cross-reference",
              "short": "a short note"}


# --- outcomes -----------------------------------------------------------------------------

def _resolved(cit: Citation, target: _Full | Citation, path: str, via: Citation | None = None) -> None:
    if isinstance(target, _Full):
        cit.resolution = "resolved"
        cit.resolves_to = {"document": target.document or path, "note": target.note, "index": target.index}
        cit.csl = dict(target.citation.csl)
        cit.entry = target.citation.entry
        return
    # target is itself a short form: take over its verdict
    cit.resolution = target.resolution
    cit.resolves_to = dict(target.resolves_to) if target.resolves_to else None
    cit.candidates = [dict(c) for c in target.candidates]
    if target.resolution == "resolved":
        cit.csl = dict(target.csl)
    else:
        cit.reason = f"points to {FORM_NAMES.get(target.form, target.form)} that is {target.resolution}"


def _failed(cit: Citation, outcome: str, reason: str, candidates: list[dict] | None = None) -> None:
    cit.resolution = outcome
    cit.resolves_to = None
    cit.candidates = candidates or []
    cit.reason = reason


def _pointer(path: str, note: int | str, index: int) -> dict:
    return {"document": path, "note": note, "index": index}


# --- Ibid. / 同上 ---------------------------------------------------------------------------

def _resolve_ibid(cit: Citation, note: Note, index: int, previous: Note | None, path: str) -> None:
    if index > 0 and not NAMES_THE_NOTE.find(cit.raw.strip()):  # Id. inside a note: the citation just before it
        _follow(cit, note, index - 1, path)
        return
    if previous is None:
        _failed(cit, "unresolved", "Ibid. in the first note: there is no previous note")
        return
    _point_at_note(cit, previous, f"the previous note {previous.number}", path)


def _point_at_note(cit: Citation, target: Note, what: str, path: str) -> None:
    """The single source of a note (Ibid.: the previous one; 同註X: note X); names pick among several."""
    if target.status == "missing_text":
        _failed(cit, "unresolved", f"{what} has no text in the document")
        return
    sources = target.citations
    if not sources:
        _failed(cit, "unresolved", f"{what} cites no source (commentary only)")
        return
    if len(sources) > 1:
        named = named_work(cit.named or "")
        fitting = [i for i, s in enumerate(sources) if named.people and _names_match(named.people, s)]
        if len(fitting) > 1 and named.title:  # 同前注〔16〕，作者：《書名》: the title picks among the author's works
            fitting = [i for i in fitting if _title_fits(named.title, sources[i])] or fitting
        if len(fitting) == 1:
            _follow(cit, target, fitting[0], path)
            return
        titled = [i for i, s in enumerate(sources) if s.form != Form.FULL or s.csl.get("title")]
        if titled == [0]:  # '…[M]//梁慧星. 民商法論叢: 卷 1.法律出版社, 1994: 332.': the untitled rest is its tail, not a source
            _follow(cit, target, 0, path)
            return
        if len({_target_of(target, i, path) for i in range(len(sources))}) == 1:
            _follow(cit, target, 0, path)  # one work cited twice ("…, p. 5; Ibid., p. 7") is one source
            return
        candidates = [_pointer(path, target.number, i) for i in range(len(sources))]
        _failed(cit, "ambiguous", f"{what} cites {len(sources)} sources", candidates)
        return
    _follow(cit, target, 0, path)


def _target_of(note: Note, index: int, path: str) -> tuple:
    """Where a citation leads: itself if full, its target if a resolved short form."""
    cit = note.citations[index]
    if cit.form == "full":
        return (path, note.number, index)
    if cit.resolution == "resolved" and cit.resolves_to:
        return (cit.resolves_to["document"], cit.resolves_to["note"], cit.resolves_to["index"])
    return ("unresolved", note.number, index)


def _follow(cit: Citation, note: Note, index: int, path: str) -> None:
    target = note.citations[index]
    if target.form == "full":
        _resolved(cit, _Full(note.number, index, target), path)
    else:
        _resolved(cit, target, path)
        cit.follows = _pointer(path, note.number, index)


# --- op. cit. / 前引書 ----------------------------------------------------------------------

def _resolve_by_author(cit: Citation, fulls: list[_Full], previous: Note | None, path: str) -> None:
    """op. cit. / 前引書 / loc. cit. / short note: the earlier work by the named authors."""
    aliased = _alias_target(cit.raw, fulls) if cit.form == Form.SHORT else None
    if aliased is not None:
        _resolved(cit, aliased, path)
        return
    named = named_work(cit.named or "")
    if not named.people:
        if previous is not None and AUTHORLESS_OP_CIT.find(cit.raw.strip()):  # 同前揭書 with no author: the note above
            _point_at_note(cit, previous, f"the previous note {previous.number}", path)
            return
        _failed(cit, "unresolved", f"{cit.form.replace('_', ' ')} without an author name before it")
        return
    case = SHORT_CASE.find(cit.raw.strip()) if cit.form == Form.SHORT else None
    if case:
        _resolve_case(cit, case, fulls, path)
        return
    works = _works_by(named, fulls)
    if cit.form == Form.SHORT:
        works = _short_note_works(cit.csl.get("title", ""), issued_year(cit.csl), named, works, fulls, previous, path)
    if len(works) > 1 and named.title:  # 作者，《書名》，前揭書: the title picks the work
        works = [w for w in works if _title_fits(named.title, w[0].citation)] or works
    if len(works) > 1:  # 吳玉山，前引文: the article he wrote, not the volume he edited
        works = [w for w in works if _names_match(named.people, w[0].citation, ("author",))] or works
    if len(works) > 1 and not ET_AL_MARK.find(cit.named or ""):  # 張三，前引文: his article alone, not the one with 李四
        works = [w for w in works if _authored_by_exactly(named.people, w[0].citation)] or works
    label = " and ".join(named.people)
    if not works:
        _failed(cit, "unresolved", f"no earlier work by {label}")
    elif len(works) > 1:
        candidates = [_pointer(w[0].document or path, w[0].note, w[0].index) for w in works]
        _failed(cit, "ambiguous", f"{len(works)} earlier works by {label}", candidates)
    else:
        _resolved(cit, works[0][0], path)


def _authored_by_exactly(people: list[str], work: Citation) -> bool:
    """The work's authors are the people named, no more (a list printed with et al. / 等 may hold more)."""
    return not ET_AL_MARK.find(work.raw) and len(_people_of(work, ("author",))) == len(people)


def _resolve_case(cit: Citation, case, fulls: list[_Full], path: str) -> None:
    """'Youngstown, 343 U.S. at 637': the case in that volume of that reporter whose name holds the party named."""
    party = match_key(case["who"])
    works = _distinct_works([f for f in fulls if f.citation.csl.get("volume") == case["v"]
                             and match_key(f.citation.csl.get("container-title")) == match_key(case["c"])
                             and party in match_key(f.citation.csl.get("title"))])
    if len(works) == 1:
        _resolved(cit, works[0][0], path)
    elif works:
        _failed(cit, "ambiguous", f"{len(works)} earlier cases named {case['who']}",
                [_pointer(w[0].document or path, w[0].note, w[0].index) for w in works])
    else:
        _failed(cit, "unresolved", f"no earlier case named {case['who']} in {case['v']} {case['c']}")


def _works_by(named: NamedWork, fulls: list[_Full]) -> list[list[_Full]]:
    matches = [f for f in fulls if _names_match(named.people, f.citation)]
    if not matches and named.whole and named.people != [named.whole]:  # 'U.S. Food and Drug Administration' is one author
        matches = [f for f in fulls if _names_match([named.whole], f.citation)]
    return _distinct_works(matches)


def _short_note_works(short_title: str, year: int | None, named: NamedWork, works: list[list[_Full]],
                      fulls: list[_Full], previous: Note | None, path: str) -> list[list[_Full]]:
    """Of the author's works, those a short note can mean: the short title must fit (another work by the
    author may never have been cited in full); without a title, the work of the note just before."""
    if not short_title and year is not None:  # author–date （王振寰，1996：88）: the author's work of that year
        return ([w for w in works if issued_year(w[0].citation.csl) == year]
                or [w for w in works if issued_year(w[0].citation.csl) is None])
    if short_title:
        return ([w for w in works if _title_fits(short_title, w[0].citation)]
                or [w for w in works if _printed_in(short_title, w[0].citation)]
                or _distinct_works([f for f in fulls if _printed_in(short_title, f.citation)
                                    and all(_printed_in(p, f.citation, 2) for p in named.people)]))
    if len(works) > 1 and previous is not None:
        return _cited_in(previous, works, path) or works  # 'Bright, 60.' right after Bright's work
    return works or _title_read_as_names(named.whole, fulls) or _titled(named.whole, fulls)


def _titled(words: str, fulls: list[_Full]) -> list[list[_Full]]:
    """'The Qur’an, 344.': what the short note names is no author but the whole title of an earlier work."""
    key = match_key(words)
    return _distinct_works([f for f in fulls if key and match_key(f.citation.csl.get("title")) == key]) if key else []


def _printed_in(words: str, cit: Citation, shortest: int = 6) -> bool:
    """A short title (or a name) is printed in the full citation, whatever field its parse put it in."""
    key = match_key(words)
    return len(key) >= (min(shortest, 3) if has_cjk(words) else shortest) and key in match_key(cit.raw)


def _title_read_as_names(whole: str, fulls: list[_Full]) -> list[list[_Full]]:
    """'Elliot and Reginald, The Arms Control, Disarmament, and …, 231.': a title with commas that the
    short-note rule read as more names; the first split into names and a fitting title wins."""
    for sep in NAME_SEPARATOR.finditer(whole):
        people, title = split_people(whole[: sep.start()]), whole[sep.end():]
        works = _distinct_works([f for f in fulls if _names_match(people, f.citation) and _title_fits(title, f.citation)])
        if works:
            return works
    return []


def _cited_in(note: Note, works: list[list[_Full]], path: str) -> list[list[_Full]]:
    """The works that a note cites, directly or through a resolved short form."""
    cited = {_target_of(note, i, path) for i in range(len(note.citations))}
    return [w for w in works if any((f.document or path, f.note, f.index) in cited for f in w)]


@dataclass(frozen=True)
class NamedWork:
    """What the words before op. cit. / 前引書 name: people, and perhaps a short title."""

    people: list[str]
    title: str = ""
    whole: str = ""  # the names as one string, for institutions whose name holds 'and'


def named_work(text: str) -> NamedWork:
    """After a chapter's 'in …' the editor is meant; a title in marks is the work's, not a name."""
    s = text.strip()
    parts = IN_CLAUSE.compiled.split(s)
    s = parts[-1] if len(parts) > 1 else s
    title = ""
    m = NAMED_TITLE.find(s)
    if m and m.start() > 0:
        title, s = m["title"], s[: m.start()]
    s = ROLE_TAIL.compiled.sub("", ET_AL_TAIL.compiled.sub("", TRANSLATORS.compiled.sub("", s))).strip(" ,，:：")
    if len(s) > 300 or not s:  # forms.py lets only a list of names grow this long
        return NamedWork([], title)
    people = [p for part in s.split("、") for p in split_people(part)]
    for i, person in enumerate(people[1:], 1):  # 'Aron, Paix et guerre entre les nations': a title, not a name
        if not has_cjk(person) and not NAME_LIKE.find(person):
            return NamedWork(people[:i], title or s[s.index(person):], s)
    return NamedWork(people, title, s)


def named_people(text: str) -> list[str]:
    """The people an op. cit. points at."""
    return named_work(text).people


def _people_of(cit: Citation, roles: tuple[str, ...] = ("author", "editor")) -> list[str]:
    """Authors and editors; a literal 'W. Mou、K. Zhang' holds two people."""
    return [p for role in roles for n in cit.csl.get(role, []) for p in _people_named(display_name(n))]


@lru_cache(maxsize=8192)  # every op. cit. reads the names of every earlier full citation
def _people_named(name: str) -> tuple[str, ...]:
    return tuple(GLUED_SIGNAL.compiled.sub("", p) for p in name.split("、"))


def _names_match(wanted: list[str], work: Citation, roles: tuple[str, ...] = ("author", "editor")) -> bool:
    """Every named person is among the work's authors/editors (tolerant of typos and initials);
    a work printed with 'et al.' / 等 needs only its first author named first."""
    have, cut_short = _listed_people(tuple(_people_of(work, roles)), work.raw)
    if not have:
        return False
    if len(wanted) > len(have) and cut_short:
        return _same_person(wanted[0], have[0])
    return all(any(_same_person(w, h) for h in have) for w in wanted)


@lru_cache(maxsize=8192)  # every op. cit. is compared with every earlier full citation
def _listed_people(people: tuple[str, ...], raw: str) -> tuple[tuple[str, ...], bool]:
    return tuple(ET_AL_TAIL.compiled.sub("", h) for h in people), bool(ET_AL_MARK.find(raw))


def _title_fits(short: str, cit: Citation) -> bool:
    """A short title is the start of the full one (subtitle dropped), script and marks folded."""
    short_key, full_key = match_key(short), match_key(cit.csl.get("title"))
    return bool(short_key) and full_key.startswith(short_key[: max(6, len(short_key) - 2)])


@lru_cache(maxsize=65536)
def _same_person(a: str, b: str) -> bool:
    if has_cjk(a) or has_cjk(b):
        (ka, family_a), (kb, family_b) = _chinese_name_keys(a), _chinese_name_keys(b)
        if ka == kb:
            return True
        # 谢林 / 〔美〕托马斯·谢林: a transliterated name named by its family part alone
        return ka == family_b or kb == family_a or _family_name_alone(ka, kb) or _family_name_alone(kb, ka)
    fa, fb = family_key(a), family_key(b)
    if not names_close(fa, fb):
        return False
    if _ends_with_words(a, b) or _ends_with_words(b, a):  # 'Martin Lillie' / 'C. M. Martin Lillie': a compound surname
        return True
    ga, gb = _initials(a), _initials(b)
    return not ga or not gb or ga[0] == gb[0]


@lru_cache(maxsize=8192)  # each name meets every name of the earlier works: fold it once
def _chinese_name_keys(name: str) -> tuple[str, str]:
    """A name folded whole (without a nationality mark) and by its family part."""
    return match_key(without_nationality(name)), zh_family_key(name)


def _family_name_alone(short: str, full: str) -> bool:
    """'添谷、前掲書' names 添谷芳秀: Japanese notes repeat an author by the family name alone, two or more characters
    opening a name at least two longer (a Chinese note repeats the whole name, and 王振 is not 王振寰)."""
    return len(short) >= 2 and len(full) >= len(short) + 2 and full.startswith(short)


def _ends_with_words(short: str, full: str) -> bool:
    words, whole = short.split(), full.split()
    return 1 < len(words) < len(whole) and whole[-len(words):] == words


def _initials(name: str) -> str:
    tokens = name.split()[:-1]
    return "".join(t[0].lower() for t in tokens if t[:1].isalpha())


def work_key(cit: Citation) -> str:
    """Same work across notes: folded title (artefacts and script variants removed)."""
    return match_key(cit.csl.get("title") or cit.raw)


def _distinct_works(matches: list[_Full]) -> list[list[_Full]]:
    works: dict[str, list[_Full]] = {}
    for f in matches:
        works.setdefault(work_key(f.citation), []).append(f)
    return list(works.values())


# --- 同註X / supra note X -----------------------------------------------------------------

def _resolve_cross_ref(cit: Citation, note: Note, by_number: dict, path: str) -> None:
    x = cit.ref_note
    if isinstance(note.number, int) and x is not None and x >= note.number:
        where = "itself" if x == note.number else f"a later note ({x})"
        _failed(cit, "unresolved", f"points to {where}")
        return
    target = by_number.get(x)
    if target is None:
        _failed(cit, "unresolved", f"note {x} does not exist")
        return
    _point_at_note(cit, target, f"note {x}", path)


# --- Chicago short notes --------------------------------------------------------------------

def _short_note_target(cit: Citation, fulls: list[_Full]) -> _Full | None:
    """'Surname, Short Title, page.' or the opening of an earlier citation and a pinpoint."""
    return _surname_title_target(cit, fulls) or _opening_target(cit.raw, fulls) or _alias_target(cit.raw, fulls)


def _alias_target(text: str, fulls: list[_Full]) -> _Full | None:
    """'Krepon, Handbook, 15.' after '… (hereafter cited as Krepon, Handbook)': the one work that defined the short
    name it repeats (with or without the author's surname before a title-only name), a new pinpoint after it."""
    key = match_key(PINPOINT_TAIL.compiled.sub("", text.strip()))
    hits = [f for f in fulls if (alias := match_key(alias_of(f.citation.raw) or "")) and len(alias) >= 4
            and (key == alias or key.endswith(alias) and len(key) - len(alias) <= 20)]
    works = _distinct_works(hits)
    return works[0][0] if len(works) == 1 else None


def _opening_target(text: str, fulls: _Fulls) -> _Full | None:
    """'Taiwan Relations Act, sec. 3.', '“Tensions Rise,” 46.', 'U.S. Department of Defense, Nuclear Posture
    Review, 12.', 'Brown v. Board of Education, 347 U.S. at 495.': the first elements of one earlier full
    citation (its facts dropped) and a new pinpoint, as institutional, legal and authorless works are cited again."""
    text = text.strip()
    for tail in (PINPOINT_TAIL, LAST_PINPOINT):  # the widest pinpoint first, then one that spares a title's year
        stripped = _without_tail(tail, text)
        if stripped == text:
            continue
        key = match_key(REPORTER_PINPOINT.compiled.sub("", stripped))
        if len(key) < (2 if MARKED_TITLE_ALONE.find(stripped) else 4 if has_cjk(key) else 10):
            continue
        works = _distinct_works(fulls.opening_with(key))
        if len(works) == 1:
            return works[0][0]
    return None


def _without_tail(tail, text: str) -> str:
    """The text without an end-anchored page or pinpoint tail (as tail.compiled.sub("", text)): the tail lies in
    the text's last run of characters such tails hold, so the search starts there, not at every position."""
    last_other = _NOT_TAIL_CHAR.search(text)
    m = tail.compiled.search(text, last_other.end() if last_other else 0)
    return text if m is None else text[:m.start()] + text[m.end():]


@lru_cache(maxsize=8192)
def _openings(raw: str) -> frozenset[str]:
    """A citation's first two elements, folded: 'Brown v. Board of Education', 'U.S. Department of Defense,
    Nuclear Posture Review'; a longer opening holds publication facts, and repeating them is a full citation."""
    ends = [m.start() for m in islice(_OPENING_END.finditer(raw, 0, 250), 2)]
    return frozenset(match_key(raw[:end]) for end in ends)


def _surname_title_target(cit: Citation, fulls: list[_Full]) -> _Full | None:
    """'Surname, Short Title, page.': no publication facts, and an earlier work fits."""
    csl = cit.csl
    if any(k in csl for k in ("issued", "publisher", "container-title", "volume", "URL")):
        return _repeated_head(cit, fulls) or _title_only_work(cit.raw, fulls) or _names_and_printed_title(cit, fulls)
    if not _people_of(cit):  # a title alone, parsed as a citation: '“Helsinki Final Act.”'
        found = _title_only_target(cit.raw, fulls)
        return found[0] if found else None
    title = match_key(csl.get("title"))
    people = _people_of(cit) or [cit.raw.split(",")[0]]
    if not title or len(title) < 3:
        return None
    hits = [
        f for f in fulls
        if _title_fits(csl["title"], f.citation)
        and any(_same_person(p, q) or family_key(p) == family_key(q) for p in people for q in _people_of(f.citation))
    ]
    works = _distinct_works(hits)
    return works[0][0] if len(works) == 1 else None


def _title_only_work(text: str, fulls: list[_Full]) -> _Full | None:
    found = _title_only_target(text, fulls)
    return found[0] if found else None


def _names_and_printed_title(cit: Citation, fulls: list[_Full]) -> _Full | None:
    """'Saito and Miyazaki, Jadeite-bearing metagabbro … central Kyushu, pp.175-176.': an earlier
    work's authors by surname, then its title as printed there and a page, nothing more; what the
    parse read as a year or a journal was part of the title. The names end at one of the first commas
    ('Walls, Barichivich, and Brown, Drought, deluge and declines, p. 390')."""
    if CJK_STYLE_MARKS.find(cit.raw) or "publisher" in cit.csl or "publisher-place" in cit.csl:
        return None  # the Chinese styles repeat a work in full
    raw = cit.raw.strip()
    for comma in list(_FIRST_COMMA.finditer(raw))[:4]:
        names, title = raw[:comma.start()], raw[comma.end():]
        title_key = _without_page_key(title)
        people = split_people(ET_AL_TAIL.compiled.sub("", names))
        if len(title_key) < 12 or not people:
            continue
        hits = [f for f in fulls if _facts_after(title_key, f.citation.raw) and not _prints_year_of(raw, f.citation)
                and (_names_match(people, f.citation) or _names_match([names], f.citation))]
        works = _distinct_works(hits)
        if len(works) == 1:
            return works[0][0]
    return None


def _prints_year_of(raw: str, full: Citation) -> bool:
    """A short note drops the date: a citation that prints a year the full one prints outside its title
    is the full one again."""
    dates = set(PRINTED_YEAR.compiled.findall(full.raw)) - set(PRINTED_YEAR.compiled.findall(full.csl.get("title", "")))
    return bool(dates & set(PRINTED_YEAR.compiled.findall(raw)))


def _facts_after(title_key: str, full_raw: str) -> bool:
    """The full citation prints the title and, after it, more than a page: the facts a short note drops."""
    full_key = _without_page_key(full_raw)
    at = full_key.find(title_key)
    return at >= 0 and len(full_key) - at - len(title_key) > 4


@lru_cache(maxsize=8192)  # each short note is compared with every earlier full citation
def _without_page_key(text: str) -> str:
    """A citation (or its title part) without its page locator, folded."""
    return match_key(_without_tail(BARE_PAGE_TAIL, _without_tail(LOCATOR_TAIL, text.strip())))


def _repeated_head(cit: Citation, fulls: list[_Full]) -> _Full | None:
    """The opening of an earlier full citation again, its publication facts dropped, a new page added."""
    head = _head(cit)
    if len(head) < 20:
        return None
    hits = [f for f in fulls if _head(f.citation).startswith(head) and len(_head(f.citation)) > len(head) + 8
            and any(k in f.citation.csl and k not in cit.csl for k in _PUBLICATION_FACTS)]
    if not hits or head == match_key(cit.raw):  # no page locator: not a later reference (folding the raw text costs)
        return None
    works = _distinct_works(hits)
    return works[0][0] if len(works) == 1 else None


def _head(cit: Citation) -> str:
    return _head_of(cit.raw)


@lru_cache(maxsize=8192)  # each full citation is compared with every earlier one
def _head_of(raw: str) -> str:
    """A citation without its page locator, folded."""
    return match_key(_without_tail(LOCATOR_TAIL, raw))
