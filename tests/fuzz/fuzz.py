#!/usr/bin/env python3
"""Mutation fuzzer: mutated .txt .md .tex .docx .pdf documents through extraction and every output.

usage: python tests/fuzz/fuzz.py [--cases 10000] [--seed 1] [--jobs 2] [--timeout 60]

Seeds are the short article of tests/article_formats.py in all five formats, plus the generated
papers of ../shared/corpus/gen when present. Each case applies one to eight mutations (hostile tokens
such as \\ " { [^ \\footnote{ and huge numbers, deleted, repeated and swapped pieces, cut-offs, byte
flips; inside the XML of a .docx; on the raw bytes of a .pdf), runs in a supervised worker under the
per-document limits, and writes notes JSON, CSL-JSON and BibTeX that must parse back. It counts
internal errors (what would have been tracebacks), hangs (cases that hit the time limit), crashed
workers and invalid outputs; any of them makes the exit status 1 and is listed with its seed.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import random
import re
import shutil
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: article_formats

TOKENS = ["\\", '"', "{", "}", "}{", "\\footnote{", "\\footnote[99999999]{", "\\footnotemark[3]", "[^", "[^1]",
          "\n[^1]: ", "^[", "\x00", "\ufeff", "同上", "同上註", "Ibid.", "op. cit.", "前引書", "前揭文", "同註3",
          "頁", "99999999", "\n1 ", "\n12 ", "\n", "\r", "\r\n", "\t", "《", "》", "〈", "（", "），", "&", "%", "#",
          "_", "$", "~", "^", "@", "\\cite{", "}}}", "{{{", "\u202e", "\U0001F600", "ﬁ", "⼈", "\\\\", '\\"',
          "@book{", ",\n  title = {", "NaN", "\ud7ff"]
FORMATS = ("txt", "md", "tex", "docx", "pdf")
XML_TOKENS = [t for t in TOKENS if t.isprintable()]


NOTE_START = re.compile(r"\n\d{1,3}\s|\\footnote\{|\]: |<w:t(?: [^>]*)?>")  # where an author's name begins


def mutate_text(text: str, rng: random.Random, tokens: list[str] = TOKENS) -> str:
    for _ in range(rng.randint(1, 8)):
        at = rng.randint(0, len(text))
        end = min(len(text), at + rng.randint(1, 200))
        action = rng.randrange(8)
        starts = [m.end() for m in NOTE_START.finditer(text)] if action == 7 else []
        if starts:
            at = rng.choice(starts)
            text = text[:at] + rng.choice(tokens) + text[at:]
        elif action <= 1:
            text = text[:at] + rng.choice(tokens) * rng.choice((1, 1, 1, 3, 50)) + text[at:]
        elif action == 2:
            text = text[:at] + text[end:]
        elif action == 3:
            text = text[:end] + text[at:end] * rng.randint(1, 20) + text[end:]
        elif action == 4:
            lines = text.split("\n")
            i = rng.randrange(len(lines))
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif action == 5:
            text = text[:rng.randint(0, len(text))]
        else:
            text = text[:at] + chr(rng.choice((rng.randint(32, 0x2FFF), rng.randint(0x3000, 0x9FFF),
                                               rng.randint(0xE000, 0x10FFFF)))) + text[at:]
            text = text.replace("\ud800", "")
    return text


def mutate_bytes(data: bytes, rng: random.Random, mutations: int | None = None) -> bytes:
    data = bytearray(data)
    for _ in range(mutations or rng.randint(1, 8)):
        if not data:
            break
        at = rng.randrange(len(data))
        action = rng.randrange(5)
        if action == 0:
            data[at] = rng.randrange(256)
        elif action == 1:
            del data[at:at + rng.randint(1, 100)]
        elif action == 2:
            data[at:at] = data[at:at + rng.randint(1, 100)] * rng.randint(1, 5)
        elif action == 3:
            data[at:at] = rng.choice([b"99999999", b" 1 0 R ", b"/Length 4 0 R", b"\x00" * 64, b"<<", b">>", b"(",
                                      b"\xff\xfe", b"endstream", b"obj"])
        else:
            del data[rng.randint(len(data) // 2, len(data)):]
    return bytes(data)


def mutate_docx(data: bytes, rng: random.Random) -> bytes:
    if rng.random() < 0.2:
        return mutate_bytes(data, rng, 2)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    xml_parts = [n for n in names if n.startswith("word/") and n.endswith(".xml")] or names
    target = rng.choice([n for n in xml_parts if "document" in n or "footnotes" in n] or xml_parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in names:
            part = source.read(name)
            if name == target:
                part = _mutate_text_nodes(part.decode("utf-8", "replace"), rng).encode("utf-8")
            archive.writestr(name, part)
    return out.getvalue()


TEXT_NODE = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")


def _mutate_text_nodes(xml: str, rng: random.Random) -> str:
    """The text of a few runs mutated, the XML kept well-formed (a broken part is only refused)."""
    if rng.random() < 0.15:
        return mutate_text(xml, rng, XML_TOKENS)
    starts = [m.start() for m in TEXT_NODE.finditer(xml)]
    chosen = set(rng.sample(starts, min(len(starts), rng.randint(1, 4))))
    escape = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}

    def replace(m):
        if m.start() not in chosen:
            return m.group(0)
        text = mutate_text(m.group(2), rng, XML_TOKENS)
        text = "".join(escape.get(c, c) for c in text if c.isprintable() or c in "\t")
        return m.group(1) + text + m.group(3)

    return TEXT_NODE.sub(replace, xml)


def mutate(seed: tuple[str, bytes], rng: random.Random) -> bytes:
    fmt, data = seed
    if fmt == "docx":
        return mutate_docx(data, rng)
    if fmt == "pdf":  # one or two changes: more and nearly every file is merely damaged
        return mutate_bytes(data, rng, rng.randint(1, 2))
    if rng.random() < 0.1:
        return mutate_bytes(data, rng)
    text = mutate_text(data.decode("utf-8"), rng)
    encoding = rng.choice(["utf-8"] * 8 + ["utf-16", "big5", "gb18030"])
    return text.encode(encoding, "ignore") if encoding != "utf-8" else text.encode("utf-8", "surrogatepass")


def seeds(work: Path) -> list[tuple[str, bytes]]:
    from article_formats import WRITERS

    out = []
    for fmt, write in WRITERS.items():
        out.append((fmt, write(work / f"seed.{fmt}").read_bytes()))
    gen = HERE.parents[2] / "shared" / "corpus" / "gen"
    if gen.is_dir():  # real-looking papers too (their .pdf are large: the short article stands for PDF)
        for path in sorted(gen.iterdir())[:60]:
            fmt = path.suffix.lstrip(".")
            if fmt in ("txt", "md", "tex", "docx"):
                out.append((fmt, path.read_bytes()))
    return out


def check_case(path: str) -> tuple[str, str]:
    """(outcome, detail): ok | refused | limit | internal | invalid."""
    import bibtexparser

    from cbmcite import extract_document, merge
    from cbmcite.export import to_bibtex, to_csl_json, to_notes_json
    from cbmcite.ingest import InputError, InternalError, LimitExceeded

    try:
        result = extract_document(path)
    except InternalError as exc:
        return "internal", str(exc)
    except LimitExceeded as exc:
        return "limit", str(exc)
    except InputError:
        return "refused", ""
    try:
        bib = merge([result])
        texts = {"notes JSON": to_notes_json([result], bib), "CSL-JSON": to_csl_json(bib), "BibTeX": to_bibtex(bib)}
        if len(path) % 4 == 0:  # a formatted bibliography for a share of the cases (citeproc is slow)
            from cbmcite.export.formatted import render

            render(bib.items(), "text", "chicago-note-bibliography")
    except Exception as exc:  # the outputs of a document that was read must always be writable
        return "internal", f"output: {exc.__class__.__name__}: {exc}"
    for name, text in texts.items():
        try:
            text.encode("utf-8")
            if name == "BibTeX":
                library = bibtexparser.parse_string(text)
                if library.failed_blocks:
                    return "invalid", f"{name}: block at line {library.failed_blocks[0].start_line + 1}"
            else:
                json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
        except (ValueError, UnicodeError) as exc:
            return "invalid", f"{name}: {exc}"
    return "ok", ""


def run(cases: int, seed: int, jobs: int, timeout: float, batch: int = 400, quiet: bool = False) -> dict:
    import logging

    from cbmcite.config import Limits
    from cbmcite.workers import supervised_map

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    rng = random.Random(seed)
    work = Path(tempfile.mkdtemp(prefix="cbmcite-fuzz-"))
    counts: Counter = Counter()
    problems: list[tuple[str, str, str, int]] = []
    slowest = (0.0, "")
    start = time.monotonic()
    try:
        pool = seeds(work)
        by_format = {fmt: [s for s in pool if s[0] == fmt] for fmt in FORMATS}
        done = 0
        while done < cases:
            paths = []
            for n in range(done, min(cases, done + batch)):
                fmt = FORMATS[n % len(FORMATS)]
                path = work / f"case{n}.{fmt}"
                path.write_bytes(mutate(rng.choice(by_format[fmt]), rng))
                paths.append(str(path))
            began = time.monotonic()
            for path, (outcome, detail) in zip(paths, supervised_map(
                    check_case, paths, jobs, Limits(seconds=timeout), lambda p, reason: ("hang" if "time limit" in reason
                                                                                       else "crash", reason))):
                fmt = path.rsplit(".", 1)[1]
                counts[(fmt, outcome)] += 1
                if outcome == "invalid":
                    counts[("invalid", detail.split(":")[0])] += 1
                if outcome not in ("ok", "refused", "limit"):
                    kept = work.parent / ("cbmcite-fuzz-failure-" + os.path.basename(path))
                    shutil.copy(path, kept)
                    problems.append((outcome, detail, str(kept), seed))
            per_case = (time.monotonic() - began) / max(1, len(paths))
            slowest = max(slowest, (per_case, f"batch at case {done}"))
            for path in paths:
                os.unlink(path)
            done += len(paths)
            if not quiet:
                print(f"{done} cases, {time.monotonic() - start:.0f} s", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"cases": cases, "seconds": round(time.monotonic() - start, 1),
            "by_format": {f: {o: c for (g, o), c in sorted(counts.items()) if g == f} for f in FORMATS},
            "internal_errors": sum(c for (_, o), c in counts.items() if o == "internal"),
            "hangs": sum(c for (_, o), c in counts.items() if o == "hang"),
            "crashes": sum(c for (_, o), c in counts.items() if o == "crash"),
            "invalid_outputs": sum(c for (_, o), c in counts.items() if o == "invalid"),
            "invalid_by_output": {o: c for (g, o), c in counts.items() if g == "invalid"},
            "problems": problems[:50]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=60.0)
    args = parser.parse_args()
    report = run(args.cases, args.seed, args.jobs, args.timeout)
    print(json.dumps(report, ensure_ascii=False, indent=1))
    bad = report["internal_errors"] + report["hangs"] + report["crashes"] + report["invalid_outputs"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
