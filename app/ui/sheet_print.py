"""Render the comparison sheet with Qt: PDF (QPdfWriter), print and print preview (QPrinter).

The HTML is laid out once by QTextDocument at the device's resolution and painted page by page, with a
running header (both file names) and a footer "Page n of m". A4 landscape by default, Letter on request.
The CLI uses this module for ``--sheet OUT.pdf``, so it needs only a QGuiApplication (offscreen works).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Mapping

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize,
                           QPagedPaintDevice, QPainter, QPdfWriter, QTextDocument)

from app.core.model import Comparison
from app.io.atomic import atomic_write, check_target, display_path, display_text, export_guard, pdf_problem
from app.io.errors import ExportError
from app.io.sheet_html import sheet_html

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


def ensure_qt_app():
    """The running Qt application, or a new QApplication (offscreen when there is no display)."""
    app = QCoreApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app


def page_layout(page_size: str = "A4") -> QPageLayout:
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    return QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Landscape,
                       QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)


def render_sheet(comparison: Comparison, device: QPagedPaintDevice, *, collapse_equal: bool = False,
                 page_size: str | None = None, notes: Mapping[int, str] | None = None) -> int:
    """Paint the sheet on a paged device; returns the page count. With ``page_size`` the device is set to
    that size in landscape first; without it the device's own layout is kept (what the user chose in the
    print dialog)."""
    if page_size is not None:
        device.setPageLayout(page_layout(page_size))
    html = sheet_html(comparison, collapse_equal=collapse_equal, page_size=page_size or "A4", notes=notes)
    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(device.resolution() if hasattr(device, "resolution") else dpi)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont("DejaVu Serif", 9))
    doc.setHtml(html)
    band = dpi * 0.28                                   # header and footer bands, about 7 mm each
    body = QSizeF(area.width(), area.height() - 2 * band)
    doc.setPageSize(body)
    pages = doc.pageCount()
    painter = QPainter(device)
    if not painter.isActive():
        raise ExportError("sheet", "the printer or PDF file could not be opened for drawing")
    small = QFont("DejaVu Sans", 7)
    header = f"Draft: {comparison.draft.name}    |    Adopted: {comparison.adopted.name}"
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(0, band - page * body.height())
            clip = QRectF(0, page * body.height(), body.width(), body.height())
            painter.setClipRect(clip)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = clip
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            painter.setFont(small)
            painter.drawText(QRectF(0, 0, area.width(), band), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                             header)
            painter.drawText(QRectF(0, area.height() - band, area.width(), band),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                             f"Page {page + 1} of {pages}")
    finally:
        painter.end()
    return pages


def render_pdf(comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
               notes: Mapping[int, str] | None = None) -> bytes:
    """The sheet as PDF bytes, rendered in memory (a QBuffer): Qt's PDF writer ignores write errors, so
    it never writes a file itself; the safe-output routine writes the bytes and reports a full disk."""
    ensure_qt_app()
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError("sheet", "the PDF could not be prepared in memory")
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(display_text(f"Comparison: {comparison.draft.name} / {comparison.adopted.name}"))
    writer.setCreator("Draft Compare")
    render_sheet(comparison, writer, collapse_equal=collapse_equal, page_size=page_size, notes=notes)
    del writer                                           # finishes the PDF (trailer, %%EOF)
    data = bytes(buffer.data())
    buffer.close()
    return data


def export_sheet_pdf(comparison: Comparison, out_path: str | Path, *, collapse_equal: bool = False,
                     page_size: str = "A4", notes: Mapping[int, str] | None = None,
                     review: str | Path | None = None) -> Path:
    """Write the sheet as a PDF through the safe-output routine (``app.io.atomic.atomic_write``): rendered
    into the temporary file in the target folder, checked to be a whole PDF (non-empty, ending with
    %%EOF), then renamed over the target; a device or FIFO is written through. Never over an input, the
    review file (``review``, or the one beside the adopted text) or its journal. Raises ExportError
    naming the file when it cannot be written (full disk, read-only folder ...): the old file stays."""
    ensure_qt_app()
    page_layout(page_size)                               # a bad size fails before any file is touched
    guard = export_guard(comparison.draft.path, comparison.adopted.path, review)
    check_target(out_path, **guard)                      # a refused name fails before the rendering

    def write(fh) -> None:
        try:
            fh.write(render_pdf(comparison, collapse_equal=collapse_equal, page_size=page_size, notes=notes))
        except ExportError as exc:                       # raised naming "sheet": name the file instead
            raise ExportError(display_path(out_path), exc.reason) from None

    return atomic_write(out_path, write, verify=pdf_problem, **guard)


def _printer(page_size: str):
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(page_layout(page_size))
    return printer


def print_preview(parent, comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
                  notes: Mapping[int, str] | None = None):
    """Open Qt's print preview on the sheet; printing from it uses the same rendering."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    printer = _printer(page_size)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Sheet", "Comparison sheet \u2014 print preview"))
    dialog.paintRequested.connect(lambda p: render_sheet(comparison, p, collapse_equal=collapse_equal, notes=notes))
    return dialog.exec()


def print_sheet(parent, comparison: Comparison, *, collapse_equal: bool = False, page_size: str = "A4",
                notes: Mapping[int, str] | None = None):
    from PySide6.QtPrintSupport import QPrintDialog
    printer = _printer(page_size)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec():
        render_sheet(comparison, printer, collapse_equal=collapse_equal, notes=notes)
        return True
    return False
