"""Events of a tracked-change layout, from the comparison's paragraph pairs.

Each pair becomes a stream of events in reading order: ``Text`` (kept, deleted, inserted, moved from or
to, with the run formatting of the source paragraph it comes from), ``Break`` (a paragraph mark on both
sides, or on one side only) and ``Style`` (what the next paragraph looks like). ``tracked_layout`` lays
the stream out as WordprocessingML. Used when the tracked file is laid out from the comparison (a text
draft, an adopted text that is not Word); two Word files are redlined by ``app.io.redline`` instead.
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterator, Sequence

from app.core.model import Comparison, Op, PairKind, ParaPair, Paragraph, Run
from app.io.revisions_xml import PLAIN

EQ, DEL, INS, MOVE_FROM, MOVE_TO = "eq", "del", "ins", "moveFrom", "moveTo"
TAGS = {DEL: "w:del", INS: "w:ins", MOVE_FROM: "w:moveFrom", MOVE_TO: "w:moveTo"}


@dataclass(frozen=True)
class Text:
    kind: str
    text: str
    fmt: Run


@dataclass(frozen=True)
class Break:
    kind: str


@dataclass(frozen=True)
class Style:
    """The next paragraph looks like ``paragraph``; ``counterpart`` is the draft paragraph that the
    same paragraph mark ends under reject-all, when there is one."""
    paragraph: Paragraph
    counterpart: Paragraph | None = None


class Cursor:
    """Walks one side's paragraphs as ops consume their text, to know each piece's formatting."""

    def __init__(self, paragraphs: Sequence[Paragraph], skip_prefix: bool) -> None:
        self.paragraphs = list(paragraphs)
        self.skip_prefix = skip_prefix
        self.k = 0
        self.offset = len(self.current.prefix) if (self.paragraphs and skip_prefix) else 0

    @property
    def current(self) -> Paragraph | None:
        return self.paragraphs[self.k] if self.k < len(self.paragraphs) else None

    def advance(self) -> None:
        self.k += 1
        self.offset = len(self.current.prefix) if (self.current and self.skip_prefix) else 0

    def prefix(self) -> str:
        return self.current.prefix if (self.current and self.skip_prefix) else ""

    def take(self, text: str, at: int | None = None) -> list[tuple[str, Run]]:
        """Split ``text`` (which sits at the cursor, or at ``at``) by the paragraph's run formatting."""
        start = self.offset if at is None else at
        if at is None:
            self.offset += len(text)
        par = self.current
        if par is None or not par.runs:
            return [(text, PLAIN)] if text else []
        out: list[tuple[str, Run]] = []
        pos = 0
        for run in par.runs:
            r_end = pos + len(run.text)
            lo, hi = max(pos, start), min(r_end, start + len(text))
            if lo < hi:
                out.append((text[lo - start:hi - start], run))
            pos = r_end
        covered = sum(len(t) for t, _ in out)
        if covered < len(text):    # runs shorter than the text: keep the rest plain, never lose text
            out.append((text[covered:], PLAIN))
        return out


def _texts(kind: str, cursor: Cursor, text: str) -> Iterator[Text]:
    for piece, fmt in cursor.take(text):
        yield Text(kind, piece, fmt)


def pair_events(pair: ParaPair, comparison: Comparison) -> Iterator[object]:
    """Events of one pair in reading order (moves give their moveTo part here)."""
    draft = [comparison.draft.paragraphs[i] for i in pair.draft]
    adopted = [comparison.adopted.paragraphs[j] for j in pair.adopted]
    if pair.kind is PairKind.MOVED and draft:
        yield from whole(draft=[], adopted=adopted, ins_kind=MOVE_TO)
    elif comparison.cross_language or not pair.ops or not draft or not adopted:
        yield from whole(draft, adopted)
    else:
        yield from from_ops(pair, draft, adopted, comparison.options.ignore_labels)


def whole(draft: Sequence[Paragraph], adopted: Sequence[Paragraph], del_kind: str = DEL,
          ins_kind: str = INS) -> Iterator[object]:
    """All of the draft deleted, all of the adopted inserted (cross-language, inserted, deleted, moved)."""
    a, b = Cursor(draft, False), Cursor(adopted, False)

    def adopted_style(n: int) -> Style:   # the last adopted mark is kept: it ends the last draft paragraph
        return Style(adopted[n], draft[-1] if draft and n == len(adopted) - 1 else None)

    for n, p in enumerate(draft):
        shared = n == len(draft) - 1 and bool(adopted)   # the last draft text runs into the first adopted
        yield adopted_style(0) if shared else Style(p)
        yield from _texts(del_kind, a, p.text)
        if not shared:
            yield Break(del_kind)
        a.advance()
    for n, p in enumerate(adopted):
        if n or not draft:
            yield adopted_style(n)
        yield from _texts(ins_kind, b, p.text)
        yield Break(EQ if n == len(adopted) - 1 and draft else ins_kind)
        b.advance()


