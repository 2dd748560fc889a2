"""`cbmcite check`: problems (broken chains, missing note text) and editor's warnings."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .bibliography import Bibliography
from .items import creators, display_name, filed_name, issued_year
from .ingest import natural_key
from .model import Citation, DocumentResult, Note
from .parse.forms import CROSS_REF, IBID, LOC_CIT, OP_CIT
from .resolve import ET_AL_MARK, named_people
from .values import has_cjk, match_key


@dataclass
class Finding:
    severity: str  # error | warning
    path: str
    line: int
    note: int | str | None
    what: str  # short label: "op. cit.", "Ibid.", "missing text", "numbering", "spelling"
    message: str
    hint: str = ""
    raw: str = ""
    candidates: list[dict] = field(default_factory=list)
    dependents: list[int | str] = field(default_factory=list)  # notes whose chains fail only because of this one
    term: str = ""  # a short form as the note writes it (同上, 前引書, Ibid.); `what` is its generic kind


@dataclass
class Summary:
    documents: int = 0
    notes: int = 0
    citations: int = 0
    resolved: int = 0
    unresolved: int = 0
    ambiguous: int = 0
    missing_text: int = 0
    anomalies: int = 0


_LABEL = {"ibid": "Ibid.", "op_cit": "op. cit.", "loc_cit": "loc. cit.", "cross_ref": "cross-reference", "short": "short note"}
_TERM = {"ibid": IBID, "op_cit": OP_CIT, "loc_cit": LOC_CIT, "cross_ref": CROSS_REF}  # how each form is written
_BY_AUTHOR = ("op_cit", "loc_cit", "short")  # forms that name an author to find the work by


def written_term(cit: Citation) -> str:
    """The short form as the note writes it (同上, 前引書, Ibid.), else its generic label."""
    pattern = _TERM.get(cit.form)
    m = pattern.find(cit.raw.strip()) if pattern else None
    return m.group(0).strip() if m else _LABEL.get(cit.form, cit.form)


def plural(count: int, word: str) -> str:
    """'1 error', '2 errors'; 'missing text' and other phrases stay as they are."""
    return f"{count} {word}" if count == 1 or " " in word else f"{count} {word}s"


def check(results: list[DocumentResult], bib: Bibliography, cross_warning: bool = True) -> tuple[Summary, list[Finding]]:
    summary = Summary(documents=len(results))
    findings: list[Finding] = []
    elsewhere = _FullCitations(results)
    for doc in results:
        roots: dict[tuple, Finding] = {}  # a failed short form → the finding that reports its chain
        findings.extend(Finding("warning", doc.path, 0, None, "input", warning,
                                "the file was not fully read: check its notes by hand") for warning in doc.warnings)
        for note in doc.notes:
            summary.notes += 1
            if note.status == "missing_text":
                summary.missing_text += 1
                findings.append(Finding("error", doc.path, note.line, note.number, "missing text",
                                        f"note {note.number} is marked in the body but its text is not in the document",
                                        "restore the footnote text (it may have been lost in PDF extraction)"))
                continue
            for index, cit in enumerate(note.citations):
                summary.citations += 1
                if cit.form in ("full", "key"):
                    continue
                outcome = cit.resolution or "unresolved"
                setattr(summary, outcome, getattr(summary, outcome) + 1)
                if outcome != "resolved":
                    _report_chain(doc, note, index, cit, roots, findings, elsewhere)
                    continue
                findings.extend(_page_warning(doc, note, cit, bib))
                if cit.cross_document and cross_warning and cit.form != "ibid":
                    findings.append(_cross_chapter(doc, note, cit))
        _name_dependents(roots)
        for a in doc.anomalies:
            summary.anomalies += 1
            findings.append(Finding("warning", doc.path, a.line, a.number, "numbering", a.message,
                                    "check the note numbering in the source"))
    findings.extend(_spelling_warnings(results, bib))
    order = elsewhere.order  # the run's order: a folder's chapters in natural order
    findings.sort(key=lambda f: (order.get(f.path, len(order)), natural_key(f.path), f.severity != "error", f.line))
    return summary, findings


def _report_chain(doc: DocumentResult, note: Note, index: int, cit: Citation, roots: dict, findings: list[Finding],
                  elsewhere: _FullCitations) -> None:
    """One problem per broken chain: an Ibid. that fails only because the short form it follows failed
    is named on that form's finding, not reported again (one missed full citation, one problem)."""
    people = tuple(named_people(cit.named or "")) if cit.resolution == "unresolved" else ()
    same_gap = ("uncited work", cit.form, people) if people else None
    root = roots.get(_key(cit.follows)) if cit.follows else roots.get(same_gap)
    if root is None:
        root = _chain_problem(doc, note, cit, elsewhere)
        findings.append(root)
        if same_gap:  # later op. cit.s of the same uncited work are the same problem
            roots[same_gap] = root
    elif note.number not in root.dependents:
        root.dependents.append(note.number)
    roots[(doc.path, str(note.number), index)] = root


