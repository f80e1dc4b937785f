"""OpenDocument Text (.odt) documents, read into the Document app.io.docx_reader gives for a .docx.

Security first: the package is opened with app.io.safe_xml (zip-bomb and entry limits) and content.xml
and styles.xml are parsed there (DOCTYPE/ENTITY refused, no network, no huge trees). odfdo then gets
those already-parsed trees (``odfdo.element.Element.from_tag``), never the bytes: its own Container
would inflate every entry and its XmlPart would parse again with lxml's default, more permissive parser.
Through odfdo's object model the reader walks the body, resolves styles and reads notes.

Conventions, as docx_reader: body paragraphs (text:p, text:h) in reading order, also in lists, sections
and tables ("table N, row R, cell C"), one Paragraph per non-empty paragraph, ``source`` "paragraph N"
(N counts every paragraph walked). Run formatting (bold, italic, underline, superscript) comes from the
paragraph style and the span/link styles, with their parents. Labels the application draws for a list
(text:list-level-style-number, outline numbering of headings) go into ``Paragraph.numbering``. A note's
citation is a superscript marker in the citing paragraph's text (footnote 1 drawn "¹", endnote "i") and
its paragraphs follow that paragraph as FOOTNOTE (source "footnote 1" / "endnote i"). Page headers and
footers of the master pages in use come last (source "page header", "page footer (first page)" ...).

Whitespace as ODF 1.2 part 1, 6.1.2: TAB/CR/LF in text are spaces, a space after a space (across element
boundaries) and at the start of a paragraph is dropped; text:s is n spaces, text:tab a TAB, text:line-break
U+2028 (as docx_reader), soft page breaks nothing, soft hyphens dropped. The body of an .odt holds the
accepted text of its tracked changes (deleted text lives in text:tracked-changes), so it is read as is.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import etree
from odfdo.element import Element

from app.core.model import Document, Paragraph
from app.io.docx_reader import merge_runs, note_marker, note_paragraphs   # the same notes and runs as a .docx
from app.io.errors import InputError
from app.io.odf_styles import Styles, attr, list_label, qname, running_stories, to_int
from app.io.safe_xml import has_part, open_zip, parse_xml, read_part
from app.io.wordml import format_number
from app.io.xml_text import count_dropped, drop_illegal

logger = logging.getLogger(__name__)

TEXT_MIMETYPES = ("application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.text-template")
MAX_ELEMENTS = 1_000_000            # a 500-page report has about 100,000; odfdo wraps each one walked
DAMAGED = "this is not a valid OpenDocument text file (the file is damaged or truncated)"
_OTHER_KINDS = {"spreadsheet": "a spreadsheet (.ods)", "presentation": "a presentation (.odp)",
                "graphics": "a drawing (.odg)", "formula": "a formula (.odf)", "chart": "a chart (.odc)",
                "database": "a database (.odb)", "image": "an image (.odi)", "text-master": "a master document (.odm)"}
_MAX_DEPTH = 120
_MAX_SPACES = 1000
_MAX_EXTRA_SPACES = 1_000_000
_SUPER = (False, False, False, True)
_WS = re.compile(r"[ \t\r\n]+")
_BLOCK_SKIP = {"text:tracked-changes", "text:sequence-decls", "text:variable-decls", "text:user-field-decls",
               "text:dde-connection-decls", "office:forms", "text:soft-page-break", "office:annotation",
               "office:annotation-end", "text:table-of-content-source", "text:illustration-index-source",
               "text:table-index-source", "text:object-index-source", "text:user-index-source",
               "text:alphabetical-index-source", "text:bibliography-source", "text:index-title-template",
               "text:section-source", "office:dde-source", "text:change", "text:change-start", "text:change-end",
               "table:table-columns", "table:table-column", "table:table-column-group", "table:table-header-columns"}
_INLINE_SKIP = {"text:soft-page-break", "text:change", "text:change-start", "text:change-end", "office:annotation",
                "office:annotation-end", "text:bookmark", "text:bookmark-start", "text:bookmark-end",
                "text:reference-mark", "text:reference-mark-start", "text:reference-mark-end", "text:toc-mark",
                "text:toc-mark-start", "text:toc-mark-end", "text:alphabetical-index-mark",
                "text:alphabetical-index-mark-start", "text:alphabetical-index-mark-end", "text:user-index-mark",
                "text:user-index-mark-start", "text:user-index-mark-end", "text:number", "text:hidden-text",
                "text:hidden-paragraph", "text:ruby-text", "office:event-listeners", "text:note-citation"}


class _TooDeep(Exception):
    """Internal: nesting beyond _MAX_DEPTH."""


@dataclass
class _Raw:
    pieces: list[tuple[str, tuple]]
    notes: list[tuple[str, Element | None, str]]     # ("footnote" | "endnote", text:note-body, number)
    style: str
    numbering: str
    source: str


@dataclass
class _Walker:
    """Walks one story (body, note body, page header or footer) into raw paragraphs."""

    styles: Styles
    numbered: bool = True
    raws: list[_Raw] = field(default_factory=list)
    warnings: set[str] = field(default_factory=set)
    dropped: int = 0
    p_count: int = 0
    t_count: int = 0
    note_count: dict[str, int] = field(default_factory=lambda: {"footnote": 0, "endnote": 0})
    list_ids: dict[str, list] = field(default_factory=dict)
    last_list: dict[str, list] = field(default_factory=dict)
    outline: list = field(default_factory=lambda: [None] * 12)
    ws: bool = True                      # the last character was a collapsible space (or none yet)
    budget: list = field(default_factory=lambda: [_MAX_EXTRA_SPACES])   # shared by a document's walkers

    # -- block level ------------------------------------------------------------------------------
    def block(self, children: list[Element], where: str | None, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise _TooDeep()
        for el in children:
            tag = qname(el)
            if tag in ("text:p", "text:h"):
                self.p_count += 1
                label = self.heading_label(el) if tag == "text:h" else ""
                self.paragraph(el, where or f"paragraph {self.p_count}", label, depth + 1)
            elif tag == "text:list":
                self.list_block(el, where, depth + 1, 1, None, None)
            elif tag == "table:table":
                self.table(el, depth + 1)
            elif tag == "text:numbered-paragraph":
                number = el.get_element("text:number")
                paras = [c for c in el.children if qname(c) in ("text:p", "text:h")]
                for k, p in enumerate(paras):
                    self.p_count += 1
                    label = number.inner_text.strip() if k == 0 and number is not None and self.numbered else ""
                    self.paragraph(p, where or f"paragraph {self.p_count}", label, depth + 1)
            elif tag in _BLOCK_SKIP:
                continue
            elif tag == "text:section" and attr(el, "text:display") == "none":
                continue
            elif tag.startswith(("draw:", "dr3d:")):
                self.shape(el)
            else:                          # sections, index bodies and titles, unknown wrappers
                self.block(el.children, where, depth + 1)

    def shape(self, el: Element) -> None:
        if any(str(p).strip() for p in el.get_elements(".//text:p")):
            self.warnings.add("text in text boxes or shapes was not read")

    def heading_label(self, h: Element) -> str:
        """Outline numbering of a heading outside a list (text:outline-style in styles.xml)."""
        if not self.numbered or self.styles.outline is None or attr(h, "text:is-list-header") == "true":
            return ""
        level = max(1, min(to_int(attr(h, "text:outline-level"), 1) or 1, 10))
        start = to_int(attr(h, "text:start-value"), None) if attr(h, "text:restart-numbering") == "true" else None
        return list_label(self.styles.outline, level, self.outline, start)

    def list_block(self, el: Element, where: str | None, depth: int, level: int, style: str | None,
             counters: list | None) -> None:
        if depth > _MAX_DEPTH:
            raise _TooDeep()
        style = attr(el, "text:style-name") or style
        if counters is None:           # a top-level list: new numbering, or continuing another list's
            ref, key = attr(el, "text:continue-list"), style or ""
            if ref and ref in self.list_ids:
                counters = self.list_ids[ref]
            elif attr(el, "text:continue-numbering") == "true" and key in self.last_list:
                counters = self.last_list[key]
            else:
                counters = [None] * 12
            if attr(el, "xml:id"):
                self.list_ids[attr(el, "xml:id")] = counters
            self.last_list[key] = counters
        for item in el.children:
            kind = qname(item)
            if kind not in ("text:list-item", "text:list-header"):
                continue
            start = to_int(attr(item, "text:start-value"), None)
            first = kind == "text:list-item"       # only an item's first paragraph carries its label
            for c in item.children:
                tag = qname(c)
                if tag in ("text:p", "text:h"):
                    self.p_count += 1
                    label = ""
                    if first and self.numbered:
                        list_style = style or self.styles.paragraph_list_style(attr(c, "text:style-name"))
                        label = list_label(self.styles.lists.get(list_style or ""), min(level, 10), counters, start)
                    first = False
                    self.paragraph(c, where or f"paragraph {self.p_count}", label, depth + 1)
                elif tag == "text:list":
                    first = False              # an item opening with a sub-list has no label of its own
                    self.list_block(c, where, depth + 2, level + 1, style, counters)
                else:
                    self.block([c], where, depth + 1)

    def table(self, el: Element, depth: int) -> None:
        self.t_count += 1
        t, r = self.t_count, 0
        for row in self.rows(el, depth):
            r += 1
            c = 0
            for cell in row.children:
                if qname(cell) != "table:table-cell":   # covered (merged) cells hold nothing shown
                    continue
                c += 1
                self.block(cell.children, f"table {t}, row {r}, cell {c}", depth + 2)
                c += max(0, min(to_int(attr(cell, "table:number-columns-repeated"), 1) or 1, 10_000) - 1)
            r += max(0, min(to_int(attr(row, "table:number-rows-repeated"), 1) or 1, 100_000) - 1)

    def rows(self, el: Element, depth: int):
        if depth > _MAX_DEPTH:
            raise _TooDeep()
        for c in el.children:
            tag = qname(c)
            if tag == "table:table-row":
                yield c
            elif tag in ("table:table-header-rows", "table:table-rows", "table:table-row-group"):
                yield from self.rows(c, depth + 1)

    # -- inline level -----------------------------------------------------------------------------
    def paragraph(self, el: Element, source: str, label: str, depth: int) -> None:
        name = attr(el, "text:style-name")
        raw = _Raw([], [], self.styles.display_name(name), label, source)
        self.ws = True
        self.inline(el, raw, self.styles.fmt((False,) * 4, "paragraph", name), depth + 1)
        self.raws.append(raw)

    def inline(self, el: Element, raw: _Raw, fmt: tuple, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise _TooDeep()
        self.text(el.text, raw, fmt)
        for c in el.children:
            tag = qname(c)
            if tag in ("text:span", "text:a"):
                self.inline(c, raw, self.styles.fmt(fmt, "text", attr(c, "text:style-name")), depth + 1)
            elif tag == "text:s":
                n = max(1, min(to_int(attr(c, "text:c"), 1) or 1, _MAX_SPACES))
                n = n if self.budget[0] >= n else 1          # a few bytes of XML must not become gigabytes
                self.budget[0] -= n - 1
                self.emit(" " * n, raw, fmt)
            elif tag == "text:tab":
                self.emit("\t", raw, fmt)
            elif tag == "text:line-break":
                self.emit("\u2028", raw, fmt)
            elif tag == "text:note":
                self.note(c, raw)
            elif tag == "text:ruby":
                base = c.get_element("text:ruby-base")
                if base is not None:
                    self.inline(base, raw, fmt, depth + 1)
            elif tag in _INLINE_SKIP:
                pass
            elif tag.startswith(("draw:", "dr3d:", "chart:", "form:")):
                self.shape(c)
            else:           # fields (page number, date, references ...) show their content; meta, unknown
                self.inline(c, raw, fmt, depth + 1)
            self.text(c.tail, raw, fmt)

    def text(self, s: str | None, raw: _Raw, fmt: tuple) -> None:
        if not s:
            return
        s = _WS.sub(" ", s.replace("\u00ad", ""))
        if self.ws and s.startswith(" "):
            s = s[1:]
        if s:
            self.emit(s, raw, fmt)
            self.ws = s.endswith(" ")

    def emit(self, s: str, raw: _Raw, fmt: tuple) -> None:
        bad = count_dropped(s)
        if bad:
            self.dropped += bad
            s = drop_illegal(s)
        if s:
            raw.pieces.append((s, fmt))
            self.ws = False

    def note(self, el: Element, raw: _Raw) -> None:
        kind = attr(el, "text:note-class") if attr(el, "text:note-class") in ("footnote", "endnote") else "footnote"
        self.note_count[kind] += 1
        citation = el.get_element("text:note-citation")
        number = citation.inner_text.strip() if citation is not None else ""
        if not number:
            number = format_number(self.note_count[kind], "decimal" if kind == "footnote" else "lowerRoman")
        self.emit(note_marker(number), raw, _SUPER)
        raw.notes.append((kind, el.get_element("text:note-body"), number))


def _assemble(walker: _Walker) -> list[Paragraph]:
    """Drop empty paragraphs, place each note's paragraphs after the paragraph citing it."""
    out: list[Paragraph] = []
    for raw in walker.raws:
        text, runs = merge_runs(raw.pieces)
        if not text.strip():
            continue
        out.append(Paragraph(index=len(out), text=text, source=raw.source, runs=runs, style=raw.style,
                             numbering=raw.numbering, footnote_refs=tuple(n for _, _, n in raw.notes)))
        for kind, body, number in raw.notes:
            out.extend(_note_paragraphs(walker, kind, body, number, len(out)))
    return out


