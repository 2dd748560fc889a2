"""Every format yields the notes written into it, and check reports the same problems for each."""
import json
import zipfile

import pytest
from article_formats import MISSING, NOTES, PARAGRAPHS, WRITERS, make_docx, write_docx, write_pdf

from cbmcite import extract_document
from cbmcite.cli import main
from cbmcite.ingest import InputError, read_document

FORMATS = list(WRITERS)


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    return {fmt: WRITERS[fmt](folder / f"article.{fmt}") for fmt in FORMATS}


def _expected_text(fmt, n):
    if fmt == "pdf" and n == 4:
        return NOTES[4].rstrip("。") + "，（續）另見該書第二章。"
    return NOTES[n]


@pytest.mark.parametrize("fmt", FORMATS)
def test_each_format_yields_the_notes_written_into_it(article, fmt):
    result = extract_document(str(article[fmt]))
    by_number = {n.number: n for n in result.notes}
    assert sorted(by_number) == list(range(1, 9))
    for n in NOTES:
        assert by_number[n].text == _expected_text(fmt, n), (fmt, n)
    assert by_number[MISSING].status == "missing_text"


@pytest.mark.parametrize("fmt", FORMATS)
def test_chains_resolve_the_same_in_every_format(article, fmt):
    notes = {n.number: n for n in extract_document(str(article[fmt])).notes}
    assert notes[2].citations[0].resolves_to["note"] == 1
    assert notes[5].citations[0].resolves_to["note"] == 4
    assert notes[6].citations[0].resolves_to["note"] == 4  # Ibid. after a 前引書 follows it
    assert notes[7].citations[0].resolution == "unresolved"


def test_check_reports_the_same_problems_whatever_the_format(article, runner):
    reports = {}
    for fmt in FORMATS:
        result = runner.invoke(main, ["check", str(article[fmt]), "--format", "json"])
        assert result.exit_code == 1, (fmt, result.output)
        findings = json.loads(result.stdout)["findings"]
        # input warnings differ by format (Markdown names the undefined [^8]); the note problems do not
        reports[fmt] = sorted((f["note"], f["what"], f["severity"]) for f in findings if f["what"] != "input")
    assert all(r == reports["docx"] for r in reports.values()), reports
    assert reports["docx"] == [(7, "op. cit.", "error"), (8, "missing text", "error")]


def test_mixed_folder_in_one_run(article, runner, tmp_path):
    for fmt, path in article.items():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "notes.odt").write_text("not read", "utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path), "--format", "json", "-v"])
    assert result.exit_code == 0, result.stderr
    docs = json.loads(result.stdout)["documents"]
    assert sorted(d["path"].rsplit(".", 1)[1] for d in docs) == sorted(FORMATS)
    assert "notes.odt: skipped" in result.stderr


def test_docx_word_numbering_and_location(article):
    result = extract_document(str(article["docx"]))
    assert [n.line for n in result.notes][:2] == [1, 1]  # paragraph index of the reference
    assert result.encoding == "docx"


def test_latex_footnotemark_and_cite_keys(tmp_path):
    tex = tmp_path / "a.tex"
    tex.write_text(r"Text\footnotemark{} more\footnotetext{See \cite[p.~3]{waltz1979, keohane1977}.}"
                   r" and\footnote[7]{\textit{Id.}, p. 4.}" "\n", "utf-8")
    notes = {n.number: n for n in extract_document(str(tex)).notes}
    assert notes[1].text == r"See \cite{waltz1979,keohane1977}, p. 3."  # the locator kept as written
    assert [c.form for c in notes[1].citations] == ["key", "key"]
    assert [c.entry for c in notes[1].citations] == ["waltz1979", "keohane1977"]
    assert notes[7].text == "Id., p. 4."


def test_pdf_running_heads_and_page_numbers_are_dropped(article):
    source = read_document(str(article["pdf"]))
    assert "問題與研究　第38卷第6期" not in source.text
    assert all(not line.strip().isdigit() for line in source.text.splitlines())


@pytest.mark.parametrize("make,reason", [
    (lambda p: p.write_bytes(b""), "empty file"),
    (lambda p: p.write_bytes(b"PK\x03\x04 truncated"), "not a valid zip"),
])
def test_damaged_docx(tmp_path, make, reason):
    path = tmp_path / "bad.docx"
    make(path)
    with pytest.raises(InputError, match=reason):
        read_document(str(path))


def test_truncated_docx(article, tmp_path):
    data = article["docx"].read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match="zip"):
        read_document(str(path))


def test_docx_notes_part_is_found_through_its_relationship(tmp_path):
    path = make_docx(tmp_path / "renamed.docx", PARAGRAPHS, NOTES, notes_part="/word/notes/fn1.xml")
    with zipfile.ZipFile(path) as archive:
        assert "word/footnotes.xml" not in archive.namelist()
    notes = {n.number: n.text for n in extract_document(str(path)).notes}
    assert all(notes[n] == NOTES[n] for n in NOTES)


def test_docx_without_footnotes_part_warns(tmp_path):
    path = write_docx(tmp_path / "full.docx")
    stripped = tmp_path / "nofoot.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stripped, "w") as dst:
        for item in src.infolist():
            if item.filename != "word/footnotes.xml":
                dst.writestr(item, src.read(item.filename))
    result = extract_document(str(stripped))
    assert result.warnings == ["has note references but no footnotes or endnotes part"]
    assert {n.status for n in result.notes} == {"missing_text"}


def test_zip_bomb_docx_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"\0" * (60 * 1024 * 1024))
    with pytest.raises(InputError, match="zip bomb"):
        read_document(str(path))


def test_encrypted_and_damaged_pdf(tmp_path):
    pytest.importorskip("reportlab")
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=StandardEncryption("secret", canPrint=0))
    c.drawString(72, 700, "secret text")
    c.save()
    with pytest.raises(InputError, match="encrypted"):
        read_document(str(path))
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(write_pdf(tmp_path / "ok.pdf").read_bytes()[:300])
    with pytest.raises(InputError, match="damaged|no text"):
        read_document(str(broken))


def test_image_only_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(100, 100, 200, 200, fill=1)
    c.save()
    with pytest.raises(InputError, match="image-only"):
        read_document(str(path))


def test_damaged_files_do_not_stop_the_folder(article, runner, tmp_path):
    (tmp_path / "good.md").write_bytes(article["md"].read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "cut.docx").write_bytes(article["docx"].read_bytes()[:500])
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 nonsense")
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len([l for l in lines if "empty.txt" in l or "cut.docx" in l or "broken.pdf" in l]) == 3
    assert all(l.count("\n") == 0 and "Traceback" not in l for l in lines)
    assert len(json.loads(result.stdout)["documents"]) == 1
