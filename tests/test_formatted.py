"""Roles and formatted bibliographies: translators and editors reach every output; Chinese entries in
the Taiwan style with zh-TW role words, Western entries in the chosen style; --script everywhere."""
import json

import bibtexparser
import pytest
import regex

from cbmcite.bibliography import merge
from cbmcite.cli import main
from cbmcite.export import to_bibtex, to_csl_json
from cbmcite.export.formatted import render
from cbmcite.model import Citation, DocumentResult, Note

NOTES = [
    "赫欽斯（Robert M. Hutchins）著，陸有銓譯，《民主社會中教育上的衝突》（臺北：桂冠圖書公司，1994），頁68。",
    "林碧炤，〈國際關係的理論〉，收錄於張亞中主編，《國際關係總論》（臺北：揚智文化，2003），頁12-30。",
    "翁明賢主編，《國家安全戰略研究》（臺北：五南圖書，2010），頁5。",
    "Joseph S. Nye, Soft Power: The Means to Success in World Politics (New York: PublicAffairs, 2004), 5.",
]
ENGLISH_ROLE_WORDS = regex.compile(r"\b(?:ed|eds|Edited|edited|Translated|trans|In|by)\b")
TRADITIONAL_ONLY = "國際關係戰圖書譯臺"  # each has a different Simplified form


@pytest.fixture
def chapter(tmp_path):
    body = "".join(f"正文{n}。{n}" for n in range(1, len(NOTES) + 1))
    notes = "\n".join(f"{n} {text}" for n, text in enumerate(NOTES, 1))
    path = tmp_path / "第二章.txt"
    path.write_text(f"第二章 研究回顧\n\n{body}\n\n{notes}\n", "utf-8")
    return path


def _run(runner, *args):
    result = runner.invoke(main, ["extract", *map(str, args)])
    assert result.exit_code == 0, result.output
    return result.stdout


def _hand_built() -> list:
    """The roles as the parser is meant to give them, whatever today's parser finds."""
    book = {"type": "book", "title": "民主社會中教育上的衝突", "author": [{"literal": "赫欽斯"}],
            "translator": [{"literal": "陸有銓"}], "publisher": "桂冠圖書公司", "publisher-place": "臺北",
            "issued": {"date-parts": [[1994]]}, "language": "zh-TW"}
    chapter = {"type": "chapter", "title": "國際關係的理論", "author": [{"literal": "林碧炤"}],
               "container-title": "國際關係總論", "editor": [{"literal": "張亞中"}], "page": "12-30",
               "publisher": "揚智文化", "publisher-place": "臺北", "issued": {"date-parts": [[2003]]},
               "language": "zh-TW"}
    edited = {"type": "book", "title": "國家安全戰略研究", "editor": [{"literal": "翁明賢"}], "publisher": "五南圖書",
              "publisher-place": "臺北", "issued": {"date-parts": [[2010]]}, "language": "zh-TW"}
    web = {"type": "webpage", "title": "Confidence-Building Measures", "author": [{"family": "Krepon", "given": "Michael"}],
           "URL": "https://www.stimson.org/cbm?x=1&y=2_3", "language": "en"}
    notes = [Note(number=n, text="", line=n, citations=[Citation(raw="", csl=csl)])
             for n, csl in enumerate([book, chapter, edited, web], 1)]
    return [DocumentResult(path="ch2.txt", encoding="utf-8", notes=notes)]


def test_roles_and_url_reach_csl_json_and_bibtex():
    bib = merge(_hand_built())
    items = {i["title"]: i for i in json.loads(to_csl_json(bib))}
    assert items["民主社會中教育上的衝突"]["translator"] == [{"literal": "陸有銓"}]
    assert items["國際關係的理論"]["editor"] == [{"literal": "張亞中"}]
    assert items["Confidence-Building Measures"]["URL"] == "https://www.stimson.org/cbm?x=1&y=2_3"
    entries = {e.key: e for e in bibtexparser.parse_string(to_bibtex(bib)).entries}
    by_title = {e["title"].replace("{", "").replace("}", ""): e for e in entries.values()}
    assert by_title["民主社會中教育上的衝突"]["translator"] == "{陸有銓}"
    assert by_title["國際關係的理論"]["editor"] == "{張亞中}"
    assert by_title["國家安全戰略研究"].entry_type == "collection"
    assert by_title["Confidence-Building Measures"]["url"] == "https://www.stimson.org/cbm?x=1&y=2_3"


