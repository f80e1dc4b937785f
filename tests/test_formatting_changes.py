"""Equal words formatted otherwise (an italic operative verb no longer italic, a word made bold) are a
formatting change: reported on the pair, counted, shown as a change, and tracked in the Word file as
w:rPrChange; with "ignore formatting" they are neither reported nor tracked."""
from __future__ import annotations

import zipfile

import docx

from app.core.compare import compare_documents
from app.core.model import CompareOptions, Document, PairKind, Paragraph, Run
from app.io.export_tracked import export_tracked
from app.io.pipeline import compare_files
from widgets.rows import effective_kind


def _doc(name: str, italic: bool) -> Document:
    verb = Run("Urges", italic=italic)
    rest = Run(" all parties to respect the ceasefire;")
    return Document(path=name, paragraphs=(
        Paragraph(0, "Recalling its earlier resolutions,", runs=(Run("Recalling its earlier resolutions,"),)),
        Paragraph(1, verb.text + rest.text, runs=(verb, rest)),
    ))


def test_italic_lost_on_equal_words_is_a_formatting_change():
    c = compare_documents(_doc("d.txt", italic=True), _doc("a.txt", italic=False))
    flagged = [p for p in c.pairs if p.formatting_changed]
    assert len(flagged) == 1 and flagged[0].kind is PairKind.EQUAL
    assert effective_kind(c, flagged[0]) is PairKind.CHANGED
    assert c.stats.formatting == 1
    assert not any(p.formatting_changed for p in c.pairs if p is not flagged[0])


def test_ignore_formatting_reports_nothing():
    c = compare_documents(_doc("d.txt", italic=True), _doc("a.txt", italic=False),
                          CompareOptions(ignore_formatting=True))
    assert not any(p.formatting_changed for p in c.pairs) and c.stats.formatting == 0


def test_same_formatting_is_no_change():
    c = compare_documents(_doc("d.txt", italic=True), _doc("a.txt", italic=True))
    assert not any(p.formatting_changed for p in c.pairs)


def _word(path, bold: bool):
    document = docx.Document()
    p = document.add_paragraph()
    p.add_run("Strongly condemns").bold = bold
    p.add_run(" the attacks on civilians;")
    document.save(path)
    return path


def test_the_tracked_file_records_the_formatting_change_unless_ignored(tmp_path):
    draft, adopted = _word(tmp_path / "d.docx", False), _word(tmp_path / "a.docx", True)
    c = compare_files(draft, adopted)
    assert [p.formatting_changed for p in c.pairs] == [True]
    xml = zipfile.ZipFile(export_tracked(c, tmp_path / "t.docx", author="R")).read("word/document.xml").decode()
    assert xml.count("<w:rPrChange ") == 1 and "<w:ins " not in xml and "<w:del " not in xml
    quiet = compare_files(draft, adopted, CompareOptions(ignore_formatting=True))
    assert not quiet.pairs[0].formatting_changed
    xml = zipfile.ZipFile(export_tracked(quiet, tmp_path / "q.docx", author="R")).read("word/document.xml").decode()
    assert "<w:rPrChange " not in xml
