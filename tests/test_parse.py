"""Splitting notes into citations and parsing their fields, per citation style."""
import pytest

from cbmcite.model import Note
from cbmcite.parse import parse_citation, parse_note


def fields(raw):
    c = parse_citation(raw)
    return c.csl, c.locator


def _names(csl, role="author"):
    return [n.get("literal") or f"{n['given']} {n['family']}" for n in csl.get(role, [])]


def test_dev_fields_match_gold(dev_result, gold):
    """Every full citation of the dev document has the gold's title, year, type and pages."""
    types = {"article": "article-journal", "document": ("legislation", "treaty")}
    checked = 0
    for note in dev_result.notes:
        g = gold[str(note.number)]
        fulls = [c for c in g.get("citations") or [] if c["form"] == "full"]
        mine = [c for c in note.citations if c.form == "full"]
        assert len(mine) == len(fulls), note.number
        for want, got in zip(fulls, mine):
            assert got.raw == want["raw"]
            assert got.csl.get("title", "").replace("- ", "-") == want.get("title", "").replace("- ", "-") or not want.get("title")
            assert got.csl["issued"]["date-parts"][0][0] == want["year"]
            assert got.locator == want["pages"]
            expected_type = types.get(want["type"], want["type"])
            assert got.csl["type"] in (expected_type if isinstance(expected_type, tuple) else (expected_type,))
            checked += 1
    assert checked > 50


def test_note_with_two_sources_and_prose():
    note = parse_note(Note(6, "Helsinki Final Act, in a Handbook of Documents, Washington, D. C.: OSCE, 1975, pp.10-13. "
                              "David H. Capie and Paul M. Evans, Speaking Security, Toronto: CAPS, 1998, pp.33-34.有關信心建立的措施共12條。", 1))
    assert note.kind == "mixed"
    assert [c.raw[:10] for c in note.citations] == ["Helsinki F", "David H. C"]


def test_commentary_note_has_no_citation():
    note = parse_note(Note(9, "ExCOMM：1962年10月16日由甘迺迪召集之顧問所組成，是美國在危機期掌控反應的決策核心。", 1))
    assert note.kind == "commentary" and note.citations == []


def test_prose_then_citation():
    note = parse_note(Note(3, "這一點學界仍有爭論。請參閱 Robert O. Keohane, and Joseph S. Nye, Power and Interdependence "
                              "(Harvard University Press, 1977), 11.", 1))
    assert note.kind == "mixed" and len(note.citations) == 1


def test_chinese_semicolon_splits_sources_but_not_a_chapter_clause():
    note = parse_note(Note(1, "林正義，〈芻議〉，《國防雜誌》，第13卷，2003年，頁4；〈空軍編制〉，《青年日報》，2003年1月2日，第3版。", 1))
    assert len(note.citations) == 2
    note = parse_note(Note(2, "蔡元培，〈教育獨立議〉；收於楊東平編，《大學精神》（臺北：立緒文化，2001），頁113。", 1))
    assert len(note.citations) == 1
    csl = note.citations[0].csl
    assert csl["type"] == "chapter" and _names(csl, "editor") == ["楊東平"] and csl["container-title"] == "大學精神"


@pytest.mark.parametrize("raw,expect", [
    ("楊永明、唐欣偉，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷，第6期，1999年，頁2。",
     {"type": "article-journal", "title": "信心建立措施與亞太安全", "container-title": "問題與研究", "volume": "38", "issue": "6"}),
    ("顧立民，「中國海洋地緣戰略與石油安全研究」，遠景基金會季刊，第10卷第3期（2009年7月），頁93。",
     {"type": "article-journal", "container-title": "遠景基金會季刊", "volume": "10", "issue": "3"}),
    ("黃俊傑，《大學通識教育的理念與實踐》（臺北：中華民國通識教育學會，1999），頁4。",
     {"type": "book", "publisher": "中華民國通識教育學會", "publisher-place": "臺北"}),
    ("林水福，〈從文庫本看作品的未來〉，《聯合報》，第E7版，民國95年2月10日。",
     {"type": "article-newspaper", "section": "E7", "container-title": "聯合報"}),
    ("施懿琳，《清代台灣詩所反映的漢人社會》（台北：台灣師大國文研究所博士論文，1991年6月），頁57。", {"type": "thesis"}),
    ("王大明，〈兩岸關係新局〉，發表於「第五屆國際關係學術研討會」（臺北：政治大學，2010年5月1日），頁3。",
     {"type": "paper-conference", "container-title": "第五屆國際關係學術研討會"}),
    ("〈國防報告書〉，《國防部》，2021年10月9日，<https://www.mnd.gov.tw/report>（瀏覽日期：2022年1月3日）。",
     {"type": "webpage", "URL": "https://www.mnd.gov.tw/report"}),
    ("吴承明：《论二元经济》，《历史研究》，1994年第2期，第98页。",
     {"type": "article-journal", "container-title": "历史研究", "issue": "2", "language": "zh-CN"}),
    ("马持盈，史记今注，第3版（台北：台湾商务印书馆，1987年），页3317。", {"edition": "3", "title": "史记今注"}),
    ("[2] 李炳穆.理想的图书馆员和信息专家的素质与形象[J].图书情报工作,2000,44(2):5-8.",
     {"type": "article-journal", "container-title": "图书情报工作", "volume": "44", "issue": "2"}),
    ("〈社論：兩岸軍事互信〉，《聯合報》，2013年5月2日，版A2。",
     {"type": "article-newspaper", "section": "A2", "issued": {"date-parts": [[2013, 5, 2]]}}),
    ("〈共軍演習〉，《自由時報》，2019年5月1日。", {"type": "article-newspaper"}),
    ("徐曉迪，〈功能〉，《廣州社會主義學院學報》，第32期，2011年，頁54。", {"type": "article-journal"}),
    ("中共國務院新聞辦公室，《2019年中國的國防》白皮書，2019年7月24日。",
     {"type": "report", "author": [{"literal": "中共國務院新聞辦公室"}], "title": "2019年中國的國防"}),
    ("王高成，《兩岸軍事互信機制之研究》（臺北：國防大學戰略研究所碩士論文，民國97年），頁15。",
     {"type": "thesis", "issued": {"date-parts": [[2008]]}}),
    ("林正義，〈台海安全〉，收錄於林碧炤主編，《兩岸關係》（臺北：五南，2003年），頁23-45。",
     {"type": "chapter", "editor": [{"literal": "林碧炤"}], "container-title": "兩岸關係"}),
])
def test_chinese_styles(raw, expect):
    csl, _ = fields(raw)
    for key, value in expect.items():
        assert csl.get(key) == value, key