def _note_paragraphs(walker: _Walker, kind: str, body: Element | None, number: str, index: int) -> list[Paragraph]:
    """The note's paragraphs (its empty ones dropped); the first opens with the marker (as docx_reader)."""
    source = f"{kind} {number}"
    inner = _Walker(walker.styles, numbered=False, budget=walker.budget)
    inner.block(body.children if body is not None else [], source, 0)
    walker.warnings.update(inner.warnings)
    walker.dropped += inner.dropped
    return note_paragraphs((merge_runs(raw.pieces) for raw in inner.raws), number, source, index)


def read_odt(path: Path, data: bytes) -> Document:
    """Read an .odt package (bytes already loaded by app.io.readers) into an unstructured Document
    (format "odt", tracked changes read accepted). Raises InputError, with one sentence a user can act
    on, for another kind of package (.ods, .odp ...), a damaged, encrypted or hostile file, or no text."""
    try:
        return _read(path, data)
    except InputError as exc:
        reason = exc.reason.replace("not a valid Word document", "not a valid OpenDocument text file")
        raise InputError(str(path), reason.replace(" in Word ", " in LibreOffice ")) from None
    except (_TooDeep, RecursionError):
        raise InputError(str(path), "the document is nested too deeply to be read; refused") from None
    except Exception:   # noqa: BLE001 - a damaged file must never surface as a crash
        logger.warning("unexpected error reading %s as .odt", path, exc_info=True)
        raise InputError(str(path), DAMAGED) from None


