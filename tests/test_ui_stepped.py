"""PDF sheets from the window are painted on the GUI thread a slice at a time (app.ui.stepped), on a
GA resolution (80/5, early extraction against the clean text: 196 pairs, 26 pages): the window keeps
running, shows progress, can cancel with nothing written, and finishes the file before the window
closes or another pair is opened."""
from __future__ import annotations

import subprocess
import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from conftest import SHARED
from app.io.pipeline import compare_files

GA = SHARED / "corpora" / "un-ga80"


@pytest.fixture(scope="module")
def resolution():
    draft, adopted = GA / "early-extraction" / "A_RES_80_5.md", GA / "clean" / "A_RES_80_5.md"
    if not draft.exists():
        pytest.skip("../shared/corpora/un-ga80 is not beside this checkout")
    return compare_files(draft, adopted)


def _window(qtbot, tmp_path, monkeypatch, comparison, target):
    from app.ui import exports
    from test_ui_main_window import make_window
    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    window = make_window(qtbot, tmp_path)
    window.show_comparison(comparison)
    return window


def _under_way(qtbot, tmp_path, monkeypatch, comparison):
    """A window exporting ``comparison``'s PDF sheet to tmp_path/sheet.pdf, a first slice painted."""
    target = tmp_path / "sheet.pdf"
    window = _window(qtbot, tmp_path, monkeypatch, comparison, target)
    window.export_actions["sheet_pdf"].trigger()
    qtbot.waitUntil(lambda: window.progress.value() > 0, timeout=60_000)
    assert not target.exists()
    return window, target


def _left_behind(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_the_pdf_sheet_is_painted_on_the_gui_thread_while_the_window_runs(qtbot, tmp_path, monkeypatch, resolution):
    from app.ui import paged_grid, stepped
    monkeypatch.setattr(stepped, "SLICE_SECONDS", 0.001)   # about one step (a page) a slice, however fast
    threads, real = [], paged_grid._document
    monkeypatch.setattr(paged_grid, "_document",
                        lambda *a, **k: threads.append(threading.current_thread()) or real(*a, **k))
    target = tmp_path / "sheet.pdf"
    window = _window(qtbot, tmp_path, monkeypatch, resolution, target)
    seen = []                                            # the progress bar, read by the event loop
    timer = QTimer()
    timer.timeout.connect(lambda: seen.append(window.progress.value()) if window.watcher is not None else None)
    timer.start(5)
    window.export_actions["sheet_pdf"].trigger()
    assert window.watcher is not None and window.cancel_button.isVisible()
    qtbot.waitUntil(lambda: window.watcher is None, timeout=60_000)
    timer.stop()
    assert "Saved" in window.statusBar().currentMessage()
    assert threads and all(t is threading.main_thread() for t in threads)
    assert len(set(seen)) >= 10 and seen == sorted(seen) and max(seen) > 50
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "Page 26 of 26" in text and _left_behind(tmp_path) == []
    window.close()


def test_cancelling_a_pdf_sheet_writes_nothing_and_the_next_export_works(qtbot, tmp_path, monkeypatch, resolution):
    window, target = _under_way(qtbot, tmp_path, monkeypatch, resolution)
    window.cancel_button.click()
    assert window.watcher is None and not window.progress.isVisible()
    assert "cancelled" in window.statusBar().currentMessage()
    qtbot.wait(50)
    assert not target.exists() and _left_behind(tmp_path) == []
    window.export_actions["sheet_pdf"].trigger()
    qtbot.waitUntil(lambda: window.watcher is None, timeout=60_000)
    assert target.read_bytes().rstrip().endswith(b"%%EOF")
    window.close()


def test_closing_the_window_during_a_pdf_sheet_finishes_it_first(qtbot, tmp_path, monkeypatch, resolution):
    window, target = _under_way(qtbot, tmp_path, monkeypatch, resolution)
    window.close()                                       # the file asked for is written, never lost
    assert window.watcher is None and target.read_bytes().rstrip().endswith(b"%%EOF")
    assert _left_behind(tmp_path) == [] and window.findChild(QMessageBox) is None


def test_opening_another_pair_during_a_pdf_sheet_finishes_it_first(qtbot, tmp_path, monkeypatch, resolution):
    from conftest import SAMPLES
    window, target = _under_way(qtbot, tmp_path, monkeypatch, resolution)
    window.open_pair(str(SAMPLES / "draft_en.txt"), str(SAMPLES / "adopted_en.txt"))
    assert target.read_bytes().rstrip().endswith(b"%%EOF") and _left_behind(tmp_path) == []
    qtbot.waitUntil(lambda: window.watcher is None, timeout=60_000)
    assert window.comparison.adopted.name == "adopted_en.txt"
    window.close()


def test_a_step_that_fails_is_reported_once_and_the_window_is_idle_again(qtbot, tmp_path, monkeypatch, resolution):
    from app.ui import paged_grid
    target = tmp_path / "sheet.pdf"

    def broken(*_a, **_k):
        raise KeyboardInterrupt                         # not an Exception: still a failure, not "Saved"
    monkeypatch.setattr(paged_grid, "_paint_piece", broken)
    window = _window(qtbot, tmp_path, monkeypatch, resolution, target)
    window.export_actions["sheet_pdf"].trigger()
    qtbot.waitUntil(lambda: window.watcher is None, timeout=60_000)
    box = window.findChild(QMessageBox)
    assert box is not None and "Cannot export" in box.windowTitle()
    assert "Saved" not in window.statusBar().currentMessage()
    assert not target.exists() and _left_behind(tmp_path) == []
    assert all(action.isEnabled() for action in window.export_actions.values())
    window.close()
