"""Panes lay out only what is shown (widgets.lazy_layout, issue #18): rows not laid out are estimated,
and once laid out they are exactly where Qt's own layout puts them; the view, scroll sync, the gutter,
find and copy behave as with a full layout, at the end of a long document too."""
from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QEvent, QPoint, QSizeF, Qt
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from test_ui_support import compare_texts, cross_comparison
from widgets.compare_view import CompareView
from widgets.diff_pane import EAGER_ROWS
from widgets.pane_text import PaneText
from widgets.rows import interface_language

ROWS = EAGER_ROWS + 500       # beyond the rows formatted at once


def _texts(n: int = ROWS) -> tuple[list[str], list[str]]:
    """Paragraphs of very different lengths (so that estimates are off), a few edits, one Arabic."""
    rng = random.Random(18)
    vocab = [f"w{k}" for k in range(600)] + ["international", "Council", "a", "of"]
    draft = [f"PP{i + 1}. " + " ".join(rng.choice(vocab) for _ in range(rng.choice((3, 12, 40, 90))))
             for i in range(n)]
    draft[7] = "PP8. إذ يشير إلى قراره السابق بشأن حقوق الإنسان، وإذ يؤكد من جديد التزامه بالميثاق،"
    adopted = list(draft)
    for i in range(5, n, 9):
        adopted[i] = adopted[i].replace(" w", " changed w", 1)
    adopted.insert(20, "PP20bis. Inserted paragraph that was not in the draft at all,")
    del adopted[60]
    return draft, adopted


@pytest.fixture(scope="module")
def comparison():
    return compare_texts(*_texts())


@pytest.fixture
def view(qtbot, comparison):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    view.set_comparison(comparison)
    QApplication.processEvents()
    return view


def _reference(pane, comparison, rows) -> QTextDocument:
    """The same content in a document with Qt's own layout, every row formatted, same width and font."""
    doc = QTextDocument()
    doc.setUndoRedoEnabled(False)
    doc.setDefaultFont(pane.document().defaultFont())
    doc.setDefaultTextOption(pane.document().defaultTextOption())
    text = PaneText(doc, comparison, pane.side, pane.palette_colors(), rows, interface_language())
    text.build()
    text.format_rows(0, len(rows))
    doc.setPageSize(QSizeF(pane.document().pageSize()))
    return doc


def test_rows_not_laid_out_are_estimated_then_land_where_qt_puts_them(view, comparison):
    for pane in view.panes:
        assert pane.is_laid_out(0) and not pane.is_laid_out(pane.row_count() - 1)   # only what is shown
        tops = pane.row_tops()
        assert tops[0] == 0 and all(t1 > t0 for t0, t1 in zip(tops, tops[1:]))
        pane.finish_layout()
        assert not pane.layout_pending() and all(pane.is_laid_out(r) for r in range(pane.row_count()))
        reference = _reference(pane, comparison, view.rows)
        qt = reference.documentLayout()
        block = reference.begin()
        # The first block's own margin aside (Qt collapses it into the document's), block for block:
        for n in range(1, reference.blockCount()):
            block = block.next()
            expected = qt.blockBoundingRect(block)
            got = pane.block_rect(n)
            assert (got.top(), got.height()) == pytest.approx((expected.top(), expected.height()), abs=0.01), n
        tops = pane.row_tops()
        assert tops[-1] == pytest.approx(qt.documentSize().height(), abs=0.01)
        for row in range(1, pane.row_count()):
            assert tops[row] == pytest.approx(qt.blockBoundingRect(reference.findBlockByNumber(
                pane.row_first_block(row))).top(), abs=0.01)


def test_the_marks_of_rows_far_below_are_applied_before_they_are_shown(view):
    pane = view.adopted_pane
    last = pane.row_count() - 1
    assert not pane._text.formatted[last]
    view.go_to_row(last)
    QApplication.processEvents()
    assert pane._text.formatted[last] and pane.is_laid_out(last)
    assert last in pane.visible_rows()


