"""PDF notes by layout: LaTeX-like, Word-like and two-column pages drawn with reportlab, the
LibreOffice exports of the generated corpus, warnings for PDFs whose notes cannot be found, and
hostile files that must fail fast."""
import json
import re
import time
import zlib
from pathlib import Path

import pytest

from cbmcite import extract_document
from cbmcite.cli import main
from cbmcite.ingest import InputError, read_document
from hostile_corpus import pdf_bytes  # tests/: the PDF builder of the hostile corpus

pytest.importorskip("reportlab")
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.cidfonts import UnicodeCIDFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

CJK = "STSong-Light"
_ROOT = Path(__file__).resolve().parents[1]
GEN = next((p / "shared" / "corpus" / "gen" for p in (_ROOT.parent, _ROOT.parent.parent)  # beside the clone or the worktrees
            if (p / "shared").is_dir()), _ROOT / "missing")
SERIF = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
_MARK = re.compile(r"\{(\d+|\*|[①-⑳])\}")


def _draw(c, x, y, text, font, size, tex_like):
    """Draws text with raised {n} markers; TeX-like output sets words apart with no space glyphs."""
    for piece in _MARK.split(text):
        if not piece:
            continue
        if _MARK.fullmatch("{" + piece + "}") and piece.isdigit() or piece == "*":
            c.setFont(font, size * 0.6)
            c.drawString(x, y + size * 0.35, piece)
            x += pdfmetrics.stringWidth(piece, font, size * 0.6)
            continue
        c.setFont(font, size)
        words = piece.split(" ") if tex_like else [piece]
        for word in words:
            c.drawString(x, y, word)
            x += pdfmetrics.stringWidth(word, font, size) + (size * 0.33 if tex_like else 0)
    return x


def write_layout_pdf(path, pages, body=10.0, note=8.0, rule=True, raised=True, tex_like=False, font=CJK,
                     gap=1.0, after_number=" ", foot=None):
    """pages: a list of columns per page, each column (body lines, notes) where a note is
    (number or None for a continuation, [lines]). A running head and a page number on every page, and
    a running foot set right under the notes if given."""
    if font == CJK:
        pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    for page_number, columns in enumerate(pages, 1):
        width = (595 - 144 - 20 * (len(columns) - 1)) / len(columns)
        c.setFont(font, 9)
        c.drawString(72, 800, "Journal of Layout Studies 12(3)")
        for k, (body_lines, notes) in enumerate(columns):
            x = 72 + k * (width + 20)
            y = 760
            for line in body_lines:
                _draw(c, x, y, line, font, body, tex_like)
                y -= body * 1.5
            note_lines = [(number if i == 0 else None, text) for number, lines in notes for i, text in enumerate(lines)]
            y = 70 + len(note_lines) * note * 1.3
            if rule and notes:
                c.setLineWidth(0.4)
                c.line(x, y + note * 1.1 * gap, x + width * 0.4, y + note * 1.1 * gap)
            y += note * 1.3 * (gap - 1)
            for number, text in note_lines:
                y -= note * 1.3
                if number is None:
                    _draw(c, x, y, text, font, note, tex_like)
                elif raised:
                    _draw(c, x, y, "{%s}" % number + text, font, note, tex_like)
                else:
                    _draw(c, x, y, f"{number}{after_number}{text}", font, note, tex_like)
        c.setFont(font, 9)
        if foot:
            c.drawString(72, 70 - note * 1.3, foot)
        c.drawString(295, 40, str(page_number))
        c.showPage()
    c.save()
    return path


