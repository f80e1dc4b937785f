"""Footnote markers and notes in text read without a note structure (pasted text, Markdown, PDF text).

A note's marker reaches us in several forms: ``[^1]`` (Markdown), ``¹`` (typed or a PDF's raised
digit), or a plain digit glued to the word or punctuation it follows, as text copied from a PDF has it
("the United Nations1 are", "peace,1"). Markers are turned into superscript digits, the form the Word
reader gives (app.io.docx_reader), and each note is placed after the paragraph that first cites it, so
that the same resolution read from any source has its notes in the same places.
"""
from __future__ import annotations

import re

from app.core.structure import SUPERSCRIPT
from app.io.docx_reader import note_marker as marker
from app.io.reflow import GLUED_MARKER as _GLUED, Fmt, Piece, marker_number, refers

NOTE_MARKS = frozenset("\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079")   # superscript digits
_MD_REF = re.compile(r"\[\^(?P<n>[^\]\s]{1,12})\](?!:)")
_SUPER = re.compile(r"(?<![\u00b9\u00b2\u00b3\u2070\u2074-\u2079])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]{1,3}"
                    r"(?![\u00b9\u00b2\u00b3\u2070\u2074-\u2079])")          # a note marker: 1 to 999
def place_notes(pieces: list[Piece]) -> tuple[list[Piece], dict[int, tuple[str, ...]]]:
    """Mark citations and move notes after the paragraph citing them first.

    Returns the pieces in their new order (a note's text opens with its marker and a space) and, per
    body piece's new position, the note labels it cites. Notes never cited stay where they were read.
    """
    notes = {p.note: p for p in pieces if p.note}
    numbers = sorted(int(n) for n in notes if n.isdigit())
    cited: dict[int, tuple[str, ...]] = {}
    pending = list(numbers)              # note numbers not yet cited, in order
    last = [0]                           # the highest number cited so far
    body_refs: list[tuple[Piece, tuple[str, ...]]] = []
    for piece in pieces:
        if piece.note:
            continue
        refs = _mark(piece, pending, last)
        body_refs.append((piece, refs))
    placed: set[str] = set()
    after: dict[int, list[Piece]] = {}
    first_cite: dict[str, int] = {}
    for k, (_, refs) in enumerate(body_refs):
        for r in refs:
            first_cite.setdefault(r, k)
    spaced = _spaced_numbers(body_refs) if pending else {}
    for label in pending:               # shown apart ("Rarotonga, 3 Bangkok"): after the next such mention
        start = first_cite.get(str(label - 1), 0)
        k = next((k for k in spaced.get(label, ()) if k >= start), None)
        if k is not None:
            first_cite[str(label)] = k
    for label, k in sorted(first_cite.items(), key=lambda item: (item[1], _order(item[0]))):
        if label in notes and label not in placed:
            placed.add(label)
            after.setdefault(k, []).append(notes[label])
    out: list[Piece] = []
    k = 0
    for piece in pieces:
        if piece.note:
            if piece.note not in placed:
                out.append(_with_marker(piece))
            continue
        if refs := body_refs[k][1]:
            cited[len(out)] = refs
        out.append(piece)
        out.extend(_with_marker(n) for n in after.get(k, ()))
        k += 1
    return out, cited


_SPACED = re.compile(r"(?<=[^\W\d_])[,;]? (\d{1,3}) (?=[^\W\d_])")


def _spaced_numbers(body_refs: list[tuple[Piece, tuple[str, ...]]]) -> dict[int, list[int]]:
    """Number -> the body pieces (in order) where it stands on its own between two words ("Rarotonga,
    3 Bangkok", "the Child 7 and"), as text copied from a PDF shows a raised marker after a space.
    Used to place a note that nothing else cites; the text keeps the number as it is. One scan."""
    out: dict[int, list[int]] = {}
    for k, (piece, _) in enumerate(body_refs):
        for m in _SPACED.finditer(piece.text):
            places = out.setdefault(int(m.group(1)), [])
            if not places or places[-1] != k:
                places.append(k)
    return out


def _order(label: str) -> tuple[int, str]:
    return (int(label), "") if label.isdigit() else (1 << 30, label)


def _with_marker(note: Piece) -> Piece:
    mark = marker(note.note) + " "
    fmt = None if note.fmt is None else [(False, False)] * len(mark) + list(note.fmt)
    return Piece(mark + note.text, fmt, note.source, note.note)


def _mark(piece: Piece, pending: list[int], last: list[int]) -> tuple[str, ...]:
    """Rewrite ``piece``'s markers as superscripts in place; return the labels it cites in order."""
    text, fmt = piece.text, piece.fmt
    if not pending and "[" not in text and NOTE_MARKS.isdisjoint(text):
        return ()                                   # nothing that could be a marker: decided in C
    refs: list[str] = []
    edits: list[tuple[int, int, str]] = []
    for m in _MD_REF.finditer(text):
        edits.append((m.start(), m.end(), marker(m.group("n"))))
        refs.append(m.group("n"))
    for m in _SUPER.finditer(text):
        refs.append(m.group(0).translate(SUPERSCRIPT))
    _cite(refs, pending, last)
    if pending:
        for m in _GLUED.finditer(text):
            n = marker_number(m)
            if n in pending and n <= last[0] + 3 and not _overlaps(edits, m.start()) and not refers(m):
                start = m.start("c") if m.group("c") else m.start() - (1 if m.group("e") else 0)
                edits.append((start, m.end(), marker(str(n))))
                refs.append(str(n))
                pending.remove(n)
                last[0] = max(last[0], n)
    if not edits:
        return tuple(dict.fromkeys(refs))
    edits.sort()
    out: list[str] = []
    out_fmt: list[Fmt] | None = [] if fmt is not None else None
    pos = 0
    for start, end, new in edits:
        out.append(text[pos:start])
        out.append(new)
        if out_fmt is not None:
            out_fmt.extend(fmt[pos:start])
            out_fmt.extend([(False, False)] * len(new))
        pos = end
    out.append(text[pos:])
    if out_fmt is not None:
        out_fmt.extend(fmt[pos:])
    piece.text = "".join(out)
    piece.fmt = out_fmt
    return tuple(dict.fromkeys(refs))


def _cite(refs: list[str], pending: list[int], last: list[int]) -> None:
    for r in refs:
        if r.isdigit():
            last[0] = max(last[0], int(r))
            if int(r) in pending:
                pending.remove(int(r))


def _overlaps(edits: list[tuple[int, int, str]], at: int) -> bool:
    return any(s <= at < e for s, e, _ in edits)
