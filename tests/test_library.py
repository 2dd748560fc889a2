"""The library API shaped for scale: a pure per-file map step and a merge, also under Dask."""
import sys
from pathlib import Path

import pytest
from conftest import DEV_DOC, FIXTURES, SYNTHETIC

import cbmcite

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def test_extract_document_is_pure_and_merge_is_order_independent_in_content():
    paths = [str(DEV_DOC), str(SYNTHETIC / "journal_zh.txt")]
    first = [cbmcite.extract_document(p) for p in paths]
    again = [cbmcite.extract_document(p) for p in paths]
    assert [len(d.notes) for d in first] == [len(d.notes) for d in again]
    forward = {i["id"] for i in cbmcite.merge(first).items()}
    backward = {i["id"] for i in cbmcite.merge(list(reversed(again))).items()}
    assert forward == backward


def test_dask_bag_local_scheduler_gives_the_same_bibliography(tmp_path):
    pytest.importorskip("dask.bag", reason="the dask extra is not installed (pip install 'cbmcite[dask]')")
    sys.path.insert(0, str(EXAMPLES))
    try:
        from dask_corpus import bibliography_of
    finally:
        sys.path.remove(str(EXAMPLES))
    for name in ("000_bf46f7b206d5c766.txt", "002_ae6cb72911263d64.txt"):
        (tmp_path / name).write_bytes((FIXTURES / name).read_bytes())
    (tmp_path / "journal_zh.txt").write_bytes((SYNTHETIC / "journal_zh.txt").read_bytes())
    documents, bib = bibliography_of(str(tmp_path), scheduler="processes", partitions=2)
    serial_docs = [cbmcite.extract_document(str(p)) for p in sorted(tmp_path.iterdir())]
    serial = cbmcite.merge(serial_docs)
    assert [d.path for d in documents] == [d.path for d in serial_docs]
    assert bib.items() == serial.items()


def test_merge_records_build_the_same_bibliography_as_whole_results():
    """Workers send MergeRecords (plain tuples) instead of notes; the reduce step must not notice."""
    import pickle

    from cbmcite.bibliography import BibliographyBuilder, merge_record, sign
    from cbmcite.export.notes_json import _cited_by

    docs = [sign(cbmcite.extract_document(str(p))) for p in (DEV_DOC, SYNTHETIC / "journal_zh.txt", DEV_DOC)]
    whole, compact = BibliographyBuilder(), BibliographyBuilder()
    numbers = [whole.add(doc) for doc in docs]
    records = [pickle.loads(pickle.dumps(merge_record(doc))) for doc in docs]
    assert [compact.add_record(record)[0] for record in records] == numbers
    a, b = whole.finish(), compact.finish()
    assert a.items() == b.items() and _cited_by(a) == _cited_by(b)
    assert any(work.mentions for work in b.works)  # resolved short forms were folded in too
