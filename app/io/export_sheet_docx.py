"""The comparison sheet as a Word document: a landscape three-column table (label | draft | adopted),
"Page n of m" in the footer. Runs carry the window's marks (app.core.marks) as run properties: deleted
text shaded orange and struck through, inserted text shaded blue and underlined, a moved pair's text
shaded lilac, what a finding points at shaded yellow with a wavy underline (as in the window; double
wavy on inserted text), the source's bold and italics kept. Every head, kind, note, gap and finding is
written in the ``language`` asked (app.core.messages)."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Mapping

from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from app.core.marks import Mark, MarkedParagraph
from app.core.messages import kind_name, term
from app.core.model import Comparison
from app.io.bidi import mark_right_to_left
from app.io.atomic import atomic_write, export_guard
from app.io.docx_package import drop_styles_with_effects
from app.io.docx_template import new_document
from app.io.revisions_xml import make_run
from app.io.xml_text import docx_text
from app.io.sheet_rows import GAP, finding_line, sheet_rows, summary

PAGES = {"A4": (Mm(297), Mm(210)), "Letter": (Mm(279.4), Mm(215.9))}
# Shading per mark, the later winning (a finding's yellow over a change's), as in the PDF sheet.
FILL = ((Mark.MOVED, "F3E4EE"), (Mark.DELETED, "FBD3AD"), (Mark.INSERTED, "C6DCF5"), (Mark.FINDING, "F6EB8F"))


def _shade_cell(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


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


def run_properties(mark: Mark):
    """The w:rPr of a marked run (children in the schema's order), or None for unmarked text."""
    props = []
    if Mark.BOLD in mark:
        props.append(OxmlElement("w:b"))
    if Mark.ITALIC in mark:
        props.append(OxmlElement("w:i"))
    if Mark.DELETED in mark:
        props.append(OxmlElement("w:strike"))
    underline = ("wavyDouble" if Mark.INSERTED in mark else "wave") if Mark.FINDING in mark else (
        "single" if Mark.INSERTED in mark else None)
    if underline:
        props.append(OxmlElement("w:u", attrs={qn("w:val"): underline}))
    fill = next((colour for flag, colour in reversed(FILL) if flag in mark), None)
    if fill:
        props.append(OxmlElement("w:shd", attrs={qn("w:val"): "clear", qn("w:color"): "auto", qn("w:fill"): fill}))
    if not props:
        return None
    rpr = OxmlElement("w:rPr")
    for el in props:
        rpr.append(el)
    return rpr


def _fill(cell, paragraphs: tuple[MarkedParagraph, ...]) -> None:
    """Each paragraph of a side as a Word paragraph of the cell, its spans as raw runs (python-docx's
    run.text walks every character: seconds on long sheets)."""
    for n, marked in enumerate(paragraphs):
        paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
        for span in marked.spans:
            r = make_run(span.text)
            rpr = run_properties(span.mark)
            if rpr is not None:
                r.insert(0, rpr)
            paragraph._p.append(r)


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
    for row in rows:
        cells = table.add_row().cells
        if row.kind == GAP:
            merged = cells[0].merge(cells[2])
            merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
            merged.paragraphs[0].add_run(docx_text(row.gap)).italic = True
            continue
        if row.label:
            cells[0].paragraphs[0].add_run(docx_text(row.label))
        if row.kind not in ("equal", "changed"):
            (cells[0].add_paragraph() if row.label else cells[0].paragraphs[0]).add_run(
                kind_name(row.kind, language)).italic = True
        for cell, side, missing in ((cells[1], row.draft, "missing.draft"), (cells[2], row.adopted, "missing.adopted")):
            if side:
                _fill(cell, side)
            else:                                         # the missing side: a greyed cell that says so
                _shade_cell(cell, "E4E4E4")
                cell.paragraphs[0].add_run(term(missing, language)).italic = True
        for line in row.notes:
            cells[2].add_paragraph().add_run(docx_text(line)).font.size = Pt(7.5)
    widths = (Cm(2.4), Cm(12.3), Cm(12.3))
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width                              # w:gridCol, which LibreOffice follows
    for r in table.rows:
        for cell, width in zip(r.cells, widths):
            cell.width = width
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
