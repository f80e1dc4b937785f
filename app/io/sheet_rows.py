"""The comparison sheet's content, independent of its rendering (HTML for Qt/PDF, or a Word table).

One row per pair: the label column, then each side as marked paragraphs, then the findings and the
reviewer's note. The marks are the window's (app.core.marks.side_marks: deleted, inserted, moved,
finding, bold, italic), so the sheet shows what the panes show; the renderers only give each mark its
look. With ``collapse_equal`` (the window's "Changed paragraphs only", the CLI's ``--collapse-equal``)
each change keeps its row and each run of unchanged pairs between them becomes one gap row:
"⋯ 6 unchanged paragraphs (PP6–PP11)", worded as the window's marker. What is a change is the
window's reading (app.core.marks.is_change); a pair with a reviewer's note keeps its row, so no note is left off.
Every word the sheet adds to the documents' text (findings, notes, kinds, gaps, counts) is in the
``language`` asked (app.core.messages); ``Row.kind`` stays a PairKind value, for the renderers to word.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from app.core.marks import MarkedParagraph, counts, effective_kind, gap_span, is_change, side_marks
from app.core.messages import describe, place_name, severity_name, term
from app.core.model import Comparison, PairKind, ParaPair

GAP = "gap"


@dataclass(frozen=True)
class Row:
    label: str
    draft: tuple[MarkedParagraph, ...]      # the draft's paragraphs of the pair, marked
    adopted: tuple[MarkedParagraph, ...]
    kind: str                               # the pair's kind as the window sees it (a PairKind value), or GAP
    notes: tuple[str, ...] = ()             # findings and the reviewer's note, one line each
    gap: str = ""                           # a gap row's line: "⋯ 6 unchanged paragraphs (PP6–PP11)"
    pairs: tuple[int, ...] = ()             # indexes into Comparison.pairs: the pair, or those a gap hides


def _label(c: Comparison, pair: ParaPair) -> str:
    a = " + ".join(c.draft.paragraphs[i].display_label for i in pair.draft if c.draft.paragraphs[i].display_label)
    b = " + ".join(c.adopted.paragraphs[j].display_label for j in pair.adopted
                   if c.adopted.paragraphs[j].display_label)
    if a and b and (a != b):
        return f"{a} \u2192 {b}"
    return a or b


def moved_note(c: Comparison, n: int, language: str = "en") -> str:
    """Where a moved paragraph came from and where it now stands: "Moved from draft PP5 (now after draft PP6)"."""
    pair = c.pairs[n]
    here = " + ".join(paragraph_name(c.draft.paragraphs[i], language) for i in pair.draft)
    before = next((c.pairs[k] for k in range(n - 1, -1, -1) if c.pairs[k].draft and c.pairs[k].adopted), None)
    where = (term("moved.after", language, label=paragraph_name(c.draft.paragraphs[before.draft[-1]], language))
             if before else term("moved.first", language))
    return term("moved", language, here=here, where=where)


def paragraph_name(p, language: str = "en") -> str:
    """How a paragraph is named in a note: its label, else where it was read, else its position."""
    return p.display_label or place_name(p.source, language) or term("paragraph_n", language, n=p.index + 1)


def finding_line(f, language: str = "en") -> str:
    """A finding as the sheet shows it: "HIGH: Different date: ..." (the severity, then the sentence)."""
    return term("line.finding", language, SEVERITY=severity_name(f.severity, language).upper(),
                text=describe(f, language))


def sheet_rows(c: Comparison, *, collapse_equal: bool = False, notes: Mapping[int, str] | None = None,
               language: str = "en") -> list[Row]:
    """The sheet's rows, one per pair, with the findings and the reviewer's notes worded in ``language``.
    With ``collapse_equal``, one row per change (and per noted pair) and one gap row (kind GAP) for
    each run of the other pairs."""
    notes = notes or {}
    rows: list[Row] = []
    hidden: list[int] = []
    for n, pair in enumerate(c.pairs):
        lines = tuple(finding_line(f, language) for f in pair.findings)
        if notes.get(n, "").strip():
            lines += (term("line.note", language, note=notes[n].strip()),)
        if pair.kind is PairKind.MOVED:
            lines = (moved_note(c, n, language),) + lines
        if collapse_equal and not is_change(c, pair) and not notes.get(n, "").strip():
            hidden.append(n)
            continue
        if hidden:
            rows.append(gap_row(c, hidden, language))
            hidden = []
        rows.append(Row(_label(c, pair), tuple(side_marks(c, pair, "draft")), tuple(side_marks(c, pair, "adopted")),
                        effective_kind(c, pair).value, lines, pairs=(n,)))
    if hidden:
        rows.append(gap_row(c, hidden, language))
    return rows


def gap_row(c: Comparison, hidden: Sequence[int], language: str = "en") -> Row:
    """The row standing for unchanged pairs (indexes into ``c.pairs``), in ``language``: how many and
    where, as the window's marker says it ("⋯ 6 unchanged paragraphs (PP6–PP11)", app.core.marks.gap_span)."""
    return Row("", (), (), GAP, gap=term("gap", language, n=len(hidden), span=gap_span(c, hidden)),
               pairs=tuple(hidden))


def summary(c: Comparison, language: str = "en") -> str:
    """The counts line under the sheet's title, in ``language``: the window's counts
    (app.core.marks.counts), pairs by kind, words (same language), findings, then the mode."""
    k = counts(c)
    parts = [term("counts.with_findings", language, n=k.with_findings) if k.cross_language
             else term("counts.changed", language, n=k.changed)]
    parts += [term(f"counts.{key}", language, n=getattr(k, key)) for key in ("inserted", "deleted", "moved")]
    if k.split_merged:
        parts.append(term("counts.split_merged", language, n=k.split_merged))
    line = [term("counts.paragraphs", language, parts=", ".join(parts))]
    if not k.cross_language:
        detail = ", ".join((term("counts.deleted", language, n=k.words_deleted),
                            term("counts.inserted", language, n=k.words_inserted)))
        line.append(term("counts.words", language, n=k.words, detail=detail))
    line += [term("counts.findings", language, n=k.findings), term(f"mode.{c.mode}", language)]
    return term("counts.separator", language).join(line)
