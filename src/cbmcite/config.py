"""Project defaults from cbmcite.toml or [tool.cbmcite] in pyproject.toml; command-line flags override.

A folder with a cbmcite.toml is one work (a thesis): its documents are chapters in order, and a short
form may resolve to a full citation in an earlier chapter. Without one, every document stands alone,
which is right for a folder of unrelated articles.
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields

from .ingest import InputError


@dataclass
class Config:
    style: str = "chicago-note-bibliography"  # Western entries of formatted output
    zh_style: str = "taiwan"  # Chinese entries of formatted output
    group_by: str = "language"  # language | none
    sort: str = "pinyin"  # pinyin | strokes
    script: str = "keep"  # keep | t | s
    cross: bool = False  # short forms may resolve to earlier chapters
    cross_warning: bool = True  # warn when they do (style guides want a full first citation per chapter)
    key_pattern: str = "{author}{year}{title}"
    chapters: list[str] = field(default_factory=list)  # explicit order, relative to the config file
    source: str | None = None  # the file these settings came from


_CHOICES = {"group_by": ("language", "none"), "sort": ("pinyin", "strokes"), "script": ("keep", "t", "s")}


def load_config(paths: list[str], explicit: str | None = None) -> Config:
    """Settings for a run over paths: an explicit file, else cbmcite.toml beside the first folder
    argument, else cbmcite.toml or pyproject.toml's [tool.cbmcite] in the current directory."""
    for candidate in ([explicit] if explicit else _candidates(paths)):
        if candidate and os.path.isfile(candidate):
            return _read(candidate)
    if explicit:
        raise InputError(f"{explicit}: no such configuration file")
    return Config()


def _candidates(paths: list[str]) -> list[str]:
    folders = [p for p in paths if os.path.isdir(p)][:1]
    out = [os.path.join(f, "cbmcite.toml") for f in folders]
    out += ["cbmcite.toml", "pyproject.toml"]
    return out


def _read(path: str) -> Config:
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not a readable TOML file ({exc})") from None
    table = data.get("tool", {}).get("cbmcite") if path.endswith("pyproject.toml") else data.get("cbmcite", data)
    if table is None:
        return Config()
    known = {f.name for f in fields(Config)} - {"source"}
    unknown = set(table) - known
    if unknown:
        raise InputError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    config = Config(source=path, cross=True)  # a project file declares one work
    for key, value in table.items():
        if key in _CHOICES and value not in _CHOICES[key]:
            raise InputError(f"{path}: {key} must be one of {', '.join(_CHOICES[key])}")
        setattr(config, key, value)
    try:
        config.key_pattern.format(author="a", year="2000", title="t")
    except (KeyError, IndexError, ValueError):
        raise InputError(f"{path}: key_pattern may use only {{author}}, {{year}} and {{title}}") from None
    base = os.path.dirname(os.path.abspath(path))
    config.chapters = [os.path.join(base, c) for c in config.chapters]
    return config
