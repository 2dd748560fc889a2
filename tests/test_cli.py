"""The command line: formats, exit codes, one-line errors, atomic output, check reports."""
import json
import os
import subprocess
import sys

from conftest import DEV_DOC, NO_NOTE_DOCS

from cbmcite.cli import main


def test_version(runner):
    result = runner.invoke(main, ["--version"])
    assert result.exit_code == 0 and "cbmcite" in result.output


def test_extract_json_to_stdout(runner):
    result = runner.invoke(main, ["extract", str(DEV_DOC)])
    assert result.exit_code == 0
    data = json.loads(result.output)
    doc = data["documents"][0]
    assert doc["encoding"] == "utf-8" and len(doc["notes"]) == 56 and data["bibliography"]


def test_extract_formats(runner):
    bib = runner.invoke(main, ["extract", str(DEV_DOC), "--format", "bibtex"])
    assert bib.exit_code == 0 and "@book{sheffield2009militarytomilitary," in bib.output
    csl = runner.invoke(main, ["extract", str(DEV_DOC), "--format", "csl-json"])
    assert csl.exit_code == 0 and isinstance(json.loads(csl.output), list)


def test_one_bad_file_does_not_stop_a_folder(runner, tmp_path):
    (tmp_path / "a.txt").write_text(DEV_DOC.read_text("utf-8"), "utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 10)
    result = runner.invoke(main, ["extract", str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    errors = result.stderr.strip().splitlines()
    assert any("b.txt: binary file" in e for e in errors) and any("missing.txt: no such file" in e for e in errors)
    assert all(e.startswith("cbmcite: ") for e in errors)
    assert len(json.loads(result.stdout)["documents"]) == 1


def test_nothing_readable_exits_2(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(tmp_path / "nope")])
    assert result.exit_code == 2 and "no such file or directory" in result.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(main, ["extract", str(empty)])
    assert result.exit_code == 2 and "no readable documents" in result.stderr
    assert runner.invoke(main, ["extract"]).exit_code == 2


def test_output_written_atomically_and_previous_file_kept(runner, tmp_path):
    out = tmp_path / "refs.bib"
    out.write_text("% my own notes\n", "utf-8")
    result = runner.invoke(main, ["extract", str(DEV_DOC), "--format", "bibtex", "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text("utf-8").startswith("@")
    assert (tmp_path / "refs.bib.bak").read_text("utf-8") == "% my own notes\n"
    assert not [p for p in os.listdir(tmp_path) if p.startswith(".cbmcite-")]


def test_unwritable_output_is_one_line_error(runner, tmp_path):
    result = runner.invoke(main, ["extract", str(DEV_DOC), "-o", str(tmp_path / "no" / "dir" / "x.json")])
    assert result.exit_code == 2 and "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_check_dev_document_reports_its_real_problems(runner):
    result = runner.invoke(main, ["check", str(DEV_DOC), "--format", "json"])
    assert result.exit_code == 1
    report = json.loads(result.output)
    errors = [f for f in report["findings"] if f["severity"] == "error"]
    assert sorted(f["note"] for f in errors) == [29, 38, 53, 54, 55, 56]
    assert {f["what"] for f in errors} == {"Ibid.", "op. cit.", "missing text"}
    warnings = [f for f in report["findings"] if f["severity"] == "warning"]
    assert {f["note"] for f in warnings} == {15}  # Perderson / Pederson, and the missing 'in … ed.'
    assert report["summary"]["notes"] == 56 and report["summary"]["missing_text"] == 4


def test_check_text_format_for_editors(runner):
    result = runner.invoke(main, ["check", str(DEV_DOC), "--format", "text"])
    assert result.exit_code == 1
    assert f"{DEV_DOC}:1091: error: note 38: op. cit.: no earlier work by Henry D. Sokolski" in result.output


def test_check_clean_documents_exit_0(runner):
    result = runner.invoke(main, ["check", *map(str, NO_NOTE_DOCS), "--format", "text"])
    assert result.exit_code == 0 and "0 errors, 0 warnings" in result.output


def test_check_strict_fails_on_warnings(runner, tmp_path):
    doc = tmp_path / "w.txt"
    doc.write_text("正文。1再續。2\n\n1 A. Author, Title One, Place: Press, 2001, p.1.\n"
                   "2 A. Autor, Title One, Place: Press, 2001, p.2.\n", "utf-8")
    assert runner.invoke(main, ["check", str(doc), "--format", "text"]).exit_code == 0
    assert runner.invoke(main, ["check", str(doc), "--format", "text", "--strict"]).exit_code == 1


def test_report_into_a_pipe_is_plain_text_without_boxes():
    runs = [subprocess.run([sys.executable, "-m", "cbmcite.cli", "check", str(DEV_DOC), *fmt], capture_output=True,
                           text=True, timeout=120) for fmt in ([], ["--format", "text"])]
    assert [run.returncode for run in runs] == [1, 1]
    assert runs[0].stdout == runs[1].stdout
    assert "missing text" in runs[0].stdout and not set("\x1b│┃─━╭┏") & set(runs[0].stdout)


def test_help_documents_each_commands_exit_codes(runner):
    extract = runner.invoke(main, ["extract", "--help"]).output
    assert "Exit codes" in extract and "nothing readable" in extract and "problems found" not in extract
    check = runner.invoke(main, ["check", "--help"]).output
    assert "Exit codes" in check and "problems found" in check and "--strict" in check.split("Exit codes")[1]


def test_check_warns_about_a_variant_title_of_the_same_work(runner, tmp_path):
    doc = tmp_path / "v.txt"
    doc.write_text("正文。1再續。2\n\n1 Bonnie Glaser, Promoting Confidence Building across the Taiwan Strait, "
                   "Washington: CSIS, 2008, p.1.\n2 Bonnie Glaser, Promoting Confidence Building in the Taiwan Strait, "
                   "Washington: CSIS, 2008, p.2.\n", "utf-8")
    report = json.loads(runner.invoke(main, ["check", str(doc), "--format", "json"]).stdout)
    assert [f["note"] for f in report["findings"] if "variant title" in f["message"]] == [2]


def test_jobs_give_byte_identical_output(runner, tmp_path):
    from conftest import SYNTHETIC

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sources = [DEV_DOC, *NO_NOTE_DOCS, SYNTHETIC / "journal_zh.txt"]
    for n in range(10):  # enough documents for the process pool
        (corpus / f"d{n}.txt").write_bytes(sources[n % len(sources)].read_bytes())
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.json"
        assert runner.invoke(main, ["extract", str(corpus), "-j", jobs, "--format", "json", "-o", str(out)]).exit_code == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["documents"]) == 10
