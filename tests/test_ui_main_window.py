"""Acceptance: the real window, driven with keys and scrollbars (pytest-qt, offscreen)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.ui.application import sample_pair
from app.ui.main_window import MainWindow
from app.ui.settings import Config
from test_ui_support import temp_settings

TIMEOUT = 30_000


def make_window(qtbot, tmp_path, size=(1200, 700)) -> MainWindow:
    window = MainWindow(Config(temp_settings(tmp_path)))
    # Reviews are kept in the profile: the test's own, never the user's.
    window.review.profile_folder = lambda: tmp_path / "profile" / "reviews"
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    yield window
    stop_tasks(window)


def stop_tasks(window) -> None:
    """After a test: cancel the window's running task and wait for the worker threads to finish."""
    if window.watcher is not None:
        window.watcher.task.cancel()
    QThreadPool.globalInstance().waitForDone(10_000)


def open_and_wait(qtbot, window: MainWindow, draft, adopted) -> None:
    window.open_pair(str(draft), str(adopted))
    assert window.watcher is not None  # the work runs in the background ...
    assert window.progress.isVisible() and window.cancel_button.isVisible()
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)  # ... and the loop kept running
    assert not window.progress.isVisible()


def message_box(window: MainWindow) -> QMessageBox | None:
    box = window._message_box
    try:
        return box if box is not None and box.isVisible() else None
    except RuntimeError:  # deleted on close
        return None


