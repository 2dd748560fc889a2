"""Split a note's text into the sources it cites, and tell citations from commentary."""
from __future__ import annotations

from dataclasses import dataclass

import regex as re

from ..lexicon import (ABBREVIATIONS, CHAPTER_LEAD_ZH, DOCUMENT_TITLE_WORDS_EN, SIGNAL_EN, SIGNAL_ZH, IBID_TERMS_EN, IBID_TERMS_ZH,
                       NAME_JOINERS_EN, NUMBERED_PART_ABBREVIATIONS, ORDINAL_WORDS_DE, PARENTHETICAL_SOURCE_WORDS_EN,
                       PREVIOUS_NOTE_TERMS_ZH, ROLE_AUTHOR_ZH, ROLE_EDITOR_ZH, ROLE_TRANSLATOR_ZH,
                       PAGE_LEADS_ZH, RELATIVE_OPENERS_EN, SIGNAL_PREFIXES_ZH, SIGNAL_TOPIC_NOUNS_ZH,
                       SIGNAL_AFTER_JA, SIGNAL_JA, SOURCE_JOINERS_ZH, SOURCE_LABELS_ZH, SOURCE_SIGNALS_ZH,
                       TITLE_OPENING_WORDS_EN, alternation)
from ..patterns import compile_fast
from ..rules import rule

from ..model import Form
from .forms import SHORT_FORM_ANYWHERE, same_as_note, short_form_of, without_alias
from .authordate import AUTHOR_DATE, AUTHOR_DATE_NARRATIVE, author_date_references, without_author_date
from ..shapes import GBT_TYPE_MARK, ZH_COURT_DECISION
from .gbt import inside_title, new_entry_follows
from ..likeness import URL_ALONE, citation_score, has_year, looks_like_citation

_GLUED_START = compile_fast(r"\p{Han}|[〈《「（(“]")
_SENTENCE_START = compile_fast(r"[A-Z\p{Han}〈《「（(“\"'‘]")
PAGES_LEAD = rule(
    "pages_lead",
    r"\s*(?:pp?\.|頁|页|第)",
    "Pages that open a piece ('Ibid.' + ' pp.29-35.'): the locator of the short form cut off before it.",
    examples=(" pp.29-35.", "頁12。", " 第5页。", "p. 3"),
    counterexamples=(" See also Smith.", "29-35.", "另見《書》"),
    requires=("p.", "頁", "页", "第"),
    anchored=True,
)

