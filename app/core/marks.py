"""One reading of a comparison for every view: each side's text cut into marked spans, and the counts.

The window's panes (widgets/rows.py), the comparison sheet (app/io/sheet_rows.py, rendered as HTML for
the PDF and print, and as a Word table) all read a pair's word ops, findings and formatting through
``side_marks`` and show the same thing; they differ only in how they render a ``Mark``:

* ``DELETED`` / ``INSERTED``: words only in the draft / only in the adopted text. Words that compare
  equal under an ignore option (case, punctuation, spaces, quotes) are ``EQUAL``, as the user asked.
  A pair with no usable ops (across languages, or ops that do not rebuild the text) is whole: its text
  is ``DELETED`` for a draft-only pair, ``INSERTED`` for an adopted-only pair, else ``EQUAL``.
* ``MOVED``: every span of a moved pair (the window tints the paragraph; its word changes are diffed
  at word level like any pair and carry ``DELETED`` / ``INSERTED`` as well).
* ``FINDING``: the stretch a finding of the cross-check points at (``Finding.draft_span`` /
  ``adopted_span``): figures, dates, symbols, openings, across languages too.
* ``BOLD`` / ``ITALIC``: the source's own emphasis (italic operative verbs).

Marks combine as flags (``Mark.INSERTED | Mark.FINDING | Mark.ITALIC``); ``Mark.EQUAL`` is no mark.
No Qt here: the engine runs without it.
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import Flag
from typing import Sequence

from app.core.compare import compared_text
from app.core.model import Comparison, Document, Finding, Kind, Op, PairKind, ParaPair

SIDES = {"a": "a", "draft": "a", "b": "b", "adopted": "b"}


class Mark(Flag):
    """How a stretch of text is shown; flags combine."""

    EQUAL = 0
    DELETED = 1
    INSERTED = 2
    MOVED = 4
    FINDING = 8
    BOLD = 16
    ITALIC = 32


@dataclass(frozen=True)
class Span:
    """A stretch of one paragraph's shown text with one mark; ``findings`` are those pointing at it."""

    text: str
    mark: Mark = Mark.EQUAL
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class MarkedParagraph:
    """One paragraph of a side (``index`` into that side's Document.paragraphs) as marked spans; the
    spans' texts joined are the paragraph's shown text (with or without its label, see ``side_marks``)."""

    index: int
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


def effective_kind(comparison: Comparison, pair: ParaPair) -> PairKind:
    """The kind the reviewer sees: across languages every aligned pair is 'changed' (it is a
    translation), so only pairs with findings count as changed there; equal words formatted otherwise
    (an operative verb no longer italic) and an equal pair with findings are a change."""
    if comparison.cross_language and pair.kind is PairKind.CHANGED and not pair.findings:
        return PairKind.EQUAL
    if pair.kind is PairKind.EQUAL and (pair.findings or pair.formatting_changed):
        return PairKind.CHANGED
    return pair.kind


def is_change(comparison: Comparison, pair: ParaPair) -> bool:
    """Whether the window counts the pair as a change (shows it in "Changed paragraphs only")."""
    return effective_kind(comparison, pair) is not PairKind.EQUAL


def _side(side: str) -> str:
    try:
        return SIDES[side]
    except KeyError:
        raise ValueError(f"side must be 'draft' ('a') or 'adopted' ('b'), not {side!r}") from None


_DEL, _INS = Mark.DELETED.value, Mark.INSERTED.value     # as ints: Flag arithmetic is slow per span


def _op_segments(pair: ParaPair, side: str, compared: str) -> list[tuple[str, int]]:
    """The side's text from the ops as (text, Mark flags as an int: DELETED, INSERTED or none), or the
    whole text with the mark of a one-sided pair when the ops are missing or do not rebuild ``compared``."""
    out: list[tuple[str, int]] = []
    delete, insert = Op.DELETE, Op.INSERT
    for op in pair.ops:
        kind = op.op
        if side == "a" and kind is not insert:
            out.append((op.a, _DEL if kind is delete else 0))
        elif side == "b" and kind is not delete:
            out.append((op.b, _INS if kind is insert else 0))
    if not pair.ops or "".join(t for t, _ in out) != compared:
        whole = {PairKind.DELETED: _DEL, PairKind.INSERTED: _INS}.get(pair.kind, 0)
        return [(compared, whole)] if compared else []
    return [(t, m) for t, m in out if t]


def inline_marks(comparison: Comparison, pair: ParaPair | int) -> list[tuple[str, Mark]] | None:
    """A pair's word changes inline, in reading order: (text, Mark.EQUAL / DELETED / INSERTED), equal
    words as the adopted text has them; None when the pair is one-sided or its ops do not rebuild both
    sides' compared texts (``compare.compared_text``; across languages there are no ops)."""
    if isinstance(pair, int):
        pair = comparison.pairs[pair]
    if not pair.ops or not pair.draft or not pair.adopted:
        return None
    options = comparison.options
    if ("".join(op.a for op in pair.ops if op.op is not Op.INSERT) != compared_text(comparison.draft, pair.draft, options)
            or "".join(op.b for op in pair.ops if op.op is not Op.DELETE)
            != compared_text(comparison.adopted, pair.adopted, options)):
        return None
    out = [(op.a, Mark.DELETED) if op.op is Op.DELETE else (op.b, Mark.INSERTED if op.op is Op.INSERT else Mark.EQUAL)
           for op in pair.ops]
    return [(text, mark) for text, mark in out if text]


