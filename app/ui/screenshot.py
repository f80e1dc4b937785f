"""Render the review window to a PNG without a display:

    QT_QPA_PLATFORM=offscreen python -m app.ui.screenshot docs/screenshot-window.png [DRAFT ADOPTED]

Used for docs/screenshot-window.png and by the screenshot test. Defaults to the bundled sample pair.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox


def render_window(out: str | Path, draft: str | None = None, adopted: str | None = None, *,
                  size: tuple[int, int] = (1360, 820), steps: int = 2, timeout: float = 60.0) -> Path:
    """Open the pair in a fresh window (default settings), step to a change, save a PNG."""
    from app.ui.application import ensure_application, sample_pair
    from app.ui.main_window import MainWindow
    from app.ui.settings import Config

    ensure_application()
    if not (draft and adopted):
        draft, adopted = sample_pair()
    ini = Path(tempfile.mkdtemp(prefix="draftcompare-shot-")) / "settings.ini"
    window = MainWindow(Config(QSettings(str(ini), QSettings.Format.IniFormat)))
    try:
        window.resize(*size)
        window.show()
        window.open_pair(str(draft), str(adopted))
        deadline = time.monotonic() + timeout
        while window.watcher is not None and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        if window.comparison is None:
            box = window.findChild(QMessageBox)          # what the window said: the file and the reason
            said = " ".join(box.text().split()) if box is not None else window.statusBar().currentMessage()
            raise RuntimeError(f"comparison did not finish: {said}")
        # Across languages the findings are what a reviewer reads: step through those when there are some.
        cross = window.comparison.cross_language and window.findings_model.rowCount() > 0
        for _ in range(steps):
            window.next_finding() if cross else window.next_change()
        QApplication.processEvents()
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise RuntimeError(f"cannot write {out}")
        return out
    finally:
        window.hide()
        window.deleteLater()
        QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["-h"], ["--help"]):
        print(__doc__)
        return 0
    if len(args) not in (1, 3) or args[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        return 2
    try:
        print(render_window(*args))
    except (OSError, RuntimeError) as exc:               # a file that cannot be read or written: one line
        print(f"screenshot: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
