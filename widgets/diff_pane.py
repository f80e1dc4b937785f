"""One side of the comparison: a read-only text view of rows, with labels in a margin.

The document (``widgets.pane_text``) holds every row's text from the start, so finding, selecting and
copying see the whole side; the word marks become character formats for the first ``EAGER_ROWS``
rows at once (all of a resolution of usual size) and for the others before they are laid out or
copied. The layout (``widgets.lazy_layout.LazyLayout``) lays out only what is shown and estimates the
rest from its length, so a pane of 20,000 paragraphs opens in a fraction of the time and memory a full
layout takes. An idle-time pass then formats and measures the rest, ``SLICE`` seconds at a time, the
region on screen first, keeping what is on screen still while heights above it change.

Row geometry is in document pixels: ``row_tops()``, ``row_span(row)``, ``row_at(y)``, exact for rows
laid out and estimated for the others. Scroll sync, the link gutter and the overview bar work from
them, and call ``prepare_visible()`` / ``prepare_row(row)`` before they place a pane, so that nothing
they relied on moves when it is painted. ``finish_layout()`` formats and measures everything at once.
"""
from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QTextDocument
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from app.core.model import Comparison
from widgets.lazy_layout import LazyLayout
from widgets.label_margin import LabelMargin
from widgets.palette import DEFAULT, DiffPalette
from widgets.pane_text import GAP_BACKGROUND, PARA_SPACING, BlockInfo, GapRow, PaneText, is_gap
from widgets.rows import Row, interface_language

__all__ = ["DiffPane", "GapRow", "is_gap", "BlockInfo", "PARA_SPACING", "EAGER_ROWS"]

log = logging.getLogger(__name__)

EAGER_ROWS = 400      # rows formatted when the pane is filled; the others when needed or in idle time
SLICE = 0.02          # seconds of idle-time work per turn of the event loop
BATCH = 48            # blocks measured at a time by the idle-time pass
HOLD = 2.0            # seconds between geometryChanged signals while the idle-time pass runs


