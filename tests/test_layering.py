"""The engine (app.core, app.io) must run without Qt: the CLI and most tests depend on it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE_DIRS = [ROOT / "app" / "core", ROOT / "app" / "io"]


def engine_modules() -> list[str]:
    mods = []
    for base in ENGINE_DIRS:
        for path in sorted(base.rglob("*.py")):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts = parts[:-1]
            mods.append(".".join(parts))
    return mods


def test_engine_has_modules():
    assert "app.core.model" in engine_modules()


def test_engine_modules_do_not_import_qt():
    # A fresh interpreter: importing every engine module must not pull PySide6 in.
    code = (
        "import importlib, sys\n"
        f"mods = {engine_modules()!r}\n"
        "for m in mods:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"engine imported Qt: {out.stdout.strip()}"


def test_engine_sources_do_not_mention_qt_imports():
    offenders = []
    for base in ENGINE_DIRS:
        for path in base.rglob("*.py"):
            for line in path.read_text(encoding="utf-8").splitlines():
                s = line.strip()
                if s.startswith(("import PySide6", "from PySide6", "import shiboken6", "from shiboken6")):
                    offenders.append(f"{path.relative_to(ROOT)}: {s}")
    assert not offenders, offenders
