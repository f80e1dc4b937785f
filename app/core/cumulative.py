"""The cumulative view of a negotiation trail (issue #19): every version's text in one document.

A *union* holds every paragraph that any version of the trail has, in one order that is the reading
order of each version: an ordered list of paragraph *instances*, each a list of text *segments*. A
segment is text with the version it appeared in (``born``, 0 for the first version) and the version it
went in (``died``, None while it is still there); an instance has the same two numbers for the
paragraph itself. The text of version k is the text alive at k: segments and instances with
``born <= k < died`` (``visible_text``). The paragraph marks that end the instances in a file are
chosen apart (``_marks``), so that the marks living in each version break it into exactly its
paragraphs (``rendered_text``). Written as Word revisions (``app.io.export_cumulative``), each
round's changes carry the name of the version they lead to, so accepting the revisions of rounds 1..k
and rejecting the rest gives version k.

The union is built round by round from the trail's comparisons. A pair that keeps one paragraph in
place (equal or changed, same language, in order) continues its instance: the exact word diff of the
two texts (labels, spaces and quotes as typed) marks the deleted words dead and adds the inserted ones.
Everything else (inserted, deleted, moved, split and merged paragraphs, every pair of a cross-language
round) ends the old instances and starts new ones where the new version has them: whole-paragraph
deletion and insertion, exact under accept and reject.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace

from app.core.align import longest_increasing
from app.core.model import CompareOptions, Comparison, Op, PairKind, Paragraph, Run
from app.core.trail import Trail
from app.core.worddiff import diff_words

log = logging.getLogger(__name__)

PLAIN = Run("")
# The diff that continues an instance must rebuild both texts exactly: labels, spaces, quotes as typed.
EXACT = CompareOptions(ignore_labels=False, conflate_spaces=False, conflate_quotes=False)
_CONTINUING = (PairKind.EQUAL, PairKind.CHANGED)


@dataclass(frozen=True)
class Segment:
    """Text that appeared in version ``born`` and went in version ``died`` (None: in the last one too),
    with the run formatting of the version it appeared in."""

    text: str
    born: int
    died: int | None = None
    fmt: Run = PLAIN

    def alive(self, version: int) -> bool:
        return self.born <= version and (self.died is None or version < self.died)


@dataclass(frozen=True)
class Instance:
    """One paragraph of the union: its segments, the versions its paragraph is in (``born`` <= k <
    ``died``), the last Paragraph it shows (kind and style), and ``marks``: the (born, died) of each
    paragraph mark that ends it in a file (see ``_marks``). Usually one, mostly living where the
    instance lives; none when it runs into the next instance; more than one only in the fallback where
    the versions a mark must live in are not one span: the first ends the instance itself, each other
    one ends an empty paragraph written right after it."""

    segments: tuple[Segment, ...]
    born: int
    died: int | None
    paragraph: Paragraph
    marks: tuple[tuple[int, int | None], ...] = ((0, None),)

    def alive(self, version: int) -> bool:
        return self.born <= version and (self.died is None or version < self.died)

    def text(self, version: int) -> str:
        """Its text in ``version`` ("" where it is not in it)."""
        return "".join(s.text for s in self.segments if s.alive(version))


@dataclass(frozen=True)
class Union:
    """Every paragraph of every version of a trail, in an order that is each version's reading order."""

    instances: tuple[Instance, ...]
    names: tuple[str, ...]             # the versions' names (round k's author is names[k])
    languages: tuple[str, ...] = ()    # each version's language

    @property
    def versions(self) -> int:
        return len(self.names)


def visible_text(union: Union, version: int) -> list[str]:
    """The paragraph texts of ``version`` (0-based): the instances alive there, their living text.
    Raises IndexError for a version the trail does not have."""
    if not 0 <= version < union.versions:
        raise IndexError(f"version {version} of {union.versions}")
    return [inst.text(version) for inst in union.instances if inst.alive(version)]


def rendered_text(union: Union, version: int) -> list[str]:
    """The paragraphs a word processor shows for ``version``: text and paragraph marks alive there, a
    paragraph ending at each living mark (the last instance's mark always lives: a document's final
    mark cannot be tracked). Equal to ``visible_text`` when the marks are right. Raises IndexError."""
    if not 0 <= version < union.versions:
        raise IndexError(f"version {version} of {union.versions}")
    out, current = [], []
    last = len(union.instances) - 1
    for n, inst in enumerate(union.instances):
        current.append(inst.text(version))
        if n == last:                  # the final mark: always there
            out.append("".join(current))
            break
        for born, died in inst.marks:
            if born <= version and (died is None or version < died):
                out.append("".join(current))
                current = []
    return out


