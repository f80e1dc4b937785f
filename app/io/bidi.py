"""Right-to-left paragraphs in the Word files we lay out ourselves: Arabic (and Hebrew) text.

Word shows a paragraph right to left only when its properties say so: ``w:bidi`` in the paragraph's
``w:pPr`` (ECMA-376 Part 1, 17.3.1.6: the paragraph's reading order and alignment) and ``w:rtl`` in the
``w:rPr`` of each run of right-to-left text (17.3.2.30: the run's characters are shaped and ordered
right to left, and its complex-script properties apply). Without them an Arabic paragraph opens
left-aligned with its punctuation at the wrong end. Word files redlined on the documents themselves
keep the properties their authors gave them; this is for the exports built from the comparison.
"""
from __future__ import annotations

import re

from docx.oxml import OxmlElement
from lxml import etree
from docx.oxml.ns import qn

from app.core.language import RTL_LETTER

_LETTER = re.compile(r"[^\W\d_]")
# Where w:bidi and w:rtl go in their property lists (the schema's order, 17.3.1.26 and 17.3.2.28).
_PPR_AFTER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl",
              "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens",
              "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN")
_RPR_AFTER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike",
              "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid",
              "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz",
              "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign")


def is_right_to_left(text: str) -> bool:
    """Most of the letters of ``text`` are Arabic or Hebrew."""
    if not RTL_LETTER.search(text):                     # none at all: decided in one scan (most text)
        return False
    letters = _LETTER.findall(text)
    return bool(letters) and sum(1 for ch in letters if RTL_LETTER.match(ch)) * 2 > len(letters)


def mark_right_to_left(root) -> int:
    """Give every paragraph under ``root`` (a w:body, w:tbl, w:ftr …) whose accepted text is mostly in a
    right-to-left script ``w:bidi``, and every run of such text ``w:rtl``. Returns the number of
    paragraphs marked. Text with no Arabic or Hebrew letter anywhere is decided in one scan of all its
    text (most exports), without the walk over every run and paragraph."""
    if not RTL_LETTER.search(etree.tostring(root, method="text", encoding="unicode")):
        return 0
    marked = 0
    for p in root.iter(qn("w:p")):
        for r in p.iter(qn("w:r")):            # a run of Arabic is right to left wherever it stands
            run_text = "".join(t.text or "" for t in r.iter(qn("w:t"), qn("w:delText")))
            if RTL_LETTER.search(run_text):
                _set(_child(r, "w:rPr", first=True), "w:rtl", _RPR_AFTER)
        # the paragraph's direction is that of its text once the revisions are accepted (a tracked
        # paragraph may hold the deleted draft in one language and the adopted text in another)
        text = "".join(t.text or "" for t in p.iter(qn("w:t"))) or \
            "".join(t.text or "" for t in p.iter(qn("w:delText")))
        if is_right_to_left(text):
            _set(_child(p, "w:pPr", first=True), "w:bidi", _PPR_AFTER)
            marked += 1
    return marked


def _child(parent, tag: str, first: bool):
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        parent.insert(0, found) if first else parent.append(found)
    return found


def _set(props, tag: str, after: tuple[str, ...]) -> None:
    """Add the empty element ``tag`` to ``props`` in schema order (after the last of ``after`` present)."""
    if props.find(qn(tag)) is not None:
        return
    element = OxmlElement(tag)
    before = [child for child in props if child.tag in {qn(t) for t in after}]
    if before:
        before[-1].addnext(element)
    else:
        props.insert(0, element)
