"""Lay out a stream of tracked-change events (``tracked_events``) as WordprocessingML paragraphs.

A paragraph break that exists on one side only is a tracked paragraph mark, which is how splits, merges
and whole-paragraph changes stay exact. Moved paragraphs become w:moveFrom at their draft place and
w:moveTo at their adopted place. Two layout rules exist only for LibreOffice 7.4, checked with
../shared/tools/lo_tracked.py: a move mark never sits on a paragraph that is not moved, and an insertion
never ends a paragraph whose kept mark is followed by an insertion (see _split_insertion_boundaries).
"""
from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn

from app.core.model import Run
from app.io.revisions_xml import Revisions, add_run, new_element
from app.io.tracked_events import DEL, EQ, INS, MOVE_FROM, MOVE_TO, TAGS, Style, Text

_PPR, _INS = qn("w:pPr"), qn("w:ins")
_DELETED = (DEL, MOVE_FROM)


def add_plain_run(parent, kind: str, text: str, fmt: Run, rev: Revisions) -> None:
    """A text event as one run, wrapped in its revision (``TAGS[kind]``; an equal one bare), made as the
    last child of ``parent`` (a w:p)."""
    holder = parent if kind == EQ else rev.add(parent, TAGS[kind])
    add_run(holder, text, fmt, deleted=kind in _DELETED)


def plain_runs(kind: str, text: str, fmt: Run, rev: Revisions) -> list[tuple[str, object]]:
    """``add_plain_run``'s element on its own, for a ``runs`` callback of ``write_story``: [(kind, element)]."""
    holder = new_element("w:p")
    add_plain_run(holder, kind, text, fmt, rev)
    return [(kind, holder[0])]


def write_story(events, place, apply_style, rev: Revisions, runs=None) -> list:
    """Lay (move number, event) pairs out as paragraphs, each handed to ``place`` when it starts, and
    track the marks that exist on one side only. ``runs(kind, text, fmt, rev)`` turns text into
    elements (footnote markers become references); by default each text is one run (``plain_runs``),
    made in place in its paragraph. Returns the paragraphs."""
    p = style = None
    move_ranges: dict[tuple[int, str], str] = {}
    closed: list[list] = []           # [paragraph element, mark kind, kinds of its content]
    content: set[str] = set()
    for move, event in events:
        if type(event) is Style:
            if p is None:
                style = event
            continue
        if p is None:
            p = new_element("w:p")
            place(p)
            if style is not None:
                apply_style(p, style)
        kind = event.kind
        if kind in (MOVE_FROM, MOVE_TO) and (move, kind) not in move_ranges:
            start, range_id = rev.range_start(f"w:{kind}RangeStart", f"move{move}")
            p.append(start)
            move_ranges[(move, kind)] = range_id
        if type(event) is Text:
            if not event.text:
                continue
            if runs is None:              # plain_runs, made in place
                add_plain_run(p, kind, event.text, event.fmt, rev)
                content.add(kind)
                continue
            for run_kind, element in runs(kind, event.text, event.fmt, rev):
                content.add(run_kind)
                p.append(element)
        else:   # Break: close the paragraph; a one-sided break is a tracked paragraph mark
            if kind in (MOVE_FROM, MOVE_TO):
                p.append(rev.range_end(f"w:{kind}RangeEnd", move_ranges[(move, kind)]))
                del move_ranges[(move, kind)]
            closed.append([p, kind, frozenset(content)])
            content = set()
            p = style = None
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
    return [c for c in p if c.tag != _PPR]


def _ends_with_insertion(p) -> bool:
    """Whether the last content child of ``p`` (its w:pPr aside) is a w:ins."""
    for child in reversed(p):
        if child.tag != _PPR:
            return child.tag == _INS
    return False


def _starts_with_insertion(p) -> bool:
    """Whether the first content child of ``p`` (its w:pPr aside) is a w:ins."""
    for child in p:
        if child.tag != _PPR:
            return child.tag == _INS
    return False


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
        if kind != EQ or nxt is None or not _ends_with_insertion(p) or not _starts_with_insertion(nxt[0]):
            out.append([p, kind, content])
        elif nxt[1] == INS and nxt[2] <= {INS}:
            _record_properties(nxt[0], _reject_view_ppr(p), rev)
            out.append([p, INS, content])
            closed[n + 1] = [nxt[0], EQ, nxt[2]]
        else:
            tail = _content(p)
            moved = []
            while tail and tail[-1].tag == _INS:
                moved.insert(0, tail.pop())
            q = new_element("w:p")
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
        return new_element("w:pPr")
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


def merge_adjacent_revisions(body) -> None:
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