def build_union(trail: Trail) -> Union:
    """The union of every version of ``trail`` (see the module doc). Never raises for a well-formed
    Trail; a continued paragraph whose diff would not rebuild its new text (it cannot happen with exact
    options) is logged and replaced as a whole."""
    order: list[_Inst] = [_Inst([_Seg(t, 0, None, f) for t, f in _formatted(p, 0, p.text)], 0, None, p)
                          for p in trail.versions[0].paragraphs]
    current = list(order)                              # instance of each paragraph of the version
    for k, comparison in enumerate(trail.comparisons):
        current = _round(order, current, comparison, k + 1)
    instances = [_frozen(i) for i in order]
    marks = _marks([(i.born, i.died) for i in instances], len(trail.versions))
    instances = tuple(replace(i, marks=m) for i, m in zip(instances, marks))
    return Union(instances, tuple(trail.names), tuple(v.language for v in trail.versions))


# -- building -----------------------------------------------------------------------------------------

@dataclass(eq=False)
class _Seg:
    text: str
    born: int
    died: int | None
    fmt: Run = PLAIN


@dataclass(eq=False)
class _Inst:
    segments: list[_Seg]
    born: int
    died: int | None
    paragraph: Paragraph
    alive_text: str = field(default="")

    def __post_init__(self) -> None:
        self.alive_text = "".join(s.text for s in self.segments if s.died is None)


def _frozen(inst: _Inst) -> Instance:
    merged: list[Segment] = []
    for s in inst.segments:
        if not s.text:
            continue
        if merged and (merged[-1].born, merged[-1].died, merged[-1].fmt) == (s.born, s.died, s.fmt):
            merged[-1] = replace(merged[-1], text=merged[-1].text + s.text)
        else:
            merged.append(Segment(s.text, s.born, s.died, s.fmt))
    return Instance(tuple(merged), inst.born, inst.died, inst.paragraph)


def _round(order: list[_Inst], current: list[_Inst], comparison: Comparison, r: int) -> list[_Inst]:
    """Apply comparison ``r - 1`` (version r-1 -> r) to ``order`` in place; return the instance of each
    paragraph of version r."""
    new = comparison.adopted.paragraphs
    pair_of: dict[int, int] = {}                       # adopted paragraph -> its pair
    for n, pair in enumerate(comparison.pairs):
        for j in pair.adopted:
            pair_of.setdefault(j, n)
    continued = _continued(comparison)                 # adopted j -> draft i
    kept = set(continued.values())
    for i, inst in enumerate(current):
        if i not in kept:
            _kill(inst, r)
    result: list[_Inst | None] = [None] * len(new)
    for j, i in continued.items():
        inst = current[i]
        if not _continue(inst, new[j], r):
            _kill(inst, r)
            continue
        result[j] = inst
    spot = _Spot(order, r, comparison, current, result, _sequence(comparison, current, r))
    prev: _Inst | None = None
    for j, paragraph in enumerate(new):
        if result[j] is not None:
            prev = result[j]
            continue
        inst = _Inst([_Seg(t, r, None, f) for t, f in _formatted(paragraph, 0, paragraph.text)], r, None, paragraph)
        order.insert(spot.place(prev, j, pair_of.get(j)), inst)
        result[j] = prev = inst
    return result          # type: ignore[return-value]


def _sequence(comparison: Comparison, current: list[_Inst], r: int) -> dict[_Inst, float]:
    """Where each paragraph that went in round ``r`` stands among the comparison's pairs (which come in
    reading order): its pair's index, or for a moved paragraph its old place (just before the first
    pair, not a move, that starts after it in the old version)."""
    starts = [(p.draft[0], n) for n, p in enumerate(comparison.pairs) if p.draft and p.kind is not PairKind.MOVED]
    out: dict[_Inst, float] = {}
    for n, pair in enumerate(comparison.pairs):
        for i in pair.draft:
            if i >= len(current) or current[i].died != r:
                continue
            if pair.kind is PairKind.MOVED:
                out[current[i]] = next((m for d, m in starts if d > i), len(comparison.pairs)) - 0.5
            else:
                out[current[i]] = n
    return out


