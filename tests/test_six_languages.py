"""The Universal Declaration in the six official languages (../shared/corpora/udhr, read its README):
each language is detected, a pair of two languages is compared across languages, every "Article N"
heading and the paragraph after it are paired with their counterparts, and no figure, date, year or
symbol is reported unless one side really says something else."""
from __future__ import annotations

import re
from dataclasses import replace

import pytest

from app.core.align_cross import _numbers
from app.core.compare import compare_documents
from app.core.language import detect
from app.core.model import CompareOptions, Document
from app.io.pipeline import load_document
from conftest import SHARED

UDHR = SHARED / "corpora" / "udhr"
LANGS = {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "arb": "ar", "cmn_hans": "zh"}
PAIRS = [(x, "eng") for x in LANGS if x != "eng"] + [("fra", "arb"), ("rus", "cmn_hans"), ("spa", "fra"),
                                                      ("cmn_hans", "arb")]
HEADING = re.compile(r"^(?:Article|Artículo|Статья|المادة|第)\s*\S+?条?$")
VALUE_CODES = {"number", "date", "year", "symbol", "resolution", "percent"}
# One date as each language writes it, and another
DATES = {
    "en": ("31 March 2026", "30 March 2026"), "fr": ("31 mars 2026", "30 mars 2026"),
    "es": ("31 de marzo de 2026", "30 de marzo de 2026"), "ru": ("31 марта 2026 года", "30 марта 2026 года"),
    "ar": ("31 آذار/مارس 2026", "30 آذار/مارس 2026"), "zh": ("2026年3月31日", "2026年3月30日"),
}
NUMBERS = {"en": "64th session", "fr": "64e session", "es": "64º período de sesiones", "ru": "64-й сессии",
           "ar": "الدورة 64", "zh": "第六十四届会议"}


@pytest.fixture(scope="module")
def docs():
    if not UDHR.exists():
        pytest.skip("../shared/corpora/udhr is not beside this checkout")
    return {name: load_document(UDHR / f"{name}.html") for name in LANGS}


def _articles(doc: Document) -> dict[int, int]:
    """Article number -> index of its heading paragraph."""
    out = {}
    for p in doc.paragraphs:
        if HEADING.match(p.text.strip()):
            numbers = _numbers(p.text)
            if len(numbers) == 1:
                out[int(next(iter(numbers)))] = p.index
    return out


def test_each_language_is_detected_from_its_text(docs):
    for name, lang in LANGS.items():
        text = [p.text for p in docs[name].paragraphs]
        found = detect(text)
        assert found.language == lang and found.confidence >= 0.6, name
        # the file's lang attribute is not what decided it: the text alone does
        assert docs[name].language == lang


@pytest.mark.parametrize("draft,adopted", PAIRS)
def test_articles_pair_across_languages_and_nothing_is_a_false_value_finding(docs, draft, adopted):
    c = compare_documents(docs[draft], docs[adopted])
    assert c.cross_language
    a_articles, b_articles = _articles(c.draft), _articles(c.adopted)
    assert sorted(a_articles) == sorted(b_articles) == list(range(1, 31))
    by_draft = {i: pair for pair in c.pairs for i in pair.draft}
    for n, i in a_articles.items():
        j = b_articles[n]
        assert j in by_draft[i].adopted, f"Article {n} heading"
        assert j + 1 in by_draft[i + 1].adopted, f"Article {n} text"
    assert [f.message for f in c.all_findings() if f.code in VALUE_CODES] == []
    # "Кроме того", "وفضلاً عما تقدم", "并且" are the "Furthermore" of Article 2: no opening alarm
    assert [f.message for f in c.all_findings() if f.code == "opening"] == []


def _plant(doc: Document, article: int, addition: str) -> Document:
    """The paragraph after the heading of ``article`` with ``addition`` at its end."""
    i = _articles(doc)[article] + 1
    p = doc.paragraphs[i]
    paragraphs = list(doc.paragraphs)
    paragraphs[i] = replace(p, text=p.text + " " + addition, runs=())
    return doc.with_paragraphs(tuple(paragraphs))


@pytest.mark.parametrize("name", [n for n in LANGS if n != "eng"])
def test_a_date_or_number_planted_differently_is_found_and_the_same_one_is_not(docs, name):
    lang = LANGS[name]
    options = CompareOptions()
    same = compare_documents(_plant(docs[name], 3, DATES[lang][0]), _plant(docs["eng"], 3, DATES["en"][0]), options)
    assert [f for f in same.all_findings() if f.code in VALUE_CODES] == []
    other = compare_documents(_plant(docs[name], 3, DATES[lang][1]), _plant(docs["eng"], 3, DATES["en"][0]), options)
    assert [f.code for f in other.all_findings() if f.code in VALUE_CODES] == ["date"]
    same = compare_documents(_plant(docs[name], 5, NUMBERS[lang]), _plant(docs["eng"], 5, NUMBERS["en"]), options)
    assert [f for f in same.all_findings() if f.code in VALUE_CODES] == []
    changed = NUMBERS[lang].replace("64", "65").replace("六十四", "六十五")
    other = compare_documents(_plant(docs[name], 5, changed), _plant(docs["eng"], 5, NUMBERS["en"]), options)
    assert [f.code for f in other.all_findings() if f.code in VALUE_CODES] == ["number"]


def test_arabic_paragraphs_are_right_to_left_in_the_word_exports(docs, tmp_path):
    """w:bidi on every Arabic paragraph and w:rtl on its Arabic runs (ECMA-376 17.3.1.6, 17.3.2.30);
    none on the English ones."""
    import zipfile

    from lxml import etree

    from app.io.export_annotated import export_annotated
    from app.io.export_sheet_docx import export_sheet_docx
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for export, c in ((export_sheet_docx, compare_documents(docs["arb"], docs["eng"])),
                      (export_annotated, compare_documents(docs["eng"], docs["arb"]))):  # built on the adopted text
        out = export(c, tmp_path / f"{export.__name__}.docx")
        body = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
        arabic = english = 0
        for p in body.iter(f"{w}p"):
            text = "".join(p.itertext())
            bidi = p.find(f"{w}pPr/{w}bidi") is not None
            if "الإعلان العالمي" in text:
                arabic += 1
                assert bidi and p.find(f".//{w}rPr/{w}rtl") is not None
            elif text.startswith("Universal Declaration"):
                english += 1
                assert not bidi
        assert arabic and (english or export is export_annotated), export.__name__
