"""Actions, menus, toolbar, status bar and the Help menu's boxes of the review window.

The actions live in one map, ``window.actions``, keyed by ``Act``; each is declared once in ``SPECS``
(text, shortcut, slot, tip). Every action has a shortcut, shown in its menu and listed in the About box,
and is added to the window itself so its key works with the menu bar hidden. Texts are marked with
QT_TRANSLATE_NOOP in the "MainWindow" context (pyside6-lupdate finds them) and translated when built.
"""
from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMessageBox, QProgressBar, QToolButton

from app.ui import exports
from widgets.palette import legend_html

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)
Key = QKeySequence.StandardKey
SIDE_SHARE = 0.36      # the side panel never takes more of the window's width: the panes keep the rest
SIDE_MINIMUM = 120
SIDE_DEFAULT = 320


class Act(Enum):
    """The window's actions; ``window.act_<name in lower case>`` names the same QAction."""

    OPEN = "open"
    OPEN_REVIEW = "open_review"
    OPEN_TRAIL = "open_trail"
    SAVE_REVIEW_AS = "save_review_as"
    SWAP = "swap"
    RELOAD = "reload"
    QUIT = "quit"
    NEXT = "next"
    PREV = "prev"
    NEXT_FINDING = "next_finding"
    PREV_FINDING = "prev_finding"
    CHANGED_ONLY = "changed_only"
    INCLUDE_MATTER = "include_matter"
    SHOW_LIST = "show_list"
    SHOW_CHANGES = "show_changes"
    SHOW_FINDINGS = "show_findings"
    SHOW_NOTES = "show_notes"
    SHOW_HISTORY = "show_history"
    ZOOM_IN = "zoom_in"
    ZOOM_OUT = "zoom_out"
    ZOOM_RESET = "zoom_reset"
    FIND = "find"
    FIND_NEXT = "find_next"
    FIND_PREV = "find_prev"
    OPTIONS = "options"
    LEGEND = "legend"
    ABOUT = "about"
    OPEN_EXPORT = "open_export"


@dataclass(frozen=True)
class ActionSpec:
    text: str
    shortcut: object                          # a key string, a StandardKey, or a list of them
    slot: Callable[["MainWindow"], Callable]  # the window -> what the action calls
    tip: str = ""
    checkable: bool = False