@dataclass
class _Spot:
    """Places the new instances of one round (see ``place``)."""

    order: list[_Inst]
    r: int
    comparison: Comparison
    current: list[_Inst]                   # instance of each paragraph of the old version
    result: list                           # instance of each paragraph of the new version, so far
    sequence: dict[_Inst, float]           # old paragraphs gone in this round: their place among pairs

    def place(self, prev: _Inst | None, j: int, pair_index: int | None) -> int:
        """Where the new instance of paragraph ``j`` goes: after the instance of the paragraph before
        it (``prev``) and before the next living instance. Within that window: right after the
        paragraphs its pair replaces (cross-language pairs, splits, merges), right after the previous
        new paragraph of the same pair; else after the instances that went earlier and those that went
        in this round at an earlier place in the pairs' reading order."""
        order = self.order
        start = order.index(prev) + 1 if prev is not None else 0
        end = start
        while end < len(order) and order[end].died is not None:
            end += 1
        if pair_index is not None:
            pair = self.comparison.pairs[pair_index]
            if j != pair.adopted[0]:
                if self.result[pair.adopted[pair.adopted.index(j) - 1]] is prev:
                    return start
            elif pair.draft:
                after = max(order.index(self.current[i]) for i in pair.draft if i < len(self.current)) + 1
                if start <= after <= end:
                    return after
        here = float("inf") if pair_index is None else pair_index
        at = start
        while at < end and (order[at].died < self.r or self.sequence.get(order[at], float("inf")) < here):
            at += 1
        return at


def _continued(comparison: Comparison) -> dict[int, int]:
    """Adopted paragraph -> draft paragraph for the pairs that keep one paragraph in place: equal or
    changed, one paragraph on each side, same language, and in order (the longest chain of such pairs
    increasing on both sides, should the alignment ever cross two of them)."""
    if comparison.cross_language:
        return {}
    candidates = sorted((p.adopted[0], p.draft[0]) for p in comparison.pairs
                        if p.kind in _CONTINUING and len(p.draft) == 1 and len(p.adopted) == 1)
    return dict(longest_increasing(candidates))


def _kill(inst: _Inst, r: int) -> None:
    inst.died = r
    for s in inst.segments:
        if s.died is None:
            s.died = r
    inst.alive_text = ""


def _continue(inst: _Inst, paragraph: Paragraph, r: int) -> bool:
    """Turn ``inst`` (alive text = version r-1's paragraph) into ``paragraph`` by an exact word diff:
    deleted text dies in r, inserted text is born in r. False (nothing changed) when the ops would not
    rebuild the new text."""
    old, target = inst.alive_text, paragraph.text
    if old == target:
        inst.paragraph = paragraph
        return True
    segments = list(inst.segments)
    out: list[_Seg] = []
    at = [0, 0]                                        # segment index, offset in it
    new_offset = 0

    def take(n: int, dies: bool) -> None:
        while n > 0:
            if at[0] >= len(segments):
                raise ValueError("ops consume more text than the paragraph has")
            seg = segments[at[0]]
            if seg.died is not None:                   # dead text passes through where it stands
                out.append(seg)
                at[0] += 1
                continue
            piece = seg.text[at[1]:at[1] + n]
            out.append(_Seg(piece, seg.born, r if dies else None, seg.fmt))
            at[1] += len(piece)
            n -= len(piece)
            if at[1] >= len(seg.text):
                at[0], at[1] = at[0] + 1, 0

    def insert(text: str) -> None:
        nonlocal new_offset
        out.extend(_Seg(t, r, None, f) for t, f in _formatted(paragraph, new_offset, text))
        new_offset += len(text)

    try:
        for op in diff_words(old, target, EXACT):
            if op.op is Op.EQUAL and op.a == op.b:
                take(len(op.a), dies=False)
                new_offset += len(op.b)
            elif op.op is Op.EQUAL:                    # equal only once normalised (NFC, soft hyphen...)
                take(len(op.a), dies=True)
                insert(op.b)
            elif op.op is Op.DELETE:
                take(len(op.a), dies=True)
            else:
                insert(op.b)
        rest = segments[at[0]:]
        if at[1] or any(s.died is None for s in rest):
            raise ValueError("ops leave text of the paragraph unconsumed")
        out.extend(rest)
    except ValueError:
        log.warning("word diff did not follow the paragraph's text; replaced as a whole", exc_info=True)
        return False
    alive = "".join(s.text for s in out if s.died is None)
    if alive != target:
        log.warning("word diff did not rebuild the new paragraph text; replaced as a whole")
        return False
    inst.segments = out
    inst.alive_text = alive
    inst.paragraph = paragraph
    return True


def _formatted(paragraph: Paragraph, start: int, text: str) -> list[tuple[str, Run]]:
    """``text`` (which stands at ``start`` in ``paragraph.text``) cut by the paragraph's run formatting."""
    if not paragraph.runs:
        return [(text, PLAIN)] if text else []
    out: list[tuple[str, Run]] = []
    pos = 0
    for run in paragraph.runs:
        lo, hi = max(pos, start), min(pos + len(run.text), start + len(text))
        if lo < hi:
            out.append((text[lo - start:hi - start], replace(run, text="")))
        pos += len(run.text)
    covered = sum(len(t) for t, _ in out)
    if covered < len(text):                            # runs shorter than the text: the rest is plain
        out.append((text[covered:], PLAIN))
    return out


