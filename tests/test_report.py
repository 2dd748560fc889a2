"""`check` findings: one problem per broken chain, whatever follows it."""
from cbmcite.bibliography import merge, sign
from cbmcite.model import DocumentResult, Note
from cbmcite.parse import parse_note
from cbmcite.report import check
from cbmcite.resolve import resolve_document

BOOK = "黃仁佛，《信心建立措施研究》（臺北：五南圖書出版公司，2001年），頁35。"


def findings_of(*texts):
    notes = [parse_note(Note(i, text, i)) for i, text in enumerate(texts, 1)]
    doc = resolve_document(DocumentResult("doc.txt", "utf-8", notes))
    return check([doc], merge([sign(doc)]))[1]


def test_ibid_chain_after_a_failed_op_cit_is_one_problem():
    # the full citation of 林正義 is missing: the op. cit. fails, and so do the Ibid.s that follow it
    errors = [f for f in findings_of(BOOK, "林正義，前引書，頁3。", "同上，頁4。", "Ibid., p. 5.", "同前註。")
              if f.severity == "error"]
    assert [(f.note, f.what) for f in errors] == [(2, "op. cit.")]
    assert errors[0].dependents == [3, 4, 5] and "notes 3, 4, 5" in errors[0].message


def test_independent_failures_stay_separate_problems():
    errors = [f for f in findings_of(BOOK, "林正義，前引書，頁3。", BOOK, "王振寰，前引書，頁4。") if f.severity == "error"]
    assert [f.note for f in errors] == [2, 4] and not any(f.dependents for f in errors)


def test_prose_that_mentions_a_previous_letter_is_not_a_short_form():
    # 如前引書信所言: 'as the letter quoted above says', not 前引書
    note = parse_note(Note(1, "如前引書信所言，兩岸關係仍待觀察，雙方仍須建立互信機制。", 1))
    assert all(c.form != "op_cit" for c in note.citations)


def test_op_cits_of_one_uncited_work_are_one_problem_that_points_at_the_note_naming_it():
    # note 2 names 林正義 in prose that the parser does not take for a citation; two op. cit.s then fail
    errors = [f for f in findings_of(BOOK, "林正義教授曾提出此一看法，值得參考。", "林正義，前引書，頁3。", BOOK,
                                     "林正義，前引書，頁9。") if f.severity == "error"]
    assert [(f.note, f.dependents) for f in errors] == [(3, [5])]
    assert "note 2" in errors[0].hint


def test_author_list_cut_short_by_et_al_is_not_a_spelling_difference():
    full = ("Zdzislaw Lachowski, Martin Sjogren, Alyson J. K. Bailes, John Hart, and Shannon N. Kile, Tools for Building "
            "Confidence on the Korean Peninsula (Stockholm: SIPRI, 2007), 12.")
    again = "Zdzislaw Lachowski et al., Tools for Building Confidence on the Korean Peninsula (Stockholm: SIPRI, 2007), 30."
    assert not [f for f in findings_of(full, again) if "spelled" in f.message]


def test_author_spelled_otherwise_is_still_a_spelling_difference():
    full = "Joseph L. Sheffield, Military-to-Military Confidence Building Measures, Alabama: AU Press, 2009, pp.7-8."
    again = "Joseph Sheffeld, Military-to-Military Confidence Building Measures, Alabama: AU Press, 2009, p.9."
    assert [f for f in findings_of(full, again) if "spelled" in f.message]
