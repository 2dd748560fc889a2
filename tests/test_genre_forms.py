"""Forms of the genre found in a second batch of documents nobody had tuned for (issue 11), each in a small
synthetic case of its own: short names defined with 'hereafter', places of issue, Japanese family names,
commentary before an op. cit."""
from cbmcite.model import DocumentResult, Note
from cbmcite.parse import parse_citation, parse_note
from cbmcite.resolve import resolve_document


def resolve(*texts):
    notes = [parse_note(Note(i, text, i)) for i, text in enumerate(texts, 1)]
    return {n.number: n for n in resolve_document(DocumentResult("doc.txt", "utf-8", notes)).notes}


def target(note, index=0):
    c = note.citations[index]
    return c.resolution, (c.resolves_to["note"], c.resolves_to["index"]) if c.resolves_to else None


def test_hereafter_clause_is_no_part_of_the_fields():
    notes = resolve("Jane Doe, ed., A Manual of Maritime Safety Talks (Boston: Harbor Press, 2011), 12–14 "
                    "(hereafter cited as Doe, Manual).")
    csl = notes[1].citations[0].csl
    assert csl["title"] == "A Manual of Maritime Safety Talks"
    assert csl["publisher"] == "Harbor Press" and csl["publisher-place"] == "Boston"


def test_short_name_defined_by_hereafter_resolves_to_its_work():
    notes = resolve("Jane Doe, ed., A Manual of Maritime Safety Talks (Boston: Harbor Press, 2011), 12 "
                    "(hereafter cited as Doe, Manual).",
                    "Mark Roe, “Signals at Sea,” Naval Review 9, no. 2 (2015): 40–58 (hereafter “Signals”).",
                    "Doe, Manual, 30.",
                    "Roe, “Signals,” 44.")
    assert target(notes[3]) == ("resolved", (1, 0))
    assert target(notes[4]) == ("resolved", (2, 0))


def test_chinese_short_name_defined_in_parentheses():
    notes = resolve("國防部，《中華民國100年國防報告書》（臺北：國防部，2011年）（以下簡稱《100年報告書》），頁20。",
                    "張三，《海上互信》（臺北：五南，2010年），頁5。",
                    "《100年報告書》，頁33。")
    assert notes[1].citations[0].csl["title"] == "中華民國100年國防報告書"
    assert target(notes[3]) == ("resolved", (1, 0))


def test_place_and_year_in_parentheses_is_where_a_document_was_issued():
    """'(Helsinki, 1975)' names no author: it is a citation, not an author–date reference in prose."""
    c = parse_citation("Conference on Disarmament, Final Document (Stockholm, 1986).")
    assert c.csl["publisher-place"] == "Stockholm"
    assert c.csl["issued"]["date-parts"][0][0] == 1986
    assert "publisher" not in c.csl
    note = parse_note(Note(1, "Conference on Disarmament, Final Document (Stockholm, 1986).", 1))
    assert len(note.citations) == 1 and note.citations[0].form == "full"
    prose = parse_note(Note(1, "Trust grows slowly between navies (Lindqvist, 1986).", 1))
    assert [c.form for c in prose.citations] == ["short"]  # a name before the year is still author–date


def test_japanese_note_repeats_the_author_by_family_name():
    notes = resolve("山田一郎『海洋安全保障の構想』（有斐閣、2010年）、45頁。",
                    "佐藤花子『日中関係の展開』（岩波書店、2008年）、12頁。",
                    "山田、前掲書、60頁。")
    assert target(notes[3]) == ("resolved", (1, 0))


def test_chinese_name_is_not_matched_by_its_first_two_characters():
    notes = resolve("王振寰，《誰統治台灣？》（臺北：巨流，1996年），頁88。", "王振，前引書，頁90。")
    assert notes[2].citations[0].resolution == "unresolved"


def test_op_cit_after_a_sentence_of_commentary_names_the_author_after_the_last_comma():
    notes = resolve("李四，《兩岸軍事互信》（臺北：五南，2009年），頁5。",
                    "李四所提出的「階段論」架構在此亦有參考價值，李四，前引書，頁60。")
    assert target(notes[2]) == ("resolved", (1, 0))
    assert notes[2].citations[0].named == "李四"
