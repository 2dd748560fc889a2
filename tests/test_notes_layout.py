"""Note numbers that PDF extractors set on lines of their own, four-digit numbers, unread notes."""
from conftest import notes_of

from cbmcite.model import SourceText
from cbmcite.notes import detect_notes
from cbmcite.pipeline import extract_source

BODY = ("軍事互信機制屬於信心建立措施的溝通性措施，其目的是建立通報系統，使雙方能在危機時迅速聯繫並澄清意圖，\n"
        "避免誤判與衝突升高。1此外，雙方也可以建立定期會晤的制度，讓軍方高層有固定的對話管道。2\n")
NOTE_1 = ("郭臨伍，〈信心建立措施與兩岸關係〉，《戰略與國際研究》，第2卷第1期（2000年），",
          "頁135-136。")
NOTE_2 = ("Michael Krepon et al., A Handbook of Confidence-Building Measures for Regional Security",
          "(Washington, D.C.: The Stimson Center, 1998), 375.")


def _page(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def test_number_above_its_note_as_pdftotext_layout_prints_it():
    text = _page(BODY, "1", " " + NOTE_1[0], NOTE_1[1], "2", " " + NOTE_2[0], NOTE_2[1], "", "        1", "\f")
    notes = notes_of(text)
    assert notes[1].text == "".join(NOTE_1)
    assert notes[2].text == " ".join(NOTE_2)


def test_number_after_its_note_and_note_glued_to_the_body():
    """pdftotext may print the note right after the body's last line and its number after the note."""
    text = _page(BODY.rstrip("\n"), *NOTE_1, "1", "", *NOTE_2, "2", "", "1", "\f")
    notes = notes_of(text)
    assert notes[1].text == "".join(NOTE_1)
    assert notes[2].text == " ".join(NOTE_2)


def test_numbers_out_of_place_still_count_the_notes():
    """The numbers tell how many notes the area holds; sentence ends and short lines tell where each starts."""
    text = _page(BODY, "", "王名揚，前揭書", *NOTE_2, "2", "1", "", "3", "", *NOTE_1, "", "1", "\f")
    notes = notes_of(text)
    assert [notes[n].text[:6] for n in (1, 2, 3)] == ["王名揚，前揭", "Michae", "郭臨伍，〈信"]


def test_body_marker_alone_on_a_line_is_not_a_note():
    body = BODY.replace("此外", "\n2\n此外").replace("對話管道。2", "對話管道。")
    text = _page(body, "1", " " + NOTE_1[0], NOTE_1[1], "2", " " + NOTE_2[0], NOTE_2[1], "", "1", "\f")
    notes = notes_of(text)
    assert notes[2].text == " ".join(NOTE_2)
    assert notes[1].text == "".join(NOTE_1)


def test_numbers_alone_that_do_not_follow_the_sequence_are_left_alone():
    text = _page(BODY, "2023", "", "1 " + "".join(NOTE_1), "2 " + NOTE_2[0], NOTE_2[1], "", "7", "\f")
    notes = notes_of(text)
    assert sorted(notes) == [1, 2] and notes[1].text == "".join(NOTE_1)


def test_four_digit_note_numbers():
    text = ("正文。998再續。999又續。1000再續。1001\n\n"
            "998 A. Author, Title, Place: Press, 2001, p.1.\n999 B. Writer, Title, Place: Press, 2002, p.2.\n"
            "1000 C. Person, Title, Place: Press, 2003, p.3.\n1001 楊永明，〈信心建立措施〉，《問題與研究》，1999年，頁2。\n")
    notes = notes_of(text)
    assert notes[1000].text.startswith("C. Person") and notes[1001].text.endswith("頁2。")
    assert all(n.status == "ok" for n in notes.values())


def test_a_year_at_the_start_of_a_document_is_no_note():
    notes = notes_of("2011 Smith, Jones and others met in Taipei, as the papers reported.\n正文。1\n")
    assert 2011 not in notes


def test_a_gap_is_one_anomaly_however_long():
    text = "正文。1\n\n1 A. Author, Title, Place: Press, 2001, p.1.\n9000 B. Writer, Title, Place: Press, 2002, p.2.\n"
    gaps = [a for a in detect_notes(text).anomalies if a.kind == "gap"]
    assert len(gaps) <= 1


def test_markers_without_any_note_text_warn():
    text = "第一段正文提到互信機制。1第二段正文繼續。2\n第三段。3\n"
    result = extract_source(SourceText(path="chapter.txt", text=text, encoding="utf-8"))
    assert any("no note text" in w for w in result.warnings)
    assert any(a.kind == "no_note_text" for a in result.anomalies)


def test_notes_with_text_do_not_warn():
    text = "正文。1\n\n1 楊永明，〈信心建立措施〉，《問題與研究》，1999年，頁2。\n"
    result = extract_source(SourceText(path="chapter.txt", text=text, encoding="utf-8"))
    assert not any("no note text" in w for w in result.warnings)


def test_ibid_alone_ends_its_note():
    text = "正文。1再續。2\n\n1 A. Author, Title, Place: Press, 2001, p.1.\n2 Ibid.\n例如,北韓的「核勒索」迫使美國在韓國部署反導系統。\n"
    assert notes_of(text)[2].text == "Ibid."


def test_body_heading_after_a_note_is_not_glued_into_it():
    text = "正文。1\n\n1 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期（1999年），頁\n（二）美中軍事熱線的建立\n"
    assert notes_of(text)[1].text.endswith("頁")


def test_prose_after_a_complete_note_is_body_even_if_it_quotes():
    text = "正文。1\n\n1 中國造紙學會，《中國造紙年鑑：2003》，北京：中國輕工業出版社，2003，頁 19-20。\n其次,「相互再保證」有助於強化美中之間的戰略穩定性。\n"
    assert notes_of(text)[1].text.endswith("頁 19-20。")


def test_url_broken_at_a_hyphen_goes_on():
    text = ("正文。1\n\n1 D. Perkins, “The Good Place,” A.V. Club, 2018,\nhttps://www.avclub.com/the-good-place-ends-with-i-\n"
            "1822649316.\n")
    assert notes_of(text)[1].text.endswith("with-i-1822649316.")


def test_issue_number_cut_at_the_line_end_is_no_page_reference():
    text = "正文。1\n\n1 久保智康，〈銅鏡製作工藝〉，《東方博物》，第1\n期(民國98年)，頁85-92。\n"
    assert notes_of(text)[1].text.endswith("頁85-92。")


def test_marker_glued_to_a_prose_opener_is_no_note():
    text = ("正文。8\n\n8 林正義，〈信任建立措施芻議〉，《國防雜誌》，2003年，頁4。\n"
            "9例如:一方視維持自身霸權為核心利益,「相互再保證」所能發揮的作用將十分有限。\n"
            "9 顧炎武，《昌平山水記》，〈北京:北京古籍出版社〉，1980年，頁174。\n")
    notes = notes_of(text)
    assert notes[9].text.startswith("顧炎武") and notes[9].occurrences == 1


def test_note_running_on_to_the_next_page_is_joined_there():
    page1 = _page(BODY, "1", " " + NOTE_1[0], NOTE_1[1], "2", " U.S. Food and Drug Administration, FDA authorizes first insulin",
                  "pump intended to allow patients to customize treatment through their individual diabetes", "", "1")
    page2 = _page("\f" + BODY, "management devices, 2019, pp. 264-266.", "3", "", " " + "".join(NOTE_1), "", "2")
    notes = notes_of(page1 + page2)
    assert notes[2].text.endswith("individual diabetes management devices, 2019, pp. 264-266.")
    assert notes[3].text == "".join(NOTE_1)


def test_numbers_that_go_on_with_an_unfinished_note():
    text = ("正文。1再續。2\n\n1 Robert Jervis, “Cooperation under the Security Dilemma,” World Politics\n22(3): 45-67; see also a\n"
            "report dated\n4 March 2011, and J. Wigmore, Treatise,\n2 WIGMORE, EVIDENCE § 1367 (1940).\n"
            "2 Kenneth Waltz, Theory of International Politics, Reading: Addison-Wesley, 1979, p. 5.\n")
    notes = notes_of(text)
    assert notes[1].text.endswith("§ 1367 (1940).") and "22(3): 45-67" in notes[1].text and "4 March 2011" in notes[1].text
    assert notes[2].text.startswith("Kenneth Waltz")


def test_a_note_by_a_surname_that_is_also_a_unit():
    text = "正文。11再續。12\n\n11 楊永明，〈信心建立措施〉，《問題與研究》，1999年，頁2。\n12 萬家春，〈兩岸互信〉，《遠景季刊》，2005年，頁7。\n"
    assert notes_of(text)[12].text.startswith("萬家春")


def test_first_note_after_a_page_break_does_not_swallow_the_next_page():
    """pdfplumber text has no form feeds: the page number and running head are the page's end."""
    head = "問題與研究 第11卷第4期"
    pages = []
    for n in (1, 2, 3):
        pages.append(f"{head}\n正文第{n}頁的段落，討論兩岸軍事互信機制的建立。{n}\n"
                     f"{n} 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期（1999年），\n{n}\n")
    notes = notes_of("".join(pages) + f"{head}\n下一頁的正文從這裡開始，與註釋無關。\n")
    assert all(notes[n].text.endswith("（1999年），") for n in (1, 2, 3))


def test_note_block_printed_twice_with_numbers_alone_is_read_once():
    block = ["1", " " + NOTE_1[0], NOTE_1[1], "2", " " + NOTE_2[0], NOTE_2[1]]
    notes = notes_of(_page(BODY, *block, *block, "", "1", "\f"))
    assert notes[1].text == "".join(NOTE_1) and notes[1].occurrences == 2
    assert notes[2].text == " ".join(NOTE_2) and notes[2].occurrences == 2


def test_note_numbers_beyond_four_digits_are_named_in_a_warning():
    text = ("正文。9998再續。9999又續。10000\n\n9998 A. Author, Title, Place: Press, 2001, p.1.\n"
            "9999 B. Writer, Title, Place: Press, 2002, p.2.\n10000 C. Person, Title, Place: Press, 2003, p.3.\n")
    result = extract_source(SourceText(path="thesis.txt", text=text, encoding="utf-8"))
    assert any("10000" in w and "four digits" in w for w in result.warnings)
    assert {n.number for n in result.notes if n.status == "ok"} == {9998, 9999}


def test_second_copy_without_its_first_line_and_numbers_after_the_break():
    """The repeated block may lose its first line, and the numbers printed after the last note (with the
    page number) may come after the page break: the first copy is read, the numbers still count."""
    first = [*NOTE_1, "1", "", *NOTE_2]
    second = [" " + NOTE_1[1], "1", "", *NOTE_2, "2"]
    notes = notes_of(_page(BODY.rstrip("\n"), *first, *second, "\f", "2", "", "1") + "\f下一頁的正文。\n")
    assert notes[1].text == "".join(NOTE_1) and notes[1].occurrences == 2
    assert notes[2].text == " ".join(NOTE_2) and notes[2].occurrences == 2


def test_a_page_of_numbers_alone_is_the_end_of_the_page_before():
    text = _page(BODY.rstrip("\n"), *NOTE_1, "1", "", *NOTE_2, "\f", "2", "", "1") + "\f下一頁的正文。\n"
    notes = notes_of(text)
    assert notes[2].text == " ".join(NOTE_2)
    assert notes[1].text == "".join(NOTE_1)


def test_two_equal_notes_in_a_row_are_no_repeated_block():
    text = _page(BODY.rstrip("\n") + "又一句。3", *NOTE_1, "1", "", "同前註。", "2", "", "同前註。", "3", "", "1", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == ["".join(NOTE_1), "同前註。", "同前註。"]


def test_lines_of_a_work_cited_in_three_notes_are_no_running_head():
    """Short lines that recur because one work is cited three times follow the same note line each time."""
    pages = []
    for n in (1, 2, 3):
        pages.append(f"問題與研究\n正文第{n}頁的段落，討論兩岸軍事互信機制的建立。{n}\n"
                     f"{n} Henry Smith ed., Entrenchment\nand the psychology of language:\nHow we adapt knowledge, Mouton, 2017, p. {n}.\n{n}\n\f")
    notes = notes_of("".join(pages))
    assert all(notes[n].text.endswith(f"knowledge, Mouton, 2017, p. {n}.") for n in (1, 2, 3))


def test_a_further_source_by_author_and_title_goes_on_with_a_finished_note():
    text = ("正文。1\n\n1 徐建委，〈歷史的起點〉，《北京大學學報》，第62卷第2期（2025年），頁127。\n"
            "沈明室，〈互信或防範？美中建立軍事熱線的意涵\n與挑戰〉，《戰略安全研析》，第32期。\n")
    assert notes_of(text)[1].text.endswith("第32期。")


def test_prose_opening_with_a_discourse_word_after_a_finished_note_is_body():
    text = "正文。1\n\n1 徐建委，〈歷史的起點〉，《北京大學學報》，2025年，頁127。\n其次，〈相互保證〉一文也指出雙方的分歧。\n"
    assert notes_of(text)[1].text.endswith("頁127。")


def test_repeated_block_whose_last_number_only_the_second_copy_holds():
    """A body marker alone on a line above is no note number even when the first copy lacks that number."""
    body = BODY.replace("此外", "\n2\n此外").replace("對話管道。2", "對話管道。")
    block = ["1", "", *NOTE_1, "", *NOTE_2]
    text = _page(body.rstrip("\n"), "", *block, " 1", "", *NOTE_1, "", *NOTE_2, "2", "\f", "2", "", "1") + "\f下一頁。\n"
    notes = notes_of(text)
    assert notes[1].text == "".join(NOTE_1)
    assert notes[2].text == " ".join(NOTE_2)


def test_notes_above_the_first_number_may_open_with_a_lead_in():
    """pdftotext may print two notes before the page's first number; the further one opens with 參見."""
    lead = "參見國務院，《國務院關於印發打贏藍天保衛戰三年行動計劃的通知》，2018年6月27日。"
    text = _page(BODY.rstrip("\n") + "又一句。3", "", lead, NOTE_2[0] + " " + NOTE_2[1], "2", "同前註，頁5。", "3", "1", "", "1", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == [lead, " ".join(NOTE_2), "同前註，頁5。"]


def test_two_columns_notes_each_number_after_its_text():
    """Two-column pdftotext: the columns' notes come interleaved, each superscript number right after its
    note's text, or after a blank line when it labels a note no number follows."""
    abstract = "摘要：" + "本文討論兩岸軍事互信機制的建立與限制，並分析信心建立措施在亞太區域的實踐經驗。" * 4
    wide = [abstract[k:k + 44] for k in range(0, len(abstract), 44)]
    column = ["兩岸軍事互信機制屬於信心建立措", "施的溝通性措施，其目的是建立1", "通報系統，使雙方能在危機時迅速",
              "聯繫並澄清意圖，避免誤判與衝突", "升高。2此外，雙方也可以建立定", "期會晤的制度，讓軍方高層有固定",
              "的對話管道，並且逐步擴大交流的", "範圍與層級，以增進彼此的瞭解。3"]
    note_3 = ("沈明室，〈互信或防範？美中建立軍", "事熱線的意涵與挑戰〉，頁13-16。")
    text = _page(*wide, "\f") + _page("\f" + column[0], *column[1:], "", *note_3, "3", "", *NOTE_1, "1", "", "2", "",
                                     "同前註，頁182。", "", "2", "\f")
    notes = notes_of(text)
    assert notes[1].text == "".join(NOTE_1)
    assert notes[2].text == "同前註，頁182。"
    assert notes[3].text == "".join(note_3)


def test_second_copy_with_its_notes_in_another_order():
    """The repeated block may give the runs of text in another order (the columns of a page read apart)."""
    first = [*NOTE_1, "1", "", *NOTE_2, "2"]
    second = [" " + NOTE_2[0], NOTE_2[1], "2", "", *NOTE_1, "1"]
    notes = notes_of(_page(BODY.rstrip("\n"), "", *first, *second, "", "1", "\f"))
    assert notes[1].text == "".join(NOTE_1) and notes[1].occurrences == 2
    assert notes[2].text == " ".join(NOTE_2) and notes[2].occurrences == 2


def test_numbers_alone_in_text_without_form_feeds():
    """pdftotext -nopgbrk and joined page texts: the running heads tell where each page starts."""
    head = "問題與研究 第11卷第4期"
    pages = [f"{head}\n正文第{n}頁的段落，討論兩岸軍事互信機制的建立。{n}\n"
             f"楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第{n}卷第6期（1999年），頁{n}。\n{n}\n\n{n}\n"
             for n in (1, 2, 3)]
    notes = notes_of("".join(pages))
    assert [notes[n].text for n in (1, 2, 3)] == [f"楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第{n}卷第6期（1999年），頁{n}。"
                                                 for n in (1, 2, 3)]


def test_a_marker_alone_among_glued_notes_without_form_feeds_is_no_note():
    head = "問題與研究 第11卷第4期"
    pages = [f"{head}\n正文第{n}頁的段落，討論兩岸軍事互信機制的建立。\n{n}\n這一段接著討論熱線的實踐經驗與限制。\n"
             f"{n} 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，1999年，頁{n}。\n{n}\n" for n in (1, 2, 3)]
    notes = notes_of("".join(pages))
    assert all(notes[n].text.startswith("楊永明") for n in (1, 2, 3))


HEAD = "問題與研究 第11卷第4期"
NOTE_3 = "同前註，頁182。"


def _with_heads(*pages: str) -> str:
    return "\f".join(f"{HEAD}\n\n{page}" for page in pages)


def test_rest_of_a_page_printed_after_its_repeated_block_and_a_break():
    """The extractor may print a page's note block twice and then, after a form feed and with no running head, the
    rest of the page: a note and numbers printed after the block, and the page number."""
    body = BODY.rstrip("\n") + "最後，熱線也需要定期測試。3"
    block = ["2", *NOTE_2]
    first = _page(body, "", *NOTE_1, *block, " " + block[0], *block[1:], "") + "\f\n" + _page("1", NOTE_3, "3", "", "1")
    text = _with_heads(first, "第二頁的正文，說明研究方法。\n\n2\n", "第三頁的正文，提出結論。\n\n3\n")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == ["".join(NOTE_1), " ".join(NOTE_2), NOTE_3]
    assert notes[2].occurrences == 2


def test_a_marker_alone_above_a_repeated_block_yields_to_the_number_after_the_copies():
    """A body marker wrapped onto a line of its own right above the note block is not the note's number when
    the same number is printed after the second copy."""
    body = BODY.rstrip("\n") + "最後，熱線也需要定期測試。\n3"
    block = ["1", *NOTE_1, "2", *NOTE_2]
    first = _page(body, "", *block, " " + block[0], *block[1:], "") + "\f\n" + _page(NOTE_3, "3", "", "1")
    text = _with_heads(first, "第二頁的正文，說明研究方法。\n\n2\n", "第三頁的正文，提出結論。\n\n3\n")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == ["".join(NOTE_1), " ".join(NOTE_2), NOTE_3]


def test_a_short_last_page_after_a_page_printed_once_stays_its_own_page():
    body = BODY.rstrip("\n") + "最後，熱線也需要定期測試。3"
    page = _page(body, "", "1", *NOTE_1, "2", *NOTE_2, "3", NOTE_3, "", "1")
    text = _with_heads(page, "第二頁的正文，說明研究方法。\n\n2\n", page.replace("。1", "。4").replace("。2", "。5")
                       .replace("。3", "。6").replace("\n1\n", "\n4\n").replace("\n2\n", "\n5\n").replace("\n3\n", "\n6\n"))
    text += "\f\n總之，互信的建立需要時間。\n\n4\n"
    notes = notes_of(text)
    assert notes[6].text == NOTE_3


def test_a_note_whose_number_is_printed_only_after_the_copies():
    """The page's one note has no number before it in either copy: its number follows the second copy and the break."""
    body = "第二頁的正文，說明熱線在危機時的作用。1"
    first = _page(body, "", *NOTE_1, " " + NOTE_1[0], NOTE_1[1], "1", "") + "\f\n" + _page("1", "", "2")
    text = _with_heads("第一頁的正文，說明研究方法。\n\n1\n", first, "第三頁的正文，提出結論。\n\n3\n")
    notes = notes_of(text)
    assert notes[1].text == "".join(NOTE_1)


def test_a_repeated_block_whose_last_note_says_what_an_earlier_one_does():
    """The first copy's last note repeats an earlier note's words (同前註。): the second copy starts where the
    extractor opened it with a space, not at that line."""
    body = BODY.rstrip("\n") + "又一句。3再一句。4"
    block = ["1", *NOTE_1, "2", "同前註。", "3", *NOTE_2, "4", "同前註。"]
    notes = notes_of(_page(body, "", *block, " " + block[0], *block[1:], "", "1", "\f"))
    assert [notes[n].text for n in (1, 2, 3, 4)] == ["".join(NOTE_1), "同前註。", " ".join(NOTE_2), "同前註。"]
    assert notes[4].occurrences == 2


def test_a_repeated_block_of_one_line_opened_with_a_space():
    """Only the page's last note printed again, its number opened with the extractor's space: one note, counted twice."""
    body = BODY.rstrip("\n") + "又一句。3"
    text = _page(body, "", "1", *NOTE_1, "2", *NOTE_2, "3", "", NOTE_3, " 3", "", NOTE_3, "", "1", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == ["".join(NOTE_1), " ".join(NOTE_2), NOTE_3]
    assert notes[3].occurrences == 2


# Two columns of body and notes whose lines are about as wide as each other (the notes set smaller): pdftotext
# reads the columns' blocks in turns, each with its superscript numbers somewhere near it.
TWO_COLUMN_BODY = ["雙方在危機時需要迅速聯繫並澄清意圖。1", "定期會晤的制度讓軍方高層有對話管道。5",
                   "熱線的建立是信心建立措施的第一步。2", "兩岸之間的互信仍然十分薄弱而有限。6",
                   "美中關係的起伏也牽動兩岸的互動。3", "區域國家對此的看法並不一致而分歧。7",
                   "學界對於互信機制的效果看法分歧。4", "未來的發展仍有待雙方持續的努力。8"]
COLUMN_NOTES = {
    1: ("楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，", "第38卷第6期（1999年），頁297-301。"),
    2: ("同前註，頁182。",),
    3: ("郭臨伍，〈信心建立措施與兩岸關係〉，頁135-136。",),
    4: ("湯紹成，〈略論兩岸軍事互信機制〉，頁3-5。",),
    5: ("Bonnie Glaser, Promoting Confidence Building Across", "the Taiwan Strait (Washington, D.C.: CSIS, 2008), 11."),
    6: ("沈明室，〈互信或防範？美中建立軍事熱線〉，頁13-16。",),
    7: ("同上，頁20。",),
    8: ("同前註，頁25-26。",),
}


def test_two_columns_of_notes_read_in_turns_with_their_numbers_near_them():
    """The left column's notes 1-4 and the right column's 5-8 come in turns: a number after its note, a
    number alone before the note no number follows, a column's notes set without a break with their numbers
    among them in another order, two numbers alone before the two notes they label, the page number among
    them. Each note keeps its own text."""
    n = COLUMN_NOTES
    text = _page(*TWO_COLUMN_BODY, "", *n[1], "1", "", *n[5], "5", "", "2", "", *n[2], "",
                 *n[6], "7", *n[7], "8", *n[8], "6", "", "15", "", "3", "4", "", *n[3], *n[4], "\f")
    notes = notes_of(text)
    assert {k: notes[k].text for k in n} == {k: "".join(v) if k < 5 else " ".join(v) for k, v in n.items()}


def test_one_column_notes_after_their_numbers_stay_in_the_order_of_the_text():
    """One column whose numbers stand alone before their notes, one after a note: the notes go in order."""
    n = COLUMN_NOTES
    text = _page(*TWO_COLUMN_BODY, "", "1", "", *n[1], "", "2", "", *n[2], "", "3", "", *n[3], "4", "", *n[4], "",
                 "5", "", *n[5], "", "6", "", *n[6], "", "7", "", *n[7], "", "8", "", *n[8], "\f")
    notes = notes_of(text)
    assert {k: notes[k].text for k in n} == {k: "".join(v) if k < 5 else " ".join(v) for k, v in n.items()}


BODY_LINES = ["兩岸軍事互信機制屬於信心建立措施的溝通性措施，其目的是建立通報系統，使雙方能在危機時迅速聯繫。1",
              "此外，雙方也可以建立定期會晤的制度，讓軍方高層有固定的對話管道，並逐步擴大交流的範圍。2",
              "然而，互信的建立需要時間，雙方的政治分歧也使得各項措施的推動面臨相當的困難與挑戰。3",
              "因此，學界對於互信機制的效果看法分歧，有人樂觀其成，也有人認為其作用十分有限而已。4"]


def test_numbers_both_before_and_after_their_notes_in_one_column():
    """One column whose numbers stand after some notes (two of them after a block of two notes) and alone
    before others: the numbers near the notes read them, a prose note above the first number among them."""
    prose = "此外，一些突發事件也可能干擾雙方互信的建立與發展。"
    text = _page(*BODY_LINES, "", prose, *NOTE_2, "1", "2", "", "3", "", "同前註，頁182。", "", "4", "",
                 *NOTE_1, "", "1", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3, 4)] == [prose, " ".join(NOTE_2), "同前註，頁182。", "".join(NOTE_1)]


def test_the_body_line_with_its_marker_above_the_first_number_is_no_note():
    """The body's last line ends with a marker ('。5', the next page's note) right above the first note's
    number alone: the notes start below it; a note's address on a line of its own starts no note."""
    url_note = ("蕭鈺，〈出版業信息化邁入快車道〉，2001年12月19日，", "http://www.creader.com/news/20011219.html")
    english = "The talks resumed in 2024 after a long pause."
    text = _page(*BODY_LINES[:3], BODY_LINES[3][:-1] + "4又一句。5", "1", "", "同上，頁5。", "", *url_note, "2", "",
                 "3", "4", "", "同前註，頁182。", english, "", "1", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3, 4)] == ["同上，頁5。", "".join(url_note), "同前註，頁182。", english]


def test_gbt_notes_under_the_body_with_their_numbers_after_them():
    """GB/T 7714 notes, numbers alone after them: the first note right under the body's last line (no blank line
    between) reads as a citation though it opens with a bare cross-reference (同 3); its line '2(1/2): 5-26.' is
    the volume and issue, no note 2 glued to its text; two notes in one block part at a name in capitals, not
    at a publisher's name that opens a line ('Psychology Press, 2004')."""
    gbt = ("同 3: 207; DOWLER L. The research university's dilemma: Resource sharing and research in a",
           "transinstitutional environment[J]. Journal of Library Administration, 1995,", "2(1/2): 5-26.")
    prose = "此外,一些突發事件也可能干擾再保證的努力,使雙方的互信難以建立。"
    capitals = ("CENTERS FOR DISEASE CONTROL AND PREVENTION. People at high risk of developing flu-related",
                "complications[EB/OL]. (2018-01-23). https://www.cdc.gov/flu/about/disease/high_risk.htm.")
    chapter = ("SACCHETT C. HUMPHREYS G W. Calling a squirrel a squirrel[M]//BALOTA D A. Cognitive psychology.",
               "Psychology Press, 2004: 195.")
    text = _page(*BODY_LINES, *gbt, "1", "", "2", "", "同上: 106-108.", "", prose, *capitals, "3", "4", "",
                 *chapter, "5", "", "12", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3, 4, 5)] == [" ".join(gbt), "同上: 106-108.", prose, " ".join(capitals),
                                                        " ".join(chapter)]


def test_a_page_cited_wrapped_onto_a_line_of_its_own_is_no_note_number():
    """'…（化學工業出版社，民國99年），頁' / '160': the note's page, wrapped, not a number alone; the note keeps it."""
    note = ("侯文順，《高分子物理：高分子材料分析、選擇與改性》（化學工業出版社，民國99年），頁", "160")
    text = _page(*BODY_LINES[:2], "", *note, "1", "", "2", "", "同上，72-75。", "", "1", "\f")
    notes = notes_of(text)
    assert notes[1].text == "".join(note) and notes[2].text == "同上，72-75。"


def test_a_commentary_note_whose_sentence_ends_at_a_line_end_keeps_its_sources():
    """'…終於舉行。' / '請參閱林正義，…' above its number: one commentary note (prose that names no source, then
    its sources after a lead-in), not two; the block below it holds two notes, parted at the English name."""
    prose = "雙方在二〇二四年一月恢復國防政策協調對話，睽違近三年的會談終於舉行。"
    lead = "請參閱林正義，〈兩岸軍事互信〉，《問題與研究》，第48卷第2期，頁5。"
    text = _page(*BODY_LINES, prose, lead, "1", "", "同上註，頁260-261。", *NOTE_2, "2", "3", "", "12", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == [prose + lead, "同上註，頁260-261。", " ".join(NOTE_2)]


def test_a_note_whose_address_stands_on_the_line_above_its_number():
    """'…1964: 314-316.' / 'https://…' / '1': the address on a line of its own belongs to the note above it,
    though that line ends a sentence and opens like no name."""
    note = ("Civil Rights Act of 1964: 88-352[A/OL]//Stat.: 卷 78. 1964: 314-316.",
            "https://www.govinfo.gov/content/pkg/STATUTE-78/pdf/STATUTE-78-Pg241.pdf.")
    text = _page(*BODY_LINES[:2], "", *note, "1", "", "同上: 131.", "2", "", "12", "\f")
    notes = notes_of(text)
    assert notes[1].text == " ".join(note) and notes[2].text == "同上: 131."
