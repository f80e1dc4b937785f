"""The PyInstaller bundle builds and works on its own, headless and without a network (CI only: ~30 s).

Builds dist/draftcompare with packaging/build.py (or reuses it when newer than every source), then runs
the bundled binary, not the venv: ``--selftest --gui`` and an ``export`` of the sample pair.
"""
from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

pytestmark = [
    pytest.mark.package,
    pytest.mark.skipif(os.environ.get("CI") != "true" and os.environ.get("DRAFTCOMPARE_PACKAGE_TEST") != "1",
                       reason="builds the bundle: set DRAFTCOMPARE_PACKAGE_TEST=1 (CI sets CI=true)"),
]


def _build_module():
    spec = importlib.util.spec_from_file_location("draftcompare_build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bundle():
    pytest.importorskip("PyInstaller")
    build = _build_module()
    out = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--reuse", "--no-test"], cwd=ROOT,
                         capture_output=True, text=True, timeout=900)
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    assert build.BINARY.exists()
    return build


def test_bundle_holds_resources_and_no_network_library(bundle):
    internal = bundle.DIST / "_internal"
    names = {p.name for p in internal.rglob("*")}
    assert {"draft_en.txt", "adopted_en.txt", "draftcompare.svg", "draftcompare-256.png"} <= names
    assert {qm.name for qm in (ROOT / "resources" / "i18n").glob("*.qm")} <= names
    assert "libqoffscreen.so" in names and "libqxcb.so" in names and "libcupsprintersupport.so" in names
    assert not any("Qt6Network" in n for n in names), "QtNetwork was bundled"
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()], "dangling symlinks"


def test_bundled_selftest_passes_offline(bundle):
    out = bundle.run_offline([bundle.BINARY, "--selftest", "--gui"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "selftest passed: 9/9" in out.stdout and "_internal/resources" in out.stdout
    assert "ok    no network" in out.stdout


def test_bundled_export_of_the_sample_pair(bundle, tmp_path):
    out = bundle.run_offline([bundle.BINARY, "export", SAMPLES / "draft_en.txt", SAMPLES / "adopted_en.txt",
                              "--tracked", tmp_path / "t.docx", "--sheet", tmp_path / "s.pdf",
                              "--json", tmp_path / "c.json"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    import docx
    assert any("Examplia" in p.text for p in docx.Document(str(tmp_path / "t.docx")).paragraphs)
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF-")
    assert {p["kind"] for p in json.loads((tmp_path / "c.json").read_text())["pairs"]} >= {"moved", "split"}


def test_bundled_binary_reports_bad_input_without_traceback(bundle, tmp_path):
    out = bundle.run_offline([bundle.BINARY, "compare", tmp_path / "missing.docx", SAMPLES / "adopted_en.txt"],
                             capture_output=True, text=True)
    assert out.returncode == 2 and "missing.docx" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.skipif(not shutil.which("xvfb-run"), reason="xvfb-run not installed (apt: xvfb xauth)")
def test_bundled_window_on_a_real_x_server(bundle):
    env = bundle.offline_env() | {"QT_QPA_PLATFORM": "xcb"}
    out = subprocess.run(["xvfb-run", "-a", str(bundle.BINARY), "--selftest", "--gui"], env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "ok    window" in out.stdout and " xcb " in out.stdout
