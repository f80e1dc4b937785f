"""The comparison sheet as a grid of HTML cells (label | draft | adopted) that app.ui.paged_grid lays out
and paints page by page; each cell is one paragraph of HTML that QTextDocument renders.

The grid (``SheetGrid``): the head above the table (title, file names, counts, the document's findings)
as HTML, the column heads (repeated at the top of every page), then one ``GridRow`` per sheet row
(app.io.sheet_rows) and one more under it for its findings and note; a gap row ("changed only") spans
the three columns. Columns are fractions of the page's width (10 % | 45 % | 45 %); backgrounds are
``#rrggbb`` strings: every other pair shaded, a missing side greyed (readable without colour too), the
heads on grey.

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
from dataclasses import dataclass
from datetime import date
from typing import Mapping

from app.core.language import RTL_LETTER
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
p.cell { margin: 0; }
p.head { font-weight: bold; }
p.label { color: #333; }   /* same size as the texts: a row that crosses a page break breaks at the same line in every cell */
span.mov { background-color: #f3e4ee; }
span.del { background-color: #fbd3ad; text-decoration: line-through; }
span.ins { background-color: #c6dcf5; text-decoration: underline; }
span.fnd { background-color: #f6eb8f; text-decoration: overline; }
span.b { font-weight: bold; }
span.i { font-style: italic; }
p.findings { font-size: 7.5pt; color: #5a2d00; }
p.gap { color: #555; font-style: italic; text-align: center; }
"""        # a cell is one <p class="cell ..."> (app.ui.paged_grid); the head uses h1 and p.meta
PADDING = 3                 # CSS px around a cell's text (as the table's cellpadding was)
COLUMNS = (0.10, 0.45, 0.45)
SHADE, GREY, HEAD = "#f6f6f6", "#e4e4e4", "#e8e8e8"

# One class per mark, in the order the CSS above lets the later win (a finding's yellow over a change's).
CLASSES = ((Mark.MOVED, "mov"), (Mark.DELETED, "del"), (Mark.INSERTED, "ins"), (Mark.FINDING, "fnd"),
           (Mark.BOLD, "b"), (Mark.ITALIC, "i"))
_LINES = ((Mark.DELETED, "line-through"), (Mark.INSERTED, "underline"), (Mark.FINDING, "overline"))


@dataclass(frozen=True)
class Cell:
    """One cell: ``html`` is inline HTML (spans, ``<br/>`` between lines), shown as one paragraph of
    class ``css`` ("head", "label", "findings", "gap" or "" for a text), right to left and
    right-aligned when ``rtl``; ``fill`` its background ("#rrggbb", "" for the row's); ``span`` the
    number of columns it covers."""

    html: str
    css: str = ""
    fill: str = ""
    span: int = 1
    rtl: bool = False


@dataclass(frozen=True)
class GridRow:
    """One line of the table: its cells left to right (their spans add up to the column count) and
    its background ("#rrggbb", "" for none)."""

    cells: tuple[Cell, ...]
    fill: str = ""


@dataclass(frozen=True)
class SheetGrid:
    """The whole sheet: ``css`` for every cell and the head, ``head`` (HTML above the table),
    ``columns`` (fractions of the width, adding up to 1), ``header`` (the column heads, on every page),
    ``rows`` top to bottom, ``padding`` around each cell's text in CSS px."""

    css: str
    head: str
    columns: tuple[float, ...]
    header: GridRow
    rows: tuple[GridRow, ...]
    padding: float = PADDING


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


def _side(paragraphs: tuple[MarkedParagraph, ...], missing: str) -> Cell:
    """A side's cell: its paragraphs, or greyed and saying that side lacks the pair."""
    body = _paragraphs(paragraphs)
    if not body:
        return Cell(f'<i style="color:#777">{html.escape(missing)}</i>', fill=GREY)
    text = "".join(p.text for p in paragraphs)
    return Cell(body, rtl=bool(RTL_LETTER.search(text)) and is_right_to_left(text))   # most texts have no RTL letter


def grid_rows(row: Row, shade: bool, language: str = "en") -> tuple[GridRow, ...]:
    """The grid's lines for one sheet row: a gap row across the columns, or the row (label, draft,
    adopted) and, when it has findings or a note, a line for them under the texts; ``shade`` gives
    both the shaded background."""
    if row.kind == GAP:
        return (GridRow((Cell(html.escape(row.gap), "gap", span=3),)),)
    fill = SHADE if shade else ""
    kind = "" if row.kind in ("equal", "changed") else f"<i>{html.escape(kind_name(row.kind, language))}</i>"
    label = html.escape(row.label) + ("<br/>" if kind and row.label else "") + kind
    lines = (GridRow((Cell(label, "label"), _side(row.draft, term("missing.draft", language)),
                      _side(row.adopted, term("missing.adopted", language))), fill),)
    if row.notes:
        lines += (GridRow((Cell(""), Cell("<br/>".join(html.escape(n) for n in row.notes), "findings", span=2)),
                          fill),)
    return lines


PAGE_SIZES = ("A4", "Letter")


def _file(key: str, name: str, language: str) -> str:
    """"Draft: <b>name</b>" with the name in bold, the words in ``language``."""
    return html.escape(term(key, language, name="\0")).replace("\0", f"<b>{html.escape(name)}</b>")


def sheet_grid(comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
               notes: Mapping[int, str] | None = None, title: str | None = None, today: date | None = None,
               language: str = "en") -> SheetGrid:
    """The whole sheet as a grid, its words in ``language`` ("en", "fr"). The page width comes from the
    device the grid is painted on (columns are fractions), so ``page_size`` is only checked here."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    c = comparison
    rows = sheet_rows(c, collapse_equal=collapse_equal, notes=notes, language=language)
    heading = html.escape(title or term("sheet.title", language))
    meta = (f"{_file('file.draft', c.draft.name, language)} ({c.draft.language}) &nbsp;\u2014&nbsp; "
            f"{_file('file.adopted', c.adopted.name, language)} ({c.adopted.language}) &nbsp;\u2014&nbsp; "
            f"{(today or date.today()).isoformat()}<br/>{html.escape(summary(c, language))}")
    doc_findings = "".join(f"<br/>{html.escape(finding_line(f, language))}" for f in c.findings)
    header = GridRow(tuple(Cell(html.escape(term(k, language)), "head")
                           for k in ("head.label", "head.draft", "head.adopted")), HEAD)
    body = tuple(line for n, r in enumerate(rows) for line in grid_rows(r, n % 2 == 1, language))
    return SheetGrid(CSS, f'<h1>{heading}</h1><p class="meta">{meta}{doc_findings}</p>', COLUMNS, header, body)