def test_roc_dates_and_pages():
    csl, pages = fields("楊永明，〈論文〉，《問題與研究》，民國88年3月，頁 34-35。")
    assert csl["issued"]["date-parts"] == [[1999, 3]] and pages == "34-35"
    csl, pages = fields("某甲，《書名》（臺北：某出版社，民國九十一年），第11-12頁。")
    assert csl["issued"]["date-parts"] == [[2002]] and pages == "11-12"


def test_translated_book_roles():
    csl, pages = fields("赫欽斯（Robert M. Hutchins）著、陸有銓譯，《民主社會中教育上的衝突》（臺北：桂冠圖書公司，1994），頁68、69。")
    assert _names(csl) == ["赫欽斯"] and _names(csl, "translator") == ["陸有銓"] and pages == "68, 69"
    csl, _ = fields("[美]孔飞力：《叫魂》，陈兼、刘昶译，上海，三联书店，1999年版，第207页。")
    # names as printed (GUIDE.md): the gold keeps a nationality in brackets
    assert _names(csl) == ["[美]孔飞力"] and _names(csl, "translator") == ["陈兼", "刘昶"] and csl["publisher"] == "三联书店"


@pytest.mark.parametrize("raw,expect,pages", [
    ('Stephen Van Evera, "Offense, Defense, and the Causes of War," International Security, Vol. 22, No. 4 (Spring 1999), p. 19.',
     {"type": "article-journal", "container-title": "International Security", "title": "Offense, Defense, and the Causes of War", "volume": "22"}, "19"),
    ("Kenneth N. Waltz, Theory of International Politics (Reading, MA: Addison-Wesley, 1979), 102.",
     {"type": "book", "publisher": "Addison-Wesley", "publisher-place": "Reading, MA"}, "102"),
    ("Gurtov, Melvin, Pacific Asia?, Boulder: Lynne Rienner, 2002, pp. 47-55.", {"type": "book", "publisher": "Lynne Rienner"}, "47-55"),
    ("McNamara, Robert S., In Retrospect: The Tragedy and Lessons of Vietnam, New York: Times Books, 1995, p. 12.",
     {"author": [{"family": "McNamara", "given": "Robert S."}], "publisher": "Times Books"}, "12"),
    ("O’Brien, Conor Cruise, The Siege, New York: Simon and Schuster, 1986, p. 40.",
     {"author": [{"family": "O’Brien", "given": "Conor Cruise"}], "title": "The Siege"}, "40"),
    ("Ron Huisken eds., CSCAP Regional Security Outlook 2018, Canberra: ANU Press, 2017, pp.4-6.",
     {"type": "book", "title": "CSCAP Regional Security Outlook 2018"}, "4-6"),
    ("Desmond Ball, A New Era in Confidence Building, Security Dialogue, Vol. 25, No. 2, 1994, pp.157-176.",
     {"type": "article-journal", "issue": "2"}, "157-176"),
    ('Gurtov, Melvin "Pacific Asia? Prospects for Security and Cooperation in East Asia." Asian Affairs, Vol. 29, No. 1, 2002, pp. 47-55.',
     {"author": [{"family": "Gurtov", "given": "Melvin"}], "container-title": "Asian Affairs",
      "title": "Pacific Asia? Prospects for Security and Cooperation in East Asia"}, "47-55"),
    ('Robert Jervis, "Cooperation under the Security Dilemma," World Politics 30, no. 2 (1978): 167–214.',
     {"container-title": "World Politics", "volume": "30", "issue": "2", "issued": {"date-parts": [[1978]]}}, "167-214"),
    ("Alastair Iain Johnston, Cultural Realism: Strategic Culture and Grand Strategy in Chinese History (Princeton: "
     "Princeton University Press, 1995), 45-47.",
     {"title": "Cultural Realism: Strategic Culture and Grand Strategy in Chinese History", "publisher-place": "Princeton"}, "45-47"),
    ('"China, U.S. agree on military hotline," The New York Times, February 29, 2008, p. A10.',
     {"type": "article-newspaper", "container-title": "The New York Times", "issued": {"date-parts": [[2008, 2, 29]]}}, "A10"),
    ('Shirley A. Kan, "U.S.-China Military Contacts: Issues for Congress," CRS Report for Congress, RL32496, October 27, 2014, p. 3.',
     {"type": "report", "number": "RL32496", "title": "U.S.-China Military Contacts: Issues for Congress"}, "3"),
    ('John Doe, "Arms Control in Asia," Ph.D. dissertation, University of Virginia, 2010, p. 33.',
     {"type": "thesis", "publisher": "University of Virginia", "genre": "Ph.D. dissertation"}, "33"),
])
def test_english_styles(raw, expect, pages):
    csl, locator = fields(raw)
    for key, value in expect.items():
        assert csl.get(key) == value, key
    assert locator == pages