def test_taiwan_style_for_chinese_entries_without_english_role_words():
    text = render(merge(_hand_built()).items(), "text", "chicago-note-bibliography")
    chinese = text.split("西文部分")[0]
    assert "赫欽斯著，陸有銓譯，《民主社會中教育上的衝突》（臺北：桂冠圖書公司，1994）。" in chinese
    assert "林碧炤，〈國際關係的理論〉，收錄於張亞中主編，《國際關係總論》（臺北：揚智文化，2003），頁12–30。" in chinese
    assert "翁明賢主編，《國家安全戰略研究》（臺北：五南圖書，2010）。" in chinese
    assert not ENGLISH_ROLE_WORDS.search(chinese)
    assert "https://www.stimson.org/cbm?x=1&y=2_3" in text.split("西文部分")[1]


def test_an_edited_book_names_its_editor_once_in_every_style():
    edited = {"id": "nye2004", "type": "book", "title": "Soft Power", "editor": [{"family": "Nye", "given": "Joseph"}],
              "publisher": "PublicAffairs", "issued": {"date-parts": [[2004]]}, "language": "en"}
    for style in ("chicago-note-bibliography", "apa", "taiwan"):
        assert render([edited], "text", style).count("Nye") == 1, style


def test_chapter_file_gives_roles_and_a_taiwan_bibliography(chapter, runner):
    items = json.loads(_run(runner, chapter, "--format", "csl-json"))
    assert any(i.get("translator") for i in items) and any(i.get("editor") for i in items)
    text = _run(runner, chapter, "--format", "text")
    chinese, western = text.split("西文部分")
    assert chinese.startswith("中文部分") and "Nye" in western
    assert not ENGLISH_ROLE_WORDS.search(chinese)
    for line in chinese.splitlines()[1:]:
        names = regex.findall(r"\p{Han}{2,4}(?=主編)", line)
        assert len(names) == len(set(names)), line  # no editor twice


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_script_applies_to_formatted_output(chapter, runner, fmt):
    simplified = _run(runner, chapter, "--format", fmt, "--script", "s")
    assert not set(TRADITIONAL_ONLY) & set(simplified)
    assert "收录于" in simplified and "《国家安全战略研究》" in simplified


def test_script_applies_to_docx(chapter, runner, tmp_path):
    import docx

    out = tmp_path / "参考文献.docx"
    _run(runner, chapter, "--format", "docx", "--script", "s", "-o", out)
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "《国家安全战略研究》" in text and not set(TRADITIONAL_ONLY) & set(text)


def test_strokes_sort_holds_without_groups(chapter, runner):
    lines = [line for line in _run(runner, chapter, "--format", "text", "--group-by", "none", "--sort", "strokes")
             .splitlines() if line]
    assert "中文部分" not in lines
    leaders = [line[0] for line in lines if regex.match(r"\p{Han}", line)]
    assert leaders == ["林", "翁", "赫"]  # 8, 10, 14 strokes (pinyin would give he, lin, weng)
    assert lines[-1].startswith("Nye")  # Western entries follow


def test_zh_style_option_changes_chinese_entries_only(chapter, runner):
    text = _run(runner, chapter, "--format", "text", "--zh-style", "gb-t-7714-2015-note")
    assert "[M]" in text.split("西文部分")[0] and "[M]" not in text.split("西文部分")[1]


@pytest.mark.parametrize("content", ["<style>broken", "not xml", "",
                                     '<?xml version="1.0"?><style xmlns="http://purl.org/net/xbiblio/csl"/>'])
def test_malformed_csl_exits_2_with_one_line(chapter, runner, tmp_path, content):
    style = tmp_path / "mine.csl"
    style.write_text(content, "utf-8")
    result = runner.invoke(main, ["extract", str(chapter), "--format", "text", "--csl", str(style)])
    assert result.exit_code == 2 and result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and "mine.csl" in result.stderr


