"""Same-language alignment: build drafts with known edits and check that the pairs found match them."""
from __future__ import annotations

import random

import pytest

from app.core.compare import compare_documents
from app.core.model import Document, Op, PairKind, Paragraph
from synthetic import make_pair, paragraph, vocabulary


def doc(texts, name="x.txt") -> Document:
    return Document(name, tuple(Paragraph(i, t) for i, t in enumerate(texts)))


@pytest.fixture(scope="module")
def base() -> list[str]:
    rng = random.Random(11)
    vocab = vocabulary(800, rng)
    return [paragraph(rng, vocab, rng.randint(20, 60)) for _ in range(30)]


def pairs_by_kind(comparison):
    out = {}
    for p in comparison.pairs:
        out.setdefault(p.kind, []).append((p.draft, p.adopted))
    return out


def assert_covers_every_paragraph(c):
    draft = sorted(i for p in c.pairs for i in p.draft)
    adopted = sorted(j for p in c.pairs for j in p.adopted)
    assert draft == list(range(len(c.draft.paragraphs)))
    assert adopted == list(range(len(c.adopted.paragraphs)))


def assert_reading_order(c):
    last_a = last_b = -1
    for p in c.pairs:
        if p.adopted:
            assert p.adopted[0] > last_b
            last_b = p.adopted[-1]
        if p.draft and p.kind is not PairKind.MOVED:
            assert p.draft[0] > last_a
            last_a = p.draft[-1]


def test_identical_documents_are_all_equal(base):
    c = compare_documents(doc(base), doc(base))
    assert {p.kind for p in c.pairs} == {PairKind.EQUAL}
    assert [(p.draft, p.adopted) for p in c.pairs] == [((i,), (i,)) for i in range(len(base))]


def test_inserted_and_deleted_paragraphs(base):
    extra = "Decides to establish a new trust fund for victims of the conflict in the region;"
    adopted = base[:5] + [extra] + base[5:12] + base[13:]
    c = compare_documents(doc(base), doc(adopted))
    kinds = pairs_by_kind(c)
    assert kinds[PairKind.INSERTED] == [((), (5,))]
    assert kinds[PairKind.DELETED] == [((12,), ())]
    assert len(kinds[PairKind.EQUAL]) == len(base) - 1
    assert_covers_every_paragraph(c)
    assert_reading_order(c)


def test_replaced_inserted_and_deleted_words_are_the_ops(base):
    words = base[7].split(" ")
    old, gone = words[4], words[10]
    words[4] = "REPLACED"
    del words[10]
    words.insert(15, "ADDED")
    adopted = base[:7] + [" ".join(words)] + base[8:]
    c = compare_documents(doc(base), doc(adopted))
    changed = [p for p in c.pairs if p.kind is PairKind.CHANGED]
    assert [(p.draft, p.adopted) for p in changed] == [((7,), (7,))]
    edits = [(op.op, op.a.strip(" ,;."), op.b.strip(" ,;.")) for op in changed[0].ops if op.op is not Op.EQUAL]
    assert (Op.DELETE, old.strip(",;."), "") in edits
    assert (Op.INSERT, "", "REPLACED") in edits
    assert (Op.DELETE, gone.strip(",;."), "") in edits
    assert (Op.INSERT, "", "ADDED") in edits
    assert len(edits) == 4


def test_moved_paragraph(base):
    adopted = base[:3] + base[4:20] + [base[3]] + base[20:]
    c = compare_documents(doc(base), doc(adopted))
    moved = pairs_by_kind(c)[PairKind.MOVED]
    assert moved == [((3,), (19,))]
    assert_covers_every_paragraph(c)
    assert_reading_order(c)
    assert [p.kind for p in c.pairs].index(PairKind.MOVED) == 19  # shown where it sits in the adopted text


