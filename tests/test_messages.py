"""Findings are data; app.core.messages words them in English and French (issue #16).

Checked on the real inputs: the French/English seed pair (cross-language) and the bundled English pair
(same language), plus the engine's own checks run on small paragraphs for the codes and variants the
two pairs do not produce (duplicate labels, undetermined language, symbols, percentages, verbs ...).
"""
from __future__ import annotations

import re

import pytest

from app.core.crosscheck import check_pair
from app.core.messages import NNBSP, describe, language_of, place_name, severity_name, term
from app.core.model import Document, Finding, Kind, PairKind, ParaPair, Paragraph, Severity
from app.core.openings import check_opening
from app.core.structure_checks import check_structure
from app.io.json_export import comparison_to_dict
from app.io.pipeline import compare_files
from conftest import SAMPLES, SEEDS

# Words of the English templates: none may be left in a French sentence once its values are taken out.
ENGLISH = re.compile(r"\b(the draft|adopted text|Different|not found|Opening|opens|Footnotes|paragraphs|"
                     r"labels|skip|twice|became|is not in|could not|additive adverb|phrase table|only in)\b")


@pytest.fixture(scope="module")
def seed():
    if not (SEEDS / "draft_fr.txt").exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    return compare_files(SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt")


@pytest.fixture(scope="module")
def sample():
    return compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")


def _para(i: int, text: str, kind: Kind = Kind.PREAMBLE, **kw) -> Paragraph:
    return Paragraph(i, text, kind, **kw)


def engine_extras() -> list[Finding]:
    """Findings of the codes and variants the two pairs lack, made by the engine's own checks."""
    out: list[Finding] = []
    out += check_pair(_para(0, "Recalling document A/HRC/61/76 and 25 per cent of the 64th session"),
                      _para(0, "Rappelant le document A/HRC/61/77 et 30 % de la 65e session"), "en", "fr")
    out += check_pair(_para(0, "Recalling A/HRC/61/76 and 2024"), _para(0, "Rappelant"), "en", "fr")
    out.append(check_opening(_para(0, "Salue les efforts du Gouvernement,"),
                             _para(0, "Notes the efforts of the Government,"), "fr", "en"))
    out.append(check_opening(_para(0, "Welcomes the efforts,"), _para(0, "Notes the efforts,"), "en", "en"))

    def p(i, kind, number, suffix="", ordinal=0):
        label = ("PP" if kind is Kind.PREAMBLE else "OP") + f"{number}{suffix}"
        return Paragraph(i, f"{label} text", kind, label=label, number=number, suffix=suffix, ordinal=ordinal)

    draft = Document("d.txt", (p(0, Kind.PREAMBLE, 1, ordinal=1), p(1, Kind.PREAMBLE, 1, ordinal=2),
                               p(2, Kind.PREAMBLE, 2, "bis", 3), p(3, Kind.OPERATIVE, 1, ordinal=1),
                               p(4, Kind.OPERATIVE, 1, "bis", 2), p(5, Kind.OPERATIVE, 1, "ter", 3),
                               p(6, Kind.OPERATIVE, 1, "quater", 4),
                               Paragraph(7, "1 A/HRC/61/76.", Kind.FOOTNOTE, prefix="1 ", label="1")),
                     language="und")
    adopted = Document("a.txt", (p(0, Kind.PREAMBLE, 1, ordinal=1), p(1, Kind.PREAMBLE, 2, ordinal=2),
                                 Paragraph(2, "(a) x", Kind.SUBPARAGRAPH, prefix="(a) ", label="(a)"),
                                 Paragraph(3, "Unlabelled", Kind.OTHER)), language="und")
    pairs = [ParaPair(PairKind.EQUAL, (0,), (0,)), ParaPair(PairKind.DELETED, (1,), ()),
             ParaPair(PairKind.CHANGED, (2,), (1,)), ParaPair(PairKind.DELETED, (3,), ()),
             ParaPair(PairKind.CHANGED, (4,), (2,)), ParaPair(PairKind.CHANGED, (5,), (3,)),
             ParaPair(PairKind.DELETED, (6,), ()), ParaPair(PairKind.DELETED, (7,), ())]
    out += check_structure(draft, adopted, pairs)
    return [f for f in out if f is not None]


def _values_out(f: Finding, sentence: str) -> str:
    """The sentence without the document's own text (values, openings, notes, labels) in it."""
    for value in [f.draft_value, f.adopted_value] + [v for _, v in f.params if isinstance(v, str) and len(v) > 1]:
        if value:
            sentence = sentence.replace(value, " ")
    return sentence


def _check_french(f: Finding) -> None:
    en, fr = describe(f, "en"), describe(f, "fr")
    assert en.strip() and fr.strip(), f
    assert fr != en, f
    assert "{" not in fr and "}" not in fr and "{" not in en, (f, fr)
    bare = _values_out(f, fr)
    assert not ENGLISH.search(bare), (f.code, fr)
    # French typography: no ordinary space (or none) before : ; ? ! and narrow ones inside « »
    assert not re.search(r"(?<=\w)[:;?!](\s|$)", bare) and not re.search(r" [:;?!]", bare), (f.code, fr)
    assert fr.count("«") == fr.count(f"«{NNBSP}") and fr.count("»") == fr.count(f"{NNBSP}»"), fr


def test_every_finding_of_the_seed_pair_reads_in_english_and_french(seed):
    found = seed.all_findings()
    assert {"date", "resolution", "year", "opening", "bis", "label-skip", "footnote"} <= {f.code for f in found}
    for f in found:
        _check_french(f)
        assert f.message == describe(f, "en") == f.describe("en")


def test_every_finding_of_the_same_language_sample_reads_in_english_and_french(sample):
    found = sample.all_findings()
    assert {"number", "count", "bis", "footnote"} <= {f.code for f in found}
    for f in found:
        _check_french(f)


def test_the_other_codes_and_variants_read_in_french_too():
    found = engine_extras()
    codes = {f.code for f in found}
    assert {"symbol", "percent", "number", "year", "opening", "count", "label-duplicate", "language",
            "bis", "footnote"} <= codes
    assert {f.param("landing") for f in found if f.code == "bis"} == {"paragraph", "label", "pair", "none"}
    assert {f.param("check") for f in found if f.code == "opening"} == {"verb"}
    assert {f.param("side") for f in found if f.code == "language"} == {"draft", "adopted"}
    for f in found:
        _check_french(f)


def test_findings_are_data_with_no_sentence_inside(seed):
    for f in seed.all_findings():
        assert isinstance(f.params, tuple) and all(isinstance(k, str) and len(kv) == 2 for kv in f.params
                                                   for k in kv[:1])
        assert not any(isinstance(v, str) and v in (describe(f, "en"),) for _, v in f.params)
    missing = next(f for f in seed.all_findings() if f.code == "opening" and f.param("adopted_adverbs") == "also")
    assert missing.param("draft_adverbs") == "" and missing.param("same_language") is False
    with pytest.raises(TypeError):
        Finding("date", Severity.HIGH, "Different date: a sentence")      # the old way: refused
    with pytest.raises(AttributeError):
        missing.message = "x"                                                 # read-only


def test_opening_names_the_missing_also_in_both_languages(seed):
    f = next(f for f in seed.all_findings() if f.code == "opening" and f.param("adopted_adverbs") == "also")
    assert "(also)" in describe(f, "en") and "(également)" in describe(f, "fr")
    assert "aucun adverbe additif" in describe(f, "fr")


def test_unknown_languages_give_english_and_regional_codes_their_language(seed):
    f = seed.all_findings()[0]
    assert describe(f, "de") == describe(f, "") == describe(f, None) == describe(f, "en")
    assert describe(f, "fr-FR") == describe(f, "fr_CA") == describe(f, "FR") == describe(f, "fr")
    assert language_of("fr-BE") == "fr" and language_of("es") == "en"


def test_right_to_left_values_keep_their_isolates_in_both_languages():
    found = check_pair(_para(0, "بتاريخ 31 آذار/مارس 2026"), _para(0, "of 30 March 2026"), "ar", "en")
    assert found
    for lang in ("en", "fr"):
        text = describe(found[0], lang)
        assert "\u2068" + found[0].draft_value + "\u2069" in text and "\u2068" + found[0].adopted_value not in text


def test_an_unknown_code_still_says_its_values():
    f = Finding("range", Severity.MEDIUM, (), "1-3", "1-4")
    assert "1-3" in describe(f, "en") and "1-4" in describe(f, "fr") and "projet" in describe(f, "fr")


def test_terms_of_the_deliverables():
    assert [term(k, "fr") for k in ("head.label", "head.draft", "head.adopted")] == ["Étiquette", "Projet",
                                                                                     "Texte adopté"]
    assert term("file.draft", "fr", name="x.txt") == f"Projet{NNBSP}: x.txt"
    assert term("page", "fr", n=2, m=9) == "Page 2 sur 9" and term("page", "en", n=2, m=9) == "Page 2 of 9"
    assert term("gap", "fr", n=1, span="PP6").count("paragraphe inchangé") == 1
    assert "paragraphes inchangés" in term("gap", "fr", n=3, span="PP6–PP8")
    assert "unchanged paragraphs" in term("gap", "en", n=0, span="")
    assert severity_name(Severity.HIGH, "fr") == "élevée" and severity_name("info", "en") == "info"
    assert place_name("table 2, row 3, cell 1", "fr") == "tableau 2, ligne 3, cellule 1"
    assert place_name("line 4", "en") == "line 4"
    for key in ("kind.changed", "kind.inserted", "kind.deleted", "kind.moved", "kind.split", "kind.merged"):
        assert term(key, "fr") != term(key, "en")


def test_json_keeps_the_english_message_and_adds_the_params(seed):
    data = comparison_to_dict(seed)
    found = data["findings"] + [f for p in data["pairs"] for f in p["findings"]]
    assert found and all(isinstance(f["params"], dict) and f["message"] for f in found)
    date = next(f for f in found if f["code"] == "date")
    assert date["params"] == {"kind": "date"} and date["message"].startswith("Different date")


# -- the window: findings in the interface language ---------------------------------------------------



def test_window_models_word_findings_in_the_interface_language(seed, french):
    from app.ui.change_model import summary
    from app.ui.findings_panel import FindingsModel
    from app.ui.i18n import interface_language
    from widgets.rows import side_blocks
    assert interface_language() == "fr"
    model = FindingsModel()
    model.set_comparison(seed)
    texts = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert texts == [describe(f, "fr") for f in model.findings]
    n = next(i for i, p in enumerate(seed.pairs) if any(f.code == "date" for f in p.findings))
    pair = seed.pairs[n]
    assert describe(pair.findings[0], "fr") in summary(seed, pair)
    tips = [t for b in side_blocks(seed, n, "a", pair.draft) for _, _, t in b.findings]
    assert tips and all(t in [describe(f, "fr") for f in pair.findings] for t in tips)


def test_window_models_stay_english_in_the_english_interface(seed, qapp):
    from app.ui.change_model import summary
    from app.ui.i18n import install_translators, interface_language
    install_translators(qapp, "en")
    assert interface_language() == "en"
    n = next(i for i, p in enumerate(seed.pairs) if p.findings)
    assert seed.pairs[n].findings[0].message in summary(seed, seed.pairs[n])


def test_window_exports_are_written_in_the_interface_language(qtbot, tmp_path, monkeypatch, french):
    from PySide6.QtCore import QThreadPool
    from app.ui import exports
    from test_ui_actions import fake_module
    from test_ui_main_window import make_window
    from test_ui_support import compare_texts, long_texts
    calls = []

    def export_sheet_docx(comparison, out_path, *, collapse_equal=False, notes=None, language="en"):
        calls.append(("sheet_docx", language))
        return out_path

    def export_annotated(comparison, out_path, *, notes=None, author=None, language="en"):
        calls.append(("annotated", language))
        return out_path

    fake_module(monkeypatch, "app.io.export_sheet_docx", export_sheet_docx=export_sheet_docx)
    fake_module(monkeypatch, "app.io.export_annotated", export_annotated=export_annotated)
    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "out"), ""))
    window = make_window(qtbot, tmp_path)
    window.show_comparison(compare_texts(*long_texts()))
    for key in ("sheet_docx", "annotated"):
        window.export_actions[key].trigger()
        qtbot.waitUntil(lambda: any(k == key for k, _ in calls) and window.watcher is None, timeout=10_000)
    QThreadPool.globalInstance().waitForDone(10_000)
    assert calls == [("sheet_docx", "fr"), ("annotated", "fr")]
    window.close()
