"""Paint a grid of HTML cells (app.io.sheet_html.SheetGrid) on paged devices (PDF writer, printer): the
renderer of the comparison sheet, in time linear in its rows.

Layout: every cell is one paragraph laid out once by QTextDocument at its column's width less the
padding; the cells of up to CHUNK grid rows that share a column (or a span of columns) are the
paragraphs of one document. (One QTextDocument table lays every cell out two or three times, and its
paged drawing walks every row for every page: half a minute for a sheet of 10,000 one-word pairs.) A
row is as tall as its tallest cell plus the padding above and below; the row's background, then each
cell's, then each cell's text are painted, so the marks look as QTextDocument draws them anywhere.

Pages: the head (title, file names, counts) on page 1, the column heads on top of every page, then
the rows. A row that does not fit in what is left of a page is split as QTextDocument splits a table
row: each cell after its last whole line that fits, the rest on the next page under the column heads,
so no line is cut or lost, even in a row taller than a page; a row that cannot show a line of every
unfinished cell where it would start moves to the next page whole. Every page is placed before the
first is painted, so "Page n of m" is known. Units: device pixels at the device's resolution; CSS px
are 1/96 inch, as QTextDocument scales them.
"""
from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QColor, QFont, QPagedPaintDevice, QPainter, QTextDocument

from app.io.sheet_html import Cell, GridRow, SheetGrid
from app.ui.paged_html import begin_painting, page_frame, paint_bands
from app.ui.stepped import Steps, drain, scaled

CHUNK = 500          # grid rows whose cells share one document per column
_TAG = re.compile(r"<[^>]*>")
_EPSILON = 0.01      # device px: a line that ends this close below a limit still fits


def _document(device: QPagedPaintDevice, css: str, body: str, width: float, margin: bool = False) -> QTextDocument:
    """A QTextDocument of ``body`` (HTML) laid out at ``width`` device pixels for ``device``, unpaged;
    ``margin``: with QTextDocument's own margin around it (else none)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont("DejaVu Serif", 9))
    if not margin:
        doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(width, -1))
    doc.setHtml(f"<html><head><style>{css}</style></head><body>{body}</body></html>")
    doc.size()                                        # the whole layout, now
    return doc


def _paragraph(cell: Cell) -> str:
    """A cell as its one paragraph; one with nothing to show gets a no-break space, as QTextDocument
    drops an empty paragraph (and the cells would no longer match the paragraphs)."""
    body = cell.html
    if "<br" not in body and not html.unescape(_TAG.sub("", body)).strip(" \t\n\r\f"):
        body += "&nbsp;"
    direction = ' dir="rtl" align="right"' if cell.rtl else ""
    return f'<p class="cell {cell.css}"{direction}>{body}</p>'


@dataclass
class _Box:
    """One cell laid out: its text's QTextLayout (a paragraph of ``document``, which must live while
    the layout is used), where the cell stands in the row (``x``, ``width``: its columns, padding
    included), its background and its lines' height."""

    document: QTextDocument
    layout: object
    x: float
    width: float
    fill: str
    height: float = 0.0
    origin: QPointF = field(default_factory=QPointF)   # draw the layout here to put its first line at (0, 0)
    _ends: list[float] | None = None

    def __post_init__(self) -> None:
        count = self.layout.lineCount()
        if count:
            position, first, last = self.layout.position(), self.layout.lineAt(0), self.layout.lineAt(count - 1)
            self.height = last.y() + last.height() - first.y()
            self.origin = QPointF(-position.x(), -position.y() - first.y())

    def draw_lines(self, painter: QPainter, at: QPointF, start: float, end: float) -> None:
        """Draw the lines between ``start`` and ``end`` (from the first line's top) with the first
        line's top-left at ``at``: line by line, as QTextLayout.draw with a clip draws one line more
        above it (clipped out of sight, but in the PDF's text)."""
        ends = self.line_ends()
        origin = at + self.origin + self.layout.position()
        for n in range(bisect.bisect_right(ends, start + _EPSILON), bisect.bisect_right(ends, end + _EPSILON)):
            self.layout.lineAt(n).draw(painter, origin)

    def line_ends(self) -> list[float]:
        """Where each line ends, from the first line's top."""
        if self._ends is None:
            lines = [self.layout.lineAt(n) for n in range(self.layout.lineCount())]
            self._ends = [line.y() + line.height() - lines[0].y() for line in lines]
        return self._ends

    def cut(self, start: float, room: float) -> float:
        """Where the cell's last whole line at most ``room`` below ``start`` ends (both measured from
        its first line's top); ``start`` when no line fits."""
        ends = self.line_ends()
        n = bisect.bisect_right(ends, start + room + _EPSILON)
        return max(start, ends[n - 1]) if n else start


