"""Command line: thin wrappers over the pipeline, exporters and report."""
from __future__ import annotations

import contextlib
import os
import sys
from typing import TYPE_CHECKING

import click

from . import __version__
from .errors import InputError
from .config import DEFAULT_MEMORY_MB, DEFAULT_SECONDS

if TYPE_CHECKING:  # each command imports what it runs: `--version` and `--help` load none of the pipeline
    from .config import Config
    from .run import CorpusRun, Extracted

EXIT_HELP = """
\b
Exit codes:
  0  success
  1  some inputs could not be read, the output covers the rest
  2  usage error, or nothing readable at all
"""
CHECK_EXIT_HELP = """
\b
Exit codes:
  0  no problems (warnings allowed, unless --strict)
  1  problems found: errors, or with --strict warnings too
  2  usage error, or some input could not be read
"""
TEXT_FORMATS = ("text", "markdown", "html", "docx")
# The format an -o file's suffix implies; .json also fits the notes JSON (--format json).
SUFFIX_FORMATS = {".bib": "bibtex", ".json": "csl-json", ".md": "markdown", ".markdown": "markdown",
                  ".html": "html", ".htm": "html", ".txt": "text", ".docx": "docx"}
SUFFIX_ALSO = {".json": ("json",)}


def _fail(message: str) -> None:
    click.echo(f"cbmcite: {message}", err=True)


@contextlib.contextmanager
def _progress(total: int, quiet: bool):
    """A progress bar on stderr for long runs at a terminal; nothing otherwise."""
    if quiet or total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("documents", total=total)
        yield lambda: progress.advance(task)


def _pinyin_by_character_only() -> None:
    """Keys read Chinese one character at a time, and pypinyin's phrase table (documented switch
    PYPINYIN_NO_PHRASES) never changes a single character's reading: skip loading it, 0.4 s a run.
    BibTeX sort names and formatted bibliographies read whole names, so those outputs keep it."""
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")


def _default_jobs() -> int:
    from .run import default_jobs

    return default_jobs()


def _make_run(paths, config_file, cross, encoding, jobs, verbose, timeout: float, max_memory: int,
              **overrides) -> CorpusRun:
    from .config import Limits, load_config
    from .run import CorpusRun

    try:
        config = load_config(list(paths), config_file)
    except InputError as exc:
        _fail(str(exc))
        sys.exit(2)
    if cross is not None:
        config.cross = cross
    for key, value in overrides.items():
        if value is not None:
            setattr(config, key, value)
    return CorpusRun(list(paths), config, encoding=encoding, jobs=jobs, limits=Limits(timeout, max_memory),
                     verbose=verbose, report=_fail)


def _documents(run: CorpusRun, quiet: bool, json_script: str | None = None, merge_only: bool = False,
               spool: int | None = None):
    """The run's documents with a progress bar; exits 2 when nothing at all could be read."""
    files = run.files()
    with _progress(len(files), quiet) as advance:
        yield from run.documents(files, json_script, advance, merge_only, spool)
    if not run.read:
        if not files and not run.failed:
            _fail("no input documents")
        sys.exit(2)


class _Commands(click.Group):
    """Any error a command did not expect is one line and exit 1, never a traceback (a document's own
    failures are handled per document; this covers merging, rendering and writing)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit, KeyboardInterrupt,
                BrokenPipeError):  # a reader that stopped early (`| head`): click ends quietly
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence
            detail = " ".join(str(exc).split())[:200]
            _fail(f"internal error ({exc.__class__.__name__}{': ' + detail if detail else ''}); please report")
            sys.exit(1)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cbmcite")
def main() -> None:
    """Footnotes of academic documents → a clean bibliography, with Ibid./op. cit./同上/前引書 checks.

    Run `cbmcite COMMAND --help` for a command's options and exit codes."""
    from .output import clean_exit_on_sigterm

    clean_exit_on_sigterm()
    _streams_never_fail()


