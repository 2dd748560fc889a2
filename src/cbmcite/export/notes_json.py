"""The notes JSON of ../shared/docs/notes-json.md."""
from __future__ import annotations

import json
import tempfile

from .. import __version__
from ..bibliography import Bibliography
from ..model import Citation, DocumentResult, Note
from .script import convert


def to_notes_json(results: list[DocumentResult], bib: Bibliography, script: str = "keep") -> str:
    data = {
        "cbmcite": __version__,
        "documents": [_document(doc) for doc in results],
        "bibliography": bib.items(),
        "cited_by": {w.item["id"]: [_place(p) for p in w.citations] for w in bib.works},
    }
    return json.dumps(convert(data, script), ensure_ascii=False, indent=1) + "\n"


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
    if c.form != "full":
        out["resolution"] = c.resolution
        out["resolves_to"] = c.resolves_to
        out["candidates"] = c.candidates
        if c.reason:
            out["reason"] = c.reason
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
        if self._count:
            self._spool.write(",\n")
        self._spool.write(json.dumps(convert(_document(doc), self.script), ensure_ascii=False, indent=1))
        self._count += 1

    def finish(self, bib: Bibliography, out) -> None:
        out.write('{\n "cbmcite": ' + json.dumps(__version__) + ',\n "documents": [\n')
        self._spool.seek(0)
        for line in self._spool:
            out.write(bib.fill_json(line))
        tail = {"bibliography": bib.items(), "cited_by": {w.item["id"]: [_place(p) for p in w.citations] for w in bib.works}}
        body = json.dumps(convert(tail, self.script), ensure_ascii=False, indent=1)
        out.write("\n ],\n" + body[2:] + "\n")
        self._spool.close()
