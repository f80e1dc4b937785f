"""Comparison sheet: the grid of HTML cells, PDF pages with "Page n of m" in A4/Letter landscape, Word table."""
from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
import zipfile

import pytest
from lxml import etree

from app.core.model import PairKind
from app.io.errors import ExportError
from app.io.export_sheet_docx import export_sheet_docx
from app.io.pipeline import compare_files
from app.io.sheet_html import GREY, sheet_grid
from app.io.sheet_rows import GAP, sheet_rows
from conftest import SAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def sample():
    return compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")


def sheet_html(comparison, **options) -> str:
    """Everything the sheet's grid says as one string: its style, its head and every cell's HTML."""
    grid = sheet_grid(comparison, **options)
    return "\n".join([grid.css, grid.head] + [cell.html for row in (grid.header,) + grid.rows for cell in row.cells])


def html_spans(html: str) -> list[tuple[set[str], str]]:
    """Every marked span of a sheet's HTML: (its classes, its text)."""
    import html as html_lib
    return [(set(classes.split()), html_lib.unescape(text))
            for classes, text in re.findall(r'<span class="([^"]*)"[^>]*>([^<]*)</span>', html)]


def test_html_has_highlights_with_non_colour_cues_and_escapes_text(sample):
    html = sheet_html(sample)
    spans = html_spans(html)
    assert "two years" == "".join(t for c, t in spans if "del" in c and t in ("two", " years"))
    assert "one year" == "".join(t for c, t in spans if "ins" in c and t in ("one", " year"))
    assert 'text-decoration: line-through' in html and 'text-decoration: underline' in html
    assert "draft_en.txt" in html and "adopted_en.txt" in html
    assert "PP4bis \u2192 PP5" in html
    assert "HIGH: Different number: the draft has 120, the adopted text has 112" in html


def test_text_is_escaped(sample):
    from dataclasses import replace
    p = sample.adopted.paragraphs[0]
    evil = replace(sample, adopted=sample.adopted.with_paragraphs((replace(p, text="<b>x</b> & y"),)
                                                                  + sample.adopted.paragraphs[1:]))
    html = sheet_html(evil)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; y" in html and "<b>x</b> & y" not in html


def test_collapsing_equal_paragraphs(sample):
    full = sheet_rows(sample)
    collapsed = sheet_rows(sample, collapse_equal=True)
    assert len(full) == len(sample.pairs)
    hidden = sum(int(r.gap.split()[1]) for r in collapsed if r.kind == GAP)
    assert hidden == sum(len(r.pairs) for r in collapsed if r.kind == GAP)
    assert hidden and len(collapsed) - sum(r.kind == GAP for r in collapsed) + hidden == len(full)


@needs_poppler
@pytest.mark.parametrize("size,points", [("A4", "842 x 595"), ("Letter", "792 x 612")])
def test_pdf_pages_are_landscape_and_numbered(sample, tmp_path, qapp, size, points):
    from app.ui.sheet_print import export_sheet_pdf
    out = export_sheet_pdf(sample, tmp_path / f"sheet-{size}.pdf", page_size=size)
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert points in info and pages >= 2
    for n in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(out), "-"], capture_output=True,
                              text=True, check=True).stdout
        assert f"Page {n} of {pages}" in text and "draft_en.txt" in text
    assert [p.name for p in tmp_path.iterdir()] == [out.name]     # no temporary file left behind


def test_pdf_refuses_to_overwrite_an_input(sample, qapp):
    from app.ui.sheet_print import export_sheet_pdf
    with pytest.raises(ExportError, match="overwrite an input"):
        export_sheet_pdf(sample, sample.adopted.path)