def test_taiwan_style_is_csl_that_pandoc_renders_the_same(tmp_path):
    import shutil
    import subprocess

    from cbmcite.export.formatted import style_path

    pandoc = shutil.which("pandoc")
    if not pandoc:
        pytest.skip("pandoc is not installed (.ci/run installs it)")
    bib = merge(_hand_built())
    chinese = [i for i in json.loads(to_csl_json(bib)) if i["language"] == "zh-TW"]
    (tmp_path / "refs.json").write_text(json.dumps(chinese, ensure_ascii=False), "utf-8")
    (tmp_path / "doc.md").write_text('---\nnocite: "@*"\n---\n', "utf-8")
    run = subprocess.run([pandoc, str(tmp_path / "doc.md"), "--citeproc", "--bibliography", str(tmp_path / "refs.json"),
                          "--csl", style_path("taiwan"), "-t", "plain", "--wrap=none"],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    ours = render(chinese, "text", "apa").splitlines()[2:]
    assert sorted(line for line in run.stdout.splitlines() if line) == sorted(ours)


@pytest.mark.parametrize("csl_type", ["article-journal", "article-newspaper", "chapter", "book", "webpage"])
def test_a_url_stays_on_its_entry_with_the_access_date(csl_type):
    item = {"id": "x", "type": csl_type, "title": "兩岸軍事互信", "author": [{"literal": "王小明"}],
            "container-title": "國防雜誌", "issued": {"date-parts": [[2010, 5]]}, "URL": "https://www.example.tw/a?b=1",
            "accessed": {"date-parts": [[2020, 1, 2]]}, "language": "zh-TW"}
    lines = [line for line in render([item], "text", "apa").splitlines() if line.startswith("王小明")]
    assert len(lines) == 1 and "https://www.example.tw/a?b=1（瀏覽日期：2020年1月2日）" in lines[0]


def test_merging_keeps_roles_a_later_citation_adds():
    first = {"type": "book", "title": "大棋盤", "author": [{"literal": "布里辛斯基"}], "issued": {"date-parts": [[1998]]},
             "language": "zh-TW"}
    fuller = dict(first, translator=[{"literal": "林添貴"}], publisher="立緒文化", **{"publisher-place": "臺北"})
    notes = [Note(number=n, text="", line=n, citations=[Citation(raw="", csl=csl)]) for n, csl in ((1, first), (2, fuller))]
    bib = merge([DocumentResult(path="ch1.txt", encoding="utf-8", notes=notes)])
    assert len(bib.items()) == 1 and bib.items()[0]["translator"] == [{"literal": "林添貴"}]
    assert "布里辛斯基著，林添貴譯，《大棋盤》（臺北：立緒文化，1998）。" in render(bib.items(), "text", "apa")


@pytest.mark.parametrize("csl, expected", [
    ({"type": "chapter", "container-title": "國際關係新論", "publisher": "五南圖書", "publisher-place": "臺北",
      "page": "12-30"}, "林碧炤，〈兩岸互信〉，收錄於《國際關係新論》（臺北：五南圖書，2003），頁12–30。"),
    ({"type": "paper-conference", "container-title": "兩岸關係學術研討會", "publisher": "政治大學國際關係研究中心",
      "publisher-place": "臺北", "issued": {"date-parts": [[2003, 5, 2]]}},
     "林碧炤，〈兩岸互信〉，發表於「兩岸關係學術研討會」（臺北：政治大學國際關係研究中心，2003年5月2日）。"),
])
def test_chapters_without_editor_and_conference_papers(csl, expected):
    item = {"id": "x", "title": "兩岸互信", "author": [{"literal": "林碧炤"}], "issued": {"date-parts": [[2003]]},
            "language": "zh-TW", **csl}
    assert expected in render([item], "text", "apa").splitlines()


def test_taiwan_style_is_valid_against_the_csl_schema():
    import warnings

    from citeproc import CitationStylesStyle

    from cbmcite.export.formatted import style_path

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # citeproc-py reports an invalid style as a warning
        CitationStylesStyle(style_path("taiwan"), validate=True)


@pytest.mark.parametrize("style", ["chicago-note-bibliography", "apa"])
def test_an_unsigned_article_names_its_newspaper_or_title_once(style):
    unsigned = {"id": "nyt", "type": "article-newspaper", "title": "Editorial on Taiwan", "container-title": "New York Times",
                "issued": {"date-parts": [[1990, 6, 15]]}, "language": "en"}
    translated = {"id": "t", "type": "book", "title": "Anonymous Classic", "translator": [{"family": "Doe", "given": "J."}],
                  "publisher": "Penguin", "issued": {"date-parts": [[2004]]}, "language": "en"}
    lines = render([unsigned, translated], "text", style).splitlines()[2:]
    newspaper = next(line for line in lines if "Editorial" in line)
    assert newspaper.count("New York Times") == 1 and newspaper.count("Editorial on Taiwan") == 1
    book = next(line for line in lines if "Anonymous" in line)
    assert book.count("Anonymous Classic") == 1 and "Penguin" in book and book.count("Doe") == 1
