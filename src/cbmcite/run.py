"""Corpus runs: documents extracted one at a time (in a process pool), in input order."""
from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from .ingest import InputError
from .model import DocumentResult
from .pipeline import extract_document


@dataclass
class Failure:
    """An input that could not be read or processed; the run goes on without it."""

    path: str
    reason: str


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def extract_safely(task: tuple[str, str | None]) -> DocumentResult | Failure:
    path, encoding = task
    try:
        return extract_document(path, encoding)
    except InputError as exc:
        return Failure(path, str(exc))
    except (OSError, ValueError, RecursionError, MemoryError) as exc:
        return Failure(path, f"cannot process ({exc.__class__.__name__}: {exc})")


def iter_documents(paths: list[str], encoding: str | None = None, jobs: int = 1) -> Iterator[DocumentResult | Failure]:
    """Results in the order of paths, whatever the number of workers."""
    tasks = [(p, encoding) for p in paths]
    if jobs <= 1 or len(tasks) < 2:
        for task in tasks:
            yield extract_safely(task)
        return
    chunk = max(1, min(8, len(tasks) // (jobs * 8)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(extract_safely, tasks, chunksize=chunk)
