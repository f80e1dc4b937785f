"""Window actions on a comparison built by hand: exports, cancel, zoom, find, filter, dialogs, state."""
from __future__ import annotations

import sys
import threading
import time
import types
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.io.errors import ExportError
from app.ui import exports, main_window
from app.ui.open_dialog import OpenPairDialog
from app.ui.options_dialog import OptionsDialog
from app.ui.settings import Config
from test_ui_main_window import make_window, message_box, press, stop_tasks
from test_ui_support import compare_texts, long_texts, temp_settings
from widgets.diff_pane import is_gap


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.show_comparison(compare_texts(*long_texts()))
    QApplication.processEvents()
    yield window
    stop_tasks(window)


def fake_module(monkeypatch, name: str, **functions) -> None:
    module = types.ModuleType(name)
    for key, fn in functions.items():
        setattr(module, key, fn)
    monkeypatch.setitem(sys.modules, name, module)


def test_every_action_has_a_shortcut_shown_in_menus(window):
    def walk(menu):
        for act in menu.actions():
            if act.menu() is not None:
                yield from walk(act.menu())
            elif not act.isSeparator():
                yield act
    actions = [a for m in window.menuBar().actions() for a in walk(m.menu())]
    assert len(actions) >= 20
    assert [a.text() for a in actions if a.shortcut().isEmpty()] == []
    assert window.act_next.shortcut().toString() == "F8"
    assert window.act_prev.shortcut().toString() == "Shift+F8"
    export_titles = [a.text().replace("&", "") for a in window.export_menu.actions() if not a.isSeparator()]
    assert export_titles == ["Tracked changes (.docx)…", "Annotated (.docx)…", "Comparison sheet (PDF)…",
                             "Comparison sheet (.docx)…", "Print preview…", "Print…", "Trail sheet (PDF)…",
                             "Cumulative tracked changes (.docx)…", "Trail (JSON)…"]   # a trail's (issue #19)


def test_export_runs_in_background_and_reports_success(qtbot, window, monkeypatch, tmp_path):
    calls = []

    def export_tracked(comparison, out_path, *, author):
        calls.append((comparison, out_path, author, threading.current_thread() is threading.main_thread()))
        return out_path

    fake_module(monkeypatch, "app.io.export_tracked", export_tracked=export_tracked)
    window.config["author"] = "Reviewer One"
    seen = {}

    def save_dialog(parent, title, default, file_filter):
        seen["default"] = default
        return str(tmp_path / "out"), file_filter

    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName", save_dialog)
    window.export_actions["tracked"].trigger()
    qtbot.waitUntil(lambda: bool(calls) and window.watcher is None, timeout=10_000)
    comparison, out_path, author, on_gui_thread = calls[0]
    assert comparison is window.comparison and author == "Reviewer One" and not on_gui_thread
    assert out_path == str(tmp_path / "out.docx")
    assert seen["default"].endswith("adopted-tracked.docx")
    assert "Saved" in window.statusBar().currentMessage()


def test_export_failure_shows_the_reason(qtbot, window, monkeypatch, tmp_path):
    def export_sheet_docx(comparison, out_path, *, collapse_equal=False, notes=None, language="en"):
        raise ExportError(out_path, "the folder is read-only")

    fake_module(monkeypatch, "app.io.export_sheet_docx", export_sheet_docx=export_sheet_docx)
    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName",
                        lambda *a: (str(tmp_path / "sheet.docx"), ""))
    window.export_actions["sheet_docx"].trigger()
    qtbot.waitUntil(lambda: message_box(window) is not None, timeout=10_000)
    box = message_box(window)
    assert "read-only" in box.text() and "sheet.docx" in box.text()
    box.close()


def test_missing_exporter_says_not_available(qtbot, window, monkeypatch):
    monkeypatch.setitem(sys.modules, "app.io.export_annotated", None)  # import raises ImportError
    asked = []
    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName", lambda *a: asked.append(a) or ("", ""))
    window.export_actions["annotated"].trigger()
    box = message_box(window)
    assert box is not None and "not available" in box.text() and asked == []
    box.close()


