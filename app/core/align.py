"""Same-language paragraph alignment.

1. Every paragraph becomes a set of folded word 3-grams ("shingles").
2. Candidates come from an inverted index over the adopted shingles (common shingles are skipped), so
   the cost grows with the text, not with the square of the paragraph count.
3. Mutual best matches are anchors; the longest increasing run of anchors is the in-order backbone
   (anchors off it are moves).
4. Between backbone anchors, a small dynamic programme pairs the remaining paragraphs in order.
5. Neighbours of a pair that are contained in it become split/merged parts.
6. Unpaired paragraphs on both sides are paired across the document as moves.
7. A draft and an adopted paragraph left alone between the same two pairs are paired as a rewrite when
   they open alike or share enough words; the rest are inserted/deleted.
The result is a list of Match records; compare.py orders them and adds word diffs.
"""
from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from app.core.model import PairKind
from app.core.tokenize import match_words

MATCH_THRESHOLD = 0.35      # dice similarity needed to pair two paragraphs in order
MOVE_THRESHOLD = 0.5        # stricter for pairing across the document
PART_CONTAINMENT = 0.6      # share of a split/merge part found in the whole
COMMON_SHINGLE = 24         # a shingle in more adopted paragraphs than this is not a useful candidate
MAX_GAP_CELLS = 250_000     # larger gaps fall back to greedy in-order pairing
REWRITE_WITH_OPENING = 0.2  # word-set dice for a lone pair between the same anchors that opens alike ...
REWRITE_WORDS = 0.4         # ... or for one that does not


@dataclass(frozen=True)
class Match:
    kind: PairKind
    draft: tuple[int, ...]
    adopted: tuple[int, ...]
    similarity: float


def shingles(text: str) -> frozenset:
    words = match_words(text)
    if len(words) < 3:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(words, words[1:], words[2:]))


