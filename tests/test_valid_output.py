"""Whatever characters a note holds, every output parses back: JSON with json, BibTeX with bibtexparser."""
import json

import bibtexparser
from hypothesis import given, settings
from hypothesis import strategies as st

from cbmcite.bibliography import merge
from cbmcite.export import to_bibtex, to_csl_json, to_notes_json
from cbmcite.model import SourceText
from cbmcite.pipeline import extract_source

CITATIONS = ["楊永明，〈信心建立措施與亞太安全〉，《問題與研究》，第38卷第6期，1999年，頁1-23。",
             "Joseph Sheffield, Military Thought (Alabama: AU Press, 2009), pp. 7-8.",
             '黃仁佛，《信心建立措施研究》（臺北：五南圖書出版公司，2001年），頁35。']
HOSTILE = st.text(alphabet=st.sampled_from(list('\\"{}%&#_$~^@,=') + ["楊", "a", " "]), min_size=1, max_size=6)


def _outputs(text: str):
    result = extract_source(SourceText("x.txt", text, "utf-8"))
    bib = merge([result])
    return bib, to_notes_json([result], bib), to_csl_json(bib), to_bibtex(bib)


def _reject(constant):
    raise ValueError(constant)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CITATIONS), HOSTILE, st.integers(0, 80)), min_size=1, max_size=3))
def test_hostile_characters_anywhere_in_a_note_give_valid_json(notes):
    text = "正文。" + "".join(f"{n}" for n in range(1, len(notes) + 1)) + "\n\n" + "\n".join(
        f"{n} {c[:at]}{hostile}{c[at:]}" for n, (c, hostile, at) in enumerate(notes, 1))
    bib, notes_json, csl_json, _ = _outputs(text)
    json.loads(notes_json, parse_constant=_reject)
    json.loads(csl_json, parse_constant=_reject)
    assert all(w.item["id"].isascii() and w.item["id"].isalnum() and w.item["id"].islower() for w in bib.works)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(CITATIONS), HOSTILE, st.integers(0, 80)), min_size=1, max_size=3))
def test_hostile_characters_anywhere_in_a_note_give_valid_bibtex(notes):
    text = "正文。" + "".join(f"{n}" for n in range(1, len(notes) + 1)) + "\n\n" + "\n".join(
        f"{n} {c[:at]}{hostile}{c[at:]}" for n, (c, hostile, at) in enumerate(notes, 1))
    bib, _, _, bibtex = _outputs(text)
    library = bibtexparser.parse_string(bibtex)
    assert not library.failed_blocks and len(library.entries) == len(bib.works)
