"""PDF: characters with place and size from PDFium (pdf_text), footnotes found by layout (pdf_layout).

When no note area is found the page text goes on as extracted text, for the notes stage to search,
with a warning naming what was seen so that `check` never calls such a file clean.
"""
from __future__ import annotations

from ..model import SourceText
from .pdf_layout import read_layout
from .pdf_text import read_pages
from ..errors import InputError


def read_pdf(path: str) -> SourceText:
    pages, warnings = read_pages(path)
    if all(page.blank for page in pages):
        raise InputError("damaged PDF (no pages)" if not pages else "nothing is drawn on any page (empty or damaged PDF)")
    if not any(page.lines for page in pages):
        raise InputError("no text layer (image-only PDF?); run OCR first")
    layout = read_layout(pages)
    return SourceText(path=path, text=layout.body, encoding="pdf", notes=layout.notes or None,
                      warnings=warnings + layout.warnings)
