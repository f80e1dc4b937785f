"""Raw OOXML for tracked revisions: the one place that writes w:ins, w:del, w:moveFrom, w:moveTo, tracked
paragraph marks and table rows, and recorded property changes (w:rPrChange, w:pPrChange).

python-docx does not model revisions, so runs are built as lxml elements here. Rules that keep Word
from calling the file corrupt: one id counter per file (a move range start and its end share an id),
deleted text only in w:delText, and never a revision nested in another.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import lru_cache

from docx.oxml.ns import NamespacePrefixedTag, qn
from docx.oxml.parser import oxml_parser
from lxml import etree

from app.core.model import Run
from app.io.xml_text import BREAK_PIECES, xml_pieces

PLAIN = Run("")
_ID, _AUTHOR, _DATE, _VAL = qn("w:id"), qn("w:author"), qn("w:date"), qn("w:val")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_R, _RPR, _T, _DEL_TEXT, _TYPE = (qn(t) for t in ("w:r", "w:rPr", "w:t", "w:delText", "w:type"))
_PPR, _INS, _DEL = qn("w:pPr"), qn("w:ins"), qn("w:del")
_AFTER_MARK = (qn("w:sectPr"), qn("w:pPrChange"))
_RPR_CHANGE, _NAME = qn("w:rPrChange"), qn("w:name")
_B, _I, _U, _VERT_ALIGN = qn("w:b"), qn("w:i"), qn("w:u"), qn("w:vertAlign")
_MARK_PATH = _PPR + "/" + _RPR
_LIVE_TEXT, _DEL_INSTR_TEXT = (_T, qn("w:instrText")), qn("w:delInstrText")


@lru_cache(maxsize=None)
def _tag(nsptag: str) -> tuple[str, dict]:
    """(Clark name, namespace declaration) of a prefixed tag such as "w:ins"."""
    name = NamespacePrefixedTag(nsptag)
    return name.clark_name, name.nsmap


def new_element(nsptag: str, attrib: dict | None = None):
    """A loose element ``nsptag`` ("w:ins"), as python-docx's ``OxmlElement`` makes it (its element
    class, one namespace declaration), without parsing the tag again at every call."""
    clark, nsmap = _tag(nsptag)
    return oxml_parser.makeelement(clark, attrib=attrib, nsmap=nsmap)


@dataclass
class Revisions:
    author: str
    date: datetime
    _next: int = 1
    _stamp: tuple | None = field(default=None, init=False, repr=False, compare=False)   # (date, its text)

    @property
    def stamp(self) -> str:
        """``date`` as w:date writes it (UTC, whole seconds), formatted once per date."""
        cached = self._stamp
        if cached is None or cached[0] is not self.date:
            cached = self._stamp = (self.date, self.date.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        return cached[1]

    def new_id(self) -> str:
        value, self._next = self._next, self._next + 1
        return str(value)

    def _revision(self, tag: str):
        """A new ``tag`` element with a fresh id (``new_id``, which a subclass may draw from elsewhere),
        the author and the date, in that order."""
        return new_element(tag, {_ID: self.new_id(), _AUTHOR: self.author, _DATE: self.stamp})

    def wrap(self, tag: str, runs: list) -> object:
        """w:ins / w:del / w:moveFrom / w:moveTo around runs."""
        el = self._revision(tag)
        for r in runs:
            el.append(r)
        return el

    def add(self, parent, tag: str):
        """An empty ``wrap(tag, [])`` made as the last child of ``parent`` (whose namespaces declare
        ``tag``'s prefix), and returned: the same XML without a loose element moved in."""
        return etree.SubElement(parent, _tag(tag)[0], {_ID: self.new_id(), _AUTHOR: self.author, _DATE: self.stamp})

    def mark(self, paragraph_element, tag: str) -> None:
        """Track the paragraph mark itself (w:pPr/w:rPr/<tag>): the break exists on one side only."""
        self.mark_properties(paragraph_element.get_or_add_pPr(), tag)

    def mark_properties(self, ppr, tag: str) -> None:
        """Track the mark of the paragraph whose w:pPr is ``ppr`` as ``tag`` (w:ins or w:del), replacing
        any mark recorded before (ECMA-376 Part 1, 17.13.5.16 and 17.13.5.15)."""
        rpr = ppr.find(_RPR)
        if rpr is None:
            rpr = new_element("w:rPr")
            later = next((c for c in ppr if c.tag in _AFTER_MARK), None)
            if later is None:
                ppr.append(rpr)          # w:rPr follows every paragraph property ...
            else:
                later.addprevious(rpr)   # ... but precedes w:sectPr and w:pPrChange
        for old in rpr.findall(_INS) + rpr.findall(_DEL):
            rpr.remove(old)
        rpr.insert(0, self._revision(tag))   # revision marks come first in a mark's w:rPr

    def mark_row(self, row, tag: str) -> None:
        """Track a whole table row ``row`` (w:tr) as inserted or deleted: w:trPr/w:ins|w:del, after the
        row's other properties; CT_TrPrBase needs one property first, so an empty w:trPr gets the
        default w:cantSplit (ECMA-376 Part 1, 17.13.5.17 and 17.13.5.13)."""
        tr_pr = row.find(qn("w:trPr"))
        if tr_pr is None:
            tr_pr = new_element("w:trPr")
            row.insert(1 if row.find(qn("w:tblPrEx")) is not None else 0, tr_pr)
        if not len(tr_pr):
            cant_split = new_element("w:cantSplit")
            cant_split.set(_VAL, "off")
            tr_pr.append(cant_split)
        tr_pr.append(self._revision(tag))

    def run_properties_change(self, rpr, old_rpr) -> None:
        """Record in ``rpr`` (a run's w:rPr) that the run had ``old_rpr`` before (w:rPrChange, its last
        child): a formatting change Word lists as such; reject-all restores the old formatting."""
        change = self._revision("w:rPrChange")
        old = new_element("w:rPr")
        for child in (old_rpr if old_rpr is not None else ()):
            if child.tag != _RPR_CHANGE:
                old.append(child)
        change.append(old)
        rpr.append(change)

    def paragraph_change(self, ppr, old_ppr) -> None:
        """Record in ``ppr`` that the paragraph had ``old_ppr`` before (w:pPrChange, its last child):
        reject-all restores it, accept-all keeps ``ppr``."""
        change = self._revision("w:pPrChange")
        old = new_element("w:pPr")
        for child in old_ppr:
            old.append(child)
        change.append(old)
        ppr.append(change)

    def range_start(self, tag: str, name: str) -> tuple[object, str]:
        el = self._revision(tag)
        el.set(_NAME, name)
        return el, el.get(_ID)

    @staticmethod
    def range_end(tag: str, range_id: str) -> object:
        return new_element(tag, {_ID: range_id})


# xml_text.BREAK_PIECES as (Clark tag, attributes) for etree.SubElement.
_BREAKS = {piece: (qn(tag), {_TYPE: kind} if kind else {}) for piece, (tag, kind) in BREAK_PIECES.items()}


def make_run(text: str, fmt: Run = PLAIN, *, deleted: bool = False):
    """A w:r with the run's formatting; text goes in w:t or (deleted) w:delText, TAB becomes w:tab, VT,
    LF and U+2028 a line break and FF a page break; characters XML cannot hold are dropped (``xml_text``)."""
    r = new_element("w:r")
    _fill_run(r, text, fmt, deleted)
    return r


def add_run(parent, text: str, fmt: Run = PLAIN, *, deleted: bool = False):
    """``make_run``'s run made as the last child of ``parent`` (a w:p, w:ins ...) and returned: the same
    XML, built in place rather than as a loose element moved in afterwards (a third of the cost)."""
    r = etree.SubElement(parent, _R)
    _fill_run(r, text, fmt, deleted)
    return r


def _fill_run(r, text: str, fmt: Run, deleted: bool) -> None:
    if fmt.bold or fmt.italic or fmt.underline or fmt.superscript:
        rpr = etree.SubElement(r, _RPR)
        if fmt.bold:
            etree.SubElement(rpr, _B)
        if fmt.italic:
            etree.SubElement(rpr, _I)
        if fmt.underline:
            etree.SubElement(rpr, _U, {_VAL: "single"})
        if fmt.superscript:
            etree.SubElement(rpr, _VERT_ALIGN, {_VAL: "superscript"})
    text_tag = _DEL_TEXT if deleted else _T
    for piece in xml_pieces(text):
        special = _BREAKS.get(piece)
        if special is None:
            t = etree.SubElement(r, text_tag, {_XML_SPACE: "preserve"})
            t.text = piece
        else:
            etree.SubElement(r, *special)


def unmark(p) -> None:
    """Remove the tracked mark of paragraph ``p`` (and its w:rPr if that leaves it empty)."""
    rpr = p.find(_MARK_PATH)
    if rpr is None:
        return
    for el in rpr.findall(_INS) + rpr.findall(_DEL):
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
    if el.tag in _LIVE_TEXT:
        targets = [el]
    else:
        targets = [t for t in el.iter(*_LIVE_TEXT) if not inside(t, stop_tag, el)]
    for t in targets:
        t.tag = _DEL_TEXT if t.tag == _T else _DEL_INSTR_TEXT
    return el
