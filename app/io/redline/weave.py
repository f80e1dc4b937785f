"""Weave the draft into the adopted document as tracked changes: stories, paragraphs and tables.

A story (the body, a table cell, a block content control, a note, a header) is a sequence of blocks.
Blocks are paired in order (``pairing``); a paired paragraph is diffed atom by atom (``runs``) and
written with the adopted paragraph's properties (the draft's recorded in ``w:pPrChange`` when they differ), equal
atoms as the adopted XML (a formatting difference recorded in ``w:rPrChange``), inserted atoms inside
``w:ins`` and the draft's deleted atoms, rebuilt from its own XML, inside ``w:del``. A block present on
one side only is written whole as inserted or deleted, its paragraph marks tracked (``w:pPr/w:rPr/
w:ins|w:del``) and a table's rows tracked on the row (``w:trPr/w:ins|w:del``), so accept-all gives the
adopted document and reject-all the draft (ECMA-376 Part 1, 17.13.5).
"""
from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field
from operator import attrgetter

from lxml import etree
from docx.oxml.ns import qn

from app.io.redline.atoms import Atom, Atomiser, FieldState, text_boxes
from app.io.redline.pairing import pair_in_order
from app.io.redline.resources import FirstChildIndex, SourceImporter
from app.io.redline.runs import (DEL, EQ, INS, RunWriter, container, diff, imported, properties_key,
                                 shell)
from app.io.revisions_xml import Revisions, inside, unmark
_BLOCKS = {qn("w:p"): "p", qn("w:tbl"): "tbl", qn("w:sdt"): "sdt"}
_IN_TEXT_BOX = qn("w:txbxContent")
_P, _TBL, _PPR, _RPR, _R, _T, _DEL_TEXT = (qn(t) for t in ("w:p", "w:tbl", "w:pPr", "w:rPr", "w:r", "w:t", "w:delText"))
_INS_MARK, _DEL_MARK, _RPR_CHANGE, _SECT_PR = qn("w:ins"), qn("w:del"), qn("w:rPrChange"), qn("w:sectPr")
_MARK_PATH = _PPR + "/" + _RPR
_NOT_BLOCK = {qn(t) for t in ("w:sectPr", "w:tcPr", "w:sdtPr", "w:sdtEndPr")}
_STYLE, _STYLE_ID = qn("w:style"), qn("w:styleId")
_HOLDER = "{urn:draft-compare:redline}holder"      # never written: shells leave it for their story


@dataclass
class Side:
    """One side of a story pair: the part it lives in, an atomiser for it, and (for the draft) the
    importer that makes its XML valid in the adopted package."""

    atomiser: Atomiser
    importer: SourceImporter | None = None
    atoms: dict = field(default_factory=dict)      # w:p -> (atoms, trailing markers)
    fields: FieldState = field(default_factory=FieldState)

    def of(self, p) -> tuple[list[Atom], list]:
        got = self.atoms.get(p)          # keyed by the element: the key keeps lxml's proxy alive
        if got is None:
            got = self.atoms[p] = self.atomiser.paragraph(p, self.fields)
        return got


