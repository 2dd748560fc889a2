"""Note detection on artefacts of PDF text extraction (CONVENTIONS.md §7): small synthetic pages."""
from cbmcite.notes import detect_notes

BODY = "兩岸軍事互信機制的建立，需要雙方長期的溝通與努力。1另一方面，美中關係的變化也影響兩岸。2\n"
NOTE_1 = "1 然而，兩岸關係的發展仍有許多變數，值得持續觀察與研究，以避免誤判與衝突的升高。\n"
NOTE_1_TAIL = "學者相繼提出不同的看法。參見林正義，〈兩岸軍事互信〉，《問題與研究》，第48卷第2期，頁5。\n"
NOTE_2 = "2 同上，頁7。\n"


def texts(text: str) -> dict:
    return {n.number: n.text for n in detect_notes(text).notes}


def test_lines_between_two_notes_are_the_first_notes_tail():
    """A note's sentence ended at the line's end: the lines up to the next note are still that note."""
    got = texts(BODY + NOTE_1 + NOTE_1_TAIL + NOTE_2)
    assert got[1].endswith("頁5。") and got[1].startswith("然而")
    assert got[2] == "同上，頁7。"


def test_a_blank_line_parts_a_note_from_the_text_after_it():
    """Two columns: the other column's body, set off by blank lines, comes between two notes."""
    got = texts(BODY + NOTE_1 + "\n" + NOTE_1_TAIL + "\n" + NOTE_2)
    assert got[1].endswith("升高。")


def test_text_after_the_last_note_of_a_page_stays_body_text():
    got = texts(BODY + NOTE_1 + NOTE_2 + "\f第二頁的正文，在這裡繼續討論兩岸關係的發展。\n" + NOTE_1_TAIL)
    assert got[2] == "同上，頁7。" and got[1].endswith("升高。")


# pdftotext prints superscript note numbers on lines of their own, here after the notes; the body's last
# paragraph, cut at the page's foot, runs on into the first note without a blank line.
PAGE_HEAD = "\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面，美中關係也影響兩岸。2\n"
CUT_PROSE = ("回到現實面來看，「相互再保證」在實務操作上並非靈丹妙藥，其成效取決於雙方是否\n"
             "願意化解彼此疑慮，採取行動證明此一意願。如果一方缺乏\n")
NUMBERS_AFTER = "1\n2\n\n同上，頁308。\n\f下一頁的正文。\n"


def test_body_cut_at_the_page_foot_is_not_the_first_note():
    got = texts(PAGE_HEAD + CUT_PROSE + "曹凌，《中國佛教疑偽經綜錄》（上海：上海古籍出版社，2011年），頁354。\n"
                + NUMBERS_AFTER)
    assert got[1] == "曹凌，《中國佛教疑偽經綜錄》（上海：上海古籍出版社，2011年），頁354。"
    assert got[2] == "同上，頁308。"


def test_a_short_form_after_cut_body_text_opens_the_note():
    got = texts(PAGE_HEAD + CUT_PROSE + "Ibid., 34. See also Elliot and Reginald, Dictionary, 203.\n" + NUMBERS_AFTER)
    assert got[1].startswith("Ibid., 34.")


def test_a_commentary_note_that_cites_before_a_line_break_stays_whole():
    """Prose that names a source is a note's: a line that opens like a citation further on does not split it."""
    note = ("雖然中國中斷雙方高階軍事會談以示不滿，但仍需和美國維持適度的軍事溝通，另參見徐曉迪，\n"
            "《兩岸軍事互信機制》，頁340。同前注，頁103。史\n"
            "曉東，《兩岸軍事安全互信機制研究》，頁193。\n")
    got = texts(PAGE_HEAD + note + NUMBERS_AFTER)
    assert got[1].startswith("雖然中國中斷") and got[1].endswith("頁193。")


def test_a_number_printed_below_its_notes_first_line():
    """pdftotext -layout sets a superscript number on the line above its note, or below the note's first line."""
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面，美中關係也影響兩岸。2\n"
            "1\n     王名揚，前揭書，頁 244。\n"
            " 對美國而言，向中國作出的任何安全保證都可能引發盟友的不安。另參見黃義豪，〈評黃\n"
            "2\n\n\n龜年四劾秦檜〉，《福建論壇》，第 3 期（民國 86 年），頁 27。\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1] == "王名揚，前揭書，頁 244。"
    assert got[2].startswith("對美國而言") and got[2].endswith("頁 27。")


