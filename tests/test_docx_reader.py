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

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

from app.core.model import CompareOptions, Kind, Op, Run
from app.core.structure import recognise
from app.core.tokenize import SPACE, tokenize
from app.core.worddiff import diff_words
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
    assert texts(read(doc, tmp_path)) == ["3.\tDecides", "first line\u2028second line",
                                         "non\u2011governmental", "alpha \u03b1"]
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


# --------------------------------------------------------------- notes, breaks, symbols, hyphens

def add_notes(doc, kind: str, notes: dict[int, list[str]], ref_mark: bool = True) -> None:
    """A footnotes or endnotes part (``kind``) whose note ``id`` holds one w:p per inner XML string of
    its list (the first opening with Word's w:footnoteRef/w:endnoteRef), after Word's two separators."""
    items = [f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:{kind}>',
             f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
             f'</w:r></w:p></w:{kind}>']
    for note_id, paragraphs in notes.items():
        body = []
        for k, inner in enumerate(paragraphs):
            mark = (f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:{kind}Ref/></w:r>'
                    if k == 0 and ref_mark else "")
            body.append(f"<w:p>{mark}{inner}</w:p>")
        items.append(f'<w:{kind} w:id="{note_id}">{"".join(body)}</w:{kind}>')
    blob = f'<w:{kind}s {W}>{"".join(items)}</w:{kind}s>'.encode()
    ct, rt = (CT.WML_FOOTNOTES, RT.FOOTNOTES) if kind == "footnote" else (CT.WML_ENDNOTES, RT.ENDNOTES)
    doc.part.relate_to(Part(PackURI(f"/word/{kind}s.xml"), ct, blob, doc.part.package), rt)


def _eref(note_id: int) -> str:
    return f'<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:endnoteReference w:id="{note_id}"/></w:r>'


