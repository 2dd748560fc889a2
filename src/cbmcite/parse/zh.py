"""Chinese citations: Taiwan 〈篇名〉《刊名》 and 「」 styles, mainland 作者：《题名》 (GB/T 7714 entries: gbt.py)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import regex as re

from ..han import chinese_number
from ..items import display_name
from ..lexicon import (ACCESS_DATE_LEADS_ZH, CHAPTER_LEAD_ZH, COMMITTEE_WORDS_ZH, CONFERENCE_LEADS_ZH,
                       CORPORATE_SUFFIXES_EN, GAZETTE_ENDINGS_ZH, JOURNAL_BEFORE_BAO_ZH, LEGAL_DOCUMENT_ENDINGS_ZH,
                       NEWS_AGENCIES_ZH, NEWSPAPER_ENDINGS_ZH, NEWSPAPER_WORDS_EN,
                       NOT_TITLE_START_ZH, NOT_SECTION_AFTER_BAN_ZH, PAGE_MARKS_ZH, PAGE_NOUNS_ZH, BARE_PAGE_AFTER_ZH,
                       PROMULGATED_ZH, PUBLISHER_ENDINGS_AFTER_PLACE_ZH, PUBLISHER_ENDINGS_ZH, REPORT_TITLE_WORDS_ZH,
                       REVISED_EDITION_ZH, ROLE_AUTHOR_ZH, ROLE_EDITOR_ZH, ROLE_TRANSLATOR_ZH, THESIS_WORDS_EN,
                       THESIS_WORDS_ZH, TRANSLATED_BY_ZH, WEBSITE_ENDINGS_ZH, alternation)
from ..patterns import compile_fast
from ..rules import rule
from ..values import fold_compat, has_cjk, parse_date
from .names import is_institution, is_person_name, split_people, without_role_word
from .fields import (REPORT_DESIGNATION, Step, run_steps, set_issued, set_people, set_publication, set_volume_issue,
                     take_pages, take_people, take_url_field)
from .gbt import LIST_NUMBER
from .result import Parsed

# Plain mechanics: the segments a citation is cut into at its commas and colons.
_FIRST_SEGMENT = compile_fast(r"^([^，,（(]{2,60})")
_HEAD_SEGMENT = compile_fast(r"^([^，,：:]{1,40})[，,：:]")
_COLON = compile_fast(r"[：:︰]")
_COLON_KEEP = compile_fast(r"([：:︰])")
_NAME_SEP = compile_fast(r"[，,、；;]")
_ZH_COMMA = compile_fast(r"[，,]")

# 碩士論文, 博士學位論文 …, and an English thesis named in a Chinese-style note (…2014年Unpublished doctoral dissertation)
_THESIS_WORD = rf"(?:{alternation(THESIS_WORDS_ZH)}|(?i:(?:[A-Za-z]+\s+){{0,2}}{alternation(THESIS_WORDS_EN)}))"
_THESIS_REQUIRES = ("論文", "论文", "issertation", "hesis", "iss.")  # every thesis word holds one
_COLONS = ("：", ":", "︰")
_PAGE = alternation(PAGE_MARKS_ZH)  # 頁 / 页
_TRANSLATED = alternation(TRANSLATED_BY_ZH)  # 譯 / 译
_ROLE_KEY = {**{w: "author" for w in ROLE_AUTHOR_ZH}, **{w: "editor" for w in ROLE_EDITOR_ZH},
             **{w: "translator" for w in ROLE_TRANSLATOR_ZH}}

TITLE_MARKS_ZH = rule(
    "title_marks_zh",
    # a book title may hold another: 《關於《…法》的說明》
    r"〈(?P<a>(?:[^〈〉]|〈[^〈〉]*〉)+)〉|<(?P<a2>[^<>]+)>|《(?P<b>(?:[^《》]|《[^《》]*》)+)》|『(?P<b2>[^『』]+)』|「(?P<q>[^「」]+)」",
    "A marked title: 〈篇名〉 or <篇名> (article), 《書名》 or 『書名』 (book, journal), 「篇名」 (the 「」 style).",
    examples=("谷家恆，〈技職院校〉，《通識教育季刊》", "王澤鑑，<侵權行為>，台大法學論叢", "《關於《立法法》的說明》",
              "何齡修，〈讀顧誠〈南明史〉〉，《中國史研究》",
              "顧立民，「中國海洋地緣戰略」，遠景基金會季刊", "山田，「論文」『雑誌』"),
    counterexamples=("馬持盈，史記今註，第3版", "Smith, The Cold War (1999)"),
    requires=("〈", "<", "《", "『", "「"),
)
NOT_TITLE_START = rule(
    "not_title_start_zh",
    rf"^(?:{alternation(NOT_TITLE_START_ZH)}|[0-9])",
    "A segment opening with 第, a digit, 民國 or 頁 is an edition, a date or pages, never an unmarked title.",
    examples=("第3版", "1987年", "民國80年", "頁12"),
    counterexamples=("史記今註", "中國近代史"),
    anchored=True,
)
TRANSLATOR_TAIL = rule(
    "translator_tail_zh",
    rf"[、，,]\s*(?P<t>[^、，,]+?)\s*{_TRANSLATED}$",
    "Translators closing the names before a title: 杭亭頓著，黃裕美譯.",
    examples=("杭亭頓，黃裕美譯", "[美]孔飞力、陈兼译", "Huntington, 黃裕美 譯"),
    counterexamples=("黃裕美譯", "杭亭頓、黃裕美"),
    requires=TRANSLATED_BY_ZH,
)
ROMANISED_NAME = rule(
    "romanised_name_zh",
    r"[（(][A-Za-z .,'\-]+[）)]",
    "A romanised original name in parentheses after a Chinese one: 杭亭頓（Samuel P. Huntington）.",
    examples=("杭亭頓（Samuel P. Huntington）", "季辛吉(Henry Kissinger)著"),
    counterexamples=("杭亭頓（美國）", "王澤鑑（1999）"),
    requires=("（", "("),
)
ROLE_AFTER_NAME = rule(
    "role_after_name_zh",
    rf"{alternation(tuple(_ROLE_KEY))}$",
    "A role word closing a group of names: 著 (author), 主編 (editor), 譯 (translator).",
    examples=("杭亭頓著", "吳甦主編", "黃裕美譯", "王名揚编著"),
    counterexamples=("杭亭頓", "著作權法"),
    requires=tuple(_ROLE_KEY),
)
EDITOR_TAIL = rule(
    "editor_tail_zh",
    rf"{alternation(ROLE_EDITOR_ZH)}$",
    "Names closed by an editor's word (吳甦主編): they are the editors.",
    examples=("吳甦主編", "王名揚编", "林碧炤、湯紹成合編"),
    counterexamples=("吳甦", "編輯委員會報告"),
    requires=ROLE_EDITOR_ZH,
)
BARE_JOURNAL = rule(
    "bare_journal_zh",
    rf"\s*[，,]\s*(?!{alternation(NOT_TITLE_START_ZH)})(?P<j>[^，,（(0-9第]{{2,30}}?(?:[（(][^（）()，,]{{1,12}}版[）)])?)\s*"
    r"(?:[，,（(]|第|[0-9])",
    "In the 「」 style the journal after the title is bare text before its volume: ，遠景基金會季刊，第10卷; the "
    "journal's edition in parentheses is part of its name (學報（社會科學版）), a place is not (（北京）).",
    examples=("，遠景基金會季刊，第10卷第3期", "，問題與研究第43卷", "，國際政治科學（北京），總第12期",
              "，師範大學學報（社會科學版），第37卷第4期"),
    counterexamples=("，第10卷第3期", "，頁93。", "，民國95年6月7日"),
    requires=("，", ","),
    anchored=True,
)
BARE_PUB_BLOCK = rule(
    "bare_pub_block_zh",
    r"(?:^|[，,])\s*(?P<body>[^，,：:《》〈〉]{2,10}[：:︰][^，,：:]{2,40})(?=[，,]\s*(?:[0-9一二]|民)|\s*$)",
    "A publication block without parentheses: ，臺北：三民書局，1999 / ，北京：三联书店，民國80年.",
    examples=("，臺北：三民書局，1999年", "，北京：三联书店，民國80年", "，台北：自刊"),
    counterexamples=("，臺北三民書局，1999年", "，頁12，1999年"),
    requires=_COLONS,
)
MARKED_TITLES = rule(
    "marked_titles_zh",
    r"《[^》]*》|〈[^〉]*〉|「[^」]*」",
    "Any marked title, to read a date or a report word outside the titles.",
    examples=("《2019年國防報告書》", "〈1999年的兩岸關係〉", "「兩岸關係」"),
    counterexamples=("國防報告書，2019年",),
    requires=("《", "〈", "「"),
)
REPORT_TITLE_ZH = rule(
    "report_title_zh",
    alternation(REPORT_TITLE_WORDS_ZH),
    "A Chinese title or citation naming a report or a white paper.",
    examples=("《中國的軍事戰略》白皮書", "《2019年國防報告書》", "《世界投资报告》", "《中華民國98年四年期國防總檢討》",
              "《大陸工作簡報》", "『日本の防衛――防衛白書』"),
    counterexamples=("《報業史》", "《白話文學史》", "《簡明國際法》"),
    requires=REPORT_TITLE_WORDS_ZH,
)

_NUM = r"[0-9０-９〇○零一二三四五六七八九十百]+"
PAGES_ZH = rule(
    "pages_zh",
    rf"(?r)[，,、]?\s*(?:{_PAGE}\s*(?P<a>[0-9０-９]+[a-z上下]?(?:\s*[-–—~～、,]\s*[0-9０-９]+[a-z上下]?)*)"
    rf"|第\s*(?P<b>[0-9０-９]+(?:\s*[-–—~～]\s*[0-9０-９]+)?)\s*{_PAGE}"
    rf"|(?P<c>[0-9０-９]+(?:\s*[-–—~～]\s*[0-9０-９]+)?)\s*{_PAGE}(?!{alternation(PAGE_NOUNS_ZH)})"
    r"|(?<=[\]）)]\s*[:：])\s*(?P<d>[0-9]+(?:\s*[-–—]\s*[0-9]+)?)"
    # mainland: a bare page after the edition, issue or title: …2007年版，44。
    rf"|(?<={alternation(BARE_PAGE_AFTER_ZH)}\s*[，,])\s*(?!(?:1[5-9]|20)[0-9]{{2}}\s*[。.]?\s*$)"
    r"(?P<e>[0-9]{1,4}(?:\s*[-–—~～]\s*[0-9]{1,4})?))"
    r"\s*[。.]?\s*$",
    "The pages cited at the end: 頁12 / 第12頁 / 12頁 / ]: 12 / a bare mainland page after 版, 期 or a title.",
    examples=("《大學通識教育》（臺北：學會，1999），頁4。", "《历史研究》1994年第2期，第98页", "中國時報，3頁",
              "吳承明，《论二元经济》，人民出版社2007年版，44。", "（2009年7月），頁93-95。",
              "《国家间政治》，北京大学出版社2006年版，第55—56页。"),
    counterexamples=("《大學通識教育》（臺北：學會，1999）。", "人民出版社2007年版，2007。", "共12頁面"),
    requires=PAGE_MARKS_ZH + (":", "：") + BARE_PAGE_AFTER_ZH,
)
PAGES_INSIDE_ZH = rule(
    "pages_inside_zh",
    rf"[，,]\s*(?:{_PAGE}\s*(?P<a>[0-9]+(?:\s*[-–—~～]\s*[0-9]+)?)|第\s*(?P<b>[0-9]+(?:\s*[-–—]\s*[0-9]+)?)\s*{_PAGE}"
    r"|(?P<c>(?!))|(?P<d>(?!))|(?P<e>(?!)))\s*(?=[，,])",
    "Pages cited inside the citation, more following: 王澤鑑（1999），《債法原理》，頁110-122，台北：自刊。",
    examples=("《債法原理》，頁110-122，台北：自刊", "《書》，第30頁，1999年"),
    counterexamples=("《債法原理》，頁110-122。", "頁30，"),
    requires=PAGE_MARKS_ZH,
)
PAGES_AFTER_TITLE_ZH = rule(
    "pages_after_title_zh",
    r"(?<=》)(?![0-9]{4}\s*[，,])(?P<a>[0-9]{1,4}(?:\s*[-–~～]\s*[0-9]{1,4})?)\s*(?=[，,])",
    "Law-citation renderings put the page cited right after the title, before its date: "
    "《中華人民共和國公司法》207，2005年10月27日發佈.",
    examples=("《中華人民共和國公司法》207，2005年10月27日發佈", "《公司法》370-373，2005年"),
    counterexamples=("《民國日報》1925，", "《書》，頁5，", "《清華法學》2010年第3期，"),
    requires=("》",),
)
AUTHOR_YEAR_ZH = rule(
    "author_year_zh",
    r"^(?P<a>[^，,（(《〈]{1,30})[（(]\s*(?P<y>(?:1[5-9]|20)[0-9]{2}|民國?\s*[0-9]{2,3})\s*[）)]",
    "Law journals put the year after the author: 王澤鑑（1999），《債法原理》 / 詹森林（民國73）.",
    examples=("王澤鑑（1999），《債法原理》", "詹森林(民國73)，《書》", "蘇永欽（民 88），〈文〉"),
    counterexamples=("王澤鑑，《債法原理》（1999）", "王澤鑑（台北）"),
    requires=("（", "("),
    anchored=True,
)
CONFERENCE_ZH = rule(
    "conference_zh",
    rf"{alternation(CONFERENCE_LEADS_ZH)}\s*[「『《]?(?P<c>[^」』》，,（(]+)",
    "A paper presented at a conference: 發表於「研討會」, 提交于…会议.",
    examples=("〈論文〉，發表於「兩岸關係研討會」，臺北", "《论文》，提交于中国法学会年会，2005年"),
    counterexamples=("〈論文〉，《期刊》第3卷第2期", "發表，"),
    requires=("發表", "发表", "宣讀", "宣读", "提交"),
)
EDITION_ZH = rule(
    "edition_zh",
    r"第\s*(?P<e>[0-9一二三四五六七八九十]+)\s*版(?=\s*[（(，,）)])"
    rf"|(?<=年\s*|{alternation(REVISED_EDITION_ZH)}\s*|[（(]\s*第?\s*)(?P<e2>[0-9一二三四五六七八九十]+)\s*版",
    "A book's edition: 史記今註，第3版（臺北：…） / 《民法總论》（第5版） / （臺北：三民書局，2005年增訂9版） / 2015年7版.",
    examples=("馬持盈，史記今註，第3版（臺北：臺灣商務印書館，1987年）", "《民法總則》，第二版，2004年", "梁慧星：《民法总论》（第5版），法律出版社",
              "吳庚，《行政法之理論與實用》（臺北：三民書局，2005年增訂9版）", "李惠宗，《憲法要義》，2015年7版，頁123",
              "《Introduction to information systems》（第7版），Irwin1994年版"),
    counterexamples=("《聯合報》，第A10版。", "第3版", "《人民日报》2001年5月1日2版"),
    requires=("版",),
)
TRANSLATED_AFTER_TITLE = rule(
    "translated_after_title_zh",
    rf"》\s*(?:[（(][^（）()]{{1,12}}[）)])?\s*[，,]\s*(?P<t>[^，,《》（(]{{2,40}}?)\s*{_TRANSLATED}(?:[，,（(]|$)",
    "Translators named after the title (an edition may come between): 《文明衝突》，黃裕美譯，臺北 / 《书》（第三版），门洪华译 "
    "/ 《Title》，F. W. Truscott、F. L. Emory譯.",
    examples=("杭亭頓，《文明衝突》，黃裕美譯，臺北：聯經", "孔飞力，《叫魂》，陈兼、刘昶译（上海：三联书店）",
              "《权力与相互依赖》（第三版），门洪华译，北京大学出版社", "《Essay》，F. W. Truscott、F. L. Emory譯，Dover1951年版"),
    counterexamples=("《文明衝突》，臺北：聯經", "黃裕美譯，《文明衝突》"),
    requires=TRANSLATED_BY_ZH,
)
PLACE_COMMA_PUBLISHER = rule(
    "place_comma_publisher_zh",
    r"[，,]\s*(?P<place>[^，,：:《》〈〉0-9]{2,6})\s*[，,]\s*"
    rf"(?P<pub>[^，,《》〈〉]{{2,24}}{alternation(PUBLISHER_ENDINGS_AFTER_PLACE_ZH)})(?=[，,])",
    "Mainland notes: the place, a comma and the publisher, with no colon: …，上海，三联书店，1999年版.",
    examples=("《乡土中国》，上海，三联书店，1999年版", "《书》，北京，商务出版，2001年"),
    counterexamples=("《书》，北京：三联书店，1999年", "《书》，上海，1999年"),
    requires=("出版", "書店", "书店", "書局", "书局", "公司"),
)
VOLUME_ZH = rule(
    "volume_zh",
    rf"第\s*(?P<v>{_NUM})\s*卷|(?P<v2>[0-9]+)\s*卷(?=\s*[0-9第])|(?i:vol\.?\s*(?P<v3>[0-9]+))"
    rf"|第\s*(?P<v4>{_NUM})\s*[冊册]|(?<=[，,]\s*)卷\s*(?P<v5>[0-9]+)(?=\s*[（(，,])",
    "A journal's or a set's volume: 第10卷 / 第十卷 / 3卷2期 / Vol. 3 / 第2冊 / ，卷28（臺北：…）.",
    examples=("《問題與研究》第43卷第2期", "第十卷", "3卷2期", "Vol. 22, No. 4", "（臺北：國史館，2015年），第2冊，頁850",
              "《總集》，卷28（臺北：黨史會，民國73年）"),
    counterexamples=("總第12期", "卷首語", "上卷第一分冊導言"),
    requires=("卷", "v", "V", "冊", "册"),
)
ISSUE_ZH = rule(
    "issue_zh",
    rf"總?第\s*(?P<i>{_NUM})\s*期|(?<=卷\s*)(?P<i2>[0-9]+)\s*期|(?i:no\.?\s*(?P<i3>[0-9]+))|年第(?P<i4>[0-9]+)期"
    r"|第\s*(?P<i5>[0-9]+)\s*号(?=\s*[（(])",
    "A journal's issue: 第3期 / 總第12期 / 3卷2期 / No. 4 / 1994年第2期 / Japanese 第4号（2002年）.",
    examples=("第10卷第3期", "國際政治科學（北京），總第12期", "3卷2期", "Vol. 22, No. 4", "『日本台湾学会報』第4号（2002年）"),
    counterexamples=("第10卷", "期刊", "国发〔2018〕22号", "指导案例第12号。"),
    requires=("期", "n", "N", "号"),
)
SECTION_ZH = rule(
    "newspaper_section_zh",
    rf"第?\s*(?P<s>[A-Z]?[0-9]+)\s*版(?!{alternation(NOT_SECTION_AFTER_BAN_ZH)})|版\s*(?P<s2>[A-Z]?[0-9]+)(?![0-9])",
    "A newspaper's section: 第A10版 / 2版 / 版15 (not 版本 nor an edition's 出版社).",
    examples=("《聯合報》，第A10版。", "《人民日报》2001年5月1日2版", "中國時報，版15"),
    counterexamples=("第二版", "1版本", "2出版社"),
    requires=("版",),
)
# 《聯合報》《中國時報》《人民日報》 are newspapers; 學報, 通報, 季報… are journals
NEWSPAPER_NAME_ZH = rule(
    "newspaper_name_zh",
    rf"(?<!{'|'.join(JOURNAL_BEFORE_BAO_ZH)})報$|{alternation(NEWSPAPER_ENDINGS_ZH)}$",
    "A newspaper's name ends in 報 (not 學報, 通報, 季報 … which are journals), 日报, 时报 or 晚报.",
    examples=("聯合報", "中國時報", "人民日报", "北京晚报"),
    counterexamples=("臺大法學論叢學報", "東方雜誌", "國際通報", "经济学季报"),
    requires=("報", "报"),
)
NEWSPAPER = rule(
    "newspaper_en",
    rf"\b{alternation(NEWSPAPER_WORDS_EN)}\b",
    "A container named as a newspaper or news agency is.",
    examples=("The New York Times", "Reuters", "South China Morning Post"),
    counterexamples=("Journal of Peace Research", "Timeshare Studies"),
)
BROADCASTER = rule(
    "broadcaster_en",
    r"^(?:The\s+)?(?![IVXLCDM]+$)[A-Z]{2,5}(?:\s+News)?$",
    "A broadcaster's news site ('BBC News', 'CNN', 'NPR') prints no paper: its stories are web pages.",
    examples=("BBC News", "CNN", "NBC News"),
    counterexamples=("The New York Times", "Daily News", "Foreign Affairs", "BBC News Magazine Archive", "XIX"),
)
THESIS_ZH = rule(
    "thesis_zh",
    _THESIS_WORD,
    "A thesis named: 碩士論文, 博士學位論文, 硕士学位论文.",
    examples=("國立臺灣大學法律學系碩士論文", "華東師範大學2009年博士學位論文", "北京大学硕士论文"),
    counterexamples=("《論文集》", "學術論文"),
    requires=_THESIS_REQUIRES,
)
CHAPTER_LEAD = rule(
    "chapter_lead_zh",
    rf"{alternation(CHAPTER_LEAD_ZH)}\s*",
    "Where a chapter names its book: 收錄於X主編，《書》 / 載X主編：《書名》.",
    examples=("〈篇名〉，收錄於吳甦主編，《書名》", "作者：《篇名》，載王名揚主編：《書名》", "〈篇〉，收於《書》"),
    counterexamples=("〈篇名〉，《期刊》第3卷", "《書名》，臺北：三民"),
    requires=CHAPTER_LEAD_ZH,
)
QUOTED_CHAPTER_BARE_BOOK = rule(
    "quoted_chapter_bare_book_zh",
    rf"^\s*[，,]\s*{alternation(CHAPTER_LEAD_ZH)}\s*(?P<e>[^，,（(「」《》]{{2,40}}?)\s*{alternation(ROLE_EDITOR_ZH)}\s*[，,：:]\s*"
    r"(?P<book>[^，,（(「」《》0-9]{2,60}?)\s*[（(]",
    "In the 「」 style a chapter's book may be unmarked: 「篇名」，收於包宗和、吳玉山主編，爭辯中的兩岸關係理論（臺北：五南，"
    "1999年）— the editors, then the book before its publication block.",
    examples=("，收於包宗和、吳玉山主編，爭辯中的兩岸關係理論（臺北：五南，1999年）",),
    counterexamples=("，遠景基金會季刊，第10卷第3期", "，收於《書名》（臺北：五南，1999年）"),
    requires=CHAPTER_LEAD_ZH,
    anchored=True,
)
NEWSPAPER_PLACE_ZH = rule(
    "newspaper_place_zh",
    rf"(?<!{'|'.join(JOURNAL_BEFORE_BAO_ZH)})(?:報|{alternation(NEWSPAPER_ENDINGS_ZH)})》\s*[（(](?P<place>\p{{Han}}{{2,4}})[）)]",
    "A newspaper named with its city in parentheses: 《中央日報》（臺北）, 《申報》（上海）.",
    examples=("〈台海局勢〉，《中央日報》（臺北），民國47年8月24日", "《申報》（上海），1930年1月1日"),
    counterexamples=("《師範大學學報》（社會科學版）", "《中央日報》，民國47年8月24日"),
    requires=("》（", "》("),
)
COMMITTEE_NAMED_AFTER = rule(
    "committee_named_after_zh",
    rf"\p{{Han}}「[^「」，,]+」\p{{Han}}{{0,4}}?{alternation(COMMITTEE_WORDS_ZH)}[，,]",
    "A committee named after the work it compiles, its name glued round the quoted title: "
    "國防部「中華民國97年國防報告書」編纂委員會，《…》 — the author, not an article title.",
    examples=("部「中華民國97年國防報告書」編纂委員會，《中華民國97年國防報告書》",),
    counterexamples=("陸委會，「兩岸交流統計」，http://x", "會「兩岸關係」說帖，頁5"),
    requires=COMMITTEE_WORDS_ZH,
    anchored=True,
)
JA_CHAPTER_EDITOR = rule(
    "ja_chapter_editor",
    rf"」\s*[、，,]\s*(?P<e>[^、，,「」『』《》（）]{{2,30}}?)\s*{alternation(ROLE_EDITOR_ZH)}\s*[『《]",
    "A Japanese chapter names its book's editors with 編 and no lead word: 「章」、高木誠一郎編『書』.",
    examples=("阿部純一「中国の軍事力」、高木誠一郎編『脱冷戦期の中国外交』",),
    counterexamples=("松田康博「台湾の大陸政策」『日本台湾学会報』第4号", "「章」、『書』"),
    requires=("」",),
)
EDITOR_BEFORE_BOOK = rule(
    "editor_before_book_zh",
    rf"(?P<e>[^，,；;：:《〈「]+?)\s*{alternation(ROLE_EDITOR_ZH)}\s*[，,：:]?\s*$",
    "The editors between a chapter's lead word and the book: (收錄於)吳甦主編，《書》.",
    examples=("吳甦主編，", "王名揚主编：", "林碧炤、湯紹成 編"),
    counterexamples=("吳甦，", "吳甦著，"),
    requires=ROLE_EDITOR_ZH,
)
# a publisher named before its year, no place: （北京大學出版社，2007） ，商務印書館，1971 出版社2007年版
_PUBLISHER_NAME = (rf"[^，,（()）〈〉《》『』：:、]{{2,40}}?(?:{alternation(PUBLISHER_ENDINGS_ZH)}|[A-Za-z.])"
                   rf"(?:,\s*{alternation(CORPORATE_SUFFIXES_EN)})?")
PUBLISHER_YEAR_ZH = rule(
    "publisher_year_zh",
    rf"(?:^|[（(，,〈』])\s*(?P<pub>{_PUBLISHER_NAME}(?:、{_PUBLISHER_NAME})*|"
    rf"[^，,（()）〈〉《》：:]{{2,30}}?{_THESIS_WORD})"
    rf"\s*[，,、]?\s*(?P<y>(?:1[5-9]|20)[0-9]{{2}}|民國\s*[0-9]{{2,3}})\s*年?\s*(?:版|[）)，,。、]|$|(?={_THESIS_WORD}))",
    "A publisher named before its year, with no place: （北京大學出版社，2007） / 人民出版社2007年版 / Japanese "
    "『書』東京大学出版会、2008年; two publishers joined by 、, a company's legal form after a comma.",
    examples=("《美國行政法》（北京大學出版社，2007）", "，商務印書館，1971，", "《论二元经济》，人民出版社2007年版",
              "《傳》，人民出版社、中央文獻出版社1989年版", "《Title》，Libraries Unlimited, Inc.1982年版",
              "華東師範大學2009年博士學位論文", "若林正丈『台湾の政治』東京大学出版会、2008年、85頁。"),
    counterexamples=("（臺北：三民書局，1999）", "《書》，1999年"),
)
# in parentheses after a title any name before the year is its publisher: 《民法総則物権法》（有斐閣，1950年）
PAREN_PUBLISHER_YEAR = rule(
    "paren_publisher_year_zh",
    r"(?:^|[》』])\s*[（(]\s*(?P<pub>[^，,（()）〈〉《》：:0-9]{2,24}?)\s*[，,、]\s*(?P<y>(?:1[5-9]|20)[0-9]{2}|民國\s*[0-9]{2,3})\s*年?\s*[）)]",
    "A publisher and year in parentheses right after a title: 《民法総則物権法》（有斐閣，1950年）, Japanese "
    "『戦後日本外交史』（有斐閣、1999年）.",
    examples=("《民法総則物権法》（有斐閣，1950年）", "《書》(自刊, 民國80年)", "『日本の防衛』（ぎょうせい、2008年）",
              "《周恩來傳》（人民出版社、中央文獻出版社，1989年）"),
    counterexamples=("《書》（臺北：三民，1999年）", "《書》，自刊，1999年"),
    requires=("（", "("),
)
# law style: 詹森林（1984），《書》，頁30，國立臺灣大學法律學系碩士論文。
THESIS_LAST = rule(
    "thesis_last_zh",
    rf"[，,]\s*(?P<pub>[^，,（()）〈〉《》：:]{{2,30}}?{_THESIS_WORD})\s*[。.]?\s*$",
    "Law style: the university's thesis closes the citation: …，頁30，國立臺灣大學法律學系碩士論文。",
    examples=("詹森林（1984），《書》，頁30，國立臺灣大學法律學系碩士論文。", "《書》，北京大学硕士学位论文"),
    counterexamples=("國立臺灣大學碩士論文，頁30。",),
    requires=_THESIS_REQUIRES,
)
GAZETTE_ISSUE_ZH = rule(
    "gazette_issue_zh",
    rf"{alternation(GAZETTE_ENDINGS_ZH)}》\s*[，,]?\s*(?:第\s*)?[0-9０-９]+\s*[卷期]",
    "An official gazette cited by volume or issue is a periodical: 《立法院公報》，第93卷第13期 (not a communiqué).",
    examples=("立法院公報》，第93卷第13期（民國93年3月）", "總統府公報》第6512期"),
    counterexamples=("上海公報》，1972年2月28日", "中美聯合公報》"),
    requires=GAZETTE_ENDINGS_ZH,
)
LEGAL_TITLE_ZH = rule(
    "legal_title_zh",
    rf"{alternation(LEGAL_DOCUMENT_ENDINGS_ZH)}(?:\s*[（(][^（）()]{{1,8}}[）)])?$",
    "A title of a law, regulation or official act, a numbered amendment or a draft after it: 國家安全法, …的通知, "
    "兩岸人民關係條例, 刑法修正案（十）.",
    examples=("國家安全法", "国务院关于加强管理的通知", "臺灣地區與大陸地區人民關係條例", "中華人民共和國刑法修正案（十）",
              "最高人民法院關於適用〈中華人民共和國行政訴訟法〉的解釋"),
    counterexamples=("法學方法論", "中國憲政史"),
    requires=LEGAL_DOCUMENT_ENDINGS_ZH,
)
DATE_ONLY_ZH = rule(
    "date_only_zh",
    r"\s*[，,：:]\s*(?:民國)?\s*[0-9]{2,4}\s*年(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)?\s*(?P<v>版)?"
    r"(?:\s*[，,]\s*(?:第\s*)?(?P<sec>[A-Z]?[0-9]+)\s*版|\s*[，,]\s*版\s*(?P<sec2>[A-Z]?[0-9]+))?\s*[。.]?\s*$",
    "Nothing after a name but a date (版: a dated online version), perhaps a newspaper's section: 中央社，民國95年3月2日 / "
    "西黃丸，2023年10月7日版 / 聯合報，民國89年3月19日，版2.",
    examples=("，民國95年3月2日", "，2023年10月7日版。", "：2001年", "，民國89年3月19日，版2。", "，2005年3月15日，第1版。"),
    counterexamples=("，2001年3月，頁5", "，《書》，2001年"),
    requires=("年",),
    anchored=True,
)
THESIS_TAIL = rule(
    "thesis_tail_zh",
    rf"\s*{_THESIS_WORD}$",
    "The thesis word after a university, cut off to leave the publisher: 國立臺灣大學碩士論文.",
    examples=("國立臺灣大學碩士論文", "華東師範大學 博士學位論文"),
    counterexamples=("碩士論文集",),
    requires=_THESIS_REQUIRES,
)
PUB_BLOCK_ZH = rule(
    "pub_block_zh",
    r"[（(〈<]\s*(?P<body>[^（）()〈〉<>]*[：:︰][^（）()〈〉<>]*)\s*[）)〉>]",
    "The publication block in parentheses: （臺北：三民書局，1999） / (北京︰三联书店).",
    examples=("《書》（臺北：三民書局，1999），頁4。", "《书》(北京︰三联书店)", "〈臺北：五南，2001〉"),
    counterexamples=("《書》（1999），頁4。", "《書》，臺北：三民書局"),
    requires=_COLONS,
)
PUBLISHER_END_ZH = rule(
    "publisher_end_zh",
    rf"{alternation(PUBLISHER_ENDINGS_ZH)}$",
    "A Chinese publisher's name ends in 出版社, 書局, 大學, 公司 …",
    examples=("三民書局", "人民出版社", "國立政治大學", "聯經出版公司"),
    counterexamples=("臺北", "1999年"),
    requires=PUBLISHER_ENDINGS_ZH,
)
ACCESS_DATE_ZH = rule(
    "access_date_zh",
    rf"[（(]?\s*{alternation(ACCESS_DATE_LEADS_ZH)}日期\s*[：:]?(?:[^）)，,。]|[，,](?!\s*https?://))*[）)]?",
    "An access date, in parentheses or not: （瀏覽日期：2020年1月1日）, 检索日期：2019年.",
    examples=("網址：http://x.tw（瀏覽日期：2020年1月1日）", "检索日期：2019年3月", "瀏覽日期：民國97年3月1日，http://x.tw"),
    counterexamples=("《日期與時間》", "出版日期：2019年"),
    requires=("日期",),
)


def parse_chinese(raw: str) -> Parsed:
    out = Parsed(lang="zh")
    run_steps(_STEPS, fold_compat(raw.strip()), out)
    return out


def _drop_list_number_and_access(s: str, out: Parsed) -> str:
    s = LIST_NUMBER.compiled.sub("", s) if LIST_NUMBER.may_match(s) else s  # GB/T list number
    return ACCESS_DATE_ZH.compiled.sub("", s) if ACCESS_DATE_ZH.may_match(s) else s


def _url(s: str, out: Parsed) -> str:
    return take_url_field(s, out).strip().rstrip("。.；;").strip()


def _pages(s: str, out: Parsed) -> str:
    """頁12 / 第12頁 / 12頁 / ]: 12 / a bare mainland page after 版, 期 or a title; at the end, or inside before more."""
    return take_pages(s, out, PAGES_ZH.find_tail(s) or PAGES_INSIDE_ZH.find(s) or PAGES_AFTER_TITLE_ZH.find(s),
                      strip="，,：: ")


def _taiwan_style(s: str, out: Parsed) -> str:
    _parse_taiwan_style(s, out)
    return ""


def _take_author_year(s: str, out: Parsed) -> str:
    """Law style: 王澤鑑（1999），《…》"""
    m = AUTHOR_YEAR_ZH.find(s)
    if not m:
        return s
    date = parse_date(m["y"] if not m["y"].startswith("民") else m["y"] + "年")
    if date:
        set_issued(out, date)
    return m["a"] + s[m.end():]


@dataclass
class _Marked:
    """A citation read by its title marks: the text, the author part before the first mark, the titles found and
    what follows the last title (where the publication block, volume and date stand)."""
    s: str
    head: str
    titles: dict
    rest: str

    @property
    def article(self) -> str | None:
        return self.titles.get("article")

    @property
    def books(self) -> list[str]:
        return self.titles.get("books", [])

    @property
    def has_marked_title(self) -> bool:
        return bool(self.article or self.books or self.titles.get("quoted"))


def _parse_taiwan_style(s: str, out: Parsed) -> None:
    head, titles = _titles(s)
    marked = _Marked(s, head, titles, s[titles.get("end", 0):])
    if not marked.has_marked_title and _untitled(s, head, out):
        return
    for step in _MARKED_STEPS:
        step(marked, out)


def _people_before_titles(m: _Marked, out: Parsed) -> None:
    _people(m.head, out)
    if not m.has_marked_title:
        _bare_title(m.s, m.head, m.titles)


def _title_and_container(m: _Marked, out: Parsed) -> None:
    """〈篇名〉《刊名》, 《篇名》《書名》, 《書名》 or 「篇名」 and a bare journal after it."""
    csl, books = out.csl, m.books
    if m.article:
        csl["title"] = m.article
        if books:
            csl["container-title"] = books[0]
            if NEWSPAPER_NAME_ZH.find(books[0]):
                _newspaper_place(m, out)
    elif len(books) >= 2:
        csl["title"], csl["container-title"] = books[0], books[1]
    elif books and not m.head.strip(" ，,") and NEWSPAPER_NAME_ZH.find(books[0]):
        csl["container-title"] = books[0]  # 《人民日报》2005年9月6日，第1版: an item of the paper, untitled
        _newspaper_place(m, out)
    elif books and not m.head.strip(" ，,") and GAZETTE_ISSUE_ZH.find(books[0] + "》" + m.rest):
        csl["container-title"] = books[0]  # 《立法院公報》，第93卷第13期: an untitled record in the gazette
    elif books:
        csl["title"] = books[0]
    elif m.titles.get("quoted"):
        csl["title"] = m.titles["quoted"]
        book = QUOTED_CHAPTER_BARE_BOOK.find(m.s[m.titles["quoted_end"]:])
        journal = None if book else _bare_journal(m.s, m.titles["quoted_end"])
        if book:  # 「篇名」，收於X主編，書名（臺北：五南，1999年）: a chapter of an unmarked book
            csl["container-title"] = book["book"].strip()
            take_people(out, "editor", book["e"])
            out.kind_hint = out.kind_hint or "chapter"
        elif journal:
            csl["container-title"] = journal
    source = m.head.strip(" ，,")
    if "container-title" not in csl and [a.get("literal") for a in csl.get("author", [])] == [source] \
            and (source in NEWS_AGENCIES_ZH or 2 <= len(source) <= 8 and source.endswith(WEBSITE_ENDINGS_ZH)):
        csl["container-title"] = csl.pop("author")[0]["literal"]  # 中央社，「標題」，民國95年6月7日: the agency's item
        out.kind_hint = out.kind_hint or ("newspaper" if source in NEWS_AGENCIES_ZH else "webpage")


def _newspaper_place(m: _Marked, out: Parsed) -> None:
    """《中央日報》（臺北），民國47年8月24日: the city a paper of that name is printed in."""
    place = NEWSPAPER_PLACE_ZH.find(m.s)
    if place:
        out.csl.setdefault("publisher-place", place["place"])


def _chapter_editors(m: _Marked, out: Parsed) -> None:
    """收錄於X主編，《書》 (Taiwan) and 作者：《篇名》，載X主編：《書名》 (mainland): a chapter and its book's editors."""
    s, books = m.s, m.books
    chapter = CHAPTER_LEAD.find(s)
    if chapter and m.article and (not books or s.find(books[0]) > chapter.start()):
        ed = _editor_after(s, chapter)
        if ed:
            take_people(out, "editor", ed)
        out.kind_hint = "chapter"
    elif m.article and JA_CHAPTER_EDITOR.find(s):  # 「章」、高木誠一郎編『書』 (Japanese): no lead word
        take_people(out, "editor", JA_CHAPTER_EDITOR.find(s)["e"])
        out.kind_hint = "chapter"
    elif chapter and not m.article and len(books) >= 2 and s.find(books[0]) < chapter.start():
        ed = _editor_after(s, chapter)
        if ed:
            take_people(out, "editor", ed)
            out.kind_hint = "chapter"
    if "title" not in out.csl and m.titles.get("bare"):
        out.csl["title"] = m.titles["bare"]


