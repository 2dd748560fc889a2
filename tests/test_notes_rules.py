"""Each detection rule on small synthetic PDF-extracted texts."""
from conftest import SYNTHETIC, notes_of

from cbmcite.notes import detect_notes, join_lines

BODY = "軍事互信機制屬於信心建立措施的溝通性措施，其目的是建立通報系統。"


def test_note_block_with_and_without_space_after_number():
    text = f"{BODY}1其後雙方\n建立熱線。2\n\n1 Joseph L. Sheffield, Military Measures, Alabama: AU Press, 2009, p.7.\n2〈中國時報社論〉，《中國時報》，2001年5月1日，版2。\n"
    notes = notes_of(text)
    assert notes[1].text.startswith("Joseph L. Sheffield")
    assert notes[2].text.startswith("〈中國時報社論〉")


def test_glued_number_in_body_is_a_marker_not_a_note():
    text = "衝突。\n13主要目的在於以正式或非正式的措施來澄清\n軍事活動的意圖。\n\n13 Bonnie Glaser, Promoting Confidence, Washington: CSIS, 2008, pp.11-12.\n"
    notes = notes_of(text)
    assert list(notes) == [13]
    assert notes[13].text.startswith("Bonnie Glaser")


def test_body_line_starting_with_number_and_comma_word_is_not_a_note():
    text = "前言。1\n\n1 楊永明，〈信心建立措施〉，《問題與研究》，1999年，頁2。\n\n學者看法不一。2此外，中共學者亦提出不同觀點。\n"
    notes = notes_of(text)
    assert notes[2].status == "missing_text"
    assert notes[1].text.endswith("頁2。")


def test_join_rule_cjk_glue_latin_space_hyphen_break():
    assert join_lines(["頁11-", "12。"]) == "頁11-12。"
    assert join_lines(["〈高雄:麗文文化事業股", "份有限公司〉"]) == "〈高雄:麗文文化事業股份有限公司〉"
    assert join_lines(["The Reconfiguration of ", "American Primacy"]) == "The Reconfiguration of American Primacy"
    assert join_lines(["pp.8-", "10."]) == "pp.8-10."
    assert join_lines(["Confidence- ", "Building"]) == "Confidence- Building"
    assert join_lines(["(John McCone)", "、司法部長"]) == "(John McCone)、司法部長"
    assert join_lines(["(USIA) ", "副局長"]) == "(USIA) 副局長"


def test_continuation_after_blank_lines_and_url_line():
    text = ("正文。1\n\n1 徐曉迪，〈兩岸軍事互信机制〉，《學報》，第32期，2011年，\n\n頁54。另見\n"
            "https://www.example.org/a.html\n\n下一段正文開始於此。\n")
    note = notes_of(text)[1]
    assert note.text == "徐曉迪，〈兩岸軍事互信机制〉，《學報》，第32期，2011年，頁54。另見https://www.example.org/a.html"


def test_repeated_block_kept_once_with_occurrences_and_most_complete_text():
    block = "1 Holly Higgins, Applying Confidence Building Measures, New York: ISIS Press, 2002, p.109.\n"
    truncated = "1 Holly Higgins, Applying Confidence Building\n"
    text = f"正文。1\n\n{block}\n 正文續。\n{truncated}\n 正文再續。\n{block}"
    note = notes_of(text)[1]
    assert note.occurrences == 3
    assert note.text.endswith("p.109.")


def test_copy_with_extra_trailing_text_loses_to_the_clean_copy():
    clean = "2 Holly Higgins, Applying, New York: ISIS Press, 2002, p.109.\n"
    extra = "2 Holly Higgins, Applying, New York: ISIS Press, 2002, p.109. Extra\nwords here\n"
    text = f"正文。1 2\n\n1 A. B. Author, Title, Place: Press, 2001, p.1.\n{clean}\n 續。\n1 A. B. Author, Title, Place: Press, 2001, p.1.\n{extra}"
    assert notes_of(text)[2].text.endswith("p.109.")


def test_page_furniture_is_not_a_note():
    text = ("正文。1\n\n1 楊永明，〈信心建立措施〉，《問題與研究》，1999年，頁2。\n"
            "21中華民國一○三年六月 第一一○期│\n12\n\f 正文續。2\n\n2 同上。\n")
    notes = notes_of(text)
    assert sorted(k for k in notes) == [1, 2]


def test_table_rows_are_not_notes():
    text = ("表一　階段劃分表\n項次 階段 說明\n1 衝突避免 雙方溝通\n2 建立信任 強化互動\n資料來源：作者整理。\n"
            "本文認為。1\n\n1 林正義，〈芻議〉，《國防雜誌》，2003年，頁4。\n")
    notes = notes_of(text)
    assert list(notes) == [1] and notes[1].text.startswith("林正義")


