"""File > Open trail…: the versions of one resolution, in order and named, and the work that reads and
chains them (issue #19).

The dialog holds an ordered list (2 to 10 versions, zero draft first): files added with a multi-select
file dialog, or a folder's documents in natural name order (app.cli_trail.version_paths, as the command
line takes them); the officer reorders them and names them (default: the file names). ``trail_work``
is what the window's task runner runs: read each version, then app.core.trail.build_trail.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHBoxLayout, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from app.cli_trail import version_paths
from app.io.documents import natural_order
from app.core.compare import Cancelled
from app.core.model import CompareOptions
from app.core.trail import MAX_VERSIONS, MIN_VERSIONS, TrailError, check_shape
from app.io.errors import DraftCompareError, InputError
from app.ui.open_dialog import FILE_FILTER

log = logging.getLogger(__name__)

PATH_ROLE = Qt.ItemDataRole.UserRole + 4
# Stage names trail_work reports; translated where the task runner shows them (context "Progress").
READING = QT_TRANSLATE_NOOP("Progress", "Reading versions")
COMPARING = QT_TRANSLATE_NOOP("Progress", "Comparing versions")


def check_versions(paths: Sequence[str | Path], names: Sequence[str] | None = None) -> None:
    """Refuse, in one line, what cannot make a trail: a wrong count, a file that is not there, or a
    name list that does not fit. Raises InputError (file, reason)."""
    try:
        check_shape(len(paths), None if names is None else len(names))
    except TrailError as exc:
        raise InputError("trail", str(exc)) from None
    for path in paths:
        if not Path(path).is_file():
            raise InputError(str(path), "no such file")


def trail_work(paths: Sequence[str | Path], names: Sequence[str] | None, options: CompareOptions):
    """What the task runner runs on its worker thread: read the versions in order, then chain their
    comparisons into a Trail. Unreadable files raise InputError (file and reason); Cancelled when the
    officer cancels."""
    paths = [str(p) for p in paths]
    names = list(names) if names is not None else [Path(p).name for p in paths]

    def work(progress, is_cancelled):
        from app.core.trail import build_trail        # the engine loads on the worker, not at start-up
        from app.io.pipeline import load_document
        docs = []
        for n, path in enumerate(paths):
            if is_cancelled():
                raise Cancelled()
            progress(READING, n / (2 * len(paths)))
            docs.append(load_document(path))
        try:
            return build_trail(docs, names, options,
                               progress=lambda done, total: progress(COMPARING, 0.5 + done / (2 * total)),
                               is_cancelled=is_cancelled)
        except TrailError as exc:
            raise InputError("trail", str(exc)) from None
    return work


class TrailDialog(QDialog):
    """The versions of a trail: add files or a folder, reorder, rename, remove; Open when 2 to 10."""

    def __init__(self, paths: Sequence[str | Path] = (), start_dir: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open negotiation trail"))
        self.setObjectName("trailDialog")
        self.start_dir = start_dir
        hint = QLabel(self.tr("The versions of one resolution, oldest first (zero draft first, adopted text "
                              "last): {low} to {high}. Double-click a name to change it.")
                      .format(low=MIN_VERSIONS, high=MAX_VERSIONS))
        hint.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("trailVersions")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("File")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(0, 160)
        self.table.setMinimumWidth(560)
        self.table.setAccessibleName(self.tr("Versions of the trail, in order"))
        self.problem = QLabel()
        self.problem.setObjectName("trailProblem")
        self.problem.setWordWrap(True)
        buttons = QVBoxLayout()
        for text, slot in ((self.tr("Add &files…"), self.browse_files),
                           (self.tr("Add f&older…"), self.browse_folder),
                           (self.tr("Move &up"), lambda: self.move(-1)), (self.tr("Move do&wn"), lambda: self.move(+1)),
                           (self.tr("&Remove"), self.remove)):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            buttons.addWidget(button)
        buttons.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(buttons)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(middle, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.table.itemChanged.connect(lambda _item: self._validate())
        self.add_paths(paths)
        self._validate()

    # -- the list ----------------------------------------------------------------------------------

    def add_paths(self, paths: Sequence[str | Path]) -> None:
        """Append files (their names as the default version names); one already listed is skipped."""
        have = {p for p, _ in self.entries()}
        self.table.blockSignals(True)
        try:
            for path in paths:
                path = str(path)
                if path in have:
                    continue
                have.add(path)
                row = self.table.rowCount()
                self.table.insertRow(row)
                name = QTableWidgetItem(Path(path).name)
                name.setData(PATH_ROLE, path)
                file_item = QTableWidgetItem(path)
                file_item.setFlags(file_item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                file_item.setToolTip(path)
                self.table.setItem(row, 0, name)
                self.table.setItem(row, 1, file_item)
        finally:
            self.table.blockSignals(False)
        self._validate()

    def entries(self) -> list[tuple[str, str]]:
        """(file, name) of each version, in order; an empty name is the file's name."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            path = item.data(PATH_ROLE)
            out.append((path, item.text().strip() or Path(path).name))
        return out

    def paths(self) -> list[str]:
        """The version files, in order."""
        return [p for p, _ in self.entries()]

    def names(self) -> list[str]:
        """The version names, in order."""
        return [n for _, n in self.entries()]

    def move(self, step: int) -> None:
        """Move the selected version up (-1) or down (+1)."""
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        self.table.blockSignals(True)
        try:
            taken = [self.table.takeItem(row, c) for c in range(2)]
            others = [self.table.takeItem(target, c) for c in range(2)]
            for c in range(2):
                self.table.setItem(target, c, taken[c])
                self.table.setItem(row, c, others[c])
        finally:
            self.table.blockSignals(False)
        self.table.setCurrentCell(target, 0)
        self._validate()

    def remove(self) -> None:
        """Take the selected version off the list."""
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._validate()

    # -- choosing files ------------------------------------------------------------------------------

    def browse_files(self) -> None:
        """Add files chosen in a multi-select file dialog (in natural name order)."""
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Choose the versions"), self.start_dir,
                                                QCoreApplication.translate("OpenPairDialog", FILE_FILTER))
        if files:
            self.start_dir = str(Path(files[0]).parent)
            self.add_paths(natural_order(files))

    def browse_folder(self) -> None:
        """Add the documents of a folder, in natural name order."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose the folder of the versions"), self.start_dir)
        if folder:
            self.start_dir = folder
            self.add_folder(folder)

    def add_folder(self, folder: str | Path) -> bool:
        """Add a folder's documents as app.cli_trail.version_paths takes them; False (and the reason
        said under the list) when the folder does not hold 2 to 10 documents."""
        try:
            self.add_paths(version_paths([str(folder)]))
            return True
        except DraftCompareError as exc:
            log.info("folder refused as a trail: %s", exc)
            self.problem.setText(f"{Path(folder).name}: {getattr(exc, 'reason', exc)}")
            return False

    def _validate(self) -> None:
        n = self.table.rowCount()
        ok = MIN_VERSIONS <= n <= MAX_VERSIONS
        self.problem.setText("" if ok or n == 0 else
                             self.tr("A trail has {low} to {high} versions, not {n}.")
                             .format(low=MIN_VERSIONS, high=MAX_VERSIONS, n=n))
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ok)
