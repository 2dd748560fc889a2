"""Decode text files: BOMs, UTF-8, and legacy Big5/CP950 vs GB18030 (CONVENTIONS §7.1)."""
from __future__ import annotations

import codecs

from ..errors import InputError
from ..han import script_counts
from ..model import SourceText

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Legacy encodings this genre actually uses; detectors confuse them (CONVENTIONS §7.1).
_CJK_LEGACY = ("cp950", "big5hkscs", "gb18030")


_HEAD_BYTES = 65536


def read_text(path: str, encoding: str | None = None) -> SourceText:
    from .guard import MAX_TEXT_BYTES, open_regular

    with open_regular(path, MAX_TEXT_BYTES) as fh:
        try:
            head = fh.read(_HEAD_BYTES)
            if not encoding and not head.startswith(tuple(bom for bom, _ in _BOMS)) and _looks_binary(head):
                raise InputError("binary file, not text")  # known before reading the rest (a sparse 1 GB file)
            data = head + fh.read(MAX_TEXT_BYTES + 1 - len(head))
        except OSError as exc:
            raise InputError(exc.strerror or str(exc)) from None
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(f"too large for a text document (more than {MAX_TEXT_BYTES // (1024 * 1024)} MB)")
    text, used = decode_bytes(data, encoding)
    return SourceText(path=path, text=normalise_newlines(text), encoding=used)


def normalise_newlines(text: str) -> str:
    # Form feeds (page breaks in pdftotext output) stay in place: line numbers must match the file.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    if encoding:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid {encoding} (byte {exc.start})") from None
    if not data.strip():
        return "", "utf-8"
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise InputError(f"starts with a {name} byte-order mark but is not valid {name}") from None
    if _looks_binary(data):
        raise InputError("binary file, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > len(head) * 0.05


def _decode_legacy(data: bytes) -> tuple[str, str]:
    import charset_normalizer  # only text that is not UTF-8 needs it

    candidates = list(_CJK_LEGACY)
    best = charset_normalizer.from_bytes(data).best()
    if best is not None and best.encoding not in candidates:
        candidates.append(best.encoding)
    scored = []
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_implausibility(text), candidates.index(name), name, text))
    if not scored:
        raise InputError("cannot decode as UTF-8, Big5/CP950 or GB18030")
    badness, _, name, text = min(scored)
    if badness > 0.35:
        raise InputError("undecodable text (no encoding gives readable characters)")
    return text, name


def _implausibility(text: str) -> float:
    """0 for clean text in one script; higher for mojibake (odd blocks, mixed scripts)."""
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    odd = sum(1 for c in text if _odd_char(c))
    odd_rate = odd / max(1, len(text))
    if not han:
        return odd_rate
    trad_only, simp_only = script_counts(han[:20000])
    mixed = min(trad_only, simp_only) / max(1, trad_only + simp_only)
    return odd_rate + mixed


def _odd_char(c: str) -> bool:
    o = ord(c)
    return (
        0x1100 <= o <= 0x11FF  # Hangul jamo
        or 0x3130 <= o <= 0x318F
        or 0xAC00 <= o <= 0xD7AF  # Hangul syllables
        or 0xE000 <= o <= 0xF8FF  # private use
        or 0x3040 <= o <= 0x30FF  # kana: rare in this genre, common in mojibake
        or 0x3400 <= o <= 0x4DBF  # CJK extension A
        or o == 0xFFFD
    )
