"""Western citations: 'Author, Title, Place: Publisher, Year, pp.' and its article/chapter variants."""
from __future__ import annotations

from functools import lru_cache

import regex as re

from ..patterns import compile_fast
from ..rules import rule

from ..lexicon import (CJK_BODY_ENDINGS, CORPORATE_SUFFIXES_EN, DATE_QUALIFIERS_EN, DOCUMENT_TITLE_WORDS_EN,
                       EDITION_WORDS_DE, EDITION_WORDS_ZH, EDITOR_LEADS_EN, EDITOR_MARKS_EN, ISSUE_WORDS_EN,
                       MONTH_ABBREVIATIONS, MONTHS_EN, NAME_CONNECTIVES_EN, NAME_JOINERS_EN, NAME_PARTICLES,
                       ORDINAL_SUFFIXES_EN, PAGE_WORDS_DE, PAGE_WORDS_EN, PART_WORDS_EN, PLACE_CONNECTIVES_EN,
                       PUBLISHER_ENDINGS_EN, PUBLISHER_ENDINGS_ZH, PUBLISHER_WORDS_EN, PUBLISHING_PLACES,
                       REPORT_NUMBER_WORDS_EN, REPORT_PUBLISHER_WORDS_EN, REPORT_TITLE_WORDS_EN, REVISED_WORDS_EN,
                       ROMAN_VOLUME_WORDS, SEASONS_EN, SERIES_WORDS_EN, SUBUNIT_WORDS_EN, THESIS_WORDS_EN,
                       TITLE_OPENING_WORDS_EN, TITLE_SMALL_WORDS_EN, TRANSLATOR_LEADS_EN, TRANSLATOR_MARKS_EN,
                       VOLUME_WORDS_EN, alternation)
from ..items import display_name
from ..values import has_cjk, normalize_pages
from .names import is_institution, is_person_name, split_people
from .fields import (REPORT_DESIGNATION, Step, run_steps, set_issued, set_people, set_volume_issue, take_pages,
                     take_people, take_url_field, take_year)
from .result import Parsed
from .zh import BROADCASTER, dated_paper, newspaper_name, thesis_genre

MONTH_DAY_YEAR = rule(
    "month_day_year_en",
    r"([A-Za-z]{3})[a-z]*\.?\s+([0-9]{1,2}),\s*([0-9]{4})",
    "An English date, month first: 'June 20, 1963' / 'Sept. 3, 2001' (the month is checked by its first three letters).",
    examples=("June 20, 1963", "Sept. 3, 2001", "Feb 29, 2008"),
    counterexamples=("20 June 1963", "June 1963", "No. 3, 2001"),
    requires=(",",),
    anchored=True,
)
_COMMA = compile_fast(r"[,，]\s*")
SHORT_FORM_CONTAINER = rule(
    "short_form_container",
    r"(?i)op\.?\s*cit\.?|ibid\.?",
    "op. cit. / ibid. where a chapter's book would stand ('in op. cit.'): a pointer, never a container title.",
    examples=("op. cit.", "Ibid.", "op cit", "OP. CIT."),
    counterexamples=("Handbook of Politics", "opera citata"),
)
AND_LEAD = rule(
    "and_lead_en",
    rf"^{alternation(NAME_JOINERS_EN)}\s+",
    "'and X' / '& X' opening the last of a list of names ('甲, 乙, and 丙').",
    examples=("and 丙", "& Sons", "and Joseph S. Nye"),
    counterexamples=("Anderson", "andante", "Smith and Jones"),
    requires=NAME_JOINERS_EN,
    anchored=True,
)
TRANSLATOR_CLAUSE = rule(
    "translator_clause_en",
    rf"[,，]\s*{alternation(TRANSLATOR_LEADS_EN)}\s+(?P<names>[^“”\"]+)$",
    "The translators named at the end of a head: ', trans. S. H. Butcher' / ', translated by Richard Howard'.",
    examples=("Aristotle, Poetics, trans. S. H. Butcher", "Michel Foucault, Discipline and Punish, translated by Alan Sheridan",
              "Weber, Economy and Society, tr. G. Roth"),
    counterexamples=("Aristotle, Poetics", "Smith, Transnational Politics", "Poetics, trans. “The Art”"),
    requires=tuple(lead.split()[0].rstrip(".") for lead in TRANSLATOR_LEADS_EN),
)
EDITOR_CLAUSE = rule(
    "editor_clause_en",
    rf"(?<=\w)[,，]\s*{alternation(EDITOR_LEADS_EN)}\s+(?P<names>[^“”\",，]+(?:,\s*(?!and\b)[^“”\",，]+)*)$",
    "The editors of a book named after its title (Chicago): 'Much Ado about Nothing, ed. B. A. Mowat and P. Werstine'.",
    examples=("W. Shakespeare, Much Ado about Nothing, ed. B. A. Mowat and P. Werstine",
              "Freud, The Interpretation of Dreams, edited by J. Strachey"),
    counterexamples=("Much Ado about Nothing", "B. V. Babu et al., eds.", "Poetics, “ed. note”"),
    requires=("ed",),
)
EDITOR_MARK_WORD = rule(
    "editor_mark_word_en",
    rf"^{alternation(EDITOR_MARKS_EN + ('ed', 'eds') + TRANSLATOR_MARKS_EN)}$",
    "A segment that is only an editor's or translator's mark ('B. V. Babu et al., eds., Title', 'Name, trans., Title'):"
    " the names before it are editors or translators.",
    examples=("eds.", "ed", "(eds.)", "(ed)", "trans."),
    counterexamples=("editor", "Ed Smith", "eds. Smith"),
    requires=("ed", "tr"),
    anchored=True,
)
EDITOR_MARK_TAIL = rule(
    "editor_mark_tail_en",
    rf"^(?P<n>.+?)\s*(?:{alternation(EDITOR_MARKS_EN)}|(?P<trans>{alternation(TRANSLATOR_MARKS_EN)}))$",
    "Names closed by an editor mark ('M. Gold, ed.', 'Keohane and Nye (eds.)') or a translator's "
    "('M. A. S. Abdel Haleem, trans.').",
    examples=("M. Gold, ed.", "Keohane and Nye (eds.)", "Smith eds.", "M. A. S. Abdel Haleem, trans."),
    counterexamples=("Fred", "M. Gold", "Smith, ed. Jones"),
    requires=("ed", "tr"),
    anchored=True,
)

