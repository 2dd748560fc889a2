"""CSL-JSON: every item valid against the official csl-data.json schema (vendored)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from ..bibliography import Bibliography
from .script import convert


def to_csl_json(bib: Bibliography, script: str = "keep") -> str:
    items = convert(bib.items(), script)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(resources.files("cbmcite.data").joinpath("csl-data.json").read_text("utf-8"))
    return jsonschema.Draft7Validator(schema)


def validate_csl(items: list[dict]) -> list[str]:
    """Schema errors as readable lines; empty when every item is valid."""
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in _validator().iter_errors(items)]
