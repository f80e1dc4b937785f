"""Word exports from an adopted .docx keep that file's look: styles, Word numbering, page set-up.

LibreOffice round trips of the same files (accept-all = adopted, reject-all = draft, numbering
included) are in test_export_tracked.py; here the package itself is inspected.
"""
from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from lxml import etree

from app.io.docx_reader import read_docx
from app.io.export_annotated import export_annotated
from app.io.export_tracked import export_tracked
from app.io.pipeline import compare_files
from conftest import SAMPLES, libreoffice_comment_count, requires_libreoffice
from docx_fixtures import HEADER_TEXT, NUM_ID, resolution_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WHEN = datetime(2026, 4, 3, 10, 30, tzinfo=timezone.utc)


def part(path: Path, name: str):
    with zipfile.ZipFile(path) as zf:
        return etree.fromstring(zf.read(name))


def style_ids(path: Path) -> dict[str, str]:
    return {s.find(W + "name").get(W + "val"): s.get(W + "styleId") for s in part(path, "word/styles.xml")
            if s.tag == W + "style" and s.find(W + "name") is not None}


def paragraphs(path: Path) -> list[tuple[str, str, object]]:
    """(style id, text with deleted text, the w:p) for every body paragraph."""
    out = []
    for p in part(path, "word/document.xml").iter(W + "p"):
        ps = p.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in p.iter(W + "t", W + "delText"))
        out.append((ps.get(W + "val") if ps is not None else "", text, p))
    return out


@pytest.fixture
def numbered(tmp_path) -> tuple[Path, Path]:
    adopted = resolution_docx(SAMPLES / "adopted_en.txt", tmp_path / "adopted.docx")
    return SAMPLES / "draft_en.txt", adopted


def test_tracked_export_keeps_the_adopted_styles_numbering_and_page_header(numbered, tmp_path):
    draft, adopted = numbered
    before = adopted.read_bytes()
    out = export_tracked(compare_files(draft, adopted), tmp_path / "tracked.docx", author="R", date=WHEN)
    assert adopted.read_bytes() == before
    ids = style_ids(out)
    rows = paragraphs(out)
    operative = [(s, t, p) for s, t, p in rows if "condemns" in t or "remain seized" in t]
    assert operative and {s for s, _, _ in operative} == {ids["UN Operative"]}
    assert {s for s, t, _ in rows if t.startswith("PP2.")} == {ids["UN Preamble"]}
    assert {s for s, t, _ in rows if t == "Human Rights Council"} == {ids["UN Header"]}
    # Word draws the operative numbers from the adopted numbering definitions, carried over.
    nums = part(out, "word/numbering.xml")
    assert [n.get(W + "numId") for n in nums.iter(W + "num")].count(NUM_ID) == 1
    with zipfile.ZipFile(out) as zf:
        headers = [n for n in zf.namelist() if n.startswith("word/header")]
        assert any(HEADER_TEXT in zf.read(n).decode() for n in headers)
    # The draft typed "OP1." and had no Word numbering: reject-all must not add Word's "1." to it.
    for _, text, p in operative:
        change = p.find(f"{W}pPr/{W}pPrChange")
        assert change is not None, text
        assert change.find(f"{W}pPr/{W}numPr/{W}numId").get(W + "val") == "0"
        assert change.get(W + "author") == "R"
    # Italic operative verbs come through as italic runs.
    italic = {"".join(r.itertext()) for r in part(out, "word/document.xml").iter(W + "r")
              if r.find(f"{W}rPr/{W}i") is not None}
    assert "Strongly condemns" in italic


