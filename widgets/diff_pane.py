"""One side of the comparison: a read-only text view of rows, with labels in a margin.

The document is built in one edit block with QTextCursor (no per-paragraph layouts, no undo stack),
then handed to the view, so thousands of paragraphs populate in a fraction of a second. The pane
keeps, per row, its first block and (lazily) its top in document pixels: scroll sync, the link
gutter and the overview bar all work from ``row_span`` / ``row_at``.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetrics, QPainter, QTextBlockFormat, QTextCharFormat, QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from app.core.model import Comparison, PairKind, Run
from widgets.palette import DEFAULT, DiffPalette, paint_marks
from widgets.rows import DELETED, INSERTED, PLAIN, Row, side_blocks

# Characters QTextCursor.insertText turns into block breaks; inside a paragraph they become line breaks
# so that one paragraph stays one block and block numbers stay predictable.
_BREAKS = str.maketrans({"\n": "\u2028", "\r": "\u2028", "\u2029": "\u2028", "\ufdd0": " ", "\ufdd1": " "})
PARA_SPACING = 6.0
GAP_BACKGROUND = "#eeeeee"


@dataclass(frozen=True)
class GapRow(Row):
    """Where "changed paragraphs only" hides unchanged paragraphs: one marker row in both panes, saying
    how many and which (``caption``). It stands for no pair (``pair`` -1) and is never a change."""

    hidden: int = 0
    caption: str = ""
    pairs: tuple[int, ...] = ()     # the pairs it hides


def is_gap(row: Row) -> bool:
    """Whether a row is a marker of hidden unchanged paragraphs."""
    return isinstance(row, GapRow)


@dataclass(frozen=True)
class BlockInfo:
    row: int
    label: str = ""
    label_changed: bool = False
    caption: str = ""   # placeholder bands and gap markers only
    gap: bool = False


class DiffPane(QTextEdit):
    """``side`` is "a" (draft) or "b" (adopted)."""

    fileDropped = Signal(str)
    geometryChanged = Signal()  # row positions moved: new content, width, zoom

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
        self._row_first_block: list[int] = []
        self._row_pairs: list[int] = []
        self._blocks: list[BlockInfo] = []
        self._tops: list[float] | None = None
        self._current_row = -1
        self._notes: set[int] = set()      # pairs with a reviewer's note
        self._checked: set[int] = set()    # pairs marked checked
        self._connect_layout()
        self._update_margin_width()

    # -- content ---------------------------------------------------------------------------------

    def set_rows(self, comparison: Comparison | None, rows: list[Row], palette: DiffPalette = DEFAULT) -> None:
        self._palette = palette
        doc = QTextDocument(self)
        doc.setUndoRedoEnabled(False)
        doc.setDefaultFont(self.font())
        first_blocks: list[int] = []
        blocks: list[BlockInfo] = []
        if comparison is not None and rows:
            _Builder(doc, comparison, self.side, palette).build(rows, first_blocks, blocks)
        self.setDocument(doc)  # deletes the previous document: it is our child too
        self._row_first_block = first_blocks
        self._row_pairs = [r.pair for r in rows]
        self._blocks = blocks
        self._current_row = -1
        self._connect_layout()
        self._update_margin_width()
        self._invalidate()

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

    # -- geometry (document pixels) -------------------------------------------------------------

    def row_tops(self) -> list[float]:
        """Top of each row, then the document height; row 0 starts at 0 so rows tile the document."""
        if self._tops is None:
            doc = self.document()
            layout = doc.documentLayout()
            height = layout.documentSize().height()  # finishes the lazy layout in one go
            tops = [layout.blockBoundingRect(doc.findBlockByNumber(b)).top() for b in self._row_first_block]
            if tops:
                tops[0] = 0.0
            tops.append(max(height, tops[-1] if tops else 0.0))
            self._tops = tops
        return self._tops

    def row_span(self, row: int) -> tuple[float, float]:
        tops = self.row_tops()
        return tops[row], tops[row + 1]

    def row_at(self, y: float) -> int:
        """The row holding document y (clamped to the first / last row); -1 when there are no rows."""
        n = self.row_count()
        if n == 0:
            return -1
        return min(max(bisect_right(self.row_tops(), y) - 1, 0), n - 1)

    def visible_rows(self) -> range:
        if not self.row_count():
            return range(0)
        top = self.verticalScrollBar().value()
        return range(self.row_at(top), self.row_at(top + self.viewport().height()) + 1)

    def scroll_value(self) -> int:
        return self.verticalScrollBar().value()

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
        self._margin.update()
        self.geometryChanged.emit()

    def _update_margin_width(self) -> None:
        fm = QFontMetrics(self._margin_font())
        widest = max((fm.horizontalAdvance(b.label) for b in self._blocks if b.label), default=0)
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
        doc = self.document()
        layout = doc.documentLayout()
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
            rect = layout.blockBoundingRect(doc.findBlockByNumber(block_no)).translated(0, -offset)
            text_rect = QRectF(rect.left() + 8, rect.top(), fm.horizontalAdvance(info.caption) + 12,
                               rect.height() - PARA_SPACING)
            painter.fillRect(text_rect, QColor(GAP_BACKGROUND) if info.gap else self.palette().base())
            painter.setPen(QColor("#444444"))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignCenter, info.caption)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            tip = self.cursorForPosition(event.pos()).charFormat().toolTip()
            if tip:
                QToolTip.showText(event.globalPos(), tip, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

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


class LabelMargin(QWidget):
    """Paragraph labels (PP4bis, OP3, 3.) beside the first line of each paragraph."""

    def __init__(self, pane: DiffPane) -> None:
        super().__init__(pane)
        self.pane = pane

    def paintEvent(self, event) -> None:
        pane = self.pane
        painter = QPainter(self)
        painter.fillRect(event.rect(), pane.palette().window())
        if not pane.row_count():
            return
        doc = pane.document()
        layout = doc.documentLayout()
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
                block = doc.findBlockByNumber(pane.row_first_block(row))
                top = layout.blockBoundingRect(block).top() - offset
                lines = block.layout()
                line = lines.lineAt(0).height() if lines.lineCount() else mark_size
                paint_marks(painter, 3, top + (line - mark_size) / 2, mark_size, note, checked)
            for block_no in pane.row_blocks(row):
                info = pane.block_info(block_no)
                if info is None or not info.label:
                    continue
                block = doc.findBlockByNumber(block_no)
                rect = layout.blockBoundingRect(block).translated(0, -offset)
                lines = block.layout()
                height = lines.lineAt(0).height() if lines.lineCount() else rect.height()
                painter.setFont(bold if info.label_changed else font)
                painter.setPen(palette.color("changed_link").darker(150) if info.label_changed
                               else pane.palette().placeholderText().color())
                painter.drawText(QRectF(0, rect.top(), width - 8, height),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, info.label)


class _Builder:
    """Writes rows into a QTextDocument through one cursor, recording block metadata."""

    def __init__(self, doc: QTextDocument, comparison: Comparison, side: str, palette: DiffPalette) -> None:
        self.doc = doc
        self.comparison = comparison
        self.side = side
        self.palette = palette
        self.paras = (comparison.draft if side == "a" else comparison.adopted).paragraphs
        plain = QTextCharFormat()
        deleted = QTextCharFormat()
        deleted.setBackground(palette.color("deleted"))
        deleted.setFontStrikeOut(True)
        inserted = QTextCharFormat()
        inserted.setBackground(palette.color("inserted"))
        inserted.setFontUnderline(True)
        inserted.setUnderlineColor(palette.color("inserted_link"))
        if palette.emphasis:
            for fmt in (deleted, inserted):
                fmt.setFontWeight(QFont.Weight.Bold)
        self.char_formats = {PLAIN: plain, DELETED: deleted, INSERTED: inserted}
        self.finding = QTextCharFormat()
        self.finding.setBackground(palette.color("finding"))
        self.finding.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        self.finding.setUnderlineColor(QColor("#b03000"))
        self.block_formats: dict[PairKind | str | None, QTextBlockFormat] = {}

    def block_format(self, kind: PairKind | str | None) -> QTextBlockFormat:
        """Paragraph format per pair kind; ``None`` is a placeholder band (hatched: not colour alone),
        "gap" a marker of hidden unchanged paragraphs (plain grey)."""
        fmt = self.block_formats.get(kind)
        if fmt is None:
            fmt = QTextBlockFormat()
            fmt.setBottomMargin(PARA_SPACING)
            if kind == "gap":
                fmt.setBackground(QColor(GAP_BACKGROUND))
            elif kind is None:
                fmt.setBackground(QBrush(self.palette.color("placeholder"), Qt.BrushStyle.BDiagPattern))
            else:
                tint = self.palette.tint(kind)
                if tint is not None:
                    fmt.setBackground(tint)
            self.block_formats[kind] = fmt
        return fmt

    def build(self, rows: list[Row], first_blocks: list[int], blocks: list[BlockInfo]) -> None:
        # Where the other end of each move is shown, for the arrow in its caption.
        self.move_ends = {r.pair: n for n, r in enumerate(rows)
                          if r.kind is PairKind.MOVED and r.side(self.side)}
        cursor = QTextCursor(self.doc)
        cursor.beginEditBlock()
        findings: list[tuple[int, int, int, str]] = []  # block, start, end, message
        emphasis: list[tuple[int, int, int, Run]] = []   # block, start, end, source formatting
        for n, row in enumerate(rows):
            first_blocks.append(len(blocks))
            if isinstance(row, GapRow):
                self._new_block(cursor, blocks, self.block_format("gap"))
                blocks.append(BlockInfo(n, caption=row.caption, gap=True))
                continue
            indexes = row.side(self.side)
            pair = self.comparison.pairs[row.pair]
            if not indexes:
                self._new_block(cursor, blocks, self.block_format(None))
                blocks.append(BlockInfo(n, caption=self.caption(row, n)))
                continue
            fmt = self.block_format(row.kind)
            for blk in side_blocks(self.comparison, row.pair, self.side, indexes):
                self._new_block(cursor, blocks, fmt)
                for text, style in blk.segments:
                    cursor.insertText(text.translate(_BREAKS), self.char_formats[style])
                for start, end, message in blk.findings:
                    findings.append((len(blocks), start, end, message))
                emphasis += [(len(blocks), start, end, run) for start, end, run in blk.emphasis]
                blocks.append(BlockInfo(n, self.paras[blk.paragraph].display_label, pair.label_changed))
        for block_no, start, end, run in emphasis:     # the source's own italics and bold, kept (note
            # markers are superscript characters already)
            fmt = QTextCharFormat()
            if run.italic:
                fmt.setFontItalic(True)
            if run.bold:
                fmt.setFontWeight(QFont.Weight.Bold)
            self._merge(block_no, start, end, fmt)
        for block_no, start, end, message in findings:
            fmt = QTextCharFormat(self.finding)
            fmt.setToolTip(message)
            self._merge(block_no, start, end, fmt)
        cursor.endEditBlock()
        if self.doc.blockCount() != len(blocks):  # would misplace every label after it
            raise AssertionError(f"pane built {self.doc.blockCount()} blocks for {len(blocks)} paragraphs")

    def _merge(self, block_no: int, start: int, end: int, fmt: QTextCharFormat) -> None:
        base = self.doc.findBlockByNumber(block_no).position()
        c = QTextCursor(self.doc)
        c.setPosition(base + start)
        c.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        c.mergeCharFormat(fmt)

    @staticmethod
    def _new_block(cursor: QTextCursor, blocks: list[BlockInfo], fmt: QTextBlockFormat) -> None:
        if blocks:
            cursor.insertBlock(fmt, QTextCharFormat())
        else:
            cursor.setBlockFormat(fmt)

    def caption(self, row: Row, n: int) -> str:
        pair = self.comparison.pairs[row.pair]
        draft_label = self.comparison.draft.paragraphs[pair.draft[0]].display_label if pair.draft else ""
        adopted_label = self.comparison.adopted.paragraphs[pair.adopted[0]].display_label if pair.adopted else ""
        if row.kind is PairKind.MOVED:
            down = self.move_ends.get(row.pair, n) > n
            arrow = "↓" if down else "↑"
            if self.side == "a":  # the adopted text has it here; the draft had it elsewhere
                if draft_label:
                    return QCoreApplication.translate("DiffPane", "moved here from {label} {arrow}").format(
                        label=draft_label, arrow=arrow)
                return (QCoreApplication.translate("DiffPane", "moved here from below {arrow}") if down else
                        QCoreApplication.translate("DiffPane", "moved here from above {arrow}")).format(arrow=arrow)
            if adopted_label:
                return QCoreApplication.translate("DiffPane", "moved to {label} {arrow}").format(
                    label=adopted_label, arrow=arrow)
            return (QCoreApplication.translate("DiffPane", "moved down {arrow}") if down else
                    QCoreApplication.translate("DiffPane", "moved up {arrow}")).format(arrow=arrow)
        if self.side == "a":
            text = QCoreApplication.translate("DiffPane", "inserted in the adopted text")
            return f"{text} ({adopted_label})" if adopted_label else text
        text = QCoreApplication.translate("DiffPane", "deleted from the draft")
        return f"{text} ({draft_label})" if draft_label else text
