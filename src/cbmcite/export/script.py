"""Optional script conversion of output text (--script t|s|keep); matching never depends on it."""
from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=2)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


def convert(value, script: str):
    """Convert every string inside value; 'keep' returns it unchanged."""
    if script == "keep":
        return value
    config = "s2twp" if script == "t" else "t2s"
    return _walk(value, _converter(config).convert)


# Identifiers, not text: keys, URLs and file paths must stay as they are to find what they name.
UNCONVERTED_KEYS = ("id", "citation-key", "URL", "entry", "document", "path")


def _walk(value, fn):
    if isinstance(value, str):
        return fn(value)
    if isinstance(value, list):
        return [_walk(v, fn) for v in value]
    if isinstance(value, dict):
        return {k: (v if k in UNCONVERTED_KEYS else _walk(v, fn)) for k, v in value.items()}
    return value