def test_word_sheet_is_a_landscape_table_with_page_numbers(sample, tmp_path):
    out = export_sheet_docx(sample, tmp_path / "sheet.docx", collapse_equal=True)
    z = zipfile.ZipFile(out)
    body = etree.fromstring(z.read("word/document.xml"))
    rows = list(body.iter(W + "tr"))
    assert len(rows) == 1 + len(sheet_rows(sample, collapse_equal=True))
    size = body.find(f".//{W}pgSz")
    assert int(size.get(W + "w")) > int(size.get(W + "h")) and size.get(W + "orient") == "landscape"
    footer = b"".join(z.read(n) for n in z.namelist() if n.startswith("word/footer"))
    assert b"PAGE" in footer and b"NUMPAGES" in footer
    struck = ["".join(r.itertext()) for r in body.iter(W + "r") if r.find(f"{W}rPr/{W}strike") is not None]
    assert "two years" in "".join(struck)
    greyed = ["".join(tc.itertext()) for tc in body.iter(W + "tc") if tc.find(f"{W}tcPr/{W}shd") is not None]
    inserted = sum(p.kind is PairKind.INSERTED for p in sample.pairs)
    deleted = sum(p.kind is PairKind.DELETED for p in sample.pairs)
    assert greyed.count("(not in the draft)") == inserted and greyed.count("(not in the adopted text)") == deleted


def test_moved_and_missing_paragraphs_are_marked(sample):
    html = sheet_html(sample)
    assert "Moved from draft PP5 (now after draft PP6)" in html
    # an inserted paragraph: the draft cell is greyed and says so; a deleted one: the adopted cell
    grid = sheet_grid(sample)
    greyed = [(n, cell.html) for row in grid.rows for n, cell in enumerate(row.cells) if cell.fill == GREY]
    inserted = sum(p.kind is PairKind.INSERTED for p in sample.pairs)
    deleted = sum(p.kind is PairKind.DELETED for p in sample.pairs)
    assert greyed.count((1, '<i style="color:#777">(not in the draft)</i>')) == inserted
    assert greyed.count((2, '<i style="color:#777">(not in the adopted text)</i>')) == deleted
    assert len(greyed) == inserted + deleted
    assert "\u22ef" not in html                     # nothing collapsed by default
    collapsed = sheet_grid(sample, collapse_equal=True)
    assert any(r.cells[0].css == "gap" and "unchanged paragraph" in r.cells[0].html for r in collapsed.rows)
    assert len(collapsed.rows) < len(grid.rows)


def test_cross_language_sheet_shows_both_texts_and_findings_without_word_highlights(seed_draft, seed_adopted):
    c = compare_files(seed_draft, seed_adopted)
    assert c.cross_language
    html = sheet_html(c)
    assert 'class="del"' not in html
    # no word changes across languages: a pair's texts are whole; only a paragraph the draft lacks is
    # inserted, as a whole, as the window shows it
    whole = {p.text for r in sheet_rows(c) if r.kind == "inserted" for p in r.adopted}
    assert whole and all("ins" not in classes or text in whole for classes, text in html_spans(html))
    assert "Rappelant" in html and "Recalling" in html
    assert "HIGH: Different date: the draft has 7 avril 2025, the adopted text has 4 April 2025" in html
    assert "PP15bis \u2192 PP16" in html


def test_unknown_page_size_is_refused_before_writing(sample, tmp_path, qapp):
    from app.ui.sheet_print import export_sheet_pdf
    with pytest.raises(ValueError):
        sheet_grid(sample, page_size="A3")
    with pytest.raises(ValueError):
        export_sheet_pdf(sample, tmp_path / "s.pdf", page_size="A3")
    assert list(tmp_path.iterdir()) == []