def dice(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def containment(part: frozenset, whole: frozenset) -> float:
    return len(part & whole) / len(part) if part else 0.0


class _Index:
    """Inverted index of adopted shingles, for candidate lookup."""

    def __init__(self, sets: Sequence[frozenset]) -> None:
        postings: dict = defaultdict(list)
        for j, s in enumerate(sets):
            for sh in s:
                postings[sh].append(j)
        self._postings = {k: v for k, v in postings.items() if len(v) <= COMMON_SHINGLE}

    def candidates(self, s: frozenset) -> Counter:
        counts: Counter = Counter()
        for sh in s:
            hits = self._postings.get(sh)
            if hits:
                counts.update(hits)
        return counts


def _best_matches(a_sets, b_sets, index: _Index) -> tuple[dict[int, tuple[int, float]], dict[int, tuple[int, float]]]:
    best_a: dict[int, tuple[int, float]] = {}
    best_b: dict[int, tuple[int, float]] = {}
    for i, s in enumerate(a_sets):
        for j, shared in index.candidates(s).items():
            score = 2 * shared / (len(s) + len(b_sets[j]))
            if score > best_a.get(i, (-1, 0.0))[1]:
                best_a[i] = (j, score)
            if score > best_b.get(j, (-1, 0.0))[1]:
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
    a_sets = [shingles(t) for t in draft_texts]
    b_sets = [shingles(t) for t in adopted_texts]
    na, nb = len(a_sets), len(b_sets)
    index = _Index(b_sets)
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

    matches = _grow_splits_and_merges(pairs, a_sets, b_sets, na, nb)
    taken_a = {i for m in matches for i in m.draft}
    taken_b = {j for m in matches for j in m.adopted}
    matches += _moves(a_sets, b_sets, taken_a, taken_b, index)
    matches += _rewritten(matches, draft_texts, adopted_texts)
    taken_a = {i for m in matches for i in m.draft}
    taken_b = {j for m in matches for j in m.adopted}
    matches += [Match(PairKind.DELETED, (i,), (), 0.0) for i in range(na) if i not in taken_a]
    matches += [Match(PairKind.INSERTED, (), (j,), 0.0) for j in range(nb) if j not in taken_b]
    return matches


def _grow_splits_and_merges(pairs: dict[int, tuple[int, float]], a_sets, b_sets, na: int, nb: int) -> list[Match]:
    """Turn in-order pairs into 1:1, split (1:n) or merged (n:1) matches by absorbing unpaired neighbours
    that are contained in the paired paragraph."""
    paired_b = {j for j, _ in pairs.values()}
    paired_a = set(pairs)
    out: list[Match] = []
    for i in sorted(pairs):
        j, s = pairs[i]
        a_ids, b_ids = [i], [j]
        # split: unpaired adopted neighbours that come out of draft paragraph i
        for step in (-1, 1):
            k = j + step
            while 0 <= k < nb and k not in paired_b and containment(b_sets[k], a_sets[i]) >= PART_CONTAINMENT:
                b_ids.append(k)
                paired_b.add(k)
                k += step
        if len(b_ids) == 1:  # merge: unpaired draft neighbours that went into adopted paragraph j
            for step in (-1, 1):
                k = i + step
                while 0 <= k < na and k not in paired_a and containment(a_sets[k], b_sets[j]) >= PART_CONTAINMENT:
                    a_ids.append(k)
                    paired_a.add(k)
                    k += step
        a_ids.sort()
        b_ids.sort()
        if len(b_ids) > 1:
            whole = frozenset().union(*(b_sets[k] for k in b_ids))
            out.append(Match(PairKind.SPLIT, tuple(a_ids), tuple(b_ids), dice(a_sets[i], whole)))
        elif len(a_ids) > 1:
            whole = frozenset().union(*(a_sets[k] for k in a_ids))
            out.append(Match(PairKind.MERGED, tuple(a_ids), tuple(b_ids), dice(whole, b_sets[j])))
        else:
            out.append(Match(PairKind.CHANGED, (i,), (j,), s))
    return out


def _rewritten(matches: list[Match], draft_texts: Sequence[str], adopted_texts: Sequence[str]) -> list[Match]:
    """A draft paragraph and an adopted one left alone between the same two in-order pairs (one on each
    side) are the same paragraph rewritten when they open with the same word or share a fair part of
    their words: "Allocates 10 000 dollars;" and "Allocates 12 000 dollars;" have no word 3-gram in
    common, a heavily rewritten OP7 few, yet each is the other's counterpart (issue #15)."""
    taken_a = {i for m in matches for i in m.draft}
    taken_b = {j for m in matches for j in m.adopted}
    backbone = sorted((m.draft[0], m.adopted[0]) for m in matches if m.kind is not PairKind.MOVED)
    bounds = [(-1, -1)] + backbone + [(len(draft_texts), len(adopted_texts))]
    out = []
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        lone_a = [i for i in range(i0 + 1, i1) if i not in taken_a]
        lone_b = [j for j in range(j0 + 1, j1) if j not in taken_b]
        if len(lone_a) != 1 or len(lone_b) != 1:
            continue
        a_words, b_words = match_words(draft_texts[lone_a[0]]), match_words(adopted_texts[lone_b[0]])
        if not a_words or not b_words:
            continue
        same_opening = a_words[0] == b_words[0] and len(a_words) > 1 and len(b_words) > 1
        shared = dice(frozenset(a_words), frozenset(b_words))
        if (same_opening and shared >= REWRITE_WITH_OPENING) or shared >= REWRITE_WORDS:
            out.append(Match(PairKind.CHANGED, (lone_a[0],), (lone_b[0],), round(shared, 4)))
    return out


def _moves(a_sets, b_sets, taken_a: set[int], taken_b: set[int], index: _Index) -> list[Match]:
    """Pair what is left on both sides, best similarity first."""
    free_b = set(range(len(b_sets))) - taken_b
    scored = []
    for i in range(len(a_sets)):
        if i in taken_a:
            continue
        for j, shared in index.candidates(a_sets[i]).items():
            if j in free_b:
                s = 2 * shared / (len(a_sets[i]) + len(b_sets[j]))
                if s >= MOVE_THRESHOLD:
                    scored.append((s, i, j))
    out = []
    used_a: set[int] = set()
    for s, i, j in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i not in used_a and j in free_b:
            used_a.add(i)
            free_b.discard(j)
            out.append(Match(PairKind.MOVED, (i,), (j,), s))
    return out