def press(window: MainWindow, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(window.view.adopted_pane, key, modifier)
    QApplication.processEvents()


def test_open_sample_and_step_through_changes(qtbot, window):
    open_and_wait(qtbot, window, *sample_pair())
    c = window.comparison
    assert c is not None and c.draft.name == "draft_en.txt" and c.adopted.name == "adopted_en.txt"
    view = window.view
    assert view.draft_pane.row_count() == view.adopted_pane.row_count() > 10
    assert "changed" in window.counts_label.text() and window.mode_label.text() == "Same-language"
    # Qt adds the application's name itself: the title does not say it (twice).
    assert window.windowTitle() == "draft_en.txt ↔ adopted_en.txt — resolution 62/15"
    # F8 visits the body's changes: the header and footer changes are passed by (issue #16).
    changes = view.step_rows()
    assert len(changes) >= 3 and window.change_model.rowCount() >= 3
    assert set(changes) < set(view.change_rows())

    press(window, Qt.Key.Key_F8)
    first = view.current_row
    assert first == changes[0]
    assert window.change_list.current_pair() == view.current_pair
    press(window, Qt.Key.Key_F8)
    press(window, Qt.Key.Key_F8)
    assert view.current_row == changes[2]
    assert window.change_list.current_pair() == view.rows[changes[2]].pair
    press(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_row == changes[1]
    assert window.change_list.current_pair() == view.rows[changes[1]].pair
    # The current row sits at the anchor of the pane that holds its text.
    master = 1 if view.rows[changes[1]].adopted else 0
    assert view.sync.anchor(master)[0] == changes[1]
    # Choosing in the list moves the panes.
    last_pair = window.change_model.pairs[-1]
    window.change_list.setFocus()
    window.change_list.setCurrentIndex(window.change_model.index(window.change_model.rowCount() - 1, 0))
    assert view.current_pair == last_pair


def test_panes_scroll_together(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, size=(1000, 420))
    open_and_wait(qtbot, window, *sample_pair())
    for _ in range(4):
        press(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)  # zoom in: long enough to scroll
    QApplication.processEvents()
    a = window.view.draft_pane.verticalScrollBar()
    b = window.view.adopted_pane.verticalScrollBar()
    assert a.maximum() > 0 and b.maximum() > 0
    changes = {"a": 0, "b": 0}
    a.valueChanged.connect(lambda _v: changes.__setitem__("a", changes["a"] + 1))
    b.valueChanged.connect(lambda _v: changes.__setitem__("b", changes["b"] + 1))
    b.setValue(b.maximum() // 2)
    QApplication.processEvents()
    assert changes == {"a": 1, "b": 1}  # followed once, no echo back
    assert 0 < a.value() < a.maximum()
    down = a.value()
    b.setValue(b.maximum())
    assert a.value() == a.maximum() > down
    a.setValue(0)
    assert b.value() == 0
    a.setValue(a.maximum() // 3)
    assert 0 < b.value() < b.maximum()
    # Scrolling onto a change makes it current, and the list follows.
    for value in range(0, b.maximum() + 1, max(1, b.maximum() // 20)):
        b.setValue(value)
    assert window.view.current_pair >= 0
    assert window.change_list.current_pair() == window.view.current_pair


def test_bad_file_shows_error_and_window_stays_usable(qtbot, window, tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(os.urandom(4096))
    draft, adopted = sample_pair()
    window.open_pair(draft, str(bad))
    qtbot.waitUntil(lambda: message_box(window) is not None, timeout=TIMEOUT)
    box = message_box(window)
    assert "broken.docx" in box.text()
    assert box.icon() == QMessageBox.Icon.Warning
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: message_box(window) is None)
    assert window.comparison is None and not window.progress.isVisible()
    open_and_wait(qtbot, window, draft, adopted)
    assert window.comparison is not None
    press(window, Qt.Key.Key_F8)
    assert window.view.current_row >= 0


def test_missing_file_names_it(qtbot, window, tmp_path):
    draft, _ = sample_pair()
    window.open_pair(draft, str(tmp_path / "nowhere.txt"))
    qtbot.waitUntil(lambda: message_box(window) is not None, timeout=TIMEOUT)
    assert "nowhere.txt" in message_box(window).text()
    message_box(window).close()


def test_seed_pair_is_cross_language(qtbot, window, seed_draft, seed_adopted):
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    assert window.comparison.cross_language
    assert window.mode_label.text() == "Cross-language"
    assert window.language_label.text() == "Languages: fr → en"
    assert "French" in window.language_label.toolTip() and "English" in window.language_label.toolTip()
    assert window.view.draft_pane.row_count() > 10


def test_swap_sides_and_recent_pairs(qtbot, window):
    draft, adopted = sample_pair()
    open_and_wait(qtbot, window, draft, adopted)
    window.act_swap.trigger()
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    assert window.comparison.draft.name == "adopted_en.txt"
    window._fill_recent_menu()
    texts = [a.text() for a in window.recent_menu.actions()]
    assert texts[0].endswith("adopted_en.txt ↔ draft_en.txt") and len(texts) == 2
    assert window.recent_menu.actions()[1].shortcut().toString() == "Ctrl+Alt+2"
    window.recent_menu.actions()[1].trigger()
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    assert window.comparison.draft.name == "draft_en.txt"


def test_dropping_a_file_replaces_that_side(qtbot, window, tmp_path):
    draft, adopted = sample_pair()
    open_and_wait(qtbot, window, draft, adopted)
    copy = tmp_path / "draft_copy.txt"
    copy.write_text(Path(adopted).read_text(encoding="utf-8"), encoding="utf-8")
    window.view.fileDropped.emit("a", str(copy))
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    assert window.comparison.draft.name == "draft_copy.txt"
    assert window.change_model.rowCount() == 0  # the same text on both sides


def test_failed_open_keeps_the_last_good_pair(qtbot, window, tmp_path):
    draft, adopted = sample_pair()
    open_and_wait(qtbot, window, draft, adopted)
    shown = window.comparison
    window.open_pair(draft, str(tmp_path / "gone.docx"))
    qtbot.waitUntil(lambda: message_box(window) is not None, timeout=TIMEOUT)
    message_box(window).close()
    assert window.comparison is shown
    assert window.paths == (draft, adopted)
    assert window.view.adopted_header.text().startswith("Adopted: adopted_en.txt")


def test_reading_notes_show_in_the_status_bar(qtbot, window, tmp_path):
    """What a reader read only in part is said in the window too, with the file named in the tooltip."""
    draft = tmp_path / "draft.txt"
    draft.write_text("Decides to remain seized\x01 of the matter.\n", encoding="utf-8")
    sample_draft, sample_adopted = sample_pair()
    open_and_wait(qtbot, window, sample_draft, sample_adopted)
    assert window.warnings_label.text() == ""
    open_and_wait(qtbot, window, draft, sample_adopted)
    assert "1" in window.warnings_label.text()
    assert "draft.txt: 1 control character" in window.warnings_label.toolTip()


def test_published_formats_open_and_drop_like_any_other(qtbot, window):
    """The open dialog offers .pdf, .odt and .html; a web page dropped on a pane is compared."""
    from app.ui.open_dialog import FILE_FILTER
    for pattern in ("*.pdf", "*.odt", "*.html", "*.docx", "*.txt", "*.md"):
        assert pattern in FILE_FILTER.split(";;")[0]
    udhr = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora" / "udhr"
    if not udhr.exists():
        pytest.skip("../shared/corpora/udhr is not beside this checkout")
    open_and_wait(qtbot, window, str(udhr / "eng.html"), str(udhr / "eng.html"))
    window.view.fileDropped.emit("a", str(udhr / "fra.html"))
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    assert window.comparison.draft.name == "fra.html" and window.comparison.draft.format == "html"
    assert window.comparison.cross_language


def test_f9_hides_and_shows_the_side_panel(qtbot, window):
    draft, adopted = sample_pair()
    open_and_wait(qtbot, window, draft, adopted)
    window.show()
    qtbot.waitExposed(window)
    assert window.side_tabs.isVisible()
    QTest.keyClick(window, Qt.Key.Key_F9)
    assert not window.side_tabs.isVisible() and not window.act_show_list.isChecked()
    QTest.keyClick(window, Qt.Key.Key_F9)
    assert window.side_tabs.isVisible() and window.act_show_list.isChecked()