@needs_poppler
def test_printer_path_used_by_print_preview_renders_the_same_pages(sample, tmp_path, qapp):
    from PySide6.QtPrintSupport import QPrinter
    from app.ui.sheet_print import _printer, render_sheet
    printer = _printer("Letter")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    pages = render_sheet(sample, printer, notes={0: "Header line dropped on purpose."})
    info = subprocess.run(["pdfinfo", str(tmp_path / "printed.pdf")], capture_output=True, text=True,
                          check=True).stdout
    assert "792 x 612" in info and f"Pages: {pages}" in " ".join(info.split())
    text = subprocess.run(["pdftotext", str(tmp_path / "printed.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "Note: Header line dropped on purpose." in text and f"Page {pages} of {pages}" in text


# -- the sheet in the officer's language (issue #16) --------------------------------------------------

def _french_words_only(c, text):
    """Every finding of ``c`` is in ``text`` in French and none in English."""
    import html as html_lib
    from app.core.messages import describe
    text = html_lib.unescape(text)
    found = c.all_findings()
    assert found
    assert [describe(f, "fr") for f in found if describe(f, "fr") not in text] == []
    assert not any(f.message in text for f in found)


def test_french_sheet_html_has_french_heads_kinds_and_findings(seed_draft, seed_adopted):
    from app.core.messages import NNBSP
    c = compare_files(seed_draft, seed_adopted)
    html = sheet_html(c, language="fr", notes={0: "À vérifier"})
    heads = [cell.html for cell in sheet_grid(c, language="fr").header.cells]
    assert heads == ["Étiquette", "Projet", "Texte adopté"]
    assert "Label" not in heads and "Comparison sheet" not in html and "Tableau comparatif" in html
    assert f"Projet{NNBSP}: <b>draft_fr.txt</b>" in html and f"Texte adopté{NNBSP}: <b>adopted_en.txt</b>" in html
    assert "<i>inséré</i>" in html and "(absent du projet)" in html and "<i>inserted</i>" not in html
    assert "comparaison bilingue" in html and "cross-language" not in html
    assert f"Note{NNBSP}: À vérifier" in html
    assert "ÉLEVÉE \u2014 " in html and "HIGH:" not in html
    _french_words_only(c, html)


def test_english_sheet_is_the_default_and_unchanged(seed_draft, seed_adopted):
    c = compare_files(seed_draft, seed_adopted)
    html = sheet_html(c)
    assert sheet_grid(c) == sheet_grid(c, language="en") == sheet_grid(c, language="de")
    assert [cell.html for cell in sheet_grid(c).header.cells] == ["Label", "Draft", "Adopted"]
    assert "Draft: <b>draft_fr.txt</b>" in html
    assert all(f.message in html.replace("&#x27;", "'") for f in c.findings)


def test_french_sheet_docx_has_french_heads_and_findings(seed_draft, seed_adopted, tmp_path):
    c = compare_files(seed_draft, seed_adopted)
    out = export_sheet_docx(c, tmp_path / "tableau.docx", language="fr")
    z = zipfile.ZipFile(out)
    body = etree.fromstring(z.read("word/document.xml"))
    first_row = next(body.iter(W + "tr"))
    assert ["".join(tc.itertext()) for tc in first_row.iter(W + "tc")] == ["Étiquette", "Projet", "Texte adopté"]
    text = "\n".join("".join(p.itertext()) for p in body.iter(W + "p"))
    assert "Tableau comparatif" in text and "(absent du projet)" in text and "\ninséré\n" in text
    _french_words_only(c, text)
    footer = b"".join(z.read(n) for n in z.namelist() if n.startswith("word/footer")).decode()
    assert "> sur <" in footer and "NUMPAGES" in footer and " of " not in footer
    header = b"".join(z.read(n) for n in z.namelist() if n.startswith("word/header")).decode()
    assert "Projet\u202f: draft_fr.txt" in header


@needs_poppler
def test_french_sheet_pdf_is_french_page_by_page(seed_draft, seed_adopted, tmp_path, qapp):
    from app.ui.sheet_print import export_sheet_pdf
    c = compare_files(seed_draft, seed_adopted)
    out = export_sheet_pdf(c, tmp_path / "tableau.pdf", language="fr")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    text = unicodedata.normalize("NFKC", text)             # the PDF sets "ff" as a ligature
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert "Comparaison" in info and f"Page {pages} sur {pages}" in text and " of " not in text.split("Projet", 1)[0]
    assert "Tableau comparatif" in text and "Étiquette" in text and "Date différente" in text
    assert "Different date" not in text and "Comparison sheet" not in text


# -- the sheet says what the window says (issue #16) --------------------------------------------------

FINDING_VALUES = ("52/42", "54/42", "7 avril 2025", "4 April 2025", "2021", "2019")


@pytest.fixture(scope="module")
def seed():
    from conftest import SEEDS
    if not (SEEDS / "draft_fr.txt").exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    return compare_files(SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt")


def test_seed_findings_carry_the_highlight_in_the_pdf_html(seed):
    for language in ("en", "fr"):
        spans = html_spans(sheet_html(seed, language=language))
        for value in FINDING_VALUES:
            holding = [classes for classes, text in spans if text == value]
            assert holding and all("fnd" in classes for classes in holding), (language, value)


def test_seed_findings_carry_the_highlight_in_the_word_sheet(seed, tmp_path):
    body = etree.fromstring(zipfile.ZipFile(export_sheet_docx(seed, tmp_path / "s.docx")).read("word/document.xml"))
    runs = [("".join(t.text or "" for t in r.iter(W + "t")), r) for r in body.iter(W + "r")]
    for value in FINDING_VALUES:
        holding = [r for text, r in runs if text == value]
        assert holding, value
        for r in holding:
            assert r.find(f"{W}rPr/{W}shd").get(W + "fill") == "F6EB8F", value
            assert r.find(f"{W}rPr/{W}u").get(W + "val") == "wave", value
    plain = [r for text, r in runs if text and "Rappelant" in text]
    assert plain and all(r.find(f"{W}rPr/{W}shd") is None for r in plain)   # the rest of the text is not


def _window_counts(c) -> list[str]:
    from app.ui.status import status_texts
    return status_texts(c).counts.split(" \u00b7 ")


@pytest.mark.parametrize("which", ["sample", "seed"])
def test_sheet_counts_are_the_window_counts(which, request, qapp):
    from app.core.marks import counts
    from app.io.sheet_rows import summary
    c = request.getfixturevalue(which)
    window = _window_counts(c)
    line = summary(c)
    assert window and all(part in line for part in window), (window, line)
    k = counts(c)
    numbers = [int(part.split()[0]) for part in window]
    head = [k.with_findings if k.cross_language else k.changed, k.inserted, k.deleted, k.moved]
    assert numbers[:4] == head and numbers[-1] == k.findings
    if c.cross_language:
        assert f"{k.with_findings} with findings" in line and f"{c.stats.changed} changed" not in line
    for document in (sheet_html(c), "\n".join("".join(p.itertext()) for p in etree.fromstring(
            zipfile.ZipFile(export_sheet_docx(c, request.getfixturevalue("tmp_path") / "s.docx"))
            .read("word/document.xml")).iter(W + "p"))):
        assert line in document.replace("&#x27;", "'")


def test_changed_only_sheet_has_one_row_per_change_and_gap_rows(seed, tmp_path):
    from widgets.rows import build_rows
    changes = sorted({r.pair for r in build_rows(seed, changed_only=True)})
    rows = sheet_rows(seed, collapse_equal=True)
    gaps = [r for r in rows if r.kind == GAP]
    assert [r.pairs[0] for r in rows if r.kind != GAP] == changes
    assert len(rows) == len(changes) + len(gaps)
    for gap in gaps:       # "⋯ 3 unchanged paragraphs (PP6–PP8)": how many, and where
        assert gap.gap.startswith(f"\u22ef {len(gap.pairs)} unchanged paragraph")
    assert "\u22ef 3 unchanged paragraphs (PP6\u2013PP8)" in [g.gap for g in gaps]
    grid = sheet_grid(seed, collapse_equal=True)
    assert [r.cells[0].html for r in grid.rows if r.cells[0].css == "gap"] == [g.gap for g in gaps]
    assert all(r.cells[0].span == 3 for r in grid.rows if r.cells[0].css == "gap")
    body = etree.fromstring(zipfile.ZipFile(export_sheet_docx(seed, tmp_path / "s.docx", collapse_equal=True))
                            .read("word/document.xml"))
    texts = ["".join(tc.itertext()) for tc in body.iter(W + "tc")]
    assert [t for t in texts if t.startswith("\u22ef")] == [g.gap for g in gaps]
    assert len(list(body.iter(W + "tr"))) == 1 + len(rows)


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("which", ["sample", "seed"])
def test_gap_rows_say_what_the_window_markers_say(which, language, request):
    from app.core.messages import term
    from widgets.compare_view import with_gaps
    from widgets.rows import build_rows
    c = request.getfixturevalue(which)
    window = [r.caption for r in with_gaps(c, build_rows(c), lambda n, span: term("gap", language, n=n, span=span))
              if getattr(r, "caption", "")]
    assert window and [r.gap for r in sheet_rows(c, collapse_equal=True, language=language) if r.kind == GAP] == window


def test_french_gap_rows(seed):
    rows = sheet_rows(seed, collapse_equal=True, language="fr")
    gaps = [r.gap for r in rows if r.kind == GAP]
    assert gaps and all("paragraphe" in g and "unchanged" not in g for g in gaps)
    assert "\u22ef 3 paragraphes inchangés (PP6\u2013PP8)" in gaps
    html = sheet_html(seed, collapse_equal=True, language="fr")
    assert "paragraphes inchangés (PP6\u2013PP8)" in html and "unchanged" not in html


def test_a_noted_pair_keeps_its_row_in_changed_only(sample):
    from app.core.marks import is_change
    quiet = next(n for n, p in enumerate(sample.pairs) if not is_change(sample, p))
    rows = sheet_rows(sample, collapse_equal=True, notes={quiet: "Checked with the secretariat."})
    assert any(r.pairs == (quiet,) and r.kind != GAP for r in rows)


def _page_size(path) -> tuple[int, int]:
    document = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
    size = document.find(f"{W}body/{W}sectPr/{W}pgSz")
    return int(size.get(W + "w")), int(size.get(W + "h"))


def test_word_exports_from_text_are_a4_and_letter_by_option(sample, tmp_path):
    from app.io.export_annotated import export_annotated
    from app.io.export_tracked import export_tracked
    assert sample.adopted.format == "txt"
    assert _page_size(export_tracked(sample, tmp_path / "t.docx", author="T")) == (11906, 16838)
    assert _page_size(export_annotated(sample, tmp_path / "a.docx", author="T")) == (11906, 16838)
    assert _page_size(export_tracked(sample, tmp_path / "tl.docx", author="T", page_size="Letter")) == (12240, 15840)
    assert _page_size(export_annotated(sample, tmp_path / "al.docx", page_size="Letter")) == (12240, 15840)
    with pytest.raises(ValueError):
        export_tracked(sample, tmp_path / "t3.docx", page_size="A3")
    assert not (tmp_path / "t3.docx").exists()


def test_tracked_export_of_a_cross_language_pair_warns_in_one_line(seed, sample, tmp_path):
    from app.io.export_tracked import export_tracked, tracked_warning
    warnings: list[str] = []
    export_tracked(seed, tmp_path / "t.docx", author="T", warnings=warnings)
    assert warnings == [tracked_warning(seed)] and "whole paragraphs" in warnings[0] and "\n" not in warnings[0]
    assert "paragraphes entiers" in tracked_warning(seed, "fr")
    same: list[str] = []
    export_tracked(sample, tmp_path / "s.docx", author="T", warnings=same)
    assert same == [] and tracked_warning(sample) is None


@pytest.mark.parametrize("umask", [0o002, 0o027])
def test_pdf_and_word_sheets_follow_the_umask(sample, tmp_path, qapp, umask):
    import os
    import stat
    from app.ui.sheet_print import export_sheet_pdf
    old = os.umask(umask)
    try:
        pdf = export_sheet_pdf(sample, tmp_path / "s.pdf")
        word = export_sheet_docx(sample, tmp_path / "s.docx")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(pdf).st_mode) == 0o666 & ~umask
    assert stat.S_IMODE(os.stat(word).st_mode) == 0o666 & ~umask


# -- from the window ----------------------------------------------------------------------------------

def _window(qtbot, tmp_path, comparison):
    from test_ui_main_window import make_window
    window = make_window(qtbot, tmp_path)
    window.show_comparison(comparison)
    return window


def _export(qtbot, window, monkeypatch, key, path):
    from PySide6.QtCore import QThreadPool
    from app.ui import exports
    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    window.statusBar().clearMessage()
    window.export_actions[key].trigger()
    qtbot.waitUntil(lambda: window.watcher is None and "Saved" in window.statusBar().currentMessage(),
                    timeout=30_000)
    QThreadPool.globalInstance().waitForDone(10_000)


@needs_poppler
def test_window_changed_only_prints_the_changes_with_gap_rows(qtbot, tmp_path, monkeypatch, seed):
    import os
    import stat
    window = _window(qtbot, tmp_path, seed)
    window.act_changed_only.setChecked(True)
    old = os.umask(0o002)
    try:
        _export(qtbot, window, monkeypatch, "sheet_pdf", tmp_path / "sheet.pdf")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "sheet.pdf").st_mode) == 0o664
    text = subprocess.run(["pdftotext", str(tmp_path / "sheet.pdf"), "-"], capture_output=True, text=True,
                          check=True).stdout
    gaps = [r.gap for r in sheet_rows(seed, collapse_equal=True) if r.kind == GAP]
    assert "unchanged paragraphs (PP6\u2013PP8)" in text and text.count("unchanged paragraph") == len(gaps)
    _export(qtbot, window, monkeypatch, "sheet_docx", tmp_path / "sheet.docx")
    body = zipfile.ZipFile(tmp_path / "sheet.docx").read("word/document.xml").decode()
    assert body.count("unchanged paragraph") == len(gaps)
    window.act_changed_only.setChecked(False)
    _export(qtbot, window, monkeypatch, "sheet_docx", tmp_path / "full.docx")
    assert "unchanged paragraph" not in zipfile.ZipFile(tmp_path / "full.docx").read("word/document.xml").decode()
    window.close()


def test_window_print_preview_follows_changed_only(qtbot, tmp_path, monkeypatch, sample):
    from test_ui_actions import fake_module
    seen = []
    fake_module(monkeypatch, "app.ui.sheet_print",
                print_preview=lambda parent, c, notes=None, language="en", **kw: seen.append(kw))
    window = _window(qtbot, tmp_path, sample)
    window.export_actions["print_preview"].trigger()
    window.act_changed_only.setChecked(True)
    window.export_actions["print_preview"].trigger()
    assert seen == [{}, {"collapse_equal": True}]
    window.close()


def test_window_tracked_export_of_a_cross_language_pair_shows_the_warning(qtbot, tmp_path, monkeypatch, seed):
    from app.io.export_tracked import tracked_warning
    window = _window(qtbot, tmp_path, seed)
    _export(qtbot, window, monkeypatch, "tracked", tmp_path / "tracked.docx")
    assert tracked_warning(seed) in window.statusBar().currentMessage()
    assert _page_size(tmp_path / "tracked.docx") == (11906, 16838)
    window.close()


# -- long sheets (issue #18): every page numbered, every word once, rows taller than a page split ------

def _pdf_pages(path) -> list[str]:
    """The text of each page of a PDF (pdftotext, ligatures undone)."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", text).split("\f")[:-1]


@pytest.fixture(scope="module")
def long_pair(tmp_path_factory):
    """1,200 one-word paragraphs, every tenth replaced in the adopted text (a deleted and an inserted
    paragraph each): 1,320 rows, some 40 pages."""
    folder = tmp_path_factory.mktemp("long")
    words = [f"word{i}" for i in range(1200)]
    (folder / "draft.txt").write_text("\n".join(words) + "\n", encoding="utf-8")
    (folder / "adopted.txt").write_text("\n".join(f"changed{i}" if i % 10 == 0 else w for i, w in enumerate(words))
                                        + "\n", encoding="utf-8")
    return compare_files(folder / "draft.txt", folder / "adopted.txt")


def _expected_words(n: int) -> dict[str, int]:
    expected = {f"word{i}": 1 if i % 10 == 0 else 2 for i in range(n)}
    expected.update({f"changed{i}": 1 for i in range(0, n, 10)})
    return expected


@needs_poppler
def test_long_pdf_sheet_numbers_every_page_and_shows_every_paragraph_once(long_pair, tmp_path, qapp):
    from collections import Counter
    from app.ui.sheet_print import export_sheet_pdf
    pages = _pdf_pages(export_sheet_pdf(long_pair, tmp_path / "long.pdf"))
    assert len(pages) > 30
    for n, page in enumerate(pages, 1):      # "Page n of m", the file names and the column heads on each
        assert f"Page {n} of {len(pages)}" in page and "draft.txt" in page
        assert re.search(r"^Label$", page, re.M) and re.search(r"^Adopted$", page, re.M)
    found = Counter(re.findall(r"\b(?:word|changed)\d+\b", "\n".join(pages)))
    assert found == _expected_words(1200)    # each paragraph's text once: none lost, none painted twice
    assert "Comparison sheet" in pages[0] and "Comparison sheet" not in pages[1]


def test_long_word_sheet_has_every_paragraph_in_its_table(long_pair, tmp_path):
    from collections import Counter
    body = etree.fromstring(zipfile.ZipFile(export_sheet_docx(long_pair, tmp_path / "long.docx"))
                            .read("word/document.xml"))
    rows = list(body.iter(W + "tr"))
    assert len(rows) == 1 + len(sheet_rows(long_pair)) and rows[0].find(f"{W}trPr/{W}tblHeader") is not None
    cells = Counter("".join(tc.itertext()) for row in rows[1:] for tc in row.iter(W + "tc"))
    assert {text: n for text, n in cells.items() if re.fullmatch(r"(?:word|changed)\d+", text)} == _expected_words(1200)
    widths = [[int(tc.find(f"{W}tcPr/{W}tcW").get(W + "w")) for tc in row.iter(W + "tc")] for row in rows]
    assert all(w == widths[0] for w in widths) and widths[0] == [1361, 6973, 6973]


@pytest.fixture(scope="module")
def tall_pair(tmp_path_factory):
    """A paragraph of 2,500 words (several pages in each column) between two short ones, one word of it
    changed."""
    folder = tmp_path_factory.mktemp("tall")
    text = " ".join(f"w{i}" for i in range(2500))
    (folder / "draft.txt").write_text(f"First paragraph.\n{text}\nLast paragraph.\n", encoding="utf-8")
    (folder / "adopted.txt").write_text(f"First paragraph.\n{text.replace('w1000 ', 'CHANGED ')}\nLast paragraph.\n",
                                        encoding="utf-8")
    return compare_files(folder / "draft.txt", folder / "adopted.txt")


@needs_poppler
@pytest.mark.parametrize("size", ["A4", "Letter"])
def test_a_row_taller_than_a_page_is_split_without_losing_or_repeating_a_line(tall_pair, tmp_path, qapp, size):
    from collections import Counter
    from app.ui.sheet_print import export_sheet_pdf
    pages = _pdf_pages(export_sheet_pdf(tall_pair, tmp_path / "tall.pdf", page_size=size))
    assert len(pages) >= 4
    words = Counter(re.findall(r"\bw\d+\b", "\n".join(pages)))
    assert words == {f"w{i}": 1 if i == 1000 else 2 for i in range(2500)}
    for n, page in enumerate(pages, 1):
        assert f"Page {n} of {len(pages)}" in page and re.search(r"^Label$", page, re.M)
        if 1 < n < len(pages):                # a middle page holds only the tall row, both columns
            assert "First paragraph." not in page and len(re.findall(r"\bw\d+\b", page)) > 600
    assert "First paragraph." in pages[0] and "Last paragraph." in pages[-1]


@needs_poppler
def test_a_tall_row_whose_cells_have_different_line_heights_keeps_every_line(tmp_path, qapp):
    """Lines of 9 pt beside lines of 7.5 pt (and Arabic, set in another font) never end at the same
    height: each cell breaks after its own last whole line, and every word is there once."""
    from collections import Counter
    from dataclasses import replace
    from app.io.sheet_html import Cell, GridRow
    from app.ui.paged_grid import paint_grid_steps
    from app.ui.paged_html import pdf_steps
    from app.ui.stepped import drain
    large, small = " ".join(f"a{i}" for i in range(1500)), " ".join(f"e{i}" for i in range(2500))
    arabic = " ".join(["\u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646"] * 100)
    grid = sheet_grid(compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"))
    rows = (GridRow((Cell("PP1", "label"), Cell(large), Cell(small, "findings"))),
            GridRow((Cell("PP2", "label"), Cell(arabic, rtl=True), Cell("last"))))
    data = drain(pdf_steps(lambda w: paint_grid_steps(replace(grid, rows=rows), w, "header",
                                                      lambda n, m: f"Page {n} of {m}", page_size="A4"), "t"))
    (tmp_path / "mixed.pdf").write_bytes(data)
    pages = _pdf_pages(tmp_path / "mixed.pdf")
    assert len(pages) >= 3 and all(f"Page {n} of {len(pages)}" in p for n, p in enumerate(pages, 1))
    words = Counter(re.findall(r"\b[ae]\d+\b", "\n".join(pages)))
    assert words == {**{f"a{i}": 1 for i in range(1500)}, **{f"e{i}": 1 for i in range(2500)}}
    assert "".join(pages).count("last") == 1 and "PP2" not in "".join(pages[:-2])


@needs_poppler
def test_a_head_longer_than_a_page_goes_on_with_every_line_once(sample, tmp_path, qapp):
    """Hundreds of findings on the whole document: the head runs over to the next pages, cut between
    lines, and the table follows it."""
    from collections import Counter
    from dataclasses import replace
    from app.ui.paged_grid import paint_grid_steps
    from app.ui.paged_html import pdf_steps
    from app.ui.stepped import drain
    grid = sheet_grid(sample)
    head = grid.head + "".join(f"<br/>MEDIUM: finding f{i} on the whole document" for i in range(300))
    data = drain(pdf_steps(lambda w: paint_grid_steps(replace(grid, head=head), w, "header",
                                                      lambda n, m: f"Page {n} of {m}", page_size="A4"), "t"))
    (tmp_path / "head.pdf").write_bytes(data)
    pages = _pdf_pages(tmp_path / "head.pdf")
    assert len(pages) >= 4 and all(f"Page {n} of {len(pages)}" in p for n, p in enumerate(pages, 1))
    assert Counter(re.findall(r"\bf\d+\b", "\n".join(pages))) == {f"f{i}": 1 for i in range(300)}
    head_ends = next(n for n, p in enumerate(pages) if "f299" in p)
    table = next(n for n, p in enumerate(pages) if re.search(r"^Label$", p, re.M))
    assert head_ends >= 2 and table in (head_ends, head_ends + 1)      # on the same page when it fits
    assert "Draft resolution A/HRC/62/L.7" in pages[table]


@needs_poppler
def test_print_preview_paints_the_pages_the_pdf_has(sample, tmp_path, qapp, monkeypatch):
    from collections import Counter
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from app.ui.sheet_print import export_sheet_pdf, print_preview
    notes = {0: "Header line dropped on purpose."}
    shown = tmp_path / "preview.pdf"

    def preview(dialog):                      # what the dialog does when it opens, on a PDF printer
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(shown))
        dialog.paintRequested.emit(printer)
        return 1
    monkeypatch.setattr(QPrintPreviewDialog, "exec", preview)
    assert print_preview(None, sample, notes=notes, page_size="Letter") == 1
    printed, pdf = _pdf_pages(shown), _pdf_pages(export_sheet_pdf(sample, tmp_path / "s.pdf", notes=notes,
                                                                  page_size="Letter"))
    assert len(printed) == len(pdf) and f"Page {len(pdf)} of {len(pdf)}" in printed[-1]
    assert Counter("".join(printed).split()) == Counter("".join(pdf).split())
