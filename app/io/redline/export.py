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
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from app.io.atomic import atomic_write
from app.io.docx_package import enable_track_changes
from app.io.redline.accept import accept_revisions
from app.io.redline.atoms import Atomiser
from app.io.redline.resources import Importer, note_element, notes_part
from app.io.redline.weave import Side, Stats, Weaver
from app.io.revisions_xml import Revisions

log = logging.getLogger(__name__)

_HDR_FTR = {qn("w:headerReference"): RT.HEADER, qn("w:footerReference"): RT.FOOTER}


@dataclass(frozen=True)
class RedlineResult:
    path: Path
    stats: Stats
    draft_had_revisions: bool
    adopted_had_revisions: bool


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


def redline_documents(draft, adopted, *, author: str, date: datetime, word_level: bool = True) -> tuple[Stats, bool, bool]:
    """Weave python-docx ``draft`` into ``adopted`` (changed in place; ``draft`` is consumed too).

    Returns (statistics, draft held revisions, adopted held revisions)."""
    d_had = any([accept_revisions(p.element) for p in _story_parts(draft)])
    a_had = any([accept_revisions(p.element) for p in _story_parts(adopted)])
    rev = Revisions(author, date, _next=_max_id(adopted) + 1)
    importer = Importer(draft, adopted)
    digests = _Digests()
    weaver = Weaver(rev, word_level=word_level)

    def sides(d_part, a_part) -> tuple[Side, Side]:
        return (Side(Atomiser(digests.for_part(d_part)), importer.source(d_part, a_part)),
                Side(Atomiser(digests.for_part(a_part))))

    d_side, a_side = sides(draft.part, adopted.part)
    weaver.story(draft.element.body, adopted.element.body, d_side, a_side)
    _weave_notes(weaver, draft, adopted, sides)
    _weave_headers(weaver, draft, adopted, sides)
    _make_own(adopted, author)
    return weaver.stats, d_had, a_had


def _weave_notes(weaver: Weaver, draft, adopted, sides) -> None:
    done: set[tuple[str, str]] = set()
    parts: dict[str, tuple] = {}
    while weaver.notes:
        kind, d_id, a_id = weaver.notes.pop(0)
        if (kind, a_id) in done:
            continue
        done.add((kind, a_id))
        if kind not in parts:
            d_part, a_part = notes_part(draft, kind), notes_part(adopted, kind)
            parts[kind] = (d_part, a_part) + (sides(d_part, a_part) if d_part and a_part else (None, None))
        d_part, a_part, d_side, a_side = parts[kind]
        d_note, a_note = note_element(d_part, kind, d_id), note_element(a_part, kind, a_id)
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


def _make_own(document, author: str) -> None:
    """What the adopted file said about itself that is no longer true: an editing lock, a preview
    picture of its pages; tracking is switched on so further edits are tracked too."""
    settings = document.settings.element
    for tag in ("w:documentProtection", "w:writeProtection"):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    enable_track_changes(document)
    package_rels = document.part.package.rels
    for r_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(r_id)
    document.core_properties.last_modified_by = author


def redline_files(draft_path, adopted_path, out_path, *, author: str, date: datetime,
                  word_level: bool = True) -> RedlineResult:
    """Write ``out_path``: the adopted .docx with the draft .docx woven in as tracked changes.

    Raises ExportError when the target cannot be written; python-docx's errors (PackageNotFoundError,
    KeyError, ValueError) when a package cannot be opened as a Word document."""
    draft, adopted = docx.Document(str(draft_path)), docx.Document(str(adopted_path))
    stats, d_had, a_had = redline_documents(draft, adopted, author=author, date=date, word_level=word_level)
    path = atomic_write(out_path, lambda fh: adopted.save(fh), inputs=(draft_path, adopted_path))
    return RedlineResult(path, stats, d_had, a_had)
