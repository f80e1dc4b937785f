"""The .docx reader on real packages built with python-docx plus injected WordprocessingML.

Each test builds the document, reads it in the accepted and/or original tracked view and checks the
exact text, formatting, list labels, footnotes and sources the reader reports.
"""
from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.core.model import Kind, Run
from app.io.docx_reader import read_docx
from docx_fixtures import add_footnotes

W = nsdecls("w")
REV = 'w:id="{}" w:author="A" w:date="2026-01-15T10:30:00Z"'


def raw_p(doc, inner: str, ppr: str = ""):
    """Append a paragraph whose content is raw WordprocessingML."""
    p = doc.add_paragraph()
    frag = parse_xml(f"<w:p {W}>{ppr}{inner}</w:p>")
    for child in list(frag):
        p._p.append(child)
    return p


def r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(inner: str, n: int = 1) -> str:
    return f"<w:ins {REV.format(n)}>{inner}</w:ins>"


def dele(text: str, n: int = 2) -> str:
    return f'<w:del {REV.format(n)}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'


def read(doc, tmp_path: Path, tracked: str = "accepted"):
    buf = io.BytesIO()
    doc.save(buf)
    path = tmp_path / "in.docx"
    path.write_bytes(buf.getvalue())
    return read_docx(path, buf.getvalue(), tracked=tracked)


def texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_plain_paragraphs_drop_empties_and_number_sources(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("The Human Rights Council,")
    doc.add_paragraph("   ")
    doc.add_paragraph("")
    doc.add_paragraph("  Guided by the Charter,  ")
    result = read(doc, tmp_path)
    assert result.format == "docx"
    assert result.path.endswith("in.docx")
    assert texts(result) == ["The Human Rights Council,", "Guided by the Charter,"]
    assert [p.index for p in result.paragraphs] == [0, 1]
    assert [p.source for p in result.paragraphs] == ["paragraph 1", "paragraph 4"]
    assert result.had_tracked_changes is False and result.warnings == ()
    assert all(p.kind is Kind.OTHER for p in result.paragraphs)
    assert result.paragraphs[0].style == "Normal"


def test_insertions_and_deletions_in_both_views(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Decides ") + ins(r("to remain "), 1) + dele("to stay ", 2) + r("seized of the matter."))
    accepted = read(doc, tmp_path, "accepted")
    original = read(doc, tmp_path, "original")
    assert texts(accepted) == ["Decides to remain seized of the matter."]
    assert texts(original) == ["Decides to stay seized of the matter."]
    assert accepted.had_tracked_changes and original.had_tracked_changes
    assert accepted.tracked_view == "accepted" and original.tracked_view == "original"
    assert "read with tracked changes accepted" in accepted.warnings
    assert any("rejected" in w for w in original.warnings)


def test_python_docx_would_lose_inserted_text(tmp_path):
    # Guard for the reason this reader exists: python-docx's Paragraph.text skips w:ins.
    doc = docx.Document()
    p = raw_p(doc, r("Welcomes ") + ins(r("warmly "), 1) + r("the report,"))
    assert p.text == "Welcomes the report,"
    assert texts(read(doc, tmp_path)) == ["Welcomes warmly the report,"]


def test_moves(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("First. ") + f'<w:moveFrom {REV.format(3)}>{r("Moved sentence.")}</w:moveFrom>')
    raw_p(doc, r("Second. ") + f'<w:moveTo {REV.format(4)}>{r("Moved sentence.")}</w:moveTo>')
    assert texts(read(doc, tmp_path)) == ["First.", "Second. Moved sentence."]
    assert texts(read(doc, tmp_path, "original")) == ["First. Moved sentence.", "Second."]


def test_deleted_paragraph_mark_merges_in_accepted_view(tmp_path):
    doc = docx.Document()
    mark_del = f'<w:pPr><w:rPr><w:del {REV.format(5)}/></w:rPr></w:pPr>'
    raw_p(doc, r("Recalling its resolution"), ppr=mark_del)
    raw_p(doc, r(" 61/37 of 2022,"))
    raw_p(doc, r("Noting the report,"))
    assert texts(read(doc, tmp_path)) == ["Recalling its resolution 61/37 of 2022,", "Noting the report,"]
    assert texts(read(doc, tmp_path, "original")) == [
        "Recalling its resolution", "61/37 of 2022,", "Noting the report,"]


def test_inserted_paragraph_mark_merges_in_original_view(tmp_path):
    doc = docx.Document()
    mark_ins = f'<w:pPr><w:rPr><w:ins {REV.format(6)}/></w:rPr></w:pPr>'
    raw_p(doc, r("Decides to remain seized;"), ppr=mark_ins)
    raw_p(doc, ins(r("Requests a report."), 7))
    assert texts(read(doc, tmp_path)) == ["Decides to remain seized;", "Requests a report."]
    assert texts(read(doc, tmp_path, "original")) == ["Decides to remain seized;"]


def test_whole_paragraph_deleted(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Keeps this."))
    raw_p(doc, dele("Drops this paragraph.", 8), ppr=f'<w:pPr><w:rPr><w:del {REV.format(9)}/></w:rPr></w:pPr>')
    raw_p(doc, r("And this one."))
    assert texts(read(doc, tmp_path)) == ["Keeps this.", "And this one."]
    assert texts(read(doc, tmp_path, "original")) == ["Keeps this.", "Drops this paragraph.", "And this one."]


def test_hyperlink_content_control_and_fields(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("See ") + f'<w:hyperlink w:anchor="x">{r("A/HRC/61/76")}</w:hyperlink>' + r(" for details."))
    raw_p(doc, r("Signed: ") + f"<w:sdt><w:sdtPr><w:alias w:val=\"who\"/></w:sdtPr>"
               f"<w:sdtContent>{r('The President')}</w:sdtContent></w:sdt>")
    # complex field: the instruction is skipped, the result kept
    raw_p(doc, r("as set out in ")
          + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
          + '<w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
          + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
          + r("paragraph 3")
          + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + r(" above,"))
    raw_p(doc, r("Page ") + f'<w:fldSimple w:instr=" PAGE ">{r("7")}</w:fldSimple>')
    doc.element.body.insert(len(doc.element.body) - 1, parse_xml(
        f"<w:sdt {W}><w:sdtContent><w:p>{r('Block-level control.')}</w:p></w:sdtContent></w:sdt>"))
    assert texts(read(doc, tmp_path)) == [
        "See A/HRC/61/76 for details.", "Signed: The President", "as set out in paragraph 3 above,",
        "Page 7", "Block-level control."]


def test_special_characters(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("3.") + "<w:r><w:tab/></w:r>" + r("Decides"))
    raw_p(doc, r("first line") + "<w:r><w:br/></w:r>" + r("second line"))
    raw_p(doc, r("non") + "<w:r><w:noBreakHyphen/></w:r>" + r("governmental"))
    raw_p(doc, r("alpha ") + '<w:r><w:sym w:font="Symbol" w:char="F061"/></w:r>')
    assert texts(read(doc, tmp_path)) == ["3.\tDecides", "first line second line",
                                         "non\u2011governmental", "alpha a"]
    assert all("\n" not in t for t in texts(read(doc, tmp_path)))


def test_table_cells_are_paragraphs_with_table_sources(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Before the table.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Member State"
    table.cell(0, 1).text = "Vote"
    table.cell(1, 0).text = "Examplia"
    table.cell(1, 1).paragraphs[0].add_run("Yes")
    table.cell(1, 1).add_paragraph("(with reservation)")
    doc.add_paragraph("After the table.")
    result = read(doc, tmp_path)
    assert texts(result) == ["Before the table.", "Member State", "Vote", "Examplia", "Yes",
                             "(with reservation)", "After the table."]
    sources = [p.source for p in result.paragraphs]
    assert sources[1:6] == ["table 1, row 1, cell 1", "table 1, row 1, cell 2", "table 1, row 2, cell 1",
                            "table 1, row 2, cell 2", "table 1, row 2, cell 2"]
    assert sources[0] == "paragraph 1" and sources[-1].startswith("paragraph ")


def test_run_formatting_and_val_false(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Invites", "<w:i/>") + r(" all States ") + r("urgently", "<w:b/><w:u w:val=\"single\"/>")
          + r(" not bold", '<w:b w:val="0"/>') + r(" either", '<w:b w:val="false"/><w:u w:val="none"/>')
          + r("2", '<w:vertAlign w:val="superscript"/>'))
    para = read(doc, tmp_path).paragraphs[0]
    assert para.text == "Invites all States urgently not bold either2"
    assert "".join(run.text for run in para.runs) == para.text
    assert para.runs == (
        Run("Invites", italic=True), Run(" all States "), Run("urgently", bold=True, underline=True),
        Run(" not bold either"), Run("2", superscript=True))


def test_character_style_formatting(tmp_path):
    doc = docx.Document()
    p = doc.add_paragraph()
    p.add_run("Emphasised", style="Emphasis")   # the built-in Emphasis style is italic
    p.add_run(" plain")
    para = read(doc, tmp_path).paragraphs[0]
    assert para.runs == (Run("Emphasised", italic=True), Run(" plain"))


def _ref(note_id: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>'


def test_footnotes_numbered_by_appearance_and_placed_after_their_paragraph(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Recalling resolution 61/37") + _ref(5) + r(" of 2022,"))
    raw_p(doc, r("Noting the report") + _ref(3) + r(","))
    raw_p(doc, r("Decides to remain seized."))
    add_footnotes(doc, {3: r(" A/HRC/61/76."), 5: r(" See ") + ins(r("also "), 9) + r("A/RES/61/37.")})
    result = read(doc, tmp_path)
    assert texts(result) == ["Recalling resolution 61/37¹ of 2022,", "¹ See also A/RES/61/37.",
                             "Noting the report²,", "² A/HRC/61/76.", "Decides to remain seized."]
    first, note1 = result.paragraphs[0], result.paragraphs[1]
    assert first.footnote_refs == ("1",)
    assert Run("¹", superscript=True) in first.runs
    assert note1.kind is Kind.FOOTNOTE and note1.prefix == "¹ " and note1.label == "1"
    assert note1.source == "footnote 1" and note1.body == "See also A/RES/61/37."
    assert result.paragraphs[3].source == "footnote 2"
    assert [p.index for p in result.paragraphs] == list(range(5))
    assert result.had_tracked_changes   # the revision sits in footnotes.xml
    original = read(doc, tmp_path, "original")
    assert original.paragraphs[1].text == "¹ See A/RES/61/37."


def test_numbering_labels_are_computed_not_put_in_text(tmp_path):
    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
        "</w:abstractNum>"))
    numbering.append(parse_xml(f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    numbering.append(parse_xml(
        f'<w:num {W} w:numId="91"><w:abstractNumId w:val="90"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>'))

    def item(text, level, num_id=90):
        raw_p(doc, r(text), ppr=f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/>'
                                f'</w:numPr></w:pPr>')

    item("Decides:", 0)
    item("To do one thing;", 1)
    item("To do another;", 1)
    item("In particular;", 2)
    item("Further decides;", 0)
    item("To report;", 1)
    doc.add_paragraph("Unnumbered text.")
    item("Restarted at five;", 0, 91)
    result = read(doc, tmp_path)
    assert [(p.numbering, p.text) for p in result.paragraphs] == [
        ("1.", "Decides:"), ("(a)", "To do one thing;"), ("(b)", "To do another;"), ("(i)", "In particular;"),
        ("2.", "Further decides;"), ("(a)", "To report;"), ("", "Unnumbered text."),
        ("5.", "Restarted at five;")]


def test_style_numbering_counts_empty_items(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("One", style="List Number")
    doc.add_paragraph("", style="List Number")      # Word still draws "2." here
    doc.add_paragraph("Three", style="List Number")
    result = read(doc, tmp_path)
    assert [(p.numbering, p.text, p.style) for p in result.paragraphs] == [
        ("1.", "One", "List Number"), ("3.", "Three", "List Number")]


def test_read_document_dispatches_docx_by_content(tmp_path):
    from app.io.readers import read_document
    doc = docx.Document()
    raw_p(doc, r("Welcomes ") + ins(r("warmly "), 1) + r("the report,"))
    buf = io.BytesIO()
    doc.save(buf)
    path = tmp_path / "named_wrongly.txt"      # magic bytes decide, not the extension
    path.write_bytes(buf.getvalue())
    assert texts(read_document(path)) == ["Welcomes warmly the report,"]
    assert texts(read_document(path, tracked="original")) == ["Welcomes the report,"]


def test_docx_sample_compares_like_its_text_version(tmp_path):
    """End to end: the bundled draft as a .docx (one paragraph per line) compares with the adopted text
    exactly as the .txt draft does."""
    pytest.importorskip("app.io.pipeline")
    from app.io.pipeline import compare_files
    samples = Path(__file__).resolve().parent.parent / "resources" / "samples"
    draft_txt, adopted = samples / "draft_en.txt", samples / "adopted_en.txt"
    if not draft_txt.exists():
        pytest.skip("samples missing")
    from app.io.readers import read_document
    lines = [p.text for p in read_document(draft_txt).paragraphs]
    doc = docx.Document()
    for line in lines:
        doc.add_paragraph(line)
    draft_docx = tmp_path / "draft_en.docx"
    doc.save(draft_docx)
    from_txt = compare_files(draft_txt, adopted)
    from_docx = compare_files(draft_docx, adopted)
    assert [p.text for p in from_docx.draft.paragraphs] == [p.text for p in from_txt.draft.paragraphs]
    assert [(p.kind, p.draft, p.adopted) for p in from_docx.pairs] == \
        [(p.kind, p.draft, p.adopted) for p in from_txt.pairs]


def test_unterminated_field_instruction_does_not_swallow_later_paragraphs(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Before ") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
          + '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>')
    raw_p(doc, r("Decides to remain seized of the matter."))
    assert texts(read(doc, tmp_path)) == ["Before", "Decides to remain seized of the matter."]


@pytest.mark.libreoffice
def test_tracked_views_match_libreoffice_accept_and_reject_all(tmp_path):
    """Independent oracle: LibreOffice's accept-all / reject-all text equals our two views."""
    import subprocess

    from conftest import LO_TRACKED, libreoffice_available
    if not libreoffice_available():
        pytest.skip("headless LibreOffice (libreoffice-writer-nogui, python3-uno) not installed")
    doc = docx.Document()
    raw_p(doc, r("Decides ") + ins(r("to remain "), 1) + dele("to stay ", 2) + r("seized of the matter."))
    raw_p(doc, r("Recalling its resolution"), ppr=f'<w:pPr><w:rPr><w:del {REV.format(5)}/></w:rPr></w:pPr>')
    raw_p(doc, r(" 61/37 of 2022,"))
    raw_p(doc, r("Keeps this."))
    raw_p(doc, dele("Drops this paragraph.", 8), ppr=f'<w:pPr><w:rPr><w:del {REV.format(9)}/></w:rPr></w:pPr>')
    raw_p(doc, r("Decides to remain seized;"), ppr=f'<w:pPr><w:rPr><w:ins {REV.format(6)}/></w:rPr></w:pPr>')
    raw_p(doc, ins(r("Requests a report."), 7))
    raw_p(doc, r("See ") + f'<w:hyperlink w:anchor="x">{ins(r("A/HRC/61/76"), 11)}</w:hyperlink>'
          + r(" for ") + f'<w:moveTo {REV.format(12)}>{r("further ")}</w:moveTo>' + r("details."))
    src = tmp_path / "tracked.docx"
    doc.save(src)
    for view, flag in (("accepted", "--accept"), ("original", "--reject")):
        out = tmp_path / f"{view}.txt"
        subprocess.run(["/usr/bin/python3", str(LO_TRACKED), str(src), flag, str(out)], check=True,
                       timeout=180, capture_output=True)
        expected = [line.strip() for line in out.read_text(encoding="utf-8-sig").splitlines() if line.strip()]
        assert texts(read_docx(src, src.read_bytes(), tracked=view)) == expected
