"""Accessibility: named parts for screen readers, keyboard-only export, and 200 % scaling."""
from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog

from app.ui.application import sample_pair
from conftest import ROOT
from test_ui_main_window import TIMEOUT, make_window, open_and_wait, press


def test_every_part_has_an_accessible_name(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    view = window.view
    for widget in (view.draft_pane, view.adopted_pane, view.gutter, view.overview, window.change_list,
                   window.findings_list, window.side_tabs, window.notes_panel.editor, window.notes_panel.checked):
        assert widget.accessibleName(), widget
    for action in (window.act_next, window.act_prev, window.act_find_next):
        assert not action.shortcut().isEmpty()
    window.close()


def test_keyboard_only_navigation_and_export(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "out-tracked.docx"
    asked = []

    def save_dialog(*args, **kwargs):   # the file name the officer would type in the save dialog
        asked.append(args[1] if len(args) > 1 else "")
        return str(target), ""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    window = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, window, *sample_pair())
    press(window, Qt.Key.Key_F8)
    press(window, Qt.Key.Key_F8)
    assert window.view.current_row >= 0
    QTest.keyClick(window.view.adopted_pane, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)   # Ctrl+E
    qtbot.waitUntil(lambda: target.exists() and window.watcher is None, timeout=TIMEOUT)
    assert asked and target.stat().st_size > 0
    window.close()


def test_window_renders_at_200_percent(tmp_path):
    out = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2", HOME=str(tmp_path))
    run = subprocess.run([sys.executable, "-m", "app.ui.screenshot", str(out)], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    from PySide6.QtGui import QImage
    image = QImage(str(out))
    assert image.width() >= 2 * 1300 and image.height() >= 2 * 780   # device pixels at twice the size


def test_font_family_and_size_setting(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    window.config["font_family"] = "DejaVu Serif"
    window.config["font_size"] = 16
    window.apply_zoom()
    for pane in window.view.panes:
        assert pane.font().family() == "DejaVu Serif" and pane.font().pointSizeF() == 16
    window.zoom(1)
    assert window.view.draft_pane.font().pointSizeF() == 17
    window.close()


def test_highlight_colours_are_configurable(qtbot, tmp_path):
    from PySide6.QtGui import QColor
    window = make_window(qtbot, tmp_path)
    window.config["deleted_colour"] = "#ff00ff"
    window.config["inserted_colour"] = "not a colour"        # ignored: the palette's colour stays
    open_and_wait(qtbot, window, *sample_pair())
    from test_widgets_diff_pane import _formats_of
    assert _formats_of(window.view.draft_pane, "Republic").background().color() == QColor("#ff00ff")
    palette = window.view.draft_pane.palette_colors()
    assert palette.inserted == window.palette().inserted and palette.inserted != "not a colour"
    window.close()
