"""Annotated Word file: the adopted text with a Word comment on every paragraph that needs a look.

Comments carry the findings (label changes, inserted/moved/split/merged paragraphs, figures and dates
that differ between draft and adopted text, opening phrases) and the reviewer's own notes, naming the
draft label and quoting the draft paragraph where that helps. A draft paragraph that was deleted has no
place in the adopted text, so its comment goes on the adopted paragraph that follows where it stood.

When the adopted text is a .docx, the comments are added to a copy of that very file (its styles,
numbering, footnotes, tables and page set-up untouched; a footnote's comment goes on the paragraph
citing it). From a .txt, or when the adopted file changed since the comparison, the adopted text is
laid out with Draft Compare's own styles. The comments are written in the ``language`` asked ("en",
"fr"; app.core.messages words the findings).
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from app.core.marks import is_change, is_matter
from app.core.messages import NNBSP, describe, language_of, severity_name, term
from app.core.model import Comparison, Kind, PairKind, ParaPair, Paragraph, Run
from app.io.bidi import mark_right_to_left
from app.io.atomic import atomic_write, export_guard
from app.io.docx_package import drop_styles_with_effects, ensure_comment_styles
from app.io.docx_styles import add_styles, style_paragraph
from app.io.docx_template import blank_document, check_page_size, open_adopted_template
from app.io.export_tracked import default_author
from app.io.sheet_rows import moved_note, paragraph_name
from app.io.xml_text import docx_text

QUOTE_CHARS = 300


def quote(text: str, limit: int = QUOTE_CHARS, language: str = "en") -> str:
    """The text between guillemets, shortened at a word past ``limit`` characters; in French with the
    narrow no-break spaces the rest of the French wording uses."""
    text = " ".join(text.split())
    space = NNBSP if language_of(language) == "fr" else "\u00a0"
    body = text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " \u2026"
    return f"\u00ab{space}{body}{space}\u00bb"


def _now(p: Paragraph, language: str = "en") -> str:
    """How the adopted text places a paragraph: it drops preamble labels and renumbers, so say it in words."""
    if p.kind in (Kind.PREAMBLE, Kind.OPERATIVE) and (p.number or p.ordinal):
        key = "now.preamble" if p.kind is Kind.PREAMBLE else "now.operative"
        return term(key, language, number=f"{p.number or p.ordinal}{p.suffix if p.number else ''}")
    return p.display_label or term("unlabelled", language)


def pair_comments(c: Comparison, n: int, pair: ParaPair, notes: Mapping[int, str],
                  language: str = "en") -> list[str]:
    """The lines of the comment for one pair, in ``language`` (empty: no comment)."""
    draft = [c.draft.paragraphs[i] for i in pair.draft]
    adopted = [c.adopted.paragraphs[j] for j in pair.adopted]
    lines: list[str] = []
    d_label = " + ".join(paragraph_name(p, language) for p in draft)
    if pair.kind is PairKind.INSERTED:
        lines.append(term("comment.inserted", language))
    elif pair.kind is PairKind.DELETED:
        lines.append(term("comment.deleted", language, label=d_label,
                          quote=quote(" ".join(p.text for p in draft), language=language)))
    elif pair.kind is PairKind.MOVED:
        lines.append(moved_note(c, n, language) + term("comment.end", language))
    elif pair.kind is PairKind.SPLIT:
        lines.append(term("comment.split", language, label=d_label, n=len(adopted)))
    elif pair.kind is PairKind.MERGED:
        lines.append(term("comment.merged", language, label=d_label))
    if pair.label_changed and draft and adopted:
        lines.append(term("comment.label", language, label=draft[0].display_label, now=_now(adopted[0], language)))
    for f in pair.findings:
        lines.append(term("comment.finding", language, severity=severity_name(f.severity, language),
                          text=describe(f, language)))
    if pair.kind is not PairKind.DELETED and draft and (pair.findings or c.cross_language and lines):
        lines.append(term("comment.quote", language, label=d_label,
                          quote=quote(" ".join(p.text for p in draft), language=language)))
    note = notes.get(n, "").strip()
    if note:
        lines.append(term("comment.note", language, note=note))
    return lines


def comments_by_paragraph(c: Comparison, notes: Mapping[int, str], language: str = "en") -> dict[int, list[str]]:
    """Adopted paragraph index -> the lines of its comment, in document order, in ``language``."""
    pending: list[str] = []     # comments of deleted pairs, waiting for the next adopted paragraph
    placed: dict[int, list[str]] = {}
    matter: list[int] = []      # changed front and back matter: one comment for all (issue #16)
    for n, pair in enumerate(c.pairs):
        if is_matter(c, pair) and is_change(c, pair):
            matter.append(n)
            continue
        lines = pair_comments(c, n, pair, notes, language)
        if not pair.adopted:
            pending += lines
            continue
        target = pair.adopted[0]
        placed.setdefault(target, []).extend(pending + lines)
        pending = []
    if pending and c.adopted.paragraphs:
        placed.setdefault(c.adopted.paragraphs[-1].index, []).extend(pending)
    if matter and c.adopted.paragraphs:
        at = next((c.pairs[n].adopted[0] for n in matter if c.pairs[n].adopted), c.adopted.paragraphs[0].index)
        lines = [term("comment.matter", language, n=len(matter))]
        for n in matter:    # what the adopted text no longer shows (deleted or changed lines), and notes
            pair = c.pairs[n]
            own = pair_comments(c, n, pair, notes, language)
            lines += own[1:] if pair.kind is PairKind.INSERTED else own
        placed[at] = lines + placed.get(at, [])
    if c.findings and c.adopted.paragraphs:
        first = c.adopted.paragraphs[0].index
        placed[first] = [term("whole_document", language)] + [
            term("comment.finding", language, severity=severity_name(f.severity, language), text=describe(f, language))
            for f in c.findings] + placed.get(first, [])
    return {index: lines for index, lines in sorted(placed.items()) if lines}


def _laid_out(c: Comparison, page_size: str = "A4"):
    """The adopted text in a new ``page_size`` document with Draft Compare's styles: (document, index -> w:p)."""
    document = blank_document(page_size, c.adopted.language)
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


def build_annotated(c: Comparison, notes: Mapping[int, str], author: str, date: datetime | None = None,
                    language: str = "en", page_size: str = "A4"):
    """The annotated python-docx Document, comments in ``language``; returns (document, comment count).
    ``page_size`` ("A4", "Letter") is the page of a document laid out anew; a copy of the adopted .docx
    keeps its own."""
    document, elements = _adopted_copy(c) or _laid_out(c, page_size)
    by_element: dict[int, tuple[object, list[str]]] = {}    # a footnote shares its citing paragraph
    for index, lines in comments_by_paragraph(c, notes, language).items():
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
                     review: str | Path | None = None, language: str = "en", page_size: str = "A4") -> Path:
    """Write the annotated .docx through the safe-output routine (``app.io.atomic``), its comments in
    ``language`` ("en", "fr"), on an A4 page (``page_size`` "Letter" by option) unless it is a copy of the
    adopted .docx; ``review``: a review file given explicitly, which must not be overwritten (the one
    beside the adopted text never is)."""
    check_page_size(page_size)
    document, _ = build_annotated(comparison, notes or {}, author or default_author(), date, language, page_size)
    return atomic_write(out_path, lambda fh: document.save(fh),
                        **export_guard(comparison.draft.path, comparison.adopted.path, review))
