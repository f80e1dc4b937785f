"""Change list model and view, overview bar and link gutter."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core.model import PairKind
from app.ui.change_model import ChangeModel, summary
from test_ui_support import compare_texts, cross_comparison
from test_widgets_diff_pane import ADOPTED, DRAFT
from widgets.change_list import PAIR_ROLE, ChangeList
from widgets.compare_view import CompareView
from widgets.overview_bar import OverviewBar


def test_model_lists_changes_with_kind_label_and_summary():
    comparison = compare_texts(DRAFT, ADOPTED)
    model = ChangeModel()
    model.set_comparison(comparison)
    rows = [[model.index(r, c).data() for c in range(3)] for r in range(model.rowCount())]
    kinds = [r[0] for r in rows]
    assert "equal" not in kinds
    assert len(rows) == sum(1 for p in comparison.pairs if p.kind is not PairKind.EQUAL)
    changed = next(r for r in rows if r[1] == "PP2")
    assert changed[0] == "changed" and "many" in changed[2] and "some" in changed[2]
    assert any(r[0] == "deleted" and r[1] == "PP3" and r[2].startswith("−") for r in rows)
    for r in range(model.rowCount()):
        pair = model.index(r, 0).data(PAIR_ROLE)
        assert comparison.pairs[pair].kind is not PairKind.EQUAL


def test_cross_language_summary_names_the_finding():
    comparison = cross_comparison()
    model = ChangeModel()
    model.set_comparison(comparison)
    assert model.rowCount() == 1
    assert "Different date" in summary(comparison, comparison.pairs[0])


def test_view_follows_without_asking_for_a_jump(qtbot):
    comparison = compare_texts(DRAFT, ADOPTED)
    model = ChangeModel()
    model.set_comparison(comparison)
    view = ChangeList()
    qtbot.addWidget(view)
    view.setModel(model)
    view.show()
    asked = []
    view.changeActivated.connect(asked.append)
    second = model.index(1, 0).data(PAIR_ROLE)
    view.set_current_pair(second)
    assert view.current_pair() == second and asked == []
    # The user's choice asks for a jump.
    first = model.index(0, 0).data(PAIR_ROLE)
    rect = view.visualRect(model.index(0, 2))
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert asked == [first]


def test_overview_bar_click_asks_for_that_fraction(qtbot):
    bar = OverviewBar()
    qtbot.addWidget(bar)
    bar.resize(14, 202)
    bar.show()
    bar.set_marks([(0.1, 0.2, QColor("red"))])
    with qtbot.waitSignal(bar.jumpRequested) as blocker:
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(7, 151))
    assert abs(blocker.args[0] - 0.75) < 0.01
    image = bar.grab().toImage()
    assert image.pixelColor(7, 1 + 30).red() > 200  # the mark at 0.15 is painted


def test_overview_marks_changes_and_jumps(qtbot):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    view.set_comparison(compare_texts(DRAFT * 8, ADOPTED * 8))
    QApplication.processEvents()
    assert len(view.overview.marks) == len(view.change_rows())
    bar = view.adopted_pane.verticalScrollBar()
    view.overview.jumpRequested.emit(0.9)
    assert bar.value() > bar.maximum() * 0.6
    assert view.overview.view[0] > 0.5


def test_gutter_draws_change_bands(qtbot):
    view = CompareView()
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    view.set_comparison(compare_texts(DRAFT, ADOPTED))
    QApplication.processEvents()
    image = view.gutter.grab().toImage()
    background = view.gutter.palette().window().color()
    coloured = 0
    for y in range(0, image.height(), 2):
        c = image.pixelColor(view.gutter.width() // 2, y)
        if abs(c.red() - background.red()) + abs(c.green() - background.green()) + abs(c.blue() - background.blue()) > 30:
            coloured += 1
    assert coloured > 5  # bands for the changed, deleted and inserted rows
    view.set_comparison(None)
    assert view.gutter.rows == []