def test_revision_ids_stay_unique_with_paragraph_property_changes(numbered, tmp_path):
    out = export_tracked(compare_files(*numbered), tmp_path / "tracked.docx", author="R", date=WHEN)
    root = part(out, "word/document.xml")
    ids = [el.get(W + "id") for el in root.iter(W + "ins", W + "del", W + "moveFrom", W + "moveTo",
                                                 W + "moveFromRangeStart", W + "moveToRangeStart",
                                                 W + "pPrChange")]
    assert len(ids) == len(set(ids)) and len(root.findall(f".//{W}pPrChange")) >= 7
    for ppr in root.iter(W + "pPr"):     # schema order: w:rPr before w:pPrChange, which comes last
        tags = [c.tag for c in ppr]
        if W + "pPrChange" in tags:
            assert tags[-1] == W + "pPrChange"
        if W + "rPr" in tags:
            rpr = ppr.find(W + "rPr")
            marks = [c.tag for c in rpr if c.tag in (W + "ins", W + "del", W + "moveFrom", W + "moveTo")]
            assert [c.tag for c in rpr][:len(marks)] == marks


def test_the_export_reads_back_as_the_adopted_text_when_accepted(numbered, tmp_path):
    draft, adopted = numbered
    c = compare_files(draft, adopted)
    out = export_tracked(c, tmp_path / "tracked.docx", author="R", date=WHEN)
    back = read_docx(out, out.read_bytes(), tracked="accepted")
    # Footnotes come back as body paragraphs (the export writes them inline), numbering as Word's.
    assert [(p.numbering, p.text) for p in back.paragraphs] == [(p.numbering, p.text) for p in c.adopted.paragraphs]
    original = read_docx(out, out.read_bytes(), tracked="original")
    # A text draft has no page header or footer: the adopted file's stay, untracked.
    assert [p.text for p in original.paragraphs if not p.kind.is_page] == [p.text for p in c.draft.paragraphs]


def test_adopted_file_changed_after_comparing_falls_back_to_clean_styles(numbered, tmp_path):
    draft, adopted = numbered
    c = compare_files(draft, adopted)
    resolution_docx(SAMPLES / "draft_en.txt", adopted)     # another text under the same name
    out = export_tracked(c, tmp_path / "tracked.docx", author="R", date=WHEN)
    ids = style_ids(out)
    assert "UN Operative" not in ids and "DC Operative" in ids
    assert {s for s, t, _ in paragraphs(out) if "remain seized" in t} == {ids["DC Operative"]}


def test_text_adopted_gets_clean_draft_compare_styles(tmp_path):
    out = export_tracked(compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"),
                         tmp_path / "tracked.docx", author="R", date=WHEN)
    ids = style_ids(out)
    assert {s for s, t, _ in paragraphs(out) if t.startswith("PP2.")} == {ids["DC Preamble"]}
    assert not part(out, "word/document.xml").findall(f".//{W}pPrChange/{W}pPr/{W}numPr")   # no Word numbering


def _without_comment_marks(root):
    for el in list(root.iter(W + "commentRangeStart", W + "commentRangeEnd")):
        el.getparent().remove(el)
    for ref in list(root.iter(W + "commentReference")):
        run = ref.getparent()
        run.getparent().remove(run)
    return etree.tostring(root, method="c14n")


def test_annotated_export_is_the_adopted_file_with_comments_added(numbered, tmp_path):
    draft, adopted = numbered
    c = compare_files(draft, adopted)
    out = export_annotated(c, tmp_path / "annotated.docx", author="A. Officer", date=WHEN)
    # Apart from the comment marks, the body is the adopted file's, byte for byte in canonical form.
    assert _without_comment_marks(part(out, "word/document.xml")) == \
        _without_comment_marks(part(adopted, "word/document.xml"))
    with zipfile.ZipFile(out) as zf:
        assert "word/footnotes.xml" in zf.namelist()
    comments = {c.get(W + "id"): "".join(c.itertext()) for c in part(out, "word/comments.xml")}
    anchored = {}
    for p in part(out, "word/document.xml").iter(W + "p"):
        for start in p.iter(W + "commentRangeStart"):
            anchored["".join(t.text or "" for t in p.iter(W + "t"))] = comments[start.get(W + "id")]
    assert set(anchored.values()) == set(comments.values())
    # The footnote exists only in the adopted text: its comment sits on the paragraph citing it.
    citing = next(text for text in anchored if text.startswith("Taking note"))
    assert "Not in the draft" in anchored[citing]
    assert "Different number: the draft has 120, the adopted text has 112" in \
        anchored[next(text for text in anchored if text.startswith("Welcoming"))]


