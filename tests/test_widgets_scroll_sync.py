"""Scroll sync: the anchor maths, and two real panes following each other without a feedback loop."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from test_ui_support import compare_texts, long_texts
from widgets.compare_view import CompareView
from widgets.scroll_sync import syncpoint, value_for_anchor


@pytest.mark.parametrize("page,maximum", [(500, 3000), (500, 400), (500, 500), (800, 20000)])
def test_value_for_anchor_inverts_anchor_line(page, maximum):
    for value in range(0, maximum + 1, max(1, maximum // 37)):
        y = value + syncpoint(value, page, maximum) * page
        assert value_for_anchor(y, page, maximum) == pytest.approx(value, abs=1e-6)


def test_syncpoint_slides_from_top_to_bottom():
    assert syncpoint(0, 500, 3000) == 0.0
    assert syncpoint(1500, 500, 3000) == 0.5
    assert syncpoint(3000, 500, 3000) == 1.0


@pytest.fixture
def view(qtbot):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(1000, 500)
    view.show()
    qtbot.waitExposed(view)
    draft, adopted = long_texts(n=80)
    # Make the adopted side much longer in places so the panes scroll at different rates.
    adopted = [t + " extra words" * 30 if i % 9 == 0 else t for i, t in enumerate(adopted)]
    view.set_comparison(compare_texts(draft, adopted))
    QApplication.processEvents()
    return view


def test_other_pane_follows_in_the_same_direction(view):
    a, b = (p.verticalScrollBar() for p in view.panes)
    assert a.maximum() > 0 and b.maximum() > 0 and a.maximum() != b.maximum()
    previous = a.value()
    for value in range(0, b.maximum(), b.maximum() // 10):
        b.setValue(value)
        assert a.value() >= previous
        previous = a.value()
    assert previous > 0
    # And the other way round.
    a.setValue(a.maximum() // 3)
    middle = b.value()
    a.setValue(a.maximum() // 2)
    assert b.value() > middle


def test_both_ends_line_up(view):
    a, b = (p.verticalScrollBar() for p in view.panes)
    b.setValue(b.maximum())
    assert a.value() == a.maximum()
    b.setValue(0)
    assert a.value() == 0
    a.setValue(a.maximum())
    assert b.value() == b.maximum()


def test_same_row_and_fraction_at_both_anchors(view):
    a, b = (p.verticalScrollBar() for p in view.panes)
    b.setValue(b.maximum() // 2 + 17)
    row_b, frac_b, _ = view.sync.anchor(1)
    row_a, frac_a, _ = view.sync.anchor(0)
    assert row_a == row_b
    assert frac_a == pytest.approx(frac_b, abs=0.05)


def test_no_feedback_loop(view):
    a, b = (p.verticalScrollBar() for p in view.panes)
    seen = {"a": 0, "b": 0}
    a.valueChanged.connect(lambda _v: seen.__setitem__("a", seen["a"] + 1))
    b.valueChanged.connect(lambda _v: seen.__setitem__("b", seen["b"] + 1))
    b.setValue(b.maximum() // 2)
    QApplication.processEvents()
    assert seen == {"a": 1, "b": 1}


def test_panes_stay_aligned_after_resize(view, qtbot):
    b = view.adopted_pane.verticalScrollBar()
    b.setValue(b.maximum() // 2)
    view.resize(700, 500)
    qtbot.waitUntil(lambda: view.sync.anchor(0)[0] == view.sync.anchor(1)[0], timeout=2000)