def test_english_names_split_family_given_and_institutions_literal():
    csl, _ = fields("Zdzislaw Lachowski, Martin Sjogren, Alyson J. K. Bailes, John Hart and Shannon N. Kile, Tools for "
                    "Building Confidence, Sweden: SIPRI, 2007, pp.8-10.")
    assert csl["author"][2] == {"family": "Bailes", "given": "Alyson J. K."} and len(csl["author"]) == 5
    csl, _ = fields("USAF Historical Division Liaison Office, The Air Force Response, Washington: Headquarters USAF Press, 2011, pp.8-9.")
    assert csl["author"] == [{"literal": "USAF Historical Division Liaison Office"}] and csl["type"] == "report"


@pytest.mark.parametrize("raw,form", [
    ("Ibid.", "ibid"), ("Ibid., p. 284.", "ibid"), ("Ibid.p 26", "ibid"), ("Ibidem, 12.", "ibid"), ("Id. at 15.", "ibid"),
    ("同上。", "ibid"), ("同上註，頁3。", "ibid"), ("同上注，第5页。", "ibid"), ("同上書，頁7。", "ibid"), ("同前註。", "ibid"),
    ("同前注，頁9。", "ibid"), ("Aleksandr Fursenko and Timothy Naftali, op. cit., p.484.", "op_cit"),
    ("黃仁佛，前引書，頁 35。", "op_cit"), ("黃仁佛，前引文，頁 35。", "op_cit"), ("黃仁佛，前揭書，頁35。", "op_cit"),
    ("黃仁佛，前揭文，頁35。", "op_cit"), ("黃仁佛，上揭書，頁35。", "op_cit"), ("黃仁佛，同前引，頁35。", "op_cit"),
    ("黃仁佛，同前揭書，頁35。", "op_cit"), ("同註3。", "cross_ref"), ("同註12，頁5。", "cross_ref"),
    ("黃仁佛，前揭註4，頁5。", "cross_ref"), ("前引註4，頁5。", "cross_ref"), ("見註7。", "cross_ref"),
    ("Ginsburg, supra note 43, at 1485.", "cross_ref"), ("Smith (n. 4) 12.", "cross_ref"), ("Smith, loc. cit.", "loc_cit"),
])
def test_short_form_terms(raw, form):
    assert parse_citation(raw).form == form


def test_ibid_then_see_also_is_two_citations():
    note = parse_note(Note(4, "Ibid. See also A. Segaert and A. Bauer, “The Extent and Nature of Veteran Homelessness in "
                              "Canada” (Employment and Social Development Canada, 2015), 102–106.", 1))
    assert [c.form for c in note.citations] == ["ibid", "full"]
    assert note.citations[1].raw.startswith("A. Segaert")


def test_gbt_same_as_note_is_a_cross_reference_with_its_page():
    note = parse_note(Note(7, "王名揚. 美國行政法[M]. 北京: 北京大學出版社, 2007: 194-197; 同5: 310.", 1))
    assert [c.form for c in note.citations] == ["full", "cross_ref"]
    assert note.citations[1].ref_note == 5 and note.citations[1].locator == "310"


def test_gbt_entries_after_a_full_stop_are_separate():
    note = parse_note(Note(2, "See also 阿揚. 談談記憶[M]. 北京: 機械工業出版社, 2023: 17. 王名揚. 美國行政法[M]. "
                              "北京大學出版社, 2007: 194-197.", 1))
    assert [c.raw[:3] for c in note.citations] == ["阿揚.", "王名揚"]


@pytest.mark.parametrize("text", [
    "Piaget and Inhelder, The Psychology of the Child, 354.",
    "Balsam et al., “Affirmative Cognitive Behavior Therapy with Sexual and Gender Minority People,” 293.",
    "Hutcheson, 266–270.",
    "沈明室，〈互信或防範？美中建立軍事熱線的意涵與挑戰〉。",
    "應松年 and 馬懷德, 當代中國行政法的源流, 153–154.",
    "Florida Mental Health Act.",
])
def test_short_notes_are_citations(text):
    note = parse_note(Note(9, text, 1))
    assert len(note.citations) == 1 and note.citations[0].raw == text


