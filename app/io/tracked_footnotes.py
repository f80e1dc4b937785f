"""Footnotes of the tracked export as real Word footnotes, when it is built on the adopted .docx.

The comparison models a footnote as a paragraph after the one citing it, and a note marker (¹) as
text. Written that way, accept-all would leave the note in the body. Here each footnote pair becomes a
w:footnote in the adopted file's footnotes part, its text tracked like any paragraph (a note only in
the adopted text is inserted, one only in the draft deleted), and each marker in the body becomes a
w:footnoteReference, tracked with the text around it. Word numbers the notes by their references, so
both accept-all and reject-all number them in reading order, as the reader does.

Used only when every footnote pairs with footnotes alone, every note has a numeric label unique in its
document, and the adopted file has a footnotes part; otherwise notes stay paragraphs.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from app.core.model import Comparison, Kind, PairKind, ParaPair, Run
from app.io.tracked_events import DEL, EQ, INS, MOVE_FROM, MOVE_TO, TAGS, Break, Text, pair_events
from app.io.tracked_layout import plain_runs, write_story
from app.io.revisions_xml import Revisions

MARKERS = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
DRAFT_SIDE = {EQ, DEL, MOVE_FROM}
ADOPTED_SIDE = {EQ, INS, MOVE_TO}


@dataclass
class RealFootnotes:
    comparison: Comparison
    part: object                       # the adopted package's footnotes part (an XmlPart)
    pairs: list[ParaPair]              # footnote pairs, in order; note id = first_id + position
    draft_labels: dict[str, int]       # label -> position in ``pairs``
    adopted_labels: dict[str, int]
    first_id: int = 1

    @classmethod
    def prepare(cls, comparison: Comparison, template) -> "RealFootnotes | None":
        part = next((rel.target_part for rel in template.document.part.rels.values()
                     if rel.reltype.endswith("/footnotes") and not rel.is_external), None)
        if part is None or not hasattr(part, "element"):   # an XmlPart (app.io.docx_package)
            return None
        pairs, labels = [], ({}, {})
        for pair in comparison.pairs:
            sides = ([comparison.draft.paragraphs[i] for i in pair.draft],
                     [comparison.adopted.paragraphs[j] for j in pair.adopted])
            kinds = {p.kind is Kind.FOOTNOTE for side in sides for p in side}
            if kinds == {False}:
                continue
            if kinds != {True}:
                return None                      # a note paired with body text: keep notes inline
            for side, found in zip(sides, labels):
                for p in side:
                    if not p.label.isdigit() or p.label in found:
                        return None
                    found[p.label] = len(pairs)
            pairs.append(pair)
        if not pairs:
            return None
        return cls(comparison, part, pairs, *labels)

    def __post_init__(self) -> None:
        self._pair_ids = {id(p) for p in self.pairs}     # the pairs stay alive in self.pairs

    def is_note_pair(self, pair: ParaPair) -> bool:
        """Whether ``pair`` is one of the footnote pairs (by identity; asked once for every pair)."""
        return id(pair) in self._pair_ids

    # -- the body: markers become references ----------------------------------------------------
    def body_runs(self, kind: str, text: str, fmt: Run, rev: Revisions) -> list[tuple[str, object]]:
        out: list[tuple[str, object]] = []
        pos = 0
        for m in MARKERS.finditer(text):
            refs = self._references(kind, m.group().translate(_DIGITS))
            if refs is None:
                continue                          # not a known note: stays text
            if m.start() > pos:
                out += plain_runs(kind, text[pos:m.start()], fmt, rev)
            out += [(k, self._wrap(k, _reference(self.first_id + n), rev)) for k, n in refs]
            pos = m.end()
        if pos < len(text):
            out += plain_runs(kind, text[pos:], fmt, rev)
        return out

    def _references(self, kind: str, label: str) -> list[tuple[str, int]] | None:
        d = self.draft_labels.get(label) if kind in DRAFT_SIDE else None
        a = self.adopted_labels.get(label) if kind in ADOPTED_SIDE else None
        if kind != EQ:
            n = d if kind in DRAFT_SIDE else a
            return None if n is None else [(kind, n)]
        if d is not None and d == a:
            return [(EQ, d)]
        refs = ([(DEL, d)] if d is not None else []) + ([(INS, a)] if a is not None else [])
        return refs or None

    @staticmethod
    def _wrap(kind: str, run, rev: Revisions):
        return run if kind == EQ else rev.wrap(TAGS[kind], [run])

    # -- the notes: one w:footnote per pair -----------------------------------------------------------
    def write(self, rev: Revisions, apply_style) -> None:
        root = self.part.element
        for note in list(root):
            if note.tag == qn("w:footnote") and note.get(qn("w:type")) in (None, "normal"):
                root.remove(note)            # the adopted notes: rewritten below, tracked
        kept = [int(n.get(qn("w:id"))) for n in root if n.tag == qn("w:footnote")]
        self.first_id = max([0] + kept) + 1
        for n, pair in enumerate(self.pairs):
            note = OxmlElement("w:footnote", attrs={qn("w:id"): str(self.first_id + n)})
            root.append(note)
            if pair.kind is PairKind.MOVED:     # a note moves with its reference: only its text counts
                pair = replace(pair, kind=PairKind.CHANGED)
            events = ((0, event) for event in pair_events(pair, self.comparison))
            paragraphs = write_story(_without_leading_markers(events), note.append, apply_style, rev)
            if paragraphs:
                first = paragraphs[0]
                ppr = first.find(qn("w:pPr"))
                (ppr.addnext if ppr is not None else (lambda el: first.insert(0, el)))(_note_number())


def _without_leading_markers(events):
    """A note's own number is drawn by w:footnoteRef: drop the marker that opens the text on each side
    ("¹ See ..." keeps " See ..."), whichever revision and run carries it."""
    fresh = {"draft": "marker", "adopted": "marker"}
    pending = dict(fresh)
    for move, event in events:
        if isinstance(event, Break):
            pending = dict(fresh)
        elif isinstance(event, Text):
            sides = [s for s, members in (("draft", DRAFT_SIDE), ("adopted", ADOPTED_SIDE)) if event.kind in members]
            states = {pending[s] for s in sides}
            state = states.pop() if len(states) == 1 else None
            text = event.text
            if state == "marker":
                m = MARKERS.match(text)
                text = text[m.end():] if m else text
            for s in sides:
                pending[s] = "marker" if state == "marker" and not text else None
            if not text:
                continue
            event = Text(event.kind, text, event.fmt)
        yield move, event


def _reference(note_id: int):
    return parse_xml(f'<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:rPr>'
                     f'<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{note_id}"/></w:r>')


def _note_number():
    return parse_xml('<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:rPr>'
                     '<w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>')