@requires_libreoffice
@pytest.mark.libreoffice
def test_libreoffice_lists_every_comment_of_the_annotated_adopted_file(numbered, tmp_path):
    draft, adopted = numbered
    c = compare_files(draft, adopted)
    out = export_annotated(c, tmp_path / "annotated.docx")
    count = len(part(out, "word/comments.xml"))
    assert libreoffice_comment_count(out, tmp_path) == count > 5


def test_annotated_export_of_an_adopted_file_read_with_its_revisions_rejected_is_laid_out_anew(tmp_path):
    """The adopted file itself shows its revisions accepted by default: when the comparison used the
    original text, the annotated file must show that text, so it is laid out with our styles."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    adopted = resolution_docx(SAMPLES / "adopted_en.txt", tmp_path / "adopted.docx")
    d = docx.Document(adopted)
    op = next(p for p in d.paragraphs if p.text.startswith("Urges"))
    op._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="S" w:date="2026-04-03T09:00:00Z">'
                           '<w:r><w:t xml:space="preserve"> and fairness</w:t></w:r></w:ins>'))
    d.save(adopted)
    c = compare_files(SAMPLES / "draft_en.txt", adopted, tracked="original")
    out = export_annotated(c, tmp_path / "annotated.docx", date=WHEN)
    texts = [t for _, t, _ in paragraphs(out)]
    assert any(t.startswith("Urges") and not t.endswith("fairness") for t in texts)
    assert "DC Operative" in style_ids(out)
    accepted = export_annotated(compare_files(SAMPLES / "draft_en.txt", adopted), tmp_path / "a2.docx", date=WHEN)
    assert "UN Operative" in style_ids(accepted) and "DC Operative" not in style_ids(accepted)


def test_adopted_file_without_section_properties_or_with_tables(tmp_path):
    """Edge cases of real files: no body-level w:sectPr (it is optional) and paragraphs in a table."""
    import docx
    adopted = resolution_docx(SAMPLES / "adopted_en.txt", tmp_path / "adopted.docx")
    d = docx.Document(adopted)
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Distr.: General", "GE.26-05123(E)"
    body = d.element.body
    body.remove(body.find(W + "sectPr"))
    d.save(adopted)
    c = compare_files(SAMPLES / "draft_en.txt", adopted)
    out = export_tracked(c, tmp_path / "tracked.docx", author="R", date=WHEN)
    back = read_docx(out, out.read_bytes(), tracked="accepted")
    assert [p.text for p in back.paragraphs] == [p.text for p in c.adopted.paragraphs]
    assert [p.text for p in back.paragraphs][-2:] == ["Distr.: General", "GE.26-05123(E)"]
    annotated = export_annotated(c, tmp_path / "annotated.docx", date=WHEN)
    assert part(annotated, "word/document.xml").find(f".//{W}tbl") is not None   # the file itself, table kept


def test_a_package_python_docx_refuses_is_exported_with_clean_styles(tmp_path):
    """Our reader reads a Word template (.dotx content type); python-docx will not open it as a document:
    the exports still work, on their own styles."""
    adopted = resolution_docx(SAMPLES / "adopted_en.txt", tmp_path / "adopted.docx")
    with zipfile.ZipFile(adopted) as zin, zipfile.ZipFile(tmp_path / "template.docx", "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            zout.writestr(item, data)
    c = compare_files(SAMPLES / "draft_en.txt", tmp_path / "template.docx")
    tracked = export_tracked(c, tmp_path / "tracked.docx", author="R", date=WHEN)
    annotated = export_annotated(c, tmp_path / "annotated.docx", date=WHEN)
    assert "DC Operative" in style_ids(tracked) and "DC Operative" in style_ids(annotated)
    back = read_docx(tracked, tracked.read_bytes())
    # On clean styles there is no page header part to keep: the body text is all there.
    assert [p.text for p in back.paragraphs] == [p.text for p in c.adopted.paragraphs if not p.kind.is_page]


def test_the_tracked_export_drops_the_adopted_files_lock_and_tracks_once(tmp_path):
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    adopted = resolution_docx(SAMPLES / "adopted_en.txt", tmp_path / "adopted.docx")
    d = docx.Document(adopted)
    d.settings.element.append(parse_xml(f'<w:documentProtection {nsdecls("w")} w:edit="readOnly" w:enforcement="1"/>'))
    d.settings.element.append(parse_xml(f'<w:trackRevisions {nsdecls("w")}/>'))
    d.save(adopted)
    out = export_tracked(compare_files(SAMPLES / "draft_en.txt", adopted), tmp_path / "t.docx", author="R",
                         date=WHEN)
    settings = part(out, "word/settings.xml")
    assert settings.find(W + "documentProtection") is None
    assert len(settings.findall(W + "trackRevisions")) == 1
    assert part(adopted, "word/settings.xml").find(W + "documentProtection") is not None   # input untouched


def test_comments_of_the_adopted_file_do_not_follow_into_the_tracked_export(tmp_path):
    """Their anchors are in the body the export replaces: a comments part left behind would list
    comments attached to nothing."""
    import docx
    adopted = resolution_docx(SAMPLES / "adopted_en.txt", tmp_path / "adopted.docx")
    d = docx.Document(adopted)
    d.add_comment(d.paragraphs[6].runs, text="Secretariat: check the reference", author="S")
    d.save(adopted)
    c = compare_files(SAMPLES / "draft_en.txt", adopted)
    tracked = export_tracked(c, tmp_path / "t.docx", author="R", date=WHEN)
    with zipfile.ZipFile(tracked) as zf:
        assert not [n for n in zf.namelist() if "comments" in n]
    annotated = export_annotated(c, tmp_path / "a.docx", author="R", date=WHEN)   # the file itself: kept
    texts = ["".join(x.itertext()) for x in part(annotated, "word/comments.xml")]
    assert "Secretariat: check the reference" in texts and len(texts) > 1


def test_footnotes_become_word_footnotes_with_tracked_references_and_text(numbered, tmp_path):
    draft, adopted = numbered
    c = compare_files(draft, adopted)          # the adopted text adds note 1 (A/HRC/62/41.) to PP4
    out = export_tracked(c, tmp_path / "t.docx", author="R", date=WHEN)
    body = part(out, "word/document.xml")
    assert "A/HRC/62/41." not in "".join(body.itertext())       # not a body paragraph any more
    refs = list(body.iter(W + "footnoteReference"))
    assert len(refs) == 1 and refs[0].getparent().getparent().tag == W + "ins"
    citing = refs[0].getparent().getparent().getparent()
    assert "".join(t.text for t in citing.iter(W + "t")).endswith("Examplia,")
    notes = {n.get(W + "id"): n for n in part(out, "word/footnotes.xml") if n.get(W + "type") is None}
    note = notes[refs[0].get(W + "id")]
    assert next(note.iter(W + "footnoteRef"), None) is not None
    assert "".join(t.text for ins in note.iter(W + "ins") for t in ins.iter(W + "t")).strip() == "A/HRC/62/41."


def test_notes_paired_with_body_text_stay_paragraphs(tmp_path):
    """A .txt adopted text has no footnotes part to write into: its note stays a paragraph."""
    out = export_tracked(compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"),
                         tmp_path / "t.docx", author="R", date=WHEN)
    assert "A/HRC/62/41." in "".join(part(out, "word/document.xml").itertext())
    assert next(part(out, "word/document.xml").iter(W + "footnoteReference"), None) is None
