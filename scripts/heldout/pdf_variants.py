#!/usr/bin/env python3
"""PDF variants of held-out papers, made the way shared/corpus/gen makes its PDFs (issue 11).

usage: pdf_variants.py SRC_DIR... --out DIR [--seed N] [--only STEM,...] [--reuse-pdf] [--plain-notes]

Each SRC_DIR is an output of make_heldout.py (STEM.docx, gold/STEM.docx.jsonl, manifest.json). For
every paper the .docx is restyled with python-docx (A4, running head and page number, Latin and CJK
fonts, note size, sometimes two columns and an author note `＊`), converted by LibreOffice to .odt
(where the note-area number is set raised or on the baseline) and then to .pdf, one at a time with a
timeout. From the PDF: `pdftotext`, `pdftotext -layout` (single column only), and the two SIMULATED
variants of gen: `.repeat.txt` (each page's footnote block printed twice) and `.cut.txt` (the text
ends before the last page's footnote block; those notes get gold status missing_text).
Gold of each file is the .docx gold with gen's conventions (doc = file name, author note "*").
Needs LibreOffice, poppler-utils, python-docx, and CJK fonts (fonts-noto-cjk, fonts-arphic-uming).
"""
from __future__ import annotations

import argparse
import copy
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from lxml import etree

JOURNALS = ["國防雜誌", "戰略與評估", "遠景基金會季刊", "海軍學術雙月刊", "展望與探索", "中共研究",
            "空軍學術雙月刊", "政治科學論叢"]
AFFILIATIONS = ["國立政治大學外交學系博士生", "中央警察大學公共安全學系副教授", "國防大學戰略研究所碩士",
                "淡江大學國際事務與戰略研究所助理教授", "國立中山大學中國與亞太區域研究所博士候選人",
                "國防大學政治作戰學院講師"]
THANKS = "作者感謝兩位匿名審查人的寶貴意見與編輯委員會的協助。"
LATIN_FONTS = ["DejaVu Serif", "DejaVu Serif", "Liberation Serif", "Noto Serif CJK TC"]
CJK_FONTS = ["Noto Serif CJK TC", "Noto Serif CJK TC", "AR PL UMing TW"]
LO_PROFILE = Path(tempfile.gettempdir()) / "pdf_variants-lo"  # a profile of our own: no clash with others
TIMEOUT = 180


# ---------------------------------------------------------------- choices
def choose(rng: random.Random) -> dict:
    latin = rng.choice(LATIN_FONTS)
    return {
        "baseline_numbers": rng.random() < 0.45,

        "latin_font": latin,
        "cjk_font": "Noto Serif CJK TC" if latin.startswith("Noto") else rng.choice(CJK_FONTS),
        "note_size": rng.choice([9, 9, 10, 10.5]),
        "author_note": rng.random() < 0.6,
        "thanks": rng.random() < 0.4,
        "journal": rng.choice(JOURNALS),
        "volume": (rng.randint(10, 40), rng.randint(1, 6)),
        "affiliation": rng.choice(AFFILIATIONS),
        "two_column": rng.random() < 0.12,  # gen: 3 papers in 30
    }


# ---------------------------------------------------------------- .docx
def footnotes_part(doc):
    return next(rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("/footnotes"))


def set_fonts(doc, latin: str, cjk: str) -> None:
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _replace_fonts(rpr.find(qn("w:rFonts")), ascii=latin, hAnsi=latin, cs=latin, eastAsia=cjk)
    lang = rpr.find(qn("w:lang"))
    if lang is not None:
        lang.set(qn("w:eastAsia"), "zh-TW")
    for style in doc.styles:  # headings use theme fonts: give them the paper's fonts too
        fonts = style.element.find(qn("w:rPr") + "/" + qn("w:rFonts"))
        if fonts is not None:
            _replace_fonts(fonts, ascii=latin, hAnsi=latin, eastAsia=cjk)


