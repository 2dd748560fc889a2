"""Raised note numbers that the extractor prints apart from their notes: pdftotext may print the numbers of
a page's first notes after its last note; pdftotext -layout prints each number above its indented note."""
from conftest import notes_of

# pdftotext gives CJK body lines about half the width of a note's Latin lines (one character, two columns)
BODY = ("兩岸軍事互信機制屬於信心建立措施的溝通性措施，其目的",
        "是建立通報系統，使雙方能在危機時迅速聯繫。1此外，雙",
        "方也可以建立定期會晤的制度，讓軍方高層有固定的對話",
        "管道，並在演習前相互通報，以免對方誤判意圖。2最後，",
        "危機管理的經驗顯示，熱線的效用取決於雙方領導人的意",
        "願，以及軍方是否願意在危機時拿起電話與對方溝通，而",
        "不是只在平時展示善意；這一點在歷次危機中都一再得到",
        "證明，也說明了制度與意願必須同時具備才能發揮作用。3")
NOTES = (("熱線並不能取代政治互信，它只是在危機時減少誤判的工具。參見 Michael Krepon et al., A Handbook of",
          "Confidence-Building Measures for Regional Security (Washington, D.C.: The Stimson Center, 1998), 375."),
         ("Bonnie Glaser and Brad Glosserman, Promoting Confidence Building across the Taiwan Strait (Washington,",
          "D.C.: Center for Strategic and International Studies, 2008), 11-12."),
         ("Ibid., 15.",))


def _page(*parts: str) -> str:
    return "\n".join(parts) + "\n"


