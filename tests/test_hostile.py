"""Hostile inputs: each is handled in bounded time with a clear message, and the rest of the run goes on.

The time bounds are generous ceilings against quadratic blow-ups, not benchmarks (see benchmarks/).
"""
import json
import os
import signal
import time
import zipfile

import pytest

from cbmcite.cli import main
from cbmcite.output import atomic_output
from cbmcite.model import SourceText
from cbmcite.pipeline import extract_source

CEILING = 30  # seconds; each case takes well under 5 on the CI machine


def _timed(fn):
    start = time.perf_counter()
    value = fn()
    assert time.perf_counter() - start < CEILING
    return value


def test_20_mb_without_line_breaks():
    body = "兩岸軍事互信機制的研究日益增多，學者看法不一。" * 420_000
    result = _timed(lambda: extract_source(SourceText("big.txt", body, "utf-8")))
    assert result.notes == []


def test_a_20_mb_note_is_kept_but_not_parsed():
    text = "1 " + "Joseph Sheffield, Military, Alabama: AU Press, 2009, pp.7-8. " * 330_000
    result = _timed(lambda: extract_source(SourceText("note.txt", text, "utf-8")))
    assert len(result.notes) == 1 and result.notes[0].citations == []
    assert "not parsed for citations" in result.warnings[0]


def test_100000_notes():
    text = "正文。1\n\n" + "\n".join(f"{n} 同上。" if n > 1 else "1 楊永明，《書》（臺北：五南，2001），頁1。"
                                     for n in range(1, 100_001))
    result = _timed(lambda: extract_source(SourceText("many.txt", text, "utf-8")))
    assert len(result.notes) == 100_000
    assert result.notes[-1].status in ("ok", "missing_text")


def test_a_note_number_sequence_that_never_ends():
    text = "".join(f"{n}，" for n in range(1, 400_000))  # markers with no notes, forever
    result = _timed(lambda: extract_source(SourceText("seq.txt", text, "utf-8")))
    assert all(n.status == "missing_text" for n in result.notes)


def test_deeply_nested_braces_in_latex(tmp_path, runner):
    path = tmp_path / "deep.tex"
    path.write_text(r"Text\footnote{" + "{" * 200_000 + "x" + "}" * 200_000 + "} and \\footnote{" + "{" * 5000 + "\n",
                    "utf-8")
    result = _timed(lambda: runner.invoke(main, ["extract", str(path)]))
    assert result.exit_code == 0
    notes = json.loads(result.stdout)["documents"][0]["notes"]
    assert notes[0]["text"] == "x" and len(notes) == 1  # the unclosed second note is no note


def test_zip_bomb_docx_does_not_unpack(tmp_path, runner):
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" * (300 * 1024 * 1024))
    result = _timed(lambda: runner.invoke(main, ["extract", str(bomb)]))
    assert result.exit_code == 2 and "zip bomb" in result.stderr


def test_binary_junk_named_txt(tmp_path, runner):
    (tmp_path / "junk.txt").write_bytes(os.urandom(200_000))
    (tmp_path / "ok.txt").write_text("正文。1\n\n1 楊永明，〈論文〉，《期刊》，1999年，頁2。\n", "utf-8")
    result = runner.invoke(main, ["extract", str(tmp_path)])
    assert result.exit_code == 1
    assert "junk.txt:" in result.stderr and len(json.loads(result.stdout)["documents"]) == 1


def test_a_file_that_disappears_mid_run(tmp_path, runner, monkeypatch):
    import cbmcite.run as run

    (tmp_path / "a.txt").write_text("正文。1\n\n1 楊永明，〈論文〉，《期刊》，1999年，頁2。\n", "utf-8")
    (tmp_path / "b.txt").write_text("x", "utf-8")
    real = run.extract_document

    def vanish(path, encoding=None):
        if path.endswith("b.txt"):
            os.unlink(path)
        return real(path, encoding)

    monkeypatch.setattr(run, "extract_document", vanish)
    result = runner.invoke(main, ["extract", str(tmp_path), "-j", "1"])
    assert result.exit_code == 1 and "b.txt: No such file or directory" in result.stderr
    assert len(json.loads(result.stdout)["documents"]) == 1


def test_unwritable_output_path(tmp_path, runner):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    doc = tmp_path / "a.txt"
    doc.write_text("正文。1\n\n1 楊永明，〈論文〉，《期刊》，1999年，頁2。\n", "utf-8")
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere")
        result = runner.invoke(main, ["extract", str(doc), "-o", str(locked / "out.json")])
        assert result.exit_code == 2 and "cannot write" in result.stderr
    finally:
        locked.chmod(0o700)


