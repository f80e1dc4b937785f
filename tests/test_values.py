"""Value extraction and normalisation: the same figure written in any en/fr/es style gives one value."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from app.core.values import extract_values, mask_markers, number_value


def vals(text: str, lang: str = "") -> list[tuple[str, str]]:
    return [(v.kind, v.value) for v in extract_values(text, lang)]


@pytest.mark.parametrize("raw,lang,expected", [
    ("3000", "en", "3000"), ("3,000", "en", "3000"), ("3 000", "fr", "3000"), ("3\u00a0000", "fr", "3000"),
    ("3\u202f000", "fr", "3000"), ("1,000,000", "en", "1000000"), ("1.000.000", "en", "1000000"),
    ("3.000", "es", "3000"), ("3.000", "fr", "3000"), ("3.000", "en", "3"), ("1,5", "fr", "1.5"),
    ("1.5", "en", "1.5"), ("1.50", "en", "1.5"), ("1,234.5", "en", "1234.5"), ("1.234,5", "es", "1234.5"),
    ("007", "", "7"), ("0,25", "fr", "0.25"),
])
def test_number_normalisation(raw, lang, expected):
    assert number_value(raw, lang) == expected


@pytest.mark.parametrize("text,lang", [
    ("le 1er avril 2022", "fr"), ("on 1 April 2022", "en"), ("el 1 de abril de 2022", "es"),
    ("on April 1, 2022", "en"), ("on 1st April 2022", "en"), ("el 1º de abril del 2022", "es"),
    ("le 1\u00a0avril\u00a02022", "fr"), ("on 1 APRIL 2022", "en"),
])
def test_one_date_in_every_style_is_one_value(text, lang):
    assert vals(text, lang) == [("date", "2022-04-01")]


@pytest.mark.parametrize("text,expected", [
    ("le 23 février", [("date", "--02-23")]),
    ("en février 2024", [("date", "2024-02")]),
    ("in May 2023", [("date", "2023-05")]),
    ("en mayo de 2023", [("date", "2023-05")]),
    ("paragraph 5 may be amended in 2023", [("number", "5"), ("year", "2023")]),   # "may", the verb
    ("23 February–31 March 2026", [("date", "--02-23"), ("date", "2026-03-31")]),
    ("du 32 mars", [("number", "32"), ]),   # no 32nd day: not a date (the month stays a word)
])
def test_partial_dates_and_non_dates(text, expected):
    assert vals(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("A/HRC/61/76", "A/HRC/61/76"), ("[A/HRC/61/76](#).", "A/HRC/61/76"),
    ("E/CN.4/2005/L.10", "E/CN.4/2005/L.10"), ("S/RES/2391 (2017)", "S/RES/2391(2017)"),
    ("S/RES/2391(2017)", "S/RES/2391(2017)"), ("A/HRC/RES/22/18,", "A/HRC/RES/22/18"),
    ("A/HRC/61/L.20/Rev.1", "A/HRC/61/L.20/Rev.1"), ("CEDAW/C/MLI/CO/6-7", "CEDAW/C/MLI/CO/6-7"),
])
def test_document_symbols_are_one_value(text, expected):
    assert vals(text) == [("symbol", expected)]


def test_resolution_numbers_years_and_ranges():
    assert vals("résolutions 5/1 et 5/2, 60/251 et 1993/59") == [
        ("resolution", "5/1"), ("resolution", "5/2"), ("resolution", "60/251"), ("resolution", "1993/59")]
    assert vals("2024-2026") == vals("2024–2026") == vals("2024 to 2026") == [("year", "2024"), ("year", "2026")]
    assert vals("2023,2024 et 2025") == vals("2023, 2024 and 2025") == [
        ("year", "2023"), ("year", "2024"), ("year", "2025")]


def test_percentages():
    for text in ("25 %", "25%", "25\u00a0%", "25 per cent", "25 percent", "25 pour cent", "25 por ciento"):
        assert vals(text) == [("percent", "25")], text
    assert vals("12,5 %", "fr") == vals("12.5 per cent", "en") == [("percent", "12.5")]


@pytest.mark.parametrize("a,b", [
    ("soixante et unième", "sixty-first"), ("sexagésimo primer", "sixty first"),
    ("soixante-quatrième", "sixty-fourth"), ("sexagésimo cuarto", "64th"), ("64e", "sixty-fourth"),
    ("quatrième cycle", "fourth cycle"), ("cuarto ciclo", "4th cycle"),
])
def test_ordinals_in_words_and_digits(a, b):
    assert [(k, v) for k, v in vals(a)] == [(k, v) for k, v in vals(b)]
    assert vals(a)[0][0] == "ordinal"


def test_cardinal_words_count_only_before_a_unit():
    assert vals("pour une période de deux ans") == [("number", "2")]
    assert vals("for a period of two years") == [("number", "2")]
    assert vals("for a one-year period") == [("number", "1")]
    assert vals("deux rapports et trois résolutions") == []          # no unit: words stay words
    assert vals("salue l’institution d’une Semaine nationale") == []  # a name, not "one week"
    assert vals("third parties and third States") == []               # not an ordinal
    # Articles stand for one only softly: "un pays" is usually "a country".
    (v,) = extract_values("de proroger d’un an")
    assert (v.kind, v.value, v.optional) == ("number", "1", True)
    (v,) = extract_values("for a period of one year")
    assert (v.kind, v.value, v.optional) == ("number", "1", False)


def test_footnote_markers_are_not_numbers():
    assert vals("the Independent Expert on Mali,¹ noting") == []
    assert vals("the report[1] and the note[^2]") == []
    assert mask_markers("Mali,¹²") == "Mali,  "
    assert vals("in 2023¹") == [("year", "2023")]


def test_a_year_inside_a_date_is_not_also_a_year():
    assert vals("du 15 mars 2006, 2006") == [("date", "2006-03-15"), ("year", "2006")]


def test_spans_give_back_the_written_value():
    text = "PP5. résolutions 52/42 du 4 avril 2023, 3 000 personnes, A/HRC/61/76, d’un an, 25 %"
    for v in extract_values(text, "fr"):
        assert text[v.start:v.end] == v.text


@given(st.text(max_size=400), st.sampled_from(["", "en", "fr", "es", "und"]))
@settings(max_examples=300, deadline=None)
def test_extraction_never_raises_and_spans_hold(text, lang):
    for v in extract_values(text, lang):
        assert text[v.start:v.end] == v.text
        assert v.kind in ("symbol", "resolution", "date", "percent", "ordinal", "number", "year")


@given(st.lists(st.sampled_from(["3 000", "1er", "avril", "2022", "52/42", "A/HRC/61/76", "%", "de", " ", ",",
                                  "soixante", "-", "quatrième", "un", "an", "April", "1,", "May", "\u00b9"]),
                max_size=30))
@settings(max_examples=300, deadline=None)
def test_extraction_on_value_like_soup(parts):
    text = "".join(parts)
    for v in extract_values(text, "fr"):
        assert text[v.start:v.end] == v.text


def test_special_and_emergency_special_session_resolutions_keep_their_prefix():
    assert vals("resolutions ES-11/4 and S-32/2, and 11/4") == [
        ("resolution", "ES-11/4"), ("resolution", "S-32/2"), ("resolution", "11/4")]


def test_figures_of_the_six_languages():
    """Arabic-Indic digits, Chinese numerals, Russian ordinals in words and dates in Russian, Arabic
    and Chinese read as the same values as their English counterparts."""
    assert vals("شيء ١٥ و٢٠٢٦") == vals("thing 15 and 2026")
    assert vals("第六十四届会议") == [("ordinal", "64")] == vals("64th session")
    assert vals("на своей шестьдесят четвертой сессии") == [("ordinal", "64")]
    assert vals("шестьдесят пятая сессия") == [("ordinal", "65")]
    assert vals("في دورتها الرابعة والستين") == [("ordinal", "64")] == vals("at its sixty-fourth session")
    assert vals("الدورة الحادية عشرة") == [("ordinal", "11")]
    for text in ("31 марта 2026 года", "31 آذار/مارس 2026", "2026年3月31日", "٣١ آذار/مارس ٢٠٢٦"):
        assert vals(text) == vals("31 March 2026") == [("date", "2026-03-31")], text
    assert vals("二〇二五年") == [("year", "2025")]
    assert vals("大会第80/1号决议") == [("resolution", "80/1")]
    assert vals("人人生而自由，在尊严和权利上一律平等") == []          # "一律" is "equally", not "one"


# -- the ASCII pre-check (values.may_hold_values) never skips a text the scanner finds a value in --------

from pathlib import Path  # noqa: E402

from app.core.values import _ascii_openers, _scan, may_hold_values  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "un-ga80"

_ASCII_PIECES = ["one", "One", "ONE", "twenty", "twenty-one", "first", "Second", "May", "may", "MAY", "June",
                 "june", "decembre", "trois", "years", "States", "per", "cent", "A", "RES", "/", "S-", "ES",
                 "HRC", "1", "64th", "2026", "%", "(", ")", " ", "-", ",", ".", "the", "session", "Assembly",
                 "alone", "someone", "forty", "quatre", "vingt", "un", "une", "an", "ans", "x"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_ASCII_PIECES), max_size=10), st.sampled_from(["", "en", "fr", "es"]))
def test_a_text_said_to_hold_no_value_holds_none(pieces, lang):
    text = "".join(pieces)
    if not may_hold_values(text):
        assert _scan(text, lang) == ()


def test_the_pre_check_skips_plain_words_and_keeps_every_value_of_real_text():
    assert not may_hold_values("Calls upon all States to respect the rights of everyone;")
    assert may_hold_values("Decides to hold the meeting in June;") and "june" in _ascii_openers()
    lines = [line for f in sorted((CORPUS / "clean").glob("*.md")) for line in
             f.read_text(encoding="utf-8").splitlines() if line.strip()]
    skipped = [line for line in lines if not may_hold_values(line)]
    assert skipped and all(_scan(line, "en") == () for line in skipped)
