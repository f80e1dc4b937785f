"""The lossless tracked-change export: two Word files in, the adopted package with the draft woven
back in as revisions out.

Stories woven: the body (tables, content controls and cells within), each footnote and endnote whose
reference is kept (a note whose reference is inserted or deleted comes or goes whole), and the headers
and footers of each section, paired by section and type (default, first, even). Both inputs are read
with their own revisions accepted (``accept``), as the comparison reads them. Revision ids start above
every id the adopted document already uses, so they never collide with its comments or bookmarks.
"""
from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from app.core.gcpause import cyclic_gc_paused
from app.core.model import Comparison, PairKind
from app.io.atomic import atomic_write, export_guard
from app.io.docx_reader import paragraph_elements
from app.io.docx_package import enable_track_changes
from app.io.docx_template import make_own
from app.io.redline.accept import resolve_revisions
from app.io.redline.atoms import Atomiser
from app.io.redline.resources import Importer, NoteIndex, notes_part
from app.io.redline.weave import Side, Weaver
from app.io.review_store import file_digest
from app.io.revisions_xml import Revisions

log = logging.getLogger(__name__)

_HDR_FTR = {qn("w:headerReference"): RT.HEADER, qn("w:footerReference"): RT.FOOTER}


class _Digests:
    """r:id -> a digest of what it points at, per part (a picture by its bytes, a link by its URL)."""

    def __init__(self) -> None:
        self._blobs: dict[int, str] = {}

    def for_part(self, part):
        def digest(r_id: str) -> str:
            rel = part.rels.get(r_id)
            if rel is None:
                return "?"
            if rel.is_external:
                return rel.target_ref
            target = rel.target_part
            got = self._blobs.get(id(target))
            if got is None:
                got = self._blobs[id(target)] = hashlib.sha1(target.blob).hexdigest()[:12]
            return got
        return digest


def _story_parts(document) -> list:
    parts = [document.part]
    for kind in ("footnote", "endnote"):
        part = notes_part(document, kind)
        if part is not None:
            parts.append(part)
    parts += [rel.target_part for rel in document.part.rels.values()
              if not rel.is_external and rel.reltype in (RT.HEADER, RT.FOOTER)]
    return parts


def _max_id(document) -> int:
    top = 0
    for part in _story_parts(document) + [r.target_part for r in document.part.rels.values()
                                          if not r.is_external and r.reltype == RT.COMMENTS]:
        for el in part.element.iter():
            value = el.get(qn("w:id")) if isinstance(el.tag, str) else None
            if value and value.isdigit():
                top = max(top, int(value))
    return top


def redline_documents(draft, adopted, *, author: str, date: datetime, word_level: bool = True,
                      view: str = "accepted", hints: dict | None = None,
                      formatting: bool = True) -> None:
    """Weave python-docx ``draft`` into ``adopted`` (changed in place; ``draft`` is consumed too).

    ``view`` is how both inputs' own revisions are read ("accepted" or "original"); ``hints`` maps
    draft body ``w:p`` elements to the adopted ones they pair with (the comparison's pairs), else the
    redline pairs blocks itself. ``word_level`` False (a cross-language pair) writes each paired
    paragraph as its draft text deleted and its adopted text inserted; ``formatting`` False (the
    comparison's ignore_formatting) records no run formatting change on equal words."""
    for document in (draft, adopted):
        for part in _story_parts(document):
            resolve_revisions(part.element, view)
    rev = Revisions(author, date, _next=_max_id(adopted) + 1)
    importer = Importer(draft, adopted)
    digests = _Digests()
    weaver = Weaver(rev, word_level=word_level, hints=hints, styles=adopted.styles.element, formatting=formatting)

    def sides(d_part, a_part) -> tuple[Side, Side]:
        return (Side(Atomiser(digests.for_part(d_part)), importer.source(d_part, a_part)),
                Side(Atomiser(digests.for_part(a_part))))

    d_side, a_side = sides(draft.part, adopted.part)
    weaver.story(draft.element.body, adopted.element.body, d_side, a_side)
    _weave_notes(weaver, draft, adopted, sides, importer.note_index)
    weaver.notes.clear()
    _weave_headers(weaver, draft, adopted, sides)
    _order_notes(adopted)
    make_own(adopted, author)           # no editing lock or page preview of the adopted file ...
    enable_track_changes(adopted)       # ... and further edits are tracked