PAGES_TAIL = rule(
    "pages_tail_en",
    rf"(?r)[,，]?\s*\b{alternation(PAGE_WORDS_EN + PAGE_WORDS_DE)}\s*"
    r"(?P<p>[A-Z]?[0-9]+[a-z]?(?:\s*[-–—]\s*[0-9]+)?(?:\s*,\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?)*)(?:\s*ff?\.?)?\s*\.?\s*$",
    "The pages cited at the end of an English citation, after p., pp., pages or 'at' (law reports).",
    examples=("Title (Oxford: Clarendon, 1990), pp. 12-15.", "Title, p. 5", "410 U.S. 113, at 153", "Title, pages 3, 7-9",
              "Theorie der Grundrechte, 1985, S. 75 ff."),
    counterexamples=("Title, 2005", "Title, p. 5, and more", "Title, map 5"),
    flags=re.I,
)
_SEASON = alternation(SEASONS_EN + MONTHS_EN + MONTH_ABBREVIATIONS)
YEAR_TAIL = rule(
    "year_tail_en",
    rf"(?r)[,，]?\s*\(?(?:{alternation(DATE_QUALIFIERS_EN)}\s*(?:by|in)?\s*)?(?:{_SEASON}(?:/{_SEASON})?\s*(?:[0-9]{{1,2}},\s*)?)?"
    r"(?P<y>1[5-9][0-9]{2}|20[0-9]{2})(?:/[0-9]{1,4})?\)?\s*\.?\s*$",
    "The year that ends an English citation, perhaps with a season, month or qualifier: ', Spring 1992', '(c. 1600)'.",
    examples=("Journal of Peace Research 19, no. 1 (Spring 1992)", "Title, Routledge, 2005.", "Title (published in 1950)",
              "Report, 2001/02"),
    counterexamples=("Title, 2005, p. 23", "Title, 2005 edition", "Title, vol. 12"),
    flags=re.I,
)
MONTH_YEAR = rule(
    "month_year_en",
    rf"(?P<m>{alternation(MONTHS_EN + MONTH_ABBREVIATIONS)})\s+[0-9]{{4}}\.?",
    "A month and a year and nothing else: 'March 2018', 'Sept. 2001'.",
    examples=("March 2018", "Sept. 2001"),
    counterexamples=("Spring 1992", "March 3, 2018", "2018"),
    anchored=True,
)
BARE_PAGES_TAIL = rule(
    "bare_pages_tail_en",
    r"(?r)(?:(?<=[)”\"’])\s*[,:]?|[,:])\s*(?P<p>[0-9]{1,4}(?:\s*[-–—]\s*[0-9]{1,4})?)\s*\.?\s*$",
    "Pages with no p. at the end: after a comma or colon, or after a closing parenthesis or quote ('…(1979), 126.').",
    examples=("Theory of International Politics (Reading, MA: Addison-Wesley, 1979), 126.", "“The Coming Conflict,” 27–30",
              "Foreign Affairs 76, no. 2 (1997): 27"),
    counterexamples=("Theory of International Politics", "Foreign Affairs 76", "Title, 12345"),
)
PAREN_TAIL = rule(
    "paren_tail_en",
    r"(?r)\s*\((?P<body>[^()]*)\)\s*$",
    "The parenthesised block that ends a Chicago citation: (Place: Publisher, 1979) / (1992).",
    examples=("Theory of International Politics (Reading, MA: Addison-Wesley, 1979)", "Journal of Peace Research 19, no. 1 (1992)"),
    counterexamples=("Title (1979), 5", "Title"),
    requires=(")",),
)
BOOK_PAGE_BEFORE_YEAR = rule(
    "book_page_before_year_en",
    rf"(?r)(?<=[A-Za-z’'?!)])(?<!\b{alternation(VOLUME_WORDS_EN + ISSUE_WORDS_EN + PART_WORDS_EN)})"
    r"\s+(?P<p>[0-9]{1,4}(?:\s*[-–]\s*[0-9]{1,4})?)$",
    "Bluebook books: the page cited right after the title, before '(2d ed. 1996)': 'Foreign Affairs and the United "
    "States Constitution 34'.",
    examples=("Louis Henkin, Foreign Affairs and the United States Constitution 34",
              "Alexander M. Bickel, The Least Dangerous Branch: The Supreme Court at the Bar of Politics 16-23"),
    counterexamples=("Handbook of Child Psychology, Vol. 4", "Foreign Affairs 76, 12", "Title, 34", "Volume 2"),
)
PAREN_PLACE_PUBLISHER = rule(
    "paren_place_publisher_en",
    r"^(?P<place>[^:：]+)[:：]\s*(?P<pub>.+?)(?:[,，]\s*(?P<y>(?:1[5-9]|20)[0-9]{2}))?$",
    "Inside a Chicago publication block: 'Place: Publisher, Year'.",
    examples=("Reading, MA: Addison-Wesley, 1979", "Ithaca: Cornell University Press, 1987", "臺北：唐山，1993"),
    counterexamples=("Routledge, 2005", "1979"),
    requires=(":", "："),
    anchored=True,
)
PAREN_BARE_PUBLISHER = rule(
    "paren_bare_publisher_en",
    r"^(?P<pub>[^:：]+?)[,，]\s*(?P<y>(?:1[5-9]|20)[0-9]{2})$",
    "Inside a publication block with no place: 'Publisher, Year' ('APA, 1999' / 'PhD diss., Yale University, 1990').",
    examples=("Routledge, 2005", "PhD diss., Yale University, 1990", "有斐閣, 2014"),
    counterexamples=("Ithaca: Cornell University Press, 1987", "Spring 1992", "Routledge, 2005, 12"),
    requires=(",", "，"),
    anchored=True,
)
CHICAGO_JOURNAL = rule(
    "chicago_journal_tail",
    r"(?r)[,，]?\s*(?P<j>[A-Z\p{Han}](?:[^,\"”“]*[^,\"”“0-9\s])?)(?:(?:\s+|(?<=\p{Han}))(?P<v>[0-9]+))?(?:\s*,\s*[Nn]o\.\s*(?P<n>[0-9/]+))?\s*$",
    "A journal, its volume and issue after an article's quoted title (Chicago): '“Title,” Foreign Affairs 76, no. 2'.",
    examples=("“The Coming Conflict with America,” Foreign Affairs 76, no. 2", "“法律程序的意義,” 中國社會科學 3",
              "“Title,” International Security"),
    counterexamples=("“Title,” 27", "“Title,” 76, no. 2"),
)
JOURNAL_AFTER_QUOTE = rule(
    "journal_after_quote_en",
    r"[”\"]\s*,?\s*(?P<j>[A-Z\p{Han}][^\"”“]*?)(?:(?:\s+|(?<=\p{Han}))(?P<v>[0-9]+))?(?:\s*,\s*[Nn]o\.\s*(?P<n>[0-9/]+))?\s*$",
    "All between an article's quoted title and its volume is the journal, commas and all: '“Title,” Journal of "
    "Experimental Psychology: Learning, Memory, and Cognition 28'.",
    examples=("“Frames,” Journal of Experimental Psychology: Learning, Memory, and Cognition 28",
              "“The Coming Conflict with America,” Foreign Affairs 76, no. 2"),
    counterexamples=("Waltz, Theory of International Politics 12",),
    requires=("”", '"'),
)
QUOTE_CLOSE_COMMA = rule(
    "quote_close_comma",
    r"[,.]?[”\"]\s*,?\s*[^”\"“]+$",
    "A quoted title closed and more after it ('“Title,” Journal 19, no. 1'): what follows is a container.",
    examples=("Richard Berstein, “The Coming Conflict with America,” Foreign Affairs 76,", 'Smith, "Title." Journal,'),
    counterexamples=("Richard Berstein, “The Coming Conflict with America,”", "Waltz, Theory of International Politics,"),
    requires=("”", '"'),
)
AUTHOR_COLON = rule(
    "author_colon_en",
    r"^(?P<a>(?:[A-Z]\.\s*){1,3}[A-Z][\w'’\-]+):\s+",
    "Older English: initials and a surname, then a colon before the title ('W. Wundt: Grundzüge …').",
    examples=("W. Wundt: Grundzüge der physiologischen Psychologie, II 213", "J. S. Mill: On Liberty"),
    counterexamples=("Wundt: Grundzüge", "Ithaca: Cornell University Press", "W. Wundt, Grundzüge"),
    requires=(":",),
    anchored=True,
)
ROMAN_VOLUME_PAGE = rule(
    "roman_volume_page_en",
    rf"(?r)[,，]\s*(?:{alternation(ROMAN_VOLUME_WORDS)}\s*)?(?P<v>[IVXL]{{1,5}})\s*[,.]?\s+(?:p\.\s*)?"
    r"(?P<p>[0-9]+(?:\s*[-–]\s*[0-9]+)?)\s*$",
    "An older roman volume and its page at the end: 'Grundzüge der physiologischen Psychologie, II 213', 'vol. I, p. 224'.",
    examples=("W. Wundt, Grundzüge der physiologischen Psychologie, II 213", "Kant, Werke, IV, p. 54", "Hegel, Werke, XII. 40-42",
              "The Principles of Psychology, New York, 1890, vol. I, p. 224", "De l'intelligence, Paris, 1870, t. I, p. 165",
              "“What is an Emotion?” Mind, IX, 188"),
    counterexamples=("Title, 213", "Title, II", "Henry VIII 12"),
    requires=("I", "V", "X", "L"),
)
MONTH_OR_SEASON_START = rule(
    "month_or_season_start",
    rf"{_SEASON}|[0-9]",
    "A parenthesis that opens with a month, a season or a number holds a journal's date, not a publisher.",
    examples=("Spring 1992", "June 1963", "1992", "Sept. 2001"),
    counterexamples=("Routledge, 2005", "有斐閣, 1971"),
    anchored=True,
)
_VOLUME = alternation(VOLUME_WORDS_EN)
_ISSUE = alternation(ISSUE_WORDS_EN)
VOLUME_TAIL = rule(
    "volume_tail_en",
    rf"(?r)[,，]\s*{_VOLUME}\s*(?P<v>[0-9]+)(?:\s*[,，]\s*{_ISSUE}\s*(?P<n>[0-9]+(?:/[0-9]+)?))?\s*$",
    "A journal's volume (and issue) ending the text: ', Vol. 12, No. 3'.",
    examples=("Foreign Affairs, Vol. 76, No. 2", "Asian Survey, vol. 12", "Orbis, Volume 3, Issue 2/3"),
    counterexamples=("Foreign Affairs, Vol. 76, No. 2, 27", "Orbis, No. 3", "Handbook, Vol. 4, part 2"),
    requires=("ol", "OL", "Ol", "oL"),  # Vol / Volume in any case
    flags=re.I,
)
ISSUE_TAIL = rule(
    "issue_tail_en",
    rf"(?r)[,，]\s*{_ISSUE}\s*(?P<n>[0-9]+(?:/[0-9]+)?)\s*$",
    "A journal's issue with no volume ending the text: ', No. 3'.",
    examples=("Orbis, No. 3", "China Quarterly, Number 12", "Survival, issue 4/5"),
    counterexamples=("Orbis, No. 3, 5", "Orbis, Vol. 3", "No. 3"),
    flags=re.I,
)
SIGNED = rule(
    "signed_on_date_en",
    r"[,，]\s*signed\s+(?:on|in)\s+(?P<date>[A-Z][a-z]+\.?\s+[0-9]{1,2},\s*[0-9]{4})(?:[,，]\s*(?:at|in)\s+(?P<place>[A-Z][\w.\- ]+(?:,\s*[A-Z][\w.\- ]+)?))?",
    "A treaty's signing date and place: ', signed on June 20, 1963, at Geneva'.",
    examples=("Hotline Agreement, signed on June 20, 1963, at Geneva", "Treaty, signed in Aug. 5, 1963"),
    counterexamples=("Hotline Agreement, June 20, 1963", "the treaty was signed on June 20, 1963"),
    requires=("signed",),
)
IN_CLAUSE = rule(
    "in_clause_en",
    r"(?:[,，]\s*|(?<=[”＂\"])\s*[,，]?\s*)in:?(?:\s+(?=[A-Z\"“\p{Han}]|a\s|an\s|the\s)|(?=\p{Han}))",
    "'in' before the book or journal that holds a chapter or article ('“Title,” in Book'; 'in长江…': a join dropped the space).",
    examples=("Smith, “Deterrence,” in Handbook of War", "Smith, Deterrence, in: The Handbook", "“标题,”in长江论坛",
              "Smith, Chapter, in a Handbook"),
    counterexamples=("Smith, Deterrence in Asia", "Smith, Title, into the Woods"),
    requires=("in",),
)
EDITOR_AFTER = rule(
    "editor_after_en",
    rf"[,，]\s*{alternation(EDITOR_LEADS_EN)}\s*(?P<eds>.+)$",
    "Editors named after the book (Chicago): 'in Book, ed. Name, 2nd ed.'.",
    examples=("The Handbook, ed. John Smith", "Basic Writings, eds. A and B, 2nd ed.", "Readings, edited by Jane Doe"),
    counterexamples=("The Handbook", "Smith and Jones (eds.)"),
    requires=("ed",),
)
_EDITION_TAIL_PATTERN = (rf"(?:[,，]\s*(?:[0-9]+{alternation(ORDINAL_SUFFIXES_EN)}|{alternation(REVISED_WORDS_EN)})\s+ed\.?"
                         rf"|[,，]\s*[0-9]+\.\s*{alternation(EDITION_WORDS_DE)}"
                         rf"|[,，]\s*vols?\.\s*[^,，()]+|[,，]\s*{alternation(EDITION_WORDS_ZH)})+\s*$")