def _name_dependents(roots: dict) -> None:
    for root in {id(f): f for f in roots.values()}.values():
        if root.dependents:
            notes = ", ".join(map(str, root.dependents))
            many = len(root.dependents) > 1
            root.message += f" (note{'s' if many else ''} {notes} fail{'' if many else 's'} for the same reason)"


def _key(pointer: dict) -> tuple:
    return (pointer["document"], str(pointer["note"]), pointer["index"])


class _FullCitations:
    """Where each person's works are cited in full, by document: to tell a writer that an op. cit.
    found nothing in its own chapter but would in another one."""

    def __init__(self, results: list[DocumentResult]) -> None:
        self.order = {doc.path: n for n, doc in enumerate(results)}
        self.places: dict[str, list[tuple[str, int | str]]] = {}
        for doc in results:
            for note in doc.notes:
                for cit in note.citations:
                    if cit.form == "full":
                        for person in _creators(cit.csl):
                            self.places.setdefault(_person_key(person), []).append((doc.path, note.number))

    def elsewhere(self, cit: Citation, path: str) -> tuple[str, int | str] | None:
        """The first note of another document citing in full every person the short form names."""
        people = named_people(cit.named or "")
        found = [[p for p in self.places.get(_person_key(person), []) if p[0] != path] for person in people]
        if not found or not all(found):
            return None
        documents = set.intersection(*({p[0] for p in places} for places in found))
        return next((p for p in found[0] if p[0] in documents), None)


def _creators(csl: dict) -> list[str]:
    return [display_name(n) for role in ("author", "editor") for n in csl.get(role, [])]


def _person_key(name: str) -> str:
    """A person as an op. cit. names them: a CJK name whole, a Western one by family name."""
    name = name.strip()
    if has_cjk(name):
        return match_key(name)
    words = name.replace(",", " ").split()
    return match_key(words[-1] if "," not in name else words[0]) if words else ""


def _chain_problem(doc: DocumentResult, note: Note, cit: Citation, full_citations: _FullCitations) -> Finding:
    term = written_term(cit)
    reason = (cit.reason or cit.resolution).replace(_LABEL.get(cit.form, cit.form), term)
    message = reason if reason.startswith(term) else f"{term}: {reason}"
    if cit.form in _BY_AUTHOR:
        names = " and ".join(named_people(cit.named or "")) or "the author"
        hint = (f"cite the full reference to {names}'s work before note {note.number} or fix the author name"
                if cit.resolution == "unresolved" else "add a short title or year to say which work is meant")
        if cit.resolution == "unresolved":
            message, hint = _cited_elsewhere(cit, doc.path, full_citations, message, hint)
    elif cit.form == "ibid":
        hint = (f"replace {term} with the author and short title of the intended source"
                if cit.resolution == "ambiguous" else "cite the full reference here")
    elif cit.form == "short":
        hint = "cite the work in full before this note, or make the short note's author and title match it"
    else:
        hint = "point the cross-reference at an earlier note that cites one source"
    missed = _note_naming(doc, note, cit) if cit.resolution == "unresolved" else None
    if missed is not None:  # the full citation is probably there, in a form the parser did not recognise
        hint = f"note {missed.number} names {named_people(cit.named or '')[0]} but no citation was recognised there: check its form"
    return Finding("error", doc.path, note.line, note.number, _LABEL.get(cit.form, cit.form), message, hint,
                   raw=cit.raw, candidates=[dict(c, work=_describe(doc, c)) for c in cit.candidates], term=term)


def _cited_elsewhere(cit: Citation, path: str, full_citations: _FullCitations, message: str,
                     hint: str) -> tuple[str, str]:
    """Message and hint naming another document of the run that cites the work in full."""
    other = full_citations.elsewhere(cit, path)
    if other is None:
        return message, hint
    if full_citations.order[other[0]] > full_citations.order[path]:
        return f"{message}; {other[0]}, a later document, cites it in full (note {other[1]})", hint
    return (f"{message}; {other[0]} cites it in full (note {other[1]}): with --cross the documents are chapters "
            "of one work",
            "if the documents are chapters of one work, run with --cross or put a cbmcite.toml (cross = true, "
            "or chapters = [...]) beside them; otherwise " + hint)


