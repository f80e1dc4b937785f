"""Export a negotiation trail as one cumulative tracked-change Word file (issue #19).

Each round's changes are Word revisions whose author is the name of the version they lead to and
whose date is that version's date, so Word's reviewer filter (and LibreOffice's Manage Changes) shows
the text round by round: accepting the revisions of the authors of versions 1..k and rejecting the
others gives version k; accept-all gives the last version and reject-all the first.

The file is written from the trail's union (``app.core.cumulative``): one paragraph per instance, a
segment alive from the first version and never deleted as plain text, a segment that appeared later in
``w:ins`` (its version's author), one that went in ``w:del`` with ``w:delText``, and one that appeared
and went later nested as Word itself writes text one reviewer inserted and another deleted,
``<w:ins author=A><w:del author=B><w:r><w:delText>``. Paragraph marks are tracked the same way
(``w:pPr/w:rPr/w:ins|w:del``, both when the paragraph came and went), so accepting and rejecting join
paragraphs exactly. A4 page, Draft Compare's paragraph styles, right to left for Arabic paragraphs.

One layout rule exists only for LibreOffice (7.4), as in ``tracked_layout``: it joins an insertion
that ends a paragraph with one of the same author that starts the next into one redline over the kept
paragraph mark between them, so rejecting it loses that break (``_split_insertion_boundaries``).
"""
from __future__ import annotations

import itertools
import logging
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Sequence

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm

from app.core.cumulative import Segment, Union, build_union
from app.core.trail import Trail
from app.io.atomic import atomic_write, check_target, review_files_of
from app.io.bidi import mark_right_to_left
from app.io.docx_package import drop_styles_with_effects, enable_track_changes
from app.io.docx_template import new_document
from app.io.docx_styles import add_styles, style_paragraph
from app.io.revisions_xml import Revisions, make_run

log = logging.getLogger(__name__)

A4 = (Mm(210), Mm(297))


def authors(names: Sequence[str]) -> tuple[str, ...]:
    """The revision author of each version: its name, "version N" when it has none, and " (N)" added
    to a name another version already has, so every round has an author of its own (N is 1-based)."""
    out: list[str] = []
    for n, name in enumerate(names, 1):
        author = " ".join(str(name).split()) or f"version {n}"
        if author in out:
            author = f"{author} ({n})"
        out.append(author)
    return tuple(out)


@dataclass
class _Round(Revisions):
    """The revisions of one round: its author and date, ids from the one counter of the file."""

    counter: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def new_id(self) -> str:
        return str(next(self.counter))


def build_cumulative(union: Union, dates: Sequence[datetime], names: Sequence[str] | None = None,
                     language: str = ""):
    """The cumulative document of ``union`` as a python-docx Document. ``dates``: one per version (the
    first is not used: nothing is revised by the first version); ``names``: the authors (default:
    ``authors(union.names)``); ``language``: the text's (ISO 639-1), its proofing language. Raises ValueError when ``dates`` or ``names`` do not have one entry per
    version."""
    if len(dates) != union.versions:
        raise ValueError(f"{len(dates)} dates for {union.versions} versions")
    names = tuple(names) if names is not None else authors(union.names)
    if len(names) != union.versions:
        raise ValueError(f"{len(names)} authors for {union.versions} versions")
    counter = itertools.count(1)
    rounds = [_Round(name, date, counter=counter) for name, date in zip(names, dates)]
    document = new_document(language)
    add_styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = A4
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    body = document.element.body
    sect = body.find(qn("w:sectPr"))
    for child in list(body):                      # python-docx's template starts with no paragraph,
        if child is not sect:                     # but never rely on it
            body.remove(child)
    carried: list = []                             # content of instances that run into the next one
    last = len(union.instances) - 1
    for n, inst in enumerate(union.instances):
        carried += _content(inst.segments, rounds)
        marks = ((0, None),) if n == last else inst.marks
        for m, (born, died) in enumerate(marks):
            p = OxmlElement("w:p")
            sect.addprevious(p)
            style_paragraph(document, p, inst.paragraph)
            if m == 0:
                for element in carried:
                    p.append(element)
                carried = []
            if n != last:
                _mark(p, born, died, rounds)
    _split_insertion_boundaries(body, {r.author: r for r in rounds[1:]})
    enable_track_changes(document)
    drop_styles_with_effects(document)
    mark_right_to_left(body)
    return document