class Weaver:
    """Writes woven stories; ``notes`` collects the (kind, draft id, adopted id) of note references
    kept equal, whose note texts are woven afterwards."""

    def __init__(self, rev: Revisions, *, word_level: bool = True, hints: dict | None = None,
                 styles=None, formatting: bool = True) -> None:
        self.rev = rev
        self.formatting = formatting      # record run formatting changes on equal words (w:rPrChange)
        self.styles = styles              # the adopted w:styles (draft styles carried in): list numbering
        self.word_level = word_level
        self.hints = hints or {}          # draft block -> adopted block (None: unpaired), from the comparison
        self.notes: list[tuple[str, str, str]] = []
        self.rpr_keys: dict[int, tuple] = {}      # id(w:rPr) -> its key, for every paragraph's writer
        self._holders: dict = {}      # adopted story parent -> (its namespaces, an element declaring them)
        self._styles_by_id = FirstChildIndex(_STYLE, _STYLE_ID)   # read again when styles are carried in

    # -- stories ------------------------------------------------------------------------------------
    def story(self, draft_parent, adopted_parent, d: Side, a: Side) -> None:
        """Replace the blocks of ``adopted_parent`` by the woven blocks of both sides (either parent may
        be None: everything of the other side is then inserted or deleted, into ``adopted_parent``)."""
        d_blocks = _blocks(draft_parent) if draft_parent is not None else []
        a_blocks = _blocks(adopted_parent)
        anchors, alone = None, None
        if self.hints:
            where = {b: j for j, (b, _) in enumerate(a_blocks)}
            anchors = [(i, where[self.hints[b]]) for i, (b, _) in enumerate(d_blocks)
                       if self.hints.get(b) is not None and self.hints[b] in where] or None
            alone = ({i for i, (b, _) in enumerate(d_blocks) if b in self.hints and self.hints[b] is None},
                     {j for j, (b, _) in enumerate(a_blocks) if b in self.hints and self.hints[b] is None})
        if anchors is None:       # no pairs from the comparison here: the aligner reads the blocks' text
            d_keys = [(_BLOCKS[b.tag], self._block_text(b, d)) for b, _ in d_blocks]
            a_keys = [(_BLOCKS[b.tag], self._block_text(b, a)) for b, _ in a_blocks]
        else:
            d_keys = [(_BLOCKS[b.tag], "") for b, _ in d_blocks]
            a_keys = [(_BLOCKS[b.tag], "") for b, _ in a_blocks]
        out: list = []
        steps = pair_in_order(d_keys, a_keys, by_text=self.word_level, anchors=anchors, alone=alone)
        for i, j, whole in _join_stranded(steps, d_keys, a_keys):
            if j is not None:
                out += a_blocks[j][1]          # adopted block-level markers before the block
            db = d_blocks[i][0] if i is not None else None
            ab = a_blocks[j][0] if j is not None else None
            out.append(self.paragraph(db, ab, d, a, whole=True) if whole else self.block(db, ab, d, a))
        self._move_stranded_marks(out)
        if out and out[-1].tag == _P:
            unmark(out[-1])      # a story's last paragraph mark ends the cell, note or body: never tracked
        _settle_joins(out, self.record_properties)
        anchor = _first_trailing(adopted_parent)
        for b, before in a_blocks:
            for el in before:
                if el.getparent() is adopted_parent:
                    adopted_parent.remove(el)
            if b.getparent() is adopted_parent:
                adopted_parent.remove(b)
        for el in out:
            if anchor is not None:
                anchor.addprevious(el)
            else:
                adopted_parent.append(el)

    def block(self, db, ab, d: Side, a: Side):
        tag = (ab if ab is not None else db).tag
        if tag == _P:
            return self.paragraph(db, ab, d, a)
        if tag == _TBL:
            return self.table(db, ab, d, a)
        return self.content_control(db, ab, d, a)

    def _block_text(self, block, side: Side) -> str:
        if block.tag == _P:
            atoms, _ = side.of(block)
            return "".join(x.text if x.key.startswith("t") else " %s " % x.key[-8:] for x in atoms)
        return " ".join(self._block_text(p, side) for p in block.iter(qn("w:p"))
                        if not inside(p, _IN_TEXT_BOX, block))

    def _move_stranded_marks(self, out: list) -> None:
        """A tracked paragraph mark that nothing can follow (the story's last, or one before a table)
        cannot go: the paragraphs wholly deleted (or inserted) there would leave an empty paragraph. The
        mark of the paragraph before them is tracked instead, as Word does, and the last of them takes,
        in that view, the properties of the paragraph it then joins."""
        for i in range(len(out)):
            if out[i].tag == _P and (i + 1 == len(out) or out[i + 1].tag != _P):
                self._move_mark(out, i)

    def _move_mark(self, out: list, i: int) -> None:
        kind = _mark_kind(out[i])
        if kind is None:
            return
        k = i
        while k > 0 and out[k - 1].tag == qn("w:p") and _mark_kind(out[k - 1]) == kind:
            k -= 1
        if k == 0 or out[k - 1].tag != qn("w:p") or _mark_kind(out[k - 1]) is not None:
            return
        before, last = out[k - 1], out[i]
        unmark(last)
        ppr = before.find(qn("w:pPr"))
        if ppr is None:
            ppr = etree.Element(qn("w:pPr"))
            before.insert(0, ppr)
        self.rev.mark_properties(ppr, "w:del" if kind == qn("w:del") else "w:ins")
        last_ppr = last.find(qn("w:pPr"))
        if last_ppr is None:
            last_ppr = etree.Element(qn("w:pPr"))
            last.insert(0, last_ppr)
        _join_properties(last_ppr, kind, before, self.record_properties)

    def record_properties(self, ppr, old) -> None:
        """Record ``old`` (a w:pPr) as the properties ``ppr`` had before (w:pPrChange), with list
        numbering made explicit: numbering a style gives is written as direct w:numPr, and "no
        numbering" where ``ppr`` numbers as w:numId 0 (ECMA-376 Part 1, 17.9.18). LibreOffice 7.4
        restores a style's numbering on reject-all only that way when the paragraph also holds text
        revisions; Word reads both forms alike."""
        old_num, new_num = self._numbering(old), self._numbering(ppr)
        if old.find(qn("w:numPr")) is None and (old_num is not None or new_num is not None):
            num_pr = etree.Element(qn("w:numPr"))
            etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), old_num[1] if old_num else "0")
            etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), old_num[0] if old_num else "0")
            later = next((c for c in old if c.tag not in _BEFORE_NUMPR), None)
            if later is None:
                old.append(num_pr)
            else:
                later.addprevious(num_pr)
        for change in ppr.findall(qn("w:pPrChange")):      # one record: the latest word on the old form
            ppr.remove(change)
        self.rev.paragraph_change(ppr, old)

    def _numbering(self, ppr) -> tuple[str, str] | None:
        """(numId, ilvl) that ``ppr`` numbers its paragraph with, directly or through its style."""
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        if num_pr is not None:
            num_id = num_pr.find(qn("w:numId"))
            level = num_pr.find(qn("w:ilvl"))
            if num_id is not None and num_id.get(qn("w:val")) != "0":
                return num_id.get(qn("w:val")), level.get(qn("w:val")) if level is not None else "0"
            return None
        style = ppr.find(qn("w:pStyle")) if ppr is not None else None
        seen = set()
        style_id = style.get(qn("w:val")) if style is not None else None
        while style_id and self.styles is not None and style_id not in seen:
            seen.add(style_id)
            el = self._styles_by_id.get(self.styles, style_id)
            if el is None:
                return None
            num_pr = el.find(qn("w:pPr") + "/" + qn("w:numPr"))
            if num_pr is not None:
                num_id, level = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
                if num_id is None or num_id.get(qn("w:val")) == "0":
                    return None
                return num_id.get(qn("w:val")), level.get(qn("w:val")) if level is not None else "0"
            based = el.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return None

    # -- paragraphs ---------------------------------------------------------------------------------
    def paragraph(self, dp, ap, d: Side, a: Side, whole: bool = False):
        """One output paragraph: ``dp`` deleted, ``ap`` inserted, or the pair woven (``whole``: the
        draft text deleted and the adopted text inserted, not word by word)."""
        if ap is None:
            out = imported(shell(dp), d.importer)
            ppr = _ppr_copy(dp, d.importer)
            out.append(ppr)
            self.rev.mark_properties(ppr, "w:del")
            atoms, _ = d.of(dp)
            w = RunWriter(out, self.rev, d.importer, self.formatting, self.rpr_keys)
            w.atoms(DEL, atoms)
            w.flush()
            return out
        out = self._adopted_shell(ap)
        a_ppr = ap.find(_PPR)
        ppr = deepcopy(a_ppr) if a_ppr is not None else etree.Element(_PPR)
        out.append(ppr)
        a_atoms, a_tail = a.of(ap)
        w = RunWriter(out, self.rev, d.importer, self.formatting, self.rpr_keys)
        if dp is None:
            self.rev.mark_properties(ppr, "w:ins")
            w.atoms(INS, a_atoms)
        else:
            d_atoms, _ = d.of(dp)
            d_ppr = dp.find(_PPR)
            if _ppr_key(d_ppr) != _ppr_key(a_ppr):
                old = _ppr_copy(dp, d.importer)
                for el in old.findall(_RPR):
                    old.remove(el)
                self.record_properties(ppr, old)
            for op, d_run, a_run in diff(d_atoms, a_atoms, self.word_level and not whole):
                if op == EQ:
                    for da, aa in (zip(d_run, a_run) if _has_pieces(a_run) else ()):
                        if aa.pieces is not None:
                            for d_box, a_box in zip(text_boxes(da), text_boxes(aa)):
                                self.story(d_box, a_box, d, a)
                            if aa.note and da.note:
                                self.notes.append((aa.note[0], da.note[1], aa.note[1]))
                    w.atoms(EQ, a_run, d_run)
                else:
                    w.atoms(op, d_run if op == DEL else a_run)
        w.markers(a_tail)
        if not len(ppr):
            out.remove(ppr)
        return out

    def _adopted_shell(self, ap):
        """``shell(ap)`` for an adopted paragraph still in its story: made inside a holder element that
        declares the story's namespaces, so that the shell carries no declarations of its own (writing
        them all on every paragraph, for the move into the story to strip them again, was a tenth of
        the time). The XML written is the same; a paragraph declaring namespaces of its own, or a story
        with a default namespace, takes ``_shell``."""
        parent = ap.getparent()
        got = self._holders.get(parent)
        if got is None:
            nsmap = parent.nsmap if parent is not None else None
            holder = etree.Element(_HOLDER, nsmap=nsmap) if nsmap and None not in nsmap else None
            got = self._holders[parent] = (nsmap, holder)
        nsmap, holder = got
        if holder is None or ap.nsmap != nsmap:
            return shell(ap)
        return etree.SubElement(holder, ap.tag, ap.attrib)

    # -- tables -------------------------------------------------------------------------------------
    def table(self, dt, at, d: Side, a: Side):
        out = container(at if at is not None else dt, at is not None, ("w:tblPr", "w:tblGrid"), d.importer)
        d_rows = dt.findall(qn("w:tr")) if dt is not None else []
        a_rows = at.findall(qn("w:tr")) if at is not None else []
        d_keys = [("tr%d" % len(r.findall(qn("w:tc"))), self._block_text(r, d)) for r in d_rows]
        a_keys = [("tr%d" % len(r.findall(qn("w:tc"))), self._block_text(r, a)) for r in a_rows]
        for i, j in pair_in_order(d_keys, a_keys, by_text=self.word_level):
            out.append(self.row(d_rows[i] if i is not None else None, a_rows[j] if j is not None else None, d, a))
        return out

    def row(self, dr, ar, d: Side, a: Side):
        out = container(ar if ar is not None else dr, ar is not None, ("w:tblPrEx", "w:trPr"), d.importer)
        if ar is None or dr is None:
            self.rev.mark_row(out, "w:del" if ar is None else "w:ins")
        d_cells = dr.findall(qn("w:tc")) if dr is not None else []
        a_cells = ar.findall(qn("w:tc")) if ar is not None else []
        for k in range(max(len(d_cells), len(a_cells))):
            dc = d_cells[k] if ar is None or dr is not None else None
            ac = a_cells[k] if ar is not None else None
            out.append(self.cell(dc, ac, d, a))
        return out

    def cell(self, dc, ac, d: Side, a: Side):
        if ac is None:                       # a cell of a deleted row: its paragraphs deleted
            shell = container(dc, False, ("w:tcPr",), d.importer)
            holder = etree.Element(qn("w:tc"))
            self.story(dc, holder, d, a)
            for el in list(holder):
                shell.append(el)
            return shell
        self.story(dc, ac, d, a)      # woven in place: the adopted tree is the output
        return ac

    def content_control(self, ds, as_, d: Side, a: Side):
        out = container(as_ if as_ is not None else ds, as_ is not None, ("w:sdtPr", "w:sdtEndPr"), d.importer)
        d_content = ds.find(qn("w:sdtContent")) if ds is not None else None
        a_content = as_.find(qn("w:sdtContent")) if as_ is not None else None
        content = a_content if a_content is not None else etree.Element(qn("w:sdtContent"))
        out.append(content)              # woven in place: the adopted tree is the output
        self.story(d_content, content, d, a)
        return out


