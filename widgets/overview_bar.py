"""A narrow map of the whole comparison beside the scrollbar: a mark per change, the visible part
framed; clicking or dragging jumps there.

The marks are drawn once into a pixmap (again when they or the bar's size change), so that moving the
frame while scrolling repaints a picture, not tens of thousands of marks."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QWidget


class OverviewBar(QWidget):
    jumpRequested = Signal(float)  # fraction of the document, 0 top .. 1 bottom

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.marks: list[tuple[float, float, QColor]] = []
        self.view = (0.0, 1.0)
        self._picture: QPixmap | None = None
        self.setFixedWidth(14)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(self.tr("Overview of changes: click to jump"))

    def set_marks(self, marks: list[tuple[float, float, QColor]]) -> None:
        """(start, end, colour) per change, start and end as fractions of the document (0 top, 1 end)."""
        self.marks = marks
        self._picture = None
        self.update()

    def set_view(self, start: float, end: float) -> None:
        if (start, end) != self.view:
            self.view = (start, end)
            self.update()

    def fraction_at(self, y: float) -> float:
        h = max(1, self.height() - 2)
        return min(max((y - 1) / h, 0.0), 1.0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._picture = None

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        self._picture = None          # the palette's base colour, the screen's pixel ratio

    def _draw_marks(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        picture = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(self.palette().base().color())
        painter = QPainter(picture)
        h = self.height() - 2
        w = self.width()
        run = None                                  # marks of one colour that touch: one rectangle
        for start, end, color in self.marks:
            top, bottom = 1 + start * h, 1 + start * h + max(2.0, (end - start) * h)
            if run is not None and run[2] == color and top <= run[1] + 0.5:
                run[1] = max(run[1], bottom)
                continue
            if run is not None:
                painter.fillRect(QRectF(2, run[0], w - 4, run[1] - run[0]), run[2])
            run = [top, bottom, color]
        if run is not None:
            painter.fillRect(QRectF(2, run[0], w - 4, run[1] - run[0]), run[2])
        painter.end()
        return picture

    def paintEvent(self, event) -> None:
        if self._picture is None or self._picture.deviceIndependentSize().toSize() != self.size():
            self._picture = self._draw_marks()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._picture)
        h = self.height() - 2
        w = self.width()
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