def _order_notes(document) -> None:
    """Notes numbered 1, 2, ... in the order their references are read, and stored in that order.
    Word finds a note by its id wherever it stands, but LibreOffice 7.4 gives the k-th reference the
    note of the k-th id, so a draft note carried over (given the next free id) would be shown at the
    wrong reference (seen on the WmlComparer pair WC034-Footnotes-After3 / -Before)."""
    parts = _story_parts(document)
    for kind in ("footnote", "endnote"):
        notes = notes_part(document, kind)
        if notes is None:
            continue
        order: dict[str, int] = {}
        for part in parts:
            for ref in part.element.iter(qn("w:%sReference" % kind)):
                order.setdefault(ref.get(qn("w:id")), len(order))
        root = notes.element
        items = [n for n in root.iterchildren(qn("w:" + kind)) if n.get(qn("w:type")) in (None, "normal")]
        if not items:
            continue
        at = root.index(items[0])
        for n in items:
            root.remove(n)
        items.sort(key=lambda n: order.get(n.get(qn("w:id")), len(order)))
        new_ids = {}
        for k, n in enumerate(items):
            new_ids[n.get(qn("w:id"))] = str(k + 1)
            n.set(qn("w:id"), str(k + 1))
            root.insert(at + k, n)
        for part in parts + [notes]:
            for ref in part.element.iter(qn("w:%sReference" % kind)):
                if ref.get(qn("w:id")) in new_ids:
                    ref.set(qn("w:id"), new_ids[ref.get(qn("w:id"))])


def _weave_notes(weaver: Weaver, draft, adopted, sides, index: NoteIndex) -> None:
    done: set[tuple[str, str]] = set()
    parts: dict[str, tuple] = {}
    k = 0
    while k < len(weaver.notes):         # weaving a note may append the notes it refers to
        kind, d_id, a_id = weaver.notes[k]
        k += 1
        if (kind, a_id) in done:
            continue
        done.add((kind, a_id))
        if kind not in parts:
            d_part, a_part = notes_part(draft, kind), notes_part(adopted, kind)
            parts[kind] = (d_part, a_part) + (sides(d_part, a_part) if d_part and a_part else (None, None))
        d_part, a_part, d_side, a_side = parts[kind]
        d_note, a_note = index.get(d_part, kind, d_id), index.get(a_part, kind, a_id)
        if d_note is not None and a_note is not None:
            weaver.story(d_note, a_note, d_side, a_side)


def _section_refs(document) -> list[dict[tuple[str, str], object]]:
    """Per section, in order: (reltype, type) -> header or footer part."""
    out = []
    for sect in document.element.body.iter(qn("w:sectPr")):
        refs = {}
        for ref in sect:
            if ref.tag in _HDR_FTR:
                rel = document.part.rels.get(ref.get(qn("r:id")))
                if rel is not None and not rel.is_external:
                    refs[(_HDR_FTR[ref.tag], ref.get(qn("w:type")) or "default")] = rel.target_part
        out.append(refs)
    return out


def _weave_headers(weaver: Weaver, draft, adopted, sides) -> None:
    d_sections, a_sections = _section_refs(draft), _section_refs(adopted)
    if not d_sections:
        return
    done: set[int] = set()
    for k, refs in enumerate(a_sections):
        d_refs = d_sections[min(k, len(d_sections) - 1)]
        for key, a_part in refs.items():
            d_part = d_refs.get(key)
            if d_part is None or id(a_part) in done:
                continue
            done.add(id(a_part))
            d_side, a_side = sides(d_part, a_part)
            weaver.story(d_part.element, a_part.element, d_side, a_side)


@dataclass
class WordPair:
    """Both inputs opened with python-docx, and the comparison of them (its options; its pairs guide
    the redline unless a file changed since it was compared: the redline then pairs blocks itself)."""

    draft_path: str
    adopted_path: str
    draft: object
    adopted: object
    comparison: Comparison | None
    unchanged: bool = True


