"""Safe update of an existing bibliography file (.bib or CSL-JSON .json).

Entries already in the file are kept exactly as the user wrote them (text untouched, key kept);
works found in the documents but not in the file are appended; entries no longer cited are kept
and listed, and removed only with --prune. The citations of the run then use the file's keys.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

import regex as re

from .patterns import compile_fast

from .bibliography import Bibliography, Work, key_suffix
from .errors import InputError
from .items import creators, issued_year
from .normalize import match_key
from .parse.names import family_key, names_close

_BRACES = compile_fast(r"[{}]")


@dataclass
class UpdateResult:
    text: str  # the new file content
    changed: bool
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    unused: list[str] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.unchanged)} unchanged",
                 f"{len(self.unused)} kept unused" + (f" ({', '.join(self.unused)})" if self.unused else "")]
        if self.pruned:
            parts.append(f"{len(self.pruned)} pruned ({', '.join(self.pruned)})")
        return ", ".join(parts)


@dataclass
class _Existing:
    key: str
    title: str
    family: str
    year: int | None
    raw: str | None = None  # .bib block text
    item: dict | None = None  # CSL-JSON item


def update_bibliography(path: str, bib: Bibliography, prune: bool = False, script: str = "keep") -> UpdateResult:
    """The new content of PATH; bib's works take the keys of the entries they match."""
    original = _read(path)
    is_json = path.lower().endswith(".json")
    existing = _parse_json(original, path) if is_json else _parse_bib(original, path)
    matched: set[str] = set()
    result = UpdateResult(text=original, changed=False)
    new_works: list[Work] = []
    for work in bib.works:
        entry = _match(work, existing, matched)
        if entry is None:
            new_works.append(work)
            continue
        matched.add(entry.key)
        result.unchanged.append(entry.key)
        _rename(work, entry.key)
    taken = {e.key for e in existing}
    for work in new_works:
        _rename(work, _free_key(work.item["id"], taken))
        taken.add(work.item["id"])
        result.added.append(work.item["id"])
    unused = [e for e in existing if e.key not in matched]
    (result.pruned if prune else result.unused).extend(e.key for e in unused)
    if not new_works and not result.pruned:
        return result
    result.changed = True
    kept = [e for e in existing if e.key in matched or not prune]
    result.text = _json_text(kept, new_works, script) if is_json else _bib_text(original, unused if prune else [], new_works, script)
    return result


def _read(path: str) -> str:
    if not os.path.exists(path):
        return ""
    try:
        with open(path, encoding="utf-8") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the bibliography to update ({exc})") from None


def _parse_bib(text: str, path: str) -> list[_Existing]:
    import bibtexparser

    library = bibtexparser.parse_string(text)
    if library.failed_blocks:
        line = library.failed_blocks[0].start_line + 1
        raise InputError(f"{path}: {len(library.failed_blocks)} block(s) cannot be parsed (first at line {line}); "
                         "nothing was changed")
    out = []
    for entry in library.entries:
        fields = {k.lower(): f.value for k, f in entry.fields_dict.items()}
        title = _BRACES.sub("", str(fields.get("title", "")))
        names = _BRACES.sub("", str(fields.get("author") or fields.get("editor") or ""))
        first = names.split(" and ")[0].strip()
        family = match_key(first.split(",")[0]) if "," in first else family_key(first) if first else ""
        year = re.search(r"[0-9]{4}", str(fields.get("year") or fields.get("date") or ""))
        out.append(_Existing(entry.key, match_key(title), family, int(year.group(0)) if year else None, raw=entry.raw))
    return out


def _parse_json(text: str, path: str) -> list[_Existing]:
    if not text.strip():
        return []
    try:
        items = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg}, line {exc.lineno}); nothing was changed") from None
    if not isinstance(items, list):
        raise InputError(f"{path}: not a CSL-JSON list of items; nothing was changed")
    out = []
    for item in items:
        names = creators(item)
        first = names[0] if names else {}
        family = match_key(first.get("family")) if "family" in first else family_key(first.get("literal", "")) if first else ""
        out.append(_Existing(str(item.get("id")), match_key(item.get("title")), family, issued_year(item), item=item))
    return out


def _match(work: Work, existing: list[_Existing], taken: set[str]) -> _Existing | None:
    """The same work: same folded title (case, punctuation and script aside), first creator and year."""
    title = match_key(work.item.get("title"))
    for entry in existing:
        if entry.key in taken or not title or entry.title != title:
            continue
        years_agree = entry.year is None or work.year is None or entry.year == work.year
        creators_agree = not entry.family or not work.family or names_close(entry.family, work.family)
        if years_agree and creators_agree:
            return entry
    for entry in existing:  # the user edited the title but kept our key
        if entry.key == work.item["id"] and entry.key not in taken and (entry.family == work.family or not work.family):
            return entry
    return None


def _rename(work: Work, key: str) -> None:
    work.item["id"] = key
    work.item["citation-key"] = key


def _free_key(key: str, taken: set[str]) -> str:
    if key not in taken:
        return key
    n = 1
    while key + key_suffix(n) in taken:
        n += 1
    return key + key_suffix(n)


def _bib_text(original: str, pruned: list[_Existing], new_works: list[Work], script: str) -> str:
    from .export.bibtex import to_bibtex

    text = original  # the user's text stays byte for byte, but for pruned entries
    for entry in pruned:
        text = text.replace(entry.raw, "", 1)
    if not new_works:
        return text
    addition = to_bibtex(Bibliography(new_works), script).strip() + "\n"
    if not text.strip():
        return addition
    return text + ("" if text.endswith("\n") else "\n") + "\n" + addition


def _json_text(kept: list[_Existing], new_works: list[Work], script: str) -> str:
    from .export.script import convert

    items = [e.item for e in kept] + convert([w.item for w in new_works], script)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"