EDITION_TAIL = rule(
    "edition_tail_en",
    _EDITION_TAIL_PATTERN,
    "An edition or volumes ending a title: ', 4th ed.' / ', rev. ed.' / ', vol. 2'.",
    examples=("Theory, 4th ed.", "Politics Among Nations, rev. ed.", "Collected Works, vol. 2", "Economy, 2nd ed., vols. 1-2",
              "Methodenlehre der Rechtswissenschaft, 6. Aufl.", "雪橋詩話續集, 影印本"),
    counterexamples=("Theory of Politics", "Theory, 4th edition of", "Smith, ed."),
    requires=("ed", "vol", "Aufl") + EDITION_WORDS_ZH,
)
SERIES_TAIL = rule(
    "series_tail_en",
    rf",\s*(?P<series>[A-Z][^,()“”\"]{{0,60}}?\b{alternation(SERIES_WORDS_EN)}\b[^,()“”\"]{{0,40}}?\s"
    r"(?:[Nn]o\.\s*)?[A-Z]{0,4}[0-9][0-9\-–]*)\s*$",
    "A numbered series after the title, before the publication facts: ', Adelphi Paper 307', ', Canberra Papers on "
    "Strategy and Defence no. 83', ', CRS Report for Congress RL32496'. It is no part of the title.",
    examples=("Desjardins, Rethinking Confidence-Building Measures, Adelphi Paper 307",
              "Ball, Building Blocks, Canberra Papers on Strategy and Defence no. 83",
              "Kan, U.S.-China Military Contacts: Issues for Congress, CRS Report for Congress RL32496"),
    counterexamples=("Smith, The Report", "Smith, Papers on Politics", "Jones, “Report 5,” Journal"),
    requires=SERIES_WORDS_EN,
)
VOLUME_PART = rule(
    "volume_part_en",
    r"[,，]\s*vols?\.\s*(?P<v>[^,，()]+?)\s*$",
    "The volume of a multi-volume book at the end of its title: 'Title, vol. 第 1 卷' / 'Title, vol. 2'.",
    examples=("Title, vol. 第 1 卷", "Collected Works, vol. 2", "Works, vols. 1-3"),
    counterexamples=("Title, Volume 2", "Title, vol. 2, 35 (1990)"),
    requires=("vol",),
)
EDITOR_LEAD = rule(
    "editor_lead_en",
    rf"^(?P<eds>.+?)\s*{alternation(EDITOR_MARKS_EN + ('edited',))}\s*[,，]?\s*(?P<rest>.*)$",
    "Editors before the book in a chapter's 'in' clause: 'in Name ed., Book, Publisher'.",
    examples=("John Smith ed., Basic Writings, Harper", "A and B (eds.), Handbook", "Jane Doe edited, Readings"),
    counterexamples=("Basic Writings, Harper", "Fred, Title"),
    requires=("ed",),
    flags=re.S,
    anchored=True,
)
DOCUMENT_TITLE_WORD = rule(
    "document_title_word_en",
    rf"\b{alternation(DOCUMENT_TITLE_WORDS_EN)}\b",
    "A title that names a law or treaty: '… Act', '… Treaty', '… Convention'.",
    examples=("Florida Mental Health Act", "Helsinki Final Act", "Treaty on the Non-Proliferation of Nuclear Weapons"),
    counterexamples=("Acting in Concert", "The Accordion", "Activist"),
    requires=DOCUMENT_TITLE_WORDS_EN,
)
SENTENCE_CASE = rule(
    "sentence_case_en",
    rf"(?:(?<![\p{{L}}'’\-])(?!(?:{alternation(NAME_PARTICLES + NAME_CONNECTIVES_EN + TITLE_SMALL_WORDS_EN)})\b)"
    rf"\p{{Ll}}[\p{{L}}'’\-]{{2,}}.*?){{2}}",
    "Two lower-case words beyond particles and small words: a title in sentence case, never a person's or an "
    "institution's name ('United nations convention on the rights of the child').",
    examples=("United nations convention on the rights of the child", "Defining and delimiting the exemptions"),
    counterexamples=("Centers for Disease Control and Prevention", "Charles de Gaulle", "Ludwig van Beethoven",
                     "U.S. Department of the Treasury"),
)
DOCUMENT_TITLE_WORD_ANY_CASE = rule(
    "document_title_word_any_case_en",
    rf"(?i)\b{alternation(DOCUMENT_TITLE_WORDS_EN)}\b",
    "A law or treaty named in a sentence-case title: '… convention on the rights of the child'.",
    examples=("United nations convention on the rights of the child", "Paris peace agreement"),
    counterexamples=("Conventional deterrence", "Acting in concert"),
)
REPORT_TITLE = rule(
    "report_title_en",
    rf"\b{alternation(REPORT_TITLE_WORDS_EN)}\b",
    "A title that names a report, a white or working paper, a policy brief or a yearbook.",
    examples=("World Development Report 2019", "China's Military Strategy: white paper", "Yearbook of the United Nations"),
    counterexamples=("Reporting the War", "The Study of War"),
    flags=re.I,
)
REPORT_GENRE = rule(
    "report_genre_en",
    rf"^{alternation(REPORT_TITLE_WORDS_EN)}$",
    "A report's kind alone between its quoted title and the publisher block: '“Title,” Policy brief (Center, 2018)'.",
    examples=("Policy brief", "Issue brief", "Working Paper"),
    counterexamples=("Foreign Affairs", "Policy Review of Asia"),
    flags=re.I,
    anchored=True,
)
CJK_NAME_OR_BODY = rule(
    "cjk_name_or_body",
    rf"[·・]|{alternation(PUBLISHER_ENDINGS_ZH + CJK_BODY_ENDINGS)}$",
    "A CJK author standing alone: a transliterated name (杜威·佛克馬) or a body (…編輯室, …委員會), not a title.",
    examples=("杜威·佛克馬", "中國社會科學院語言研究所詞典編輯室", "全國人民代表大會常務委員會"),
    counterexamples=("清德宗實錄", "資治通鑑長編"),
)
SUBUNIT = rule(
    "subunit_en",
    rf"^{alternation(SUBUNIT_WORDS_EN)}\s+of\s+\p{{Lu}}",
    "A unit of an agency, named after it ('U.S. Small Business Administration, Office of Advocacy'): the two are "
    "one publisher.",
    examples=("Office of Advocacy", "Division of Health Statistics", "Bureau of Labor Statistics"),
    counterexamples=("Oxford University Press", "Office", "Officers of the Line"),
    requires=SUBUNIT_WORDS_EN,
    anchored=True,
)
REPORT_PUBLISHER = rule(
    "report_publisher_en",
    rf"\b{alternation(REPORT_PUBLISHER_WORDS_EN)}\b",
    "A publisher that is an agency or a government issues reports, not books.",
    examples=("United Nations", "Ministry of National Defense", "Congressional Research Service, Library of Congress"),
    counterexamples=("Harvard University Press", "Official Books"),
)
PUBLISHER_WORD = rule(
    "publisher_word_en",
    rf"(?r)\b{alternation(PUBLISHER_WORDS_EN)}\s*$",
    "A name that ends as a publisher's does ('… Press', '… Inc.') or is a publishing house.",
    examples=("Harvard University Press", "Routledge", "Wiley & Sons Inc.", "Springer "),
    counterexamples=("Foreign Policy", "Press Freedom in Asia"),
)
THESIS_WORD_EN = rule(
    "thesis_word_en",
    rf"(?i)\b{alternation(THESIS_WORDS_EN)}\b",
    "A thesis or dissertation named in English.",
    examples=("PhD dissertation", "M.A. thesis"),
    counterexamples=("Dissertations on War", "hypothesis"),
)
_QUOTED = compile_fast(r"^[\"“‘'＂](?P<t>.+?)[\"”’'＂][,，.]?\s*(?P<rest>.*)$", re.S)
REPORT_NUMBER = rule(
    "report_number_en",
    rf"(?r)\s*\((?=[^()]*(?:{alternation(REPORT_NUMBER_WORDS_EN)}|[0-9]{{3,}}))[^()]*\)\s*$",
    "A report's series or number in parentheses at the end of its title.",
    examples=("China's Rise (CRS Report RL32496)", "Trade Policy (Working Paper No. 5)", "Title (2019)"),
    counterexamples=("Title (Oxford)", "Title (2nd ed.) more"),
    requires=("(",),
)
SURNAME = rule(
    "surname_en",
    r"^(?:Mc|Mac|[DO]['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?$",
    "A lone Western surname: 'Gurtov', 'Smith-Jones', 'McNamara', 'O’Brien'.",
    examples=("Gurtov", "Waltz", "Smith-Jones", "McNamara", "MacArthur", "O'Brien", "D’Amato"),
    counterexamples=("Melvin Gurtov", "GURTOV", "Ph.D", "O'"),
    anchored=True,
)
GIVEN_NAME_TOKEN = rule(
    "given_name_token_en",
    r"^(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|[A-Z]\.)$",
    "One word of given names after a surname ('Gurtov, Melvin'): a name or an initial.",
    examples=("Melvin", "J.", "Jean-Paul"),
    counterexamples=("melvin", "J", "JP."),
    anchored=True,
)
_MONTHS = MONTHS_EN + MONTH_ABBREVIATIONS
FULL_DATE = rule(
    "full_date_en",
    rf"(?P<m>{alternation(_MONTHS)})\s+(?P<d>[0-9]{{1,2}}),\s*(?P<y>[0-9]{{4}})",
    "A newspaper's or web page's day: 'The New York Times, February 29, 2008'.",
    examples=("The New York Times, February 29, 2008", "Reuters, Sept. 3, 2001", "accessed May 1, 2020"),
    counterexamples=("The New York Times, 2008", "29 February 2008", "Spring 1992"),
    requires=tuple(sorted({month[:3] for month in _MONTHS})),  # every month's name opens with its first three letters
)
_MONTH_KEYS = [month[:3].lower() for month in MONTHS_EN]
CORPORATE_SUFFIX = rule(
    "corporate_suffix_en",
    rf"[,，]\s*{alternation(CORPORATE_SUFFIXES_EN)}$",
    "A company's legal form after its name and a comma: 'Libraries Unlimited, Inc.' is one publisher.",
    examples=("Libraries Unlimited, Inc.", "Harcourt Brace, Ltd."),
    counterexamples=("Libraries Unlimited", "Cambridge, MA"),
    requires=(",", "，"),
)
SHORT_PLACE_PART = rule(
    "short_place_part",
    r"^(?:[A-Z]\.\s*)+$|^[A-Z]{2,3}$|^[A-Z][a-z]{0,4}\.$",
    "A short part of a place that belongs with the part before it: 'Washington, DC', 'Cambridge, MA', 'U.S.', 'Md.', "
    "'Littleton, Colo.'.",
    examples=("DC", "U.S.", "Md.", "MA", "Colo."),
    counterexamples=("Washington", "Cambridge", "USAF"),
    anchored=True,
)


