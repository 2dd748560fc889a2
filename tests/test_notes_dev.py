"""The dev document against its hand-made gold: every note once, exact text, missing texts."""
from conftest import NO_NOTE_DOCS

from cbmcite import extract_document


def test_every_gold_note_found_once_with_exact_text(dev_result, gold):
    by_number = {}
    for note in dev_result.notes:
        assert str(note.number) not in by_number, f"note {note.number} emitted twice"
        by_number[str(note.number)] = note
    assert set(by_number) == set(gold)
    for number, g in gold.items():
        note = by_number[number]
        assert note.status == g["status"], number
        if g["status"] == "ok":
            assert note.text == g["text"], number


def test_repeated_blocks_are_counted_not_duplicated(dev_result):
    occurrences = {n.number: n.occurrences for n in dev_result.notes}
    assert occurrences[1] == 2 and occurrences[4] == 1 and occurrences[44] == 2
    assert occurrences[53] == 0  # marker only


def test_line_is_the_first_copy(dev_result):
    first = {n.number: n.line for n in dev_result.notes}
    assert first[1] == 57 and first[13] == 277 and first[53] == 1373


def test_documents_without_notes_yield_none():
    for path in NO_NOTE_DOCS:
        result = extract_document(str(path))
        assert result.notes == [] and result.anomalies == []
