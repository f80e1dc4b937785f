"""HTML documents (a resolution saved from the web or exported as a web page), read with lxml.html into
the Document app.io.docx_reader gives for a .docx.

Blocks become paragraphs in document order: every run of inline content between block boundaries
(p, h1-h6, li, dt, dd, blockquote, td/th, pre, div/section/article text, caption, figcaption ...) is one
paragraph, as a browser lays out anonymous blocks. Whitespace collapses as in a browser; <br> and the
line breaks of <pre> are U+2028, as docx_reader reads a Word line break. i/em/cite/var/dfn are italic runs,
b/strong bold, u underline, sup superscript (also from simple inline ``style`` declarations); headings are
not made bold. Labels a browser draws for <ol> items ("1.", "a.") go into ``Paragraph.numbering``, bullets
of <ul> are "•" (as docx_reader gives a Word bullet).

Dropped: head, script, style, noscript, template, nav, form, button, select, svg, iframe ..., hidden
elements, and header/footer/aside that are site chrome (holding a nav, role banner/contentinfo, or mostly
link text), never a <header> holding document text (the UDHR puts its preamble there).

Notes: a link to "#id" that looks like a note citation (in <sup>, role doc-noteref, note-like class or
name, a short label such as "1" or "[2]") whose target is a note (role doc-footnote/doc-endnote, a class
or id such as "footnote", "fn1", "_ftn1", Word's mso-element:footnote) is read like a Word note: a
superscript marker in the citing paragraph's text ("¹"), ``footnote_refs``, and the note's paragraphs as
FOOTNOTE right after it (source "footnote 1"), without backlinks or a repeated leading label. A note
nobody cites stays a plain paragraph where it is.

Safety: the bytes are bounded (MAX_HTML_BYTES), lxml parses without network access, huge trees or base
URLs, nothing referenced by the page is fetched, and nesting beyond _MAX_DEPTH is refused.
"""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree
from lxml import html as lhtml

from app.core.model import Document, Paragraph, Run
from app.io.docx_reader import merge_runs, note_marker, note_paragraphs   # the same notes and runs as a .docx
from app.io.errors import InputError
from app.io.html_notes import Notes, find_notes, words
from app.io.text_reader import _BOMS, decode_text
from app.io.wordml import format_number
from app.io.xml_text import count_dropped, drop_illegal

logger = logging.getLogger(__name__)

MAX_HTML_BYTES = 32 * 2**20
MAX_ELEMENTS = 1_000_000
LANGUAGES = {"en": "en", "eng": "en", "fr": "fr", "fra": "fr", "fre": "fr", "es": "es", "spa": "es", "ar": "ar",
             "ara": "ar", "arb": "ar", "zh": "zh", "zho": "zh", "chi": "zh", "cmn": "zh", "ru": "ru", "rus": "ru"}
_MAX_DEPTH = 200
_DROP = {"head", "title", "script", "style", "noscript", "template", "nav", "form", "button", "select", "svg",
         "iframe", "frame", "frameset", "object", "embed", "canvas", "audio", "video", "map", "textarea", "input",
         "option", "datalist", "meta", "link", "base", "rt", "rp", "dialog"}
_BLOCKS = {"html", "body", "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "dl", "ul", "ol", "menu",
           "blockquote", "pre", "div", "section", "article", "main", "header", "footer", "aside", "address",
           "table", "caption", "thead", "tbody", "tfoot", "tr", "td", "th", "figure", "figcaption", "hr",
           "details", "summary", "fieldset", "legend", "center", "hgroup", "search", "dir", "listing", "xmp"}
_CHROME = {"header", "footer", "aside"}
_ITALIC, _BOLD = {"i", "em", "cite", "var", "dfn"}, {"b", "strong"}
_LIST_FORMATS = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_META_CHARSET = re.compile(rb"(?:<meta[^>]*?charset|<\?xml[^>]*?encoding)\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)",
                           re.IGNORECASE)
_WHATWG = {"iso-8859-1": "cp1252", "latin1": "cp1252", "l1": "cp1252", "iso8859-1": "cp1252", "us-ascii": "cp1252",
           "ascii": "cp1252", "windows-1252": "cp1252", "x-cp1252": "cp1252", "iso-8859-9": "cp1254"}
