"""Plain dataclasses that flow between the pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class SourceText:
    """A decoded input document (ingest → notes).

    Formats with real footnotes (.docx, .md, .tex, layout PDF) bring their notes along; plain text
    leaves notes None and the notes stage finds them in the text.
    """

    path: str
    text: str
    encoding: str
    notes: list[Note] | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Citation:
    """One source cited inside a note (parse → normalize → resolve → bibliography)."""

    raw: str
    form: str = "full"  # full | ibid | op_cit | short | cross_ref | loc_cit
    csl: dict[str, Any] = field(default_factory=dict)
    locator: str | None = None
    # short forms only
    resolution: str | None = None  # resolved | unresolved | ambiguous
    resolves_to: dict[str, Any] | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    ref_note: int | None = None  # 同註X / supra note X
    named: str | None = None  # the author words before op. cit. / 前引書, for matching
    narrow: str | None = None  # 書 → "book", 文 → "article"
    cross_document: bool = False
    entry: str | None = None  # bibliography id
    signature: Any = None  # bibliography.Signature, set before merging


@dataclass
class Note:
    """One footnote, printed once or several times in the input."""

    number: int | str
    text: str | None
    line: int
    status: str = "ok"  # ok | missing_text
    occurrences: int = 1
    kind: str | None = None  # citation | commentary | mixed
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Anomaly:
    """A numbering problem found while detecting notes."""

    kind: str  # gap | duplicate | out_of_order
    line: int
    number: int | str
    message: str


@dataclass
class DocumentResult:
    """Everything extracted from one document."""

    path: str
    encoding: str
    notes: list[Note] = field(default_factory=list)
    anomalies: list[Anomaly] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # non-fatal input problems, one line each