def test_print_preview_gets_window_and_comparison(window, monkeypatch):
    seen = []
    fake_module(monkeypatch, "app.ui.sheet_print",
                print_preview=lambda parent, c, notes=None, language="en": seen.append((parent, c, notes, language)),
                print_sheet=lambda parent, c, notes=None, language="en": seen.append(("print", c, notes, language)))
    window.export_actions["print_preview"].trigger()
    window.export_actions["print"].trigger()
    notes = window.review.notes_by_pair()
    assert seen == [(window, window.comparison, notes, "en"), ("print", window.comparison, notes, "en")]


def test_compare_can_be_cancelled_and_window_stays_responsive(qtbot, window, monkeypatch):
    started = threading.Event()

    def slow_work(draft, adopted, options):
        def work(progress, is_cancelled):
            started.set()
            for n in range(1000):
                if is_cancelled():
                    from app.core.compare import Cancelled
                    raise Cancelled()
                progress("Aligning paragraphs", n / 1000)
                time.sleep(0.01)
            raise AssertionError("not cancelled")
        return work

    monkeypatch.setattr(main_window, "compare_work", slow_work)
    before = window.comparison
    window.open_pair("/tmp/a.txt", "/tmp/b.txt")
    qtbot.waitUntil(started.is_set, timeout=5000)
    qtbot.waitUntil(lambda: window.progress.value() > 0, timeout=5000)  # progress arrives while we wait
    press(window, Qt.Key.Key_F8)  # the GUI still handles input
    QTest.mouseClick(window.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.watcher is None, timeout=5000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert window.comparison is before and not window.progress.isVisible()


def test_newer_compare_supersedes_older(qtbot, window, monkeypatch):
    release = threading.Event()
    results = {"/tmp/old.txt": compare_texts(["PP1. Old,"], ["PP1. Old text,"]),
               "/tmp/new.txt": compare_texts(["PP1. New,"], ["PP1. New text,"])}

    def work_for(draft, adopted, options):
        def work(progress, is_cancelled):
            if draft == "/tmp/old.txt":
                release.wait(5)
            return results[draft]
        return work

    monkeypatch.setattr(main_window, "compare_work", work_for)
    window.open_pair("/tmp/old.txt", "/tmp/x.txt")
    window.open_pair("/tmp/new.txt", "/tmp/x.txt")
    qtbot.waitUntil(lambda: window.watcher is None, timeout=5000)
    release.set()
    QThreadPool.globalInstance().waitForDone(5000)
    QApplication.processEvents()
    assert window.comparison is results["/tmp/new.txt"]


def test_zoom_keys_change_text_size_and_persist(window):
    size = window.view.draft_pane.font().pointSizeF()
    press(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    press(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.draft_pane.font().pointSizeF() == size + 2
    assert window.view.adopted_pane.document().defaultFont().pointSizeF() == size + 2
    assert window.config["zoom"] == 2
    press(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.adopted_pane.font().pointSizeF() == size + 1
    press(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.adopted_pane.font().pointSizeF() == size


def test_find_bar_searches_both_panes(qtbot, window):
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    QTest.keyClicks(window.find_bar.edit, "Inserted paragraph")
    # Only in the adopted text: found there, after the draft came up empty.
    assert window.view.adopted_pane.textCursor().selectedText() == "Inserted paragraph"
    assert window.find_bar.status.text().startswith("1 match")
    window.find_bar.edit.setText("w1 ")
    total = window.find_bar.highlight_all()
    draft_hits = len(window.view.draft_pane.extraSelections())
    assert total > draft_hits > 0
    panes_seen = set()
    for _ in range(total + 1):
        QTest.keyClick(window.find_bar.edit, Qt.Key.Key_F3)
        panes_seen.add(window.find_bar._pane)
    assert panes_seen == {0, 1}  # next wraps from the draft into the adopted text and back
    QTest.keyClick(window.find_bar.edit, Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible() and window.view.draft_pane.extraSelections() == []


def test_changed_only_filter(window):
    all_rows = window.view.draft_pane.row_count()
    press(window, Qt.Key.Key_F8)
    pair = window.view.current_pair
    press(window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.act_changed_only.isChecked() and window.config["changed_only"]
    rows = window.view.rows
    # Changes only, and a marker wherever unchanged paragraphs are hidden (issue #16).
    assert 0 < len(rows) < all_rows and all(r.is_change or is_gap(r) for r in rows)
    assert any(is_gap(r) for r in rows) and not any(is_gap(a) and is_gap(b) for a, b in zip(rows, rows[1:]))
    assert window.view.current_pair == pair  # still on the same change
    window.act_changed_only.trigger()
    assert window.view.draft_pane.row_count() == all_rows


def test_palette_setting_reaches_the_panes(window):
    from widgets.palette import COLOUR_BLIND
    window.config["palette"] = "okabe-ito"
    window.show_comparison(window.comparison)
    assert window.view.palette_colors is COLOUR_BLIND


def test_options_dialog_writes_typed_settings(qtbot, tmp_path):
    config = Config(temp_settings(tmp_path))
    dialog = OptionsDialog(config)
    qtbot.addWidget(dialog)
    dialog.checks["ignore_case"].setChecked(True)
    dialog.checks["ignore_labels"].setChecked(False)
    dialog.cross.setCurrentIndex(dialog.cross.findData("never"))
    dialog.palette_box.setCurrentIndex(dialog.palette_box.findData("okabe-ito"))
    dialog.author.setText("A. Officer")
    dialog.accept()
    options = config.compare_options()
    assert options.ignore_case and not options.ignore_labels and options.cross_language == "never"
    assert config["palette"] == "okabe-ito" and config.author() == "A. Officer"


def test_open_dialog_needs_two_existing_files_and_swaps(qtbot, tmp_path):
    a, b = tmp_path / "draft.docx", tmp_path / "adopted.docx"
    a.write_bytes(b"x")
    dialog = OpenPairDialog(str(a), str(tmp_path / "missing.docx"))
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(QDialogButtonBox.StandardButton.Open)
    assert not open_button.isEnabled()
    b.write_bytes(b"x")
    dialog.adopted_edit.setText(str(b))
    assert open_button.isEnabled()
    dialog.swap()
    assert dialog.paths() == (str(b), str(a))


def test_geometry_and_splitter_are_restored(qtbot, tmp_path):
    first = make_window(qtbot, tmp_path, size=(720, 520))  # within the 800x600 offscreen screen
    first.splitter.setSizes([180, 500])
    sizes = first.splitter.sizes()
    first.close()
    second = main_window.MainWindow(Config(temp_settings(tmp_path)))
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (720, 520)
    assert second.splitter.sizes() == sizes


def test_the_exported_file_can_be_opened_from_the_status_bar_and_the_file_menu(qtbot, window, monkeypatch,
                                                                               tmp_path):
    def export_sheet_docx(comparison, out_path, *, collapse_equal=False, notes=None, language="en"):
        Path(out_path).write_bytes(b"PK")
        return out_path

    fake_module(monkeypatch, "app.io.export_sheet_docx", export_sheet_docx=export_sheet_docx)
    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path / "sheet.docx"), ""))
    opened = []
    monkeypatch.setattr(exports.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    assert not window.act_open_export.isEnabled()
    window.export_actions["sheet_docx"].trigger()
    qtbot.waitUntil(lambda: window.watcher is None and window.exports.last_path is not None, timeout=10_000)
    button = window.exports.open_button
    assert button.isVisible() and button.text() == "Open sheet.docx"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened == [str(tmp_path / "sheet.docx")] and not button.isVisible()
    assert window.act_open_export.isEnabled()
    (tmp_path / "sheet.docx").unlink()
    window.act_open_export.trigger()
    assert len(opened) == 1 and "no longer there" in window.statusBar().currentMessage()
