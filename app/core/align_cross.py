"""Cross-language paragraph alignment: words cannot be compared, structure and invariants can.

Paragraphs are grouped by section (front matter, preamble, operative part, notes, footer); within a
section a Needleman-Wunsch alignment maximises a score built from what survives translation:
relative position, the numbers the paragraphs contain, their length ratio and the label number.
Labels are hints only: the adopted text drops preamble labels and renumbers, and inserted ``bis``
paragraphs shift every later one.
"""
from __future__ import annotations

import math
import re
from typing import Sequence

from app.core.align import Match
from app.core.model import Kind, PairKind, Paragraph
from app.core.numwords import ZH_NUMERAL, zh_number

_DIGITS = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d{3}(?!\d))*")
_SECTION = {
    Kind.HEADER: "front", Kind.TITLE: "front", Kind.INTRO: "front",
    Kind.PREAMBLE: "preamble", Kind.OPERATIVE: "operative",
    Kind.FOOTNOTE: "notes", Kind.FOOTER: "footer", Kind.ANNEX: "annex", Kind.PAGE_HEADER: "page",
    Kind.PAGE_FOOTER: "page",
}
# Front matter is told apart by guesses (which line is the title): its kinds pair softly.
_FRONT_KINDS = (Kind.HEADER, Kind.TITLE, Kind.OTHER)
_SECTION_ORDER = ("front", "preamble", "operative", "notes", "footer", "annex", "other", "page")
MIN_SCORE = 0.6        # below this a pair is not worth making: leave both unpaired
KIND_PENALTY = 0.3     # paragraphs of kinds read differently, when the two structures disagree
FRONT_PENALTY = 0.1    # a header line against a "title" (which line is the title is a guess)
GAP_FILL_MAX = 3       # leftovers paired by position between anchors
GAP_FILL_MIN_SCORE = 0.0
BAND_MIN = 24          # alignment band half-width for long sections


def sections(paragraphs: Sequence[Paragraph]) -> dict[str, list[int]]:
    """Section name -> paragraph indexes. Sub-paragraphs follow their parent's section; unrecognised
    paragraphs before the body count as front matter, after it as footer material."""
    out: dict[str, list[int]] = {name: [] for name in _SECTION_ORDER}
    current = "front"
    for p in paragraphs:
        if p.kind is Kind.SUBPARAGRAPH:
            name = current if current in ("preamble", "operative") else "other"
        elif p.kind is Kind.OTHER:
            name = "front" if current == "front" else "other"
        else:
            name = _SECTION[p.kind]
            if name in ("preamble", "operative"):
                current = name
        out[name].append(p.index)
    return out


_ZH = re.compile(f"[{ZH_NUMERAL}]+")
# "Article premier", "Artículo primero": the first article, numbered in words. Only after the word for
# article: "la responsabilité première des États" (primary responsibility) holds no number.
_FIRST = re.compile(r"\b(?:article|artículo)\s+(?:premier|primero)\b", re.IGNORECASE)


def _numbers(text: str) -> frozenset[str]:
    """The figures of a paragraph, in whatever digits or numerals: "15", "١٥" and "十五" are all "15";
    "Article premier" holds 1 (the French and Spanish first article)."""
    found = {str(int(re.sub(r"[.,\u00a0\u202f ]", "", m.group()))) for m in _DIGITS.finditer(text)}
    found.update(str(n) for n in map(zh_number, _ZH.findall(text)) if n is not None)
    if _FIRST.search(text):
        found.add("1")
    return frozenset(found)


class _Features:
    def __init__(self, p: Paragraph, rank: float) -> None:
        self.kind = p.kind
        self.rank = rank
        self.numbers = _numbers(p.body)
        self.length = max(len(p.body), 1)
        self.number = p.number


def _score(a: _Features, b: _Features, length_ratio: float, strict: bool = True) -> float:
    if a.kind is not b.kind:
        soft = not strict or (a.kind in _FRONT_KINDS and b.kind in _FRONT_KINDS)
        if not soft or Kind.FOOTNOTE in (a.kind, b.kind):
            return -math.inf
        kind_penalty = KIND_PENALTY if not strict else FRONT_PENALTY   # structure read differently: a hint
    elif a.kind in (Kind.TITLE, Kind.INTRO) and abs(math.log(a.length / (b.length * length_ratio))) < 1.0:
        return 2.0                                          # one of each per resolution
    else:
        kind_penalty = 0.0                                  # (a "title" of another length: read wrongly)
    score = 1.0 - abs(a.rank - b.rank)                      # position within the section
    if a.numbers or b.numbers:                              # figures survive translation
        score += len(a.numbers & b.numbers) / len(a.numbers | b.numbers) - 0.5 * bool(a.numbers ^ b.numbers)
    score -= 0.5 * min(1.0, abs(math.log(a.length / (b.length * length_ratio))))
    if a.number is not None and a.number == b.number:
        score += 0.3                                        # printed numbers agree: a hint, not a key
    return score - kind_penalty


