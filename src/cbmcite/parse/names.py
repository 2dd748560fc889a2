"""Personal and institutional names → CSL name objects."""
from __future__ import annotations


from functools import lru_cache

from ..lexicon import (INSTITUTION_WORDS_EN, NAME_PARTICLES, NAME_SUFFIXES, ROLE_AUTHOR_ZH, ROLE_EDITOR_ZH,
                       ROLE_TRANSLATOR_ZH, TITLE_OPENING_WORDS_EN, alternation)
from ..patterns import compile_fast
from ..rules import rule
from ..values import has_cjk, match_key


# Plain mechanics: a script test and whitespace.
_LATIN_WORD = compile_fast(r"[A-Za-z]{3}")
_WHITESPACE = compile_fast(r"\s+")

CJK_NAME_SEPARATOR = rule(
    "cjk_name_separator",
    r"[、，,；;/]|\s+",
    "Chinese co-authors are joined by 、 (or a comma, a semicolon, a slash, a space): 谷家恆、王俊秀.",
    examples=("谷家恆、王俊秀", "吳建德，張蜀誠", "王明亮 李明"),
    counterexamples=("谷家恆",),
)
LATIN_NAME_SEPARATOR = rule(
    "latin_name_separator",
    rf",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*|、",
    "Western co-authors are joined by commas, 'and' or '&': 'Keohane, Nye and Smith', 'Keohane & Nye'.",
    examples=("Robert O. Keohane and Joseph S. Nye", "Keohane & Nye", "Keohane, Nye, and Smith"),
    counterexamples=("Robert O. Keohane", "Alexander Wendt"),
    requires=(",", "and", "&", "、"),
)
ET_AL_TAIL = rule(
    "et_al_tail",
    r"(?:^|\s+|,\s*)et\s+al\.?$",
    "'et al.' closing a list of names: the others are not named ('J. Mehrholz et al.').",
    examples=("J. Mehrholz et al.", "Balsam, et al", "Glaser et  al."),
    counterexamples=("Robert Petal", "et al. in their study"),
    requires=("et",),
)
# a role word after a name, or 等 (and others)
ROLE_WORD_ZH = rule(
    "role_word_zh",
    rf"{alternation(ROLE_AUTHOR_ZH + ROLE_EDITOR_ZH + ROLE_TRANSLATOR_ZH + ('等',))}$",
    "A role word (著, 主編, 譯) or 等 after a Chinese name: not part of the name.",
    examples=("杭亭頓著", "吳甦主編", "黃裕美譯", "吳建德等"),
    counterexamples=("杭亭頓", "著作權"),
    requires=ROLE_AUTHOR_ZH + ROLE_EDITOR_ZH + ROLE_TRANSLATOR_ZH + ("等",),
)
INSTITUTION = rule(
    "institution_name",
    rf"\b{alternation(INSTITUTION_WORDS_EN)}\b",
    "A name holding a word of institutions (Association, Ministry, University …) names no person.",
    examples=("American Nurses Association", "U.S. Food and Drug Administration", "Congressional Research Service"),
    counterexamples=("Alyson J. K. Bailes", "Unionville Press Smith", "Robert O. Keohane"),
)
_SUFFIXES = frozenset(NAME_SUFFIXES)
_PARTICLES = frozenset(NAME_PARTICLES)
NAME_TOKEN = rule(
    "name_token_en",
    r"^(?:[A-Z][\p{L}'’\-]*\.?|[A-Z]\.(?:[A-Z]\.)*|\p{Lu}[\p{Ll}\p{M}'’\-]+)$",
    "One word of a Western person's name: a capitalised word or an initial ('Alyson', 'J.', 'O’Hanlon', 'Émile').",
    examples=("Alyson", "J.", "O’Hanlon", "Émile", "J.K."),
    counterexamples=("the", "1999", "and"),
    anchored=True,
)
_TITLE_OPENING = frozenset(TITLE_OPENING_WORDS_EN)