# Abbreviations whose full stop does not end a citation or sentence.
ABBREVIATION_BEFORE_STOP = rule(  # searched in a few characters before each stop: no whole-text prefilter
    "abbreviation_before_stop",
    rf"(?r)(?:(?<![A-Za-z])[A-Z]|\b{alternation(ABBREVIATIONS)})\.$",
    "An initial or an abbreviation ('ed.', 'Vol.', 'trans.') before a full stop: the stop ends no sentence.",
    examples=("Thomas C.", "載W.", "Smith, ed.", "Oxford Univ.", "Handbook, Vol."),
    counterexamples=("Theory of Politics.", "頁12.", "He left."),
)
_OPEN = "（(〈《「『“‘[【<＜"
_CLOSE = "）)〉》」』”’]】>＞"
_BOUNDARY_OR_BRACKET = compile_fast("[；;。.（(〈《「『“‘\\[【<＜）)〉》」』”’\\]】>＞]")
PAGE_END = rule(
    "page_end",
    r"(?r)(?:(?:pp?\.|頁|页|第|at)\s*|(?<=[版期》年日][，,])\s*|(?<=[0-9)）][:：])\s*|(?<=[0-9]{4}[)）][，,])\s*)"
    r"[0-9０-９]+[a-z]?(?:\s*[-–~～、,]\s*[0-9]+)*\s*(?:頁|页)?\s*$",
    "A citation that ends in its pages: …頁5 / pp. 5-7 / mainland …2007年版，44 / …2008年，274 / GB/T …, 2007: 194 / "
    "Chicago …(1997): 26–30 / Chicago book …(Place: Publisher, 1999), 391.",
    examples=("王振寰，《資本》（臺北：唐山，1993），頁5", "Title (Oxford, 1990), pp. 5-7", "《书》，人民出版社2007年版，44",
              "费孝通. 乡土中国[M]. 北京: 三联书店, 1985: 194", "410 U.S. 113, at 153", "載《心理學報》2008年，274",
              "“Title,” Foreign Affairs 76, no. 2 (1997): 26–30", "杜威, “篇名,” in 書名, ed. 王寧 (北京: 出版社, 1999), 391"),
    counterexamples=("王振寰，《資本》（臺北：唐山，1993）", "Harvard University Press, 1960", "《國防雜誌》，第13卷"),
    flags=re.I,
)
PROSE_YEAR_ZH = rule(
    "prose_year_zh",
    r"[0-9]{4}年",
    "A year opening Chinese prose after a stop ('p.469.2009年歐巴馬…'): a note's prose glued to its citation.",
    examples=("2009年歐巴馬訪問中國", "1996年以來"),
    counterexamples=("469.", "95年", "2009 年"),
    requires=("年",),
    anchored=True,
)
PUBLISHER_GOES_ON = rule(
    "publisher_goes_on",
    r"\s*[A-Z][\w.&'’\-]*(?:\s+[A-Z&][\w.&'’\-]*){0,5},\s*(?:1[5-9]|20)[0-9]{2}\b",
    "A second publisher and the year after a semicolon ('Association; De Gruyter Mouton, 2017'): one citation.",
    examples=(" De Gruyter Mouton, 2017, p.207.", " Routledge, 2005.", "Oxford University Press, 1990"),
    counterexamples=(" see also Smith, 2005.", " Smith, Theory, 2005.", " Routledge, 20050"),
    requires=(",",),
    anchored=True,
)
_ROLES_ZH = ROLE_AUTHOR_ZH + ROLE_EDITOR_ZH + ROLE_TRANSLATOR_ZH
ROLE_AFTER_STOP_ZH = rule(
    "role_after_stop_zh",
    rf"\s*{alternation(_ROLES_ZH)}\s*[，,、]",
    "A role word after a stray full stop ('杭亭頓. 著，《書》'): the stop does not end the citation.",
    examples=(" 著，《文明衝突》", "主編，《論文集》", " 譯、", "編著,"),
    counterexamples=("《書》", " 著作權法", "譯者"),
    requires=tuple(sorted({word[-1] for word in _ROLES_ZH})),  # every role word holds its last character
    anchored=True,
)
QUOTATION_THEN_AUTHOR = rule(
    "quotation_then_author",
    rf"[”\"」]\s*[,，]?\s+(?P<name>(?!{alternation(TITLE_OPENING_WORDS_EN)}\s)(?:[A-Z][\w.'’\-]*\s+){{1,3}}[A-Z][\w'’\-]+),\s",
    "A quotation in commentary, then the author it is from and the citation: the citation starts at the name (a name "
    "never opens with 'The': '“Readout …,” The White House, …' is a titled web page).",
    examples=("As Waltz puts it, “in anarchy, security is the highest end,” Kenneth N. Waltz, Theory of International "
              "Politics (Reading, MA: Addison-Wesley, 1979), 126.",),
    counterexamples=("Kenneth N. Waltz, Theory of International Politics, 126.",
                     "“Readout of the Meeting,” The White House, November 15, 2023, https://www.whitehouse.gov/x/."),
    requires=("”", '"', "」"),
)
AUTHOR_FIRST = rule(
    "author_first_en",
    rf"^(?:[A-Z][\w.'’\-]*\s+){{0,3}}[A-Z][\w'’\-]+(?:\s+{alternation(NAME_JOINERS_EN)}\s+[A-Z][\w.'’\- ]+)?,\s",
    "A piece that opens with an author's name and a comma: a quotation inside it is the title, not commentary.",
    examples=("Kenneth N. Waltz, “Structural Realism,” 5.", "Keohane and Joseph S. Nye, Power", "Waltz, Theory, 102."),
    counterexamples=("As Waltz puts it, “anarchy,” Kenneth N. Waltz, Theory", "the talks, 5", "王振寰，《書》"),
    requires=(",",),
    anchored=True,
)
_HAN_START = compile_fast(r"\p{Han}")
_HAN = _HAN_START
NUMBERED_PART = rule(
    "numbered_part_before_stop",
    rf"\b{alternation(NUMBERED_PART_ABBREVIATIONS)}\.\s*[0-9]+$",
    "A numbered part of a work ('Vol. 4') before a full stop: the stop does not end the citation.",
    examples=("Handbook of Child Psychology: Vol. 4", "Collected Works, pt. 2"),
    counterexamples=("Handbook, 2004", "Volume 4"),
)
CHAPTER_LEAD_NEXT_ZH = rule(
    "chapter_lead_next_zh",
    rf"\s*{alternation(CHAPTER_LEAD_ZH)}",
    "A chapter's lead word after a semicolon ('〈篇〉；收錄於《書》'): the clause goes on with the same citation.",
    examples=("收錄於王強主編，《論文集》", " 載《中國社會科學》", "收于《文集》"),
    counterexamples=("另見《書》", "王振寰，《書》"),
    requires=tuple(sorted({word[0] for word in CHAPTER_LEAD_ZH})),  # every lead word holds its first character
    anchored=True,
)
SIGNAL_NEXT = rule(  # matched at one position; the signal words' first letters are in nearly every note: no prefilter
    "signal_next",
    rf"\s*(?:{alternation(SIGNAL_ZH)}|{alternation(SIGNAL_EN)}\s)",
    "A signal word after a full stop ('Ibid. See also X'): a second source begins.",
    examples=(" See also Smith, Theory, 5.", " 另見《書》", "cf. Jones", " 參閱王振寰，前引書"),
    counterexamples=(" Seeley, Theory", " Oxford", "pp. 5"),
    anchored=True,
)