WALTZ = ["Kenneth N. Waltz, Theory of International Politics (Reading:", "Addison-Wesley, 1979), 102."]
# (PDFium's text page drops a lone CJK character drawn on its own in a font it cannot load, as
# reportlab's unembedded STSong is: TeX-like words here are never one CJK character long.)
YANG = ["楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期", "（1999年），頁297-301。"]
ARTICLE = [
    [(["近年來兩岸關係的研究，多以信心建立措施為核心。{1}然而此一概念", "的適用範圍仍有爭議，{2}學者對其效果看法分歧。",
       "2021 年以後的發展，使這個問題更加迫切。{3}"],
      [(1, WALTZ), (2, ["同上，頁 105。"]), (3, YANG[:1])])],
    [(["冷戰結束後，國際社會試圖超越單純以威懾為核心的安全架構。{4}",
       "這種對相互脆弱的認知與接受，本身就是一種再保證。"],
      [(None, YANG[1:]), (4, ["Waltz, Theory of International Politics, 88."])])],
]


def _notes(path):
    result = extract_document(str(path))
    assert result.warnings == []  # the notes come from the layout, not from the plain-text fallback
    return {n.number: n for n in result.notes}


def _expect_article(notes):
    assert sorted(notes) == [1, 2, 3, 4]
    assert notes[1].text == " ".join(WALTZ)  # Latin lines join with a space
    assert notes[2].text == "同上，頁 105。"
    assert notes[3].text == "".join(YANG)  # continued below the next page's rule, CJK joins without one
    assert notes[4].text == "Waltz, Theory of International Politics, 88."
    assert notes[2].citations[0].resolves_to["note"] == 1
    assert all("Journal of Layout" not in n.text for n in notes.values())


def test_latex_like_pages(tmp_path):
    """Body 10 pt, notes 8 pt under a short rule, raised numbers, words placed with no space glyphs."""
    _expect_article(_notes(write_layout_pdf(tmp_path / "tex.pdf", ARTICLE, tex_like=True)))


def test_word_like_notes_the_size_of_the_body(tmp_path):
    """Notes as large as the body, numbers on the baseline: the separator rule tells them apart."""
    path = write_layout_pdf(tmp_path / "word.pdf", ARTICLE, body=11, note=11, raised=False)
    _expect_article(_notes(path))


def test_baseline_number_set_close_to_its_text(tmp_path):
    """`1Kenneth`, `3〈…〉`: no space after the number, as when Word's tab is lost; a line that goes on
    with `4個國家` is a quantity, not note 4."""
    pages = [[(["兩岸關係的研究，多以信心建立措施為核心。{1}然而此一概念", "的適用範圍仍有爭議，{2}學者對其效果看法分歧，{3}",
                "以下分述各家之見解及其依據的來源。{4}"],
               [(1, WALTZ), (2, ["Ibid., 105."]), (3, ["〈信心建立措施〉，《問題與研究》，比較了", "4個國家。"]),
                (4, ["Ibid., 12."])])]]
    notes = _notes(write_layout_pdf(tmp_path / "close.pdf", pages, body=11, note=11, raised=False, after_number=""))
    assert {k: n.text for k, n in notes.items()} == {
        1: " ".join(WALTZ), 2: "Ibid., 105.", 3: "〈信心建立措施〉，《問題與研究》，比較了4個國家。", 4: "Ibid., 12."}


def test_same_size_notes_without_rule_after_a_gap(tmp_path):
    """No rule, no smaller print: the block after a wider gap that opens with a number the body marked."""
    path = write_layout_pdf(tmp_path / "plain.pdf", ARTICLE, body=11, note=11, raised=False, rule=False, gap=2.5)
    notes = _notes(path)
    assert notes[1].text == " ".join(WALTZ)
    assert notes[2].text == "同上，頁 105。"
    assert notes[4].text == "Waltz, Theory of International Politics, 88."


def test_page_of_notes_the_size_of_the_body_goes_on_from_the_last(tmp_path):
    """Endnote-like: the notes of page 1 (after a gap) run on over all of page 2, same size, no rule."""
    pages = [[(["正文提到一個來源。{1}又提到另一個。{2}", "第三個來源{3}和第四個。{4}"],
               [(1, ["王名揚，《美國行政法》，頁12。"]), (2, ["同上，頁15。"])])],
             [([], [(3, ["張新寶，《侵權責任法》，頁80。"]), (4, ["同上，頁81。"])])]]
    result = extract_document(str(write_layout_pdf(tmp_path / "end.pdf", pages, body=11, note=11, raised=False,
                                                   rule=False, gap=2.5)))
    assert result.warnings == []  # found by layout, not by the plain-text fallback
    assert {n.number: n.text for n in result.notes} == {
        1: "王名揚，《美國行政法》，頁12。", 2: "同上，頁15。", 3: "張新寶，《侵權責任法》，頁80。", 4: "同上，頁81。"}


