"""Issue #17 B.2-B.5 in the window: a damaged review file, a read-only folder, two windows on one pair,
"Save review as…", and long paragraphs — no typed note is ever lost.

Since issue #16 a review is kept in the profile (here ``tmp_path/profile/reviews``) unless an older
version left one beside the adopted text or the officer chose a place; the read-only cases make the
profile read-only, and the adopted text's folder is then the fallback offered."""
from __future__ import annotations

import errno
import json
import os
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from app.io import review_store

from app.io import review_journal
from conftest import SAMPLES
from test_ui_main_window import TIMEOUT, make_window, open_and_wait, press


def sample_pair(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("draft_en.txt", "adopted_en.txt"):
        shutil.copy(SAMPLES / name, folder / name)
    return folder / "draft_en.txt", folder / "adopted_en.txt"


def profile_file(tmp_path: Path, draft: Path, adopted: Path) -> Path:
    return review_store.profile_review_path(tmp_path / "profile" / "reviews", draft, adopted)


def window_on(qtbot, tmp_path, draft, adopted, delay=0.1):
    window = make_window(qtbot, tmp_path)
    window.review.delay = delay
    window.review.profile_folder = lambda: tmp_path / "profile" / "reviews"
    open_and_wait(qtbot, window, draft, adopted)
    return window


def type_note(window, text: str, pair: int | None = None) -> int:
    """Type ``text`` as the note of ``pair`` (default: the next change, F8) and leave the field."""
    if pair is None:
        window.activateWindow()
        QTest.qWaitForWindowActive(window, 2000)     # F8 is a window shortcut
        press(window, Qt.Key.Key_F8)
    else:
        window.view.go_to_pair(pair)
    assert window.view.current_pair >= 0
    panel = window.notes_panel
    panel.editor.setFocus()
    panel.editor.selectAll()
    QTest.keyClicks(panel.editor, text)
    panel.flush()                               # as moving to another pair does
    return window.view.current_pair


def saved_texts(path: Path) -> list[str]:
    return sorted(n.text for n in review_store.load(path).notes)


@pytest.fixture
def read_only(monkeypatch):
    """Make folders unwritable: chmod where that binds (not as root), and writes into them refused."""
    folders: list[Path] = []
    real = {name: getattr(os, name) for name in ("open", "link", "rename", "replace", "unlink")}

    def inside(path) -> bool:
        return Path(os.fsdecode(path)).absolute().parent in folders

    def refuse(path):
        raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))

    def fake_open(path, flags, mode=0o777, *args, **kwargs):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT) and inside(path):
            refuse(path)
        return real["open"](path, flags, mode, *args, **kwargs)

    def two(name):
        def fake(src, dst, *args, **kwargs):
            if inside(src) or inside(dst):
                refuse(dst)
            return real[name](src, dst, *args, **kwargs)
        return fake

    def fake_unlink(path, *args, **kwargs):
        if inside(path):
            refuse(path)
        return real["unlink"](path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    for name in ("link", "rename", "replace"):
        monkeypatch.setattr(os, name, two(name))
    monkeypatch.setattr(os, "unlink", fake_unlink)

    def make(folder: Path) -> Path:
        folders.append(folder.absolute())
        if os.geteuid() != 0:
            folder.chmod(0o555)
        return folder
    yield make
    for folder in folders:
        folder.chmod(0o755)


def dialog(monkeypatch, answer):
    """Stand in for QFileDialog.getSaveFileName: record (caption, default) and answer ``answer(default)``."""
    asked = []

    def fake(parent, caption="", directory="", filter="", *args, **kwargs):
        asked.append((caption, directory))
        chosen = answer(directory)
        return (str(chosen) if chosen else "", "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    return asked


# -- B.2 a damaged review file --------------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    "{not json at all",
    '{"schema": "draftcompare.review", "version": 1, "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
    '{"schema": "draftcompare.review", "version": 1, "draft": {"path": "d"}, "adopted": {"path": "a"}, '
    '"notes": [{"key": {"draft": [1e400], "adopted": [0]}, "text": "x"}]}',
])
def test_a_damaged_review_is_moved_aside_and_notes_typed_after_are_kept(qtbot, tmp_path, content):
    draft, adopted = sample_pair(tmp_path / "pair")
    review_file = review_store.review_path_for(adopted)
    review_file.write_text(content, encoding="utf-8")
    window = window_on(qtbot, tmp_path, draft, adopted)
    message = window.statusBar().currentMessage()
    kept = [p for p in review_file.parent.iterdir() if p.name.startswith("adopted_en.dcreview.damaged-")]
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == content      # moved, never deleted
    assert message.startswith("adopted_en.dcreview: ") and kept[0].name in message and "\n" not in message
    assert "damaged" in message and "new review" in message
    type_note(window, "Typed after the damaged file")
    type_note(window, "And another one")
    window.close()
    assert saved_texts(review_file) == ["And another one", "Typed after the damaged file"]
    assert kept[0].read_text(encoding="utf-8") == content
    assert not review_journal.journal_path(review_file).exists()


