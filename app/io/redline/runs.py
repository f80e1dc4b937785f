"""A paragraph pair's atoms as runs: diffed into equal, deleted and inserted runs of atoms (``diff``),
and written as WordprocessingML (``RunWriter``): equal atoms as the adopted XML, inserted ones inside
``w:ins`` and the draft's deleted ones, rebuilt from its own XML, inside ``w:del``; a run formatting
difference on equal words recorded in ``w:rPrChange``. Also the helpers that copy elements for the
output (``shell``, ``container``, ``imported``) and compare property elements (``properties_key``).
Used by ``weave``, which walks the stories and paragraphs.
"""
from __future__ import annotations

from copy import deepcopy

from lxml import etree
from docx.oxml.ns import qn

from app.core.worddiff import CharMap, diff_chars
from app.io.redline.atoms import XML_SPACE, Atom, TextAtom
from app.io.redline.resources import SourceImporter
from app.io.revisions_xml import Revisions, as_deleted

EQ, INS, DEL = 0, 1, -1
_R, _RPR, _T, _DEL_TEXT = qn("w:r"), qn("w:rPr"), qn("w:t"), qn("w:delText")
_RPR_CHANGE, _SDT, _SDT_CONTENT = qn("w:rPrChange"), qn("w:sdt"), qn("w:sdtContent")


class RunWriter:
    """Appends atoms to an output paragraph: opens the inline containers they sit in, wraps inserted
    and deleted ones in w:ins / w:del, and groups pieces under one run per run properties."""

    def __init__(self, p, rev: Revisions, draft_importer: SourceImporter | None, formatting: bool = True,
                 rpr_keys: dict[int, tuple] | None = None) -> None:
        self.p, self.rev, self.importer, self.formatting = p, rev, draft_importer, formatting
        self.chain: list[tuple[object, object]] = []     # (container key, output content parent)
        self.wrap = None
        self.wrap_kind = EQ
        self.run = None
        self.run_props = (None, None)    # the run's (rpr, old rpr), as given
        self.run_holder = None           # the run's parent
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
            sdt = link.tag == _SDT
            opened = container(link, not draft, ("w:sdtPr", "w:sdtEndPr") if sdt else (), self.importer)
            content = etree.SubElement(opened, _SDT_CONTENT) if sdt else opened
            self._parent().append(opened)
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
            if a.pieces is None:
                rpr, links = a.rpr, a.links
                if olds is None:
                    while j < n:
                        b = atoms[j]
                        if b.pieces is not None or b.rpr is not rpr or b.links is not links or b.marks:
                            break
                        j += 1
                elif olds[i].pieces is None:
                    o = olds[i].rpr
                    while j < n:
                        b, c = atoms[j], olds[j]
                        if b.pieces is not None or b.rpr is not rpr or b.links is not links or b.marks \
                                or c.pieces is not None or c.rpr is not o:
                            break
                        j += 1
            if j == i + 1:
                self.atom(kind, a, olds[i] if olds is not None else None)
            else:
                self.atom(kind, a, olds[i] if olds is not None else None,
                          text="".join([x.text for x in atoms[i:j]]))
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
        if o is rpr and old.pieces is None:
            return None
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

    def _rpr_key(self, rpr) -> tuple:
        if rpr is None:
            return ()
        key = self._rpr_keys.get(id(rpr))
        if key is None:
            key = self._rpr_keys[id(rpr)] = rpr_key(rpr)
        return key

    def piece(self, kind: int, rpr, el, bare: bool, old_rpr=None) -> None:
        """Append one piece: ``el`` is text (a str) or an element of run content (or, when ``bare``, of
        the paragraph), under run properties ``rpr``; ``old_rpr`` the draft's, when they differ."""
        if kind != self.wrap_kind or (kind != EQ and self.wrap is None):
            if self.text is not None:
                self.flush()
            self.wrap = self.rev.add(self._parent(), "w:ins" if kind == INS else "w:del") if kind != EQ else None
            self.wrap_kind = kind
            self.run = None
        holder = self.wrap
        if holder is None:
            holder = self.chain[-1][1] if self.chain else self.p
        text = type(el) is str
        if kind == DEL and not text:
            el = imported(as_deleted(el), self.importer)
            if el is None:
                return
        if bare:
            self.flush()
            self.run = None
            holder.append(el)
            return
        run_rpr, run_old = self.run_props
        if self.run is None or run_rpr is not rpr or run_old is not old_rpr or self.run_holder is not holder:
            if self.text is not None:
                self.flush()
            self.run = etree.SubElement(holder, _R)
            self.run_props, self.run_holder = (rpr, old_rpr), holder
            props = deepcopy(rpr) if rpr is not None else None
            if props is not None and kind == DEL:
                imported(props, self.importer)
            if old_rpr is not None:
                props = props if props is not None else etree.Element(_RPR)
                self.rev.run_properties_change(props, imported(deepcopy(old_rpr), self.importer))
            if props is not None:
                self.run.append(props)
        if not text:
            if self.text is not None:
                self.flush()
            self.run.append(el)
        elif self.text is not None:          # text goes on in the run's last w:t (w:delText)
            self.buffer.append(el)
        else:
            self.text = etree.SubElement(self.run, _DEL_TEXT if kind == DEL else _T, _PRESERVE)
            self.buffer = [el]

    def flush(self) -> None:
        """Write the text gathered for the run's last w:t; call before anything else is appended."""
        if self.text is not None:
            self.text.text = "".join(self.buffer)
            self.text, self.buffer = None, []


