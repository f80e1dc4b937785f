"""Synchronized vertical scrolling of panes whose rows correspond (after Meld's _sync_vscroll).

Each pane exposes ``verticalScrollBar()``, ``viewport()``, ``row_count()``, ``row_at(y)`` and
``row_span(row) -> (top, bottom)`` in document pixels, with the same rows in the same order. When one
pane scrolls, the anchor line (``value + syncpoint * page``) is located in its row, and the other
panes are placed so that the same fraction of the same row sits at their anchor. The syncpoint slides
from the top of the viewport (document start) through the middle to the bottom (document end), so
both ends of documents of different lengths line up. A guard drops the scroll events raised by
syncing itself: no feedback loop.

Panes whose rows are laid out lazily (widgets.diff_pane) may also expose ``prepare_visible(flush)``
and ``prepare_row(row)``: before the anchor is read the pane scrolled lays out what it shows, and
before another pane is placed it lays out the rows around the anchor's row, so that painting moves
nothing after the panes are placed. A scroll for which ``adjusting()`` is true is a pane keeping its
view still while heights above it change: the others are not moved for it.
"""
from __future__ import annotations

from typing import Protocol, Sequence

from PySide6.QtCore import QObject, Signal


class SyncPane(Protocol):
    def verticalScrollBar(self): ...
    def viewport(self): ...
    def row_count(self) -> int: ...
    def row_at(self, y: float) -> int: ...
    def row_span(self, row: int) -> tuple[float, float]: ...


def _call(pane, name: str, *args) -> bool:
    """Call an optional method of a pane; False when it has none."""
    method = getattr(pane, name, None)
    return bool(method(*args)) if method is not None else False


def syncpoint(value: float, page: float, maximum: float) -> float:
    """Where the anchor sits in the viewport (0 top, 1 bottom) for a scroll value."""
    if maximum <= 0:
        return 0.0
    if maximum <= page:
        return value / maximum
    half = page / 2
    if value < half:
        return 0.5 * value / half
    if value > maximum - half:
        return 1.0 - 0.5 * (maximum - value) / half
    return 0.5


def value_for_anchor(y: float, page: float, maximum: float) -> float:
    """Inverse of ``value + syncpoint(value) * page``: the scroll value that puts document y at the anchor."""
    if maximum <= 0:
        return 0.0
    if maximum <= page:
        value = y * maximum / (maximum + page)
    else:
        half = page / 2
        value = y - half
        if value < half:
            value = y / 2
        elif value > maximum - half:
            value = (y - page + maximum) / 2
    return min(max(value, 0.0), maximum)


class ScrollSync(QObject):
    synced = Signal(int)  # index of the pane the user scrolled, after the others followed

    def __init__(self, panes: Sequence[SyncPane], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panes = list(panes)
        self.enabled = True
        self._syncing = False
        for i, pane in enumerate(self.panes):
            pane.verticalScrollBar().valueChanged.connect(lambda _v, i=i: self._on_scroll(i))

    @property
    def syncing(self) -> bool:
        return self._syncing

    def anchor(self, index: int) -> tuple[int, float, float]:
        """(row, fraction inside the row, syncpoint) at pane ``index``'s anchor line; row -1 if empty."""
        pane = self.panes[index]
        bar = pane.verticalScrollBar()
        if not pane.row_count():
            return -1, 0.0, 0.0
        s = syncpoint(bar.value(), bar.pageStep(), bar.maximum())
        y = bar.value() + s * bar.pageStep()
        row = pane.row_at(y)
        top, bottom = pane.row_span(row)
        fraction = (y - top) / (bottom - top) if bottom > top else 0.0
        return row, min(max(fraction, 0.0), 1.0), s

    def _on_scroll(self, index: int) -> None:
        if self._syncing or not self.enabled or _call(self.panes[index], "adjusting"):
            return
        self.follow(index)
        self.synced.emit(index)

    def follow(self, index: int) -> None:
        """Place every other pane after pane ``index``."""
        self._syncing = True
        try:
            _call(self.panes[index], "prepare_visible", True)
            row, fraction, s = self.anchor(index)
            if row < 0:
                return
            for j, other in enumerate(self.panes):
                if j == index or other.row_count() != self.panes[index].row_count():
                    continue
                _call(other, "prepare_row", row)
                top, bottom = other.row_span(row)
                y = top + fraction * (bottom - top)
                bar = other.verticalScrollBar()
                bar.setValue(round(y - s * bar.pageStep()))
        finally:
            self._syncing = False

    def scroll_to_y(self, index: int, y: float) -> None:
        """Put document y of pane ``index`` at its anchor and let the other panes follow."""
        bar = self.panes[index].verticalScrollBar()
        value = round(value_for_anchor(y, bar.pageStep(), bar.maximum()))
        if bar.value() == value:
            self.follow(index)  # the others may still be elsewhere
            self.synced.emit(index)
        else:
            bar.setValue(value)  # -> _on_scroll -> follow
