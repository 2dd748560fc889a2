"""Footnotes from what a PDF page shows, whatever made it (Word, LibreOffice, LaTeX, reportlab).

A page's note area is the last block of a column: below a short separator rule, or printed smaller
than the body, or (same size, no rule) set off by a gap and opening with the next expected note
number. Its lines open notes with a raised number or a number on the baseline that continues the
sequence; other lines continue the open note, also across a page break. Running heads and page
numbers are dropped first; two-column pages are read column by column, each with its own notes.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..model import Note
from ..lines import join_lines
from .pdf_text import BARE_NUMBER, BASELINE_NUMBER, CIRCLED, NOTE_SYMBOLS, SMALL, Line, Page

HEADING = 1.08  # a line this much larger than the body is a heading, never a note
SEPARATOR_MAX = 0.6  # a footnote separator rule is at most this fraction of the column's width
GAP = 1.4  # a note area without rule or smaller print starts after a gap this many body leadings
MARGIN = 0.1  # running heads and page numbers stand in the top or bottom tenth of the page
_DIGITS = re.compile(r"\d+")
_SENTENCE_END = re.compile(r"[。．.！？!?」』”)）]\s*$")


@dataclass
class Layout:
    notes: list[Note]
    body: str
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Sequence:
    """Notes found so far: the one still open (it may go on in the next note area) and its pieces."""

    notes: list[Note] = field(default_factory=list)
    pieces: list[str] = field(default_factory=list)
    raised: bool = False  # this document prints note numbers raised: a baseline number is text
    in_area: bool = False  # the column read last ended in its note area

    @property
    def last(self) -> int:
        return next((n.number for n in reversed(self.notes) if isinstance(n.number, int)), 0)

    def open(self, number: int | str, text: str, page: int) -> None:
        self.close()
        self.notes.append(Note(number=number, text=None, line=page))
        self.pieces = [text]

    def extend(self, text: str) -> None:
        if self.notes:
            self.pieces.append(text)

    def close(self) -> None:
        if self.notes and self.notes[-1].text is None and self.pieces:
            self.notes[-1].text = join_lines(self.pieces) or None
            self.notes[-1].status = "ok" if self.notes[-1].text else "missing_text"
        self.pieces = []


def read_layout(pages: list[Page]) -> Layout:
    """Notes from the note areas, the body text, and the markers in the body. When no note text is
    found the body is every line with its markers printed inline, as a text extractor gives it."""
    furniture = _furniture(pages)
    body_size = _body_size(pages, furniture)
    sequence = _Sequence()
    body: list[Line | None] = []  # None: a page break
    markers: list[int | str] = []
    marked_on: dict[int | str, int] = {}
    for page in pages:
        kept = [line for line in page.lines if id(line) not in furniture]
        columns = _columns(kept, page.width)
        # a column's width as the margins give it: a page may hold only a short line or two
        width = (page.width - 2 * min((line.x0 for line in kept), default=0.0)) / len(columns)
        for column in columns:
            start = _note_area(column, page, width, body_size, sequence, markers)
            for line in column[:start]:
                body.append(line)
                for marker in line.markers:
                    markers.append(_marker_value(marker.value))
                    marked_on.setdefault(markers[-1], page.number)
            _read_notes(column[start:], page.number, sequence, markers)
            sequence.in_area = start < len(column)
        body.append(None)
    sequence.close()
    notes = sequence.notes
    if not notes:
        text = "\n".join("\f" if line is None else _with_markers(line) for line in body)
        return Layout([], text, [_nothing_found(markers)])
    _add_missing(notes, markers, marked_on)
    return Layout(notes, "\n".join("\f" if line is None else line.text for line in body))


def _with_markers(line: Line) -> str:
    text = line.text
    for marker in reversed(line.markers):
        text = text[:marker.offset] + marker.value + text[marker.offset:]
    return text


def _nothing_found(markers: list[int | str]) -> str:
    if markers:
        return (f"{len(markers)} superscript note markers but no note area found at the page feet; "
                "notes were looked for in the running text")
    return "no note area at the page feet and no superscript note markers; notes were looked for in the running text"


def _marker_value(value: str) -> int | str:
    if value.isascii() and value.isdigit():
        return int(value)
    if value[:1] in CIRCLED:
        return CIRCLED.index(value[0]) + 1
    return "*"


def _body_size(pages: list[Page], furniture: set[int]) -> float:
    """The size of most text in the upper half of pages, where notes never are, out of the margins
    (running heads stand there, also on a short document where they do not recur); on a page or two
    with little body text, of all text out of the margins."""
    lines = [(page, line) for page in pages for line in page.lines if id(line) not in furniture]
    inside = [(page, line) for page, line in lines
              if page.height * MARGIN < line.baseline < page.height * (1 - MARGIN)]
    upper = [(page, line) for page, line in inside if line.baseline > page.height * 0.5]
    weights: Counter = Counter()
    for _, line in upper or inside or lines:
        weights[round(line.size, 1)] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 0.0


def _furniture(pages: list[Page]) -> set[int]:
    """Page numbers and running heads or feet: among the two outermost lines at the top and bottom of
    a page, in its margin, a bare number, or a line that recurs at the same height: on three pages when
    a gap sets it apart, on half of them when not (a note line such as `16 同上注，60。` may recur at
    the foot of a few pages, within the note block)."""
    edges = [(page, line, apart) for page in pages for line, apart in _outermost(page)]
    recurring = Counter((_shape(line.text), round(line.baseline), apart) for _, line, apart in edges)
    needed = {True: min(3, len(pages)), False: max(3, len(pages) / 2)}
    out = set()
    for page, line, apart in edges:
        if not (line.baseline > page.height * (1 - MARGIN) or line.baseline < page.height * MARGIN):
            continue
        if BARE_NUMBER.match(line.text) or (
                len(pages) >= 2 and recurring[(_shape(line.text), round(line.baseline), apart)] >= needed[apart]):
            out.add(id(line))
    return out


def _outermost(page: Page) -> list[tuple[Line, bool]]:
    """The top two and bottom two lines (a head may have a journal line and a title line), each with
    whether a gap wider than the next line spacing inwards sets it apart."""
    ordered = sorted(page.lines, key=lambda line: -line.baseline)
    out = []
    for run in (ordered[:4], ordered[::-1][:4]):
        gaps = [abs(a.baseline - b.baseline) for a, b in zip(run, run[1:])]
        out.extend((run[i], i + 1 < len(gaps) and gaps[i] > gaps[i + 1] * 1.3) for i in range(min(2, len(gaps))))
    return out


def _shape(text: str) -> str:
    return _DIGITS.sub("#", text.strip())


def _columns(lines: list[Line], width: float) -> list[list[Line]]:
    """Lines in reading order, one list per column: full-width lines above two columns come first."""
    ordered = sorted(lines, key=lambda line: (-round(line.baseline), line.x0))
    gutter, top = _gutter(ordered, width)
    if gutter is None:
        return [ordered]
    above = [line for line in ordered if line.baseline >= top]
    below = [line for line in ordered if line.baseline < top]
    left = [line for line in below if line.x1 <= gutter]
    right = [line for line in below if line.x1 > gutter]
    return [above + left, right]


def _gutter(ordered: list[Line], width: float) -> tuple[float | None, float]:
    """An x in the middle of the page that no line crosses below some height (the higher, the better),
    with at least three lines either side of it down there: (x, that height) or (None, 0)."""
    step, low = 3.0, width * 0.3
    xs = [low + step * k for k in range(int(width * 0.4 / step))]
    top = [float("inf")] * len(xs)  # the lowest line crossing each x
    open_xs = len(xs)
    for line in sorted(ordered, key=lambda line: line.baseline):
        first = max(0, math.floor((line.x0 - low) / step) + 1)
        last = min(len(xs), math.ceil((line.x1 - low) / step))
        for k in range(first, last):
            if top[k] == float("inf"):
                top[k] = line.baseline
                open_xs -= 1
        if not open_xs:
            break
    for height in sorted(set(top), reverse=True):
        below = [line for line in ordered if line.baseline < height]
        if len(below) < 6:
            continue
        lefts = sorted(line.x1 for line in below)[2]  # three lines end left of x ...
        rights = sorted((line.x0 for line in below), reverse=True)[2]  # ... and three start right of it
        fits = [x for x, h in zip(xs, top) if h == height and lefts <= x <= rights]
        if fits:
            return fits[len(fits) // 2], height
    return None, 0.0


def _note_area(column: list[Line], page: Page, width: float, body_size: float, sequence: _Sequence,
               markers: list[int | str]) -> int:
    """Index of the first line of the column's note area (len(column) when it has none)."""
    end = len(column)
    if not column:
        return end
    for start, ruled in ((_below_rule(column, page, width), True), (_small_print(column, body_size), False)):
        if start is None:
            continue
        seen = markers + [_marker_value(m.value) for line in column[:start] for m in line.markers]
        if _looks_like_notes(column[start:], sequence, body_size, seen, ruled):
            return start
    start = _after_gap(column, body_size, sequence, markers)
    return start if start < len(column) else _numbered_run(column, body_size, sequence)


