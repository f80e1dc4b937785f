"""Package details every Word export gets right, found by validating the outputs (openxml-audit, the
ECMA-376 schema): settings in schema order, styles that comments refer to, no stale style copy."""
from __future__ import annotations

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.part import PartFactory, XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

NOTE_CONTENT_TYPES = {
    "footnote": "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
    "endnote": "application/vnd.openxmlformats-officedocument.wordprocessingml.endnotes+xml"}
# python-docx loads footnotes and endnotes as opaque parts; the exports edit them as XML (XmlPart).
for _content_type in NOTE_CONTENT_TYPES.values():
    PartFactory.part_type_for.setdefault(_content_type, XmlPart)

# The w:settings children that follow w:trackRevisions in the schema sequence (CT_Settings).
_AFTER_TRACK_REVISIONS = (
    "w:doNotTrackMoves w:doNotTrackFormatting w:documentProtection w:autoFormatOverride w:styleLockTheme "
    "w:styleLockQFSet w:defaultTabStop w:autoHyphenation w:consecutiveHyphenLimit w:hyphenationZone "
    "w:doNotHyphenateCaps w:showEnvelope w:summaryLength w:clickAndTypeStyle w:defaultTableStyle "
    "w:evenAndOddHeaders w:bookFoldRevPrinting w:bookFoldPrinting w:bookFoldPrintingSheets "
    "w:drawingGridHorizontalSpacing w:drawingGridVerticalSpacing w:displayHorizontalDrawingGridEvery "
    "w:displayVerticalDrawingGridEvery w:doNotUseMarginsForDrawingGridOrigin w:drawingGridHorizontalOrigin "
    "w:drawingGridVerticalOrigin w:doNotShadeFormData w:noPunctuationKerning w:characterSpacingControl "
    "w:printTwoOnOne w:strictFirstAndLastChars w:noLineBreaksAfter w:noLineBreaksBefore w:savePreviewPicture "
    "w:doNotValidateAgainstSchema w:saveInvalidXml w:ignoreMixedContent w:alwaysShowPlaceholderText "
    "w:doNotDemarcateInvalidXml w:saveXmlDataOnly w:useXSLTWhenSaving w:saveThroughXslt w:showXMLTags "
    "w:alwaysMergeEmptyNamespace w:updateFields w:hdrShapeDefaults w:footnotePr w:endnotePr w:compat "
    "w:docVars w:rsids w:attachedSchema w:themeFontLang w:clrSchemeMapping w:doNotIncludeSubdocsInStats "
    "w:doNotAutoCompressPictures w:forceUpgrade w:captions w:readModeInkLockDown w:smartTagType "
    "w:shapeDefaults w:doNotEmbedSmartTags w:decimalSymbol w:listSeparator").split()


def enable_track_changes(document) -> None:
    """w:trackRevisions on, once, at its place in the settings sequence (Word reads settings.xml
    strictly in schema order; the adopted file may already track changes)."""
    settings = document.settings.element
    if settings.find(qn("w:trackRevisions")) is not None:
        return
    settings.insert_element_before(OxmlElement("w:trackRevisions"), *_AFTER_TRACK_REVISIONS)


def ensure_comment_styles(document) -> None:
    """The styles comments use (Word's "annotation text" and "annotation reference"), when missing."""
    styles = document.styles
    ids = {s.style_id for s in styles}
    if "CommentText" not in ids:
        text = styles.add_style("annotation text", WD_STYLE_TYPE.PARAGRAPH)
        text.style_id = "CommentText"
        text.font.size = Pt(10)
    if "CommentReference" not in ids:
        ref = styles.add_style("annotation reference", WD_STYLE_TYPE.CHARACTER)
        ref.style_id = "CommentReference"
        ref.font.size = Pt(8)


def drop_styles_with_effects(document) -> None:
    """Remove word/stylesWithEffects.xml, Word 2010's copy of the styles: python-docx's template carries
    one, and once styles are added it disagrees with styles.xml, which Word may call unreadable."""
    rels = document.part.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            rels.pop(r_id)
