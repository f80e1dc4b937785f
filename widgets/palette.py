"""Colours for changes, in two palettes: the usual red/green and a colour-blind-safe Okabe-Ito one.

Colour is never the only cue: panes also strike deleted words through and underline inserted ones,
and placeholder bands are hatched. Tints are light so black text stays readable on them.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor

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