def test_an_english_note_by_several_authors_et_al_starts_after_a_finished_note():
    """Notes set without a break between them are split where a note ends and the next line opens one."""
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面，美中關係也影響兩岸。2\n"
            "至於韓國雖推動日美韓安全保障合作，強化同盟的嚇阻力，但目睹美中恢復軍事管道的破冰之舉，認為韓\n"
            "國也應擴大外交範圍。換言之，雖然韓國一直以來致力於團結對抗朝核威脅的同盟，但現在於中韓關係\n"
            "1\n\n同註 1，頁 157-161。\n\n"
            "實藤惠秀著、譚汝謙、林啟彥譯，《中國人留學日本史》（香港：香港中文大學出版社，1982 年）。\n"
            "Pieternella H. Veen et al., “Longitudinal Changes in Brain Volumes,” Journal of the Neurological\n"
            "Sciences 337, no. 1/2 (2014): 116.\n2\n3\n\n12\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1] == "同註 1，頁 157-161。"
    assert got[2].startswith("實藤惠秀著") and got[3].startswith("Pieternella H. Veen et al.")


def test_a_note_printed_before_its_number_is_not_lost_to_a_split_below():
    """pdftotext may print a superscript number after its note: the citation right above the first number is
    that note, rather than a further split of the notes below it."""
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面，美中關係也影響兩岸。2又如軍事對話。3\n"
            "Andrew Rosenthal, “White House Tutors Kremlin,” New York Times, June 15, 1990.\n"
            "1\n\n2\n\n邱穎文，前揭書，頁 27。\n\n"
            "John S. Auerbach, “The Origins of Narcissism,” in Handbook of Child Psychology: Vol. 4.\n"
            "Socialization, Personality, and Social Development (Washington, DC: Wiley, 1993), 70.\n"
            "3\n\n12\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1].startswith("Andrew Rosenthal") and got[2] == "邱穎文，前揭書，頁 27。"
    assert got[3].startswith("John S. Auerbach") and got[3].endswith("70.")


def test_an_english_note_after_chinese_body_cut_at_the_page_foot():
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面，美中關係也影響兩岸。2又如軍事對話。3\n"
            "自 2022 年 8 月，由於美國眾議院議長訪臺，美中軍事交流因而中斷，直到 2023 年 11 月舊金山峰會時，美中\n"
            "J. K. Rowling, Harry Potter and the Sorceror’s Stone (Pottermore Publishing, 2015), 24.\n"
            "Richard Ned Lebow and Janice Gross Stein, We All Lost the Cold War (Princeton: Princeton\n"
            "University Press, 1995), 20.\n3\nIbid., 194.\n1\n2\n\n12\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1].startswith("J. K. Rowling") and got[2].startswith("Richard Ned Lebow") and got[3] == "Ibid., 194."


def test_an_english_note_broken_before_a_name_shape_stays_whole():
    """'Press, 1995' opens a line with a name's shape: inside an English note that is no new citation."""
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1\n"
            "For a discussion of deterrence, see Thomas C. Schelling, The Strategy of Conflict (Cambridge: Harvard University\n"
            "Press, 1960), 21.\n1\n\n12\n\f下一頁的正文。\n")
    assert texts(page)[1].startswith("For a discussion")


def test_prose_that_opens_like_a_name_above_the_notes_stays_body_text():
    """'例如,…' has a name's shape (two characters and a comma) but opens prose: no note starts there."""
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1\n"
            "例如,美國可以宣稱無意遏制中國,但中國或許仍會懷疑美國私下是否在強化盟友關係、部署導彈\n"
            "防禦等方式來限制中國。2\n"
            "郭臨伍, “信心建立措施與兩岸關係.”\n1\n2\n\n12\n\f下一頁的正文。\n")
    assert not any(t and t.startswith("例如") for t in texts(page).values())


def test_an_author_star_set_on_a_line_of_its_own_marks_the_author_note():
    """pdfplumber may print the raised star after the author's name as a line of its own."""
    page = ("論區域海上安全合作\n海軍上校 蕭傑建\n＊\n摘要：兩岸軍事互信機制的建立，需要雙方長期的溝通與努力。1\n"
            "＊ 蕭傑建，國立政治大學外交學系博士生。\n1 徐曉迪，〈兩岸軍事互信機制〉，頁5。\n")
    got = texts(page)
    assert got["*"] == "蕭傑建，國立政治大學外交學系博士生。" and got[1] == "徐曉迪，〈兩岸軍事互信機制〉，頁5。"


