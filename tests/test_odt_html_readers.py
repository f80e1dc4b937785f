"""The OpenDocument (.odt) and HTML readers on real inputs.

ODT: Word files built with tests/docx_fixtures.py are converted by headless LibreOffice and must read
like the .docx itself (texts, list labels, notes, italics, page header and footer); hand-built packages
cover ODF features directly and the refusals (other ODF kinds, truncated, DOCTYPE/ENTITY, encrypted).
HTML: the UDHR in the six official languages (../shared/corpora/udhr) and small inline cases.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.core.model import Kind, Run
from app.io.docx_reader import read_docx
from app.io.errors import InputError
from app.io.html_reader import read_html
from app.io.odt_reader import read_odt
from app.io.readers import read_document
from docx_fixtures import HEADER_TEXT, add_footnotes, resolution_docx

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "resources" / "samples"
UDHR = ROOT.parent / "shared" / "corpora" / "udhr"
W = nsdecls("w")
REV = 'w:id="{}" w:author="A" w:date="2026-01-15T10:30:00Z"'


# ------------------------------------------------------------------------ ODT through LibreOffice

def _p(doc, inner: str, ppr: str = "") -> None:
    p = doc.add_paragraph()
    for c in list(parse_xml(f"<w:p {W}>{ppr}{inner}</w:p>")):
        p._p.append(c)


def _r(text: str, rpr: str = "") -> str:
    return f'<w:r>{f"<w:rPr>{rpr}</w:rPr>" if rpr else ""}<w:t xml:space="preserve">{text}</w:t></w:r>'


def _rich_docx(out: Path) -> Path:
    """Tracked changes, a three-level list interrupted and continued, an endnote of two paragraphs, a
    footnote, a table, breaks and formatting, a first-page header and a footer with a page field."""
    doc = docx.Document()
    doc.part.numbering_part.element.insert(0, parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="77"><w:multiLevelType w:val="multilevel"/>'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
        '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
        '</w:abstractNum>'))
    doc.part.numbering_part.element.append(parse_xml(f'<w:num {W} w:numId="77"><w:abstractNumId w:val="77"/></w:num>'))

    def num(level: int) -> str:
        return f'<w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="77"/></w:numPr></w:pPr>'

    def dele(text: str, n: int) -> str:
        return f'<w:del {REV.format(n)}><w:r><w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'

    sup = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
    _p(doc, _r("Decides ") + f'<w:ins {REV.format(1)}>{_r("to remain ")}</w:ins>' + dele("to stay ", 2)
       + _r("seized of the matter."))
    _p(doc, _r("Recalling its resolution"), f'<w:pPr><w:rPr><w:del {REV.format(5)}/></w:rPr></w:pPr>')
    _p(doc, _r(" 61/37 of 2022,"))
    _p(doc, dele("Drops this paragraph.", 8), f'<w:pPr><w:rPr><w:del {REV.format(9)}/></w:rPr></w:pPr>')
    for level, text in ((0, "First operative"), (1, "sub a"), (1, "sub b"), (2, "sub sub i")):
        _p(doc, _r(text), num(level))
    _p(doc, _r("Interrupting paragraph without number."))
    _p(doc, _r("Second operative continues"), num(0))
    _p(doc, _r("sub a again"), num(1))
    _p(doc, _r("Bold", "<w:b/>") + _r(" and ") + _r("under", '<w:u w:val="single"/>') + _r(" x")
       + _r("2", '<w:vertAlign w:val="superscript"/>') + _r(" bold-italic", "<w:b/><w:i/>"))
    _p(doc, _r("Line one") + "<w:r><w:br/></w:r>" + _r("line two") + "<w:r><w:tab/></w:r>" + _r("three   spaces"))
    _p(doc, _r("Cites an endnote") + f'<w:r>{sup}<w:endnoteReference w:id="1"/></w:r>' + _r(" and a footnote")
       + f'<w:r>{sup}<w:footnoteReference w:id="1"/></w:r>' + _r("."))
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(1, 0).text = "A1", "B1", "A2"
    table.cell(1, 1).paragraphs[0].text = "B2 first"
    table.cell(1, 1).add_paragraph("B2 second")
    doc.add_paragraph("After the table.")
    add_footnotes(doc, {1: _r(" The footnote text.")})
    sep = [f'<w:endnote w:type="{t}" w:id="{i}"><w:p><w:r><w:{e}/></w:r></w:p></w:endnote>'
           for t, i, e in (("separator", -1, "separator"), ("continuationSeparator", 0, "continuationSeparator"))]
    note = (f'<w:endnote w:id="1"><w:p><w:r>{sup}<w:endnoteRef/></w:r>{_r(" Endnote one.")}</w:p>'
            f'<w:p>{_r("Endnote two.")}</w:p></w:endnote>')
    blob = f'<w:endnotes {W}>{"".join(sep)}{note}</w:endnotes>'.encode()
    doc.part.relate_to(Part(PackURI("/word/endnotes.xml"), CT.WML_ENDNOTES, blob, doc.part.package), RT.ENDNOTES)
    section = doc.sections[0]
    section.header.paragraphs[0].text = "A/RES/80/1"
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "First page head"
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    for x in ('<w:fldChar w:fldCharType="begin"/>', '<w:instrText xml:space="preserve"> PAGE </w:instrText>',
              '<w:fldChar w:fldCharType="separate"/>', "<w:t>2</w:t>", '<w:fldChar w:fldCharType="end"/>'):
        footer._p.append(parse_xml(f"<w:r {W}>{x}</w:r>"))
    doc.save(out)
    return out


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """name -> (.docx, the .odt LibreOffice made of it)."""
    if shutil.which("soffice") is None:
        pytest.skip("headless LibreOffice (soffice) is not installed")
    tmp = tmp_path_factory.mktemp("odt")
    sources = [resolution_docx(SAMPLES / "adopted_en.txt", tmp / "adopted.docx"), _rich_docx(tmp / "rich.docx")]
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile", "--convert-to", "odt",
                    "--outdir", str(tmp), *map(str, sources)], check=True, capture_output=True, timeout=300)
    return {s.stem: (s, s.with_suffix(".odt")) for s in sources}


def _both(pair: tuple[Path, Path]):
    docx_path, odt_path = pair
    return read_docx(docx_path, docx_path.read_bytes()), read_odt(odt_path, odt_path.read_bytes())


@pytest.mark.libreoffice
def test_odt_of_a_word_resolution_reads_like_the_word_file(converted):
    word, odt = _both(converted["adopted"])
    assert odt.format == "odt" and odt.warnings == () and not odt.had_tracked_changes
    assert [p.text for p in odt.paragraphs] == [p.text for p in word.paragraphs]
    assert [p.numbering for p in odt.paragraphs] == [p.numbering for p in word.paragraphs]
    assert [p.numbering for p in odt.paragraphs if p.numbering][:3] == ["1.", "2.", "3."]
    assert [(p.kind, p.prefix, p.label, p.source, p.footnote_refs) for p in odt.paragraphs] == \
        [(p.kind, p.prefix, p.label, p.source, p.footnote_refs) for p in word.paragraphs]
    assert [p.runs for p in odt.paragraphs] == [p.runs for p in word.paragraphs]
    assert [p.index for p in odt.paragraphs] == list(range(len(odt.paragraphs)))
    citing = next(p for p in odt.paragraphs if p.footnote_refs)
    note = odt.paragraphs[citing.index + 1]
    assert citing.footnote_refs == ("1",) and "¹" in citing.text and Run("¹", superscript=True) in citing.runs
    assert note.kind is Kind.FOOTNOTE and note.prefix == "¹ " and note.label == "1" and note.source == "footnote 1"
    assert note.body == "A/HRC/62/41."
    guided = next(p for p in odt.paragraphs if p.text.startswith("Guided"))
    assert guided.runs[0] == Run("Guided", italic=True) and guided.style == "UN Preamble"
    assert [(p.kind, p.source, p.text) for p in odt.paragraphs[-2:]] == [
        (Kind.PAGE_HEADER, "page header", HEADER_TEXT), (Kind.PAGE_FOOTER, "page footer", "GE.26-05123(E)")]
    assert not any(p.kind.is_page for p in odt.paragraphs[:-2])


@pytest.mark.libreoffice
def test_odt_tracked_changes_lists_notes_and_tables_read_like_the_word_file(converted):
    word, odt = _both(converted["rich"])
    body = [p for p in odt.paragraphs if not p.kind.is_page]
    word_body = [p for p in word.paragraphs if not p.kind.is_page]
    assert [p.text for p in body] == [p.text for p in word_body]
    assert [(p.numbering, p.kind, p.source if not p.source.startswith("paragraph") else "", p.footnote_refs)
            for p in body] == [(p.numbering, p.kind, p.source if not p.source.startswith("paragraph") else "",
                                p.footnote_refs) for p in word_body]
    assert [p.runs for p in body] == [p.runs for p in word_body]
    assert odt.had_tracked_changes and odt.warnings[0] == "read with tracked changes accepted"
    texts = [p.text for p in body]
    assert texts[:3] == ["Decides to remain seized of the matter.", "Recalling its resolution 61/37 of 2022,",
                         "First operative"]
    assert "Drops this paragraph." not in texts
    labels = {p.text: p.numbering for p in body if p.numbering}
    assert labels == {"First operative": "1.", "sub a": "(a)", "sub b": "(b)", "sub sub i": "(i)",
                      "Second operative continues": "2.", "sub a again": "(a)"}
    assert "Line one\u2028line two\tthree   spaces" in texts
    endnote = texts.index("i Endnote one.")
    assert texts[endnote + 1] == "Endnote two." and texts[endnote + 2] == "¹ The footnote text."
    assert body[endnote].source == "endnote i" and body[endnote].label == "i"
    pages = [(p.kind, p.source, p.text) for p in odt.paragraphs if p.kind.is_page]
    assert pages[:2] == [(Kind.PAGE_HEADER, "page header", "A/RES/80/1"),
                         (Kind.PAGE_HEADER, "page header (first page)", "First page head")]
    assert pages[2][:2] == (Kind.PAGE_FOOTER, "page footer") and pages[2][2].startswith("Page ")


# ------------------------------------------------------------------------- hand-built .odt packages

ODT_MIME = "application/vnd.oasis.opendocument.text"
NS = " ".join(f'xmlns:{p}="urn:oasis:names:tc:opendocument:xmlns:{u}"' for p, u in (
    ("office", "office:1.0"), ("text", "text:1.0"), ("style", "style:1.0"), ("table", "table:1.0"),
    ("fo", "xsl-fo-compatible:1.0"), ("draw", "drawing:1.0"), ("svg", "svg-compatible:1.0")))


def odt_bytes(body: str, auto: str = "", styles: str = "", master: str = "", mimetype: str = ODT_MIME,
              doctype: str = "", manifest_extra: str = "") -> bytes:
    content = (f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content {NS} office:version="1.3">'
               f"<office:automatic-styles>{auto}</office:automatic-styles>"
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    styles_xml = (f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {NS} office:version="1.3">'
                  f"<office:styles>{styles}</office:styles><office:automatic-styles/>"
                  f"<office:master-styles>{master}</office:master-styles></office:document-styles>")
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
                f'"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">{manifest_extra}</manifest:manifest>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", manifest)
        zf.writestr("content.xml", content)
        zf.writestr("styles.xml", styles_xml)
    return buf.getvalue()


def odt(tmp_path: Path, *args, **kwargs):
    data = odt_bytes(*args, **kwargs)
    path = tmp_path / "in.odt"
    path.write_bytes(data)
    return read_odt(path, data)


def refused(tmp_path: Path, data: bytes, name: str = "in.odt") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        read_document(path)
    assert "\n" not in err.value.reason and "Traceback" not in err.value.reason
    return err.value.reason


@pytest.mark.parametrize("kind", ["spreadsheet", "presentation", "graphics"])
def test_other_opendocument_kinds_are_refused(tmp_path, kind):
    reason = refused(tmp_path, odt_bytes("<text:p>x</text:p>", mimetype=f"application/vnd.oasis.opendocument.{kind}"))
    assert "not an OpenDocument text document" in reason and {"spreadsheet": ".ods", "presentation": ".odp",
                                                                 "graphics": ".odg"}[kind] in reason


def test_truncated_and_broken_odt_are_refused(tmp_path):
    data = odt_bytes("<text:p>Decides to remain seized of the matter.</text:p>" * 50)
    assert "damaged or truncated" in refused(tmp_path, data[: len(data) // 2])
    assert "OpenDocument" in refused(tmp_path, data[: len(data) // 2])
    assert "not well-formed" in refused(tmp_path, odt_bytes("<text:p>open <text:span>never closed</text:p>"))
    no_content = io.BytesIO()
    with zipfile.ZipFile(no_content, "w") as zf:
        zf.writestr("mimetype", ODT_MIME)
    assert "content.xml is missing" in refused(tmp_path, no_content.getvalue())


def test_entity_declarations_and_encryption_are_refused(tmp_path):
    laughs = '<!DOCTYPE office:document-content [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    assert "entity declarations" in refused(tmp_path, odt_bytes("<text:p>&b;</text:p>", doctype=laughs))
    xxe = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>'
    assert "entity declarations" in refused(tmp_path, odt_bytes("<text:p>&secret;</text:p>", doctype=xxe))
    encrypted = ('<manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/>'
                 '</manifest:file-entry>')
    assert "password-protected" in refused(tmp_path, odt_bytes("<text:p>x</text:p>", manifest_extra=encrypted))
    assert refused(tmp_path, odt_bytes("<text:p> </text:p><text:p/>")) == "the file is empty (it contains no text)"


def test_whitespace_breaks_and_formatting_from_style_chains(tmp_path):
    styles = ('<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/>'
              '</style:style><style:style style:name="Title" style:display-name="UN Title" style:family="paragraph">'
              '<style:text-properties fo:font-weight="700"/></style:style>')
    auto = ('<style:style style:name="T1" style:family="text" style:parent-style-name="Strong">'
            '<style:text-properties style:text-underline-style="solid"/></style:style>'
            '<style:style style:name="T2" style:family="text"><style:text-properties style:text-position="33% 58%"/>'
            '</style:style><style:style style:name="T3" style:family="text"><style:text-properties '
            'style:text-position="-33% 58%" fo:font-style="italic"/></style:style>'
            '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>')
    body = ('<text:p>  Leading\n  and   collapsed <text:s text:c="2"/>kept<text:tab/>tab<text:line-break/>next'
            '<text:soft-page-break/> co\u00adoperation </text:p>'
            '<text:p><text:span text:style-name="T1">bold under</text:span> x<text:span text:style-name="T2">2'
            '</text:span>H<text:span text:style-name="T3">2</text:span>O</text:p>'
            '<text:p text:style-name="P1">Title <text:span text:style-name="T3">it</text:span></text:p>')
    result = odt(tmp_path, body, auto=auto, styles=styles)
    first, second, third = result.paragraphs
    assert first.text == "Leading and collapsed   kept\ttab\u2028next cooperation"
    assert first.source == "paragraph 1" and first.runs == (Run(first.text),)
    assert second.runs == (Run("bold under", bold=True, underline=True), Run(" x"), Run("2", superscript=True),
                           Run("H"), Run("2", italic=True), Run("O"))
    assert third.style == "UN Title" and third.runs == (Run("Title ", bold=True), Run("it", bold=True, italic=True))


LIST_STYLES = (
    '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" style:num-suffix="." '
    'style:num-format="1" text:start-value="3"/><text:list-level-style-number text:level="2" style:num-prefix="(" '
    'style:num-suffix=")" style:num-format="a"/><text:list-level-style-number text:level="3" style:num-format="I" '
    'text:display-levels="3" style:num-suffix="."/></text:list-style>'
    '<text:list-style style:name="B1"><text:list-level-style-bullet text:level="1" text:bullet-char="\uf0b7"/>'
    '</text:list-style>')


def test_list_labels_levels_and_continued_lists(tmp_path):
    item = "<text:list-item><text:p>{}</text:p>{}</text:list-item>"
    body = ('<text:list xml:id="list1" text:style-name="L1">'
            + item.format("three", "<text:list>" + item.format("a", "") + item.format(
                "b", "<text:list>" + item.format("deep", "") + "</text:list>") + "</text:list>")
            + "<text:list-header><text:p>unnumbered header</text:p></text:list-header>"
            + "</text:list><text:p>between</text:p>"
            + '<text:list text:continue-list="list1" text:style-name="L1">' + item.format("four", "") + "</text:list>"
            + '<text:list text:style-name="L1"><text:list-item text:start-value="10"><text:p>ten</text:p>'
            + "<text:p>second paragraph of ten</text:p></text:list-item></text:list>"
            + '<text:list text:style-name="B1">' + item.format("bullet", "") + "</text:list>"
            + '<text:list text:style-name="L1"><text:list-item><text:list>' + item.format("nested only", "")
            + "</text:list></text:list-item></text:list>")
    result = odt(tmp_path, body, styles=LIST_STYLES)
    assert [(p.text, p.numbering) for p in result.paragraphs] == [
        ("three", "3."), ("a", "(a)"), ("b", "(b)"), ("deep", "3.b.I."), ("unnumbered header", ""),
        ("between", ""), ("four", "4."), ("ten", "10."), ("second paragraph of ten", ""), ("bullet", "•"),
        ("nested only", "(a)")]
    assert all("(" not in p.text and "." not in p.text for p in result.paragraphs)


def test_tables_sections_notes_tracked_changes_and_page_styles(tmp_path):
    note = ('<text:note text:id="n{i}" text:note-class="{cls}"><text:note-citation>{cit}</text:note-citation>'
            '<text:note-body><text:p>{body}</text:p></text:note-body></text:note>')
    body = ('<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>gone</text:p>'
            '</text:deletion></text:changed-region><text:changed-region text:id="c2"><text:insertion/>'
            '</text:changed-region></text:tracked-changes>'
            '<text:section text:name="S1"><text:h text:outline-level="1">Decides<text:change text:change-id="c1"/>'
            ' to <text:change-start text:change-id="c2"/>remain<text:change-end text:change-id="c2"/></text:h>'
            '</text:section><text:section text:name="hidden" text:display="none"><text:p>hidden</text:p></text:section>'
            '<table:table><table:table-column/><table:table-header-rows><table:table-row><table:table-cell>'
            '<text:p>H1</text:p></table:table-cell><table:table-cell><text:p>H2</text:p></table:table-cell>'
            '</table:table-row></table:table-header-rows><table:table-row><table:table-cell '
            'table:number-columns-spanned="2"><text:p>merged</text:p></table:table-cell><table:covered-table-cell/>'
            '</table:table-row><table:table-row><table:table-cell/><table:table-cell><text:p>B3</text:p>'
            '</table:table-cell></table:table-row></table:table>'
            '<text:p>Cites' + note.format(i=1, cls="footnote", cit="1", body="Foot.") + ' and'
            + note.format(i=2, cls="endnote", cit="i", body="End.") + '<office:annotation><text:p>comment</text:p>'
            '</office:annotation><draw:frame><draw:text-box><text:p>boxed</text:p></draw:text-box></draw:frame>'
            '</text:p>')
    master = ('<style:master-page style:name="Standard"><style:header><text:p>A/80/L.1</text:p></style:header>'
              '<style:footer><text:p>Page <text:page-number>3</text:page-number></text:p></style:footer>'
              '<style:footer-left><text:p>Left <text:page-number/></text:p></style:footer-left></style:master-page>'
              '<style:master-page style:name="Unused"><style:header><text:p>never shown</text:p></style:header>'
              '</style:master-page>')
    result = odt(tmp_path, body, master=master)
    assert [(p.text, p.source, p.kind) for p in result.paragraphs] == [
        ("Decides to remain", "paragraph 1", Kind.OTHER),
        ("H1", "table 1, row 1, cell 1", Kind.OTHER), ("H2", "table 1, row 1, cell 2", Kind.OTHER),
        ("merged", "table 1, row 2, cell 1", Kind.OTHER), ("B3", "table 1, row 3, cell 2", Kind.OTHER),
        ("Cites¹ andi", "paragraph 6", Kind.OTHER), ("¹ Foot.", "footnote 1", Kind.FOOTNOTE),
        ("i End.", "endnote i", Kind.FOOTNOTE), ("A/80/L.1", "page header", Kind.PAGE_HEADER),
        ("Page 3", "page footer", Kind.PAGE_FOOTER), ("Left", "page footer (even pages)", Kind.PAGE_FOOTER)]
    assert result.paragraphs[5].footnote_refs == ("1", "i")
    assert result.paragraphs[5].runs[-1] == Run("i", superscript=True)
    assert result.had_tracked_changes and result.warnings == (
        "read with tracked changes accepted", "text in text boxes or shapes was not read")


def test_unknown_namespaces_and_comments_do_not_break_the_reader(tmp_path):
    body = ('<text:p xmlns:x="urn:example:unknown" x:attr="1"><!-- a comment -->Known <x:wrap>foreign '
            '<text:span>text</text:span></x:wrap><?pi data?> end</text:p>')
    assert [p.text for p in odt(tmp_path, body).paragraphs] == ["Known foreign text end"]


def test_read_document_dispatches_odt_by_content(tmp_path):
    path = tmp_path / "named-wrongly.docx"
    path.write_bytes(odt_bytes("<text:p>Decides to remain seized of the matter.</text:p>"))
    result = read_document(path)
    assert result.format == "odt" and result.digest and result.paragraphs[0].text.startswith("Decides")


# ------------------------------------------------------------------------------------- HTML: UDHR

UDHR_FILES = {
    "eng": ("Universal Declaration of Human Rights", r"Article \d+", "en"),
    "fra": ("Déclaration universelle des droits de l’homme", r"Article (premier|\d+)", "fr"),
    "spa": ("Declaración Universal de Derechos Humanos", r"Artículo \d+", "es"),
    "rus": ("Всеобщая декларация прав человека", r"Статья \d+", "ru"),
    "arb": ("الإعلان العالمي لحقوق الإنسان", r"المادة \d+", "ar"),
    "cmn_hans": ("世界人权宣言", r"第[一二三四五六七八九十]+条", "zh"),
}


@pytest.mark.parametrize("name", sorted(UDHR_FILES))
def test_udhr_in_the_six_languages(name):
    path = UDHR / f"{name}.html"
    if not path.exists():
        pytest.skip("../shared/corpora/udhr is not beside this checkout")
    title, article, lang = UDHR_FILES[name]
    raw = path.read_text(encoding="utf-8")
    result = read_html(path, path.read_bytes())
    texts = [p.text for p in result.paragraphs]
    assert result.format == "html" and result.language == lang and result.encoding == "UTF-8"
    assert len(texts) > 60 and texts[0] == title
    headings = [i for i, t in enumerate(texts) if re.fullmatch(article, t)]
    assert len(headings) == 30
    assert all(i + 1 < len(texts) and not re.fullmatch(article, texts[i + 1]) for i in headings)
    # The preamble (in <header>, with its own heading) comes whole and in order before Article 1.
    preamble = re.search(r"<header>(.*?)</header>", raw, re.S).group(1)
    expected = [re.sub(r"\s+", " ", t).strip() for t in re.findall(r"<(?:h2|p)>(.*?)</(?:h2|p)>", preamble, re.S)]
    assert texts[1:headings[0]] == expected and len(expected) > 5
    head_title = re.search(r"<title>(.*?)</title>", raw).group(1)
    assert head_title not in texts
    assert all("\n" not in t and "<" not in t for t in texts)
    if name == "eng":
        assert [texts[i] for i in headings] == [f"Article {n}" for n in range(1, 31)]
        art29 = texts.index("Article 29")
        assert [p.numbering for p in result.paragraphs[art29 + 1:art29 + 4]] == ["1.", "2.", "3."]
        assert texts[art29 + 1].startswith("Everyone has duties")


# ------------------------------------------------------------------------------ HTML: inline cases

def html(tmp_path: Path, markup: str | bytes, name: str = "in.html"):
    data = markup.encode("utf-8") if isinstance(markup, str) else markup
    path = tmp_path / name
    path.write_bytes(data)
    return read_html(path, data)


def test_html_chrome_script_and_hidden_content_are_dropped(tmp_path):
    result = html(tmp_path, """<!DOCTYPE html><html lang="de"><head><title>Site title</title>
        <style>p { color: red }</style><script>var tracking = 1;</script></head><body>
        <header><nav><a href="/">Home</a> <a href="/docs">Documents</a></nav></header>
        <nav>Skip to content</nav><form><button>Search</button></form>
        <main><p>The General Assembly,</p><p hidden>hidden text</p><noscript>Enable JS</noscript>
        <template><p>template text</p></template><svg><text>svg text</text></svg></main>
        <aside><a href="/a">Related one</a> <a href="/b">Related two</a></aside>
        <footer><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></footer>
        <script>document.write("late")</script></body></html>""")
    assert [p.text for p in result.paragraphs] == ["The General Assembly,"]
    assert result.language == "und"      # German is not an official UN language


def test_html_inline_formatting_breaks_and_lists(tmp_path):
    result = html(tmp_path, """<html lang="en-GB"><body>
        <p><em>Recalling</em>   its <cite>resolution</cite> <b>61/37</b>, <u>underlined</u>, x<sup>2</sup></p>
        <p>First line<br>  second line<br/>third</p><pre>keep  spaces
