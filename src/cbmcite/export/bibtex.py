"""BibTeX/biblatex through bibtexparser 2.x: biblatex types, langid, brace-protected CJK names."""
from __future__ import annotations

import bibtexparser

from ..patterns import compile_fast
from bibtexparser.model import Entry, Field

from ..bibliography import Bibliography
from ..items import issued_parts
from ..normalize import has_cjk
from .script import convert

_TYPES = {
    "article-journal": "article", "article-magazine": "article", "article-newspaper": "article",
    "book": "book", "chapter": "incollection", "paper-conference": "inproceedings", "thesis": "thesis",
    "report": "report", "webpage": "online", "legislation": "misc", "treaty": "misc", "document": "misc",
}
_LANGID = {"zh-TW": "chinese", "zh-CN": "chinese", "zh": "chinese", "en": "english"}


def to_bibtex(bib: Bibliography, script: str = "keep") -> str:
    library = bibtexparser.Library()
    for item in convert(bib.items(), script):
        library.add(_entry(item))
    return bibtexparser.write_string(library)


def _entry(item: dict) -> Entry:
    fields: list[Field] = []

    def add(key: str, value) -> None:
        if value not in (None, "", []):
            fields.append(Field(key, value))

    csl_type = item.get("type", "book")
    entry_type = _TYPES.get(csl_type, "misc")
    if entry_type == "book" and item.get("editor") and not item.get("author"):
        entry_type = "collection"
    add("author", _names(item.get("author")))
    add("editor", _names(item.get("editor")))
    add("translator", _names(item.get("translator")))
    add("title", _protect(item.get("title")))
    container = _protect(item.get("container-title"))
    publisher = _whole(item.get("publisher"))
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
        add("note", _protect(item.get("collection-title")))
    else:
        add("series", _protect(item.get("collection-title")))
        add("publisher", publisher)
    if entry_type != "misc":
        add("volume", item.get("volume"))
        add("number", item.get("issue"))
    add("pages", (item.get("page") or "").replace("-", "--"))
    add("address", _whole(item.get("publisher-place")))
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


def _howpublished(item: dict) -> str | None:
    container = item.get("container-title")
    if not container:
        return None
    numbers = item.get("volume", "") + (f"({item['issue']})" if item.get("issue") else "")
    return _protect(f"{container} {numbers}".strip())


def _whole(text: str | None) -> str | None:
    """Publisher and place are name lists in biblatex: 'Air Command and Staff College' is one name."""
    return "{" + text.replace("{", "(").replace("}", ")") + "}" if text else None


def _names(names: list[dict] | None) -> str | None:
    if not names:
        return None
    out = []
    for n in names:
        if "family" in n:
            out.append(f"{n['family']}, {n['given']}" if n.get("given") else n["family"])
        else:
            out.append("{" + n["literal"] + "}")  # CJK persons and institutions stay whole
    return " and ".join(out)


_KEEP_CASE = compile_fast(r"\b(?:[A-Z]{2,}[A-Za-z]*|[A-Za-z]+[A-Z][A-Za-z]*)\b")


def _protect(text: str | None) -> str | None:
    """Braces keep CJK and acronyms (CBMs, ExCOMM) from case changes."""
    if not text:
        return text
    text = text.replace("{", "(").replace("}", ")")
    if has_cjk(text):
        return "{" + text + "}"
    return _KEEP_CASE.sub(lambda m: "{" + m.group(0) + "}", text)


def _sort_key(item: dict) -> str:
    from pypinyin import Style, lazy_pinyin

    name = item["author"][0].get("literal") or item["author"][0].get("family", "")
    return " ".join(lazy_pinyin(name, style=Style.TONE3))
