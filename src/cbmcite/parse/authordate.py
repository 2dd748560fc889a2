"""Author–date references inside a note's prose: （王振寰，1996：88-90）, (Foucault, 1977, p. 27)."""
from __future__ import annotations

from ..lexicon import NAME_JOINERS_ZH, alternation
from ..normalize import normalize_pages
from ..rules import rule
from .names import csl_name, split_people

_NAMES = (rf"(?:\p{{Han}}{{2,4}}(?:{alternation(NAME_JOINERS_ZH)}\p{{Han}}{{2,4}}){{0,2}}(?:等)?"
          r"|[A-Z][\w'’\-]+(?:(?:\s+and\s+|\s*&\s*|,\s+)[A-Z][\w'’\-]+){0,2}(?:\s+et\s+al\.)?)")
_INNER = (rf"(?P<a>{_NAMES})\s*[，,]\s*(?P<y>(?:1[5-9]|20)[0-9]{{2}})[a-z]?"
          r"(?:\s*[：:,，]\s*(?:pp?\.\s*)?(?P<p>[0-9]+(?:\s*[-–~～]\s*[0-9]+)?))?")
AUTHOR_DATE = rule(
    "author_date",
    rf"[（(]\s*{_INNER}\s*[）)]",
    "An author–date reference in prose: the author, the year and perhaps a page, in parentheses.",
    examples=("這種看法並非孤例（王振寰，1996：88-90）。", "power is everywhere (Foucault, 1977, p. 27).",
              "(Keohane and Nye, 1977: 11)"),
    counterexamples=("（臺北：聯經，1997）", "(Cambridge: MIT Press, 1999)", "（民國95年）"),
    requires=("（", "("),
)
AUTHOR_DATE_INNER = rule(
    "author_date_inner",
    rf"^{_INNER}$",
    "The inside of an author–date reference, as a citation's raw text.",
    examples=("王振寰，1996：88-90", "Foucault, 1977, p. 27"),
    counterexamples=("臺北：聯經，1997",),
)


def author_date_fields(raw: str) -> tuple[dict, str | None] | None:
    """(CSL author and year, page) of an author–date reference's inside, or None."""
    m = AUTHOR_DATE_INNER.find(raw.strip())
    if not m:
        return None
    csl = {"author": [csl_name(n) for n in split_people(m["a"].removesuffix("等"))],
           "issued": {"date-parts": [[int(m["y"])]]}}
    return csl, normalize_pages(m["p"]) if m["p"] else None