def _note_naming(doc: DocumentResult, note: Note, cit: Citation) -> Note | None:
    """The latest earlier note whose text names the first author of an unresolved op. cit. / short note
    while none of its citations is by that author: where the full citation was missed."""
    people = named_people(cit.named or "") if cit.form in ("op_cit", "loc_cit", "short") else []
    if not people:
        return None
    key = match_key(people[0].split()[-1] if not has_cjk(people[0]) else people[0])
    if len(key) < 2:
        return None
    latest = next((n for n in reversed(doc.notes[: doc.notes.index(note)]) if n.text and key in match_key(n.text)), None)
    if latest is None or any(key in match_key(_creator_text(c)) for c in latest.citations):
        return None  # no earlier mention, or the latest one cites a work by them: nothing was missed there
    return latest


def _cross_chapter(doc: DocumentResult, note: Note, cit: Citation) -> Finding:
    target = cit.resolves_to
    label = written_term(cit)
    return Finding("warning", doc.path, note.line, note.number, "cross-chapter",
                   f"{label} refers to {target['document']} note {target['note']}: the work is not cited in full in this chapter",
                   "many style guides want the full citation at its first mention in each chapter "
                   "(switch this off with --no-cross-warning or cross_warning = false)", raw=cit.raw)


def _page_warning(doc: DocumentResult, note: Note, cit: Citation, bib: Bibliography) -> list[Finding]:
    """A pinpoint outside the target's known page range."""
    item = next((w.item for w in bib.works if w.item.get("id") == cit.entry), None)
    span = _range(item.get("page")) if item else None
    page = _range(cit.locator)
    if not span or not page or (span[0] <= page[0] and page[1] <= span[1]):
        return []
    return [Finding("warning", doc.path, note.line, note.number, "page range",
                    f"{written_term(cit)} cites p. {cit.locator}, outside the target's pages {item['page']}",
                    "check the page number", raw=cit.raw)]


def _range(text: str | None) -> tuple[int, int] | None:
    if not text:
        return None
    parts = text.split(",")[0].split("-")
    try:
        lo = int(parts[0])
        hi = int(parts[-1])
    except ValueError:
        return None
    if hi < lo and len(parts[-1]) < len(parts[0]):  # 131-32
        hi = int(parts[0][: len(parts[0]) - len(parts[-1])] + parts[-1])
    return lo, hi


def _spelling_warnings(results: list[DocumentResult], bib: Bibliography) -> list[Finding]:
    """One work cited with different author spellings, years or titles."""
    places = {(d.path, str(n.number), i): (d, n, c) for d in results for n in d.notes for i, c in enumerate(n.citations)}
    out = []
    for work in bib.works:
        cits = [places[(p, str(n), i)] for p, n, i in work.citations if (p, str(n), i) in places]
        if len(cits) < 2:
            continue
        _, first_note, first = cits[0]
        for doc, note, cit in cits[1:]:
            for message in _differences(first, cit, first_note.number):
                out.append(Finding("warning", doc.path, note.line, note.number, "inconsistency", message,
                                   "make the references to this work agree", raw=cit.raw))
    return out + _title_variants(bib, places)


def _title_variants(bib: Bibliography, places: dict) -> list[Finding]:
    """Two entries by the same first author and year whose titles differ only a little."""
    out = []
    for i, a in enumerate(bib.works):
        for b in bib.works[i + 1:]:
            if not a.family or a.family != b.family or a.year != b.year:
                continue
            ta, tb = match_key(a.item.get("title")), match_key(b.item.get("title"))
            if ta and tb and _similar(ta, tb):
                path, number, index = b.citations[0]
                doc, note, cit = places[(path, str(number), index)]
                out.append(Finding("warning", doc.path, note.line, note.number, "inconsistency",
                                   f"title '{b.item.get('title')}' is close to '{a.item.get('title')}' "
                                   f"(note {a.citations[0][1]}): the same work with a variant title?",
                                   "cite the work with one title", raw=cit.raw))
    return out


def _similar(a: str, b: str) -> bool:
    x, y = set(zip(a, a[1:])), set(zip(b, b[1:]))
    return 2 * len(x & y) >= 0.75 * (len(x) + len(y))


