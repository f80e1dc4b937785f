"""Word .docx documents read with raw lxml, so no text is lost.

python-docx's ``Paragraph.text`` skips ``w:ins`` and field results; here every place text can live
in WordprocessingML is walked in document order: runs, insertions/deletions (per tracked view),
hyperlinks, content controls, simple and complex fields, tables, footnotes and endnotes. The list
labels Word draws itself (numbering.xml) are computed into ``Paragraph.numbering``, never into the text.
Structure (kinds, labels) is recognised later by app.core.structure.

Notes: each footnote and endnote follows the paragraph that first cites it, one paragraph of kind
FOOTNOTE per paragraph of the note (the first opens with the marker, ``label`` is the number), all with
``source`` "footnote N" or "endnote N". The two are numbered apart, by order of first reference, in the
format the document sets (w:footnotePr / w:endnotePr), else as Word does: footnotes 1, 2, 3 (drawn ¹ ² ³),
endnotes i, ii, iii (plain letters in the text, superscript in the runs). Every paragraph lists the
markers it cites (``footnote_refs``), so that one opening with a marker is not taken for a note line.

Breaks: a text-wrapping line break (w:br without type or textWrapping, w:cr) is U+2028 LINE SEPARATOR,
which the tokenizer counts as a space (a paragraph text never holds "\n", which joins split and merged
paragraphs in the word diff); page and column breaks are a space. Soft hyphens are dropped, non-breaking
hyphens are U+2011, w:sym characters are mapped to Unicode by app.io.wordml.sym_char.
"""
from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass, replace
from pathlib import Path

from app.core.model import Document, Kind, Paragraph, Run
from app.io.errors import InputError
from app.io.docx_parts import Parts, by_type, notes_of, optional_part, rel_targets, running_parts
from app.io.safe_xml import DAMAGED, has_part, open_zip
from app.io.wordml import (W_NS, Numbering, Styles, attr, child, format_number, local_name, note_format,
                           on_attr, parse_styles, rpr_props, sym_char, to_int)

logger = logging.getLogger(__name__)

# Content that is not text: pictures (DrawingML and VML), embedded objects, equations, tables.
_CONTENT_TAGS = tuple(f"{{{ns}}}{n}" for ns in W_NS for n in ("drawing", "pict", "object", "tbl")) + (
    "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",)

_MAX_DEPTH = 120
# Bounds on what a small package may make the reader do (a 75 kB file of 8.5 million empty paragraphs
# took 99 s and 6 GB): XML elements over all the parts parsed (counted on the bytes before lxml builds
# them; 600,000 elements are about 240 MB of tree), and paragraphs walked (body, notes, headers and
# footers). A resolution has a few hundred paragraphs and some 10,000 elements; a 400-page report has
# about 4,000 paragraphs. At the bounds a comparison still ends within seconds.
MAX_PARAGRAPHS = 30_000
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_NOTE_KINDS = ("footnote", "endnote")

# Inline elements that never carry printed text of their own paragraph.
_INLINE_SKIP = {
    "pPr", "rPr", "instrText", "delInstrText", "commentReference", "annotationRef", "footnoteRef",
    "endnoteRef", "separator", "continuationSeparator", "lastRenderedPageBreak", "softHyphen",
    "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd", "commentRangeStart",
    "commentRangeEnd", "moveFromRangeStart", "moveFromRangeEnd", "moveToRangeStart", "moveToRangeEnd",
    "sdtPr", "sdtEndPr", "smartTagPr", "customXmlPr", "fldData", "ffData", "rt", "rubyPr",
    "drawing", "pict", "object", "txbxContent", "subDoc", "sectPr", "rPrChange", "pPrChange",
}


class Unsupported(Exception):
    """Internal: a structure the reader refuses (too deep)."""


class _TooLarge(Exception):
    """Internal: more paragraphs than MAX_PARAGRAPHS."""



# ------------------------------------------------------------------------------------ paragraphs