def _streams_never_fail() -> None:
    """A terminal that cannot show a character (cp950 and a Simplified file name) gets an escape, not
    a traceback."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


def output_format(fmt: str | None, output: str | None) -> str:
    """--format, or the format the -o suffix implies; InputError when the two disagree."""
    suffix = os.path.splitext(output or "")[1].lower()
    implied = SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        return implied or "json"
    if implied and fmt != implied and fmt not in SUFFIX_ALSO.get(suffix, ()):
        raise InputError(f"{output}: a {suffix} file cannot hold --format {fmt} (use --format {implied}, "
                         f"or another file name)")
    return fmt


def _common(command):
    options = [
        click.option("--encoding", help="Input encoding (default: detect UTF-8/UTF-16/Big5/GB18030)."),
        click.option("-j", "--jobs", type=click.IntRange(min=1), default=_default_jobs, show_default="number of cores",
                     help="Worker processes; output is identical whatever the number."),
        click.option("--timeout", type=click.FloatRange(min=1), default=DEFAULT_SECONDS, show_default=True,
                     help="Seconds of CPU time one document may take before the run gives up on it and goes on."),
        click.option("--max-memory", type=click.IntRange(min=200), default=DEFAULT_MEMORY_MB, show_default=True,
                     help="Megabytes of memory one document may take (per worker process)."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bar."),
        click.option("-v", "--verbose", is_flag=True, help="Also name the files skipped in folders."),
        click.option("--config", "config_file", type=click.Path(dir_okay=False),
                     help="Project settings (default: cbmcite.toml or pyproject.toml [tool.cbmcite] beside "
                          "the documents, or here)."),
        click.option("--cross/--no-cross", default=None,
                     help="Let short forms resolve to earlier chapters (default: on when a cbmcite.toml sets "
                          "chapters or cross)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "bibtex", "csl-json", *TEXT_FORMATS]), default=None,
              help="notes JSON (default), BibTeX, CSL-JSON, or a formatted bibliography; with -o, the file's "
                   "suffix implies it (.bib, .json → CSL-JSON, .md, .html, .txt, .docx).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--script", type=click.Choice(["keep", "t", "s"]), default=None,
              help="Output script: keep as printed (default), Traditional (t) or Simplified (s).")
@click.option("--update", "update_file", type=click.Path(dir_okay=False),
              help="Add new works to this .bib or CSL-JSON file, keeping every entry and edit already in it.")
@click.option("--prune", is_flag=True, help="With --update: remove entries no document cites any more.")
@click.option("--style", help="CSL style of Western entries in formatted output (chicago-note-bibliography, apa, "
                             "gb-t-7714-2015-note, taiwan).")
@click.option("--csl", "csl_file", type=click.Path(dir_okay=False), help="Any other CSL style file, instead of --style.")
@click.option("--zh-style", help="CSL style (name or .csl file) of Chinese entries (default: taiwan, "
                                "作者，《書名》（地點：出版社，年）。).")
@click.option("--group-by", type=click.Choice(["language", "none"]), default=None,
              help="Formatted output: 中文部分 then 西文部分 (default), or one list.")
@click.option("--sort", type=click.Choice(["pinyin", "strokes"]), default=None,
              help="Order of Chinese entries: by pinyin (default) or by stroke count.")
@_common
def extract(paths, fmt, output, script, update_file, prune, style, csl_file, zh_style, group_by, sort,
            encoding, jobs, timeout, max_memory, quiet, verbose, config_file, cross):
    """Extract footnotes and citations from PATHS (files or folders, recursively, natural order)."""
    from .export import NotesJsonWriter

    try:
        fmt = output_format(fmt, output)
    except InputError as exc:
        _fail(str(exc))
        sys.exit(2)
    if prune and not update_file:
        _fail("--prune goes with --update")
        sys.exit(2)
    if fmt == "docx" and not output:
        _fail("--format docx needs -o FILE")
        sys.exit(2)
    if fmt in ("json", "csl-json") and not (update_file or "").lower().endswith(".bib"):
        _pinyin_by_character_only()
    from .bibliography import BibliographyBuilder
    from .output import OutputError, refuse_overwriting

    try:
        refuse_overwriting([update_file, output], paths)
    except OutputError as exc:
        _fail(str(exc))
        sys.exit(2)
    run = _make_run(paths, config_file, cross, encoding, jobs, verbose, timeout, max_memory, script=script,
                    group_by=group_by, sort=sort, style=csl_file or style, zh_style=zh_style)
    run.outputs = [p for p in (update_file, output) if p]
    if fmt in TEXT_FORMATS:
        _check_styles(run.config)
    script = run.config.script
    builder = BibliographyBuilder(run.config.key_pattern)
    with _temporary_files_reported():
        writer = NotesJsonWriter(script) if fmt == "json" else None
        for extracted in _documents(run, quiet, json_script=script if writer else None, merge_only=True,
                                    spool=writer.shared_spool() if writer else None):
            works = extracted.fold_into(builder)
            if writer:
                _write_document(writer, extracted, works)
    bib = builder.finish()
    if update_file:
        if prune and run.incomplete():
            _fail(f"--prune: not removing anything, because {run.incomplete()}; {update_file} was not changed")
            sys.exit(2)
        _update(update_file, bib, prune, script, run.cited_keys)
    if output or not update_file:
        _emit(fmt, output, bib, writer, run.config)
    sys.exit(1 if run.failed else 0)


def _check_styles(config: Config) -> None:
    from .export.formatted import check_style

    try:
        check_style(config.style)
        check_style(config.zh_style)
    except InputError as exc:
        _fail(str(exc))
        sys.exit(2)


def _write_document(writer, extracted: Extracted, works: list[int]) -> None:
    if extracted.json_at is not None:
        writer.add_spooled(extracted.json_at, works)
    elif extracted.json_line is not None:
        writer.add_serialized(extracted.json_line, works)
    else:
        writer.add(extracted.result)


@contextlib.contextmanager
def _temporary_files_reported():
    """The notes JSON is spooled through a temporary file: a full or missing temporary folder is one line."""
    try:
        yield
    except OSError as exc:
        _fail(f"cannot write a temporary file in {os.environ.get('TMPDIR') or 'the temporary folder'} "
              f"({exc.strerror or exc}); set TMPDIR to a folder with space")
        sys.exit(2)


def _update(path: str, bib, prune: bool, script: str, cited_keys: set[str]) -> None:
    from .update import update_bibliography

    try:
        result = update_bibliography(path, bib, prune, script, cited_keys)
    except InputError as exc:
        _fail(str(exc))
        sys.exit(2)
    if result.changed:
        _write(path, lambda fh: fh.write(result.text), kind="json" if path.lower().endswith(".json") else "bibtex")
    _fail(f"{path}: {result.summary()}" + ("" if result.changed else "; file unchanged"))


def _emit(fmt, output, bib, writer, config: Config) -> None:
    if writer:  # the notes JSON is bytes: its documents come UTF-8 encoded from the workers
        if output:
            from .export.notes_json import check_written

            _write(output, lambda fh: writer.finish(bib, fh), binary=True, check=check_written)
        else:
            sys.stdout.flush()
            writer.finish(bib, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        return
    if fmt in TEXT_FORMATS:
        from .export.formatted import render

        try:
            content = render(bib.items(), fmt, config.style, config.group_by, config.sort, config.script,
                             config.zh_style)
        except InputError as exc:
            _fail(str(exc))
            sys.exit(2)
        if fmt == "docx":
            _write(output, lambda fh: fh.write(content), binary=True)
            return
        emit = lambda fh: fh.write(content)  # noqa: E731
    elif fmt == "bibtex":
        from .export import to_bibtex

        emit = lambda fh: fh.write(to_bibtex(bib, config.script))  # noqa: E731
    else:
        from .export import to_csl_json

        emit = lambda fh: fh.write(to_csl_json(bib, config.script))  # noqa: E731
    if output:
        _write(output, emit, kind="json" if fmt == "csl-json" else "bibtex" if fmt == "bibtex" else None)
    else:
        for_reading = fmt in TEXT_FORMATS and sys.stdout.isatty()  # a terminal shows its own encoding
        utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
        if not (utf8 or for_reading) and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")  # data keep every character in a C or Big5 locale
        emit(sys.stdout)


def _write(path: str, emit, binary: bool = False, kind: str | None = None, check=None) -> None:
    from .output import OutputError, write_file

    try:
        write_file(path, emit, binary, kind, check)
    except OutputError as exc:
        _fail(str(exc))
        sys.exit(2)


@main.command(epilog=CHECK_EXIT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["rich", "text", "json"]), default="rich", show_default=True,
              help="rich tables for people (plain text when not a terminal), one line per finding for "
                   "editors and CI, or JSON.")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@click.option("--cross-warning/--no-cross-warning", default=None,
              help="Warn when a short form finds its full citation only in an earlier chapter (default: on).")
@_common
def check(paths, fmt, strict, cross_warning, encoding, jobs, timeout, max_memory, quiet, verbose, config_file, cross):
    """Report broken or ambiguous Ibid./op. cit./同上/前引書 chains and missing note texts."""
    from . import report
    from .bibliography import merge
    from .ingest import natural_key

    _pinyin_by_character_only()
    run = _make_run(paths, config_file, cross, encoding, jobs, verbose, timeout, max_memory,
                    cross_warning=cross_warning)
    results = [extracted.result for extracted in _documents(run, quiet)]
    if not run.config.chapters:  # read in natural order (第二章 before 第三章), whatever order a shell glob gave
        results.sort(key=lambda result: natural_key(result.path))
    bib = merge(results)
    summary, findings = report.check(results, bib, cross_warning=run.config.cross_warning)
    if fmt == "json":
        click.echo(report.render_json(summary, findings), nl=False)
    elif fmt == "text" or not sys.stdout.isatty():
        click.echo(report.render_text(summary, findings), nl=False)
    else:
        from rich.console import Console

        report.render_rich(summary, findings, Console(no_color=bool(os.environ.get("NO_COLOR")) or None))
    if run.failed:
        sys.exit(2)
    sys.exit(1 if report.has_errors(findings, strict) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
