"""What draft XML needs when it is written into the adopted package: the parts its relationships point
at (pictures, charts, SmartArt, embedded objects, links), its notes, its list numbering and its styles.

XML copied from the draft (deleted text, the draft's paragraph properties in ``w:pPrChange``) keeps
meaning only if every id in it resolves in the adopted package. ``SourceImporter.element`` rewrites a
copy in place: r:ids through new relationships of the adopted part (a related draft part is added
under a free part name, with the parts it relates to in turn), note references to copies of the draft
notes, ``w:numId`` to a copy of the draft list definition, style ids to copies of missing styles,
drawing ids renumbered, comment anchors of the draft dropped (its comments are not carried over).
"""
from __future__ import annotations

import logging
import posixpath
from copy import deepcopy

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from app.io.docx_package import NOTE_CONTENT_TYPES

log = logging.getLogger(__name__)

R_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
# Draft anchors with no place in the adopted file: its comments are not carried over, and its bookmark
# names would clash with the adopted file's (Word's hidden _GoBack is in nearly every file).
_DRAFT_ONLY = {qn(t) for t in ("w:commentReference", "w:commentRangeStart", "w:commentRangeEnd",
                               "w:annotationRef", "w:permStart", "w:permEnd", "w:bookmarkStart",
                               "w:bookmarkEnd")}
_NOTE_REF = {qn("w:footnoteReference"): "footnote", qn("w:endnoteReference"): "endnote"}
_NOTE_RT = {"footnote": RT.FOOTNOTES, "endnote": RT.ENDNOTES}
_NOTE_CT = NOTE_CONTENT_TYPES
_NOTE_PART = {"footnote": "/word/footnotes.xml", "endnote": "/word/endnotes.xml"}
# Parts that belong to the draft document as a whole: never carried over by a relationship.
_NOT_CARRIED = {RT.STYLES, RT.NUMBERING, RT.SETTINGS, RT.FOOTNOTES, RT.ENDNOTES, RT.COMMENTS, RT.HEADER,
                RT.FOOTER, RT.THEME, RT.FONT_TABLE, RT.WEB_SETTINGS, RT.OFFICE_DOCUMENT}


def notes_part(document, kind: str, create: bool = False):
    """The footnotes or endnotes part of a python-docx ``document``, created with Word's two separator
    notes when ``create`` is set and there is none (ECMA-376 Part 1, 17.11.23)."""
    for rel in document.part.rels.values():
        if rel.reltype == _NOTE_RT[kind] and not rel.is_external:
            return rel.target_part
    if not create:
        return None
    tag = "w:%ss" % kind
    xml = ('<%s xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:%s w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:%s>'
           '<w:%s w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:%s>'
           '</%s>') % (tag, kind, kind, kind, kind, tag)
    package = document.part.package
    name = _free_name({str(p.partname) for p in package.iter_parts()}, _NOTE_PART[kind])
    part = XmlPart(PackURI(name), _NOTE_CT[kind], parse_xml(xml), package)
    document.part.relate_to(part, _NOTE_RT[kind])
    return part


class FirstChildIndex:
    """The first child ``tag`` of an element by the value of its attribute ``attr`` (notes by w:id,
    styles by w:styleId): a map read once per element, and read again when children were added to it
    since (a scan per lookup made a document of 2,000 footnotes take seconds)."""

    def __init__(self, tag: str, attr: str) -> None:
        self.tag, self.attr = tag, attr
        self._read: dict[int, tuple[object, int, dict]] = {}    # id(parent) -> (parent, its length, map)

    def get(self, parent, key: str):
        """The first child ``tag`` of ``parent`` whose ``attr`` is ``key``; None when there is none or
        ``parent`` is None."""
        if parent is None:
            return None
        got = self._read.get(id(parent))
        if got is None or got[1] != len(parent):
            found: dict = {}
            for el in parent.iterchildren(self.tag):
                found.setdefault(el.get(self.attr), el)
            got = self._read[id(parent)] = (parent, len(parent), found)   # the parent kept: its id stays its own
        return got[2].get(key)


