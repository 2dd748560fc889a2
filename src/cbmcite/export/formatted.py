"""A formatted bibliography to paste into a thesis: text, Markdown, HTML or .docx, via citeproc-py.

Taiwan convention by default: 中文部分 first (sorted by pinyin, or by stroke count), then 西文部分
(alphabetical by author), each rendered in the chosen CSL style.
"""
from __future__ import annotations

import html
import io
import os
import warnings
from functools import lru_cache
from importlib import resources

import regex as re

from ..patterns import compile_fast

from ..bibliography import COMPOUND_SURNAMES, SURNAME_PINYIN
from ..errors import InputError
from ..items import creators, issued_year, sort_name

STYLES = {
    "chicago-note-bibliography": "chicago-note-bibliography.csl",
    "chicago-notes-bibliography": "chicago-note-bibliography.csl",
    "chicago-fullnote-bibliography": "chicago-note-bibliography.csl",
    "apa": "apa.csl",
    "gb-t-7714-2015-note": "gb-t-7714-2015-note.csl",
    "china-national-standard-gb-t-7714-2015-note": "gb-t-7714-2015-note.csl",
}
GROUP_TITLES = {"zh": "中文部分", "other": "西文部分"}
_TAG = compile_fast(r"<[^>]+>")
_HAN = compile_fast(r"\p{Han}")


def style_path(name: str) -> str:
    """A vendored style by name, or any .csl file."""
    if name.endswith(".csl") or os.sep in name:
        if not os.path.isfile(name):
            raise InputError(f"{name}: no such CSL style file")
        return name
    if name not in STYLES:
        raise InputError(f"unknown style {name!r} (one of {', '.join(sorted(set(STYLES)))}, or --csl FILE)")
    return str(resources.files("cbmcite.data").joinpath("styles").joinpath(STYLES[name]))


def ordered_groups(items: list[dict], group_by: str = "language", sort: str = "pinyin") -> list[tuple[str | None, list[dict]]]:
    chinese = [i for i in items if _is_chinese(i)]
    western = [i for i in items if not _is_chinese(i)]
    chinese.sort(key=lambda i: ((_stroke_key if sort == "strokes" else _pinyin_key)(_sort_name(i)), _year(i)))
    western.sort(key=lambda i: (_sort_name(i).casefold(), _year(i)))
    if group_by == "none":
        everything = sorted(items, key=lambda i: (_latin_key(i), _year(i)))
        return [(None, everything)]
    return [(GROUP_TITLES[g], members) for g, members in (("zh", chinese), ("other", western)) if members]


def render(items: list[dict], fmt: str, style: str, group_by: str = "language", sort: str = "pinyin"):
    """str for text/markdown/html, bytes for docx."""
    groups = ordered_groups(items, group_by, sort)
    rendered = _citeproc(tuple(_json(i) for g in groups for i in g[1]), style_path(style))
    by_id = iter(rendered)
    sections = [(title, [next(by_id) for _ in members]) for title, members in groups]
    if fmt == "docx":
        return _docx(sections)
    if fmt == "html":
        body = "".join((f"<h2>{html.escape(t)}</h2>\n" if t else "") +
                       "".join(f'<p class="csl-entry">{e}</p>\n' for e in entries) for t, entries in sections)
        return f'<!DOCTYPE html>\n<html lang="zh-Hant"><head><meta charset="utf-8"><title>參考文獻</title></head>\n<body>\n{body}</body></html>\n'
    out = []
    for title, entries in sections:
        if title:
            out.append(("## " if fmt == "markdown" else "") + title)
            out.append("")
        for entry in entries:
            out.append(_markdown(entry) if fmt == "markdown" else _plain(entry))
            if fmt == "markdown":
                out.append("")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _json(item: dict) -> str:
    import json

    return json.dumps({k: v for k, v in item.items() if k != "citation-key"}, ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=8)
def _citeproc(items_json: tuple[str, ...], style_file: str) -> list[str]:
    """HTML of each item, in the order given (the grouping, not the style, decides the order)."""
    import json

    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    items = [json.loads(i) for i in items_json]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL fields it does not know
        source = CiteProcJSON(items)
        style = CitationStylesStyle(style_file, validate=False)
        bibliography = CitationStylesBibliography(style, source, formatter.html)
        for item in items:
            bibliography.register(Citation([CitationItem(item["id"])]))
        rendered = [_clean(str(entry)) for entry in bibliography.bibliography()]
    return rendered


def _clean(entry: str) -> str:
    entry = re.sub(r"^\[\d+\]\s*", "", entry)  # numbered styles: the number follows our order, not theirs
    return re.sub(r"(?<=\p{Han}|[《》〈〉，、。：])\s+(?=\p{Han}|[《》〈〉，、。：])", "", entry)


def _plain(entry: str) -> str:
    return html.unescape(_TAG.sub("", entry))


def _markdown(entry: str) -> str:
    s = re.sub(r"</?i>", "*", entry)
    s = re.sub(r"</?b>", "**", s)
    return html.unescape(_TAG.sub("", s))


def _docx(sections) -> bytes:
    import docx

    document = docx.Document()
    for title, entries in sections:
        if title:
            document.add_heading(title, level=2)
        for entry in entries:
            paragraph = document.add_paragraph()
            for italic, piece in _runs(entry):
                run = paragraph.add_run(html.unescape(piece))
                run.italic = italic or None
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _runs(entry: str):
    italic = False
    for piece in re.split(r"(</?i>)", entry):
        if piece == "<i>":
            italic = True
        elif piece == "</i>":
            italic = False
        elif piece:
            yield italic, _TAG.sub("", piece)


# --- sort keys ------------------------------------------------------------------------------

def _is_chinese(item: dict) -> bool:
    return item.get("language", "").startswith("zh") or bool(_HAN.search(_sort_name(item)))


def _sort_name(item: dict) -> str:
    names = creators(item)
    return sort_name(names[0]) if names else item.get("title", "")


def _year(item: dict) -> int:
    return issued_year(item) or 0


def _pinyin_key(name: str) -> list:
    from pypinyin import Style, lazy_pinyin

    surname = next((c for c in COMPOUND_SURNAMES if name.startswith(c)), name[:1])
    head = [SURNAME_PINYIN.get(ch) or lazy_pinyin(ch, style=Style.TONE3)[0] for ch in surname]
    return head + lazy_pinyin(name[len(surname):], style=Style.TONE3)


def _latin_key(item: dict) -> str:
    name = _sort_name(item)
    return " ".join(_pinyin_key(name)) if _HAN.search(name) else name.casefold()


def _stroke_key(name: str) -> list:
    """Stroke count of each character, then the character itself (the order of Taiwan's 筆劃 lists)."""
    return [(_strokes().get(ch, 99), ch) for ch in name]


@lru_cache(maxsize=1)
def _strokes() -> dict[str, int]:
    table: dict[str, int] = {}
    text = resources.files("cbmcite.data").joinpath("strokes.txt").read_text("utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        start, counts = line.split(" ", 1)
        base = int(start, 16)
        for offset, mark in enumerate(counts):
            if mark != "?":
                table[chr(base + offset)] = ord(mark) - 48
    return table
