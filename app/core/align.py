"""Same-language paragraph alignment.

1. Every paragraph becomes a set of folded word 3-grams ("shingles"), each packed in one int; its
   word multiset is made when needed.
2. Candidates come from an inverted index over the adopted shingles (common shingles are skipped), so
   the cost grows with the text, not with the square of the paragraph count.
3. Mutual best matches are anchors (ties go to the nearer relative position); the longest increasing
   run of anchors is the in-order backbone (anchors off it are moves).
4. Between backbone anchors, a small dynamic programme pairs the remaining paragraphs in order.
5. Close copies left unpaired are paired across the document as moves.
6. Free neighbours of a pair that are parts of it become split/merged parts: most of their 3-grams or
   words are what the pair's other paragraph leaves unexplained.
7. Moves on shared words (a third of the words edited) are then looked for among what is left.
   A move whose ends stand in one gap, or that has a more alike partner in its own gap, is read in
   order instead (near-duplicate families).
8. A draft and an adopted paragraph left alone between the same two pairs are paired as a rewrite when
   they open alike or share enough words; the rest are inserted/deleted.
The result is a list of Match records; compare.py orders them and adds word diffs. Measured on the
generated negotiations of tests/negotiation.py (issue #15; README, "Alignment quality").
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from itertools import chain, repeat
from typing import Sequence

from app.core.model import PairKind
from app.core.tokenize import match_words

MATCH_THRESHOLD = 0.35      # dice similarity needed to pair two paragraphs in order
MOVE_THRESHOLD = 0.5        # stricter for pairing across the document
MOVE_WORDS = 0.6            # word-multiset dice for a move whose 3-grams were broken up by edits
PART_CONTAINMENT = 0.6      # share of a split/merge part found in the whole
COMMON_SHINGLE = 24         # a shingle in more adopted paragraphs than this is not a useful candidate
MAX_GAP_CELLS = 250_000     # larger gaps fall back to greedy in-order pairing
REWRITE_WITH_OPENING = 0.2  # word-set dice for a lone pair between the same anchors that opens alike ...
REWRITE_WORDS = 0.4         # ... or for one that does not
SETTLE_GAP = 64             # widest gap searched for an in-order partner of a move's end


@dataclass(frozen=True)
class Match:
    kind: PairKind
    draft: tuple[int, ...]
    adopted: tuple[int, ...]
    similarity: float


def word_numbers(sides: Sequence[Sequence[list[str]]]) -> tuple[list[list[list[int]]], int]:
    """Each word of every paragraph of each side as a number (1, 2, ... by first appearance, one
    numbering for all sides), and the bits the largest number needs: [side][paragraph][word] -> int."""
    vocabulary: dict[str, int] = {}
    number = vocabulary.setdefault
    out = [[[number(w, len(vocabulary) + 1) for w in words] for words in side] for side in sides]
    return out, max(1, len(vocabulary).bit_length())


def packed_shingles(ids: Sequence[int], bits: int) -> tuple[int, ...]:
    """The distinct word 3-grams of a paragraph (word numbers from ``word_numbers``), each packed in
    one int: (x, y, z) is x << 2·bits | y << bits | z, so equal 3-grams are equal ints and different
    ones differ. A paragraph of one or two words is one "3-gram" of its words (packed the same way,
    smaller than any real 3-gram as word numbers start at 1); no words, none."""
    if len(ids) < 3:
        packed = 0
        for i in ids:
            packed = (packed << bits) | i
        return (packed,) if ids else ()
    twice = 2 * bits
    return tuple({(x << twice) | (y << bits) | z for x, y, z in zip(ids, ids[1:], ids[2:])})


class _Shingles:
    """The 3-grams of every paragraph of one side: compact tuples of packed ints (``grams``, what the
    inverted index and candidate counts read) and, made on first use, frozensets for dice and
    containment (only paragraphs left to pair in gaps, moves and splits need one). A frozenset per
    paragraph of 20,000 took 2 kB each; a tuple takes a fifth of it."""

    def __init__(self, grams: list[tuple[int, ...]]) -> None:
        self.grams = grams
        self._sets: dict[int, frozenset] = {}

    def __len__(self) -> int:
        return len(self.grams)

    def __getitem__(self, k: int) -> frozenset:
        found = self._sets.get(k)
        if found is None:
            found = self._sets[k] = frozenset(self.grams[k])
        return found

    def size(self, k: int) -> int:
        """How many distinct 3-grams paragraph ``k`` has (``len(self[k])``, without making the set)."""
        return len(self.grams[k])


def dice(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def containment(part: frozenset, whole: frozenset) -> float:
    return len(part & whole) / len(part) if part else 0.0


class _Bags:
    """Word multisets (Counters) of the paragraphs, made on first use: only paragraphs left unpaired
    by the in-order pass and their neighbours need one."""

    def __init__(self, words: Sequence[list[str]]) -> None:
        self._words = words
        self._bags: dict[int, Counter] = {}

    def __getitem__(self, k: int) -> Counter:
        bag = self._bags.get(k)
        if bag is None:
            bag = self._bags[k] = Counter(self._words[k])
        return bag


_FOUND = (-1).__ne__          # a paragraph number, not the -1 of "not in the index"


class _Index:
    """Inverted index of adopted 3-grams (``_Shingles.grams``), for candidate lookup: a 3-gram of one
    paragraph maps to that paragraph's number, one of several to their list; those of more than
    ``COMMON_SHINGLE`` paragraphs are left out."""

    def __init__(self, grams: Sequence[tuple[int, ...]]) -> None:
        single: dict[int, int] = {}
        several: dict[int, list[int]] = {}
        for j, mine in enumerate(grams):
            for g in mine:
                first = single.pop(g, None)
                if first is not None:
                    several[g] = [first, j]
                elif g in several:
                    several[g].append(j)
                else:
                    single[g] = j
        self._single = single
        self._several = {g: v for g, v in several.items() if len(v) <= COMMON_SHINGLE}

    def candidates(self, grams: tuple[int, ...]) -> Counter:
        """Adopted paragraph -> number of the 3-grams ``grams`` it shares (rare ones only), counted in
        one pass (the order of the counts is of no consequence: ties are settled by position)."""
        return Counter(chain(filter(_FOUND, map(self._single.get, grams, repeat(-1))),
                             chain.from_iterable(filter(None, map(self._several.get, grams)))))


def _best_matches(a_sets: _Shingles, b_sets: _Shingles,
                  index: _Index) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    """Each paragraph's most similar paragraph of the other side, as {index: (other index, dice)}.
    Of equally similar ones (repeated paragraphs), the one nearest the same relative position wins,
    and of two as near, the first."""
    na, nb = max(1, len(a_sets)), max(1, len(b_sets))
    best_a: dict[int, tuple[int, float]] = {}
    best_b: dict[int, tuple[int, float]] = {}
    for i, s in enumerate(a_sets.grams):
        for j, shared in index.candidates(s).items():
            score = 2 * shared / (len(s) + b_sets.size(j))
            old = best_a.get(i)
            if old is None or score > old[1] or (score == old[1] and (abs(j * na - i * nb), j) <
                                                 (abs(old[0] * na - i * nb), old[0])):
                best_a[i] = (j, score)
            old = best_b.get(j)
            if old is None or score > old[1] or (score == old[1] and abs(i * nb - j * na) < abs(old[0] * nb - j * na)):
                best_b[j] = (i, score)
    return best_a, best_b


def longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of (i, j) pairs increasing in both (pairs given sorted by i, distinct i and j)."""
    tails: list[int] = []          # smallest j ending a chain of each length
    tail_idx: list[int] = []
    prev: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_idx.append(k)
        else:
            tails[pos] = j
            tail_idx[pos] = k
        prev[k] = tail_idx[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_idx[-1] if tail_idx else -1
    while k >= 0:
        chain.append(pairs[k])
        k = prev[k]
    return chain[::-1]


def _pair_gap(a_ids: list[int], b_ids: list[int], a_sets, b_sets) -> list[tuple[int, int, float]]:
    """Pair paragraphs of a gap in order, maximising total similarity (Needleman-Wunsch, no gap cost)."""
    n, m = len(a_ids), len(b_ids)
    if not n or not m:
        return []
    if n * m > MAX_GAP_CELLS:
        return _greedy_gap(a_ids, b_ids, a_sets, b_sets)
    sim = [[dice(a_sets[i], b_sets[j]) for j in b_ids] for i in a_ids]
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(1, n + 1):
        row, prev_row, srow = score[x], score[x - 1], sim[x - 1]
        for y in range(1, m + 1):
            s = srow[y - 1]
            diag = prev_row[y - 1] + s if s >= MATCH_THRESHOLD else -1.0
            row[y] = max(prev_row[y], row[y - 1], diag)
    out = []
    x, y = n, m
    while x and y:
        s = sim[x - 1][y - 1]
        if s >= MATCH_THRESHOLD and score[x][y] == score[x - 1][y - 1] + s:
            out.append((a_ids[x - 1], b_ids[y - 1], s))
            x, y = x - 1, y - 1
        elif score[x][y] == score[x - 1][y]:
            x -= 1
        else:
            y -= 1
    return out[::-1]


def _greedy_gap(a_ids, b_ids, a_sets, b_sets) -> list[tuple[int, int, float]]:
    out, y = [], 0
    for i in a_ids:
        for k in range(y, min(y + 8, len(b_ids))):
            s = dice(a_sets[i], b_sets[b_ids[k]])
            if s >= MATCH_THRESHOLD:
                out.append((i, b_ids[k], s))
                y = k + 1
                break
    return out


def align_same_language(draft_texts: Sequence[str], adopted_texts: Sequence[str]) -> list[Match]:
    """Pair the paragraphs of two texts in one language.

    ``draft_texts``/``adopted_texts``: paragraph bodies in document order. Returns one Match per pair,
    split, merge, move, insertion and deletion; every index of both sides is in exactly one Match."""
    a_words = [match_words(t) for t in draft_texts]
    b_words = [match_words(t) for t in adopted_texts]
    (a_ids, b_ids), bits = word_numbers((a_words, b_words))
    a_sets = _Shingles([packed_shingles(ids, bits) for ids in a_ids])
    b_sets = _Shingles([packed_shingles(ids, bits) for ids in b_ids])
    del a_ids, b_ids
    a_bags, b_bags = _Bags(a_words), _Bags(b_words)
    na, nb = len(a_sets), len(b_sets)
    index = _Index(b_sets.grams)
    best_a, best_b = _best_matches(a_sets, b_sets, index)

    # Anchors: mutual best matches that are similar enough. Exact duplicates resolve in order.
    anchors = sorted((i, j) for i, (j, s) in best_a.items()
                     if s >= MATCH_THRESHOLD and best_b.get(j, (-1, 0))[0] == i)
    backbone = longest_increasing(anchors)

    pairs: dict[int, tuple[int, float]] = {i: (j, best_a[i][1]) for i, j in backbone}
    bounds = [(-1, -1)] + backbone + [(na, nb)]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        for i, j, s in _pair_gap(list(range(i0 + 1, i1)), list(range(j0 + 1, j1)), a_sets, b_sets):
            pairs[i] = (j, s)

    # Moves in two rounds. Close copies first, before splits and merges: a paragraph that moved next
    # to a pair whose text contains it (a heading repeated in the paragraph after it) is the move, not
    # a part of that pair. Moves found on shared words (edited moves) only after them: a merged half
    # that reuses a far paragraph's phrases ("all parties directly concerned") is the merge's part.
    taken_a = set(pairs)
    taken_b = {j for j, _ in pairs.values()}
    sides = (a_sets, a_bags, a_words), (b_sets, b_bags, b_words)
    moves = _settle_moves(_moves(sides, taken_a, taken_b, index), pairs, sides, taken_a, taken_b)
    matches = _grow_splits_and_merges(pairs, (a_sets, a_bags), (b_sets, b_bags), taken_a, taken_b) + moves
    matches += _settle_moves(_moves(sides, taken_a, taken_b, index, by_words=True), pairs, sides, taken_a, taken_b)
    matches += _rewritten(matches, a_words, b_words)
    taken_a = {i for m in matches for i in m.draft}
    taken_b = {j for m in matches for j in m.adopted}
    matches += [Match(PairKind.DELETED, (i,), (), 0.0) for i in range(na) if i not in taken_a]
    matches += [Match(PairKind.INSERTED, (), (j,), 0.0) for j in range(nb) if j not in taken_b]
    return matches


def _is_part(k: int, side: tuple, unexplained: frozenset, leftover: Counter) -> bool:
    """Is paragraph ``k`` of ``side`` (its shingle sets and word bags) a part cut off a whole? Yes when
    most of its word 3-grams are among the whole's 3-grams that its partner does not hold
    (``unexplained``), or most of its words among the whole's words that the partner left unused
    (``leftover``): a lead-in "Calls upon all parties:" that came off "Calls upon the parties to ..."
    with a word changed keeps few 3-grams but its words are the draft's leftovers, while a sibling
    "Encourages States to ..." added beside a paragraph opening the same way finds its opening
    already explained by the partner."""
    sets, bags = side
    if containment(sets[k], unexplained) >= PART_CONTAINMENT:
        return True
    size = sum(bags[k].values())
    return size > 1 and sum((bags[k] & leftover).values()) >= PART_CONTAINMENT * size


def _absorb(start: int, whole: int, partner: int, parts: tuple, wholes: tuple, taken: set[int]) -> list[int]:
    """Free neighbours of ``start`` on the ``parts`` side (before it, then after it) that are parts of
    paragraph ``whole`` on the other side, ``partner`` being the one already paired with it; each
    found is marked taken. ``parts``/``wholes``: (shingle sets, word bags) of the two sides."""
    found: list[int] = []
    n = len(parts[0])
    free = [k for k in (start - 1, start + 1) if 0 <= k < n and k not in taken]
    if not free:                               # the common case: both neighbours are paired
        return found
    leftover = wholes[1][whole] - parts[1][partner]
    unexplained = wholes[0][whole] - parts[0][partner]
    for step in (-1, 1):
        k = start + step
        while 0 <= k < n and k not in taken and _is_part(k, parts, unexplained, leftover):
            found.append(k)
            taken.add(k)
            leftover -= parts[1][k]
            k += step
    return found


def _grow_splits_and_merges(pairs: dict[int, tuple[int, float]], a_side: tuple, b_side: tuple,
                            taken_a: set[int], taken_b: set[int]) -> list[Match]:
    """Turn in-order pairs into 1:1, split (1:n) or merged (n:1) matches by absorbing free neighbours
    that are parts of the paired paragraph (``_is_part``). ``a_side``/``b_side``: (shingle sets, word
    bags) per paragraph; ``taken_a``/``taken_b``: indexes already paired, updated in place."""
    a_sets, b_sets = a_side[0], b_side[0]
    out: list[Match] = []
    for i in sorted(pairs):
        j, s = pairs[i]
        b_ids = sorted([j] + _absorb(j, i, j, b_side, a_side, taken_b))      # split: adopted parts of i
        a_ids = [i] if len(b_ids) > 1 else sorted([i] + _absorb(i, j, i, a_side, b_side, taken_a))
        if len(b_ids) > 1:
            whole = frozenset().union(*(b_sets[k] for k in b_ids))
            out.append(Match(PairKind.SPLIT, (i,), tuple(b_ids), dice(a_sets[i], whole)))
        elif len(a_ids) > 1:
            whole = frozenset().union(*(a_sets[k] for k in a_ids))
            out.append(Match(PairKind.MERGED, tuple(a_ids), (j,), dice(whole, b_sets[j])))
        else:
            out.append(Match(PairKind.CHANGED, (i,), (j,), s))
    return out


def rewrite_similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """How much two paragraphs standing at the same place look like one paragraph rewritten: the dice
    similarity of their word sets (0..1) when they open with the same word and share at least
    ``REWRITE_WITH_OPENING`` of their words, or share ``REWRITE_WORDS`` of them; 0 otherwise."""
    if not a or not b:
        return 0.0
    shared = dice(frozenset(a), frozenset(b))
    same_opening = a[0] == b[0] and len(a) > 1 and len(b) > 1
    return shared if (same_opening and shared >= REWRITE_WITH_OPENING) or shared >= REWRITE_WORDS else 0.0


def _rewritten(matches: list[Match], a_words: Sequence[list[str]], b_words: Sequence[list[str]]) -> list[Match]:
    """A draft paragraph and an adopted one left alone between the same two in-order pairs (one on each
    side) are the same paragraph rewritten when they look alike (``rewrite_similarity``): "Allocates
    10 000 dollars;" and "Allocates 12 000 dollars;" have no word 3-gram in common, a heavily rewritten
    OP7 few, yet each is the other's counterpart (issue #15)."""
    taken_a = {i for m in matches for i in m.draft}
    taken_b = {j for m in matches for j in m.adopted}
    backbone = sorted((m.draft[0], m.adopted[0]) for m in matches if m.kind is not PairKind.MOVED)
    bounds = [(-1, -1)] + backbone + [(len(a_words), len(b_words))]
    out = []
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        lone_a = [i for i in range(i0 + 1, i1) if i not in taken_a]
        lone_b = [j for j in range(j0 + 1, j1) if j not in taken_b]
        if len(lone_a) == 1 and len(lone_b) == 1:
            shared = rewrite_similarity(a_words[lone_a[0]], b_words[lone_b[0]])
            if shared:
                out.append(Match(PairKind.CHANGED, (lone_a[0],), (lone_b[0],), round(shared, 4)))
    return out


def _settle_moves(moves: list[Match], pairs: dict[int, tuple[int, float]], sides: tuple,
                  taken_a: set[int], taken_b: set[int]) -> list[Match]:
    """Prefer the in-order reading of a move (issue #15: near-duplicate paragraphs); mark what the
    returned matches pair as taken (``taken_a``/``taken_b``, updated in place).

    - A "move" whose two paragraphs stand between the same two in-order pairs did not move: it is a
      paragraph changed in place, too much for the in-order pass ("Requests the Chair of the Ad Hoc
      Committee:" -> "Requests the President:"). Moves of one gap that cross keep the first in order.
    - A move one of whose ends has, in its own gap, a free paragraph of the other side that is more
      alike (``rewrite_similarity``) is that in-order pair instead, and the far end is left free:
      "Reaffirming the commitment contained in;" rewritten in place is not a far sibling
      "Reaffirming the commitment contained in the Declaration ..." that moved.
    Gaps longer than ``SETTLE_GAP`` paragraphs are not searched for an in-order partner."""
    a_words, b_words = sides[0][2], sides[1][2]
    keys = sorted(pairs)
    js = [pairs[i][0] for i in keys]            # in-order pairs are increasing on both sides
    free_a = set(range(len(a_words))) - taken_a - {m.draft[0] for m in moves}
    free_b = set(range(len(b_words))) - taken_b - {m.adopted[0] for m in moves}
    out: list[Match] = []
    last_in_gap: dict[int, int] = {}           # gap number -> last adopted index settled in it
    for m in sorted(moves, key=lambda m: m.draft[0]):
        i, j = m.draft[0], m.adopted[0]
        gap = bisect_left(keys, i)
        low = js[gap - 1] if gap else -1
        high = js[gap] if gap < len(js) else len(b_words)
        if low < j < high and j > last_in_gap.get(gap, -1):
            last_in_gap[gap] = j
            out.append(Match(PairKind.CHANGED, m.draft, m.adopted, m.similarity))
            continue
        far = rewrite_similarity(a_words[i], b_words[j]) or dice(frozenset(a_words[i]), frozenset(b_words[j]))
        best = (far, -1, -1)
        if high - low <= SETTLE_GAP:
            for k in range(low + 1, high):
                if k in free_b:
                    best = max(best, (rewrite_similarity(a_words[i], b_words[k]), i, k))
        gap_b = bisect_left(js, j)
        low_a = keys[gap_b - 1] if gap_b else -1
        high_a = keys[gap_b] if gap_b < len(keys) else len(a_words)
        if high_a - low_a <= SETTLE_GAP:
            for k in range(low_a + 1, high_a):
                if k in free_a:
                    best = max(best, (rewrite_similarity(a_words[k], b_words[j]), k, j))
        if best[1] < 0:
            out.append(m)
            continue
        _, bi, bj = best
        free_a.discard(bi)
        free_b.discard(bj)
        free_a.add(i) if bi != i else free_b.add(j)
        out.append(Match(PairKind.CHANGED, (bi,), (bj,), round(best[0], 4)))
    taken_a.update(m.draft[0] for m in out)
    taken_b.update(m.adopted[0] for m in out)
    return out


def bag_dice(a: Counter, b: Counter) -> float:
    """Dice similarity of two word multisets: 2 |a ∩ b| / (|a| + |b|), 0..1."""
    size = sum(a.values()) + sum(b.values())
    return 2 * sum((a & b).values()) / size if size else 1.0


def _moves(sides: tuple, taken_a: set[int], taken_b: set[int], index: _Index, *, by_words: bool = False) -> list[Match]:
    """Pair what is left on both sides across the document, best first. ``sides``: (shingle sets,
    word bags, words) of the draft and the adopted side. Paragraphs that share ``MOVE_THRESHOLD`` of
    their word 3-grams; ``by_words``: also those that share a rarer 3-gram and ``MOVE_WORDS`` of their
    words (a paragraph moved with a third of its words changed keeps about a third of its 3-grams but
    two thirds of its words)."""
    (a_sets, a_bags, _), (b_sets, b_bags, _) = sides
    free_b = set(range(len(b_sets))) - taken_b
    scored = []
    for i in range(len(a_sets)):
        if i in taken_a:
            continue
        for j, shared in index.candidates(a_sets.grams[i]).items():
            if j in free_b:
                s = 2 * shared / (a_sets.size(i) + b_sets.size(j))
                if s >= MOVE_THRESHOLD:
                    scored.append((2 * s, i, j, s))
                elif by_words:
                    w = bag_dice(a_bags[i], b_bags[j])
                    if w >= MOVE_WORDS:
                        scored.append((s + w, i, j, s))
    out = []
    used_a: set[int] = set()
    for _, i, j, s in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_a and j in free_b:
            used_a.add(i)
            free_b.discard(j)
            out.append(Match(PairKind.MOVED, (i,), (j,), s))
    return out
