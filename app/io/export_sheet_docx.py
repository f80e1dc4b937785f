"""The comparison sheet as a Word document: a landscape three-column table (label | draft | adopted),
deleted text shaded and struck through, inserted text shaded and underlined, "Page n of m" in the footer."""
from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Mapping

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from app.core.model import Comparison
from app.io.bidi import mark_right_to_left
from app.io.atomic import atomic_write, export_guard
from app.io.docx_package import drop_styles_with_effects
from app.io.revisions_xml import make_run
from app.io.xml_text import docx_text
from app.io.sheet_rows import DELETED, INSERTED, sheet_rows, summary

PAGES = {"A4": (Mm(297), Mm(210)), "Letter": (Mm(279.4), Mm(215.9))}
FILL = {DELETED: "FBD3AD", INSERTED: "C6DCF5"}


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


def _fill(cell, segments) -> None:
    """Segments as raw runs (python-docx's run.text walks every character: seconds on long sheets)."""
    paragraph = cell.paragraphs[0]
    for style, text in segments:
        for n, line in enumerate(text.split("\n")):
            if n:
                paragraph = cell.add_paragraph()
            if not line:
                continue
            r = make_run(line)
            if style in FILL:
                rpr = OxmlElement("w:rPr")
                if style == DELETED:
                    rpr.append(OxmlElement("w:strike"))
                else:
                    rpr.append(OxmlElement("w:u", attrs={qn("w:val"): "single"}))
                rpr.append(OxmlElement("w:shd", attrs={qn("w:val"): "clear", qn("w:color"): "auto",
                                                       qn("w:fill"): FILL[style]}))
                r.insert(0, rpr)
            paragraph._p.append(r)


def build_sheet_docx(c: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
                     notes: Mapping[int, str] | None = None):
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name, normal.font.size = "Times New Roman", Pt(9)
    normal.paragraph_format.space_after = Pt(0)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGES[page_size]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.2))
    section.header.paragraphs[0].text = docx_text(f"Draft: {c.draft.name}    |    Adopted: {c.adopted.name}")
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    title = document.add_paragraph()
    title.add_run("Comparison sheet").bold = True
    document.add_paragraph(docx_text(f"Draft: {c.draft.name} ({c.draft.language}) \u2014 Adopted: {c.adopted.name} "
                                     f"({c.adopted.language}) \u2014 {date.today().isoformat()}"))
    document.add_paragraph(docx_text(summary(c)))
    for f in c.findings:
        document.add_paragraph(docx_text(f"{f.severity.value.upper()}: {f.message}"))
    rows = sheet_rows(c, collapse_equal=collapse_equal, notes=notes)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Label", "Draft", "Adopted")):
        cell.paragraphs[0].add_run(text).bold = True
    header_flag = OxmlElement("w:tblHeader")          # repeat the header row on every page
    table.rows[0]._tr.get_or_add_trPr().append(header_flag)
    for row in rows:
        cells = table.add_row().cells
        if row.kind == "collapsed":
            merged = cells[0].merge(cells[2])
            merged.paragraphs[0].add_run(docx_text(row.draft[0][1])).italic = True
            continue
        if row.label:
            cells[0].paragraphs[0].add_run(docx_text(row.label))
        if row.kind not in ("equal", "changed"):
            (cells[0].add_paragraph() if row.label else cells[0].paragraphs[0]).add_run(row.kind).italic = True
        for cell, side, missing in ((cells[1], row.draft, "draft"), (cells[2], row.adopted, "adopted text")):
            if side:
                _fill(cell, side)
            else:                                         # the missing side: a greyed cell that says so
                _shade_cell(cell, "E4E4E4")
                cell.paragraphs[0].add_run(f"(not in the {missing})").italic = True
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
                      review: str | Path | None = None) -> Path:
    """Write the sheet as .docx through the safe-output routine (``app.io.atomic``); ``review``: a
    review file given explicitly, which must not be overwritten (the one beside the adopted text never is)."""
    document, _ = build_sheet_docx(comparison, collapse_equal=collapse_equal, page_size=page_size, notes=notes)
    return atomic_write(out_path, lambda fh: document.save(fh),
                        **export_guard(comparison.draft.path, comparison.adopted.path, review))
