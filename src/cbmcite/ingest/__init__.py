"""Turn paths on the command line into decoded documents, whatever their format."""
from __future__ import annotations

import os
import re

from ..model import SourceText
from ..errors import InputError, InternalError, LimitExceeded
from .guard import check_pdf_ends, regular_file_size, written_by_cbmcite
from .text import read_text

TEXT_SUFFIXES = (".txt", ".text")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + (".md", ".markdown", ".tex", ".docx", ".pdf")
_DIGIT_SPLIT = re.compile(r"(\d+)")
_CN_NUMERAL = re.compile(r"[〇零一二三四五六七八九十百]+")

__all__ = ["InputError", "LimitExceeded", "InternalError", "collect_paths", "read_document", "natural_key", "SUPPORTED_SUFFIXES"]


def natural_key(path: str):
    """ch2 before ch10, 第二章 before 第十章: numbers (Arabic or Chinese) compare as numbers."""
    from ..han import chinese_number

    path = _CN_NUMERAL.sub(lambda m: str(chinese_number(m.group(0)) or m.group(0)), path)
    return [(0, int(t), "") if t.isdigit() else (1, 0, t.casefold()) for t in _DIGIT_SPLIT.split(path)]


def collect_paths(args: list[str]) -> tuple[list[str], list[tuple[str, str]], list[str]]:
    """Files to read in order, (path, reason) for arguments that give none, and files skipped."""
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    skipped: list[str] = []
    for arg in args:
        if os.path.isdir(arg):
            found = []
            unreadable = lambda exc: problems.append((exc.filename, f"cannot read folder ({exc.strerror})"))  # noqa: E731
            for root, dirs, names in os.walk(arg, onerror=unreadable):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in names:
                    path = os.path.join(root, name)
                    if name.startswith(".") or name.startswith("~$"):
                        continue  # hidden files and Word's lock files
                    readable = name.lower().endswith(SUPPORTED_SUFFIXES) and not written_by_cbmcite(path)
                    (found if readable else skipped).append(path)
            if not found and not os.access(arg, os.R_OK | os.X_OK):
                continue  # reported by os.walk's onerror
            if not found:
                problems.append((arg, "directory holds no readable documents (" + ", ".join(SUPPORTED_SUFFIXES) + ")"))
            files.extend(sorted(found, key=natural_key))
        elif os.path.isfile(arg):
            files.append(arg)
        elif os.path.exists(arg):
            problems.append((arg, "not a regular file"))
        else:
            problems.append((arg, "no such file or directory"))
    return files, problems, sorted(skipped, key=natural_key)


def read_document(path: str, encoding: str | None = None) -> SourceText:
    """The decoded document; InputError (one line) when it cannot be read."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix == ".docx":
        from .docx import read_docx

        return read_docx(path)
    if suffix == ".pdf":
        from .pdf import read_pdf

        if regular_file_size(path) == 0:
            raise InputError("empty file")
        check_pdf_ends(path)
        return read_pdf(path)
    source = read_text(path, encoding)
    if not source.text.strip():
        raise InputError("empty file")
    if suffix in (".md", ".markdown"):
        from .markdown import read_markdown

        return read_markdown(source)
    if suffix == ".tex":
        from .latex import read_latex

        return read_latex(source)
    return source