ORDINAL_THEN_WORD_DE = rule(
    "ordinal_then_word_de",
    rf"\s*{alternation(ORDINAL_WORDS_DE)}",
    "After a German ordinal's stop ('6. Aufl.', '2. Bd.') the citation goes on.",
    examples=(" Aufl., Berlin: Springer, 1991", " Bd., S. 12"),
    counterexamples=(" Berlin: Springer", " See also"),
    anchored=True,
)


DATED_DOCUMENT_TITLE = rule(
    "dated_document_title",
    rf"^[“\"]?(?:\p{{Lu}}[\p{{L}}'’\-]*(?:\s+[\p{{L}}'’\-]+){{0,14}}?\s+)?(?i:{alternation(DOCUMENT_TITLE_WORDS_EN)})\b"
    rf"[^,;:“”\"0-9]{{0,80}}(?:,[”\"]|[”\"]?,)\s*(?:1[5-9]|20)[0-9]{{2}}\.?$",
    "A treaty or act named by its title and year and nothing else, in any case: 'United nations convention on the "
    "rights of the child, 1989.'",
    examples=("United nations convention on the rights of the child, 1989.", "Treaty of Amity and Cooperation, 1976.",
              "“Helsinki Final Act,” 1975."),
    counterexamples=("United nations convention on the rights of the child, p. 315.", "Both sides signed the treaty.",
                     "The treaty, signed in 1976, still binds them.", "Smith, Treaty Politics, 1976, 25."),
    requires=tuple(w.lower() for w in DOCUMENT_TITLE_WORDS_EN) + DOCUMENT_TITLE_WORDS_EN,
)


@dataclass
class Segment:
    raw: str
    is_citation: bool
    form: str = "full"


def split_note(text: str) -> list[Segment]:
    """Segments of the note in order; citation segments keep their exact raw substring."""
    pieces = [part for piece in _pieces(text) for quoted in _after_quoted_sentence(piece)
              for part in _at_script_switches(quoted)]
    segments: list[Segment] = []
    for piece in pieces:
        cut = _prose_before_citation(piece)
        if cut:
            segments.append(Segment(piece[:cut], False))
            piece = piece[cut:]
        if segments and segments[-1].is_citation and URL_ALONE.find(piece.strip()):
            segments[-1].raw += piece  # the URL of the citation before it, never an entry of its own
            continue
        form = short_form_of(piece) or (Form.CROSS_REF if same_as_note(piece) else None)
        if form:
            segments.append(Segment(piece, True, form))
        elif _cites(without_alias(piece)) or DATED_DOCUMENT_TITLE.find(piece.strip()):
            clause = COMMENT_AFTER_PAGES.find(piece) or SIGNAL_AFTER_CITATION_JA.find(piece)
            segments.append(Segment(piece[: clause.start()] if clause else piece, True))
            if clause:
                segments.append(Segment(piece[clause.start():], False))
        elif segments and _continues(segments[-1], piece):
            segments[-1].raw += piece  # a title's own full stop split it
        else:
            segments.append(Segment(piece, False))
    return [s for s in (_trim(seg) for seg in _with_author_date(_separate_sources(segments))) if s.raw]


