"""The log file (app/logsetup.py): where it lives on each platform, rotation, a folder that cannot be
written never stops start-up, the window sets it up and the About box shows where it is."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import logsetup
from conftest import ROOT


@pytest.fixture
def fresh(monkeypatch):
    """No log set up before or after the test (and none in the user's real profile)."""
    logsetup.shutdown_logging()
    monkeypatch.delenv("DRAFTCOMPARE_LOG_LEVEL", raising=False)
    yield
    logsetup.shutdown_logging()


def test_platform_folders():
    home = Path("/home/officer")
    assert logsetup.default_log_dir("linux", {}, home) == home / ".local/state/draftcompare"
    assert logsetup.default_log_dir("linux", {"XDG_STATE_HOME": "/srv/state"}, home) == Path("/srv/state/draftcompare")
    assert logsetup.default_log_dir("linux", {"XDG_STATE_HOME": "relative"}, home) == home / ".local/state/draftcompare"
    assert logsetup.default_log_dir("darwin", {}, home) == home / "Library/Logs/DraftCompare"
    local = r"C:\Users\officer\AppData\Local"
    assert logsetup.default_log_dir("win32", {"LOCALAPPDATA": local}, home) == Path(local) / "DraftCompare"
    assert logsetup.default_log_dir("win32", {}, home) == home / "AppData/Local/DraftCompare"


def test_the_override_and_the_default(monkeypatch, tmp_path):
    monkeypatch.setenv("DRAFTCOMPARE_LOG_DIR", str(tmp_path / "logs"))
    assert logsetup.log_dir() == tmp_path / "logs"
    monkeypatch.delenv("DRAFTCOMPARE_LOG_DIR")
    assert logsetup.log_dir() == logsetup.default_log_dir()


def test_a_rotating_file_of_1_mb_times_3(fresh, tmp_path):
    path = logsetup.setup_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / "draftcompare.log" == logsetup.log_path()
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(path))
    assert handler.maxBytes == 2**20 and handler.backupCount == 3
    logging.getLogger("app.io.something").info("read %s", "x.docx")
    logging.getLogger("app.io.something").debug("not at the default level")
    logging.getLogger("thirdparty").info("not recorded: other libraries from WARNING up")
    handler.flush()
    text = path.read_text(encoding="utf-8")
    assert "INFO app.io.something: read x.docx" in text and "not at the default level" not in text
    assert "thirdparty" not in text
    assert logsetup.setup_logging(tmp_path / "elsewhere") == path      # once per process
    assert sum(getattr(h, "baseFilename", None) == str(path) for h in logging.getLogger().handlers) == 1
    for _ in range(5000):                                              # rotates, keeps 3 old files
        logging.getLogger("app.x").warning("%s", "x" * 1000)
    handler.flush()
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "draftcompare.log", "draftcompare.log.1", "draftcompare.log.2", "draftcompare.log.3"]


def test_a_folder_that_cannot_be_written_means_no_file_and_no_failure(fresh, tmp_path, caplog):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    with caplog.at_level(logging.DEBUG, logger="app.logsetup"):
        assert logsetup.setup_logging(blocker / "logs") is None
    assert logsetup.log_path() is None
    assert [r.levelno for r in caplog.records if "no log file" in r.getMessage()] == [logging.DEBUG]
    logging.getLogger("app.x").warning("still fine")


def test_debug_level_copies_the_records_to_stderr_once(fresh, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    code = ("import sys, logging; from app.logsetup import setup_logging\n"
            "print(setup_logging(sys.argv[1])); print(setup_logging(sys.argv[1]))")
    out = subprocess.run([sys.executable, "-c", code, str(blocker / "logs")], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, env={**os.environ, "DRAFTCOMPARE_LOG_LEVEL": "DEBUG"})
    assert out.returncode == 0 and out.stdout.split() == ["None", "None"]
    assert out.stderr.count("no log file") == 1 and "Traceback" not in out.stderr
    # Without a file nor DEBUG, a warning (with its traceback) must not reach the CLI's stderr either.
    code += "\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    logging.getLogger('app.io.x').warning('kept', exc_info=True)"
    quiet = subprocess.run([sys.executable, "-c", code, str(blocker / "logs")], capture_output=True, text=True,
                           cwd=ROOT, timeout=60, env={k: v for k, v in os.environ.items() if k != "DRAFTCOMPARE_LOG_LEVEL"})
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_a_failing_write_turns_the_file_off_quietly(fresh, tmp_path, capsys):
    path = logsetup.setup_logging(tmp_path / "logs")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(path))

    class DiskFull:
        def __getattr__(self, name):
            def fail(*args, **kwargs):
                raise OSError(28, "No space left on device")
            return fail
    handler.stream.close()
    handler.stream = DiskFull()
    logging.getLogger("app.x").warning("disk full")
    logging.getLogger("app.x").warning("and again")
    assert logsetup.log_path() is None and handler not in logging.getLogger().handlers
    assert "Logging error" not in capsys.readouterr().err


def test_the_window_start_up_sets_the_log_up(tmp_path):
    # run_gui in a child process, its profile in tmp_path: the log file appears there.
    code = ("import sys\n"
            "from PySide6.QtCore import QTimer\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication(sys.argv[:1])\n"
            "QTimer.singleShot(1500, app.quit)\n"
            "from app.ui.application import run_gui\n"
            "run_gui()\n"
            "from app.logsetup import log_path\n"
            "print(log_path())\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    env.pop("DRAFTCOMPARE_LOG_DIR", None)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    log = tmp_path / "state" / "draftcompare" / "draftcompare.log"
    assert out.stdout.strip().splitlines()[-1] == str(log)
    assert "Draft Compare started" in log.read_text(encoding="utf-8")


def test_the_about_box_shows_the_log_file(qtbot, tmp_path, fresh):
    from test_ui_main_window import make_window, message_box
    window = make_window(qtbot, tmp_path)
    window.about()
    box = message_box(window)
    assert "No log file is being written" in box.informativeText()
    box.close()
    path = logsetup.setup_logging(tmp_path / "logs")
    window.about()
    box = message_box(window)
    assert str(path) in box.informativeText()
    box.close()
    window.close()


def test_the_log_set_up_needs_no_qt(tmp_path):
    code = ("import sys; from app.logsetup import setup_logging; setup_logging(sys.argv[1])\n"
            "print(','.join(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6')))))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, cwd=ROOT,
                         timeout=60, check=True)
    assert out.stdout.strip() == ""