def test_prose_with_a_comma_is_not_a_short_note():
    note = parse_note(Note(9, "雖然兩國只是互劃紅線，但總算軍事對話已經開始。", 1))
    assert note.citations == []


def test_each_group_of_names_takes_the_role_word_that_closes_it():
    csl, _ = fields("[英]勞特派特著、王鐵崖、陳體強譯，《奧本海國際法》（商務印書館，民國60年），頁153。")
    assert _names(csl) == ["[英]勞特派特"] and _names(csl, "translator") == ["王鐵崖", "陳體強"]
    assert csl["publisher"] == "商務印書館" and csl["issued"]["date-parts"][0][0] == 1971


def test_nested_book_title_marks():
    csl, _ = fields("信春鷹，《關於《中華人民共和國行政訴訟法修正案（草案）》的說明》（2013），頁 148。")
    assert csl["title"] == "關於《中華人民共和國行政訴訟法修正案（草案）》的說明" and _names(csl) == ["信春鷹"]


@pytest.mark.parametrize("raw,publisher,pages", [
    ("史曉東：《兩岸軍事安全互信機制研究》，九州出版社2014年版，288-291。", "九州出版社", "288-291"),
    ("邱穎文：《遺傳與語言學習》，華東師範大學2009年博士學位論文，234。", "華東師範大學", "234"),
    ("方明東，《羅隆基政治思想研究（1913—1949）》(北京師範大學歷史系博士學位論文，2000)，頁318-319。", "北京師範大學歷史系", "318-319"),
])
def test_publisher_before_its_year_without_a_place(raw, publisher, pages):
    csl, locator = fields(raw)
    assert csl["publisher"] == publisher and locator == pages


def test_gbt_chapter_in_an_edited_book():
    csl, pages = fields("阿揚. 談談記憶[M]. 姜海倫, 譯//《環球科學》雜誌社. 認識記憶力：關於學習、思考與遺忘的腦科學. "
                        "北京: 機械工業出版社, 2023: 17.")
    assert csl["type"] == "chapter" and pages == "17"
    assert _names(csl, "translator") == ["姜海倫"] and _names(csl, "editor") == ["《環球科學》雜誌社"]
    assert csl["container-title"] == "認識記憶力：關於學習、思考與遺忘的腦科學"
    assert (csl["publisher-place"], csl["publisher"]) == ("北京", "機械工業出版社")


def test_gbt_journal_year_volume_issue_pages():
    csl, pages = fields("CHUA D W B. America’s Role in the Five Power Defense Arrangements, 1967–1971[J]. "
                        "The International History Reviews, 2017, 39(4): 619")
    assert _names(csl) == ["CHUA D W B"] and csl["title"].startswith("America’s Role")
    assert (csl["container-title"], csl["volume"], csl["issue"], pages) == ("The International History Reviews", "39", "4", "619")


def test_gbt_title_with_a_full_width_semicolon_is_one_citation():
    note = parse_note(Note(3, "顧炎武. 昌平山水記；京東考古錄[M]. 北京: 北京古籍出版社, 1980: 89-90; 同20: 622.", 1))
    assert [c.form for c in note.citations] == ["full", "cross_ref"]
    assert note.citations[0].csl["title"] == "昌平山水記；京東考古錄"


@pytest.mark.parametrize("raw,url", [
    ("〈報導〉，《人民網》，2004年1月10日，http://www.people.com.cn/GB/shehui/1062/2289764.html；", "http://www.people.com.cn/GB/shehui/1062/2289764.html"),
    ("“Title,” Site, 2020, https://example.org/a,b+c.", "https://example.org/a,b+c"),
])
def test_url_ends_before_punctuation_but_keeps_commas_and_plus(raw, url):
    csl, _ = fields(raw)
    assert csl["URL"] == url


def test_chicago_chapter_names_its_editors_after_the_book():
    csl, pages = fields("John S. Auerbach, “The Origins of Narcissism,” in Handbook of Child Psychology: Vol. 4. "
                        "Socialization, Personality, and Social Development, ed. M. F. Bornstein, 4th ed. "
                        "(Washington, DC, US: Wiley, 1993), 70.")
    assert csl["type"] == "chapter" and pages == "70" and _names(csl, "editor") == ["M. F. Bornstein"]
    assert csl["container-title"].endswith("Social Development") and csl["publisher"] == "Wiley"


@pytest.mark.parametrize("raw,publisher,kind", [
    ("J. Hacker Hughes ed., Military veteran psychological health and social care, Routledge, 2017, p.359.", "Routledge", "book"),
    ("A. Segaert and A. Bauer, “The Extent and Nature of Veteran Homelessness in Canada” (Employment and Social "
     "Development Canada, 2015), 102–106.", "Employment and Social Development Canada", "report"),
    ("邱穎文, “遺傳與語言學習” (博士學位論文, 華東師範大學, 2009), 194.", "華東師範大學", "thesis"),
])
def test_english_publisher_without_a_place(raw, publisher, kind):
    csl, _ = fields(raw)
    assert csl["publisher"] == publisher and csl["type"] == kind


