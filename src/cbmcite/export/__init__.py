"""Writers for the notes JSON, CSL-JSON and BibTeX, each imported on first use: a run that writes
notes JSON never imports bibtexparser or jsonschema."""
from ..lazy import lazy_attributes

_WRITERS = {
    "to_bibtex": ".bibtex",
    "to_csl_json": ".csl",
    "validate_csl": ".csl",
    "to_notes_json": ".notes_json",
    "NotesJsonWriter": ".notes_json",
}

__all__ = list(_WRITERS)
__getattr__ = lazy_attributes(__name__, globals(), _WRITERS)
