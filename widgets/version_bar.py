"""The version bar of a negotiation trail: which two versions the panes compare (issue #19).

Two combo boxes name the versions of the trail ("1 · zero draft", "2 · rev.1" …): the left one is
shown as the draft, the right one as the adopted text. The arrows step through the rounds (each
version against the next). The bar only says what was chosen (``pairChosen``); what to show for a
pair is the window's business. It knows the versions' names and, for their tooltips, their Documents.
"""
from __future__ import annotations

from typing import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from app.core.model import Document


class VersionBar(QWidget):
    """Pick any two versions of a trail; ``pairChosen(older, newer)`` (0-based indexes, the first
    shown as the draft) when the officer changes them."""

    pairChosen = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("versionBar")
        self._names: list[str] = []
        self._updating = False
        self.title = QLabel(self.tr("Ve&rsions:"))
        self.first = QComboBox()
        self.second = QComboBox()
        self.first.setObjectName("versionFrom")
        self.second.setObjectName("versionTo")
        self.arrow = QLabel("\u2192")
        self.previous_round = QToolButton(text="\u25c0")
        self.next_round = QToolButton(text="\u25b6")
        self.previous_round.setObjectName("previousRound")
        self.next_round.setObjectName("nextRound")
        self.round_label = QLabel()
        self.round_label.setObjectName("roundLabel")
        self.round_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for combo in (self.first, self.second):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMinimumContentsLength(10)
        self.title.setBuddy(self.first)
        self.first.setAccessibleName(self.tr("Version shown as the draft"))
        self.second.setAccessibleName(self.tr("Version shown as the adopted text"))
        self.previous_round.setToolTip(self.tr("Show the previous round (a version against the one before it)"))
        self.next_round.setToolTip(self.tr("Show the next round (a version against the one after it)"))
        self.previous_round.setAccessibleName(self.tr("Previous round"))
        self.next_round.setAccessibleName(self.tr("Next round"))
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.setSpacing(6)
        for widget in (self.title, self.previous_round, self.first, self.arrow, self.second, self.next_round):
            row.addWidget(widget)
        row.addWidget(self.round_label, 1)
        self.first.currentIndexChanged.connect(lambda _i: self._chosen(self.first))
        self.second.currentIndexChanged.connect(lambda _i: self._chosen(self.second))
        self.previous_round.clicked.connect(lambda: self.step_round(-1))
        self.next_round.clicked.connect(lambda: self.step_round(+1))

    # -- content ---------------------------------------------------------------------------------

    def set_versions(self, names: Sequence[str], documents: Sequence[Document] = ()) -> None:
        """The trail's versions, oldest first; the documents give each entry its file as a tooltip."""
        self._updating = True
        try:
            self._names = [str(n) for n in names]
            for combo in (self.first, self.second):
                combo.clear()
                for k, name in enumerate(self._names):
                    combo.addItem(f"{k + 1} \u00b7 {name}", k)
                    if k < len(documents) and documents[k].path:
                        combo.setItemData(k, documents[k].path, Qt.ItemDataRole.ToolTipRole)
        finally:
            self._updating = False
        if len(self._names) >= 2:
            self.set_pair(len(self._names) - 2, len(self._names) - 1)

    def versions(self) -> list[str]:
        """The names of the versions, oldest first."""
        return list(self._names)

    def count(self) -> int:
        """How many versions the bar offers."""
        return len(self._names)

    def pair(self) -> tuple[int, int]:
        """The two versions chosen: (shown as the draft, shown as the adopted text)."""
        return self.first.currentIndex(), self.second.currentIndex()

    def set_pair(self, first: int, second: int) -> None:
        """Show ``first`` and ``second`` as chosen, without telling anyone (``pairChosen`` not sent)."""
        self._updating = True
        try:
            self.first.setCurrentIndex(first)
            self.second.setCurrentIndex(second)
        finally:
            self._updating = False
        self._update_round()

    def choose(self, first: int, second: int) -> None:
        """Choose a pair as the officer would: shown, then ``pairChosen`` sent (when they differ)."""
        if first == second or not (0 <= first < self.count() and 0 <= second < self.count()):
            return
        self.set_pair(first, second)
        self.pairChosen.emit(first, second)

    def step_round(self, step: int) -> None:
        """The previous (-1) or next (+1) round: a version against the one after it."""
        first, second = self.pair()
        start = min(first, second) if abs(second - first) == 1 else first
        target = max(0, min(self.count() - 2, start + step))
        if (target, target + 1) != (first, second):
            self.choose(target, target + 1)

    # -- the officer's choice -------------------------------------------------------------------------

    def _chosen(self, combo: QComboBox) -> None:
        if self._updating:
            return
        first, second = self.pair()
        if first == second:                      # one version against itself: move the other one
            if combo is self.first:
                other = first + 1 if first + 1 < self.count() else first - 1
                self.set_pair(first, other)
            else:
                other = second - 1 if second > 0 else second + 1
                self.set_pair(other, second)
            first, second = self.pair()
        self._update_round()
        self.pairChosen.emit(first, second)

    def _update_round(self) -> None:
        first, second = self.pair()
        n = self.count()
        consecutive = second == first + 1
        self.previous_round.setEnabled(n > 2 and not (consecutive and first == 0))
        self.next_round.setEnabled(n > 2 and not (consecutive and second == n - 1))
        if consecutive:
            self.round_label.setText(self.tr("round {k} of {n}").format(k=second, n=n - 1))
        elif second < first:
            self.round_label.setText(self.tr("later version shown as the draft"))
        else:
            self.round_label.setText(self.tr("{n} rounds apart").format(n=second - first))
