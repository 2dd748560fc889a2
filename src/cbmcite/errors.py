"""cbmcite's own exception types: what the library raises for a document it cannot read."""
from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read; the message is one line naming the reason."""
