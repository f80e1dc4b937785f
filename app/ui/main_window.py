"""The review window: menus and toolbar, the compare view, the change list, the status bar.

It owns the session state (the two paths, the Comparison on show) and the background task; the
widgets it hosts only get setters and send signals.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import (QApplication, QFileDialog, QMainWindow, QMessageBox, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

from app.core.model import Comparison
from app.io import review_store
from app.io.errors import DraftCompareError
from app.ui import exports, menus
from app.ui.change_model import ChangeModel
from app.ui.find_bar import FindBar
from app.ui.findings_panel import FindingsList, FindingsModel
from app.ui.notes_panel import NotesPanel
from app.ui.review_session import ReviewSession
from app.ui.open_dialog import OpenPairDialog
from app.ui.options_dialog import OptionsDialog
from app.ui.settings import Config
from app.ui.status import status_texts
from app.ui.worker import Task, TaskWatcher, error_text, start
from widgets.change_list import ChangeList
from widgets.compare_view import CompareView
from widgets.palette import palette_named

ICON = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "draftcompare.svg"
ZOOM_RANGE = (-6, 24)
# Stage names app.io.pipeline reports (English there: the engine has no Qt); translated when shown.
PROGRESS_STAGES = (QT_TRANSLATE_NOOP("Progress", "Reading draft"), QT_TRANSLATE_NOOP("Progress", "Reading adopted text"),
                   QT_TRANSLATE_NOOP("Progress", "Aligning paragraphs"), QT_TRANSLATE_NOOP("Progress", "Done"))


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
        self.watcher: TaskWatcher | None = None
        self._tasks: list[Task] = []
        self._message_box: QMessageBox | None = None
        self.base_point_size = QApplication.font().pointSizeF() if QApplication.font().pointSizeF() > 0 else 10.0

        self.view = CompareView()
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
        self.side_tabs.addTab(self.change_list, self.tr("Changes"))
        self.side_tabs.addTab(self.findings_list, self.tr("Findings"))
        # The reviewer's notes: one per pair, autosaved beside the adopted document.
        self.notes_panel = NotesPanel()
        self.review = ReviewSession(self)
        self.review.ask_recover = self._ask_recover
        self.side_tabs.addTab(self.notes_panel, self.tr("Notes"))
        self.change_list.setAccessibleName(self.tr("List of changes"))
        self.findings_list.setAccessibleName(self.tr("Findings of the cross-check"))
        self.side_tabs.setAccessibleName(self.tr("Changes, findings and notes"))
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1000])
        self.setCentralWidget(self.splitter)

        self.exports = exports.ExportController(self)
        menus.build_actions(self)
        menus.build_menus(self)
        menus.build_status_bar(self)
        self.change_list.changeActivated.connect(self.view.go_to_pair)
        self.findings_list.changeActivated.connect(self.view.go_to_pair)
        self.view.currentPairChanged.connect(self.change_list.set_current_pair)
        self.view.currentPairChanged.connect(self.findings_list.set_current_pair)
        self.view.fileDropped.connect(self.replace_side)
        self.view.currentPairChanged.connect(self._show_note)
        self.notes_panel.noteEdited.connect(self.review.set_note)
        self.notes_panel.checkedToggled.connect(self.review.set_checked)
        self.review.changed.connect(lambda: self.notes_panel.set_unplaced(self.review.unplaced()))
        self.review.message.connect(lambda text: self.statusBar().showMessage(text, 15000))
        self.review.status.connect(self.notes_panel.set_review_status)
        self.notes_panel.saveAsRequested.connect(self.review.save_as)
        self.apply_zoom()
        self._update_actions()
        self._restore_state()

    # -- actions and menus (built in app.ui.menus) -----------------------------------------------

    def _fill_recent_menu(self) -> None:
        menus.fill_recent_menu(self)

    def _update_actions(self) -> None:
        loaded = self.comparison is not None
        busy = self.watcher is not None
        for act in (self.act_next, self.act_prev, self.act_find, self.act_find_next, self.act_find_prev):
            act.setEnabled(loaded)
        for act in (self.act_next_finding, self.act_prev_finding):
            act.setEnabled(self.findings_model.rowCount() > 0)
        for act in self.export_actions.values():
            act.setEnabled(loaded and not busy)
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

    def _set_title(self, draft: str, adopted: str) -> None:
        self.setWindowTitle(self.tr("Draft Compare — {draft} ↔ {adopted}").format(draft=draft, adopted=adopted))

    def open_pair(self, draft: str, adopted: str) -> None:
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
        if all(self.paths):
            self.open_pair(self.paths[1], self.paths[0])

    def reload(self) -> None:
        if all(self.paths):
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
        self.side_tabs.setTabText(0, self.tr("Changes ({n})").format(n=self.change_model.rowCount()))
        self.side_tabs.setTabText(1, self.tr("Findings ({n})").format(n=self.findings_model.rowCount()))
        if comparison is not None and fresh:
            self.notes_panel.flush()
            review_for, review_path = self.review_file
            same = review_for and Path(review_for).resolve() == Path(comparison.adopted.path).resolve()
            self.review.open_for(comparison, review_path if same else None)
            self._show_note(self.view.current_pair)
        if comparison is not None:
            self._show_names(comparison)
            if fresh:  # across languages the findings are the review; in one language the changes are
                self.side_tabs.setCurrentIndex(1 if comparison.cross_language else 0)
        if self.find_bar.isVisible():
            self.find_bar.highlight_all()
        self._update_status()
        self._update_actions()

    def palette(self):
        """The chosen palette with the officer's own highlight colours, if set."""
        palette = palette_named(self.config["palette"])
        own = {k: self.config[f"{k}_colour"] for k in ("deleted", "inserted")
               if QColor.isValidColorName(self.config[f"{k}_colour"] or "")}
        return replace(palette, **own) if own else palette

    def _ask_recover(self, review) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Recover notes"),
            self.tr("Draft Compare ended before it could save {n} note(s) on these documents. Restore them?")
            .format(n=len(review.notes) + len(review.unplaced)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _show_note(self, pair) -> None:
        c = self.comparison
        if c is None or pair is None or not 0 <= pair < len(c.pairs):
            self.notes_panel.show_pair(None, "", "", False)
            return
        p = c.pairs[pair]
        par = c.adopted.paragraphs[p.adopted[0]] if p.adopted else c.draft.paragraphs[p.draft[0]]
        label = par.display_label or par.text[:40]
        self.notes_panel.show_pair(pair, label, self.review.note(pair), self.review.checked(pair))

    def _show_names(self, comparison: Comparison) -> None:
        self.paths = (comparison.draft.path, comparison.adopted.path)
        self.view.set_headers(comparison.draft, comparison.adopted)
        self._set_title(comparison.draft.name, comparison.adopted.name)
        self._update_actions()

    def _update_status(self) -> None:
        c = self.comparison
        if c is None:
            for label in (self.counts_label, self.language_label, self.mode_label, self.warnings_label):
                label.clear()
                label.setToolTip("")
            self.mode_label.setStyleSheet("")
            return
        texts = status_texts(c)
        self.counts_label.setText(texts.counts)
        self.counts_label.setToolTip(texts.counts_tip)
        self.language_label.setText(texts.languages)
        self.language_label.setToolTip(texts.languages_tip)
        self.mode_label.setText(texts.mode)
        self.mode_label.setToolTip(texts.mode_tip)
        self.mode_label.setStyleSheet(texts.mode_style)
        self.warnings_label.setText(texts.warnings)
        self.warnings_label.setToolTip(texts.warnings_tip)

    # -- background tasks --------------------------------------------------------------------------

    def run_task(self, work, label: str, on_success: Callable, on_failure: Callable,
                 cancellable: bool = True) -> TaskWatcher:
        """Run ``work`` off the GUI thread; a newer task supersedes (and cancels) a running one."""
        if self.watcher is not None:
            self.watcher.active = False
            self.watcher.task.cancel()
        # Tasks stay referenced until their thread is done with them, even when superseded.
        self._tasks = [t for t in self._tasks if not t.done.is_set()]
        task = Task(work, label)
        self._tasks.append(task)

        def finish() -> None:
            self.watcher = None
            self.progress.hide()
            self.cancel_button.hide()
            self._update_actions()

        self.watcher = TaskWatcher(
            task, on_progress=self._show_progress, on_success=on_success, on_failure=on_failure,
            on_cancel=lambda: self.statusBar().showMessage(self.tr("{task}: cancelled").format(task=label), 4000),
            on_finish=finish, parent=self)
        self.progress.setRange(0, 100 if cancellable else 0)  # exports report no steps: busy indicator
        self.progress.setValue(0)
        self.progress.setFormat(f"{label}… %p%" if cancellable else f"{label}…")
        self.progress.show()
        self.cancel_button.setVisible(cancellable)
        self._update_actions()
        start(task)
        return self.watcher

    def _show_progress(self, stage: str, fraction: float) -> None:
        self.progress.setValue(round(fraction * 100))
        self.progress.setFormat(f"{QCoreApplication.translate('Progress', stage)}… %p%")

    def cancel_task(self) -> None:
        if self.watcher is not None:
            self.watcher.task.cancel()
            self.progress.setFormat(self.tr("Cancelling…"))

    # -- navigation, view ---------------------------------------------------------------------------

    def next_change(self) -> None:
        if not self.view.step(True):
            self.statusBar().showMessage(self.tr("No further change"), 3000)

    def previous_change(self) -> None:
        if not self.view.step(False):
            self.statusBar().showMessage(self.tr("No earlier change"), 3000)

    def show_side_tab(self, index: int) -> None:
        self.side_tabs.show()
        self.act_show_list.setChecked(True)
        self.side_tabs.setCurrentIndex(index)
        self.side_tabs.currentWidget().setFocus()

    def step_finding(self, forward: bool) -> bool:
        """Select the next (previous) finding that belongs to a pair; the list's choice moves the panes."""
        model, view = self.findings_model, self.findings_list
        rows = [r for r, f in enumerate(model.findings) if f.pair_index is not None]
        if not rows:
            self.statusBar().showMessage(self.tr("No findings"), 3000)
            return False
        current = view.currentIndex().row() if view.currentIndex().isValid() else None
        if current is None:  # start from the change on show
            pair = self.view.current_pair
            later = [r for r in rows if model.findings[r].pair_index > pair] if forward else \
                [r for r in rows if model.findings[r].pair_index < pair]
            target = (later[0] if forward else later[-1]) if later else None
        else:
            later = [r for r in rows if (r > current if forward else r < current)]
            target = (later[0] if forward else later[-1]) if later else None
        if target is None:
            self.statusBar().showMessage(self.tr("No further finding") if forward else self.tr("No earlier finding"),
                                         3000)
            return False
        self.side_tabs.setCurrentIndex(1)
        view.setCurrentIndex(model.index(target, 0))  # -> changeActivated -> the panes go there
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
            self._compare()
        elif self.config["palette"] != before[1]:
            self.show_comparison(self.comparison)
        self.apply_zoom()

    def about(self) -> None:
        from app.logsetup import log_dir, log_path
        path = log_path()
        log = (self.tr("Log file: {path}").format(path=path) if path is not None
               else self.tr("No log file is being written (its folder: {folder})").format(folder=log_dir()))
        self.show_message(self.tr("About Draft Compare"),
                          self.tr("Draft Compare: a draft resolution beside the adopted text, aligned paragraph by paragraph, with word changes, moves and cross-language checks."),  # noqa: E501
                          detail=log, icon=QMessageBox.Icon.Information)

    # -- messages -----------------------------------------------------------------------------------

    def show_error(self, title: str, exc: BaseException) -> None:
        path = getattr(exc, "path", "")
        reason = getattr(exc, "reason", "")
        if path and reason:
            text = f"{Path(path).name}: {reason}"
            detail = error_text(exc)
        else:
            text, detail = error_text(exc), ""
        self.show_message(title, text, detail=detail)

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

    def save_state(self) -> None:
        self.config["geometry"] = self.saveGeometry()
        self.config["state"] = self.saveState()
        self.config["splitter"] = self.splitter.saveState()
        self.config.sync()

    def closeEvent(self, event) -> None:
        if self.watcher is not None:  # late results of a closed window are dropped
            self.watcher.active = False
            self.watcher.task.cancel()
        self.notes_panel.flush()
        self.review.close()          # writes pending notes now; nothing waits on a timer
        self.save_state()
        super().closeEvent(event)


def measure_populate(comparison: Comparison) -> float:
    """Benchmark hook (``make bench``); lives in app.ui.bench, re-exported here for bench/run_bench.py."""
    from app.ui.bench import measure_populate as measure
    return measure(comparison)
