"""Command line: thin wrappers over the pipeline, exporters and report."""
from __future__ import annotations

import contextlib
import filecmp
import os
import sys
import tempfile

import click

from . import __version__
from .bibliography import BibliographyBuilder
from .ingest import collect_paths
from .run import Failure, default_jobs, iter_documents

EXIT_HELP = """
\b
Exit codes:
  0  success (check: no problems)
  1  some inputs could not be read, the output covers the rest (check: problems found)
  2  usage error, or nothing readable at all
"""


def _fail(message: str) -> None:
    click.echo(f"cbmcite: {message}", err=True)


@contextlib.contextmanager
def atomic_output(path: str):
    """A temporary file renamed over PATH when complete; a different earlier file is kept as PATH.bak."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".cbmcite-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            yield fh
        if os.path.exists(path):
            if filecmp.cmp(path, tmp, shallow=False):
                os.unlink(tmp)
                return
            os.replace(path, path + ".bak")
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


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


def _documents(paths, encoding, jobs, quiet, verbose=False, json_script=None):
    """Readable results in input order; one stderr line per unreadable input. Exits 2 if none."""
    files, problems, skipped = collect_paths(list(paths))
    for path, reason in problems:
        _fail(f"{path}: {reason}")
    if verbose:
        for path in skipped:
            _fail(f"{path}: skipped (not a supported format)")
    state = {"failed": bool(problems), "read": 0}

    def generate():
        with _progress(len(files), quiet) as advance:
            for item in iter_documents(files, encoding, jobs, json_script):
                advance()
                if isinstance(item, Failure):
                    _fail(f"{item.path}: {item.reason}")
                    state["failed"] = True
                    continue
                state["read"] += 1
                for warning in item.result.warnings:
                    _fail(f"{item.result.path}: {warning}")
                yield item
        if not state["read"]:
            if not files and not problems:
                _fail("no input documents")
            sys.exit(2)

    return generate(), state


@click.group(epilog=EXIT_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cbmcite")
def main() -> None:
    """Footnotes of academic documents → a clean bibliography, with Ibid./op. cit./同上/前引書 checks."""


_encoding = click.option("--encoding", help="Input encoding (default: detect UTF-8/UTF-16/Big5/GB18030).")
_script = click.option("--script", type=click.Choice(["keep", "t", "s"]), default="keep", show_default=True,
                       help="Output script: keep as printed, Traditional (t) or Simplified (s).")
_jobs = click.option("-j", "--jobs", type=click.IntRange(min=1), default=default_jobs, show_default="number of cores",
                     help="Worker processes; output is identical whatever the number.")
_quiet = click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
_verbose = click.option("-v", "--verbose", is_flag=True, help="Also name the files skipped in folders.")


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "bibtex", "csl-json"]), default="json", show_default=True,
              help="notes JSON (every note and citation), BibTeX, or CSL-JSON.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@_encoding
@_script
@_jobs
@_quiet
@_verbose
def extract(paths, fmt, output, encoding, script, jobs, quiet, verbose):
    """Extract footnotes and citations from PATHS (files or folders, recursively, natural order)."""
    from .export import NotesJsonWriter, to_bibtex, to_csl_json

    documents, state = _documents(paths, encoding, jobs, quiet, verbose, json_script=script if fmt == "json" else None)
    builder = BibliographyBuilder()
    writer = NotesJsonWriter(script) if fmt == "json" else None
    for extracted in documents:
        works = builder.add(extracted.result)
        if writer:
            writer.add_serialized(extracted.json_line, works)
    bib = builder.finish()

    def emit(fh) -> None:
        if writer:
            writer.finish(bib, fh)
        else:
            fh.write(to_bibtex(bib, script) if fmt == "bibtex" else to_csl_json(bib, script))

    if output:
        try:
            with atomic_output(output) as fh:
                emit(fh)
        except OSError as exc:
            _fail(f"{output}: cannot write ({exc.strerror or exc})")
            sys.exit(2)
    else:
        if (sys.stdout.encoding or "").lower().replace("-", "") != "utf8" and hasattr(sys.stdout, "reconfigure"):
            sys.stdout.reconfigure(encoding="utf-8")  # CJK must survive a C or Big5 locale
        emit(sys.stdout)
    sys.exit(1 if state["failed"] else 0)


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["rich", "text", "json"]), default="rich", show_default=True,
              help="rich tables for people, one line per finding for editors and CI, or JSON.")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@_encoding
@_jobs
@_quiet
@_verbose
def check(paths, fmt, strict, encoding, jobs, quiet, verbose):
    """Report broken or ambiguous Ibid./op. cit./同上/前引書 chains and missing note texts."""
    from . import report
    from .bibliography import merge

    documents, state = _documents(paths, encoding, jobs, quiet, verbose)
    results = [extracted.result for extracted in documents]
    bib = merge(results)
    summary, findings = report.check(results, bib)
    if fmt == "json":
        click.echo(report.render_json(summary, findings), nl=False)
    elif fmt == "text":
        click.echo(report.render_text(summary, findings), nl=False)
    else:
        from rich.console import Console

        report.render_rich(summary, findings, Console(no_color=bool(os.environ.get("NO_COLOR")) or None))
    if state["failed"]:
        sys.exit(2)
    sys.exit(1 if report.has_errors(findings, strict) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
