"""Issue #19 in the window: a negotiation trail of 5 versions (tests/trail_gen.py), its version bar,
History tab, filters and exports, in English and in French."""
from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from app.core.marks import Mark, inline_marks
from app.core.messages import trail_history
from app.core.trail import Event
from app.ui import exports
from app.ui.history_panel import ALL, CHANGED_SINCE, NEW_SINCE
from app.ui.trail_open import TrailDialog, natural_order
from negotiation import CORPUS
from test_ui_main_window import TIMEOUT, make_window, message_box, stop_tasks
from trail_gen import trails, write

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/un-ga80")
NAMES = ["zero draft", "rev.1", "rev.2", "rev.3", "L.12"]


@pytest.fixture
def versions(tmp_path):
    return write(trails(1, first_seed=7)[0], tmp_path)


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, size=(1360, 820))
    yield window
    stop_tasks(window)


def open_trail(qtbot, window, paths, names=NAMES):
    """What the dialog's Open button does, without the modal dialog."""
    window.trails.open_trail(paths, names)
    assert window.watcher is not None and window.progress.isVisible()      # built in the background
    qtbot.waitUntil(lambda: window.watcher is None and window.trails.active, timeout=TIMEOUT)
    return window.trails.trail


def bis_thread(trail) -> int:
    """The bis paragraph: added in v2, changed in v3, moved in v4."""
    return next(n for n, t in enumerate(trail.threads)
                if tuple(s.event for s in t.stages[1:4]) == (Event.ADDED, Event.CHANGED, Event.MOVED))


def test_the_version_bar_offers_every_version_and_shows_the_trails_own_rounds(qtbot, window, versions):
    trail = open_trail(qtbot, window, versions)
    bar = window.trails.bar
    assert bar.isVisible() and bar.count() == 5 and bar.first.count() == bar.second.count() == 5
    assert bar.versions() == NAMES and bar.first.itemText(0) == "1 · zero draft"
    # the last round is shown first, from the trail itself: nothing computed again
    assert window.comparison is trail.comparisons[-1] and bar.pair() == (3, 4)
    assert window.side_tabs.currentWidget() is window.trails.history         # a trail opens on its History
    bar.choose(1, 2)                               # versions 2 and 3
    assert window.watcher is None and window.comparison is trail.comparisons[1]
    assert window.side_tabs.currentWidget() is window.trails.history         # ... and stays there
    assert window.view.draft_header.text().startswith("Draft: rev.1 (") and "rev.2" in window.view.adopted_header.text()
    assert window.view.draft_pane.row_count() > 5
    assert "rev.1 → rev.2" in window.windowTitle()
    bar.step_round(+1)
    assert window.comparison is trail.comparisons[2] and bar.pair() == (2, 3)
    # the combo boxes, as the officer uses them
    bar.first.setCurrentIndex(0)                   # versions 1 and 4: not a round, compared now ...
    bar.second.setCurrentIndex(1)                  # ... then 1 and 2: a round, shown at once
    assert window.comparison is trail.comparisons[0]
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    assert window.comparison is trail.comparisons[0] and bar.pair() == (0, 1)   # the late result is kept aside
    assert window.trails.comparison_of(0, 3) is not None


def test_two_versions_far_apart_are_compared_in_the_background_and_shown(qtbot, window, versions):
    trail = open_trail(qtbot, window, versions)
    window.trails.bar.choose(0, 4)                 # versions 1 and 5
    assert window.watcher is not None
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    c = window.comparison
    assert c not in trail.comparisons and c.draft is trail.versions[0] and c.adopted is trail.versions[4]
    assert window.trails.shown == (0, 4) and window.change_model.change_count() > 0
    assert window.view.adopted_pane.row_count() > 5
    window.trails.bar.choose(3, 4)
    window.trails.bar.choose(0, 4)                 # kept: no second comparison
    assert window.watcher is None and window.comparison is c
    # Swap sides: the same two versions the other way round
    window.act_swap.trigger()
    qtbot.waitUntil(lambda: window.watcher is None and window.trails.shown == (4, 0), timeout=TIMEOUT)
    assert window.comparison.draft is trail.versions[4]


