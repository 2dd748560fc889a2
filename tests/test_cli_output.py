"""Files, messages and settings as a new user meets them: the -o suffix decides the format, terminals
that cannot show a character, check's wording and order, and project settings beside the documents."""
import json
import os
import subprocess
import sys

import bibtexparser
import pytest

from cbmcite.cli import main

CH2 = ("本章討論互信。1美國學者亦有研究。2\n\n"
       "1 黃仁佛，《信心建立措施研究》（臺北：五南圖書出版公司，2001年），頁35。\n"
       "2 Bonnie S. Glaser, Cross-Strait Confidence Building, Santa Barbara: Greenwood, 2005, pp.157-158.\n")
CH3 = ("延續前章。1再論。2又論。3\n\n"
       "1 黃仁佛，前引書，頁40。\n"
       "2 同上，頁41。\n"
       "3 Glaser, op. cit., p. 160.\n")
CH10 = "結論。1\n\n1 同上，頁3。\n"


@pytest.fixture
def chapters(tmp_path):
    """A bare folder of chapters: no cbmcite.toml."""
    folder = tmp_path / "論文"
    folder.mkdir()
    for name, text in (("第二章.txt", CH2), ("第三章.txt", CH3), ("第十章.txt", CH10)):
        (folder / name).write_text(text, "utf-8")
    return folder


def _check(runner, *args):
    return runner.invoke(main, ["check", "--format", "text", *map(str, args)])


# --- -o and --format ------------------------------------------------------------------------

