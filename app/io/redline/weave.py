"""Weave the draft into the adopted document as tracked changes: stories, paragraphs and tables.

A story (the body, a table cell, a block content control, a note, a header) is a sequence of blocks.
Blocks are paired in order (``pairing``); a paired paragraph is diffed atom by atom and written with
the adopted paragraph's properties (the draft's recorded in ``w:pPrChange`` when they differ), equal
atoms as the adopted XML (a formatting difference recorded in ``w:rPrChange``), inserted atoms inside
``w:ins`` and the draft's deleted atoms, rebuilt from its own XML, inside ``w:del``. A block present on
one side only is written whole as inserted or deleted, its paragraph marks tracked (``w:pPr/w:rPr/
w:ins|w:del``) and a table's rows tracked on the row (``w:trPr/w:ins|w:del``), so accept-all gives the
adopted document and reject-all the draft (ECMA-376 Part 1, 17.13.5).
"""
from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field

from lxml import etree
from docx.oxml.ns import qn

from app.core.worddiff import CharMap, diff_chars
from app.io.redline.atoms import XML_SPACE, Atom, Atomiser, FieldState, TextAtom, text_boxes
from app.io.redline.pairing import pair_in_order
from app.io.redline.resources import SourceImporter
from app.io.revisions_xml import Revisions, as_deleted, inside, unmark

EQ, INS, DEL = 0, 1, -1
_BLOCKS = {qn("w:p"): "p", qn("w:tbl"): "tbl", qn("w:sdt"): "sdt"}
_IN_TEXT_BOX = qn("w:txbxContent")


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
        self.rpr_keys: dict[int, bytes] = {}      # id(w:rPr) -> its key, for every paragraph's writer

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
        if out and out[-1].tag == qn("w:p"):
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
        if tag == qn("w:p"):
            return self.paragraph(db, ab, d, a)
        if tag == qn("w:tbl"):
            return self.table(db, ab, d, a)
        return self.content_control(db, ab, d, a)

    def _block_text(self, block, side: Side) -> str:
        if block.tag == qn("w:p"):
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
            if out[i].tag == qn("w:p") and (i + 1 == len(out) or out[i + 1].tag != qn("w:p")):
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
            el = next((x for x in self.styles.iterchildren(qn("w:style")) if x.get(qn("w:styleId")) == style_id), None)
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
            out = _imported(_shell(dp), d.importer)
            ppr = _ppr_copy(dp, d.importer)
            out.append(ppr)
            self.rev.mark_properties(ppr, "w:del")
            atoms, _ = d.of(dp)
            w = RunWriter(out, self.rev, d.importer, self.formatting, self.rpr_keys)
            w.atoms(DEL, atoms)
            w.flush()
            return out
        out = _shell(ap)
        a_ppr = ap.find(qn("w:pPr"))
        ppr = deepcopy(a_ppr) if a_ppr is not None else etree.Element(qn("w:pPr"))
        out.append(ppr)
        a_atoms, a_tail = a.of(ap)
        w = RunWriter(out, self.rev, d.importer, self.formatting, self.rpr_keys)
        if dp is None:
            self.rev.mark_properties(ppr, "w:ins")
            w.atoms(INS, a_atoms)
        else:
            d_atoms, _ = d.of(dp)
            d_ppr = dp.find(qn("w:pPr"))
            if _ppr_key(d_ppr) != _ppr_key(a_ppr):
                old = _ppr_copy(dp, d.importer)
                for el in old.findall(qn("w:rPr")):
                    old.remove(el)
                self.record_properties(ppr, old)
            for op, d_run, a_run in _diff(d_atoms, a_atoms, self.word_level and not whole):
                if op == EQ:
                    for da, aa in zip(d_run, a_run):
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

    # -- tables -------------------------------------------------------------------------------------
    def table(self, dt, at, d: Side, a: Side):
        out = _container(at if at is not None else dt, at is not None, ("w:tblPr", "w:tblGrid"), d.importer)
        d_rows = dt.findall(qn("w:tr")) if dt is not None else []
        a_rows = at.findall(qn("w:tr")) if at is not None else []
        d_keys = [("tr%d" % len(r.findall(qn("w:tc"))), self._block_text(r, d)) for r in d_rows]
        a_keys = [("tr%d" % len(r.findall(qn("w:tc"))), self._block_text(r, a)) for r in a_rows]
        for i, j in pair_in_order(d_keys, a_keys, by_text=self.word_level):
            out.append(self.row(d_rows[i] if i is not None else None, a_rows[j] if j is not None else None, d, a))
        return out

    def row(self, dr, ar, d: Side, a: Side):
        out = _container(ar if ar is not None else dr, ar is not None, ("w:tblPrEx", "w:trPr"), d.importer)
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
            shell = _container(dc, False, ("w:tcPr",), d.importer)
            holder = etree.Element(qn("w:tc"))
            self.story(dc, holder, d, a)
            for el in list(holder):
                shell.append(el)
            return shell
        self.story(dc, ac, d, a)      # woven in place: the adopted tree is the output
        return ac

    def content_control(self, ds, as_, d: Side, a: Side):
        out = _container(as_ if as_ is not None else ds, as_ is not None, ("w:sdtPr", "w:sdtEndPr"), d.importer)
        d_content = ds.find(qn("w:sdtContent")) if ds is not None else None
        a_content = as_.find(qn("w:sdtContent")) if as_ is not None else None
        content = a_content if a_content is not None else etree.Element(qn("w:sdtContent"))
        out.append(content)              # woven in place: the adopted tree is the output
        self.story(d_content, content, d, a)
        return out