def _conference(m: _Marked, out: Parsed) -> None:
    conference = CONFERENCE_ZH.find(m.s)
    if conference:
        out.csl["container-title"] = conference["c"].strip()
        out.kind_hint = "paper-conference"


def _translator_after_title(m: _Marked, out: Parsed) -> None:
    """《書名》，Y譯: the translators after the title."""
    translated = TRANSLATED_AFTER_TITLE.find(m.s)
    if translated and "translator" not in out.csl:
        take_people(out, "translator", translated["t"])


def _publication_after_titles(m: _Marked, out: Parsed) -> None:
    _publication_block(m.rest, out)
    _volume_issue(m.rest, out)


def _edition_or_section(m: _Marked, out: Parsed) -> None:
    """第2版 of a book, or a newspaper's section (第A10版, 版15)."""
    csl = out.csl
    edition = EDITION_ZH.find(m.s)
    if edition and ("publisher" in csl or not csl.get("container-title")):
        number = edition["e"] or edition["e2"]
        csl["edition"] = str(chinese_number(number) or number)
    else:
        section = SECTION_ZH.find(m.rest)
        if section and not csl.get("volume"):
            csl["section"] = section["s"] or section["s2"]
            out.kind_hint = out.kind_hint or "newspaper"
    if NEWSPAPER_NAME_ZH.find(csl.get("container-title", "")) and not csl.get("volume"):
        out.kind_hint = out.kind_hint or "newspaper"


