"""Each text extraction of the generated corpus (../shared/corpus/gen) against a floor, scored by the referee.

The floors are below the figures of this branch: they catch a rule that breaks one extractor's output."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

_HERE = Path(__file__).resolve()
# beside the clone (CI), or beside the folder of worktrees
SHARED = next((p / "shared" for p in (_HERE.parents[2], _HERE.parents[3]) if (p / "shared").is_dir()),
              _HERE.parents[2] / "shared")
GEN = SHARED / "corpus" / "gen"
SCORER = SHARED / "eval" / "score.py"
# variant: (notes recall, note text exact, spurious or duplicate notes as a share of the gold notes)
FLOORS = {
    "pdftotext.txt": (0.98, 0.94, 0.01),
    "layout.txt": (0.98, 0.92, 0.01),
    "plumber.txt": (0.97, 0.95, 0.01),
    "repeat.txt": (0.98, 0.94, 0.01),
    "cut.txt": (0.98, 0.95, 0.01),
    "glyph.txt": (0.97, 0.94, 0.01),
}


@pytest.mark.skipif(not SCORER.exists(), reason="../shared is not beside the clone")
@pytest.mark.parametrize("variant", sorted(FLOORS))
def test_extraction_variant_scores_above_its_floor(variant, tmp_path):
    files = sorted(GEN.glob(f"*.{variant}"))
    golds = [GEN / "gold" / f"{f.name}.jsonl" for f in files]
    out, scores = tmp_path / "notes.json", tmp_path / "scores.json"
    subprocess.run([sys.executable, "-m", "cbmcite.cli", "extract", *map(str, files), "--format", "json", "-q", "-o", str(out)],
                   check=True, capture_output=True)
    subprocess.run([sys.executable, str(SCORER), str(out), *map(str, golds), "--json", str(scores)],
                   check=True, capture_output=True)
    result = json.loads(scores.read_text())
    recall, exact, spurious = FLOORS[variant]
    assert result["notes_recall"] >= recall
    assert result["notes_text_exact"] >= exact
    assert result["duplicate_or_spurious_notes"] <= spurious * result["counts"]["gold_notes"]
