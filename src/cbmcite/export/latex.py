"""LaTeX escaping of BibTeX field text, as a bibtexparser middleware run just before writing.

Entries are built with plain text (and CSL name lists); the middleware turns every field into LaTeX
that biber, LaTeX and pandoc read back as the same text: the ten special characters escaped, the
ligatures LaTeX would make (`--`, `,,`, `<<`, `?``) broken, and braces only where case must be kept
(a word with a capital, a lower-case sentence start: what a sentence-casing reader would change).
URLs stay verbatim, as biblatex reads them.
"""
from __future__ import annotations

from bibtexparser.library import Library
from bibtexparser.middlewares import BlockMiddleware
from bibtexparser.model import Block, Entry

from ..patterns import compile_fast

# LaTeX text-mode spellings of the characters that are syntax in .bib and .tex files.
SPECIAL_CHARACTERS = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%", "#": r"\#", "_": r"\_",
    "$": r"\$", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
NAME_FIELDS = ("author", "editor", "translator")
CASE_FIELDS = ("title", "booktitle", "journal", "series", "howpublished", "note")  # titles: case kept as written
LIST_FIELDS = ("publisher", "address", "organization", "institution")  # biblatex name lists: one name each
VERBATIM_FIELDS = ("url", "doi")
RANGE_FIELDS = ("pages",)  # written with "--", the en dash of LaTeX

_SPECIAL = compile_fast(r"[\\{}&%#_$~^]")
_LIGATURE = compile_fast(r"(?<=[-,<>`'?!])(?=[-,<>`'])")  # between the two characters of --, ,,, <<, ?` …
_WORD = compile_fast(r"[\p{L}\p{M}\p{N}]+")
_UPPER = compile_fast(r"\p{Lu}")
_SENTENCE_END = compile_fast(r"[.:?!]\s")
_CURLY = compile_fast("[\u2018\u2019\u201c\u201d]")
_PLAIN_NAME = compile_fast(r"[\p{L}\p{M}' .-]+")


def escape(text: str, ligatures: bool = False) -> str:
    """Plain text as LaTeX text: special characters spelled out, ligatures broken unless wanted."""
    text = _SPECIAL.sub(lambda m: SPECIAL_CHARACTERS[m.group()], text)
    return text if ligatures else _LIGATURE.sub("{}", text)


def escape_title(text: str) -> str:
    """escape(), with braces where a sentence-casing reader (pandoc, biblatex's \\MakeSentenceCase)
    would change a word: every word with a capital except the title's leading one, and a sentence's
    first word in lower case (after ': ' too). Curly quotes are braced, or pandoc turns ‘…’ into “…”."""
    out, end = [], 0
    for m in _WORD.finditer(text):
        out.append(_CURLY.sub(r"{\g<0>}", escape(text[end:m.start()])))
        word = m.group()
        capitals = len(_UPPER.findall(word))
        if end == 0:  # the title's first word: an initial capital at the very start stays as it is
            keep = word[0].islower() or capitals > 1 or capitals == 1 and (m.start() > 0 or not word[0].isupper())
        else:
            keep = capitals > 0 or word[0].islower() and bool(_SENTENCE_END.search(text, end, m.start()))
        out.append("{" + word + "}" if keep else word)
        end = m.end()
    out.append(_CURLY.sub(r"{\g<0>}", escape(text[end:])))
    return "".join(out)


def names(people: list[dict]) -> str:
    """CSL names as a biblatex name list; persons without family/given (CJK, institutions) stay whole."""
    out = []
    for n in people:
        if n.get("family"):
            family = escape(n["family"])
            if not _PLAIN_NAME.fullmatch(n["family"]) or " and " in f" {n['family']} ":
                family = "{" + family + "}"  # name parsers split or drop what is not a plain name
            out.append(f"{family}, {escape(n['given'])}" if n.get("given") else family)
        else:
            out.append("{" + escape(n.get("literal") or n.get("given") or "") + "}")
    return " and ".join(out)


def verbatim(text: str) -> str:
    """URLs and DOIs are read verbatim; only unbalanced braces and spaces could break them."""
    return text.replace("{", "%7B").replace("}", "%7D").replace(" ", "%20")


class LatexEscapeMiddleware(BlockMiddleware):
    """Every field of every entry as LaTeX, by the kind of field it is."""

    def __init__(self) -> None:
        super().__init__(allow_inplace_modification=True)

    def transform_entry(self, entry: Entry, library: Library) -> Block:
        for field in entry.fields:
            field.value = _encode(field.key, field.value)
        return entry


def _encode(key: str, value) -> str:
    if key in NAME_FIELDS and isinstance(value, list):
        return names(value)
    value = str(value)
    if key in VERBATIM_FIELDS:
        return verbatim(value)
    if key in RANGE_FIELDS:
        return escape(value, ligatures=True)
    if key in LIST_FIELDS:
        return "{" + escape(value) + "}"
    if key in CASE_FIELDS:
        return escape_title(value)
    return escape(value)