_Fmt = tuple[bool, bool, bool, bool]   # bold, italic, underline, superscript


@dataclass
class _Raw:
    """A paragraph as walked, before merging over removed paragraph marks."""

    pieces: list[tuple[str, _Fmt]]
    notes: list[tuple[str, str, str]]     # ("footnote" | "endnote", note id, printed number)
    style_id: str | None
    num: tuple[str | None, int | None] | None
    source: str
    mark_removed: bool
    origin: int = -1                      # index in _Reader.elements of the w:p carrying its pPr


class _Reader:
    def __init__(self, path: Path, view: str, styles: Styles, numbering: Numbering, notes: dict,
                 note_formats: dict | None = None) -> None:
        self.path, self.view, self.styles, self.numbering, self.notes = path, view, styles, numbering, notes
        self.note_formats = note_formats or {}  # kind -> w:numFmt
        self.fields: list[str] = []            # complex-field phases; fields may span paragraphs
        self.instr: list[int] = []             # indexes in ``fields`` still "instr", increasing
        self.note_numbers: dict[tuple[str, str], str] = {}
        self.next_note = dict.fromkeys(_NOTE_KINDS, 1)
        self.raws: list[_Raw] = []
        self.elements: list = []               # every w:p walked, in order (see paragraph_elements)
        self.p_count = 0
        self.t_count = 0
        self.warnings: set[str] = set()
        self.elements_only = False
        self.budget = [MAX_PARAGRAPHS]         # paragraphs left to walk; shared with the notes' and parts' readers

    # -- block level ------------------------------------------------------------------------------
    def block(self, container, where: str | None, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise Unsupported()
        for el in container:
            name = local_name(el)
            if name == "p":
                self.p_count += 1
                self.budget[0] -= 1
                if self.budget[0] < 0 and not self.elements_only:
                    raise _TooLarge()
                self.paragraph(el, where or f"paragraph {self.p_count}", depth + 1)
            elif name == "tbl":
                self.table(el, depth + 1)
            elif name == "customXml":
                self.block(el, where, depth + 1)
            elif name == "sdt":
                content = child(el, "sdtContent")
                if content is not None:
                    self.block(content, where, depth + 1)
            elif name == "altChunk":
                self.warnings.add("embedded content (altChunk) was not read")

    def table(self, tbl, depth: int) -> None:
        self.t_count += 1
        t = self.t_count
        rows = [r for r in _unwrap(tbl, "tr", depth)]
        for ri, row in enumerate(rows, 1):
            trpr = child(row, "trPr")
            if trpr is not None and child(trpr, "del" if self.view == "accepted" else "ins") is not None:
                continue
            for ci, cell in enumerate(_unwrap(row, "tc", depth), 1):
                self.block(cell, f"table {t}, row {ri}, cell {ci}", depth + 2)

    def paragraph(self, p, source: str, depth: int) -> None:
        if self.elements_only:        # paragraph_elements: where each paragraph is, not what it says
            self.elements.append(p)
            return
        ppr = child(p, "pPr")
        style_id = None
        num = None
        mark_removed = False
        if ppr is not None:
            ps = child(ppr, "pStyle")
            style_id = attr(ps, "val") if ps is not None else None
            numpr = child(ppr, "numPr")
            if numpr is not None:
                nid, lvl = child(numpr, "numId"), child(numpr, "ilvl")
                num = (attr(nid, "val") if nid is not None else None,
                       to_int(attr(lvl, "val")) if lvl is not None else None)
            mark = child(ppr, "rPr")
            if mark is not None:
                removed = ("del", "moveFrom") if self.view == "accepted" else ("ins", "moveTo")
                mark_removed = any(child(mark, n) is not None for n in removed)
        base = {**self.styles.defaults}
        base.update(self.styles.props(style_id or self.styles.default_para))
        raw = _Raw([], [], style_id, num, source, mark_removed, len(self.elements))
        self.elements.append(p)
        self.inline(p, raw, base, False, depth + 1)
        self.raws.append(raw)
        # A field instruction never spans paragraphs (only results do): a begin whose separate/end is
        # missing must not swallow the rest of the document.
        # Only the open instructions are visited (a file opening 20,000 fields that never end must not
        # make every paragraph walk them all).
        for k in self.instr:
            self.fields[k] = "result"
        self.instr.clear()

    # -- inline level -----------------------------------------------------------------------------
    def inline(self, el, raw: _Raw, base: dict, deleted: bool, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise Unsupported()
        for c in el:
            name = local_name(c)
            if name == "r":
                self.run(c, raw, base, deleted)
            elif name in ("ins", "moveTo"):
                if self.view == "accepted":
                    self.inline(c, raw, base, deleted, depth + 1)
            elif name in ("del", "moveFrom"):
                if self.view == "original":
                    self.inline(c, raw, base, True, depth + 1)
            elif name in _INLINE_SKIP:
                continue
            elif name == "sdt":
                content = child(c, "sdtContent")
                if content is not None:
                    self.inline(content, raw, base, deleted, depth + 1)
            elif name == "m:t":
                if not self._in_instruction():
                    raw.pieces.append((_clean(c.text or ""), _fmt(base, {})))
            elif isinstance(c.tag, str) and c.tag.endswith("}AlternateContent"):
                if _has_text(c):
                    self.warnings.add("text in text boxes or shapes was not read")
            elif isinstance(c.tag, str):
                # hyperlink, smartTag, customXml, fldSimple (its content is the result), dir, bdo,
                # ruby base, math containers, unknown wrappers: their runs are printed text.
                self.inline(c, raw, base, deleted, depth + 1)

    def _in_instruction(self) -> bool:
        return bool(self.instr)

    def run(self, r, raw: _Raw, base: dict, deleted: bool) -> None:
        rpr = child(r, "rPr")
        props = {}
        if rpr is not None:
            rs = child(rpr, "rStyle")
            if rs is not None:
                props.update(self.styles.props(attr(rs, "val")))
            props.update(rpr_props(rpr))
        fmt = _fmt(base, props)
        for c in r:
            name = local_name(c)
            text = None
            if name == "t" or (name == "delText" and deleted):
                text = _clean(c.text or "")
            elif name in ("tab", "ptab"):
                text = "\t"
            elif name in ("br", "cr"):   # paragraphs never hold "\n"
                text = "\u2028" if (attr(c, "type") or "textWrapping") == "textWrapping" else " "
            elif name == "noBreakHyphen":
                text = "\u2011"
            elif name == "sym":
                text = sym_char(attr(c, "font"), attr(c, "char"))
            elif name == "fldChar":
                kind = attr(c, "fldCharType")
                if kind == "begin":
                    self.instr.append(len(self.fields))
                    self.fields.append("instr")
                elif kind == "separate" and self.fields:
                    if self.fields[-1] == "instr":   # the innermost field: the last open instruction
                        self.instr.pop()
                    self.fields[-1] = "result"
                elif kind == "end" and self.fields:
                    if self.fields.pop() == "instr":
                        self.instr.pop()
                continue
            elif name in ("footnoteReference", "endnoteReference"):
                if not self._in_instruction():
                    self.note_ref(name[:-9], attr(c, "id") or "", on_attr(attr(c, "customMarkFollows")), raw)
                continue
            elif name in ("drawing", "pict", "object") or (
                    isinstance(c.tag, str) and c.tag.endswith("}AlternateContent")):
                if _has_text(c):
                    self.warnings.add("text in text boxes or shapes was not read")
                continue
            if text and not self._in_instruction():
                raw.pieces.append((text, fmt))

    def note_ref(self, kind: str, note_id: str, custom: bool, raw: _Raw) -> None:
        number = self.note_numbers.get((kind, note_id))
        if number is None:
            # Word numbers notes by order of reference; a custom mark does not advance the count.
            number = ""
            if not custom:
                number = format_number(self.next_note[kind], self.note_formats.get(kind, "decimal"))
                self.next_note[kind] += 1
            self.note_numbers[(kind, note_id)] = number
        if number:
            raw.pieces.append((note_marker(number), (False, False, False, True)))
        raw.notes.append((kind, note_id, number))
        if note_id not in self.notes.get(kind, {}):
            self.warnings.add(f"{kind} {number or note_id} is referenced but its text is missing")


def _unwrap(el, name: str, depth: int):
    """Children named ``name``, also through content controls/custom XML wrapping them."""
    if depth > _MAX_DEPTH:
        raise Unsupported()
    for c in el:
        n = local_name(c)
        if n == name:
            yield c
        elif n == "sdt":
            content = child(c, "sdtContent")
            if content is not None:
                yield from _unwrap(content, name, depth + 1)
        elif n == "customXml":
            yield from _unwrap(c, name, depth + 1)


def _has_text(el) -> bool:
    return any(local_name(t) == "t" and (t.text or "").strip() for t in el.iter())


def _clean(text: str) -> str:
    return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")


def note_marker(number: str) -> str:
    """How a note's number is drawn in the text: "1" -> "¹"; endnote letters ("i") as they are."""
    return number.translate(_SUPERSCRIPT) if number.isdigit() else number


def _fmt(base: dict, props: dict) -> _Fmt:
    def get(k):
        return props[k] if k in props else base.get(k, False)
    return (get("bold"), get("italic"), get("underline"), get("superscript"))


def merge_runs(pieces: list[tuple[str, _Fmt]]) -> tuple[str, tuple[Run, ...]]:
    """Join (text, (bold, italic, underline, superscript)) pieces into a paragraph's text, without its
    outer whitespace, and its runs, neighbours of equal formatting merged. Linear in the pieces: each
    run's pieces are collected in a list and joined once (the .docx, .odt and .html readers share it)."""
    text = "".join(t for t, _ in pieces)
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    runs: list[tuple[list[str], _Fmt]] = []
    pos = 0
    for t, fmt in pieces:
        a, b = max(pos, start), min(pos + len(t), end)
        pos += len(t)
        if a >= b:
            continue
        seg = t[a - (pos - len(t)):b - (pos - len(t))]
        if runs and runs[-1][1] == fmt:
            runs[-1][0].append(seg)
        else:
            runs.append(([seg], fmt))
    return text[start:end], tuple(Run("".join(segs), *f) for segs, f in runs)


_STRICT = False   # tests set True so an unexpected exception surfaces instead of the safety net


def read_docx(path: Path, data: bytes, *, tracked: str = "accepted") -> Document:
    """Read a .docx package (bytes already loaded by app.io.readers) into an unstructured Document."""
    if tracked not in ("accepted", "original"):
        raise ValueError("tracked must be 'accepted' or 'original'")
    try:
        return _read(path, data, tracked)
    except InputError:
        raise
    except Unsupported:
        raise InputError(str(path), "the document is nested too deeply to be read; refused") from None
    except _TooLarge:
        raise InputError(str(path), f"the document is too large to be compared (over {MAX_PARAGRAPHS:,} "
                                    "paragraphs)") from None
    except RecursionError:
        raise InputError(str(path), "the document is nested too deeply to be read; refused") from None
    except ImportError:
        raise   # a broken install is not a damaged file: it must fail loudly
    except Exception as exc:   # noqa: BLE001 - a damaged file must never surface as a crash
        if _STRICT:
            raise
        logger.warning("unexpected error reading %s as .docx", path, exc_info=True)
        raise InputError(str(path), f"{DAMAGED[:-1]}: {type(exc).__name__})") from None


def _read(path: Path, data: bytes, tracked: str) -> Document:
    zf = open_zip(path, data)
    with zf:
        parts = Parts(zf, path)
        main = by_type(rel_targets(parts, "_rels/.rels")).get("officeDocument")
        if not main or not has_part(zf, main):
            main = "word/document.xml"
        if not has_part(zf, main):
            raise InputError(str(path), "this is not a valid Word document (word/document.xml is missing; "
                                        "it may be another kind of zip file)")
        root = parts.parse(main)
        rels_name = posixpath.join(posixpath.dirname(main), "_rels", posixpath.basename(main) + ".rels")
        targets = rel_targets(parts, rels_name)
        rels = by_type(targets)
        styles = parse_styles(optional_part(parts, rels.get("styles", "word/styles.xml")))
        numbering = Numbering(optional_part(parts, rels.get("numbering", "word/numbering.xml")))
        note_roots = {kind: optional_part(parts, rels.get(f"{kind}s", f"word/{kind}s.xml")) for kind in _NOTE_KINDS}
        try:   # only the note number formats are read from it: a damaged part is skipped
            settings = optional_part(parts, rels.get("settings", "word/settings.xml"))
        except InputError as exc:
            logger.info("%s: word/settings.xml skipped (%s)", path, exc.reason)
            settings = None
        running = running_parts(parts, root, targets)
    body = child(root, "body")
    if local_name(root) != "document" or body is None:
        raise InputError(str(path), "this is not a valid Word document (word/document.xml has no body)")
    had_tracked = any(r is not None and _has_revisions(r) for r in (root, *note_roots.values()))
    reader = _Reader(path, tracked, styles, numbering, {k: notes_of(r, k) for k, r in note_roots.items()},
                     {kind: note_format(kind, settings, body) for kind in _NOTE_KINDS})
    reader.block(body, None, 0)
    paragraphs = _assemble(reader)
    for kind, where, part_root in running:       # page headers and footers, after everything else
        part_reader = _Reader(path, tracked, styles, numbering, {})
        part_reader.budget = reader.budget
        part_reader.block(part_root, where, 0)
        had_tracked = had_tracked or _has_revisions(part_root)
        paragraphs += [replace(p, index=len(paragraphs) + k, kind=kind, origin=-1)
                       for k, p in enumerate(_assemble(part_reader))]
    if not paragraphs:
        if next(body.iter(*_CONTENT_TAGS), None) is None:
            # As an empty .txt: nothing to compare. Say why when the reader knows (text only in shapes).
            why = "; ".join(sorted(reader.warnings))
            raise InputError(str(path), "the file is empty (it contains no text)" + (f"; {why}" if why else ""))
        # A picture, a chart, an equation or a table with empty cells is content: the Word exports (the
        # redline on the documents) carry and track it, so the document is read, with a note.
        reader.warnings.add("the document holds no text, only pictures, tables or other objects")
    warnings = []
    if had_tracked:
        warnings.append("read with tracked changes accepted" if tracked == "accepted"
                        else "read as the original text, with tracked changes rejected")
    warnings.extend(sorted(reader.warnings))
    return Document(path=str(path), paragraphs=tuple(paragraphs), format="docx",
                    had_tracked_changes=had_tracked, tracked_view=tracked, warnings=tuple(warnings))


def paragraph_elements(body, tracked: str = "accepted") -> list:
    """The w:p elements of a parsed document body in the order the reader walks them, so that
    ``paragraph_elements(body)[p.origin]`` is the element a read Paragraph came from."""
    reader = _Reader(Path(), tracked, Styles(), Numbering(None), {})
    reader.elements_only = True
    reader.block(body, None, 0)
    return reader.elements


def _has_revisions(root) -> bool:
    tags = [f"{{{ns}}}{n}" for ns in W_NS for n in ("ins", "del", "moveFrom", "moveTo")]
    return next(root.iter(*tags), None) is not None


def _merge(raws: list[_Raw]) -> list[_Raw]:
    """Join each paragraph whose mark the tracked view removes with the one after it. Linear: a run of
    paragraphs whose marks are all removed grows one list, never copied per paragraph."""
    merged: list[_Raw] = []
    pending: _Raw | None = None
    for raw in raws:
        if pending is not None:
            # The surviving paragraph mark (the later one) carries style and numbering.
            pending.pieces.extend(raw.pieces)
            pending.notes.extend(raw.notes)
            raw = _Raw(pending.pieces, pending.notes, raw.style_id, raw.num,
                       pending.source, raw.mark_removed, raw.origin)
        if raw.mark_removed:
            # The joined paragraph's own lists (the walked paragraphs are left as they were read).
            pending = raw if pending is not None else replace(raw, pieces=list(raw.pieces), notes=list(raw.notes))
            continue
        pending = None
        merged.append(raw)
    if pending is not None:
        merged.append(pending)
    return merged


def _assemble(reader: _Reader) -> list[Paragraph]:
    """Merge paragraphs over removed marks, compute list labels, drop empties, place notes."""
    out: list[Paragraph] = []
    placed: set[tuple[str, str]] = set()
    styles = reader.styles
    for raw in _merge(reader.raws):
        num = raw.num if raw.num is not None else styles.numbering(raw.style_id)
        label = ""
        if num is not None:
            style_num = styles.numbering(raw.style_id) or (None, None)
            num_id = num[0] if num[0] is not None else style_num[0]
            ilvl = num[1] if num[1] is not None else (style_num[1] or 0)
            label = reader.numbering.label(num_id, ilvl)   # counted even when the text is empty, as Word does
        text, runs = merge_runs(raw.pieces)
        if not text.strip():
            continue
        refs = tuple(n or i for _, i, n in raw.notes)
        out.append(Paragraph(index=len(out), text=text, source=raw.source, runs=runs,
                             style=styles.name(raw.style_id), numbering=label, footnote_refs=refs,
                             origin=raw.origin))
        for kind, note_id, number in raw.notes:
            if (kind, note_id) in placed or note_id not in reader.notes.get(kind, {}):
                continue
            placed.add((kind, note_id))
            out.extend(_note_paragraphs(reader, kind, note_id, number or note_id, len(out)))
    return out


def _note_paragraphs(reader: _Reader, kind: str, note_id: str, number: str, index: int) -> list[Paragraph]:
    """The note's paragraphs (its empty ones dropped); the first opens with the marker."""
    source = f"{kind} {number}"
    note_reader = _Reader(reader.path, reader.view, reader.styles, Numbering(None), {})
    note_reader.budget = reader.budget
    note_reader.block(reader.notes[kind][note_id], source, 0)
    reader.warnings.update(note_reader.warnings)
    return note_paragraphs((merge_runs(raw.pieces) for raw in _merge(note_reader.raws)), number, source, index)


def note_paragraphs(bodies, number: str, source: str, index: int) -> list[Paragraph]:
    """A note's paragraphs from its (text, runs) pairs, empty ones dropped: kind FOOTNOTE, the first
    opening with the marker ("¹ ", its ``prefix``; ``label`` the number), ``index`` counting on from
    ``index``. A note with no text is its marker alone. Shared by the .docx, .odt and .html readers."""
    marker = note_marker(number)
    out: list[Paragraph] = []
    for body, runs in bodies:
        if not body:
            continue
        if out:
            out.append(Paragraph(index=index + len(out), text=body, kind=Kind.FOOTNOTE, source=source, runs=runs))
            continue
        prefix = f"{marker} "
        out.append(Paragraph(index=index, text=prefix + body, kind=Kind.FOOTNOTE, prefix=prefix, label=number,
                             source=source, runs=(Run(marker, superscript=True), Run(" ")) + runs))
    return out or [Paragraph(index=index, text=marker, kind=Kind.FOOTNOTE, prefix=marker, label=number,
                             source=source, runs=(Run(marker, superscript=True),))]