def test_last_note_alone_on_a_page_under_its_rule(tmp_path):
    """A short note pushed to a page of its own: under the rule, the size of the body, nothing above."""
    pages = [[(["正文提到一個來源。{1}又提到另一個。{2}", "第三個來源。{3}"],
               [(1, ["王名揚，《美國行政法》，頁12。"]), (2, ["同上，頁15。"])])],
             [([], [(3, ["同前註。"])])]]
    notes = _notes(write_layout_pdf(tmp_path / "alone.pdf", pages, body=12, note=12, raised=False))
    assert notes[3].text == "同前註。"


def test_running_foot_set_close_under_the_notes_is_dropped(tmp_path):
    pages = [[([f"第{k}頁的正文。{{{k}}}"], [(k, [f"王名揚，《美國行政法》，頁{k}。"])])] for k in range(1, 5)]
    notes = _notes(write_layout_pdf(tmp_path / "foot.pdf", pages, foot="Layout Studies Review, Spring Issue"))
    assert [n.text for n in notes.values()] == [f"王名揚，《美國行政法》，頁{k}。" for k in range(1, 5)]


def test_one_short_page_whose_running_head_has_more_text_than_its_body(tmp_path):
    pages = [[(["短文{1}兩處{2}。"], [(1, ["同註3，頁5。"]), (2, ["同上，頁6。"])])]]
    notes = _notes(write_layout_pdf(tmp_path / "short.pdf", pages, body=11, note=11, raised=False))
    assert {k: n.text for k, n in notes.items()} == {1: "同註3，頁5。", 2: "同上，頁6。"}


def test_two_columns_each_with_its_notes(tmp_path):
    left = (["兩岸關係的研究多以信心", "建立措施為核心。{1}此一", "概念的適用範圍仍有爭議。{2}"],
            [(1, ["王名揚，《美國行政法》，", "頁 12。"]), (2, ["同上，頁 15。"])])
    right = (["冷戰結束後，國際社會試", "圖超越單純以威懾為核心", "的安全架構。{3}"],
             [(3, ["張新寶，《侵權責任法》，", "頁 80。"])])
    notes = _notes(write_layout_pdf(tmp_path / "cols.pdf", [[left, right]], body=10, note=8))
    assert {k: n.text for k, n in notes.items()} == {
        1: "王名揚，《美國行政法》，頁 12。", 2: "同上，頁 15。", 3: "張新寶，《侵權責任法》，頁 80。"}


def test_marker_without_note_text_is_missing_text(tmp_path):
    pages = [ARTICLE[0], [(["第二頁的正文提到另一個來源，{4}還有一個。{5}"], [])]]
    notes = _notes(write_layout_pdf(tmp_path / "cut.pdf", pages))
    assert [notes[n].status for n in (4, 5)] == ["missing_text", "missing_text"]
    assert notes[4].line == 2  # the page of the marker


def test_circled_note_numbers(tmp_path):
    """Word's ①②③ numbering: raised in the body, on the baseline in the note area."""
    pages = [[(["正文提到一個來源。{①}又提到另一個。{②}"], [("①", ["王名揚：《美國行政法》，北京大學出版社1995年版，12。"]),
                                              ("②", ["同上，15。"])])]]
    notes = _notes(write_layout_pdf(tmp_path / "circled.pdf", pages, raised=False))
    assert {k: n.text for k, n in notes.items()} == {1: "王名揚：《美國行政法》，北京大學出版社1995年版，12。", 2: "同上，15。"}


