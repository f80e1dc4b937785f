"""Actions, menus, toolbar and status bar of the review window.

Every action has a shortcut, shown in its menu, and is added to the window itself so its key works
with the menu bar hidden. Texts go through QCoreApplication.translate with the "MainWindow" context
(literal calls, so pyside6-lupdate finds them).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QProgressBar, QToolButton

from app.ui import exports

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def make_action(window: "MainWindow", text: str, shortcut, slot: Callable, tip: str = "",
                checkable: bool = False) -> QAction:
    action = QAction(text, window)
    shortcuts = shortcut if isinstance(shortcut, (list, tuple)) else [shortcut]
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setShortcutVisibleInContextMenu(True)
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
    action.setCheckable(checkable)
    action.triggered.connect(slot)
    window.addAction(action)  # shortcuts work even with the menu bar hidden
    return action


def build_actions(w: "MainWindow") -> None:
    def a(*args, **kwargs) -> QAction:
        return make_action(w, *args, **kwargs)

    w.act_open = a(QCoreApplication.translate("MainWindow", "&Open…"), QKeySequence.StandardKey.Open, w.open_dialog,
                   QCoreApplication.translate("MainWindow", "Open a draft and an adopted text"))
    w.act_open_review = a(QCoreApplication.translate("MainWindow", "Open re&view…"), "Ctrl+Shift+O",
                          w.open_review_dialog,
                          QCoreApplication.translate("MainWindow", "Open a saved review (.dcreview) with its two documents"))
    w.act_swap = a(QCoreApplication.translate("MainWindow", "S&wap sides"), "Ctrl+Shift+W", w.swap_sides,
                   QCoreApplication.translate("MainWindow", "Compare the other way round"))
    w.act_reload = a(QCoreApplication.translate("MainWindow", "&Reload"), "F5", w.reload, QCoreApplication.translate("MainWindow", "Read both files again and compare"))
    w.act_quit = a(QCoreApplication.translate("MainWindow", "&Quit"), "Ctrl+Q", w.close, QCoreApplication.translate("MainWindow", "Quit Draft Compare"))
    w.act_next = a(QCoreApplication.translate("MainWindow", "&Next change"), "F8", w.next_change, QCoreApplication.translate("MainWindow", "Go to the next change"))
    w.act_prev = a(QCoreApplication.translate("MainWindow", "&Previous change"), "Shift+F8", w.previous_change,
                   QCoreApplication.translate("MainWindow", "Go to the previous change"))
    w.act_next_finding = a(QCoreApplication.translate("MainWindow", "Next &finding"), "F7", w.next_finding,
                           QCoreApplication.translate("MainWindow", "Go to the next finding"))
    w.act_prev_finding = a(QCoreApplication.translate("MainWindow", "Previous f&inding"), "Shift+F7", w.previous_finding,
                           QCoreApplication.translate("MainWindow", "Go to the previous finding"))
    w.act_changed_only = a(QCoreApplication.translate("MainWindow", "&Changed paragraphs only"), "Ctrl+Shift+H", w.set_changed_only,
                           QCoreApplication.translate("MainWindow", "Hide paragraphs that did not change"), checkable=True)
    w.act_changed_only.setChecked(w.config["changed_only"])
    w.act_zoom_in = a(QCoreApplication.translate("MainWindow", "Zoom &in"), ["Ctrl++", "Ctrl+="], lambda: w.zoom(+1),
                      QCoreApplication.translate("MainWindow", "Larger text"))
    w.act_zoom_out = a(QCoreApplication.translate("MainWindow", "Zoom &out"), "Ctrl+-", lambda: w.zoom(-1), QCoreApplication.translate("MainWindow", "Smaller text"))
    w.act_zoom_reset = a(QCoreApplication.translate("MainWindow", "&Reset zoom"), "Ctrl+0", lambda: w.zoom(None),
                         QCoreApplication.translate("MainWindow", "Default text size"))
    # (a lambda: Qt's setVisible is overloaded, and a shortcut's triggered() gives it no argument)
    w.act_show_list = a(QCoreApplication.translate("MainWindow", "Side &panel"), "F9",
                        lambda _checked=False: w.side_tabs.setVisible(w.act_show_list.isChecked()),
                        QCoreApplication.translate("MainWindow", "Show or hide the changes and findings"), checkable=True)
    w.act_show_list.setChecked(True)
    w.act_show_changes = a(QCoreApplication.translate("MainWindow", "C&hanges"), "Ctrl+1", lambda: w.show_side_tab(0),
                           QCoreApplication.translate("MainWindow", "Show the list of changes"))
    w.act_show_findings = a(QCoreApplication.translate("MainWindow", "Fin&dings"), "Ctrl+2", lambda: w.show_side_tab(1),
                            QCoreApplication.translate("MainWindow", "Show the findings of the cross-check"))
    w.act_find = a(QCoreApplication.translate("MainWindow", "&Find…"), QKeySequence.StandardKey.Find, w.find_bar.open_bar,
                   QCoreApplication.translate("MainWindow", "Find in both texts"))
    w.act_find_next = a(QCoreApplication.translate("MainWindow", "Find ne&xt"), "F3", w.find_bar.find_next,
                        QCoreApplication.translate("MainWindow", "Find the next match"))
    w.act_find_prev = a(QCoreApplication.translate("MainWindow", "Find pre&vious"), "Shift+F3", w.find_bar.find_previous,
                        QCoreApplication.translate("MainWindow", "Find the previous match"))
    w.act_options = a(QCoreApplication.translate("MainWindow", "&Options…"), "Ctrl+,", w.options_dialog,
                      QCoreApplication.translate("MainWindow", "Comparison options, palette, author"))
    w.act_about = a(QCoreApplication.translate("MainWindow", "&About Draft Compare"), "F1", w.about, QCoreApplication.translate("MainWindow", "About this program"))
    w.act_open_export = a(QCoreApplication.translate("MainWindow", "Open &last export"), "Ctrl+Alt+O",
                          w.exports.open_last,
                          QCoreApplication.translate("MainWindow", "Open the file exported last in its usual application"))
    w.act_open_export.setEnabled(False)
    w.exports.exported.append(lambda _path: w.act_open_export.setEnabled(True))
    w.export_actions = {}
    for spec in exports.EXPORTS:
        w.export_actions[spec.key] = a(
            exports.menu_title(spec), spec.shortcut, lambda _c=False, s=spec: w.exports.export(s),
            QCoreApplication.translate("MainWindow", "Export {title}").format(title=exports.plain_title(spec)))
    for spec in (exports.PRINT_PREVIEW, exports.PRINT):
        w.export_actions[spec.key] = a(exports.menu_title(spec), spec.shortcut,
                                       lambda _c=False, s=spec: w.exports.print_sheet(s), exports.plain_title(spec))


def build_menus(w: "MainWindow") -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    file_menu.addAction(w.act_open)
    file_menu.addAction(w.act_open_review)
    w.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Open &recent"))
    w.recent_menu.aboutToShow.connect(w._fill_recent_menu)
    fill_recent_menu(w)
    file_menu.addAction(w.act_swap)
    file_menu.addAction(w.act_reload)
    file_menu.addSeparator()
    w.export_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "&Export"))
    for spec in exports.EXPORTS:
        w.export_menu.addAction(w.export_actions[spec.key])
    w.export_menu.addSeparator()
    w.export_menu.addAction(w.export_actions["print_preview"])
    w.export_menu.addAction(w.export_actions["print"])
    file_menu.addAction(w.act_open_export)
    file_menu.addSeparator()
    file_menu.addAction(w.act_quit)
    edit = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    for act in (w.act_find, w.act_find_next, w.act_find_prev):
        edit.addAction(act)
    edit.addSeparator()
    edit.addAction(w.act_options)
    view = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    for act in (w.act_next, w.act_prev, w.act_next_finding, w.act_prev_finding, None, w.act_changed_only,
                w.act_show_list, w.act_show_changes, w.act_show_findings, None,
                w.act_zoom_in, w.act_zoom_out, w.act_zoom_reset):
        view.addSeparator() if act is None else view.addAction(act)
    bar.addMenu(QCoreApplication.translate("MainWindow", "&Help")).addAction(w.act_about)

    tools = w.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    tools.setObjectName("mainToolBar")
    tools.setIconSize(QSize(16, 16))
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for act in (w.act_open, w.act_swap, None, w.act_prev, w.act_next, w.act_changed_only, None,
                w.act_find, w.act_zoom_out, w.act_zoom_in):
        tools.addSeparator() if act is None else tools.addAction(act)


def fill_recent_menu(w: "MainWindow") -> None:
    w.recent_menu.clear()
    pairs = w.config.recent_pairs()
    for n, (draft, adopted) in enumerate(pairs, 1):
        act = w.recent_menu.addAction(f"&{n} {Path(draft).name} ↔ {Path(adopted).name}")
        act.setShortcut(QKeySequence(f"Ctrl+Alt+{n}"))
        act.setShortcutVisibleInContextMenu(True)
        act.setToolTip(f"{draft}\n{adopted}")
        act.triggered.connect(lambda _c=False, d=draft, a=adopted: w.open_pair(d, a))
    w.recent_menu.setEnabled(bool(pairs))


def build_status_bar(w: "MainWindow") -> None:
    status = w.statusBar()
    w.counts_label = QLabel()
    w.counts_label.setObjectName("countsLabel")
    w.language_label = QLabel()
    w.language_label.setObjectName("languageLabel")
    w.mode_label = QLabel()
    w.mode_label.setObjectName("modeLabel")
    w.mode_label.setContentsMargins(6, 0, 6, 0)
    w.warnings_label = QLabel()
    w.warnings_label.setObjectName("warningsLabel")
    w.warnings_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Reading notes"))
    w.progress = QProgressBar()
    w.progress.setMaximumWidth(260)
    w.progress.setRange(0, 100)
    w.cancel_button = QToolButton(text=QCoreApplication.translate("MainWindow", "Cancel"))
    w.cancel_button.setObjectName("cancelButton")
    w.cancel_button.setToolTip(QCoreApplication.translate("MainWindow", "Stop the running comparison"))
    w.cancel_button.clicked.connect(w.cancel_task)
    for label in (w.warnings_label, w.counts_label, w.language_label, w.mode_label):
        status.addPermanentWidget(label)
    status.addPermanentWidget(w.progress)
    status.addPermanentWidget(w.cancel_button)
    w.progress.hide()
    w.cancel_button.hide()
