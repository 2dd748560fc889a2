"""PDF with layout (pdfplumber): footnotes by font size and position, superscript markers by size
and rise, running heads and page numbers dropped; plain-text heuristics when layout gives nothing."""
from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass

import regex as re

from ..patterns import compile_fast

from ..model import Note, SourceText
from ..lines import join_lines
from ..errors import InputError

_NOTE_LINE = compile_fast(r"^\s*(\d{1,3})\s*(\S.*)$")
_PAGE_NUMBER = compile_fast(r"^[-–—\s]*\d{1,4}[-–—\s]*$")
SMALL = 0.92  # a footnote line's font is at most this fraction of the body font
SUPERSCRIPT = 0.8


@dataclass
class _Line:
    page: int
    text: str
    size: float
    top: float
    bottom: float
    page_height: float
    markers: list[int]


def read_pdf(path: str) -> SourceText:
    lines, pages = _layout_lines(path)
    if not lines:
        raise InputError("no text layer (image-only PDF?); run OCR first")
    body_size = _body_size(lines)
    lines = _drop_furniture(lines, pages)
    notes_area = [line for line in lines if _is_note_line(line, body_size)]
    if not notes_area:  # no small print at the page foot: treat it as extracted text
        text = "\f\n".join("\n".join(l.text for l in lines if l.page == p) for p in range(1, pages + 1))
        return SourceText(path=path, text=text, encoding="pdf")
    notes = _notes_from_area(notes_area)
    texted = {n.number for n in notes}
    for line in lines:
        if line in notes_area:
            continue
        for marker in line.markers:
            if marker not in texted:
                notes.append(Note(number=marker, text=None, line=line.page, status="missing_text", occurrences=0))
                texted.add(marker)
    notes.sort(key=lambda n: (n.number if isinstance(n.number, int) else 0, n.line))
    body = "\n".join(line.text for line in lines if line not in notes_area)
    return SourceText(path=path, text=body, encoding="pdf", notes=notes)


def _layout_lines(path: str) -> tuple[list[_Line], int]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        with pdfplumber.open(path) as pdf:
            out = []
            for number, page in enumerate(pdf.pages, 1):
                out.extend(_page_lines(page, number))
            return out, len(pdf.pages)
    except PDFPasswordIncorrect:
        raise InputError("encrypted PDF (a password is needed)") from None
    except PDFSyntaxError as exc:
        raise InputError(f"damaged PDF ({exc})") from None
    except InputError:
        raise
    except Exception as exc:  # pdfminer raises many types (often wrapped) for broken or encrypted files
        if any("Encrypt" in name or "Password" in name for name in _exception_names(exc)):
            raise InputError("encrypted PDF (a password is needed)") from None
        raise InputError(f"damaged PDF ({exc.__class__.__name__}: {exc})") from None


def _exception_names(exc: BaseException) -> list[str]:
    names, seen = [], set()
    stack = [exc]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        names.append(e.__class__.__name__)
        stack.extend(x for x in (e.__cause__, e.__context__, *e.args) if isinstance(x, BaseException))
    return names


def _page_lines(page, number: int) -> list[_Line]:
    out = []
    for raw in page.extract_text_lines(return_chars=True, keep_blank_chars=True):
        visible = [c for c in raw["chars"] if c["text"].strip()]
        if not visible:
            continue
        size = statistics.median(c["size"] for c in visible)
        text, markers = _text_and_markers(raw["chars"], size)
        if text.strip():
            out.append(_Line(number, text, size, raw["top"], raw["bottom"], float(page.height), markers))
    return out


def _text_and_markers(chars, size: float) -> tuple[str, list[int]]:
    """Superscript digits (smaller and raised) are note markers, not text."""
    baseline = max(c["bottom"] for c in chars if c["text"].strip())
    text, markers, digits = [], [], ""
    prev = None
    for c in chars:
        raised = c["size"] < size * SUPERSCRIPT and c["bottom"] < baseline - size * 0.2
        if raised and c["text"].isdigit():
            digits += c["text"]
        else:
            if digits:
                markers.append(int(digits))
                digits = ""
            if prev is not None and c["text"].strip() and c["x0"] - prev["x1"] > prev["size"] * 0.5:
                text.append(" ")  # a gap with no space glyph in it
            text.append(c["text"])
        prev = c
    if digits:
        markers.append(int(digits))
    return "".join(text), markers


def _body_size(lines: list[_Line]) -> float:
    """The font size of most text in the upper half of pages, where notes never are."""
    upper = [line for line in lines if line.top < line.page_height * 0.5] or lines
    weights = Counter()
    for line in upper:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0]


def _drop_furniture(lines: list[_Line], pages: int) -> list[_Line]:
    """Page numbers, and heads or feet that recur on several pages."""
    recurring = Counter(_shape(l.text) for l in lines if _at_margin(l))
    enough = min(3, pages)
    keep = []
    for line in lines:
        if _at_margin(line) and (_PAGE_NUMBER.match(line.text) or (pages >= 2 and recurring[_shape(line.text)] >= enough)):
            continue
        keep.append(line)
    return keep


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", text.strip())


def _at_margin(line: _Line) -> bool:
    return line.top < line.page_height * 0.08 or line.bottom > line.page_height * 0.94


def _is_note_line(line: _Line, body_size: float) -> bool:
    return line.size <= body_size * SMALL and line.top > line.page_height * 0.45


def _notes_from_area(area: list[_Line]) -> list[Note]:
    notes: list[Note] = []
    pieces: list[str] = []
    for line in area:
        start = _NOTE_LINE.match(line.text) if not line.markers else None
        number = line.markers[0] if line.markers else (int(start.group(1)) if start else None)
        if number is not None and (not notes or number != notes[-1].number):
            _close(notes, pieces)
            notes.append(Note(number=number, text=None, line=line.page))
            pieces = [start.group(2) if start else line.text]
        elif notes:  # a continuation, also at the top of the next page's note area
            pieces.append(line.text)
    _close(notes, pieces)
    return notes


def _close(notes: list[Note], pieces: list[str]) -> None:
    if notes and notes[-1].text is None:
        notes[-1].text = join_lines(pieces) or None
        notes[-1].status = "ok" if notes[-1].text else "missing_text"
