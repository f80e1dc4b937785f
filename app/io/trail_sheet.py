"""The trail sheet as HTML that QTextDocument renders: label in each version | final text | history.

One row per paragraph of the last version, in its order, then the paragraphs dropped along the way
(their text as it last stood, struck through). Each version's label cell says what happened there by a
background and a cue that survives black and white printing: added underlined, changed in bold, moved
in italics, dropped struck through, absent "—". Words come from app.core.messages (English, French).
"""
from __future__ import annotations

import html

from app.core.messages import trail_history, trail_term
from app.core.trail import Event, Thread, Trail
from app.core.marks import Mark
from app.io.sheet_html import BASE_CSS, directed, span_html

CSS = BASE_CSS + """
h2 { font-size: 11pt; margin: 8px 0 2px 0; }
table.trail { border-collapse: collapse; }
th { font-size: 8.5pt; }
td.v { font-size: 8pt; white-space: nowrap; }
td.added { background-color: #c6dcf5; text-decoration: underline; }
td.reintroduced { background-color: #c6dcf5; text-decoration: underline; }
td.changed { background-color: #fff0c2; font-weight: bold; }
td.moved, td.split, td.merged { background-color: #e2d6f3; font-style: italic; }
td.dropped { background-color: #fbd3ad; text-decoration: line-through; }
td.absent { color: #999; }
td.history { font-size: 8pt; color: #333; }
span.gone { text-decoration: line-through; color: #555; }
"""
_CLASS = {Event.ADDED: "added", Event.REINTRODUCED: "reintroduced", Event.CHANGED: "changed",
          Event.MOVED: "moved", Event.SPLIT: "split", Event.MERGED: "merged", Event.DROPPED: "dropped",
          Event.ABSENT: "absent"}


def _text(text: str) -> str:
    return directed(span_html(text, Mark.EQUAL), text)


def _label_cells(thread: Thread, trail: Trail, language: str) -> str:
    cells = []
    for stage in thread.stages:
        css = _CLASS.get(stage.event, "")
        if stage.event is Event.MOVED and stage.edited:
            css = "moved changed"
        label = stage.label or ("\u00b6" if stage.present else "")
        if stage.event is Event.DROPPED:
            previous = thread.stages[stage.version - 1]
            label = previous.label or "\u00b6"
        elif not stage.present:
            label = trail_term("absent", language)
        cells.append(f'<td class="v {css}">{html.escape(label)}</td>')
    return "".join(cells)


def _row(thread: Thread, trail: Trail, language: str, shade: bool) -> str:
    bg = ' bgcolor="#f6f6f6"' if shade else ""
    last = next(s for s in reversed(thread.stages) if s.present)
    text = _text(trail.text(last, body=True))
    if not thread.stages[-1].present:
        text = f'<span class="gone">{text}</span>'
    history = html.escape(trail_history(thread, trail.names, language))
    return (f"<tr{bg}>{_label_cells(thread, trail, language)}<td>{text}</td>"
            f'<td class="history">{history}</td></tr>')


def _head(trail: Trail, text_head: str, language: str) -> str:
    versions = "".join(f'<th>{html.escape(name)}</th>' for name in trail.names)
    return (f"<tr>{versions}<th>{html.escape(text_head)}</th>"
            f"<th>{html.escape(trail_term('head.history', language))}</th></tr>")


def trail_sheet_html(trail: Trail, *, language: str = "en", body_only: bool = True) -> str:
    """The trail sheet as one HTML string. ``body_only``: paragraphs of the resolution's body and notes
    (not the header block, title, footer or running heads), as the officer reads a trail; False shows
    every paragraph. The text column takes about half the width whatever the number of versions."""
    final = [t for t in trail.final_threads() if not body_only or trail.is_body(t)]
    dropped = [t for t in trail.dropped_threads() if not body_only or trail.is_body(t)]
    names = ", ".join(trail.names)
    out = [f"<html><head><meta charset='utf-8'><style>{CSS}</style></head><body>",
           f"<h1>{html.escape(trail_term('title', language))}</h1>",
           f"<p class='meta'>{html.escape(trail_term('versions', language, n=len(trail.names), names=names))}<br/>"
           f"{html.escape(trail_term('legend', language))}</p>",
           '<table class="trail" width="100%" border="1" cellspacing="0" cellpadding="3">',
           _head(trail, trail_term("head.text", language, v=trail.names[-1]), language)]
    out += [_row(t, trail, language, n % 2 == 1) for n, t in enumerate(final)]
    out.append("</table>")
    if dropped:
        out += [f"<h2>{html.escape(trail_term('dropped.head', language))}</h2>",
                '<table class="trail" width="100%" border="1" cellspacing="0" cellpadding="3">',
                _head(trail, trail_term("dropped.text", language), language)]
        out += [_row(t, trail, language, n % 2 == 1) for n, t in enumerate(dropped)]
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)