class RunWriter:
    """Appends atoms to an output paragraph: opens the inline containers they sit in, wraps inserted
    and deleted ones in w:ins / w:del, and groups pieces under one run per run properties."""

    def __init__(self, p, rev: Revisions, draft_importer: SourceImporter | None, formatting: bool = True,
                 rpr_keys: dict[int, bytes] | None = None) -> None:
        self.p, self.rev, self.importer, self.formatting = p, rev, draft_importer, formatting
        self.chain: list[tuple[object, object]] = []     # (container key, output content parent)
        self.wrap = None
        self.wrap_kind = EQ
        self.run = None
        self.run_key = None
        self.text = None       # the run's last w:t, while text pieces follow each other ...
        self.buffer: list[str] = []      # ... and the text gathered for it
        self._rpr_keys = rpr_keys if rpr_keys is not None else {}     # the run properties stay alive

    def _parent(self):
        return self.chain[-1][1] if self.chain else self.p

    def _links(self, links: tuple, draft: bool, keys: tuple = ()) -> None:
        """Open the containers ``links`` (source elements); those already open with the same key (one
        hyperlink's target on both sides) stay open, so an edit inside a link keeps one link."""
        keys = keys or tuple(id(link) for link in links)
        k = 0
        while k < len(self.chain) and k < len(links) and self.chain[k][0] == keys[k]:
            k += 1
        if k == len(self.chain) == len(links):
            return
        self.flush()
        del self.chain[k:]
        self.wrap = self.run = None
        for link, key in zip(links[k:], keys[k:]):
            sdt = link.tag == qn("w:sdt")
            shell = _container(link, not draft, ("w:sdtPr", "w:sdtEndPr") if sdt else (), self.importer)
            content = etree.SubElement(shell, qn("w:sdtContent")) if sdt else shell
            self._parent().append(shell)
            self.chain.append((key, content))

    def markers(self, marks: list) -> None:
        self.flush()
        for mark in marks:
            self.wrap = self.run = None
            self._parent().append(mark)

    def atoms(self, kind: int, atoms: list[Atom], olds: list[Atom] | None = None) -> None:
        """Append ``atoms`` (``olds``: the equal draft atoms, for formatting changes); neighbouring text
        tokens of one run are written in one go."""
        i, n = 0, len(atoms)
        while i < n:
            a = atoms[i]
            j = i + 1
            if a.pieces is None and (olds is None or olds[i].pieces is None):
                o = olds[i].rpr if olds is not None else None
                while j < n:
                    b = atoms[j]
                    if b.pieces is not None or b.rpr is not a.rpr or b.links is not a.links or b.marks \
                            or (olds is not None and (olds[j].pieces is not None or olds[j].rpr is not o)):
                        break
                    j += 1
            if j == i + 1:
                self.atom(kind, a, olds[i] if olds is not None else None)
            else:
                self.atom(kind, a, olds[i] if olds is not None else None,
                          text="".join(x.text for x in atoms[i:j]))
            i = j

    def atom(self, kind: int, atom: Atom, old: Atom | None = None, text: str | None = None) -> None:
        """Append one atom (``text``: the text of it and the tokens after it, written at once)."""
        draft = kind == DEL
        if atom.links or self.chain:
            self._links(atom.links, draft, atom.link_keys)
        if atom.marks and not draft:
            self.markers(atom.marks)
        if atom.pieces is None:
            self.piece(kind, atom.rpr, atom.text if text is None else text, False, self._was(atom.rpr, old, 0))
            return
        at = 0
        for piece in atom.pieces:
            self.piece(kind, piece.rpr, piece.element, piece.bare, self._was(piece.rpr, old, at))
            if isinstance(piece.element, str):
                at += len(piece.element)

    def _was(self, rpr, old: Atom | None, at: int):
        """The draft's run properties where they differ from ``rpr`` for the equal text at offset ``at``
        of ``old`` (an empty w:rPr when the draft's run had none), else None."""
        if old is None or not self.formatting:
            return None
        o = old.rpr
        if old.pieces is not None:
            o, start = old.first_rpr, 0
            for piece in old.pieces:
                if isinstance(piece.element, str):
                    if start <= at < start + len(piece.element):
                        o = piece.rpr
                        break
                    start += len(piece.element)
        if o is rpr or self._rpr_key(o) == self._rpr_key(rpr):
            return None
        return o if o is not None else _NO_RPR

    def _rpr_key(self, rpr) -> bytes:
        if rpr is None:
            return b""
        key = self._rpr_keys.get(id(rpr))
        if key is None:
            key = self._rpr_keys[id(rpr)] = _rpr_key(rpr)
        return key

    def piece(self, kind: int, rpr, el, bare: bool, old_rpr=None) -> None:
        """Append one piece: ``el`` is text (a str) or an element of run content (or, when ``bare``, of
        the paragraph), under run properties ``rpr``; ``old_rpr`` the draft's, when they differ."""
        if kind != self.wrap_kind or (kind != EQ and self.wrap is None):
            self.flush()
            self.wrap = self.rev.wrap("w:ins" if kind == INS else "w:del", []) if kind != EQ else None
            if self.wrap is not None:
                self._parent().append(self.wrap)
            self.wrap_kind = kind
            self.run = None
        holder = self.wrap if self.wrap is not None else self._parent()
        text = isinstance(el, str)
        if kind == DEL and not text:
            el = _imported(as_deleted(el), self.importer)
            if el is None:
                return
        if bare:
            self.flush()
            self.run = None
            holder.append(el)
            return
        key = (id(rpr), id(old_rpr))
        if self.run is None or self.run_key != key or self.run.getparent() is not holder:
            self.flush()
            self.run = etree.SubElement(holder, qn("w:r"))
            self.run_key = key
            props = deepcopy(rpr) if rpr is not None else None
            if props is not None and kind == DEL:
                _imported(props, self.importer)
            if old_rpr is not None:
                props = props if props is not None else etree.Element(qn("w:rPr"))
                self.rev.run_properties_change(props, _imported(deepcopy(old_rpr), self.importer))
            if props is not None:
                self.run.append(props)
        if not text:
            self.flush()
            self.run.append(el)
        elif self.text is not None:          # text goes on in the run's last w:t (w:delText)
            self.buffer.append(el)
        else:
            self.text = etree.SubElement(self.run, qn("w:delText" if kind == DEL else "w:t"))
            self.text.set(XML_SPACE, "preserve")
            self.buffer = [el]

    def flush(self) -> None:
        """Write the text gathered for the run's last w:t; call before anything else is appended."""
        if self.text is not None:
            self.text.text = "".join(self.buffer)
            self.text, self.buffer = None, []