PARENTHETICAL_SOURCE = rule(
    "parenthetical_source",
    rf"\s*\((?:{alternation(PARENTHETICAL_SOURCE_WORDS_EN)})\s+(?P<inner>.+)\)\s*[.;]?\s*$",
    "A source quoted or cited in a citation's parenthetical is a citation of its own: '… (1981) (quoting Youngstown, "
    "343 U.S. at 637)'.",
    examples=("Dames & Moore v. Regan, 453 U.S. 654, 668-69 (1981) (quoting Youngstown, 343 U.S. at 637 (Jackson, J., "
              "concurring)).",),
    counterexamples=("Dames & Moore v. Regan, 453 U.S. 654 (1981) (upholding the agreements).",),
    requires=PARENTHETICAL_SOURCE_WORDS_EN,
)


def _separate_sources(segments: list[Segment]) -> list[Segment]:
    """Two sources that one piece holds become two citations: a source in a '(quoting …)' parenthetical, and court
    decisions listed with 、 ('最高行政法院104年度判字第120號判決、臺北高等行政法院103年度訴字第1529號判決參照')."""
    out: list[Segment] = []
    for seg in segments:
        inner = PARENTHETICAL_SOURCE.find(seg.raw) if seg.is_citation and seg.form == Form.FULL else None
        if inner:
            rest = inner["inner"]
            out += [Segment(seg.raw[: inner.start()], True),
                    Segment(rest, True, short_form_of(rest) or Form.FULL)]
            continue
        out += _listed_decisions(seg) if seg.is_citation and seg.form == Form.FULL else [seg]
    return out


def _listed_decisions(seg: Segment) -> list[Segment]:
    cuts = [m.start() for m in ZH_COURT_DECISION.finditer(seg.raw)][1:]
    cuts = [c for c in cuts if seg.raw[c:c + 1] == "、"]
    if not cuts:
        return [seg]
    bounds = [0] + cuts + [len(seg.raw)]
    return [Segment(seg.raw[a:b].lstrip("、"), True) for a, b in zip(bounds, bounds[1:])]


def _cites(piece: str) -> bool:
    """A piece that reads as a citation and is not prose holding an author–date reference."""
    return looks_like_citation(piece) and not _prose_with_author_date(piece)


COMMENT_AFTER_PAGES = rule(
    "split_comment_after_pages",
    rf"(?<=[0-9)])\s*,\s+{alternation(RELATIVE_OPENERS_EN)}\s+[a-z][^()]{{10,}}$",
    "A clause of commentary after a citation's pages or date: '…, pp. 171-201, who argues that the dilemma …'.",
    examples=("World Politics 50, no. 1 (1997): 171-201, who argues that the dilemma is less severe.",
              "(Princeton: Princeton University Press, 2005), which shows how costly signals reassure."),
    counterexamples=("Charles L. Glaser, Who Argues? (1997), 5.", "pp. 5-6, which"),
    requires=RELATIVE_OPENERS_EN,
)


SIGNAL_AFTER_CITATION_JA = rule(
    "split_signal_after_citation_ja",
    rf"(?<=[頁页0-9）)』」])\s*{alternation(SIGNAL_AFTER_JA)}\s*[。.]?\s*$",
    "Japanese puts the signal verb after the citation: '…（有斐閣、1999年）、250-260頁を参照。' — it is no part of it.",
    examples=("五百旗頭真編『戦後日本外交史』（有斐閣、1999年）、250-260頁を参照。", "『日中関係』（岩波書店、2006年）参照"),
    counterexamples=("『参照系の理論』（有斐閣、1999年）、5頁。",),
    requires=("参照",),
)


QUOTED_SENTENCE_END = rule(
    "split_quoted_sentence_end",
    r"(?<=[.?!][”\"])\s+(?=[A-Z])",
    "A quotation that ends a sentence of commentary ('… would not send them.” Kydd, Trust and Mistrust, p. 187.'): "
    "the stop inside the closing quote ends the sentence.",
    examples=("signals be “costly enough that a liar would not send them.” Kydd, Trust, p. 187.",),
    counterexamples=("Smith, “Title,” Journal 5 (2001): 3.", "“Trust.”Kydd"),
    requires=("”", '"'),
)