def from_ops(pair: ParaPair, draft: Sequence[Paragraph], adopted: Sequence[Paragraph],
             ignore_labels: bool) -> Iterator[object]:
    a, b = Cursor(draft, ignore_labels), Cursor(adopted, ignore_labels)
    yield Style(adopted[0], draft[0])
    yield from _prefixes(a, b)
    for op in pair.ops:
        if op.op is Op.EQUAL and op.a == op.b:
            yield from _equal(a, b, op.a)
        elif op.op is Op.EQUAL:            # equal under an ignore option: show the real change
            for same, x, y in _refine(op.a, op.b):
                if same:
                    yield from _equal(a, b, x)
                else:
                    yield from _one_side(DEL, a, b, x)
                    yield from _one_side(INS, a, b, y)
        elif op.op is Op.DELETE:
            yield from _one_side(DEL, a, b, op.a)
        else:
            yield from _one_side(INS, a, b, op.b)
    yield Break(EQ)


_TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")


def _refine(a: str, b: str) -> Iterator[tuple[bool, str, str]]:
    """Split an op that compared equal only under an ignore option (case, quotes, spaces) into the
    stretches that are really equal and those that differ, so only "Calls" -> "calls" is tracked."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        yield tag == "equal", "".join(ta[i1:i2]), "".join(tb[j1:j2])


def _equal(a: Cursor, b: Cursor, text: str) -> Iterator[object]:
    for n, line in enumerate(text.split("\n")):
        if n:
            yield Break(EQ)
            a.advance()
            b.advance()
            yield Style(b.current or a.current, a.current if b.current else None)
            yield from _prefixes(a, b)
        if line:
            a.take(line)
            yield from _texts(EQ, b, line)


def _one_side(kind: str, a: Cursor, b: Cursor, text: str) -> Iterator[object]:
    cursor = a if kind == DEL else b
    for n, line in enumerate(text.split("\n")):
        if n:
            yield Break(kind)
            cursor.advance()
            # After a deleted break the next paragraph still ends at the adopted paragraph's mark.
            yield Style(b.current or a.current, a.current if kind == DEL and b.current else None)
            prefix = cursor.prefix()
            if prefix:
                yield from _prefix_texts(kind, cursor, prefix)
        if line:
            yield from _texts(kind, cursor, line)


def _prefix_texts(kind: str, cursor: Cursor, prefix: str) -> Iterator[Text]:
    for piece, fmt in cursor.take(prefix, at=0):
        yield Text(kind, piece, fmt)


def _prefixes(a: Cursor, b: Cursor) -> Iterator[Text]:
    pa, pb = a.prefix(), b.prefix()
    if pa == pb:
        yield from _prefix_texts(EQ, b, pb)
    else:
        yield from _prefix_texts(DEL, a, pa)
        yield from _prefix_texts(INS, b, pb)


def document_events(comparison: Comparison, skip=None) -> Iterator[tuple[int, object]]:
    """All events, with moveFrom parts placed where the moved paragraphs stood in the draft.
    Yields (move number or 0, event). Pairs for which ``skip(pair)`` is true are left out (footnotes
    written as Word footnotes), and so are page headers and footers: they are not body text (the
    adopted .docx used as the template keeps its own)."""
    kept = [p for p in comparison.pairs if (skip is None or not skip(p)) and not _page_pair(comparison, p)]
    moves = [p for p in kept if p.kind is PairKind.MOVED and p.draft]
    # Each move's draft part goes before the first pair (not itself moved) that starts later in the
    # draft, or at the end; in draft order, so moves from neighbouring draft places keep their order
    # before the same pair. The first such pair is found by bisection on the running maximum of those
    # pairs' draft starts (a scan per move would make many moves quadratic).
    anchors = [(k, p.draft[0]) for k, p in enumerate(kept) if p.kind is not PairKind.MOVED and p.draft]
    highest: list[int] = []
    for _, start in anchors:
        highest.append(max(start, highest[-1]) if highest else start)
    before: dict[int, list[ParaPair]] = {}
    for move in sorted(moves, key=lambda p: p.draft[0]):
        n = bisect_right(highest, move.draft[0])
        before.setdefault(anchors[n][0] if n < len(anchors) else len(kept), []).append(move)
    items: list[tuple[str, ParaPair]] = []
    for k, pair in enumerate(kept):
        items += [("from", move) for move in before.get(k, ())]
        items.append(("pair", pair))
    items += [("from", move) for move in before.get(len(kept), ())]
    numbers = {id(p): n for n, p in enumerate(moves, 1)}
    for what, pair in items:
        if what == "from":
            draft = [comparison.draft.paragraphs[i] for i in pair.draft]
            for event in whole(draft, [], del_kind=MOVE_FROM):
                yield numbers[id(pair)], event
        else:
            for event in pair_events(pair, comparison):
                yield numbers.get(id(pair), 0), event


def _page_pair(comparison: Comparison, pair: ParaPair) -> bool:
    sides = [comparison.draft.paragraphs[i] for i in pair.draft] + [comparison.adopted.paragraphs[j]
                                                                     for j in pair.adopted]
    return bool(sides) and all(p.kind.is_page for p in sides)
