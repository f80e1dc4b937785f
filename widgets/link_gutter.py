"""The strip between the panes: curved bands link each changed row on the left to the same row on
the right (after Meld's LinkMap); thin lines link equal paragraphs; moved paragraphs get a dashed
band from where they stood in the draft to where they stand in the adopted text."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QWidget

from app.core.model import PairKind
from widgets.palette import DEFAULT, DiffPalette
from widgets.rows import Row


class LinkGutter(QWidget):
    def __init__(self, left, right, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.left = left
        self.right = right
        self.rows: list[Row] = []
        self.palette_colors: DiffPalette = DEFAULT
        self.current_pair = -1
        self._moves: list[tuple[int, int, int]] = []  # pair, draft row, adopted row
        self.setFixedWidth(48)
        self.setMinimumHeight(40)
        for pane in (left, right):
            pane.verticalScrollBar().valueChanged.connect(self.update)
            pane.geometryChanged.connect(self.update)

    def set_rows(self, rows: list[Row], palette: DiffPalette = DEFAULT) -> None:
        self.rows = rows
        self.palette_colors = palette
        ends: dict[int, list[int]] = {}
        for n, row in enumerate(rows):
            if row.kind is PairKind.MOVED:
                ends.setdefault(row.pair, [-1, -1])[0 if row.draft else 1] = n
        self._moves = [(pair, a, b) for pair, (a, b) in ends.items() if a >= 0 and b >= 0]
        self.update()

    def set_current_pair(self, pair: int) -> None:
        if pair != self.current_pair:
            self.current_pair = pair
            self.update()

    def _offset(self, pane) -> float:
        """Document y -> gutter y for a pane."""
        delta = pane.viewport().mapTo(self.window(), QPoint(0, 0)).y() - self.mapTo(self.window(), QPoint(0, 0)).y()
        return delta - pane.verticalScrollBar().value()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().window())
        n = len(self.rows)
        if not n or self.left.row_count() != n or self.right.row_count() != n:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        lo, ro = self._offset(self.left), self._offset(self.right)
        lv, rv = self.left.visible_rows(), self.right.visible_rows()
        first, last = min(lv.start, rv.start), max(lv.stop, rv.stop)
        w = float(self.width())
        equal_pen = QPen(QColor(160, 160, 160, 110), 1)
        for r in range(first, min(last, n)):
            row = self.rows[r]
            if row.pair < 0:
                continue  # a marker of hidden paragraphs links nothing
            l0, l1 = self.left.row_span(r)
            r0, r1 = self.right.row_span(r)
            if not row.is_change:
                painter.setPen(equal_pen)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawPath(_curve(w, l0 + lo, r0 + ro))
                continue
            if row.kind is PairKind.MOVED:
                continue  # drawn below, end to end
            self._band(painter, w, l0 + lo, l1 + lo, r0 + ro, r1 + ro,
                       self.palette_colors.link_color(row.kind), row.pair == self.current_pair, Qt.PenStyle.SolidLine)
        height = self.height()
        for pair, a, b in self._moves:
            l0, l1 = (v + lo for v in self.left.row_span(a))
            r0, r1 = (v + ro for v in self.right.row_span(b))
            if max(l1, r1) < 0 or min(l0, r0) > height:
                continue
            self._band(painter, w, l0, l1, r0, r1, self.palette_colors.link_color(PairKind.MOVED),
                       pair == self.current_pair, Qt.PenStyle.DashLine)

    @staticmethod
    def _band(painter: QPainter, w: float, l0: float, l1: float, r0: float, r1: float,
              color: QColor, current: bool, style: Qt.PenStyle) -> None:
        l1 = max(l1 - 2, l0 + 2)  # leave the paragraph spacing out so adjacent bands stay apart
        r1 = max(r1 - 2, r0 + 2)
        path = QPainterPath(QPointF(0, l0))
        path.cubicTo(w / 2, l0, w / 2, r0, w, r0)
        path.lineTo(w, r1)
        path.cubicTo(w / 2, r1, w / 2, l1, 0, l1)
        path.closeSubpath()
        fill = QColor(color)
        fill.setAlpha(110 if current else 60)
        painter.setBrush(fill)
        painter.setPen(QPen(color.darker(115), 2.2 if current else 1.0, style))
        painter.drawPath(path)


def _curve(w: float, y0: float, y1: float) -> QPainterPath:
    path = QPainterPath(QPointF(0, y0))
    path.cubicTo(w / 2, y0, w / 2, y1, w, y1)
    return path
