"""Reading CSL items, written once: the issued year and date parts, the creators, a name as text.

A low-level module (it imports nothing of the pipeline), so every stage may use it.
"""
from __future__ import annotations


def issued_parts(item: dict) -> list[int]:
    """[year, month?, day?] of `issued`, or [] when the item has no date."""
    parts = (item.get("issued") or {}).get("date-parts") or [[]]
    return list(parts[0]) if parts and parts[0] else []


def issued_year(item: dict) -> int | None:
    parts = issued_parts(item)
    return parts[0] if parts else None


def creators(item: dict) -> list[dict]:
    """The people a work is filed under: its authors, else its editors."""
    return item.get("author") or item.get("editor") or []


def filed_name(name: dict) -> str:
    """The family name, or the literal name (CJK persons, institutions): what a person is filed under."""
    return name.get("family") or name.get("literal", "")


def display_name(name: dict) -> str:
    """'Given Family', or the literal name (CJK persons, institutions)."""
    return name.get("literal") or f"{name.get('given', '')} {name.get('family', '')}".strip()


def sort_name(name: dict) -> str:
    """'Family Given', or the literal name: the order bibliographies sort by."""
    return name.get("literal") or f"{name.get('family', '')} {name.get('given', '')}".strip()