def export_cumulative(trail: Trail, out_path: str | Path, *, dates: Sequence[datetime] | None = None,
                      names: Sequence[str] | None = None) -> Path:
    """Write the cumulative tracked-change .docx of ``trail`` to ``out_path`` and return its path.

    ``dates``: one datetime per version, the date of its round's revisions (default: each version's
    file date, its last modification; the comparison's time for a version not read from a file); ``names``: the revision authors (default: ``authors(trail.names)``).
    Written through the safe-output routine (``app.io.atomic``): never over one of the versions or the
    review files beside them. Raises ExportError when the target cannot be written, ValueError when
    ``dates`` or ``names`` do not have one entry per version."""
    paths = [v.path for v in trail.versions if v.path]
    guard = {"inputs": tuple(paths), "protect": review_files_of(*paths)}
    check_target(out_path, **guard)                          # a refused name fails before the work
    if dates is None:
        dates = _default_dates(trail)
    document = build_cumulative(build_union(trail), dates, names, trail.versions[-1].language)
    return atomic_write(out_path, lambda fh: document.save(fh), **guard)


def _default_dates(trail: Trail) -> list[datetime]:
    """Each version's date: its file's last modification (UTC), so Word's reviewer and date filters
    tell the rounds apart; the comparison's time when there is no file to ask."""
    now = datetime.now(timezone.utc)
    times = [c.compared_at or now for c in trail.comparisons]
    out = []
    for version, fallback in zip(trail.versions, [times[0]] + times):
        try:
            out.append(datetime.fromtimestamp(Path(version.path).stat().st_mtime, timezone.utc).replace(microsecond=0))
        except (OSError, ValueError) as exc:          # no file (a test's Document) or one gone since
            log.info("no file date for %s (%s): the comparison's time is used", version.path, exc)
            out.append(fallback)
    return out


def _content(segments: Sequence[Segment], rounds: list[_Round]) -> list:
    """The runs of ``segments``, neighbours of the same history in one revision."""
    out = []
    for (born, died), group in itertools.groupby(segments, key=lambda s: (s.born, s.died)):
        runs = [make_run(s.text, s.fmt, deleted=died is not None) for s in group]
        if died is not None:
            runs = [rounds[died].wrap("w:del", runs)]
        if born:
            runs = [rounds[born].wrap("w:ins", runs)]   # inserted, then deleted by a later round:
        out += runs                                     # w:ins > w:del > w:r > w:delText, as Word does
    return out


def _mark(p, born: int, died: int | None, rounds: list[_Round]) -> None:
    """Track the paragraph mark of ``p``: inserted by round ``born`` (when not 0), deleted by round
    ``died`` (when not None); both in one w:rPr, w:ins first (CT_ParaRPr)."""
    if not born and died is None:
        return
    ppr = p.get_or_add_pPr()
    if born:
        rounds[born].mark_properties(ppr, "w:ins")
    if died is not None:
        if born:
            ppr.find(qn("w:rPr")).find(qn("w:ins")).addnext(rounds[died].wrap("w:del", []))
        else:
            rounds[died].mark_properties(ppr, "w:del")


def _split_insertion_boundaries(body, rounds: dict[str, _Round]) -> None:
    """Where a paragraph whose mark is kept in every version ends with an insertion and the next one
    starts with an insertion of the same round (and the same later deletion, if any), move the ending
    insertion X into a paragraph of its own: "C X" + kept mark becomes "C" with a mark that round
    deleted, then "X" with a mark it inserted. Before that round C ends at the deleted mark and the
    empty paragraph runs into the next; from it on C runs into X, which ends at the inserted mark."""
    paragraphs = [p for p in body if p.tag == qn("w:p")]
    for p, nxt in zip(paragraphs, paragraphs[1:]):
        tail, head = _content_of(p), _content_of(nxt)
        if not tail or not head or _tracked_mark(p) or _history(tail[-1]) is None \
                or _history(tail[-1]) != _history(head[0]):
            continue
        author = _history(tail[-1])[0]
        moved = []
        while tail and _history(tail[-1]) == _history(head[0]):
            moved.insert(0, tail.pop())
        q = OxmlElement("w:p")
        ppr = p.find(qn("w:pPr"))
        if ppr is not None:
            q.append(deepcopy(ppr))
        for element in moved:
            q.append(element)
        p.addnext(q)
        rounds[author].mark(p, "w:del")
        rounds[author].mark(q, "w:ins")


def _content_of(p) -> list:
    return [c for c in p if c.tag != qn("w:pPr")]


def _tracked_mark(p) -> bool:
    rpr = p.find(qn("w:pPr") + "/" + qn("w:rPr"))
    return rpr is not None and (rpr.find(qn("w:ins")) is not None or rpr.find(qn("w:del")) is not None)


def _history(element) -> tuple[str, str] | None:
    """(inserting author, deleting author or "") of an inserted element, None for anything else."""
    if element.tag != qn("w:ins"):
        return None
    inner = element.find(qn("w:del"))
    return element.get(qn("w:author")), (inner.get(qn("w:author")) if inner is not None else "")
