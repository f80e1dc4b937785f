"""A list of changes that jumps to the one chosen and follows the current one.

Works with any item model whose rows answer ``PAIR_ROLE`` with the pair index they stand for.
Selecting a row from code (``set_current_pair``) does not emit ``changeActivated``: only the user's
choice moves the panes, so following the current change never loops back into a jump.
"""
from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1


class ChangeList(QTreeView):
    changeActivated = Signal(int)  # pair index the user picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.setObjectName("changeList")
        self._following = False
        self.column_samples = ("inserted", "PP15bis → 16")  # widest usual kind and label

    def setModel(self, model) -> None:
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(True)
        # Fixed starting widths: ResizeToContents would ask every row for its text on each reset.
        fm = self.fontMetrics()
        for col, sample in enumerate(self.column_samples):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            padding = 44 if col == 0 else 16  # the first column also holds the colour swatch
            header.resizeSection(col, fm.horizontalAdvance(sample) + padding)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def row_of_pair(self, pair: int) -> int:
        model = self.model()
        if model is None:
            return -1
        for r in range(model.rowCount()):
            if model.index(r, 0).data(PAIR_ROLE) == pair:
                return r
        return -1

    def current_pair(self) -> int:
        index = self.currentIndex()
        value = index.data(PAIR_ROLE) if index.isValid() else None
        return value if isinstance(value, int) else -1

    def set_current_pair(self, pair: int) -> None:
        """Select the entry of ``pair`` (or nothing) without asking for a jump."""
        r = self.row_of_pair(pair)
        self._following = True
        try:
            if r < 0:
                self.selectionModel().clearSelection()
                self.setCurrentIndex(QModelIndex())
                return
            index = self.model().index(r, 0)
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)
        finally:
            self._following = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following or not current.isValid():
            return
        pair = current.data(PAIR_ROLE)
        if isinstance(pair, int):
            self.changeActivated.emit(pair)