ACCESSED_DATE = rule(
    "accessed_date_en",
    rf"[,，]?\s*\b(?:accessed|retrieved|viewed)\s+(?:on\s+)?(?:{alternation(SEASONS_EN + MONTHS_EN + MONTH_ABBREVIATIONS)}\s+)?"
    r"(?:[0-9]{1,2},?\s*)?(?:1[5-9]|20)[0-9]{2}",
    "The date a web page was read ('accessed July 3, 2019'), not the date of the work.",
    examples=("U.S. Department of Commerce, accessed July 3, 2019", "retrieved March 2018"),
    counterexamples=("January 3, 2019", "accessed online"),
    requires=("ccessed", "etrieved", "iewed"),
    flags=re.I,
)


def parse_english(raw: str) -> Parsed:
    out = Parsed(lang="en")
    run_steps(_STEPS, AUTHOR_COLON.compiled.sub(r"\g<a>, ", _prepare(raw), count=1), out)
    return out


def _roman_volume_page(s: str, out: Parsed) -> str:
    """'Grundzüge der physiologischen Psychologie, II 213': an older roman volume and its page."""
    roman = ROMAN_VOLUME_PAGE.find_tail(s) if out.locator is None else None
    if not roman:
        return s
    out.csl["volume"], out.locator = roman["v"], normalize_pages(roman["p"])
    return s[: roman.start()]


