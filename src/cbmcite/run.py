"""Corpus runs: documents extracted one at a time in supervised worker processes, in input order."""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .errors import InputError, InternalError, LimitExceeded
from .ingest import collect_paths
from .ingest.guard import written_by_cbmcite
from .bibliography import BibliographyBuilder, MergeRecord, merge_record, sign
from .config import Config, Limits
from .export.notes_json import serialize_document
from .model import DocumentResult
from .output import same_file
from .pipeline import display_path, extract_document
from .workers import supervised_map


@dataclass
class Extracted:
    """A document's result, signed for merging, and its notes-JSON line when one was asked for.

    With a JSON line, the notes travel as that UTF-8 text (or are written into the spool file:
    `json_at`) and merging reads `record`; `result` then keeps only the document's path, encoding
    and warnings."""

    result: DocumentResult
    json_line: bytes | None = None
    record: MergeRecord | None = None
    notes: int = 0  # how many notes the document has
    keys: tuple[str, ...] = ()  # citation keys the document cites as keys (LaTeX \\cite)
    json_at: tuple[int, int] | None = None  # (offset, length) in the spool file

    def fold_into(self, builder: BibliographyBuilder) -> list[int]:
        """Merge into the bibliography; the work number of each full citation, in document order."""
        if self.record is not None:
            return builder.add_record(self.record)[0]
        return builder.add(self.result)


@dataclass
class Failure:
    """An input that could not be read or processed; the run goes on without it."""

    path: str
    reason: str
    error: OSError | None = None  # the spool could not be written: the run cannot go on (a full disk)


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def extract_safely(task: tuple[str, str | None, str | None, bool, int | None]) -> Extracted | Failure:
    """Everything per document that can run in a worker: extraction, merge signatures, JSON.
    With merge_only, what comes back is the JSON line (if asked for; written into the spool file
    when one is given) and a MergeRecord, not the notes.
    Never raises: any failure is this document's Failure, one line."""
    path, encoding, json_script, merge_only, spool = task
    start = time.monotonic()
    try:
        result = sign(extract_document(path, encoding))
        keys = tuple(c.entry for n in result.notes for c in n.citations if c.form == "key" and c.entry)
        if not merge_only:
            return Extracted(result, notes=len(result.notes), keys=keys)
        line = serialize_document(result, json_script) if json_script else None
        header = DocumentResult(result.path, result.encoding, warnings=result.warnings)
        extracted = Extracted(header, line, merge_record(result), len(result.notes), keys)
        if line is not None and spool is not None:
            try:
                extracted.json_line, extracted.json_at = None, spool_line(spool, line)
            except OSError as exc:
                return Failure(path, str(exc), exc)
        return extracted
    except LimitExceeded as exc:
        return Failure(path, f"gave up after {time.monotonic() - start:.0f} s ({exc})")
    except InputError as exc:
        return Failure(path, str(exc))
    except MemoryError:
        return Failure(path, f"gave up after {time.monotonic() - start:.0f} s (ran out of memory)")
    except Exception as exc:  # signing or serialising failed: a bug, reported for this document only
        return Failure(path, str(InternalError.about(exc)))


def spool_line(fd: int, line: bytes) -> tuple[int, int]:
    """Append LINE to the spool file open as FD (inherited from the main process): (offset, length).
    The line goes to disk once, where it was made, instead of through a pipe into the main process.
    Workers take turns under a lock; one killed while writing leaves bytes that no offset points to."""
    import fcntl

    fcntl.lockf(fd, fcntl.LOCK_EX)  # a process's lock: the workers share one open file, so not flock
    try:
        offset = os.lseek(fd, 0, os.SEEK_END)
        view = memoryview(line)
        while view:
            view = view[os.write(fd, view):]
    finally:
        fcntl.lockf(fd, fcntl.LOCK_UN)
    return offset, len(line)


def iter_documents(paths: list[str], encoding: str | None = None, jobs: int = 1,
                   json_script: str | None = None, merge_only: bool = False,
                   limits: Limits = Limits(), spool: int | None = None) -> Iterator[Extracted | Failure]:
    """Results in the order of paths, whatever the number of workers (a JSON line implies merge_only;
    with SPOOL, the descriptor of a file the workers inherit, they write JSON lines there and send where).
    Each document runs in a worker process under LIMITS (even with one job), so a document that
    hangs or crashes its worker becomes that document's Failure."""
    tasks = [(p, encoding, json_script, merge_only or json_script is not None, spool) for p in paths]
    yield from supervised_map(extract_safely, tasks, jobs, limits, lambda task, reason: Failure(task[0], reason))


@dataclass
class CorpusRun:
    """One command's documents, in order: unreadable inputs are reported and skipped, chapters of one
    work are resolved against the chapters before them."""

    paths: list[str]
    config: Config
    encoding: str | None = None
    jobs: int = 1
    limits: Limits = field(default_factory=Limits)
    verbose: bool = False
    report: Callable[[str], None] = print  # one line per problem
    outputs: list[str] = field(default_factory=list)  # files this run writes: never read as documents
    failed: bool = False
    read: int = 0
    empty: list[str] = field(default_factory=list)  # documents read that have no notes
    cited_keys: set[str] = field(default_factory=set)
    history: list = field(default_factory=list)  # full citations of earlier chapters (cross mode)

    def files(self) -> list[str]:
        if self.config.chapters and self.config.source:
            return list(self.config.chapters)
        files, problems, skipped = collect_paths(self.paths)
        for path, reason in problems:
            self.report(f"{display_path(path)}: {reason}")
        if self.verbose:
            for path in skipped:
                why = "written by cbmcite" if written_by_cbmcite(path) else "not a supported format"
                self.report(f"{display_path(path)}: skipped ({why})")
        self.failed = bool(problems)
        outputs = [output for output in self.outputs if os.path.exists(output)]  # one not yet written is no input
        return [f for f in files if not any(same_file(f, output) for output in outputs)]

    def incomplete(self) -> str | None:
        """Why the documents read may not be all the work cites (pruning would then remove live entries)."""
        if self.failed:
            return "some documents could not be read"
        return f"{self.empty[0]} has no notes" if self.empty else None

    def documents(self, files: list[str], json_script: str | None = None,
                  advance: Callable[[], None] = lambda: None, merge_only: bool = False,
                  spool: int | None = None) -> Iterator[Extracted]:
        """Workers serialise the notes JSON (into SPOOL, a file descriptor, if given), and send only
        what merging needs when that is all the caller reads, unless chapters must first be resolved
        against each other. OSError when a worker cannot write the spool."""
        from .resolve import full_citations, resolve_across

        cross = self.config.cross
        for item in iter_documents(files, self.encoding, self.jobs, None if cross else json_script,
                                   merge_only and not cross, self.limits, spool):
            advance()
            if isinstance(item, Failure) and item.error:
                raise item.error
            if isinstance(item, Failure):
                self.report(f"{display_path(item.path)}: {item.reason}")
                self.failed = True
                continue
            self.read += 1
            if not item.notes:
                self.empty.append(item.result.path)
            self.cited_keys.update(item.keys)
            for warning in item.result.warnings:
                self.report(f"{item.result.path}: {warning}")
            if cross:
                resolve_across(item.result, self.history)
                self.history.extend(full_citations(item.result))
            yield item
