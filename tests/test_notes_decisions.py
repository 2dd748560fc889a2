"""The note-start and continuation tables: every row decides its own examples, and a start row's
verdict is what detect_notes does with the line."""
import pytest

from cbmcite.notes import (CONTINUATION_DECISIONS, NOTE_NUMBER_START, NOTE_START_DECISIONS, Verdict, detect_notes,
                           line_decisions)

TABLES = {"start": NOTE_START_DECISIONS, "continuation": CONTINUATION_DECISIONS}
CASES = [(table, row, example) for table, rows in TABLES.items() for row in rows for example in row.examples]


def test_rows_are_named_documented_and_exemplified():
    for rows in TABLES.values():
        assert len({row.name for row in rows}) == len(rows)
        assert all(row.doc and row.examples for row in rows)


@pytest.mark.parametrize("table,row,example", CASES, ids=[f"{t}:{r.name}:{e[-24:]}" for t, r, e in CASES])
def test_row_decides_its_examples(table, row, example):
    decided = [d.name for d in line_decisions(example.split("\n"))]
    assert row.name in decided


@pytest.mark.parametrize("row", NOTE_START_DECISIONS, ids=lambda r: r.name)
def test_start_verdicts_are_what_detection_does(row):
    """The candidate line's text is a note's text exactly when its row says START."""
    for example in row.examples:
        last = example.split("\n")[-1]
        rest = NOTE_NUMBER_START.find(last)["rest"].strip()
        texts = [n.text for n in detect_notes(example).notes]
        assert any(t and t.startswith(rest) for t in texts) is (row.verdict is Verdict.START), texts