def _date_after_titles(m: _Marked, out: Parsed) -> None:
    date = parse_date(_strip_titles(m.rest))
    if date and "issued" not in out.csl:
        set_issued(out, date)


def _zh_type_step(m: _Marked, out: Parsed) -> None:
    out.csl["type"] = _zh_type(m.s, out)


_MARKED_STEPS: tuple[Callable[[_Marked, Parsed], None], ...] = (
    _people_before_titles, _title_and_container, _chapter_editors, _conference, _translator_after_title,
    _publication_after_titles, _edition_or_section, _date_after_titles, _zh_type_step)


def _editor_after(s: str, chapter: re.Match) -> str | None:
    """The editors named between a chapter's lead word and the book: 收錄於X主編，《書》 / 載X主編：《書》."""
    between = s[chapter.end(): s.find("《", chapter.end())] if "《" in s[chapter.end():] else ""
    ed = EDITOR_BEFORE_BOOK.find(between.strip())
    return ed["e"] if ed else None


def thesis_genre(text: str) -> bool:
    """碩士論文, 博士學位論文 …: the text names a thesis."""
    return bool(THESIS_ZH.find(text))


def newspaper_name(name: str) -> bool:
    """《聯合報》《人民日报》 and The New York Times are newspapers; 學報, 通報, 季報 … are journals, and a broadcaster's
    site (BBC News) prints no paper."""
    return bool(NEWSPAPER_NAME_ZH.find(name) or NEWSPAPER.find(name) and not BROADCASTER.find(name))


