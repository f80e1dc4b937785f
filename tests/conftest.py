"""Shared test set-up: headless Qt, paths to the seed pair and the bundled samples."""
from __future__ import annotations

import faulthandler
import os
import shutil
import sys
from pathlib import Path

import pytest

# Qt must never need a display in tests; set before any PySide6 import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
SAMPLES = ROOT / "resources" / "samples"
LO_TRACKED = SHARED / "tools" / "lo_tracked.py"

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def seed_draft() -> Path:
    path = SEEDS / "draft_fr.txt"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    return path


@pytest.fixture
def seed_adopted() -> Path:
    path = SEEDS / "adopted_en.txt"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    return path


def libreoffice_available() -> bool:
    return LO_TRACKED.exists() and shutil.which("soffice") is not None and Path("/usr/bin/python3").exists()


requires_libreoffice = pytest.mark.skipif(
    not libreoffice_available() and os.environ.get("CI") != "true",
    reason="headless LibreOffice (libreoffice-writer-nogui, python3-uno) not installed",
)


def libreoffice_comment_count(docx_path: Path, tmp_path: Path) -> int:
    """How many comments LibreOffice finds in a .docx (converted to .odt, annotations counted)."""
    import subprocess
    import zipfile
    from lxml import etree
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(docx_path)],
                   check=True, capture_output=True, timeout=180)
    content = zipfile.ZipFile(tmp_path / (docx_path.stem + ".odt")).read("content.xml")
    office = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    return len(list(etree.fromstring(content).iter(office + "annotation")))


@pytest.fixture
def french(qapp):
    """The window's interface in French for one test (our catalogue and Qt's), English again after it."""
    from app.ui.i18n import i18n_dir, install_translators
    if not (i18n_dir() / "draftcompare_fr.qm").exists():
        pytest.fail("resources/i18n/draftcompare_fr.qm missing: `make i18n` compiles it (make test does)")
    assert install_translators(qapp, "fr") == "fr"
    yield
    install_translators(qapp, "en")


# -- a test that hangs ends the run at once, with every thread's stack ---------------------------------
# Seconds one test may take, set-up and teardown included; the slowest (the bundle build) takes about 60.
TEST_TIME_LIMIT = float(os.environ.get("DRAFTCOMPARE_TEST_TIME_LIMIT", "600"))
_watchdog_fd: int | None = None


def pytest_configure(config) -> None:
    """Keep a copy of the real stderr (output capture is off while plugins are configured): the
    watchdog writes there, where the run's log shows it, not into a test's captured output."""
    global _watchdog_fd
    _watchdog_fd = os.dup(2)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Past TEST_TIME_LIMIT, faulthandler (a C thread: it needs no GIL, so it works in a deadlock)
    prints the Python stack of every thread and ends the process with status 1, so a hung test fails
    CI in minutes, saying where, instead of running into CI's time limit with no word."""
    if _watchdog_fd is not None and TEST_TIME_LIMIT > 0:
        faulthandler.dump_traceback_later(TEST_TIME_LIMIT, exit=True, file=_watchdog_fd)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()
