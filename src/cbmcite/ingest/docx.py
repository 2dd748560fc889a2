"""Word documents: real footnotes and endnotes (word/footnotes.xml, word/endnotes.xml) read with lxml."""
from __future__ import annotations

import posixpath
import zipfile
import zlib

from ..model import Note, SourceText
from ..lines import join_lines
from .guard import check_zip
from ..errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SEPARATOR_TYPES = {"separator", "continuationSeparator", "continuationNotice"}


def read_docx(path: str) -> SourceText:
    check_zip(path)
    from lxml import etree

    try:
        body, footnotes_xml, endnotes_xml, settings = _parts(path, etree)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"damaged document part in .docx ({exc})") from None
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error) as exc:
        raise InputError(f"not a readable .docx ({exc.__class__.__name__})") from None
    try:
        footnotes = _note_texts(footnotes_xml, "footnote", etree)
        endnotes = _note_texts(endnotes_xml, "endnote", etree)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"damaged notes part in .docx ({exc})") from None
    formats = _number_formats(settings)
    paragraphs, references = _body(body)
    source = SourceText(path=path, text="\n".join(paragraphs), encoding="docx", notes=[])
    counters = {"footnote": 0, "endnote": 0}
    texts = {"footnote": footnotes, "endnote": endnotes}
    for kind, note_id, paragraph, custom in references:
        if custom:
            number: int | str = custom
        else:
            counters[kind] += 1
            number = _format_number(counters[kind], formats[kind])
        text = texts[kind].get(note_id)
        status = "ok" if text else "missing_text"
        source.notes.append(Note(number=number, text=text or None, line=paragraph, status=status,
                                 occurrences=1 if text else 0))
    if references and not footnotes and not endnotes:
        source.warnings.append("has note references but no footnotes or endnotes part")
    return source


def _parts(path: str, etree):
    """Body element, notes and settings XML, found through the package relationships (OPC).

    Only these parts are read: a package model that loads every part (styles alone can be 800 KB)
    costs twenty times as much per file."""
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        read = lambda name: archive.read(name) if name in names else None  # noqa: E731
        main = _relationships(read, "", etree)["officeDocument"] or "word/document.xml"
        related = _relationships(read, main, etree)
        document = read(main)
        if document is None:
            raise InputError(f"not a .docx (no {main})")
        footnotes, endnotes, settings = (read(related[kind]) if related[kind] else None
                                         for kind in ("footnotes", "endnotes", "settings"))
    body = etree.fromstring(document).find(W + "body")
    if body is None:
        raise InputError("not a .docx (no document body)")
    return body, footnotes, endnotes, etree.fromstring(settings) if settings else None


_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_PART_KINDS = ("officeDocument", "footnotes", "endnotes", "settings")


def _relationships(read, source: str, etree) -> dict[str, str | None]:
    """Internal targets of a part's relationships by kind (the last segment of the type URI),
    as archive names; the package's own relationships when source is ''."""
    folder = posixpath.dirname(source)
    rels = read(posixpath.join(folder, "_rels", posixpath.basename(source) + ".rels"))
    found: dict[str, str | None] = dict.fromkeys(_PART_KINDS)
    if rels is None:
        return found
    for rel in etree.fromstring(rels).iter(_RELATIONSHIP):
        kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
        target = rel.get("Target") or ""
        if kind in found and found[kind] is None and rel.get("TargetMode") != "External" and target:
            base = "" if target.startswith("/") else folder
            found[kind] = posixpath.normpath(posixpath.join(base, target.lstrip("/")))
    return found


def _note_texts(blob: bytes | None, kind: str, etree) -> dict[str, str]:
    if blob is None:
        return {}
    root = etree.fromstring(blob)
    out = {}
    for note in root.iter(W + kind):
        if note.get(W + "type") in _SEPARATOR_TYPES:
            continue
        lines = [_text(p) for p in note.iter(W + "p")]
        out[note.get(W + "id")] = join_lines([line for line in lines if line.strip()]).strip()
    return out


def _body(body) -> tuple[list[str], list[tuple[str, str, int, str]]]:
    """Paragraph texts and the note references in reading order: (kind, id, paragraph, custom mark)."""
    paragraphs, references = [], []
    for index, p in enumerate(body.iter(W + "p"), 1):
        paragraphs.append(_text(p))
        for ref in p.iter(W + "footnoteReference", W + "endnoteReference"):
            kind = "footnote" if ref.tag == W + "footnoteReference" else "endnote"
            custom = _custom_mark(ref) if ref.get(W + "customMarkFollows") in ("1", "true", "on") else ""
            references.append((kind, ref.get(W + "id"), index, custom))
    return paragraphs, references


def _custom_mark(ref) -> str:
    run = ref.getparent()
    following = run.getnext()
    mark = "".join(following.itertext()) if following is not None else ""
    return mark.strip() or "*"


def _text(paragraph) -> str:
    """Visible text of runs, hyperlinks and field results; field codes and deletions left out."""
    out = []
    for el in paragraph.iter():
        tag = el.tag
        if tag == W + "t":
            if not _inside(el, (W + "del",)):
                out.append(el.text or "")
        elif tag in (W + "tab", W + "br", W + "cr"):
            out.append(" ")
        elif tag == W + "noBreakHyphen":
            out.append("-")
    return "".join(out).strip()


def _inside(el, tags) -> bool:
    parent = el.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def _number_formats(settings) -> dict[str, str]:
    formats = {"footnote": "decimal", "endnote": "lowerRoman"}  # Word's defaults
    if settings is None:
        return formats
    for kind in formats:
        fmt = settings.find(f"{W}{kind}Pr/{W}numFmt")
        if fmt is not None and fmt.get(W + "val"):
            formats[kind] = fmt.get(W + "val")
    return formats


def _format_number(n: int, fmt: str) -> int | str:
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(n)
        return roman if fmt == "upperRoman" else roman.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "chicago":
        return "*†‡§"[(n - 1) % 4] * ((n - 1) // 4 + 1)
    return n


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out



