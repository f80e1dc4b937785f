"""Resolve an input's own tracked changes, in place, before it is redlined, the way the comparison
read it: accepted (the reader's default view) or original (``--tracked-view original``, all rejected).

Accepted: inserted and moved-to content is kept, deleted and moved-from content removed, recorded
property changes dropped, a deleted paragraph mark joins its paragraph to the next one, a deleted table
row goes. Original: the mirror image, with recorded properties restored from ``w:rPrChange`` and
``w:pPrChange`` (ECMA-376 Part 1, 17.13 "Annotations").
"""
from __future__ import annotations

from itertools import islice

from docx.oxml.ns import qn

_UNWRAP = tuple(qn(t) for t in ("w:ins", "w:moveTo"))
_REMOVE = tuple(qn(t) for t in (
    "w:del", "w:moveFrom", "w:moveFromRangeStart", "w:moveFromRangeEnd", "w:moveToRangeStart",
    "w:moveToRangeEnd", "w:rPrChange", "w:pPrChange", "w:sectPrChange", "w:tblPrChange", "w:trPrChange",
    "w:tcPrChange", "w:tblGridChange", "w:tblPrExChange", "w:numberingChange", "w:cellIns", "w:cellDel",
    "w:cellMerge", "w:customXmlInsRangeStart", "w:customXmlInsRangeEnd", "w:customXmlDelRangeStart",
    "w:customXmlDelRangeEnd", "w:customXmlMoveFromRangeStart", "w:customXmlMoveFromRangeEnd",
    "w:customXmlMoveToRangeStart", "w:customXmlMoveToRangeEnd"))
_MARK_PARENTS = (qn("w:rPr"), qn("w:trPr"))


def resolve_revisions(root, view: str = "accepted") -> None:
    """Accept (``view`` "accepted") or reject ("original") every revision under ``root``, in place.
    (Whether an input held any is the reader's to say: Document.had_tracked_changes.)"""
    if view == "original":
        _reject(root)
    else:
        accept_revisions(root)


def accept_revisions(root) -> None:
    """Accept every revision under ``root`` (an lxml element), in place."""
    # Deleted paragraph marks and rows first, while the w:del elements still say where they are.
    _drop_marked(root, (qn("w:del"), qn("w:moveFrom")))
    for el in list(root.iter(*_REMOVE)):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for el in list(root.iter(*_UNWRAP)):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag in _MARK_PARENTS:     # an inserted paragraph mark or row: keep it, drop the mark
            parent.remove(el)
            continue
        _unwrap(el)


def _drop_marked(root, tags: tuple[str, ...]) -> None:
    """Rows and paragraph marks tracked as ``tags`` go: a row is removed, a paragraph joins the next.
    Walked from the end: a run of deleted marks then moves each paragraph's content once, straight into
    the paragraph that ends the run (from the start, the content gathered was moved on at every mark)."""
    for mark in reversed(list(root.iter(*tags))):
        parent = mark.getparent()
        if parent is None or parent.tag not in _MARK_PARENTS:
            continue
        holder = parent.getparent()
        if parent.tag == qn("w:trPr"):
            if holder.getparent() is not None:
                holder.getparent().remove(holder)
        elif holder is not None and holder.tag == qn("w:pPr"):
            _join_with_next(holder.getparent())


def _unwrap(el) -> None:
    """``el``'s children in its place (each moved before it: no index walks, linear in the children)."""
    parent = el.getparent()
    for child in list(el):
        el.addprevious(child)
    parent.remove(el)


def _join_with_next(p) -> None:
    """A deleted paragraph mark: the paragraph's content moves to the start of the next paragraph,
    which keeps its own properties (the mark that survives is the next one)."""
    if p is None or p.tag != qn("w:p"):
        return
    nxt = p.getnext()
    if nxt is None or nxt.tag != qn("w:p"):
        return      # before a table or at the end of a story the mark cannot go: keep the paragraph
    content = [c for c in p if c.tag != qn("w:pPr")]
    ppr = nxt.find(qn("w:pPr"))
    # Inserted from position 1 (after the properties, which come first) or 0, each before the child
    # standing there: a chain of deleted marks moves its growing content once per mark, and inserting
    # by index walked to the position every time (cubic in the length of a long deleted passage).
    ref = next(islice(nxt.iterchildren(), 1 if ppr is not None else 0, None), None)
    for child in content:
        if ref is not None:
            ref.addprevious(child)
        else:
            nxt.append(child)
    p.getparent().remove(p)


def _reject(root) -> None:
    """Reject every revision under ``root``: the mirror image of ``accept_revisions``."""
    _drop_marked(root, (qn("w:ins"), qn("w:moveTo")))
    for change in list(root.iter(qn("w:rPrChange"), qn("w:pPrChange"))):
        owner = change.getparent()
        old = change.find(qn("w:rPr") if change.tag == qn("w:rPrChange") else qn("w:pPr"))
        kept = [c for c in owner if c.tag in (qn("w:rPr"), qn("w:sectPr"))] if owner.tag == qn("w:pPr") else []
        for c in list(owner):
            owner.remove(c)
        for c in list(old) if old is not None else []:
            owner.append(c)
        for c in kept:
            owner.append(c)
    for el in list(root.iter(qn("w:ins"), qn("w:moveTo"), *_REMOVE)):
        if el.tag in (qn("w:del"), qn("w:moveFrom"), qn("w:rPrChange"), qn("w:pPrChange")):
            continue
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    for el in list(root.iter(qn("w:del"), qn("w:moveFrom"))):
        parent = el.getparent()
        if parent is None:
            continue
        if parent.tag in _MARK_PARENTS:
            parent.remove(el)
            continue
        for t in el.iter(qn("w:delText"), qn("w:delInstrText")):
            t.tag = qn("w:t") if t.tag == qn("w:delText") else qn("w:instrText")
        _unwrap(el)
