"""What a field parser returns."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Parsed:
    lang: str
    csl: dict[str, Any] = field(default_factory=dict)
    locator: str | None = None
    kind_hint: str | None = None  # article | chapter | document | report, before the CSL type is set