def test_a_star_without_one_in_the_body_opens_no_author_note():
    page = "摘要：兩岸軍事互信機制的建立。1\n＊ 表中數字為估計值。\n1 徐曉迪，〈兩岸軍事互信機制〉，頁5。\n"
    assert "*" not in texts(page)


def test_chinese_names_joined_by_and_open_a_note_above_the_numbers():
    """Chicago-style notes write two Chinese authors as '應松年 and 馬懷德, …'."""
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面，美中關係也影響兩岸。2\n\n"
            "應松年 and 馬懷德, 當代中國行政法的源流, 153–154.\n"
            "N. G. Cuellar, “Study Abroad Programs,” Journal of Transcultural Nursing 27, no. 3\n"
            "(2016): 69.\n1\n2\n\n12\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1] == "應松年 and 馬懷德, 當代中國行政法的源流, 153–154." and got[2].startswith("N. G. Cuellar")


def test_lines_after_a_pages_last_note_up_to_the_page_foot_are_its_tail():
    got = texts(BODY + NOTE_1 + NOTE_2 + "參閱方明東，《羅隆基政治思想研究》，頁367-371。\n\f下一頁的正文，在這裡繼續討論。\n")
    assert got[2] == "同上，頁7。參閱方明東，《羅隆基政治思想研究》，頁367-371。"


def test_body_text_after_a_blank_line_is_no_notes_tail_at_the_page_foot():
    """Two columns: the other column's body follows the last note after a blank line."""
    got = texts(BODY + NOTE_1 + NOTE_2 + "\n單純依賴軍事嚇阻不足以維持美中關係的穩定。\n\f下一頁的正文。\n")
    assert got[2] == "同上，頁7。"


def test_a_note_whose_author_was_left_out_starts_at_its_number():
    got = texts(BODY + NOTE_1 + "2 ，〈周易外傳：卷5〉；收錄於王夫之編，《船山全書》，頁1003。\n")
    assert got[2].startswith("，〈周易外傳")


RUN_OVER = ("兩岸關係的發展，需要雙方長期的溝通與努力。1\n"
            "1 Simon J. A. Mason and Matthias Siegfried, “Confidence Building Measures in Peace Processes,” in\n"
            "Managing Peace Processes: A Handbook\n\f第二頁的正文，討論兩岸關係的發展。2\n這場對話是「重要的一步」。\n")


def test_a_note_run_over_a_page_ends_at_the_top_of_the_next_pages_notes():
    got = texts(RUN_OVER + "for AU Practitioners (Switzerland: Centre for Humanitarian Dialogue, 2013), 57–59.\n"
                "2 同上，頁5。\n")
    assert got[1].endswith("A Handbook for AU Practitioners (Switzerland: Centre for Humanitarian Dialogue, 2013), 57–59.")
    assert got[2] == "同上，頁5。"


def test_body_lines_above_the_next_note_are_no_run_over_end():
    got = texts(RUN_OVER + "2 同上，頁5。\n")
    assert got[1].endswith("A Handbook")


def test_the_first_notes_indented_first_line_above_its_number():
    """pdftotext -layout: the page's first note's first line, indented, with its number printed below it."""
    page = ("\f首先,一大風險在於「錯誤安心」,如果一方心懷擴張野心,結果可能適得其反。1\n"
            " See also Siân Herbert, “Lessons from Confidence Building Measures” (Birmingham, UK:\n"
            "1\n\nGSDRC, 2014), 4–6.\n\f下一頁的正文。\n")
    assert texts(page)[1].startswith("See also Siân Herbert") and texts(page)[1].endswith("4–6.")


def test_a_body_line_above_the_first_number_stays_body_text():
    page = ("\f首先,一大風險在於「錯誤安心」,如果一方心懷擴張野心,結果可能適得其反。1\n"
            "例如:雙方若能就彼此核心關切做出一定程度的保證,\n1\n     楊永明，〈信心建立措施〉，頁5。\n\f下一頁的正文。\n")
    assert texts(page)[1] == "楊永明，〈信心建立措施〉，頁5。"


