"""The review window: menus and toolbar, the compare view, the change list, the status bar.

It owns the session state (the two paths, the Comparison on show); the widgets it hosts only get
setters and send signals. Actions and menus are built in app.ui.menus, background work runs through
app.ui.tasks, notes through app.ui.review_session.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import (QApplication, QFileDialog, QMainWindow, QMessageBox, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from app.core.messages import term
from app.core.model import Comparison
from app.io import review_store
from app.io.errors import DraftCompareError
from app.ui import exports, menus
from app.ui.change_model import ChangeModel, pair_label
from app.ui.find_bar import FindBar
from app.ui.findings_panel import FindingsList, FindingsModel, next_finding_row
from app.ui.i18n import interface_language
from app.ui.notes_panel import NotesPanel, ask_recover
from app.ui.open_dialog import OpenPairDialog
from app.ui.options_dialog import OptionsDialog
from app.ui.review_session import ReviewSession
from app.ui.settings import Config
from app.ui.status import show_status
from app.ui.tasks import TaskRunner
from app.ui.trail_session import TrailSession
from app.ui.worker import TaskWatcher, error_text
from widgets.change_list import ChangeList
from widgets.compare_view import CompareView
from widgets.palette import palette_named

ICON = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "draftcompare.svg"
ZOOM_RANGE = (-6, 24)


def compare_work(draft: str, adopted: str, options):
    """What the compare task runs on the worker thread."""
    def work(progress, is_cancelled) -> Comparison:
        from app.io.pipeline import compare_files  # the engine loads on the worker, not at start-up
        return compare_files(draft, adopted, options, progress=progress, is_cancelled=is_cancelled)
    return work


class MainWindow(QMainWindow):
    def __init__(self, config: Config | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.config = config or Config()
        self.setWindowTitle(self.tr("Draft Compare"))
        if ICON.exists():
            self.setWindowIcon(QIcon(str(ICON)))
        self.comparison: Comparison | None = None
        self.paths: tuple[str, str] = ("", "")
        self.review_file: tuple[str, str] = ("", "")   # (adopted document, review file opened for it)
        self._message_box: QMessageBox | None = None
        self.base_point_size = QApplication.font().pointSizeF() if QApplication.font().pointSizeF() > 0 else 10.0

        self.view = CompareView()
        self.view.gap_caption = lambda n, span: term("gap", interface_language(), n=n, span=span)
        self.view.set_include_matter(self.config["include_matter"])
        self.find_bar = FindBar(list(self.view.panes))
        self.find_bar.hide()
        self.change_model = ChangeModel(self)
        self.change_list = ChangeList()
        self.change_list.setModel(self.change_model)
        self.findings_model = FindingsModel(self)
        self.findings_list = FindingsList()
        self.findings_list.setModel(self.findings_model)
        # The findings sit in a tab beside the change list: same place, same keys, one click apart.
        self.side_tabs = QTabWidget()
        self.side_tabs.setObjectName("sideTabs")
        self.side_tabs.setUsesScrollButtons(True)
        self.side_tabs.setMinimumWidth(menus.SIDE_MINIMUM)
        self.side_tabs.addTab(self.change_list, self.tr("Changes"))
        self.side_tabs.addTab(self.findings_list, self.tr("Findings"))
        # The reviewer's notes: one review per pair, autosaved in the profile (or where the officer chose).
        self.notes_panel = NotesPanel()
        self.review = ReviewSession(self)
        self.review.ask_recover = lambda review: ask_recover(self, review)
        self.side_tabs.addTab(self.notes_panel, self.tr("Notes"))
        self.trails = TrailSession(self)           # a negotiation trail: version bar, History tab (issue #19)
        self.change_list.setAccessibleName(self.tr("List of changes"))
        self.findings_list.setAccessibleName(self.tr("Findings of the cross-check"))
        self.side_tabs.setAccessibleName(self.tr("Changes, findings and notes"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.trails.bar)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(0, True)      # dragged to the edge, the side panel folds away
        self.splitter.setCollapsible(1, False)
        self.side_width = menus.SIDE_DEFAULT       # the side panel's width when the window has room for it
        self.splitter.setSizes([self.side_width, 1000])
        self.setCentralWidget(self.splitter)

        self.exports = exports.ExportController(self)
        menus.build_actions(self)
        menus.build_menus(self)
        menus.build_status_bar(self)
        self.tasks = TaskRunner(self.statusBar(), self.progress, self.cancel_button, self)
        self.tasks.busyChanged.connect(lambda _busy: self._update_actions())
        self.splitter.splitterMoved.connect(lambda *_: menus.side_panel_moved(self))
        self.change_list.changeActivated.connect(self.view.go_to_pair)
        self.findings_list.changeActivated.connect(self.view.go_to_pair)
        self.view.currentPairChanged.connect(self.change_list.set_current_pair)
        self.view.currentPairChanged.connect(self.findings_list.set_current_pair)
        self.view.fileDropped.connect(self.replace_side)
        self.view.currentPairChanged.connect(self._show_note)
        self.notes_panel.noteEdited.connect(self.review.set_note)
        self.notes_panel.checkedToggled.connect(self.review.set_checked)
        self.notes_panel.noteChosen.connect(self.view.go_to_pair)
        self.review.changed.connect(self._refresh_marks)
        self.review.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.review.status.connect(self.notes_panel.set_review_status)
        self.review.located.connect(lambda path: menus.show_notes_place(self, path, self.review.place()))
        self.notes_panel.saveAsRequested.connect(self.review.save_as)
        self.apply_zoom()
        self._update_actions()
        self._restore_state()

    # -- background work (app.ui.tasks) -----------------------------------------------------------

    @property
    def watcher(self) -> TaskWatcher | None:
        """The running task's watcher; None when idle."""
        return self.tasks.watcher

    @watcher.setter
    def watcher(self, value: TaskWatcher | None) -> None:
        self.tasks.watcher = value

    def run_task(self, work, label: str, on_success: Callable, on_failure: Callable,
                 cancellable: bool = True) -> TaskWatcher:
        """Run ``work`` off the GUI thread; a newer task supersedes (and cancels) a running one."""
        return self.tasks.run(work, label, on_success, on_failure, cancellable)

    def cancel_task(self) -> None:
        """Ask the running task to stop."""
        self.tasks.cancel()

    # -- actions and menus (built in app.ui.menus) -----------------------------------------------

    def _fill_recent_menu(self) -> None:
        menus.fill_recent_menu(self)

    def _update_actions(self) -> None:
        loaded = self.comparison is not None
        busy = self.watcher is not None
        for act in (self.act_next, self.act_prev, self.act_find, self.act_find_next, self.act_find_prev,
                    self.act_save_review_as):
            act.setEnabled(loaded)
        for act in (self.act_next_finding, self.act_prev_finding):
            act.setEnabled(self.findings_model.rowCount() > 0)
        for act in self.export_actions.values():
            act.setEnabled(loaded and not busy)
        for act in self.trail_export_actions.values():
            act.setEnabled(self.trails.active and not busy)
        self.act_show_history.setEnabled(self.trails.active)
        self.act_swap.setEnabled(all(self.paths))
        self.act_reload.setEnabled(all(self.paths))

    # -- opening and comparing --------------------------------------------------------------------

    def open_dialog(self) -> None:
        dialog = OpenPairDialog(*self.paths, start_dir=self.config["last_dir"], parent=self)
        if dialog.exec():
            draft, adopted = dialog.paths()
            self.config["last_dir"] = str(Path(adopted).parent)
            self.open_pair(draft, adopted)

    def open_review_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open review"), self.config["last_dir"],
            self.tr("Draft Compare reviews (*.dcreview);;All files (*)"))
        if path:
            self.config["last_dir"] = str(Path(path).parent)
            self.open_review(path)

    def open_review(self, path: str) -> None:
        """Reopen a saved review: its two documents, compared, with its notes (from this very file)."""
        try:
            draft, adopted = review_store.documents_of(path)
        except DraftCompareError as exc:
            self.show_error(self.tr("Cannot open this review"), exc)
            return
        self.review_file = (str(adopted), str(path))
        self.open_pair(str(draft), str(adopted))

    def open_file(self, path: str) -> None:
        """A file handed over by the system (macOS Finder, a second launch): a review opens with its
        documents; documents fill the draft side first, then the adopted side."""
        if review_store.is_review_file(path):
            self.open_review(path)
        elif self.paths[0] and not self.paths[1]:
            self.replace_side("b", path)
        else:
            self.paths = ("", "")
            self.replace_side("a", path)

    def _set_title(self, draft: str, adopted: str, number: str = "") -> None:
        """The pair, and the adopted resolution's number; Qt adds the application's name once."""
        title = self.tr("{draft} ↔ {adopted}").format(draft=draft, adopted=adopted)
        if number:
            title = self.tr("{pair} — resolution {number}").format(pair=title, number=number)
        self.setWindowTitle(title)

    def open_pair(self, draft: str, adopted: str) -> None:
        self.trails.close()                        # an ordinary pair: no longer a trail's
        self.paths = (str(draft), str(adopted))
        self.view.set_headers(self.paths[0], self.paths[1])
        self._set_title(Path(draft).name, Path(adopted).name)
        self._compare()

    def replace_side(self, side: str, path: str) -> None:
        """A file dropped on a pane: it replaces that side; compare once both sides are known.
        A review file dropped anywhere opens that review."""
        if review_store.is_review_file(path):
            self.open_review(path)
            return
        draft, adopted = self.paths
        draft, adopted = (path, adopted) if side == "a" else (draft, path)
        if draft and adopted:
            self.open_pair(draft, adopted)
        else:
            self.paths = (draft, adopted)
            self.view.set_headers(draft, adopted)
            self.statusBar().showMessage(self.tr("Now drop the adopted text") if side == "a"
                                         else self.tr("Now drop the draft"), 6000)
            self._update_actions()

    def swap_sides(self) -> None:
        if self.trails.active:
            self.trails.swap()
        elif all(self.paths):
            self.open_pair(self.paths[1], self.paths[0])

    def reload(self) -> None:
        if self.trails.active:
            self.trails.reload()
        elif all(self.paths):
            self._compare()

    def _compare(self) -> None:
        draft, adopted = self.paths
        options = self.config.compare_options()
        self.run_task(compare_work(draft, adopted, options), self.tr("Comparing"),
                      on_success=lambda c: self._compared(c, draft, adopted),
                      on_failure=self._compare_failed)

    def _compare_failed(self, exc: BaseException) -> None:
        if self.comparison is not None:  # keep showing (and naming) the last good pair
            self._show_names(self.comparison)
        self.show_error(self.tr("Cannot compare these files"), exc)

    def _compared(self, comparison: Comparison, draft: str, adopted: str) -> None:
        self.config.add_recent_pair(draft, adopted)
        self._fill_recent_menu()  # its Ctrl+Alt+n shortcuts must match the new order now
        self.show_comparison(comparison)

    def show_comparison(self, comparison: Comparison | None) -> None:
        """Show a finished comparison (also the entry point for tests and benchmarks)."""
        fresh = comparison is not self.comparison
        self.comparison = comparison
        palette = self.palette()
        self.view.set_comparison(comparison, palette, self.act_changed_only.isChecked())
        self.change_model.set_comparison(comparison, palette)
        self.findings_model.set_comparison(comparison)
        self.side_tabs.setTabText(0, self.tr("Changes ({n})").format(n=self.change_model.change_count()))
        self.side_tabs.setTabText(1, self.tr("Findings ({n})").format(n=self.findings_model.rowCount()))
        if comparison is not None and fresh:
            self.notes_panel.flush()
            review_for, review_path = self.review_file
            same = review_for and Path(review_for).resolve() == Path(comparison.adopted.path).resolve()
            self.review.open_for(comparison, review_path if same else None)
            self._show_note(self.view.current_pair)
        elif comparison is not None:
            self._refresh_marks()
        if comparison is not None:
            self._show_names(comparison)
            if fresh:  # across languages the findings are the review; in one language the changes are
                self.side_tabs.setCurrentIndex(1 if comparison.cross_language else 0)
        if self.find_bar.isVisible():
            self.find_bar.highlight_all()
        show_status(self, comparison)
        self._update_actions()

    def palette(self):
        """The chosen palette with the officer's own highlight colours, if set."""
        palette = palette_named(self.config["palette"])
        own = {k: self.config[f"{k}_colour"] for k in ("deleted", "inserted")
               if QColor.isValidColorName(self.config[f"{k}_colour"] or "")}
        return replace(palette, **own) if own else palette

    # -- notes ----------------------------------------------------------------------------------------

    def _show_note(self, pair) -> None:
        c = self.comparison
        if c is None or pair is None or not 0 <= pair < len(c.pairs):
            self.notes_panel.show_pair(None, "", "", False)
            return
        label = pair_label(c, c.pairs[pair])
        self.notes_panel.show_pair(pair, label, self.review.note(pair), self.review.checked(pair))

    def _refresh_marks(self) -> None:
        """The note and checked marks in the panes' margins and the change list, and the list of notes."""
        c = self.comparison
        notes, checked = self.review.marks() if c is not None else (set(), set())
        self.view.set_marks(notes, checked)
        self.change_model.set_marks(notes, checked)
        entries = [] if c is None else [(n, pair_label(c, c.pairs[n]), text, ticked)
                                        for n, text, ticked in self.review.entries() if n < len(c.pairs)]
        self.notes_panel.set_all_notes(entries)
        self.notes_panel.set_unplaced(self.review.unplaced())

    def _show_names(self, comparison: Comparison) -> None:
        self.paths = (comparison.draft.path, comparison.adopted.path)
        self.view.set_headers(comparison.draft, comparison.adopted)
        self._set_title(comparison.draft.name, comparison.adopted.name, comparison.adopted.resolution_number)
        self._update_actions()

    # -- navigation, view ---------------------------------------------------------------------------

    def next_change(self) -> None:
        if not self.view.step(True):
            self.statusBar().showMessage(self.tr("No further change"), 3000)

    def previous_change(self) -> None:
        if not self.view.step(False):
            self.statusBar().showMessage(self.tr("No earlier change"), 3000)

    def set_include_matter(self, on: bool) -> None:
        """View > Include header and footer changes: whether F8 also stops there (remembered)."""
        self.config["include_matter"] = bool(on)
        self.view.set_include_matter(bool(on))

    def toggle_side_panel(self, _checked: bool = False) -> None:
        """F9: show or hide the side panel (brought back at a usable width when it was folded away)."""
        menus.show_side_panel(self, self.act_show_list.isChecked())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        menus.fit_side_panel(self)

    def show_side_tab(self, index: int) -> None:
        menus.show_side_panel(self, True)
        self.side_tabs.setCurrentIndex(index)
        self.side_tabs.currentWidget().setFocus()

    def step_finding(self, forward: bool) -> bool:
        """Select the next (previous) finding that belongs to a pair; the list's choice moves the panes."""
        target, message = next_finding_row(self.findings_model, self.findings_list, self.view.current_pair, forward)
        if target is None:
            self.statusBar().showMessage(message, 3000)
            return False
        self.side_tabs.setCurrentIndex(1)
        self.findings_list.setCurrentIndex(self.findings_model.index(target, 0))  # -> the panes go there
        return True

    def next_finding(self) -> None:
        self.step_finding(True)

    def previous_finding(self) -> None:
        self.step_finding(False)

    def set_changed_only(self, on: bool) -> None:
        self.config["changed_only"] = bool(on)
        pair = self.view.current_pair
        self.show_comparison(self.comparison)
        if pair >= 0:
            self.view.go_to_pair(pair)

    def zoom(self, step: int | None) -> None:
        """Ctrl + / Ctrl - / Ctrl 0; the current change stays in view."""
        level = 0 if step is None else min(max(self.config["zoom"] + step, ZOOM_RANGE[0]), ZOOM_RANGE[1])
        self.config["zoom"] = level
        self.apply_zoom()

    def apply_zoom(self) -> None:
        """Text font and size from the settings (system font by default), plus the zoom steps."""
        family = self.config["font_family"]
        for pane in self.view.panes:
            font = QFont(pane.font())
            font.setFamily(family or QApplication.font().family())
            pane.setFont(font)
        base = self.config["font_size"] or self.base_point_size
        self.view.set_point_size(base + self.config["zoom"])

    def options_dialog(self) -> None:
        before = (self.config.compare_options(), self.config["palette"])
        dialog = OptionsDialog(self.config, self)
        if not dialog.exec():
            return
        if self.config.compare_options() != before[0] and all(self.paths):
            self.reload()
        elif self.config["palette"] != before[1]:
            self.show_comparison(self.comparison)
        self.apply_zoom()

    def about(self) -> QMessageBox:
        """Help > About: version, keys, log file."""
        return menus.show_about(self)

    # -- messages -----------------------------------------------------------------------------------

    def show_error(self, title: str, exc: BaseException) -> None:
        """The error in one line, said once: "file: reason"; the file's whole path below when known."""
        path = getattr(exc, "path", "")
        reason = getattr(exc, "reason", "")
        if path and reason:
            text, detail = f"{Path(path).name}: {reason}", str(path)
        else:
            text, detail = error_text(exc), ""
        self.show_message(title, " ".join(text.split()), detail=detail)

    def show_message(self, title: str, text: str, detail: str = "",
                     icon: QMessageBox.Icon = QMessageBox.Icon.Warning) -> QMessageBox:
        """Window-modal and non-blocking: the event loop (and background work) keeps running."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("messageBox")
        if detail and detail != text:
            box.setInformativeText(detail)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self.activateWindow)  # keys go back to the window, whatever the platform
        self._message_box = box
        box.open()
        return box

    # -- state -------------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        if not self.config["geometry"].isEmpty():
            self.restoreGeometry(self.config["geometry"])
        else:
            self.resize(1280, 820)
        if not self.config["state"].isEmpty():
            self.restoreState(self.config["state"])
        if not self.config["splitter"].isEmpty():
            self.splitter.restoreState(self.config["splitter"])
            self.side_width = self.splitter.sizes()[0] or self.side_width
        self.act_show_list.setChecked(self.splitter.sizes()[0] > 0)
        menus.fit_side_panel(self)

    def save_state(self) -> None:
        self.config["geometry"] = self.saveGeometry()
        self.config["state"] = self.saveState()
        self.config["splitter"] = self.splitter.saveState()
        self.config.sync()

    def closeEvent(self, event) -> None:
        self.tasks.drop()            # late results of a closed window are dropped
        self.notes_panel.flush()
        self.review.close()          # writes pending notes now; nothing waits on a timer
        self.save_state()
        super().closeEvent(event)


def measure_populate(comparison: Comparison) -> float:
    """Benchmark hook (``make bench``); lives in app.ui.bench, re-exported here for bench/run_bench.py."""
    from app.ui.bench import measure_populate as measure
    return measure(comparison)
