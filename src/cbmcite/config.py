"""Project defaults from cbmcite.toml or [tool.cbmcite] in pyproject.toml; command-line flags override.

Settings are looked for beside the documents (the first folder argument, else the first file's
folder), then in the current directory. A project file that sets `chapters` or `cross` declares one
work (a thesis): its documents are chapters in order, and a short form may resolve to a full
citation in an earlier chapter. Any other setting (a style, a sort order) leaves every document
standing alone, which is right for a folder of unrelated articles.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields

from .errors import InputError

DEFAULT_SECONDS = 30.0  # of CPU time per document: a whole thesis takes a few seconds; a runaway one gives up here
DEFAULT_MEMORY_MB = 1200  # address space per worker process: a thesis needs a few hundred MB


@dataclass(frozen=True)
class Limits:
    """What one document may take (--timeout, --max-memory)."""

    seconds: float = DEFAULT_SECONDS
    memory_mb: int = DEFAULT_MEMORY_MB


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
# What each setting must be in TOML, as a check and as the words of its error message.
_TYPES = {"style": (str, "a string"), "zh_style": (str, "a string"), "group_by": (str, "a string"),
          "sort": (str, "a string"), "script": (str, "a string"), "cross": (bool, "true or false"),
          "cross_warning": (bool, "true or false"), "key_pattern": (str, "a string"),
          "chapters": (list, "a list of file names")}
_ONE_WORK = ("chapters", "cross")  # the only settings that change how documents resolve


def load_config(paths: list[str], explicit: str | None = None) -> Config:
    """Settings for a run over paths: an explicit file, else the first project file found."""
    if explicit and not os.path.isfile(explicit):
        raise InputError(f"{explicit}: no such configuration file")
    for candidate in ([explicit] if explicit else _candidates(paths)):
        if os.path.isfile(candidate):
            config = _read(candidate)
            if config is not None:
                return config
    return Config()


def _candidates(paths: list[str]) -> list[str]:
    folders = [p for p in paths if os.path.isdir(p)][:1] or [os.path.dirname(p) for p in paths[:1]]
    places = [f for f in folders if os.path.abspath(f) != os.path.abspath(".")] + [""]
    return [os.path.join(place, name) for place in places for name in ("cbmcite.toml", "pyproject.toml")]


def _read(path: str) -> Config | None:
    """The file's settings; None for a pyproject.toml without a [tool.cbmcite] table."""
    import tomllib  # only when there is a settings file: most runs have none

    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: not a readable TOML file ({exc})") from None
    if os.path.basename(path) == "pyproject.toml":
        table = data.get("tool", {}).get("cbmcite")
        if table is None:
            return None
    else:
        table = data.get("cbmcite", data)
    if not isinstance(table, dict):
        raise InputError(f"{path}: cbmcite settings must be a table of key = value lines")
    known = {f.name for f in fields(Config)} - {"source"}
    unknown = set(table) - known
    if unknown:
        raise InputError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}")
    for key, value in table.items():
        _check(path, key, value)
    config = Config(source=path)
    for key, value in table.items():
        setattr(config, key, value)
    if "cross" not in table:
        config.cross = any(key in table for key in _ONE_WORK)
    base = os.path.dirname(path)  # chapter paths stay relative when the config's path was
    config.chapters = [os.path.join(base, c) for c in config.chapters]
    return config


def _check(path: str, key: str, value) -> None:
    """One line naming the setting for a value of the wrong type or outside its choices."""
    kind, words = _TYPES[key]
    if not isinstance(value, kind) or key == "chapters" and not all(isinstance(c, str) for c in value):
        raise InputError(f"{path}: {key} must be {words}, not {value!r}")
    if key in _CHOICES and value not in _CHOICES[key]:
        raise InputError(f"{path}: {key} must be one of {', '.join(_CHOICES[key])}")
    if key == "key_pattern":
        try:
            value.format(author="a", year="2000", title="t")
        except (KeyError, IndexError, ValueError):
            raise InputError(f"{path}: key_pattern may use only {{author}}, {{year}} and {{title}}") from None