def test_a_damaged_review_that_cannot_be_moved_aside_is_left_and_notes_go_elsewhere(qtbot, tmp_path, monkeypatch):
    draft, adopted = sample_pair(tmp_path / "pair")
    review_file = review_store.review_path_for(adopted)
    review_file.write_text("{damaged", encoding="utf-8")

    def cannot_move(path):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(review_store, "keep_corrupt", cannot_move)
    chosen = tmp_path / "kept" / "mine.dcreview"
    asked = dialog(monkeypatch, lambda default: chosen)
    window = window_on(qtbot, tmp_path, draft, adopted)
    assert "cannot be moved aside" in window.statusBar().currentMessage()
    type_note(window, "Not over the damaged file")
    assert len(asked) == 1 and saved_texts(chosen) == ["Not over the damaged file"]
    window.close()
    assert review_file.read_text(encoding="utf-8") == "{damaged"


def test_a_review_of_a_newer_version_is_never_overwritten(qtbot, tmp_path, monkeypatch):
    draft, adopted = sample_pair(tmp_path / "pair")
    review_file = review_store.review_path_for(adopted)
    newer = json.dumps({"schema": "draftcompare.review", "version": 9, "notes": ["from the future"]})
    review_file.write_text(newer, encoding="utf-8")
    asked = dialog(monkeypatch, lambda default: None)            # cancelled: the profile keeps it
    window = window_on(qtbot, tmp_path, draft, adopted)
    assert "newer version" in window.statusBar().currentMessage()
    type_note(window, "Kept in the profile")
    window.close()
    assert len(asked) == 1 and review_file.read_text(encoding="utf-8") == newer
    assert saved_texts(Path(asked[0][1])) == ["Kept in the profile"]


# -- B.4 a folder that cannot be written -----------------------------------------------------------------

def read_only_profile(tmp_path: Path, read_only) -> Path:
    profile = tmp_path / "profile" / "reviews"
    profile.mkdir(parents=True)
    return read_only(profile)


def test_a_note_in_a_read_only_folder_is_kept_where_the_officer_chooses(qtbot, tmp_path, monkeypatch, read_only):
    draft, adopted = sample_pair(tmp_path / "pair")
    profile = read_only_profile(tmp_path, read_only)
    chosen = tmp_path / "my reviews" / "examplia.dcreview"
    asked = dialog(monkeypatch, lambda default: chosen)
    window = window_on(qtbot, tmp_path, draft, adopted)
    type_note(window, "Do not lose me")
    # Asked at once, at the first note (not at closing), with the adopted text's folder as the default
    # (the profile is what cannot be written) ...
    assert len(asked) == 1
    caption, default = asked[0]
    assert "read-only" in caption
    assert Path(default) == review_store.review_path_for(adopted)
    # ... and the note is in the chosen file already.
    assert saved_texts(chosen) == ["Do not lose me"]
    assert str(chosen) in window.notes_panel.review_status.text()
    assert not window.notes_panel.review_status.isHidden()
    type_note(window, "And me too")
    window.close()
    assert saved_texts(chosen) == ["And me too", "Do not lose me"]
    assert len(asked) == 1                                       # asked once, not at every note
    assert sorted(p.name for p in draft.parent.iterdir()) == ["adopted_en.txt", "draft_en.txt"]
    assert list(profile.iterdir()) == []


