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


def reattach(review: Review, c: Comparison, draft_digest: str = "", adopted_digest: str = "") -> Review:
    """Place every note on a pair of this comparison; what cannot be placed goes to ``unplaced``."""
    unchanged = bool(draft_digest) and (draft_digest, adopted_digest) == (review.draft_digest, review.adopted_digest)
    keys = [key_for(c, p) for p in c.pairs]
    placed: list[ReviewNote] = []
    unplaced: list[ReviewNote] = list(review.unplaced)
    taken: set[int] = set()
    for note in review.notes + review.unplaced if not unchanged else review.notes:
        n = _same_indexes(note.key, keys) if unchanged else _find(note.key, keys, taken)
        if n is None or n in taken:
            if note not in unplaced:
                unplaced.append(note)
            continue
        taken.add(n)
        if note in unplaced:
            unplaced.remove(note)
        placed.append(replace(note, key=keys[n]))
    return replace(review, notes=tuple(placed), unplaced=tuple(unplaced),
                   draft_digest=draft_digest or review.draft_digest,
                   adopted_digest=adopted_digest or review.adopted_digest)


def _same_indexes(key: PairKey, keys: list[PairKey]) -> int | None:
    for n, k in enumerate(keys):
        if (k.draft, k.adopted) == (key.draft, key.adopted):
            return n
    return None


def _find(key: PairKey, keys: list[PairKey], taken: set[int]) -> int | None:
    # 1. the same text on both sides, 2. the same text on the side that has one, 3. similar text
    for n, k in enumerate(keys):
        if n not in taken and (k.draft_print, k.adopted_print) == (key.draft_print, key.adopted_print):
            return n
    for n, k in enumerate(keys):
        if n in taken:
            continue
        if key.adopted_print and k.adopted_print == key.adopted_print:
            return n
        if key.draft_print and k.draft_print == key.draft_print:
            return n
    best, best_score = None, MIN_SIMILARITY
    for n, k in enumerate(keys):
        if n in taken:
            continue
        score = max(_sim(key.adopted_excerpt, k.adopted_excerpt), _sim(key.draft_excerpt, k.draft_excerpt))
        if score > best_score:
            best, best_score = n, score
    return best


def _sim(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, _norm(a), _norm(b), autojunk=False).ratio()
