"""The review window end to end (issue 3): keyboard-only use, errors, status bar, palettes, findings.

Drives the real MainWindow offscreen with pytest-qt; comparisons come from the pipeline on the bundled
samples and the seed pair, or are built by hand where findings are needed.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.core.model import (
    Comparison, Document, Finding, Kind, PairKind, Paragraph, ParaPair, Severity, Statistics,
)
from app.ui.application import sample_pair
from app.ui.open_dialog import OpenPairDialog
from test_ui_main_window import TIMEOUT, make_window, open_and_wait, press, stop_tasks
from test_ui_support import compare_texts, long_texts

import pytest


@pytest.fixture
def window(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path, size=(1100, 520))
    yield window
    stop_tasks(window)


def anchors(window):
    sync = window.view.sync
    return sync.anchor(0), sync.anchor(1)


# -- keyboard only ------------------------------------------------------------------------------------

def test_keyboard_only_open_step_and_scroll(qtbot, window, tmp_path, monkeypatch):
    draft, adopted = sample_pair()
    typed = []

    def fill_dialog() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OpenPairDialog):   # not shown yet: look again shortly
            if len(typed) == 0 and not getattr(fill_dialog, "gave_up", False):
                QTimer.singleShot(20, fill_dialog)
            return
        try:
            _type_into(dialog)
        finally:
            if dialog.isVisible():      # never leave a modal dialog blocking the test run
                dialog.reject()

    def _type_into(dialog) -> None:
        QTest.qWaitForWindowActive(dialog, 2000)      # keys sent before activation are dropped
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Delete)
        QTest.keyClicks(dialog.focusWidget(), draft)  # the draft field has the focus
        QTest.keyClick(dialog, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Adopted text: its buddy
        QTest.keyClicks(dialog.focusWidget(), adopted)
        typed.append(dialog.paths())
        QTest.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Open is the default button

    QTimer.singleShot(0, fill_dialog)
    QTest.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert typed == [(draft, adopted)]
    qtbot.waitUntil(lambda: window.watcher is None and window.comparison is not None, timeout=TIMEOUT)
    assert window.windowTitle() == "draft_en.txt ↔ adopted_en.txt — resolution 62/15"
    window.activateWindow()                     # the closed dialog handed activation back
    QTest.qWaitForWindowActive(window, 2000)
    view = window.view
    changes = view.step_rows()                  # the body's changes: F8 passes the header and footer by
    bars = [pane.verticalScrollBar() for pane in view.panes]
    assert all(bar.maximum() > 0 for bar in bars)  # small window: both panes scroll

    # F8 through every change: the list's current row follows and both panes move with it.
    positions = []
    for n, row in enumerate(changes):
        press(window, Qt.Key.Key_F8)
        assert view.current_row == row
        assert window.change_list.current_pair() == view.rows[row].pair
        assert window.change_list.currentIndex().row() == window.change_list.row_of_pair(view.rows[row].pair)
        for pane, bar in zip(view.panes, bars):   # the change is on screen in both panes
            top, bottom = pane.row_span(row)
            assert top < bar.value() + pane.viewport().height() and bottom > bar.value()
        positions.append((bars[0].value(), bars[1].value()))
    assert positions[-1][0] > positions[0][0] and positions[-1][1] > positions[0][1]
    press(window, Qt.Key.Key_F8)  # past the last change: stays
    assert view.current_row == changes[-1] and "No further change" in window.statusBar().currentMessage()
    press(window, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_row == changes[-2]
    assert window.change_list.current_pair() == view.rows[changes[-2]].pair

    # Scroll one pane from the keyboard: the other follows, inside the same pair, in proportion.
    press(window, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    pane = view.adopted_pane
    pane.setFocus()
    before = bars[0].value()
    for _ in range(3):
        QTest.keyClick(pane, Qt.Key.Key_PageDown)
    QApplication.processEvents()
    assert bars[1].value() > 0 and bars[0].value() != before
    (row_a, frac_a, _), (row_b, frac_b, _) = anchors(window)
    assert row_a == row_b and abs(frac_a - frac_b) < 0.05
    view.draft_pane.setFocus()
    QTest.keyClick(view.draft_pane, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert bars[0].value() == bars[0].maximum() and bars[1].value() == bars[1].maximum()

    # Ctrl+F finds in both panes; Ctrl+= / Ctrl+- zoom.
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible() and window.find_bar.edit.hasFocus()
    QTest.keyClicks(window.find_bar.edit, "Examplia")
    assert window.find_bar._matches > 2
    size = view.draft_pane.font().pointSizeF()
    press(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.draft_pane.font().pointSizeF() == size + 1 == view.adopted_pane.font().pointSizeF()
    press(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.draft_pane.font().pointSizeF() == size

    # Ctrl+E exports the tracked changes; the save dialog stands for the file name typed there.
    from PySide6.QtWidgets import QFileDialog
    target = tmp_path / "keyboard-tracked.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    press(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: target.exists() and window.watcher is None, timeout=TIMEOUT)
    assert target.stat().st_size > 0


# -- errors -------------------------------------------------------------------------------------------

def test_malformed_files_name_file_and_reason_then_sample_opens(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(window, "show_message",
                        lambda title, text, detail="", icon=None: shown.append((title, text, detail)))
    rtf = tmp_path / "resolution.docx"
    rtf.write_bytes(b"{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}} Draft resolution}")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    draft, adopted = sample_pair()
    for bad in (rtf, empty):
        window.open_pair(draft, str(bad))
        qtbot.waitUntil(lambda: window.watcher is None, timeout=TIMEOUT)
    assert [t for t, _, _ in shown] == ["Cannot compare these files"] * 2
    assert shown[0][1].startswith("resolution.docx: ") and "RTF" in shown[0][1]
    assert shown[1][1] == "empty.txt: the file is empty"
    assert str(empty) in shown[1][2]  # the full path in the details
    assert window.comparison is None and not window.progress.isVisible()
    assert window.act_open.isEnabled()
    open_and_wait(qtbot, window, draft, adopted)
    assert window.comparison.adopted.name == "adopted_en.txt"
    press(window, Qt.Key.Key_F8)
    assert window.view.current_row >= 0 and len(shown) == 2


# -- status bar ---------------------------------------------------------------------------------------

def test_status_bar_counts_languages_and_mode(qtbot, window, seed_draft, seed_adopted):
    open_and_wait(qtbot, window, *sample_pair())
    s = window.comparison.stats
    counts = window.counts_label.text()
    for text in (f"{s.changed} changed", f"{s.inserted} inserted", f"{s.deleted} deleted", f"{s.moved} moved",
                 f"{s.words_deleted + s.words_inserted} words changed"):
        assert text in counts
    assert window.language_label.text() == "Languages: en → en"
    assert window.mode_label.text() == "Same-language" and "word changes" in window.mode_label.toolTip()
    same_style = window.mode_label.styleSheet()
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    assert window.mode_label.text() == "Cross-language"
    assert window.mode_label.styleSheet() != same_style and "bold" in same_style
    assert "words changed" not in window.counts_label.text()
    assert window.windowTitle() == "draft_fr.txt ↔ adopted_en.txt — resolution 61/37"


# -- cross-language and findings ----------------------------------------------------------------------

def _para(i: int, text: str, kind: Kind = Kind.PREAMBLE, label: str = "") -> Paragraph:
    return Paragraph(i, text, kind=kind, prefix=label and f"{label}. ", label=label, ordinal=i + 1)


def findings_comparison(n: int = 40) -> Comparison:
    """A cross-language comparison by hand: findings on pairs 5 (two) and 30, one document-level."""
    fr = [f"PP{i + 1}. Rappelant sa résolution {i}/30 du 7 avril 2025 et le paragraphe {i}," for i in range(n)]
    en = [f"PP{i + 1}. Recalling its resolution {i}/30 of 7 April 2025 and paragraph {i}," for i in range(n)]
    en[5] = en[5].replace("7 April", "8 April").replace("5/30", "5/31")
    en[30] = en[30].replace("2025", "2026")
    draft = Document("/tmp/projet_fr.txt", tuple(_para(i, t, label=f"PP{i + 1}") for i, t in enumerate(fr)),
                     language="fr")
    adopted = Document("/tmp/adopted_en.txt", tuple(_para(i, t, label=f"PP{i + 1}") for i, t in enumerate(en)),
                       language="en")

    def span(text: str, value: str) -> tuple[int, int]:
        start = text.index(value)
        return start, start + len(value)

    def finding(code, sev, kind, i, dv, av):
        return Finding(code, sev, (("kind", kind),), dv, av, span(fr[i], dv), span(en[i], av), pair_index=i)

    by_pair = {
        5: (finding("date", Severity.HIGH, "date", 5, "7 avril 2025", "8 April 2025"),
            finding("symbol", Severity.MEDIUM, "resolution", 5, "5/30", "5/31")),
        30: (finding("number", Severity.HIGH, "year", 30, "2025", "2026"),),
    }
    pairs = tuple(ParaPair(PairKind.CHANGED, (i,), (i,), 0.7, (), by_pair.get(i, ())) for i in range(n))
    doc_level = (Finding("count", Severity.LOW, (("section", "preamble"), ("draft_count", 40), ("adopted_count", 41)),
                         "40", "41"),)
    return Comparison(draft, adopted, pairs, "cross-language", findings=doc_level,
                      stats=Statistics(pairs=n, changed=n, findings=4))


def char_format_at(pane, block_no: int, offset: int) -> QTextCharFormat:
    cursor = QTextCursor(pane.document().findBlockByNumber(block_no))
    cursor.setPosition(cursor.block().position() + offset + 1)  # format of the char before the cursor
    return cursor.charFormat()


def test_findings_panel_lists_jumps_follows_and_highlights(qtbot, window):
    c = findings_comparison()
    window.show_comparison(c)
    QApplication.processEvents()
    model, panel, view = window.findings_model, window.findings_list, window.view
    assert window.side_tabs.currentWidget() is panel  # cross-language: the findings are the review
    assert window.side_tabs.tabText(1) == "Findings (4)"
    rows = [tuple(model.index(r, col).data() for col in range(3)) for r in range(model.rowCount())]
    assert rows == [("low", "document", "Preambular paragraphs: 40 in the draft, 41 in the adopted text"),
                    ("high", "PP6", "Different date: the draft has 7 avril 2025, the adopted text has 8 April 2025"),
                    ("medium", "PP6", "Different resolution number: the draft has 5/30, the adopted text has 5/31"),
                    ("high", "PP31", "Different year: the draft has 2025, the adopted text has 2026")]
    assert "8 April 2025" in model.index(1, 2).data(Qt.ItemDataRole.ToolTipRole)
    # Only pairs with findings count as changes across languages: no word highlights elsewhere.
    assert [view.rows[r].pair for r in view.change_rows()] == [5, 30]
    assert "4 findings" in window.counts_label.text()

    # Choosing a finding jumps to its pair; the draft pane follows.
    panel.setFocus()
    panel.setCurrentIndex(model.index(3, 0))
    assert view.current_pair == 30
    assert view.sync.anchor(1)[0] == view.sync.anchor(0)[0] == view.rows_of_pair(30)[0]
    assert window.change_list.current_pair() == 30
    # The second finding of a pair stays chosen when its pair becomes current.
    panel.setCurrentIndex(model.index(2, 0))
    assert view.current_pair == 5 and panel.currentIndex().row() == 2
    # A document-level finding has no pair to jump to.
    panel.setCurrentIndex(model.index(0, 0))
    assert view.current_pair == 5
    # F8 navigation moves the findings selection too; F7 steps through findings.
    press(window, Qt.Key.Key_F8)
    assert view.current_pair == 30 and panel.current_pair() == 30
    panel.clearSelection()
    panel.setCurrentIndex(panel.model().index(-1, -1))
    press(window, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_pair == 5 and panel.current_finding().code == "symbol"
    press(window, Qt.Key.Key_F7)
    assert view.current_pair == 30 and panel.current_finding().code == "number"

    # Each span is highlighted in both panes: finding colour, wavy underline, the message as tooltip.
    palette = view.palette_colors
    row = view.rows_of_pair(5)[0]
    for pane, text, value in ((view.draft_pane, c.draft.paragraphs[5], "7 avril 2025"),
                              (view.adopted_pane, c.adopted.paragraphs[5], "8 April 2025")):
        block = pane.row_first_block(row)
        start = text.body.index(value)  # the label is in the margin, not in the text
        fmt = char_format_at(pane, block, start)
        assert fmt.background().color() == QColor(palette.finding)
        assert fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline
        assert fmt.toolTip() == "Different date: the draft has 7 avril 2025, the adopted text has 8 April 2025"
        before = char_format_at(pane, block, start - 2)
        assert before.background().color() != QColor(palette.finding) and not before.fontStrikeOut()
    # Paragraphs without findings carry no word highlights in cross-language mode.
    block = view.adopted_pane.row_first_block(view.rows_of_pair(10)[0])
    plain = char_format_at(view.adopted_pane, block, 3)
    assert not plain.fontStrikeOut() and not plain.fontUnderline() and plain.background().style() == Qt.BrushStyle.NoBrush


def test_seed_pair_shows_panes_side_by_side_without_word_marks(qtbot, window, seed_draft, seed_adopted):
    open_and_wait(qtbot, window, seed_draft, seed_adopted)
    c, view = window.comparison, window.view
    assert c.cross_language
    assert window.findings_model.rowCount() == len(c.all_findings())
    assert window.side_tabs.currentIndex() == 1
    for pane in view.panes:
        doc = pane.document()
        block = doc.begin()
        while block.isValid():
            info = pane.block_info(block.blockNumber())
            if view.rows[info.row].draft and view.rows[info.row].adopted:  # a translated pair
                for fragment in block:
                    fmt = fragment.fragment().charFormat()
                    assert not fmt.fontStrikeOut()
                    assert fmt.underlineStyle() in (QTextCharFormat.UnderlineStyle.NoUnderline,
                                                    QTextCharFormat.UnderlineStyle.WaveUnderline)
            block = block.next()


# -- palettes -----------------------------------------------------------------------------------------

def test_high_contrast_and_colour_blind_palettes(qtbot, window):
    from app.ui.options_dialog import OptionsDialog
    c = compare_texts(*long_texts(40))
    dialog = OptionsDialog(window.config, window)
    titles = [dialog.palette_box.itemText(i) for i in range(dialog.palette_box.count())]
    assert titles == ["Red / green", "Colour-blind safe (blue / orange)", "High contrast"]
    dialog.deleteLater()
    seen = {}
    for name in ("default", "okabe-ito", "high-contrast"):
        window.config["palette"] = name
        window.show_comparison(c)
        pane = window.view.adopted_pane
        formats = [f.fragment().charFormat() for b in _blocks(pane) for f in b if f.fragment().charFormat().fontUnderline()]
        assert formats, name  # inserted words: underlined in every palette
        seen[name] = (formats[0].background().color().name(), formats[0].fontWeight())
    assert len({colour for colour, _ in seen.values()}) == 3
    assert seen["high-contrast"][1] == QFont.Weight.Bold and seen["default"][1] != QFont.Weight.Bold


def _blocks(pane):
    block = pane.document().begin()
    while block.isValid():
        yield block
        block = block.next()


# -- benchmark hook -----------------------------------------------------------------------------------

def test_measure_populate_2000_paragraphs_within_two_seconds(qapp):
    from app.ui.bench import measure_populate
    c = compare_texts(*long_texts(2000, words=30))
    assert len(c.pairs) >= 2000
    assert measure_populate(c) < 2.0


# -- translations -------------------------------------------------------------------------------------

def test_pyside6_lupdate_extracts_every_translatable_literal(tmp_path):
    """A translate() call lupdate cannot read (e.g. its n is an attribute) never reaches a catalogue."""
    import ast
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
        if lupdate is None:
            pytest.skip("pyside6-lupdate not installed")
    files = sorted(str(p) for d in ("app/ui", "widgets") for p in (root / d).glob("*.py"))
    ts = tmp_path / "all.ts"
    subprocess.run([str(lupdate), *files, "-ts", str(ts)], cwd=root, check=True, capture_output=True, timeout=120)
    extracted = {m.findtext("source") for m in ET.parse(ts).getroot().iter("message")}
    source_arg = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1, "QT_TR_NOOP": 0}
    literals = []
    for path in files:
        for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            k = source_arg.get(name)
            if k is not None and len(node.args) > k and isinstance(node.args[k], ast.Constant) \
                    and isinstance(node.args[k].value, str):
                literals.append((Path(path).name, node.lineno, node.args[k].value))
    assert len(literals) > 150
    assert [lit for lit in literals if lit[2] not in extracted] == []
