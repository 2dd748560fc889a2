"""cbmcite: footnotes of Chinese/English academic documents → bibliography, with repeat-reference checks."""
from importlib import import_module

__version__ = "0.1.0"  # the single source of the version (pyproject reads it)

# The library API, imported on first use (PEP 562): `cbmcite --version` loads none of the pipeline.
_API = {
    "extract_document": ".pipeline",
    "merge": ".bibliography",
    "Bibliography": ".bibliography",
    "DocumentResult": ".model",
    "Note": ".model",
    "Citation": ".model",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    if name not in _API:
        raise AttributeError(f"module 'cbmcite' has no attribute {name!r}")
    value = getattr(import_module(_API[name], __name__), name)
    globals()[name] = value
    return value
