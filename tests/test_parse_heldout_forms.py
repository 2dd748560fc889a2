"""Forms found when documents made from records nobody tuned the parsers to were scored (issue 11): each
test is one rule of the genre, on invented citations of the shapes pandoc citeproc and Taiwan-style notes print."""
import pytest

from cbmcite.ingest.latex import to_plain
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


# --- types and fields of Chinese notes ------------------------------------------------------------

@pytest.mark.parametrize("raw", ["最高人民法院，《最高人民法院關於適用〈中華人民共和國行政訴訟法〉的解釋》，2018年2月6日。",
                                 "全國人大常委會，《中華人民共和國刑法修正案（十）》，2017年11月4日。",
                                 "全國人大常委會, “中華人民共和國公司法” (2005), 295."])
def test_chinese_laws_and_official_acts_are_legislation(raw):
    assert parse_citation(raw).csl["type"] == "legislation"


def test_a_bao_cited_by_its_day_is_a_newspaper_a_bao_with_an_issue_a_journal():
    assert parse_citation("丁文詳，〈數字革命與競爭國際化〉，《中國青年報》，2000年11月20日。").csl["type"] == "article-newspaper"
    assert parse_citation("丁文詳, “數字革命與競爭國際化,” 中國青年報, November 20, 2000.").csl["type"] == "article-newspaper"
    assert parse_citation("林大同，〈論經濟〉，《經濟年報》，第3期，2000年，頁5。").csl["type"] == "article-journal"


def test_an_edition_after_a_title_is_no_newspaper_page():
    csl = parse_citation("J. A. O’Brien：《Introduction to information systems》（第7版），Irwin1994年版，95。").csl
    assert csl["type"] == "book" and csl["edition"] == "7" and "section" not in csl


def test_mainland_page_after_the_date():
    assert parse_citation("張三：《中國心理學的過去與未來》，載《心理學報》2008年，274。").locator == "274"
    assert parse_citation("張三、李四：《心理學與奧林匹克》，載《新華日報》2008年8月8日，15-16。").locator == "15-16"


def test_an_english_thesis_named_in_a_chinese_style_note():
    csl = parse_citation("L. Harris：《Instructional leadership》，University of Virginia2014年Unpublished doctoral dissertation，341。").csl
    assert csl["type"] == "thesis" and csl["publisher"] == "University of Virginia"


@pytest.mark.parametrize("raw", ["何齡修，〈讀顧誠〈南明史〉〉，《中國史研究》，第3期（1998年）。",
                                 "何齡修, “讀顧誠〈南明史〉,” 中國史研究, no. 3 (1998): 108"])
def test_a_title_that_names_another_title(raw):
    csl = parse_citation(raw).csl
    assert csl["title"] == "讀顧誠〈南明史〉" and [a["literal"] for a in csl["author"]] == ["何齡修"]
    assert csl["container-title"] == "中國史研究"


# --- fields of English (Chicago) notes ------------------------------------------------------------

@pytest.mark.parametrize("raw,book", [
    ("魯迅, “中國小說的歷史的變遷,” in 魯迅全集, vol. 9 (北京: 人民文學出版社, 1981), 221.", "魯迅全集"),
    ("鄧小平, “精簡機構是一場革命,” in 鄧小平文選, 2nd ed., vol. 2 (人民出版社, 1994).", "鄧小平文選"),
    ("S. Goldin-Meadow, “Gesture and Cognitive Development,” in Handbook of Child Psychology, ed. L. S. Liben and "
     "U. Mueller, 7th ed., vol. 2 (John Wiley & Sons, 2015), 281–285.", "Handbook of Child Psychology"),
])
def test_a_chapter_in_a_volume_of_a_book(raw, book):
    csl = parse_citation(raw).csl
    assert csl["type"] == "chapter" and csl["container-title"] == book and "in " not in csl["title"]


def test_editors_named_after_a_book_title():
    csl = parse_citation("W. Shakespeare, Much Ado about Nothing, ed. B. A. Mowat and P. Werstine (Washington Square Press, 1995), 38.").csl
    assert csl["title"] == "Much Ado about Nothing"
    assert [e["family"] for e in csl["editor"]] == ["Mowat", "Werstine"]


def test_a_translator_or_editors_at_the_head():
    csl = parse_citation("M. A. S. Abdel Haleem, trans., The Qur’an (Oxford University Press, 2004), 168–170.").csl
    assert csl["title"] == "The Qur’an" and "author" not in csl and csl["translator"]
    csl = parse_citation("Jewelle Taylor Gibbs, Larke Nahme Huang eds., Children of color (Jossey-Bass, 1989), p.140.").csl
    assert [e["family"] for e in csl["editor"]] == ["Gibbs", "Huang"] and csl["title"] == "Children of color"


def test_a_journal_whose_name_holds_commas():
    csl = parse_citation("Weimin Mou and Timothy P. McNamara, “Intrinsic Frames of Reference,” Journal of Experimental "
                         "Psychology: Learning, Memory, and Cognition 28 (2002): 244.").csl
    assert csl["container-title"] == "Journal of Experimental Psychology: Learning, Memory, and Cognition"
    assert csl["title"] == "Intrinsic Frames of Reference" and csl["volume"] == "28"


def test_a_report_kind_before_the_publisher_block():
    csl = parse_citation("M. Harwell, “Don’t Expect Too Much,” Policy brief (National Education Policy Center, 2018), 12.").csl
    assert csl["type"] == "report" and "container-title" not in csl and csl["publisher"] == "National Education Policy Center"