def test_chapter_numbering_that_goes_on_from_an_earlier_chapter(tmp_path):
    """Baseline note numbers that start at 12: the body's raised 12 vouches for the first one."""
    pages = [[(["第二章接續前章的註號。{12}再一個。{13}"], [(12, ["同註3，頁5。"]), (13, ["同上，頁6。"])])]]
    notes = _notes(write_layout_pdf(tmp_path / "ch2.pdf", pages, raised=False))
    assert {k: n.text for k, n in notes.items()} == {12: "同註3，頁5。", 13: "同上，頁6。"}


def test_raised_note_number_drawn_after_its_line(tmp_path):
    """Some producers draw a note's raised number after the note's text: it still opens the note."""
    path = tmp_path / "late.pdf"
    pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    _draw(c, 72, 760, "正文提到一個來源。{1}又提到另一個。{2}", CJK, 10, False)
    c.line(72, 110, 200, 110)
    for y, number, text in ((96, "1", "王名揚，《美國行政法》，頁12。"), (84, "2", "同上，頁15。")):
        c.setFont(CJK, 8)
        c.drawString(78, y, text)
        c.setFont(CJK, 4.8)
        c.drawString(72, y + 2.8, number)
    c.save()
    notes = _notes(path)
    assert {k: n.text for k, n in notes.items()} == {1: "王名揚，《美國行政法》，頁12。", 2: "同上，頁15。"}


def test_small_print_source_line_is_not_a_note(tmp_path):
    """A table's source line in small print at a page foot, no rule: the last note ended its sentence."""
    pages = [[(["正文提到一個來源。{1}"], [(1, ["王名揚，《美國行政法》，頁12。"])])],
             [(["表一　兩岸軍事互信機制", "第二頁的正文沒有註腳。"], [(None, ["資料來源：作者整理。"])])]]
    notes = _notes(write_layout_pdf(tmp_path / "source.pdf", pages, rule=False))
    assert notes[1].text == "王名揚，《美國行政法》，頁12。"


@pytest.mark.skipif(not SERIF.exists(), reason="DejaVu Serif not installed")
def test_ligature_glyphs_read_once(tmp_path):
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Serif", str(SERIF)))
    pages = [[(["The theory of con\ufb02ict is old.{1}"], [(1, ["The O\ufb03ce of Con\ufb02ict Studies, Re\ufb01ned Report, 3."])])]]
    notes = _notes(write_layout_pdf(tmp_path / "lig.pdf", pages, font="Serif"))
    assert notes[1].text == "The Office of Conflict Studies, Refined Report, 3."


def _page_without_rule_or_gap(path, body_lines, note_lines):
    """12 pt body and notes, baseline note numbers, no rule, every line one step below the last."""
    pdfmetrics.registerFont(UnicodeCIDFont(CJK))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    y = 760
    for text in body_lines + note_lines:
        _draw(c, 72, y, text, CJK, 12, False)
        y -= 17
    c.drawString(295, 40, "1")
    c.save()
    return path


def test_notes_without_rule_or_gap_whose_numbers_run_through_the_body_markers(tmp_path):
    """Same size, no rule, no wider gap: the trailing lines numbered 1, 2, 3 as the body marked them;
    the marker 2 that ends a paragraph wrapped alone onto the next line still counts."""
    body = ["正文提到一個來源。{1}又提到另一個來源，這一段很長很長很長很長很長很長很長很長很長。",
            "{2}", "第三段的正文。{3}"]
    notes = ["1 王名揚，《美國行政法》，頁12。", "2 同上，頁15。", "3 張新寶，《侵權責任法》，頁80。"]
    found = _notes(_page_without_rule_or_gap(tmp_path / "plain.pdf", body, notes))
    assert {k: n.text for k, n in found.items()} == {1: "王名揚，《美國行政法》，頁12。", 2: "同上，頁15。",
                                                     3: "張新寶，《侵權責任法》，頁80。"}


