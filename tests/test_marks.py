"""app.core.marks: one reading of a pair for the window's panes and the comparison sheet (issue #16).

The panes (widgets/rows.py -> widgets/diff_pane.py) and the sheet (app/io/sheet_rows.py -> HTML, Word)
must show the same marks on the same characters; these tests read both on real pairs and compare."""
from __future__ import annotations

import pytest

from app.core.marks import Mark, counts, effective_kind, is_change, side_marks
from app.core.model import DiffOp, Op, PairKind, ParaPair
from app.io.pipeline import compare_files
from app.io.sheet_rows import GAP, sheet_rows
from conftest import SAMPLES, SHARED

WML = SHARED / "corpora" / "wmlcomparer" / "TestFiles" / "WC"
SAME_LANGUAGE = [(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt"),
                 (WML / "WC033-Merged-Cells-Before.docx", WML / "WC033-Merged-Cells-After2.docx"),
                 (WML / "WC001-Digits.docx", WML / "WC001-Digits-Mod.docx")]


def _compare(draft, adopted):
    if not draft.exists() or not adopted.exists():
        pytest.skip(f"{draft.name} / {adopted.name} not beside this checkout")
    return compare_files(draft, adopted)


@pytest.fixture(scope="module")
def sample():
    return compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")


# -- the engine's reading ---------------------------------------------------------------------------

def test_spans_rebuild_each_paragraph_and_carry_word_changes(sample):
    for pair in sample.pairs:
        for side, doc, own in (("draft", sample.draft, pair.draft), ("adopted", sample.adopted, pair.adopted)):
            marked = side_marks(sample, pair, side)
            assert [m.index for m in marked] == list(own)
            assert [m.text for m in marked] == [doc.paragraphs[i].text for i in own]
            hidden = side_marks(sample, pair, side, labels=False)
            assert [m.text for m in hidden] == [doc.paragraphs[i].body for i in own]
    changed = next(p for p in sample.pairs if p.kind is PairKind.CHANGED and p.ops)
    draft = [s for m in side_marks(sample, changed, "draft") for s in m.spans]
    adopted = [s for m in side_marks(sample, changed, "adopted") for s in m.spans]
    assert "".join(s.text for s in draft if Mark.DELETED in s.mark) == "".join(
        op.a for op in changed.ops if op.op is Op.DELETE)
    assert "".join(s.text for s in adopted if Mark.INSERTED in s.mark) == "".join(
        op.b for op in changed.ops if op.op is Op.INSERT)
    assert not any(Mark.INSERTED in s.mark for s in draft) and not any(Mark.DELETED in s.mark for s in adopted)


def test_a_moved_pair_is_diffed_word_by_word_and_marked_moved(sample):
    moved = next(p for p in sample.pairs if p.kind is PairKind.MOVED)
    spans = [s for m in side_marks(sample, moved, "adopted") for s in m.spans]
    assert all(Mark.MOVED in s.mark for s in spans)
    inserted = [s.text for s in spans if Mark.INSERTED in s.mark]
    assert inserted and sum(map(len, inserted)) < sum(len(s.text) for s in spans) / 2


def test_words_equal_under_an_ignore_option_are_not_marked(sample):
    pair = ParaPair(PairKind.CHANGED, (0,), (0,), 0.9,
                    (DiffOp(Op.EQUAL, sample.draft.paragraphs[0].body, sample.adopted.paragraphs[0].body.upper()),))
    from dataclasses import replace
    upper = replace(sample.adopted.paragraphs[0], text=sample.adopted.paragraphs[0].text.upper(),
                    prefix=sample.adopted.paragraphs[0].prefix.upper())
    c = replace(sample, pairs=(pair,), adopted=sample.adopted.with_paragraphs((upper,) + sample.adopted.paragraphs[1:]))
    assert {s.mark for side in ("draft", "adopted") for m in side_marks(c, 0, side) for s in m.spans} == {Mark.EQUAL}


def test_cross_language_findings_are_marked_on_both_sides(seed_draft, seed_adopted):
    c = compare_files(seed_draft, seed_adopted)
    found = {}
    for pair in c.pairs:
        for side in ("draft", "adopted"):
            for m in side_marks(c, pair, side):
                for s in m.spans:
                    if Mark.FINDING in s.mark:
                        found.setdefault(s.text, set()).update(f.code for f in s.findings)
                    assert not s.mark & (Mark.DELETED | Mark.INSERTED) or pair.kind in (
                        PairKind.INSERTED, PairKind.DELETED)      # no word changes across languages
    for text in ("52/42", "54/42", "7 avril 2025", "4 April 2025", "2021", "2019"):
        assert text in found, text
    assert found["52/42"] == {"resolution"} and found["7 avril 2025"] == {"date"}


def test_side_names_and_bad_side(sample):
    assert side_marks(sample, 0, "a") == side_marks(sample, 0, "draft")
    with pytest.raises(ValueError):
        side_marks(sample, 0, "left")


def test_counts_and_changes_follow_the_window_reading(seed_draft, seed_adopted, sample):
    cross = compare_files(seed_draft, seed_adopted)
    k = counts(cross)
    assert k.cross_language and k.with_findings == sum(1 for p in cross.pairs if p.findings)
    assert k.findings == len(cross.all_findings()) and k.changed == cross.stats.changed
    assert [is_change(cross, p) for p in cross.pairs] == [
        effective_kind(cross, p) is not PairKind.EQUAL for p in cross.pairs]
    assert sum(is_change(cross, p) for p in cross.pairs) == k.with_findings + k.inserted + k.deleted
    s = counts(sample)
    assert not s.cross_language and s.words == sample.stats.words_deleted + sample.stats.words_inserted


# -- the window and the sheet read the same marks ---------------------------------------------------

def _chars_of_blocks(blocks):
    """Per shown character of the pane's blocks: (char, deleted/inserted/plain, finding?, bold, italic)."""
    from widgets.rows import DELETED, INSERTED
    out = []
    for block in blocks:
        text = "".join(t for t, _ in block.segments)
        styles = [style for t, style in block.segments for _ in t]
        finding = [False] * len(text)
        for start, end, _ in block.findings:
            finding[start:end] = [True] * (end - start)
        bold, italic = [False] * len(text), [False] * len(text)
        for start, end, run in block.emphasis:
            for i in range(start, end):
                bold[i] |= bool(run.bold)
                italic[i] |= bool(run.italic)
        out.append([(ch, {DELETED: Mark.DELETED, INSERTED: Mark.INSERTED}.get(st, Mark.EQUAL), f, b, i)
                    for ch, st, f, b, i in zip(text, styles, finding, bold, italic)])
    return out


def _chars_of_sheet(c, row, side):
    """The same per character for one side of a sheet row, the labels the pane shows in its margin cut."""
    doc = c.draft if side == "a" else c.adopted
    out = []
    for marked in (row.draft if side == "a" else row.adopted):
        cut = len(doc.paragraphs[marked.index].prefix) if c.options.ignore_labels else 0
        chars = [(ch, s.mark & (Mark.DELETED | Mark.INSERTED), Mark.FINDING in s.mark, Mark.BOLD in s.mark,
                  Mark.ITALIC in s.mark) for s in marked.spans for ch in s.text]
        out.append(chars[cut:])
    return out


@pytest.mark.parametrize("draft,adopted", SAME_LANGUAGE, ids=lambda p: p.name)
def test_same_language_pane_blocks_and_sheet_rows_carry_identical_marks(draft, adopted, qapp):
    from widgets.rows import side_blocks
    c = _compare(draft, adopted)
    assert not c.cross_language
    rows = sheet_rows(c)
    assert [r.pairs for r in rows] == [(n,) for n in range(len(c.pairs))]
    styled = set()
    for n, row in enumerate(rows):
        for side, own in (("a", c.pairs[n].draft), ("b", c.pairs[n].adopted)):
            if not own:
                continue
            pane = _chars_of_blocks(side_blocks(c, n, side, own, "en"))
            sheet = _chars_of_sheet(c, row, side)
            assert pane == sheet, (n, side)
            styled |= {ch[1] for para in sheet for ch in para}
    assert {Mark.DELETED, Mark.INSERTED} <= styled


@pytest.mark.parametrize("draft,adopted", SAME_LANGUAGE[:2], ids=lambda p: p.name)
def test_the_pane_draws_each_character_as_the_marks_say(draft, adopted, qtbot):
    """The pane's QTextDocument, character by character, has the format ``widgets.rows.char_format``
    gives the sheet's mark of that character (strike, underline style, italic, bold, background)."""
    from widgets.diff_pane import DiffPane
    from widgets.palette import COLOUR_BLIND
    from widgets.rows import build_rows, char_format
    c = _compare(draft, adopted)
    by_pair = {n: r for n, r in enumerate(sheet_rows(c))}
    for side in ("a", "b"):
        pane = DiffPane(side)
        qtbot.addWidget(pane)
        rows = build_rows(c)
        pane.set_rows(c, rows, COLOUR_BLIND)
        doc = pane.document()
        checked = 0
        for r, row in enumerate(rows):
            if not row.side(side):
                continue
            expected = _marks_per_char(c, by_pair[row.pair], side)
            for block_no, para in zip(pane.row_blocks(r), expected):
                block = doc.findBlockByNumber(block_no)
                got = []
                it = block.begin()
                while not it.atEnd():
                    frag = it.fragment()
                    got += [_look(frag.charFormat())] * frag.length()
                    it += 1
                assert got == [_look(char_format(m, COLOUR_BLIND)) for m in para], (r, side)
                checked += len(para)
        assert checked


def _marks_per_char(c, row, side):
    doc = c.draft if side == "a" else c.adopted
    out = []
    for marked in (row.draft if side == "a" else row.adopted):
        cut = len(doc.paragraphs[marked.index].prefix) if c.options.ignore_labels else 0
        out.append([s.mark for s in marked.spans for _ in s.text][cut:])
    return out


def _look(fmt):
    from PySide6.QtGui import QFont
    return (fmt.fontStrikeOut(), fmt.underlineStyle(), fmt.fontItalic(), fmt.fontWeight() >= QFont.Weight.Bold,
            fmt.background().color().name() if fmt.background().style() else None)


def test_changed_only_rows_are_the_window_changes(seed_draft, seed_adopted, sample):
    from widgets.rows import build_rows
    for c in (sample, compare_files(seed_draft, seed_adopted)):
        rows = sheet_rows(c, collapse_equal=True)
        shown = [r.pairs[0] for r in rows if r.kind != GAP]
        window = sorted({r.pair for r in build_rows(c, changed_only=True)})
        assert shown == window
        hidden = [n for r in rows if r.kind == GAP for n in r.pairs]
        assert sorted(shown + hidden) == list(range(len(c.pairs)))
        assert all(a.kind != GAP or b.kind != GAP for a, b in zip(rows, rows[1:]))   # one gap between changes
