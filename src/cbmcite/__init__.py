"""cbmcite: footnotes of Chinese/English academic documents → bibliography, with repeat-reference checks."""
from .lazy import lazy_attributes

__version__ = "0.1.0"  # the single source of the version (pyproject reads it)

# The library API, imported on first use: `cbmcite --version` loads none of the pipeline.
_API = {
    "extract_document": ".pipeline",
    "merge": ".bibliography",
    "Bibliography": ".bibliography",
    "DocumentResult": ".model",
    "Note": ".model",
    "Citation": ".model",
}

__all__ = ["__version__", *_API]
__getattr__ = lazy_attributes(__name__, globals(), _API)
