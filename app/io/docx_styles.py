"""Paragraph styles shared by the Word exports: one named style per resolution part, so the officer
can restyle a whole part in Word at once (Times New Roman 12 pt, justified body, indented sub-paragraphs)."""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from app.core.model import Kind, Paragraph

STYLES = {
    Kind.HEADER: "DC Header", Kind.TITLE: "DC Title", Kind.INTRO: "DC Intro", Kind.PREAMBLE: "DC Preamble",
    Kind.OPERATIVE: "DC Operative", Kind.SUBPARAGRAPH: "DC Subparagraph", Kind.FOOTNOTE: "DC Footnote",
    Kind.FOOTER: "DC Footer", Kind.ANNEX: "Normal", Kind.OTHER: "Normal", Kind.PAGE_HEADER: "Normal", Kind.PAGE_FOOTER: "Normal",
}


def add_styles(document) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(12)
    normal.paragraph_format.space_after = Pt(6)
    specs = {
        "DC Header": dict(size=10), "DC Title": dict(bold=True, size=12, space_before=12),
        "DC Intro": dict(indent=Cm(1.27)), "DC Preamble": dict(first=Cm(1.27), justify=True),
        "DC Operative": dict(first=Cm(1.27), justify=True), "DC Subparagraph": dict(indent=Cm(1.9), justify=True),
        "DC Footnote": dict(size=10), "DC Footer": dict(italic=True, size=11),
    }
    for name, spec in specs.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        if "size" in spec:
            style.font.size = Pt(spec["size"])
        style.font.bold = spec.get("bold")
        style.font.italic = spec.get("italic")
        fmt = style.paragraph_format
        if "indent" in spec:
            fmt.left_indent = spec["indent"]
        if "first" in spec:
            fmt.first_line_indent = spec["first"]
        if "space_before" in spec:
            fmt.space_before = Pt(spec["space_before"])
        if spec.get("justify"):
            fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def style_paragraph(document, p_element, paragraph: Paragraph) -> None:
    """Give a raw w:p the style of the resolution part its source paragraph belongs to."""
    name = STYLES[paragraph.kind]
    if name == "Normal":
        return
    ppr = p_element.get_or_add_pPr()
    ps = OxmlElement("w:pStyle")
    ps.set(qn("w:val"), document.styles[name].style_id)
    ppr.insert(0, ps)
