"""The comparison sheet as HTML that QTextDocument renders (a table: label | draft | adopted).

Highlights carry non-colour cues too: deleted text is struck through, inserted text underlined, so the
sheet reads the same in black and white. Colours are the colour-blind-safe orange/blue pair.
"""
from __future__ import annotations

import html
import re
from datetime import date
from typing import Mapping

from app.core.model import Comparison
from app.io.bidi import is_right_to_left
from app.io.sheet_rows import DELETED, INSERTED, Row, sheet_rows, summary

CSS = """
body { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 9pt; }
h1 { font-size: 13pt; margin: 0; }
p.meta { font-size: 8.5pt; color: #333; margin: 2px 0 6px 0; }
table.sheet { border-collapse: collapse; }
th { background-color: #e8e8e8; font-size: 9pt; text-align: left; padding: 3px; }
td { padding: 3px; vertical-align: top; }
td.label { color: #333; }   /* same size as the texts: a row that crosses a page break breaks at the same line in every cell */
span.del { background-color: #fbd3ad; text-decoration: line-through; }
span.ins { background-color: #c6dcf5; text-decoration: underline; }
td.findings { font-size: 7.5pt; color: #5a2d00; }
td.collapsed { color: #666; font-style: italic; text-align: center; }
"""


def _segments(segments) -> str:
    out = []
    for style, text in segments:
        body = re.sub("[\n\v\u2028]", "<br/>", html.escape(text)).replace("\t", " ")
        if style == DELETED:
            out.append(f'<span class="del">{body}</span>')
        elif style == INSERTED:
            out.append(f'<span class="ins">{body}</span>')
        else:
            out.append(body)
    return "".join(out)


def _directed(segments) -> str:
    """A cell's text, right to left and right-aligned when it is Arabic (or Hebrew): Qt guesses the
    direction of each block from its first letter, which a label or a figure can make wrong."""
    body = _segments(segments)
    if body and is_right_to_left("".join(text for _, text in segments)):
        return f'<div dir="rtl" align="right">{body}</div>'
    return body


def _row(row: Row, shade: bool) -> str:
    bg = ' bgcolor="#f6f6f6"' if shade else ""
    if row.kind == "collapsed":
        return f'<tr><td class="collapsed" colspan="3">{_segments(row.draft)}</td></tr>'
    empty = '<i style="color:#777">(not in the {})</i>'
    draft, adopted = _directed(row.draft), _directed(row.adopted)
    grey = ' bgcolor="#e4e4e4"'      # the missing side is a greyed cell, readable without colour too
    d_bg, a_bg = (grey if not draft else ""), (grey if not adopted else "")
    draft, adopted = draft or empty.format("draft"), adopted or empty.format("adopted text")
    kind = "" if row.kind in ("equal", "changed") else f"<i>{html.escape(row.kind)}</i>"
    if kind and row.label:
        kind = "<br/>" + kind
    cells = (f'<tr{bg}><td class="label" width="10%">{html.escape(row.label)}{kind}</td>'
             f'<td width="45%"{d_bg}>{draft}</td><td width="45%"{a_bg}>{adopted}</td></tr>')
    if row.notes:
        lines = "<br/>".join(html.escape(n) for n in row.notes)
        cells += f'<tr{bg}><td></td><td class="findings" colspan="2">{lines}</td></tr>'
    return cells


PAGE_SIZES = ("A4", "Letter")


def sheet_html(comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
               notes: Mapping[int, str] | None = None, title: str | None = None, today: date | None = None) -> str:
    """The whole sheet as one HTML string. The page width comes from the device QTextDocument lays it out
    on (columns are percentages), so ``page_size`` is only checked here and named in the header."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    c = comparison
    rows = sheet_rows(c, collapse_equal=collapse_equal, notes=notes)
    heading = html.escape(title or "Comparison sheet")
    meta = (f"Draft: <b>{html.escape(c.draft.name)}</b> ({c.draft.language}) &nbsp;\u2014&nbsp; "
            f"Adopted: <b>{html.escape(c.adopted.name)}</b> ({c.adopted.language}) &nbsp;\u2014&nbsp; "
            f"{(today or date.today()).isoformat()}<br/>{html.escape(summary(c))}")
    doc_findings = "".join(f"<br/>{html.escape(f.severity.value.upper())}: {html.escape(f.message)}"
                           for f in c.findings)
    body = "".join(_row(r, n % 2 == 1) for n, r in enumerate(rows))
    return (f"<html><head><style>{CSS}</style></head><body>"
            f"<h1>{heading}</h1><p class=\"meta\">{meta}{doc_findings}</p>"
            f'<table class="sheet" width="100%" border="0.5" cellspacing="0" cellpadding="3">'
            f"<thead><tr><th>Label</th><th>Draft</th><th>Adopted</th></tr></thead>{body}</table>"
            f"</body></html>")
