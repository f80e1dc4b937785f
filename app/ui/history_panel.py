"""The History tab of a negotiation trail (issue #19): one paragraph through every version.

Top: a filter ("All paragraphs", "Changed since <version>", "New against <first version>") and the list
of the trail's paragraphs (their label in the last version they are in, and their one-line history,
app.core.messages.trail_history, in the interface language). Below: the paragraph chosen, version by
version: its name, label and what happened there, then its text with the word changes of that round
(deleted words struck through, inserted words underlined, drawn as the panes draw them:
widgets.rows.char_format with the window's palette). Like the change list, the list follows the pair
the panes show, and choosing a paragraph tells the window (``threadChosen``) to go to it.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QSplitter, QTextBrowser, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from app.core.marks import Mark, inline_marks, side_marks
from app.core.messages import trail_history
from app.core.trail import Event, Stage, Thread, Trail
from app.ui.i18n import interface_language
from widgets.palette import DEFAULT, DiffPalette
from widgets.rows import char_format

log = logging.getLogger(__name__)

THREAD_ROLE = Qt.ItemDataRole.UserRole + 3
ALL, CHANGED_SINCE, NEW_SINCE = "all", "changed", "new"
EVENT_TITLES = {
    Event.ORIGINAL: QT_TRANSLATE_NOOP("HistoryPanel", "first version"),
    Event.ADDED: QT_TRANSLATE_NOOP("HistoryPanel", "added"),
    Event.UNCHANGED: QT_TRANSLATE_NOOP("HistoryPanel", "unchanged"),
    Event.CHANGED: QT_TRANSLATE_NOOP("HistoryPanel", "changed"),
    Event.MOVED: QT_TRANSLATE_NOOP("HistoryPanel", "moved"),
    Event.SPLIT: QT_TRANSLATE_NOOP("HistoryPanel", "split"),
    Event.MERGED: QT_TRANSLATE_NOOP("HistoryPanel", "merged"),
    Event.DROPPED: QT_TRANSLATE_NOOP("HistoryPanel", "dropped"),
    Event.REINTRODUCED: QT_TRANSLATE_NOOP("HistoryPanel", "reintroduced"),
    Event.TRANSLATED: QT_TRANSLATE_NOOP("HistoryPanel", "translated"),
    Event.ABSENT: QT_TRANSLATE_NOOP("HistoryPanel", "not in this version"),
}
MOVED_EDITED = QT_TRANSLATE_NOOP("HistoryPanel", "moved and changed")


def event_title(stage: Stage) -> str:
    """What happened to a paragraph in one version, in the interface language."""
    text = MOVED_EDITED if stage.event is Event.MOVED and stage.edited else EVENT_TITLES[stage.event]
    return QCoreApplication.translate("HistoryPanel", text)


def matches(thread: Thread, mode: str, version: int = 0) -> bool:
    """Whether a thread passes a filter: ALL, CHANGED_SINCE ``version`` or NEW_SINCE ``version``
    (0-based; app.core.trail.Thread.changed_since / new_since)."""
    if mode == CHANGED_SINCE:
        return thread.changed_since(version)
    if mode == NEW_SINCE:
        return thread.new_since(version)
    return True


def stage_place(trail: Trail, stage: Stage) -> str:
    """A stage's label, else "¶n" (its first paragraph's number in its version); "" when absent."""
    if stage.label:
        return stage.label
    return f"\u00b6{stage.paragraphs[0] + 1}" if stage.paragraphs else ""


def last_place(trail: Trail, thread: Thread) -> str:
    """Where a thread last stands: its label (or ¶n) in the last version it is in."""
    last = next((s for s in reversed(thread.stages) if s.present), thread.stages[0])
    return stage_place(trail, last)


def stage_segments(trail: Trail, thread: Thread, stage: Stage) -> list[tuple[str, Mark]]:
    """A stage's text as marked segments: the round's word changes for a paragraph that was there
    before, the whole text inserted for one added, the text it had struck through for one dropped,
    the plain text in the first version; [] where it is absent."""
    if stage.event is Event.DROPPED:
        before = thread.stages[stage.version - 1]
        return [(trail.text(before, body=True), Mark.DELETED)]
    if not stage.present:
        return []
    if stage.event in (Event.ADDED, Event.REINTRODUCED):
        return [(trail.text(stage, body=True), Mark.INSERTED)]
    if stage.version == 0 or stage.event is Event.ORIGINAL:
        return [(trail.text(stage, body=True), Mark.EQUAL)]
    comparison = trail.comparisons[stage.version - 1]
    own = set(stage.paragraphs)
    pairs = [n for n, p in enumerate(comparison.pairs) if own & set(p.adopted)]
    out: list[tuple[str, Mark]] = []
    for n in pairs:
        if out:
            out.append(("\n", Mark.EQUAL))
        marked = inline_marks(comparison, n)
        if marked is None:          # across languages: the text as the adopted pane shows it
            marked = [(s.text, s.mark & (Mark.DELETED | Mark.INSERTED))
                      for m in side_marks(comparison, n, "b", labels=False) for s in m.spans]
        out += marked
    return out


class HistoryPanel(QWidget):
    """The History tab: the trail's paragraphs (filtered) and the one chosen through every version."""

    threadChosen = Signal(int)          # index into Trail.threads

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.trail: Trail | None = None
        self.palette_colors: DiffPalette = DEFAULT
        self._current: int | None = None
        self._updating = False
        self.filter = QComboBox()
        self.filter.setObjectName("historyFilter")
        self.filter.setAccessibleName(self.tr("Which paragraphs to list"))
        filter_label = QLabel(self.tr("&Show:"))
        filter_label.setBuddy(self.filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("historyCount")
        self.list = QTreeWidget()
        self.list.setObjectName("historyList")
        self.list.setColumnCount(2)
        self.list.setHeaderLabels([self.tr("Paragraph"), self.tr("History")])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAccessibleName(self.tr("Paragraphs of the negotiation trail"))
        self.list.header().setStretchLastSection(True)
        self.list.setColumnWidth(0, 70)
        self.detail = QTextBrowser()
        self.detail.setObjectName("historyDetail")
        self.detail.setOpenLinks(False)
        self.detail.setAccessibleName(self.tr("The paragraph in every version"))
        self.detail.setPlaceholderText(self.tr("Choose a paragraph to see it in every version"))
        top = QWidget()
        column = QVBoxLayout(top)
        column.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.filter, 1)
        column.addLayout(row)
        column.addWidget(self.count_label)
        column.addWidget(self.list, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill_list())
        self.list.currentItemChanged.connect(self._item_changed)
        self.list.itemActivated.connect(self._item_activated)

    # -- content ---------------------------------------------------------------------------------

    def set_trail(self, trail: Trail | None, palette: DiffPalette | None = None) -> None:
        """Show a trail's paragraphs (None: empty the tab); the filter goes back to all paragraphs."""
        self.trail = trail
        if palette is not None:
            self.palette_colors = palette
        self._current = None
        self._updating = True
        try:
            self.filter.clear()
            if trail is not None:
                self.filter.addItem(self.tr("All paragraphs"), (ALL, 0))
                for k, name in enumerate(trail.names[:-1]):
                    self.filter.addItem(self.tr("Changed since {version}").format(version=name), (CHANGED_SINCE, k))
                self.filter.addItem(self.tr("New against {version}").format(version=trail.names[0]), (NEW_SINCE, 0))
        finally:
            self._updating = False
        self._fill_list()

    def set_palette(self, palette: DiffPalette) -> None:
        """The colours of the word changes (the window's palette); the paragraph shown is redrawn."""
        self.palette_colors = palette
        self._show_detail()

    def set_filter(self, mode: str, version: int = 0) -> bool:
        """Choose a filter (ALL, CHANGED_SINCE, NEW_SINCE and its version); False when there is none such."""
        for n in range(self.filter.count()):
            if self.filter.itemData(n) == (mode, version):
                self.filter.setCurrentIndex(n)
                return True
        return False

    def shown_threads(self) -> list[int]:
        """The threads the list shows, in its order (indexes into Trail.threads)."""
        return [self.list.topLevelItem(n).data(0, THREAD_ROLE) for n in range(self.list.topLevelItemCount())]

    def current_thread(self) -> int | None:
        """The thread shown below the list (None: none)."""
        return self._current

    def history_line(self) -> str:
        """The one-line history of the thread shown, in the interface language ("" for none)."""
        if self.trail is None or self._current is None:
            return ""
        return trail_history(self.trail.threads[self._current], self.trail.names, interface_language())

    def select_thread(self, index: int | None) -> None:
        """Show a thread (its row selected when the filter lists it) without sending ``threadChosen``."""
        self._updating = True
        try:
            item = self._item_of(index)
            self.list.setCurrentItem(item)
            if item is not None:
                self.list.scrollToItem(item)
        finally:
            self._updating = False
        self._current = index
        self._show_detail()

    # -- internals ----------------------------------------------------------------------------------

    def _item_of(self, index: int | None) -> QTreeWidgetItem | None:
        for n in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(n)
            if item.data(0, THREAD_ROLE) == index:
                return item
        return None

    def _fill_list(self) -> None:
        if self._updating:
            return
        trail = self.trail
        self.list.clear()
        if trail is None:
            self.count_label.clear()
            self._current = None
            self._show_detail()
            return
        mode, version = self.filter.currentData() or (ALL, 0)
        language = interface_language()
        body = [n for n, t in enumerate(trail.threads) if trail.is_body(t)]
        shown = [n for n in body if matches(trail.threads[n], mode, version)]
        items = []
        for n in shown:
            thread = trail.threads[n]
            history = trail_history(thread, trail.names, language)
            item = QTreeWidgetItem([last_place(trail, thread), history])
            item.setData(0, THREAD_ROLE, n)
            item.setToolTip(1, history)
            if not thread.stages[-1].present:           # dropped along the way
                font = QFont(item.font(0))
                font.setStrikeOut(True)
                item.setFont(0, font)
            items.append(item)
        self.list.addTopLevelItems(items)
        self.count_label.setText(self.tr("{n} of {m} paragraphs").format(n=len(shown), m=len(body)))
        self.select_thread(self._current)

    def _item_changed(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        if self._updating or item is None:
            return
        self._current = item.data(0, THREAD_ROLE)
        self._show_detail()
        self.threadChosen.emit(self._current)

    def _item_activated(self, item: QTreeWidgetItem) -> None:
        if item is not None:
            self.threadChosen.emit(item.data(0, THREAD_ROLE))

    def _show_detail(self) -> None:
        trail, index = self.trail, self._current
        if trail is None or index is None or not 0 <= index < len(trail.threads):
            self.detail.clear()
            return
        thread = trail.threads[index]
        document = self.detail.document()
        document.clear()
        cursor = QTextCursor(document)
        heading, muted, plain = QTextCharFormat(), QTextCharFormat(), QTextCharFormat()
        heading.setFontWeight(QFont.Weight.Bold)
        muted.setForeground(QColor("#666666"))
        cursor.insertText(trail_history(thread, trail.names, interface_language()), heading)
        for stage in thread.stages:
            cursor.insertBlock()
            cursor.insertBlock()
            place = stage_place(trail, stage)
            if stage.event is Event.DROPPED:
                place = stage_place(trail, thread.stages[stage.version - 1])
            words = [f"{stage.version + 1} \u00b7 {trail.names[stage.version]}", place, event_title(stage)]
            cursor.insertText(" \u2014 ".join(w for w in words if w), heading if stage.present else muted)
            segments = stage_segments(trail, thread, stage)
            if segments:
                cursor.insertBlock()
            for text, mark in segments:
                fmt = char_format(mark, self.palette_colors) if mark else plain
                for n, line in enumerate(text.split("\n")):
                    if n:
                        cursor.insertBlock()
                    if line:
                        cursor.insertText(line, fmt)
        self.detail.moveCursor(QTextCursor.MoveOperation.Start)
