"""``draftcompare --selftest``: prove an installed or bundled copy works, offline, without a screen.

Compares the bundled sample pair, checks the alignment found, writes every export to a temporary folder
and reads each back. With ``--gui`` it also builds the window offscreen. One line per check; exit 0 when
all pass. Used by the packaging smoke test in CI.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path
from typing import Callable


def resources_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "resources" if base else Path(__file__).resolve().parent.parent / "resources"


def run_selftest(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    samples = resources_dir() / "samples"
    draft, adopted = samples / "draft_en.txt", samples / "adopted_en.txt"
    results: list[bool] = []
    state: dict = {}

    def check(name: str, fn: Callable[[], str]) -> None:
        t = time.perf_counter()
        try:
            detail = fn()
            results.append(True)
            print(f"ok    {name:28} {detail} ({(time.perf_counter() - t) * 1000:.0f} ms)")
        except Exception as exc:   # report and go on: the point is a complete picture
            results.append(False)
            print(f"FAIL  {name:28} {type(exc).__name__}: {exc}")
            if "--verbose" in argv:
                traceback.print_exc()

    def compare() -> str:
        from app.io.pipeline import compare_files
        c = state["c"] = compare_files(draft, adopted)
        kinds = {p.kind.value for p in c.pairs}
        if not {"moved", "split", "changed", "inserted"} <= kinds:
            raise AssertionError(f"unexpected pairs: {sorted(kinds)}")
        return f"{len(c.pairs)} pairs, {c.stats.findings} findings"

    out = Path(tempfile.mkdtemp(prefix="draftcompare-selftest-"))

    def export(kind: str) -> Callable[[], str]:
        def run() -> str:
            c = state["c"]
            if kind == "tracked":
                from app.io.export_tracked import export_tracked
                path = export_tracked(c, out / "tracked.docx", author="Self test")
            elif kind == "annotated":
                from app.io.export_annotated import export_annotated
                path = export_annotated(c, out / "annotated.docx")
            elif kind == "sheet (.docx)":
                from app.io.export_sheet_docx import export_sheet_docx
                path = export_sheet_docx(c, out / "sheet.docx")
            elif kind == "json":
                from app.io.json_export import write_json
                path = write_json(c, out / "comparison.json")
            else:
                from app.ui.sheet_print import ensure_qt_app, export_sheet_pdf
                ensure_qt_app()
                path = export_sheet_pdf(c, out / "sheet.pdf")
            if path.suffix == ".docx":
                import docx
                docx.Document(str(path))            # reopens without error
                if kind == "tracked" and b"<w:ins " not in zipfile.ZipFile(path).read("word/document.xml"):
                    raise AssertionError("no tracked insertions written")
            if path.stat().st_size == 0:
                raise AssertionError("empty output")
            return f"{path.name}, {path.stat().st_size} bytes"
        return run

    def window() -> str:
        from app.ui.application import ensure_application
        from app.ui.main_window import MainWindow
        app = ensure_application()
        w = MainWindow()
        w.show_comparison(state["c"])
        image = w.grab()
        app.processEvents()
        return f"window {image.width()}x{image.height()}"

    check("compare sample pair", compare)
    if "c" in state:
        for kind in ("tracked", "annotated", "sheet (.docx)", "json", "sheet (PDF)"):
            check(f"export {kind}", export(kind))
        if "--gui" in argv:
            check("window offscreen", window)
    ok = all(results)
    print(f"selftest {'passed' if ok else 'FAILED'}: {sum(results)}/{len(results)} checks; outputs in {out}")
    return 0 if ok else 1
