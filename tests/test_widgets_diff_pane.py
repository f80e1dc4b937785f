"""Diff pane content: word styles with non-colour cues, placeholders, labels, palettes, drops."""
from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication

from test_ui_support import compare_texts, cross_comparison
from widgets.compare_view import CompareView
from widgets.palette import COLOUR_BLIND, DEFAULT
from widgets.rows import build_rows

DRAFT = ["PP1. Guided by the Charter,", "PP2. Welcoming the release of many detainees,", "PP3. Deleted entirely here,",
         "OP1. Decides to remain seized of the matter."]
ADOPTED = ["PP1. Guided by the Charter,", "PP2. Welcoming the release of some detainees,",
           "OP1. Decides to remain actively seized of the matter.", "OP2. Requests a report on it;"]


def _view(qtbot, comparison, palette=DEFAULT):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    view.set_comparison(comparison, palette)
    QApplication.processEvents()
    return view


def _formats_of(pane, word: str) -> QTextCharFormat:
    cursor = pane.document().find(word)
    assert not cursor.isNull(), word
    probe = QTextCursor(pane.document())
    probe.setPosition(cursor.selectionStart() + 1)
    return probe.charFormat()


def test_deleted_and_inserted_words_have_colour_and_line_cues(qtbot):
    view = _view(qtbot, compare_texts(DRAFT, ADOPTED))
    deleted = _formats_of(view.draft_pane, "many")
    assert deleted.fontStrikeOut()
    assert deleted.background().color() == QColor(DEFAULT.deleted)
    inserted = _formats_of(view.adopted_pane, "some")
    assert inserted.fontUnderline() and not inserted.fontStrikeOut()
    assert inserted.background().color() == QColor(DEFAULT.inserted)
    plain = _formats_of(view.adopted_pane, "Charter")
    assert not plain.fontUnderline() and not plain.fontStrikeOut()


def test_colour_blind_palette(qtbot):
    view = _view(qtbot, compare_texts(DRAFT, ADOPTED), COLOUR_BLIND)
    assert _formats_of(view.draft_pane, "many").background().color() == QColor(COLOUR_BLIND.deleted)
    assert _formats_of(view.adopted_pane, "some").background().color() == QColor(COLOUR_BLIND.inserted)


def test_rows_line_up_with_placeholders_and_labels(qtbot):
    comparison = compare_texts(DRAFT, ADOPTED)
    view = _view(qtbot, comparison)
    rows = build_rows(comparison)
    for pane, side in ((view.draft_pane, "a"), (view.adopted_pane, "b")):
        assert pane.row_count() == len(rows)
        doc = pane.document()
        labels, captions = [], []
        for n in range(doc.blockCount()):
            info = pane.block_info(n)
            labels.append(info.label)
            if info.caption:
                captions.append((info.row, info.caption))
                assert doc.findBlockByNumber(n).text() == ""  # a band, no text to find or copy
        shown = [i for r in rows for i in r.side(side)]
        expected = [(comparison.draft if side == "a" else comparison.adopted).paragraphs[i].display_label
                    for i in shown]
        assert [label for label in labels if label] == expected
        one_sided = [n for n, r in enumerate(rows) if not r.side(side)]
        assert [row for row, _ in captions] == one_sided
        for n, r in enumerate(rows):  # pair -> blocks: one block per paragraph, or one band
            assert len(pane.row_blocks(n)) == max(1, len(r.side(side)))
    deleted_row = next(n for n, r in enumerate(rows) if not r.adopted)
    assert "deleted" in view.adopted_pane.block_info(view.adopted_pane.row_first_block(deleted_row)).caption
    # Labels are in the margin, not repeated in the text.
    assert not view.draft_pane.document().toPlainText().startswith("PP1.")


def test_row_geometry_tiles_the_document(qtbot):
    view = _view(qtbot, compare_texts(DRAFT * 5, ADOPTED * 5))
    pane = view.adopted_pane
    tops = pane.row_tops()
    assert tops[0] == 0 and all(t1 > t0 for t0, t1 in zip(tops, tops[1:]))
    for row in range(pane.row_count()):
        y0, y1 = pane.row_span(row)
        assert pane.row_at((y0 + y1) / 2) == row


def test_cross_language_findings_are_marked_with_tooltip(qtbot):
    view = _view(qtbot, cross_comparison())
    fmt = _formats_of(view.draft_pane, "avril")
    assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
    assert "Different date" in fmt.toolTip()
    assert _formats_of(view.adopted_pane, "April").toolTip()
    assert not _formats_of(view.adopted_pane, "Recalling").toolTip()


def test_dropping_a_file_on_a_pane_reports_the_side(qtbot, tmp_path):
    view = _view(qtbot, compare_texts(DRAFT, ADOPTED))
    dropped = tmp_path / "new_draft.txt"
    dropped.write_text("PP1. Text,", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    args = (QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)
    QApplication.sendEvent(view.draft_pane.viewport(), enter)  # Qt delivers a drop to the drag target only
    assert enter.isAccepted()
    with qtbot.waitSignal(view.fileDropped) as blocker:
        QApplication.sendEvent(view.draft_pane.viewport(), QDropEvent(*args))
    assert blocker.args == ["a", str(dropped)]


def test_a_drag_without_files_is_refused(qtbot):
    view = _view(qtbot, compare_texts(DRAFT, ADOPTED))
    mime = QMimeData()
    mime.setText("just text")
    enter = QDragEnterEvent(QPoint(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.adopted_pane.viewport(), enter)
    assert not enter.isAccepted()


def test_moved_paragraph_placeholders_point_to_the_other_end(qtbot):
    from test_ui_support import _moved_comparison
    view = _view(qtbot, _moved_comparison())
    captions = {side: [pane.block_info(n).caption for n in range(pane.document().blockCount())
                       if pane.block_info(n).caption]
                for side, pane in (("a", view.draft_pane), ("b", view.adopted_pane))}
    # B stood second in the draft and is last in the adopted text.
    assert captions == {"a": ["moved here from above ↑"], "b": ["moved down ↓"]}
    assert len(view.gutter._moves) == 1


def test_the_sources_italics_are_kept(qtbot):
    """The sample adopted text has italic operative verbs (*Strongly condemns*)."""
    from app.io.pipeline import compare_files
    from conftest import SAMPLES
    view = _view(qtbot, compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"))
    assert _formats_of(view.adopted_pane, "Strongly condemns").fontItalic()
    assert not _formats_of(view.adopted_pane, "all violations and abuses").fontItalic()
    assert _formats_of(view.adopted_pane, "Also calls upon").fontItalic()   # inserted and italic
    assert _formats_of(view.adopted_pane, "Also calls upon").fontUnderline()
    assert not _formats_of(view.draft_pane, "Strongly condemns").fontItalic()   # the draft has none