def test_a_chinese_edition_word_after_the_title():
    csl = parse_citation("楊鍾羲, 雪橋詩話續集, 影印本, vol. 5 (瀋陽: 遼瀋書社, 1991), 133.").csl
    assert csl["title"] == "雪橋詩話續集" and csl["edition"] == "影印本"


def test_an_access_date_is_no_date_of_the_work():
    csl = parse_citation("U.S. Census Bureau, “Population Clock,” U.S. Department of Commerce, accessed July 3, 2019, "
                         "https://www.census.gov/popclock/.").csl
    assert "issued" not in csl and csl["type"] == "webpage"


# --- LaTeX source lines --------------------------------------------------------------------------

def test_latex_line_break_is_a_space_except_between_cjk_characters():
    assert to_plain("請參閱夏新華\n  et al., 近代中國憲政歷程, 347.") == "請參閱夏新華 et al., 近代中國憲政歷程, 347."
    assert to_plain("同上239.\n李眉. 李劼人軼事[N]. 四川工人日報") == "同上239. 李眉. 李劼人軼事[N]. 四川工人日報"
    assert to_plain("兩岸軍事\n互信") == "兩岸軍事互信"
    assert to_plain(r"http://www.soi.city.ac.uk/\textasciitilde dbawden/a.pdf") == "http://www.soi.city.ac.uk/~dbawden/a.pdf"


@pytest.mark.parametrize("raw", ["“上海各路商界總聯合會致外交部電,” 民國日報, August 14, 1925, 375.",
                                 "“Defining and Delimiting the Exemptions,” 81 F.R. § (2016), 399."])
def test_a_quoted_title_then_a_paper_or_a_code_is_a_citation(raw):
    note = parse_note(Note(1, raw, 1))
    assert note.kind == "citation" and [c.raw for c in note.citations] == [raw]


def test_a_regulation_in_the_federal_register_and_a_pinpoint_after_the_year():
    csl, page = (lambda c: (c.csl, c.locator))(parse_citation(
        "“Defining and Delimiting the Exemptions,” 81 F.R. § (2016), 399."))
    assert csl["type"] == "legislation" and csl["container-title"] == "F.R." and page == "399"
    cit = parse_citation("“Civil Rights Act of 1964,” Pub. L. No. 88-352, 78 Stat. 241 (1964), 375, https://www.govinfo.gov/a.pdf.")
    assert cit.locator == "375" and cit.csl["URL"] == "https://www.govinfo.gov/a.pdf"


def test_place_and_publisher_with_a_state_and_a_company_form():
    csl = parse_citation("B. E. Chernik, Introduction to library services, Littleton, Colo.: Libraries Unlimited, Inc., 1982, p. 280.").csl
    assert csl["publisher"] == "Libraries Unlimited, Inc." and csl["publisher-place"] == "Littleton, Colo."
    assert csl["title"] == "Introduction to library services"


def test_a_chinese_book_in_an_english_rendering_keeps_its_page_before_the_url():
    cit = parse_citation("侯文順, 高分子物理：高分子材料分析、選擇與改性 (北京: 化學工業出版社, 2010), 31–33, http://example.org/a.")
    assert cit.locator == "31-33" and cit.csl["publisher"] == "化學工業出版社"


@pytest.mark.parametrize("raw", ["李強：化解醫患矛盾需釜底抽薪，2012年5月3日版，85。", "《被告人李寧、張磊貪汙案一審開庭》，載《新華網》，253。"])
def test_a_dated_online_version_or_a_work_in_a_named_site_is_a_citation(raw):
    note = parse_note(Note(1, raw, 1))
    assert [c.raw for c in note.citations] == [raw] and note.citations[0].locator in ("85", "253")


def test_an_author_colon_and_an_unmarked_title_with_a_dated_version_is_a_web_page():
    cit = parse_citation("王明亮：關於中國學術期刊標準化數據庫系統工程的進展，1998年8月16日版。")
    assert cit.csl["type"] == "webpage" and cit.csl["author"] == [{"literal": "王明亮"}]
    assert cit.csl["title"] == "關於中國學術期刊標準化數據庫系統工程的進展" and "publisher" not in cit.csl



def test_a_work_in_a_site_with_a_version_dated_to_the_day_is_a_web_page():
    cit = parse_citation("C. Bologna：《What happens to your mind and body when you feel homesick?》，載《HuffPost》，2018年6月27日版，50。")
    assert cit.csl["type"] == "webpage" and cit.csl["container-title"] == "HuffPost" and cit.locator == "50"


def test_a_page_right_after_the_title_is_the_locator_in_a_law_citation_rendering():
    cit = parse_citation("全國人大常委會：《中華人民共和國公司法》370-373，2005年10月27日發佈")
    assert cit.locator == "370-373" and cit.csl["title"] == "中華人民共和國公司法"
    assert cit.csl["issued"] == {"date-parts": [[2005, 10, 27]]}


def test_a_public_law_number_after_a_quoted_chinese_act_is_its_number_not_a_journal():
    cit = parse_citation("國務院, “國務院關於在全國建立農村最低生活保障制度的通知,” Pub. L. No. 國發〔2007〕19號 (2007), 57.")
    assert cit.csl["type"] == "legislation" and "container-title" not in cit.csl
    assert cit.csl["number"] == "國發〔2007〕19號" and cit.locator == "57"
