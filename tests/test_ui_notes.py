"""Reviewer notes in the window: typed on a pair, autosaved in the profile (make_window gives each test
its own), restored on reopen; a review saved beside the documents travels with them."""
from __future__ import annotations

import shutil

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.io import review_store

from app.io import review_journal
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
    # Kept in the profile, nothing written beside the documents without asking (issue #16).
    review_file = review_store.profile_review_path(tmp_path / "profile" / "reviews", draft, adopted)
    assert window.review.path == review_file
    qtbot.waitUntil(review_file.exists, timeout=TIMEOUT)
    assert not review_store.review_path_for(adopted).exists()
    window.close()
    saved = review_store.load(review_file)
    assert [(n.text, n.checked) for n in saved.notes] == [("Check the figure with the Mission", True)]
    assert window.review.notes_by_pair() == {pair: "✓ checked — Check the figure with the Mission"}

    again = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, again, draft, adopted)
    again.view.go_to_pair(pair)
    assert again.notes_panel.editor.toPlainText() == "Check the figure with the Mission"
    assert again.notes_panel.checked.isChecked()
    again.close()


def test_notes_left_by_a_crash_are_offered_and_restored(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.core.review import Review
    from app.io.pipeline import compare_files
    for name in ("draft_en.txt", "adopted_en.txt"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    draft, adopted = tmp_path / "draft_en.txt", tmp_path / "adopted_en.txt"
    c = compare_files(draft, adopted)
    pair = next(n for n, p in enumerate(c.pairs) if p.kind.value == "changed")
    crashed = Review(str(draft), str(adopted)).with_note(c, pair, "Typed just before the crash")
    review_file = review_store.profile_review_path(tmp_path / "profile" / "reviews", draft, adopted)
    review_file.parent.mkdir(parents=True)
    journal = review_journal.journal_path(review_file)
    journal.write_text(review_store.to_json(crashed), encoding="utf-8")   # what the autosaver leaves
    questions = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.Yes)
    window = make_window(qtbot, tmp_path)
    open_and_wait(qtbot, window, draft, adopted)
    assert questions and "1 note" in questions[0]
    window.view.go_to_pair(pair)
    assert window.notes_panel.editor.toPlainText() == "Typed just before the crash"
    window.close()
    assert review_store.load(review_file).notes[0].text == "Typed just before the crash"


def _saved_review(qtbot, tmp_path, folder):
    """A review with one note, saved by the window ("Save review as") beside copies of the sample pair in
    ``folder``."""
    folder.mkdir()
    for name in ("draft_en.txt", "adopted_en.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    window = make_window(qtbot, tmp_path)
    window.review.delay = 0.1
    open_and_wait(qtbot, window, folder / "draft_en.txt", folder / "adopted_en.txt")
    press(window, Qt.Key.Key_F8)
    pair = window.view.current_pair
    window.notes_panel.editor.setFocus()
    QTest.keyClicks(window.notes_panel.editor, "Ask the Mission")
    window.notes_panel.flush()
    review_file = review_store.review_path_for(folder / "adopted_en.txt")
    assert window.review.save_as(review_file)
    qtbot.waitUntil(review_file.exists, timeout=TIMEOUT)
    window.close()
    return review_file, pair


def test_a_review_file_reopens_its_documents_and_notes_even_in_a_moved_folder(qtbot, tmp_path):
    review_file, pair = _saved_review(qtbot, tmp_path, tmp_path / "session")
    moved = tmp_path / "copied to another laptop"
    shutil.move(str(review_file.parent), str(moved))          # the stored absolute paths no longer exist
    window = make_window(qtbot, tmp_path)
    window.open_review(str(moved / review_file.name))
    qtbot.waitUntil(lambda: window.comparison is not None and window.watcher is None, timeout=TIMEOUT)
    assert window.paths == (str(moved / "draft_en.txt"), str(moved / "adopted_en.txt"))
    window.view.go_to_pair(pair)
    assert window.notes_panel.editor.toPlainText() == "Ask the Mission"
    window.close()


def test_a_review_file_dropped_or_handed_over_by_the_system_opens_that_review(qtbot, tmp_path):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication
    from app.ui.application import FileOpenFilter
    review_file, pair = _saved_review(qtbot, tmp_path, tmp_path / "session")
    window = make_window(qtbot, tmp_path)
    window.replace_side("a", str(review_file))                # dropped on the draft pane
    qtbot.waitUntil(lambda: window.comparison is not None and window.watcher is None, timeout=TIMEOUT)
    assert window.paths[1].endswith("adopted_en.txt")
    window.view.go_to_pair(pair)
    assert window.notes_panel.editor.toPlainText() == "Ask the Mission"

    other = make_window(qtbot, tmp_path)                       # macOS Finder: QEvent.FileOpen
    QApplication.instance().installEventFilter(FileOpenFilter(other.open_file, other))
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(QUrl.fromLocalFile(str(review_file))))
    qtbot.waitUntil(lambda: other.comparison is not None and other.watcher is None, timeout=TIMEOUT)
    other.view.go_to_pair(pair)
    assert other.notes_panel.editor.toPlainText() == "Ask the Mission"
    window.close()
    other.close()


def test_a_review_whose_documents_are_gone_is_refused_with_a_message(qtbot, tmp_path, monkeypatch):
    review_file, _ = _saved_review(qtbot, tmp_path, tmp_path / "session")
    (review_file.parent / "draft_en.txt").unlink()
    window = make_window(qtbot, tmp_path)
    shown = []
    monkeypatch.setattr(window, "show_error", lambda title, exc: shown.append((title, str(exc))))
    window.open_review(str(review_file))
    assert window.comparison is None and window.watcher is None
    assert shown and "draft_en.txt" in shown[0][1] and review_file.name in shown[0][1]
    window.close()
