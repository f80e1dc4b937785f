"""Annotated Word file: the adopted text with a Word comment on every paragraph that needs a look.

Comments carry the findings (label changes, inserted/moved/split/merged paragraphs, figures and dates
that differ between draft and adopted text, opening phrases) and the reviewer's own notes, naming the
draft label and quoting the draft paragraph where that helps. A draft paragraph that was deleted has no
place in the adopted text, so its comment goes on the adopted paragraph that follows where it stood.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

import docx

from app.core.model import Comparison, Kind, PairKind, ParaPair, Paragraph
from app.io.atomic import atomic_write
from app.io.docx_styles import add_styles, style_paragraph
from app.io.export_tracked import default_author
from app.io.sheet_rows import moved_note

QUOTE_CHARS = 300


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    text = " ".join(text.split())
    return "\u00ab\u00a0" + (text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " \u2026") + "\u00a0\u00bb"


def _label(p: Paragraph) -> str:
    return p.display_label or p.source or f"paragraph {p.index + 1}"


def _now(p: Paragraph) -> str:
    """How the adopted text places a paragraph: it drops preamble labels and renumbers, so say it in words."""
    if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE) and (p.number or p.ordinal):
        word = "preambular" if p.kind is Kind.PREAMBLE else "operative"
        return f"{word} paragraph {p.number or p.ordinal}{p.suffix if p.number else ''}"
    return p.display_label or "unlabelled"


def pair_comments(c: Comparison, n: int, pair: ParaPair, notes: Mapping[int, str]) -> list[str]:
    """The lines of the comment for one pair (empty: no comment)."""
    draft = [c.draft.paragraphs[i] for i in pair.draft]
    adopted = [c.adopted.paragraphs[j] for j in pair.adopted]
    lines: list[str] = []
    d_label = " + ".join(_label(p) for p in draft)
    if pair.kind is PairKind.INSERTED:
        lines.append("Not in the draft: added in the adopted text.")
    elif pair.kind is PairKind.DELETED:
        lines.append(f"Draft {d_label} was deleted: {quote(' '.join(p.text for p in draft))}")
    elif pair.kind is PairKind.MOVED:
        lines.append(moved_note(c, n) + ".")
    elif pair.kind is PairKind.SPLIT:
        lines.append(f"Split: draft {d_label} became {len(adopted)} paragraphs.")
    elif pair.kind is PairKind.MERGED:
        lines.append(f"Merged: draft {d_label} became one paragraph.")
    if pair.label_changed and draft and adopted:
        lines.append(f"Draft label {draft[0].display_label}, now {_now(adopted[0])}.")
    for f in pair.findings:
        lines.append(f"[{f.severity.value}] {f.message}")
    if pair.kind is not PairKind.DELETED and draft and (pair.findings or c.cross_language and lines):
        lines.append(f"Draft {d_label}: {quote(' '.join(p.text for p in draft))}")
    note = notes.get(n, "").strip()
    if note:
        lines.append(f"Reviewer's note: {note}")
    return lines


def build_annotated(c: Comparison, notes: Mapping[int, str], author: str, date: datetime | None = None):
    document = docx.Document()
    add_styles(document)
    runs_of: dict[int, list] = {}
    for p in c.adopted.paragraphs:
        par = document.add_paragraph()
        style_paragraph(document, par._p, p)
        for run in p.runs or ():
            r = par.add_run(run.text)
            r.bold, r.italic = run.bold or None, run.italic or None
            r.underline = run.underline or None
            r.font.superscript = run.superscript or None
        if not p.runs:
            par.add_run(p.text)
        runs_of[p.index] = par.runs
    pending: list[str] = []     # comments of deleted pairs, waiting for the next adopted paragraph
    placed: dict[int, list[str]] = {}
    for n, pair in enumerate(c.pairs):
        lines = pair_comments(c, n, pair, notes)
        if not pair.adopted:
            pending += lines
            continue
        target = pair.adopted[0]
        placed.setdefault(target, []).extend(pending + lines)
        pending = []
    if pending and c.adopted.paragraphs:
        placed.setdefault(c.adopted.paragraphs[-1].index, []).extend(pending)
    if c.findings and c.adopted.paragraphs:
        first = c.adopted.paragraphs[0].index
        placed[first] = ["Whole document:"] + [f"[{f.severity.value}] {f.message}" for f in c.findings] \
            + placed.get(first, [])
    initials = "".join(w[0] for w in author.split()[:3]).upper() or "DC"
    count = 0
    for index, lines in sorted(placed.items()):
        if lines and runs_of.get(index):
            comment = document.add_comment(runs_of[index], text=lines[0], author=author, initials=initials)
            if date is not None:   # python-docx stamps "now"; a caller may want one fixed time for all
                comment._comment_elm.date = date if date.tzinfo else date.replace(tzinfo=timezone.utc)
            for line in lines[1:]:
                comment.add_paragraph(line)
            count += 1
    return document, count


def export_annotated(comparison: Comparison, out_path: str | Path, *, notes: Mapping[int, str] | None = None,
                     author: str | None = None, date: datetime | None = None) -> Path:
    document, _ = build_annotated(comparison, notes or {}, author or default_author(), date)
    return atomic_write(out_path, lambda fh: document.save(fh),
                        inputs=(comparison.draft.path, comparison.adopted.path))
