"""BibTeX field text survives LaTeX: what cbmcite writes, bibtexparser and pandoc read back as written."""
import json
import re
import shutil
import subprocess
import unicodedata

import bibtexparser
import pytest
from bibtexparser.middlewares import LatexDecodingMiddleware
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from cbmcite.bibliography import Bibliography, Work, base_key
from cbmcite.export import to_bibtex

SPECIALS = "&%#_$~^\\{}"
# printable text of titles: letters of several scripts, digits, punctuation and symbols, single spaces
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIALS + "-,.:;!?<>\"()[]/@*+=|'`\u2018\u2019\u201c\u201d"),
        st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Po", "Pd", "Sm", "Sc", "So"),
                      max_codepoint=0x9FFF),
        st.just(" "),
    ),
    min_size=1, max_size=40,
).map(lambda s: " ".join(s.split())).filter(bool)


def _decoder() -> LatexNodes2Text:
    """pylatexenc's default maps \\textasciicircum to U+02C6; LaTeX prints '^'."""
    context = get_default_latex_context_db().filter_context()
    context.add_context_category("caret", prepend=True, macros=[MacroTextSpec("textasciicircum", "^")])
    return LatexNodes2Text(latex_context=context)


def _bibliography(titles: list[str], language: str = "en") -> Bibliography:
    works = []
    for n, title in enumerate(titles):
        item = {"id": f"w{n}", "type": "book", "title": title, "language": language,
                "author": [{"family": "Q" + title[:12], "given": "A."}], "publisher": title,
                "issued": {"date-parts": [[2000]]}}
        works.append(Work(item=item, number=n))
    return Bibliography(works)


_QUOTES = re.compile("['`\u2018\u2019\u201c\u201d]")


def _normalize(text: str) -> str:
    """Text as typesetting shows it: ' and ` are LaTeX's (and pandoc's) curly-quote input, so quote
    marks are left out of the comparison; runs of spaces are one space; NFC."""
    text = _QUOTES.sub("", text)
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _pandoc_items(bibtex: str) -> dict[str, dict]:
    pandoc = shutil.which("pandoc")
    if not pandoc:
        pytest.skip("pandoc is not installed (.ci/run installs it)")
    run = subprocess.run([pandoc, "-f", "biblatex", "-t", "csljson"], input=bibtex, capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return {i["id"]: i for i in json.loads(run.stdout)}


def test_special_characters_escaped_in_every_field():
    text = "Trade & Security: The 50% Problem #2 of a_b at $5 ~ ^ \\ {x}"
    bibtex = to_bibtex(_bibliography([text]))
    library = bibtexparser.parse_string(bibtex)
    assert library.failed_blocks == []
    for field in library.entries[0].fields:
        raw = field.value
        for ch in "&%#_$":
            assert raw.count(ch) == raw.count("\\" + ch), (field.key, raw)


@pytest.mark.parametrize("title", [
    "Trade & Security: The 50% Problem #2",
    "snake_case and $money$ ~tilde~ ^caret^ back\\slash {braces}",
    "The CBMs of NATO -- and --- ``quoted'' ,, << >> ?` !`",
    "《國家安全戰略研究》: 50% & #1",
    "Next-generation sequencing: from understanding biology to personalized medicine",
    "Rule of law in China. incremental progress? yes! and so",
    "Jadeite in the ‘Kurosegawa Belt’ of Izumi, “Central” Kyushu",
])
def test_pandoc_reads_titles_back_unchanged(title):
    items = _pandoc_items(to_bibtex(_bibliography([title])))
    if not set("'`\"") & set(title):  # no ASCII quote that LaTeX and pandoc make curly: exactly the same
        assert items["w0"]["title"] == title
    assert _normalize(items["w0"]["title"]) == _normalize(title)
    assert _normalize(items["w0"]["publisher"]) == _normalize(title)


def _round_trip(titles: list[str], language: str) -> None:
    bibtex = to_bibtex(_bibliography(titles, language))
    library = bibtexparser.parse_string(bibtex, append_middleware=[LatexDecodingMiddleware(decoder=_decoder())])
    assert library.failed_blocks == []
    parsed = {e.key: e for e in library.entries}
    from_pandoc = _pandoc_items(bibtex)
    for n, title in enumerate(titles):
        assert _normalize(parsed[f"w{n}"]["title"]) == _normalize(title)
        assert _normalize(from_pandoc[f"w{n}"]["title"]) == _normalize(title)
        assert _normalize(from_pandoc[f"w{n}"]["publisher"]) == _normalize(title)
        assert _normalize(from_pandoc[f"w{n}"]["author"][0]["family"]) == _normalize("Q" + title[:12])
        assert _normalize(parsed[f"w{n}"]["publisher"]) == _normalize(title)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TEXT, min_size=1, max_size=8), st.sampled_from(["en", "zh-TW"]))
def test_any_field_text_reads_back_the_same(titles, language):
    """One pandoc call per example: each example is a whole .bib of several entries."""
    _round_trip(titles, language)


def test_biber_validates_escaped_fields(tmp_path):
    biber = shutil.which("biber")
    if not biber:
        pytest.skip("biber is not installed (.ci/run installs it)")
    path = tmp_path / "refs.bib"
    path.write_text(to_bibtex(_bibliography(["Trade & Security: 50% #2 a_b $ ~ ^ \\ {x}", "國家 & 安全"])), "utf-8")
    run = subprocess.run([biber, "--tool", "--validate-datamodel", f"--output-file={tmp_path / 'x.bib'}", str(path)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert [line for line in run.stdout.splitlines() if "ERROR" in line or line.startswith("WARN")] == []


@pytest.mark.parametrize("name", ["\\Foo", '"Quoted', "{Brace", "𠀋𠀌", "Ørsted", "_x_", "ǅemal"])
def test_keys_are_lowercase_ascii_letters_and_digits(name):
    for item in ({"author": [{"literal": name + "某"}], "title": name, "issued": {"date-parts": [[1999]]}},
                 {"author": [{"family": name}], "title": "Ω " + name},
                 {"title": name}):
        key = base_key(item)
        assert key and key.isascii() and key.isalnum() and key == key.lower() and key[0].isalpha(), key
