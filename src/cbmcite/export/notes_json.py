"""The notes JSON, specified in docs/notes-json.md."""
from __future__ import annotations

import json
import tempfile

from .. import __version__
from ..bibliography import Bibliography, placeholder_json as _placeholder_json, replace_json_tokens
from ..model import Citation, DocumentResult, Note
from .script import convert


def to_notes_json(results: list[DocumentResult], bib: Bibliography, script: str = "keep") -> str:
    data = {
        "cbmcite": __version__,
        "documents": [_document(doc) for doc in results],
        "bibliography": bib.items(),
        "cited_by": _cited_by(bib),
    }
    return json.dumps(convert(data, script), ensure_ascii=False, indent=1) + "\n"


def _cited_by(bib: Bibliography) -> dict:
    """Every document and note that cites each work, in full or by a short form."""
    return {key: [_place(p) for p in places] for key, places in bib.cited_by()}


def _place(p) -> dict:
    return {"document": p[0], "note": p[1], "index": p[2]}


def _document(doc: DocumentResult) -> dict:
    return {
        "path": doc.path,
        "encoding": doc.encoding,
        "notes": [_note(n) for n in doc.notes],
        "anomalies": [{"kind": a.kind, "line": a.line, "number": a.number, "message": a.message} for a in doc.anomalies],
    }


def _note(note: Note) -> dict:
    return {
        "number": note.number,
        "status": note.status,
        "text": note.text,
        "occurrences": note.occurrences,
        "line": note.line,
        "kind": note.kind,
        "citations": [_citation(c) for c in note.citations],
    }


def _citation(c: Citation) -> dict:
    out = {"raw": c.raw, "form": c.form}
    if c.form not in ("full", "key"):
        out["resolution"] = c.resolution
        out["resolves_to"] = c.resolves_to
        out["candidates"] = c.candidates
        if c.reason:
            out["reason"] = c.reason
        if c.cross_document:
            out["cross_document"] = True
    out["locator"] = c.locator
    out["entry"] = c.entry
    out["csl"] = c.csl
    return out


class NotesJsonWriter:
    """Streams documents to a spool file as they arrive, so a corpus run holds only the bibliography.

    Entries are placeholders until the bibliography is finished (keys need every work); finish()
    copies the spool through Bibliography.fill_json into the real output.
    """

    def __init__(self, script: str = "keep") -> None:
        self.script = script
        self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self._count = 0

    def add(self, doc: DocumentResult) -> None:
        # one line per document: compact JSON is encoded in C, and placeholders never straddle a line
        self._write(json.dumps(convert(_document(doc), self.script), ensure_ascii=False))

    def add_serialized(self, text: str, works: list[int]) -> None:
        """A serialize_document() line; works[k] is the work number of its k-th full citation."""
        self._write(replace_json_tokens(text, _LOCAL_JSON_PREFIX, lambda k: _placeholder_json(works[k])))

    def _write(self, line: str) -> None:
        if self._count:
            self._spool.write(",\n")
        self._spool.write(line)
        self._count += 1

    def finish(self, bib: Bibliography, out) -> None:
        out.write('{\n "cbmcite": ' + json.dumps(__version__) + ',\n "documents": [\n')
        self._spool.seek(0)
        for line in self._spool:
            out.write(bib.fill_json(line))
        self._spool.close()
        out.write('\n ],\n "bibliography": ' + self._dumps(bib.items()) + ', "cited_by": {')
        # one work at a time: the places citing each work are never all in memory as objects
        for n, (key, places) in enumerate(bib.cited_by()):
            out.write((", " if n else "") + json.dumps(key, ensure_ascii=False) + ": "
                      + self._dumps([_place(p) for p in places]))
        out.write("}}\n")

    def _dumps(self, value) -> str:
        """json.dumps with the separators of a one-line json.dumps of the whole tail."""
        return json.dumps(convert(value, self.script), ensure_ascii=False)


_LOCAL = "\x00cbmcite-local-{}\x00"
_LOCAL_JSON_PREFIX = "\\u0000cbmcite-local-"


def serialize_document(doc: DocumentResult, script: str = "keep") -> str:
    """One document as a JSON line whose entries are local tokens (full citation ordinals).

    Runs where the document was parsed; NotesJsonWriter.add_serialized maps the tokens to works.
    """
    ordinal: dict[tuple[str, int], int] = {}
    for note in doc.notes:
        for i, cit in enumerate(note.citations):
            if cit.form == "full":
                ordinal[(str(note.number), i)] = len(ordinal)
                cit.entry = _LOCAL.format(ordinal[(str(note.number), i)])
    for note in doc.notes:
        for cit in note.citations:
            if cit.form != "full" and cit.resolution == "resolved" and cit.resolves_to:
                k = ordinal.get((str(cit.resolves_to["note"]), cit.resolves_to["index"]))
                cit.entry = None if k is None else _LOCAL.format(k)
    return json.dumps(convert(_document(doc), script), ensure_ascii=False)