@dataclass
class _Line:
    """One grid row laid out: its cells and background; ``height`` is its tallest cell's."""

    boxes: list[_Box]
    fill: str

    @property
    def height(self) -> float:
        return max((b.height for b in self.boxes), default=0.0)


@dataclass
class _Piece:
    """What one page shows of a row: its top on the page, its height, and per cell the stretch of its
    lines shown (from, to; None for the whole row)."""

    y: float
    height: float
    line: _Line
    span: tuple[tuple[float, ...], tuple[float, ...]] | None = None


def lay_out(rows: Sequence[GridRow], css: str, edges: Sequence[float], padding: float,
            device: QPagedPaintDevice) -> list[_Line]:
    """The rows laid out for ``device``: ``edges`` are the columns' left edges and the grid's right
    edge, ``padding`` the space around a cell's text (device px). ValueError when a row's cells do not
    cover the columns."""
    return drain(lay_out_steps(rows, css, edges, padding, device))


def lay_out_steps(rows: Sequence[GridRow], css: str, edges: Sequence[float], padding: float,
                  device: QPagedPaintDevice) -> Steps[list[_Line]]:
    """``lay_out`` in steps (app.ui.stepped): yields the fraction of the rows laid out after each
    document (a column of CHUNK rows) and each CHUNK."""
    lines: list[_Line] = []
    for first in range(0, len(rows), CHUNK):
        chunk = rows[first:first + CHUNK]
        slots: dict[tuple[int, int], list[Cell]] = {}
        places = []
        for row in chunk:
            column, place = 0, []
            for cell in row.cells:
                slot = slots.setdefault((column, cell.span), [])
                place.append(((column, cell.span), len(slot)))
                slot.append(cell)
                column += cell.span
            if column != len(edges) - 1:
                raise ValueError(f"a row of the sheet covers {column} columns of {len(edges) - 1}")
            places.append(place)
        layouts = {}
        for (column, span), cells in slots.items():
            width = edges[column + span] - edges[column] - 2 * padding
            doc = _document(device, css, "".join(_paragraph(c) for c in cells), width)
            block, found = doc.begin(), []
            while block.isValid():
                found.append(block.layout())
                block = block.next()
            if len(found) != len(cells):
                raise RuntimeError(f"{len(cells)} cells became {len(found)} paragraphs")
            layouts[column, span] = doc, found
            yield len(lines) / len(rows)                 # one document laid out: a step
        for row, place in zip(chunk, places):
            lines.append(_Line([_Box(layouts[slot][0], layouts[slot][1][n], edges[slot[0]],
                                     edges[slot[0] + slot[1]] - edges[slot[0]], cell.fill)
                                for cell, (slot, n) in zip(row.cells, place)], row.fill))
        yield len(lines) / len(rows)
    return lines


@dataclass
class _Head:
    """What one page shows of the head (the document above the table): its stretch ``start`` to
    ``end`` (document px), drawn from ``y`` down."""

    y: float
    start: float
    end: float


def paginate(lines: Sequence[_Line], header: _Line, head_ends: Sequence[float], *, top: float, bottom: float,
             padding: float) -> list[list[_Piece | _Head]]:
    """The head and the rows placed on pages whose body runs from ``top`` to ``bottom`` (device px):
    first the head (the document above the table, which starts at 0 and whose lines end at
    ``head_ends``, the last being where the table starts), cut after a line when it does not fit; then
    the column heads ``header``, again on top of each later page, then the rows, a row split at its
    cells' line ends when it does not fit (see the module's docstring). One list per page, at least one."""
    pages: list[list[_Piece | _Head]] = [[]]
    y, fresh = 0.0, False
    start, end = 0.0, head_ends[-1]
    while end - start > bottom - y + _EPSILON:          # a head longer than a page: cut after a line
        n = bisect.bisect_right(head_ends, start + bottom - y + _EPSILON)
        cut = head_ends[n - 1] if n and head_ends[n - 1] > start else start + bottom - y
        pages[-1].append(_Head(y, start, cut))
        pages.append([])
        y, start = top, cut
    pages[-1].append(_Head(y, start, end))
    y += end - start
    heads = header.height + 2 * padding

    def new_page() -> None:
        nonlocal y, fresh
        pages.append([_Piece(top, heads, header)])
        y, fresh = top + heads, True

    if heads > bottom - y + _EPSILON:
        new_page()
    else:
        pages[-1].append(_Piece(y, heads, header))
        y += heads
    for line in lines:
        shown: tuple[float, ...] | None = None       # per cell, how much is on earlier pages
        while True:
            room = bottom - y
            starts = shown or tuple(0.0 for _ in line.boxes)
            rest = max((b.height - s for b, s in zip(line.boxes, starts)), default=0.0)
            if rest + 2 * padding <= room + _EPSILON:
                pages[-1].append(_Piece(y, rest + 2 * padding, line, None if shown is None else
                                        (starts, tuple(b.height for b in line.boxes))))
                y, fresh = y + rest + 2 * padding, False
                break
            ends = tuple(b.cut(s, room - 2 * padding) for b, s in zip(line.boxes, starts))
            open_cells = [(e, s) for b, s, e in zip(line.boxes, starts, ends) if s < b.height - _EPSILON]
            if not all(e > s for e, s in open_cells):    # a cell would show none of its lines here
                if not fresh:
                    new_page()
                    continue
                if not any(e > s for e, s in open_cells):    # a line taller than a page: cut it
                    ends = tuple(min(b.height, s + max(room - 2 * padding, 1.0)) for b, s in zip(line.boxes, starts))
            pages[-1].append(_Piece(y, max(e - s for e, s in zip(ends, starts)) + 2 * padding, line, (starts, ends)))
            new_page()
            shown = ends
    return pages