Span = tuple[int, "int | None"]
BOTH = 100          # cost of a mark inserted by one round and deleted by a later one (see _marks)


def _marks(lives: list[tuple[int, int | None]], versions: int) -> list[tuple[Span, ...]]:
    """The (born, died) spans of the paragraph marks that end each instance in a file.

    A paragraph ends at a living mark; the last instance ends with the document's final mark, which
    cannot be tracked. In each version, between two consecutive living instances exactly one mark must
    live, and none before the first or after the last (they would make empty paragraphs). The natural
    choice (``_natural_marks``) gives each mark the versions where its instance lives and a later one
    does; but a mark that a later round inserted and a still later one deleted (both in one w:rPr, as
    Word writes it) loses its insertion when LibreOffice 7.4 reads it, which leaves an empty paragraph
    in the earlier versions. So the marks are chosen by a shortest path over the instances, the state
    being, per version, whether the current gap already has its mark: the fewest such double marks,
    then the fewest marks that differ from the natural ones. A mark may then live where its own
    instance does not (it ends an empty paragraph's worth of nothing and the text before it)."""
    natural = _natural_marks(lives, versions)
    if versions > 12:                                   # 2 ** versions states at most
        return natural
    spans: list[Span | None] = [None, (0, None)]
    spans += [(b, None) for b in range(1, versions)] + [(0, d) for d in range(1, versions)]
    spans += [(b, d) for b in range(1, versions) for d in range(b + 1, versions)]
    alive = [[born <= v and (died is None or v < died) for v in range(versions)] for born, died in lives]
    n = len(lives)
    before = [[False] * versions]                       # before[i][v]: an instance before i lives in v
    for i in range(n):
        before.append([x or y for x, y in zip(before[-1], alive[i])])
    after = [[False] * versions]                        # after[n - i][v]: one after i - 1 lives in v
    for i in range(n - 1, -1, -1):
        after.append([x or y for x, y in zip(after[-1], alive[i])])
    after = after[::-1]
    states: dict[int, tuple[int, tuple]] = {0: (0, ())}   # gap bits -> (cost, chosen spans)
    for i in range(n):
        moved: dict[int, tuple[int, tuple]] = {}
        for bits, (cost, chosen) in states.items():
            ok = True
            for v in range(versions):
                if alive[i][v]:
                    if before[i][v] and not bits >> v & 1:
                        ok = False                      # the gap before this instance has no mark
                        break
                    bits &= ~(1 << v)
            if not ok:
                continue
            if i == n - 1:
                moved = _better(moved, bits, cost, chosen + ((0, None),))
                continue
            for span in spans:
                new_bits, extra = bits, _cost(span, natural[i])
                for v in range(versions):
                    if span is None or not (span[0] <= v and (span[1] is None or v < span[1])):
                        continue
                    if not before[i + 1][v] or not after[i + 1][v] or new_bits >> v & 1:
                        new_bits = -1
                        break
                    new_bits |= 1 << v
                if new_bits >= 0:
                    moved = _better(moved, new_bits, cost + extra, chosen + (span,))
        states = moved
    if not states:
        log.info("no exact choice of paragraph marks for the cumulative file: the natural ones")
        return natural
    _, chosen = min(states.values(), key=lambda c: c[0])
    return [() if span is None else (span,) for span in chosen]


def _better(states: dict, bits: int, cost: int, chosen: tuple) -> dict:
    if bits not in states or cost < states[bits][0]:
        states[bits] = (cost, chosen)
    return states


def _cost(span: Span | None, natural: tuple[Span, ...]) -> int:
    both = span is not None and span[0] > 0 and span[1] is not None
    return (BOTH if both else 0) + (0 if (span,) == natural or (span is None and not natural) else 1)


def _natural_marks(lives: list[tuple[int, int | None]], versions: int) -> list[tuple[Span, ...]]:
    """Each mark lives exactly where its instance lives and some later instance too (where none does,
    the instance is the last paragraph of that version and the final mark ends it): no mark when that
    is never, one mark per run of consecutive versions otherwise (the second and later end empty
    paragraphs written right after the instance). The last instance has the final mark."""
    out: list[tuple[Span, ...]] = []
    later: set[int] = set()
    for born, died in reversed(lives):
        own = set(range(born, versions if died is None else died))
        if not out:
            out.append(((0, None),))
        else:
            runs: list[list[int]] = []
            for v in sorted(own & later):
                if runs and runs[-1][1] == v:
                    runs[-1][1] = v + 1
                else:
                    runs.append([v, v + 1])
            out.append(tuple((lo, None if hi >= versions else hi) for lo, hi in runs))
        later |= own
    return out[::-1]