AUTHOR_COLON_UNMARKED_TITLE = rule(
    "author_colon_unmarked_title_zh",
    r"^(?P<who>[^：:，,《》〈〉0-9]{1,60})[：:](?P<title>(?:[^：:，,《》〈〉]|:(?=\s))+)"
    r"\s*[，,]\s*(?:民國)?\s*[0-9]{2,4}\s*年(?:\s*[0-9]{1,2}\s*月(?:\s*[0-9]{1,2}\s*日)?)?\s*(?P<v>版)(?:\s*[，,]\s*[0-9]{1,5}(?:\s*[-–]\s*[0-9]{1,5})?)?\s*[。.]?\s*$",
    "Mainland style, a web page with no title marks: author, colon, title, then only its dated version "
    "('李強：化解醫患矛盾需釜底抽薪，2012年5月3日版'); without 版 a colon form is a place and publisher.",
    examples=("李強：化解醫患矛盾需釜底抽薪，2012年5月3日版", "A. Hopkinson：UNIMARC and metadata，2009年4月22日版。",
              "A. Hopkinson：UNIMARC and metadata: Dublin Core，2009年4月22日版。",
              "World Health Organization：Questions and answers on vaccine safety，2018年3月版，297-301。"),
    counterexamples=("北京：人民出版社，2007年", "北京：人民出版社，2007年5月", "李強：《化解醫患矛盾》，2012年5月3日版"),
    requires=("：", ":"),
    anchored=True,
)


