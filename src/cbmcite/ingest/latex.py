"""LaTeX: \\footnote{…} (nested braces), \\footnotemark/\\footnotetext, numbered in document order."""
from __future__ import annotations

import regex as re

from ..lexicon import LATEX_CITE_COMMANDS, LATEX_TEXT_COMMANDS, alternation
from ..patterns import compile_fast
from ..rules import rule

from ..model import Note, SourceText
from ..lines import is_wide

COMMENT = rule(
    "latex_comment",
    r"(?<!\\)%.*$",
    "A LaTeX comment: from an unescaped % to the end of its line.",
    examples=("Text % a comment", "%!TEX program = xelatex", "\\footnote{Smith, p. 5.}% keep the line"),
    counterexamples=("50\\% of the vote", "no comment here"),
    requires=("%",),
    flags=re.M,
)
NOTE_COMMAND = rule(
    "latex_note_command",
    r"\\(footnotemark|footnotetext|footnote)\b\s*(?:\[(\d+)\])?",
    "A LaTeX note: \\footnote{…}, or \\footnotemark and its \\footnotetext, with an optional [number].",
    examples=("text\\footnote{Smith, p. 5.}", "\\footnotemark[3]", "\\footnotetext{王澤鑑，前引書。}"),
    counterexamples=("\\footnotesize text", "footnote{x}", "\\endnote{x}"),
    requires=("\\footnote",),
)
KEEP_ARGUMENT = rule(
    "latex_text_command",
    rf"\\{alternation(LATEX_TEXT_COMMANDS)}\s*\{{",
    "A LaTeX font or box command (\\emph, \\textit …) whose argument is note text: the command goes, the text stays.",
    examples=("\\emph{The Strategy of Conflict}", "\\textit {Title}", "\\uline{書名}"),
    counterexamples=("\\emphasis{x}", "emph{x}", "\\textcolor{red}{x}"),
    requires=("\\",),
)
URL = rule(
    "latex_url",
    r"\\url\s*\{([^{}]*)\}",
    "\\url{…} in a LaTeX note: the address as written.",
    examples=("available at \\url{https://www.example.org/a_b}", "\\url {http://x.tw}"),
    counterexamples=("https://www.example.org", "\\urlstyle{same}"),
    requires=("\\url",),
)
HREF = rule(
    "latex_href",
    r"\\href\s*\{([^{}]*)\}\s*\{([^{}]*)\}",
    "\\href{address}{text} in a LaTeX note: the text, then the address.",
    examples=("\\href{https://www.example.org}{the report}", "\\href {http://x.tw} {網頁}"),
    counterexamples=("\\href{https://www.example.org}", "\\url{https://www.example.org}"),
    requires=("\\href",),
)
CITE = rule(
    "latex_cite",
    rf"\\{alternation(LATEX_CITE_COMMANDS)}\*?\s*(?:\[([^\]]*)\]\s*)?(?:\[([^\]]*)\]\s*)?\{{([^{{}}]*)\}}",
    "A citation command (natbib, biblatex) with its optional prenote and postnote: \\cite[see][頁12]{key}.",
    examples=("\\cite{wang2009}", "\\cite[頁12]{wang2009}", "\\autocite[see][45]{smith1960, jones1970}", "\\citep*{k}"),
    counterexamples=("\\citation{k}", "cite{k}", "\\cite[頁12]"),
    requires=("cite",),
)
_BRACE_OR_ESCAPE = compile_fast(r"\\.|[{}]", re.S)
_OTHER_COMMAND = compile_fast(r"\\[A-Za-z]+\*?\s*(?:\[[^\]]*\])?")
_SPECIALS = {r"\&": "&", r"\%": "%", r"\$": "$", r"\#": "#", r"\_": "_", r"\{": "{", r"\}": "}", "~": " ",
             r"\\": " ", "\\ ": " ", r"\,": " ", r"\@": "", "``": "“", "''": "”", "---": "—", "--": "–",
             r"\textasciitilde{}": "~", r"\textasciitilde ": "~", r"\textasciicircum{}": "^"}  # after "~": kept as typed