class NoteIndex:
    """The notes of notes parts by id (``FirstChildIndex`` of each kind)."""

    def __init__(self) -> None:
        self._kinds = {kind: FirstChildIndex(qn("w:" + kind), qn("w:id")) for kind in ("footnote", "endnote")}

    def get(self, part, kind: str, note_id: str):
        """The first ``kind`` note ("footnote", "endnote") of notes ``part`` with id ``note_id``, or None
        (also when ``part`` is None)."""
        return self._kinds[kind].get(part.element, note_id) if part is not None else None


def _free_name(taken: set[str], wanted: str) -> str:
    """``wanted`` if no part has that name, else the first free ``stem_N.ext``."""
    if wanted not in taken:
        return wanted
    stem, ext = posixpath.splitext(wanted)
    k = 2
    while "%s_%d%s" % (stem, k, ext) in taken:
        k += 1
    return "%s_%d%s" % (stem, k, ext)


class Importer:
    """Carries draft resources into the adopted package; one per export (caches are shared so a draft
    picture or list used twice is carried once)."""

    def __init__(self, draft, adopted) -> None:
        self.draft, self.adopted = draft, adopted
        self._taken = {str(p.partname) for p in adopted.part.package.iter_parts()}
        self._carried: dict[int, object] = {}          # id(draft part) -> the part now in adopted
        self._notes: dict[tuple[str, str], str] = {}   # (kind, draft id) -> adopted id
        self._last_note: dict[str, int] = {}           # kind -> the highest note id in the adopted part
        self.note_index = NoteIndex()
        self._nums: dict[str, str] = {}                # draft numId -> adopted numId
        self._styles: set[str] = set()
        self._next_drawing = 1 + max([int(v) for el in adopted.element.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
            for v in [el.get("id", "0")] if v.isdigit()] or [0])
        self.weave_note = None      # set by the weaver: (kind, draft note, adopted note) -> None

    # -- parts --------------------------------------------------------------------------------------
    def _carry(self, part):
        """The draft ``part`` as a part of the adopted package (renamed when its name is taken)."""
        done = self._carried.get(id(part))
        if done is not None:
            return done
        self._carried[id(part)] = part
        name = _free_name(self._taken, str(part.partname))
        if name != str(part.partname):
            part.partname = PackURI(name)
        self._taken.add(name)
        for rel in list(part.rels.values()):
            if not rel.is_external and rel.reltype not in _NOT_CARRIED:
                self._carry(rel.target_part)
        return part

    def relate(self, src_part, dst_part, r_id: str) -> str | None:
        rel = src_part.rels.get(r_id)
        if rel is None:
            return None
        if rel.is_external:
            return dst_part.relate_to(rel.target_ref, rel.reltype, is_external=True)
        if rel.reltype in _NOT_CARRIED:
            return None
        return dst_part.relate_to(self._carry(rel.target_part), rel.reltype)

    # -- notes, numbering, styles --------------------------------------------------------------------
    def note(self, kind: str, draft_id: str) -> str | None:
        """The id, in the adopted notes part, of a copy of draft note ``draft_id`` (made once)."""
        key = (kind, draft_id)
        if key in self._notes:
            return self._notes[key]
        src_part = notes_part(self.draft, kind)
        src = self.note_index.get(src_part, kind, draft_id)
        if src is None:
            return None
        dst_part = notes_part(self.adopted, kind, create=True)
        if kind not in self._last_note:     # read once: the notes added since are this importer's own
            ids = [int(n.get(qn("w:id"))) for n in dst_part.element.iterchildren(qn("w:" + kind))
                   if (n.get(qn("w:id")) or "").lstrip("-").isdigit()]
            self._last_note[kind] = max(ids + [0])
        self._last_note[kind] += 1
        new_id = str(self._last_note[kind])
        self._notes[key] = new_id
        copy = deepcopy(src)
        copy.set(qn("w:id"), new_id)
        self.source(src_part, dst_part).element(copy)
        dst_part.element.append(copy)
        return new_id

    def num(self, draft_num_id: str) -> str | None:
        if draft_num_id in self._nums:
            return self._nums[draft_num_id]
        if draft_num_id == "0":
            return "0"
        try:
            src = self.draft.part.numbering_part.element
        except (KeyError, NotImplementedError) as exc:
            log.info("draft list numbering unavailable: %s", exc)
            return None
        num = next((n for n in src.iterchildren(qn("w:num")) if n.get(qn("w:numId")) == draft_num_id), None)
        if num is None:
            return None
        ref = num.find(qn("w:abstractNumId"))
        abstract = next((a for a in src.iterchildren(qn("w:abstractNum"))
                         if ref is not None and a.get(qn("w:abstractNumId")) == ref.get(qn("w:val"))), None)
        dst = self.adopted.part.numbering_part.element
        new_num = str(1 + max([int(n.get(qn("w:numId"))) for n in dst.iterchildren(qn("w:num"))] or [0]))
        self._nums[draft_num_id] = new_num
        num = deepcopy(num)
        num.set(qn("w:numId"), new_num)
        if abstract is not None:
            new_abs = str(1 + max([int(a.get(qn("w:abstractNumId"))) for a in dst.iterchildren(qn("w:abstractNum"))]
                                  or [-1]))
            abstract = deepcopy(abstract)
            abstract.set(qn("w:abstractNumId"), new_abs)
            for el in abstract.iter(qn("w:nsid"), qn("w:tmpl")):
                el.getparent().remove(el)
            num.find(qn("w:abstractNumId")).set(qn("w:val"), new_abs)
            first_num = dst.find(qn("w:num"))
            if first_num is not None:
                first_num.addprevious(abstract)
            else:
                dst.append(abstract)
        cleanup = dst.find(qn("w:numIdMacAtCleanup"))
        if cleanup is not None:
            cleanup.addprevious(num)
        else:
            dst.append(num)
        return new_num

    def style(self, style_id: str) -> None:
        """Copy draft style ``style_id`` (and what it is based on) when the adopted file lacks it."""
        if style_id in self._styles:
            return
        self._styles.add(style_id)
        dst = self.adopted.styles.element
        if any(s.get(qn("w:styleId")) == style_id for s in dst.iterchildren(qn("w:style"))):
            return
        src = next((s for s in self.draft.styles.element.iterchildren(qn("w:style"))
                    if s.get(qn("w:styleId")) == style_id), None)
        if src is None:
            return
        copy = deepcopy(src)
        dst.append(copy)
        for ref in copy.iter(qn("w:basedOn"), qn("w:next"), qn("w:link")):
            self.style(ref.get(qn("w:val")))
        for num in copy.iter(qn("w:numId")):
            new = self.num(num.get(qn("w:val")))
            if new is not None:
                num.set(qn("w:val"), new)

    def source(self, src_part, dst_part) -> "SourceImporter":
        return SourceImporter(self, src_part, dst_part)


