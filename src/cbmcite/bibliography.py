"""Merge the full citations of all documents into one bibliography with stable, readable keys."""
from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple


from .patterns import compile_fast

from .items import creators, display_name, issued_year
from .lexicon import COMPOUND_SURNAMES, KEY_STOP_WORDS, SURNAME_PINYIN
from .model import Citation, DocumentResult
from .normalize import repair_artifacts
from .parse.names import family_key, names_close
from .resolve import work_key
from .values import has_cjk, match_key

_HAN = compile_fast(r"\p{Han}")
_NOT_ALNUM = compile_fast(r"[^A-Za-z0-9]")

DEFAULT_KEY_PATTERN = "{author}{year}{title}"
_TEXT_FIELDS = ("title", "container-title", "publisher", "collection-title")
_STOP_WORDS = frozenset(KEY_STOP_WORDS)


Place = tuple[str, "int | str", int]  # (document, note, index of the citation in the note)


class Places:
    """Every place that cites a work, as columns of machine integers: about 30 bytes a citation
    instead of two tuples and a dict entry (~300 bytes), so a corpus run's memory follows the size of
    its bibliography rather than the number of citations (plus each document's path, once).

    Each work's places form a linked list through `following`, so reading them back in the order
    they were added needs no grouping pass at output time.
    """

    FULL, MENTION = 0, 1

    def __init__(self) -> None:
        self.paths: list[str] = []  # one per document read, in reading order
        self._odd_notes: list = []  # note numbers that are not non-negative ints ('*', '3a')
        self._odd_note_ids: dict = {}
        self.work, self.document, self.note, self.index = array("I"), array("I"), array("q"), array("I")
        self.following = array("q")  # next place of the same work and kind; -1 ends the list
        self._first = (array("q"), array("q"))  # per work, per kind: first and last place, -1 if none
        self._last = (array("q"), array("q"))
        self._starts, self._ends = array("q"), array("q")  # per document: its full citations' places

    def add_work(self) -> None:
        for column in (*self._first, *self._last):
            column.append(-1)

    def add_document(self, path: str) -> int:
        self.paths.append(path)
        self._starts.append(0)
        self._ends.append(0)
        return len(self.paths) - 1

    def add(self, kind: int, work: int, document: int, note: int | str, index: int) -> None:
        place = len(self.index)
        self.work.append(work)
        self.document.append(document)
        self.note.append(self._note_code(note))
        self.index.append(index)
        self.following.append(-1)
        first, last = self._first[kind], self._last[kind]
        if last[work] < 0:
            first[work] = place
        else:
            self.following[last[work]] = place
        last[work] = place

    def mark_fulls(self, document: int, start: int) -> None:
        """The places from start to the end are the full citations of document (for later short forms)."""
        self._starts[document], self._ends[document] = start, len(self.index)

    def __len__(self) -> int:
        return len(self.index)

    def work_at(self, path: str, note: str, index: int) -> int | None:
        """The work of an earlier document's full citation (note given as text); None if not one."""
        # cross mode reads the chapters of one work: a short scan, and the latest reading of a path wins
        document = next((d for d in range(len(self.paths) - 1, -1, -1) if self.paths[d] == path), None)
        if document is None:
            return None
        for place in range(self._starts[document], self._ends[document]):
            if self.index[place] == index and str(self._note(self.note[place])) == note:
                return self.work[place]
        return None

    def of(self, work: int, kind: int) -> list[Place]:
        out = []
        place = self._first[kind][work]
        while place >= 0:
            out.append((self.paths[self.document[place]], self._note(self.note[place]), self.index[place]))
            place = self.following[place]
        return out

    def _note_code(self, note: int | str) -> int:
        if type(note) is int and 0 <= note < 1 << 62:  # any other number goes to the table, like '*'
            return note
        code = self._odd_note_ids.get(note)
        if code is None:
            code = self._odd_note_ids[note] = -1 - len(self._odd_notes)
            self._odd_notes.append(note)
        return code

    def _note(self, code: int) -> int | str:
        return code if code >= 0 else self._odd_notes[-1 - code]


