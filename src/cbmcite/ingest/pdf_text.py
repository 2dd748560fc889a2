"""Characters of a PDF with their place and size (pypdfium2), grouped into the lines the page shows.

Raised small digits (and note symbols) are taken out of a line's text and kept as markers: in the body
they are note references, at the start of a line in the note area they are the note's number.
"""
from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from .pdf_guard import check_pdf
from ..errors import InputError

MAX_PAGES = 3000  # a long thesis has 400; more is a scanned archive or a hostile file
MAX_CHARS_PER_PAGE = 30_000  # a dense page has 4,000; the rest of a larger page is not read
SMALL = 0.92  # note lines printed smaller than the body are at most this fraction of its size
# A note number on the baseline, then a space, or straight on with a capital or an opening bracket
# (`3Joseph`, `3《書名》`; not `5個國家`, `12月`: a Han character after a number is a quantity or date).
BASELINE_NUMBER = re.compile(r"^(\d{1,3})(?:[.．]?\s+(?=\S)|(?=[A-Z〈《「『“（(]))")
BARE_NUMBER = re.compile(r"^[-–—\s]*(?:\d{1,4}|[ivxlcdm]{1,6})[-–—\s]*$", re.I)  # a page number
SUPERSCRIPT = 0.8  # a marker's size is at most this fraction of its line's size
RISE = 0.15  # ... and its baseline is raised by at least this fraction of the line's size
WRAPPED_DROP = 1.6  # a marker wrapped alone onto the next line stands less than this many sizes lower
NOTE_SYMBOLS = "*＊✽†‡"
CIRCLED = "".join(chr(0x2460 + i) for i in range(20))  # ①..⑳, Word's numbering in mainland documents
# Ligature glyphs read once and spelt out; PDFium gives U+FFFE for a hyphen that ends a line, and some
# producers map the hyphen of a word broken at a line end to the soft hyphen U+00AD.
GLYPH_FIXES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st",
                             "\ufffe": "-", "\u00ad": "-"})


@dataclass
class Marker:
    offset: int  # where in the line's text it stood
    value: str  # "12" or "*"


@dataclass
class Line:
    text: str
    x0: float
    x1: float
    baseline: float  # PDF space: y grows upwards
    size: float  # the line's own (median) font size
    markers: list[Marker] = field(default_factory=list)
    space_after: bool = False  # the producer drew a space at the line's end: a word ends there

    @property
    def lead(self) -> str | None:
        """A raised number or symbol before any text: a note's number in the note area."""
        return self.markers[0].value if self.markers and self.markers[0].offset == 0 else None


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[Line]
    rules: list[tuple[float, float, float]]  # (x0, x1, y) of thin horizontal strokes
    truncated: bool = False
    scanned: bool = False  # an image and no text
    blank: bool = False  # nothing drawn at all


def read_pages(path: str) -> tuple[list[Page], list[str]]:
    """All pages (up to MAX_PAGES) and warnings about what was not read."""
    with open(path, "rb") as handle:
        data = handle.read()
    check_pdf(data)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError("encrypted PDF (a password is needed)") from None
        raise InputError(f"damaged PDF ({_reason(exc)})") from None
    warnings = []
    pages = []
    unreadable = []
    try:
        count = len(document)
        if count > MAX_PAGES:
            warnings.append(f"{count} pages; only the first {MAX_PAGES} were read")
        for index in range(min(count, MAX_PAGES)):
            try:
                pages.append(_read_page(document, index))
            except pdfium.PdfiumError:
                unreadable.append(index + 1)
    finally:
        document.close()
    if unreadable and not pages:
        raise InputError("damaged PDF (no page can be read)")
    if unreadable:
        warnings.append(f"page(s) {_first_few(unreadable)} cannot be read (damaged)")
    scanned = [p.number for p in pages if p.scanned]
    if scanned and len(scanned) < len(pages):
        warnings.append(f"page(s) {_first_few(scanned)} are images with no text (scanned?); run OCR to read their notes")
    cut = [p.number for p in pages if p.truncated]
    if cut:
        warnings.append(f"page(s) {_first_few(cut)} hold over {MAX_CHARS_PER_PAGE:,} characters; the rest was not read")
    return pages, warnings


def _first_few(numbers: list[int]) -> str:
    return ", ".join(map(str, numbers[:5])) + (f" and {len(numbers) - 5} more" if len(numbers) > 5 else "")


def _reason(exc: Exception) -> str:
    text = str(exc)
    return text[text.find("(") + 1:text.rfind(")")] if "(" in text else text


def _read_page(document, index: int) -> Page:
    page = document[index]
    try:
        width, height = page.get_size()
        textpage = page.get_textpage()
        try:
            lines, truncated = _lines(textpage.raw)
        finally:
            textpage.close()
        rules = _rules(page) if _rules_may_matter(lines, width) else []
        kinds = set() if lines else _object_kinds(page)
        return Page(index + 1, width, height, lines, rules, truncated, scanned=raw.FPDF_PAGEOBJ_IMAGE in kinds,
                    blank=not lines and not kinds)
    finally:
        page.close()