SPECS: dict[Act, ActionSpec] = {
    Act.OPEN: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Open…"), Key.Open, lambda w: w.open_dialog,
                         QT_TRANSLATE_NOOP("MainWindow", "Open a draft and an adopted text")),
    Act.OPEN_REVIEW: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Open re&view…"), "Ctrl+Shift+O",
                                lambda w: w.open_review_dialog,
                                QT_TRANSLATE_NOOP("MainWindow", "Open a saved review (.dcreview) with its two documents")),
    Act.OPEN_TRAIL: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Open &trail…"), "Ctrl+Shift+T",
                               lambda w: (lambda _c=False: w.trails.open_dialog()),
                               QT_TRANSLATE_NOOP("MainWindow", "Open 2 to 10 versions of one resolution as a negotiation trail")),
    Act.SAVE_REVIEW_AS: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Save review &as…"), "Ctrl+Shift+S",
                                   lambda w: (lambda _c=False: w.review.save_as()),
                                   QT_TRANSLATE_NOOP("MainWindow", "Keep the notes of this pair in a file of your choice")),
    Act.SWAP: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "S&wap sides"), "Ctrl+Shift+W", lambda w: w.swap_sides,
                         QT_TRANSLATE_NOOP("MainWindow", "Compare the other way round")),
    Act.RELOAD: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Reload"), "F5", lambda w: w.reload,
                           QT_TRANSLATE_NOOP("MainWindow", "Read both files again and compare")),
    Act.QUIT: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Quit"), "Ctrl+Q", lambda w: w.close,
                         QT_TRANSLATE_NOOP("MainWindow", "Quit Draft Compare")),
    Act.NEXT: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Next change"), "F8", lambda w: w.next_change,
                         QT_TRANSLATE_NOOP("MainWindow", "Go to the next change")),
    Act.PREV: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Previous change"), "Shift+F8", lambda w: w.previous_change,
                         QT_TRANSLATE_NOOP("MainWindow", "Go to the previous change")),
    Act.NEXT_FINDING: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Next &finding"), "F7", lambda w: w.next_finding,
                                 QT_TRANSLATE_NOOP("MainWindow", "Go to the next finding")),
    Act.PREV_FINDING: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Previous f&inding"), "Shift+F7",
                                 lambda w: w.previous_finding,
                                 QT_TRANSLATE_NOOP("MainWindow", "Go to the previous finding")),
    Act.CHANGED_ONLY: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Changed paragraphs only"), "Ctrl+Shift+H",
                                 lambda w: w.set_changed_only,
                                 QT_TRANSLATE_NOOP("MainWindow", "Hide paragraphs that did not change"), True),
    Act.INCLUDE_MATTER: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Include &header and footer changes"),
                                   "Ctrl+Shift+B", lambda w: w.set_include_matter,
                                   QT_TRANSLATE_NOOP("MainWindow", "Let F8 stop on changes of the header block, title, meeting lines and footer"),  # noqa: E501
                                   True),
    Act.SHOW_LIST: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Side &panel"), "F9", lambda w: w.toggle_side_panel,
                              QT_TRANSLATE_NOOP("MainWindow", "Show or hide the changes and findings"), True),
    Act.SHOW_CHANGES: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "C&hanges"), "Ctrl+1",
                                 lambda w: (lambda: w.show_side_tab(0)),
                                 QT_TRANSLATE_NOOP("MainWindow", "Show the list of changes")),
    Act.SHOW_FINDINGS: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Fin&dings"), "Ctrl+2",
                                  lambda w: (lambda: w.show_side_tab(1)),
                                  QT_TRANSLATE_NOOP("MainWindow", "Show the findings of the cross-check")),
    Act.SHOW_NOTES: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Notes"), "Ctrl+3",
                               lambda w: (lambda: w.show_side_tab(2)),
                               QT_TRANSLATE_NOOP("MainWindow", "Show your notes")),
    Act.SHOW_HISTORY: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Histor&y"), "Ctrl+4",
                                 lambda w: (lambda: w.show_side_tab(w.trails.history_tab)),
                                 QT_TRANSLATE_NOOP("MainWindow", "Show the paragraph's history along the trail")),
    Act.ZOOM_IN: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Zoom &in"), ["Ctrl++", "Ctrl+="],
                            lambda w: (lambda: w.zoom(+1)), QT_TRANSLATE_NOOP("MainWindow", "Larger text")),
    Act.ZOOM_OUT: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Zoom &out"), "Ctrl+-", lambda w: (lambda: w.zoom(-1)),
                             QT_TRANSLATE_NOOP("MainWindow", "Smaller text")),
    Act.ZOOM_RESET: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Reset zoom"), "Ctrl+0",
                               lambda w: (lambda: w.zoom(None)), QT_TRANSLATE_NOOP("MainWindow", "Default text size")),
    Act.FIND: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Find…"), Key.Find, lambda w: w.find_bar.open_bar,
                         QT_TRANSLATE_NOOP("MainWindow", "Find in both texts")),
    Act.FIND_NEXT: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Find ne&xt"), "F3", lambda w: w.find_bar.find_next,
                              QT_TRANSLATE_NOOP("MainWindow", "Find the next match")),
    Act.FIND_PREV: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Find pre&vious"), "Shift+F3",
                              lambda w: w.find_bar.find_previous,
                              QT_TRANSLATE_NOOP("MainWindow", "Find the previous match")),
    Act.OPTIONS: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Options…"), "Ctrl+,", lambda w: w.options_dialog,
                            QT_TRANSLATE_NOOP("MainWindow", "Comparison options, palette, author")),
    Act.LEGEND: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&Legend"), "Shift+F1", lambda w: (lambda: show_legend(w)),
                           QT_TRANSLATE_NOOP("MainWindow", "What the colours and marks mean")),
    Act.ABOUT: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "&About Draft Compare"), "F1", lambda w: (lambda: show_about(w)),
                          QT_TRANSLATE_NOOP("MainWindow", "About this program, its version and its keys")),
    Act.OPEN_EXPORT: ActionSpec(QT_TRANSLATE_NOOP("MainWindow", "Open &last export"), "Ctrl+Alt+O",
                                lambda w: w.exports.open_last,
                                QT_TRANSLATE_NOOP("MainWindow", "Open the file exported last in its usual application")),
}


