"""GUI entry point: ``run_gui()`` opens the review window on a pair, on the last pair opened when both
its files are still there, or else on the bundled samples."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

import app
from app.logsetup import setup_logging

ORGANIZATION = "Draft Compare"
APPLICATION = "Draft Compare"


def samples_dir() -> Path:
    return Path(app.__file__).resolve().parent.parent / "resources" / "samples"


def sample_pair() -> tuple[str, str]:
    folder = samples_dir()
    return str(folder / "draft_en.txt"), str(folder / "adopted_en.txt")


def start_pair(config) -> tuple[str, str]:
    """What the window opens when given no files: the last pair, if both files still exist; else the samples."""
    for draft, adopted in config.recent_pairs()[:1]:
        if Path(draft).is_file() and Path(adopted).is_file():
            return draft, adopted
    return sample_pair()


def icons_dir() -> Path:
    return samples_dir().parent / "icons"


def app_icon():
    """The application icon: the rendered PNGs (16-256 px) plus the SVG for any other size."""
    from PySide6.QtGui import QIcon
    icon = QIcon()
    folder = icons_dir()
    for png in sorted(folder.glob("draftcompare-*.png")):
        icon.addFile(str(png))
    if (folder / "draftcompare.svg").exists():
        icon.addFile(str(folder / "draftcompare.svg"))
    return icon


def ensure_application(argv: list[str] | None = None) -> QApplication:
    """The running QApplication, or a new one named for QSettings."""
    instance = QApplication.instance()
    if instance is None:
        instance = QApplication(list(argv) if argv is not None else sys.argv[:1])
    instance.setOrganizationName(ORGANIZATION)
    instance.setApplicationName(APPLICATION)
    instance.setApplicationDisplayName(APPLICATION)
    if not getattr(instance, "_draftcompare_icon", False):
        instance.setWindowIcon(app_icon())   # every window and dialog, and the taskbar entry
        instance._draftcompare_icon = True
    if not getattr(instance, "_draftcompare_translated", False):
        from PySide6.QtCore import QSettings
        from app.ui.i18n import install_translators
        install_translators(instance, str(QSettings().value("view/language", "system") or "system"))
        instance._draftcompare_translated = True
    return instance


class FileOpenFilter(QObject):
    """Files the system hands over while the app runs (macOS Finder's Open / Open With, a .dcreview
    double-clicked): QEvent.FileOpen, passed to the window."""

    def __init__(self, open_file, parent=None) -> None:
        super().__init__(parent)
        self.open_file = open_file

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.FileOpen and event.file():
            self.open_file(event.file())
            return True
        return False


def run_gui(draft: str | None = None, adopted: str | None = None, argv=None, *, review: str | None = None) -> int:
    """The window on ``draft`` and ``adopted``, on a saved ``review`` (.dcreview), or else on the last pair
    (or the samples)."""
    setup_logging()   # the rotating log file in the user's profile; never stops start-up
    qapp = ensure_application(argv)
    from app.ui.main_window import MainWindow  # after QApplication: QSettings needs its names

    window = MainWindow()
    qapp.installEventFilter(FileOpenFilter(window.open_file, window))
    if review:
        start = lambda: window.open_review(str(review))   # noqa: E731
    else:
        if not (draft and adopted):
            draft, adopted = start_pair(window.config)
        start = lambda: window.open_pair(str(draft), str(adopted))   # noqa: E731
    window.show()
    # Start comparing once the event loop runs, so the window paints first.
    QTimer.singleShot(0, start)
    return qapp.exec()
