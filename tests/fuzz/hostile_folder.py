#!/usr/bin/env python3
"""Issue 15's check: `cbmcite extract` on a folder of hostile files and one good article, under a 6 GB
address-space limit. Prints the wall time, the peak RSS of the run and of its largest process, the
exit status, what was said about each file, and whether anything printed a traceback.

usage: python tests/fuzz/hostile_folder.py [--cli PATH] [--limit-gb 6] [-- extra cbmcite options]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/: hostile_corpus, conftest's fixtures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cli", default=str(Path(sys.executable).with_name("cbmcite")))
    parser.add_argument("--limit-gb", type=float, default=6)
    parser.add_argument("extra", nargs="*")
    args = parser.parse_args()

    import hostile_corpus

    with tempfile.TemporaryDirectory(prefix="cbmcite-hostile-") as work:
        folder = Path(work) / "folder"
        bad, good = hostile_corpus.build(folder, HERE.parents[1] / "fixtures" / "000_bf46f7b206d5c766.txt")
        limit = int(args.limit_gb * 1024 ** 3)
        out = Path(work) / "out.json"
        start = time.monotonic()
        proc = subprocess.run([args.cli, "extract", str(folder), "-q", "--format", "json", "-o", str(out), *args.extra],
                              capture_output=True, text=True, timeout=900,
                              preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (limit, limit)))
        seconds = time.monotonic() - start
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest process waited for
        said = {name: [line for line in proc.stderr.splitlines() if f"/{name}: " in line] for name in bad + [good]}
        read = [Path(d["path"]).name for d in json.loads(out.read_text("utf-8"))["documents"]] if out.exists() else []
        report = {
            "seconds": round(seconds, 1), "peak_rss_mb_largest_process": round(peak_mb),
            "exit_status": proc.returncode, "traceback": "Traceback" in proc.stderr,
            "good_article_read": good in read, "documents_read": read,
            "files": {name: lines[0].split(": ", 2)[-1] if lines else ("read" if name in read else "NOT NAMED")
                      for name, lines in said.items()},
        }
    print(json.dumps(report, ensure_ascii=False, indent=1))
    ok = (seconds < 180 and peak_mb < 1536 and proc.returncode == 1 and not report["traceback"]
          and report["good_article_read"] and "NOT NAMED" not in report["files"].values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