@dataclass
class Work:
    item: dict
    number: int = 0  # position in the bibliography, fixed when the work is first seen
    family: str = ""  # first creator's family name, folded
    year: int | None = None
    places: Places | None = field(default=None, repr=False, compare=False)  # where the builder keeps citations
    base: str | None = field(default=None, repr=False, compare=False)  # base_key(item), kept up to date

    @property
    def citations(self) -> list[Place]:
        """Its full citations, in the order they were read."""
        return self.places.of(self.number, Places.FULL) if self.places else []

    @property
    def mentions(self) -> list[Place]:
        """The short forms resolved to it, in the order they were read."""
        return self.places.of(self.number, Places.MENTION) if self.places else []


class Signature(NamedTuple):
    """What merging needs of a full citation; computed where the document was parsed (a worker).
    A tuple, because one crosses from a worker to the main process for every full citation."""

    key: str
    family: str
    year: int | None
    item: dict


@dataclass
class MergeRecord:
    """What the reduce step reads of one document, in plain tuples: a worker sends this instead of
    the document's note and citation objects, which cost more to pickle than to parse."""

    path: str
    fulls: list[tuple[int | str, int, Signature]] = field(default_factory=list)  # (note, index, signature)
    mentions: list[tuple[int | str, int, tuple[str, str, int]]] = field(default_factory=list)  # (note, index, target)


def _merged_citations(doc: DocumentResult):
    """What merging reads, in document order: (note, index, citation) of full citations and resolved short forms."""
    for note in doc.notes:
        for i, cit in enumerate(note.citations):
            if cit.form == "full" or cit.resolution == "resolved" and cit.resolves_to:
                yield note, i, cit


def merge_record(doc: DocumentResult) -> MergeRecord:
    """The document's MergeRecord (short-form targets as (document, note, index))."""
    record = MergeRecord(doc.path)
    for note, i, cit in _merged_citations(doc):
        if cit.form == "full":
            record.fulls.append((note.number, i, cit.signature or signature(cit)))
        else:
            target = cit.resolves_to
            record.mentions.append((note.number, i, (target["document"], str(target["note"]), target["index"])))
    return record


def signature(cit: Citation) -> Signature:
    item = _entry_item(cit)
    names = creators(item)
    family = family_key(display_name(names[0])) if names else ""
    return Signature(work_key(cit), family, issued_year(item), item)


def sign(doc: DocumentResult) -> DocumentResult:
    """Attach merge signatures to a document's full citations (the expensive part of merging)."""
    for note in doc.notes:
        for cit in note.citations:
            if cit.form == "full" and cit.signature is None:
                cit.signature = signature(cit)
    return doc


@dataclass
class Bibliography:
    works: list[Work]

    def items(self) -> list[dict]:
        return [w.item for w in self.works]

    def key(self, entry: str | None) -> str | None:
        """The citation key behind a placeholder entry (see BibliographyBuilder)."""
        m = _PLACEHOLDER.fullmatch(entry or "")
        return self.works[int(m.group(1))].item["id"] if m else entry

    def cited_by(self) -> Iterator[tuple[str, list[Place]]]:
        """(key, every place citing the work: full citations, then short forms), one work at a time.
        Keys are unique; were two works to share one, the key would keep its first position and the
        later work's places, as a dict built from these pairs would."""
        last = {w.item["id"]: w for w in self.works}
        for work in self.works:
            key = work.item["id"]
            if last.get(key) is not None:
                latest = last.pop(key)
                yield key, latest.citations + latest.mentions
                last[key] = None


_PLACEHOLDER = compile_fast("\x00cbmcite-work-([0-9]+)\x00")


def _placeholder(number: int) -> str:
    return f"\x00cbmcite-work-{number}\x00"