_WS = re.compile(r"[ \t\n\r\f]+")
_DOCTYPE = re.compile(r"<!DOCTYPE[^\[>]*(\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)
_SUPER = (False, False, False, True)
_NO_MARKER = re.compile(r"list-style(-type)?\s*:\s*none", re.IGNORECASE)


class _TooDeep(Exception):
    """Internal: nesting beyond _MAX_DEPTH."""


def _fmt(el, fmt: tuple) -> tuple:
    bold, italic, under, sup = fmt
    tag = el.tag
    italic = italic or tag in _ITALIC
    bold = bold or tag in _BOLD
    under = under or tag == "u"
    sup = True if tag == "sup" else False if tag == "sub" else sup
    for decl in (el.get("style") or "").lower().split(";"):
        prop, _, value = (s.strip() for s in decl.partition(":"))
        if prop == "font-style":
            italic = value in ("italic", "oblique")
        elif prop == "font-weight":
            bold = value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)
        elif prop in ("text-decoration", "text-decoration-line"):
            under = "underline" in value
        elif prop == "vertical-align":
            sup = value == "super"
    return (bold, italic, under, sup)


def _hidden(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return el.get("hidden") is not None or el.get("aria-hidden") == "true" or "display:none" in style \
        or "visibility:hidden" in style


def _is_chrome(el, notes: set) -> bool:
    """A header, footer or aside that is site chrome, not document text."""
    if el.get("role") in ("banner", "contentinfo") or el.xpath(".//nav|.//*[@role='navigation']"):
        return True
    if any(n is el or any(x is el for x in n.iterancestors()) for n in notes):
        return False
    words = "".join(el.xpath(".//text()[not(ancestor::script or ancestor::style)]")).strip()
    text = len(words)
    links = sum(len(a.text_content().strip()) for a in el.iter("a"))
    if el.tag == "footer" and text < 300 and _SITE_FOOTER.search(words):
        return True                      # "© United Nations 2026 | Privacy notice | Terms of use"
    return text == 0 or links * 2 >= text


_SITE_FOOTER = re.compile(r"©|\(c\)\s*\d{4}|copyright|privacy|terms of use|cookies|conditions d.utilisation|"
                          r"mentions légales|aviso legal|política de privacidad", re.IGNORECASE)


@dataclass
class _Raw:
    pieces: list = field(default_factory=list)
    notes: list = field(default_factory=list)        # (note element, number, kind)
    source: str = ""
    numbering: str = ""


@dataclass
class _Walker:
    found: Notes
    numbered: bool = True
    where: str | None = None
    raws: list = field(default_factory=list)
    cur: _Raw = field(default_factory=_Raw)
    ws: bool = True
    pre: int = 0
    label: str = ""
    lists: list = field(default_factory=list)        # [kind, next number, step, format] per open list
    tables: list = field(default_factory=list)       # [table number, row, cell] per open table
    t_count: int = 0
    p_count: int = 0
    dropped: int = 0
    keep: object = None             # a note being read: shown however the page hides or places it

    def flush(self) -> None:
        if any(t.strip() for t, _ in self.cur.pieces):
            self.p_count += 1
            self.cur.source = self.where or f"paragraph {self.p_count}"
            self.cur.numbering, self.label = self.label, ""
            self.raws.append(self.cur)
        self.cur, self.ws = _Raw(), True

    def emit(self, s: str, fmt: tuple) -> None:
        bad = count_dropped(s)
        if bad:
            self.dropped += bad
            s = drop_illegal(s)
        if s:
            self.cur.pieces.append((s, fmt))

    def text(self, s: str | None, fmt: tuple) -> None:
        if not s:
            return
        s = s.replace("\u00ad", "")
        if self.pre:
            self.emit(s.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\u2028"), fmt)
            self.ws = False
            return
        s = _WS.sub(" ", s)
        if self.ws and s.startswith(" "):
            s = s[1:]
        if s:
            self.emit(s, fmt)
            self.ws = s.endswith(" ")

    def line_break(self, fmt: tuple) -> None:
        if self.ws and self.cur.pieces and self.cur.pieces[-1][0].endswith(" "):
            t, f = self.cur.pieces[-1]
            self.cur.pieces[-1] = (t[:-1], f)
        self.emit("\u2028", fmt)
        self.ws = True

    def node(self, el, fmt: tuple, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise _TooDeep()
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _DROP or el in self.found.notes or el.get("role") == "navigation" or (
                el is not self.keep and (_hidden(el) or (tag in _CHROME and _is_chrome(el, self.found.notes)))):
            return
        if el in self.found.cites:
            note, number, kind = self.found.cites[el]
            self.emit(note_marker(number), _SUPER)
            self.cur.notes.append((note, number, kind))
            self.ws = False
            return
        if tag == "br":
            self.line_break(fmt)
            return
        if tag == "a" and self.is_backlink(el):
            return
        block = tag in _BLOCKS
        saved = self.where
        if block:
            self.flush()
            self.enter(el, tag)
        fmt = _fmt(el, fmt)
        self.pre += tag in ("pre", "listing", "xmp")
        self.text(el.text, fmt)
        for c in el:
            self.node(c, fmt, depth + 1)
            self.text(c.tail, fmt)
        self.pre -= tag in ("pre", "listing", "xmp")
        if block:
            self.flush()
            self.where = saved
            if tag == "li":
                self.label = ""          # an item whose label no text took (empty) does not pass it on
            if tag in ("ol", "ul", "menu", "dir") and self.lists:
                self.lists.pop()
            elif tag == "table" and self.tables:
                self.tables.pop()

    def enter(self, el, tag: str) -> None:
        """Open a block: list and table counters, the source of a table cell, a list item's label."""
        if tag in ("ol", "ul", "menu", "dir"):
            items = [c for c in el if c.tag == "li"]
            reverse = tag == "ol" and el.get("reversed") is not None
            start = _number(el.get("start"), len(items) if reverse else 1)
            plain = _NO_MARKER.search(el.get("style") or "") is not None
            self.lists.append([tag if not plain else "none", start, -1 if reverse else 1,
                               _LIST_FORMATS.get(el.get("type") or "1", "decimal")])
        elif tag == "li" and self.numbered and self.lists:
            frame = self.lists[-1]
            if frame[0] == "ol":
                n = _number(el.get("value"), frame[1])
                self.label = f"{format_number(n, frame[3])}."
                frame[1] = n + frame[2]
            elif frame[0] != "none":
                self.label = "•"
        elif tag == "table":
            self.t_count += 1
            self.tables.append([self.t_count, 0, 0])
        elif tag == "tr" and self.tables:
            self.tables[-1][1] += 1
            self.tables[-1][2] = 0
        elif tag in ("td", "th") and self.tables:
            t = self.tables[-1]
            t[2] += 1
            self.where = f"table {t[0]}, row {max(t[1], 1)}, cell {t[2]}"

    def is_backlink(self, a) -> bool:
        """A link in a note back to its citation (dropped from the note's text)."""
        href = (a.get("href") or "").strip()
        marks = words(a).lower()
        return (href.startswith("#") and href[1:] in self.found.cite_ids) or "doc-backlink" in marks \
            or "backref" in marks or "backlink" in marks or "footnote-back" in marks


def _number(value: str | None, default: int) -> int:
    try:
        return min(max(int((value or "").strip()), -32767), 32767) if value else default
    except ValueError:
        logger.debug("not a number: %.40r", value)
        return default


def _assemble(walker: _Walker) -> list[Paragraph]:
    out: list[Paragraph] = []
    placed: set = set()
    for raw in walker.raws:
        text, runs = merge_runs(raw.pieces)
        if not text.strip():
            continue
        out.append(Paragraph(index=len(out), text=text, source=raw.source, runs=runs, numbering=raw.numbering,
                             footnote_refs=tuple(n for _, n, _ in raw.notes)))
        for note, number, kind in raw.notes:
            if note not in placed:
                placed.add(note)
                out.extend(_note_paragraphs(walker, note, number, kind, len(out)))
    return out


def _note_paragraphs(walker: _Walker, note, number: str, kind: str, index: int) -> list[Paragraph]:
    """The note's paragraphs, the first opening with the marker (as docx_reader's notes)."""
    source = f"{kind} {number}"
    inner = _Walker(Notes(cite_ids=walker.found.cite_ids), numbered=False, where=source, keep=note)
    inner.node(note, (False,) * 4, 0)
    inner.flush()
    walker.dropped += inner.dropped
    marker = note_marker(number)
    bodies = [merge_runs(raw.pieces) for raw in inner.raws]
    first = next((k for k, (text, _) in enumerate(bodies) if text), None)
    if first is not None:   # a label the page repeats at the note's start ("1.", "[1]", "¹")
        text, runs = bodies[first]
        m = re.match(rf"^[\[(]?({re.escape(number)}|{re.escape(marker)})[\])]?\.?(\s+|$)", text)
        if m:
            bodies[first] = merge_runs([(t, (r.bold, r.italic, r.underline, r.superscript))
                                        for t, r in _cut(runs, m.end())])
    return note_paragraphs(bodies, number, source, index)


def _cut(runs: tuple[Run, ...], n: int) -> list[tuple[str, Run]]:
    """The runs without their first ``n`` characters."""
    out = []
    for r in runs:
        take = r.text[n:]
        n = max(0, n - len(r.text))
        if take:
            out.append((take, r))
    return out


def _multibyte_utf8(data: bytes) -> bool:
    """Valid UTF-8 holding at least one multi-byte character (text a single-byte charset never gives)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not text.isascii()


def _decode(data: bytes, path: str) -> tuple[str, str]:
    """Text and encoding name: a byte-order mark, else the <meta> charset, else UTF-8, else Windows-1252."""
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return decode_text(data, path)
    m = _META_CHARSET.search(data[:8192])
    if m:
        declared = m.group(1).decode("ascii").lower()
        try:
            codec = codecs.lookup(_WHATWG.get(declared, declared)).name
        except LookupError:
            logger.info("%s: unknown charset %r declared; ignored", path, declared)
            codec = ""
        if codec in ("latin-1", "iso8859-1", "cp1252", "ascii") and _multibyte_utf8(data):
            # a page saved as UTF-8 whose <meta> kept the old single-byte charset: decoding it as the
            # <meta> says would turn every "é" into "Ã©"; valid UTF-8 with multi-byte letters decides
            logger.info("%s: declares %s but holds UTF-8; read as UTF-8", path, codec)
            return data.decode("utf-8"), "UTF-8"
        if codec and not codec.startswith(("utf-16", "utf-32")):   # as WHATWG: those mean UTF-8 here
            try:
                return data.decode(codec), {"cp1252": "Windows-1252", "utf-8": "UTF-8"}.get(codec, codec.upper())
            except UnicodeDecodeError:
                logger.info("%s: not valid %s as its <meta> says; decoding by content", path, codec)
    return decode_text(data, path)


def read_html(path: Path, data: bytes) -> Document:
    """Read an HTML file (bytes already loaded by app.io.readers) into an unstructured Document (format
    "html", ``language`` from <html lang> when an official UN language, else "und"). Raises InputError,
    with one sentence, for a file that is too large, binary, not HTML, nested too deeply or without text."""
    try:
        return _read(path, data)
    except InputError:
        raise
    except (_TooDeep, RecursionError):
        raise InputError(str(path), "the HTML is nested too deeply to be read; refused") from None
    except Exception:   # noqa: BLE001 - a damaged file must never surface as a crash
        logger.warning("unexpected error reading %s as HTML", path, exc_info=True)
        raise InputError(str(path), "this HTML file cannot be read (it is damaged or not HTML)") from None


def _read(path: Path, data: bytes) -> Document:
    if len(data) > MAX_HTML_BYTES:
        raise InputError(str(path), f"the HTML file is too large (the limit is {MAX_HTML_BYTES // 2**20} MB)")
    text, encoding = _decode(data, str(path))
    if not text.strip():
        raise InputError(str(path), "the file is empty (it contains no text)")
    if not re.search(r"<[A-Za-z!/?]", text[:200_000]):
        raise InputError(str(path), "this is not an HTML file (it contains no HTML markup)")
    text = _DOCTYPE.sub("", text, count=1)      # an internal subset ([<!ENTITY ...>]) would show as text
    parser = lhtml.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                              huge_tree=False, recover=True, default_doctype=False, collect_ids=False)
    try:
        root = lhtml.document_fromstring(text.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        raise InputError(str(path), "the file is empty (it contains no text)") from None
    if sum(1 for _ in root.iter()) > MAX_ELEMENTS:
        raise InputError(str(path), f"the HTML file is too large to be read (over {MAX_ELEMENTS:,} elements)")
    walker = _Walker(find_notes(root))
    walker.node(root, (False,) * 4, 0)
    walker.flush()
    paragraphs = _assemble(walker)
    if not paragraphs:
        raise InputError(str(path), "the file is empty (it contains no text)")
    body = root.find("body")
    lang = next((v for el in (root, body) if el is not None for v in (el.get("lang"), el.get("xml:lang")) if v), "")
    lang = lang.strip().lower().replace("_", "-").split("-")[0]      # dir="rtl" alone names no language
    warnings = ()
    if walker.dropped:
        warnings = (f"{walker.dropped} control character{'s' if walker.dropped > 1 else ''} that a Word file "
                    "cannot hold removed",)
    return Document(path=str(path), paragraphs=tuple(paragraphs), format="html", encoding=encoding,
                    language=LANGUAGES.get(lang, "und"), warnings=warnings)