def test_a_number_between_two_notes_of_a_column_goes_with_the_order():
    """Two columns (pdftotext): a raised number printed on the one line between two notes could close the first
    or open the second; a column's notes go in order, so '…頁 170。/2/Glaser…/1' are notes 1 and 2."""
    wide = "".join(f"兩岸軍事互信機制的建立需要雙方長期的溝通與努力，也需要國際社會第{n}次的支持與理解。\n" for n in "一二三")
    column = "".join(f"雙方軍事互信的建立需要第{n}階段的時間\n" for n in "一二三四五六七八九")
    page = (wide + "\f" + column + "兩岸關係的發展值得注意。1\n" + "美中關係也影響兩岸。2\n\n"
            + "參見史曉東，《兩岸軍事安全互信機制研究》，頁 170。\n2\n"
            + "Bonnie Glaser and Brad Glosserman, Promoting Confidence, 11–12.\n1\n\n3\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1].startswith("參見史曉東") and got[2].startswith("Bonnie Glaser")


def test_a_note_that_opens_with_a_year():
    got = texts(BODY + "1 Goldman, “The Complicated Calibration of Love.”\n2 2009年,歐巴馬政府更進一步提出「戰略再保證」的構想。\n")
    assert got[2] == "2009年,歐巴馬政府更進一步提出「戰略再保證」的構想。"


def test_a_number_before_a_year_outside_a_note_block_is_no_note():
    assert texts("兩岸關係的發展，需要雙方長期的溝通與努力。\n1 2009年,歐巴馬政府更進一步提出「戰略再保證」的構想。\n").get(1) is None


def test_a_blank_line_before_the_page_number_keeps_the_last_notes_tail():
    """pdftotext sets a blank line between the note block and the page number."""
    got = texts(BODY + NOTE_1 + NOTE_2 + "參閱方明東，《羅隆基政治思想研究》，頁367-371。\n\n- 2 -\n\f下一頁的正文，在這裡繼續討論。\n")
    assert got[2].endswith("頁367-371。")


def test_a_new_paragraph_after_the_held_lines_is_body_text():
    got = texts(BODY + NOTE_1 + NOTE_2 + "參閱方明東，《羅隆基政治思想研究》，頁367-371。\n\n這是另一段正文。\n\f下一頁。\n")
    assert got[2] == "同上，頁7。"


def test_a_one_line_note_above_its_number_in_layout_text():
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面。2又如。3\n"
            "1\n     信春鷹，《關於行政訴訟法修正案的說明》（民國 102 年），頁 184。\n"
            " 同前註，192。\n2\n\n\n"
            " Victor Yves Ghebail, Confidence Building Measures: Defusing the Cold War, in a\n3\n\n"
            "Handbook of Confidence Building Measures for Regional Security, 1998, p. 324.\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1].endswith("頁 184。") and got[2] == "同前註，192。" and got[3].endswith("p. 324.")


def test_a_see_note_whose_number_is_printed_below_its_first_line():
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面。2\n"
            "1\n  Australian Bureau of Statistics, “Estimated Resident Population by Age and Sex in\n"
            "Statistical Local Areas, New South Wales, June 1990,” 106.\n"
            " See 汪疑今, “江蘇的小農及其副業,” 中國經濟 4, no. 6 (June 15, 1936): 340–342. 邱穎文, “遺傳與\n"
            "2\n\n\n語言學習,” 2.\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1].endswith("June 1990,” 106.") and got[2].startswith("See 汪疑今") and got[2].endswith("2.")



def test_a_commentary_notes_first_line_set_in_above_its_number_whatever_its_words():
    """pdftotext -layout: the second note's indented first line, cut after '參', stands above its number and its
    next line ('閱林正義，〈…〉') opens like a name: the indent tells the first line, not the words."""
    page = ("\f兩岸關係的發展，需要雙方長期的溝通與努力。1另一方面。2\n"
            "1\n  Australian Bureau of Statistics, “Estimated Resident Population by Age and Sex in\n"
            "Statistical Local Areas, New South Wales, June 1990,” 106.\n"
            " 雙方在二〇二一年以後首次舉行正式會談，引起各方關注。參\n"
            "2\n\n\n閱林正義，〈兩岸軍事互信〉，《問題與研究》，第48卷第2期，頁5。\n\f下一頁的正文。\n")
    got = texts(page)
    assert got[1].endswith("June 1990,” 106.") and got[2].startswith("雙方在") and got[2].endswith("頁5。")


def test_pages_and_an_address_broken_onto_the_next_line_stay_with_their_note():
    """A column's note line ends with 'Ibid.' or with a URL cut at '%20'; the pages or the rest of the address
    start the next line, a blank line after them: still that note's."""
    page = (BODY + "1 再保證被視為補充傳統威懾手段的重要機制。參閱 Ibid.\npp.174-177.\n\n"
            "2 參見 D. Bawden, Origins of digital literacy, 2008, http://www.soi.city.ac.uk/~dbawden/digital\n"
            "%20literacy%20chapter.pdf.\n\n下一段正文。\n")
    got = texts(page)
    assert got[1].endswith("Ibid. pp.174-177.") and got[2].endswith("digital%20literacy%20chapter.pdf.")

# An English page: the end of a note that ran over from the page before stands at the top of this page's
# note area, parted from the body by a blank line; under an English body it does not read as a citation.
EN_PAGE_1 = ("The courts have long deferred to the political branches on war powers.1\n\n"
             "1 See, e.g., Curtis A. Bradley & Jack L. Goldsmith, Foreign Relations Law: Cases and\n"
             "\f")
EN_PAGE_2_BODY = "Courts abroad have confronted similar questions with different tools.2\n\n"
EN_RUN_OVER = ("Materials 45-52 (6th ed. 2017); cf. Louis Henkin, Foreign Affairs and the United States\n"
               "Constitution 12 (1996) (arguing that the courts should\nstay out of these questions).\n")
EN_NOTE_2 = "2 Dames & Moore v. Regan, 453 U.S. 654, 668-69 (1981).\n"


def test_a_run_over_note_end_parted_from_the_body_by_a_blank_line_is_that_notes():
    got = texts(EN_PAGE_1 + EN_PAGE_2_BODY + EN_RUN_OVER + EN_NOTE_2)
    assert got[1].endswith("stay out of these questions).") and "Cases and Materials" in got[1]
    assert got[2].startswith("Dames & Moore")


def test_a_body_paragraph_with_a_marker_after_a_blank_line_stays_body_text():
    got = texts(EN_PAGE_1 + "Courts abroad have confronted similar questions.\n\n"
                "Scholars disagree about what makes nations comply.2\n" + EN_NOTE_2)
    assert "Scholars" not in got[1]


def test_a_notes_tail_right_before_the_block_printed_again_is_that_notes():
    """A sentence of the first copy's last note ended at a line's end; the second copy starts under its next line."""
    note_2 = "2 然而，兩岸關係的發展仍有許多變數，值得持續觀察。\n"
    tail = "學者相繼提出不同的看法，另見林正義的相關論述。\n"
    block = "1 同前註，頁3。\n" + note_2 + tail
    got = texts(BODY + block + " " + block + "\n\n12\n\f")
    assert got[2].startswith("然而") and got[2].endswith("相關論述。")
    assert got[1] == "同前註，頁3。"


def test_the_held_tail_stops_at_the_line_that_opens_the_second_copy():
    """The second copy opens with a space on a line that starts no note (the end of a note from the page before):
    that line is the copy's, not the first copy's last note's."""
    note_2 = "2 然而，兩岸關係的發展仍有許多變數，值得持續觀察。\n"
    tail = "學者相繼提出不同的看法，另見林正義的相關論述。\n"
    block = "1 同前註，頁3。\n" + note_2 + tail
    got = texts(BODY + block + " 以上為前一頁註釋的結尾，頁9。\n" + block + "\n\n12\n\f")
    assert got[2].startswith("然而") and got[2].endswith("相關論述。")


def test_a_blank_line_set_into_the_second_copy_inside_an_address_loses_no_text():
    """The second copy has a blank line where the address broke after a slash: the first copy's whole address wins
    over the shorter copy."""
    head = "1 Ministry of National Defense, National Defense Report, 2021, 45,\nhttps://www.mnd.gov.tw/report/2021/\n"
    rest = "index.html.\n2 同上，頁7。\n"
    got = texts(BODY + head + rest + " " + head + "\n" + rest + "\n12\n\f")
    assert got[1].endswith("/report/2021/index.html.")
    assert got[2] == "同上，頁7。"


def test_an_address_broken_at_the_line_end_stays_with_its_note_above_its_number():
    """A note printed above its number (pdftotext) whose URL runs on to the next line: the address's rest
    ('%20paper.pdf.') is no note of its own, and the name line above it is the note's first line."""
    head = "國防雜誌\n\n第 15 卷第 4 期\n\n兩岸互信之研究\n\n壹、前言\n"
    body = "".join(f"兩岸軍事互信機制的建立需要雙方長期的溝通與努力，也需要國際社會的支持與理解以免誤判第{n}次。\n"
                   f"衝突的升高。{n}\n" for n in range(1, 5))
    notes = ("J. Smith, Notes on maritime confidence, May 4, 2008, http://www.example.org/~smith/maritime%20cbm\n"
             "%20paper.pdf.\n1\n\n林正義，《兩岸關係》（臺北：五南，2001年），頁 313-315。\n2\n\n3\n\n"
             "林正義，前引書，頁 350。\n\n4\n\n同前註，頁 274。\n")
    got = texts(head + body + notes)
    assert got[1] == "J. Smith, Notes on maritime confidence, May 4, 2008, http://www.example.org/~smith/maritime%20cbm%20paper.pdf."
    assert got[3] == "林正義，前引書，頁 350。"




def test_an_address_cut_inside_a_number_goes_on_on_the_next_line():
    """In two columns (body lines far narrower than the notes), a URL breaks between two digits of a date in
    its path: the next line opens with digits rather than a slash, yet it finishes the address."""
    body = "雙方軍事互信的建立需要時間與耐心。\n" * 12 + "兩岸關係的變化也影響區域的穩定。3\n\n"
    cited = "〈兩岸軍事互信機制的建立與區域安全的發展〉，《問題與研究》，第48卷第2期，頁5。\n"
    page = (body + "1 林正義，" + cited + "2 楊永明，" + cited
            + "3 〈國務院常務會議研究住房政策與房地產市場的健康發展措施〉，《人民網》，"
            "\n<http://www.example.cn/news/2\n011-03/08/content_77.htm>。\n\n4 沈明室，" + cited)
    got = texts(page)
    assert got[3].endswith("<http://www.example.cn/news/2011-03/08/content_77.htm>。")
    assert got[4].startswith("沈明室")


def test_an_address_run_over_from_a_note_printed_before_a_lower_one_is_that_notes():
    """Two columns interleave their notes, so the page's last note (3) is printed before note 2; its address
    runs over to the top of the next page's note area, alone above note 4: still note 3's."""
    page_1 = ("兩岸軍事互信機制的建立需要時間。1雙方的溝通管道仍待加強。2美中關係也影響兩岸。3\n\n"
              "1 林正義，〈兩岸軍事互信〉，《問題與研究》，第48卷第2期，頁5。\n"
              "3 U.S. Government Accountability Office, “Annual Report:\nFiscal Year 2019,” 2019, 41,\n\n"
              "2 同上，頁7。\n\f")
    page_2 = ("雙方在二〇二一年以後首次舉行正式會談，\n引起各方關注。4\n\n"
              "https://www.example.gov/files/annual-report-2019.pdf.\n"
              "4 沈明室，〈互信或防範？〉，頁12。\n")
    got = texts(page_1 + page_2)
    assert got[3].endswith("2019, 41, https://www.example.gov/files/annual-report-2019.pdf.")
    assert got[2] == "同上，頁7。" and got[4] == "沈明室，〈互信或防範？〉，頁12。"


def test_a_note_end_printed_above_the_next_note_before_its_own_note_is_that_notes():
    """The extractor printed the top of the right column's notes (the last line of note 3, then note 4) before
    the rest of the left one (note 3): the line set apart above note 4 ends note 3 all the same."""
    page = ("兩岸軍事互信機制的建立需要時間。1雙方的溝通管道仍待加強。2美中關係也影響兩岸。3\n\n"
            "1 林正義，〈兩岸軍事互信〉，《問題與研究》，第48卷第2期，頁5。\n\n"
            "2019.\n4 沈明室，〈互信或防範？〉，頁12。\n\n"
            "2 同上，頁7。\n3 Rules on the exemptions for executive and administrative employees,\nF.R., Vol.84,\n")
    got = texts(page)
    assert got[3].endswith("F.R., Vol.84, 2019.")
    assert got[4] == "沈明室，〈互信或防範？〉，頁12。" and got[2] == "同上，頁7。"
