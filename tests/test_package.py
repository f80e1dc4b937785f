"""Packaging smoke test: build the PyInstaller bundle and run it headless and offline (CI only: ~30 s)."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = [
    pytest.mark.package,
    pytest.mark.skipif(os.environ.get("CI") != "true" and os.environ.get("DRAFTCOMPARE_PACKAGE_TEST") != "1",
                       reason="builds the bundle: set DRAFTCOMPARE_PACKAGE_TEST=1 (CI sets CI=true)"),
]


def test_bundle_builds_and_runs_offline():
    pytest.importorskip("PyInstaller")
    out = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], cwd=ROOT, capture_output=True,
                         text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert "selftest passed: 7/7" in out.stdout and "smoke test passed" in out.stdout
    assert (ROOT / "build" / "smoke" / "tracked.docx").stat().st_size > 0
