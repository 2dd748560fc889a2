"""Characters of a PDF with their place and size (pypdfium2), grouped into the lines the page shows.

Raised small digits (and note symbols) are taken out of a line's text and kept as markers: in the body
they are note references, at the start of a line in the note area they are the note's number.
"""
from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass, field

from .text import InputError

MAX_PAGES = 3000  # a long thesis has 400; more is a scanned archive or a hostile file
MAX_CHARS_PER_PAGE = 30_000  # a dense page has 4,000; the rest of a larger page is not read
SUPERSCRIPT = 0.8  # a marker's size is at most this fraction of its line's size
RISE = 0.15  # ... and its baseline is raised by at least this fraction of the line's size
NOTE_SYMBOLS = "*＊✽†‡"
LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_LINE_BREAKS = "\r\n"


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


def read_pages(path: str) -> tuple[list[Page], list[str]]:
    """All pages (up to MAX_PAGES) and warnings about what was not read."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise InputError("encrypted PDF (a password is needed)") from None
        raise InputError(f"damaged PDF ({_reason(exc)})") from None
    warnings = []
    try:
        count = len(document)
        if count > MAX_PAGES:
            warnings.append(f"{count} pages; only the first {MAX_PAGES} were read")
        pages = [_read_page(document, index) for index in range(min(count, MAX_PAGES))]
    finally:
        document.close()
    cut = [p.number for p in pages if p.truncated]
    if cut:
        warnings.append(f"page(s) {', '.join(map(str, cut[:5]))} hold over {MAX_CHARS_PER_PAGE:,} characters; the rest was not read")
    return pages, warnings


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
        rules = _rules(page) if lines else []
        return Page(index + 1, width, height, lines, rules, truncated)
    finally:
        page.close()


class _Glyphs:
    """Reads one character after another through the raw PDFium text API, with reused buffers."""

    def __init__(self, handle):
        import pypdfium2.raw as raw

        self.raw, self.handle = raw, handle
        self.x, self.y, self.matrix = ctypes.c_double(), ctypes.c_double(), raw.FS_MATRIX()
        self.x_ref, self.y_ref, self.matrix_ref = ctypes.byref(self.x), ctypes.byref(self.y), ctypes.byref(self.matrix)

    def count(self) -> int:
        return self.raw.FPDFText_CountChars(self.handle)

    def char(self, i: int) -> str:
        code = self.raw.FPDFText_GetUnicode(self.handle, i)
        return chr(code) if 0 < code < 0x110000 else ""

    def origin(self, i: int) -> tuple[float, float]:
        self.raw.FPDFText_GetCharOrigin(self.handle, i, self.x_ref, self.y_ref)
        return self.x.value, self.y.value

    def size(self, i: int) -> float:
        """The size as printed: the font size times the text matrix's vertical scale."""
        self.raw.FPDFText_GetMatrix(self.handle, i, self.matrix_ref)
        m = self.matrix
        return self.raw.FPDFText_GetFontSize(self.handle, i) * (math.hypot(m.c, m.d) or 1.0)

    def generated(self, i: int) -> bool:
        return self.raw.FPDFText_IsGenerated(self.handle, i) == 1


def _lines(handle) -> tuple[list[Line], bool]:
    glyphs = _Glyphs(handle)
    total = glyphs.count()
    builder = _LineBuilder()
    for i in range(min(total, MAX_CHARS_PER_PAGE)):
        ch = glyphs.char(i)
        if not ch or ch in _LINE_BREAKS:
            continue  # PDFium's own line breaks: the geometry below decides
        x, y = glyphs.origin(i)
        if ch == " " and glyphs.generated(i):
            builder.space(x)  # a gap PDFium saw between words
            continue
        builder.add(ch, x, y, glyphs.size(i))
    return builder.finish(), total > MAX_CHARS_PER_PAGE


class _LineBuilder:
    """Characters in content order join the current line while they stay on its baseline (a raised
    marker counts as on it) and do not jump back left or far right."""

    def __init__(self):
        self.lines: list[Line] = []
        self.chars: list[tuple[str, float, float, float]] = []
        self.baseline = self.size = self.last_x = 0.0

    def space(self, x: float) -> None:
        if self.chars and self.chars[-1][0] != " ":
            self.chars.append((" ", x, self.baseline, 0.0))

    def add(self, ch: str, x: float, y: float, size: float) -> None:
        if self.chars and not self._continues(x, y, size):
            self._close()
        if not self.chars or size > self.size:
            self.baseline, self.size = y, size
        self.chars.append((ch, x, y, size))
        self.last_x = x

    def _continues(self, x: float, y: float, size: float) -> bool:
        em = max(size, self.size, 1.0)
        return abs(y - self.baseline) <= 0.5 * em and self.last_x - em <= x <= self.last_x + 4 * em

    def finish(self) -> list[Line]:
        self._close()
        return self.lines

    def _close(self) -> None:
        chars, self.chars = self.chars, []
        while chars and chars[-1][0] == " ":
            chars.pop()
        if not chars:
            return
        sizes = sorted(c[3] for c in chars if c[3] > 0 and not c[0].isspace()) or [self.size]
        size = sizes[len(sizes) // 2]
        body = [c for c in chars if c[3] >= size * SUPERSCRIPT] or chars
        baseline = sorted(c[2] for c in body)[len(body) // 2]
        text, markers = _split_markers(chars, size, baseline)
        text = text.translate(LIGATURES)
        if text.strip() or markers:
            self.lines.append(Line(text, chars[0][1], chars[-1][1] + chars[-1][3] * 0.5, baseline, size, markers))


def _split_markers(chars, size: float, baseline: float) -> tuple[str, list[Marker]]:
    """Raised small digits and note symbols leave the text and become markers."""
    out: list[str] = []
    markers: list[Marker] = []
    run = ""
    for ch, _, y, s in chars:
        raised = 0 < s < size * SUPERSCRIPT and y > baseline + size * RISE
        if raised and (ch.isdigit() and ch.isascii() or ch in NOTE_SYMBOLS):
            run += ch
            continue
        if raised and ch == " " and run:
            continue
        if run:
            markers.append(Marker(len(out), run))
            run = ""
        if ch == " " and not out:
            continue
        out.append(ch)
    if run:
        markers.append(Marker(len(out), run))
    return "".join(out), markers


def _rules(page) -> list[tuple[float, float, float]]:
    """Thin horizontal strokes or filled bars: footnote separators (and table borders)."""
    import pypdfium2.raw as raw

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
