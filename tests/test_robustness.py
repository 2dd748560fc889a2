"""No exception escapes the pipeline, whatever the text."""
from conftest import DEV_DOC
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cbmcite.bibliography import merge
from cbmcite.export import to_bibtex, to_csl_json, to_notes_json
from cbmcite.model import SourceText
from cbmcite.pipeline import extract_source

DEV_LINES = DEV_DOC.read_text("utf-8").split("\n")
NOTE_ALPHABET = st.sampled_from(list("0123456789 ，。、：；〈〉《》「」()（）.,;:-頁第卷期年民國同上註前引書揭文Ibid op cit pp. 楊永明Sheffield\n"))


def _run(text):
    result = extract_source(SourceText("x.txt", text, "utf-8"))
    bib = merge([result])
    to_notes_json([result], bib), to_bibtex(bib), to_csl_json(bib)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    _run(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=NOTE_ALPHABET, max_size=400))
def test_citation_shaped_noise(text):
    _run(text)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(DEV_LINES) - 1), st.sampled_from(["drop", "dup", "cut", "swap"])),
                max_size=30))
def test_mutated_dev_document(mutations):
    lines = list(DEV_LINES)
    for index, action in mutations:
        index %= len(lines)
        if action == "drop":
            del lines[index]
        elif action == "dup":
            lines.insert(index, lines[index])
        elif action == "cut":
            lines[index] = lines[index][: len(lines[index]) // 2]
        elif index + 1 < len(lines):
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
        if not lines:
            lines = [""]
    _run("\n".join(lines))


TAIL_ALPHABET = st.sampled_from(list("0123456789 ,，.:()/-–頁页第pPagesVolNo.Issue SpringMay 1999(c.)PressBooks \"”"))
TAIL_PATTERNS = [
    ("cbmcite.parse.en", "PAGES_TAIL"), ("cbmcite.parse.en", "YEAR_TAIL"), ("cbmcite.parse.en", "BARE_PAGES_TAIL"),
    ("cbmcite.parse.en", "VOLUME_TAIL"), ("cbmcite.parse.en", "ISSUE_TAIL"), ("cbmcite.parse.en", "PUBLISHER_WORD"),
    ("cbmcite.parse.zh", "PAGES_ZH"), ("cbmcite.notes", "_PAGE_REF_END"), ("cbmcite.notes", "_ABBREV_END"),
]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TAIL_ALPHABET, max_size=300), st.sampled_from(TAIL_PATTERNS))
def test_tail_search_finds_what_a_whole_search_finds(text, where):
    """Searching only the tail is an optimisation: any match that fits the window is the same match."""
    import importlib

    from cbmcite.patterns import TAIL_WINDOW, search_tail
    from cbmcite.rules import Rule

    pattern = getattr(importlib.import_module(where[0]), where[1])
    pattern = pattern.compiled if isinstance(pattern, Rule) else pattern  # a named rule's tail search is this search
    whole, tail = pattern.search(text), search_tail(pattern, text)
    if whole is not None and whole.end() - whole.start() <= TAIL_WINDOW - 1:
        assert tail is not None and tail.span() == whole.span()
    if tail is not None:
        assert whole is not None and whole.end() == tail.end()
