"""The one citation-likeness scorer shared by note splitting and note detection."""
import pytest

from cbmcite.likeness import citation_score


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


def test_a_sentence_running_on_to_a_title_is_prose():
    text = ("美國前駐印度大使布萊克威爾(Robert D. Blackwill)在2024年出版的《失落的十年:美國重返亞洲與中國力量的崛起》,"
            "分析美國的亞洲政策與中國崛起之間的互動。")
    assert citation_score(text) < 1.0
    assert citation_score("中華民國國防部國防報告書編纂委員會《中華民國一百一十年國防報告書》（臺北：國防部，2021年）。") >= 1.0


def test_an_example_in_commentary_is_prose():
    text = ("例如:2010年美國《核態勢評估報告》首次提及與中國展開戰略穩定對話,其目的之一正是為了間接向中國保證,"
            "美方的核武計畫無意削弱中國的核威懾力。")
    assert citation_score(text) < 1.0
    assert citation_score("例如：王大明，《兩岸關係》（臺北：五南，2001），頁5。") >= 1.0