def _url(s: str, out: Parsed) -> str:
    s = take_url_field(s, out)
    return s.strip().rstrip(",，") if "URL" in out.csl else s


def _pages(s: str, out: Parsed) -> str:
    """', pp. 12-15' / ', at 5' at the end; a bare number after a comma or a title unless it is a year. An access date
    after the page ('…, 59, accessed July 3, 2019') is no date of the work: it goes first."""
    if ACCESSED_DATE.may_match(s):
        s = ACCESSED_DATE.compiled.sub("", s).rstrip(" ,，")
    m = PAGES_TAIL.find_tail(s)
    if not m:
        m = BARE_PAGES_TAIL.find_tail(s)
        if m and _is_year(m["p"]) and not s[: m.start()].rstrip().endswith(")"):
            m = None
    return take_pages(s, out, m)


def _date(s: str, out: Parsed) -> str:
    """The day (newspapers, web pages), else the month and year or the year at the end; a treaty's 'signed on DATE
    at PLACE'."""
    signed = SIGNED.find(s)
    if not signed:
        s = _take_day(s, out)
    year = YEAR_TAIL.find_tail(s) if "issued" not in out.csl else None
    s = take_year(s, out, year)
    month = MONTH_YEAR.find(year.group(0).strip(" ,，")) if year else None
    if month:  # 'March 2018': a page of a site is dated to the month
        out.csl["issued"]["date-parts"][0].append(_MONTH_KEYS.index(month["m"][:3].lower()) + 1)
    m = SIGNED.find(s) if signed else None
    if m:
        parts = _english_date(m["date"])
        if parts:
            set_issued(out, parts)
        if m["place"]:
            out.csl["publisher-place"] = m["place"].strip()
        s = s[: m.start()] + s[m.end():]
        out.kind_hint = "document"
    return s


def _container_or_publisher(s: str, out: Parsed) -> str:
    """What is left before the date: a journal's volume and issue, or a place and publisher, then the head."""
    vol = _volume_tail(s) or _number_tail(s)
    head = s[: vol.start()] if vol else s  # '“Chapter,” in Book, vol. 9 (Place: Publisher, 1981)': the book's volume
    if vol and "publisher" in out.csl and (not _after_quoted_title(head + ",") or IN_CLAUSE.find(head)):
        if vol["v"] if "v" in vol.groupdict() else None:
            out.csl["volume"] = vol["v"]
        _head_with_in_clause(s[: vol.start()], out)  # 'Title, vol. 7 (Publisher, 2000)': a book in volumes
    elif vol:
        set_volume_issue(out, vol["v"] if "v" in vol.groupdict() else None, vol["n"])
        head, container = _split_last_segment(s[: vol.start()])
        if container:
            out.csl["container-title"] = container
        out.kind_hint = out.kind_hint or "article"
        _authors_and_title(head, out)
    else:
        s = _take_place_publisher(s, out)
        if "issued" in out.csl and not _after_quoted_title(s + ","):
            s = _take_bare_publisher(s, out)
        _head_with_in_clause(s, out)
    return ""


PUBLIC_LAW_NUMBER = rule(
    "public_law_number",
    r"^Pub\.\s*L\.\s*No\.\s*(?P<n>\S.*)$",
    "Chicago renders an act's number as 'Pub. L. No. …' after its quoted title (the number of a Chinese act too: "
    "“國務院關於…的通知,” Pub. L. No. 國發〔2007〕19號 (2007)): the act's number, not a periodical.",
    examples=("Pub. L. No. 國發〔2007〕19號", "Pub. L. No. 111-2"),
    counterexamples=("Public Law Review", "Harv. L. Rev."),
    requires=("Pub",),
    anchored=True,
)


def _csl_type_step(s: str, out: Parsed) -> str:
    number = PUBLIC_LAW_NUMBER.find(out.csl.get("container-title", ""))
    if number:
        out.csl["number"] = number["n"].strip()
        del out.csl["container-title"]
    out.csl["type"] = "legislation" if number else _csl_type(out)
    return s


def _take_day(s: str, out: Parsed) -> str:
    """A newspaper or web page dated to the day: 'The New York Times, February 29, 2008'; an access date
    ('accessed July 3, 2019') is no date of the work."""
    s = ACCESSED_DATE.compiled.sub("", s) if ACCESSED_DATE.may_match(s) else s
    day = FULL_DATE.find(s)
    if not day or _volume_tail(s):
        return s
    parts = _english_date(f"{day['m']} {day['d']}, {day['y']}")
    if parts:
        set_issued(out, parts)
    return (s[: day.start()] + s[day.end():]).rstrip(" ,，")


def _volume_tail(s: str):
    """', Vol. 12, No. 3' at the end (only a string ending in a number can have one)."""
    return VOLUME_TAIL.find_tail(s) if s.rstrip()[-1:].isdigit() else None