def _differences(a: Citation, b: Citation, first: int | str) -> list[str]:
    out = []
    na, nb = _creator_text(a), _creator_text(b)
    if na != nb and not _list_cut_short(a, b):
        out.append(f"same work as note {first}, but the author is spelled '{nb}' here and '{na}' there")
    ya, yb = issued_year(a.csl), issued_year(b.csl)
    if ya and yb and ya != yb:
        out.append(f"same work as note {first}, but dated {yb} here and {ya} there")
    ta, tb = a.csl.get("type"), b.csl.get("type")
    if {ta, tb} == {"book", "chapter"}:
        out.append(f"same work as note {first}, but cited as a {tb} here and as a {ta} there")
    return out



def _list_cut_short(a: Citation, b: Citation) -> bool:
    """'Lachowski et al.' / '陳晉鑣. 張惠民. 朱士興. 等': a list cut short by et al. names the same first authors."""
    shorter, longer = sorted((a, b), key=lambda c: len(creators(c.csl)))
    first = [match_key(display_name(n)) for n in creators(shorter.csl)]
    listed = [match_key(display_name(n)) for n in creators(longer.csl)][: len(first)]
    return bool(first) and first == listed and bool(ET_AL_MARK.find(shorter.raw))


def _creator_text(c: Citation) -> str:
    return ", ".join(display_name(n) for n in creators(c.csl))


def has_errors(findings: list[Finding], strict: bool) -> bool:
    return any(f.severity == "error" or strict for f in findings)


# --- renderers ------------------------------------------------------------------------------

def render_json(summary: Summary, findings: list[Finding]) -> str:
    return json.dumps({"summary": asdict(summary), "findings": [asdict(f) for f in findings]},
                      ensure_ascii=False, indent=1) + "\n"


def render_text(summary: Summary, findings: list[Finding]) -> str:
    lines = [f"{f.path}:{f.line}: {f.severity}: " + (f"note {f.note}: " if f.note is not None else "") + f.message
             for f in findings]
    lines.append(_summary_line(summary, findings))
    return "\n".join(lines) + "\n"


def _summary_line(summary: Summary, findings: list[Finding]) -> str:
    errors = sum(f.severity == "error" for f in findings)
    warnings = len(findings) - errors
    return (f"{plural(summary.documents, 'document')}, {plural(summary.notes, 'note')}, "
            f"{plural(summary.citations, 'citation')}: "
            f"{summary.resolved} resolved, {summary.unresolved} unresolved, {summary.ambiguous} ambiguous, "
            f"{summary.missing_text} missing text; {plural(errors, 'error')}, {plural(warnings, 'warning')}")


def render_rich(summary: Summary, findings: list[Finding], console) -> None:
    from rich.panel import Panel
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="bold")
    grid.add_column()
    for label, value in (
        ("documents", summary.documents), ("notes", summary.notes), ("citations", summary.citations),
        ("resolved", summary.resolved), ("unresolved", summary.unresolved), ("ambiguous", summary.ambiguous),
        ("missing text", summary.missing_text), ("numbering anomalies", summary.anomalies),
    ):
        grid.add_row(label, str(value))
    errors = sum(f.severity == "error" for f in findings)
    style = "red" if errors else ("yellow" if findings else "green")
    console.print(Panel(grid, title="cbmcite check", border_style=style, expand=False))
    for severity, colour in (("error", "red"), ("warning", "yellow")):
        rows = [f for f in findings if f.severity == severity]
        if not rows:
            continue
        table = Table(title=plural(len(rows), severity), title_style=f"bold {colour}",
                      show_lines=True)
        for col in ("location", "note", "problem", "matched against", "hint"):
            table.add_column(col, overflow="fold")
        for f in rows:
            table.add_row(f"{f.path}:{f.line}", "" if f.note is None else str(f.note), f.message, _matched(f), f.hint)
        console.print(table)
    if not findings:
        console.print("[green]No problems found.[/green]")


def _matched(f: Finding) -> str:
    if f.candidates:
        return "; ".join(f"note {c['note']}: {c.get('work') or '#' + str(c['index'] + 1)}" for c in f.candidates)
    return f.raw


def _describe(doc: DocumentResult, pointer: dict) -> str:
    """'Stern, The Week The World Stood Still' for a candidate in this document."""
    note = next((n for n in doc.notes if str(n.number) == str(pointer["note"])), None)
    if note is None or pointer["index"] >= len(note.citations) or pointer.get("document", doc.path) != doc.path:
        return ""
    csl = note.citations[pointer["index"]].csl
    names = creators(csl)
    who = filed_name(names[0]) if names else ""
    title = csl.get("title", "")
    return ", ".join(part for part in (who, title[:40]) if part)
