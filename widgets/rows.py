"""From a Comparison to what the two panes show: rows in reading order and styled text per side.

A *row* is one step of the side-by-side view. Both panes hold every row in the same order, so rows
are monotone on both sides and scroll sync can interpolate inside the row holding the anchor. A row
shows paragraphs on one side and a placeholder band on the other when the pair is one-sided. A moved
pair gives two rows: its draft text where it stood in the draft (placeholder on the adopted side) and
its adopted text where it stands now (placeholder on the draft side), so each pane stays in its own
document order; the gutter links the two ends.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from PySide6.QtGui import QColor, QFont, QTextCharFormat

from app.core.marks import Mark, MarkedParagraph, effective_kind, side_marks
from app.core.model import Comparison, PairKind, Run

# Styles of text segments: the word-diff part of a Mark (app.core.marks), as the panes key their formats.
PLAIN = ""
DELETED = "del"
INSERTED = "ins"
FINDING_UNDERLINE = "#b03000"


@dataclass(frozen=True)
class Row:
    pair: int                 # index into Comparison.pairs
    kind: PairKind            # effective kind (see effective_kind)
    draft: tuple[int, ...]    # draft paragraphs shown in this row; empty = placeholder
    adopted: tuple[int, ...]  # adopted paragraphs shown in this row; empty = placeholder

    def side(self, side: str) -> tuple[int, ...]:
        return self.draft if side == "a" else self.adopted

    @property
    def is_change(self) -> bool:
        return self.kind is not PairKind.EQUAL


def build_rows(comparison: Comparison, changed_only: bool = False) -> list[Row]:
    pairs = comparison.pairs
    # Draft ends of moved pairs, merged into the draft order between the in-order pairs.
    moved_from = sorted((p.draft[0], i) for i, p in enumerate(pairs) if p.kind is PairKind.MOVED and p.draft)
    rows: list[Row] = []
    k = 0

    def flush(before: int | None) -> None:
        nonlocal k
        while k < len(moved_from) and (before is None or moved_from[k][0] < before):
            i = moved_from[k][1]
            rows.append(Row(i, PairKind.MOVED, pairs[i].draft, ()))
            k += 1

    for i, p in enumerate(pairs):
        if p.kind is PairKind.MOVED:
            rows.append(Row(i, PairKind.MOVED, (), p.adopted))
            continue
        if p.draft:
            flush(p.draft[0])
        rows.append(Row(i, effective_kind(comparison, p), p.draft, p.adopted))
    flush(None)
    if changed_only:
        rows = [r for r in rows if r.is_change]
    return rows


def change_rows(rows: list[Row]) -> list[int]:
    return [n for n, r in enumerate(rows) if r.is_change]


def next_index(sorted_items: list[int], current: int, forward: bool, inclusive: bool) -> int | None:
    """The item after (or before) ``current`` in a sorted list; ``inclusive`` accepts ``current``."""
    if forward:
        pos = bisect_left(sorted_items, current if inclusive else current + 1)
        return sorted_items[pos] if pos < len(sorted_items) else None
    pos = bisect_left(sorted_items, current + 1 if inclusive else current) - 1
    return sorted_items[pos] if pos >= 0 else None


@dataclass
class BlockText:
    """One paragraph as a pane shows it: styled segments and finding spans (offsets in the shown text).

    ``spans`` is the engine's reading (app.core.marks), the one the comparison sheet prints;
    ``segments``, ``findings`` and ``emphasis`` are that reading cut the way the pane applies it."""

    paragraph: int
    segments: list[tuple[str, str]]
    findings: list[tuple[int, int, str]]
    emphasis: list[tuple[int, int, Run]] = field(default_factory=list)   # the source's bold/italic runs
    spans: tuple = ()


def interface_language() -> str:
    """The language of the installed interface catalogue ("en" without one): the same question as
    app.ui.i18n.interface_language asks, which widgets may not import."""
    from PySide6.QtCore import QCoreApplication
    lang = QCoreApplication.translate("Language", "en", "code of the interface language: fr for French")
    return lang if lang in ("en", "fr") else "en"


def side_blocks(comparison: Comparison, pair_index: int, side: str, indexes: tuple[int, ...],
                language: str | None = None) -> list[BlockText]:
    """The blocks one pane shows for a pair (``side`` "a" = draft, "b" = adopted; ``indexes`` the
    side's paragraphs of the row): the engine's marks (app.core.marks.side_marks, labels left to the
    margin) as segments, finding spans with their sentences (in ``language``; by default the
    interface's) and the source's emphasis."""
    language = language or interface_language()
    return [_block(m, language) for m in side_marks(comparison, pair_index, side, labels=False, indexes=indexes)]


def shown_text(comparison: Comparison, side: str, index: int) -> str:
    """The text a pane shows for paragraph ``index`` of a side ("a" draft, "b" adopted), without the
    engine's marks: what ``side_blocks``' segments join to (``side_marks`` with ``labels=False`` keeps
    the paragraph's text, less its printed label when the comparison ignores labels)."""
    paragraph = (comparison.draft if side == "a" else comparison.adopted).paragraphs[index]
    return paragraph.text[len(paragraph.prefix):] if comparison.options.ignore_labels else paragraph.text


_DELETED, _INSERTED = Mark.DELETED.value, Mark.INSERTED.value
_BOLD, _ITALIC = Mark.BOLD.value, Mark.ITALIC.value


def _block(marked: MarkedParagraph, language: str) -> BlockText:
    block = BlockText(marked.index, [], [], [], marked.spans)
    pos = 0
    opened: dict[int, list] = {}                # id(finding) -> [start, end, finding], in first-seen order
    for span in marked.spans:
        end = pos + len(span.text)
        flags = span.mark.value                 # ints: Flag arithmetic is slow, and this runs per span
        style = DELETED if flags & _DELETED else INSERTED if flags & _INSERTED else PLAIN
        if block.segments and block.segments[-1][1] == style:
            block.segments[-1] = (block.segments[-1][0] + span.text, style)
        else:
            block.segments.append((span.text, style))
        for f in span.findings:
            entry = opened.setdefault(id(f), [pos, end, f])
            entry[1] = end
        if flags & (_BOLD | _ITALIC):
            block.emphasis.append((pos, end, Run(span.text, bold=bool(flags & _BOLD), italic=bool(flags & _ITALIC))))
        pos = end
    block.findings = [(start, end, f.describe(language)) for start, end, f in opened.values()]
    return block


def char_format(mark: Mark, palette) -> QTextCharFormat:
    """How a pane draws a mark with ``palette`` (widgets.palette.DiffPalette): deleted words struck
    through on the deleted colour, inserted words underlined on the inserted colour (both bold with a
    high-contrast palette), the source's italics and bold kept, a finding on the finding colour with a
    wavy underline (over the word change's colour). The sheet renders the same marks (app/io)."""
    fmt = QTextCharFormat()
    if Mark.DELETED in mark:
        fmt.setBackground(palette.color("deleted"))
        fmt.setFontStrikeOut(True)
    elif Mark.INSERTED in mark:
        fmt.setBackground(palette.color("inserted"))
        fmt.setFontUnderline(True)
        fmt.setUnderlineColor(palette.color("inserted_link"))
    if palette.emphasis and mark & (Mark.DELETED | Mark.INSERTED):
        fmt.setFontWeight(QFont.Weight.Bold)
    if Mark.ITALIC in mark:
        fmt.setFontItalic(True)
    if Mark.BOLD in mark:
        fmt.setFontWeight(QFont.Weight.Bold)
    if Mark.FINDING in mark:
        fmt.setBackground(palette.color("finding"))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
        fmt.setUnderlineColor(QColor(FINDING_UNDERLINE))
    return fmt