def _align_section(a: list[_Features], b: list[_Features], length_ratio: float, strict: bool = True
                   ) -> list[tuple[int, int, float]]:
    n, m = len(a), len(b)
    if not n or not m:
        return []
    band = max(BAND_MIN, abs(n - m) + BAND_MIN)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]   # 0 diag, 1 up (skip a), 2 left (skip b)
    for x in range(1, n + 1):
        back[x][0] = 1
    for y in range(1, m + 1):
        back[0][y] = 2
    for x in range(1, n + 1):
        centre = x * m // n
        for y in range(1, m + 1):
            best, move = score[x - 1][y], 1
            if score[x][y - 1] > best:
                best, move = score[x][y - 1], 2
            if abs(y - centre) <= band:
                s = _score(a[x - 1], b[y - 1], length_ratio, strict)
                if s >= MIN_SCORE and score[x - 1][y - 1] + s > best:
                    best, move = score[x - 1][y - 1] + s, 0
            score[x][y] = best
            back[x][y] = move
    out = []
    x, y = n, m
    while x and y:
        move = back[x][y]
        if move == 0:
            out.append((x - 1, y - 1, _score(a[x - 1], b[y - 1], length_ratio, strict)))
            x, y = x - 1, y - 1
        elif move == 1:
            x -= 1
        else:
            y -= 1
    return _fill_gaps(out[::-1], a, b, length_ratio, strict)


def _fill_gaps(pairs: list[tuple[int, int, float]], a: list[_Features], b: list[_Features],
               length_ratio: float, strict: bool) -> list[tuple[int, int, float]]:
    """Pair leftovers that sit alone between the same two anchors on both sides (same count, at most
    three): the structure says they correspond even when a figure changed and pulled the score down."""
    out: list[tuple[int, int, float]] = []
    prev = (-1, -1)
    for item in pairs + [(len(a), len(b), 0.0)]:
        gap_a = range(prev[0] + 1, item[0])
        gap_b = range(prev[1] + 1, item[1])
        if 0 < len(gap_a) == len(gap_b) <= GAP_FILL_MAX:
            for x, y in zip(gap_a, gap_b):
                s = _score(a[x], b[y], length_ratio, strict)
                if s > GAP_FILL_MIN_SCORE:
                    out.append((x, y, s))
        if item[0] < len(a):
            out.append(item)
        prev = item[:2]
    return out


def _same_structure(a_sec: dict[str, list[int]], b_sec: dict[str, list[int]]) -> bool:
    """Were both texts' parts read alike? Each has a preamble and an operative part or neither, of
    comparable size (within a factor of 2). If not, structure is only a hint: one language's enacting
    line ending with a comma and the other's not must not leave every paragraph unpaired."""
    for name in ("preamble", "operative"):
        n, m = len(a_sec[name]), len(b_sec[name])
        if bool(n) != bool(m) or (n and not 0.5 <= n / m <= 2.0):
            return False
    return True


def align_cross_language(draft: Sequence[Paragraph], adopted: Sequence[Paragraph]) -> list[Match]:
    a_sec, b_sec = sections(draft), sections(adopted)
    # French runs longer than English, Chinese far shorter: learn the ratio from this very pair, on
    # all its text but notes and page furniture (whatever parts the structure found on each side)
    text = [name for name in _SECTION_ORDER if name not in ("notes", "page")]
    a_len = sum(len(draft[i].body) for s in text for i in a_sec[s]) or 1
    b_len = sum(len(adopted[i].body) for s in text for i in b_sec[s]) or 1
    length_ratio = a_len / b_len
    matches: list[Match] = []
    strict = _same_structure(a_sec, b_sec)
    groups = [(name, a_sec[name], b_sec[name]) for name in _SECTION_ORDER]
    if not strict:      # the two sides' parts were read differently: align the whole text in order
        merged = [name for name in _SECTION_ORDER if name not in ("notes", "page")]
        groups = [("text", sorted(i for n in merged for i in a_sec[n]), sorted(j for n in merged for j in b_sec[n]))]
        groups += [(name, a_sec[name], b_sec[name]) for name in ("notes", "page")]
    for name, a_ids, b_ids in groups:
        a_feat = [_Features(draft[i], (k + 0.5) / len(a_ids)) for k, i in enumerate(a_ids)]
        b_feat = [_Features(adopted[j], (k + 0.5) / len(b_ids)) for k, j in enumerate(b_ids)]
        for x, y, s in _align_section(a_feat, b_feat, length_ratio, strict):
            matches.append(Match(PairKind.CHANGED, (a_ids[x],), (b_ids[y],), max(0.0, min(1.0, s / 2.3))))
    taken_a = {i for m in matches for i in m.draft}
    taken_b = {j for m in matches for j in m.adopted}
    matches += [Match(PairKind.DELETED, (p.index,), (), 0.0) for p in draft if p.index not in taken_a]
    matches += [Match(PairKind.INSERTED, (), (p.index,), 0.0) for p in adopted if p.index not in taken_b]
    return matches
