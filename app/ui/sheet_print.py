"""Render the comparison sheet with Qt: PDF (QPdfWriter), print and print preview (QPrinter).

The grid of HTML cells (app.io.sheet_html) is painted by app.ui.paged_grid, with a running header
(both file names) and a footer "Page n of m": one rendering for the PDF, the preview and the printer.
A4 landscape by default, Letter on request.
The CLI uses this module for ``--sheet OUT.pdf``, so it needs only a QGuiApplication (offscreen works).
Every word of the sheet is in the ``language`` asked (app.core.messages), English by default.
"""
from __future__ import annotations

from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QPagedPaintDevice

from app.core.messages import term
from app.core.model import Comparison
from app.io.atomic import export_guard
from app.io.sheet_html import sheet_grid
from app.ui.paged_grid import paint_grid_steps
from app.ui.paged_html import PAGE_SIZES, ensure_qt_app  # noqa: F401 (re-exported)
from app.ui.paged_html import page_layout, pdf_steps, write_pdf_steps
from app.ui.stepped import Steps, drain


def render_sheet(comparison: Comparison, device: QPagedPaintDevice, *, collapse_equal: bool = False,
                 page_size: str | None = None, notes: Mapping[int, str] | None = None, language: str = "en") -> int:
    """Paint the sheet on a paged device, its words in ``language``; returns the page count. With
    ``page_size`` the device is set to that size in landscape first; without it the device's own layout
    is kept (what the user chose in the print dialog)."""
    return drain(render_sheet_steps(comparison, device, collapse_equal=collapse_equal, page_size=page_size,
                                    notes=notes, language=language))


def render_sheet_steps(comparison: Comparison, device: QPagedPaintDevice, *, collapse_equal: bool = False,
                       page_size: str | None = None, notes: Mapping[int, str] | None = None,
                       language: str = "en") -> Steps[int]:
    """``render_sheet`` in steps (app.ui.stepped)."""
    grid = sheet_grid(comparison, collapse_equal=collapse_equal, page_size=page_size or "A4", notes=notes,
                      language=language)
    header = (f"{term('file.draft', language, name=comparison.draft.name)}    |    "
              f"{term('file.adopted', language, name=comparison.adopted.name)}")
    yield 0.0                                            # the grid is built: a turn of the event loop
    return (yield from paint_grid_steps(grid, device, header, lambda n, m: term("page", language, n=n, m=m),
                                        page_size=page_size))


def render_pdf_steps(comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
                     notes: Mapping[int, str] | None = None, language: str = "en") -> Steps[bytes]:
    """The sheet as PDF bytes, rendered in memory (a QBuffer), in steps (app.ui.stepped): Qt's PDF
    writer ignores write errors, so it never writes a file itself; the safe-output routine writes the
    bytes and reports a full disk."""
    title = term("sheet.pdf_title", language, draft=comparison.draft.name, adopted=comparison.adopted.name)
    return (yield from pdf_steps(lambda writer: render_sheet_steps(
        comparison, writer, collapse_equal=collapse_equal, page_size=page_size, notes=notes, language=language),
        title))


def export_sheet_pdf(comparison: Comparison, out_path: str | Path, *, collapse_equal: bool = False,
                     page_size: str = "A4", notes: Mapping[int, str] | None = None,
                     review: str | Path | None = None, language: str = "en") -> Path:
    """Write the sheet as a PDF, its words in ``language``, through the safe-output routine
    (``app.io.atomic.atomic_write``): rendered in memory, then written into a temporary file in the
    target folder, checked to be a whole PDF (non-empty, ending with %%EOF), then renamed over the
    target; a device or FIFO is written through. Never over an input, the review file (``review``, or
    the one beside the adopted text) or its journal. Raises ExportError naming the file when it cannot
    be written (full disk, read-only folder ...): the old file stays."""
    return drain(export_sheet_pdf_steps(comparison, out_path, collapse_equal=collapse_equal, page_size=page_size,
                                        notes=notes, review=review, language=language))


def export_sheet_pdf_steps(comparison: Comparison, out_path: str | Path, *, collapse_equal: bool = False,
                           page_size: str = "A4", notes: Mapping[int, str] | None = None,
                           review: str | Path | None = None, language: str = "en") -> Steps[Path]:
    """``export_sheet_pdf`` in steps (app.ui.stepped, ``paged_html.write_pdf_steps``): File > Export
    runs it on the GUI thread. The target is checked before the rendering, and nothing is written when
    it is closed early."""
    pdf = render_pdf_steps(comparison, collapse_equal=collapse_equal, page_size=page_size, notes=notes,
                           language=language)
    guard = export_guard(comparison.draft.path, comparison.adopted.path, review)
    return (yield from write_pdf_steps(out_path, pdf, guard, page_size))


def _printer(page_size: str):
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(page_size))
    return printer


def print_preview(parent, comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
                  notes: Mapping[int, str] | None = None, language: str = "en"):
    """Open Qt's print preview on the sheet (its words in ``language``); printing from it uses the same
    rendering."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    printer = _printer(page_size)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Sheet", "Comparison sheet \u2014 print preview"))
    dialog.paintRequested.connect(lambda p: render_sheet(comparison, p, collapse_equal=collapse_equal, notes=notes,
                                                         language=language))
    return dialog.exec()


def print_sheet(parent, comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
                notes: Mapping[int, str] | None = None, language: str = "en"):
    """Print the sheet (its words in ``language``) on the printer the user chooses; False when cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog
    printer = _printer(page_size)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec():
        render_sheet(comparison, printer, collapse_equal=collapse_equal, notes=notes, language=language)
        return True
    return False
