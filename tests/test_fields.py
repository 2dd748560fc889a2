"""The field takers every citation style shares (parse/fields.py): what they take, and what they leave."""
import re

from cbmcite.parse.fields import run_steps, set_publication, take_pages, take_url_field, take_year
from cbmcite.parse.result import Parsed


def test_pages_inside_a_citation_leave_the_rest_joined_by_a_comma():
    s = "王澤鑑，《民法總則》，頁30-32，臺北：三民書局，2000年"
    out = Parsed(lang="zh")
    rest = take_pages(s, out, re.search(r"[，,]\s*頁(\d+-\d+)(?=[，,])", s), strip="，,：: ")
    assert out.locator == "30-32"
    assert rest == "王澤鑑，《民法總則》，臺北：三民書局，2000年"


def test_no_pages_found_leaves_the_text_and_the_locator_alone():
    out = Parsed(lang="en")
    assert take_pages("Kenneth Waltz, Theory of International Politics", out, None) == \
        "Kenneth Waltz, Theory of International Politics"
    assert out.locator is None


def test_a_year_is_not_taken_over_a_date_taken_before():
    s = "The New York Times, 2008"
    m = re.search(r",\s*(?P<y>[0-9]{4})$", s)
    dated = Parsed(lang="en", csl={"issued": {"date-parts": [[2008, 2, 29]]}})
    assert take_year(s, dated, m) == s and dated.csl["issued"] == {"date-parts": [[2008, 2, 29]]}
    undated = Parsed(lang="en")
    assert take_year(s, undated, m) == "The New York Times" and undated.csl["issued"] == {"date-parts": [[2008]]}


def test_an_unnamed_place_is_left_out_of_the_publication_block():
    out = Parsed(lang="zh")
    set_publication(out, None, "商務印書館")
    assert out.csl == {"publisher": "商務印書館"}


def test_steps_run_in_order_each_on_what_the_one_before_left():
    out = Parsed(lang="en")
    rest = run_steps((take_url_field, lambda s, o: s.rstrip(" ,")),
                     "Taiwan Relations Act, https://www.ait.org.tw/tra/, ", out)
    assert out.csl["URL"] == "https://www.ait.org.tw/tra/"
    assert rest == "Taiwan Relations Act"
