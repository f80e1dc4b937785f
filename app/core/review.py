"""Reviewer notes and "checked" marks, attached to aligned pairs and re-attached after documents change.

A note remembers its pair by indexes and by what it was about (a fingerprint and an excerpt of both
bodies, and the labels), so when the draft or the adopted text changed since, it follows its text to the
new pair. Notes that cannot be placed are kept in ``unplaced`` and shown: a note is never dropped.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from difflib import SequenceMatcher
from typing import Iterable

from app.core.model import Comparison, ParaPair

EXCERPT = 200
MIN_SIMILARITY = 0.6


def now_iso() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def fingerprint(text: str) -> str:
    return hashlib.sha1(_norm(text).encode("utf-8")).hexdigest()[:16]


CHECKED = "\u2713 checked"   # how exports show a pair the reviewer marked as checked

@dataclass(frozen=True)
class PairKey:
    draft: tuple[int, ...]
    adopted: tuple[int, ...]
    draft_print: str = ""
    adopted_print: str = ""
    draft_excerpt: str = ""
    adopted_excerpt: str = ""
    draft_label: str = ""
    adopted_label: str = ""


@dataclass(frozen=True)
class ReviewNote:
    key: PairKey
    text: str = ""
    checked: bool = False
    created: str = field(default_factory=now_iso)
    modified: str = field(default_factory=now_iso)


@dataclass(frozen=True)
class Review:
    draft_path: str
    adopted_path: str
    draft_digest: str = ""
    adopted_digest: str = ""
    notes: tuple[ReviewNote, ...] = ()
    unplaced: tuple[ReviewNote, ...] = ()

    def note_for(self, c: Comparison, pair_index: int) -> ReviewNote | None:
        pair = c.pairs[pair_index]
        for note in self.notes:
            if note.key.draft == pair.draft and note.key.adopted == pair.adopted:
                return note
        return None

    def _put(self, c: Comparison, pair_index: int, **changes) -> "Review":
        old = self.note_for(c, pair_index)
        others = tuple(n for n in self.notes if n is not old)
        note = replace(old, modified=now_iso(), **changes) if old else ReviewNote(key_for(c, c.pairs[pair_index]), **changes)
        if not note.text.strip() and not note.checked:
            return replace(self, notes=others)        # an emptied note is removed, not kept blank
        return replace(self, notes=others + (note,))

    def with_note(self, c: Comparison, pair_index: int, text: str) -> "Review":
        return self._put(c, pair_index, text=text)

    def with_checked(self, c: Comparison, pair_index: int, checked: bool) -> "Review":
        return self._put(c, pair_index, checked=checked)

    def notes_by_pair(self, c: Comparison) -> dict[int, str]:
        """Pair index -> what the exporters print for the reviewer: the note, and the "checked" mark
        (a sheet signed off on paper shows which paragraphs were checked)."""
        index = {(p.draft, p.adopted): n for n, p in enumerate(c.pairs)}
        out: dict[int, str] = {}
        for note in self.notes:
            n = index.get((note.key.draft, note.key.adopted))
            text = note.text.strip()
            if note.checked:
                text = CHECKED + (f" — {text}" if text else "")
            if n is not None and text:
                out[n] = text
        return out


def _bodies(c: Comparison, pair: ParaPair) -> tuple[str, str]:
    return ("\n".join(c.draft.paragraphs[i].body for i in pair.draft),
            "\n".join(c.adopted.paragraphs[j].body for j in pair.adopted))


def key_for(c: Comparison, pair: ParaPair) -> PairKey:
    a, b = _bodies(c, pair)
    label = lambda doc, ids: doc.paragraphs[ids[0]].display_label if ids else ""
    return PairKey(pair.draft, pair.adopted, fingerprint(a) if a else "", fingerprint(b) if b else "",
                   a[:EXCERPT], b[:EXCERPT], label(c.draft, pair.draft), label(c.adopted, pair.adopted))


def pair_id(note: ReviewNote) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The pair a note sits on, as the paragraph indexes of both sides."""
    return note.key.draft, note.key.adopted


def merge(base: Review, ours: Review, pairs: Iterable[tuple[tuple[int, ...], tuple[int, ...]]] | None) -> Review:
    """What to write when ``base`` is on disk now and this session changed the notes of ``pairs``
    (written, edited or emptied): ``base`` with those pairs taken from ``ours``. Notes another window
    wrote meanwhile are kept. ``pairs`` None: ``ours`` as it is (nothing else to keep). Linear."""
    if pairs is None:
        return ours
    pairs = set(pairs)
    notes = [n for n in base.notes if pair_id(n) not in pairs]
    notes += [n for n in ours.notes if pair_id(n) in pairs]
    known = set(base.notes) | set(base.unplaced)
    unplaced = list(base.unplaced) + [n for n in ours.unplaced if n not in known]
    return replace(base, draft_path=ours.draft_path, adopted_path=ours.adopted_path,
                   draft_digest=ours.draft_digest, adopted_digest=ours.adopted_digest,
                   notes=tuple(notes), unplaced=tuple(unplaced))


