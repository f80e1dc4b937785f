"""The comparison sheet as HTML that QTextDocument renders (a table: label | draft | adopted).

Each span of text carries the window's marks (app.core.marks) as classes, one per mark: ``del``
(struck through on orange), ``ins`` (underlined on blue), ``mov`` (a moved pair, on lilac), ``fnd``
(what a finding points at, on yellow and overlined: Qt's rich text has no wavy underline) and ``b`` /
``i`` (the source's bold and italics). Highlights carry non-colour cues, so the sheet reads the same
in black and white; colours are those of the window's colour-blind-safe palette. Every head, kind,
note, gap and finding is written in the ``language`` asked (app.core.messages).
"""
from __future__ import annotations

import html
import re
from datetime import date
from typing import Mapping

from app.core.marks import Mark, MarkedParagraph
from app.core.messages import kind_name, term
from app.core.model import Comparison
from app.io.bidi import is_right_to_left
from app.io.sheet_rows import GAP, Row, finding_line, sheet_rows, summary

BASE_CSS = """
body { font-family: 'DejaVu Serif', 'Times New Roman', serif; font-size: 9pt; }
h1 { font-size: 13pt; margin: 0; }
p.meta { font-size: 8.5pt; color: #333; margin: 2px 0 6px 0; }
th { background-color: #e8e8e8; font-size: 9pt; text-align: left; padding: 3px; }
td { padding: 3px; vertical-align: top; }
"""        # the page of every sheet (this one and the trail sheet)
CSS = BASE_CSS + """
table.sheet { border-collapse: collapse; }
td.label { color: #333; }   /* same size as the texts: a row that crosses a page break breaks at the same line in every cell */
span.mov { background-color: #f3e4ee; }
span.del { background-color: #fbd3ad; text-decoration: line-through; }
span.ins { background-color: #c6dcf5; text-decoration: underline; }
span.fnd { background-color: #f6eb8f; text-decoration: overline; }
span.b { font-weight: bold; }
span.i { font-style: italic; }
td.findings { font-size: 7.5pt; color: #5a2d00; }
td.gap { color: #555; font-style: italic; text-align: center; }
"""

# One class per mark, in the order the CSS above lets the later win (a finding's yellow over a change's).
CLASSES = ((Mark.MOVED, "mov"), (Mark.DELETED, "del"), (Mark.INSERTED, "ins"), (Mark.FINDING, "fnd"),
           (Mark.BOLD, "b"), (Mark.ITALIC, "i"))
_LINES = ((Mark.DELETED, "line-through"), (Mark.INSERTED, "underline"), (Mark.FINDING, "overline"))


def span_html(text: str, mark: Mark) -> str:
    """One marked span: its text escaped (line breaks kept) in a ``<span>`` with one class per mark; a
    span with several lines (struck and overlined) says them all inline, as one class can give only
    its own."""
    body = re.sub("[\n\v\u2028]", "<br/>", html.escape(text)).replace("\t", " ")
    classes = " ".join(name for flag, name in CLASSES if flag in mark)
    if not classes:
        return body
    lines = [line for flag, line in _LINES if flag in mark]
    style = f' style="text-decoration: {" ".join(lines)}"' if len(lines) > 1 else ""
    return f'<span class="{classes}"{style}>{body}</span>'


def _paragraphs(paragraphs: tuple[MarkedParagraph, ...]) -> str:
    return "<br/>".join("".join(span_html(s.text, s.mark) for s in p.spans) for p in paragraphs)


def directed(body: str, text: str) -> str:
    """A cell's HTML ``body`` (showing ``text``), right to left and right-aligned when the text is
    Arabic (or Hebrew): Qt guesses the direction of each block from its first letter, which a label or
    a figure can make wrong."""
    if body and is_right_to_left(text):
        return f'<div dir="rtl" align="right">{body}</div>'
    return body


def _directed(paragraphs: tuple[MarkedParagraph, ...]) -> str:
    return directed(_paragraphs(paragraphs), "".join(p.text for p in paragraphs))


def _row(row: Row, shade: bool, language: str = "en") -> str:
    bg = ' bgcolor="#f6f6f6"' if shade else ""
    if row.kind == GAP:
        return f'<tr><td class="gap" colspan="3">{html.escape(row.gap)}</td></tr>'
    empty = '<i style="color:#777">{}</i>'
    draft, adopted = _directed(row.draft), _directed(row.adopted)
    grey = ' bgcolor="#e4e4e4"'      # the missing side is a greyed cell, readable without colour too
    d_bg, a_bg = (grey if not draft else ""), (grey if not adopted else "")
    draft = draft or empty.format(html.escape(term("missing.draft", language)))
    adopted = adopted or empty.format(html.escape(term("missing.adopted", language)))
    kind = "" if row.kind in ("equal", "changed") else f"<i>{html.escape(kind_name(row.kind, language))}</i>"
    if kind and row.label:
        kind = "<br/>" + kind
    cells = (f'<tr{bg}><td class="label" width="10%">{html.escape(row.label)}{kind}</td>'
             f'<td width="45%"{d_bg}>{draft}</td><td width="45%"{a_bg}>{adopted}</td></tr>')
    if row.notes:
        lines = "<br/>".join(html.escape(n) for n in row.notes)
        cells += f'<tr{bg}><td></td><td class="findings" colspan="2">{lines}</td></tr>'
    return cells


PAGE_SIZES = ("A4", "Letter")


def _file(key: str, name: str, language: str) -> str:
    """"Draft: <b>name</b>" with the name in bold, the words in ``language``."""
    return html.escape(term(key, language, name="\0")).replace("\0", f"<b>{html.escape(name)}</b>")


def sheet_html(comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
               notes: Mapping[int, str] | None = None, title: str | None = None, today: date | None = None,
               language: str = "en") -> str:
    """The whole sheet as one HTML string, its words in ``language`` ("en", "fr"). The page width comes
    from the device QTextDocument lays it out on (columns are percentages), so ``page_size`` is only
    checked here and named in the header."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    c = comparison
    rows = sheet_rows(c, collapse_equal=collapse_equal, notes=notes, language=language)
    heading = html.escape(title or term("sheet.title", language))
    meta = (f"{_file('file.draft', c.draft.name, language)} ({c.draft.language}) &nbsp;\u2014&nbsp; "
            f"{_file('file.adopted', c.adopted.name, language)} ({c.adopted.language}) &nbsp;\u2014&nbsp; "
            f"{(today or date.today()).isoformat()}<br/>{html.escape(summary(c, language))}")
    doc_findings = "".join(f"<br/>{html.escape(finding_line(f, language))}" for f in c.findings)
    body = "".join(_row(r, n % 2 == 1, language) for n, r in enumerate(rows))
    heads = "".join(f"<th>{html.escape(term(k, language))}</th>" for k in ("head.label", "head.draft", "head.adopted"))
    return (f"<html><head><style>{CSS}</style></head><body>"
            f"<h1>{heading}</h1><p class=\"meta\">{meta}{doc_findings}</p>"
            f'<table class="sheet" width="100%" border="0.5" cellspacing="0" cellpadding="3">'
            f"<thead><tr>{heads}</tr></thead>{body}</table>"
            f"</body></html>")