def placeholder_json(number: int) -> str:
    """_placeholder() as json.dumps writes it inside a string."""
    return f"\\u0000cbmcite-work-{number}\\u0000"


class BibliographyBuilder:
    """The reduce step, one document at a time: only the bibliography is held.

    Keys depend on every work (collisions get a/b), so citations carry a placeholder entry until
    finish(); Bibliography.key() and the notes JSON writer turn placeholders into keys.
    """

    def __init__(self, key_pattern: str = DEFAULT_KEY_PATTERN) -> None:
        self.key_pattern = key_pattern
        self.works: list[Work] = []
        self._index: dict[str, list[Work]] = {}
        self._places = Places()

    def add(self, doc: DocumentResult) -> list[int]:
        """Fold a document in and give its citations placeholder entries; returns the work number of
        each full citation, in document order."""
        numbers, targets = self.add_record(merge_record(doc))
        fulls, mentions = iter(numbers), iter(targets)
        for _, _, cit in _merged_citations(doc):  # the order merge_record() listed them in
            number = next(fulls) if cit.form == "full" else next(mentions)
            cit.entry = None if number is None else _placeholder(number)
        return numbers

    def add_record(self, record: MergeRecord) -> tuple[list[int], list[int | None]]:
        """Fold a document's MergeRecord in; returns the work numbers of its full citations and of the
        targets of its resolved short forms (None: the target is not a known full citation)."""
        places = self._places
        document = places.add_document(record.path)
        start = len(places)
        fulls, here = [], {}
        for note, i, sig in record.fulls:
            number = self._fold(sig)
            places.add(Places.FULL, number, document, note, i)
            here[(str(note), i)] = number
            fulls.append(number)
        places.mark_fulls(document, start)
        mentions = []
        for note, i, (path, target_note, target_index) in record.mentions:
            if path == record.path:
                number = here.get((target_note, target_index))
            else:  # an earlier chapter (cross mode)
                number = places.work_at(path, target_note, target_index)
            if number is not None:
                places.add(Places.MENTION, number, document, note, i)
            mentions.append(number)
        return fulls, mentions

    def _fold(self, sig: Signature) -> int:
        family, year = sig.family, sig.year
        for work in self._index.get(sig.key, ()):
            if family and work.family and year is not None and work.year is not None and work.year != year:
                continue  # as _same_creators decides it (the years conflict), without the call: the usual miss
            if _same_creators(work, sig):
                size = len(work.item)
                _enrich(work.item, sig.item)
                if len(work.item) != size:  # a field was added: the key may read it
                    work.base = base_key(work.item, self.key_pattern)
                return work.number
        work = Work(item=dict(sig.item), number=len(self.works), family=sig.family, year=sig.year,
                    places=self._places)
        work.base = base_key(work.item, self.key_pattern)  # now, while workers are still busy
        self.works.append(work)
        self._places.add_work()
        self._index.setdefault(sig.key, []).append(work)
        return work.number

    def finish(self) -> Bibliography:
        _assign_keys(self.works, self.key_pattern)
        return Bibliography(self.works)


def merge(results: list[DocumentResult]) -> Bibliography:
    """Every full citation of every document, each work once; citations get their entry keys."""
    builder = BibliographyBuilder()
    for doc in results:
        builder.add(doc)
    bib = builder.finish()
    for doc in results:
        for note in doc.notes:
            for cit in note.citations:
                cit.entry = bib.key(cit.entry)
    return bib


def _same_creators(work: Work, sig: Signature) -> bool:
    """Same first creator (typos allowed) and no conflicting year: 'Krepon' = 'Krepon, Khoja, …'."""
    if not work.family or not sig.family:
        return work.family == sig.family
    years_agree = work.year is None or sig.year is None or work.year == sig.year
    return years_agree and names_close(work.family, sig.family)


