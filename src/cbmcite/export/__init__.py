"""Writers for the notes JSON, CSL-JSON and BibTeX, each loaded on first use (PEP 562): a run that
writes notes JSON never imports bibtexparser or jsonschema."""
from importlib import import_module

_WRITERS = {
    "to_bibtex": ".bibtex",
    "to_csl_json": ".csl",
    "validate_csl": ".csl",
    "to_notes_json": ".notes_json",
    "NotesJsonWriter": ".notes_json",
}

__all__ = list(_WRITERS)


def __getattr__(name: str):
    if name not in _WRITERS:
        raise AttributeError(f"module 'cbmcite.export' has no attribute {name!r}")
    value = getattr(import_module(_WRITERS[name], __name__), name)
    globals()[name] = value
    return value