def _after_quoted_sentence(piece: str) -> list[str]:
    """Commentary ending in a quotation, then a citation: two pieces, when what follows is a source by itself and
    what precedes it is no citation ('Jervis, “Title.” World Politics 30' stays whole)."""
    if not QUOTED_SENTENCE_END.may_match(piece):
        return [piece]
    for m in QUOTED_SENTENCE_END.finditer(piece):
        head, rest = piece[: m.start()], piece[m.end():]
        if _commentary(head) and (short_form_of(rest) or looks_like_citation(rest)):
            return [head + piece[m.start():m.end()], rest]
    return [piece]


def _commentary(text: str) -> bool:
    """A sentence of prose (a few words before the quotation, no sign of a citation), not a quoted title alone."""
    words = text.split("“")[0].split('"')[0].split()
    return len(words) >= _PROSE_WORDS and citation_score(text) == 0


_PROSE_WORDS = 4  # words before a quotation that make it a sentence of commentary


SCRIPT_SWITCH = rule(
    "split_script_switch",
    r"(?<=\p{Han}{8}[，,])(?=[A-Z])|(?<=[A-Za-z0-9.)”\"])，(?=\p{Han})",
    "A full-width comma where Chinese prose turns into an English citation or back "
    "('……展示決心而非發動戰爭，Ibid., pp. 92-95' / '…, pp. 180-185，惟其分析對象並非東亞').",
    examples=("Glaser的論點亦可支持此一看法，Glaser, “Title,” pp. 180-185", "Jervis, Perception, p. 100，以及同註13"),
    counterexamples=("林正義，Taiwan’s Security (Taipei, 1999)", "同註17，p. 45.", "Lowell Dittmer所提出，其將"),
    requires=("，", ","),
)


def _at_script_switches(piece: str) -> list[str]:
    """A Chinese sentence that cites an English source in its middle: the source becomes a piece of its own when it is
    a citation by itself and the Chinese around it is prose (no page after it: '…, 1996)，頁5' stays whole)."""
    if not SCRIPT_SWITCH.may_match(piece) or not _HAN.search(piece):
        return [piece]
    cuts = [m.start() for m in SCRIPT_SWITCH.finditer(piece)]  # the comma goes with the Chinese after it
    parts = [piece[a:b] for a, b in zip([0] + cuts, cuts + [len(piece)])]
    if len(parts) < 2 or not any(_latin_source(p) for p in parts):
        return [piece]
    out: list[str] = []
    for part in parts:
        if out and not _latin_source(part) and not _latin_source(out[-1]) or out and not _prose_after(part):
            out[-1] += part  # the Chinese goes on, or it holds the page of the source before it
        else:
            out.append(part)
    return _joined_sources(out) if len(out) > 1 else [piece]


def _latin_source(part: str) -> bool:
    """An English source, perhaps after the commentary and signal word that lead into it ('可參考Jervis, …')."""
    p = part.strip()
    p = p[_prose_before_citation(p):].strip().rstrip("，,；;。")
    return bool(p[:1].isascii() and p[:1].isalpha() and (short_form_of(p) or looks_like_citation(p)))


def _prose_after(part: str) -> bool:
    """Chinese after a source that is no part of it: prose, or a second source joined on ('以及同註13')."""
    p = part.strip().lstrip("，")
    if not _HAN.match(p) or p.startswith(PAGE_LEADS_ZH):
        return True if not _HAN.match(p) else False
    return citation_score(p) == 0 or bool(JOINED_SOURCE.find(p))


JOINED_SOURCE = rule(
    "split_joined_source",
    rf"^{alternation(SOURCE_JOINERS_ZH)}(?=\S)",
    "A second source joined on to the first with 以及/及/與: the joiner is prose, the rest a source.",
    examples=("以及同註13，頁110。", "及吳玉山，前引書，頁3。"),
    counterexamples=("國防部，《報告》", "所以及早因應"),
    requires=SOURCE_JOINERS_ZH,
    anchored=True,
)


def _joined_sources(parts: list[str]) -> list[str]:
    """'以及同註13，頁110' → '以及' + '同註13，頁110' when what follows the joiner is a source."""
    out: list[str] = []
    for part in parts:
        m = JOINED_SOURCE.find(part.strip().lstrip("，"))
        rest = part.strip().lstrip("，")[m.end():] if m else ""
        if m and (short_form_of(rest) or looks_like_citation(rest)):
            at = part.index(m.group(0)) + len(m.group(0))
            out += [part[:at], part[at:]]
        else:
            out.append(part)
    return out


