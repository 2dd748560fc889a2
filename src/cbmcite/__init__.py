"""cbmcite: footnotes of Chinese/English academic documents → bibliography, with repeat-reference checks."""
__version__ = "0.1.0"  # the single source of the version (pyproject reads it)

from .bibliography import Bibliography, merge  # noqa: E402
from .model import Citation, DocumentResult, Note  # noqa: E402
from .pipeline import extract_document  # noqa: E402

__all__ = ["__version__", "extract_document", "merge", "Bibliography", "DocumentResult", "Note", "Citation"]
