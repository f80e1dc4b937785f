"""Word diff: exact rebuild of both sides, word granularity, ignore options, diff-match-patch's own cases."""
from __future__ import annotations

import pytest
from diff_match_patch import diff_match_patch
from hypothesis import given, settings, strategies as st

from app.core.diffops import op_spans, side_text
from app.core.model import CompareOptions, DiffOp, Op
from app.core.tokenize import tokenize
from app.core.worddiff import diff_words

ALL_OPTIONS = [
    CompareOptions(),
    CompareOptions(ignore_case=True, ignore_punctuation=True),
    CompareOptions(conflate_spaces=False, conflate_quotes=False),
    CompareOptions(ignore_case=True, conflate_spaces=False, ignore_punctuation=True, conflate_quotes=False),
]


def rebuilds(a: str, b: str, ops) -> bool:
    return side_text(ops, "a") == a and side_text(ops, "b") == b


def test_tokens_join_back_to_the_text():
    text = "PP15bis. Saluant l’adoption, le 13 décembre 2024, de 3 000 plans (2024-2026) ;\n« x »"
    assert "".join(t for t, _ in tokenize(text)) == text
    words = [t for t, k in tokenize(text) if k in ("word", "number")]
    assert words[:6] == ["PP15bis", "Saluant", "l’", "adoption", "le", "13"]
    assert "3 000" in words    # a number with its group spaces is one token: 3 000 = 3\u00a0000 unless spaces are strict


def test_one_word_change_is_one_deletion_and_one_insertion():
    ops = diff_words("Calls upon all parties to respect", "Requests all parties to respect")
    edits = [op for op in ops if op.op is not Op.EQUAL]
    assert [(op.op, op.a.strip(), op.b.strip()) for op in edits] == [
        (Op.DELETE, "Calls upon", ""), (Op.INSERT, "", "Requests")]


def test_word_inserted_in_the_middle():
    ops = diff_words("for a period of one year", "for a period of one calendar year")
    assert [op for op in ops if op.op is not Op.EQUAL] == [DiffOp(Op.INSERT, b="calendar ")]


def test_ignore_case_and_punctuation_make_equal_but_keep_each_sides_text():
    a, b = "Welcoming the Act, of 2025", "welcoming the act of 2025"
    assert any(op.op is not Op.EQUAL for op in diff_words(a, b))
    ops = diff_words(a, b, CompareOptions(ignore_case=True, ignore_punctuation=True))
    assert all(op.op is Op.EQUAL for op in ops)
    assert rebuilds(a, b, ops)


def test_quotes_and_spaces_conflated_by_default_but_not_when_asked():
    a, b = "l’homme  et  la femme", "l'homme et la femme"
    assert all(op.op is Op.EQUAL for op in diff_words(a, b))
    strict = diff_words(a, b, CompareOptions(conflate_spaces=False, conflate_quotes=False))
    assert any(op.op is not Op.EQUAL for op in strict)
    assert rebuilds(a, b, strict)


def test_paragraph_break_is_a_token_of_its_own():
    a = "Calls upon the Government to release all persons and to investigate torture;"
    b = "Calls upon the Government to release all persons;\nAlso calls upon the Government to investigate torture;"
    ops = diff_words(a, b)
    assert rebuilds(a, b, ops)
    assert any("\n" in op.b for op in ops if op.op is Op.INSERT)


def test_op_spans_point_into_both_texts():
    a, b = "the quick brown fox", "the slow brown fox"
    for span in op_spans(diff_words(a, b)):
        if span.op is Op.DELETE:
            assert a[span.a_start:span.a_end] == "quick "
        if span.op is Op.INSERT:
            assert b[span.b_start:span.b_end] == "slow "


# diff-match-patch's own table (testDiffMain), with every character standing for a word.
_WORDS = {c: w for c, w in zip("abcdefghijklmnopqrstuvwxyz0123456789 .", [
    "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett", "Kilo",
    "Lima", "Mike", "November", "Oscar", "Papa", "Quebec", "Romeo", "Sierra", "Tango", "Uniform", "Victor",
    "Whiskey", "Xray", "Yankee", "Zulu", "zero", "one", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "space", "stop"])}
