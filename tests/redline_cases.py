"""Hand-made (draft.docx, adopted.docx) pairs for the lossless redline engine (app.io.redline).

Each ``case_*`` function writes one pair into ``folder`` and returns ``(draft_path, adopted_path)``.
The two files of a pair differ only in the way the function's docstring states (plus, at most, one
plain word elsewhere). Constructs python-docx has no API for (text boxes, equations, symbols, notes,
fields, hyperlinks) are written as raw WordprocessingML, the way Word writes them.
"""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.shared import Cm

NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
      'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
      'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
      'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
      'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
      'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
      'xmlns:v="urn:schemas-microsoft-com:vml" '
      'xmlns:o="urn:schemas-microsoft-com:office:office"')
URL = "https://www.ohchr.org/en/hr-bodies/hrc"
SUP = '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'


# ---------------------------------------------------------------------------------------------------
# Helpers

def r(text: str, rpr: str = "") -> str:
    """One run of plain text."""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def raw_paragraph(doc, inner: str):
    """Append a paragraph given as raw WordprocessingML (its children) to the body."""
    p = doc.add_paragraph()._p
    new = parse_xml(f"<w:p {NS}>{inner}</w:p>")
    p.addnext(new)
    p.getparent().remove(p)
    return new


def png(rgb: tuple[int, int, int], width: int = 8, height: int = 8) -> bytes:
    """A small solid-colour PNG, written with zlib and struct."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def note_paragraphs(texts: list[str]) -> str:
    """A note's paragraphs; the first starts with the w:footnoteRef mark, as Word writes it."""
    out = []
    for k, text in enumerate(texts):
        mark = f"<w:r>{SUP}<w:footnoteRef/></w:r>" + r(" ") if k == 0 else ""
        out.append(f"<w:p>{mark}{r(text)}</w:p>")
    return "".join(out)


def add_footnotes(doc, notes: dict[int, list[str]]) -> None:
    """A word/footnotes.xml part with Word's separator notes (ids -1 and 0) and ``notes``."""
    items = ['<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
             '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/>'
             '</w:r></w:p></w:footnote>']
    items += [f'<w:footnote w:id="{nid}">{note_paragraphs(texts)}</w:footnote>' for nid, texts in notes.items()]
    element = parse_xml(f'<w:footnotes {NS}>{"".join(items)}</w:footnotes>')
    part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, element, doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def note_ref(nid: int) -> str:
    return f'<w:r>{SUP}<w:footnoteReference w:id="{nid}"/></w:r>'


def _drop_styles_with_effects(doc) -> None:
    """Drop the template's Word 2010 stylesWithEffects part: python-docx adds Header/Footer styles to
    styles.xml only, which openxml-audit reports as a mismatch in every input."""
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            doc.part.rels.pop(r_id)


COMMENT_STYLES = (
    '<w:style {ns} w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/>'
    '<w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr></w:style>',
    '<w:style {ns} w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/>'
    '<w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>'
    '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>')


