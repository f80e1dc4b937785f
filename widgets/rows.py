"""From a Comparison to what the two panes show: rows in reading order and styled text per side.

A *row* is one step of the side-by-side view. Both panes hold every row in the same order, so rows
are monotone on both sides and scroll sync can interpolate inside the row holding the anchor. A row
shows paragraphs on one side and a placeholder band on the other when the pair is one-sided. A moved
pair gives two rows: its draft text where it stood in the draft (placeholder on the adopted side) and
its adopted text where it stands now (placeholder on the draft side), so each pane stays in its own
document order; the gutter links the two ends.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from app.core.model import Comparison, Op, PairKind, ParaPair, Run

# Styles of text segments.
PLAIN = ""
DELETED = "del"
INSERTED = "ins"


@dataclass(frozen=True)
class Row:
    pair: int                 # index into Comparison.pairs
    kind: PairKind            # effective kind (see effective_kind)
    draft: tuple[int, ...]    # draft paragraphs shown in this row; empty = placeholder
    adopted: tuple[int, ...]  # adopted paragraphs shown in this row; empty = placeholder

    def side(self, side: str) -> tuple[int, ...]:
        return self.draft if side == "a" else self.adopted

    @property
    def is_change(self) -> bool:
        return self.kind is not PairKind.EQUAL


def effective_kind(comparison: Comparison, pair: ParaPair) -> PairKind:
    """The kind the reviewer should see: across languages every aligned pair is 'changed' (it is a
    translation), so only pairs with findings count as changed there; equal words formatted otherwise
    (an operative verb no longer italic) are a change."""
    if comparison.cross_language and pair.kind is PairKind.CHANGED and not pair.findings:
        return PairKind.EQUAL
    if pair.kind is PairKind.EQUAL and (pair.findings or pair.formatting_changed):
        return PairKind.CHANGED
    return pair.kind


def build_rows(comparison: Comparison, changed_only: bool = False) -> list[Row]:
    pairs = comparison.pairs
    # Draft ends of moved pairs, merged into the draft order between the in-order pairs.
    moved_from = sorted((p.draft[0], i) for i, p in enumerate(pairs) if p.kind is PairKind.MOVED and p.draft)
    rows: list[Row] = []
    k = 0

    def flush(before: int | None) -> None:
        nonlocal k
        while k < len(moved_from) and (before is None or moved_from[k][0] < before):
            i = moved_from[k][1]
            rows.append(Row(i, PairKind.MOVED, pairs[i].draft, ()))
            k += 1

    for i, p in enumerate(pairs):
        if p.kind is PairKind.MOVED:
            rows.append(Row(i, PairKind.MOVED, (), p.adopted))
            continue
        if p.draft:
            flush(p.draft[0])
        rows.append(Row(i, effective_kind(comparison, p), p.draft, p.adopted))
    flush(None)
    if changed_only:
        rows = [r for r in rows if r.is_change]
    return rows


def change_rows(rows: list[Row]) -> list[int]:
    return [n for n, r in enumerate(rows) if r.is_change]


def next_index(sorted_items: list[int], current: int, forward: bool, inclusive: bool) -> int | None:
    """The item after (or before) ``current`` in a sorted list; ``inclusive`` accepts ``current``."""
    if forward:
        pos = bisect_left(sorted_items, current if inclusive else current + 1)
        return sorted_items[pos] if pos < len(sorted_items) else None
    pos = bisect_left(sorted_items, current + 1 if inclusive else current) - 1
    return sorted_items[pos] if pos >= 0 else None


@dataclass
class BlockText:
    """One paragraph as a pane shows it: styled segments and finding spans (offsets in the shown text)."""

    paragraph: int
    segments: list[tuple[str, str]]
    findings: list[tuple[int, int, str]]
    emphasis: list[tuple[int, int, Run]] = field(default_factory=list)   # the source's bold/italic runs


def shown_text(comparison: Comparison, side: str, index: int) -> str:
    doc = comparison.draft if side == "a" else comparison.adopted
    para = doc.paragraphs[index]
    return para.body if comparison.options.ignore_labels else para.text


def side_blocks(comparison: Comparison, pair_index: int, side: str, indexes: tuple[int, ...]) -> list[BlockText]:
    """The blocks one pane shows for a pair: word ops of that side cut at paragraph boundaries."""
    pair = comparison.pairs[pair_index]
    texts = [shown_text(comparison, side, i) for i in indexes]
    joined = "\n".join(texts)
    segments = _side_segments(pair, side)
    if segments is None or "".join(t for t, _ in segments) != joined:
        # No usable ops (cross-language, equal pair, or an engine mismatch): the plain text, styled as
        # a whole when the pair is one-sided.
        style = {PairKind.DELETED: DELETED, PairKind.INSERTED: INSERTED}.get(pair.kind, PLAIN)
        segments = [(joined, style)]
    blocks = [BlockText(i, [], []) for i in indexes]
    seps = []  # offsets in ``joined`` of the "\n" that end each paragraph but the last
    pos = 0
    for t in texts[:-1]:
        pos += len(t)
        seps.append(pos)
        pos += 1
    b = 0
    pos = 0
    for text, style in segments:
        i = 0
        while i < len(text):
            if b < len(seps) and seps[b] < pos + len(text):
                j = seps[b] - pos
                if j > i:
                    blocks[b].segments.append((text[i:j], style))
                i = j + 1
                b += 1
            else:
                blocks[b].segments.append((text[i:], style))
                i = len(text)
        pos += len(text)
    _attach_findings(comparison, pair, side, indexes, blocks)
    _attach_emphasis(comparison, side, blocks)
    return blocks


def _attach_emphasis(comparison: Comparison, side: str, blocks: list[BlockText]) -> None:
    """Bold and italic stretches of the source (italic operative verbs)."""
    doc = comparison.draft if side == "a" else comparison.adopted
    for block in blocks:
        para = doc.paragraphs[block.paragraph]
        shift = len(para.prefix) if comparison.options.ignore_labels else 0
        length = sum(len(t) for t, _ in block.segments)
        pos = 0
        for run in para.runs:
            start, end = max(0, pos - shift), min(length, pos + len(run.text) - shift)
            pos += len(run.text)
            if end > start and (run.bold or run.italic):
                block.emphasis.append((start, end, run))


def _side_segments(pair: ParaPair, side: str) -> list[tuple[str, str]] | None:
    if not pair.ops:
        return None
    out: list[tuple[str, str]] = []
    for op in pair.ops:
        if side == "a" and op.op is not Op.INSERT:
            out.append((op.a, DELETED if op.op is Op.DELETE else PLAIN))
        elif side == "b" and op.op is not Op.DELETE:
            out.append((op.b, INSERTED if op.op is Op.INSERT else PLAIN))
    return [(t, s) for t, s in out if t]


def _attach_findings(comparison: Comparison, pair: ParaPair, side: str, indexes: tuple[int, ...],
                     blocks: list[BlockText]) -> None:
    """Spans are offsets in the side's Paragraph.text (several paragraphs joined with "\n" for a
    split / merged pair); each is cut to the blocks it covers and shifted past hidden labels."""
    if not pair.findings or not indexes:
        return
    doc = comparison.draft if side == "a" else comparison.adopted
    starts, pos = [], 0
    for i in indexes:
        starts.append(pos)
        pos += len(doc.paragraphs[i].text) + 1
    for f in pair.findings:
        span = f.draft_span if side == "a" else f.adopted_span
        if span is None:
            continue
        for k, i in enumerate(indexes):
            para = doc.paragraphs[i]
            shift = starts[k] + (len(para.prefix) if comparison.options.ignore_labels else 0)
            length = sum(len(t) for t, _ in blocks[k].segments)
            start, end = max(0, span[0] - shift), min(length, span[1] - shift)
            if end > start:
                blocks[k].findings.append((start, end, f.message))
