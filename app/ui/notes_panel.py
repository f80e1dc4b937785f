"""Notes panel: the reviewer's note and "checked" mark for the current pair, and notes left unplaced."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QListWidget, QPlainTextEdit, QPushButton,
                               QVBoxLayout, QWidget)


class NotesPanel(QWidget):
    noteEdited = Signal(int, str)        # pair index, text
    checkedToggled = Signal(int, bool)   # pair index, checked
    saveAsRequested = Signal()           # "Save review as…": keep the review in a file of one's choice

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.pair_index: int | None = None
        self.title = QLabel(self.tr("No paragraph selected"))
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Your note on this paragraph (saved automatically)"))
        self.editor.setAccessibleName(self.tr("Reviewer's note"))
        self.checked = QCheckBox(self.tr("&Checked"))
        self.checked.setAccessibleName(self.tr("Mark this change as checked"))
        self.unplaced = QListWidget()
        self.unplaced.setAccessibleName(self.tr("Notes that could not be placed"))
        self.unplaced_label = QLabel(self.tr("Notes that could not be placed:"))
        # Where the notes are kept when not beside the documents, or why they cannot be saved.
        self.review_status = QLabel()
        self.review_status.setObjectName("reviewStatus")
        self.review_status.setWordWrap(True)
        self.review_status.setAccessibleName(self.tr("Where the notes are kept"))
        self.save_as_button = QPushButton(self.tr("Save review &as\u2026"))
        self.save_as_button.setAccessibleName(self.tr("Save the review in a file of your choice"))
        self.save_as_button.clicked.connect(lambda: self.saveAsRequested.emit())
        layout = QVBoxLayout(self)
        for w in (self.title, self.review_status, self.editor, self.checked, self.unplaced_label, self.unplaced):
            layout.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_as_button)
        layout.addLayout(row)
        self._typing = QTimer(self, singleShot=True, interval=400)   # one save per pause in typing
        self._typing.timeout.connect(self._emit_note)
        self.editor.textChanged.connect(self._typing.start)
        self.checked.toggled.connect(self._emit_checked)
        self.set_unplaced([])
        self.set_review_status("")
        self.setEnabled(False)

    def show_pair(self, pair_index: int | None, label: str, note: str, checked: bool) -> None:
        self.flush()
        self.pair_index = pair_index
        self.setEnabled(pair_index is not None)
        self.title.setText(self.tr("Note on {0}").format(label) if pair_index is not None
                           else self.tr("No paragraph selected"))
        for w, set_value in ((self.editor, lambda: self.editor.setPlainText(note)),
                             (self.checked, lambda: self.checked.setChecked(checked))):
            w.blockSignals(True)
            set_value()
            w.blockSignals(False)

    def set_review_status(self, text: str) -> None:
        """One line on where the notes are kept (another place than usual, or nowhere yet); "" hides it."""
        self.review_status.setText(text)
        self.review_status.setVisible(bool(text))

    def set_unplaced(self, notes: list[str]) -> None:
        self.unplaced.clear()
        self.unplaced.addItems(notes)
        self.unplaced.setVisible(bool(notes))
        self.unplaced_label.setVisible(bool(notes))

    def flush(self) -> None:
        if self._typing.isActive():
            self._typing.stop()
            self._emit_note()

    def _emit_note(self) -> None:
        if self.pair_index is not None:
            self.noteEdited.emit(self.pair_index, self.editor.toPlainText())

    def _emit_checked(self, on: bool) -> None:
        if self.pair_index is not None:
            self.checkedToggled.emit(self.pair_index, on)
