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


def test_words_run_on_to_a_signal_are_commentary_not_the_author():
    for text, author in (("有關攻守平衡的進一步討論請參閱陳大文，《攻守理論》（臺北：五南，2012年），頁3。", "陳大文"),
                         ("相關討論見Ann Lee, Sea Lanes and Trust (Boston: Harbor Press, 2010), 5.", "Lee"),
                         ("另可參見林小明，《海事合作》（臺北：三民，2008年），頁9。", "林小明"),
                         ("資料來源：行政院主計總處，《統計年報》（臺北：主計總處，2010年），頁2。", "行政院主計總處")):
        note = parse_note(Note(1, text, 1))
        assert len(note.citations) == 1 and note.kind == "mixed", text
        names = [n.get("literal") or n.get("family") for n in note.citations[0].csl.get("author", [])]
        assert names == [author], text


def test_one_character_signal_needs_a_pause_or_a_topic_noun_before_it():
    note = parse_note(Note(1, "林見松，《港口與海權》（臺北：五南，2001年），頁7。", 1))
    assert note.kind == "citation"
    assert note.citations[0].csl["author"] == [{"literal": "林見松"}]


def test_english_source_inside_a_chinese_sentence_is_cut_from_the_prose_around_it():
    notes = resolve("Ann Lee, Sea Lanes and Trust (Boston: Harbor Press, 2010), 5.",
                    "李四認為雙方的海上互動具有高度的示範效果，Ibid., pp. 12-14；但此說仍待驗證。",
                    "此一論點亦可見於前述研究，Lee, Sea Lanes, p. 20，惟其對象並非台海。",
                    "對此之批評，可參考Lee, Sea Lanes, p. 30，以及同註1，頁40。")
    assert [c.raw for c in notes[2].citations] == ["Ibid., pp. 12-14；"]
    assert target(notes[2]) == ("resolved", (1, 0))
    assert [c.raw for c in notes[3].citations] == ["Lee, Sea Lanes, p. 20"]
    assert target(notes[3]) == ("resolved", (1, 0))
    assert [c.form for c in notes[4].citations] == ["short", "cross_ref"]
    assert notes[4].citations[1].locator == "40"


def test_chinese_page_after_an_english_title_stays_with_its_citation():
    note = parse_note(Note(1, "林正義，Taiwan’s Security (Taipei: Harbor Press, 1999)，頁5。", 1))
    assert len(note.citations) == 1 and note.citations[0].csl["author"] == [{"literal": "林正義"}]


def test_relative_clause_after_the_pages_is_commentary():
    note = parse_note(Note(1, "For a different view, see Mark Roe, “Signals at Sea,” Naval Review 9, no. 2 (2015): "
                              "40–58, who argues that navies rarely read signals as intended.", 1))
    (c,) = note.citations
    assert c.raw.endswith("40–58") and c.csl["container-title"] == "Naval Review" and c.csl["volume"] == "9"


def test_agency_publishing_its_own_work_issues_a_report():
    c = parse_citation("海洋委員會，《海域安全年度檢視》（高雄：海洋委員會，2019年），頁8。")
    assert c.csl["type"] == "report"
    other = parse_citation("陳大文，《海域安全》（高雄：海洋出版社，2019年），頁8。")
    assert other.csl["type"] == "book"


def test_report_words_in_a_title():
    for raw in ("國防部，《中華民國102年四年期國防總檢討》（臺北：國防部，2013年），頁3。",
                "海巡署，《海巡工作簡報》（臺北：海巡署，民國98年5月），頁2。"):
        assert parse_citation(raw).csl["type"] == "report", raw


def test_gazette_cited_by_volume_and_issue_is_the_container():
    bare = parse_citation("《立法院公報》，第88卷第40期（民國88年6月），頁30-35。")
    assert bare.csl.get("container-title") == "立法院公報" and "title" not in bare.csl
    assert bare.csl["volume"] == "88" and bare.csl["issue"] == "40" and bare.csl["type"] == "document"
    record = parse_citation("〈外交及僑務委員會第3次全體委員會議紀錄〉，《立法院公報》，第88卷第41期，民國88年6月，頁12。")
    assert record.csl["title"] == "外交及僑務委員會第3次全體委員會議紀錄" and record.csl["type"] == "document"
    communique = parse_citation("《中美聯合公報》，1982年8月17日。")
    assert communique.csl["title"] == "中美聯合公報"


def test_numbered_series_after_the_title_is_no_part_of_it():
    book = parse_citation("Ann Lee, Trust at Sea, Occasional Paper 12 (London: Naval Institute, 2004), 9.")
    assert book.csl["title"] == "Trust at Sea" and [a["family"] for a in book.csl["author"]] == ["Lee"]
    report = parse_citation("Mark Roe, Hotlines and Crises, CRS Report for Congress RL30001 (Washington, DC: "
                            "Congressional Research Service, 2008), 4.")
    assert report.csl["title"] == "Hotlines and Crises" and report.csl["type"] == "report"


def test_access_date_before_the_url_leaves_the_url():
    c = parse_citation("國防部，「海上救難演練」，民國99年5月3日，檢索日期：民國100年1月2日，http://www.mnd.gov.tw/news/123。")
    assert c.csl["URL"] == "http://www.mnd.gov.tw/news/123"
    assert c.csl["issued"]["date-parts"][0] == [2010, 5, 3]
    assert "container-title" not in c.csl  # 民國 opens a date, never a journal's name


