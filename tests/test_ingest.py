"""Encodings: UTF-8 (BOM or not), UTF-16, Big5/CP950 and GB18030 copies give the same notes."""
import codecs

import pytest
from conftest import DEV_DOC

from cbmcite import extract_document
from cbmcite.ingest import InputError, collect_paths, natural_key
from cbmcite.ingest.text import decode_bytes

TEXT = DEV_DOC.read_text("utf-8")


def _notes(result):
    return [(n.number, n.status, n.text) for n in result.notes]


@pytest.fixture(scope="module")
def reference():
    return _notes(extract_document(str(DEV_DOC)))


@pytest.mark.parametrize("codec", ["cp950", "gb18030"])
def test_legacy_encoded_copy_extracts_the_same_notes(tmp_path, reference, codec):
    path = tmp_path / f"copy-{codec}.txt"
    # Big5 lacks a few characters of the article (e.g. the simplified 机): a real Big5 file cannot hold them either
    path.write_bytes(TEXT.encode(codec, errors="replace") if codec == "cp950" else TEXT.encode(codec))
    result = extract_document(str(path))
    assert result.encoding == codec
    expected = reference if codec == "gb18030" else _notes(extract_document_text(TEXT.encode(codec, errors="replace").decode(codec)))
    assert _notes(result) == expected


def extract_document_text(text):
    from cbmcite.model import SourceText
    from cbmcite.pipeline import extract_source

    return extract_source(SourceText("x.txt", text, "utf-8"))


@pytest.mark.parametrize("prefix,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                          (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(tmp_path, reference, prefix, codec):
    path = tmp_path / "bom.txt"
    path.write_bytes(prefix + TEXT.encode(codec))
    assert _notes(extract_document(str(path))) == reference


def test_crlf_line_ends_keep_line_numbers(tmp_path, reference):
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    result = extract_document(str(path))
    assert _notes(result) == reference
    assert result.notes[0].line == 57


def test_simplified_gb18030_is_not_mistaken_for_big5():
    text = "吴承明：《论二元经济》，《历史研究》，1994年第2期，第98页。两岸关系与军事互信机制的发展。" * 5
    decoded, codec = decode_bytes(text.encode("gb18030"))
    assert codec == "gb18030" and decoded == text


def test_explicit_encoding_overrides_detection():
    data = "楊永明".encode("big5")
    assert decode_bytes(data, "big5")[0] == "楊永明"
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(data, "no-such-codec")
    with pytest.raises(InputError, match="not valid utf-8"):
        decode_bytes(data, "utf-8")


def test_binary_junk_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(256)) * 20)


def test_folder_in_natural_order(tmp_path):
    for name in ("ch10.txt", "ch2.txt", "ch1.txt", "notes.pdf.bak"):
        (tmp_path / name).write_text("x", "utf-8")
    files, problems, skipped = collect_paths([str(tmp_path)])
    assert [p.rsplit("/", 1)[1] for p in files] == ["ch1.txt", "ch2.txt", "ch10.txt"]
    assert problems == []
    assert natural_key("第2章") < natural_key("第10章")


def test_missing_path_and_empty_folder_are_reported(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    files, problems, _ = collect_paths([str(tmp_path / "nope.txt"), str(empty)])
    assert files == []
    assert [reason for _, reason in problems][0] == "no such file or directory"
    assert "no readable documents" in problems[1][1]
