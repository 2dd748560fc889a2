"""Limits that keep one hostile file from taking the run's time or memory."""
from __future__ import annotations

import os
import stat
import zipfile

from ..errors import InputError

MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a thesis .docx with images is far below this
MAX_RATIO = 200  # text XML compresses ~10×; a bomb compresses thousands of times
MAX_TEXT_BYTES = 64 * 1024 * 1024  # a whole thesis as plain text is a few MB
MAX_FILE_BYTES = 1024 * 1024 * 1024  # .docx and .pdf: far beyond any thesis, short of the memory limit
_ZIP_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what Word and LibreOffice write
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # a password-protected Word file is an OLE container, not a zip
_FILE_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"),
               (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


WRITTEN_MARK = "user.cbmcite"  # extended attribute on the files cbmcite writes (bibliographies, not documents)


def written_by_cbmcite(path: str) -> bool:
    """Whether cbmcite wrote PATH (a formatted bibliography beside the chapters is no chapter)."""
    try:
        return os.getxattr(path, WRITTEN_MARK) == b"output"
    except (OSError, AttributeError):  # no such attribute, or no extended attributes on this system
        return False


def regular_file_size(path: str, limit: int = MAX_FILE_BYTES) -> int:
    """The size of PATH, after making sure it is a regular file (symlinks followed) of at most LIMIT
    bytes: a FIFO would block a read forever and a device such as /dev/zero never ends."""
    try:
        return checked_size(os.stat(path), limit)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def checked_size(status: os.stat_result, limit: int) -> int:
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _FILE_KINDS if test(status.st_mode)), "not a regular file")
        raise InputError(f"not a regular file ({kind})" if kind != "not a regular file" else kind)
    if status.st_size > limit:
        raise InputError(f"too large ({_megabytes(status.st_size)}; the limit is {_megabytes(limit)})")
    return status.st_size


def open_regular(path: str, limit: int):
    """A binary file object for PATH, opened without blocking on a FIFO and checked to be a regular
    file of at most LIMIT bytes (checked on the open file: no race with a rename)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    fh = os.fdopen(fd, "rb")
    try:
        checked_size(os.fstat(fd), limit)
    except BaseException:
        fh.close()
        raise
    return fh


def check_pdf_ends(path: str) -> None:
    """A PDF with a header whose last bytes are not all zero: a zero-filled, sparse or cut-off file
    would otherwise be scanned byte by byte for objects that are not there."""
    with open_regular(path, MAX_FILE_BYTES) as fh:
        head = fh.read(1024)
        size = os.fstat(fh.fileno()).st_size
        fh.seek(max(0, size - 65536))
        tail = fh.read()
    if b"%PDF-" not in head:
        raise InputError("not a PDF (no %PDF- header)")
    if not tail.strip(b"\x00 \t\r\n"):
        raise InputError("damaged PDF (it ends in zero bytes: cut off, or an unfinished download)")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def check_zip(path: str) -> None:
    """A readable zip that does not expand beyond reason (zip bombs), with no member that the zip
    module cannot read (encrypted, or compressed by a method Word never uses)."""
    if regular_file_size(path) == 0:
        raise InputError("empty file")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        with open(path, "rb") as fh:
            if fh.read(4) == _OLE_MAGIC:
                raise InputError("not a zip container: an encrypted (password-protected) or old-format Word file") from None
        raise InputError("not a valid zip container (damaged or truncated .docx)") from None
    except (OSError, EOFError, ValueError) as exc:  # damaged central directories raise these too
        raise InputError(f"not a valid zip container ({exc.__class__.__name__})") from None
    for member in members:
        if member.flag_bits & 0x1:
            raise InputError(f"encrypted member {member.filename!r} in .docx (password-protected?)")
        if member.compress_type not in _ZIP_METHODS:
            raise InputError(f"member {member.filename!r} uses compression method {member.compress_type}, "
                             "which Word never writes")
    unpacked = sum(m.file_size for m in members)
    packed = sum(m.compress_size for m in members) or 1
    if unpacked > MAX_UNPACKED_BYTES or (unpacked > 10 * 1024 * 1024 and unpacked / packed > MAX_RATIO):
        raise InputError(f"refusing to unpack {unpacked // (1024 * 1024)} MB from {packed // 1024} KB (zip bomb?)")
