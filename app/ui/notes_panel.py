"""Notes panel: the reviewer's note and "checked" mark for the current pair, and notes left unplaced."""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QListWidget, QPlainTextEdit, QVBoxLayout, QWidget


class NotesPanel(QWidget):
    noteEdited = Signal(int, str)        # pair index, text
    checkedToggled = Signal(int, bool)   # pair index, checked

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
        layout = QVBoxLayout(self)
        for w in (self.title, self.editor, self.checked, self.unplaced_label, self.unplaced):
            layout.addWidget(w)
        self._typing = QTimer(self, singleShot=True, interval=400)   # one save per pause in typing
        self._typing.timeout.connect(self._emit_note)
        self.editor.textChanged.connect(self._typing.start)
        self.checked.toggled.connect(self._emit_checked)
        self.set_unplaced([])
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
