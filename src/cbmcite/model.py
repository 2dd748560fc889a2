"""Plain dataclasses that flow between the pipeline stages."""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
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


class Form(StrEnum):
    """How a citation refers to its work; resolution dispatches on it."""

    FULL = "full"
    IBID = "ibid"
    OP_CIT = "op_cit"
    LOC_CIT = "loc_cit"
    SHORT = "short"
    CROSS_REF = "cross_ref"
    KEY = "key"  # a LaTeX \cite key: already a structured reference


@dataclass
class Citation:
    """One source cited inside a note (parse → normalize → resolve → bibliography)."""

    raw: str
    form: Form = Form.FULL
    csl: dict[str, Any] = field(default_factory=dict)
    locator: str | None = None
    # short forms only
    resolution: str | None = None  # resolved | unresolved | ambiguous
    resolves_to: dict[str, Any] | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    reason: str | None = None
    ref_note: int | None = None  # 同註X / supra note X
    named: str | None = None  # the author words before op. cit. / 前引書, for matching
    cross_document: bool = False
    follows: dict[str, Any] | None = None  # the short form whose verdict this one took over (Ibid. after op. cit.)
    entry: str | None = None  # bibliography id
    signature: Any = None  # bibliography.Signature, set before merging

    def __post_init__(self) -> None:
        self.form = Form(self.form)  # parsers may name the form as a string


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

    kind: str  # gap | duplicate | out_of_order | no_note_text
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