def test_interrupt_leaves_no_half_written_file(tmp_path):
    target = tmp_path / "refs.bib"
    target.write_text("% the user's file\n", "utf-8")
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(str(target)) as fh:
            fh.write("@book{half")
            raise KeyboardInterrupt
    assert target.read_text("utf-8") == "% the user's file\n"
    assert os.listdir(tmp_path) == ["refs.bib"]


def test_sigint_during_a_run_leaves_no_temporary_file(tmp_path):
    import subprocess
    import sys

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    text = "正文。1\n\n1 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，1999年，頁2。\n" * 2000
    for n in range(40):
        (corpus / f"d{n}.txt").write_text(text, "utf-8")
    out = tmp_path / "out.json"
    proc = subprocess.Popen([sys.executable, "-m", "cbmcite.cli", "extract", str(corpus), "--format", "json", "-o", str(out),
                             "-j", "1", "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert not out.exists() or json.loads(out.read_text("utf-8"))
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".cbmcite-")]


def test_nul_characters_cannot_forge_bibliography_placeholders(tmp_path, runner):
    text = ("正文內容。1\n" + "x" * 9000 + "\n"
            "1 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期，1999年，頁1-23。另見\x00cbmcite-work-99999\x00。\n")
    path = tmp_path / "nul.txt"
    path.write_text(text, "utf-8")
    out = tmp_path / "out.json"
    result = runner.invoke(main, ["extract", str(path), "--format", "json", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    note = data["documents"][0]["notes"][0]
    assert "\x00" not in note["text"] and "cbmcite-work-99999" in note["text"]
    assert note["citations"][0]["entry"] in {item["id"] for item in data["bibliography"]}


def _hostile_folder_run(tmp_path, runner, builders, *options):
    import hostile_corpus
    from conftest import DEV_DOC

    bad, good = hostile_corpus.build(tmp_path / "hostile", DEV_DOC, builders)
    start = time.monotonic()
    result = runner.invoke(main, ["extract", str(tmp_path / "hostile"), "-q", "-j", "2", *options])
    return bad, good, result, time.monotonic() - start


def test_a_folder_of_hostile_files_names_each_and_reads_the_good_one(tmp_path, runner):
    import hostile_corpus

    bad, good, result, seconds = _hostile_folder_run(tmp_path, runner, hostile_corpus.FAST)
    assert seconds < CEILING and result.exit_code == 1 and "Traceback" not in result.output
    named = {line.split(": ")[1].rsplit("/", 1)[-1] for line in result.stderr.splitlines()}
    assert named == set(bad) - {"gap.tex"}  # the gap is an anomaly of a document that is read
    documents = {os.path.basename(d["path"]): d for d in json.loads(result.stdout)["documents"]}
    assert set(documents) == {good, "gap.tex"} and len(documents[good]["notes"]) > 50


def test_the_whole_hostile_folder_is_bounded_by_the_time_limit(tmp_path, runner):
    """Whatever the scanners and the PDF reader do with these, each is named within its time limit."""
    import hostile_corpus

    bad, good, result, seconds = _hostile_folder_run(tmp_path, runner, hostile_corpus.FAST + hostile_corpus.SLOW,
                                                     "--timeout", "3")
    assert seconds < CEILING and result.exit_code == 1 and "Traceback" not in result.output
    read = {os.path.basename(d["path"]) for d in json.loads(result.stdout)["documents"]}
    for name in bad:  # refused with a reason, or read (once the scanners are linear: as a document without notes)
        assert f"/{name}: " in result.stderr or name in read
    assert good in read


def test_a_mutation_fuzz_subset_finds_no_failure():
    """The fast share of tests/fuzz/fuzz.py (run it with --cases 10000 for the long run)."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "fuzz"))
    import fuzz

    report = fuzz.run(cases=60, seed=11, jobs=2, timeout=60, quiet=True)
    assert (report["internal_errors"], report["hangs"], report["crashes"]) == (0, 0, 0), report["problems"]
    json_problems = [p for p in report["problems"] if p[0] == "invalid" and not p[1].startswith("BibTeX")]
    assert not json_problems
    assert sum(sum(f.values()) for f in report["by_format"].values()) == 60


def test_pdf_bombs_are_refused_before_pdfium_reads_them(tmp_path, runner):
    """64 MB of drawing operators squeezed into 130 KB, and 200 MB of NUL: one line each, in seconds,
    not a worker killed at its time limit."""
    import hostile_corpus

    for name in hostile_corpus.bomb_pdfs(tmp_path):
        result = _timed(lambda: runner.invoke(main, ["extract", str(tmp_path / name), "-q"]))
        assert result.exit_code == 2 and "gave up" not in result.stderr
        assert f"{name}: refusing to inflate" in result.stderr or f"{name}: damaged PDF" in result.stderr