def test_split_paragraph(base):
    words = base[9].split(" ")
    half = len(words) // 2
    first, second = " ".join(words[:half]) + ";", " ".join(["Also"] + words[half:])
    adopted = base[:9] + [first, second] + base[10:]
    c = compare_documents(doc(base), doc(adopted))
    assert pairs_by_kind(c)[PairKind.SPLIT] == [((9,), (9, 10))]
    split = next(p for p in c.pairs if p.kind is PairKind.SPLIT)
    assert any("\n" in op.b for op in split.ops if op.op is Op.INSERT)
    assert_covers_every_paragraph(c)


def test_merged_paragraphs(base):
    merged = base[14].rstrip(",;.") + ", and " + base[15][0].lower() + base[15][1:]
    adopted = base[:14] + [merged] + base[16:]
    c = compare_documents(doc(base), doc(adopted))
    assert pairs_by_kind(c)[PairKind.MERGED] == [((14, 15), (14,))]
    assert_covers_every_paragraph(c)


def test_large_generated_pair_finds_every_move_and_pairs_every_edited_paragraph():
    sp = make_pair(400, words_per_paragraph=40, edit_rate=0.05, n_moves=12, seed=3)
    c = compare_documents(doc(sp.draft), doc(sp.adopted))
    moved = {(p.draft[0], p.adopted[0]) for p in c.pairs if p.kind is PairKind.MOVED}
    assert moved == set(sp.moved)
    # every other draft paragraph is paired, in order, with the adopted paragraph it became
    pairs = {p.draft[0]: p.adopted[0] for p in c.pairs if p.draft and p.adopted}
    moved_draft, moved_adopted = {i for i, _ in sp.moved}, {j for _, j in sp.moved}
    in_order = [i for i in range(400) if i not in moved_draft]
    expected = [j for j in range(400) if j not in moved_adopted]
    assert [pairs.get(i) for i in in_order] == expected
    assert_covers_every_paragraph(c)
    assert_reading_order(c)


def test_a_lone_paragraph_rewritten_in_place_is_paired_not_deleted_and_inserted():
    """Issue #15: between the same two paragraphs, a short paragraph with one figure changed (no word
    3-gram in common) and a heavily rewritten one that keeps its opening are pairs, not -/+."""
    from app.core.align import align_same_language
    draft = ["Recalling its resolutions,", "Allocates 10 000 dollars;", "Decides to act.",
             "Requests the Secretary-General to report to the Council at its next session on the situation;",
             "Decides to remain seized of the matter."]
    adopted = ["Recalling its resolutions,", "Allocates 12 000 dollars;", "Decides to act.",
               "Requests the Secretary-General to submit in writing before the sixtieth session a comprehensive "
               "assessment of progress;", "Decides to remain seized of the matter."]
    matches = {(m.draft, m.adopted): m.kind for m in align_same_language(draft, adopted)}
    assert matches[((1,), (1,))] is PairKind.CHANGED
    assert matches[((3,), (3,))] is PairKind.CHANGED
    # two unrelated lone paragraphs stay apart
    other = ["Recalling its resolutions,", "Welcomes the report of the Special Rapporteur;", "Decides to act."]
    again = ["Recalling its resolutions,", "Notes with concern the rise in arbitrary detention;", "Decides to act."]
    kinds = {m.kind for m in align_same_language(other, again)}
    assert PairKind.DELETED in kinds and PairKind.INSERTED in kinds


_GA = [   # GA resolution 80/7 (Treaty of Tlatelolco), preambular paragraphs
    "Recalling that the Treaty for the Prohibition of Nuclear Weapons in Latin America and the Caribbean "
    "was opened for signature in Mexico City on 14 February 1967,",
    "Taking note of the proclamation of Latin America and the Caribbean as a zone of peace by the Community "
    "of Latin American and Caribbean States at its second summit,",
    "Highlighting the fact that the Treaty of Tlatelolco has served as a model for the establishment of other "
    "nuclear-weapon-free zones in various regions of the world,",
    "Reiterating the important contribution of the treaties establishing nuclear-weapon-free zones to "
    "nuclear disarmament and non-proliferation,",
    "Recalling all relevant United Nations resolutions in support of the Treaty of Tlatelolco and of the "
    "Agency for the Prohibition of Nuclear Weapons in Latin America and the Caribbean,",
    "Welcoming the convening of Conferences of States Parties and Signatories to Treaties that Establish "
    "Nuclear-Weapon-Free Zones and Mongolia,",
    "Reaffirming the importance of the Agency as the appropriate body to ensure compliance with the Treaty,",
]


