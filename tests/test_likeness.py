"""The one citation-likeness scorer shared by note splitting and note detection."""
import pytest

from cbmcite.parse.likeness import citation_score


@pytest.mark.parametrize("text", [
    "黃俊傑，《大學通識教育的理念與實踐》（臺北：中華民國通識教育學會，1999），頁4。",
    "Kenneth N. Waltz, Theory of International Politics (Reading, MA: Addison-Wesley, 1979), 102.",
    "Van Evera, “Offense, Defense,” 20.",
    "王名揚. 美國行政法[M]. 北京: 北京大學出版社, 2007: 194.",
])
def test_citations_score_one_or_more(text):
    assert citation_score(text) >= 1.0


@pytest.mark.parametrize("text", [
    "這一點學界仍有爭論，尚無定論。",
    "The two sides resumed military talks after the summit.",
])
def test_prose_scores_below_one(text):
    assert citation_score(text) < 1.0