def _number_tail(s: str):
    return ISSUE_TAIL.find_tail(s) if s.rstrip()[-1:].isdigit() else None


def _is_year(p: str) -> bool:
    return p.isdigit() and 1500 <= int(p) <= 2099


def _take_paren_block(s: str, out: Parsed) -> str:
    """Chicago: 'Title (Place: Publisher, 1979)' and 'Journal 19, no. 1 (1992)'."""
    m = PAREN_TAIL.find(s) if s.rstrip().endswith(")") else None
    if not m:
        return s
    body = m["body"].strip()
    pub = PAREN_PLACE_PUBLISHER.find(body)
    year = YEAR_TAIL.find_tail(body)
    bare = PAREN_BARE_PUBLISHER.find(body)
    if pub and pub["y"]:
        out.csl["publisher-place"] = pub["place"].strip()
        out.csl["publisher"] = pub["pub"].strip()
        set_issued(out, [int(pub["y"])])
    elif bare and bare["pub"].strip() in PUBLISHING_PLACES:  # 'Final Act (Helsinki, 1975)': where it was issued
        out.csl["publisher-place"] = bare["pub"].strip()
        set_issued(out, [int(bare["y"])])
    elif bare and (PUBLISHER_WORD.find_tail(bare["pub"] + " ") or _publisher_after_title(s[: m.start()], bare["pub"])):
        publisher = bare["pub"].strip()
        genre, _, after = publisher.partition(", ")
        if after and _mentions_thesis(genre):  # (博士學位論文, 華東師範大學, 2009) / (PhD diss., Yale University, 1990)
            out.csl["genre"], publisher = genre, after
        elif thesis_genre(genre):
            out.csl["genre"], publisher = genre, after
        out.csl["publisher"] = publisher
        set_issued(out, [int(bare["y"])])
        if s[: m.start()].rstrip().endswith(("”", '"')) and not out.csl.get("genre"):
            out.kind_hint = "report"  # '“Title” (Agency, 2015)': a report, not an article
    elif year and year.start() == 0 or year and len(body) < 30:
        set_issued(out, [int(year["y"])])
        head = s[: m.start()].rstrip()
        page = BOOK_PAGE_BEFORE_YEAR.find_tail(head) if out.locator is None and not _after_quoted_title(head) else None
        if page and not _is_year(page["p"]):  # Bluebook 'Title 34 (2d ed. 1996)': the page cited before the year
            out.locator = normalize_pages(page["p"])
            return head[: page.start()].rstrip()
        journal = (JOURNAL_AFTER_QUOTE.find(head) or CHICAGO_JOURNAL.find(head)) if _after_quoted_title(head) else None
        if journal and (journal["v"] or journal["n"]) and not _volume_tail(head):
            volume = f", Vol. {journal['v']}" if journal["v"] else ""
            return head[: journal.start("j")].rstrip().rstrip(",，") + ", " + journal["j"].strip() + volume + (
                f", No. {journal['n']}" if journal["n"] else "")
    else:
        return s
    return s[: m.start()].rstrip()


def _publisher_after_title(head: str, body: str) -> bool:
    """'Title (Publisher, 1966)': not a journal's volume and issue ('Journal 19, no. 1 (1992)') nor a date."""
    head = head.rstrip()
    return bool(head) and not MONTH_OR_SEASON_START.find(body.strip())  # 'Series 3 (有斐閣, 1971)' is a book too


def _after_quoted_title(head: str) -> bool:
    """'“Title,” Journal 19, no. 1': a journal follows an article's quoted title."""
    return bool(QUOTE_CLOSE_COMMA.find(head))


def _prepare(raw: str) -> str:
    s = raw.strip().replace("＂", "”").replace("：", ": ").replace("，", ", ").replace("（", " (").replace("）", ")")
    s = " ".join(s.split())
    return s.rstrip(".;；。").strip()


def _english_date(text: str) -> list[int] | None:
    """'June 20, 1963' → [1963, 6, 20]."""
    m = MONTH_DAY_YEAR.find(text)
    if not m or m.group(1).lower() not in _MONTH_KEYS:
        return None
    return [int(m.group(3)), _MONTH_KEYS.index(m.group(1).lower()) + 1, int(m.group(2))]


def _take_place_publisher(s: str, out: Parsed) -> str:
    """', Place: Publisher' at the end (the last colon that has a plausible place before it)."""
    if "publisher" in out.csl:  # Chicago's (Place: Publisher, Year) came first
        return s
    colon = max(s.rfind(":"), s.rfind("："))
    if colon < 0:
        return s
    publisher = s[colon + 1:].strip().strip(",")
    before = s[:colon].rstrip()
    parts = [p.strip() for p in _COMMA.split(before)]
    bare_publisher = CORPORATE_SUFFIX.compiled.sub("", publisher)  # 'Libraries Unlimited, Inc.'
    if len(parts) < 2 or not publisher or ":" in publisher or "," in bare_publisher:
        return s  # 'China: The balance sheet, Public Affairs Press': the colon is in a title
    place_parts = [parts[-1]]
    while SHORT_PLACE_PART.find(place_parts[0]) and len(parts) > len(place_parts) + 1:
        place_parts.insert(0, parts[-len(place_parts) - 1])  # 'Washington, DC, US
    place = ", ".join(place_parts)
    if not _plausible_place(place) or len(publisher.split()) > 14:
        return s
    out.csl["publisher"] = publisher
    out.csl["publisher-place"] = place
    return ", ".join(parts[: len(parts) - len(place_parts)])


def _take_bare_publisher(s: str, out: Parsed, after_book: bool = False) -> str:
    """'Author, Title, Routledge' (a year followed): the last part names the publisher of a book. After an edited
    book's title ('in Name ed., Basic writings, Harper Perennial Modern Thought') any capitalised name is one."""
    if "publisher" in out.csl:
        return s
    segments = _segments(s)
    if len(segments) < 3 - after_book:
        return s
    if segments[-1] in PUBLISHING_PLACES:  # older English: 'Title, Leipzig, 1896, p. 54' / 'Title, New York, 1890'
        out.csl["publisher-place"] = segments[-1]
        return ", ".join(segments[:-1])
    if not (_publisher_like(segments[-1]) or after_book and _capitalised_name(segments[-1])):
        return s
    if out.csl.get("URL"):  # 'Title, Mayo Clinic, 2016, https://…': the site of a web page
        out.csl["container-title"] = segments[-1]
        out.kind_hint = out.kind_hint or "webpage"
        return ", ".join(segments[:-1])
    if len(segments) > 3 and SUBUNIT.find(segments[-1]) and is_institution(segments[-2]):
        segments = (*segments[:-2], f"{segments[-2]}, {segments[-1]}")  # 'Agency, Office of Advocacy': one publisher
    out.csl["publisher"] = segments[-1]
    if len(segments) > 2 and _mentions_thesis(segments[-2]):
        out.csl["genre"] = segments[-2]
        segments = segments[:-1]
    return ", ".join(segments[:-1])


def _capitalised_name(seg: str) -> bool:
    words = seg.split()
    return 0 < len(words) <= 6 and all(w[0].isupper() or w in NAME_CONNECTIVES_EN for w in words)


