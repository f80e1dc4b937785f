"""What a pane's QTextDocument holds: one block per paragraph (or one band per placeholder or gap row),
block formats per pair kind, and the word marks as character formats.

``PaneText.build`` writes every row's text and block format at once (one QTextCursor, one edit block:
a few hundred milliseconds for 20,000 paragraphs). The character formats (deleted and inserted words,
the source's emphasis, finding spans with their tooltips) come from the engine's marks
(``widgets.rows.side_blocks``), which cost more than the text itself; ``format_rows`` applies them to
a range of rows, and the pane calls it for the first rows at once and for the others before they are
laid out, copied or reached by its idle-time pass. A row's text never changes when it is formatted
(``rows.shown_text`` is what the marks' segments join to; a mismatch is logged and the block rewritten).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument

from app.core.model import Comparison, PairKind
from widgets.palette import DiffPalette
from widgets.rows import DELETED, INSERTED, PLAIN, Row, shown_text, side_blocks

log = logging.getLogger(__name__)

# Characters QTextCursor.insertText turns into block breaks; inside a paragraph they become line breaks
# so that one paragraph stays one block and block numbers stay predictable. One character for one:
# offsets in the shown text stay offsets in the block.
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


class PaneText:
    """Writes rows into a QTextDocument for one side ("a" draft, "b" adopted) and formats them later."""

    def __init__(self, doc: QTextDocument, comparison: Comparison, side: str, palette: DiffPalette,
                 rows: list[Row], language: str) -> None:
        self.doc = doc
        self.comparison = comparison
        self.side = side
        self.palette = palette
        self.rows = rows
        self.language = language
        self.paras = (comparison.draft if side == "a" else comparison.adopted).paragraphs
        self.first_blocks: list[int] = []      # per row: its first block
        self.blocks: list[BlockInfo] = []      # per block
        self.formatted = bytearray(len(rows))  # per row: character formats applied
        self.plain = QTextCharFormat()
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
        self.char_formats = {DELETED: deleted, INSERTED: inserted}
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

    def build(self) -> list[int]:
        """Write every row's text with its block format; the characters of each block, in order."""
        rows, blocks, lengths = self.rows, self.blocks, []
        # Where the other end of each move is shown, for the arrow in its caption.
        self.move_ends = {r.pair: n for n, r in enumerate(rows) if r.kind is PairKind.MOVED and r.side(self.side)}
        cursor = QTextCursor(self.doc)
        cursor.beginEditBlock()
        plain, comparison, side, paras = self.plain, self.comparison, self.side, self.paras
        for n, row in enumerate(rows):
            self.first_blocks.append(len(blocks))
            if isinstance(row, GapRow):
                self._new_block(cursor, self.block_format("gap"))
                blocks.append(BlockInfo(n, caption=row.caption, gap=True))
                lengths.append(0)
                continue
            indexes = row.side(side)
            if not indexes:
                self._new_block(cursor, self.block_format(None))
                blocks.append(BlockInfo(n, caption=self.caption(row, n)))
                lengths.append(0)
                continue
            fmt = self.block_format(row.kind)
            changed = comparison.pairs[row.pair].label_changed
            for index in indexes:
                self._new_block(cursor, fmt)
                text = shown_text(comparison, side, index).translate(_BREAKS)
                if text:
                    cursor.insertText(text, plain)
                blocks.append(BlockInfo(n, paras[index].display_label, changed))
                lengths.append(len(text))
        cursor.endEditBlock()
        if self.doc.blockCount() != len(blocks):  # would misplace every label after it
            raise AssertionError(f"pane built {self.doc.blockCount()} blocks for {len(blocks)} paragraphs")
        return lengths

    def _new_block(self, cursor: QTextCursor, fmt: QTextBlockFormat) -> None:
        if self.blocks:
            cursor.insertBlock(fmt, self.plain)
        else:
            cursor.setBlockFormat(fmt)

    def format_rows(self, first: int, last: int) -> None:
        """Apply the character formats of rows ``first`` to ``last`` - 1 (those not formatted yet)."""
        first, last = max(first, 0), min(last, len(self.rows))
        todo = [n for n in range(first, last) if not self.formatted[n]]
        if not todo:
            return
        cursor = QTextCursor(self.doc)
        cursor.beginEditBlock()
        try:
            for n in todo:
                self.formatted[n] = 1
                row = self.rows[n]
                indexes = row.side(self.side)
                if isinstance(row, GapRow) or not indexes:
                    continue
                self._format_row(cursor, n, row, indexes)
        finally:
            cursor.endEditBlock()

    def _format_row(self, cursor: QTextCursor, n: int, row: Row, indexes: tuple[int, ...]) -> None:
        block = self.doc.findBlockByNumber(self.first_blocks[n])
        marked = side_blocks(self.comparison, row.pair, self.side, indexes, self.language)
        if [blk.paragraph for blk in marked] != list(indexes):     # one block per paragraph, in order
            log.warning("pane %s, row %d: marks for paragraphs %s, blocks for %s; not formatted", self.side, n,
                        [blk.paragraph for blk in marked], list(indexes))
            return
        for blk in marked:
            text = "".join(t for t, _ in blk.segments).translate(_BREAKS)
            if text != block.text():
                log.warning("pane %s, row %d: the marks' text differs from the text shown; rewritten",
                            self.side, n)
                cursor.setPosition(block.position())
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                cursor.insertText(text, self.plain)
            base = pos = block.position()
            for segment, style in blk.segments:
                if style != PLAIN:
                    cursor.setPosition(pos)
                    cursor.setPosition(pos + len(segment), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(self.char_formats[style])
                pos += len(segment)
            for start, end, run in blk.emphasis:   # the source's own italics and bold, kept (note markers
                fmt = QTextCharFormat()               # are superscript characters already)
                if run.italic:
                    fmt.setFontItalic(True)
                if run.bold:
                    fmt.setFontWeight(QFont.Weight.Bold)
                self._merge(cursor, base, start, end, fmt)
            for start, end, message in blk.findings:
                fmt = QTextCharFormat(self.finding)
                fmt.setToolTip(message)
                self._merge(cursor, base, start, end, fmt)
            block = block.next()

    @staticmethod
    def _merge(cursor: QTextCursor, base: int, start: int, end: int, fmt: QTextCharFormat) -> None:
        cursor.setPosition(base + start)
        cursor.setPosition(base + end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

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
