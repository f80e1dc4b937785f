"""``draftcompare --selftest [--gui] [--keep] [--verbose]``: prove an installed or bundled copy works offline.

Checks the bundled resources, compares the sample pair (it must find the moved and the split paragraph),
writes every export to a temporary folder and reads each back; with ``--gui`` it also builds the window
(offscreen unless QT_QPA_PLATFORM says otherwise). Python's socket layer refuses and records any network
use while it runs, and the last check fails if anything tried. One line per check; exit 0 when all pass.
Used by the packaging smoke test.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path
from typing import Callable


class Skipped(Exception):
    """A check that cannot run in this copy (an optional module is not there): reported, not failed."""


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False) or getattr(sys, "_MEIPASS", None))


def resources_dir() -> Path:
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) / "resources" if base else Path(__file__).resolve().parent.parent / "resources"


_INHERITED = object()


class NetworkGuard:
    """Refuse (and remember) every socket, connection and name lookup made through Python."""

    PATCHED = (("socket", "__init__"), ("socket", "connect"), ("socket", "connect_ex"),
               (None, "create_connection"), (None, "getaddrinfo"), (None, "gethostbyname"))

    def __init__(self) -> None:
        self.attempts: list[str] = []
        self._saved: list[tuple[object, str, object]] = []

    def __enter__(self) -> "NetworkGuard":
        for owner_name, attr in self.PATCHED:
            owner = socket.socket if owner_name else socket
            self._saved.append((owner, attr, owner.__dict__.get(attr, _INHERITED)))
            setattr(owner, attr, self._refuser(f"{owner_name + '.' if owner_name else ''}{attr}"))
        return self

    def __exit__(self, *exc) -> None:
        for owner, attr, original in reversed(self._saved):
            if original is _INHERITED:
                delattr(owner, attr)          # socket.socket.connect comes from _socket.socket again
            else:
                setattr(owner, attr, original)
        self._saved.clear()

    def _refuser(self, name: str) -> Callable:
        def refuse(*args, **kwargs):
            self.attempts.append(f"socket.{name}{args[1:] if name.startswith('socket.') else args}")
            raise OSError(f"draftcompare selftest: network access refused ({name})")
        return refuse


def _reopen_docx(path: Path, kind: str) -> None:
    import docx
    docx.Document(str(path))                       # python-docx can open it again
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml")
        if kind == "tracked" and not (b"<w:ins " in body and b"<w:del " in body):
            raise AssertionError("no tracked insertions and deletions written")
        if kind == "annotated" and "word/comments.xml" not in z.namelist():
            raise AssertionError("no comments part written")


def _export(kind: str, c, out: Path) -> Path:
    """Write one export; ModuleNotFoundError of the exporter itself means this copy has no such export."""
    module = {"tracked": "app.io.export_tracked", "annotated": "app.io.export_annotated",
              "sheet (.docx)": "app.io.export_sheet_docx", "json": "app.io.json_export",
              "sheet (PDF)": "app.ui.sheet_print"}[kind]
    try:
        mod = __import__(module, fromlist=["_"])
    except ModuleNotFoundError as exc:
        # A bundle must hold every exporter, so only a source checkout may skip one.
        if exc.name == module and not frozen():
            raise Skipped(f"{module} not present") from exc
        raise
    if kind == "tracked":
        return mod.export_tracked(c, out / "tracked.docx", author="Self test")
    if kind == "annotated":
        return mod.export_annotated(c, out / "annotated.docx")
    if kind == "sheet (.docx)":
        return mod.export_sheet_docx(c, out / "sheet.docx")
    if kind == "json":
        return mod.write_json(c, out / "comparison.json")
    mod.ensure_qt_app()
    return mod.export_sheet_pdf(c, out / "sheet.pdf")


def run_selftest(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    res = resources_dir()
    draft, adopted = res / "samples" / "draft_en.txt", res / "samples" / "adopted_en.txt"
    results: list[bool] = []
    state: dict = {}

    def check(name: str, fn: Callable[[], str]) -> None:
        t = time.perf_counter()
        try:
            detail = fn()
            results.append(True)
            print(f"ok    {name:22} {detail} ({(time.perf_counter() - t) * 1000:.0f} ms)")
        except Skipped as exc:
            print(f"skip  {name:22} {exc}")
        except Exception as exc:   # report and go on: the point is a complete picture
            results.append(False)
            print(f"FAIL  {name:22} {type(exc).__name__}: {exc}")
            if "--verbose" in argv:
                traceback.print_exc()

    def resources() -> str:
        missing = [p.name for p in (draft, adopted, res / "icons" / "draftcompare.svg") if not p.exists()]
        pngs = sorted((res / "icons").glob("draftcompare-*.png"))
        catalogues = sorted(p.stem for p in (res / "i18n").glob("*.qm"))
        if missing:
            raise AssertionError(f"missing in {res}: {', '.join(missing)}")
        if frozen() and not catalogues:
            raise AssertionError("no translation catalogue (.qm) in the bundle")
        return f"{res}: samples, {len(pngs)} icons, catalogues {', '.join(catalogues) or 'none (not built)'}"

    def compare() -> str:
        from app.io.pipeline import compare_files
        c = state["c"] = compare_files(draft, adopted)
        kinds = {p.kind.value for p in c.pairs}
        missing = {"moved", "split", "changed", "inserted"} - kinds
        if missing:
            raise AssertionError(f"expected {sorted(missing)} pairs, found only {sorted(kinds)}")
        moved = next(p for p in c.pairs if p.kind.value == "moved")
        split = next(p for p in c.pairs if p.kind.value == "split")
        if len(split.draft) != 1 or len(split.adopted) < 2:
            raise AssertionError(f"split pair is {split.draft} -> {split.adopted}")
        return (f"{len(c.pairs)} pairs (moved ¶{moved.draft[0] + 1}→¶{moved.adopted[0] + 1}, split "
                f"¶{split.draft[0] + 1}→{len(split.adopted)}), {c.stats.findings} findings")

    out = Path(tempfile.mkdtemp(prefix="draftcompare-selftest-"))

    def export(kind: str) -> Callable[[], str]:
        def run() -> str:
            path = Path(_export(kind, state["c"], out))
            if path.stat().st_size == 0:
                raise AssertionError("empty output")
            if path.suffix == ".docx":
                _reopen_docx(path, kind)
            elif path.suffix == ".json":
                data = json.loads(path.read_text(encoding="utf-8"))
                if data.get("schema") != "draftcompare.comparison" or len(data["pairs"]) != len(state["c"].pairs):
                    raise AssertionError("JSON does not round-trip the comparison")
            elif path.suffix == ".pdf" and not path.read_bytes().startswith(b"%PDF-"):
                raise AssertionError("not a PDF")
            return f"{path.name}, {path.stat().st_size} bytes"
        return run

    def window() -> str:
        from app.ui.application import ensure_application
        from app.ui.main_window import MainWindow
        qapp = ensure_application()
        w = MainWindow()
        w.show_comparison(state["c"])
        qapp.processEvents()
        image = w.grab()
        if image.isNull() or image.width() < 100:
            raise AssertionError("the window did not render")
        if qapp.windowIcon().isNull():
            raise AssertionError("no application icon")
        title = w.windowTitle()
        w.hide()               # not close(): closing saves this offscreen geometry over the user's settings
        w.deleteLater()
        return f"{qapp.platformName()} {image.width()}x{image.height()}, title {title!r}"

    with NetworkGuard() as guard:
        check("resources", resources)
        check("compare sample pair", compare)
        if "c" in state:
            for kind in ("tracked", "annotated", "sheet (.docx)", "json", "sheet (PDF)"):
                check(f"export {kind}", export(kind))
            if "--gui" in argv:
                check("window", window)

    def offline() -> str:
        if guard.attempts:
            raise AssertionError(f"{len(guard.attempts)} network attempt(s): {guard.attempts[:3]}")
        return "no socket, connection or name lookup"
    check("no network", offline)
    ok = all(results)
    if "--keep" in argv:
        where = f"; outputs in {out}"
    else:
        shutil.rmtree(out, ignore_errors=True)
        where = " (--keep to keep the outputs)"
    print(f"selftest {'passed' if ok else 'FAILED'}: {sum(results)}/{len(results)} checks{where}")
    return 0 if ok else 1