@pytest.mark.parametrize("name, looks_like", [
    ("refs.bib", lambda t: bibtexparser.parse_string(t).entries),
    ("refs.json", lambda t: isinstance(json.loads(t), list)),  # CSL-JSON
    ("refs.md", lambda t: t.startswith("## 中文部分")),
    ("refs.txt", lambda t: t.startswith("中文部分")),
    ("refs.html", lambda t: t.startswith("<!DOCTYPE html>")),
])
def test_output_suffix_decides_the_format(chapters, runner, tmp_path, name, looks_like):
    out = tmp_path / name
    result = runner.invoke(main, ["extract", str(chapters), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert looks_like(out.read_text("utf-8"))


def test_notes_json_into_a_json_file_when_asked(chapters, runner, tmp_path):
    out = tmp_path / "notes.json"
    assert runner.invoke(main, ["extract", str(chapters), "--format", "json", "-o", str(out)]).exit_code == 0
    assert "documents" in json.loads(out.read_text("utf-8"))


@pytest.mark.parametrize("fmt, name", [("bibtex", "refs.json"), ("json", "refs.bib"), ("csl-json", "refs.docx"),
                                       ("text", "refs.bib")])
def test_format_contradicting_the_suffix_is_refused(chapters, runner, tmp_path, fmt, name):
    result = runner.invoke(main, ["extract", str(chapters), "--format", fmt, "-o", str(tmp_path / name)])
    assert result.exit_code == 2 and not (tmp_path / name).exists()
    assert len(result.stderr.splitlines()) == 1 and name in result.stderr and fmt in result.stderr


# --- terminals and pipes ----------------------------------------------------------------------

@pytest.mark.parametrize("args", [["check"], ["check", "--format", "text"], ["check", "--format", "json"],
                                  ["extract", "--format", "text"], ["extract"]])
def test_no_traceback_on_a_cp950_terminal(tmp_path, args):
    folder = tmp_path / "简体"  # Simplified characters a Big5 terminal cannot show
    folder.mkdir()
    (folder / "这一章.txt").write_text(CH3.replace("前引書", "前引书"), "utf-8")
    env = dict(os.environ, PYTHONIOENCODING="cp950")
    run = subprocess.run([sys.executable, "-m", "cbmcite.cli", *args, str(folder)], capture_output=True, env=env,
                         timeout=120)
    assert run.returncode in (0, 1)
    assert b"Traceback" not in run.stderr and b"UnicodeEncodeError" not in run.stderr


# --- check's messages -------------------------------------------------------------------------

def test_cross_chapter_op_cit_names_the_other_chapter_and_cross(chapters, runner):
    result = _check(runner, chapters)
    lines = result.stdout.splitlines()
    op_cits = [line for line in lines if "第三章" in line and "no earlier work" in line]
    assert len(op_cits) == 2
    assert all("第二章.txt" in line and "--cross" in line for line in op_cits)
    with_cross = _check(runner, chapters, "--cross").stdout
    assert "no earlier work" not in with_cross


def test_short_forms_named_as_written_and_counts_in_good_grammar(chapters, runner):
    out = _check(runner, chapters).stdout
    ten = [line for line in out.splitlines() if "第十章" in line]
    assert ten and ten[0].split(": error: ")[1].startswith("note 1: 同上") and "Ibid" not in ten[0]
    notes = json.loads(runner.invoke(main, ["extract", str(chapters)]).stdout)
    reasons = [c.get("reason") or "" for d in notes["documents"] for n in d["notes"] for c in n["citations"]]
    assert any("points to an op. cit." in r for r in reasons) and not any(" a op" in r for r in reasons)
    report = json.loads(runner.invoke(main, ["check", "--format", "json", str(chapters)]).stdout)
    assert {f["term"] for f in report["findings"] if f["what"] == "Ibid."} == {"同上"}
    alone = _check(runner, chapters / "第十章.txt").stdout.splitlines()[-1]
    assert alone.startswith("1 document, 1 note, 1 citation:") and alone.endswith("1 error, 0 warnings")


def test_findings_in_natural_document_order(chapters, runner):
    paths = [line.split(":")[0] for line in _check(runner, chapters).stdout.splitlines()[:-1]]
    order = [os.path.basename(p) for p in dict.fromkeys(paths)]
    assert order == ["第三章.txt", "第十章.txt"]  # 第三章 (3) before 第十章 (10), not code-point order


# --- project settings -------------------------------------------------------------------------

def test_a_config_that_only_sets_a_style_keeps_documents_apart(chapters, runner):
    (chapters / "cbmcite.toml").write_text('[cbmcite]\nstyle = "apa"\n', "utf-8")
    assert "no earlier work by 黃仁佛" in _check(runner, chapters).stdout
    (chapters / "cbmcite.toml").write_text("[cbmcite]\ncross = true\n", "utf-8")
    assert "no earlier work" not in _check(runner, chapters).stdout


def test_pyproject_beside_the_documents_is_read(chapters, runner):
    (chapters / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.cbmcite]\ncross = true\n', "utf-8")
    assert "no earlier work" not in _check(runner, chapters).stdout
    (chapters / "pyproject.toml").write_text('[project]\nname = "x"\n', "utf-8")  # no table: no settings
    assert "no earlier work by 黃仁佛" in _check(runner, chapters).stdout


def test_chapters_from_a_config_keep_paths_as_given(chapters, runner, tmp_path, monkeypatch):
    (chapters / "cbmcite.toml").write_text('[cbmcite]\nchapters = ["第二章.txt", "第三章.txt"]\n', "utf-8")
    monkeypatch.chdir(tmp_path)
    report = json.loads(runner.invoke(main, ["check", "--format", "json", "論文"]).stdout)
    assert {f["path"] for f in report["findings"]} <= {os.path.join("論文", "第三章.txt")}


@pytest.mark.parametrize("setting, key", [("key_pattern = 5", "key_pattern"), ('chapters = "ch1.txt"', "chapters"),
                                          ('cross = "yes"', "cross"), ("style = 1", "style"),
                                          ("chapters = [1, 2]", "chapters")])
def test_config_values_of_the_wrong_type_exit_2_naming_the_key(chapters, runner, setting, key):
    (chapters / "cbmcite.toml").write_text(f"[cbmcite]\n{setting}\n", "utf-8")
    result = runner.invoke(main, ["extract", str(chapters)])
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and f"{key} must be" in result.stderr and "cbmcite.toml" in result.stderr


# --- the notes JSON specification -------------------------------------------------------------

def test_docs_specify_every_field_the_notes_json_has(runner):
    from pathlib import Path

    from conftest import DEV_DOC

    spec_path = Path(__file__).resolve().parents[1] / "docs" / "notes-json.md"
    spec = spec_path.read_text("utf-8")
    readme = (spec_path.parents[1] / "README.md").read_text("utf-8")
    assert "(docs/notes-json.md)" in readme
    data = json.loads(runner.invoke(main, ["extract", str(DEV_DOC), "--format", "json"]).stdout)
    doc = data["documents"][0]
    notes = doc["notes"]
    citations = [c for n in notes for c in n["citations"]]
    fields = set(data) | set(doc) | {k for n in notes for k in n} | {k for c in citations for k in c}
    assert {"resolution", "reason", "resolves_to"} <= fields  # the sample has short forms of every outcome
    assert [f for f in sorted(fields) if f"`{f}`" not in spec] == []


def test_a_work_cited_in_full_only_later_is_not_a_reason_for_cross(chapters, runner):
    (chapters / "第二章.txt").rename(chapters / "第十一章.txt")  # the full citations now come last
    lines = [line for line in _check(runner, chapters, "--cross").stdout.splitlines() if "no earlier work" in line]
    assert lines and all("a later document" in line and "--cross" not in line for line in lines)


def test_script_conversion_leaves_document_paths_alone(chapters, runner, tmp_path):
    chapter = tmp_path / "國際關係.txt"
    chapter.write_text(CH2, "utf-8")
    data = json.loads(runner.invoke(main, ["extract", str(chapter), "--script", "s"]).stdout)
    assert data["documents"][0]["path"] == str(chapter)  # a path names a file: converted, it names none
    assert all(place["document"] == str(chapter) for places in data["cited_by"].values() for place in places)
    assert "信心建立措施研究" in json.dumps(data, ensure_ascii=False) and "黄仁佛" in json.dumps(data, ensure_ascii=False)


def test_findings_in_natural_order_whatever_the_argument_order(chapters, runner):
    (chapters / "第二章.txt").write_text("前言。1\n\n1 同上。\n", "utf-8")  # a finding in every chapter
    code_point_order = sorted(chapters.glob("*.txt"), key=str)  # what a shell glob gives: 第三章, 第二章, 第十章
    assert [p.name for p in code_point_order] == ["第三章.txt", "第二章.txt", "第十章.txt"]
    paths = [line.split(":")[0] for line in _check(runner, *code_point_order).stdout.splitlines()[:-1]]
    assert [os.path.basename(p) for p in dict.fromkeys(paths)] == ["第二章.txt", "第三章.txt", "第十章.txt"]


@pytest.mark.parametrize("name, text", [("cbmcite.toml", "cbmcite = 5\n"), ("pyproject.toml", "[tool]\ncbmcite = 5\n")])
def test_settings_that_are_not_a_table_exit_2(chapters, runner, name, text):
    (chapters / name).write_text(text, "utf-8")
    result = runner.invoke(main, ["check", str(chapters)])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1 and name in result.stderr
