"""Issue #15: alignment measured on generated negotiations with known answers (tests/negotiation.py).

The adopted texts are windows of real GA resolutions; each draft undoes planted edits of every kind a
negotiation makes (word edits, heavy rewrites, short paragraphs, lead-ins, insertions, deletions,
moves with and without edits, splits, merges, near-duplicate families, lettered lists, renumbering),
written as .txt or .docx and read back as the application reads them.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from negotiation import CORPUS, EXPECTED, KINDS, Score, benchmark, corpus_paragraphs, run

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpora/un-ga80")


def _run_all(negotiations, folder: Path) -> Score:
    total = Score()
    for neg in negotiations:
        total.add(run(neg, folder))
    return total


def _report(total: Score) -> str:
    rows = [f"{k}: {total.exact.get(k, 0)}/{total.planted[k]}" for k in ("equal",) + KINDS if k in total.planted]
    return "; ".join(rows) + f"; link F1 {total.f1:.4f}; misses {total.misses[:20]}"


def test_the_known_answer_covers_every_paragraph_once():
    for neg in benchmark(40, first_seed=300):
        draft = sorted(i for lk in neg.links for i in lk.draft)
        adopted = sorted(j for lk in neg.links for j in lk.adopted)
        assert draft == list(range(len(neg.draft))) and adopted == list(range(len(neg.adopted)))
        assert all(lk.kind in EXPECTED for lk in neg.links)
        assert set(neg.planted) <= {lk.kind for lk in neg.links} | {"split"}   # a split may not fit


def test_every_kind_reproduced_in_95_percent_and_link_f1_at_least_0995(tmp_path):
    total = _run_all(benchmark(200), tmp_path)
    assert set(KINDS) <= set(total.planted), "every kind is planted"
    assert min(total.planted[k] for k in KINDS) >= 40, _report(total)
    weak = {k: round(total.rate(k), 3) for k in total.planted if total.rate(k) < 0.95}
    assert not weak, _report(total)
    assert total.f1 >= 0.995, _report(total)


def test_denser_negotiations_from_other_seeds_hold_too(tmp_path):
    """Nine kinds at once, one untouched paragraph between them, 40 % of the rest with word edits."""
    total = _run_all(benchmark(80, first_seed=7000, kinds_per_negotiation=9, spacing=2, background=0.4),
                     tmp_path)
    weak = {k: round(total.rate(k), 3) for k in total.planted if total.rate(k) < 0.95}
    assert not weak, _report(total)
    assert total.f1 >= 0.995, _report(total)


def test_the_corpus_gives_enough_real_text():
    resolutions = corpus_paragraphs()
    assert sum(len(r) for r in resolutions) > 300
    assert sum(len(r) >= 18 for r in resolutions) >= 4