@lru_cache(maxsize=4096)  # pure; the same names recur in every note that cites them
def is_person_name(text: str) -> bool:
    """2–5 capitalised tokens (initials allowed), no articles, no possessive: 'Alyson J. K. Bailes'."""
    s = text.strip()
    if not s or has_cjk(s) or "'s" in s or "’s" in s or INSTITUTION.find(s):
        return False
    tokens = s.split()
    if not 2 <= len(tokens) <= 5 or tokens[0] in _TITLE_OPENING:
        return False
    token = NAME_TOKEN.compiled.match  # no prefilter to skip: this runs for every word
    return all(token(t) or t in _PARTICLES for t in tokens)


def is_institution(text: str) -> bool:
    """'American Nurses Association', 'U.S. Food and Drug Administration'."""
    return bool(INSTITUTION.find(text))


def split_people(text: str) -> list[str]:
    """'A, B and C' / 'A & B' / '甲、乙' → ['A', 'B', 'C']."""
    s = _without_et_al(text.strip().strip(",，"))
    if has_cjk(s) and not _LATIN_WORD.search(s) and ", " not in s:
        parts = CJK_NAME_SEPARATOR.compiled.split(s)
        return [without_role_word(p).strip() for p in parts if without_role_word(p).strip()]
    parts = (_without_et_al(p).strip() for p in LATIN_NAME_SEPARATOR.compiled.split(s))
    return [p for p in parts if p]


def without_role_word(name: str) -> str:
    """'杭亭頓著' → '杭亭頓': the role word or 等 after a Chinese name dropped."""
    return ROLE_WORD_ZH.compiled.sub("", name) if ROLE_WORD_ZH.may_match(name) else name


def _without_et_al(names: str) -> str:
    return ET_AL_TAIL.compiled.sub("", names) if ET_AL_TAIL.may_match(names) else names


def csl_name(name: str) -> dict:
    """Latin persons as family/given; CJK persons and institutions as literal (CONVENTIONS §6)."""
    return dict(_csl_name(name))  # a copy: callers own their CSL items


@lru_cache(maxsize=4096)
def _csl_name(name: str) -> dict:
    s = _WHITESPACE.sub(" ", name).strip()
    if has_cjk(s) or not is_person_name(s):
        return {"literal": s}
    tokens = s.split(" ")
    suffix = tokens.pop() if len(tokens) > 2 and tokens[-1].rstrip(".") in _SUFFIXES else None  # 'Peebles Jr.'
    family_start = len(tokens) - 1
    while family_start > 1 and tokens[family_start - 1].lower() in _PARTICLES:
        family_start -= 1
    family = " ".join(tokens[family_start:])
    given = " ".join(tokens[:family_start])
    if not given:
        return {"literal": s}
    return {"family": family, "given": given, **({"suffix": suffix} if suffix else {})}


NATIONALITY_MARK = rule(
    "nationality_mark",
    r"^\s*[〔\[［（(【]\s*\p{Han}{1,3}\s*[〕\]］）)】]\s*",
    "A translated author's nationality before the name (mainland notes): 〔美〕托马斯·谢林, [英]勞特派特.",
    examples=("〔美〕托马斯·谢林", "[英]勞特派特", "（德）卡尔·拉伦茨"),
    counterexamples=("托马斯·谢林", "(Samuel P. Huntington)"),
)
_INTERPUNCT = compile_fast(r"[·・‧•．.]")


def zh_family_key(name: str) -> str:
    """The folded family name of a Chinese-written name: a transliterated '托马斯·谢林' is filed under its last part
    (谢林), as a later 谢林：前引书 names it; a nationality mark is no part of it."""
    s = NATIONALITY_MARK.compiled.sub("", name.strip(), count=1)
    return match_key(_INTERPUNCT.split(s)[-1])


def without_nationality(name: str) -> str:
    return NATIONALITY_MARK.compiled.sub("", name.strip(), count=1)


@lru_cache(maxsize=65536)
def family_key(name: str) -> str:
    """The folded last word of a Western name: what spelling checks compare."""
    tokens = name.replace(",", " ").split()
    return match_key(tokens[-1]) if tokens else ""


def names_close(a: str, b: str) -> bool:
    """Equal, or one edit apart for longer names (Pederson / Perderson)."""
    if a == b:
        return True
    if min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    return _edit_distance(a, b) <= 1


def _edit_distance(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
