"""Limits checked before PDFium opens a file: PDFium inflates a compressed stream whole, so a small
file can ask for gigabytes (a flate bomb)."""
from __future__ import annotations

import re
import zlib

from ..errors import InputError

MAX_FILE_BYTES = 500 * 1024 * 1024  # a thesis with scanned figures is far below this
MAX_STREAM_BYTES = 128 * 1024 * 1024  # a 300 dpi colour A4 image inflates to 26 MB
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_CHUNK = 4 * 1024 * 1024
_STREAM = re.compile(rb"/FlateDecode[^>]*>>\s*stream\r?\n")


def check_pdf(data: bytes) -> None:
    """Refuse a file whose compressed streams would inflate beyond reason; counted chunk by chunk,
    never held."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"refusing a {len(data) // (1024 * 1024)} MB PDF (over {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    total = 0
    for match in _STREAM.finditer(data):
        end = data.find(b"endstream", match.end())
        size = _inflated_size(memoryview(data)[match.end():end if end >= 0 else len(data)])
        total += size
        if size > MAX_STREAM_BYTES or total > MAX_TOTAL_BYTES:
            raise InputError(f"refusing to inflate over {min(size, total) // (1024 * 1024)} MB from a "
                             f"{len(data) // 1024} KB PDF (flate bomb?)")


def _inflated_size(packed: memoryview) -> int:
    inflater = zlib.decompressobj()
    size = 0
    try:
        for start in range(0, len(packed), _CHUNK):
            piece = packed[start:start + _CHUNK]
            while piece:
                size += len(inflater.decompress(piece, _CHUNK))
                if size > MAX_STREAM_BYTES:
                    return size
                piece = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        pass  # a damaged stream: PDFium decides what it can read
    return size
