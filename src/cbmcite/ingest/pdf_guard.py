"""Limits checked before PDFium opens a file: PDFium inflates a compressed stream whole, so a small
file can ask for gigabytes (a flate bomb)."""
from __future__ import annotations

import zlib

from ..errors import InputError

MAX_FILE_BYTES = 500 * 1024 * 1024  # a thesis with scanned figures is far below this
MAX_STREAM_BYTES = 128 * 1024 * 1024  # a 300 dpi colour A4 image inflates to 26 MB
# Page contents and fonts are far smaller than images: a page of text draws in tens of KB, a dense
# vector figure in a few MB. 64 MB of drawing operators takes PDFium minutes to load.
MAX_NON_IMAGE_STREAM_BYTES = 16 * 1024 * 1024
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
_CHUNK = 4 * 1024 * 1024
_DICT_BACK = 512  # how far before `stream` its dictionary (and a /FlateDecode filter) may start


def check_pdf(data: bytes) -> None:
    """Refuse a file whose compressed streams would inflate beyond reason; counted chunk by chunk,
    never held."""
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"refusing a {len(data) // (1024 * 1024)} MB PDF (over {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    total = 0
    for body, image in _flate_streams(data):
        end = data.find(b"endstream", body)
        limit = MAX_STREAM_BYTES if image else MAX_NON_IMAGE_STREAM_BYTES
        size = _inflated_size(memoryview(data)[body:end if end >= 0 else len(data)], limit)
        total += size
        if size > limit or total > MAX_TOTAL_BYTES:
            amount = size if size > limit else total
            raise InputError(f"refusing to inflate over {amount // (1024 * 1024)} MB from a "
                             f"{len(data) // 1024} KB PDF (flate bomb?)")


def _flate_streams(data: bytes):
    """Where the data of each stream whose dictionary names /FlateDecode begins, and whether it is an
    image (found with bytes.find: a regex over megabytes of binary data is slow)."""
    at = data.find(b"stream")
    while at >= 0:
        body = at + 6
        if data[body:body + 1] == b"\r":
            body += 1
        dictionary = data[max(0, at - _DICT_BACK):at]
        if data[body:body + 1] == b"\n" and data[at - 3:at] != b"end" and b"/FlateDecode" in dictionary:
            yield body + 1, b"/Image" in dictionary
        at = data.find(b"stream", at + 6)


def _inflated_size(packed: memoryview, limit: int) -> int:
    inflater = zlib.decompressobj()
    size = 0
    try:
        for start in range(0, len(packed), _CHUNK):
            piece = packed[start:start + _CHUNK]
            while piece:
                size += len(inflater.decompress(piece, _CHUNK))
                if size > limit:
                    return size
                piece = inflater.unconsumed_tail
            if inflater.eof:
                break
    except zlib.error:
        pass  # a damaged stream: PDFium decides what it can read
    return size
