"""A document layout that lays out only the paragraphs someone looks at and estimates the others.

``LazyLayout`` replaces Qt's QTextDocumentLayout under a pane's QTextEdit. Qt's layout lays a document
out from its start, in order, and keeps every block's layout: a 20,000-paragraph pane costs seconds of
CPU and hundreds of MB, and any question about the last paragraph (its top, the document's height)
lays out everything before it. This layout keeps, per block (units: document pixels):

* its *advance* (top margin + height of its lines + bottom margin), **measured** (laid out at the
  current width and font, ``widgets.block_lines``) or **estimated** from its length in characters and
  the characters per line and line height seen so far (``calibrate``);
* the tops of all blocks as prefix sums of the advances (``tops()``), so a block's top or the block at
  a y is a look-up or a bisection, never a layout.

Nothing is measured unless asked: ``draw`` and ``hitTest`` measure what they touch, and the owner
measures ahead with ``measure``, ``measure_down`` and ``measure_around`` (keeping its view still while
heights above it change). Before blocks are measured, the ``prepare(first, last)`` hook may finish
their content (the panes apply their character formats lazily). Painting keeps the layouts of the last
``CACHE`` blocks drawn. ``blockBoundingRect`` also lays out ``QTextBlock.layout()``, which QTextEdit reads
for cursor and selection rectangles (only for the blocks a cursor or selection touches). Margins
between blocks add up (Qt keeps the larger; the panes' blocks have bottom margins only). A new page
width, default font or document margin drops every measurement (``invalidated`` is emitted).
"""
from __future__ import annotations

import math
from bisect import bisect_right
from collections import OrderedDict
from itertools import accumulate
from typing import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, QTimer, Signal
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFontMetricsF, QPalette, QTextBlock, QTextCharFormat,
                           QTextDocument, QTextLayout)

from widgets.block_lines import TextOptions, lay_out, selection_ranges, standalone

CACHE = 300                 # layouts kept for painting, per document
NO_WRAP_WIDTH = 1.0e7       # line width when the document has no page width (never shown)


