"""Same-language acceptance on real text: drafts built from the adopted English resolution by known
edits (words replaced, inserted, deleted; paragraphs inserted, deleted, moved, split, merged); the pairs
and word ops found must be the edits made."""
from __future__ import annotations

import pytest

from app.core.compare import compare_documents
from app.core.diffops import side_text
from app.core.model import Document, Kind, Op, PairKind, Paragraph
from app.io.pipeline import load_document
from synthetic import Edited, edit


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
