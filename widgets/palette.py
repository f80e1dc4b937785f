"""Colours for changes, in two palettes: the usual red/green and a colour-blind-safe Okabe-Ito one.

Colour is never the only cue: panes also strike deleted words through and underline inserted ones,
and placeholder bands are hatched. Tints are light so black text stays readable on them.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from app.core.model import PairKind


@dataclass(frozen=True)
class DiffPalette:
    name: str
    title: str
    deleted: str        # word background in the draft pane
    inserted: str       # word background in the adopted pane
    changed: str        # paragraph tint of a changed / split / merged pair
    moved: str          # paragraph tint and link colour of moved paragraphs
    finding: str        # cross-check finding spans (figures, dates, symbols)
    placeholder: str    # hatched band where the other side has a paragraph
    deleted_link: str   # gutter / overview colours, stronger than the tints
    inserted_link: str
    changed_link: str
    moved_link: str
    emphasis: bool = False  # bold changed words as well: for low vision and projectors

    @property
    def display_title(self) -> str:
        return QCoreApplication.translate("DiffPalette", self.title)

    def color(self, attr: str) -> QColor:
        return QColor(getattr(self, attr))

    def link_color(self, kind: PairKind) -> QColor:
        """Strong colour for gutter links and overview marks of a pair kind."""
        attr = {
            PairKind.DELETED: "deleted_link", PairKind.INSERTED: "inserted_link",
            PairKind.MOVED: "moved_link",
        }.get(kind, "changed_link")
        return QColor(getattr(self, attr))

    def tint(self, kind: PairKind) -> QColor | None:
        """Paragraph background for a pair kind, None for equal paragraphs."""
        if kind is PairKind.EQUAL:
            return None
        if kind is PairKind.MOVED:
            return QColor(self.moved)
        if kind is PairKind.DELETED:
            return QColor(self.deleted).lighter(112)
        if kind is PairKind.INSERTED:
            return QColor(self.inserted).lighter(112)
        return QColor(self.changed)


DEFAULT = DiffPalette(
    name="default", title=QT_TRANSLATE_NOOP("DiffPalette", "Red / green"),
    deleted="#f7c6c3", inserted="#c6ecc1", changed="#fbf3d9", moved="#e6dcf5", finding="#ffe08a",
    placeholder="#b9b9b9",
    deleted_link="#d9534f", inserted_link="#4cae4c", changed_link="#e0b040", moved_link="#8e6cc8",
)

# Okabe & Ito (2008): vermillion #D55E00, blue #0072B2, orange #E69F00, reddish purple #CC79A7,
# distinguishable with protanopia, deuteranopia and tritanopia.
COLOUR_BLIND = DiffPalette(
    name="okabe-ito", title=QT_TRANSLATE_NOOP("DiffPalette", "Colour-blind safe (blue / orange)"),
    deleted="#f5cfae", inserted="#b9d8ef", changed="#f4f1e6", moved="#efd3e4", finding="#f6eb8f",
    placeholder="#a0a0a0",
    deleted_link="#d55e00", inserted_link="#0072b2", changed_link="#e69f00", moved_link="#cc79a7",
)

# High contrast: saturated tints, dark link colours and bold changed words, so changes stand out on a
# projector or to low vision; the hues stay on the blue / orange axis, safe for colour blindness too.
HIGH_CONTRAST = DiffPalette(
    name="high-contrast", title=QT_TRANSLATE_NOOP("DiffPalette", "High contrast"),
    deleted="#ffa07a", inserted="#7cc4ff", changed="#fff3a0", moved="#e0b0ff", finding="#ffff00",
    placeholder="#303030",
    deleted_link="#b22000", inserted_link="#003f8f", changed_link="#8a5a00", moved_link="#6a1b9a",
    emphasis=True,
)

PALETTES: dict[str, DiffPalette] = {p.name: p for p in (DEFAULT, COLOUR_BLIND, HIGH_CONTRAST)}


def palette_named(name: str) -> DiffPalette:
    return PALETTES.get(name, DEFAULT)


# -- the reviewer's marks: a note, a "checked" tick (shapes, not glyphs: every font draws them) -------

NOTE_MARK = "#c77700"      # amber: a note on this paragraph
CHECKED_MARK = "#2e7d32"   # green: the officer marked this paragraph checked


def paint_marks(painter, x: float, y: float, size: float, note: bool, checked: bool) -> float:
    """Paint the note mark (a folded sheet) and the checked mark (a tick) from (x, y), ``size`` high;
    returns the width used."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    used = 0.0
    if note:
        w = size * 0.75
        sheet = QRectF(x + 0.5, y + 0.5, w - 1, size - 1)
        painter.setPen(QPen(QColor(NOTE_MARK).darker(130), 1))
        painter.setBrush(QColor(NOTE_MARK))
        painter.drawRect(sheet)
        painter.setPen(QPen(QColor("white"), max(1.0, size / 10)))
        for k in (0.35, 0.55, 0.75):
            line_y = sheet.top() + sheet.height() * k
            painter.drawLine(QPointF(sheet.left() + w * 0.2, line_y), QPointF(sheet.right() - w * 0.2, line_y))
        used += w + size * 0.2
    if checked:
        left = x + used
        path = QPainterPath(QPointF(left + size * 0.1, y + size * 0.55))
        path.lineTo(left + size * 0.4, y + size * 0.85)
        path.lineTo(left + size * 0.9, y + size * 0.15)
        painter.setPen(QPen(QColor(CHECKED_MARK), max(1.5, size / 6), Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        used += size
    painter.restore()
    return used


def marks_icon(note: bool, checked: bool, size: int = 16):
    """The marks as an icon (for item views); a null icon when there is neither."""
    if not (note or checked):
        return QIcon()
    pixmap = QPixmap(size, size)          # square: item views draw icons in a square
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    mark = size / 1.95 if note and checked else size * 0.85       # both side by side, or one at full size
    paint_marks(painter, (size - mark * (1.95 if note and checked else 0.75 if note else 1.0)) / 2,
                (size - mark) / 2, mark, note, checked)
    painter.end()
    return QIcon(pixmap)


def legend_html(palette: DiffPalette) -> str:
    """What the colours and marks of the panes mean, as rich text (Help > Legend)."""
    def row(sample: str, style: str, meaning: str) -> str:
        return (f'<tr><td style="padding:3px 10px 3px 0"><span style="{style}">&nbsp;{sample}&nbsp;</span></td>'
                f'<td style="padding:3px 0">{meaning}</td></tr>')

    one_side = QColor(palette.inserted).lighter(112).name()
    rows = [
        row(QCoreApplication.translate("Legend", "deleted words"),
            f"background-color:{palette.deleted}; text-decoration:line-through",
            QCoreApplication.translate("Legend", "Words of the draft the adopted text no longer has (struck through)")),
        row(QCoreApplication.translate("Legend", "inserted words"),
            f"background-color:{palette.inserted}; text-decoration:underline",
            QCoreApplication.translate("Legend", "Words the adopted text added (underlined)")),
        row(QCoreApplication.translate("Legend", "changed paragraph"), f"background-color:{palette.changed}",
            QCoreApplication.translate("Legend", "A paragraph whose words changed; a band in the middle strip "
                                                 "links its two sides")),
        row(QCoreApplication.translate("Legend", "moved paragraph"), f"background-color:{palette.moved}",
            QCoreApplication.translate("Legend", "A paragraph that moved; a dashed band links where it was to "
                                                 "where it is")),
        row(QCoreApplication.translate("Legend", "one side only"), f"background-color:{one_side}",
            QCoreApplication.translate("Legend", "A paragraph inserted or deleted; the other side shows a "
                                                 "hatched band saying so")),
        row(QCoreApplication.translate("Legend", "finding"),
            f"background-color:{palette.finding}; text-decoration:underline",
            QCoreApplication.translate("Legend", "A figure, date or symbol that differs (wavy underline; the "
                                                 "finding as tooltip)")),
        row("\u22ef", "color:#444444; font-style:italic",
            QCoreApplication.translate("Legend", "Unchanged paragraphs hidden by \u201cChanged paragraphs "
                                                 "only\u201d")),
        row("\u25a0", f"color:{NOTE_MARK}",
            QCoreApplication.translate("Legend", "In the margin and the list of changes: your note on this "
                                                 "paragraph")),
        row("\u2713", f"color:{CHECKED_MARK}; font-weight:bold",
            QCoreApplication.translate("Legend", "In the margin and the list of changes: you marked this "
                                                 "paragraph checked")),
    ]
    return "<table>" + "".join(rows) + "</table>"
