"""PDF documents (the UN document system publishes resolutions as PDF): the text layer, read as lines
with their geometry and fonts, then put back into paragraphs and notes by app.io.reflow.

Library: pdfminer.six (MIT; pure Python, maintained, no AGPL code): it gives every character with its
font name, size and position, which is what the reader needs to tell italics, raised note markers,
the smaller type of footnotes, paragraph gaps and first-line indents. Pages are read without
pdfminer's own layout analysis; lines are built here from characters that share a baseline band.

What is read from the geometry:
- a line whose characters are smaller and raised above the line's baseline are note markers ("¹");
- a vertical gap wider than the usual line spacing, or a first-line indent, starts a paragraph;
- lines in the page's lower part set in smaller type than the body are that page's notes;
- lines in the top or bottom margin that recur on other pages (digits aside) are running heads and
  feet, and a page number, job number or document symbol alone in a margin is furniture too.
"""
from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from app.core.language import RTL_LETTER
from app.core.model import Document
from app.io.docx_reader import note_marker
from app.io.errors import InputError
from app.io.reflow import BARCODE, JOB_NUMBER, PAGE_NUMBER, SYMBOL_LINE, Line, reflow
from app.io.text_reader import pieces_to_paragraphs, warnings_of
from app.io.xml_text import drop_illegal

log = logging.getLogger(__name__)

MAX_PAGES = 2000                   # a resolution has a few dozen pages; a report a few hundred
MARGIN = 0.08                      # top and bottom 8 % of the page are where running heads and feet sit
_LIGATURES = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
                            "\ufb05": "st", "\ufb06": "st"})
_ITALIC = re.compile(r"italic|oblique|-it\b|,it\b", re.IGNORECASE)
_BOLD = re.compile(r"bold|black|heavy|-bd\b", re.IGNORECASE)


@dataclass
class _Char:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    size: float
    italic: bool
    bold: bool


@dataclass
class _Page:
    height: float
    lines: list["_PdfLine"]
    rule: float = 0.0                 # the top of the footnote separator drawn on the page (0: none)


@dataclass
class _PdfLine:
    chars: list[_Char]
    text: str = ""
    fmt: list[tuple[bool, bool]] = field(default_factory=list)
    x0: float = 0.0
    top: float = 0.0
    bottom: float = 0.0
    size: float = 0.0
    cell: bool = False                # the first line of a table cell: a paragraph of its own
    left: float | None = None         # the left edge of its column or cell (None: the page's text column)


def read_pdf(path: Path, data: bytes) -> Document:
    """Read a PDF's text layer into an unstructured Document (format "pdf").

    Raises InputError for an encrypted, damaged or image-only PDF (no text layer), naming the file.
    """
    pages = _pages(path, data)
    if not any(page.lines for page in pages):
        raise InputError(str(path), "the PDF has no text layer (it is a scanned image); "
                                    "run it through OCR or open the Word version of the document")
    lines, removed = _lines(pages)
    pieces, report = reflow(lines, wrapped=True, unit="page")
    report.furniture.update(removed)
    paragraphs = pieces_to_paragraphs(pieces)
    if not paragraphs:
        raise InputError(str(path), "the PDF holds no text")
    warnings = ["read from the PDF's text layer: paragraphs, notes and italics are reconstructed from the "
                "page layout"] + warnings_of(report, False)
    if undecoded(paragraphs):
        warnings.append("most of the PDF's text decodes to one repeated character: its fonts carry no "
                        "usable Unicode map (often Chinese or Japanese text); use the Word version")
    return Document(path=str(path), paragraphs=paragraphs, format="pdf", warnings=tuple(warnings))


def undecoded(paragraphs) -> bool:
    """The text layer holds glyph codes, not characters: one character makes up more than a third of
    all the letters (no language does that; a font without a usable Unicode map does)."""
    letters = Counter(ch for p in paragraphs for ch in p.text if ch.isalpha())
    total = sum(letters.values())
    return total >= 20 and letters.most_common(1)[0][1] * 3 > total


