"""File > Export: save dialogs, the export in the background (Word and JSON files on a worker thread, PDF
sheets on the GUI thread a slice at a time: app.ui.stepped), and the report of the outcome.

The exporters belong to other modules and are imported when used, so the window starts (and
says "not available") when one of them is not there yet. The sheet and the annotated file are written
in the interface language, as the window words its findings. With View > Changed paragraphs only, the
sheet (PDF, .docx, print and print preview) shows the changes only, with a gap row for each run of
unchanged paragraphs between them, as the panes do. An exporter's one-line warning (a tracked-changes
file of a cross-language pair holds whole-paragraph replacements) is shown in the status bar with the
"Saved" message.
"""
from __future__ import annotations

import logging
import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QStyle, QToolButton

from app.ui.i18n import interface_language

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


@dataclass(frozen=True)
class ExportSpec:
    key: str
    title: str              # menu text
    module: str
    function: str
    suffix: str             # appended to the adopted file's stem
    file_filter: str
    shortcut: str
    stepped: bool = False   # ``function`` is a steps generator (Qt's text engine), run on the GUI thread


EXPORTS = (
    ExportSpec("tracked", QT_TRANSLATE_NOOP("Exports", "&Tracked changes (.docx)…"), "app.io.export_tracked", "export_tracked",
               "-tracked.docx", QT_TRANSLATE_NOOP("Exports", "Word document (*.docx)"), "Ctrl+E"),
    ExportSpec("annotated", QT_TRANSLATE_NOOP("Exports", "&Annotated (.docx)…"), "app.io.export_annotated", "export_annotated",
               "-annotated.docx", QT_TRANSLATE_NOOP("Exports", "Word document (*.docx)"), "Ctrl+Shift+E"),
    ExportSpec("sheet_pdf", QT_TRANSLATE_NOOP("Exports", "Comparison sheet (&PDF)…"), "app.ui.sheet_print",
               "export_sheet_pdf_steps", "-comparison.pdf", QT_TRANSLATE_NOOP("Exports", "PDF (*.pdf)"), "Ctrl+Alt+P",
               stepped=True),
    ExportSpec("sheet_docx", QT_TRANSLATE_NOOP("Exports", "Comparison sheet (.&docx)…"), "app.io.export_sheet_docx", "export_sheet_docx",
               "-comparison.docx", QT_TRANSLATE_NOOP("Exports", "Word document (*.docx)"), "Ctrl+Alt+D"),
)
PRINT_PREVIEW = ExportSpec("print_preview", QT_TRANSLATE_NOOP("Exports", "Print pre&view…"), "app.ui.sheet_print", "print_preview",
                           "", "", "Ctrl+Shift+P")
PRINT = ExportSpec("print", QT_TRANSLATE_NOOP("Exports", "P&rint…"), "app.ui.sheet_print", "print_sheet", "", "", "Ctrl+P")
# A negotiation trail's own exports (issue #19): enabled while a trail is open; the file is named after
# the last version.
TRAIL_EXPORTS = (
    ExportSpec("trail_sheet", QT_TRANSLATE_NOOP("Exports", "Trail s&heet (PDF)…"), "app.ui.trail_print",
               "export_trail_pdf_steps", "-trail.pdf", QT_TRANSLATE_NOOP("Exports", "PDF (*.pdf)"), "Ctrl+Alt+H",
               stepped=True),
    ExportSpec("trail_cumulative", QT_TRANSLATE_NOOP("Exports", "C&umulative tracked changes (.docx)…"),
               "app.io.export_cumulative", "export_cumulative", "-cumulative.docx",
               QT_TRANSLATE_NOOP("Exports", "Word document (*.docx)"), "Ctrl+Alt+U"),
    ExportSpec("trail_json", QT_TRANSLATE_NOOP("Exports", "Trail (&JSON)…"), "app.io.trail_json", "write_trail_json",
               "-trail.json", QT_TRANSLATE_NOOP("Exports", "JSON (*.json)"), "Ctrl+Alt+J"),
)


def _t(text: str) -> str:
    return QCoreApplication.translate("Exports", text)


def menu_title(spec: ExportSpec) -> str:
    """The spec's title in the user's language, with its mnemonic."""
    return _t(spec.title)


