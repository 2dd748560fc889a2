"""Values read out of text, shared by every stage: look-alike glyphs and full-width forms folded,
dates (the ROC calendar), pages, script and language, and comparison keys (CONVENTIONS §3, §7).

Every function here is pure, idempotent and total: any str in, a str (or None) out.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .han import chinese_number, script_counts
from .lexicon import PAGE_ABBREVIATIONS_EN, PAGE_LEADS_ZH, PAGE_MARKS_ZH, PAGE_WORDS_EN, ROC_ERA_ZH, alternation
from .patterns import compile_fast
from .rules import rule

_LIST_COMMA = compile_fast(r"\s*[、,]\s*")
_HAN = compile_fast("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")  # Han, stdlib-fast

# --- width, compatibility ideographs ----------------------------------------------------

# CJK Radicals Supplement characters that PDF ToUnicode maps give for whole characters (NFKC fixes
# only two of the block); after the Unicode Equivalent_Unified_Ideograph data, whole characters only.
_RADICAL_LOOKALIKES = {
    0x2E9C: "日", 0x2E9D: "月", 0x2E9F: "母", 0x2EA0: "民", 0x2EAB: "目", 0x2EC4: "西", 0x2EC5: "见", 0x2EC6: "角",
    0x2EC9: "贝", 0x2ECB: "车", 0x2ECC: "辶", 0x2ED1: "長", 0x2ED3: "长", 0x2ED4: "门", 0x2ED7: "雨", 0x2ED8: "青",
    0x2ED9: "韦", 0x2EDA: "页", 0x2EDB: "风", 0x2EDC: "飞", 0x2EDD: "食", 0x2EE2: "马", 0x2EE3: "骨", 0x2EE4: "鬼",
    0x2EE5: "鱼", 0x2EE6: "鸟", 0x2EE7: "卤", 0x2EE8: "麦", 0x2EE9: "黄", 0x2EEA: "黾", 0x2EEC: "齐", 0x2EEE: "齿",
    0x2EF0: "龙", 0x2EF3: "龟",
}
_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}


def _glyph_table() -> dict[int, str]:
    """Look-alike glyphs of PDF text (CONVENTIONS §7 steps 2–3): one character each, as a reader sees it."""
    table: dict[int, str] = {}
    # Kangxi radicals and CJK compatibility ideographs: NFKC maps them to the unified ideograph.
    for lo, hi in ((0x2F00, 0x2FD5), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)):
        for cp in range(lo, hi + 1):
            mapped = unicodedata.normalize("NFKC", chr(cp))
            if mapped != chr(cp) and len(mapped) == 1:
                table[cp] = mapped
    table.update(_RADICAL_LOOKALIKES)
    table.update({ord(lig): rep for lig, rep in _LIGATURES.items()})
    return table


_GLYPHS = _glyph_table()
_HAS_GLYPH = compile_fast("[\u2e80-\u2fdf\uf900-\ufaff\ufb00-\ufb06\U0002f800-\U0002fa1f]")


def fold_glyphs(text: str) -> str:
    """Kangxi radicals, compatibility ideographs, radical look-alikes and Latin ligatures → the characters
    they stand for; everything else (width, punctuation) as written. Run once on reading extracted text."""
    return text.translate(_GLYPHS) if _HAS_GLYPH.search(text) else text


def _compat_table() -> dict[int, str]:
    table = dict(_GLYPHS)
    # Full-width ASCII and the ideographic space fold to ASCII; CJK punctuation is kept.
    for cp in range(0xFF10, 0xFF1A):
        table[cp] = chr(cp - 0xFEE0)
    for cp in list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B)):
        table[cp] = chr(cp - 0xFEE0)
    table[0x3000] = " "
    return table


_COMPAT = _compat_table()


def fold_compat(text: str) -> str:
    """Compatibility ideographs → unified, full-width letters/digits → ASCII, ligatures expanded."""
    return text.translate(_COMPAT)


# --- numbers and dates ---------------------------------------------------------------------


def roc_to_gregorian(roc_year: int) -> int:
    return roc_year + 1911


_NUM = r"[0-9〇○零一二三四五六七八九十百元]+"
ROC_DATE = rule(
    "date_roc",
    rf"{alternation(ROC_ERA_ZH)}\s*(?P<pre>前)?\s*(?P<y>{_NUM})\s*年(?:度)?(?:\s*(?P<m>{_NUM})\s*月)?(?:\s*(?P<d>{_NUM})\s*日)?",
    "A Republic of China date: 民國91年 (1911 + 91), 民國前1年, 民國元年, 民94年度.",
    examples=("（臺北：三民書局，民國91年）", "中央社，民國 95年3月2日", "民國前1年", "民國元年", "民94年度"),
    counterexamples=("2002年", "人民日報，2005年", "民國時期的報刊"),
    requires=ROC_ERA_ZH,
)
GREGORIAN_DATE_ZH = rule(
    "date_gregorian_zh",
    rf"(?<![0-9])(?P<y>[12][0-9]{{3}}|[一二][〇○零一二三四五六七八九]{{3}})\s*年(?:\s*(?P<m>{_NUM})\s*月)?(?:\s*(?P<d>{_NUM})\s*日)?",
    "A Western-era date written with 年月日: 2007年版, 1999年3月, 二〇〇五年.",
    examples=("北京：人民出版社，2007年版", "1999年3月5日", "二〇〇五年", "2010 年 12 月"),
    counterexamples=("民國91年", "12345年", "第3年"),
    requires=("年",),
)
GREGORIAN_DATE_DOT = rule(
    "date_gregorian_dot",
    r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})\.(?P<m>[01]?[0-9])(?:\.(?P<d>[0-3]?[0-9]))?\.?(?![0-9])",
    "A date written with dots, as in Chinese journals and newspapers: 2019.3.5, 2005.12.",
    examples=("《聯合報》，2019.3.5，版A4", "2005.12", "2020.01.15."),
    counterexamples=("3.14", "1850.3", "12019.3"),
    requires=(".",),
)
YEAR = rule(
    "date_year_alone",
    r"(?<![0-9./-])(?P<y>1[5-9][0-9]{2}|20[0-9]{2})(?![0-9])",
    "A year of publication alone, 1500–2099, not part of a longer number, a decimal or a range.",
    examples=("Leipzig, 1896, p. 54", "(Harvard University Press, 1960)", "2020"),
    counterexamples=("1400", "21999", "1.1999", "pp. 12-1999"),
)


def parse_date(text: str) -> list[int] | None:
    """[year, month?, day?] from the first date in text; ROC years converted (民國91年 → 2002)."""
    text = fold_compat(text)
    m = ROC_DATE.find(text)
    if m:
        y = chinese_number(m["y"])
        if y is not None:
            year = 1912 - y if m["pre"] else roc_to_gregorian(y)
            return _date_parts(year, m["m"], m["d"])
    for date_rule in (GREGORIAN_DATE_ZH, GREGORIAN_DATE_DOT):
        m = date_rule.find(text)
        if m:
            y = chinese_number(m["y"])
            if y:
                return _date_parts(y, m["m"], m["d"])
    m = YEAR.compiled.search(text)
    return [int(m["y"])] if m else None


def _date_parts(year: int, month: str | None, day: str | None) -> list[int]:
    parts = [year]
    mo = chinese_number(month) if month else None
    if mo and 1 <= mo <= 12:
        parts.append(mo)
        d = chinese_number(day) if day else None
        if d and 1 <= d <= 31:
            parts.append(d)
    return parts


# --- pages ---------------------------------------------------------------------------------

_PAGE_WORDS_BARE = tuple(w.rstrip(".") for w in PAGE_WORDS_EN)  # 'p5', 'pp 12', 'at 210': a number must follow
PAGE_PREFIX = rule(
    "pages_field_lead",
    rf"(?i)^\s*(?:{alternation(PAGE_ABBREVIATIONS_EN)}|{alternation(_PAGE_WORDS_BARE)}(?=\s*[0-9])|{alternation(PAGE_LEADS_ZH)})\s*",
    "The word before the pages cited, dropped from the pages field: pp.57, p 5, pages 3-4, at 210, 頁34, 第43頁.",
    examples=("pp.57- 59", "p. 5", "Pages 3-4", "at 210", "頁 34-35", "第43頁", "p5"),
    counterexamples=("57-59", "xii", "page", "attention", "43頁"),
)
_PAGE_SUFFIX = compile_fast(rf"(?r)\s*{alternation(PAGE_MARKS_ZH)}?\s*[.,。，;；]*\s*$")
_DASHES = compile_fast(r"\s*[‐‑‒–—―−~～〜-]\s*")


@lru_cache(maxsize=4096)  # pure, and every locator of every citation passes here
def normalize_pages(text: str | None) -> str | None:
    """'pp.57- 59' → '57-59', '頁 34-35' → '34-35', '第43頁' → '43', '68、69' → '68, 69'."""
    if text is None:
        return None
    s = " ".join(fold_compat(text).split())
    s = PAGE_PREFIX.compiled.sub("", s).replace("+", ",")  # 43-73+92 → 43-73, 92 (before the suffix: ';+' is no page)
    s = _PAGE_SUFFIX.sub("", s)
    s = _DASHES.sub("-", s)
    s = " ".join(_LIST_COMMA.sub(", ", s).split())
    return _hyphen_restored(_trim(s)) or None


LOST_HYPHEN_RANGE = rule(
    "pages_lost_hyphen_range",
    r"[0-9]{6}(?![0-9])|[0-9]{8}(?![0-9])",
    "Six or eight digits where pages stand: a range whose hyphen a PDF extractor dropped at a line end "
    "(264-268 printed as 264268); no cited page runs to six digits.",
    examples=("264268", "11021105"),
    counterexamples=("2642", "26426", "1234567"),
    anchored=True,
)


def _hyphen_restored(pages: str) -> str:
    if not LOST_HYPHEN_RANGE.compiled.fullmatch(pages):
        return pages
    half = len(pages) // 2
    first, last = pages[:half], pages[half:]
    return f"{int(first)}-{int(last)}" if int(first) < int(last) else pages


def _trim(s: str) -> str:
    while True:
        t = s.strip().strip(",")
        if t == s:
            return t
        s = t


# --- matching keys ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def fold_script(text: str) -> str:
    """Traditional → Simplified, for matching only (never for output).

    Repeated to a fixed point: OpenCC maps some characters in steps (薴 → 苧 → 苎). Text without Han
    characters is left alone, so English documents never load OpenCC."""
    if not has_cjk(text):
        return text
    convert = _t2s().convert
    out = convert(text)
    for _ in range(3):
        again = convert(out)
        if again == out:
            break
        out = again
    return out


_NON_WORD = compile_fast(r"[\s\p{P}\p{S}_]+")


@lru_cache(maxsize=8192)  # pure; resolution and merging compare the same titles many times
def match_key(text: str | None) -> str:
    """A key for comparing titles/names: width, script, case and punctuation folded."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", fold_compat(text))
    return unicodedata.normalize("NFKC", _NON_WORD.sub("", fold_script(s).casefold()))


def has_cjk(text: str) -> bool:
    return bool(_HAN.search(text or ""))


_KANA = compile_fast(r"[\u3041-\u3096\u30a1-\u30fa]")


@lru_cache(maxsize=4096)
def chinese_language_tag(text: str) -> str:
    """BCP 47 tag by script: ja when kana appear; zh-TW when Traditional-only characters outnumber
    Simplified-only ones, zh-CN the other way round, zh when the text does not tell."""
    if _KANA.search(text):
        return "ja"
    traditional, simplified = script_counts(text)
    if traditional > simplified:
        return "zh-TW"
    if simplified > traditional:
        return "zh-CN"
    return "zh"
