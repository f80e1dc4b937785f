"""widgets/ are reusable: they may use Qt and the engine's data model, never app.ui or app.io."""
from __future__ import annotations

import ast
from pathlib import Path

WIDGETS = Path(__file__).resolve().parent.parent / "widgets"
ALLOWED_APP = ("app.core.model", "app.core.marks")   # marks: the one reading of a pair the sheet prints too


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append(node.module)
    return out


def test_widgets_import_only_qt_stdlib_and_the_engine_model():
    offenders = []
    for path in sorted(WIDGETS.glob("*.py")):
        for module in imported_modules(path):
            if module.startswith("app") and module not in ALLOWED_APP:
                offenders.append(f"{path.name}: {module}")
    assert offenders == []
    assert any("widgets.diff_pane" in m for m in imported_modules(WIDGETS / "compare_view.py"))
