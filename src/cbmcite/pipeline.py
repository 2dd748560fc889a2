"""The per-document map step and the corpus reduce step, as a library API."""
from __future__ import annotations

import os
import re

from .bibliography import Bibliography, merge
from .errors import InputError, InternalError, LimitExceeded
from .ingest import read_document
from .model import Anomaly, DocumentResult, SourceText
from .parse import parse_note
from .resolve import resolve_document
from .values import fold_glyphs

MAX_NOTE_CHARS = 20_000
_SURROGATES = re.compile("[\ud800-\udfff]")


def extract_document(path: str, encoding: str | None = None) -> DocumentResult:
    """Read one file and return its notes, parsed and resolved (pure: no shared state).

    A document that cannot be processed raises InputError, with one line naming the reason:
    LimitExceeded when it needs too much memory or nesting, InternalError when cbmcite itself failed
    on it (a bug to report; the original exception is chained)."""
    try:
        return extract_source(read_document(path, encoding))
    except InputError:
        raise
    except MemoryError:
        raise LimitExceeded("ran out of memory" + _memory_limit()) from None
    except RecursionError:
        raise LimitExceeded("nested too deeply") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    except Exception as exc:
        raise InternalError.about(exc) from exc


def _memory_limit() -> str:
    """': the limit is N MB' when this process runs under an address-space limit (a worker's)."""
    try:
        import resource

        soft = resource.getrlimit(resource.RLIMIT_AS)[0]
    except (ImportError, OSError, ValueError):
        return ""
    return "" if soft == resource.RLIM_INFINITY else f": the limit is {soft >> 20:,} MB"


def display_path(path: str) -> str:
    """PATH as text that every output can hold: bytes that are not UTF-8 in a file name (decoded by
    Python as lone surrogates) become \\xNN escapes."""
    if not _SURROGATES.search(path):
        return path
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def extract_source(source: SourceText) -> DocumentResult:
    # imported here: a corpus run's main process loads this module (display_path) but detects no notes
    from .notes import detect_notes, sequence_anomalies

    _drop_nul(source)
    _fold_glyphs(source)
    if source.notes is not None:
        notes, anomalies = source.notes, sequence_anomalies(source.notes)
    else:
        detected = detect_notes(source.text)
        notes, anomalies = detected.notes, detected.anomalies
        source.warnings.extend(detected.warnings)
    result = DocumentResult(path=source.path, encoding=source.encoding, notes=notes, anomalies=anomalies,
                            warnings=list(source.warnings))
    if source.notes is None:  # readers of note-aware formats (.docx, .md, .tex) say what they miss themselves
        _warn_unread_notes(result)
    for note in result.notes:
        if note.text is not None and len(note.text) > MAX_NOTE_CHARS:
            # no footnote is this long: a layout accident or a hostile file; keep it, do not parse it
            note.kind = "commentary"
            result.warnings.append(f"note {note.number} is {len(note.text):,} characters long; not parsed for citations")
            continue
        parse_note(note)
    return resolve_document(result)


def _warn_unread_notes(result: DocumentResult) -> None:
    """Markers in the body but not one note text: the notes were lost (an extractor, a cut file) or not
    found. `check` must not call such a document clean: the warning is also a numbering anomaly."""
    if not result.notes or any(note.text for note in result.notes):
        return
    first = result.notes[0]
    message = (f"{len(result.notes)} note marker{'s' if len(result.notes) > 1 else ''} in the body "
               f"(the first, note {first.number}, at line {first.line}) but no note text was found; "
               "the notes may have been lost when the text was extracted")
    result.warnings.append(message)
    result.anomalies.append(Anomaly("no_note_text", first.line, first.number, message))


def _fold_glyphs(source: SourceText) -> None:
    """Look-alike glyphs of extracted text (⼈ for 人, ﬁ) are read once, before anything looks at the text."""
    source.text = fold_glyphs(source.text)
    for note in source.notes or []:
        if note.text:
            note.text = fold_glyphs(note.text)


def _drop_nul(source: SourceText) -> None:
    """NUL never belongs to a document's text, and output placeholders are delimited by it; lone
    surrogates (from a broken PDF font map) cannot be written as UTF-8 and become U+FFFD."""
    source.path = display_path(source.path)
    source.text = _clean(source.text)
    for note in source.notes or []:
        if note.text:
            note.text = _clean(note.text)


def _clean(text: str) -> str:
    if "\x00" in text:
        text = text.replace("\x00", "")
    return _SURROGATES.sub("\ufffd", text) if _SURROGATES.search(text) else text


__all__ = ["extract_document", "extract_source", "merge", "Bibliography"]