def _replace_fonts(fonts, **names: str) -> None:
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr, value in names.items():
        fonts.set(qn("w:" + attr), value)


def set_page(section, choice: dict) -> None:
    section.page_width, section.page_height = Twips(11906), Twips(16838)
    section.top_margin, section.bottom_margin = Twips(1440), Twips(1300)
    section.left_margin = section.right_margin = Twips(1300)
    section.header_distance, section.footer_distance = Twips(700), Twips(600)
    head = section.header.paragraphs[0]
    vol, issue = choice["volume"]
    head.text = f"{choice['journal']}　第{vol}卷第{issue}期"
    head.alignment = 2
    head.runs[0].font.size = Pt(9)
    foot = section.footer.paragraphs[0]
    foot.alignment = 1
    field = etree.SubElement(foot._p, qn("w:fldSimple"))
    field.set(qn("w:instr"), " PAGE ")
    etree.SubElement(etree.SubElement(field, qn("w:r")), qn("w:t")).text = "1"


def two_columns(doc, after_paragraph) -> None:
    """Title block in one column, the rest in two, as journals set it (a continuous section break)."""
    last = doc.sections[-1]._sectPr
    first = copy.deepcopy(last)
    ppr = after_paragraph._p.get_or_add_pPr()
    ppr.append(first)
    for sect, num in ((first, "1"), (last, "2")):
        cols = sect.find(qn("w:cols"))
        if cols is None:
            cols = etree.SubElement(sect, qn("w:cols"))
        cols.set(qn("w:num"), num)
        cols.set(qn("w:space"), "425")
    kind = etree.Element(qn("w:type"))
    kind.set(qn("w:val"), "continuous")
    last.insert(0, kind)


def note_size(doc, size: float) -> None:
    style = doc.styles["Footnote Text"]
    style.font.size = Pt(size)
    style.paragraph_format.space_before, style.paragraph_format.space_after = Pt(0), Pt(2)


def author_note(doc, paragraph, text: str) -> None:
    """An unnumbered note `＊` on the author line (customMarkFollows), first in the footnotes part."""
    part = footnotes_part(doc)
    root = part.element if hasattr(part, "element") else etree.fromstring(part.blob)
    notes = [n for n in root.iter(qn("w:footnote")) if n.get(qn("w:type")) is None]
    # LibreOffice pairs references with notes in the order of their ids: the author note takes the
    # first id and the others move up by one, in the notes and in the body alike
    nid = notes[0].get(qn("w:id"))
    for element in notes + list(doc.element.body.iter(qn("w:footnoteReference"))):
        element.set(qn("w:id"), str(int(element.get(qn("w:id"))) + 1))
    note = etree.Element(qn("w:footnote"))
    note.set(qn("w:id"), nid)
    notes[0].addprevious(note)
    p = etree.SubElement(note, qn("w:p"))
    etree.SubElement(etree.SubElement(p, qn("w:pPr")), qn("w:pStyle")).set(qn("w:val"), "FootnoteText")
    mark = etree.SubElement(p, qn("w:r"))
    etree.SubElement(etree.SubElement(mark, qn("w:rPr")), qn("w:rStyle")).set(qn("w:val"), "FootnoteReference")
    etree.SubElement(mark, qn("w:t")).text = "＊"
    body = etree.SubElement(p, qn("w:r"))
    t = etree.SubElement(body, qn("w:t"))
    t.text = " " + text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    if not hasattr(part, "element"):
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    run = paragraph.add_run()
    run.style = doc.styles["Footnote Reference"]
    ref = etree.SubElement(run._r, qn("w:footnoteReference"))
    ref.set(qn("w:customMarkFollows"), "1")
    ref.set(qn("w:id"), nid)
    etree.SubElement(run._r, qn("w:t")).text = "＊"


