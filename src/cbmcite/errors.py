"""cbmcite's own exception types: what the library raises for a document it cannot read."""
from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read; the message is one line naming the reason."""


class LimitExceeded(InputError):
    """A document that needs more time, memory or nesting than a run allows it."""


class InternalError(InputError):
    """An unexpected failure of cbmcite on one document: a bug to report, the run goes on without it."""

    @classmethod
    def about(cls, exc: BaseException) -> InternalError:
        detail = " ".join(str(exc).split())
        detail = detail if len(detail) <= 200 else detail[:199] + "…"
        return cls(f"internal error ({exc.__class__.__name__}{': ' + detail if detail else ''}); please report")
