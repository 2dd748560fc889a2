"""Writing the user's files so that none is ever lost, half-written or invalid.

A regular file is replaced atomically (a temporary file renamed over it) after its content was
checked to parse, with its mode, owner and group; the earlier content is kept as PATH.bak (older
generations as PATH.bak.1, PATH.bak.2), made as a hard link before the rename so that PATH exists at
every instant. A symlink is followed (the link stays), a file with other hard links is rewritten in
place (the links stay), and a device or FIFO (/dev/null, /dev/stdout, a pipe) is written into, never
replaced. Writers of one folder are serialised with a lock.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable
from typing import BinaryIO

from .ingest import SUPPORTED_SUFFIXES, InputError
from .ingest.guard import WRITTEN_MARK, written_by_cbmcite

BACKUP_GENERATIONS = 3  # PATH.bak, PATH.bak.1, PATH.bak.2


class OutputError(InputError):
    """An output that cannot or must not be written; the message is one line."""


def same_file(a: str, b: str) -> bool:
    """Whether two paths name one file (through links), or would once created."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_overwriting(targets: Iterable[str | None], inputs: Iterable[str]) -> None:
    """OutputError when an output file would replace one of the input documents (named, or found in
    a folder named) or another output."""
    targets = [t for t in targets if t]
    for target in targets:
        if any(same_file(target, path) if os.path.isfile(path) else _read_from(path, target) for path in inputs):
            raise OutputError(f"{target}: is one of the input documents; refusing to write over it")
    for i, target in enumerate(targets):
        if any(same_file(target, other) for other in targets[i + 1:]):
            raise OutputError(f"{target}: named as the file to update and as the output; give different files")


def _read_from(folder: str, target: str) -> bool:
    """Whether a run over FOLDER reads TARGET as a document: an existing file of a document format
    inside it, that cbmcite did not write."""
    if not (os.path.isdir(folder) and os.path.isfile(target) and target.lower().endswith(SUPPORTED_SUFFIXES)):
        return False
    inside = os.path.commonpath([os.path.realpath(folder), os.path.realpath(target)]) == os.path.realpath(folder)
    return inside and not written_by_cbmcite(target)


def validator(kind: str | None) -> Callable[[str], None] | None:
    """A check that a written file parses as KIND (json or bibtex): OutputError if not."""
    return {"json": _check_json, "bibtex": _check_bibtex}.get(kind or "")


def _check_json(path: str) -> None:
    with open(path, "rb") as fh:
        check_json_stream(fh)


def check_json_stream(stream: BinaryIO) -> None:
    """Parsed as a stream (ijson over yajl): a file of any size is checked in constant memory; NaN,
    bad UTF-8 and trailing data are refused, as json.load refuses them. OutputError if it does not parse."""
    import ijson

    try:
        for _ in ijson.basic_parse(stream):
            pass
    except ijson.JSONError as exc:
        raise OutputError(f"the output would not be valid JSON ({exc})") from None


def _check_bibtex(path: str) -> None:
    import logging

    import bibtexparser

    quiet = logging.getLogger("bibtexparser")
    level, quiet.level = quiet.level, logging.CRITICAL  # the one line below says it; no parser chatter
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            library = bibtexparser.parse_string(fh.read())
    finally:
        quiet.setLevel(level)
    if library.failed_blocks:
        line = library.failed_blocks[0].start_line + 1
        raise OutputError(f"the output would not be valid BibTeX (block at line {line} does not parse)")


@contextlib.contextmanager
def atomic_output(path: str, binary: bool = False, check: Callable[[str], None] | None = None):
    """A file object whose content replaces PATH when the block ends without error, after CHECK(tmp)."""
    try:
        status = os.stat(path)
    except FileNotFoundError:
        status = None
    if status is not None and not stat.S_ISREG(status.st_mode):
        with open(path, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh  # a device or a pipe: there is nothing to replace
        return
    target = os.path.realpath(path)  # through a symlink: the link stays, its target is written
    directory = os.path.dirname(target)
    fd, tmp = tempfile.mkstemp(prefix=".cbmcite-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        if check:
            check(tmp)
        with _folder_lock(directory):
            _replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


@contextlib.contextmanager
def _folder_lock(directory: str):
    """Only one cbmcite writes into a folder at a time (concurrent runs writing the same file)."""
    try:
        import fcntl
    except ImportError:  # not on Windows, where a file being replaced cannot be open in another run anyway
        yield
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock


def _mark(path: str) -> None:
    """Tag the file as cbmcite's output, so that a later run over its folder does not read it as a document."""
    with contextlib.suppress(OSError, AttributeError):  # file systems and systems without extended attributes
        os.setxattr(path, WRITTEN_MARK, b"output")


def _replace(tmp: str, target: str) -> None:
    _mark(tmp)
    try:
        status = os.stat(target)
    except FileNotFoundError:
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, target)
        return
    import filecmp

    if filecmp.cmp(target, tmp, shallow=False):
        return  # unchanged: no backup, no new inode
    _keep_backup(target, copy=status.st_nlink > 1)
    if status.st_nlink > 1:  # rewriting in place keeps the other names of this file
        shutil.copyfile(tmp, target)
        _mark(target)
        return
    os.chmod(tmp, stat.S_IMODE(status.st_mode))
    with contextlib.suppress(OSError):  # only root may give a file away; a group we belong to is kept
        os.chown(tmp, status.st_uid if os.geteuid() == 0 else -1, status.st_gid)
    os.replace(tmp, target)


def _keep_backup(target: str, copy: bool) -> None:
    """PATH.bak gets the current content (older backups move one generation back); PATH stays."""
    backups = [target + ".bak"] + [f"{target}.bak.{n}" for n in range(1, BACKUP_GENERATIONS)]
    for newer, older in reversed(list(zip(backups, backups[1:]))):
        if os.path.exists(newer):
            os.replace(newer, older)
    staged = backups[0] + ".cbmcite-tmp"
    try:
        if copy:  # the file is rewritten in place: a link would follow the new content
            raise OSError
        os.link(target, staged)  # a second name for the same content: PATH itself never goes away
    except OSError:  # or no hard links here (FAT, some network file systems): a copy does the same
        shutil.copy2(target, staged)
    os.replace(staged, backups[0])


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def clean_exit_on_sigterm() -> None:
    """SIGTERM (kill, a closing terminal session) unwinds like Ctrl-C: temporary files are removed and
    workers stopped, instead of the process vanishing mid-write."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))


def write_file(path: str, emit: Callable, binary: bool = False, kind: str | None = None,
               check: Callable[[str], None] | None = None) -> None:
    """emit(fh) into PATH through atomic_output, checked as KIND (or by CHECK); OutputError (one line) on failure."""
    try:
        with atomic_output(path, binary, check or validator(kind)) as fh:
            emit(fh)
    except OutputError as exc:
        raise OutputError(f"{path}: {exc}; nothing was written (please report)") from None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