def restyle(src: Path, dst: Path, choice: dict) -> str | None:
    """Write the restyled .docx; return the author note's text when one was added."""
    doc = Document(str(src))
    set_fonts(doc, choice["latin_font"], choice["cjk_font"])
    note_size(doc, choice["note_size"])
    set_page(doc.sections[-1], choice)
    author_line = doc.paragraphs[1]  # make_heldout writes the title, then "rank　name"
    text = None
    if choice["author_note"]:
        name = re.split(r"[　 ]+", author_line.text.strip())[-1]
        text = f"{name}，{choice['affiliation']}。" + (THANKS if choice["thanks"] else "")
        author_note(doc, author_line, text)
    if choice["two_column"]:
        two_columns(doc, author_line)
    doc.save(str(dst))
    return text


# ---------------------------------------------------------------- LibreOffice
def soffice(src: Path, fmt: str, outdir: Path) -> Path:
    cmd = ["soffice", f"-env:UserInstallation=file://{LO_PROFILE}", "--headless", "--convert-to", fmt,
           "--outdir", str(outdir), str(src)]
    subprocess.run(cmd, check=True, timeout=TIMEOUT, capture_output=True)
    out = outdir / (src.stem + "." + fmt)
    if not out.exists():
        raise RuntimeError(f"soffice wrote no {fmt} for {src}")
    return out