def build(folder: Path, name: str, make: Callable[[object, bool], None]) -> tuple[Path, Path]:
    """Write ``name_draft.docx`` and ``name_adopted.docx``: a title paragraph, then ``make(doc, adopted)``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for side in ("draft", "adopted"):
        doc = docx.Document()
        _drop_styles_with_effects(doc)
        doc.add_paragraph(f"Redline case {name.replace('_', ' ')}.")
        make(doc, side == "adopted")
        doc.add_paragraph("The Council decides to remain seized of the matter.")
        path = folder / f"{name}_{side}.docx"
        doc.save(str(path))
        paths.append(path)
    return paths[0], paths[1]


# ---------------------------------------------------------------------------------------------------
# Cases

def _text_box(inner_text: str) -> str:
    content = f"<w:txbxContent><w:p>{r(inner_text)}</w:p></w:txbxContent>"
    choice = (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" simplePos="0" '
        'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2743200" cy="457200"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapSquare wrapText="bothSides"/><wp:docPr id="101" name="Text Box 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        '<a:ext cx="2743200" cy="457200"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:schemeClr val="lt1"/></a:solidFill><a:ln w="6350"><a:solidFill><a:prstClr val="black"/>'
        f'</a:solidFill></a:ln></wps:spPr><wps:txbx>{content}</wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" '
        'anchor="t" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic>'
        '</wp:anchor></w:drawing>')
    fallback = (
        '<w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/>'
        '<v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
        '<v:shape id="Text Box 1" o:spid="_x0000_s1026" type="#_x0000_t202" style="position:absolute;'
        'margin-left:0;margin-top:0;width:216pt;height:36pt;z-index:251659264;visibility:visible;'
        'mso-wrap-style:square" fillcolor="white [3201]" strokeweight=".5pt">'
        f'<v:textbox>{content}</v:textbox></v:shape></w:pict>')
    return (f'<w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
            f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>')


def case_text_box(folder: Path) -> tuple[Path, Path]:
    """A text box (wps:wsp in mc:AlternateContent, VML fallback) whose inner text changes one word."""
    def make(doc, adopted):
        word = "adopted" if adopted else "proposed"
        raw_paragraph(doc, r("The box reads: ") + _text_box(f"Text as {word} by the Council.") + r(" End."))
    return build(folder, "text_box", make)


def case_picture(folder: Path) -> tuple[Path, Path]:
    """An inline picture replaced by another picture (different PNG bytes)."""
    def make(doc, adopted):
        p = doc.add_paragraph("The emblem ")
        p.add_run().add_picture(io.BytesIO(png((0, 90, 200) if adopted else (200, 30, 30))), width=Cm(1))
        p.add_run(" is shown above.")
    return build(folder, "picture", make)


def case_equation(folder: Path) -> tuple[Path, Path]:
    """An OMML equation (m:oMath) whose content changes: x^2 + 1 -> x^2 + 2."""
    def make(doc, adopted):
        mr = ('<m:r><w:rPr><w:rFonts w:ascii="Cambria Math" w:hAnsi="Cambria Math"/></w:rPr>'
              '<m:t>{}</m:t></m:r>')
        math = (f'<m:oMath><m:sSup><m:e>{mr.format("x")}</m:e><m:sup>{mr.format("2")}</m:sup></m:sSup>'
                f'{mr.format("+" + ("2" if adopted else "1"))}</m:oMath>')
        raw_paragraph(doc, r("The rate is ") + math + r(" per year."))
    return build(folder, "equation", make)


def case_line_break(folder: Path) -> tuple[Path, Path]:
    """A w:br inside a paragraph, with a word changed after it."""
    def make(doc, adopted):
        word = "all" if adopted else "some"
        raw_paragraph(doc, '<w:r><w:t xml:space="preserve">First line of the clause</w:t><w:br/>'
                           f'<w:t xml:space="preserve">second line for {word} States.</w:t></w:r>')
    return build(folder, "line_break", make)


def case_symbol(folder: Path) -> tuple[Path, Path]:
    """A w:sym (Symbol font bullet F0B7) with a word edit right after it."""
    def make(doc, adopted):
        word = "Urges" if adopted else "Calls upon"
        raw_paragraph(doc, '<w:r><w:sym w:font="Symbol" w:char="F0B7"/></w:r>' + r(f" {word} all parties to act."))
    return build(folder, "symbol", make)


def case_hyphens(folder: Path) -> tuple[Path, Path]:
    """A soft hyphen and a no-break hyphen inside words; one other word changed."""
    def make(doc, adopted):
        word = "welcomes" if adopted else "notes"
        raw_paragraph(doc, f'<w:r><w:t xml:space="preserve">The Council {word} the extra</w:t><w:softHyphen/>'
                           '<w:t xml:space="preserve">ordinary work of non</w:t><w:noBreakHyphen/>'
                           '<w:t xml:space="preserve">governmental organizations.</w:t></w:r>')
    return build(folder, "hyphens", make)


def case_footnote_paragraphs(folder: Path) -> tuple[Path, Path]:
    """A three-paragraph footnote whose second paragraph changes one word."""
    def make(doc, adopted):
        raw_paragraph(doc, r("Recalling its earlier resolutions,") + note_ref(1) + r(" the Council acts."))
        add_footnotes(doc, {1: ["See resolution 60/1.", f"See also resolution {'61/2' if adopted else '61/3'}"
                                " of the General Assembly.", "And the reports cited therein."]})
    return build(folder, "footnote_paragraphs", make)


def case_footnote_at_start(folder: Path) -> tuple[Path, Path]:
    """A footnote reference as the first run of a paragraph; the note's text changes."""
    def make(doc, adopted):
        raw_paragraph(doc, note_ref(1) + r(" Opening words of the paragraph."))
        add_footnotes(doc, {1: [f"Note text as {'adopted' if adopted else 'drafted'}."]})
    return build(folder, "footnote_at_start", make)