def test_the_history_tab_shows_the_bis_paragraph_in_every_version(qtbot, window, versions):
    trail = open_trail(qtbot, window, versions)
    n = bis_thread(trail)
    thread = trail.threads[n]
    history = window.trails.history
    assert window.side_tabs.isTabVisible(window.trails.history_tab)
    window.act_show_history.trigger()
    assert window.side_tabs.currentWidget() is history
    # choosing it in the list moves the panes to it (it is in both versions of the last round) ...
    item = history.list.topLevelItem(history.shown_threads().index(n))
    history.list.setCurrentItem(item)
    pair = window.trails.pair_of_thread(n)
    assert pair is not None and window.view.current_pair == pair
    # ... and the panes' current paragraph chooses it in the list
    other_pair = next(k for k, p in enumerate(window.comparison.pairs) if k != pair and p.adopted)
    other = window.trails.thread_of_pair(other_pair)
    window.view.go_to_pair(window.trails.pair_of_thread(other))
    assert history.current_thread() == other
    window.view.go_to_pair(pair)
    assert history.current_thread() == n
    text = history.detail.toPlainText()
    line = trail_history(thread, trail.names, "en")
    assert history.history_line() == line and text.startswith(line)
    assert line.startswith("added in rev.1 as ") and "changed in rev.2" in line and "moved in rev.3" in line
    for k, name in enumerate(NAMES):
        assert f"{k + 1} · {name}" in text
    for label in thread.labels[1:]:
        assert label and label in text
    for word in ("not in this version", "added", "changed", "moved"):
        assert word in text
    assert item.text(0) == thread.labels[-1] and item.text(1) == line
    # the round's word changes are drawn as the panes draw them: struck through, underlined
    doc = history.detail.document()
    assert any(frag.charFormat().fontStrikeOut() for frag in _fragments(doc))
    assert any(frag.charFormat().fontUnderline() for frag in _fragments(doc))
    changed = trail.comparisons[1].pairs[thread.stages[2].pair]
    marks = inline_marks(trail.comparisons[1], thread.stages[2].pair)
    assert any(m is Mark.DELETED for _, m in marks) and any(m is Mark.INSERTED for _, m in marks)
    assert "".join(t for t, m in marks if m is not Mark.DELETED) == "\n".join(
        trail.versions[2].paragraphs[i].body for i in changed.adopted)


def _blocks(doc):
    block = doc.begin()
    while block.isValid():
        yield block
        block = block.next()


def _fragments(doc):
    for block in _blocks(doc):
        it = block.begin()
        while not it.atEnd():
            yield it.fragment()
            it += 1


def test_the_filters_reduce_the_list(qtbot, window, versions):
    trail = open_trail(qtbot, window, versions)
    history = window.trails.history
    every = history.shown_threads()
    assert len(every) >= 15 and history.filter.count() == 1 + 4 + 1
    assert history.filter.itemText(1) == "Changed since zero draft"
    assert history.filter.itemText(5) == "New against zero draft"
    assert history.set_filter(CHANGED_SINCE, 3)    # changed in the last round
    since = history.shown_threads()
    assert 0 < len(since) < len(every) and all(trail.threads[n].changed_since(3) for n in since)
    assert history.count_label.text() == f"{len(since)} of {len(every)} paragraphs"
    assert history.set_filter(NEW_SINCE, 0)
    new = history.shown_threads()
    assert bis_thread(trail) in new and all(trail.threads[n].new_since(0) for n in new) and len(new) < len(every)
    assert history.set_filter(ALL, 0) and history.shown_threads() == every


def test_the_trail_exports_write_their_files(qtbot, window, versions, tmp_path):
    assert not any(a.isEnabled() for a in window.trail_export_actions.values())
    trail = open_trail(qtbot, window, versions)
    assert all(a.isEnabled() for a in window.trail_export_actions.values())
    out = {}
    for spec in exports.TRAIL_EXPORTS:
        out[spec.key] = tmp_path / f"out{spec.suffix}"
        window.exports.export_trail(spec, str(out[spec.key]))
        qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
        assert message_box(window) is None, message_box(window) and message_box(window).text()
    assert out["trail_sheet"].read_bytes().startswith(b"%PDF")
    import docx
    w_t = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"     # accepted text: not w:delText
    paragraphs = docx.Document(str(out["trail_cumulative"])).paragraphs
    accepted = ["".join(t.text or "" for t in p._p.iter(w_t)) for p in paragraphs]
    assert accepted[0] == trail.versions[-1].paragraphs[0].text
    assert any(" ".join(trail.versions[-1].paragraphs[3].body.split()) == " ".join(a.split()) for a in accepted)
    data = json.loads(out["trail_json"].read_text(encoding="utf-8"))
    assert data["schema"] == "draftcompare.trail" and data["names"] == NAMES
    assert window.exports.last_path == str(out["trail_json"])
    # the exports of the pair shown keep working: the save dialog offers the pair's adopted file
    assert exports.default_path(window, exports.EXPORTS[0]).endswith("7-v5-tracked.docx")


def test_the_trail_sheet_export_asks_where_and_uses_the_last_versions_name(qtbot, window, versions, tmp_path,
                                                                            monkeypatch):
    open_trail(qtbot, window, versions)
    seen = {}

    def save_dialog(parent, title, default, file_filter):
        seen["default"] = default
        return str(tmp_path / "sheet"), file_filter

    monkeypatch.setattr(exports.QFileDialog, "getSaveFileName", save_dialog)
    window.trail_export_actions["trail_sheet"].trigger()
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    assert seen["default"].endswith("7-v5-trail.pdf") and (tmp_path / "sheet.pdf").read_bytes()[:4] == b"%PDF"