_COLOURS: dict[str, QColor] = {}


def _colour(name: str) -> QColor:
    if name not in _COLOURS:
        _COLOURS[name] = QColor(name)
    return _COLOURS[name]


def _paint_piece(painter: QPainter, piece: _Piece, left: float, width: float, padding: float) -> None:
    line = piece.line
    if line.fill:
        painter.fillRect(QRectF(left, piece.y, width, piece.height), _colour(line.fill))
    for box in line.boxes:
        if box.fill:
            painter.fillRect(QRectF(left + box.x, piece.y, box.width, piece.height), _colour(box.fill))
    for n, box in enumerate(line.boxes):
        x, y = left + box.x + padding, piece.y + padding
        if piece.span is None:
            box.layout.draw(painter, QPointF(x, y) + box.origin)
            continue
        start, end = piece.span[0][n], piece.span[1][n]
        if end <= start:
            continue
        painter.save()
        painter.setClipRect(QRectF(left + box.x, y, box.width, end - start))
        box.draw_lines(painter, QPointF(x, y - start), start, end)
        painter.restore()


def _head_lines(doc: QTextDocument) -> list[tuple[float, float, object, QPointF]]:
    """The lines of ``doc`` (paragraphs only) top to bottom: (top, bottom) in document px, the line and
    where to draw it (its layout's position)."""
    lines = []
    block = doc.begin()
    while block.isValid():
        layout = block.layout()
        position = layout.position()
        for line in (layout.lineAt(n) for n in range(layout.lineCount())):
            lines.append((position.y() + line.y(), position.y() + line.y() + line.height(), line, position))
        block = block.next()
    return sorted(lines, key=lambda line: line[0])


def paint_grid_steps(grid: SheetGrid, device: QPagedPaintDevice, header: str,
                     page_label: Callable[[int, int], str], *, page_size: str | None = None,
                     what: str = "sheet") -> Steps[int]:
    """Paint ``grid`` on a paged device, ``header`` on top of every page and ``page_label(n, m)`` at
    the foot; returns the page count. With ``page_size`` the device is set to that size in landscape
    first; without it the device's own layout is kept (what the user chose in a print dialog). Raises
    ExportError (naming ``what``) when the device cannot be drawn on. In steps (app.ui.stepped): the
    layout yields after each document and CHUNK of rows (the first half of the progress), the painting
    after each page (the second half). Closed early, the painter is ended: the device holds the pages
    painted so far."""
    area, band, body = page_frame(device, page_size)
    scale = device.logicalDpiY() / 96                 # device px per CSS px
    head = _document(device, grid.css, grid.head, body.width(), margin=True)
    margin = head.documentMargin() * scale            # QTextDocument's margin, kept around the grid
    left, width = margin, body.width() - 2 * margin
    edges = [sum(grid.columns[:n]) * width for n in range(len(grid.columns) + 1)]
    padding = grid.padding * scale
    (header_line,) = lay_out((grid.header,), grid.css, edges, padding, device)
    lines = yield from scaled(lay_out_steps(grid.rows, grid.css, edges, padding, device), 0.0, 0.5)
    head_lines, head_end = _head_lines(head), head.size().height() - margin
    pages = paginate(lines, header_line, [bottom for _, bottom, _, _ in head_lines if bottom < head_end] + [head_end],
                     top=margin, bottom=body.height() - margin, padding=padding)
    painter = begin_painting(device, what)
    try:
        for number, page in enumerate(pages, 1):
            if number > 1:
                device.newPage()
            painter.save()
            painter.translate(0, band)
            for piece in page:
                if isinstance(piece, _Head):              # its lines, each on one page only
                    for top, bottom, line, position in head_lines:
                        if top >= piece.start - _EPSILON and bottom <= piece.end + _EPSILON:
                            line.draw(painter, position + QPointF(0, piece.y - piece.start))
                else:
                    _paint_piece(painter, piece, left, width, padding)
            painter.restore()
            paint_bands(painter, area, band, header, page_label(number, len(pages)))
            yield 0.5 + number / len(pages) / 2
    finally:
        painter.end()
    return len(pages)
