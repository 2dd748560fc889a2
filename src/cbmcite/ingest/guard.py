"""Limits that keep one hostile file from taking the run's time or memory."""
from __future__ import annotations

import os
import zipfile

from ..errors import InputError

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a thesis .docx with images is far below this
MAX_RATIO = 200  # text XML compresses ~10×; a bomb compresses thousands of times


def check_zip(path: str) -> None:
    """A readable zip that does not expand beyond reason (zip bombs)."""
    if os.path.getsize(path) == 0:
        raise InputError("empty file")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise InputError("not a valid zip container (damaged or truncated .docx)") from None
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > 10 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise InputError(f"refusing to unpack {unpacked // (1024 * 1024)} MB from {packed // 1024} KB (zip bomb?)")
