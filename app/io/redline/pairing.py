"""In-order pairing of the blocks of two stories (paragraphs, tables, content controls) or of the rows
of two tables, for the redline.

The paragraph aligner (``app.core.align``) proposes one-to-one matches; only those between blocks of
the same kind are kept, and of those the longest run that keeps both orders (a tracked-change file
reads in one order: a moved block is deleted at its old place and inserted at its new one). Blocks left
between two pairs are paired by kind in order: tables with tables (their rows are then paired), and
paragraphs by position when both gaps hold as many (a paragraph whose only content, a picture, was
replaced; a short line that changed every word); the rest are deleted and inserted.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import Sequence

from app.core.align import Match, longest_increasing, align_same_language

Step = tuple  # (draft index | None, adopted index | None)


def pair_in_order(draft: Sequence[tuple[str, str]], adopted: Sequence[tuple[str, str]],
                  *, by_text: bool = True, anchors: list[tuple[int, int]] | None = None,
                  alone: tuple[set[int], set[int]] | None = None) -> list[Step]:
    """Steps in reading order for blocks given as (kind, text) pairs.

    Returns [(i, j)] for paired blocks, (i, None) for a draft block with no partner, (None, j) for an
    adopted one; every index appears once, and i and j each increase. With ``by_text`` False (texts in
    different languages) only the positional pairing of equal kinds is used. ``anchors`` (i, j) given
    by the caller (the comparison's own pairs) replace the aligner's; those out of order are dropped.
    ``alone`` (draft indexes, adopted indexes) are blocks the caller knows have no partner.
    """
    if anchors is not None:
        anchors = longest_increasing(sorted(a for a in anchors if draft[a[0]][0] == adopted[a[1]][0]))
    elif not (by_text and draft and adopted):
        anchors = []
    else:
        anchors = _exact_pairs(draft, adopted)
        if anchors is None:
            matches: list[Match] = align_same_language([t for _, t in draft], [t for _, t in adopted])
            anchors = longest_increasing(sorted(
                (m.draft[0], m.adopted[0]) for m in matches
                if len(m.draft) == 1 and len(m.adopted) == 1 and draft[m.draft[0]][0] == adopted[m.adopted[0]][0]))
    steps: list[Step] = []
    bounds = [(-1, -1)] + anchors + [(len(draft), len(adopted))]
    for (i0, j0), (i1, j1) in zip(bounds, bounds[1:]):
        steps += _gap(list(range(i0 + 1, i1)), list(range(j0 + 1, j1)), draft, adopted, alone or (set(), set()))
        if i1 < len(draft):
            steps.append((i1, j1))
    return steps


def _gap(gap_a: list[int], gap_b: list[int], draft, adopted, alone: tuple[set[int], set[int]]) -> list[Step]:
    """Steps for the blocks between two pairs: tables (and other non-paragraph blocks) pair with the
    same kind in order; paragraphs pair by position only when both gaps hold as many."""
    if not gap_a or not gap_b:            # nothing to pair (between two neighbouring pairs, most often)
        return [(i, None) for i in gap_a] + [(None, j) for j in gap_b]
    kinds_a, kinds_b = [draft[i][0] for i in gap_a], [adopted[j][0] for j in gap_b]
    same_count = kinds_a.count("p") == kinds_b.count("p")
    steps: list[Step] = []
    i = j = 0
    for block in SequenceMatcher(None, kinds_a, kinds_b, autojunk=False).get_matching_blocks():
        steps += [(gap_a[k], None) for k in range(i, block.a)] + [(None, gap_b[k]) for k in range(j, block.b)]
        for k in range(block.size):
            ia, jb = gap_a[block.a + k], gap_b[block.b + k]
            if (kinds_a[block.a + k] != "p" or same_count) and ia not in alone[0] and jb not in alone[1]:
                steps.append((ia, jb))
            else:
                steps += [(ia, None), (None, jb)]
        i, j = block.a + block.size, block.b + block.size
    return steps


def _exact_pairs(draft, adopted) -> list[tuple[int, int]] | None:
    """When both sides are the same sequence of blocks (the usual case for table rows and notes), pair
    them all at once; None otherwise."""
    if len(draft) == len(adopted) and all(a == b for a, b in zip(draft, adopted)):
        return list(zip(range(len(draft)), range(len(adopted))))
    return None