def _publisher_like(seg: str) -> bool:
    """One name ('Routledge') or words that name a publisher ('MIT Press', 'Atlantic Council'); 'Foreign Policy' is a
    journal."""
    words = seg.replace(";", " ").split()
    if not 0 < len(words) <= 8 or seg[:1].isdigit() or _starts_title(seg):
        return False
    return len(words) == 1 and words[0][0].isupper() or any(w in PUBLISHER_ENDINGS_EN for w in words)


def _plausible_place(place: str) -> bool:
    """'Cambridge, MA' / 'Frankfurt am Main'; not 'The Least Dangerous Branch' (a title before its subtitle's colon)."""
    words = place.replace(",", " ").split()
    if words and words[0] in TITLE_OPENING_WORDS_EN and place not in PUBLISHING_PLACES:
        return False
    return 0 < len(words) <= 5 and all(w[0].isupper() or w in PLACE_CONNECTIVES_EN or w == ":" for w in words)


def _head_with_in_clause(s: str, out: Parsed) -> None:
    m = IN_CLAUSE.find(s)
    if m and m.start() > 0:
        _authors_and_title(s[: m.start()], out)
        rest = s[m.end():].strip()
        volume = VOLUME_PART.find(rest)
        if volume and volume.start() > 0:  # 'in 船山全書, 修訂版, vol. 第1册': the book's volume
            out.csl.setdefault("volume", volume["v"])
        rest = EDITION_TAIL.compiled.sub("", rest)  # 'in 鄧小平文選, 2nd ed.'
        after = EDITOR_AFTER.find(rest)  # Chicago: 'in Book, ed. Name, 2nd ed.'
        ed = None if after else EDITOR_LEAD.find(rest)  # 'in Name ed., Book, Publisher'
        if after:
            take_people(out, "editor", EDITION_TAIL.compiled.sub("", after["eds"]))
            rest = rest[: after.start()]
        elif ed and len(ed["eds"]) < 120:
            take_people(out, "editor", ed["eds"])
            rest = _take_bare_publisher(ed["rest"], out, after_book=True)
        container = rest.strip().strip(",")
        if container and not SHORT_FORM_CONTAINER.compiled.fullmatch(container):
            out.csl["container-title"] = container
        out.kind_hint = out.kind_hint or "chapter"
        return
    if "publisher" not in out.csl and _quoted_title_then_more(s, out):
        return
    if "container-title" in out.csl:  # the site named before the date ('…, CNN, January 3, 2019, URL'): the rest is the title
        head, container = s, None
    else:
        head, container = _split_title_container(s) if "publisher" not in out.csl else _quoted_title_in_book(s)
    _authors_and_title(head, out)
    if container and "publisher" in out.csl and REPORT_GENRE.find(container):
        out.csl["genre"] = container  # '“Title,” Policy brief (Center, 2018)': the report's kind, not a book
        out.kind_hint = out.kind_hint or "report"
    elif container:
        out.csl["container-title"] = container
        out.kind_hint = out.kind_hint or "article"


def _quoted_title_then_more(s: str, out: Parsed) -> bool:
    """'Author, "Title," Journal/Newspaper/Series, number' and 'Author, "Title," Ph.D. diss., University'."""
    segments = _segments(s)
    end = _authors_end(segments)
    rest = segments[end:]
    if len(rest) < 2 or not _starts_title(rest[0]):
        return False
    _authors_and_title(", ".join(segments[: end + 1]), out)
    following = rest[1:]
    if _mentions_thesis(following[0]):
        out.csl["genre"] = following[0]
        if len(following) > 1:
            out.csl["publisher"] = following[1]
        return True
    out.csl["container-title"] = following[0]
    if len(following) > 1 and REPORT_NUMBER_TOKEN.compiled.fullmatch(following[1]):
        out.csl["number"] = following[1]  # a report number: CRS RL32496
    out.kind_hint = out.kind_hint or ("report" if REPORT_TITLE.find(following[0]) else "article")
    return True


def _split_title_container(s: str) -> tuple[str, str | None]:
    """Without a publisher, 'Author, Title, Journal' ends in a journal; a publisher-like tail is a publisher."""
    segments = _segments(s)
    authors_end = _authors_end(segments)
    rest = segments[authors_end:]
    if len(rest) >= 2 and not PUBLISHER_WORD.find_tail(rest[-1]) and not rest[-1][:1].isdigit():
        return ", ".join(segments[:-1]), rest[-1]
    return s, None


def _quoted_title_in_book(s: str) -> tuple[str, str | None]:
    """'“Helsinki Final Act,” A Handbook of Documents (Washington: OSCE, 1975)': the book holds the titled text."""
    segments = _segments(s)
    end = _authors_end(segments)
    rest = segments[end:]
    if len(rest) >= 2 and _starts_title(rest[0]) and not _starts_title(rest[1]):
        return ", ".join(segments[: end + 1]), ", ".join(rest[1:])
    return s, None


def _split_last_segment(s: str) -> tuple[str, str | None]:
    """(head, container): a text with no words before its volume ('…, Vol. 3, No. 4' in PDF text) has neither;
    after a quoted title the whole rest is the journal ('“Title,” Journal of X: Learning, Memory, and Cognition')."""
    after_quote = JOURNAL_AFTER_QUOTE.find(s)
    if after_quote and not after_quote["v"] and not after_quote["n"] and "," in after_quote["j"]:
        return s[: after_quote.start("j")].rstrip().rstrip(",，"), after_quote["j"].strip()
    segments = _segments(s)
    if not segments:
        return "", None
    return ", ".join(segments[:-1]), segments[-1]


REPORT_NUMBER_TOKEN = rule(
    "report_number_token_en",
    r"[A-Z]{0,4}[-\s]?[0-9][0-9A-Z-]*",
    "A report's number after its series ('CRS RL32496' → 'RL32496', 'R-123'); a whole part of a citation.",
    examples=("RL32496", "R-123", "98-456"),
    counterexamples=("Foreign Affairs", "Spring"),
)


# a quoted title (to its closing quote, or to the end) or a run up to the next comma or opening quote
# (a quote glued to CJK text or a colon is inside a title: 研究：“研討會”論文集)
_SEGMENT = compile_fast(r"[\"“][^\"”]*(?:[\"”]|$)|(?:[^,，\"“]|(?<=[\p{Han}:：]\s?)[\"“][^\"”,，]*[\"”])+")


@lru_cache(maxsize=1024)  # the head of a citation is segmented by several rules in turn
def _segments(s: str) -> tuple[str, ...]:
    """Comma-separated parts; a quoted title is a part of its own ('Gurtov, Melvin "Title." Journal')."""
    return tuple(p for p in (m.strip() for m in _SEGMENT.findall(s)) if p)


def _family_first(segments: tuple[str, ...]) -> bool:
    """'Gurtov, Melvin, Title…': a lone surname, then given names, then more."""
    return (len(segments) >= 3 and bool(SURNAME.find(segments[0]))
            and all(GIVEN_NAME_TOKEN.find(t) for t in segments[1].split()) and 1 <= len(segments[1].split()) <= 3)


@lru_cache(maxsize=1024)
def _authors_end(segments: tuple[str, ...]) -> int:
    if not segments or _starts_title(segments[0]) or DOCUMENT_TITLE_WORD.find(segments[0]) or \
            REPORT_DESIGNATION.find(segments[0]) or \
            len(segments) == 1 and SENTENCE_CASE.find(segments[0]):
        return 0  # a text that is one sentence-case part is a title: 'United nations convention on the …, 1989'
    if _family_first(segments):
        return 2
    end = 1
    while end < len(segments) - 1 and _names_segment(segments[end]):
        end += 1
    end = max(end, _last_and_name(segments))
    if end < len(segments) - 1 and EDITOR_MARK_WORD.find(segments[end]):
        end += 1  # 'B. V. Babu et al., eds., Title'
    elif end < len(segments) - 1 and (closed := EDITOR_MARK_TAIL.find(segments[end])) and _names_segment(closed["n"]):
        end += 1  # 'Jewelle Taylor Gibbs, Larke Nahme Huang eds., Children of color'
    return end


