"""The comparison sheet's content, independent of its rendering (HTML for Qt/PDF, or a Word table).

One row per pair: the label column, then each side as segments (kept / deleted / inserted / flagged
text), then the findings and the reviewer's note. Runs of equal pairs may collapse into one row.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from app.core.model import Comparison, Op, PairKind, ParaPair

KEEP, DELETED, INSERTED = "keep", "deleted", "inserted"


@dataclass(frozen=True)
class Row:
    label: str
    draft: tuple[tuple[str, str], ...]      # (style, text); "\n" separates paragraphs
    adopted: tuple[tuple[str, str], ...]
    kind: str                               # a PairKind value, or "collapsed"
    notes: tuple[str, ...] = ()             # findings and the reviewer's note, one line each


def _label(c: Comparison, pair: ParaPair) -> str:
    a = " + ".join(c.draft.paragraphs[i].display_label for i in pair.draft if c.draft.paragraphs[i].display_label)
    b = " + ".join(c.adopted.paragraphs[j].display_label for j in pair.adopted
                   if c.adopted.paragraphs[j].display_label)
    if a and b and (a != b):
        return f"{a} \u2192 {b}"
    return a or b


def _sides(c: Comparison, pair: ParaPair) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    draft = [c.draft.paragraphs[i] for i in pair.draft]
    adopted = [c.adopted.paragraphs[j] for j in pair.adopted]
    if c.cross_language or not pair.ops or not draft or not adopted:
        a_style = DELETED if not adopted and draft and not c.cross_language else KEEP
        b_style = INSERTED if not draft and adopted and not c.cross_language else KEEP
        return ([(a_style, "\n".join(p.text for p in draft))] if draft else [],
                [(b_style, "\n".join(p.text for p in adopted))] if adopted else [])
    a_out: list[tuple[str, str]] = []
    b_out: list[tuple[str, str]] = []
    if c.options.ignore_labels:
        a_out.append((KEEP, draft[0].prefix))
        b_out.append((KEEP, adopted[0].prefix))
    for op in pair.ops:
        if op.op is Op.EQUAL and op.a == op.b:
            a_out.append((KEEP, op.a))
            b_out.append((KEEP, op.b))
        else:
            if op.op in (Op.EQUAL, Op.DELETE) and op.a:
                a_out.append((DELETED, op.a))
            if op.op in (Op.EQUAL, Op.INSERT) and op.b:
                b_out.append((INSERTED, op.b))
    return [s for s in a_out if s[1]], [s for s in b_out if s[1]]


def moved_note(c: Comparison, n: int) -> str:
    """Where a moved paragraph came from and where it now stands: "Moved from draft PP5 (now after draft PP6)"."""
    pair = c.pairs[n]
    here = " + ".join(_name(c.draft.paragraphs[i]) for i in pair.draft)
    before = next((c.pairs[k] for k in range(n - 1, -1, -1) if c.pairs[k].draft and c.pairs[k].adopted), None)
    where = f"now after draft {_name(c.draft.paragraphs[before.draft[-1]])}" if before else "now first"
    return f"Moved from draft {here} ({where})"


def _name(p) -> str:
    return p.display_label or p.source or f"paragraph {p.index + 1}"


def sheet_rows(c: Comparison, *, collapse_equal: bool = False, notes: Mapping[int, str] | None = None) -> list[Row]:
    notes = notes or {}
    rows: list[Row] = []
    run = 0
    for n, pair in enumerate(c.pairs):
        lines = tuple(f"{f.severity.value.upper()}: {f.message}" for f in pair.findings)
        if notes.get(n, "").strip():
            lines += (f"Note: {notes[n].strip()}",)
        if pair.kind is PairKind.MOVED:
            lines = (moved_note(c, n),) + lines
        quiet = pair.kind is PairKind.EQUAL and not lines and not pair.label_changed
        if collapse_equal and quiet:
            run += 1
            continue
        if run:
            rows.append(_collapsed(run))
            run = 0
        a, b = _sides(c, pair)
        rows.append(Row(_label(c, pair), tuple(a), tuple(b), pair.kind.value, lines))
    if run:
        rows.append(_collapsed(run))
    return rows


def _collapsed(count: int) -> Row:
    text = f"\u2026 {count} unchanged paragraph{'s' if count != 1 else ''} \u2026"
    return Row("", ((KEEP, text),), ((KEEP, text),), "collapsed")


def summary(c: Comparison) -> str:
    s = c.stats
    parts = [f"{s.changed} changed", f"{s.inserted} inserted", f"{s.deleted} deleted", f"{s.moved} moved"]
    if s.split or s.merged:
        parts.append(f"{s.split + s.merged} split/merged")
    text = ", ".join(parts) + " paragraphs"
    if not c.cross_language:
        text += f"; {s.words_deleted} words deleted, {s.words_inserted} inserted"
    text += f"; {s.findings} findings; {c.mode}"
    return text
