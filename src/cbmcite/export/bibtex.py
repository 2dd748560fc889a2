"""BibTeX/biblatex through bibtexparser 2.x: biblatex types, langid, whole CJK names.

Entries are built from plain text; LatexEscapeMiddleware writes every field as LaTeX."""
from __future__ import annotations

import bibtexparser
from bibtexparser.model import Entry, Field

from ..bibliography import Bibliography
from ..items import filed_name, issued_parts
from ..lexicon import DOCTORAL_THESIS_WORDS, MASTERS_THESIS_WORDS
from .latex import LatexEscapeMiddleware
from .script import convert

_TYPES = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "book": "book", "chapter": "incollection", "paper-conference": "inproceedings", "thesis": "thesis",
    "report": "report", "webpage": "online", "legislation": "misc", "treaty": "misc", "document": "misc",
}
_LANGID = {"zh-TW": "chinese", "zh-CN": "chinese", "zh": "chinese", "en": "english"}
# biblatex's thesis types, by the words a genre, publisher or title uses for the degree
THESIS_KINDS = (("phdthesis", DOCTORAL_THESIS_WORDS), ("mathesis", MASTERS_THESIS_WORDS))


def to_bibtex(bib: Bibliography, script: str = "keep") -> str:
    library = bibtexparser.Library()
    for item in convert(bib.items(), script):
        library.add(_entry(item))
    return bibtexparser.write_string(library, prepend_middleware=[LatexEscapeMiddleware()])


def _entry(item: dict) -> Entry:
    fields: list[Field] = []

    def add(key: str, value) -> None:
        if value not in (None, "", []):
            fields.append(Field(key, value))

    csl_type = item.get("type", "book")
    entry_type = _TYPES.get(csl_type, "misc")
    if entry_type == "book" and item.get("editor") and not item.get("author"):
        entry_type = "collection"
    for role in ("author", "editor", "translator"):
        add(role, item.get(role))
    add("title", item.get("title"))
    container = item.get("container-title")
    publisher = item.get("publisher")
    if entry_type in ("incollection", "inproceedings"):
        add("booktitle", container)
    elif entry_type == "article":
        add("journal", container)
    if csl_type == "article-newspaper":
        add("entrysubtype", "newspaper")
    if entry_type == "misc":
        add("type", csl_type)
        add("howpublished", _howpublished(item))
        add("organization", publisher)
    elif entry_type == "report":
        add("type", "Report")
        add("institution", publisher)
        add("note", item.get("collection-title"))
    elif entry_type == "thesis":
        add("type", _thesis_kind(item))
        add("institution", publisher or container)
    else:
        add("series", item.get("collection-title"))
        add("publisher", publisher)
    if entry_type != "misc":
        add("volume", item.get("volume"))
        add("number", item.get("issue"))
    add("pages", (item.get("page") or "").replace("-", "--"))
    add("address", item.get("publisher-place"))
    parts = issued_parts(item)
    if parts:
        add("year", str(parts[0]))
        add("date", "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts)))
        if len(parts) > 1:
            add("month", str(parts[1]))
    add("url", item.get("URL"))
    add("langid", _LANGID.get(item.get("language", ""), None))
    add("language", item.get("language"))
    if item.get("language", "").startswith("zh") and item.get("author"):
        add("key", _sort_key(item))
    return Entry(entry_type, item["id"], fields)


def _thesis_kind(item: dict) -> str:
    """phdthesis or mathesis when the degree is named, else the genre as written, else 'Thesis'."""
    text = " ".join(item.get(k, "") for k in ("genre", "publisher", "title")).casefold()
    kind = next((kind for kind, words in THESIS_KINDS if any(w in text for w in words)), None)
    return kind or item.get("genre") or "Thesis"


def _howpublished(item: dict) -> str | None:
    container = item.get("container-title")
    if not container:
        return None
    numbers = item.get("volume", "") + (f"({item['issue']})" if item.get("issue") else "")
    return f"{container} {numbers}".strip()


def _sort_key(item: dict) -> str:
    from pypinyin import Style, lazy_pinyin

    name = filed_name(item["author"][0])
    return " ".join(lazy_pinyin(name, style=Style.TONE3))