def test_star_author_note_needs_a_star_in_the_body():
    marked = "兩岸軍事互信＊\n\n 王大明\n\n＊ 國防大學戰略研究所博士生。\n"
    unmarked = "正文。\n※作者為博士候選人\n信箱:service@example.org\n"
    assert notes_of(marked)["*"].text == "國防大學戰略研究所博士生。"
    assert notes_of(unmarked) == {}


def test_circled_and_bracketed_markers():
    text = "正文①其後〔2〕\n\n① 赵景深：《文坛忆旧》，上海：北新书局，1948年版，第43页。\n〔2〕同上，第44页。\n"
    notes = notes_of(text)
    assert notes[1].text.startswith("赵景深") and notes[2].text == "同上，第44页。"


def test_marker_glued_to_year_and_dates_with_spaces():
    text = ("正文。1再續。2又續。3\n避免軍事衝突之機制。41962年10月16日危機。\n1 0月 2 6日晚上，總統收到密函。5\n\n"
            "4 Joseph Sheffield, Title, Alabama: AU Press, 2009, p.7.\n")
    notes = notes_of(text)
    assert notes[4].status == "ok"
    assert notes[5].status == "missing_text"
    assert notes[1].status == "missing_text" and notes[1].line == 1


def test_years_issue_and_page_numbers_are_not_markers():
    text = "正文於2011年發表，第3期，頁12，民國91年。1其後\n\n1 楊永明，〈論文〉，《期刊》，1999年，頁2。\n"
    notes = notes_of(text)
    assert list(notes) == [1]


def test_markers_past_a_lost_number_on_a_line_without_the_expected_one():
    text = "正文。1\n下文，3其後又說。4\n\n1 A. Author, Title, Place: Press, 2001, p.1.\n"
    notes = notes_of(text)
    assert [notes[3].status, notes[4].status] == ["missing_text", "missing_text"]
    assert notes[3].line == notes[4].line == 2


def test_missing_text_for_markers_after_the_last_note():
    text = "正文。1後續。2再續。3\n\n1 A. Author, Title, Place: Press, 2001, p.1.\n"
    notes = notes_of(text)
    assert notes[1].status == "ok"
    assert [notes[2].status, notes[3].status] == ["missing_text", "missing_text"]


def test_numbering_anomalies_are_reported_not_renumbered():
    text = ("正文。1再續。2\n\n1 A. Author, Title One, Place: Press, 2001, p.1.\n2 B. Writer, Title Two, Place: Press, 2002, p.2.\n"
            "5 C. Person, Title Five, Place: Press, 2003, p.5.\n\n 正文。\n2 D. Other, Entirely Different, Place: Press, 2004, p.9.\n")
    detected = detect_notes(text)
    kinds = {a.kind for a in detected.anomalies}
    assert "gap" in kinds and "duplicate" in kinds
    assert [n.number for n in detected.notes].count(2) == 2
    assert 5 in [n.number for n in detected.notes]


def test_synthetic_journal_fixture():
    notes = notes_of((SYNTHETIC / "journal_zh.txt").read_text("utf-8"))
    assert sorted(k for k in notes if k != "*") == list(range(1, 11))
    assert notes[4].occurrences == 2 and notes[10].status == "missing_text"
    assert notes[8].text.endswith("https://www.example.org/cbm/report.html")


def test_endnote_list_with_periods_and_zhu_prefix():
    text = ("1.避免衝突升高\n正文。1再續。2又續。3\n\n註釋\n1. Hillary Clinton, America's Pacific Century, Foreign Policy, 2011, pp.1-11.\n"
            "註2：楊永明，〈信心建立措施〉，《問題與研究》，1999年，頁2。\n3. 同上。\n")
    notes = notes_of(text)
    assert notes[1].text.startswith("Hillary") and notes[2].text.startswith("楊永明")
    assert notes[3].text == "同上。"


def test_superscript_and_bracket_markers_in_body():
    text = "正文。¹再續〔2〕又續。³\n\n1 A. Author, Title, Place: Press, 2001, p.1.\n"
    notes = notes_of(text)
    assert notes[1].status == "ok" and notes[2].status == "missing_text" and notes[3].status == "missing_text"


def test_url_broken_across_lines_is_joined_without_space():
    text = "正文。1\n\n1 〈國防報告書〉，《國防部》，2021年，https://www.mnd.gov.tw/Publish\n/report.html（瀏覽日期：2022年1月3日）。\n"
    assert "https://www.mnd.gov.tw/Publish/report.html" in notes_of(text)[1].text


def test_second_chinese_source_on_its_own_line_stays_in_the_note():
    text = ("正文。1\n\n1 林正義，〈芻議〉，《國防雜誌》，第13卷，2003年，頁4-5。\n楊永明，〈信心建立措施〉，《問題與研究》，1999年，頁2。\n"
            "\n正文續。\n")
    assert notes_of(text)[1].text.endswith("1999年，頁2。")


