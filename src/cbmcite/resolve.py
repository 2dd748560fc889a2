"""Resolve repeat references (Ibid., op. cit., 同上, 前引書, 同註X, short notes) in one ordered pass.

Like eyecite's resolver: walk the citations in note order, keep the full citations seen so far,
and accept a target only when exactly one candidate fits (CONVENTIONS §4).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


from .patterns import compile_fast

from .model import Citation, DocumentResult, Note
from .normalize import has_cjk, match_key
from .parse.names import split_people

_IN_CLAUSE = compile_fast(r"(?:[,，]\s*|(?<=[”＂\"])\s*[,，]?\s*)in\s+")
_ROLE_TAIL = compile_fast(r"\s*(?:\(eds?\.?\)|eds?\.|主編|主编|編著|编著|合著|編|编|著)\s*$")

IBID_LIKE = ("ibid",)
AUTHOR_LIKE = ("op_cit", "loc_cit")


@dataclass
class _Full:
    note: int | str
    index: int
    citation: Citation
    document: str | None = None  # set for a full citation in an earlier chapter


def resolve_document(doc: DocumentResult) -> DocumentResult:
    fulls: list[_Full] = []
    by_number: dict = {}
    previous: Note | None = None
    for note in doc.notes:
        by_number.setdefault(note.number, note)
        for index, cit in enumerate(note.citations):
            if cit.form == "full":
                target = _short_note_target(cit, fulls)
                if target is None:
                    fulls.append(_Full(note.number, index, cit))
                    continue
                cit.form = "short"
                _resolved(cit, target, doc.path)
            elif cit.form == "ibid":
                _resolve_ibid(cit, note, index, previous, doc.path)
            elif cit.form in AUTHOR_LIKE:
                _resolve_by_author(cit, fulls, doc.path)
            elif cit.form == "cross_ref":
                _resolve_cross_ref(cit, note, by_number, doc.path)
        previous = note
    return doc


def full_citations(doc: DocumentResult) -> list[_Full]:
    """The document's full citations, as targets for the chapters after it."""
    return [_Full(note.number, i, cit, doc.path) for note in doc.notes for i, cit in enumerate(note.citations)
            if cit.form == "full"]


def resolve_across(doc: DocumentResult, earlier: list[_Full]) -> DocumentResult:
    """Second pass for a chapter of a larger work: what found no target in the chapter may find one
    in an earlier chapter (flagged cross_document); Ibid. and 同註X chains are then followed again."""
    by_number: dict = {}
    previous: Note | None = None
    for note in doc.notes:
        by_number.setdefault(note.number, note)
        for index, cit in enumerate(note.citations):
            if cit.form in AUTHOR_LIKE and cit.resolution == "unresolved":
                _resolve_by_author(cit, earlier, doc.path)
                cit.cross_document = cit.resolution == "resolved"
                if cit.resolution != "resolved":
                    cit.reason = (cit.reason or "") + " in this or an earlier chapter"
            elif cit.form == "full":
                target = _short_note_target(cit, earlier)
                if target is not None:
                    cit.form, cit.cross_document = "short", True
                    _resolved(cit, target, doc.path)
            elif cit.form == "ibid":
                _resolve_ibid(cit, note, index, previous, doc.path)
                cit.cross_document = _target_is_elsewhere(cit, doc)
            elif cit.form == "cross_ref":
                _resolve_cross_ref(cit, note, by_number, doc.path)
                cit.cross_document = _target_is_elsewhere(cit, doc)
        previous = note
    return doc


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
    if index > 0:  # Id. inside the same note: the citation just before it
        _follow(cit, note, index - 1, path)
        return
    if previous is None:
        _failed(cit, "unresolved", "Ibid. in the first note: there is no previous note")
        return
    _point_at_note(cit, previous, f"the previous note {previous.number}", "ambiguous", path)


def _point_at_note(cit: Citation, target: Note, what: str, when_empty: str, path: str) -> None:
    """The single source of a note (Ibid.: the previous one; 同註X: note X); names pick among several."""
    if target.status == "missing_text":
        _failed(cit, "unresolved", f"{what} has no text in the document")
        return
    sources = target.citations
    if not sources:
        _failed(cit, when_empty, f"{what} cites no source (commentary only)")
        return
    if len(sources) > 1:
        names = named_people(cit.named or "")
        fitting = [i for i, s in enumerate(sources) if names and _names_match(names, _people_of(s))]
        if len(fitting) == 1:
            _follow(cit, target, fitting[0], path)
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