def _cjk_name(text: str) -> bool:
    """'應松年', '雲南省企業聯合會': a CJK person or institution, one word."""
    return has_cjk(text) and " " not in text.strip() and len(text.strip()) <= 20


def _last_and_name(segments: tuple[str, ...]) -> int:
    """'甲, 乙, and 丙, Title': a list of names closed by 'and X' (names the person test cannot judge, e.g. CJK)."""
    for i, seg in enumerate(segments[:6]):
        if _starts_title(seg) or len(seg) > 40 or not has_cjk(seg):
            return 0  # Latin names are judged by the person test; a Latin title may say 'Castro, and Kennedy'
        if i and AND_LEAD.find(seg) and i < len(segments) - 1:
            return i + 1
    return 0


def _names_segment(seg: str) -> bool:
    seg = AND_LEAD.compiled.sub("", seg.strip())
    people = split_people(seg)
    return bool(people) and all(is_person_name(p) for p in people)


def _starts_title(seg: str) -> bool:
    return seg[:1] in "\"“‘'＂"


def _authors_and_title(head: str, out: Parsed) -> None:
    for _ in range(2):  # 'Title, trans. A' / 'Title, ed. B and C' / both, in either order
        trans = TRANSLATOR_CLAUSE.find(head)
        if trans:
            take_people(out, "translator", EDITION_TAIL.compiled.sub("", trans["names"]))
            head = head[: trans.start()]
        eds = EDITOR_CLAUSE.find(head) if len(_segments(head)) > 2 else None
        if eds:
            take_people(out, "editor", EDITION_TAIL.compiled.sub("", eds["names"]))
            head = head[: eds.start()]
    volume = VOLUME_PART.find(head)
    if volume and volume.start() > 0:
        out.csl.setdefault("volume", volume["v"])
        head = head[: volume.start()]
    edition = EDITION_TAIL.find(head)
    if edition and edition.start() > 0:  # 'Title, 4th ed.'
        out.csl.setdefault("edition", edition.group(0).strip(" ,，"))
        head = head[: edition.start()]
    series = SERIES_TAIL.find(head) if len(_segments(head)) > 2 else None
    if series:  # 'Author, Title, Adelphi Paper 307': the title is the segment before the series
        out.csl.setdefault("collection-title", series["series"].strip())
        if "Report" in series["series"]:
            out.kind_hint = out.kind_hint or "report"
        head = head[: series.start()]
    segments = _segments(head)
    if not segments:
        return
    end = 0 if len(segments) == 1 and _lone_title(segments[0], out) else _authors_end(segments)
    names = f"{segments[1]} {segments[0]}" if _family_first(segments) else ", ".join(segments[:end])
    title = ", ".join(segments[end:])
    if names:
        ed = EDITOR_MARK_TAIL.find(names)
        people = split_people(ed["n"] if ed else names)
        key = ("translator" if ed["trans"] else "editor") if ed else "author"
        if len(people) > 1 and not all(is_person_name(p) or _cjk_name(p) for p in people):
            people = [ed["n"] if ed else names]  # an institution with "and" in it
        set_people(out, key, people)
    if len(segments) - end > 1 and _mentions_thesis(segments[-1]):  # 'Title, Doctoral dissertation'
        out.csl.setdefault("genre", segments[-1])
        title = ", ".join(segments[end:-1])
    if title:
        out.csl["title"] = _clean_title(title, out)


def _lone_title(seg: str, out: Parsed) -> bool:
    """One part left before the publication facts ('The Qur’an, trans. … (Press, 2004)', '清德宗實錄, 影印本, vol. 435
    (北京: 中華書局, 1987)'): the title of a work with no author, unless it names a person or an institution."""
    if not ("publisher" in out.csl or "container-title" in out.csl):
        return False
    if has_cjk(seg):
        return len(seg) >= 5 and not CJK_NAME_OR_BODY.find(seg)
    return len(seg.split()) > 1 and not _names_segment(seg) and not is_institution(seg)


def _clean_title(title: str, out: Parsed) -> str:
    t = title.strip().strip(",")
    q = _QUOTED.match(t)
    if q and not q["rest"].strip():
        t = q["t"]
    t = t.strip("\"“”‘’'＂ ,.")
    number = REPORT_NUMBER.find(t)
    if number and number.start() > 0:
        out.csl["collection-title"] = t[number.start():].strip(" ()")
        out.kind_hint = out.kind_hint or "report"
        t = t[: number.start()]
    return t.strip()


def _mentions_thesis(text: str) -> bool:
    low = text.lower()
    return ("diss" in low or "thesis" in low) and bool(THESIS_WORD_EN.find(text))  # a substring test first: cheap


def _dated_to_the_day(csl: dict) -> bool:
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    return len(parts[0]) == 3


def _dated_to_the_month(csl: dict) -> bool:
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    return len(parts[0]) == 2


def _csl_type(out: Parsed) -> str:
    csl = out.csl
    title = csl.get("title", "")
    if any(_mentions_thesis(text) for text in (title, csl.get("publisher", ""), csl.get("genre", ""))) or \
            thesis_genre(csl.get("genre", "")):
        return "thesis"
    if REPORT_DESIGNATION.find(title):
        return "report"
    container = csl.get("container-title", "")
    if BROADCASTER.find(container):
        return "webpage"
    if newspaper_name(container) and not csl.get("volume") or dated_paper(csl):
        return "article-newspaper"
    if out.kind_hint == "document" or DOCUMENT_TITLE_WORD.compiled.match(title) or not csl.get("author") and (
            DOCUMENT_TITLE_WORD.find(title) or SENTENCE_CASE.find(title) and DOCUMENT_TITLE_WORD_ANY_CASE.find(title)):
        return "legislation" if not csl.get("author") else "treaty"
    if out.kind_hint == "chapter":
        return "chapter"
    if out.kind_hint == "webpage" or csl.get("URL") and not (csl.get("volume") or csl.get("issue")) and (
            _dated_to_the_day(csl) or "issued" not in csl  # online, and not an issue of a journal
            or _dated_to_the_month(csl) and not (container or csl.get("publisher"))):  # 'Agency, Title, March 2018, URL'
        return "webpage"
    if out.kind_hint == "article":
        return "article-journal"
    if out.kind_hint == "report" or REPORT_TITLE.find(title) or REPORT_PUBLISHER.find(csl.get("publisher", "")):
        return "report"
    publisher = csl.get("publisher", "")
    if not csl.get("container-title") and not PUBLISHER_WORD.find_tail(publisher + " ") and \
            any(is_institution(display_name(a)) for a in csl.get("author", [])):
        return "report"  # a work by an agency or association that it issues itself
    if csl.get("URL") and not csl.get("publisher"):
        return "webpage"
    return "book"


# The English styles, field by field from the end of the citation.
_STEPS: tuple[Step, ...] = (_roman_volume_page, _url, _pages, _take_paren_block,
                            _roman_volume_page,  # again after the year: 'Mind, IX, 188 (1884)'
                            _date, _container_or_publisher,
                            _csl_type_step)