def _untitled(s: str, head: str, out: Parsed) -> bool:
    """'中央社，民國95年3月2日' (a news item named by its agency or paper) and '西黃丸，2023年10月7日版' (a dated
    online version): one name, then only a date."""
    date_only = DATE_ONLY_ZH.find(s, len(head))
    named = None
    if not date_only:  # '李強：化解醫患矛盾需釜底抽薪，2012年5月3日版': an author (a body's long name too), a colon, the title
        named = AUTHOR_COLON_UNMARKED_TITLE.find(s)
        if not named:
            return False
        set_people(out, "author", [named["who"]])
        head, date_only = named.group("who") + "：" + named["title"], named
    elif not head or not date_only:
        return False
    name = named["title"].strip() if named else head.strip()
    section = None if named else date_only["sec"] or date_only["sec2"]
    if name in NEWS_AGENCIES_ZH or NEWSPAPER_NAME_ZH.find(name) or section:
        out.csl["container-title"] = name
        out.csl["type"] = "article-newspaper"
        if section:
            out.csl["section"] = section
    else:
        out.csl["title"] = name
        out.csl["type"] = "webpage" if date_only["v"] else "document"
    date = parse_date(s[len(head):])
    if date:
        set_issued(out, date)
    return True


def _titles(s: str) -> tuple[str, dict]:
    """The author part before the first title mark, and the titles by their marks."""
    found: dict = {"books": []}
    first = None
    end = 0
    for m in TITLE_MARKS_ZH.finditer(s):
        text = m["a"] or m["a2"]
        if text is not None:
            after_a_title = bool(found["books"]) or found.get("article") is not None
            if after_a_title and _is_publication_block(text) or found.get("article") is not None:
                continue
            found["article"] = text.strip()
        elif m["b"] is not None or m["b2"] is not None:
            found["books"].append((m["b"] or m["b2"]).strip())
            if "quoted" in found and "article" not in found:  # Japanese 「論文」『雑誌』: 「」 marks the article
                found["article"] = found.pop("quoted")
        elif m["q"] is not None and COMMITTEE_NAMED_AFTER.find(s, max(0, m.start() - 1)):
            continue  # 國防部「…報告書」編纂委員會: the quoted words are part of the author's name
        elif m["q"] is not None and "quoted" not in found and not found["books"] and "article" not in found:
            found["quoted"] = m["q"].strip()
            found["quoted_end"] = m.end()
        else:
            continue
        first = m.start() if first is None else first
        end = m.end()
    found["end"] = end
    head = s[:first] if first is not None else _bare_head(s)
    return head, found


