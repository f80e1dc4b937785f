"""Export a comparison as a Word file with real tracked changes: accept-all gives the adopted
document and reject-all the draft.

Two Word files are redlined on the documents themselves (``app.io.redline``): the output is the adopted
package with the draft woven in, nothing of either dropped. Otherwise (a text or Markdown draft, an
adopted text that is not Word) the file is laid out from the comparison's pairs (``tracked_events`` ->
``tracked_layout``), on the adopted .docx's styles, numbering and notes when there is one
(``docx_template``, ``tracked_footnotes``), else on Draft Compare's own styles on an A4 page (Letter
by option). Across languages words cannot be compared: every changed paragraph is one deletion and one
insertion of the whole paragraph, which ``tracked_warning`` says in one line for the caller to show.
"""
from __future__ import annotations

import logging
import getpass
from datetime import datetime, timezone
from pathlib import Path

from docx.oxml.ns import qn

from app.core.gcpause import cyclic_gc_paused
from app.core.messages import term
from app.core.model import Comparison
from app.io.bidi import mark_right_to_left
from app.io.atomic import atomic_write, check_target, export_guard
from app.io.docx_package import drop_styles_with_effects, enable_track_changes
from app.io.docx_styles import add_styles, style_paragraph
from app.io.docx_template import (TemplateStyler, blank_document, check_page_size, empty_body, make_own,
                                  open_adopted_template)
from app.io.revisions_xml import Revisions
from app.io.tracked_events import Style, document_events
from app.io.tracked_footnotes import RealFootnotes
from app.io.tracked_layout import merge_adjacent_revisions, write_story

log = logging.getLogger(__name__)


def build_document(comparison: Comparison, *, author: str, date: datetime, page_size: str = "A4"):
    """The tracked document: on the adopted .docx when there is one (its styles, numbering, page set-up),
    else on a clean ``page_size`` ("A4", "Letter") document with Draft Compare's styles."""
    rev = Revisions(author, date)
    template = open_adopted_template(comparison)
    if template is not None:
        document = template.document
        empty_body(document)
        make_own(document, author)
        styler = TemplateStyler(template, comparison)

        def apply_style(p, style: Style) -> None:
            styler.apply(p, style.paragraph, style.counterpart, rev)
    else:
        document = blank_document(page_size, comparison.adopted.language)
        add_styles(document)

        def apply_style(p, style: Style) -> None:
            style_paragraph(document, p, style.paragraph)
    body = document.element.body
    sect = body.find(qn("w:sectPr"))

    def place(p) -> None:
        if sect is not None:
            sect.addprevious(p)      # the body's last child must stay the section properties
        else:                        # (optional: an adopted file may have none)
            body.append(p)

    notes = RealFootnotes.prepare(comparison, template) if template is not None else None
    events = document_events(comparison, skip=notes.is_note_pair if notes else None)
    write_story(events, place, apply_style, rev, notes.body_runs if notes else None)
    if notes is not None:
        notes.write(rev, apply_style)
    merge_adjacent_revisions(body)
    enable_track_changes(document)
    drop_styles_with_effects(document)
    mark_right_to_left(body)
    return document


def default_author() -> str:
    try:
        return getpass.getuser() or "Draft Compare"
    except Exception:   # no user name in some locked-down environments
        log.info("no user name for the author of revisions", exc_info=True)
        return "Draft Compare"


def tracked_warning(comparison: Comparison, language: str = "en") -> str | None:
    """The one line a caller shows with a tracked-changes export of ``comparison``, in ``language``
    ("en", "fr"), or None: across languages the revisions replace whole paragraphs (no word changes)."""
    return term("warning.tracked_cross", language) if comparison.cross_language else None


def export_tracked(comparison: Comparison, out_path: str | Path, *, author: str | None = None,
                   date: datetime | None = None, review: str | Path | None = None, page_size: str = "A4",
                   warnings: list[str] | None = None, language: str = "en") -> Path:
    """Write the tracked-change .docx of ``comparison`` to ``out_path`` and return its path.

    Two Word files are redlined on the documents themselves (``app.io.redline``): the output is the
    adopted package with the draft woven in, nothing of either dropped. Otherwise (a text, Markdown
    or other draft, or an adopted text that is not Word) the file is laid out from the comparison's
    paragraphs, on the adopted .docx's styles and page set-up when there is one, else on a
    ``page_size`` page ("A4", the default, or "Letter"; ValueError for another, before any file is
    touched). ``warnings``: a list the export appends its one-line warnings to, in ``language`` (see
    ``tracked_warning``). Written through the safe-output routine (``app.io.atomic``): never over an
    input, the review file (``review``, or the one beside the adopted text) or its journal. Raises
    ExportError when the target cannot be written."""
    check_page_size(page_size)                           # a bad size fails before any file is touched
    guard = export_guard(comparison.draft.path, comparison.adopted.path, review)
    check_target(out_path, **guard)                      # a refused name fails before the work
    author = author or default_author()
    date = date or comparison.compared_at or datetime.now(timezone.utc)
    warning = tracked_warning(comparison, language)
    if warning:
        log.info("tracked export of a cross-language pair to %s: whole-paragraph revisions", out_path)
        if warnings is not None:
            warnings.append(warning)
    from app.io.redline.export import open_pair, redline_pair   # on first use: heavy
    with cyclic_gc_paused():         # opening, weaving and saving alike make only acyclic objects
        if _both_word(comparison):
            pair = open_pair(comparison)
            if pair is not None:
                return redline_pair(pair, out_path, author=author, date=date,
                                    word_level=not comparison.cross_language,
                                    view=comparison.adopted.tracked_view, protect=guard["protect"])
        document = build_document(comparison, author=author, date=date, page_size=page_size)
        return atomic_write(out_path, lambda fh: document.save(fh), **guard)


def _both_word(comparison: Comparison) -> bool:
    return comparison.draft.format == "docx" and comparison.adopted.format == "docx"