def _kinds(draft, adopted):
    from app.core.align import align_same_language
    return {(m.draft, m.adopted): m.kind for m in align_same_language(draft, adopted)}


def test_a_paragraph_moved_with_a_third_of_its_words_changed_is_a_move():
    moved = ("Taking good note of a proclamation of Latin America plus the Caribbean as one zone of stability "
             "by the Community of American and Caribbean nations during its second summit,")   # 3-gram dice 0.26
    draft = [_GA[0]] + _GA[2:6] + [moved, _GA[6]]
    assert _kinds(draft, _GA)[((5,), (1,))] is PairKind.MOVED


def test_a_lead_in_that_came_off_with_a_word_changed_is_part_of_the_split():
    """"Taking note of the proclamation ...:" + "(a) of Latin America ..." was one draft paragraph whose
    opening was "Taking due note of the proclamation ..."; its 3-grams barely survive, its words do."""
    adopted = _GA[:1] + ["Taking note of the proclamation:",
                         "(a) of Latin America and the Caribbean as a zone of peace by the Community of Latin "
                         "American and Caribbean States at its second summit,"] + _GA[2:]
    draft = _GA[:1] + ["Taking due note of the solemn proclamation of Latin America and the Caribbean as a zone "
                       "of peace by the Community of Latin American and Caribbean States at its second summit,"] + _GA[2:]
    assert _kinds(draft, adopted)[((1,), (1, 2))] is PairKind.SPLIT


def test_a_new_sibling_beside_a_paragraph_that_opens_alike_is_inserted_not_a_split_part():
    family = ["Encourages the States members of the Agency to continue their efforts to strengthen the regime;",
              "Encourages the States members of the Agency to cooperate with other nuclear-weapon-free zones;",
              "Encourages the States members of the Agency to promote disarmament education;"]
    sibling = "Encourages the States members of the Agency to report on the implementation of the Treaty;"
    draft = _GA[:3] + family + _GA[3:]
    adopted = _GA[:3] + family[:2] + [sibling] + family[2:] + _GA[3:]
    kinds = _kinds(draft, adopted)
    assert kinds[((), (5,))] is PairKind.INSERTED
    assert all(kinds[((3 + k,), (3 + k + (k == 2),))] is PairKind.CHANGED for k in range(3))


def test_a_short_paragraph_rewritten_in_place_beats_a_far_paragraph_that_opens_the_same_way():
    far = "Reaffirming the commitment contained in the Treaty to the peaceful uses of nuclear energy;"
    draft = _GA[:2] + ["Reaffirming the realities contained in;"] + _GA[2:] + [far]
    adopted = _GA[:2] + ["Reaffirming the commitment contained in;"] + _GA[2:]
    kinds = _kinds(draft, adopted)
    assert kinds[((2,), (2,))] is PairKind.CHANGED
    assert kinds[((len(draft) - 1,), ())] is PairKind.DELETED


def test_ascii_words_fold_in_one_call_as_word_by_word():
    """match_words lower-cases an ASCII text once; word by word (fold) gives the same words."""
    from app.core.tokenize import _MATCH_RE, fold, match_words
    text = "Calls UPON States' co-operation, 10,000 and 1.5 `quoted' O'Neil -- A/RES/80/1 İ"[:-2]
    assert text.isascii()
    assert match_words(text) == [fold(w) for w in _MATCH_RE.findall(text)]
