#!/usr/bin/env python3
"""Each referee difference of a variant's extraction, marked as the same on the paper's .md or not.

usage: compare_variants.py VARIANT_PRED.json MD_PRED.json GOLD_DIR MD_GOLD_DIR... [--profile tw]

For every gold file of the papers extracted in VARIANT_PRED.json, the differences the referee
(shared/eval/score.py) would count: a note not found or whose text differs, a spurious note, a
citation missed or added, a field, a short form. A difference that the same paper's .md extraction
also has (same note, same kind and value) comes from the parsers; the others from reading the file
(note detection, PDF text). Prints one line per difference, tab-separated: origin, kind, doc, note,
detail.
"""
from __future__ import annotations

import argparse
import collections
import importlib.util
import json
import re
from pathlib import Path

SCORE = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"  # shared/ beside the clone


def load_referee(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def predictions(path: Path) -> dict:
    pred = json.loads(path.read_text(encoding="utf-8"))
    return {re.split(r"[\\/]", d.get("path", ""))[-1]: d for d in pred.get("documents", [])}


def differences(ref, gold: list[dict], doc: dict) -> list[tuple[str, str, str]]:
    """(kind, note, detail) of each difference, as score.py counts them."""
    out = []
    pnotes = collections.defaultdict(list)
    for n in doc.get("notes", []):
        pnotes[str(n.get("number"))].append(n)
    numbers = {str(g["note"]) for g in gold}
    out += [("spurious_note", k, "") for k in pnotes if k not in numbers]
    out += [("duplicate_note", k, str(len(v))) for k, v in pnotes.items() if len(v) > 1]
    for g in gold:
        key = str(g["note"])
        p = (pnotes.get(key) or [None])[0]
        if g["status"] == "missing_text":
            if not (p and p.get("status") == "missing_text"):
                out.append(("missing_not_flagged", key, ""))
            continue
        if not p or p.get("status") == "missing_text":
            out.append(("note_not_found", key, ""))
            continue
        if ref.norm(p.get("text")) != ref.norm(g["text"]):
            out.append(("text_differs", key, f"gold={g['text']!r} pred={p.get('text')!r}"))
        gc, pc = g.get("citations", []), p.get("citations", [])
        pairs = ref.align(gc, pc)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pj for _, pj in pairs}
        out += [("citation_missed", key, gc[i].get("raw", "")) for i in range(len(gc)) if i not in matched_g]
        out += [("citation_extra", key, pc[j].get("raw", "")) for j in range(len(pc)) if j not in matched_p]
        for gi, pj in pairs:
            gcit, pcit = gc[gi], pc[pj]
            if gcit.get("form", "full") != "full":
                want, got, res = gcit.get("resolves_to"), pcit.get("resolves_to"), pcit.get("resolution")
                if isinstance(want, dict):
                    ok = isinstance(got, dict) and str(got.get("note")) == str(want["note"]) and int(
                        got.get("index", 0)) == int(want.get("index", 0))
                else:
                    ok = res == want
                if not ok:
                    got = {k: v for k, v in got.items() if k != "document"} if isinstance(got, dict) else got
                    out.append(("short_form", key, f"{gcit.get('form')} want {want} got {res} {got}"))
                continue
            gf, pf = ref.gold_fields(gcit), ref.pred_fields(pcit)
            for k in sorted(set(gf) | set(pf)):
                if not (k in gf and k in pf and gf[k] == pf[k]):
                    out.append((f"field:{k}", key, f"want {gf.get(k)!r} got {pf.get(k)!r}"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("variant_pred", type=Path)
    ap.add_argument("md_pred", type=Path)
    ap.add_argument("gold_dir", type=Path)
    ap.add_argument("md_gold_dirs", type=Path, nargs="+")
    ap.add_argument("--profile", default="")
    ap.add_argument("--manifest", type=Path)
    args = ap.parse_args()
    ref = load_referee(SCORE)
    variant, md = predictions(args.variant_pred), predictions(args.md_pred)
    manifest = json.loads(args.manifest.read_text()) if args.manifest else {}
    for name, doc in sorted(variant.items()):
        stem = name.split(".")[0]
        if args.profile and manifest.get(stem, {}).get("profile") != args.profile:
            continue
        gold = [json.loads(line) for line in (args.gold_dir / f"{name}.jsonl").open(encoding="utf-8")]
        md_gold_path = next(d / "gold" / f"{stem}.md.jsonl" for d in args.md_gold_dirs
                            if (d / "gold" / f"{stem}.md.jsonl").exists())
        md_gold = [json.loads(line) for line in md_gold_path.open(encoding="utf-8")]
        on_md = set(differences(ref, md_gold, md.get(f"{stem}.md", {"notes": []})))
        for kind, note, detail in differences(ref, gold, doc):
            origin = "same-on-md" if (kind, note, detail) in on_md else "reading"
            print(f"{origin}\t{kind}\t{name}\t{note}\t{detail}")


if __name__ == "__main__":
    main()