DMP_CASES = [
    ("", "", []),
    ("abc", "abc", [(0, "abc")]),
    ("abc", "ab123c", [(0, "ab"), (1, "123"), (0, "c")]),
    ("a123bc", "abc", [(0, "a"), (-1, "123"), (0, "bc")]),
    ("abc", "a123b456c", [(0, "a"), (1, "123"), (0, "b"), (1, "456"), (0, "c")]),
    ("a123b456c", "abc", [(0, "a"), (-1, "123"), (0, "b"), (-1, "456"), (0, "c")]),
    ("a", "b", [(-1, "a"), (1, "b")]),
    ("Apples are a fruit.", "Bananas are also fruit.",
     [(-1, "Apple"), (1, "Banana"), (0, "s are a"), (1, "lso"), (0, " fruit.")]),
    ("1ayb2", "abxab", [(-1, "1"), (0, "a"), (-1, "y"), (0, "b"), (-1, "2"), (1, "xab")]),
    ("abcy", "xaxcxabc", [(1, "xaxcx"), (0, "abc"), (-1, "y")]),
]


def as_words(chars: str) -> str:
    return "".join(_WORDS[c.lower()] + " " for c in chars)


def test_diff_match_patch_cases_hold_at_word_level():
    dmp = diff_match_patch()
    for a, b, expected in DMP_CASES:
        dmp.diff_cleanupSemantic(expected)   # the wrapper applies semantic cleanup; so does the expectation
        want = [(code, as_words(text)) for code, text in expected]
        got = [({Op.EQUAL: 0, Op.DELETE: -1, Op.INSERT: 1}[op.op], op.a if op.op is not Op.INSERT else op.b)
               for op in diff_words(as_words(a), as_words(b))]
        assert got == want, (a, b)


texts = st.text(alphabet=st.sampled_from(list("ab cdé,.;’'\"«»\n\t\u00a0-–123ABC")), max_size=80)


@settings(max_examples=300, deadline=None)
@given(a=texts, b=texts, which=st.integers(0, len(ALL_OPTIONS) - 1))
def test_ops_rebuild_both_sides_exactly(a, b, which):
    ops = diff_words(a, b, ALL_OPTIONS[which])
    assert rebuilds(a, b, ops)
    assert all(op.op is not Op.INSERT or not op.a for op in ops)
    assert all(op.op is not Op.DELETE or not op.b for op in ops)


@settings(max_examples=100, deadline=None)
@given(a=st.text(max_size=120), b=st.text(max_size=120))
def test_any_unicode_rebuilds(a, b):
    assert rebuilds(a, b, diff_words(a, b))


def test_diff_is_reproducible():
    a = "Encourages the Malian authorities to continue to take the necessary actions " * 20
    b = a.replace("continue", "pursue").replace("necessary", "needed")
    assert diff_words(a, b) == diff_words(a, b)


unit_strings = st.text(alphabet=st.sampled_from([chr(0x100 + i) for i in range(12)]), max_size=60)


@settings(max_examples=400, deadline=None)
@given(a=unit_strings, b=unit_strings)
def test_accelerated_diff_gives_the_same_ops_as_the_reference(a, b):
    pytest.importorskip("fast_diff_match_patch")
    from app.core import worddiff
    assert worddiff.diff_chars(a, b) == [tuple(d) for d in worddiff.diff_chars(a, b, accelerated=False)]


def test_a_chinese_sentence_with_one_character_changed_marks_that_character():
    ops = diff_words("人人生而自由，在尊严和权利上一律平等。", "人人生而自由，在尊严和权利上完全平等。", CompareOptions())
    assert [(op.op.value, op.a or op.b) for op in ops if op.op is not Op.EQUAL] == [
        ("delete", "一律"), ("insert", "完全")]
    one = diff_words("人人生而自由。", "人人生来自由。", CompareOptions())
    assert [(op.op.value, op.a or op.b) for op in one if op.op is not Op.EQUAL] == [("delete", "而"), ("insert", "来")]