# -- helpers ----------------------------------------------------------------------------------------
_NOT_BASE = (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange"))
_PIECES = attrgetter("pieces")


def _has_pieces(atoms: list) -> bool:
    """Whether an atom of ``atoms`` has pieces (an object, or text across runs), read at C speed."""
    return list(map(_PIECES, atoms)).count(None) != len(atoms)


# CT_PPrBase children that come before w:numPr in the schema sequence.
_BEFORE_NUMPR = {qn(t) for t in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
                                  "w:widowControl")}


def _join_stranded(steps: list, d_keys: list, a_keys: list) -> list[tuple]:
    """(i, j, whole) steps. A paragraph deleted and then one inserted right before a table or at the end
    of the story would leave an empty paragraph in one view (the inserted one's mark cannot go there,
    nor move onto the deleted one's): they are written as one paragraph, replaced whole."""
    out = [(i, j, False) for i, j in steps]
    for k in range(len(out) - 1):
        (i, _, _), (_, j, _) = out[k], out[k + 1]
        if i is None or out[k][1] is not None or j is None or out[k + 1][0] is not None:
            continue
        if d_keys[i][0] != "p" or a_keys[j][0] != "p":
            continue
        after = out[k + 2] if k + 2 < len(out) else None
        ends = after is None or (after[1] is not None and a_keys[after[1]][0] != "p") or \
            (after[1] is None and after[0] is not None and d_keys[after[0]][0] != "p")
        if ends:
            out[k], out[k + 1] = (i, j, True), (None, None, False)
    return [step for step in out if step[0] is not None or step[1] is not None]