# -- helpers ----------------------------------------------------------------------------------------
_NOT_BASE = (qn("w:rPr"), qn("w:sectPr"), qn("w:pPrChange"))
_NO_RPR = etree.Element(qn("w:rPr"))        # a draft run without properties, as an old form to record
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
    mark = p.find(qn("w:pPr") + "/" + qn("w:rPr"))
    return next((el.tag for el in (mark if mark is not None else ()) if el.tag in (qn("w:ins"), qn("w:del"))), None)


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


def _key(elements) -> bytes:
    """What a list of property elements says, for comparing (canonical XML)."""
    return b"".join(etree.tostring(c, method="c14n") for c in elements)


def _same(a: list, b: list) -> bool:
    return _key(a) == _key(b)


def _blocks(parent) -> list[tuple[object, list]]:
    """Block children of a story with the non-block elements (bookmarks ...) standing before each."""
    out, before = [], []
    for child in parent:
        if child.tag in _BLOCKS:
            out.append((child, before))
            before = []
        elif isinstance(child.tag, str) and child.tag not in (qn("w:sectPr"), qn("w:tcPr"), qn("w:sdtPr"),
                                                               qn("w:sdtEndPr")):
            before.append(child)
    return out


def _first_trailing(parent):
    """The element new blocks go before: a body's final w:sectPr."""
    last = parent[-1] if len(parent) else None
    return last if last is not None and last.tag == qn("w:sectPr") else None


