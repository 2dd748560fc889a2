"""Residual forms of issue 11 ("every common form parsed and resolved"): each test is one rule of the genre, on
invented citations of the shapes Chicago, law and Taiwan-style notes print."""
import pytest

from cbmcite.model import DocumentResult, Note
from cbmcite.parse import parse_citation, parse_note
from cbmcite.resolve import resolve_document


def notes_of(*texts):
    parsed = [parse_note(Note(i, text, i)) for i, text in enumerate(texts, 1)]
    return {n.number: n for n in resolve_document(DocumentResult("doc.md", "utf-8", parsed)).notes}


def target(citation):
    return citation.form, citation.resolution, (citation.resolves_to or {}).get("note"), (citation.resolves_to or {}).get("index")


# --- a treaty named by its title and year -------------------------------------------------------

@pytest.mark.parametrize("raw", ["Regional convention on fisheries in the southern seas, 1978.",
                                 "Treaty of Friendship and Commerce, 1921."])
def test_a_treaty_by_title_and_year_alone_is_a_citation_with_that_title(raw):
    note = parse_note(Note(1, raw, 1))
    assert note.kind == "citation" and len(note.citations) == 1
    csl = note.citations[0].csl
    assert csl["title"] == raw.rsplit(",", 1)[0] and "author" not in csl
    assert csl["type"] == "legislation" and csl["issued"]["date-parts"][0][0] in (1978, 1921)


def test_prose_about_a_treaty_stays_commentary():
    note = parse_note(Note(1, "Both governments signed the treaty after long talks.", 1))
    assert note.kind == "commentary" and not note.citations


def test_a_sentence_case_title_is_no_author():
    csl = parse_citation("Conventional forces and regional stability in east asia, 1998.").csl
    assert csl["title"].startswith("Conventional forces") and "author" not in csl and csl["type"] == "book"
    assert parse_citation("Centers for Disease Control and Prevention, Annual Survey, 2010.").csl["author"]


# --- a short note in English, then Chinese commentary after its full stop ---------------------------

def test_a_treaty_repeated_by_title_and_page_before_chinese_prose_carries_the_ibid_chain():
    notes = notes_of("Regional convention on fisheries in the southern seas, 1978.",
                     "評論一句，未引任何文獻。",
                     "Regional convention on fisheries in the southern seas, p. 44. 此後各國漁船的衝突仍未停止。",
                     "Ibid., p. 45.")
    assert target(notes[3].citations[0]) == ("short", "resolved", 1, 0)
    assert notes[3].citations[0].raw == "Regional convention on fisheries in the southern seas, p. 44."
    assert notes[3].kind == "mixed"
    assert target(notes[4].citations[0]) == ("ibid", "resolved", 1, 0)


def test_a_short_title_and_bare_page_after_a_signal_word_inside_chinese_commentary():
    notes = notes_of("“Rules for Reporting Coastal Incidents,” 12 F.R. § (2004), 3.",
                     "雙方都在觀望。參見Rules for reporting, 17. 誰也不願先行讓步。", "Ibid.")
    assert target(notes[2].citations[0]) == ("short", "resolved", 1, 0)
    assert target(notes[3].citations[0]) == ("ibid", "resolved", 1, 0)


# --- a work with no author named again by its whole title ------------------------------------------

def test_a_translated_work_named_again_by_its_whole_short_title():
    notes = notes_of("Emily R. Wilson, trans., The Odyssey (New York: W. W. Norton, 2018), 5.",
                     "Kenneth N. Waltz, Theory of International Politics (Reading, MA: Addison-Wesley, 1979), 126.",
                     "The Odyssey, 112.", "The Iliad, 7.")
    assert target(notes[3].citations[0]) == ("short", "resolved", 1, 0)
    assert notes[4].citations[0].resolution == "unresolved"  # no earlier work has that title


# --- a congressional report by its designation -------------------------------------------------------

