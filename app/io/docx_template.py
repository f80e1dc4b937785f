"""The adopted .docx reused as the template of the Word exports, so they look like the adopted file.

The exports keep the adopted package (styles, numbering definitions, page set-up, headers and footers)
and write their own body. Each paragraph takes the paragraph properties (style, Word list numbering,
indents, spacing) of the adopted paragraph it shows, found through ``Paragraph.origin``. A draft-only
paragraph (deleted, moved away) takes those of an adopted paragraph of the same part of the resolution,
without list numbering unless the draft had it. Where the adopted paragraph is numbered by Word but the
draft paragraph was not (its label typed as text), a tracked paragraph-property change (w:pPrChange)
records the unnumbered draft form, so reject-all does not put Word's "3." in front of a typed "OP3.".

The template is used only when the adopted file still reads exactly as it did when compared; otherwise
the exports fall back to their own clean styles (app.io.docx_styles) on a ``blank_document``, whose
page is A4 portrait unless Letter is asked for (python-docx's own blank is US Letter).
"""
from __future__ import annotations

import logging
import io
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Twips

from app.core.model import Comparison, Kind, Paragraph
from app.io.docx_reader import paragraph_elements
from app.io.errors import InputError
from app.io.readers import read_document
from app.io.wordml import Styles, parse_styles

log = logging.getLogger(__name__)

_DROPPED_IN_PPR = ("w:ins", "w:del", "w:moveFrom", "w:moveTo", "w:rPrChange", "w:pPrChange", "w:numberingChange",
                   "w:sectPr", "w:cnfStyle")
_FOOTNOTE_STYLE_NAMES = ("footnote text",)
_COMMENT_PARTS = ("comments", "commentsExtended", "commentsIds", "commentsExtensible", "people")
# Portrait page sizes in twentieths of a point, as Word writes them in w:pgSz.
PAGE_SIZES = {"A4": (Twips(11906), Twips(16838)), "Letter": (Twips(12240), Twips(15840))}


def check_page_size(page_size: str) -> None:
    """Raise ValueError unless ``page_size`` is one the Word exports know ("A4", "Letter")."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")


def new_document(language: str = "", title: str = ""):
    """A new python-docx Document that says the truth about itself: the text's language as the
    proofing language of every run (``language``: an ISO 639-1 code of the six UN languages; "" or
    "und" keeps the default), and document properties of this export (created now, no "python-docx"
    author, comment or 2013 date from python-docx's template). The page is the caller's."""
    document = docx.Document()
    props = document.core_properties
    now = datetime.now(timezone.utc).replace(microsecond=0)
    props.author = props.last_modified_by = props.comments = props.keywords = props.subject = ""
    props.title = title
    props.created = props.modified = now
    props.revision = 1
    set_language(document, language)
    return document


# Proofing languages (w:lang) for the six official languages; UN English is British (Oxford) spelling.
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ru": "ru-RU", "ar": "ar-SA", "zh": "zh-CN"}


def set_language(document, language: str) -> None:
    """Declare ``language`` (ISO 639-1) as the proofing language of the document's text (w:docDefaults
    w:rPrDefault/w:rPr/w:lang: w:val, and w:bidi for Arabic, w:eastAsia for Chinese); unknown codes
    leave the document as it is."""
    tag = LANGUAGE_TAGS.get(language)
    if tag is None:
        return
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)
    if language == "ar":
        lang.set(qn("w:bidi"), tag)
    elif language == "zh":
        lang.set(qn("w:eastAsia"), tag)


def blank_document(page_size: str = "A4", language: str = ""):
    """A new Document (``new_document``) on a portrait ``page_size`` page ("A4" or "Letter"; margins
    kept), for the Word exports that have no adopted .docx to start from. Raises ValueError for another
    size."""
    check_page_size(page_size)
    document = new_document(language)
    for section in document.sections:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = PAGE_SIZES[page_size]
    return document


@dataclass
class AdoptedTemplate:
    document: object               # python-docx Document opened from the adopted file's bytes
    elements: list                 # its w:p elements, indexed by Paragraph.origin
    styles: Styles                 # the template's styles, to know which ones number paragraphs


def open_adopted_template(comparison: Comparison) -> AdoptedTemplate | None:
    """The adopted .docx as a template, or None (not a .docx, gone, changed since the comparison)."""
    adopted = comparison.adopted
    if adopted.format != "docx" or not adopted.paragraphs:
        return None
    path = Path(adopted.path)
    try:
        data = path.read_bytes()
        again = read_document(path, tracked=adopted.tracked_view)
    except (OSError, InputError) as exc:
        log.info("the adopted file cannot be read again to serve as the template (%s): built-in styles", exc)
        return None
    if [p.text for p in again.paragraphs] != [p.text for p in adopted.paragraphs]:
        return None
    try:
        document = docx.Document(io.BytesIO(data))
        elements = paragraph_elements(document.element.body, adopted.tracked_view)
        styles = parse_styles(document.styles.element)
    except Exception:   # noqa: BLE001 - python-docx may refuse a package our reader accepts: use our styles
        log.info("python-docx cannot open the adopted file as a template: built-in styles", exc_info=True)
        return None
    if len(elements) <= max(p.origin for p in adopted.paragraphs):
        return None
    return AdoptedTemplate(document, elements, styles)


def empty_body(document) -> None:
    """Remove the body content, keeping the final section properties (page size, margins, headers),
    and the comments the adopted file carried (their anchors are gone with the body)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    rels = document.part.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype.rsplit("/", 1)[-1] in _COMMENT_PARTS:   # also Word 2013+'s companions, whose
            rels.pop(r_id)                                        # entries would point at nothing


