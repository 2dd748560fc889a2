"""The notes JSON, specified in docs/notes-json.md."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable
from typing import BinaryIO

from .. import __version__
from ..bibliography import Bibliography, placeholder_json
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

    Entries are tokens until the bibliography is finished (keys need every work); finish() copies
    the spool into the real output once, putting each work's key in place of its tokens. The spool
    holds UTF-8 bytes as the workers encoded them: the main process never decodes a document. Forked
    workers may write their lines into a second, shared spool themselves (shared_spool, add_spooled):
    the spool then holds only where each line is. Both files are unlinked from the start.
    """

    def __init__(self, script: str = "keep") -> None:
        self.script = script
        self._spool = tempfile.TemporaryFile("w+b")
        self._shared: BinaryIO | None = None

    def add(self, doc: DocumentResult) -> None:
        """A document whose entries are BibliographyBuilder placeholders (chapters resolved in this process)."""
        # one line per document: compact JSON is encoded in C, and tokens never straddle a line
        self._spool.write(b"\t" + _dumps(convert(_document(doc), self.script)).encode("utf-8") + b"\n")

    def add_serialized(self, line: bytes, works: list[int]) -> None:
        """A serialize_document() line; works[k] is the work number of its k-th full citation."""
        self._spool.write(" ".join(map(str, works)).encode("ascii") + b"\t" + line + b"\n")

    def shared_spool(self) -> int | None:
        """The descriptor of a file for workers forked from now on to write lines into (run.spool_line),
        or None where workers are not forked from this process or cannot lock a file."""
        if not (hasattr(os, "fork") and hasattr(os, "pread")):
            return None
        if self._shared is None:
            self._shared = tempfile.TemporaryFile("w+b")
        return self._shared.fileno()

    def add_spooled(self, at: tuple[int, int], works: list[int]) -> None:
        """A serialize_document() line a worker wrote into the shared spool: (offset, length)."""
        self._spool.write(" ".join(map(str, works)).encode("ascii") + b"\t@%d %d\n" % at)

    def finish(self, bib: Bibliography, out: BinaryIO) -> None:
        """Write the whole notes JSON into OUT (bytes, UTF-8)."""
        out.write(b'{\n "cbmcite": ' + json.dumps(__version__).encode() + b',\n "documents": [\n')
        keys = [json.dumps(work.item["id"], ensure_ascii=False)[1:-1].encode("utf-8") for work in bib.works]
        self._spool.seek(0)
        separator = b""
        for record in self._spool:
            header, _, line = record[:-1].partition(b"\t")
            if line.startswith(b"@"):
                line = self._spooled(line)
            works = [keys[int(n)] for n in header.split()]
            line = _fill_tokens(_fill_tokens(line, _LOCAL_JSON, works.__getitem__), _WORK_JSON, keys.__getitem__)
            out.write(separator)
            out.write(line)
            separator = b",\n"
        self._spool.close()
        if self._shared is not None:
            self._shared.close()
        out.write(b'\n ],\n "bibliography": ' + self._dumps(bib.items()) + b', "cited_by": {')
        # one work at a time: the places citing each work are never all in memory as objects
        for n, (key, places) in enumerate(bib.cited_by()):
            out.write((b", " if n else b"") + json.dumps(key, ensure_ascii=False).encode("utf-8") + b": "
                      + self._dumps([_place(p) for p in places]))
        out.write(b"}}\n")

    def _spooled(self, at: bytes) -> bytes:
        """The line a worker wrote where AT ('@offset length') says."""
        offset, length = map(int, at[1:].split())
        line = os.pread(self._shared.fileno(), length, offset)
        if len(line) != length:
            raise OSError("the workers' spool file was cut short")
        return line

    def _dumps(self, value) -> bytes:
        """UTF-8 JSON with the separators of a one-line json.dumps of the whole tail."""
        return _dumps(convert(value, self.script)).encode("utf-8")


def check_written(path: str) -> None:
    """OutputError unless the notes JSON at PATH parses. What this process assembled (the frame, the
    bibliography, cited_by) is parsed as a stream; each document line is read as the one value it is:
    json.dumps wrote it in a worker and finish() put JSON-escaped keys in place of tokens inside its
    strings, so parsing the bulk of an archive's JSON again would check json.dumps, not cbmcite."""
    from ..output import check_json_stream

    with open(path, "rb") as fh:
        check_json_stream(_DocumentsAsValues(fh))


class _DocumentsAsValues:
    """A notes JSON file read with each document line as `{}` (a line that does not end its object
    stays broken, so the check still fails on it)."""

    _CHUNK = 1 << 16

    def __init__(self, fh: BinaryIO) -> None:
        self._fh = fh
        self._line_start = True

    def read(self, size: int = -1) -> bytes:
        if size == 0:  # ijson asks whether the stream gives bytes or text
            return b""
        chunk = self._fh.readline(self._CHUNK)
        if self._line_start and chunk.startswith(_DOCUMENT_LINE):
            while not chunk.endswith(b"\n"):
                more = self._fh.readline(self._CHUNK)
                if not more:
                    break
                chunk = chunk[-2:] + more  # only the line's end matters: its separator
            chunk = b"{}" + chunk[chunk.rindex(b"}") + 1:] if chunk.rstrip(b",\n").endswith(b"}") else chunk
        self._line_start = chunk.endswith(b"\n")
        return chunk


def _dumps(value) -> str:
    """Compact-line JSON as the notes JSON writes it; NaN cannot occur in it and is refused."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _fill_tokens(line: bytes, prefix: bytes, value: Callable[[int], bytes]) -> bytes:
    """Replace each '<prefix>N\\u0000' of a JSON line by value(N).

    A literal split, not a regex: a document's JSON line is long CJK text. Text that merely looks like
    a token is written by json.dumps with its backslash escaped, so N is not all digits and it stays."""
    parts = line.split(prefix)
    if len(parts) == 1:
        return line
    out = [parts[0]]
    for part in parts[1:]:
        number, nul, rest = part.partition(_JSON_NUL)
        if nul and number.isdigit():
            out += [value(int(number)), rest]
        else:  # not a token of ours
            out += [prefix, part]
    return b"".join(out)


_LOCAL = "\x00cbmcite-local-{}\x00"
_JSON_NUL = b"\\u0000"
_DOCUMENT_LINE = b'{"path": '  # how _document() begins
# the prefixes of _LOCAL and of the builder's placeholders as json.dumps writes them
_LOCAL_JSON = json.dumps(_LOCAL.format("")).strip('"').encode("ascii").removesuffix(_JSON_NUL)
_WORK_JSON = placeholder_json(0).encode("ascii").removesuffix(b"0" + _JSON_NUL)


def serialize_document(doc: DocumentResult, script: str = "keep") -> bytes:
    """One document as a UTF-8 JSON line whose entries are local tokens (full citation ordinals).

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
    return _dumps(convert(_document(doc), script)).encode("utf-8")
