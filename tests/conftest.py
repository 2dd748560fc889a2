import json
from pathlib import Path

import pytest
from click.testing import CliRunner

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
DEV_DOC = FIXTURES / "000_bf46f7b206d5c766.txt"
NO_NOTE_DOCS = [FIXTURES / "002_ae6cb72911263d64.txt", FIXTURES / "003_299dc6053c26ca5f.txt"]
GOLD = FIXTURES / "gold" / "000_bf46f7b206d5c766.jsonl"
SYNTHETIC = FIXTURES / "synthetic"


@pytest.fixture(scope="session")
def gold():
    return {str(g["note"]): g for g in map(json.loads, GOLD.read_text("utf-8").splitlines()) if g}


@pytest.fixture(scope="session")
def dev_result():
    from cbmcite import extract_document

    return extract_document(str(DEV_DOC))


@pytest.fixture
def runner():
    return CliRunner()


def notes_of(text: str):
    """Detected notes of a synthetic text, keyed by number."""
    from cbmcite.notes import detect_notes

    return {n.number: n for n in detect_notes(text).notes}