_NO_RPR = etree.Element(qn("w:rPr"))        # a draft run without properties, as an old form to record
_PRESERVE = {XML_SPACE: "preserve"}


def shell(el):
    """An empty element with ``el``'s tag and attributes."""
    out = etree.Element(el.tag, nsmap=el.nsmap)
    for k, v in el.attrib.items():
        out.set(k, v)
    return out


def container(src, adopted: bool, tags: tuple[str, ...], importer: SourceImporter | None):
    """An empty ``src`` (a table, row, cell or content control) with copies of its property children
    ``tags``; a draft one (``adopted`` False) made valid in the adopted package."""
    out = shell(src) if adopted else imported(shell(src), importer)
    for tag in tags:
        el = src.find(qn(tag))
        if el is not None:
            out.append(deepcopy(el) if adopted else imported(deepcopy(el), importer))
    return out


def imported(el, importer: SourceImporter | None):
    """``el`` from the draft made valid in the adopted package, or None when it has no place there (a
    draft comment anchor or bookmark)."""
    return importer.element(el) if importer is not None else el


def properties_key(elements) -> tuple:
    """What a list of property elements says, for comparing: each element's name, attributes (in any
    order), text and children, compared by namespace URI. Unlike canonical XML, it does not hold the
    namespace declarations in scope, which differ between files written by different versions of Word
    and would make every paragraph and run of such a pair a formatting change; nor the white space
    between elements of a pretty-printed file (property elements hold no text of their own)."""
    return tuple(_element_key(c) for c in elements if isinstance(c.tag, str))


def _element_key(el) -> tuple:
    text = el.text
    children = tuple(_element_key(c) for c in el if isinstance(c.tag, str)) if len(el) else ()
    return (el.tag, tuple(sorted(el.attrib.items())) if el.attrib else (),
            text if text and not text.isspace() else None, children)


def rpr_key(rpr) -> tuple:
    return () if rpr is None else properties_key(c for c in rpr if c.tag != _RPR_CHANGE)


def diff(d_atoms: list[Atom], a_atoms: list[Atom], word_level: bool):
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
    codes = dict(zip(dict.fromkeys(d_keys + a_keys), map(chr, range(0x100, 0xD800))))   # in order of first use
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
