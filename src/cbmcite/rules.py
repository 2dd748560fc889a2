"""Named rules: a pattern, its cheap prefilter, a one-line doc, examples and counterexamples.

Every rule registers itself in RULES when its module is imported; tests/test_rules.py runs each
rule over its examples (it must fire) and counterexamples (it must not). A rule whose examples do
not fire is dead and fails the test.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .patterns import TAIL_WINDOW, compile_fast

RULES: dict[str, "Rule"] = {}


@dataclass(eq=False)
class Rule:
    name: str
    pattern: str
    doc: str
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()  # the text holds one of these, or the rule cannot match
    flags: int = 0
    anchored: bool = False  # match at the start (re.match) rather than anywhere
    _compiled: object = field(default=None, repr=False)
    _run: object = field(default=None, repr=False)  # the compiled pattern's match or search

    def __post_init__(self) -> None:
        if self.name in RULES:
            raise ValueError(f"rule {self.name!r} defined twice")
        RULES[self.name] = self

    @property
    def compiled(self):
        if self._compiled is None:  # compiled on first use: most runs need few of the rules
            self._compiled = compile_fast(self.pattern, self.flags)
        return self._compiled

    def may_match(self, text: str) -> bool:
        """The cheap prefilter: a substring test before the pattern runs."""
        for required in self.requires:  # a loop, not any(): this runs for every rule on every piece of text
            if required in text:
                return True
        return not self.requires

    def find(self, text: str, pos: int = 0, endpos: int | None = None):
        """The first match (at `pos` when anchored), or None; the prefilter runs first."""
        if self.requires:  # may_match, inlined: find runs some hundred thousand times a corpus
            for required in self.requires:
                if required in text:
                    break
            else:
                return None
        run = self._run
        if run is None:
            run = self._run = self.compiled.match if self.anchored else self.compiled.search
        return run(text, pos, len(text) if endpos is None else endpos)

    def find_tail(self, text: str):
        """An end-anchored rule's match, searched in the text's last TAIL_WINDOW characters (patterns.search_tail)."""
        return self.find(text, max(0, len(text) - TAIL_WINDOW))

    def finditer(self, text: str):
        return iter(()) if not self.may_match(text) else self.compiled.finditer(text)


def rule(name: str, pattern: str, doc: str, examples, counterexamples=(), requires=(), flags: int = 0,
         anchored: bool = False) -> Rule:
    return Rule(name, pattern, doc, tuple(examples), tuple(counterexamples), tuple(requires), flags, anchored)
