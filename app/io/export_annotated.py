"""Annotated Word file: the adopted text with a Word comment on every paragraph that needs a look.

Comments carry the findings (label changes, inserted/moved/split/merged paragraphs, figures and dates
that differ between draft and adopted text, opening phrases) and the reviewer's own notes, naming the
draft label and quoting the draft paragraph where that helps. A draft paragraph that was deleted has no
place in the adopted text, so its comment goes on the adopted paragraph that follows where it stood.

When the adopted text is a .docx, the comments are added to a copy of that very file (its styles,
numbering, footnotes, tables and page set-up untouched; a footnote's comment goes on the paragraph
citing it). From a .txt, or when the adopted file changed since the comparison, the adopted text is
laid out with Draft Compare's own styles.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.core.model import Comparison, Kind, PairKind, ParaPair, Paragraph, Run
from app.io.bidi import mark_right_to_left
from app.io.atomic import atomic_write, export_guard
from app.io.docx_package import drop_styles_with_effects, ensure_comment_styles
from app.io.docx_styles import add_styles, style_paragraph
from app.io.docx_template import open_adopted_template
from app.io.export_tracked import default_author
from app.io.sheet_rows import moved_note
from app.io.xml_text import docx_text

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


def comments_by_paragraph(c: Comparison, notes: Mapping[int, str]) -> dict[int, list[str]]:
    """Adopted paragraph index -> the lines of its comment, in document order."""
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
    return {index: lines for index, lines in sorted(placed.items()) if lines}


def _laid_out(c: Comparison):
    """The adopted text in a new document with Draft Compare's styles: (document, index -> w:p)."""
    document = docx.Document()
    add_styles(document)
    elements: dict[int, object] = {}
    for p in c.adopted.paragraphs:
        par = document.add_paragraph()
        style_paragraph(document, par._p, p)
        for run in p.runs or (Run(p.text),):
            r = par.add_run(docx_text(run.text))
            r.bold, r.italic = run.bold or None, run.italic or None
            r.underline = run.underline or None
            r.font.superscript = run.superscript or None
        elements[p.index] = par._p
    return document, elements


def _adopted_copy(c: Comparison):
    """The adopted .docx itself: (document, index -> w:p), footnotes mapped to their citing paragraph;
    None when it cannot serve (not a .docx, changed, or read with its own tracked changes rejected)."""
    if c.adopted.had_tracked_changes and c.adopted.tracked_view == "original":
        return None      # the file shows its revisions accepted: not the text that was compared
    template = open_adopted_template(c)
    if template is None:
        return None
    elements: dict[int, object] = {}
    last = None
    for p in c.adopted.paragraphs:
        if p.origin >= 0:
            last = template.elements[p.origin]
        if last is not None:
            elements[p.index] = last
    return template.document, elements


def _anchor(p_element, comment_id: int) -> None:
    """Comment range over the whole paragraph, reference mark at its end (any content: hyperlinks,
    fields, revisions, which python-docx's run-based anchoring cannot span)."""
    cid = str(comment_id)
    start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): cid})
    ppr = p_element.find(qn("w:pPr"))
    if ppr is None:
        p_element.insert(0, start)
    else:
        ppr.addnext(start)
    p_element.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): cid}))
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    run.append(rpr)
    run.append(OxmlElement("w:commentReference", attrs={qn("w:id"): cid}))
    p_element.append(run)


def build_annotated(c: Comparison, notes: Mapping[int, str], author: str, date: datetime | None = None):
    document, elements = _adopted_copy(c) or _laid_out(c)
    by_element: dict[int, tuple[object, list[str]]] = {}    # a footnote shares its citing paragraph
    for index, lines in comments_by_paragraph(c, notes).items():
        if index in elements:
            el = elements[index]
            by_element.setdefault(id(el), (el, []))[1].extend(lines)
    initials = "".join(w[0] for w in author.split()[:3]).upper() or "DC"
    when = date or datetime.now(timezone.utc)
    when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    ensure_comment_styles(document)
    drop_styles_with_effects(document)
    comments = document.comments._comments_elm          # created and wired by python-docx when missing
    # Ids counted here: python-docx searches every comment for a free id, quadratic in long documents.
    next_id = max((int(i) for i in comments.xpath("./w:comment/@w:id")), default=-1) + 1
    for n, (el, lines) in enumerate(by_element.values()):
        comments.append(_comment(next_id + n, author, initials, when, lines))
        _anchor(el, next_id + n)
    mark_right_to_left(document.element.body)
    return document, len(by_element)


def _comment(comment_id: int, author: str, initials: str, when: datetime, lines: list[str]):
    """A w:comment as Word writes one: a paragraph per line, the first opening with the annotation mark."""
    comment = OxmlElement("w:comment", attrs={
        qn("w:id"): str(comment_id), qn("w:author"): author, qn("w:initials"): initials,
        qn("w:date"): when.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")})
    for k, line in enumerate(lines):
        p = OxmlElement("w:p")
        ppr = OxmlElement("w:pPr")
        ppr.append(OxmlElement("w:pStyle", attrs={qn("w:val"): "CommentText"}))
        p.append(ppr)
        if k == 0:
            mark = OxmlElement("w:r")
            rpr = OxmlElement("w:rPr")
            rpr.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
            mark.append(rpr)
            mark.append(OxmlElement("w:annotationRef"))
            p.append(mark)
        run = OxmlElement("w:r")
        t = OxmlElement("w:t", attrs={"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        t.text = docx_text(line)
        run.append(t)
        p.append(run)
        comment.append(p)
    return comment


def export_annotated(comparison: Comparison, out_path: str | Path, *, notes: Mapping[int, str] | None = None,
                     author: str | None = None, date: datetime | None = None,
                     review: str | Path | None = None) -> Path:
    """Write the annotated .docx through the safe-output routine (``app.io.atomic``); ``review``: a
    review file given explicitly, which must not be overwritten (the one beside the adopted text never is)."""
    document, _ = build_annotated(comparison, notes or {}, author or default_author(), date)
    return atomic_write(out_path, lambda fh: document.save(fh),
                        **export_guard(comparison.draft.path, comparison.adopted.path, review))
