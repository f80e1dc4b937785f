"""run_gui end to end in a child process (its own QApplication and a throw-away settings home)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from app.ui.application import run_gui
from app.ui.main_window import MainWindow

QApplication(sys.argv[:1])  # timers need an application; run_gui adopts this one

def poll():
    app = QApplication.instance()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    boxes = [w for w in app.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    if boxes:
        print("ERROR", boxes[0].text(), boxes[0].informativeText(), file=sys.stderr)
        app.exit(4)
    elif windows and windows[0].comparison is not None:
        w = windows[0]
        print("ORG", app.organizationName(), "|", app.applicationName())
        print("PAIR", w.comparison.draft.name, w.comparison.adopted.name)
        print("ROWS", w.view.draft_pane.row_count(), w.view.adopted_pane.row_count())
        print("STATUS", w.counts_label.text())
        w.close()
        app.quit()
    else:
        QTimer.singleShot(50, poll)

QTimer.singleShot(0, poll)
QTimer.singleShot(30000, lambda: QApplication.instance().exit(3))  # never hang the suite
args = sys.argv[1:] or [None, None]
sys.exit(run_gui(*args))
"""


def run(tmp_path, *args: str) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", SCRIPT, *args], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    return out.stdout


def test_run_gui_opens_bundled_samples_and_remembers_them(tmp_path):
    out = run(tmp_path)
    assert "ORG Draft Compare | Draft Compare" in out
    assert "PAIR draft_en.txt adopted_en.txt" in out
    rows = next(line for line in out.splitlines() if line.startswith("ROWS")).split()[1:]
    assert rows[0] == rows[1] and int(rows[0]) > 10
    settings = list(tmp_path.rglob("*.conf"))
    assert settings and "draft_en.txt" in settings[0].read_text(encoding="utf-8")  # recent pair, geometry


def test_run_gui_opens_the_given_pair(tmp_path, seed_draft, seed_adopted):
    out = run(tmp_path, str(seed_draft), str(seed_adopted))
    assert "PAIR draft_fr.txt adopted_en.txt" in out


def test_run_gui_without_files_reopens_the_last_pair(tmp_path, seed_draft, seed_adopted):
    """Issue #16: `draftcompare` with no files opens the pair opened last (both files still there)."""
    run(tmp_path, str(seed_draft), str(seed_adopted))
    out = run(tmp_path)
    assert "PAIR draft_fr.txt adopted_en.txt" in out
