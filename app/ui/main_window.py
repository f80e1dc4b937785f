"""The review window: menus and toolbar, the compare view, the change list, the status bar.

It owns the session state (the two paths, the Comparison on show) and the background task; the
widgets it hosts only get setters and send signals.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QLabel, QMainWindow, QMessageBox, QProgressBar, QSplitter, QToolButton, QVBoxLayout,
    QWidget,
)

from app.core.model import Comparison
from app.ui import exports
from app.ui.change_model import ChangeModel
from app.ui.find_bar import FindBar
from app.ui.open_dialog import OpenPairDialog
from app.ui.options_dialog import OptionsDialog
from app.ui.settings import Config
from app.ui.worker import Task, TaskWatcher, error_text, start
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
        self.setWindowTitle("Draft Compare")
        if ICON.exists():
            self.setWindowIcon(QIcon(str(ICON)))
        self.comparison: Comparison | None = None
        self.paths: tuple[str, str] = ("", "")
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
        right = QWidget()
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.change_list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1000])
        self.setCentralWidget(self.splitter)

        self.exports = exports.ExportController(self)
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self.change_list.changeActivated.connect(self.view.go_to_pair)
        self.view.currentPairChanged.connect(self.change_list.set_current_pair)
        self.view.fileDropped.connect(self.replace_side)
        self.apply_zoom()
        self._update_actions()
        self._restore_state()

    # -- actions and menus -----------------------------------------------------------------------

    def _action(self, text: str, shortcut, slot: Callable, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, self)
        shortcuts = shortcut if isinstance(shortcut, (list, tuple)) else [shortcut]
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutVisibleInContextMenu(True)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even with the menu bar hidden
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.act_open = a("&Open…", QKeySequence.StandardKey.Open, self.open_dialog, "Open a draft and an adopted text")
        self.act_swap = a("S&wap sides", "Ctrl+Shift+W", self.swap_sides, "Compare the other way round")
        self.act_reload = a("&Reload", "F5", self.reload, "Read both files again and compare")
        self.act_quit = a("&Quit", "Ctrl+Q", self.close, "Quit Draft Compare")
        self.act_next = a("&Next change", "F8", self.next_change, "Go to the next change")
        self.act_prev = a("&Previous change", "Shift+F8", self.previous_change, "Go to the previous change")
        self.act_changed_only = a("&Changed paragraphs only", "Ctrl+Shift+H", self.set_changed_only,
                                  "Hide paragraphs that did not change", checkable=True)
        self.act_changed_only.setChecked(self.config["changed_only"])
        self.act_zoom_in = a("Zoom &in", ["Ctrl++", "Ctrl+="], lambda: self.zoom(+1), "Larger text")
        self.act_zoom_out = a("Zoom &out", "Ctrl+-", lambda: self.zoom(-1), "Smaller text")
        self.act_zoom_reset = a("&Reset zoom", "Ctrl+0", lambda: self.zoom(None), "Default text size")
        self.act_show_list = a("Change &list", "F9", self.change_list.setVisible, "Show or hide the change list",
                               checkable=True)
        self.act_show_list.setChecked(True)
        self.act_find = a("&Find…", QKeySequence.StandardKey.Find, self.find_bar.open_bar, "Find in both texts")
        self.act_find_next = a("Find ne&xt", "F3", self.find_bar.find_next, "Find the next match")
        self.act_find_prev = a("Find pre&vious", "Shift+F3", self.find_bar.find_previous, "Find the previous match")
        self.act_options = a("&Options…", "Ctrl+,", self.options_dialog, "Comparison options, palette, author")
        self.act_about = a("&About Draft Compare", "F1", self.about, "About this program")
        self.export_actions = {}
        for spec in exports.EXPORTS:
            self.export_actions[spec.key] = a(spec.title, spec.shortcut, lambda _c=False, s=spec: self.exports.export(s),
                                              f"Export {spec.title.replace('&', '').rstrip('…')}")
        for spec in (exports.PRINT_PREVIEW, exports.PRINT):
            self.export_actions[spec.key] = a(spec.title, spec.shortcut,
                                              lambda _c=False, s=spec: self.exports.print_sheet(s),
                                              spec.title.replace("&", "").rstrip("…"))

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        file_menu.addAction(self.act_open)
        self.recent_menu = file_menu.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        file_menu.addAction(self.act_swap)
        file_menu.addAction(self.act_reload)
        file_menu.addSeparator()
        self.export_menu = file_menu.addMenu("&Export")
        for spec in exports.EXPORTS:
            self.export_menu.addAction(self.export_actions[spec.key])
        self.export_menu.addSeparator()
        self.export_menu.addAction(self.export_actions["print_preview"])
        self.export_menu.addAction(self.export_actions["print"])
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit = bar.addMenu("&Edit")
        for act in (self.act_find, self.act_find_next, self.act_find_prev):
            edit.addAction(act)
        edit.addSeparator()
        edit.addAction(self.act_options)
        view = bar.addMenu("&View")
        for act in (self.act_next, self.act_prev, None, self.act_changed_only, self.act_show_list, None,
                    self.act_zoom_in, self.act_zoom_out, self.act_zoom_reset):
            view.addSeparator() if act is None else view.addAction(act)
        bar.addMenu("&Help").addAction(self.act_about)

        tools = self.addToolBar("Main")
        tools.setObjectName("mainToolBar")
        tools.setIconSize(QSize(16, 16))
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (self.act_open, self.act_swap, None, self.act_prev, self.act_next, self.act_changed_only, None,
                    self.act_find, self.act_zoom_out, self.act_zoom_in):
            tools.addSeparator() if act is None else tools.addAction(act)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        pairs = self.config.recent_pairs()
        for n, (draft, adopted) in enumerate(pairs, 1):
            text = f"&{n} {Path(draft).name} ↔ {Path(adopted).name}"
            act = self.recent_menu.addAction(text)
            act.setShortcut(QKeySequence(f"Ctrl+Alt+{n}"))
            act.setToolTip(f"{draft}\n{adopted}")
            act.triggered.connect(lambda _c=False, d=draft, a=adopted: self.open_pair(d, a))
        self.recent_menu.setEnabled(bool(pairs))

    def _build_status_bar(self) -> None:
        status = self.statusBar()
        self.counts_label = QLabel()
        self.language_label = QLabel()
        self.mode_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(260)
        self.progress.setRange(0, 100)
        self.cancel_button = QToolButton(text="Cancel")
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancel_task)
        for w in (self.counts_label, self.language_label, self.mode_label):
            status.addPermanentWidget(w)
        status.addPermanentWidget(self.progress)
        status.addPermanentWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

    def _update_actions(self) -> None:
        loaded = self.comparison is not None
        busy = self.watcher is not None
        for act in (self.act_next, self.act_prev, self.act_find, self.act_find_next, self.act_find_prev):
            act.setEnabled(loaded)
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

    def open_pair(self, draft: str, adopted: str) -> None:
        self.paths = (str(draft), str(adopted))
        self.view.set_headers(self.paths[0], self.paths[1])
        self.setWindowTitle(f"Draft Compare — {Path(draft).name} ↔ {Path(adopted).name}")
        self._compare()

    def replace_side(self, side: str, path: str) -> None:
        """A file dropped on a pane: it replaces that side; compare once both sides are known."""
        draft, adopted = self.paths
        draft, adopted = (path, adopted) if side == "a" else (draft, path)
        if draft and adopted:
            self.open_pair(draft, adopted)
        else:
            self.paths = (draft, adopted)
            self.view.set_headers(draft, adopted)
            self.statusBar().showMessage("Now drop the " + ("adopted text" if side == "a" else "draft"), 6000)
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
        self.run_task(compare_work(draft, adopted, options), "Comparing",
                      on_success=lambda c: self._compared(c, draft, adopted),
                      on_failure=self._compare_failed)

    def _compare_failed(self, exc: BaseException) -> None:
        if self.comparison is not None:  # keep showing (and naming) the last good pair
            self._show_names(self.comparison)
        self.show_error("Cannot compare these files", exc)

    def _compared(self, comparison: Comparison, draft: str, adopted: str) -> None:
        self.config.add_recent_pair(draft, adopted)
        self._fill_recent_menu()  # its Ctrl+Alt+n shortcuts must match the new order now
        self.show_comparison(comparison)

    def show_comparison(self, comparison: Comparison | None) -> None:
        """Show a finished comparison (also the entry point for tests and benchmarks)."""
        self.comparison = comparison
        palette = palette_named(self.config["palette"])
        self.view.set_comparison(comparison, palette, self.act_changed_only.isChecked())
        self.change_model.set_comparison(comparison, palette)
        if comparison is not None:
            self._show_names(comparison)
        if self.find_bar.isVisible():
            self.find_bar.highlight_all()
        self._update_status()
        self._update_actions()

    def _show_names(self, comparison: Comparison) -> None:
        self.paths = (comparison.draft.path, comparison.adopted.path)
        self.view.set_headers(comparison.draft, comparison.adopted)
        self.setWindowTitle(f"Draft Compare — {comparison.draft.name} ↔ {comparison.adopted.name}")
        self._update_actions()

    def _update_status(self) -> None:
        c = self.comparison
        if c is None:
            for label in (self.counts_label, self.language_label, self.mode_label):
                label.clear()
            return
        s = c.stats
        if c.cross_language:  # every pair is a translation: what counts is what the checks found
            flagged = sum(1 for p in c.pairs if p.findings)
            parts = [f"{flagged} with findings", f"{s.inserted} inserted", f"{s.deleted} deleted", f"{s.moved} moved"]
        else:
            parts = [f"{s.changed} changed", f"{s.inserted} inserted", f"{s.deleted} deleted", f"{s.moved} moved"]
        if s.split or s.merged:
            parts.append(f"{s.split + s.merged} split/merged")
        if not c.cross_language:
            words = s.words_deleted + s.words_inserted
            parts.append(f"{words} word{'s' if words != 1 else ''} changed")
        if s.findings:
            parts.append(f"{s.findings} finding{'s' if s.findings != 1 else ''}")
        self.counts_label.setText(" · ".join(parts))
        self.language_label.setText(f"{c.draft.language} → {c.adopted.language}")
        self.language_label.setToolTip("Languages detected in the draft and the adopted text")
        self.mode_label.setText(c.mode)

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
            on_cancel=lambda: self.statusBar().showMessage(f"{label}: cancelled", 4000),
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
        self.progress.setFormat(f"{stage}… %p%")

    def cancel_task(self) -> None:
        if self.watcher is not None:
            self.watcher.task.cancel()
            self.progress.setFormat("Cancelling…")

    # -- navigation, view ---------------------------------------------------------------------------

    def next_change(self) -> None:
        if not self.view.step(True):
            self.statusBar().showMessage("No further change", 3000)

    def previous_change(self) -> None:
        if not self.view.step(False):
            self.statusBar().showMessage("No earlier change", 3000)

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
        self.view.set_point_size(self.base_point_size + self.config["zoom"])

    def options_dialog(self) -> None:
        before = (self.config.compare_options(), self.config["palette"])
        dialog = OptionsDialog(self.config, self)
        if not dialog.exec():
            return
        if self.config.compare_options() != before[0] and all(self.paths):
            self._compare()
        elif self.config["palette"] != before[1]:
            self.show_comparison(self.comparison)

    def about(self) -> None:
        self.show_message("About Draft Compare",
                          "Draft Compare: a draft resolution beside the adopted text, aligned paragraph by "
                          "paragraph, with word changes, moves and cross-language checks.",
                          icon=QMessageBox.Icon.Information)

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
        self.save_state()
        super().closeEvent(event)


def measure_populate(comparison: Comparison) -> float:
    """Benchmark hook (``make bench``); lives in app.ui.bench, re-exported here for bench/run_bench.py."""
    from app.ui.bench import measure_populate as measure
    return measure(comparison)