class DiffPane(QTextEdit):
    """``side`` is "a" (draft) or "b" (adopted)."""

    fileDropped = Signal(str)
    geometryChanged = Signal()  # row positions moved: new content, width, zoom, rows measured

    def __init__(self, side: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if side not in ("a", "b"):
            raise ValueError("side must be 'a' or 'b'")
        self.side = side
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setAcceptDrops(True)
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        # A scrollbar appearing after the first layout would narrow the text and lay it all out again;
        # always on, both panes also keep the same text width.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setObjectName("draftPane" if side == "a" else "adoptedPane")
        self.empty_message = (self.tr("Drop the draft here") if side == "a"
                              else self.tr("Drop the adopted text here"))
        self._margin = LabelMargin(self)
        self._palette: DiffPalette = DEFAULT
        self._text: PaneText | None = None
        self._layout: LazyLayout | None = None
        self._row_first_block: list[int] = []
        self._row_pairs: list[int] = []
        self._blocks: list[BlockInfo] = []
        self._tops: list[float] | None = None
        self._tops_revision = -1
        self._current_row = -1
        self._notes: set[int] = set()      # pairs with a reviewer's note
        self._checked: set[int] = set()    # pairs marked checked
        self._adjusting = False            # keeping the view still while heights above it change
        self._residual = 0.0
        self._quiet = False                # in an idle-time slice: geometryChanged is held back
        self._held = False                 # ... and is owed
        self._last_said = 0.0
        self._next_block = 0               # where the idle-time pass goes on
        self._work = QTimer(self)
        self._work.setSingleShot(True)
        self._work.setInterval(0)
        self._work.timeout.connect(self._work_slice)
        self._connect_layout()
        self._update_margin_width()

    # -- content ---------------------------------------------------------------------------------

    def set_rows(self, comparison: Comparison | None, rows: list[Row], palette: DiffPalette = DEFAULT) -> None:
        self._palette = palette
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.font())
        doc.setDefaultTextOption(self.document().defaultTextOption())
        doc.setPageSize(QSizeF(self.viewport().width(), -1))   # as QTextEdit will: no estimate twice
        text = None
        lengths: list[int] = []
        if comparison is not None and rows:
            text = PaneText(doc, comparison, self.side, palette, rows, interface_language())
            lengths = text.build()
            text.format_rows(0, EAGER_ROWS)
        layout = LazyLayout(doc, lengths or None, PARA_SPACING)
        doc.setDocumentLayout(layout)
        layout.prepare = self._prepare_blocks
        layout.invalidated.connect(self._restart_work)
        self._text, self._layout = text, layout
        self.setDocument(doc)  # deletes the previous document: it is our child too
        self._row_first_block = text.first_blocks if text else []
        self._row_pairs = [r.pair for r in rows] if text else []
        self._blocks = text.blocks if text else []
        self._current_row = -1
        self._residual = 0.0
        self._connect_layout()
        self._update_margin_width()
        self._invalidate()
        self._restart_work()

    def row_count(self) -> int:
        return len(self._row_first_block)

    def set_marks(self, notes: set[int], checked: set[int]) -> None:
        """The pairs with a reviewer's note and those marked checked: a mark beside them in the margin."""
        self._notes, self._checked = set(notes), set(checked)
        self._margin.update()

    def marks_of_row(self, row: int) -> tuple[bool, bool]:
        """(note, checked) for the pair a row shows."""
        pair = self._row_pairs[row] if 0 <= row < len(self._row_pairs) else -1
        return pair in self._notes, pair in self._checked

    def block_info(self, block_number: int) -> BlockInfo | None:
        return self._blocks[block_number] if 0 <= block_number < len(self._blocks) else None

    def row_first_block(self, row: int) -> int:
        return self._row_first_block[row]

    def row_blocks(self, row: int) -> range:
        """Block numbers of a row: its paragraphs, or the one placeholder band."""
        end = self._row_first_block[row + 1] if row + 1 < len(self._row_first_block) else len(self._blocks)
        return range(self._row_first_block[row], end)

    def format_rows(self, first: int, last: int) -> None:
        """Apply the word marks to rows ``first`` to ``last`` - 1 now (those not formatted yet)."""
        if self._text is not None:
            self._text.format_rows(first, last)

    def _prepare_blocks(self, first: int, last: int) -> None:
        """The layout is about to measure blocks ``first`` to ``last`` - 1: their rows get their marks."""
        if self._text is not None and self._blocks:
            self._text.format_rows(self._blocks[first].row, self._blocks[min(last, len(self._blocks)) - 1].row + 1)

    # -- geometry (document pixels) -------------------------------------------------------------

    def row_tops(self) -> list[float]:
        """Top of each row, then the document height; row 0 starts at 0 so rows tile the document.
        Rows not laid out yet have estimated tops, corrected as they are measured."""
        layout = self._layout
        revision = layout.revision if layout is not None else 0
        if self._tops is None or self._tops_revision != revision:
            if layout is None or not self._row_first_block:
                self._tops = [self.document().documentLayout().documentSize().height()]
            else:
                blocks = layout.tops()
                tops = [blocks[b] for b in self._row_first_block]
                tops[0] = 0.0
                tops.append(max(layout.height(), tops[-1]))
                self._tops = tops
            self._tops_revision = revision
        return self._tops

    def row_span(self, row: int) -> tuple[float, float]:
        """(top, bottom) of a row, as ``row_tops()`` has them (read from the layout: no list built)."""
        layout = self._layout
        if layout is None or not self._row_first_block:
            tops = self.row_tops()
            return tops[row], tops[row + 1]
        blocks = layout.tops()
        first = self._row_first_block
        top = 0.0 if row == 0 else blocks[first[row]]
        if row + 1 < len(first):
            return top, blocks[first[row + 1]]
        return top, max(layout.height(), top)

    def row_at(self, y: float) -> int:
        """The row holding document y (clamped to the first / last row); -1 when there are no rows."""
        if not self.row_count():
            return -1
        return self._blocks[self._layout.block_at(y)].row

    def visible_rows(self) -> range:
        if not self.row_count():
            return range(0)
        self.prepare_visible()
        top = self.verticalScrollBar().value()
        return range(self.row_at(top), self.row_at(top + self.viewport().height()) + 1)

    def scroll_value(self) -> int:
        return self.verticalScrollBar().value()

    def block_rect(self, block_no: int) -> QRectF:
        """The lines of a block in document pixels (its margins left out)."""
        return self._layout.block_rect(block_no) if self._layout is not None else QRectF()

    def first_line_height(self, block_no: int) -> float:
        return self._layout.first_line_height(block_no) if self._layout is not None else 0.0

    def prepare_visible(self, flush: bool = False) -> bool:
        """Lay out the rows on screen (the top one does not move); ``flush``: the scrollbar follows the
        new height at once, and a pane scrolled to the end stays at the end. True when heights changed."""
        layout = self._layout
        if layout is None or not self.row_count():
            return False
        bar = self.verticalScrollBar()
        top = bar.value()
        at_end = top > 0 and top >= bar.maximum()
        changed = layout.measure_down(top, top + self.viewport().height())
        if flush:
            layout.flush()
            if at_end and bar.value() < bar.maximum():
                bar.setValue(bar.maximum())
        return changed

    def prepare_row(self, row: int) -> bool:
        """Lay out ``row`` and a screen of rows above and below it, so that bringing it into view lays
        nothing else out; the scrollbar follows at once. True when heights changed."""
        layout = self._layout
        if layout is None or not 0 <= row < self.row_count():
            return False
        page = float(max(self.viewport().height(), 1))
        blocks = self.row_blocks(row)
        changed = layout.measure_around(blocks.start, page, page)
        changed |= layout.measure(blocks)
        layout.flush()
        return changed

    def is_laid_out(self, row: int) -> bool:
        """Whether a row's geometry is measured (not estimated) at the current width and font."""
        layout = self._layout
        return layout is not None and all(layout.is_measured(b) for b in self.row_blocks(row))

    def adjusting(self) -> bool:
        """Whether the pane is moving its scrollbar to keep its view still (not a scroll to follow)."""
        return self._adjusting

    def layout_pending(self) -> bool:
        """Whether rows are still estimated (the idle-time pass is not done; it formats each row before
        it measures it)."""
        return self._layout is not None and self._layout.unmeasured() > 0

    def finish_layout(self) -> None:
        """Format and measure every row now, keeping the view still."""
        layout = self._layout
        if layout is None:
            return
        self._keeping_view(lambda: layout.measure(range(layout.block_count())))
        self._work.stop()

    # -- idle-time pass -------------------------------------------------------------------------

    def _restart_work(self) -> None:
        self._next_block = 0
        self._tops = None
        if self._layout is not None and self._layout.unmeasured():
            self._work.start()

    def _work_slice(self) -> None:
        layout = self._layout
        if layout is None or not self.row_count():
            return
        deadline = time.perf_counter() + SLICE

        def run() -> None:
            if self.isVisible():    # the neighbourhood of the view first: scrolling meets no estimate
                page = float(max(self.viewport().height(), 1))
                layout.measure_around(layout.block_at(self.verticalScrollBar().value()), page, 2 * page)
            layout.calibrate()
            while time.perf_counter() < deadline:
                start = layout.next_unmeasured(self._next_block)
                if start < 0:
                    start = layout.next_unmeasured(0)
                if start < 0:
                    return
                layout.measure(range(start, min(start + BATCH, layout.block_count())))
                self._next_block = start + BATCH

        self._quiet = True
        try:
            self._keeping_view(run)
        except Exception:
            log.exception("pane %s: laying out rows in idle time failed", self.side)
            return
        finally:
            self._quiet = False
        more = layout.unmeasured() > 0
        if self._held and (not more or time.monotonic() - self._last_said > HOLD):
            self._invalidate()
        if more:
            self._work.start()

    def _keeping_view(self, work) -> None:
        """Run ``work`` (which may change heights anywhere) and move the scrollbar so that the block at
        the top of the view stays where it is on screen; the move is not a scroll to follow."""
        layout = self._layout
        bar = self.verticalScrollBar()
        value = bar.value()
        anchor = layout.block_at(value)
        before = layout.tops()[anchor] if anchor >= 0 else 0.0
        work()
        self._adjusting = True
        try:
            layout.flush()        # the scroll range follows the new height
            if anchor < 0:
                return
            delta = layout.tops()[anchor] - before + self._residual
            step = round(delta)
            self._residual = delta - step
            if step:
                bar.setValue(value + step)
                self.viewport().update()
                self._margin.update()
        finally:
            self._adjusting = False

    # -- current row, palette, zoom ---------------------------------------------------------------

    def set_current_row(self, row: int) -> None:
        if row != self._current_row:
            self._current_row = row
            self._margin.update()
            self.viewport().update()

    def current_row(self) -> int:
        return self._current_row

    def palette_colors(self) -> DiffPalette:
        return self._palette

    def set_point_size(self, size: float) -> None:
        font = QFont(self.font())
        font.setPointSizeF(max(4.0, size))
        self.setFont(font)  # QTextEdit passes it on as the document's default font
        self._update_margin_width()

    # -- internals -------------------------------------------------------------------------------

    def _connect_layout(self) -> None:
        self.document().documentLayout().documentSizeChanged.connect(self._invalidate)

    def _invalidate(self, *_args) -> None:
        self._tops = None
        if self._quiet:            # what is on screen stays put: say it now and then, not every slice
            self._held = True
            return
        self._held = False
        self._last_said = time.monotonic()
        self._margin.update()
        self.geometryChanged.emit()

    def _update_margin_width(self) -> None:
        font = self._margin_font()
        fm, bold = QFontMetrics(font), QFont(font)
        bold.setBold(True)
        # Labels differ mostly in their digits: one of each shape, digits as "0" (as wide as any).
        shapes = {(_digits_as_zero(b.label), b.label_changed) for b in self._blocks if b.label}
        widest = max((QFontMetrics(bold if changed else font).horizontalAdvance(s) for s, changed in shapes),
                     default=0)
        width = max(fm.horizontalAdvance("PP00bis"), widest) + 14 + self.mark_room()
        self.setViewportMargins(width, 0, 0, 0)
        self._margin.setFixedWidth(width)
        self._place_margin()

    def mark_room(self) -> int:
        """Width kept at the left of the margin for the note and checked marks."""
        return round(QFontMetrics(self._margin_font()).height() * 1.6) + 4

    def _margin_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(4.0, font.pointSizeF() * 0.85))
        return font

    def _place_margin(self) -> None:
        cr = self.contentsRect()
        self._margin.setGeometry(cr.left(), cr.top(), self._margin.width(), cr.height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_margin()
        self._invalidate()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._invalidate()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if dy:
            self._margin.scroll(0, dy)
            if self._layout is not None and self._layout.unmeasured() and not self._work.isActive():
                self._work.start()

    def ensureCursorVisible(self) -> None:
        """Lay out the rows around the cursor first, so that the view lands where they will stay."""
        block = self.textCursor().blockNumber()
        if 0 <= block < len(self._blocks):
            self.prepare_row(self._blocks[block].row)
        super().ensureCursorVisible()

    def createMimeDataFromSelection(self):
        """Copy with the marks: the rows selected are formatted first."""
        cursor = self.textCursor()
        if cursor.hasSelection() and self._blocks:
            doc = self.document()
            first = doc.findBlock(cursor.selectionStart()).blockNumber()
            last = doc.findBlock(cursor.selectionEnd()).blockNumber()
            if 0 <= first <= last < len(self._blocks):
                self.format_rows(self._blocks[first].row, self._blocks[last].row + 1)
        return super().createMimeDataFromSelection()

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.prepare_visible()
        elif event.type() == QEvent.Type.ToolTip:
            tip = self.cursorForPosition(event.pos()).charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        painter = QPainter(self.viewport())
        if not self.row_count():
            painter.setPen(self.palette().placeholderText().color())
            painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter, self.empty_message)
            return
        self._paint_captions(painter)

    def _paint_captions(self, painter: QPainter) -> None:
        """Write what a placeholder band stands for inside it (not document text: find skips it)."""
        offset = self.verticalScrollBar().value()
        font = QFont(self.font())
        font.setItalic(True)
        font.setPointSizeF(max(4.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        fm = QFontMetrics(font)
        for row in self.visible_rows():
            block_no = self._row_first_block[row]
            info = self._blocks[block_no]
            if not info.caption:
                continue
            rect = self.block_rect(block_no).translated(0, -offset)
            text_rect = QRectF(rect.left() + 8, rect.top(), fm.horizontalAdvance(info.caption) + 12,
                               rect.height() - PARA_SPACING)
            painter.fillRect(text_rect, QColor(GAP_BACKGROUND) if info.gap else self.palette().base())
            painter.setPen(QColor("#444444"))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, info.caption)

    # Drag and drop: a file dropped on a pane replaces that side.

    @staticmethod
    def _dropped_path(event) -> str | None:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return None
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                return url.toLocalFile()
        return None

    def dragEnterEvent(self, event) -> None:
        if self._dropped_path(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:
        self.dragEnterEvent(event)

    def dropEvent(self, event) -> None:
        path = self._dropped_path(event)
        if path:
            event.acceptProposedAction()
            self.fileDropped.emit(path)
        else:
            event.ignore()


def _digits_as_zero(label: str) -> str:
    return "".join("0" if ch.isdigit() else ch for ch in label)
