"""A folder of hostile inputs, as issue 15 lists them, beside one good article.

Used by tests/test_hostile.py (a fast subset) and tests/fuzz/hostile_folder.py (the whole folder under
an address-space limit). Each builder writes one file and returns its name.
"""
from __future__ import annotations

import os
import shutil
import zipfile
import zlib
from pathlib import Path


def fifo(folder: Path) -> str:
    os.mkfifo(folder / "pipe.txt")
    return "pipe.txt"


def dev_zero_link(folder: Path) -> str:
    os.symlink("/dev/zero", folder / "zero.txt")
    return "zero.txt"


def sparse_text(folder: Path) -> str:
    with open(folder / "sparse.txt", "wb") as fh:
        fh.truncate(1 << 30)  # 1 GB that takes no disk
    return "sparse.txt"


def huge_note_number(folder: Path) -> str:
    (folder / "gap.tex").write_text("Text\\footnote{First.} and\\footnote[99999999]{Last.}\n", "utf-8")
    return "gap.tex"


def unclosed_footnotes(folder: Path) -> str:
    (folder / "unclosed.tex").write_text("Text \\footnote{" * 10_000, "utf-8")
    return "unclosed.tex"


def unclosed_markdown_refs(folder: Path) -> str:
    (folder / "brackets.md").write_text("[^" * 100_000, "utf-8")
    return "brackets.md"


def pdf_bytes(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF with a correct cross-reference table around the given object bodies."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def self_referencing_pdfs(folder: Path) -> list[str]:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>"
    files = {
        "root-loop.pdf": pdf_bytes([b"<< /Type /Catalog /Pages 1 0 R /Root 1 0 R >>"]),
        "pages-loop.pdf": pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 /Parent 2 0 R >>", page,
                                b"<< /Length 0 >>\nstream\n\nendstream"]),
        "length-loop.pdf": pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                 page, b"<< /Length 5 0 R >>\nstream\nBT ET\nendstream", b"6 0 R", b"5 0 R"]),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return list(files)


def bomb_pdfs(folder: Path) -> list[str]:
    squeezed = zlib.compress(b"0 0 m 1 1 l S\n" * (64 * 1024 * 1024 // 14), 9)  # 64 MB of drawing from ~100 KB
    content = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(squeezed) + squeezed + b"\nendstream"
    (folder / "flate-bomb.pdf").write_bytes(pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>",
                                                  b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                                  b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                                                  b"/Contents 4 0 R >>", content]))
    with open(folder / "zeros.pdf", "wb") as fh:
        fh.write(b"%PDF-1.4\n")
        fh.truncate(200 * 1024 * 1024)  # sparse: 200 MB of NUL after a PDF header
    return ["flate-bomb.pdf", "zeros.pdf"]


def encrypted_docx(folder: Path) -> str:
    path = folder / "encrypted.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    data = bytearray(path.read_bytes())
    for header, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # the encryption bit, local and central
        data[data.find(header) + offset] |= 1
    path.write_bytes(bytes(data))
    return "encrypted.docx"


def good_article(folder: Path, source: Path) -> str:
    shutil.copy(source, folder / "good.txt")
    return "good.txt"


FAST = (fifo, dev_zero_link, sparse_text, huge_note_number, encrypted_docx)  # this branch's own guards
SLOW = (unclosed_footnotes, unclosed_markdown_refs, self_referencing_pdfs, bomb_pdfs)  # scanners and PDF reader


def build(folder: Path, source: Path, builders=FAST + SLOW) -> tuple[list[str], str]:
    """The hostile files' names and the good article's name."""
    folder.mkdir(parents=True, exist_ok=True)
    bad: list[str] = []
    for builder in builders:
        made = builder(folder)
        bad.extend(made if isinstance(made, list) else [made])
    return bad, good_article(folder, source)
