"""Author–date references inside a note's prose: （王振寰，1996：88-90）, (Foucault, 1977, p. 27)."""
from __future__ import annotations

import re

from ..lexicon import NAME_JOINERS_ZH, PUBLISHING_PLACES, alternation
from ..patterns import compile_fast
from ..rules import rule
from ..values import normalize_pages
from .names import csl_name, split_people

_NAMES = (rf"(?:\p{{Han}}{{2,4}}(?:{alternation(NAME_JOINERS_ZH)}\p{{Han}}{{2,4}}){{0,2}}(?:等)?"
          rf"|(?!{alternation(PUBLISHING_PLACES)},)"  # (Helsinki, 1975): a place and year of publication
          r"[A-Z][\w'’\-]+(?:(?:\s+and\s+|\s*&\s*|,\s+)[A-Z][\w'’\-]+){0,2}(?:\s+et\s+al\.)?)")
_YEAR_PAGE = (r"(?P<y>(?:1[5-9]|20)[0-9]{2})[a-z]?"
              r"(?:\s*[：:,，]\s*(?:pp?\.\s*)?(?P<p>[0-9]+(?:\s*[-–~～]\s*[0-9]+)?))?")
_INNER = rf"(?P<a>{_NAMES})\s*[，,]\s*{_YEAR_PAGE}"
_INNER_BARE = re.sub(r"\(\?P<\w+>", "(?:", _INNER)  # the same without its groups, to repeat it
AUTHOR_DATE = rule(
    "author_date",
    rf"[（(]\s*{_INNER_BARE}(?:\s*[；;]\s*{_INNER_BARE})*\s*[）)]",
    "Author–date references in prose: the author, the year and perhaps a page, in parentheses (several joined by ；).",
    examples=("這種看法並非孤例（王振寰，1996：88-90）。", "power is everywhere (Foucault, 1977, p. 27).",
              "(Keohane and Nye, 1977: 11)", "參見（吳乃德，1993：30；王振寰，1996：112）。"),
    counterexamples=("（臺北：聯經，1997）", "(Cambridge: MIT Press, 1999)", "（民國95年）", "Final Act (Helsinki, 1975)"),
    requires=("（", "("),
)
AUTHOR_DATE_INNER = rule(
    "author_date_inner",
    rf"^{_INNER}$",
    "The inside of an author–date reference, as a citation's raw text.",
    examples=("王振寰，1996：88-90", "Foucault, 1977, p. 27"),
    counterexamples=("臺北：聯經，1997",),
)
_LATIN_NAMES = r"[A-Z][\w'’\-]+(?:(?:\s+and\s+|\s*&\s*)[A-Z][\w'’\-]+)?(?:\s+et\s+al\.)?"
AUTHOR_DATE_NARRATIVE = rule(
    "author_date_narrative",
    rf"(?<![A-Za-z.])(?P<a>{_LATIN_NAMES})\s*(?:（|\((?=[^()]*[：:,]\s*(?:pp?\.\s*)?[0-9]))\s*{_YEAR_PAGE}\s*[）)]",
    "A narrative author–date reference: the author named in the sentence, the year (and page) in parentheses; "
    "in ASCII parentheses only with a page, since English prose dates events so: 'the Korean War (1950)'.",
    examples=("亦可參考Evans（1995: 12）之概念", "Wade (1990: 113) 則強調", "as Keohane and Nye (1977: 11) argue",
              "Wade（1990）則強調"),
    counterexamples=("the Korean War (1950-53)", "the Helsinki Final Act (1975) was signed", "（Wade, 1990: 26-27）",
                     "Princeton University Press, 1995"),
    requires=("（", "("),
)
_NARRATIVE_ALONE = rule(
    "author_date_narrative_alone",
    rf"^{AUTHOR_DATE_NARRATIVE.pattern}$",
    "A narrative author–date reference as a citation's raw text: 'Evans（1995: 12）'.",
    examples=("Evans（1995: 12）", "Wade (1990: 5)"),
    counterexamples=("Evans, 1995: 12",),
)
_SEMICOLON = compile_fast(r"\s*[；;]\s*")


def author_date_references(prose: str) -> list[str]:
    """The raw text of each author–date reference in prose, in order: the inside of '（王振寰，1996：88）' (each of
    several joined by ；), or the whole of 'Evans（1995: 12）'."""
    found = [(m.start() + 1 + i, part) for m in AUTHOR_DATE.finditer(prose)
             for i, part in enumerate(_SEMICOLON.split(m.group(0)[1:-1].strip()))]
    found += [(m.start(), m.group(0)) for m in AUTHOR_DATE_NARRATIVE.finditer(prose)]
    return [raw for _, raw in sorted(found)]


def without_author_date(prose: str) -> str:
    """The prose with its author–date references taken out."""
    return AUTHOR_DATE_NARRATIVE.compiled.sub("", AUTHOR_DATE.compiled.sub("", prose))


def author_date_fields(raw: str) -> tuple[dict, str | None, str] | None:
    """(CSL author and year, page, the name as printed) of an author–date reference, or None."""
    m = AUTHOR_DATE_INNER.find(raw.strip()) or _NARRATIVE_ALONE.find(raw.strip())
    if not m:
        return None
    csl = {"author": [csl_name(n) for n in split_people(m["a"].removesuffix("等"))],
           "issued": {"date-parts": [[int(m["y"])]]}}
    return csl, normalize_pages(m["p"]) if m["p"] else None, m["a"]