def _below_rule(column: list[Line], page: Page, width: float) -> int | None:
    """The first line under the lowest short rule that starts at the column's left edge, with text
    above it or in the lower half of the page (a page may hold only the end of a long note)."""
    x0 = min(line.x0 for line in column)
    width = max(width, max(line.x1 for line in column) - x0, 1.0)
    tops = [y for rx0, rx1, y in page.rules if abs(rx0 - x0) < width * 0.1 and rx1 - rx0 <= width * SEPARATOR_MAX]
    candidates = [y for y in tops if any(line.baseline < y for line in column)
                  and (y < page.height / 2 or any(line.baseline > y for line in column))]
    if not candidates:
        return None
    rule = min(candidates)
    return next(i for i, line in enumerate(column) if line.baseline < rule)


def _small_print(column: list[Line], body_size: float) -> int | None:
    """The start of the trailing run of lines printed smaller than the body."""
    start = len(column)
    while start > 0 and column[start - 1].size <= body_size * SMALL:
        start -= 1
    return start if start < len(column) else None


def _looks_like_notes(area: list[Line], sequence: _Sequence, body_size: float, markers: list[int | str],
                      ruled: bool) -> bool:
    """Opens with a note number, or goes on with the note left open on an earlier page: under a rule,
    or when a note number follows, or when that note broke off mid-sentence (small print with none
    of these, such as a table's source line, is not a note)."""
    if any(line.size > body_size * HEADING for line in area):
        return False
    if _opener(area[0], sequence, markers) is not None:
        return True
    if not (sequence.notes and sequence.pieces):
        return False
    return (ruled or any(_opener(line, sequence, markers) is not None for line in area[1:])
            or not _SENTENCE_END.search(sequence.pieces[-1]))


