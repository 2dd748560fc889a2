"""Markdown: Pandoc/CommonMark footnotes ([^1], [^label], inline ^[…]) via markdown-it-py."""
from __future__ import annotations

from functools import lru_cache

from ..rules import rule

from ..model import Note, SourceText
from ..lines import join_lines

FOOTNOTE_REF = rule(
    "markdown_footnote_ref",
    r"\[\^([^\]\s\[]+)\]",  # a label holds no "[": "[^[^[^…" is scanned once
    "A Pandoc/CommonMark footnote reference [^label]: one left in the text after parsing has no definition.",
    examples=("as argued.[^1]", "text[^note-3] more", "王澤鑑[^12]。"),
    counterexamples=("[1]", "^[an inline note]", "[^ spaced]"),
    requires=("[^",),
)
# "[^" that no label and "]" follow can start no footnote reference; the parser tries each one to the end
# of the text (100,000 of them took minutes), so they are hidden from it behind a private-use character.
NOT_A_REF = rule(
    "markdown_not_a_footnote_ref",
    r"(?<!\\)\[\^(?![^\]\s\[]+\])",
    "'[^' that starts no footnote reference (no label and ']' follow): hidden from the footnote parser.",
    examples=("a [^ b", "[^[^1]", "unclosed [^note"),
    counterexamples=("[^1]", "\\[^ x", "text"),
    requires=("[^",),
)
_HIDDEN_BRACKET = "\ue000"
# "[^14](6)": a reference followed by text in brackets, which CommonMark would read as a link to "6"
REF_BEFORE_PAREN = rule(
    "markdown_ref_before_paren",
    r"(?<!\\)(\[\^[^\]\s\[]+\])\(",
    "A footnote reference right before '(' ('[^14](6)'), which CommonMark would read as a link.",
    examples=("see[^14](6)", "[^a](p. 5)"),
    counterexamples=("[^14] (6)", "[^14]", "\\[^14](6)"),
    requires=("[^",),
)


def _guard_footnote_refs(text: str) -> str:
    """Hide what would make the footnote parser slow or take a reference for a link."""
    if "[^" not in text:
        return text
    hide = _HIDDEN_BRACKET + "^" if _HIDDEN_BRACKET not in text else r"\[^"
    return REF_BEFORE_PAREN.compiled.sub(r"\1\\(", NOT_A_REF.compiled.sub(hide, text))


@lru_cache(maxsize=1)
def _parser():
    """Building the parser and its rule chains costs more than parsing a short document: build it once."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    return MarkdownIt("commonmark").use(footnote_plugin)


def read_markdown(source: SourceText) -> SourceText:
    env: dict = {}  # per document: footnote definitions live here
    tokens = _parser().parse(_guard_footnote_refs(source.text), env)
    first_line: dict[int, int] = {}
    texts: dict[int, str] = {}
    undefined: list[tuple[str, int]] = []
    current: int | None = None
    block_line = 1
    pieces: list[str] = []
    for token in tokens:
        if token.map:
            block_line = token.map[0] + 1
        if token.type == "footnote_open":
            current, pieces = token.meta["id"], []
        elif token.type == "footnote_close":
            texts[current] = join_lines(pieces)
            current = None
        elif token.type == "inline":
            if current is not None:
                pieces.append(_plain(token.children or []))
            for child in token.children or []:
                if child.type == "footnote_ref":
                    first_line.setdefault(child.meta["id"], block_line)
                elif child.type == "text" and current is None:
                    undefined.extend((m.group(1), block_line) for m in FOOTNOTE_REF.finditer(child.content))
    # inline ^[…] notes keep their text in env, not in the token stream above
    for note_id, entry in (env.get("footnotes", {}).get("list") or {}).items():
        if note_id not in texts and entry.get("tokens") is not None:
            texts[note_id] = _plain(entry["tokens"])
    notes = [Note(number=n + 1, text=texts.get(n) or None, line=line, status="ok" if texts.get(n) else "missing_text")
             for n, line in sorted(first_line.items())]
    next_number = len(notes) + 1
    for label, line in undefined:  # a reference whose definition is missing
        notes.append(Note(number=next_number, text=None, line=line, status="missing_text", occurrences=0))
        source.warnings.append(f"line {line}: footnote [^{label}] has no definition")
        next_number += 1
    source.notes = notes
    return source


def _plain(children) -> str:
    out = []
    for child in children:
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.children:
            out.append(_plain(child.children))
    return join_lines("".join(out).replace(_HIDDEN_BRACKET, "[").split("\n"))