def _pages(path: Path, data: bytes) -> list[_Page]:
    """Each page's height (points) and lines, top to bottom."""
    try:
        from pdfminer.layout import LTChar, LTPage
        from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser, PDFSyntaxError
        from pdfminer.converter import PDFPageAggregator
        from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
        from pdfminer.psparser import PSException
    except ImportError as exc:                              # a broken install must say so, not read nothing
        raise InputError(str(path), f"PDF support is not installed ({exc.name}); reinstall Draft Compare") from exc
    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
        if not document.is_extractable:
            raise InputError(str(path), "the PDF does not allow its text to be copied (its author restricted it)")
        manager = PDFResourceManager(caching=True)
        device = PDFPageAggregator(manager, laparams=None)
        interpreter = PDFPageInterpreter(manager, device)
        out: list[_Page] = []
        for n, page in enumerate(PDFPage.create_pages(document)):
            if n >= MAX_PAGES:
                raise InputError(str(path), f"the PDF has more than {MAX_PAGES} pages; refused")
            interpreter.process_page(page)
            layout: LTPage = device.get_result()
            chars = [_char(obj) for obj in _walk(layout, LTChar)]
            lines = _page_lines([c for c in chars if c.text.strip() or c.text == " "])
            out.append(_Page(layout.height, lines, _note_rule(layout, lines)))
        return out
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise InputError(str(path), "the PDF is password-protected (encrypted); save an unprotected copy") from None
    except InputError:
        raise
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, AttributeError, IndexError,
            ZeroDivisionError, RecursionError, OverflowError) as exc:
        log.info("PDF %s could not be parsed: %r", path, exc)
        raise InputError(str(path), "this is not a valid PDF (the file is damaged or truncated)") from None


def _note_rule(layout, lines: list[_PdfLine]) -> float:
    """The y of the short horizontal rule Word and LibreOffice draw above a page's footnotes: a line
    or thin rectangle 40-300 pt wide, in the lower 60 % of the page, with text under it; 0 if none."""
    from pdfminer.layout import LTCurve
    best = 0.0
    for obj in _walk(layout, LTCurve):              # LTLine and LTRect are LTCurves
        width, height = obj.x1 - obj.x0, obj.y1 - obj.y0
        if 40 <= width <= 300 and height <= 2 and obj.y1 < 0.6 * layout.height:
            if any(line.top < obj.y0 for line in lines):
                best = max(best, obj.y1)
    return best


def _walk(obj, kind):
    if isinstance(obj, kind):
        yield obj
        return
    try:
        children = list(obj)
    except TypeError:
        return
    for child in children:
        yield from _walk(child, kind)


def _char(obj) -> _Char:
    font = getattr(obj, "fontname", "") or ""
    return _Char(obj.get_text().translate(_LIGATURES), obj.x0, obj.x1, obj.y0, obj.y1, obj.size or 0.0,
                 bool(_ITALIC.search(font)), bool(_BOLD.search(font)))


def _page_lines(chars: list[_Char]) -> list[_PdfLine]:
    """Group characters into lines by their vertical band, left to right; mark raised small digits."""
    chars.sort(key=lambda c: (-c.y1, c.x0))
    lines: list[_PdfLine] = []
    for c in chars:
        for line in reversed(lines[-3:]):
            top, bottom = line.top, line.bottom
            overlap = min(top, c.y1) - max(bottom, c.y0)
            if overlap > 0.5 * min(top - bottom, c.y1 - c.y0):
                line.chars.append(c)
                line.top, line.bottom = max(top, c.y1), min(bottom, c.y0)
                break
        else:
            lines.append(_PdfLine([c], top=c.y1, bottom=c.y0))
    lines = _tables(_columns(lines))
    for line in lines:
        _assemble(line)
    return [line for line in lines if line.text.strip()]


