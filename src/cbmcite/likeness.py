"""How much a piece of note text looks like a citation: one scorer for note splitting and detection.

`citation_score(text)` is 0.0 for prose and 1.0 or more for a citation; splitting keeps a piece as a
citation at 1.0, and note detection asks it of the text a note number opens. It sits below both stages
and knows citations by their signs and shapes (shapes.py), never by parsing them.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import (AUTHOR_LIST_WORDS_EN, CHAPTER_LEAD_ZH, DOCUMENT_TITLE_WORDS_EN, PROSE_OPENERS_EN, PROSE_OPENERS_ZH,
                      PUBLICATION_SIGN_WORDS_ZH, PUBLISHER_SIGN_WORDS_EN, TITLE_SMALL_WORDS_EN, WEB_LABELS, alternation)
from .patterns import compile_fast
from .rules import rule
from .shapes import GBT_TYPE_MARK, LEGAL_RULES, entry_mark

_HAN = compile_fast(r"\p{Han}")
BEFORE_FIRST_TITLE = rule(
    "before_first_title_zh",
    r"^([^，,：:、；;《〈「」（）()]*(?:[（(][^（）()]*[）)][^，,：:、；;《〈「」（）()]*)*)[《〈]",
    "The words before a text's first title mark, when no comma or colon comes between (a sentence running on to it).",
    examples=("美國前駐印度大使布萊克威爾(Robert Blackwill)在2024年出版的《新外交》一書中指出",
              "《國家安全法》第5條", "作者在書中〈導論〉指出"),
    counterexamples=("王振寰，《資本，勞工，與國家機器》", "林碧炤：〈兩岸互信〉", "參見下文的討論"),
    requires=("《", "〈"),
    anchored=True,
)
PLACE_PUBLISHER_YEAR_ZH = rule(
    "place_publisher_year_zh",
    r"[（(][^（）()]{1,12}[:：][^（）()]+[，,]\s*(?:民國)?\s*[0-9]{2,4}\s*年?[）)]",
    "A Chinese publication block in parentheses: （臺北：國防部，2021年）.",
    examples=("《國防報告書》（臺北：國防部，2021年），頁5。", "《資本，勞工，與國家機器》（臺北：唐山，民國82年）",
              "《乡土中国》(北京：三联书店，1985)"),
    counterexamples=("（2021年）", "（臺北：國防部）", "（見下文，頁5）"),
    requires=("（", "("),
)
PROSE_OPENING_ZH = rule(
    "prose_opening_zh",
    rf"^{alternation(PROSE_OPENERS_ZH)}\s*[：:，,]",
    "A sentence of commentary opens with a discourse word and a pause: '例如：2010年…'.",
    examples=("例如：2010年美國《核態勢評估報告》首次提及", "因此，兩岸關係仍待觀察", "此外, 雙方亦同意"),
    counterexamples=("王振寰，《資本，勞工，與國家機器》", "例如此類", "如此，則"),
    anchored=True,
)
SHORT_LEAD = rule(
    "short_lead_zh",
    r"^[^，、：:]{1,12}[，、：:]",
    "A short lead (an author's name) closed by a comma or colon: '王振寰，…' / '林碧炤：…'.",
    examples=("王振寰，《資本，勞工，與國家機器》", "林碧炤：〈兩岸互信〉", "吳建德、張蜀誠"),
    counterexamples=("美國前駐印度大使布萊克威爾在2024年出版的書中指出，", "《國防報告書》"),
    requires=("，", "、", "：", ":"),
    anchored=True,
)
YEAR_DIGITS = rule(
    "year_digits",
    r"(?:1[5-9]|20)[0-9]{2}",
    "Four digits that may be a year (1500–2099): a sign, not a parse, so no digit-boundary checks.",
    examples=("Harvard University Press, 1960", "民國95年（2006）", "p. 1998"),
    counterexamples=("頁12-15", "Vol. 3, No. 4", "2100"),
)
PLACE_PUBLISHER_EN = rule(
    "place_publisher_sign_en",
    rf"[A-Z][\w .]{{1,30}}\s*[:：]\s*[A-Z][\w&.' ]+(?:{alternation(PUBLISHER_SIGN_WORDS_EN)}|[A-Z]{{2,}})",
    "A sign of a citation: a place, a colon and a publisher's name ('Cambridge: MIT Press').",
    examples=("Stephen Walt, The Origins of Alliances (Ithaca: Cornell University Press, 1987)", "New York: United Nations"),
    counterexamples=("He said: this is not true", "Note: see below"),
    requires=(":", "："),
)
PUBLICATION_SIGN_ZH = rule(
    "publication_sign_zh",
    alternation(PUBLICATION_SIGN_WORDS_ZH),
    "A sign of a Chinese citation: a publisher (出版社, 書局, 公司) or a thesis named.",
    examples=("臺北：聯經出版公司，1997", "國立政治大學外交研究所碩士論文"),
    counterexamples=("他出國多年，不常回來", "這一論點頗有爭議"),
)
AUTHORS_LEAD_EN = rule(
    "authors_lead_en",
    rf"^[A-Z][\w'’.\-]+(?:\s+(?:[A-Z][\w'’.\-]+|{alternation(AUTHOR_LIST_WORDS_EN)})){{0,8}},\s",
    "A sign of a citation: it opens with capitalised names and a comma ('Robert O. Keohane and Joseph S. Nye, …').",
    examples=("Robert O. Keohane and Joseph S. Nye, Power and Interdependence", "Glaser et al., “Title,” 5"),
    counterexamples=("however, the talks resumed", "The talks resumed in 2014 and both sides agreed"),
    requires=(",",),
)
TITLE_MARK_SIGN = rule(
    "title_mark_sign",
    r"[《〈『]",
    "A sign of a citation: a Chinese or Japanese title mark.",
    examples=("王振寰，《資本，勞工，與國家機器》", "林碧炤，〈兩岸互信〉", "丸山眞男『日本の思想』"),
    counterexamples=("王振寰，資本，勞工，與國家機器", "「引號」"),
    requires=("《", "〈", "『"),
)
PAGE_SIGN = rule(
    "page_sign",
    r"(?:pp?\.|頁|页)\s*[0-9]",
    "A sign of a citation: a page cited after p., pp., 頁 or 页.",
    examples=("Title, p. 5.", "Title, pp.12-15.", "《書》，頁 12。", "《书》，页3。"),
    counterexamples=("一頁又一頁", "app.", "step 5"),
    requires=("p.", "頁", "页"),
)
NUMBERED_PART_SIGN_ZH = rule(
    "numbered_part_sign_zh",
    r"第\s*[0-9]+\s*[頁页卷期版]",
    "A sign of a citation: 第N頁 / 第N卷 / 第N期 / 第N版.",
    examples=("《國防雜誌》，第13卷第2期", "《人民日报》2005年3月2日，第 4 版", "第12页"),
    counterexamples=("第一次世界大戰", "第5條", "第3章"),
    requires=("第",),
)
VOLUME_NUMBER_SIGN = rule(
    "volume_number_sign",
    r"(?i)\bvol\.|\bno\.\s*[0-9]",
    "A sign of a citation: 'Vol.' or 'No. N'.",
    examples=("Foreign Affairs, Vol. 76, No. 2", "International Security 23, no. 3", "vol. 2"),
    counterexamples=("There is no. Volume", "No one knows", "volatile"),
    requires=(".",),
)
URL_SIGN = rule(
    "url_sign",
    r"(?i)https?://|www\.",
    "A sign of a citation: a URL.",
    examples=("https://udn.com/news/story/1", "見 www.mnd.gov.tw", "HTTP://EXAMPLE.ORG"),
    counterexamples=("the web site of the ministry", "http:/broken"),
)
PAREN_PUBLISHER_YEAR = rule(
    "paren_publisher_year",
    r"\([^()]{2,80}[,，]\s*(?:1[5-9]|20)[0-9]{2}\)",
    "A sign of a citation: a publisher and year in parentheses, (Place: Publisher, 1979).",
    examples=("Theory of International Politics (Reading, MA: Addison-Wesley, 1979)", "Title (Routledge, 2005), 4.",
              "《乡土中国》(北京：三联书店，1985)"),
    counterexamples=("(1979)", "(see above, p. 5)", "(Smith, 2205)"),
    requires=("(",),
)
QUOTED_TITLE_SIGN = rule(
    "quoted_title_sign",
    r"[,，]\s*[“\"][^“”\"]{4,}[,.]?[”\"]",
    "A sign of a citation: a quoted title after the author's comma (Chicago), ', “Title,”'.",
    examples=("Richard Berstein, “The Coming Conflict with America,” Foreign Affairs", 'Smith, "Deterrence Revisited," 5.',
              "季衛東, “法律程序的意義,” 96."),
    counterexamples=("“The Coming Conflict”", "he said, “no”"),
    requires=("“", '"'),
)
DATED_EDITION_END_ZH = rule(
    "dated_edition_end_zh",
    r"[，,]\s*(?:民國\s*)?[0-9]{2,4}\s*年\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?\s*版?"
    r"(?:\s*[，,]\s*[0-9]{1,4}(?:\s*[-–]\s*[0-9]{1,4})?)?\s*[。.；;]?\s*$",
    "A sign of a citation: it ends in a date (a newspaper's or a publisher's edition), perhaps with the page cited "
    "and the stop or semicolon before the next source: '…，2023年10月7日版。', '李強：…，2012年5月3日版，85；'.",
    examples=("〈兩岸〉，《聯合報》，2023年10月7日版。", "中央社，民國 95年3月2日", "《书》，人民出版社，2007年3月版",
              "李強：化解醫患矛盾需釜底抽薪，2012年5月3日版，85。", "D. Bawden：Origins of digital literacy，2008年5月4日版；"),
    counterexamples=("2023年10月7日，雙方會談。", "在2023年10月"),
    requires=("月",),
)
QUOTED_TITLE_THEN_SOURCE = rule(
    "quoted_title_then_source",
    r"^[\"“][^\"”]{8,}[\"”]\s*,?\s*[A-Z]|^[\"“][^\"”]{8,}[,，][\"”]\s*(?:[0-9]+\s+[A-Z]|\p{Han})",
    "A sign of a citation: it opens with a quoted title and a source follows ('\"Title,\" The New York Times', "
    "'“Title,” 81 F.R. §', '“標題,” 民國日報').",
    examples=("“Taiwan Strait Tensions Rise,” The New York Times, March 2, 2006.", '"China and the Bomb" Foreign Affairs',
              "“Defining and Delimiting the Exemptions,” 81 F.R. § (2016)", "“上海各路商界總聯合會致外交部電,” 民國日報"),
    counterexamples=("“Taiwan Strait Tensions Rise,” he wrote.", "Smith, “Title,” New York"),
    requires=('"', "“"),
    anchored=True,
)
INITIALS_AUTHOR_COLON = rule(
    "initials_author_colon",
    r"^(?:[A-Z]\.\s*){1,3}[A-Z][\w'’\-]+:\s+[A-Z]",
    "A sign of a citation in older English: initials, a surname and a colon before the title ('W. Wundt: Grundzüge').",
    examples=("W. Wundt: Grundzüge der physiologischen Psychologie, II 213.", "J. S. Mill: On Liberty, p. 5."),
    counterexamples=("Wundt: Grundzüge", "W. Wundt, Grundzüge", "Note: see below"),
    requires=(":",),
    anchored=True,
)
ROMAN_VOLUME_PAGE_SIGN = rule(
    "roman_volume_page_sign",
    r"[,，]\s*[IVXL]{1,5}\s*[,.]?\s+(?:p\.\s*)?[0-9]+\s*\.?$",
    "A sign of a citation in older notes: a roman volume and a page at the end ('…, II 213.').",
    examples=("W. Wundt: Grundzüge der physiologischen Psychologie, II 213.", "Kant, Werke, IV, p. 54."),
    counterexamples=("Title, 213.", "World War II 1945 was over, and more", "Henry VIII"),
    requires=("I", "V", "X", "L"),
)
SECTION_SIGN = rule(
    "section_sign",
    r"§+\s*[0-9]",
    "A sign of a legal citation: a numbered section ('Restatement (Fourth) of … § 401 (Am. L. Inst. 2018)').",
    examples=("Restatement (Fourth) of the Foreign Relations Law of the United States § 401 (Am. L. Inst. 2018).",
              "50 U.S.C. § 1541(c) (2018)."),
    counterexamples=("See the section above", "§ and more"),
    requires=("§",),
)
CONTAINER_LEAD_SIGN_ZH = rule(
    "container_lead_sign_zh",
    rf"[，,：:]\s*{alternation(CHAPTER_LEAD_ZH)}\s*[^，,。《]{{0,30}}?[《〈]",
    "A sign of a citation: a lead word names the journal or book that holds the work ('…，載《新華網》', '收錄於X編，《書》').",
    examples=("《被告人一審開庭》，載《新華網》，253。", "〈周易外傳〉，收錄於《船山全書》"),
    counterexamples=("他說，載歌載舞", "收到《通知》後"),
    requires=CHAPTER_LEAD_ZH,
)
_CITATION_FEATURES = (  # cheap, common signs first
    TITLE_MARK_SIGN, PAGE_SIGN, NUMBERED_PART_SIGN_ZH, VOLUME_NUMBER_SIGN, PLACE_PUBLISHER_EN, URL_SIGN, GBT_TYPE_MARK,
    PUBLICATION_SIGN_ZH, PAREN_PUBLISHER_YEAR, AUTHORS_LEAD_EN, QUOTED_TITLE_SIGN, DATED_EDITION_END_ZH,
    QUOTED_TITLE_THEN_SOURCE, INITIALS_AUTHOR_COLON, ROMAN_VOLUME_PAGE_SIGN, SECTION_SIGN, CONTAINER_LEAD_SIGN_ZH,
)
CHICAGO_SHORT_SIGN = rule(
    "chicago_short_sign",
    r"^[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2},\s+(?:[\"“][^\"”]{2,80}[\"”]|[A-Z][^,]{2,60},)\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?\.?$",
    "A Chicago short note by its shape: 'Van Evera, \"Offense, Defense,\" 20.' / 'Waltz, Theory, 102.'",
    examples=('Van Evera, "Offense, Defense," 20.', "Waltz, Theory, 102.", "Berstein Munro, “The Coming Conflict,” 27–30"),
    counterexamples=("Waltz, Theory.", "however, the talks, 5", "Kenneth N. Waltz, Theory of International Politics (1979), 126."),
    requires=(",",),
    anchored=True,
)


_SHORT_NOTE_MAX = 400  # a short note is short; longer pieces are not tried against its pattern


@lru_cache(maxsize=4096)  # splitting asks about the same piece several times
def citation_score(text: str) -> float:
    """Signs of a citation found, over the number needed (two, or one with a year); prose scores 0. A form that
    is a citation by its shape alone (a short note, a GB/T entry, a law report) scores 1."""
    p = text.strip()
    if len(p) < 6:
        return 0.0
    needed = 1 if has_year(p) else 2
    found = 0
    for feature in _CITATION_FEATURES:  # stop as soon as it is enough
        if feature.find(p):
            found += 1
            if found >= needed:
                # commentary that mentions a year and a book title reads like prose: a verb, no author lead
                return 0.0 if _prose_sentence(p) and not _citation_by_shape(p) else 1.0
    return 1.0 if _citation_by_shape(p) else found / needed


def _citation_by_shape(p: str) -> bool:
    """The rarer, costlier patterns: asked only when the cheap signs do not decide."""
    if CHICAGO_SHORT_SIGN.find(p) or len(p) < _SHORT_NOTE_MAX and (SHORT_NOTE.find(p) or DOCUMENT_TITLE_ALONE.find(p)):
        return True
    return entry_mark(p) or bool(URL_ALONE.find(p)) or any(r.find(p) for r in LEGAL_RULES)


def looks_like_citation(text: str) -> bool:
    return citation_score(text) >= 1.0


def has_year(p: str) -> bool:
    return "年" in p or "民國" in p or bool(YEAR_DIGITS.find(p))


def _prose_sentence(p: str) -> bool:
    """Long CJK prose with a book title in it, e.g. 「…《熱線協議》…」 as narrative."""
    if len(p) < 40 or "頁" in p or "页" in p:
        return False
    han = len(_HAN.findall(p))
    commas = p.count("，")
    if han < 40:
        return False
    if PROSE_OPENING_ZH.find(p) and not PLACE_PUBLISHER_YEAR_ZH.find(p):
        return True  # '例如:2010年美國《核態勢評估報告》首次提及…'
    lead = SHORT_LEAD.find(p)
    if commas >= 4 and not lead:
        return True
    # '美國前駐印度大使布萊克威爾(…)在2024年出版的《…》…': a sentence runs on to the title, no author and comma
    before = BEFORE_FIRST_TITLE.find(p)
    return bool(before) and len(_HAN.findall(before.group(1))) >= 12 and not PLACE_PUBLISHER_YEAR_ZH.find(p)


# --- short notes: an author and a short title or a page, nothing else --------------------------------
_LATIN_NAME = r"(?:[A-Z][\w'’.\-]*\s+){0,5}[A-Z][\w'’\-]+\.?"
_HAN_NAME = r"[\p{Han}·・]{2,20}"
_NAME = rf"(?:{_LATIN_NAME}|{_HAN_NAME})"
_NAMES = rf"{_NAME}(?:(?:,\s+and\s+|,\s+|\s+and\s+|\s*&\s*|、){_NAME}){{0,5}}(?:\s+et\s+al\.)?"
_QUOTED = r"[“\"][^“”\"]{2,250}[”\"]"
_MARKED = r"[〈《][^〈〉《》]{1,120}[〉》]"
_BARE = r"[^“”\"；;〈〉《》]{2,250}?"
_PAGE_NUMBERS = r"(?:pp?\.\s*)?(?:[0-9]+:)?[0-9]+(?:\s*[-–—~～]\s*[0-9]+)?"
_ZH_PAGES = r"(?:頁|页|第)?\s*[0-9]+(?:\s*[-–—~～、]\s*[0-9]+)*\s*[頁页]?"
_OPENER = rf"(?!{alternation(PROSE_OPENERS_EN)}\b|{alternation(PROSE_OPENERS_ZH)}[，,])"
SHORT_NOTE = rule(
    "short_note_piece",
    rf"^{_OPENER}{_NAMES}(?:(?:,\s+|，|,(?=\p{{Han}}))(?:"
    rf"(?:(?:{_QUOTED}|{_MARKED}|{_BARE})\s*[,，]?\s*)?(?:{_PAGE_NUMBERS}|{_ZH_PAGES})"  # with a page
    rf"|{_QUOTED}|{_MARKED})"  # a marked title alone
    rf"|,\s+[^“”\"；;,，〈〉《》0-9]{{2,100}}"  # a bare title alone: 'Weir, Forgiveness can improve health.'
    rf")\s*[.。;；]?\s*$"
    rf"|^{_QUOTED}\s*[,，]?\s*{_PAGE_NUMBERS}\s*[.。;；]?\s*$",  # an authorless work: '“Title,” 48.'
    "A Chicago or Taiwan short note: the author, then a short title or a page, or both.",
    examples=("Glaser and Glosserman, Promoting Confidence Building Across the Taiwan Strait, 354.",
              "Berstein and Munro, “The Coming Conflict with America,” 27", "Hutcheson, 266–270.",
              "Burin et al., “Body Ownership Increases the Interference,” 278.", "Amano and Kondo, Lexical Characteristics, 7:186.",
              "Calkin, Ager, and Thompson, “A Comparative Risk Assessment Framework.”", "汪疑今，〈江蘇的小農及其副業〉。",
              "吳建德、張蜀誠、王瑋琦，《柳暗花明》。", "張新寶, 312–313.", "王名揚, 美國行政法, 85–86.", "季衛東, “法律程序的意義,” 96.",
              "揚奎斯特、薩金特，《遞歸宏觀經濟理論》，第191-193頁。", "Weir, Forgiveness can improve mental and physical health.",
              "USAF Historical Division Liaison Office, 164.", "Yousafzai, We Are Displaced, 44–47;",
              "北京市政协民族和宗教委员会 and 北京联合大学民族与宗教研究所,历代王朝与民族宗教, 58.", "“温家宝主持国务院会议,” 48."),
    counterexamples=("However, the talks resumed in 2014.", "例如，《熱線協議》。", "The talks resumed, and both sides agreed.",
                     "美國於1963年與蘇聯建立熱線，其後雙方多次使用。",
                     "雖然兩國只是互劃紅線，但總算軍事對話已經開始。"),
    requires=(",", "，"),
    anchored=True,
)
DOCUMENT_TITLE_ALONE = rule(
    "document_title_alone",
    rf"^[“\"]?(?:(?:[A-Z][\w'’\-]*|{alternation(TITLE_SMALL_WORDS_EN)})\s+){{1,10}}{alternation(DOCUMENT_TITLE_WORDS_EN)}(?:\s+of\s+[0-9]{{4}})?(?:\s*§\s*[0-9]+)?"
    rf"\.?[”\"]?(?:,\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?)?\.?$",
    "A note that names a statute or treaty and nothing else: 'Helsinki Final Act.'",
    examples=("Florida Mental Health Act.", "“Helsinki Final Act.”", "Lilly Ledbetter Fair Pay Act of 2009",
              "Department of Transportation Act, 39.", "Administrative Procedure Act § 6, 40."),
    counterexamples=("The Act was passed in 1996.", "Act now."),
    requires=tuple(DOCUMENT_TITLE_WORDS_EN),
    anchored=True,
)
URL_ALONE = rule(
    "url_alone",
    rf"^(?:{alternation(WEB_LABELS)}\s*[:：]?\s*)?<?(?:https?://|www\.)\S+?>?\s*(?:[（(][^（）()]*[）)])?\s*[。.;；]?$",
    "A sentence that is only a URL (with a label or an access date): the URL of the citation before it, or a web page.",
    examples=("網址：https://udn.com/news/story/1/2.html（瀏覽日期：2021年3月1日）。", "https://example.org/a.",
              "Accessed https://example.org (March 1, 2021)."),
    counterexamples=("參見 https://example.org 的說明與其他資料。",),
    requires=("http", "www."),
    anchored=True,
)