def test_a_journal_is_not_taken_for_a_publisher():
    csl, _ = fields("Hillary Clinton, America's Pacific Century, Foreign Policy, 2011, pp.1-11.")
    assert csl["container-title"] == "Foreign Policy" and "publisher" not in csl


def test_chinese_work_in_an_english_style_is_parsed_as_english():
    csl, pages = fields("汪疑今, “江蘇的小農及其副業,” 中國經濟 4, no. 6 (June 15, 1936): 340–342.")
    assert (csl["container-title"], csl["volume"], csl["issue"], pages) == ("中國經濟", "4", "6", "340-342")
    assert csl["language"].startswith("zh")


def test_et_al_is_not_part_of_a_name():
    csl, _ = fields("J. Mehrholz et al., “Electromechanical Arm Training,” Cochrane Database of Systematic Reviews, 2018, 275–277.")
    assert _names(csl) == ["J. Mehrholz"]


@pytest.mark.parametrize("raw,kind", [
    ("國務院，《國務院關於印發打贏藍天保衛戰三年行動計劃的通知》，2018年6月27日。", "legislation"),
    ("American Nurses Association, Code of ethics for nurses with interpretive statements, 2015, p. 300.", "report"),
    ("D. Perkins, “The Good Place Ends Its Second Season,” A.V. Club, February 1, 2018, https://www.avclub.com/x-1822649316.", "webpage"),
    ("Stockholm International Peace Research Institute, SIPRI Yearbook 1991, Oxford: Oxford University Press, 1991, p.494.", "book"),
    ("何筱梅，《新媒體時代原生廣告的策略與發展研究》，〈武漢:武漢大學博士學位論文〉，2016年，頁 122。", "thesis"),
])
def test_type_from_the_genre_signs(raw, kind):
    csl, _ = fields(raw)
    assert csl["type"] == kind


def test_translator_clause_and_editors_before_the_title():
    csl, _ = fields("Aristotle, Poetics, trans. S. H. Butcher (The Internet Classics Archive, 1994), 129.")
    assert _names(csl) == ["Aristotle"] and _names(csl, "translator") == ["S. H. Butcher"] and csl["title"] == "Poetics"
    csl, _ = fields("應松年 and 馬懷德, eds., 當代中國行政法的源流 (中國法制出版社, 2006), 31–35.")
    assert _names(csl, "editor") == ["應松年", "馬懷德"] and "author" not in csl


def test_two_publishers_joined_by_a_semicolon_stay_in_one_citation():
    note = parse_note(Note(9, "Henry-James Schmid ed., Entrenchment and the psychology of language learning, "
                              "American Psychological Association; De Gruyter Mouton, 2017, p.207.", 1))
    assert len(note.citations) == 1
    assert note.citations[0].csl["publisher"] == "American Psychological Association; De Gruyter Mouton"


def test_prose_glued_after_the_last_page_is_cut_off():
    note = parse_note(Note(9, "James Kraska, Sustainable Development Is Security, Yale Journal of International Law, "
                              "Vol.28, 2003, p.469.2009年歐巴馬政府更進一步提出戰略再保證。", 1))
    assert note.kind == "mixed" and note.citations[0].raw.endswith("p.469.")


@pytest.mark.parametrize("raw", [", Vol. 3, No. 4", "，Vol. 12, No. 3.", "“”, Vol. 2"])
def test_volume_with_nothing_before_it_does_not_crash(raw):
    citation = parse_citation(raw)  # PDF text can cut a citation just before its volume
    assert citation.csl.get("issue") in ("3", "4", None)


@pytest.mark.parametrize("raw,container,volume,pages", [
    ("Marbury v. Madison, 5 U.S. 137 (1803).", "U.S.", "5", "137"),
    ("Laurence Tribe, “Structural Due Process,” 10 Harv. C.R.-C.L. L. Rev. 269 (1975).", "Harv. C.R.-C.L. L. Rev.", "10", "269"),
    ("Smith v. Jones [2014] EWCA Civ 1020.", "EWCA Civ", None, "1020"),
])
def test_law_reports_give_container_volume_and_page(raw, container, volume, pages):
    note = parse_note(Note(1, raw, 1))
    assert len(note.citations) == 1
    c = note.citations[0]
    assert (c.csl["container-title"], c.csl.get("volume"), c.locator) == (container, volume, pages)


def test_statute_in_its_code_keeps_title_and_url():
    note = parse_note(Note(1, "“Lilly Ledbetter Fair Pay Act of 2009,” Pub. L. No. 111-2, 123 Stat. 5 (2009), "
                              "https://www.govinfo.gov/content/pkg/PLAW-111publ2/pdf/PLAW-111publ2.pdf.", 1))
    c = note.citations[0]
    assert (c.csl["title"], c.csl["container-title"], c.locator) == ("Lilly Ledbetter Fair Pay Act of 2009", "Stat.", "5")
    assert c.csl["URL"].endswith(".pdf") and c.csl["type"] == "legislation"