def test_first_note_number_printed_after_the_last_note():
    """The note right under the body has no number before it: its number trails the page's last note."""
    text = _page(*BODY, *NOTES[0], "2", *NOTES[1], "3", *NOTES[2], "1", "", "1", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == [" ".join(NOTES[0]), " ".join(NOTES[1]), NOTES[2][0]]


def test_author_note_star_and_first_number_trailing():
    """The author note's star and note 1's number both trail: the notes above the first number take them in order."""
    author = "楊永明，國立臺灣大學政治學系教授。"
    text = _page("兩岸軍事互信機制之研究", "", "楊永明＊", "", *BODY, author, *NOTES[0], "2", *NOTES[1], "3", *NOTES[2],
                 "＊", "1", "", "1", "\f")
    notes = notes_of(text)
    assert notes["*"].text == author
    assert [notes[n].text for n in (1, 2, 3)] == [" ".join(NOTES[0]), " ".join(NOTES[1]), NOTES[2][0]]


def test_body_paragraph_after_the_last_marker_stays_body():
    """A body paragraph after the page's last marker ends at a blank line above the notes."""
    more = "總之，互信的建立需要時間，也需要雙方持續的努力與耐心。"
    text = _page(*BODY, more, "", *NOTES[0], "2", *NOTES[1], "3", *NOTES[2], "1", "", "1", "\f")
    notes = notes_of(text)
    assert notes[1].text == " ".join(NOTES[0])



def test_body_paragraph_marking_a_note_on_the_next_page_is_no_author_note():
    """The body's last paragraph marks note 4, whose text is on the next page ('…耐心。4'), right above the
    author note: the star and note 1's number trail, and the author note starts below that paragraph."""
    author = "楊永明，國立臺灣大學政治學系教授。"
    more = "總之，互信的建立需要時間，也需要雙方持續的努力與耐心。4"
    text = _page("兩岸軍事互信機制之研究", "", "楊永明＊", "", *BODY, more, author, *NOTES[0], "2", *NOTES[1], "3",
                 *NOTES[2], "＊", "1", "", "1", "\f")
    notes = notes_of(text)
    assert notes["*"].text == author
    assert [notes[n].text for n in (1, 2, 3)] == [" ".join(NOTES[0]), " ".join(NOTES[1]), NOTES[2][0]]

def test_layout_numbers_above_indented_notes_on_a_wide_page():
    """-layout pads the running head and page number far to the right; each number still takes the indented
    lines under it, in order (not read as two columns' notes, whose numbers follow their text)."""
    head = " " * 70 + "戰略與評估　第34卷第5期"
    body = [line[:30] for line in BODY for _ in range(3)]
    text = _page(head, "", *body, "", "1", "   " + NOTES[0][0], NOTES[0][1], "2", "   " + NOTES[1][0], NOTES[1][1],
                 "3", "   " + NOTES[2][0], "", " " * 46 + "1", "\f")
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == [" ".join(NOTES[0]), " ".join(NOTES[1]), NOTES[2][0]]


def test_marker_wrapped_alone_before_body_text_is_no_note():
    """A paragraph-final marker wrapped onto a line of its own, then body text that carries the next marker:
    the number alone marks the body, so the text under it is no note (its note text was lost, as in a cut)."""
    text = _page("\f" + BODY[0], BODY[1], "", "1 " + NOTES[2][0], "2 " + NOTES[2][0], "", "1",
                 "\f兩岸軍事互信機制之研究", "", "雙方的互信仍然不足，而且彼此的意圖難以判斷。3",
                 "最後，危機管理的經驗顯示，熱線的效用取決於雙方領導人的意願與軍方。", "4", "",
                 "他建議雙方應採取具體措施建立互信，以避免危機升級。5", "同樣地，讓步也可能被國內強硬派視為屈從。6", "")
    notes = notes_of(text)
    assert all(notes[n].text is None for n in (3, 5, 6) if n in notes) and 5 in notes
    assert notes[4].text is None  # the wrapped marker itself marks a note whose text was lost


def test_one_column_of_short_paragraphs_is_not_two_columns():
    """Short paragraphs leave many short last lines, but the full lines of one column are wider than two
    columns' lines: each number alone before its note (blank lines between) takes the note under it."""
    full = "兩岸軍事互信機制屬於信心建立措施的溝通性措施，其目的是建立通報系統與熱線。"
    ends = ("危機管理仍有賴雙方的意願。", "熱線只是工具而已。", "互信的建立需要時間。")
    heads = ("（一）研究背景", "（二）文獻回顧", "（三）研究方法")
    body = []
    for n in range(1, 4):
        body += [full.replace("兩岸", heads[n - 1][3:5]), full, f"{ends[n - 1]}{n}", "", heads[n - 1], ""]
    notes = ("Michael Krepon et al., A Handbook of Confidence-Building Measures for Regional Security (Washington,",
             "Bonnie Glaser and Brad Glosserman, Promoting Confidence Building across the Taiwan Strait (Washington,",
             "Ibid., 15.")
    tail = ["D.C.: The Stimson Center, 1998), 375.", "D.C.: CSIS, 2008), 11-12.", None]
    area = []
    for n, (first, rest) in enumerate(zip(notes, tail), 1):
        area += [str(n), "", first] + ([rest] if rest else [])  # the next number right under the text
    got = notes_of(_page("\f" + body[0], *body[1:], *area, "", "1", "\f"))
    assert [got[n].text[:12] for n in (1, 2, 3)] == [notes[0][:12], notes[1][:12], notes[2][:12]]


def test_page_after_one_without_note_text_is_still_read():
    """A page whose note text was lost still moves the sequence on by its body markers: the next page's
    numbers alone (5, 6) are read as its notes, not skipped as too far ahead."""
    page1 = ["\f" + BODY[0], *BODY[1:], "又一段正文，說明危機時的溝通。4", "", "1"]
    page2 = ["\f兩岸軍事互信機制之研究", "", "雙方仍需要更多的互信措施。5", "而且需要時間。6", "",
             "5", "   " + NOTES[1][0], NOTES[1][1], "6", "   " + NOTES[2][0], "", "2"]
    got = notes_of(_page(*page1, *page2, "\f"))
    assert got[5].text == " ".join(NOTES[1]) and got[6].text == NOTES[2][0]


def test_note_tail_kept_in_one_column_of_short_paragraphs():
    """A note's sentence ends at a line's end and its source follows on the next line: the line is the note's
    when the next note follows, also beside English notes much wider than a body of short paragraphs (one
    column, not two)."""
    full = "兩岸軍事互信機制屬於信心建立措施的溝通性措施，其目的是建立通報系統與熱線。"
    ends = ("危機管理仍有賴雙方的意願。1", "熱線只是工具而已。", "互信的建立需要時間。", "雙方仍需努力。2",
            "對話的管道必須暢通。", "軍方高層的互訪也很重要。3")
    body = []
    for k, end in enumerate(ends):
        body += [full.replace("兩岸", "美中" if k % 2 else "兩岸"), end, ""]
    notes = ["1 Michael Krepon et al., A Handbook of Confidence-Building Measures for Regional Security (Washington,",
             "D.C.: The Stimson Center, 1998), 375.",
             "2 這是美中兩國中斷軍事對話以來，首度舉行軍方最高層的對話，軍事交流的「融冰」似已開始。",
             "請參閱林正義，《兩岸關係》，頁 12。",
             "3 Bonnie Glaser and Brad Glosserman, Promoting Confidence Building across the Taiwan Strait (Washington,",
             "D.C.: CSIS, 2008), 11-12."]
    got = notes_of(_page("\f" + body[0], *body[1:], *notes, "", "1", "\f"))
    assert got[2].text.endswith("頁 12。") and got[3].text.startswith("Bonnie")


# A block printed twice: the second copy starts at the first number printed before a note (the note above it
# has none) and the trailing numbers and page number come after a form feed.
def _repeated(*first: str, second: tuple, trailing: tuple) -> str:
    return _page(*first, " " + second[0], *second[1:], "", "\f", "", *trailing) + "\f下一頁的正文從這裡開始。\n"


def test_first_number_after_the_break_that_follows_a_repeated_block():
    block = ("2", *NOTES[1], "3", *NOTES[2])
    text = _repeated(*BODY, *NOTES[0], *block, second=block, trailing=("1", "", "1"))
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == [" ".join(NOTES[0]), " ".join(NOTES[1]), NOTES[2][0]]
    assert notes[2].occurrences == 2


def test_author_star_and_first_number_after_the_break_that_follows_a_repeated_block():
    author = "楊永明，國立臺灣大學政治學系教授。"
    block = ("2", *NOTES[1], "3", *NOTES[2])
    text = _repeated("兩岸軍事互信機制之研究", "", "楊永明＊", "", *BODY, author, *NOTES[0], *block, second=block,
                     trailing=("＊", "1", "", "1"))
    notes = notes_of(text)
    assert notes["*"].text == author
    assert [notes[n].text for n in (1, 2, 3)] == [" ".join(NOTES[0]), " ".join(NOTES[1]), NOTES[2][0]]


def test_a_repeated_block_that_opens_with_the_author_star():
    """The second copy's first line is the star alone: it is no line of the first copy's last note."""
    author = "楊永明，國立臺灣大學政治學系教授。"
    block = ("＊", "", author, "", "1", "", *NOTES[0], "2", "", *NOTES[1], "3", "", *NOTES[2])
    text = _page("兩岸軍事互信機制之研究", "", "楊永明＊", "", *BODY, "", *block, " " + block[0], *block[1:], "", "1", "\f")
    notes = notes_of(text)
    assert notes["*"].text == author
    assert [notes[n].text for n in (1, 2, 3)] == [" ".join(NOTES[0]), " ".join(NOTES[1]), NOTES[2][0]]
    assert notes[3].occurrences == 2


def test_a_note_printed_after_the_break_that_follows_a_repeated_block_without_running_heads():
    """No running heads to tell pages apart: a form feed alone on its line after the second copy starts no page;
    the note, the first note's number and the page number after it end the page before."""
    block = ("2", *NOTES[1])
    text = _repeated(*BODY, *NOTES[0], *block, second=block, trailing=("1", *NOTES[2], "3", "", "1"))
    notes = notes_of(text)
    assert [notes[n].text for n in (1, 2, 3)] == [" ".join(NOTES[0]), " ".join(NOTES[1]), NOTES[2][0]]