def _prose_before_citation(piece: str) -> int:
    """Where a citation starts after commentary in the same sentence: after a signal word ('……。詳見 Author, …'), or
    after a quotation that an author's name follows ('As Waltz puts it, “…,” Kenneth N. Waltz, Theory …')."""
    lead = PROSE_LEAD.find(piece.strip()) if _MAY_LEAD.search(piece, 0, 140) else None
    rest = piece.strip()[lead.end():] if lead else ""
    if lead and (looks_like_citation(rest) or short_form_of(rest)):  # '參見汪波，前引文。
        return piece.index(lead.group(0)) + len(lead.group(0))
    quoted = QUOTATION_THEN_AUTHOR.find(piece) if not AUTHOR_FIRST.find(piece.strip()) else None
    if quoted and looks_like_citation(piece[quoted.start("name"):]):
        return quoted.start("name")
    return 0


def _with_author_date(segments: list[Segment]) -> list[Segment]:
    """Prose keeps its text; each author–date reference in it also becomes a short citation."""
    out: list[Segment] = []
    for seg in segments:
        out.append(seg)
        if not seg.is_citation:
            out.extend(Segment(raw, True, Form.SHORT) for raw in author_date_references(seg.raw))
    return out


def _trim(seg: Segment) -> Segment:
    return Segment(seg.raw.strip(), seg.is_citation, seg.form)


def _prose_with_author_date(piece: str) -> bool:
    """'權力無所不在(Foucault, 1977, p. 27)。': without its reference the sentence shows no sign of a citation
    ('…, ed. 金子宏 (有斐閣, 2014), 19.' does: a publisher and year, not an author–date reference)."""
    return AUTHOR_DATE.may_match(piece) and (AUTHOR_DATE.find(piece) or AUTHOR_DATE_NARRATIVE.find(piece)) is not None \
        and citation_score(without_author_date(piece)) == 0


def _continues(last: Segment, piece: str) -> bool:
    """Whether a piece that is no citation by itself goes on with the citation before it. A short form ends with its
    term and page; Chinese text does not go on with a citation written in Latin script."""
    if not last.is_citation or last.form != Form.FULL or _ends_citation(last.raw):
        return False
    if _HAN_START.match(piece.lstrip()) and not _HAN.search(last.raw):
        return False  # '…(1997): 27.其次,…': PDF text glued the next paragraph on
    if MARKED_TITLE_ALONE.find(piece.strip()):
        return False  # '…，版4；《清德宗實錄》。': a work named again by its title, not more of the citation
    return not _looks_prose(piece)


MARKED_TITLE_ALONE = rule(
    "marked_title_alone",
    r"^[《〈][^《》〈〉]{1,60}[》〉](?:\s*[，,]\s*(?:頁|页|第)?\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?\s*[頁页]?)?\s*[。.]?$",
    "A sentence that is only a marked title, perhaps with a page ('《清德宗實錄》。', '〈論文〉，頁5。'): a source of its own.",
    examples=("《清德宗實錄》。", "〈西黃丸〉，頁5。", "《舊唐書》，第12頁"),
    counterexamples=("《清德宗實錄》卷三。", "收錄於《論文集》", "《書》（臺北：三民，1999）"),
    requires=("《", "〈"),
    anchored=True,
)


def _looks_prose(piece: str) -> bool:
    return len(piece) > 60 and not has_year(piece)


