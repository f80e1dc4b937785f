"""In-order pairing of the blocks of two stories (paragraphs, tables, content controls) or of the rows
of two tables, for the redline.

The paragraph aligner (``app.core.align``) proposes one-to-one matches; only those between blocks of
the same kind are kept, and of those the longest run that keeps both orders (a tracked-change file
reads in one order: a moved block is deleted at its old place and inserted at its new one). Blocks left
between two pairs are paired by position when both gaps hold the same kinds in the same order (a
paragraph whose only content, a picture, was replaced; a short line that changed every word), else
they are deleted and inserted.
"""
from __future__ import annotations

from typing import Sequence

from app.core.align import Match, longest_increasing, align_same_language

Step = tuple  # (draft index | None, adopted index | None)


def pair_in_order(draft: Sequence[tuple[str, str]], adopted: Sequence[tuple[str, str]],
                  *, by_text: bool = True) -> list[Step]:
    """Steps in reading order for blocks given as (kind, text) pairs.

    Returns [(i, j)] for paired blocks, (i, None) for a draft block with no partner, (None, j) for an
    adopted one; every index appears once, and i and j each increase. With ``by_text`` False (texts in
    different languages) only the positional pairing of equal kinds is used.
    """
    anchors: list[tuple[int, int]] = []
    if by_text and draft and adopted:
        exact = _exact_pairs(draft, adopted)
        if exact is not None:
            anchors = exact
        else:
            matches: list[Match] = align_same_language([t for _, t in draft], [t for _, t in adopted])
            anchors = sorted((m.draft[0], m.adopted[0]) for m in matches
                             if len(m.draft) == 1 and len(m.adopted) == 1
                             and draft[m.draft[0]][0] == adopted[m.adopted[0]][0])
            anchors = longest_increasing(anchors)
    steps: list[Step] = []
    bounds = [(-1, -1)] + anchors + [(len(draft), len(adopted))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        gap_a, gap_b = list(range(i0 + 1, i1)), list(range(j0 + 1, j1))
        if gap_a and [draft[i][0] for i in gap_a] == [adopted[j][0] for j in gap_b]:
            steps += list(zip(gap_a, gap_b))
        else:
            steps += [(i, None) for i in gap_a] + [(None, j) for j in gap_b]
        if i1 < len(draft):
            steps.append((i1, j1))
    return steps


def _exact_pairs(draft, adopted) -> list[tuple[int, int]] | None:
    """When both sides are the same sequence of blocks (the usual case for table rows and notes), pair
    them all at once; None otherwise."""
    if len(draft) == len(adopted) and all(a == b for a, b in zip(draft, adopted)):
        return list(zip(range(len(draft)), range(len(adopted))))
    return None