def open_pair(comparison: Comparison) -> WordPair | None:
    """The comparison's two .docx files opened for the redline, or None when python-docx refuses one
    of them (the caller then lays the tracked file out from the comparison)."""
    try:
        draft, adopted = docx.Document(comparison.draft.path), docx.Document(comparison.adopted.path)
    except (PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        log.warning("python-docx cannot open %s or %s as Word packages (%s): no redline on the documents",
                    comparison.draft.path, comparison.adopted.path, exc)
        return None
    same = _unchanged(comparison.draft) and _unchanged(comparison.adopted)
    if not same:
        log.info("an input changed since it was compared: the redline pairs paragraphs itself")
    return WordPair(comparison.draft.path, comparison.adopted.path, draft, adopted, comparison, same)


def _unchanged(doc) -> bool:
    """The file still holds the bytes the comparison read (its SHA-256)."""
    if not doc.digest:
        return False
    try:
        return file_digest(doc.path) == doc.digest
    except OSError as exc:
        log.info("%s cannot be read again: %s", doc.path, exc)
        return False


def redline_files(draft_path, adopted_path, out_path, *, author: str, date: datetime,
                  word_level: bool = True, view: str = "accepted") -> Path:
    """Write ``out_path``: the adopted .docx with the draft .docx woven in as tracked changes, blocks
    paired by the redline itself. Raises ExportError when the target cannot be written; python-docx's
    errors (PackageNotFoundError, KeyError, ValueError) when a package cannot be opened as Word."""
    pair = WordPair(str(draft_path), str(adopted_path), docx.Document(str(draft_path)),
                    docx.Document(str(adopted_path)), None)
    return redline_pair(pair, out_path, author=author, date=date, word_level=word_level, view=view)


def redline_pair(pair: WordPair, out_path, *, author: str, date: datetime, word_level: bool = True,
                 view: str = "accepted", protect=()) -> Path:
    """As ``redline_files`` for an opened pair; its comparison's paragraph pairs, when it has one,
    decide which body paragraphs pair, so the file shows what the window shows. Written through the
    safe-output routine (``app.io.atomic``): never over either document, the review files beside them,
    their journals or the files in ``protect``."""
    draft, adopted = pair.draft, pair.adopted
    formatting = pair.comparison is None or not pair.comparison.options.ignore_formatting
    with cyclic_gc_paused():
        guided = pair.comparison is not None and pair.unchanged
        hints = comparison_hints(pair.comparison, draft, adopted, view) if guided else None
        redline_documents(draft, adopted, author=author, date=date, word_level=word_level, view=view,
                          hints=hints, formatting=formatting)
        guard = export_guard(pair.draft_path, pair.adopted_path)   # inputs, and the review files beside them
        return atomic_write(out_path, lambda fh: adopted.save(fh), inputs=guard["inputs"],
                            protect=guard["protect"] + tuple(protect))


def comparison_hints(comparison: Comparison, draft, adopted, view: str) -> dict:
    """Draft ``w:p`` -> adopted ``w:p`` for the comparison's one-to-one pairs (and the first paragraphs
    of a split or merge), and ``w:p`` -> None for paragraphs it left unpaired (inserted, deleted,
    moved), through ``Paragraph.origin`` and the reader's own walk of each body.
    Must run before the inputs' revisions are resolved (the walk counts the paragraphs as read)."""
    d_elements = paragraph_elements(draft.element.body, view)
    a_elements = paragraph_elements(adopted.element.body, view)
    d_pars, a_pars = comparison.draft.paragraphs, comparison.adopted.paragraphs
    hints: dict = {}
    for pair in comparison.pairs:
        if pair.kind in (PairKind.EQUAL, PairKind.CHANGED, PairKind.SPLIT, PairKind.MERGED) \
                and pair.draft and pair.adopted:
            i, j = d_pars[pair.draft[0]].origin, a_pars[pair.adopted[0]].origin
            if 0 <= i < len(d_elements) and 0 <= j < len(a_elements):
                hints[d_elements[i]] = a_elements[j]
        elif pair.kind in (PairKind.INSERTED, PairKind.DELETED, PairKind.MOVED):
            # Left unpaired (a move is a deletion and an insertion in the file): never paired by position.
            for paragraphs, elements, indexes in ((d_pars, d_elements, pair.draft), (a_pars, a_elements, pair.adopted)):
                for k in indexes:
                    if 0 <= paragraphs[k].origin < len(elements):
                        hints.setdefault(elements[paragraphs[k].origin], None)
    return hints
