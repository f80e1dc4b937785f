"""Text that XML cannot hold never crashes a Word export: a plain-text input with Word's own VT (line
break) and FF (page break), other C0 controls, U+FFFE/U+FFFF and a NUL past the first 4 kB; a reviewer's
note with control characters. VT and FF come out as breaks, the rest is dropped, and the reader says so."""
from __future__ import annotations

import zipfile

import pytest

from app.io.export_annotated import export_annotated
from app.io.export_sheet_docx import export_sheet_docx
from app.io.export_tracked import export_tracked
from app.io.pipeline import compare_files
from app.io.xml_text import count_dropped, docx_text, xml_pieces
from docx_fixtures import resolution_docx

FILLER = "Recalling its earlier resolutions on the subject,\n\n" * 90      # pushes the NUL past 4 kB


def test_pieces_keep_breaks_and_drop_what_xml_cannot_hold():
    assert xml_pieces("a\tb\vc\fd\x01e\ufffef\x00\u2028g") == ["a", "\t", "b", "\v", "c", "\f", "def", "\u2028", "g"]
    assert docx_text("one\vtwo\fthree\x07") == "one\ntwo\nthree"
    assert count_dropped("a\vb\fc\x01\x00\uffff") == 3


@pytest.fixture
def hostile(tmp_path):
    draft = tmp_path / "draft.txt"
    adopted = tmp_path / "adopted.txt"
    draft.write_text(FILLER + "Decides to remain seized\vof the matter;\n\nRequests a report\x01.\n", encoding="utf-8")
    adopted.write_text(FILLER + "Decides to remain actively seized\vof the matter;\fAnnex\n\n"
                       "Requests a report\ufffe.\x00\n", encoding="utf-8")
    return draft, adopted


def test_reader_drops_and_reports_what_no_export_can_write(hostile):
    c = compare_files(*hostile)
    texts = [p.text for p in c.adopted.paragraphs]
    assert "Decides to remain actively seized\vof the matter;\fAnnex" in texts
    assert "Requests a report." in texts
    assert any("control character" in w for w in c.adopted.warnings)
    assert any("control character" in w for w in c.draft.warnings)


@pytest.mark.parametrize("adopted_kind", ["txt", "docx"])
def test_every_word_export_writes_breaks_and_no_illegal_character(hostile, tmp_path, adopted_kind):
    draft, adopted = hostile
    if adopted_kind == "docx":     # Word cannot hold the controls: its copy has the text without them
        clean = tmp_path / "adopted_clean.txt"
        clean.write_text(docx_text(adopted.read_text(encoding="utf-8")), encoding="utf-8")
        adopted = resolution_docx(clean, tmp_path / "adopted.docx")
    c = compare_files(draft, adopted)
    notes = {0: "Check\x07 this\vagain\x00."}
    outs = [export_tracked(c, tmp_path / "t.docx", author="R"),
            export_annotated(c, tmp_path / "a.docx", author="R", notes=notes),
            export_sheet_docx(c, tmp_path / "s.docx", notes=notes)]
    for out in outs:
        with zipfile.ZipFile(out) as zf:
            body = zf.read("word/document.xml").decode("utf-8")
        assert not any(ch in body for ch in "\x00\x01\x07\v\f\ufffe"), out.name
    tracked = zipfile.ZipFile(outs[0]).read("word/document.xml").decode("utf-8")
    if adopted_kind == "txt":
        assert '<w:br w:type="page"/>' in tracked and "<w:br/>" in tracked