def test_news_agency_before_a_titled_item_is_its_container():
    c = parse_citation("中央社，「海巡署加強金門海域巡邏」，民國98年4月2日。")
    assert c.csl["container-title"] == "中央社" and "author" not in c.csl
    assert c.csl["title"] == "海巡署加強金門海域巡邏" and c.csl["type"] == "article-newspaper"


def test_signal_after_a_topic_noun_within_a_longer_sentence():
    note = parse_note(Note(1, "海上互信措施一般分為溝通、透明與限制三類，相關分類參見Ann Lee, Trust at Sea "
                              "(London: Naval Institute, 2004), 9.", 1))
    (c,) = note.citations
    assert c.raw.startswith("Ann Lee") and c.csl["title"] == "Trust at Sea"


def test_japanese_publication_block_and_issue():
    book = parse_citation("山田一郎『海洋安全保障の構想』（有斐閣、2010年）、45頁。")
    assert book.csl["publisher"] == "有斐閣" and book.csl["issued"]["date-parts"][0][0] == 2010
    article = parse_citation("佐藤花子「尖閣問題の構図」『国際政治学会報』第12号（2011年）、3-20頁。")
    assert article.csl["container-title"] == "国際政治学会報" and article.csl["issue"] == "12"
    assert article.csl["type"] == "article-journal"


def test_japanese_chapter_names_its_editor_with_hen():
    c = parse_citation("鈴木次郎「海上連絡メカニズム」、山田一郎編『東アジアの安全保障』（有斐閣、2012年）、10-30頁。")
    assert c.csl["type"] == "chapter" and c.csl["editor"] == [{"literal": "山田一郎"}]
    assert c.csl["container-title"] == "東アジアの安全保障"


def test_japanese_signal_words_around_a_citation_are_commentary():
    note = parse_note(Note(1, "この点は議論が多い。詳しくは、山田一郎『海洋安全保障の構想』（有斐閣、2010年）、45-50頁を参照。", 1))
    (c,) = note.citations
    assert c.raw == "山田一郎『海洋安全保障の構想』（有斐閣、2010年）、45-50頁"
    assert c.csl["author"] == [{"literal": "山田一郎"}] and c.locator == "45-50"


def test_committee_named_after_its_report_is_one_author():
    c = parse_citation("外交部「外交年鑑」編輯委員會，《中華民國99年外交年鑑》（臺北：外交部，2011年），頁7。")
    assert c.csl["author"] == [{"literal": "外交部「外交年鑑」編輯委員會"}]
    assert c.csl["title"] == "中華民國99年外交年鑑" and "container-title" not in c.csl


def test_news_site_before_a_titled_item_is_its_container():
    c = parse_citation("人民網，〈兩岸海運直航啟動〉，2008年12月15日，http://www.people.com.cn/a/1.html。")
    assert c.csl["container-title"] == "人民網" and "author" not in c.csl and c.csl["type"] == "webpage"
    undated_url = parse_citation("聯合新聞網，〈海巡演練〉，2011年4月2日。")
    assert undated_url.csl["container-title"] == "聯合新聞網" and undated_url.csl["type"] == "webpage"


def test_volume_of_a_set_after_the_publication_block_or_before_it():
    assert parse_citation("王世杰，《王世杰日記》（臺北：中研院近史所，2012年），第3冊，頁120。").csl["volume"] == "3"
    assert parse_citation("張其昀主編，《先總統蔣公全集》，卷12（臺北：文化大學，民國73年），頁45。").csl["volume"] == "12"


def test_quoted_chapter_in_an_unmarked_book_with_its_editors():
    c = parse_citation("李四，「海上互信的起源」，收錄於王五、趙六主編，東亞安全新論（臺北：三民，2003年），頁11-30。")
    assert c.csl["title"] == "海上互信的起源" and c.csl["container-title"] == "東亞安全新論"
    assert c.csl["editor"] == [{"literal": "王五"}, {"literal": "趙六"}] and c.csl["type"] == "chapter"


def test_newspaper_city_in_parentheses_is_its_place():
    c = parse_citation("〈金門砲戰續報〉，《中央日報》（臺北），民國47年9月1日，版2。")
    assert c.csl["container-title"] == "中央日報" and c.csl["publisher-place"] == "臺北"
    journal = parse_citation("王五，〈論海權〉，《師範大學學報》（社會科學版），第3期（2001年），頁5。")
    assert "publisher-place" not in journal.csl


def test_short_note_after_a_quotation_that_ends_the_commentary():
    notes = resolve("Ann Lee, Sea Lanes and Trust (Boston: Harbor Press, 2010), 5.",
                    "As Lee observes, navies “talk most when they trust least.” Lee, Sea Lanes, p. 44.")
    assert [c.raw for c in notes[2].citations] == ["Lee, Sea Lanes, p. 44."]
    assert target(notes[2]) == ("resolved", (1, 0))
    whole = parse_note(Note(1, "Mark Roe, “Signals at Sea.” Naval Review 9, no. 2 (2015): 40–58.", 1))
    assert len(whole.citations) == 1  # a title's own stop inside the quote ends nothing
