"""Export a comparison as a Word file with real tracked changes.

Accept-all gives the adopted text and reject-all the draft text, paragraph by paragraph. Each pair is
turned into a stream of events (text kept, deleted or inserted; paragraph breaks kept, deleted or
inserted) and a writer lays the events out as paragraphs: a paragraph break that exists on one side only
is a tracked paragraph mark, which is how splits, merges and whole-paragraph changes stay exact.
Moved paragraphs become w:moveFrom at their draft place and w:moveTo at their adopted place.
Two layout rules exist only for LibreOffice 7.4, checked with ../shared/tools/lo_tracked.py: a move
mark never sits on a paragraph that is not moved, and an insertion never ends a paragraph whose kept
mark is followed by an insertion (see _split_insertion_boundaries).
"""
from __future__ import annotations

import difflib
import getpass
import logging
import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Sequence

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.core.model import Comparison, Op, PairKind, ParaPair, Paragraph, Run
from app.io.atomic import atomic_write
from app.io.docx_styles import add_styles, style_paragraph
from app.io.docx_package import drop_styles_with_effects, enable_track_changes
from app.io.docx_template import TemplateStyler, empty_body, make_own, open_adopted_template
from app.io.revisions_xml import PLAIN, Revisions, make_run

log = logging.getLogger(__name__)

EQ, DEL, INS, MOVE_FROM, MOVE_TO = "eq", "del", "ins", "moveFrom", "moveTo"
TAGS = {DEL: "w:del", INS: "w:ins", MOVE_FROM: "w:moveFrom", MOVE_TO: "w:moveTo"}


@dataclass(frozen=True)
class Text:
    kind: str
    text: str
    fmt: Run


@dataclass(frozen=True)
class Break:
    kind: str


@dataclass(frozen=True)
class Style:
    """The next paragraph looks like ``paragraph``; ``counterpart`` is the draft paragraph that the
    same paragraph mark ends under reject-all, when there is one."""
    paragraph: Paragraph
    counterpart: Paragraph | None = None


class Cursor:
    """Walks one side's paragraphs as ops consume their text, to know each piece's formatting."""

    def __init__(self, paragraphs: Sequence[Paragraph], skip_prefix: bool) -> None:
        self.paragraphs = list(paragraphs)
        self.skip_prefix = skip_prefix
        self.k = 0
        self.offset = len(self.current.prefix) if (self.paragraphs and skip_prefix) else 0

    @property
    def current(self) -> Paragraph | None:
        return self.paragraphs[self.k] if self.k < len(self.paragraphs) else None

    def advance(self) -> None:
        self.k += 1
        self.offset = len(self.current.prefix) if (self.current and self.skip_prefix) else 0

    def prefix(self) -> str:
        return self.current.prefix if (self.current and self.skip_prefix) else ""

    def take(self, text: str, at: int | None = None) -> list[tuple[str, Run]]:
        """Split ``text`` (which sits at the cursor, or at ``at``) by the paragraph's run formatting."""
        start = self.offset if at is None else at
        if at is None:
            self.offset += len(text)
        par = self.current
        if par is None or not par.runs:
            return [(text, PLAIN)] if text else []
        out: list[tuple[str, Run]] = []
        pos = 0
        for run in par.runs:
            r_end = pos + len(run.text)
            lo, hi = max(pos, start), min(r_end, start + len(text))
            if lo < hi:
                out.append((text[lo - start:hi - start], run))
            pos = r_end
        covered = sum(len(t) for t, _ in out)
        if covered < len(text):    # runs shorter than the text: keep the rest plain, never lose text
            out.append((text[covered:], PLAIN))
        return out


def _texts(kind: str, cursor: Cursor, text: str) -> Iterator[Text]:
    for piece, fmt in cursor.take(text):
        yield Text(kind, piece, fmt)


def pair_events(pair: ParaPair, comparison: Comparison) -> Iterator[object]:
    """Events of one pair in reading order (moves give their moveTo part here)."""
    draft = [comparison.draft.paragraphs[i] for i in pair.draft]
    adopted = [comparison.adopted.paragraphs[j] for j in pair.adopted]
    if pair.kind is PairKind.MOVED and draft:
        yield from whole(draft=[], adopted=adopted, ins_kind=MOVE_TO)
    elif comparison.cross_language or not pair.ops or not draft or not adopted:
        yield from whole(draft, adopted)
    else:
        yield from from_ops(pair, draft, adopted, comparison.options.ignore_labels)