def test_the_dialog_takes_a_folder_in_natural_order_and_the_officers_order_and_names(qtbot, window, versions,
                                                                                    tmp_path, monkeypatch):
    for n in (12, 2):
        (tmp_path / f"L.{n}.txt").write_text((tmp_path / "7-v1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    dialog = TrailDialog()
    qtbot.addWidget(dialog)
    open_button = dialog.buttons.button(dialog.buttons.StandardButton.Open)
    assert not open_button.isEnabled()
    assert dialog.add_folder(tmp_path)
    assert [p.rsplit("/", 1)[-1] for p in dialog.paths()] == ["7-v1.txt", "7-v2.txt", "7-v3.txt", "7-v4.txt",
                                                              "7-v5.txt", "L.2.txt", "L.12.txt"]
    assert open_button.isEnabled()
    dialog.table.setCurrentCell(6, 0)
    dialog.move(-1)                                 # L.12 before L.2
    dialog.table.item(5, 0).setText("adopted")
    assert dialog.names()[5:] == ["adopted", "L.2.txt"]
    dialog.table.setCurrentCell(6, 0)
    dialog.remove()
    assert len(dialog.paths()) == 6
    dialog.add_paths(versions)                      # already listed: not twice
    dialog.add_paths([tmp_path / f"x{k}.txt" for k in range(5)])
    assert not open_button.isEnabled() and "not 11" in dialog.problem.text()
    assert [p.name for p in natural_order(["b/L.12.txt", "a/L.2.txt"])] == ["L.2.txt", "L.12.txt"]
    # Add files…: a multi-select file dialog, its files in natural name order
    picked = TrailDialog()
    qtbot.addWidget(picked)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        lambda *a: ([str(tmp_path / "L.12.txt"), str(tmp_path / "L.2.txt")], ""))
    picked.browse_files()
    assert [p.rsplit("/", 1)[-1] for p in picked.paths()] == ["L.2.txt", "L.12.txt"]
    assert picked.names() == ["L.2.txt", "L.12.txt"] and picked.problem.text() == ""
    # File > Open trail…: the dialog's list, opened as the dialog's Open button does
    monkeypatch.setattr(TrailDialog, "exec", lambda self: (self.add_paths(versions), QDialog.DialogCode.Accepted)[1])
    window.act_open_trail.trigger()
    qtbot.waitUntil(lambda: window.watcher is None and window.trails.active, timeout=TIMEOUT)
    assert window.trails.bar.versions() == [p.name for p in versions]


def test_three_files_dropped_on_a_pane_open_as_a_trail(qtbot, window, versions, monkeypatch):
    accepted = []
    monkeypatch.setattr(TrailDialog, "exec",
                        lambda self: (accepted.append(self.paths()), QDialog.DialogCode.Accepted)[1])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in reversed(versions[:3])])
    viewport = window.view.adopted_pane.viewport()
    args = (QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(viewport, enter)        # Qt delivers a drop to the drag target only
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(*args))
    assert accepted == [[str(p) for p in versions[:3]]]        # in natural name order, to confirm
    qtbot.waitUntil(lambda: window.watcher is None and window.trails.active, timeout=TIMEOUT)
    assert window.trails.bar.count() == 3
    # an ordinary pair opened afterwards closes the trail
    window.open_pair(str(versions[0]), str(versions[4]))
    assert not window.trails.active and not window.trails.bar.isVisible()
    assert not window.side_tabs.isTabVisible(window.trails.history_tab)
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    # dropped elsewhere on the window (the side panel): a trail too
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in versions])
    target = window.findings_list.viewport()
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(*args))
    assert accepted[-1] == [str(p) for p in versions]
    qtbot.waitUntil(lambda: window.watcher is None and window.trails.active, timeout=TIMEOUT)
    assert window.trails.bar.count() == 5


def test_a_version_that_cannot_be_read_is_said_in_one_line(qtbot, window, versions, tmp_path):
    broken = tmp_path / "rev.2.docx"
    broken.write_bytes(b"not a zip at all")
    window.trails.open_trail([versions[0], broken, versions[2]])
    qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    box = message_box(window)
    assert box is not None and box.text().startswith("rev.2.docx: ") and "\n" not in box.text()
    assert not window.trails.active
    box.close()
    window.trails.open_trail([versions[0]])
    box = message_box(window)
    assert box is not None and "a trail has 2 to 10 versions, not 1" in box.text()
    box.close()
    window.trails.open_trail([versions[0], tmp_path / "gone.txt"])
    box = message_box(window)
    assert box is not None and box.text() == "gone.txt: no such file"




def test_the_french_window_speaks_of_the_trail_in_french(qtbot, tmp_path, versions, french):
    window = make_window(qtbot, tmp_path)
    try:
        assert window.act_open_trail.text() == "Ouvrir l’&historique de la négociation…"
        trail = open_trail(qtbot, window, versions)
        assert window.side_tabs.tabText(window.trails.history_tab) == "Historique"
        history = window.trails.history
        assert history.filter.itemText(0) == "Tous les paragraphes"
        assert history.filter.itemText(1) == "Modifiés depuis zero draft"
        history.select_thread(bis_thread(trail))
        assert history.history_line().startswith("ajouté dans rev.1")
        assert "ajouté" in history.detail.toPlainText() and "absent de cette version" in history.detail.toPlainText()
        titles = [a.text() for a in window.trail_export_actions.values()]
        assert any("historique de la négociation" in t for t in titles)
        assert "historique de la négociation" in window.windowTitle()
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)
