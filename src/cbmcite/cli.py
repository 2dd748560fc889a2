"""Command line: thin wrappers over the pipeline, exporters and report."""
from __future__ import annotations

import os
import sys
import tempfile

import click

from . import __version__
from .bibliography import merge
from .ingest import InputError, collect_paths
from .pipeline import extract_document

EXIT_HELP = """
\b
Exit codes:
  0  success (check: no problems)
  1  some inputs could not be read, the output covers the rest (check: problems found)
  2  usage error, or nothing readable at all
"""


def _fail(message: str) -> None:
    click.echo(f"cbmcite: {message}", err=True)


def _load(paths: tuple[str, ...], encoding: str | None):
    """Results for every readable document; one stderr line per unreadable input."""
    files, problems = collect_paths(list(paths))
    for path, reason in problems:
        _fail(f"{path}: {reason}")
    results = []
    for path in files:
        try:
            results.append(extract_document(path, encoding))
        except InputError as exc:
            _fail(f"{path}: {exc}")
            problems.append((path, str(exc)))
        except (OSError, ValueError, RecursionError, MemoryError) as exc:
            _fail(f"{path}: cannot process ({exc.__class__.__name__}: {exc})")
            problems.append((path, str(exc)))
    if not results:
        if not problems:
            _fail("no input documents")
        sys.exit(2)
    return results, bool(problems)


def write_atomic(path: str, text: str) -> None:
    """Write via a temporary file and rename; an existing different file is kept as PATH.bak."""
    directory = os.path.dirname(os.path.abspath(path))
    if os.path.exists(path):
        with open(path, encoding="utf-8", errors="replace") as fh:
            if fh.read() == text:
                return
        os.replace(path, path + ".bak")
    fd, tmp = tempfile.mkstemp(prefix=".cbmcite-", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


@click.group(epilog=EXIT_HELP, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cbmcite")
def main() -> None:
    """Footnotes of academic documents → a clean bibliography, with Ibid./op. cit./同上/前引書 checks."""


_encoding = click.option("--encoding", help="Input encoding (default: detect UTF-8/UTF-16/Big5/GB18030).")
_script = click.option("--script", type=click.Choice(["keep", "t", "s"]), default="keep", show_default=True,
                       help="Output script: keep as printed, Traditional (t) or Simplified (s).")


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "bibtex", "csl-json"]), default="json", show_default=True,
              help="notes JSON (every note and citation), BibTeX, or CSL-JSON.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@_encoding
@_script
def extract(paths, fmt, output, encoding, script):
    """Extract footnotes and citations from PATHS (files or folders, recursively, natural order)."""
    from .export import to_bibtex, to_csl_json, to_notes_json

    results, partial = _load(paths, encoding)
    bib = merge(results)
    if fmt == "json":
        text = to_notes_json(results, bib, script)
    elif fmt == "bibtex":
        text = to_bibtex(bib, script)
    else:
        text = to_csl_json(bib, script)
    if output:
        try:
            write_atomic(output, text)
        except OSError as exc:
            _fail(f"{output}: cannot write ({exc.strerror or exc})")
            sys.exit(2)
    else:
        click.echo(text, nl=False)
    sys.exit(1 if partial else 0)


@main.command(epilog=EXIT_HELP)
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["rich", "text", "json"]), default="rich", show_default=True,
              help="rich tables for people, one line per finding for editors and CI, or JSON.")
@click.option("--strict", is_flag=True, help="Warnings fail the check too.")
@_encoding
def check(paths, fmt, strict, encoding):
    """Report broken or ambiguous Ibid./op. cit./同上/前引書 chains and missing note texts."""
    from . import report

    results, partial = _load(paths, encoding)
    bib = merge(results)
    summary, findings = report.check(results, bib)
    if fmt == "json":
        click.echo(report.render_json(summary, findings), nl=False)
    elif fmt == "text":
        click.echo(report.render_text(summary, findings), nl=False)
    else:
        from rich.console import Console

        report.render_rich(summary, findings, Console(no_color=bool(os.environ.get("NO_COLOR")) or None))
    if partial:
        sys.exit(2)
    sys.exit(1 if report.has_errors(findings, strict) else 0)


if __name__ == "__main__":  # pragma: no cover
    main()
