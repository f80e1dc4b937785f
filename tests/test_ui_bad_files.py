"""Every file of the bad-input corpus: the window shows a dialog naming it, then keeps working."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.ui.application import sample_pair
from test_ui_main_window import TIMEOUT, make_window, message_box, open_and_wait, press

sys.path.insert(0, str(Path(__file__).parent / "data"))
from make_bad_files import make_bad_files  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return make_bad_files(tmp_path_factory.mktemp("bad"))


def test_each_bad_file_gives_a_dialog_and_the_window_stays_usable(qtbot, tmp_path, corpus):
    window = make_window(qtbot, tmp_path)
    draft, adopted = sample_pair()
    dialogs = 0
    for name, path in corpus.items():
        window.open_pair(draft, str(path))
        qtbot.waitUntil(lambda: message_box(window) is not None or window.watcher is None, timeout=TIMEOUT)
        box = message_box(window)
        if box is None:            # e.g. root reads a chmod-000 file: it opens as any other text
            continue
        assert path.name in box.text() or path.name in box.informativeText(), name
        assert "Traceback" not in box.text() + box.informativeText() + box.detailedText()
        dialogs += 1
        QTest.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: message_box(window) is None, timeout=TIMEOUT)
    assert dialogs >= len(corpus) - 1       # all refused (the unreadable one may open as root)
    open_and_wait(qtbot, window, draft, adopted)
    press(window, Qt.Key.Key_F8)
    assert window.comparison is not None and window.view.current_row >= 0
    window.close()
