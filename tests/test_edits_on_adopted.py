"""Same-language acceptance on real text: drafts built from the adopted English resolution by known
edits (words replaced, inserted, deleted; paragraphs inserted, deleted, moved, split, merged); the pairs
and word ops found must be the edits made."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest

from app.core.compare import compare_documents
from app.core.diffops import side_text
from app.core.model import Document, Kind, Op, PairKind, Paragraph
from app.io.pipeline import load_document


@pytest.fixture(scope="module")
def adopted_bodies(seed_adopted_path) -> list[str]:
    doc = load_document(seed_adopted_path)
    return [p.body for p in doc.paragraphs if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE)]


@pytest.fixture(scope="module")
def seed_adopted_path():
    from conftest import SEEDS
    path = SEEDS / "adopted_en.txt"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    return path


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


def compare(e: Edited):
    doc = lambda texts, name: Document(name, tuple(Paragraph(i, t) for i, t in enumerate(texts)), language="en")
    return compare_documents(doc(e.draft, "draft.txt"), doc(e.adopted, "adopted.txt"))


@pytest.mark.parametrize("seed", range(8))
def test_pairs_and_ops_are_the_edits_made(adopted_bodies, seed):
    e = edit(adopted_bodies, seed)
    c = compare(e)
    by_adopted = {j: p for p in c.pairs for j in p.adopted}
    (w_at, (new, old)), = e.word_edits.items()
    ops = by_adopted[w_at].ops
    assert by_adopted[w_at].kind is PairKind.CHANGED
    assert [(op.op, op.a.strip(), op.b.strip()) for op in ops if op.op is not Op.EQUAL] == [
        (Op.DELETE, new, ""), (Op.INSERT, "", old)]
    assert by_adopted[e.moved].kind is PairKind.MOVED
    split = by_adopted[e.split[0]]
    assert split.kind is PairKind.SPLIT and split.adopted == e.split
    merged = by_adopted[e.merged]
    assert merged.kind is PairKind.MERGED and len(merged.draft) == 2
    assert by_adopted[e.inserted].kind is PairKind.INSERTED
    deleted = [p for p in c.pairs if p.kind is PairKind.DELETED]
    assert [c.draft.paragraphs[p.draft[0]].text for p in deleted] == [e.deleted]
    others = {p.kind for p in c.pairs} - {PairKind.EQUAL, PairKind.CHANGED, PairKind.MOVED, PairKind.SPLIT,
                                           PairKind.MERGED, PairKind.INSERTED, PairKind.DELETED}
    assert not others
    changed = [j for p in c.pairs if p.kind is PairKind.CHANGED for j in p.adopted]
    assert changed == [w_at]
    for p in c.pairs:   # every pair's ops rebuild both sides
        a = "\n".join(c.draft.paragraphs[i].body for i in p.draft)
        b = "\n".join(c.adopted.paragraphs[j].body for j in p.adopted)
        if p.ops:
            assert (side_text(p.ops, "a"), side_text(p.ops, "b")) == (a, b)
