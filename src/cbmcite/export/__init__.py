"""Writers for the notes JSON, CSL-JSON and BibTeX."""
from .bibtex import to_bibtex
from .csl import to_csl_json, validate_csl
from .notes_json import NotesJsonWriter, to_notes_json

__all__ = ["to_bibtex", "to_csl_json", "validate_csl", "to_notes_json", "NotesJsonWriter"]