class _Glyphs:
    """The raw PDFium text API with reused buffers: the page's text in one call, then place and size
    only for the few characters that need them."""

    def __init__(self, handle):
        self.raw, self.handle = raw, handle
        self.x, self.y, self.matrix = ctypes.c_double(), ctypes.c_double(), raw.FS_MATRIX()
        self.x_ref, self.y_ref, self.matrix_ref = ctypes.byref(self.x), ctypes.byref(self.y), ctypes.byref(self.matrix)

    def count(self) -> int:
        return self.raw.FPDFText_CountChars(self.handle)

    def text(self, count: int) -> str:
        """One character per index; asked one by one when the whole-page call disagrees (characters
        outside the BMP take two UTF-16 units there)."""
        buffer = (ctypes.c_ushort * (count + 1))()
        written = self.raw.FPDFText_GetText(self.handle, 0, count, buffer)
        text = bytes(memoryview(buffer).cast("B")[: max(written - 1, 0) * 2]).decode("utf-16-le", "replace")
        if len(text) == count:
            return text
        return "".join(self._char(i) for i in range(count))

    def _char(self, i: int) -> str:
        code = self.raw.FPDFText_GetUnicode(self.handle, i)
        return chr(code) if 0 < code < 0x110000 else "\ufffd"

    def origin(self, i: int) -> tuple[float, float]:
        self.raw.FPDFText_GetCharOrigin(self.handle, i, self.x_ref, self.y_ref)
        return self.x.value, self.y.value

    def drawn(self, i: int) -> bool:
        """The character is in the page's content, not one PDFium supplied (a space or line break)."""
        return self.raw.FPDFText_IsGenerated(self.handle, i) == 0

    def size(self, i: int) -> float:
        """The size as printed: the font size times the text matrix's vertical scale."""
        self.raw.FPDFText_GetMatrix(self.handle, i, self.matrix_ref)
        m = self.matrix
        return self.raw.FPDFText_GetFontSize(self.handle, i) * (math.hypot(m.c, m.d) or 1.0)


_SAMPLES = 7  # characters per line whose size and height give the line's


def _lines(handle) -> tuple[list[Line], bool]:
    """PDFium's lines (it breaks them where the text moves to a new line), each measured on a few
    characters; a raised number it set apart as a line of its own goes back to its neighbour."""
    glyphs = _Glyphs(handle)
    total = glyphs.count()
    count = min(total, MAX_CHARS_PER_PAGE)
    text = glyphs.text(count)
    lines = []
    start = 0
    for end in [i for i, ch in enumerate(text) if ch == "\n"] + [count]:
        line = _measure(glyphs, text, start, end)
        if line is not None:
            lines.append(line)
        start = end + 1
    return _rejoin_raised(lines), total > count


