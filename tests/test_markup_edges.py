"""Markdown and LaTeX edge cases: references before brackets, LaTeX spacing, \\cite locators, linear scans."""
import time

from cbmcite.ingest.latex import read_latex, to_plain
from cbmcite.ingest.markdown import read_markdown
from cbmcite.model import SourceText


def _source(name: str, text: str) -> SourceText:
    return SourceText(path=name, text=text, encoding="utf-8")


def test_footnote_reference_before_brackets_is_no_link():
    text = "正文[^14](6)再續。[^2]\n\n[^14]: 王振寰，〈文章〉，頁1。\n[^2]: 同上，頁3。\n"
    notes = read_markdown(_source("a.md", text)).notes
    assert [(n.number, n.text) for n in notes] == [(1, "王振寰，〈文章〉，頁1。"), (2, "同上，頁3。")]


def test_unclosed_reference_openers_stay_in_the_note_text():
    text = "正文[^1]\n\n[^1]: 見 [^ 與 [a] 之說明，頁5。\n"
    assert read_markdown(_source("a.md", text)).notes[0].text == "見 [^ 與 [a] 之說明，頁5。"


def test_op_cit_with_latex_spacing():
    assert to_plain(r"Jervis, op.\ cit., p.~5.") == "Jervis, op. cit., p. 5."
    assert to_plain(r"Jervis, op.~cit., 5.") == "Jervis, op. cit., 5."


def test_cite_keeps_its_locator_and_prenote():
    assert to_plain(r"見\cite[頁12]{wang2001}。") == r"見\cite{wang2001}, 頁12。"
    assert to_plain(r"\cite[see][p.~3]{a, b}.") == r"see \cite{a,b}, p. 3."


def test_unclosed_footnotes_are_scanned_once():
    started = time.perf_counter()
    notes = read_latex(_source("a.tex", "x\\footnote{" * 10_000 + "\\footnote{Last note.}")).notes
    assert time.perf_counter() - started < 5  # 49 s when each unclosed group was scanned to the end
    assert [n.text for n in notes] == ["Last note."]


def test_many_reference_openers_are_parsed_in_linear_time():
    started = time.perf_counter()
    notes = read_markdown(_source("a.md", "[^" * 100_000 + "\n\n正文[^1]\n\n[^1]: 註文。\n")).notes
    assert time.perf_counter() - started < 10  # over 120 s before
    assert [n.text for n in notes] == ["註文。"]