@pytest.mark.parametrize("text", ["《國家安全法》第5條。", "最高法院93年度台上字第3598號判決。"])
def test_chinese_statutes_and_decisions_are_citations(text):
    note = parse_note(Note(1, text, 1))
    assert len(note.citations) == 1 and note.citations[0].csl["type"] in ("legislation", "legal_case")
    assert "issued" not in note.citations[0].csl  # 93年度 is the case's court year, not a date


def test_commentary_then_signal_word_and_full_width_parentheses():
    note = parse_note(Note(1, "美國的核威懾建立在第二擊之能力。詳見 Thomas C. Schelling, The Strategy of Conflict "
                              "（Harvard University Press, 1960）, 21.", 1))
    assert note.kind == "mixed" and len(note.citations) == 1
    c = note.citations[0]
    assert (c.csl["title"], c.csl["publisher"], c.locator) == ("The Strategy of Conflict", "Harvard University Press", "21")


def test_untitled_agency_item_is_a_news_item():
    csl, _ = fields("中央社，民國 95年3月2日。")
    assert csl["container-title"] == "中央社" and csl["issued"]["date-parts"] == [[2006, 3, 2]] and "author" not in csl


def test_older_english_author_colon_and_roman_volume():
    note = parse_note(Note(1, "W. Wundt: Grundzüge der physiologischen Psychologie, II 213.", 1))
    c = note.citations[0]
    assert _names(c.csl) == ["W. Wundt"] and c.csl["volume"] == "II" and c.locator == "213"
    csl, pages = fields("E. Durkheim, Les règles de la méthode sociologique, Leipzig, 1895, p. 54.")
    assert csl["publisher-place"] == "Leipzig" and "publisher" not in csl and pages == "54"


def test_author_date_references_in_prose_are_short_forms():
    note = parse_note(Note(2, "這種看法並非孤例（王振寰，1996：88-90）。權力無所不在(Foucault, 1977, p. 27)。", 1))
    assert [(c.form, c.raw, c.locator) for c in note.citations] == [
        ("short", "王振寰，1996：88-90", "88-90"), ("short", "Foucault, 1977, p. 27", "27")]
    assert _names(note.citations[0].csl) == ["王振寰"]


def test_japanese_article_in_a_journal():
    csl, pages = fields("丸山眞男「超国家主義の論理と心理」『世界』1946年5月号、15頁。")
    assert (csl["title"], csl["container-title"], pages, csl["language"]) == ("超国家主義の論理と心理", "世界", "15", "ja")


def test_period_before_the_role_word():
    note = parse_note(Note(1, "杭亭頓. 著，《文明衝突與世界秩序的重建》，黃裕美譯（臺北：聯經，1997），頁3。", 1))
    assert len(note.citations) == 1
    csl = note.citations[0].csl
    assert _names(csl) == ["杭亭頓"] and _names(csl, "translator") == ["黃裕美"]


def test_mainland_chapter_with_latin_names_and_editors():
    note = parse_note(Note(4, "毛祥麟：《墨餘錄》，上海古籍出版社1985年版，64。D. Singh：《Hotline Communication》，"
                              "載T. R. Heath主編：《Developments in China’s Military Force Projection》，Rand Corporation2016年版，241。", 1))
    assert [c.raw[:3] for c in note.citations] == ["毛祥麟", "D. "]
    csl = note.citations[1].csl
    assert csl["type"] == "chapter" and _names(csl) == ["D. Singh"] and _names(csl, "editor") == ["T. R. Heath"]
    assert csl["publisher"] == "Rand Corporation" and note.citations[1].locator == "241"


def test_quote_inside_a_cjk_title_is_part_of_it():
    csl, pages = fields("陳志勇, ed., 中國財稅文化價值研究：“中國財稅文化國際學術研討會”論文集 (北京: 經濟科學出版社, 2011), 3")
    assert _names(csl, "editor") == ["陳志勇"] and csl["title"].endswith("”論文集") and pages == "3"


def test_code_section_is_not_a_page():
    csl, pages = fields("“Florida Mental Health Act,” Fla. Stat. § 394 (2009), http://www.leg.state.fl.us/x.html")
    assert csl["container-title"] == "Fla. Stat." and csl["section"] == "§ 394" and pages is None


@pytest.mark.parametrize("lead", ["另參見", "詳見", "參見", "See also "])
def test_signal_words_from_the_lexicon_lead_into_a_citation(lead):
    note = parse_note(Note(5, f"此一說法尚有爭議。{lead}趙學功，《巨大的轉變》（天津：天津人民出版社，2002），頁5。", 1))
    assert note.kind == "mixed" and len(note.citations) == 1
    assert _names(note.citations[0].csl) == ["趙學功"]


def test_every_style_declares_how_well_a_citation_fits_it():
    from cbmcite.parse.styles import STYLES
    fits = {style.name: style.fit("王名揚. 美國行政法[M]. 北京: 北京大學出版社, 2007: 194.") for style in STYLES}
    assert max(fits, key=fits.get) == "GB/T 7714"
    fits = {style.name: style.fit("Marbury v. Madison, 5 U.S. 137 (1803).") for style in STYLES}
    assert max(fits, key=fits.get) == "legal"