def test_an_emoji_of_several_code_points_changes_as_one_symbol():
    family, other = "\U0001F468\u200d\U0001F469\u200d\U0001F467", "\U0001F468\u200d\U0001F469\u200d\U0001F466"
    ops = diff_words(f"Welcome {family} here", f"Welcome {other} here", CompareOptions())
    assert [(op.op.value, (op.a or op.b).strip()) for op in ops if op.op is not Op.EQUAL] == [
        ("delete", family), ("insert", other)]


def test_combining_marks_stay_in_their_word():
    ops = diff_words("la re\u0301solution 5/1", "la re\u0301solutions 5/1", CompareOptions())
    assert [(op.op.value, (op.a or op.b).strip()) for op in ops if op.op is not Op.EQUAL] == [
        ("delete", "re\u0301solution"), ("insert", "re\u0301solutions")]


def test_arabic_short_vowels_are_not_a_change():
    ops = diff_words("تقرر أن تبقي المسألة قيد نظرها", "تُقرِّر أن تبقي المسألة قيد نظرها", CompareOptions())
    assert all(op.op is Op.EQUAL for op in ops)
    assert "".join(op.b for op in ops) == "تُقرِّر أن تبقي المسألة قيد نظرها"     # the text keeps them


@pytest.mark.parametrize("draft,adopted", [
    ("la résolution adoptée", "la re\u0301solution adopte\u0301e"),          # NFC against NFD
    ("the defenders of rights", "the defen\u00adders of rights"),              # soft hyphen inside a word
    ("the defenders of rights", "the defen\u200bders of rights"),              # zero-width space
    ("co-operation with States", "co\u2011operation with States"),           # Word's no-break hyphen
    ("allocates 10 000 dollars", "allocates 10\u00a0000 dollars"),            # a number's group space
])
def test_what_a_reader_cannot_see_is_no_change_by_default(draft, adopted):
    ops = diff_words(draft, adopted, CompareOptions())
    assert all(op.op is Op.EQUAL for op in ops)
    assert "".join(op.b for op in ops) == adopted                           # the text keeps what it had


@pytest.mark.parametrize("draft,adopted", [
    ("human rights defenders", "human\u00a0rights defenders"),              # a no-break space
    ("human rights defenders", "human  rights defenders"),                  # a doubled space
    ("allocates 10 000 dollars", "allocates 10\u00a0000 dollars"),
])
def test_strict_spaces_reports_a_space_changed(draft, adopted):
    assert all(op.op is Op.EQUAL for op in diff_words(draft, adopted, CompareOptions()))
    ops = diff_words(draft, adopted, CompareOptions(conflate_spaces=False))
    assert [op.op for op in ops if op.op is not Op.EQUAL] == [Op.DELETE, Op.INSERT]


# -- the one-match-a-unit cut of the default options against the token-by-token cut -----------------------

from pathlib import Path  # noqa: E402

from app.core.tokenize import uses_clusters  # noqa: E402
from app.core.worddiff import _spaced_units, _token_units  # noqa: E402

_CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
_PIECES = ["l’homme", "qu'il", "d’", "States'", "`", "co–operation", "10 000", "3,5", "1.5", "«", "»", " ", "  ",
           "\u00a0", "\u202f", "\u2028", "\n", "\t", "-", "_x", "ـ", "كتب", "Ég", "ÉTATS", "soft\u00adhyphen",
           "zero\u200bwidth", "\u2011", "(a)", "²", "Мир", "и", "“", "”", ".", ",", "word", "A/RES/80/1"]


def _default_options():
    for case in (False, True):
        for quotes in (False, True):
            yield CompareOptions(ignore_case=case, conflate_quotes=quotes)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_one_match_a_unit_cuts_as_the_tokens_do(pieces):
    text = "".join(pieces)
    if uses_clusters(text):
        return
    for options in _default_options():
        assert _spaced_units(text, options) == _token_units(text, options)


def test_one_match_a_unit_cuts_real_paragraphs_as_the_tokens_do():
    files = sorted((_CORPORA / "un-ga80" / "clean").glob("*.md"))[:4] + sorted((_CORPORA / "udhr").glob("*.html"))
    lines = [line for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    checked = 0
    for line in lines:
        if uses_clusters(line):
            continue
        checked += 1
        for options in _default_options():
            assert _spaced_units(line, options) == _token_units(line, options), line
    assert checked > 1000