@pytest.mark.parametrize("raw", ["S. Rep. No. 95-797, 1978, p. 12.",
                                 "“S. Rep. No. 95-797,” 1978, 12, https://example.gov/srpt95-797.pdf.",
                                 "《S. Rep. No. 95-797》，1978年版，12。"])
def test_a_congressional_report_is_titled_by_its_designation(raw):
    cit = parse_citation(raw)
    assert cit.csl["title"] == "S. Rep. No. 95-797" and cit.csl["type"] == "report" and "author" not in cit.csl
    assert cit.locator == "12"


def test_a_report_designation_repeated_after_an_ibid_is_a_short_note():
    notes = notes_of("Kenneth N. Waltz, Theory of International Politics (Reading, MA: Addison-Wesley, 1979), 126.",
                     "H.R. Rep. No. 103-711, 1994, p. 12.", "Ibid.; H.R. Rep. No. 103-711.")
    assert [target(c) for c in notes[3].citations] == [("ibid", "resolved", 2, 0), ("short", "resolved", 2, 0)]


# --- web pages: a broadcaster's story, a page of an agency's site dated to the month ----------------------

@pytest.mark.parametrize("raw", ["Mary Lane, “Harbour Talks Stall Again,” NBC News, May 2, 2019, https://www.nbcnews.com/x.",
                                 "Mary Lane, “Harbour talks stall again,” CNN, May 2, 2019."])
def test_a_broadcasters_story_is_a_web_page(raw):
    cit = parse_citation(raw)
    assert cit.csl["type"] == "webpage" and cit.csl["issued"]["date-parts"] == [[2019, 5, 2]]


def test_a_newspapers_story_stays_a_newspaper_article():
    cit = parse_citation("Mary Lane, “Harbour Talks Stall Again,” The Washington Post, May 2, 2019, https://example.com/x.")
    assert cit.csl["type"] == "article-newspaper"


def test_an_agency_page_dated_to_the_month_is_a_web_page():
    cit = parse_citation("International Maritime Organization, “Frequently Asked Questions on Ship Safety,” "
                         "June 2020, 4, https://www.example.org/faq/.")
    assert cit.csl["type"] == "webpage" and cit.csl["issued"]["date-parts"] == [[2020, 6]] and cit.locator == "4"
    magazine = parse_citation("K. Ames, “Learning to Wait,” Monitor on Psychology, June 2020, 10–11.")
    assert magazine.csl["type"] != "webpage" and magazine.csl["issued"]["date-parts"] == [[2020, 6]]


# --- containers: a journal's edition, a site named before the date ----------------------------------------

def test_a_bare_journals_edition_in_parentheses_is_part_of_its_name():
    cit = parse_citation("陳小華，「海岸防衛的變遷」，東海師範大學學報（人文社會科學版），第12卷第3期，2015年，頁40")
    assert cit.csl["container-title"] == "東海師範大學學報（人文社會科學版）" and cit.csl["volume"] == "12"
    place = parse_citation("陳小華，「海岸防衛的變遷」，海洋政策研究（上海），第12卷第3期，2015年，頁40")
    assert place.csl["container-title"] == "海洋政策研究"


def test_an_unquoted_title_with_commas_before_the_site_keeps_them():
    cit = parse_citation("R. Gale, Old, tired, and wiser? Ageing well at sea, CNN, May 3, 2018, https://www.cnn.com/x.html.")
    assert cit.csl["title"] == "Old, tired, and wiser? Ageing well at sea" and cit.csl["container-title"] == "CNN"


# --- agencies: a unit named after its agency, plural agency names, an institution with 'and' -------------------

def test_an_agency_and_its_office_are_one_publisher():
    cit = parse_citation("R. Dale, Small exporters after the crisis: Evidence from customs data, U.S. International "
                         "Trade Administration, Office of Trade Analysis, 2016, p. 12.")
    assert cit.csl["publisher"] == "U.S. International Trade Administration, Office of Trade Analysis"
    assert cit.csl["title"] == "Small exporters after the crisis: Evidence from customs data"
    assert cit.csl["type"] == "report"