@pytest.mark.parametrize("raw,expected", [
    ("ROSENTHAL A. White House tutors Kremlin[N/OL]. New York Times, 1990-06-15: 16. https://www.nytimes.com/x.html.",
     {"container-title": "New York Times", "issued": {"date-parts": [[1990, 6, 15]]}, "type": "article-newspaper"}),
    ("温家宝主持国务院会议[EB/OL]//新华网. 22. http://news.xinhuanet.com/a.htm.",
     {"container-title": "新华网", "type": "webpage"}),
    ("佐藤英明. 一時所得の要件に関する覚書[M]//金子宏. 中里実.租税法と市場. 有斐閣, 2014: 19.",
     {"container-title": "租税法と市場", "editor": [{"literal": "金子宏"}, {"literal": "中里実"}], "publisher": "有斐閣"}),
    ("BARBARA WARD. Progress for a small planet[J]. Harvard Business Review, 1979(Sep.-Oct.): 17.",
     {"author": [{"literal": "BARBARA WARD"}], "issue": "Sep.-Oct."}),
])
def test_gbt_entries_of_other_types(raw, expected):
    csl, _ = fields(raw)
    assert {k: csl.get(k) for k in expected} == expected


def test_gbt_volume_inside_an_entry_does_not_end_it():
    note = parse_note(Note(19, "馬克思. 政治經濟學批判[M]//馬克思恩格斯全集: 卷 35. 2 版. 北京: 人民出版社, 2013: 186; "
                               "黃義豪. 評黃龜年四劾秦檜[J]. 福建論壇, 1997(3): 26-27.", 1))
    assert [c.raw[:3] for c in note.citations] == ["馬克思", "黃義豪"]


def test_chinese_case_named_before_its_number():
    csl, _ = fields("包郑照诉苍南县人民政府强制拆除房屋案, No. （1988）浙法民上字 7 号(n.d.).")
    assert csl["title"] == "包郑照诉苍南县人民政府强制拆除房屋案" and csl["type"] == "legal_case"


def test_publisher_in_parentheses_is_no_author_date_reference():
    note = parse_note(Note(9, "佐藤英明, “一時所得の要件に関する覚書,” in 租税法と市場, ed.金子宏 and 中里実 (有斐閣, 2014), 19.", 1))
    assert [c.form for c in note.citations] == ["full"]
    csl = note.citations[0].csl
    assert csl["container-title"] == "租税法と市場" and _names(csl, "editor") == ["金子宏", "中里実"]


def test_a_signal_word_inside_a_title_is_no_signal():
    note = parse_note(Note(8, "国家质量监督检验检疫总局. 信息与文献参考文献著录规则: GB/T 7714---2015[S]. 2015: 18.", 1))
    assert len(note.citations) == 1 and note.citations[0].csl["title"] == "信息与文献参考文献著录规则"


@pytest.mark.parametrize("raw,container,publisher", [
    ("M. Heidegger, On the essence of truth, in D. F. Krell ed., Basic writings, Harper Perennial Modern Thought, 2008.",
     "Basic writings", "Harper Perennial Modern Thought"),
    ("Jamie Horsley, Rule of law in China, in C. Fred Bergsten and Derek Mitchell ed., China: The balance sheet, "
     "Public Affairs Press, 2006, p. 333.", "China: The balance sheet", "Public Affairs Press"),
])
def test_taiwan_english_chapter_in_an_edited_book(raw, container, publisher):
    csl, _ = fields(raw)
    assert (csl["type"], csl["container-title"], csl["publisher"]) == ("chapter", container, publisher)
    assert "publisher-place" not in csl


def test_place_of_several_parts():
    csl, _ = fields("John S. Auerbach, The origins of narcissism, in M. F. Bornstein ed., Handbook of child psychology, "
                    "Washington, DC, US: Wiley, 1993, p. 71.")
    assert (csl["publisher-place"], csl["publisher"]) == ("Washington, DC, US", "Wiley")


def test_gbt_prose_glued_after_the_last_entry_is_cut_off():
    note = parse_note(Note(22, "王名揚. 美國行政法[M]. 北京: 北京大學出版社, 2007: 194-197.例如:若華府削減軍事存在,盟國可能視之為戰略退縮。", 1))
    assert note.kind == "mixed" and note.citations[0].locator == "194-197"


def test_publisher_in_parentheses_after_a_chinese_title():
    csl, _ = fields("我妻栄、有泉亨，《民法総則物権法》（日本評論社，1950年），頁12。")
    assert csl["publisher"] == "日本評論社" and _names(csl) == ["我妻栄", "有泉亨"]


def test_chicago_cjk_journal_glued_to_its_volume_and_in_glued_to_the_book():
    csl, _ = fields("袁训来 et al., “蓝田生物群,” 科学通报57, no. 34 (2012): 21.")
    assert (csl["container-title"], csl["volume"], csl["issue"]) == ("科学通报", "57", "34")
    csl, _ = fields("程根伟, “1998 年长江洪水的成因与减灾对策,” in长江流域洪涝灾害与科技对策, ed. 许厚泽 and 赵其国 (北京:科学出版社, 1999), 18.")
    assert csl["container-title"] == "长江流域洪涝灾害与科技对策" and _names(csl, "editor") == ["许厚泽", "赵其国"]


