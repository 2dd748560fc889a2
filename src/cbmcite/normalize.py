"""The normalize stage: field values repaired of PDF-extraction artefacts before they are written
(CONVENTIONS §7). Idempotent and total: any str in, a str out.
"""
from __future__ import annotations

from functools import lru_cache

from .lexicon import SHORT_WORDS_EN
from .patterns import compile_fast

_HYPHEN_TO = compile_fast(r"(?<=\w)- (?=to-)")
_SPACES = compile_fast(r"[ \t]{2,}")

# --- artefacts of PDF extraction ----------------------------------------------------------

_HYPHEN_SPACE = compile_fast(r"(?<=\w)([-–‐]) +(?=[A-Z]|to\b)")
_SPACED_LETTERS = compile_fast(r"\b((?:[A-Za-z] ){3,}[A-Za-z])\b")


@lru_cache(maxsize=4096)  # pure, and the same titles recur across notes and documents
def repair_artifacts(text: str) -> str:
    """Asia- Pacific → Asia-Pacific, Military- to- Military → Military-to-Military, ＂ → ”."""
    s = text.replace("＂", "”")
    s = _HYPHEN_SPACE.sub(r"\1", s)
    s = _HYPHEN_TO.sub("-", s)
    s = _SPACED_LETTERS.sub(lambda m: m.group(1).replace(" ", ""), s)
    s = _rejoin_split_words(s)
    s = _SPACES.sub(" ", s)
    return s.strip()


# "Confl ic t": a ligature lost in extraction splits a word into short lower-case fragments.
_SPLIT_WORD = compile_fast(r"\b([A-Z]?[a-z]{1,5}) ([a-z]{1,2}) ([a-z]{1,2})\b")


def _rejoin_split_words(s: str) -> str:
    return _SPLIT_WORD.sub(lambda m: m.group(0).replace(" ", "") if _fragmentary(m) else m.group(0), s)


_SHORT_WORDS = frozenset(SHORT_WORDS_EN)


def _fragmentary(m) -> bool:
    return m.group(2) not in _SHORT_WORDS and m.group(3) not in _SHORT_WORDS