def _bare_title(s: str, head: str, titles: dict) -> None:
    """「」-less style: 馬持盈，史記今註，第3版（…）: the segment after the author is the title."""
    rest = s[len(head):].lstrip("，,：: ") if head else s
    m = _FIRST_SEGMENT.match(rest)
    if m and not NOT_TITLE_START.find(m.group(1)):
        titles["bare"] = m.group(1).strip()


def _bare_head(s: str) -> str:
    m = _HEAD_SEGMENT.match(s)
    return m.group(1) if m else ""


def _is_publication_block(text: str) -> bool:
    parts = _COLON.split(text, maxsplit=1)
    publisher = parts[1].strip().split("，")[0] if len(parts) == 2 else ""
    return len(parts[0]) <= 12 and bool(PUBLISHER_END_ZH.find(publisher) or THESIS_ZH.find(publisher))


def _people(head: str, out: Parsed) -> None:
    h = head.strip().strip("，,：:、 ")
    if not h:
        return
    if ROLE_AFTER_NAME.find(h) and _take_roles(h, out):
        return
    # a nationality ([美]孔飞力) stays: names are kept as printed
    translator = None
    t = TRANSLATOR_TAIL.find(h)
    if t:
        translator = t["t"]
        h = h[: t.start()]
    h = _without_romanised(h)  # romanised original name
    editors = EDITOR_TAIL.find(h)
    names = without_role_word(h) if not editors else h[: editors.start()]
    people = split_people(names)
    if not people:
        return
    if len(people) > 1 and is_institution(names) and not all(has_cjk(p) or is_person_name(p) for p in people):
        people = [names.strip()]  # 'U.S. Securities and Exchange Commission：《…》': one institution with 'and' in it
    set_people(out, "editor" if editors else "author", people)
    if translator:
        take_people(out, "translator", translator)


