"""A WordprocessingML paragraph as a sequence of content atoms.

An atom is the unit the redline diffs: a text token (word, number, space or mark, from
``app.core.tokenize``) with its run properties; a run child that is an object (tab, break, symbol,
soft or no-break hyphen, picture, text box, note reference ...); a whole field (``w:fldSimple`` or a
``w:fldChar`` begin ... end sequence); an equation (``m:oMath``). Each atom keeps the source XML it was
read from (``pieces``), the inline containers it sits in (``links``: ``w:hyperlink``, ``w:sdt``,
``w:smartTag`` ...), and the zero-width range markers (bookmarks, comment ranges) standing before it.
Atoms compare by ``key``: text by its token, objects by a fingerprint of their content with volatile
ids removed and related parts replaced by a digest of their bytes, so a replaced picture is a change
(after WmlComparer's content atoms; ECMA-376 Part 1, 17.3.3 for run content).
"""
from __future__ import annotations

import hashlib
import re
from copy import deepcopy
from dataclasses import dataclass
from typing import Callable

from lxml import etree
from docx.oxml.ns import qn


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

_T, _RPR = qn("w:t"), qn("w:rPr")
_R, _SDT, _SDT_CONTENT, _FLD_SIMPLE, _FLD_CHAR = (qn(t) for t in ("w:r", "w:sdt", "w:sdtContent", "w:fldSimple",
                                                                  "w:fldChar"))
_HYPERLINK, _COMMENT_REFERENCE, _INSTR_TEXT = qn("w:hyperlink"), qn("w:commentReference"), qn("w:instrText")
_KEPT_REVISIONS = (qn("w:ins"), qn("w:moveTo"))
_DROPPED_REVISIONS = (qn("w:del"), qn("w:moveFrom"))
_FIELD_TEXT = (_T, _INSTR_TEXT)
_CONTAINERS = {qn(t) for t in ("w:hyperlink", "w:sdt", "w:smartTag", "w:customXml", "w:dir", "w:bdo")}
_MARKERS = {qn(t) for t in ("w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd",
                            "w:permStart", "w:permEnd")}
_SKIPPED = {qn(t) for t in ("w:pPr", "w:rPr", "w:proofErr", "w:lastRenderedPageBreak", "w:sdtPr",
                            "w:sdtEndPr")}
_VOLATILE = {qn("w:rsidR"), qn("w:rsidRPr"), qn("w:rsidDel"), qn("w:rsidP"), qn("w:rsidRDefault"),
             qn("w:rsidTr"), "id", "name"}
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_NOTE_REFS = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}
_OBJECT_TEXT = {qn("w:tab"): "\t", qn("w:br"): "\n", qn("w:cr"): "\n", qn("w:noBreakHyphen"): "\u2011",
                qn("w:softHyphen"): "\u00ad"}


@dataclass(eq=False, slots=True)
class Piece:
    """One element of source XML (or a str: text) as run content under ``rpr`` (a ``w:rPr`` or None),
    or, when ``bare``, an element that stands directly in the paragraph (an equation, a range marker)."""

    rpr: object
    element: object
    bare: bool = False


@dataclass(eq=False, slots=True)
class Atom:
    """A text token (``pieces`` None: its text under ``rpr``) or an object (``pieces``: its source XML)."""

    key: str
    text: str
    pieces: list[Piece] | None = None
    links: tuple = ()
    rpr: object = None                             # a text token's run properties
    marks: list | None = None                      # range markers before the atom (source elements)
    link_keys: tuple = ()                          # what each link is: equal keys are one container
    note: tuple | None = None                      # ("footnote" | "endnote", note id) of a reference

    @property
    def first_rpr(self):
        return self.rpr if self.pieces is None else (self.pieces[0].rpr if self.pieces else None)