class LazyLayout(QAbstractTextDocumentLayout):
    """``lengths``: characters per block, when the caller knows them (else read from the document);
    ``spacing``: the usual block bottom margin in pixels, for estimates."""

    invalidated = Signal()      # measurements were dropped (width, font or content changed)

    def __init__(self, doc: QTextDocument, lengths: list[int] | None = None, spacing: float = 0.0) -> None:
        super().__init__(doc)
        self._doc = doc
        self.spacing = float(spacing)
        self.prepare: Callable[[int, int], None] | None = None   # (first, last block + 1): finish content
        self._cache: OrderedDict[int, QTextLayout] = OrderedDict()
        self._own_laid: dict[int, int] = {}       # block -> generation its own QTextLayout was laid out in
        self._generation = 0
        self._width = -1.0                        # page width the measurements are for
        self._pending = False
        self._size_timer: QTimer | None = None
        self.revision = 0                         # bumped whenever a block's advance changes
        self._reset(lengths)

    # -- state ------------------------------------------------------------------------------------

    def _reset(self, lengths: list[int] | None = None) -> None:
        doc = self._doc
        if lengths is None or len(lengths) != doc.blockCount():
            lengths = []
            block = doc.begin()
            while block.isValid():
                lengths.append(block.length() - 1)
                block = block.next()
        n = len(lengths)
        self._chars = list(lengths)
        self._measured = bytearray(n)
        self._unmeasured = n
        self._lines = [0.0] * n                   # height of the block's lines
        self._gap = [self.spacing] * n            # its top + bottom margins
        self._above = [0.0] * n                   # its top margin
        self._first_line = [0.0] * n              # height of its first line (labels sit beside it)
        self._adv: list[float] = [0.0] * n
        self._tops: list[float] = [0.0] * (n + 1)
        self._dirty: int | None = 0
        self._cache.clear()
        self._own_laid.clear()
        self._generation += 1
        self._state = self._depends_on()
        self._width, self._margin = self._page_width(), doc.documentMargin()
        self._options = TextOptions(doc.defaultTextOption(), self._width > 0)
        # What measuring taught about the font's characters per line carries over to a new width.
        samples = getattr(self, "_samples", [0, 0.0])
        factor = samples[0] / samples[1] / self._cpl_font if samples[1] >= 8 else getattr(self, "_factor", 1.0)
        self._factor = min(max(factor, 0.5), 2.0)
        self._samples = [0, 0.0]                  # characters, lines - 1/2 of measured multi-line blocks
        self._line_height = self._font_line_height()
        self._cpl_font = self._initial_cpl()
        self._cpl = self._cpl_font * self._factor
        self._estimate_all()

    def _depends_on(self) -> tuple:
        """What measurements depend on besides the text: page width, default font, document margin,
        default text option."""
        doc = self._doc
        option = doc.defaultTextOption()
        return (self._page_width(), doc.defaultFont().key(), doc.documentMargin(), option.wrapMode(),
                option.alignment(), option.textDirection(), option.flags())

    def _page_width(self) -> float:
        return self._doc.pageSize().width()

    def _line_width(self, fmt=None) -> float:
        if self._width <= 0:
            return NO_WRAP_WIDTH
        inner = self._width - 2 * self._margin
        if fmt is not None:
            inner -= fmt.leftMargin() + fmt.rightMargin()
        return max(inner, 1.0)

    def _font_line_height(self) -> float:
        fm = QFontMetricsF(self._doc.defaultFont())
        return float(math.ceil(fm.ascent()) + math.ceil(fm.descent()))

    def _initial_cpl(self) -> float:
        """Characters per line from the average advance of the document's first paragraphs, less the
        room word wrapping leaves at the ends of lines."""
        sample, block = [], self._doc.begin()
        total = 0
        while block.isValid() and total < 4000:
            text = block.text()
            sample.append(text)
            total += len(text)
            block = block.next()
        text = " ".join(sample).strip() or "x" * 40
        advance = QFontMetricsF(self._doc.defaultFont()).horizontalAdvance(text) / len(text)
        return max(1.0, self._line_width() / max(advance, 0.1) * 0.94)

    def _estimate_all(self) -> None:
        """Estimate every block not measured: ceil(characters / characters per line) lines."""
        cpl, lh, gap = self._cpl, self._line_height, self.spacing
        self._cpl_used, self._lh_used = cpl, lh
        wrap = self._width > 0
        measured, lines, firsts, gaps = self._measured, self._lines, self._first_line, self._gap
        for i, chars in enumerate(self._chars):
            if not measured[i]:
                lines[i] = (max(1, math.ceil(chars / cpl)) if wrap else 1) * lh
                firsts[i] = lh
                gaps[i] = gap
                self._above[i] = 0.0
        self._adv = [a + b for a, b in zip(lines, gaps)]
        self._dirty = 0
        self.revision += 1

    def _estimate(self, i: int) -> bool:
        lines = max(1, math.ceil(self._chars[i] / self._cpl_used)) if self._width > 0 else 1
        self._lines[i] = lines * self._lh_used
        self._first_line[i] = self._lh_used
        self._gap[i], self._above[i] = self.spacing, 0.0
        return self._set_advance(i)

    def _set_advance(self, i: int) -> bool:
        adv = self._lines[i] + self._gap[i]
        if adv == self._adv[i]:
            return False
        self._adv[i] = adv
        if self._dirty is None or i < self._dirty:
            self._dirty = i
        return True

    # -- geometry ---------------------------------------------------------------------------------

    def block_count(self) -> int:
        return len(self._adv)

    def tops(self) -> list[float]:
        """Top of each block's lines, then the end of the last block (its bottom margin included), in
        document pixels; estimated where blocks are not measured. Do not modify."""
        d = self._dirty
        if d is not None:
            if d == 0:
                self._tops[0] = self._margin
            self._tops[d + 1:] = list(accumulate(self._adv[d:], initial=self._tops[d]))[1:]
            self._dirty = None
        return self._tops

    def height(self) -> float:
        """The document's height: its blocks, less the last one's bottom margin (as Qt), and the
        document margin below them."""
        tops = self.tops()
        last = (self._gap[-1] - self._above[-1]) if self._adv else 0.0
        return tops[-1] - last + self._margin

    def block_at(self, y: float) -> int:
        """The block holding document y (clamped); -1 for an empty document."""
        n = len(self._adv)
        if not n:
            return -1
        return min(max(bisect_right(self.tops(), y) - 1, 0), n - 1)

    def block_rect(self, i: int) -> QRectF:
        """The rectangle of block ``i``'s lines (no margins), estimated when it is not measured."""
        width = self._line_width() if self._width > 0 else 0.0
        return QRectF(self._margin, self.tops()[i] + self._above[i], width, self._lines[i])

    def first_line_height(self, i: int) -> float:
        return self._first_line[i]

    def is_measured(self, i: int) -> bool:
        return bool(self._measured[i])

    def unmeasured(self) -> int:
        """How many blocks are still estimated."""
        return self._unmeasured

    def next_unmeasured(self, start: int) -> int:
        """The first block from ``start`` on that is not measured; -1 when there is none."""
        return self._measured.find(0, max(start, 0))

    # -- measuring --------------------------------------------------------------------------------

    def _lay_out(self, tl: QTextLayout, block: QTextBlock, fmt, place: bool = True) -> tuple[float, float, int]:
        return lay_out(tl, self._options.of(block, fmt), self._line_width(fmt), place)

    def _store(self, i: int, block: QTextBlock, fmt, lines: float, first: float,
               count: int) -> bool:
        self._lines[i] = lines
        self._first_line[i] = first
        self._above[i] = fmt.topMargin()
        self._gap[i] = fmt.topMargin() + fmt.bottomMargin()
        if not self._measured[i]:
            self._measured[i] = 1
            self._unmeasured -= 1
            if count >= 2:
                self._samples[0] += self._chars[i]
                self._samples[1] += count - 0.5
            if count and block.length() > 1:
                self._line_height = lines / count
        return self._set_advance(i)

    def measure(self, blocks: Iterable[int], keep: bool = False) -> bool:
        """Measure the given blocks (in increasing order; those measured are skipped); ``keep`` keeps
        their layouts for painting. The ``prepare`` hook runs first. True when an advance changed."""
        n = len(self._adv)
        cache = self._cache
        todo = [i for i in blocks if 0 <= i < n and not (self._measured[i] and (not keep or i in cache))]
        if not todo:
            return False
        if self.prepare is not None:
            self.prepare(todo[0], todo[-1] + 1)
            n = len(self._adv)
            todo = [i for i in todo if i < n]
        changed = False
        moved_from = n
        doc = self._doc
        block, at = doc.findBlockByNumber(todo[0]), todo[0]
        for i in todo:
            if i != at:
                block = block.next() if i == at + 1 else doc.findBlockByNumber(i)
                at = i
            if keep and i in cache and self._measured[i]:
                continue
            tl = standalone(block, doc.defaultFont())
            fmt = block.blockFormat()
            lines, first, count = self._lay_out(tl, block, fmt, keep)
            if self._store(i, block, fmt, lines, first, count):
                changed = True
                moved_from = min(moved_from, i)
            if keep:
                tl.setCacheEnabled(True)
                cache[i] = tl
                cache.move_to_end(i)
                while len(cache) > CACHE:
                    cache.popitem(last=False)
        if changed:
            self._geometry_changed(moved_from)
        return changed

    def _painted_layout(self, i: int) -> QTextLayout:
        tl = self._cache.get(i)
        if tl is None or not self._measured[i]:
            self.measure([i], keep=True)
            tl = self._cache[i]
        else:
            self._cache.move_to_end(i)
        return tl

    def measure_down(self, y0: float, y1: float) -> bool:
        """Measure (and keep for painting) every block from the one at ``y0`` down to ``y1``. The top of
        the block at ``y0`` does not move; blocks below it may. True when an advance changed."""
        n = len(self._adv)
        if not n:
            return False
        changed = False
        i = self.block_at(y0)
        while i < n and self.tops()[i] <= y1:
            last = max(i + 1, min(self.block_at(y1) + 1, n))
            changed |= self.measure(range(i, last), keep=True)
            i = last
        return changed

    def measure_around(self, i: int, above: float, below: float) -> bool:
        """Measure block ``i``, then blocks above it until ``above`` pixels of them are measured and
        blocks below it until ``below`` are. True when an advance changed."""
        n = len(self._adv)
        if not 0 <= i < n:
            return False
        changed = self.measure([i])
        total, k = 0.0, i
        while k > 0 and total < above:
            step = range(max(0, k - 16), k)
            changed |= self.measure(step)
            for j in reversed(step):
                total, k = total + self._adv[j], j
                if total >= above:
                    break
        total, k = self._adv[i], i + 1
        while k < n and total < below:
            step = range(k, min(n, k + 16))
            changed |= self.measure(step)
            for j in step:
                total, k = total + self._adv[j], j + 1
                if total >= below:
                    break
        return changed

    def calibrate(self) -> bool:
        """Re-estimate the blocks not measured when the characters per line or the line height seen
        so far differ from those the estimates use (by more than 3 % / half a pixel); True when the
        estimates changed (the owner keeps its view still)."""
        chars, lines = self._samples
        cpl = chars / lines if lines >= 8 else self._cpl_used
        if abs(cpl - self._cpl_used) <= 0.03 * self._cpl_used and abs(self._line_height - self._lh_used) < 0.5:
            return False
        self._cpl = cpl
        self._estimate_all()
        self._geometry_changed()
        return True

    # -- notifications ----------------------------------------------------------------------------

    def _geometry_changed(self, first: int = 0) -> None:
        """Heights moved from block ``first`` on: repaint from there down, and say the document size
        changed (deferred, as this may run while painting; ``flush`` says it at once)."""
        self.revision += 1
        if self._dirty is not None:          # tops are valid down to the first block changed
            first = min(first, self._dirty)
        top = self._tops[first] if 0 < first < len(self._adv) else 0.0
        self.update[QRectF].emit(QRectF(0.0, top, 1.0e9, 1.0e9))
        self._pending = True
        if self._size_timer is None:
            self._size_timer = QTimer(self)
            self._size_timer.setSingleShot(True)
            self._size_timer.setInterval(0)
            self._size_timer.timeout.connect(self.flush)
        self._size_timer.start()

    def flush(self) -> None:
        """Emit ``documentSizeChanged`` now if geometry changed since it was last emitted."""
        if self._size_timer is not None:
            self._size_timer.stop()
        if self._pending:
            self._pending = False
            self.documentSizeChanged.emit(self.documentSize())

    # -- QAbstractTextDocumentLayout ----------------------------------------------------------------

    def documentSize(self) -> QSizeF:
        return QSizeF(max(self._width, 0.0), self.height())

    def pageCount(self) -> int:
        return 1

    def frameBoundingRect(self, frame) -> QRectF:
        return QRectF(0.0, 0.0, max(self._width, 0.0), self.height())

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        """Measures the block and lays out its own QTextLayout too: QTextEdit reads its lines for cursor
        and selection rectangles."""
        if not block.isValid() or not block.isVisible():
            return QRectF()
        i = block.blockNumber()
        if not 0 <= i < len(self._adv):
            return QRectF()
        self.measure([i])
        rect = self.block_rect(i)
        own = block.layout()
        if self._own_laid.get(i) != self._generation or own.lineCount() == 0:
            self._lay_out(own, block, block.blockFormat())
            self._own_laid[i] = self._generation
        own.setPosition(rect.topLeft())
        return rect

    def hitTest(self, point: QPointF, accuracy: Qt.HitTestAccuracy) -> int:
        if not self._adv:
            return -1
        i = self.block_at(point.y())
        tl = self._painted_layout(i)
        block = self._doc.findBlockByNumber(i)
        rect = self.block_rect(i)
        x, y = point.x() - rect.left(), point.y() - rect.top()
        exact = accuracy == Qt.HitTestAccuracy.ExactHit
        count = tl.lineCount()
        if not count:
            return -1 if exact else block.position()
        line = tl.lineAt(count - 1)
        for k in range(count):
            candidate = tl.lineAt(k)
            if y < candidate.y() + candidate.height():
                line = candidate
                break
        if exact and not (0 <= y < rect.height() and line.x() <= x <= line.x() + line.naturalTextWidth()):
            return -1
        return block.position() + line.xToCursor(x)

    def draw(self, painter, context) -> None:
        """Paint the blocks in ``context.clip`` (all of them without one) as QTextDocumentLayout does:
        block background, text with the selections (the user's and the extra ones), the cursor."""
        n = len(self._adv)
        if not n:
            return
        clip = context.clip
        y0, y1 = (clip.top(), clip.bottom()) if clip.isValid() else (0.0, self.height())
        self.measure_down(y0, y1)
        selections = []       # read at once: a Selection's cursor dies with the Selection
        for sel in context.selections:
            cursor = sel.cursor
            selections.append((cursor.selectionStart(), cursor.selectionEnd(), cursor.hasSelection(),
                               cursor.position(), QTextCharFormat(sel.format)))
        painter.save()
        try:
            painter.setPen(context.palette.color(QPalette.ColorRole.Text))
            tops = self.tops()
            i = self.block_at(y0)
            block = self._doc.findBlockByNumber(i)
            while i < n and block.isValid() and tops[i] <= y1:
                self._draw_block(painter, i, block, selections, context.cursorPosition, clip)
                i += 1
                block = block.next()
        finally:
            painter.restore()

    def _draw_block(self, painter, i: int, block: QTextBlock, selections, cursor: int, clip: QRectF) -> None:
        tl = self._painted_layout(i)
        rect = self.block_rect(i)
        background = block.blockFormat().background()
        if background.style() != Qt.BrushStyle.NoBrush:
            painter.save()
            painter.setBrushOrigin(rect.topLeft())
            painter.fillRect(rect, background)
            painter.restore()
        position, length = block.position(), block.length()
        ranges = selection_ranges(tl, position, length, selections)
        tl.draw(painter, rect.topLeft(), ranges, clip if clip.isValid() else QRectF())
        if position <= cursor < position + length:
            tl.drawCursor(painter, rect.topLeft(), cursor - position, 1)

    def documentChanged(self, position: int, removed: int, added: int) -> None:
        doc = self._doc
        if doc.blockCount() != len(self._adv):
            self._reset()
            self.invalidated.emit()
        elif position == 0 and removed == 0 and added >= doc.characterCount():
            # The whole document (a new page width, default font, margin or text option, or this layout
            # set): same text, so measurements stand unless what they depend on changed.
            if self._depends_on() != self._state:
                self._reset(self._chars)
                self.invalidated.emit()
            else:
                return
        else:
            self._changed(position, removed, added)
            return
        self._geometry_changed()

    def _changed(self, position: int, removed: int, added: int) -> None:
        """Text or formats changed in a range of blocks (same block count): repainted now, measured
        again when next needed."""
        doc = self._doc
        first = max(doc.findBlock(position).blockNumber(), 0)
        last = doc.findBlock(max(position, position + max(added, 1) - 1)).blockNumber()
        if last < first:
            last = len(self._adv) - 1
        block = doc.findBlockByNumber(first)
        dropped = moved = False
        for i in range(first, last + 1):
            if removed != added and block.isValid():
                self._chars[i] = block.length() - 1
                block = block.next()
            self._cache.pop(i, None)
            self._own_laid.pop(i, None)
            if self._measured[i]:      # its advance stays the estimate until it is measured again
                self._measured[i] = 0
                self._unmeasured += 1
                dropped = True
            else:
                moved |= self._estimate(i)
        if dropped:
            self.invalidated.emit()
        if moved:
            self._geometry_changed(first)
        else:
            tops = self.tops()
            self.update[QRectF].emit(QRectF(0.0, tops[first], 1.0e9, tops[last + 1] - tops[first]))

