"""Reviewer notes in the window: typed on a pair, autosaved beside the documents, restored on reopen."""
from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.io import review_store
from conftest import SAMPLES
from test_ui_main_window import TIMEOUT, make_window, open_and_wait, press


def test_note_and_check_mark_survive_closing_and_reopening(qtbot, tmp_path):
    for name in ("draft_en.txt", "adopted_en.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    draft, adopted = tmp_path / "draft_en.txt", tmp_path / "adopted_en.txt"
    window = make_window(qtbot, tmp_path)
    window.review.delay = 0.1
    open_and_wait(qtbot, window, draft, adopted)
    press(window, Qt.Key.Key_F8)
    pair = window.view.current_pair
    panel = window.notes_panel
    assert panel.isEnabled() and panel.pair_index == pair
    panel.editor.setFocus()
    QTest.keyClicks(panel.editor, "Check the figure with the Mission")
    panel.checked.setChecked(True)
    review_file = review_store.review_path_for(adopted)
    qtbot.waitUntil(review_file.exists, timeout=TIMEOUT)
    window.close()
    saved = review_store.load(review_file)
    assert [(n.text, n.checked) for n in saved.notes] == [("Check the figure with the Mission", True)]
    assert window.review.notes_by_pair() == {pair: "Check the figure with the Mission"}

    again = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, again, draft, adopted)
    again.view.go_to_pair(pair)
    assert again.notes_panel.editor.toPlainText() == "Check the figure with the Mission"
    assert again.notes_panel.checked.isChecked()
    again.close()