def case_footnote_only_adopted(folder: Path) -> tuple[Path, Path]:
    """A footnote in the adopted file only; the draft has no footnotes part at all."""
    def make(doc, adopted):
        raw_paragraph(doc, r("Taking note of the report") + (note_ref(1) if adopted else "") + r(" of the Secretary-General,"))
        if adopted:
            add_footnotes(doc, {1: ["A/HRC/62/31."]})
    return build(folder, "footnote_only_adopted", make)


def case_footnote_only_draft(folder: Path) -> tuple[Path, Path]:
    """A footnote in the draft only; the adopted file has no footnotes part: the redline creates one."""
    adopted, draft = case_footnote_only_adopted(folder)
    return draft, adopted


def case_footer(folder: Path) -> tuple[Path, Path]:
    """Same body; the default footer's text differs."""
    def make(doc, adopted):
        doc.sections[0].footer.paragraphs[0].text = "GE.26-05123(E)" if adopted else "GE.26-04999(E) advance"
        doc.add_paragraph("The body is the same on both sides.")
    return build(folder, "footer", make)


def case_comment(folder: Path) -> tuple[Path, Path]:
    """An existing comment in the adopted file, plus a body word change."""
    def make(doc, adopted):
        p = doc.add_paragraph()
        anchored = p.add_run("Expresses concern")
        p.add_run(f" at the {'continuing' if adopted else 'recent'} violations.")
        if adopted:     # the styles python-docx's comments refer to, which its template lacks
            for style in COMMENT_STYLES:
                doc.styles.element.append(parse_xml(style.format(ns=NS)))
            doc.add_comment(anchored, text="Agreed wording from the last session.", author="Secretariat",
                            initials="S")
    return build(folder, "comment", make)


def _table(doc, rows: list[list[str]]) -> None:
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for row, texts in zip(table.rows, rows):
        for cell, text in zip(row.cells, texts):
            cell.text = text


def case_table_row(folder: Path) -> tuple[Path, Path]:
    """A table where the adopted file has one more row inserted in the middle."""
    def make(doc, adopted):
        rows = [["State", "Vote"], ["Albania", "Yes"], ["Chile", "No"], ["Ghana", "Yes"]]
        if adopted:
            rows.insert(2, ["Brazil", "Abstain"])
        _table(doc, rows)
    return build(folder, "table_row", make)


def case_table_cell(folder: Path) -> tuple[Path, Path]:
    """A table where one cell's text changes."""
    def make(doc, adopted):
        _table(doc, [["Item", "Amount"], ["Travel", "12,000" if adopted else "10,500"], ["Staff", "40,000"]])
    return build(folder, "table_cell", make)


def case_hyperlink(folder: Path) -> tuple[Path, Path]:
    """A w:hyperlink to an external URL whose text changes."""
    def make(doc, adopted):
        rid = doc.part.relate_to(URL, RT.HYPERLINK, is_external=True)
        link = ('<w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>')
        label = "the Council's website" if adopted else "the Council's web page"
        raw_paragraph(doc, r("See ") + f'<w:hyperlink r:id="{rid}">{r(label, link)}</w:hyperlink>' + r(" for details."))
    return build(folder, "hyperlink", make)


def case_field(folder: Path) -> tuple[Path, Path]:
    """A complex PAGE field (fldChar begin/instrText/separate/result/end) next to a changed word."""
    def make(doc, adopted):
        word = "current" if adopted else "present"
        field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                 '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("1") +
                 '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
        raw_paragraph(doc, r(f"See the {word} page ") + field + r(" of this report."))
    return build(folder, "field", make)


def case_paragraphs(folder: Path) -> tuple[Path, Path]:
    """One paragraph deleted and another inserted (plain text)."""
    def make(doc, adopted):
        texts = ["Alpha paragraph stays.", "Bravo paragraph is deleted.", "Charlie paragraph stays.",
                 "Delta paragraph stays."]
        if adopted:
            texts = [texts[0], texts[2], "Echo paragraph is inserted.", texts[3]]
        for text in texts:
            doc.add_paragraph(text)
    return build(folder, "paragraphs", make)


CASES: dict[str, Callable[[Path], tuple[Path, Path]]] = {
    name[len("case_"):]: fn for name, fn in list(globals().items()) if name.startswith("case_") and callable(fn)}


def build_all(folder: Path) -> dict[str, tuple[Path, Path]]:
    """Every case's (draft, adopted) pair, written into ``folder``."""
    return {name: fn(Path(folder)) for name, fn in CASES.items()}
