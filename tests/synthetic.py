"""Generated same-language document pairs with known edits, for tests and benchmarks.

A deterministic pseudo-English vocabulary makes paragraphs that are distinct from each other (as real
resolution paragraphs are) while every edit applied to build the adopted side is recorded, so the
tests can compare what the engine found with what was done.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

_SYLLABLES = ("ra", "ti", "on", "al", "ma", "re", "co", "de", "ve", "lo", "pe", "ment", "hu", "ri", "gh",
              "ts", "ce", "sta", "na", "ly", "ter", "pro", "in", "ex", "con", "mi", "sec", "ur", "ity", "ac")
_COMMON = ("the", "of", "and", "to", "in", "for", "on", "with", "by", "its", "all", "human", "rights",
           "Council", "Government", "international", "national", "States", "law", "efforts")


def vocabulary(size: int, rng: random.Random) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def paragraph(rng: random.Random, vocab: list[str], n_words: int) -> str:
    words = [rng.choice(_COMMON) if rng.random() < 0.35 else rng.choice(vocab) for _ in range(n_words)]
    words[0] = words[0].capitalize()
    for k in range(6, n_words - 2, rng.randint(7, 12)):
        words[k] += ","
    return " ".join(words) + rng.choice((",", ";", "."))


@dataclass
class SyntheticPair:
    draft: list[str]
    adopted: list[str]
    moved: list[tuple[int, int]] = field(default_factory=list)      # (draft index, adopted index)
    word_edits: int = 0


def make_pair(n_paragraphs: int, words_per_paragraph: int = 50, edit_rate: float = 0.05,
              n_moves: int = 20, seed: int = 7) -> SyntheticPair:
    """Draft of ``n_paragraphs``; adopted = draft with ``edit_rate`` of words replaced, inserted or
    deleted, and ``n_moves`` paragraphs moved far from where they were."""
    rng = random.Random(seed)
    vocab = vocabulary(5000, rng)
    draft = [paragraph(rng, vocab, max(8, int(rng.gauss(words_per_paragraph, words_per_paragraph / 4))))
             for _ in range(n_paragraphs)]
    edited = []
    edits = 0
    for text in draft:
        words = text.split(" ")
        out = []
        for w in words:
            r = rng.random()
            if r < edit_rate / 3:
                out.append(rng.choice(vocab))              # replaced
                edits += 1
            elif r < 2 * edit_rate / 3:
                edits += 1                                 # deleted
            elif r < edit_rate:
                out.extend((w, rng.choice(vocab)))         # inserted after
                edits += 1
            else:
                out.append(w)
        edited.append(" ".join(out) if out else words[0])
    order = list(range(n_paragraphs))
    movers = rng.sample(range(n_paragraphs), min(n_moves, n_paragraphs // 4)) if n_moves else []
    for i in movers:
        order.remove(i)
        span = max(4, n_paragraphs // 5)
        target = (order.index(order[min(len(order) - 1, max(0, i + rng.choice((-1, 1)) * rng.randint(span // 2, span)))])
                  if order else 0)
        order.insert(target, i)
    adopted = [edited[i] for i in order]
    moved = [(i, order.index(i)) for i in movers]
    return SyntheticPair(draft, adopted, moved, edits)


@dataclass
class Edited:
    draft: list[str]
    adopted: list[str]
    word_edits: dict[int, tuple[str, str]] = field(default_factory=dict)  # adopted index -> (old, new)
    moved: int | None = None        # adopted index of the moved paragraph
    split: tuple[int, int] | None = None   # adopted indexes that were one draft paragraph
    merged: int | None = None       # adopted index of a paragraph that was two in the draft
    inserted: int | None = None     # adopted index only in the adopted text
    deleted: str | None = None      # draft text only in the draft


def edit(bodies: list[str], seed: int) -> Edited:
    """Make a draft from the adopted text: each edit on its own paragraph, far from the others."""
    rng = random.Random(seed)
    adopted = list(bodies)
    picks = rng.sample(range(2, len(adopted) - 3, 3), 6)   # spaced, so edits never touch
    w_at, move_at, split_at, merge_at, ins_at, del_at = picks
    draft = list(adopted)
    out = Edited(draft=[], adopted=adopted)
    words = draft[w_at].split(" ")
    k = rng.randrange(1, len(words) - 1)
    old = words[k]
    words[k] = "zanzibar" if old.isalpha() else "Quixotic,"
    draft[w_at] = " ".join(words)
    out.word_edits[w_at] = (words[k], old)
    # split: the draft had the adopted paragraphs split_at and split_at+1 as one
    # merge: the adopted paragraph merge_at was two draft paragraphs (cut at a middle space)
    mid = adopted[merge_at].find(" ", len(adopted[merge_at]) // 2)
    rows: list[tuple[int | None, str]] = []
    for i, text in enumerate(draft):
        if i == split_at + 1:
            continue
        if i == split_at:
            rows.append((i, text + " " + adopted[split_at + 1]))
        elif i == merge_at:
            rows += [(i, text[:mid]), (None, text[mid + 1:])]
        elif i == ins_at:
            continue   # only in the adopted text
        else:
            rows.append((i, text))
    deleted = "Stressing the importance of an entirely invented consideration that the adopted text dropped,"
    at = next(n for n, (i, _) in enumerate(rows) if i == del_at)
    rows.insert(at, (None, deleted))
    moved = next(n for n, (i, _) in enumerate(rows) if i == move_at)
    row = rows.pop(moved)
    rows.insert(min(len(rows), moved + 7), row)  # the draft had it seven paragraphs later
    out.draft = [t for _, t in rows]
    out.moved, out.split, out.merged, out.inserted, out.deleted = move_at, (split_at, split_at + 1), merge_at, ins_at, deleted
    return out
