"""Benchmark hook for ``make bench``: how long the window takes to show a finished comparison."""
from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.core.model import Comparison


def measure_populate(comparison: Comparison) -> float:
    """Seconds from handing ``comparison`` to a shown window until both panes are laid out, rows
    measured and pending events processed (what a user waits for before scrolling)."""
    from app.ui.application import ensure_application
    from app.ui.main_window import MainWindow
    from app.ui.settings import Config

    ensure_application()
    # A throw-away settings file: the user's zoom or filter must not change the figure (nor be touched).
    ini = Path(tempfile.mkdtemp(prefix="draftcompare-bench-")) / "settings.ini"
    config = Config(QSettings(str(ini), QSettings.Format.IniFormat))
    window = MainWindow(config)
    try:
        window.resize(1280, 820)
        window.show()
        QApplication.processEvents()
        start = time.perf_counter()
        window.show_comparison(comparison)
        for pane in window.view.panes:
            pane.row_tops()  # full layout, as the first scroll would need
        QApplication.processEvents()
        return time.perf_counter() - start
    finally:
        window.watcher = None
        window.hide()
        window.deleteLater()
        QApplication.processEvents()
