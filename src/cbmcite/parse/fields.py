"""Field takers shared by the per-style parsers: each finds one field, writes it to the Parsed and returns the text
without it. A style supplies its own patterns (where its pages or year stand); how a field is read, written and cut
out is the same for every style. A style's parser is a list of steps run in order by `run_steps`."""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

from ..lexicon import CONGRESSIONAL_REPORT_MARKS_EN, alternation
from ..rules import rule
from ..values import normalize_pages
from .names import csl_name, split_people
from .result import Parsed

Step = Callable[[str, Parsed], str]  # (text left, fields so far) → text left without what the step took

URL = rule(
    "url",
    r"<?((?:https?://|www\.)[^\s<>，。；、）」》〉]+)>?",
    "A URL: it runs to a space, an angle bracket or full-width punctuation; commas and + may be inside it.",
    examples=("中央社，〈標題〉，https://www.cna.com.tw/news/a,b+c.aspx。", "Mayo Clinic, 2016, <www.mayoclinic.org/x>.",
              "“Title,” accessed May 1, 2020, http://example.org/a?b=1."),
    counterexamples=("臺北：聯經，1997，頁5。", "Harvard University Press, 1960", "http:/broken"),
    requires=("http", "www."),
)
_URL_TRAILING = ".,;:"
REPORT_DESIGNATION = rule(
    "report_designation_en",
    rf"^{alternation(CONGRESSIONAL_REPORT_MARKS_EN)}\s*No\.\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?$",
    "A title that is a congressional report's designation ('H.R. Rep. No. 114-358'): the work is a report, its "
    "designation its title, never an author.",
    examples=("H.R. Rep. No. 114-358", "S. Rep. No. 95-797", "H.R. Doc. No. 108-222"),
    counterexamples=("H.R. 1234", "Report No. 5", "H.R. Rep. No. 114-358, 2015"),
    requires=("Rep.", "Doc.", "Prt."),
)


def run_steps(steps: Sequence[Step], s: str, out: Parsed) -> str:
    """Each step takes its field from what the steps before it left."""
    for step in steps:
        s = step(s, out)
    return s


def take_url(s: str) -> tuple[str | None, str]:
    """(url, text without it): a trailing stop or an unbalanced closing parenthesis is not part of it."""
    m = URL.find(s)
    if not m:
        return None, s
    url = m.group(1)
    while url and (url[-1] in _URL_TRAILING or url[-1] == ")" and url.count("(") < url.count(")")):
        url = url[:-1]
    end = m.start(1) + len(url)
    if m.group(0).endswith(">"):
        end = m.end()
    return url, s[: m.start()] + s[end:]


def take_url_field(s: str, out: Parsed) -> str:
    """The URL into the CSL item; the text without it (still to be trimmed by the style)."""
    url, s = take_url(s)
    if url:
        out.csl["URL"] = url
    return s


def without(s: str, m, strip: str | None = None) -> str:
    """The text without a match: what came before it trimmed, what followed (if any) joined by a comma."""
    before = s[: m.start()].rstrip(strip)
    return before + ("，" + s[m.end():].lstrip("，, ") if m.end() < len(s) else "")


def take_pages(s: str, out: Parsed, m, strip: str | None = None) -> str:
    """The pages cited (the match's one filled group) as the locator; the text without them."""
    if not m:
        return s
    out.locator = normalize_pages(next(g for g in m.groups() if g))
    return without(s, m, strip)


def set_issued(out: Parsed, parts: list[int]) -> None:
    out.csl["issued"] = {"date-parts": [parts]}


def take_year(s: str, out: Parsed, m) -> str:
    """A year (group y) that ends the text, unless a date was taken already; the text before it."""
    if not m or "issued" in out.csl:
        return s
    set_issued(out, [int(m["y"])])
    return s[: m.start()]


def set_people(out: Parsed, role: str, names: Iterable[str]) -> None:
    """Names, each as a CSL name, under their role (author, editor, translator)."""
    out.csl[role] = [csl_name(n) for n in names]


def take_people(out: Parsed, role: str, text: str) -> None:
    """'A, B and C' / '甲、乙' under their role."""
    set_people(out, role, split_people(text))


def set_volume_issue(out: Parsed, volume: str | None, issue: str | None) -> None:
    """Volume and issue as found (None: not found), in that order."""
    if volume:
        out.csl["volume"] = volume
    if issue:
        out.csl["issue"] = issue


def set_publication(out: Parsed, place: str | None, publisher: str | None) -> None:
    """A publication block's place (if named) and publisher, in that order."""
    if place:
        out.csl["publisher-place"] = place
    if publisher:
        out.csl["publisher"] = publisher
