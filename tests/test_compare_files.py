"""End to end through the pipeline: the seed pair (French draft vs English adopted) and the sample pair."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.core.model import Kind, PairKind
from app.io.pipeline import compare_files
from conftest import SAMPLES


@pytest.fixture(scope="module")
def seed(request):
    from conftest import SEEDS
    if not (SEEDS / "draft_fr.txt").exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    return compare_files(SEEDS / "draft_fr.txt", SEEDS / "adopted_en.txt")


def partner_map(c, kind: Kind) -> dict[str, int]:
    """draft label -> ordinal of the adopted paragraph it was paired with (same section only)."""
    out = {}
    for pair in c.pairs:
        for i in pair.draft:
            p = c.draft.paragraphs[i]
            if p.kind is kind and pair.adopted:
                q = c.adopted.paragraphs[pair.adopted[0]]
                out[p.label or p.display_label] = q.ordinal if q.kind is kind else -1
    return out


def test_seed_is_cross_language_with_languages_detected(seed):
    assert seed.mode == "cross-language"
    assert (seed.draft.language, seed.adopted.language) == ("fr", "en")


def test_seed_counts_24_preambular_and_31_operative_on_each_side(seed):
    for doc in (seed.draft, seed.adopted):
        assert len(doc.of_kind(Kind.PREAMBLE)) == 24
        assert len(doc.of_kind(Kind.OPERATIVE)) == 31


def test_seed_header_footnote_and_footer_are_not_paragraphs(seed):
    adopted = seed.adopted
    kind_of = {p.text: p.kind for p in adopted.paragraphs}
    assert kind_of["Distr.: General"] is Kind.HEADER
    assert kind_of["Agenda item 10"] is Kind.HEADER
    assert kind_of["¹ A/HRC/61/76."] is Kind.FOOTNOTE
    assert kind_of["[Adopted without a vote.]"] is Kind.FOOTER
    assert kind_of["The Human Rights Council,"] is Kind.INTRO
    assert adopted.resolution_number == "61/37"


def test_seed_every_preambular_paragraph_pairs_with_the_right_one(seed):
    got = partner_map(seed, Kind.PREAMBLE)
    expected = {f"PP{k}": k for k in range(1, 16)}
    expected.update({"PP15bis": 16, "PP16": 17, "PP17": 18, "PP18": 19, "PP19": 20, "PP21": 21,
                     "PP22": 22, "PP23": 23, "PP23bis": 24})
    assert got == expected


def test_seed_operative_n_pairs_with_operative_n(seed):
    got = partner_map(seed, Kind.OPERATIVE)
    assert got == {str(n): n for n in range(1, 32)}


def test_seed_titles_pair_and_adopted_only_parts_are_inserted(seed):
    kinds = {}
    for pair in seed.pairs:
        for j in pair.adopted:
            kinds.setdefault(seed.adopted.paragraphs[j].kind, set()).add(pair.kind)
    assert kinds[Kind.HEADER] == {PairKind.INSERTED}
    assert kinds[Kind.FOOTER] == {PairKind.INSERTED}
    assert kinds[Kind.TITLE] == {PairKind.CHANGED}


def test_sample_pair_finds_the_bis_the_move_and_the_split():
    c = compare_files(SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt")
    assert c.mode == "same-language"
    by_label = {}
    for pair in c.pairs:
        for i in pair.draft:
            by_label[c.draft.paragraphs[i].label] = pair
    assert by_label["PP5"].kind is PairKind.MOVED
    assert by_label["OP2"].kind is PairKind.SPLIT and len(by_label["OP2"].adopted) == 2
    assert by_label["PP4bis"].kind is PairKind.CHANGED
    assert by_label["OP1"].kind is PairKind.EQUAL and not by_label["OP1"].label_changed  # "OP1." = "1."
    assert by_label["PP4bis"].label_changed   # became the 5th preambular paragraph
    ops = {(op.op.value, (op.a or op.b).strip()) for op in by_label["OP5"].ops if op.op.value != "equal"}
    assert ("delete", "two years") in ops and ("insert", "one year") in ops


def test_compact_json_written_piece_by_piece_is_the_one_text(tmp_path):
    """write_json streams the compact JSON (memory stays flat at 20,000 paragraphs); the file holds
    exactly what one json.dumps of the whole data gives, non-ASCII text and the final newline included."""
    import json

    from app.io.json_export import comparison_to_dict, dumps, write_json
    shared = Path(__file__).resolve().parents[2] / "shared"
    for draft, adopted in ((shared / "seeds" / "draft_fr.txt", shared / "seeds" / "adopted_en.txt"),
                           (shared / "corpora" / "udhr" / "arb.html", shared / "corpora" / "udhr" / "eng.html")):
        c = compare_files(draft, adopted)
        out = write_json(c, tmp_path / "c.json")
        text = out.read_text(encoding="utf-8")
        assert text == dumps(comparison_to_dict(c)) + "\n"
        assert len(json.loads(text)["pairs"]) == len(c.pairs) > 10