def test_glued_commentary_note_after_its_body_marker():
    text = "正文。1其後又續。2\n\n1 楊永明，〈論文〉，《期刊》，1999年，頁2。\n2此處所指的是冷戰時期的美蘇熱線，而非今日的兩岸熱線。\n"
    notes = notes_of(text)
    assert notes[2].text.startswith("此處所指")


def test_glued_lead_in_note():
    text = "正文。1\n\n1參見楊永明，〈信心建立措施〉，《問題與研究》，1999年，頁2。\n"
    assert notes_of(text)[1].text.startswith("參見楊永明")


def test_glued_latin_acronym_in_body_is_not_an_author():
    text = "正文。14\n\n14 A. Author, Title, Place: Press, 2001, p.1.\n\n 作為。\n15MCBMs著重於安全事務，學者認為。\n"
    notes = notes_of(text)
    assert notes[15].status == "missing_text"


def test_running_heads_with_changing_page_numbers_are_dropped():
    pages = []
    for page in range(40, 44):
        pages.append(f"陸軍學術雙月刊 第五十五卷第568期\n{page}\n 正文第{page}頁。{page - 39}\n\n{page - 39} 作者{page}，〈論文〉，《期刊》，1999年，頁{page}。\n")
    text = "\n".join(pages).replace("陸軍學術雙月刊 第五十五卷第568期\n", "陸軍學術雙月刊 第55卷第568期/2019年\n")
    notes = notes_of(text)
    assert sorted(notes) == [1, 2, 3, 4] and all("陸軍" not in n.text for n in notes.values())


def test_note_continued_at_the_top_of_the_next_pages_note_area():
    body = ["兩岸軍事互信機制的研究日益增多，學者", "看法不一，各有主張。1其後政府亦提出", "相關政策構想，惟具體進展仍然有限。2",
            "而美國學者認為軍事交流應循序漸進，", "國內學者亦有專書討論此一重要議題。"]
    filler = [f"第{n}段文字說明兩岸互信的各種面向與發展。" for n in "一二三四五六七八"]  # enough lines to tell the layout
    page1 = "\n\n".join(filler + body) + "\n\n"
    page1 += "1 楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷，第6期，1999年，頁2-15。\n"
    page1 += "2 林正義，〈台海兩岸『信任建立措施』芻議〉，《國防雜誌》，第13卷，第12期，2003年，頁4-5；另見黃仁佛，\n"
    page2 = " " + "\n\n".join(body[:4]).replace("1", "").replace("2", "") + "又有新論。3\n\n"
    page2 += "《信心建立措施研究》（臺北：五南圖書出版公司，2001年），頁35-40，該書對兩岸軍事互信有完整的討論與評析，\n"
    page2 += "並附有各國經驗比較。\n"
    page2 += "3 徐曉迪，〈兩岸軍事互信机制：功能、挑戰及建言〉，《廣州社會主義學院學報》，第32期，2011年，頁54。\n"
    notes = notes_of(page1 + page2)
    assert notes[2].text.endswith("另見黃仁佛，《信心建立措施研究》（臺北：五南圖書出版公司，2001年），頁35-40，"
                                  "該書對兩岸軍事互信有完整的討論與評析，並附有各國經驗比較。")
    assert notes[3].text.startswith("徐曉迪")
    assert notes[1].text.endswith("頁2-15。")


def test_a_copy_that_ran_into_body_text_is_not_a_second_note():
    good = "3 Richard Berstein and Ross H. Munro, The Coming Conflict with America, Foreign Affairs, Vol. 76, No. 2, 1997, pp.26-30.\n"
    runaway = ("3 Richard Berstein and Ross H. Munro, The Coming Conflict with America, Foreign Affairs, Vol. 76,\n"
               "況中共在實際上的軍事和戰略意圖始終隱而未喻，也在未來的發展上增加此區域的諸多變數。\n")
    text = f"正文。1再續。2又續。3\n\n1 A. B. Author, Title, Place: Press, 2001, p.1.\n2 C. Writer, Other, Place: Press, 2002, p.2.\n{good}\n 正文。\n{runaway}"
    detected = detect_notes(text)
    assert [n.number for n in detected.notes].count(3) == 1
    assert not [a for a in detected.anomalies if a.kind == "duplicate"]
    assert next(n for n in detected.notes if n.number == 3).text.endswith("1997, pp.26-30.")


def test_a_number_glued_to_a_name_opens_a_note_only_when_the_shared_scorer_calls_it_a_citation():
    """'1王大明，…' is note 1 when a citation follows the name, body prose when a sentence does."""
    cited = notes_of("正文第一段。\n\n1王大明，〈兩岸關係〉，《問題與研究》，2020年，頁5。\n")
    prose = notes_of("正文第一段。\n\n1王大明，他在2020年的演講中再次說明此事。\n")
    assert cited[1].text.startswith("王大明，〈兩岸關係〉") and (1 not in prose or prose[1].text is None)
