"""Every word list of the genre, written once (CONVENTIONS.md §1–§5).

Patterns are built from these tables with `alternation()`: adding a role word, a signal word or a
short-form term is one entry here plus an example on the rule that uses it (rules.py).
"""
from __future__ import annotations

import re
from functools import lru_cache

# People and their roles -------------------------------------------------------------------------
# Chinese role words after a name (longest first is not needed: alternation() sorts).
ROLE_AUTHOR_ZH = ("著", "合著", "等著", "撰", "原著")
ROLE_EDITOR_ZH = ("主編", "主编", "編著", "编著", "合編", "合编", "編", "编", "等編", "等编")
ROLE_TRANSLATOR_ZH = ("譯", "译", "合譯", "合译", "譯著", "译著", "編譯", "编译", "等譯", "等译")
ROLE_EDITOR_EN = ("ed.", "eds.", "ed", "eds", "(ed.)", "(eds.)", "editor", "editors", "edited by")
ROLE_TRANSLATOR_EN = ("trans.", "tr.", "translated by", "translator")
# Lower-case words inside Western names (Yolanda van der Graaf, Charles de Gaulle).
NAME_PARTICLES = ("van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "le", "la", "bin", "al")

# Suffixes after a Western family name (Peebles Jr.), written without their period.
NAME_SUFFIXES = ("Jr", "Sr", "II", "III", "IV")
# Words that open a title, never a person's name ('The Cold War', 'On Liberty').
TITLE_OPENING_WORDS_EN = ("The", "A", "An", "On", "In", "Of", "For", "To", "Toward", "Towards")
# Words that make a name an institution's, not a person's ('American Nurses Association').
INSTITUTION_WORDS_EN = ("Institute", "Office", "Department", "Ministry", "Agency", "Council", "Commission", "Committee",
                        "Center", "Centre", "University", "Organization", "Organisation", "Association", "Foundation",
                        "Bureau", "Bank", "Fund", "Division", "Administration", "Government", "Nations", "Union",
                        "Research", "Corporation", "Group", "Service", "Staff", "Headquarters", "Secretariat", "Society",
                        "Academy", "Forum", "Program", "Programme", "Centers", "Institutes")

# Where a chapter names its book: 收錄於X主編，《書》 / in X, ed., Book
CHAPTER_LEAD_ZH = ("收錄於", "收录于", "收錄", "收录", "收於", "收于", "載於", "载于", "刊於", "刊于",
                   "載", "载", "見於", "见于")
CHAPTER_LEAD_EN = ("in", "In")

# Signal words that lead into a citation after commentary.
SIGNAL_ZH = ("請參閱", "請參見", "請參考", "請見", "请参阅", "请参见", "请参考", "参阅", "參閱", "參見", "参见", "參看",
             "参看", "詳見", "详见", "另見", "另见", "另參見", "另参见", "另請參閱", "另请参阅", "另參閱", "另参阅", "另參",
             "另参", "亦見", "亦见", "亦可參考", "可參考", "可参考", "參考", "参考", "轉引自", "转引自", "引自", "見", "见",
             "參照", "参照")  # 參照《行政程序法》第7條 (law)
# Nouns that a one-character 見 follows as a signal, with no pause before it: 相關討論見X, 詳細分析見X.
SIGNAL_TOPIC_NOUNS_ZH = ("討論", "讨论", "論述", "论述", "分析", "說明", "说明", "研究", "文獻", "文献", "評論", "评论",
                         "批評", "批评", "論點", "论点", "整理", "資料", "资料", "分類", "分类", "定義", "定义", "觀點",
                         "观点", "數據", "数据", "統計", "统计")
# Words that join a second source on to the first inside a sentence: '…, p. 100，以及同註13，頁110'.
SOURCE_JOINERS_ZH = ("以及", "及", "與", "与", "和", "暨", "並見", "并见")
# Words that run on to a signal word with no pause: 另可參見, 進一步討論請參閱, 亦可參考 (the nouns above too).
SIGNAL_PREFIXES_ZH = ("另", "可", "請", "请", "亦", "並", "并", "均", "詳") + SIGNAL_TOPIC_NOUNS_ZH
# Labels that name where a table's or a note's figures come from: 資料來源：行政院大陸委員會，…
SOURCE_LABELS_ZH = ("資料來源", "资料来源")
# Japanese notes: a lead word before the citation (詳しくは、X) and the verb after it (Xを参照).
SIGNAL_JA = ("詳しくは", "詳細は", "たとえば", "例えば")
SIGNAL_AFTER_JA = ("を参照", "を参照されたい", "参照")
# A source quoted or cited inside a citation's parenthetical (Bluebook): '… (1981) (quoting Youngstown, …)'.
PARENTHETICAL_SOURCE_WORDS_EN = ("quoting", "citing", "quoted in", "cited in")
SIGNAL_EN = ("See also", "see also", "See", "see", "Cf.", "cf.", "Compare", "E.g.,", "e.g.,",
             "See, e.g.,", "see, e.g.,", "See generally", "see generally", "But see", "but see",  # Bluebook
             "Vgl.", "vgl.")  # German

# Words that open a clause of commentary after a citation's last page: '…, pp. 171-201, who argues that …'.
RELATIVE_OPENERS_EN = ("who", "which", "whose", "where")
# Words that open a sentence of commentary, never an author's name before a short note's comma.
PROSE_OPENERS_EN = ("However", "Thus", "Moreover", "Indeed", "Therefore", "First", "Second", "Third", "Finally",
                    "Nevertheless", "Meanwhile", "Still", "Yet", "Instead", "Similarly", "Likewise", "Furthermore",
                    "Hence", "Consequently", "Accordingly", "Overall", "Today", "Here", "There", "In addition",
                    "For example", "In fact", "In short", "Nonetheless", "Besides", "Also", "Again", "Notably")
PROSE_OPENERS_ZH = ("例如", "譬如", "比如", "因此", "所以", "但是", "然而", "此外", "另外", "其中", "同時", "同时",
                    "尤其", "亦即", "包括", "至於", "至于", "而且", "不過", "不过", "換言之", "换言之", "總之", "总之",
                    "其次", "首先", "最後", "最后", "事實上", "事实上", "當然", "当然", "如", "即", "又")
# Chinese titles of laws, regulations and official acts end in these: 《…的通知》《國家安全法》
LEGAL_DOCUMENT_ENDINGS_ZH = ("法", "條例", "条例", "辦法", "办法", "規定", "规定", "規則", "规则", "細則", "细则", "決定", "决定",
                             "決議", "决议", "通知", "公告", "命令", "令", "意見", "意见", "憲法", "宪法", "協定", "协定",
                             "條約", "条约", "公約", "公约", "議定書", "议定书", "聲明", "声明", "公報", "公报",
                             "解釋", "解释", "修正案", "批復", "批复")
# Titles of legislation and treaties ("Florida Mental Health Act", "Helsinki Final Act").
DOCUMENT_TITLE_WORDS_EN = ("Act", "Treaty", "Agreement", "Convention", "Declaration", "Charter", "Protocol", "Accord",
                           "Communiqué", "Communique", "Memorandum", "Resolution", "Statute", "Code of Conduct")

# Repeat-reference terms (CONVENTIONS §4). The resolver dispatches on the form, not on the word.
IBID_TERMS_EN = ("Ibidem", "Ibid", "Ib", "Id")
IBID_TERMS_ZH = ("同上", "同上註", "同上注", "同上書", "同上书", "同上文", "同上引")  # 同上28: a page may follow at once
PREVIOUS_NOTE_TERMS_ZH = ("同前註", "同前注", "同前")  # never followed by a number: 同前註5 is a cross-reference
# Terms that name the previous NOTE (註/注), not the citation just before: inside a note they still mean the note above.
NOTE_NAMING_IBID_TERMS_ZH = ("同上註", "同上注", "同前註", "同前注")
# 同前注，作者書 (legal citation manual): a later reference to that author's work; 書/文 follow the name.
AUTHOR_WORK_MARKS_ZH = ("書", "书", "文")
OP_CIT_TERMS_EN = ("op. cit.", "op.cit.", "op cit")
OP_CIT_TERMS_ZH = ("前引書", "前引书", "前引文", "前揭書", "前揭书", "前揭文", "上揭書", "上揭书", "上揭文", "同前引",
                   "同前引書", "同前揭書", "同前揭文", "前揭論文", "前引論文", "前揭", "前引",
                   "前掲書", "前掲論文", "前掲")  # Japanese 掲: 若林正丈、前掲書、90頁
LOC_CIT_TERMS = ("loc. cit.", "loc.cit.")
# A short name defined after a full citation, in parentheses: '(hereafter cited as Krepon, Handbook)', '（以下簡稱《報告書》）'.
ALIAS_LEADS = ("hereafter", "hereinafter", "hereafter cited as", "hereinafter cited as", "hereafter referred to as",
               "以下簡稱", "以下简称", "下稱", "下称", "以下稱", "以下称")
NOTE_WORDS_ZH = ("註", "注")
# 同註X, 前揭註X, 參見註X …: a lead word, then 註/注, then the note number.
CROSS_REF_LEADS_ZH = ("同", "同前", "前揭", "前引", "見", "见", "參見", "参見", "参见", "參照", "参照", "同前揭", "上揭", "上引")
# 參見本文註6: the note of this article, book or chapter
THIS_WORK_ZH = ("本文", "本書", "本书", "本章")
CROSS_REF_TERMS_ZH = tuple(lead + this + word for lead in CROSS_REF_LEADS_ZH for this in ("",) + THIS_WORK_ZH
                           for word in NOTE_WORDS_ZH)
# 前引〔11〕，拉伦茨书 (the legal citation manual): the note number in brackets, no 註
CROSS_REF_BRACKET_LEADS_ZH = ("前引", "前揭")
CROSS_REF_TERMS_EN = ("supra note", "see note", "n.", "Fn.", "fn.")  # (n. 7), (Fn. 12): in parentheses
# 同5 / 同 22: 225 (GB/T 7714 notes): 同 and a bare note number.
CROSS_REF_BARE_LEAD_ZH = ("同",)
# Et al. marks: a work whose author list is cut short still matches the full list's first name.
ET_AL = ("et al.", "et al", "等")

# Publication blocks ------------------------------------------------------------------------------
PUBLISHER_ENDINGS_ZH = ("出版社", "出版公司", "出版中心", "出版部", "公司", "書局", "书局", "書店", "书店", "學會", "学会",
                        "中心", "研究所", "研究院", "大學", "大学", "學院", "学院", "基金會", "基金会", "出版", "社",
                        "印書館", "印书馆", "文化", "圖書", "图书", "委員會", "委员会", "部", "局", "署", "院", "處", "处",
                        "館", "馆", "會", "会")
# Ends of the names of CJK bodies beside PUBLISHER_ENDINGS_ZH (…詞典編輯室, …辦公廳, 國民政府, …條約法律司).
CJK_BODY_ENDINGS = ("室", "組", "组", "廳", "厅", "府", "司")
PUBLISHER_ENDINGS_EN = ("Press", "Publishers", "Publishing", "Books", "Verlag", "Institute", "Center", "Centre",
                        "Foundation", "University", "Co.", "Inc.", "Ltd.", "Company", "Office", "Council", "Association",
                        "Administration", "Archive", "Organization", "Organisation", "House", "Group", "Agency",
                        "Bureau", "Department", "Ministry", "Society", "Academy", "Clinic", "Centers", "Institutes")
# A publisher's name ends in these, or is one of these houses ('Harvard University Press', 'Routledge').
PUBLISHER_WORDS_EN = ("Press", "Publisher", "Publishers", "Publishing", "Books", "Verlag", "Inc.", "Inc", "Ltd.", "Ltd",
                      "Company", "Co.", "Corporation", "Routledge", "Macmillan", "Wiley", "Springer", "Norton")
# Publishers named after a place of publication in mainland notes: …，上海，三联书店，1999年版
PUBLISHER_ENDINGS_AFTER_PLACE_ZH = ("出版社", "書店", "书店", "書局", "书局", "公司", "出版")
# Agencies and governments that issue reports ('Congressional Research Service' is a Service, not a press).
REPORT_PUBLISHER_WORDS_EN = ("United Nations", "UN", "Headquarters", "Government", "Ministry", "Department", "Office",
                             "Agency", "Congress", "Commission", "Secretariat", "Council", "Administration",
                             "Organization", "Centers", "Institutes")  # plural: US federal bodies (Centers for Disease Control)
# A unit of an agency named after the agency ('U.S. Small Business Administration, Office of Advocacy'): one publisher.
SUBUNIT_WORDS_EN = ("Office", "Division", "Bureau", "Branch", "Directorate")
# Titles of reports (matched in any case).
REPORT_TITLE_WORDS_EN = ("Report", "White Paper", "Working Paper", "Policy Brief", "Issue Brief", "Study on", "Yearbook of",
                         "Briefing")
REPORT_TITLE_WORDS_ZH = ("報告", "报告", "白皮書", "白皮书", "白書", "總檢討", "总检讨", "簡報", "简报")  # 白書: Japanese
# A US congressional report or document cited by its designation alone ('H.R. Rep. No. 114-358'): a report.
CONGRESSIONAL_REPORT_MARKS_EN = ("H.R. Rep.", "H. Rep.", "S. Rep.", "H.R. Conf. Rep.", "H.R. Doc.", "H. Doc.", "S. Doc.",
                                 "S. Prt.", "H. Prt.")
# Newspaper and news-agency names ('The New York Times', 'Reuters').
NEWSPAPER_WORDS_EN = ("Times", "Post", "Herald", "Tribune", "Daily", "Gazette", "Guardian", "News", "Chronicle",
                      "Telegraph", "Observer", "Reuters", "Xinhua", "Taipei Times", "Focus Taiwan")
# 報 after these ends a journal's name (學報, 通報, 季報), not a newspaper's (聯合報).
JOURNAL_BEFORE_BAO_ZH = tuple("學学通季年月彙汇匯公情画畫導导周週會会")  # 會報: a society's bulletin
NEWSPAPER_ENDINGS_ZH = ("日报", "时报", "晚报")
# A committee named after the work it compiles: 國防部「中華民國97年國防報告書」編纂委員會 (one author, not a title).
COMMITTEE_WORDS_ZH = ("委員會", "委员会", "小組", "小组", "工作組", "工作组")
# Official gazettes, numbered by volume and issue (《立法院公報》，第93卷第13期): a periodical, not a communiqué's title.
GAZETTE_ENDINGS_ZH = ("公報", "公报")
# Words after 'Place:' that show a publisher's name in a citation ('Cambridge: MIT Press'); no word boundary after.
PUBLISHER_SIGN_WORDS_EN = ("Press", "Publisher", "Publishing", "Books", "University", "Company", "Inc", "Ltd", "Center",
                           "Centre", "Institute", "Nations", "Office")
# Words that show a Chinese citation's publication block or thesis.
PUBLICATION_SIGN_WORDS_ZH = ("出版社", "書局", "书局", "出版", "公司", "碩士論文", "博士論文", "学位论文")
# Compiled works (論文集, 辭典): the names before their title are editors.
COMPILED_WORK_ENDINGS_ZH = ("論文集", "论文集", "文集", "辭典", "辞典", "詞典", "词典")
# A report's series or number in parentheses after its title: (CRS Report RL32496), (Working Paper No. 5).
REPORT_NUMBER_WORDS_EN = ("Report", "Paper", "Series", "No.")
# A numbered series named after a title: ', Adelphi Paper 307', ', CRS Report for Congress RL32496'.
SERIES_WORDS_EN = ("Paper", "Papers", "Report", "Reports", "Series", "Brief", "Briefs", "Monograph", "Monographs")
# Small words inside a capitalised name of a publisher or place ('Bank of England', 'Frankfurt am Main').
NAME_CONNECTIVES_EN = ("of", "and", "&", "the")
PLACE_CONNECTIVES_EN = ("of", "am", "upon", "on")
# Small words inside a list of authors' names ('Keohane and Nye', 'Glaser et al.').
AUTHOR_LIST_WORDS_EN = ("and", "&", "of", "et al.")
# Small words inside a capitalised title ('Treaty on the Non-Proliferation of Nuclear Weapons').
TITLE_SMALL_WORDS_EN = ("of", "the", "and", "for", "on", "in")
# Cities named alone as the place of publication in older or terse English notes ('Leipzig, 1896').
PUBLISHING_PLACES = ("London", "New York", "Paris", "Leipzig", "Berlin", "Oxford", "Cambridge", "Boston", "Chicago",
                     "Philadelphia", "Baltimore", "New Haven", "Princeton", "Stanford", "Berkeley", "Washington",
                     "Edinburgh", "Glasgow", "Dublin", "Amsterdam", "Leiden", "Utrecht", "The Hague", "Brussels",
                     "Bruxelles", "Vienna", "Wien", "Munich", "München", "Stuttgart", "Tübingen", "Heidelberg",
                     "Göttingen", "Halle", "Jena", "Frankfurt", "Hamburg", "Zürich", "Basel", "Geneva", "Genève",
                     "Rome", "Roma", "Milan", "Milano", "Florence", "Firenze", "Madrid", "Lisbon", "Moscow",
                     "St. Petersburg", "Tokyo", "Kyoto", "Beijing", "Peking", "Shanghai", "Taipei", "Hong Kong",
                     "Singapore", "Seoul", "Delhi", "New Delhi", "Calcutta", "Bombay", "Sydney", "Melbourne", "Toronto",
                     "Helsinki", "Stockholm", "Copenhagen", "Oslo", "Canberra", "Ottawa", "Manila", "Jakarta", "Bangkok")
THESIS_WORDS_ZH = ("碩士論文", "博士論文", "學位論文", "碩士學位論文", "博士學位論文", "硕士论文", "博士论文", "学位论文",
                   "硕士学位论文", "博士学位论文")
THESIS_WORDS = THESIS_WORDS_ZH + ("Ph.D. dissertation", "PhD dissertation", "dissertation", "MA thesis", "M.A. thesis",
                                  "thesis")
THESIS_WORDS_EN = ("diss.", "dissertation", "thesis")  # matched in any case
CONFERENCE_WORDS = ("發表於", "发表于", "宣讀於", "宣读于", "提交", "研討會", "研讨会", "學術會議", "学术会议",
                    "Conference", "Annual Meeting", "Symposium", "Workshop")
# Where a paper was presented: 發表於「研討會」
CONFERENCE_LEADS_ZH = ("發表於", "发表于", "宣讀於", "宣读于", "提交於", "提交于", "提交")
WEB_LABELS = ("網址", "网址", "網路", "网路", "檢索日期", "检索日期", "瀏覽日期", "浏览日期", "上網日期", "上网日期",
              "查閱日期", "查阅日期", "accessed", "Accessed", "retrieved", "Retrieved")
# An access date's label: （瀏覽日期：2020年1月1日）
ACCESS_DATE_LEADS_ZH = ("瀏覽", "浏览", "檢索", "检索", "上網", "上网", "查閱", "查阅", "引用", "搜尋")
NEWSPAPER_SECTION = ("版",)
# Before a number and 版 these make it a book's edition, not a newspaper's section: 2005年增訂9版
REVISED_EDITION_ZH = ("增訂", "增订", "修訂", "修订", "新")
# An official act's promulgation after its date ('2016年5月23日發佈'), law-citation style.
PROMULGATED_ZH = ("發佈", "发布", "發布", "公布", "公佈", "頒布", "頒佈", "颁布")
# Web sites: named before their item as an agency is (新華網，〈標題〉，2005年3月14日，http://…), or as the container
# ('載《新華網》', '《人民網》'), whose work is then a web page.
WEBSITE_ENDINGS_ZH = ("網", "网", "網站", "网站", "電子報", "电子报")
# News agencies and papers cited with a date and no title: 中央社，民國95年3月2日
NEWS_AGENCIES_ZH = ("中央社", "中央通訊社", "新華社", "新华社", "中新社", "路透社", "法新社", "美聯社", "美联社", "共同社",
                    "韓聯社", "韩联社", "塔斯社", "德新社", "彭博社")  # 第A10版, 版15

# GB/T 7714 type marks (CONVENTIONS §5): [M] book, [J] journal …, with the /OL carrier.
GBT_TYPES = ("M", "C", "G", "N", "J", "D", "R", "S", "P", "A", "Z", "DB", "CP", "EB", "CM", "DS")
GBT_CARRIERS = ("OL", "CD", "MT", "DK")

# Legal citations ----------------------------------------------------------------------------------------
COURT_REPORTERS_EN = ("U.S.", "S. Ct.", "S.Ct.", "L. Ed.", "L. Ed. 2d", "F.", "F.2d", "F.3d", "F.4th", "F. Supp.",
                      "F. Supp. 2d", "F. Supp. 3d", "A.C.", "Q.B.", "K.B.", "Ch.", "W.L.R.", "All E.R.", "I.C.J.")
# German official reports: 'BVerfGE 7, 198 (208)' (volume, first page, pinpoint).
COURT_REPORTERS_DE = ("BVerfGE", "BGHZ", "BGHSt", "BVerwGE", "BAGE", "BSGE", "BFHE", "RGZ", "RGSt")
# What a Chinese court document is, after its case number: …第3598號民事判決 / …第78号民事判决书.
DECISION_KINDS_ZH = ("判決書", "判决书", "判決", "判决", "裁定書", "裁定书", "裁定", "決定書", "决定书", "調解書", "调解书")
DECISION_BRANCHES_ZH = ("民事", "刑事", "行政")
NEUTRAL_COURTS_EN = ("EWCA Civ", "EWCA Crim", "EWHC", "UKSC", "UKHL", "UKPC", "UKUT", "EWFC", "IESC", "HCA", "SCC")
LAW_REVIEW_ABBREVIATIONS = ("L. Rev.", "L.Rev.", "L.J.", "L. J.", "L.Q.", "J. Int'l L.", "Int'l L.J.")
STATUTE_CODES_EN = ("Stat.", "U.S.C.", "U.S.C", "C.F.R.", "C.F.R", "F.R.", "Fed. Reg.")  # a state prefix may come first: Fla. Stat.

# Numbers and dates -------------------------------------------------------------------------------
# After a number these mean "quantity", not "note": 10月, 3期, 2,858件.
UNITS_AFTER_NUMBER = tuple("年月日時號期卷頁版條款個位名次艘架枚件輛萬千百億元歲週倍屆項種類點%％")
# Units that are also surnames: "12 萬家春，〈…〉" is note 12 by 萬家春, "12萬人" a quantity.
UNITS_ALSO_SURNAMES = ("萬", "千", "時", "項", "元", "種", "年", "百", "倍")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
MONTH_ABBREVIATIONS = ("Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.",
                       "Dec.")
# Words before a year that qualify it: '(published in 1950)', 'declassified 2001', 'c. 1600', 'rev. 2004'.
DATE_QUALIFIERS_EN = ("declassified", "published", "reprinted", "rev.", "c.")
# Words before the pages cited: 'p. 5', 'pp. 12-15', 'pages 3-4', 'at 210' (law reports).
PAGE_WORDS_EN = ("p.", "pp.", "page", "pages", "at")
PAGE_WORDS_DE = ("S.",)  # Seite: 'Theorie der Grundrechte, 1985, S. 75 ff.'
EDITION_WORDS_DE = ("Aufl.", "Auflage")  # '6. Aufl.
SEASONS_EN = ("Spring", "Summer", "Autumn", "Fall", "Winter")

# Abbreviations that number a part of a work: 'Vol. 4', 'Pt. 2', 'Bk. 3'.
NUMBERED_PART_ABBREVIATIONS = ("Vol", "vol", "No", "no", "Pt", "pt", "Ch", "ch", "Bk", "bk")
# Abbreviations whose final period does not end a sentence or a citation.
ABBREVIATIONS = ("ed", "eds", "Ed", "Eds", "vol", "Vol", "no", "No", "nos", "pp", "p", "trans", "tr", "Jr", "Sr", "Dr", "Mr",
                 "Mrs", "Ms", "St", "Inc", "Co", "Corp", "Ltd", "Univ", "al", "et al", "cf", "Cf", "ibid", "Ibid", "id",
                 "Id", "op", "cit", "loc", "ch", "chap", "sec", "fig", "rev", "repr", "comp", "n", "nn", "esp", "e.g",
                 "i.e", "etc", "vs", "v", "Mt", "Ft", "Gen", "Col", "Lt", "Capt", "Prof", "Rep", "Sen", "Gov", "Jan",
                 "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N",
                 "D.C",
                 # legal citations: Pub. L. No. 111-2, Fla. Stat., Exec. Order, Harv. L. Rev., F. Supp.
                 "Pub", "Stat", "Exec", "Fla", "Cal", "Harv", "Supp", "Rev", "Civ", "Crim", "Ct", "Cong", "Sess", "Res",
                 "Doc", "Reg", "Ord", "Art", "Int'l",
                 # law reviews and reporters (Bluebook T13): 83 Colum. L. Rev. 1, 99 Va. L. Rev. 987, Am. L. Inst.
                 "Colum", "Va", "Mich", "Stan", "Geo", "Wash", "Calif", "Tex", "Chi", "Nw", "Pa", "Minn", "Wis", "Ill",
                 "Am", "Comp", "Const", "Pol", "Stud", "Admin", "Envtl", "Inst", "Ass'n", "Hum", "Rts", "Legis", "Sup",
                 "Cranch", "cmt",
                 # older and continental notes: t. I (tome), Bd. 2, Nr. 5, S. 320 ff., vgl.
                 "t", "tom", "Bd", "Nr", "Jg", "Hft", "Ausg", "Aufl", "ff", "vgl", "Vgl")
# German ordinals end in a stop: '6. Aufl.' (6th edition), '2. Bd.' — the stop after the number ends nothing.
ORDINAL_WORDS_DE = ("Aufl.", "Auflage", "Ausg.", "Ausgabe", "Bd.", "Band", "Jg.", "Jahrgang", "Hft.", "Heft")

# Abbreviations whose period may end a note: a note can be just "Ibid." / "Id." or end in "op. cit.".
NOTE_FINAL_ABBREVIATIONS = ("ibid", "Ibid", "Id", "cit")

# Words that open a sentence of prose, never an author's name: "例如:…" / "然而,…" after a marker is body.
DISCOURSE_OPENERS_ZH = ("例如", "譬如", "比如", "然而", "但是", "不過", "其次", "再者", "此外", "另外", "因此", "所以",
                        "換言之", "换言之", "總之", "总之", "首先", "最後", "最后", "同時", "同时", "而且", "雖然", "虽然",
                        "如果", "由於", "由于", "對於", "对于", "至於", "至于", "事實上", "事实上", "綜上", "综上")

# Section headings of the body (一、 （二） 第三節 貳、): the numerals they are numbered with.
CHINESE_NUMERALS = "〇一二三四五六七八九十百"
FORMAL_NUMERALS = "壹貳參肆伍陸柒捌玖拾"
# Words before a pinpoint in a later reference: 'sec. 3', '§ 2', 'art. 121', 'para. 4', '347 U.S. at 495', '頁12'.
PINPOINT_WORDS = ("pp.", "p.", "at", "sec.", "secs.", "section", "§", "§§", "art.", "arts.", "article", "para.", "paras.",
                  "¶", "¶¶", "頁", "页", "第")
SECTION_WORDS = ("章", "節", "节", "篇", "部分")


# Normalising, resolving, keys, export and input formats (normalize, resolve, bibliography, export, ingest) --
# The marks of the pages cited in Chinese: 頁34 / 34頁 / 第43頁.
PAGE_MARKS_ZH = ("頁", "页")
PAGE_LEADS_ZH = PAGE_MARKS_ZH + ("第",)
PAGE_ABBREVIATIONS_EN = tuple(w for w in PAGE_WORDS_EN if w.endswith("."))  # p. / pp.
ARTICLE_MARKS_ZH = ("條", "条")  # a law's article: 第5條
# The Republic of China era before a year: 民國91年 is 2002 (民國前1年 is 1911).
ROC_ERA_ZH = ("民國", "民")
# English words of one or two letters: 'of on' is two words, not a word split by a lost ligature ('Confl ic t').
SHORT_WORDS_EN = ("a", "an", "as", "at", "be", "by", "do", "go", "if", "in", "is", "it", "me", "my", "no", "of", "on",
                  "or", "so", "to", "up", "us", "we", "ad", "id", "ie", "eg", "vs")
# Chinese surnames whose reading pypinyin's default gets wrong, and compound surnames (CONVENTIONS §6).
SURNAME_PINYIN = {
    "曾": "zeng", "單": "shan", "单": "shan", "解": "xie", "仇": "qiu", "區": "ou", "区": "ou", "朴": "piao",
    "覃": "qin", "查": "zha", "樂": "yue", "乐": "yue", "尉": "yu", "種": "chong", "种": "chong", "蓋": "ge",
    "盖": "ge", "繆": "miao", "缪": "miao", "沈": "shen", "鄭": "zheng", "万": "wan", "華": "hua", "华": "hua",
}
COMPOUND_SURNAMES = ("歐陽", "欧阳", "司馬", "司马", "諸葛", "诸葛", "上官", "令狐", "慕容", "皇甫", "東方", "东方",
                     "夏侯", "尉遲", "尉迟", "長孫", "长孙", "司徒", "端木", "公孫", "公孙", "宇文", "澹臺", "澹台")
# Small words a citation key skips in a title or an institution's name ('The Cold War' → cold).
KEY_STOP_WORDS = ("a", "an", "the", "on", "of", "in", "and", "for", "to", "with", "at", "by", "from", "le", "la", "les",
                  "der", "die", "das")
# LaTeX commands whose argument is note text to keep (\emph{…}), and the citation commands (\cite[頁12]{key}).
LATEX_TEXT_COMMANDS = ("emph", "textit", "textbf", "textsc", "textrm", "textsf", "texttt", "mbox", "textup", "uline",
                       "underline")
LATEX_CITE_COMMANDS = ("cite", "citep", "citet", "autocite", "footcite", "parencite")
# A thesis's degree, as its genre line says it (matched in lower case): BibTeX's @phdthesis / @mastersthesis.
DOCTORAL_THESIS_WORDS = ("博士", "doctor", "ph.d", "phd")
MASTERS_THESIS_WORDS = ("碩士", "硕士", "master", "m.a.")


# Chinese and GB/T citation fields (parse/zh.py, parse/gbt.py, parse/legal.py) -------------------------------
PAGE_NOUNS_ZH = ("面", "數", "数", "碼", "码")  # after 頁 these make a noun (頁面, 頁數, 頁碼), not a page cited
# A bare mainland page follows these and a comma: …2007年版，44。 / …第2期，98。 / 》，12。
BARE_PAGE_AFTER_ZH = ("版", "期", "論文", "论文", "》", "年", "日")  # …2007年版，44 / …2008年，274 / …8月8日，15
TRANSLATED_BY_ZH = ("譯", "译")  # 黃裕美譯: the names before it translated
NOT_TITLE_START_ZH = ("第", "民國", "頁", "页")  # an edition, a date or pages, never an unmarked title
NOT_SECTION_AFTER_BAN_ZH = ("本", "社")  # 版本 (version), 出版社: not a newspaper's section
VOLUME_WORDS_ZH = ("卷", "冊", "册", "號", "号", "第")  # '上卷第一分冊', '卷 410': a volume, not a publisher
# The CSL type of a GB/T 7714 type mark ([M] book, [J] journal …); after // the entry is a part of a larger work.
GBT_CSL_TYPES = {"M": "book", "J": "article-journal", "N": "article-newspaper", "D": "thesis", "R": "report",
                 "C": "book", "S": "standard", "P": "patent", "EB": "webpage", "G": "book", "A": "legislation"}
GBT_PART_CSL_TYPES = {"M": "chapter", "C": "paper-conference", "A": "legislation", "EB": "webpage"}


# Note detection (notes.py) ----------------------------------------------------------------------------
# Role words after the name that opens a note glued to its number ("17徐曉迪著，…").
NAME_START_ROLES_ZH = ROLE_AUTHOR_ZH + ROLE_EDITOR_ZH + ROLE_TRANSLATOR_ZH + ("等",)
# Role words between a note's authors and the comma before its quoted title ("楊永明主編，《…》").
CITATION_LINE_ROLES_ZH = ROLE_AUTHOR_ZH + ROLE_EDITOR_ZH
# Words that open a Chinese note before its citation: signal words, source labels and topic words.
NOTE_LEAD_INS_ZH = SIGNAL_ZH + SOURCE_LABELS_ZH + ("關於", "关于", "有關", "有关")
# Signal words that show a line of a note cites (the one-character 見 is common in prose: 意見, 看見).
SOURCE_SIGNALS_ZH = tuple(word for word in SIGNAL_ZH if len(word) > 1)
# Repeat references that may open a note (op. cit. is matched with any spacing).
SHORT_FORM_OPENINGS = (IBID_TERMS_ZH + PREVIOUS_NOTE_TERMS_ZH + OP_CIT_TERMS_ZH + CROSS_REF_TERMS_ZH
                       + ("Ibid", "Id."))
# Lower-case words that may open an English note: any other lower-case text goes on a sentence.
LOWER_CASE_NOTE_OPENERS_EN = ("ibid", "id.", "op.", "loc.", "see", "cf.", "supra", "e.g.", "i.e.")
# A table's caption and its closing source line (the table's numbered rows are no notes).
TABLE_CAPTION_WORDS = ("表", "圖", "图", "Table", "Figure")
TABLE_END_WORDS = ("資料來源", "资料来源", "Source", "說明", "说明", "註：", "注：")


@lru_cache(maxsize=None)
def alternation(words: tuple[str, ...]) -> str:
    """A non-capturing regex alternation of literal words, longest first so that 主編 wins over 編."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w))) + ")"


# English citation fields; names in author–date references (parse/en.py, split.py, authordate.py) --------------
# Words that join the last of a list of names: 'Keohane and Nye', 'Smith & Sons'.
NAME_JOINERS_EN = ("and", "&")
NAME_JOINERS_ZH = ("、", "和", "與", "与")  # 王振寰、瞿海源 / 王振寰與瞿海源
# Words before a translator's or an editor's names: ', trans. S. H. Butcher' / ', ed. John Smith'.
TRANSLATOR_LEADS_EN = ("trans.", "tr.", "translated by")
TRANSLATOR_MARKS_EN = ("trans.", "tr.")
# A company's legal form after its name and a comma ('Libraries Unlimited, Inc.'): part of the publisher's name.
CORPORATE_SUFFIXES_EN = ("Inc.", "Inc", "Ltd.", "Ltd", "Co.", "Corp.", "LLC", "L.L.C.", "Pty Ltd", "GmbH")  # after the names, at the head: 'M. A. S. Abdel Haleem, trans., The Qur’an'
# Editions of Chinese books named after the title ('雪橋詩話續集, 影印本, vol. 5'): a photographic reprint, a punctuated
# or revised edition, a woodblock print …
EDITION_WORDS_ZH = ("影印本", "標點本", "标点本", "點校本", "点校本", "修訂本", "修订本", "增訂本", "增订本", "增補本", "增补本",
                    "修訂版", "修订版", "增訂版", "增订版", "刻本", "排印本", "重印本", "校注本", "活字本")
EDITOR_LEADS_EN = ("ed.", "eds.", "edited by")
# Marks after an editor's name: 'M. Gold, ed.' / 'Keohane and Nye (eds.)' (bare 'ed' only as a part of its own).
EDITOR_MARKS_EN = ("ed.", "eds.", "(ed)", "(ed.)", "(eds)", "(eds.)")
# A journal's volume and issue: 'Vol. 12, No. 3' (matched in any case).
VOLUME_WORDS_EN = ("Vol", "Vol.", "Volume")
ISSUE_WORDS_EN = ("No", "No.", "Number", "Issue")
# Before an older roman volume number: 'vol. I, p. 224', 't. I, p. 165' (tome), 'Bd. II, S. 5'.
ROMAN_VOLUME_WORDS = ("vol.", "Vol.", "t.", "tome", "Bd.")
PART_WORDS_EN = ("Part", "Book", "Chapter", "Section", "Appendix")  # 'Part 2': a part of a work, not a page
# An edition: '4th ed.', 'rev. ed.', 'Revised ed.'.
ORDINAL_SUFFIXES_EN = ("st", "nd", "rd", "th")
REVISED_WORDS_EN = ("rev.", "Revised", "revised")