class SourceImporter:
    """Rewrites copies of XML from one draft part for one adopted part."""

    def __init__(self, importer: Importer, src_part, dst_part) -> None:
        self.importer, self.src, self.dst = importer, src_part, dst_part

    def element(self, el):
        """Rewrite ``el`` (a copy, changed in place) so each id in it resolves in the adopted package;
        returns ``el``, or None when ``el`` itself has no place there (a draft comment anchor)."""
        if el.tag in _DRAFT_ONLY:
            return None
        imp = self.importer
        for node in list(el.iter()):
            if not isinstance(node.tag, str):
                continue
            if node.tag in _DRAFT_ONLY and node is not el:
                node.getparent().remove(node)
                continue
            for name, value in list(node.attrib.items()):
                if name.startswith(R_NS):
                    new = imp.relate(self.src, self.dst, value)
                    if new is None:
                        del node.attrib[name]
                    else:
                        node.set(name, new)
                elif name.startswith("{http://schemas.microsoft.com/office/word/2010/wordml}"):
                    del node.attrib[name]       # paraId, textId: unique per document in Word
            if node.tag in _NOTE_REF:
                new = imp.note(_NOTE_REF[node.tag], node.get(qn("w:id")))
                if new is not None:
                    node.set(qn("w:id"), new)
            elif node.tag == qn("w:numId"):
                new = imp.num(node.get(qn("w:val")) or "")
                if new is not None:
                    node.set(qn("w:val"), new)
            elif node.tag in (qn("w:pStyle"), qn("w:rStyle"), qn("w:tblStyle")):
                imp.style(node.get(qn("w:val")) or "")
            elif node.tag.endswith("}docPr") and node.get("id"):
                node.set("id", str(imp._next_drawing))
                imp._next_drawing += 1
        return el

