"""Safe update of an existing bibliography file (.bib or CSL-JSON .json).

Entries already in the file are kept exactly as the user wrote them (text untouched, key kept);
works found in the documents but not in the file are appended; entries no longer cited are kept
and listed, and removed only with --prune. The citations of the run then use the file's keys.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field

import regex as re

from .patterns import compile_fast
from .rules import rule

from .bibliography import Bibliography, Work, key_suffix
from .errors import InputError
from .items import creators, display_name, issued_year
from .parse.names import family_key, names_close
from .values import match_key

_BRACES = compile_fast(r"[{}]")
BIBTEX_YEAR = rule(
    "bibtex_year",
    r"[0-9]{4}",
    "The year of a BibTeX entry, read from its year field or its biblatex date field.",
    examples=("2007", "{1999}", "2005-03-01", "民國91年 (2002)"),
    counterexamples=("n.d.", "99", "forthcoming"),
)


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
    added: bool = False  # added by an earlier update and not edited since


def update_bibliography(path: str, bib: Bibliography, prune: bool = False, script: str = "keep",
                        cited_keys: set[str] | frozenset[str] = frozenset()) -> UpdateResult:
    """The new content of PATH; bib's works take the keys of the entries they match.

    Pruning removes only entries that an earlier update added and nobody edited since (each is
    marked with a digest of its text), and never one whose key the documents still cite."""
    original = _read(path)
    is_json = path.lower().endswith(".json")
    existing = _parse_json(original, path) if is_json else _parse_bib(original, path)
    cited = set(cited_keys) | {work.item["id"] for work in bib.works}
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
    pruned = [e for e in unused if prune and e.added and e.key not in cited]
    result.pruned.extend(e.key for e in pruned)
    result.unused.extend(e.key for e in unused if e not in pruned)
    if not new_works and not result.pruned:
        return result
    result.changed = True
    eol = "\r\n" if "\r\n" in original else "\n"  # the file's own line endings
    if is_json:
        result.text = _json_text(original, [e for e in existing if e not in pruned], new_works, script, eol, bool(pruned))
    else:
        result.text = _bib_text(original, pruned, new_works, script, eol)
    return result


def _read(path: str) -> str:
    if not os.path.exists(path):
        return ""
    if not os.path.isfile(path):  # a FIFO would block the read, a device never ends
        raise InputError(f"{path}: --update needs a regular .bib or CSL-JSON file")
    try:
        with open(path, encoding="utf-8", newline="") as fh:  # CRLF stays CRLF
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
    marks = dict(m.split("=", 1) for block in ADDED_MARK.compiled.findall(text) for m in block.split() if "=" in m)
    out = []
    for entry in library.entries:
        fields = {k.lower(): f.value for k, f in entry.fields_dict.items()}
        title = _BRACES.sub("", str(fields.get("title", "")))
        names = _BRACES.sub("", str(fields.get("author") or fields.get("editor") or ""))
        first = names.split(" and ")[0].strip()
        family = family_key(first.split(",")[0]) if "," in first else family_key(first) if first else ""
        year = BIBTEX_YEAR.find(str(fields.get("year") or fields.get("date") or ""))
        out.append(_Existing(entry.key, match_key(title), family, int(year.group(0)) if year else None, raw=entry.raw,
                             added=marks.get(entry.key) == _digest(entry.raw)))
    return out


def _parse_json(text: str, path: str) -> list[_Existing]:
    if not text.strip():
        return []
    try:
        items = json.loads(text, parse_constant=_no_constant)
    except (json.JSONDecodeError, ValueError) as exc:
        reason = f"{exc.msg}, line {exc.lineno}" if isinstance(exc, json.JSONDecodeError) else str(exc)
        raise InputError(f"{path}: not valid JSON ({reason}); nothing was changed") from None
    if not isinstance(items, list):
        raise InputError(f"{path}: not a CSL-JSON list of items; nothing was changed")
    out = []
    for number, item in enumerate(items, 1):
        try:
            out.append(_json_entry(item))
        except (AttributeError, TypeError, IndexError, KeyError, ValueError):
            raise InputError(f"{path}: item {number} is not shaped like a CSL-JSON item (an object with "
                             "lists of name objects and date parts); nothing was changed") from None
    return out


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def _json_entry(item: dict) -> _Existing:
    names = creators(item)
    first = names[0] if names else {}
    family = family_key(display_name(first)) if first else ""  # as the bibliography keys its works
    custom = item.get("custom") or {}
    return _Existing(str(item.get("id")), match_key(item.get("title")), family, issued_year(item),
                     item=item, added=custom.get(_JSON_MARK) == _item_digest(item))


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


def _bib_text(original: str, pruned: list[_Existing], new_works: list[Work], script: str, eol: str) -> str:
    import bibtexparser

    from .export.bibtex import to_bibtex

    text = original  # the user's text stays byte for byte, but for pruned entries
    for entry in pruned:
        text = text.replace(entry.raw, "", 1)
    if not new_works:
        return text
    addition = to_bibtex(Bibliography(new_works), script).strip() + "\n"
    marks = " ".join(f"{e.key}={_digest(e.raw)}" for e in bibtexparser.parse_string(addition).entries)
    addition = (addition + f"\n@comment{{{_MARK_NAME}: {marks}}}\n").replace("\n", eol)
    if not text.strip():
        return addition
    return text + ("" if text.endswith("\n") else eol) + eol + addition


def _json_text(original: str, kept: list[_Existing], new_works: list[Work], script: str, eol: str,
               rewrite: bool) -> str:
    """New items appended before the closing bracket, the file's bytes kept; the whole list rewritten
    only when items were pruned."""
    from .export.script import convert

    added = convert([w.item for w in new_works], script)
    for item in added:
        item.setdefault("custom", {})[_JSON_MARK] = _item_digest(item)
    body = original.rstrip()
    if rewrite or not body:
        return _dump([e.item for e in kept] + added).replace("\n", eol) + eol
    close = body.rindex("]")  # the file parsed as a list: its last character is the closing bracket
    before = body[:close].rstrip()
    pieces = ("," + eol).join("  " + _dump(item).replace("\n", eol + "  ") for item in added)
    return before + ("" if before.endswith("[") else ",") + eol + pieces + eol + "]" + original[len(body):]


def _dump(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


_MARK_NAME = "cbmcite-added"
ADDED_MARK = rule(
    "added_mark_bibtex",
    r"@comment\{" + _MARK_NAME + r":([^}]*)\}",
    "The comment cbmcite writes after the entries it adds to a .bib file: their keys and digests.",
    examples=("@comment{cbmcite-added: Smith2001=0123456789ab Wang1999=ba9876543210}", "@COMMENT{cbmcite-added:}"),
    counterexamples=("@comment{jabref-meta: databaseType:bibtex;}", "cbmcite-added: Smith2001=0123456789ab"),
    flags=re.IGNORECASE,
)
_JSON_MARK = "cbmcite-added"


def _digest(raw: str) -> str:
    """The same for the same entry text, whatever the line endings."""
    return hashlib.sha1(raw.replace("\r\n", "\n").strip().encode("utf-8")).hexdigest()[:12]


def _item_digest(item: dict) -> str:
    plain = {k: v for k, v in item.items() if k != "custom"}
    return _digest(json.dumps(plain, ensure_ascii=False, sort_keys=True))