def make_action(window: "MainWindow", text: str, shortcut, slot: Callable, tip: str = "",
                checkable: bool = False) -> QAction:
    """A window action with its shortcuts (shown in menus), tip and slot."""
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
    """``w.actions`` (and ``w.act_<name>`` for each), then the export and print actions."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    w.actions = {}
    for key, spec in SPECS.items():
        w.actions[key] = make_action(w, tr(spec.text), spec.shortcut, spec.slot(w), tr(spec.tip), spec.checkable)
        setattr(w, f"act_{key.value}", w.actions[key])
    w.actions[Act.CHANGED_ONLY].setChecked(w.config["changed_only"])
    w.actions[Act.INCLUDE_MATTER].setChecked(w.config["include_matter"])
    w.actions[Act.SHOW_LIST].setChecked(True)
    w.actions[Act.OPEN_EXPORT].setEnabled(False)
    w.exports.exported.append(lambda _path: w.actions[Act.OPEN_EXPORT].setEnabled(True))
    w.export_actions = {}
    for spec in exports.EXPORTS:
        w.export_actions[spec.key] = make_action(
            w, exports.menu_title(spec), spec.shortcut, lambda _c=False, s=spec: w.exports.export(s),
            QCoreApplication.translate("MainWindow", "Export {title}").format(title=exports.plain_title(spec)))
    for spec in (exports.PRINT_PREVIEW, exports.PRINT):
        w.export_actions[spec.key] = make_action(w, exports.menu_title(spec), spec.shortcut,
                                                 lambda _c=False, s=spec: w.exports.print_sheet(s),
                                                 exports.plain_title(spec))
    w.trail_export_actions = {}          # enabled while a trail is open (MainWindow._update_actions)
    for spec in exports.TRAIL_EXPORTS:
        w.trail_export_actions[spec.key] = make_action(
            w, exports.menu_title(spec), spec.shortcut, lambda _c=False, s=spec: w.exports.export_trail(s),
            QCoreApplication.translate("MainWindow", "Export {title}").format(title=exports.plain_title(spec)))


MENUS = (
    (QT_TRANSLATE_NOOP("MainWindow", "&File"), (Act.OPEN, Act.OPEN_REVIEW, Act.OPEN_TRAIL, Act.SAVE_REVIEW_AS,
                                                "recent", Act.SWAP,
                                                Act.RELOAD, None, "export", Act.OPEN_EXPORT, None, Act.QUIT)),
    (QT_TRANSLATE_NOOP("MainWindow", "&Edit"), (Act.FIND, Act.FIND_NEXT, Act.FIND_PREV, None, Act.OPTIONS)),
    (QT_TRANSLATE_NOOP("MainWindow", "&View"), (Act.NEXT, Act.PREV, Act.NEXT_FINDING, Act.PREV_FINDING, None,
                                                Act.CHANGED_ONLY, Act.INCLUDE_MATTER, None, Act.SHOW_LIST,
                                                Act.SHOW_CHANGES, Act.SHOW_FINDINGS, Act.SHOW_NOTES,
                                                Act.SHOW_HISTORY, None,
                                                Act.ZOOM_IN, Act.ZOOM_OUT, Act.ZOOM_RESET)),
    (QT_TRANSLATE_NOOP("MainWindow", "&Help"), (Act.LEGEND, Act.ABOUT)),
)
TOOLBAR = (Act.OPEN, Act.SWAP, None, Act.PREV, Act.NEXT, Act.CHANGED_ONLY, None, Act.FIND, Act.ZOOM_OUT, Act.ZOOM_IN)


def build_menus(w: "MainWindow") -> None:
    """The menu bar (from ``MENUS``) and the toolbar."""
    bar = w.menuBar()
    for title, items in MENUS:
        menu = bar.addMenu(QCoreApplication.translate("MainWindow", title))
        for item in items:
            if item is None:
                menu.addSeparator()
            elif item == "recent":
                w.recent_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "Open &recent"))
                w.recent_menu.aboutToShow.connect(w._fill_recent_menu)
                fill_recent_menu(w)
            elif item == "export":
                w.export_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Export"))
                for spec in exports.EXPORTS:
                    w.export_menu.addAction(w.export_actions[spec.key])
                w.export_menu.addSeparator()
                w.export_menu.addAction(w.export_actions["print_preview"])
                w.export_menu.addAction(w.export_actions["print"])
                w.export_menu.addSeparator()
                for action in w.trail_export_actions.values():
                    w.export_menu.addAction(action)
            else:
                menu.addAction(w.actions[item])
    tools = w.addToolBar(QCoreApplication.translate("MainWindow", "Main"))
    tools.setObjectName("mainToolBar")
    tools.setIconSize(QSize(16, 16))
    tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for act in TOOLBAR:
        tools.addSeparator() if act is None else tools.addAction(w.actions[act])


def recent_titles(pairs: list[tuple[str, str]]) -> list[str]:
    """"draft ↔ adopted" for each pair, with the folder that tells apart entries sharing those names."""
    names = [f"{Path(d).name} ↔ {Path(a).name}" for d, a in pairs]
    titles = []
    for (draft, adopted), name in zip(pairs, names):
        twins = [p for p, n in zip(pairs, names) if n == name]
        if len(twins) == 1:
            titles.append(name)
            continue
        choices = (lambda p: Path(p[1]).parent.name, lambda p: Path(p[0]).parent.name,
                   lambda p: str(Path(p[1]).parent), lambda p: f"{Path(p[0]).parent} ↔ {Path(p[1]).parent}")
        for folder_of in choices:
            folders = [folder_of(p) for p in twins]
            if len(set(folders)) == len(folders) or folder_of is choices[-1]:
                titles.append(f"{name} — {folder_of((draft, adopted))}")
                break
    return titles


def fill_recent_menu(w: "MainWindow") -> None:
    """File > Open recent: newest first, Ctrl+Alt+1…8, the folder shown when two entries share names."""
    w.recent_menu.clear()
    pairs = w.config.recent_pairs()
    for n, ((draft, adopted), title) in enumerate(zip(pairs, recent_titles(pairs)), 1):
        act = w.recent_menu.addAction(f"&{n} {title}")
        act.setShortcut(QKeySequence(f"Ctrl+Alt+{n}"))
        act.setShortcutVisibleInContextMenu(True)
        act.setToolTip(f"{draft}\n{adopted}")
        act.triggered.connect(lambda _c=False, d=draft, a=adopted: w.open_pair(d, a))
    w.recent_menu.setEnabled(bool(pairs))


def build_status_bar(w: "MainWindow") -> None:
    """Permanent labels (reading notes, where the notes are kept, counts, languages, mode), the progress
    bar and the Cancel button."""
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
    w.notes_label = QLabel()
    w.notes_label.setObjectName("notesLabel")
    w.notes_label.setAccessibleName(QCoreApplication.translate("MainWindow", "Where the notes are kept"))
    w.progress = QProgressBar()
    w.progress.setMaximumWidth(420)
    w.progress.setRange(0, 100)
    w.cancel_button = QToolButton(text=QCoreApplication.translate("MainWindow", "Cancel"))
    w.cancel_button.setObjectName("cancelButton")
    w.cancel_button.setToolTip(QCoreApplication.translate("MainWindow", "Stop the running comparison"))
    for label in (w.warnings_label, w.notes_label, w.counts_label, w.language_label, w.mode_label):
        status.addPermanentWidget(label)
    status.addPermanentWidget(w.progress)
    status.addPermanentWidget(w.cancel_button)
    w.progress.hide()
    w.cancel_button.hide()


def show_side_panel(w: "MainWindow", on: bool) -> None:
    """Show (F9, Ctrl+1/2/3) or hide the side panel; folded away by its splitter, it comes back at a usable
    width."""
    w.act_show_list.setChecked(on)
    w.side_tabs.setVisible(on)
    if on and w.splitter.sizes()[0] == 0:
        w.side_width = max(w.side_width, SIDE_DEFAULT)
        w.splitter.setSizes([w.side_width, max(1, sum(w.splitter.sizes()) - w.side_width)])
    fit_side_panel(w)


def side_panel_moved(w: "MainWindow") -> None:
    """The officer dragged the splitter: that width is the one wanted (folded away: the panel is hidden)."""
    side = w.splitter.sizes()[0]
    if side > 0:
        w.side_width = side
    w.act_show_list.setChecked(w.side_tabs.isVisible() and side > 0)


def fit_side_panel(w: "MainWindow") -> None:
    """The side panel yields to the panes on small windows (never more than SIDE_SHARE of the width) and
    comes back to the width the officer chose when the window grows again."""
    sizes = w.splitter.sizes()
    total = sum(sizes)
    if total <= 0 or sizes[0] == 0 or not w.side_tabs.isVisibleTo(w):
        return
    side = min(w.side_width, max(SIDE_MINIMUM, int(w.width() * SIDE_SHARE)))   # the splitter may lag behind
    if side != sizes[0]:
        w.splitter.setSizes([side, total - side])


def show_notes_place(w: "MainWindow", path: str, place: str) -> None:
    """The status bar's word on where the notes are kept; the whole path as its tooltip."""
    texts = {"profile": QCoreApplication.translate("MainWindow", "Notes: in your profile"),
             "beside": QCoreApplication.translate("MainWindow", "Notes: beside the adopted text"),
             "chosen": QCoreApplication.translate("MainWindow", "Notes: {name}").format(name=Path(path).name)}
    w.notes_label.setText(texts.get(place, ""))
    w.notes_label.setToolTip(QCoreApplication.translate(
        "MainWindow", "Your notes on this pair are kept in {path} (File > Save review as… to keep them elsewhere)")
        .format(path=path) if path else "")