def read_latex(source: SourceText) -> SourceText:
    text = COMMENT.compiled.sub("", source.text)
    closing = _brace_pairs(text)
    notes: list[Note] = []
    counter = 0
    waiting: dict[int, Note] = {}  # \footnotemark without its text yet
    pos = 0
    line, counted = 1, 0  # lines counted up to `counted`: counting from the start each time is quadratic
    while True:
        m = NOTE_COMMAND.compiled.search(text, pos)
        if not m:
            break
        command, explicit = m.group(1), m.group(2)
        line += text.count("\n", counted, m.start())
        counted = m.start()
        if command == "footnotemark":
            counter = int(explicit) if explicit else counter + 1
            note = Note(number=counter, text=None, line=line, status="missing_text", occurrences=0)
            waiting[counter] = note
            notes.append(note)
            pos = m.end()
            continue
        body, end = _braced(text, m.end(), closing)
        if body is None:
            pos = m.end()
            continue
        plain = to_plain(body)
        if command == "footnote":
            counter = int(explicit) if explicit else counter + 1
            notes.append(Note(number=counter, text=plain or None, line=line, status="ok" if plain else "missing_text"))
        else:  # \footnotetext: the text of the current (or given) mark
            number = int(explicit) if explicit else counter
            target = waiting.pop(number, None)
            if target is None:
                notes.append(Note(number=number, text=plain, line=line))
            else:
                target.text, target.status, target.occurrences = plain, "ok", 1
        pos = end
    source.notes = notes
    return source


def _brace_pairs(text: str) -> dict[int, int]:
    """Position of each "{" -> its matching "}", in one pass (escaped braces skipped); unclosed ones have none."""
    pairs: dict[int, int] = {}
    open_at: list[int] = []
    for m in _BRACE_OR_ESCAPE.finditer(text):
        ch = m.group(0)
        if ch == "{":
            open_at.append(m.start())
        elif ch == "}" and open_at:
            pairs[open_at.pop()] = m.start()
    return pairs


def _braced(text: str, start: int, closing: dict[int, int]) -> tuple[str | None, int]:
    """The content of the {…} group at start (spaces allowed before it), nested braces balanced."""
    i = start
    while i < len(text) and text[i] in " \t\n":
        i += 1
    j = closing.get(i)
    if j is None:
        return None, start
    return text[i + 1:j], j + 1


def to_plain(tex: str) -> str:
    """Note text as a reader sees it; \\cite keys stay as \\cite{key} for the parser."""
    s = HREF.compiled.sub(lambda m: f"{m.group(2)} {m.group(1)}", tex)
    s = URL.compiled.sub(lambda m: m.group(1), s)
    cites = []
    s = CITE.compiled.sub(lambda m: cites.append(m.group(0)) or f"\x00{len(cites) - 1}\x00", s)
    s = KEEP_ARGUMENT.compiled.sub("{", s)
    for old, new in _SPECIALS.items():
        s = s.replace(old, new)
    s = _OTHER_COMMAND.sub("", s)
    s = s.replace("{", "").replace("}", "")
    s = re.sub("\x00([0-9]+)\x00", lambda m: _cite_text(cites[int(m.group(1))]), s)
    return _join_source_lines([line for line in s.split("\n") if line.strip()])


def _join_source_lines(lines: list[str]) -> str:
    """TeX reads a line break as a space, except between two CJK characters (xeCJK): '夏新華' + 'et al.' keeps its
    space, '同上239.' + '李眉.' too, where printed lines (lines.join_lines) glue anything next to a CJK character."""
    out = ""
    for line in lines:
        body = line.strip()
        if out and body:
            out += "" if is_wide(out[-1]) and is_wide(body[0]) else " "
        out += body
    return out


def _cite_text(command: str) -> str:
    """\\cite[see][頁12]{key} → "see \\cite{key}, 頁12": the key for the parser, the locator kept as written.
    One optional argument is the locator (postnote), two are prenote and postnote (natbib, biblatex)."""
    first, second, keys = CITE.compiled.match(command).groups()
    pre, post = (first, second) if second is not None else ("", first)
    cite = "\\cite{" + ",".join(k.strip() for k in keys.split(",")) + "}"
    pre, post = to_plain(pre or ""), to_plain(post or "")
    return (pre + " " if pre else "") + cite + (", " + post if post else "")