def plain_title(spec: ExportSpec) -> str:
    return menu_title(spec).replace("&", "").rstrip("…")


class NotAvailable(Exception):
    pass


def resolve(spec: ExportSpec) -> Callable:
    try:
        module = importlib.import_module(spec.module)
    except ImportError as exc:  # not written yet, or a dependency of it is missing
        raise NotAvailable(str(exc)) from exc
    function = getattr(module, spec.function, None)
    if not callable(function):
        raise NotAvailable(f"{spec.module} has no {spec.function}()")
    return function


def default_path(window: "MainWindow", spec: ExportSpec) -> str:
    comparison = window.comparison
    adopted = Path(comparison.adopted.path) if comparison is not None else Path("comparison")
    folder = adopted.parent if str(adopted.parent) not in ("", ".") else Path(window.config["last_dir"] or ".")
    return str(folder / f"{adopted.stem}{spec.suffix}")


class ExportController:
    def __init__(self, window: "MainWindow") -> None:
        self.window = window
        self.last_path: str | None = None
        # After an export: an "Open" button in the status bar for a while, and File > Open last export.
        self.open_button = QToolButton()
        self.open_button.setAutoRaise(True)
        self.open_button.setIcon(window.style().standardIcon(QStyle.StandardPixmap.SP_DialogOpenButton))
        self.open_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.open_button.setAccessibleName(QCoreApplication.translate("Exports", "Open the exported file"))
        self.open_button.clicked.connect(self.open_last)
        self.open_button.hide()
        window.statusBar().addPermanentWidget(self.open_button)
        self._hide_button = QTimer(window, singleShot=True, interval=20_000, timeout=self.open_button.hide)
        self.exported: list[Callable[[str], None]] = []   # told the path of each export (menus enable)

    def _saved(self, path: str, warning: str | None = None) -> None:
        self.last_path = path
        name = Path(path).name
        saved = QCoreApplication.translate("Exports", "Saved {path}").format(path=path)
        if warning:
            self.window.statusBar().showMessage(f"{saved} — ⚠ {warning}", 20_000)
        else:
            self.window.statusBar().showMessage(saved, 8000)
        self.open_button.setText(QCoreApplication.translate("Exports", "Open {name}").format(name=name))
        self.open_button.setToolTip(path)
        self.open_button.show()
        self._hide_button.start()
        for listener in self.exported:
            listener(path)

    def open_last(self) -> None:
        """Open the last exported file in the application the system uses for it (Word, a PDF reader)."""
        if not self.last_path:
            return
        self.open_button.hide()
        if not Path(self.last_path).exists():
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Exports", "{path} is no longer there").format(path=self.last_path), 6000)
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(self.last_path)):
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Exports", "No application here opens {name}").format(
                    name=Path(self.last_path).name), 6000)

    def _function(self, spec: ExportSpec) -> Callable | None:
        if self.window.comparison is None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Exports", "Nothing to export: open a pair of documents first"), 4000)
            return None
        try:
            return resolve(spec)
        except NotAvailable as exc:
            self.window.show_message(
                QCoreApplication.translate("Exports", "Not available"),
                QCoreApplication.translate("Exports", "{title} is not available in this version.").format(
                    title=plain_title(spec)),
                detail=str(exc), icon=QMessageBox.Icon.Information)
            return None

    def changed_only(self) -> bool:
        """Whether the window shows changed paragraphs only (View > Changed paragraphs only)."""
        action = getattr(self.window, "act_changed_only", None)
        return bool(action.isChecked()) if action is not None else bool(self.window.config["changed_only"])

    def warning(self, spec: ExportSpec) -> str | None:
        """The exporter's one-line warning about this comparison, in the interface language, or None
        (asked of the exporter's module: ``tracked_warning`` for the tracked changes)."""
        if spec.key != "tracked":
            return None
        ask = getattr(importlib.import_module(spec.module), "tracked_warning", None)
        return ask(self.window.comparison, interface_language()) if callable(ask) else None

    def export(self, spec: ExportSpec) -> None:
        function = self._function(spec)
        if function is None:
            return
        title = plain_title(spec)
        path, _ = QFileDialog.getSaveFileName(
            self.window, QCoreApplication.translate("Exports", "Export {title}").format(title=title),
            default_path(self.window, spec), _t(spec.file_filter))
        if not path:
            return
        ext = spec.suffix.rsplit(".", 1)[-1]
        if not path.lower().endswith("." + ext):
            path += "." + ext
        comparison = self.window.comparison
        kwargs: dict = {}
        if spec.key in ("tracked", "annotated"):
            kwargs["author"] = self.window.config.author()
        if spec.key in ("annotated", "sheet_pdf", "sheet_docx", "print_preview", "print"):
            kwargs["notes"] = self.window.review.notes_by_pair()
            kwargs["language"] = interface_language()     # the officer's language, as the window's
        if spec.key in ("sheet_pdf", "sheet_docx") and self.changed_only():
            kwargs["collapse_equal"] = True                 # the changes, and gap rows between them
        warning = self.warning(spec)
        self.window.config["last_dir"] = str(Path(path).parent)
        self._start(spec, lambda: function(comparison, path, **kwargs),
                    lambda result: self._saved(str(result or path), warning))

    def _start(self, spec: ExportSpec, call: Callable[[], object], on_success: Callable[[object], None]) -> None:
        """Run ``call()``, the export, with the window's progress bar: on a worker thread, or, for a
        stepped spec (Qt's text engine), on the GUI thread a slice at a time, which can be cancelled;
        a failure is shown in a message box."""
        title = plain_title(spec)
        label = QCoreApplication.translate("Exports", "Exporting {title}").format(title=title)

        def failed(exc: BaseException) -> None:
            self.window.show_error(QCoreApplication.translate("Exports", "Cannot export {title}").format(title=title),
                                   exc)
        if spec.stepped:
            self.window.tasks.run_steps(call(), label, on_success=on_success, on_failure=failed)
        else:
            self.window.run_task(lambda _progress, _is_cancelled: call(), label, on_success=on_success,
                                 on_failure=failed, cancellable=False)

    def export_trail(self, spec: ExportSpec, path: str | None = None) -> None:
        """File > Export > a trail export (``TRAIL_EXPORTS``) of the trail open, in the background; the
        trail sheet in the interface language. ``path``: the file (default: asked in a save dialog)."""
        trail = getattr(getattr(self.window, "trails", None), "trail", None)
        if trail is None:
            self.window.statusBar().showMessage(
                QCoreApplication.translate("Exports", "Nothing to export: open a negotiation trail first"), 4000)
            return
        try:
            function = resolve(spec)
        except NotAvailable as exc:
            log.warning("trail export not available: %s", exc)
            self.window.show_message(
                QCoreApplication.translate("Exports", "Not available"),
                QCoreApplication.translate("Exports", "{title} is not available in this version.").format(
                    title=plain_title(spec)),
                detail=str(exc), icon=QMessageBox.Icon.Information)
            return
        title = plain_title(spec)
        if path is None:
            last = Path(trail.versions[-1].path or "trail")
            folder = last.parent if str(last.parent) not in ("", ".") else Path(self.window.config["last_dir"] or ".")
            path, _ = QFileDialog.getSaveFileName(
                self.window, QCoreApplication.translate("Exports", "Export {title}").format(title=title),
                str(folder / f"{last.stem}{spec.suffix}"), _t(spec.file_filter))
            if not path:
                return
        ext = spec.suffix.rsplit(".", 1)[-1]
        if not path.lower().endswith("." + ext):
            path += "." + ext
        kwargs = {"language": interface_language()} if spec.key == "trail_sheet" else {}
        self.window.config["last_dir"] = str(Path(path).parent)
        self._start(spec, lambda: function(trail, path, **kwargs), lambda result: self._saved(str(result or path)))

    def print_sheet(self, spec: ExportSpec) -> None:
        """Print and print preview open their own dialogs, so they run on the GUI thread."""
        function = self._function(spec)
        if function is None:
            return
        kwargs = {"collapse_equal": True} if self.changed_only() else {}   # as the panes show it
        try:
            function(self.window, self.window.comparison, notes=self.window.review.notes_by_pair(),
                     language=interface_language(), **kwargs)
        except Exception as exc:  # a printer or layout failure must not take the window down
            log.error("printing failed", exc_info=True)
            self.window.show_error(QCoreApplication.translate("Exports", "Cannot print"), exc)
