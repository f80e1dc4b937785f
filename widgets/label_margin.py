"""The margin at the left of a pane: paragraph labels (PP4bis, OP3, 3.) beside the first line of each
paragraph, the note and checked marks of a pair, and a bar beside the current row. It reads the pane's
geometry (``visible_rows``, ``row_span``, ``block_rect``, ``first_line_height``: document pixels) and
paints in the pane's scroll position."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QWidget

from widgets.palette import paint_marks
from widgets.pane_text import PARA_SPACING


class LabelMargin(QWidget):
    """Paragraph labels (PP4bis, OP3, 3.) beside the first line of each paragraph."""

    def __init__(self, pane) -> None:
        super().__init__(pane)
        self.pane = pane

    def paintEvent(self, event) -> None:
        pane = self.pane
        painter = QPainter(self)
        painter.fillRect(event.rect(), pane.palette().window())
        if not pane.row_count():
            return
        offset = pane.verticalScrollBar().value()
        font = pane._margin_font()
        bold = QFont(font)
        bold.setBold(True)
        palette = pane.palette_colors()
        width = self.width()
        current = pane.current_row()
        mark_size = QFontMetrics(font).height() * 0.8
        for row in pane.visible_rows():
            if row == current:
                y0, y1 = pane.row_span(row)
                painter.fillRect(QRectF(width - 4, y0 - offset, 3, y1 - y0 - PARA_SPACING),
                                 QColor("#3b6fb6"))
            note, checked = pane.marks_of_row(row)
            if note or checked:
                block_no = pane.row_first_block(row)
                top = pane.block_rect(block_no).top() - offset
                line = pane.first_line_height(block_no) or mark_size
                paint_marks(painter, 3, top + (line - mark_size) / 2, mark_size, note, checked)
            for block_no in pane.row_blocks(row):
                info = pane.block_info(block_no)
                if info is None or not info.label:
                    continue
                rect = pane.block_rect(block_no).translated(0, -offset)
                height = pane.first_line_height(block_no) or rect.height()
                painter.setFont(bold if info.label_changed else font)
                painter.setPen(palette.color("changed_link").darker(150) if info.label_changed
                               else pane.palette().placeholderText().color())
                painter.drawText(QRectF(0, rect.top(), width - 8, height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, info.label)