def make_own(document, author: str) -> None:
    """What the adopted file said about itself that is no longer true of the export: an editing lock
    and a preview picture of the adopted pages."""
    settings = document.settings.element
    for tag in ("w:documentProtection", "w:writeProtection"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    package_rels = document.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(r_id)
    document.core_properties.last_modified_by = author


def clean_ppr(ppr):
    """A copy of paragraph properties without what belongs to the adopted file's own history or place:
    revision marks (also inside w:numPr), recorded property changes, section breaks, table cell styling."""
    ppr = deepcopy(ppr)
    for el in list(ppr.iter(*(qn(t) for t in _DROPPED_IN_PPR))):
        if el.getparent() is not None:
            el.getparent().remove(el)
    return ppr


class TemplateStyler:
    """Gives each exported w:p the paragraph properties of the adopted paragraph it stands for."""

    def __init__(self, template: AdoptedTemplate, comparison: Comparison) -> None:
        self.template = template
        self.adopted_ids = {id(p) for p in comparison.adopted.paragraphs}
        self.by_kind: dict[Kind, object] = {}
        for p in comparison.adopted.paragraphs:
            if p.origin >= 0 and p.kind not in self.by_kind:
                self.by_kind[p.kind] = self._source_ppr(p)
        self.footnote_style = next((sid for sid, st in template.styles.styles.items()
                                    if st.name.lower() in _FOOTNOTE_STYLE_NAMES), None)

    def _source_ppr(self, p: Paragraph):
        ppr = self.template.elements[p.origin].find(qn("w:pPr"))
        return clean_ppr(ppr) if ppr is not None else OxmlElement("w:pPr")

    def ppr_for(self, paragraph: Paragraph):
        """Paragraph properties for ``paragraph`` (adopted or draft), or None for the default style."""
        if id(paragraph) in self.adopted_ids and paragraph.origin >= 0:
            return self._source_ppr(paragraph)
        if paragraph.kind is Kind.FOOTNOTE and self.footnote_style:
            ppr = OxmlElement("w:pPr")
            ps = OxmlElement("w:pStyle")
            ps.set(qn("w:val"), self.footnote_style)
            ppr.append(ps)
            return ppr
        model = self.by_kind.get(paragraph.kind)
        if model is None:
            return None
        ppr = deepcopy(model)
        return ppr if paragraph.numbering else self.without_numbering(ppr)

    def without_numbering(self, ppr):
        """The same properties with Word list numbering switched off (numId 0 overrides a style's list)."""
        ppr = deepcopy(ppr)
        for el in ppr.findall(qn("w:numPr")):
            ppr.remove(el)
        ps = ppr.find(qn("w:pStyle"))
        if self.template.styles.numbering(ps.get(qn("w:val")) if ps is not None else None):
            num_pr, num_id = OxmlElement("w:numPr"), OxmlElement("w:numId")
            num_id.set(qn("w:val"), "0")
            num_pr.append(num_id)
            # numPr follows pStyle, keepNext, keepLines, pageBreakBefore, framePr, widowControl
            anchor = None
            for tag in ("w:widowControl", "w:framePr", "w:pageBreakBefore", "w:keepLines", "w:keepNext",
                        "w:pStyle"):
                anchor = ppr.find(qn(tag))
                if anchor is not None:
                    break
            if anchor is None:
                ppr.insert(0, num_pr)
            else:
                anchor.addnext(num_pr)
        return ppr

    def apply(self, p_element, paragraph: Paragraph, counterpart: Paragraph | None, revisions) -> None:
        ppr = self.ppr_for(paragraph)
        if ppr is None:
            return
        p_element.insert(0, ppr)
        if counterpart is not None and paragraph.numbering and not counterpart.numbering:
            old = self.without_numbering(ppr)
            for tag in ("w:rPr", "w:sectPr", "w:pPrChange"):
                for el in old.findall(qn(tag)):
                    old.remove(el)
            revisions.paragraph_change(ppr, old)
