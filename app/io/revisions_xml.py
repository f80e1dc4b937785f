"""Raw OOXML for tracked revisions: the one place that writes w:ins, w:del, w:moveFrom, w:moveTo, tracked
paragraph marks and table rows, and recorded property changes (w:rPrChange, w:pPrChange).

python-docx does not model revisions, so runs are built as lxml elements here. Rules that keep Word
from calling the file corrupt: one id counter per file (a move range start and its end share an id),
deleted text only in w:delText, and never a revision nested in another.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.core.model import Run
from app.io.xml_text import xml_pieces

PLAIN = Run("")


@dataclass
class Revisions:
    author: str
    date: datetime
    _next: int = 1

    @property
    def stamp(self) -> str:
        return self.date.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    def new_id(self) -> str:
        value, self._next = self._next, self._next + 1
        return str(value)

    def _attrs(self, el, with_id: bool = True):
        if with_id:
            el.set(qn("w:id"), self.new_id())
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.stamp)
        return el

    def wrap(self, tag: str, runs: list) -> object:
        """w:ins / w:del / w:moveFrom / w:moveTo around runs."""
        el = self._attrs(OxmlElement(tag))
        for r in runs:
            el.append(r)
        return el

    def mark(self, paragraph_element, tag: str) -> None:
        """Track the paragraph mark itself (w:pPr/w:rPr/<tag>): the break exists on one side only."""
        self.mark_properties(paragraph_element.get_or_add_pPr(), tag)

    def mark_properties(self, ppr, tag: str) -> None:
        """Track the mark of the paragraph whose w:pPr is ``ppr`` as ``tag`` (w:ins or w:del), replacing
        any mark recorded before (ECMA-376 Part 1, 17.13.5.16 and 17.13.5.15)."""
        rpr = ppr.find(qn("w:rPr"))
        if rpr is None:
            rpr = OxmlElement("w:rPr")
            later = next((c for c in ppr if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))), None)
            if later is None:
                ppr.append(rpr)          # w:rPr follows every paragraph property ...
            else:
                later.addprevious(rpr)   # ... but precedes w:sectPr and w:pPrChange
        for old in rpr.findall(qn("w:ins")) + rpr.findall(qn("w:del")):
            rpr.remove(old)
        rpr.insert(0, self._attrs(OxmlElement(tag)))   # revision marks come first in a mark's w:rPr

    def mark_row(self, row, tag: str) -> None:
        """Track a whole table row ``row`` (w:tr) as inserted or deleted: w:trPr/w:ins|w:del, after the
        row's other properties; CT_TrPrBase needs one property first, so an empty w:trPr gets the
        default w:cantSplit (ECMA-376 Part 1, 17.13.5.17 and 17.13.5.13)."""
        tr_pr = row.find(qn("w:trPr"))
        if tr_pr is None:
            tr_pr = OxmlElement("w:trPr")
            row.insert(1 if row.find(qn("w:tblPrEx")) is not None else 0, tr_pr)
        if not len(tr_pr):
            cant_split = OxmlElement("w:cantSplit")
            cant_split.set(qn("w:val"), "off")
            tr_pr.append(cant_split)
        tr_pr.append(self._attrs(OxmlElement(tag)))

    def run_properties_change(self, rpr, old_rpr) -> None:
        """Record in ``rpr`` (a run's w:rPr) that the run had ``old_rpr`` before (w:rPrChange, its last
        child): a formatting change Word lists as such; reject-all restores the old formatting."""
        change = self._attrs(OxmlElement("w:rPrChange"))
        old = OxmlElement("w:rPr")
        for child in (old_rpr if old_rpr is not None else ()):
            if child.tag != qn("w:rPrChange"):
                old.append(child)
        change.append(old)
        rpr.append(change)

    def paragraph_change(self, ppr, old_ppr) -> None:
        """Record in ``ppr`` that the paragraph had ``old_ppr`` before (w:pPrChange, its last child):
        reject-all restores it, accept-all keeps ``ppr``."""
        change = self._attrs(OxmlElement("w:pPrChange"))
        old = OxmlElement("w:pPr")
        for child in old_ppr:
            old.append(child)
        change.append(old)
        ppr.append(change)

    def range_start(self, tag: str, name: str) -> tuple[object, str]:
        el = self._attrs(OxmlElement(tag))
        el.set(qn("w:name"), name)
        return el, el.get(qn("w:id"))

    @staticmethod
    def range_end(tag: str, range_id: str) -> object:
        el = OxmlElement(tag)
        el.set(qn("w:id"), range_id)
        return el


def make_run(text: str, fmt: Run = PLAIN, *, deleted: bool = False):
    """A w:r with the run's formatting; text goes in w:t or (deleted) w:delText, TAB becomes w:tab, VT,
    LF and U+2028 a line break and FF a page break; characters XML cannot hold are dropped (``xml_text``)."""
    r = OxmlElement("w:r")
    props = [(fmt.bold, "w:b"), (fmt.italic, "w:i")]
    if fmt.bold or fmt.italic or fmt.underline or fmt.superscript:
        rpr = OxmlElement("w:rPr")
        for on, tag in props:
            if on:
                rpr.append(OxmlElement(tag))
        if fmt.underline:
            u = OxmlElement("w:u")
            u.set(qn("w:val"), "single")
            rpr.append(u)
        if fmt.superscript:
            v = OxmlElement("w:vertAlign")
            v.set(qn("w:val"), "superscript")
            rpr.append(v)
        r.append(rpr)
    text_tag = "w:delText" if deleted else "w:t"
    for piece in xml_pieces(text):
        if piece == "\t":
            r.append(OxmlElement("w:tab"))
        elif piece in "\v\n\u2028":
            r.append(OxmlElement("w:br"))
        elif piece == "\f":
            r.append(OxmlElement("w:br", attrs={qn("w:type"): "page"}))
        else:
            t = OxmlElement(text_tag)
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            r.append(t)
    return r


def unmark(p) -> None:
    """Remove the tracked mark of paragraph ``p`` (and its w:rPr if that leaves it empty)."""
    rpr = p.find(qn("w:pPr") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    for el in rpr.findall(qn("w:ins")) + rpr.findall(qn("w:del")):
        rpr.remove(el)
    if not len(rpr) and not rpr.attrib:
        ppr = rpr.getparent()
        ppr.remove(rpr)
        if not len(ppr) and not ppr.attrib:
            ppr.getparent().remove(ppr)


def inside(el, tag: str, stop) -> bool:
    """Whether an ancestor of ``el`` below ``stop`` is a ``tag`` element."""
    node = el.getparent()
    while node is not None and node is not stop:
        if node.tag == tag:
            return True
        node = node.getparent()
    return False


def as_deleted(el, *, stop_tag: str = qn("w:txbxContent")):
    """``el`` (run content) turned into deleted content, in place: w:t -> w:delText and w:instrText ->
    w:delInstrText, except inside text boxes (``stop_tag``), whose paragraphs are their own story."""
    if el.tag in (qn("w:t"), qn("w:instrText")):
        targets = [el]
    else:
        targets = [t for t in el.iter(qn("w:t"), qn("w:instrText")) if not inside(t, stop_tag, el)]
    for t in targets:
        t.tag = qn("w:delText") if t.tag == qn("w:t") else qn("w:delInstrText")
    return el
