"""A formatted bibliography to paste into a thesis: text, Markdown, HTML or .docx, via citeproc-py.

Taiwan convention by default: 中文部分 first (sorted by pinyin, or by stroke count), then 西文部分
(alphabetical by author). Chinese entries are written in the project's own Taiwan style
(作者，《書名》（地點：出版社，年）。), Western entries in the chosen English style.
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
from ..rules import rule

from ..bibliography import chinese_surname
from ..errors import InputError
from ..items import creators, issued_year, sort_name
from ..lexicon import SURNAME_PINYIN
from .script import convert

STYLES = {
    "chicago-note-bibliography": "chicago-note-bibliography.csl",
    "chicago-notes-bibliography": "chicago-note-bibliography.csl",
    "chicago-fullnote-bibliography": "chicago-note-bibliography.csl",
    "apa": "apa.csl",
    "gb-t-7714-2015-note": "gb-t-7714-2015-note.csl",
    "china-national-standard-gb-t-7714-2015-note": "gb-t-7714-2015-note.csl",
    "taiwan": "cbmcite-taiwan.csl",
}
DEFAULT_ZH_STYLE = "taiwan"
GROUP_TITLES = {"zh": "中文部分", "other": "西文部分"}
HTML_LANG = {"keep": "zh-Hant", "t": "zh-Hant", "s": "zh-Hans"}
HANGING_INDENT_PT = 24  # two characters of 12-point text, as Taiwan's theses indent a bibliography
_TAG = compile_fast(r"<[^>]+>")
_HAN = compile_fast(r"\p{Han}")
NUMBERED_ENTRY_LABEL = rule(
    "numbered_entry_label",
    r"^\[\d+\]\s*",
    "The number a numbered style (GB/T 7714) puts before an entry: dropped, as our order is not the style's.",
    examples=("[1] 王澤鑑. 民法總則[M]. 北京: 北京大學出版社, 2009.", "[12]Smith J. Title[M]."),
    counterexamples=("王澤鑑. 民法總則[M].", "Smith, John. [1] Title."),
    requires=("[",),
    anchored=True,
)


def style_path(name: str) -> str:
    """A vendored style by name, or any .csl file."""
    if name.endswith(".csl") or os.sep in name:
        if not os.path.isfile(name):
            raise InputError(f"{name}: no such CSL style file")
        return name
    if name not in STYLES:
        raise InputError(f"unknown style {name!r} (one of {', '.join(sorted(set(STYLES)))}, or --csl FILE)")
    return str(resources.files("cbmcite.data").joinpath("styles").joinpath(STYLES[name]))


def check_style(name: str) -> None:
    """Raise InputError now, before any document is read, for a style that cannot be used."""
    _load_style(style_path(name))


def ordered_groups(items: list[dict], group_by: str = "language", sort: str = "pinyin") -> list[tuple[str | None, list[dict]]]:
    """中文部分 then 西文部分; with group_by 'none' one list without headings: by pinyin or Latin
    alphabet throughout, or, sorted by strokes, the Chinese entries (by strokes) before the others."""
    chinese = [i for i in items if _is_chinese(i)]
    western = [i for i in items if not _is_chinese(i)]
    chinese.sort(key=lambda i: ((_stroke_key if sort == "strokes" else _pinyin_key)(_sort_name(i)), _year(i)))
    western.sort(key=lambda i: (_sort_name(i).casefold(), _year(i)))
    if group_by == "none":
        if sort == "strokes":
            return [(None, chinese + western)]
        return [(None, sorted(items, key=lambda i: (_latin_key(i), _year(i))))]
    return [(GROUP_TITLES[g], members) for g, members in (("zh", chinese), ("other", western)) if members]


def render(items: list[dict], fmt: str, style: str, group_by: str = "language", sort: str = "pinyin",
           script: str = "keep", zh_style: str = DEFAULT_ZH_STYLE):
    """str for text/markdown/html, bytes for docx; every piece of text in the output script."""
    groups = ordered_groups(convert(items, script), group_by, sort)
    styles = {"zh": style_path(zh_style), "other": style_path(style)}
    rendered = iter(convert(_render_entries([i for _, members in groups for i in members], styles), script))
    sections = [(convert(title, script), [next(rendered) for _ in members]) for title, members in groups]
    if fmt == "docx":
        return _docx(sections)
    if fmt == "html":
        body = "".join((f"<h2>{html.escape(t)}</h2>\n" if t else "") +
                       "".join(f'<p class="csl-entry">{e}</p>\n' for e in entries) for t, entries in sections)
        heading = convert("參考文獻", script)
        return (f'<!DOCTYPE html>\n<html lang="{HTML_LANG[script]}"><head><meta charset="utf-8"><title>{heading}</title>'
                '<style>.csl-entry{padding-left:2em;text-indent:-2em}</style></head>\n'
                f'<body>\n{body}</body></html>\n')
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


def _render_entries(items: list[dict], styles: dict[str, str]) -> list[str]:
    """HTML of each item in the order given, each in its language's style."""
    by_style: dict[str, list[int]] = {}
    for n, item in enumerate(items):
        by_style.setdefault(styles["zh" if _is_chinese(item) else "other"], []).append(n)
    out = [""] * len(items)
    for path, positions in by_style.items():
        for n, entry in zip(positions, _citeproc(tuple(_json(items[n]) for n in positions), path)):
            out[n] = entry
    return out