def _shell(el):
    """An empty element with ``el``'s tag and attributes."""
    out = etree.Element(el.tag, nsmap=el.nsmap)
    for k, v in el.attrib.items():
        out.set(k, v)
    return out


def _container(src, adopted: bool, tags: tuple[str, ...], importer: SourceImporter | None):
    """An empty ``src`` (a table, row, cell or content control) with copies of its property children
    ``tags``; a draft one (``adopted`` False) made valid in the adopted package."""
    out = _shell(src) if adopted else _imported(_shell(src), importer)
    for tag in tags:
        el = src.find(qn(tag))
        if el is not None:
            out.append(deepcopy(el) if adopted else _imported(deepcopy(el), importer))
    return out


def _imported(el, importer: SourceImporter | None):
    """``el`` from the draft made valid in the adopted package, or None when it has no place there (a
    draft comment anchor or bookmark)."""
    return importer.element(el) if importer is not None else el


def _ppr_copy(p, importer):
    ppr = p.find(qn("w:pPr"))
    out = deepcopy(ppr) if ppr is not None else etree.Element(qn("w:pPr"))
    for el in out.findall(qn("w:sectPr")) + out.findall(qn("w:pPrChange")):
        out.remove(el)
    return _imported(out, importer)


def _ppr_key(ppr) -> bytes:
    return b"" if ppr is None else _key(c for c in ppr if c.tag not in _NOT_BASE)


def _rpr_key(rpr) -> bytes:
    return b"" if rpr is None else _key(c for c in rpr if c.tag != qn("w:rPrChange"))


def _diff(d_atoms: list[Atom], a_atoms: list[Atom], word_level: bool):
    """(op, draft atoms, adopted atoms) runs in reading order, each deletion before its insertion."""
    d_keys, a_keys = [x.key for x in d_atoms], [x.key for x in a_atoms]
    if d_keys == a_keys:        # also across languages: a symbol, a date line, a running head
        return [(EQ, d_atoms, a_atoms)] if d_atoms else []
    if not word_level:
        out = []
        if d_atoms:
            out.append((DEL, d_atoms, []))
        if a_atoms:
            out.append((INS, [], a_atoms))
        return out
    codes = {k: chr(0x100 + n) for n, k in enumerate(dict.fromkeys(d_keys + a_keys))}   # < 0xD800 here
    if len(codes) >= 0xD800 - 0x100:
        charmap = CharMap()
        a_chars, b_chars = charmap.encode(d_keys), charmap.encode(a_keys)
    else:
        a_chars, b_chars = "".join(map(codes.__getitem__, d_keys)), "".join(map(codes.__getitem__, a_keys))
    out, i, j = [], 0, 0
    for code, chunk in diff_chars(a_chars, b_chars):
        n = len(chunk)
        if code == 0:
            out.append((EQ, d_atoms[i:i + n], a_atoms[j:j + n]))
            i, j = i + n, j + n
        elif code < 0:
            out.append((DEL, d_atoms[i:i + n], []))
            i += n
        else:
            out.append((INS, [], a_atoms[j:j + n]))
            j += n
    return _keep_shared_spaces(out)


def _keep_shared_spaces(ops: list) -> list:
    """A replacement whose two sides end with the same spaces ("some " -> "all ") keeps the spaces as
    equal text, so only the words are struck and inserted (units carry their trailing spaces)."""
    out = []
    for op in ops:
        if out and op[0] == INS and out[-1][0] == DEL:
            d_last, a_last = out[-1][1][-1], op[2][-1]
            space = _trailing_space(d_last.text)
            if space and d_last.pieces is None and a_last.pieces is None and _trailing_space(a_last.text) == space \
                    and len(d_last.text) > len(space) and len(a_last.text) > len(space):
                d_word, d_space = _split_text_atom(d_last, len(space))
                a_word, a_space = _split_text_atom(a_last, len(space))
                out[-1] = (DEL, out[-1][1][:-1] + [d_word], [])
                out += [(INS, [], op[2][:-1] + [a_word]), (EQ, [d_space], [a_space])]
                continue
        out.append(op)
    return out


def _trailing_space(text: str) -> str:
    return text[len(text.rstrip()):]


def _split_text_atom(atom, n: int) -> tuple:
    """A text atom cut before its last ``n`` characters: (the word, the spaces)."""
    word, space = atom.text[:-n], atom.text[-n:]
    prefix = atom.key[:len(atom.key) - len(atom.text)]
    return (TextAtom(prefix + word, word, atom.rpr, atom.links, atom.marks, atom.link_keys),
            TextAtom(prefix + space, space, atom.rpr, atom.links, None, atom.link_keys))