def _measure(glyphs: _Glyphs, text: str, start: int, end: int) -> Line | None:
    while start < end and text[start].isspace():
        start += 1
    stop = end
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return None
    # a URL or a Latin word before a CJK one may end a line: only a drawn space says a word ended
    space_after = any(text[k] == " " and glyphs.drawn(k) for k in range(end, stop))
    samples = _spread(_PLAIN_CHAR, text, start, end) or _spread(_VISIBLE_CHAR, text, start, end)
    measured = sorted((glyphs.size(i), glyphs.origin(i)[1]) for i in samples)
    size = measured[len(measured) // 2][0]
    heights = sorted(y for s, y in measured if s >= size * SUPERSCRIPT)
    baseline = heights[len(heights) // 2]
    raised = []
    if _PLAIN_CHAR.search(text, start, end):
        raised = [m.start() for m in _MARK_CHAR.finditer(text, start, end)
                  if glyphs.size(m.start()) < size * SUPERSCRIPT and glyphs.origin(m.start())[1] > baseline + size * RISE]
    x0 = glyphs.origin(start)[0]
    x1 = glyphs.origin(end - 1)[0] + size * 0.5
    body, markers = _split_markers(text, start, end, raised)
    return Line(body, x0, x1, baseline, size, markers, space_after)


_MARK_CHAR = re.compile("[0-9" + re.escape(NOTE_SYMBOLS) + CIRCLED + "]")
_PLAIN_CHAR = re.compile("[^\\s0-9" + re.escape(NOTE_SYMBOLS) + CIRCLED + "]")
_VISIBLE_CHAR = re.compile("\\S")
_MARKS_ONLY = re.compile("[0-9" + re.escape(NOTE_SYMBOLS) + CIRCLED + "]{1,3}")


def _spread(pattern: re.Pattern, text: str, start: int, end: int) -> list[int]:
    """Up to _SAMPLES indices of characters matching pattern, spread over the line."""
    out: list[int] = []
    for k in range(_SAMPLES):
        m = pattern.search(text, max(start + (end - start) * k // _SAMPLES, out[-1] + 1 if out else start), end)
        if m is None:
            break
        out.append(m.start())
    return out


def _split_markers(text: str, start: int, end: int, raised: list[int]) -> tuple[str, list[Marker]]:
    """Raised digits and note symbols leave the text and become markers (the space after one that
    opens the line goes with it); ligatures are spelt out."""
    pieces: list[str] = []
    length = 0
    markers: list[Marker] = []
    pos = start
    for run_start, run_end in _runs(raised):
        piece = _clean(text[pos:run_start])
        pieces.append(piece)
        length += len(piece)
        markers.append(Marker(length, text[run_start:run_end]))
        pos = run_end
        if not length:
            while pos < end and text[pos] == " ":
                pos += 1
    pieces.append(_clean(text[pos:end]))
    return "".join(pieces), markers


def _runs(indices: list[int]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for i in indices:
        if runs and runs[-1][1] == i:
            runs[-1] = (runs[-1][0], i + 1)
        else:
            runs.append((i, i + 1))
    return runs


def _clean(piece: str) -> str:
    return piece.replace("\r", "").translate(GLYPH_FIXES)


def _rejoin_raised(lines: list[Line]) -> list[Line]:
    """A line of one raised number next to a larger line on (nearly) the same baseline is its marker;
    so is one that a paragraph's end wrapped onto a line of its own, under the line before it."""
    out: list[Line] = []
    for i, line in enumerate(lines):
        value = line.text.strip()
        if _MARKS_ONLY.fullmatch(value) and not line.markers:
            after = lines[i + 1] if i + 1 < len(lines) else None
            if after is not None and _raised_beside(line, after) and after.x0 >= line.x0 - 1:
                after.markers.insert(0, Marker(0, value))
                after.x0 = line.x0
                continue
            if out and (_raised_beside(line, out[-1]) and line.x0 >= out[-1].x1 - out[-1].size
                        or _wrapped_alone(line, out[-1])):
                out[-1].markers.append(Marker(len(out[-1].text), value))
                continue
        out.append(line)
    return out


def _wrapped_alone(mark: Line, line: Line) -> bool:
    """Small print at the start of the next line down: less than a line step under the line before
    (a line step is at least the size; the mark stands raised above its own baseline)."""
    drop = line.baseline - mark.baseline
    return (mark.size < line.size * SUPERSCRIPT and abs(mark.x0 - line.x0) < line.size
            and line.size * RISE < drop < line.size * WRAPPED_DROP)


def _raised_beside(mark: Line, line: Line) -> bool:
    rise = mark.baseline - line.baseline
    return mark.size < line.size * SUPERSCRIPT and line.size * RISE < rise < line.size * 0.8


def _rules_may_matter(lines: list[Line], width: float) -> bool:
    """Listing a page's drawings is costly (every run of glyphs is an object): skip it when the page
    ends, in one column, with small print that opens with a note number."""
    if not lines:
        return False
    weights: dict[float, int] = {}
    for line in lines:
        weights[round(line.size, 1)] = weights.get(round(line.size, 1), 0) + len(line.text)
    main = max(weights, key=weights.get)
    ordered = sorted(lines, key=lambda line: -line.baseline)
    if ordered and BARE_NUMBER.match(ordered[-1].text):
        ordered.pop()  # a page number under the notes
    start = len(ordered)
    while start > 0 and ordered[start - 1].size <= main * SMALL:
        start -= 1
    run = ordered[start:]
    if not run or any(line.x0 > width / 2 for line in run):
        return True
    return not (run[0].lead is not None or BASELINE_NUMBER.match(run[0].text))


def _object_kinds(page) -> set[int]:
    """The kinds of object drawn on a page (text, path, image, ...), for pages with no text."""
    handle = page.raw
    return {raw.FPDFPageObj_GetType(raw.FPDFPage_GetObject(handle, k)) for k in range(raw.FPDFPage_CountObjects(handle))}


def _rules(page) -> list[tuple[float, float, float]]:
    """Thin horizontal strokes or filled bars: footnote separators (and table borders)."""
    out = []
    handle = page.raw
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    for k in range(raw.FPDFPage_CountObjects(handle)):
        obj = raw.FPDFPage_GetObject(handle, k)
        if raw.FPDFPageObj_GetType(obj) != raw.FPDF_PAGEOBJ_PATH:
            continue
        if raw.FPDFPageObj_GetBounds(obj, *refs) and top.value - bottom.value <= 2.0 and right.value - left.value >= 20:
            out.append((left.value, right.value, (top.value + bottom.value) / 2))
    return out
