"""Names a package offers but imports only on first use (PEP 562): start-up stays cheap."""
from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import Any


def lazy_attributes(package: str, namespace: dict[str, Any], modules: dict[str, str]) -> Callable[[str], Any]:
    """A module-level __getattr__ that imports modules[name] (relative to package) when name is first read."""

    def __getattr__(name: str) -> Any:
        if name not in modules:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(modules[name], package), name)
        namespace[name] = value  # later reads find it without calling __getattr__
        return value

    return __getattr__