# --- op. cit. / 前引書 ----------------------------------------------------------------------

def _resolve_by_author(cit: Citation, fulls: list[_Full], path: str) -> None:
    names = named_people(cit.named or "")
    if not names:
        _failed(cit, "unresolved", "op. cit. without an author name before it")
        return
    matches = [f for f in fulls if _names_match(names, _people_of(f.citation))]
    works = _distinct_works(matches)
    if len(works) > 1 and cit.narrow:
        narrowed = [w for w in works if _work_kind(w[0].citation) == cit.narrow]
        works = narrowed or works
    label = " and ".join(names)
    if not works:
        _failed(cit, "unresolved", f"no earlier work by {label}")
    elif len(works) > 1:
        candidates = [_pointer(w[0].document or path, w[0].note, w[0].index) for w in works]
        _failed(cit, "ambiguous", f"{len(works)} earlier works by {label}", candidates)
    else:
        _resolved(cit, works[0][0], path)


def named_people(text: str) -> list[str]:
    """The names an op. cit. points at: after a chapter's 'in …' the editor is meant."""
    s = text.strip()
    parts = _IN_CLAUSE.split(s)
    s = parts[-1] if len(parts) > 1 else s
    s = _ROLE_TAIL.sub("", s).strip(" ,，")
    if len(s) > 120 or not s:
        return []
    return split_people(s)


def _people_of(cit: Citation) -> list[str]:
    names = []
    for role in ("author", "editor"):
        for n in cit.csl.get(role, []):
            names.append(n.get("literal") or f"{n.get('given', '')} {n.get('family', '')}".strip())
    return names


def _names_match(wanted: list[str], have: list[str]) -> bool:
    """Every named person is among the work's authors/editors (tolerant of typos and initials)."""
    if not have:
        return False
    return all(any(_same_person(w, h) for h in have) for w in wanted)


@lru_cache(maxsize=65536)
def _same_person(a: str, b: str) -> bool:
    if has_cjk(a) or has_cjk(b):
        return match_key(a) == match_key(b)
    fa, fb = _family(a), _family(b)
    if not _close(fa, fb):
        return False
    ga, gb = _initials(a), _initials(b)
    return not ga or not gb or ga[0] == gb[0]


@lru_cache(maxsize=65536)
def _family(name: str) -> str:
    tokens = name.replace(",", " ").split()
    return match_key(tokens[-1]) if tokens else ""


def _initials(name: str) -> str:
    tokens = name.split()[:-1]
    return "".join(t[0].lower() for t in tokens if t[:1].isalpha())


def _close(a: str, b: str) -> bool:
    """Equal, or one edit apart for longer names (Pederson / Perderson)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    return _edit_distance(a, b) <= 1


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def work_key(cit: Citation) -> str:
    """Same work across notes: folded title (artefacts and script variants removed)."""
    return match_key(cit.csl.get("title") or cit.raw)


def _distinct_works(matches: list[_Full]) -> list[list[_Full]]:
    works: dict[str, list[_Full]] = {}
    for f in matches:
        works.setdefault(work_key(f.citation), []).append(f)
    return list(works.values())


def _work_kind(cit: Citation) -> str:
    return "book" if cit.csl.get("type") in ("book", "report", "thesis") else "article"


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
    _point_at_note(cit, target, f"note {x}", "unresolved", path)


# --- Chicago short notes --------------------------------------------------------------------

def _short_note_target(cit: Citation, fulls: list[_Full]) -> _Full | None:
    """'Surname, Short Title, page.': no publication facts, and an earlier work fits."""
    csl = cit.csl
    if any(k in csl for k in ("issued", "publisher", "container-title", "volume", "URL")):
        return None
    title = match_key(csl.get("title"))
    people = _people_of(cit) or [cit.raw.split(",")[0]]
    if not title or len(title) < 3:
        return None
    hits = [
        f for f in fulls
        if match_key(f.citation.csl.get("title")).startswith(title[: max(6, len(title) - 2)])
        and any(_same_person(p, q) or _family(p) == _family(q) for p in people for q in _people_of(f.citation))
    ]
    works = _distinct_works(hits)
    return works[0][0] if len(works) == 1 else None