def test_a_federal_centers_body_after_the_title_is_the_publisher_of_a_report():
    cit = parse_citation("A. Ortiz, B. Lee, Vaccination coverage among adults, 2015, Centers for Medicare and Medicaid "
                         "Services, 2017, p. 8.")
    assert cit.csl["publisher"] == "Centers for Medicare and Medicaid Services" and cit.csl["type"] == "report"
    assert "container-title" not in cit.csl


def test_an_institution_with_and_before_a_chinese_title_mark_is_one_author_of_a_report():
    cit = parse_citation("U.S. Fish and Wildlife Service：《Annual survey of coastal birds》，2019年版，12。")
    assert cit.csl["author"] == [{"literal": "U.S. Fish and Wildlife Service"}] and cit.csl["type"] == "report"
    people = parse_citation("Robert O. Keohane and Joseph S. Nye：《Power and Interdependence》，2001年版，5。")
    assert [a["family"] for a in people.csl["author"]] == ["Keohane", "Nye"] and people.csl["type"] == "book"


# --- Chinese commentary after a Chinese work cited in an English style ----------------------------------------

@pytest.mark.parametrize("raw", ["林大華, “海權與陸權,” in 戰略論文集, ed. 王小明 (臺北: 三民書局, 2001), 45.",
                                 "陳小華, “海岸防衛研究” (碩士學位論文, 東海大學, 2012), http://example.edu/t/8812."])
def test_chinese_commentary_after_the_pages_or_url_of_an_english_style_citation_is_not_part_of_it(raw):
    note = parse_note(Note(1, raw + " 因此,雙方的互信仍有待建立,不能只靠口頭上的保證。", 1))
    assert note.kind == "mixed" and [c.raw for c in note.citations] == [raw]
    assert note.citations[0].csl["issued"]["date-parts"][0][0] in (2001, 2012)


# --- law-citation style (法學引注手冊): acts by their promulgation, sites, newspapers in English ---------------------

@pytest.mark.parametrize("raw", ["《Clean Harbors Act》第12節，2011年發佈。", "《Fisheries regulation of coastal waters》，2004年3月2日發佈。"])
def test_an_act_dated_by_its_promulgation_is_a_document(raw):
    assert parse_citation(raw).csl["type"] == "legislation"


def test_a_book_dated_by_its_edition_stays_a_book():
    assert parse_citation("王大明：《海洋法概論》，三民書局2004年版，12。").csl["type"] == "book"


def test_a_page_of_a_web_site_named_as_such_is_a_web_page():
    cit = parse_citation("〈海巡署公布年度報告〉，載《中時新聞網》，12。")
    assert cit.csl["container-title"] == "中時新聞網" and cit.csl["type"] == "webpage"


def test_an_english_newspaper_of_a_day_in_a_chinese_style_is_a_newspaper():
    cit = parse_citation("B. Ross：《Harbour talks stall again》，載《The Boston Herald》2019年5月2日，4")
    assert cit.csl["type"] == "article-newspaper"
    site = parse_citation("B. Ross：《Harbour talks stall again》，載《NBC News》，2019年5月2日版，4")
    assert site.csl["type"] == "webpage"


# --- a work with no author: its title alone before the facts ---------------------------------------------------

@pytest.mark.parametrize("raw,title", [
    ("The Sayings of the Desert Fathers, trans. Benedicta Ward (Kalamazoo: Cistercian Publications, 1975), 12.",
     "The Sayings of the Desert Fathers"),
    ("資治通鑑長編, 點校本, vol. 12 (北京: 中華書局, 1995), 33.", "資治通鑑長編")])
def test_a_lone_part_before_the_publication_facts_is_the_title(raw, title):
    csl = parse_citation(raw).csl
    assert csl["title"] == title and "author" not in csl


