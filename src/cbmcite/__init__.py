"""cbmcite: footnotes of Chinese/English academic documents → bibliography, with repeat-reference checks."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("cbmcite")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0"

from .bibliography import Bibliography, merge  # noqa: E402
from .model import Citation, DocumentResult, Note  # noqa: E402
from .pipeline import extract_document  # noqa: E402

__all__ = ["__version__", "extract_document", "merge", "Bibliography", "DocumentResult", "Note", "Citation"]