def side_marks(comparison: Comparison, pair: ParaPair | int, side: str, *, labels: bool = True,
               indexes: Sequence[int] | None = None) -> list[MarkedParagraph]:
    """The paragraphs of one side of a pair as marked spans.

    ``pair``: a ParaPair of ``comparison`` or its index in ``comparison.pairs``; ``side``: "draft"/"a"
    or "adopted"/"b". ``labels``: keep each paragraph's printed label (``Paragraph.prefix``) in its
    text (the sheet; the label is marked only when the whole paragraph is deleted or inserted); False
    drops it when the comparison ignores labels (the window, which shows labels in a margin). ``indexes``: the side's paragraphs to return (default: all of the pair's).
    Offsets never leave a paragraph: a split or merged pair's joined ops are cut at the paragraph
    boundaries. Raises ValueError for an unknown side."""
    side = _side(side)
    if isinstance(pair, int):
        pair = comparison.pairs[pair]
    doc = comparison.draft if side == "a" else comparison.adopted
    own = pair.draft if side == "a" else pair.adopted
    if not own:
        return []
    paras = [doc.paragraphs[i] for i in own]
    hide = comparison.options.ignore_labels
    segments = _op_segments(pair, side, compared_text(doc, own, comparison.options))
    moved = Mark.MOVED if pair.kind is PairKind.MOVED else Mark.EQUAL
    # Layers per paragraph, in offsets of Paragraph.text: (start, end, Mark flags as an int, finding or None).
    layers: list[list[tuple[int, int, int, Finding | None]]] = [[] for _ in paras]
    shift = [len(p.prefix) if hide else 0 for p in paras]    # where the compared text starts in p.text
    begins, ends, at = [], [], 0                             # each paragraph's place in ``compared``
    for p, s in zip(paras, shift):
        begins.append(at)
        at += len(p.text) - s
        ends.append(at)
        at += 1                                              # the "\n" between paragraphs
    k = pos = 0                                              # paragraph, offset in ``compared``
    for text, mark in segments:
        i = 0
        while i < len(text):
            while k < len(ends) - 1 and pos > ends[k]:        # past the separator: next paragraph
                k += 1
            if pos == ends[k] and k < len(ends) - 1:          # the separator itself is not shown
                i, pos = i + 1, pos + 1
                continue
            take = min(len(text) - i, ends[k] - pos)
            base = pos - begins[k] + shift[k]
            layers[k].append((base, base + take, mark, None))
            i, pos = i + take, pos + take
    starts, at = [], 0                                       # offsets of each paragraph in the joined text
    for p in paras:
        starts.append(at)
        at += len(p.text) + 1
    for f in pair.findings:
        span = f.draft_span if side == "a" else f.adopted_span
        if span is None:
            continue
        for n, p in enumerate(paras):
            start, end = max(0, span[0] - starts[n]), min(len(p.text), span[1] - starts[n])
            if end > start:
                layers[n].append((start, end, Mark.FINDING.value, f))
    one_sided = {PairKind.DELETED: Mark.DELETED, PairKind.INSERTED: Mark.INSERTED}.get(pair.kind, Mark.EQUAL).value
    bold, italic = Mark.BOLD.value, Mark.ITALIC.value
    for n, p in enumerate(paras):
        if hide and p.prefix and one_sided:                  # the label of a paragraph only one side has
            layers[n].append((0, len(p.prefix), one_sided, None))
        at = 0
        for run in p.runs:
            emphasis = (bold if run.bold else 0) | (italic if run.italic else 0)
            end = min(len(p.text), at + len(run.text))
            if emphasis and end > at:
                layers[n].append((at, end, emphasis, None))
            at += len(run.text)
    wanted = set(own if indexes is None else indexes)
    out = []
    for n, p in enumerate(paras):
        if own[n] not in wanted:
            continue
        first = len(p.prefix) if hide and not labels else 0
        out.append(MarkedParagraph(own[n], _sweep(p.text, first, layers[n], moved)))
    return out


_MARKS: dict[int, Mark] = {}


def _mark(value: int) -> Mark:
    """The Mark of an int of flags (cached: building a Flag from an int is slow, and this runs per span)."""
    mark = _MARKS.get(value)
    if mark is None:
        mark = _MARKS[value] = Mark(value)
    return mark