@pytest.mark.parametrize("raw", ["Anna K. Berg & Tom Hale (Oxford: Clarendon Press, 1999), 5.",
                                 "中國社會科學院近代史研究所編輯室 (北京: 中華書局, 1995), 33."])
def test_people_or_a_body_alone_before_the_facts_stay_authors(raw):
    assert "author" in parse_citation(raw).csl


def test_a_title_named_again_after_a_semicolon_is_its_own_source():
    notes = notes_of("資治通鑑長編, 點校本, vol. 12 (北京: 中華書局, 1995), 33.",
                     "〈海巡署致外交部電〉，《中央日報》，1927年3月4日，版2；《資治通鑑長編》。")
    first = notes[2].citations[0]
    assert first.csl["issued"]["date-parts"][0][0] == 1927 and first.raw.endswith("版2；")
    assert target(notes[2].citations[1]) == ("short", "resolved", 1, 0)


def test_a_sentence_case_rule_title_keeps_its_commas_before_the_code():
    cit = parse_citation("Safety standards for ferries, barges, tugs and harbour craft, F.R., Vol.74, 2009.")
    assert cit.csl["title"] == "Safety standards for ferries, barges, tugs and harbour craft"
    assert cit.csl["container-title"] == "F.R." and cit.csl["volume"] == "74"
    assert parse_citation("Florida Mental Health Act, Fla. Stat. § 394 (2009).").csl["title"] == "Florida Mental Health Act"


# --- GB/T 7714: a body whose name holds an initialism -----------------------------------------------------

def test_a_gbt_body_with_an_initialism_is_the_author_and_the_container_keeps_it():
    csl = parse_citation("U.K. MET OFFICE. Storm names of the season[EB/OL]//U.K. Department for Transport. "
                         "12[2020-01-05]. https://www.example.gov.uk/storms").csl
    assert csl["author"] == [{"literal": "U.K. MET OFFICE"}] and csl["title"] == "Storm names of the season"
    assert csl["container-title"] == "U.K. Department for Transport"
    people = parse_citation("BRONFENBRENNER U. The ecology of human development[M]. Cambridge: Harvard University "
                            "Press, 1979: 5.").csl
    assert people["author"] == [{"literal": "BRONFENBRENNER U"}]


# --- mainland publication blocks: two publishers, a company's legal form, long translator lists --------------------

@pytest.mark.parametrize("raw,publisher", [
    ("李大明主編：《海權論集》，海洋出版社、三聯書店2001年版，12。", "海洋出版社、三聯書店"),
    ("R. Lane：《Harbour law》，Maritime Books, Ltd.1999年版，12。", "Maritime Books, Ltd."),
])
def test_a_mainland_publisher_before_its_year(raw, publisher):
    csl = parse_citation(raw).csl
    assert csl["publisher"] == publisher and csl["issued"]["date-parts"][0][0] in (2001, 1999)


def test_latin_translators_after_the_title_in_a_chinese_style():
    csl = parse_citation("J. Verne：《Twenty thousand leagues》，A. B. Nicholson、C. D. Whitfield譯，Dover1960年版，5。").csl
    assert [t["family"] for t in csl["translator"]] == ["Nicholson", "Whitfield"] and csl["publisher"] == "Dover"


def test_a_latin_author_colon_and_an_unmarked_title_dated_to_the_day_is_a_web_page():
    csl = parse_citation("B. Ross：Harbour data: A primer，2011年6月2日版。").csl
    assert csl["title"] == "Harbour data: A primer" and csl["type"] == "webpage"
    assert csl["issued"]["date-parts"] == [[2011, 6, 2]]


def test_the_page_before_an_access_date_is_the_locator_and_the_access_date_no_date_of_the_work():
    cit = parse_citation("Harbour Office, “Tide Tables Online,” Port Authority of Keelung, 17, accessed May 2, 2020, "
                         "https://example.gov/tides.")
    assert cit.locator == "17" and "issued" not in cit.csl and cit.csl["URL"] == "https://example.gov/tides"
