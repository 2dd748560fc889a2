#!/usr/bin/env python3
"""Pages per second of `cbmcite extract` on a folder of PDFs, one worker, beside pdftotext on the same PDFs.

usage: python benchmarks/bench_pdf.py [--pdfs DIR] [--repeat R] [--cli PATH]

By default the PDFs are the LibreOffice exports of ../shared/corpus/gen. Both commands run in
alternating rounds in the same process, so a slow spell of a shared machine weighs on both; the
figure to compare across machines is the ratio. pdftotext only writes the text (one process per file,
as a shell loop would run it); cbmcite also finds, parses and resolves the notes. The target of
issue 12 is at least 40 pages/s per core end to end. Not part of the test suite.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = 40.0  # pages/s per core


def default_pdfs() -> Path | None:
    for base in (ROOT.parent, ROOT.parent.parent):  # beside the clone, or beside a worktrees folder
        folder = base / "shared" / "corpus" / "gen"
        if folder.is_dir():
            return folder
    return None


def count_pages(paths: list[Path]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for path in paths:
        document = pdfium.PdfDocument(str(path))
        total += len(document)
        document.close()
    return total


def run_pdftotext(paths: list[Path], out: Path) -> float:
    started = time.perf_counter()
    for path in paths:
        subprocess.run(["pdftotext", str(path), str(out / (path.stem + ".txt"))], check=True,
                       stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def run_cbmcite(cli: str, folder: Path, out: Path) -> float:
    started = time.perf_counter()
    subprocess.run([cli, "extract", str(folder), "--format", "json", "-j", "1", "-q", "-o", str(out / "notes.json")],
                   check=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=Path, default=default_pdfs(), help="folder of PDFs (default: the gen corpus)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", default=str(Path(sys.executable).parent / "cbmcite"))
    args = parser.parse_args()
    if args.pdfs is None or not args.pdfs.is_dir():
        parser.error("no folder of PDFs: give --pdfs DIR")
    if shutil.which("pdftotext") is None:
        parser.error("pdftotext (poppler-utils) is needed for the baseline")
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "pdfs", Path(tmp) / "out"
        folder.mkdir()
        out.mkdir()
        paths = []
        for source in sorted(args.pdfs.glob("*.pdf")):
            paths.append(folder / source.name)
            shutil.copyfile(source, paths[-1])
        pages = count_pages(paths)
        baseline, ours = [], []
        for _ in range(args.repeat):
            baseline.append(run_pdftotext(paths, out))
            ours.append(run_cbmcite(args.cli, folder, out))
    base_rate, our_rate = pages / statistics.median(baseline), pages / statistics.median(ours)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench import python_loop  # the machine's speed right now, as benchmarks/bench.py reports it

    print(f"{len(paths)} PDFs, {pages} pages, median of {args.repeat} rounds; "
          f"machine: a 10M-step Python loop takes {python_loop():.2f}s")
    print(f"  pdftotext            {base_rate:7.1f} pages/s")
    print(f"  cbmcite extract -j1  {our_rate:7.1f} pages/s  ({our_rate / base_rate:.2f} x pdftotext)")
    print(f"  target: {TARGET:.0f} pages/s per core: {'met' if our_rate >= TARGET else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