def _take_roles(head: str, out: Parsed) -> bool:
    """'X著，Y、Z譯' / 'X著、Y譯' / 'X主編': each group of names takes the role word that closes it."""
    roles: dict[str, list[str]] = {}
    group: list[str] = []
    for token in _NAME_SEP.split(_without_romanised(head)):
        token = token.strip()
        if not token:
            continue
        role = ROLE_AFTER_NAME.find(token)
        name = token[: role.start()].strip().rstrip(".．。") if role else token  # '杭亭頓. 著': a stray stop
        if name:
            group.append(name)
        if role:
            key = _ROLE_KEY[role.group(0)]
            roles.setdefault(key, []).extend(group)
            group = []
    if group:
        roles.setdefault("author", []).extend(group)
    if not roles.get("author") and not roles.get("editor"):
        return False
    for key, names in roles.items():
        set_people(out, key, names)
    return True


def _bare_journal(s: str, start: int) -> str | None:
    m = BARE_JOURNAL.find(s[start:])
    return m["j"].strip() if m else None


def _publication_block(rest: str, out: Parsed) -> None:
    m = PUB_BLOCK_ZH.find(rest)
    body = m["body"] if m else None
    if body is None:
        bare = BARE_PUB_BLOCK.find(rest)
        body = bare["body"] if bare else None
    if not body:
        comma = PLACE_COMMA_PUBLISHER.find(rest)  # mainland: …，上海，三联书店，1999年版
        if comma:
            out.csl["publisher-place"], out.csl["publisher"] = comma["place"].strip(), comma["pub"].strip()
        else:
            _publisher_without_place(rest, out)
        return
    place, _, tail = _COLON_KEEP.split(body, maxsplit=1)
    publisher = _ZH_COMMA.split(tail)[0].strip()
    if THESIS_ZH.find(publisher):
        out.kind_hint = "thesis"
        publisher = _without_thesis_word(publisher)
    set_publication(out, place.strip() if len(place.strip()) <= 12 else None, publisher)


