"""The reduce step keeps where each work is cited compactly, and gives the places back in reading order."""
import tracemalloc

from cbmcite.bibliography import BibliographyBuilder, MergeRecord, Signature
from cbmcite.export.notes_json import _cited_by


def _signature(family: str, year: int, title: str) -> Signature:
    item = {"type": "book", "author": [{"family": family, "given": "A."}], "title": title,
            "issued": {"date-parts": [[year]]}}
    return Signature(f"{family.lower()}|{title.lower()}", family.lower(), year, item)


WALTZ = _signature("Waltz", 1979, "Theory of International Politics")
KEOHANE = _signature("Keohane", 1984, "After Hegemony")


def _chapter(path: str, earlier: str | None = None) -> MergeRecord:
    """Two works cited in full, an Ibid. in a starred note, and (cross mode) a short form of an earlier chapter."""
    record = MergeRecord(path)
    record.fulls = [(1, 0, WALTZ), (2, 0, KEOHANE), (2, 1, WALTZ)]
    record.mentions = [(3, 0, (path, "1", 0)), ("*", 0, (path, "2", 0)), (4, 0, (path, "9", 0))]
    if earlier:
        record.mentions.append((5, 0, (earlier, "2", 0)))
    return record


def test_places_come_back_in_reading_order_with_note_numbers_as_written():
    builder = BibliographyBuilder()
    first = builder.add_record(_chapter("ch1.txt"))
    second = builder.add_record(_chapter("ch2.txt", earlier="ch1.txt"))
    assert first == ([0, 1, 0], [0, 1, None])  # a short form whose target is no full citation gets no work
    assert second == ([0, 1, 0], [0, 1, None, 1])  # the earlier chapter's note 2 is Keohane
    bib = builder.finish()
    waltz, keohane = bib.works
    assert waltz.citations == [("ch1.txt", 1, 0), ("ch1.txt", 2, 1), ("ch2.txt", 1, 0), ("ch2.txt", 2, 1)]
    assert waltz.mentions == [("ch1.txt", 3, 0), ("ch2.txt", 3, 0)]
    assert keohane.mentions == [("ch1.txt", "*", 0), ("ch2.txt", "*", 0), ("ch2.txt", 5, 0)]
    cited = _cited_by(bib)
    assert list(cited) == [waltz.item["id"], keohane.item["id"]]
    assert cited[keohane.item["id"]][-1] == {"document": "ch2.txt", "note": 5, "index": 0}


def test_memory_follows_the_bibliography_not_the_number_of_citations():
    builder = BibliographyBuilder()
    for n in range(200):
        builder.add_record(_chapter(f"warm{n}.txt"))
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    documents = 2000
    for n in range(documents):
        builder.add_record(_chapter(f"doc{n:05d}.txt"))
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    citations = 5 * documents  # three full citations and two resolved short forms each
    per_document = 100  # its path, kept once, and where its full citations are
    assert grown < documents * per_document + citations * 40  # a tuple and a dict entry each took ~300 bytes
    assert len(builder.finish().works) == 2
