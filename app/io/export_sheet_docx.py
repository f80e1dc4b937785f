"""The comparison sheet as a Word document: a landscape three-column table (label | draft | adopted),
"Page n of m" in the footer. Runs carry the window's marks (app.core.marks) as run properties: deleted
text shaded orange and struck through, inserted text shaded blue and underlined, a moved pair's text
shaded lilac, what a finding points at shaded yellow with a wavy underline (as in the window; double
wavy on inserted text), the source's bold and italics kept. Every head, kind, note, gap and finding is
written in the ``language`` asked (app.core.messages).

The document around the table (page, header, footer, title, counts, the heads' row) is made with
python-docx; the table's rows are written as one string of WordprocessingML and parsed once, as
python-docx's cell proxies cost about a millisecond a row (20 s for a sheet of 10,000 pairs). The XML
is what python-docx writes for the same cells (``tcW`` in twips, ``gridSpan`` for a gap row).
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Mapping

from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Mm, Pt

from app.core.marks import Mark, MarkedParagraph
from app.core.messages import kind_name, term
from app.core.model import Comparison
from app.io.bidi import mark_right_to_left
from app.io.atomic import atomic_write, export_guard
from app.io.docx_package import drop_styles_with_effects
from app.io.docx_template import new_document
from app.io.xml_text import BREAK_PIECES, docx_text, xml_pieces
from app.io.sheet_rows import GAP, Row, finding_line, sheet_rows, summary

PAGES = {"A4": (Mm(297), Mm(210)), "Letter": (Mm(279.4), Mm(215.9))}
# Shading per mark, the later winning (a finding's yellow over a change's), as in the PDF sheet.
FILL = ((Mark.MOVED, "F3E4EE"), (Mark.DELETED, "FBD3AD"), (Mark.INSERTED, "C6DCF5"), (Mark.FINDING, "F6EB8F"))


def _field(paragraph, instruction: str) -> None:
    for kind, text in (("begin", None), (None, instruction), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            run._r.append(fld)
        elif text == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            run.text = text


_ESCAPE = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_GREY = '<w:shd w:val="clear" w:color="auto" w:fill="E4E4E4"/>'      # a missing side's cell
_ITALIC, _SMALL = "<w:rPr><w:i/></w:rPr>", '<w:rPr><w:sz w:val="15"/></w:rPr>'   # kinds, gaps; findings (7.5 pt)


@lru_cache(maxsize=None)
def run_properties(mark: Mark) -> str:
    """The w:rPr of a marked run as XML (children in the schema's order), "" for unmarked text."""
    props = []
    if Mark.BOLD in mark:
        props.append("<w:b/>")
    if Mark.ITALIC in mark:
        props.append("<w:i/>")
    if Mark.DELETED in mark:
        props.append("<w:strike/>")
    underline = ("wavyDouble" if Mark.INSERTED in mark else "wave") if Mark.FINDING in mark else (
        "single" if Mark.INSERTED in mark else None)
    if underline:
        props.append(f'<w:u w:val="{underline}"/>')
    fill = next((colour for flag, colour in reversed(FILL) if flag in mark), None)
    if fill:
        props.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>')
    return f"<w:rPr>{''.join(props)}</w:rPr>" if props else ""


def _run(text: str, rpr: str = "") -> str:
    """A w:r of ``text`` with the properties ``rpr`` (XML): each piece in w:t (spaces kept), TAB as
    w:tab, VT, LF and U+2028 as a line break and FF as a page break; characters XML cannot hold dropped
    (app.io.xml_text). The sheet's own words (labels, notes, gaps) go through ``docx_text`` first, as
    they did through python-docx, so a break in them is a line break."""
    out = [_BREAKS.get(piece) or f'<w:t xml:space="preserve">{piece.translate(_ESCAPE)}</w:t>'
           for piece in xml_pieces(text)]
    return f"<w:r>{rpr}{''.join(out)}</w:r>"


# xml_text.BREAK_PIECES as XML.
_BREAKS = {piece: f'<{tag} w:type="{kind}"/>' if kind else f"<{tag}/>" for piece, (tag, kind) in BREAK_PIECES.items()}


def _paragraph(runs: str = "", ppr: str = "") -> str:
    return f"<w:p>{ppr}{runs}</w:p>" if runs or ppr else "<w:p/>"


def _cell(width: int, paragraphs: str, *, props: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/>{props}</w:tcPr>{paragraphs}</w:tc>'


def _side(paragraphs: tuple[MarkedParagraph, ...]) -> str:
    """Each paragraph of a side as a Word paragraph, its spans as runs with the marks' properties."""
    return "".join(_paragraph("".join(_run(span.text, run_properties(span.mark)) for span in p.spans))
                   for p in paragraphs)


def _row(row: Row, widths: tuple[int, ...], language: str) -> str:
    """One table row (w:tr) of the sheet as XML; ``widths``: the columns' in twips. The findings and the
    note go under the adopted text, in 7.5 pt; a gap row is one centred cell across the columns."""
    if row.kind == GAP:
        centred = _paragraph(_run(docx_text(row.gap), _ITALIC), '<w:pPr><w:jc w:val="center"/></w:pPr>')
        return "<w:tr>" + _cell(sum(widths), centred, props='<w:gridSpan w:val="3"/>') + "</w:tr>"
    label = [_run(docx_text(row.label))] if row.label else []
    if row.kind not in ("equal", "changed"):
        label.append(_run(kind_name(row.kind, language), _ITALIC))
    cells = [_cell(widths[0], "".join(_paragraph(r) for r in label) or _paragraph())]
    notes = "".join(_paragraph(_run(docx_text(line), _SMALL)) for line in row.notes)
    for width, side, missing, under in ((widths[1], row.draft, "missing.draft", ""),
                                        (widths[2], row.adopted, "missing.adopted", notes)):
        if side:
            cells.append(_cell(width, _side(side) + under))
        else:                                         # the missing side: a greyed cell that says so
            cells.append(_cell(width, _paragraph(_run(term(missing, language), _ITALIC)) + under, props=_GREY))
    return "<w:tr>" + "".join(cells) + "</w:tr>"


def _page_footer(paragraph, language: str) -> None:
    """"Page {n} of {m}" in ``language``, its numbers the PAGE and NUMPAGES fields."""
    for piece in re.split(r"(\{n\}|\{m\})", term("page", language)):
        if piece == "{n}":
            _field(paragraph, "PAGE")
        elif piece == "{m}":
            _field(paragraph, "NUMPAGES")
        elif piece:
            paragraph.add_run(piece)


def build_sheet_docx(c: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
                     notes: Mapping[int, str] | None = None, language: str = "en"):
    """The sheet as a python-docx Document, its words in ``language``; returns (document, row count)."""
    document = new_document(language, title=term("sheet.title", language))
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(9)
    normal.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGES[page_size]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.2))
    draft_file, adopted_file = term("file.draft", language, name=c.draft.name), term("file.adopted", language,
                                                                                      name=c.adopted.name)
    section.header.paragraphs[0].text = docx_text(f"{draft_file}    |    {adopted_file}")
    _page_footer(section.footer.paragraphs[0], language)
    title = document.add_paragraph()
    title.add_run(term("sheet.title", language)).bold = True
    document.add_paragraph(docx_text(f"{draft_file} ({c.draft.language}) \u2014 {adopted_file} "
                                     f"({c.adopted.language}) \u2014 {date.today().isoformat()}"))
    document.add_paragraph(docx_text(summary(c, language)))
    for f in c.findings:
        document.add_paragraph(docx_text(finding_line(f, language)))
    rows = sheet_rows(c, collapse_equal=collapse_equal, notes=notes, language=language)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, key in zip(table.rows[0].cells, ("head.label", "head.draft", "head.adopted")):
        cell.paragraphs[0].add_run(term(key, language)).bold = True
    header_flag = OxmlElement("w:tblHeader")          # repeat the header row on every page
    table.rows[0]._tr.get_or_add_trPr().append(header_flag)
    widths = (Cm(2.4), Cm(12.3), Cm(12.3))
    table.autofit = False
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths):
        column.width = cell.width = width                 # w:gridCol, which LibreOffice follows, and w:tcW
    twips = tuple(w.twips for w in widths)
    body = parse_xml(f"<w:tbl {nsdecls('w')}>{''.join(_row(row, twips, language) for row in rows)}</w:tbl>")
    table._tbl.extend(list(body))
    drop_styles_with_effects(document)
    mark_right_to_left(document.element.body)
    return document, len(rows)


def export_sheet_docx(comparison: Comparison, out_path: str | Path, *, collapse_equal: bool = False,
                      page_size: str = "A4", notes: Mapping[int, str] | None = None,
                      review: str | Path | None = None, language: str = "en") -> Path:
    """Write the sheet as .docx through the safe-output routine (``app.io.atomic``), its words in
    ``language`` ("en", "fr"); ``review``: a review file given explicitly, which must not be overwritten
    (the one beside the adopted text never is)."""
    document, _ = build_sheet_docx(comparison, collapse_equal=collapse_equal, page_size=page_size, notes=notes,
                                   language=language)
    return atomic_write(out_path, lambda fh: document.save(fh),
                        **export_guard(comparison.draft.path, comparison.adopted.path, review))