def _tables(lines: list[_PdfLine]) -> list[_PdfLine]:
    """Lines of a table (a run of lines with the same wide horizontal gap, three type sizes or more,
    between their first cell and the rest) read row by row and cell by cell: a row starts where the
    first column has text; a cell's lines stay together. Everything else is left as it is."""
    out: list[_PdfLine] = []
    k = 0
    while k < len(lines):
        cut = _wide_gap(lines[k])
        if cut is None:
            out.append(lines[k])
            k += 1
            continue
        j = k + 1
        while j < len(lines) and (_same_gap(_wide_gap(lines[j]), cut) or _right_of(lines[j], cut)):
            j += 1
        if j - k < 2:
            out.append(lines[k])
            k += 1
            continue
        rows: list[list[list[_Char]]] = []
        for line in lines[k:j]:
            left = [c for c in line.chars if c.x1 <= cut]
            right = [c for c in line.chars if c.x1 > cut]
            if any(c.text.strip() for c in left) or not rows:
                rows.append([[], []])
            rows[-1][0].append(left)
            rows[-1][1].append(right)
        for first, second in rows:
            for cell in (first, second):
                starts = True
                edge = min((c.x0 for chars in cell for c in chars if c.text.strip()), default=0.0)
                for chars in cell:
                    if any(c.text.strip() for c in chars):
                        out.append(_PdfLine(chars, top=max(c.y1 for c in chars), bottom=min(c.y0 for c in chars),
                                            cell=starts, left=edge))
                        starts = False
        k = j
    return out


def _wide_gap(line: _PdfLine) -> float | None:
    """The x where a line's first wide gap (three type sizes or more) starts, or None."""
    chars = sorted((c for c in line.chars if c.text.strip()), key=lambda c: c.x0)
    for a, b in zip(chars, chars[1:]):
        if b.x0 - a.x1 >= 3 * max(a.size, 1.0):
            return (a.x1 + b.x0) / 2
    return None


def _same_gap(gap: float | None, cut: float) -> bool:
    return gap is not None and abs(gap - cut) < 40


def _right_of(line: _PdfLine, cut: float) -> bool:
    """A line wholly right of the cut: the next line of a cell in the second column."""
    return all(c.x0 > cut for c in line.chars if c.text.strip())


def _columns(lines: list[_PdfLine]) -> list[_PdfLine]:
    """Lines in reading order when the page (or part of it) is set in columns or as a table.

    A gutter is a vertical strip, at least one type size wide and away from the margins, that no
    line's characters cross although text lies on both sides of it in most lines. Lines are cut at the
    gutters; each run of lines that no character crosses the gutters of is read column by column
    (a table's cells come out cell by cell, a two-column page column by column); a line across a
    gutter (a title over both columns) ends the run. Pages with no gutter are left as they are.
    """
    if len(lines) < 6:
        return lines
    gutters = _gutters(lines)
    if not gutters:
        return lines
    out: list[_PdfLine] = []
    run: list[list[_PdfLine]] = []

    def flush() -> None:
        for column in range(len(gutters) + 1):
            parts = [part[column] for part in run if part[column] is not None]
            edge = Counter(round(min(c.x0 for c in part.chars)) for part in parts).most_common(1)
            for part in parts:
                part.left = float(edge[0][0])
            out.extend(parts)
        run.clear()

    for line in lines:
        parts = _cut(line, gutters)
        if parts is None:
            flush()
            out.append(line)
        else:
            run.append(parts)
    flush()
    return out