def test_cancelling_keeps_the_review_beside_the_adopted_text_and_it_reopens_from_there(qtbot, tmp_path,
                                                                                       monkeypatch, read_only):
    draft, adopted = sample_pair(tmp_path / "pair")
    read_only_profile(tmp_path, read_only)
    asked = dialog(monkeypatch, lambda default: None)
    window = window_on(qtbot, tmp_path, draft, adopted)
    pair = type_note(window, "Kept beside the text")
    window.close()
    beside = review_store.review_path_for(adopted)
    assert len(asked) == 1 and saved_texts(beside) == ["Kept beside the text"]
    again = window_on(qtbot, tmp_path, draft, adopted)
    again.view.go_to_pair(pair)
    assert again.notes_panel.editor.toPlainText() == "Kept beside the text"
    assert again.review.path == beside and again.notes_label.text() == "Notes: beside the adopted text"
    assert str(beside) in again.notes_label.toolTip()
    again.close()


def test_when_every_choice_fails_the_adopted_texts_folder_keeps_the_note(qtbot, tmp_path, monkeypatch, read_only):
    draft, adopted = sample_pair(tmp_path / "pair")
    read_only_profile(tmp_path, read_only)
    locked = tmp_path / "locked"
    locked.mkdir()
    read_only(locked)
    asked = dialog(monkeypatch, lambda default: locked / "still read-only.dcreview")
    window = window_on(qtbot, tmp_path, draft, adopted)
    type_note(window, "Never lost")
    assert len(asked) == 3 and all("read-only" in caption for caption, _ in asked)
    assert saved_texts(review_store.review_path_for(adopted)) == ["Never lost"]
    window.close()


def test_a_review_file_that_cannot_be_written_on_saving_asks_before_closing_loses_it(qtbot, tmp_path, monkeypatch):
    """The journal could be written but the review file cannot (a read-only file on Windows, a full disk)."""
    draft, adopted = sample_pair(tmp_path / "pair")
    review_file = profile_file(tmp_path, draft, adopted)
    real_save = review_store.save

    def refuse(path, review):
        if Path(path) == review_file:
            raise review_journal.ExportError(str(path), "cannot write: permission denied (the folder or file is read-only)")
        return real_save(path, review)
    monkeypatch.setattr(review_store, "save", refuse)
    chosen = tmp_path / "elsewhere.dcreview"
    asked = dialog(monkeypatch, lambda default: chosen)
    window = window_on(qtbot, tmp_path, draft, adopted, delay=60)     # saved only on closing
    type_note(window, "Typed before closing")
    assert asked == []
    window.close()
    assert len(asked) == 1 and saved_texts(chosen) == ["Typed before closing"]
    assert not review_journal.journal_path(review_file).exists()           # the section moved with the notes


# -- "Save review as…" ----------------------------------------------------------------------------------