next line</pre>
        <ol start="3"><li>Third</li><li>Fourth<ol type="a"><li>sub</li></ol></li></ol><ul><li>dot</li></ul>
        <table><tr><th>State</th><td><p>Yes</p></td></tr></table>
        <div>Direct <span style="font-weight:bold">text</span></div>
        </body></html>""")
    paras = result.paragraphs
    assert paras[0].text == "Recalling its resolution 61/37, underlined, x2"
    assert paras[0].runs == (Run("Recalling", italic=True), Run(" its "), Run("resolution", italic=True), Run(" "),
                             Run("61/37", bold=True), Run(", "), Run("underlined", underline=True), Run(", x"),
                             Run("2", superscript=True))
    assert paras[1].text == "First line\u2028second line\u2028third"
    assert paras[2].text == "keep  spaces\u2028next line"
    assert [(p.text, p.numbering) for p in paras[3:7]] == [("Third", "3."), ("Fourth", "4."), ("sub", "a."),
                                                           ("dot", "•")]
    assert [(p.text, p.source) for p in paras[7:9]] == [("State", "table 1, row 1, cell 1"),
                                                        ("Yes", "table 1, row 1, cell 2")]
    assert paras[9].runs == (Run("Direct "), Run("text", bold=True))
    assert result.language == "en"


def test_html_footnote_links_become_notes_after_the_citing_paragraph(tmp_path):
    result = html(tmp_path, """<html><body>
        <p>Taking note of the report<a href="#fn1" class="footnote-ref" id="fnref1" role="doc-noteref"><sup>1</sup></a>
        and of resolution 61/37<sup id="r2"><a href="#fn2">[2]</a></sup>,</p><p>Decides to remain seized.</p>
        <section class="footnotes" role="doc-endnotes"><hr><ol>
        <li id="fn1"><p>A/HRC/62/41.<a href="#fnref1" class="footnote-back" role="doc-backlink">↩</a></p></li>
        <li id="fn2"><p>2. See also A/RES/61/37.</p><p>Second paragraph.</p></li></ol></section></body></html>""")
    assert [(p.text, p.kind, p.source) for p in result.paragraphs] == [
        ("Taking note of the report¹ and of resolution 61/37²,", Kind.OTHER, "paragraph 1"),
        ("¹ A/HRC/62/41.", Kind.FOOTNOTE, "footnote 1"), ("² See also A/RES/61/37.", Kind.FOOTNOTE, "footnote 2"),
        ("Second paragraph.", Kind.FOOTNOTE, "footnote 2"), ("Decides to remain seized.", Kind.OTHER, "paragraph 2")]
    citing, note = result.paragraphs[0], result.paragraphs[1]
    assert citing.footnote_refs == ("1", "2") and Run("¹", superscript=True) in citing.runs
    assert note.prefix == "¹ " and note.label == "1" and note.body == "A/HRC/62/41."


def test_html_charset_from_meta_and_refusals(tmp_path):
    cp1252 = b'<html><head><meta charset="windows-1252"></head><body><p>\x93Quoted\x94 \xc3\xa9</p></body></html>'
    result = html(tmp_path, cp1252)
    # \xc3\xa9 would be a valid UTF-8 "é": the declared charset wins over guessing.
    assert result.paragraphs[0].text == "\u201cQuoted\u201d Ã©" and result.encoding == "Windows-1252"
    koi8 = '<html lang="ru"><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r"></head>' \
           '<body><p>Статья 1</p></body></html>'
    assert html(tmp_path, koi8.encode("koi8-r")).paragraphs[0].text == "Статья 1"
    for data, words in ((b"   \n", "empty"), (b"<html><head><title>x</title></head><body> </body></html>", "empty"),
                        (b"just words, no markup", "not an HTML file"), (b"<p>a\x00b</p>", "binary"),
                        (b"<html><body>" + b"<div>" * 3000 + b"deep" + b"</div>" * 3000 + b"</body></html>",
                         "nested too deeply")):
        path = tmp_path / "bad.html"
        path.write_bytes(data)
        with pytest.raises(InputError) as err:
            read_html(path, data)
        assert words in err.value.reason


def test_html_never_fetches_and_ignores_internal_subsets(tmp_path):
    result = html(tmp_path, '<!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body>'
                            '<iframe src="http://example.invalid/"></iframe><img src="http://example.invalid/a.png">'
                            '<p>&x; stays text</p><link rel="stylesheet" href="http://example.invalid/s.css">'
                            '</body></html>')
    assert [p.text for p in result.paragraphs] == ["&x; stays text"]


def test_read_document_dispatches_html(tmp_path):
    path = tmp_path / "resolution.htm"
    path.write_text("<!doctype html><html lang='fr'><body><h1>Titre</h1><p>Texte.</p></body></html>", encoding="utf-8")
    result = read_document(path)
    assert result.format == "html" and [p.text for p in result.paragraphs] == ["Titre", "Texte."]


def test_html_saved_as_utf8_under_an_old_charset_reads_as_utf8(tmp_path):
    page = ('<html><head><meta charset="iso-8859-1"></head><body><p>Réaffirmant la Déclaration '
            'universelle des droits de l’homme</p></body></html>').encode("utf-8")
    doc = read_html(tmp_path / "p.html", page)
    assert doc.paragraphs[0].text == "Réaffirmant la Déclaration universelle des droits de l’homme"
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>Réaffirmant</p></body></html>'.encode("latin-1")
    assert read_html(tmp_path / "q.html", latin).paragraphs[0].text == "Réaffirmant"


def test_a_site_footer_is_chrome_but_a_resolution_footer_is_text(tmp_path):
    page = ("<html><body><main><p>Decides to remain seized of the matter.</p></main>"
            "<footer><p>© United Nations 2026 | Privacy notice | Terms of use</p></footer></body></html>").encode()
    assert [p.text for p in read_html(tmp_path / "p.html", page).paragraphs] == ["Decides to remain seized of the matter."]
    page = ("<html><body><p>Decides to remain seized of the matter.</p>"
            "<footer><p>3rd plenary meeting 19 September 2025</p></footer></body></html>").encode()
    assert [p.text for p in read_html(tmp_path / "q.html", page).paragraphs][-1] == "3rd plenary meeting 19 September 2025"