def _settle_joins(out: list, record) -> None:
    """Paragraph properties for the joins that a tracked paragraph mark makes.

    Accepting a deleted mark (or rejecting an inserted one) joins the paragraph to the next, and
    LibreOffice gives the joined paragraph the properties of the first one, where Word keeps the
    surviving mark's. So a wholly deleted paragraph takes, in its accept view, the properties of the
    paragraph it joins (its own recorded in w:pPrChange for reject-all), and a wholly inserted one
    records, for reject-all, the properties the paragraph it joins shows then. Both clients then agree.
    Walked from the end, so a run of such paragraphs takes the properties of the one they all join."""
    for k in range(len(out) - 2, -1, -1):
        p, nxt = out[k], out[k + 1]
        if p.tag != qn("w:p") or nxt.tag != qn("w:p"):
            continue
        kind = _mark_kind(p)
        if kind is None:
            continue
        _join_properties(p.find(qn("w:pPr")), kind, nxt, record)


def _join_properties(ppr, kind: str, partner, record) -> None:
    """Paragraph properties ``ppr`` for a mark tracked as ``kind`` that joins its paragraph to
    ``partner`` in one view: deleted, the paragraph shows ``partner``'s accept-view properties (its own
    recorded for reject-all); inserted, it records ``partner``'s reject-view properties."""
    own = [c for c in ppr if c.tag not in _NOT_BASE]
    joined = _view(partner, accepted=kind == qn("w:del"))
    if _same(own, joined):
        return
    old = etree.Element(qn("w:pPr"))
    if kind == qn("w:del"):
        for c in own:
            old.append(c)                     # moved out of ppr
        for n, c in enumerate(joined):
            ppr.insert(n, deepcopy(c))
    else:
        for c in joined:
            old.append(deepcopy(c))
    record(ppr, old)