def test_numbered_lines_that_do_not_match_the_body_markers_are_not_notes(tmp_path):
    """A list 1, 2, 3 under a body that marked only 1 and 2 is no note area."""
    body = ["正文提到一個來源。{1}又提到另一個來源。{2}"]
    listed = ["1 第一點，說明背景。", "2 第二點，說明方法。", "3 第三點，說明結果。"]
    result = extract_document(str(_page_without_rule_or_gap(tmp_path / "list.pdf", body, listed)))
    assert result.warnings  # no note area found: the text goes on to the plain-text search, with a warning


def test_space_drawn_at_a_line_end_after_a_url_or_before_cjk_is_kept(tmp_path):
    """A line that ends with a drawn space ends a word (`popclock/.` then `Piaget`, `論叢:` then `卷`);
    a URL broken with no space drawn glues on."""
    pages = [[(["正文。{1}再一個。{2}三個。{3}"],
               [(1, ["U.S. Census Bureau, https://www.census.gov/popclock/. ", "Piaget, Intellectual Evolution, 79."]),
                (2, ["王登峰，《人格與社會心理學論叢: ", "卷 1》，頁 107。"]),
                (3, ["https://www.bbc.com/news/blogs-", "china-blog-37515399."])])]]
    notes = _notes(write_layout_pdf(tmp_path / "space.pdf", pages))
    assert notes[1].text == "U.S. Census Bureau, https://www.census.gov/popclock/. Piaget, Intellectual Evolution, 79."
    assert notes[2].text == "王登峰，《人格與社會心理學論叢: 卷 1》，頁 107。"
    assert notes[3].text == "https://www.bbc.com/news/blogs-china-blog-37515399."
    assert notes[1].citations[0].csl.get("URL") == "https://www.census.gov/popclock/"


def test_markers_but_no_note_area_warns_and_check_is_not_clean(tmp_path, runner):
    pages = [[(["正文提到一個來源。{1}又提到另一個。{2}", "第三個來源也在這裡。{3}"], [])]]
    path = write_layout_pdf(tmp_path / "lost.pdf", pages)
    warnings = extract_document(str(path)).warnings
    assert any("3 superscript note markers but no note area" in w for w in warnings), warnings
    result = runner.invoke(main, ["check", str(path), "--format", "text"])
    assert "superscript note markers" in result.stdout
    assert "No problems found" not in result.stdout
    assert runner.invoke(main, ["check", str(path), "--format", "text", "--strict"]).exit_code == 1


def test_pdf_without_notes_or_markers_warns(tmp_path, runner):
    path = write_layout_pdf(tmp_path / "plain.pdf", [[(["只有正文，沒有任何註腳。"], [])]])
    assert any("no note area" in w for w in extract_document(str(path)).warnings)
    result = runner.invoke(main, ["check", str(path), "--format", "json", "--strict"])
    assert result.exit_code == 1
    assert [f["what"] for f in json.loads(result.stdout)["findings"]] == ["input"]


def test_scanned_pages_among_text_pages_are_named(tmp_path):
    """A page that is only an image is named, so that its notes are not silently missing."""
    import pypdfium2 as pdfium
    from PIL import Image  # reportlab's own dependency
    from reportlab.lib.utils import ImageReader

    path = write_layout_pdf(tmp_path / "mixed.pdf", ARTICLE)
    scan = tmp_path / "scan.png"
    Image.new("L", (50, 50), 200).save(scan)
    c = canvas.Canvas(str(tmp_path / "scanned.pdf"), pagesize=(595, 842))
    c.drawImage(ImageReader(str(scan)), 72, 72, 400, 600)
    c.save()
    merged = pdfium.PdfDocument(str(path))
    merged.import_pages(pdfium.PdfDocument(str(tmp_path / "scanned.pdf")))
    merged.save(str(tmp_path / "both.pdf"))
    result = extract_document(str(tmp_path / "both.pdf"))
    assert result.warnings == ["page(s) 3 are images with no text (scanned?); run OCR to read their notes"]
    assert len(result.notes) == 4


