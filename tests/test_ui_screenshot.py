"""The window rendered to PNG on the sample pair and on the cross-language seed pair.

Set DRAFTCOMPARE_UPDATE_SCREENSHOT=1 to also refresh docs/screenshot-window.png
(or run: QT_QPA_PLATFORM=offscreen python -m app.ui.screenshot docs/screenshot-window.png).
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QImage

from app.ui.screenshot import render_window

DOCS_SHOT = Path(__file__).resolve().parent.parent / "docs" / "screenshot-window.png"


def _distinct_colours(image: QImage, x0: int, x1: int, y0: int, y1: int) -> set[tuple[int, int, int]]:
    colours = set()
    for y in range(y0, y1, 3):
        for x in range(x0, x1, 3):
            c = image.pixelColor(x, y)
            colours.add((c.red() // 16, c.green() // 16, c.blue() // 16))
    return colours


def _check(path: Path) -> QImage:
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 1000 and image.height() >= 600
    # Both text panes have content: text and highlight colours, not one flat background.
    w, h = image.width(), image.height()
    left = _distinct_colours(image, int(w * 0.28), int(w * 0.55), int(h * 0.15), int(h * 0.8))
    right = _distinct_colours(image, int(w * 0.65), int(w * 0.95), int(h * 0.15), int(h * 0.8))
    assert len(left) > 8 and len(right) > 8
    return image


def test_screenshot_sample_pair(qapp, tmp_path):
    out = render_window(tmp_path / "window.png")
    _check(out)
    if os.environ.get("DRAFTCOMPARE_UPDATE_SCREENSHOT") == "1":
        render_window(DOCS_SHOT)
    QThreadPool.globalInstance().waitForDone(10_000)


def test_screenshot_seed_pair(qapp, tmp_path, seed_draft, seed_adopted):
    _check(render_window(tmp_path / "seed.png", str(seed_draft), str(seed_adopted)))
    QThreadPool.globalInstance().waitForDone(10_000)


def test_screenshot_tool_answers_help_and_a_bad_file_in_one_line(qapp, tmp_path, capsys):
    from app.ui.screenshot import main
    assert main(["--help"]) == 0 and "python -m app.ui.screenshot" in capsys.readouterr().out
    assert main(["--bogus"]) == 2 and not (tmp_path / "--bogus").exists()
    capsys.readouterr()
    missing = tmp_path / "missing.txt"
    assert main([str(tmp_path / "x.png"), str(missing), str(missing)]) == 1
    error = capsys.readouterr().err.strip()
    assert error.startswith("screenshot: ") and "\n" not in error and "missing.txt" in error
    QThreadPool.globalInstance().waitForDone(10_000)
