"""Every named rule fires on its examples and stays silent on its counterexamples."""
import importlib
import pkgutil

import pytest

import cbmcite
from cbmcite.rules import RULES

for module in pkgutil.walk_packages(cbmcite.__path__, "cbmcite."):  # rules register on import
    importlib.import_module(module.name)

CASES = [(name, text, True) for name, r in RULES.items() for text in r.examples] + \
        [(name, text, False) for name, r in RULES.items() for text in r.counterexamples]


def test_every_rule_has_examples():
    assert RULES and all(r.examples and r.doc for r in RULES.values())


@pytest.mark.parametrize("name,text,fires", CASES, ids=[f"{n}:{'+' if f else '-'}:{t[:30]}" for n, t, f in CASES])
def test_rule(name, text, fires):
    rule = RULES[name]
    assert bool(rule.find(text)) is fires
    if fires:  # a prefilter that rejects an example would make the rule dead
        assert rule.may_match(text)
