"""Forms found when documents made from records nobody tuned the parsers to were scored (issue 11): each
test is one rule of the genre, on invented citations of the shapes pandoc citeproc and Taiwan-style notes print."""
import pytest

from cbmcite.model import DocumentResult, Note
from cbmcite.parse import parse_citation, parse_note
from cbmcite.resolve import resolve_document


def notes_of(*texts):
    parsed = [parse_note(Note(i, text, i)) for i, text in enumerate(texts, 1)]
    return {n.number: n for n in resolve_document(DocumentResult("doc.md", "utf-8", parsed)).notes}


def target(citation):
    return citation.form, citation.resolution, (citation.resolves_to or {}).get("note"), (citation.resolves_to or {}).get("index")


# --- splitting: where a citation ends ------------------------------------------------------

def test_commentary_after_a_chicago_journal_citation_is_not_part_of_it():
    note = parse_note(Note(1, "王小明 et al., “兩岸互信之研究,” 國防雜誌 12, no. 3 (2010): 45–47. 例如:雙方都在觀望,誰也不願先行讓步。", 1))
    assert note.kind == "mixed" and len(note.citations) == 1
    cit = note.citations[0]
    assert cit.raw.endswith("45–47.") and cit.locator == "45-47"
    assert cit.csl["container-title"] == "國防雜誌" and cit.csl["volume"] == "12"


@pytest.mark.parametrize("after", ["然而,雙方的疑慮並未消除。", "同15: 239-242.", "李四. 國防論[M]. 北京: 人民出版社, 1999: 12."])
def test_a_whole_gbt_entry_ends_at_its_pages(after):
    note = parse_note(Note(1, "張三. 軍事互信研究[M]. 北京: 時事出版社, 2008: 94-98. " + after, 1))
    first = note.citations[0]
    assert first.raw == "張三. 軍事互信研究[M]. 北京: 時事出版社, 2008: 94-98."
    assert first.csl["issued"]["date-parts"][0][0] == 2008 and first.locator == "94-98"


def test_a_gbt_entry_ends_at_its_url():
    note = parse_note(Note(1, "國務院. 關於改進工作的通知[A/OL]. (2009). https://example.org/a.pdf. 李四. 國防論[M]. 北京: 人民出版社, 1999.", 1))
    assert [c.raw[:4] for c in note.citations] == ["國務院.", "李四. "]


def test_a_volume_in_a_gbt_entry_does_not_end_it():
    note = parse_note(Note(1, "馬克思. 政治經濟學批判[M]//馬克思恩格斯全集: 卷 35. 2 版. 北京: 人民出版社, 2013: 186.", 1))
    assert len(note.citations) == 1 and note.citations[0].csl["type"] == "chapter"


# --- resolution: works cited again by their title ---------------------------------------------

def test_a_title_and_page_alone_repeats_a_work_with_no_author():
    notes = notes_of("“Protection of Human Subjects,” 45 C.F.R. § 46 (2009).", "評論一句。", "Protection of human subjects, p. 302.")
    assert target(notes[3].citations[0]) == ("short", "resolved", 1, 0)
    assert notes[3].citations[0].locator == "302"


def test_a_title_with_its_own_year_keeps_it_when_a_page_follows():
    notes = notes_of("“Civil Rights Act of 1964,” Pub. L. No. 88-352, 78 Stat. 241 (1964).", "Civil Rights Act of 1964, 262.")
    assert target(notes[2].citations[0]) == ("short", "resolved", 1, 0)


@pytest.mark.parametrize("stop", ["。", "；"])
def test_a_repeated_title_beside_another_citation_takes_its_place_in_the_note(stop):
    notes = notes_of("〈溫家寶主持國務院會議〉，《新華網》，2006年5月17日。",
                     f"〈溫家寶主持國務院會議〉{stop}王大明，《兩岸關係》（臺北：三民書局，2001年），頁5。",
                     "王大明，前引書，頁9。")
    assert [c.form for c in notes[2].citations] == ["short", "full"]
    assert target(notes[2].citations[0]) == ("short", "resolved", 1, 0)
    assert target(notes[3].citations[0]) == ("op_cit", "resolved", 2, 1)


def test_authors_then_a_short_title_with_commas():
    notes = notes_of("Susan C. Walls, William J. Barichivich, and Mary E. Brown, “Drought, Deluge and Declines: The Impact "
                     "of Precipitation Extremes,” Biology 2, no. 1 (2013): 399–418.",
                     "Walls, Barichivich, and Brown, Drought, deluge and declines, p. 390")
    assert target(notes[2].citations[0]) == ("short", "resolved", 1, 0)