def _json(item: dict) -> str:
    import json

    return json.dumps({k: v for k, v in item.items() if k != "citation-key"}, ensure_ascii=False, sort_keys=True)


@lru_cache(maxsize=8)
def _citeproc(items_json: tuple[str, ...], style_file: str) -> list[str]:
    """HTML of each item, in the order given (the grouping, not the style, decides the order)."""
    import json

    from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
    from citeproc.source.json import CiteProcJSON

    _suppress_substituted_names()
    items = [json.loads(i) for i in items_json]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # citeproc-py warns about CSL fields it does not know
        source = CiteProcJSON(items)
        style = _load_style(style_file)
        bibliography = CitationStylesBibliography(style, source, formatter.html)
        try:
            for item in items:
                bibliography.register(Citation([CitationItem(item["id"])]))
            rendered = [_clean(str(entry)) for entry in bibliography.bibliography()]
        except Exception as exc:  # a user's style may use what citeproc-py cannot do
            raise InputError(f"{style_file}: cannot format with this style ({type(exc).__name__}: {exc})") from None
    return rendered


@lru_cache(maxsize=1)
def _suppress_substituted_names() -> None:
    """CSL 1.0 §substitute: a variable that stood in for the author is not printed again.
    citeproc-py applies this only to a substituting cs:text with a variable, so an edited book read
    'Nye, ed. Soft Power. Edited by Nye.' and an unsigned article 'New York Times. “…”. New York
    Times'. Here every variable a substitution printed (through names, macros or choices) is noted
    and suppressed for the rest of the entry."""
    from citeproc import model

    printing: list[list[tuple[str, str]]] = []  # variables printed by the substitutions being rendered
    names_process, text_variable, substitute_render = model.Names.process, model.Text._variable, model.Substitute.render

    def process(self, item, names_context=None, context=None, **kwargs):
        repressed = (context if context is not None else self).get_layout().repressed.get(self.tag, [])
        variable = self.get("variable")
        roles = [role for role in variable.split() if role not in repressed]
        if not roles:
            return None
        self.set("variable", " ".join(roles))
        try:
            text = names_process(self, item, names_context, context, **kwargs)
        finally:
            self.set("variable", variable)
        if text and printing:
            printing[-1].extend((self.tag, role) for role in roles)
        return text

    def variable_text(self, item, context):
        text = text_variable(self, item, context)
        if text and printing:
            printing[-1].append((self.tag, self.get("variable")))
        return text

    def render(self, item, context=None, **kwargs):
        printing.append([])
        try:
            text = substitute_render(self, item, context=context, **kwargs)
        finally:
            printed = printing.pop()
        if text and context is not None:
            repressed = context.get_layout().repressed
            for tag, name in printed:
                repressed.setdefault(tag, []).append(name)
        if printing:
            printing[-1].extend(printed)
        return text

    model.Names.process = process
    model.Text._variable = variable_text
    model.Substitute.render = render


def _load_style(style_file: str):
    """A CSL style, or one line naming the file and what is wrong with it."""
    from citeproc import CitationStylesStyle
    from lxml import etree

    try:
        style = CitationStylesStyle(style_file, validate=False)
        style.root.bibliography.layout  # a style without a bibliography cannot format one
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{style_file}: not a CSL style (XML: {exc.msg})") from None
    except (AttributeError, KeyError, ValueError, TypeError):
        raise InputError(f"{style_file}: not a CSL style with a bibliography") from None
    return style


def _clean(entry: str) -> str:
    entry = NUMBERED_ENTRY_LABEL.compiled.sub("", entry)  # numbered styles: the number follows our order, not theirs
    return re.sub(r"(?<=\p{Han}|[《》〈〉，、。：])\s+(?=\p{Han}|[《》〈〉，、。：])", "", entry)


def _plain(entry: str) -> str:
    return html.unescape(_TAG.sub("", entry))


def _markdown(entry: str) -> str:
    s = re.sub(r"</?i>", "*", entry)
    s = re.sub(r"</?b>", "**", s)
    return html.unescape(_TAG.sub("", s))


def _docx(sections) -> bytes:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    for title, entries in sections:
        if title:
            document.add_heading(title, level=2)
        for entry in entries:
            paragraph = document.add_paragraph()
            paragraph.paragraph_format.left_indent = Pt(HANGING_INDENT_PT)
            paragraph.paragraph_format.first_line_indent = Pt(-HANGING_INDENT_PT)
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

    surname = chinese_surname(name)
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