def _entry_item(cit: Citation) -> dict:
    item = {k: v for k, v in cit.csl.items() if v not in (None, "", [])}
    for key in _TEXT_FIELDS:
        if isinstance(item.get(key), str):
            item[key] = repair_artifacts(item[key])
    return item


def _enrich(item: dict, other: dict) -> None:
    """Keep the first citation's text; add what a later, fuller citation states (e.g. 'in … ed.')."""
    if other.get("type") == "chapter" and item.get("type") != "chapter" and other.get("container-title"):
        item["type"] = "chapter"
    if other.keys() <= item.keys():  # the usual case: the work cited again, nothing new in it
        return
    for key, value in other.items():
        item.setdefault(key, value)


# --- keys -----------------------------------------------------------------------------------

def _assign_keys(works: list[Work], pattern: str = DEFAULT_KEY_PATTERN) -> None:
    groups: dict[str, list[Work]] = {}
    for work in works:
        groups.setdefault(work.base or base_key(work.item, pattern), []).append(work)
    for base, group in groups.items():
        if len(group) == 1:
            group[0].item["id"] = base
            continue
        # the suffix order depends on the works themselves, never on the order of processing
        for n, work in enumerate(sorted(group, key=lambda w: _identity(w.item))):
            work.item["id"] = base + key_suffix(n)
    for work in works:
        work.item["citation-key"] = work.item["id"]


def key_suffix(n: int) -> str:
    """a, b, …, z, aa: what tells apart works whose keys collide."""
    letters = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(ord("a") + r) + letters
    return letters


def _identity(item: dict) -> str:
    import hashlib  # here: only colliding keys need it, and loading OpenSSL costs every run

    raw = "|".join([match_key(item.get("title")), str(item.get("issued")), match_key(str(item.get("author")))])
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


def base_key(item: dict, pattern: str = DEFAULT_KEY_PATTERN) -> str:
    """surname + year + first title word, in [a-z0-9] only: yang1999xinxin, sheffield2009military.

    pattern may order {author}, {year} and {title} differently and add literal letters and digits
    (anything else is left out: a key must be valid in BibTeX, LaTeX, pandoc and file names)."""
    names = creators(item)
    who = _surname_ascii(names[0]) if names else ""
    year = issued_year(item)
    year = "" if year is None else str(year)
    title_word = _title_word(item.get("title") or item.get("container-title") or "")
    if not who:  # no creator: the title word leads, so keys never start with a digit
        return f"{title_word or 'anon'}{year}"
    key = _ascii(pattern.format(author=who, year=year, title=title_word)) or "anon"
    return key if key[:1].isalpha() else "k" + key


def _surname_ascii(name: dict) -> str:
    if "family" in name:
        return _ascii(name["family"])
    literal = name.get("literal", "")
    if has_cjk(literal):
        return _ascii("".join(SURNAME_PINYIN.get(ch) or _pinyin(ch) for ch in chinese_surname(literal)))
    words = [w for w in (_ascii(t) for t in literal.split()) if w and w not in _STOP_WORDS]
    return "".join(w[0] for w in words) if len(words) > 2 else "".join(words)


def chinese_surname(name: str) -> str:
    """The surname of a Chinese name written whole: a compound surname (歐陽, 司馬) or the first character."""
    return next((c for c in COMPOUND_SURNAMES if name.startswith(c)), name[:1])


def _title_word(title: str) -> str:
    if has_cjk(title):
        han = _HAN.findall(title)[:2]
        return _ascii("".join(_pinyin(ch) for ch in han))
    for word in (_ascii(w) for w in title.split()):
        if word and word not in _STOP_WORDS:
            return word
    return ""


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return _NOT_ALNUM.sub("", "".join(c for c in decomposed if not unicodedata.combining(c))).lower()


def _pinyin(ch: str) -> str:
    from pypinyin import Style, lazy_pinyin

    return "".join(lazy_pinyin(ch, style=Style.NORMAL, v_to_u=False)).replace("ü", "v").lower()