def _publisher_without_place(rest: str, out: Parsed) -> None:
    """（出版社，1994年） / ，商務印書館，1971， / 出版社2007年版 / 華東師範大學2009年博士學位論文."""
    m = PUBLISHER_YEAR_ZH.find(rest) or PAREN_PUBLISHER_YEAR.find(rest) or THESIS_LAST.find(rest)
    if not m:
        return
    publisher = m["pub"].strip()
    if THESIS_ZH.find(publisher) or "y" in m.re.groupindex and THESIS_ZH.compiled.match(rest, m.end("y") + 1):
        out.kind_hint = "thesis"
        publisher = _without_thesis_word(publisher)
    if publisher:
        out.csl["publisher"] = publisher


def _volume_issue(rest: str, out: Parsed) -> None:
    """第3卷第2期 / 3卷2期 / 總第45期 / Vol. 3, No. 2, anywhere after the titles."""
    set_volume_issue(out, _number(VOLUME_ZH.find(rest)), _number(ISSUE_ZH.find(rest)))


def _number(m) -> str | None:
    """The number of the match's one filled group (Chinese numerals read), or None."""
    value = chinese_number(next(g for g in m.groups() if g)) if m else None
    return str(value) if value is not None else None


def _without_romanised(names: str) -> str:
    return ROMANISED_NAME.compiled.sub("", names) if ROMANISED_NAME.may_match(names) else names


def _without_thesis_word(publisher: str) -> str:
    return THESIS_TAIL.compiled.sub("", publisher) if THESIS_TAIL.may_match(publisher) else publisher


def _strip_titles(s: str) -> str:
    return MARKED_TITLES.compiled.sub("", s) if MARKED_TITLES.may_match(s) else s


def legal_title(title: str) -> bool:
    """《…法》《…的通知》《…修正案（十）》: the title of a law or an official act."""
    return bool(LEGAL_TITLE_ZH.find(title))


def dated_paper(csl: dict) -> bool:
    """《中國青年報》，2000年11月20日 / 載《The Washington Post》2019年1月15日: a 報 or a newspaper cited by its day, with
    no volume or issue, is a newspaper (年報 and 學報 have issues)."""
    parts = (csl.get("issued") or {}).get("date-parts") or [[]]
    container = csl.get("container-title", "")
    return (container.endswith(("報", "报")) or newspaper_name(container)) and len(parts[0]) == 3 and \
        not (csl.get("volume") or csl.get("issue"))


DATED_VERSION_ZH = rule(
    "dated_version_zh",
    r"[0-9]{1,2}\s*日\s*版",
    "A version dated to the day (2016年9月30日版, law-citation style) is a page of a web site, not an issue of a "
    "periodical: 載《BBC News》，2016年9月30日版 is a web page (a newspaper's page is 日第5版).",
    examples=("載《BBC News》，2016年9月30日版，69", "2018年6月27日版"),
    counterexamples=("2000年11月20日第5版", "2013年版"),
    requires=("版",),
)


PROMULGATED = rule(
    "promulgated_zh",
    rf"[0-9]\s*[年月日]\s*{alternation(PROMULGATED_ZH)}",
    "An act dated by its promulgation ('《Protection of human subjects》，2009年發佈', law-citation style): a document, "
    "whatever its title.",
    examples=("《Civil Rights Act of 1964》，88-352，1964年發佈。", "《決定》，1991年9月4日發佈"),
    counterexamples=("《書》，2009年版", "發佈會上，2009年"),
    requires=PROMULGATED_ZH,
)
WEBSITE_ZH = rule(
    "website_zh",
    rf"{alternation(WEBSITE_ENDINGS_ZH)}$",
    "A container named as a web site (新華網, 人民網): what it holds is a web page.",
    examples=("新華網", "人民网", "中時新聞網"),
    counterexamples=("網路與社會", "法學叢刊"),
    requires=WEBSITE_ENDINGS_ZH,
)


def _zh_type(s: str, out: Parsed) -> str:
    csl = out.csl
    if out.kind_hint == "thesis" or THESIS_ZH.find(s):
        return "thesis"
    if LEGAL_TITLE_ZH.find(csl.get("title", "")) and not csl.get("publisher") and not csl.get("container-title") \
            or PROMULGATED.find(s) and not csl.get("publisher"):
        return "legislation"  # 《…關於…的通知》，2018年6月27日: an official act, dated
    if out.kind_hint == "newspaper" or dated_paper(csl):
        return "article-newspaper"
    if WEBSITE_ZH.find(csl.get("container-title", "")) and not (csl.get("volume") or csl.get("publisher")):
        return "webpage"  # 〈篇〉，載《新華網》: a page of a site, not a chapter
    if out.kind_hint in ("chapter", "paper-conference", "webpage"):
        return out.kind_hint
    if csl.get("URL") and not (csl.get("volume") or csl.get("issue") or csl.get("publisher")):
        return "webpage"
    if csl.get("container-title") and csl.get("publisher") and not csl.get("issue") and CHAPTER_LEAD.find(s):
        return "chapter"  # 载《邓小平文选》第三卷，人民出版社1993年版: a piece in a published book, not a journal issue
    if csl.get("container-title") and not (csl.get("volume") or csl.get("issue")) and DATED_VERSION_ZH.find(s):
        return "webpage"  # 載《HuffPost》，2018年6月27日版
    if csl.get("container-title", "").endswith(GAZETTE_ENDINGS_ZH) and (csl.get("volume") or csl.get("issue")):
        return "document"  # 〈…會議紀錄〉，《立法院公報》，第92卷第10期: an official record
    if csl.get("container-title"):
        return "article-journal"
    if REPORT_TITLE_ZH.find(csl.get("title", "")) or REPORT_TITLE_ZH.find(_strip_titles(s)) or _self_published(csl) or \
            REPORT_DESIGNATION.find(csl.get("title", "")) or not csl.get("publisher") and any(  # 《H.R. Rep. No. …》
                is_institution(display_name(a)) for a in csl.get("author", [])):  # an agency's own work, as in English
        return "report"
    if csl.get("URL") and not csl.get("publisher"):
        return "webpage"
    return "book"


def _self_published(csl: dict) -> bool:
    """行政院大陸委員會，《…》（臺北：行政院大陸委員會，2009年）: an agency that publishes its own work issues a report."""
    authors = csl.get("author") or []
    return len(authors) == 1 and bool(csl.get("publisher")) and authors[0].get("literal") == csl["publisher"]


# Taiwan and mainland styles: what stands at the ends first (URL, pages, a law-style year), then the titles by their marks.
_STEPS: tuple[Step, ...] = (_drop_list_number_and_access, _url, _pages, _take_author_year, _taiwan_style)