def version() -> str:
    """The installed package's version (its metadata), else what the source says."""
    from importlib import metadata
    try:
        return metadata.version("draftcompare")
    except metadata.PackageNotFoundError:
        log.info("no package metadata for draftcompare (running from a bundle or a bare checkout)")
        import app
        return getattr(app, "__version__", "") or QCoreApplication.translate("MainWindow", "(version unknown)")


def shortcut_rows(w: "MainWindow") -> list[tuple[str, str]]:
    """(keys, what they do) for every action of the menus, in menu order."""
    rows = []
    actions = []
    for _title, items in MENUS:
        for item in items:
            if isinstance(item, Act):
                actions.append(w.actions[item])
            elif item == "export":
                actions += list(w.export_actions.values()) + list(w.trail_export_actions.values())
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        rows.append((keys, action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")))
    rows.append(("Ctrl+Alt+1…8", QCoreApplication.translate("MainWindow", "Open a recent pair")))
    return rows


def show_about(w: "MainWindow") -> QMessageBox:
    """Help > About: the version, what the program does, every shortcut and where the log is."""
    from app.logsetup import log_dir, log_path
    path = log_path()
    log_line = (QCoreApplication.translate("MainWindow", "Log file: {path}").format(path=path) if path is not None
                else QCoreApplication.translate("MainWindow", "No log file is being written (its folder: {folder})")
                .format(folder=log_dir()))
    head = QCoreApplication.translate("MainWindow", "Draft Compare {version}").format(version=version())
    about = QCoreApplication.translate("MainWindow", "Draft Compare: a draft resolution beside the adopted text, aligned paragraph by paragraph, with word changes, moves and cross-language checks.")  # noqa: E501
    rows = shortcut_rows(w)
    half = (len(rows) + 1) // 2                     # two columns: the box stays shorter than a small screen

    def cells(k: int) -> str:
        if k >= len(rows):
            return "<td></td><td></td>"
        key, what = rows[k]
        nowrap = "white-space:nowrap"
        return (f"<td style='padding-right:8px; {nowrap}'><b>{html.escape(key)}</b></td>"
                f"<td style='padding-right:18px; {nowrap}'>{html.escape(what)}</td>")
    keys = "".join(f"<tr>{cells(k)}{cells(k + half)}</tr>" for k in range(half))
    keys_title = QCoreApplication.translate("MainWindow", "Keys")
    text = f"<p><b>{html.escape(head)}</b></p><p>{html.escape(about)}</p>"
    detail = f"<p><b>{html.escape(keys_title)}</b></p><table>{keys}</table><p>{html.escape(log_line)}</p>"
    return w.show_message(QCoreApplication.translate("MainWindow", "About Draft Compare"), text, detail=detail,
                          icon=QMessageBox.Icon.Information)


def show_legend(w: "MainWindow") -> QMessageBox:
    """Help > Legend: what the colours, bands and marks of the panes mean, in the palette in use."""
    return w.show_message(QCoreApplication.translate("MainWindow", "Legend"), legend_html(w.palette()),
                          icon=QMessageBox.Icon.Information)
