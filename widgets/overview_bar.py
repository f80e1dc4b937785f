"""A narrow map of the whole comparison beside the scrollbar: a mark per change, the visible part
framed; clicking or dragging jumps there."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget


class OverviewBar(QWidget):
    jumpRequested = Signal(float)  # fraction of the document, 0 top .. 1 bottom

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks: list[tuple[float, float, QColor]] = []
        self.view = (0.0, 1.0)
        self.setFixedWidth(14)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview of changes: click to jump"))

    def set_marks(self, marks: list[tuple[float, float, QColor]]) -> None:
        self.marks = marks
        self.update()

    def set_view(self, start: float, end: float) -> None:
        if (start, end) != self.view:
            self.view = (start, end)
            self.update()

    def fraction_at(self, y: float) -> float:
        h = max(1, self.height() - 2)
        return min(max((y - 1) / h, 0.0), 1.0)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().base())
        h = self.height() - 2
        w = self.width()
        for start, end, color in self.marks:
            top = 1 + start * h
            painter.fillRect(QRectF(2, top, w - 4, max(2.0, (end - start) * h)), color)
        v0, v1 = self.view
        painter.setPen(QPen(QColor(60, 60, 60, 170), 1))
        painter.setBrush(QColor(0, 0, 0, 25))
        painter.drawRect(QRectF(0.5, 1 + v0 * h, w - 1, max(3.0, (v1 - v0) * h)))

    def mousePressEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.jumpRequested.emit(self.fraction_at(event.position().y()))

    def mouseMoveEvent(self, event) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.jumpRequested.emit(self.fraction_at(event.position().y()))
