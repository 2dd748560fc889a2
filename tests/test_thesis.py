"""A thesis of chapters (.txt and .docx): one merged bibliography, cross-chapter chains, stable keys,
safe updates of an existing .bib/.json, and formatted output."""
import json
import shutil

import bibtexparser
import pytest
from article_formats import make_docx

from cbmcite.cli import main

CH1_NOTES = {
    1: "楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷，第6期，1999年，頁2。",
    2: "Joseph L. Sheffield, Military-to-Military Confidence Building Measures, Alabama: Air University Press, 2009, pp.7-8.",
    3: "黃仁佛，《信心建立措施研究》（臺北：五南圖書出版公司，2001年），頁35。",
}
CH2_NOTES = {
    1: "Joseph L. Sheffield, Military-to-Military Confidence Building Measures, Alabama: Air University Press, 2009, pp.10-11.",
    2: "林正義，〈台海兩岸『信任建立措施』芻議〉，《國防雜誌》，第13卷，第12期，2003年，頁4-5。",
    3: "林正義，前引文，頁6。",
}
CH3_NOTES = {
    1: "黃仁佛，前引書，頁40。",
    2: "同上，頁41。",
    3: "Bonnie S. Glaser, Cross-Strait Confidence Building, Santa Barbara: Greenwood, 2005, pp.157-158.",
    4: "Glaser, op. cit., p. 160.",
}


def _txt(path, body, notes):
    lines = "\n".join(f"{n} {t}" for n, t in notes.items())
    path.write_text(f"{body}\n\n{lines}\n", "utf-8")


@pytest.fixture
def thesis(tmp_path):
    folder = tmp_path / "thesis"
    folder.mkdir()
    _txt(folder / "第一章緒論.txt", "兩岸互信的研究日益增多1，美國學者亦有討論2，國內也有專書3。", CH1_NOTES)
    make_docx(folder / "第二章文獻.docx", ["美國學者的看法{1}與國內的討論{2}，亦可參照同一作者{3}。"], CH2_NOTES)
    _txt(folder / "第十章結論.txt", "專書的觀點1，及其後續2，另有美國學者3與其同一著作4。", CH3_NOTES)
    (folder / "cbmcite.toml").write_text('[cbmcite]\ncross = true\nstyle = "chicago-note-bibliography"\n', "utf-8")
    return folder