class TextAtom:
    """A text token under run properties ``rpr``: the light form of Atom, made for every word of both
    documents (so a plain class with slots, not a dataclass: a third of the cost)."""

    __slots__ = ("key", "text", "rpr", "links", "marks", "link_keys")
    pieces = None
    note = None

    def __init__(self, key: str, text: str, rpr, links: tuple = (), marks=None, link_keys: tuple = ()) -> None:
        self.key = key
        self.text = text
        self.rpr = rpr
        self.links = links
        self.marks = marks
        self.link_keys = link_keys

    @property
    def first_rpr(self):
        return self.rpr


@dataclass
class FieldState:
    """A complex field can run on into the next paragraph (a table of contents does): the depth of the
    field open at the end of the last paragraph read in this story."""

    depth: int = 0


class Atomiser:
    """Turns paragraphs of one part into atoms. ``digest`` maps an r:id of that part to a digest of
    the related part (or the external target), so objects compare by what they show."""

    def __init__(self, digest: Callable[[str], str]) -> None:
        self.digest = digest

    def paragraph(self, p, state: FieldState | None = None) -> tuple[list[Atom], list]:
        """Atoms of ``p`` and the range markers after its last atom."""
        walk = _Walk(self, state or FieldState())
        walk.children(p, ())
        walk.close_field()
        walk.flush()
        return walk.atoms, walk.marks

    def fingerprint(self, el) -> str:
        """Content of ``el`` without volatile ids; related parts by digest (a picture by its bytes).
        Canonical XML without the namespace declarations it does not use (exclusive): the ones in scope
        differ between files written by different versions of Word, and an unchanged picture of two
        such files would compare as replaced."""
        copy = etree.fromstring(etree.tostring(el))
        for box in list(copy.iter(qn("w:txbxContent"))):     # text box paragraphs: a story of their own
            for child in list(box):
                box.remove(child)
        for node in copy.iter():
            for name in list(node.attrib):
                if name in _VOLATILE or name.startswith("{%s}" % _W14) or name.endswith("}rsidR"):
                    del node.attrib[name]
                elif name.startswith("{%s}" % R):
                    node.attrib[name] = self.digest(node.attrib[name])
        data = etree.tostring(copy, method="c14n", exclusive=True)
        return hashlib.sha1(data).hexdigest()[:16]


_UNIT = re.compile(r"(?:[^\W\d_]\w*(?:[-’']\w+)*|\d+(?:[.,\u00a0\u202f]\d{3}(?!\d))*(?:\.\d+|,\d{1,3}(?!\d))?|\w+|\S)\s*"
                   r"|\s+")


def units(text: str) -> list[str]:
    """``text`` cut into diff units: a word, a number or one other character (the tokens of
    app.core.tokenize) with the spaces after it, and leading spaces on their own, so a paragraph is
    half as many atoms as tokens (joining the units gives back the text)."""
    return _UNIT.findall(text)


def text_boxes(atom: Atom) -> list:
    """The outermost ``w:txbxContent`` elements of an atom's pieces, in document order (a text box
    drawn with its VML fallback has two, one per representation)."""
    out = []
    for piece in atom.pieces or ():
        if isinstance(piece.element, str):
            continue
        for box in piece.element.iter(qn("w:txbxContent")):
            if not any(box in set(outer.iter()) for outer in out):
                out.append(box)
    return out