def test_save_review_as_writes_every_note_there_and_later_notes_follow(qtbot, tmp_path, monkeypatch):
    draft, adopted = sample_pair(tmp_path / "pair")
    window = window_on(qtbot, tmp_path, draft, adopted)
    pair = type_note(window, "First")
    kept = profile_file(tmp_path, draft, adopted)
    qtbot.waitUntil(kept.exists, timeout=TIMEOUT)
    target = tmp_path / "shared" / "copy.dcreview"
    asked = dialog(monkeypatch, lambda default: target)
    QTest.mouseClick(window.notes_panel.save_as_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and saved_texts(target) == ["First"]
    type_note(window, "Second")
    window.close()
    assert saved_texts(target) == ["First", "Second"]
    # Moved, not copied: the profile's file is gone, and the pair reopens from the file chosen.
    assert not kept.exists()
    again = window_on(qtbot, tmp_path, draft, adopted)
    assert again.review.path == target
    again.view.go_to_pair(pair)
    assert again.notes_panel.editor.toPlainText() in ("First", "Second")
    assert again.notes_label.text() == "Notes: copy.dcreview" and str(target) in again.notes_panel.review_status.text()
    again.close()


# -- B.3 two windows on one pair ----------------------------------------------------------------------

def test_two_windows_on_one_pair_keep_both_notes_and_each_others_journal(qtbot, tmp_path):
    draft, adopted = sample_pair(tmp_path / "pair")
    review_file = profile_file(tmp_path, draft, adopted)
    first = window_on(qtbot, tmp_path, draft, adopted, delay=0.05)
    second = window_on(qtbot, tmp_path, draft, adopted, delay=60)       # its notes wait in the journal
    type_note(second, "Typed in the second window", pair=5)
    journal = review_journal.read_journal(review_file)
    assert journal is not None and len(journal.sections) == 1
    type_note(first, "Typed in the first window", pair=3)
    qtbot.waitUntil(lambda: review_file.exists() and "Typed in the first window" in saved_texts(review_file),
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: len(review_journal.read_journal(review_file).sections) == 1, timeout=TIMEOUT)
    journal = review_journal.read_journal(review_file)                    # the first window kept the second's
    assert [n.text for n in journal.sections[0].notes] == ["Typed in the second window"]
    second.close()
    assert saved_texts(review_file) == ["Typed in the first window", "Typed in the second window"]
    # The first window shows the second's note once it is saved (its exports include it).
    qtbot.waitUntil(lambda: first.review.notes_by_pair() == {3: "Typed in the first window",
                                                             5: "Typed in the second window"}, timeout=TIMEOUT)
    first.close()
    assert saved_texts(review_file) == ["Typed in the first window", "Typed in the second window"]
    assert not review_journal.journal_path(review_file).exists()
    assert not Path(str(review_file) + ".lock").exists()


# -- B.5 long paragraphs --------------------------------------------------------------------------------

def test_twenty_notes_on_40kb_paragraphs_save_and_load_quickly_in_the_window(qtbot, tmp_path):
    from test_review_safety_parsing import long_texts
    folder = tmp_path / "long"
    folder.mkdir()
    texts = long_texts(20, 40_000)
    draft, adopted = folder / "draft.txt", folder / "adopted.txt"
    draft.write_text("\n\n".join(t.replace("report", "reports", 1) for t in texts) + "\n", encoding="utf-8")
    adopted.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    window = window_on(qtbot, tmp_path, draft, adopted, delay=60)
    c = window.comparison
    assert len(c.pairs) == 20
    review_file = window.review.path
    started = time.perf_counter()
    for n in range(20):
        window.review.set_note(n, f"Note {n}: " + "compare with the 2019 text " * 40)
    window.close()
    saved = time.perf_counter() - started
    # A file with the full 40 kB paragraphs as excerpts (as hand-edited files or older versions hold),
    # for documents that changed since: notes are found again by similarity.
    data = json.loads(review_file.read_text(encoding="utf-8"))
    for note, text in zip(data["notes"], texts):
        note["key"]["draft_excerpt"] = note["key"]["adopted_excerpt"] = text
    data["draft"]["sha256"] = data["adopted"]["sha256"] = "changed since"
    review_file.write_text(json.dumps(data), encoding="utf-8")
    again = make_window(qtbot, tmp_path)
    started = time.perf_counter()
    again.show_comparison(c)                       # opens the review: load and re-attach
    QApplication.processEvents()
    loaded = time.perf_counter() - started
    print(f"window: 20 notes on 40 kB paragraphs saved in {saved:.3f} s, loaded with 40 kB excerpts in {loaded:.3f} s")
    assert len(again.review.notes_by_pair()) == 20 and not again.review.unplaced()
    assert saved < 5.0 and loaded < 5.0
    again.close()