def edit_odt_styles(odt: Path, baseline: bool, rule: bool) -> None:
    """LibreOffice prints the note-area number in its "Footnote Symbol" style (set it full size for
    baseline numbers) and draws the separator from the page layout (width 0 for none)."""
    edits = []
    if baseline:
        edits.append((r'(style:name="Footnote_20_Symbol"[^>]*>\s*<style:text-properties[^>]*?)'
                      r'style:text-position="[^"]*"', r'\1style:text-position="0% 100%"'))
    if not rule:
        edits.append((r'(<style:footnote-sep[^>]*?)style:width="[^"]*"', r'\1style:width="0in"'))
    if not edits:
        return
    tmp = odt.with_suffix(".tmp.odt")
    with zipfile.ZipFile(odt) as zin, zipfile.ZipFile(tmp, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "styles.xml":
                text = data.decode("utf-8")
                for pattern, replacement in edits:
                    text, n = re.subn(pattern, replacement, text)
                    if not n:
                        raise RuntimeError(f"{odt}: no match for {pattern}")
                data = text.encode("utf-8")
            compress = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(item, data, compress_type=compress)
    tmp.replace(odt)


def make_pdf(docx: Path, work: Path, choice: dict) -> Path:
    odt = soffice(docx, "odt", work)
    edit_odt_styles(odt, choice["baseline_numbers"], choice.get("rule", True))
    return soffice(odt, "pdf", work)


def pdftotext(pdf: Path, layout: bool) -> str:
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    return subprocess.run(cmd, check=True, timeout=TIMEOUT, capture_output=True).stdout.decode("utf-8")


# ---------------------------------------------------------------- footnote blocks in pdftotext text
def squash(s: str) -> str:
    return re.sub(r"[\W_]+", "", s or "")


def opening(lines: list[str], i: int, labels: dict) -> dict | None:
    """The gold note that line i opens: "N text", or "N" alone with the text on the next non-blank
    line (pdftotext gives a raised number so), where N is the note's label and the text starts it."""
    m = re.match(r"^\s*(\d+|＊)\s*(.*)$", lines[i])
    note = labels.get(m.group(1)) if m else None
    if not note:
        return None
    rest = m.group(2)
    if not rest.strip():
        rest = next((line for line in lines[i + 1:i + 4] if line.strip()), "")
    head = squash(rest)[:6]
    return note if head and squash(note.get("text")).startswith(head) else None


def page_blocks(lines: list[str], labels: dict, carry: dict | None) -> tuple[list[tuple[int, int]], dict | None]:
    """(first, end) line of each footnote block on a page of pdftotext text, found with the gold texts:
    a block opens with a line that opens a note and runs over the lines that go on with it; the first
    block also takes the lines above it that end `carry`, a note left unfinished on the page before.
    Returns the blocks and the note left unfinished on this page."""
    owner: list = []
    current = None
    for i, line in enumerate(lines):
        note = opening(lines, i, labels)
        if note:
            current = note
        elif not (current and squash(line) and squash(line) in squash(current.get("text"))):
            current = None if line.strip() else current
            owner.append("blank" if not line.strip() else None)
            continue
        owner.append(current)
    blocks, start = [], None
    for i, who in enumerate(owner + [None]):
        if who not in (None, "blank") and start is None:
            start = i
        elif who is None and start is not None:
            end = i
            while end > start and owner[end - 1] == "blank":
                end -= 1
            blocks.append((start, end))
            start = None
    if blocks and carry:
        a = blocks[0][0]
        while a > 0 and squash(lines[a - 1]) and squash(lines[a - 1]) in squash(carry.get("text")):
            a -= 1
        blocks[0] = (a, blocks[0][1])
    unfinished = None
    if blocks:
        a, b = blocks[-1]
        opened = [i for i in range(a, b) if opening(lines, i, labels)]
        if opened:
            note = opening(lines, opened[-1], labels)
            printed = squash("".join(lines[opened[-1]:b]))
            if not printed.endswith(squash(note.get("text"))[-8:]):
                unfinished = note
    return blocks, unfinished


def blocks_by_page(text: str, gold: list[dict]) -> list[tuple[list[str], list[tuple[int, int]]]]:
    labels = {str(n["note"]).replace("*", "＊"): n for n in gold}
    out, carry = [], None
    for page in text.split("\f"):
        lines = page.split("\n")
        found, carry = page_blocks(lines, labels, carry)
        out.append((lines, found))
    return out


def repeat_variant(text: str, gold: list[dict], rng: random.Random) -> str:
    """Each page's footnote block printed twice (as some PDFs give it), the page number on its own page."""
    pages = []
    for lines, found in blocks_by_page(text, gold):
        if not found:
            pages.append("\n".join(lines))
            continue
        a, b = found[0][0], found[-1][1]  # the whole footnote region of the page
        block = lines[a:b]
        again = list(block)
        if len(again) > 2 and rng.random() < 0.5:
            again.insert(rng.randrange(1, len(again)), "")
        rest = "\n".join(lines[b:]).strip("\n")
        pages.append("\n".join(lines[:b]) + "\n " + "\n".join(again) + "\n\n\f\n\n" + rest + "\n")
    return "\f".join(pages)


def cut_variant(text: str, gold: list[dict]) -> tuple[str, list] | None:
    """The text up to the last page's footnote block, and the notes it loses; None when the block opens
    with the tail of a note begun on the page before (its gold text would be half there)."""
    paged = blocks_by_page(text, gold)
    last = max((i for i, (lines, _) in enumerate(paged) if "".join(lines).strip()), default=None)
    if last is None or not paged[last][1]:
        return None
    lines, found = paged[last]
    a = found[0][0]
    note = opening(lines, a, {str(n["note"]).replace("*", "＊"): n for n in gold})
    if note is None:
        return None
    lost = [n["note"] for n in gold[gold.index(note):]]
    before = "\f".join("\n".join(lines) for lines, _ in paged[:last])
    kept = "\n".join(lines[:a]).rstrip("\n")
    return (before + "\f" if before else "") + kept + "\n\n\f", lost


# ---------------------------------------------------------------- gold
def gold_rows(rows: list[dict], doc: str, author: str | None, lost: list = ()) -> list[dict]:
    out = []
    if author:
        out.append({"doc": doc, "note": "*", "text": author, "status": "ok", "kind": "commentary", "citations": []})
    for row in rows:
        row = dict(row, doc=doc)
        if row["note"] in lost:
            row.update(text=None, status="missing_text", kind=None, citations=[])
        out.append(row)
    if author and "*" in lost:
        out[0].update(text=None, status="missing_text", kind=None, citations=[])
    return out


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def coverage(text: str, rows: list[dict]) -> list[int]:
    flat = squash(text)
    texts = [squash(r["text"]) for r in rows if r.get("text")]
    return [sum(1 for t in texts if t in flat), len(rows)]


# ---------------------------------------------------------------- main
def build(stem: str, src: Path, out: Path, choice: dict, profile: dict, rng: random.Random,
          reuse: bool = False) -> dict:
    started = time.time()
    rows = [json.loads(line) for line in (src / "gold" / f"{stem}.docx.jsonl").open(encoding="utf-8")]
    if reuse and (out / f"{stem}.pdf").exists():  # only the text variants again
        first = json.loads((out / "gold" / f"{stem}.pdf.jsonl").open(encoding="utf-8").readline())
        author = first["text"] if first["note"] == "*" else None
    else:
        with tempfile.TemporaryDirectory(prefix="pdfv-") as tmp:
            work = Path(tmp)
            author = restyle(src / f"{stem}.docx", work / f"{stem}.docx", choice)
            shutil.copy(make_pdf(work / f"{stem}.docx", work, choice), out / f"{stem}.pdf")
    gold = gold_rows(rows, "", author)
    files = {"pdf": None, "pdftotext.txt": pdftotext(out / f"{stem}.pdf", layout=False)}
    if not choice["two_column"]:
        files["layout.txt"] = pdftotext(out / f"{stem}.pdf", layout=True)
    if not choice["two_column"]:  # pdftotext interleaves two columns' notes: no block to repeat or cut
        files["repeat.txt"] = repeat_variant(files["pdftotext.txt"], gold, rng)
    cut = None if choice["two_column"] else cut_variant(files["pdftotext.txt"], gold)
    if cut:
        files["cut.txt"] = cut[0]
    info = dict(choice, volume=list(choice["volume"]), **profile, notes=len(rows), coverage={},
                cut_missing_notes=cut[1] if cut else None)
    for variant, text in files.items():
        name = f"{stem}.{variant}"
        if text is not None:
            (out / name).write_text(text, encoding="utf-8")
        lost = cut[1] if variant == "cut.txt" else ()
        final = gold_rows(rows, name, author, lost)
        write_jsonl(out / "gold" / f"{name}.jsonl", final)
        if text is not None:
            info["coverage"][variant.split(".")[0]] = coverage(text, [r for r in final if r["status"] == "ok"])
    info["seconds"] = round(time.time() - started, 1)
    return info


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--only", default="")
    ap.add_argument("--reuse-pdf", action="store_true", help="keep existing PDFs, redo the text variants")
    ap.add_argument("--plain-notes", action="store_true",
                    help="a harder set: notes at the body's size (12 pt) and no separator rule")
    args = ap.parse_args(argv)
    (args.out / "gold").mkdir(parents=True, exist_ok=True)
    manifest_path = args.out / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    manifest["_variants"] = {"pdftotext": "real", "layout": "real", "repeat": "simulated", "cut": "simulated"}
    rng = random.Random(args.seed)
    for src in args.src:
        source = json.loads((src / "manifest.json").read_text(encoding="utf-8"))
        for stem in sorted(k for k in source if not k.startswith("_")):
            choice = choose(rng)
            if args.plain_notes:
                choice.update(note_size=12, rule=False)
            paper_rng = random.Random(f"{args.seed}-{stem}")
            if args.only and stem not in args.only.split(","):
                continue
            profile = {k: source[stem][k] for k in ("profile", "en") if k in source[stem]}
            try:
                manifest[stem] = build(stem, src, args.out, choice, profile, paper_rng, args.reuse_pdf)
            except (subprocess.SubprocessError, RuntimeError, OSError) as exc:
                print(f"{stem}: {exc}", file=sys.stderr)
                continue
            print(stem, json.dumps({k: manifest[stem][k] for k in ("baseline_numbers", "two_column", "latin_font",
                                                                  "author_note", "coverage", "seconds")}))
            manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
