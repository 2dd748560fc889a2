"""One short article written out as .txt, .md, .tex, .docx and .pdf, for the format tests.

It has an Ibid. chain, a 前引書 chain, an op. cit. of an author never cited and a marker whose
note text is missing (note 8), so every format must yield the same notes and the same problems.
"""
from __future__ import annotations

from pathlib import Path

NOTES = {
    1: "楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷，第6期，1999年，頁2。",
    2: "同上，頁5。",
    3: "Joseph L. Sheffield, Military-to-Military Confidence Building Measures, Alabama: Air University Press, 2009, pp.7-8.",
    4: "黃仁佛，《信心建立措施研究》（臺北：五南圖書出版公司，2001年），頁35。",
    5: "黃仁佛，前引書，頁40。",
    6: "Ibid., p. 41.",
    7: "Henry D. Sokolski, op. cit., p. 12.",
}
MISSING = 8
PARAGRAPHS = [
    "兩岸軍事互信機制的研究日益增多{1}，學者看法不一{2}。",
    "美國學者認為軍事交流應循序漸進{3}，國內學者亦有專書討論{4}。",
    "信心建立措施源自歐洲經驗{5}，其核心在於透明化{6}。",
    "另有研究指出熱線的重要性{7}，並建議設立通報機制{8}。",
]


def _fill(paragraph: str, mark) -> str:
    out = paragraph
    for n in range(1, 9):
        out = out.replace("{%d}" % n, mark(n))
    return out


def write_txt(path: Path) -> Path:
    body = "\n\n".join(_fill(p, str) for p in PARAGRAPHS)
    notes = "\n".join(f"{n} {text}" for n, text in NOTES.items())
    path.write_text(f"{body}\n\n{notes}\n", "utf-8")
    return path


def write_md(path: Path) -> Path:
    body = "\n\n".join(_fill(p, lambda n: f"[^{n}]") for p in PARAGRAPHS)
    # note 3 as an inline note, the others as definitions; [^8] is never defined
    body = body.replace("[^3]", "^[" + NOTES[3] + "]")
    notes = "\n".join(f"[^{n}]: {text}" for n, text in NOTES.items() if n != 3)
    path.write_text(f"# 軍事互信\n\n{body}\n\n{notes}\n", "utf-8")
    return path


def write_tex(path: Path) -> Path:
    def mark(n):
        if n == MISSING:
            return r"\footnotemark{}"
        text = NOTES[n].replace("&", r"\&")
        if n == 3:  # nested braces and a macro inside the note
            text = text.replace("Military-to-Military", r"\emph{Military-to-{Military}}")
        return r"\footnote{" + text + "}"

    body = "\n\n".join(_fill(p, mark) for p in PARAGRAPHS)
    path.write_text("\\documentclass{article}\n% a comment with \\footnote{not a note}\n\\begin{document}\n"
                    f"{body}\n\\end{{document}}\n", "utf-8")
    return path


def write_docx(path: Path) -> Path:
    return make_docx(path, PARAGRAPHS, NOTES, special={3: "Alabama"})


def make_docx(path: Path, paragraphs: list[str], notes: dict[int, str], special: dict[int, str] | None = None,
              notes_part: str = "/word/footnotes.xml") -> Path:
    """A .docx whose body paragraphs carry {n} marks as real footnote references.

    special[n] = word: note n gets a hyperlink before that word and a field code, as Word writes them."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    for paragraph in paragraphs:
        p = document.add_paragraph()
        rest = paragraph
        for n in range(1, 100):
            before, sep, after = rest.partition("{%d}" % n)
            if not sep:
                continue
            p.add_run(before)
            p._p.append(parse_xml(f'<w:r {nsdecls("w")}><w:footnoteReference w:id="{n + 1}"/></w:r>'))
            rest = after
        p.add_run(rest)
    bodies = []
    for n, text in notes.items():
        word = (special or {}).get(n)
        if word:
            head, _, tail = text.partition(word)
            runs = (f'<w:hyperlink r:id="rIdX"><w:r><w:t xml:space="preserve">{head}</w:t></w:r></w:hyperlink>'
                    f'<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>'
                    f'<w:r><w:t xml:space="preserve">{word}{tail}</w:t></w:r>')
        else:
            runs = f'<w:r><w:tab/><w:t xml:space="preserve">{text}</w:t></w:r>'
        bodies.append(f'<w:footnote w:id="{n + 1}"><w:p><w:r><w:footnoteRef/></w:r>{runs}</w:p></w:footnote>')
    xml = (f'<w:footnotes {nsdecls("w", "r")}>'
           '<w:footnote w:type="separator" w:id="0"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
           '<w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
           + "".join(bodies) + "</w:footnotes>")
    part = Part(PackURI(notes_part), CT.WML_FOOTNOTES, xml.encode("utf-8"), document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))
    return path


def write_pdf(path: Path) -> Path:
    """Two pages; body 11 pt with raised 7 pt markers, notes 8 pt at the foot, a running head and page
    numbers; note 4 runs over to the next page's note area."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font = "STSong-Light"  # a CID font PDF readers map back to Unicode; no font file needed
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    c = canvas.Canvas(str(path), pagesize=(595, 842))
    pages = [(PARAGRAPHS[:2], [1, 2, 3, 4]), (PARAGRAPHS[2:], [5, 6, 7])]
    for page_number, (paragraphs, note_numbers) in enumerate(pages, 1):
        c.setFont(font, 9)
        c.drawString(72, 800, "問題與研究　第38卷第6期")
        y = 740
        for paragraph in paragraphs:
            x = 72
            for piece, mark in _pieces(paragraph):
                c.setFont(font, 11)
                c.drawString(x, y, piece)
                x += pdfmetrics.stringWidth(piece, font, 11)
                if mark:
                    c.setFont(font, 7)
                    c.drawString(x, y + 4, str(mark))
                    x += pdfmetrics.stringWidth(str(mark), font, 7)
            y -= 20
        y = 150
        if page_number == 2:  # the rest of note 4 comes first in this page's note area
            c.setFont(font, 8)
            c.drawString(72, y, "（續）另見該書第二章。")
            y -= 12
        for n in note_numbers:
            text = NOTES[n]
            if n == 4:
                text = text.rstrip("。") + "，"
            c.setFont(font, 8)
            c.drawString(72, y, f"{n} {text}")
            y -= 12
        c.setFont(font, 9)
        c.drawString(290, 40, str(page_number))
        c.showPage()
    c.save()
    return path


def _pieces(paragraph: str):
    rest = paragraph
    for n in range(1, 9):
        before, sep, after = rest.partition("{%d}" % n)
        if sep:
            yield before, n
            rest = after
    yield rest, None


WRITERS = {"txt": write_txt, "md": write_md, "tex": write_tex, "docx": write_docx, "pdf": write_pdf}
