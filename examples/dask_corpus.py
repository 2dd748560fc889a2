#!/usr/bin/env python3
"""Run cbmcite over a corpus with Dask: the per-file map step on workers, the merge on the client.

usage: python examples/dask_corpus.py FOLDER [OUT.json]   (pip install 'cbmcite[dask]')

The same two library calls work under any engine that can map a function over file paths and
collect the results: cbmcite.extract_document (pure, one file) and cbmcite.merge (the reduce step).
"""
import json
import sys

import dask.bag as db

import cbmcite
from cbmcite.export import to_csl_json
from cbmcite.ingest import collect_paths


def bibliography_of(folder: str, scheduler: str = "processes", partitions: int = 8):
    paths, problems, _ = collect_paths([folder])
    for path, reason in problems:
        print(f"{path}: {reason}", file=sys.stderr)
    results = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths)))).map(cbmcite.extract_document)
    documents = results.compute(scheduler=scheduler)  # in input order
    return documents, cbmcite.merge(documents)


if __name__ == "__main__":
    documents, bibliography = bibliography_of(sys.argv[1])
    text = to_csl_json(bibliography)
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w", encoding="utf-8") as fh:
            fh.write(text)
    else:
        print(text, end="")
    print(f"{len(documents)} documents, {len(json.loads(text))} works", file=sys.stderr)
