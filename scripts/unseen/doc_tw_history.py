"""A Taiwan history thesis chapter, PDF-extracted with superscript note numbers glued to the note
text: archive items (〈…〉，《…》，國史館藏，典藏號), 立法院公報, newspapers with a place, FRUS and its
abbreviation, 第N冊, full-width digits, 前引書/前引文 after an author with both."""
from build import C, note

NOTES = [
    note(C("〈國防部呈蔣中正總統有關金門防務報告〉（1958年8月25日），《蔣中正總統文物》，國史館藏，典藏號：002-080102-00032-004。",
           key="arch", type="document", title="國防部呈蔣中正總統有關金門防務報告", container="蔣中正總統文物", year=1958,
           month=8, day=25)),
    note(C("同上。", "ibid")),
    note(C("《立法院公報》，第47卷第22期（民國47年9月），頁15-18。", key="ly", type="document", container="立法院公報",
           volume="47", issue="22", year=1958, month=9, pages="15-18")),
    note(C("〈台海局勢〉，《中央日報》（臺北），民國47年8月24日，版1。", key="cdn", type="newspaper", title="台海局勢",
           container="中央日報", place="臺北", year=1958, month=8, day=24, edition_or_section="1")),
    note(C("林孝庭，《台海・冷戰・蔣介石：解密檔案中消失的台灣史1949-1988》（臺北：聯經出版公司，2015年），頁１２３。", key="lin",
           type="book", authors=["林孝庭"], title="台海・冷戰・蔣介石：解密檔案中消失的台灣史1949-1988", place="臺北",
           publisher="聯經出版公司", year=2015, pages="123")),
    note(C("張淑雅，《韓戰救台灣？解讀美國對台政策》（新北：衛城出版，2011年），頁88。", key="chang11", type="book",
           authors=["張淑雅"], title="韓戰救台灣？解讀美國對台政策", place="新北", publisher="衛城出版", year=2011, pages="88")),
    note(C("U.S. Department of State, Foreign Relations of the United States, 1958-1960, Vol. XIX, China (Washington, D.C.: U.S. Government Printing Office, 1996), pp. 60-65.",
           key="frus", type="book", authors=["U.S. Department of State"],
           title="Foreign Relations of the United States, 1958-1960", volume="XIX", place="Washington, D.C.",
           publisher="U.S. Government Printing Office", year=1996, pages="60-65")),
    note(C("FRUS, 1958-1960, XIX: 75.", "short", to="frus", pages="75")),
    note(C("林孝庭，前引書，頁130。", "op_cit", to="lin", authors=["林孝庭"], pages="130")),
    note(C("陳誠，《陳誠先生日記》（臺北：國史館，2015年），第2冊，頁850。", key="chencheng", type="book", authors=["陳誠"],
           title="陳誠先生日記", place="臺北", publisher="國史館", year=2015, volume="2", pages="850")),
    note(C("同上，第2冊，頁852。", "ibid", pages="852")),
    note(C("秦孝儀主編，《總統蔣公思想言論總集》，卷28（臺北：中國國民黨中央委員會黨史委員會，民國73年），頁120。", key="qin",
           type="book", editors=["秦孝儀"], title="總統蔣公思想言論總集", volume="28", place="臺北",
           publisher="中國國民黨中央委員會黨史委員會", year=1984, pages="120")),
    note(C("同註4。", "cross_ref", to="cdn")),
    note(C("張淑雅，〈台海危機前美國對外島的政策（1953-1955年）〉，《中央研究院近代史研究所集刊》，第23期下（民國83年6月），頁293-330。",
           key="chang94", type="article", authors=["張淑雅"], title="台海危機前美國對外島的政策（1953-1955年）",
           container="中央研究院近代史研究所集刊", issue="23", year=1994, month=6, pages="293-330")),
    note(C("張淑雅，前引文，頁300。", "op_cit", to="ambiguous", authors=["張淑雅"], pages="300")),  # she has two earlier works (GUIDE)
    note(C("同前註。", "ibid")),
    note(C("Dwight D. Eisenhower, The White House Years: Waging Peace, 1956-1961 (Garden City, N.Y.: Doubleday, 1965), p. 295.",
           key="ike", type="book", authors=["Dwight D. Eisenhower"], title="The White House Years: Waging Peace, 1956-1961",
           place="Garden City, N.Y.", publisher="Doubleday", year=1965, pages="295")),
    note(C("Ibid., pp. 296-297.", "ibid", pages="296-297")),
    note("美方對於護航範圍，始終堅持限於公海，不進入金門領海三浬以內。",
         C("中央社，〈美艦護航〉，民國47年9月8日。", key="cna", type="newspaper", title="美艦護航", container="中央社",
           year=1958, month=9, day=8)),
    note(C("同註17，p. 300.", "cross_ref", to="ike", pages="300")),
]

BODY = [
    "1958年8月23日，中共對金門展開猛烈砲擊，第二次台海危機於焉爆發。",
    "國軍隨即加強外島防務，並向美方請求支援。",
    "立法院於危機期間亦多次召開秘密會議。",
    "當時的報紙以大篇幅報導前線戰況。",
    "近年解密的檔案，使學界得以重新檢視此一時期的決策過程。",
    "美國國務院出版的外交文件，提供了華府內部討論的第一手資料。",
    "陳誠時任行政院長兼副總統，其日記對此多有記載。",
    "蔣中正總統在多次講話中強調固守金馬的決心。",
    "艾森豪總統則在回憶錄中說明美方介入的限度。",
]

DOC = {
    "name": "tw_history_thesis", "fmt": "txt", "notes": NOTES, "body": BODY, "width": 80, "per_page": 4,
    "title": "第三章 八二三砲戰與美國對台政策",
    "head": "國立臺灣師範大學歷史學系碩士論文",
    "front": ["第一節 危機的爆發", ""],
    "note_sep": "",
}
