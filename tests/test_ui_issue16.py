"""Issue #16, the window part: what a drafting officer found trying the window.

Header and footer changes grouped and passed by F8, a position for every change, gap markers in
"changed paragraphs only", notes kept in the profile with marks and a list, the side panel yielding on
small windows, zoom keeping the change in view, the resolution number, the legend, the About box, the
window title, one-line errors, the recent files' folders, and the code's shape (actions keyed by an enum,
the task runner out of the window).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFileDialog

from app.core.messages import term
from app.core.model import Kind
from app.core.review import Review
from app.io import review_store
from app.io.errors import InputError
from app.ui import menus
from app.ui.application import sample_pair, start_pair
from app.ui.change_model import MARKS_ROLE
from app.ui.menus import Act, recent_titles
from app.ui.settings import Config
from app.ui.tasks import TaskRunner
from test_ui_main_window import TIMEOUT, make_window, message_box, open_and_wait, press
from test_ui_support import temp_settings
from widgets.change_list import PAIR_ROLE
from app.core.marks import MATTER_KINDS
from widgets.diff_pane import is_gap
from widgets.palette import NOTE_MARK

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    yield window
    window.tasks.drop()
    QThreadPool.globalInstance().waitForDone(10_000)


def adopted_label(window, pair: int) -> str:
    c = window.comparison
    return c.adopted.paragraphs[c.pairs[pair].adopted[0]].display_label


# -- 1. header and footer: one collapsible item, passed by F8 ------------------------------------------

def test_f8_from_the_top_of_the_seed_pair_lands_on_the_first_body_change(qtbot, window, seed_draft, seed_adopted):
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    view, model, listing = window.view, window.change_model, window.change_list
    assert len(view.change_rows()) == 20 and len(model.matter) == 14   # 14 of 20 changes are boilerplate
    press(window, Qt.Key.Key_F8)
    assert adopted_label(window, view.current_pair) == "PP5"
    press(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)      # nothing before it but boilerplate
    assert adopted_label(window, view.current_pair) == "PP5"
    assert "No earlier change" in window.statusBar().currentMessage()
    # One collapsible item, first in the list, collapsed.
    group = model.index(0, 0)
    assert group.data() == "Header and footer: 14 changes" and group.data(PAIR_ROLE) is None
    assert model.rowCount(group) == 14 and model.rowCount() == 1 + 6
    assert window.side_tabs.tabText(0) == "Changes (20)"
    assert listing.rootIsDecorated() and listing.isFirstColumnSpanned(0, group.parent())
    assert not listing.isExpanded(group)
    listing.expand(group)
    assert listing.isExpanded(group)
    first = model.index(0, 0, group)
    listing.setFocus()
    listing.setCurrentIndex(first)                                        # a member jumps like any change
    assert view.current_pair == first.data(PAIR_ROLE) == 0
    listing.collapse(group)
    assert not listing.isExpanded(group)


def test_the_officer_can_ask_f8_to_include_header_and_footer_and_it_is_remembered(qtbot, window, seed_draft,
                                                                                   seed_adopted, tmp_path):
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    act = window.actions[Act.INCLUDE_MATTER]
    assert act.isCheckable() and not act.isChecked() and act in window.menuBar().actions()[2].menu().actions()
    act.trigger()
    assert window.config["include_matter"] is True
    assert window.view.step_rows() == window.view.change_rows()
    window.view.go_to_row(0)
    window.view._current_row = -1                                          # from the top, nothing current
    press(window, Qt.Key.Key_F8)
    c = window.comparison
    assert c.adopted.paragraphs[c.pairs[window.view.current_pair].adopted[0]].kind is Kind.HEADER
    window.close()
    again = make_window(qtbot, tmp_path)
    assert again.actions[Act.INCLUDE_MATTER].isChecked() and again.view.include_matter
    again.close()


# -- 2. a position for every change --------------------------------------------------------------------

def test_every_change_has_a_position(qtbot, window, seed_draft, seed_adopted):
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    model, c = window.change_model, window.comparison
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Position"
    group = model.index(0, 0)
    members = [model.index(r, 1, group).data() for r in range(model.rowCount(group))]
    body = [model.index(r, 1).data() for r in range(1, model.rowCount())]
    assert all(members) and all(body)
    # Unlabelled header lines: their paragraph number in the adopted text.
    assert members[:3] == ["¶1", "¶2", "¶3"] and members[-1] == "¶72"
    assert body[0] == "PP5" and "PP15bis → PP16" in body
    assert all(c.adopted.paragraphs[c.pairs[p].adopted[0]].kind in MATTER_KINDS for p in model.matter)


# -- 3. gap markers in "changed paragraphs only" --------------------------------------------------------

def test_changed_only_shows_a_marker_for_each_run_of_hidden_paragraphs_in_both_panes(qtbot, window, seed_draft,
                                                                                     seed_adopted):
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    every = len(window.view.rows)
    window.actions[Act.CHANGED_ONLY].trigger()
    rows = window.view.rows
    gaps = [r for r in rows if is_gap(r)]
    assert sum(g.hidden for g in gaps) + len(window.view.change_rows()) == every
    captions = [g.caption for g in gaps]
    assert captions[:3] == ["⋯ 6 unchanged paragraphs (¶12–PP4)", "⋯ 3 unchanged paragraphs (PP6–PP8)",
                            "⋯ 3 unchanged paragraphs (PP9–PP11)"]
    assert captions[-1] == "⋯ 33 unchanged paragraphs (PP23–OP31)"
    for pane in window.view.panes:                       # the same marker, in both panes, at the same row
        n = rows.index(gaps[1])
        info = pane.block_info(pane.row_first_block(n))
        assert info.gap and info.caption == captions[1]
    # F8 passes the markers by; a note's pair hidden behind one is reached through it.
    assert not any(is_gap(rows[r]) for r in window.view.step_rows())
    hidden = gaps[1].pairs[0]
    assert window.view.go_to_pair(hidden) and window.view.current_row == rows.index(gaps[1])
    assert term("gap", "fr", n=3, span="PP6–PP8") == "⋯ 3 paragraphes inchangés (PP6–PP8)"


# -- 4. notes: kept in the profile, marks, the list of notes -------------------------------------------

def test_a_note_shows_a_margin_mark_a_change_list_mark_and_is_listed(qtbot, window, tmp_path):
    open_and_wait(qtbot, window, *sample_pair())
    press(window, Qt.Key.Key_F8)
    pair, row = window.view.current_pair, window.view.current_row
    window.review.set_note(pair, "Check with the Mission")
    for pane in window.view.panes:
        assert pane.marks_of_row(row) == (True, False)
    image = window.view.adopted_pane._margin.grab().toImage()
    amber = QColor(NOTE_MARK)
    assert any(image.pixelColor(x, y) == amber for x in range(12) for y in range(image.height()))
    index = window.change_model.index(window.change_list.row_of_pair(pair), 1)
    assert index.data(MARKS_ROLE) == (True, False) and not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    window.review.set_checked(pair, True)
    assert index.data(MARKS_ROLE) == (True, True) and window.view.adopted_pane.marks_of_row(row) == (True, True)
    # The list of notes: one entry; choosing it goes to the paragraph.
    listing = window.notes_panel.all_notes
    assert listing.count() == 1 and listing.item(0).text().endswith("Check with the Mission")
    press(window, Qt.Key.Key_F8)
    assert window.view.current_pair != pair
    listing.itemClicked.emit(listing.item(0))
    assert window.view.current_pair == pair


def test_the_review_is_kept_in_the_profile_and_save_review_as_moves_it(qtbot, window, tmp_path, monkeypatch):
    from app.ui.review_session import default_profile_folder
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    app = QApplication.instance()
    names = app.organizationName(), app.applicationName()
    app.setOrganizationName("Draft Compare")
    app.setApplicationName("Draft Compare")
    try:
        folder = default_profile_folder()
        assert folder == tmp_path / "xdg" / "Draft Compare" / "Draft Compare" / "reviews"
        assert folder == review_store.profile_reviews_folder()           # the command line finds it too
    finally:
        app.setOrganizationName(names[0])
        app.setApplicationName(names[1])
    window.review.profile_folder = lambda: folder
    pair_dir = tmp_path / "pair"
    pair_dir.mkdir()
    for src in sample_pair():
        (pair_dir / Path(src).name).write_bytes(Path(src).read_bytes())
    draft, adopted = pair_dir / "draft_en.txt", pair_dir / "adopted_en.txt"
    open_and_wait(qtbot, window, draft, adopted)
    kept = review_store.profile_review_path(folder, draft, adopted)
    assert window.review.path == kept and window.review.place() == "profile"
    assert window.notes_label.text() == "Notes: in your profile" and str(kept) in window.notes_label.toolTip()
    press(window, Qt.Key.Key_F8)
    window.review.set_note(window.view.current_pair, "In the profile")
    assert window.review._saver.flush() and kept.exists()
    assert sorted(p.name for p in pair_dir.iterdir()) == ["adopted_en.txt", "draft_en.txt"]   # nothing beside
    target = tmp_path / "shared" / "mine.dcreview"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    window.actions[Act.SAVE_REVIEW_AS].trigger()
    assert window.review.path == target and not kept.exists()
    assert window.notes_label.text() == "Notes: mine.dcreview"
    assert review_store.review_location(folder, draft, adopted) == target   # reopens from there


def test_a_review_an_older_version_left_beside_the_adopted_text_is_still_read(qtbot, window, tmp_path):
    from app.io.pipeline import compare_files
    pair_dir = tmp_path / "old session"
    pair_dir.mkdir()
    for src in sample_pair():
        (pair_dir / Path(src).name).write_bytes(Path(src).read_bytes())
    draft, adopted = pair_dir / "draft_en.txt", pair_dir / "adopted_en.txt"
    c = compare_files(draft, adopted)
    pair = next(n for n, p in enumerate(c.pairs) if p.kind.value == "changed")
    beside = review_store.review_path_for(adopted)
    review_store.save(beside, Review(str(draft), str(adopted)).with_note(c, pair, "Written by 0.0.9"))
    open_and_wait(qtbot, window, draft, adopted)
    assert window.review.path == beside and window.notes_label.text() == "Notes: beside the adopted text"
    window.view.go_to_pair(pair)
    assert window.notes_panel.editor.toPlainText() == "Written by 0.0.9"


# -- 5. the small ones ------------------------------------------------------------------------------------

def test_at_700_by_450_the_panes_keep_most_of_the_width_and_the_panel_folds(qtbot, tmp_path, seed_draft,
                                                                          seed_adopted):
    window = make_window(qtbot, tmp_path, size=(700, 450))
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    QApplication.processEvents()
    assert window.width() == 700
    assert window.view.width() >= 0.6 * window.width()
    assert window.splitter.isCollapsible(0) and not window.splitter.isCollapsible(1)
    window.resize(1200, 700)                                 # room again: the panel comes back to its width
    QApplication.processEvents()
    assert window.splitter.sizes()[0] == menus.SIDE_DEFAULT
    window.splitter.moveSplitter(0, 1)                       # folded away by its handle ...
    QApplication.processEvents()
    assert window.splitter.sizes()[0] == 0 and not window.act_show_list.isChecked()
    window.act_show_list.trigger()                           # ... and back with F9
    assert window.splitter.sizes()[0] > 100 and window.side_tabs.isVisible()
    window.close()


def test_zoom_keeps_the_current_change_in_view(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, size=(1000, 420))
    open_and_wait(qtbot, window, *sample_pair())
    for _ in range(4):
        press(window, Qt.Key.Key_F8)
    row = window.view.current_row
    master = window.view.adopted_pane
    for _ in range(5):
        press(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        assert window.view.current_row == row and row in master.visible_rows()
    for _ in range(8):
        press(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        assert row in master.visible_rows()
    window.close()


def test_title_and_header_name_the_adopted_resolution_and_not_the_application(qtbot, window, seed_draft,
                                                                              seed_adopted):
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    assert window.windowTitle() == "draft_fr.txt ↔ adopted_en.txt — resolution 61/37"
    assert "Draft Compare" not in window.windowTitle()        # Qt adds the application's name, once
    assert window.view.adopted_header.text().endswith("resolution 61/37")


def test_about_lists_the_version_and_every_shortcut_and_help_has_a_legend(qtbot, window):
    from importlib import metadata
    box = window.about()
    assert metadata.version("draftcompare") in box.text()
    keys = box.informativeText()
    for key, text in (("F8", "Next change"), ("Shift+F8", "Previous change"), ("Ctrl+Shift+B", "Include header"),
                      ("F9", "Side panel"), ("Ctrl+E", "Tracked changes"), ("Shift+F1", "Legend")):
        assert key in keys and text in keys
    box.close()
    window.actions[Act.LEGEND].trigger()
    legend = message_box(window)
    assert "deleted words" in legend.text() and "checked" in legend.text()
    assert window.palette().deleted in legend.text()
    legend.close()


def test_an_error_says_its_message_once_on_one_line(qtbot, window, tmp_path):
    path = tmp_path / "sub" / "broken.docx"
    window.show_error("Cannot compare these files", InputError(str(path), "this is not a Word document\n(zip)"))
    box = message_box(window)
    assert box.text() == "broken.docx: this is not a Word document (zip)"
    assert box.informativeText() == str(path)
    box.close()


def test_recent_entries_show_their_folder_when_two_share_a_name(qtbot, window):
    pairs = [("/a/2026/draft.docx", "/a/2026/adopted.docx"), ("/b/2025/draft.docx", "/b/2025/adopted.docx"),
             ("/c/L.12.docx", "/c/A.12.docx")]
    assert recent_titles(pairs) == ["draft.docx ↔ adopted.docx — 2026", "draft.docx ↔ adopted.docx — 2025",
                                    "L.12.docx ↔ A.12.docx"]
    assert recent_titles([("/x/in/d.txt", "/x/in/a.txt"), ("/y/in/d.txt", "/y/in/a.txt")]) == [
        "d.txt ↔ a.txt — /x/in", "d.txt ↔ a.txt — /y/in"]
    for draft, adopted in reversed(pairs):
        window.config.add_recent_pair(draft, adopted)
    window._fill_recent_menu()
    assert [a.text() for a in window.recent_menu.actions()][:2] == [
        "&1 draft.docx ↔ adopted.docx — 2026", "&2 draft.docx ↔ adopted.docx — 2025"]


def test_start_reopens_the_last_pair_when_both_files_are_still_there(tmp_path):
    config = Config(temp_settings(tmp_path))
    assert start_pair(config) == sample_pair()                            # never opened anything: the samples
    draft, adopted = tmp_path / "d.txt", tmp_path / "a.txt"
    draft.write_text("PP1. Text,", encoding="utf-8")
    adopted.write_text("PP1. Text,", encoding="utf-8")
    config.add_recent_pair(str(draft), str(adopted))
    assert start_pair(config) == (str(draft), str(adopted))
    adopted.unlink()
    assert start_pair(config) == sample_pair()


# -- 6. the code's shape ---------------------------------------------------------------------------------

def test_actions_are_keyed_by_an_enum_and_the_task_runner_lives_apart(window):
    assert set(window.actions) == set(Act)
    assert window.actions[Act.NEXT] is window.act_next and window.act_next.shortcut().toString() == "F8"
    assert isinstance(window.tasks, TaskRunner) and window.watcher is None
    lines = (ROOT / "app" / "ui" / "main_window.py").read_text(encoding="utf-8").count("\n")
    assert lines < 480