_MAY_LEAD = compile_fast("|".join(sorted({w[0] for w in SIGNAL_ZH + SOURCE_LABELS_ZH + SIGNAL_JA}) + sorted({w.split()[0].rstrip(".,") for w in SIGNAL_EN})))
# commentary, then a signal word, then the citation: '……之能力。詳見 Thomas C. Schelling, …'
# (the signal word opens the note or follows punctuation: 參考 inside a title is no signal)
PROSE_LEAD = rule(  # its prefilter is _MAY_LEAD, searched in a piece's first 140 characters only
    "prose_lead",
    rf"^(?:.{{0,40}}?[。，；：;:,.!?！？\s）)」』])?{alternation(SIGNAL_ZH)}\s*[:：，,]?\s*"
    # a few words run on to a signal with no pause: 相關討論見 / 另可參見 / 進一步討論請參閱 / 資料來源：
    rf"|^(?:.{{0,60}}?[。，；：;:,!?！？）)」』])?\p{{Han}}{{0,10}}?(?:{alternation(SIGNAL_PREFIXES_ZH)}{alternation(SOURCE_SIGNALS_ZH)}"
    rf"|{alternation(SIGNAL_TOPIC_NOUNS_ZH)}[見见])\s*[:：，,]?\s*"
    rf"|^{alternation(SOURCE_LABELS_ZH)}\s*[:：]\s*"
    rf"|^(?:.{{0,40}}?[。、，])?{alternation(SIGNAL_JA)}\s*[、，,]?\s*"
    rf"|^(?:.{{0,120}}?[,，;；:：]\s*)?{alternation(SIGNAL_EN)}\s+",
    "Commentary, then a signal word that leads into the citation: '……之能力。詳見 Thomas C. Schelling, …', "
    "'On the logic of commitment, see Thomas C. Schelling, …'.",
    examples=("……之能力。詳見 Thomas C. Schelling, The Strategy of Conflict", "參見汪波，前引文。", "See also Smith, Theory, 5.",
              "相關討論見Robert Jervis, Perception", "進一步討論請參閱王振寰，《書》", "資料來源：行政院主計總處，〈表〉",
              "相關論述另可參見翁明賢，〈章〉", "一般可區分為四類，相關分類參見Michael Krepon, ed., A Handbook",
              "詳しくは、五百旗頭真編『戦後日本外交史』",
              "有關此點，請參閱王振寰，《書》", "For a useful overview, see Charles L. Glaser, “Title,” 5.",
              "德國聯邦憲法法院亦有類似見解，vgl. BVerfGE 7, 198 (208)."),
    counterexamples=("Seeley, Theory, 5.", "王振寰，《參考書目》", "關於參考文獻的討論", "由此可見兩岸互信之不易"),
    anchored=True,
)


def _ends_citation(raw: str) -> bool:
    s = raw.rstrip().rstrip("。.;；")
    return bool(PAGE_END.find(s) or URL_END.find(s))


URL_END = rule(
    "url_end",
    r"(?:https?://|www\.)\S+$",
    "A citation that ends in its URL ('…, 2012), http://….'): what follows the stop is not part of it.",
    examples=("楊, “論” (博士學位論文, 出版社, 2012), http://example.org/a?b=1", "Title, www.example.org/x"),
    counterexamples=("Title, https://example.org/a and more", "Title, 2012"),
    requires=("http", "www."),
)


def _pieces(text: str) -> list[str]:
    """Cut after sentence ends and top-level semicolons; brackets and quotes are never cut."""
    pieces: list[str] = []
    gbt = bool(GBT_TYPE_MARK.find(text))  # GB/T 7714 uses "." between elements
    depth = 0
    start = 0
    for m in _BOUNDARY_OR_BRACKET.finditer(text):  # only these characters can change anything
        i, ch = m.start(), m.group()
        if i < start:
            continue  # closing marks already taken into the previous piece
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        cut = None
        if ch in "；;" and depth == 0 and not CHAPTER_LEAD_NEXT_ZH.find(text, i + 1) and not PUBLISHER_GOES_ON.find(text, i + 1) and not (gbt and ch == "；" and inside_title(text, i)):
            cut = i + 1
        elif ch == "。" and (depth == 0 or _closes_all(text, i)):
            cut = i + 1
            while cut < len(text) and text[cut] in "」』）)”":
                cut += 1
        elif ch == "." and depth == 0 and ((_gbt_stop(text, start, i) if gbt else _sentence_stop(text, start, i))
                                           or SIGNAL_NEXT.find(text, i + 1)):
            cut = i + 1
        if cut is not None:
            pieces.append(text[start:cut])
            start = cut
    if start < len(text):
        pieces.append(text[start:])
    return _rejoin_lead_ins(pieces)


def _closes_all(text: str, i: int) -> bool:
    # "。」" ends a quoted sentence inside commentary
    return i + 1 < len(text) and text[i + 1] in "」』"


