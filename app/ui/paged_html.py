"""Paged output (PDF writer, printer) with a running header and a page footer: the page geometry and
bands every sheet shares, the in-memory PDF, and the painting of one HTML document (the trail sheet).

A page is its printable area (12 mm margins, landscape) cut into a header band (the left-aligned
running header), the body and a footer band ("Page n of m" in the sheet's language), in device pixels.
``paint_html_steps`` lays an HTML document out once, paged, by QTextDocument at the device's resolution
and paints it page by page, in steps (app.ui.stepped) that the window runs on the GUI thread a slice
at a time (the command line drains them at once); the comparison sheet, a table that can run to
thousands of rows, is painted by app.ui.paged_grid on the same pages. PDFs are rendered into memory
(Qt's PDF writer ignores write errors); the caller writes the bytes through the safe-output routine.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (QAbstractTextDocumentLayout, QFont, QPageLayout, QPageSize, QPagedPaintDevice,
                           QPainter, QPdfWriter, QTextDocument)

from app.io.atomic import atomic_write, check_target, display_path, display_text, pdf_problem
from app.io.errors import ExportError
from app.ui.stepped import Steps

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
    """A landscape page of ``page_size`` ("A4" or "Letter") with 12 mm margins; ValueError otherwise."""
    if page_size not in PAGE_SIZES:
        raise ValueError(f"page size must be one of {', '.join(PAGE_SIZES)}")
    return QPageLayout(QPageSize(PAGE_SIZES[page_size]), QPageLayout.Orientation.Landscape,
                       QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)


def page_frame(device: QPagedPaintDevice, page_size: str | None = None) -> tuple[QRectF, float, QSizeF]:
    """The geometry of a page of ``device``, in device pixels: the printable area (origin at its top
    left), the height of the header and footer bands (about 7 mm each) and the size of the body between
    them. With ``page_size`` the device is set to that size in landscape first; without it the device's
    own layout is kept (what the user chose in a print dialog)."""
    if page_size is not None:
        device.setPageLayout(page_layout(page_size))
    dpi = device.logicalDpiY()
    area = QRectF(device.pageLayout().paintRectPixels(device.resolution() if hasattr(device, "resolution")
                                                         else dpi))
    band = dpi * 0.28
    return area, band, QSizeF(area.width(), area.height() - 2 * band)


def paint_bands(painter: QPainter, area: QRectF, band: float, header: str, label: str) -> None:
    """The running ``header`` (left, in the top band) and the page ``label`` (centred, in the bottom
    band) of one page whose printable area is ``area`` (device pixels)."""
    painter.setFont(QFont("DejaVu Sans", 7))
    painter.drawText(QRectF(0, 0, area.width(), band), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                     header)
    painter.drawText(QRectF(0, area.height() - band, area.width(), band),
                     Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, label)


def begin_painting(device: QPagedPaintDevice, what: str) -> QPainter:
    """An active painter on ``device``; ExportError (naming ``what``) when it cannot be drawn on."""
    painter = QPainter(device)
    if not painter.isActive():
        raise ExportError(what, "the printer or PDF file could not be opened for drawing")
    return painter


def paint_html_steps(html: str, device: QPagedPaintDevice, header: str, page_label: Callable[[int, int], str],
                     *, page_size: str | None = None, what: str = "sheet") -> Steps[int]:
    """Paint ``html`` on a paged device, ``header`` on top of every page and ``page_label(n, m)`` at
    the foot; returns the page count. With ``page_size`` the device is set to that size in landscape
    first; without it the device's own layout is kept (what the user chose in a print dialog). Raises
    ExportError (naming ``what``) when the device cannot be drawn on. In steps (app.ui.stepped):
    yields after the HTML is parsed, after the layout, then after each page."""
    area, band, body = page_frame(device, page_size)
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(device)
    doc.setDefaultFont(QFont("DejaVu Serif", 9))
    doc.setPageSize(body)                               # laid out once, paged, before the HTML comes in
    doc.setHtml(html)
    yield 0.25                                          # parsed (and laid out in part): a turn of the loop
    pages = doc.pageCount()
    yield 0.5
    painter = begin_painting(device, what)
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
            paint_bands(painter, area, band, header, page_label(page + 1, pages))
            yield 0.5 + (page + 1) / pages / 2
    finally:
        painter.end()
    return pages


def pdf_steps(paint: Callable[[QPdfWriter], Steps[int]], title: str, *, what: str = "sheet") -> Steps[bytes]:
    """A PDF rendered in memory, in steps (app.ui.stepped): ``paint(writer)`` is a steps generator
    drawing the pages; ``title`` goes in the PDF's metadata; returns the PDF's bytes. Raises
    ExportError (naming ``what``) when no memory buffer can be opened."""
    ensure_qt_app()
    buffer = QBuffer()
    if not buffer.open(QIODevice.OpenModeFlag.WriteOnly):
        raise ExportError(what, "the PDF could not be prepared in memory")
    writer = QPdfWriter(buffer)
    writer.setResolution(300)
    writer.setTitle(display_text(title))
    writer.setCreator("Draft Compare")
    yield from paint(writer)
    del writer                                           # finishes the PDF (trailer, %%EOF)
    data = bytes(buffer.data())
    buffer.close()
    return data


def write_pdf_steps(out_path: str | Path, pdf: Steps[bytes], guard: dict, page_size: str) -> Steps[Path]:
    """Write the PDF that the steps ``pdf`` render, through the safe-output routine
    (``app.io.atomic.atomic_write``), in steps (app.ui.stepped): ``page_size`` and the target (``guard``:
    the inputs and protected files of ``app.io.atomic``) are checked before any rendering; the bytes go
    into a temporary file in the target folder, checked to be a whole PDF (non-empty, ending with
    %%EOF), then renamed over the target. Returns the path; an ExportError of the rendering is raised
    naming the file; the old file stays, and nothing is written when the steps are closed early."""
    ensure_qt_app()
    page_layout(page_size)                               # a bad size fails before any file is touched
    check_target(out_path, **guard)                      # a refused name fails before the rendering
    try:
        data = yield from pdf
    except ExportError as exc:                           # raised naming "sheet": name the file instead
        raise ExportError(display_path(out_path), exc.reason) from None
    return atomic_write(out_path, lambda fh: fh.write(data), verify=pdf_problem, **guard)