def test_the_view_stays_still_while_rows_above_it_are_laid_out(view):
    pane = view.draft_pane
    view.go_to_row(len(view.rows) * 3 // 4)
    pane.repaint()
    row = pane.row_at(pane.scroll_value() + 10)
    on_screen = pane.row_span(row)[0] - pane.scroll_value()
    assert pane.layout_pending()
    while pane.layout_pending() or view.adopted_pane.layout_pending():
        QApplication.processEvents()
    assert pane.row_at(pane.scroll_value() + 10) == row
    assert pane.row_span(row)[0] - pane.scroll_value() == pytest.approx(on_screen, abs=1.0)


def test_scroll_sync_lands_on_the_same_row_at_the_end_of_a_long_document(view):
    a, b = (p.verticalScrollBar() for p in view.panes)
    b.setValue(b.maximum())          # far below anything laid out yet
    assert a.value() == a.maximum()
    assert view.sync.anchor(0)[0] == view.sync.anchor(1)[0] == len(view.rows) - 1
    b.setValue(b.maximum() * 2 // 3)
    (row_a, frac_a, _), (row_b, frac_b, _) = view.sync.anchor(0), view.sync.anchor(1)
    assert row_a == row_b and frac_a == pytest.approx(frac_b, abs=0.02)
    QApplication.processEvents()     # painting lays the rows out: nothing the panes were placed by moves
    assert view.sync.anchor(0)[:2] == pytest.approx(view.sync.anchor(1)[:2], abs=0.02)


def test_gutter_links_meet_their_rows_at_the_end_of_a_long_document(view):
    view.go_to_row(len(view.rows) - 2)
    view.repaint()
    gutter = view.gutter
    for pane in view.panes:
        offset = gutter._offset(pane)
        for row in pane.visible_rows():
            assert pane.is_laid_out(row)
            top = pane.row_span(row)[0] + offset          # where the gutter draws the row's end
            first = pane.row_first_block(row)
            on_screen = pane.block_rect(first).top() - pane.scroll_value() + \
                pane.viewport().mapTo(view, QPoint(0, 0)).y() - gutter.mapTo(view, QPoint(0, 0)).y()
            assert top == pytest.approx(on_screen, abs=0.01) or row == 0


def test_find_brings_a_match_far_below_into_view(view):
    pane = view.draft_pane
    target = view.rows[-3]
    text = view.comparison.draft.paragraphs[target.draft[0]].body
    cursor = pane.document().find(text[:40])
    assert not cursor.isNull()
    pane.setTextCursor(cursor)
    pane.ensureCursorVisible()
    QApplication.processEvents()
    rect = pane.cursorRect()
    assert 0 <= rect.top() and rect.bottom() <= pane.viewport().height()


def test_copy_carries_the_marks_of_rows_never_shown(view):
    pane = view.adopted_pane
    pane.selectAll()
    html = pane.createMimeDataFromSelection().html()
    assert all(pane._text.formatted)
    assert "changed" in html and "underline" in html


def test_a_click_lands_in_the_paragraph_under_it_right_to_left_too(view):
    pane = view.draft_pane
    row = next(n for n, r in enumerate(view.rows) if r.draft == (7,))
    view.go_to_row(row)
    QApplication.processEvents()
    block = pane.row_first_block(row)
    rect = pane.block_rect(block)
    y = round(rect.top() - pane.scroll_value() + 5)
    right = pane.cursorForPosition(QPoint(round(rect.right()) - 3, y))
    left = pane.cursorForPosition(QPoint(round(rect.left()) + 3, y))
    start = pane.document().findBlockByNumber(block).position()
    assert right.blockNumber() == left.blockNumber() == block
    assert right.position() - start < left.position() - start     # Arabic starts at the right


def test_zoom_lays_the_rows_out_again_at_the_new_size(view, comparison):
    pane = view.adopted_pane
    before = pane.row_tops()[-1]
    pane.set_point_size(pane.font().pointSizeF() + 4)
    pane.finish_layout()
    assert pane.row_tops()[-1] > before * 1.2
    reference = _reference(pane, comparison, view.rows)
    last = reference.blockCount() - 1
    expected = reference.documentLayout().blockBoundingRect(reference.findBlockByNumber(last))
    assert pane.block_rect(last).top() == pytest.approx(expected.top(), abs=0.01)


def test_changed_paragraphs_only_markers_are_laid_out_like_rows(qtbot, comparison):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    view.set_comparison(comparison, changed_only=True)
    QApplication.processEvents()
    for pane in view.panes:
        pane.finish_layout()
        reference = _reference(pane, comparison, view.rows)
        last = reference.blockCount() - 1
        expected = reference.documentLayout().blockBoundingRect(reference.findBlockByNumber(last))
        assert pane.block_rect(last).top() == pytest.approx(expected.top(), abs=0.01)


def test_the_tooltip_of_a_finding_is_the_one_under_the_mouse(qtbot):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    qtbot.waitExposed(view)
    view.set_comparison(cross_comparison())
    QApplication.processEvents()
    pane = view.draft_pane
    found = pane.document().find("avril")
    cursor = QTextCursor(pane.document())
    cursor.setPosition(found.selectionStart() + 2)
    point = pane.cursorRect(cursor).center()
    assert pane.cursorForPosition(point).block().blockNumber() == found.block().blockNumber()
    QApplication.sendEvent(pane.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point)))
    assert "Different date" in QToolTip.text()
    QToolTip.hideText()


def test_dragging_the_mouse_selects_the_text_under_it_and_copies_it(view):
    pane = view.adopted_pane
    view.go_to_row(len(view.rows) // 2)
    QApplication.processEvents()
    row = pane.visible_rows()[1]
    rect = pane.block_rect(pane.row_first_block(row)).translated(0, -pane.scroll_value())
    start = QPoint(round(rect.left()) + 2, round(rect.top()) + 5)
    end = QPoint(round(rect.left()) + 200, round(rect.top()) + 22)
    QTest.mousePress(pane.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(pane.viewport(), end)
    QTest.mouseRelease(pane.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    cursor = pane.textCursor()
    first, last = pane.cursorForPosition(start).position(), pane.cursorForPosition(end).position()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (first, last) and last > first
    pane.copy()
    assert QApplication.clipboard().text() == pane.document().toPlainText()[first:last]