def test_name_suffix_and_volume_of_a_book():
    csl, _ = fields("Peyton Z. Peebles Jr., Probability, Random Variables, and Random Signal Principles, 4th ed. "
                    "(New York: McGraw-Hill, 2001), 15.")
    assert csl["author"] == [{"family": "Peebles", "given": "Peyton Z.", "suffix": "Jr."}]
    csl, _ = fields("陈登原, 国史旧闻, vol. 第 1 卷 (北京: 中华书局, 2000), 11.")
    assert (csl["title"], csl["volume"]) == ("国史旧闻", "第 1 卷")


def test_chinese_newspaper_in_an_english_style():
    csl, _ = fields("余建斌, “我们的科技一直在追赶,” 人民日报, January 12, 2013, 22, http://paper.people.com.cn/a.htm.")
    assert csl["type"] == "article-newspaper" and csl["container-title"] == "人民日报"


@pytest.mark.parametrize("text,count", [
    ("王大明，〈兩岸關係新局〉，《聯合報》，2020年1月1日。網址：https://udn.com/news/story/1/2.html（瀏覽日期：2021年3月1日）。", 1),
    ("https://www.mofcom.gov.cn/article/ae/ai/a.shtml", 1),
])
def test_a_url_is_the_citation_before_it_or_a_web_page(text, count):
    note = parse_note(Note(1, text, 1))
    assert len(note.citations) == count and note.citations[-1].csl["URL"].startswith("https://")
    assert note.citations[-1].csl["type"] in ("article-newspaper", "webpage")


def test_citation_raw_leaves_out_the_quotation_before_it():
    note = parse_note(Note(3, "As Waltz puts it, “in anarchy, security is the highest end,” Kenneth N. Waltz, Theory of "
                              "International Politics (Reading, MA: Addison-Wesley, 1979), 126.", 1))
    assert note.kind == "mixed" and note.citations[0].raw.startswith("Kenneth N. Waltz")
    assert _names(note.citations[0].csl) == ["Kenneth N. Waltz"]


@pytest.mark.parametrize("text,raw", [
    ("Ibid.例如,北韓的「核勒索」迫使美國在韓國部署「薩德」反導系統。", "Ibid."),
    ("Ibid., 309.其次,「相互再保證」有助於強化美中之間的戰略穩定性。", "Ibid., 309."),
    ("參見汪波，前引文。其次,「相互再保證」有助於強化。", "汪波，前引文。"),
])
def test_short_form_is_not_continued_by_the_prose_after_it(text, raw):
    note = parse_note(Note(36, text, 1))
    assert [c.raw for c in note.citations] == [raw] and note.kind == "mixed"


def test_mainland_translated_book_keeps_nationality_place_and_publisher():
    csl, pages = fields("[美]孔飞力：《叫魂》，陈兼、刘昶译，上海，三联书店，1999年版，第207页。")
    assert _names(csl) == ["[美]孔飞力"] and _names(csl, "translator") == ["陈兼", "刘昶"]
    assert (csl["publisher-place"], csl["publisher"], pages) == ("上海", "三联书店", "207")


def test_law_style_thesis_names_its_university_last():
    csl, _ = fields("詹森林（1984），《物之抽象使用利益之損害賠償》，頁30，國立臺灣大學法律學系碩士論文。")
    assert csl["type"] == "thesis" and csl["publisher"] == "國立臺灣大學法律學系"


@pytest.mark.parametrize("text", [
    "Roe v. Wade, 410 U.S. at 38.",
    "Department of Transportation Act, 39.",
    "“温家宝主持国务院会议 研究房地产业健康发展措施,” 48.",
    "包郑照诉苍南县人民政府强制拆除房屋案 at 50.",
    "北京市政协民族和宗教委员会 and 北京联合大学民族与宗教研究所,历代王朝与民族宗教, 58.",
])
def test_second_references_of_other_kinds_are_citations(text):
    note = parse_note(Note(40, text, 1))
    assert len(note.citations) == 1 and note.citations[0].raw == text


def test_quoted_cjk_title_in_ascii_punctuation_has_no_author():
    csl, pages = fields("“温家宝主持国务院会议 研究房地产业健康发展措施,” 新华网, n.d., 22, http://news.xinhuanet.com/a.htm.")
    assert "author" not in csl and csl["title"].startswith("温家宝") and csl["container-title"] == "新华网"


def test_cjk_author_list_closed_by_and():
    csl, _ = fields("雲南省企業聯合會, 雲南省企業家協會, and 雲南民族新聞文化發展研究院, 改革開放三十年 (芒市: 德宏民族出版社, 2009), 182.")
    assert _names(csl) == ["雲南省企業聯合會", "雲南省企業家協會", "雲南民族新聞文化發展研究院"] and csl["title"] == "改革開放三十年"
    csl, _ = fields("Aleksandr Fursenko and Timothy Naftali, One Hell of a Gamble: Khrushchev, Castro, and Kennedy, 1958-1964 "
                    "(New York: Norton, 1997), 5.")
    assert _names(csl) == ["Aleksandr Fursenko", "Timothy Naftali"] and csl["title"].startswith("One Hell")
