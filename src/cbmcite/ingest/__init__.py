"""Turn paths on the command line into decoded documents."""
from __future__ import annotations

import os
import re

from ..model import SourceText
from .text import InputError, read_text

_DIGIT_SPLIT = re.compile(r"(\d+)")

TEXT_SUFFIXES = (".txt", ".text")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES

__all__ = ["InputError", "collect_paths", "read_document", "natural_key", "SUPPORTED_SUFFIXES"]


def natural_key(path: str):
    """ch2 before ch10: digit runs compare as numbers."""
    return [(0, int(t), "") if t.isdigit() else (1, 0, t.casefold()) for t in _DIGIT_SPLIT.split(path)]


def collect_paths(args: list[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """Files to read, in order, and (path, reason) for arguments that give none."""
    files: list[str] = []
    problems: list[tuple[str, str]] = []
    for arg in args:
        if os.path.isdir(arg):
            found = [
                os.path.join(root, name)
                for root, _, names in os.walk(arg)
                for name in names
                if name.lower().endswith(SUPPORTED_SUFFIXES) and not name.startswith(".")
            ]
            if not found:
                problems.append((arg, "directory holds no readable documents (" + ", ".join(SUPPORTED_SUFFIXES) + ")"))
            files.extend(sorted(found, key=natural_key))
        elif os.path.isfile(arg):
            files.append(arg)
        elif os.path.exists(arg):
            problems.append((arg, "not a regular file"))
        else:
            problems.append((arg, "no such file or directory"))
    return files, problems


def read_document(path: str, encoding: str | None = None) -> SourceText:
    return read_text(path, encoding)