def reattach(review: Review, c: Comparison, draft_digest: str = "", adopted_digest: str = "") -> Review:
    """Place every note on a pair of this comparison; what cannot be placed goes to ``unplaced``.
    Linear in the notes and pairs (dictionaries), except the similarity step, which compares excerpts
    of at most ``EXCERPT`` characters."""
    unchanged = bool(draft_digest) and (draft_digest, adopted_digest) == (review.draft_digest, review.adopted_digest)
    keys = [key_for(c, p) for p in c.pairs]
    finder = _Finder(keys)
    placed: list[ReviewNote] = []
    unplaced: dict[ReviewNote, None] = dict.fromkeys(review.unplaced)     # ordered set
    taken: set[int] = set()
    for note in review.notes + review.unplaced if not unchanged else review.notes:
        n = finder.same_indexes(note.key, taken) if unchanged else None
        if n is None:   # changed documents, or indexes that fit no pair (other options, a hand-edited file)
            n = finder.find(note.key, taken)
        if n is None or n in taken:
            unplaced.setdefault(note)
            continue
        taken.add(n)
        unplaced.pop(note, None)
        placed.append(replace(note, key=keys[n]))
    return replace(review, notes=tuple(placed), unplaced=tuple(unplaced),
                   draft_digest=draft_digest or review.draft_digest,
                   adopted_digest=adopted_digest or review.adopted_digest)


class _Finder:
    """The pairs of a comparison by indexes and by fingerprints, for re-attaching notes in linear time."""

    def __init__(self, keys: list[PairKey]) -> None:
        self.keys = keys
        self.by_indexes: dict[tuple, list[int]] = {}
        self.by_prints: dict[tuple[str, str], list[int]] = {}
        self.by_adopted: dict[str, list[int]] = {}
        self.by_draft: dict[str, list[int]] = {}
        for n, k in enumerate(keys):
            self.by_indexes.setdefault((k.draft, k.adopted), []).append(n)
            self.by_prints.setdefault((k.draft_print, k.adopted_print), []).append(n)
            if k.adopted_print:
                self.by_adopted.setdefault(k.adopted_print, []).append(n)
            if k.draft_print:
                self.by_draft.setdefault(k.draft_print, []).append(n)
        self._excerpts: list[tuple[str, str]] | None = None

    @staticmethod
    def _first_free(candidates: list[int], taken: set[int]) -> int | None:
        return next((n for n in candidates if n not in taken), None)

    def same_indexes(self, key: PairKey, taken: set[int]) -> int | None:
        return self._first_free(self.by_indexes.get((key.draft, key.adopted), []), taken)

    def find(self, key: PairKey, taken: set[int]) -> int | None:
        # 1. the same text on both sides, 2. the same text on the side that has one, 3. similar text
        n = self._first_free(self.by_prints.get((key.draft_print, key.adopted_print), []), taken)
        if n is not None:
            return n
        one_side = [self._first_free(self.by_adopted.get(key.adopted_print, []), taken) if key.adopted_print else None,
                    self._first_free(self.by_draft.get(key.draft_print, []), taken) if key.draft_print else None]
        one_side = [n for n in one_side if n is not None]
        if one_side:
            return min(one_side)
        if self._excerpts is None:
            self._excerpts = [(_excerpt(k.adopted_excerpt), _excerpt(k.draft_excerpt)) for k in self.keys]
        mine = (_excerpt(key.adopted_excerpt), _excerpt(key.draft_excerpt))
        best, best_score = None, MIN_SIMILARITY
        for n, theirs in enumerate(self._excerpts):
            if n in taken:
                continue
            score = max(_ratio(mine[0], theirs[0], best_score), _ratio(mine[1], theirs[1], best_score))
            if score > best_score:
                best, best_score = n, score
        return best


def _excerpt(text: str) -> str:
    """The normalised excerpt compared for similarity: never longer than ``EXCERPT`` (a file may hold more)."""
    return _norm(text[:EXCERPT * 4])[:EXCERPT]


def _ratio(a: str, b: str, floor: float) -> float:
    """SequenceMatcher's ratio of two normalised excerpts, or 0 when it cannot beat ``floor``."""
    if not a or not b:
        return 0.0
    m = SequenceMatcher(None, a, b, autojunk=False)
    if m.real_quick_ratio() <= floor or m.quick_ratio() <= floor:
        return 0.0
    return m.ratio()


def _sim(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, _excerpt(a), _excerpt(b), autojunk=False).ratio()