def text_of(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t"), "{%s}t" % M, qn("w:instrText")))


class _Walk:
    def __init__(self, owner: Atomiser, state: FieldState) -> None:
        self.owner = owner
        self.state = state
        self.atoms: list[Atom] = []
        self.marks: list = []
        self.field: Atom | None = None
        self._keys: dict[int, tuple] = {}       # id(links tuple) -> its keys (the atoms keep the tuples)
        self.pending: list[tuple] = []          # text of neighbouring runs: (rpr, text, links, marks)
        if state.depth:      # a field that began in an earlier paragraph goes on here
            self.field = Atom("", "", [])

    def add(self, atom: Atom) -> None:
        self.flush()
        if self.marks:
            atom.marks, self.marks = self.marks, []
        self._push(atom)

    def text(self, rpr, text: str, links: tuple) -> None:
        """Text of a run, cut into units only with the text of the runs around it (flush): Word splits
        runs anywhere (an edit, a spelling mark, a bookmark), and a word split so is still one word."""
        if self.pending and self.pending[-1][2] is not links:
            self.flush()
        marks, self.marks = self.marks, []
        self.pending.append((rpr, text, links, marks))

    def flush(self) -> None:
        """Turn the pending text into atoms: one unit of text may span runs (its pieces then keep each
        run's properties); range markers met inside go before the unit they fall in."""
        segments, self.pending = self.pending, []
        if not segments:
            return
        links = segments[0][2]
        prefix = "t" + self._link_key(links) if links else "t"
        if len(segments) == 1:
            rpr, text, _, marks = segments[0]
            atoms = [TextAtom(prefix + u, u, rpr, links) for u in units(text)]
            if marks and atoms:
                atoms[0].marks = marks
            elif marks:
                self.marks = marks + self.marks
            if links:
                for atom in atoms:
                    self._push(atom)
            else:                       # the hot path: plain text of one run
                self.atoms += atoms
            return
        starts, at = [], 0
        for rpr, text, _, marks in segments:
            starts.append(at)
            at += len(text)
        k = 0                                     # the segment holding the unit's first character
        at = 0
        for u in units("".join(t for _, t, _, _ in segments)):
            end = at + len(u)
            pieces, marks = [], []
            j = k
            while j < len(segments) and starts[j] < end:
                rpr, text, _, seg_marks = segments[j]
                lo, hi = max(at, starts[j]) - starts[j], min(end, starts[j] + len(text)) - starts[j]
                if lo < hi:
                    pieces.append(Piece(rpr, text[lo:hi]))
                if seg_marks and starts[j] >= at:
                    marks += seg_marks
                j += 1
            k = max(k, j - 1)
            atom = TextAtom(prefix + u, u, pieces[0].rpr, links) if len(pieces) == 1 else \
                Atom(prefix + u, u, pieces, links)
            atom.marks = marks or None
            self._push(atom)
            at = end
        for _, text, _, seg_marks in segments:     # markers of empty runs at the very end
            if not text and seg_marks and starts[-1] >= at:
                self.marks = seg_marks + self.marks

    def _push(self, atom) -> None:
        if atom.links:
            keys = self._keys.get(id(atom.links))
            if keys is None:
                keys = self._keys[id(atom.links)] = tuple(
                    self._link_key((link,)) if link.tag == _HYPERLINK else id(link) for link in atom.links)
            atom.link_keys = keys
        self.atoms.append(atom)

    def children(self, parent, links: tuple) -> None:
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _R:
                self.run(child, links)
            elif tag in _CONTAINERS:
                inner = child.find(_SDT_CONTENT) if tag == _SDT else child
                if inner is not None:
                    self.children(inner, links + (child,))
            elif tag == _FLD_SIMPLE:
                self.simple_field(child, links)
            elif tag in _MARKERS:
                if self.field is not None:
                    self.field.pieces.append(Piece(None, child, True))
                else:
                    self.marks.append(child)
            elif tag in _KEPT_REVISIONS:     # left by a reader that did not accept
                self.children(child, links)
            elif tag in _DROPPED_REVISIONS:
                continue
            else:       # m:oMath, m:oMathPara and anything else standing in the paragraph: one atom
                self.obj(Piece(None, child, True), "el:" + child.tag.rsplit("}", 1)[-1],
                         text_of(child) or "\ufffc", links)

    def run(self, r, links: tuple) -> None:
        rpr = r.find(_RPR)
        for child in r:
            tag = child.tag
            if not isinstance(tag, str) or tag in _SKIPPED:
                continue
            if tag == _T and self.field is None:      # the common case first
                self.text(rpr, child.text or "", links)
            elif tag == _FLD_CHAR:
                self.field_char(child, rpr, links)
            elif self.field is not None:
                self.field.pieces.append(Piece(rpr, child))
                if tag in _FIELD_TEXT:
                    self.field.text += child.text or ""
            elif tag == qn("w:commentReference"):     # a comment's anchor: zero width, never a change
                r_copy = etree.Element(qn("w:r"))
                if rpr is not None:
                    r_copy.append(deepcopy(rpr))
                r_copy.append(child)
                self.marks.append(r_copy)
            elif tag in _NOTE_REFS:
                kind = _NOTE_REFS[tag]
                self.add(Atom(kind + self._link_key(links), "\ufffc", [Piece(rpr, child)], links,
                              note=(kind, child.get(qn("w:id")))))
            elif tag in _OBJECT_TEXT and not len(child):
                self.obj(Piece(rpr, child), tag + str(sorted(child.attrib.items())), _OBJECT_TEXT[tag], links)
            else:
                self.obj(Piece(rpr, child), tag, "\ufffc", links)

    def obj(self, piece: Piece, kind: str, text: str, links: tuple) -> None:
        el = piece.element
        simple = not len(el) and not any(k.startswith("{%s}" % R) for k in el.attrib)
        key = kind + (str(sorted(el.attrib.items())) if simple else ":" + self.owner.fingerprint(el))
        self.add(Atom("o" + self._link_key(links) + key, text, [piece], links))

    def field_char(self, fld, rpr, links: tuple) -> None:
        kind = fld.get(qn("w:fldCharType"))
        if kind == "begin":
            self.state.depth += 1
            if self.field is None:
                self.field = Atom("", "", [], links)
        elif kind == "end":
            self.state.depth = max(0, self.state.depth - 1)
        if self.field is None:       # a stray separate or end: keep it as an object
            self.obj(Piece(rpr, fld), "fldChar", "", links)
            return
        self.field.pieces.append(Piece(rpr, fld))
        if self.state.depth == 0:
            self.close_field()

    def close_field(self) -> None:
        atom, self.field = self.field, None
        if atom is None or not atom.pieces:
            return
        # Canonical and without unused namespace declarations, as in fingerprint: a field reads the same
        # whatever declarations the file's root makes.
        body = b"".join(etree.tostring(p.element, method="c14n", exclusive=True) for p in atom.pieces if not p.bare)
        atom.key = "f" + self._link_key(atom.links) + hashlib.sha1(body).hexdigest()[:16]
        atom.text = atom.text or "\ufffc"
        self.add(atom)

    def simple_field(self, fld, links: tuple) -> None:
        """w:fldSimple as the complex field it stands for (begin, instruction, separate, result, end), so
        that it can sit inside w:ins and w:del, where the schema allows runs but not w:fldSimple."""
        runs = [r for r in fld.iter(qn("w:r"))]
        rpr = runs[0].find(qn("w:rPr")) if runs else None
        atom = Atom("", "", [], links)
        atom.pieces.append(Piece(rpr, _fld_char("begin", fld.get(qn("w:fldLock")))))
        instr = etree.Element(qn("w:instrText"))
        instr.text = fld.get(qn("w:instr")) or ""
        instr.set(XML_SPACE, "preserve")
        atom.pieces.append(Piece(rpr, instr))
        atom.pieces.append(Piece(rpr, _fld_char("separate")))
        for r in runs:
            r_rpr = r.find(qn("w:rPr"))
            atom.pieces += [Piece(r_rpr, c) for c in r if isinstance(c.tag, str) and c.tag not in _SKIPPED]
        atom.pieces.append(Piece(rpr, _fld_char("end")))
        atom.text = text_of(fld) or "\ufffc"
        if self.field is not None:
            self.field.pieces += atom.pieces
            return
        self.field = atom
        self.close_field()

    def _link_key(self, links: tuple) -> str:
        out = []
        for link in links:
            if link.tag == _HYPERLINK:
                rid = link.get(qn("r:id"))
                out.append("<a %s#%s>" % (self.owner.digest(rid) if rid else "", link.get(qn("w:anchor")) or ""))
            else:
                out.append("<%s>" % link.tag.rsplit("}", 1)[-1])
        return "".join(out)


def _fld_char(kind: str, lock: str | None = None):
    el = etree.Element(qn("w:fldChar"))
    el.set(qn("w:fldCharType"), kind)
    if lock in ("1", "true", "on"):
        el.set(qn("w:fldLock"), "1")
    return el
