"""File > Open: pick the draft and the adopted text in one dialog."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFileDialog, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget,
)

FILE_FILTER = QT_TRANSLATE_NOOP(
    "OpenPairDialog", "Documents (*.docx *.pdf *.odt *.html *.htm *.txt *.md);;Word documents (*.docx);;"
    "PDF documents (*.pdf);;OpenDocument text (*.odt);;Web pages (*.html *.htm);;Text files (*.txt *.md);;All files (*)")


class OpenPairDialog(QDialog):
    def __init__(self, draft: str = "", adopted: str = "", start_dir: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Open draft and adopted text"))
        self.start_dir = start_dir
        self.draft_edit = QLineEdit(draft)
        self.adopted_edit = QLineEdit(adopted)
        self.draft_edit.setObjectName("draftPath")
        self.adopted_edit.setObjectName("adoptedPath")
        grid = QGridLayout(self)
        for row, (label, edit) in enumerate(((self.tr("&Draft:"), self.draft_edit), (self.tr("&Adopted text:"), self.adopted_edit))):
            lab = QLabel(label)
            lab.setBuddy(edit)
            edit.setMinimumWidth(420)
            edit.setPlaceholderText(self.tr(".docx, .pdf, .odt, .html, .txt or .md"))
            browse = QPushButton(self.tr("Browse…"))
            browse.clicked.connect(lambda _c=False, e=edit: self._browse(e))
            grid.addWidget(lab, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(browse, row, 2)
        swap = QPushButton(self.tr("S&wap"))
        swap.setToolTip(self.tr("Exchange draft and adopted text"))
        swap.clicked.connect(self.swap)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(swap, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        grid.addWidget(self.buttons, 2, 0, 1, 3)
        for edit in (self.draft_edit, self.adopted_edit):
            edit.textChanged.connect(self._validate)
        self._validate()

    def paths(self) -> tuple[str, str]:
        return self.draft_edit.text().strip(), self.adopted_edit.text().strip()

    def swap(self) -> None:
        draft, adopted = self.paths()
        self.draft_edit.setText(adopted)
        self.adopted_edit.setText(draft)

    def _validate(self) -> None:
        ok = all(p and Path(p).is_file() for p in self.paths())
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setEnabled(ok)

    def _browse(self, edit: QLineEdit) -> None:
        start = edit.text() or self.start_dir
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a file"), start, self.tr(FILE_FILTER))
        if path:
            edit.setText(path)
            self.start_dir = str(Path(path).parent)