def whole(draft: Sequence[Paragraph], adopted: Sequence[Paragraph], del_kind: str = DEL,
          ins_kind: str = INS) -> Iterator[object]:
    """All of the draft deleted, all of the adopted inserted (cross-language, inserted, deleted, moved)."""
    a, b = Cursor(draft, False), Cursor(adopted, False)

    def adopted_style(n: int) -> Style:   # the last adopted mark is kept: it ends the last draft paragraph
        return Style(adopted[n], draft[-1] if draft and n == len(adopted) - 1 else None)

    for n, p in enumerate(draft):
        shared = n == len(draft) - 1 and bool(adopted)   # the last draft text runs into the first adopted
        yield adopted_style(0) if shared else Style(p)
        yield from _texts(del_kind, a, p.text)
        if not shared:
            yield Break(del_kind)
        a.advance()
    for n, p in enumerate(adopted):
        if n or not draft:
            yield adopted_style(n)
        yield from _texts(ins_kind, b, p.text)
        yield Break(EQ if n == len(adopted) - 1 and draft else ins_kind)
        b.advance()


def from_ops(pair: ParaPair, draft: Sequence[Paragraph], adopted: Sequence[Paragraph],
             ignore_labels: bool) -> Iterator[object]:
    a, b = Cursor(draft, ignore_labels), Cursor(adopted, ignore_labels)
    yield Style(adopted[0], draft[0])
    yield from _prefixes(a, b)
    for op in pair.ops:
        if op.op is Op.EQUAL and op.a == op.b:
            yield from _equal(a, b, op.a)
        elif op.op is Op.EQUAL:            # equal under an ignore option: show the real change
            for same, x, y in _refine(op.a, op.b):
                if same:
                    yield from _equal(a, b, x)
                else:
                    yield from _one_side(DEL, a, b, x)
                    yield from _one_side(INS, a, b, y)
        elif op.op is Op.DELETE:
            yield from _one_side(DEL, a, b, op.a)
        else:
            yield from _one_side(INS, a, b, op.b)
    yield Break(EQ)


_TOKEN = re.compile(r"\n|[^\S\n]+|\w+|[^\w\s]")


