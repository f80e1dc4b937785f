"""Helpers shared by the UI and widget tests (plain functions: conftest belongs to the lead), and
tests of the pure row logic the panes are built from."""
from __future__ import annotations

import re

from PySide6.QtCore import QSettings

from app.core.compare import compare_documents
from app.core.model import (
    Comparison, CompareOptions, DiffOp, Document, Finding, Kind, Op, PairKind, Paragraph, ParaPair, Severity,
)

_LABEL = re.compile(r"^((PP|OP)(\d+)(bis|ter)?|(\d+))\.\s")


def para(index: int, text: str) -> Paragraph:
    m = _LABEL.match(text)
    if not m:
        return Paragraph(index, text)
    kind = Kind.PREAMBLE if m.group(2) == "PP" else Kind.OPERATIVE
    label = m.group(1) if m.group(2) else f"OP{m.group(5)}"
    return Paragraph(index, text, kind=kind, prefix=m.group(0), label=label)


def document(path: str, texts: list[str], language: str = "en") -> Document:
    return Document(path, tuple(para(i, t) for i, t in enumerate(texts)), language=language)


def compare_texts(draft: list[str], adopted: list[str], options: CompareOptions = CompareOptions()) -> Comparison:
    return compare_documents(document("/tmp/draft.txt", draft), document("/tmp/adopted.txt", adopted), options)


def long_texts(n: int = 60, words: int = 40) -> tuple[list[str], list[str]]:
    """A same-language pair long enough to scroll, with edits, an insertion and a deletion."""
    import random
    rng = random.Random(3)
    vocab = [f"w{k}" for k in range(800)]
    draft = [f"PP{i + 1}. " + " ".join(rng.choice(vocab) for _ in range(words)) + "," for i in range(n)]
    adopted = list(draft)
    for i in range(3, n, 7):
        adopted[i] = adopted[i].replace(" w", " changed w", 1)
    adopted.insert(10, "PP10bis. Inserted paragraph that was not in the draft at all, about something new,")
    del adopted[30]
    return draft, adopted


def temp_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def cross_comparison() -> Comparison:
    """A cross-language comparison built by hand: no ops, one finding with spans."""
    fr = "PP1. Rappelant sa résolution 58/30 du 7 avril 2025,"
    en = "Recalling its resolution 58/30 of 8 April 2025,"
    draft = document("/tmp/projet_fr.txt", [fr, "OP1. Décide de rester saisi de la question."], "fr")
    adopted = document("/tmp/adopted_en.txt", [en, "1. Decides to remain seized of the matter."], "en")
    a, b = fr.index("7 avril 2025"), en.index("8 April 2025")
    finding = Finding("date", Severity.HIGH, (("kind", "date"),), "7 avril 2025",
                      "8 April 2025", draft_span=(a, a + 12), adopted_span=(b, b + 12), pair_index=0)
    pairs = (ParaPair(PairKind.CHANGED, (0,), (0,), 0.8, (), (finding,)),
             ParaPair(PairKind.CHANGED, (1,), (1,), 0.8))
    return Comparison(draft, adopted, pairs, "cross-language")


# -- tests of widgets.rows (pure logic) -------------------------------------------------------------

from widgets.rows import DELETED, INSERTED, PLAIN, build_rows, next_index, side_blocks  # noqa: E402


def _moved_comparison() -> Comparison:
    draft = document("/d.txt", ["A a.", "B b.", "C c.", "D d."])
    adopted = document("/a.txt", ["A a.", "C c.", "D d.", "B b."])
    pairs = (ParaPair(PairKind.EQUAL, (0,), (0,)), ParaPair(PairKind.EQUAL, (2,), (1,)),
             ParaPair(PairKind.EQUAL, (3,), (2,)), ParaPair(PairKind.MOVED, (1,), (3,)))
    return Comparison(draft, adopted, pairs)


def test_moved_pair_gives_two_rows_in_each_documents_order():
    rows = build_rows(_moved_comparison())
    assert [(r.pair, r.draft, r.adopted) for r in rows] == [
        (0, (0,), (0,)), (3, (1,), ()), (1, (2,), (1,)), (2, (3,), (2,)), (3, (), (3,))]
    # Each pane shows every paragraph of its document once, in document order.
    assert [i for r in rows for i in r.draft] == [0, 1, 2, 3]
    assert [i for r in rows for i in r.adopted] == [0, 1, 2, 3]


def test_changed_only_keeps_changes():
    rows = build_rows(_moved_comparison(), changed_only=True)
    assert [r.kind for r in rows] == [PairKind.MOVED, PairKind.MOVED]


def test_cross_language_pairs_without_findings_count_as_equal():
    rows = build_rows(cross_comparison())
    assert [r.kind for r in rows] == [PairKind.CHANGED, PairKind.EQUAL]


def test_split_pair_is_cut_into_paragraph_blocks_with_styles():
    draft = document("/d.txt", ["OP2. Calls upon all to act and to report;"])
    adopted = document("/a.txt", ["2. Calls upon all to act;", "3. Also calls upon all to report;"])
    ops = (DiffOp(Op.EQUAL, "Calls upon all to act", "Calls upon all to act"),
           DiffOp(Op.DELETE, a=" and to report;"), DiffOp(Op.INSERT, b=";\nAlso calls upon all to report;"))
    c = Comparison(draft, adopted, (ParaPair(PairKind.SPLIT, (0,), (0, 1), 0.7, ops),))
    a_blocks = side_blocks(c, 0, "a", (0,))
    b_blocks = side_blocks(c, 0, "b", (0, 1))
    assert [(b.paragraph, b.segments) for b in a_blocks] == [
        (0, [("Calls upon all to act", PLAIN), (" and to report;", DELETED)])]
    assert [(b.paragraph, b.segments) for b in b_blocks] == [
        (0, [("Calls upon all to act", PLAIN), (";", INSERTED)]),
        (1, [("Also calls upon all to report;", INSERTED)])]


def test_finding_spans_shift_past_the_label():
    c = cross_comparison()
    block = side_blocks(c, 0, "a", (0,))[0]
    start, end, _ = block.findings[0]
    shown = "".join(t for t, _ in block.segments)
    assert shown[start:end] == "7 avril 2025"


def test_next_index():
    items = [2, 5, 9]
    assert next_index(items, 5, True, inclusive=False) == 9
    assert next_index(items, 5, True, inclusive=True) == 5
    assert next_index(items, 5, False, inclusive=False) == 2
    assert next_index(items, 1, False, inclusive=True) is None
    assert next_index(items, 9, True, inclusive=False) is None