def _after_gap(column: list[Line], body_size: float, sequence: _Sequence, markers: list[int | str]) -> int:
    """Notes the size of the body, no rule: the next note number that the body above has marked,
    opening a line after a wider gap (or at the top, when the last column ended in notes, as pages of
    endnotes do), or after lines that follow such a gap and go on with a note left open."""
    leadings = sorted(a.baseline - b.baseline for a, b in zip(column, column[1:]) if a.baseline > b.baseline)
    if not leadings:
        return len(column)
    usual = leadings[len(leadings) // 2]
    seen = list(markers)
    after_gap = None
    for i, line in enumerate(column):
        if (column[i - 1].baseline - line.baseline > usual * GAP) if i else sequence.in_area:
            after_gap = i
        number = _opener(line, sequence, seen)
        if (number is not None and number in seen and after_gap is not None
                and (after_gap == i or sequence.pieces)
                and all(below.size <= body_size * HEADING for below in column[after_gap:])):
            return after_gap
        seen.extend(_marker_value(m.value) for m in line.markers)
    return len(column)


def _numbered_run(column: list[Line], body_size: float, sequence: _Sequence) -> int:
    """Notes the size of the body, no rule, no wider gap: the trailing lines whose numbers run, one
    after the other from the next note, through every number the column's body marked (two at
    least); len(column) when there is none."""
    marked: list[int] = []
    for i, line in enumerate(column):
        if _leading_number(line) == sequence.last + 1 and len(marked) >= 2 and marked[0] == sequence.last + 1:
            run = [n for n in map(_leading_number, column[i:]) if n is not None]
            if run == marked and all(below.size <= body_size * HEADING for below in column[i:]):
                return i
        marked.extend(v for v in (_marker_value(m.value) for m in line.markers) if isinstance(v, int))
    return len(column)


def _leading_number(line: Line) -> int | None:
    """The number a line opens with, raised or on the baseline."""
    if line.lead is not None:
        value = _marker_value(line.lead)
        return value if isinstance(value, int) else None
    m = BASELINE_NUMBER.match(line.text)
    return int(m.group(1)) if m else None


def _opener(line: Line, sequence: _Sequence, markers: list[int | str]) -> int | str | None:
    """The note number this line opens with, if it fits the sequence."""
    if line.lead is not None:
        value = _marker_value(line.lead)
        if value == "*" or value > sequence.last:
            return value
        return None
    if sequence.raised:
        return None
    m = BASELINE_NUMBER.match(line.text)
    if m:
        number = int(m.group(1))
        first = not sequence.notes and (number == 1 or number in markers)
        return number if first or number == sequence.last + 1 else None
    if line.text[:1] in CIRCLED:
        number = CIRCLED.index(line.text[0]) + 1
        return number if number == sequence.last + 1 or (number == 1 and not sequence.notes) else None
    if line.text[:1] in NOTE_SYMBOLS and line.text[1:2].isspace() and not sequence.notes:
        return "*"
    return None


def _read_notes(area: list[Line], page: int, sequence: _Sequence, markers: list[int | str]) -> None:
    """Each line opens a note or goes on with the open one; a piece of a line that PDFium broke at a
    raised number (same baseline as the piece before) only goes on."""
    for i, line in enumerate(area):
        same_line = i > 0 and abs(area[i - 1].baseline - line.baseline) < line.size * 0.3
        number = None if same_line else _opener(line, sequence, markers)
        space = " " if line.space_after else ""  # the line join keeps a space the page drew
        if number is None:
            sequence.extend(line.text + space)
            continue
        if line.lead is not None:
            sequence.raised = sequence.raised or number != "*"  # an author's ＊ may be raised alone
            text = line.text
        elif BASELINE_NUMBER.match(line.text):
            text = BASELINE_NUMBER.sub("", line.text, count=1)
        else:
            text = line.text[1:]  # a circled number or a symbol
        sequence.open(number, text + space, page)


def _add_missing(notes: list[Note], markers: list[int | str], marked_on: dict[int | str, int]) -> None:
    """Body markers whose note text was not found, when they continue the numbering."""
    known = {n.number for n in notes}
    for value in markers:
        if value in known or not isinstance(value, int):
            continue
        if value == 1 or value - 1 in known:
            notes.append(Note(number=value, text=None, line=marked_on[value], status="missing_text", occurrences=0))
            known.add(value)
    notes.sort(key=lambda n: (isinstance(n.number, int), n.number if isinstance(n.number, int) else 0))
