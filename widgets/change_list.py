"""A list of changes that jumps to the one chosen and follows the current one.

Works with any item model whose rows answer ``PAIR_ROLE`` with the pair index they stand for. A row
with children is a group (the header and footer changes): it spans the columns, starts collapsed, and
stands for its children while collapsed. Selecting a row from code (``set_current_pair``) does not emit
``changeActivated``: only the user's choice moves the panes, so following the current change never
loops back into a jump.
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
        self.setIndentation(14)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAllColumnsShowFocus(True)
        self.setObjectName("changeList")
        self._following = False
        self._stand_in: tuple[int, int] | None = None    # (group row, pair) a collapsed group stands for
        self.column_samples = ("inserted", "PP15bis → 16")  # widest usual kind and label

    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self._show_groups)
        self._show_groups()
        header = self.header()
        header.setStretchLastSection(True)
        # Fixed starting widths: ResizeToContents would ask every row for its text on each reset.
        fm = self.fontMetrics()
        for col, sample in enumerate(self.column_samples):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            padding = 44 if col == 0 else 16  # the first column also holds the colour swatch
            header.resizeSection(col, fm.horizontalAdvance(sample) + padding)
        self.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def _show_groups(self) -> None:
        """Groups span the columns; the expand arrows show only when there is a group. A model that
        knows its group rows says so with ``group_rows()`` (asking each row is slow with many)."""
        model = self.model()
        known = getattr(model, "group_rows", None)
        groups = list(known()) if known is not None else [
            r for r in range(model.rowCount()) if model.rowCount(model.index(r, 0)) > 0]
        if bool(groups) != self.rootIsDecorated():   # the arrows' room comes out of the first column
            self.setRootIsDecorated(bool(groups))
            width = self.header().sectionSize(0) + (self.indentation() if groups else -self.indentation())
            self.header().resizeSection(0, width)
        for r in groups:
            self.setFirstColumnSpanned(r, QModelIndex(), True)

    def index_of_pair(self, pair: int) -> QModelIndex:
        """The entry of ``pair``, at the top level or inside a group; invalid when it has none. A model
        that can say it at once does (``index_of_pair``); others are searched row by row."""
        model = self.model()
        if model is None:
            return QModelIndex()
        known = getattr(model, "index_of_pair", None)
        if known is not None:
            return known(pair)
        for r in range(model.rowCount()):
            index = model.index(r, 0)
            if index.data(PAIR_ROLE) == pair:
                return index
            for k in range(model.rowCount(index)):
                child = model.index(k, 0, index)
                if child.data(PAIR_ROLE) == pair:
                    return child
        return QModelIndex()

    def row_of_pair(self, pair: int) -> int:
        """The top-level row of ``pair`` (its group's row when it is in one); -1 when it has none."""
        index = self.index_of_pair(pair)
        while index.parent().isValid():
            index = index.parent()
        return index.row() if index.isValid() else -1

    def current_pair(self) -> int:
        """The pair of the current entry (a collapsed group: the member it stands for); -1 for none."""
        index = self.currentIndex()
        value = index.data(PAIR_ROLE) if index.isValid() else None
        if not isinstance(value, int) and self._stand_in is not None and index.isValid() \
                and not index.parent().isValid() and index.row() == self._stand_in[0]:
            return self._stand_in[1]
        return value if isinstance(value, int) else -1

    def set_current_pair(self, pair: int) -> None:
        """Select the entry of ``pair`` (or nothing) without asking for a jump."""
        index = self.index_of_pair(pair)
        self._stand_in = None
        if index.parent().isValid() and not self.isExpanded(index.parent()):
            index = index.parent()          # a collapsed group stands for its members
            self._stand_in = (index.row(), pair)
        self._following = True
        try:
            if not index.isValid():
                self.selectionModel().clearSelection()
                self.setCurrentIndex(QModelIndex())
                return
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.scrollTo(index)
        finally:
            self._following = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._following or not current.isValid():
            return
        self._stand_in = None
        pair = current.data(PAIR_ROLE)
        if isinstance(pair, int):
            self.changeActivated.emit(pair)