def _refine(a: str, b: str) -> Iterator[tuple[bool, str, str]]:
    """Split an op that compared equal only under an ignore option (case, quotes, spaces) into the
    stretches that are really equal and those that differ, so only "Calls" -> "calls" is tracked."""
    ta, tb = _TOKEN.findall(a), _TOKEN.findall(b)
    matcher = difflib.SequenceMatcher(None, ta, tb, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        yield tag == "equal", "".join(ta[i1:i2]), "".join(tb[j1:j2])


def _equal(a: Cursor, b: Cursor, text: str) -> Iterator[object]:
    for n, line in enumerate(text.split("\n")):
        if n:
            yield Break(EQ)
            a.advance()
            b.advance()
            yield Style(b.current or a.current, a.current if b.current else None)
            yield from _prefixes(a, b)
        if line:
            a.take(line)
            yield from _texts(EQ, b, line)


def _one_side(kind: str, a: Cursor, b: Cursor, text: str) -> Iterator[object]:
    cursor = a if kind == DEL else b
    for n, line in enumerate(text.split("\n")):
        if n:
            yield Break(kind)
            cursor.advance()
            # After a deleted break the next paragraph still ends at the adopted paragraph's mark.
            yield Style(b.current or a.current, a.current if kind == DEL and b.current else None)
            prefix = cursor.prefix()
            if prefix:
                yield from _prefix_texts(kind, cursor, prefix)
        if line:
            yield from _texts(kind, cursor, line)


def _prefix_texts(kind: str, cursor: Cursor, prefix: str) -> Iterator[Text]:
    for piece, fmt in cursor.take(prefix, at=0):
        yield Text(kind, piece, fmt)


def _prefixes(a: Cursor, b: Cursor) -> Iterator[Text]:
    pa, pb = a.prefix(), b.prefix()
    if pa == pb:
        yield from _prefix_texts(EQ, b, pb)
    else:
        yield from _prefix_texts(DEL, a, pa)
        yield from _prefix_texts(INS, b, pb)


def document_events(comparison: Comparison, skip=None) -> Iterator[tuple[int, object]]:
    """All events, with moveFrom parts placed where the moved paragraphs stood in the draft.
    Yields (move number or 0, event). Pairs for which ``skip(pair)`` is true are left out (footnotes
    written as Word footnotes)."""
    kept = [p for p in comparison.pairs if skip is None or not skip(p)]
    items: list[tuple[str, ParaPair]] = [("pair", p) for p in kept]
    moves = [p for p in kept if p.kind is PairKind.MOVED and p.draft]
    # In draft order, so moves from neighbouring draft places keep their order before the same pair.
    for move in sorted(moves, key=lambda p: p.draft[0]):
        at = next((n for n, (what, p) in enumerate(items) if what == "pair" and p.kind is not PairKind.MOVED
                   and p.draft and p.draft[0] > move.draft[0]), len(items))
        items.insert(at, ("from", move))
    numbers = {id(p): n for n, p in enumerate(moves, 1)}
    for what, pair in items:
        if what == "from":
            draft = [comparison.draft.paragraphs[i] for i in pair.draft]
            for event in whole(draft, [], del_kind=MOVE_FROM):
                yield numbers[id(pair)], event
        else:
            for event in pair_events(pair, comparison):
                yield numbers.get(id(pair), 0), event


def build_document(comparison: Comparison, *, author: str, date: datetime):
    """The tracked document: on the adopted .docx when there is one (its styles, numbering, page set-up),
    else on a clean document with Draft Compare's styles."""
    rev = Revisions(author, date)
    template = open_adopted_template(comparison)
    if template is not None:
        document = template.document
        empty_body(document)
        make_own(document, author)
        styler = TemplateStyler(template, comparison)

        def apply_style(p, style: Style) -> None:
            styler.apply(p, style.paragraph, style.counterpart, rev)
    else:
        document = docx.Document()
        add_styles(document)

        def apply_style(p, style: Style) -> None:
            style_paragraph(document, p, style.paragraph)
    body = document.element.body
    sect = body.find(qn("w:sectPr"))

    def place(p) -> None:
        if sect is not None:
            sect.addprevious(p)      # the body's last child must stay the section properties
        else:                        # (optional: an adopted file may have none)
            body.append(p)

    from app.io.tracked_footnotes import RealFootnotes   # (it builds on this module)
    notes = RealFootnotes.prepare(comparison, template) if template is not None else None
    events = document_events(comparison, skip=notes.is_note_pair if notes else None)
    write_story(events, place, apply_style, rev, notes.body_runs if notes else None)
    if notes is not None:
        notes.write(rev, apply_style)
    _merge_adjacent_revisions(body)
    enable_track_changes(document)
    drop_styles_with_effects(document)
    return document


def plain_runs(kind: str, text: str, fmt: Run, rev: Revisions) -> list[tuple[str, object]]:
    """A text event as one run, wrapped in its revision: [(kind, element)]."""
    run = make_run(text, fmt, deleted=kind in (DEL, MOVE_FROM))
    return [(kind, run if kind == EQ else rev.wrap(TAGS[kind], [run]))]


def write_story(events, place, apply_style, rev: Revisions, runs=None) -> list:
    """Lay (move number, event) pairs out as paragraphs, each handed to ``place`` when it starts, and
    track the marks that exist on one side only. ``runs(kind, text, fmt, rev)`` turns text into
    elements (footnote markers become references). Returns the paragraphs."""
    runs = runs or plain_runs
    state: dict = {"p": None, "style": None}
    move_ranges: dict[tuple[int, str], str] = {}
    closed: list[list] = []           # [paragraph element, mark kind, kinds of its content]
    content: set[str] = set()
    for move, event in events:
        if isinstance(event, Style):
            if state["p"] is None:
                state["style"] = event
            continue
        if state["p"] is None:
            state["p"] = OxmlElement("w:p")
            place(state["p"])
            if state["style"] is not None:
                apply_style(state["p"], state["style"])
        p = state["p"]
        kind = event.kind
        if kind in (MOVE_FROM, MOVE_TO) and (move, kind) not in move_ranges:
            start, range_id = rev.range_start(f"w:{kind}RangeStart", f"move{move}")
            p.append(start)
            move_ranges[(move, kind)] = range_id
        if isinstance(event, Text):
            for run_kind, element in (runs(kind, event.text, event.fmt, rev) if event.text else ()):
                content.add(run_kind)
                p.append(element)
        else:   # Break: close the paragraph; a one-sided break is a tracked paragraph mark
            if kind in (MOVE_FROM, MOVE_TO):
                p.append(rev.range_end(f"w:{kind}RangeEnd", move_ranges[(move, kind)]))
                del move_ranges[(move, kind)]
            closed.append([p, kind, frozenset(content)])
            content = set()
            state["p"] = state["style"] = None
    _place_marks(closed, rev)
    out = _split_insertion_boundaries(closed, rev)
    for p, kind, _ in out:
        if kind != EQ:
            rev.mark(p, TAGS[kind])
    return [p for p, _, _ in out]


ACCEPTED = frozenset({EQ, INS, MOVE_TO})    # what accept-all keeps
REJECTED = frozenset({EQ, DEL, MOVE_FROM})  # what reject-all keeps


def _place_marks(closed: list[list], rev: Revisions) -> None:
    """The document's last paragraph mark cannot be tracked. When it exists on one side only, the
    side without it ends its last paragraph at an earlier mark, which takes over the one-sided role
    (or, when that mark is itself one-sided, disappears by joining its paragraph to the next)."""
    if not closed or closed[-1][1] == EQ:
        return
    kind = closed[-1][1]
    side = REJECTED if kind in ACCEPTED else ACCEPTED    # the side that lacks the last mark
    closed[-1][1] = EQ
    j = next((n for n in range(len(closed) - 2, -1, -1) if closed[n][1] in side), None)
    if j is None or any(closed[n][2] & side for n in range(j + 1, len(closed))):
        return                       # that side has text after its last mark: it ends there anyway
    if closed[j][1] == EQ:   # LibreOffice mishandles a move mark on a paragraph that is not moved
        closed[j][1] = {MOVE_FROM: DEL, MOVE_TO: INS}.get(kind, kind)
    else:                            # one-sided the other way: the two sides share no mark here
        p, nxt = closed[j][0], closed[j + 1][0]
        # The joined paragraph takes the next paragraph's mark and properties, so accept-all shows the
        # adopted paragraph (numbering included). Under reject-all its draft text ends at the last mark;
        # LibreOffice then keeps the first paragraph's properties, Word those of the surviving mark:
        # both record the draft paragraph's own properties, for reject-all to restore.
        draft_ppr = _reject_view_ppr(p)
        for old in p.findall(qn("w:pPr")):
            p.remove(old)
        for child in list(nxt):
            if child.tag == qn("w:pPr"):
                p.insert(0, child)
            else:
                p.append(child)
        nxt.getparent().remove(nxt)
        closed[j][1:] = [closed[j + 1][1], closed[j][2] | closed[j + 1][2]]
        del closed[j + 1]
        for q in {id(p): p, id(closed[-1][0]): closed[-1][0]}.values():
            _record_properties(q, deepcopy(draft_ppr), rev)


def _content(p) -> list:
    return [c for c in p if c.tag != qn("w:pPr")]


def _split_insertion_boundaries(closed: list[list], rev: Revisions) -> list[list]:
    """LibreOffice (7.4) joins an insertion that ends a paragraph with one that starts the next into
    one redline that swallows the kept paragraph mark between them, so reject-all loses that break.

    When the next paragraph is wholly inserted (a new footnote after a new marker, a new paragraph after
    an added word), the kept mark moves there instead: "C + inserted X" gets the inserted mark and the
    new paragraph the kept one, which under reject-all ends C; a paragraph-property change on it records
    C's properties so C keeps its look. Otherwise "C + inserted X" becomes "C" with a deleted mark
    followed by "X" with an inserted mark: the same text on both sides, the two insertions now meeting
    across an inserted mark."""
    out: list[list] = []
    n = 0
    while n < len(closed):
        p, kind, content = closed[n]
        nxt = closed[n + 1] if n + 1 < len(closed) else None
        tail = _content(p)
        head = _content(nxt[0]) if nxt is not None else []
        if kind != EQ or not tail or tail[-1].tag != qn("w:ins") or not head or head[0].tag != qn("w:ins"):
            out.append([p, kind, content])
        elif nxt[1] == INS and nxt[2] <= {INS}:
            _record_properties(nxt[0], _reject_view_ppr(p), rev)
            out.append([p, INS, content])
            closed[n + 1] = [nxt[0], EQ, nxt[2]]
        else:
            moved = []
            while tail and tail[-1].tag == qn("w:ins"):
                moved.insert(0, tail.pop())
            q = OxmlElement("w:p")
            ppr = p.find(qn("w:pPr"))
            if ppr is not None:
                q.append(deepcopy(ppr))
                for change in list(q.iter(qn("w:pPrChange"))):   # q is inserted: nothing to restore
                    change.getparent().remove(change)
            for child in moved:
                q.append(child)
            p.addnext(q)
            out += [[p, DEL, content], [q, INS, frozenset({INS})]]
        n += 1
    return out


def _reject_view_ppr(p):
    """The paragraph properties ``p`` shows after reject-all (its recorded old ones, if any)."""
    ppr = p.find(qn("w:pPr"))
    if ppr is None:
        return OxmlElement("w:pPr")
    change = ppr.find(qn("w:pPrChange"))
    old = deepcopy(change.find(qn("w:pPr")) if change is not None else ppr)
    for tag in ("w:rPr", "w:sectPr", "w:pPrChange"):
        for el in old.findall(qn(tag)):
            old.remove(el)
    return old


def _record_properties(p, old_ppr, rev: Revisions) -> None:
    """Make ``old_ppr`` what reject-all gives ``p`` (replacing any change recorded before)."""
    ppr = p.get_or_add_pPr()
    for change in ppr.findall(qn("w:pPrChange")):
        ppr.remove(change)
    rev.paragraph_change(ppr, old_ppr)


def _merge_adjacent_revisions(body) -> None:
    """Neighbouring w:ins (or w:del) in one paragraph become one, so Word lists one change per edit."""
    for p in body.iter(qn("w:p")):
        prev = None
        for child in list(p):
            if prev is not None and child.tag == prev.tag and child.tag in (qn("w:ins"), qn("w:del")):
                for r in list(child):
                    prev.append(r)
                p.remove(child)
                continue
            prev = child


def default_author() -> str:
    try:
        return getpass.getuser() or "Draft Compare"
    except Exception:   # no user name in some locked-down environments
        return "Draft Compare"


def export_tracked(comparison: Comparison, out_path: str | Path, *, author: str | None = None,
                   date: datetime | None = None) -> Path:
    """Write the tracked-change .docx of ``comparison`` to ``out_path`` and return its path.

    Two Word files are redlined on the documents themselves (``app.io.redline``): the output is the
    adopted package with the draft woven in, nothing of either dropped. Otherwise (a text, Markdown
    or other draft, or an adopted text that is not Word) the file is laid out from the comparison's
    paragraphs, on the adopted .docx's styles when there is one. Raises ExportError when the target
    cannot be written."""
    author = author or default_author()
    date = date or comparison.compared_at or datetime.now(timezone.utc)
    if _both_word(comparison):
        from app.io.redline.export import open_pair, redline_pair
        pair = open_pair(comparison)
        if pair is not None:
            return redline_pair(pair, out_path, author=author, date=date,
                                word_level=not comparison.cross_language,
                                view=comparison.adopted.tracked_view).path
    document = build_document(comparison, author=author, date=date)
    return atomic_write(out_path, lambda fh: document.save(fh),
                        inputs=(comparison.draft.path, comparison.adopted.path))


def _both_word(comparison: Comparison) -> bool:
    return comparison.draft.format == "docx" and comparison.adopted.format == "docx"