def _sweep(text: str, first: int, layers: list[tuple[int, int, int, Finding | None]], base: Mark) -> tuple[Span, ...]:
    """``text[first:]`` cut where any layer starts or ends; each piece carries the marks (and findings)
    of the layers covering it; neighbours with the same marks and findings are one span."""
    clipped = []                                         # (start, end, flags as int, finding)
    for start, end, flags, finding in layers:
        start, end = max(start, first), min(end, len(text))
        if end > start:
            clipped.append((start, end, flags, finding))
    clipped.sort(key=lambda layer: layer[0])
    pieces: list[tuple[int, int, int, tuple]] = []     # (start, end, flags, findings)
    if all(a[1] <= b[0] for a, b in zip(clipped, clipped[1:])):    # no overlaps: the usual paragraph
        pos = first
        for start, end, flags, finding in clipped:
            if start > pos:
                pieces.append((pos, start, 0, ()))
            pieces.append((start, end, flags, (finding,) if finding is not None else ()))
            pos = end
        if pos < len(text):
            pieces.append((pos, len(text), 0, ()))
    else:
        events = sorted([(lay[0], 1, n) for n, lay in enumerate(clipped)] + [(lay[1], 0, n) for n, lay in enumerate(clipped)])
        active: set[int] = set()
        pos = first
        for offset, starting, n in events + [(len(text), 0, -1)]:
            if offset > pos:
                flags, found = 0, []
                for k in sorted(active):
                    flags |= clipped[k][2]
                    if clipped[k][3] is not None:
                        found.append(clipped[k][3])
                pieces.append((pos, offset, flags, tuple(found)))
                pos = offset
            if n >= 0:
                (active.add if starting else active.discard)(n)
    spans: list[Span] = []
    last = None
    base_flags = base.value
    for start, end, flags, found in pieces:
        flags |= base_flags
        if last is not None and last[2] == flags and last[3] == found:
            last = (last[0], end, flags, found)
        else:
            if last is not None:
                spans.append(Span(text[last[0]:last[1]], _mark(last[2]), last[3]))
            last = (start, end, flags, found)
    if last is not None:
        spans.append(Span(text[last[0]:last[1]], _mark(last[2]), last[3]))
    return tuple(spans)


# -- where a run of unchanged paragraphs lies ----------------------------------------------------------

MATTER_KINDS = frozenset({Kind.HEADER, Kind.TITLE, Kind.FOOTER, Kind.PAGE_HEADER, Kind.PAGE_FOOTER})


def is_matter(comparison: Comparison, pair: ParaPair) -> bool:
    """Whether a pair is front or back matter only: every paragraph on both sides is a header, title,
    footer, page header or page footer (grouped into one item in the window and the annotated file)."""
    kinds = [comparison.draft.paragraphs[i].kind for i in pair.draft] + \
        [comparison.adopted.paragraphs[i].kind for i in pair.adopted]
    return bool(kinds) and all(k in MATTER_KINDS for k in kinds)


def paragraph_label(document: Document, index: int) -> str:
    """A paragraph's label as an officer says it: PP5, OP3, OP3bis (an operative paragraph printed "3."
    or "3 bis" is OP3 / OP3bis); "" when it has none."""
    para = document.paragraphs[index]
    label = para.display_label
    return f"OP{label}" if para.kind is Kind.OPERATIVE and label[:1].isdigit() else label


def paragraph_position(document: Document, index: int) -> str:
    """A paragraph's place: its label, else "¶n" (its number in the document, counted from 1)."""
    return paragraph_label(document, index) or f"\u00b6{index + 1}"


def pair_position(comparison: Comparison, pair: ParaPair) -> str:
    """A pair's place: that of its first adopted paragraph (``paragraph_position``), else of its first
    draft one; "" for a pair with no paragraph."""
    if pair.adopted:
        return paragraph_position(comparison.adopted, pair.adopted[0])
    return paragraph_position(comparison.draft, pair.draft[0]) if pair.draft else ""


def gap_span(comparison: Comparison, pairs: Sequence[int]) -> str:
    """Where unchanged pairs (indexes into ``comparison.pairs``, in order) lie: "PP6–PP11", or one
    place when they are one pair or begin and end at the same label; "" for no pairs."""
    if not pairs:
        return ""
    first = pair_position(comparison, comparison.pairs[pairs[0]])
    last = pair_position(comparison, comparison.pairs[pairs[-1]])
    return first if len(pairs) == 1 or first == last else f"{first}\u2013{last}"


# -- counts -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    """What the window's status bar and the sheet's header count. Same language: pairs changed
    (``changed``) and words; across languages every pair is a translation, so pairs with findings
    (``with_findings``) stand in for changed ones and no words are counted."""

    cross_language: bool
    changed: int
    with_findings: int
    inserted: int
    deleted: int
    moved: int
    split_merged: int
    words_deleted: int
    words_inserted: int
    findings: int          # every finding, the whole document's included

    @property
    def words(self) -> int:
        return self.words_deleted + self.words_inserted


def counts(comparison: Comparison) -> Counts:
    """The counts of a comparison, as the window shows them and the sheet prints them."""
    s = comparison.stats
    return Counts(comparison.cross_language, s.changed, sum(1 for p in comparison.pairs if p.findings),
                  s.inserted, s.deleted, s.moved, s.split + s.merged, s.words_deleted, s.words_inserted,
                  len(comparison.all_findings()))