def test_endnotes_are_read_after_their_paragraph_with_their_own_roman_sequence(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Recalling resolution 61/37") + _ref(4) + r(" and its report") + _eref(9) + r(","))
    raw_p(doc, r("Noting the study") + _eref(2) + r(" and") + _eref(9) + r(" again,"))
    raw_p(doc, r("Decides to remain seized") + _ref(5) + r("."))
    add_notes(doc, "footnote", {4: [r(" A/RES/61/37.")], 5: [r(" A/HRC/61/2.")]})
    add_notes(doc, "endnote", {9: [r(" A/HRC/61/76.")], 2: [r(" See ") + ins(r("also "), 3) + r("the study.")]})
    result = read(doc, tmp_path)
    assert texts(result) == [
        "Recalling resolution 61/37¹ and its reporti,", "¹ A/RES/61/37.", "i A/HRC/61/76.",
        "Noting the studyii andi again,", "ii See also the study.",
        "Decides to remain seized².", "² A/HRC/61/2."]
    assert not any("endnote" in w for w in result.warnings)
    assert result.had_tracked_changes               # the revision sits in endnotes.xml
    paras = result.paragraphs
    assert paras[0].footnote_refs == ("1", "i") and paras[3].footnote_refs == ("ii", "i")
    assert Run("i", superscript=True) in paras[0].runs
    endnote = paras[2]
    assert endnote.kind is Kind.FOOTNOTE and endnote.source == "endnote i" and endnote.label == "i"
    assert endnote.prefix == "i " and endnote.body == "A/HRC/61/76."
    assert paras[4].source == "endnote ii" and paras[1].source == "footnote 1"
    assert [p.index for p in paras] == list(range(len(paras)))
    assert read(doc, tmp_path, "original").paragraphs[4].text == "ii See the study."


def test_endnote_number_format_follows_the_document_settings(tmp_path):
    doc = docx.Document()
    doc.settings.element.append(parse_xml(f'<w:endnotePr {W}><w:numFmt w:val="decimal"/></w:endnotePr>'))
    raw_p(doc, r("Welcomes the report") + _eref(1) + r("."))
    raw_p(doc, r("Takes note") + _eref(5) + r(" of it") + _eref(6) + r("."))
    add_notes(doc, "endnote", {1: [r(" One.")], 5: [r(" Two.")]})
    result = read(doc, tmp_path)
    assert texts(result) == ["Welcomes the report¹.", "¹ One.", "Takes note² of it³.", "² Two."]
    assert [p.source for p in result.paragraphs if p.kind is Kind.FOOTNOTE] == ["endnote 1", "endnote 2"]
    assert "endnote 3 is referenced but its text is missing" in result.warnings


def test_footnote_with_several_paragraphs_keeps_each_paragraph(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Noting the report") + _ref(1) + r(","))
    raw_p(doc, r("Decides."))
    mark_del = f'<w:pPr><w:rPr><w:del {REV.format(5)}/></w:rPr></w:pPr>'
    add_notes(doc, "footnote", {1: [r(" A/HRC/61/76, para. 3."), "", r("See also the annex,", "<w:i/>"),
                                    mark_del + r("which sets out"), r(" the figures.")]})
    result = read(doc, tmp_path)
    assert texts(result) == ["Noting the report¹,", "¹ A/HRC/61/76, para. 3.", "See also the annex,",
                             "which sets out the figures.", "Decides."]
    first, second, third = result.paragraphs[1:4]
    assert all(p.kind is Kind.FOOTNOTE and p.source == "footnote 1" for p in (first, second, third))
    assert first.prefix == "¹ " and first.label == "1"
    assert second.prefix == "" and second.label == "" and second.runs == (Run("See also the annex,", italic=True),)
    assert third.prefix == ""
    original = read(doc, tmp_path, "original")
    assert texts(original)[3:5] == ["which sets out", "the figures."]
    # the structure pass keeps every paragraph of the note a note
    assert [p.kind for p in recognise(result).paragraphs[1:4]] == [Kind.FOOTNOTE] * 3


def test_note_whose_paragraphs_are_all_empty_is_a_bare_marker(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Text") + _ref(1) + r("."))
    add_notes(doc, "footnote", {1: ["", r("   ")]})
    result = read(doc, tmp_path)
    assert texts(result) == ["Text¹.", "¹"]
    assert result.paragraphs[1].kind is Kind.FOOTNOTE and result.paragraphs[1].prefix == "¹"


def test_reference_opening_a_paragraph_stays_a_marker_and_its_note_a_note(tmp_path):
    # Why it went wrong: the text "¹One" starts like a typed note line ("¹ text" in a .txt resolution),
    # so app.core.structure made the citing paragraph a FOOTNOTE; the reader's footnote_refs now say the
    # marker is a reference.
    doc = docx.Document()
    doc.add_paragraph("The Human Rights Council,")
    raw_p(doc, _ref(1) + r("Recalling its resolution 61/37,"))
    raw_p(doc, "<w:r><w:t xml:space=\"preserve\">  </w:t></w:r>" + _eref(1) + r("Noting the report,"))
    raw_p(doc, r("Decides to remain seized of the matter."))
    add_notes(doc, "footnote", {1: [r(" Test.")]})
    add_notes(doc, "endnote", {1: [r(" Other.")]})
    result = read(doc, tmp_path)
    citing = result.paragraphs[1]
    assert citing.text == "¹Recalling its resolution 61/37," and citing.footnote_refs == ("1",)
    assert citing.runs[0] == Run("¹", superscript=True)
    assert result.paragraphs[3].text == "iNoting the report,"
    kinds = [(p.kind, p.source) for p in recognise(result).paragraphs]
    assert kinds == [(Kind.INTRO, "paragraph 1"), (Kind.PREAMBLE, "paragraph 2"), (Kind.FOOTNOTE, "footnote 1"),
                     (Kind.PREAMBLE, "paragraph 3"), (Kind.FOOTNOTE, "endnote i"),
                     (Kind.PREAMBLE, "paragraph 4")]
    assert recognise(result).paragraphs[1].footnote_refs == ("1",)


def test_text_wrapping_break_is_a_line_separator_that_compares_as_a_space(tmp_path):
    doc = docx.Document()
    raw_p(doc, r("Distr.: General") + "<w:r><w:br/></w:r>" + r("3 April 2026")
          + '<w:r><w:br w:type="textWrapping"/></w:r>' + r("Original: English") + "<w:r><w:cr/></w:r>" + r("x"))
    raw_p(doc, r("before page") + '<w:r><w:br w:type="page"/></w:r>' + r("after")
          + '<w:r><w:br w:type="column"/></w:r>' + r("column"))
    raw_p(doc, r("trailing") + "<w:r><w:br/></w:r>")
    result = read(doc, tmp_path)
    assert texts(result) == ["Distr.: General\u20283 April 2026\u2028Original: English\u2028x",
                             "before page after column", "trailing"]
    text = result.paragraphs[0].text
    assert "\n" not in text
    assert [t for t, kind in tokenize(text) if kind == SPACE].count("\u2028") == 3
    spaced = text.replace("\u2028", " ")
    for options in (CompareOptions(), CompareOptions(conflate_spaces=False)):
        ops = diff_words(text, spaced, options)
        assert all(op.op is Op.EQUAL for op in ops)
        assert "".join(op.a for op in ops) == text and "".join(op.b for op in ops) == spaced


def test_symbol_and_wingdings_characters_map_to_unicode(tmp_path):
    doc = docx.Document()

    def sym(font, char):
        return f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'
    raw_p(doc, "".join(sym("Symbol", c) for c in ("F0B7", "F061", "F0AE", "F0B3", "F0A3", "F0B4", "F0B1", "F0BB")))
    raw_p(doc, r("a ") + sym("Symbol", "0061") + sym("Symbol", "F044") + sym("Symbol", "F0E5"))
    raw_p(doc, sym("Wingdings", "F0FC") + sym("Wingdings", "F0A7") + sym("Wingdings", "F0D8")
          + sym("Wingdings", "F06C") + sym("Wingdings", "F0FF") + r(" done"))
    raw_p(doc, r("caf") + sym("Arial", "00E9") + sym("Times New Roman", "F041"))
    assert texts(read(doc, tmp_path)) == ["•α→≥≤×±≈", "a αΔ∑", "✓▪➢●\ufffc done", "caféA"]


def test_symbol_table_covers_the_printable_range():
    from app.io.wordml import sym_char
    undefined = set(range(0x7F, 0xA0)) | {0xF0, 0xFF}
    for code in range(0x20, 0x100):
        ch = sym_char("Symbol", f"{0xF000 + code:04X}")
        assert len(ch) == 1
        if code in undefined:
            assert ch == "\ufffc", hex(code)
        else:
            assert not 0xE000 <= ord(ch) <= 0xF8FF and ch.isprintable(), hex(code)
    assert sym_char("Symbol", "F041") == "Α" and sym_char("Symbol", "F0C6") == "∅"
    assert sym_char("Symbol", "F020") == " " and sym_char("Symbol", "F030") == "0"
    assert sym_char("Wingdings", "F09F") == "•" and sym_char("WINGDINGS", "F0FE") == "☑"
    assert sym_char(None, "F0B7") == "·" and sym_char("Symbol", "zz") == "" and sym_char("Symbol", "0") == ""


def test_soft_hyphens_are_dropped_and_no_break_hyphens_kept(tmp_path):
    doc = docx.Document()
    soft, hard = "<w:r><w:softHyphen/></w:r>", "<w:r><w:noBreakHyphen/></w:r>"
    raw_p(doc, r("inter") + soft + r("governmental and non") + hard + r("governmental"))
    raw_p(doc, r("Decides") + ins(r("co") + "<w:r><w:noBreakHyphen/><w:t>operation</w:t></w:r>", 1)
          + dele("x", 2) + '<w:del w:id="3" w:author="A"><w:r><w:noBreakHyphen/><w:softHyphen/>'
                           '<w:delText>gone</w:delText></w:r></w:del>' + r(" now") + _ref(1))
    add_notes(doc, "footnote", {1: [r(" A") + hard + r("B") + soft + r("C")]})
    assert texts(read(doc, tmp_path)) == ["intergovernmental and non\u2011governmental",
                                         "Decidesco\u2011operation now¹", "¹ A\u2011BC"]
    assert texts(read(doc, tmp_path, "original"))[1] == "Decidesx\u2011gone now¹"


def test_page_headers_and_footers_are_read_and_a_footer_only_change_is_a_change(tmp_path):
    """Running heads and feet are paragraphs of their own kinds, after the document; a difference there
    alone is reported, not "no change" (the redline tracks it in the footer part)."""
    from app.core.model import PairKind
    from app.io.pipeline import compare_files
    from redline_cases import case_footer
    draft, adopted = case_footer(tmp_path)
    c = compare_files(draft, adopted)
    pages = [(p.kind, p.source, p.text) for p in c.adopted.paragraphs if p.kind.is_page]
    assert pages == [(Kind.PAGE_FOOTER, "page footer", "GE.26-05123(E)")]
    assert c.adopted.paragraphs[-1].kind is Kind.PAGE_FOOTER and c.adopted.paragraphs[0].kind is not Kind.PAGE_FOOTER
    changed = [p for p in c.pairs if p.kind is not PairKind.EQUAL]
    sides = [c.draft.paragraphs[i] for p in changed for i in p.draft] + \
        [c.adopted.paragraphs[j] for p in changed for j in p.adopted]
    assert changed and {p.kind for p in sides} == {Kind.PAGE_FOOTER}


def test_table_cell_paragraphs_are_labelled_by_table_row_and_cell(tmp_path):
    doc = docx.Document()
    doc.add_paragraph("Before the table.")
    table = doc.add_table(rows=2, cols=2)
    table.cell(1, 0).text = "Brazil"
    table.cell(1, 1).text = "Abstained"
    result = read(doc, tmp_path)
    cells = {p.text: (p.source, p.display_label) for p in result.paragraphs}
    assert cells["Brazil"] == ("table 1, row 2, cell 1", "T1 R2 C1")
    assert cells["Abstained"][1] == "T1 R2 C2"
    assert cells["Before the table."][1] == ""
