"""Find bar: searches both panes (draft, then adopted, wrapping), highlights every match."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox, QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget,
)

MAX_HIGHLIGHTS = 2000


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, panes: list[QTextEdit], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.panes = panes
        self.edit = QLineEdit(placeholderText=self.tr("Find in both texts"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setObjectName("findEdit")
        self.case = QCheckBox(self.tr("Match &case"))
        self.status = QLabel()
        self.status.setMinimumWidth(120)
        prev_btn = QToolButton(text=self.tr("Previous"), toolTip=self.tr("Find previous (Shift+F3)"))
        next_btn = QToolButton(text=self.tr("Next"), toolTip=self.tr("Find next (F3)"))
        close_btn = QToolButton(text="✕", toolTip=self.tr("Close (Esc)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel(self.tr("Find:")))
        layout.addWidget(self.edit, 1)
        for w in (prev_btn, next_btn, self.case, self.status, close_btn):
            layout.addWidget(w)
        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.returnPressed.connect(self.find_next)
        self.case.toggled.connect(lambda _on: self._on_text_changed(self.edit.text()))
        prev_btn.clicked.connect(self.find_previous)
        next_btn.clicked.connect(self.find_next)
        close_btn.clicked.connect(self.close_bar)
        self._pane = 0           # pane of the last match
        self._matches = 0

    def open_bar(self) -> None:
        self.show()
        self.edit.setFocus()
        self.edit.selectAll()
        self.highlight_all()

    def close_bar(self) -> None:
        for pane in self.panes:
            pane.setExtraSelections([])
        self.hide()
        self.closed.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.matches(QKeySequence.StandardKey.FindPrevious) or (
                event.key() == Qt.Key.Key_Return and event.modifiers() & Qt.KeyboardModifier.ShiftModifier):
            self.find_previous()
        else:
            super().keyPressEvent(event)

    def _flags(self, forward: bool) -> QTextDocument.FindFlag:
        flags = QTextDocument.FindFlag(0)
        if self.case.isChecked():
            flags |= QTextDocument.FindFlag.FindCaseSensitively
        if not forward:
            flags |= QTextDocument.FindFlag.FindBackward
        return flags

    def _on_text_changed(self, _text: str) -> None:
        self.highlight_all()
        # Incremental search: typing more extends the current match in place.
        pane = self.panes[self._pane]
        cursor = pane.textCursor()
        cursor.setPosition(cursor.selectionStart())
        pane.setTextCursor(cursor)
        if self.edit.text():
            self.find_next()

    def highlight_all(self) -> int:
        text = self.edit.text()
        total = 0
        fmt = QTextCharFormat()
        fmt.setBackground(QColor("#ffd84d"))
        for pane in self.panes:
            selections = []
            if text:
                doc = pane.document()
                cursor = doc.find(text, 0, self._flags(True))
                while not cursor.isNull() and len(selections) < MAX_HIGHLIGHTS:
                    sel = QTextEdit.ExtraSelection()
                    sel.cursor = cursor
                    sel.format = fmt
                    selections.append(sel)
                    cursor = doc.find(text, cursor, self._flags(True))
            pane.setExtraSelections(selections)
            total += len(selections)
        self._matches = total
        self._show_status()
        return total

    def _show_status(self, message: str = "") -> None:
        if not self.edit.text():
            self.status.setText("")
        elif self._matches == 0:
            self.status.setText(self.tr("Not found"))
        else:
            self.status.setText(message or (self.tr("1 match") if self._matches == 1
                                            else self.tr("{n} matches").format(n=self._matches)))

    def find_next(self) -> bool:
        return self._find(True)

    def find_previous(self) -> bool:
        return self._find(False)

    def _find(self, forward: bool) -> bool:
        """From the last match on, through the rest of that pane, the other pane, and back around."""
        text = self.edit.text()
        if not text:
            return False
        n = len(self.panes)
        order = [(self._pane + (k if forward else -k)) % n for k in range(n + 1)]
        for step, index in enumerate(order):
            pane = self.panes[index]
            doc = pane.document()
            if step == 0:
                start = pane.textCursor()
            else:  # a fresh pane: from its start (forward) or its end (backward)
                start = QTextCursor(doc)
                start.movePosition(QTextCursor.MoveOperation.Start if forward else QTextCursor.MoveOperation.End)
            found = doc.find(text, start, self._flags(forward))
            if not found.isNull():
                self._pane = index
                pane.setTextCursor(found)
                pane.ensureCursorVisible()
                if index == 0:
                    where = (self.tr("{n} matches · in the draft").format(n=self._matches) if self._matches > 1
                             else self.tr("1 match · in the draft"))
                else:
                    where = (self.tr("{n} matches · in the adopted text").format(n=self._matches)
                             if self._matches > 1 else self.tr("1 match · in the adopted text"))
                self._show_status(where)
                return True
        self._show_status()
        return False
