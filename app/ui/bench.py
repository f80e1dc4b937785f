"""Benchmark hook for ``make bench``: how long the window takes to show a finished comparison.

    QT_QPA_PLATFORM=offscreen python -m app.ui.bench DRAFT ADOPTED

compares the pair, then prints ``populate_report``: the populate figure in seconds (wall clock and
CPU), the idle-time work that follows it, a jump to the last row, and the peak memory of the process.
"""
from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.core.model import Comparison


def _window():
    from app.ui.application import ensure_application
    from app.ui.main_window import MainWindow
    from app.ui.settings import Config

    ensure_application()
    # A throw-away settings file: the user's zoom or filter must not change the figure (nor be touched).
    ini = Path(tempfile.mkdtemp(prefix="draftcompare-bench-")) / "settings.ini"
    window = MainWindow(Config(QSettings(str(ini), QSettings.Format.IniFormat)))
    window.resize(1280, 820)
    window.show()
    QApplication.processEvents()
    return window


def _close(window) -> None:
    window.watcher = None
    window.hide()
    window.deleteLater()
    QApplication.processEvents()


def _populate(window, comparison: Comparison) -> None:
    """What is measured: hand the comparison to the window, paint the whole window at once (both panes'
    rows on screen laid out and drawn, with their labels margin, the link gutter, the overview bar, the
    change list filled), then process the events that are pending (scroll sync placing the panes,
    idle-time work that is due). Rows off screen are estimated, not laid out: the idle-time pass lays
    them out afterwards, a slice at a time, and is not part of the figure (``populate_report`` times
    it)."""
    window.show_comparison(comparison)
    window.repaint()
    QApplication.processEvents()
    for pane in window.view.panes:    # what the figure claims: the rows on screen are laid out
        if not all(pane.is_laid_out(row) for row in pane.visible_rows()):
            raise AssertionError(f"{pane.objectName()}: rows on screen not laid out after populating")


def measure_populate(comparison: Comparison) -> float:
    """Seconds (wall clock) from handing ``comparison`` to a shown window until it is populated and
    ready to scroll, as ``_populate`` says: both panes' rows on screen laid out and painted, labels
    margin, gutter, overview bar and change list filled, pending events processed. No full layout."""
    window = _window()
    try:
        start = time.perf_counter()
        _populate(window, comparison)
        return time.perf_counter() - start
    finally:
        _close(window)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _current_mb() -> float:
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize() / 2**20
    except OSError:
        return float("nan")


def populate_report(comparison: Comparison) -> dict[str, float]:
    """The populate figure and what follows it: ``seconds`` / ``cpu_seconds`` as ``measure_populate``
    measures them (CPU: time.process_time, all threads); ``idle_seconds`` / ``idle_cpu_seconds`` until
    the idle-time pass has laid out and formatted every row; ``end_seconds`` to bring the last row into
    view afterwards; ``rss_mb`` the resident memory before populating, ``peak_mb_before`` and
    ``peak_mb`` the process's peak (ru_maxrss) before and after all of it, in MB."""
    window = _window()
    try:
        out = {"rss_mb": _current_mb(), "peak_mb_before": _peak_mb()}
        wall, cpu = time.perf_counter(), time.process_time()
        _populate(window, comparison)
        out["seconds"], out["cpu_seconds"] = time.perf_counter() - wall, time.process_time() - cpu
        out["peak_mb_populated"] = _peak_mb()
        wall, cpu = time.perf_counter(), time.process_time()
        while any(pane.layout_pending() for pane in window.view.panes):
            QApplication.processEvents()
            time.sleep(0.001)
        out["idle_seconds"], out["idle_cpu_seconds"] = time.perf_counter() - wall, time.process_time() - cpu
        wall = time.perf_counter()
        window.view.go_to_row(len(window.view.rows) - 1)
        window.repaint()
        out["end_seconds"] = time.perf_counter() - wall
        out["peak_mb"] = _peak_mb()
        return out
    finally:
        _close(window)


def main(argv: list[str] | None = None) -> int:
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    from app.io.pipeline import compare_files
    comparison = compare_files(args[0], args[1])
    for key, value in populate_report(comparison).items():
        print(f"{key:18} {value:10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