def test_page_work_is_bounded(tmp_path):
    """A page with more characters than any real page is read up to the bound, with a warning."""
    from cbmcite.ingest.pdf_text import MAX_CHARS_PER_PAGE

    path = tmp_path / "dense.pdf"
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    c.setFont("Helvetica", 2)
    line = "x" * 400
    for k in range(MAX_CHARS_PER_PAGE // len(line) + 20):
        c.drawString(10, 830 - k * 2.1, line)
    c.save()
    started = time.perf_counter()
    warnings = read_document(str(path)).warnings
    assert any(f"over {MAX_CHARS_PER_PAGE:,} characters" in w for w in warnings), warnings
    assert time.perf_counter() - started < 10


# --- layout from lines as PDFium gives them -------------------------------------------------------

def test_a_note_line_broken_at_a_raised_number_stays_one_note():
    """PDFium may end a line piece where a raised number begins: on the same baseline it goes on."""
    from cbmcite.ingest.pdf_layout import read_layout
    from cbmcite.ingest.pdf_text import Line, Marker, Page

    body = [Line("正文提到一個來源。", 72, 300, 700, 12, [Marker(9, "1")]),
            Line("又提到另一個。", 72, 250, 683, 12, [Marker(7, "2")])]
    notes = [Line("見第二章所論，其", 72, 170, 100, 9, [Marker(0, "1")]),
             Line("次序另見下文。", 172, 260, 100, 9, [Marker(0, "2")]),  # the same baseline: a piece
             Line("同上，頁15。", 72, 140, 88, 9, [Marker(0, "2")])]
    layout = read_layout([Page(1, 595, 842, body + notes, [(72, 180, 110)])])
    assert [(n.number, n.text) for n in layout.notes] == [(1, "見第二章所論，其次序另見下文。"), (2, "同上，頁15。")]


# --- hostile files ------------------------------------------------------------------------------

def _flate_bomb() -> bytes:
    packer = zlib.compressobj(9)
    block = b" " * (1 << 20)
    data = b"".join(packer.compress(block) for _ in range(300)) + packer.flush()  # 300 MB of spaces
    stream = (b"<< /Length %d /Filter [/FlateDecode] /DecodeParms [<< /Predictor 1 >>] >>\nstream\n" % len(data)
              + data + b"\nendstream")
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                 b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", stream])


@pytest.mark.parametrize("data,reason", [
    (pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [2 0 R] /Count 1 >>"]), "damaged"),
    (pdf_bytes([b"<< /Type /Catalog /Pages 1 0 R >>"]), "damaged|no text"),
    (_flate_bomb(), "flate bomb"),
], ids=["pages-cycle", "root-cycle", "flate-bomb"])
def test_hostile_pdf_fails_fast_with_one_reason(tmp_path, data, reason):
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    started = time.perf_counter()
    with pytest.raises(InputError, match=reason):
        read_document(str(path))
    assert time.perf_counter() - started < 10


# --- LibreOffice exports of Word documents --------------------------------------------------------

def _squash(text):
    return re.sub(r"\s+", "", text or "")


@pytest.mark.skipif(not (GEN / "gold").is_dir(), reason="../shared corpus not present")
def test_libreoffice_pdfs_give_the_notes_of_their_gold():
    manifest = json.loads((GEN / "manifest.json").read_text("utf-8"))
    papers = sorted(k for k in manifest if not k.startswith("_"))
    # both note-number placements and the two-column papers
    chosen = [k for k in papers if manifest[k]["two_column"]][:2] + [
        k for k in papers if not manifest[k]["two_column"] and manifest[k]["baseline_numbers"]][:2] + [
        k for k in papers if not manifest[k]["two_column"] and not manifest[k]["baseline_numbers"]][:2]
    for paper in chosen:
        path = GEN / f"{paper}.pdf"
        gold = [json.loads(line) for line in (GEN / "gold" / f"{path.name}.jsonl").read_text("utf-8").splitlines() if line]
        notes = {str(n.number): n for n in extract_document(str(path)).notes}
        assert sorted(notes) == sorted(str(g["note"]) for g in gold), paper
        exact = sum(_squash(notes[str(g["note"])].text) == _squash(g["text"]) for g in gold)
        assert exact >= 0.95 * len(gold), paper