def _gutters(lines: list[_PdfLine]) -> list[float]:
    """The x of each gutter (its middle), left to right; [] when the text is one column."""
    left = min(c.x0 for line in lines for c in line.chars)
    right = max(c.x1 for line in lines for c in line.chars)
    size = Counter(round(c.size) for line in lines for c in line.chars).most_common(1)[0][0] or 10
    width = right - left
    if width < 10 * size:
        return []
    step = max(size / 4, 1.0)
    bins = int(width / step) + 1
    covered = [0] * bins
    for line in lines:
        for c in line.chars:
            if c.text.strip():
                for k in range(int((c.x0 - left) / step), min(bins, int((c.x1 - left) / step) + 1)):
                    covered[k] += 1
    crossing = [0] * bins          # lines whose characters lie on both sides of a bin
    for line in lines:
        xs = sorted((c.x0, c.x1) for c in line.chars if c.text.strip())
        if xs:
            lo, hi = int((xs[0][0] - left) / step), int((xs[-1][1] - left) / step)
            for k in range(lo + 1, min(bins, hi)):
                crossing[k] += 1
    gutters: list[float] = []
    k = int(0.15 * bins)
    while k < int(0.85 * bins):
        if covered[k] <= len(lines) * 0.02 and crossing[k] >= len(lines) * 0.3:
            start = k
            while k < bins and covered[k] <= len(lines) * 0.02:
                k += 1
            if (k - start) * step >= size:
                gutters.append(left + (start + k) / 2 * step)
        k += 1
    return gutters


def _cut(line: _PdfLine, gutters: list[float]) -> list[_PdfLine | None] | None:
    """The line's parts between the gutters (None where a column is empty), or None when a character
    crosses a gutter (the line spans the columns)."""
    parts: list[list[_Char]] = [[] for _ in range(len(gutters) + 1)]
    for c in line.chars:
        k = 0
        while k < len(gutters) and c.x0 >= gutters[k]:
            k += 1
        if k < len(gutters) and c.x1 > gutters[k] and c.text.strip():
            return None
        parts[k].append(c)
    return [_PdfLine(chars, top=line.top, bottom=line.bottom) if any(c.text.strip() for c in chars) else None
            for chars in parts]


def _assemble(line: _PdfLine) -> None:
    line.chars = _logical_order(line.chars)
    sizes = Counter(round(c.size, 1) for c in line.chars if c.text.strip())
    size = sizes.most_common(1)[0][0] if sizes else 0.0
    base = min((c.y0 for c in line.chars if round(c.size, 1) == size), default=line.bottom)
    text: list[str] = []
    fmt: list[tuple[bool, bool]] = []
    prev: _Char | None = None
    for c in line.chars:
        t = c.text
        gap = c.x0 - prev.x1 if prev is not None and c.x0 >= prev.x0 else (prev.x0 - c.x1 if prev else 0.0)
        if prev is not None and t != " " and prev.text != " " and gap > 0.2 * max(size, 1.0):
            text.append(" ")
            fmt.append((False, False))
        raised = c.size < 0.85 * size and c.y0 > base + 0.2 * size
        if raised and t.isdigit():
            t = note_marker(t)
        text.append(t)
        fmt.extend([(c.bold, c.italic)] * len(t))
        prev = c
    joined = drop_illegal("".join(text))
    if len(joined) != len(fmt):                      # a dropped control character: formatting unknown
        fmt = [(False, False)] * len(joined)
    lead = len(joined) - len(joined.lstrip())
    line.text = joined.strip()
    line.fmt = fmt[lead:lead + len(line.text)]
    line.x0 = min(c.x0 for c in line.chars)
    line.size = size


_LTR = re.compile(r"[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF.,:/%\-]")


def _logical_order(chars: list[_Char]) -> list[_Char]:
    """The line's characters in reading order. A PDF places them on the page, left to right; a line
    written mostly in Arabic (or Hebrew) is read right to left, its runs of digits and Latin letters
    still left to right (the Unicode bidirectional algorithm, for the cases resolutions have)."""
    chars = sorted(chars, key=lambda c: c.x0)
    rtl = sum(1 for c in chars if RTL_LETTER.match(c.text))
    if rtl * 2 <= sum(1 for c in chars if c.text.strip()):
        return chars
    chars.reverse()
    out: list[_Char] = []
    k = 0
    while k < len(chars):
        if _LTR.match(chars[k].text):
            j = k
            while j < len(chars) and (_LTR.match(chars[j].text) or (chars[j].text == " " and j + 1 < len(chars)
                                                                   and _LTR.match(chars[j + 1].text))):
                j += 1
            out.extend(reversed(chars[k:j]))
            k = j
        else:
            out.append(chars[k])
            k += 1
    return out