def _gbt_stop(text: str, start: int, i: int) -> bool:
    """GB/T 7714 puts "." between an entry's elements: cut only after a whole entry or a short form."""
    after = text[i + 1:i + 2]
    if after in (" ", "\u3000"):
        return _short_form_alone(text[start:i + 1]) or new_entry_follows(text, i) or _gbt_entry_ends(text, start, i)
    return bool(_HAN_START.match(after)) and text[i - 1:i].isdigit() and not GBT_TYPE_MARK.find(text, i)  # '…: 200-202.例如'


GBT_ENTRY_COMPLETE = rule(
    "split_gbt_entry_complete",
    r"(?:(?<![卷冊册第期]\s?)(?:1[5-9]|20)[0-9]{2}|[0-9)）]\s*[:：]\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?|https?://\S+)\.$",
    "A GB/T 7714 entry ends with its year, its pages or its URL: a stop after them ends the entry, whatever follows.",
    examples=("北京: 未名出版社, 2008: 94-98.", "中國出版, 1998(5): 38-39.", "上海: 北新書局, 1948.",
              "(2009). https://example.org/a.pdf."),
    counterexamples=("馬克思恩格斯全集: 卷 35.", "國發〔2018〕22號[A/OL]."),
)


def _gbt_entry_ends(text: str, start: int, i: int) -> bool:
    """'…, 2008: 94-98. 然而,…' / '…, 28: 244. 同15: 239-242.' / '…[A/OL]. (2009). https://….pdf. 李四. …':
    commentary, a short form or another entry after a whole entry."""
    return bool(GBT_TYPE_MARK.find(text, start, i) and GBT_ENTRY_COMPLETE.find(text, max(start, i - 200), i + 1))


SHORT_FORM_ALONE = rule(
    "short_form_alone",
    rf"^{alternation(IBID_TERMS_EN)}\.?(?:,?\s*(?:pp?\.|at)?\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?)?\.$"
    rf"|^{alternation(IBID_TERMS_ZH + PREVIOUS_NOTE_TERMS_ZH)}\s*(?:[，,]?\s*(?:頁|页)?\s*[0-9]+(?:\s*[-–]\s*[0-9]+)?)?\.$",
    "A previous-note term and its page, ending a sentence that another follows ('Ibid. See also …').",
    examples=("Ibid.", "Ibid., 34.", "同上.", "同上28.", "同上注，255."),
    counterexamples=("同前注，D.", "Ibid. See", "Id. at 5, citing Smith."),
    requires=("I", "同"),
)


def _short_form_alone(piece: str) -> bool:
    p = piece.strip()
    return len(p) < 30 and bool(SHORT_FORM_ALONE.find(p) or same_as_note(p))


def _sentence_stop(text: str, start: int, i: int) -> bool:
    after = text[i + 1:i + 3]
    if _short_form_alone(text[start:i + 1]) and (after[:1] == " " and _SENTENCE_START.match(after[1:]) or
                                                  _HAN_START.match(after)):
        return True  # 'Ibid. See also …' / 'Ibid.例如,…' (a paragraph glued on)
    if ABBREVIATION_BEFORE_STOP.find(text, max(start, i - 12), i + 1):  # abbreviations are short: look just before the stop
        return False
    if NUMBERED_PART.find(text, max(start, i - 14), i):  # 'Handbook …: Vol. 4. Socialization'
        return False
    if ROLE_AFTER_STOP_ZH.find(text, i + 1):  # '杭亭頓. 著，《書》': a stray stop before the role word
        return False
    if text[i - 1:i].isdigit() and ORDINAL_THEN_WORD_DE.find(text, i + 1):  # '…, 6. Aufl., Berlin'
        return False
    if after[:1].isdigit():
        return bool(PROSE_YEAR_ZH.find(text, i + 1))
    if after[:1] in ",，:;)）-–":
        return False
    nxt = after.lstrip()[:1]
    if not nxt:
        return True
    if after[:1] not in (" ", "\u3000") and not _GLUED_START.match(nxt):
        return False
    return bool(_SENTENCE_START.match(nxt))


def _rejoin_lead_ins(pieces: list[str]) -> list[str]:
    """A lone short form cut off from its own pages ("Ibid." + " pp.29-35.") stays one piece."""
    out: list[str] = []
    for piece in pieces:
        if out and SHORT_FORM_ANYWHERE.compiled.fullmatch(out[-1].strip()) and PAGES_LEAD.find(piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out
