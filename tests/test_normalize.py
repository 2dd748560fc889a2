"""Normalisers: examples and properties (idempotent, total on arbitrary Unicode)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from cbmcite.han import chinese_number
from cbmcite.normalize import repair_artifacts
from cbmcite.values import chinese_language_tag, fold_compat, match_key, normalize_pages, parse_date


def test_roc_and_gregorian_dates():
    assert parse_date("民國 86年") == [1997]
    assert parse_date("民國九十一年") == [2002]
    assert parse_date("民國95年2月10日") == [2006, 2, 10]
    assert parse_date("民65年12月") == [1976, 12]
    assert parse_date("民國前1年") == [1911]
    assert parse_date("民國元年") == [1912]
    assert parse_date("二〇〇二年") == [2002]
    assert parse_date("（1998.06.）") == [1998, 6]
    assert parse_date("(Spring 1999)") == [1999]
    assert parse_date("第38卷") is None


def test_chinese_numerals():
    assert chinese_number("一一○") == 110
    assert chinese_number("九十一") == 91
    assert chinese_number("十二") == 12
    assert chinese_number("二〇〇二") == 2002


def test_pages():
    assert normalize_pages("pp.57- 59") == "57-59"
    assert normalize_pages("頁 34-35") == "34-35"
    assert normalize_pages("第43頁") == "43"
    assert normalize_pages("p.254-255") == "254-255"
    assert normalize_pages("頁68、69") == "68, 69"
    assert normalize_pages("43-73+92") == "43-73, 92"
    assert normalize_pages("頁１２～１５") == "12-15"


def test_compatibility_ideographs_and_width():
    assert fold_compat("\uf98e") == "年"  # CJK compatibility ideograph
    assert fold_compat("⽅⾏") == "方行"  # Kangxi radicals
    assert fold_compat("⻘") == "青"  # CJK radicals supplement, not fixed by NFKC
    assert fold_compat("Ｖｏｌ．３８") == "Vol．38"
    assert fold_compat("，（）《》") == "，（）《》"  # CJK punctuation is kept
    assert fold_compat("ﬁnance") == "finance"


def test_artifact_repair():
    assert repair_artifacts("Asia- Pacific") == "Asia-Pacific"
    assert repair_artifacts("Military- to- Military") == "Military-to-Military"
    assert repair_artifacts("Confl ic t Preventive Center") == "Conflict Preventive Center"
    assert repair_artifacts("Confidence- and Security-Building") == "Confidence- and Security-Building"
    assert repair_artifacts("“Hotline Communication＂") == "“Hotline Communication”"
    assert repair_artifacts("c o n f l i c t avoidance") == "conflict avoidance"


def test_matching_folds_script_but_output_does_not():
    assert match_key("兩岸軍事互信機制") == match_key("两岸军事互信机制")
    assert match_key("Military- to- Military") == match_key("Military-to-Military")
    assert chinese_language_tag("兩岸關係") == "zh-TW"
    assert chinese_language_tag("两岸关系") == "zh-CN"


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalisers_are_idempotent_and_total(s):
    for fn in (fold_compat, repair_artifacts, match_key):
        once = fn(s)
        assert isinstance(once, str)
        assert fn(once) == once
    pages = normalize_pages(s)
    assert pages is None or normalize_pages(pages) == pages
    parse_date(s)
    chinese_number(s[:5])


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["pp.", "p.", "頁", "第", "頁 "]), st.integers(1, 9999), st.integers(1, 9999),
       st.sampled_from(["-", "- ", "–", "~", "～", " - "]))
def test_page_ranges_normalise_to_start_end(prefix, a, b, dash):
    assert normalize_pages(f"{prefix}{a}{dash}{b}") == f"{a}-{b}"


def test_script_folding_reaches_a_fixed_point():
    assert match_key("薴") == match_key(match_key("薴")) == match_key("苎")


def test_look_alike_glyphs_are_read_once_and_width_is_kept():
    from cbmcite.values import fold_glyphs

    assert fold_glyphs("⼈⺠⻑官，Conﬂict，ｐ．５") == "人民長官，Conflict，ｐ．５"  # full width is the text as written
    assert fold_glyphs("平常的文字") == "平常的文字"


def test_a_page_range_whose_hyphen_the_extractor_dropped_is_restored():
    """pdftotext removes a hyphen at a line end: '264-\n268' becomes '264268'; no cited page has six digits."""
    assert normalize_pages("264268") == "264-268"
    assert normalize_pages("pp. 11021105") == "1102-1105"
    assert normalize_pages("268264") == "268264"  # not a range: kept as printed
    assert normalize_pages("2642") == "2642"