def _lines(pages: list[_Page]) -> tuple[list[Line], Counter]:
    """Reflow input: every page's body lines with paragraph gaps, note areas and page breaks marked;
    the margins' furniture removed here (counted by kind)."""
    removed: Counter = Counter()
    body_size = _body_size(pages)
    recurring = _recurring_margin_lines(pages)
    left = _left_edge(pages)
    out: list[Line] = []
    for number, p in enumerate(pages, 1):
        page, height = p.lines, p.height
        if not page:
            continue
        paragraph_gap = _paragraph_gap(page, body_size)
        prev: _PdfLine | None = None
        first = True
        in_notes = False
        for line in page:
            in_margin = line.top > height * (1 - MARGIN) or line.bottom < height * MARGIN
            kind = _furniture(line, in_margin, recurring)
            if kind:
                removed[kind] += 1
                continue
            small = body_size and line.size < 0.9 * body_size
            if (small and line.bottom < height * 0.5 and prev is not None) or line.top < p.rule:
                in_notes = True
            gap = prev is not None and (prev.bottom - line.top) > paragraph_gap
            indent = line.x0 > (left if line.left is None else line.left) + 0.9 * body_size
            fmt = tuple(line.fmt) if any(b or i for b, i in line.fmt) else None
            out.append(Line(line.text, number, blank_before=first or gap or indent or line.cell,
                            page_break_before=first,
                            fmt=fmt, note_area=in_notes and (small or line.top < p.rule)))
            prev, first = line, False
    return out, removed


def _body_size(pages: list[_Page]) -> float:
    sizes: Counter = Counter()
    for page in pages:
        for line in page.lines:
            sizes[line.size] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _left_edge(pages: list[_Page]) -> float:
    """The text column's left edge: the most common line start."""
    starts = Counter(round(line.x0) for page in pages for line in page.lines)
    return float(starts.most_common(1)[0][0]) if starts else 0.0


def _paragraph_gap(page: list[_PdfLine], body_size: float) -> float:
    """The smallest gap between two lines (points) that starts a new paragraph on this page.

    Single-spaced lines of one paragraph are less than half the type size apart (a pitch of 1.15 to
    1.35 times the size); paragraph spacing adds 6 pt or a blank line. When even the closest lines on
    the page are further apart (1.5 or double spacing), half as much again as the closest gap counts.
    """
    size = body_size or 10.0
    gaps = sorted(a.bottom - b.top for a, b in zip(page, page[1:]) if a.bottom > b.top)
    closest = gaps[len(gaps) // 10] if len(gaps) >= 4 else 0.0      # too few lines to learn from
    return 1.5 * closest if closest > 0.55 * size else 0.55 * size


_DIGITS = re.compile(r"\d+")


def _recurring_margin_lines(pages: list[_Page]) -> set[str]:
    """Margin lines found on two pages or more, digits ignored ("2/5" and "3/5" recur)."""
    seen: Counter = Counter()
    for page in pages:
        height = page.height
        keys = {_DIGITS.sub("#", line.text) for line in page.lines
                if line.top > height * (1 - MARGIN) or line.bottom < height * MARGIN}
        seen.update(keys)
    return {k for k, n in seen.items() if n >= 2} if len(pages) > 1 else set()


def _furniture(line: _PdfLine, in_margin: bool, recurring: set[str]) -> str:
    t = line.text
    if JOB_NUMBER.match(t):
        return "job number"
    if BARCODE.match(t):
        return "barcode"
    if not in_margin:
        return ""
    if PAGE_NUMBER.match(t):
        return "page number"
    if SYMBOL_LINE.match(t):
        return "symbol"
    if _DIGITS.sub("#", t) in recurring:
        return "running head"
    return ""
