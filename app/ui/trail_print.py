"""The trail sheet as a PDF (``draftcompare trail --sheet``, File > Export trail sheet): the HTML of
app.io.trail_sheet painted by app.ui.paged_html, A4 landscape by default."""
from __future__ import annotations

from pathlib import Path

from app.core.messages import term, trail_term
from app.core.trail import Trail
from app.io.trail_sheet import trail_sheet_html
from app.ui.paged_html import paint_html_steps, pdf_steps, write_pdf_steps
from app.ui.stepped import Steps, drain


def render_trail_steps(trail: Trail, device, *, language: str = "en", page_size: str | None = "A4") -> Steps[int]:
    """Paint the trail sheet on a paged device, in steps (app.ui.stepped); returns the page count."""
    arrow = " \u2192 "
    header = f"{trail_term('title', language)} \u2014 {arrow.join(trail.names)}"
    html = trail_sheet_html(trail, language=language)
    yield 0.0                                            # the HTML is built: a turn of the event loop
    return (yield from paint_html_steps(html, device, header,
                                        lambda n, m: term("page", language, n=n, m=m), page_size=page_size,
                                        what="trail sheet"))


def export_trail_pdf(trail: Trail, out_path: str | Path, *, language: str = "en", page_size: str = "A4") -> Path:
    """Write the trail sheet as a PDF through the safe-output routine: never over one of the versions;
    the old file stays when it cannot be written. Returns the path; raises ExportError (file, reason)."""
    return drain(export_trail_pdf_steps(trail, out_path, language=language, page_size=page_size))


def export_trail_pdf_steps(trail: Trail, out_path: str | Path, *, language: str = "en",
                           page_size: str = "A4") -> Steps[Path]:
    """``export_trail_pdf`` in steps (app.ui.stepped, ``paged_html.write_pdf_steps``): File > Export runs
    it on the GUI thread; nothing is written when it is closed early."""
    pdf = pdf_steps(lambda w: render_trail_steps(trail, w, language=language, page_size=page_size),
                    f"{trail_term('title', language)} \u2014 {trail.names[-1]}", what="trail sheet")
    guard = {"inputs": tuple(d.path for d in trail.versions if d.path), "protect": ()}
    return (yield from write_pdf_steps(out_path, pdf, guard, page_size))