def _read(path: Path, data: bytes) -> Document:
    with open_zip(path, data) as zf:
        if not has_part(zf, "mimetype"):
            raise InputError(str(path), "this is not a valid OpenDocument text file (its mimetype entry is missing)")
        mimetype = read_part(zf, "mimetype", path, limit=4096).decode("ascii", "replace").strip()
        if mimetype not in TEXT_MIMETYPES:
            what = _OTHER_KINDS.get(mimetype.rsplit(".", 1)[-1].removesuffix("-template"), "another kind of file")
            raise InputError(str(path), f"this is {what}, not an OpenDocument text document (.odt); "
                                        "only text documents can be compared")
        if has_part(zf, "META-INF/manifest.xml") and b"encryption-data" in read_part(zf, "META-INF/manifest.xml", path):
            raise InputError(str(path), "the document is password-protected (encrypted); open it in LibreOffice, "
                                        "remove the password and save it again")
        content_root = parse_xml(read_part(zf, "content.xml", path), path, "content.xml")
        styles_root = parse_xml(read_part(zf, "styles.xml", path), path, "styles.xml") \
            if has_part(zf, "styles.xml") else None
    for root in (content_root, styles_root):
        if root is not None and sum(1 for _ in root.iter()) > MAX_ELEMENTS:
            raise InputError(str(path), f"the document is too large to be read (over {MAX_ELEMENTS:,} XML elements)")
        if root is not None:   # lxml, not odfdo: odfdo's ``children`` wraps comments, whose ``tag`` then fails
            etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
    content = Element.from_tag(content_root)
    text = content.get_element("office:body/office:text")
    if qname(content) != "office:document-content" or text is None:
        raise InputError(str(path), "this is not a valid OpenDocument text file (content.xml has no text body)")
    styles = Element.from_tag(styles_root) if styles_root is not None else None
    named = styles.get_element("office:styles") if styles is not None else None
    walker = _Walker(Styles(named, content.get_element("office:automatic-styles")))
    walker.block(text.children, None, 0)
    paragraphs = _assemble(walker)
    if not paragraphs:
        raise InputError(str(path), "the file is empty (it contains no text)")
    if styles is not None:
        page_styles = Styles(named, styles.get_element("office:automatic-styles"))
        for kind, source, story in running_stories(styles, content):
            part = _Walker(page_styles, budget=walker.budget)
            part.block(story.children, source, 0)
            paragraphs += [replace(p, index=len(paragraphs) + k, kind=kind) for k, p in enumerate(_assemble(part))]
            walker.warnings.update(part.warnings)
            walker.dropped += part.dropped
    had_tracked = any(r is not None and r.get_element("//text:tracked-changes/text:changed-region") is not None
                      for r in (content, styles))
    warnings = ["read with tracked changes accepted"] if had_tracked else []
    if walker.dropped:
        warnings.append(f"{walker.dropped} control character{'s' if walker.dropped > 1 else ''} that a Word file "
                        "cannot hold removed")
    warnings.extend(sorted(walker.warnings))
    return Document(path=str(path), paragraphs=tuple(paragraphs), format="odt", had_tracked_changes=had_tracked,
                    tracked_view="accepted", warnings=tuple(warnings))