def _mark_kind(p):
    """w:ins or w:del when paragraph ``p``'s own mark is tracked, else None."""
    mark = p.find(_MARK_PATH)
    if mark is None:
        return None
    return next((el.tag for el in mark if el.tag == _INS_MARK or el.tag == _DEL_MARK), None)


def _view(p, accepted: bool) -> list:
    """The base paragraph properties ``p`` shows after accept-all or reject-all."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return []
    change = ppr.find(qn("w:pPrChange"))
    if not accepted and change is not None:
        old = change.find(qn("w:pPr"))
        return [c for c in old] if old is not None else []
    return [c for c in ppr if c.tag not in _NOT_BASE]


def _same(a: list, b: list) -> bool:
    return properties_key(a) == properties_key(b)


def _blocks(parent) -> list[tuple[object, list]]:
    """Block children of a story with the non-block elements (bookmarks ...) standing before each."""
    out, before = [], []
    for child in parent:
        if child.tag in _BLOCKS:
            out.append((child, before))
            before = []
        elif isinstance(child.tag, str) and child.tag not in _NOT_BLOCK:
            before.append(child)
    return out


def _first_trailing(parent):
    """The element new blocks go before: a body's final w:sectPr."""
    last = parent[-1] if len(parent) else None
    return last if last is not None and last.tag == _SECT_PR else None


def _ppr_copy(p, importer):
    ppr = p.find(qn("w:pPr"))
    out = deepcopy(ppr) if ppr is not None else etree.Element(qn("w:pPr"))
    for el in out.findall(qn("w:sectPr")) + out.findall(qn("w:pPrChange")):
        out.remove(el)
    return imported(out, importer)


def _ppr_key(ppr) -> tuple:
    return () if ppr is None else properties_key(c for c in ppr if c.tag not in _NOT_BASE)
