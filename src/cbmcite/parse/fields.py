"""Field takers shared by the per-style parsers: each finds one field and returns the text without it."""
from __future__ import annotations

from ..patterns import compile_fast

# A URL runs to a space, an angle bracket or full-width punctuation; commas and + may be inside it.
_URL = compile_fast(r"<?((?:https?://|www\.)[^\s<>，。；、）」》〉]+)>?")
_URL_TRAILING = ".,;:"


def take_url(s: str) -> tuple[str | None, str]:
    """(url, text without it): a trailing stop or an unbalanced closing parenthesis is not part of it."""
    m = _URL.search(s) if "http" in s or "www." in s else None
    if not m:
        return None, s
    url = m.group(1)
    while url and (url[-1] in _URL_TRAILING or url[-1] == ")" and url.count("(") < url.count(")")):
        url = url[:-1]
    end = m.start(1) + len(url)
    if m.group(0).endswith(">"):
        end = m.end()
    return url, s[: m.start()] + s[end:]
