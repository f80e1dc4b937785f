"""Notes panel: the reviewer's note and "checked" mark for the current pair, the list of every note of
the review (choosing one goes to its paragraph), and the notes left unplaced."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
                               QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from widgets.palette import marks_icon

PAIR_DATA = Qt.ItemDataRole.UserRole + 1
SNIPPET = 60


def ask_recover(parent: QWidget, review) -> bool:
    """Asked when a session that ended unexpectedly left unsaved notes: restore them?"""
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("MainWindow", "Recover notes"),
        QCoreApplication.translate(
            "MainWindow", "Draft Compare ended before it could save {n} note(s) on these documents. Restore them?")
        .format(n=len(review.notes) + len(review.unplaced)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


class NotesPanel(QWidget):
    noteEdited = Signal(int, str)        # pair index, text
    checkedToggled = Signal(int, bool)   # pair index, checked
    saveAsRequested = Signal()           # "Save review as…": keep the review in a file of one's choice
    noteChosen = Signal(int)             # pair index of the note chosen in the list of all notes

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.pair_index: int | None = None
        self.title = QLabel(self.tr("No paragraph selected"))
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Your note on this paragraph (saved automatically)"))
        self.editor.setAccessibleName(self.tr("Reviewer's note"))
        self.checked = QCheckBox(self.tr("&Checked"))
        self.checked.setAccessibleName(self.tr("Mark this change as checked"))
        self.all_label = QLabel()
        self.all_notes = QListWidget()
        self.all_notes.setObjectName("allNotes")
        self.all_notes.setAccessibleName(self.tr("All notes of this review"))
        self.all_notes.itemActivated.connect(self._choose)
        self.all_notes.itemClicked.connect(self._choose)
        self.unplaced = QListWidget()
        self.unplaced.setAccessibleName(self.tr("Notes that could not be placed"))
        self.unplaced_label = QLabel(self.tr("Notes that could not be placed:"))
        # Where the notes are kept when not in the usual place, or why they cannot be saved.
        self.review_status = QLabel()
        self.review_status.setObjectName("reviewStatus")
        self.review_status.setWordWrap(True)
        self.review_status.setAccessibleName(self.tr("Where the notes are kept"))
        self.save_as_button = QPushButton(self.tr("Save review &as\u2026"))
        self.save_as_button.setAccessibleName(self.tr("Save the review in a file of your choice"))
        self.save_as_button.clicked.connect(lambda: self.saveAsRequested.emit())
        layout = QVBoxLayout(self)
        for w in (self.title, self.review_status, self.editor, self.checked, self.all_label, self.all_notes,
                  self.unplaced_label, self.unplaced):
            layout.addWidget(w)
        layout.setStretchFactor(self.editor, 2)
        layout.setStretchFactor(self.all_notes, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_as_button)
        layout.addLayout(row)
        self._typing = QTimer(self, singleShot=True, interval=400)   # one save per pause in typing
        self._typing.timeout.connect(self._emit_note)
        self.editor.textChanged.connect(self._typing.start)
        self.checked.toggled.connect(self._emit_checked)
        self.set_unplaced([])
        self.set_all_notes([])
        self.set_review_status("")
        self._set_editable(False)

    def _set_editable(self, on: bool) -> None:
        """The note field and the checked box need a paragraph; the list of notes never does."""
        for w in (self.editor, self.checked):
            w.setEnabled(on)

    def show_pair(self, pair_index: int | None, label: str, note: str, checked: bool) -> None:
        self.flush()
        self.pair_index = pair_index
        self._set_editable(pair_index is not None)
        self.title.setText(self.tr("Note on {0}").format(label) if pair_index is not None
                           else self.tr("No paragraph selected"))
        for w, set_value in ((self.editor, lambda: self.editor.setPlainText(note)),
                             (self.checked, lambda: self.checked.setChecked(checked))):
            w.blockSignals(True)
            set_value()
            w.blockSignals(False)

    def set_all_notes(self, entries: list[tuple[int, str, str, bool]]) -> None:
        """Every note of the review: (pair index, position, text, checked), in reading order."""
        self.all_notes.clear()
        for pair, position, text, checked in entries:
            words = " ".join(text.split())
            words = words if len(words) <= SNIPPET else words[: SNIPPET - 1].rstrip() + "\u2026"
            item = QListWidgetItem(f"{position}: {words}" if words else position)
            item.setIcon(marks_icon(bool(text.strip()), checked))
            item.setData(PAIR_DATA, pair)
            item.setToolTip(text or self.tr("Checked"))
            self.all_notes.addItem(item)
        self.all_label.setText(self.tr("All notes ({n}):").format(n=len(entries)) if entries
                               else self.tr("No notes yet."))
        self.all_notes.setVisible(bool(entries))

    def _choose(self, item: QListWidgetItem) -> None:
        pair = item.data(PAIR_DATA)
        if isinstance(pair, int):
            self.noteChosen.emit(pair)

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
