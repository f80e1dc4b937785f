"""How one block of a QTextDocument is broken into lines, as Qt's QTextDocumentLayout does it, for
``widgets.lazy_layout``: the text option (wrap mode, the block's direction, its alignment mirrored in a
right-to-left block), the lines one under the other at a width, and the selection ranges to paint.

A block is laid out in a QTextLayout of its own (``standalone``), not in ``QTextBlock.layout()``: the
document keeps about 19 KB per block in those once laid out, even after ``clearLayout``, while a
QTextLayout of our own gives its memory back when dropped. Units: pixels.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFont, QTextBlock, QTextBlockFormat, QTextCharFormat, QTextFormat, QTextLayout, QTextOption


def visual_alignment(direction: Qt.LayoutDirection, alignment: Qt.AlignmentFlag) -> Qt.AlignmentFlag:
    """Qt's rule (QGuiApplicationPrivate::visualAlignment): left/right swap in a right-to-left block
    unless the alignment is absolute."""
    horizontal = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight
    if not alignment & Qt.AlignmentFlag.AlignHorizontal_Mask:
        alignment |= Qt.AlignmentFlag.AlignLeft
    if not alignment & Qt.AlignmentFlag.AlignAbsolute and alignment & horizontal:
        if direction == Qt.LayoutDirection.RightToLeft:
            alignment ^= horizontal
        alignment |= Qt.AlignmentFlag.AlignAbsolute
    return alignment


class TextOptions:
    """The QTextOption of each block: the document's default one with the block's direction and
    alignment, without wrapping when the block says so or there is no width; one per kind, reused."""

    def __init__(self, default: QTextOption, wrap: bool) -> None:
        self.default = QTextOption(default)
        self.wrap = wrap
        self._made: dict[tuple, QTextOption] = {}

    def of(self, block: QTextBlock, fmt: QTextBlockFormat) -> QTextOption:
        direction = block.textDirection()
        aligned = fmt.hasProperty(QTextFormat.Property.BlockAlignment)
        key = (direction, int(fmt.alignment().value) if aligned else None, fmt.nonBreakableLines())
        option = self._made.get(key)
        if option is None:
            option = QTextOption(self.default)
            option.setTextDirection(direction)
            option.setAlignment(visual_alignment(direction, fmt.alignment() if aligned else option.alignment()))
            if fmt.nonBreakableLines() or not self.wrap:
                option.setWrapMode(QTextOption.WrapMode.ManualWrap)
            self._made[key] = option
        return option


def standalone(block: QTextBlock, font: QFont) -> QTextLayout:
    """A QTextLayout of the block's text and character formats, on the document's default font."""
    tl = QTextLayout(block.text(), font)
    tl.setFormats(block.textFormats())
    return tl


def lay_out(tl: QTextLayout, option: QTextOption, width: float, place: bool = True) -> tuple[float, float, int]:
    """Break ``tl`` into lines ``width`` wide, placed one under the other from y 0 unless only measured
    (``place`` False): (height of the lines, height of the first, number of lines)."""
    tl.setTextOption(option)
    tl.beginLayout()
    y = first = 0.0
    count = 0
    while True:
        line = tl.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        if place:
            line.setPosition(QPointF(0.0, y))
        height = line.height()
        if not count:
            first = height
        y += height
        count += 1
    tl.endLayout()
    return y, first, count


def format_range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    r = QTextLayout.FormatRange()
    r.start, r.length, r.format = start, length, fmt
    return r


def selection_ranges(tl: QTextLayout, position: int, length: int, selections) -> list[QTextLayout.FormatRange]:
    """The ranges of a block (``position``, ``length`` in the document, its separator counted) that
    ``selections`` cover, as QTextDocumentLayout's drawBlock computes them. ``selections``: (start,
    end, has selection, cursor position, format) per selection; a full-width selection without text
    selected marks its cursor's line."""
    ranges = []
    for sel_start, sel_end, has_selection, at, fmt in selections:
        start, end = sel_start - position, sel_end - position
        if start < length and end > 0 and end > start:
            ranges.append(format_range(start, end - start, fmt))
        elif (not has_selection and fmt.hasProperty(QTextFormat.Property.FullWidthSelection)
              and position <= at < position + length):
            line = tl.lineForTextPosition(at - position)
            extra = 1 if line.textStart() + line.textLength() == length - 1 else 0
            ranges.append(format_range(line.textStart(), line.textLength() + extra, fmt))
    return ranges
