"""Comparison sheet: HTML content, PDF pages with "Page n of m" in A4/Letter landscape, Word table."""
from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from lxml import etree

from app.core.model import PairKind
from app.io.errors import ExportError
from app.io.export_sheet_docx import export_sheet_docx
from app.io.pipeline import compare_files
from app.io.sheet_html import sheet_html
from app.io.sheet_rows import sheet_rows
from conftest import SAMPLES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
needs_poppler = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils not installed")


@pytest.fixture(scope="module")
def sample():
    return compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")


def test_html_has_highlights_with_non_colour_cues_and_escapes_text(sample):
    html = sheet_html(sample)
    assert '<span class="del">two years</span>' in html.replace("two years</span>", "two years</span>")
    assert 'text-decoration: line-through' in html and 'text-decoration: underline' in html
    assert '<span class="ins">one year</span>' in html
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
    hidden = sum(int(r.draft[0][1].split()[1]) for r in collapsed if r.kind == "collapsed")
    assert hidden and len(collapsed) - sum(r.kind == "collapsed" for r in collapsed) + hidden == len(full)


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
    assert '<td width="45%" bgcolor="#e4e4e4"><i style="color:#777">(not in the draft)</i></td>' in html
    assert '<td width="45%" bgcolor="#e4e4e4"><i style="color:#777">(not in the adopted text)</i></td>' in html
    assert "\u2026" not in html                     # nothing collapsed by default
    collapsed = sheet_html(sample, collapse_equal=True)
    assert "unchanged paragraph" in collapsed and collapsed.count("<tr") < html.count("<tr")


def test_cross_language_sheet_shows_both_texts_and_findings_without_word_highlights(seed_draft, seed_adopted):
    c = compare_files(seed_draft, seed_adopted)
    assert c.cross_language
    html = sheet_html(c)
    assert 'class="del"' not in html and 'class="ins"' not in html
    assert "Rappelant" in html and "Recalling" in html
    assert "HIGH: Different date: the draft has 7 avril 2025, the adopted text has 4 April 2025" in html
    assert "PP15bis \u2192 PP16" in html


def test_unknown_page_size_is_refused_before_writing(sample, tmp_path, qapp):
    from app.ui.sheet_print import export_sheet_pdf
    with pytest.raises(ValueError):
        sheet_html(sample, page_size="A3")
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