def _extract(runner, *args):
    result = runner.invoke(main, ["extract", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result


def test_chapters_in_order_and_one_merged_bibliography(thesis, runner):
    data = json.loads(_extract(runner, thesis, "-j", "1").stdout)
    assert [d["path"].rsplit("/", 1)[1] for d in data["documents"]] == ["第一章緒論.txt", "第二章文獻.docx", "第十章結論.txt"]
    titles = [i.get("title") for i in data["bibliography"]]
    assert len(titles) == len(set(titles)) == 5
    sheffield = next(i["id"] for i in data["bibliography"] if "Military" in i["title"])
    places = [(p["document"].rsplit("/", 1)[1], p["note"]) for p in data["cited_by"][sheffield]]
    assert places == [("第一章緒論.txt", 2), ("第二章文獻.docx", 1)]  # different pages, one entry


def test_cross_chapter_chain_resolves_with_its_warning(thesis, runner):
    data = json.loads(_extract(runner, thesis).stdout)
    ch3 = {n["number"]: n for n in data["documents"][2]["notes"]}
    op_cit = ch3[1]["citations"][0]
    assert op_cit["resolution"] == "resolved" and op_cit["cross_document"] is True
    assert op_cit["resolves_to"]["document"].endswith("第一章緒論.txt") and op_cit["resolves_to"]["note"] == 3
    ibid = ch3[2]["citations"][0]
    assert ibid["resolves_to"] == op_cit["resolves_to"] and ibid["entry"] == op_cit["entry"]
    assert ch3[4]["citations"][0]["resolves_to"]["note"] == 3  # in-chapter op. cit. is not cross-chapter
    check = runner.invoke(main, ["check", str(thesis), "--format", "json"])
    warnings = [f for f in json.loads(check.stdout)["findings"] if f["what"] == "cross-chapter"]
    assert [(w["path"].rsplit("/", 1)[1], w["note"]) for w in warnings] == [("第十章結論.txt", 1)]
    assert check.exit_code == 0
    quiet = runner.invoke(main, ["check", str(thesis), "--format", "json", "--no-cross-warning"])
    assert not [f for f in json.loads(quiet.stdout)["findings"] if f["what"] == "cross-chapter"]


def test_no_cross_keeps_chapters_apart(thesis, runner):
    data = json.loads(_extract(runner, thesis, "--no-cross").stdout)
    op_cit = data["documents"][2]["notes"][0]["citations"][0]
    assert op_cit["resolution"] == "unresolved" and "cross_document" not in op_cit


def test_keys_stable_when_chapters_are_reordered_or_removed(thesis, runner, tmp_path):
    def keys(folder):
        data = json.loads(_extract(runner, folder, "--format", "csl-json").stdout)
        return {i["title"]: i["id"] for i in data}

    full = keys(thesis)
    fewer = tmp_path / "fewer"
    shutil.copytree(thesis, fewer)
    (fewer / "第二章文獻.docx").unlink()
    (fewer / "第十章結論.txt").rename(fewer / "第零章.txt")  # now read first
    reduced = keys(fewer)
    assert reduced and all(full[title] == key for title, key in reduced.items())


def test_update_keeps_user_edits_and_adds_new_works(thesis, runner, tmp_path):
    refs = tmp_path / "refs.bib"
    _extract(runner, thesis / "第一章緒論.txt", "--format", "bibtex", "-o", refs)
    text = refs.read_text("utf-8")
    library = bibtexparser.parse_string(text)
    sheffield = next(e for e in library.entries if "Military" in e.fields_dict["title"].value)
    edited = (text.replace("{Military-to-Military Confidence Building Measures}", "{MILITARY-TO-MILITARY confidence building measures}")
              .replace(sheffield.key + ",", "sheffield-my-key,", 1)
              .replace("year = {1999},", "year = {1999},\n\tnote = {my own note},", 1))
    assert edited != text
    refs.write_text(edited, "utf-8")
    first = runner.invoke(main, ["extract", str(thesis), "--update", str(refs)])
    assert first.exit_code == 0, first.output
    assert "2 added, 3 unchanged, 0 kept unused" in first.stderr
    updated = refs.read_text("utf-8")
    assert updated.startswith(edited.rstrip())  # every byte the user wrote is still there
    assert (tmp_path / "refs.bib.bak").read_text("utf-8") == edited
    keys = [e.key for e in bibtexparser.parse_string(updated).entries]
    assert "sheffield-my-key" in keys and len(keys) == 5
    second = runner.invoke(main, ["extract", str(thesis), "--update", str(refs)])
    assert "0 added, 5 unchanged" in second.stderr and "file unchanged" in second.stderr
    assert refs.read_text("utf-8") == updated
    notes = json.loads(runner.invoke(main, ["extract", str(thesis), "--update", str(refs), "--format", "json",
                                        "-o", str(tmp_path / "n.json")]).stdout or "{}")
    assert notes == {}
    data = json.loads((tmp_path / "n.json").read_text("utf-8"))
    assert data["documents"][0]["notes"][1]["citations"][0]["entry"] == "sheffield-my-key"


def test_update_lists_and_prunes_unused_entries(thesis, runner, tmp_path):
    refs = tmp_path / "refs.json"
    refs.write_text(json.dumps([{"id": "old2000gone", "type": "book", "title": "Gone Book"}], indent=4), "utf-8")
    kept = runner.invoke(main, ["extract", str(thesis), "--update", str(refs)])
    assert "5 added" in kept.stderr and "1 kept unused (old2000gone)" in kept.stderr
    assert "old2000gone" in refs.read_text("utf-8")
    pruned = runner.invoke(main, ["extract", str(thesis), "--update", str(refs), "--prune"])
    assert "1 kept unused (old2000gone)" in pruned.stderr  # the user's own entry: --prune removes only its own
    assert "old2000gone" in refs.read_text("utf-8") and len(json.loads(refs.read_text("utf-8"))) == 6


def test_update_refuses_a_bib_it_cannot_parse(thesis, runner, tmp_path):
    refs = tmp_path / "refs.bib"
    refs.write_text("@book{broken, title = {unclosed\n", "utf-8")
    result = runner.invoke(main, ["extract", str(thesis), "--update", str(refs)])
    assert result.exit_code == 2 and "nothing was changed" in result.stderr
    assert refs.read_text("utf-8") == "@book{broken, title = {unclosed\n"


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


def test_formatted_output_in_two_styles(thesis, runner):
    chicago = _lines(_extract(runner, thesis, "--format", "text").stdout)
    assert chicago[0] == "中文部分" and chicago.index("西文部分") == 4
    chinese, western = chicago[1:4], chicago[5:]
    # Taiwan style for Chinese entries: 《書名》（地點：出版社，年）。, 〈篇名〉，《刊名》，第N卷第N期（年）
    assert "黃仁佛，《信心建立措施研究》（臺北：五南圖書出版公司，2001）。" in chinese
    assert any(line.startswith("楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期（1999") for line in chinese)
    assert [line[:3] for line in chinese] == ["黃仁佛", "林正義", "楊永明"]  # pinyin: huang, lin, yang
    assert western[0].startswith("Glaser, Bonnie S. Cross-Strait Confidence Building. Santa Barbara: Greenwood, 2005")
    apa = _lines(_extract(runner, thesis, "--format", "text", "--style", "apa", "--sort", "strokes").stdout)
    assert [line[:3] for line in apa[1:4]] == ["林正義", "黃仁佛", "楊永明"]  # 林 8 strokes < 黃 12 < 楊 13
    assert apa[5].startswith("Glaser, B. S. (2005).")  # the chosen style applies to Western entries
    markdown = _extract(runner, thesis, "--format", "markdown").stdout
    assert markdown.startswith("## 中文部分\n\n黃仁佛，《信心建立措施研究》")


def test_formatted_docx_opens_with_entries_in_order_and_hanging_indent(thesis, runner, tmp_path):
    import docx

    out = tmp_path / "refs.docx"
    _extract(runner, thesis, "--format", "docx", "-o", out)
    paragraphs = [p for p in docx.Document(str(out)).paragraphs if p.text]
    assert [p.text for p in paragraphs] == _lines(_extract(runner, thesis, "--format", "text").stdout)
    entries = [p for p in paragraphs if p.text not in ("中文部分", "西文部分")]
    assert all(p.paragraph_format.first_line_indent < 0 < p.paragraph_format.left_indent for p in entries)


def test_config_file_settings_and_flag_override(thesis, runner):
    (thesis / "cbmcite.toml").write_text('[cbmcite]\ngroup_by = "none"\nsort = "strokes"\n', "utf-8")
    one_list = _extract(runner, thesis, "--format", "text").stdout
    assert "中文部分" not in one_list
    grouped = _extract(runner, thesis, "--format", "text", "--group-by", "language").stdout
    assert grouped.startswith("中文部分")
    (thesis / "cbmcite.toml").write_text('[cbmcite]\nsorting = "x"\n', "utf-8")
    bad = runner.invoke(main, ["extract", str(thesis)])
    assert bad.exit_code == 2 and "unknown setting(s) sorting" in bad.stderr


def test_key_pattern_from_config(thesis, runner):
    (thesis / "cbmcite.toml").write_text('[cbmcite]\nkey_pattern = "{year}-{author}"\n', "utf-8")
    ids = {i["id"] for i in json.loads(_extract(runner, thesis, "--format", "csl-json").stdout)}
    assert "k1999yang" in ids and "k2009sheffield" in ids  # keys keep [a-z0-9] only
    (thesis / "cbmcite.toml").write_text('[cbmcite]\nkey_pattern = "{surname}"\n', "utf-8")
    assert runner.invoke(main, ["extract", str(thesis)]).exit_code == 2


@pytest.mark.parametrize("suffix,entry", [
    (".json", lambda key: json.dumps([{"id": key, "type": "book", "title": "Nuclear Weapons and Arms Control",
                                        "author": [{"family": "van der Graaf", "given": "Hans"}],
                                        "issued": {"date-parts": [[1996]]}}])),
    (".bib", lambda key: f"@book{{{key},\n\tauthor = {{van der Graaf, Hans}},\n"
                         "\ttitle = {Nuclear Weapons and Arms Control},\n\tyear = {1996},\n}\n"),
])
def test_update_recognises_an_author_with_name_particles(runner, tmp_path, suffix, entry):
    chapter = tmp_path / "ch.txt"
    _txt(chapter, "核武管制1。", {1: "Hans van der Graaf, Nuclear Weapons and Arms Control, "
                                      "Amsterdam: Free University Press, 1996, p. 12."})
    refs = tmp_path / f"refs{suffix}"
    refs.write_text(entry("graaf-mine"), "utf-8")
    result = runner.invoke(main, ["extract", str(chapter), "--update", str(refs)])
    assert result.exit_code == 0, result.output
    assert "0 added, 1 unchanged" in result.stderr  # the user's entry is that work: no duplicate
